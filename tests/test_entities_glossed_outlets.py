"""A group named with a gloss in parentheses ("the Tsentr (Center) battlegroup") is one
organization under its own name, and an outlet written in a dateline between slashes
("/TASS/.") or in lower case in parentheses ("(dpa) -") is an organization.

Every sentence here was written for these tests.
"""
import pytest


@pytest.fixture
def orgs_of(named):
    def run(text):
        an = named(text)
        return an.organizations, an.persons
    return run


GLOSSED = [  # sentence, the group's name
    ("Units of the Vostok (East) battlegroup took up better positions near Uspenivka.",
     "Vostok battlegroup"),
    ("The Sever (North) battlegroup struck manpower of three Ukrainian brigades near Vovchansk.",
     "Sever battlegroup"),
    ("The Zapad (West) battlegroup repelled five counterattacks near Kupyansk, the ministry said.",
     "Zapad battlegroup"),
    ("Artillery of the Dnepr (Dnieper) group hit a Ukrainian ammunition depot near Kherson.",
     "Dnepr group"),
    ("The Yug (South) battlegroup destroyed two armoured vehicles near Siversk.",
     "Yug battlegroup"),
    ("Troops of the Tsentr (Centre) group of forces advanced west of Pokrovsk overnight.",
     "Tsentr group of forces"),
    ("Soldiers of the Kavkaz (Caucasus) battlegroup were moved to the Kursk region.",
     "Kavkaz battlegroup"),
    ("The Tigray (Tigrai) militia said it had retaken the pass near Alamata.",
     "Tigray militia"),
    ("Volunteers of the Akhmat (Achmat) battalion took part in the assault on Tetkino.",
     "Akhmat battalion"),
    ("The Vostok (East) battlegroup said it shot down a drone. Units of the Vostok battlegroup "
     "later advanced.", "Vostok battlegroup"),
]


@pytest.mark.parametrize("text,name", GLOSSED)
def test_a_glossed_group_is_one_organization(orgs_of, text, name):
    orgs, persons = orgs_of(text)
    assert name in {o.name for o in orgs}, [o.name for o in orgs]
    first = name.split()[0]
    assert not any(p.name == first for p in persons), [p.name for p in persons]


def test_later_plain_mentions_join_the_glossed_group(orgs_of):
    orgs, _ = orgs_of("The Vostok (East) battlegroup said it shot down a drone. Units of the "
                      "Vostok battlegroup later advanced near Velyka Novosilka.")
    group = [o for o in orgs if o.name == "Vostok battlegroup"]
    assert len(group) == 1 and len(group[0].mentions) == 2


OUTLETS = [  # sentence, outlet
    ("MOSCOW, October 7. /TASS/. The Russian army took the village of Novopavlivka.", "TASS"),
    ("DONETSK, May 3. /TASS/. Shelling damaged a school in the city centre.", "TASS"),
    ("KURSK, June 9. /TASS/. Air defences downed 14 drones over the region.", "TASS"),
    ("MINSK, March 1. /BELTA/. Belarus began snap drills near the border.", "BELTA"),
    ("TEHRAN, April 2. /IRNA/. Iran summoned the Swiss envoy over the strike.", "IRNA"),
    ("Tel Aviv/Tehran (dpa) - Israel and Iran traded strikes overnight.", "dpa"),
    ("Beirut (dpa) - An Israeli drone hit a car near Tyre, killing two men.", "dpa"),
    ("Khartoum (dpa) - Paramilitary fighters shelled a market in Omdurman.", "dpa"),
    ("Kyiv (dpa) - Russia launched 60 drones at Ukraine overnight, the air force said.", "dpa"),
    ("Niamey (dpa) - Gunmen killed 12 soldiers in western Niger on Sunday.", "dpa"),
]


@pytest.mark.parametrize("text,outlet", OUTLETS)
def test_an_outlet_of_a_dateline_is_an_organization(orgs_of, text, outlet):
    orgs, _ = orgs_of(text)
    assert outlet in {o.name for o in orgs}, [o.name for o in orgs]


def test_a_slashed_path_in_running_text_names_no_outlet(orgs_of):
    orgs, _ = orgs_of("Fighters moved along the road and/or the river towards Bakhmut.")
    assert not orgs, [o.name for o in orgs]
