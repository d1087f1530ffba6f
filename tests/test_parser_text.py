"""What is the article's text on real markup: a sapo printed with the headline, a quote box named
like an ad, boxes that point elsewhere, an announcement's signature block, a photo story."""
from __future__ import annotations

import pytest

from crawler.classify import is_article
from crawler.parser import extract

URL = "https://tct.example.vn/tin-tuc/bai-viet-12.html"
TITLE = "Nâng cao chất lượng đào tạo lý luận chính trị cho cán bộ cơ sở"
PARAS = [f"Đoạn {i}: thời gian qua, nhà trường đã đổi mới nội dung, chương trình đào tạo theo hướng "
         f"thiết thực, gắn với yêu cầu nhiệm vụ của địa phương và đơn vị." for i in range(4)]


def page(main: str, head: str = "") -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            "<div class='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc/'>Tin tức</a></div>"
            f"<div class='wrap'>{head}<div class='col'><div class='detail'>{main}</div></div></div>"
            "<div class='footer'>Bản quyền thuộc về nhà trường</div></body></html>").encode()


def paras(items) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


SAPO = ("Chiều 13/3, Khoa Lý luận cơ sở tổ chức buổi sinh hoạt chuyên môn về đổi mới phương pháp "
        "giảng dạy theo hướng phát huy tính tích cực của học viên.")


def nukeviet_main(between: str) -> str:
    """NukeViet's article: the sapo printed apart (hometext), then `between`, then the text with
    the byline its editor typed as its first lines."""
    return (f"<h1>{TITLE}</h1><p>Thứ năm - 14/03/2024 08:15</p><div class='hometext'>{SAPO}</div>"
            f"{between}<div class='bodytext'><p><b>ThS. Lê Minh Tuấn</b></p>"
            f"<p>Giảng viên Khoa Lý luận cơ sở</p>{paras(PARAS)}</div>")


# A box of five other news items under its heading: a link, its date, a teaser cut short.
NEWS_BOX = "<div><h3>Tin mới</h3><ul>" + "".join(
    f"<li><a href='/tin-tuc/tin-{i}.html'>Hội nghị sơ kết công tác đào tạo quý {i} năm 2023 tại "
    f"cơ sở {i}</a> <span>(0{i}/05/2023)</span><p>Sáng ngày 0{i}/5, nhà trường tổ chức hội nghị "
    "sơ kết công tác, đánh giá kết quả đào tạo, bồi dưỡng cán bộ...</p></li>" for i in range(1, 6)
) + "</ul></div>"


def test_a_sapo_printed_with_the_headline_outside_the_text_container():
    sapo = ("Sáng 12/3, nhà trường tổ chức hội nghị bàn giải pháp nâng cao chất lượng đào tạo lý luận "
            "chính trị cho đội ngũ cán bộ ở cơ sở trong giai đoạn mới.")
    head = (f"<div class='top'><div class='title-box'><h1>{TITLE}</h1><span>12/03/2024 09:00</span></div>"
            f"<div class='intro'><h2 class='sapo'>{sapo}</h2></div></div>"
            "<ul class='lst'>" + "".join(f"<li><a href='/tin-tuc/bai-{i}.html'>Tin liên quan số {i} "
                                         "về công tác đào tạo</a></li>" for i in range(4)) + "</ul>")
    art = extract(page(f"<div class='content'>{paras(PARAS)}</div>", head), URL)
    assert art.body == "\n\n".join([sapo, *PARAS])


def test_a_quote_between_paragraphs_named_like_an_ad_is_text_and_pointers_elsewhere_are_not():
    quote = ("Mỗi bài giảng phải trả lời được câu hỏi: học viên mang được gì về cơ sở để vận dụng ngay "
             "vào công việc hằng ngày của mình.")
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}<div class='box-ads-quote'>"
            f"<p>{quote}</p></div>{paras(PARAS[2:])}<p>Link bài gốc: https://baochinhphu.example.vn/bai-goc-12345.htm</p>"
            "<p>Theo dõi Báo Điện tử trên Google News</p>")
    art = extract(page(main), URL)
    assert art.body == "\n\n".join([*PARAS[:2], quote, *PARAS[2:]])


def test_an_announcements_signature_block_is_its_text_and_names_no_author():
    sig = ["TL. HIỆU TRƯỞNG", "TRƯỞNG PHÒNG ĐÀO TẠO", "(đã ký)", "Nguyễn Văn Hùng"]
    block = "".join(f"<p style='text-align:right'><b>{s}</b></p>" for s in sig)
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}{block}"), URL)
    assert art.author is None and art.author_degree is None and art.author_role is None
    assert art.body == "\n\n".join([*PARAS, *sig])


def test_a_photo_story_told_by_its_captions_and_a_photo_post_with_labels():
    lead = "Chiều 20/11, nhà trường tổ chức gặp mặt kỷ niệm Ngày Nhà giáo Việt Nam. Một số hình ảnh:"
    story = [f"Ảnh {i}: các thầy cô giáo nhiều thế hệ cùng ôn lại những kỷ niệm gắn bó với mái trường qua "
             f"các thời kỳ." for i in range(1, 4)]
    figures = "".join(f"<figure><img src='/a{i}.jpg'><figcaption>{c}</figcaption></figure>"
                      for i, c in enumerate(story))
    repeat = f"<figure><img src='/a9.jpg'><figcaption>{story[0]}</figcaption></figure>"  # printed twice
    art = extract(page(f"<h1>{TITLE}</h1><p>20/11/2024 16:00</p><p>{lead}</p>{figures}{repeat}"), URL)
    assert art.body == "\n\n".join([lead, *story])
    labels = "".join(f"<figure><img src='/b{i}.jpg'><figcaption>Quang cảnh buổi gặp mặt {i}"
                     "</figcaption></figure>" for i in range(3))
    art = extract(page(f"<h1>{TITLE}</h1><p>20/11/2024 16:00</p><p>{lead}</p>{labels}"), URL)
    assert art.body == lead


def test_an_aspnet_label_starts_a_line_of_its_own():
    """DNN and WebForms portals print the date and the whole text in <span id="…_lblX"> labels,
    the text's paragraphs only <br>-separated: the date is not glued to the first paragraph."""
    text = "<br><br>".join(PARAS)
    main = (f"<h2>{TITLE}</h2><span id='dnn_ctr401_lblDate' class='SubHead'>13/03/2024</span>"
            f"<span id='dnn_ctr401_lblContent' class='Normal'>{text}</span>")
    art = extract(page(main), URL)
    assert art.published_at == "2024-03-13T00:00:00+07:00"
    assert art.body == "\n\n".join(PARAS)


def test_source_addresses_under_subheadings_are_no_list_of_other_items():
    """Sources printed as their own addresses, each under a subheading of the text, then more
    text: no run of listed items (an address is no headline, a subheading no teaser)."""
    sources = "".join(f"<h2>Mục {i}: ý kiến của các chuyên gia về đổi mới đào tạo</h2>"
                      f"<p><a href='https://nguon{i}.example.vn/bai-{i}.html'>https://nguon{i}.example.vn/"
                      f"bai-{i}.html</a></p>" for i in range(3))
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}{sources}{paras(PARAS[2:])}"
    art = extract(page(main), URL)
    assert art.body.endswith(PARAS[3]) and "Mục 2: ý kiến" in art.body


def test_a_short_capitalised_line_inside_the_text_is_no_credit_that_ends_it():
    """A list's heading after the last sentence, then a list of short lines: the text goes on."""
    schedule = [f"Ngày {d}/4 – Lớp Trung cấp lý luận chính trị K{d} tại Hội trường A" for d in range(1, 8)]
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}<p><strong>Lịch Khai Giảng</strong></p>"
            f"{paras(schedule)}")
    art = extract(page(main), URL)
    assert art.author is None
    assert art.body.endswith(schedule[-1]) and "Lịch Khai Giảng" in art.body


def test_what_follows_the_footer_is_no_text():
    """A cookie notice printed after the footer, inside the same wide container as the text."""
    links = "".join(f"<li class='nav-item'><a href='/muc-{i}/'>Chuyên mục số {i}</a></li>"
                    for i in range(14))
    cookie = ("Trang web này dùng cookie để cải thiện trải nghiệm của bạn khi duyệt web; bạn có thể từ "
              "chối nếu muốn, nhưng một số chức năng có thể không hoạt động như mong đợi.")
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><div id='page'>"
            f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
            f"<div class='widget-area'><ul class='menu'>{links}</ul></div>"
            f"<div class='cookie-notice'><p>{cookie}</p><p>{cookie}</p></div></div></body></html>")
    art = extract(html.encode(), URL)
    assert art.body == "\n\n".join(PARAS)


def test_a_form_a_reader_fills_in_is_no_text_and_a_page_wide_form_is_read():
    """With no class names to go by: the comment form's labels and consent notes are not the
    article's; an ASP.NET page wraps everything in one <form> (hidden state and a search box
    inside), and its article is read."""
    consent = ("Bằng việc gửi bình luận, bạn đồng ý để chúng tôi lưu tên và địa chỉ thư điện tử của bạn "
               "cho lần bình luận tiếp theo trên trình duyệt này.")
    form = (f"<form action='/binh-luan' method='post'><h3>Gửi ý kiến của bạn</h3><p>{consent}</p>"
            "<p>Họ và tên <input name='ten'></p><p><textarea name='noi_dung'></textarea></p>"
            "<p><button>Gửi</button></p></form>")
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><div><h1>{TITLE}</h1>"
            f"<p>12/03/2024 09:00</p>{paras(PARAS)}</div>{form}</body></html>")
    assert extract(html.encode(), URL).body == "\n\n".join(PARAS)
    wrapped = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
               "<form id='form1' method='post'><input type='hidden' name='__VIEWSTATE' value='x'>"
               "<div><input type='text' name='q'> <input type='submit' value='Tìm'></div>"
               f"<div><h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}</div></form></body></html>")
    assert extract(wrapped.encode(), URL).body == "\n\n".join(PARAS)


def test_names_that_silence_the_whole_text_are_no_evidence():
    """A page builder names every block of the article a widget, and the theme's <body> says
    "no-sidebar": no single named block holds most of the text, yet the article is the text."""
    blocks = "".join(f"<div class='elementor-widget-wrap'><div class='widget-container'><p>{p}</p>"
                     "</div></div>" for p in PARAS)
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body class='ast-no-sidebar'>"
            f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{blocks}"
            "<div class='sidebar'><a href='/a'>Tin khác số một của nhà trường</a></div></body></html>")
    assert extract(html.encode(), URL).body == "\n\n".join(PARAS)


def test_a_german_line_is_not_taken_for_a_legacy_vietnamese_font():
    html = ("<html><head><meta charset='utf-8'><title>Tomaten</title></head><body><h1>Tomaten richtig "
            "schneiden</h1><p>12.03.2024</p><p>Für die Größe ist weiß nicht gut, daß wir es so schneiden.</p>"
            + "<p>Das liegt ganz einfach daran, dass die Tomate falsch auf dem Brett liegt und rollt.</p>" * 3
            + "</body></html>")
    art = extract(html.encode(), URL)
    assert "Für die Größe" in art.body and not any(f.startswith("legacy_font") for f in art.flags)


def test_a_heading_with_no_text_after_it_is_no_text():
    """The title of a box whose links went ("Lesen Sie auch", "Bài viết khác", any language);
    a subheading over text, and one over a deeper subheading, stay."""
    related = ("<h3>Đọc thêm</h3><ul>" + "".join(f"<li><a href='/tin-{i}.html'>Tin số {i}</a></li>"
                                               for i in range(4)) + "</ul>")
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><h2>Phần một</h2><h3>Mục 1.1</h3>{paras(PARAS[:2])}"
            f"<h2>Phần hai</h2>{paras(PARAS[2:])}{related}")
    art = extract(page(main), URL)
    assert art.body == "\n\n".join(["Phần một", "Mục 1.1", *PARAS[:2], "Phần hai", *PARAS[2:]])


def test_a_lead_between_the_headline_and_the_date_is_the_texts():
    lead = ("Chiều 12/3, nhà trường tổ chức hội nghị bàn giải pháp nâng cao chất lượng đào tạo lý luận "
            "chính trị cho đội ngũ cán bộ ở cơ sở.")
    main = f"<h1>{TITLE}</h1><p class='lead'>{lead}</p><div class='info'>12/03/2024 09:00</div>{paras(PARAS)}"
    art = extract(page(main), URL)
    assert art.body == "\n\n".join([lead, *PARAS]) and art.published_at.startswith("2024-03-12")


