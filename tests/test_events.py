"""Event coding: types, roles, status and attribution, precision on text that holds no event.

Most tests run the coder over the parse alone (the other stages' maps empty), which is also the
fallback the coder must handle; tests/test_events_pipeline.py runs the whole pipeline.
"""
from __future__ import annotations

import pytest

from sitrep.analysis import Analysis
from sitrep.clean import clean
from sitrep.dates import DateResolver
from sitrep.events import code_events
from sitrep.record import EVENT_STATUSES, EVENT_TYPES, Article

from support import one_event


@pytest.fixture
def code(nlp):
    """code(text) -> (events, analysis), over the parse only."""
    def run(text, published="2023-05-10", **kw):
        cleaned = clean(text)
        an = Analysis(Article(id="t", text=text, published=published), cleaned, nlp(cleaned.text),
                      DateResolver(published))
        return code_events(an, **kw), an
    return run


only = one_event


# ------------------------------------------------------------------ type families

def test_shelling_by_named_forces_is_an_assault_with_actor_side_and_fatalities(code):
    events, _ = code("Russian forces shelled Kharkiv overnight, killing three civilians.")
    e = only(events, "ASSAULT")
    assert (e.actor, e.actor_country, e.actor_sector) == ("Russia", "RU", "military")
    assert e.mode == "shelling" and e.acled_event_type == "Explosions/Remote violence"
    assert e.target == "Kharkiv" and e.fatalities == 3 and e.status == "occurred"


def test_missiles_falling_on_a_city_is_a_missile_assault_located_there(code):
    events, _ = code("Nine missiles fell on the city of Mykolaiv on Sunday.")
    e = only(events, "ASSAULT")
    assert e.mode == "missile" and e.location == "Mykolaiv" and e.actor is None


def test_nominal_air_strikes_need_a_verb_saying_they_happened(code):
    events, _ = code("Two people were killed in air strikes on the town.")
    assert only(events, "ASSAULT").mode == "airstrike"
    events, _ = code("Air strikes are a controversial tactic.")
    assert events == []


def test_request_frames(code):
    events, _ = code("The rebel leaders asked Putin to assist them.")
    e = only(events, "REQUEST")
    assert e.target == "Vladimir Putin"
    events, _ = code("Ukrainian Foreign Minister Dmytro Kuleba called on NATO to close the sky.")
    e = only(events, "REQUEST")
    assert (e.actor, e.target, e.actor_country) == ("Dmytro Kuleba", "NATO", "UA")


def test_mobilization_verbal_and_nominal(code):
    events, _ = code("Kyiv began to call up thousands of reservists.")
    e = only(events, "MOBILIZE")
    assert (e.actor, e.actor_country, e.mode) == ("Ukraine", "UA", "reservists")
    events, _ = code("Moscow began its mobilization of additional troops on Thursday.")
    assert only(events, "MOBILIZE").actor == "Russia"
    events, _ = code("Putin ordered the partial mobilization of reservists.")
    assert only(events, "MOBILIZE").actor == "Vladimir Putin"


def test_protests_and_arrests_in_one_sentence(code):
    events, _ = code("In Russia, the announcement sparked demonstrations across the country, "
                     "and at least 1,332 people were arrested.")
    assert {e.type for e in events} == {"PROTEST", "COERCE"}
    assert all(e.location == "Russia" for e in events)
    assert only(events, "PROTEST").acled_event_type == "Protests"


def test_state_of_emergency_is_coerce_by_the_parliament(code):
    events, _ = code("The Verkhovna Rada has approved a state of emergency throughout the country.")
    e = only(events, "COERCE")
    assert e.actor == "Verkhovna Rada" and e.actor_country == "UA"


def test_sanction_agree_consult_support_aid_retreat(code):
    text = ("The EU imposed new sanctions on Russia. Russia and Ukraine signed a grain deal in Istanbul. "
            "Scholz met Zelensky in Kyiv. Germany said it was willing to welcome deserters. "
            "Washington sent 20 tanks to Ukraine. Russia began to evacuate personnel from its embassy. "
            "The garrison surrendered to Ukrainian forces.")
    events, _ = code(text)
    by_type = {e.type: e for e in events}
    assert by_type["SANCTION"].target == "Russia" and by_type["SANCTION"].actor == "European Union"
    assert by_type["AGREE"].location == "Istanbul"
    assert by_type["CONSULT"].target == "Volodymyr Zelensky"
    assert by_type["SUPPORT"].actor == "Germany" and by_type["SUPPORT"].attributed_to is None
    assert by_type["AID"].actor == "United States" and by_type["AID"].target == "Ukraine"
    retreats = {e.mode: e for e in events if e.type == "RETREAT"}
    assert retreats["evacuate"].actor == "Russia"
    # PLOVER codes a military surrender as a RETREAT, to the side surrendered to
    assert retreats["surrender"].target_country == "UA" and "CONCEDE" not in by_type


def test_prisoner_exchange_is_one_retreat_event(code):
    events, _ = code("Ukraine and Russia exchanged 50 prisoners on Monday.")
    e = only(events, "RETREAT")
    assert e.mode == "release prisoners" and e.target == "each other"      # not "Monday"


