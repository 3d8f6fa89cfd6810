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
- a later sentence that codes a violent act of its own keeps its figure (and its place), even
  when it also names the incident ("denied the attack and accused the army of shelling Bara,
  killing five"), unless its act is that incident retold ("The attack killed 11");
- a sentence that sums up several incidents ("In all, 30 died in the two attacks", a headline
  "Two attacks kill 30") gives no one incident a figure (`sums_up`);
- events of the same type, place and target with no two different dates are one incident told
  twice (standfirst and body): they share their figures;
- `fatalities` is the first figure found in that order;
- a sentence's figure (`sentence_toll`): killed counts of coordinated victims add up ("10
  soldiers and three civilians" -> 13; "two police officers and a child" -> 3), a total and its
  parts do not ("13 people, including 10 soldiers" -> 13), a wounded count never joins a killed
  one; a sentence that says no one was hurt ("No casualties were reported", "nobody was
  killed", "there were no injuries") gives 0, which stands only when no figure for the incident
  is found ("troops suffered no casualties" is one side's loss, not the incident's; so is "no
  casualties among the soldiers / on our side", except for an attack from afar, whose
  attacked side is all it can hurt);
- when the figures differ, each is kept with its evidence in `fatalities_reports`
  ([{"value": int, "evidence": str}]) and `toll_disputed` is true, the way cross-outlet
  disputes are flagged in the store.

Each figure goes to at most one event, and each event looks at a bounded window of sentences,
so the step is linear in the article's length.
"""
from __future__ import annotations

from ..nlp import doc_text
from .roles import W, fatalities_in, geo_precision, locative_places, place_of

WINDOW = 2                 # sentences after the event's own that may carry its toll
# At most this many different figures are listed in one event's `fatalities_reports` (its own
# first, then its incident group's in the article's order): real reports give two or three; an
# article of thousands of tellings would otherwise list them all in each of thousands of events.
MAX_REPORTS = 12
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
    # units of the violent events emitted (a retelling the coder merged into an earlier event
    # is that incident, not another one)
    violent_at: dict[int, list] = {}
    for e, u in placed:
        if e.type in words["violent"]:
            violent_at.setdefault(u, []).append(e)
    figures = _Figures(units, an, words["tally"], kb)
    figures.summaries = _summaries(units, violent_at, words["refer_back"])
    used: set[int] = set()
    found = []
    order = sorted((u, k) for k, (e, u) in enumerate(placed) if e.type in words["violent"])
    # the headline's and standfirst's figures belong to the article's main incident: the first
    # event (put first by the coder when the headline tells it), else the first violent one
    main = events[0] if events[0].type in words["violent"] else None
    for n, (u, k) in enumerate(order):
        ev = placed[k][0]
        if ev.fatalities is None and _running(units[u], words["tally"]):
            continue               # "shaken by infighting since September": no one incident
        reports = [(ev.fatalities, ev.evidence)] if ev.fatalities is not None else []
        later = _candidates(u, units, violent_at, coded, ev, an, words["refer_back"])
        lead = _lead(units, an, order[0][0], violent_at) if (ev is main if main is not None else n == 0) else ()
        armed = armed_target(ev.target, ev.target_sector, kb) if later or lead else False
        for uj in [*later, *lead]:
            got = figures.at(uj, ev.mode, armed) if uj not in used else None
            if got is not None:
                reports.append(got)
                used.add(uj)
        found.append((ev, reports))
    trace_of: dict[int, list] = {}
    for t in traces or ():
        if t.event is not None:
            trace_of.setdefault(id(t.event), []).append(t)
    for group in _same_incidents(found):
        shared = _Shared([r for _, reports in group for r in reports])
        for ev, reports in group:
            before = ev.fatalities
            _record(ev, reports, shared)
            if ev.fatalities != before:
                _explain(ev, trace_of.get(id(ev), ()), reports, shared)


def _summaries(units, violent_at, refer_back) -> set[int]:
    """Units that sum up several incidents: their figure is no one incident's toll."""
    out, before, last = set(), 0, None
    for uj, unit in enumerate(units):
        if sums_up(unit, refer_back, before, len(violent_at), last):
            out.add(uj)
        if uj in violent_at:
            before, last = before + 1, violent_at[uj][-1].trigger
    return out


def _same_incidents(found) -> list:
    """Events told twice (standfirst and body, two sentences): same type, place and target, and
    no two different dates, are one incident whose figures they share."""
    groups: dict[tuple, list] = {}        # key -> [(members, their dates)], kept as they grow
    for ev, reports in found:
        key = (ev.type, ev.location.lower(), ev.target.lower()) if ev.location and ev.target \
            else (id(ev),)
        for members, dates in groups.setdefault(key, []):
            if not ev.date or not dates or dates == {ev.date}:
                members.append((ev, reports))
                if ev.date:
                    dates.add(ev.date)
                break
        else:
            groups[key].append(([(ev, reports)], {ev.date} if ev.date else set()))
    return [members for gs in groups.values() for members, _ in gs]


def _units(an) -> list:
    """The article's sentences cut at line breaks, as the coder codes them (a headline glued to
    the first sentence is its own unit). Cut once per article (tolls, places and dates ask)."""
    notes = getattr(an, "notes", None)
    if notes is None:
        return _cut_units(an)
    memo = notes.get("toll_units")
    if memo is None or memo[0] is not an.doc:
        memo = notes["toll_units"] = (an.doc, _cut_units(an))
    return list(memo[1])


def _cut_units(an) -> list:
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
    violent_at: dict[int, list] = {}
    for e in events:
        if e.type in words["violent"]:
            violent_at.setdefault(unit_of(e.start), []).append(e)
    for ev in todo:
        u = unit_of(ev.start)
        for uj in range(u + 1, min(len(units), u + 1 + REFER_BACK_WINDOW)):
            s = units[uj]
            if uj in violent_at and not _retold(s, violent_at[uj], ev, words["refer_back"]):
                break              # another incident, placed by its own sentence
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
    return kb.derived("tolls", _build_words)


def _build_words(k) -> dict:
    zero = k.section("tolls.yaml", "no_casualties")
    return {
        "refer_back": k.words("tolls.yaml", "refer_back_nouns"),
        "tally": k.words("tolls.yaml", "tally_words"),
        "violent": frozenset(w.upper() for w in k.words("tolls.yaml", "violent_types")),
        "life_verbs": k.words("tolls.yaml", "life_taking_verbs") if "life_taking_verbs" in k.yaml("tolls.yaml")
        else frozenset(),
        **{f"zero_{key}": frozenset(str(w).lower() for w in zero.get(key) or [])
           for key in ("nouns", "verbs", "nobody", "reports", "side_loss_verbs", "negations",
                       "side_preps", "side_nouns", "side_modifiers", "remote_modes",
                       "group_modifiers")},
        "armed_sectors": frozenset(str(w).lower() for w in
                                   (k.yaml("tolls.yaml") or {}).get("armed_target_sectors") or []),
        "armed_nouns": frozenset(str(w).lower() for w in
                                 (k.yaml("tolls.yaml") or {}).get("armed_target_nouns") or [])}


class _Shared:
    """The figures of one incident group, summed up once for all its members: each member's
    toll and reports then cost its own figures plus the group's distinct ones (value + evidence),
    not a copy of every telling (an article of thousands of tellings of one incident)."""

    def __init__(self, reports):
        self.first = next(iter(reports), None)
        self.first_positive = next((r for r in reports if r[0]), None)
        self.told: dict = {}                 # value -> first evidence giving it
        self.distinct: dict[int, dict] = {}  # int(value) -> shared {"value", "evidence"}
        self.distinct_positive: dict[int, dict] = {}
        for value, evidence in reports:
            self.told.setdefault(value, evidence)
            one = self.distinct.setdefault(int(value), {"value": int(value), "evidence": evidence})
            if value:
                self.distinct_positive.setdefault(int(value), one if one["evidence"] == evidence
                                                  else {"value": int(value), "evidence": evidence})


def _explain(ev, traces, reports, shared) -> None:
    """Say in the event's trace (`sitrep explain`) which sentence gave its toll."""
    told = next((e for v, e in reports if v == ev.fatalities), None)
    if told is None:
        told = shared.told.get(ev.fatalities)
    if told is None:
        return
    why = "no casualties reported" if ev.fatalities == 0 else f"{ev.fatalities} killed"
    for t in traces:
        t.reason += f"; toll: {why}, told in '{' '.join(told.split())[:70]}'"


def _record(ev, reports, shared) -> None:
    """The first figure found is the toll; a "no casualties" (0) stands only when no figure
    is found; different figures are kept with their evidence and flagged. `reports` are the
    event's own figures, `shared` its incident group's (_Shared)."""
    if not reports and shared.first is None:
        return
    positive = [r for r in reports if r[0]]
    if positive or shared.first_positive is not None:
        reports, pool = positive, shared.distinct_positive
        if not ev.fatalities:
            ev.fatalities = (reports[0] if reports else shared.first_positive)[0]
    else:
        pool = shared.distinct
        if ev.fatalities is None:
            ev.fatalities = 0
    distinct: dict[int, dict] = {}
    for value, evidence in reports:
        if len(distinct) >= MAX_REPORTS:
            break
        distinct.setdefault(int(value), {"value": int(value), "evidence": evidence})
    for value, one in pool.items():
        if len(distinct) >= MAX_REPORTS:
            break
        distinct.setdefault(value, one)
    if len(distinct) > 1:
        ev.fatalities_reports = list(distinct.values())
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
            if _retold(s, violent_at[uj], ev, refer_back):
                yield uj           # "the attack left one person dead": this incident again
                continue
            break                  # another incident told: its figure is its own
        if uj <= u + WINDOW and uj not in coded:
            yield uj
        elif _refers_back(s, refer_back):
            yield uj


def _retold(sent, here, ev, refer_back) -> bool:
    """Is the violent event coded in this later sentence the incident told before, referred back
    to ("The attack killed 11": its trigger is the definite attack noun or the verb it is the
    subject of)? Not when it is placed elsewhere, nor when the referring noun is another act's
    ("denied carrying out the attack and accused the army of shelling Bara, killing five": the
    figure is the shelling's)."""
    nouns = [t for t in sent if _definite_attack(t, refer_back)]
    if not nouns:
        return False
    for other in here:
        if other.location and ev.location and other.location.lower() != ev.location.lower() and \
                other.location_scope in (None, "clause", "sentence"):
            return False           # placed elsewhere by its own sentence (not carried over)
        words = {w.lower() for w in (other.trigger or "").split()}
        if not any(t.lower_ in words or t.head.lower_ in words for t in nouns):
            return False
    return True


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
                tok.dep_ == "pobj" and _locative_prep(tok.head).lower_ in ("in", "at", "near"):
            return True
    return False


def _locative_prep(prep):
    """The preposition that places a "X of Y" chain: "in residential areas of Bara" -> in."""
    while prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.head is not prep.head:
        prep = prep.head.head
    return prep


def _refers_back(sent, refer_back) -> bool:
    """"the strike", "the attack", "this assault": a definite attack noun with nothing of its
    own (the act told before)."""
    return any(_definite_attack(tok, refer_back) for tok in sent)


def _definite_attack(tok, refer_back) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in refer_back and \
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def sums_up(sent, refer_back, told_before: int, told_in_all: int, last_trigger: str | None = None) -> bool:
    """Does the sentence sum up several incidents ("In all, 30 people died in the two attacks",
    "Two attacks kill 30", "at least ten were killed in the attacks")? A plural attack noun that
    is counted ("two attacks", "both strikes") when the article tells two or more incidents, or
    definite ("the attacks") when two or more were told before it and the last was not told
    with that plural itself ("carried out strikes near Hodeidah ... killed in the strikes")."""
    last = {w.lower() for w in (last_trigger or "").split()}
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or \
                (tok.lemma_.lower() not in refer_back and tok.lower_ not in refer_back):
            continue
        if told_in_all >= 2 and any(c.lower_ == "both" or (c.dep_ == "nummod" and
                                    c.lower_ not in ("one", "1")) for c in tok.children):
            return True
        if told_before >= 2 and tok.lower_ not in last and \
                any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
            return True
    return False


def _lead(units, an, u, violent_at):
    """The headline and standfirst (the first lines) before the first violent event, when they
    tell no violent event of their own (a headline event is dropped as the body's duplicate)."""
    text = doc_text(an.doc)
    for uj in range(0, u):
        if uj in violent_at:
            return
        if text.count("\n\n", 0, units[uj].start_char) > 2 and text.count("\n", 0, units[uj].start_char) > 2:
            return                 # beyond the headline and the standfirst
        yield uj


def _running(unit, tally) -> bool:
    return any(t.lower_ in tally for t in unit)


class _Figures:
    """Killed figure of a sentence, computed once: (value, the sentence as in Article.text)."""

    def __init__(self, sents, an, tally, kb=None):
        self.sents, self.an, self.tally, self.memo, self.kb = sents, an, tally, {}, kb
        self.summaries: set[int] = set()

    def at(self, sj: int, mode: str | None = None, armed: bool = False):
        key = (sj, _remote(mode, self.kb), armed)
        if key not in self.memo:
            s = self.sents[sj]
            # "killed since the war began", "30 died in the two attacks": no one incident's toll
            running = sj in self.summaries or any(t.lower_ in self.tally for t in s)
            n = None if running else sentence_toll(s, self.an, set(), self.kb, mode, armed)
            self.memo[key] = None if n is None else (n, self.an.evidence(s.start_char, s.end_char)[0].strip())
        return self.memo[key]


# ---------------------------------------------------------------- one sentence's toll

def sentence_toll(sent, an, anchors=frozenset(), kb=None, mode: str | None = None,
                  armed_target: bool = False) -> int | None:
    """Deaths stated in one sentence: the killed counts of coordinated victims added up (the
    group nearest the event's words, the largest of those), else a number on the people a
    kill/die word speaks of (`roles.fatalities_in`), else 0 when the sentence says that no one
    was hurt (one armed side's zero only for an attack from afar, `mode`; the civilians' zero
    not for an attack on an armed target, `armed_target`), else None."""
    n = _summed_counts(sent, an, anchors)
    if n is None:
        n = fatalities_in(sent, an, anchors)
    if n is None:
        n = _lives_taken(sent, kb)
    if n is None and no_casualties(sent, kb, one_side_too=_remote(mode, kb), armed_target=armed_target):
        n = 0
    return n


def _remote(mode, kb=None) -> bool:
    return bool(mode) and mode.lower() in _words(kb)["zero_remote_modes"]


def _summed_counts(sent, an, anchors) -> int | None:
    """Killed counts of the sentence grouped by the victims they count: victims joined by "and"
    ("10 soldiers and three civilians", "two police officers and a child") add up; a total and
    its parts ("13 people, including 10 soldiers") are two groups, and the larger is the toll."""
    seen, groups = set(), {}
    for tok in sent:
        c = an.token_count.get(tok.i)
        if c is None or c.category != "killed" or id(c) in seen:
            continue
        seen.add(id(c))
        try:
            value = int(c.value)
        except (TypeError, ValueError):
            continue
        noun = _victim_noun(tok)
        key = _group_key(noun)
        g = groups.setdefault(key, {"sum": 0, "nouns": set(), "near": False})
        g["sum"] += value
        g["nouns"].add(noun.i)
        g["near"] = g["near"] or _near(tok, anchors)
    if not groups:
        return None
    for key, g in groups.items():
        head = sent.doc[key]
        for t in [head, *head.conjuncts]:       # "... and a child": one victim with no count
            if t.i not in g["nouns"] and _one_victim(t):
                g["sum"] += 1
    near = [g["sum"] for g in groups.values() if g["near"]]
    return max(near or [g["sum"] for g in groups.values()])


def _group_key(noun) -> int:
    """Victims counted together: nouns joined by "and" ("10 soldiers and three civilians"), or
    the objects of joined killing verbs ("killed 34 fighters and lost 11 of their own")."""
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    verb = first.head
    if first.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and verb.conjuncts:
        return min([verb.i, *(t.i for t in verb.conjuncts)])
    return min([noun.i, *(t.i for t in noun.conjuncts)])


def _lives_taken(sent, kb=None) -> int | None:
    """"claimed the lives of 30 people", "cost the lives of 12 soldiers"."""
    from ..numbers import token_value

    verbs = _words(kb)["life_verbs"]
    for tok in sent:
        if tok.lemma_.lower() != "life" or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in verbs:
            continue
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    nums = [c for c in obj.children if c.dep_ == "nummod"]
                    value = token_value(nums[0]) if nums else None
                    if value is not None and value > 0:
                        return int(value)
    return None


def _victim_noun(tok):
    """The noun a count token counts: "10 soldiers" -> soldiers; "killing four" -> four; "a
    woman" -> woman."""
    t = tok
    while t.dep_ in ("nummod", "quantmod", "compound", "advmod") and t.head is not t and \
            t.head.pos_ in ("NUM", "NOUN", "PROPN", "ADJ"):
        t = t.head
    return t


def _one_victim(tok) -> bool:
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in W.single_victims and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in tok.children)


def _near(tok, anchors, steps: int = 8) -> bool:
    t = tok
    for _ in range(steps):
        if t.i in anchors:
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def no_casualties(sent, kb=None, one_side_too: bool = False, armed_target: bool = False) -> bool:
    """Does the sentence say the incident hurt no one? "No casualties or injuries were
    reported", "there were no immediate reports of casualties", "nobody was killed", "without
    casualties"; not one side's loss ("the troops suffered no casualties"), nor, unless
    `one_side_too` (an attack from afar, where the attacked side is all it can hurt), one armed
    side's zero ("no casualties among the soldiers", "on our side", "no military casualties"),
    nor, for an attack on an armed target (`armed_target`), the civilians' zero ("no civilian
    casualties" after a strike on a rebel camp: the fighters may have died)."""
    w = _words(kb)
    for tok in sent:
        lem = tok.lemma_.lower()
        if lem in w["zero_nouns"] or tok.lower_ in w["zero_nouns"]:
            if _side_loss(tok, w) or (not one_side_too and _one_side(tok, w)) or \
                    (armed_target and _said_of(tok, w["zero_group_modifiers"], w)):
                continue
            if _negated(tok, w) or _without(tok) or _negated_report(tok, w):
                return True
        elif lem in w["zero_verbs"] and tok.pos_ in ("VERB", "ADJ"):
            for s in tok.children:
                if s.dep_ in ("nsubj", "nsubjpass") and _nobody(s, w):
                    return True
    return False


def armed_target(name: str | None, sector: str | None, kb=None) -> bool:
    """Is the attacked party or thing armed ("a rebel camp", "the army base", sector military,
    "a Boko Haram camp": a thing of an armed group the actor table knows)?"""
    from .actors import load_actors

    w = _words(kb)
    if sector and sector in w["armed_sectors"]:
        return True
    if not name:
        return False
    words = name.split()
    if set(name.lower().split()) & (W.force_nouns | W.bare_force_nouns | w["zero_side_nouns"] |
                                    w["zero_side_modifiers"] | w["armed_nouns"]):
        return True
    table = load_actors()
    return any((a := table.lookup(" ".join(words[:n]))) is not None and a.sector in w["armed_sectors"]
               for n in range(min(len(words) - 1, 3), 0, -1))


def _said_of(tok, group, w) -> bool:
    """Is the zero said of one group ("no civilian casualties", "no casualties among civilians")?"""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in group for c in tok.children):
        return True
    holders = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else [])
    return any(p.dep_ == "prep" and p.lower_ in w["zero_side_preps"] and
               any(o.dep_ == "pobj" and o.lower_ in group for o in p.children)
               for h in holders for p in h.children)