def test_a_slideshow_with_no_lead_is_told_by_its_captions():
    story = [f"Ảnh {i}: các thầy cô giáo nhiều thế hệ cùng ôn lại những kỷ niệm gắn bó với mái trường qua "
             f"các thời kỳ." for i in range(1, 4)]
    slides = "".join(f"<section class='slide'><img src='/a{i}.jpg'><h2>Phần {i}</h2><caption>{c}</caption>"
                     "</section>" for i, c in enumerate(story))
    art = extract(page(f"<h1>{TITLE}</h1><p>20/11/2024 16:00</p>{slides}"), URL)
    assert art.body is not None and all(c in art.body for c in story)


def test_hidden_on_phones_only_is_seen():
    """`hidden lg:flex` (Tailwind), `d-none d-md-block` (Bootstrap) show a block from some screen
    width up: a desktop reader sees the article inside one; plain `hidden` hides."""
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
    # The page's other text outweighs the article (a hidden block holding most of the page's
    # text is read whatever its class says).
    links = "".join(f"<li><a href='/tin-{i}.html'>{p.replace('Đoạn', 'Tin')}</a></li>"
                    for i, p in enumerate(PARAS * 2))
    aside = f"<ul class='sidebar'>{links}</ul>"
    for shown in ("hidden lg:flex", "d-none d-md-block", "hide show-for-large"):
        art = extract(page(f"<div class='{shown}'><div>{main}</div></div>{aside}"), URL, second_opinion=False)
        assert art.body == "\n\n".join(PARAS), shown
    art = extract(page(f"<div class='hidden'>{paras(PARAS[:1])}</div>{main}"), URL)
    assert art.body == "\n\n".join(PARAS)  # not twice


def test_a_page_whose_text_is_all_in_noscript_is_read_there():
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
    art = extract(page(f"<script>render()</script><noscript><div>{main}</div></noscript>"), URL)
    assert art.body == "\n\n".join(PARAS) and "read_noscript" in art.flags
    # A page with its own text keeps its <noscript> fallback (a tracking pixel's note) out.
    note = "Vui lòng bật JavaScript để xem trang. " * 12
    art = extract(page(f"{main}<noscript><p>{note}</p></noscript>"), URL)
    assert art.body == "\n\n".join(PARAS) and "read_noscript" not in art.flags


def test_a_two_word_headline_named_by_the_title_and_the_site_name_left_out():
    html = ("<html><head><meta charset='utf-8'><title>Plejaden, M45 - Thiên văn Trẻ</title>"
            "<meta property='og:site_name' content='Thiên văn Trẻ'></head><body>"
            "<div class='menu'><a href='/'>Trang chủ</a></div><h1>Plejaden, M45</h1>"
            "<p><a href='/2019/09/17/'>17/09/2019</a></p>" + paras(PARAS) +
            "<ul><li>Ngày chụp: 31/08/2019</li><li>Thời gian phơi sáng: 60 x 3 phút</li></ul></body></html>")
    art = extract(html.encode(), "https://thienvantre.example.vn/anh/plejaden-m45/")
    assert art.title == "Plejaden, M45"
    assert art.published_at.startswith("2019-09-17") and art.body.startswith(PARAS[0])


def test_a_closed_dialog_is_no_text_even_with_more_prose_than_the_article():
    """A cookie-settings dialog printed closed (`aria-hidden="true"`) can hold more prose than the
    article; it is hidden from every reader. One holding most of the page's text is read."""
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}"
    policy = paras(f"Cookie {i}: trang web sử dụng cookie để ghi nhớ lựa chọn của bạn, đo lường lượt "
                   "truy cập và cải thiện trải nghiệm; bạn có thể tắt cookie này trong phần cài đặt."
                   for i in range(3))
    dialog = f"<div class='cli-modal' aria-hidden='true'><h4>Tổng quan về quyền riêng tư</h4>{policy}</div>"
    links = "".join(f"<li><a href='/tin-{i}.html'>{p.replace('Đoạn', 'Tin')}</a></li>"
                    for i, p in enumerate(PARAS * 2))
    art = extract(page(f"<ul class='sidebar'>{links}</ul>{main}{dialog}"), URL, second_opinion=False)
    assert art.body == "\n\n".join(PARAS[:2])
    art = extract(page(f"<div aria-hidden='true'>{main}</div>"), URL, second_opinion=False)
    assert art.body == "\n\n".join(PARAS[:2])


def test_a_short_post_keeps_its_closing_line_above_a_share_bar_in_its_container():
    """A share bar printed inside the post's container costs the container more than its short
    closing paragraphs bring: they are the text's all the same."""
    closing = ["Xin cảm ơn quý thầy cô đã đồng hành cùng nhà trường…"]
    targets = ("Facebook", "Twitter", "Zalo", "LinkedIn", "E-mail", "In bài viết", "Sao chép liên kết")
    share = "".join(f"<li><a href='/share?to={n}'>{n}</a></li>" for n in targets)
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div class='entry-content'><p>{PARAS[0]}</p>"
            f"{paras(closing)}<div class='sharedaddy'><h3>Chia sẻ:</h3><ul>{share}</ul></div></div>")
    art = extract(page(main), URL, second_opinion=False)
    assert art.body == "\n\n".join([PARAS[0], *closing])


def test_a_two_word_h1_inside_the_title_is_the_headline():
    html = ("<html><head><meta charset='utf-8'><title>THIÊN VĂN TRẺ: Sao chổi</title></head><body>"
            "<div class='menu'><a href='/'>Trang chủ</a></div><p>Số 2022/3 · Chuyên mục: Kiến thức</p>"
            "<h1>Sao chổi</h1><p>17/09/2019</p>" + paras(PARAS) + "</body></html>")
    art = extract(html.encode(), "https://thienvantre.example.vn/so-3/sao-choi/")
    assert art.title == "Sao chổi" and art.body == "\n\n".join(PARAS)


def bare_page(main: str, after: str) -> bytes:
    """A page with no class or id at all: only its shape and its words tell what is what."""
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            "<div><a href='/'>Trang chủ</a> <a href='/tin-tuc/'>Tin tức</a></div>"
            f"<div><div>{main}</div>{after}</div></body></html>").encode()


def school_titled_page(body: str, school: str = "Trường Chính trị tỉnh Mẫu") -> bytes:
    """A page whose <title> names only the school: the metadata says nothing of the headline."""
    return (f"<html><head><meta charset='utf-8'><title>{school}</title></head><body>{body}"
            "</body></html>").encode()


def test_two_related_items_cut_short_after_the_text_leave_it_and_its_closing_credit_is_the_writer():
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
            "<p style='text-align:right'><strong>Hoàng Nam (tổng hợp)</strong></p>")
    related = "<div><h2>Cùng chuyên mục</h2>" + "".join(
        f"<div><h3><a href='/tin-tuc/bai-{i}.html'>Hội nghị số {i} về công tác đào tạo, bồi dưỡng cán bộ "
        f"năm 2024</a></h3><p>Ngày 1{i}/5, nhà trường đã tổ chức hội nghị bàn về công tác đào tạo, bồi "
        "dưỡng cán bộ trước kỳ…</p></div>" for i in range(2)) + "</div>"
    art = extract(bare_page(main, related), URL)
    assert art.body == "\n\n".join(PARAS)
    assert art.author == "Hoàng Nam"


def test_the_sites_imprint_after_the_text_is_no_text_even_unnamed():
    imprint = ("<div><p>© Báo điện tử tỉnh Mẫu</p><p>Tổng biên tập: Nguyễn Văn Khánh</p>"
               "<p>Giấy phép số 123/GP-BTTTT cấp ngày 15/04/2024.</p>"
               "<p>Trụ sở: số 1 Lê Lợi, thành phố Mẫu</p>"
               "<p>Ghi rõ nguồn “Báo điện tử tỉnh Mẫu” khi phát hành lại thông tin từ website này.</p></div>")
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}", imprint), URL)
    assert art.body == "\n\n".join(PARAS)


def test_one_credit_line_with_a_copyright_sign_keeps_the_text_after_it():
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}<p><img src='/a.jpg'></p>"
            f"<p>© Ảnh: Thông tấn xã Việt Nam</p>{paras(PARAS[2:])}")
    art = extract(bare_page(main, ""), URL)
    assert all(p in art.body for p in PARAS)


def test_a_pen_name_marked_as_the_writer_by_itemprop_rel_or_data_role_is_the_author():
    # Two syllables and no surname: a pen name, taken only where the page marks the writer. No
    # class says so here; schema.org, HTML's rel and a data-role do.
    for attr in ("itemprop='author'", "rel='author'", "data-role='author'"):
        main = (f"<h1>{TITLE}</h1><div><p {attr}>Minh Chiến</p></div><p>12/03/2024 09:00</p>"
                f"{paras(PARAS)}")
        art = extract(bare_page(main, ""), URL)
        assert (art.author, art.body) == ("Minh Chiến", "\n\n".join(PARAS)), attr


def test_a_byline_in_another_language_gives_the_name_alone():
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><p>By Jane Whitaker</p>{paras(PARAS)}"
    art = extract(bare_page(main, ""), URL)
    assert (art.author, art.body) == ("Jane Whitaker", "\n\n".join(PARAS))


def test_an_article_streamed_into_a_hidden_div_with_scripts_around_it_is_read():
    # A Next.js page: the server streams the article into <div hidden>, a script moves it into
    # place; the page's scripts hold many times its text.
    data = "".join(f"<script>self.__next_f.push([1,\"{'x' * 3000}\"])</script>" for _ in range(10))
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            "<div><a href='/'>Trang chủ</a> <a href='/tin-tuc/'>Tin tức</a></div>"
            f"<div hidden><h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}</div>{data}"
            "<div hidden><p>Đăng nhập để bình luận</p></div></body></html>").encode()
    art = extract(html, URL)
    assert (art.title, art.body) == (TITLE, "\n\n".join(PARAS))


def test_the_same_links_repeated_between_paragraphs_are_a_widget_not_a_list_ending_the_text():
    widget = "<div><p>Đọc nhiều</p>" + "".join(
        f"<p><a href='/tin-tuc/bai-{i}.html'>Hội nghị số {i} về công tác đào tạo, bồi dưỡng cán bộ năm 2024"
        f"</a></p><p>Phóng viên {i}</p>" for i in range(3)) + "</div>"
    texts = PARAS + [p.replace("Đoạn", "Phần") for p in PARAS]
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div>"
            + widget.join(f"<p>{p}</p><p>{p.replace('thời gian qua', 'năm nay')}</p>" for p in texts)
            + "</div>")
    art = extract(bare_page(main, ""), URL)
    assert art.body == "\n\n".join(q for p in texts for q in (p, p.replace("thời gian qua", "năm nay")))


def test_a_paragraph_right_under_a_photo_ending_with_an_ideographic_stop_is_text():
    # Under an image, a short line without a closing stop reads as a caption; "。" closes a
    # sentence as "." does.
    ja = "十三日午後九時ごろ、県内で震度五弱の地震があった。気象庁によると、震源の深さは約三十六キロ"
    paras_ja = [ja + "。", ja + "と推定される。"]
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div><p><img src='/a.jpg'></p>"
            f"<p>{paras_ja[0]}</p></div><div><p>{paras_ja[1]}</p></div>")
    art = extract(bare_page(main, ""), URL)
    assert art.body == "\n\n".join(paras_ja)


def test_the_text_goes_on_after_a_long_more_on_this_box_printed_inside_it():
    more = "<aside><p>Đọc thêm</p>" + "".join(
        f"<p><a href='/tin-tuc/bai-{i}.html'>Tin số {i}</a></p><p>Phóng viên {i}</p>" for i in range(8)) + \
        "</aside>"
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>"
            f"<div>{paras(PARAS[:2])}{paras(PARAS[:2]).replace('Đoạn', 'Mục')}{more}{paras(PARAS[2:])}</div>")
    art = extract(bare_page(main, "<div><p>Liên hệ quảng cáo</p></div>"), URL)
    assert art.body.split("\n\n")[-2:] == PARAS[2:]


def test_items_dated_by_their_age_after_the_text_are_a_list_and_an_about_the_author_box_no_text():
    items = "".join(f"<div><p>{i + 2} giờ trước</p><p>Hội nghị số {i} bàn về công tác đào tạo, bồi "
                    "dưỡng cán bộ của nhà trường trong năm 2024 và những năm tiếp theo.</p></div>"
                    for i in range(3))
    bio = ("<div><h3>Về tác giả</h3><p>ThS. Nguyễn Văn An là giảng viên Khoa Lý luận cơ sở, đã công tác "
           "tại nhà trường hơn mười năm và viết nhiều bài nghiên cứu.</p></div>")
    for after in (items, bio):
        main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}{after}"
        art = extract(bare_page(main, ""), URL)
        assert art.body == "\n\n".join(PARAS)


