"""The Scrapy project: site registry, the `schools` spider, the article parser and the pipelines."""
