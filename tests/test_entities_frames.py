"""Entities read from the words around a name: a name the model calls a person or an
organization in a place frame is a place ("residents of X", "the X areas"), and a longer
capitalised name the model tagged keeps its words when a state body sits inside it.

Every sentence here was written for these tests, from many wars.
"""
import pytest


def _names(items):
    return {x.name.lower() for x in items} | {a.lower() for x in items for a in x.aliases}


# -- a place frame makes the name a place, not a person or an organization -------------------------

PLACE_FRAMES = [  # sentence, the place it names (the model calls each a person or an org)
    ("Islamic State militants attacked a checkpoint in the town of al-Busayrah at night.",
     "al-Busayrah"),
    ("Hundreds of residents of Tabbet-Nord fled towards the coast after the gang raid.",
     "Tabbet-Nord"),
    ("Villagers of Kurmin Masara said the bandits came on motorbikes.", "Kurmin Masara"),
    ("Gunmen killed three farmers in the Kherbet Ayn areas overnight.", "Kherbet Ayn"),
    ("Aid workers said 200 families had crossed the Naf river into Bangladesh.", "Naf river"),
    ("A drone struck the road between Umm Kadada and Wad Banda on Friday.", "Umm Kadada"),
    ("A drone struck the road between Umm Kadada and Wad Banda on Friday.", "Wad Banda"),
    ("A Turkish drone struck a vehicle on the road between Qamishli and Amuda on Monday.",
     "Amuda"),
    ("SAKE, North Kivu - The blast came at the busiest hour.", "North Kivu"),
    ("The Congolese army remains dug in beyond Minova.", "Minova"),
    ("Civilians fled the camp of Abu Gharib outside Tawila.", "Abu Gharib"),
    ("The governor of Norte de Santander, William Villamizar, was less confident.",
     "Norte de Santander"),
]


@pytest.mark.parametrize("text,place", PLACE_FRAMES)
def test_a_name_in_a_place_frame_is_a_place(ents, text, place):
    persons, orgs, locations = ents(text)
    assert place.lower() in _names(locations), [l.name for l in locations]
    words = set(place.lower().split())
    assert not any(words & set(e.name.lower().split()) for e in persons + orgs), \
        ([p.name for p in persons], [o.name for o in orgs])


FRAMES_KEEP_ENTITIES = [  # sentence, the entity that stays, its kind
    ("Residents of Goma said M23 fighters had set up checkpoints.", "M23", "org"),
    ("The governor of the Central Bank of Yemen, Ahmed Ghaleb, resigned on Tuesday.",
     "Ahmed Ghaleb", "person"),
    ("Fighters from Hezbollah fired rockets across the border, the Israeli army said.",
     "Hezbollah", "org"),
    ("Talks between Ruto Kamau and Yoweri Museveni ended in Nairobi.", "Yoweri Museveni",
     "person"),
    ("Later the Ministry of Water Resources and the Ministry of the Interior issued a statement.",
     "Ministry of the Interior", "org"),
    ("The spokesman of the Rapid Support Forces denied the attack on the camp.",
     "Rapid Support Forces", "org"),
    ("Residents of the town said Amina Diallo, a nurse, had been taken by the gunmen.",
     "Amina Diallo", "person"),
]


@pytest.mark.parametrize("text,name,kind", FRAMES_KEEP_ENTITIES)
def test_a_real_entity_near_a_place_frame_stays(ents, text, name, kind):
    persons, orgs, _ = ents(text)
    assert name.lower() in _names(persons if kind == "person" else orgs), \
        ([p.name for p in persons], [o.name for o in orgs])


# -- the model's longer name wins over a state body inside it ------------------------------------

OUTER_NAMES = [
    ("The Operational Command of the Romanian Armed Forces said two drones fell near Galati.",
     "Operational Command of the Romanian Armed Forces"),
    ("The Government Information Office denied that the airport had been hit.",
     "Government Information Office"),
    ("The East African Community's Peace and Security Council met in Arusha on Friday.",
     "Peace and Security Council"),
    ("The Government Communication Service denied that civilians had been targeted in Amhara.",
     "Government Communication Service"),
    ("The Police Oversight Authority opened an inquiry into the shooting in Nairobi.",
     "Police Oversight Authority"),
    ("The Army Engineering Corps cleared mines on the road to Kherson, officials said.",
     "Army Engineering Corps"),
    ("The National Army Command in Mogadishu said the base was recaptured.",
     "National Army Command"),
    ("The Ministry of Defence Press Service said the Azerbaijani positions came under fire.",
     "Ministry of Defence Press Service"),
    ("The Government Media Centre in Sanaa said three people were killed.",
     "Government Media Centre"),
    ("The Army Veterans Welfare Board in Abuja paid the families of the fallen.",
     "Army Veterans Welfare Board"),
    ("The Police Complaints Commission in Lagos received 40 petitions after the raids.",
     "Police Complaints Commission"),
]


@pytest.mark.parametrize("text,name", OUTER_NAMES)
def test_the_full_capitalised_name_is_kept(ents, text, name):
    _, orgs, _ = ents(text)
    assert name.lower() in _names(orgs), [o.name for o in orgs]