def test_the_writer_named_for_machines_counts_only_when_the_page_prints_the_name_too():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"author": [{"@type": "Person", "name": "%s"}], "image": {"@type": "ImageObject", '
          '"author": {"@type": "Person", "name": "Lê Văn Ảnh"}}}</script>')
    shown = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><p><small>Hà Thu ·</small> <em>Thời sự</em></p>"
             f"{paras(PARAS)}")
    for name, printed, expected in (("Hà Thu", True, "Hà Thu"), ("Bùi Minh Khang", False, None),
                                    ("Lê Văn Ảnh", False, None)):
        main = shown if printed else shown.replace("<p><small>Hà Thu ·</small> <em>Thời sự</em></p>", "")
        html = bare_page(main, "").replace(b"</head>", (ld % name).encode() + b"</head>")
        art = extract(html, URL)
        assert (art.author, art.body) == (expected, "\n\n".join(PARAS)), name


def test_the_writer_named_for_machines_and_shown_only_as_the_poster_is_an_account():
    ld = ('<script type="application/ld+json">{"@type": "BlogPosting", "author": {"@type": "Person", '
          '"name": "Trần Văn Bình"}}</script>')
    main = f"<p>Đăng bởi: Trần Văn Bình</p><h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
    html = bare_page(main, "").replace(b"</head>", ld.encode() + b"</head>")
    assert extract(html, URL).author is None


def test_a_modal_dialog_printed_closed_is_no_text_even_with_more_prose_than_the_article():
    # A consent manager's preference centre: a modal, hidden by its own stylesheet class, with
    # more sentences than the article.
    policy = "".join(f"<p>Những tệp cookie loại {i} giúp trang web ghi nhớ lựa chọn của bạn và đo lường "
                     "lượt truy cập để cải thiện nội dung, bạn có thể tắt chúng trong phần cài đặt.</p>"
                     for i in range(8))
    for attrs in ("aria-modal='true' role='region'", "role='dialog'"):
        dialog = f"<div class='ot-hide' {attrs}><div><h2>Cài đặt cookie</h2>{policy}</div></div>"
        main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
        art = extract(bare_page(main, dialog), URL)
        assert art.body == "\n\n".join(PARAS), attrs


def test_captions_ending_in_their_photo_credit_are_no_text_of_an_article_but_a_photo_storys():
    captions = [f"Đại biểu số {i} phát biểu tham luận tại hội nghị tổng kết công tác năm 2024. "
                "(Ảnh: Minh Hòa)" for i in range(3)]
    photos = "".join(f"<p><img src='/a{i}.jpg'></p><p>{c}</p>" for i, c in enumerate(captions))
    article = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}{photos}"
                                f"{paras(PARAS[2:])}", ""), URL)
    assert article.body == "\n\n".join(PARAS)
    story = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><p>Một số hình ảnh:</p>{photos}", ""),
                    URL)
    assert all(c in story.body for c in captions)


def test_a_cookie_notice_printed_after_the_text_is_no_text_but_a_recipes_cookies_are():
    notice = ("<div><p>Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn. Tiếp tục truy cập "
              "nghĩa là bạn đồng ý với chính sách của chúng tôi.</p></div>")
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}", notice), URL)
    assert art.body == "\n\n".join(PARAS)
    recipe = "Trộn bột với bơ, nặn thành từng chiếc cookie nhỏ rồi nướng trong mười lăm phút là dùng được."
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}<p>{recipe}</p>"
                            f"{paras(PARAS[2:])}", ""), URL)
    assert recipe in art.body


def test_readers_comments_under_the_text_are_not_added_by_the_second_opinion():
    """A long comment thread makes our text a small share of the page's prose, so trafilatura is
    asked; what follows the comments heading is the readers', never added to the article."""
    said = ("Ý kiến {}: bài viết rất thiết thực, cảm ơn nhà trường đã chia sẻ kinh nghiệm đổi mới "
            "phương pháp giảng dạy lý luận chính trị cho cán bộ cơ sở ở địa phương chúng tôi.")
    thread = "".join(f"<div><b>Bạn đọc {i}</b> <span>1{i}:20 0{i}/06/2024</span><p>{said.format(i)}</p>"
                     f"<p>{said.format(i * 10)}</p></div>" for i in range(1, 7))
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div class='noi-dung'>{paras(PARAS[:2])}</div>"
            f"<div><h4>Ý kiến bạn đọc (6)</h4>{thread}</div>")
    art = extract(page(main), URL)
    assert art.body == "\n\n".join(PARAS[:2])


def test_a_role_line_in_a_text_block_with_a_picture_is_no_caption():
    """An editor that breaks paragraphs with <br> puts the whole text, its picture and the
    byline in one block: the italic role line under the name is the writer's role."""
    text = "<br><br>".join(PARAS)
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div class='noidung'>{text}<br><br>"
            "<img src='/anh/hoi-nghi.jpg'><br><br>"
            "<b>ThS. Lê Thị Thu Hà</b><br><i>Giảng viên Khoa Xây dựng Đảng</i></div>")
    art = extract(page(main), URL)
    assert (art.author, art.author_degree, art.author_role) == (
        "Lê Thị Thu Hà", "ThS.", "Giảng viên Khoa Xây dựng Đảng")
    assert art.body == "\n\n".join(PARAS)


def test_a_headline_linked_to_its_own_page_heads_it():
    """Themes link the post's headline to the post itself: that link is no item of a list. (A
    headline linking to another page still does: a listing's item.)"""
    main = (f"<div class='tieu-de'><b><a href='{URL}'>{TITLE}</a></b></div>"
            f"<div>Thứ Ba, 12/03/2024 - 09:00</div>{paras(PARAS)}")
    html = page(main).replace(f"<title>{TITLE}</title>".encode(), "<title>Tin tức</title>".encode())
    art = extract(html, URL)
    assert (art.title, art.published_at) == (TITLE, "2024-03-12T09:00:00+07:00")
    assert art.body == "\n\n".join(PARAS)
    relative = html.replace(f"href='{URL}'".encode(), b"href='/tin-tuc/bai-viet-12.html'")
    assert extract(relative, URL).title == TITLE
    away = html.replace(f"href='{URL}'".encode(), b"href='/tin-tuc/bai-viet-13.html'")
    assert extract(away, URL).title != TITLE


def test_a_date_in_words_after_the_headline_is_the_date_not_the_headline():
    for printed, when in (("27 Tháng 12, 2016 - 08:17", "2016-12-27T08:17:00+07:00"),
                          ("3 Tháng Mười Hai, 2023 lúc 4:45 chiều", "2023-12-03T16:45:00+07:00")):
        html = (f"<html><head><meta charset='utf-8'><title>Tin tức</title></head><body>"
                f"<div class='menu'><a href='/'>Trang chủ</a></div><p><b>{TITLE}</b> ({printed})</p>"
                f"{paras(PARAS)}</body></html>").encode()
        art = extract(html, URL)
        assert (art.title, art.published_at) == (TITLE, when), printed


def test_a_date_printed_over_the_headline_is_its_date():
    """Themes that print the date over the headline: the date above counts for the headline as
    the date below does, so a banner with dates of its own does not win."""
    html = ("<html><head><meta charset='utf-8'><title>Trường Chính trị tỉnh</title></head><body>"
            "<div style='color:red'><b>CHÀO MỪNG KỶ NIỆM 95 NĂM NGÀY THÀNH LẬP ĐẢNG "
            "(03/02/1930 - 03/02/2025)</b></div>"
            "<div class='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc/'>Tin tức</a></div>"
            "<div>Thứ Bảy, 16/01/2021, 09:14</div>"
            f"<div style='font-size:18px;font-weight:bold'>{TITLE}</div><div>In bài | Quay lại</div>"
            f"{paras(PARAS)}</body></html>").encode()
    art = extract(html, URL)
    assert (art.title, art.published_at) == (TITLE, "2021-01-16T09:14:00+07:00")


@pytest.mark.parametrize("rows", [
    # The date's cell beside the headline's; the headline beside the print tools, the date under
    # it; the date beside the view counter, under the headline.
    "<tr><td>15/09/2020 08:14</td><td class='tieude'>{t}</td></tr>",
    "<tr><td class='tieude'>{t}</td><td><a href='javascript:print()'>In bài</a> | <a href='mailto:'>Gửi</a>"
    "</td></tr><tr><td>15/09/2020 08:14</td></tr>",
    "<tr><td><b>{t}</b></td></tr><tr><td>15/09/2020 08:14</td><td>Lượt xem: 1.207</td></tr>",
])
def test_a_layout_tables_lone_row_of_two_cells_is_two_lines_not_a_tables_data(rows):
    """Legacy table layouts set the headline or the date line in a row beside another cell. A
    table's only row of two cells of text is the layout's, its cells lines of their own; a table
    of several such rows is data, each row one line."""
    html = ("<html><head><meta charset='utf-8'><title>..:: TRƯỜNG CHÍNH TRỊ TỈNH ::..</title></head><body>"
            "<table><tr><td><a href='/'>TRANG CHỦ</a> | <a href='/gt'>GIỚI THIỆU</a></td></tr>"
            + rows.format(t=TITLE) + "<tr><td>" + "".join(f"<div>{p}</div>" for p in PARAS)
            + "</td></tr></table></body></html>").encode()
    art = extract(html, URL)
    assert (art.title, art.published_at, art.body) == (TITLE, "2020-09-15T08:14:00+07:00", "\n\n".join(PARAS))


def test_a_box_of_phone_numbers_or_a_byline_is_never_the_headline():
    """A legacy layout whose headline cannot be told (it shares a table row with the date) and
    whose <title> names the school: the weak fall-back must not take a sidebar's phone line or
    the byline opening the text for the headline."""
    html = ("<html><head><meta charset='utf-8'><title>..:: TRƯỜNG CHÍNH TRỊ TỈNH ::..</title></head><body>"
            "<table><tr><td><div>HỖ TRỢ TRỰC TUYẾN</div><div>Phòng Tổ chức - Hành chính: 0238.3844.222</div>"
            "</td><td><table><tr><td>Cập nhật: 15/09/2020 | 08:14</td><td>" + TITLE + "</td></tr>"
            "<tr><td><div>Tác giả: ThS. Vũ Thị Hồng - Khoa Xây dựng Đảng</div>"
            + "".join(f"<div>{p}</div>" for p in PARAS)
            + "</td></tr></table></td></tr></table></body></html>").encode()
    art = extract(html, URL)
    assert art.title is None or ("0238" not in art.title and "Tác giả" not in art.title)


def test_an_address_that_cannot_be_read_does_not_stop_the_extraction():
    """`tct extract page.html --url 'http://[bad'`: the page is read all the same."""
    html = (f"<html><head><meta charset='utf-8'></head><body><h1><a href='http://[::1'>{TITLE}</a></h1>"
            f"<p>12/03/2024 09:00</p>{paras(PARAS)}</body></html>").encode()
    for url in ("http://[bad", "http://[::1/x.html"):
        art = extract(html, url)
        assert art.body == "\n\n".join(PARAS)


def test_text_above_a_subheading_taken_for_the_headline_is_asked_about():
    """A column's name in the <h1> (a breadcrumb's last link, the <title>) loses to the text's
    first subheading: the paragraphs above that subheading, in the same element as the text,
    are the article's, and the second opinion brings them back. A blurb in a column of its own
    before the article is not asked about."""
    col = "Diễn đàn học viên"
    sub = "Học đi đôi với hành: kinh nghiệm từ một lớp trung cấp lý luận chính trị"
    later = [p.replace("Đoạn", "Phần") for p in PARAS]

    def column_page(inside: str) -> bytes:
        return (f"<html><head><meta charset='utf-8'><title>{col}</title></head><body>"
                f"<ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href='/dien-dan/'>{col}</a>"
                f"</li></ul>{inside}<div class='footer'>Bản quyền thuộc về nhà trường</div></body></html>"
                ).encode()

    art = extract(column_page(f"<div class='post'><h1>{col}</h1>{paras(PARAS[:3])}<h2>{sub}</h2>"
                              f"{paras(later)}</div>"), URL)
    assert art.body is not None and all(p in art.body for p in PARAS[:3] + later)
    assert any(f.startswith("second_opinion") for f in art.flags)
    blurb = extract(column_page(f"<div class='gioi-thieu'>{paras(PARAS[:3])}</div>"
                                f"<div class='post'><h2>{sub}</h2>{paras(later)}</div>"), URL)
    assert (blurb.title, blurb.body) == (sub, "\n\n".join(later))


