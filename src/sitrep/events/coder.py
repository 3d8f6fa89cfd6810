"""The event coder: parsed sentences + the article's places, entities, counts, dates -> events.

For every token whose lemma is in the lexicon, the first entry whose dependency conditions hold
fires; a noun trigger also needs a *carrier* (a verb saying the thing happened: "began its
mobilization", "explosions hit", "killed in air strikes"). Then the roles are read off the parse
(roles.py), the status and source off the governing frames (attribution.py). Every decision,
including rejected triggers and why, is kept in `an.trace` for `sitrep explain`; the events in
`an.events`.
"""
from __future__ import annotations

import bisect
import re

from dataclasses import dataclass, field

from ..acled import classify
from ..gazetteer import candidates
from ..nlp import doc_text
from ..recognisers import titles
from ..record import Event
from ..run.budget import check_events
from ..structure import title_end
from . import order, sentence_types, when, where
from .actors import ActorTable, load_actors
from .attribution import Assessment, assess
from .cast import names_person
from .doers import actor_the_lead, backfill_remote_actors, repair_doer, shooter_side, side_on, stopped_striker
from .lexicon import Entry, Lexicon, LexiconError, TypeInfo, load_lexicon
from .roles import (W, Context, Role, _act_word, _definite, _is_label, agent_of, armed_people, children,
                    find_location, geo_precision, is_named, is_passive, mutual,
                    place_of, prep_objects, resolve, seat_state, subject_of)
from .targets import (accuser_in_sentence, same_side, note_inferred, prefer_told_target, side_modifier, T, TargetMemory, attack_noun_target, refine_token, relative_victims, remember,
                      settle, subject_attack_target, target_token)
from .tolls import MAX_REPORTS, armed_target, attach_places, attach_tolls, sentence_toll

MAX_SENTENCE_TOKENS = 250      # longer "sentences" are lists / broken markup: no events from them
OBJ_DEPS = ("dobj", "obj", "dative", "attr", "oprd")
PLACE_LABELS = ("GPE", "LOC", "FAC")
STATUS_RANK = {"occurred": 0, "claimed": 1, "denied": 2, "warned": 3, "planned": 3, "threatened": 3}


@dataclass
class Trace:
    """One trigger the lexicon matched, what became of it, and why (shown by `sitrep explain`)."""
    sent_index: int
    token_i: int
    trigger: str
    rule: str
    outcome: str                  # coded | rejected | not emitted | merged | title duplicate
    reason: str = ""
    event: Event | None = None


@dataclass
class Match:
    tok: object
    entry: Entry
    carrier: object | None = None
    carrier_kind: str | None = None
    why: str = ""


# ---------------------------------------------------------------- lexicon matching

def _noun_lemmas(tok, depth: int = 2) -> set[str]:
    """Lemmas of a phrase's head and the nouns it is built from ("thousands of reservists")."""
    out = {tok.lemma_.lower(), tok.lower_}
    if depth <= 0:
        return out
    amount = tok.pos_ == "NUM" or tok.tag_ == "CD"
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "conj", "nmod", "appos") or \
                (c.dep_ == "prep" and (c.lower_ == "of" or (amount and c.lower_ == "in"))):
            # "$10 million in emergency aid": an amount is of what it is "in"
            out |= _noun_lemmas(c, depth - 1)
        if c.dep_ == "pobj":
            out |= _noun_lemmas(c, depth - 1)
    return out


def _named_place(tok) -> bool:
    """Is tok the head of a place name: a place entity, or a proper noun the gazetteer knows
    ("retook Wad Madani", which the parser's NER calls a person)?"""
    if tok.ent_type_ in PLACE_LABELS:
        return True
    if tok.pos_ != "PROPN":
        return False
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
    name = tok.doc[words[0].i:tok.i + 1].text if words else tok.text
    return bool(candidates(name))


def _kind_of(tok, lex: Lexicon) -> list:
    """The name a place-kind noun is of ("the community of Novoplatonivka", "the hamlet of X",
    "control of Bukavu": event_lexicon.yaml `place_kind_nouns`, `control_nouns`); none for other
    nouns ("the mayor of Kherson")."""
    out, todo = [], [tok]
    for _ in range(3):              # "control of most of the city of Bakhmut"
        todo = [c for t in todo if t.lemma_.lower() in lex.word_list("place_kind_nouns") | lex.word_list("control_nouns")
                for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        out += todo
    return out


def _object_lemmas(obj, lex: Lexicon) -> set[str]:
    """The lemmas an `obj` list is matched against. An object whose head names people is those
    people, not the word that qualifies them: "released aid workers" frees people, it gives no aid;
    "freed relief staff", "shot food vendors" likewise."""
    heads = {obj.lemma_.lower(), obj.lower_}
    if (obj.pos_ == "NUM" or obj.like_num) and obj.dep_ in OBJ_DEPS + ("nsubjpass",) and \
            obj.ent_type_ != "MONEY" and not any(c.tag_ == "$" or (c.dep_ == "prep" and not all(
                o.pos_ == "PRON" for o in c.children if o.dep_ == "pobj")) for c in obj.children):
        return heads | {"people"}      # "detained six", "six of them were freed": a count of people
    if heads & lex.people_nouns and not any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
        return heads | {w for c in obj.conjuncts for w in (c.lemma_.lower(), c.lower_)}
    return _noun_lemmas(obj)


def shared_passive(tok) -> bool:
    """"was overthrown and killed", "were wounded and were held by police": a past participle
    joined to a passive verb, with no subject or object of its own, shares its passive subject."""
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and is_passive(tok.head) and \
        not children(tok, "nsubj", "nsubjpass", "dobj")


def _passive_subjects(tok) -> list:
    """The passive subject of tok, or (a shared passive) of the verb it is joined to."""
    own = children(tok, "nsubjpass")
    return own or (children(tok.head, "nsubjpass") if shared_passive(tok) else [])


def objects(tok, entry: Entry) -> list:
    """The object(s) an entry's `obj` condition is checked against."""
    if entry.pos == "NOUN":
        objs = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for c in p.children if c.dep_ == "pobj"]
        objs += [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
        if tok.i > 0 and tok.nbor(-1).dep_ == "compound":
            objs.append(tok.nbor(-1))
        if entry.prep:
            objs += prep_objects(tok, entry.prep)     # "an operation against ISWAP"
            if tok.dep_ == "dobj":                    # "carried out operations on Wednesday against posts"
                objs += prep_objects(tok.head, entry.prep)
        return objs
    if is_passive(tok) or shared_passive(tok):
        objs = _passive_subjects(tok)
        if tok.dep_ in ("acl",):
            objs.append(tok.head)
    else:
        objs = children(tok, *OBJ_DEPS)
        if not objs:
            # "let 200 trucks enter Gaza": the subject of a bare infinitive is what is let in
            objs = [s for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB" and
                    all(a.lower_ == "to" for a in children(c, "aux")) for s in children(c, "nsubj")]
    if entry.prep:
        objs += prep_objects(tok, entry.prep)
        # "dug survivors out of the rubble": a two-word preposition's object
        objs += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in entry.prep
                 for q in p.children if q.dep_ == "prep" for o in q.children if o.dep_ == "pobj"]
        # "called for foreign volunteers to fight": for + subject + infinitive
        objs += [sub for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp")
                 and any(m.dep_ == "mark" and m.lower_ in entry.prep for m in c.children)
                 for sub in c.children if sub.dep_ in ("nsubj", "nsubjpass")]
    return [_antecedent(o) for o in objs]


def _plural(tok) -> bool:
    return "Plur" in tok.morph.get("Number") or tok.tag_ in ("NNS", "NNPS")


RELATIVE_PRONOUNS = ("who", "whom", "that", "which")
# "all were released", "both were freed", "five of them were let go": a quantity standing for
# people or things told before
PARTITIVE_HEADS = ("all", "both", "some", "most", "many", "several", "none", "each", "few", "one", "rest")


def _relative_head(tok):
    """The noun a relative pronoun stands for. "who" names the whole phrase, not a noun nested in
    it: "the leader of the group, who", "detained three organisers from the committee, who"."""
    noun = tok.head.head
    while tok.lower_ in ("who", "whom") and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        outer = noun.head.head
        if outer.pos_ in ("NOUN", "PROPN"):
            noun = outer               # "four organisers of the sit-in in Khartoum, who"
            continue
        objs = [o for o in outer.children if o.dep_ in OBJ_DEPS and o.pos_ in ("NOUN", "PROPN") and o.i < noun.i]
        return objs[-1] if objs else noun
    return noun


def _antecedent(tok, across: bool = False):
    """What an object or passive subject that points back stands for: a third-person pronoun is
    the last object told before it in the sentence, else in the sentence before ("took the town,
    but the militants recaptured it", "seized 12 farmers; they were released", "Police detained
    six protesters. All were released by night"); a relative pronoun is the noun its clause
    describes, as the passive subject of that clause ("three organisers, who were released"; "the
    ship, which they seized" stays a description); a quantity "of" a phrase is that phrase
    ("five of them", "two of the hostages")."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "nsubjpass" and tok.head.dep_ == "relcl" and \
            tok.head.head.pos_ in ("NOUN", "PROPN"):
        return _relative_head(tok)
    partitive = tok.lower_ in PARTITIVE_HEADS or tok.pos_ == "NUM" or tok.like_num
    if partitive:
        ofs = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if c.dep_ == "prep"
               and o.dep_ == "pobj"]
        if ofs:
            inner = _antecedent(ofs[0], across or tok.dep_ == "nsubjpass")
            return tok if inner.pos_ == "PRON" else inner
        if tok.lower_ not in PARTITIVE_HEADS or tok.dep_ not in ("nsubjpass", "nsubj"):
            return tok
        plural = True                  # "all were released": as "they"
    elif tok.pos_ != "PRON" or tok.morph.get("PronType") != ["Prs"] or tok.morph.get("Person") != ["3"]:
        return tok
    else:
        plural = _plural(tok)
    sent = tok.sent
    before = list(sent[: tok.i - sent.start])
    if sent.start > 0 and (across or tok.dep_ == "nsubjpass"):
        # "Police detained six protesters. All were released": a passive subject opening a
        # clause points back across the sentence boundary; an object pronoun stays in its sentence
        before = list(tok.doc[tok.doc[sent.start - 1].sent.start:sent.start]) + before
    for t in reversed(before):
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in OBJ_DEPS + ("nsubjpass",) and _plural(t) == plural:
            return t
        if plural and t.pos_ == "NUM" and t.dep_ in OBJ_DEPS + ("nsubjpass",) and not t.is_ancestor(tok):
            return t                   # "detained six of them ...; all were released"
    return tok


def _title_nouns(lex: Lexicon) -> frozenset[str]:
    """One-word titles of `titles.yaml` ("chief", "commissioner", "governor"): each names a person."""
    def build():
        honorifics, roles, _ = titles()
        return {r[0] for r in roles if len(r) == 1 and r[0].isalpha()} - honorifics
    return lex.derived_words("title_nouns", build)


def _has_people(objs, lex: Lexicon) -> bool:
    """Does the object itself (not something nested in it) name people? ("welcomed deserters",
    not "welcomed the release of 215 Ukrainians")."""
    for o in objs:
        if o.pos_ == "NUM" or o.like_num or (o.tag_ in ("NNS", "NNPS") and any(
                c.dep_ == "nummod" for c in o.children)):
            return True               # "killed at least ten", "shot two", "eleven worshippers"
        for t in [o, *o.conjuncts]:
            if t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or t.lower_ in ("them", "him", "her", "us"):
                return True
            if t.lemma_.lower() in lex.people_nouns or t.lower_ in lex.people_nouns or \
                    t.lemma_.lower() in _title_nouns(lex):
                return True               # "a village chief", "the district commissioner"
            if t.lemma_.lower() in lex.word_list("irregular_nouns") or t.lower_ in lex.word_list("armed_nouns"):
                return True               # "an operation against bandits", "killed three jihadists"
            if t.lemma_.lower() in lex.word_list("quantity_nouns") and _noun_lemmas(t, 2) & lex.people_nouns:
                return True
    return False


def _preps(tok) -> set[str]:
    """Prepositions on tok, including the "for" of "called for the government to be punished"."""
    out = {c.lower_ for c in tok.children if c.dep_ in ("prep", "dative", "agent")}
    out |= {m.lower_ for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp")
            for m in c.children if m.dep_ == "mark"}
    return out


def _next_nouns(tok, n: int = 4) -> list:
    """The nouns right after a verb the parser left without an object ("killed at least ten
    people, looted food": parsed as the subject of "looted")."""
    out = []
    for t in tok.doc[tok.i + 1:min(tok.i + 1 + n, tok.sent.end)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP"):
            break
        if t.pos_ in ("NOUN", "PROPN", "NUM"):
            out.append(t)
    return out


def entry_fires(tok, entry: Entry, lex: Lexicon) -> tuple[bool, str]:
    """Do the entry's dependency conditions hold on tok? (ok, why-not)."""
    if entry.prt and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in entry.prt
                             for c in tok.children):
        return False, f"needs particle {sorted(entry.prt)}"
    if entry.no_dobj and children(tok, "dobj"):
        return False, "has a direct object (no_dobj)"
    if entry.prep and not (_preps(tok) | (_preps(tok.head) if entry.pos == "NOUN" and tok.dep_ == "dobj" else set())) & entry.prep:
        return False, f"needs preposition {sorted(entry.prep)}"
    if entry.complement and not (children(tok, "dobj", "xcomp", "ccomp") or
                                 _preps(tok) & {"to", "on", "upon", "with", "over"}):
        return False, "needs what was agreed or promised (an object, a clause or to/on/with)"
    objs = None
    if entry.obj or entry.not_obj or entry.people_obj or entry.place_obj:
        objs = objects(tok, entry)
        lemmas = set().union(*(_object_lemmas(o, lex) for o in objs)) if objs else set()
        if entry.obj and not lemmas & entry.obj:
            return False, "object not in the entry's obj list"
        heads = {w for o in objs if not _party_thing(o, lex) for w in (o.lemma_.lower(), o.lower_)}
        if entry.not_obj and heads & entry.not_obj:
            return False, f"object '{sorted(heads & entry.not_obj)[0]}' is excluded (not_obj)"
        if entry.obj_mod and not any(_modifiers(o) & entry.obj_mod for o in objs):
            return False, f"needs an object modified by {sorted(entry.obj_mod)[:4]}"
        if entry.place_obj and not any(_named_place(t) for o in objs for t in (o, *o.conjuncts, *_kind_of(o, lex))):
            return False, "object is not a named place"
        if entry.people_obj and not _has_people(objs, lex) and not (
                not objs and not is_passive(tok) and _has_people(_next_nouns(tok), lex)):
            return False, "object does not name people"
    if entry.purpose and not _purposes(tok) & entry.purpose:
        return False, f"needs a purpose 'to {sorted(entry.purpose)[0]}' ..."
    if entry.not_subj and _subject_heads(tok, lex) & entry.not_subj:
        return False, "subject excluded (not_subj): not a party"
    if entry.not_subj_mod and _subject_modified(tok, entry.not_subj_mod):
        return False, f"subject modified by {sorted(entry.not_subj_mod)[:3]}: not this act (not_subj_mod)"
    if entry.subj:
        subj = children(tok, "nsubj")
        if not subj and tok.dep_ == "conj":
            subj = children(tok.head, "nsubj")
        if subj and subj[0].lower_ in ("that", "which", "who") and tok.dep_ == "relcl":
            subj = [tok.head]          # "shells that fell on camps"
        lemmas = set().union(*(_noun_lemmas(s) for s in subj)) if subj else set()
        if not lemmas & entry.subj:
            return False, "subject not in the entry's subj list"
    if entry.mod:
        if not _modifiers(tok) & entry.mod:
            return False, f"needs a modifier {sorted(entry.mod)[:4]}"
    if entry.content_not:
        hostile = _hostile_content(tok, entry, lex)
        if hostile:
            return False, f"what is promised is a hostile act ('{hostile}')"
    if entry.clause and not _warned_clause(tok, entry.clause, lex):
        return False, ("needs a warning of the warner's own act" if entry.clause == "own"
                       else "needs a warning addressed to someone")
    if entry.xcomp_or_oprd:
        if not any(c.dep_ in ("xcomp", "oprd", "acomp", "ccomp", "advmod", "amod") and
                   c.lemma_.lower() in entry.xcomp_or_oprd for c in tok.subtree if c is not tok):
            return False, f"needs {sorted(entry.xcomp_or_oprd)}"
    return True, ""


def _purposes(tok) -> set[str]:
    """The lemmas of the "to VERB" purpose of tok, or of the verb a noun trigger is the object
    of ("gathered in Sharana to protest", "launched an operation to retake the town")."""
    hosts = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else [tok]
    out = {c.lemma_.lower() for h in hosts for c in h.children
           if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.pos_ == "VERB" and
           any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)}
    return out | {c.lemma_.lower() for c in _free_participles(hosts[-1])}


def _free_participles(verb) -> list:
    """The present participles told of what the verb's subject did while doing it ("gathered at
    the gates demanding information", "blocked the road for hours, demanding their rescue"): an
    adverbial -ing clause with no subject of its own, or one the parser hung on a noun of the
    verb's own phrase (a place or thing after at/of/for..., which does not demand anything)."""
    out = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and
           not children(c, "nsubj", "nsubjpass", "mark", "aux")]
    todo = [(o, 0) for o in verb.children if o.dep_ in ("prep", "dobj", "npadvmod")]
    while todo:
        t, depth = todo.pop()
        if depth > 4:
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "dobj" and t.ent_type_ not in ("PERSON", "NORP", "ORG"):
            out += [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBG" and not children(c, "nsubj")]
        todo += [(c, depth + 1) for c in t.children if c.dep_ in ("prep", "pobj")]
    return out


def _modifiers(tok) -> set[str]:
    """The compound and adjective modifiers of a noun, and the word just before it."""
    mods = {w for c in tok.children if c.dep_ in ("compound", "amod", "nmod") for w in (c.lemma_.lower(), c.lower_)}
    if tok.i > 0:
        mods.add(tok.nbor(-1).lemma_.lower())
    if tok.i > 1 and tok.nbor(-1).text in ("-", "‐", "‑"):
        mods.add(tok.nbor(-2).lemma_.lower())     # "sit-in", split by the tokenizer
    return mods


def _subject_modified(tok, mods: frozenset[str]) -> bool:
    """An adjective of `mods` on the subject or on its "of" noun ("armed youths", "a group of
    masked men"), the verb's own subject or, for a conjunct verb, its first verb's."""
    subj = children(tok, "nsubj") or (children(tok.head, "nsubj") if tok.dep_ == "conj" else [])
    nouns = [n for s in subj for n in (s, *(g for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                                             for g in p.children if g.dep_ == "pobj"))]
    return any(c.dep_ == "amod" and c.lemma_.lower() in mods for n in nouns for c in n.children)


def _subject_heads(tok, lex: Lexicon) -> set[str]:
    """The lemmas of tok's subject heads; of a quantity ("thousands of fans") also what it counts."""
    out = set()
    for s in children(tok, "nsubj"):
        out.add(s.lemma_.lower())
        if s.lemma_.lower() in lex.word_list("quantity_nouns") or s.lower_ in lex.word_list("quantity_nouns"):
            out |= {o.lemma_.lower() for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"}
    return out


def _party_thing(obj, lex: Lexicon) -> bool:
    """"struck Houthi targets", "hit militant targets": a noun of `party_things` qualified by a party
    (a name, a demonym, or a word of `party_qualifiers`) is a thing of that party, never the idiom a
    `not_obj` word guards against ("hit its sales targets")."""
    if obj.lemma_.lower() not in lex.word_list("party_things"):
        return False
    quals = lex.word_list("party_qualifiers")
    for c in obj.children:
        if c.dep_ not in ("compound", "amod", "nmod"):
            continue
        if c.ent_type_ in ("NORP", "GPE", "ORG") or (c.pos_ == "PROPN" and c.dep_ == "compound") or \
                c.lemma_.lower() in quals or c.lower_ in quals:
            return True
    return False


def _hostile_content(tok, entry: Entry, lex: Lexicon) -> str | None:
    """The word of a hostile act in what a promise or vow says will be done ("vowed to attack",
    "pledged to crush the rebels"), by the types the entry names in `content_not`: a lexicon
    entry of such a type that fires there, or a fallback verb of such a type."""
    for c in tok.children:
        if c.dep_ not in ("xcomp", "ccomp") and not (c.dep_ == "prep" and c.lower_ == "to"):
            continue
        for t in _content_words(c):
            fb = lex.fallback.get(t.lemma_.lower()) if t.pos_ == "VERB" else None
            if fb is not None and fb.type in entry.content_not:
                return t.text
            pos = "VERB" if t.pos_ == "VERB" else "NOUN" if t.pos_ in ("NOUN", "PROPN") else None
            for e in lex.candidates(t.lemma_, pos) if pos else ():
                if e.type in entry.content_not and not e.content_not and entry_fires(t, e, lex)[0]:
                    return t.text
    return None


def _said_by_document(tok, lex: Lexicon) -> bool:
    """"adopted a resolution demanding a ceasefire", "issued a statement condemning the raid": the
    participle is what the document says, a speech act of whoever adopted or issued it."""
    noun = tok.head
    return tok.tag_ == "VBG" and noun.lemma_.lower() in lex.word_list("document_nouns") and \
        noun.dep_ in ("dobj", "nsubjpass") and _verb_lemma(noun.head, lex) in lex.word_list("document_verbs")


def _content_words(head) -> list:
    """The words of what is promised: the verb, the verbs it chains to ("continue to attack"),
    their objects and prepositional objects; not a clause of time or reason ("once the fighting
    had stopped") or a description."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ in ("xcomp", "dobj", "pobj", "prep", "conj", "compound", "amod", "pcomp")]
    return out


def _warned_clause(tok, kind: str, lex: Lexicon) -> bool:
    """A warning that is a threat: "warned it would take countermeasures" (`own`: what the warner
    itself will do, a pronoun subject) or "warned Eritrea it would pay a price" (`addressed`: said
    to someone). The warned clause has a future or uncertain modal and is an act, not a state
    ("warned it would be difficult")."""
    modals = lex.frames.get("future_modals", frozenset()) | lex.frames.get("uncertain_modals", frozenset())
    for c in tok.children:
        if c.dep_ != "ccomp" or c.pos_ != "VERB" or not any(a.dep_ == "aux" and a.lower_ in modals for a in c.children):
            continue
        if c.lemma_.lower() == "be" and not is_passive(c):
            continue
        if kind == "addressed" and any(o.dep_ in ("dobj", "dative") and o.pos_ in ("NOUN", "PROPN")
                                       for o in tok.children):
            return True
        if kind in ("own", "own_act") and any(_warners_side(s, tok, lex) for s in children(c, "nsubj")) \
                and (kind == "own" or _hostile_act(c, lex)):
            return True
    return False


def _warners_side(subj, warner, lex: Lexicon) -> bool:
    """Is the subject of a warned clause the warner's own side: "it", "we", "they", "his forces",
    the warner's own word ("Israel warned Israel would ..."), or "the group" / "the government"
    (event_lexicon.yaml `warner_side_nouns`)?"""
    if subj.lower_ in ("it", "we", "they", "i"):
        return True
    if any(c.dep_ == "poss" and c.lower_ in ("his", "its", "our", "their", "her", "my") for c in subj.children):
        return True
    speakers = children(warner, "nsubj") or (children(warner.head, "nsubj") if warner.dep_ == "conj" else [])
    if subj.lemma_.lower() in {s.lemma_.lower() for s in speakers}:
        return True
    return subj.lemma_.lower() in lex.word_list("warner_side_nouns") and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) and \
        any(_speaks_for_a_side(w, lex) for w in speakers)


def _speaks_for_a_side(warner, lex: Lexicon) -> bool:
    """Is the warner a party or one who speaks for one ("Kataib Hezbollah", "the Houthi
    spokesman", "the president"; event_lexicon.yaml `warner_nouns`), not "analysts"?"""
    if warner.pos_ == "PROPN" or warner.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or \
            warner.lower_ in ("he", "she"):
        return True
    if any(c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_)
           for c in warner.children):
        return True
    return warner.lemma_.lower() in lex.word_list("warner_nouns")


def _hostile_act(verb, lex: Lexicon) -> bool:
    """Does the verb (or its particle form) code an act of a type a threat is made of (a type
    with `threat_folding`: ASSAULT, COERCE, SANCTION) or a threat itself?"""
    types = {e.type for e in lex.candidates(verb.lemma_.lower(), "VERB")}
    return any(t == "THREATEN" or lex.type(t).threat_folding for t in types)


def _heed_or_else(tok, governor, lex: Lexicon) -> bool:
    """Is the hostile act warned of a threat's terms: done to someone with no doer named (an
    agentless passive) and bound to a condition ("would be destroyed if Hamas did not ..."), said
    to the one warned ("warned media outlets they would be suspended") or aimed at any comer
    ("any ship linked to Israel would be targeted")? Who may threaten is the caller's check."""
    if not is_passive(tok) or agent_of(tok) is not None:
        return False
    marks = lex.frames.get("conditional_marks", frozenset())
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
           for c in tok.children):
        return True
    if any(o.dep_ in ("dobj", "dative") and o.pos_ in ("NOUN", "PROPN") for o in governor.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "any" for s in children(tok, "nsubjpass") for c in s.children)


CARRIER_KINDS = {"subject": {"subject"}, "agentive_strict": {"agentive"},
                 "agentive_or_subject": {"agentive", "subject", "during"}, "under": {"under"}, "on": {"on"}}
DEFAULT_KINDS = {"agentive", "causal", "subject", "casualty", "under", "responsibility"}


@dataclass
class _Hang:
    """How a noun trigger hangs in the parse: its (conjunct-resolved) token, head, relation."""
    t: object
    head: object
    dep: str
    hl: str
    allowed: set
    manner: bool = False       # its type may be carried by a noun of manner ("in protest")


def find_carrier(tok, entry: Entry, lex: Lexicon) -> tuple[object | None, str | None]:
    """The verb that says a nominal event happened, and how the noun hangs on it: the first of
    the carrier strategies below that finds one."""
    C = lex.carriers
    t = tok
    # "protests and strikes erupted": a conjunct shares its first conjunct's carrier
    while t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    head, dep = t.head, t.dep_
    if dep == "prt" and t.i > 1 and t.nbor(-1).text == "-":
        dep = "dobj"             # "staged a sit-in": the tokenizer's "in" read as a particle
    # "adopted a package of sanctions": the container's carrier carries the noun
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in C.get("containers", ()):
        t = head.head
        head, dep = t.head, t.dep_
    elif dep == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in C.get("containers", ()):
        t = head                 # "adopted its 19th sanctions package": likewise
        head, dep = t.head, t.dep_
    h = _Hang(t, head, dep, _verb_lemma(head, lex), CARRIER_KINDS.get(entry.carrier_only or "", DEFAULT_KINDS),
              entry.type.lower() in lex.word_list("manner_types"))
    for strategy in CARRIERS:
        found = strategy(h, lex)
        if found is not None:
            return found
    return None, None


def _carried_under(h: _Hang, lex: Lexicon):
    """"Djibo has been under a blockade", "the convoy came under fire": the subject is the target."""
    if h.dep == "pobj" and h.head.lower_ == "under" and "under" in h.allowed and \
            h.head.head.lemma_.lower() in ("be", "come", "remain", "fall", "stay", "live"):
        return h.head.head, "under"
    return None


def _carried_as_target_of(h: _Hang, lex: Lexicon):
    """"the convoy was the object of an ambush", "the camp became the target of shelling": the
    subject of the being is what the act befell (carriers `befallen`)."""
    if h.dep == "pobj" and h.head.lower_ == "of" and "under" in h.allowed and \
            h.head.head.lemma_.lower() in lex.carriers.get("befallen", ()) and h.head.head.dep_ in ("attr", "oprd") and \
            h.head.head.head.lemma_.lower() in ("be", "become", "remain"):
        return h.head.head.head, "under"
    return None


def _carried_on(h: _Hang, lex: Lexicon):
    """"teachers went on strike", "detainees are on hunger strike": the subject is the actor."""
    if h.dep == "pobj" and h.head.lower_ == "on" and "on" in h.allowed and \
            _verb_lemma(h.head.head, lex) in lex.carriers.get("on", ()):
        return h.head.head, "on"
    return None


def _carried_as_object(h: _Hang, lex: Lexicon):
    """"launched an offensive" (agentive: its subject acts), "sparked protests" (causal)."""
    if h.dep in ("dobj", "nsubjpass", "obj") and h.head.pos_ in ("VERB", "AUX"):
        for kind in ("agentive", "causal"):
            if h.hl in lex.carriers.get(kind, ()) and kind in h.allowed:
                return h.head, kind
    return None


def _carried_into(h: _Hang, lex: Lexicon):
    """"took the mayor into custody", "placed him under house arrest": the verb's subject acts."""
    if h.dep == "pobj" and h.head.lower_ in ("into", "under") and "agentive" in h.allowed and \
            _verb_lemma(h.head.head, lex) in lex.carriers.get("into", ()):
        return h.head.head, "agentive"
    return None


def _carried_with(h: _Hang, lex: Lexicon):
    """"Israel responded with strikes on Iranian air defences", "retaliated with air raids": the
    noun is what the verb's subject answered with (carriers `with`)."""
    if h.dep == "pobj" and h.head.lower_ == "with" and "agentive" in h.allowed and \
            _verb_lemma(h.head.head, lex) in lex.carriers.get("with", ()):
        return h.head.head, "agentive"
    return None


def _carried_in_part(h: _Hang, lex: Lexicon):
    """"took part in a march", "participated in the talks": the verb's subject is a party to it
    (carriers `part_in`; "take" only with its object "part")."""
    if h.dep != "pobj" or h.head.lower_ != "in" or "agentive" not in h.allowed:
        return None
    verb = h.head.head
    lemma = _verb_lemma(verb, lex)
    if verb.pos_ not in ("VERB", "AUX") or lemma not in lex.carriers.get("part_in", ()):
        return None
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in verb.children):
        return None
    return verb, "agentive"


