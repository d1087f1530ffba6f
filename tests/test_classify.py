"""Article or not: articles pass; listings (even of one item), static pages and documents do not."""
from crawler.classify import is_article
from crawler.parser import extract

FRAME = """<html><head><meta charset="utf-8"><title>{title} - Trường Chính trị tỉnh Mẫu</title></head><body>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li></ul>
<div class="main">{main}</div>
<div class="footer">Trường Chính trị tỉnh Mẫu - số 1 Lê Lợi</div></body></html>"""
TEXT = ("Ngày 12/3/2024, Trường Chính trị tỉnh Mẫu tổ chức hội nghị tổng kết công tác đào tạo, bồi "
        "dưỡng năm 2023 và triển khai nhiệm vụ năm 2024 với sự tham dự của toàn thể cán bộ, giảng viên. ")


def page(title, main):
    return FRAME.format(title=title, main=main).encode()


def judge(html: bytes, url: str) -> bool:
    return is_article(extract(html, url), url)


def test_an_article_is_an_article():
    main = f"<h1>Hội nghị tổng kết năm 2023</h1><p>13/03/2024 08:00</p><p>{TEXT * 2}</p><p>{TEXT}</p>"
    assert judge(page("Hội nghị tổng kết năm 2023", main), "http://x.vn/tin-tuc/hoi-nghi-12.html")


def test_a_listing_of_one_item_is_not():
    main = ('<h2>Tin tức</h2><div class="item"><h3><a href="/tin-tuc/hoi-nghi-12.html">Hội nghị tổng kết '
            f'công tác đào tạo năm 2023 của nhà trường</a></h3><p>13/03/2024</p><p>{TEXT}</p>'
            '<a href="/tin-tuc/hoi-nghi-12.html">Đọc tiếp</a></div>')
    assert not judge(page("Tin tức", main), "http://x.vn/tin-tuc/")


def test_a_listing_of_several_items_is_not():
    items = "".join(f'<div><h3><a href="/tin-tuc/bai-{i}.html">Hội nghị số {i} về công tác đào tạo của '
                    f'nhà trường năm 2024</a></h3><p>1{i}/03/2024</p><p>{TEXT}</p></div>' for i in range(5))
    assert not judge(page("Tin tức", "<h2>Tin tức</h2>" + items), "http://x.vn/tin-tuc/")


def test_static_and_document_pages_are_not():
    about = f"<h2>Giới thiệu chung về nhà trường</h2><p>{TEXT * 3}</p>"
    assert not judge(page("Giới thiệu", about), "http://x.vn/gioi-thieu.html")
    docs = "<h2>Văn bản</h2><table>" + "".join(
        f"<tr><td>{i}</td><td>Kế hoạch số {i} năm 2024 của nhà trường về đào tạo</td><td>0{i}/01/2024</td>"
        f'<td><a href="/f/{i}.pdf">Tải về</a></td></tr>' for i in range(1, 8)) + "</table>"
    assert not judge(page("Văn bản", docs), "http://x.vn/van-ban.html")


def test_a_listing_with_dates_authors_and_teasers_is_not_an_article():
    # Bến Tre style: each item has its own date, author and teaser, and no item title is long.
    items = "".join(
        f'<div class="item"><a href="/tin/{i}">Bồi dưỡng lý luận chính trị đợt {i} năm 2021</a>'
        f"<p>Ngày Đăng : 2{i}/04/2021</p><p>Tác giả: Nguyễn Văn Tư</p><p>{TEXT}</p></div>"
        for i in range(4))
    html = page("Thông tin trao đổi", '<h2>Thông tin trao đổi</h2>' + items)
    assert not judge(html, "http://x.vn/thong-tin-trao-doi/thong-tin-trao-doi?page=4")


def test_a_headline_broken_by_br_is_one_title():
    main = (f"<h1>Khai giảng lớp Trung cấp lý luận chính trị<br>Khóa 45 tại huyện Quế Võ</h1>"
            f"<p>13/03/2024 08:00</p><p>{TEXT * 2}</p>")
    art = extract(page("Khai giảng", main), "http://x.vn/a")
    assert art.title == "Khai giảng lớp Trung cấp lý luận chính trị Khóa 45 tại huyện Quế Võ"
    assert art.published_at == "2024-03-13T08:00:00+07:00"
    assert "Khóa 45" not in art.body