def test_a_news_card_between_paragraphs_leaves_its_teaser_out():
    """A card of another article (its headline link over its teaser, the two alone in an element
    of their own) printed between the text's paragraphs is not the text. A link on a line of its
    own over a paragraph of the text, a subheading that jumps within the page and a card above
    the first paragraph (the text's lead under a link) keep the paragraph."""
    teaser = ("Sáng 5/3, đoàn công tác của nhà trường đã đến thăm và làm việc tại huyện miền núi, "
              "trao đổi kinh nghiệm về công tác bồi dưỡng cán bộ cơ sở.")
    card = (f"<div class='box-related'><a href='/tin-tuc/bai-viet-99.html'>Đoàn công tác của nhà trường "
            f"thăm huyện miền núi</a><p>{teaser}</p></div>")
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}{card}"
                       f"{paras(PARAS[2:])}"), URL)
    assert art.body == "\n\n".join(PARAS)
    for head in ("<p><a href='/tin-tuc/bai-viet-99.html'>Đoàn công tác của nhà trường thăm huyện "
                 "miền núi</a></p>",
                 "<div><h3><a href='#phan-2'>Đoàn công tác của nhà trường thăm huyện miền núi</a></h3>"):
        close = "</div>" if head.startswith("<div>") else ""
        kept = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}{head}"
                            f"<p>{teaser}</p>{close}{paras(PARAS[2:])}"), URL)
        assert teaser in kept.body, head
    lead = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{card.replace('box-related', 'box')}"
                        f"{paras(PARAS)}"), URL)
    assert teaser in lead.body


def test_a_heading_over_a_box_of_links_inside_the_text_goes_with_the_links():
    """`Đọc thêm` over three links between two paragraphs: the links leave the text and so does
    their heading. A subheading over an embed's two links (a post shared from a social network)
    stays: the text under it is the article's."""
    links = "".join(f"<li><a href='/tin-tuc/bai-{i}.html'>Tin số {i}</a></li>" for i in range(3))
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}<h4>Đọc thêm</h4>"
                       f"<ul>{links}</ul>{paras(PARAS[2:])}"), URL)
    assert art.body == "\n\n".join(PARAS)
    embed = ("<div><a href='https://social.example/p/1'>Xem bài đăng này trên mạng xã hội</a></div>"
             "<p><a href='https://social.example/truong'>Bài đăng được chia sẻ bởi Trường Chính trị tỉnh"
             "</a></p>")
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}<h3>Một ngày ở cơ sở</h3>"
                       f"{embed}{paras(PARAS[2:])}"), URL)
    assert "Một ngày ở cơ sở" in art.body


def test_a_titled_box_between_the_sapo_and_the_text_neither_ends_the_text_nor_hides_the_byline():
    """`Tin mới` over five items (a link, then a teaser) printed between a sapo set apart and the
    text: the heading does not end the text when the text resumes after the box, and the byline
    typed at the top of the text, under the box, is still the writer's."""
    art = extract(page(nukeviet_main(NEWS_BOX)), URL)
    assert (art.author, art.author_degree, art.author_role) == (
        "Lê Minh Tuấn", "ThS.", "Giảng viên Khoa Lý luận cơ sở")
    assert art.body == "\n\n".join([SAPO, *PARAS])


def test_a_box_inside_a_short_text_with_one_paragraph_after_it_is_taken_out():
    """A short text with a box of five items before its last paragraph: the one paragraph after
    the box is a sibling of the text's paragraph before it, so the text resumes there (two in a
    row are asked for only when nothing of the text's own came before the box)."""
    box = NEWS_BOX
    related = "<div>Tin liên quan</div><ul>" + "".join(
        f"<li><a href='/tin-tuc/bai-{i}.html'>Khai giảng lớp Trung cấp lý luận chính trị khóa {i}</a></li>"
        for i in range(3)) + "</ul>"
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}{box}<p>{PARAS[2]}</p>{related}"
    art = extract(page(main), URL)
    assert art.body == "\n\n".join(PARAS[:3])


def test_a_titled_box_of_cut_short_teasers_over_a_photo_storys_lead_is_a_box():
    """`Tin mới` over five items whose teasers are cut short with '…', then a photo story's
    lead and captions: the box is taken out and the page stays an article, though its own text
    weighs less than the box (a listing's page text is not under such a heading)."""
    box = NEWS_BOX
    lead = ("Sáng 17/11/2023, Công đoàn nhà trường tổ chức Hội thao chào mừng Ngày Nhà giáo Việt Nam "
            "với các môn kéo co, bóng chuyền hơi và cờ tướng.")
    captions = "".join(f"<p><img src='/anh/{i}.jpg'></p><p>{c}</p>" for i, c in enumerate(
        ("Các vận động viên tham gia môn kéo co", "Ban Tổ chức trao giải cho các đội đạt thành tích cao")))
    art = extract(page(f"<h1>{TITLE}</h1><p>18/11/2023 16:40</p>{box}<p>{lead}</p>{captions}"), URL)
    assert art.body is not None and art.body.startswith(lead) and "Sáng ngày 0" not in art.body
    assert is_article(art, URL)


def test_a_byline_under_a_box_of_news_above_the_text_is_the_writers():
    """A box of five news items between the date and a labelled byline takes no room in the
    block under the headline where bylines are looked for."""
    box = NEWS_BOX
    main = (f"<h1>{TITLE}</h1><p>Cập nhật: 15/09/2020 | 08:14</p>{box}"
            f"<div>Tác giả: ThS. Vũ Thị Hồng - Khoa Xây dựng Đảng</div>{paras(PARAS)}")
    art = extract(page(main), URL)
    assert (art.author, art.author_degree, art.author_role) == ("Vũ Thị Hồng", "ThS.", "Khoa Xây dựng Đảng")
    assert art.body == "\n\n".join(PARAS)


def test_a_headline_printed_as_a_picture_comes_from_the_metadata_whole():
    """The headline is an image: a visitor counter set as plain text is no headline beside a
    <title> that carries one, and the headline's own dashes (`chính trị - hành chính`,
    `2022 - 2024`) are no separators: only the school's name is cut from the <title>."""
    headline = "Khai giảng lớp Trung cấp lý luận chính trị - hành chính khóa 58 năm học 2022 - 2024"
    html = (f"<html><head><meta charset='utf-8'><title>Trường Chính trị tỉnh Vĩnh Long - {headline}"
            "</title></head><body><div class='menu'><a href='/'>Trang chủ</a></div>"
            "<div class='left'><p>Thành viên: 0</p><p>Tổng lượt truy cập: 1.384.227</p></div>"
            "<div class='detail'><p><img src='/anh/tieu-de.png' alt=''></p><p>02/06/2023 17:05</p>"
            f"{paras(PARAS)}</div></body></html>").encode()
    art = extract(html, URL)
    assert art.title == headline
    assert art.body == "\n\n".join(PARAS)


def test_an_anniversary_banner_with_a_span_of_dates_is_no_dated_headline():
    """A slogan over the page ending with a span of dates (`(03/02/1930 - 03/02/2024)`) carries
    no publication date: it does not outscore the bold headline of a page that prints no date."""
    banner = ("<div class='top'><b>NHIỆT LIỆT CHÀO MỪNG KỶ NIỆM 94 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN "
              "VIỆT NAM (03/02/1930 - 03/02/2024)</b></div>")
    html = school_titled_page(f"{banner}<div class='menu'><a href='/'>Trang chủ</a></div><div class='detail'>"
                              f"<p><b>{TITLE}</b></p>{paras(PARAS)}</div>", "Trường Chính trị tỉnh Vĩnh Phúc")
    art = extract(html, URL)
    assert art.title == TITLE
    assert art.body == "\n\n".join(PARAS)


def test_a_related_card_between_the_sapo_and_the_byline_hides_nothing():
    """NukeViet prints the sapo apart and editors type the byline as the text's first lines; a
    related-news card (named like page furniture) printed between the two is passed over."""
    card = ("<div class='box-news-related'><a href='/tin-tuc/tin-99.html'>Đoàn công tác của nhà trường "
            "thăm và làm việc tại huyện miền núi</a><p>Sáng 5/3, đoàn công tác của nhà trường đã đến "
            "thăm và làm việc tại huyện miền núi, trao đổi kinh nghiệm bồi dưỡng cán bộ cơ sở.</p></div>")
    art = extract(page(nukeviet_main(card)), URL)
    assert (art.author, art.author_degree, art.author_role) == (
        "Lê Minh Tuấn", "ThS.", "Giảng viên Khoa Lý luận cơ sở")
    assert "Sáng 5/3" not in art.body and all(p in art.body for p in PARAS)


def test_a_paragraph_between_a_related_card_and_a_box_of_news_is_the_texts():
    """A card named like page furniture (its teaser too), a paragraph of the text, then `Đọc
    thêm` over three items, then the rest: the paragraph is no teaser of the card's link, and
    no item of the box."""
    card = ("<div class='box-news-related'><a href='/tin-tuc/tin-99.html'>Đoàn công tác của nhà trường "
            "thăm và làm việc tại huyện miền núi</a><p>Sáng 5/3, đoàn công tác của nhà trường đã đến "
            "thăm và làm việc tại huyện miền núi, trao đổi kinh nghiệm bồi dưỡng cán bộ cơ sở.</p></div>")
    box = "<h4>Đọc thêm</h4>" + "".join(
        f"<div><a href='/tin-tuc/bai-{i}.html'>Bồi dưỡng nghiệp vụ cho cán bộ Mặt trận Tổ quốc cấp xã "
        f"đợt {i} năm 2025</a></div><p>Lớp học có {80 + i} học viên là cán bộ Mặt trận Tổ quốc các xã, "
        "phường trong tỉnh tham dự.</p>" for i in range(3))
    main = (f"<h1>{TITLE}</h1><p>14/03/2025 14:30</p><p>{PARAS[0]}</p>{card}<p>{PARAS[1]}</p>{box}"
            f"{paras(PARAS[2:])}")
    art = extract(page(main), URL)
    assert art.body == "\n\n".join(PARAS)



def test_a_blurb_before_the_menu_joins_the_fused_text_only_when_it_outweighs_ours():
    """The second opinion's reading takes a blurb about the school printed before the site's
    menu; above that menu and outside the element of the headline and the text, its lines join
    ours only when they outweigh our text (the article began above a wrong headline)."""
    from crawler.parser import read_page, second_opinion

    blurb = ["Trường Chính trị tỉnh là cơ sở đào tạo, bồi dưỡng cán bộ, công chức, viên chức của hệ "
             "thống chính trị ở địa phương, chịu sự lãnh đạo trực tiếp của Tỉnh ủy.",
             "Nhà trường có nhiệm vụ đào tạo trung cấp lý luận chính trị - hành chính và nghiên cứu "
             "khoa học phục vụ giảng dạy."]
    menu = "<ul class='nav'>" + "".join(f"<li><a href='/muc-{i}/'>Mục {i}</a></li>" for i in range(6))
    html = (f"<html><body><div class='gioi-thieu'>{paras(blurb)}</div>{menu}</ul><div class='detail'>"
            f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}</div></body></html>")
    lines = read_page(html.encode()).lines
    head = next(ln.idx for ln in lines if ln.text == TITLE)
    ours = [ln.idx for ln in lines if ln.text in PARAS]
    other = "\n".join(blurb + PARAS)
    kept, outcome = second_opinion.fuse(lines, ours, other, lambda i: i != head, head)
    assert (kept, outcome) == (ours, "kept")
    kept, outcome = second_opinion.fuse(lines, ours[:1], other, lambda i: i != head, head)
    assert outcome == "fused" and all(ln.idx in kept for ln in lines if ln.text in blurb)


def test_our_sapo_above_the_second_opinions_text_stays_in_the_fused_text():
    """trafilatura's reading starts under the sapo (general extractors often drop it) and ends
    before a line of ours: fused, the line after its span goes, our sapo above it stays."""
    from crawler.parser import read_page, second_opinion

    tail = ("Bài viết tham khảo thêm các tài liệu của Ban Tuyên giáo Tỉnh ủy về công tác giáo dục "
            "lý luận chính trị trong tình hình mới.")
    text = PARAS + [p.replace("Đoạn", "Phần") for p in PARAS]
    html = (f"<html><body><div class='detail'><h1>{TITLE}</h1><p>12/03/2024 09:00</p><p><b>{SAPO}</b></p>"
            f"{paras(text)}<p>{tail}</p></div></body></html>")
    lines = read_page(html.encode()).lines
    head = next(ln.idx for ln in lines if ln.text == TITLE)
    ours = [ln.idx for ln in lines if ln.text in text or ln.text in (SAPO, tail)]
    kept, outcome = second_opinion.fuse(lines, ours, "\n".join(text), lambda i: i != head, head)
    assert [lines[i].text for i in kept] == [SAPO] + text


