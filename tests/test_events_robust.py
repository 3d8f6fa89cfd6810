"""Bad input never crashes the coder, and text with no event never yields one."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.analysis import Analysis
from sitrep.clean import clean
from sitrep.dates import DateResolver
from sitrep.events import code_events
from sitrep.record import Article

WORDS = ["Russia", "attacked", "Kyiv", "missiles", "fell", "on", "the", "city", "said", "not",
         "\"", "'", "?", ",", ".", "\n", "accused", "of", "bombing", "will", "protests", "erupted",
         "in", "Moscow", "arrested", "(", ")", "according", "to", "officials", "and", "killing",
         "six", "people", "mobilization", "ordered", "Putin", "his", "it", "they", "—", "…"]


def _run(nlp, text):
    c = clean(text)
    an = Analysis(Article(id="h", text=text), c, nlp(c.text), DateResolver("2024-01-01"))
    events = code_events(an)
    for e in events:
        assert text[e.start:e.end] == e.evidence
        assert e.start <= e.end
    return events


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_word_salad_never_crashes(nlp, words):
    _run(nlp, " ".join(words))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(nlp, text):
    _run(nlp, text)


def test_nested_quotes_without_verbs_give_nothing(nlp):
    assert _run(nlp, "\"'\"Kyiv,\" 'Lviv' \"\"Odesa\"\"'\"") == []


def test_sentence_with_no_verb_gives_nothing(nlp):
    assert _run(nlp, "Air strikes. Missiles. Mobilization. Protests in Moscow. Arrests.") == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_whole_pipeline_with_word_salad_never_crashes(analyse, words):
    text = "Title line\n\n" + " ".join(words)
    an = analyse(text, published="2024-01-01")
    for e in an.events:
        assert text[e.start:e.end] == e.evidence


def test_long_list_of_places_through_the_pipeline_gives_no_event(analyse):
    text = "Places\n\n" + ", ".join(["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro"] * 300) + "."
    assert analyse(text).events == []
