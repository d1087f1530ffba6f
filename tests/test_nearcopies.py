"""Near-copies linked to the earliest article: a story republished with its own first line, one
article on a merged school's two domains with different captions, a corrected re-post; never two
reports of different events written in the same set phrases."""
from __future__ import annotations

import json
import sqlite3

import pytest

from archive import nearcopies
from archive.filters import ArticleFilter
from archive.search import search
from archive.store import Archive
from tct.demo.server import Route, SiteServer
from tests.support import crawl, tct

STORY = [
    "Sáng ngày 24/01/2023, Trường Chính trị tỉnh Hòa An phối hợp với Trung tâm Chính trị thành phố "
    "tổ chức lễ khai giảng lớp Bồi dưỡng cán bộ Đoàn cơ sở khóa 23 cho 116 học viên.",
    "Phát biểu khai giảng, đồng chí Phó Hiệu trưởng nhấn mạnh ý nghĩa của lớp học đối với việc nâng cao "
    "năng lực lãnh đạo, quản lý của đội ngũ cán bộ trẻ ở cơ sở trong giai đoạn hiện nay.",
    "Trong thời gian ba tháng, học viên được nghiên cứu các chuyên đề về công tác thanh niên, kỹ năng "
    "tổ chức phong trào, kỹ năng vận động quần chúng và xây dựng tổ chức Đoàn vững mạnh.",
    "Đồng chí đề nghị học viên chấp hành nghiêm quy chế, tích cực trao đổi, thảo luận, gắn lý luận với "
    "thực tiễn công tác ở địa phương, đơn vị mình để vận dụng sau khóa học.",
    "Lớp học kết thúc vào cuối tháng 4, học viên hoàn thành chương trình sẽ được cấp giấy chứng nhận "
    "theo quy định của Học viện Chính trị quốc gia Hồ Chí Minh.",
]
CAPTION = "Ảnh: Quang cảnh lễ khai giảng lớp học tại hội trường nhà trường."


def text(paras) -> str:
    return "\n\n".join(paras)


def other_event() -> str:
    """The same set phrases, another class: other dates, numbers and place."""
    return text([STORY[0].replace("24/01/2023", "9/03/2023").replace("khóa 23", "khóa 45")
                 .replace("116", "92").replace("thành phố", "huyện Sơn Động"), *STORY[1:]])


def save(arc: Archive, url: str, body: str, published: str, site: str = "a") -> int:
    arc.save_article({"url": url, "title": "Khai giảng lớp bồi dưỡng cán bộ Đoàn", "published_at": published,
                      "author": None, "author_degree": None, "author_role": None, "body": body}, site=site)
    return arc.find_url(url)["id"]


def links(arc: Archive) -> dict[int, tuple[int | None, float | None]]:
    return {i: (d, s) for i, d, s in arc.db.execute(
        "SELECT id, near_duplicate_of, near_similarity FROM articles ORDER BY id")}


def test_copies_are_linked_to_the_earliest_and_other_events_are_not(db_path):
    with Archive(db_path) as arc:
        first = save(arc, "https://hoaan.vn/tin/1.html", text(STORY), "2023-01-24T10:00:00+07:00")
        republished = save(arc, "https://baotinh.vn/bai/9.html",
                           text(["(BHA) - Theo tin từ Trường Chính trị tỉnh, hôm nay nhà trường vừa khai "
                                 "giảng một lớp bồi dưỡng mới.", *STORY[1:], STORY[0]]),
                           "2023-01-25T08:00:00+07:00", site="b")
        captions = save(arc, "https://tct-hoaan.gov.vn/tin/1.html", text([*STORY[:3], CAPTION, *STORY[3:]]),
                        "2023-01-24T10:00:00+07:00", site="c")
        corrected = save(arc, "https://hoaan.vn/tin/1-sua.html",
                         text([STORY[0], STORY[1].replace("cán bộ trẻ", "cán bộ Đoàn trẻ"), *STORY[2:]]),
                         "2023-01-26T08:00:00+07:00")
        another = save(arc, "https://hoaan.vn/tin/2.html", other_event(), "2023-03-09T10:00:00+07:00")
        short = save(arc, "https://hoaan.vn/tin/3.html", STORY[0], "2023-03-10T10:00:00+07:00")
        short_copy = save(arc, "https://b.vn/tin/3.html", STORY[0] + " Hết.", "2023-03-11T10:00:00+07:00",
                          "b")
        outcome = nearcopies.link_pending(arc)
        got = links(arc)
    assert outcome.checked == 7
    for copy in (republished, captions, corrected):
        target, sim = got[copy]
        assert target == first and nearcopies.THRESHOLD <= sim <= 1.0, (copy, got[copy])
    assert got[first] == (None, None)
    assert got[another] == (None, None)  # same phrases, another class: not a copy
    assert got[short] == got[short_copy] == (None, None)  # too short to tell


