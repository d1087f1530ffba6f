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