STATE_BODIES_STAY = [  # the body is canonicalised when the model only adds "the" or a possessive
    ("The Russian Defence Ministry said its jets struck depots near Sumy.", "Russian"),
    ("Israel's Defence Ministry said the tenders would be signed in May.", "Israel"),
    ("The Lebanese Health Ministry said four people were killed in Tyre.", "Lebanese"),
]


@pytest.mark.parametrize("text,owner", STATE_BODIES_STAY)
def test_an_owned_state_body_keeps_its_canonical_name(ents, text, owner):
    _, orgs, _ = ents(text)
    assert any("ministry" in o.name.lower() for o in orgs), [o.name for o in orgs]


# -- a person the model tags as an organization, read from a role or a body word before it --------

LED_BY = [  # sentence, the person (the model tags most of these names ORG)
    ("The council's president, Fritz Alphonse Jean, said the curfew would last a month.",
     "Fritz Alphonse Jean"),
    ("The military ousted the elected government of Aung San Suu Kyi in 2021.", "Aung San Suu Kyi"),
    ("The assembly's speaker, Hamdok Abdalla Mirghani, called for talks in Jeddah.",
     "Hamdok Abdalla Mirghani"),
    ("Fighters loyal to the government of Ibrahim Traore patrolled Djibo.", "Ibrahim Traore"),
    ("The commission's chairman, Moussa Faki Mahamat, urged calm in Khartoum.",
     "Moussa Faki Mahamat"),
    ("The militia's commander, Bosco Ntaganda Kisembo, surrendered in Bunia.",
     "Bosco Ntaganda Kisembo"),
    ("Rebels denounced the regime of Isaias Afwerki Tesfay in a statement.", "Isaias Afwerki Tesfay"),
    ("They called on Prime Minister Abiy Ahmed's government to end the siege.", "Abiy Ahmed"),
    ("Kenya urged President Yoweri Museveni's government to open the border.", "Yoweri Museveni"),
    ("Donors pressed President Bola Tinubu's government to protect the schools.", "Bola Tinubu"),
    ("Hamas accused Prime Minister Benjamin Netanyahu's government of stalling.",
     "Benjamin Netanyahu"),
    ("The front's chairman, Debretsion Gebremichael, rejected the offer from Addis Ababa.",
     "Debretsion Gebremichael"),
]


@pytest.mark.parametrize("text,name", LED_BY)
def test_a_person_named_by_a_role_or_a_government_is_a_person(ents, text, name):
    persons, orgs, _ = ents(text)
    assert name in {p.name for p in persons}, ([p.name for p in persons], [o.name for o in orgs])
    surname = name.split()[-1]
    assert not any(surname in o.name for o in orgs), [o.name for o in orgs]


GOVERNMENTS_STAY = [  # a place's government or a named body after "of" is no person
    ("The government of Burkina Faso denied the claim on state television.", "Burkina Faso"),
    ("The government of South Sudan said the flights would resume.", "South Sudan"),
]


@pytest.mark.parametrize("text,place", GOVERNMENTS_STAY)
def test_the_government_of_a_country_names_no_person(ents, text, place):
    persons, _, _ = ents(text)
    assert not any(place.split()[-1] in p.name for p in persons), [p.name for p in persons]


# -- a body's part and the body, split by the model at "of", are one name -------------------------

PARTS = [  # the model tags the part and the body as two spans
    ("Poland scrambled fighter jets as Russian missiles flew toward western Ukraine, the "
     "Operational Command of the Polish Armed Forces said.",
     "Operational Command of the Polish Armed Forces"),
    ("The Western Command of the Malian National Guard said the convoy reached Gao.",
     "Western Command of the Malian National Guard"),
    ("The Transitional Military Council of the Armed Forces of Guinea announced a curfew.",
     "Transitional Military Council of the Armed Forces of Guinea"),
    ("The Federal Mediation Committee of the Ethiopian Army met elders in Bahir Dar.",
     "Federal Mediation Committee of the Ethiopian Army"),
    ("The Southern Command of the Yemeni Armed Forces said the Houthis shelled Taiz.",
     "Southern Command of the Yemeni Armed Forces"),
    ("The Logistics Directorate of the Kenyan Defence Forces sent trucks to Mandera.",
     "Logistics Directorate of the Kenyan Defence Forces"),
    ("The Central Command of the Somali National Army said 30 fighters were killed near Jowhar.",
     "Central Command of the Somali National Army"),
    ("The Northern Operations Command of the Nigerian Army said the camp near Gwoza was cleared.",
     "Northern Operations Command of the Nigerian Army"),
    ("The Executive Committee of the Lebanese Red Cross said two paramedics died.",
     "Executive Committee of the Lebanese Red Cross"),
    ("The Strategic Command of the Israeli Air Force said the jets struck Hodeidah.",
     "Strategic Command of the Israeli Air Force"),
]


@pytest.mark.parametrize("text,name", PARTS)
def test_a_part_of_a_body_and_the_body_are_one_name(ents, text, name):
    _, orgs, _ = ents(text)
    assert name in {o.name for o in orgs}, [o.name for o in orgs]


def test_a_known_body_after_of_stays_itself(ents):
    _, orgs, _ = ents("The Joint Operations Room of the Sudanese Armed Forces said the bridge "
                      "was retaken.")
    assert "Sudanese Armed Forces" in {o.name for o in orgs}, [o.name for o in orgs]
