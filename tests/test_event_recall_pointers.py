"""Recall through words that point back (issue 9): a release told of people named only by a
pronoun, a relative pronoun, a bare quantity or "N of them" is the release of the people they
stand for ("Police detained six protesters. All were released", "three organisers, who were
released", "Five of them were freed"). A statement or a ship "which they seized" stays no event.

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

POINTED_RELEASES = [
    # a relative pronoun: the passive subject of a relative clause is the noun it describes
    "Soldiers arrested four organisers of the sit-in in Khartoum, who were released on Friday.",
    "Police in Minsk detained two lawyers from the rights centre, who were freed after a night in custody.",
    "The Taliban held three aid engineers from a Swedish charity, who were released in Kabul on Monday.",
    # "all", "both": a passive subject opening the next clause or sentence
    "Security forces detained eleven students near the campus in Dhaka. All were released by evening.",
    "Houthi gunmen seized two UN staff members in Sanaa in June. Both were freed on Sunday.",
    "Myanmar troops rounded up villagers near Sagaing; all were released two days later.",
    # "N of them", "most of them": a count of the people told before
    "Bandits abducted twenty worshippers from a church in Kaduna. Twelve of them were released on Tuesday.",
    "Al-Shabaab fighters kidnapped nine truck drivers near Beledweyne. Six of them were freed after elders intervened.",
    "Gunmen seized fourteen passengers from a bus near Sokoto. Most of them were released after a ransom was paid.",
    "M23 rebels captured eight Congolese soldiers near Sake. Three of them were released to the Red Cross on Thursday.",
    "Police detained dozens of traders at the market in Harare, and several were released without charge.",
]


@pytest.mark.parametrize("text", POINTED_RELEASES)
def test_a_release_of_people_told_by_a_pointing_word_is_coded(typed_events, text):
    assert typed_events(text, "RETREAT"), text


NOT_RELEASES = [
    "The Houthis released a video of the tanker, which they seized in November.",
    "Kyiv received two shipments of shells in May, which were released from Polish depots.",
    "The army published figures on the fighting near Bakhmut, which were released late on Sunday.",
    "The World Bank approved $250 million in emergency funding for Lebanon.",
]


@pytest.mark.parametrize("text", NOT_RELEASES)
def test_a_pointing_word_for_things_gives_no_release(typed_events, text):
    assert not typed_events(text, "RETREAT"), text
