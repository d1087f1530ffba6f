"""Who wrote the article: a personal name in normal case, its academic degree and its role.

`parse_person()` reads one credit line (`ThS. Nguyễn Thị Nhàn`, `Tác giả: TS. X - Trưởng khoa`,
`Lê Hoàng Phúc (Phòng QLĐT&NCKH) |`, `Thạc sỹ X – Trưởng phòng Tổ chức - Hành chính`);
`find_author()` looks for such lines where these sites put them: under the date line, or at the
end of the body, with an optional role line below the name. No author beats a wrong one.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from crawler.parser import rules
from crawler.parser.lines import Line

_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)?$")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.){1,5}[^\W\d_]{0,2}\.?$")
_TRAIL = re.compile(r"[\s|;,.\-–—:]+$")
_LEAD = re.compile(r"^[\s\-–—*•·|(]+")
# A role after a dash (spaced, or glued to the name: "Vũ Hoàng- Ủy viên"), a parenthesis, a comma
# or a slash ("Thiên Lý /VOV", "LÊ THỊ THỤC / Nhà xuất bản …").
_ROLE_SPLIT = re.compile(r"\s*[-–—]\s+|\s+[-–—]\s*|\s*\(|[,;]\s+|\s*/\s*")
_ROLE_DASH = re.compile(r"\s*([-–—])\s+")
# "Đ/c" (đồng chí, comrade) is an honorific, not a degree (docs/page-conventions.md).
_HONORIFIC = re.compile(r"^(?:đ/c|đ\.c\.?|đồng\s+chí)\s+", re.I)
# A photo credit glued to the writer's: "Tin: Hoàng Anh - Ảnh: Minh Đức".
_PHOTO_TAIL = re.compile(r"\s*(?:[-–—;,|/]\s*)?\b(?:ảnh|ảnh\s+minh\s+họa)\s*:.*$", re.I)


# "NHẬT XUÂN và 1 tác giả khác": the first writer of several.
_CO_AUTHORS = re.compile(r"\s+(?:và|cùng)\s+\d+\s+(?:tác\s+giả|người)\s+khác\s*$", re.I)
_COMPILED_BY = re.compile(
    r"\s*[(\[]\s*(?:tổng\s+hợp|lược\s+dịch|biên\s+dịch|dịch|tổng\s+thuật|thực\s+hiện|ghi)\s*[)\]]\s*$",
    re.I)
# A footnote mark after the name ("LƯU MAI HOA*", "Trần Văn An (*)", "Lê Hà¹").
_FOOTNOTE = re.compile(r"\s*(?:\(\s*\*+\s*\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?=\s*(?:[-–—,/(]|$))")
# "Bài viết của ThS X": a label without a colon; so is "By Jane Doe" (English, German, French…
# bylines) before a capital.
_WRITTEN_BY = re.compile(r"^\s*(?:(?i:bài\s+viết|bài|tin|tác\s+phẩm|ghi\s+chép|bút\s+ký|phóng\s+sự)"
                         r"\s+(?i:của)\s+"
                         r"|(?i:by|bởi|von|par|door|por)\s+(?=[A-ZÀ-ÝĐ]))")
POSTED_BY = re.compile(r"^\s*bởi\s", re.I)  # WordPress's "by" in Vietnamese: whoever posted the page
# "Theo Hồ Hương": according to a person (the author) or to an outlet (no author).
_ACCORDING_TO = re.compile(r"^\s*theo\s+", re.I)


@dataclass(frozen=True)
class Person:
    name: str | None  # None: the credit names an organisation or an account, not a person
    degree: str | None = None
    role: str | None = None
    labelled: bool = False
    ranked: bool = False  # a military or police rank before the name ("Thiếu tá Lò Văn Sơn")
    # Named as whoever posted the page ("bởi Trần Thị Hoa", WordPress's account credit): the writer
    # only when the page credits no one else.
    poster: bool = False


def normal_degree(raw: str) -> str:
    for pattern, normal in rules.DEGREE_FORMS:
        if re.fullmatch(pattern, raw.strip().rstrip(",:").strip(), re.I):
            return normal
    return raw.strip()


def name_case(name: str) -> str:
    """`ĐINH QUỐC THỊ` → `Đinh Quốc Thị`; names already in mixed case are kept as printed."""
    words = name.split()
    if not any(w.isupper() and len(w) > 1 for w in words):
        return name

    def fix(w: str) -> str:
        parts = re.split(r"(['’-])", w)
        return "".join(p[:1].upper() + p[1:].lower() if p not in ("'", "’", "-") else p for p in parts)

    return " ".join(fix(w) for w in words)


def looks_like_name(text: str, need_surname: bool = False) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    for w in words:
        if not _NAME_TOKEN.match(w) or not w[0].isupper() or len(w) > 9:
            return False
    if rules.ORG_START.match(text) and not _surname_ok(words[0]):
        return False
    if text.lower() in rules.SITE_ACCOUNTS or text.lower() in rules.PLACE_NAMES or \
            rules.OFFICIAL_TITLE.match(text):
        return False
    if any(w.lower() in rules.INTERFACE_WORDS for w in words):
        return False  # a control's label in title case ("Text Size", "Read More"), not a pen name
    return not need_surname or _surname_ok(words[0])


# A Vietnamese syllable, tone and vowel marks taken off: an initial consonant (cluster), vowels,
# a final consonant. "FRAGEN", "ERIC", "RICHTIGEN" are not; "THU", "HẰNG", "NGHIÊM" are.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
                       r"(?:ng|nh|ch|[cmnpt])?")
_LETTERS = re.compile(r"[^\W\d_]+")


def vietnamese_words(text: str) -> bool:
    """Is every word of `text` a Vietnamese syllable (a name of this language, not of another)?"""
    bare = "".join(c for c in unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
                   if not unicodedata.combining(c))
    return all(_SYLLABLE.fullmatch(w) for w in _LETTERS.findall(bare))


def _surname_ok(word: str) -> bool:
    w = word.lower()
    return w in rules.SURNAMES or (w.startswith("h'") or w.startswith("h’"))


# A role line's own label ("Đơn vị: Khoa Xây dựng Đảng"): the unit is the role.
_ROLE_LABEL = re.compile(
    # (after a table's label cell, the value cell's: "Đơn vị: | Khoa Xây dựng Đảng")
    # ("Nguồn: Khoa Xây dựng Đảng" under the writer: the unit that sent the piece)
    r"^\s*(?:đơn\s+vị|chức\s+vụ|cơ\s+quan|nơi\s+công\s+tác|công\s+tác\s+tại|nguồn)\s*:\s*(?:\|\s*)?", re.I)


def _strip_role(role: str) -> str | None:
    role = _ROLE_LABEL.sub("", _LEAD.sub("", role))
    role = _TRAIL.sub("", role)
    if role.endswith(")") and "(" not in role:
        role = role[:-1].rstrip()
    if rules.CONTACT_POINT.match(role):
        return None  # "Nguyễn Văn An - ĐT: 0912.345.678": how to reach the writer, no post
    return role or None


def parse_person(text: str, *, bare_ok: bool = True, pen_ok: bool = False) -> Person | None:
    """Read a credit line. Returns None when the line is not a credit at all.

    bare_ok: accept an unlabelled name with neither degree nor role (the last line of a body).
    pen_ok: the line stands where a byline stands (a writer's element, a bold or right-aligned
    last line), so a pen name without a family name ("Minh Anh") counts too.
    """
    line = text.strip()
    if not line or len(line) > 160:
        return None
    if rules.ACCOUNT_LABEL.match(line):
        return Person(None, labelled=True)
    line = _CO_AUTHORS.sub("", line)
    line = _COMPILED_BY.sub("", line)  # "Hoàng Nam (tổng hợp)": the author, no role
    line = _FOOTNOTE.sub("", line)
    according = _ACCORDING_TO.match(line)
    if according:
        return _according_to(line[according.end():])
    labelled = False
    m = rules.AUTHOR_LABEL.match(line) or _WRITTEN_BY.match(line)
    poster = bool(m) and POSTED_BY.match(line) is not None
    if m:
        labelled = True
        line = line[m.end():]
    line = _LEAD.sub("", line)
    rank = rules.RANK_PREFIX.match(line)
    if rank:  # "Trung tá, Nguyễn Văn Bách": a rank is neither degree nor name
        line = line[rank.end():]
    if labelled:
        line = _PHOTO_TAIL.sub("", line)
    line = _HONORIFIC.sub("", line)
    line = re.sub(r"[\s|;]+$", "", line)
    if not line:
        return None
    degree, line, post = _degree(line, after_rank=bool(rank))
    rank = rank or post
    line = _first_of_two(line)
    name, role = _name_and_role(line)
    if role and _CAPTION_VERB.search(role):
        return None  # "Đồng chí X, Phó Bí thư Tỉnh ủy phát biểu tại hội nghị": a picture's caption
    if name.lower() in rules.SITE_ACCOUNTS:
        return Person(None, labelled=True)
    if labelled and (rules.ORG_START.match(name) and not looks_like_name(name)):
        return Person(None, labelled=True)
    if labelled and _INITIALS.match(name.replace(" ", "")):
        return Person(name, degree, role, labelled=True)
    if not looks_like_name(name, need_surname=not (labelled or degree or rank or pen_ok)):
        if labelled and not degree and rules.ORG_START.match(line):
            return Person(None, labelled=True)
        return None
    if not (labelled or degree or role or bare_ok):
        return None
    return Person(name_case(name), degree, role, labelled, ranked=bool(rank), poster=poster)


def _degree(line: str, after_rank: bool) -> tuple[str | None, str, re.Match | None]:
    """The degree opening the line (two as printed: "NCS. ThS."), the rest of the line, and a
    lecturer's post printed after the degree ("TS.GVC Lê Thị Hoa"), no word of the name."""
    dm = rules.DEGREE_PREFIX.match(line)
    if not dm:
        return None, line, None
    degree = normal_degree(dm.group(1))
    line = line[dm.end():]
    second = rules.DEGREE_PREFIX.match(line)
    if second:
        degree = f"{degree} {normal_degree(second.group(1))}"
        line = line[second.end():]
    post = None if after_rank else rules.RANK_PREFIX.match(line)
    return degree, (line[post.end():] if post else line), post