def test_an_unlabelled_name_beside_the_date_is_the_author():
    main = (f"<h1>Hội nghị tổng kết năm học của nhà trường</h1>"
            f"<div>Thứ Tư, 13/03/2024 08:00 | Nguyễn Văn An | Lượt xem: 12</div><p>{TEXT * 2}</p>")
    art = extract(page("Hội nghị", main), "http://x.vn/a")
    assert (art.author, art.published_at) == ("Nguyễn Văn An", "2024-03-13T08:00:00+07:00")


def test_an_article_followed_by_related_teasers_is_still_an_article():
    related = "".join(f'<div><a href="/tin-tuc/bai-{i}.html">Hội nghị số {i} về công tác đào tạo của nhà '
                      f'trường năm 2024</a><p>{TEXT}</p></div>' for i in range(4))
    main = (f"<h1>Hội nghị tổng kết năm 2023</h1><p>13/03/2024 08:00</p>"
            f'<div class="noidung"><p>{TEXT * 2}</p><p>{TEXT}</p>{related}</div>')
    assert judge(page("Hội nghị tổng kết năm 2023", main), "http://x.vn/tin-tuc/hoi-nghi-12.html")


ARTICLE_MAIN = (f"<h1>Hội nghị tổng kết công tác đào tạo năm 2023</h1><p>13/03/2024 08:00</p>"
                f"<p>{TEXT * 2}</p><p>{TEXT}</p>")
ARTICLE_URL = "http://x.vn/tin-tuc/hoi-nghi-12.html"


def verdict(anchor, url=ARTICLE_URL, **kw):
    from crawler.classify import classify

    html = page("Hội nghị tổng kết công tác đào tạo năm 2023", ARTICLE_MAIN)
    return classify(extract(html, url), url, anchor=anchor, **kw)


def test_link_text_is_evidence():
    assert verdict("Hội nghị tổng kết công tác đào tạo năm 2023")
    assert verdict("Hội nghị tổng kết công tác đào tạo…")  # cut short by a sidebar
    assert verdict(None) and verdict("") and verdict("Xem tiếp") and verdict("Chi tiết »")
    pager = verdict("2")
    assert not pager and "pager" in pager.reason
    section = verdict("Giới thiệu")
    assert not section and "section" in section.reason and "Giới thiệu" in section.reason
    assert not verdict("hội nghị")  # a tag
    # A post's link to the next or the previous post says nothing about the page it leads to.
    assert all(verdict(t) for t in ("Bài đăng Cũ hơn", "« Bài trước", "Tin tiếp theo", "Older Post"))
    assert not verdict("Trang sau")  # (a listing's next page)


def test_the_start_page_and_the_site_root_are_never_articles():
    assert not verdict(None, start_page=True)
    for root in ("http://x.vn/", "http://x.vn/index.php", "http://x.vn/vi/", "http://x.vn/Default.aspx"):
        assert verdict(None, url=root).reason == "home page"
    assert verdict(None, url="http://x.vn/?p=12")  # a query names a page


def test_a_page_linked_by_its_headline_keeps_a_sidebar_of_dated_links():
    from crawler.classify import classify

    side = "".join(f'<li><a href="/tin-tuc/bai-{i}.html">Tin số {i} về hoạt động của nhà trường trong '
                   f'tháng</a> ({i + 10}/02/2024)</li>' for i in range(6))
    html = page("Hội nghị tổng kết công tác đào tạo năm 2023",
                ARTICLE_MAIN.replace("<p>13/03", "<p>(13/03") .replace("08:00</p>", "08:00)</p>")
                + f"<ul>{side}</ul>")
    art = extract(html, ARTICLE_URL)
    art.signals["dated_lines"] = 6  # as a legacy layout's sidebar inside the text block gives
    assert not classify(art, ARTICLE_URL)
    assert classify(art, ARTICLE_URL, anchor="Hội nghị tổng kết công tác đào tạo năm 2023")


