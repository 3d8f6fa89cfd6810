"""Who did it, to whom, where, and how many died: roles read off the dependency parse.

Everything here takes tokens of one parsed sentence and the article's Analysis, and returns plain
values; names are canonicalised through the article's entities and places first, then through
the actor table, then fall back to the noun phrase as written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from ..counts import token_value
from ..nlp import entity_at
from .actors import ActorTable

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_GROUP = {"it", "they", "them", "its", "their", "we", "our"}
QUANTITY_WORDS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
                  "millions", "number", "group", "scores", "handful"}
LEADER_NOUNS = {"leader", "leadership", "head", "chief", "government", "authority", "official",
                "officer",
                "representative", "spokesman", "spokeswoman", "spokesperson", "commander",
                "governor", "minister", "president", "mayor", "general", "secretary", "envoy",
                "ambassador", "premier", "chancellor", "director", "prosecutor"}
GENERIC_PLACE_NOUNS = {"city", "town", "village", "region", "oblast", "province", "district",
                      "capital", "port", "country", "nation", "government", "state", "area"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
LOC_PREPS = {"in", "on", "at", "near", "across", "throughout", "outside", "over", "around", "through",
             "inside", "into", "onto", "within", "along", "towards", "toward", "upon"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}


@dataclass
class Role:
    """A resolved participant: the record name plus side/sector and the tokens it came from."""
    name: str
    country: str | None = None
    sector: str | None = None
    tokens: set[int] = field(default_factory=set)
    place: object | None = None         # the Location when the participant is a place


@dataclass
class Context:
    """What earlier sentences tell later ones: the last person / group / organisation named as a
    subject (an organisation: an ORG entity or an armed group, igo or party of the actor table)."""
    last_person: Role | None = None
    last_group: Role | None = None
    last_org: Role | None = None
    last_claimant: Role | None = None   # who last accused or claimed something (a denial's target)
    # country -> the foreign side last said to strike there ("a missile struck Odesa" after
    # "Russia attacked Kyiv and Odesa": Russia)
    attackers: dict = field(default_factory=dict)
    last_assault_place: tuple | None = None   # (name, Location) of the last located ASSAULT
    last_assault_actor: Role | None = None    # who carried out the last ASSAULT with a known actor
    last_decider: Role | None = None          # who last imposed / ordered something ("the decision")
    assault_by_word: dict = field(default_factory=dict)   # trigger lemma -> actor ("strike" -> Israel)
    last_army: Role | None = None             # the last state army named ("the army" later)
    last_country: str | None = None           # country of the last event placed in a known country


def is_passive(v) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok, preps) -> list:
    """pobj of prepositions (lemma in `preps`) attached to tok ("appealed to Putin")."""
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lemma_.lower() in preps:
            out.extend(c for c in p.children if c.dep_ == "pobj")
    return out


def reporting_antecedent(pron):
    """"Germany said it was willing ...", "Medvedev stated that his country ...": a pronoun inside
    what someone says refers to the sayer (when the sayer is a name, not another pronoun)."""
    t = pron
    for _ in range(8):
        if t.head is t:
            return None
        if t.dep_ == "ccomp":
            subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].i < pron.i and subj[0].pos_ != "PRON":
                return subj[0]
            return None
        t = t.head
    return None


def subject_of(v, request_frames=frozenset(), depth: int = 0):
    """The grammatical subject of a verb, inherited through xcomp / conj / participles."""
    subj = children(v, "nsubj", "nsubjpass", "csubj")
    if subj:
        s = nearest_subject(v, subj)
        if _dateline(s):
            # "MOGADISHU, June 3 - Al-Shabaab militants attacked": the parser made the dateline
            # the subject and the real one its apposition; never the dateline
            return _after_dateline(s)
        if s.lemma_.lower() in ("who", "which", "that") and v.dep_ == "relcl":
            return v.head
        return s
    if depth > 4:
        return None
    if v.dep_ == "relcl":
        return v.head
    framed = accused_of(v)
    if framed is not None:
        return framed
    if v.dep_ == "xcomp":
        head = v.head
        if head.lemma_.lower() in request_frames:       # "asked Putin to assist": Putin assists
            obj = children(head, "dobj")
            return obj[0] if obj else None
        return subject_of(head, request_frames, depth + 1)
    if v.dep_ == "conj" and _reported_perfect(v.head) and v.lemma_.lower() in SPEECH_ACTS and \
            not children(v, "aux", "auxpass"):
        # "Zelensky said Russia had launched ... and asked allies for ...": a speech act in the
        # plain past goes with "said" (the speaker), not with the reported "had launched"
        return subject_of(v.head.head, request_frames, depth + 1)
    if v.dep_ in ("conj", "advcl", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
        return subject_of(v.head, request_frames, depth + 1)
    return None


ACCUSE_FRAMES = {"accuse", "blame", "charge", "suspect", "condemn", "denounce", "criticise",
                 "criticize", "hold"}


def nearest_subject(v, subjects):
    """Of several subjects the parser hung on one verb, the one next to it: a dateline
    ("KYIV, March 14 (Reuters) - Russia attacked ...") is parsed as a second subject."""
    if len(subjects) == 1:
        return subjects[0]
    before = [s for s in subjects if s.i < v.i and not _dateline(s)]
    return max(before, key=lambda s: s.i) if before else subjects[0]


def _dateline(tok) -> bool:
    """An upper-case place opening a sentence and followed by a comma ("KYIV, ...")."""
    at_line_start = tok.i == tok.sent.start or (tok.i > 0 and "\n" in (tok.nbor(-1).text + tok.nbor(-1).whitespace_))
    return at_line_start and tok.text.isupper() and len(tok.text) > 2 and \
        tok.i + 1 < len(tok.doc) and tok.nbor(1).text in (",", "-", "—", "–")


SPEECH_ACTS = {"ask", "urge", "call", "appeal", "demand", "request", "say", "add", "warn", "accuse",
               "deny", "reject", "thank", "welcome", "condemn", "promise", "vow", "insist"}


def _reported_perfect(v) -> bool:
    """A past perfect clause reported by a verb of saying ("said Russia had launched")."""
    return v.dep_ == "ccomp" and v.head.pos_ == "VERB" and \
        any(c.dep_ == "aux" and c.lower_ == "had" for c in v.children)


def _after_dateline(s):
    """The subject the parser buried under a dateline: the highest noun after its dash."""
    dash = [t for t in s.subtree if t.i > s.i and t.text in ("-", "—", "–", "--")]
    if not dash:
        return None

    def depth(t):
        d = 0
        while t is not s and t.head is not t and d < 20:
            t, d = t.head, d + 1
        return d
    cands = [t for t in s.subtree if t.i > dash[0].i and t.pos_ in ("NOUN", "PROPN")
             and t.ent_type_ not in ("DATE", "TIME") or (t.i > dash[0].i and t.pos_ == "PROPN"
                                                           and t.ent_type_ == "DATE" and t.dep_ == "conj")]
    return min(cands, key=lambda t: (depth(t), t.i)) if cands else None


def accused_of(v):
    """"Kinshasa accused Kigali of backing the rebels": the one accused is the actor of the act
    (the object of accuse/blame/charge ... of / for)."""
    p = v.head
    if v.dep_ != "pcomp" or p.dep_ != "prep" or p.lower_ not in ("of", "for"):
        return None
    frame = p.head
    if frame.lemma_.lower() not in ACCUSE_FRAMES:
        return None
    obj = children(frame, "dobj")
    if obj:
        return obj[0]
    if is_passive(frame):                # "Kigali was accused of backing the rebels"
        subj = children(frame, "nsubjpass")
        return subj[0] if subj else None
    return None


def agent_of(v):
    objs = [c for a in v.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
    return objs[0] if objs else None


def np_text(tok) -> str:
    """The head noun with its compound/adjective modifiers, as written ("Russian defence officials")."""
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.lefts:
            if c.dep_ in ("compound", "amod", "nmod") or (c.dep_ == "poss" and c.pos_ == "PROPN"):
                keep.append(c)
                stack.append(c)
    keep.sort(key=lambda t: t.i)
    start = keep[0].i
    span = tok.doc[start:tok.i + 1]
    words = [t.text for t in span if t.dep_ != "punct" or t.text in "-'’"]
    text = " ".join(words).replace(" - ", "-").replace(" 's", "'s").replace(" ’s", "’s")
    return text.strip()


def ent_span(tok):
    """The named-entity span covering tok, if any."""
    return entity_at(tok)


def resolve(tok, an, actors: ActorTable, ctx: Context | None, as_target: bool = False) -> Role | None:
    """A participant token -> Role, expanding "X and Y" and canonicalising each name. A target
    that is a place stays the place ("shelled Kyiv" -> Kyiv), an actor that is a capital becomes
    its state ("Kyiv accused ..." -> Ukraine)."""
    if tok is None:
        return None
    low = tok.lower_
    if tok.pos_ == "PRON" or low in PRONOUNS_PERSON | PRONOUNS_GROUP:
        ante = reporting_antecedent(tok)
        if ante is not None:
            return resolve(ante, an, actors, ctx)
        if ctx is None:
            return None
        # he/she -> the last person named as a subject; it/they -> the last organisation or armed
        # group named as a subject (never a missile or a protest: those are not remembered)
        # (an organisation only while no other group has been the subject since: "Residents fled.
        # They said ..." are the residents)
        ref = ctx.last_person if low in PRONOUNS_PERSON else (
            ctx.last_org if low in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass")
            and ctx.last_group is ctx.last_org else None)
        if ref is None:
            return None
        return Role(ref.name, ref.country, ref.sector, {tok.i}, ref.place)
    owned = _owned_force(tok, an, actors, ctx)
    if owned is not None:
        return owned
    if ctx is not None and ctx.last_army is not None and tok.lemma_.lower() in ("army", "military") \
            and all(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
            any(c.dep_ == "det" for c in tok.children):
        # "the army" after "Sudan's army" / "the Sudanese Armed Forces": that army
        r = ctx.last_army
        return Role(r.name, r.country, r.sector, {tok.i})
    if tok.lemma_.lower() in FORCE_NOUNS | MEMBER_NOUNS and tok.pos_ == "NOUN":
        # "fighters from the group JNIM", "members of Hamas": the body they belong to
        inner = [c for p in tok.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                 for c in p.children if c.dep_ == "pobj"]
        if inner:
            body = inner[0]
            named = [c for c in body.children if c.dep_ == "compound" and
                     (c.pos_ == "PROPN" or c.i in an.token_entity)]
            if body.pos_ == "NOUN" and named and actors.lookup(np_text(named[-1])) is not None:
                body = named[-1]      # "peacekeepers from the MONUSCO mission" -> MONUSCO
            r = resolve(body, an, actors, ctx)
            if r is not None and r.place is None and (r.sector or body.ent_type_ in ("ORG", "NORP")
                                                      or body.pos_ == "PROPN"):
                return r
    if ctx is not None and ctx.last_org is not None and tok.lemma_.lower() in GROUP_NOUNS | {"force", "troop", "fighter"}:
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        others = [c for c in tok.children if c.dep_ in ("compound", "nmod", "prep", "appos") or
                  (c.dep_ == "amod" and (c.pos_ == "PROPN" or c.lower_ in actors.demonyms))]
        if dets and not others and all(d.lower_ in ("the", "its", "their") for d in dets):
            # "the group said", "the ethnic armed group said", "its fighters had killed": the
            # organisation just named (a demonym or a name would say which group instead)
            r = ctx.last_org
            return Role(r.name, r.country, r.sector, {tok.i}, r.place)
    if tok.pos_ in ("ADJ", "NOUN") and not tok.ent_type_:
        # "by the paramilitary Rapid Support Forces": the parser made the adjective the head and
        # the name its apposition
        named = [c for c in tok.children if c.dep_ == "appos" and
                 (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"))]
        if named and (tok.pos_ == "ADJ" or tok.lemma_.lower() in GROUP_NOUNS):
            return resolve(named[0], an, actors, ctx, as_target)
    if tok.lemma_.lower() in QUANTITY_WORDS or tok.pos_ == "NUM":
        # "dozens of activists", "thousands of reservists" -> the people, not the number
        inner = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"]
        if inner:
            return resolve(inner[0], an, actors, ctx)
    if tok.lemma_.lower() in LEADER_NOUNS and tok.pos_ == "NOUN":
        # "the leaders of the DPR and LPR, Denis Pushilin and Leonid Pasechnik": the names
        named = [c for c in tok.children if c.dep_ == "appos" and
                 (c.ent_type_ == "PERSON" or c.i in an.token_entity)]
        if named:
            return resolve(named[0], an, actors, ctx)
        inner = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"]
        if inner:
            r = resolve(inner[0], an, actors, ctx)
            if r is not None and (r.country or r.sector):
                return r
    if tok.lemma_.lower() in GENERIC_PLACE_NOUNS:
        # "the city of Zaporizhia" -> Zaporizhia
        inner = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"]
        if inner:
            r = resolve(inner[0], an, actors, ctx)
            if r is not None and r.place is None and inner[0].pos_ == "PROPN":
                # "the city of X" says X is a place even when the NER thought otherwise
                r.place = SimpleNamespace(name=r.name, country=r.country, lat=None, lon=None,
                                          admin1=None, kind=tok.lemma_.lower())
            return r
        # "his country" (of the last person named) -> that person's state
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in PRONOUNS_PERSON]
        if poss and tok.lemma_.lower() in ("country", "nation", "government", "state"):
            owner = resolve(poss[0], an, actors, ctx)
            state = actors.state_of(owner.country) if owner is not None and owner.country else None
            if state is not None:
                return Role(state.name, state.country, state.sector, {tok.i})
    group = [tok] + [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN") and c.i > tok.i]
    group = [_place_of_phrase(t) for t in group]
    roles = [_one(t, an, actors, as_target) for t in group]
    # a later conjunct joins the name only when it names someone too ("Pushilin and Pasechnik",
    # not "Medvedev, former president and current number two")
    roles = [r for k, (r, t) in enumerate(zip(roles, group))
             if r and (k == 0 or r.place is not None or t.pos_ == "PROPN" or t.i in an.token_entity
                       or actors.lookup(r.name) is not None or group[0].pos_ == "NOUN")]
    if not roles:
        return None
    names = []
    for r in roles:
        if r.name not in names:
            names.append(r.name)
    first = roles[0]
    tokens = set().union(*(r.tokens for r in roles))
    name = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    return Role(name, first.country, first.sector, tokens, first.place)


MEMBER_NOUNS = {"member", "fighter", "militant", "gunman", "soldier", "commander", "unit",
                "peacekeeper", "officer", "trooper", "staff", "delegation"}
FORCE_NOUNS = {"force", "forces", "troop", "troops", "fighter", "fighters", "soldier", "unit",
               "aircraft", "jet", "warplane", "artillery", "army", "military", "navy", "gunman",
               "militant", "drone", "missile", "defence", "defense", "man", "men"}


def seat_state(tok, actors: ActorTable) -> Role | None:
    """"Officials in Baku accused ...", "authorities in Kyiv said": when they act, a capital's
    unnamed officials act for its state (as a source they keep the article's own words)."""
    if tok is None or tok.lemma_.lower() not in LEADER_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
        return None
    if any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.children):
        return None
    seat = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"
            for c in p.children if c.dep_ == "pobj"]
    state = actors.lookup(seat[0].text) if seat else None
    if state is None or state.keep_name or state.sector != "government":
        return None
    return Role(state.name, state.country, state.sector, {tok.i})


