"""Event targets: who or what an act was done to, when the verb's own object is not it.

Two kinds of step, both mechanisms over the parse with their words in `event_targets.yaml`:

- token steps (`target_token`, `refine_token`) run while the coder reads the roles off the parse:
  the part of a thing is the thing ("the grounds of the depot"), a seizure of weapons is done to
  the party they were taken from, a release to the people let go, a withdrawal to where it left,
  an attack told by a verb takes the target of the attack noun of its clause ("killed ten people
  during their attack against the town of X"), a state of emergency the place it covers;
- role steps (`settle`) run once the event has its actor and place: a state's forces as target
  keep the article's words with their country ("Iraqi forces", IQ), one victim is "civilian",
  a vow to respond targets the last attacker, a fight between parties targets "each other",
  a campaign in a country targets that country, civilians hit abroad take the country they were
  hit in.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import KnowledgeError, WordLists
from .roles import W, Role, children, is_passive, mutual, prep_objects, resolve

FILE = "event_targets.yaml"
T_PROTEST_REACH = 3           # sentences after a protest in which arrests are of protesters
T_ADDRESS_REACH = 8           # sentences back in which an act may be what a statement answers


def _build_words(kb) -> dict[str, frozenset[str]]:
    try:
        data = kb.yaml(FILE)
    except KnowledgeError:
        data = {}               # a small test Knowledge without the file: no lists
    out = {}
    for k, v in (data or {}).items():
        if not isinstance(v, list):
            raise KnowledgeError(f"{kb.path(FILE)}: `{k}` must be a list of words")
        bad = [w for w in v if isinstance(w, bool) or not isinstance(w, (str, int, float))]
        if bad:
            raise KnowledgeError(f"{kb.path(FILE)}: `{k}`: not a word: {bad[0]!r} (quote on/off/yes/no)")
        out[str(k)] = frozenset(str(w).strip().lower() for w in v)
    return out


class _TargetWords(WordLists):
    """`T.part_nouns`, `T.seizure_verbs` ...: the lists of event_targets.yaml (empty when absent)."""

    def __init__(self):
        super().__init__("target_words", _build_words)


T = _TargetWords()


@dataclass
class TargetMemory:
    """What the story so far tells a later target: the party the last attack was done to."""
    last_fought: tuple | None = None     # (actor, target) of the last fight with an armed target
    attackers: list = None        # (actor, target) of the hostile acts told so far, in order
    last_target: dict = None      # type -> the target of the last event of that type
    last_protest: int = -99       # sentence index of the last protest told
    acts: list = None             # (actor, target, sentence index) of every act told, in order
    inferred: set = None          # ids of events whose target came from the story, not their words

    def __post_init__(self):
        self.attackers, self.last_target, self.acts, self.inferred = [], {}, [], set()


def _lem(tok) -> str:
    return tok.lemma_.lower()


def _is(tok, words) -> bool:
    return tok is not None and (_lem(tok) in words or tok.lower_ in words)


# ---------------------------------------------------------------- token steps

def refine_token(tok):
    """The token that names the target: the whole a part belongs to ("the grounds of the oil
    depot" -> depot, "swaths of land in Iraq" -> Iraq, "control of the town" -> town), the name
    a rank noun stands beside ("a senior commander, Abu Bakr," -> Abu Bakr)."""
    if tok is None:
        return None
    chain = [tok]
    verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
    for _ in range(4):
        t = chain[-1]
        of = prep_objects(t, {"of"}) if t.pos_ in ("NOUN", "ADJ", "PRON") and (
            _is(t, T.part_nouns) or _is(t, T.hold_nouns)) else []
        if not of and len(chain) == 1 and verb is not None and _is(t, T.hold_nouns):
            of = prep_objects(verb, {"of"})       # "took control of most of the country", misparsed
        if not of and _is(t, T.part_nouns) and not any(c.dep_ == "compound" for c in t.children):
            of = [c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"]   # "the country's north"
        if not of and len(chain) == 1:
            of = _property_owner(t)       # "positions held by the 33rd Front" -> the 33rd Front
        if not of:
            break
        chain.append(of[0])
    if _is(chain[-1], T.land_nouns) and chain[-1].pos_ == "NOUN" and \
            not any(c.dep_ == "compound" for c in chain[-1].children):     # "a training ground" is a place
        # "land in Iraq", "swaths of land in Iraq", "Iraq's land": the place the land is in
        near = reversed(chain) if verb is None else [*reversed(chain), verb]
        where = [o for t in near for o in prep_objects(t, T.land_preps)
                 if o.ent_type_ in ("GPE", "LOC") or o.pos_ == "PROPN"]
        where += [c for c in chain[-1].children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if where:
            chain.append(where[0])
    return _not_a_thing(_named_apposition(chain[-1]))


def _property_owner(tok) -> list:
    """"positions held by the 33rd Front", "a vehicle of the SDF", "the hospital's courtyard",
    "a bus carrying police officers": a thing that is only someone's property (`owned_nouns`)
    is done to its owner, named by "of", a possessive, an agent of `owner_verbs` or what it carries."""
    if tok.pos_ != "NOUN" or not _is(tok, T.owned_nouns):
        return []
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    owners += [o for o in prep_objects(tok, {"of"}) if o.pos_ in ("PROPN", "NOUN") and not o.like_num]
    for v in children(tok, "acl", "relcl"):
        if _is(v, T.owner_verbs):
            owners += [o for a in v.children if a.dep_ == "agent" for o in children(a, "pobj")]
            owners += prep_objects(v, {"to"}) if _lem(v) == "belong" else []
        if v.tag_ == "VBG" and _is(v, T.carry_verbs):
            owners += [o for o in children(v, "dobj") if o.pos_ in ("PROPN", "NOUN")]
    owners += _named_owner(tok)
    return [o for o in owners if not _is(o, T.owned_nouns)][:1]


def _named_owner(tok) -> list:
    """"three Houthi drone boats", "a UNIFIL position", "an RSF convoy": the body a modifier
    names (a party of the actor table that keeps its name: a group, a mission, an agency; not
    a state, whose "Russian positions" stay the positions of that side)."""
    from .actors import load_actors

    actors = load_actors()
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    mods += [g for c in mods if c.pos_ == "NOUN" for g in c.children if g.dep_ in ("compound", "amod")]
    for c in mods:
        if c.dep_ not in ("compound", "amod", "nmod") or c.i > tok.i or not c.text[:1].isupper():
            continue
        known = actors.lookup(c.text)
        if known is not None and known.keep_name and known.kind != "person":
            return [c]
    return []


def _not_a_thing(tok):
    """A state of things is no target ("shook the fragile calm"); a quantified generic noun
    ("retake every village", "some areas") is the place named beside it, else (a noun of
    places) none."""
    if tok.pos_ not in ("NOUN", "ADJ") or tok.ent_type_:
        return tok
    named = any(c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_)
                for c in tok.children)
    if named:
        return tok
    if _is(tok, T.condition_nouns):
        return None
    if tok.pos_ != "NOUN" or not any(c.dep_ in ("det", "amod", "predet") and _is(c, T.quantifier_words)
                                     for c in tok.children):
        return tok
    verb = [tok.head] if tok.dep_ == "dobj" else []       # "burned some villages near Djibo"
    for head in [tok, *verb]:
        beside = [o for p in head.children if p.dep_ == "prep" and p.lower_ in T.land_preps | {"around", "near"}
                  for o in children(p, "pobj") if o.ent_type_ in ("GPE", "LOC", "FAC") or o.pos_ == "PROPN" or
                  any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children)]
        if beside:
            return beside[0]
    return None if _is(tok, T.site_nouns | T.part_nouns) else tok     # "several houses were torched"


def _named_apposition(tok):
    if tok.pos_ != "NOUN" or tok.ent_type_ or tok.tag_ != "NN":
        return tok            # "two soldiers – Sepoy A and Sepoy B": the group, not its members
    names = [c for c in tok.children if c.dep_ == "appos" and
             (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"))]
    return names[0] if names else tok


def target_token(tok, info, lex, target_tok):
    """The target token a type's own frame gives when the generic reading found none, or found
    a thing that is not the party (the weapons seized, the prisoners as "content")."""
    if info.raises_people:
        passive = {c.i for c in children(tok, "nsubjpass")}
        objs = children(tok, "dobj")
        objs += [o for c in objs for o in prep_objects(c, {"of"})]      # "thousands of fighters"
        raised = passive | {c.i for c in objs if not _named(c)}
        if target_tok is not None and target_tok.i in raised:
            target_tok = None     # "police were placed on high alert", "recruited fighters": raised
        against = [o for t in tok.subtree for o in prep_objects(t, {"against"})]
        return against[0] if against and target_tok is None else target_tok   # "to fight against X"
    if _is(tok, T.seizure_verbs) and (target_tok is None or _is(target_tok, T.seized_things)):
        things = [target_tok] if target_tok is not None else children(tok, "dobj", "nsubjpass")
        taken_from = prep_objects(tok, T.from_preps) or [o for t in things for o in prep_objects(t, T.from_preps)]
        if taken_from:
            return taken_from[0]          # "weapons were recovered from the militants"
    if _is(tok, T.seizure_verbs) and target_tok is not None and target_tok.dep_ == "pobj":
        taken = [o for o in children(tok, "dobj", "nsubjpass") if target_tok.head.head.i in (o.i, tok.i)
                 and target_tok.head.lower_ not in T.from_preps and _is(o, T.seized_things)]
        if taken:
            return taken[0]               # "seized fuel trucks on the road": the trucks
    if info.violent and (target_tok is None or _is(target_tok, T.fire_nouns)):
        aimed = _aimed_at(tok) or _aimed_clause(tok)   # "opened fire on worshippers"; "..., targeting X"
        if aimed is not None:
            return aimed
    if info.name == "RETREAT" and _is(tok, T.withdrawal_verbs):
        # "were evacuated from the front-line communities": where they left, not who moved
        away = _from_place(tok)
        if away is not None:
            return _named_site(away)
        if target_tok is not None and (_lem(target_tok) in lex.people_nouns or
                                       target_tok.lower_ in lex.people_nouns):
            return None
        if target_tok is not None and _is(target_tok, T.site_nouns):
            return _named_site(target_tok)        # "evacuated its base in Tessalit" -> Tessalit
    if target_tok is None and info.name == "RETREAT":
        return _named_site(_retreat_target(tok))
    if info.target_in_content and (target_tok is None or _is(target_tok, T.attack_nouns)):
        # "threatened more strikes on Russian oil facilities", "warned of attacks on shipping"
        acts = children(tok, "dobj") + prep_objects(tok, {"of", "with"})
        hit = [o for a in acts if _is(a, T.attack_nouns) for o in prep_objects(a, T.attack_preps)]
        if hit:
            return hit[0]
    if info.asks and (target_tok is None or _is(target_tok, T.asked_act_nouns)):
        return _asked_party(tok) or target_tok
    if target_tok is None and _is(tok, T.in_place_nouns):
        return _place_covered(tok)
    if target_tok is None or _measure(target_tok):
        covered = [c for o in children(tok, "dobj") if _measure(o)
                   for c in [_place_covered(o) or _place_covered(tok)] if c is not None]
        if covered:
            return covered[0]             # "declared a state of emergency in the province"
    return target_tok


def _aimed_clause(tok):
    """"Russia launched 300 drones overnight, targeting energy facilities in Lviv": what the
    participle clause of a violent verb says it aimed at or hit (`aim_verbs`)."""
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and _is(c, T.aim_verbs):
            objs = [o for o in children(c, "dobj") if o.pos_ in ("NOUN", "PROPN")]
            if objs:
                return objs[0]
    return None


def _dative(tok):
    """The one a verb gives or offers to: "offered Hamas a truce" (its dative), "sent aid to
    Kyiv" (a dative "to"), a name or a noun of people, never a thing."""
    for c in children(tok, "dative"):
        o = children(c, "pobj")[0] if c.pos_ == "ADP" and children(c, "pobj") else c
        if o.pos_ in ("PROPN", "NOUN") and o.ent_type_.lower() not in T.not_aimed_labels:
            return o
    return None


def _aimed_at(tok):
    """What a violent verb whose object is its fire or munition was aimed at: "opened fire on
    worshippers", "rained shells on the market", "dropped barrel bombs on Daraa" (the verb's, or
    its object's, on/at/upon/against object; never a day or a time: "on Sunday", "at dawn")."""
    heads = [tok, *[o for o in children(tok, "dobj") if _is(o, T.fire_nouns)]]
    for head in heads:
        for o in prep_objects(head, T.aimed_preps):
            if o.pos_ in ("NOUN", "PROPN") and o.ent_type_.lower() not in T.not_aimed_labels and \
                    not _is(o, T.not_aimed_nouns):
                return o
    return None


def side_modifier(tok, actors):
    """"rejected the latest Israeli proposal", "the Ukrainian peace plan", "the RSF claim": the
    modifier of an abstract noun that names whose it is (a demonym or a party the table knows),
    else None."""
    for c in tok.children:
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        if c.lower_ in actors.demonyms and c.pos_ in ("ADJ", "PROPN", "NOUN"):
            return c
        known = actors.lookup(c.text) if c.pos_ == "PROPN" else None
        if known is not None and known.kind != "person":
            return c
    return None


def _named_site(tok):
    """"withdrew its units from the camp of Zamzam", "out of the base of Tessalit": the place
    left is the one the site is named by."""
    if tok is None or tok.pos_ != "NOUN" or not _is(tok, T.site_nouns):
        return tok
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else tok
    named = [o for h in (tok, verb) for o in prep_objects(h, T.site_preps or {"of"})
             if o.i != tok.i and (o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"))]
    return named[0] if named else tok     # (the parser may hang "at Ber" on the verb)


def _measure(tok) -> bool:
    """"a curfew", "a state of emergency", "martial law": a measure laid over a place."""
    return _is(tok, T.in_place_nouns) or any(_is(o, T.in_place_nouns) for o in prep_objects(tok, {"of"}))


def _asked_party(tok):
    """"demanded that the RSF lift the siege", "called for Israel to halt": who is to do the
    asked act; "demanded the withdrawal of Rwandan troops": whose act it is."""
    for c in children(tok, "ccomp", "advcl", "xcomp"):
        marks = {m.lower_ for m in children(c, "mark", "aux")}
        if marks & {"that", "for", "to"} or not marks:
            who = [w for w in children(c, "nsubj", "nsubjpass") if w.pos_ in ("PROPN", "NOUN", "PRON")]
            if who and who[0].lower_ not in ("it", "this", "that", "there"):
                return who[0]
    if any(c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in children(c, "aux")) for c in tok.children):
        # "called for Sweden to extradite", "called on the Kenyan-led Multinational Security
        # Support mission to protect": a body named by its own capitalised words
        named = [o for o in prep_objects(tok, {"for", "on", "upon"}) if o.pos_ == "PROPN" or o.ent_type_ or
                 any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children)]
        if named:
            return named[0]               # "called for Sweden to extradite"
    for o in children(tok, "dobj"):
        if _is(o, T.asked_act_nouns):
            doer = prep_objects(o, {"of", "by"}) + [c for c in o.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if doer:
                return doer[0]
    return None


def _named(tok) -> bool:
    """A named body, or people named by one ("VDP volunteers", "Wagner fighters")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ not in ("", "CARDINAL", "QUANTITY", "DATE") or any(
        c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "NORP"))
        for c in tok.children)


def _retreat_target(tok):
    """"withdrew from Krynky" -> Krynky; "freed four Israeli hostages" -> the hostages."""
    if _is(tok, T.withdrawal_verbs):
        away = prep_objects(tok, T.from_preps | {"out"})
        if away:
            return away[0]
        objs = children(tok, "dobj")          # "abandoned the town"
        return objs[0] if objs else None
    if _is(tok, T.release_verbs):
        objs = children(tok, "nsubjpass") if is_passive(tok) else children(tok, "dobj")
        return objs[0] if objs else None
    return None


def _from_place(tok):
    """The object of a "from" in the verb's own clause (the parser may hang it on a nearby noun:
    "since the beginning of the week from the front-line communities were evacuated")."""
    for p in tok.subtree:
        if p.dep_ == "prep" and p.lower_ in T.from_preps | {"out"}:
            v = p.head
            while v.pos_ != "VERB" and v.i != tok.i and v.head.i != v.i:
                v = v.head
            if v.i == tok.i:
                objs = children(p, "pobj") or [c for q in p.children if q.dep_ == "prep" for c in children(q, "pobj")]
                if objs:
                    return objs[0]
    return None


def _place_covered(tok):
    """"a state of emergency in the province", "a curfew on Kano": the place the measure covers."""
    for head in (tok, *[c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                        for c in p.children if c.dep_ == "pobj"]):
        where = prep_objects(head, T.in_place_preps)
        if where:
            return where[0]
    return None


def attack_noun_target(tok, lex):
    """"killed ten people during their attack against the town of Macomia": a violent verb's
    clause names the attack it was part of, and that attack's target is the act's target."""
    preps = T.attack_preps
    verbs = [tok, *[c for c in tok.conjuncts if c.pos_ == "VERB"]]   # "killed ..., looted ... during"
    for p in [p for v in verbs for p in v.children]:
        if p.dep_ != "prep":
            continue
        for n in children(p, "pobj"):
            if _is(n, T.attack_nouns):
                hit = [o for o in prep_objects(n, preps) if o.ent_type_ not in ("DATE", "TIME")]
                if hit:
                    return hit[0]
    return None


def relative_victims(tok, lex):
    """"an IED exploded in the area of X in which two soldiers were killed": the victims of a
    casualty clause hung on the attack or on its place by "in which" / "killing"."""
    harm = lex.word_list("casualty_words") | lex.carriers.get("casualty", frozenset())
    heads = [tok] + [o for p in tok.children if p.dep_ == "prep" for o in children(p, "pobj")]
    heads += [c for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for c in children(p, "pobj")]
    for h in heads:
        for rel in children(h, "relcl", "advcl"):
            if not any(p.lower_ in ("in", "during") and any(w.lower_ == "which" for w in p.children)
                       for p in rel.children if p.dep_ == "prep"):
                continue
            words = {_lem(t) for t in rel.subtree} | {t.lower_ for t in rel.subtree}
            if not words & harm and not any(w.startswith("martyr") for w in words):
                continue
            who = children(rel, "nsubjpass", "nsubj")
            who = [w for w in who if w.pos_ in ("NOUN", "PROPN")]
            if who:
                return who[0]
    return None


# ---------------------------------------------------------------- role steps

def settle(coder, d) -> None:
    """The role steps, in order, on a draft that has its actor and place (see the module doc).
    Each step that changes the target says so in `d.paths` (shown by `sitrep explain`)."""
    for step in (_no_bare_number, _relative_head, _the_two_sides, _place_named_beside, _place_named_before, _answered_attacker, _threat_goes_on, _fought_with, _each_other, _between_sides, _one_way_dyad, _campaign_country,
                 _seized_from_last_fought, _kept_in_words, _same_as_before, _protest_addressee, _arrested_protesters, _accused_doer, _given_to, _not_the_actor, _addressed_party, _denied_deed,
                 _forces_in_words, _members_in_words, _authorities_of_place,
                 _people_in_words, _one_victim, _victims_country, _owner_country, _clean_name):
        step(coder, d)


def remember(coder, d) -> None:
    """After an event is emitted: an armed party it was done to is the party last fought."""
    t, mem = d.target, coder.tmem
    if (d.info.violent or d.etype.lower() in T.hostile_types) and d.actor is not None:
        mem.attackers.append((d.actor, t))
    if t is not None and t.name != "each other":
        mem.last_target[d.etype] = t
    if d.actor is not None and t is not None and t.name != "each other":
        mem.acts.append((d.actor, t, d.si, d.etype.lower()))
    if d.etype == "PROTEST":
        mem.last_protest = d.si
    if d.info.violent and t is not None and t.place is None and t.name != "each other" and (
            t.sector in coder.lex.word_list("armed_sectors") or
            (d.target_tok is not None and _is(d.target_tok, coder.lex.word_list("armed_nouns")))):
        coder.tmem.last_fought = (d.actor, t)


def _kept_in_words(coder, d) -> None:
    """A common noun the parse gave as target but no party table knows, kept in the article's
    words when it still names who or what the act was done to: the site a withdrawal left
    ("withdrew from the main police station"), a body named by its kind and a modifier
    ("sanctions on four shipping firms", "called on all the armed formations"), the thing a
    refusal rejects when its words tell which one ("dismissed a European counterproposal",
    "rejected the 2016 peace agreement"; a bare "the claim" stays none)."""
    tok = d.target_tok
    custody = _is(d.m.tok, T.custody_words)
    if tok is None and d.m.tok.pos_ == "NOUN" and (d.etype.lower() in T.refusal_types or custody):
        tok = (prep_objects(d.m.tok, {"of"}) or [None])[0]      # "his rejection of renewed conflict"
    if d.target is not None or tok is None or tok.pos_ != "NOUN" or tok.ent_type_ in ("DATE", "TIME"):
        return
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nummod", "nmod", "npadvmod")
            and not c.like_num and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")]
    sites = T.site_nouns | coder.lex.word_list("physical_targets")
    if d.etype == "RETREAT" and _is(tok, sites) and tok.dep_ == "pobj" and tok.head.lower_ in T.from_preps | {"out", "of"}:
        why = "the site left"
    elif custody and d.target is None and (_lem(tok) in coder.lex.people_nouns or (
            tok.tag_ == "NNS" and any(tok.lower_.endswith(e) for e in T.person_endings))):
        why = "the people taken"          # "the arrest of two officers"
    elif _is(tok, T.body_nouns) and (mods or any(_is(c, T.quantifier_words) for c in tok.lefts)):
        why = "a body named by its kind"
    elif d.etype.lower() in T.refusal_types and tok.dep_ in ("dobj", "pobj") and (mods or any(
            c.dep_ == "nummod" or c.ent_type_ == "DATE" for c in tok.lefts)) and not _is(tok, T.condition_nouns):
        why = "the thing refused"
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nummod", "nmod") and c.pos_ != "DET"]
    else:
        return
    name = " ".join([c.text for c in mods] + [tok.text])
    d.target = Role(name, None, None, {tok.i}, None, name)
    d.paths.append(f"target: {why}, in the article's words ('{name}')")


def _protest_addressee(coder, d) -> None:
    """A protest is made to a party, not to the square it fills: the one whose act it is
    against ("against a conscription campaign by the SDF-led administration"), the one it
    demands act ("demanding that the government free the prisoners", "to demand the departure
    of American troops"), else the government of the country it is held in ("protested against
    power cuts" in Aden -> the Yemeni government; `government_label`)."""
    t, tt = d.target, d.target_tok
    where = tt is not None and tt.dep_ == "pobj" and tt.head.lower_ in T.protest_site_preps
    if d.etype != "PROTEST" or (t is not None and t.place is None and not where):
        return
    heads = [h for h in (d.m.tok, d.m.carrier) if h is not None]
    found = _protested_party(coder, d, heads)
    if found is not None:
        d.target, why = found
        d.paths.append(f"target: {why} ('{d.target.name}')")
        return
    cc = d.where_cc or (t.country if t is not None else None)
    a = d.actor
    if not cc or (a is not None and (a.sector in ("government", "military", "police") or not a.name[:1].islower())):
        return                    # a state's own rally, or a named body's: its target is its own words
    adjective = coder.actors.adjectives.get(cc)
    label = next(iter(T.government_label), "{adjective} government")
    if adjective:
        name = label.format(adjective=adjective)
        d.target = Role(name, cc, "government", set(), None, None)
        d.paths.append(f"target: the government of the country it is held in ('{name}')")


def _protested_party(coder, d, heads):
    """(Role, why) of the party a protest names: who did what it is against, or who it demands act."""
    for o in [o for h in heads for o in prep_objects(h, {"against"})]:
        doers = [c for t in o.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by" for c in children(t, "pobj")]
        doers += [c for c in o.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        for who in doers + [o]:
            r = resolve(who, coder.an, coder.actors, coder.ctx)
            if r is not None and r.place is None and (r.country or r.sector or who.pos_ == "PROPN"
                                                     or who.i != o.i):
                return r, "whose act the protest is against"
    for h in heads:
        for v in [h, *[c for c in h.children if c.dep_ in ("advcl", "xcomp", "conj") and _is(c, T.demand_verbs)]]:
            if v is not h or _is(v, T.demand_verbs):
                who = _asked_party(v)
                r = resolve(who, coder.an, coder.actors, coder.ctx) if who is not None else None
                if r is not None and r.place is None:
                    return r, "whom the protest demands act"
    return None


def _no_bare_number(coder, d) -> None:
    """"killing nine people and injuring 41": a number is no target; the people of the
    conjoined verb it counts are ("people" -> civilians), else none."""
    t, tok = d.target, d.target_tok
    if t is None or tok is None or not tok.like_num or not t.name.replace(",", "").replace(".", "").isdigit():
        return
    d.target = None
    verbs = [tok.head, *tok.head.conjuncts] if tok.head.pos_ == "VERB" else []
    for o in [o for v in verbs for o in children(v, "dobj", "nsubjpass") if o.i != tok.i and not o.like_num]:
        r = resolve(o, coder.an, coder.actors, coder.ctx, as_target=True)
        if r is not None:
            d.target, d.target_tok = r, o
            d.paths.append(f"target: the people a bare number counts ('{r.name}')")
            return


def _the_two_sides(coder, d) -> None:
    """"urged both countries to show restraint", "met the two delegations separately": a pair
    named by its kind (`pair_nouns` with "both" / "two") is the last two parties the story told
    acting on each other, other than the speaker's side."""
    t, tok = d.target, d.target_tok
    if t is None or tok is None or tok.tag_ != "NNS" or not _is(tok, T.pair_nouns) or \
            not any(c.lower_ in ("both", "two") for c in tok.children):
        return
    own = _own_side(d) if d.actor is not None else (set(), set())
    parties: list = []
    for a, tt, _si, _k in reversed(coder.tmem.acts):
        for r in (tt, a):
            if r is None or r.name == "each other" or (r.place is not None and not r.sector) or \
                    not (r.country or r.sector):
                continue                  # (a town hit is no side)
            if not r.sector:              # "Iranian air defences": a thing of a state stands for the state
                r = coder.actors.state_of(r.country)
                r = Role(r.name, r.country, r.sector) if r is not None else None
                if r is None:
                    continue
            if _same_side(r, own) or any(_same_side(r, _side_of(p)) for p in parties):
                continue
            if " and " in r.name:
                return                    # a side of several parties: which two is not told
            parties.append(r)
        if len(parties) >= 2:
            break
    if len(parties) >= 2:
        a, b = parties[1], parties[0]
        d.target = Role(f"{a.name} and {b.name}", None, None, t.tokens, None, t.text)
        d.paths.append(f"target: the two sides the story told ('{d.target.name}')")


def _relative_head(coder, d) -> None:
    """"the 23 UN staff members they have detained", "the town the rebels captured": a relative
    clause with a subject of its own and no object is done to the noun it describes."""
    tok = d.m.tok
    if d.target is not None or tok.dep_ != "relcl" or children(tok, "dobj") or not children(tok, "nsubj"):
        return
    head = tok.head
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("DATE", "TIME") or _is(head, T.not_aimed_nouns) or \
            any(c.lower_ in ("where", "when", "why", "how") for c in tok.children):
        return
    r = resolve(head, coder.an, coder.actors, coder.ctx, as_target=True)
    kinds = coder.lex.people_nouns | coder.lex.word_list("physical_targets") | T.body_nouns | T.site_nouns
    if r is None and head.pos_ == "NOUN" and _is(head, kinds):
        words = [c.text for c in head.lefts if c.dep_ in ("amod", "compound") and not c.like_num] + [head.text]
        r = Role(" ".join(words), None, None, {head.i}, None, " ".join(words))
    if r is not None:
        d.target, d.target_tok = r, head
        d.paths.append(f"target: the noun its relative clause describes ('{r.name}')")


def _same_as_before(coder, d) -> None:
    """"Japan also announced sanctions on Monday": an act of a type that names no target is done
    to the target of the last act of that type the article told (types in `same_target_types`);
    so is "a similar rally" of any type (`similar_words`)."""
    similar = any(c.dep_ == "amod" and _is(c, T.similar_words) for c in d.m.tok.children)
    if d.target is not None and not (similar and d.target.place is not None):
        return                    # "a similar rally in Zinder": the place is where, not whom
    if d.etype.lower() not in T.same_target_types and not similar:
        return
    last = coder.tmem.last_target.get(d.etype)
    if last is not None and not (d.actor is not None and _same_side(last, _own_side(d))):
        d.target = last
        d.paths.append(f"target: that of the last {d.etype} told ('{last.name}')")


def _arrested_protesters(coder, d) -> None:
    """"police arrested 47 people" in a protest story: the people arrested are protesters."""
    if d.etype != "COERCE" or not _is(d.m.tok, T.arrest_words):
        return
    t, tok = d.target, d.target_tok
    if t is not None and not (t.sector == "civilian" and not t.country):
        return
    if t is not None and tok is not None and not _is(tok, T.crowd_nouns):
        return                    # "detained 15 young men", "the UN staff they detained": their words
    words = {_lem(w) for w in d.sent} | {w.lower_ for w in d.sent}
    if d.si - coder.tmem.last_protest > T_PROTEST_REACH and not words & T.protest_words:
        return
    d.target = Role("protesters", None, "civilian", t.tokens if t else set(), None, t.text if t else None)
    d.paths.append("target: protesters (people arrested in a protest)")


def _accused_doer(coder, d) -> None:
    """"condemned the US strikes on Hodeidah": the accused is who struck, not the place struck;
    "condemned Ethiopia's deal with Somaliland": the one whose act it is."""
    if d.etype != "ACCUSE":
        return
    objs = children(d.m.tok, "dobj") or prep_objects(d.m.tok, {"about", "over", "for"})
    if not objs:
        return
    W_ = coder.lex.word_list
    violent = _is(objs[0], W_("attack_nouns") | W_("violent_nouns"))
    if d.target is None or (d.target_tok is not None and d.target_tok.i in {t.i for t in objs[0].subtree}
                            and d.target_tok.i != objs[0].i) or (violent and d.target.place is not None):
        doer = coder._doer_of_object(d.m.tok) or _by_agent(coder, objs) or (
            None if is_passive(d.m.tok) else _by_agent(coder, [p for p in d.m.tok.children
                                                              if p.dep_ == "prep" and p.lower_ == "by"]))
        owner = [c for c in objs[0].children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if doer is None and owner:
            doer = resolve(owner[0], coder.an, coder.actors, coder.ctx)
        if doer is None and violent and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
                                            for c in objs[0].children) and not _names_accused(d.m.tok):
            doer = _last_attacker(coder, d)      # "condemned the attack" told after it
        if doer is not None:
            d.target = doer
            d.paths.append(f"target: who did the condemned act ('{doer.name}')")


def _names_accused(tok) -> bool:
    """"condemned the attack, accusing the ELN of ...": the sentence names the accused itself."""
    return any(o.pos_ == "PROPN" or o.ent_type_ for c in children(tok, "advcl", "conj", "xcomp")
               for o in children(c, "dobj"))


def _last_attacker(coder, d) -> Role | None:
    """The doer of the last hostile act the article told, of another side than the accuser;
    first one done to the accuser's own side ("the government condemned the attack")."""
    own = _own_side(d)
    others = [(a, t) for a, t in reversed(coder.tmem.attackers) if a is not None and not _same_side(a, own)]
    hit_us = [a for a, t in others if t is not None and _same_side(t, own)]
    return (hit_us or [a for a, _ in others] or [None])[0]


def _by_agent(coder, objs) -> Role | None:
    """"complained about the aggression by Ukraine", "condemned the killing of civilians by the
    RSF": the named doer of the act the accusation is about."""
    for o in objs:
        for t in o.subtree:
            if t.dep_ in ("prep", "agent") and t.lower_ == "by":    # (an active verb's own "by" too)
                named = [c for c in children(t, "pobj") if c.pos_ == "PROPN" or c.ent_type_]
                if named:
                    return resolve(named[0], coder.an, coder.actors, coder.ctx)
    return None


def _clean_name(coder, d) -> None:
    """No unbalanced bracket in a target's name ("the Volunteers for the Defence (VDP)")."""
    t = d.target
    if t is not None and t.name.count("(") != t.name.count(")"):
        name = t.name.rsplit("(", 1)[0].strip() if t.name.count("(") > t.name.count(")") else t.name.replace(")", "").strip()
        if name:
            d.target = Role(name, t.country, t.sector, t.tokens, t.place, t.text)


def _place_named_beside(coder, d) -> None:
    """"a curfew in the regional capital, Bahir Dar,", "shelled the border town, Adre": a generic
    place noun as target with a place named right after its comma is that place (the parser
    may hang the name elsewhere)."""
    t, tok = d.target, d.target_tok
    if t is None or tok is None or tok.pos_ != "NOUN" or t.place is not None or \
            _lem(tok) not in W.generic_place_nouns:
        return
    doc, places = tok.doc, coder.an.token_place
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
        for j in range(tok.i + 2, min(len(doc), tok.i + 6)):
            p = places.get(j)
            if p is not None:
                d.target = Role(p.name, getattr(p, "country", None), None, {j}, p, t.text)
                d.paths.append(f"target: the {tok.lower_} named beside it ('{p.name}')")
                return
            if doc[j].text in (",", ".", ";") or not doc[j].text[:1].isupper():
                return


def _place_named_before(coder, d) -> None:
    """"declared a state of emergency in the province" after "the chief minister of Punjab
    Province": a bare "the province" / "the town" as target is the place of that kind named last."""
    t, tok = d.target, d.target_tok
    if t is None or tok is None or tok.pos_ != "NOUN" or t.place is not None or \
            _lem(tok) not in W.generic_place_nouns or t.name.lower() != tok.lower_ or \
            not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return
    doc, places = tok.doc, coder.an.token_place
    if _lem(tok) in T.state_nouns:
        _the_country(coder, d, tok)
        return
    for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
        w = doc[i]
        if _lem(w) != _lem(tok):
            continue
        named = [places[j] for j in (i - 1, i + 2) if 0 <= j < len(doc) and j in places]
        if i in places:
            named.insert(0, places[i])          # "Punjab Province" as one place
        if named:
            p = named[0]
            d.target = Role(p.name, getattr(p, "country", None), None, {tok.i}, p, t.text)
            d.paths.append(f"target: the {tok.lower_} named before ('{p.name}')")
            return


def _the_country(coder, d, tok) -> None:
    """"Ukraine's air force said Russia attacked the country": the country named last before,
    other than the attacker's own (a measure at home, "an emergency throughout the country", is
    the actor's own country)."""
    own = d.actor.country if d.actor is not None else None
    if not d.info.violent and own:
        state = coder.actors.state_of(own)
        if state is not None:
            d.target = Role(state.name, own, state.sector, {tok.i}, None, d.target.text)
            d.paths.append(f"target: the country, its own ('{state.name}')")
        return
    places = coder.an.token_place
    for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
        p = places.get(i)
        if p is not None and getattr(p, "kind", None) == "country" and p.country and p.country != own:
            state = coder.actors.state_of(p.country)
            if state is not None:
                d.target = Role(state.name, p.country, state.sector, {tok.i}, None, d.target.text)
                d.paths.append(f"target: the country named before ('{state.name}')")
            return


def _members_in_words(coder, d) -> None:
    """"detained 23 UN staff members", "met EU foreign ministers", "attacked UN peacekeepers": the
    people of a body (`member_nouns`) as target keep the article's words, with the body's side."""
    t, tok = d.target, d.target_tok
    if t is None or tok is None or not t.text or t.place is not None or tok.pos_ != "NOUN" or \
            not _is(tok, T.member_nouns) or t.text.lower() == t.name.lower():
        return
    words = [w for w in t.text.split() if not w.replace(",", "").isdigit()]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) < 2 or words[-1].lower() != tok.lower_:
        return
    name = " ".join(words)
    d.target = Role(name, t.country, t.sector, t.tokens, None, t.text)
    d.paths.append(f"target: the people of a body, in the article's words ('{name}')")


def _authorities_of_place(coder, d) -> None:
    """"called on the authorities to investigate", "demanding that the government protect them":
    a bare "the authorities" / "the government" (`authority_nouns`) of no known country is that
    of the country the act is placed in."""
    t = d.target
    if t is None or t.country or t.place is not None:
        return
    words = t.name.lower().split()
    if not words or not all(w in T.authority_nouns for w in words):
        return
    # "the authorities in Bamako", the act's place, "families in Sittwe urged the authorities"
    cc = _country_beside(coder, d.target_tok) or d.where_cc or _country_beside(coder, d.actor_tok) or \
        getattr(coder.ctx, "last_country", None)       # the country the story is in
    if cc:
        d.target = Role(t.name, cc, t.sector or "government", t.tokens, None, t.text)
        d.paths.append(f"target: the {t.name} of the country it is placed in ({cc})")


def _country_beside(coder, tok) -> str | None:
    """The country of the place a noun is told "in" ("the authorities in Bamako" -> ML)."""
    if tok is None:
        return None
    for o in prep_objects(tok, {"in", "of"}):
        p = coder.an.token_place.get(o.i)
        if p is not None and getattr(p, "country", None):
            return p.country
    return None


def _forces_in_words(coder, d) -> None:
    """"an attack on the Iraqi forces": a state's forces as target keep the article's words
    ("Iraqi forces", country IQ, military), not the bare state."""
    t = d.target
    if t is None or not t.country or t.sector != "military" or not t.text or t.place is not None:
        return
    state = coder.actors.state_of(t.country)
    if state is None or t.name != state.name or t.text.lower() == t.name.lower():
        return
    words = t.text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) < 2:
        return                    # "the Russians": the state
    d.target = Role(" ".join(words), t.country, t.sector, t.tokens, None, t.text)
    d.paths.append(f"target: the state's forces in the article's words ('{d.target.name}')")


def _people_in_words(coder, d) -> None:
    """"arrested three men", "detained 27 young men", "32 people were kidnapped": the people
    taken into custody keep the article's words for them, not a normalised "civilians"."""
    t, tok = d.target, d.target_tok
    if t is None or t.name != "civilians" or t.country or tok is None or tok.pos_ != "NOUN" or \
            not _is(d.m.tok, T.custody_words) or _lem(tok) in ("civilian", "civilians"):
        return
    words = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN")
             and not c.like_num] + [tok]
    name = " ".join(w.lower_ for w in words)
    d.target = Role(name, None, "civilian", t.tokens, None, t.text)
    d.paths.append(f"target: the people taken, in the article's words ('{name}')")


def _one_victim(coder, d) -> None:
    """"shelling killed a 78-year-old man": one victim with no side is a civilian, not civilians."""
    t, tok = d.target, d.target_tok
    if t is not None and t.sector == "civilian" and not t.country and " and " in t.name and \
            t.name.split()[0] in ("civilian", "civilians"):
        d.target = Role("civilians", None, "civilian", t.tokens, None, t.text)
        return                # "a man and his son": civilians, not "civilians and son"
    if t is None or t.name != "civilians" or tok is None or tok.tag_ not in ("NN", "NNP"):
        return
    if tok.conjuncts or any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in tok.children):
        return
    people = coder.lex.people_nouns
    others = [w for v in tok.head.conjuncts for w in children(v, "nsubj", "nsubjpass", "dobj")
              if _lem(w) in people or w.lower_ in people]
    if others:
        return              # "a woman was killed and a man suffered wounds": two victims
    d.target = Role("civilian", None, "civilian", t.tokens, None, t.text)


