"""The record's first event is the lead's incident (issue 9): an article that opens with front
matter (a "Key points" / "What we know" list, a standfirst line) has the event its first
paragraph tells first, not an echo or a total from the list that the body did not absorb. A
live blog's summary list over time-stamped sections is its own lead and keeps its place; a
text without such a list, a feed item that opens with its lead, and a background paragraph's
older event keep the order they had.

Short articles written for these tests (headline, front matter, dateline lead, background),
from several wars.
"""
from __future__ import annotations

import pytest

FRONT_MATTER = [
    # (article, a word of the lead's sentence the first event must come from)
    ("Rebels seize border post in North Kivu\n\nKey points:\n- The government imposed a curfew on two districts\n"
     "- Thousands fled towards Goma\n\nGOMA, Congo — M23 rebels captured the Bunagana border post on Tuesday "
     "after a night of fighting, local officials said.\nThe army said it would retake the post.",
     "Bunagana"),
    ("Houthis target tanker off Yemen\n\nKey points:\n- Washington sanctioned three Houthi financiers\n"
     "- Shipping insurers raised premiums\n\nSANAA, Yemen — Houthi forces fired two missiles at an oil tanker "
     "in the Gulf of Aden on Monday, the group's spokesman said.\nThe tanker was not damaged.",
     "tanker"),
    ("Junta jets bomb monastery in Sagaing\n\nWhat we know:\n- The UN envoy condemned the junta\n"
     "- Aid groups appealed for access\n\nMANDALAY, Myanmar — Military aircraft bombed a monastery in a "
     "village of Sagaing region on Friday, killing 11 people, residents said.\nThe junta denied it.",
     "monastery"),
    ("Gunmen storm village in Zamfara\n\nKey points:\n- The governor declared three days of mourning\n"
     "- Police arrested two suspects\n\nGUSAU, Nigeria — Gunmen on motorcycles attacked the village of "
     "Dangulbi on Sunday, killing 23 people, police said.\nResidents buried the dead on Monday.",
     "Dangulbi"),
    ("Israeli strike hits Nabatieh building\n\nKey developments:\n- Hezbollah vowed to respond\n"
     "- Lebanon filed a complaint at the UN\n\nBEIRUT — An Israeli air strike destroyed a building in the "
     "southern town of Nabatieh on Wednesday, killing four people, the health ministry said.\n"
     "Rescue teams searched the rubble.",
     "Nabatieh"),
    ("RSF shells camp near El Fasher\n\nHighlights:\n- The UN appealed for a truce\n"
     "- Doctors reported shortages of medicine\n\nKHARTOUM, Sudan — Rapid Support Forces shelled the Abu "
     "Shouk camp near El Fasher on Thursday, killing nine displaced people, aid workers said.\n"
     "The army said it repelled an attack on the city.",
     "Abu"),
    ("Russian drones hit Odesa port\n\nKey points:\n- Kyiv summoned the Hungarian ambassador\n"
     "- The EU promised more air defence\n\nODESA, Ukraine — Russian drones struck port facilities in "
     "Odesa overnight, injuring five workers, the regional governor said on Saturday.\n"
     "Fires were put out by morning.",
     "port"),
    ("Al-Shabaab attacks army base in Hiran\n\nWhat we know:\n- The president praised the troops\n"
     "- Washington pledged more support\n\nMOGADISHU, Somalia — Al-Shabaab fighters stormed an army base "
     "in the Hiran region on Tuesday, sparking hours of fighting, a military officer said.\n"
     "The group claimed the attack.",
     "base"),
    ("Pakistani jets strike border district\n\nKey points:\n- Kabul protested to Islamabad\n"
     "- Border crossings were closed\n\nKABUL, Afghanistan — Pakistani aircraft bombed villages in the "
     "Barmal district of Paktika province on Monday night, killing eight people, Taliban officials said.\n"
     "Pakistan did not comment.",
     "Barmal"),
    ("Azerbaijani troops pull back from border heights\n\nKey points:\n- Yerevan welcomed the step\n"
     "- Moscow offered to mediate\n\nBAKU, Azerbaijan — Azerbaijani forces withdrew from two hilltop "
     "positions near the village of Yeraskh on Wednesday, the defence ministry said.\n"
     "Armenian officials confirmed the move.",
     "Yeraskh"),
]


def _first_from(an, word: str) -> bool:
    ev = an.events[0]
    return word in ev.evidence


@pytest.mark.parametrize("text, word", FRONT_MATTER)
def test_the_leads_event_comes_before_the_front_matters(analyse, text, word):
    an = analyse(text, "2025-03-12")
    assert an.events, "the lead's event is coded"
    assert _first_from(an, word), [(e.type, e.evidence[:60]) for e in an.events]


