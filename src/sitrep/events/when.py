"""When an event happened: the day of its clause, else of the statement reporting it.

`date(coder, d)` picks, of the resolved date mentions in the event's clause, the one nearest the
trigger in the dependency tree; `dates_of` ranks them and leaves out dates of another time
("after Tuesday's election", "since May 7").

`coder` is the coder.py Coder (its an, lex, actors, ctx), `d` a coder.py Draft; coder.py imports
this module, never the reverse.
"""
from __future__ import annotations

import re

from ..dates import KIND_RANK, period_of


def date(coder, d) -> str | None:
    """The day of the event: of the dates in its clause, the one nearest the trigger in the
    dependency tree ("after her defeat in Tuesday's election, she spoke on Saturday": the
    call is Saturday's), else the sentence's; a date that belongs to another noun ("Tuesday's
    election") is that noun's. A failure of the dates stage must not cost the article its
    events: it is noted in `an.errors` and the date left null."""
    heads = [d.m.tok] + ([d.clause] if d.clause.i != d.m.tok.i else [])
    span = _clause_span(d.clause, d.sent)
    found = _after_the_noun(coder, d, span) or _own_conjunct_first(dates_of(coder, heads, span), d)
    if not found:
        # the day of the statement that reports it ("the ministry said on Sunday"), not the
        # day of another clause of the sentence ("launched on Feb 24, after X appealed")
        governors = _governors(d.clause, coder.lex.word_list("other_time_preps"))
        found = [m for m in dates_of(coder, heads, d.sent)
                 if _statement_verb(_mention_root(d.sent.doc, m), coder).i in governors]
    if not found:
        found = _of_the_first_conjunct(coder, d)
    return found[0].value if found else None


def _own_conjunct_first(found, d) -> list:
    """"A truce was agreed in the early hours of Monday, and calm returned on Tuesday
    morning": a day told in a conjoined clause with a subject of its own is that clause's; the
    event's own clause's days come first (the other's only when it has none)."""
    doc, clause = d.sent.doc, d.clause

    def other(m):
        v = _verb_of(r) if (r := _mention_root(doc, m)) is not None else None
        for _ in range(8):
            if v is None or v.i == clause.i or v.head.i == v.i:
                return False
            if v.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and \
                    clause in v.ancestors:
                return True
            v = v.head
        return False
    return sorted(found, key=other)          # stable: the rank within each group is kept


def _of_the_first_conjunct(coder, d) -> list:
    """"The delegations met in Damascus on Monday and agreed to free 300 detainees": a verb
    conjoined to a dated verb of the same subject (none of its own), with no day of its own, is
    told on that day, the day its first verb was given (through that verb's subject too: "The
    governor, who visited the camp on Tuesday, condemned the attack and urged ..."). So is a
    conjoined clause with a subject of its own when both tell what happened in the simple past
    ("a bomber rammed the gate on Wednesday, and gunmen then stormed the hotel"; "the army freed
    20 prisoners on Monday and the rebels freed 15"), not "... and the army has vowed to ..."."""
    clause, head = d.clause, d.clause.head
    if clause.dep_ != "conj" or head.pos_ != "VERB":
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and \
            not (_simple_past(clause) and _simple_past(head) and not _told_later(clause)
                 and not _own_time(clause)):
        return []
    own = {t.i for t in clause.subtree}
    head_span = {t.i for t in head.subtree} - own
    return [m for m in dates_of(coder, [head], d.sent)
            if (root := _mention_root(d.sent.doc, m)) is not None and root.i not in own
            and (_verb_of(root).i == head.i or root.i in head_span and _on_the_subject(root, head))]


def _told_later(verb) -> bool:
    """"... and soldiers later recaptured it": an adverb of a later time (event_dates.yaml
    `later_words`) on the conjoined clause."""
    from ..knowledge import get_knowledge

    words = get_knowledge().words("event_dates.yaml", "later_words")
    return any(c.dep_ == "advmod" and c.lower_ in words for c in verb.children)


def _own_time(verb) -> bool:
    """Does the clause tell a time of its own, even one no day resolves ("on an unknown day",
    "at dawn", "weeks later"; event_dates.yaml `time_nouns`)?"""
    from ..knowledge import get_knowledge

    nouns = get_knowledge().words("event_dates.yaml", "time_nouns")

    def timely(t) -> bool:
        return t.lemma_.lower() in nouns or t.ent_type_ in ("DATE", "TIME")
    for c in verb.children:
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and timely(o) for o in c.children):
            return True
        if c.dep_ == "npadvmod" and timely(c):
            return True
    return False