def _answered_attacker(coder, d) -> None:
    """"the prime minister vowed to respond", "we will retaliate": a vow to answer an attack
    targets whoever carried out the last attack the article told, on another side than the
    one vowing ("Hezbollah official X vowed to respond" answers Israel, not Hezbollah's rockets)."""
    if d.target is not None or d.etype != "THREATEN":
        return
    tok = d.m.tok
    said = tok.head if tok.dep_ in ("xcomp", "ccomp", "advcl") else tok
    words = {_lem(t) for t in said.subtree} | {t.lower_ for t in said.subtree}
    if not words & T.retaliation_words:
        return
    own = _own_side(d)
    others = [(a, t) for a, t in reversed(coder.tmem.attackers) if not _same_side(a, own)]
    # the act done to the vowing side first ("sanctions on Russia": Russia would respond)
    hit_us = [a for a, t in others if t is not None and _same_side(t, own)]
    last = (hit_us or [a for a, _ in others] or [None])[0]
    if last is not None:
        d.target = last
        d.paths.append(f"target: the attacker a vow to respond answers ('{last.name}')")


def _threat_goes_on(coder, d) -> None:
    """"The Treasury sanctioned Rosneft ... Bessent said it stands ready to take further steps":
    a threat that names no one is made to whom the threatener's side last acted against."""
    if d.target is not None or d.etype != "THREATEN" or d.actor is None:
        return
    own = _own_side(d)
    for a, t in reversed(coder.tmem.attackers):
        if t is not None and t.name != "each other" and _same_side(a, own) and not _same_side(t, own):
            d.target = t
            d.paths.append(f"target: whom the threatener's side last acted against ('{t.name}')")
            return


