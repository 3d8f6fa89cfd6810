"""Names never cross a line break; administrative areas the model calls organizations are places;
a lower-case common word never names the outlet or group spelled like it ("a dawn raid")."""
import pytest


HEADLINES = [
    ("Gunmen kill 12 villagers in Bokkos", "Armed men attacked a farming village late on Sunday, police said."),
    ("Paramilitary shells camps near Tawila", "Residents fled as shells fell on the displacement sites."),
    ("Clashes erupt near Sake", "Fighting between rebels and the army spread on Tuesday."),
    ("Gang violence spreads to Mirebalais", "Hundreds of families left their homes overnight."),
    ("Junta jets bomb monastery in Kanbalu", "A resident said at least nine people were killed."),
    ("Militants ambush convoy in Tillaberi", "Soldiers were killed when their trucks hit an explosive device."),
    ("Drone strike hits apartment block in Sumy", "Rescuers pulled two people from the rubble."),
    ("Air raid kills family in Khan Younis", "Medics said the dead included four children."),
    ("Houthi missile lands near Mokha", "No casualties were reported by the coalition."),
    ("Al-Shabaab fighters storm base in Bulo Burte", "The army said it repelled the attack after hours of fighting."),
    ("Fano fighters seize town of Debre Tabor", "Federal troops withdrew from the town on Friday."),
    ("Strike hits car near Tyre", "The driver was killed, the health ministry said."),
]


@pytest.mark.parametrize("headline,body", HEADLINES)
def test_no_name_holds_or_crosses_a_line_break(ents, headline, body):
    persons, orgs, locs = ents(headline + "\n\n" + body)
    names = [x.name for x in persons + orgs + locs] + \
        [a for x in persons + orgs + locs for a in x.aliases] + \
        [m.text for x in persons + orgs + locs for m in x.mentions]
    assert not [n for n in names if "\n" in n], names


AREAS = [
    ("Bandits abducted 40 worshippers in Faskari Local Government Area on Friday.", "Faskari"),
    ("Gunmen killed 11 farmers in Bokkos Local Government Area, police said.", "Bokkos"),
    ("Fighting spread into Kalehe Territory as the rebels advanced.", "Kalehe"),
    ("Militants raided a village in Ancuabe District overnight.", "Ancuabe"),
    ("Clashes broke out in Ulang County between rival militias.", "Ulang"),
    ("Airstrikes hit a market in Kyaukme Township, residents said.", "Kyaukme"),
    ("Shelling damaged homes in Kupiansk Municipality on Monday.", "Kupiansk"),
    ("Houthi drones struck near Marib Governorate's oil fields.", "Marib"),
    ("Jihadists attacked an army post in Soum Province at dawn.", "Soum"),
    ("Armed men burned houses in Gambella Region last week.", "Gambella"),
    ("Troops were deployed to Barmal District after the raid.", "Barmal"),
]


@pytest.mark.parametrize("text,stem", AREAS)
def test_an_administrative_area_is_no_organization(ents, text, stem):
    _, orgs, locs = ents(text)
    assert not [o.name for o in orgs if stem in o.name], [o.name for o in orgs]


def test_an_administrative_area_the_model_calls_an_organization_becomes_a_place(ents):
    _, orgs, locs = ents("Bandits stormed Faskari Local Government Area of Katsina State on Sunday.")
    faskari = [loc for loc in locs if loc.name == "Faskari"]
    assert faskari and "Faskari Local Government Area" in faskari[0].aliases, [loc.name for loc in locs]


def test_the_village_inside_an_administrative_area_stays_the_event_place(events):
    found = events("Armed bandits abducted 25 people from Gidan Maje village in Rafi Local Government "
                   "Area of Niger State on Sunday night, police said.")
    assert found and found[0].location == "Gidan Maje", [e.location for e in found]


@pytest.mark.parametrize("text,name", [
    ("Islamic State West Africa Province claimed the attack on the base.", "Islamic State West Africa Province"),
    ("The Islamic State Sahel Province said it had killed the soldiers.", "Islamic State Sahel Province"),
])
def test_a_group_named_after_a_province_stays_an_organization(ents, text, name):
    _, orgs, _ = ents(text)
    assert any(o.name == name for o in orgs), [o.name for o in orgs]


GENERIC = [
    "Resistance forces said they had captured a police post in Sagaing.",
    "Resistance fighters attacked a junta base near Mandalay on Monday.",
    "Government troops retook the town of Bama after heavy fighting.",
    "Security forces opened fire on protesters in Omdurman.",
    "Rebel fighters shelled the outskirts of Goma overnight.",
    "Militia members burned homes in Djugu territory.",
    "Opposition forces seized a checkpoint outside Idlib.",
    "Local defence volunteers repelled an attack near Kaya.",
    "Gang members blocked the road to Kenscoff on Tuesday.",
    "Clan militias clashed with soldiers near Beledweyne.",
]


@pytest.mark.parametrize("text", GENERIC)
def test_a_capitalised_generic_phrase_opening_a_sentence_is_no_organization(ents, text):
    _, orgs, _ = ents(text)
    first = " ".join(text.split()[:2])
    assert first not in [o.name for o in orgs], [o.name for o in orgs]


DAWN = [
    "Soldiers killed nine militants in a dawn raid on a camp near Bama on Tuesday, the army said.",
    "Israeli forces arrested 15 people in a dawn raid on Jenin.",
    "Police detained six suspects in a dawn raid in Mogadishu.",
    "RSF fighters launched a dawn assault on El Fasher.",
    "The junta's troops torched the village in a dawn attack near Kani.",
    "Russian forces began shelling at dawn near Pokrovsk.",
    "A dawn strike hit a house in Marjayoun, killing two.",
    "M23 rebels entered Bukavu at dawn, residents said.",
    "Gang members stormed the commune at dawn, the mayor said.",
    "Houthi forces fired missiles at dawn toward Marib.",
    "Fighters attacked the base in Menaka shortly after dawn.",
]


@pytest.mark.parametrize("text", DAWN)
def test_a_lower_case_common_word_names_no_outlet(ents, text):
    _, orgs, _ = ents(text)
    assert "Dawn" not in [o.name for o in orgs]


@pytest.mark.parametrize("text", DAWN[:4])
def test_a_lower_case_common_word_is_no_event_actor(events, text):
    found = events(text)
    assert found and all(e.actor != "Dawn" for e in found), [e.actor for e in found]


def test_the_outlet_written_with_its_capital_is_still_found(ents):
    _, orgs, _ = ents("Security officials told Dawn that the attack in Bannu killed four soldiers.")
    assert "Dawn" in [o.name for o in orgs]
