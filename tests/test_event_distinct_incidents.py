"""Two incidents stay two (issue 9, retellings): an act noun with an indefinite article ("an
ambush on a police patrol that killed three") introduces an incident of its own when it is
placed in time against the one told ("a week after an ambush", "since a raid") or carries a toll
other than the one told. A definite "the ambush" with another toll is still the same incident
(both tolls kept, the disagreement flagged).

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, first, second", [
    ("Militants ambushed a convoy in Borno state on Tuesday, killing seven soldiers. The attack came "
     "a week after an ambush on a police patrol that killed three officers.", 7, 3),
    ("Al-Shabaab fighters stormed a hotel in Mogadishu on Friday, killing nine people. The siege came "
     "days after an attack on an army base that killed 14 soldiers.", 9, 14),
    ("RSF drones struck a fuel depot in Port Sudan on Sunday, killing two guards. It followed an "
     "attack on the city's airport that killed five civilians.", 2, 5),
    ("Jihadists killed 20 soldiers in an ambush near Djibo on Saturday. The army has not recovered "
     "since an ambush on a convoy in March that killed 33 troops.", 20, 33),
    ("Myanmar's military bombed a monastery in Sagaing region on Wednesday, killing 11 villagers. "
     "Residents were still mourning after an air strike on a school that killed 13 children.", 11, 13),
    ("M23 rebels shelled a displacement camp near Goma on Friday, killing 18 people. Aid groups said "
     "the shelling came weeks after an attack on a hospital in Rutshuru that killed six patients.", 18, 6),
    ("Gunmen killed 12 worshippers at a mosque in Katsina state on Sunday. The killings came two weeks "
     "after a raid on a village in Zamfara that killed 30 people.", 12, 30),
    ("Russian missiles hit an apartment block in Dnipro on Saturday, killing 40 people. Before an "
     "attack on a shopping centre in Kremenchuk that killed 20 people, the city had been spared.", 40, 20),
    ("Syrian government jets struck a market in Idlib on Thursday, killing 15 people. Since a raid on "
     "a hospital in Ariha that killed eight, clinics had moved underground.", 15, 8),
    ("Houthi forces attacked a government position in Marib on Tuesday, killing six soldiers. In an "
     "attack on a checkpoint on the same front that killed two, the Houthis used drones.", 6, 2),
])
def test_an_earlier_or_other_incident_stays_apart(assaults, text, first, second):
    evs = assaults(text)
    assert [e.fatalities for e in evs] == [first, second]
    assert not any(e.toll_disputed for e in evs)
    assert evs[1].evidence.split()[0] == text.split(". ")[1].split()[0]


@pytest.mark.parametrize("text, tolls", [
    ("Fano militiamen ambushed an army convoy in Amhara on Monday, killing 10 soldiers. The ambush "
     "killed at least 12 soldiers, a local official said.", {10, 12}),
    ("Israeli aircraft struck a house in Rafah on Tuesday, killing seven people, medics said. The "
     "strike on the house killed seven members of one family, a relative said.", {7}),
    ("Gunmen attacked a village in Plateau state on Sunday night, killing 15 people, police said. In "
     "an attack that lasted hours, the gunmen burned homes and killed residents.", {15}),
])
def test_a_retelling_is_still_one_incident(assaults, text, tolls):
    evs = assaults(text)
    assert len(evs) == 1
    reports = evs[0].fatalities_reports or [{"value": evs[0].fatalities}]
    assert {r["value"] for r in reports} == tolls
    assert bool(evs[0].toll_disputed) == (len(tolls) > 1)


@pytest.mark.parametrize("text, tolls", [
    ("Islamic State fighters killed five soldiers in Diyala on Monday. Talks on the pullout resumed "
     "after an attack on a base that killed two soldiers. Days later, the army killed 11 militants in "
     "an air strike.", [5, 2, 11]),
    ("Boko Haram killed eight farmers near Maiduguri on Friday. Patrols were doubled after an attack "
     "on a market that killed 14 traders. On Saturday, troops killed 20 insurgents in a raid.", [8, 2 * 7, 20]),
])
def test_an_earlier_incident_takes_no_later_act(assaults, text, tolls):
    """The incident told as the time of another is background: the act told after it is not
    its retelling."""
    evs = assaults(text)
    assert [e.fatalities for e in evs] == tolls
    assert not any(e.toll_disputed for e in evs)