def test_tag_topic_and_writer_pages_are_listings_whatever_link_led_there():
    from crawler.classify import classify

    items = "".join(f'<div><h3><a href="/tin-tuc/bai-{i}.html">Chuyển đổi số trong công tác quản lý đào tạo '
                    f'của nhà trường, phần {i}</a></h3><p>{TEXT}</p></div>' for i in range(2))
    html = page("Tags: chuyển đổi số", "<h1>Tags: chuyển đổi số</h1>" + items)
    url = "http://x.vn/news/tag/chuyen-doi-so"
    art = extract(html, url)
    tag = classify(art, url, anchor="chuyển đổi số")
    assert not tag and tag.kind == "listing"
    # The address alone says so too (a writer's page headed with the writer's name).
    art.title = "Nguyễn Văn An"
    assert classify(art, "http://x.vn/author/nguyen-van-an/", anchor="Nguyễn Văn An").kind == "listing"


def test_a_short_headline_matched_by_its_menu_entry_is_no_evidence():
    from crawler.classify import link_evidence

    assert link_evidence("Tin hoạt động", "Tin hoạt động") is None
    assert link_evidence("Hội nghị tổng kết công tác đào tạo năm 2023",
                         "Hội nghị tổng kết công tác đào tạo năm 2023") == "headline"


def test_a_listing_linked_by_its_own_name_keeps_its_shape():
    from crawler.classify import classify

    items = "".join(f'<div><h3><a href="/tin-tuc/bai-{i}.html">Hội nghị số {i} về công tác đào tạo của '
                    f'nhà trường năm 2024</a></h3><p>{TEXT}</p></div>' for i in range(5))
    name = "Tin hoạt động của nhà trường trong năm"
    html = page(name, f"<h1>{name}</h1>" + items)
    url = "http://x.vn/tin-hoat-dong/"
    verdict_ = classify(extract(html, url), url, anchor="Tin hoạt động của nhà trường trong năm")
    assert not verdict_ and verdict_.kind == "listing"


def test_a_section_page_with_a_description_over_its_items_is_a_listing():
    from crawler.classify import classify

    intro = ("<p>Chuyên mục đăng tải các hoạt động đào tạo, bồi dưỡng cán bộ của nhà trường trong năm học "
             "và những sự kiện tiêu biểu.</p>")
    items = "".join(f'<div><h3><a href="/tin-tuc/bai-{i}.html">Hội nghị số {i} về công tác đào tạo của '
                    f'nhà trường năm 2024</a></h3><p>1{i}/03/2024</p><p>{TEXT}</p></div>' for i in range(4))
    html = page("Đào tạo bồi dưỡng cán bộ cơ sở", "<h1>Đào tạo bồi dưỡng cán bộ cơ sở</h1>" + intro + items)
    url = "http://x.vn/dao-tao/"
    art = extract(html, url)
    assert art.signals["items_after_text"] >= 3
    assert classify(art, url).kind == "listing"


def test_an_article_whose_site_hides_its_date_is_an_article_on_its_headline_link():
    from crawler.classify import classify

    title = "Hội nghị tổng kết công tác đào tạo năm 2023"
    html = page(title, f"<h1>{title}</h1><p>{TEXT * 3}</p><p>{TEXT * 2}</p>")
    url = ARTICLE_URL
    art = extract(html, url)
    assert art.published_at is None
    assert classify(art, url, anchor=title)  # an item of a listing led here
    undated = classify(art, url, anchor=None)  # a sitemap led here: could be a static page
    assert not undated and undated.kind == "no_date"
    short = extract(page(title, f"<h1>{title}</h1><p>{TEXT}</p>"), url)
    assert not classify(short, url, anchor=title)


