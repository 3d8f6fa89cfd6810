"""Events coded in the PLOVER ontology (skeleton)."""
from __future__ import annotations


def code_events(an):
    return []
