"""Scrapy settings of the tct crawler. Polite by default; tests and benchmarks override with -s."""

from crawler.node import take_feed

BOT_NAME = "tct"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify ourselves and obey the sites' rules.
USER_AGENT = "tct-archive/0.1 (+https://github.com/tct-archive/tct-archive; research archive crawler)"
ROBOTSTXT_OBEY = True

# Politeness: at most 2 requests at a time per host, AutoThrottle adapting to the server.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Items of one response go through the pipelines one after the other: ours are synchronous, and
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for every response (100 by default), a cost of
# about 0.7 ms of CPU per page that buys nothing here.
CONCURRENT_ITEMS = 1
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.5

# Faults: retry 5xx and timeouts with backoff, cap sizes, follow a few redirects only.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
METAREFRESH_ENABLED = True

# Traps: depth and page limits a user can raise (-s DEPTH_LIMIT=20, --max-pages). The spider
# counts depth itself (the next page of a listing that shows new content is no deeper), so
# Scrapy's DepthMiddleware, which would count every link, is off.
DEPTH_LIMIT = 12
SPIDER_MIDDLEWARES = {"scrapy.spidermiddlewares.depth.DepthMiddleware": None}
# Every request, redirects and meta refreshes included, stays on its school's site: the spider
# enables crawler.scope.ScopeMiddleware itself (spider_settings below).
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Our own settings (TCT_ prefix). TCT_DB is set by `tct crawl` from --db / $TCT_DB.
TCT_DB = None  # None: $TCT_DB, else ./archive.db (archive.paths.resolve_db_path)
TCT_MAX_PAGES = 20000  # per site and run
TCT_REVISIT_DAYS = 30  # re-request (conditionally) archived articles older than this; 0: never
TCT_EXTRACT_WORKERS = 1  # processes that parse pages beside the crawl; 0: parse in the crawl itself
TCT_EXTRACT_SECONDS = 30.0  # a page's extraction may take this long; then it fails, its worker replaced
TCT_DB_MAX_MB = 0  # the archive may grow to this size (0: no cap); past it the crawl stops cleanly
TCT_COMMIT_SECONDS = 1.0  # a crawl commits its writes together this often (a kill loses at most this)
TCT_IN_FLIGHT = 64  # requests of one site handed to Scrapy at a time; the rest wait on disk
TCT_PROGRESS = False  # a one-line progress display on stderr (tct crawl turns it on)
TCT_CLUSTER_STATE = None  # set by `tct cluster crawl`: this job crawls for a coordinator (crawler.node)

ITEM_PIPELINES = {
    "crawler.pipelines.NormalizePipeline": 100,
    "crawler.pipelines.ValidatePipeline": 200,
    "crawler.pipelines.DedupePipeline": 300,
    "crawler.pipelines.StorePipeline": 400,
}
EXTENSIONS = {
    "crawler.progress.ProgressDisplay": 500,
    "scrapy.extensions.telnet.TelnetConsole": None,
}

LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"


def spider_settings(settings) -> None:
    """What the `schools` spider sets for itself (Spider.update_settings), whatever the project's
    settings say: its crawl session and its scope check among the base components, so that
    `-s EXTENSIONS=…` or `-s DOWNLOADER_MIDDLEWARES=…` cannot drop them; and no AutoThrottle start
    delay for a crawl asked to wait nothing (a local test site)."""
    for name, component, order in (("EXTENSIONS_BASE", "crawler.session.CrawlSession", 0),
                                   ("DOWNLOADER_MIDDLEWARES_BASE", "crawler.scope.ScopeMiddleware", 50)):
        base = settings.getdict(name)
        base.setdefault(component, order)
        settings.set(name, base, priority="spider")
    take_feed(settings)
    start_delay_is_default = (settings.getpriority("AUTOTHROTTLE_START_DELAY") or 0) <= 20
    if settings.getfloat("DOWNLOAD_DELAY") == 0 and start_delay_is_default:
        settings.set("AUTOTHROTTLE_START_DELAY", 0.0, priority="spider")
