"""Dates: the article's publication date, and the dates its sentences speak of.

Two entry points, both used by `pipeline.analyse` and by the events stage:

``find_published(text) -> "YYYY-MM-DD" | None``
    A publication date *stated* in the text: a byline line such as "Published: 22 September 2022"
    or a short header line "Sep 22, 2022 10:05". Conservative: only full dates (with a year) on a
    line that says published/posted/updated/date, or on a short line near the top that is little
    more than the date. A date in a body sentence is never taken for the publication date.

``DateResolver(published)``
    ``.published``  the ISO publication date (or None).
    ``.mentions(doc) -> list[DateMention]``  every date expression in the doc, in text order, with
        its resolved ISO value (None when no single day is determined). Cached per doc.
    ``.resolve(span_or_token) -> "YYYY-MM-DD" | None``  the day a clause speaks of. For a Span,
        the mentions inside the span are used; for a Token, those in its sentence, nearest first.
        Day-giving expressions win over bare times of day ("in the morning").

Resolution rules (the whole policy, so that events can rely on it):
- explicit dates with a year ("22 September 2022", "2022-09-22") are taken as written;
- explicit dates without a year ("February 22", "Sept. 22", "on the 22nd of September") take the
  year that puts them on or before ``published`` + 14 days (the most recent such day); in a
  future clause ("will vote on October 5", "polls would open on ...") the first such day on or
  after ``published`` - 14 days;
- weekdays ("on Thursday", "Monday night") are the most recent such day on or before
  ``published`` (the same day counts); "last Friday" is strictly before; in a future clause, or with
  "next"/"coming", the next such day after ``published``;
- "today", "earlier today", "this morning", "tonight", "in the last 24 hours" -> ``published``;
  "yesterday", "last night" -> published - 1; "tomorrow" -> published + 1; "N days ago" -> - N;
- "the day before", "the previous day", "a day earlier" / "the next day", "a day later" count from
  the *frame*: the nearest resolved day earlier in the same or the previous sentence, else
  ``published``;
- "the same day", "that same night", "that day" are the nearest resolved day told up to
  ``SAME_DAY_REACH`` sentences before, else None (never ``published`` by default);
- ranges ("from Friday to Tuesday", "September 23-27", "between 23 and 27 September") resolve to
  their first day;
- "in the morning"/"at night" take the frame's day but only when nothing better is in the clause;
- "last week", "this month", "in recent days", "in February" (no day) -> a mention whose value is
  None: no single day is determined, and sitrep never guesses one;
- without ``published`` nothing relative resolves and no year is ever invented: only dates that
  carry their own year get a value.
Tense is read from the parse: an auxiliary "will"/"shall"/"'ll", "going to", or "set/due/
scheduled to" on the clause's verb makes the clause future.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from .nlp import doc_text
from .numbers import number_value

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
# counts of "N days ago" that are not numbers ("a week ago"); numbers go to sitrep.numbers
AGO_WORDS = {"a": 1, "a couple of": 2, "several": None}

# A yearless date in a past-tense clause may lie this far after publication and still be taken in
# the publication year (schedules reported in the past tense: "polls opened/would open on Sept 27");
# news names dates of an earlier year with the year, so the nearer reading wins.
YEAR_SLACK = dt.timedelta(days=14)
UNANCHORED = "unanchored"   # rule mark of a frame-relative day counted from `published`
SAME_DAY_REACH = 3          # "on the same day" looks this many sentences back for its day

# Month names are matched with a capital (so the modal "may" is never a month).
_MON = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
        r"DECEMBER|january|february|april|june|july|august|september|october|november|december)|"
        r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:-|–|—|to|until|till|through|and)\s*(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))"
_WD = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"   # translations write "on wednesday"

ABSOLUTE_PATTERNS = [
    # 22 September 2022, 23-27 September, the 22nd of September
    re.compile(r"\b(?:the\s+)?" + _DAY + _DAY2 + r"?\s+(?:of\s+)?" + _MON + r"(?![a-z])" + _YEAR + "?"),
    # September 22, 2022; Sept. 22; September 23 to 27
    re.compile(r"\b" + _MON + r"\s+" + _DAY + r"(?!\d)(?!:\d)" + _DAY2 + "?" + _YEAR + r"?(?!\d|:\d)"),
    # 2022-09-22
    re.compile(r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
]
MONTH_ONLY = re.compile(r"\b(?i:in|since|until|by|early|late|mid-?|end of)\s+" + _MON + r"(?![a-z])(?:" + _YEAR + ")?")
WEEKDAY_PATTERN = re.compile(
    r"\b(?:(?P<pre>(?i:last|this|next|past|coming|on|from|early|late|until|till|by|since))\s+)?"
    r"(?P<wd>" + _WD + r")s?(?:'s)?"
    r"(?:\s+(?P<tod>night|morning|evening|afternoon))?"
    r"(?:\s*(?:-|–|to|until|till|through|and)\s+(?P<wd2>" + _WD + r"))?\b")

_NUMWORD = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a)"
# (regex, kind, offset in days, anchor) -- anchor "pub" counts from published, "frame" from the frame
RELATIVE_PATTERNS: list[tuple[re.Pattern, str, int | None, str]] = [
    (re.compile(r"\bthe day before yesterday\b", re.I), "relative", -2, "pub"),
    (re.compile(r"\b(?:earlier |later |as of |until )?(?:today|tonight)\b", re.I), "relative", 0, "pub"),
    (re.compile(r"\bthis (?:morning|afternoon|evening)\b", re.I), "relative", 0, "pub"),
    (re.compile(r"\b(?:in|over|during) the (?:last|past|previous) (?:24|twenty-four) hours\b", re.I),
     "relative", 0, "pub"),
    (re.compile(r"\byesterday\b", re.I), "relative", -1, "pub"),
    (re.compile(r"\blast night\b", re.I), "relative", -1, "pub"),
    (re.compile(r"\btomorrow\b", re.I), "relative", 1, "pub"),
    (re.compile(r"\b(?:the|a) (?:day|night|evening) (?:before|earlier|prior)\b|\bthe (?:previous|preceding) "
                r"(?:day|night|morning|afternoon|evening)\b|\bthe day prior\b", re.I), "relative", -1, "frame"),
    (re.compile(r"\b(?:the )?(?:next|following) (?:day|morning|afternoon|evening|night)\b|\ba day later\b|"
                r"\bthe (?:day|morning|night) after(?=,)", re.I), "relative", 1, "frame"),
    (re.compile(r"\b(?:the|that) (?:very |same )?same (?:day|night|date)\b|"
                r"\bthat (?:very )?(?:day|night|morning|afternoon|evening)\b", re.I), "relative", 0, "same"),
    (re.compile(r"\b" + _NUMWORD + r" days? ago\b", re.I), "ago", -1, "pub"),
    (re.compile(r"\b" + _NUMWORD + r" days? (?:earlier|before)\b", re.I), "ago", -1, "frame"),
    (re.compile(r"\b" + _NUMWORD + r" days? later\b", re.I), "ago", 1, "frame"),
    (re.compile(r"\b(?:earlier |later )?(?:last|this|next|past|coming|previous) (?:week|weekend|month|year)\b|"
                r"\b(?:earlier|later) this (?:week|month|year)\b|\bin recent (?:days|weeks|months)\b|"
                r"\b(?:the )?(?:past|last|coming|next) (?:few )?(?:days|weeks|months)\b", re.I),
     "vague", None, "pub"),
    (re.compile(r"\b(?:in|during|on) the (?:early |late )?(?:morning|afternoon|evening|night)\b|"
                r"\bat (?:dawn|dusk|night|midnight|noon)\b|\bovernight\b", re.I), "timeofday", 0, "frame"),
]
# cheap prefilters: a pattern runs only when one of its words occurs in the text
RELATIVE_KEYS = [("yesterday",), ("today", "tonight"), ("this ",), ("hours",), ("yesterday",),
                 ("last night",), ("tomorrow",), ("day", "night", "evening", "morning", "afternoon"),
                 ("day", "morning", "afternoon", "evening", "night"), ("same", "that"), ("ago",),
                 ("earlier", "before"), ("later",), ("week", "month", "year", "days"),
                 ("morning", "afternoon", "evening", "night", "dawn", "dusk", "noon", "overnight")]
_ANY_MONTH = re.compile(r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
FUTURE_FRAMES = {"set", "due", "schedule", "scheduled", "plan", "planned", "expect", "expected",
                 "go", "going", "intend", "prepare"}
KIND_RANK = {"absolute": 0, "relative": 1, "ago": 1, "weekday": 2, "timeofday": 5, "vague": 9,
             "month": 9}


@dataclass
class DateMention:
    """One date expression in the cleaned text, with its resolved day (None = no single day)."""
    text: str
    start: int              # char offsets into doc.text (the cleaned text)
    end: int
    kind: str               # absolute | weekday | relative | ago | timeofday | vague | month
    value: str | None
    future: bool = False
    rule: str = ""


# ---------------------------------------------------------------- parsing helpers

def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: str | None) -> dt.date | None:
    """'2022-09-22' (or a longer ISO timestamp) -> date; anything else -> None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    return _date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _month(name: str) -> int | None:
    return MONTHS.get(name.rstrip(".").lower())


