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
    """The pobj of an "according to" attached to tok, when it can speak ("according to the
    agency", not "according to the 5-for-5 formula"; "citing officials", not "citing Russia's
    refusal")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    objs = children(p, "pobj")
                    if objs and (can_speak(objs[0]) or told_by(objs[0])):
                        return objs[0]
        if c.dep_ in ("prep", "advcl") and c.lower_ in ("citing", "quoting"):
            objs = children(c, "pobj", "dobj")
            if objs and can_speak(objs[0]):
                return objs[0]
    return None


def can_speak(tok) -> bool:
    """A name, a pronoun, or a noun of people, bodies or documents that carry words
    (data/speaker_nouns.yaml, the actors' group and force nouns), not a rule or a reason
    (data/attribution.yaml `not_sources`)."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
        return True                       # "the ISPR statement"
    words = _source_words()
    lem, low = tok.lemma_.lower(), tok.lower_
    if lem in words["not_sources"] or low in words["not_sources"]:
        return False
    return lem in words["speaking"] or low in words["speaking"]


def told_by(tok) -> bool:
    """A noun whose place in the sentence says it speaks ("according to the reserve management",
    "protection partners reported"): any noun phrase but a rule, plan or reason
    (attribution.yaml `not_sources`) or a label; the construction, not a word list, makes it a
    teller."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.like_num or tok.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return False
    words = _source_words()
    return not {tok.lemma_.lower(), tok.lower_} & (words["not_sources"] | words["labels"])


def _source_words() -> dict:
    from ..knowledge import get_knowledge
    from .roles import W

    def build(k):
        nouns = k.section("speaker_nouns.yaml", "documents", list)
        speaking = set(nouns)
        for key in ("audience", "anonymous", "roles", "bodies", "group_words"):
            speaking |= set(k.section("speaker_nouns.yaml", key, list))
        speaking = {str(w).lower() for w in speaking}
        speaking |= W.force_nouns | W.group_nouns | W.institution_nouns | W.leader_nouns | W.member_nouns
        data = k.yaml("attribution.yaml") or {}
        labels = frozenset(str(w).lower() for w in k.section("speaker_nouns.yaml", "labels", list))
        return {"speaking": frozenset(speaking), "labels": labels,
                **{key: frozenset(str(w).lower() for w in data.get(key) or [])
                   for key in ("not_sources", "belief_verbs", "reported_by_subjects")},
                "acts_by_saying": frozenset(str(w).upper() for w in data.get("acts_by_saying") or [])}
    return get_knowledge().derived("source_words", build)


@dataclass
class _Climb:
    """What the climb from the clause through its governors has found so far."""
    status: str = "occurred"
    reason: str = ""
    source: object | None = None
    governor: object | None = None

    def mark(self, status: str, reason: str, only_if: tuple = ("occurred",)) -> None:
        if self.status in only_if:
            self.status, self.reason = status, reason


STOP = "stop"      # a frame step's answer: climb no further (the clause describes a noun)


def assess(clause, sent, lex: Lexicon, trigger_is_frame: str | None = None) -> Assessment:
    """Status of the event whose clause head is `clause` (the trigger verb or the carrier)."""
    if sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return Assessment(None, "question")
    st = _Climb()
    v = clause
    neg, modal = _modals(v, lex)
    for _ in range(10):
        done = _own_marks(v, neg, modal, st, lex)
        if done is not None:
            return done
        member = _list_member(v)
        if member is not None:
            v = member        # "called on them to respect the law, release the children": one list
        dep, head = v.dep_, v.head
        if head is v or dep == "ROOT" or not (sent.start <= head.i < sent.end):
            break
        step = FRAME_STEPS.get(dep, _frame_other)
        out = step(v, head, st, lex)
        if isinstance(out, Assessment):
            return out
        if out == STOP:
            break
        v = out if out is not None else head
        neg, modal = _modals(v, lex)
        if dep == "conj":
            neg = False       # a conjunct does not inherit its head verb's negation
        if v.lemma_.lower() in lex.frames.get("deny", ()) and neg:
            # "did not deny that ..." is not a denial; stay conservative
            return Assessment(None, f"negated denial ('{v.text}')")
    _source_after(clause, sent, st, lex)
    return Assessment(st.status, st.reason or "asserted by the outlet", st.source, st.governor)


def _bare(v) -> bool:
    """A base form with no subject, no "to", modal or "did" of its own: not a finite statement."""
    return v.tag_ in ("VB", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                                               for c in v.children)


def _opened_before(v, tokens):
    """The last infinitive or base-form complement among tokens that starts before v."""
    opened = [c for c in tokens if c.dep_ in ("xcomp", "ccomp") and c.i < v.i and c.pos_ in ("VERB", "AUX")
              and (c.tag_ in ("VB", "VBP") or any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"))]
    return opened[-1] if opened else None


def _list_member(v):
    """The complement a bare base-form verb belongs to when the parser hung it on the finite verb
    ("called on all parties to respect the law, release the children and allow access": "release"
    and "allow" are more of what was called for; "recommend that the government prioritise
    corridors, guarantee ..."): a base form cannot be a past statement joined to "called", so it
    continues the infinitive or "that" clause opened before it. None when it is no such member."""
    if v.dep_ == "ROOT" and v.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        # the parser made "release" the root after "the envoy called on them to respect X, ..."
        return _opened_before(v, [t for t in v.sent if t.head.i < v.i and t.head.dep_ != "ROOT"])
    if v.dep_ not in ("conj", "advcl") or not _bare(v):
        return None
    head = v.head
    if head.tag_ == "VB" or (v.tag_ == "VBP" and head.tag_ not in ("VBD", "VBN")):
        return None           # joined to another base form (the climb goes on from there), or a present
    return _opened_before(v, head.children)


def _own_marks(v, neg, modal, st: _Climb, lex: Lexicon) -> Assessment | None:
    """The clause's own negation, modal, hedge and "according to"."""
    if neg:
        return Assessment(None, f"negated ('{v.text}')")
    if modal == "conditional":
        return Assessment(None, "conditional (if/unless)")
    if modal == "future":
        st.mark("planned", f"future ('{v.text}' with will/shall)")
    elif modal == "uncertain":
        st.mark("warned", f"modal ('{v.text}' with could/may/would)")
    for c in v.children:
        if c.dep_ == "advmod" and c.lower_ in lex.frames.get("hedge", ()):
            st.mark("claimed", f"hedged ('{c.text}')")
    acc = according_to(v)
    if acc is not None:
        st.source = acc
        st.mark("claimed", "according to")
    return None


def _frame_xcomp(v, head, st: _Climb, lex: Lexicon):
    """"threatened to strike", "refused to sign", "asked him to leave", "plans to attack"."""
    F, hl = lex.frames, head.lemma_.lower()
    if hl in F.get("aspect", ()):
        return None
    if hl in F.get("threat", ()):
        st.status, st.reason, st.governor = "threatened", f"threat frame ('{head.text} to')", head
    elif hl in F.get("deny", ()) or hl == "refuse":
        return Assessment(None, f"refused/denied ('{head.text} to')", governor=head)
    elif hl in F.get("request", ()):
        return Assessment(None, f"requested, not done ('{head.text} ... to')", governor=head)
    elif hl in F.get("plan", ()):
        if st.status in ("occurred", "claimed"):
            st.status, st.reason, st.governor = "planned", f"plan frame ('{head.text} to')", head
    else:
        return Assessment(None, f"unrealised ('{head.text} to')", governor=head)
    return None


def _frame_reported(v, head, st: _Climb, lex: Lexicon):
    """"denied that", "warned that", "threatened that", "urged that", "said that"."""
    F, hl = lex.frames, head.lemma_.lower()
    for frame, status, why in (("deny", "denied", "denied ('{}')"), ("warn", "warned", "warning ('{}')"),
                               ("threat", "threatened", "threat ('{} that')")):
        if hl in F.get(frame, ()):
            st.status, st.reason, st.governor = status, why.format(head.text), head
            st.source = subject_of(head) or st.source
            return None
    if hl in F.get("request", ()) and hl not in F.get("report", ()):
        return Assessment(None, f"requested, not done ('{head.text} that')", governor=head)
    if v.dep_ == "ccomp" and v.tag_ == "VB" and children(v, "nsubj") and \
            not any(c.dep_ in ("aux", "auxpass") for c in v.children) and any(c.lower_ == "that" for c in v.children):
        # "insisted that the army withdraw", "it is vital that donors fund ...": a mandative
        # subjunctive (a base form with a subject of its own) says what should be done
        return Assessment(None, f"what '{head.text}' says should be done ('that ... {v.text}')", governor=head)
    if not _frame_word(hl, lex) and (v.dep_ == "parataxis" or _passive_statement(head) or
                                     hl not in _source_words()["belief_verbs"]):
        # "exchanged prisoners, 5 people returned home", "rockets hit a house; no one was
        # killed": a clause beside another statement, not what someone says or believes
        return STOP
    st.mark("claimed", f"reported ('{head.text}')")
    s = subject_of(head)
    if s is not None and (can_speak(s) or told_by(s) and _active_report(head, s)) and \
            not (s.lower_ == "it" and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)):
        st.source = s             # "it said" is a body; "it was reported that" nobody
    st.governor = st.governor or head
    return None


def _frame_word(lemma: str, lex: Lexicon) -> bool:
    F = lex.frames
    return any(lemma in F.get(k, ()) for k in ("report", "deny", "warn", "threat", "request", "accuse"))


def _passive_statement(head) -> bool:
    """"no one was killed": a passive verb with a subject of its own reports nothing ("it was
    reported that" does)."""
    subj = [c for c in head.children if c.dep_ == "nsubjpass"]
    return bool(subj) and subj[0].lower_ != "it"


def _frame_advcl(v, head, st: _Climb, lex: Lexicon):
    """A reporting adverbial clause is a report; "if"/"unless" and "to ..." are not done."""
    if head.lemma_.lower() in lex.frames.get("report", ()):
        return _frame_reported(v, head, st, lex)
    marks = [c.lower_ for c in v.children if c.dep_ in ("mark", "aux")]
    if any(m in lex.frames.get("conditional_marks", ()) for m in marks):
        return Assessment(None, "conditional (if/unless)")
    if "to" in marks and not children(v, "nsubj"):
        return Assessment(None, f"purpose ('to {v.text}'), not done")
    if v.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in v.children):
        # "..., referring to the city, abandoned by Russian forces last year": a bare participle
        # describes what was named; it is the outlet's gloss, not the speaker's words
        return STOP
    return None


