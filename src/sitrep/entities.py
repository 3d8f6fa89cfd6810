"""Persons and organizations with canonical names and aliases (skeleton)."""
from __future__ import annotations


def find_entities(an):
    return [], []
