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
]


@pytest.mark.parametrize(("line", "expected"), PEOPLE)
def test_people(line, expected):
    p = parse_person(line)
    assert p is not None and (p.name, p.degree, p.role) == expected


@pytest.mark.parametrize("line", ["Đăng bởi: admin", "Tác giả bài viết: Ban Biên tập", "PV"])
def test_accounts_and_organisations_are_no_author(line):
    assert parse_person(line) == Person(None, labelled=True)


@pytest.mark.parametrize("line", ["C.V.D", "Tổng lượt truy cập: 1.384.227", "Khai giảng lớp Trung cấp",
                                  "Trường Chính trị tỉnh Vĩnh Long", "Phòng Tổ chức - Hành chính |"])
def test_not_credits(line):
    assert parse_person(line) is None


def test_name_case_keeps_vietnamese_letters():
    assert name_case("ĐẶNG THỊ ỨNG") == "Đặng Thị Ứng"
    assert name_case("SIU H'NHUNG") == "Siu H'Nhung"
    assert name_case("Nguyễn Văn A") == "Nguyễn Văn A"
