"""When an event happened: the day of its clause, else of the statement reporting it.

`date(coder, d)` picks, of the resolved date mentions in the event's clause, the one nearest the
trigger in the dependency tree; `dates_of` ranks them and leaves out dates of another time
("after Tuesday's election", "since May 7").

`coder` is the coder.py Coder (its an, lex, actors, ctx), `d` a coder.py Draft; coder.py imports
this module, never the reverse.
"""
from __future__ import annotations

from ..dates import KIND_RANK


def date(coder, d) -> str | None:
    """The day of the event: of the dates in its clause, the one nearest the trigger in the
    dependency tree ("after her defeat in Tuesday's election, she spoke on Saturday": the
    call is Saturday's), else the sentence's; a date that belongs to another noun ("Tuesday's
    election") is that noun's. A failure of the dates stage must not cost the article its
    events: it is noted in `an.errors` and the date left null."""
    heads = [d.m.tok] + ([d.clause] if d.clause.i != d.m.tok.i else [])
    found = dates_of(coder, heads, _clause_span(d.clause, d.sent))
    if not found:
        # the day of the statement that reports it ("the ministry said on Sunday"), not the
        # day of another clause of the sentence
        governors = _governors(d.clause)
        found = [m for m in dates_of(coder, heads, d.sent)
                 if _verb_of(_mention_root(d.sent.doc, m)).i in governors]
    return found[0].value if found else None


def other_time(coder, root, own: set[int]) -> bool:
    """Does a date name another time than the event's: a time it happened after, before or
    since ("after Tuesday's election", "since May 7"), as opposed to "during Sunday mass"?"""
    other = coder.lex.word_list("other_time_preps")
    t = root
    for _ in range(8):
        if t.i in own or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in other:
            return True       # "since the coup on July 26", "after Tuesday's election"
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
        dist = min(_tree_distance(root, h) for h in heads)
        ranked.append(((KIND_RANK.get(m.kind, 5) >= 5, dist, KIND_RANK.get(m.kind, 5), m.start), m))
    return [m for _, m in sorted(ranked, key=lambda x: x[0])]


def _governors(clause) -> set[int]:
    """The verbs a clause is reported or framed by ("said on Sunday that ..."), through its
    conjuncts; a conjoined clause itself is another statement, not a governor."""
    out, t = set(), clause
    for _ in range(8):
        if t.head.i == t.i:
            break
        if t.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "pcomp", "pobj", "prep"):
            out.add(t.head.i)
        elif t.dep_ != "conj":
            break
        t = t.head
    return out


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
    span = _clause_span(d.clause, d.sent)
    try:
        mentions = coder.an.dates.mentions(span.doc)
    except Exception:  # a dates bug is noted by dates_of; here it only means "no period known"
        return False
    if any(m.value is None and m.kind != "timeofday" and span.start_char <= m.start and
           m.end <= span.end_char for m in mentions):
        return True
    # a bare year ("disarmed in 2017"): the dates stage leaves years alone
    return any(t.ent_type_ == "DATE" and t.dep_ == "pobj" and t.is_digit and len(t.text) == 4
               for t in span)
