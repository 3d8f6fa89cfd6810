"""A party owned by a state in the possessive ("Lebanon's prime minister", "Mali's junta") acts
for that state: its `actor_country` / `target_country` is the state's code, while the article's
words stay the party's name (as "the Lebanese prime minister" does with its demonym).

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


OWNED_BY_A_STATE = [
    ("Lebanon's prime minister condemned the Israeli strike on the village of Khiam.", "ACCUSE", "LB"),
    ("Mali's junta expelled the French ambassador on Monday.", "SANCTION", "ML"),
    ("Somalia's president accused Ethiopia of violating the country's sovereignty.", "ACCUSE", "SO"),
    ("Nigeria's defence minister vowed to crush the bandits in Zamfara.", "THREATEN", "NG"),
    ("Ukraine's foreign minister urged allies to send more air defence systems.", "REQUEST", "UA"),
    ("Syria's interim government signed a deal with the Kurdish-led SDF.", "AGREE", "SY"),
    ("Colombia's president accused the ELN of sabotaging the peace talks.", "ACCUSE", "CO"),
    ("Ethiopia's prime minister rejected Egypt's claims about the dam.", "REJECT", "ET"),
    ("Sudan's foreign minister accused the UAE of arming the paramilitaries.", "ACCUSE", "SD"),
    ("Burkina Faso's junta suspended two foreign radio stations.", "COERCE", "BF"),
    ("Russia's foreign minister met Turkey's foreign minister in Antalya.", "CONSULT", "RU"),
]


@pytest.mark.parametrize("text,etype,country", OWNED_BY_A_STATE)
def test_a_party_owned_by_a_state_acts_for_it(events, text, etype, country):
    e = one_event(events(text), etype)
    assert e.actor_country == country
    # the article's words are kept (in the name, or beside a state's forces' canonical name)
    assert "'s " in (e.actor_text or "")


def test_the_addressed_party_owned_by_a_state_is_of_that_state(events):
    e = one_event(events("Russia's foreign minister met Turkey's foreign minister in Antalya."),
                  "CONSULT")
    assert e.target_country == "TR"


def test_a_person_in_the_possessive_gives_no_country(events):
    # "Hemedti's commander" belongs to a man, not to a state the sentence names
    e = one_event(events("Hemedti's commander accused the army of bombing the market in Nyala."),
                  "ACCUSE")
    assert e.actor_country is None


# ------------------------------------------- "the junta", "the regime": who rules the story's country

RULING_BODIES = [
    ("Soldiers seized power in Niger in July. The junta has since expelled French troops.", "NE"),
    ("Mali's military rulers accused Algeria of interference. The junta also recalled its "
     "ambassador.", "ML"),
    ("Fighting continues around Djibo in Burkina Faso. The junta suspended two foreign radio "
     "stations on Thursday.", "BF"),
    ("Protests spread across Conakry in Guinea. The junta arrested three opposition leaders.", "GN"),
    ("Myanmar's military bombed a school in Sagaing. The junta denied targeting civilians.", "MM"),
    ("The junta's jets bombed a village in Sagaing region, killing 12 people.", "MM"),
    ("Government forces shelled Idlib in Syria. The regime also arrested dozens of activists.", "SY"),
    ("In Chad, the military government arrested the opposition leader in N'Djamena.", "TD"),
    ("Sudan's army chief rejected the plan. The military government in Khartoum expelled the UN "
     "envoy.", "SD"),
    ("The junta in Niamey expelled the French ambassador.", "NE"),
]


@pytest.mark.parametrize("text,country", RULING_BODIES)
def test_the_junta_is_the_rulers_of_the_story_country(events, text, country):
    found = [e for e in events(text) if e.actor_text and any(
        w in e.actor_text for w in ("junta", "regime", "government"))]
    assert found, [(e.type, e.actor, e.actor_text) for e in events(text)]
    assert found[-1].actor_country == country


def test_a_junta_in_no_country_told_is_no_fixed_country(events):
    # no place, no earlier event: the text does not say whose junta (not Myanmar's by default)
    e = one_event(events("The junta expelled the French ambassador."), "SANCTION")
    assert e.actor_country is None


# ------------------------------ whose claim, plan or envoy: the state its demonym names

DEMONYM_OWNERS = [
    ("Hamas rejected the latest Israeli proposal.", "REJECT", "IL"),
    ("The Kremlin rejected the Ukrainian peace plan.", "REJECT", "UA"),
    ("Israel rejected the Egyptian proposal for a truce.", "REJECT", "EG"),
    ("The Sudanese army rejected the American proposal for a ceasefire.", "REJECT", "US"),
    ("The junta in Niamey rejected the French demands.", "REJECT", "FR"),
    ("Kinshasa rejected the Rwandan accusations as baseless.", "REJECT", "RW"),
    ("The Somali government rejected the Ethiopian offer of sea access.", "REJECT", "ET"),
    ("Moscow denied the Ukrainian claims of a breakthrough near Kursk.", "REJECT", "UA"),
    ("Ukraine's foreign ministry summoned the Hungarian ambassador.", "ACCUSE", "HU"),
    ("Algeria summoned the Malian ambassador over the drone strike.", "ACCUSE", "ML"),
    ("Israel summoned the Spanish ambassador over the remarks.", "ACCUSE", "ES"),
    ("Niger summoned the Nigerian ambassador on Monday.", "ACCUSE", "NG"),
    ("Poland summoned the Russian charge d'affaires after the drone incursion.", "ACCUSE", "RU"),
    ("Somalia expelled the Ethiopian ambassador over the port deal.", "SANCTION", "ET"),
]


@pytest.mark.parametrize("text,etype,country", DEMONYM_OWNERS)
def test_a_claim_plan_or_envoy_named_by_a_demonym_is_that_states(events, text, etype, country):
    e = one_event(events(text), etype)
    assert e.target_country == country, (e.target, e.target_country)
    assert e.target and e.target[0].isupper()      # the state, not a bare "proposal"