def _carried_in_manner(h: _Hang, lex: Lexicon):
    """"drove tractors into Brussels in protest", "went on hunger strike in solidarity": a bare
    noun of manner under `manner_preps` on a verb makes that verb's act the event."""
    if h.manner and h.dep == "pobj" and h.head.lower_ in lex.word_list("manner_preps") and "agentive" in h.allowed and \
            h.head.head.pos_ == "VERB" and not list(h.t.children) and h.t.tag_ == "NN":
        return h.head.head, "agentive"
    return None


def _carried_as_subject(h: _Hang, lex: Lexicon):
    """"explosions hit the airfield"; also passive: "the area was shaken by infighting"."""
    if "subject" not in h.allowed:
        return None
    if h.dep == "nsubj" and h.hl in lex.carriers.get("subject", ()):
        return h.head, "subject"
    if h.dep == "pobj" and h.head.dep_ == "agent" and \
            _verb_lemma(h.head.head, lex) in lex.carriers.get("subject", ()):
        return h.head.head, "subject"
    return None


def _carried_by_relative(h: _Hang, lex: Lexicon):
    """"an attack on a base that killed three soldiers": the noun's own relative clause."""
    if "subject" not in h.allowed:
        return None
    for c in h.t.children:
        if c.dep_ == "relcl" and _verb_lemma(c, lex) in lex.carriers.get("subject", ()) and \
                any(s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children):
            return c, "subject"
    harm = lex.word_list("casualty_words")
    # "an ambush in which nine soldiers died", "a strike on a market in Tigray, in which 40 people
    # were killed": the casualty told "in which" of the noun (or of the place it hangs on)
    if "casualty" in h.allowed:
        found = _casualty_in_which(h.t, harm | lex.carriers.get("casualty", frozenset()))
        if found is not None:
            return found, "casualty"
    # "an attack on a military base that killed three soldiers": the parser hangs the killing on
    # the base, which killed nobody
    for o in (o for p in h.t.children if p.dep_ == "prep" and p.lower_ in ("on", "against", "at", "in")
              for o in p.children if o.dep_ == "pobj"):
        for c in o.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in harm and \
                    any(s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children):
                return c, "subject"
    return None


def _casualty_in_which(tok, harm):
    """The relative clause "in which N died" on tok, on the objects of its prepositions, or on
    theirs (two levels: "a strike on a market in Tigray, in which ..."); else None."""
    level = [tok]
    for _ in range(3):
        for t in level:
            for c in t.children:
                if c.dep_ == "relcl" and c.lemma_.lower() in harm and \
                        any(p.dep_ == "prep" and any(o.lower_ in ("which", "whom") for o in p.children)
                            for p in c.children):
                    return c
        level = [o for t in level for p in t.children if p.dep_ == "prep" for o in p.children
                 if o.dep_ == "pobj"][:6]
    return None


def _carried_by_responsibility(h: _Hang, lex: Lexicon):
    """"IS claimed responsibility for an attack on Peshmerga", "Al-Shabaab claimed Saturday's
    bombing" (`claimed_act_verbs`): claimed by who claims it."""
    if "responsibility" not in h.allowed:
        return None
    if h.dep == "dobj" and h.head.pos_ == "VERB" and h.hl in lex.word_list("claimed_act_verbs"):
        return h.head, "responsibility"
    if h.dep != "pobj" or h.head.lower_ != "for":
        return None
    noun = h.head.head
    verb = noun.head
    if noun.lemma_.lower() in lex.word_list("responsibility_nouns") and \
            _verb_lemma(verb, lex) in lex.word_list("responsibility_verbs"):
        return verb, "responsibility"
    return None


def _carried_during(h: _Hang, lex: Lexicon):
    """"said during a meeting with the elders": what something happened during took place
    (a meeting with someone: "at a security council meeting" names no other party)."""
    if "during" in h.allowed and h.dep == "pobj" and h.head.lower_ == "during" and \
            h.head.head.pos_ in ("VERB", "AUX") and prep_objects(h.t, {"with", "between"}):
        return h.head.head, "during"
    return None


def _carried_by_casualty(h: _Hang, lex: Lexicon):
    """"as a result of the shelling ... a man was killed", "killed in air strikes"."""
    if "casualty" not in h.allowed or h.dep != "pobj":
        return None
    C, head = lex.carriers, h.head
    if head.lower_ == "of" and head.head.lemma_.lower() in ("result", "consequence", "wake") \
            and head.head.dep_ == "pobj":
        g = head.head.head.head
        if g.lemma_.lower() in C.get("casualty", ()) or any(
                c.lemma_.lower() in C.get("casualty", ()) for c in g.children):
            return g, "casualty"
    if head.dep_ in ("prep", "agent") and \
            head.lower_ in ("in", "during", "by", "after", "from", "amid", "following", "under"):
        g = head.head
        if g.lemma_.lower() in C.get("casualty", ()):
            return g, "casualty"
        # "one person was reported dead in air strikes": the prep hangs on the reporting verb
        if any(c.lemma_.lower() in C.get("casualty", ()) for c in g.children
               if c.dep_ in ("oprd", "acomp", "xcomp", "dobj")):
            return g, "casualty"
    return None


def _carried_by_past_acl(h: _Hang, lex: Lexicon):
    """"In Poltava, a strike damaged a gas facility" parsed with "damaged" hanging on the noun: a
    past-tense verb (not a participle) with an object of its own, or a verb of breaking out that
    has no passive ("fighting flared"), hanging on the noun is the noun's predicate, its subject
    carrier."""
    if "subject" not in h.allowed:
        return None
    onset = lex.word_list("onset_carriers")
    for c in h.t.children:
        if c.dep_ != "acl" or c.i <= h.t.i or _verb_lemma(c, lex) not in lex.carriers.get("subject", ()):
            continue
        if c.tag_ == "VBD" and children(c, "dobj"):
            return c, "subject"
        if c.tag_ in ("VBD", "VBN") and _verb_lemma(c, lex) in onset and not children(c, "aux", "auxpass", "agent"):
            return c, "subject"   # "Fresh fighting flared in Tigray": a verb with no passive
    return None


def _carried_by_verbless(h: _Hang, lex: Lexicon):
    """"Clashes between Houthis and government forces in Raghwan district.": a bulleted or
    summary sentence with no verb at all, whose root is the noun with its parties or its place,
    tells that the thing happened (a headline line, ending without a full stop, is left to the
    body's telling)."""
    t = h.t
    if h.dep != "ROOT" or "subject" not in h.allowed or not _verbless_told(t, lex) or \
            any(w.pos_ in ("VERB", "AUX") for w in t.sent) or _headline_line(t):
        return None
    return t, "verbless"


VERBLESS_MIN_WORDS = 5


def _verbless_told(root, lex: Lexicon) -> bool:
    """Is a sentence's root a noun with a preposition that gives its parties or place ("Clashes
    between A and B in X."), so that a sentence with no verb may still tell an event? A
    fragment of a few words ("Protests in Moscow.") is a list item, not a telling."""
    words = sum(1 for t in root.sent if not t.is_punct and not t.is_space)
    return root.pos_ == "NOUN" and words >= VERBLESS_MIN_WORDS and any(c.dep_ == "prep" and c.lower_ in lex.word_list("verbless_event_preps")
                                       for c in root.children)


CARRIERS = (_carried_under, _carried_as_target_of, _carried_on, _carried_into, _carried_with, _carried_as_object, _carried_as_subject, _carried_by_responsibility,
            _carried_by_casualty, _carried_by_relative, _carried_during, _carried_in_part, _carried_in_manner,
            _carried_by_past_acl, _carried_by_verbless)


def _verb_lemma(tok, lex: Lexicon) -> str:
    """The lemma of a carrier verb, mended where the lemmatiser stumbles ("staged" -> "stag"):
    the form without its ending when that is a known carrier."""
    lem = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return lem
    known = lex.carrier_words
    if lem in known:
        return lem
    low = tok.lower_
    for cut in (1, 2):
        if low.endswith(("d", "s")[:1] if cut == 1 else "ed") and low[:-cut] in known:
            return low[:-cut]
    return lem


def _anaphoric(tok, lex: Lexicon) -> bool:
    """"the strikes", "the fighting": a definite noun with nothing of its own (no place, actor,
    target) points back to an event already reported."""
    if not any(c.dep_ == "det" and c.lower_ in lex.word_list("anaphoric_dets") for c in tok.children):
        return False
    # "the fierce fighting", "the latest strikes": a word of manner says nothing new
    manner = lex.word_list("manner_adjectives")
    return not any(c.dep_ in ("prep", "compound", "amod", "nmod", "poss", "acl", "relcl")
                   and not (c.dep_ == "amod" and c.lemma_.lower() in manner) for c in tok.children)


def _paired_sides(tok, actors: ActorTable):
    """"U.S. and Russian officials", "Turkish and Ukrainian delegations": two states named by
    coordinated modifiers of one group noun -> (first state, second state) Roles, else None."""
    for m in tok.children:
        if m.dep_ not in ("amod", "compound", "nmod") or not m.conjuncts:
            continue
        sides = []
        for w in [m, *m.conjuncts]:
            d = actors.demonyms.get(w.lower_)
            state = actors.lookup(d[0]) if d else actors.lookup(w.text)
            if state is None or state.keep_name:
                return None
            sides.append(Role(state.name, state.country, state.sector, {w.i}))
        if len(sides) == 2:
            return sides[0], sides[1]
    # the parser's other reading: "U.S. and Iranian diplomats" as "U.S." + "Iranian diplomats"
    first = actors.lookup(tok.text) if tok.pos_ == "PROPN" else None
    for c in tok.conjuncts:
        mods = [m for m in c.children if m.dep_ in ("amod", "compound") and m.lower_ in actors.demonyms]
        if first is not None and not first.keep_name and mods and c.pos_ == "NOUN":
            other = actors.lookup(actors.demonyms[mods[0].lower_][0])
            if other is not None and not other.keep_name:
                return (Role(first.name, first.country, first.sector, {tok.i}),
                        Role(other.name, other.country, other.sector, {mods[0].i}))
    return None


def _aggregate(tok) -> bool:
    """"more than 100 attacks since November": a tally over a period, not a happening."""
    many = False
    for c in tok.children:
        if c.dep_ == "nummod":
            txt = c.text.replace(",", "")
            if (txt.isdigit() and int(txt) > 3) or c.lower_ in ("dozens", "hundreds", "thousands"):
                many = True
    if not many:
        return False
    scope = list(tok.head.subtree) if tok.head.i != tok.i else list(tok.subtree)
    words = {t.lower_ for t in scope}
    return bool(words & {"since", "so", "total", "altogether", "overall"}) and \
        ("since" in words or "total" in words or "far" in words or "altogether" in words or "overall" in words)


def _candidates(tok, pos: str, lex: Lexicon, late: bool) -> tuple[list[Entry], str | None]:
    """The entries to try on tok: of its lemma and its form; for a phrasal verb ("backed down",
    "sent off") only the entries of that particle; `late` entries only in the fallback pass."""
    entries = lex.candidates(tok.lemma_, pos)
    if pos == "NOUN" and tok.i > 1 and tok.nbor(-1).text in ("-", "\u2010", "\u2011") and \
            not tok.nbor(-1).whitespace_ and not tok.nbor(-2).whitespace_:
        # "the pull-out", "a build-up": the tokenizer splits the hyphenated noun; its whole form first
        whole = lex.candidates(f"{tok.nbor(-2).lower_}-{tok.lemma_.lower()}", pos)
        entries = whole + [e for e in entries if e not in whole]
    if tok.lower_ != tok.lemma_.lower():
        entries = entries + [e for e in lex.candidates(tok.lower_, pos) if e not in entries]
    if not entries and pos == "VERB" and tok.lower_.endswith("ed"):
        # the lemmatiser's stumbles ("fined" -> "fin", "staged" -> "stag"): the form without its ending
        for stem in (tok.lower_[:-1], tok.lower_[:-2]):
            entries = lex.candidates(stem, pos)
            if entries:
                break
    entries = [e for e in entries if e.late == late]
    if pos == "VERB":
        prts = [c.lower_ for c in tok.children if c.dep_ == "prt"]
        phrasal = [p for p in prts if lex.is_phrasal(tok.lemma_, p)]
        if phrasal:
            kept = [e for e in entries if e.prt & set(phrasal)]
            if len(kept) < len(entries):
                return kept, f"phrasal verb '{tok.lemma_.lower()} {phrasal[0]}' has a sense of its own"
    return entries, None


def _copula_predicate(tok) -> bool:
    """"Moscow was responsible for the strike", "the RSF was behind the attack": a clause's "be"
    with a predicate of its own is read as the verb (entries with lemma "be" name the predicate)."""
    return tok.pos_ == "AUX" and tok.lemma_.lower() == "be" and tok.dep_ in ("ROOT", "ccomp", "conj") and \
        any(c.dep_ in ("acomp", "prep") for c in tok.children)


def _verb_tagged_noun(tok) -> bool:
    """"Iran reserves its right to respond", "Rebels shell ...": a word the tagger took for a noun
    that has a subject and an object of its own is the clause's verb."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("ROOT", "ccomp", "conj"):
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"dobj", "xcomp", "ccomp"}) and "det" not in deps


def _by_gerund_head(tok):
    """"retaliated by striking X", "responded by shelling Y": the verb a "by + gerund" says how
    was done (its doer did this too), else None."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or tok.head.lower_ != "by" or children(tok, "nsubj"):
        return None
    verb = tok.head.head
    return verb if verb.pos_ == "VERB" and not is_passive(verb) else None


def _finite_partner(v):
    """"vowed that the militias would answer the massacre and urged exiles to stop ...", "accused
    the army of war crimes and called on ASEAN to ...": a past-tense verb the parser joined to a
    verb of what was vowed or alleged (an infinitive, a gerund, a verb under a modal) is the
    partner of the finite verb above it. That verb (whose status it shares), else None."""
    if v.dep_ != "conj" or v.tag_ != "VBD" or children(v, "nsubj", "nsubjpass"):
        return None
    head = v.head
    nonfinite = head.tag_ in ("VB", "VBG") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    if head.pos_ != "VERB" or not nonfinite:
        return None
    for a in head.ancestors:
        if a.pos_ == "VERB" and a.tag_ in ("VBD", "VBZ", "VBP") and not any(c.tag_ == "MD" for c in a.children):
            return a
        if a.dep_ == "ROOT":
            break
    return None


def _described_noun(tok, lex: Lexicon) -> bool:
    """"groups it says are backed by India", "a militia that has fought the army since March":
    a present passive, or a present perfect over a stretch of time (`background_spans`), in a
    relative clause (or in what a present-tense relative clause says) tells what a noun is."""
    rel = tok if tok.dep_ == "relcl" else (
        tok.head if tok.dep_ == "ccomp" and tok.head.dep_ == "relcl" and tok.head.tag_ in ("VBZ", "VBP") else None)
    if rel is None:
        return False
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if tok.tag_ == "VBN" and aux & {"is", "are"} and any(c.dep_ == "auxpass" for c in tok.children):
        return True
    if aux & {"has", "have"} and tok is rel and any(s.lower_ in ("that", "which", "who") for s in children(tok, "nsubj")):
        # the noun is the doer ("a militia that has fought ..."), not what was done to ("the staff
        # they have detained since last year" is a detention)
        spans = lex.word_list("background_spans")
        return any(c.dep_ in ("prep", "advmod", "npadvmod") and c.lower_ in spans for c in tok.children)
    return False


def _party_doer(doers, lex: Lexicon) -> bool:
    """Is one of the doers people or an armed party ("bandits", "naval forces", "the army")?"""
    armed = lex.word_list("armed_nouns") | lex.word_list("irregular_nouns") | lex.word_list("party_nouns")
    return _has_people(doers, lex) or any(
        t.lemma_.lower() in armed or t.lower_ in armed for d in doers for t in (d, *d.conjuncts))


def _own_doer(tok, entry: Entry, lex: Lexicon) -> bool:
    """"the killing of nine villagers by soldiers", "since the abduction of 40 pupils by bandits":
    a noun of violence against people (`people_obj`) with its victims ("of" people) and its doer
    ("by" a party) tells an act that happened, carried by no verb. Not when a word above it says
    it was averted, feared, wanted or denied (`unrealised_governors`), nor under a modal."""
    if not entry.people_obj or not lex.type(entry.type).violent:
        return False
    victims = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in children(c, "pobj")]
    # "by" hangs on the noun, or on its victims ("the murder of two aid workers by RSF fighters")
    doers = [o for h in [tok, *victims] for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
             for o in children(c, "pobj")]
    if not victims or not doers or not _has_people(victims, lex) or not _party_doer(doers, lex):
        return False
    unrealised = lex.word_list("unrealised_governors")
    for a in tok.ancestors:
        if a.lemma_.lower() in unrealised or a.lower_ in unrealised:
            return False
        if a.pos_ in ("VERB", "AUX") and any(c.tag_ == "MD" or c.dep_ == "neg" for c in a.children):
            return False
    return True


def _descriptive_use(tok, entries, lex: Lexicon) -> str | None:
    """Why a verb describes a noun (or how another act was done) rather than reporting an act of
    its own, or None."""
    if tok.dep_ in ("amod", "compound", "nmod") and not _predicate_of_verbless(tok):
        # "Russian-backed rebels", "the shelled city": a description, not a report of an act
        return "adjectival use of the verb"
    bare = not children(tok, "nsubj", "nsubjpass", "mark", "aux", "auxpass")
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and not children(tok, "nsubj", "nsubjpass", "mark") and \
            not _predicate_of_verbless(tok) and not _said_by_document(tok, lex):
        # "rebels backed by Rwanda", "those arrested", "a school sheltering families": a description
        return "participle describing a noun"
    if tok.dep_ == "advcl" and tok.tag_ in ("VBD", "VBN") and bare and tok.i > tok.sent.start and \
            tok.nbor(-1).pos_ in ("NOUN", "PROPN") and tok.nbor(-1).head is not tok and tok.i > tok.head.i:
        # "the 5,000 troops promised to the mission", "militias armed by the army": a participle
        # right after its noun (the parser hung it on the main verb) describes that noun
        return f"participle describing '{tok.nbor(-1).text}' (right after it)"
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and bare and any(c.dep_ == "agent" for c in tok.children) and \
            any(lex.type(e.type).cooperative for e in entries):
        # "launched an operation to retake the town, supported by an armored convoy": how the act
        # was done (with whose backing) is part of that act, not a second one
        return f"participle telling how '{tok.head.text}' was done (by whose backing)"
    if tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP"):
        # "a militia that supports the army", "which hosts a million refugees": a description
        return "present-tense relative clause (a description)"
    if _described_noun(tok, lex):
        return "relative clause describing a noun (what it is, or has long done)"
    return None


def match_token(tok, lex: Lexicon, late: bool = False) -> tuple[Match | None, list[tuple[Entry, str]]]:
    """The first entry that fires on tok (with its carrier for nouns), and the near misses."""
    tag = tok.pos_
    if tag not in ("VERB", "NOUN", "PROPN", "AUX"):
        return None, []             # no entry is of this part of speech (nor read as a verb)
    if tag == "VERB" or _verb_tagged_noun(tok) or _copula_predicate(tok):
        pos = "VERB"
    elif tag in ("NOUN", "PROPN"):
        pos = "NOUN"
    else:
        return None, []
    entries, phrasal = _candidates(tok, pos, lex, late)
    if phrasal and not entries:
        first = lex.candidates(tok.lemma_, pos)
        return None, [(first[0], phrasal)] if first else []
    misses = []
    described = _descriptive_use(tok, entries, lex) if pos == "VERB" and entries else None
    if described:
        return None, [(entries[0], described)]
    for entry in entries:
        ok, why = entry_fires(tok, entry, lex)
        if not ok:
            misses.append((entry, why))
            continue
        if pos == "NOUN":
            carrier, kind = find_carrier(tok, entry, lex)
            if carrier is None and _own_doer(tok, entry, lex):
                return Match(tok, entry, None, None, "a violent noun with its victims and its doer"), misses
            if carrier is None:
                misses.append((entry, "noun without a carrier verb saying it happened"))
                continue
            if entry.carrier_verbs and _verb_lemma(carrier, lex) not in entry.carrier_verbs:
                misses.append((entry, f"carrier '{carrier.text}' is not one of the entry's carrier_verbs"))
                continue
            # (a claim of "the attack" is kept: it gives the told incident its doer, merge_retellings)
            if kind in ("subject", "casualty", "causal") and _anaphoric(tok, lex) and \
                    not (kind == "subject" and children(carrier, "dobj")):
                misses.append((entry, f"'{tok.text}' refers back to an event told before"))
                continue
            if lex.type(entry.type).violent and _aggregate(tok):
                misses.append((entry, "a tally of many attacks, not one event"))
                continue
            if kind == "agentive" and lex.type(entry.type).physical and not lex.type(entry.type).future_is_pledge \
                    and _verb_lemma(carrier, lex) in lex.word_list("agreement_carriers"):
                misses.append((entry, f"agreed or proposed ('{carrier.text}'), not done"))
                continue
            return Match(tok, entry, carrier, kind), misses
        if entry.subj and not entry.subj_is_target and any(_anaphoric(s, lex) for s in children(tok, "nsubj")):
            # "The missile hit between two blocks": the strike was reported before
            misses.append((entry, "its subject refers back to an event told before"))
            continue
        return Match(tok, entry), misses
    return None, misses


