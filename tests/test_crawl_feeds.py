"""Sitemaps and feeds: read for article links, without entity expansion or network access."""
import pytest

from crawler.feeds import feed_urls

pytestmark = pytest.mark.slow  # real crawls over HTTP: run with -m "not slow" to skip

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://x.vn/tin-tuc/a-1.html</loc><lastmod>2024-01-02</lastmod></url>
<url><loc>https://x.vn/tin-tuc/b-2.html</loc></url></urlset>"""

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin tức</title>
<item><title>Khai giảng</title><link>https://x.vn/vi/news/a-3.html</link></item></channel></rss>""".encode()

XXE = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset><url><loc>https://x.vn/&xxe;</loc></url></urlset>"""

LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<urlset><url><loc>https://x.vn/&lol9;</loc></url></urlset>"""


def test_sitemap_and_rss_links():
    assert feed_urls(SITEMAP) == ["https://x.vn/tin-tuc/a-1.html", "https://x.vn/tin-tuc/b-2.html"]
    assert feed_urls(RSS) == ["https://x.vn/vi/news/a-3.html"]


def test_hostile_xml_is_not_expanded():
    assert all("root:" not in u for u in feed_urls(XXE))
    urls = feed_urls(LAUGHS)
    assert all(len(u) < 1000 for u in urls)


def test_garbage_gives_nothing():
    assert feed_urls(b"") == [] and feed_urls(b"\x00\x01not xml") == []


def test_feed_urls_on_the_production_domain_map_to_the_serving_host():
    from crawler.feeds import rehost_feed_urls
    from crawler.registry import School

    school = School.for_url("http://127.0.0.1:8001/")
    urls = [f"https://truongchinhtri.example.gov.vn/tin/{i}.html" for i in range(5)]
    got = rehost_feed_urls(urls, "http://127.0.0.1:8001/sitemap.xml", school)
    assert got == [f"http://127.0.0.1:8001/tin/{i}.html" for i in range(5)]
    mixed = ["http://127.0.0.1:8001/a.html"] * 5 + ["https://facebook.com/x"]
    assert rehost_feed_urls(mixed, "http://127.0.0.1:8001/sitemap.xml", school) == mixed


def _archived(db_path) -> set[str]:
    import json

    from tests.support import tct

    out = tct("export", "--db", str(db_path), "--format", "jsonl", "-o", "-").stdout
    return {json.loads(x)["url"] for x in out.splitlines()}


def _articles_only(style: str):
    """A site whose pages link no article: only its sitemaps and frames can lead to them."""
    from tct.demo.server import Route
    from tests.sites.cms import STYLES, build_site

    routes, articles = build_site(style, count=8)
    paths = [STYLES[style].article_path(a) for a in articles]
    kept = {p: routes[p] for p in paths}
    welcome = Route("<html><head><meta charset='utf-8'><title>Trường Chính trị tỉnh Mẫu</title></head>"
                    "<body><h1>Chào mừng</h1><p>Trang đang được nâng cấp.</p></body></html>".encode())
    return kept, welcome, paths, articles


def test_articles_listed_only_in_a_gzipped_sitemap_index_named_by_robots_txt(db_path):
    """Not at /sitemap.xml: robots.txt names a gzipped sitemap index elsewhere (as WordPress names
    /wp-sitemap.xml); the index points at a plain and a gzipped sitemap."""
    import gzip

    from crawler.urls import canonicalize
    from tct.demo.server import Route, SiteServer
    from tests.support import crawl

    routes, welcome, paths, _ = _articles_only("wordpress")
    with SiteServer(routes) as site:
        base = site.url

        def urlset(ps):
            return ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    + "".join(f"<url><loc>{base}{p}</loc></url>" for p in ps) + "</urlset>").encode()

        index = ("<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                 f"<sitemap><loc>{base}/maps/posts-1.xml</loc></sitemap>"
                 f"<sitemap><loc>{base}/maps/posts-2.xml.gz</loc></sitemap></sitemapindex>").encode()
        routes.update({
            "/": welcome,
            "/robots.txt": Route(f"User-agent: *\nDisallow: /wp-admin/\nSitemap: {base}/maps/index.xml.gz\n"
                                 .encode(), content_type="text/plain"),
            "/maps/index.xml.gz": Route(gzip.compress(index), content_type="application/x-gzip"),
            "/maps/posts-1.xml": Route(urlset(paths[:4]), content_type="application/xml"),
            "/maps/posts-2.xml.gz": Route(gzip.compress(urlset(paths[4:])),
                                          content_type="application/x-gzip"),
        })
        site.set_routes(routes)
        crawl(base + "/", db_path)
    assert _archived(db_path) == {canonicalize(base + p) for p in paths}


def test_a_frameset_home_page_and_a_typed_feed(db_path):
    """A frameset's frames are pages of the site; a feed announced by its type is read whatever
    its address looks like."""
    from crawler.urls import canonicalize
    from tct.demo.server import Route, SiteServer
    from tests.support import crawl

    routes, welcome, paths, articles = _articles_only("trang")
    with SiteServer(routes) as site:
        base = site.url
        menu = "".join(f'<li><a href="{p}">{a.title}</a></li>'
                       for p, a in zip(paths[:5], articles, strict=False))
        rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Tin</title>"
               + "".join(f"<item><link>{base}{p}</link></item>" for p in paths[5:]) + "</channel></rss>")
        routes.update({
            "/": Route(b"<html><head><title>Tr\xc6\xb0\xe1\xbb\x9dng</title><link rel='alternate' "
                       b'type="application/rss+xml" href="/index.php?format=xml&amp;t=1"></head>'
                       b'<frameset cols="20%,80%"><frame src="/left.html"><frame src="/welcome.html">'
                       b"</frameset></html>"),
            "/left.html": Route(f"<html><body><ul>{menu}</ul></body></html>".encode()),
            "/welcome.html": welcome,
            "/index.php?format=xml&t=1": Route(rss.encode(), content_type="application/rss+xml"),
        })
        site.set_routes(routes)
        crawl(base + "/", db_path)
    assert _archived(db_path) == {canonicalize(base + p) for p in paths}


