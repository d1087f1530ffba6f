"""Credit lines to (name, degree, role), and what is not a person."""
import pytest

from crawler.parser.authors import Person, name_case, parse_person

PEOPLE = [
    ("ThS. Nguyễn Hữu Thánh", ("Nguyễn Hữu Thánh", "ThS.", None)),
    ("Tác giả : Th.s Hồ Minh Đức - Phó Hiệu trưởng", ("Hồ Minh Đức", "ThS.", "Phó Hiệu trưởng")),
    ("ThS. ĐINH QUỐC THỊ", ("Đinh Quốc Thị", "ThS.", None)),
    ("Thạc sỹ Lương Thị Minh Nguyệt – Trưởng phòng Tổ chức - Hành chính",
     ("Lương Thị Minh Nguyệt", "ThS.", "Trưởng phòng Tổ chức - Hành chính")),
    ("Lê Hoàng Phúc (Phòng QLĐT&NCKH) |", ("Lê Hoàng Phúc", None, "Phòng QLĐT&NCKH")),
    ("PGS, TS NGUYỄN TẤN VINH", ("Nguyễn Tấn Vinh", "PGS.TS.", None)),
    ("Cử nhân Bùi Thị Ngọc Ánh", ("Bùi Thị Ngọc Ánh", "CN.", None)),
    ("Tin và ảnh: Trần Thị Thanh Huyền", ("Trần Thị Thanh Huyền", None, None)),
    ("Tác giả bài viết: Siu H'Nhung", ("Siu H'Nhung", None, None)),
    ("NCS. Trần Quang Huy", ("Trần Quang Huy", "NCS.", None)),
    ("Tác giả: C.V.D", ("C.V.D", None, None)),
    ("Đ/c Cao Dũng - Hiệu trưởng Trường Chính trị", ("Cao Dũng", None, "Hiệu trưởng Trường Chính trị")),
    ("Tin: Hoàng Anh - Ảnh: Minh Đức", ("Hoàng Anh", None, None)),
    ("Nhâm Dung – Mạnh Hà", ("Nhâm Dung", None, None)),
    ("ThS. Nguyễn Văn An, Giảng viên Khoa Xây dựng Đảng",
     ("Nguyễn Văn An", "ThS.", "Giảng viên Khoa Xây dựng Đảng")),
    # A rank before the name; a role after a slash; a label without a colon.
    ("Thượng tá, Trần Minh Đức / Học viện Quốc phòng", ("Trần Minh Đức", None, "Học viện Quốc phòng")),
    ("Thiếu tướng, PGS, TS NGÔ VĂN HÙNG, Giám đốc Học viện Biên phòng",
     ("Ngô Văn Hùng", "PGS.TS.", "Giám đốc Học viện Biên phòng")),
    ("Bài viết của TS Lê Thanh Hà, Khoa Lý luận cơ sở.", ("Lê Thanh Hà", "TS.", "Khoa Lý luận cơ sở")),
    ("Hoàng Mai Anh /TTXVN", ("Hoàng Mai Anh", None, "TTXVN")),
    # A footnote mark after the name; "(thực hiện)" says who did it, not a role.
    ("TRẦN THU HÀ*", ("Trần Thu Hà", None, None)),
    ("Lê Quang Vinh (*)", ("Lê Quang Vinh", None, None)),
    ("LÊ QUANG VINH (thực hiện)", ("Lê Quang Vinh", None, None)),
    # Two writers joined by "và" or "&": the first one.
    ("Bài và ảnh: Lê Minh và Trần Hà", ("Lê Minh", None, None)),
    ("Nguyễn Văn An & Trần Thu Hà", ("Nguyễn Văn An", None, None)),
    # A degree glued to the name, dashes glued to the words before them.
    ("TS.Phạm Văn Long- Phó Hiệu trưởng- Trưởng khoa Xây dựng Đảng.",
     ("Phạm Văn Long", "TS.", "Phó Hiệu trưởng - Trưởng khoa Xây dựng Đảng")),
    # A post in a body whose name reads like a caption's verb is a role all the same.
    ("ThS. Lê Văn An, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
     ("Lê Văn An", "ThS.", "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")),
    # A degree's letters dotted one by one; two writers with degrees of their own after a comma.
    ("T.S Ngô Quang Vinh", ("Ngô Quang Vinh", "TS.", None)),
    ("P.GS, T.S Hoàng Văn Nghĩa", ("Hoàng Văn Nghĩa", "PGS.TS.", None)),
    ("ThS. Trần Văn Nam, ThS. Lê Thị Hoa", ("Trần Văn Nam", "ThS.", None)),
    ("TS. Lê Văn Ích và ThS. Nguyễn Thị Kim", ("Lê Văn Ích", "TS.", None)),
    # A role after a semicolon; two writers' name-role pairs on one line; "Ghi chép của".
    ("TS. Trần Thị Minh Tuyết; Phó Hiệu trưởng", ("Trần Thị Minh Tuyết", "TS.", "Phó Hiệu trưởng")),
    ("Trần Văn Bình - Trưởng phòng Đào tạo; Nguyễn Thị Chi - Giảng viên",
     ("Trần Văn Bình", None, "Trưởng phòng Đào tạo")),
    ("Ghi chép của Lê Hà", ("Lê Hà", None, None)),
    ("Phóng sự: Quang Huy - Thanh Tâm", ("Quang Huy", None, None)),
    # A specialist doctor's degree (a health centre's writer), first or second level.
    ("BSCKII. Nguyễn Văn Long / Trung tâm Y tế huyện",
     ("Nguyễn Văn Long", "BSCKII.", "Trung tâm Y tế huyện")),
    ("BS.CKI Trần Thị Mai", ("Trần Thị Mai", "BSCKI.", None)),
    # "Theo" a person, the publication named after the name: a pen name needs no family name
    # then, and the publication is the role; alone, a pen name and an outlet read alike.
    ("Theo Thu Hằng/Báo Tin tức", ("Thu Hằng", None, "Báo Tin tức")),
    ("Theo Thu Hằng (Tạp chí Cộng sản)", ("Thu Hằng", None, "Tạp chí Cộng sản")),
    ("Theo Hồ Hương (Đại Đoàn kết)", ("Hồ Hương", None, "Đại Đoàn kết")),
    # A lecturer's grade abbreviated before the name, as a rank is.
    ("GV. Nguyễn Văn Tâm", ("Nguyễn Văn Tâm", None, None)),
    ("GVC Trần Thị Hoa - Khoa Lý luận cơ sở", ("Trần Thị Hoa", None, "Khoa Lý luận cơ sở")),
    # ... also after the degree, glued to it or not.
    ("TS.GVC Lê Thị Hoa", ("Lê Thị Hoa", "TS.", None)),
    ("ThS. GVCC Trần Văn Bình", ("Trần Văn Bình", "ThS.", None)),
    # ... and a reporter's, a contributor's or an editor's post ("PV", "CTV", "BTV").
    ("PV Hà Thu", ("Hà Thu", None, None)),
    ("CTV. Minh Anh", ("Minh Anh", None, None)),
    ("BTV Lê Hà", ("Lê Hà", None, None)),
    # How to reach the writer is no post.
    ("Nguyễn Văn An - ĐT: 0912.345.678", ("Nguyễn Văn An", None, None)),
    ("ThS. Lê Thu Hà, Email: lethuha@tct.example.vn", ("Lê Thu Hà", "ThS.", None)),
]


