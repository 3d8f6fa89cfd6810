"""Where statements and releases are placed (issue 9, class 7): a demand or a concession told
after talks is not placed at the talks' venue (it takes a place only from its own clause),
while an agreement reached there is; a release or an exchange of prisoners is not placed at the
city the reporter files from (the dateline).

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.fixture
def coded(analyse):
    def run(text, etype, published="2024-05-02"):
        evs = [e for e in analyse(text, published).events if e.type == etype]
        assert evs, text
        return evs[0]
    return run


@pytest.mark.parametrize("text", [
    "Sudanese army and RSF envoys held talks in Jeddah on Monday. The army called on the RSF to leave "
    "civilian homes.",
    "Israeli and Hamas negotiators met in Doha on Sunday. Hamas demanded a full withdrawal of Israeli "
    "troops from the Strip.",
    "Ukrainian and Russian delegations held talks in Istanbul on Friday. Kyiv urged Moscow to agree to "
    "a full ceasefire.",
    "Congolese and Rwandan ministers met in Luanda on Tuesday. Kinshasa asked Kigali to withdraw its "
    "troops.",
    "Armenian and Azerbaijani foreign ministers met in Almaty on Friday. Baku called on Yerevan to "
    "change its constitution.",
    "Officials met in Muscat for talks on Sunday. The Houthis demanded the reopening of the airport.",
])
def test_a_demand_after_talks_is_not_placed_at_their_venue(coded, text):
    assert coded(text, "REQUEST").location is None


@pytest.mark.parametrize("text, venue", [
    ("Ethiopian and Tigrayan officials held talks in Pretoria. The government agreed to restore "
     "services to Tigray.", "Pretoria"),
    ("Yemeni government and Houthi delegates met in Muscat on Thursday. The two sides agreed to "
     "exchange 800 prisoners.", "Muscat"),
])
def test_an_agreement_reached_at_talks_is_placed_at_their_venue(coded, text, venue):
    assert coded(text, "AGREE").location == venue


@pytest.mark.parametrize("text", [
    "Prisoners freed\n\nKHARTOUM (Reuters) - The RSF released 40 prisoners of war on Sunday, the Red Cross said.",
    "Prisoners swapped\n\nKYIV (AP) — Russia and Ukraine exchanged 95 prisoners each on Saturday, officials said.",
    "Hostages freed\n\nKINSHASA (Reuters) - M23 rebels freed 12 hostages on Monday, a local official said.",
    "Aid workers freed\n\nADEN, Yemen (AP) — The Houthis released 20 detained aid workers on Friday, the UN said.",
])
def test_a_release_is_not_placed_at_the_dateline(coded, text):
    assert coded(text, "RETREAT").location is None


# a demand is no outcome of talks, but the lead's demand still happens at the headline's place
# (only a threat or an accusation is made where its own clause says; seeds regression of 8dd3cbb)
@pytest.mark.parametrize("text, place", [
    ("Tigray leaders appeal for food aid\n\nThe leaders of the interim administration of Tigray "
     "appealed to the African Union with a request for emergency food aid.", "Tigray"),
    ("Darfur elders ask UN for protection\n\nTribal elders from North Darfur appealed to the United "
     "Nations with a request for protection of civilians.", "Darfur"),
    ("Rakhine monks urge junta to reopen roads\n\nSenior monks from Rakhine State urged the military "
     "government to reopen the highways into the region.", "Rakhine"),
])
def test_the_leads_demand_takes_the_headlines_place(coded, text, place):
    e = coded(text, "REQUEST")
    assert e.location and place in e.location, (e.location, e.evidence)