def year_for(month: int, day: int, published: dt.date | None, future: bool = False) -> dt.date | None:
    """The day month/day most plausibly names relative to `published` (see module docstring)."""
    if published is None:
        return None
    for year in ((published.year, published.year + 1, published.year - 1) if future
                 else (published.year, published.year - 1, published.year - 2)):
        d = _date(year, month, day)
        if d is None:
            continue
        if future and d >= published - YEAR_SLACK:
            return d
        if not future and d <= published + YEAR_SLACK:
            return d
    return None


def weekday_for(weekday: int, published: dt.date | None, future: bool = False,
                strictly: bool = False) -> dt.date | None:
    """Most recent `weekday` on/before published (strictly before for "last"); next one if future."""
    if published is None:
        return None
    if future:
        delta = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    if strictly and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


# ---------------------------------------------------------------- publication date

_FULL_DATE_PATTERNS = [
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MON + r"(?![a-z]),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b" + _MON + r"\s+" + _DAY + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
]
_PUBLISHED_KEY = re.compile(r"\b(published|posted|updated|date|dated|created|first published)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|CET|EET|MSK|EST|ET|[A-Z]{3,4}))?",
                   re.I)
_WEEKDAY_WORD = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?", re.I)


def parse_full_date(text: str) -> tuple[str, int, int] | None:
    """The first date with day, month and year in `text`: (iso, start, end) or None."""
    best = None
    for pattern in _FULL_DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["mnum"]) if gd.get("mnum") else _month(gd["mon"])
        d = _date(int(gd["year"]), month or 0, int(gd["day"])) if month else None
        if d and (best is None or m.start() < best[1]):
            best = (d.isoformat(), m.start(), m.end())
    m = _SLASH_DATE.search(text)
    if m and (best is None or m.start() < best[1]):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # only an unambiguous order: 23/09/2022 (day first) or 09/23/2022 (month first)
        d = _date(year, b, a) if a > 12 >= b else _date(year, a, b) if b > 12 >= a else None
        if d:
            best = (d.isoformat(), m.start(), m.end())
    return best