_AND = re.compile(r"\s+(?:và|&)\s+")
# What a pictured person does, in a caption that names them and their post. (Not words that
# also name posts and bodies: "Ủy ban Kiểm tra Tỉnh ủy", "Ban Chỉ đạo".)
_CAPTION_VERB = re.compile(r"\b(?:phát\s+biểu|trao\s+(?:tặng|quà|bằng|giấy|quyết\s+định)|tặng\s+hoa|"
                           r"chủ\s+trì|tham\s+dự|chụp\s+ảnh|trình\s+bày|khai\s+mạc|bế\s+mạc|"
                           r"chúc\s+mừng|thăm\s+và)\b", re.I)


def without_degree(text: str) -> str:
    """The text less a degree opening it (`TS. Lê Văn Ích` → `Lê Văn Ích`)."""
    degree = rules.DEGREE_PREFIX.match(text)
    return text[degree.end():] if degree else text


def _first_of_two(line: str) -> str:
    """`Minh Anh và Hoàng Hải`, `Thu Hà & Văn Nam`: two writers credited, the first one writes."""
    parts = _AND.split(line, maxsplit=1)
    if len(parts) != 2:
        return line
    # ("TS. Lê Văn Ích và ThS. Nguyễn Thị Kim": a second writer with a degree of their own)
    first, other = parts[0].strip(), without_degree(_TRAIL.sub("", parts[1]).strip())
    if looks_like_name(other) and looks_like_name(first):
        return first
    return line


