"""Words that only look like names: a state body glued to a hyphen is an adjective ("Ukraine's
military-industrial complex"); a line written in capitals ("WHO IS BEHIND IT?") or a generic body
word opening a line or a bullet ("* Police said") names no organization; a caption's first common
noun ("Smoke rises over ...") is no body. Real bodies on such lines stay."""
import pytest


@pytest.fixture
def orgs_of(named):
    def run(text):
        return [o.name for o in named(text).organizations]
    return run


ADJECTIVES = [
    "Drones hit enterprises of Ukraine's military-industrial complex overnight.",
    "The strikes targeted Russia's military-industrial base in Tatarstan.",
    "Shelling hit Sudan's army-held districts of Omdurman on Monday.",
    "Fighting spread into Syria's government-controlled areas near Hama.",
    "The attack hit Myanmar's military-run factories in Magway.",
    "Rebels advanced on Congo's army-controlled towns in North Kivu.",
    "Residents fled Yemen's government-held city of Taiz after the shelling.",
    "Gangs attacked Haiti's police-guarded fuel terminal at Varreux.",
    "Iran's military-linked shipping firms were sanctioned on Tuesday.",
    "Colombia's army-backed eradication teams were attacked in Catatumbo.",
]


@pytest.mark.parametrize("text", ADJECTIVES)
def test_a_state_body_glued_to_a_hyphen_is_an_adjective(orgs_of, text):
    orgs = orgs_of(text)
    assert not [o for o in orgs if any(w in o.lower() for w in ("military", "army", "government", "police"))], orgs


LAYOUT = [
    ("Attack on Mogadishu hotel\nGunmen stormed a hotel, officials said.\nWHO IS BEHIND IT?\n"
     "Al-Shabaab claimed the attack.", ["World Health Organization", "Islamic State"], "Al-Shabaab"),
    ("Attack on Mogadishu hotel\nGunmen stormed a hotel, officials said.\n"
     "HOW DID THE GOVERNMENT RESPOND?\nAl-Shabaab claimed the attack.", ["GOVERNMENT"], "Al-Shabaab"),
    ("Kidnapping in Zamfara\nBandits abducted 40 villagers.\n* Police said 12 were rescued by the "
     "Nigerian Army.", ["Police"], "Nigerian Army"),
    ("Blasts in Quetta\nTwo bombs exploded near a market.\n- Army said the BLA was behind the attack.",
     ["Army"], "Baloch Liberation Army"),
    ("Clashes in Sweida\nSmoke rises over Sweida city during clashes on Monday (AFP)\n"
     "The WHO said hospitals were overwhelmed.", ["Smoke"], "World Health Organization"),
    ("Floods in Borno camps\nWater covers a camp for displaced people near Maiduguri.\n"
     "UNICEF said children were at risk.", ["Water"], "UNICEF"),
    ("Raid in Jenin\nWHAT HAPPENED IN JENIN?\nIsraeli troops raided the camp, the Palestinian Red "
     "Crescent said.", ["WHAT", "JENIN"], "Palestinian Red Crescent Society"),
    ("Airstrike in Sagaing\nWHO IS BEING TARGETED?\nThe Arakan Army said the jets hit a village.",
     ["World Health Organization"], "Arakan Army"),
    ("Drone attack on Port Sudan\n* Government said air defences shot down three drones launched by "
     "the Rapid Support Forces.", ["Government"], "Rapid Support Forces"),
    ("Fighting in Kidal\nDust rises over Kidal after an airstrike\nThe FLA said its fighters "
     "repelled the attack.", ["Dust"], "Azawad Liberation Front"),
]


@pytest.mark.parametrize("text,not_bodies,body", LAYOUT)
def test_layout_words_name_no_body_but_bodies_on_the_line_stay(orgs_of, text, not_bodies, body):
    orgs = orgs_of(text)
    assert not [o for o in orgs if o in not_bodies], orgs
    assert body in orgs, orgs
