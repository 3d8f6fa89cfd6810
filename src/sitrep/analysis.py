"""The working state of one article while the stages run over it.

Stages read `doc` (spaCy over the cleaned text) and write their findings here, so later stages can
use earlier ones (events use places, entities, counts and dates) without re-parsing. All evidence
leaves through `evidence()` / `mention()`, which map cleaned offsets back to `article.text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .clean import CleanText
from .record import Article, Count, Entity, Event, Location, Mention, Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

    from .dates import DateResolver


@dataclass
class Analysis:
    article: Article
    clean: CleanText
    doc: "Doc"
    dates: "DateResolver"
    # filled by the stages, in pipeline order
    locations: list[Location] = field(default_factory=list)
    persons: list[Entity] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    # token index (in doc) -> what it belongs to; lets later stages look facts up by token
    token_place: dict[int, Location] = field(default_factory=dict)
    token_entity: dict[int, Entity] = field(default_factory=dict)
    token_count: dict[int, Count] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)     # the events stage (events/coder.py)
    trace: list[Any] = field(default_factory=list)        # events.Trace: every trigger and its fate
    errors: list[str] = field(default_factory=list)       # a stage's own failure, kept, not raised
    notes: dict[str, Any] = field(default_factory=dict)   # free scratch space for stages / explain

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Cleaned-text char span -> original char span."""
        return self.clean.to_original(start, end)

    def evidence(self, start_char: int, end_char: int) -> tuple[str, int, int]:
        """The original text of a cleaned char span, with its original offsets."""
        s, e = self.original(start_char, end_char)
        return self.article.text[s:e], s, e

    def sentence(self, span: "Span") -> tuple[str, int, int]:
        """The sentence holding `span` (a Span or Token), as original text and offsets."""
        sent = span.sent
        return self.evidence(sent.start_char, sent.end_char)

    def mention(self, span: "Span") -> Mention:
        text, s, e = self.evidence(span.start_char, span.end_char) if hasattr(span, "start_char") \
            else self.evidence(span.idx, span.idx + len(span))
        sent, ss, se = self.sentence(span)
        return Mention(text=text, start=s, end=e, sentence=sent, sent_start=ss, sent_end=se)
