"""Arbitrary text through the dates, quotes and counts stages: no exception escapes."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.analysis import Analysis
from sitrep.clean import clean
from sitrep.counts import find_counts
from sitrep.dates import DateResolver, find_published
from sitrep.quotes import find_quotes, quote_spans
from sitrep.record import Article

PIECES = st.sampled_from([
    '"', "“", "”", "«", "»", "„", "'", " said ", " he said.", "According to ", " told ", ",", ".",
    "\n", "\n\n", " 16 000 ", "2,5 million", " at least ", "one", " killed ", " Monday ", "February 22",
    " the day before ", " 2022 ", "aged 45", " Putin ", " officials ", " missiles ", ":", "-", "%",
    "$", " 10:05 ", "Article 3", " yesterday ", " will ", "so-called ", "\u00a0", "0", "9",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=8)),
                                                   max_size=40).map("".join))
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(text=TEXTS, published=st.sampled_from([None, "2022-09-22", "2020-02-29", "garbage"]))
def test_stages_never_raise(nlp, text, published):
    cl = clean(text)
    an = Analysis(article=Article(id="h", text=text), clean=cl, doc=nlp(cl.text),
                  dates=DateResolver(published))
    for m in an.dates.mentions(an.doc):
        assert an.doc.text[m.start:m.end] == m.text
    for sent in an.doc.sents:
        an.dates.resolve(sent)
    for q in find_quotes(an):
        assert text[q.start:q.end] == q.evidence
        assert q.text
    for c in find_counts(an):
        assert text[c.start:c.end] == c.evidence
        assert c.value > 0
    find_published(text)


@SETTINGS
@given(text=TEXTS)
def test_quote_spans_are_ordered_and_inside_the_text(text):
    last = -1
    for a, b in quote_spans(text):
        assert last < a < b <= len(text)
        last = b