# ---------------------------------------------------------------- roles for one match

def _mode(m: Match, lex: Lexicon, subj, target_tok=None) -> str | None:
    if m.entry.mode:
        return m.entry.mode
    if not lex.type(m.entry.type).violent:
        return None
    return _weapon_mode(m, lex, subj, target_tok)


def _weapon_mode(m: Match, lex: Lexicon, subj, target_tok=None) -> str | None:
    """The mode of the weapon word nearest the trigger (its phrase, subject, carrier), else None."""
    pool = list(m.tok.subtree) if len(list(m.tok.subtree)) < 60 else list(m.tok.children)
    pool.insert(0, m.tok)
    if subj is not None:
        pool += list(subj.subtree)
    if m.carrier is not None:
        pool += [c for c in m.carrier.children]
    if target_tok is not None:
        skip = {t.i for t in target_tok.subtree}
        pool = [t for t in pool if t.i not in skip]
    pool.sort(key=lambda t: abs(t.i - m.tok.i))
    for t in pool:
        lem = t.lemma_.lower()
        if t.i + 1 < len(t.doc):
            pair = f"{lem} {t.nbor(1).lemma_.lower()}"
            if pair in lex.weapon_modes:
                return lex.weapon_modes[pair]
        if lem in lex.weapon_modes:
            return lex.weapon_modes[lem]
        if t.lower_ in lex.weapon_modes:
            return lex.weapon_modes[t.lower_]
    return None


def _acled(entry: Entry, mode: str | None, etype: str, lex: Lexicon, **facts):
    """The ACLED pair of the shared mapper (sitrep.acled), with this lexicon's base tables."""
    return classify(etype, mode, entry.acled, by_mode=lex.acled_by_mode, by_type=lex.acled_by_type, **facts)


def _is_weapon(tok, lex: Lexicon) -> bool:
    """A weapon or an attack named as the doer ("missiles hit", "the blast killed"); armed
    people ("gunmen", "snipers") are doers themselves, even where their word gives a mode."""
    if tok is None or _armed_party(tok, lex):
        return False
    return tok.lemma_.lower() in lex.weapon_modes or tok.lemma_.lower() in lex.word_list("weapon_doers")


def _predicate_of_verbless(tok) -> bool:
    """"Israeli forces arrested 25 Palestinians" parsed as a noun with a participle, or a headline
    ("Three journalists arrested in Juba"): when the sentence's root is the participle's noun,
    the participle is the sentence's predicate, not a description."""
    head = tok.head
    if tok.tag_ == "VBD" and tok.sent.root.pos_ in ("NOUN", "PROPN") and tok.i > tok.sent.start and \
            not any(t.pos_ in ("VERB", "AUX") and t.i != tok.i and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tok.sent):
        return True                    # "The RSF laid siege to ...", misparsed with no verb at all
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and not any(
        t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj") and t.i != tok.i and t.head.i == head.i
        for t in head.children)


def _armed_party(tok, lex: Lexicon) -> bool:
    """"gunmen", "unidentified assailants", "armed men", "suspected jihadists": people who carry
    out violence, named by what they are rather than who."""
    if tok is None:
        return False
    lem = tok.lemma_.lower()
    if lem in lex.word_list("armed_nouns") or tok.lower_ in lex.word_list("armed_nouns"):
        return True
    return armed_people(tok) or lem in lex.people_nouns | {"man", "men", "group", "people"} and any(
        c.dep_ == "amod" and c.lemma_.lower() in lex.word_list("armed_modifiers") for c in tok.children)


def _munition(tok, lex: Lexicon) -> bool:
    """"a barrage of 35 rockets", "two missiles": what was fired, never what was hit."""
    return bool(_noun_lemmas(tok) & lex.derived_words(
        "volley_words", lambda: set(lex.weapon_modes) | lex.word_list("volley_nouns")))


def _demonym_actor(tok, an, actors: ActorTable) -> Role | None:
    """"Russian missiles", "Israeli strikes": the side named by an adjective or compound."""
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss"):
            d = actors.demonyms.get(c.lower_)
            if d:
                actor = actors.lookup(d[0])
                if actor is not None:
                    return Role(actor.name, actor.country, actor.sector, {c.i})
                return Role(d[0], d[1], None, {c.i})
            if c.dep_ == "poss" and c.pos_ == "PRON":
                continue
            if c.dep_ == "compound" and c.pos_ == "NOUN":
                known = actors.lookup(c.text)      # "junta aircraft", "army drones"
                if known is not None:
                    return Role(known.name, known.country, known.sector, {c.i})
            if c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP"):
                r = resolve(c, an, actors, None)
                if r is not None and (r.country or r.sector):
                    return r
    return None


def _side_of(tok, an, actors: ActorTable):
    """(token, Role) of the side an attack or weapon belongs to: "an attack by the army",
    "14 Russian assaults", "31 Ukrainian drones"; (None, None) when it does not say."""
    by = [c for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
          for c in p.children if c.dep_ == "pobj"]
    if by:
        return by[0], None
    return None, _demonym_actor(tok, an, actors)


def _defended(tok, obj, an, actors: ActorTable, lex: Lexicon):
    """"Air defences shot down 31 Ukrainian drones", "forces repelled 14 Russian assaults": the
    one who shoots down or repels is defending; the attacker is the side of what was stopped.
    Returns (attacker token, attacker Role) or None when the object names no side."""
    if tok.lemma_.lower() not in lex.word_list("defensive_verbs") or obj is None:
        return None
    if not (_is_weapon(obj, lex) or obj.lemma_.lower() in lex.word_list("attack_nouns")):
        return None
    side_tok, side = _side_of(obj, an, actors)
    if side_tok is None and side is None:
        return None
    return side_tok, side


def participants(m: Match, an, actors: ActorTable, lex: Lexicon, ctx: Context):
    """(actor Role, target Role, actor token, target token, subject token) for one match."""
    tok, entry = m.tok, m.entry
    info = lex.type(entry.type)
    actor = defended = None
    if entry.pos == "VERB" and info.violent and not is_passive(tok):
        dobj = children(tok, "dobj")
        defended = _defended(tok, dobj[0] if dobj else None, an, actors, lex)
    if defended is not None and _shot_down(tok, dobj[0], lex):
        return _shoot_down_roles(m, an, actors, lex, ctx, info, defended)
    if defended is not None:
        actor_tok, target_tok, subj, actor = _defence_roles(m, defended, lex)
    elif entry.pos == "VERB":
        actor_tok, target_tok, subj = _verb_roles(m, an, lex, info)
    else:
        actor_tok, target_tok, defended = _noun_roles(m, an, actors, lex)
        if defended is not None:
            actor = defended[1]
        subj = actor_tok
    if defended is None:
        target_tok = _typed_target(m, lex, info, actor_tok, target_tok)
    return _resolve_roles(m, an, actors, lex, ctx, info, actor, defended, actor_tok, target_tok, subj)


def _typed_target(m: Match, lex: Lexicon, info: TypeInfo, actor_tok, target_tok):
    """The target a type's own frame gives (targets.py), then, for an attack that names none,
    the target of the attack noun of its clause, the victims of its casualty clause."""
    tok = m.tok
    target_tok = target_token(tok, info, lex, target_tok)
    if not info.violent:
        return target_tok
    clause = tok if m.entry.pos == "VERB" else m.carrier      # "drones killed a woman during an attack on"
    if clause is not None and (target_tok is None or _is_civilian(target_tok, lex)):
        target_tok = attack_noun_target(clause, lex) or target_tok
    if m.entry.pos == "VERB":
        target_tok = subject_attack_target(tok, lex) or target_tok
    if target_tok is None:
        target_tok = _casualty_victim(tok, lex, actor_tok)
    if target_tok is None:
        target_tok = relative_victims(tok, lex) or (
            relative_victims(m.carrier, lex) if m.carrier is not None else None)
    return target_tok


def _is_civilian(tok, lex: Lexicon) -> bool:
    """People with no side ("ten people", "a woman"): the toll, not what an attack was against."""
    return tok.lemma_.lower() in lex.people_nouns and not any(
        c.dep_ in ("amod", "compound", "poss") and (c.ent_type_ or c.pos_ == "PROPN") for c in tok.children)


def _relative_hit(tok, lex: Lexicon) -> list:
    """"bombings that targeted a mosque", "an airstrike that hit a hospital": what the attack's
    relative clause says it hit (its victims, "that killed five people", are told apart)."""
    hits = lex.carriers.get("subject", frozenset()) - lex.carriers.get("casualty", frozenset())
    return [o for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in hits and
            any(s.lower_ in ("that", "which") for s in children(c, "nsubj"))
            for o in children(c, "dobj")]


def _casualty_victim(tok, lex: Lexicon, actor_tok=None):
    """The victims of the casualty clause an attack is told in, when the attack names no target
    of its own: "shelling killed a man" (the object), "a woman was killed in a strike", "a man
    died in the shelling" (the subject), "a boy suffered wounds from shelling" (who suffered)."""
    head, via_prep = _clause_of_attack(tok)
    if head is None:
        return None
    harm = lex.word_list("harm_nouns") | lex.word_list("casualty_words")
    suffered = [o for o in children(head, "dobj") if _noun_lemmas(o) & harm]
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.lemma_.lower() in harm:
        head, suffered = head.head, [head]
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if not suffered and head.lemma_.lower() not in lex.carriers.get("casualty", frozenset()):
        return None
    if is_passive(head):
        cands = children(head, "nsubjpass")
    elif suffered or (via_prep and not children(head, "dobj")):
        cands = children(head, "nsubj")          # who suffered wounds, who died
    else:
        cands = children(head, "dobj")           # what the attack (or its doer) killed
    cands = [c for c in cands if c is not actor_tok and c.pos_ in ("NOUN", "PROPN")]
    return cands[0] if cands else None


def _clause_of_attack(tok):
    """(head, through a preposition?) of the clause an attack word sits in: the verb it is the
    subject of ("shelling killed"), or the word its in/from/by phrase hangs on."""
    if tok.dep_ in ("nsubj", "csubj") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head, False
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ == "prep":
        return tok.head.head, True
    return None, False


def _shot_down(tok, obj, lex: Lexicon) -> bool:
    """"shot down / intercepted / destroyed 30 Russian drones": a weapon stopped (not an attack
    repelled, "repelled 14 Russian assaults", which stays the attacker's act)."""
    return tok.lemma_.lower() not in lex.word_list("repel_verbs") and _is_weapon(obj, lex)


def _shoot_down_roles(m: Match, an, actors: ActorTable, lex: Lexicon, ctx: Context, info: TypeInfo, defended):
    """"Air defences shot down 30 Russian drones over Kyiv": the shooter is the actor (its own
    words' side, else the state it was shot down over, else the reporter's side) and the side of
    what was shot down is the target."""
    tok = m.tok
    subj = subject_of(tok, lex.frames.get("request", frozenset()))
    actor, _, actor_tok, _, subj = _resolve_roles(m, an, actors, lex, ctx, info, None, None, subj, None, subj)
    dobj = children(tok, "dobj")
    if actor is None and subj is not None:
        actor_tok, actor = side_on(subj, an, actors, ctx)          # "US warships", "RSF gunners"
    named_tok, named = side_on(dobj[0], an, actors, ctx) if dobj else (None, None)
    side_tok, side = (named_tok, named) if named is not None else defended   # "a Houthi drone": the Houthis
    if side is None and side_tok is not None:
        side = resolve(side_tok, an, actors, ctx, as_target=True)
    places = {"over", "above", "near", "in"}
    over = prep_objects(tok, places) or (prep_objects(dobj[0], places) if dobj else [])
    shooter = shooter_side(tok, actor, side, over[0] if over else None, an, actors, ctx)
    if shooter is not actor and actor_tok is None:
        actor_tok = subj                 # the shooter's words, with the side found elsewhere
    return shooter, side, actor_tok, side_tok if side_tok is not None else (dobj[0] if dobj else None), subj


def _defence_roles(m: Match, defended, lex: Lexicon):
    """"Air defences shot down 31 Ukrainian drones over Kursk": the attacker is the side of what
    was stopped; the target is who repelled it, or the place it was shot down over."""
    tok = m.tok
    subj = subject_of(tok, lex.frames.get("request", frozenset()))
    actor_tok, actor = defended
    if tok.lemma_.lower() in lex.word_list("repel_verbs"):
        return actor_tok, subj, subj, actor     # the defenders were the ones attacked
    dobj = children(tok, "dobj")
    places = {"over", "above", "near", "in"}
    over = prep_objects(tok, places) or (prep_objects(dobj[0], places) if dobj else [])
    return actor_tok, (over[0] if over else None), subj, actor


def _verb_roles(m: Match, an, lex: Lexicon, info: TypeInfo):
    """(actor token, target token, subject token) of a verb trigger."""
    tok = m.tok
    subj = None
    if is_passive(tok) or shared_passive(tok):
        actor_tok = agent_of(tok)
        targets = _passive_subjects(tok)
        if not targets and tok.dep_ == "acl":
            targets = [tok.head]
        target_tok = targets[0] if targets else None
    else:
        subj = subject_of(_reported_participle(tok, lex), lex.frames.get("request", frozenset()))
        by = prep_objects(tok, {"by"}) if tok.tag_ == "VBG" and not children(tok, "nsubj") else []
        if by:
            subj = by[0]          # "Shelling by the RSF on the camp killed 18": the gerund's agent acts
        actor_tok = subj
        target_tok = _direct_target(m, lex, info)
        if m.entry.subj_is_target and subj is not None:
            actor_tok, target_tok = None, subj      # "twelve hostages returned home": freed, no doer named
    if target_tok is None:
        target_tok = _prep_target(m, actor_tok, lex, info)
    if target_tok is None and info.ties:
        # "recalled its ambassador from Kigali", "expelled diplomats to Moscow": the state
        # the ties are cut with
        ties = [o for o in prep_objects(tok, {"from", "to", "with"}) + [
            c for d in children(tok, "dobj") for c in prep_objects(d, {"from", "to", "in", "with"})]
            if o.ent_type_ in ("GPE", "NORP", "ORG") or an.token_place.get(o.i) is not None]
        target_tok = ties[0] if ties else None
    if target_tok is None and info.target_in_content:
        # "threatened to cut gas supplies to Europe": the threatened act's target
        for x in children(tok, "xcomp", "ccomp"):
            objs = prep_objects(x, {"to", "on", "against", "at"}) + children(x, "dobj")
            named = [o for o in objs if o.ent_type_ in ("GPE", "ORG", "NORP", "PERSON", "LOC") or
                     any(c.ent_type_ in ("GPE", "NORP", "ORG") for c in o.children
                         if c.dep_ in ("amod", "compound", "poss")) or      # "Kurdish fighters"
                     _threatened_thing(tok, o, info, lex)]                 # "to bomb villages"
            if named:
                target_tok = named[0]
                break
    if target_tok is not None:
        target_tok = _antecedent(target_tok)
    return actor_tok, target_tok, subj


def _reported_participle(tok, lex: Lexicon):
    """"had withdrawn, residents said, taking with them three trucks": a participle clause the
    parser hung on a parenthetical reporting verb belongs to the reported clause; its doer is
    that clause's subject, not the reporter. The verb to take the subject from."""
    head = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or children(tok, "nsubj", "nsubjpass") or \
            head.lemma_.lower() not in lex.frames.get("report", frozenset()):
        return tok
    said = [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ == "VERB" and c.i < tok.i]
    return said[0] if said else tok


def _participle_host(tok, lex: Lexicon):
    """The clause a trailing participle without its own subject belongs to, or None."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or children(tok, "nsubj", "nsubjpass"):
        return None
    host = _reported_participle(tok, lex)
    return host if host is not tok else tok.head


def _direct_target(m: Match, lex: Lexicon, info: TypeInfo):
    """The object of an active verb, unless it is what was sent / imposed / fired (the event's
    content: then a with/to/on object of that content, "imposed sanctions on Russia")."""
    tok, entry = m.tok, m.entry
    objs = [o for o in children(tok, "dobj", "dative") if o.pos_ != "ADP"]
    if info.violent:
        objs = [o for o in objs if not _is_weapon(o, lex)]
    # a town captured or a base attacked is the target; in a phrase that needs its preposition
    # ("set fire to a school") the object is part of the phrase, the preposition's object the target
    content = [o for o in objs if entry.obj and not entry.obj_is_target and _noun_lemmas(o) & entry.obj
               and (not info.violent or _munition(o, lex) or entry.prep)]
    objs = [o for o in objs if o not in content]
    if objs:
        return objs[0]
    if content:
        inner = prep_objects(content[0], entry.target_prep | {"with", "to"})
        if not inner and _noun_lemmas(content[0]) & lex.word_list("claim_nouns"):
            return content[0]         # "dismissed the accusations by Israeli officials": whose they are
        return inner[0] if inner else None
    return None


def _prep_target(m: Match, actor_tok, lex: Lexicon, info: TypeInfo):
    """The object of a target preposition ("fired at", "appealed to"), also one the parser hung
    on the agent ("by X on the camp") or on the weapon ("fired rockets at an army base")."""
    tok, entry = m.tok, m.entry
    preps = entry.target_prep | (entry.prep & {"on", "upon", "to", "with"})
    objs = [o for o in prep_objects(tok, preps) if o.ent_type_ not in ("DATE", "TIME")]
    if not objs and actor_tok is not None and actor_tok.dep_ == "pobj" and actor_tok.head.lower_ == "by":
        objs = prep_objects(actor_tok, preps)
    if not objs and info.violent:
        for w in children(tok, "dobj"):
            if _munition(w, lex):
                objs = prep_objects(w, preps) or [c for x in w.conjuncts for c in prep_objects(x, preps)]
                if objs:
                    break
    return objs[0] if objs else None


def _noun_roles(m: Match, an, actors: ActorTable, lex: Lexicon):
    """(actor token, target token, defended) of a noun trigger and its carrier."""
    tok, entry = m.tok, m.entry
    carrier, kind = m.carrier, m.carrier_kind
    request = lex.frames.get("request", frozenset())
    by = [c for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
          for c in p.children if c.dep_ == "pobj"]
    # "missile strikes launched by Indian forces", "an attack carried out by the RSF"
    by = by or [a for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for a in [agent_of(c)] if a is not None]
    # "the murder of two aid workers by RSF fighters": the parser hung the doer on the victims
    victims = [o for o in prep_objects(tok, {"of"}) if entry.people_obj and _has_people([o], lex)]
    by = by or [b for o in victims for b in prep_objects(o, {"by"})]
    # "Saturday's attack": a day, not a doer
    poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in ("DATE", "TIME")]
    between = prep_objects(tok, {"between"})
    actor_tok = defended = None
    if by:
        actor_tok = by[0]
    elif between and lex.type(entry.type).between_parties:
        actor_tok = between[0]          # "talks between Kyiv and Ankara", "clashes between A and B"
    elif poss:
        actor_tok = poss[0]
    elif kind in ("agentive", "on", "responsibility", "during"):
        actor_tok = agent_of(carrier) if is_passive(carrier) else subject_of(carrier, request)
    if kind == "agentive" and carrier.lemma_.lower() in lex.word_list("defensive_verbs") and \
            not is_passive(carrier):
        side_tok, side = _side_of(tok, an, actors)
        if side_tok is not None or side is not None:
            # "Ukrainian forces repelled 14 Russian assaults": the assaults were Russian
            defended = (side_tok, side)
            actor_tok = side_tok
    # "the killing of 22 suspects at a warehouse": the people it was done to, not the place
    objs = victims or [o for o in prep_objects(tok, entry.target_prep) if o.ent_type_ not in ("DATE", "TIME")]
    if not objs:
        objs = _relative_hit(tok, lex)
    if not objs and kind == "subject":
        objs = children(carrier, "dobj")
    if not objs and kind == "under":
        objs = children(carrier, "nsubj")
    if not objs and kind == "agentive":
        objs = prep_objects(carrier, entry.target_prep)
    if not objs and not lex.type(entry.type).raises_people:
        # "the release of 215 Ukrainians", "the arrest of two journalists": the people the
        # act was done to (those of a mobilisation are what it raises, not its target)
        objs = [o for o in prep_objects(tok, {"of"}) if _addressee(o, lex) or
                o.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")]
    target_tok = objs[0] if objs else None
    if defended is not None:
        target_tok = subject_of(carrier, request)
    return actor_tok, target_tok, defended


def _resolve_roles(m: Match, an, actors: ActorTable, lex: Lexicon, ctx: Context, info: TypeInfo,
                   actor, defended, actor_tok, target_tok, subj):
    """Tokens -> Roles: relative pronouns, weapons as actors, demonyms, non-targets."""
    tok, entry = m.tok, m.entry
    # "X, who was detained ...": the relative pronoun stands for the noun the clause hangs on
    if tok.dep_ == "relcl":
        if target_tok is not None and target_tok.lower_ in ("who", "which", "that", "whom"):
            target_tok = tok.head
        if actor_tok is not None and actor_tok.lower_ in ("who", "which", "that"):
            actor_tok = tok.head
    if defended is not None and actor is not None:
        pass                          # the attacker named by a demonym of what was stopped
    elif actor_tok is not None and _is_weapon(actor_tok, lex) and \
            not actors.is_party_noun(actor_tok.lemma_):       # "gunmen" name a mode and a party
        actor = _demonym_actor(actor_tok, an, actors)
        if actor is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in actor_tok.children):
            actor = resolve(actor_tok, an, actors, ctx)     # "the military said its aircraft had struck"
        actor_tok = None
    elif actor_tok is not None:
        actor = seat_state(actor_tok, actors) or resolve(actor_tok, an, actors, ctx)
    if actor is None and entry.pos == "NOUN":
        actor = _demonym_actor(tok, an, actors)
    target_tok = refine_token(target_tok)
    abstract = target_tok
    target_tok = _owner_of_abstract(target_tok, actors, lex)
    if target_tok is not None and (target_tok.ent_type_ in ("DATE", "TIME")
                                   or (target_tok.lemma_.lower() in lex.not_targets and   # "a training ground" is one
                                       not any(c.dep_ == "compound" for c in target_tok.children))):
        target_tok = None             # "exchanged prisoners on Monday", "fought their way"
    # a place attacked or marched in is the place; a capital sanctioned or accused is its state
    owned = target_tok is not None and (target_tok is not abstract or (    # "Western criticism": the West's
        target_tok.pos_ == "ADJ" and target_tok.lower_ in actors.demonyms))   # "dismissed the Ukrainian claims"
    threatened = target_tok is not None and _threatened_thing(tok, target_tok, info, lex)
    target = resolve(target_tok, an, actors, ctx, as_target=info.place_target or threatened) \
        if target_tok is not None else None
    if target is None and owned and target_tok.lower_ in actors.demonyms:
        name, code = actors.demonyms[target_tok.lower_]
        target = Role(name, code, None, {target_tok.i})
    if target is not None and not info.open_target and not is_named(target, target_tok, actors) \
            and not owned and not _addressee(target_tok, lex) and not threatened:
        target = None                 # "rejected the accusations": not a participant
    if target is None and target_tok is not None and (_body_by_name(target_tok) or
                                                      _people_by_word(target_tok, info, lex)):
        target = _named_body(target_tok)
    owner = [c for c in target_tok.children if c.dep_ == "poss" and c.pos_ != "PRON"] \
        if target is None and target_tok is not None and target_tok.pos_ == "NOUN" else []
    if owner:
        # "met Egypt's president", "talks with Kenya's foreign minister": the party they speak for
        target = resolve(owner[0], an, actors, ctx, as_target=info.place_target)
        target = target if is_named(target, owner[0], actors) else None
    return actor, target, actor_tok, target_tok, subj


def _threatened_thing(tok, target_tok, info: TypeInfo, lex: Lexicon) -> bool:
    """"threatened to strike Hezbollah positions", "to bomb villages": what the threatened act
    would hit, when it can be hit (a physical target, people, or a thing named by its owner)."""
    if not info.target_in_content:
        return False
    verb = target_tok.head if target_tok.dep_ == "dobj" else target_tok.head.head
    act = [a for a in (verb, verb.head) if a.i != tok.i and a.pos_ == "NOUN"]
    threatened_act = bool(act) and act[0].lemma_.lower() in lex.word_list("attack_nouns") | \
        lex.word_list("violent_nouns") and tok.i in {act[0].head.i, act[0].head.head.i}
    if not threatened_act and (verb.dep_ not in ("xcomp", "ccomp") or verb.head.i != tok.i):
        return False
    lem = target_tok.lemma_.lower()
    return lem in lex.word_list("physical_targets") or lem in lex.people_nouns or any(
        c.dep_ in ("compound", "amod", "poss") and (c.ent_type_ or c.pos_ == "PROPN") for c in target_tok.children)


def _owner_of_abstract(tok, actors: ActorTable, lex: Lexicon):
    """"denied Russia's claim", "rejected Hamas's proposal", "condemned Israel's strikes": the
    party whose claim, plan or act it is (the abstract noun itself is never a participant)."""
    if tok is None or tok.pos_ != "NOUN":
        return tok
    lem = tok.lemma_.lower()
    if lem not in actors.abstract_nouns and lem not in lex.word_list("claim_nouns"):
        return tok
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return owners[0] if owners else (side_modifier(tok, actors) or _claimed_by(tok, actors, lex) or tok)


def _claimed_by(tok, actors: ActorTable, lex: Lexicon):
    """"the claim of the Pakistani side", "allegations by Indian officials", "a statement by the
    Thai army": whose claim a claim noun is, told by its of/by/from phrase (a name, or people named
    by their state: the state's word)."""
    if tok.lemma_.lower() not in lex.word_list("claim_nouns"):
        return None
    for p in tok.children:
        if p.dep_ not in ("prep", "agent") or p.lower_ not in ("of", "by", "from"):
            continue
        for o in (c for c in p.children if c.dep_ == "pobj"):
            if o.pos_ == "PROPN" or o.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
                return o
            side = side_modifier(o, actors)
            if side is not None and (o.lemma_.lower() in lex.word_list("addressee_nouns") or
                                     o.lemma_.lower() in lex.people_nouns or actors.is_party_noun(o.lemma_.lower())):
                return side if o.lemma_.lower() in ("side", "party") else o
            if p.lower_ == "by" and actors.is_party_noun(o.lemma_.lower()):
                return o              # "claims by the rebels"
    return None