def _name_and_role(line: str) -> tuple[str, str | None]:
    """Split the name from a role printed on the same line (after a dash, a comma, or in
    parentheses); a second name there is a second writer, not a role."""
    parts = _ROLE_SPLIT.split(line, maxsplit=1)
    if len(parts) != 2:
        return _TRAIL.sub("", line).strip(), None
    sep = line[len(parts[0]):len(line) - len(parts[1])]
    name, role = parts[0].strip(), parts[1]
    # ("ThS. Trần Văn Nam, ThS. Lê Thị Hoa": a second writer with a degree of their own)
    other = without_degree(_TRAIL.sub("", role).strip())
    if "(" not in sep and looks_like_name(other) and not rules.ROLE_CUE.match(role):
        return _TRAIL.sub("", name).strip(), None  # "Nhâm Dung – Mạnh Hà": the first one writes
    if "(" in sep:
        role = role.rsplit(")", 1)[0] if ")" in role else role
    if ";" in role:  # "A - Trưởng phòng Đào tạo; B - Giảng viên": the next writer's pair follows
        head, rest = role.split(";", 1)
        if looks_like_name(_TRAIL.sub("", _ROLE_SPLIT.split(rest.strip(), maxsplit=1)[0]).strip()):
            role = head
    role = _ROLE_DASH.sub(r" \1 ", role)  # "Ủy viên Trung ương Đảng- Phó ban …": one spacing
    return _TRAIL.sub("", name).strip(), _strip_role(role)