def test_a_dateless_month_archive_of_one_teaser_is_not_an_article():
    """A month's archive holding one item: the link that led here ("Tháng 08/2023") covers its
    heading, but its text is that item's teaser, cut short."""
    from crawler.classify import classify

    teaser = TEXT * 2 + "Học viên là cán bộ, công chức các sở, ngành và các huyện, thị xã, thành..."
    html = page("Lưu trữ tháng 08/2023", f"<h2>Lưu trữ tháng 08/2023</h2><p>{teaser}</p>")
    url = "http://x.vn/Tin-tuc/Luu-tru.aspx?year=2023&month=8"
    art = extract(html, url)
    verdict_ = classify(art, url, anchor="Tháng 08/2023")
    assert not verdict_ and verdict_.kind == "listing"
    art.title = "Các hoạt động trong tháng tám của nhà trường"  # not headed as an archive: the teaser says it
    verdict_ = classify(art, url, anchor=art.title)
    assert not verdict_ and verdict_.kind == "no_date"


def test_a_static_page_linked_by_its_full_title_from_the_menu_is_not_a_dateless_article():
    """"Lịch sử hình thành và phát triển" as a menu entry over a page of that title: as much a
    headline link as an item's, but the address numbers no item and nobody signs it."""
    from crawler.classify import classify

    title = "Lịch sử hình thành và phát triển của nhà trường"
    html = page(title, f"<h1>{title}</h1><p>{TEXT * 3}</p><p>{TEXT * 2}</p>")
    static = classify(extract(html, "http://x.vn/gioi-thieu/lich-su-hinh-thanh.html"),
                      "http://x.vn/gioi-thieu/lich-su-hinh-thanh.html", anchor=title)
    assert not static and static.kind == "no_date"
    item = "http://x.vn/index.php/tin-tuc/214-lich-su-hinh-thanh"  # the CMS numbers its items
    assert classify(extract(html, item), item, anchor=title)


def test_a_listing_whose_text_is_all_teasers_under_headline_links_is_not():
    # A news portal's category page: its own heading sits in the navigation, and each item is a
    # headline link, the section and date, and a teaser of one full sentence (no '…'). Whatever
    # line is taken for a headline, every paragraph of the text stands under a link.
    items = "".join(
        f'<div class="item"><h2><a href="/chinh-sach/quy-dinh-{i}.htm">Quy định mới số {i} về chế độ '
        f'làm việc của giảng viên</a></h2><div><a href="/chinh-sach.htm">Chính sách mới</a> '
        f'1{i}/02/2026 15:3{i}</div><p>(Mẫu.vn) - Bộ trưởng vừa ban hành Thông tư số {i}/2026 quy '
        f'định chế độ làm việc đối với giảng viên của các trường chính trị trong cả nước.</p></div>'
        for i in range(8))
    html = ('<html><head><meta charset="utf-8"><title>Chính sách mới - Báo Mẫu</title></head><body>'
            '<div class="nav-menu"><a href="/">Trang chủ</a> <a href="/chinh-tri.htm">Chính trị</a>'
            '<h1><a href="/chinh-sach.htm">Chính sách mới</a></h1></div>'
            f'<div class="list-main">{items}</div><div class="footer">Báo Mẫu</div></body></html>')
    assert not judge(html.encode(), "http://x.vn/chinh-sach.htm")


def test_an_article_writing_etc_with_an_ellipsis_is_an_article():
    # '…' ends a sapo and a list item as "and so on", with the text going on below: not teasers.
    main = (f"<h1>Chính sách mới có hiệu lực từ tháng 3/2026</h1><p>01/03/2026 09:51</p>"
            "<p>(Mẫu.vn) - Tháng 3 có nhiều chính sách mới có hiệu lực, nổi bật là các quy định về "
            "đào tạo, bồi dưỡng; chế độ làm việc; nghiên cứu khoa học…</p>"
            f"<p>{TEXT * 2}</p><p>- Giảng viên kiêm nhiệm, thỉnh giảng, báo cáo viên…</p><p>{TEXT}</p>")
    assert judge(page("Chính sách mới có hiệu lực từ tháng 3/2026", main),
                 "http://x.vn/chinh-sach-moi-co-hieu-luc-102260228.htm")


