"""Options that several `tct` commands share (tct.cli, tct.cluster), declared once."""
from __future__ import annotations

import click

db_option = click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                         help="Archive file (default: $TCT_DB, else ./archive.db).")
registry_option = click.option(
    "--registry", type=click.Path(dir_okay=False), default=None,
    help="The schools' registry file (default: $TCT_REGISTRY, else the bundled one).")
settings_option = click.option(
    "-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
    help="Override a Scrapy setting for this run (repeatable), e.g. -s DOWNLOAD_DELAY=0.")


def parse_settings(overrides: tuple[str, ...]) -> dict[str, str]:
    """-s NAME=VALUE options as a dict; anything else is a usage error."""
    settings: dict[str, str] = {}
    for item in overrides:
        if "=" not in item:
            raise click.UsageError(f"-s takes NAME=VALUE, got {item!r}")
        k, v = item.split("=", 1)
        settings[k.strip()] = v
    return settings
