"""The learned sentence-type head: a recall fallback for sentences the lexicon coded nothing from.

A sentence's all-MiniLM-L6-v2 vector (sitrep.embed, numpy) goes through a one-vs-rest logistic
regression over the 16 PLOVER types (`data/sentence_types.npz`, built by
tools/train_sentence_types.py from open sets only; its provenance and threshold in
`data/sentence_types.json`). The coder asks it only for a sentence that the entries and the verb
fallback coded nothing from, that no filter stopped for a reason, and that passes a cheap gate
(`candidate`): so the encoder, ~15 ms a sentence, runs on few sentences, and loads only when one
first needs it.

Switch: `SITREP_SENTENCE_CLASSIFIER=0` turns it off (`=1` on); the default is the JSON's
`default_on`. `SITREP_SENTENCE_TYPES=file.npz` uses other weights (a held-out fold);
`SITREP_SENTENCE_THRESHOLD=0.4` another threshold.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from ..knowledge import package_data_dir

MIN_TOKENS, MAX_TOKENS = 6, 90          # shorter: a heading or fragment; longer: past 128 word pieces
CUE_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def weights_path() -> Path:
    return Path(os.environ.get("SITREP_SENTENCE_TYPES") or package_data_dir() / "sentence_types.npz")


@lru_cache(maxsize=4)
def _meta(path: str) -> dict:
    p = Path(path).with_suffix(".json")
    return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else {}


def status() -> tuple[bool, str]:
    """(on, why): whether the fallback runs, and a sentence saying so (for `sitrep explain`)."""
    switch = os.environ.get("SITREP_SENTENCE_CLASSIFIER", "").strip().lower()
    path = weights_path()
    meta = _meta(str(path))
    if switch in ("0", "off", "false", "no"):
        return False, "off (SITREP_SENTENCE_CLASSIFIER=0)"
    if switch not in ("1", "on", "true", "yes") and not meta.get("default_on", False):
        return False, "off by default (SITREP_SENTENCE_CLASSIFIER=1 turns it on)"
    if not path.is_file():
        return False, f"off: no weights file {path}"
    from .. import embed                      # light: the model itself loads on first encode
    why = embed.why_unavailable()
    if why:
        return False, f"off: {why}"
    return True, f"on (threshold {threshold():.2f}, weights {path.name})"


def threshold() -> float:
    """The weights' own threshold (chosen on held-out folds), or SITREP_SENTENCE_THRESHOLD."""
    try:
        return float(os.environ["SITREP_SENTENCE_THRESHOLD"])
    except (KeyError, ValueError):
        return float(_meta(str(weights_path())).get("threshold", 0.6))


@lru_cache(maxsize=4)
def _head(path: str):
    import numpy as np
    z = np.load(path)
    return z["W"], z["b"], [str(t) for t in z["types"]]


def probabilities(texts: list[str]) -> list[dict[str, float]]:
    """Each text's probability of each PLOVER type."""
    import numpy as np
    from .. import embed
    W, b, types = _head(str(weights_path()))
    P = 1 / (1 + np.exp(-(embed.encode(texts) @ W + b)))
    return [dict(zip(types, map(float, row))) for row in P]


@lru_cache(maxsize=2048)
def best_type(text: str) -> tuple[str, float]:
    """The likeliest type of one sentence and its probability (cached per text)."""
    p = probabilities([text])[0]
    t = max(p, key=p.get)
    return t, p[t]


def candidate(seg, cue_words: frozenset[str]) -> bool:
    """The cheap gate: a sentence of ordinary length, not a question, with a verb and a cue of
    a party, a number or a place (a named entity, a numeral, a word of `cue_words`)."""
    words = [t for t in seg if not t.is_punct and not t.is_space]
    if not MIN_TOKENS <= len(words) <= MAX_TOKENS or seg.text.rstrip().endswith("?"):
        return False
    if not any(t.pos_ == "VERB" for t in seg):
        return False
    return any(t.ent_type_ in CUE_LABELS or t.like_num or t.lemma_.lower() in cue_words for t in seg)
