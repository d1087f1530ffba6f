"""Links no reader follows to an article: the rule table every link of a page is read against.

Each rule names what it catches and why; docs/links.md lists them with the link shapes of the
CMSs the schools run (Joomla, WordPress, NukeViet, DNN, Liferay) they were written from. A rule
reads the address as linked, before canonicalisation drops print and session parameters.

A word rule matches a whole path segment (`/lien-he/`, `/Login.aspx`), never the start of an
article's slug: "Liên hệ giữa lý luận và thực tiễn" lives at `/lien-he-giua-ly-luan-….html`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from crawler.urls import PRINT_KEYS, PRINT_MODE_KEYS, PRINT_VALUES


@dataclass(frozen=True)
class Rule:
    name: str
    why: str
    segments: str = ""  # a regex one path segment matches whole (page extension aside)
    path: str = ""  # a regex searched in the whole path (several segments, a file extension)
    keys: frozenset[str] = frozenset()  # a query parameter of one of these names (any value)
    pairs: tuple[tuple[str, str], ...] = ()  # (parameter name, value): regexes matched whole


_ASSET = (r"\.(?:jpe?g|png|gif|bmp|webp|svg|ico|tiff?|pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|zip|rar|"
          r"7z|gz|tar|mp3|mp4|avi|wmv|flv|mov|m4a|wav|ogg|webm|css|js|json|xml|swf|exe|msi|apk|woff2?|"
          r"ttf|eot)(?:\.aspx)?$")
# The print view's parameters are crawler.urls' (canonicalisation drops them), with the portals'
# own spellings beside them: DNN's dnnprintmode, Liferay's <portlet>_viewMode, a share=print.
_PRINT_KEYS = PRINT_KEYS | {"dnnprintmode", "printmode"}
_PRINT_MODE = "|".join(sorted(PRINT_MODE_KEYS | {"share"})) + "|.*_?viewmode"
_PRINT_VALUE = "|".join(sorted(PRINT_VALUES | {"pdf"}))

RULES: tuple[Rule, ...] = (
    Rule("file", "images, documents, media, scripts: no page to read (files are not archived)",
         path=_ASSET),
    Rule("mail", "'send to a friend' and 'email this' forms (Joomla com_mailto, NukeViet sendmail)",
         segments=r"mailto|sendmail|send-?mail|send-?to-?friend|send-?article|tell-?a-?friend|"
                  r"e-?mail-?(?:this|article|friend|to-?friend)|gui-?(?:e-?mail|mail|bai-?viet|"
                  r"cho-?ban-?be)|guiemail",
         pairs=(("option", "com_mailto"), ("op", r"sendmail(?:/.*)?"), ("share", "e-?mail"),
                ("view", "mailto"))),
    Rule("print", "a printer-friendly copy of an article the crawl reads at its own address",
         segments=r"print|printpage|print-?view|printable|in-?bai(?:-viet)?|inbai|savefile|pdf",
         keys=frozenset(_PRINT_KEYS),
         pairs=((_PRINT_MODE, _PRINT_VALUE),
                ("op", r"(?:print|savefile)/.*"))),
    Rule("share", "buttons that post the page to a social network",
         segments=r"share|sharer|chia-?se", keys=frozenset({"share"})),
    Rule("account", "log-in, log-out, registration, password and profile pages",
         segments=r"login|log-?in|logout|log-?out|log-?off|logoff|sign-?in|sign-?up|sign-?out|register|"
                  r"registration|dang-?nhap|dang-?xuat|dang-?ky|dangky|dangnhap|wp-login|lostpass|"
                  r"lost-?password|forgot-?password|reset-?password|sendpassword|quen-?mat-?khau|"
                  r"your_account|editinfo|lostactivelink|my-?account",
         keys=frozenset({"returnurl", "return_url"}),
         pairs=(("option", "com_users|com_user|com_comprofiler"), ("nv", "users"),
                ("ctl", "login|register|sendpassword|logoff|profile|editprofile"),
                ("view", "login|registration|reset|remind|profile"),
                ("p_p_id", r".*login.*"), ("action", "login|register|logout|lostpassword|rp"))),
    Rule("search", "search forms and their results (any query finds pages found elsewhere)",
         segments=r"search|tim-?kiem|timkiem|seek|search-?results?|searchresults?|ket-?qua-?tim-?kiem|"
                  r"finder",
         keys=frozenset({"s", "keyword", "keywords", "tukhoa", "searchword", "searchtext", "search", "k",
                         "query", "searchphrase"}),
         pairs=(("q", "[^/]*"),  # (Drupal without clean URLs routes by ?q=node/12: those stay)
                ("option", "com_search|com_finder|com_smartsearch"), ("nv", "seek"), ("view", "search"))),
    Rule("comment", "comment forms, replies, likes and trackbacks",
         segments=r"comments?|binh-?luan|trackback|respond|reply",
         keys=frozenset({"replytocom", "like_comment", "comment_id", "commentid"}),
         pairs=(("op", "comment.*"), ("nv", "comment"))),
    Rule("feed", "RSS/Atom feeds and sitemaps (read apart, as such, by the spider's discovery)",
         segments=r"feeds?|rss|atom|rss\.xml|atom\.xml|rss\.aspx|instant-?rss|sitemap|site-?map",
         keys=frozenset({"feed"}),
         pairs=(("format", "feed|rss|atom"), ("nv", "feeds"), ("type", "rss|atom"))),
    Rule("calendar", "calendars and schedules: an endless run of dates, not news",
         segments=r"calendar|lich-?cong-?tac|lich-?lam-?viec|lich-?tuan|events?-?calendar|ical|"
                  r"(?:month|week|day|year)\.(?:calendar|listevents)|icalrepeat\.detail|icalevent\.detail",
         keys=frozenset({"ical", "ics", "tribe-bar-date", "outlook-ical", "eventdisplay"}),
         pairs=(("option", "com_jevents|com_eventlist|com_jcalpro|com_dpcalendar|com_icagenda"),
                ("task", r"(?:month|week|day|year)\.(?:calendar|listevents)|icalrepeat\..*"),
                ("view", "calendar|month|week|day"))),
    Rule("contact", "contact forms and maps",
         segments=r"lien-?he|lienhe|contact|contact-?us|contacts",
         pairs=(("option", "com_contact"), ("nv", "contact"))),
    Rule("download", "file downloads and attachments (DNN LinkClick, Liferay documents)",
         segments=r"download|downloads|tai-?ve|taive|getattachment|getdoc|getfile|get_file|"
                  r"linkclick|attachment|file-?download",
         path=r"^/documents/\d+/",
         keys=frozenset({"download", "attachment_id", "fileticket", "attachment"}),
         pairs=(("op", r"download.*"),)),
    Rule("edit", "the site's own editing and admin pages, and action links",
         segments=r"wp-admin|wp-json|xmlrpc|cdn-cgi|_layouts|_vti_bin|webresource|scriptresource|"
                  r"captcha|administrator|admin|wp-content|wp-includes",
         path=r"/component/banners/click",
         keys=frozenset({"rest_route", "action", "edit"}),
         pairs=(("task", r".*\.(?:edit|add|save|delete|go|click|vote)|vote|edit"),
                ("layout", "edit|form"), ("view", "form|edit"), ("p_p_lifecycle", "[12]"),
                ("p_p_state", "exclusive|pop_up"), ("popup", "true"), ("op", "rating|voting"))),
    Rule("outbound", "redirects to other sites and counters in front of them",
         segments=r"redirect|redir|goto|away|ads?-?click",
         pairs=(("url|link|to|u|target|dest|destination|goto", r"(?:https?(?::|%3a)|www\.|%2f%2f).*"),)),
    Rule("amp", "the AMP copy of an article (the same text at another address)",
         segments=r"amp", keys=frozenset({"amp"}), pairs=(("format|outputtype", "amp"),)),
)

_EXT = re.compile(r"\.(?:html?|php\d?|aspx?|jspx?|jsp|cfm|do)$", re.I)


@dataclass(frozen=True)
class _Compiled:
    name: str
    segment: re.Pattern | None
    path: re.Pattern | None
    keys: frozenset[str]
    pairs: tuple[tuple[re.Pattern, re.Pattern], ...]


def _compile(rule: Rule) -> _Compiled:
    return _Compiled(
        rule.name,
        re.compile(f"(?:{rule.segments})", re.I) if rule.segments else None,
        re.compile(rule.path, re.I) if rule.path else None,
        frozenset(k.lower() for k in rule.keys),
        tuple((re.compile(k, re.I), re.compile(v, re.I | re.S)) for k, v in rule.pairs),
    )


_COMPILED = tuple(_compile(r) for r in RULES)


@functools.lru_cache(maxsize=8192)
def skip_reason(url: str) -> str | None:
    """The name of the first rule that catches this absolute URL, or None (follow it)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    segments = [_EXT.sub("", s) for s in path.split("/") if s]
    params = [(k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    for rule in _COMPILED:
        if rule.path is not None and rule.path.search(path):
            return rule.name
        if rule.segment is not None and any(rule.segment.fullmatch(s) for s in segments):
            return rule.name
        for k, v in params:
            if k in rule.keys or any(kp.fullmatch(k) and vp.fullmatch(v) for kp, vp in rule.pairs):
                return rule.name
    return None