def test_an_article_inside_an_aside_left_open_is_read():
    """A sidebar's <aside> whose widgets are never closed wraps the whole article: the landmark
    says page furniture, but it holds nearly all of the page's running text, so the text decides
    (our own reading, without the second opinion). A sidebar <aside> beside the article stays
    furniture."""
    widgets = "<aside class='sidebar'><div class='widget'><ul><li><a href='/a/'>Giới thiệu</a></li></ul>"
    main = f"<div class='post'><h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}</div>"
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>{widgets}"
            f"<div class='widget'>{main}</body></html>").encode()
    assert extract(html, URL, second_opinion=False).body == "\n\n".join(PARAS)
    beside = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>{main}<aside>"
              f"<p>{PARAS[0].replace('Đoạn 0', 'Ghi chú')}</p></aside></body></html>").encode()
    assert extract(beside, URL, second_opinion=False).body == "\n\n".join(PARAS)


def test_a_breadcrumb_ending_with_a_pictured_headline_marks_where_the_content_starts():
    """With the headline a picture and the <title> naming it, the breadcrumb that ends with the
    headline is where the content starts: the date under it is the page's."""
    headline = "Chi bộ Phòng Đào tạo sinh hoạt chuyên đề quý III/2023 về nâng cao chất lượng đào tạo"
    html = (f"<html><head><meta charset='utf-8'><title>{headline} - Trường Chính trị tỉnh Gia Lai</title>"
            "</head><body><ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc/'>Tin "
            "tức</a></li></ul><div class='bc'><a href='/'>Trang chủ</a> &gt; <a href='/tin-tuc/'>Tin tức"
            f"</a> &gt; <span>{headline}</span></div><div class='detail'><p><img src='/anh/tieu-de.png'></p>"
            f"<div>Ngày đăng: 29/09/2023 16:40</div>{paras(PARAS)}</div><div class='side'><h3>Thống kê "
            "truy cập</h3><p>Đang truy cập: 12</p></div></body></html>").encode()
    art = extract(html, URL)
    assert (art.title, art.published_at) == (headline, "2023-09-29T16:40:00+07:00")
    assert art.body == "\n\n".join(PARAS)


def test_a_headline_drawn_as_a_picture_in_its_bold_block_is_read_from_its_alt_text():
    """A banner theme draws the headline: its bold block holds an image whose alt text is the
    headline the <title> names. That image is where the headline stands, so the update line under
    it is the page's date; its words are no body text. A lead photo's alt text repeating a
    printed headline moves nothing, and a logo in the site's <h1> heads nothing."""
    headline = "Hội nghị viên chức và người lao động năm 2024 của Trường Chính trị tỉnh Hải Dương"
    drawn = f"<div style='font-weight:bold'><img src='/anh/tieu-de.png' alt='{headline}'></div>"
    html = (f"<html><head><meta charset='utf-8'><title>{headline}</title></head><body>"
            "<h1><a href='/'><img src='/logo.png' alt='Trường Chính trị tỉnh Hải Dương'></a></h1>"
            "<div class='bc'><a href='/'>Trang chủ</a> » <a href='/tin-tuc/'>Tin tức</a></div>"
            f"<div class='detail'>{drawn}<div>Cập nhật: 13/01/2024 15:30 | Lượt xem: 359</div>"
            f"{paras(PARAS)}<p><b>ThS. Lương Thị Minh - Phòng Tổ chức</b></p></div>"
            "<div><b>Các tin đã đưa</b><ul><li><a href='/tin-tuc/1.html'>Đoàn học viên lớp cao cấp lý "
            "luận chính trị nghiên cứu thực tế tại huyện</a></li></ul></div></body></html>").encode()
    art = extract(html, URL)
    assert (art.title, art.published_at) == (headline, "2024-01-13T15:30:00+07:00")
    assert art.body == "\n\n".join(PARAS) and "title_from_metadata" not in art.flags
    lead = f"<p><strong><img src='/anh/1.jpg' alt='{TITLE}'></strong></p>"
    printed = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{lead}{paras(PARAS)}"), URL)
    assert (printed.title, printed.published_at) == (TITLE, "2024-03-12T09:00:00+07:00")
    assert printed.body == "\n\n".join(PARAS)


def test_a_box_whose_items_print_link_and_teaser_on_one_line_leaves_the_text():
    """`Đọc thêm` between two paragraphs over three items, each another page's headline link
    with its teaser after it on the same line (an editor that breaks with <br>): the box goes,
    the text on both sides stays. A paragraph of the text that opens with a link stays too."""
    box = "<h4>Đọc thêm</h4>" + "".join(
        f"<div><a href='/tin-tuc/bai-{i}.html'>Bồi dưỡng nghiệp vụ cho cán bộ Mặt trận Tổ quốc cấp xã "
        f"đợt {i} năm 2025</a> Lớp học có {80 + i} học viên là cán bộ các xã tham dự.<br></div>"
        for i in range(3))
    linked = ("<p><a href='https://tinhuy.example.vn/'>Tỉnh ủy</a> đã chỉ đạo nhà trường đổi mới nội dung, "
              "chương trình đào tạo, bồi dưỡng theo hướng thiết thực và hiệu quả hơn.</p>")
    main = f"<h1>{TITLE}</h1><p>14/03/2025 14:30</p>{paras(PARAS[:2])}{box}{linked}{paras(PARAS[2:])}"
    # Without a box's heading over them, paragraphs that each open with a link (a text listing
    # the documents it rests on) are the text's.
    docs = [f"<a href='/van-ban/nq-{i}.html'>Nghị quyết số {i}8-NQ/TW ngày 25/10/2017 của Ban Chấp hành "
            "Trung ương</a> về một số vấn đề tiếp tục đổi mới, sắp xếp tổ chức bộ máy." for i in range(3)]
    listed = extract(page(f"<h1>{TITLE}</h1><p>14/03/2025 14:30</p>{paras(PARAS[:2] + docs + PARAS[2:])}"),
                     URL, second_opinion=False)
    assert len(listed.body.split("\n\n")) == 7
    art = extract(page(main), URL)
    assert art.body == "\n\n".join(PARAS[:2] + ["Tỉnh ủy đã chỉ đạo nhà trường đổi mới nội dung, "
                                                  "chương trình đào tạo, bồi dưỡng theo hướng thiết "
                                                  "thực và hiệu quả hơn."] + PARAS[2:])


def test_cards_whose_link_is_laid_over_them_are_links_not_text():
    """`Đọc nhiều` cards whose link is an empty `<a>` stretched over the card by a style (its
    words in a hidden label): their headlines and teasers are link text, so they leave the
    text like any linked item. A date line beside icon-only share links stays the page's."""
    cards = "<div class='flex'>Đọc nhiều</div>" + "".join(
        f"<article><div class='relative'><a href='/tin-tuc/bai-{i}.html' class='absolute inset-0'>"
        f"<span class='sr-only'>Tin {i}</span></a><div><header><span>Thời sự</span><span>Hội nghị "
        f"tổng kết công tác đào tạo, bồi dưỡng cán bộ năm 202{i} của nhà trường</span></header>"
        f"<p>Sáng {i}/12, nhà trường tổ chức hội nghị tổng kết công tác đào tạo năm học.</p></div>"
        "</div></article>" for i in range(3))
    share = ("<div class='share'><a href='javascript:void(0)'><i class='icon-fb'></i></a>"
             "<a href='https://zalo.me/share'><i class='icon-zalo'></i></a>"
             "<span>14/03/2025 14:30</span></div>")
    main = f"<h1>{TITLE}</h1>{share}{paras(PARAS)}{cards}"
    art = extract(page(main), URL)
    assert art.body == "\n\n".join(PARAS)
    assert art.published_at == "2025-03-14T14:30:00+07:00"
    # A file's empty link that an editor left in a short notice makes no card of it.
    notice = ("<div><a href='/files/thong-bao.pdf'></a><p>Nhà trường thông báo tuyển sinh lớp trung cấp "
              "lý luận chính trị - hành chính hệ không tập trung khóa 60, thời gian học 8 tháng.</p></div>")
    short = extract(page(f"<h1>{TITLE}</h1><p>14/03/2025 14:30</p>{notice}"), URL, second_opinion=False)
    assert short.body and short.body.startswith("Nhà trường thông báo tuyển sinh")


def test_a_time_stamp_in_the_text_is_no_sentence_but_a_notices_time_is():
    """A stamp printed in the text's block (`Cập nhật lúc: Thứ Bảy, 23/03/2024, 16:02`, a video's
    `2 giờ trước`) is no text; a notice's own time (`Thời gian: 7h30 ngày 20/3/2024`) is."""
    notice = "Thời gian: 7h30 ngày 20/3/2024"
    main = (f"<h1>{TITLE}</h1><p>14/03/2024 09:00</p><div class='detail-content'><p>{PARAS[0]}</p>"
            f"<p>{notice}</p><p>{PARAS[1]}</p><div>2 giờ trước</div>{paras(PARAS[2:])}"
            "<div>Cập nhật lúc: Thứ Bảy, 23/03/2024, 16:02</div></div>")
    art = extract(page(main), URL)
    assert art.body == "\n\n".join([PARAS[0], notice] + PARAS[1:])


def test_runs_of_the_text_in_blocks_of_one_furniture_name_are_the_text_together():
    """A theme prints each run of paragraphs between embeds in a block of its own, all named
    `article-widget article-widget-text`: the first holds a third of the page's prose, the two
    hold all of it, so the name is the text's (our own reading, without the second opinion).
    The related widget between them keeps its furniture name."""
    more = [p.replace("Đoạn", "Phần") for p in PARAS]
    widget = "<div class='article-widget article-widget-text'><div class='text'>{}</div></div>"
    related = ("<div class='article-widget article-widget-related'><a href='/tin-tuc/99.html'>Hội nghị "
               "tổng kết công tác đào tạo năm 2024 của Trường Chính trị tỉnh</a><div>Nhà trường tổ "
               "chức hội nghị tổng kết công tác đào tạo, bồi dưỡng năm 2024 với nhiều kết quả.</div></div>")
    main = (f"<h1>{TITLE}</h1><p>14/03/2024 09:00</p>" + widget.format(paras(PARAS[:3])) + related
            + widget.format(paras(PARAS[3:] + more)))
    art = extract(page(main), URL, second_opinion=False)
    assert art.body == "\n\n".join(PARAS + more)
    # Many small comments, each named `comment`, hold most of the page's prose between them:
    # none holds a quarter of it, so they stay furniture.
    thread = "".join(f"<div class='comment'><p>{p.replace('Đoạn', f'Ý kiến {i}')}</p></div>"
                     for i in range(3) for p in PARAS[:3])
    commented = extract(page(f"<h1>{TITLE}</h1><p>14/03/2024 09:00</p>{paras(PARAS[:3])}{thread}"),
                        URL, second_opinion=False)
    assert commented.body == "\n\n".join(PARAS[:3])


def test_a_credit_in_a_pictures_figure_is_no_text_but_a_quote_in_a_figure_is():
    """A photo's credit printed in its <figure> beside the caption (`Mike Marsland/Getty
    Images`, `Ảnh: Phòng Đào tạo` without its label) is no text; a pull quote that a theme
    prints in a <figure> of its own stays."""
    quote = "Học đi đôi với hành, lý luận gắn với thực tiễn"
    main = (f"<h1>{TITLE}</h1><p>14/03/2024 09:00</p><p>{PARAS[0]}</p><figure><img src='/a.jpg'>"
            "<figcaption>Quang cảnh hội nghị</figcaption><span class='credit'>Nguyễn Văn Hải/Báo Tỉnh"
            f"</span></figure>{paras(PARAS[1:3])}<figure class='pullquote'><blockquote><p>{quote}</p>"
            f"</blockquote></figure><p>{PARAS[3]}</p>")
    art = extract(page(main), URL)
    assert art.body == "\n\n".join(PARAS[:3] + [quote, PARAS[3]])


def test_a_title_naming_only_the_portal_and_the_page_type_never_heads_the_page():
    """Every piece of the <title> names the site or the page's type (`Cổng thông tin điện tử
    Trường Chính trị tỉnh X - Chi tiết tin`, `X > Tin tức > Chi tiết tin bài`): the plain line
    over the date, the only headline there is, heads the page."""
    for portal in ("Cổng thông tin điện tử Trường Chính trị tỉnh Bắc Ninh - Chi tiết tin",
                   "Truong Chinh tri tinh Ha Nam > Tin tức > Chi tiết tin bài"):
        html = (f"<html><head><meta charset='utf-8'><title>{portal}</title></head><body><div>"
                f"<div>{TITLE}</div><div>14/03/2024 09:00</div>{paras(PARAS)}</div></body></html>")
        art = extract(html.encode(), URL)
        assert art.title == TITLE, portal


