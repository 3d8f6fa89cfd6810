"""Persons from many naming traditions: a name the model splits in two is one person, a person
the model tags as an organization is read as a person from a role in apposition.

Every sentence here was written for these tests.
"""
import pytest

from sitrep.entities import _merge_split_names


# -- a name split into adjacent PERSON spans ------------------------------------------------------

SPLIT = [  # sentence, full name, token index where the model's first span would end
    ("Somali President Hassan Sheikh Mohamud vowed to drive al-Shabaab from Hiraan.",
     "Hassan Sheikh Mohamud", 1),
    ("Army chief Abdel Fattah al-Burhan rejected the truce offered in Jeddah.",
     "Abdel Fattah al-Burhan", 2),
    ("Tigrayan commander Tsadkan Gebretensae Gebreselassie said the lines were holding.",
     "Tsadkan Gebretensae Gebreselassie", 1),
    ("General Min Aung Hlaing promised the army would retake Lashio.", "Min Aung Hlaing", 1),
    ("Governor Babagana Umara Zulum condemned the attack on the camp near Dikwa.",
     "Babagana Umara Zulum", 2),
    ("Senator Maria Fernanda Cabal Molina criticised the talks with the ELN.",
     "Maria Fernanda Cabal Molina", 2),
    ("Commander Oleksandr Stanislavovych Syrskyi visited the front near Pokrovsk.",
     "Oleksandr Stanislavovych Syrskyi", 1),
    ("Minister Mohammad Ishaq Dar said Pakistan would answer the strikes.",
     "Mohammad Ishaq Dar", 1),
    ("President Felix Antoine Tshisekedi accused Kigali of backing the rebels.",
     "Felix Antoine Tshisekedi", 2),
    ("President William Samoei Ruto said Kenyan police would stay in Haiti.",
     "William Samoei Ruto", 2),
    ("Spokesman Ahmed Omar Hashi said the militants had fled Beledweyne.",
     "Ahmed Omar Hashi", 1),
]


def _span_of(doc, name):
    words = name.split()
    for i in range(len(doc)):
        if " ".join(t.text for t in doc[i:i + len(words)]) == name:
            return i, i + len(words)
    for i in range(len(doc)):                 # "al-Burhan" may be three tokens
        for j in range(i + 1, min(len(doc), i + 8) + 1):
            if doc[i:j].text == name:
                return i, j
    raise AssertionError(name)


@pytest.mark.parametrize("text,name,cut", SPLIT)
def test_adjacent_person_spans_are_one_name(nlp, text, name, cut):
    doc = nlp(text)
    s, e = _span_of(doc, name)
    merged = _merge_split_names(doc, [(s, s + cut, "PERSON"), (s + cut, e, "PERSON")])
    assert [doc[a:b].text for a, b, _ in merged] == [name]


@pytest.mark.parametrize("text", [
    "Putin and Zelensky met, while Erdogan, Ruto watched.",
    "Talks between Burhan, Dagalo stalled in Jeddah.",
])
def test_names_apart_by_punctuation_or_a_word_stay_apart(nlp, text):
    doc = nlp(text)
    names = [t.i for t in doc if t.text[:1].isupper() and t.i > 0 and not t.is_punct]
    spans = [(i, i + 1, "PERSON") for i in names]
    assert len(_merge_split_names(doc, spans)) == len(spans)


def test_two_person_spans_across_a_sentence_stay_apart(nlp):
    doc = nlp("The envoy met Dagalo\nBurhan refused to attend the talks in Jeddah.")
    a = [t.i for t in doc if t.text == "Dagalo"][0]
    b = [t.i for t in doc if t.text == "Burhan"][0]
    assert b == a + 1 or b == a + 2
    assert len(_merge_split_names(doc, [(a, a + 1, "PERSON"), (b, b + 1, "PERSON")])) == 2


# -- a person tagged as an organization -------------------------------------------------------