@pytest.mark.parametrize(("line", "expected"), PEOPLE)
def test_people(line, expected):
    p = parse_person(line)
    assert p is not None and (p.name, p.degree, p.role) == expected


@pytest.mark.parametrize("line", ["Đăng bởi: admin", "Tác giả bài viết: Ban Biên tập", "PV", "Theo Tuổi Trẻ",
                                  "Theo Tuổi Trẻ/TTXVN", "Theo Dân trí (Báo Hà Nội)"])
def test_accounts_and_organisations_are_no_author(line):
    assert parse_person(line) == Person(None, labelled=True)


@pytest.mark.parametrize("line", ["C.V.D", "Tổng lượt truy cập: 1.384.227", "Khai giảng lớp Trung cấp",
                                  "Trường Chính trị tỉnh Vĩnh Long", "Phòng Tổ chức - Hành chính |",
                                  "PHÓ HIỆU TRƯỞNG", "Phó Giám đốc"])
def test_not_credits(line):
    assert parse_person(line) is None


def test_an_officials_title_is_no_name_however_set():
    """`Phó` is a family name (Phó Đức Phương) but `Phó Hiệu Trưởng` is a post, in any case."""
    assert parse_person("PHÓ HIỆU TRƯỞNG", pen_ok=True) is None
    assert parse_person("Phó Đức Phương").name == "Phó Đức Phương"