def _given_to(coder, d) -> None:
    """"Israel offered Hamas a truce", "gave Kyiv a loan": a non-violent act that names no target
    is done to the one its verb (or its noun's carrier) gives or offers to."""
    if d.target is not None or d.info.violent:
        return
    for head in (d.m.tok, d.m.carrier):
        dative = _dative(head) if head is not None else None
        role = resolve(dative, coder.an, coder.actors, coder.ctx) if dative is not None else None
        if role is not None and role.name != (d.actor.name if d.actor else None):
            d.target, d.target_tok = role, dative
            d.paths.append(f"target: the one it was given or offered to ('{role.name}')")
            return


def _denied_deed(coder, d) -> None:
    """"Moscow denies targeting civilians", "denied that civilians had been targeted": a denial
    that answers no accuser the story told is done to the accusation it denies, in the article's
    words (`denied_deed_label`, `denied_claim_label`)."""
    tok = d.m.tok
    if d.target is not None or d.etype.lower() not in T.refusal_types or not _is(tok, T.denial_verbs):
        return
    for c in children(tok, "xcomp", "ccomp", "pcomp"):
        if c.tag_ == "VBG" and not any(m.dep_ in ("mark", "aux") for m in c.children):
            objs = children(c, "dobj")
            deed = " ".join([c.text] + ([w.text for w in objs[0].lefts if w.dep_ in ("amod", "compound")] +
                                        [objs[0].text] if objs else []))
            label, slot = next(iter(T.denied_deed_label), "accusation of {deed}"), "deed"
        elif any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            words = [w for w in c.subtree if w.dep_ != "mark" and not w.is_punct]
            if not 2 <= len(words) <= 8:
                continue
            deed = " ".join(w.text for w in words)
            label, slot = next(iter(T.denied_claim_label), "accusation that {claim}"), "claim"
        else:
            continue
        name = label.format(**{slot: deed})
        d.target = Role(name, None, None, {c.i}, None, name)
        d.paths.append(f"target: the accusation the denial answers, in the article's words ('{name}')")
        return