_SLASH_DATE = re.compile(r"\b([0-3]?\d)/([0-3]?\d)/((?:19|20)\d\d)\b")


# A wire dateline opening the first paragraph: "KYIV, April 19, 2025 - ...", "BEIRUT (Nov 18,
# 2024) - ...", "YANGON, Aug 22 (2025) -- ...": a capitalised place, a full date, a dash.
_DATELINE = re.compile(r"^(?P<head>[A-Z][A-Z'\u2019.\- ]{1,40}[,(][^\n]{4,40}?)\s+(?:-{1,2}|\u2013|\u2014)\s")


def _dateline_date(line: str) -> str | None:
    m = _DATELINE.match(line)
    if not m:
        return None
    found = parse_full_date(m.group("head").replace("(", " ").replace(")", " "))
    return found[0] if found else None


def find_published(text: str) -> str | None:
    """A publication date stated in a byline/header line of `text`, else None (never a body date)."""
    if not text:
        return None
    lines = [ln.strip() for ln in text[:20000].splitlines() if ln.strip()]
    keyed = None
    for ln in lines[:40] + lines[-10:]:
        if len(ln) > 160 or not _PUBLISHED_KEY.search(ln):
            continue
        found = parse_full_date(ln)
        if found:
            if re.search(r"\b(published|posted)\b", ln, re.I):
                return found[0]
            keyed = keyed or found[0]
    if keyed:
        return keyed
    for ln in lines[:8]:
        if dated := _dateline_date(ln):
            return dated
    for ln in lines[:8]:
        if len(ln) > 90:
            continue
        found = parse_full_date(ln)
        if not found:
            continue
        rest = ln[:found[1]] + " " + ln[found[2]:]
        rest = _WEEKDAY_WORD.sub(" ", _TIME.sub(" ", rest))
        words = re.findall(r"[A-Za-z]{2,}", rest)
        if len(words) <= 4:          # "By Jane Doe | Sep 22, 2022 10:05" but not a sentence
            return found[0]
    return None


