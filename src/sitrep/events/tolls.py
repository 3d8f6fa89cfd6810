"""Tolls attached to incidents: every killed figure the article gives for the same incident.

The coder reads a toll from the event's own sentence (`roles.fatalities_in`). An article often
gives it elsewhere: in the next sentence ("Two port workers were killed, the governor said"), in
a sentence that refers back ("The strike killed 40"), or in the headline and standfirst. After
all events of an article are coded, `attach_tolls` gives each violent event the killed figures
of those sentences:

- the event's own sentence first, then the next sentence(s) of its paragraph that code no
  violent event of their own and name no other place, then a later sentence of the paragraph
  that refers back to an attack ("the strike", "the attack"), then (for the article's first
  violent event) the headline and standfirst when they code none of their own;
- events of the same type, place and target with no two different dates are one incident told
  twice (standfirst and body): they share their figures;
- `fatalities` is the first figure found in that order;
- when the figures differ, each is kept with its evidence in `fatalities_reports`
  ([{"value": int, "evidence": str}]) and `toll_disputed` is true, the way cross-outlet
  disputes are flagged in the store.

Each figure goes to at most one event, and each event looks at a bounded window of sentences,
so the step is linear in the article's length.
"""
from __future__ import annotations

from .roles import fatalities_in, geo_precision, locative_places, place_of

WINDOW = 2                 # sentences after the event's own that may carry its toll
REFER_BACK_WINDOW = 6      # sentences after it that may refer back to it ("the strike")


def attach_tolls(events, an, traces, kb=None) -> None:
    """Fill `fatalities`, `fatalities_reports` and `toll_disputed` of the violent events."""
    if not events:
        return
    words = _words(kb)
    units = _units(an)
    spans = [an.evidence(u.start_char, u.end_char)[1:] for u in units]
    unit_of = _Locator(spans)
    placed = [(e, unit_of(e.start)) for e in events]
    coded = {u for _, u in placed}
    violent_at = {unit_of(t.event.start) for t in traces if t.event is not None and
                  t.event.type in words["violent"] and t.outcome in ("coded", "merged")}
    figures = _Figures(units, an, words["tally"])
    used: set[int] = set()
    found = []
    order = sorted((u, k) for k, (e, u) in enumerate(placed) if e.type in words["violent"])
    for n, (u, k) in enumerate(order):
        ev = placed[k][0]
        reports = [(ev.fatalities, ev.evidence)] if ev.fatalities is not None else []
        later = _candidates(u, units, violent_at, coded, ev, an, words["refer_back"])
        lead = _lead(units, an, u, violent_at) if n == 0 else ()
        for uj in [*later, *lead]:
            got = figures.at(uj) if uj not in used else None
            if got is not None:
                reports.append(got)
                used.add(uj)
        found.append((ev, reports))
    for group in _same_incidents(found):
        shared = [r for _, reports in group for r in reports]
        for ev, reports in group:
            _record(ev, reports + [r for r in shared if r not in reports])


def _same_incidents(found) -> list:
    """Events told twice (standfirst and body, two sentences): same type, place and target, and
    no two different dates, are one incident whose figures they share."""
    groups: dict[tuple, list] = {}
    for ev, reports in found:
        key = (ev.type, ev.location.lower(), ev.target.lower()) if ev.location and ev.target \
            else (id(ev),)
        for g in groups.setdefault(key, [[]]):
            dates = {e.date for e, _ in g if e.date}
            if not ev.date or not dates or dates == {ev.date}:
                g.append((ev, reports))
                break
        else:
            groups[key].append([(ev, reports)])
    return [g for gs in groups.values() for g in gs if g]


def _units(an) -> list:
    """The article's sentences cut at line breaks, as the coder codes them (a headline glued to
    the first sentence is its own unit)."""
    out = []
    for sent in an.doc.sents:
        lo = sent.start
        for t in sent:
            if "\n" in t.text or "\n" in t.whitespace_:
                hi = t.i if t.is_space else t.i + 1
                if hi > lo:
                    out.append(sent.doc[lo:hi])
                lo = t.i + 1
        if lo < sent.end:
            out.append(sent.doc[lo:sent.end])
    return [u for u in out if any(not t.is_space for t in u)]