def _not_the_actor(coder, d) -> None:
    """"the government signed a deal with FARC, which disarmed in 2017": an act is not done by a
    party to itself; a target that is the actor is none (the story may still tell whom)."""
    a, t = d.actor, d.target
    if a is not None and t is not None and t.name != "each other" and t.place is None and \
            a.name.lower() == t.name.lower() and not mutual(a):
        d.target = None
        d.paths.append(f"target: not the actor itself ('{t.name}')")


def _addressed_party(coder, d) -> None:
    """"Israel offered Hamas a truce ... Hamas rejected the proposal", "The Treasury sanctioned
    Rosneft ... Bessent urged an immediate ceasefire": a statement or deal that names no one is
    addressed to whom the story has last acting on the speaker's side (it answers them), else to
    whom the speaker's side last acted on; a place so reached stands for its state. Only acts
    told within `T_ADDRESS_REACH` sentences, of another side than the speaker's."""
    if d.target is not None or d.actor is None or d.etype.lower() not in T.addressed_types or mutual(d.actor):
        return
    if any(c.dep_ in ("xcomp", "ccomp", "pcomp") for c in d.m.tok.children) and \
            d.etype.lower() in T.refusal_types:
        return                        # "denied shelling the camp": answers an accuser, if one is told
    own = _own_side(d)
    recent = [(a, t, k) for a, t, si, k in reversed(coder.tmem.acts) if d.si - si <= T_ADDRESS_REACH]
    # a refusal answers an offer or a demand, not an accusation ("Hamas accused Israel ... Israel
    # rejected the ceasefire proposal": not Hamas's proposal)
    kinds = T.refused_types if d.etype.lower() in T.refusal_types else None
    # (a speaker of no known country is answered by no one: its side is only its own words)
    answered = [a for a, t, k in recent if d.actor.country and _same_side(t, own) and not _same_side(a, own)
                and not mutual(a) and (kinds is None or k in kinds)]
    recent = [(a, t) for a, t, _ in recent]
    # (an act by a body whose side only the story's places gave, events.cast, says little of whom
    # the speaker's side acted on)
    reached = [t for a, t in recent if _same_side(a, own) and not _same_side(t, own) and not a.via]
    for party, why in ((answered, "whom the speaker answers: the last to act on its side"),
                       (reached, "whom the speaker's side last acted on")):
        for p in party:
            if p.place is None and not p.sector and not p.name[:1].isupper():
                continue              # a thing hit ("energy facilities") is no one addressed
            if p.place is not None:
                p = coder.actors.state_of(p.country) if p.country else None
                p = Role(p.name, p.country, p.sector, set()) if p is not None and not _same_side(
                    Role(p.name, p.country, p.sector), own) else None
            if p is not None:
                d.target, d.target_inferred = p, True
                d.paths.append(f"target: {why} ('{p.name}')")
                return