# ---------------------------------------------------------------- the resolver

def _is_future(token) -> bool:
    """Whether the clause governing `token` speaks of the future (will/shall/going to/set to)."""
    verb, steps = token, 0
    while verb is not None and steps < 6 and verb.pos_ not in ("VERB", "AUX"):
        if verb.head.i == verb.i:
            break
        verb, steps = verb.head, steps + 1
    for _ in range(3):
        if verb is None:
            break
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
                return True
            if child.dep_ == "aux" and child.lower_ == "would" and not any(
                    c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
                return True                     # future in the past: "polls would open on …"
        if verb.tag_ == "VBG" and verb.lower_ == "going":
            return True
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_FRAMES | {"be"}:
            if verb.head.lemma_.lower() in FUTURE_FRAMES:
                return True
            verb = verb.head
            continue
        if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return False


def _after_past_verb(span) -> bool:
    """A day told right after a verb in the past ("said on Tuesday", "announced Monday that ...",
    "was killed on Sunday") is that verb's, whatever future the clause after it speaks of."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].lower_ in ("on", "late", "early"):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("VERB", "AUX"):
        return False
    verb = doc[i]
    if verb.tag_ == "VBD":
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBN" and bool(auxes & {"was", "were", "had", "has", "have"}) and \
        not auxes & (FUTURE_AUX | {"would"})      # "was killed on Sunday", not "will be held on"


class DateResolver:
    """Resolves the date expressions of a doc against the publication date (see module doc).

    `original` and `offsets` (the article's text and the cleaned text's map into it,
    `clean.CleanText.offsets`) let the day stamps of a live blog be read on lines the cleaner
    blanked ("29 Oct 2026 16:50"); without them the stamps are read in the doc's own text."""

    def __init__(self, published: str | None, original: str | None = None, offsets=None):
        pub = parse_iso(published)
        self.published: str | None = pub.isoformat() if pub else None
        self._pub = pub
        self._original, self._offsets = original, offsets
        self._cache_key = None          # the Doc the cache belongs to (compared by identity)
        self._cache: list[DateMention] = []
        self._regions: list[tuple[int, int, dt.date]] = []   # day-stamped spans of the doc text

    # -- public -------------------------------------------------------------

    def mentions(self, doc) -> list[DateMention]:
        """All date expressions in `doc` (text order) with resolved values; cached per doc."""
        if self._cache_key is not doc:
            self._cache = self._find(doc)
            self._cache_key = doc
        return self._cache

    def mentions_in(self, span) -> list[DateMention]:
        """The mentions of `span`'s doc that lie inside it (text order), found by bisection: a
        caller asking per event or sentence must not scan the article's every mention."""
        lo, hi = span.start_char, span.end_char
        return [m for m in self._between(self.mentions(span.doc), lo, hi) if m.start >= lo and m.end <= hi]

    def _between(self, mentions: list[DateMention], lo: int, hi: int) -> list[DateMention]:
        """The mentions starting in [lo, hi): a bisection, not a scan of the article's mentions
        per call (which made event dating quadratic in the article's length)."""
        starts = getattr(self, "_starts", None)
        if starts is None or starts[0] is not mentions:
            keys = [m.start for m in mentions]
            starts = self._starts = (mentions, keys if keys == sorted(keys) else None)
        if starts[1] is None:
            return mentions
        return mentions[bisect.bisect_left(starts[1], lo):bisect.bisect_left(starts[1], hi)]

    def resolve(self, span) -> str | None:
        """The ISO day a clause/sentence (Span) or a token's sentence speaks of, or None."""
        if span is None:
            return None
        try:
            doc = span.doc
        except AttributeError:
            return None
        mentions = self.mentions(doc)
        if not mentions:
            return None
        if hasattr(span, "start_char"):          # a Span: mentions inside it
            lo, hi, anchor = span.start_char, span.end_char, None
        else:                                    # a Token: its sentence, nearest first
            sent = span.sent
            lo, hi, anchor = sent.start_char, sent.end_char, span.idx
        inside = [m for m in self._between(mentions, lo, hi) if m.start >= lo and m.end <= hi and m.value]
        if not inside:
            return None

        def rank(m: DateMention):
            dist = abs(m.start - anchor) if anchor is not None else m.start - lo
            return (KIND_RANK.get(m.kind, 5) >= 5, dist if anchor is not None else 0,
                    KIND_RANK.get(m.kind, 5), m.start)
        return min(inside, key=rank).value

    def resolve_text(self, text: str, future: bool = False) -> str | None:
        """Resolve a bare date phrase ("on Thursday", "Sept. 22") without a parse; for tools/tests."""
        found = self._scan(text, lambda s, e: future)
        for m in sorted(found, key=lambda m: (KIND_RANK.get(m.kind, 5), m.start)):
            if m.value:
                return m.value
        return None

    # -- finding ------------------------------------------------------------

    def stamp_day(self, pos: int) -> str | None:
        """The day the live-blog stamp above cleaned-text position `pos` tells ("Tuesday, 14
        May", "29 Oct 2026 16:50"; see `day_stamps`), or None outside a day-stamped entry."""
        for lo, hi, day in self._regions:
            if lo <= pos < hi:
                return day.isoformat()
        return None

    def _find(self, doc) -> list[DateMention]:
        text = doc_text(doc)

        def future(start: int, end: int) -> bool:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                return False
            if _after_past_verb(span):
                return False       # "said on Tuesday it would send ...": the day of the saying
            return _is_future(span.root)

        self._regions = day_stamp_regions(self, text)
        mentions = []
        # each day-stamped entry is read against its stamp's day, as the rest against publication
        for lo, hi, day in _with_gaps(self._regions, len(text), self._pub):
            found = self._scan(text[lo:hi], lambda s, e, lo=lo: future(s + lo, e + lo), pub=day)
            for m in found:
                m.start, m.end = m.start + lo, m.end + lo
                m._anchor = day  # type: ignore[attr-defined]
            mentions += found
        sent_starts = self._sentence_starts(doc)
        return self._resolve_frames(mentions, sent_starts)

    @staticmethod
    def _sentence_starts(doc) -> list[int]:
        try:
            return [s.start_char for s in doc.sents]
        except ValueError:               # a doc without sentence boundaries
            return [0]

    def _scan(self, text: str, future, pub: dt.date | None = None) -> list[DateMention]:
        """Regex pass over the text: every candidate expression, overlaps resolved by length;
        relative ones are counted from `pub` (default: the publication day)."""
        found: list[DateMention] = []
        pub = pub or self._pub
        low = text.lower()
        has_month = _ANY_MONTH.search(text) is not None
        for pattern in ABSOLUTE_PATTERNS if has_month or "-" in text else ():
            for m in pattern.finditer(text):
                gd = m.groupdict()
                if gd.get("iy"):
                    d = _date(int(gd["iy"]), int(gd["im"]), int(gd["id"]))
                    found.append(DateMention(m.group(0), m.start(), m.end(), "absolute", _iso(d),
                                             rule="iso"))
                    continue
                month, day = _month(gd["mon"]), int(gd["day"])
                if not month or not 1 <= day <= 31:
                    continue
                if gd.get("year"):
                    d = _date(int(gd["year"]), month, day)
                    fut = False
                else:
                    fut = future(m.start(), m.end())
                    d = year_for(month, day, pub, fut)
                found.append(DateMention(m.group(0), m.start(), m.end(), "absolute", _iso(d), fut,
                                         rule="day-month" + ("-year" if gd.get("year") else "")))
        for m in MONTH_ONLY.finditer(text) if has_month else ():
            found.append(DateMention(m.group(0), m.start(), m.end(), "month", None, rule="month"))
        for m in WEEKDAY_PATTERN.finditer(text) if "day" in low else ():
            pre = (m.group("pre") or "").lower()
            wd = WEEKDAYS[m.group("wd").lower()]
            fut = pre in ("next", "coming") or (pre != "last" and pre != "past" and future(m.start(), m.end()))
            d = weekday_for(wd, pub, future=fut, strictly=pre in ("last", "past"))
            start = m.start() if pre else m.start("wd")
            found.append(DateMention(text[start:m.end()], start, m.end(), "weekday", _iso(d), fut,
                                     rule="weekday" + (f"-{pre}" if pre else "")))
        for (pattern, kind, offset, anchor), keys in zip(RELATIVE_PATTERNS, RELATIVE_KEYS):
            if not any(k in low for k in keys):
                continue
            for m in pattern.finditer(text):
                if kind == "ago":
                    word = " ".join(m.group("n").lower().split())
                    n = AGO_WORDS[word] if word in AGO_WORDS else number_value(word)
                    if n is None or n > 366 or n != int(n):
                        continue
                    days = offset * int(n)
                else:
                    days = offset
                value = None
                if days is not None and pub is not None and anchor == "pub":
                    value = _iso(pub + dt.timedelta(days=days))
                mention = DateMention(m.group(0), m.start(), m.end(), kind, value,
                                      rule=f"{kind}:{anchor}:{days}")
                mention._days = days if anchor in ("frame", "same") else None  # type: ignore[attr-defined]
                mention._same = anchor == "same"  # type: ignore[attr-defined]
                found.append(mention)
        # overlaps: keep the longest expression (ties: the better kind)
        found.sort(key=lambda m: (m.start, -(m.end - m.start), KIND_RANK.get(m.kind, 5)))
        kept: list[DateMention] = []
        for m in found:
            if kept and m.start < kept[-1].end:
                if (m.end - m.start) > (kept[-1].end - kept[-1].start):
                    kept[-1] = m
                continue
            kept.append(m)
        return kept

    def _resolve_frames(self, mentions: list[DateMention], sent_starts: list[int]) -> list[DateMention]:
        """Give "the day before"/"a day later"/"in the morning" a value from their frame."""
        import bisect

        def sent_of(pos: int) -> int:
            return bisect.bisect_right(sent_starts, pos) - 1

        for i, m in enumerate(mentions):
            days = getattr(m, "_days", None)
            if days is None:
                continue
            # "the same day" names a day told before (a few sentences back at most), never
            # the publication day by default
            same = getattr(m, "_same", False)
            frame = None if same else getattr(m, "_anchor", None) or self._pub
            here = sent_of(m.start)
            anchored = False
            for prev in reversed(mentions[:i]):
                if sent_of(prev.start) < here - (SAME_DAY_REACH if same else 1):
                    break
                if prev.value and prev.kind in ("absolute", "weekday", "relative", "ago"):
                    frame, anchored = parse_iso(prev.value), True
                    break
            m.value = _iso(frame + dt.timedelta(days=days)) if frame else None
            if not anchored and not same and days and m.value:
                # counted from the publication day for want of a day told nearby: the event
                # coder may count it from the story's last dated event instead (when.py)
                m.rule += f":{UNANCHORED}{days:+d}"
        for m in mentions:
            for attr in ("_days", "_same", "_anchor"):
                if hasattr(m, attr):
                    delattr(m, attr)
        return mentions


# ---------------------------------------------------------------- day stamps (live blogs)
#
# A live blog or a feed of short items tells the day of its entries once, on a line of its own
# ("Tuesday, 14 May", "These are the updates for Saturday, September 5:", "29 Oct 2026 16:50",
# "14 May: ..."), and the time of each entry on another ("08:15 GMT - ..."). When an article has
# at least `day_stamps.min_stamps` such stamp lines (data/event_dates.yaml), the text after a
# stamp that tells a day, up to the next one, is told on that day: its relative days ("earlier
# today", "overnight", "on Friday") count from it, and an event with no day of its own takes it
# (events/when.py). A single date line under a byline is no stamp of entries.

_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|PT|MSK|IST))?"
_STAMP_PIECE = (r"(?:" + _CLOCK + r"|" + _WD + r"|" + _MON + r"|\d{1,4}(?:st|nd|rd|th)?|\||,|/)")
_STAMP_HEAD = re.compile(r"^(?:(?i:update)\s*\d*\s*[:\-\u2013\u2014]?\s*)?(?P<head>" + _STAMP_PIECE.replace("(?P<mon>", "(?:") +
                         r"(?:[ \t]*" + _STAMP_PIECE.replace("(?P<mon>", "(?:") + r")*)"
                         r"[ \t]*(?P<rest>(?:[-\u2013\u2014:]|$).*)$")
