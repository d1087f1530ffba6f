"""Rule tables of the generic extractor: tags, class tokens, phrases and patterns.

Order is priority where it matters. Patterns are joined by `alt()`, which refuses an empty group
(an empty alternation would match everything). Site-specific refinements belong in the site
registry's profiles, never here.
"""
from __future__ import annotations

import re


def alt(words: tuple[str, ...] | list[str]) -> str:
    if not words:
        raise ValueError("empty rule group")
    return "(?:" + "|".join(words) + ")"


# -- tree ------------------------------------------------------------------------------------
DROP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "select", "option", "button", "input", "textarea",
    "svg", "template", "head", "object", "embed", "map", "canvas", "video", "audio", "link", "meta",
})
BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tbody", "thead",
    "tfoot", "tr", "td", "th", "section", "article", "header", "footer", "nav", "aside", "main",
    "blockquote", "dl", "dt", "dd", "figure", "figcaption", "center", "form", "address", "pre",
    "hr", "fieldset", "legend", "caption", "body", "html", "marquee", "details", "summary",
})
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Landmarks whose text is never the article's own. (A <header> counts only outside an <article>;
# a <form> is not one: ASP.NET pages wrap the whole page in a form.)
CHROME_TAGS = frozenset({"nav", "footer", "aside", "marquee"})
# Of those, the landmarks: chrome unless one holds most of the page's running text (an unclosed
# <aside> or <nav> that the parser wraps around the article).
LANDMARK_TAGS = frozenset({"nav", "aside"})
# Tags that make a table cell a layout cell rather than a data cell.
LAYOUT_IN_CELL = frozenset({"table", "div", "ul", "ol", "h1", "h2", "h3", "h4", "section", "article"})

# Class/id tokens. A headline's box; a caption; page chrome.
TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|tieude|tieu-de|headline|heading|news-?title|"
                         r"post-?title|entry-?title|article-?title|detail-?title|tde|ttl)(?:$|[\s_-])",
                         re.I)
TITLE_CLASS_BAD = re.compile(r"block|box|module|widget|side|menu|footer|header|site|logo|portlet|"
                             r"related|other|lienquan|khac|cate|list", re.I)
# Whole tokens only: "hinh" is also inside "category-chinh-tri".
CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:\w*caption\w*|chuthich|chu-thich|image-?desc|img-?desc|"
                           r"photo-?desc|pic-?desc|anh-?desc|hinh)(?:$|[\s_-])", re.I)
CHROME_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|sidebar|side-?bar|"
                          r"share|social|toolbar|tools|print|comment|comments|tags?|pagination|"
                          r"paging|pager|related|lienquan|tin-?khac|other-?news|copyright|banner|"
                          r"marquee|counter|thongke|visitor|login|search|widget|advert|ads|"
                          r"quang-?cao|slogan|hotline|topbar|top-?bar)(?:$|[\s_-])", re.I)
# The writer's name: "author", "detail-author", "tacgia", "byline", "author-info".
AUTHOR_CLASS = re.compile(r"(?:^|[\s_-])(?:author|authors|tacgia|tac-?gia|byline|writer|nguoi-?viet|"
                          r"butdanh|signature)(?:$|[\s_-])", re.I)
# Classes that CSS frameworks define as display:none (Bootstrap, WordPress, NukeViet's schema.org
# block): whole tokens only ("hidden-xs" hides on phones alone).
HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|hide|d-none|sr-only|visually-hidden|screen-reader-text|"
                          r"u-hide|is-hidden|invisible|element-invisible)(?:$|\s)", re.I)
