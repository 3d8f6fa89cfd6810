"""Two tellings of one incident, merged (issue 9): the event kept takes the most precise place
of the two (a town named only in the retelling beats the region or country of the first
telling), and the day if only the retelling gives one. A retelling that opens on the act told
before ("The attack on the base in X ...") and names a place inside the first telling's region
or country is that incident told again.

Articles written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


RETOLD = [
    ("Jihadists attacked an army post in northern Burkina Faso, killing 12 soldiers. The attack on "
     "the post near Djibo began at dawn.", "Djibo", False),
    ("The RSF shelled a camp in North Darfur on Sunday, killing eight people. The shelling hit the "
     "Zamzam camp near El Fasher.", "El Fasher", False),
    ("Israeli jets struck a building in southern Lebanon overnight. The strike hit a house in "
     "Nabatieh, killing four.", "Nabatieh", False),
    ("Al-Shabaab fighters attacked a military base in Somalia on Friday. The assault on the base in "
     "Bulo Marer killed 11 soldiers.", "Bulo Marer", False),
    ("Junta aircraft bombed a village in Myanmar on Tuesday, killing 17 people. The bombing of the "
     "village in Sagaing region's Kani township wounded dozens.", "Kani", False),
    ("Armed men raided a village in Ethiopia, killing 30 people. The raid on the village near Gimbi "
     "happened on Wednesday, residents said.", "Gimbi", True),
    ("A drone struck a fuel depot in Yemen. The strike on the depot in Hodeidah on Saturday set off "
     "a blaze.", "Hodeidah", True),
    ("Rebels attacked an army base in Mali, killing 10 soldiers. The attack on the base at Kidal "
     "began before dawn.", "Kidal", False),
    ("Militants attacked a police post in Pakistan, killing five officers. The attack in Dera Ismail "
     "Khan began late on Monday.", "Dera Ismail Khan", True),
    ("Militiamen attacked a camp in Ituri province, killing 18 displaced people. The attack on the "
     "camp near Bunia happened on Sunday.", "Bunia", True),
]


@pytest.mark.parametrize("text, town, dated_later", RETOLD)
def test_the_kept_telling_takes_the_town_the_retelling_names(events, text, town, dated_later):
    attacks = [e for e in events(text) if e.type == "ASSAULT"]
    assert len(attacks) == 1, [(e.location, e.evidence[:40]) for e in attacks]
    e = attacks[0]
    assert e.location == town
    assert e.geo_precision != "country" and e.location_scope != "country"
    if dated_later:                  # only the retelling says the day: the incident has it
        assert e.date is not None


def test_another_incident_elsewhere_is_not_a_retelling(events):
    evs = events("Israeli jets struck a building in southern Lebanon on Monday. Another strike hit a "
                 "car in Tyre on Tuesday.")
    attacks = [e for e in evs if e.type == "ASSAULT"]
    assert len(attacks) == 2 and {e.location for e in attacks} >= {"Tyre"}


def test_a_place_in_another_country_does_not_merge(events):
    evs = events("Russian drones struck a depot in Ukraine overnight. The strike on a refinery in "
                 "Ryazan caused a fire, Russian officials said.")
    attacks = [e for e in evs if e.type == "ASSAULT"]
    assert not any(e.location == "Ryazan" and e.country == "UA" for e in attacks)
