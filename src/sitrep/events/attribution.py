"""Status and attribution: did the outlet assert the event, report someone's claim, or speak of
something that has not happened (a threat, a plan, a warning, a question, a negation)?

`assess` climbs from the event's clause through its governors (xcomp, ccomp, "accused ... of",
conj, advcl) and reads the frame words listed in the lexicon (`frames:`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .roles import children, subject_of


@dataclass
class Assessment:
    status: str | None                 # None: rejected (see reason)
    reason: str = ""                   # why rejected, or which frame set the status
    source: object | None = None       # token naming who says so (attributed_to)
    governor: object | None = None     # the frame word (e.g. "threatened", "prepared")


NEGATIVE_DETS = {"no", "none", "nobody", "nothing", "neither"}


def _modals(v, lex: Lexicon) -> tuple[bool, str | None]:
    """(negated, modal class) from tok's own aux/neg children ("no soldiers were killed" too)."""
    neg = any(c.dep_ == "neg" or c.lower_ in ("never",) and c.dep_ == "advmod" for c in v.children)
    neg = neg or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and
                     (c.lower_ in NEGATIVE_DETS or any(d.dep_ == "det" and d.lower_ in NEGATIVE_DETS
                                                       for d in c.children))
                     for c in v.children)
    modal = None
    for c in v.children:
        if c.dep_ in ("aux", "auxpass"):
            low = c.lower_
            if low in lex.frames.get("future_modals", ()):
                modal = "future"
            elif low in lex.frames.get("uncertain_modals", ()):
                modal = "uncertain"
        if c.dep_ == "mark" and c.lower_ in lex.frames.get("conditional_marks", ()):
            modal = "conditional"
    return neg, modal


def according_to(tok):
    """The pobj of an "according to" attached to tok."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    objs = children(p, "pobj")
                    if objs:
                        return objs[0]
        if c.dep_ in ("prep", "advcl") and c.lower_ in ("citing", "quoting"):
            objs = children(c, "pobj", "dobj")
            if objs:
                return objs[0]
    return None


def assess(clause, sent, lex: Lexicon, trigger_is_frame: str | None = None) -> Assessment:
    """Status of the event whose clause head is `clause` (the trigger verb or the carrier)."""
    F = lex.frames
    if sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return Assessment(None, "question")
    status, reason, source, governor = "occurred", "", None, None
    v = clause
    neg, modal = _modals(v, lex)
    chain = [v]
    for _ in range(10):
        if neg:
            return Assessment(None, f"negated ('{v.text}')")
        if modal == "conditional":
            return Assessment(None, "conditional (if/unless)")
        if modal == "future" and status == "occurred":
            status, reason = "planned", f"future ('{v.text}' with will/shall)"
        elif modal == "uncertain" and status == "occurred":
            status, reason = "warned", f"modal ('{v.text}' with could/may/would)"
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ in F.get("hedge", ()) and status == "occurred":
                status, reason = "claimed", f"hedged ('{c.text}')"
        acc = according_to(v)
        if acc is not None:
            source = acc
            if status == "occurred":
                status, reason = "claimed", "according to"
        dep, head = v.dep_, v.head
        if head is v or dep == "ROOT" or not (sent.start <= head.i < sent.end):
            break
        hl = head.lemma_.lower()
        if dep == "xcomp":
            if hl in F.get("aspect", ()):
                pass
            elif hl in F.get("threat", ()):
                status, reason, governor = "threatened", f"threat frame ('{head.text} to')", head
            elif hl in F.get("deny", ()) or hl == "refuse":
                return Assessment(None, f"refused/denied ('{head.text} to')", governor=head)
            elif hl in F.get("request", ()):
                return Assessment(None, f"requested, not done ('{head.text} ... to')", governor=head)
            elif hl in F.get("plan", ()):
                if status in ("occurred", "claimed"):
                    status, reason, governor = "planned", f"plan frame ('{head.text} to')", head
            else:
                return Assessment(None, f"unrealised ('{head.text} to')", governor=head)
        elif dep in ("ccomp", "parataxis") or (dep == "advcl" and hl in F.get("report", ())):
            if hl in F.get("deny", ()):
                status, reason, governor = "denied", f"denied ('{head.text}')", head
                source = subject_of(head) or source
            elif hl in F.get("warn", ()):
                status, reason, governor = "warned", f"warning ('{head.text}')", head
                source = subject_of(head) or source
            elif hl in F.get("threat", ()):
                status, reason, governor = "threatened", f"threat ('{head.text} that')", head
                source = subject_of(head) or source
            elif hl in F.get("request", ()) and hl not in F.get("report", ()):
                return Assessment(None, f"requested, not done ('{head.text} that')", governor=head)
            else:
                if status == "occurred":
                    status, reason = "claimed", f"reported ('{head.text}')"
                s = subject_of(head)
                if s is not None and s.lower_ not in ("it",):
                    source = s
                governor = governor or head
        elif dep == "pcomp" and head.dep_ in ("prep",):
            g = head.head
            gl = g.lemma_.lower()
            if head.lower_ in ("without", "instead", "against"):
                return Assessment(None, f"not done ('{head.text} ...')")
            if gl in F.get("accuse", ()):
                if status == "occurred":
                    status, reason = "claimed", f"accusation ('{g.text} ... of')"
                source = subject_of(g) or agent_of_passive(g) or source
                governor = g
            elif gl in F.get("deny", ()):
                status, reason, source, governor = "denied", f"denied ('{g.text}')", subject_of(g), g
            elif head.lower_ in ("for", "about", "over", "on", "to", "against"):
                return Assessment(None, f"mentioned as a reason or topic ('{head.text} {v.text}')")
            head = g
        elif dep == "advcl":
            marks = [c.lower_ for c in v.children if c.dep_ in ("mark", "aux")]
            if any(m in F.get("conditional_marks", ()) for m in marks):
                return Assessment(None, "conditional (if/unless)")
            if "to" in marks and not children(v, "nsubj"):
                return Assessment(None, f"purpose ('to {v.text}'), not done")
        elif dep in ("conj", "acomp"):
            pass
        elif dep in ("relcl", "acl", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"):
            break
        else:
            break
        v = head
        neg, modal = _modals(v, lex)
        if dep == "conj":
            # a conjunct does not inherit its head verb's negation
            neg = False
        if v.lemma_.lower() in F.get("deny", ()) and neg:
            # "did not deny that ..." is not a denial; stay conservative
            return Assessment(None, f"negated denial ('{v.text}')")
        chain.append(v)
    if source is None:
        # "..., reported the National Resistance Center": a reporting verb after the clause
        for c in list(clause.children) + list(sent.root.children):
            if c.dep_ in ("conj", "parataxis", "advcl") and c.i > clause.i and \
                    c.lemma_.lower() in F.get("report", ()) and not children(c, "ccomp", "xcomp"):
                who = [x for x in c.children if x.dep_ in ("nsubj", "dobj") and x.i > c.i] or \
                      children(c, "nsubj")
                if who:
                    source = who[0]
                    if status == "occurred":
                        status, reason = "claimed", f"reported ('{c.text}' after the clause)"
                    break
    if source is None:
        root = sent.root
        acc = according_to(root)
        if acc is not None:
            source = acc
            if status == "occurred":
                status, reason = "claimed", "according to"
    return Assessment(status, reason or "asserted by the outlet", source, governor)


def agent_of_passive(v):
    for a in v.children:
        if a.dep_ == "agent":
            objs = children(a, "pobj")
            if objs:
                return objs[0]
    return None
