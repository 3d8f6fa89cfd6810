"""Readers: each input format becomes Articles with text, title, url, source and an ISO date."""
import gzip
import io
import json
from pathlib import Path

import pytest

from sitrep.readers import iter_files, normalise_date, read_file, read_inputs
from sitrep.record import Article

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def articles(path, **kw):
    return [r for r in read_file(path, **kw) if isinstance(r, Article)]


def test_text_front_matter_sets_metadata_and_text_starts_after_it(tmp_path):
    f = tmp_path / "kyiv-report.txt"
    body = "Air raid in Kyiv\n\nSirens sounded across Kyiv on Monday morning, officials said.\n"
    f.write_text("---\nurl: https://x.example/a\npublished: 22 September 2022\nsource: X News\n"
                 "title: Air raid alert in Kyiv\n---\n" + body, encoding="utf-8")
    [a] = articles(f)
    assert a.text == body
    assert (a.id, a.url, a.source, a.published) == ("kyiv-report", "https://x.example/a", "X News", "2022-09-22")
    assert a.title == "Air raid alert in Kyiv"
    assert a.origin == str(f)


def test_text_without_front_matter_title_is_first_line_and_published_option_fills(tmp_path):
    f = tmp_path / "note"
    f.write_text("\n\n  Border closed at dawn  \nGuards closed the crossing on Friday, a spokesman said.\n")
    [a] = articles(f, published="2022-03-01")
    assert a.title == "Border closed at dawn"
    assert a.published == "2022-03-01"
    assert a.text.startswith("\n\n  Border closed")


def test_front_matter_date_wins_over_published_option(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\npublished: 2022-02-24T05:00:00Z\n---\nInvasion begins\n\nTroops crossed the border at dawn.\n")
    [a] = articles(f, published="2023-01-01")
    assert a.published == "2022-02-24"


def test_html_page_gives_body_title_date_site_without_navigation():
    [a] = articles(INPUTS / "page_junk.html")
    assert a.title == "Power cut across Kharkiv after missile strike"
    assert a.text.splitlines()[0] == a.title
    assert "150,000 households" in a.text
    assert a.published == "2023-02-11"
    assert a.source == "Frontline Daily"
    for junk in ("Log in", "We use cookies", "All rights reserved", "Ten things to do"):
        assert junk not in a.text
    assert a.id == "page_junk"


def test_broken_html_still_gives_its_text(tmp_path):
    f = tmp_path / "broken.html"
    f.write_text("<html><body><div><p>Shelling damaged a hospital in Mykolaiv overnight, "
                 "the regional governor said on <b>Sunday<p>Two nurses were hurt</div></span>")
    [r] = list(read_file(f))
    assert isinstance(r, Article)
    assert "Mykolaiv" in r.text and "Two nurses" in r.text


def test_jsonl_bad_line_is_an_error_naming_the_line_and_other_lines_go_on():
    results = list(read_file(INPUTS / "stories.jsonl"))
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "Article"]
    good, bad, third = results
    assert good.id == "w1" and good.published == "2022-03-29" and good.origin.endswith("stories.jsonl:1")
    assert bad.origin.endswith("stories.jsonl:2") and bad.kind == "parse"
    assert third.id == Article.make_id("https://wire.example/3")
    assert third.published == "2022-08-01"
    assert third.title == "Grain ship leaves Odesa"


def test_json_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "text": "Fighting continued near Bakhmut on Friday."}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "a", "text": "Troops advanced near Lyman, officials said."},
                                {"id": "b", "text": "Aid reached Kherson on Monday, the UN said."}]))
    [a] = articles(one)
    assert a.id == "one" and a.title == "T"
    assert [a.id for a in articles(many)] == ["a", "b"]


def test_cp1251_and_latin1_texts_are_decoded():
    [ru] = articles(INPUTS / "cp1251.txt")
    assert ru.title == "Обстрел Харькова"
    [fr] = articles(INPUTS / "latin1.txt")
    assert "réfugiés arrivés à la frontière" in fr.text


