"""Counts: a numbered part of a toll after a single one in its "including" list shares the toll's
fate; people treated for wounds are wounded; people aid reaches or is delivered to are civilians
affected; new arrivals are displaced; a relative lost or killed is one victim. Sentences written
for these tests, from different wars; each states what a reader would write down as the count."""
import pytest


# -- a numbered part after a single one in the list of a toll --------------------------------------

@pytest.mark.parametrize("text,part", [
    ("Medics reported 12 people killed in Kadugli, including a nurse and three children.", 3),
    ("The shelling left 9 people dead in Gorlivka, including a priest and two teenagers.", 2),
    ("Rescuers said 14 people were killed in Rafah, including a journalist and six children.", 6),
    ("Residents counted 21 villagers killed near Bunia, including a chief and four women.", 4),
    ("The army said 8 soldiers were killed near Menaka, including a captain and two sergeants.", 2),
    ("At least 30 people were killed in Sagaing, including a monk and five students.", 5),
    ("Health officials said 17 people were killed in Taiz, including a doctor and seven children.", 7),
    ("The drone strike killed 11 people in Idlib, including a teacher and three pupils.", 3),
    ("Gunmen killed 25 worshippers in Zamfara, including an imam and nine boys.", 9),
    ("Locals said 10 herders were killed in Benue, including a chief and four youths.", 4),
    ("The strike on the market killed 16 people in Mekelle, including a trader and five women.", 5),
])
def test_a_numbered_part_after_a_single_one_shares_the_toll(counted, text, part):
    found = counted(text)
    assert (part, "killed") in found and not any(c != "killed" for _, c in found), found


# -- people treated with wounds are wounded ------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("MSF said its team in Ulang had treated 37 people with blast and burn wounds.", 37),
    ("The hospital in Kherson treated 14 people with shrapnel wounds overnight.", 14),
    ("Medics in Khan Younis treated 52 people with gunshot wounds on Tuesday.", 52),
    ("The clinic in El Geneina treated 23 people with bullet wounds after the raid.", 23),
    ("Doctors in Goma treated 60 people with injuries from the blasts.", 60),
    ("The Red Crescent treated 19 people with burns after the strike in Aleppo.", 19),
    ("The field hospital near Pokrovsk treated 8 soldiers for shrapnel wounds.", 8),
    ("Nurses in Maiduguri treated 31 people with injuries from the bombing.", 31),
    ("Paramedics in Tyre treated 11 people with wounds from the drone strike.", 11),
    ("The ICRC surgical team in Mogadishu treated 27 people with blast injuries.", 27),
])
def test_people_treated_with_wounds_are_wounded(counted, text, value):
    assert (value, "wounded") in counted(text)


@pytest.mark.parametrize("text,value", [
    ("The team had treated 37 people with burn wounds, including nine children.", 9),
    ("Surgeons treated 40 people with shrapnel wounds, including 12 women.", 12),
    ("Medics treated 25 soldiers with gunshot wounds, including three officers.", 3),
])
def test_a_part_of_the_treated_is_wounded(counted, text, value):
    assert (value, "wounded") in counted(text)


# -- people aid reaches or is delivered to are civilians affected --------------------------------

@pytest.mark.parametrize("text,value", [
    ("Humanitarian partners have reached 38,000 people with food assistance in Chiure.", 38000),
    ("The World Food Programme delivered rice and cooking oil to 8,500 people in Monywa.", 8500),
    ("UNICEF has distributed water purification tablets to 12,000 people in Metuge.", 12000),
    ("Aid agencies reached 45,000 people with emergency supplies in North Darfur.", 45000),
    ("The Red Cross provided food parcels to 3,200 families in Kharkiv.", 3200),
    ("WFP airdropped rations to 20,000 people in the besieged town of Kauda.", 20000),
    ("Local volunteers distributed bread to 900 residents of Khan Younis.", 900),
    ("UNHCR delivered tents to 6,000 people in the camps near Baidoa.", 6000),
    ("The agency reached 15,000 people with clean water in Hodeidah.", 15000),
    ("The ICRC supplied drinking water to 70,000 people in Aleppo.", 70000),
    ("Partners reached 2,400 households with food aid in Tigray.", 2400),
])
def test_people_aid_reaches_are_civilians_affected(counted, text, value):
    assert (value, "civilians_affected") in counted(text)


def test_arms_delivered_to_fighters_keep_the_fighters_category(counted):
    assert (300, "troops") in counted("Russia supplied rifles to 300 fighters in Mali.")


