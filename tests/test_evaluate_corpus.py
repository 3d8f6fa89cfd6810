"""The annotated corpus itself: every gold record fits the contract and quotes its article exactly.

These checks keep hand edits of tests/fixtures honest; they read the articles with a few lines of
their own (front matter, tags, JSON lines) so they do not depend on sitrep's readers.
"""
from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from sitrep import evaluate as ev

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES, GOLD = FIXTURES / "articles", FIXTURES / "gold"


def article_texts() -> dict[str, str]:
    """id -> article text (title included), whitespace normalised."""
    texts = {}
    for f in sorted(ARTICLES.iterdir()):
        raw = f.read_text(encoding="utf-8")
        if f.suffix == ".txt":
            assert raw.startswith("---\n"), f"{f.name}: no front matter"
            texts[f.stem] = raw.partition("\n---\n")[2]
        elif f.suffix == ".html":
            body = re.sub(r"<(script|style|head)\b.*?</\1>", " ", raw, flags=re.S)
            texts[f.stem] = html.unescape(re.sub(r"<[^>]+>", " ", body))
        elif f.suffix == ".jsonl":
            for line in raw.splitlines():
                d = json.loads(line)
                texts[d["id"]] = d["title"] + "\n" + d["text"]
    return {k: " ".join(v.split()) for k, v in texts.items()}


TEXTS = article_texts()
GOLD_RECORDS = ev.load_dir(GOLD)


def test_every_article_has_gold_and_every_gold_an_article():
    assert sorted(TEXTS) == sorted(GOLD_RECORDS)
    assert len(GOLD_RECORDS) >= 12


@pytest.mark.parametrize("rid", sorted(GOLD_RECORDS))
def test_gold_record_fits_the_contract(rid):
    g, text = GOLD_RECORDS[rid], TEXTS[rid]
    assert g["id"] == rid
    date.fromisoformat(g["published"])
    for field in ("quotes", "counts", "events"):
        for item in g[field]:
            assert " ".join(item["evidence"].split()) in text, f"{rid} {field}: {item['evidence'][:60]}"
    for q in g["quotes"]:
        assert q["speaker"] and q["text"]
        if q["direct"]:
            assert " ".join(q["text"].split()) in text, f"{rid}: direct quote not verbatim: {q['text'][:60]}"
    for c in g["counts"]:
        assert c["category"] in ev.COUNT_CATEGORIES and isinstance(c["value"], int) and c["value"] > 0
    for e in g["events"]:
        assert e["type"] in ev.EVENT_TYPES
        assert e["status"] in ("occurred", "claimed")
        if e["date"]:
            assert date.fromisoformat(e["date"]) <= date.fromisoformat(g["published"])
    for loc in g["locations"]:
        assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180
        assert loc["country"] is None or re.fullmatch(r"[A-Z]{2}", loc["country"])
    for field in ("persons", "organizations", "locations"):
        for item in g[field]:
            forms = [item["name"], *item["aliases"]]
            assert any(f.lower() in text.lower() for f in forms), f"{rid} {field}: {item['name']} not in text"


def test_corpus_covers_the_styles_sitrep_meets():
    suffixes = {f.suffix for f in ARTICLES.iterdir()}
    assert {".txt", ".html", ".jsonl"} <= suffixes
    text = " ".join(TEXTS.values())
    assert re.search(r"\d \d{3}\b", text) and "2,5" in text            # European numbers
    assert re.search(r"\"[^\"]+\"(said|he added)", text)                 # glued quotes
    assert "Read Also:" in text and "Leave A Reply" in text               # scraped junk
