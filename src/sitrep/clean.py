"""Cleaning: boilerplate lines out, feed damage repaired, an offset map back to the original.

Two steps, both keeping every fact traceable to `Article.text`:

1. Boilerplate LINES (share prompts, comment forms, "Read Also: ..." links, tag lists, outlet
   names, "Recent Articles") are judged by a general mechanism: line features (length, final
   punctuation, Title-Case share, tag-list shape), position (runs of non-sentences at the top or
   the tail of the page), and the lexicon in `data/boilerplate.yaml`. The first non-empty line is
   the title and is kept; a real sentence is never removed on weak evidence. Removed lines are
   replaced by spaces of the same length, so offsets do not move, and listed in `boilerplate`.
2. Feed damage is repaired in the copy the NLP reads: curly quotes and odd spaces made plain,
   zero-width characters dropped, a space put back after a closing quote glued to the next word
   (`"...it"declared`) and before an opening quote glued to the previous one (`that"for`),
   European numbers rewritten so spaCy reads one number (`16 000` -> `16,000`, `2,5 million` ->
   `2.5 million`). `offsets`/`ends` map every cleaned character back to the original exactly.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Sequence

from .knowledge import Knowledge, get_knowledge


@dataclass
class CleanText:
    text: str                      # what the NLP reads
    offsets: Sequence[int]         # offsets[i] = index in the original of cleaned char i (len = len(text) + 1)
    boilerplate: list[str] = field(default_factory=list)
    body_chars: tuple[int, int] | None = None
    # ends[i] = original end of cleaned char i (offsets[i] + 1, or offsets[i] for an inserted space);
    # None means no character was inserted and offsets[i] + 1 holds.
    ends: Sequence[int] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned [start, end) span to the original text."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(0, min(end, n))
        if end <= start:
            o = self.offsets[start]
            return o, o
        e = self.ends[end - 1] if self.ends is not None else self.offsets[end - 1] + 1
        return self.offsets[start], max(e, self.offsets[start])


# ---------------------------------------------------------------------------------------------
# Lexicon (data/boilerplate.yaml)

@dataclass(frozen=True)
class Lexicon:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    words: frozenset[str]
    byline_prefixes: tuple[str, ...]
    labels: re.Pattern = re.compile(r"(?!)")


def lexicon(kb: Knowledge | None = None) -> Lexicon:
    """The boilerplate lexicon of `kb` (default: the process-wide Knowledge), built once."""
    return (kb or get_knowledge()).derived("boilerplate", _build_lexicon)


def _build_lexicon(kb: Knowledge) -> Lexicon:
    raw = kb.yaml("boilerplate.yaml")

    def items(key):
        return [str(x).lower() for x in raw.get(key) or [] if str(x).strip()]
    return Lexicon(frozenset(_core(x) for x in items("exact")), tuple(items("prefixes")),
                   frozenset(items("words")), tuple(items("byline_prefixes")),
                   _label_pattern(items("prefixes")))


def _label_pattern(prefixes: list[str]) -> re.Pattern:
    """"read also:" in the lexicon also matches "READ ALSO | ...", "Read also - ...", "Read also » ..."."""
    labels = sorted({re.escape(p[:-1].strip()) for p in prefixes if p.endswith(":") and p[:-1].strip()},
                    key=len, reverse=True)
    if not labels:
        return re.compile(r"(?!)")
    return re.compile(rf"^(?:{'|'.join(labels)})\s*[:|\-\u2013\u2014\u00bb>]")


# ---------------------------------------------------------------------------------------------
# Character repairs: one-to-one replacements, deletions, insertions

_CHARMAP = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u3000": " ",
}
_DELETE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_OPENING = frozenset("\u201c\u201e\u00ab")
_CLOSING = frozenset("\u201d\u00bb")
_DQUOTES = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_SEP = "[ \u00a0\u202f\u2009\u2007]"
# 16 000 / 1 250 000: a 1-3 digit group then space-separated groups of exactly three digits
_THOUSANDS = re.compile(rf"(?<![\w.,])(\d{{1,3}})((?:{_SEP}\d{{3}})+)(?![\d]|[.,]\d)")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
# 2,5 million / 1,75 billion / 0,5: a comma that cannot be a thousands separator
_DECIMAL = re.compile(r"(?<![\d.,])(\d+),(\d{1,2}|\d{4,})(?![\d]|,\d)")
_SCALE = re.compile(r"\s*(?:million|billion|thousand|trillion|mln|bn|per ?cent|%)", re.I)


def _number_repairs(t: str) -> dict[int, str]:
    """Positions in `t` whose character becomes ',' or '.' so a European number is one token."""
    out: dict[int, str] = {}
    for m in _THOUSANDS.finditer(t):
        if _MONTH_BEFORE.search(t, max(0, m.start() - 12), m.start()):
            continue   # "September 24 500 troops": a day, then a number
        for i in range(m.start(2), m.end(2), 4):
            out[i] = ","
    for m in _DECIMAL.finditer(t):
        after = m.group(2)
        scaled = bool(_SCALE.match(t, m.end()))
        if len(after) == 3 or (len(after) >= 4 and not scaled and len(m.group(1)) > 3):
            continue
        out[m.start(2) - 1] = "."
    return out


_QUOTE_OR_BREAK = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb\n]')
_TRANSLATE = str.maketrans(_CHARMAP)


def _quote_insertions(t: str) -> set[int]:
    """Positions before which a space is missing next to a double quote (per line, by parity)."""
    out: set[int] = set()
    line_start = 0
    inside = False
    for m in _QUOTE_OR_BREAK.finditer(t):
        j, c = m.start(), m.group()
        if c == "\n":
            inside, line_start = False, j + 1
            continue
        prev = t[j - 1] if j > line_start else " "
        nxt = t[j + 1] if j + 1 < len(t) else " "
        if c in _OPENING:
            opening = True
        elif c in _CLOSING:
            opening = False
        elif prev.isspace() or prev in "([{":
            opening = True
        elif nxt.isspace() or nxt in ".,;:!?)]}\"'":
            opening = False
        else:
            opening = not inside
        if opening:
            if prev.isalnum() or prev in ",;:":
                out.add(j)
            inside = True
        else:
            if nxt.isalnum():
                out.add(j + 1)
            inside = False
    return out


def _repair(text: str) -> tuple[str, list[int], list[int] | None]:
    """Text with feed damage repaired, plus offsets/ends back to `text` (see CleanText)."""
    deleted = any(c in text for c in _DELETE)
    keep = [i for i, c in enumerate(text) if c not in _DELETE] if deleted else None
    t1 = "".join(text[i] for i in keep) if keep is not None else text
    numbers = _number_repairs(t1)
    inserts = _quote_insertions(t1)
    if not inserts:   # the common case: one-to-one replacements only
        chars = t1.translate(_TRANSLATE)
        if numbers:
            buf = list(chars)
            for j, c in numbers.items():
                buf[j] = c
            chars = "".join(buf)
        offsets = array("q", keep + [len(text)] if keep is not None else range(len(text) + 1))
        return chars, offsets, None
    out: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    for j, c in enumerate(t1):
        o = keep[j] if keep is not None else j
        if j in inserts:
            out.append(" ")
            offsets.append(o)
            ends.append(o)
        out.append(numbers.get(j) or _CHARMAP.get(c, c))
        offsets.append(o)
        ends.append(o + 1)
    offsets.append(len(text))
    return "".join(out), array("q", offsets), array("q", ends)   # 8 bytes a character, not ~36


# ---------------------------------------------------------------------------------------------
# Boilerplate lines

_WORD = re.compile(r"[^\W_][\w'\u2019.&-]*")
_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$|[\"\u201d]$")
_TAG_SPLIT = re.compile(r"\s*[,|;\u2022\u00b7]\s*")
_DATELINE = re.compile(rf"^[\W\d_]*(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
                       rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
                       rf"|\d{{1,2}}:\d{{2}})", re.I)
_SYMBOLS = " \t\r.:!?|\u2022\u00b7*#>\u00bb\u00ab-\u2013\u2014_=~[](){}"


_NORM = str.maketrans({**_CHARMAP, **{c: None for c in _DELETE}})


def _norm(line: str) -> str:
    """The line as the lexicon sees it: plain quotes and spaces, no invisible characters, lower case."""
    return " ".join(line.translate(_NORM).split()).lower()


def _core(s: str) -> str:
    """The line's words without counts and decoration: "3 Comments:" -> "comments"."""
    s = re.sub(r"[\(\[]?\d+[\)\]]?", " ", s)
    return " ".join(s.split()).strip(_SYMBOLS).strip()


