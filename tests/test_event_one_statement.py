"""One speaker condemning an attack and accusing a party in one breath makes one ACCUSE
(issue 9, precision), whose target is the accused; two speakers make two.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

ONE = [
    ("Foreign Minister Andrii Sybiha condemned the strike on Odesa and accused Moscow of targeting "
     "grain exports.", "Moscow"),
    ("The Zamfara State Governor condemned the attack and accused the federal government of "
     "neglecting the state.", "federal government"),
    ("Sudan's foreign ministry condemned the shelling of El Fasher and accused the RSF of war crimes.",
     "RSF"),
    ("Lebanon's prime minister condemned the strike on Tyre and accused Israel of violating the "
     "ceasefire.", "Israel"),
    ("The Somali president condemned the bombing and accused al Shabaab of killing civilians.",
     "al Shabaab"),
    ("Myanmar's shadow government condemned the air raid and accused the junta of bombing a school.",
     "junta"),
    ("The Congolese government condemned the massacre and accused the M23 of executing villagers.",
     "M23"),
    ("Colombia's defence minister condemned the ambush and accused the ELN of attacking soldiers.",
     "ELN"),
    ("Yemen's government condemned the raid and accused the Houthis of detaining aid workers.",
     "Houthis"),
    ("The Palestinian Authority condemned the raid on Jenin and accused Israel of collective "
     "punishment.", "Israel"),
]


@pytest.mark.parametrize("text, accused", ONE)
def test_condemning_and_accusing_in_one_breath_is_one_accusation(typed_events, text, accused):
    found = typed_events(text, "ACCUSE")
    assert len(found) == 1, [(e.trigger, e.actor, e.target) for e in found]
    assert accused.lower() in (found[0].target or "").lower() or \
        accused.lower().split()[-1] in (found[0].target_text or "").lower(), found[0]


TWO = [
    ("Ukraine condemned the strike on Odesa, and Poland accused Moscow of terror.", 2),
    ("The UN condemned the attack on the camp. A day later, Chad accused the RSF of the killings.", 2),
]


@pytest.mark.parametrize("text, n", TWO)
def test_two_speakers_make_two_accusations(typed_events, text, n):
    assert len(typed_events(text, "ACCUSE")) == n
