"""The extraction contract (../shared/eval/SCHEMA.md) as types, with to_json/from_json.

Nothing else lives here: every stage produces these types, the store persists them, the API and
pages show them. Fields beyond SCHEMA.md (offsets, roles, status, rule) are additions the contract
allows; none of the contract's names are renamed.

Offsets (`start`, `end`) are character offsets into `Article.text`, the article text exactly as
read (front matter removed, nothing else changed), so that evidence can be highlighted in the
original even though the NLP ran on a cleaned copy.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterator

COUNT_CATEGORIES = ("killed", "wounded", "arrested", "detained", "displaced", "prisoners", "troops",
                    "volunteers", "weapons", "civilians_affected", "other")
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
EVENT_STATUSES = ("occurred", "claimed", "denied", "threatened", "planned", "warned")


@dataclass
class Article:
    """One input document, as read: the unit every stage works on."""
    id: str
    text: str                       # body as read; the first non-empty line is the title for .txt
    title: str | None = None
    url: str | None = None
    source: str | None = None       # outlet / site name
    published: str | None = None    # ISO date (YYYY-MM-DD) or None
    origin: str | None = None       # file (and line / record) it came from, for error messages
    warnings: list[str] = field(default_factory=list)   # what the reader repaired (damaged bytes, ...)

    @staticmethod
    def make_id(*parts: str | None) -> str:
        """A stable id from URL or text when the input has none."""
        h = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8", "replace"))
        return h.hexdigest()[:16]


@dataclass
class InputError:
    """An input that could not become a record: kept and listed, never dropped."""
    origin: str            # file, or file:line
    message: str           # one line, what went wrong and what to do
    kind: str = "input"    # input | decode | empty | too_large | parse | extract

    def line(self) -> str:
        return f"error: {self.origin}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Mention:
    """One occurrence of a fact in the article: the evidence carried to the store and the page."""
    text: str          # surface form as written in the original
    start: int         # offsets into Article.text
    end: int
    sentence: str      # the sentence that holds it (exact substring of Article.text)
    sent_start: int = 0
    sent_end: int = 0


@dataclass
class Entity:
    """A person or organization, canonical within the article."""
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "person"            # person | organization
    role: str | None = None         # "President", "Foreign Minister" (titles stripped from the name)
    country: str | None = None      # ISO-3166 alpha-2 when known (from a NORP/adjective or actor table)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Location:
    name: str                       # standard English exonym
    country: str | None             # ISO-3166 alpha-2
    lat: float | None
    lon: float | None
    aliases: list[str] = field(default_factory=list)   # surface forms seen in this article
    kind: str | None = None         # country | admin1 | city | region | facility | ...
    admin1: str | None = None       # oblast / province name when known
    geonameid: int | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    speaker: str | None
    text: str
    direct: bool = True
    evidence: str = ""
    start: int = 0                  # evidence offsets into Article.text
    end: int = 0
    verb: str | None = None         # the reporting verb ("said", "according to")


@dataclass
class Count:
    value: float | int
    category: str
    what: str = ""
    approximate: bool = False
    qualifier: str | None = None    # "at least", "nearly", "up to", ...
    evidence: str = ""
    start: int = 0
    end: int = 0
    value_start: int | None = None  # the figure itself ("at least 1,332" -> "1,332") in Article.text;
    value_end: int | None = None    # for one victim without a number, the noun naming them ("woman")


@dataclass
class Event:
    type: str
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    location: str | None = None
    country: str | None = None
    date: str | None = None
    fatalities: int | None = None
    attributed_to: str | None = None
    evidence: str = ""
    start: int = 0
    end: int = 0
    status: str = "occurred"
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    trigger: str | None = None      # the word(s) that fired
    rule: str | None = None         # lexicon entry / rule id, shown by `sitrep explain`
    actor_country: str | None = None
    actor_sector: str | None = None  # government | military | rebel | civilian | igo | media | ...
    target_country: str | None = None
    target_sector: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    location_scope: str | None = None   # clause | sentence | paragraph | dateline | article | actor | country: where the location came from
    actor_text: str | None = None       # the article's own words for the actor ("Russian occupiers"); `actor` is canonical
    target_text: str | None = None      # the article's own words for the target ("three people")
    fatalities_reports: list[dict] | None = None   # [{"value": int, "evidence": str}] when the article gives more than one toll
    toll_disputed: bool | None = None   # true when those tolls disagree (like a cross-outlet dispute)
    geo_precision: str | None = None    # point | admin1 | country: what lat/lon stand for (country: a centroid, not the event's point)
    date_period: str | None = None      # when `date` is None but the text names a week or month: "2024-W41" | "2024-10" (ISO 8601)


@dataclass
class Record:
    """The article record of SCHEMA.md."""
    id: str
    title: str | None
    published: str | None
    body_chars: tuple[int, int] | None = None
    boilerplate: list[str] = field(default_factory=list)
    persons: list[Entity] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    url: str | None = None
    source: str | None = None
    text: str | None = None         # Article.text, so offsets can be used without the file
    warnings: list[str] = field(default_factory=list)   # Article.warnings: how the input was repaired

    def to_json(self, include_text: bool = False) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        if d["body_chars"] is not None:
            d["body_chars"] = list(d["body_chars"])
        if not include_text:
            d.pop("text", None)
        if not d["warnings"]:
            d.pop("warnings")       # present only when the reader repaired something
        return d

    def json_pieces(self, include_text: bool = False) -> Iterator[str]:
        """`json.dumps(self.to_json(include_text), ensure_ascii=False)`, the same characters, in
        pieces of one list item each: a hostile article of 100,000 events is written without
        holding its whole dict and string (several times the record's own memory)."""
        yield "{"
        sep = ""
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if (f.name == "text" and not include_text) or (f.name == "warnings" and not value):
                continue
            yield f"{sep}{json.dumps(f.name)}: "
            sep = ", "
            if isinstance(value, list):
                yield from _json_list(value)
            else:
                yield _dumps(list(value) if f.name == "body_chars" and value is not None else value)
        yield "}"

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Record:
        def mentions(items):
            return [Mention(**m) for m in items or []]

        def entities(items, kind):
            out = []
            for e in items or []:
                e = dict(e)
                e.setdefault("kind", kind)
                e["mentions"] = mentions(e.get("mentions"))
                out.append(Entity(**_known(Entity, e)))
            return out

        locs = []
        for loc in d.get("locations") or []:
            loc = dict(loc)
            loc["mentions"] = mentions(loc.get("mentions"))
            loc.setdefault("country", None), loc.setdefault("lat", None), loc.setdefault("lon", None)
            locs.append(Location(**_known(Location, loc)))
        bc = d.get("body_chars")
        return cls(
            id=d["id"], title=d.get("title"), published=d.get("published"),
            body_chars=tuple(bc) if bc else None,
            boilerplate=list(d.get("boilerplate") or []),
            persons=entities(d.get("persons"), "person"),
            organizations=entities(d.get("organizations"), "organization"),
            locations=locs,
            quotes=[Quote(**_known(Quote, q)) for q in d.get("quotes") or []],
            counts=[Count(**_known(Count, c)) for c in d.get("counts") or []],
            events=[Event(**_known(Event, e)) for e in d.get("events") or []],
            url=d.get("url"), source=d.get("source"), text=d.get("text"),
            warnings=list(d.get("warnings") or []),
        )


def _known(cls, d: dict[str, Any]) -> dict[str, Any]:
    """Drop keys the type does not know (gold files carry `note` fields)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in d.items() if k in names}


def _dumps(value) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    return json.dumps(value, ensure_ascii=False)


def _json_list(items: list) -> Iterator[str]:
    """A JSON array as json.dumps writes it (", " between items), one item at a time."""
    yield "["
    for i, item in enumerate(items):
        yield (", " if i else "") + _dumps(item)
    yield "]"
