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


# -- one body under its demonym, possessive and "of Country" forms ---------------------------------

ONE_BODY = [  # text, two forms of one body
    ("Armenian armed forces units fired at the posts. Units of the Armed Forces of Armenia "
     "used small arms.", "Armed Forces of Armenia"),
    ("The Malian Armed Forces said the convoy reached Kidal. Mali's Armed Forces later "
     "denied losses.", "Malian Armed Forces"),
    ("The Armed Forces of Ukraine said 40 clashes took place. The Ukrainian Armed Forces "
     "also reported drone strikes.", "Ukrainian Armed Forces"),
    ("The Congolese National Police arrested 12 men. The National Police of Congo said more "
     "arrests would follow.", "National Police of Congo"),
    ("The Somali Electoral Commission postponed the vote. Somalia's Electoral Commission gave "
     "no new date.", "Somali Electoral Commission"),
    ("The Nigerian Air Force bombed a camp near Sambisa. The Air Force of Nigeria said 30 "
     "fighters died.", "Air Force of Nigeria"),
    ("The Ethiopian Human Rights Council documented the killings. Ethiopia's Human Rights "
     "Council called for an inquiry.", "Ethiopian Human Rights Council"),
    ("The Lebanese Civil Defence said two rescuers were hurt. Lebanon's Civil Defence later "
     "recovered three bodies.", "Lebanese Civil Defence"),
    ("The Burmese Election Commission annulled the results. The Election Commission of Burma "
     "was appointed by the junta.", "Election Commission of Burma"),
    ("The Sudanese Doctors Union counted 18 dead. The Doctors Union of Sudan said hospitals "
     "were full.", "Doctors Union of Sudan"),
]


@pytest.mark.parametrize("text,form", ONE_BODY)
def test_owner_forms_of_one_body_are_one_organization(orgs_of, text, form):
    orgs, _ = orgs_of(text)
    hits = [o for o in orgs if form == o.name or form in o.aliases]
    assert len(hits) == 1, [(o.name, o.aliases) for o in orgs]
    assert len(hits[0].mentions) == 2, [(o.name, o.aliases) for o in orgs]


TWO_BODIES = [
    "The Russian Defence Ministry said the strikes hit depots. The Russian Foreign Ministry "
    "summoned the envoy.",
    "The Sudanese Armed Forces shelled the market. The Chadian Armed Forces closed the border.",
]


@pytest.mark.parametrize("text", TWO_BODIES)
def test_different_bodies_or_owners_stay_apart(orgs_of, text):
    orgs, _ = orgs_of(text)
    assert len(orgs) >= 2, [(o.name, o.aliases) for o in orgs]


# -- a journalist credited at the end of a story is no person of the story -------------------------

CREDITS = [  # sentence, the journalist
    ("Associated Press writer Illia Novikov contributed to this report.", "Illia Novikov"),
    ("AP journalist Samy Magdy in Cairo contributed to this report.", "Samy Magdy"),
    ("Correspondent Baba Ahmed contributed reporting from Bamako to this story.", "Baba Ahmed"),
    ("Reuters reporter Aidan Lewis contributed to this article from Tripoli.", "Aidan Lewis"),
    ("Staff writer Nyabol Deng contributed to this report from Juba.", "Nyabol Deng"),
    ("Photographer Hkun Lat contributed to this story.", "Hkun Lat"),
    ("Freelance journalist Moki Edwin Kindzeka contributed to this report.",
     "Moki Edwin Kindzeka"),
    ("Associated Press writer Abby Sewell in Beirut contributed to this report.", "Abby Sewell"),
    ("Reporter Omar Faruk in Mogadishu contributed to this report.", "Omar Faruk"),
    ("AP writer Evens Sanon in Port-au-Prince contributed to this story.", "Evens Sanon"),
]


@pytest.mark.parametrize("text,name", CREDITS)
def test_a_credited_journalist_is_no_person(orgs_of, text, name):
    _, persons = orgs_of(text)
    assert name not in {p.name for p in persons}, [p.name for p in persons]


def test_a_person_who_contributes_something_else_stays(orgs_of):
    _, persons = orgs_of("Defence Minister Rustem Umerov contributed 40 drones to the brigade.")
    assert "Rustem Umerov" in {p.name for p in persons}


# -- a country office written as the body's acronym and the country is the body ---------------------

OFFICES = [  # sentence, office, acronym
    ("This report is produced by OCHA Mozambique in collaboration with partners.",
     "OCHA Mozambique", "OCHA"),
    ("UNICEF Sudan said 40 children were killed in El Fasher.", "UNICEF Sudan", "UNICEF"),
    ("MSF Belgium withdrew its staff from the hospital in Tawila.", "MSF Belgium", "MSF"),
    ("WFP Yemen suspended deliveries in Saada after the looting.", "WFP Yemen", "WFP"),
    ("UNHCR Chad registered 12,000 new arrivals at Adre.", "UNHCR Chad", "UNHCR"),
    ("UNICEF Ukraine delivered water pumps to Kherson.", "UNICEF Ukraine", "UNICEF"),
    ("MSF Lebanon said its clinic in Tyre had been damaged.", "MSF Lebanon", "MSF"),
    ("OCHA Ethiopia warned that fuel shortages had halted aid in Tigray.", "OCHA Ethiopia",
     "OCHA"),
    ("UNICEF Somalia said the drought had closed 200 schools.", "UNICEF Somalia", "UNICEF"),
    ("WFP Nigeria said rations in Borno would be cut in half.", "WFP Nigeria", "WFP"),
]


@pytest.mark.parametrize("text,office,acronym", OFFICES)
def test_a_country_office_is_its_body(orgs_of, text, office, acronym):
    orgs, persons = orgs_of(text + f" {acronym} later repeated the appeal.")
    assert not any(office in p.name for p in persons), [p.name for p in persons]
    hits = [o for o in orgs if office == o.name or office in o.aliases]
    assert len(hits) == 1 and len(hits[0].mentions) == 2, [(o.name, o.aliases) for o in orgs]