# ... unless the same element is shown from some screen width up: Tailwind's `hidden lg:flex`,
# Bootstrap's `d-none d-md-block` (and version 3's `visible-lg`), Foundation's `show-for-large`
# hide a block on phones only: a desktop reader sees it, and a page's whole article can sit
# inside one (a menu that never closes in the markup).
SHOWN_FROM_WIDTH = re.compile(
    r"(?:^|\s)(?:(?:sm|md|lg|xl|2xl):(?:block|flex|grid|inline|inline-block|inline-flex|inline-grid|"
    r"table|contents|flow-root)|d-(?:sm|md|lg|xl|xxl)-(?:block|flex|grid|inline|inline-block|"
    r"inline-flex|table|table-cell|table-row)|visible-(?:sm|md|lg)(?:-block|-inline|-inline-block)?|"
    r"show-for-(?:medium|large|xlarge)(?:-up)?)(?:$|\s)", re.I)
# WordPress prints each post's tags and categories as classes of its element (post_class()):
# `tag-<slug>`, `category-<slug>` say what the post is about, not what the block is.
POST_CLASS = re.compile(r"(?:^|\s)(?:hentry|type-post|status-publish|post-\d+|format-standard)(?:$|\s)")
TAXONOMY_CLASS = re.compile(r"(?:^|\s)(?:tag|category|post_tag|format)-\S+")
# schema.org properties printed for search engines, never for readers: the publisher block, its
# logo, the page's own address, an image's address.
METADATA_PROPS = frozenset({"publisher", "logo", "mainEntityOfPage", "image", "thumbnailUrl", "url"})
MODIFIER_CLASS = re.compile(r"\S*--\S*")
LABEL_ID = re.compile(r"(?:^|_)lbl", re.I)  # ASP.NET Label controls: ctl00_…_lblTitle, dnn_ctr1_lblContent
# How a teaser (a listed item's cut-off text) ends; running text that ends so is not counted
# as the article's own.
TEASER_ENDS = ("…", "...")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
RIGHT_ALIGN = re.compile(r"text-align\s*:\s*right", re.I)

# Page-type headings that CMSs print above every article: never the headline.
GENERIC_HEADING = re.compile(
    r"^\s*(?:chi\s+tiết(?:\s+(?:tin(?:\s+(?:bài|tức))?|bài\s+viết))?|tin\s+chi\s+tiết|nội\s+dung(?:\s+chi\s+tiết)?|"
    r"thông\s+tin\s+chi\s+tiết|xem\s+tin|tin\s+bài|bài\s+viết|danh\s+mục|trang\s+chủ|tin\s+mới(?:\s+nhất)?|"
    r"tin\s+tức(?:\s*[-–]\s*sự\s+kiện)?|news|article|untitled\s+document|null)\s*$", re.I)

# -- link density: the share of a line's text inside links --------------------------------------
LINK_LINE = 0.5  # more than this: the line is a link (a menu entry, a headline link, a tag)
TEXT_LINE = 0.3  # at most this: the line can be running text
NOISE_LINK = 0.6  # a short line inside the text block this much in links is not text
HEADLINE_LINK = 0.6  # a listed item's headline link is more than this much link
MENU_LINE = 0.9  # all but entirely a link: a menu entry's text