def _owned_force(tok, an, actors: ActorTable, ctx: Context | None) -> Role | None:
    """"Russia's defence ministry said its forces had struck ...": forces owned by a pronoun
    belong to its antecedent; a state's ministry or army stands for the state (Russia), an armed
    group for itself ("the group said its fighters had repelled ..." -> the group)."""
    if tok.lemma_.lower() not in FORCE_NOUNS and tok.lower_ not in FORCE_NOUNS:
        return None
    poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")]
    if not poss:
        return None
    owner_tok = reporting_antecedent(poss[0])
    owner = resolve(owner_tok, an, actors, ctx) if owner_tok is not None else None
    if owner is None and ctx is not None and ctx.last_org is not None:
        owner = ctx.last_org
    if owner is None:
        return None
    if owner.country and owner.sector in ("government", "military"):
        state = actors.state_of(owner.country)
        if state is not None:
            return Role(state.name, state.country, "military", {tok.i})
    return Role(owner.name, owner.country, owner.sector, {tok.i}, owner.place)


def _place_of_phrase(tok):
    """"the southern port of Odesa", "the town of Vasylivka" -> the name token (Odesa)."""
    if tok.lemma_.lower() not in GENERIC_PLACE_NOUNS:
        return tok
    inner = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
             for c in p.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
    return inner[0] if inner else tok