def test_name_case_keeps_vietnamese_letters():
    assert name_case("ĐẶNG THỊ ỨNG") == "Đặng Thị Ứng"
    assert name_case("SIU H'NHUNG") == "Siu H'Nhung"
    assert name_case("Nguyễn Văn A") == "Nguyễn Văn A"


def _page(top: str = "", bottom: str = "") -> str:
    paras = "".join(f"<p>Đoạn văn thứ {i} của bài viết kể lại buổi sinh hoạt chuyên đề của chi bộ, "
                    f"với nhiều ý kiến thẳng thắn về công tác giảng dạy và quản lý học viên.</p>"
                    for i in range(4))
    return (f"<html><head><title>Sinh hoạt chuyên đề của chi bộ khoa</title></head><body>"
            f"<h1>Sinh hoạt chuyên đề của chi bộ khoa</h1><p>12/03/2024 08:30</p>"
            f"<div class='content'>{top}{paras}{bottom}</div></body></html>")


@pytest.mark.parametrize(("date_line", "expected"), [
    # A pen name linked (to the writer's page, or to nothing) before the date: the writer, with
    # no class to say so and no family name.
    ("<a href=''>Nguyên Minh</a> - 07/03/2026 08:47", "Nguyên Minh"),
    # A place opening the date line, linked or not, is no writer, family name first or not.
    ("Hà Nội - 07/03/2026 08:47", None),
    ("<a href='/lam-dong/'>Lâm Đồng</a> - 07/03/2026 08:47", None),
    # WordPress's "by" in Vietnamese after the date, no label's colon.
    ("Đăng ngày 07/03/2026 08:47 bởi <b>CN. Lê Thị Hoa</b>", "Lê Thị Hoa"),
    # ... up to what WordPress and Drupal print after the name (its category, the day).
    ("07/03/2026 08:47 bởi Trần Thị Hoa trong <a href='/tin-tuc/'>Tin tức</a>", "Trần Thị Hoa"),
    ("Gửi bởi <a href='/user/2'>Nguyễn Văn An</a> vào T7, 07/03/2026 - 08:47", "Nguyễn Văn An"),
    ("Gửi bởi <a href='/user/1'>admin</a> vào T7, 07/03/2026 - 08:47", None),
    # The writer's element and the time's printed side by side with no space between.
    ("<span><a href='/tac-gia/hong-van'>Hồng Vân</a></span><span>08:47 | 07/03/2026</span>", "Hồng Vân"),
    # A bullet between the name and the date, as a bar would be.
    ("Nguyễn Thu Hằng • 07/03/2026 08:47", "Nguyễn Thu Hằng"),
    ("<span class='author'>Thu Hằng</span> • <span class='date'>07/03/2026 08:47</span>", "Thu Hằng"),
    ("<a href='/tac-gia/thu-hang'>Thu Hằng</a> · 07/03/2026 08:47", "Thu Hằng"),
    # A pen name set in bold beside the date is set apart as a linked one is; a place in bold
    # opening the date line is still no writer.
    ("<b>Thu Hằng</b> • 07/03/2026 08:47", "Thu Hằng"),
    ("<b>Hà Nội</b> - 07/03/2026 08:47", None),
])
def test_the_name_on_the_date_line(date_line, expected):
    from crawler.parser import extract

    html = (f"<html><body><div>{_HEADLINE}</div><div><div>{date_line}</div></div>"
            + "".join(f"<p>{p}</p>" for p in _TEXT) + "</body></html>")
    art = extract(html.encode(), "https://tct.example.vn/tin/a.html")
    assert (art.author, art.published_at) == (expected, "2026-03-07T08:47:00+07:00")
    # The writer's name printed again under the date line is no text.
    if expected:
        again = html.replace("</div></div>", f"</div></div><p><b>{expected}</b></p>", 1)
        assert expected not in extract(again.encode(), "https://tct.example.vn/tin/a.html").body


