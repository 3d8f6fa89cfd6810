"""Event targets a reader expects when the act itself names none: the victims of the casualty
clause an attack is told in ("shelling killed a man" -> civilians), and the party whose claim,
proposal or act a speech act answers ("rejected the RSF's claim" -> the RSF).

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


@pytest.fixture
def events(analyse):
    def run(text, published="2024-05-02"):
        return analyse(text, published).events
    return run


# ------------------------------------------------------- victims of the casualty clause

CIVILIAN_VICTIMS = [
    # the attack is the subject of the killing: its object is the target
    "Artillery shelling in the village of Um Kadada killed a 60-year-old man, local medics said.",
    "A drone strike in Sittwe killed a 12-year-old girl, residents said on Thursday.",
    "An airstrike on Saturday in Maarat al-Numan killed two women, rescuers said.",
    # the victim is the subject of a passive killing told "in" the attack
    "Medics said a 70-year-old woman was killed in an Israeli airstrike in Khan Younis.",
    "A boy was wounded in mortar shelling of Beni on Sunday, a local official said.",
    # the victim died, or suffered wounds, from the attack
    "Three children died in the shelling of Kadugli town, aid workers said.",
    "A woman suffered shrapnel wounds from shelling in Nikopol, the regional governor said.",
    "A man suffered shrapnel wounds from a drone strike near Gao, witnesses said.",
    "Two teenagers were injured in an air raid in Saada, Houthi-run media reported.",
    "A baby was killed in a bombardment of the town of Kutkai, the rescue team said.",
]


@pytest.mark.parametrize("text", CIVILIAN_VICTIMS)
def test_civilian_victims_are_the_target_of_the_attack(events, text):
    e = one_event(events(text), "ASSAULT")
    # one victim is "civilian", several are "civilians" (the number the article tells)
    several = any(w in text for w in ("Two ", "two ", "Three ", "children", "teenagers"))
    assert (e.target, e.target_sector) == ("civilians" if several else "civilian", "civilian")


def test_victims_with_a_side_keep_it(events):
    e = one_event(events("Two Nigerian soldiers were killed in an ambush near Damboa, the army "
                         "said."), "ASSAULT")
    assert e.target_country == "NG" and e.target_sector == "military"


def test_an_attack_with_its_own_target_keeps_it(events):
    e = one_event(events("An airstrike on the market of Kabkabiya killed five people, "
                         "residents said."), "ASSAULT")
    assert e.target != "civilians" and "market" in (e.target or "")


def test_victims_of_another_clause_are_not_taken(events):
    found = [e for e in events("Officials said a drone attack hit Odesa overnight, and "
                               "separately a man drowned in the river.") if e.type == "ASSAULT"]
    assert found and all(e.target != "civilians" for e in found)


# ------------------------------------------------- the owner of a claim, proposal or act

OWNED_ABSTRACTS = [
    ("The Sudanese army rejected the RSF's claim that it had captured El Obeid.",
     "REJECT", "Rapid Support Forces"),
    ("Hamas rejected Israel's proposal for a temporary truce on Tuesday.", "REJECT", "Israel"),
    ("The Somali government denied al-Shabaab's claim that its fighters had overrun a base.",
     "REJECT", "Al-Shabaab"),
    ("The junta in Niamey rejected ECOWAS's plan for a transition.", "REJECT", "ECOWAS"),
]


@pytest.mark.parametrize("text,etype,owner", OWNED_ABSTRACTS)
def test_the_owner_of_a_rejected_claim_is_the_target(events, text, etype, owner):
    e = one_event(events(text), etype)
    assert e.target == owner


def test_a_claim_with_no_owner_is_no_target(events):
    e = one_event(events("Ethiopia's government rejected the claim that its troops had "
                         "entered Eritrea."), "REJECT")
    assert e.target is None


MORE_OWNED = [
    ("Kinshasa rejected Rwanda's demand for a buffer zone in North Kivu.", "Rwanda"),
    ("The Houthis dismissed Washington's ultimatum to halt attacks on shipping.", "United States"),
    ("The Sudanese army rejected the RSF's offer of a humanitarian truce.", "Rapid Support Forces"),
]


@pytest.mark.parametrize("text,owner", MORE_OWNED)
def test_the_owner_of_a_rejected_demand_or_offer_is_the_target(events, text, owner):
    assert one_event(events(text), "REJECT").target == owner


# ------------------------------------------- the other party of talks, agreements, threats

PARTNERS = [
    ("Somalia's president held talks with Ethiopia's prime minister in Ankara.", "CONSULT", "ET"),
    ("The Malian junta's foreign minister met Russia's defence minister in Moscow.", "CONSULT", "RU"),
    ("Sudan's army chief met Egypt's president in Cairo on Sunday.", "CONSULT", None),
    ("The SNA agreed with Turkey on a new deployment near Manbij.", "AGREE", "TR"),
    ("Hamas agreed with Egypt on the terms of a prisoner release.", "AGREE", "EG"),
    ("Turkey threatened to attack Kurdish fighters in northern Syria.", "THREATEN", None),
    ("Al-Shabaab threatened to attack Kenyan troops in Lower Juba.", "THREATEN", "KE"),
]


@pytest.mark.parametrize("text,etype,country", PARTNERS)
def test_the_other_party_is_the_target(events, text, etype, country):
    e = one_event(events(text), etype)
    assert e.target is not None and e.target != e.actor
    if country:
        assert e.target_country == country


def test_agreeing_with_an_idea_names_no_party(events):
    found = [e for e in events("The Nigerian governor agreed with the assessment that the "
                               "road was unsafe.") if e.type == "AGREE"]
    assert all(e.target is None for e in found)


# ------------------------------------------------ what the attack's relative clause hit

RELATIVE_HITS = [
    ("Twin suicide bombings that targeted a mosque in Maiduguri killed 18 people.", "mosque"),
    ("An airstrike that hit a hospital in Saada killed four people.", "hospital"),
    ("A drone strike that killed five people hit a market in Kabkabiya.", "market"),
]


@pytest.mark.parametrize("text,hit", RELATIVE_HITS)
def test_what_the_relative_clause_hit_is_the_target(events, text, hit):
    e = one_event(events(text), "ASSAULT")
    assert hit in (e.target or "")


# ------------------------------------------------------ deals signed, governments criticised

def test_a_deal_signed_with_a_party_names_it(events):
    e = one_event(events("The Ethiopian government signed a deal with the TPLF in Pretoria."),
                  "AGREE")
    assert e.target == "Tigray People's Liberation Front"


def test_criticised_administrations_are_the_target(events):
    e = one_event(events("The junta criticized past administrations for failing to defeat "
                         "the jihadists."), "ACCUSE")
    assert "administrations" in (e.target or "")


MEETINGS_WITH = [
    ("The prime minister spoke of unity during a meeting with Misrata elders on Tuesday.", "elders"),
    ("The talks with the Houthis resumed in Muscat on Sunday.", "Houthis"),
    ("The governor met tribal elders in Garowe to discuss the offensive.", "elders"),
]


@pytest.mark.parametrize("text,who", MEETINGS_WITH)
def test_who_a_meeting_is_with_is_the_target(events, text, who):
    e = one_event(events(text), "CONSULT")
    assert who in (e.target or "")


# ------------------------------------------------------- where a falling munition came down

MUNITION_LANDED = [
    ("Two rockets fell on an army base near Baghdad overnight.", "base"),
    ("Mortar shells landed near a camp for displaced people in El Geneina.", "camp"),
    ("A missile slammed into a residential building in Dnipro on Tuesday.", "building"),
]


@pytest.mark.parametrize("text,hit", MUNITION_LANDED)
def test_what_a_munition_fell_on_is_the_target(events, text, hit):
    e = one_event(events(text), "ASSAULT")
    assert hit in (e.target or "")


def test_a_merged_telling_keeps_its_own_targets_sector(events):
    e = one_event(events("Jihadists killed six people during their attack on Sunday against "
                         "the town of Djibo."), "ASSAULT")
    assert e.target == "Djibo" and e.target_sector != "civilian"
