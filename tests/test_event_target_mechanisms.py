"""Event targets by general mechanisms (issue 9, the target slot), each with sentences written
for these tests from many wars, run through the whole pipeline:

- a thing that is only someone's property is done to its owner ("positions held by X", "a
  vehicle of X", "X's courtyard", "a bus carrying soldiers");
"""
from __future__ import annotations

import pytest

from support import one_event


# ------------------------------------------------ a thing that is only someone's property

OWNED_THINGS = [
    ("A Russian drone hit a bus carrying Ukrainian soldiers near Pokrovsk on Friday.", "Ukrainian soldiers"),
    ("Sudanese army artillery shelled positions held by the Rapid Support Forces east of El Fasher.",
     "Rapid Support Forces"),
    ("An Israeli airstrike destroyed a car belonging to Hezbollah in the southern town of Nabatieh.", "Hezbollah"),
    ("Myanmar junta jets bombed positions of the Arakan Army near Sittwe on Tuesday.", "Arakan Army"),
    ("Al-Shabaab fighters ambushed a convoy of African Union troops outside Mogadishu.", "African Union troops"),
    ("M23 rebels shelled trenches manned by Congolese soldiers near Sake.", "Congolese soldiers"),
    ("Houthi forces fired a missile at a boat operated by the Yemeni coast guard off Mokha.", "Yemeni coast guard"),
    ("Boko Haram gunmen attacked a vehicle carrying aid workers near Monguno on Sunday.", "aid workers"),
    ("Turkish jets struck hideouts of the PKK in northern Iraq overnight.", "PKK"),
    ("Fano militiamen attacked a bus carrying federal police officers near Gondar.", "federal police officers"),
    ("An Israeli strike on the school's courtyard in Jabalia killed three people, medics said.", "school"),
]


@pytest.mark.parametrize("text,owner", OWNED_THINGS)
def test_property_hit_is_done_to_its_owner(events, text, owner):
    e = one_event(events(text), "ASSAULT")
    assert e.target == owner or (e.target_text or "").lower() == owner.lower()


def test_a_thing_with_no_owner_stays_the_thing(events):
    e = one_event(events("A drone struck a bus near Kherson on Monday, the governor said."), "ASSAULT")
    assert e.target == "bus"
