"""The sample site's articles, generated from phrase tables with a fixed seed (same site every run).

The school, its province and its people are invented; the wording follows what these schools
publish: class openings and closings, conferences, Party cell meetings, field trips, research.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html import escape

VN = timezone(timedelta(hours=7))
SCHOOL = "Trường Chính trị tỉnh Hòa An"
PROVINCE = "Hòa An"

CATEGORIES = [
    ("tin-hoat-dong", "Tin hoạt động"),
    ("dao-tao-boi-duong", "Đào tạo - Bồi dưỡng"),
    ("nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi"),
]
PEOPLE = [
    ("ThS.", "Nguyễn Thị Thu Hằng", "Giảng viên Khoa Xây dựng Đảng"),
    ("TS.", "Trần Văn Quyết", "Phó Hiệu trưởng"),
    (None, "Lê Minh Tuấn", "Phòng Quản lý đào tạo"),
    ("CN.", "Phạm Thị Ngọc Ánh", "Chuyên viên Phòng Tổ chức - Hành chính"),
    ("ThS.", "Hoàng Đức Long", "Trưởng khoa Lý luận cơ sở"),
    (None, "Đặng Thùy Linh", None),
    ("NCS.", "Vũ Hải Nam", "Giảng viên Khoa Nhà nước và Pháp luật"),
    ("PGS.TS.", "Đỗ Quang Hưng", "Hiệu trưởng"),
]
DISTRICTS = ["huyện Sơn Động", "huyện Lạc Thủy", "thị xã Phú Lâm", "huyện Yên Mỹ", "thành phố Hòa An",
             "huyện Kim Bảng"]
CLASSES = ["Trung cấp lý luận chính trị hệ không tập trung", "Trung cấp lý luận chính trị hệ tập trung",
           "Bồi dưỡng kiến thức quốc phòng và an ninh cho đối tượng 4",
           "Bồi dưỡng chức danh bí thư chi bộ", "Bồi dưỡng cán bộ Đoàn cơ sở"]
TOPICS = ["nâng cao chất lượng giảng dạy lý luận chính trị", "đổi mới phương pháp dạy học tích cực",
          "xây dựng đội ngũ giảng viên đạt chuẩn", "gắn lý luận với thực tiễn địa phương",
          "chuyển đổi số trong công tác đào tạo, bồi dưỡng", "phát huy vai trò nêu gương của đảng viên"]


@dataclass
class DemoArticle:
    id: int
    category: str
    slug: str
    title: str
    published: datetime
    paragraphs: list[str]
    person: tuple[str | None, str, str | None] | None
    credit_at_end: bool
    table: list[list[str]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/vi/news/{self.category}/{self.slug}-{self.id}.html"

    def table_rows_html(self) -> str:
        """The table's rows as HTML `<tr>` elements (no `<table>` around them), '' without one."""
        return "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in self.table)

    def text_html(self, table_tag: str = "<table>") -> str:
        """The text as HTML paragraphs, its table (opened by `table_tag`) after the second one,
        as the mock sites print it."""
        rows = self.table_rows_html()
        paras = [f"<p>{escape(p)}</p>" for p in self.paragraphs]
        return "".join(paras[:2]) + (f"{table_tag}{rows}</table>" if rows else "") + "".join(paras[2:])

    def truth(self) -> dict:
        """The fields `tct extract` must give for this page (the contract's conventions)."""
        body = list(self.paragraphs[:2]) + [" | ".join(r) for r in self.table] + self.paragraphs[2:]
        deg, name, role = self.person if self.person else (None, None, None)
        return {"url": self.path, "title": self.title,
                "published_at": self.published.isoformat(), "author": name,
                "author_degree": deg, "author_role": role, "body": "\n\n".join(body)}


def _slug(text: str) -> str:
    from archive.textfold import fold

    out = "".join(ch if ch.isalnum() else "-" for ch in fold(text))
    return "-".join(p for p in out.split("-") if p)[:80]


