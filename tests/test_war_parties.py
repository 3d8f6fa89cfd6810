"""The parties of today's wars, named in one of their usual forms (acronym, full name, a
transliteration, a lower-case description), are one body: the organisation's canonical name
for the entities stage, and the event party's canonical name, side (country) and sector.

Sentences written for these tests, one list per war, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

# (sentence, canonical party, country, sector, whether the form is also an organisation entity)
UKRAINE = [
    ("The ZSU struck a Russian fuel depot near Belgorod overnight.",
     "Armed Forces of Ukraine", "UA", "military", True),
    ("The Armed Forces of Ukraine shelled Russian positions outside Pokrovsk on Friday.",
     "Armed Forces of Ukraine", "UA", "military", True),
    ("Russian Aerospace Forces bombed a bridge over the Oskil river on Tuesday.",
     "Russian Aerospace Forces", "RU", "military", True),
    ("The VKS bombed the town of Vovchansk on Monday.",
     "Russian Aerospace Forces", "RU", "military", False),
    ("The Russian air force struck a school in Sumy region on Monday.",
     "Russian Aerospace Forces", "RU", "military", False),
    ("Wagner fighters attacked a village near Bakhmut in the spring of 2023.",
     "Wagner Group", "RU", "military", True),
    ("The Black Sea Fleet launched cruise missiles at Odesa overnight.",
     "Black Sea Fleet", "RU", "military", True),
    ("The Azov Brigade repelled a Russian assault near Toretsk, its commander said.",
     "Azov Brigade", "UA", "military", True),
    ("The SBU detained a suspected Russian agent in Kharkiv on Thursday.",
     "Security Service of Ukraine", "UA", "government", True),
    ("Rosgvardia detained protesters in Moscow on Saturday.",
     "Rosgvardia", "RU", "military", True),
    ("The Ukrainian Navy struck a Russian patrol boat off Crimea on Sunday.",
     "Ukrainian Navy", "UA", "military", True),
]

SUDAN = [
    ("The RSF shelled a displacement camp outside El Fasher on Sunday.",
     "Rapid Support Forces", "SD", "rebel", True),
    ("Fighters of the Rapid Support Force stormed the village of Wad Madani.",
     "Rapid Support Forces", "SD", "rebel", True),
    ("The SAF shelled the town of Bara on Wednesday.",
     "Sudanese Armed Forces", "SD", "military", True),
    ("The Sudanese army launched air strikes on the market in Kabkabiya.",
     "Sudanese Armed Forces", "SD", "military", True),
    ("The Sudanese Armed Forces recaptured the town of Singa after days of fighting.",
     "Sudanese Armed Forces", "SD", "military", True),
    ("The Sudan Liberation Movement attacked an RSF convoy north of Tawila.",
     "Sudan Liberation Movement", "SD", "rebel", True),
    ("The SPLM-N shelled the city of Kadugli on Monday, residents said.",
     "Sudan People's Liberation Movement-North", "SD", "rebel", True),
    ("Sudan's army shot down a drone over Port Sudan on Tuesday.",
     "Sudanese Armed Forces", "SD", "military", False),
    ("Janjaweed militiamen burned the village of Misterei.",
     "Janjaweed", "SD", "rebel", True),
    ("UNICEF condemned the attack on a school in Omdurman.",
     "UNICEF", None, "igo", True),
]

SAHEL = [
    ("The FAMa attacked a jihadist camp near Gao on Monday.",
     "Malian Army", "ML", "military", True),
    ("The Malian Armed Forces killed 20 militants near Tessalit, the army said.",
     "Malian Army", "ML", "military", True),
    ("Africa Corps mercenaries raided a market near Niono on Sunday.",
     "Africa Corps", "RU", "military", True),
    ("JNIM fighters ambushed a convoy near Djibo on Thursday.",
     "JNIM", None, "rebel", True),
    ("ISSP militants killed 15 villagers near Menaka last week.",
     "Islamic State Sahel Province", None, "rebel", True),
    ("Islamic State Sahel Province fighters attacked an army post in Tillaberi.",
     "Islamic State Sahel Province", None, "rebel", True),
    ("The FLA shot down a Malian army drone near Kidal on Monday.",
     "Azawad Liberation Front", "ML", "rebel", True),
    ("The Azawad Liberation Front attacked a military camp in Tinzaouaten.",
     "Azawad Liberation Front", "ML", "rebel", True),
    ("The ISGS executed three village chiefs near Ansongo.",
     "Islamic State Sahel Province", None, "rebel", True),
    ("MINUSMA peacekeepers withdrew from their base in Aguelhok.",
     "MINUSMA", None, "igo", True),
    ("The Malian military bombed a wedding near Douentza, witnesses said.",
     "Malian Army", "ML", "military", False),
]

GAZA = [
    ("The IDF struck a school sheltering displaced families in Gaza City.",
     "Israel Defense Forces", "IL", "military", True),
    ("The Israel Defense Forces raided the Nur Shams camp near Tulkarem.",
     "Israel Defense Forces", "IL", "military", True),
    ("The Israeli military bombed a house in Deir al-Balah on Saturday.",
     "Israel Defense Forces", "IL", "military", False),
    ("The Qassam Brigades fired rockets at Ashkelon on Friday.",
     "Qassam Brigades", "PS", "rebel", True),
    ("The Izz ad-Din al-Qassam Brigades ambushed Israeli troops in Rafah.",
     "Qassam Brigades", "PS", "rebel", True),
    ("The Al-Quds Brigades fired mortars at an Israeli position near Khan Younis.",
     "Al-Quds Brigades", "PS", "rebel", True),
    ("Saraya al-Quds fighters attacked an Israeli tank east of Jabalia.",
     "Al-Quds Brigades", "PS", "rebel", True),
    ("PIJ militants fired rockets at Sderot on Monday.",
     "Palestinian Islamic Jihad", "PS", "rebel", True),
    ("The Israeli Air Force struck a tunnel shaft in Beit Hanoun.",
     "Israeli Air Force", "IL", "military", True),
    ("The Shin Bet arrested two Palestinians in Hebron on Wednesday.",
     "Shin Bet", "IL", "government", True),
    ("UNRWA condemned the strike on its school in Nuseirat.",
     "UNRWA", None, "igo", True),
    ("The Palestinian Red Crescent condemned an attack on its ambulance in Khan Younis.",
     "Palestinian Red Crescent Society", "PS", "ngo", True),
]

LEBANON = [
    ("Hezbollah fired a barrage of rockets at Kiryat Shmona on Tuesday.",
     "Hezbollah", "LB", "rebel", True),
    ("Hizbullah fighters attacked an Israeli outpost near Metula.",
     "Hezbollah", "LB", "rebel", True),
    ("Hezbullah launched drones at an Israeli base near Safed.",
     "Hezbollah", "LB", "rebel", True),
    ("Hizbollah fighters fired anti-tank missiles at Israeli troops near Shebaa Farms.",
     "Hezbollah", "LB", "rebel", True),
    ("The Lebanese Army deployed troops to the border town of Khiam.",
     "Lebanese Army", "LB", "military", True),
    ("The Lebanese Armed Forces arrested three men near Sidon on Friday.",
     "Lebanese Army", "LB", "military", True),
    ("The LAF dismantled a rocket launcher near Tyre on Sunday.",
     "Lebanese Army", "LB", "military", True),
    ("The Lebanese army detained a suspect in the Bekaa Valley.",
     "Lebanese Army", "LB", "military", False),
    ("UNIFIL condemned the shelling of its base in Naqoura.",
     "UNIFIL", None, "igo", True),
    ("Israeli forces fired on UNIFIL near Ramyeh on Thursday.",
     "UNIFIL", None, "igo", True),
]

MYANMAR = [
    ("The Tatmadaw bombed a monastery in Sagaing region on Sunday.",
     "State Administration Council", "MM", "military", True),
    ("The Myanmar military launched air strikes on villages in Magway.",
     "State Administration Council", "MM", "military", False),
    ("The Burmese army shelled the town of Lashio on Monday.",
     "State Administration Council", "MM", "military", False),
    ("The Arakan Army captured a navy base near Kyaukphyu.",
     "Arakan Army", "MM", "rebel", True),
    ("The KIA seized a jade mining town in Kachin State.",
     "Kachin Independence Army", "MM", "rebel", True),
    ("The Kachin Independence Army attacked a junta post near Bhamo.",
     "Kachin Independence Army", "MM", "rebel", True),
    ("The MNDAA withdrew from Lashio under a Chinese-brokered deal.",
     "Myanmar National Democratic Alliance Army", "MM", "rebel", True),
    ("The TNLA shelled junta positions near Kyaukme on Thursday.",
     "Ta'ang National Liberation Army", "MM", "rebel", True),
    ("People's Defense Forces ambushed a junta convoy in Sagaing.",
     "People's Defence Force", "MM", "rebel", True),
    ("PDF fighters attacked a police station near Monywa.",
     "People's Defence Force", "MM", "rebel", False),
    ("The NUG condemned the air strike on the school in Tabayin.",
     "National Unity Government", "MM", "rebel", True),
]

CONGO = [
    ("The FARDC shelled M23 positions near Sake on Monday.",
     "Armed Forces of the Democratic Republic of the Congo", "CD", "military", True),
    ("The Congolese army recaptured the village of Kalembe on Saturday.",
     "Armed Forces of the Democratic Republic of the Congo", "CD", "military", False),
    ("M23 rebels seized the town of Walikale on Wednesday.",
     "M23", "CD", "rebel", True),
    ("The AFC seized the town of Walikale on Wednesday.",
     "Alliance Fleuve Congo", "CD", "rebel", True),
    ("The Congo River Alliance attacked army positions near Uvira.",
     "Alliance Fleuve Congo", "CD", "rebel", True),
    ("CODECO attacked a displacement camp in Djugu territory.",
     "CODECO", "CD", "rebel", True),
    ("ADF rebels killed 40 villagers near Beni, local officials said.",
     "Allied Democratic Forces", "CD", "rebel", True),
    ("ISCAP claimed the attack on a church in Komanda.",
     "Islamic State Central Africa Province", "CD", "rebel", True),
    ("Wazalendo fighters clashed with M23 near Masisi on Sunday.",
     "Wazalendo", "CD", "rebel", True),
    ("The FDLR attacked a village near Rutshuru on Friday.",
     "Democratic Forces for the Liberation of Rwanda", "RW", "rebel", True),
    ("The RDF deployed troops across the border into North Kivu, UN experts said.",
     "Rwanda Defence Force", "RW", "military", True),
    ("MONUSCO peacekeepers repelled an attack on their base near Bunia.",
     "MONUSCO", None, "igo", True),
]

YEMEN = [
    ("The Houthis fired a ballistic missile at a tanker in the Red Sea.",
     "Houthis", "YE", "rebel", True),
    ("Ansarullah launched drones at a cargo ship off Hodeidah.",
     "Houthis", "YE", "rebel", True),
    ("Ansar Allah attacked a Greek-flagged vessel in the Gulf of Aden.",
     "Houthis", "YE", "rebel", True),
    ("The Huthis seized a cargo ship in the Red Sea on Sunday.",
     "Houthis", "YE", "rebel", False),
    ("The STC attacked government forces in Aden on Thursday.",
     "Southern Transitional Council", "YE", "rebel", True),
    ("The Southern Transitional Council deployed forces to Hadramout.",
     "Southern Transitional Council", "YE", "rebel", True),
    ("AQAP militants attacked a checkpoint in Abyan province.",
     "Al-Qaeda in the Arabian Peninsula", "YE", "rebel", True),
    ("Al-Qaeda in the Arabian Peninsula claimed a drone attack in Shabwa.",
     "Al-Qaeda in the Arabian Peninsula", "YE", "rebel", True),
    ("The Presidential Leadership Council condemned the attack on Marib.",
     "Presidential Leadership Council", "YE", "government", True),
    ("The WFP accused the Houthis of detaining its staff in Saada.",
     "World Food Programme", None, "igo", True),
]

SYRIA = [
    ("HTS fighters captured the town of Saraqeb on Friday.",
     "Hayat Tahrir al-Sham", "SY", "rebel", True),
    ("Hayat Tahrir al-Sham arrested a cleric in Idlib on Tuesday.",
     "Hayat Tahrir al-Sham", "SY", "rebel", True),
    ("The SDF detained dozens of men in Deir ez-Zor province.",
     "Syrian Democratic Forces", "SY", "rebel", True),
    ("The YPG shelled a Turkish-backed position near Manbij.",
     "YPG", "SY", "rebel", True),
    ("The People's Protection Units withdrew from Tal Rifaat on Sunday.",
     "YPG", "SY", "rebel", True),
    ("The Syrian National Army attacked Kurdish fighters near the Tishreen dam.",
     "Syrian National Army", "SY", "rebel", True),
    ("Islamic State militants ambushed a bus near Palmyra.",
     "Islamic State", None, "rebel", True),
    ("Daesh fighters killed four shepherds in the Badia desert.",
     "Islamic State", None, "rebel", True),
    ("The PKK attacked a Turkish base in northern Iraq.",
     "Kurdistan Workers' Party", "TR", "rebel", True),
    ("The Syrian Observatory for Human Rights accused government forces of killing 30 people in Sweida.",
     "Syrian Observatory for Human Rights", None, "ngo", True),
]

SOMALIA = [
    ("Al-Shabaab fighters attacked a military base in Middle Shabelle.",
     "Al-Shabaab", "SO", "rebel", True),
    ("Al Shabab militants ambushed a convoy near Afgoye on Monday.",
     "Al-Shabaab", "SO", "rebel", True),
    ("Shabaab gunmen stormed a hotel in Kismayo on Friday.",
     "Al-Shabaab", "SO", "rebel", True),
    ("The Somali National Army recaptured the town of Adan Yabaal.",
     "Somali National Army", "SO", "military", True),
    ("The Somali army killed 30 militants near Bulo Burde, officials said.",
     "Somali National Army", "SO", "military", False),
    ("Danab raided an al-Shabaab hideout in Lower Shabelle.",
     "Danab", "SO", "military", True),
    ("AUSSOM troops repelled an attack on their base in Bariire.",
     "African Union Support and Stabilization Mission in Somalia", None, "igo", True),
    ("ATMIS withdrew from its base in Dhusamareb on Saturday.",
     "African Union Transition Mission in Somalia", None, "igo", True),
    ("IS-Somalia fighters attacked a Puntland base in the Cal Miskaad mountains.",
     "Islamic State Somalia Province", "SO", "rebel", True),
    ("Islamic State Somalia Province claimed a bombing in Bosaso.",
     "Islamic State Somalia Province", "SO", "rebel", True),
]

NIGERIA = [
    ("The Nigerian Army repelled an attack on its base in Borno.",
     "Nigerian Army", "NG", "military", True),
    ("The Nigerian Air Force bombed a camp near Lake Chad on Sunday.",
     "Nigerian Air Force", "NG", "military", True),
    ("ISWAP fighters overran a military base in Malam Fatori.",
     "Islamic State West Africa Province", "NG", "rebel", True),
    ("Islamic State West Africa Province claimed the attack on Damboa.",
     "Islamic State West Africa Province", "NG", "rebel", True),
    ("Boko Haram militants abducted 30 girls near Chibok.",
     "Boko Haram", "NG", "rebel", True),
    ("JAS fighters killed 12 fishermen near Lake Chad.",
     "Boko Haram", "NG", "rebel", True),
    ("Ansaru gunmen attacked a police station in Kaduna state.",
     "Ansaru", "NG", "rebel", True),
    ("Lakurawa militants killed 15 villagers in Kebbi state.",
     "Lakurawa", "NG", "rebel", True),
    ("The Nigerian Army shelled a Boko Haram camp in the Sambisa forest.",
     "Nigerian Army", "NG", "military", True),
    ("MSF treated 40 wounded people in Maiduguri on Friday.",
     "Doctors Without Borders", None, "ngo", True),
]

OTHER_WARS = [
    # Ethiopia
    ("The ENDF launched drone strikes on Fano positions near Bahir Dar.",
     "Ethiopian National Defense Force", "ET", "military", True),
    ("The Ethiopian army clashed with OLA fighters in West Shewa.",
     "Ethiopian National Defense Force", "ET", "military", False),
    ("The OLA abducted 20 passengers near Gimbi.",
     "Oromo Liberation Army", "ET", "rebel", True),
    ("The TPLF seized the town of Alamata on Monday.",
     "Tigray People's Liberation Front", "ET", "rebel", True),
    # Colombia
    ("The ELN bombed an oil pipeline in Arauca on Tuesday.",
     "National Liberation Army", "CO", "rebel", True),
    ("The EMC attacked a police station in Cauca.",
     "Estado Mayor Central", "CO", "rebel", True),
    ("FARC dissidents killed two soldiers in Guaviare on Sunday.",
     "Estado Mayor Central", "CO", "rebel", False),
    ("The Clan del Golfo killed three policemen in Antioquia.",
     "Clan del Golfo", "CO", "rebel", True),
    # Pakistan
    ("The BLA attacked a train in Balochistan on Tuesday.",
     "Baloch Liberation Army", "PK", "rebel", True),
    ("The TTP killed six soldiers in North Waziristan.",
     "Tehrik-i-Taliban Pakistan", "PK", "rebel", True),
    ("The Pakistan Army killed 12 militants in Khyber Pakhtunkhwa.",
     "Pakistan Army", "PK", "military", True),
    # Haiti
    ("Viv Ansanm gangs attacked the town of Mirebalais on Monday.",
     "Viv Ansanm", "HT", "rebel", True),
    ("The Haitian National Police arrested a gang leader in Petion-Ville.",
     "Haitian National Police", "HT", "police", True),
    ("The PNH killed five gang members in Croix-des-Bouquets.",
     "Haitian National Police", "HT", "police", True),
    # Mozambique
    ("IS-Mozambique fighters beheaded four villagers in Cabo Delgado.",
     "Islamic State Mozambique Province", "MZ", "rebel", True),
    ("Ahlu Sunnah Wa-Jama'a militants attacked the town of Macomia.",
     "Ahlu Sunnah Wa-Jama'a", "MZ", "rebel", True),
    ("Al-Sunnah wa Jama'ah militants burned houses in the village of Mucojo.",
     "Ahlu Sunnah Wa-Jama'a", "MZ", "rebel", True),
    # Libya, South Sudan, Iraq
    ("The LNA deployed forces to the city of Sirte.",
     "Libyan National Army", "LY", "military", True),
    ("The SSPDF shelled SPLM-IO positions near Nasir.",
     "South Sudan People's Defence Forces", "SS", "military", True),
    ("The SPLM-IO attacked an army barracks in Upper Nile.",
     "SPLM-IO", "SS", "rebel", True),
    ("Kataib Hezbollah claimed a drone attack on a US base in Syria.",
     "Kataib Hezbollah", "IQ", "rebel", True),
    # humanitarian bodies
    ("The IOM accused the RSF of attacking a convoy near El Obeid.",
     "International Organization for Migration", None, "igo", True),
    ("The Norwegian Refugee Council accused the RSF of looting its warehouses in Nyala.",
     "Norwegian Refugee Council", None, "ngo", True),
    ("The ICRC evacuated wounded people from Goma on Sunday.",
     "International Committee of the Red Cross", None, "ngo", True),
]

CASES = [pytest.param(*case, id=f"{war}-{i}")
         for war, cases in (("ukraine", UKRAINE), ("sudan", SUDAN), ("sahel", SAHEL),
                            ("gaza", GAZA), ("lebanon", LEBANON), ("myanmar", MYANMAR),
                            ("congo", CONGO), ("yemen", YEMEN), ("syria", SYRIA),
                            ("somalia", SOMALIA), ("nigeria", NIGERIA), ("other", OTHER_WARS))
         for i, case in enumerate(cases)]


def _party(events, name):
    """(country, sector) of the first event slot naming `name`, else the slots found."""
    for e in events:
        if e.actor == name:
            return e.actor_country, e.actor_sector
        if e.target == name:
            return e.target_country, e.target_sector
    return [(e.type, e.actor, e.target) for e in events]


@pytest.mark.parametrize("text,name,country,sector,is_entity", CASES)
def test_a_war_party_named_in_one_of_its_forms(analyse, text, name, country, sector, is_entity):
    a = analyse(text, "2025-05-02")
    assert _party(a.events, name) == (country, sector)
    if is_entity:
        assert name in [o.name for o in a.organizations]