_HAS_CLOCK = re.compile(_CLOCK)


def _stamp_config() -> tuple[int, frozenset[str]]:
    from .knowledge import get_knowledge

    kb = get_knowledge()
    conf = kb.section("event_dates.yaml", "day_stamps", dict)
    words = frozenset(str(w).lower() for w in conf.get("words") or ())
    return int(conf.get("min_stamps") or 0), words


def _stamp_of(resolver: "DateResolver", line: str, words: frozenset[str]) -> tuple[bool, dt.date | None]:
    """(is the line a stamp, the day it tells or None for a time of day only)."""
    line = line.strip()
    if not line or len(line) > 120:
        return False, None
    m = _STAMP_HEAD.match(line)
    if m is not None and re.search(r"[A-Za-z0-9]", m.group("head")):
        head = m.group("head")
        day = _day_told(resolver, head)
        if day is not None or _HAS_CLOCK.search(head):
            return True, day
        return False, None
    # "These are the updates for Saturday, September 5:": a day and nothing but stamp words
    day = _day_told(resolver, line)
    if day is None or line.endswith((".", "?", "!", '"')):
        return False, None
    rest = line
    for pattern in (*ABSOLUTE_PATTERNS, WEEKDAY_PATTERN, _HAS_CLOCK):
        rest = pattern.sub(" ", rest)
    left = [w for w in re.findall(r"[A-Za-z]+", rest) if w.lower() not in words]
    return (not left and len(line.split()) <= 12), day if not left else None


