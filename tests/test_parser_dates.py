"""Date strings as docs/page-conventions.md lists them, to ISO 8601 in Vietnam time."""
from datetime import datetime

import pytest

from crawler.parser.dates import VN_TZ, find_date, iso, plausible

CASES = [
    ("Thứ Tư, 13/11/2019 - 17:23", "2019-11-13T17:23:00+07:00"),
    ("08:17 10/05/2017", "2017-05-10T08:17:00+07:00"),
    ("Chủ nhật - 04/10/2020 10:53", "2020-10-04T10:53:00+07:00"),
    ("Cập nhật: 25/04/2022 22:06", "2022-04-25T22:06:00+07:00"),
    ("15.09.2023 10:06 |", "2023-09-15T10:06:00+07:00"),
    ("Thứ ba, 23 Tháng 4, 2024 - 23:01", "2024-04-23T23:01:00+07:00"),
    ("Ngày Đăng:6/18/2021 8:22:00 AM", "2021-06-18T08:22:00+07:00"),
    ("Ngày Đăng: 6/6/2016 9:35", "2016-06-06T09:35:00+07:00"),
    ("Ngày Đăng: 5/6/2016 9:35:10 AM", "2016-05-06T09:35:10+07:00"),  # English .NET form: M/D
    ("11/03/2024 3:42:00 PM", "2024-03-11T15:42:00+07:00"),  # padded: no .NET default, day first
    ("Ngày Đăng: 5/6/2016 9:35 SA", "2016-06-05T09:35:00+07:00"),  # SA does not flip the order
    ("(27/12/2016, 08:17)", "2016-12-27T08:17:00+07:00"),
    ("23.11.2012 - 16:8", "2012-11-23T16:08:00+07:00"),
    ("11:05 SA - 08/09/2023", "2023-09-08T11:05:00+07:00"),
    ("12/12/2022 12:05 CH", "2022-12-12T12:05:00+07:00"),
    ("02:36 CH 02/11/2023", "2023-11-02T14:36:00+07:00"),
    ("13/01/2022 02:28 PM", "2022-01-13T14:28:00+07:00"),
    ("Thứ Bảy, 1/12/2012 16:33'(GMT+7)", "2012-12-01T16:33:00+07:00"),
    ("Chủ nhật, 1-3-26 03:21:21", "2026-03-01T03:21:21+07:00"),
    ("28 Tháng Bảy, 2023 lúc 9:40 sáng", "2023-07-28T09:40:00+07:00"),
    ("3 Tháng Mười Hai, 2023 lúc 4:45 chiều", "2023-12-03T16:45:00+07:00"),
    ("Thứ Hai, ngày 15 tháng 12 năm 2025", "2025-12-15T00:00:00+07:00"),
    # WordPress's "F j, Y" in Vietnamese: the month's name first, the day after it.
    ("Tháng Mười Một 14, 2023", "2023-11-14T00:00:00+07:00"),
    ("Đăng ngày Tháng Tư 5, 2024 lúc 8:30 sáng", "2024-04-05T08:30:00+07:00"),
    ("Tháng 11 14, 2023", "2023-11-14T00:00:00+07:00"),
    ("Th11 14, 2023", "2023-11-14T00:00:00+07:00"),  # "M j, Y": the month cut short
    ("14 Th3, 2024", "2024-03-14T00:00:00+07:00"),
    ("13 November 2019", "2019-11-13T00:00:00+07:00"),
    ("2023-09-18T01:15:00Z", "2023-09-18T08:15:00+07:00"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_printed_forms(text, expected):
    found = find_date(text)
    assert found is not None
    assert iso(found.when) == expected


@pytest.mark.parametrize("text", ["Lượt xem: 2252", "Khóa 45", "31/02/2023", "quý III/2023", ""])
def test_not_dates(text):
    assert find_date(text) is None


def test_future_and_ancient_dates_are_implausible():
    now = datetime(2026, 11, 26, tzinfo=VN_TZ)
    assert not plausible(datetime(2027, 1, 1, tzinfo=VN_TZ), now)
    assert not plausible(datetime(1955, 1, 1, tzinfo=VN_TZ), now)
    assert plausible(datetime(2020, 1, 1, tzinfo=VN_TZ), now)


def test_dateparser_reads_what_our_rules_do_not_and_bare_years_are_no_dates():
    from crawler.parser import extract

    def date_of(line):
        html = ("<html><body><h1>Hội nghị tổng kết công tác năm 2023 của nhà trường</h1><p>" + line +
                "</p><p>" + "Nội dung hội nghị tổng kết. " * 20 + "</p></body></html>")
        return extract(html.encode(), "http://x.vn/a").published_at

    assert date_of("Ngày đăng: Tháng 12 15, 2023") == "2023-12-15T00:00:00+07:00"  # dateparser's
    assert date_of("Dec 15th, 2023") == "2023-12-15T00:00:00+07:00"
    assert date_of("Tháng 1/2022") is None  # an archive month, not a date
    assert date_of("Hôm qua : 2410") is None  # a visit counter
    assert date_of("Đăng ngày 15 thg 12, 2023") == "2023-12-15T00:00:00+07:00"  # our own rules
    assert date_of("Hội nghị năm 2023") is None
    # An update stamp first, the publication after `Đăng:` on the same line: the publication.
    assert date_of("Cập nhật: 15/03/2023 10:00 | Đăng: 14/03/2023 08:30") == "2023-03-14T08:30:00+07:00"


def test_a_labelled_date_under_a_long_text_counts():
    from crawler.parser import extract

    paras = "".join(f"<p>Đoạn {i}: nội dung của bài viết về công tác đào tạo, bồi dưỡng cán bộ.</p>"
                    for i in range(15))
    html = (f"<html><body><h1>Hội nghị tổng kết công tác năm 2023 của nhà trường</h1>{paras}"
            "<p>Ngày đăng: 05/01/2024 14:30</p></body></html>")
    assert extract(html.encode(), "http://x.vn/a").published_at == "2024-01-05T14:30:00+07:00"


def test_a_cards_date_in_the_sidebar_is_no_date_of_an_undated_page():
    """An introduction page prints no date; beside it, cards whose link is laid over them print
    their date over their headline: one link around both, another article's date."""
    from crawler.parser import extract

    cards = "".join(
        f"<article><a href='/tin-tuc/bai-{i}.html' class='absolute inset-0'></a><div><span>2{i}/01/2022"
        f"</span><h3>Bế giảng lớp bồi dưỡng chức danh bí thư chi bộ khóa 4{i} của nhà trường</h3></div>"
        "</article>" for i in range(3))
    intro = "Nhà trường là cơ sở đào tạo, bồi dưỡng cán bộ, công chức của hệ thống chính trị ở địa phương. "
    html = (f"<html><body><div><h1>Giới thiệu</h1><p>{intro * 3}</p><p>{intro * 2}</p></div>"
            f"<div><div>Đọc nhiều</div>{cards}</div></body></html>")
    assert extract(html.encode(), "http://x.vn/gioi-thieu").published_at is None



def test_a_day_printed_without_its_hour_takes_it_from_its_own_time_element():
    """WordPress prints the day ("Th3 14, 2024") in a `<time>` whose datetime holds the hour; the
    related posts under the text print theirs too, so the page's <time>s disagree and only the
    date line's own one tells the hour."""
    from crawler.parser import extract

    def dated(day: int, hour: str) -> str:
        return (f"<time datetime='2024-03-{day:02d}T{hour}:00+07:00'><a href='/p{day}/'>Th3 {day}, 2024</a>"
                "</time>")

    related = "".join(f"<li><h3><a href='/p{d}/'>Hội nghị sơ kết công tác đào tạo quý {d} của nhà trường"
                      f"</a></h3><div>{dated(d, '09:15')}</div></li>" for d in (3, 5, 9))
    text = "".join(f"<p>Đoạn {i}: thời gian qua, nhà trường đã đổi mới nội dung, chương trình đào tạo theo "
                   "hướng thiết thực, gắn với yêu cầu nhiệm vụ của địa phương.</p>" for i in range(4))
    html = (f"<html><body><h1>Nâng cao chất lượng đào tạo lý luận chính trị cho cán bộ cơ sở</h1>"
            f"<div>{dated(14, '16:28')}</div><div>{text}</div><h2>Bài viết liên quan</h2><ul>{related}</ul>"
            "</body></html>")
    assert extract(html.encode(), "http://x.vn/p14/").published_at == "2024-03-14T16:28:00+07:00"


def test_a_clock_printed_alone_next_to_the_day_gives_its_hour():
    """Elementor's post info: the day, the account and the time, each an item of its own list
    ("10/11/2022", "admin", "12:23 chiều"): the time is the day's."""
    from crawler.parser import extract

    text = "".join(f"<p>Đoạn {i}: thời gian qua, nhà trường đã đổi mới nội dung, chương trình đào tạo theo "
                   "hướng thiết thực, gắn với yêu cầu nhiệm vụ của địa phương.</p>" for i in range(4))
    html = ("<html><body><h1>Bế giảng lớp trung cấp lý luận chính trị hệ không tập trung khóa 30</h1><ul>"
            "<li><a href='/2022/11/10/'>10/11/2022</a></li><li><a href='/author/admin/'>admin</a></li>"
            f"<li>12:23 chiều</li></ul><div>{text}</div></body></html>")
    art = extract(html.encode(), "http://x.vn/2022/11/10/be-giang/")
    assert art.published_at == "2022-11-10T12:23:00+07:00"