def _simple_past(verb) -> bool:
    """A verb in the simple past, active or passive ("stormed", "were freed"), not a present
    perfect, a future or a modal ("has vowed", "would retake")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not auxes
    return verb.tag_ == "VBN" and bool(auxes) and all(a.tag_ == "VBD" and a.lemma_ == "be" for a in auxes)


def _on_the_subject(root, head) -> bool:
    """Is a date mention inside the subject of `head` ("The governor, who visited ... on Tuesday")?"""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(root.i in {t.i for t in s.subtree} for s in subjects)


def _after_the_noun(coder, d, span) -> list:
    """A noun event inside another act's clause takes the day told right after it, before any
    other verb ("on Tuesday claimed responsibility for an attack in Kirkuk late on Sunday":
    the attack is Sunday's, the claim Tuesday's)."""
    tok = d.m.tok
    if tok.pos_ != "NOUN" or tok.i == d.clause.i:
        return []
    doc, end = tok.doc, tok.idx + len(tok)
    out = []
    for m in dates_of(coder, [tok], span):
        if m.start < end:
            continue
        gap = doc.char_span(end, m.start, alignment_mode="expand")
        if gap is not None and not any(t.pos_ in ("VERB", "AUX") for t in gap):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def other_time(coder, root, own: set[int]) -> bool:
    """Does a date name another time than the event's: a time it happened after, before or
    since ("after Tuesday's election", "since May 7"), as opposed to "during Sunday mass"?"""
    other = coder.lex.word_list("other_time_preps")
    t = root
    for _ in range(8):
        if t.i in own or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in other:
            # "have patrolled the road since 19 August": an act going on since a day began then
            # (the day itself after "since"); "since the coup on July 26" is the coup's day
            return not (t.head.lower_ == "since" and t.i == root.i and t.head.head.i in own)

        if t.pos_ in ("VERB", "AUX"):
            # "a week after Monday's ceasefire collapsed": a clause of another time
            return any(c.dep_ == "mark" and c.lower_ in other for c in t.children)
        t = t.head
    return False


def dates_of(coder, heads, span) -> list:
    """Resolved date mentions inside span, nearest to `heads` in the parse first (a vague one
    last); those that modify a noun other than the heads are left out."""
    if not isinstance(heads, (list, tuple)):
        heads = [heads]
    doc = span.doc if hasattr(span, "doc") else heads[0].doc
    lo, hi = span.start_char, span.end_char
    own = {h.i for h in heads}
    ranked = []
    try:
        mentions = coder.an.dates.mentions(doc)
    except Exception as exc:  # a dates bug: keep the event, say why the date is missing
        msg = f"dates.mentions: {type(exc).__name__}: {exc}"
        if msg not in coder.an.errors:
            coder.an.errors.append(msg)
        return []
    between = getattr(coder.an.dates, "_between", None)   # a bisection, not the article's every mention
    for m in (between(mentions, lo, hi) if between else mentions):
        if not m.value or m.start < lo or m.end > hi:
            continue
        root = _mention_root(doc, m)
        if root is None:
            continue
        if other_time(coder, root, own):
            continue          # "after Tuesday's election", "since May 7": not the event's day
        if _of_another_noun(root, own):
            continue          # "cited in Monday's issue of the newspaper": the day
        dist = min(_tree_distance(root, h) for h in heads)
        ranked.append(((KIND_RANK.get(m.kind, 5) >= 5, dist, KIND_RANK.get(m.kind, 5), m.start), m))
    return [m for _, m in sorted(ranked, key=lambda x: x[0])]


def _of_another_noun(root, own: set[int]) -> bool:
    """A day that is a possessive of a noun other than the event's ("Monday's issue",
    "Tuesday's election"): that noun's day."""
    return root.dep_ == "poss" and root.head.i not in own and root.head.pos_ in ("NOUN", "PROPN")


def _governors(clause, other_time=frozenset()) -> set[int]:
    """The verbs a clause is reported or framed by ("said on Sunday that ..."), through its
    conjuncts; a conjoined clause itself is another statement, not a governor, and a clause of
    another time ("after X appealed", "before the talks began") is not framed by its head."""
    out, t = set(), clause
    for _ in range(8):
        if t.head.i == t.i:
            break
        if any(c.dep_ == "mark" and c.lower_ in other_time for c in t.children) or \
                (t.dep_ in ("pcomp", "pobj") and t.head.lower_ in other_time):
            break
        if t.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "pcomp", "pobj", "prep"):
            out.add(t.head.i)
        elif t.dep_ != "conj":
            break
        t = t.head
    return out


def _statement_verb(tok, coder):
    """The verb a date mention belongs to, through a statement told by a participle ("said in
    a statement released on Tuesday": the saying's day)."""
    from ..knowledge import get_knowledge

    v = _verb_of(tok)
    if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.i != v.i and \
            v.head.lemma_.lower() in get_knowledge().words("event_dates.yaml", "statement_nouns"):
        return _verb_of(v.head)
    return v