def _body_by_name(tok) -> bool:
    """A common noun named by two capitalised words or more ("the Kenyan-led Multinational
    Security Support mission", "the Joint Verification Mechanism")."""
    return tok.pos_ == "NOUN" and sum(t.pos_ == "PROPN" for c in tok.children if c.dep_ == "compound"
                                      for t in c.subtree) >= 2


def _people_by_word(tok, info: TypeInfo, lex: Lexicon) -> bool:
    """"sanctions against six settlers": people a measure names by what they are (a plural noun
    of a person ending, `event_targets.yaml` person_endings) are its target in the article's words."""
    if info.name.lower() not in T.worded_target_types or tok.tag_ != "NNS" or tok.ent_type_:
        return False
    low = tok.lower_
    return low in lex.people_nouns or any(low.endswith(e) for e in T.person_endings)


def _named_body(tok) -> Role | None:
    """The body or group in the article's words, from its first modifier to its head noun."""
    left = [c for c in tok.lefts if c.dep_ not in ("det", "nummod", "quantmod") and not c.like_num]
    start = min([t.i for c in left for t in c.subtree] + [tok.i])
    words = tok.doc[start:tok.i + 1].text
    return Role(words, None, None, {t.i for t in tok.doc[start:tok.i + 1]}, None, words)


def _addressee(tok, lex: Lexicon) -> bool:
    """A common noun that still names a party: "urged Western partners", "called on both sides",
    "asked the authorities" (people or bodies, not things like "the accusations")."""
    lem = tok.lemma_.lower()
    if _body_by_name(tok):
        return True           # "the Multinational Security Support mission": a body named by its words
    return lem in lex.word_list("addressee_nouns") or lem in lex.people_nouns or tok.lower_ in lex.people_nouns


# ---------------------------------------------------------------- the coder

