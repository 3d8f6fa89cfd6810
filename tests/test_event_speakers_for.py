"""Who speaks for a body acts for it: a document by or from a party ("a joint statement by Egypt
and Qatar urged"), a spokesman of or for a party ("the army's spokesman", "a spokesman for the
Ukrainian navy"), unnamed officials of a capital ("officials in Khartoum" -> Sudan).

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


SPEAKERS_FOR = [
    ("A joint statement by Egypt and Qatar urged both sides to return to talks.", "REQUEST", "Egypt"),
    ("The army's spokesman accused the RSF of shelling civilians.", "ACCUSE", "army"),
    ("Officials in Khartoum accused the UAE of supplying weapons.", "ACCUSE", "Sudan"),
    ("A statement from Hamas rejected the Israeli conditions.", "REJECT", "Hamas"),
    ("The Houthis' spokesman threatened further attacks on shipping.", "THREATEN", "Houthis"),
    ("Hezbollah's spokesman condemned the strike on the village of Khiam.", "ACCUSE", "Hezbollah"),
    ("A communique from ECOWAS demanded the release of President Bazoum.", "REQUEST", "ECOWAS"),
    ("A spokesman for the Ukrainian navy accused Russia of mining the port.", "ACCUSE", "navy"),
    ("Officials in Kyiv accused Moscow of sabotaging the talks.", "ACCUSE", "Ukraine"),
    ("A letter from the African Union urged the junta to restore civilian rule.", "REQUEST", "African Union"),
]


@pytest.mark.parametrize("text,etype,party", SPEAKERS_FOR)
def test_who_speaks_for_a_body_acts_for_it(headed_events, text, etype, party):
    e = one_event(headed_events(text), etype)
    assert party in (e.actor or ""), e.actor


def test_a_junta_is_not_of_the_country_it_accuses(headed_events):
    e = one_event(headed_events("The junta's spokesman accused France of backing the jihadists."), "ACCUSE")
    assert e.actor_country != "FR"