def _one_side(tok, w) -> bool:
    """"no casualties among the soldiers / on our side / in their ranks", "no military
    casualties": the zero is said of one armed side (the phrase on the noun or on its verb)."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and _armed(c, w):
            return True
    holders = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else [])
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in w["zero_side_preps"] and \
                    any(o.dep_ == "pobj" and _armed(o, w) for o in prep.children):
                return True
    return False


def _armed(tok, w) -> bool:
    lem, low = tok.lemma_.lower(), tok.lower_
    return bool({lem, low} & (W.force_nouns | W.bare_force_nouns | w["zero_side_nouns"] |
                              w["zero_side_modifiers"]))


def _negated(tok, w) -> bool:
    """"no casualties", "no deaths or injuries" (the conjunct shares the "no")."""
    for t in [tok, *([tok.head] if tok.dep_ == "conj" else [])]:
        if any(c.dep_ == "det" and c.lower_ in w["zero_negations"] for c in t.children):
            return True
    return False


def _without(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "without"


def _negated_report(tok, w) -> bool:
    """"no (immediate) reports of casualties"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of":
        return False
    rep = prep.head
    return rep.lemma_.lower() in w["zero_reports"] and _negated(rep, w)


def _side_loss(tok, w) -> bool:
    """"the army suffered no casualties": one side's loss, said beside the other side's dead."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in w["zero_side_loss_verbs"]


def _nobody(subj, w) -> bool:
    """"no one", "nobody", "none" (not "none of the soldiers": one side)."""
    low = subj.lower_
    if low in w["zero_nobody"] and not any(c.dep_ == "prep" for c in subj.children):
        return True
    return low == "one" and any(c.dep_ == "det" and c.lower_ in w["zero_negations"] for c in subj.children)
