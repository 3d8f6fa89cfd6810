"""Event precision/recall on short articles written for the project (tests/fixtures/events/).

Each `<name>.events.json` lists the events an analyst would code; a predicted event matches when
its type is the same and its evidence holds the gold fragment. A precision floor guards against
invented events (warnings, questions, lists of places, analysis pieces must give none).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

FIX = Path(__file__).parent / "fixtures" / "events"


def _norm(s: str) -> str:
    return " ".join(s.replace("“", '"').replace("”", '"').replace("’", "'").split())


@pytest.fixture(scope="module")
def results():
    from sitrep.pipeline import analyse
    from sitrep.readers import read_inputs
    from sitrep.record import Article

    out = {}
    for txt in sorted(FIX.glob("*.txt")):
        gold = json.loads((FIX / f"{txt.stem}.events.json").read_text())
        article = next(a for a in read_inputs([txt], published="2024-06-01") if isinstance(a, Article))
        out[txt.stem] = (gold, analyse(article).events)
    return out


def _match(gold, events):
    used, pairs = set(), []
    for g in gold:
        for i, e in enumerate(events):
            if i not in used and e.type == g["type"] and _norm(g["evidence"]) in _norm(e.evidence):
                used.add(i)
                pairs.append((g, e))
                break
    return pairs


def test_events_precision_and_recall_on_project_articles(results):
    tp = fp = fn = 0
    for gold, events in results.values():
        pairs = _match(gold, events)
        tp += len(pairs)
        fp += len(events) - len(pairs)
        fn += len(gold) - len(pairs)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    assert precision >= 0.85 and recall >= 0.7, (precision, recall)


def test_matched_events_have_the_right_actor_and_source(results):
    right = total = 0
    for gold, events in results.values():
        for g, e in _match(gold, events):
            for slot in ("actor", "attributed_to"):
                total += 1
                gv, pv = g[slot], getattr(e, slot)
                right += (gv is None and pv is None) or bool(
                    gv and pv and (gv.lower() in pv.lower() or pv.lower() in gv.lower()))
    assert total and right / total >= 0.8, right / total


def test_analysis_piece_of_hypotheticals_and_questions_gives_no_event(results):
    gold, events = results["precision_analysis"]
    assert gold == [] and events == [], [(e.type, e.trigger, e.rule) for e in events]
