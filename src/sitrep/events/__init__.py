"""Events coded in the PLOVER ontology from the parse and a lexicon kept as data.

    code_events(an) -> list[Event]     runs last in the pipeline (see coder.py)

Lexicon: sitrep/data/event_lexicon.yaml (+ SITREP_LEXICON); actor table: sitrep/data/actors.yaml
(+ SITREP_ACTORS). docs/events.md documents both.
"""
from __future__ import annotations

from .coder import Trace, code_events
from .lexicon import LexiconError, load_lexicon

__all__ = ["code_events", "load_lexicon", "LexiconError", "Trace"]