@pytest.mark.parametrize("text, word", FRONT_MATTER[:3])
def test_the_front_matters_events_are_kept_after_the_body(analyse, text, word):
    """Nothing is dropped: moving the list's events does not change what is coded."""
    from sitrep.events import order

    an = analyse(text, "2025-03-12")
    kept = order.front_matter_last
    try:
        order.front_matter_last = lambda coder, events: events
        plain = analyse(text, "2025-03-12")
    finally:
        order.front_matter_last = kept
    assert sorted((e.type, e.start) for e in an.events) == sorted((e.type, e.start) for e in plain.events)


LIVE_BLOG = [
    ("Live: Ukrainian drones hit refineries in Russia\n\nThese are the updates for Sunday, June 8:\n"
     "Ukrainian drones struck two oil refineries in Russia's Samara region, the governor says.\n"
     "Moscow says it shot down 40 drones.\n\n"
     "16:10 GMT - Kremlin says talks are not planned\n"
     "The Kremlin said on Sunday that no new talks with Kyiv were planned.\n\n"
     "15:00 GMT - Fire at Novokuibyshevsk plant put out\n"
     "Firefighters put out a blaze at the plant after a drone attack, officials said.",
     "refineries"),
    ("Live: Israeli strikes pound Khan Younis\n\nThese are the updates for Tuesday, May 6:\n"
     "Israeli strikes killed at least 20 people in Khan Younis, Gaza's civil defence says.\n"
     "Hamas says talks in Cairo will resume.\n\n"
     "18:20 GMT - Egypt hosts mediators\n"
     "Egyptian officials met Qatari mediators in Cairo on Tuesday.\n\n"
     "17:05 GMT - Aid trucks enter through Kerem Shalom\n"
     "Forty trucks crossed into Gaza, the UN said.",
     "Khan"),
]


@pytest.mark.parametrize("text, word", LIVE_BLOG)
def test_a_live_blogs_summary_over_timed_sections_keeps_its_place(analyse, text, word):
    an = analyse(text, "2025-06-08")
    assert an.events and _first_from(an, word), [(e.type, e.evidence[:60]) for e in an.events]


FEED_ITEM = (
    "Fighters from the Islamic State West Africa Province attacked a military base in Borno state on "
     "Saturday, killing 12 soldiers, army sources said.\n\nThe group later claimed the attack in a "
     "statement. Troops reinforced the base on Sunday.")


def test_a_feed_item_that_opens_with_its_lead_keeps_it_first():
    """A feed gives the headline apart; the text's first line is the lead, not front matter."""
    from sitrep.pipeline import analyse
    from sitrep.record import Article

    an = analyse(Article(id="t", text=FEED_ITEM, published="2025-03-12",
                         title="Jihadists kill 12 soldiers in Borno base attack"))
    assert an.events and _first_from(an, "military base"), [(e.type, e.evidence[:60]) for e in an.events]


UNCHANGED = [
    # background paragraph with an older event after the lead: the lead stays first
    ("Turkish drone strikes car near Kobani\n\nQAMISHLI, Syria — A Turkish drone struck a car near Kobani on "
     "Tuesday, killing three SDF fighters, the SDF said.\n\nIn 2019, Turkish forces launched an offensive "
     "against Kurdish fighters in northern Syria.",
     "Kobani"),
    # no front matter at all: order as told
    ("Clashes erupt in Tripoli\n\nTRIPOLI, Libya — Rival armed groups clashed in the Ain Zara district of "
     "Tripoli on Monday night, medics said.\nThe government later announced a truce.",
     "Zara"),
]


@pytest.mark.parametrize("text, word", UNCHANGED)
def test_articles_without_front_matter_keep_their_first_event(analyse, text, word):
    an = analyse(text, "2025-03-12")
    assert an.events and _first_from(an, word), [(e.type, e.evidence[:60]) for e in an.events]