# -- phrases -----------------------------------------------------------------------------------
# A line that starts one of these ends the article (related lists, comments, attachments).
END_OF_ARTICLE = re.compile(
    r"^\s*(?:(?:các|những)\s+)?" + alt((
        r"tin\s+liên\s+quan", r"các\s+tin\s+(?:khác|đã\s+đưa|cũ\s+hơn|mới\s+hơn)", r"tin\s+khác",
        r"bài\s+viết\s+(?:liên\s+quan|khác)", r"tin\s+(?:mới|cùng\s+chuyên\s+mục|đã\s+đăng)",
        r"(?:các\s+)?bài\s+(?:viết\s+)?(?:mới|cũ)\s+hơn",
        r"(?:bài\s+(?:viết\s+)?)?cùng\s+chuyên\s+mục", r"bài\s+liên\s+quan", r"tin\s+bài\s+khác",
        r"(?:bài\s+viết|tin\s+bài|bài)\s+(?:cùng|khác\s+của|của)\s+tác\s+giả",
        r"có\s+thể\s+bạn\s+quan\s+tâm", r"tham\s+khảo\s+thêm",
        r"xem\s+thêm", r"bình\s+luận(?!\s+viên)", r"ý\s+kiến\s+bạn\s+đọc", r"gửi\s+ý\s+kiến",
        r"viết\s+bình\s+luận",
        r"t[ệệ]p\s+(?:tin\s+)?đính\s+kèm", r"file\s+đính\s+kèm", r"tài\s+liệu\s+đính\s+kèm",
        r"related\s+(?:news|posts|articles|stories)", r"other\s+news", r"chia\s+sẻ\s+bài\s+viết",
        # The same boxes on outlets in other languages (a general extractor's list of them).
        r"read\s+more", r"more\s+(?:from|on|stories)", r"you\s+may\s+also\s+like", r"recommended\s+for\s+you",
        r"mehr\s+zum\s+thema", r"lesen\s+sie\s+auch", r"das\s+könnte\s+sie\s+auch\s+interessieren",
        r"auch\s+interessant", r"verwandte\s+(?:artikel|themen\w*|beiträge)",
        r"ähnliche\s+(?:artikel|beiträge)",
        r"neueste\s+artikel", r"weitere\s+(?:artikel|nachrichten|beiträge)", r"diesen\s+artikel\s+teilen",
        r"(?:à\s+)?lire\s+aussi", r"sur\s+le\s+même\s+sujet", r"articles\s+similaires",
        r"te\s+puede\s+interesar", r"art[íi]culos\s+relacionados", r"leer\s+m[áa]s",
        r"\[?\s*trở\s+về\s*\]?\s*\[?\s*đầu\s+trang",
    )) + r"\b\s*:?", re.I)
# The heading over readers' comments: what follows it is theirs, not the article's.
COMMENTS_HEADING = re.compile(
    r"^\s*(?:\d+\s+)?" + alt((
        r"bình\s+luận(?!\s+viên)", r"ý\s+kiến\s+(?:bạn\s+đọc|của\s+bạn)", r"gửi\s+(?:ý\s+kiến|bình\s+luận)",
        r"viết\s+bình\s+luận", r"comments?", r"leave\s+a\s+(?:reply|comment)", r"kommentare",
        r"commentaires",
    )) + r"\b", re.I)
# An item of a numbered list ("1. Nguyễn Văn An", "12) …"): the text's, never a byline.
NUMBERED_ITEM = re.compile(r"^\s*\d{1,3}\s*[.)]\s+")
# A box about the writer after the text: a biography, never the article's (even one paragraph).
ABOUT_THE_WRITER = re.compile(
    r"^\s*(?:về\s+tác\s+giả|about\s+the\s+author|über\s+den\s+autor)\s*:?\s*$", re.I)
# A listed item's age instead of its date ("2 giờ trước", "14 hours ago"): news boxes print it.
RELATIVE_TIME = re.compile(
    r"^\s*(?:\d+\s*(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước"
    r"|\d+\s*(?:secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)\s+ago)\b", re.I)
# The site's imprint, as a news site or a school prints it under every page: a page footer read
# by its words when no name or landmark says "footer".
IMPRINT = re.compile(
    r"^\s*(?:©|\(c\)\s|copyright\b|" + alt((
        r"bản\s+quyền", r"giấy\s+phép\s+(?:số|xuất\s+bản|hoạt\s+động|thiết\s+lập|mxh|ICP)",
        r"(?:phó\s+)?tổng\s+biên\s+tập\s*:", r"chịu\s+trách\s+nhiệm\s+(?:nội\s+dung|xuất\s+bản|chính)",
        r"cơ\s+quan\s+chủ\s+quản", r"ghi\s+rõ\s+nguồn", r"trụ\s+sở\s*(?:chính\s*)?:",
    )) + ")", re.I)
