"""Counts in the wording real news uses, from many wars and outlet styles.

Sentences written for these tests (not taken from any evaluation article); each states the
(value, category) pairs a reader would write down, and nothing else: a spurious count fails too."""
import pytest

from sitrep.counts import find_counts


@pytest.fixture
def counts(counted):
    """counts(text) -> the (value, category) pairs, sorted."""
    return lambda text: sorted(counted(text))


@pytest.mark.parametrize("text,expected", [
    ('Two dozen fighters were killed in the clashes near Bunia.',
     [(24, 'killed')]),
    ('More than 1,200 people have been displaced by the flooding of the camps in Bentiu.',
     [(1200, 'displaced')]),
    ('Hundreds of protesters were arrested in Nairobi.',
     []),
    ('The UN says 2.3m people now need food aid in northern Ethiopia.',
     [(2300000, 'civilians_affected')]),
    ('A hundred and twenty families fled Kalehe overnight.',
     [(120, 'displaced')]),
    ('Seventy-three bodies were recovered from the rubble in Aleppo.',
     [(73, 'killed')]),
    ('Some 3,500 refugees crossed into Uganda last week.',
     [(3500, 'displaced')]),
    ('Police detained 1 200 supporters of the opposition in Kinshasa.',
     [(1200, 'detained')]),
    ('An estimated 25,000 Rohingya are stranded in the camps near Maungdaw.',
     [(25000, 'civilians_affected')]),
    ('Half a dozen soldiers were wounded in the mortar attack on Mogadishu airport.',
     [(6, 'wounded')]),
    ('The attack on Mwanza killed fifteen villagers and wounded twenty-two.',
     [(15, 'killed'), (22, 'wounded')]),
    ('A thousand residents left Kadugli before the siege.',
     [(1000, 'displaced')]),
    ('The agency says 4.5m Yemenis remain displaced.',
     [(4500000, 'displaced')]),
    ('Nigerian troops rescued two dozen hostages in Zamfara.',
     [(24, 'prisoners')]),
])
def test_numbers_as_news_writes_them(counts, text, expected):
    """Numbers as news writes them: words, digits, multipliers, "two dozen", "a hundred and twenty", "2.3m"."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Between 30 and 40 people were killed in the raid on the village in Plateau state.',
     [(30, 'killed'), (40, 'killed')]),
    ('Medics said 20 to 25 civilians were injured in the shelling of Kherson.',
     [(20, 'wounded'), (25, 'wounded')]),
    ('The strike killed 10-12 people in Deir al-Balah, the ministry said.',
     [(10, 'killed'), (12, 'killed')]),
    ('From 5,000 to 7,000 people have fled Wad Madani since Friday.',
     [(5000, 'displaced'), (7000, 'displaced')]),
    ('Estimates put the number of dead at between 200 and 300.',
     [(200, 'killed'), (300, 'killed')]),
    ('Gunmen abducted 15 to 20 students from the school in Kaduna.',
     [(15, 'detained'), (20, 'detained')]),
    ('Between 50,000 and 60,000 troops are massed near the border, officials said.',
     [(50000, 'troops'), (60000, 'troops')]),
    ('Militants fired 40 or 50 rockets at Kiryat Shmona.',
     [(40, 'weapons'), (50, 'weapons')]),
    ('Some 200–250 families were evacuated from the villages near Goma.',
     [(200, 'displaced'), (250, 'displaced')]),
    ('The army said it lost between eight and ten soldiers in the ambush near Tillaberi.',
     [(8, 'killed'), (10, 'killed')]),
    ('Witnesses counted 60-70 bodies in the streets of Geneina.',
     [(60, 'killed'), (70, 'killed')]),
    ('Up to 15 or 20 soldiers were captured near Bakhmut.',
     [(15, 'prisoners'), (20, 'prisoners')]),
])
def test_both_ends_of_a_range_are_counted(counts, text, expected):
    """Both ends of a range count the same thing, whichever end the parse hung the noun on."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('The death toll from the market bombing in Mogadishu rose to 31 on Sunday.',
     [(31, 'killed')]),
    ('Thirty-one people, including nine children, were killed in the strike on Rafah.',
     [(9, 'killed'), (31, 'killed')]),
    ('The shelling killed 18 civilians, of whom 12 were women.',
     [(12, 'killed'), (18, 'killed')]),
    ('Forty people died in the attack, 12 of them children.',
     [(12, 'killed'), (40, 'killed')]),
    ('The toll stood at 54 by Tuesday evening, the health ministry in Gaza said.',
     [(54, 'killed')]),
    ('The number of people killed in the clashes in Tripoli has climbed to 27.',
     [(27, 'killed')]),
    ('The number of wounded reached 140, hospital officials in Port Sudan said.',
     [(140, 'wounded')]),
    ('Those killed included 14 soldiers and three police officers.',
     [(3, 'killed'), (14, 'killed')]),
    ('Of the 60 passengers abducted on the highway, 22 were later freed.',
     [(22, 'prisoners'), (60, 'detained')]),
    ('The injured, numbering 75, were taken to hospitals in Tyre.',
     [(75, 'wounded')]),
    ('Casualties included 11 dead and 36 wounded, according to the governor of Donetsk.',
     [(11, 'killed'), (36, 'wounded')]),
    ('The Israeli strike killed 22 people, 14 of them women and children.',
     [(14, 'killed'), (22, 'killed')]),
    ('Al-Shabaab fighters killed 11 soldiers, three of whom were officers.',
     [(3, 'killed'), (11, 'killed')]),
    ('The number of civilians wounded in the shelling of Kharkiv has risen to 43.',
     [(43, 'wounded')]),
    ('The war has displaced 10 million people, including 2.2 million who have crossed into neighbouring countries.',
     [(2200000, 'displaced'), (10000000, 'displaced')]),
    ('The strikes killed 40 people, including 12 who were sheltering in a school in Jabalia.',
     [(12, 'killed'), (40, 'killed')]),
])
def test_the_noun_far_from_the_number(counts, text, expected):
    """The counted noun far from the number: tolls, "of whom 12", "12 of them", "11 dead and 36 wounded"."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Israeli strikes across Lebanon killed 274 people on Monday, among them 21 children and 39 women.',
     [(21, 'killed'), (39, 'killed'), (274, 'killed')]),
    ('The strike killed 11 people, including 4 children and 2 journalists.',
     [(2, 'killed'), (4, 'killed'), (11, 'killed')]),
    ('The RSF holds 30 soldiers and 2 tanks captured in El Obeid.',
     [(2, 'weapons'), (30, 'prisoners')]),
    ('Gunmen kidnapped 20 students and 3 teachers in Kaduna.',
     [(3, 'detained'), (20, 'detained')]),
    ('Gunmen killed 5 soldiers and 3 civilians near Tillaberi.',
     [(3, 'killed'), (5, 'killed')]),
    ('The army said 12 soldiers and 4 civilians were wounded in Bakhmut.',
     [(4, 'wounded'), (12, 'wounded')]),
    ('The blast wounded 60 people, among them 14 pupils and 3 teachers.',
     [(3, 'wounded'), (14, 'wounded'), (60, 'wounded')]),
    ('Police arrested 45 people, including 6 students and 2 lawyers, in Dhaka.',
     [(2, 'arrested'), (6, 'arrested'), (45, 'arrested')]),
    ('The flooding displaced 8,000 people, including 3,000 children and 1,200 elderly residents.',
     [(1200, 'displaced'), (3000, 'displaced'), (8000, 'displaced')]),
    ('Hamas freed 13 hostages, including 4 children and 2 women.',
     [(2, 'prisoners'), (4, 'prisoners'), (13, 'prisoners')]),
    ('Around 300 people and 20 wounded soldiers were evacuated from Vuhledar.',
     [(20, 'wounded'), (300, 'displaced')]),
    ('Kyiv counted 16,000 volunteers and 2.5 million refugees.',
     [(16000, 'volunteers'), (2500000, 'displaced')]),
    ('A drone hit a minibus near Kherson, leaving 5 passengers and 2 drivers dead.',
     [(2, 'killed'), (5, 'killed')]),
])
def test_lists_of_the_counted_share_their_fate(counts, text, expected):
    """A list under "among them" or "including" shares the fate of the count it details; weapons stay weapons."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('The raid on the market in Maiduguri left a death toll of 45.',
     [(45, 'killed')]),
    ("Gaza's health ministry reported a toll of 1,200 by nightfall.",
     [(1200, 'killed')]),
    ('The seized freighter has a crew of 22.',
     [(22, 'other')]),
    ('Sudan has a population of 48 million.',
     [(48000000, 'other')]),
    ('Chad deployed a force of 5,000 to the border with Sudan.',
     [(5000, 'troops')]),
    ('The shelling caused the wounding of 35 people in Kherson.',
     [(35, 'wounded')]),
    ('Hospitals reported a total of 60 injured after the blast in Quetta.',
     [(60, 'wounded')]),
    ('The ministry put the number of dead at 80.',
     [(80, 'killed')]),
    ('The drones flew at a speed of 900 and an altitude of 3,000.',
     []),
    ('A missile with a range of 300 was fired at Haifa.',
     []),
    ('A convoy of 40 trucks reached El Fasher.',
     [(40, 'other')]),
    ('Somalia, a country of over 17 million, has suffered decades of war.',
     [(17000000, 'other')]),
    ('The town of 50,000 was shelled overnight.',
     [(50000, 'other')]),
    ('Kyiv received a loan of 240 million from the bank.',
     []),
    ('The kidnappers in Zamfara demanded a ransom of 5 million naira.',
     []),
])
def test_a_figure_completing_its_noun(counts, text, expected):
    """A figure completing its noun ("a death toll of 45", "a crew of 22"); measures are not counts."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('The death toll rose to 31, up from 12 earlier in the day.',
     [(12, 'killed'), (31, 'killed')]),
    ('The toll has risen to 64 from 40 announced on Monday.',
     [(40, 'killed'), (64, 'killed')]),
    ('Officials revised the number of dead to 19, down from 23.',
     [(19, 'killed'), (23, 'killed')]),
    ('The number of injured climbed to 88 from an earlier 50.',
     [(50, 'wounded'), (88, 'wounded')]),
    ('The toll in Derna jumped to 5,300 on Wednesday.',
     [(5300, 'killed')]),
    ('By nightfall the toll had doubled to 22.',
     [(22, 'killed')]),
    ('Rescuers raised the toll to 46 after more bodies were found.',
     [(46, 'killed')]),
    ('The death toll has now reached 102, officials in Kidal said.',
     [(102, 'killed')]),
    ('The death toll increased to 7 after two of the wounded died in hospital.',
     [(2, 'killed'), (7, 'killed')]),
    ('The tally of the dead now exceeds 300, according to the Syrian Observatory.',
     [(300, 'killed')]),
    ('The toll from the landslide-hit camp in Darfur stood at 40, up from 25 on Friday.',
     [(25, 'killed'), (40, 'killed')]),
    ("The number of detained protesters rose to 210, the lawyers' group in Khartoum said.",
     [(210, 'detained')]),
    ('The UN said 1.4 million people are now displaced in Haiti, up from 700,000 in March.',
     [(700000, 'displaced'), (1400000, 'displaced')]),
    ('UNRWA said 5 more of its staff had been killed, bringing the total to 226.',
     [(5, 'killed'), (226, 'killed')]),
    ('Twelve more bodies were found in Derna, taking the tally to 4,345.',
     [(12, 'killed'), (4345, 'killed')]),
    ('The blast killed three more people, raising to 19 the death toll.',
     [(3, 'killed'), (19, 'killed')]),
    ('Two more soldiers died on Monday, bringing to 45 the number of troops killed since January.',
     [(2, 'killed'), (45, 'killed')]),
])
def test_updated_tolls_keep_their_category(counts, text, expected):
    """An updated toll and the figure it replaced ("up from 12") are counts of the same kind."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Key figures\nKilled: 45\nInjured: 120\nDisplaced: 1.2 million',
     [(45, 'killed'), (120, 'wounded'), (1200000, 'displaced')]),
    ('Casualties in Gaza so far\nDead - 41,000\nWounded - 95,000',
     [(41000, 'killed'), (95000, 'wounded')]),
    ('Sudan in numbers:\nRefugees: 2.1 million\nInternally displaced: 8.6 million',
     [(2100000, 'displaced'), (8600000, 'displaced')]),
    ('Deaths: 312\nArrests: 1,450\nMissing: 76',
     [(76, 'other'), (312, 'killed'), (1450, 'arrested')]),
    ('Fatalities – 27\nInjuries – 64',
     [(27, 'killed'), (64, 'wounded')]),
    ('Detained: 230\nReleased: 41',
     [(41, 'prisoners'), (230, 'detained')]),
    ('Killed: 9 | Wounded: 31 | Abducted: 4',
     [(4, 'detained'), (9, 'killed'), (31, 'wounded')]),
    ('Civilian toll\nKilled 63\nInjured 201',
     [(63, 'killed'), (201, 'wounded')]),
    ('Drones launched: 84\nDrones destroyed: 76',
     [(76, 'weapons'), (84, 'weapons')]),
    ('Evacuated: 3,200\nShelters opened: 14',
     [(3200, 'displaced')]),
    ('Yemen at a glance\nPopulation: 33 million\nAge: 19\nPage 4',
     []),
    ('Ukraine, day 900\nMissiles fired: 63 | Drones: 120 | Civilians killed: 7',
     [(7, 'killed'), (63, 'weapons'), (120, 'weapons')]),
    ('Toll of the floods in Derna\nBodies recovered: 3,958\nMissing: 9,000',
     [(3958, 'killed'), (9000, 'other')]),
    ('Arrested — 86\nInjured — 14',
     [(14, 'wounded'), (86, 'arrested')]),
    ('Comments: 12',
     []),
    ('Share this article\nViews 1,234\nKilled: 45',
     [(45, 'killed')]),
    ('Photos: 5 | Video: 2 | Shares: 310',
     []),
])
def test_key_figure_boxes(counts, text, expected):
    """Key-figure boxes and tables: a label, a colon or dash, a figure ("Killed: 45")."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('The war has driven 1.2 million Sudanese into Chad.',
     [(1200000, 'displaced')]),
    ('At least 17 people were injured when the drone struck a bus in Sumy.',
     [(17, 'wounded')]),
    ('Eight people are still missing after the strike on the apartment block in Dnipro.',
     [(8, 'other')]),
    ('Security forces arrested 63 demonstrators in Khartoum on Thursday.',
     [(63, 'arrested')]),
    ('Gunmen abducted 27 worshippers from a mosque in Zamfara.',
     [(27, 'detained')]),
    ('Hamas released 13 hostages on Friday evening.',
     [(13, 'prisoners')]),
    ('The Red Cross evacuated 140 wounded from the hospital in Khan Younis.',
     [(140, 'wounded')]),
    ('Nearly 90,000 refugees have arrived in South Sudan since April.',
     [(90000, 'displaced')]),
    ('More than 400 Malian soldiers were taken prisoner.',
     [(400, 'prisoners')]),
    ('The fighting has displaced 7,000 households in Ituri province.',
     [(7000, 'displaced')]),
    ('Thirty militants surrendered to the army in Borno.',
     [(30, 'prisoners')]),
    ('Rebels freed 19 hostages held in the forest near Mbandaka.',
     [(19, 'prisoners')]),
    ('Twelve journalists remain behind bars in Eritrea.',
     [(12, 'detained')]),
    ('Authorities in Yangon detained 45 students after the protest.',
     [(45, 'detained')]),
    ('Five paramedics were hurt in the strike on the ambulance in Nabatieh.',
     [(5, 'wounded')]),
    ('The Houthis have attacked more than 60 ships, sinking two vessels and seizing one.',
     [(1, 'other'), (2, 'other'), (60, 'other')]),
    ('Gunmen killed five villagers in Benue and wounded seven.',
     [(5, 'killed'), (7, 'wounded')]),
    ('Police arrested four officers accused of looting in Goma.',
     [(4, 'arrested')]),
    ('Doctors treated 64 people for shrapnel wounds in Kharkiv.',
     [(64, 'wounded')]),
    ('Four people were in critical condition, the hospital in Hodeidah said.',
     [(4, 'wounded')]),
    ('The fighting in Darfur sent 25,000 people fleeing to Chad.',
     [(25000, 'displaced')]),
    ('The army said 19 soldiers were slain in the ambush near Diffa.',
     [(19, 'killed')]),
    ('Villagers buried 40 victims of the massacre in Ituri.',
     [(40, 'killed')]),
    ('Iran detained two tankers in the Strait of Hormuz.',
     [(2, 'other')]),
    ('Security forces rounded up 300 young men in Kidal.',
     [(300, 'arrested')]),
    ('Six activists were taken into custody in Addis Ababa.',
     [(6, 'detained')]),
    ('Gunmen snatched 25 passengers from a bus in Zamfara.',
     [(25, 'detained')]),
    ('Twelve people remain in detention in Juba.',
     [(12, 'detained')]),
    ('The Houthis are holding 11 UN staff hostage in Sanaa.',
     [(11, 'detained')]),
    ('Two gunmen took 5 villagers hostage near Mopti.',
     [(2, 'other'), (5, 'detained')]),
    ('More than 10 million Sudanese have been forced to flee their homes.',
     [(10000000, 'displaced')]),
    ('Some 300 people who fled Kidal arrived in Gao on foot.',
     [(300, 'displaced')]),
])
def test_what_befell_the_people_decides(counts, text, expected):
    """What befell the counted people decides the category: taken prisoner, behind bars, hurt, hospitalised."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('The attack killed 9 and injured 30 in Mogadishu.',
     [(9, 'killed'), (30, 'wounded')]),
    ('Mortar fire on the camp near Goma killed two and wounded five.',
     [(2, 'killed'), (5, 'wounded')]),
    ('Rescuers found the bodies of 12 migrants in the desert near Agadez.',
     [(12, 'killed')]),
    ('Twelve villagers were hacked to death in Djugu.',
     [(12, 'killed')]),
    ('Nine people were burnt alive in their homes in Tigray.',
     [(9, 'killed')]),
    ('The dead numbered at least 70, the local council in Bakhmut said.',
     [(70, 'killed')]),
    ('Twelve were shot and killed at the checkpoint near Nablus.',
     [(12, 'killed')]),
    ('Soldiers shot and killed 3 protesters in Mandalay.',
     [(3, 'killed')]),
    ('Two policemen were shot and wounded in Kaduna.',
     [(2, 'wounded')]),
    ('Sixteen migrants drowned off Djibouti.',
     [(16, 'killed')]),
    ('Thirteen people succumbed to their wounds in the hospital in Aden.',
     [(13, 'killed')]),
    ('Eight members of the security forces lost their lives in Balochistan.',
     [(8, 'killed')]),
    ('The army intercepted 3 fuel trucks near Sebha.',
     [(3, 'other')]),
])
def test_how_deaths_are_told(counts, text, expected):
    """Deaths told many ways: "hacked to death", "the bodies of 12", "shot and killed", "killed 9 and injured 30"."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('One of the soldiers was wounded when the drone hit the trench near Chasiv Yar.',
     [(1, 'wounded')]),
    ('One of the attackers was killed by guards at the gate in Mogadishu.',
     [(1, 'killed')]),
    ('It was one of the deadliest attacks of the war in Burkina Faso.',
     []),
    ('Gunmen killed 15 members of one family in Benue.',
     [(15, 'killed')]),
    ('One of the hostages was freed on Sunday in Gaza.',
     [(1, 'prisoners')]),
    ('One of the journalists was arrested in Kabul.',
     [(1, 'arrested')]),
    ('One of the drones hit a power plant near Kyiv.',
     []),
    ('One soldier was killed and two were wounded near Kupiansk.',
     [(1, 'killed'), (2, 'wounded')]),
    ('One person died and 14 were injured in the strike on Odesa.',
     [(1, 'killed'), (14, 'wounded')]),
    ('An Israeli soldier was killed in southern Gaza, the army said.',
     [(1, 'killed')]),
    ('No one was hurt when the rocket landed near Metula.',
     []),
])
def test_one_victim(counts, text, expected):
    """One victim: "one of the soldiers was wounded" counts; "one of the deadliest attacks" and "no one" do not."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Some 300 people were trapped in the basement of the theatre in Mariupol.',
     [(300, 'civilians_affected')]),
    ('About 25 million people in Sudan need aid, the UN said.',
     [(25000000, 'civilians_affected')]),
    ('WFP helped 2,500 families in Kherson last month.',
     [(2500, 'civilians_affected')]),
    ('The floods affected 40,000 people in Jonglei.',
     [(40000, 'civilians_affected')]),
    ('Some 800 people remain stranded at the Argeen crossing.',
     [(800, 'civilians_affected')]),
    ('About 500,000 people face famine in Gaza, the IPC said.',
     [(500000, 'civilians_affected')]),
    ('The army besieged 3 towns in Shan State.',
     [(3, 'other')]),
    ('Some 1,500 people are trapped in the hospital in Khan Younis.',
     [(1500, 'civilians_affected')]),
    ('The strike affected 3 substations in Kharkiv.',
     [(3, 'other')]),
    ('The ministry said 90,000 people are without electricity in Odesa.',
     [(90000, 'civilians_affected')]),
    ('Aid agencies fed 12,000 children in Maiduguri.',
     [(12000, 'civilians_affected')]),
])
def test_people_affected(counts, text, expected):
    """People in need, trapped, stranded, without water or helped are civilians affected; places affected are not."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Some 20,000 people are sheltering in schools in Tyre.',
     [(20000, 'displaced')]),
    ('About 1.5 million people live in camps in North Kivu.',
     [(1500000, 'displaced')]),
    ('The UN registered 120,000 returnees from Lebanon.',
     [(120000, 'displaced')]),
    ('About 8,000 people are staying in displacement sites in Cabo Delgado.',
     [(8000, 'displaced')]),
    ('Some 3,000 people took refuge in the UN base in Malakal.',
     [(3000, 'displaced')]),
    ('As many as 90,000 people have abandoned their homes in Sinjar.',
     [(90000, 'displaced')]),
    ("Some 200 people live in Kidal's old town.",
     [(200, 'other')]),
    ('About 40 people sheltered in the basement during the strike on Kyiv.',
     [(40, 'other')]),
    ('Nearly 4,000 people have been made homeless by the fighting in Sagaing.',
     [(4000, 'displaced')]),
    ('More than 600,000 people were moved to shelters in Gaza.',
     [(600000, 'displaced')]),
])
def test_how_displacement_is_told(counts, text, expected):
    """Displacement told many ways: sheltering in schools, living in camps, returnees, abandoned homes; a basement during a strike is not."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Riot police held back 200 protesters outside the parliament in Nairobi.',
     [(200, 'other')]),
    ('Police held 40 protesters overnight in Dakar.',
     [(40, 'detained')]),
    ("The group seized 3 aid workers' vehicles near Kadugli.",
     [(3, 'other')]),
    ('Security forces rounded up 300 young men in Kidal.',
     [(300, 'arrested')]),
    ('Air defences shot down 12 drones over Odesa.',
     [(12, 'weapons')]),
    ('Gunmen shot dead five worshippers outside a church in Ituri.',
     [(5, 'killed')]),
    ('The coast guard pushed back 120 migrants near Lampedusa.',
     [(120, 'displaced')]),
    ('Protesters held up 20 aid trucks at the crossing.',
     [(20, 'other')]),
    ('Rebels freed up 3 roads into Goma.',
     [(3, 'other')]),
    ("Fighters seized 2 soldiers' rifles at the post near Menaka.",
     [(2, 'troops')]),
])
def test_particles_and_possessors(counts, text, expected):
    """A particle changes the verb ("held back" is no detention, "shot down" stays); a possessor is not what the verb acts on."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Russia launched 47 drones overnight, 38 of which were shot down.',
     [(38, 'weapons'), (47, 'weapons')]),
    ('Air defences intercepted 12 of the 15 missiles fired at Lviv.',
     [(12, 'weapons'), (15, 'weapons')]),
    ('The Houthis fired three ballistic missiles and two drones at the tanker.',
     [(2, 'weapons'), (3, 'weapons')]),
    ('Israeli jets dropped 20 bombs on the outskirts of Baalbek.',
     [(20, 'weapons')]),
    ('The army seized 35 AK-47 rifles and 2,000 rounds in the raid in Kasai.',
     [(35, 'weapons'), (2000, 'weapons')]),
    ('Ukraine said it destroyed 14 Russian tanks and 30 armoured vehicles near Avdiivka.',
     [(14, 'weapons'), (30, 'weapons')]),
    ('Hezbollah fired about 60 rockets into northern Israel.',
     [(60, 'weapons')]),
    ('The RSF shot down two Sudanese army drones over Omdurman.',
     [(2, 'weapons')]),
    ('Of the 90 Shahed drones launched, 71 were downed, the air force said.',
     [(71, 'weapons'), (90, 'weapons')]),
    ('Troops recovered 11 improvised explosive devices near Mopti.',
     [(11, 'weapons')]),
    ('The ministry said it had shot down 41 Ukrainian UAVs over the Belgorod region.',
     [(41, 'weapons')]),
    ('Two Su-25 jets and three Mi-8 helicopters were lost in the battle.',
     [(2, 'weapons'), (3, 'weapons')]),
    ('Russia fired 40 missiles at Kharkiv and Ukraine intercepted 31.',
     [(31, 'weapons'), (40, 'weapons')]),
    ('Militants lobbed 12 mortar rounds at the AU base in Baidoa.',
     [(12, 'weapons')]),
    ('Sudanese forces destroyed 9 technicals and 2 armoured personnel carriers.',
     [(2, 'weapons'), (9, 'weapons')]),
    ('Regional officials recorded 24 impacts in Nikopol overnight.',
     [(24, 'weapons')]),
])
def test_weapons_and_munitions(counts, text, expected):
    """Weapons and munitions, also under a model name ("Mi-8 helicopters") or a partitive ("38 of which")."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('Since the war began, more than 40,000 Palestinians have been killed.',
     [(40000, 'killed')]),
    ('Since April 2023 the conflict has killed at least 15,000 people in Sudan.',
     [(15000, 'killed')]),
    ('Over the past decade more than 6 million Syrians have fled the country.',
     [(6000000, 'displaced')]),
    ('In total, 1,900 civilians have died in Myanmar since the coup.',
     [(1900, 'killed')]),
    ('Since January, jihadists have killed 700 civilians across the Sahel.',
     [(700, 'killed')]),
    ('The violence has left more than 6,800 dead since 2017 in eastern Congo.',
     [(6800, 'killed')]),
    ('Two years of war have cost the lives of 10,500 Ukrainian civilians.',
     [(10500, 'killed')]),
    ('Altogether 2,600 people were arrested during the protests in Iran.',
     [(2600, 'arrested')]),
    ('So far this year 230 aid workers have been killed worldwide.',
     [(230, 'killed')]),
    ('The fighting has so far claimed 3,100 lives in Tigray.',
     [(3100, 'killed')]),
    ('The war in Yemen has claimed an estimated 150,000 lives.',
     [(150000, 'killed')]),
])
def test_cumulative_tolls(counts, text, expected):
    """Cumulative tolls ("since the war began", "claimed 3,100 lives") are counts of their kind."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('A 12-year-old boy was among the passengers, the Red Crescent said.',
     []),
    ('The strike happened at 4:30 a.m. on 7 October near Sderot.',
     []),
    ('Inflation reached 40 percent in Khartoum this year.',
     []),
    ('The government pledged $250 million for reconstruction in Mosul.',
     []),
    ('Russia moved S-300 systems to the border near Kursk.',
     []),
    ('Soldiers of the 47th Brigade held the line near Avdiivka.',
     []),
    ('The UN Security Council adopted resolution 2334 by 14 votes.',
     []),
    ('The office at 14 Nile Street in Khartoum was looted.',
     []),
    ('The report, on page 12, lists the attacks in Somalia.',
     []),
    ("Israel's Unit 8200 is said to have planned the operation.",
     []),
    ('He was 34 when he joined the militia in Bunia.',
     []),
    ('The convoy travelled on Route 7 towards Gao.',
     []),
    ('The F-16 jets arrived in Ukraine in 2024.',
     []),
    ('Residents said the attack lasted 3 hours.',
     []),
    ('The Mi-24 gunship crashed near Tombouctou.',
     []),
    ('Nine in ten people in Gaza have been displaced at least once.',
     []),
    ('Three out of four children in Yemen need aid, UNICEF said.',
     []),
    ('One in five homes in Bakhmut was destroyed.',
     []),
])
def test_numbers_that_are_not_counts(counts, text, expected):
    """Dates, ages, times, percentages, money, model numbers, unit names, addresses, resolutions."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('5 min read',
     []),
    ('Image 1 of 5',
     []),
    ('Follow us: 12K followers',
     []),
    ('Top 10 stories of the week',
     []),
    ('Read more: 5 things to know about the war in Sudan',
     []),
    ('3 comments',
     []),
    ('Join 50,000 readers of our newsletter',
     []),
    ('The 5 biggest takeaways from the summit in Addis Ababa',
     []),
    ('Click here for 24 photos of the flooding in Derna',
     []),
    ('Posted by admin | 12 Comments',
     []),
    ('Slide 3 of 12: Smoke rises over Khartoum.',
     []),
    ('Share this story\nViews: 2,310\nKilled: 8',
     [(8, 'killed')]),
])
def test_page_furniture_is_not_counted(counts, text, expected):
    """Page furniture of scraped news pages (reading time, comments, photos, followers) counts nothing."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('During the operation, the forces neutralized 20 terrorists in the Tillaberi region.',
     [(20, 'killed')]),
    ('As a result of the strike, up to 30 servicemen of the armed forces of Ukraine were destroyed.',
     [(30, 'killed')]),
    ('The enemy losses amounted to 120 servicemen and 3 tanks.',
     [(3, 'weapons'), (120, 'killed')]),
    ('In the Sahel, the army liquidated 45 terrorists during the air raids.',
     [(45, 'killed')]),
    ('5 persons received injuries of varying severity as a result of the shelling.',
     [(5, 'wounded')]),
    ('The Defense Ministry reported that 18 militants were eliminated in the Kurram district.',
     [(18, 'killed')]),
    ('7 civilians were brought to the medical institutions with wounds.',
     [(7, 'wounded')]),
    ('In the Kupiansk direction the enemy lost up to 80 military personnel.',
     [(80, 'killed')]),
    ('The terrorists killed by the forces numbered 26, the statement in Abuja said.',
     [(26, 'killed')]),
    ('A total of 9 persons were hospitalized after the drone attack.',
     [(9, 'wounded')]),
    ('From the territory of the region 1 300 persons were evacuated during the day.',
     [(1300, 'displaced')]),
    ('The armed forces liquidated up to 25 militants in the Kidal region.',
     [(25, 'killed')]),
    ('The defence forces eliminated 1,200 occupiers over the day.',
     [(1200, 'killed')]),
    ('The shelling resulted in the martyrdom of 12 civilians and the injury of 20 others.',
     [(12, 'killed'), (20, 'wounded')]),
    ('As a result of the shelling, 3 persons were killed and 5 injured.',
     [(3, 'killed'), (5, 'wounded')]),
    ('The army neutralised about fifty terrorists in the Boucle du Mouhoun.',
     [(50, 'killed')]),
    ('In the attack died 3 soldiers and were wounded 7 more.',
     [(3, 'killed'), (7, 'wounded')]),
    ('From the region fled 3,000 people during the week.',
     [(3000, 'displaced')]),
    ('In the fire in the camp perished 12 residents.',
     [(12, 'killed')]),
    ('This year were assassinated 45 social leaders in Colombia.',
     [(45, 'killed')]),
    ('They fled 3 towns in one night.',
     [(3, 'other')]),
    ('A drone hit a minibus near Kherson, leaving 5 passengers and 2 volunteers dead.',
     [(2, 'killed'), (5, 'killed')]),
])
def test_machine_translated_wording(counts, text, expected):
    """Machine-translated and official wording: "neutralized 20 terrorists", "losses amounted to"."""
    assert counts(text) == expected


@pytest.mark.parametrize("text,lower", [
    ("Gunmen killed 10-12 people in an attack on a village in Zamfara state.", 10),
    ("Between 30 and 40 people were killed in the raid in Plateau state.", 30),
    ("Militants fired 40 or 50 rockets at Kiryat Shmona.", 40),
    ("Some 200–250 families were evacuated from the villages near Goma.", 200),
])
def test_a_range_gives_the_toll_its_lower_end(parsed, text, lower):
    """Both ends are counts, but the figure the events stage reads for a toll is the lower one."""
    an = parsed(text)
    found = find_counts(an)
    assert len(found) == 2
    assert {c.value for c in an.token_count.values()} == {lower}

