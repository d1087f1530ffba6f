"""Bytes to text whatever the page claims about its encoding; the lines the parser keeps are NFC."""
import unicodedata

from crawler.parser import extract
from crawler.parser.decode import decode_html, nfc

TEXT = "Trường Chính trị tỉnh tổ chức lễ khai giảng lớp đào tạo"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode as windows-1258 writes Vietnamese: base letter precomposed, tone mark combining."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def _page(meta: str, body: str) -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_windows_1258_is_decoded_and_extracted_as_nfc():
    data = to_cp1258(_page('<meta charset="windows-1258">', TEXT))
    text, enc = decode_html(data)
    assert enc == "cp1258"
    assert TEXT not in text and TEXT in nfc(text)  # tone marks combining until normalised
    body = extract(data, "http://example.org/a").body
    assert body == TEXT and unicodedata.is_normalized("NFC", body)


def test_undeclared_windows_1258_is_recognised():
    data = to_cp1258(_page("", TEXT))
    text, _ = decode_html(data)
    assert TEXT in nfc(text)


def test_utf8_wins_over_a_wrong_declaration():
    data = _page('<meta charset="iso-8859-1">', TEXT).encode("utf-8")
    assert TEXT in decode_html(data, http_charset="iso-8859-1")[0]


def test_bom_and_decomposed_unicode():
    data = b"\xef\xbb\xbf" + _page("", unicodedata.normalize("NFD", TEXT)).encode("utf-8")
    text, enc = decode_html(data)
    assert enc == "utf-8" and TEXT in nfc(text)
    assert extract(data, "http://example.org/a").body == TEXT


def test_bad_input_never_raises():
    for data in (b"", b"\x00\xff\x00binary", b"<html><body><p>unclosed", b"<" * 10000):
        art = extract(data, "http://example.org/x")
        assert art.title is None or isinstance(art.title, str)
    deep = ("<div>" * 5000 + "<p>" + TEXT + "</p>" + "</div>" * 5000).encode()
    assert extract(deep, "http://example.org/deep").body is None or TEXT in extract(deep).body


def test_tcvn3_legacy_font_text_is_converted():
    tcvn3 = "Tr\u00adêng ChÝnh trÞ tØnh tæ chøc lÔ khai gi¶ng líp ®µo t¹o c¸n bé " * 5
    page = f"<html><body><h1>Tin tức hoạt động của nhà trường</h1><p>{tcvn3}</p></body></html>".encode()
    art = extract(page, "http://x.vn/a")
    assert "legacy_font_tcvn3_converted" in art.flags
    assert art.body.startswith("Trường Chính trị tỉnh tổ chức lễ khai giảng lớp đào tạo cán bộ")
    assert art.title == "Tin tức hoạt động của nhà trường"  # Unicode lines are left alone


def test_vni_legacy_font_text_is_flagged_not_guessed():
    vni = "Tröôøng Chính trò tænh toå chöùc leã khai giaûng lôùp ñaøo taïo caùn boä " * 5
    page = f"<html><body><h1>Tin tức hoạt động của nhà trường</h1><p>{vni}</p></body></html>".encode()
    assert "legacy_font_vni" in extract(page, "http://x.vn/a").flags
    clean = f"<html><body><h1>Tin tức</h1><p>{TEXT * 5}</p></body></html>".encode()
    assert not any(f.startswith("legacy_font") for f in extract(clean, "http://x.vn/b").flags)


def test_a_20_mb_page_is_read_in_bounded_time():
    para = f"<p>{TEXT} năm 2024.</p>\n"
    html = ("<html><head><title>Trang lớn</title></head><body><h1>Một trang rất lớn của nhà trường "
            "năm 2024</h1><p>12/03/2024 08:00</p>" + para * (20_000_000 // len(para.encode()))
            + "</body></html>").encode()
    art = extract(html, "http://x.vn/lon")
    assert "truncated" in art.flags
    assert art.title == "Một trang rất lớn của nhà trường năm 2024"
    assert art.published_at == "2024-03-12T08:00:00+07:00"


def test_random_markup_never_raises():
    import random

    rng = random.Random(7)
    pieces = ["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<br>", "<h1>",
              "</h1>", "<a href='/x'>", "</a>", "Ngày 12/03/2023", "ThS. Nguyễn Văn A", "Tác giả:", "|",
              "<script>", "&#", "<!--", "<![CDATA[", "\x00", "đào tạo", "<img>", "<meta charset=cp1258>"]
    for _ in range(200):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        data = html.encode("utf-8") if rng.random() < 0.7 else bytes(rng.randrange(256) for _ in range(300))
        art = extract(data, "http://x.vn/a")
        assert art.body is None or isinstance(art.body, str)
