"""Protests told by their purpose (issue 9): a road blocked, a stoppage called or a crowd gathered
with a protest's purpose, a `to` clause or a free participle ("gathered at the gates demanding
information", "called a shutdown to protest the killings"), is a PROTEST; gathering at a protest
is taking part. Sentences written for these tests, from several wars."""
from __future__ import annotations

import pytest

PROTESTS = [
    "Families of the missing gathered outside the military prison in Damascus demanding news of their sons.",
    "Farmers blocked the highway to Cochabamba with trucks to demand fuel deliveries.",
    "Mothers of abducted pupils blocked the main road in Kankara for hours, demanding their return.",
    "Shopkeepers in Srinagar called a shutdown to protest the killing of a trader.",
    "The students' union called a strike to demand the reopening of the campus in Khartoum.",
    "Transport unions declared a shutdown in Quetta, demanding the arrest of the attackers.",
    "Hundreds of residents gathered at a rally in Goma called by civil society groups.",
    "About 300 people assembled at a vigil for the victims in Beirut's Martyrs' Square.",
    "A counterprotest by Israeli peace groups gathered outside the Knesset.",
    "Taxi drivers barricaded the bridge into Port-au-Prince to protest the fuel shortage.",
]


@pytest.mark.parametrize("text", PROTESTS)
def test_a_protest_told_by_its_purpose_is_coded(typed_events, text):
    assert typed_events(text, "PROTEST"), text


NOT_PROTESTS = [
    "Soldiers blocked the road to Kherson to stop civilians leaving.",
    "The government announced a shutdown of mobile internet in Manipur.",
    "Engineers gathered at the site of the collapsed bridge in Kyiv inspecting the damage.",
]


@pytest.mark.parametrize("text", NOT_PROTESTS)
def test_a_block_or_gathering_without_a_protest_purpose_is_no_protest(typed_events, text):
    assert not typed_events(text, "PROTEST"), text