# ------------------------------------------------------------------ roles

def test_passive_target_and_location_without_actor(code):
    events, _ = code("An airfield and a jet engine factory were targeted in Lutsk.")
    e = only(events, "ASSAULT")
    assert e.actor is None and "airfield" in e.target and "factory" in e.target
    assert e.location == "Lutsk"


def test_passive_with_agent(code):
    events, _ = code("The village was shelled by Russian artillery.")
    e = only(events, "ASSAULT")
    assert e.actor_country == "RU" and e.target == "village"


def test_conjoined_actors_are_canonical_names(code):
    events, _ = code("Pushilin and Pasechnik asked Putin for military assistance.")
    e = only(events, "REQUEST")
    assert e.actor == "Denis Pushilin and Leonid Pasechnik" and e.actor_sector == "rebel"


def test_an_accused_place_is_the_target_not_the_location(code):
    events, _ = code("Separatists accused Kyiv of shelling a market, killing six people.")
    accuse = only(events, "ACCUSE")
    assert accuse.target == "Ukraine" and accuse.location is None


# ------------------------------------------------------------------ attribution and status

def test_accusation_gives_accuse_and_claimed_assault(code):
    events, _ = code("Donetsk separatists accused Kyiv of bombing a market, killing six people.")
    assert sorted(e.type for e in events) == ["ACCUSE", "ASSAULT"]
    assault = only(events, "ASSAULT")
    # the source is the party's canonical name; the article's words stay with the accusation
    assert assault.status == "claimed" and assault.attributed_to == "Donetsk People's Republic"
    assert assault.fatalities == 6 and assault.target == "market"
    accuse = only(events, "ACCUSE")
    assert accuse.status == "occurred" and accuse.actor_text == "Donetsk separatists"


def test_according_to_and_said_attribute_the_claim(code):
    events, _ = code("Explosions hit airfields near Ivano-Frankivsk, according to Russian defence officials.")
    e = only(events, "ASSAULT")
    assert e.attributed_to == "Russian defence officials" and e.status == "claimed"
    events, _ = code("Israeli airstrikes killed 12 people in Gaza on Tuesday, health officials said.")
    e = only(events, "ASSAULT")
    assert e.attributed_to == "health officials" and e.fatalities == 12 and e.actor == "Israel"


def test_reject_and_request_in_one_sentence(code):
    events, _ = code("Russian Foreign Minister Sergei Lavrov rejected the accusations and called "
                     "for the government to be punished.")
    assert {e.type for e in events} == {"REJECT", "REQUEST"}
    assert all(e.actor == "Sergei Lavrov" for e in events)


@pytest.mark.parametrize("text", [
    "US officials warned that a Russian invasion could begin within 48 hours.",
    "Russia will strike Kyiv if the West sends tanks.",
    "Russia did not attack the city.",
    "If the talks fail, the army may launch an offensive.",
    "Could Putin be prosecuted for war crimes?",
    "Did Russian forces shell the hospital?",
    "Moscow denied that its troops had shelled the hospital.",
    "The general plans to attack the port next week.",
    "NATO urged Russia to withdraw its troops.",
])
def test_unrealised_events_are_not_coded_as_occurred(code, text):
    events, _ = code(text)
    assert not [e for e in events if e.type in ("ASSAULT", "RETREAT", "SANCTION", "AID")
                and e.status in ("occurred", "claimed")], [(e.type, e.status, e.trigger) for e in events]


def test_a_willingness_to_attack_is_a_threat(code):
    events, _ = code("Medvedev stated that his country was prepared to carry out a nuclear attack "
                     "against the West if necessary.")
    assert [e.type for e in events] == ["THREATEN"]
    e = events[0]
    assert e.actor == "Dmitry Medvedev" and e.mode == "nuclear" and e.target == "West"


def test_threat_verb_codes_one_threaten(code):
    events, _ = code("The Kremlin threatened to cut gas supplies to Europe.")
    assert [(e.type, e.actor) for e in events] == [("THREATEN", "Russia")]


def test_unrealised_statuses_can_be_emitted_through_the_lexicon(code, tmp_path):
    from sitrep.events.lexicon import load_lexicon
    extra = tmp_path / "lex.yaml"
    extra.write_text("settings:\n  emit_statuses: [occurred, claimed, planned, warned, denied]\n")
    events, _ = code("Russia will strike Kyiv next week. Moscow denied that it had shelled the hospital.",
                     lexicon=load_lexicon(extra))
    statuses = {e.status for e in events if e.type == "ASSAULT"}
    assert statuses == {"planned", "denied"}


# ------------------------------------------------------------------ headlines

def test_headline_event_is_not_repeated_when_the_body_has_it(code):
    text = ("Russia begins its mobilization of reservists\n\n"
            "Moscow began its mobilization of additional troops on Thursday.")
    events, _ = code(text)
    assert [e.type for e in events] == ["MOBILIZE"]
    assert "Thursday" in events[0].evidence


# ------------------------------------------------------------------ precision: no invented events

