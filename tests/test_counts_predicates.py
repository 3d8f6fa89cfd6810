"""Counts take their category from the governing predicate and its event, one count per fact.

Sentences written for these tests, from different wars; each states what a reader would write
down as the count."""
import pytest

from sitrep.counts import find_counts
from sitrep.knowledge import Knowledge, use_knowledge


@pytest.mark.parametrize("text,expected", [
    # the verb decides for a noun that says nothing ("others", "suspects", "worshippers")
    ("RSF fighters killed 13 and injured 21 others near El Fasher on Monday.",
     [(13, "killed"), (21, "wounded")]),
    ("The drone strike in Idlib wounded 35 worshippers leaving the mosque.", [(35, "wounded")]),
    ("Police in Maiduguri said gunmen had executed nine passengers and abducted four others.",
     [(9, "killed"), (4, "detained")]),
    ("The junta's airstrike in Sagaing killed 22 suspects held in the monastery.", [(22, "killed")]),
    # coming home takes its category from the event around it
    ("Five people came home in the exchange announced by the Qatari mediators.", [(5, "prisoners")]),
    ("Kyiv and Moscow swapped captives again. Twelve soldiers returned home on Friday.",
     [(12, "prisoners")]),
    ("Seven fishermen returned from captivity in Houthi-held Hodeidah.", [(7, "prisoners")]),
    # detention, displacement, flight
    ("M23 rebels detained 40 young men at a checkpoint outside Goma.", [(40, "detained")]),
    ("More than 3,000 families fled the fighting in Sennar state.", [(3000, "displaced")]),
    ("About 120 villagers were displaced by the clashes in Tigray.", [(120, "displaced")]),
    # phrases: lives lost, wounds suffered, people under arms
    ("Over 40 people lost their lives when the shell hit the market in Gao.", [(40, "killed")]),
    ("Six children suffered shrapnel wounds in the strike on Khan Younis.", [(6, "wounded")]),
    ("The country has about 800,000 men under arms.", [(800000, "troops")]),
    # mobilisation: reservists are troops, a range gives both ends
    ("Israel called up 1,000 more reservists for the northern front.", [(1000, "troops")]),
    ("The ministry plans to mobilise 20,000-30,000 more Ukrainians.",
     [(20000, "troops"), (30000, "troops")]),
    # things that are neither weapons nor people stay `other`
    ("Al-Shabaab fighters seized two motorcycles in Beledweyne.", [(2, "other")]),
    # missing people are not detained
    ("Another eleven are missing after the flood of the camp near Bentiu.", [(11, "other")]),
    # being forced out, crossing a border, going to hospital, being among the detained
    ("The offensive in North Darfur forced 45,000 people from their homes.", [(45000, "displaced")]),
    ("As many as 300 families crossed into Chad overnight.", [(300, "displaced")]),
    ("Nine were taken to hospital after the strike on Odesa.", [(9, "wounded")]),
    ("Police said 4 students were among those detained in Dhaka.", [(4, "detained")]),
    ("About 900 people were evacuated from Tyre, among them 210 children.",
     [(900, "displaced"), (210, "displaced")]),
    ("The navy destroyed five unmanned surface vessels near Sevastopol.", [(5, "weapons")]),
    ("The conscription drive has pushed more than 4,000 young men to flee to Thailand.",
     [(4000, "displaced")]),
    ("The raid on Jabalia killed 12 members of one family.", [(12, "killed")]),
    ("Kyiv asked its allies for at least three more batteries.", [(3, "weapons")]),
    # a second fact told of the same figure by a conjoined verb
    ("Three militants got injured and were arrested by the police in Bajaur.",
     [(3, "wounded"), (3, "arrested")]),
])
def test_predicate_decides_the_category(counted, text, expected):
    assert counted(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("A 54-year-old nurse was killed when the clinic in Rafah was shelled.", [(1, "killed")]),
    ("Soldiers arrested a local imam in Kidal on Sunday.", [(1, "arrested")]),
    ("In Beni, a teacher was wounded by a stray bullet.", [(1, "wounded")]),
    ("The strike killed 20 people, among them a 9-year-old boy.", [(20, "killed")]),
    ("No civilian was hurt in the attack on the base.", []),
])
def test_a_single_victim_is_a_count_of_one(counted, text, expected):
    assert counted(text) == expected


def test_one_count_per_fact_headline_and_repeats(parsed):
    text = ("Two Malian soldiers killed in ambush near Menaka\n\n"
            "Two Malian soldiers killed in ambush near Menaka\n\n"
            "Jihadists killed two soldiers in an ambush near Menaka, the army said. \"They killed two "
            "of our soldiers,\" a spokesman said. Five civilians were wounded.")
    found = [(c.value, c.category) for c in find_counts(parsed(text))]
    assert found == [(2, "killed"), (5, "wounded")]
    kept = find_counts(parsed(text))[0]
    assert "Jihadists" in kept.evidence          # the body's statement, not the headline's


def test_exchange_formulas_and_named_units_are_not_counts(counted):
    assert counted("The sides held the exchange according to the formula 5 for 5.") == []
    assert all(v != 444 for v, _ in counted("Fighting broke out between the 444 Brigade and a rival militia."))
    assert (444, "troops") in counted("The regiment lost 30 men and 444 troops retreated.") or \
        (444, "other") in counted("The regiment lost 30 men and 444 troops retreated.")


def test_the_figure_has_its_own_span(parsed):
    text = "Officials said at least 1,332 people were arrested in Khartoum."
    an = parsed(text)
    c = find_counts(an)[0]
    assert text[c.value_start:c.value_end] == "1,332"
    assert c.start <= c.value_start < c.value_end <= c.end


def test_count_predicates_are_data_a_user_extends(parsed):
    kb = Knowledge(files={"count_predicates.yaml": {"victim_verbs": {"killed": ["martyr"]},
                                                     "returns": {"verbs": ["return"], "words": ["home"],
                                                                 "context": {"prisoners": ["swap"]}}}})
    text = "Four policemen were martyred in Kurram."
    assert [(c.value, c.category) for c in find_counts(parsed(text), kb=kb)] == [(4, "killed")]
    kb2 = Knowledge(files={"count_predicates.yaml": {"victim_verbs": {}}})
    with use_knowledge(kb2):
        assert [(c.value, c.category) for c in find_counts(parsed(text))] == [(4, "other")]