def _day_told(resolver: "DateResolver", text: str) -> dt.date | None:
    """The day a stamp's words name (a date, or a weekday counted from publication)."""
    found = resolver._scan(text, lambda s, e: False)
    for m in sorted(found, key=lambda m: KIND_RANK.get(m.kind, 5)):     # "Tuesday, 14 May": the date
        if m.kind in ("absolute", "weekday") and m.value:
            return parse_iso(m.value)
    return None


def day_stamp_regions(resolver: "DateResolver", text: str) -> list[tuple[int, int, dt.date]]:
    """[start, end) spans of `text` (the doc's text) told on a stamp's day, in text order."""
    min_stamps, words = _stamp_config()
    if not min_stamps or resolver._pub is None:
        return []
    source, offsets = resolver._original, resolver._offsets
    if source is None or offsets is None or len(offsets) != len(text) + 1:
        source, offsets = text, None
    stamps, pos = [], 0
    for line in source.splitlines(keepends=True):
        is_stamp, day = _stamp_of(resolver, line, words) if len(line) < 130 else (False, None)
        if is_stamp:
            at = bisect.bisect_left(offsets, pos) if offsets is not None else pos
            stamps.append((min(at, len(text)), day))
        pos += len(line)
    if len(stamps) < min_stamps:
        return []
    days = [(at, day) for at, day in stamps if day is not None]
    return [(at, days[i + 1][0] if i + 1 < len(days) else len(text), day)
            for i, (at, day) in enumerate(days)]


