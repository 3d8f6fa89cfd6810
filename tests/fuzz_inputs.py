"""Hostile input files for the fuzz target (tests/test_fuzz.py) and `make fuzz` (tests/fuzz_run.py).

`hostile_file()` is a hypothesis strategy of (file name, bytes, expected number of results):
for a file of many units (JSON lines, WARC records, feed items, a JSON list) every unit must give
exactly one result, an Article or an InputError; a single-document file gives one (None: any
number >= 1 is fine, e.g. random bytes that happen to look like JSON lines).
"""
from __future__ import annotations

import gzip
import io
import json
import re

from hypothesis import strategies as st

SENTENCES = [
    "RSF fighters shelled a market in El Fasher on Sunday, killing nine traders, witnesses said.",
    "Gunmen attacked a convoy near Gao on Tuesday, the Malian army said in a statement.",
    "An air strike hit a shelter in Rafah overnight, the civil defence agency said.",
    "The junta's jets bombed a village in Sagaing region, residents told reporters.",
    "M23 rebels seized the town of Rubaya after heavy fighting, local officials said.",
    "Houthi forces fired a drone at a tanker in the Red Sea, the coalition said.",
    "Al-Shabaab militants stormed a hotel in Mogadishu, police said on Saturday.",
    "Russian missiles struck Kharkiv and Odesa overnight, Ukrainian officials said.",
    "Боевики обстреляли позиции армии у Алеппо, сообщило агентство.",
    "قال مسؤولون إن غارة جوية أصابت مبنى في بيروت.",
]

KINDS = ["good line", "nul line", "deep nesting", "huge integer", "malformed", "damaged utf8",
         "random bytes", "too few words", "not an object"]


def units():
    """Every hostile kind the generator makes, with what it is made of (for the coverage test)."""
    out = [(k, "jsonl") for k in KINDS]
    out += [("lying warc", "warc"), ("warc no uri", "warc"), ("warc garbage", "warc"), ("feed", "rss"),
            ("utf16 no bom", "txt"), ("damaged utf8", "txt"), ("deep html", "html"), ("unclosed html", "html"),
            ("random bytes", "any"), ("non-utf8 name", "txt"), ("json list", "json"), ("long sentence", "txt")]
    return out


def _sentence(draw) -> str:
    return draw(st.sampled_from(SENTENCES))


def _damage(draw, raw: bytes) -> bytes:
    b = bytearray(raw)
    if b:
        b[draw(st.integers(0, len(b) - 1))] = draw(st.sampled_from([0xFF, 0xC0, 0x80, 0xFE]))
    return bytes(b)


def _json_line(draw, kind: str) -> bytes:
    text = _sentence(draw)
    good = json.dumps({"id": f"x{draw(st.integers(0, 10**6))}", "text": text}, ensure_ascii=False).encode()
    depth = draw(st.integers(1100, 5000))
    return {
        "good line": good,
        "nul line": good.replace(b" ", b"\x00", 1),
        "deep nesting": b"[" * depth + b"]" * depth,
        "huge integer": good[:-1] + b', "n": ' + b"9" * draw(st.integers(4400, 8000)) + b"}",
        "malformed": good[: draw(st.integers(1, len(good) - 1))],
        "damaged utf8": _damage(draw, good),
        "random bytes": draw(st.binary(min_size=1, max_size=200)).replace(b"\n", b" "),
        "too few words": b'{"text": "Kharkiv."}',
        "not an object": b"[1, 2, 3]",
    }[kind]


@st.composite
def jsonl_file(draw):
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=12))
    lines = [_json_line(draw, k) for k in kinds]
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        lines = [b"{}"]
    data = b"\n".join(lines) + b"\n"
    name = draw(st.sampled_from(["dump.jsonl", "dump.ndjson", "dump.jsonl.gz"]))
    return name, gzip.compress(data) if name.endswith(".gz") else data, len(lines)