_HEADLINE = "Nâng cao chất lượng đào tạo lý luận chính trị cho cán bộ cơ sở"
_TEXT = [f"Đoạn {i}: thời gian qua, nhà trường đã đổi mới nội dung, chương trình đào tạo theo hướng "
         "thiết thực, gắn với yêu cầu nhiệm vụ của địa phương." for i in range(4)]


@pytest.mark.parametrize(("top", "bottom", "expected"), [
    # A name with a degree over a line naming an institution (no role word): that is its role.
    ("", "<p style='text-align:right'><b>PGS, TS LÊ THU HÀ</b></p>"
         "<p style='text-align:right'>Nhà xuất bản Lý luận Chính trị</p>",
     ("Lê Thu Hà", "PGS.TS.", "Nhà xuất bản Lý luận Chính trị")),
    # A labelled credit sentence at the end, ending with a full stop, is a credit, not text.
    ("", "<p>Bài viết của ThS Đỗ Minh Tâm, Khoa Nhà nước và Pháp luật.</p>",
     ("Đỗ Minh Tâm", "ThS.", "Khoa Nhà nước và Pháp luật")),
    # A short pen name alone in bold at the start of the text.
    ("<p><b>Thu Trang</b></p>", "", ("Thu Trang", None, None)),
    # A reporter's name in capitals over the news agency's initials: the agency is the role.
    ("", "<p style='text-align:right'><b>HÀ LINH</b><br>TTXVN</p>", ("Hà Linh", None, "TTXVN")),
    # ... but not a share button's word in capitals under the name.
    ("", "<p style='text-align:right'><b>HÀ LINH</b></p><p>ZALO</p>", ("Hà Linh", None, None)),
    # The writer's label opening a meta line with a view counter, the date printed elsewhere.
    ("<p>Tác giả: Võ Minh Tâm | Lượt xem: 418</p>", "", ("Võ Minh Tâm", None, None)),
    # A reporter's credit, then the school's postal address in the footer: no role.
    ("", "<p>Tin, ảnh: Đinh Thị Thanh Hà</p><p>Trường Chính trị tỉnh Phú Thọ - Phường Gia Cẩm, "
         "thành phố Việt Trì, tỉnh Phú Thọ</p>", ("Đinh Thị Thanh Hà", None, None)),
    # A rank before the name, no comma, credits the writer as a degree does: the unit's name
    # under it, with no role word, is the role.
    ("", "<p style='text-align:right'><b>Thiếu tá Lò Văn Sơn</b></p><p style='text-align:right'>Bộ "
         "Chỉ huy Quân sự tỉnh Sơn La</p>", ("Lò Văn Sơn", None, "Bộ Chỉ huy Quân sự tỉnh Sơn La")),
    # A person quoted at the end of the text (a quotation's attribution, in a <blockquote> or
    # under a line closing the quotation marks) or pictured (a caption naming what they do) is
    # no writer.
    ("", "<blockquote><p>“Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng "
         "người.”</p><p style='text-align:right'><b>Hồ Chí Minh</b></p></blockquote>", (None, None, None)),
    ("", "<p><i>“Học đi đôi với hành, lý luận gắn liền với thực tiễn, nhà trường gắn liền với xã "
         "hội.”</i></p><p style='text-align:right'><b>Hồ Chí Minh</b></p>", (None, None, None)),
    ("", "<p><b>Đồng chí Trần Văn Bình, Phó Bí thư Tỉnh ủy phát biểu tại hội nghị</b></p>",
     (None, None, None)),
    # A pen name in bold, then its unit after a dash, right-aligned at the end.
    ("", "<p style='text-align:right'><b>Minh Châu</b> - <i>Trung tâm Bồi dưỡng chính trị huyện</i></p>",
     ("Minh Châu", None, "Trung tâm Bồi dưỡng chính trị huyện")),
    # A writer's card: a table row of the writer's picture beside the name linked to the writer's
    # page over the role (no data row of two cells).
    ("<table><tr><td><img src='/av.jpg'></td><td><a href='/tac-gia/le-thu-ha'>ThS. Lê Thu Hà</a><br>"
     "Giảng viên Khoa Lý luận cơ sở</td></tr></table>", "",
     ("Lê Thu Hà", "ThS.", "Giảng viên Khoa Lý luận cơ sở")),
    # A pen name in capitals as the text's last plain paragraph: capitals set it apart as bold
    # would (no family name needed); a heading in capitals of another language does not.
    ("", "<p>THU HẰNG</p>", ("Thu Hằng", None, None)),
    ("", "<p>MINH ANH - THU HÀ</p>", ("Minh Anh", None, None)),
    # The name's footnote mark calling the role printed as the footnote under it.
    ("", "<p style='text-align:right'><b>TS. Phạm Văn Dũng<sup>(*)</sup></b></p>"
         "<p>(*) Phó Hiệu trưởng Trường Chính trị tỉnh</p>",
     ("Phạm Văn Dũng", "TS.", "Phó Hiệu trưởng Trường Chính trị tỉnh")),
    # "Nguồn:" under the writer names the unit that sent the piece: the role, its label off.
    ("", "<p style='text-align:right'><b>Lê Thu Hà</b></p><p style='text-align:right'>Nguồn: Khoa Xây "
         "dựng Đảng</p>", ("Lê Thu Hà", None, "Khoa Xây dựng Đảng")),
    # The same fields as the rows of a table after the text: label cell, value cell.
    ("", "<table><tr><td>Tác giả:</td><td>ThS. Lê Thu Hà</td></tr><tr><td>Đơn vị:</td>"
         "<td>Khoa Xây dựng Đảng</td></tr></table>", ("Lê Thu Hà", "ThS.", "Khoa Xây dựng Đảng")),
    # A CMS that prints each field's label in a block of its own, over its value.
    ("<div>Tác giả:</div><div>ThS. Lê Thu Hà</div><div>Đơn vị:</div><div>Khoa Xây dựng Đảng</div>", "",
     ("Lê Thu Hà", "ThS.", "Khoa Xây dựng Đảng")),
])
def test_credit_blocks_in_a_page(top, bottom, expected):
    from crawler.parser import extract

    art = extract(_page(top, bottom), "https://tct.example.vn/tin/a.html")
    assert (art.author, art.author_degree, art.author_role) == expected
    assert "Nhà xuất bản" not in (art.body or "") and "Bài viết của" not in (art.body or "")
    assert (art.body or "").count("Đoạn văn thứ") == 4