@dataclass
class Coder:
    an: object
    lex: Lexicon
    actors: ActorTable
    ctx: Context = field(default_factory=Context)
    traces: list[Trace] = field(default_factory=list)
    unreal: set[int] = field(default_factory=set)     # tokens of acts that did not happen
    threat_content: set[int] = field(default_factory=set)   # tokens of what a threat says will be done
    tmem: TargetMemory = field(default_factory=TargetMemory)   # what later targets may use
    last_org_source: str | None = None                # the organization last named as a source

    def code(self) -> list[Event]:
        doc = self.an.doc
        self.title_end = title_end(self.an)
        self.quote_spans = _quote_spans(self.an)
        per_sentence: list[tuple[bool, list[Event]]] = []
        n = 0
        for si, sent in enumerate(doc.sents):
            for is_title, events in self.code_sentence(si, sent):
                per_sentence.append((is_title, events))
                n += len(events)
            self._remember_subjects(sent)
            check_events(n, sent.end / max(1, len(doc)))     # the per-article cap (run.budget)
        return self._finish(per_sentence)

    def code_sentence(self, si: int, sent) -> list[tuple[bool, list[Event]]]:
        """Events of one sentence, as (is_title, events) groups: a title line the parser glued
        to the first body sentence is coded as its own group."""
        if len(sent) > MAX_SENTENCE_TOKENS:
            return []
        if not any(t.pos_ in ("VERB", "AUX") for t in sent) and not _verbless_told(sent.root, self.lex):
            return []
        groups = []
        for seg in _segments(sent):
            credit = _credit_line(seg, self.lex, self.an.clean.text)
            if credit:
                # a photo caption or a byline describes a picture or a writer, not the news; its
                # words (and its day) are no event's
                self.traces.append(Trace(si, seg.start, seg[:6].text, "caption", "rejected",
                                         f"{credit}: not a report of an event"))
                self.unreal |= {t.i for t in seg}
                continue
            is_title = seg.end_char <= self.title_end
            groups.append((is_title, self._code_tokens(si, seg, seg)))
        return groups

    def _code_tokens(self, si: int, sent, tokens) -> list[Event]:
        coded: list[tuple[Match, Event]] = []
        for tok in tokens:
            m, misses = match_token(tok, self.lex)
            if m is None:
                for entry, why in misses[-1:]:
                    self.traces.append(Trace(si, tok.i, tok.text, entry.id, "rejected", why))
                continue
            ev = self.event(si, sent, m)
            if ev is not None:
                coded.append((m, ev))
        if not coded and self.lex.fallback:
            coded = self._fallback(si, sent)
        if not coded:
            coded = self._classified(si, sent)
        return self._merge(si, coded)

    def _traces_of(self, si: int):
        """This sentence's traces (the newest ones): a look-back bounded by the sentence, not
        by the article, so the fallback costs the same in the last sentence as in the first."""
        for t in reversed(self.traces):
            if t.sent_index != si:
                return
            yield t

    def _fallback(self, si: int, seg) -> list[tuple[Match, Event]]:
        """A sentence the entries coded nothing from: its main verb (or, under "X said", the
        verb of what was said), looked up in the lexicon's `fallback:` table, goes through the
        same steps (status, roles, physical act, place). Not for a verb whose own entry was
        stopped by its status or sense (a plan, a warning, a figure of speech)."""
        stopped = {t.token_i for t in self._traces_of(si) if t.outcome in ("not emitted", "merged") or
                   t.outcome == "rejected" and t.reason.startswith(STOPPING_REASONS)}
        for tok in _main_predicates(seg, self.lex):
            if tok.i in stopped:
                continue
            late, _ = match_token(tok, self.lex, late=True)
            for m, why in ((late, "a late entry"), (self._fallback_match(tok), "main verb")):
                if m is None:
                    continue
                if why == "main verb" and not self._doer_named(tok):
                    self.traces.append(Trace(si, tok.i, tok.text, f"{m.entry.id} (fallback)", "rejected",
                                             "fallback: its subject names no party (\"an earthquake struck\")"))
                    continue
                n = len(self.traces)
                ev = self.event(si, seg, m)
                for t in self.traces[n:]:
                    t.rule = f"{m.entry.id} (fallback: {why} '{tok.text}' of a sentence the entries coded nothing from)"
                if ev is not None:
                    return [(m, ev)]
        return []

    def _classified(self, si: int, seg) -> list[tuple[Match, Event]]:
        """The learned fallback (sentence_types.py): a sentence nothing coded, that no filter
        stopped for a reason (negated, figurative, planned, a question, reported content, a
        subject that is no party...), whose likeliest type passes the head's threshold: its main
        verb goes through the same steps as the verb fallback's, as an entry of that type."""
        on, _ = sentence_types.status()
        if not on:
            return []
        traces = list(self._traces_of(si))
        if any(t.outcome in ("not emitted", "merged") or t.outcome == "rejected" and
               t.reason.startswith(STOPPING_REASONS + ("fallback:", "caption")) for t in traces):
            return []
        cues = self.lex.derived_words("classifier_cues", lambda: self._party_words() | frozenset(self.lex.weapon_modes)
                                      | self.lex.word_list("casualty_words"))
        preds = _main_predicates(seg, self.lex)
        if not preds or not sentence_types.candidate(seg, cues):
            return []
        tok = preds[0]
        if is_passive(tok) or not children(tok, "nsubj") or tok.lemma_.lower() in self.lex.frames.get("report", ()):
            # "were taken to hospital", "traffic was suspended": a consequence told, no doer;
            # "she wrote that ...": what was said is the speaker's, not a report of an act
            return []
        etype, p = sentence_types.best_type(seg.text)
        if p < sentence_types.threshold():
            return []
        if any(t.outcome == "coded" and t.event is not None and t.event.type == etype for t in self.traces):
            return []     # "the confrontation occurred Monday": most likely the act told already, retold
        m = Match(tok, Entry(id=f"classifier.{etype.lower()}", type=etype, lemmas=frozenset({tok.lemma_.lower()}),
                             source="sentence_types.npz"), why="sentence classifier")
        n = len(self.traces)
        ev = self.event(si, seg, m)
        for t in self.traces[n:]:
            t.rule = f"sentence classifier: {etype} p={p:.2f} (main verb '{tok.text}' of a sentence the entries coded nothing from)"
        return [(m, ev)] if ev is not None else []

    def _doer_named(self, tok) -> bool:
        """Does a main verb read without its frame have a doer that can be a party: a name, a
        pronoun, or a noun of people, groups or institutions ("the ruling party", "rescue teams"),
        not "an earthquake", "inflation" or "investors"? A passive leaves that to the event's steps."""
        if is_passive(tok):
            return True
        subj = children(tok, "nsubj")
        if not subj and tok.dep_ == "conj":
            subj = children(tok.head, "nsubj")
        if not subj:
            return False
        s = subj[0]
        if s.pos_ in ("PROPN", "PRON", "NUM") or s.like_num or s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        return bool(_noun_lemmas(s, 1) & self._party_words())

    def _party_words(self) -> frozenset[str]:
        W = self.lex.word_list
        return self.lex.derived_words("party_words", lambda: self.lex.people_nouns | W("addressee_nouns") |
                                      W("armed_nouns") | W("crowd_words") | W("party_nouns"))

    def _fallback_match(self, tok) -> Match | None:
        """The fallback table's entry for a main verb: of "verb particle" for a phrasal verb
        ("hand over"), none for a phrasal verb of another sense ("sent off"), else of the verb."""
        lemma, fb = tok.lemma_.lower(), self.lex.fallback
        if any(f"{lemma} {o.lemma_.lower()}" in self.lex.word_list("non_event_pairs") for o in children(tok, "dobj")):
            return None          # "signed the bill into law", "called an election": no event
        for prt in (c.lower_ for c in tok.children if c.dep_ == "prt"):
            if f"{lemma} {prt}" in fb:
                return Match(tok, fb[f"{lemma} {prt}"], why="fallback")
            if self.lex.is_phrasal(lemma, prt):
                return None
        entry = fb.get(lemma)
        return Match(tok, entry, why="fallback") if entry is not None else None

    def event(self, si: int, sent, m: Match) -> Event | None:
        """One matched trigger -> an Event, or None with a trace saying why: the steps below run
        in order; each may stop the event (accept, participants, status and source, repairs,
        locate, carry over), then the event is built, emitted, and only then remembered."""
        d = self._draft(si, sent, m)
        for step in (self._accept, self._displacement, self._participants, self._physical_act, self._status_and_source, self._repair,
                     self._locate, self._carry_over, self._settle_target):
            stop = step(d)
            if stop is not None:
                outcome, reason = stop
                self.traces.append(Trace(si, m.tok.i, d.trig, d.rule, outcome, reason))
                if step == self._accept or outcome == "merged":
                    self._unreal(d)
                return None
        ev, stop = self._build(d)
        if stop is not None:
            self.traces.append(Trace(si, m.tok.i, d.trig, d.rule, "rejected", stop))
            return None
        why = "; ".join([d.verdict.reason, *d.paths])
        if d.status not in self.lex.emit_statuses:
            self.traces.append(Trace(si, m.tok.i, d.trig, d.rule, "not emitted",
                                     f"status {d.status}: {why} (settings.emit_statuses)", ev))
            self._unreal(d)
            return None
        self.traces.append(Trace(si, m.tok.i, d.trig, d.rule, "coded", why, ev))
        note_inferred(self, d, ev)
        self._commit(d, ev)
        return ev

    def _unreal(self, d: "Draft") -> None:
        """The words of an act that did not happen (warned, planned, denied, asked for): their
        places are not where later events happened."""
        for head in {d.clause, d.m.tok}:
            other = {t.i for c in head.children if c.dep_ in ("conj", "parataxis", "advcl")
                     for t in c.subtree}
            self.unreal |= {t.i for t in head.subtree} - other

    # -- the steps ---------------------------------------------------------------------------
    def _draft(self, si: int, sent, m: Match) -> "Draft":
        tok = m.tok
        rule = m.entry.id + (f" + carrier '{m.carrier.text}' ({m.carrier_kind})" if m.carrier is not None else "")
        trig = tok.text + "".join(" " + c.text for c in tok.children if c.dep_ == "prt")
        clause = m.carrier if m.carrier is not None else tok
        lifted = _finite_partner(clause)
        d = Draft(si, sent, m, rule, trig, clause, assess(lifted or clause, sent, self.lex), m.entry.type,
                  self.lex.type(m.entry.type), lifted=lifted)
        if lifted is not None:
            d.paths.append(f"coordinated with '{lifted.text}' (a past-tense verb joined to '{clause.head.text}')")
        return d

    def _accept(self, d: "Draft"):
        """Is the trigger a statement that something happened (or a threat made now)?"""
        entry, tok, verdict = d.m.entry, d.m.tok, d.verdict
        if entry.future_only:
            if verdict.status not in ("planned", "warned", "threatened"):
                return "rejected", "entry is future_only: not a statement about the future"
            # "Russia would respond": the statement is the threat, made now
            verdict.status = "claimed" if verdict.source is not None else "occurred"
        if d.info.asks and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in self.lex.word_list("anonymity_verbs")
                               and any(g.dep_ == "neg" for g in c.children) for c in tok.children):
            return "rejected", "asked NOT to do something (\"asked not to be named\")"
        if d.info.asks and self._question(tok):
            return "rejected", "a question asked (\"asked whether civilians were hit\"), not a request"
        if verdict.status is None and self._refusal(d):
            d.paths.append(f"a refusal: {verdict.reason} (coded as REJECT)")
            verdict.status = "occurred"
        if verdict.status is None:
            return "rejected", verdict.reason
        habit = self._habitual(tok)
        if habit:
            return "rejected", f"a simple present with '{habit}': what a party does as a rule, not an incident"
        if tok.dep_ in ("acl", "relcl") and tok.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            # "appealed for weapons to fight the junta", "a plan to attack": what it is for
            return "rejected", f"infinitive describing '{tok.head.text}': not done"
        W = self.lex.word_list
        if tok.dep_ == "pcomp" and tok.head.head.pos_ == "NOUN" and \
                tok.head.head.lemma_.lower() not in W("responsibility_nouns") | W("harm_nouns"):
            # ("wounds from shelling": the harm says the shelling happened)
            # "appealed for help in defending themselves", "the right to protest": what a noun is about
            return "rejected", f"gerund describing '{tok.head.head.text}': not an event"
        if d.info.cooperative and verdict.reason.startswith("accusation"):
            # "accused Kigali of backing the rebels": alleged support or collusion is the accusation
            # itself, not a statement of support anyone made (an alleged attack, threat or refusal is
            # still a claimed act, below)
            return "rejected", f"what an accusation alleges ({verdict.reason}): no {d.etype} was made"
        if verdict.reason.startswith("accusation") and verdict.governor is not None and \
                (verdict.governor.tag_ != "VBN" or verdict.governor.dep_ == "acl" and not d.info.violent) and not (d.info.violent and self._harm_told(d.sent, tok)):
            # "accused Russia of torturing prisoners and denying access": what is alleged is the
            # accusation's content, coded as the ACCUSE; an alleged attack with its own casualties
            # ("accused Kyiv of shelling a market, killing six") is a claimed incident
            return "rejected", f"what an accusation alleges ({verdict.reason}): coded as the ACCUSE, no casualty told"
        d.status, d.source_tok = verdict.status, verdict.source
        if d.status in ("planned", "warned") and d.info.future_is_pledge and self._announced_now(tok, verdict.reason):
            # "Washington will provide $300 million in aid": the announcement is the pledge
            d.status = "claimed" if verdict.source is not None else "occurred"
            d.paths.append(f"a pledge: {verdict.reason}, announced now")
        return self._reported_by_noun(d)

    def _announced_now(self, tok, reason: str) -> bool:
        """"will provide $300 million", "announced that 2,000 troops would be deployed": a decision
        told as what will be done (a "would" only under a verb of announcing, `announce_verbs`),
        with no condition on it ("will deploy more troops if Russia attacks" is no decision)."""
        marks = self.lex.frames.get("conditional_marks", frozenset())
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in tok.children):
            return False
        if reason.startswith("future"):
            return True
        return reason.startswith("modal") and any(a.dep_ == "aux" and a.lower_ == "would" for a in tok.children) and \
            tok.dep_ == "ccomp" and tok.head.lemma_.lower() in self.lex.word_list("announce_verbs")

    def _habitual(self, tok) -> str | None:
        """"Russian forces strike only military facilities", "our air force targets only military
        concentrations", "the army never shells villages": a verb in the simple present (no
        auxiliary; not a headline) with a habitual adverb (`habitual_adverbs`) on it or its object
        tells a practice. Returns that adverb."""
        if tok.pos_ != "VERB" and not _verb_tagged_noun(tok):
            return None
        if tok.tag_ not in ("VBZ", "VBP", "NNS") or tok.sent.end_char <= self.title_end or \
                children(tok, "aux", "auxpass"):
            return None
        words = self.lex.word_list("habitual_adverbs")
        near = list(tok.children) + [g for c in tok.children if c.dep_ in ("dobj", "prep") for g in c.subtree]
        hit = next((c for c in near if c.dep_ in ("advmod", "neg", "preconj") and c.lower_ in words), None)
        return hit.lower_ if hit is not None else None

    def _question(self, tok) -> bool:
        """"asked whether civilians had been hit", "asked why the army withdrew": the clause asked
        opens with one of `question_words`."""
        words = self.lex.word_list("question_words")
        return any(c.dep_ == "ccomp" and c.i > tok.i and tok.doc[c.left_edge.i].lower_ in words
                   for c in tok.children)

    def _harm_told(self, sent, trigger) -> bool:
        """Does the sentence give a killed or wounded figure (a casualty of what it tells): a
        killed/wounded count, or a casualty word other than the trigger with a number in its
        phrase ("..., killing six people", "saying two civilians were killed")?"""
        counts = self.an.token_count
        if any(counts[t.i].category in ("killed", "wounded") for t in sent if t.i in counts):
            return True
        harm = self.lex.word_list("casualty_words")
        return any(t.i != trigger.i and t.lemma_.lower() in harm and
                   any(x.like_num for x in t.subtree if -4 <= x.i - t.i <= 6) for t in sent)

    def _displacement(self, d: "Draft"):
        """"12,000 people fled the town", "the crew members were evacuated": civilians leaving are
        displaced; no party retreats (word lists displacement_verbs, displaced_people)."""
        tok, W = d.m.tok, self.lex.word_list
        if d.etype == "RETREAT" and self._jailbreak(tok):
            return "rejected", "a jailbreak: inmates freed from a prison by its attackers, not released by who held them"
        if d.etype != "RETREAT" or tok.lemma_.lower() not in W("displacement_verbs"):
            return None
        subj = children(tok, "nsubjpass" if is_passive(tok) else "nsubj")
        if not subj and tok.dep_ == "conj":
            subj = children(tok.head, "nsubj")
        if subj and subj[0].ent_type_ not in ("ORG", "GPE", "NORP", "PERSON") and \
                (subj[0].lemma_.lower() in W("displaced_people") or subj[0].lower_ in W("displaced_people")):
            return "rejected", f"civilians displaced ('{subj[0].text} {tok.text}'): no party's act"
        return None

    def _jailbreak(self, tok) -> bool:
        """"Gunmen freed 529 inmates from the town's prison", "fighters freed 200 prisoners from its
        jail": freed from one of `jail_nouns` by a doer of `irregular_nouns` (no state holds the jail)."""
        W = self.lex.word_list
        held = [tok, *(t for o in children(tok, "dobj") for t in o.subtree)]
        if not any(o.lemma_.lower() in W("jail_nouns") for h in held for o in prep_objects(h, {"from", "out"})):
            return False
        doer = subject_of(tok)
        if doer is not None and doer.pos_ == "PRON":
            # "fighters said they had freed ...": the speaker's words name the doer
            doer = next((subject_of(a) for a in tok.ancestors if a.pos_ == "VERB" and subject_of(a) is not None
                         and subject_of(a).pos_ != "PRON"), None)
        return doer is not None and bool(_noun_lemmas(doer, 1) & W("irregular_nouns")) and \
            doer.ent_type_ != "GPE"

    def _refusal(self, d: "Draft") -> bool:
        """"would not allow girls back", "will never recognise Kosovo": a cooperative act negated
        in a statement of will (a modal, or "never") is a refusal made now: the type becomes REJECT."""
        tok = d.m.tok
        if not d.info.negation_rejects or not d.verdict.reason.startswith("negated"):
            return False
        negs = [c for c in tok.children if c.dep_ == "neg"]
        modals = self.lex.frames.get("future_modals", frozenset()) | self.lex.frames.get("uncertain_modals", frozenset())
        if not negs or not (any(n.lower_ == "never" for n in negs) or
                            any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)):
            return False
        d.etype, d.info = "REJECT", self.lex.type("REJECT")
        d.rule += " + negated (a refusal)"
        return True

    def _reported_by_noun(self, d: "Draft"):
        """"a report that the air force shot down jets", "Russia's claim that its forces had seized
        X": the content of a noun of saying is that noun's claim; under a negated verb ("did not
        mention a report that ...") nobody asserts it."""
        c = d.clause
        noun = c.head
        content = c.dep_ in ("acl", "ccomp") or (c.dep_ == "relcl" and any(
            x.dep_ == "mark" and x.lower_ == "that" for x in c.children))   # "the allegation that troops shelled"
        if not content or noun.pos_ != "NOUN" or \
                noun.lemma_.lower() not in self.lex.word_list("claim_nouns"):
            return None
        gov = noun.head
        if any(x.dep_ == "neg" for x in gov.children):
            return "rejected", f"content of a '{noun.text}' in a negated statement ('{gov.text}')"
        if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ == "as":
            gov = gov.head                    # "dismissed as absurd accusations that ..."
        if noun.dep_ in ("dobj", "pobj") and gov.lemma_.lower() in self.lex.frames.get("deny", ()) and \
                not self._own_claim(noun, c):
            # "dismissed as absurd accusations that Russia was targeting homes", "rejected claims that
            # its troops shelled the camp": the claim is what the REJECT answers, not an act stated
            return "rejected", f"content of a '{noun.text}' that '{gov.text}' answers (coded as that REJECT)"
        if noun.dep_ in ("nsubj", "nsubjpass") and any(
                x.dep_ in ("acomp", "attr") and x.lemma_.lower() in self.lex.word_list("falsity_words") for x in gov.children):
            # "the information that 'units opened fire' is false / baseless": the claim is denied
            return "rejected", f"content of a '{noun.text}' said to be untrue ('{gov.text}')"
        if d.status == "occurred":
            d.status = "claimed"
            owner = [x for x in noun.children if x.dep_ == "poss"]
            if owner and d.source_tok is None:
                d.source_tok = owner[0]
            d.paths.append(f"claimed: the content of a '{noun.text}'")
        return None

    def _own_claim(self, noun, clause) -> bool:
        """"denied Russia's claim that its forces had seized X", "Moscow's claim that Russian forces
        captured X": a claim its owner makes of its own act ("its" on the doer, or a doer of the
        owner's side) stays that owner's claimed act."""
        owner = [x for x in noun.children if x.dep_ == "poss"]
        subj = children(clause, "nsubj", "nsubjpass")
        if not owner or not subj:
            return False
        if subj[0].pos_ == "PRON" or any(x.dep_ == "poss" and x.pos_ == "PRON" for x in subj[0].children):
            return True
        a = resolve(owner[0], self.an, self.actors, self.ctx)
        b = resolve(subj[0], self.an, self.actors, self.ctx)
        return a is not None and b is not None and a.country is not None and a.country == b.country

    def _doer_of_the_clause(self, d: "Draft", tok) -> bool:
        """"JNIM militants overran a gendarmerie post, killing dozens of soldiers": an adverbial
        participle's doer is the named party that is its clause verb's active subject."""
        head = tok.head
        if tok.dep_ != "advcl" or head.pos_ != "VERB" or is_passive(head):
            return False
        if not any(self.lex.type(e.type).open_target and self.lex.type(e.type).threat_folding
                   for e in self.lex.candidates(head.lemma_.lower(), "VERB")):
            return False             # "adopted sanctions, targeting tankers": no act on the ground
        subj = next(iter(children(head, "nsubj")), None)
        if subj is None or subj.pos_ == "PRON":
            return False
        actor = resolve(subj, self.an, self.actors, self.ctx)
        if actor is None or not is_named(actor, subj, self.actors) and not _armed_party(subj, self.lex):
            return False
        d.actor, d.actor_tok, d.subj = actor, subj, subj
        d.paths.append(f"actor: the doer of '{head.text}', whose clause the participle '{tok.text}' continues")
        return True

    def _participants(self, d: "Draft"):
        """Actor and target off the parse; an entry that `needs_actor` stops here without one."""
        m, tok, entry = d.m, d.m.tok, d.m.entry
        d.actor, d.target, d.actor_tok, d.target_tok, d.subj = participants(
            m, self.an, self.actors, self.lex, self.ctx)
        manner = _by_gerund_head(tok) if d.actor is None else None
        if manner is not None:
            subj = subject_of(manner)
            if subj is not None:        # "Israel retaliated by striking Hezbollah targets"
                d.actor, d.actor_tok, d.subj = resolve(subj, self.an, self.actors, self.ctx), subj, subj
                d.paths.append(f"actor: the doer of '{manner.text}', which it did by {tok.text}")
        if d.lifted is not None:
            subj = subject_of(d.lifted)
            if subj is not None:        # the partner's doer ("Kassie vowed ... and urged")
                d.actor, d.actor_tok, d.subj = resolve(subj, self.an, self.actors, self.ctx), subj, subj
        d.mode = _mode(m, self.lex, d.subj, d.target_tok)
        repair_doer(self, d)
        if not entry.needs_actor:
            return None
        if d.actor is None and d.weapon_tok is not None and d.info.violent and (
                d.weapon_tok.dep_ != "pobj" or entry.toll or self._placed_or_dated(d, tok)):
            return None                  # "a roadside bomb killed four soldiers": no one named
        participle = tok.dep_ in ("advcl", "acl", "xcomp") and not children(tok, "nsubj", "nsubjpass")
        if participle and tok.tag_ == "VBG":
            if d.info.violent and self._weapon_clause(tok.head):
                d.actor = None
                d.paths.append("actor: none stated (the blast or strike of its clause did it)")
                return None              # "an explosion ripped through a market, killing 18"
            if self._doer_of_the_clause(d, tok):
                return None              # "JNIM militants overran a post, killing dozens of soldiers"
            return "rejected", "participle clause: its actor is not stated (entry needs_actor)"
        sectors = self.lex.word_list("actor_sectors")
        weak = d.actor is None or not (d.actor.sector in sectors or d.actor.place is not None
                                       or d.actor_tok is None
                                       or d.actor_tok.ent_type_ in ("ORG", "GPE", "NORP"))
        if not weak and is_named(d.actor, d.actor_tok, self.actors):
            return None
        if d.actor is not None and _armed_party(d.actor_tok, self.lex):
            d.paths.append(f"actor: an armed party named by what it is ('{d.actor.name}')")
            return None
        if d.info.violent and d.mode and not entry.toll:
            return None                  # a weapon word says it was an attack
        if entry.toll and _is_weapon(agent_of(tok), self.lex):
            d.paths.append("actor: none stated (killed by a weapon)")
            return None                  # "were killed by a roadside bomb"
        unnamed = self._agentless(d) or self._elliptical_weapon(d) or (
            self._threat_terms(d) and "the act a party's threat warns of")
        if unnamed:
            d.actor = None
            d.paths.append(f"actor: none stated ({unnamed})")
            return None
        return "rejected", "no actor (entry needs_actor)"

    def _weapon_clause(self, head) -> bool:
        """Is the subject of this clause a weapon or a blast ("an explosion ripped through ...")?"""
        doers = self.lex.word_list("weapon_doers")
        return any(_is_weapon(s, self.lex) or s.lemma_.lower() in doers for s in children(head, "nsubj", "nsubjpass"))

    def _agentless(self, d: "Draft") -> str | None:
        """An act with no doer named that still happened somewhere to someone: a passive ("were
        shot outside a school in X", "airfields were targeted in Lutsk") with its victim and a
        place or day of its own. Why it is coded, else None."""
        tok = d.m.tok
        if not (is_passive(tok) or shared_passive(tok)) or agent_of(tok) is not None:
            return None
        victim = _passive_subjects(tok)
        if not victim or victim[0].pos_ == "PRON" and victim[0].lower_ in ("it", "this", "that"):
            return None
        return self._placed_or_dated(d, tok)

    def _elliptical_weapon(self, d: "Draft") -> str | None:
        """"Most were intercepted, but one struck a residential building, killing a man": a bare
        quantity as the subject of a violent act with casualties told stands for the weapons
        named before it. Why it is coded, else None."""
        tok = d.m.tok
        if not d.info.violent or tok.pos_ != "VERB":
            return None
        subj = children(tok, "nsubj")
        if not subj or subj[0].lower_ not in self.lex.word_list("elliptical_quantities") or \
                any(c.dep_ == "prep" for c in subj[0].children):
            return None
        if not self._harm_told(d.sent, tok):
            return None
        return f"an elliptical subject ('{subj[0].text}' of the weapons told before) with casualties"

    def _placed_or_dated(self, d: "Draft", tok) -> str | None:
        """Does the act have a place (or, for a physical act, a day) of its own? Why, else None."""
        an = self.an
        # the place may hang on a conjoined clause of the same report ("a woman was killed on
        # the spot and another suffered wounds in the town of X")
        placed = any(p.dep_ == "prep" and p.lower_ in W.loc_preps and
                     any(place_of(o, an) or any(place_of(x, an) for x in o.subtree)
                         for o in p.children if o.dep_ == "pobj")
                     for v in [tok, *tok.conjuncts] for p in v.children)
        if placed:
            return "agentless passive with its victim and place"
        dated = any(m.value for m in self._dates_of(tok, d.sent))
        if dated and d.info.physical:
            return "agentless passive with its victim and day"
        return None

    def _physical_act(self, d: "Draft"):
        """A type that `needs_physical` (ASSAULT) is coded only when something physical shows:
        a weapon or munition, a casualty, damage, an armed party, a physical target, or (for a
        noun of fighting) a place of its own. "fighting for rights", "came under fire for its
        prices", "fought back tears", "a blistering attack on the budget" show none."""
        if not d.info.needs_physical:
            return None
        if self._verbal_attack(d):
            return None
        why = self._physical_evidence(d)
        if why:
            d.paths.append(f"physical act: {why}")
            return None
        if self._threat_terms(d):
            return None                  # "warned that the bases would be attacked unless ...": a threat's terms
        return "rejected", ("figurative or non-conflict sense: no weapon, casualty, damage, "
                            "armed party or physical target")

    def _verbal_attack(self, d: "Draft") -> bool:
        """"launched a fierce attack on the president's handling of the economy": an attack noun
        aimed at a thing said or done (word list verbal_attack_targets) is criticism: ACCUSE."""
        tok, words = d.m.tok, self.lex.word_list("verbal_attack_targets")
        aimed = [o for o in prep_objects(tok, {"on", "against", "upon"})]
        t = next((o for o in aimed if o.lemma_.lower() in words or o.lower_ in words), None)
        if d.m.entry.pos != "NOUN" or t is None:
            return False
        d.etype, d.info, d.acled = "ACCUSE", self.lex.type("ACCUSE"), (None, None)
        d.rule += " + aimed at a thing said or done (criticism: ACCUSE)"
        d.paths.append(f"criticism: '{tok.text}' on '{t.text}'")
        return True

    def _physical_evidence(self, d: "Draft") -> str | None:
        m, tok, lex, W = d.m, d.m.tok, self.lex, self.lex.word_list
        entry = m.entry
        if entry.toll or (entry.mode and entry.mode in lex.acled_by_mode and entry.mode != "ground"):
            return "the trigger itself"
        if _weapon_mode(m, lex, d.subj, d.target_tok) or (entry.obj and _is_weapon(d.target_tok, lex)):
            return "a weapon"                # "a rocket was fired at ...": the weapon is the passive's subject
        own = objects(tok, entry) if entry.pos == "NOUN" and entry.prep else children(tok, "dobj", "nsubjpass")
        if entry.obj and any(o.lemma_.lower() in W("physical_targets") for o in own):
            return "a physical target"       # "several houses were torched": the entry's own object
        skip = {tok.i} | ({m.carrier.i} if m.carrier is not None else set())
        clause = {t.i: t for h in {tok, d.clause} for t in h.subtree if t.i not in skip}
        words = {t.lemma_.lower() for t in clause.values()} | {t.lower_ for t in clause.values()}
        if words & (W("casualty_words") | W("damage_words")):
            return "a casualty or damage"
        if any(t.i in self.an.token_count for t in clause.values()):
            return "a casualty count"
        for role, rtok in ((d.actor, d.actor_tok), (d.target, d.target_tok)):
            if rtok is not None and _armed_party(rtok, lex):
                return "an armed party"
            if role is not None and role.sector in W("armed_sectors"):
                return "an armed party"
        t = d.target_tok
        if d.target is not None and d.target.place is not None:
            return "a place attacked"
        if t is not None and any(c.dep_ in ("compound", "poss") and c.ent_type_ in ("GPE", "LOC", "FAC")
                                 for c in t.children):
            return "a place attacked"            # "strikes Beirut suburbs", "hit Gaza's hospitals"
        state = self.actors.state_of(d.actor.country) if d.actor is not None and d.actor.country else None
        if state is not None and state.name == d.actor.name and t is not None and \
                (t.pos_ == "PROPN" or t.ent_type_) and t.ent_type_ not in ("ORG", "PRODUCT", "MONEY", "LAW"):
            return "a state acting on a named party"     # "Russia will strike Kyiv", not "targets Rosneft"
        # the owner of what was hit stands for it ("a UN convoy" -> the UN): the thing is the target hit
        hit = [t, t.head] if t is not None and t.dep_ in ("compound", "poss", "nmod") else [t]
        if t is not None and t.dep_ == "pobj" and t.head.lower_ == "of":
            hit.append(t.head.head)          # "military posts of the Pakistani regime": the posts were hit
        if any(h is not None and (h.lemma_.lower() in W("physical_targets") | lex.people_nouns or
                                  h.lower_ in lex.people_nouns or h.ent_type_ in ("GPE", "LOC", "FAC")) for h in hit):
            return "a physical target"
        if entry.pos == "NOUN" and any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC") for c in tok.children):
            return "a place of its own"                    # "Somalia's civil war erupted in 1991"
        if entry.pos == "NOUN" and self._armed_in_phrase(tok, m.carrier):
            return "an armed party in its phrase"          # "infighting between rival militias"
        if entry.pos == "NOUN":
            where = find_location(d.sent, {tok.i} | ({m.carrier.i} if m.carrier is not None else set()),
                                  set(), self.an, with_score=True)
            if where[1] >= 2:
                return "a place of its own"
        return None

    def _armed_on_carrier(self, carrier) -> bool:
        """"fighting broke out between the army and the RSF": armed parties named on the carrier."""
        if carrier is None:
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("between", "among") and
                   any(_armed_party(t, self.lex) or (t.pos_ == "PROPN" and (k := self.actors.lookup(t.text)) is not None
                                                    and k.sector in self.lex.word_list("armed_sectors"))
                       for t in c.subtree if t.pos_ in ("NOUN", "PROPN"))
                   for c in carrier.children)

    def _new_outbreak(self, d: "Draft") -> bool:
        """"Protests erupted in several cities", "clashes broke out": a new event breaking out, not
        a noun pointing back ("the protests continued")."""
        tok, carrier = d.m.tok, d.m.carrier
        if carrier is None or carrier.lemma_.lower() not in self.lex.word_list("onset_carriers"):
            return False
        return not any(c.dep_ == "det" and c.lower_ in self.lex.word_list("anaphoric_dets") for c in tok.children)

    def _armed_in_phrase(self, tok, carrier=None) -> bool:
        """Does the noun's own phrase name an armed party ("clashes between the army and the RSF")?
        The parties may hang on its carrier ("fighting broke out between the army and the RSF")."""
        armed = self.lex.word_list("armed_sectors")
        heads = [tok] + ([c for c in carrier.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
                         if carrier is not None else [])
        for t in (t for h in heads for t in h.subtree):
            if t.i == tok.i or t.pos_ not in ("NOUN", "PROPN"):
                continue
            if _armed_party(t, self.lex):
                return True
            known = self.actors.lookup(t.text) if t.pos_ == "PROPN" else None
            if known is not None and known.sector in armed:
                return True
        return False

    def _status_and_source(self, d: "Draft"):
        """Fold threats, then say who the event is attributed to."""
        stop = self._fold_threat(d)
        if stop is not None:
            return stop
        self._attribute(d)
        return self._blame_of_speaker(d)

    def _fold_threat(self, d: "Draft"):
        """"ready to host talks" is planned; "prepared to strike" is a THREATEN by who is prepared;
        "marched on Islamabad demanding his release": the demand is the protest's own."""
        if (d.info.asks or d.info.accusation) and self._demand_of_protest(d.m.tok):
            # "demonstrated, denouncing the raids and demanding protection": the protest's message
            return "merged", f"the demand of the protest '{d.m.tok.head.text}' (coded as that PROTEST)"
        if d.info.asks and d.actor_tok is not None and d.m.entry.pos == "VERB" and \
                d.actor_tok.lemma_.lower() in self.lex.word_list("protester_nouns"):
            # "demonstrators in Lima demanded his resignation": a crowd's demand is its protest
            d.etype, d.info = "PROTEST", self.lex.type("PROTEST")
            d.acled = _acled(d.m.entry, None, "PROTEST", self.lex)
            d.paths.append(f"a protest: the demand of '{d.actor_tok.text}'")
            return None
        if d.m.tok.i in self.threat_content and any(a.dep_ == "relcl" for a in [d.m.tok, *d.m.tok.ancestors]
                                                    if a.i in self.threat_content):
            # "vowed to punish anyone who sheltered soldiers": who the threat is aimed at, not a report
            return "rejected", "a description inside what a threat says will be done"
        governor = d.verdict.governor
        F = self.lex.frames
        if governor is not None and governor.lemma_.lower() in F.get("threat", frozenset()) | F.get("threat_verbs", frozenset()):
            self.threat_content |= {t.i for t in d.m.tok.subtree}
            if d.etype == "THREATEN" and d.m.entry.future_only:
                # "Kassie vowed that the militias would answer the massacre": the vow is the vower's threat
                vower = resolve(subject_of(governor, F.get("request", ())), self.an, self.actors, self.ctx)
                if vower is not None:
                    d.actor = vower
        if d.status == "threatened" and governor is not None and governor.dep_ in ("amod", "acl", "relcl"):
            # "16,000 volunteers ready to fight": describes people, threatens (or offers) nothing
            return "rejected", f"'{governor.text}' describes a noun, not a threat by an actor"
        if self._offer(d, governor):
            return None
        if d.status == "threatened" and d.info.cooperative and \
                governor is not None and governor.lemma_.lower() in self.lex.word_list("promise_verbs"):
            d.status = "planned"           # "pledged to restore ties": the pledge is its AGREE, this its content
        elif d.status == "threatened" and d.info.cooperative:
            d.status = "occurred"          # "Germany is willing to welcome deserters": support
        elif d.status == "threatened" and not d.info.threat_folding:
            d.status = "planned"           # "ready to host talks": not talks yet
        if d.status == "warned" and d.info.threat_folding and governor is not None and self._own_act_warned(d, governor):
            d.status = "threatened"        # "the RSF warned it would attack El Obeid": its THREATEN
            if not d.info.said_would_threatens and governor.lemma_.lower() not in F.get("warn", frozenset()):
                d.status = "planned"       # "said it would send a unit in the coming days": a plan
        if not (d.status == "threatened" and d.info.threat_folding and governor is not None):
            d.acled = _acled(d.m.entry, d.mode, d.etype, self.lex) if d.info.acled_mapped else (None, None)
            return None
        if governor.lemma_.lower() in self.lex.frames.get("threat_verbs", ("threaten", "menace")):
            return "merged", f"threatened by '{governor.text}' (coded as its THREATEN)"
        # "X is prepared to carry out a nuclear attack against Y" is a threat, not an attack
        threat_actor = resolve(subject_of(governor, self.lex.frames.get("request", ())),
                               self.an, self.actors, self.ctx) or d.actor
        if d.source_tok is not None:
            # "Medvedev stated that his country was prepared to ...": the threat is his
            threat_actor = resolve(d.source_tok, self.an, self.actors, self.ctx) or threat_actor
            d.source_tok = None
        d.actor, d.etype, d.status = threat_actor, "THREATEN", "occurred"
        d.info = self.lex.type("THREATEN")
        d.rule += f" + threat frame '{governor.text}'"
        d.trig = f"{governor.text} … {d.trig}"
        d.acled = (None, None)
        return None

    def _offer(self, d: "Draft", governor) -> bool:
        """"Tehran is ready to resume talks", "the RSF offered to hand over the soldiers": willingness
        to do a peaceful act (a type with `offer_is_agree`) is an AGREE made now, by the willing party;
        the act itself has not happened."""
        if governor is None or d.status not in ("threatened", "planned") or not d.info.offer_is_agree or \
                governor.lemma_.lower() not in self.lex.word_list("offer_frames"):
            return False
        willing = resolve(subject_of(governor, self.lex.frames.get("request", ())), self.an, self.actors, self.ctx)
        d.actor, d.target, d.etype, d.status = willing or d.actor, None, "AGREE", "occurred"
        d.info = self.lex.type("AGREE")
        d.rule += f" + offer frame '{governor.text}'"
        d.trig = f"{governor.text} … {d.trig}"
        d.acled = _acled(d.m.entry, None, "AGREE", self.lex)
        d.paths.append(f"an offer: '{governor.text}' to {d.m.tok.text} (coded as AGREE)")
        return True

    def _demand_of_protest(self, tok) -> bool:
        """Is this verb of asking a participle or purpose of a protest ("took to the streets
        demanding", "marched to demand", "marched, blocking roads and demanding", "staged a sit-in,
        demanding food")? It climbs the participles and purposes joined to one another (no
        subject of their own) up to the verb they hang on: a protest verb, or the carrier of a
        protest noun."""
        v = tok
        for _ in range(4):
            if v.dep_ not in ("advcl", "xcomp", "conj") or v.tag_ not in ("VBG", "VB") or children(v, "nsubj"):
                return False
            v = v.head
            if self._protest_act(v):
                return True
        return False

    def _protest_act(self, v) -> bool:
        """A protest verb ("marched"), or a verb carrying a protest noun ("staged a sit-in")."""
        held = [c for c in v.children if c.dep_ in ("dobj", "prt") and c.pos_ in ("NOUN", "PROPN", "ADP")]
        held += [o for p in v.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]   # "went on strike"
        for t in (v, *held):
            m, _ = match_token(t, self.lex)
            if m is not None and m.entry.type == "PROTEST":
                return True
        return False

    def _own_act_warned(self, d: "Draft", governor) -> bool:
        """A warning of what the warner itself would do ("warned it would attack", "said Russia could
        strike Kyiv" by a Russian) is a threat; a warning of what others may do ("the UN warned
        fighting could spread") is not."""
        if d.actor_tok is not None and d.actor_tok.pos_ == "PRON" and d.actor_tok.lower_ in ("it", "we", "they", "he", "she"):
            return True
        tok = d.m.tok
        if d.actor is None and is_passive(tok) and agent_of(tok) is None and any(
                _noun_lemmas(s, 1) & self.lex.word_list("culprit_nouns") for s in children(tok, "nsubjpass")):
            return True                    # "said the attackers would be hunted down": by the warner's side
        a = d.actor_tok
        if a is not None and a.lemma_.lower() in self.lex.word_list("self_reference_nouns") and not a.ent_type_ and \
                any(c.lower_ == "the" for c in a.children) and \
                not any(c.dep_ in ("compound", "amod", "poss") for c in a.children):
            return True                    # "warned that the group would target ...": the warner's own
        warner_tok = subject_of(governor, self.lex.frames.get("request", ()))
        warner = resolve(warner_tok, self.an, self.actors, self.ctx)
        side = self._party_voice(warner, warner_tok) if d.actor is None and _heed_or_else(tok, governor, self.lex) else None
        if side is not None:
            d.actor = d.actor if warner is not None else side     # "the Houthi spokesman": the Houthis' threat
            d.paths.append("threat: a party warns of a hostile act with no doer named, if its terms are not met")
            return True                    # "warned that El Obeid would be stormed unless the army withdrew"
        if warner is None or d.actor is None:
            return False
        return warner.name == d.actor.name or bool(warner.country and warner.country == d.actor.country)

    def _threat_terms(self, d: "Draft") -> bool:
        """"warned that Uvira would be taken unless Kinshasa opened talks": the act a state's or an
        armed party's warning says would befall someone on its terms (`_heed_or_else`) is the
        terms of its threat, which the status step codes; it needs no doer or physical sign."""
        tok, F = d.m.tok, self.lex.frames
        gov = tok.head
        if tok.dep_ != "ccomp" or gov.lemma_.lower() not in F.get("warn", frozenset()):
            return False
        modals = F.get("future_modals", frozenset()) | F.get("uncertain_modals", frozenset())
        if not any(a.dep_ == "aux" and a.lower_ in modals for a in tok.children) or not _heed_or_else(tok, gov, self.lex):
            return False
        warner_tok = subject_of(gov, F.get("request", ()))
        return self._party_voice(resolve(warner_tok, self.an, self.actors, self.ctx), warner_tok) is not None

    def _party_voice(self, warner: Role | None, warner_tok) -> Role | None:
        """The warner when it is a state or an armed party, or the party it speaks for ("the Houthi
        spokesman"); None for a monitor, an agency or an expert ("the UN warned ...")."""
        sectors = self.lex.word_list("actor_sectors")
        if warner is not None:
            return warner if warner.sector in sectors else None
        if warner_tok is None or warner_tok.lemma_.lower() not in self.lex.word_list("warner_nouns"):
            return None
        sides = [resolve(c, self.an, self.actors, self.ctx) for c in warner_tok.children
                 if c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_)]
        return next((s for s in sides if s is not None and s.sector in sectors), None)

    def _blame_of_speaker(self, d: "Draft"):
        """"Kyiv said Moscow was responsible for the strike", "Israel said Hamas bore responsibility":
        the entry's subject is the one blamed (target), the speaker the accuser (actor)."""
        if not d.m.entry.blames_subject:
            return None
        subj = {t.i for s in children(d.m.tok, "nsubj", "nsubjpass") for t in s.subtree}
        acts = self.lex.word_list("blamed_acts")
        if d.source is None or not any(t.lemma_.lower() in acts and t.i not in subj for t in d.m.tok.subtree):
            return "rejected", "responsible for no harm, or not said by anyone: no accusation"
        d.target, d.target_tok = d.actor, d.actor_tok
        d.actor, d.attributed, d.status = d.source, None, "occurred"
        d.paths.append("blame: the speaker accuses the one it says is responsible")
        return None

    def _attribute(self, d: "Draft") -> None:
        """attributed_to, and the speaker as the actor of a statement in their own words; a
        speech act the outlet reports as made is nobody's claim (`_own_statement`)."""
        own = d.info.verbal and d.source_tok is not None and self._own_statement(d, d.m.tok)
        self._attribute_source(d)
        from .attribution import acts_by_saying

        # "Japan announced sanctions, freezing the assets of 30 people": a decision the doer
        # makes by saying so is the act, not the doer's claim about it
        own = own or (d.attributed is not None and d.actor is not None and d.attributed == d.actor.name
                      and (d.info.verbal or d.etype in acts_by_saying()))
        # "The Kremlin said Putin condemned the attack": the speaker's own government tells it
        own = own or (d.info.verbal and d.attributed is not None and d.actor is not None and
                      d.source is not None and d.source.country and d.source.country == d.actor.country
                      and d.source.sector in ("government", None) and d.source.name != d.actor.name)
        if own and d.attributed is not None:
            d.attributed = None
            if d.status == "claimed":
                d.status = "occurred"

    def _attribute_source(self, d: "Draft") -> None:
        an, tok = self.an, d.m.tok
        quoted = self._speaker_of(tok)
        verbal = d.info.verbal
        if quoted and verbal and d.source_tok is None and (
                d.actor is None or (d.actor_tok is not None and d.actor_tok.pos_ in ("NOUN", "PRON")
                                    and not d.actor.country and d.actor.place is None)):
            # "'The resistance will respond ...,' Hezbollah official X said": a threat or demand
            # in a speaker's own words is the speaker's
            known = self.actors.lookup(quoted)
            d.actor = Role(quoted, known.country if known else None, known.sector if known else None)
        if d.source_tok is None and quoted:
            # inside a direct quote: the speaker says so, the outlet does not
            d.attributed = quoted
            if d.status == "occurred" and not (verbal and d.actor is not None and d.actor.name == quoted):
                d.status = "claimed"
        if d.m.carrier_kind == "responsibility" and d.source_tok is None and d.actor is not None:
            # "the group claimed responsibility for the attack": the group says it did it
            d.attributed, d.status = d.actor.name, "claimed"
            return
        if d.source_tok is None:
            return
        src = resolve(d.source_tok, an, self.actors, self.ctx)
        d.source = src
        d.attributed = self._source_name(d.source_tok, src)
        actor, actor_tok = d.actor, d.actor_tok
        if verbal and src is not None and (actor is None or (
                actor_tok is not None and actor_tok.pos_ == "NOUN" and self._speaker_words(tok)
                and not (actor.country or actor.sector or actor.place is not None))) and (
                actor_tok is None or actor_tok.pos_ in ("PRON", "NOUN")):
            # "'We will respond to every attack,' X said": a threat with no one of its own
            # is the speaker's
            d.actor, d.attributed = src, None
            if d.status == "claimed":
                d.status = "occurred"
        elif verbal and src is not None and _speaks_for(src, d.source_tok, actor, an):
            # "Peskov said Russia would respond": the threat / rejection is the speaker's;
            # "Germany said it was willing to welcome deserters": saying it is the event
            # (the speaker already the actor, with the side they speak for, stays so)
            d.actor, d.attributed = actor if actor.name == src.name and actor.country else src, None
            if d.status == "claimed":
                d.status = "occurred"
        elif d.status == "occurred":
            d.status = "claimed"

    def _own_statement(self, d: "Draft", tok) -> bool:
        """A speech act the outlet reports as made, not as someone's claim: a threat in the
        speaker's own quoted words ("'Pakistan will respond,' he said"), or one told with its
        own speaker beside a report ("Pakistan said eight were killed, and the prime minister
        vowed to respond")."""
        if d.etype == "THREATEN" and (self._speaker_of(tok) is not None or _inside_quote_marks(tok)):
            return True
        if d.etype == "THREATEN" and _is_person(d.source_tok, self.an):
            return True           # "Zakharova said Russia would respond": her threat, as made
        clause = d.verdict.governor if d.etype == "THREATEN" and d.verdict.governor is not None else d.clause
        return clause.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
            and d.source_tok.i < clause.head.i

    def _repair(self, d: "Draft"):
        """The type's repair steps (lexicon `types: ... repairs:`), in order."""
        for name in d.info.repairs:
            fix = REPAIRS.get(name)
            if fix is None:
                raise LexiconError(f"{d.m.entry.source}: types: {d.etype}: unknown repair {name!r}; "
                                   f"use {' '.join(sorted(REPAIRS))}")
            fix(self, d)
        return None

    def _locate(self, d: "Draft"):
        return where.locate(self, d)

    def _anchors(self, d: "Draft") -> None:
        return where.anchors(self, d)

    def _settle_target(self, d: "Draft"):
        """The target once actor and place are known (targets.settle); never stops the event."""
        settle(self, d)
        return None

    def _carry_over(self, d: "Draft"):
        return where.carry_over(self, d)

    def _build(self, d: "Draft"):
        """(Event, None), or (None, why) for a nominal event too vague to count."""
        an, entry = self.an, d.m.entry
        text, start, end = an.evidence(d.sent.start_char, d.sent.end_char)
        date = self._date(d)
        period = self._period(d) if date is None else None
        fatalities = sentence_toll(d.sent, an, d.anchors, mode=d.mode, armed_target=armed_target(
            d.target.name, d.target.sector) if d.target else False) if d.info.violent else None
        acled = d.acled
        if d.info.acled_mapped and (d.etype == entry.type or acled[0]):   # not folded into a threat
            acled = _acled(entry, d.mode, d.etype, self.lex, target=d.target.name if d.target else None,
                           target_sector=d.target.sector if d.target else None, text=text,
                           fatalities=fatalities)
        if entry.pos == "NOUN" and d.actor is None and d.target is None and \
                d.scope in (None, "paragraph") and not fatalities and \
                not (d.info.violent and self._armed_on_carrier(d.m.carrier)) and not self._new_outbreak(d):
            # "the bombing continues": no one, nothing, nowhere, nobody hurt -> too vague to count
            return None, "nominal event with no actor, target, place or casualty"
        actor, target, where = d.actor, d.target, d.where
        loc = where[1] if where else None
        ev = Event(
            type=d.etype, mode=d.mode, actor=actor.name if actor else None,
            target=target.name if target else None,
            location=where[0] if where else None, country=d.where_cc if where else None,
            date=date, fatalities=fatalities, attributed_to=d.attributed,
            evidence=text, start=start, end=end, status=d.status,
            acled_event_type=acled[0], acled_sub_event_type=acled[1],
            trigger=d.trig, rule=d.rule,
            actor_country=actor.country if actor else None, actor_sector=actor.sector if actor else None,
            target_country=target.country if target else None,
            target_sector=target.sector if target else None,
            lat=getattr(loc, "lat", None), lon=getattr(loc, "lon", None),
            admin1=getattr(loc, "admin1", None), location_scope=d.scope,
            actor_text=actor.text if actor else None, target_text=target.text if target else None,
            geo_precision=geo_precision(loc), date_period=period)
        return ev, None

    def _commit(self, d: "Draft", ev: Event) -> None:
        """What later sentences may use of an emitted event (never of a rejected one: "warned
        Russia may strike Odesa" must not place the next strike in Odesa, nor blame Russia)."""
        ctx, actor = self.ctx, d.actor
        remember(self, d)
        if (d.info.violent or d.m.entry.obj_is_target) and d.where is not None and d.scope != "article":
            ctx.last_assault_place = d.where      # also a town taken: later strikes "south of the town"
        if d.where_cc is not None:
            ctx.last_country = d.where_cc
        where.commit(self, d)
        if d.info.violent and d.where_cc and actor is not None and actor.country and \
                actor.country != d.where_cc:
            ctx.attackers[d.where_cc] = Role(actor.name, actor.country, actor.sector)
        striker = stopped_striker(self, d)
        if striker is not None:
            ctx.attackers[d.where_cc] = striker
        if d.info.violent and actor is not None:
            ctx.last_assault_actor = actor
            ctx.assault_by_word[_act_word(d.m.tok)] = actor
        if d.info.decision and actor is not None:
            ctx.last_decider = actor
        if d.info.accusation and actor is not None:
            ctx.last_claimant = actor
        elif d.status == "claimed" and d.source_tok is not None:
            src = resolve(d.source_tok, self.an, self.actors, self.ctx)
            if src is not None and (src.country or src.sector):
                ctx.last_claimant = src

    def _speaker_words(self, tok) -> bool:
        """Is tok inside a direct quote (the speaker's own words)?"""
        return self._speaker_of(tok) is not None or any(
            t.text in ('"', "“", "”") for t in tok.sent if t.i < tok.i)

    def _doer_of_object(self, tok) -> Role | None:
        """The actor of the act an accusation's object names: its own side ("the Israeli
        strike", "the attack by the RSF"), else, for "the strike" / "the decision", the actor of
        the last such event the article told."""
        objs = children(tok, "dobj")
        if not objs:
            return None
        obj = objs[0]
        lem = obj.lemma_.lower()
        W = self.lex.word_list
        violent = lem in W("attack_nouns") | W("violent_nouns")
        if not violent and lem not in W("decision_nouns"):
            return None
        side_tok, side = _side_of(obj, self.an, self.actors)
        if side_tok is not None:
            side = resolve(side_tok, self.an, self.actors, self.ctx)
        if side is not None:
            return side
        if not _definite(obj, self.lex):
            return None
        # "condemned the strike": the last act told with that very word
        return self.ctx.assault_by_word.get(_act_word(obj)) if violent else self.ctx.last_decider

    def _paragraph_place(self, sent):
        return where.paragraph_place(self, sent)

    def _date(self, d: "Draft") -> str | None:
        day = when.date(self, d)
        host = _participle_host(d.m.tok, self.lex)
        if day is None and host is not None:
            # "withdrew by Thursday evening, taking with them three trucks": the day of its clause
            found = when.dates_of(self, [host], when._clause_span(host, d.sent))
            day = found[0].value if found else None
        return day

    def _period(self, d: "Draft") -> str | None:
        return when.period(self, d)

    def _other_time(self, root, own: set[int]) -> bool:
        return when.other_time(self, root, own)

    def _dates_of(self, heads, span) -> list:
        return when.dates_of(self, heads, span)

    def _speaker_of(self, tok) -> str | None:
        start, _ = self.an.original(tok.idx, tok.idx + len(tok))
        return _QuoteIndex.of(self).speaker_at(start)

    def _traces_with(self, ev) -> list[Trace]:
        """The traces of event `ev`, in order (an index kept up to date as traces are added, so
        that merging stays linear in a long article)."""
        index = self.__dict__.setdefault("_trace_index", [0, {}])
        for t in self.traces[index[0]:]:
            if t.event is not None:
                index[1].setdefault(id(t.event), []).append(t)
        index[0] = len(self.traces)
        return index[1].get(id(ev), [])

    def _merge(self, si: int, coded: list[tuple[Match, Event]]) -> list[Event]:
        """One event per happening: same-type events of a sentence whose actors agree are one
        event told twice ("exchanged prisoners in the largest exchange"), and a bare kill/death
        beside an ASSAULT gives that ASSAULT its fatalities."""
        coded = self._drop_light_verbs(coded)
        out: list[Event] = []
        index = {id(ev): ([m.tok] + ([m.carrier] if m.carrier is not None else [])) for m, ev in coded}
        toll = {id(ev) for m, ev in coded if m.entry.toll}     # "killed": maybe another's toll
        one_statement = _retelling_words(self.lex)["one_statement"]
        for m, ev in coded:
            twin = None
            for other in out:
                if other.type != ev.type:
                    continue
                a_toks, b_toks = index[id(ev)], index[id(other)]
                if len(a_toks) > 1 and a_toks[1].i == b_toks[0].i or \
                        len(b_toks) > 1 and b_toks[1].i == a_toks[0].i:
                    twin = other      # "drones struck": the noun and the verb that carries it
                    break
                if ev.type in one_statement and _one_speaker(ev, other, a_toks[0], b_toks[0]):
                    twin = other      # "condemned the attack and accused Moscow of ...": one statement
                    break
                if not _linked(a_toks, b_toks) or not toll & {id(ev), id(other)} and \
                        _two_conjoined_acts(m, ev, other, index):
                    continue          # same type, but two different happenings in one sentence
                if id(ev) in toll or id(other) in toll or \
                        not ev.actor or not other.actor or ev.actor == other.actor:
                    twin = other
                    break
            if twin is None:
                out.append(ev)
                continue
            # of one statement's two verbs the later names the charge ("... and accused X of")
            keep, drop = (ev, twin) if id(twin) in toll or ev.type in one_statement else (twin, ev)
            if keep is ev:
                out[out.index(twin)] = ev
            prefer_told_target(self, keep, drop)
            _fill(keep, drop)
            if STATUS_RANK.get(drop.status, 0) > STATUS_RANK.get(keep.status, 0):
                keep.status = drop.status
            for t in self._traces_with(drop):
                if t.event is drop:
                    t.outcome, t.reason = "merged", f"same {drop.type} as '{keep.trigger}' in this sentence"
        return out

    def _drop_light_verbs(self, coded: list[tuple[Match, Event]]) -> list[tuple[Match, Event]]:
        """"Lavrov held talks with Fidan": a verb that carries an event noun as its object says
        that the noun's act happened; its own sense of another type ("held" = detained) is not a
        second act. The noun's event is kept. A verb whose own entry names that noun among its
        objects ("initiated a conversation" = sought talks, a REQUEST) is no light verb: both stay."""
        carriers = {m.carrier.i: (ev, m.tok) for m, ev in coded if m.carrier is not None and m.carrier_kind == "agentive"}
        out = []
        for m, ev in coded:
            noun_ev, noun = carriers.get(m.tok.i, (None, None)) if m.carrier is None else (None, None)
            if noun_ev is None or noun_ev.type == ev.type or noun.lemma_.lower() in m.entry.obj:
                out.append((m, ev))
                continue
            for t in self._traces_with(ev):
                if t.event is ev:
                    t.outcome = "merged"
                    t.reason = (f"'{m.tok.text}' carries the {noun_ev.type} '{noun_ev.trigger}' (its object): "
                                f"a light verb, not a {ev.type} of its own")
        return out

    def _finish(self, per_sentence) -> list[Event]:
        out = where.lead_first(self, per_sentence, self._drop_title_duplicates(per_sentence))
        self._reported_after(out)
        return out

    def _drop_title_duplicates(self, per_sentence) -> list[Event]:
        body = [e for is_title, evs in per_sentence if not is_title for e in evs]
        out = []
        for is_title, evs in per_sentence:
            for e in evs:
                # a headline summarises the lead: any body event of its type is the same story
                if is_title and self.lex.dedupe_title and any(b.type == e.type for b in body):
                    for t in self._traces_with(e):
                        if t.event is e:
                            t.outcome, t.reason = "title duplicate", "the body codes an event of the same type"
                    continue
                out.append(e)
        return out

    def _reported_after(self, events: list[Event]) -> None:
        """"This was reported by the press service of X": X is the source of what the two
        sentences before it in its paragraph told without a source of their own."""
        from .attribution import reported_by

        sents = list(self.an.doc.sents)
        text = doc_text(self.an.doc)
        si_of = {id(t.event): t.sent_index for t in self.traces if t.event is not None}
        by_sent: dict[int, list[Event]] = {}          # the events of each sentence, in order
        for e in events:
            if id(e) in si_of:
                by_sent.setdefault(si_of[id(e)], []).append(e)
        for si, sent in enumerate(sents):
            who = reported_by(sent, self.lex)
            if who is None:
                continue
            name = self._source_name(who)
            for e in by_sent.get(si - 2, []) + by_sent.get(si - 1, []):
                ei = si_of.get(id(e))
                if ei is None or not si - 2 <= ei < si or e.attributed_to or \
                        "\n" in text[sents[ei].start_char:sent.start_char]:
                    continue
                e.attributed_to = name
                if e.status == "occurred":
                    e.status = "claimed"
                for t in self._traces_with(e):
                    if t.event is e:
                        t.reason += f"; source: '{sent.text.strip()[:60]}' (the sentence after)"

    def _source_name(self, tok, src: Role | None = None) -> str:
        """The name of a source: the person or organization named in its phrase ("the press
        service of the Main Intelligence Directorate" -> the directorate), a pronoun or a
        definite description ("he", "it", "the agency", "the department") resolved to the one
        named before it, else the words as written."""
        te = self.an.token_entity
        known = src is not None and bool(src.country or src.sector)     # "the army": a party's
        if tok.pos_ == "PRON" and tok.lower_ in ("he", "she"):
            person = self._person_before(tok)
            if person:
                return person
        if tok.pos_ in ("PRON",) or tok.pos_ == "NOUN" and not known and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            found = self._namer().resolve(tok)
            if found is not None and found[1] != "description":
                return found[0]
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self._namer().nouns.bodies:
                cited = self._cited_before(tok) or self.last_org_source
                if cited:
                    return cited                 # "according to the agency": the body cited before
        else:
            self._namer().resolve(tok)           # keeps the namer's memory for later pronouns
        for t in tok.subtree:
            ent = te.get(t.i)
            if ent is not None and getattr(ent, "kind", None) in ("person", "organization"):
                if ent.kind == "organization":
                    self.last_org_source = ent.name
                return src.name if src is not None else ent.name
        src = src or resolve(tok, self.an, self.actors, self.ctx)
        if src is not None and src.name.lower() != tok.text.lower():
            return src.name
        return self._namer()._phrase(tok) or tok.text   # "security sources", "the army spokesman"

    def _person_before(self, tok) -> str | None:
        """The person the entities stage found nearest before tok ("..., said X. He said ...")."""
        te = self.an.token_entity
        for t in reversed(self.an.doc[max(0, tok.sent.start - 200):tok.i]):
            ent = te.get(t.i)
            if ent is not None and getattr(ent, "kind", None) == "person":
                return ent.name
        return None

    def _cited_before(self, tok) -> str | None:
        """The organization a "This was reported by X" sentence before tok's named."""
        from .attribution import reported_by

        doc, before, lo = self.an.doc, [], tok.sent.start
        while lo > 0 and len(before) < 6:          # the six sentences before, nearest first
            before.append(doc[lo - 1].sent)
            lo = before[-1].start
        for sent in before:
            who = reported_by(sent, self.lex)
            if who is None:
                continue
            for t in who.subtree:
                ent = self.an.token_entity.get(t.i)
                if ent is not None and getattr(ent, "kind", None) == "organization":
                    return ent.name
        return None

    def _namer(self):
        if getattr(self, "_speaker_namer", None) is None:
            from ..quotes import SpeakerNamer

            self._speaker_namer = SpeakerNamer(self.an)
        return self._speaker_namer

    def merge_summaries(self, events: list[Event]) -> list[Event]:
        """An event told on a heading ("Bandits abduct 31 in Zamfara", "14:05 GMT - Toll rises
        to three") or a summary line (a "Key points:" item, a standfirst bullet) is merged into
        the body's telling of the same incident (`structure.blocks`): a heading's into one told
        in its own section, a summary item's into one told anywhere in the body. It is kept when
        the body tells no such incident (a summary may be the only telling, or a total over
        several incidents: a toll no body telling gives). The body's telling is kept: it is
        the report, the heading its echo. The headline itself is `_drop_title_duplicates`'."""
        from ..structure import SUMMARY_KINDS, layout_of

        lay = layout_of(self.an)
        at = {id(t.event): t.token_i for t in self.traces if t.event is not None}
        doc = self.an.doc
        block = {id(e): (lay.at(doc[at[id(e)]].idx) if id(e) in at else None) for e in events}
        summary = {id(e) for e in events if block[id(e)] is not None and
                   block[id(e)].kind in SUMMARY_KINDS and block[id(e)].kind != "title"}
        if not summary:
            return events
        body = [e for e in events if id(e) not in summary and
                (block[id(e)] is None or block[id(e)].kind != "title")]
        rw = _retelling_words(self.lex)
        out = []
        for e in events:
            b = block[id(e)]
            if id(e) not in summary:
                out.append(e)
                continue
            pool = [x for x in body if b.kind != "heading" or
                    (block[id(x)] is not None and block[id(x)].section == b.section)]
            told = _body_telling(e, pool, self.lex, rw)
            if told is None:
                out.append(e)
                continue
            si = self._absorb(told, e)
            self._merged_as(e, f"a {b.kind} line: the body tells this {e.type} (sentence {si}, '{told.trigger}')")
        return out

    def _absorb(self, told: Event, e: Event) -> int | None:
        """Fill `told` from `e` (keeping e's source); the sentence index that tells `told`."""
        _fill(told, e, keep_source=True)
        return next((t.sent_index for t in self._traces_with(told) if t.event is told), None)

    def _merged_as(self, e: Event, reason: str) -> None:
        """Mark e's own traces merged, with why (shown by `sitrep explain`)."""
        for t in self._traces_with(e):
            if t.event is e:
                t.outcome = "merged"
                t.reason = reason

    def merge_country_lead(self, events: list[Event]) -> list[Event]:
        """An event of the lead (the first paragraph) placed only at a country ("struck an oil
        refinery deep inside Russia") that the body tells at its town ("struck the Saratov
        refinery") by the same doer, with nothing else of its own (`_body_telling`), is the
        body's telling: the lead summed it up. Runs after the lead is placed (by the headline)."""
        from ..structure import layout_of

        lay = layout_of(self.an)
        lead = next((b for b in lay.blocks if b.kind == "body"), None)
        at = {id(t.event): t.token_i for t in self.traces if t.event is not None}
        doc = self.an.doc
        block = {id(e): (lay.at(doc[at[id(e)]].idx) if id(e) in at else None) for e in events}
        if lead is None:
            return events
        rw = _retelling_words(self.lex)
        out = []
        for e in events:
            if block[id(e)] is not lead or not e.actor or not _country_wide(e, self.actors):
                out.append(e)
                continue
            pool = [x for x in events if block[id(x)] is not None and block[id(x)] is not lead and
                    block[id(x)].kind in ("body", "bullet") and x.actor and where.place_within(e, x)]
            told = _body_telling(e, pool, self.lex, rw)
            if told is None:
                out.append(e)
                continue
            si = self._absorb(told, e)
            self._merged_as(e, f"the lead names only a country: the body tells this {e.type} at its "
                               f"place (sentence {si}, '{told.trigger}')")
        return out

    def merge_retellings(self, events: list[Event]) -> list[Event]:
        """A later event that tells the same incident again ("The strike left one dead", "One of
        the rockets hit the office") is merged into the first telling: same type (one whose
        `retellings` property is set), near the last telling (data/retellings.yaml `windows`; a
        sentence that refers back, "the confrontation occurred Monday", keeps the incident near;
        a definite noun with nothing of its own, "the fierce fighting", refers back from
        anywhere), and nothing new: no other place, day, mode, side or target, and no word of
        another incident on the act. Of the two, the telling that states the incident more
        fully is kept. A running state ("shaken by infighting since September") is no incident
        later tellings belong to. Runs after the tolls are attached, so a toll told beside
        either telling reaches the one kept (two different tolls are both kept, flagged)."""
        at = {id(t.event): (t.sent_index, t.token_i) for t in self.traces if t.event is not None}
        background = self._background_sentences()
        rw = _retelling_words(self.lex)
        refers = self._refer_back_sentences()
        last: dict[str, list[tuple[Event, int]]] = {}     # per type, the incidents told, newest first
        kept: list[Event] = []
        for e in events:
            si, ti = at.get(id(e), (0, None))
            tok = self.an.doc[ti] if ti is not None else None
            if self._sums_up_told(e, tok, kept):
                continue
            if e.actor is None and tok is not None and tok.dep_ == "dobj" and _claimed_act(tok, self.lex):
                self._trace_dropped(e, "a claim of an act with no claimer named")
                continue
            told = last.setdefault(e.type, [])
            prev = told[0] if told else None
            if prev is not None and self._claims_told(prev[0], e, tok, si - prev[1] <= rw["windows"].get(
                    "default", 3) and _same_place(prev[0], e) and _same_target(prev[0], e, rw)):
                continue
            account = self._other_account(e, si, tok, kept, at, rw)
            if account is not None:
                _remember_telling(told, account, si, only_if_told=True)   # it keeps its incident near
                continue
            first = None if si in background else next(
                (p for k, p in enumerate(told) if (k == 0 or _names_told_spot(p[0], e, tok, self.lex)) and
                 self._retold(p, e, si, tok, rw, refers, at)), None)
            if first is not None:
                keep = self._fold_retelling(first[0], e, kept, at)
                told.remove(first)
                _remember_telling(told, keep, si, limit=rw["candidates"])
                continue
            if self.lex.type(e.type).retellings and si not in background and \
                    not (tok is not None and (_aggregate(tok) or _placed_before(tok, rw))):
                _remember_telling(told, e, si, limit=rw["candidates"])
            kept.append(e)
        return kept

    def _other_account(self, e: Event, si: int, tok, kept: list[Event], at, rw) -> Event | None:
        """A party's own version of an incident told before is no incident of its own: the
        doer's account ("The army said it had struck 'a terrorist hideout'", "the group said
        its fighters killed 30 soldiers") after the outlet's or the victims' telling by the
        same side, and the defender's account of an attack on it ("the defence ministry said its
        air defences destroyed 41 drones") after the attack by the drones' side. Merged into the
        told incident when nothing shows another one: no word of a new incident, no place of its
        own outside the incident's, a day at most one apart (a night's strike straddles two).
        Two tolls are both kept, the disagreement flagged (the claimer's figure). Returns the
        incident merged into (traced), else None."""
        if tok is None or e.type not in rw["account_types"] or e.status != "claimed" or \
                self._new_in_sentence(tok, rw["account_new_words"]):
            return None
        defence = _defence_account(e, tok, self.lex, rw)
        if not defence and not self._own_account(e, tok):
            return None
        for f in reversed(kept):
            if si - at.get(id(f), (0, None))[0] > rw["account_window"]:
                break                   # told too long before: the account is of another one
            if f.type != e.type or not _days_apart(f, e) or not (
                    _attacked_side(f, e) if defence else _account_fits(f, e, rw)):
                continue
            if not defence and (not _same_doer(f, e) or _turned_on(f, e) or
                                self._own_account(f, self._token_of(f, at))):
                continue
            if not defence:
                _join_tolls(f, e)
                if f.actor is None or f.actor.islower():   # the doer naming itself ("gunmen": Al Shabaab)
                    for k in ("actor", "actor_country", "actor_sector", "actor_text"):
                        setattr(f, k, getattr(e, k, None))
                if f.date is None and e.date is not None:
                    f.date = e.date         # the day is the incident's (at most one apart, checked)
            fi = at.get(id(f), (0, None))[0]
            whose = "the attacked side's" if defence else "the doer's own"
            for t in self._traces_with(e):
                if t.event is e:
                    t.outcome = "merged"
                    t.reason = f"{whose} account of the {f.type} of sentence {fi} ('{f.trigger}')"
            return f
        return None

    def _new_in_sentence(self, tok, words) -> bool:
        """A word of another incident on the act ("another strike") or anywhere on the
        sentence's verbs ("the ministry said separately that ...")."""
        near = [c for c in tok.children if c.dep_ in ("det", "amod", "advmod", "npadvmod")]
        return any(t.lower_ in words for t in near) or any(
            t.lower_ in words and t.dep_ in ("advmod", "npadvmod") and t.head.pos_ in ("VERB", "AUX")
            for t in tok.sent)

    def _own_account(self, e: Event, tok) -> bool:
        """Does the doer itself say it did it ("the military said it had struck ...")? Its
        source names the doer, or is of the doer's side (country and armed or state sector)."""
        if e.actor is None or tok is None:
            return False
        src = e.attributed_to or self._reporter(tok)
        if not src:
            return False
        a, b = src.lower(), e.actor.lower()
        if a in b or b in a:
            return True
        found = self.actors.lookup(src)
        return found is not None and found.country is not None and found.country == e.actor_country \
            and (found.sector == "rebel") == (e.actor_sector == "rebel") and found.kind != "person"

    def _reporter(self, tok) -> str | None:
        """The subject of the reporting verb the trigger is told under ("The junta's
        information team said ... the military had attacked"), resolved to a party's name."""
        report = self.lex.frames.get("report", ())
        head = tok
        for _ in range(4):
            if head.head is head:
                return None
            head = head.head
            if head.lemma_.lower() in report:
                subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None:
                    return None
                role = resolve(subj, self.an, self.actors, None)
                return role.name if role is not None else None
        return None

    def _retold(self, prev, e: Event, si: int, tok, rw, refers, at) -> bool:
        """Does `e` (sentence si) tell again the incident `prev` = (event, sentence of its last
        telling) tells: near it, nothing new (`_retells`), no incident of its own, no word of
        another incident that the told one lacks?"""
        return self._near_telling(prev, si, tok, e.type, rw, refers) and \
            _retells(prev[0], e, self.lex, rw, adjacent=si - prev[1] == 1,
                     definite=tok is not None and tok.pos_ == "NOUN" and _definite(tok, self.lex),
                     fresh=_indefinite_act(tok, rw)) and \
            not _own_incident(prev[0], e, tok, rw) and \
            not (self._new_incident(tok) and not self._new_incident(self._token_of(prev[0], at)))

    def _trace_dropped(self, e: Event, why: str) -> None:
        for t in self._traces_with(e):
            if t.event is e:
                t.outcome, t.reason = "rejected", why

    def _claims_told(self, first: Event, e: Event, tok, near_and_same: bool) -> bool:
        """"Al-Shabaab claimed the attack", "IS claimed responsibility for the bombing": a group
        claiming the incident told before (a definite act noun with nothing of its own, or one
        told near it with no other place or target, `near_and_same`) is no incident of its own: the told one gets the claimer as its doer (when it had none, or no
        party the actor table knows: "gunmen", "unknown attackers") and as its source. True when
        merged (traced)."""
        if tok is None or e.actor is None or tok.pos_ != "NOUN" or not _claimed_act(tok, self.lex):
            return False
        if e.fatalities and e.fatalities != first.fatalities:
            return False            # the claimer's own account ("saying its fighters killed 62")
        # a day on "claimed the attack on Friday" is the claim's; another day on "an attack" is its own
        if not (_definite(tok, self.lex) or near_and_same and e.date in (None, first.date)):
            return False
        if first.actor is None or (first.actor_country in (None, e.actor_country) and
                                   self.actors.lookup(first.actor) is None):
            for f in ("actor", "actor_country", "actor_sector", "actor_text"):
                setattr(first, f, getattr(e, f, None))
        if first.attributed_to is None:
            first.attributed_to, first.status = e.actor, "claimed"
        for t in self._traces_with(e):
            if t.event is e:
                t.outcome = "merged"
                t.reason = f"claims the {first.type} told before ('{first.trigger}'): its doer and source"
        return True

    def _sums_up_told(self, e: Event, tok, kept: list[Event]) -> bool:
        """"Altogether, ten people were killed in the attacks": an event on a plural attack noun
        that sums up two or more incidents told before is none of its own (dropped, traced)."""
        from .tolls import sums_up, _words as toll_words

        words = toll_words(None)
        if tok is None or e.type not in words["violent"] or tok.tag_ != "NNS":
            return False
        before = [k for k in kept if k.type in words["violent"]]
        if len({(k.location, k.date, k.target) for k in before}) < 2 or \
                not sums_up([tok], words["refer_back"], len(before), len(before), before[-1].trigger):
            return False
        for t in self._traces_with(e):
            if t.event is e:
                t.outcome = "merged"
                t.reason = f"sums up the {len(before)} incidents told before"
        return True

    def _near_telling(self, prev, si: int, tok, etype: str, rw, refers) -> bool:
        """Is sentence si near enough the last telling (or a sentence referring back to it)?"""
        window = rw["windows"].get(etype, rw["windows"].get("default", 3))
        if window is None:
            return True                           # `article`: anywhere in the article
        if tok is not None and tok.pos_ == "NOUN" and _anaphoric(tok, self.lex):
            return True                           # "the fighting": the one told before
        import bisect

        cur = prev[1]
        if etype in rw["refer_types"]:
            for r in refers[bisect.bisect_right(refers, cur):bisect.bisect_left(refers, si)]:
                if r - cur > window:
                    break
                cur = r
        return si - cur <= window

    def _refer_back_sentences(self) -> list[int]:
        """Sentences naming an attack told before ("the strike", "the confrontation")."""
        from .tolls import _refers_back, _words as toll_words

        nouns = toll_words(None)["refer_back"]
        return [si for si, sent in enumerate(self.an.doc.sents) if _refers_back(sent, nouns)]

    def _new_incident(self, tok) -> bool:
        """A word of another incident on the act itself ("another strike", "a second raid",
        "struck again", "Meanwhile, ..."): not a word of its victims ("another one injured")."""
        if tok is None:
            return False
        words = self.lex.word_list("new_incident_words")
        near = list(tok.children)
        if tok.pos_ == "NOUN" and tok.head is not tok:
            near += [c for c in tok.head.children if c.dep_ in ("advmod", "npadvmod")]
        root = tok.sent.root
        if root.lemma_.lower() not in self.lex.frames.get("report", ()):   # "a spokesman later said"
            near += [c for c in root.children if c.dep_ in ("advmod", "npadvmod")]
        return any(t.lower_ in words for t in near if t.dep_ in ("det", "amod", "advmod", "npadvmod", "mark"))

    def _fold_retelling(self, first: Event, later: Event, kept: list[Event], at) -> Event:
        """Merge `later` into `first` (or, when `later` states the incident more fully, `first`
        into `later`, which takes its place); returns the event kept."""
        keep, drop = first, later
        if self._fullness(later, at) > self._fullness(first, at):
            keep, drop = later, first
            kept[kept.index(first)] = later
        _join_tolls(keep, drop)
        _fill(keep, drop, keep_source=True)
        where.take_precise_place(keep, drop)        # a town told in either telling beats a region
        si = at.get(id(keep), (0, None))[0]
        for t in self._traces_with(drop):
            if t.event is drop:
                t.outcome = "merged"
                t.reason = f"re-tells the {drop.type} of sentence {si} ('{keep.trigger}')"
        return keep

    def _fullness(self, e: Event, at) -> int:
        """`_fullness` of a telling; a speaker's words in a quote are their retelling, the
        outlet's own sentence the report."""
        tok = self._token_of(e, at)
        quoted = tok is not None and (self._speaker_of(tok) is not None or _inside_quote_marks(tok))
        return _fullness(e, tok, self.lex) - 2 * quoted - (tok is not None and _headline_line(tok))

    def _token_of(self, e: Event, at):
        ti = at.get(id(e), (0, None))[1]
        return self.an.doc[ti] if ti is not None else None

    def _background_sentences(self) -> set[int]:
        """Sentences that speak of another time than a day ("last month", "in 2014", "in
        October"): what they tell is background, not the incident told again."""
        try:
            vague = [m for m in self.an.dates.mentions(self.an.doc) if m.kind in ("month", "vague")
                     or (m.kind == "absolute" and m.value is None)]
        except Exception:           # a dates failure is noted where dates are read
            return set()
        if not vague:
            return set()
        sents = list(self.an.doc.sents)
        starts = [sent.start_char for sent in sents]
        out = set()
        for m in vague:                         # the one sentence holding each mention
            si = bisect.bisect_right(starts, m.start) - 1
            if si >= 0 and m.start < sents[si].end_char:
                out.add(si)
        return out

    def _remember_subjects(self, sent) -> None:
        if len(sent) <= MAX_SENTENCE_TOKENS:   # not from a list or broken markup
            self._remember_armed(sent)
            self._remember_force(sent)
        self.ctx.sentence_no += 1
        for tok in sent:
            dep = tok.dep_
            if dep not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                continue                # neither a party named nor a subject
            pos = tok.pos_
            if pos in ("NOUN", "PROPN") \
                    and (pos == "PROPN" or any(c.dep_ in ("amod", "poss", "compound") for c in tok.children)):
                known = resolve(tok, self.an, self.actors, None)
                first = known.name.split(" and ")[0] if known is not None else ""
                if known is not None and known.sector == "military" and known.country and \
                        not _is_label(first) and first[:1].isupper():
                    army = Role(first, known.country, known.sector)
                    self.ctx.last_army = army    # "Sudan's army" -> "the army" later
                elif known is not None and known.sector == "military" and known.country and \
                        first[:1].isupper() and " and " not in known.name and \
                        (self.actors.state_of(known.country) or known).name != first:
                    self.ctx.last_named_army = Role(first, known.country, known.sector)
            if dep not in ("nsubj", "nsubjpass") or pos == "PRON":
                continue
            role = resolve(tok, self.an, self.actors, None)
            if role is None:
                continue
            ent = self.an.token_entity.get(tok.i)
            known = self.actors.lookup(role.name)
            if known is not None and known.kind != "person" and known.sector in ("rebel", "igo", "party"):
                # a group the NER took for a person ("Al-Shabaab claimed ...")
                self.ctx.last_group = self.ctx.last_org = role
            elif tok.ent_type_ == "PERSON" or (ent is not None and getattr(ent, "kind", "") == "person") or \
                    names_person(role, self.an, self.actors):     # "the UN envoy, Hanna Tetteh, said"
                self.ctx.last_person = role
            elif tok.ent_type_ in ("ORG", "GPE", "NORP") or role.country or role.sector:
                self.ctx.last_group = role
                if tok.ent_type_ == "ORG" or (ent is not None and getattr(ent, "kind", "") == "organization") \
                        or role.sector in ("rebel", "igo", "party"):
                    self.ctx.last_org = role


    ARMED_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "ROOT")

    def _remember_force(self, sent) -> None:
        """The last state force (army, police, security forces) that did something in the
        sentence, as a subject or an agent ("were held by security forces")."""
        for tok in sent:
            dep = tok.dep_
            if dep not in ("pobj", "nsubj") or tok.pos_ not in ("NOUN", "PROPN") or \
                    (dep == "pobj" and tok.head.dep_ != "agent"):
                continue
            if dep == "nsubj" and (tok.head.lemma_.lower() in W.speech_acts or
                                        children(tok.head, "ccomp")):
                continue              # "the ministry said ...": it spoke, it did not act
            role = resolve(tok, self.an, self.actors, self.ctx)
            if role is not None and role.sector in ("military", "police") and role.place is None \
                    and " and " not in role.name:
                self.ctx.last_force = Role(role.name, role.country, role.sector, text=role.text)
                self.ctx.last_force_at = self.ctx.sentence_no

    def _a_person(self, i: int) -> bool:
        ent = self.an.token_entity.get(i)
        if ent is not None:
            return getattr(ent, "kind", "") == "person"
        return self.an.doc[i].ent_type_ == "PERSON"

    def _remember_armed(self, sent) -> None:
        """The last non-state armed group the sentence names, in any role ("an attack claimed by
        Al-Shabaab", "ISIS militants launched"): "the militants", "the terror group" later."""
        named = self.an.token_entity
        for tok in sent:
            if tok.dep_ not in self.ARMED_DEPS:
                continue
            pos = tok.pos_
            if pos not in ("NOUN", "PROPN") or not (
                    pos == "PROPN" or tok.i in named or
                    any(c.dep_ == "compound" and (c.pos_ == "PROPN" or c.i in named) for c in tok.children)):
                continue
            role = resolve(tok, self.an, self.actors, None)
            ents = [self.an.token_entity.get(i) for i in role.tokens] if role is not None else []
            if role is not None and role.place is None and " and " in role.name and len(role.tokens) > 1 \
                    and len({id(e) for e in ents}) == len(ents) \
                    and not any(self.an.token_place.get(i) is not None or self._a_person(i) for i in role.tokens):
                # "clashes between the 444 Brigade and the Stability Force": "the warring factions" later
                self.ctx.last_pair = Role(role.name, role.country, role.sector, text=role.text)
                continue
            if role is None or role.sector != "rebel" or role.place is not None:
                continue
            known = self.actors.lookup(role.name)
            ent = self.an.token_entity.get(tok.i)
            if (known is not None and known.kind != "person" and known.keep_name) or \
                    (ent is not None and getattr(ent, "kind", "") == "organization"):
                self.ctx.last_armed = Role(role.name, role.country, role.sector)