class _Locator:
    """Offset in Article.text -> index of the unit that holds it (bisect over unit starts)."""

    def __init__(self, spans):
        self.starts = [lo for lo, _ in spans]

    def __call__(self, offset: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def attach_places(events, an, traces, kb=None) -> None:
    """An attack told with no place takes the place of a later sentence that refers back to it
    ("The confrontation occurred Monday in the northern state of Sinaloa, on the outskirts of
    Culiacan"), within the same window as its toll."""
    words = _words(kb)
    todo = [e for e in events if e.type in words["violent"] and not e.location]
    if not todo:
        return
    units = _units(an)
    unit_of = _Locator([an.evidence(u.start_char, u.end_char)[1:] for u in units])
    violent_at = {unit_of(t.event.start) for t in traces if t.event is not None and
                  t.event.type in words["violent"] and t.outcome in ("coded", "merged")}
    for ev in todo:
        u = unit_of(ev.start)
        for uj in range(u + 1, min(len(units), u + 1 + REFER_BACK_WINDOW)):
            s = units[uj]
            if uj in violent_at and not _refers_back(s, words["refer_back"]):
                break
            places = locative_places(s, an) if _refers_back(s, words["refer_back"]) else []
            if places:
                _place(ev, places[-1])
                break


def _place(ev, where) -> None:
    name, loc = where
    ev.location, ev.location_scope = name, "paragraph"
    ev.country = getattr(loc, "country", None) or ev.country
    ev.lat, ev.lon = getattr(loc, "lat", None), getattr(loc, "lon", None)
    ev.admin1 = getattr(loc, "admin1", None)
    ev.geo_precision = geo_precision(loc)


def _words(kb) -> dict:
    from ..knowledge import get_knowledge

    kb = kb or get_knowledge()
    return kb.derived("tolls", lambda k: {
        "refer_back": k.words("tolls.yaml", "refer_back_nouns"),
        "tally": k.words("tolls.yaml", "tally_words"),
        "violent": frozenset(w.upper() for w in k.words("tolls.yaml", "violent_types"))})


def _record(ev, reports) -> None:
    if not reports:
        return
    if ev.fatalities is None:
        ev.fatalities = reports[0][0]
    distinct: dict[int, str] = {}
    for value, evidence in reports:
        distinct.setdefault(int(value), evidence)
    if len(distinct) > 1:
        ev.fatalities_reports = [{"value": v, "evidence": e} for v, e in distinct.items()]
        ev.toll_disputed = True


def _event_sentences(events, traces) -> list:
    """[(event, index of its sentence)] from the trace, in the article's order."""
    si_of = {id(t.event): t.sent_index for t in traces if t.event is not None}
    return [(e, si_of[id(e)]) for e in events if id(e) in si_of]


def _candidates(u, units, violent_at, coded, ev, an, refer_back):
    """Units after the event's own whose killed figure is this incident's: the next ones that
    code nothing of their own, or one that refers back to the attack (also when the coder made
    it an event of its own); never past another violent event or a sentence placed elsewhere."""
    for uj in range(u + 1, min(len(units), u + 1 + REFER_BACK_WINDOW)):
        s = units[uj]
        if _other_place(s, an, ev):
            break
        if uj in violent_at:
            if _refers_back(s, refer_back):
                yield uj           # "the attack left one person dead": this incident again
                continue
            break                  # another incident told
        if uj <= u + WINDOW and uj not in coded:
            yield uj
        elif _refers_back(s, refer_back):
            yield uj


def _other_place(sent, an, ev) -> bool:
    """Does the sentence place something somewhere else than the event ("In Odesa, ...")?"""
    if not ev.location:
        return False
    for tok in sent:
        p = place_of(tok, an)
        if p is None or tok.ent_type_ == "NORP":
            continue
        loc = p[1]
        if p[0] != ev.location and getattr(loc, "kind", None) not in ("country", "admin1") and \
                tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near"):
            return True
    return False


def _refers_back(sent, refer_back) -> bool:
    """"the strike", "the attack", "this assault": a definite attack noun with nothing of its
    own (the act told before)."""
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in refer_back and \
                any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return True
    return False


def _lead(units, an, u, violent_at):
    """The headline and standfirst (the first lines) before the first violent event, when they
    tell no violent event of their own (a headline event is dropped as the body's duplicate)."""
    text = an.doc.text
    for uj in range(0, u):
        if uj in violent_at:
            return
        if text.count("\n\n", 0, units[uj].start_char) > 2 and text.count("\n", 0, units[uj].start_char) > 2:
            return                 # beyond the headline and the standfirst
        yield uj


class _Figures:
    """Killed figure of a sentence, computed once: (value, the sentence as in Article.text)."""

    def __init__(self, sents, an, tally):
        self.sents, self.an, self.tally, self.memo = sents, an, tally, {}

    def at(self, sj: int):
        if sj not in self.memo:
            s = self.sents[sj]
            running = any(t.lower_ in self.tally for t in s)   # "killed since the war began"
            n = None if running else fatalities_in(s, self.an, set())
            self.memo[sj] = None if n is None else (n, self.an.evidence(s.start_char, s.end_char)[0].strip())
        return self.memo[sj]