def _one(tok, an, actors: ActorTable, as_target: bool = False) -> Role | None:
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
        return None
    ent = an.token_entity.get(tok.i)
    place = an.token_place.get(tok.i)
    if as_target and tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS") and ent is None:
        # "freed 215 Ukrainians": people named only by nationality stand for their state
        d = actors.demonyms.get(tok.lower_)
        state = actors.lookup(d[0]) if d else None
        if state is not None and not state.keep_name:
            return Role(state.name, state.country, "civilian", {tok.i})
    if as_target and place is not None and ent is None:
        # a place attacked is the place, not its government ("struck Kyiv" -> Kyiv)
        kind = (getattr(place, "kind", None) or "").lower()
        return Role(place.name, place.country, "government" if kind == "country" else None,
                    {tok.i}, place)
    span = ent_span(tok)
    written = span.text if span is not None and span.label_ in NAME_LABELS else np_text(tok)
    written = written.strip(" \"'“”‘’")
    if written.lower().startswith("the "):
        written = written[4:]
    entity_name = ent.name if ent is not None else None
    actor = actors.lookup(entity_name) or actors.lookup(written) or \
        (actors.lookup(place.name) if place is not None else None)
    toks = {tok.i}
    if actor is not None:
        if not actor.keep_name:
            name = actor.name
        elif entity_name and (getattr(ent, "kind", "") == "person" or tok.ent_type_ == "PERSON"
                              or _is_label(actor.name)):
            name = entity_name        # a person as the article introduces them
        elif entity_name and not _is_label(actor.name):
            # an organisation the table knows by a proper name ("JNIM", "Armed Forces of
            # Ukraine"): one name across articles, whatever form the article chose
            name = actor.name
        elif _is_label(actor.name) and any(w[:1].islower() for w in written.split()[1:]):
            # a descriptive label ("DPR leadership", "Russian military"): the article's own group
            # phrase ("Donetsk separatists", "Russian forces") says more
            name = written
        else:
            name = actor.name
        return Role(name, actor.country, actor.sector, toks, place)
    if entity_name:
        # a body the table does not know: its side and sector from its words ("the Turkish
        # defence ministry" -> TR, military)
        mods = [c.text for c in tok.children if c.dep_ in ("amod", "compound", "nmod")] + written.split()[:2]
        country, sector = actors.describe(written, tok.lemma_, mods)
        return Role(entity_name, getattr(ent, "country", None) or country, sector, toks, None)
    if place is not None:
        kind = (getattr(place, "kind", None) or "").lower()
        sector = "government" if kind == "country" else None
        return Role(place.name, place.country, sector, toks, place)
    if tok.ent_type_ in PLACE_LABELS and tok.pos_ == "PROPN":
        # a place the places stage did not resolve: keep it as a place, without coordinates
        return Role(written, None, None, toks, SimpleNamespace(
            name=written, country=None, lat=None, lon=None, admin1=None, kind=None))
    mods = [c.text for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    country, sector = actors.describe(written, tok.lemma_, mods)
    if span is not None and span.label_ == "NORP" and country is None:
        country, _ = actors.describe(span.text, None, [span.text])
    return Role(written, country, sector, toks, None)


FUNCTION_WORDS = {"of", "the", "and", "for", "de", "al", "in"}
GROUP_NOUNS = {"group", "movement", "militia", "organisation", "organization", "rebels",
               "insurgents", "militants", "fighters", "forces", "troops", "alliance", "bloc"}


def _is_label(name: str) -> bool:
    """"DPR leadership", "Russian military": a descriptive label, not a proper name."""
    return any(w[:1].islower() and w not in FUNCTION_WORDS for w in name.split()[1:])


def is_named(role: Role | None, tok, actors: ActorTable) -> bool:
    """A participant concrete enough to act: an entity, a place, a known actor or a group."""
    if role is None or tok is None:
        return False
    return bool(role.country or role.sector or role.place is not None or tok.ent_type_ in NAME_LABELS
                or tok.pos_ == "PROPN")


def place_of(tok, an):
    """(name, Location|None) when tok names a place (the places stage, or spaCy's GPE/LOC)."""
    loc = an.token_place.get(tok.i)
    if loc is not None:
        return loc.name, loc
    if tok.ent_type_ in PLACE_LABELS and tok.pos_ == "PROPN":
        span = ent_span(tok)
        return (span.text if span is not None else tok.text), None
    return None


def locative_places(span, an) -> list:
    """Places of a span used as places (under in/on/at..., or as a modifier), in text order."""
    return [p for tok in span if (p := place_of(tok, an)) is not None and _locative(tok)]


def find_location(sent, anchors: set[int], exclude: set[int], an, with_score: bool = False):
    """The place where an event happened: a place under in/on/at/near attached to the event's
    clause (best), else one inside the trigger's phrase, else any place of the sentence that is
    not a participant. Returns (name, Location|None) or None (with its score 1-3 if asked)."""
    best, best_score = None, 0
    seen_head = set()
    for tok in sent:
        if tok.i in exclude or tok.pos_ == "ADJ" or tok.ent_type_ == "NORP":
            continue                  # "Angolan President": an adjective is not a place
        ent = an.token_entity.get(tok.i)
        if ent is not None and getattr(ent, "kind", "") == "person":
            continue                  # a person's name the gazetteer also knows as a village
        p = place_of(tok, an)
        if p is None:
            continue
        # one entry per multi-token name
        key = p[0]
        if key in seen_head:
            continue
        score = 1
        t, steps = tok, 0
        while steps < 6 and t.dep_ in ("pobj", "compound", "appos", "conj", "prep", "nmod", "amod") \
                and t.head is not t:
            if t.dep_ == "prep" and t.lemma_.lower() in LOC_PREPS and t.head.i in anchors:
                score = 3
                break
            if t.dep_ == "prep" and t.lemma_.lower() == "of" or t.dep_ != "prep":
                t = t.head
            else:
                t = t.head
            steps += 1
            if t.i in anchors and score < 2:
                score = 2
        if score < 3 and not _locative(tok):
            continue                  # a place that is a participant elsewhere ("Russia began ...")
        if score > best_score:
            best, best_score = p, score
        seen_head.add(key)
    if with_score:
        return best, best_score
    return best


def _locative(tok) -> bool:
    """Is the place used as a place: under in/on/at/near..., or naming where a participant is
    from ("Donetsk separatists")? Not when it is a participant itself ("by Ukraine")."""
    t, modifier = tok, False
    for _ in range(6):
        if t.head is t:
            return False
        if t.dep_ in ("compound", "amod", "nmod"):
            modifier = True
        elif t.dep_ == "prep":
            return t.lower_ in LOC_PREPS
        elif t.dep_ not in ("pobj", "appos", "conj"):
            return modifier
        t = t.head
    return False


def fatalities_in(sent, an, anchors: set[int]) -> int | None:
    """Deaths stated in the sentence: the counts stage's `killed` counts (those nearest the event
    first, the largest of them), else a number on the people a kill/die/dead word speaks of."""
    found = []
    for tok in sent:
        c = an.token_count.get(tok.i)
        if c is not None and c.category == "killed":
            try:
                found.append((0 if _near(tok, anchors) else 1, int(c.value)))
            except (TypeError, ValueError):
                pass
    if found:
        # the counts nearest the event; of those the largest, as a total comes with its parts:
        # "killed five people, including two children" -> 5
        nearest = min(d for d, _ in found)
        return max(v for d, v in found if d == nearest)
    for tok in sent:
        lem = tok.lemma_.lower()
        people = []
        if lem == "kill" and tok.pos_ == "VERB":
            people = children(tok, "dobj") if not is_passive(tok) else children(tok, "nsubjpass")
        elif lem in ("die",):
            people = children(tok, "nsubj")
        elif lem == "dead":
            head = tok.head if tok.dep_ in ("oprd", "acomp", "xcomp") else tok
            people = children(head, "nsubj", "nsubjpass")
        elif lem in ("death",) and tok.pos_ == "NOUN":
            people = [tok]
        for p in people:
            for c in p.children:
                if c.dep_ == "nummod" and (n := token_value(c)) is not None:
                    return n
            if p.dep_ == "dobj" and (n := token_value(p)) is not None:   # "killing six"
                return n
    return None


def _near(tok, anchors: set[int]) -> bool:
    t, steps = tok, 0
    while steps < 8:
        if t.i in anchors:
            return True
        if t.head is t:
            return False
        t, steps = t.head, steps + 1
    return False
