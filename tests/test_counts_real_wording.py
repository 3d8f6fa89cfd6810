"""Counts in the wording real news uses, from many wars and outlet styles.

Sentences written for these tests (not taken from any evaluation article); each states the
(value, category) pairs a reader would write down, and nothing else: a spurious count fails too."""
import pytest

from sitrep.counts import find_counts


@pytest.fixture
def counts(parsed):
    def run(text):
        return sorted((c.value, c.category) for c in find_counts(parsed(text)))
    return run


@pytest.mark.parametrize("text,expected", [
    ('Two dozen fighters were killed in the clashes near Bunia.',
     [(24, 'killed')]),
    ('More than 1,200 people have been displaced by the flooding of the camps in Bentiu.',
     [(1200, 'displaced')]),
    ('Hundreds of protesters were arrested in Nairobi.',
     []),
    ('The UN says 2.3m people now need food aid in northern Ethiopia.',
     [(2300000, 'other')]),
    ('A hundred and twenty families fled Kalehe overnight.',
     [(120, 'displaced')]),
    ('Seventy-three bodies were recovered from the rubble in Aleppo.',
     [(73, 'killed')]),
    ('Some 3,500 refugees crossed into Uganda last week.',
     [(3500, 'displaced')]),
    ('An estimated 25,000 Rohingya are stranded in the camps near Maungdaw.',
     [(25000, 'other')]),
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
])
def test_the_noun_far_from_the_number(counts, text, expected):
    """The counted noun far from the number: tolls, "of whom 12", "12 of them", "11 dead and 36 wounded"."""
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
     [(14, 'other'), (3200, 'displaced')]),
    ('Yemen at a glance\nPopulation: 33 million\nAge: 19\nPage 4',
     [(33000000, 'other')]),
    ('Ukraine, day 900\nMissiles fired: 63 | Drones: 120 | Civilians killed: 7',
     [(7, 'killed'), (63, 'weapons'), (120, 'weapons')]),
    ('Toll of the floods in Derna\nBodies recovered: 3,958\nMissing: 9,000',
     [(3958, 'killed'), (9000, 'other')]),
    ('Arrested — 86\nInjured — 14',
     [(14, 'wounded'), (86, 'arrested')]),
])
def test_key_figure_boxes(counts, text, expected):
    """Key-figure boxes and tables: a label, a colon or dash, a figure ("Killed: 45")."""
    assert counts(text) == expected

