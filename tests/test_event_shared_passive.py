"""A past participle joined to a passive verb shares its subject: in "the governor was
overthrown and killed in 2019" and "two fighters were wounded and were held by the army" the
second verb's victims are the first one's. The act is coded with those victims as its target
(and, with no doer named, with no actor). A joined verb with an object of its own keeps it.

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


SHARED = [
    ("Two fighters were wounded and were held by the army near Marib.", "COERCE", "fighters"),
    ("Three journalists were beaten and detained by police in Harare on Monday.", "COERCE", "journalists"),
    ("Six villagers were rounded up and arrested by soldiers in Sagaing.", "COERCE", "villagers"),
    ("The regional governor was ousted and killed in Kordofan in 2023.", "ASSAULT", "governor"),
    ("Four aid workers were stopped and abducted near Kidal on Sunday.", "ASSAULT", "aid workers"),
    ("Two activists were questioned and then detained by the Houthis in Sanaa.", "COERCE", "activists"),
    ("Several traders were robbed and killed on the road to Bunia on Friday.", "ASSAULT", "traders"),
    ("A local chief was dragged from his home and killed in Beni on Tuesday.", "ASSAULT", "chief"),
    ("Ten students were seized and taken into custody by militiamen in Gedo.", "COERCE", "students"),
    ("Five protesters were chased and arrested by riot police in Addis Ababa.", "COERCE", "protesters"),
]


@pytest.mark.parametrize("text,etype,victims", SHARED)
def test_a_joined_participle_shares_the_passive_subject(events, text, etype, victims):
    found = [e for e in events(text) if e.type == etype]
    assert found, [(e.type, e.trigger, e.target) for e in events(text)]
    assert any(victims in (e.target or "") or e.target == "civilians" for e in found), \
        [(e.trigger, e.target) for e in found]


def test_a_joined_verb_with_its_own_object_keeps_it(events):
    evs = events("The town was shelled and the army seized the bridge near Lysychansk.")
    coerce = one_event(evs, "COERCE")
    assert "bridge" in (coerce.target or ""), coerce.target
