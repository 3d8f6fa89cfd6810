"""The article's cast: generic mentions of a party ("the government", "security forces",
"police", "army commanders") resolved to the party the story is about, with the article's
words kept in `actor_text` (events/cast.py).

Sentences written for these tests, from many wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


# a state's generic body with no side named acts for the state the story is in
HOME_BODIES = [
    ("The government declared a state of emergency in the Afar region of Ethiopia on Friday.",
     "COERCE", "ET", "government"),
    ("Security forces killed seven militants in a raid near Quetta, Pakistan, on Thursday.",
     "ASSAULT", "PK", "security forces"),
    ("Police arrested two suspected bomb makers in the Wadajir district of Mogadishu overnight.",
     "COERCE", "SO", "police"),
    ("Police detained 40 protesters in Khartoum on Sunday.", "COERCE", "SD", "police"),
    ("Authorities imposed a curfew on the town of Maiduguri in Nigeria after the bombing.",
     "COERCE", "NG", "authorities"),
    ("Army commanders said on Monday that they had captured a rebel commander near Lashio in Myanmar.",
     "COERCE", "MM", "commanders"),
    ("Riot police fired tear gas at demonstrators in Niamey, Niger, on Saturday.",
     "COERCE", "NE", "riot police"),
    ("Gendarmes arrested a local journalist in Ouagadougou, Burkina Faso, last week.",
     "COERCE", "BF", "gendarmes"),
    ("The government signed a ceasefire with the rebels in Bogota, Colombia, on Tuesday.",
     "AGREE", "CO", "government"),
    ("Soldiers raided a village near Goma in eastern Congo on Wednesday, killing three people.",
     "ASSAULT", "CD", "soldiers"),
    ("Police opened fire on a crowd in Port-au-Prince, Haiti, on Monday, wounding four people.",
     "ASSAULT", "HT", "police"),
]


@pytest.mark.parametrize("text,etype,country,words", HOME_BODIES)
def test_a_generic_state_body_acts_for_the_story_state(events, text, etype, country, words):
    e = one_event(events(text), etype)
    assert e.actor_country == country, (e.actor, e.actor_country)
    assert words in (e.actor_text or "").lower() and words in e.actor.lower()


def test_explain_shows_which_mention_the_actor_was_resolved_from(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Raid in Aden\n\nPolice arrested a suspected smuggler in Aden, Yemen, on Friday.\n",
                    encoding="utf-8")
    res = cli("explain", path)
    assert res.returncode == 0, res.stderr
    assert "actor=Yemeni police" in res.stdout
    assert "'police' with no side named" in res.stdout and "(YE)" in res.stdout


def test_a_body_with_its_own_side_keeps_it(events):
    e = one_event(events("Ukrainian police arrested a Russian agent in Odesa on Friday."), "COERCE")
    assert e.actor_country == "UA"
    e = one_event(events("Israeli police detained a Palestinian journalist in Ramallah on Sunday."), "COERCE")
    assert e.actor_country == "IL"


def test_troops_in_a_war_between_two_states_get_no_side_from_the_place(events):
    # Russian forces act in Ukraine: "troops" later may be either side's, never Ukraine's by the place
    found = events("Russian forces shelled Kharkiv on Monday, Ukrainian officials said. "
                   "Troops then stormed the village of Synkivka near Kupiansk in Ukraine.")
    assert found and all(e.actor_country != "UA" for e in found), [(e.actor, e.actor_country) for e in found]