@pytest.mark.parametrize("text", [
    "The war has changed Europe.",
    "The attack on free speech is a worry for journalists.",
    "Heart attacks are common among older men.",
    "Kyiv, Lviv, Odesa, Kharkiv, Dnipro, Donetsk, Luhansk, Mariupol, Kherson, Zaporizhzhia.",
    "Photo: Reuters / Getty Images",
    "Sanctions, strikes, protests, mobilization: a glossary.",
    "He said the \"attack\" was \"a 'strike' of 'genius'\" and laughed.",
    "The price of grain hit a record high.",
    "The minister struck a conciliatory tone.",
])
def test_no_event_in_text_without_one(code, text):
    events, _ = code(text)
    assert events == [], [(e.type, e.trigger, e.rule) for e in events]


def test_a_2000_token_sentence_gives_no_crash_and_no_event(code):
    text = " ".join(["Kyiv, Lviv and Odesa"] * 500) + "."
    events, an = code(text)
    assert events == []


def test_events_carry_their_sentence_as_evidence(code):
    text = "Calm returned to the region.\nRussian forces shelled Kharkiv overnight."
    events, an = code(text)
    e = only(events, "ASSAULT")
    assert text[e.start:e.end] == e.evidence == "Russian forces shelled Kharkiv overnight."


def test_every_event_uses_the_contract_vocabulary(code):
    text = ("Russian forces shelled Kharkiv. Protesters rallied in Tbilisi. The EU imposed sanctions on "
            "Russia. Police detained dozens of activists in Minsk. Scholz met Zelensky in Kyiv.")
    events, _ = code(text)
    assert len(events) >= 5
    for e in events:
        assert e.type in EVENT_TYPES and e.status in EVENT_STATUSES and e.rule and e.trigger


def test_location_from_the_paragraph_is_marked_as_such(analyse):
    # whole pipeline: the places stage knows Kyiv even where the small NER model does not
    an = analyse("Kyiv strike\n\nSirens sounded in Kyiv at dawn. Russian forces shelled a hospital, "
                 "killing two nurses.\n\nIn other news, a bridge reopened in Lviv.")
    e = only(an.events, "ASSAULT")
    assert e.location == "Kyiv" and e.location_scope == "paragraph"
    an = analyse("Kyiv strike\n\nRussian forces shelled a hospital in Kyiv.")
    assert only(an.events, "ASSAULT").location_scope == "clause"


def test_a_failing_dates_stage_does_not_cost_the_events(code, nlp):
    class Broken:
        published = None

        def resolve(self, span):
            raise ValueError("boom")

        def mentions(self, doc):
            raise ValueError("boom")

    text = "Russian forces shelled Kharkiv overnight."
    cleaned = clean(text)
    an = Analysis(Article(id="t", text=text), cleaned, nlp(cleaned.text), Broken())
    events = code_events(an)
    assert only(events, "ASSAULT").date is None
    assert "boom" in an.errors[0]


@pytest.mark.parametrize("text, etype", [
    ("The EU adopted a new package of sanctions against Russia.", "SANCTION"),
    ("Lebanon's prime minister condemned the strike on the village.", "ACCUSE"),
    ("Ukraine's military called the claim propaganda.", "REJECT"),
    ("The convoy came under fire near the border.", "ASSAULT"),
    ("Russian forces fired at Orikhiv 37 times overnight.", "ASSAULT"),
    ("Talks between the two delegations ended on Friday without a deal.", "CONSULT"),
])
def test_more_frames(code, text, etype):
    events, _ = code(text)
    assert [e.type for e in events] == [etype], [(e.type, e.rule) for e in events]


def test_a_spokesman_saying_his_side_will_retaliate_is_a_threat(code):
    events, _ = code('"The resistance will respond to every attack," the group\'s official told reporters.')
    assert [e.type for e in events] == ["THREATEN"]


def test_under_fire_makes_the_subject_the_target(code):
    events, _ = code("The convoy came under fire near the border.")
    assert only(events, "ASSAULT").target == "convoy"


def test_gunmen_killing_villagers_is_violence_against_civilians(code):
    events, _ = code("Gunmen attacked villagers in the market, killing seven.")
    e = only(events, "ASSAULT")
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Violence against civilians", "Attack")


def test_an_undated_act_has_no_date_even_in_the_present_perfect(code):
    # the annotation convention of ../shared/eval: no day in the text, no date (not the
    # publication day, although the act probably happened just before the report)
    events, _ = code("The parliament has approved a state of emergency throughout the country. "
                     "Russia shelled Kharkiv on Monday. Ukraine has been shelled for weeks.",
                     published="2022-02-23")
    dates = {(e.type, e.trigger): e.date for e in events}
    assert dates[("COERCE", "approved")] is None
    assert dates[("ASSAULT", "shelled")] == "2022-02-21"


def test_fatalities_are_the_total_not_a_part_of_it(code):
    events, _ = code("An air strike on a building in the town of Nabatieh killed five people on "
                     "Tuesday, including two children, the health ministry said.")
    assert only(events, "ASSAULT").fatalities == 5
