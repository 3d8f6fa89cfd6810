"""Threats told as a warning or a vow of the speaker's own side's act (issue 9, class 2), and
the doer of an adverbial participle (issue 9, class 1):
- "the spokesman warned that the group would target any ship", "warned that his forces would
  reach the city", "vowed that the government would hunt down the plotters" are THREATEN: the
  warned clause's subject stands for the warner's own side ("the group", "his forces", "they");
- a warning of what someone else may do, a vow of a peaceful act, and a warning about a state of
  things are no threat;
- "militants overran an army post, killing 20 soldiers": the killing's doer is the subject of
  the clause it continues, when that clause tells an act on the ground; "the bloc adopted
  sanctions, targeting tankers" is no attack.

Texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

HEAD = "Latest reports\n\n"


def _types(events, text):
    return [e.type for e in events(HEAD + text)]


THREATS = [
    "The Houthi spokesman warned that the group would target any ship bound for Eilat.",
    "The RSF commander warned that his forces would storm El Obeid within days.",
    "The Somali president vowed that the government would hunt down those who planned the bombing.",
    "Fano commanders warned they would march on Bahir Dar if the army did not withdraw.",
    "A Hezbollah lawmaker warned that the group would strike Haifa if the raids went on.",
    "The JNIM leader vowed that his fighters would attack every convoy on the Bamako road.",
    "Kataib Hezbollah warned that it would target American bases in Iraq.",
    "The M23 spokesman swore that the movement would seize Uvira before the rains.",
    "The junta chief warned that his troops would bomb any village sheltering rebels in Sagaing.",
    "A Shabaab commander vowed that the group would attack hotels used by officials in Mogadishu.",
    "ELN commanders warned that they would blow up the pipeline again in Arauca.",
    "The Nigerian president condemned the massacre and vowed that the army would hunt down the killers.",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_warning_of_the_own_sides_act_is_a_threat(events, text):
    assert "THREATEN" in _types(events, text)


NOT_THREATS = [
    "The UN warned that the famine would spread to ten more districts of Darfur.",
    "Aid agencies warned that the cholera outbreak in Yemen would worsen with the rains.",
    "The prime minister vowed that the country would rebuild every school destroyed in the war.",
    "Analysts warned that the government would struggle to pay salaries in Juba.",
    "The governor warned that the bridge would be closed for repairs.",
]


@pytest.mark.parametrize("text", NOT_THREATS)
def test_a_warning_of_another_or_a_peaceful_vow_is_no_threat(events, text):
    assert "THREATEN" not in _types(events, text)


# (text, the participle's doer's word)
PARTICIPLE_DOERS = [
    ("JNIM militants overran a gendarmerie post in Boulkessi, killing dozens of soldiers.", "jnim"),
    ("Arakan Army fighters overran a police outpost near Maungdaw, killing 14 officers.", "arakan"),
    ("Al-Shabaab fighters seized a military camp near Jowhar, killing nine soldiers.", "shabaab"),
    ("ISWAP fighters overran an army base in Malam Fatori, killing 20 soldiers.", "islamic state"),
    ("M23 rebels captured a hilltop near Sake, killing six Congolese soldiers.", "m23"),
    ("RSF fighters seized the main market of El Fasher, killing 12 traders.", "rapid support"),
]


@pytest.mark.parametrize("text, doer", PARTICIPLE_DOERS)
def test_a_participles_doer_is_its_clauses_subject(events, text, doer):
    evs = events(HEAD + text)
    assaults = [e for e in evs if e.type == "ASSAULT"]
    assert assaults, [(e.type, e.actor) for e in evs]
    assert any(doer in f"{e.actor} {e.actor_text}".lower() for e in assaults), \
        [(e.type, e.actor) for e in assaults]


def test_a_participle_of_a_decision_is_no_attack(events):
    evs = events(HEAD + "The European Union on Monday adopted a new sanctions package against "
                 "Russia, targeting tankers of the shadow fleet.")
    assert "ASSAULT" not in [e.type for e in evs]
