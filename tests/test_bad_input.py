"""Bad input: each bad file is one clear error naming it, and the run goes on."""
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.readers import MAX_BYTES, read_file, read_inputs
from sitrep.record import Article, InputError

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def only_error(path):
    [r] = list(read_file(path))
    assert isinstance(r, InputError), r
    assert "\n" not in r.message and r.origin == str(path)
    return r


def test_empty_file(tmp_path):
    assert only_error(INPUTS / "empty.txt").kind == "empty"
    (tmp_path / "blank.html").write_text("  \n\n ")
    assert only_error(tmp_path / "blank.html").kind == "empty"


def test_binary_files_are_refused_by_content_not_name(tmp_path):
    assert "PNG" in only_error(INPUTS / "picture.png").message
    disguised = tmp_path / "story.txt"
    disguised.write_bytes(b"abc\x00\x01\x02def" * 100)
    assert "not a text file" in only_error(disguised).message


def test_text_without_letters_or_sentences_is_empty(tmp_path):
    assert only_error(INPUTS / "no_letters.txt").kind == "empty"
    (tmp_path / "one.txt").write_text("Hello\n")
    assert only_error(tmp_path / "one.txt").kind == "empty"


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:          # sparse: instant, takes no disk
        fh.seek(MAX_BYTES + 10)
        fh.write(b"x")
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    err = only_error(big)
    assert err.kind == "too_large" and "50.0 MB" in err.message
    assert str(big) not in opened


def test_huge_line_in_jsonl_is_one_error_and_the_next_line_is_read(tmp_path):
    f = tmp_path / "big.jsonl"
    with open(f, "wb") as fh:
        fh.write(b'{"text": "' + b"a" * (MAX_BYTES + 5) + b'"}\n')
        fh.write(b'{"id": "ok", "text": "Ships left the port of Odesa on Monday."}\n')
    results = list(read_file(f))
    assert [type(r).__name__ for r in results] == ["InputError", "Article"]
    assert results[0].kind == "too_large" and results[0].origin.endswith(":1")


def test_not_a_feed_and_not_a_warc(tmp_path):
    (tmp_path / "x.rss").write_text("this is no feed at all, just some words")
    assert only_error(tmp_path / "x.rss").kind in ("parse", "empty")
    (tmp_path / "x.warc").write_text("hello there, not a web archive")
    assert only_error(tmp_path / "x.warc").kind in ("parse", "empty")


def test_missing_file_is_an_error_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Kyiv\n\nSirens sounded in Kyiv at noon, officials said.\n")
    out = list(read_inputs([tmp_path / "missing.txt", tmp_path / "a.txt"]))
    assert isinstance(out[0], InputError) and "no such file" in out[0].message
    assert isinstance(out[1], Article)


SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".xml", ".warc", ".gz", ""]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=600).map(lambda s: s.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_never_raise_and_always_yield_something(tmp_path, data, suffix):
    f = tmp_path / f"in{suffix}"
    f.write_bytes(data)
    results = list(read_file(f))
    assert results and all(isinstance(r, (Article, InputError)) for r in results)
    for r in results:
        if isinstance(r, InputError):
            assert r.message and "\n" not in r.message


def test_cli_extract_reports_each_failure_and_counts_add_up(cli, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ["junk_page.txt", "stories.jsonl", "empty.txt", "picture.png", "cp1251.txt", "feed.rss"]:
        shutil.copy(INPUTS / name, d / name)
    (d / "broken.html").write_text("<html><body><p>Explosions were heard in Odesa overnight, "
                                   "the city council said.<p><div>Air defence was active")
    errors = tmp_path / "e.jsonl"
    r = cli("extract", d, "--errors", errors)
    assert r.returncode == 1, r.stderr
    records = [json.loads(x) for x in r.stdout.splitlines()]
    failed = [json.loads(x) for x in errors.read_text().splitlines()]
    stderr_lines = [x for x in r.stderr.splitlines() if x.startswith("error: ")]
    # inputs: junk_page, stories x3, empty, picture, cp1251, rss x2, broken.html = 10
    assert len(records) + len(failed) == 10
    assert len(failed) == 3 and len(stderr_lines) == 3
    for e, line in zip(failed, stderr_lines):
        assert line == f"error: {e['origin']}: {e['message']}"
    named = " ".join(stderr_lines)
    assert "empty.txt" in named and "picture.png" in named and "stories.jsonl:2" in named
    junk = next(x for x in records if x["id"] == "junk_page")
    assert "Leave A Reply" in junk["boilerplate"]


def test_cli_extract_all_good_exits_zero(cli, tmp_path):
    f = tmp_path / "ok.txt"
    f.write_text("Strike on depot\n\nA missile hit a fuel depot near Lviv on Saturday, the governor said.\n")
    r = cli("extract", f, "--published", "2022-03-26")
    assert r.returncode == 0, r.stderr
    [rec] = [json.loads(x) for x in r.stdout.splitlines()]
    assert rec["published"] == "2022-03-26"


def test_cli_rejects_a_bad_published_date(cli, tmp_path):
    f = tmp_path / "ok.txt"
    f.write_text("Strike on depot\n\nA missile hit a fuel depot near Lviv on Saturday.\n")
    r = cli("extract", f, "--published", "someday")
    assert r.returncode == 2 and "not a date" in r.stderr


def test_text_longer_than_the_parser_takes_is_refused(tmp_path):
    from sitrep.readers.detect import MAX_TEXT_CHARS
    f = tmp_path / "long.txt"
    line = "Shelling continued near the town on Sunday, officials said.\n"
    f.write_text(line * (MAX_TEXT_CHARS // len(line) + 1))
    err = only_error(f)
    assert err.kind == "too_large" and "split" in err.message


# ---------------------------------------------------------------------------------------------
# One bad line, record or item costs that unit only (issue 14 §1)

GOOD_LINES = [
    "RSF fighters shelled a market in El Fasher on Sunday, killing nine traders, witnesses said.",
    "Gunmen attacked a convoy near Gao on Tuesday, the Malian army said in a statement.",
    "An air strike hit a shelter in Rafah overnight, the civil defence agency said.",
    "The junta's jets bombed a village in Sagaing region, residents told reporters.",
    "M23 rebels seized the town of Rubaya after heavy fighting, local officials said.",
    "Houthi forces fired a drone at a tanker in the Red Sea, the coalition said.",
]


def _good(i):
    return json.dumps({"id": f"good{i}", "text": GOOD_LINES[i % len(GOOD_LINES)]}).encode()


BAD_LINES = {
    "nul byte": b'{"id": "x", "text": "Shelling \x00 continued in Kharkiv overnight."}',
    "nested 2,000 deep": b"[" * 2000 + b"]" * 2000,
    "object nested 3,000 deep": b'{"a":' * 3000 + b"1" + b"}" * 3000,
    "5,000-digit integer": b'{"id": 1, "text": "Troops advanced near Bakhmut on Monday.", "n": ' + b"7" * 5000 + b"}",
    "malformed": b'{"id": "x", "text": "Clashes erupted in Tripoli"',
    "not an object": b'["Clashes erupted in Tripoli on Friday night."]',
    "no text field": b'{"id": "x", "body_html": "<p>Clashes in Mogadishu</p>"}',
    "too few words": b'{"id": "x", "text": "Mogadishu."}',
    "bytes in no encoding": b'{"id": "x", "text": "\x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d\x81\x8d"}',
    "text is a number": b'{"id": "x", "text": 12345}',
}


@pytest.mark.parametrize("kind", sorted(BAD_LINES))
def test_a_bad_jsonl_line_is_one_error_naming_its_line_and_its_neighbours_are_read(tmp_path, kind):
    f = tmp_path / "dump.jsonl"
    f.write_bytes(b"\n".join([_good(0), _good(1), BAD_LINES[kind], _good(2), b"", _good(3)]) + b"\n")
    results = list(read_file(f))
    errors = [r for r in results if isinstance(r, InputError)]
    arts = [r for r in results if isinstance(r, Article)]
    assert [a.id for a in arts] == ["good0", "good1", "good2", "good3"]
    assert [e.origin for e in errors] == [f"{f}:3"], kind
    assert "\n" not in errors[0].message and "Error" not in errors[0].message   # no exception name


def test_inputs_in_equal_records_plus_errors_counted_per_line(tmp_path):
    f = tmp_path / "mixed.jsonl"
    kinds = sorted(BAD_LINES)
    lines = []
    for i in range(30):
        lines.append(BAD_LINES[kinds[i % len(kinds)]] if i % 3 == 0 else _good(i))
    f.write_bytes(b"\n".join(lines) + b"\n")
    results = list(read_file(f))
    assert len(results) == 30
    assert sum(isinstance(r, InputError) for r in results) == 10
    assert [r.origin.rsplit(":", 1)[1] for r in results] == [str(i + 1) for i in range(30)]


def test_a_jsonl_file_that_is_really_binary_is_still_one_error(tmp_path):
    f = tmp_path / "image.jsonl"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    [err] = list(read_file(f))
    assert err.origin == str(f) and "PNG" in err.message


def test_a_bad_json_list_item_costs_that_item(tmp_path):
    f = tmp_path / "list.json"
    f.write_text(json.dumps([{"text": GOOD_LINES[0]}, {"text": "Too short"}, 7, {"text": GOOD_LINES[1]}]))
    results = list(read_file(f))
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "InputError", "Article"]
    assert results[1].origin == f"{f}#1" and results[2].origin == f"{f}#2"


def test_a_whole_json_file_nested_too_deeply_is_one_clear_error(tmp_path):
    f = tmp_path / "deep.json"
    f.write_bytes(b"[" * 5000 + b"]" * 5000)
    [err] = list(read_file(f))
    assert "nested too deeply" in err.message


def test_a_bad_feed_entry_costs_that_entry(tmp_path, monkeypatch):
    import sitrep.readers.feed as feed
    f = tmp_path / "feed.rss"
    items = "".join(f"<item><title>Item {i}</title><link>https://x.example/{i}</link>"
                    f"<description>{GOOD_LINES[i]}</description></item>" for i in range(4))
    f.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>')
    real = feed._entry_text

    def flaky(entry):
        if entry.get("link", "").endswith("/2"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(entry)
    monkeypatch.setattr(feed, "_entry_text", flaky)
    results = list(read_file(f))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "InputError", "Article"]
    assert results[2].origin == f"{f}#2"


# ---------------------------------------------------------------------------------------------
# WARC records: each its own unit

def _warc_bytes(pages, gz=False, drop_uri=()):
    import io as _io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = _io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i, (url, body) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = w.create_warc_record(url, "response", payload=_io.BytesIO(body), http_headers=headers)
        if i in drop_uri:
            rec.rec_headers.remove_header("WARC-Target-URI")
        w.write_record(rec)
    return buf.getvalue()


def _pages(n=4):
    return [(f"https://news.example/{i}",
             f"<html><body><article><h1>Report {i}</h1><p>{GOOD_LINES[i]}</p>"
             f"<p>Officials gave no further details on the situation.</p></article></body></html>".encode())
            for i in range(n)]


def _lie(data: bytes, record: int, delta: int | None, value: bytes | None = None) -> bytes:
    import re
    m = [m for m in re.finditer(rb"Content-Length: (\d+)\r\n", data)][record]
    new = value if value is not None else str(int(m.group(1)) + delta).encode()
    return data[:m.start(1)] + new + data[m.end(1):]


@pytest.mark.parametrize("lie", [+60, -80, +5, -1, b"12abc", b"999999999999999999"])
def test_a_warc_record_whose_content_length_lies_costs_that_record(tmp_path, lie):
    data = _warc_bytes(_pages())
    data = _lie(data, 1, lie if isinstance(lie, int) else None, lie if isinstance(lie, bytes) else None)
    f = tmp_path / "crawl.warc"
    f.write_bytes(data)
    results = list(read_file(f))
    arts = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [a.url for a in arts] == ["https://news.example/0", "https://news.example/2", "https://news.example/3"]
    assert len(errors) == 1 and errors[0].origin.startswith(f"{f}#") and "byte" in errors[0].message


def test_warc_garbage_between_records_is_one_error_and_reading_goes_on(tmp_path):
    pages = _pages()
    data = _warc_bytes(pages[:2]) + b"\x00garbage that is no record\r\n" * 3 + _warc_bytes(pages[2:])
    f = tmp_path / "crawl.warc"
    f.write_bytes(data)
    results = list(read_file(f))
    assert sum(isinstance(r, Article) for r in results) == 4
    assert sum(isinstance(r, InputError) for r in results) == 1


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_response_without_target_uri_is_a_clear_error(tmp_path, gz):
    f = tmp_path / ("c.warc.gz" if gz else "c.warc")
    f.write_bytes(_warc_bytes(_pages(3), gz=gz, drop_uri={1}))
    results = list(read_file(f))
    errors = [r for r in results if isinstance(r, InputError)]
    assert sum(isinstance(r, Article) for r in results) == 2
    assert len(errors) == 1 and "WARC-Target-URI" in errors[0].message
    assert "NoneType" not in errors[0].message and "Error" not in errors[0].message


def test_a_truncated_warc_keeps_the_records_before_the_cut(tmp_path):
    data = _warc_bytes(_pages())
    f = tmp_path / "cut.warc"
    f.write_bytes(data[: len(data) - 200])
    results = list(read_file(f))
    assert sum(isinstance(r, Article) for r in results) == 3
    [err] = [r for r in results if isinstance(r, InputError)]
    assert "truncated" in err.message


# ---------------------------------------------------------------------------------------------
# Encodings, names, nesting, messages (issue 14 §1, §6)

UTF16_TEXTS = [
    "Strike on Kharkiv\n\nRussian missiles hit an industrial area of Kharkiv overnight, the governor said.",
    "Sudan clashes\n\nThe army and the RSF fought in Omdurman on Friday, residents said.",
    "Обстріл Харкова\n\nРосійські ракети влучили в промислову зону Харкова вночі.",
    "غارة على غزة\n\nقالت وزارة الصحة إن الغارة أسفرت عن مقتل خمسة أشخاص.",
]


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("i", range(len(UTF16_TEXTS)))
def test_utf16_without_a_bom_is_detected_and_decoded(tmp_path, enc, i):
    f = tmp_path / "story.txt"
    f.write_bytes(UTF16_TEXTS[i].encode(enc))
    [a] = list(read_file(f))
    assert isinstance(a, Article), a
    assert a.text == UTF16_TEXTS[i].split("\n\n", 1)[0] + "\n\n" + UTF16_TEXTS[i].split("\n\n", 1)[1]
    assert any("utf-16" in w for w in a.warnings)



CJK_UTF16 = [
    "乌克兰哈尔科夫遭导弹袭击\n\n俄罗斯导弹周一夜间击中哈尔科夫一处工业区，州长说，至少三人受伤。\n",
    "苏丹军队与快速支援部队交火\n\n居民说，周五在恩图曼发生激烈战斗，一家医院被炮弹击中。\n",
    "ガザで空爆\n\n保健省によると、ハンユニスへの空爆で少なくとも5人が死亡した。\n",
    "ミャンマー軍が村を空爆\n\n住民によると、ザガイン地方の村が　月曜日に空爆された。\n",
    "하르키우에 미사일 공격\n\n러시아 미사일이 월요일 밤 하르키우의 산업 지역을 강타했다고 주지사가 말했다.\n",
    "예멘 후티 반군 드론 공격\n\n후티 반군이 홍해에서 상선을 향해 드론을 발사했다고 미군이 밝혔다.\n",
]


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("i", range(len(CJK_UTF16)))
def test_cjk_utf16_without_a_bom_is_decoded_not_refused_as_binary(tmp_path, enc, i):
    """Chinese, Japanese or Korean in UTF-16 has high bytes as varied as binary data's: it is
    told from binary by decoding cleanly in one byte order into letters of one script."""
    f = tmp_path / "story.txt"
    f.write_bytes(CJK_UTF16[i].encode(enc))
    [a] = list(read_file(f))
    assert isinstance(a, Article), a
    assert a.text.strip() == CJK_UTF16[i].strip()
    assert any(enc in w for w in a.warnings)


def _elf_body() -> bytes:
    """Machine code from the middle of a shared library (past its magic number)."""
    import _json
    with open(_json.__file__, "rb") as fh:
        data = fh.read()
    return data[len(data) // 3:len(data) // 3 + 8000]


NOT_TEXT = {
    "png": lambda rng: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(3000),
    "zip": lambda rng: b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + rng.randbytes(3000),
    "elf": lambda rng: b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(3000),
    "elf body, no magic": lambda rng: _elf_body(),
    "random with NULs": lambda rng: bytes(b if b % 7 else 0 for b in rng.randbytes(4000)),
    "compressed body": lambda rng: __import__("zlib").compress(rng.randbytes(2000) * 2)[2:] + b"\x00\x00",
    "float array": lambda rng: __import__("struct").pack("500d", *(rng.random() for _ in range(500))),
    "int array": lambda rng: __import__("struct").pack("900i", *(rng.randrange(-9, 70000) for _ in range(900))),
}


@pytest.mark.parametrize("kind", NOT_TEXT)
@pytest.mark.parametrize("seed", range(3))
def test_binary_is_still_refused_now_that_cjk_utf16_is_read(tmp_path, kind, seed):
    import random
    f = tmp_path / "file.txt"
    f.write_bytes(NOT_TEXT[kind](random.Random(seed)))
    [err] = list(read_file(f))
    assert isinstance(err, InputError) and "not a text file" in err.message, err


def test_a_stray_nul_in_utf8_cjk_text_is_not_read_as_utf16(tmp_path):
    """UTF-8 bytes paired up also read as ideographs: a UTF-8 file is never taken for UTF-16."""
    f = tmp_path / "story.txt"
    f.write_bytes(CJK_UTF16[0].encode("utf-8") + b"\x00" + CJK_UTF16[1].encode("utf-8"))
    [r] = list(read_file(f))
    assert isinstance(r, InputError) and "NUL" in r.message


DAMAGED = [
    "Russian forces shelled Харків and Ізюм on Monday, the regional governor Олег Синєгубов said.",
    "Сили оборони відбили атаки біля Бахмута та Авдіївки, повідомив Генштаб у вівторок вранці.",
    "قصفت الطائرات الإسرائيلية مدينة خان يونس جنوب قطاع غزة صباح اليوم حسب مصادر محلية.",
    "የኢትዮጵያ መከላከያ ሰራዊት በትግራይ ክልል ውጊያ መካሄዱን አስታወቀ ሲሉ ነዋሪዎች ተናግረዋል።",
    "စစ်ကောင်စီ တပ်များသည် စစ်ကိုင်းတိုင်း ရွာများကို လေကြောင်းဖြင့် တိုက်ခိုက်ခဲ့သည်။",
    "Les combattants du M23 sont entrés à Sake, à l'ouest de Goma, selon des sources sécuritaires.",
    "Des hommes armés ont attaqué un poste de l'armée près de Djibo, a déclaré un élu local.",
    "Боевики обстреляли позиции армии у Дамаска и Алеппо, сообщило сирийское агентство САНА.",
    "Al-Shabaab fighters attacked a base near Mogadishu — the ministry said — killing 7 soldiers.",
    "Güvenlik güçleri Halep'in kuzeyinde çatışmaların sürdüğünü açıkladı, dedi yetkililer.",
]


@pytest.mark.parametrize("i", range(len(DAMAGED)))
def test_one_damaged_byte_in_utf8_keeps_utf8_and_says_so(tmp_path, i):
    text = f"Report {i}\n\n{DAMAGED[i]} {DAMAGED[i]}\n"
    raw = bytearray(text.encode("utf-8"))
    pos = next(j for j in range(len(raw) // 2, len(raw)) if raw[j] >= 0xC0 or raw[j] == 0x20)
    raw[pos] = 0xFF
    f = tmp_path / "story.txt"
    f.write_bytes(bytes(raw))
    [a] = list(read_file(f))
    assert isinstance(a, Article), a
    kept = DAMAGED[i].split()[0]
    assert kept in a.text                        # the script is not garbled into a code page
    assert "\ufffd" in a.text and any("UTF-8" in w for w in a.warnings)


def test_a_damaged_byte_shows_in_the_record(tmp_path):
    from sitrep.pipeline import extract
    raw = bytearray(f"Shelling\n\n{DAMAGED[0]}\n".encode())
    raw[20] = 0xFF
    f = tmp_path / "story.txt"
    f.write_bytes(bytes(raw))
    [a] = list(read_file(f))
    rec = extract(a).to_json()
    assert rec["warnings"] and "UTF-8" in rec["warnings"][0]
    clean = extract(Article(id="c", text=DAMAGED[1])).to_json()
    assert "warnings" not in clean


def test_code_page_texts_are_not_taken_for_damaged_utf8():
    from sitrep.readers.detect import decode_text
    for text, enc in [("Київ і Харків: обстріли тривають, є загиблі та поранені", "cp1251"),
                      ("Les forces armées ont repoussé l'attaque près de Ménaka", "latin-1"),
                      ("قصفت الطائرات مدينة خان يونس جنوب قطاع غزة صباح اليوم", "cp1256")]:
        decoded, warning = decode_text(text.encode(enc))
        assert decoded == text and warning is None


BODY = ("<p>Fighters loyal to the council attacked positions near Tarhuna on Friday, a spokesman "
        "said.</p><p>Three people were wounded, hospital staff said.</p>")


@pytest.mark.parametrize("depth", [1000, 2500, 20000])
@pytest.mark.parametrize("closed", [True, False])
def test_an_article_nested_in_thousands_of_divs_still_gives_its_text(tmp_path, depth, closed):
    f = tmp_path / "deep.html"
    f.write_text("<html><head><title>Tarhuna</title></head><body>" + "<div>" * depth + BODY
                 + ("</div>" * depth + "</body></html>" if closed else ""))
    [a] = list(read_file(f))
    assert isinstance(a, Article), a
    assert "attacked positions near Tarhuna" in a.text and "Three people were wounded" in a.text


def test_an_unreadable_plain_text_is_not_called_compressed(tmp_path, monkeypatch):
    import sitrep.readers.detect as detect
    f = tmp_path / "locked.txt"
    f.write_text(GOOD_LINES[0])

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(detect, "open_stream", denied)
    err = only_error(f)
    assert "compressed" not in err.message and "Permission denied" in err.message


def test_a_damaged_gzip_is_called_compressed(tmp_path):
    f = tmp_path / "story.txt.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40)
    assert "compressed" in only_error(f).message


def test_non_utf8_file_names_are_kept_and_escaped(tmp_path):
    import os
    raw = os.fsencode(tmp_path) + b"/r\xe9port-\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(f"Sahel\n\n{GOOD_LINES[1]}\n".encode())
    [a] = list(read_inputs([tmp_path]))
    assert isinstance(a, Article)
    assert a.origin.endswith("r\\xe9port-\\xff.txt") and a.id == "r\\xe9port-\\xff"
    a.origin.encode("utf-8") and a.id.encode("utf-8")   # no lone surrogate left


# ---------------------------------------------------------------------------------------------
# A runaway article becomes one error row; the run goes on (issue 14 §2)

def _articles(n=3):
    return [Article(id=f"a{i}", text=f"Report {i}\n\n{GOOD_LINES[i]}", origin=f"in.jsonl:{i + 1}")
            for i in range(n)]


def _runaway_on(monkeypatch, marker, body):
    import sitrep.pipeline as pipeline
    pipeline.extract(_articles(1)[0])      # data files loaded before any budget counts
    real = pipeline.code_events

    def events(an):
        if marker in an.article.text:
            body()
        return real(an)
    monkeypatch.setattr(pipeline, "code_events", events)


def _spin():
    while True:
        try:                     # a stage's own `except Exception` must not swallow the budget
            sum(range(10_000))
        except Exception:
            pass


def test_an_article_over_its_time_budget_is_one_error_and_the_others_are_records(monkeypatch):
    from sitrep.run.local import extract_many
    from sitrep.run.budget import Budget
    _runaway_on(monkeypatch, "Gao", _spin)
    out = list(extract_many(iter(_articles()), budget=Budget(seconds=3, memory_mb=None)))
    assert [type(r).__name__ for r in out] == ["Record", "InputError", "Record"]
    assert out[1].origin == "in.jsonl:2" and out[1].message.startswith("too slow: ")
    assert out[1].kind == "too_slow"


def test_an_article_over_its_memory_budget_is_one_error(monkeypatch):
    from sitrep.run.local import extract_many
    from sitrep.run.budget import Budget
    hog = []

    def grow():
        while True:
            hog.append(bytearray(8 * 2**20))
    _runaway_on(monkeypatch, "Rafah", grow)
    try:
        out = list(extract_many(iter(_articles()), budget=Budget(seconds=None, memory_mb=200)))
    finally:
        hog.clear()
    assert [type(r).__name__ for r in out] == ["Record", "Record", "InputError"]
    assert out[2].message.startswith("too large: ")


def test_budget_comes_from_the_environment_and_zero_means_no_limit(monkeypatch):
    from sitrep.run.budget import Budget
    monkeypatch.setenv("SITREP_BUDGET_SECONDS", "12")
    monkeypatch.setenv("SITREP_BUDGET_MB", "0")
    b = Budget.configured()
    assert b.seconds == 12 and b.memory_mb is None
    assert Budget.configured(seconds=5).seconds == 5
    monkeypatch.setenv("SITREP_BUDGET_SECONDS", "soon")
    with pytest.raises(ValueError, match="SITREP_BUDGET_SECONDS"):
        Budget.configured()


def test_the_pool_gives_the_same_records_in_the_same_order_as_one_process():
    from sitrep.run.local import extract_many
    items = _articles(6) + [InputError("bad.txt", "empty file", "empty")]
    items.insert(2, InputError("x.jsonl:9", "malformed JSON", "parse"))
    one = [r.to_json() for r in extract_many(iter(items))]
    two = [r.to_json() for r in extract_many(iter(items), workers=2)]
    assert one == two and len(one) == len(items)


def test_a_pool_child_that_dies_costs_only_its_article(tmp_path):
    from sitrep.run.local import extract_stream
    items = _articles(4)
    items[1] = Article(id="killer", text="Report\n\n" + GOOD_LINES[1] + " SITREP-TEST-KILL", origin="in.jsonl:2")
    out = list(extract_stream(iter(items), workers=2, chunk_size=2, task=_kill_on_marker))
    assert [type(r).__name__ for r in out] == ["Record", "InputError", "Record", "Record"]
    assert out[1].origin == "in.jsonl:2" and "worker process died" in out[1].message


def _kill_on_marker(chunk, budget=None):
    import os

    from sitrep.run.local import extract_chunk
    if any(getattr(a, "text", "").endswith("SITREP-TEST-KILL") for a in chunk):
        os._exit(9)
    return extract_chunk(chunk, budget)


# ---------------------------------------------------------------------------------------------
# One dict -> Article path (the JSONL reader and the API)

def test_article_from_dict_validates_like_the_readers():
    from sitrep.readers import ReadFailure, article_from_dict
    a = article_from_dict({"text": GOOD_LINES[4], "published": "22 September 2022", "url": "https://x.example/1"},
                          "api")
    assert a.published == "2022-09-22" and a.url == "https://x.example/1" and a.origin == "api"
    for bad, why in [({"text": "Two words"}, "fewer than three words"),
                     ({"text": GOOD_LINES[0], "published": "notadate"}, "not a date"),
                     ({"title": "No text"}, "no \"text\" field"),
                     ([GOOD_LINES[0]], "expected a JSON object")]:
        with pytest.raises(ReadFailure, match=why):
            article_from_dict(bad, "api")
    lenient = article_from_dict({"text": GOOD_LINES[0], "published": "notadate"}, "f.jsonl:3", strict_dates=False)
    assert lenient.published is None and "not understood" in lenient.warnings[0]


@pytest.mark.parametrize("name", ["story.txt", "page.html", "feed.jsonl"])
def test_an_unreadable_plain_file_is_not_called_compressed(tmp_path, name):
    """A plain file the reader cannot open says why ("cannot read file (Permission denied)"),
    never "cannot read compressed file". Root reads any file, so there the denial is simulated."""
    import os
    from unittest import mock
    f = tmp_path / name
    f.write_text("Strike\n\nShelling hit Kharkiv on Monday, officials said.\n", encoding="utf-8")
    if os.geteuid() != 0:
        f.chmod(0)
        results = list(read_file(f))
    else:
        with mock.patch("builtins.open", side_effect=PermissionError(13, "Permission denied")):
            results = list(read_file(f))
    [err] = results
    assert isinstance(err, InputError) and "compressed" not in err.message
    assert "cannot read" in err.message and "Permission denied" in err.message


def test_a_dangling_link_named_txt_is_one_line_naming_it(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    link = tmp_path / "story.txt"
    link.symlink_to(tmp_path / "gone.txt")
    proc = subprocess.run([str(Path(sys.executable).parent / "sitrep"), "extract", str(link)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [f"error: {link}: no such file or directory"]