def _with_gaps(regions, n: int, pub):
    """The regions with the spans between them (read against `pub`), covering [0, n)."""
    out, at = [], 0
    for lo, hi, day in regions:
        if lo > at:
            out.append((at, lo, pub))
        out.append((lo, hi, day))
        at = hi
    if at < n or not out:
        out.append((at, n, pub))
    return out


# ---------------------------------------------------------------- coarser periods (week, month)
#
# An additive hook for the export's ACLED `time_precision` 2 (week) and 3 (month). When the text
# gives only a week ("last week", "earlier this week") or a month ("in October", "late March
# 2023", "last month"), the event's `date` stays None (no single day is determined, and sitrep
# never guesses one), but the period itself is known. `period_of` names it in ISO 8601: a month
# "2024-10", a week "2024-W41" (ISO week, Monday first); `period_start` gives its first day and
# unit. "since/until/by October", "the past few weeks", "in recent days" and years are no period.

_PERIOD_VAGUE = re.compile(r"^(?:(?P<when>earlier|later) )?(?P<rel>last|this|next|coming|previous) "
                           r"(?P<unit>week|weekend|month)$", re.I)
_PERIOD_MONTH = re.compile(r"^(?i:in|early|late|mid-?|end of)\s+" + _MON + r"(?![a-z])(?:" + _YEAR + ")?$")


