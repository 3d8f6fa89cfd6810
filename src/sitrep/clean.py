"""Cleaning: boilerplate lines out, feed damage repaired, an offset map back to the original.

(skeleton: identity; the real mechanism is being written)
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CleanText:
    text: str                      # what the NLP reads
    offsets: list[int]             # offsets[i] = index in the original of cleaned char i (len = len(text) + 1)
    boilerplate: list[str] = field(default_factory=list)
    body_chars: tuple[int, int] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned [start, end) span to the original text."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def clean(text: str) -> CleanText:
    return CleanText(text=text, offsets=list(range(len(text) + 1)), body_chars=(0, len(text)))