# Lines that are never body text wherever they sit.
BOILERPLATE_LINE = re.compile(
    r"^\s*(?:" + alt((
        r"in\s+(?:bài(?:\s+viết)?|trang|ra)", r"-\s*in\s+ra", r"-\s*đóng\s+cửa\s+sổ\s+này",
        r"đóng\s+cửa\s+sổ(?:\s+này)?", r"gửi\s+(?:cho\s+bạn\s+bè|email|bài\s+viết)", r"chia\s+sẻ",
        r"lượt\s+(?:xem|truy\s+cập|đọc)", r"số\s+lượt\s+(?:xem|truy\s+cập)", r"đã\s+xem",
        r"trở\s+về", r"quay\s+lại", r"về\s+đầu\s+trang", r"đầu\s+trang", r"bản\s+in", r"tweet", r"like",
        r"facebook", r"zalo", r"email", r"e-mail", r"cỡ\s+chữ", r"màu\s+chữ", r"xem\s+cỡ\s+chữ",
        r"chọn\s+cỡ\s+chữ", r"a\s*-?\s*a\s*a\s*\+", r"đọc\s+bài\s+viết", r"lưu\s+bài", r"print",
        r"share", r"top", r"back", r"skip\s+to\s+(?:main\s+)?content", r"trang\s+chủ\s*(?:>|›|»|/)",
        r"hôm\s+nay\s*:", r"hôm\s+qua\s*:", r"trong\s+tuần\s*:", r"tất\s+cả\s*:", r"đang\s+online",
        r"đang\s+truy\s+cập", r"khách\s*:", r"thành\s+viên\s*:", r"tổng\s+lượt",
        r"từ\s+khóa\s+liên\s+quan", r"tags?\s*:", r"nguồn\s+tin\s*:",
    )) + r")\b(?:[\s:|/\-–•·.0-9]*$|.{0,40}$)"
    # A rating widget's lines (NukeViet's "Tổng số điểm của bài viết là: 15 trong 3 đánh giá").
    r"|^\s*(?:đánh\s+giá\s+bài\s+viết|tổng\s+số\s+điểm\s+của\s+bài\s+viết|click\s+để\s+đánh\s+giá|"
    r"bình\s+chọn\s+bài\s+viết)\b.{0,120}$", re.I)
# A video's caption under its player, set in plain type ("Video: Toàn cảnh hội nghị").
VIDEO_CAPTION = re.compile(r"^\s*(?:video|clip)\b\s*[:(-]", re.I)
# A box that gives the original article's address, or asks the reader to follow the outlet.
SOURCE_OR_FOLLOW_LINE = re.compile(
    r"^\s*(?:(?:link\s+(?:bài\s+)?gốc|lấy\s+link|copy\s+link|đường\s+dẫn\s+bài\s+gốc)\b|"
    r"(?:theo\s+dõi|follow|đăng\s+ký\s+kênh|quan\s+tâm)\b.{0,80}\b(?:google\s+news|zalo|facebook|"
    r"fanpage|youtube|tiktok|telegram)\b)", re.I)
# The label of a line of tags or categories ("Từ khóa: a, b", "Tags: …", "Thẻ: …", "Chuyên mục:
# Tin hoạt động"); the line is a tag list when
# what follows the label is mostly links (a research article's own "Từ khóa:" block is text).
TAG_LABEL = re.compile(r"^\s*(?:từ\s+khóa|từ\s+khoá|tags?|thẻ|chủ\s+đề|chuyên\s+mục|danh\s+mục|"
                       r"categor(?:y|ies)|kategorien?|schlagwörter|catégories?)\s*:", re.I)
TAG_LINKS = 0.7  # share of the text after the label inside links
PHOTO_CREDIT = re.compile(r"^\s*(?:\(\s*)?(?:ảnh|ảnh\s+minh\s+h[ọo][aạ]|ảnh\s+tư\s+liệu|nguồn\s+ảnh|"
                          r"photo|hình\s+ảnh|hình)\s*:", re.I)
