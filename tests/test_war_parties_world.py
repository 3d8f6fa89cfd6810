"""The conflict actors of the world's other wars (organizations.yaml's knowledge section), named
in one of the forms outlets write (acronym, full name, transliteration, a lower-case
description), are one body: the organisation entity and the event party with its side and
sector. Sentences written for these tests, one list per region, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import party_of

# (sentence, canonical party, country, sector)
HORN_AND_SUDAN = [
    ("Amhara Special Forces shelled a village near Gondar on Sunday.",
     "Amhara Special Forces", "ET", "military"),
    ("The Justice and Equality Movement attacked an RSF base near Kutum.",
     "Justice and Equality Movement", "SD", "rebel"),
    ("Fighters of the Al-Baraa Bin Malik Brigade stormed a village east of Omdurman.",
     "Al-Baraa Bin Malik Brigade", "SD", "other"),
    ("The Nuer White Army attacked a military base in Nasir county.",
     "White Army", "SS", "rebel"),
    ("The UPDF shelled a rebel camp in Ituri on Tuesday.",
     "Uganda People's Defence Force", "UG", "military"),
    ("Puntland Security Force troops raided an Islamic State hideout in the Cal Miskaad mountains.",
     "Puntland Security Force", "SO", "military"),
    ("The NISA arrested three suspected militants in Mogadishu on Friday.",
     "National Intelligence and Security Agency", "SO", "government"),
    ("The Somali Police Force arrested 20 people after the bombing in Baidoa.",
     "Somali Police Force", "SO", "police"),
    ("The Oromo Liberation Front accused the government of arresting its members in Adama.",
     "Oromo Liberation Front", "ET", "party"),
    ("The Central Reserve Police detained protesters in Omdurman on Thursday.",
     "Central Reserve Police", "SD", "police"),
]

SAHEL_AND_LAKE_CHAD = [
    ("The VDP killed 12 villagers near Djibo, a rights group said.",
     "Volunteers for the Defence of the Homeland", "BF", "other"),
    ("AQIM fighters kidnapped two foreigners near Tombouctou.",
     "Al-Qaeda in the Islamic Maghreb", None, "rebel"),
    ("Katiba Macina militants burned a village in the Mopti region.",
     "Katiba Macina", "ML", "rebel"),
    ("Ansarul Islam fighters attacked an army post near Arbinda.",
     "Ansarul Islam", "BF", "rebel"),
    ("The Nigerien Armed Forces killed 30 jihadists near Tillaberi.",
     "Nigerien Armed Forces", "NE", "military"),
    ("The MNJTF bombed a Boko Haram camp on an island in Lake Chad.",
     "Multinational Joint Task Force", None, "igo"),
    ("The Civilian Joint Task Force arrested two suspected insurgents near Maiduguri.",
     "Civilian Joint Task Force", "NG", "other"),
    ("The Nigerian Air Force bombed a bandit camp in Zamfara on Monday.",
     "Nigerian Air Force", "NG", "military"),
    ("The DSS arrested a separatist leader in Enugu on Saturday.",
     "Department of State Services", "NG", "government"),
    ("IPOB gunmen attacked a police station in Imo state.",
     "Indigenous People of Biafra", "NG", "rebel"),
    ("The Coordination of Azawad Movements attacked an army convoy near Anefis.",
     "Coordination of Azawad Movements", "ML", "rebel"),
]

CENTRAL_AND_SOUTHERN_AFRICA = [
    ("Mai-Mai fighters attacked a gold mine in South Kivu on Wednesday.",
     "Mai-Mai", "CD", "rebel"),
    ("Raia Mutomboki militiamen burned houses near Shabunda.",
     "Raia Mutomboki", "CD", "rebel"),
    ("RED-Tabara rebels attacked a Burundian army post near Uvira.",
     "RED-Tabara", "BI", "rebel"),
    ("The FDNB shelled a rebel position in the Ruzizi plain.",
     "Burundi National Defence Force", "BI", "military"),
    ("The Congolese National Police arrested 40 protesters in Kinshasa.",
     "Congolese National Police", "CD", "police"),
    ("MINUSCA peacekeepers repelled an attack near Bambari on Sunday.",
     "MINUSCA", None, "igo"),
    ("The FACA recaptured the town of Bossangoa from the rebels.",
     "Central African Armed Forces", "CF", "military"),
    ("3R fighters attacked a village near Bocaranga on Tuesday.",
     "3R", "CF", "rebel"),
    ("Anti-balaka militiamen attacked a mosque in Bangassou.",
     "Anti-balaka", "CF", "rebel"),
    ("The FADM recaptured the town of Mocimboa da Praia.",
     "Mozambique Defence Armed Forces", "MZ", "military"),
    ("The Rapid Intervention Battalion raided a separatist camp near Bamenda.",
     "Rapid Intervention Battalion", "CM", "military"),
]

MIDDLE_EAST = [
    ("Jabhat al-Nusra fighters shelled a village in Idlib province.",
     "Jabhat al-Nusra", "SY", "rebel"),
    ("Hurras al-Din militants attacked a checkpoint near Jisr al-Shughur.",
     "Hurras al-Din", "SY", "rebel"),
    ("The Suwayda Military Council attacked a checkpoint in Sweida province.",
     "Suwayda Military Council", "SY", "rebel"),
    ("The Turkish Armed Forces shelled YPG positions near Kobani.",
     "Turkish Armed Forces", "TR", "military"),
    ("Asaib Ahl al-Haq fighters fired rockets at a base near Baghdad airport.",
     "Asaib Ahl al-Haq", "IQ", "rebel"),
    ("Harakat Hezbollah al-Nujaba claimed a drone attack on a base in Syria.",
     "Harakat Hezbollah al-Nujaba", "IQ", "rebel"),
    ("The Quds Force launched drones at a Kurdish base in northern Iraq.",
     "Quds Force", "IR", "military"),
    ("Jaish al-Adl gunmen killed four border guards in Sistan-Baluchestan.",
     "Jaish al-Adl", "IR", "rebel"),
    ("The Radwan Force fired anti-tank missiles at an Israeli position near Metula.",
     "Radwan Force", "LB", "rebel"),
    ("The Lions' Den attacked an Israeli checkpoint near Nablus.",
     "Lions' Den", "PS", "rebel"),
    ("Israeli Border Police raided the Balata camp near Nablus on Tuesday.",
     "Israeli Border Police", "IL", "police"),
    ("The Giants Brigades attacked Houthi positions in Shabwa province.",
     "Giants Brigades", "YE", "military"),
    ("The Security Belt Forces arrested 12 suspected militants in Aden.",
     "Security Belt Forces", "YE", "military"),
]

SOUTH_AND_SOUTHEAST_ASIA = [
    ("Lashkar-e-Taiba militants attacked an army camp in Kupwara.",
     "Lashkar-e-Taiba", "PK", "rebel"),
    ("Jaish-e-Mohammed militants attacked a police post in Pulwama.",
     "Jaish-e-Mohammed", "PK", "rebel"),
    ("The CRPF killed two Maoist rebels in Bijapur district.",
     "Central Reserve Police Force", "IN", "police"),
    ("The Frontier Corps killed five militants in Kech district.",
     "Frontier Corps", "PK", "military"),
    ("The BLF attacked a Frontier Corps post in Turbat.",
     "Baloch Liberation Front", "PK", "rebel"),
    ("The National Resistance Front attacked a Taliban checkpoint in Panjshir.",
     "National Resistance Front", "AF", "rebel"),
    ("The KNLA attacked a junta outpost near Myawaddy on Friday.",
     "Karen National Liberation Army", "MM", "rebel"),
    ("The Karenni Nationalities Defense Force captured a police station in Loikaw.",
     "Karenni Nationalities Defense Force", "MM", "rebel"),
    ("ARSA gunmen killed two Rohingya leaders in a camp in Cox's Bazar.",
     "Arakan Rohingya Salvation Army", "MM", "rebel"),
    ("The United Wa State Army deployed troops to the town of Lashio.",
     "United Wa State Army", "MM", "rebel"),
    ("The New People's Army ambushed a patrol in Northern Samar on Sunday.",
     "New People's Army", "PH", "rebel"),
    ("Abu Sayyaf militants kidnapped three fishermen off Sulu.",
     "Abu Sayyaf", "PH", "rebel"),
    ("The BIFF attacked an army detachment in Maguindanao.",
     "Bangsamoro Islamic Freedom Fighters", "PH", "rebel"),
]

AMERICAS_AND_EUROPE = [
    ("The Sinaloa Cartel attacked a police convoy near Culiacan.",
     "Sinaloa Cartel", "MX", "rebel"),
    ("La Familia Michoacana gunmen killed 13 police officers in the state of Mexico.",
     "La Familia Michoacana", "MX", "rebel"),
    ("Los Chapitos gunmen attacked a ranch near Culiacan on Sunday.",
     "Los Chapitos", "MX", "rebel"),
    ("The Mexican National Guard arrested a cartel leader in Sonora.",
     "Mexican National Guard", "MX", "military"),
    ("Tren de Aragua gunmen attacked a shop in Cucuta.",
     "Tren de Aragua", "VE", "rebel"),
    ("Comandos de la Frontera fighters attacked a village in Putumayo.",
     "Comandos de la Frontera", "CO", "rebel"),
    ("The G9 attacked a police station in Port-au-Prince on Tuesday.",
     "G9", "HT", "rebel"),
    ("400 Mawozo gang members kidnapped a group of missionaries near Croix-des-Bouquets.",
     "400 Mawozo", "HT", "rebel"),
    ("Akhmat special forces attacked Ukrainian positions near Siversk.",
     "Akhmat special forces", "RU", "military"),
    ("The Unmanned Systems Forces struck a Russian fuel depot in Bryansk.",
     "Unmanned Systems Forces", "UA", "military"),
    ("The Third Assault Brigade repelled a Russian assault near Kupiansk.",
     "Third Assault Brigade", "UA", "military"),
    ("The Investigative Committee of Russia arrested a Ukrainian saboteur in Kursk.",
     "Investigative Committee of Russia", "RU", "government"),
]

CASES = [pytest.param(*case, id=f"{region}-{i}")
         for region, cases in (("horn", HORN_AND_SUDAN), ("sahel", SAHEL_AND_LAKE_CHAD),
                               ("central", CENTRAL_AND_SOUTHERN_AFRICA), ("mideast", MIDDLE_EAST),
                               ("asia", SOUTH_AND_SOUTHEAST_ASIA),
                               ("americas-europe", AMERICAS_AND_EUROPE))
         for i, case in enumerate(cases)]


@pytest.mark.parametrize("text,name,country,sector", CASES)
def test_a_conflict_actor_of_another_war_is_one_party(analyse, text, name, country, sector):
    a = analyse(text, "2025-05-02")
    assert name in [o.name for o in a.organizations]
    assert party_of(a.events, name) == (country, sector)


# bodies that news quotes as sources: monitors, humanitarian agencies, missions, outlets
SOURCES = [
    ("Lebanon's National News Agency said two people were killed in the strike on Nabatieh.",
     "National News Agency"),
    ("At least 14 people died, the Syrian Network for Human Rights said on Monday.",
     "Syrian Network for Human Rights"),
    ("The White Helmets said rescuers pulled nine bodies from the rubble in Idlib.",
     "Syrian Civil Defence"),
    ("The Sudan Doctors Network said 22 people were killed in the shelling of El Fasher.",
     "Sudan Doctors Network"),
    ("UKMTO said a vessel reported an explosion 50 nautical miles west of Hodeidah.",
     "UKMTO"),
    ("CENTCOM said its forces destroyed two drones over the Red Sea.",
     "United States Central Command"),
    ("The Integrated Food Security Phase Classification said famine had spread to five areas.",
     "Integrated Food Security Phase Classification"),
    ("The Committee to Protect Journalists said 12 reporters were killed this year.",
     "Committee to Protect Journalists"),
    ("The IFRC said its volunteers reached 3,000 displaced families in Cabo Delgado.",
     "International Federation of Red Cross and Red Crescent Societies"),
    ("Iraq's Security Media Cell said two rockets hit the perimeter of the base.",
     "Security Media Cell"),
    ("Myanmar Now reported that junta troops burned 200 houses in Sagaing.",
     "Myanmar Now"),
    ("The Assistance Association for Political Prisoners said 15 activists were arrested.",
     "Assistance Association for Political Prisoners"),
]


@pytest.mark.parametrize("text,name", SOURCES)
def test_a_quoted_source_is_an_organization_not_a_person_or_place(analyse, text, name):
    a = analyse(text, "2025-05-02")
    assert name in [o.name for o in a.organizations]
    words = set(name.split())
    assert not any(set(p.name.split()) & words for p in a.persons)