def _frame_pcomp(v, head, st: _Climb, lex: Lexicon):
    """"accused X of bombing", "denied shelling", "without firing", "warned about striking"."""
    while head.dep_ == "conj" and head.head.pos_ == "ADP":
        head = head.head          # "accused X of waging war and of dropping bombs": the first "of"
    if head.dep_ != "prep":
        return STOP
    F, g = lex.frames, head.head
    gl = g.lemma_.lower()
    if head.lower_ in ("without", "instead", "against"):
        return Assessment(None, f"not done ('{head.text} ...')")
    if gl in F.get("accuse", ()):
        st.mark("claimed", f"accusation ('{g.text} ... of')")
        st.source = subject_of(g) or agent_of_passive(g) or st.source
        st.governor = g
    elif gl in F.get("deny", ()):
        st.status, st.reason, st.source, st.governor = "denied", f"denied ('{g.text}')", subject_of(g), g
    elif head.lower_ in ("for", "about", "over", "on", "to", "against"):
        return Assessment(None, f"mentioned as a reason or topic ('{head.text} {v.text}')")
    return g


def _frame_pass(v, head, st: _Climb, lex: Lexicon):
    return None        # a conjunct or an adjectival complement: its head's frame applies


def _frame_other(v, head, st: _Climb, lex: Lexicon):
    return STOP        # relcl, acl, pobj, dobj, subjects ...: the clause describes a noun