# ---------------------------------------------------------------- one candidate event

@dataclass
class Draft:
    """One matched trigger on its way to an event: what each step of `Coder.event` found."""
    si: int
    sent: object
    m: Match
    rule: str
    trig: str
    clause: object
    verdict: Assessment
    etype: str
    info: TypeInfo
    status: str | None = None
    source_tok: object | None = None
    actor: Role | None = None
    target: Role | None = None
    actor_tok: object | None = None
    target_tok: object | None = None
    subj: object | None = None
    mode: str | None = None
    acled: tuple = (None, None)
    attributed: str | None = None
    source: Role | None = None            # the resolved source (attributed_to's party)
    where: tuple | None = None           # (name, Location-like) or None
    scope: str | None = None             # clause | sentence | actor | paragraph | article | dateline | country
    score: int = 0
    where_cc: str | None = None
    anchors: set = field(default_factory=set)
    exclude: set = field(default_factory=set)
    paths: list[str] = field(default_factory=list)    # fallbacks that fired (for `sitrep explain`)
    weapon_tok: object | None = None     # the weapon the parse named as the doer ("a bomb killed")
    lifted: object | None = None         # the finite verb a misjoined conjunct is coordinated with


# ---------------------------------------------------------------- repairs, per type (lexicon `types:`)