@pytest.mark.parametrize("block", [
    # a box named for the writer: the linked name, the role on the line under it
    '<div class="author-box"><a href="/tac-gia/le-van-an.html">ThS. Lê Văn An</a>'
    "<p>Giảng viên Khoa Xây dựng Đảng</p></div>",
    # no name for the box: the link to the writer's page says it
    '<div><a href="/author/le-van-an">ThS. Lê Văn An</a></div><div>Giảng viên Khoa Xây dựng Đảng</div>',
])
def test_a_name_linked_to_the_writers_page_over_its_role(block):
    from crawler.parser import extract

    art = extract(_page(top=block), "https://tct.example.vn/tin/a.html")
    assert (art.author, art.author_degree, art.author_role) == (
        "Lê Văn An", "ThS.", "Giảng viên Khoa Xây dựng Đảng")
    assert "Lê Văn An" not in (art.body or "")


@pytest.mark.parametrize(("top", "bottom"), [
    ('<div class="name"><a href="/tac-gia/minh-anh.htm"><b>Minh Anh</b></a></div>', ""),
    ("", '<p><a href="/tac-gia/minh-anh.htm">Minh Anh</a></p>'),
])
def test_a_pen_name_linked_to_the_writers_page(top, bottom):
    """News sites link the writer's name to the writer's page, at the top or at the end: a pen name
    without a family name counts there, and the link is not text."""
    from crawler.parser import extract

    art = extract(_page(top, bottom), "https://tct.example.vn/tin/a.html")
    assert art.author == "Minh Anh" and "Minh Anh" not in (art.body or "")


@pytest.mark.parametrize("line", ["Text Size", "Read More", "Photo Gallery"])
def test_a_controls_label_where_a_pen_name_may_stand_is_no_writer(line):
    # A short bold line under the headline may be a pen name ("Minh Anh"); a button's is not.
    assert parse_person(line, pen_ok=True) is None
    assert parse_person("Minh Anh", pen_ok=True).name == "Minh Anh"