def note_inferred(coder, d, ev) -> None:
    """Remember an event whose target the story gave (not its own words): a twin telling of the
    same act in the sentence that names its target wins over it (`prefer_told_target`)."""
    if getattr(d, "target_inferred", False):
        coder.tmem.inferred.add(id(ev))


def prefer_told_target(coder, keep, drop) -> None:
    """Two tellings of one act merged ("condemned the attack, accusing the ELN of ..."): the
    target the words give wins over one the story gave."""
    inferred = coder.tmem.inferred
    if id(keep) in inferred and drop.target is not None and id(drop) not in inferred:
        for f in ("target", "target_country", "target_sector", "target_text"):
            setattr(keep, f, getattr(drop, f))
        inferred.discard(id(keep))


def _own_side(d) -> tuple[set[str], set[str]]:
    """(names, countries) of the vowing side: its actor, and the names in its words ("Hezbollah
    official Hassan Fadlallah", "Pakistan's prime minister")."""
    a, tok = d.actor, d.actor_tok
    names, countries = set(), set()
    if a is not None:
        names.add(a.name.lower())
        if a.country and a.sector != "rebel":
            countries.add(a.country)
        if a.text:
            names |= {w.lower() for w in a.text.split()}
    if tok is not None:
        names |= {t.lower_ for t in tok.subtree}
        doc = tok.doc
        for i in (a.tokens if a is not None else ()):
            head = doc[i]
            while head.dep_ in ("compound", "amod", "appos", "flat", "nmod") and head.head.i != head.i:
                head = head.head           # "Hezbollah official Hassan Fadlallah": the whole phrase
            names |= {t.lower_ for t in head.subtree if t.i <= head.i + 3}
    return names, countries