def _week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_of(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def period_of(mention: DateMention, published: str | dt.date | None) -> str | None:
    """The week ("2024-W41") or month ("2024-10") a dayless date mention names, or None."""
    pub = published if isinstance(published, dt.date) else parse_iso(published)
    text = " ".join(mention.text.split())
    if mention.kind == "vague":
        m = _PERIOD_VAGUE.match(text)
        if m is None or pub is None:
            return None
        step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m.group("rel").lower()]
        if m.group("unit").lower() == "month":
            month0 = pub.year * 12 + pub.month - 1 + step
            return f"{month0 // 12}-{month0 % 12 + 1:02d}"
        return _week_of(pub + dt.timedelta(days=7 * step))
    if mention.kind == "month":
        m = _PERIOD_MONTH.match(text)
        if m is None:
            return None
        month = _month(m.group("mon"))
        if not month:
            return None
        if m.group("year"):
            return f"{int(m.group('year'))}-{month:02d}"
        first = year_for(month, 1, pub, mention.future)
        return _month_of(first) if first else None
    return None


def period_start(period: str | None) -> tuple[str, str] | None:
    """("YYYY-MM-DD" of the period's first day, "week" | "month") for a `period_of` value."""
    if not period:
        return None
    m = re.fullmatch(r"(\d{4})-W(\d{2})", period)
    if m:
        try:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat(), "week"
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{m.group(2)}-01", "month"
    return None