def _verb_of(tok):
    """The clause a token belongs to: its nearest verb (itself if a verb)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def _mention_root(doc, m):
    """The head token of a date mention (its words as one span), or None off token bounds."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _tree_distance(a, b, limit: int = 12) -> int:
    """Steps between two tokens through their lowest common head (large when unrelated)."""
    up = {}
    t, n = a, 0
    while n <= limit:
        up.setdefault(t.i, n)
        if t.head.i == t.i:
            break
        t, n = t.head, n + 1
    t, n = b, 0
    while n <= limit:
        if t.i in up:
            return up[t.i] + n
        if t.head.i == t.i:
            break
        t, n = t.head, n + 1
    return 2 * limit + abs(a.i - b.i)


def _clause_span(clause, sent):
    toks = [t.i for t in clause.subtree]
    lo, hi = max(min(toks), sent.start), min(max(toks) + 1, sent.end)
    return clause.doc[lo:hi]


def in_a_period(coder, d) -> bool:
    """Does the event's own clause set it in a period with no day ("last month", "in October",
    "in recent weeks", "late last year"): a background event, not a follow-up of the story's?"""
    head = d.clause
    while head.dep_ in ("pobj", "prep", "pcomp") and head.head is not head:
        head = head.head                          # "died last month [in shelling of a camp]"
    for wider in (head, d.m.carrier):
        if wider is not None and len(_clause_span(wider, d.sent)) > len(_clause_span(d.clause, d.sent)):
            head = wider
    span = _clause_span(head, d.sent)
    try:
        mentions = coder.an.dates.mentions_in(span)
    except Exception:  # a dates bug is noted by dates_of; here it only means "no period known"
        return False
    if any(m.value is None and m.kind != "timeofday" for m in mentions):
        return True
    # a bare year ("disarmed in 2017"): the dates stage leaves years alone
    return any(t.ent_type_ == "DATE" and t.dep_ == "pobj" and t.is_digit and len(t.text) == 4
               for t in span)


INHERITED = "_date_from"      # attribute naming why attach_dates gave an event its day


def told_date(e) -> bool:
    """Does the event have a day told in its own sentence (not one attach_dates gave it)?"""
    return e.date is not None and INHERITED not in vars(e)


def attach_dates(events, an, lex, kb=None, traces=()) -> None:
    """After all events are coded: an event told with no day takes the day of the same
    occasion told next to it (see data/event_dates.yaml):
    - from a later sentence that refers back to it ("The clashes ... occurred in the capital on
      Monday night"), looking no further than the next sentence that tells another incident;
    - for an event told as part of an incident before it ("In the second incident, a bomb
      exploded", "seized at the scene", "hours after the attack", or the same place in the next
      sentence), the day of the last dated incident before it (within twice the refer-back window);
    - for a statement right after a dated meeting of the same people ("Dbeibah and the elders
      agreed ..."), the meeting's day."""
    from types import SimpleNamespace

    from ..knowledge import get_knowledge
    from .tolls import REFER_BACK_WINDOW, _Locator, _units, _words

    kb = kb or get_knowledge()
    todo = [e for e in events if e.date is None]
    if not todo and not any(_unanchored_days(an, e) for e in events if e.date):
        return
    words = _words(kb)
    units = _units(an)
    unit_of = _Locator([an.evidence(u.start_char, u.end_char)[1:] for u in units])
    o = SimpleNamespace(an=an, lex=lex, units=units, unit_of=unit_of, window=REFER_BACK_WINDOW,
                        trace={id(t.event): t for t in traces if t.event is not None},
                        violent=words["violent"], other_time=lex.word_list("other_time_preps"),
                        nouns=words["refer_back"] | kb.words("event_dates.yaml", "occasion_nouns"),
                        types={w.upper() for w in kb.words("event_dates.yaml", "occasion_types")},
                        spans=kb.words("event_dates.yaml", "same_day_spans"),
                        meeting_types={w.upper() for w in kb.words("event_dates.yaml", "meeting_types")},
                        decision_nouns=kb.words("event_dates.yaml", "decision_nouns"),
                        day_units=_day_units(kb),
                        onset_verbs=kb.words("event_dates.yaml", "onset_verbs"),
                        statement_nouns=kb.words("event_dates.yaml", "statement_nouns"),
                        doer_nouns=kb.words("event_dates.yaml", "doer_nouns"),
                        another_act=lex.word_list("new_incident_words") | {"also"},
                        kb_reach=(kb.yaml("event_dates.yaml").get("paragraph_reach") or 0),
                        carry_types={w.upper() for w in kb.words("event_dates.yaml", "paragraph_types")},
                        violent_at={unit_of(e.start) for e in events if e.type in words["violent"]})
    todo = [e for e in todo if not _has_period(an, units[unit_of(e.start)])]
    _from_a_later_sentence(todo, o)
    _from_the_incident_before(todo, events, o)
    _from_the_meeting_before(todo, events, o)
    _from_the_decision_before(todo, events, o)
    _from_the_same_act_before(todo, events, o)
    _from_the_attack_on_its_place(todo, events, o)
    _from_the_wider_attack(todo, events, o)
    _from_the_days_counted(todo, events, o)
    _from_the_paragraph_before(todo, events, o)
    _from_the_statement_before(todo, events, o)
    _from_the_day_stamp(todo, o)
    _from_the_story_day(events, o)


