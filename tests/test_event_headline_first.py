"""The headline's incident is the first event and takes the headline's toll (issue 9, classes
6 and 7): when the lead first tells another attack ("Troops clashed with bandits in Katsina on
Friday. Gunmen stormed a village in Zamfara on Saturday" under "Gunmen kill 20 villagers in
Zamfara"), the lead's event that agrees with the headline (its place, toll, doer, day) goes
first, and the headline's figure is its toll, not the other attack's.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

CASES = [
    ('Drone strike kills 14 at market in Kadugli\n\nFighting between the army and the SPLM-N has intensified in South Kordofan in recent weeks, with shelling reported near Dilling on Monday. A drone strike on a market in Kadugli killed 14 people on Tuesday, medics said.',
     14, 'Kadugli'),
    ('Militants kill nine soldiers in Borno ambush\n\nJihadists attacked a village near Maiduguri on Sunday. On Monday, militants ambushed an army convoy in Borno, the army said.',
     9, 'Borno'),
    ('Israeli strike kills 7 in Tyre\n\nHezbollah fired rockets at northern Israel on Sunday. On Monday, an Israeli air strike hit a building in Tyre, the health ministry said.',
     7, 'Tyre'),
    ("Russian missile attack kills 11 in Dnipro\n\nUkrainian drones hit an oil depot in Russia's Bryansk region overnight. A Russian missile struck an apartment block in Dnipro on Friday, the governor said.",
     11, 'Dnipro'),
    ('Al-Shabaab bomb kills 6 in Mogadishu\n\nSomali forces raided an al-Shabaab hideout near Afgoye on Saturday. A car bomb exploded at a checkpoint in Mogadishu on Sunday, police said.',
     6, 'Mogadishu'),
    ('Airstrike kills 12 in Sagaing village\n\nResistance fighters attacked a police post in Magway region last week. Junta jets bombed a village in Sagaing region on Thursday, residents said.',
     12, 'Sagaing'),
    ('Gunmen kill 20 villagers in Zamfara\n\nTroops clashed with bandits in Katsina state on Friday. Gunmen stormed a village in Zamfara state on Saturday, police said.',
     20, 'Zamfara'),
    ('Shelling kills 8 in El Fasher camp\n\nArmy drones hit RSF positions near Omdurman on Tuesday. RSF artillery shelled a displacement camp near El Fasher on Wednesday, aid workers said.',
     8, 'El'),
    ('Turkish drone strike kills 5 in Kobani\n\nSDF fighters clashed with IS cells near Deir ez-Zor on Monday. A Turkish drone struck a car near Kobani on Tuesday, the SDF said.',
     5, 'Kobani'),
    ('M23 shelling kills 9 in Sake\n\nBurundian troops fought M23 rebels near Minova last month. M23 rebels shelled the town of Sake on Thursday, a local official said.',
     9, 'Sake'),
]


@pytest.mark.parametrize("text, toll, place", CASES)
def test_the_headlines_incident_goes_first_with_its_toll(analyse, text, toll, place):
    evs = [e for e in analyse(text, "2024-05-02").events if e.type == "ASSAULT"]
    assert evs[0].location and place in evs[0].location
    assert evs[0].fatalities == toll
    assert all(e.fatalities != toll for e in evs[1:])