def test_a_listing_of_unlinked_headlines_and_dated_teasers_is_not():
    """A static site's listing: each item a headline that is no link, its teaser cut short with
    '…', its date under the teaser, then a "Đọc tiếp →" link; the page's <h1> names the section."""
    items = "".join(f"<article><h2>Hội nghị số {i} về công tác đào tạo, bồi dưỡng cán bộ của nhà trường</h2>"
                    f"<div><p>{TEXT[:150]}…</p></div><footer>1{i}/03/2024</footer>"
                    f"<a href='/tin-tuc/2024/03/hoi-nghi-{i}/'>Đọc tiếp →</a></article>" for i in range(5))
    html = page("Tin tức", "<h1>Tin tức</h1>" + items)
    assert not judge(html, "http://x.vn/tin-tuc/")
    from crawler.classify import classify

    assert not classify(extract(html, "http://x.vn/tin-tuc/"), "http://x.vn/tin-tuc/", anchor="Tin tức")


def test_an_article_with_a_schedule_of_dated_sentences_is_an_article():
    """A plan printed as sentences that each name a day ("- Ngày 12/3/2024: Học chuyên đề …") is
    an article's text, reached from a sitemap (no headline link) too: the dated lines that tell a
    listing are an item's short meta lines ("admin - 12/03/2024 | Lượt xem: 120")."""
    days = "".join(f"<p>- Ngày {d}/3/2024: Học chuyên đề {d - 10} về công tác xây dựng Đảng ở cơ sở.</p>"
                   for d in range(12, 20))
    main = (f"<h1>Kế hoạch lớp bồi dưỡng năm 2024</h1><p>11/03/2024 08:00</p><p>{TEXT * 2}</p>{days}"
            f"<p>{TEXT}</p>")
    assert judge(page("Kế hoạch lớp bồi dưỡng năm 2024", main), "http://x.vn/tin-tuc/ke-hoach-12.html")


def test_a_photo_post_whose_date_is_only_in_its_metadata_is_an_article_when_its_headline_led_there():
    from crawler.classify import classify

    # A theme that hides the date prints it only as article:published_time; the post is a few
    # words over its photos. Its headline's link is the evidence a date by the headline would give.
    title = "Hình ảnh hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11"
    html = page(title, f"<h1>{title}</h1><p>Sáng 17/11/2023, Công đoàn nhà trường tổ chức hội thao chào "
                "mừng kỷ niệm 41 năm Ngày Nhà giáo Việt Nam. Một số hình ảnh tại hội thao:</p>"
                '<p><img src="/a.jpg"></p><p><i>Các vận động viên tham gia thi đấu</i></p>').replace(
        b"</title>", b'</title><meta property="article:published_time" content="2023-11-18T16:40:00+07:00">')
    url = "http://x.vn/tin-tuc/hinh-anh-hoi-thao-412.html"
    art = extract(html, url)
    assert art.published_at and "date_from_metadata" in art.flags
    assert classify(art, url, anchor=title)
    short = classify(art, url)  # nothing but the page: too little text to tell
    assert not short and short.kind == "short"


def test_a_post_dated_only_by_its_address_is_an_article_and_the_days_archive_is_not():
    from crawler.classify import classify

    # A WordPress theme that prints no date: /2024/03/12/<slug>/ names a post of that day.
    title = "Hội nghị tổng kết công tác đào tạo năm 2023"
    main = f"<h1>{title}</h1><p>{TEXT * 2}</p><p>{TEXT}</p>"
    post = "http://x.vn/2024/03/12/hoi-nghi-tong-ket/"
    art = extract(page(title, main), post)
    assert "date_from_url" in art.flags and art.published_at.startswith("2024-03-12")
    assert classify(art, post) and classify(art, post, anchor=title)
    day = "http://x.vn/2024/03/12/"
    verdict_ = classify(extract(page(title, main), day), day)
    assert not verdict_ and verdict_.kind == "date_in_url"