@dataclass
class _Line:
    index: int
    start: int
    end: int
    raw: str
    norm: str
    words: list[str]
    sentence: bool                 # a real sentence: protected from weak evidence
    anchor: bool                   # a paragraph of running text: bounds the top and tail runs
    score: float = 0.0
    decisive: bool = False


def _is_sentence(words: list[str], stripped: str, min_words: int = 6) -> bool:
    """A real sentence: enough words, mostly lower-case running text, ending like a sentence."""
    n = len(words)
    if n < min_words:
        return False
    lower = sum(1 for w in words if w[0].islower()) / n
    if lower < 0.3:
        return False
    return bool(_TERMINAL.search(stripped)) or n >= 12


def _tag_list(stripped: str) -> bool:
    items = [x for x in _TAG_SPLIT.split(stripped.strip(_SYMBOLS)) if x]
    if len(items) < 3 or _TERMINAL.search(stripped):
        return False
    for item in items:
        ws = item.split()
        if not 1 <= len(ws) <= 4 or not (ws[0][0].isupper() or ws[0][0].isdigit() or ws[0][0] == "#"):
            return False
    return True


def _score(line: _Line, lex: Lexicon, top: bool, tail: bool) -> None:
    core = _core(line.norm)
    if core in lex.exact or line.norm.strip(_SYMBOLS) in lex.exact:
        line.score, line.decisive = 2.0, True
        return
    if any(line.norm.startswith(p) for p in lex.prefixes) or lex.labels.match(line.norm):
        line.score, line.decisive = 2.0, True
        return
    if line.sentence:
        return
    stripped = line.raw.strip()
    words = line.words
    n = len(words)
    s = 0.0
    if not any(ch.isalpha() for ch in stripped):
        s += 0.6                                   # "***", "|", "12:30"
    if n <= 5:
        s += 0.2
    if not _TERMINAL.search(stripped):
        s += 0.2
    alpha = [w for w in words if w[0].isalpha()]
    if alpha and sum(1 for w in alpha if w[0].isupper()) / len(alpha) >= 0.6:
        s += 0.25
    if _tag_list(stripped):
        s += 0.8
    if n <= 10:
        hits = sum(1 for w in words if w.lower().strip(".'") in lex.words)
        s += min(0.6, 0.3 * hits)
        if _DATELINE.match(stripped):
            s += 0.5
    if any(ch.isdigit() for ch in stripped) and not _DATELINE.match(stripped):
        s -= 0.3                                   # "Kharkiv: 3 killed": figures are content
    if (top or tail) and n <= 8 and any(line.norm.startswith(p) for p in lex.byline_prefixes):
        s += 0.5
    if tail:
        s += 0.5
    elif top:
        s += 0.4
    line.score = s


