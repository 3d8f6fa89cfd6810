"""Who an event is attributed to (issue 9, classes 2/5/6): the source of a claim named in the
same sentence or in a following "This was reported by ..." sentence, resolved to whom the
article named; none for the outlet's own statement, for a rule or a reason after "according
to", nor for a speech act reported as made; a claim of responsibility is the claiming group's.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

from support import first_event


@pytest.mark.parametrize("text, etype, source", [
    ("Paramilitaries shelled a market in El Fasher on Sunday, killing nine people, a local medic "
     "told AFP.", "ASSAULT", "medic"),
    ("According to the health ministry, Israeli strikes killed 12 people in Deir al-Balah on Monday.",
     "ASSAULT", "health ministry"),
    ("M23 rebels captured the town of Rubaya on Tuesday, residents told Reuters.", "COERCE", "residents"),
    # the one told is never the source
    ("Rockets hit an army base outside Tal Afar on Monday, police commander Ahmed Saleh "
     "told Rudaw.", "ASSAULT", "Ahmed Saleh"),
    ("Gunmen killed five farmers near Jos on Saturday, a community leader told the Associated Press.",
     "ASSAULT", "community leader"),
    # a gerund subject takes its verb's source
    ("In the north, shelling in the village of Kupiansk killed a 60-year-old man, the regional "
     "governor said.", "ASSAULT", "governor"),
    ("Troops detained 14 suspected militants in Beni, the army spokesman said on Friday.",
     "COERCE", "army spokesman"),
    ("Suspected jihadists ambushed a convoy near Kaya on Wednesday, killing 11 soldiers, "
     "security sources said.", "ASSAULT", "security sources"),
    ("Government forces recaptured the town of Wad Madani, the army said in a statement.", "COERCE", "army"),
    ("An airstrike hit a fuel station in Sanaa, the rebel-run Saba news agency reported.",
     "ASSAULT", "Saba"),
])
def test_the_source_named_in_the_sentence(typed_events, text, etype, source):
    e = first_event(typed_events(text), etype)
    assert e.attributed_to and source.lower() in e.attributed_to.lower()
    assert e.status == "claimed"


@pytest.mark.parametrize("text, etype", [
    ("The two sides exchanged prisoners in Istanbul according to the agreed formula on Saturday.", "RETREAT"),
    ("Washington sanctioned three Sudanese companies on Monday, citing the army's refusal to join "
     "peace talks.", "SANCTION"),
    ("Troops withdrew from the town of Kidal according to the plan agreed in Algiers.", "RETREAT"),
    ("The European Union imposed sanctions on five Myanmar generals, citing concerns over air "
     "strikes on villages.", "SANCTION"),
    # a clause beside another statement is the outlet's own
    ("Ukraine and Russia swapped prisoners again, 90 soldiers returned home.", "RETREAT"),
    ("Rebels shelled a camp near Goma on Friday; no one was killed.", "ASSAULT"),
])
def test_a_rule_or_a_reason_is_no_source(typed_events, text, etype):
    e = first_event(typed_events(text), etype)
    assert e.attributed_to is None


@pytest.mark.parametrize("text, etype, source", [
    ("Jihadists attacked a gendarmerie post near Dori on Monday. This was reported by the press "
     "service of the Burkina Faso Armed Forces.", "ASSAULT", "Burkina Faso Armed Forces"),
    ("Israeli troops arrested 20 Palestinians in raids across the West Bank overnight. This was "
     "reported by the Palestinian Prisoners' Society.", "COERCE", "Palestinian Prisoners"),
    ("Russia and Ukraine exchanged 95 prisoners of war on Friday. This was announced by the "
     "Coordination Headquarters for the Treatment of Prisoners of War.", "RETREAT", "Coordination Headquarters"),
])
def test_this_was_reported_by_credits_the_sentence_before(typed_events, text, etype, source):
    e = first_event(typed_events(text), etype)
    assert e.attributed_to and source.lower() in e.attributed_to.lower()


def test_a_report_in_another_paragraph_credits_nothing(typed_events):
    e = first_event(typed_events("Jihadists attacked a gendarmerie post near Dori on Monday.\n\n"
                     "This was reported by the press service of the Burkina Faso Armed Forces."), "ASSAULT")
    assert e.attributed_to is None


@pytest.mark.parametrize("text, etype, source", [
    # "the agency" is the body named as the source before
    ("Russia and Ukraine exchanged 75 prisoners on Friday. This was reported by the Main "
     "Intelligence Directorate.\n\nAccording to the agency, Russian forces captured four "
     "civilians near Bucha.", "COERCE", "Main Intelligence Directorate"),
    # "he" is the person named before
    ("Sudan's army spokesman Nabil Abdallah spoke on Sunday. He said the Rapid Support Forces "
     "shelled a hospital in Omdurman.", "ASSAULT", "Nabil Abdallah"),
])
def test_a_pronoun_or_description_source_is_who_was_named(typed_events, text, etype, source):
    e = first_event(typed_events(text), etype)
    assert e.attributed_to == source


@pytest.mark.parametrize("text, group", [
    ("Islamic State claimed responsibility for a bombing at a checkpoint in Raqqa that killed four soldiers.",
     "Islamic State"),
    ("Al-Shabaab claimed responsibility for the attack on a hotel in Mogadishu.", "Al-Shabaab"),
    ("The Pakistani Taliban claimed responsibility for an ambush on a police convoy in Bannu.", "Taliban"),
])
def test_a_claim_of_responsibility_is_the_groups(typed_events, text, group):
    e = first_event(typed_events(text), "ASSAULT")
    assert e.attributed_to and group.lower() in e.attributed_to.lower()
    assert e.status == "claimed"


@pytest.mark.parametrize("text", [
    "\"Pakistan will return a response to the attack,\" the army spokesman said on Wednesday.",
    "Yemen strikes\n\n\"We will respond to every attack on our country,\" Houthi official "
    "Mohammed Ali al-Houthi said.",
    "Border clash\n\n\"We will retaliate for this crime,\" Hezbollah official Hassan "
    "Fadlallah said on Sunday.",
])
def test_a_threat_in_the_speakers_own_words_is_nobodys_claim(typed_events, text):
    e = first_event(typed_events(text), "THREATEN")
    assert e.attributed_to is None


def test_a_speech_act_told_beside_a_report_is_the_outlets(typed_events):
    evs = typed_events("Pakistan said eight people were killed in missile strikes launched by India, and "
                "the country's prime minister vowed to retaliate.")
    e = first_event(evs, "THREATEN")
    assert e.attributed_to is None


def test_a_claim_inside_a_denial_is_the_claimants(typed_events):
    evs = typed_events("Ukraine denied Russia's claim that its forces had captured the village of Robotyne.")
    e = first_event(evs, "COERCE")
    assert e.attributed_to == "Russia" and e.status == "claimed"
    assert first_event(evs, "REJECT").attributed_to is None


@pytest.mark.parametrize("text, etype", [
    ("\"Russian occupiers once again shelled the town,\" the governor said, referring to the port "
     "city on the west bank of the river, abandoned by Russian forces late last year.", "RETREAT"),
    ("\"The militia attacked us again,\" the village chief said, referring to the town on the bank "
     "of the Ituri river, abandoned by UN peacekeepers in 2022.", "RETREAT"),
])
def test_the_outlets_gloss_after_a_quote_is_not_the_speakers(typed_events, text, etype):
    e = first_event(typed_events(text), etype)
    assert e.attributed_to is None and e.status == "occurred"


@pytest.mark.parametrize("text, etype", [
    ("Japan also announced sanctions on Monday, freezing the assets of 30 people and 12 companies.", "SANCTION"),
    ("Britain announced new sanctions on Iranian drone makers, freezing the assets of five firms.", "SANCTION"),
    ("Germany said it had pledged 500 million euros in humanitarian aid to Sudan.", "AID"),
])
def test_a_decision_made_by_announcing_it_is_no_claim(typed_events, text, etype):
    e = first_event(typed_events(text), etype)
    assert e.attributed_to is None and e.status == "occurred"


@pytest.mark.parametrize("text", [
    "Foreign ministry spokeswoman Maria Zakharova said Russia would respond to the new sanctions.",
    "Iran's foreign minister Abbas Araghchi said Tehran would retaliate against any Israeli strike.",
])
def test_a_threat_a_person_reports_is_theirs_as_made(typed_events, text):
    e = first_event(typed_events(text), "THREATEN")
    assert e.attributed_to is None


@pytest.mark.parametrize("text, etype, claimant", [
    ("The RSF dismissed the army's claim that its troops had retaken the presidential palace in "
     "Khartoum.", "COERCE", "army"),
    ("Hamas rejected Israel's allegation that its fighters had fired the rocket that hit the "
     "hospital.", "ASSAULT", "Israel"),
    ("Kyiv denied Moscow's claim that Russian forces had captured the town of Chasiv Yar.",
     "COERCE", "Russia"),
])
def test_a_claim_nested_in_a_denial_is_the_claimants(typed_events, text, etype, claimant):
    evs = typed_events(text)
    e = first_event(evs, etype)
    assert e.attributed_to and claimant.lower() in e.attributed_to.lower() and e.status == "claimed"
    assert first_event(evs, "REJECT").attributed_to is None


@pytest.mark.parametrize("text, etype, source", [
    ("Sky News reported, citing a diplomatic source, that Russia demanded the withdrawal of "
     "Ukrainian troops from four regions.", "REQUEST", "Sky News"),
    ("Al Jazeera reported that Egypt had urged Hamas to accept the truce proposal.", "REQUEST", "Al Jazeera"),
])
def test_a_speech_act_known_through_a_third_party_is_theirs(typed_events, text, etype, source):
    e = first_event(typed_events(text), etype)
    assert e.attributed_to == source


def test_a_speech_act_told_by_the_speakers_government_is_the_outlets(typed_events):
    e = first_event(typed_events("The Kremlin said Putin condemned the attack on the concert hall."), "ACCUSE")
    assert e.attributed_to is None and e.actor in ("Vladimir Putin", "Putin")