def _from_the_statement_before(todo, events, o) -> None:
    """"The army said in a statement on Tuesday that troops repelled the attack. The statement
    said the soldiers recovered two gun trucks": an event told by "the statement" (a definite
    noun of event_dates.yaml `statement_nouns` as the subject of its sentence's verb) is told on
    the day of the dated event whose sentence named that statement, at most three sentences before."""
    nouns = o.statement_nouns
    for ev in todo:
        if ev.date:
            continue
        u = o.unit_of(ev.start)
        noun = next((t for t in o.units[u] if t.lemma_.lower() in nouns and t.dep_ == "nsubj" and
                     any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children)), None)
        if noun is None:
            continue
        told = [e for e in events if e.date and told_date(e) and 0 < u - o.unit_of(e.start) <= 3 and
                any(t.lemma_.lower() == noun.lemma_.lower() for t in o.units[o.unit_of(e.start)])]
        if told:
            _dated(o, ev, told[-1].date, f"the {noun.lower_} told before ('{told[-1].trigger}')")


def _from_the_day_stamp(todo, o) -> None:
    """"Tuesday, 14 May / 08:15 GMT - Drones hit a depot in Kherson": an event with no day of
    its own (no period, no other year in its sentence, no "before/after the attack") told
    under a live-blog stamp that tells a day (dates.py `day_stamps`) is told on that day."""
    import bisect

    stamp_day = getattr(o.an.dates, "stamp_day", None)
    offsets = getattr(o.an.clean, "offsets", None)
    if stamp_day is None or offsets is None:
        return
    for ev in todo:
        if ev.date or ev.date_period:
            continue
        day = stamp_day(bisect.bisect_left(offsets, ev.start))
        sent = o.units[o.unit_of(ev.start)]
        if day and not _of_other_time(sent, o) and not _of_another_year(sent):
            _dated(o, ev, day, "the day of the live-blog stamp above it")


def _of_another_year(sent) -> bool:
    """A year told as the time of something ("in 2014", "since August 2022"), not a name's
    ("the November 2024 ceasefire")."""
    for t in sent:
        if t.is_digit and len(t.text) == 4 and t.text[:2] in ("19", "20"):
            h = t.head
            for _ in range(2):
                if h.pos_ == "ADP" and h.lower_ in ("in", "since", "until", "by", "from", "during", "before"):
                    return True
                h = h.head
    return False


def _from_the_paragraph_before(todo, events, o) -> None:
    """"Militants attacked a checkpoint near Gao on Sunday, killing two guards. Weapons were
    seized, the army said": an event with no day (none told in its sentence, no period, no
    "before/after the attack"), told in the same paragraph right after a dated event (within
    event_dates.yaml `paragraph_reach` sentences), continues that incident: its day; only
    events and dated events of `paragraph_types`, not told as the onset of the fighting, and not
    told by another source than the dated one."""
    reach = int(o.kb_reach)
    types = o.carry_types
    text = o.an.clean.text
    # the day of an incident (an act of these types), never of a statement about it
    dated = sorted(((o.unit_of(e.start), e) for e in events if e.date and (not types or e.type in types)),
                   key=lambda x: x[0])
    for ev in todo:
        if ev.date or (types and ev.type not in types):
            continue
        u = o.unit_of(ev.start)
        before = [(uj, e) for uj, e in dated if 0 < u - uj <= reach]
        if not before:
            continue
        uj, last = before[-1]
        sent = o.units[u]
        broken = "\n" in text[o.units[uj].end_char:sent.start_char].strip(" ")
        again = u - uj == 1 and ev.type == last.type and _the_doers_again(sent, o.doer_nouns) and \
            not any(t.lower_ in o.another_act for t in sent)     # "The rebels also took the mines"
        if broken and not again or \
                _of_other_time(sent, o) or _day_in(o.an, sent) or _an_onset(sent, o.onset_verbs):
            continue
        if ev.attributed_to and not again and not _same_source(ev.attributed_to, last.attributed_to) and \
                not _tells_its_own(ev):
            continue      # another source telling another incident ("the governor said a drone ...")
        if _a_year_in(sent) or _another_place(o, u, uj, last):
            continue      # "seized the town in 2012", "In Kassala, a drone hit the airport"
        _dated(o, ev, last.date, f"the event told before it in its paragraph ('{last.trigger}')")


