"""Why an item was dropped: one DropItem subclass per reason, so Scrapy's stats count each."""
from scrapy.exceptions import DropItem


class InvalidArticle(DropItem):
    """The extracted record lacks what every archived article must have."""


class DuplicateArticle(DropItem):
    """The same canonical URL was already handled in this run."""