def test_a_short_text_around_a_related_card_and_a_writer_box_under_it():
    """Four short paragraphs in a block that also holds a photo and a related card whose link is
    laid over it: the card's links cost the block more than three of its paragraphs bring, so a
    lone paragraph had won and the text was cut to it. The writer, linked with a degree before
    the date, gets the role from the box under the text that links to the same writer's page."""
    short = [p[:90] + "." for p in PARAS]
    card = ("<div class='border'><article class='relative'><a href='/tin-tuc/bai-9.html' class='absolute "
            "inset-0'><span class='sr-only'>Tin 9</span></a><div><span>10/11/2022</span><h3>Bế giảng lớp "
            "Bồi dưỡng kiến thức quốc phòng và an ninh cho đối tượng 4</h3><p>Ngày 9/11/2022, nhà trường "
            "tổ chức lễ bế giảng và trao giấy chứng nhận cho học viên hoàn thành chương trình bồi "
            "dưỡng kiến thức quốc phòng…</p></div></article></div>")
    figure = ("<figure><img src='/a.jpg'><figcaption>Quang cảnh buổi lễ</figcaption>"
              "<span>Ảnh: Phòng Đào tạo</span></figure>")
    table = "<table><tr><td>Xếp loại</td><td>Số học viên</td></tr><tr><td>Giỏi</td><td>8</td></tr></table>"
    main = (f"<h1>{TITLE}</h1><div><a href='/tac-gia/tran-van-quyet'>TS. Trần Văn Quyết</a> - "
            f"<span>Thứ Bảy, 29/01/2022 - 12:01 (GMT+7)</span></div><div class='prose'><p>{short[0]}</p>"
            f"{figure}<p>{short[1]}</p>{table}{card}{paras(short[2:])}</div><div><div><a href='/tac-gia/"
            "tran-van-quyet'>TS. Trần Văn Quyết</a><div>Phó Hiệu trưởng</div></div></div>")
    art = extract(page(main), URL, second_opinion=False)
    assert art.body == "\n\n".join(short[:2] + ["Xếp loại | Số học viên", "Giỏi | 8"] + short[2:])
    assert (art.author, art.author_degree, art.author_role, art.published_at) == (
        "Trần Văn Quyết", "TS.", "Phó Hiệu trưởng", "2022-01-29T12:01:00+07:00")


def test_a_subheading_with_the_text_above_it_gives_way_to_the_metadatas_headline():
    """The text's first <h2> outscores a column's name in the <h1>; with the article's running
    text above that <h2> in the same element, the <h2> is a subheading: a <title> that reads
    like a headline heads the page, and the writer's element near the top is still read."""
    col = "Diễn đàn học viên"
    headline = "Kinh nghiệm tổ chức học tập thực tế cho lớp trung cấp lý luận chính trị ở cơ sở"
    sub = "Học đi đôi với hành: kinh nghiệm từ một lớp trung cấp lý luận chính trị"
    html = (f"<html><head><meta charset='utf-8'><title>{headline} - Trường Chính trị tỉnh Bắc Giang"
            f"</title></head><body><ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href="
            f"'/dien-dan/'>{col}</a></li></ul><div class='post'><h1>{col}</h1><div class='author'>"
            f"ThS. Lê Văn An</div>{paras(PARAS[:3])}<h2>{sub}</h2>"
            f"{paras(p.replace('Đoạn', 'Phần') for p in PARAS)}</div></body></html>").encode()
    art = extract(html, URL)
    assert (art.title, art.author, art.author_degree) == (headline, "Lê Văn An", "ThS.")
    assert all(p in art.body for p in PARAS[:3])


def test_a_page_printing_more_than_a_second_opinion_may_hold_is_not_asked_about():
    """Our reading holds a small share of a page that prints over 200,000 characters (one block
    repeated thousands of times): trafilatura's answer over that length would be thrown away
    after seconds of work, so it is not asked, and the page says so."""
    dump = "<p>Ghi chú: nội dung này được lặp lại nhiều lần trong trang lưu trữ của hệ thống.</p>" * 3000
    html = page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}",
                head=f"<div class='kho-luu-tru'>{dump}</div>")
    art = extract(html, URL)
    assert "second_opinion_too_long" in art.flags
    assert art.body is not None and all(p in art.body for p in PARAS[:2])
    # Under that length, 4,000 short lines are a dump as well (trafilatura's fallback compares
    # each paragraph with its neighbours: seconds on such a page).
    lines = "<p>© Bản quyền thuộc nhà trường</p>" * 4000
    html = page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}", head=f"<div>{lines}</div>")
    art = extract(html, URL)
    assert "second_opinion_too_long" in art.flags


def test_the_first_paragraph_under_the_lead_picture_is_text_and_its_caption_is_not():
    """A line right under a picture with no closing full stop reads as its caption; a line of two
    sentences is a paragraph whatever it ends with (the text's opening under the lead photo)."""
    opening = ("Sáng 12/3, nhà trường khai giảng lớp bồi dưỡng kiến thức quốc phòng cho cán bộ cơ sở. "
               "Tham dự có lãnh đạo Sở Giáo dục và Đào tạo cùng hơn 120 học viên của các huyện…")
    caption = "Quang cảnh lễ khai giảng lớp bồi dưỡng"
    credited = "Đồng chí Giám đốc phát biểu khai giảng. Ảnh: Minh Hòa"
    for under in (caption, credited):
        main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><p><img src='/anh/1.jpg'></p><p>{under}</p>"
                f"<p>{opening}</p>{paras(PARAS)}")
        art = extract(page(main), URL)
        assert under not in art.body
        assert art.body.startswith(opening)
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><p><img src='/anh/1.jpg'></p>"
                       f"<p>{opening}</p>{paras(PARAS)}"), URL)
    assert art.body == "\n\n".join([opening, *PARAS])


def test_items_under_short_linked_headings_after_the_text_are_no_text():
    """Other articles listed after the text, each a heading that links to it (however short its
    words) over a teaser, leave the article: a run of items is told by its shape."""
    teasers = [f"Sáng {i}/5, nhà trường tổ chức hội nghị tổng kết công tác đào tạo, bồi dưỡng cán bộ "
               f"năm học 2023-2024 tại hội trường lớn số {i}." for i in range(1, 4)]
    box = "".join(f"<div><h3><a href='/tin-tuc/tin-{i}.html'>Tổng kết năm học {2021 + i}</a></h3>"
                  f"<p>{t}</p></div>" for i, t in enumerate(teasers))
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}{box}", ""), URL)
    assert art.body == "\n\n".join(PARAS)


def test_a_sign_up_box_after_the_text_is_no_text_whatever_its_names():
    """A newsletter's sign-up: its heading and pitch sit in a small box with the form a reader
    fills in. Told by the form, not by a class name (the page has none)."""
    signup = ("<div><h3>Đăng ký nhận bản tin</h3><p>Nhận những bài viết mới nhất của nhà trường qua "
              "thư điện tử mỗi tuần, miễn phí và có thể hủy bất cứ lúc nào.</p>"
              "<form action='/dang-ky'><input type='email' name='email'><button>Gửi</button></form></div>")
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}{signup}", ""), URL)
    assert art.body == "\n\n".join(PARAS)
    # A page-wide form of hidden state (ASP.NET WebForms) is no sign-up box around the text.
    webforms = (f"<form action='/x.aspx'><input type='hidden' name='__VIEWSTATE' value='x'>"
                f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}</form>")
    assert extract(bare_page(webforms, ""), URL).body == "\n\n".join(PARAS)


def test_a_long_teaser_that_is_a_link_from_end_to_end_is_no_text():
    """Another article's teaser wrapped whole in its link (a card under the text) is no paragraph
    of the article, however long."""
    teaser = ("Sáng 15/3, nhà trường tổ chức hội thảo khoa học về đổi mới phương pháp giảng dạy lý luận "
              "chính trị, với sự tham gia của giảng viên các khoa, cán bộ quản lý và đại biểu các trường "
              "chính trị trong khu vực, cùng nhiều tham luận có giá trị thực tiễn cao.")
    assert len(teaser) > 200
    card = f"<div><p><a href='/tin-tuc/hoi-thao.html'>{teaser}</a></p></div>"
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}{card}", ""), URL)
    assert art.body == "\n\n".join(PARAS)


def test_a_tag_label_over_its_list_of_tags_is_no_text():
    """"Từ khóa:" alone on its line, its keywords linked in a list under it (EasyDNN's tags),
    ends no article's text."""
    tags = "<div><span>Từ khóa:</span><ul><li><a href='/tag/hoi-nghi'>hội nghị</a></li></ul></div>"
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}{tags}", ""), URL)
    assert art.body == "\n\n".join(PARAS)
    # A category's label and link ("Chuyên mục: Tin hoạt động") is no text either.
    cat = "<p>Chuyên mục: <a href='/tin-hoat-dong'>Tin hoạt động</a></p>"
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}{cat}", ""), URL)
    assert art.body == "\n\n".join(PARAS)


def test_boxes_of_other_articles_between_the_texts_paragraphs_leave_the_text_whole():
    """An outlet prints a "Lesen Sie auch" box (its heading, one headline link) between its
    paragraphs, one paragraph between two boxes: the text goes on after each, printed like the
    paragraphs before it; the boxes' headings are no text."""
    def box(n: int) -> str:
        return (f"<div class='teaser-list'><p class='teaser-list__headline'>Lesen Sie auch</p><h4><a "
                f"href='/tin/{n}'>Hội nghị tổng kết năm học {n}</a></h4></div>")
    chunks = "".join(f"<div class='rich-text'><p>{p}</p></div>{box(i) if i else ''}"
                     for i, p in enumerate(PARAS))
    art = extract(bare_page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{chunks}", ""), URL)
    assert art.body == "\n\n".join(PARAS)
    # After the last paragraph, such a box (its heading, a headline link over its teaser) ends
    # the text.
    ending = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}<h3>Lesen Sie auch</h3><div><h3><a "
              "href='/tin/7'>Khai giảng lớp 7</a></h3><p>Sáng 3/9, nhà trường khai giảng lớp trung cấp lý "
              "luận chính trị hệ không tập trung cho cán bộ cơ sở của huyện.</p></div>")
    assert extract(bare_page(ending, ""), URL).body == "\n\n".join(PARAS)


def test_a_list_of_latest_posts_at_the_end_of_the_texts_block_does_not_shrink_the_text_to_one_list():
    """A blog's post: paragraphs, a list of steps, more paragraphs, and, in the same block after
    them, its latest posts as links. The links cost that block the vote and the list of steps
    alone won it; the lists after the text's last paragraph do not count against its block."""
    steps = "".join(f"<li>Bước {i}: mở trang quản lý lớp học, chọn danh sách học viên của khóa và cập nhật "
                    f"kết quả học tập của từng người theo biểu mẫu mới nhất.</li>" for i in range(1, 5))
    latest = "<p>Bài viết mới:</p>" + "".join(
        f"<p><a href='/bai-{i}'>Hội nghị tổng kết công tác đào tạo, bồi dưỡng năm học 202{i} của nhà trường "
        f"và phương hướng nhiệm vụ năm học tiếp theo</a></p>" for i in range(8))
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div>{paras(PARAS[:2])}<ol>{steps}</ol>"
            f"{paras(PARAS[2:])}{latest}</div>")
    art = extract(bare_page(main, ""), URL)
    assert PARAS[0] in art.body and PARAS[3] in art.body and "Bước 4" in art.body
    assert "Hội nghị tổng kết" not in art.body


def test_a_sapo_printed_with_the_headline_far_above_a_deeply_nested_text_is_its_lead():
    """The sapo sits with the headline in the article's element, the text six blocks deeper in
    another branch of it (the article's links, its tags, keep the vote in that branch): still
    the text's lead (plain prose, no links)."""
    tags = "".join(f"<a href='/tag/chu-de-{i}'>Chủ đề số {i} của nhà trường</a> " for i in range(12))
    main = (f"<article><header><h1>{TITLE}</h1><p>12/03/2024 09:00</p><div><div><p>{SAPO}</p></div></div>"
            f"</header><section><div><div><div><div><div><div>{paras(PARAS)}</div></div></div></div></div></div>"
            f"</section><div>{tags}</div></article>")
    art = extract(bare_page(main, ""), URL)
    assert art.body == "\n\n".join([SAPO, *PARAS])