def test_a_dateless_post_without_a_number_in_its_address_is_known_by_its_cms_body_class():
    from crawler.classify import classify

    # WordPress with /%postname%/ addresses and a theme that hides the date: a post and a static
    # page look alike but for the class WordPress gives the <body> of a post's own page.
    title = "Khai giảng lớp Trung cấp lý luận chính trị khóa 45 tại huyện"
    main = f"<h1>{title}</h1><p>{TEXT * 2}</p><p>{TEXT}</p>"
    url = "http://x.vn/khai-giang-lop-trung-cap-khoa-45/"
    for body_class, article in (("post-template-default single single-post postid-412", True),
                                ("page-template-default page page-id-7", False)):
        html = page(title, main).replace(b"<body>", f'<body class="{body_class}">'.encode())
        art = extract(html, url)
        assert art.published_at is None
        assert bool(classify(art, url, anchor=title)) is article, body_class


def test_a_headline_linked_to_its_own_page_relative_to_the_base_href_is_no_listings_item():
    # `<base href="http://x.vn/">` and the headline linked to `tin-tuc/hoi-nghi-12.html` from that
    # very page: the link leads to the page itself, as the browser resolves it.
    title = "Hội nghị tổng kết công tác đào tạo năm 2023"
    main = (f'<h2><a href="tin-tuc/hoi-nghi-12.html">{title}</a></h2><p>13/03/2024 08:00</p>'
            f"<p>{TEXT * 2}</p><p>{TEXT}</p>")
    html = page(title, main).replace(b"<title>", b'<base href="http://x.vn/"><title>')
    assert judge(html, "http://x.vn/tin-tuc/hoi-nghi-12.html")


def test_a_documents_page_is_a_record_not_an_article_and_a_table_with_text_is_an_article():
    from crawler.classify import classify

    # The page of one document of the "Văn bản" section, linked by its title: number, date
    # issued, signer, summary, file, as the rows of a table, no running text of its own.
    title = "Quyết định số 123/QĐ-TCT về việc ban hành Quy chế chi tiêu nội bộ năm 2024"
    rows = (("Số ký hiệu", "123/QĐ-TCT"), ("Ngày ban hành", "12/03/2024"), ("Người ký", "Nguyễn Văn An"),
            ("Trích yếu", "Về việc ban hành Quy chế chi tiêu nội bộ năm 2024 của nhà trường, áp dụng "
                          "cho toàn thể cán bộ, giảng viên, nhân viên."),
            ("File đính kèm", '<a href="/files/qd123.pdf">qd123.pdf</a>'))
    table = "<table>" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
    url = "http://x.vn/van-ban/quyet-dinh-123-qd-tct-45.html"
    verdict_ = classify(extract(page(title, f"<h1>{title}</h1>{table}"), url), url, anchor=title)
    assert not verdict_ and verdict_.kind == "record"
    # The same table inside an article's text is the article's.
    news = f"<h1>{title}</h1><p>13/03/2024 08:00</p><p>{TEXT}</p>{table}<p>{TEXT}</p>"
    assert classify(extract(page(title, news), url), url, anchor=title)
    # The same fields printed as lines of a label and its value, not as a table's rows: a record.
    for field in ("<p><b>{}:</b> {}</p>", "<div class='row'><span>{}:</span> <span>{}</span></div>"):
        fields = "".join(field.format(k, v) for k, v in rows)
        verdict_ = classify(extract(page(title, f"<h1>{title}</h1>{fields}"), url), url, anchor=title)
        assert not verdict_ and verdict_.kind == "record", field
    # An event's notice gives its fields the same way, with a sentence of its own: an article.
    notice = (f"<h1>{title}</h1><p>13/03/2024 08:00</p><p>{TEXT}</p>"
              + "".join(f"<p><b>{k}:</b> {v}</p>" for k, v in (("Thời gian", "8 giờ, ngày 15/3/2024"),
                        ("Địa điểm", "Hội trường A"), ("Thành phần", "Toàn thể học viên"),
                        ("Nội dung", "Khai giảng lớp bồi dưỡng"))))
    assert classify(extract(page(title, notice), url), url, anchor=title)
