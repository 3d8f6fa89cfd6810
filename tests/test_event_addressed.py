"""A statement or deal that names no one of its own is addressed to a party of the story: whom
the story has last acting on the speaker's side (it answers them), else whom the speaker's side
last acted on; and a thing given or offered is given to its verb's dative ("offered Hamas a
truce"). A target its own words give always wins.

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


ADDRESSED = [
    ("Israel offered Hamas a six-week truce on Monday. Hamas rejected the proposal on Tuesday.",
     "REJECT", "Israel"),
    ("The US Treasury sanctioned Rosneft and Lukoil on Wednesday. Treasury Secretary Scott Bessent "
     "urged an immediate ceasefire.", "REQUEST", "Rosneft"),
    ("Ethiopia signed a port deal with Somaliland. Somalia's president rejected the deal as "
     "illegal.", "REJECT", "Ethiopia"),
    ("The M23 seized the town of Sake. Congo's government called for an immediate withdrawal.",
     "REQUEST", "M23"),
    ("The junta expelled the French ambassador from Niamey. Paris protested the expulsion.",
     "PROTEST", "junta"),
    ("Russia offered Ukraine a 30-day ceasefire. Kyiv rejected the offer on Friday.", "REJECT", "Russia"),
    ("Mali accused Algeria of harbouring terrorists. Algiers rejected the accusation.", "REJECT", "Mali"),
    ("Qatar offered the Taliban a new round of talks. The Taliban accepted the invitation.",
     "AGREE", "Qatar"),
    ("Israel struck Houthi ports in Hodeidah. The Houthis vowed a response.", "THREATEN", "Israel"),
    ("The EU imposed new sanctions on Iran. Tehran condemned the decision.", "ACCUSE", "European Union"),
]


@pytest.mark.parametrize("text,etype,party", ADDRESSED)
def test_a_statement_naming_no_one_is_addressed_to_the_other_side(headed_events, text, etype, party):
    e = one_event(headed_events(text), etype)
    assert party in (e.target or ""), e.target


GIVEN_TO = [
    ("Israel offered Hamas a six-week truce on Monday.", "AGREE", "Hamas"),
    ("Russia offered Ukraine a 30-day ceasefire.", "AGREE", "Ukraine"),
    ("Turkey gave Syria's interim government a loan of $500 million.", "AID", "government"),
]


@pytest.mark.parametrize("text,etype,party", GIVEN_TO)
def test_what_is_offered_or_given_is_done_to_its_receiver(headed_events, text, etype, party):
    e = one_event(headed_events(text), etype)
    assert party in (e.target or ""), e.target


def test_a_statement_with_its_own_target_keeps_it(headed_events):
    # the words name whom it accuses: the story's last party does not replace it
    evs = headed_events("The FARC signed a peace deal with the government in 2016. The government "
                 "condemned the latest attack on Thursday, accusing the ELN of making war.")
    e = one_event(evs, "ACCUSE")
    assert e.target == "National Liberation Army", e.target


def test_no_story_party_of_another_side_means_no_target(headed_events):
    e = one_event(headed_events("The army rejected any talks on Sunday."), "REJECT")
    assert e.target is None