_OUTLET_AFTER = re.compile(r"\s*(?:[(\[]([^()\[\]]*)[)\]]|/\s*([^/]+))$")
# A publication named as such ("Báo Tin tức", "Tạp chí Cộng sản"); an agency's initials are not
# enough: "Theo Tuổi Trẻ/TTXVN" credits an outlet that took the agency's story.
_PUBLICATION = re.compile(r"^\s*(?:báo|tạp\s+chí|đài|cổng\s+thông\s+tin|trang\s+tin|tập\s+san|bản\s+tin)\s",
                          re.I)


def _is_outlet(text: str | None) -> bool:
    return bool(text) and bool(_PUBLICATION.match(text))


def _according_to(rest: str) -> Person | None:
    """`Theo Hồ Hương` credits that person; `Theo TTXVN`, `Theo Báo Nhân Dân` an outlet."""
    rest = _TRAIL.sub("", rest.strip())
    # The outlet named after the person ("Theo Hồ Hương (Đại Đoàn kết)", "Theo Thu Hằng/Báo Tin
    # tức"): what comes first is then a person, a pen name too.
    outlet = _OUTLET_AFTER.search(rest)
    rest = rest[:outlet.start()] if outlet else rest
    named_outlet = outlet is not None and _is_outlet(outlet.group(1) or outlet.group(2))
    degree = None
    dm = rules.DEGREE_PREFIX.match(rest)
    if dm:  # "Theo ThS. Bùi Văn Tư"
        degree, rest = normal_degree(dm.group(1)), rest[dm.end():]
    words = rest.split()
    if not words or len(words) > 6 or rest.endswith((".", "!", "?")) and len(words) > 3:
        return None  # a sentence that starts with "Theo" ("Theo kế hoạch, …")
    if "," in rest:
        return None
    # A family name is required unless an outlet is named after it: outlets are capitalised too
    # ("Theo Tuổi Trẻ").
    if not rules.ORG_START.match(rest) and looks_like_name(rest, need_surname=not named_outlet):
        # (The outlet printed with the person is the role, as after "Thiên Lý/VOV".)
        where = ((outlet.group(1) or outlet.group(2)).strip() or None) if outlet else None
        return Person(name_case(rest), degree, role=where, labelled=True)
    return Person(None, labelled=True)


