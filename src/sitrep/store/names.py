"""Name keys: the normalised forms under which the corpus matches names across articles.

One person or place is spelled many ways across outlets: Dmitri/Dmitry Medvedev,
Zaporizhia/Zaporizhzhia, Zelensky/Zelenskyy/Zelenskiy. `name_key` folds case, accents, punctuation
and the common variation of romanised Slavic/Arabic names (y/i/j, doubled letters, kh/h, zh/z ...)
so these meet on one key; `link` adds fuzzy matching (rapidfuzz) within a block for the rest.
Keys are matching devices only; they are never shown.
"""
from __future__ import annotations

import re
import unicodedata

_FOLDS = (("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("tz", "c"),
          ("ck", "k"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i"), ("q", "k"), ("x", "ks"))
_DOUBLE = re.compile(r"(.)\1+")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_APOS = re.compile(r"[\u0027\u2019\u02bc\u2018\u0060\u00b4]")
_PLACE_GENERIC = {"oblast", "province", "region", "governorate", "district", "raion", "krai",
                  "city", "of", "the", "republic"}
_ORG_LEADING = {"the"}


def simple(s: str | None) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOS.sub("", s)
    return " ".join(_NON_WORD.sub(" ", s).split())


def fold_token(t: str) -> str:
    for a, b in _FOLDS:
        t = t.replace(a, b)
    return _DOUBLE.sub(r"\1", t)


def name_key(s: str | None) -> str:
    """Key of a person/organisation name: 'Dmitri Medvedev' == 'Dmitry Medvedev'."""
    toks = simple(s).split()
    while toks and toks[0] in _ORG_LEADING and len(toks) > 1:
        toks = toks[1:]
    return " ".join(fold_token(t) for t in toks)


def place_key(s: str | None) -> str:
    """Key of a place name, generic words dropped: 'Zaporizhia Oblast' == 'Zaporizhzhia'."""
    toks = [t for t in simple(s).split() if t not in _PLACE_GENERIC] or simple(s).split()
    return " ".join(fold_token(t) for t in toks)


def block_key(key: str) -> str:
    """Blocking key for fuzzy matching: first 3 letters of the last token (the surname)."""
    last = key.rsplit(" ", 1)[-1] if key else ""
    return last[:3]