# A photo's caption ends with its credit in brackets: "… ở Hà Nội. (Ảnh: TTXVN)", "(AP Photo/Jane Doe)".
CAPTION_CREDIT_END = re.compile(
    r"[(\[]\s*(?:[\w.-]+\s+){0,2}(?:ảnh|photo|foto|hình\s+ảnh|nguồn\s+ảnh)\s*[:/][^()\[\]]{1,80}[)\]]\s*\.?\s*$",
    re.I)
# A cookie notice: cookies named together with the site, the browser or the reader's consent
# (a recipe's cookies are never with those).
COOKIE_NOTICE = re.compile(r"\bcookies?\b", re.I)
COOKIE_CONTEXT = re.compile(
    r"\b(?:website|webseite|trang\s+web|internetangebot|browser|trình\s+duyệt|datenschutz|privacy|"
    r"richtlinie|cookie-richtlinie|policy|chính\s+sách|consent|einwilligung|accept|akzeptier\w*|"
    r"đồng\s+ý|chấp\s+nhận|zustimm\w*|stimmst)\b", re.I)
END_MARKER = re.compile(r"^\s*\.\s*/\s*\.\s*$")
FILE_NAME_LINE = re.compile(r"^\s*(?:[\w\-,.]+\.(?:jpe?g|png|gif|bmp|webp|pdf|docx?|xlsx?)|DSC\w*\d+|"
                            r"IMG_?\d+|leftcenterrightdel|ảnh\s+bìa\s*\d*)\s*$", re.I)

# -- dates -------------------------------------------------------------------------------------
DATE_LABEL_PUBLISHED = re.compile(r"(?:ngày\s+đăng|đăng\s+ngày|thời\s+gian\s+đăng|ngày\s+xuất\s+bản|"
                                  r"được\s+đăng|"
                                  r"đăng\s+lúc|ngày\s+viết|posted\s+on|published|ngày\s+tạo|(?<!\w)đăng\s*:|"
                                  r"ngày\s+đưa\s+tin|đăng\s+tải)", re.I)
DATE_LABEL_UPDATED = re.compile(r"(?:ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc|\s+ngày)?|sửa\s+đổi|"
                                r"updated|modified|chỉnh\s+sửa)", re.I)
DATE_LABEL_TODAY = re.compile(r"(?:hôm\s+nay|today|bây\s+giờ|ngày\s+hiện\s+tại)", re.I)

# -- authors -----------------------------------------------------------------------------------
# Labels that introduce the writer of the article (credit lines, bylines).
AUTHOR_LABEL = re.compile(
    r"^\s*(?:[-–(]\s*)?" + alt((
        r"tác\s+giả\s+bài\s+viết", r"tác\s+giả", r"người\s+viết", r"bài\s+viết", r"bài\s+và\s+ảnh",
        r"bài\s*,\s*ảnh", r"bài\s*&\s*ảnh", r"tin\s+và\s+ảnh", r"tin\s*,\s*ảnh", r"tin\s*&\s*ảnh",
        r"tin\s*/\s*ảnh", r"bài\s*/\s*ảnh", r"tin\s+bài", r"tin", r"bài", r"viết\s+bởi",
        r"người\s+thực\s+hiện",
        r"thực\s+hiện", r"nhóm\s+tác\s+giả", r"author", r"by",
        r"phóng\s+sự", r"ghi\s+chép", r"bút\s+ký", r"bút\s+kí",
    )) + r"\s*:\s*", re.I)
