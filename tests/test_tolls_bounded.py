"""Bounded tolls on a long article of one incident told again and again (issue 14): the tellings
of one incident share their figures, but an event keeps only the distinct tolls of its incident
(one report per figure, with its evidence), not one per telling; its own figure stays its toll."""
from __future__ import annotations

import random
import re

import pytest

PLACES = ["Goma", "Kharkiv", "Gao", "Marib", "Sagaing"]
FIGURES = [4, 9, 12, 30]


@pytest.fixture(scope="module")
def told():
    from sitrep.pipeline import analyse
    from sitrep.record import Article
    rng = random.Random(5)
    sents = [f"{rng.choice(FIGURES)} people were killed in {rng.choice(PLACES)}." for _ in range(500)]
    figures: dict[str, set] = {}
    for s in sents:
        n, place = re.match(r"(\d+) people were killed in (\w+)\.", s).groups()
        figures.setdefault(place, set()).add(int(n))
    text = "Tolls across the wars\n\n" + " ".join(sents) + "\n"
    an = analyse(Article(id="t", text=text, published="2024-06-12"))
    return an, figures


def _violent(an):
    return [e for e in an.events if e.fatalities is not None and e.location in PLACES]


def test_each_event_keeps_at_most_the_distinct_figures_of_its_incident(told):
    an, figures = told
    evs = _violent(an)
    assert len(evs) > 100, "the repeated tellings are coded as events"
    for ev in evs:
        reports = ev.fatalities_reports or []
        assert len(reports) <= len(figures[ev.location])
        values = [r["value"] for r in reports]
        assert len(values) == len(set(values)), "one report per figure"
        assert set(values) <= figures[ev.location], "only figures told of this place"


def test_each_report_is_told_in_its_evidence_and_the_own_figure_comes_first(told):
    an, _ = told
    for ev in _violent(an):
        reports = ev.fatalities_reports or []
        for r in reports:
            assert r["evidence"].startswith(f"{r['value']} people were killed in {ev.location}")
        if reports:
            assert reports[0]["value"] == ev.fatalities
            assert ev.toll_disputed


def test_differing_figures_of_one_incident_stay_a_dispute(told):
    an, figures = told
    disputed = [e for e in _violent(an) if e.toll_disputed]
    assert disputed, "an incident told with several figures is flagged"
    assert any(len(e.fatalities_reports) == len(figures[e.location]) for e in disputed)


def _many_figures(n: int):
    """One place told `n` times, each time with a different figure (a hostile or broken list)."""
    from sitrep.pipeline import analyse
    from sitrep.record import Article
    text = "Tolls\n\n" + " ".join(f"{10 + i} people were killed in Gao." for i in range(n)) + "\n"
    return analyse(Article(id="m", text=text, published="2024-06-12"))


def test_an_incident_told_with_hundreds_of_figures_lists_a_bounded_few_per_event():
    """Each event's reports stay a few (its own figure first), so the record grows with the
    article, not with the article squared (1 MB of tellings made a 230 MB record)."""
    from sitrep.events.tolls import MAX_REPORTS
    an = _many_figures(300)
    evs = [e for e in an.events if e.location == "Gao" and e.fatalities]
    assert evs, "the tellings are coded (as one incident or several)"
    assert all(2 <= len(e.fatalities_reports) <= MAX_REPORTS for e in evs)
    assert all(e.fatalities_reports[0]["value"] == e.fatalities for e in evs)
    assert all(e.toll_disputed for e in evs)


def test_the_record_written_in_pieces_is_the_same_json(told):
    """`sitrep extract` writes a record piece by piece; the text is exactly json.dumps's."""
    import json

    from sitrep.pipeline import to_record
    an, _ = told
    rec = to_record(an)
    rec.warnings = ["decoded as UTF-8 with 1 damaged byte replaced"]
    for with_text in (False, True):
        assert "".join(rec.json_pieces(include_text=with_text)) == \
            json.dumps(rec.to_json(include_text=with_text), ensure_ascii=False)
    rec.warnings, rec.body_chars = [], (3, 40)
    assert "".join(rec.json_pieces()) == json.dumps(rec.to_json(), ensure_ascii=False)
