"""Which links of a page the crawl follows, and under which address."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from crawler.link_rules import RULES, skip_reason
from crawler.links import is_pagination_of, page_links
from crawler.registry import School
from crawler.urls import canonicalize, strip_noise

SCHOOL = School.for_url("https://truongchinhtri.example.vn/")
BASE = "https://truongchinhtri.example.vn/tin-tuc/hoat-dong/bai-1.html?id=5"
HREFS = [
    "/tin-tuc/bai-2.html", "bai-3.html", "./bai-4.html", "../gioi-thieu/", "/a/./b/../c.html",
    "//truongchinhtri.example.vn/bai-5.html", "https://TRUONGCHINHTRI.example.vn/bai-6.html#top",
    "?page=2", "#comments", "/tin-tuc/bai-2.html?utm_source=zalo&fbclid=x", "  /bai-7.html\n",
    "http://truongchinhtri.example.vn:80/bai-8.html", "/bài-viết/tin-9.html", "/bai-10.html?b=2&a=1",
    "https://other.example.com/x.html", "mailto:a@b.vn", "javascript:void(0)", "/files/a.pdf",
    "/tim-kiem?q=x", "/print/bai-1.html", "", "/",
]


def _reference(hrefs: list[str], base: str) -> list[tuple[str, str]]:
    """What page_links must give: urljoin, canonical form, noise stripped, first of each."""
    out, seen = [], set()
    for href in hrefs:
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        absolute = urljoin(base, href)
        url = canonicalize(absolute)
        if url in seen or not SCHOOL.owns(url):
            continue
        seen.add(url)
        out.append((url, strip_noise(absolute)))
    return out


def test_links_resolve_as_urljoin_would():
    got = list(page_links(HREFS, BASE, SCHOOL))
    wanted = [pair for pair in _reference(HREFS, BASE)
              if not pair[0].endswith((".pdf",)) and "tim-kiem" not in pair[0] and "/print/" not in pair[0]]
    assert got == wanted
    # dot segments are resolved, as urljoin does
    assert ("https://truongchinhtri.example.vn/a/c.html", "https://truongchinhtri.example.vn/a/c.html") in got


def test_the_request_keeps_the_address_as_linked_minus_noise():
    got = dict(page_links(["/tin-tuc/bai-2.html?utm_source=zalo&fbclid=x&id=3"], BASE, SCHOOL))
    assert got == {"https://truongchinhtri.example.vn/tin-tuc/bai-2.html?id=3":
                   "https://truongchinhtri.example.vn/tin-tuc/bai-2.html?id=3"}


@pytest.mark.parametrize(("link", "page"), [
    ("https://s.vn/tin-tuc?page=2", "https://s.vn/tin-tuc"),
    ("https://s.vn/tin-tuc/trang-3.html", "https://s.vn/tin-tuc/trang-2.html"),
    ("https://s.vn/tin-tuc/page/2/", "https://s.vn/tin-tuc/"),
    ("https://s.vn/list.aspx?cat=4&PageIndex=2", "https://s.vn/list.aspx?cat=4"),
    ("https://s.vn/tin?start=10", "https://s.vn/tin"),
])
def test_pagination_styles_are_recognised(link, page):
    assert is_pagination_of(link, page)


def test_another_category_is_not_pagination():
    assert not is_pagination_of("https://s.vn/list.aspx?cat=5&PageIndex=2", "https://s.vn/list.aspx?cat=4")


# Links as the CMSs the schools run print them (from their own templates and routers), with the
# rule of crawler/link_rules.py that keeps each from being fetched.
CMS_LINKS = [
    # Joomla 3/4 (Protostar, Cassiopeia): icons under an article, modules, components
    ("/component/mailto/?tmpl=component&template=cassiopeia&link=aHR0cHM6Ly90Y3Q", "mail"),
    ("/index.php?option=com_mailto&tmpl=component&link=aHR0cHM6Ly90Y3Q", "mail"),
    ("/tin-tuc/12-hoi-nghi.html?tmpl=component&print=1&layout=default&page=", "print"),
    ("/component/search/?searchword=chuyen%20doi%20so&searchphrase=all&Itemid=101", "search"),
    ("/component/finder/search?q=hoi+nghi&Itemid=101", "search"),
    ("/component/users/?view=login&Itemid=101", "account"),
    ("/index.php?option=com_users&view=registration", "account"),
    ("/tin-tuc?format=feed&type=rss", "feed"),
    ("/component/banners/click/3", "edit"),
    ("/index.php?option=com_content&task=article.edit&a_id=12", "edit"),
    ("/component/jevents/month.calendar/2024/03/12/-", "calendar"),
    ("/component/contact/contact/1-lien-he", "contact"),
    # WordPress (Jetpack sharing, comments, events calendar, print plugins)
    ("/2024/03/12/hoi-nghi/?share=facebook&nb=1", "share"),
    ("/2024/03/12/hoi-nghi/?share=email&nb=1", "mail"),
    ("/2024/03/12/hoi-nghi/?replytocom=45#respond", "comment"),
    ("/wp-login.php?redirect_to=https%3A%2F%2Ftct.example.vn%2F", "account"),
    ("/?s=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91", "search"),
    ("/2024/03/12/hoi-nghi/feed/", "feed"),
    ("/2024/03/12/hoi-nghi/print/", "print"),
    ("/2024/03/12/hoi-nghi/amp/", "amp"),
    ("/events/?ical=1", "calendar"),
    ("/2024/03/12/hoi-nghi/attachment/anh-1/", "download"),
    ("/wp-admin/post.php?post=12&action=edit", "edit"),
    # NukeViet 4 (rewritten and plain): the news module's tools, users, search
    ("/news/sendmail/hoat-dong/hoi-nghi-tong-ket-12.html", "mail"),
    ("/index.php?language=vi&nv=news&op=sendmail/hoat-dong/hoi-nghi-12.html", "mail"),
    ("/news/print/hoat-dong/hoi-nghi-tong-ket-12.html", "print"),
    ("/index.php?language=vi&nv=news&op=print/hoat-dong/hoi-nghi-12.html", "print"),
    ("/uploads/news/ke-hoach.docx", "file"),
    ("/news/savefile/hoat-dong/hoi-nghi-tong-ket-12.html", "print"),
    ("/users/login/", "account"),
    ("/index.php?language=vi&nv=users&op=register", "account"),
    ("/seek/?q=hoi+nghi", "search"),
    ("/index.php?language=vi&nv=seek&q=hoi+nghi", "search"),
    ("/feeds/", "feed"),
    ("/news/rss/hoat-dong/", "feed"),
    ("/contact/", "contact"),
    # DNN (DotNetNuke)
    ("/tabid/57/ctl/Login/Default.aspx?returnurl=%2ftabid%2f57%2fDefault.aspx", "account"),
    ("/Login.aspx?ReturnUrl=%2fTin-tuc", "account"),
    ("/Default.aspx?tabid=57&ctl=SendPassword", "account"),
    ("/Default.aspx?tabid=57&mid=401&SkinSrc=[G]Skins%2f_default%2fNo+Skin&dnnprintmode=true", "print"),
    ("/LinkClick.aspx?fileticket=AbCdEf%3d&tabid=57&mid=401", "download"),
    ("/SearchResults.aspx?Search=hoi+nghi", "search"),
    ("/Search-Results?Search=hoi+nghi", "search"),
    # Liferay
    ("/c/portal/login?p_l_id=20183", "account"),
    ("/web/guest/trang-chu?p_p_id=com_liferay_login_web_portlet_LoginPortlet&p_p_lifecycle=0"
     "&p_p_state=maximized", "account"),
    ("/web/guest/tin-tuc?p_p_id=101_INSTANCE_a&p_p_lifecycle=0&p_p_state=pop_up&_101_viewMode=print",
     "print"),
    ("/web/guest/tin-tuc?p_p_id=101_INSTANCE_a&p_p_lifecycle=2&p_p_resource_id=x", "edit"),
    ("/c/document_library/get_file?uuid=1f2e&groupId=20181", "download"),
    ("/documents/20181/0/ke-hoach.pdf/1f2e-3d4c", "download"),
    ("/documents/20181/35201/ke-hoach-nam-hoc/1f2e-3d4c", "download"),
    ("/web/guest/search?q=hoi+nghi", "search"),
    # and what surrounds them on any site
    ("/lien-he.html", "contact"),
    ("/lich-cong-tac/tuan-12", "calendar"),
    ("/redirect.php?url=https%3A%2F%2Fbaochinhphu.vn%2Fbai", "outbound"),
]

# Articles and listings of the same CMSs: followed.
CMS_ARTICLES = [
    "/index.php?option=com_content&view=article&id=12:hoi-nghi&catid=8&Itemid=101",
    "/index.php/tin-tuc/12-hoi-nghi-tong-ket",
    "/2024/03/12/hoi-nghi-tong-ket/", "/?p=123", "/tag/chuyen-doi-so/", "/category/tin-tuc/page/2/",
    "/news/hoat-dong/hoi-nghi-tong-ket-12.html", "/news/tag/chuyen-doi-so", "/news/hoat-dong/page-2",
    "/tabid/57/ArticleID/1234/Default.aspx", "/Tin-tuc/ArtMID/401/ArticleID/1234/hoi-nghi",
    "/web/guest/tin-tuc/-/asset_publisher/AbC1/content/hoi-nghi-tong-ket?inheritRedirect=false"
    "&redirect=https%3A%2F%2Ftct.example.vn%2Fweb%2Fguest%2Ftin-tuc",
    "/?q=node/123",  # Drupal without clean URLs
    # slugs that begin with a word a rule reads as a whole segment
    "/tin-tuc/lien-he-giua-ly-luan-va-thuc-tien-12.html", "/tin-tuc/dang-ky-du-thi-giang-vien-gioi.html",
    "/tin-tuc/tim-kiem-nhan-tai-cho-dia-phuong.html", "/tin-tuc/chia-se-kinh-nghiem-giang-day.html",
    "/tin-tuc/lich-su-truong-chinh-tri.html", "/tin-tuc/in-dam-dau-an-45-nam.html",
]


@pytest.mark.parametrize(("href", "rule"), CMS_LINKS)
def test_links_no_reader_follows_to_an_article_are_not_fetched(href, rule):
    url = "https://truongchinhtri.example.vn" + href
    assert skip_reason(url) == rule
    assert list(page_links([href], BASE, SCHOOL)) == []


@pytest.mark.parametrize("href", CMS_ARTICLES)
def test_articles_and_listings_of_the_same_cms_are_followed(href):
    got = list(page_links([href], BASE, SCHOOL))
    assert len(got) == 1 and skip_reason(got[0][1]) is None


def test_liferay_return_addresses_are_not_part_of_an_articles_address():
    [(url, fetch)] = page_links([CMS_ARTICLES[11]], BASE, SCHOOL)
    assert url == fetch == ("https://truongchinhtri.example.vn/web/guest/tin-tuc/-/asset_publisher/AbC1/"
                            "content/hoi-nghi-tong-ket")


def test_every_rule_is_documented():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "links.md").read_text(encoding="utf-8")
    assert all(f"`{rule.name}`" in doc for rule in RULES)
    assert {rule for _, rule in CMS_LINKS} == {rule.name for rule in RULES}


def test_the_production_host_a_page_names_itself_by():
    from crawler.links import production_host

    # The school's own host (https, www.) is no alias.
    assert production_host(BASE, "https://www.truongchinhtri.example.vn/tin-tuc/hoat-dong/bai-1.html?id=5",
                           SCHOOL) is None
    here = "http://127.0.0.1:8080/tin-tuc/bai-2.html"
    school = SCHOOL.__class__.for_url("http://127.0.0.1:8080/")
    assert production_host(here, "https://truongchinhtri.mau.gov.vn/tin-tuc/bai-2.html", school) \
        == "truongchinhtri.mau.gov.vn"
    # Another page's address (a syndicated story's original), the page's own host, none: no alias.
    assert production_host(here, "https://bao.example.vn/tin-tuc/bai-goc.html", school) is None
    assert production_host(here, "/tin-tuc/bai-2.html", school) is None
    assert production_host(here, None, school) is None
