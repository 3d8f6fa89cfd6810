"""Days told beside the event (issue 9, class 8): the day of a statement told by a participle
("the army said in a statement released on Tuesday") dates an event with no day of its own, as
"said on Tuesday" does; one side's release told right after a dated exchange between two sides
is part of that exchange and takes its day; an act of one side told after another dated act
is not given that act's day.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, etype, day", [
    ("Government troops seized the town of Kitshanga, the army said in a statement released on "
     "Tuesday.", "COERCE", "2024-04-30"),
    ("Azerbaijani forces shelled Armenian positions near Sotk, Yerevan said in a communique issued "
     "on Friday.", "ASSAULT", "2024-04-26"),
    ("The RSF attacked a convoy near El Obeid, the army said in a post published on Sunday.",
     "ASSAULT", "2024-04-28"),
    ("Israeli forces arrested 25 Palestinians in raids across the West Bank, the Palestinian "
     "Prisoners' Society said in a statement issued on Monday.", "COERCE", "2024-04-29"),
    ("Fano militias captured the town of Debre Tabor, the group said in a bulletin released on "
     "Thursday.", "COERCE", "2024-05-02"),
])
def test_a_statements_day_dates_the_event(events, text, etype, day):
    evs = [e for e in events(text) if e.type == etype]
    assert evs and evs[0].date == day


@pytest.mark.parametrize("text, day", [
    ("The Houthis and the Yemeni government exchanged 300 detainees on Sunday. The Houthis freed 120 "
     "government fighters, the ICRC said.", "2024-04-28"),
    ("Ukraine and Russia swapped 90 prisoners each on Friday. Ukraine released 90 Russian soldiers, "
     "and Russia freed 90 Ukrainians.", "2024-04-26"),
    ("Armenia and Azerbaijan exchanged prisoners of war on Wednesday. Azerbaijan handed over 32 "
     "Armenian soldiers.", "2024-05-01"),
    ("Israel and Hamas swapped hostages and prisoners on Saturday. Hamas released four Israeli "
     "women.", "2024-04-27"),
])
def test_one_sides_release_takes_the_exchanges_day(events, text, day):
    evs = [e for e in events(text) if e.type == "RETREAT"]
    assert len(evs) >= 2 and all(e.date == day for e in evs)


@pytest.mark.parametrize("text, etype", [
    ("M23 rebels seized Rubaya on Tuesday. The rebels also took control of the nearby mines, "
     "residents said.", "COERCE"),
    ("Russian air defences shot down 40 drones over Belgorod on Monday. A drone struck a minibus "
     "near Graivoron, the governor said.", "ASSAULT"),
])
def test_another_act_after_a_dated_one_keeps_no_day(events, text, etype):
    evs = [e for e in events(text) if e.type == etype]
    assert len(evs) == 2 and evs[0].date and evs[1].date is None
