"""Article structure and events (issue 9, precision): an incident a heading, a "Key points"
list or a standfirst bullet tells again is one event, the body's; a summary line that is the
only telling, or that gives a total no body sentence gives, stays an event.

Mini-articles written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

from sitrep.structure import blocks


def _kinds(text):
    lay = blocks(text)
    return [(text[b.start:b.end], b.kind) for b in lay.blocks]


def _kind_of(text, line_start):
    found = [k for line, k in _kinds(text) if line.startswith(line_start)]
    assert found, _kinds(text)
    return found[0]


# ---------------------------------------------------------------------------------------------
# the layout: which line is what

LAYOUTS = [
    # a summary heading with a colon, items without glyphs
    ("Fighting flares in Sagaing\nKey points:\nResistance fighters seized a police post in Kale.\n"
     "The junta bombed two villages.\n\nResistance fighters seized a police post in Kale on Monday, "
     "a local official said.", "Resistance fighters seized a police post in Kale.", "summary"),
    # an upper-case heading, bullet items after a blank line
    ("Ituri flash update\nHIGHLIGHTS\n\n\u2022 CODECO fighters attacked a displacement site near Bunia.\n"
     "\u2022 Aid convoys are stalled.\n\nSITUATION\nOn 4 May, CODECO fighters attacked the Plaine Savo "
     "site near Bunia, killing 12 people.", "\u2022 Aid convoys are stalled.", "summary"),
    # a live blog's lead-in line
    ("Live: Strikes on Sanaa\nThese are the updates for Friday, 12 June:\nUS jets struck Houthi "
     "radar sites near Hodeidah.\n\n10:05 GMT - US strikes radar sites\nUS jets struck three Houthi "
     "radar sites near Hodeidah overnight, the Pentagon said.", "US jets struck Houthi", "summary"),
    # the time-stamped headings of a live blog
    ("Live: Strikes on Sanaa\nThese are the updates for Friday, 12 June:\nUS jets struck Houthi "
     "radar sites near Hodeidah.\n\n10:05 GMT - US strikes radar sites\nUS jets struck three Houthi "
     "radar sites near Hodeidah overnight, the Pentagon said.", "10:05 GMT", "heading"),
    # a crosshead between two stories
    ("Two attacks in the north-east\nGunmen killed four farmers near Maiduguri on Sunday, police said.\n\n"
     "Bandits abduct 20 in Katsina\n\nIn a separate attack, bandits abducted 20 villagers in Faskari.",
     "Bandits abduct 20 in Katsina", "heading"),
    # the body around it
    ("Two attacks in the north-east\nGunmen killed four farmers near Maiduguri on Sunday, police said.\n\n"
     "Bandits abduct 20 in Katsina\n\nIn a separate attack, bandits abducted 20 villagers in Faskari.",
     "In a separate attack", "body"),
    # bullets of a factbox that follow the lead are the body
    ("FACTBOX-What we know about the Baidoa bombing\nA car bomb hit a checkpoint in Baidoa on Friday.\n\n"
     "* The blast killed nine people, police said.\n* Al Shabaab claimed the attack.",
     "* The blast killed nine", "bullet"),
    # bullets before any paragraph are a standfirst summary
    ("Cartel violence in Cauca\n- Dissidents attacked a police station in Suarez\n- Two officers "
     "died\n\nFARC dissidents attacked a police station in Suarez, Cauca, on Tuesday, killing two "
     "officers.", "- Two officers died", "summary"),
    # a long line whose stop was lost is running text, not a heading
    ("Shelling in Kherson\nRussian forces shelled the Korabelnyi district of Kherson overnight, "
     "damaging a school, a hospital and several homes, the regional governor said on Telegram this "
     "morning without giving a toll\nMore shelling followed at dawn.", "Russian forces shelled", "body"),
    # a "What we know" heading phrase with a question-free line
    ("Port Sudan drone attack\nWhat we know so far\n\nDrones hit the fuel depot at Port Sudan.\n\n"
     "Drones struck the main fuel depot at Port Sudan on Sunday, the army said.",
     "Drones hit the fuel depot", "summary"),
    # a sentence under a heading that is not a summary heading stays running text
    ("Haiti gangs\nBackground:\n\nGangs control most of Port-au-Prince. Viv Ansanm gunmen attacked "
     "Mirebalais in March.", "Gangs control most", "body"),
]


@pytest.mark.parametrize("text, line, kind", LAYOUTS)
def test_each_line_gets_the_kind_its_form_shows(text, line, kind):
    assert _kind_of(text, line) == kind


def test_the_first_line_is_the_title_and_an_empty_text_has_no_blocks():
    assert _kinds("Ceasefire in Tigray\nThe truce held on Monday.")[0][1] == "title"
    assert blocks("").blocks == ()
    assert blocks("\n\n  \n").blocks == ()


def test_a_heading_starts_a_section():
    text = ("Gaza updates\nGunmen fired at a convoy.\n\n09:00 GMT - Strike on Rafah\nA strike hit "
            "Rafah.\n\n11:00 GMT - Talks in Doha\nTalks resumed.")
    lay = blocks(text)
    sec = {text[b.start:b.end][:9]: b.section for b in lay.blocks}
    assert sec["A strike "] == sec["09:00 GMT"] != sec["Talks res"] == sec["11:00 GMT"]


# ---------------------------------------------------------------------------------------------
# events: a heading or summary line told again in the body is the body's one event

RETOLD = [
    ("Live: Strikes on Yemen\nThese are the updates for Friday, 12 June:\nUS jets struck Houthi radar "
     "sites near Hodeidah.\nThe UN envoy arrived in Muscat.\n\n10:05 GMT - US strikes Houthi radar sites\n"
     "US jets struck three Houthi radar sites near Hodeidah overnight, the Pentagon said.",
     "ASSAULT", "US jets struck three"),
    ("Two attacks in Nigeria's north\nGunmen killed four farmers near Maiduguri on Sunday, police said.\n\n"
     "Bandits abduct 20 in Katsina\n\nIn a separate attack, bandits abducted 20 villagers from a "
     "village in Faskari, Katsina State, on Monday night, residents said.",
     "ASSAULT", "In a separate attack"),
    ("Ituri flash update\nHIGHLIGHTS\n\n\u2022 CODECO fighters attacked a displacement site near Bunia.\n"
     "\u2022 Aid convoys are stalled.\n\nSITUATION\nOn 4 May, CODECO fighters attacked the Plaine Savo "
     "displacement site near Bunia, killing 12 people, local sources said.",
     "ASSAULT", "On 4 May"),
    ("Myanmar update\nKey points:\nResistance fighters seized the town of Kale.\n"
     "Aid groups warned of hunger.\n\nResistance fighters seized the town of Kale in Sagaing "
     "on Monday after a two-day battle, a spokesman said.", "COERCE", "Resistance fighters seized the town of Kale in"),
    ("Sudan war update\nKey takeaways:\nThe RSF shelled El Fasher again.\nAid convoys remain stuck.\n\n"
     "The Rapid Support Forces shelled the Abu Shouk camp in El Fasher on Saturday, volunteers said.",
     "ASSAULT", "The Rapid Support Forces shelled"),
    ("Cartel violence in Cauca\n- FARC dissidents attacked a police station in Suarez\n- Officers "
     "were evacuated\n\nFARC dissidents attacked a police station in Suarez, Cauca, on Tuesday "
     "with explosives and rifles, the governor said.", "ASSAULT", "FARC dissidents attacked a police station in Suarez, Cauca"),
    ("Sahel weekly\nIn brief:\nJNIM fighters ambushed an army convoy near Djibo.\n\nOn Thursday, "
     "JNIM fighters ambushed an army convoy near Djibo in northern Burkina Faso, security sources said.",
     "ASSAULT", "On Thursday"),
    ("Lebanon live\n16:20 GMT - Israeli drone strikes car near Tyre\nAn Israeli drone struck a car "
     "on the coastal road south of Tyre, Lebanon's state news agency said.",
     "ASSAULT", "An Israeli drone struck"),
    ("Somalia update\nWhat we know so far\n\nAl Shabaab fighters attacked a base in Lower Shabelle.\n\n"
     "Al Shabaab fighters attacked an army base near Afgoye in Lower Shabelle on Wednesday, a "
     "commander said.", "ASSAULT", "Al Shabaab fighters attacked an army base"),
    ("Haiti live\n08:30 GMT - Police arrest gang leader in Croix-des-Bouquets\nHaitian police "
     "arrested a gang leader in Croix-des-Bouquets on Tuesday, a police spokesman said.",
     "COERCE", "Haitian police arrested"),
]


def _summary_lines(text):
    return [line for line, kind in _kinds(text) if kind in ("heading", "summary")]


@pytest.mark.parametrize("text, etype, body_start", RETOLD)
def test_an_incident_a_heading_or_summary_tells_is_the_bodys_one_event(typed_events, text, etype, body_start):
    found = typed_events(text, etype)
    told = [(e.trigger, e.evidence[:50]) for e in found]
    assert len([e for e in found if e.evidence.startswith(body_start)]) == 1, told
    echoes = _summary_lines(text)
    assert echoes and not any(e.evidence in line or line in e.evidence for e in found for line in echoes), told


KEPT = [
    # the summary's total is no body sentence's toll: the body tells two incidents of it
    ("Gaza live\nThese are the updates for Monday:\nIsraeli strikes killed 11 people across Gaza.\n\n"
     "09:10 GMT - Strike on Jabalia\nAn Israeli strike on a house in Jabalia killed six people, the "
     "civil defence said.\n\n10:40 GMT - Strike on Deir el-Balah\nAn Israeli strike on a tent in "
     "Deir el-Balah killed five people, medics said.", "ASSAULT", 3),
    # the summary line is the only telling of its incident
    ("Ukraine war update\nKey points:\nRussian missiles hit an energy plant in Zaporizhzhia.\n"
     "Kyiv asked allies for more air defence.\n\nUkraine's foreign minister urged allies on "
     "Monday to send more Patriot systems.", "ASSAULT", 1),
    # a heading over a section that tells another incident
    ("Darfur and Kordofan\nRSF drones struck a market in El Obeid\n\nArmy jets bombed an RSF convoy near Bara on "
     "Sunday, the army said.", "ASSAULT", 2),
]


@pytest.mark.parametrize("text, etype, n", KEPT)
def test_a_summary_that_is_the_only_telling_stays(typed_events, text, etype, n):
    found = typed_events(text, etype)
    assert len(found) == n, [(e.trigger, e.evidence[:50]) for e in found]


def test_explain_says_why_a_summary_line_was_merged(analyse):
    an = analyse("Myanmar update\nKey points:\nResistance fighters seized the town of Kale.\n\n"
                 "Resistance fighters seized the town of Kale in Sagaing on Monday after a "
                 "two-day battle, a spokesman said.", "2024-05-02")
    merged = [t for t in an.trace if t.outcome == "merged" and t.reason.startswith("a summary line")]
    assert merged, [(t.trigger, t.outcome, t.reason) for t in an.trace]


# ---------------------------------------------------------------------------------------------
# the lead names only a country; the body tells the incident at its town

LEAD_COUNTRY = [
    ("Drones hit Kyiv as Ukraine strikes refinery\nRussian drones hit Kyiv overnight, wounding four "
     "people, while Ukraine's military said it had struck an oil refinery deep inside Russia.\n\n"
     "Ukraine's General Staff said its drones had struck the Saratov oil refinery overnight, causing a fire.",
     "ASSAULT", "Ukraine's General Staff"),
    ("Sudan army strikes\nThe Sudanese army said on Monday it had bombed RSF positions in Sudan, as "
     "fighting spread.\n\nArmy jets bombed RSF positions around Bara in North Kordofan on Monday, the "
     "army said.", "ASSAULT", "Army jets bombed"),
    ("Strikes in Syria\nIsraeli jets struck targets in Syria overnight, a war monitor said.\n\n"
     "Israeli jets struck a weapons depot near Homs overnight, the Syrian Observatory said.",
     "ASSAULT", "Israeli jets struck a weapons depot"),
    ("Nigeria attack\nIslamic State fighters attacked an army base in Nigeria on Tuesday, sources "
     "said.\n\nIslamic State fighters attacked the army base in Damboa, Borno State, at dawn on "
     "Tuesday, a soldier said.", "ASSAULT", "Islamic State fighters attacked the army base in Damboa"),
    ("Somalia raid\nUS forces struck al Shabaab in Somalia on Friday, the Pentagon said.\n\nUS "
     "aircraft struck al Shabaab fighters near Jilib on Friday, US Africa Command said.",
     "ASSAULT", "US aircraft struck"),
    ("Myanmar air raid\nJunta jets bombed a village in Myanmar on Sunday, a rebel group said.\n\n"
     "Junta jets bombed a village near Monywa in Sagaing region on Sunday, the group said.",
     "ASSAULT", "Junta jets bombed a village near Monywa"),
    ("Houthi missile\nThe Houthis fired a missile at Israel on Monday, the group said.\n\nThe Houthis "
     "fired a ballistic missile at Tel Aviv on Monday, the group's spokesman said.",
     "ASSAULT", "The Houthis fired a ballistic missile at Tel Aviv"),
    ("Turkish drones\nTurkish drones struck Kurdish fighters in Iraq on Wednesday, officials said.\n\n"
     "Turkish drones struck PKK fighters near Sulaymaniyah on Wednesday, Kurdish officials said.",
     "ASSAULT", "Turkish drones struck PKK"),
    ("Colombia ambush\nELN guerrillas attacked soldiers in Colombia on Thursday, the army said.\n\n"
     "ELN guerrillas attacked soldiers near Tibu in Norte de Santander on Thursday, the army said.",
     "ASSAULT", "ELN guerrillas attacked soldiers near Tibu"),
    ("DR Congo\nM23 rebels shelled army positions in Congo on Saturday, the army said.\n\nM23 rebels "
     "shelled army positions near Goma on Saturday, army spokesman said.",
     "ASSAULT", "M23 rebels shelled army positions near Goma"),
]


# four sentences of other news between the lead and the body's telling: beyond any retelling window
_BETWEEN = ("Residents described a night of fear. Power was cut in several districts. Schools were "
            "closed on the day. Shops in the centre stayed shut.\n\n")


@pytest.mark.parametrize("text, etype, body_start", LEAD_COUNTRY)
def test_a_lead_that_names_only_the_country_is_the_bodys_incident(typed_events, text, etype, body_start):
    head, lead, rest = text.split("\n", 2)
    text = f"{head}\n{lead}\n\n{_BETWEEN}{rest.lstrip()}"
    found = typed_events(text, etype)
    told = [(e.trigger, e.location, e.location_scope, e.evidence[:50]) for e in found]
    assert len([e for e in found if e.evidence.startswith(body_start)]) == 1, told
    lead = text.split("\n")[1]
    assert not any(e.evidence in lead and e.location_scope == "country" for e in found), told


def test_a_lead_with_a_country_and_another_toll_stays(typed_events):
    found = typed_events("Israeli strikes\nIsraeli strikes killed 12 people across Lebanon on Monday, "
                         "the health ministry said.\n\nAn Israeli strike on a house in Nabatieh on "
                         "Monday killed five people, the ministry said.", "ASSAULT")
    assert len(found) == 2, [(e.trigger, e.location, e.fatalities) for e in found]
