"""Places: gazetteer recognition and offline geocoding (skeleton)."""
from __future__ import annotations


def find_places(an):
    return []