def _repair_envoy_side(coder: "Coder", d: Draft) -> None:
    """"expelled the French ambassador": ties are cut with France."""
    if d.target_tok is not None and d.target_tok.lemma_.lower() in coder.lex.word_list("envoy_nouns"):
        side = _demonym_actor(d.target_tok, coder.an, coder.actors)
        if side is not None:
            d.target = side


def _repair_paired_sides(coder: "Coder", d: Draft) -> None:
    """"U.S. and Russian officials met": the US met Russia."""
    if d.target is None and d.actor_tok is not None:
        pair = _paired_sides(d.actor_tok, coder.actors)
        if pair is not None:
            d.actor, d.target = pair


def _repair_crowd_protesters(coder: "Coder", d: Draft) -> None:
    """"thousands of people marched": in a protest the crowd are the protesters; "the
    announcement sparked demonstrations": a protest with no one named is the protesters'."""
    a = d.actor
    if a is not None and not a.country and a.name.lower() in coder.lex.word_list("crowd_words"):
        d.actor = Role("protesters", None, "civilian", a.tokens)
    elif a is None and d.actor_tok is None and not _definite(d.m.tok, coder.lex) and \
            any(t.i in coder.an.token_place for t in d.sent):
        # (not "the protests continue": a protest told before, or one too vague to count)
        d.actor = Role("protesters", None, "civilian", set())
        d.paths.append("actor: the protesters (a protest with no one named)")


def _repair_doer_of_object(coder: "Coder", d: Draft) -> None:
    """"condemned the strike", "denounced Israeli air raids": the target is who did the act."""
    if d.target is None:
        d.target = coder._doer_of_object(d.m.tok)


def _repair_answers_claimant(coder: "Coder", d: Draft) -> None:
    """"Rwanda denies backing the group", "the army denied the claim": the denial answers
    whoever last accused or claimed."""
    if d.target is not None or not _denies_a_claim(d.m.tok, coder.lex):
        return
    said = [s for c in children(d.m.tok, "ccomp") if c.lemma_.lower() in coder.lex.frames.get("report", ())
            for s in children(c, "nsubj")]
    claimant = resolve(said[0], coder.an, coder.actors, coder.ctx) if said else None
    if said and claimant is None and said[0].lower_ in coder.actors.demonyms:
        name, code = coder.actors.demonyms[said[0].lower_]
        claimant = Role(name, code, None, {said[0].i})
    if claimant is not None and is_named(claimant, said[0], coder.actors) and not same_side(d.actor, claimant):
        d.target = claimant       # "dismissed the Ukrainian claims that ...", read as "Ukrainian claims that"
        d.paths.append(f"target: who made the claim denied ('{claimant.name}')")
        return
    last = coder.ctx.last_claimant
    if last is not None and not same_side(d.actor, last):
        d.target = last
        return
    accuser = accuser_in_sentence(coder, d)          # "..., after Kinshasa accused the rebels"
    if accuser is not None:
        d.target = accuser
        d.paths.append(f"target: the accuser in the denial's sentence ('{accuser.name}')")


def _repair_mutual_sides(coder: "Coder", d: Draft) -> None:
    """"The ELN and the government agreed to resume talks": the parties agreed with each other."""
    if d.target is None and mutual(d.actor):
        d.target = Role("each other", None, None, set(), text=None)


REPAIRS = {"envoy_side": _repair_envoy_side, "paired_sides": _repair_paired_sides,
           "mutual_sides": _repair_mutual_sides,
           "crowd_protesters": _repair_crowd_protesters, "doer_of_object": _repair_doer_of_object,
           "answers_claimant": _repair_answers_claimant}


def _denies_a_claim(tok, lex: Lexicon) -> bool:
    """A denial of something said ("denied the claim", "rejected that account") or of doing
    something ("denies backing the group"), not a refusal of an offer ("rejected the truce")."""
    objs = children(tok, "dobj")
    if objs:                      # "denied the claim", "called the claim propaganda"
        said = lex.word_list("claim_nouns") | lex.word_list("denied_deeds")   # "denied any involvement"
        return any(t.lemma_.lower() in said for t in [objs[0], *objs[0].children]
                   if t is objs[0] or t.dep_ in ("nmod", "compound", "amod"))
    return any(c.dep_ in ("xcomp", "ccomp", "pcomp") for c in tok.children) or \
        tok.lemma_.lower() == "deny"


def _is_person(tok, an) -> bool:
    """A person's name, or an office named with one ("foreign minister Abbas Araghchi")."""
    for t in [tok, *(c for c in tok.children if c.dep_ in ("appos", "compound", "flat"))]:
        ent = an.token_entity.get(t.i)
        if t.ent_type_ == "PERSON" or (ent is not None and getattr(ent, "kind", "") == "person"):
            return True
    return False


def _speaks_for(src: Role, src_tok, actor: Role | None, an) -> bool:
    """Is the source the actor itself, or a person speaking for the actor's side?"""
    if actor is None or src.name == actor.name:
        return actor is not None
    ent = an.token_entity.get(src_tok.i)
    person = src_tok.ent_type_ == "PERSON" or (ent is not None and getattr(ent, "kind", "") == "person")
    return person and bool(src.country) and src.country == actor.country \
        and actor.sector in ("government", "military", None)


def _ancestors(tok, n: int = 3) -> list[int]:
    out, t = [tok.i], tok
    for _ in range(n):
        if t.head.i == t.i:
            break
        t = t.head
        out.append(t.i)
    return out


def _two_conjoined_acts(m: Match, ev: Event, other: Event, index) -> bool:
    """"arrested ten men and seized weapons": two conjoined verbs of one subject, each with its
    own object, told by two different entries, are two acts, not one told twice."""
    a, b = m.tok, index[id(other)][0]
    if m.carrier is not None or len(index[id(other)]) > 1 or a.pos_ != "VERB" or b.pos_ != "VERB":
        return False
    second = a if a.dep_ == "conj" and a.head.i == b.i else b if b.dep_ == "conj" and b.head.i == a.i else None
    if second is None or children(second, "nsubj", "nsubjpass"):
        return False          # the second verb shares its head's subject: one doer, two acts
    oa, ob = children(a, "dobj"), children(b, "dobj")
    return bool(oa and ob) and oa[0].lemma_ != ob[0].lemma_ and ev.rule != other.rule


def _one_speaker(ev: Event, other: Event, a, b) -> bool:
    """Two conjoined verbs of one speaker ("X condemned the attack and accused Y"): one
    verb is the other's conjunct, and the two events name one doer."""
    joined = a.dep_ == "conj" and a.head.i == b.i or b.dep_ == "conj" and b.head.i == a.i
    return joined and bool(ev.actor) and ev.actor == other.actor


def _linked(a_tokens, b_tokens) -> bool:
    """Are two triggers parts of one statement: one governs the other, or they share a governor
    within three steps ("accused Kyiv of bombing a market, killing six")?"""
    a = {i for t in a_tokens for i in _ancestors(t)}
    b = {i for t in b_tokens for i in _ancestors(t)}
    return bool(a & b)


# rejections that say the act did not happen or is another sense: the fallback respects them
STOPPING_REASONS = ("figurative", "negated", "question", "conditional", "requested", "refused",
                    "unrealised", "purpose", "not done", "mentioned as", "infinitive", "entry is future_only",
                    "participle", "adjectival", "present-tense", "asked NOT", "a tally")


def _main_predicates(seg, lex: Lexicon) -> list:
    """The verbs that carry a sentence: its root and the root's conjuncts; under a reporting
    root ("X said ..."), the verb of what was said first."""
    roots = [t for t in seg if t.head.i == t.i or not (seg.start <= t.head.i < seg.end)]
    out = []
    report = lex.frames.get("report", frozenset())
    for root in roots:
        said = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        if root.lemma_.lower() in report and said:
            out += [said[0], *said[0].conjuncts]
        out += [root, *root.conjuncts]
    return [t for t in out if t.pos_ == "VERB"]


MERGED_FIELDS = ("mode", "actor", "target", "location", "country", "date", "fatalities",
                 "attributed_to", "actor_country", "actor_sector", "target_country",
                 "target_sector", "lat", "lon", "admin1", "acled_event_type",
                 "acled_sub_event_type", "actor_text", "target_text", "fatalities_reports",
                 "toll_disputed", "location_scope", "geo_precision")


def _fill(keep: Event, drop: Event, keep_source: bool = False) -> None:
    """The fields `keep` lacks, from `drop` (two tellings of one event); with keep_source, who
    says so stays the first telling's (the outlet's own report is not made someone's claim)."""
    # a party's country, sector and words come with the party: the kept telling's target is
    # not given the other telling's sector ("Djibo" is no "civilian" for the victims' sake)
    own = {f"{p}_{x}" for p in ("actor", "target") if getattr(keep, p, None) is not None
           for x in ("country", "sector", "text")}
    for f in MERGED_FIELDS:
        if keep_source and f == "attributed_to" or f in own:
            continue
        if getattr(keep, f, None) is None and getattr(drop, f, None) is not None:
            setattr(keep, f, getattr(drop, f))


def _join_tolls(keep: Event, drop: Event) -> None:
    """Two tellings of one incident with two tolls: both figures kept with their evidence, the
    disagreement flagged (as `attach_tolls` does within a telling). A "no casualties" (0)
    gives way to a figure: it is no disagreement."""
    if keep.fatalities == 0 and drop.fatalities:
        keep.fatalities = drop.fatalities
        keep.fatalities_reports, keep.toll_disputed = drop.fatalities_reports, drop.toll_disputed
        return
    if keep.fatalities is None or not drop.fatalities or keep.fatalities == drop.fatalities:
        return
    reports = list(getattr(keep, "fatalities_reports", None) or
                   [{"value": keep.fatalities, "evidence": keep.evidence}])
    for r in getattr(drop, "fatalities_reports", None) or [{"value": drop.fatalities, "evidence": drop.evidence}]:
        if len(reports) >= MAX_REPORTS:      # bounded, as attach_tolls bounds them
            break
        if r not in reports:
            reports.append(r)
    keep.fatalities_reports, keep.toll_disputed = reports, True