def _side_of(party: Role) -> tuple[set[str], set[str]]:
    """(names, countries) of one party told before (a rebel group is not its country's side)."""
    return {party.name.lower()}, ({party.country} - {None}) if party.sector != "rebel" else set()


def _same_side(role, own) -> bool:
    """Is `role` of the side `own` = (names, countries) stands for? Rebels of a country are not
    its state's side ("Sudanese troops" and the RSF are both SD)."""
    names, countries = own
    return role.name.lower() in names or bool(role.country and role.country in countries
                                                and role.sector != "rebel") or \
        any(w.lower() in names for w in role.name.split() if len(w) > 3 and w[:1].isupper())


def _each_other(coder, d) -> None:
    """"clashes between two militia groups", "rival factions fought": parties of a fight
    between them are each other's target; so are those who agree, meet or swap prisoners
    together ("Dbeibah and the elders agreed", "the two sides exchanged prisoners")."""
    if d.target is not None and not _told_elsewhere(coder, d):
        return
    if not d.info.violent:
        if _together(d):
            d.target = Role("each other", None, None, set(), text=None)
            d.paths.append("target: each other (the parties acted together)")
        return
    tok = d.m.tok
    if not _is(tok, T.reciprocal_nouns | T.reciprocal_verbs):
        return
    carrier = d.m.carrier
    between = prep_objects(tok, {"between", "among", "amongst"}) or (
        prep_objects(carrier, {"between", "among", "amongst"}) if carrier is not None else [])
    if d.actor is None and not between:
        return
    plural = mutual(d.actor) or any(b.tag_ in ("NNS", "NNPS") or b.conjuncts for b in between) or (
        d.actor_tok is not None and d.actor_tok.tag_ in ("NNS", "NNPS") and
        _lem(d.actor_tok) in coder.lex.word_list("armed_nouns") | {"faction", "group", "gang", "militia"}
        and not d.actor.country)
    if plural:
        d.target = Role("each other", None, None, set(), text=None)
        d.paths.append("target: each other (a fight between the parties)")