# Words no personal name of another language holds (an account's, an outlet's, an agency's),
# for names a page declares for machines.
NOT_NAME_WORDS = frozenset({
    "redaktion", "redaction", "rédaction", "editorial", "staff", "team", "news", "press", "presse", "online",
    "media", "desk", "agency", "agentur", "reuters", "afp", "dpa", "newsroom", "service", "group", "the",
    "and", "und", "et", "y", "der", "die", "das", "el", "la", "le", "les", "los", "gmbh", "ag", "inc", "ltd",
    "amt", "direkt"})
# Endings of an organisation's or an outlet's name ("IT Finanzmagazin", "Deutsches Weininstitut").
ORG_NAME_ENDINGS = ("magazin", "zeitung", "nachrichten", "institut", "verlag", "verband", "verein",
                    "stiftung", "deutschland", "diakonie", "praxis", "journal", "times", "post", "tribune",
                    "colombiano")
# Military and police ranks printed before a writer's name ("Trung tá, Nguyễn Văn Bách"), and a
# lecturer's grade or a reporter's post abbreviated the same way ("GV. Nguyễn Văn Tâm", "GVC",
# "GVCC", "PV Hà Thu", "CTV Minh Anh", "BTV Lê Hà").
RANK_PREFIX = re.compile(r"^\s*(?:(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá|úy|uý)|chuẩn\s+đô\s+đốc|đô\s+đốc|"
                         r"đại\s+tướng|(?:gv(?:cc|c)?|pv|ctv|btv)(?=[\s,.]))\s*[,.]?\s+", re.I)
# Labels that name whoever posted the page: an account, not a writer.
ACCOUNT_LABEL = re.compile(r"^\s*(?:đăng\s+bởi|người\s+đăng|posted\s+by|người\s+cập\s+nhật|"
                           r"biên\s+tập\s+viên|người\s+duyệt|duyệt\s+bởi)\s*:", re.I)
# Words of a page's controls that no name holds: a short bold line of them under a headline is
# a button or a menu's label, not a pen name.
INTERFACE_WORDS = frozenset({
    "text", "size", "font", "print", "share", "email", "e-mail", "comment", "comments", "read", "more",
    "listen", "save", "follow", "subscribe", "login", "log", "sign", "menu", "search", "home", "next",
    "previous", "back", "top", "close", "open", "download", "view", "show", "hide", "click", "here",
    "gallery", "video", "photo", "photos", "audio", "podcast", "newsletter", "advertisement",
})
# An official's title, alone on a line: the signer's post over the name in a document's signature
# block ("PHÓ HIỆU TRƯỞNG" over "TS. Đỗ Văn Bình"), and never a name itself, capitalised as it is.
OFFICIAL_TITLE = re.compile(r"^\s*(?:phó\s+)?(?:hiệu\s+trưởng|giám\s+đốc|chủ\s+tịch|bí\s+thư|chủ\s+nhiệm|"
                            r"chánh\s+văn\s+phòng|trưởng\s+(?:khoa|phòng|ban|bộ\s+môn))(?:\s|$)", re.I)
SITE_ACCOUNTS = frozenset({"admin", "administrator", "quản trị", "quản trị viên", "super user",
                           "superuser", "webmaster", "editor", "biên tập", "ban biên tập", "bbt",
                           "root", "user", "guest", "pv", "ctv", "phóng viên", "cộng tác viên"})
