"""Places of events (issue 9, class 7): a district is placed at its own city, a country's
centroid is never passed off as the event's point (`location_scope` "country", `geo_precision`
"country"), a dateline places only what has no place of its own and is not an attack, and
`location_scope` says how far the place was inferred from.

Sentences written for these tests, from several wars.
"""
from __future__ import annotations

import math

import pytest


@pytest.fixture
def events(analyse):
    def run(text, published="2024-05-02"):
        return analyse(text, published).events
    return run


def km(lat1, lon1, lat2, lon2):
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("text, district, city_point", [
    ("A drone hit an apartment block in the Solomianskyi district of Kyiv on Friday.",
     "Solomianskyi", (50.45, 30.52)),
    ("Israeli jets struck a house in the Shejaiya neighbourhood of Gaza City, killing five.",
     "Shejaiya", (31.5, 34.47)),
    ("Paramilitary fighters shelled a clinic in the Karari district of Omdurman on Monday.",
     "Karari", (15.64, 32.48)),
    ("Mortar rounds landed in the Bab al-Nasr quarter of Aleppo overnight, killing two.",
     "Bab al-Nasr", (36.2, 37.16)),
])
def test_a_district_is_placed_at_its_city(events, text, district, city_point):
    e = [x for x in events(text) if x.type == "ASSAULT"][0]
    assert e.location and district.split()[0] in e.location or e.location in text
    assert e.lat is not None and km(e.lat, e.lon, *city_point) < 50
    assert e.geo_precision in ("city", "point")


@pytest.mark.parametrize("text, country", [
    ("Russia launched 40 missiles at Ukraine overnight.", "UA"),
    ("Jihadist groups have attacked army posts across Burkina Faso this week.", "BF"),
    ("Protesters marched in Sudan on Friday against the army.", "SD"),
])
def test_a_country_is_never_the_events_point(events, text, country):
    evs = [e for e in events(text) if e.country == country and e.location]
    assert evs
    for e in evs:
        if e.lat is not None and e.location_scope != "clause":
            assert e.location_scope == "country" and e.geo_precision == "country"
        if e.geo_precision == "country":
            assert e.location_scope == "country"


def test_a_city_is_a_point(events):
    e = [x for x in events("Rebels shelled Goma airport on Sunday.") if x.type == "ASSAULT"][0]
    assert e.location and e.geo_precision in ("point", "city") and e.location_scope != "country"


def test_a_dateline_places_a_protest_but_never_an_attack(events):
    evs = events("KHARTOUM (Reuters) - Thousands of people marched on Friday against the army.")
    protest = [e for e in evs if e.type == "PROTEST"][0]
    assert (protest.location, protest.location_scope) == ("Khartoum", "dateline")
    evs = events("KYIV (Reuters) - Fresh Russian shelling killed three people, officials said.")
    assert all(e.location != "Kyiv" for e in evs)


def test_a_dateline_city_is_not_the_place_of_the_paragraph(events):
    evs = events("BAMAKO (AFP) - Gunmen killed four soldiers at a checkpoint, the army said.")
    assert all(e.location != "Bamako" for e in evs if e.type == "ASSAULT")


def test_scope_says_where_the_place_came_from(events):
    evs = events("Russian forces shelled Kharkiv on Monday.\nA missile hit a school, killing two "
                 "pupils.")
    assault = [e for e in evs if e.type == "ASSAULT" and "school" in (e.target or "")]
    assert assault and assault[0].location == "Kharkiv"
    assert assault[0].location_scope in ("paragraph", "article")


def test_a_group_the_ner_takes_for_a_place_is_not_a_place(events):
    evs = events("M23 rebels attacked Sake on Monday. Later a mortar round hit a school, killing "
                 "two pupils.")
    assert all(e.location != "M23" for e in evs)



def test_an_attack_told_without_a_place_takes_the_place_a_later_sentence_gives_it(events):
    evs = events("Soldiers killed 12 gunmen in a shootout, the army said. The shootout took "
                 "place on Sunday on the outskirts of Maiduguri, the state capital.")
    e = [x for x in evs if x.type == "ASSAULT"][0]
    assert e.location == "Maiduguri" and e.location_scope == "paragraph"


def test_the_dateline_city_in_the_sentence_is_not_the_place(events):
    evs = events("ADDIS ABABA (Reuters) - Government troops killed 20 fighters in clashes, the "
                 "army said.")
    assert all(e.location != "Addis Ababa" for e in evs if e.type == "ASSAULT")


@pytest.mark.parametrize("text, place", [
    ("Rebels captured the village of Kitshanga in North Kivu province on Sunday.", "Kitshanga"),
    ("Jihadists seized the town of Djibo in the Sahel region last week.", "Djibo"),
    ("Russian forces captured the village of Zhelanne in the Donetsk region on Tuesday.", "Zhelanne"),
])
def test_the_place_seized_is_more_precise_than_its_region(events, text, place):
    evs = [e for e in events(text) if e.type in ("COERCE", "ASSAULT")]
    assert evs and evs[0].location == place