def _the_doers_again(sent, nouns) -> bool:
    """"The insurgents, who came in gun trucks, stormed the base": a sentence whose subject is a
    definite noun of the doers of the incident told just before (event_dates.yaml `doer_nouns`)
    goes on telling it, across a paragraph break."""
    return any(t.dep_ == "nsubj" and t.lemma_.lower() in nouns and t.head.pos_ == "VERB" and
               any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in sent)


def _same_source(a: str, b: str | None) -> bool:
    """The same source told again in other words: "a resident" after "residents of the
    villages", "the service" after "the Counter-Terrorism Service" (a shared noun)."""
    if not b:
        return False
    def nouns(x):
        return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", x)} - \
            {w.rstrip("s") for w in _NOT_SOURCE_WORDS}
    return a == b or bool(nouns(a) & nouns(b))


_NOT_SOURCE_WORDS = {"the", "and", "of", "for", "local", "state", "official", "government", "source",
                     "its", "his", "her", "their", "ministry", "national", "security"}


def _tells_its_own(ev) -> bool:
    """Is the source the act's own actor ("The army said it withdrew its units")?"""
    def words(x):
        return {w.lower() for w in (x or "").split() if w[:1].isupper()}
    return bool(words(ev.attributed_to) & (words(ev.actor) | words(ev.actor_text)))


def _a_year_in(sent) -> bool:
    """A bare year in the sentence ("seized the town in 2012"): the dates stage leaves years alone."""
    return any(t.ent_type_ == "DATE" and t.is_digit and len(t.text) == 4 for t in sent)


def _another_place(o, u, uj, last) -> bool:
    """Does sentence u name places, none of them the dated event's nor named in its sentence uj?"""
    here = _places_told(o, u)
    if not here:
        return False
    known = _places_told(o, uj) | ({last.location} if last.location else set())
    return not here & known


def _an_onset(sent, verbs) -> bool:
    """"The violence began when the militia arrested a commander": an act told as the
    start of the fighting (background to it), not a step of the incident told before."""
    return any(t.lemma_.lower() in verbs and any(c.dep_ == "advcl" for c in t.children) for t in sent)


def _day_in(an, sent) -> bool:
    """Does the sentence tell a day of its own (any resolved date mention)?"""
    try:
        mentions = an.dates.mentions_in(sent)
    except Exception:
        return True
    return any(m.value for m in mentions)


def _unanchored_days(an, e) -> int | None:
    """The days "the next day" / "two days later" / "the day before" counts, when the event's
    day is that mention's, counted from the publication day for want of a day told nearby."""
    from ..dates import UNANCHORED

    try:
        mentions = an.dates.mentions(an.doc) if getattr(an, "doc", None) is not None else []
    except Exception:
        return None
    span = an.doc.char_span(e.start, e.start + 1, alignment_mode="expand") if mentions else None
    if span is None or not len(span):
        return None
    for m in an.dates.mentions_in(span[0].sent):
        if m.value == e.date and f":{UNANCHORED}" in m.rule:
            return int(m.rule.rsplit(UNANCHORED, 1)[1])
    return None


def _from_the_story_day(events, o) -> None:
    """"Within hours, fighters had arrested 40 men. Some were released the next day": a day
    counted from a frame ("the next day", "two days later", "the day before") with no day told
    in reach is counted from the last dated event told before it (within twice the refer-back
    window), not from the publication day."""
    for ev in events:
        days = _unanchored_days(o.an, ev) if ev.date else None
        if not days:
            continue
        u = o.unit_of(ev.start)
        before = [e for e in events if e.date and e is not ev and e.start < ev.start
                  and u - 2 * o.window <= o.unit_of(e.start) < u]
        if not before:
            continue
        last = before[-1]
        day = _shift(last.date, -days)
        if day and day != ev.date:
            ev.date = day
            t = o.trace.get(id(ev))
            why = f"date: counted {days:+d} day(s) from the event told before ('{last.trigger}'), not from publication"
            if t is not None:
                t.reason = f"{t.reason}; {why}" if t.reason else why


def _day_units(kb) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in (kb.yaml("event_dates.yaml").get("day_units") or {}).items()}