FRAME_STEPS = {"xcomp": _frame_xcomp, "ccomp": _frame_reported, "parataxis": _frame_reported,
               "advcl": _frame_advcl, "pcomp": _frame_pcomp, "conj": _frame_pass,
               "acomp": _frame_pass, "csubj": _frame_pass}


def _source_after(clause, sent, st: _Climb, lex: Lexicon) -> None:
    """"..., reported the National Resistance Center": a reporting verb after the clause, else
    an "according to" on the sentence's root."""
    if st.source is not None:
        return
    for c in list(clause.children) + list(sent.root.children):
        if c.dep_ in ("conj", "parataxis", "advcl") and c.i > clause.i and \
                c.lemma_.lower() in lex.frames.get("report", ()) and not children(c, "ccomp", "xcomp"):
            # "..., reported the centre" (the subject after the verb), "..., X told Rudaw" (the
            # subject, never the one told)
            who = [x for x in c.children if x.dep_ == "nsubj" and x.i > c.i] or children(c, "nsubj") or \
                [x for x in c.children if x.dep_ == "dobj" and x.i > c.i and can_speak(x)]
            if who:
                st.source = who[0]
                st.mark("claimed", f"reported ('{c.text}' after the clause)")
                return
    acc = according_to(sent.root)
    if acc is not None:
        st.source = acc
        st.mark("claimed", "according to")
        return
    teller = _teller_of_root(clause, sent, lex)
    if teller is not None:
        st.source = teller
        st.mark("claimed", f"reported ('{sent.root.text}', the sentence's main verb)")


