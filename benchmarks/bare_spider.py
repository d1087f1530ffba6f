"""A bare Scrapy spider for the crawl benchmark: fetches a given list of URLs, extracts nothing."""
import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls_file: str, **kwargs):
        super().__init__(**kwargs)
        with open(urls_file, encoding="utf-8") as fh:
            self.start_urls = [line.strip() for line in fh if line.strip()]

    def parse(self, response):
        return None