def test_running_text_left_out_inside_the_articles_element_asks_the_second_opinion():
    """Our reading leaves out a block of the article's element that holds a fifth of its prose or
    more (here the text's last part, printed after a box of links that cost the outer block the
    vote): the reading is unsure, and trafilatura is asked."""
    part = [p.replace("Đoạn", "Phần") for p in PARAS[:2]]
    links = "".join(f"<li><a href='/tin/{i}'>Hội nghị tổng kết công tác đào tạo năm học 202{i} của nhà "
                    "trường</a></li>" for i in range(8))
    main = (f"<article><h1>{TITLE}</h1><p>12/03/2024 09:00</p><div><div>{paras(PARAS)}</div><ul>{links}"
            f"</ul><section>{paras(part)}</section></div></article>")
    art = extract(bare_page(main, ""), URL)
    assert any(f.startswith("second_opinion") for f in art.flags)
    alone = extract(bare_page(f"<article><h1>{TITLE}</h1><p>12/03/2024 09:00</p><div>{paras(PARAS)}</div>"
                              "</article>", ""), URL)
    assert not any(f.startswith("second_opinion") for f in alone.flags)


def test_a_headings_permalink_sign_is_no_word_of_the_text():
    """Static-site themes end each subheading with a link to itself ("#", "¶"): no text."""
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}<h2 id='ket-qua'>Kết quả đạt được "
            f"<a class='anchor' href='#ket-qua'>#</a></h2>{paras(PARAS[2:])}")
    art = extract(bare_page(main, ""), URL)
    assert art.body == "\n\n".join([*PARAS[:2], "Kết quả đạt được", *PARAS[2:]])


def test_two_elements_set_apart_by_a_style_are_two_words_and_a_drop_cap_is_one():
    """A kicker and a headline printed as two spans in one heading (a style sets them on two
    lines) read "Kicker Headline", not "KickerHeadline" (so the kicker, the <title> naming the
    rest, can go); a drop cap's letter and the rest of its word stay one word."""
    main = (f"<h1><span>Tin hoạt động</span><span>{TITLE}</span></h1><p>12/03/2024 09:00</p>"
            "<p><span>T</span>rong năm học vừa qua, nhà trường đã tổ chức nhiều lớp bồi dưỡng.</p>"
            f"{paras(PARAS)}")
    art = extract(bare_page(main, ""), URL)
    assert art.title == TITLE
    assert art.body.startswith("Trong năm học vừa qua")


def test_two_elements_in_capitals_side_by_side_are_two_words():
    """Two tabs of a box printed as links with no space between ("BÀI VIẾT LIÊN QUAN",
    "XEM THÊM TỪ TÁC GIẢ") read as two phrases; a drop cap in capitals stays one word."""
    from crawler.parser import read_page

    page = read_page("<html><body><h4><a href='#'>BÀI VIẾT LIÊN QUAN</a><a href='#'>XEM THÊM TỪ TÁC GIẢ</a>"
                     "</h4><p><span>T</span>RONG NĂM HỌC</p></body></html>")
    assert [ln.text for ln in page.lines] == ["BÀI VIẾT LIÊN QUAN XEM THÊM TỪ TÁC GIẢ", "TRONG NĂM HỌC"]


def test_a_table_cell_holding_paragraphs_lays_out_the_page():
    """An old site sets its text column in a table cell beside an advert's: each paragraph is a
    line of the text, not one cell of a data row joined to "Quảng cáo"."""
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><table><tr><td width='70%'>{paras(PARAS)}</td>"
            "<td>Quảng cáo</td></tr></table>")
    art = extract(bare_page(main, ""), URL)
    assert art.body == "\n\n".join(PARAS)


def test_teasers_of_a_box_of_other_news_are_no_text_left_out():
    """Other articles' headlines (headings that are links) over their teasers, in a box after the
    text inside the article's element: neither our text nor a reason to ask for a second opinion
    (which would bring the teasers back)."""
    items = "".join(f"<div><a href='/r{i}.html'><img src='/r{i}.jpg'></a><h4><a href='/r{i}.html'>Hội "
                    f"nghị sơ kết công tác đào tạo lần {i}</a></h4><p>Sáng ngày {i}/3, nhà trường tổ chức "
                    "hội nghị sơ kết công tác đào tạo, bồi dưỡng cán bộ, công chức cấp cơ sở trong học kỳ."
                    "</p></div>"
                    for i in range(1, 5))
    main = (f"<div><h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}<div><h3>Các tin khác</h3>{items}"
            "</div></div>")
    art = extract(bare_page(main, ""), URL)
    assert art.body == "\n\n".join(PARAS)
    assert not any(f.startswith("second_opinion") for f in art.flags)


@pytest.mark.parametrize("after", [
    # NukeViet's box of newer articles, its heading in a paragraph of its own.
    "<div><p><strong>Những tin mới hơn</strong></p><ul><li><a href='/x1.html'>Khai giảng lớp trung cấp lý "
    "luận chính trị khóa 46</a> <em>(15/03/2024)</em></li><li><a href='/x2.html'>Hội thảo khoa học cấp "
    "trường năm 2024</a> <em>(18/03/2024)</em></li></ul></div>",
    # A rating widget's lines, with no form around them.
    "<div>Đánh giá bài viết: <span>★★★★★</span> Tổng số điểm của bài viết là: 15 trong 3 đánh giá</div>",
])
def test_boxes_after_the_text_are_no_text(after):
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div>{paras(PARAS)}{after}</div>"
    assert extract(bare_page(main, ""), URL).body == "\n\n".join(PARAS)


def test_a_videos_caption_is_no_text_and_a_subheading_under_a_video_is():
    """A line under a video's player is its caption when set in italics or opening with
    "Video:"; a subheading there (no full stop, plain type) stays in the text."""
    video = "<p><iframe src='https://www.youtube.com/embed/x'></iframe></p>"
    for caption in ("<p><em>Toàn cảnh hội nghị</em></p>", "<p>Video: Toàn cảnh hội nghị</p>"):
        main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div>{paras(PARAS[:2])}{video}{caption}"
                f"{paras(PARAS[2:])}</div>")
        assert extract(bare_page(main, ""), URL).body == "\n\n".join(PARAS)
    main = (f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div>{paras(PARAS[:2])}{video}<p>Kết quả đạt được</p>"
            f"{paras(PARAS[2:])}</div>")
    assert "Kết quả đạt được" in extract(bare_page(main, ""), URL).body


def test_an_article_printed_by_script_is_read_from_what_it_gives_machines():
    """A client-rendered page shows us a browser notice while its script prints the article; the
    page gives the text to machines as schema.org's `articleBody` (here as HTML): that is the
    body. Where we read the text ourselves, a short `articleBody` (a teaser) changes nothing."""
    import json

    given = "".join(f"<p>{p}</p>" for p in PARAS)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
                     "articleBody": given}, ensure_ascii=False)
    page = (f"<html><head><title>{TITLE}</title><script type='application/ld+json'>{ld}</script></head><body>"
            f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div id='app'><p>Vui lòng bật JavaScript hoặc cập nhật "
            "trình duyệt để xem nội dung.</p></div></body></html>")
    art = extract(page.encode(), URL)
    assert art.body == "\n\n".join(PARAS)
    assert "body_from_metadata" in art.flags
    teaser = json.dumps({"@type": "NewsArticle", "articleBody": PARAS[0]}, ensure_ascii=False)
    shown = (f"<html><head><title>{TITLE}</title><script type='application/ld+json'>{teaser}</script></head>"
             f"<body><h1>{TITLE}</h1><p>12/03/2024 09:00</p><div>{paras(PARAS)}</div></body></html>")
    assert extract(shown.encode(), URL).body == "\n\n".join(PARAS)


def test_the_pages_own_entry_in_a_list_of_posts_does_not_head_it():
    """A theme lists the newest posts beside the text, this one among them, as <h3> links to
    themselves with their days right under them, while the <h1> headline stands four lines over
    its own day. The list's entry stays a listed link (not the headline) and its words are no
    menu's entry that would count against the <h1>."""
    url = "https://tct.example.vn/tin-tuc/bai-viet-12.html"
    posts = (("/tin-tuc/bai-viet-13.html", "Hội nghị tổng kết công tác đào tạo năm 2023", "14/03/2024"),
             (url, TITLE, "12/03/2024"),
             ("/tin-tuc/bai-viet-11.html", "Khai giảng lớp trung cấp lý luận chính trị", "02/03/2024"))
    side = "".join(f"<div><h3><a href='{href}'>{words}</a></h3><div>{day}</div></div>"
                   for href, words, day in posts)
    main = (f"<div><h1>{TITLE}</h1><div>Bởi</div><div><a href='/author/admin/'>admin</a></div><div>-</div>"
            f"<div>12/03/2024 09:00</div><div>{paras(PARAS)}</div></div><div>{side}</div>")
    art = extract(bare_page(main, ""), url)
    assert (art.title, art.published_at) == (TITLE, "2024-03-12T09:00:00+07:00")
    assert art.body == "\n\n".join(PARAS)


def test_the_texts_second_half_in_a_block_named_like_a_sidebar_is_text():
    """A theme prints the article's second half in a block it names like furniture
    (`sidebar-bottom`), right after the first half's last paragraph: half of the page's prose,
    so no majority to overrule the name, but the text goes on there. The sidebar proper, which
    opens with a heading, stays furniture."""
    side = ("<div class='sidebar'><h3>Tin mới</h3><ul>" + "".join(
        f"<li><a href='/tin/{i}.html'>Tin tức số {i} về hoạt động của nhà trường</a></li>" for i in range(6))
        + "</ul></div>")
    page = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><p>12/03/2024 09:00</p>"
            f"<div class='col-md-12'>{paras(PARAS[:2])}</div><div class='col-md-12 sidebar-bottom'>"
            f"{paras(PARAS[2:])}</div>{side}<div class='footer'>Trường Chính trị tỉnh X. Địa chỉ: số 1 "
            "đường Y.</div></body></html>")
    assert extract(page.encode(), URL).body == "\n\n".join(PARAS)


def test_sections_set_like_the_headline_leave_it_the_headline():
    """A long text whose sections' headings share the headline's element (the same <h1> and
    class, a handbook's chapter) and a <title> naming only the school: the first of a run of
    them, each over its own text, is the headline, and the text under it is the article's, not
    only the part under a later, longer section heading. A sidebar's heading over a blurb before
    a headline of the same kind is two of a kind, no run: the headline stays."""
    later = [p.replace("Đoạn", "Phần") for p in PARAS]
    head = "Sổ tay học viên năm 2024"  # (short: a later, longer section heading scores higher)
    sections = [("Mục tiêu của khóa học", PARAS[2:3]), ("Nội dung chương trình", PARAS[3:]),
                ("Kinh nghiệm tổ chức lớp học tại các huyện vùng sâu, vùng xa của tỉnh", later)]
    inside = (f"<div class='chuong'><h1 class='muc'>{head}</h1>{paras(PARAS[:2])}"
              + "".join(f"<section><h1 class='muc'>{s}</h1>{paras(chunk)}</section>" for s, chunk in sections)
              + "</div>")

    def page_of(column: str) -> bytes:
        return school_titled_page(f"<ul class='menu'><li><a href='/'>Trang chủ</a></li></ul>{column}"
                                  "<div class='footer'>Bản quyền thuộc về nhà trường</div>")

    art = extract(page_of(inside), URL)
    assert art.title == head
    assert art.body is not None and all(p in art.body for p in PARAS + later)
    blurb = (f"<div class='trai'><h1 class='muc'>Giới thiệu chung</h1>{paras(PARAS[:3])}</div>"
             f"<div class='giua'><h1 class='muc'>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(later)}</div>")
    assert extract(page_of(blurb), URL).title == TITLE


def test_a_short_heading_over_the_first_paragraph_keeps_the_paragraph():
    """The <title> names the article, the page heads it with a word or two (`<h1>Tin tức</h1>`,
    too short to be a headline): the text's first paragraph, the strongest line left, marks
    where the content starts only as the heading above it would. It stays in the body."""
    first = "Sáng nay, nhà trường tổ chức lễ khai giảng lớp bồi dưỡng kết nạp đảng viên mới cho quần chúng."
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            f"<article><h1>Tin tức</h1><div><p>{first}</p>{paras(PARAS)}</div></article></body></html>"
            ).encode()
    art = extract(html, URL)
    assert art.title == TITLE
    assert art.body is not None and art.body.startswith(first)


VERSES = ["Mùa xuân về trên quê hương", "Cánh đồng xanh mướt dặm trường", "Tiếng chim hót gọi bình minh",
          "Lớp học sáng đèn chung tình", "Thầy trao kiến thức vững vàng", "Trò chăm học tập sẵn sàng",
          "Lý luận soi sáng con đường", "Quê hương đổi mới yêu thương"]