# Places that open a news item's date line ("Hà Nội - 07/03/2026 08:47") and read like names
# (a family name first): the 63 provinces before the 2025 mergers and the large cities. A place
# is no writer. ("Hồ Chí Minh" is left out: a person too.)
PLACE_NAMES = frozenset("""an giang|bà rịa - vũng tàu|bắc giang|bắc kạn|bạc liêu|bắc ninh|bến tre|bình định|
bình dương|bình phước|bình thuận|cà mau|cần thơ|cao bằng|đà nẵng|đắk lắk|đắk nông|điện biên|đồng nai|
đồng tháp|gia lai|hà giang|hà nam|hà nội|hà tĩnh|hải dương|hải phòng|hậu giang|hòa bình|hưng yên|
khánh hòa|kiên giang|kon tum|lai châu|lâm đồng|lạng sơn|lào cai|long an|nam định|nghệ an|ninh bình|
ninh thuận|phú thọ|phú yên|quảng bình|quảng nam|quảng ngãi|quảng ninh|quảng trị|sóc trăng|sơn la|
tây ninh|thái bình|thái nguyên|thanh hóa|thừa thiên huế|tiền giang|trà vinh|tuyên quang|vĩnh long|
vĩnh phúc|yên bái|sài gòn|nha trang|đà lạt|vũng tàu|hạ long|buôn ma thuột|biên hòa|thủ đức|mỹ tho|
long xuyên|rạch giá|quy nhơn|việt trì|hội an|phan thiết|cam ranh|móng cái|tây nguyên|nam bộ|bắc bộ|
trung bộ|hoà bình|thanh hoá|khánh hoà|biên hoà""".replace("\n", "").split("|"))  # (old tone marks too)
DEGREE_FORMS: tuple[tuple[str, str], ...] = (
    # (pattern, normal form); longest first.
    (r"GS\s*[.,]?\s*TSKH\.?", "GS.TSKH."),
    (r"PGS\s*[.,]?\s*TSKH\.?", "PGS.TSKH."),
    # (Letters may be dotted one by one: "P.GS, T.S", "Th.S", "G.S".)
    (r"G(?:\.\s?)?S\s*[.,]?\s*T(?:\.\s?)?S\.?", "GS.TS."),
    (r"P(?:\.\s?)?G(?:\.\s?)?S\s*[.,]?\s*T(?:\.\s?)?S\.?", "PGS.TS."),
    (r"P(?:\.\s?)?G(?:\.\s?)?S\.?", "PGS.TS."),
    (r"G(?:\.\s?)?S\.?", "GS."),
    (r"TSKH\.?", "TSKH."),
    (r"Th\.?\s?S\.?", "ThS."),
    (r"Thạc\s+s[ỹĩ]", "ThS."),
    (r"Tiến\s+s[ỹĩ]", "TS."),
    (r"T(?:\.\s?)?S\.?", "TS."),
    (r"NCS\.?", "NCS."),
    (r"Nghiên\s+cứu\s+sinh", "NCS."),
    (r"CN\.?", "CN."),
    (r"Cử\s+nhân", "CN."),
    (r"KS\.?", "KS."),
    (r"BS\.?\s?CK\s?(?:II|2)\.?", "BSCKII."),  # a specialist doctor, second and first level
    (r"BS\.?\s?CK\s?(?:I|1)\.?", "BSCKI."),
    (r"BS\.?", "BS."),
    (r"LS\.?", "LS."),
)
DEGREE_PREFIX = re.compile(
    r"^\s*(" + alt(tuple(p for p, _ in DEGREE_FORMS)) + r")(?=[\s.,:]|$)[\s.,:]*", re.I)
