"""Dates: the article's publication date, and relative dates resolved against it (skeleton)."""
from __future__ import annotations


def find_published(text: str) -> str | None:
    return None


class DateResolver:
    def __init__(self, published: str | None):
        self.published = published

    def resolve(self, span) -> str | None:
        """The ISO date a sentence/clause speaks of, resolved against `published`, or None."""
        return None