@pytest.mark.parametrize("poem", [
    "<p>" + "<br>".join(VERSES) + "</p><p><b>Nguyễn Văn An</b></p>",
    "".join(f"<p>{v}</p>" for v in VERSES) + "<p><b>Nguyễn Văn An</b></p>",
    "<p>" + "<br>".join(VERSES[:4]) + "</p><p>" + "<br>".join(VERSES[4:]) + "</p>"
    "<p style='text-align:right'><em>Nguyễn Văn An</em></p>",
    "<div style='text-align:center'>" + "<br>".join(VERSES) + "</div><p>Nguyễn Văn An</p>",
], ids=["br", "paragraphs", "stanzas", "centred"])
def test_a_poem_is_the_text_though_no_line_is_a_sentence(poem):
    """A school's poem (the culture section prints them): eight short verses, then the poet.
    No line is as long as a sentence, yet the verses are the text, the poet its writer, and the
    page an article. (A verse starting like a class's name, `Lớp học …`, is no credit.)"""
    html = ("<html><head><meta charset='utf-8'><title>Mùa xuân trên quê hương</title></head><body>"
            "<div class='menu'><a href='/'>Trang chủ</a> <a href='/van-hoa/'>Văn hóa</a></div>"
            f"<div class='main'><h1>Mùa xuân trên quê hương</h1><p>Thứ hai, 12/02/2024 08:00</p>{poem}</div>"
            "<div class='footer'>Bản quyền thuộc về Trường Chính trị tỉnh</div></body></html>").encode()
    art = extract(html, "https://tct.example.vn/van-hoa/mua-xuan-tren-que-huong-123.html")
    assert art.body is not None and all(v in art.body for v in VERSES)
    assert "Bản quyền" not in art.body
    assert art.author == "Nguyễn Văn An"
    assert is_article(art, art.url)


@pytest.mark.parametrize("name", ["ThS. Nguyễn Thị Nhàn", "Nguyễn Thị Nhàn"])
def test_a_credit_block_of_short_lines_is_no_poem(name):
    """Short lines of words after the text, a writer over her post, her school and the source:
    a credit block, not verses, whether the name is among them (four words with the degree) or
    right above them; the writer and her post are read as before."""
    credit = [name, "Giảng viên Khoa Xây dựng Đảng", "Trường Chính trị tỉnh Bắc Giang",
              "Nguồn: Tạp chí Lý luận chính trị", "Tài liệu tham khảo được lược bỏ",
              "Bài viết thể hiện quan điểm riêng"]
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
                       + "".join(f"<p>{c}</p>" for c in credit)), URL)
    assert art.author == "Nguyễn Thị Nhàn"
    assert art.author_degree == ("ThS." if name.startswith("ThS.") else None)
    assert art.author_role is not None and art.author_role.startswith("Giảng viên Khoa Xây dựng Đảng")
    assert art.body == "\n\n".join(PARAS)


WINNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
WINNERS_INTRO = ("<p>Kết quả Hội thi giảng viên dạy giỏi cấp trường năm 2024, Hội đồng thi công nhận các "
                 "đồng chí sau đạt giải:</p>")


@pytest.mark.parametrize("item", ["{}", "Đồng chí {}, Khoa Lý luận cơ sở"])
@pytest.mark.parametrize("byline", ["", "<p><b>Minh Anh</b></p>"])
def test_people_an_announcement_lists_are_its_text_not_its_writers(item, byline):
    """An announcement ending with the people it names, one list item each (a contest's prize
    winners): the names are the text; the writer is the one credited after them, if anyone."""
    listed = "<ol>" + "".join(f"<li>{item.format(n)}</li>" for n in WINNERS) + "</ol>"
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:2])}{WINNERS_INTRO}"
                       f"{listed}{byline}"), URL)
    assert art.body is not None and all(n in art.body for n in WINNERS)
    assert art.author == ("Minh Anh" if byline else None)
    assert art.author_role is None


def test_a_headline_named_like_a_widget_over_the_text_is_the_headline():
    """A page builder names the headline's block as one of its widgets (`widget-text`, no heading tag) and
    the <title> names only the school: the name is a vote, and the article's text starting
    right under the line outvotes it. A sidebar box's heading, its links under it, stays out."""
    side = ("<div class='widget'><h3>Tin mới nhất của nhà trường</h3><ul>"
            + "".join(f"<li><a href='/tin-tuc/bai-{k}.html'>Hội nghị triển khai nhiệm vụ năm học số {k}"
                      "</a></li>" for k in range(4)) + "</ul></div>")
    main = (f"<div class='widget-text'>{TITLE}</div><div class='ngay'>12/03/2024 09:00</div>"
            f"<div class='noi-dung'>{paras(PARAS)}</div>")
    html = school_titled_page(f"<div class='col-left'>{side}</div><div class='col-main'>{main}</div>")
    art = extract(html, URL)
    assert art.title == TITLE
    assert art.body == "\n\n".join(PARAS)


def test_paragraphs_a_theme_names_like_furniture_between_the_text_are_its_text():
    """Two of the text's four paragraphs carry a class that reads like furniture (a theme's odd
    name, `related-text`), standing between plain paragraphs: the name is outvoted and the
    article's element is still the one that holds all four."""
    named = "".join(f"<p class='related-text'>{p}</p>" for p in PARAS[1:3])
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div style='text-align:justify'>"
                       f"{PARAS[0]}</div>{named}<p>{PARAS[3]}</p>"), URL)
    assert art.body == "\n\n".join(PARAS)


def test_a_labelled_credit_in_a_block_named_like_furniture_is_the_credit():
    """`Tác giả bài viết: …` under the text in a block its theme names like a tool bar: the
    label says what the line is; the writer, degree and post are read."""
    credit = ("<div class='post-tools' style='text-align:right'><strong>Tác giả bài viết: TS. Lê Đình "
              "Quang - Trưởng khoa Xây dựng Đảng</strong></div>")
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><div class='wrap'>"
            f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><div class='detail'>{paras(PARAS)}</div>{credit}</div>"
            "<div class='footer'>Bản quyền thuộc về nhà trường</div></body></html>").encode()
    art = extract(html, URL)
    assert (art.author, art.author_degree) == ("Lê Đình Quang", "TS.")
    assert art.author_role == "Trưởng khoa Xây dựng Đảng"
    assert art.body == "\n\n".join(PARAS)


def test_a_reference_ending_with_its_date_is_no_headline():
    """An encyclopedia-like page: a one-word <h1> that the menu also links, a <title> of two
    pieces neither of which names the site, and references, each a list item ending with the day
    it was read. An item of a list of several, in plain type, is no headline whatever date it
    ends with: the <title> heads the page, not a reference."""
    refs = "<ol class='refs'>" + "".join(
        f"<li>Ban Tuyên giáo Trung ương, Tài liệu học tập chuyên đề số {k}, truy cập ngày 1{k}/03/2023</li>"
        for k in range(4)) + "</ol>"
    html = ("<html><head><meta charset='utf-8'><title>Khởi nghĩa - Từ điển</title></head><body>"
            "<ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href='/k/'>Khởi nghĩa</a></li></ul>"
            f"<div class='bai'><h1>Khởi nghĩa</h1>{paras(PARAS)}{refs}</div></body></html>").encode()
    art = extract(html, URL)
    assert art.title is not None and "Tài liệu học tập" not in art.title
    assert art.body is not None and all(p in art.body for p in PARAS)


def test_a_section_label_printed_in_the_headline_is_no_part_of_it():
    """`<h1><span>Tin hoạt động</span> Khai giảng …</h1>`: the section's label (a kicker) printed
    before the headline in the same heading; the <title> names the headline as the rest of the
    line, so the label goes."""
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE} - Trường Chính trị tỉnh Mẫu</title></head>"
            f"<body><div class='main'><h1><span class='cat'>Tin hoạt động</span> {TITLE}</h1>"
            f"<p>12/03/2024 09:00</p>{paras(PARAS)}</div></body></html>").encode()
    assert extract(html, URL).title == TITLE


def test_a_digests_sections_under_linked_headings_are_its_text():
    """A digest: an opening paragraph, then sections each under a heading that links to the full
    story, each a long paragraph of its own, all in the element holding the text. They are no list
    of other items after the text (a related box's teasers are short, cut short, or boxed apart)."""
    section = ("Trong thời gian qua, các cấp ủy, chính quyền đã tập trung lãnh đạo, chỉ đạo triển khai "
               "đồng bộ nhiều giải pháp, tạo chuyển biến rõ nét trong công tác xây dựng Đảng và hệ thống "
               "chính trị ở cơ sở, góp phần hoàn thành các chỉ tiêu kinh tế - xã hội.")
    sections = [f"Mục {k}: {section}" for k in range(5)]
    main = f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS[:1])}" + "".join(
        f"<h3><a href='/tin-tuc/bai-{k}.html'>Tiêu đề mục số {k} về công tác xây dựng Đảng</a></h3><p>{s}</p>"
        for k, s in enumerate(sections))
    art = extract(page(main), URL)
    assert art.body is not None and all(s in art.body for s in sections)


WEBFORMS = ("<form method='post' action='/Default.aspx'><input type='hidden' name='__VIEWSTATE'>", "</form>")


@pytest.mark.parametrize("wrap", [("", ""), WEBFORMS])
def test_a_sign_up_box_a_script_sends_is_no_text(wrap):
    """A newsletter's sign-up box under the text (a heading, a sentence of pitch, an e-mail field
    and a button) with no <form> of its own: a script sends it, or ASP.NET wraps the whole page
    in one form. Its box is looked for from its field, and its pitch is no paragraph of the text."""
    box = ("<div class='box'><h4>Đăng ký nhận bản tin</h4><p>Nhận những tin tức mới nhất của nhà "
           "trường qua hộp thư điện tử của bạn mỗi tuần.</p><input type='email' name='email'>"
           "<button>Đăng ký</button></div>")
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>{wrap[0]}"
            f"<div class='wrap'><h1>{TITLE}</h1><p>12/03/2024 09:00</p><div class='detail'>{paras(PARAS)}"
            f"<p style='text-align:right'><b>ThS. Lê Minh Tuấn</b></p>{box}</div></div>{wrap[1]}"
            "</body></html>").encode()
    art = extract(html, URL)
    assert art.body == "\n\n".join(PARAS)
    assert art.author == "Lê Minh Tuấn"


@pytest.mark.parametrize("box", [
    "<div class='author-box'><img src='/a.jpg'><h4>Về tác giả</h4><p>Giảng viên chính, Khoa Lý luận cơ sở, "
    "có nhiều năm kinh nghiệm giảng dạy và nghiên cứu khoa học về xây dựng Đảng.</p></div>",
    "<div><h3>Bài viết cùng tác giả</h3><ul>" + "".join(
        f"<li><a href='/tac-gia/bai-{k}.html'>Giải pháp nâng cao chất lượng giảng dạy phần {k}</a></li>"
        for k in range(3)) + "</ul></div>",
], ids=["about-the-writer", "same-writer"])
def test_a_writers_box_under_the_byline_leaves_the_byline_alone(box):
    """Under the byline, a box about the writer (`Về tác giả` over a line of bio) or of the
    writer's other articles (`Bài viết cùng tác giả`): the byline is still the credit, the box's
    heading is no role and its bio no text."""
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p>{paras(PARAS)}"
                       f"<p style='text-align:right'><b>ThS. Nguyễn Thị Bích Trâm</b></p>{box}"), URL)
    assert (art.author, art.author_degree, art.author_role) == ("Nguyễn Thị Bích Trâm", "ThS.", None)
    assert art.body == "\n\n".join(PARAS)


GRADUATES = [f"{k}. {family} Văn {given}" for k, (family, given) in enumerate(
    [(f, g) for f in ("Nguyễn", "Trần", "Lê") for g in ("An", "Bình", "Cường", "Dũng")], 1)]


@pytest.mark.parametrize("shape", ["<div>{}</div>", "{}"], ids=["br", "paragraphs"])
@pytest.mark.parametrize("byline", ["", "<p style='text-align:right'><b>Minh Anh</b></p>"])
def test_a_numbered_list_of_names_is_the_text(shape, byline):
    """An announcement of a class's graduates: a sentence, then twelve numbered names, one a line
    (broken by <br> or one <p> each), no line of them a sentence. The names are the text (the
    page is an article), never its writers; the writer is whoever is credited after them."""
    names = "<br>".join(GRADUATES) if shape.startswith("<div>") else "".join(f"<p>{n}</p>" for n in GRADUATES)
    art = extract(page(f"<h1>{TITLE}</h1><p>12/03/2024 09:00</p><p>Danh sách học viên tốt nghiệp lớp "
                       f"trung cấp lý luận chính trị khóa 45 như sau:</p>{shape.format(names)}{byline}"), URL)
    assert art.body is not None and all(n in art.body for n in GRADUATES)
    assert art.author == ("Minh Anh" if byline else None)
    assert is_article(art, URL)