def _from_a_later_sentence(todo, o) -> None:
    for ev in todo:
        u = o.unit_of(ev.start)
        if ev.type not in o.violent:
            continue
        for uj in range(u + 1, min(len(o.units), u + 1 + o.window)):
            back = _pointing_back(o.units[uj], o.nouns)
            if uj in o.violent_at and back is None:
                break
            day = _day_told_of(o.an, o.units[uj], back) if back is not None else None
            if day:
                _dated(o, ev, day, "a later sentence about the same incident")
                break


def _from_the_incident_before(todo, events, o) -> None:
    dated = sorted(((o.unit_of(e.start), e) for e in events if e.date and e.type in o.violent),
                   key=lambda x: x[0])
    for ev in todo:
        u = o.unit_of(ev.start)
        if ev.date or ev.type not in o.types:
            continue
        before = [(uj, e) for uj, e in dated if u - 2 * o.window <= uj < u]
        if not before:
            continue
        uj, last = before[-1]
        sent = o.units[u]
        if _at_the_occasion(sent, ev, o.nouns, o.other_time) or _hours_from(sent, o.spans) or \
                (u - uj == 1 and ev.type != last.type and ev.location and ev.location == last.location
                 and ev.location.split()[0] in sent.text and not _of_other_time(sent, o)):
            _dated(o, ev, last.date, f"the incident told before ('{last.trigger}')")


def _from_the_meeting_before(todo, events, o) -> None:
    """"... during a meeting with Tripoli elders on Wednesday. ... Dbeibah and the elders
    agreed that ...": a statement of the meeting's people right after it is the meeting's."""
    meetings = [(o.unit_of(e.start), e) for e in events if e.date and e.type in o.meeting_types]
    for ev in todo:
        if ev.date or not o.lex.type(ev.type).verbal or not ev.actor:
            continue
        u = o.unit_of(ev.start)
        near = [e for uj, e in meetings if 0 < u - uj <= 3]
        mine = {w for w in ev.actor.split() if w[:1].isupper()}
        if near and mine & {w for w in (near[-1].actor or "").split() if w[:1].isupper()}:
            _dated(o, ev, near[-1].date, f"the meeting told before ('{near[-1].trigger}')")


def _from_the_decision_before(todo, events, o) -> None:
    """"The Treasury announced the designations on 22 October. Bessent said the measures aim
    to ... and urged a ceasefire": a statement of the same side about "the measures" just
    decided is told on the decision's day."""
    decisions = [(o.unit_of(e.start), e) for e in events if e.date and o.lex.type(e.type).decision]
    for ev in todo:
        if ev.date or not o.lex.type(ev.type).verbal:
            continue
        u = o.unit_of(ev.start)
        near = [e for uj, e in decisions if 0 <= u - uj <= 2 and e is not ev]
        if not near or _pointing_back(o.units[u], o.decision_nouns) is None:
            continue
        last = near[-1]
        if _same_side(ev, last):
            _dated(o, ev, last.date, f"the decision told before ('{last.trigger}')")


def _from_the_same_act_before(todo, events, o) -> None:
    """"Ukraine and Russia swapped 90 prisoners each on Friday. Ukraine released 90 Russian
    soldiers, and Russia freed 90 Ukrainians": an act of the same type told in the very next
    sentence by one of the sides of a mutual act (two sides that acted on each other), with no
    day of its own, is a part of that dated act."""
    dated = [(o.unit_of(e.start), e) for e in events if e.date and e.type in o.types]
    for ev in todo:
        if ev.date or ev.type not in o.types or not ev.actor:
            continue
        u = o.unit_of(ev.start)
        near = [e for uj, e in dated if u - uj == 1 and e.type == ev.type]
        if not near or _of_other_time(o.units[u], o):
            continue
        last = near[-1]
        if (last.target or "").lower() not in ("each other", "one another"):
            continue
        sides = {w for x in (last.actor, last.target) if x for w in x.split() if w[:1].isupper()}
        if {w for w in ev.actor.split() if w[:1].isupper()} & sides:
            _dated(o, ev, last.date, f"the same act told before ('{last.trigger}')")


def _from_the_attack_on_its_place(todo, events, o) -> None:
    """"Russia attacked Kyiv and Odesa overnight ... In Odesa, a missile struck the port": an
    attack of the same type and side, told after a dated attack on several places at one of
    them, with no day of its own, is a part of that wider attack (a retelling of an attack on
    one place is left to the retelling steps)."""
    dated = [(o.unit_of(e.start), e) for e in events if e.date and e.type in o.violent]
    for ev in todo:
        if ev.date or ev.type not in o.violent or not ev.location:
            continue
        u = o.unit_of(ev.start)
        near = [e for uj, e in dated if 0 < u - uj <= 2 * o.window and e.type == ev.type
                and _same_attacker(ev, e) and ev.location.lower() in _places_targeted(e)]
        if near and not _of_other_time(o.units[u], o):
            _dated(o, ev, near[-1].date, f"the attack on {ev.location} told before ('{near[-1].trigger}')")


