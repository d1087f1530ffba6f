"""Spiders of the tct project."""
