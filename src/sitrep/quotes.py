"""Direct and indirect quotes with their speaker (skeleton)."""
from __future__ import annotations


def find_quotes(an):
    return []