def _warc_records(draw, n: int) -> tuple[bytes, int]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    no_uri = draw(st.sets(st.integers(0, n - 1), max_size=1))
    for i in range(n):
        body = (f"<html><head><title>Report {i}</title></head><body><article><p>{_sentence(draw)}</p>"
                f"<p>{_sentence(draw)}</p></article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = w.create_warc_record(f"https://news.example/{i}", "response", payload=io.BytesIO(body),
                                   http_headers=headers)
        if i in no_uri:
            rec.rec_headers.remove_header("WARC-Target-URI")
        w.write_record(rec)
    return buf.getvalue(), n


@st.composite
def warc_file(draw):
    n = draw(st.integers(1, 5))
    data, expected = _warc_records(draw, n)
    lengths = list(re.finditer(rb"Content-Length: (\d+)\r\n", data))
    lied = draw(st.booleans())
    if lied:                                      # one record's Content-Length lies
        m = draw(st.sampled_from(lengths))
        true = int(m.group(1))
        lie = true + draw(st.sampled_from([-1, 1]) | st.integers(-true + 1, 400).filter(lambda d: d != 0))
        data = data[:m.start(1)] + str(lie).encode() + data[m.end(1):]
    if not lied and draw(st.booleans()):          # or garbage between two records (next to a lie,
        #                                           the lie's error covers it: one unit, not two)
        cut = draw(st.sampled_from([m.start() for m in re.finditer(rb"WARC/1\.\d\r\n", data)]))
        if cut > 0:
            data = data[:cut] + b"garbage \x00 not a record\r\n" + data[cut:]
            expected += 1
    name = draw(st.sampled_from(["crawl.warc", "crawl.warc.gz"]))
    return name, gzip.compress(data) if name.endswith(".gz") else data, expected


@st.composite
def feed_file(draw):
    n = draw(st.integers(1, 6))
    items = []
    for i in range(n):
        desc = draw(st.sampled_from([_sentence(draw), "", "<p>Short</p>", "&lt;b&gt;" + _sentence(draw)]))
        items.append(f"<item><title>Item {i}</title><link>https://x.example/{i}</link>"
                     f"<description><![CDATA[{desc}]]></description></item>")
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{"".join(items)}</channel></rss>'
    return "feed.rss", data.encode(), n


@st.composite
def json_list_file(draw):
    n = draw(st.integers(1, 6))
    items = [draw(st.sampled_from([{"text": _sentence(draw)}, {"text": "Two words"}, 7, None,
                                   {"text": _sentence(draw), "published": "notadate"},
                                   {"body": _sentence(draw), "date": "22 September 2022"}])) for _ in range(n)]
    return "list.json", json.dumps(items).encode(), n


@st.composite
def document_file(draw):
    text = f"Report\n\n{_sentence(draw)} {_sentence(draw)}\n"
    kind = draw(st.sampled_from(["utf16 no bom", "damaged utf8", "deep html", "unclosed html", "random bytes",
                                 "non-utf8 name", "long sentence"]))
    name = "story.txt"
    if kind == "utf16 no bom":
        data = text.encode(draw(st.sampled_from(["utf-16-le", "utf-16-be"])))
    elif kind == "damaged utf8":
        data = _damage(draw, text.encode())
    elif kind in ("deep html", "unclosed html"):
        depth = draw(st.integers(300, 6000))
        body = "<div>" * depth + f"<p>{_sentence(draw)}</p>" + ("</div>" * depth if kind == "deep html" else "")
        name, data = "page.html", f"<html><body>{body}</body></html>".encode()
    elif kind == "random bytes":
        name = draw(st.sampled_from(["x.txt", "x.html", "x.json", "x.xml", "x.warc", "x", "x.txt.gz"]))
        data = draw(st.binary(max_size=400))
    elif kind == "long sentence":
        words = draw(st.lists(st.sampled_from(_sentence(draw).rstrip(".").split()), min_size=400, max_size=3000))
        data = ("Report\n\n" + " ".join(words) + ".\n").encode()
    else:
        name = draw(st.sampled_from(["r\udce9port.txt", "\udcff\udcfe.txt", "caf\udce9-\udc80.html"]))
        data = text.encode()
    return name, data, 1 if kind != "random bytes" else None


def hostile_file():
    return st.one_of(jsonl_file(), warc_file(), feed_file(), json_list_file(), document_file())
