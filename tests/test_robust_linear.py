"""Linear cost on long articles (issue 14, section 2): the look-backs that walked over the whole
article ("the ministry" -> the last ministry named before, the role holder, the previous person,
the first person a name matches, the quote holding a token) are indexes now. Each index must give
exactly the answer of the walk it replaced; checked here against that walk on a long generated
article with many people, bodies and quotes (sitrep.synth: several regions and wars)."""
from __future__ import annotations

import pytest

from sitrep import entities, quotes
from sitrep.analysis import Analysis
from sitrep.clean import clean
from sitrep.dates import DateResolver
from sitrep.nlp import parse
from sitrep.record import Article


@pytest.fixture(scope="module")
def an():
    from sitrep import places
    from sitrep.synth import generate
    body = "\n\n".join(a.text.split("\n", 1)[-1].strip() for a in generate(40, seed=11))
    article = Article(id="long", text="A long report\n\n" + body, published="2024-05-01")
    cl = clean(article.text)
    a = Analysis(article=article, clean=cl, doc=parse(cl.text), dates=DateResolver(article.published))
    a.locations = places.find_places(a)
    a.persons, a.organizations = entities.find_entities(a)
    return a


def _walk_named_before(namer, tok):
    """The walk back over the whole article that `_named_before` replaced."""
    head = tok.lemma_.lower()
    if head not in namer.nouns.bodies:
        return None
    te = namer.an.token_entity
    last_org = None
    for t in reversed(namer.doc[:tok.i]):
        ent = te.get(t.i)
        if ent is None or getattr(ent, "kind", "person") != "organization":
            continue
        written = namer._written(t, ent)
        if head in ent.name.lower().split() or head in written.lower().split():
            return written
        last_org = last_org or written
    return last_org if head in namer.nouns.group_words else None


def _walk_previous_person(namer, tok):
    te = namer.an.token_entity
    for t in reversed(namer.doc[:tok.i]):
        ent = te.get(t.i)
        if ent is not None and getattr(ent, "kind", "person") == "person":
            return ent.name
        if t.ent_type_ == "PERSON" and t.i not in te and t.i not in namer.an.token_place:
            span = namer._ent_span(t)          # spaCy's PERSON, unless read as a place or a body
            return span.text if span is not None else t.text
        if t.pos_ == "PROPN" and not t.ent_type_ and t.i not in te and t.i not in namer.an.token_place:
            head = t                           # a personal name no tagger read (quotes._name_run)
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            name = None if head.ent_type_ else namer._unrecognised_person(head)
            if name and t in namer._name_run(head)[0]:
                return name
    return None


def test_the_article_is_long_and_crowded(an):
    assert len(an.doc) > 5000 and len(an.persons) > 20 and len(an.organizations) > 10


def test_the_body_named_before_is_the_walks_answer(an):
    namer = quotes.SpeakerNamer(an)
    probes = [t for t in an.doc if t.lemma_.lower() in namer.nouns.bodies]
    assert len(probes) > 10
    for tok in probes:
        assert namer._named_before(tok) == _walk_named_before(namer, tok), tok.sent.text


def test_the_previous_person_is_the_walks_answer(an):
    namer = quotes.SpeakerNamer(an)
    for tok in list(an.doc)[::7]:
        assert namer._previous_person(tok) == _walk_previous_person(namer, tok)


def test_the_role_holder_is_the_walks_answer(an):
    namer = quotes.SpeakerNamer(an)
    te = an.token_entity
    probes = [t for t in an.doc if t.pos_ == "NOUN" and namer._is(t, namer.nouns.roles)]
    assert probes
    for tok in probes:
        keys = set(namer._keys(tok))
        before = [te[t.i] for t in reversed(an.doc[:tok.i])
                  if t.i in te and getattr(te[t.i], "kind", "person") == "person"]
        want = None
        for exact in (True, False):
            want = next((e for e in before if (r := (e.role or "").lower()) and
                         (r in keys or not exact and r.split()[-1] in keys)), None)
            if want is not None:
                break
        assert namer._index().role_holder(tok, keys) is want


def test_the_first_person_a_name_matches_is_the_walks_answer(an):
    people = []
    index = entities._SurnameIndex()
    names = [p.name.split() for p in an.persons] + [[p.name.split()[-1]] for p in an.persons] + \
        [["Zelenskyy"], ["Volodymyr", "Zelensky"], ["Mohamed", "Hamdan"], ["Abiy", "Ahmed"], ["Hemedti"]]
    for parts in names:
        want = next((p for p in people if p.matches(parts)), None)
        assert index.first_match(parts) is want, parts
        if want is None:
            person = entities._Person(parts, " ".join(parts))
            people.append(person)
            index.add(person)
    assert len(people) > 10


def test_the_quote_holding_a_char_is_the_first_span_in_order():
    from sitrep.events.coder import _QuoteIndex
    spans = [(10, 50, "A"), (30, 40, "B"), (60, 90, "C"), (95, 96, "D"), (0, 5, "E"), (62, 70, "F")]
    index = _QuoteIndex(spans)
    for start in range(0, 100):
        want = next((s for lo, hi, s in spans if lo <= start < hi), None)
        assert index.speaker_at(start) == want, start


def test_a_long_text_parsed_in_pieces_is_the_doc_spacy_would_join():
    """A long text is parsed piece by piece and built into one Doc without holding all pieces
    (memory): every token, tag, head, entity and sentence start is what spaCy's own join of the
    same pieces gives, and the text is unchanged."""
    from spacy.tokens import Doc

    from sitrep.nlp import CHUNK_CHARS, _joined, get_nlp, parse
    paras = ["Drones struck a fuel depot in Kherson on Monday, killing two workers, the governor said.",
             "RSF fighters looted a market in Nyala, residents told reporters by phone on Tuesday.",
             "\"We will not leave,\" said Amina Yusuf, a teacher in Maiduguri, after the attack."]
    text = "Long report\n\n" + "\n\n".join(paras[i % 3] for i in range(3 * CHUNK_CHARS // 80)) + "\n"
    doc, ref = parse(text), _joined(get_nlp(), text)
    assert doc.text == text and len(doc) == len(ref)
    attrs = list(Doc._get_array_attrs())
    assert (doc.to_array(attrs) == ref.to_array(attrs)).all()
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in ref.ents]
    assert [s.start for s in doc.sents] == [s.start for s in ref.sents]
