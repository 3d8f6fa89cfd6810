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