def test_rss_entries_become_articles_with_link_date_and_plain_text():
    arts = articles(INPUTS / "feed.rss")
    assert [a.url for a in arts] == ["https://border.example/checkpoint", "https://border.example/buses"]
    assert [a.published for a in arts] == ["2022-09-22", "2022-09-23"]
    first = arts[0]
    assert first.title == "Checkpoint reopens after week-long closure"
    assert "<b>" not in first.text and "Verkhnii Lars checkpoint reopened" in first.text
    assert first.source == "Border Monitor"
    assert first.origin.endswith("feed.rss#0")
    assert len({a.id for a in arts}) == 2


def test_atom_entry_uses_published_not_updated():
    [a] = articles(INPUTS / "feed.atom")
    assert a.published == "2022-10-01"
    assert a.url == "https://relief.example/izium"
    assert "14 trucks" in a.text and "&lt;" not in a.text and "<p>" not in a.text


def _warc(path: Path, pages, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers))
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


PAGE = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{p}</p>"
        "<p>Officials said the situation remained tense on Tuesday evening.</p></article></body></html>")


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_become_articles_with_url_and_stable_id(tmp_path, gz):
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(f, [
        ("https://news.example/a", "text/html; charset=utf-8",
         PAGE.format(t="Dam breached", p="Floodwater spread through villages below the dam, residents said.").encode()),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("https://news.example/b", "text/html",
         PAGE.format(t="Ceasefire talks", p="Envoys met in Geneva to discuss a local ceasefire, diplomats said.").encode()),
    ], gz=gz)
    arts = articles(f)
    assert [a.url for a in arts] == ["https://news.example/a", "https://news.example/b"]
    assert arts[0].id == Article.make_id("https://news.example/a")
    assert "Floodwater spread" in arts[0].text and arts[0].title == "Dam breached"
    assert "#" in arts[0].origin
    assert [a.id for a in articles(f)] == [a.id for a in arts]   # stable across reads


def test_warc_page_in_a_declared_charset(tmp_path):
    f = tmp_path / "ru.warc.gz"
    page = PAGE.format(t="Обстрел Харькова", p="В четверг в центре Харькова погибли два человека, сообщили власти.")
    _warc(f, [("https://ru.example/1", "text/html; charset=windows-1251", page.encode("cp1251"))])
    [a] = articles(f)
    assert a.title == "Обстрел Харькова" and "погибли два человека" in a.text


def test_gz_of_text_and_jsonl(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Port closed\n\nThe port of Berdyansk was closed on Monday.\n".encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "Strike hit Sumy overnight, officials said."}\n'))
    arts = [r for r in read_inputs([tmp_path]) if isinstance(r, Article)]
    assert [a.id for a in arts] == ["a", "x"]


def test_directories_are_read_recursively_sorted_skipping_hidden(tmp_path):
    for rel in ["b/2.txt", "a.txt", "b/1.txt", ".git/x.txt", "b/.hidden.txt", ".secret/y.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Title {rel}\n\nSome words about events in {rel} here.\n")
    assert [str(p.relative_to(tmp_path)) for p in iter_files([tmp_path])] == ["a.txt", "b/1.txt", "b/2.txt"]
    assert [a.id for a in read_inputs([tmp_path])] == ["a", "1", "2"]


@pytest.mark.parametrize("value, iso", [
    ("2022-09-22", "2022-09-22"), ("2022-09-22T10:00:00Z", "2022-09-22"),
    ("22 September 2022", "2022-09-22"), ("September 22, 2022", "2022-09-22"),
    ("Thu, 22 Sep 2022 10:00:00 GMT", "2022-09-22"), ("22 September", None), ("", None),
    ("not a date", None), ("2022-13-45", None),
])
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_a_rule_at_the_top_is_not_front_matter(tmp_path):
    f = tmp_path / "rule.txt"
    text = "---\nShelling in Avdiivka\n\nThe town was shelled again on Sunday, officials said.\n---\nMore later.\n"
    f.write_text(text)
    [a] = articles(f)
    assert a.text == text
    assert a.title == "Shelling in Avdiivka"