def _from_the_wider_attack(todo, events, o) -> None:
    """"Russia launched a combined attack overnight, killing nine people in Kharkiv, Odesa and
    Lviv oblasts. ... In Kharkiv Oblast, a drone struck a building in Balakliia": an attack of
    the same side with no day of its own, whose sentence names one of the places a dated attack
    on several places named, is a part of that wider attack."""
    dated = [(o.unit_of(e.start), e) for e in events if e.date and e.type in o.violent]
    wide = [(uj, e, named) for uj, e in dated if len(named := _places_told(o, uj, listed=True)) >= 2]
    for ev in todo:
        if ev.date or ev.type not in o.violent:
            continue
        u = o.unit_of(ev.start)
        near = [e for uj, e, named in wide if 0 < u - uj <= 2 * o.window and e.type == ev.type
                and _same_attacker(ev, e) and named & _places_told(o, u)]
        if near and not _of_other_time(o.units[u], o):
            _dated(o, ev, near[-1].date, f"a part of the wider attack told before ('{near[-1].trigger}')")


def _from_the_days_counted(todo, events, o) -> None:
    """"The attack came a day after the foreign minister met EU ministers in Brussels", "The
    exchange came two days after Umerov met Witkoff": an act told in a clause counted in days
    (event_dates.yaml day_units) after or before an incident told before ("the attack", its
    trigger's word) is dated from that incident's day."""
    for ev in todo:
        if ev.date:
            continue
        u = o.unit_of(ev.start)
        counted = _counted_clause(o.units[u], ev, o.day_units)
        if counted is None:
            continue
        noun, days = counted
        ref = next((e for e in reversed(events) if e.date and e is not ev and
                    o.unit_of(e.start) < u and _names_act(e, noun, o)), None)
        if ref is not None:
            day = _shift(ref.date, days)
            if day:
                _dated(o, ev, day, f"counted {days:+d} day(s) back from the {noun} told before "
                                   f"('{ref.trigger}')")