def _news(rng: random.Random, when: datetime, n: int) -> tuple[str, list[str], list[list[str]]]:
    kind = n % 5
    cls = rng.choice(CLASSES)
    place = rng.choice(DISTRICTS)
    course = rng.randint(20, 90)
    students = rng.randint(40, 120)
    day = (when - timedelta(days=1)).strftime("%d/%m/%Y").lstrip("0")
    table: list[list[str]] = []
    if kind == 0:
        title = f"Khai giảng lớp {cls} khóa {course} tại {place}"
        paras = [
            f"Sáng ngày {day}, {SCHOOL} phối hợp với Trung tâm Chính trị {place} tổ chức lễ khai giảng "
            f"lớp {cls} khóa {course} cho {students} học viên là cán bộ, công chức cơ sở.",
            "Phát biểu tại buổi lễ, đồng chí Phó Hiệu trưởng nhà trường đề nghị học viên chấp hành "
            "nghiêm quy chế học tập, chủ động nghiên cứu tài liệu và liên hệ với thực tiễn công tác.",
            "Khóa học được tổ chức theo chương trình của Học viện Chính trị quốc gia Hồ Chí Minh, "
            "gồm các phần học về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh và kỹ năng lãnh đạo, quản lý.",
        ]
    elif kind == 1:
        title = f"Bế giảng lớp {cls} khóa {course}"
        paras = [
            f"Ngày {day}, {SCHOOL} tổ chức lễ bế giảng và trao bằng tốt nghiệp lớp {cls} khóa {course}.",
            f"Sau thời gian học tập, {students} học viên đã hoàn thành chương trình; tỷ lệ khá, giỏi "
            f"đạt {rng.randint(60, 95)}%.",
            "Nhà trường biểu dương các học viên có thành tích cao trong học tập và rèn luyện.",
        ]
        table = [["Xếp loại", "Số học viên"], ["Giỏi", str(rng.randint(5, 20))],
                 ["Khá", str(rng.randint(20, 60))]]
    elif kind == 2:
        topic = rng.choice(TOPICS)
        title = f"Hội thảo khoa học “{topic[0].upper() + topic[1:]}”"
        paras = [
            f"Chiều ngày {day}, {SCHOOL} tổ chức hội thảo khoa học cấp trường với chủ đề {topic}.",
            f"Hội thảo nhận được {rng.randint(12, 30)} tham luận của cán bộ, giảng viên trong và ngoài "
            "trường, tập trung phân tích thực trạng và đề xuất giải pháp thiết thực.",
            "Kết luận hội thảo, đồng chí Hiệu trưởng đề nghị các khoa, phòng tiếp thu ý kiến, "
            "đưa kết quả nghiên cứu vào bài giảng ngay trong năm học.",
        ]
    elif kind == 3:
        title = f"Chi bộ Khoa Lý luận cơ sở sinh hoạt chuyên đề quý {rng.choice(['I', 'II', 'III', 'IV'])}" \
                f"/{when.year}"
        paras = [
            f"Thực hiện kế hoạch của Đảng ủy, ngày {day}, Chi bộ Khoa Lý luận cơ sở tổ chức sinh hoạt "
            f"chuyên đề về {rng.choice(TOPICS)}.",
            "Các đảng viên đã thảo luận sôi nổi, chỉ rõ những việc đã làm được và những hạn chế cần "
            "khắc phục trong thời gian tới.",
            "Chi bộ thống nhất ba nhóm giải pháp và phân công đảng viên phụ trách từng nội dung.",
        ]
    else:
        title = f"Đoàn cán bộ, giảng viên nghiên cứu thực tế tại {place}"
        paras = [
            f"Từ ngày {day}, đoàn cán bộ, giảng viên {SCHOOL} gồm {rng.randint(15, 40)} đồng chí "
            f"đi nghiên cứu thực tế tại {place}.",
            "Đoàn làm việc với lãnh đạo địa phương về tình hình phát triển kinh tế - xã hội, "
            "công tác xây dựng Đảng và hệ thống chính trị ở cơ sở.",
            "Chuyến đi giúp giảng viên có thêm tư liệu thực tiễn để bổ sung vào bài giảng.",
        ]
    return title, paras, table


def build_articles(count: int = 36, seed: int = 2024) -> list[DemoArticle]:
    rng = random.Random(seed)
    start = datetime(2022, 1, 10, 8, 0, tzinfo=VN)
    # About three weeks apart for a small site; closer for a big one, so that every date stays
    # in the past (a site of 5,000 articles spans ten years, not 260).
    step = min(timedelta(days=19), timedelta(days=3650) / max(count, 1))
    if count > 200:
        start = datetime(2014, 1, 6, 8, 0, tzinfo=VN)
    out = []
    for n in range(count):
        when = start + step * n + timedelta(hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
        title, paras, table = _news(rng, when, n)
        cat = CATEGORIES[n % 3][0] if n % 5 != 3 else "tin-hoat-dong"
        person = PEOPLE[n % len(PEOPLE)] if n % 4 != 3 else None
        out.append(DemoArticle(
            id=1000 + n, category=cat, slug=_slug(title), title=title, published=when,
            paragraphs=paras, person=person, credit_at_end=n % 2 == 1, table=table,
        ))
    return out