def _retells(first: Event, later: Event, lex: Lexicon, rw: dict | None = None, adjacent: bool = False,
             definite: bool = False, fresh: bool = False) -> bool:
    """Does `later` tell nothing that `first` does not (see Coder.merge_retellings)? A definite
    act noun on the first telling's own place ("the artillery fire on Kherson") names its act
    in other words: its mode is no other incident's."""
    if first.type != later.type or not lex.type(later.type).retellings:
        return False
    same_spot = definite and first.location is not None and later.location in (None, first.location)
    for f in ("date", "mode"):
        a, b = getattr(first, f), getattr(later, f)
        if a is not None and b is not None and a != b and not (f == "mode" and (same_spot or _kin_modes(a, b, rw))):
            return False
    if later.actor and later.attributed_to and later.attributed_to != first.attributed_to and (
            later.actor in later.attributed_to or later.attributed_to in later.actor):
        return False      # the doer's own account ("the military said it had struck ...")
    happened = ("occurred", "claimed")
    if first.status != later.status and not (first.status in happened and later.status in happened):
        return False
    if not (_same_place(first, later) or definite and where.place_within(first, later) or
            (definite or adjacent) and _part_of_told_place(later, rw) or
            adjacent and (_how_they_died(first, later) or
                                                       not fresh and _unknown_place_nearby(first, later))):
        return False
    if not _same_sides(first, later, lex) or _third_party_hit(first, later):
        return False
    if rw is not None and later.type in rw["same_target"] and not _same_target(first, later, rw):
        return False      # "detained a commander" and "seized 17 rifles": two acts
    return True


def _part_of_told_place(later: Event, rw: dict | None) -> bool:
    """"The bombs struck the city's Saltivskyi district", "shells hit the Peresyp district of the
    town": the later telling names its place as a part of a place told before (a definite place
    noun of `told_place_nouns`), so the place is the told one's, more precisely."""
    if rw is None or not later.location or not later.evidence:
        return False
    import re

    nouns = "|".join(sorted(rw["told_place"]))
    name = re.escape(later.location)
    text = later.evidence
    return bool(re.search(rf"\bthe (?:{nouns})['’]s\s+(?:\w+\s+){{0,2}}{name}\b", text, re.I) or
                re.search(rf"\b{name}\s+(?:\w+\s+){{0,2}}of the (?:{nouns})\b", text, re.I))


def _country_wide(e: Event, actors: ActorTable) -> bool:
    """Is `e` placed only at a country ("struck a refinery deep inside Russia")? (A town the
    gazetteer does not know also has a country's precision: it is no country.)"""
    return e.location is not None and (e.location_scope == "country" or bool(
        e.country and e.location == actors.country_names.get(e.country)))


def _body_telling(e: Event, pool: list[Event], lex: Lexicon, rw: dict) -> Event | None:
    """The body event of `pool` that tells the incident a heading or summary line `e` tells:
    one type, no other day, mode, side or (for the types that need one) target, a place that
    fits (the same, inside it, or in its country), and the summary's toll when it gives one.
    Of several, the one that shares the most (place, target, doer), the first on a tie."""
    best, score = None, -1
    for c in pool:
        if c.type != e.type or not _summary_fits(e, c, lex, rw):
            continue
        n = (bool(c.location and c.location == e.location) + _same_target(c, e, rw) +
             bool(c.actor and c.actor == e.actor))
        if n > score:
            best, score = c, n
    return best


def _summary_fits(e: Event, c: Event, lex: Lexicon, rw: dict) -> bool:
    happened = ("occurred", "claimed")
    if e.status != c.status and not (e.status in happened and c.status in happened):
        return False
    if e.date and c.date and e.date != c.date:
        return False
    if e.mode and c.mode and e.mode != c.mode and not _kin_modes(e.mode, c.mode, rw):
        return False
    if e.fatalities and e.fatalities != c.fatalities:
        return False            # a toll no body telling gives: a total, or the only telling
    if not (_same_doer(c, e) or lex.type(e.type).between_parties and
            (_same_sides(c, e, lex) or _same_sides(e, c, lex))):
        return False            # talks: "Hamas and Israel hold talks", "mediators met the two delegations"
    if e.type in rw["same_target"] and not _same_target(c, e, rw):
        return False
    return _place_fits(e, c)


def _same_doer(c: Event, e: Event) -> bool:
    """One doer in a body telling `c` and a summary `e`: either names none, one name holds the
    other ("RSF" / "the RSF"), one side's forces by two names (a country's state forces and its
    rebels are two sides), or a common noun for the body's doer ("gunmen", "the militants")."""
    if not e.actor or not c.actor:
        return True
    a, b = e.actor.lower(), c.actor.lower()
    if a in b or b in a or (e.actor_text and c.actor_text and e.actor_text.lower() == c.actor_text.lower()):
        return True
    if e.actor_country and e.actor_country == c.actor_country and \
            (e.actor_sector == "rebel") == (c.actor_sector == "rebel"):
        return True
    return e.actor.islower() and e.actor_sector in (None, c.actor_sector) or \
        c.actor.islower() and c.actor_sector in (None, e.actor_sector)


def _place_fits(e: Event, c: Event) -> bool:
    """The summary's place is the body telling's, holds it (a region, the country), or is named
    in the body's sentence ("Ocua village in Chiure district" for "in Chiure")."""
    if not e.location or not c.location or _same_place(c, e):
        return True
    if e.location_scope not in ("clause", "sentence"):
        return True             # a place the summary line does not name (told before it)
    if where.place_within(e, c) or where.place_within(c, e) or (e.admin1 and e.admin1 == c.admin1):
        return True
    import re

    return re.search(rf"\b{re.escape(e.location)}\b", c.evidence or "") is not None


def _defence_account(e: Event, tok, lex: Lexicon, rw: dict) -> bool:
    """Is `e` a defender's stopping of weapons ("shot down 27 drones", "intercepted two
    missiles"): one of retellings.yaml `defence_modes`, or an act on munitions? Or a defender
    repelling the attack told before ("troops repelled the attack", a definite attack noun)?"""
    if tok.lemma_.lower() in lex.word_list("repel_verbs"):
        if e.fatalities:
            return False        # "repelled the attack and killed 17 of the insurgents": a counter-attack
        from .tolls import _words as toll_words

        attacks = toll_words(None)["refer_back"]
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in attacks and _anaphoric(c, lex)
                   for c in tok.children)
    if tok.lemma_.lower() not in lex.word_list("defensive_verbs") or e.mode not in rw["defence_modes"] and \
            not any(c.dep_ in ("dobj", "nsubjpass") and _munition(c, lex) for c in tok.children):
        return False            # the act itself stops weapons ("shot down", "destroyed", "intercepted")
    # what was stopped: unmanned weapons ("27 drones", "two missiles"), not aircraft with crews
    # (downing a jet is an act of its own)
    stopped = {w for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj") for w in _noun_lemmas(c)}
    if tok.dep_ == "acl" or tok.dep_ == "relcl":
        stopped |= _noun_lemmas(tok.head)
    return bool(stopped & rw["stopped_weapons"]) and not stopped & rw["crewed_aircraft"]


def _attacked_side(f: Event, e: Event) -> bool:
    """Was the incident `f` an attack on the defender of `e`, by the side whose weapons `e`
    stopped? `f`'s doer is `e`'s doer's rival, the side whose weapons `e` names ("41
    Ukrainian drones", "RSF drones"), or, when `e` names none, `f` hit the defender's side or
    land. The interception may be told over another place ("over six regions"), not in another
    country than the attack's."""
    if f.actor is None or e.actor is None or not _rivals(f.actor, f.actor_country, f.actor_sector,
                                                          e.actor, e.actor_country, e.actor_sector):
        return False
    if f.country and e.country and f.country != e.country and e.location_scope in ("clause", "sentence"):
        return False
    if e.target and e.target == f.actor:
        return True
    if e.target and e.target_country:
        return not _rivals(f.actor, f.actor_country, f.actor_sector, e.target, e.target_country, e.target_sector)
    if not e.target and f.country is None and f.target_country is None:
        return True             # the attack names nothing of the defender's: the rivals suffice
    return e.actor_country is not None and e.actor_country in (f.target_country, f.country)


def _rivals(a: str, a_country, a_sector, b: str, b_country, b_sector) -> bool:
    """Two sides: other countries, or one country's state forces and its rebels."""
    if a == b:
        return False
    if a_country and b_country:
        return a_country != b_country or (a_sector == "rebel") != (b_sector == "rebel")
    return True


def _turned_on(f: Event, e: Event) -> bool:
    """Does `e` act on `f`'s doer ("gunmen killed five villagers ... the army said it killed ten
    gunmen")? A counter-attack, not the doer's account."""
    a, b = (f.actor or "").lower(), (e.target or "").lower()
    return bool(a and b) and (a in b or b in a)


def _days_apart(f: Event, e: Event) -> bool:
    """Are the two tellings' days (when both give one) at most one apart (a night's strike
    straddles two)?"""
    if not (f.date and e.date) or f.date == e.date:
        return True
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat(f.date[:10]) - dt.date.fromisoformat(e.date[:10])).days) <= 1
    except ValueError:
        return False


def _account_fits(f: Event, e: Event, rw: dict) -> bool:
    """Nothing in the doer's account `e` shows an incident other than `f`: no place of its own
    outside `f`'s (a place `e` only inherited does not count)."""
    if not e.location or not f.location or e.location_scope not in ("clause", "sentence"):
        return True
    return _same_place(f, e) or where.place_within(f, e) or where.place_within(e, f) or \
        bool(e.country and e.country == f.country and e.geo_precision in ("country", "admin1"))


def _names_told_spot(first: Event, later: Event, tok, lex: Lexicon) -> bool:
    """May `later` go back past the newest incident to an older one `first`? Only a definite
    act noun ("the attack on the port of Izmail") on `first`'s own place (the same, or inside
    it): anything vaguer belongs to the newest incident or none."""
    if tok is None or tok.pos_ != "NOUN" or not _definite(tok, lex):
        return False
    if not first.location or not later.location:
        return False
    return first.location == later.location or where.place_within(first, later)


def _remember_telling(told: list, e: Event, si: int, limit: int = 3, only_if_told: bool = False) -> None:
    """Put incident `e`, last told in sentence si, first in `told` (the type's incidents that
    later sentences may tell again, newest first, at most `limit`)."""
    old = next((p for p in told if p[0] is e), None)
    if old is None and only_if_told:
        return
    if old is not None:
        told.remove(old)
    told.insert(0, (e, si))
    del told[max(limit, 1):]


def _third_party_hit(first: Event, later: Event) -> bool:
    """"Israel struck the Houthis ... The Houthis have been fighting a Saudi-led coalition": the
    party first hit, acting on a third party named by the later telling, is another act."""
    if not (first.target and later.actor and later.target and first.target_country and
            later.actor_country == first.target_country != first.actor_country):
        return False
    other = {first.actor.lower() if first.actor else "", first.target.lower(), "each other", "one another"}
    return later.target.lower() not in other and (later.target_country or "") not in (
        first.actor_country, first.target_country)


def _claimed_act(tok, lex: Lexicon) -> bool:
    """Is the act noun what a group claims ("claimed the attack", "claimed responsibility for
    the attack")?"""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in lex.word_list("claimed_act_verbs"):
        return True
    if tok.dep_ != "pobj" or head.lower_ != "for":
        return False
    noun = head.head
    return noun.lemma_.lower() in lex.word_list("responsibility_nouns") and \
        noun.head.lemma_.lower() in lex.word_list("responsibility_verbs")


def _own_incident(first: Event, later: Event, tok, rw: dict) -> bool:
    """An act noun with an indefinite article tells an incident of its own, not the one told
    before: placed in time against another ("a week after an ambush on a police patrol", "since
    an attack on a base") or carrying a toll of its own other than the first telling's ("an
    attack that killed three", after "killed four in an attack")."""
    if not _indefinite_act(tok, rw):
        return False
    if _placed_before(tok, rw):
        return True
    return bool(later.fatalities and first.fatalities and later.fatalities != first.fatalities)


def _indefinite_act(tok, rw: dict) -> bool:
    return tok is not None and tok.pos_ == "NOUN" and \
        any(c.dep_ == "det" and c.lower_ in rw["indefinite"] for c in tok.children)


def _placed_before(tok, rw: dict) -> bool:
    """"(a week) after an attack on a base", "since a raid": an incident of its own, told as the
    time of another; the later tellings are not its retellings (it is background)."""
    return _indefinite_act(tok, rw) and tok.dep_ == "pobj" and tok.head.lower_ in rw["time_preps"]


def _kin_modes(a: str, b: str, rw: dict | None) -> bool:
    """Two modes that may name one act ("airstrike" and "bombing"; retellings.yaml `mode_kin`)."""
    return rw is not None and any(a in kin and b in kin for kin in rw["mode_kin"])


def _unknown_place_nearby(first: Event, later: Event) -> bool:
    """"Myanmar's military bombed a village in Sagaing region ... Junta jets bombed the village of
    Let Yet Kone": told right after, by the same doer, with a place the gazetteer does not know (a
    village, a district) in the first place's country: nothing shows another place, unless the
    two tolls differ. The later telling names the first's target again ("the village of ...")."""
    if later.lat is not None or first.lat is None or later.location is None:
        return False
    a = set((first.target_text or first.target or "").lower().split()) - _FILLER
    b = set((later.target_text or later.target or "").lower().split()) - _FILLER
    head = (first.target or "").lower().split()[-1:]
    if not a & b and not (head and f" the {head[0]} " in f" {(later.evidence or '').lower()} "):
        return False
    if later.country not in (None, first.country) or later.actor is None or first.actor is None:
        return False
    return not (later.fatalities and first.fatalities and later.fatalities != first.fatalities)


def _same_place(first: Event, later: Event) -> bool:
    """One place, or one names none, or the first telling named the later one's place with
    the same target ("captured the village of Maiorsk in the Donetsk region", then "Maiorsk
    was liberated" placed in Donetsk)."""
    import re

    a, b = first.location, later.location
    if not a or not b or a == b or a in b or b in a or where.retold_within(first, later):
        return True
    same_target = bool(first.target and later.target and first.target.lower() == later.target.lower())
    return same_target and re.search(rf"\b{re.escape(b)}\b", first.evidence or "") is not None


def _how_they_died(first: Event, later: Event) -> bool:
    """"At least 20 people were killed in North Darfur on Friday. RSF drones struck a market in
    Mellit": a toll told with no doer, and right after it the act with its doer, no toll of its
    own and a place inside the toll's region, are one incident."""
    if first.actor is not None or later.actor is None or later.fatalities or not first.fatalities:
        return False
    if not first.country or first.country != later.country:
        return False
    if first.admin1 and first.admin1 == later.admin1:
        return True
    return first.geo_precision == "admin1" and later.admin1 in (None, first.admin1, first.location)


def _same_sides(first: Event, later: Event, lex: Lexicon) -> bool:
    sides = {first.actor, first.target} - {None}
    countries = {first.actor_country, first.target_country} - {None}
    # "the militants", "gunmen": a common noun for the side already named
    generic = later.actor is not None and _common_party(later.actor, lex) and \
        later.actor_sector in (None, first.actor_sector) and not any(ch.isdigit() for ch in later.actor) \
        and not set(later.actor.split()) & lex.word_list("several_sides")
    # "Treasury" for "US Treasury": a shorter name of a side already named
    named = later.actor is not None and any(f" {later.actor} " in f" {x} " or f" {x} " in f" {later.actor} "
                                            for x in sides)
    # one country's state forces and its rebels are two sides ("the ELN killed four soldiers",
    # "the military killed 13 guerrillas")
    rivals = (first.actor_sector == "rebel") != (later.actor_sector == "rebel") and \
        None not in (first.actor_sector, later.actor_sector) and later.actor_country != first.target_country
    return not (later.actor and first.actor and later.actor not in sides and not generic and not named and
                not (later.actor_country and later.actor_country in countries and not rivals))


def _common_party(name: str, lex: Lexicon) -> bool:
    """A party named by a common noun ("gunmen", "the militants"; "Terrorists" opening a
    sentence), not a proper name."""
    return name.islower() or bool(name[:1].isupper() and name[1:].islower() and " " not in name and
                                  {name.lower(), name.lower()[:-1]} & lex.word_list("armed_nouns"))


def _same_target(first: Event, later: Event, rw: dict) -> bool:
    """Both name one target, or one names none; "each other" fits the first's own sides."""
    a, b = (first.target or "").lower(), (later.target or "").lower()
    if not a or not b or a in b or b in a or set(a.split()) & set(b.split()) - _FILLER:
        return True
    if first.target_country and first.target_country == later.target_country:
        return True
    recip = rw["reciprocal"]
    sides = " and ".join(x for x in (first.actor, first.target, later.actor) if x).lower()
    return (a in recip and b in sides) or (b in recip and a in sides) or (a in recip and b in recip)


_FILLER = {"the", "a", "an", "of", "and", "in", "on", "to", "its", "their", "his", "her"}


def _headline_line(tok) -> bool:
    """Is tok on a line that ends without a full stop (a headline, standfirst or crosshead: a
    summary of what the body tells)?"""
    text = doc_text(tok.doc)
    lo = text.rfind("\n", 0, tok.idx) + 1
    hi = text.find("\n", tok.idx)
    line = text[lo:hi if hi >= 0 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?\"'”’)…"


def _inside_quote_marks(tok) -> bool:
    """Is tok between quotation marks opened on its line (the cleaned text has straight ones)?"""
    text = doc_text(tok.doc)
    lo = text.rfind("\n", 0, tok.idx) + 1
    return text.count('"', lo, tok.idx) % 2 == 1


def _fullness(e: Event, tok, lex: Lexicon) -> int:
    """How fully a telling states its incident: an act of its own (not "the attack" told
    before), and a doer, a target, a place and a day in its own words."""
    ev = e.evidence or ""
    score = 0 if tok is not None and tok.pos_ == "NOUN" and _definite(tok, lex) else 2
    score += bool(e.actor and e.actor_text and e.actor_text in ev)
    score += bool(e.target and e.target_text and e.target_text in ev)
    score += e.location_scope in ("clause", "sentence")
    score += when.told_date(e)              # a day another sentence gave it is not its own
    return score


def _retelling_words(lex: Lexicon) -> dict:
    from ..knowledge import get_knowledge

    def build(k):
        data = k.yaml("retellings.yaml") or {}
        windows = {str(t): (None if str(v) == "article" else int(v))
                   for t, v in (data.get("windows") or {}).items()}
        return {"windows": windows,
                "same_target": frozenset(str(t).upper() for t in data.get("same_target") or []),
                "reciprocal": frozenset(str(w).lower() for w in data.get("reciprocal_targets") or []),
                "refer_types": frozenset(str(t).upper() for t in data.get("refer_back_types") or []),
                "indefinite": frozenset(str(w).lower() for w in data.get("indefinite_dets") or []),
                "time_preps": frozenset(str(w).lower() for w in data.get("time_preps") or []),
                "mode_kin": [frozenset(str(m).lower() for m in kin) for kin in data.get("mode_kin") or []],
                "defence_modes": frozenset(str(m).lower() for m in data.get("defence_modes") or []),
                "stopped_weapons": frozenset(str(m).lower() for m in data.get("stopped_weapons") or []),
                "one_statement": frozenset(str(t).upper() for t in data.get("one_statement_types") or []),
                "candidates": int(data.get("candidates") or 1),
                "account_new_words": frozenset(str(w).lower() for w in data.get("account_new_words") or []),
                "account_window": int(data.get("account_window") or 6),
                "crewed_aircraft": frozenset(str(m).lower() for m in data.get("crewed_aircraft") or []),
                "account_types": frozenset(str(t).upper() for t in data.get("account_types") or []),
                "told_place": frozenset(str(w).lower() for w in data.get("told_place_nouns") or [])}
    return get_knowledge().derived("retellings", build)


_PHRASES: dict = {}


def _phrase_pattern(phrases: frozenset):
    """"Any of `phrases` inside the text" as one regex, compiled once per word list (the test
    runs for every segment of every sentence)."""
    pat = _PHRASES.get(("re", phrases))
    if pat is None:
        alts = "|".join(re.escape(p) for p in sorted(phrases)) or "(?!)"
        pat = _PHRASES[("re", phrases)] = re.compile(alts)
    return pat


def _as_tuple(phrases: frozenset) -> tuple:
    out = _PHRASES.get(("tuple", phrases))
    if out is None:
        out = _PHRASES[("tuple", phrases)] = tuple(phrases)
    return out


def _credit_line(seg, lex: Lexicon, text: str) -> str | None:
    """"... in this screengrab taken from a video", "REUTERS/Jane Doe", "By John Smith and Ann
    Roe", "Reporting by ...; Editing by ...": a caption or byline (which), else None."""
    lo = text.rfind("\n", 0, seg.start_char) + 1
    hi = text.find("\n", seg.end_char)
    raw = text[lo:hi if hi >= 0 else len(text)]
    line = " ".join(raw.lower().split()) if len(raw) < 600 else ""
    if line and _phrase_pattern(lex.word_list("caption_phrases")).search(line):
        return "photo caption"        # the caption's line holds the credit ("... REUTERS/Name")
    low = " ".join(seg.text.lower().split())
    words = low.split()
    if low.startswith(_as_tuple(lex.word_list("byline_starts"))) or (
            words[:1] == ["by"] and len(seg) <= 12 and not any(t.pos_ == "VERB" for t in seg)):
        return "byline"
    return None


def _segments(sent):
    """A parsed sentence cut at line breaks: the parser glues a title, list items or bullet lines
    to the next sentence, but a line break in news text always ends a statement."""
    doc = sent.doc
    out, lo = [], sent.start
    for t in sent:
        if t.is_space and "\n" in t.text:
            if lo < t.i:
                out.append(doc[lo:t.i])
            lo = t.i + 1
        elif t.whitespace_ and "\n" in t.whitespace_:
            out.append(doc[lo:t.i + 1])
            lo = t.i + 1
    if lo < sent.end:
        out.append(doc[lo:sent.end])
    return [seg for seg in out if any(not t.is_space for t in seg)]


class _QuoteIndex:
    """The direct quotes' spans sorted by start, with the running maximum of their ends, so that
    "which quote holds this char" is a bisection (the first span in text order that holds it)."""

    def __init__(self, spans: list[tuple[int, int, str]]):
        order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self.spans = [(spans[k][0], spans[k][1], spans[k][2], k) for k in order]
        self.los = [s[0] for s in self.spans]
        self.reach, far = [], -1
        for s in self.spans:
            far = max(far, s[1])
            self.reach.append(far)

    @classmethod
    def of(cls, coder) -> "_QuoteIndex":
        index = coder.__dict__.get("_quote_index")
        if index is None or index[0] is not coder.quote_spans:
            index = coder.__dict__["_quote_index"] = (coder.quote_spans, cls(coder.quote_spans))
        return index[1]

    def speaker_at(self, start: int) -> str | None:
        j = bisect.bisect_right(self.los, start) - 1
        best = None
        while j >= 0 and self.reach[j] > start:
            lo, hi, speaker, k = self.spans[j]
            if start < hi and (best is None or k < best[0]):
                best = (k, speaker)
            j -= 1
        return best[1] if best else None


def _quote_spans(an) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each direct quote's words in Article.text (from the quotes stage)."""
    out = []
    text = an.article.text
    for q in an.quotes or []:
        if not q.speaker or not q.text or not getattr(q, "direct", True):
            continue
        probe = q.text[:40]
        at = text.find(probe, max(0, q.start - 5)) if probe else -1
        if at < 0 or (q.end and at > q.end):
            continue
        out.append((at, at + len(q.text), q.speaker))
    return out


def code_events(an, lexicon: Lexicon | None = None, actors: ActorTable | None = None,
                kb=None) -> list[Event]:
    """Events of one analysed article (runs last in the pipeline): sets `an.events` and
    `an.trace` (every trigger and what became of it) and returns the events."""
    coder = Coder(an, lexicon or load_lexicon(kb=kb), actors or load_actors())
    an.events = coder.code()
    an.trace = coder.traces
    attach_tolls(an.events, an, coder.traces, kb)      # tolls told outside the event's sentence
    attach_places(an.events, an, coder.traces, kb)     # "the confrontation occurred in ..."
    backfill_remote_actors(coder, an.events)            # "drones fell on a depot in Oryol": whose
    when.attach_dates(an.events, an, coder.lex, kb, coder.traces)   # "the confrontation occurred Monday"
    an.events = coder.merge_summaries(an.events)        # headings and summary lines into the body's telling
    an.events = coder.merge_retellings(an.events)       # after tolls and places: each telling brings its own
    an.events = order.front_matter_last(coder, an.events)   # the body's telling first, not a "Key points" echo
    where.place_the_lead(coder, an.events)              # the lead's incident, placed by the headline
    actor_the_lead(coder, an.events)                    # ... and done by the headline's doer
    an.events = coder.merge_country_lead(an.events)     # "deep inside Russia", told in the body at its town
    return an.events