def _counted_clause(sent, ev, day_units):
    """(the noun the clause is counted from, signed days) when ev's trigger lies in a clause
    "N days after/before ..." of a verb whose subject is an act noun ("The attack came ...")."""
    from ..numbers import number_value

    words = (ev.trigger or "").split()
    if not words:
        return None
    for v in sent:
        if v.dep_ != "advcl":                 # tested first: the clause's verb (a cheap test)
            continue
        mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        if mark is None:
            continue
        near = [*v.children, *v.head.children, *mark.children]
        unit = next((c for c in near if c.dep_ == "npadvmod"          # the parse hangs it on any
                     and c.lemma_.lower() in day_units), None)
        if unit is None or not any(t.text == words[0] for t in v.subtree):
            continue
        subj = next((c for c in v.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        num = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
        n = 1 if num is None or num.lower_ in ("a", "an") else number_value(num.text)
        if subj is None or not n:
            continue
        days = int(n) * day_units[unit.lemma_.lower()]
        return subj.lemma_.lower(), days if mark.lower_ == "after" else -days
    return None


def _names_act(e, noun: str, o) -> bool:
    """Is the event the act a noun names: its own trigger word, or any attack for an attack noun?"""
    trig = (e.trigger or "").lower().split()
    return bool(trig) and (trig[0].startswith(noun[:5]) or noun in o.nouns and e.type in o.violent)


def _shift(day: str, days: int) -> str | None:
    """The day `days` before the given day (the counted clause happened before the act)."""
    import datetime as dt

    try:
        return (dt.date.fromisoformat(day) - dt.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _places_told(o, u, listed: bool = False) -> set[str]:
    """The names of the places (no countries) named in sentence u; with `listed`, only those
    named in a list with another place ("in Kharkiv, Odesa and Lviv oblasts")."""
    from .roles import place_of

    def place(t):
        p = place_of(t, o.an)
        return p if p is not None and (getattr(p[1], "kind", None) or "") != "country" else None

    def in_list(t):
        return t.dep_ == "conj" and place(t.head) is not None or \
            any(c.dep_ == "conj" and place(c) is not None for c in t.children)

    return {p[0] for t in o.units[u] if (p := place(t)) is not None and (not listed or in_list(t))}


def _places_targeted(e) -> set[str]:
    """The places an attack on several places lists as its target, folded ("Kyiv and Odesa" ->
    kyiv, odesa); none for an attack on one."""
    parts = {p.strip().lower() for p in re.split(r",\s*|\s+and\s+", e.target or "") if p.strip()}
    return parts if len(parts) > 1 else set()


def _same_attacker(a, b) -> bool:
    """No attacker named for a, or the same one (by name or country) as b's."""
    if not a.actor:
        return True
    return a.actor == b.actor or bool(a.actor_country and a.actor_country == b.actor_country)


def _same_side(a, b) -> bool:
    if a.actor_country and a.actor_country == b.actor_country:
        return True
    def names(e):
        return {w for w in f"{e.actor or ''} {e.actor_text or ''}".split() if w[:1].isupper()}
    # the words before the statement's trigger name who speaks: "Treasury Secretary Scott
    # Bessent said ... and urged" speaks for the "US Department of the Treasury"
    cut = a.evidence.find(f" {a.trigger}") if a.trigger else -1
    speaker = {w.strip(",.") for w in a.evidence[:cut].split() if w[:1].isupper()} if cut > 0 else set()
    return bool((names(a) | speaker) & names(b))


def _dated(o, ev, day: str, why: str) -> None:
    """Give the event its day and say so in its trace (`sitrep explain`); the day is not told
    in the event's own words (a retelling that has it is no fuller for it)."""
    ev.date = day
    vars(ev)[INHERITED] = why        # not a field: never serialised
    t = o.trace.get(id(ev))
    if t is not None:
        t.reason = f"{t.reason}; date: {why}" if t.reason else f"date: {why}"


def _hours_from(sent, spans) -> bool:
    """"Hours before the army was targeted", "minutes after the blast": the same day as the
    incident told before."""
    doc = sent.doc
    return any(t.lemma_.lower() in spans and (t.i + 1 < len(doc) and
               doc[t.i + 1].lower_ in ("before", "after", "later", "earlier") or
               t.i > 0 and doc[t.i - 1].lower_ == "within") for t in sent)


def _of_other_time(sent, o) -> bool:
    """"before the confrontation", "after the attack": a time told against the incident."""
    return any(t.lower_ in o.other_time and any(c.dep_ == "pobj" and c.lemma_.lower() in o.nouns
                                                for c in t.children) for t in sent)


def _pointing_back(sent, nouns):
    """The definite noun that points back at an incident told before ("the confrontation",
    "the second incident", "the scene"), or None."""
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns and \
                any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return tok
    return None


def _at_the_occasion(sent, ev, nouns, other_time) -> bool:
    """Is the event told as part of an incident told before: its trigger carries "in/at/during
    the <noun>" ("In the second incident, a bomb exploded", "were seized at the scene"), not
    "before the confrontation" nor another predicate's subject ("The violence began when ...")?"""
    triggers = [t for t in sent if t.text == ev.trigger]
    triggers += [t.head for t in triggers if t.head.pos_ in ("VERB", "AUX")]  # "a missile killed"
    for p in (c for t in triggers for c in t.children):
        if p.dep_ == "prep" and p.lower_ not in other_time and \
                any(o.dep_ == "pobj" and o is _pointing_back([o], nouns) for o in p.children):
            return True
    return False


def _day_told_of(an, sent, noun) -> str | None:
    """The day a sentence gives the incident its noun points back at: a day on the noun itself
    ("the shootout Monday") or on the verb the noun is the subject of ("The confrontation
    occurred Monday"), through conjoined verbs ("involved ... and occurred on Monday night")."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verbs = {noun.head.i} | {c.i for c in noun.head.children if c.dep_ == "conj"}
    try:
        mentions = an.dates.mentions_in(sent)
    except Exception:
        return None
    for m in mentions:
        if not m.value or m.kind in ("vague", "timeofday"):
            continue
        root = _mention_root(sent.doc, m)
        if root is not None and (_verb_of(root).i in verbs or noun in root.ancestors):
            return m.value
    return None


def _has_period(an, sent) -> bool:
    """A period with no day in the sentence ("last month"): a background event stays undated."""
    try:
        mentions = an.dates.mentions_in(sent)
    except Exception:
        return False
    return any(m.value is None and m.kind != "timeofday" for m in mentions)


def period(coder, d) -> str | None:
    """The week or month of a dayless event ("last week", "in October"; `dates.period_of`),
    from its clause, else its sentence; a period of another time ("since October") is not it.
    The export codes it as ACLED time_precision 2 or 3; `date` stays None."""
    own = {d.m.tok.i, d.clause.i}
    try:
        spans = (_clause_span(d.clause, d.sent), d.sent)
        mentions = [coder.an.dates.mentions_in(span) for span in spans]
    except Exception:           # a dates failure is noted where dates are read
        return None
    for inside in mentions:
        for m in inside:
            if m.value:
                continue
            root = _mention_root(d.sent.doc, m)
            found = period_of(m, coder.an.dates.published) if root is not None else None
            if found and not other_time(coder, root, own):
                return found
    return None
