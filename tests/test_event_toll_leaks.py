"""A killed figure stays with its own incident (lead's blind article): a later sentence that codes
a violent act of its own ("... accused the army of shelling Bara, killing five") keeps its figure,
even when it also names the earlier incident ("denied the attack"); and it does not lend that
incident its place. Short articles written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

OWN_FIGURE_ELSEWHERE = [
    # (article, place of the first incident, place of the other one, the other one's figure)
    ("Mali army repels attack\n\nThe Malian army said its soldiers had repelled a jihadist assault "
     "on Boulkessi on Monday and seized two pick-up trucks.\n\nThe jihadists denied the attack and "
     "accused the army of bombing residential districts of Diafarabe, killing six people, including "
     "a child.", "Boulkessi", "Diafarabe", 6),
    ("Army repels attack\n\nThe Sudanese army said its troops had repelled a paramilitary assault on Kadugli on Friday. "
     "The paramilitaries denied the attack and accused the army of shelling a market in Dilling, killing seven people.",
     "Kadugli", "Dilling", 7),
    ("Assault repelled\n\nUkrainian forces said they had pushed back a Russian assault near Kupiansk on Tuesday.\n\n"
     "Moscow called the attack a provocation and said Ukrainian drones had struck a bus in Horlivka, killing four passengers.",
     "Kupiansk", "Horlivka", 4),
    ("Camp raided\n\nIsraeli troops raided the Nur Shams camp near Tulkarm overnight, the army said.\n\n"
     "Residents said the raid came hours after an Israeli drone struck a car in Jenin, killing three men.",
     "Tulkarm", "Jenin", 3),
    ("Attack repulsed\n\nThe Myanmar military said it had repulsed a rebel attack on Lashio on Monday.\n\n"
     "The rebels rejected the account of the attack and said junta jets had bombed a monastery in Kyaukme, killing 11 monks.",
     "Lashio", "Kyaukme", 11),
    ("Assault beaten back\n\nCongolese soldiers beat back an M23 assault on Uvira on Saturday, an army spokesman said.\n\n"
     "M23 denied the assault and accused the army of shelling Kamanyola, killing six civilians.",
     "Uvira", "Kamanyola", 6),
    ("Fighting in Marib\n\nHouthi forces attacked government positions in Marib on Wednesday, local officials said.\n\n"
     "The Houthis said the attack followed a Saudi-led airstrike on a farm in Saada that killed eight people.",
     "Marib", "Saada", 8),
    ("Base attacked\n\nSomali forces fought off an al-Shabaab raid on a base in Baidoa on Thursday, the army said.\n\n"
     "Al-Shabaab claimed the raid and said it had also bombed a checkpoint in Afgooye, killing five soldiers.",
     "Baidoa", "Afgooye", 5),
    ("Attack repelled\n\nNigerian troops repelled a jihadist attack on Monguno on Friday night, the army said.\n\n"
     "The jihadists disputed the army's version of the attack and said soldiers had shelled a village near Marte, killing 12 people.",
     "Monguno", "Marte", 12),
    ("Assault repulsed\n\nEthiopian federal forces repulsed a Fano assault on Gondar on Tuesday, the government said.\n\n"
     "Fano rejected the claim about the assault and accused the army of a drone strike on a bus in Debre Tabor that killed 14 passengers.",
     "Gondar", "Debre Tabor", 14),
    ("Border fire\n\nHezbollah fighters attacked an Israeli position near Metula on Monday, the group said.\n\n"
     "Hezbollah said the attack answered an Israeli airstrike on a house in Nabatieh that killed four people.",
     "Metula", "Nabatieh", 4),
]


@pytest.mark.parametrize("text, first, other, toll", OWN_FIGURE_ELSEWHERE)
def test_a_later_incidents_figure_is_not_the_first_incidents_toll(analyse, text, first, other, toll):
    evs = sorted((e for e in analyse(text, "2024-05-02").events if e.type == "ASSAULT"),
                 key=lambda e: e.start)
    assert len(evs) >= 2, "both incidents are coded"
    assert evs[0].fatalities != toll, "the first incident took the later incident's figure"
    assert evs[0].location != other, "the first incident took the later incident's place"
    assert [e.fatalities for e in evs if e.location == other] == [toll]