def is_role_line(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 160 or rules.CONTACT_LINE.search(t):
        return False  # "Trường Chính trị tỉnh X - ĐT: 0200…" is the footer, not a role
    if t.startswith("(") and t.rstrip(" |;").endswith(")"):
        return True
    return bool(rules.ROLE_CUE.match(t)) and not t.rstrip().endswith((".", "!", "?")) or (
        bool(rules.ROLE_CUE.match(t)) and len(t) < 100)


def is_affiliation_line(text: str) -> bool:
    """A short capitalised line that names where a credited writer works ("Nhà xuất bản Chính
    trị quốc gia Sự thật", "Cộng hòa Dân chủ Nhân dân Lào"): read as a role only right under a
    name that carries a degree or a label, where nothing else is printed."""
    t = _TRAIL.sub("", text.strip())
    words = t.split()
    if not 3 <= len(words) <= 14 or len(t) > 100 or not t[0].isupper() or rules.CONTACT_LINE.search(t):
        return False
    if text.rstrip().endswith(("!", "?", ":", "…")) or rules.AUTHOR_LABEL.match(t) or \
            rules.TAG_LABEL.match(text) or rules.BOILERPLATE_LINE.match(text):
        return False
    from crawler.parser.dates import find_date  # (dates does not import this module)

    return find_date(t) is None and parse_person(t, bare_ok=False) is None


def credit_label(text: str) -> bool:
    """The line opens with a writer's label ("Tác giả:", "Bài viết của …")."""
    return bool(rules.AUTHOR_LABEL.match(text) or _WRITTEN_BY.match(text))


def is_org_credit(text: str) -> bool:
    """`Phòng Tổ chức - Hành chính |`: a unit signs the article, not a person."""
    t = _TRAIL.sub("", _LEAD.sub("", text.strip()))
    m = rules.AUTHOR_LABEL.match(t)
    if m:
        t = t[m.end():]
    words = len(t.split())
    if not t or len(t) > 80 or words > 10 or (text.rstrip().endswith(".") and words > 5):
        return False  # a sentence about a unit ("Chi bộ thống nhất …."), not a signature
    return bool(rules.ORG_START.match(t)) and not looks_like_name(t)


@dataclass
class AuthorBlock:
    person: Person
    lines: list[int]  # indexes of the lines it used (excluded from the body)


def read_block(lines: list[Line], i: int, *, bare_ok: bool, stop: int,
               pen_ok: bool = False) -> AuthorBlock | None:
    """A credit starting at line i: the person, plus a role line below when the name has none."""
    p = parse_person(lines[i].text, bare_ok=bare_ok, pen_ok=pen_ok)
    if p is None:
        return None
    used = [i]
    if p.name and p.role is None and i + 1 < stop:
        j, nxt = i + 1, lines[i + 1].text
        if not _ROLE_LABEL.sub("", nxt).strip() and j + 1 < stop:
            j += 1  # "Đơn vị:" alone over its value (a CMS prints each field's label apart)
            nxt = f"{nxt.strip()} {lines[j].text}"
        role = role_below(nxt, credited(p)) if lines[j].link_density <= rules.LINK_LINE else None
        if role is not None and parse_person(lines[j].text, bare_ok=False) is None:
            p = replace(p, role=role)
            used.extend(range(i + 1, j + 1))
    return AuthorBlock(p, used)


def credited(p: Person) -> bool:
    """A degree, a rank or a label names this person as the writer: a bare institution below
    is a role ("Thiếu tá Lò Văn Sơn" over "Bộ Chỉ huy Quân sự tỉnh")."""
    return bool(p.degree or p.labelled or p.ranked)


# A news agency's or outlet's initials alone on a line (`TTXVN`, `VOV-TP HCM`, `(QĐND)`); not a
# share button's word printed in capitals.
_AGENCY_LINE = re.compile(r"\(?[A-ZĐ]{2,6}(?:[-/][A-ZĐ0-9]{1,8}(?: [A-ZĐ0-9]{1,8})?)?\)?")
_NOT_AGENCY = frozenset({"ZALO", "EMAIL", "PRINT", "SHARE", "TWEET", "LIKE", "SEND", "RSS", "TOP", "TIN"})


_NOTE_MARK = re.compile(r"^\s*(?:\(\s*\*+\s*\)|\*+)\s*")


def role_below(text: str, credited: bool) -> str | None:
    """The role a line printed under a name gives (its wrapping punctuation off), or None when
    the line is no role: a role line, an agency's initials, or, under a credited name, an
    institution's name."""
    if _AGENCY_LINE.fullmatch(text.strip()) and text.strip("() ") not in _NOT_AGENCY:
        return text.strip().strip("()")
    if rules.END_OF_ARTICLE.match(text):
        return None  # the heading over a box of other articles ("Các bài viết mới hơn")
    text = _NOTE_MARK.sub("", text)  # "(*) Phó Hiệu trưởng …": the footnote the name's mark calls
    unlabelled = _ROLE_LABEL.sub("", text)
    if unlabelled != text:
        credited = True  # "Đơn vị: …" says what follows is where the writer works
    if not (is_role_line(unlabelled) or credited and is_affiliation_line(unlabelled)):
        return None
    return _strip_role(text.strip().lstrip("(").rstrip(" |;").rstrip(")")) or None
