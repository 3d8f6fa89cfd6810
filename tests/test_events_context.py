"""What one sentence tells the next: only events that were coded may pass on their place, actor
or country. A warning, plan or question names places and sides of acts that did not happen."""
from __future__ import annotations

import pytest

from sitrep.pipeline import analyse
from sitrep.record import Article


def _events(text, published="2024-03-01"):
    return analyse(Article(id="t", text=text, published=published)).events


@pytest.mark.parametrize("text, place, side", [
    ("Officials warned Russia may strike Odesa. A missile struck port infrastructure overnight.",
     "Odesa", "Russia"),
    ("Analysts fear Israel could bomb Beirut. A drone hit a car on a coastal road on Monday.",
     "Beirut", "Israel"),
    ("Residents worry that the RSF might shell El Fasher. Shells fell on a crowded market on Sunday.",
     "El Fasher", "Rapid Support Forces"),
])
def test_a_warned_strike_lends_neither_place_nor_attacker_to_the_next_real_one(text, place, side):
    events = _events(text)
    real = [e for e in events if e.type == "ASSAULT"]
    assert len(real) == 1, events
    assert real[0].location != place
    assert real[0].actor is None or side not in real[0].actor


def test_a_coded_strike_does_lend_its_place_to_a_follow_up():
    events = _events("Russian missiles struck Odesa on Monday, officials said.\n"
                     "The strike damaged port infrastructure.")
    assert events and events[0].location == "Odesa"