APPOSITION = [  # the person's name, a sentence where a role follows it in apposition
    ("Gustavo Petro", "Gustavo Petro, the president, ordered the army into Catatumbo."),
    ("Nayib Bukele", "Nayib Bukele, the Salvadoran president, said the prisons would stay full."),
    ("Hemedti", "Hemedti, the RSF commander, said his men held the Nyala airport."),
    ("Abiy Ahmed", "Abiy Ahmed, the prime minister, told parliament the Fano revolt was over."),
    ("Assimi Goita", "Assimi Goita, the junta leader, said the convoy had reached Kidal."),
    ("Zabihullah Mujahid", "Zabihullah Mujahid, the Taliban spokesman, denied the raid near Khost."),
    ("Corneille Nangaa", "Corneille Nangaa, the rebel leader, said Goma was calm."),
    ("Yahya Saree", "Yahya Saree, a military spokesman, said a drone had struck Eilat."),
    ("Bola Tinubu", "Bola Tinubu, the Nigerian president, sent troops to Kebbi."),
    ("Kyrylo Budanov", "Kyrylo Budanov, the intelligence chief, said Russia was short of shells."),
    ("Hassan Nasrallah", "Hassan Nasrallah, the former secretary general, was killed in Beirut."),
    ("Sultani Makenga", "Sultani Makenga, the rebel military chief, said the M23 would hold Bukavu."),
    ("Abdirahman Mahdi", "Abdirahman Mahdi, the rebel spokesman, said the convoy had left Bosaso."),
]


@pytest.mark.parametrize("name,text", APPOSITION)
def test_a_name_with_a_role_in_apposition_is_a_person(named, name, text):
    an = named(text)
    assert name in {p.name for p in an.persons}
    assert name not in {o.name for o in an.organizations}


@pytest.mark.parametrize("name,text", [
    ("Hamas", "Hamas, the group that runs Gaza, said the talks had failed."),
    ("Hezbollah", "Hezbollah, the Iran-backed movement, fired rockets at Safed."),
    ("Rapid Support Forces", "The Rapid Support Forces, the paramilitary, shelled El Fasher."),
])
def test_an_organization_with_a_group_apposition_stays_an_organization(named, name, text):
    an = named(text)
    assert name not in {p.name for p in an.persons}


# -- a town the model tags as a person ----------------------------------------------------------

TOWNS = [  # the town, a sentence where it follows a place preposition
    ("Beledweyne", "Troops pulled back from Beledweyne on Friday."),
    ("Bosaso", "Hundreds of families fled to Bosaso after the clashes."),
    ("Renk", "Fighting broke out in Renk on Tuesday, forcing thousands to flee."),
    ("Kadugli", "Shells fell near Kadugli overnight, witnesses said."),
    ("Gwoza", "Jihadists raided a camp outside Gwoza before dawn."),
    ("Lashio", "Rebel fighters pushed into Lashio from the north."),
    ("Djibo", "A supply convoy was ambushed on the road to Djibo."),
    ("Mweso", "Residents streamed out of the hills around Mweso."),
    ("Toretsk", "Russian troops advanced towards Toretsk at dawn."),
    ("Marib", "Houthi drones were shot down near Marib."),
    ("Bajaur", "Gunmen fired on a police post in Bajaur."),
]


@pytest.mark.parametrize("town,text", TOWNS)
def test_a_town_after_a_place_preposition_is_not_a_person(named, town, text):
    an = named(text)
    assert town not in {p.name for p in an.persons}
    assert town not in {o.name for o in an.organizations}


@pytest.mark.parametrize("name,text", [
    ("Mohamud", "Hassan Sheikh Mohamud flew to Mogadishu. Aid reached Beledweyne from Mohamud's office."),
    ("Ruto", "President William Ruto spoke in Nairobi. A message from Ruto was read out."),
    ("Burhan", "The envoy said a letter from General Burhan had arrived."),
])
def test_a_persons_name_after_a_preposition_stays_a_person(named, name, text):
    an = named(text)
    assert any(name in p.name or name in p.aliases for p in an.persons)


def test_a_claimed_town_becomes_a_place_of_the_article(named):
    an = named("Families fled to Bosaso after the clashes near Beledweyne.")
    names = {loc.name for loc in an.locations}
    assert {"Bosaso", "Beledweyne"} <= names


