"""Accuracy of the whole pipeline on the project's annotated corpus (tests/fixtures).

The articles in tests/fixtures/articles were written for the project in the styles sitrep meets
(wire copy, machine translation, scraped pages, HTML, a JSON-lines feed); the gold records in
tests/fixtures/gold were annotated by hand, without looking at the extraction rules.

`pytest -s tests/test_accuracy.py` prints the score table; it is also written to
tests/artifacts/accuracy.json (with a per-article list of missed and spurious items).
The floors that guard these scores are in tests/eval_baseline.json (tests/test_quality_gate.py).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import evaluate as ev

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
GOLD = ROOT / "tests" / "fixtures" / "gold"
ARTIFACT = ROOT / "tests" / "artifacts" / "accuracy.json"

@pytest.fixture(scope="module")
def accuracy():
    from sitrep.run.local import extract_many
    from sitrep.readers import read_inputs
    from sitrep.record import InputError

    results = list(extract_many(read_inputs([ARTICLES])))
    errors = [r.line() for r in results if isinstance(r, InputError)]
    pred = ev.records_from(r for r in results if not isinstance(r, InputError))
    gold = ev.load_dir(GOLD)
    result = ev.score(gold, pred)
    result["violations"] = ev.violations(pred, ARTICLES)
    result["per_article"] = ev.breakdown(gold, pred)
    result["input_errors"] = errors
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\naccuracy on {len(gold)} project articles ({ARTIFACT.relative_to(ROOT)})")
    print(ev.format_table(result))
    return result


def test_every_fixture_article_becomes_a_record(accuracy):
    assert accuracy["input_errors"] == []
    assert accuracy["missing_ids"] == [], "gold articles with no record (reader ids?)"


def test_evidence_is_quoted_from_the_article(accuracy):
    assert accuracy["violations"]["evidence not in text"] == 0
    assert accuracy["violations"]["count category"] == 0
    assert accuracy["violations"]["event type"] == 0