def _between_sides(coder, d) -> None:
    """"killed during the war between Israel and Hezbollah", "the war between the army and the
    RSF broke out", "an agreement was reached between the two parties", "the armed clashes in
    Zawiya": a fight or a deal between two sides (its "between" object conjoined or plural; a
    plural fight noun with no one named) is done to each other; so are the victims of its clause."""
    t = d.target
    if t is not None and (t.name == "each other" or t.sector not in ("civilian", None) or t.place is not None
                          or t.country):
        return
    if not (d.info.violent or d.info.between_parties):
        return
    tok, between_words = d.m.tok, {"between", "among", "amongst"}
    nouns = [tok, *([d.m.carrier] if d.m.carrier is not None else [])]
    nouns += [o for h in list(nouns) for o in prep_objects(h, {"during", "in", "amid", "since"}) if _is(o, T.reciprocal_nouns)]
    if not d.info.violent and d.actor is not None and not mutual(d.actor):
        return                    # "Turkey offered to host talks between Russia and Ukraine": Turkey's offer
    deal = [] if d.info.violent else children(tok, "nsubjpass", "dobj")    # "an agreement was reached between"
    for n in nouns + deal:
        if n.i != tok.i and n not in deal and not _is(n, T.reciprocal_nouns | T.reciprocal_verbs):
            continue
        sides = prep_objects(n, between_words)
        if sides and (sides[0].conjuncts or sides[0].tag_ in ("NNS", "NNPS")):
            d.target = Role("each other", None, None, set(), text=None)
            d.paths.append("target: each other (a fight or deal between two sides)")
            return
    kinds = coder.lex.word_list("armed_nouns")
    src = getattr(d.source_tok, "i", None)
    named = [w for w in d.sent if w.dep_ in ("dobj", "nsubjpass") and w.i not in (tok.i, src) and
             (w.pos_ == "PROPN" or _lem(w) in kinds or w.lower_ in kinds)]
    if d.actor is None and t is None and d.info.violent and tok.tag_ == "NNS" and _is(tok, T.reciprocal_nouns) \
            and not named:            # ("troops killed 34 terrorists in clashes": the sides are told)
        d.target = Role("each other", None, None, set(), text=None)
        d.paths.append("target: each other (clashes with no side named)")


def _one_way_dyad(coder, d) -> None:
    """A joint act "each other" is done to, of a type coded one way (`dyad_types`): the last party."""
    if d.target is None or d.target.name != "each other" or d.actor is None or \
            d.etype.lower() not in T.dyad_types:
        return
    other = _other_party(coder, d)
    if other is not None:
        d.target = other
        d.paths.append(f"target: the other party of a joint act ('{other.name}')")


def _other_party(coder, d) -> Role | None:
    """"Ukraine and Russia held talks", "Mozambican and Rwandan forces patrolled together": a
    joint act of a type coded one way (`dyad_types`, as PLOVER codes a meeting A -> B) is done
    by the first party to the last one named, when each is a party the table knows."""
    names = [n.strip() for n in d.actor.name.replace(",", " and ").split(" and ") if n.strip()]
    if len(names) < 2 or names[-1].lower() == names[0].lower():
        return None
    last = coder.actors.lookup(names[-1])
    if last is None:                      # a country the actor table has no entry for
        code = next((c for c, n in coder.actors.country_names.items() if n.lower() == names[-1].lower()), None)
        last = coder.actors.state_of(code)
    if last is None or last.kind == "person":
        return None
    return Role(last.name, last.country, last.sector, set(), None, names[-1])


def _fought_with(coder, d) -> None:
    """"clashes with soldiers", "gunmen clashed with the army": the one fought with is the target."""
    if not d.info.violent or (d.target is not None and not _told_elsewhere(coder, d)):
        return
    tok = d.m.tok
    if not _is(tok, T.reciprocal_nouns | T.reciprocal_verbs):
        return
    other = [o for o in prep_objects(tok, {"with", "against"}) if o.pos_ in ("NOUN", "PROPN")]
    if not other:
        return
    target = resolve(other[0], coder.an, coder.actors, coder.ctx, as_target=True)
    if target is not None:
        d.target, d.target_tok = target, other[0]
        d.paths.append(f"target: the side fought with ('{target.name}')")


def _told_elsewhere(coder, d) -> bool:
    """A target a mutual act may still replace: the people swapped in an exchange, the victims
    of the clause a fight is told in ("clashes between militias killed 12 people")."""
    tt = d.target_tok
    if tt is None:
        return False
    if _is(d.m.tok, T.release_verbs):
        return _lem(tt) in coder.lex.people_nouns | T.released_people
    own = {t.i for t in d.m.tok.subtree}
    return d.info.violent and tt.i not in own and (
        d.target.sector in ("civilian", None) and not d.target.country) and d.target.place is None