# Words that open a role or affiliation line.
_ROLE_CUES = (
    "giảng viên", "nguyên", "phó", "trưởng", "hiệu trưởng", "bí thư", "tuv", "tỉnh ủy viên",
    "tỉnh uỷ viên", "ủy viên", "uỷ viên", "khoa", "phòng", "chuyên viên", "cán bộ", "học viên",
    "nghiên cứu viên", "giám đốc", "chủ tịch", "chủ nhiệm", "trường", "ban", "văn phòng",
    "trung tâm", "công đoàn", "đoàn", "chi bộ", "đảng ủy", "đảng uỷ", "thư ký", "kế toán",
    "nhân viên", "tổ trưởng", "giáo viên", "lớp", "viện", "học viện", "sở", "ủy ban", "uỷ ban",
    "huyện ủy", "thành ủy", "tỉnh ủy", "bộ môn", "tổ", "đại học", "thường trực", "trợ lý",
)
ROLE_CUE = re.compile(r"^\s*(?:" + alt(tuple(re.escape(c) for c in _ROLE_CUES)) + r")(?:\s|,|$)", re.I)
# A footer's contact details: never a role or a credit. (A postal address: a ward or a commune
# opening the line or a part after a dash, then a comma and the town or province: "… - Phường Gia
# Cẩm, thành phố Việt Trì"; a role names its commune after its post: "Bí thư Đảng ủy xã A, …".)
CONTACT_LINE = re.compile(r"(?:\b(?:ĐT|Đt|Tel|Fax|Hotline|Email|E-mail)\b\s*:|điện\s+thoại\s*:|địa\s+chỉ\s*:|"
                          r"\b\d{3,4}[.\s]\d{3}[.\s]\d{3,4}\b|@[\w-]+\.|"
                          r"(?:^|[-–|]\s*)(?:phường|xã|thị\s+trấn|số\s+\d+)\s[^,]{1,40},\s*"
                          r"(?:thành\s+phố|tp\.?|quận|huyện|thị\s+xã|tỉnh)\s)", re.I)
# How to reach someone: a phone number (0238.3844.222, (+84) 912 345 678), an e-mail address, or
# their labels. Never a headline, never a writer's post.
CONTACT_POINT = re.compile(r"\b(?:ĐT|Đt|SĐT|ĐTDĐ|DĐ|Tel|Fax|Hotline|Email|E-mail)\s*[:.]|điện\s+thoại\s*:|"
                           r"(?:\(?\+84\)?\s?|\b0)\d{2,3}[.\s-]?\d{3,4}[.\s-]?\d{3,4}\b|"
                           r"[\w.+-]+@[\w-]+\.\w", re.I)
# Names that are organisations, not people (credit lines, "Tác giả bài viết: Ban Biên tập").
ORG_START = re.compile(
    r"^\s*(?:" + alt((
        r"phòng", r"khoa", r"ban", r"trường", r"văn\s+phòng", r"trung\s+tâm", r"công\s+đoàn",
        r"đoàn\s+(?:thanh\s+niên|tn|cơ\s+sở|trường|công\s+tác|học\s+viên|đại\s+biểu)", r"chi\s+bộ",
        r"đảng\s+[uủ]y", r"hội\s", r"bộ\s", r"sở\s", r"[uủ]y\s+ban", r"ubnd", r"tỉnh\s+[uủ]y",
        r"huyện\s+[uủ]y", r"thành\s+[uủ]y", r"học\s+viện", r"cổng\s+thông\s+tin", r"báo\s", r"tạp\s+chí",
        r"bbt", r"nhóm\s", r"tổ\s", r"lớp\s", r"viện\s", r"bộ\s+phận", r"đài\s", r"ttxvn", r"vtv",
        r"nguồn", r"theo\s",
    )) + r")", re.I)
# Common family names (and ethnic-minority ones seen on these sites): a bare name line at the end
# of an article needs one of these to count as a person.
# (A word list reads better as text than as a tuple of 120 strings.)
_SURNAME_TEXT = """
nguyễn trần lê phạm hoàng huỳnh phan vũ võ
đặng bùi đỗ hồ ngô dương lý đinh đào đoàn lương trịnh mai tô tạ cao lưu châu chu quách thái hà
từ la lâm kim sơn thạch danh triệu vương tăng khổng mạc nông lò lục quan văn âu bạch diệp giang
hứa kiều kha khúc lã lạc lại mã mạch ninh ông phùng quang quản thân thiều tiêu tôn trương ung
viên vi y siu rơ ksor nay rah h' điểu hầu chế chung cù doãn đàm đồng giáp hạ hàn hồng khương
khưu lạng lăng lỗ lữ lộc mẫn nghiêm ngụy nhâm phí phó phương quảng sầm tào tiết tống trình trà
uông vưu xa yên ân
"""
SURNAMES = frozenset(_SURNAME_TEXT.split())