def _find_boilerplate(text: str) -> list[_Line]:
    """Score every line; return the ones judged boilerplate, in order."""
    lex = lexicon()
    lines: list[_Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        norm = _norm(raw)
        if norm.strip():
            words = _WORD.findall(raw)
            lines.append(_Line(i, pos, pos + len(raw), raw, norm, words,
                               sentence=_is_sentence(words, raw.strip(), min_words=3),
                               anchor=_is_sentence(words, raw.strip())))
        pos += len(raw) + 1
    titled = next((k for k, ln in enumerate(lines) if any(ch.isalnum() for ch in ln.raw)), None)
    if titled is None or len(lines) - titled < 2:
        return []
    body = lines[titled + 1:]              # the first line with words is the title; rules above it stay
    sentences = [k for k, ln in enumerate(body) if ln.anchor]
    first_sent = sentences[0] if sentences else None
    last_sent = sentences[-1] if sentences else None
    for k, ln in enumerate(body):
        top = first_sent is not None and k < first_sent
        tail = last_sent is not None and k > last_sent
        _score(ln, lex, top, tail)
    # junk comes in runs: a non-sentence next to a removed line leans towards junk too
    removed = [ln.score >= 1.0 for ln in body]
    for k, ln in enumerate(body):
        if removed[k] or ln.sentence or ln.score < 0.5:
            continue
        if (k > 0 and removed[k - 1]) or (k + 1 < len(body) and removed[k + 1]):
            ln.score += 0.3
    return [ln for ln in body if ln.score >= 1.0]


def clean(text: str) -> CleanText:
    """The text the NLP reads, the offset map back to `text`, and the boilerplate lines."""
    junk = _find_boilerplate(text)
    if junk:
        chars = list(text)
        for ln in junk:
            # zero-width characters stay, to be dropped with the others by _repair
            chars[ln.start:ln.end] = [c if c in _DELETE else " " for c in text[ln.start:ln.end]]
        blanked = "".join(chars)
    else:
        blanked = text
    cleaned, offsets, ends = _repair(blanked)
    stripped = cleaned.strip()
    if stripped:
        first = len(cleaned) - len(cleaned.lstrip())
        last = len(cleaned.rstrip())
        body = (first, last)
    else:
        body = None
    return CleanText(text=cleaned, offsets=offsets, boilerplate=[" ".join(ln.raw.split()) for ln in junk],
                     body_chars=body, ends=ends)