@pytest.mark.parametrize("line, expected", [
    ("Theo ThS. Bùi Văn Tư", ("Bùi Văn Tư", "ThS.", None)),
    ("NCS. ThS. Phan Thị Hương", ("Phan Thị Hương", "NCS. ThS.", None)),
])
def test_a_degree_after_theo_and_two_degrees_in_a_row(line, expected):
    p = parse_person(line)
    assert p is not None and (p.name, p.degree, p.role) == expected


def test_a_role_line_labelled_with_its_unit_gives_the_unit():
    from crawler.parser.authors import role_below

    assert role_below("Đơn vị: Khoa Xây dựng Đảng", credited=False) == "Khoa Xây dựng Đảng"


def test_the_writer_typed_into_the_text_after_the_accounts_credit_is_the_writer():
    """`bởi Quản trị viên` under the headline credits the site's account, no writer; the name
    over a role line that opens the text is the writer."""
    from crawler.parser import extract

    top = "<p><strong>ThS. Nguyễn Thị Thu Hằng</strong></p><p><em>Giảng viên Khoa Xây dựng Đảng</em></p>"
    html = _page(top).replace("<p>12/03/2024 08:30</p>", "<div><div>12/03/2024 08:30</div><p>—</p><p>bởi</p>"
                              "<div><a href='/author/quantri/'>Quản trị viên</a></div></div>")
    art = extract(html.encode(), "https://tct.example.vn/sinh-hoat/")
    assert (art.author, art.author_degree, art.author_role) == (
        "Nguyễn Thị Thu Hằng", "ThS.", "Giảng viên Khoa Xây dựng Đảng")
    assert "Hằng" not in art.body


def test_the_heading_of_a_box_of_other_articles_under_the_writer_is_no_role():
    """K2 prints the writer in its extra fields at the text's end, then "Các bài viết mới hơn"
    over a list of other articles: the writer has no role."""
    from crawler.parser import extract

    bottom = ("</div><div><ul><li><span>Tác giả:</span><span>Đặng Thùy Linh</span></li></ul></div>"
              "<div><h3>Các bài viết mới hơn</h3><ul>" + "".join(
                  f"<li><a href='/tin/{i}'>Bế giảng lớp trung cấp lý luận chính trị khóa {i}</a> "
                  f"<span>(1{i}/11/2022)</span></li>" for i in range(3)) + "</ul><div>")
    art = extract(_page(bottom=bottom).encode(), "https://tct.example.vn/tin/a.html")
    assert (art.author, art.author_role) == ("Đặng Thùy Linh", None)


def test_a_writer_of_another_language_declared_for_machines_and_printed_is_the_writer():
    """An outlet's page whose byline we cannot read ("Kolumne von Lars Brunckhorst"), naming the
    writer in its schema.org data too: a name in a Latin script of another language, two to four
    capitalised words, is the writer. An organisation so declared (and printed) is not."""
    from crawler.parser import extract

    def page(name: str) -> bytes:
        ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
              f'"NewsArticle", "author": [{{"@type": "Person", "name": "{name}"}}]}}</script>')
        return (f"<html><head>{ld}<title>Ein Titel</title></head><body>" + _page(
            bottom=f"<p>Kolumne von {name}</p>").split("<body>", 1)[1]).encode()

    art = extract(page("Lars Brunckhorst"), "https://zeitung.example.de/a")
    assert art.author == "Lars Brunckhorst" and "author_from_metadata" in art.flags
    assert extract(page("Deutsches Weininstitut GmbH"), "https://zeitung.example.de/a").author is None
    # A Vietnamese outlet naming itself as the author (and printing its name in the banner).
    assert extract(page("Báo Mẫu"), "https://bao.example.vn/a").author is None


def test_a_heading_in_capitals_of_another_language_is_no_pen_name():
    from crawler.parser import extract

    art = extract(_page(bottom="<p>FRAGEN AN DEN AUTOR</p>"), "https://tct.example.vn/tin/a.html")
    assert art.author is None


def test_a_link_under_a_labelled_writer_is_no_role():
    """`Tác giả: X` over a table of contents whose first entry links to a subheading: the writer
    has no role (a role is printed, not linked)."""
    from crawler.parser import extract

    top = ("<p>Tác giả: ThS. Nguyễn Văn Hải</p><nav><ul><li><a href='#ket-qua'>Kết quả đạt được</a></li>"
           "<li><a href='#kinh-nghiem'>Một số kinh nghiệm</a></li></ul></nav>")
    art = extract(_page(top).encode(), "https://tct.example.vn/tin/a.html")
    assert (art.author, art.author_degree, art.author_role) == ("Nguyễn Văn Hải", "ThS.", None)


