"""The second act of a sentence is its own event: a conjoined verb with its own object ("arrested
ten men and seized weapons"), a trailing participle clause ("withdrew, taking with them three
trucks"), and a clause after ";" or "but" whose object is a pronoun standing for the first
clause's object ("took the town, but the militants recaptured it").

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest


def _by_trigger(evs, trigger):
    return [e for e in evs if (e.trigger or "").lower() == trigger]


# (sentence, first trigger, first type, second trigger, second type, second act's target word or None)
CONJOINED = [
    # conjoined verbs, each with its own object, two entries of one type
    ("Police in Mogadishu arrested ten suspects and seized weapons on Tuesday.",
     "arrested", "COERCE", "seized", "COERCE", None),
    ("Soldiers detained four traders in Maiduguri and confiscated their trucks, residents said.",
     "detained", "COERCE", "confiscated", "COERCE", None),
    ("Myanmar junta troops arrested two monks in Sagaing and looted the monastery's shop.",
     "arrested", "COERCE", "looted", "COERCE", None),
    # a trailing participle clause shares the main subject
    ("The M23 rebels withdrew from the town of Kitshanga, taking with them three trucks of fuel.",
     "withdrew", "RETREAT", "taking", "COERCE", None),
    ("Al-Shabaab fighters pulled out of the village of Bulo Burde, taking with them dozens of cattle.",
     "pulled", "RETREAT", "taking", "COERCE", None),
    ("The gunmen retreated into the forest near Gusau, taking with them two cars.",
     "retreated", "RETREAT", "taking", "COERCE", None),
    # a second clause after ";" or "but", its object a pronoun for the first clause's object
    ("The army took the town of Kidal in March, but the rebels recaptured it in April.",
     "took", "COERCE", "recaptured", "COERCE", "kidal"),
    ("RSF fighters seized the town of Um Rawaba in May, but the army retook it in June.",
     "seized", "COERCE", "retook", "COERCE", "rawaba"),
    ("Gunmen abducted 12 farmers in Zamfara state; they were released two weeks later.",
     "abducted", "ASSAULT", "released", "RETREAT", "farmers"),
    ("Houthi forces detained five aid workers in Sanaa on Monday; they were freed on Friday.",
     "detained", "COERCE", "freed", "RETREAT", "workers"),
    ("Russian troops captured the village of Krynky in January, but Ukrainian forces regained it in July.",
     "captured", "COERCE", "regained", "COERCE", "krynky"),
]


@pytest.mark.parametrize("text,t1,type1,t2,type2,target", CONJOINED)
def test_both_acts_are_coded(events, text, t1, type1, t2, type2, target):
    evs = events(text)
    first, second = _by_trigger(evs, t1), _by_trigger(evs, t2)
    assert [e.type for e in first] == [type1], [(e.type, e.trigger) for e in evs]
    assert [e.type for e in second] == [type2], [(e.type, e.trigger) for e in evs]
    if target:
        assert target in (second[0].target or "").lower(), second[0].target


def test_one_act_told_twice_stays_one_event(events):
    """Two verbs for one act on one object are still one event ("attacked and shelled the base")."""
    evs = events("Islamist fighters attacked and shelled the army base in Djibo on Sunday.")
    assert len([e for e in evs if e.type == "ASSAULT"]) == 1, [(e.type, e.trigger) for e in evs]