def test_listings_paged_and_cards_opened_by_script(db_path):
    """A theme that pages its listing with a button (`onclick="location.href='…'"`) and a page
    selector (`<select onchange="window.location=this.value">`), and opens its cards by script
    (`data-href`): the addresses are written out in the markup, so the crawl finds every article."""
    from crawler.urls import canonicalize
    from tct.demo.server import Route, SiteServer
    from tests.support import crawl

    routes, _, paths, articles = _articles_only("trang")

    def listing(items, more: str) -> Route:
        cards = "".join(f"<div class='card' data-href='{p}'><h3>{a.title}</h3><p>{a.published:%d/%m/%Y}</p>"
                        "</div>" for p, a in items)
        return Route(f"<html><head><meta charset='utf-8'><title>Tin tức</title></head><body><h1>Tin tức</h1>"
                     f"{cards}{more}</body></html>".encode())

    pairs = list(zip(paths, articles, strict=True))
    routes.update({
        "/": listing(pairs[:3], "<button onclick=\"location.href='/tin-tuc/trang-2'\">Trang sau</button>"),
        "/tin-tuc/trang-2": listing(pairs[3:6], "<select onchange='window.location=this.value'>"
                                                "<option value='/tin-tuc/trang-2'>2</option>"
                                                "<option value='/tin-tuc/trang-3'>3</option></select>"),
        "/tin-tuc/trang-3": listing(pairs[6:], ""),
    })
    with SiteServer(routes) as site:
        crawl(site.url + "/", db_path)
        base = site.url
    assert _archived(db_path) == {canonicalize(base + p) for p in paths}


def test_a_splash_home_page_that_sends_the_reader_on_by_script(db_path):
    """An old portal's root prints no links: a script sends the reader to the portal's home
    (`window.location.href = …`). That address is the page's link, or the crawl finds nothing."""
    from crawler.urls import canonicalize
    from tct.demo.server import Route, SiteServer
    from tests.support import crawl

    routes, _, paths, articles = _articles_only("trang")
    items = "".join(f'<li><a href="{p}">{a.title}</a></li>' for p, a in zip(paths, articles, strict=True))
    home = Route(f"<html><head><meta charset='utf-8'><title>Trang chủ</title></head><body><ul>{items}</ul>"
                 "</body></html>".encode())
    routes.update({
        "/": Route(b"<html><head><meta charset='utf-8'><title>Loading</title><script type='text/javascript'>"
                   b"if (screen.width < 1) { alert('x'); }\nwindow.location.href = '/portal/trang-chu.html';"
                   b"</script></head><body><img src='/splash.gif'></body></html>"),
        "/portal/trang-chu.html": home,
    })
    with SiteServer(routes) as site:
        crawl(site.url + "/", db_path)
        base = site.url
    assert _archived(db_path) == {canonicalize(base + p) for p in paths}


def _crawled_rewritten(db_path, rewrite) -> tuple[set[str], set[str]]:
    """(articles archived, articles of the site) after a crawl of a "trang" site each of whose
    pages is rewritten by rewrite(path, body)."""
    from crawler.urls import canonicalize
    from tct.demo.server import Route, SiteServer
    from tests.sites.cms import STYLES, build_site
    from tests.support import crawl

    routes, articles = build_site("trang", count=6)
    for path, route in list(routes.items()):
        if isinstance(route, Route) and route.content_type.startswith("text/html"):
            routes[path] = Route(rewrite(path, route.body))
    with SiteServer(routes) as site:
        crawl(site.url + "/", db_path)
        base = site.url
    return _archived(db_path), {canonicalize(base + STYLES["trang"].article_path(a)) for a in articles}


def test_a_copy_of_a_site_that_links_its_production_domain_is_crawled_where_it_is_served(db_path):
    """A site served from an alias or a test copy prints every link absolute, with its production
    domain, and names itself so in rel=canonical (its own path on that host): those links lead
    to the host serving it, or the crawl would stop at the home page."""
    prod = "https://truongchinhtri.mau.gov.vn"

    def rewrite(path: str, body: bytes) -> bytes:
        return body.replace(b'href="/', f'href="{prod}/'.encode()).replace(
            b"</head>", f'<link rel="canonical" href="{prod}{path}"></head>'.encode(), 1)

    archived, articles = _crawled_rewritten(db_path, rewrite)
    assert archived == articles


@pytest.mark.parametrize("base", ["/", "https://truongchinhtri.mau.gov.vn/"])
def test_links_relative_to_the_pages_base_href(base, db_path):
    """A template that prints `<base href>` and links relative to it (`tin-tuc/bai-2.html` from
    a page three levels down): links resolve against the base, as a browser resolves them, and a
    base naming the production domain is the site's own name, served here."""
    def rewrite(path: str, body: bytes) -> bytes:
        tag = f'<base href="{base}">'.encode()
        return body.replace(b'href="/', b'href="').replace(b"</head>", tag + b"</head>", 1)

    archived, articles = _crawled_rewritten(db_path, rewrite)
    assert archived == articles