def test_an_earlier_copy_arriving_later_becomes_the_one_pointed_to(db_path):
    with Archive(db_path) as arc:
        later = save(arc, "https://a.vn/1.html", text(STORY), "2023-02-01T08:00:00+07:00")
        copy = save(arc, "https://b.vn/1.html", text([*STORY, CAPTION]), "2023-02-02T08:00:00+07:00", "b")
        nearcopies.link_pending(arc)
        assert links(arc)[copy][0] == later
        original = save(arc, "https://c.vn/1.html", text(STORY[:4] + [STORY[4] + " Tin: Ban biên tập."]),
                        "2023-01-24T10:00:00+07:00", "c")  # a backfill brings the first publication
        nearcopies.link_pending(arc)
        got = links(arc)
        assert got[later][0] == original and got[copy][0] == original and got[original] == (None, None)
        # a second pass changes nothing; a rebuild gives the same links
        assert nearcopies.link_pending(arc).checked == 0
        nearcopies.rebuild(arc)
        assert links(arc) == got


def test_distinct_search_and_export_show_one_of_each_set(db_path):
    with Archive(db_path) as arc:
        save(arc, "https://a.vn/1.html", text(STORY), "2023-01-24T10:00:00+07:00")
        save(arc, "https://b.vn/1.html", text([*STORY, CAPTION]), "2023-01-25T08:00:00+07:00", "b")
        nearcopies.link_pending(arc)
        assert len(search(arc, "khai giang")) == 2
        assert [h["url"] for h in search(arc, "khai giang", ArticleFilter(distinct=True))] == ["https://a.vn/1.html"]
    out = tct("export", "--db", str(db_path), "--format", "jsonl", "-o", "-", "--distinct").stdout
    assert [json.loads(x)["url"] for x in out.splitlines()] == ["https://a.vn/1.html"]
    full = [json.loads(x) for x in tct("export", "--db", str(db_path), "--format", "jsonl", "-o", "-").stdout
            .splitlines()]
    assert full[1]["near_duplicate_of"] == 1 and full[1]["near_similarity"] >= nearcopies.THRESHOLD


@pytest.mark.slow
def test_a_crawl_links_its_new_articles_when_it_ends(db_path):
    page = ("<html><head><meta charset='utf-8'><title>{t}</title></head><body><h1>{t}</h1>"
            "<p>{d}</p>{body}</body></html>")

    def article(t, d, paras):
        return Route(page.format(t=t, d=d, body="".join(f"<p>{p}</p>" for p in paras)).encode())

    title = "Khai giảng lớp bồi dưỡng cán bộ Đoàn cơ sở khóa"
    routes = {
        "/": Route(("<html><body><ul>" + "".join(
            f"<li><a href='/tin/{n}.html'>Khai giảng lớp bồi dưỡng cán bộ Đoàn cơ sở số {n} năm 2023</a></li>"
            for n in (1, 2, 3)) + "</ul></body></html>").encode()),
        "/tin/1.html": article(f"{title} 23", "24/01/2023 10:00", STORY),
        "/tin/2.html": article(f"{title} 23 (cập nhật)", "26/01/2023 08:00",
                               [STORY[0], STORY[1].replace("cán bộ trẻ", "cán bộ Đoàn trẻ"), *STORY[2:]]),
        "/tin/3.html": article(f"{title} 45", "09/03/2023 10:00", other_event().split("\n\n")),
    }
    with SiteServer(routes) as site:
        crawl(site.url + "/", db_path)
    with sqlite3.connect(db_path) as conn:
        got = dict(conn.execute("SELECT url, near_duplicate_of FROM articles"))
        ids = dict(conn.execute("SELECT url, id FROM articles"))
    base = site.url
    assert got[base + "/tin/2.html"] == ids[base + "/tin/1.html"]
    assert got[base + "/tin/1.html"] is None and got[base + "/tin/3.html"] is None
    again = json.loads(tct("near-copies", "--db", str(db_path), "--json").stdout)
    assert again["checked"] == 0 and again["near_copies"] == 1


def test_worker_processes_link_exactly_as_one_process(db_path, tmp_path, monkeypatch):
    """A large backlog is sketched by worker processes: the links are the same."""
    def fill(path):
        with Archive(path) as arc:
            save(arc, "https://a.vn/1.html", text(STORY), "2023-01-24T10:00:00+07:00")
            save(arc, "https://b.vn/1.html", text([*STORY, CAPTION]), "2023-01-25T08:00:00+07:00", "b")
            save(arc, "https://a.vn/2.html", other_event(), "2023-03-09T10:00:00+07:00")
    fill(db_path)
    fill(tmp_path / "other.db")
    monkeypatch.setattr(nearcopies, "POOL_MIN", 1)
    with Archive(db_path) as one, Archive(tmp_path / "other.db") as many:
        nearcopies.link_pending(one, workers=1)
        nearcopies.link_pending(many, workers=2)
        assert links(one) == links(many) and links(one)[2][0] == 1