def _active_report(verb, subj) -> bool:
    """An active reporting verb with its own subject ("partners reported", not "was reported")."""
    return subj.dep_ == "nsubj" and subj.head is verb and \
        not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _teller_of_root(clause, sent, lex: Lexicon):
    """"In Kherson, Russian shelling of the district wounded a woman, the city administration
    reported": the sentence's main verb reports, and the event (a noun trigger the climb stopped
    at) lies inside what it reports; its subject tells it."""
    root = sent.root
    if root is clause or root.lemma_.lower() not in lex.frames.get("report", ()):
        return None
    t = clause
    for _ in range(12):
        if t.head.i == root.i or t.head.i == t.i:
            break
        if t.dep_ == "pcomp":
            return None           # "arrested men suspected of firing rockets, a source said"
        t = t.head
    if t.head.i != root.i or t.i == root.i or t.dep_ not in ("ccomp", "parataxis"):
        return None
    subj = children(root, "nsubj")
    if not subj or not (can_speak(subj[0]) or told_by(subj[0])) or subj[0].lower_ == "it":
        return None
    return subj[0]


def agent_of_passive(v):
    for a in v.children:
        if a.dep_ == "agent":
            objs = children(a, "pobj")
            if objs:
                return objs[0]
    return None


def reported_by(sent, lex: Lexicon):
    """The source named by a sentence that credits what was told before it: "This was reported
    by the press service of X" (the agent), "X reported this" (the subject); else None."""
    root = sent.root
    if root.lemma_.lower() not in lex.frames.get("report", ()):
        return None
    subjects = _source_words()["reported_by_subjects"]
    subj = children(root, "nsubjpass", "nsubj")
    objs = children(root, "dobj")
    if subj and subj[0].lower_ in subjects and not children(root, "ccomp", "xcomp"):
        for a in root.children:
            if a.dep_ == "agent":
                by = children(a, "pobj")
                return by[0] if by else None
        return None
    if subj and objs and objs[0].lower_ in subjects and can_speak(subj[0]):
        return subj[0]                        # "the ministry reported this"
    return None


def acts_by_saying() -> frozenset[str]:
    """Types whose act the doer performs by announcing it (data/attribution.yaml)."""
    return _source_words()["acts_by_saying"]