@pytest.mark.parametrize("cls", ["td-social-sharing", "x7k2"])  # (named like chrome, or by no name at all)
def test_share_buttons_between_the_headline_and_the_writer_take_no_room_in_the_top_block(cls):
    """A magazine theme prints the account, the day, counters and a row of share buttons between
    the headline and the text, then the editor's byline over a picture: the byline is still read.
    Past such furniture only a credit that says so counts, not a bare name (a dateline's place)."""
    from crawler.parser import extract

    share = "".join(f"<div class='{cls}'><a href='https://{n}.com/s'>{n}</a></div>"
                    for n in ("Facebook", "Twitter", "Pinterest", "WhatsApp", "Zalo", "Email", "In"))
    head = ("<h1>Sinh hoạt chuyên đề của chi bộ khoa</h1><div>Bởi</div><div><a href='/author/admin/'>admin"
            "</a></div><div>12/03/2024</div><div>1712</div>" + share)
    paras = "".join(f"<p>Đoạn văn thứ {i} của bài viết kể lại buổi sinh hoạt chuyên đề của chi bộ, "
                    f"với nhiều ý kiến thẳng thắn về công tác giảng dạy và quản lý học viên.</p>"
                    for i in range(4))

    def page(byline: str) -> bytes:
        return (f"<html><head><title>Sinh hoạt chuyên đề của chi bộ khoa</title></head><body>{head}"
                f"<div class='post-content'><img src='/a.jpg'>{byline}{paras}</div></body></html>").encode()

    art = extract(page("<p><em>ThS. Nguyễn Thị Thu Hằng – Giảng viên Khoa Xây dựng Đảng</em></p>"),
                  "https://tct.example.vn/tin/a.html")
    assert (art.author, art.author_degree, art.author_role) == (
        "Nguyễn Thị Thu Hằng", "ThS.", "Giảng viên Khoa Xây dựng Đảng")
    assert "Thu Hằng" not in art.body
    assert extract(page("<p>Bắc Giang -</p>"), "https://tct.example.vn/tin/a.html").author is None


@pytest.mark.parametrize("sign", [
    "<p style='text-align:right'><b>PHÓ HIỆU TRƯỞNG</b></p>"
    "<p style='text-align:right'><b>TS. Đỗ Văn Bình</b></p>",
    "<table><tr><td><p><b><i>Nơi nhận:</i></b><br>- Như trên;<br>- Lưu VT.</p></td>"
    "<td><p><b>HIỆU TRƯỞNG</b></p><p><b>Lê Văn Tám</b></p></td></tr></table>",
])
def test_the_signature_of_an_announcement_is_its_text_and_nobodys_byline(sign):
    """The signer's post in capitals over the name closes a document: the reader sees it (it stays
    in the text, the post and the name apart, even as paragraphs of one table cell), and the
    signer wrote nothing for the site."""
    from crawler.parser import extract

    art = extract(_page(bottom=sign).encode(), "https://tct.example.vn/tin/a.html")
    assert art.author is None
    assert "HIỆU TRƯỞNG" in art.body and "TRƯỞNGLê" not in art.body


def test_whoever_posted_the_page_is_the_writer_only_when_nobody_else_is_credited():
    """WordPress's 'bởi Trần Thị Hoa' names the account that posted the page: the writer typed at
    the end of the text ('ThS. Lê Văn Bình') is the writer; with no other credit, the poster is."""
    from crawler.parser import extract

    def page(bottom: str) -> bytes:
        return _page(bottom=bottom).replace("<p>12/03/2024 08:30</p>",
                                            "<p>12/03/2024 08:30 bởi Trần Thị Hoa</p>").encode()

    art = extract(page("<p style='text-align:right'><b>ThS. Lê Văn Bình</b></p>"), "https://tct.example.vn/a.html")
    assert (art.author, art.author_degree) == ("Lê Văn Bình", "ThS.")
    assert extract(page(""), "https://tct.example.vn/a.html").author == "Trần Thị Hoa"
