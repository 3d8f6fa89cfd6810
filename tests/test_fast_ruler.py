"""sitrep.fast_ruler: the attribute ruler's array matching gives every token the attributes
spaCy's own Matcher gives it (parts of speech, lemmas, morphology), and steps aside for a
pattern it cannot test."""
from __future__ import annotations

import pytest

from sitrep import fast_ruler
from sitrep.nlp import MODEL, load_model

TEXTS = [
    "RSF fighters shelled a displacement camp near El Fasher on Tuesday, killing at least 12 people.",
    "Jihadists ambushed a convoy in Mali's Gao region, the army said in a statement.",
    "An Israeli strike hit a school sheltering displaced families in Gaza City, the civil defence said.",
    "Hezbollah said it had fired rockets at an army post; Israel responded with air strikes in Lebanon.",
    "The junta's jets bombed a village in Sagaing, Myanmar, residents told reporters.",
    "M23 rebels, backed by Rwanda, seized the town of Rubaya in North Kivu.",
    "Houthi forces launched drones at ships in the Red Sea, a US official said.",
    "Y'all gonna see it: let's go, c'mon, gotta move, 'nuff said. There were three. It is what it is.",
    "Did they? You saw it, I did, and he does. Do it! Gets hit, got hit.",
    "Al-Shabaab militants stormed a hotel in Mogadishu\n\n  \nBoko Haram   attacked Maiduguri.",
    "Ukraine said Russian troops had withdrawn from positions near Kupiansk, which it did not confirm.",
    "", " ", "\n", "—", "5,000 ... !!! ???",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    plain, fast = load_model(MODEL), load_model(MODEL)
    assert fast_ruler.speed_up(fast), "the model's attribute_ruler patterns should all be supported"
    return plain, fast


def test_every_token_gets_the_attributes_spacys_matcher_gives_it(pipelines):
    plain, fast = pipelines
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS)):
        assert _annotations(a) == _annotations(b), a.text


def test_the_matches_are_spacys_own(pipelines):
    plain, fast = pipelines
    ruler = plain.get_pipe("attribute_ruler")
    array_match = fast.get_pipe("attribute_ruler").match
    before = plain.pipe_names[:plain.pipe_names.index("attribute_ruler")]
    with plain.select_pipes(enable=before):
        for doc in plain.pipe(TEXTS):
            assert sorted(set(ruler.match(doc))) == sorted(set(array_match(doc))), doc.text


def test_a_pattern_it_cannot_test_leaves_the_ruler_to_spacy():
    nlp = load_model(MODEL)
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "dd"}]], {"LEMMA": "NUMBER"})        # an attribute it does not read
    assert not fast_ruler.speed_up(nlp)
    assert "match" not in vars(ruler)
    assert nlp("Fighting killed 12 people.")[2].lemma_ == "NUMBER"