# The lead is the first sentences of running text: a dateline on its own line, a byline, an
# "Updated" stamp or a photo caption above it is no sentence of the lead, so the lead's event
# with no doer named is still done by the headline's doer (`doers.actor_the_lead`).
ABOVE_THE_LEAD = [
    ("Kachin Independence Army attacks junta outpost near Hpakant\nHPAKANT – 3 March 2025\n"
     "File photo: Rebel fighters on patrol in the region earlier this year. (Photo: Kachin News)\n"
     "At least 12 soldiers were killed in an assault on a hilltop outpost near Hpakant early "
     "Sunday, a local official said.\nThe junta did not comment.",
     "Kachin Independence Army"),
    ("Houthis attack cargo ship in Red Sea\nADEN – 9 July 2025\n"
     "File photo: A cargo ship at the port of Aden in the region earlier this year. (Photo: Reuters)\n"
     "Two sailors were wounded in a missile attack on a Greek-owned bulk carrier west of Hodeidah on Tuesday, "
     "a maritime security agency said.\nThe vessel kept sailing.",
     "Houthi"),
    ("Al-Shabaab attacks army base in Lower Shabelle\nMOGADISHU – 4 Feb 2025\n"
     "Photo: Somali soldiers at a checkpoint in the region earlier this year. (Photo: AFP)\n"
     "Nine soldiers were killed in a raid on a base near Afgoye before dawn on Monday, "
     "a military officer said.\nThe army sent reinforcements.",
     "Shabaab"),
    ("M23 rebels shell Sake\nGOMA – 20 Jan 2025\n"
     "File photo: Displaced families near Goma in the region earlier this year. (Photo: MONUSCO)\n"
     "Four civilians were killed in the shelling of a market in the town of Sake on Sunday, "
     "residents said.\nThe army returned fire.",
     "M23"),
    ("Hamas fires rockets at Ashkelon\nGAZA CITY – 2 Nov 2024\n"
     "File photo: Rocket trails over Gaza in the region earlier this year. (Photo: AP)\n"
     "Three people were wounded in a rocket attack on a residential street in Ashkelon on Saturday, "
     "medics said.\nSirens sounded across the south.",
     "Hamas"),
    ("ISWAP fighters attack military base in Borno\nMAIDUGURI – 11 Aug 2025\n"
     "Photo: Nigerian troops in Borno in the region earlier this year. (Photo: Premium Times)\n"
     "Seven soldiers were killed in an attack on a base in Marte on Friday night, "
     "security sources said.\nThe army said it repelled the attack.",
     "Islamic State West Africa Province"),
    ("Taliban forces attack Pakistani border post\nJALALABAD – 12 Oct 2025\n"
     "File photo: The Torkham crossing in the region earlier this year. (Photo: AFP)\n"
     "Two soldiers were killed in an attack on a border post near Torkham on Saturday night, "
     "officials said.\nThe crossing was closed.",
     "Taliban"),
    ("RSF fighters storm village in North Kordofan\nEL OBEID – 6 May 2025\n"
     "Photo: Displaced women near El Obeid in the region earlier this year. (Photo: UNHCR)\n"
     "At least 20 villagers were killed in an attack on a village west of El Obeid on Monday, "
     "a medical group said.\nSurvivors fled to the city.",
     "Rapid Support Forces"),
    ("Hezbollah drones hit Israeli army post\nMETULA – 14 Mar 2024\n"
     "File photo: Smoke over the border in the region earlier this year. (Photo: Reuters)\n"
     "Two soldiers were wounded in a drone attack on an army post near Metula on Thursday, "
     "the military said.\nIsrael struck back in south Lebanon.",
     "Hezbollah"),
    ("White Army fighters attack army barracks in Ulang\nULANG – 8 Apr 2025\n"
     "File photo: SSPDF soldiers on patrol in the region earlier this year. (Photo: Radio Tamazuj)\n"
     "At least 15 soldiers were killed in an attack on army barracks in Ulang on Monday, "
     "a local official said.\nThe army said it retook the barracks.",
     "White Army"),
]


@pytest.mark.parametrize("text, doer", ABOVE_THE_LEAD)
def test_lines_above_the_lead_do_not_push_it_out_of_the_lead(analyse, text, doer):
    an = analyse(text, "2025-03-12")
    assert an.events, "the lead's event is coded"
    first = an.events[0]
    assert first.actor and doer.lower() in first.actor.lower(), (first.type, first.actor, first.evidence[:60])


def test_a_later_paragraphs_event_is_not_given_the_headlines_doer(analyse):
    """Must not change: only the lead's event takes the headline's doer."""
    text = ("Kachin rebels overrun junta outpost near Hpakant\nHPAKANT – 3 March 2025\n"
            "File photo: Kachin Independence Army fighters on patrol. (Photo: Kachin News)\n"
            "Fighters of the Kachin Independence Army stormed a hilltop outpost near Hpakant early Sunday, "
            "a local official said.\nThe junta did not comment. Its troops withdrew to Lonekhin.\n\n"
            "Last year, unknown gunmen killed four miners near Hpakant.")
    an = analyse(text, "2025-03-12")
    old = [e for e in an.events if "Last year" in e.evidence]
    assert all(e.actor is None or "Kachin" not in e.actor for e in old)