# -- new arrivals are displaced -------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("The International Organization for Migration registered 21,400 new arrivals in Metuge.", 21400),
    ("UNHCR counted 3,500 new arrivals at the Adre crossing into Chad last week.", 3500),
    ("Camp managers in Baidoa recorded 1,200 new arrivals from the Bay region.", 1200),
    ("Officials in Cox's Bazar said 800 new arrivals had reached the camps.", 800),
    ("Aid workers in Renk registered 4,000 new arrivals from Sudan on Monday.", 4000),
    ("The agency logged 2,600 new arrivals in Goma after the fighting in Masisi.", 2600),
    ("Moldova reported 5,000 new arrivals from Odesa over the weekend.", 5000),
    ("Authorities in Gambella said 6,300 new arrivals crossed from Upper Nile.", 6300),
    ("The camp near Maiduguri took in 950 new arrivals from Bama.", 950),
    ("Lebanon registered 9,000 new arrivals from Syria at the Masnaa crossing.", 9000),
])
def test_new_arrivals_are_displaced(counted, text, value):
    assert (value, "displaced") in counted(text)


# -- a relative lost or killed is one victim -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Jeanne Mapendo, who sells cassava flour, lost her younger brother in the blast in Goma.",
    "Fatima Adam lost her sister in the shelling of El Fasher.",
    "Gunmen killed his cousin near Kaduna on Friday.",
    "The strike in Khan Younis killed her nephew.",
    "Oksana Bilous lost her grandson in the missile strike on Kharkiv.",
    "A sniper killed his uncle in Jenin on Sunday.",
    "Aung Kyaw lost his grandmother in the air strike on Sagaing.",
    "The drone strike near Marib killed her grandfather.",
    "Militants killed his niece in Borno on Saturday.",
    "The shell that hit Nabatieh killed their neighbour.",
])
def test_a_relative_lost_or_killed_is_one_victim(counted, text):
    assert counted(text) == [(1, "killed")]


# -- a couple is two victims; "a third", "another" is one more ----------------------------------

@pytest.mark.parametrize("text,category", [
    ("Mayor Andrii Sadovyi said an elderly couple died when debris fell on their house in Lviv.", "killed"),
    ("An elderly couple was killed when a shell hit their home in Kherson.", "killed"),
    ("A young couple was wounded by shrapnel in the centre of Nikopol.", "wounded"),
    ("An Israeli strike killed a couple in their apartment in Tyre.", "killed"),
    ("Gunmen killed a couple on the road to Bunia on Sunday.", "killed"),
    ("A couple was arrested in Khartoum for filming the army's positions.", "arrested"),
    ("The RSF detained an elderly couple at a checkpoint outside El Obeid.", "detained"),
    ("A drone strike near Marib killed a couple and their car burned.", "killed"),
    ("Soldiers shot and killed a couple near the market in Sagaing.", "killed"),
    ("Police in Goma arrested a couple suspected of spying for the rebels.", "arrested"),
])
def test_a_couple_is_two_victims(counted, text, category):
    assert counted(text) == [(2, category)]


@pytest.mark.parametrize("text,expected", [
    ("Militants attacked the checkpoint in al-Busayrah, killing two guards and wounding a third.",
     [(2, "killed"), (1, "wounded")]),
    ("The sniper near Avdiivka killed one soldier and wounded another.", [(1, "killed"), (1, "wounded")]),
    ("Gunmen in Zamfara killed three farmers and abducted a fourth.", [(3, "killed"), (1, "detained")]),
    ("The blast in Mogadishu killed two police officers and injured a third.", [(2, "killed"), (1, "wounded")]),
    ("Israeli fire killed four men near Khan Younis and wounded a fifth.", [(4, "killed"), (1, "wounded")]),
    ("The drone hit the car in Marib, killing one passenger and wounding another.",
     [(1, "killed"), (1, "wounded")]),
    ("Troops in Gao arrested two suspects and detained a third for questioning.",
     [(2, "arrested"), (1, "detained")]),
    ("Bandits shot dead two herders in Benue and injured another.", [(2, "killed"), (1, "wounded")]),
    ("The mine near Kidal killed three soldiers and maimed a fourth.", [(3, "killed"), (1, "wounded")]),
    ("Russian shelling of Nikopol killed two workers and hurt a third.", [(2, "killed"), (1, "wounded")]),
])
def test_a_third_or_another_is_one_more_victim(counted, text, expected):
    assert counted(text) == expected


@pytest.mark.parametrize("text", [
    "The talks in Doha will resume for a third time next week.",
    "A second convoy reached El Fasher on Friday.",
    "The army said another attack on the base in Menaka was repelled.",
    "Kyiv asked for another Patriot battery after the strike.",
    "Rebels seized a third town in North Kivu on Monday.",
])
def test_an_ordinal_without_a_count_of_people_before_is_no_victim(counted, text):
    assert counted(text) == []