def _together(d) -> bool:
    a, tok = d.actor, d.actor_tok
    if a is None or tok is None:
        return False
    if not (d.info.between_parties or _is(d.m.tok, T.release_verbs)):
        return False
    return mutual(a) or any(c.pos_ in ("NOUN", "PROPN") for c in tok.conjuncts)


def _campaign_country(coder, d) -> None:
    """"Russia launched a military operation in Ukraine": a campaign in another country targets it."""
    if d.target is not None or not d.info.violent or d.actor is None or not d.actor.country:
        return
    if not _is(d.m.tok, T.campaign_nouns):
        return
    heads = [d.m.tok] + ([d.m.carrier] if d.m.carrier is not None else [])
    for o in [o for h in heads for o in prep_objects(h, {"in", "into", "inside", "against"})]:
        place = coder.an.token_place.get(o.i)
        cc = getattr(place, "country", None)
        if getattr(place, "kind", None) != "country" or not cc or cc == d.actor.country:
            continue
        state = coder.actors.state_of(cc)
        if state is not None:
            d.target = Role(state.name, cc, state.sector, {o.i}, None, o.text)
            d.paths.append(f"target: the country a campaign is waged in ('{state.name}')")
            return


def _victims_country(coder, d) -> None:
    """"eight people were killed in strikes by Indian forces" in Pakistan: civilians hit by a
    foreign side are of the country they were hit in."""
    t = d.target
    if t is None or t.sector != "civilian" or t.country or not d.info.violent:
        return
    a, cc = d.actor, d.where_cc or _reporting_state(coder, d)
    if a is None or not a.country or not cc or cc == a.country:
        return
    d.target = Role(t.name, cc, t.sector, t.tokens, t.place, t.text)


def _owner_country(coder, d) -> None:
    """"an attack on Ukraine's energy grid": a thing owned by a state is of that state's side."""
    t, tok = d.target, d.target_tok
    if t is None or t.country or tok is None or t.place is not None:
        return
    for c in [c for c in tok.children if c.dep_ == "poss"] + prep_objects(tok, {"in", "inside"}):
        if c.pos_ == "PROPN":
            p = coder.an.token_place.get(c.i)
            if p is not None and getattr(p, "kind", None) == "country" and p.country:
                d.target = Role(t.name, p.country, t.sector, t.tokens, None, t.text)
                return


def _reporting_state(coder, d) -> str | None:
    """"Pakistan said eight people were killed in Indian strikes": with no place told, the
    victims are of the state that reports its dead."""
    if d.source_tok is None:
        return None
    src = resolve(d.source_tok, coder.an, coder.actors, coder.ctx)
    state = coder.actors.state_of(src.country) if src is not None and src.country else None
    return src.country if state is not None and (src.name == state.name or src.sector == "government") else None


def _fought_party(coder, d) -> Role | None:
    """Of the last fight's two sides, the one the seizer fought: not the seizer's own side; with
    no seizer named, the armed party that is not a state's forces (troops seize the arms of
    the gunmen who attacked them, whichever side began)."""
    if coder.tmem.last_fought is None:
        return None
    sides = [r for r in reversed(coder.tmem.last_fought) if r is not None and r.name != "each other"]
    if d.actor is not None:
        others = [r for r in sides if r.name.lower() != d.actor.name.lower()]
        if len(others) < len(sides):      # the seizer is one of the two sides: the other one
            return others[0] if others else None
        if d.actor.sector in ("military", "police") and d.actor.country:
            # a state's forces seize from the armed group they fought, even of their own country
            rebels = [r for r in sides if r.sector not in ("military", "police", "government")]
            if rebels:
                return rebels[0]
        own = ({d.actor.name.lower()}, {d.actor.country} if d.actor.country and d.actor.sector != "rebel" else set())
        sides = [r for r in sides if not _same_side(r, own)]
        return sides[0] if sides else None
    rebels = [r for r in sides if r.sector != "military" or not r.country]
    return (rebels or [None])[0]


def _property_taken(coder, d, tok, thing) -> None:
    """"stole 15 vehicles", "looted shops": property taken from no one named is the target;
    what the conjoined verbs of one raid took is one list ("looted food and stole vehicles")."""
    things = [thing] + [o for v in tok.conjuncts if v.pos_ == "VERB" and _is(v, T.seizure_verbs | T.plunder_verbs)
                        for o in children(v, "dobj")]
    roles = [r for r in (resolve(t, coder.an, coder.actors, coder.ctx, as_target=True) for t in things) if r]
    if not roles:
        return
    names = list(dict.fromkeys(r.name for r in roles))
    d.target = Role(", ".join(names), None, None, set().union(*(r.tokens for r in roles)), None,
                    ", ".join(dict.fromkeys(r.text or r.name for r in roles)))
    d.paths.append(f"target: the property taken ('{d.target.name}')")


def _seized_from_last_fought(coder, d) -> None:
    """"17 rifles were seized at the scene" after a shootout: what a seizure takes from no one
    named, it takes from the party last fought."""
    tok = d.m.tok
    if not _is(tok, T.seizure_verbs | T.plunder_verbs) or d.etype != "COERCE":
        return
    thing = d.target_tok
    if thing is None:
        objs = children(tok, "nsubjpass") if is_passive(tok) else children(tok, "dobj")
        thing = objs[0] if objs else None
    if thing is None or (d.target is not None and d.target_tok is not None and d.target_tok.i != thing.i):
        return
    if not _is(thing, T.seized_arms):
        if d.target is None and (_is(thing, T.seized_things) or _is(tok, T.plunder_verbs)) and \
                not _is(tok, T.hold_verbs):
            _property_taken(coder, d, tok, thing)
        return
    last = _fought_party(coder, d)
    if last is not None:
        d.target = last
        d.paths.append(f"target: whom the seized things were taken from, the party last fought ('{last.name}')")
    elif d.target is not None and d.target_tok is not None and d.target_tok.i == thing.i:
        d.target = None


def subject_attack_target(tok, lex):
    """"a missile strike on a brigade's training ground killed 60 and destroyed two launchers":
    the harm verb's subject is an attack with a target of its own, and that is what was hit (the
    verb's objects are the toll and the damage)."""
    harm = lex.carriers.get("casualty", frozenset()) | lex.word_list("damage_words") | \
        lex.word_list("casualty_words")
    if _lem(tok) not in harm:
        return None
    verb = tok
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head                   # "... had killed 60 and destroyed": the first verb's subject
    for n in children(verb, "nsubj"):
        if _is(n, T.attack_nouns):
            hit = [o for o in prep_objects(n, T.attack_preps) if o.ent_type_ not in ("DATE", "TIME")]
            if hit:
                return hit[0]
    return None


def same_side(a, b) -> bool:
    """Are two parties one side, so that one's denial cannot answer the other's claim? The same
    name, or the same state's government or forces ("the Kremlin" / "Russia's defence ministry");
    a rebel group and its country's government are two sides ("the TPLF" / "the Ethiopian
    government")."""
    if a is None or b is None:
        return False
    if a.name == b.name:
        return True
    state = ("government", "military", "police", None)
    return bool(a.country) and a.country == b.country and a.sector in state and b.sector in state


def accuser_in_sentence(coder, d):
    """"M23 denied attacking Sake, after Kinshasa accused the rebels of shelling the town", "...
    a school, which rights groups had blamed on its air force": the one who accuses in the
    denial's own sentence (the subject of an accusing verb other than the denial), not the
    denier's side; None when the sentence has none."""
    from .roles import resolve

    accuse = coder.lex.frames.get("accuse", frozenset())
    for v in d.sent:
        if v.i == d.m.tok.i or v.pos_ != "VERB" or v.lemma_.lower() not in accuse:
            continue
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        role = resolve(subj[0], coder.an, coder.actors, coder.ctx) if subj else None
        if role is not None and subj[0].pos_ != "PRON" and not same_side(d.actor, role):
            return role
    return None