# -- peoples and acronyms the model tags as persons --------------------------------------------

PEOPLES = [
    ("Hutu", "Hutu militias attacked the camp near Goma."),
    ("Fulani", "Fulani herders clashed with farmers in Plateau State."),
    ("Tuareg", "Tuareg fighters ambushed a convoy near Kidal."),
    ("Rohingya", "Rohingya refugees fled across the Naf river."),
    ("Masalit", "Masalit elders said the militia had burned the market in Geneina."),
    ("Hazara", "Hazara families buried the dead in Quetta on Sunday."),
    ("Nuer", "Nuer youths raided cattle camps in Jonglei."),
    ("Oromo", "Oromo activists said the army had detained dozens in Nekemte."),
    ("Banyamulenge", "Banyamulenge villagers fled the fighting in the highlands of Minembwe."),
    ("Yazidi", "Yazidi survivors returned to Sinjar after a decade."),
    ("Kanuri", "Kanuri traders said the road to Damasak was closed."),
]


@pytest.mark.parametrize("people,text", PEOPLES)
def test_a_people_is_neither_a_person_nor_an_organization(named, people, text):
    an = named(text)
    names = {p.name for p in an.persons} | {o.name for o in an.organizations}
    assert not any(people in n.split() for n in names)


ACRONYMS = [
    "VDP auxiliaries said they had repelled the attack near Djibo.",
    "FARDC troops retook the village from the rebels.",
    "The SPLM-IO said its fighters had left Nasir.",
    "JNIM fighters blockaded the town for months.",
    "ISWAP militants attacked a base in Borno.",
    "FACA soldiers patrolled the streets of Bangui.",
    "PDF fighters said they had downed a junta drone in Sagaing.",
    "KNU forces seized an outpost near Myawaddy.",
    "SDF officials said the prison in Hasakah was secure.",
    "AFU units reported heavy shelling near Kupiansk.",
]


@pytest.mark.parametrize("text", ACRONYMS)
def test_an_acronym_is_never_a_person(named, text):
    an = named(text)
    acronym = text.split()[0] if text.split()[0] != "The" else text.split()[1]
    assert not any(acronym in p.name for p in an.persons)


# -- a person tagged as an organization, speaking ---------------------------------------------

SPEAKERS = [
    ("Gustavo Petro", "Gustavo Petro said the ceasefire with the guerrillas had ended."),
    ("Riek Machar", "Riek Machar said his forces would not disarm in Upper Nile."),
    ("Salva Kiir", "Salva Kiir told parliament that the clashes in Nasir were over."),
    ("Yoweri Museveni", "Yoweri Museveni said Ugandan troops would stay in Bunia."),
    ("Ousmane Sonko", "Ousmane Sonko said Senegal would not send troops to Mali."),
    ("Juan Guaido", "Juan Guaido said the talks in Oslo had failed."),
    ("Abiy Ahmed", "Abiy Ahmed warned that the army would retake Lalibela."),
    ("Tedros Adhanom", "Tedros Adhanom said hospitals in Gaza had run out of fuel."),
    ("Denis Pushilin", "Denis Pushilin claimed that Russian troops had entered Kurakhove."),
    ("Aliyu Musa", "Aliyu Musa told reporters the bandits had fled Zamfara."),
    ("Khaled Mashal", "Khaled Mashal said Hamas would not give up its weapons."),
]


@pytest.mark.parametrize("name,text", SPEAKERS)
def test_a_speaker_opening_with_a_given_name_is_a_person(named, name, text):
    an = named(text)
    assert name in {p.name for p in an.persons}
    assert name not in {o.name for o in an.organizations}


@pytest.mark.parametrize("name,text", [
    ("Human Rights Watch", "Human Rights Watch said the strike on Kharkiv was unlawful."),
    ("Mercy Corps", "Mercy Corps said aid convoys to Darfur had stopped."),
    ("Save the Children", "Save the Children said schools in Gaza had been hit."),
])
def test_a_speaking_organization_stays_an_organization(named, name, text):
    an = named(text)
    assert name not in {p.name for p in an.persons}
