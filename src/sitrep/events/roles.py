"""Who did it, to whom, where, and how many died: roles read off the dependency parse.

Everything here takes tokens of one parsed sentence and the article's Analysis, and returns plain
values; names are canonicalised through the article's entities and places first, then through
the actor table, then fall back to the noun phrase as written.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from types import SimpleNamespace

from ..knowledge import WordLists, get_knowledge
from ..nlp import entity_at
from ..numbers import token_value
from .actors import ActorTable, spelling_key
from .lexicon import Lexicon

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


class _RoleWords(WordLists):
    """The word lists roles read, from data (`role_words:` of actors.yaml; the quantity nouns and
    the accusation frames are the event lexicon's own): `W.leader_nouns`, `W.force_nouns`..."""

    KEYS = frozenset({"pronouns_person", "pronouns_group", "leader_nouns", "generic_place_nouns",
                      "loc_preps", "speech_acts", "member_nouns", "force_nouns", "bare_force_nouns",
                      "institution_nouns", "group_nouns", "district_nouns", "single_victims",
                      "blame_frames", "quantity_nouns", "accuse_frames", "place_frame_nouns",
                      "mutual_nouns", "weapon_heads", "fire_nouns", "armed_refs",
                      "force_act_types", "police_modes", "self_raised_types",
                      "state_force_words", "state_office_words", "host_verbs",
                      "joint_state_nouns", "ruling_nouns", "ruling_adjectives",
                      "fallen_to_verbs", "hands_nouns", "envoy_nouns", "document_nouns",
                      "loyalty_words", "home_body_nouns", "gerund_preps", "state_nouns", "voiced_types",
                      "responsibility_nouns", "responsibility_verbs", "nonstate_force_words",
                      "armed_modifiers", "weapon_words", "descriptor_nouns"})

    def __init__(self):
        super().__init__("role_words", _build_role_words, self.KEYS)


def _build_role_words(kb) -> dict[str, frozenset[str]]:
    section = kb.section("actors.yaml", "role_words")
    out = {str(k): frozenset(str(w).lower() for w in v or []) for k, v in section.items()}
    lex_words = kb.section("event_lexicon.yaml", "word_lists")
    frames = kb.section("event_lexicon.yaml", "frames")
    for key in ("quantity_nouns", "responsibility_nouns", "responsibility_verbs", "armed_modifiers"):
        out[key] = frozenset(str(w).lower() for w in lex_words.get(key) or [])
    out["weapon_words"] = frozenset(str(w).lower() for w in kb.section("event_lexicon.yaml", "weapon_modes")) | \
        out.get("weapon_heads", frozenset())
    out["accuse_frames"] = frozenset(str(w).lower() for w in frames.get("accuse") or []) | \
        out.get("blame_frames", frozenset())
    return out


W = _RoleWords()

# steps other modules add to the resolution (events.cast registers the article's cast on import:
# CAST_FIRST, CAST_STEPS, conjunct_antecedent, story_state), so that roles imports none of them
HOOKS: dict[str, object] = {}



@dataclass
class Role:
    """A resolved participant: the record name plus side/sector and the tokens it came from."""
    name: str
    country: str | None = None
    sector: str | None = None
    tokens: set[int] = field(default_factory=set)
    place: object | None = None         # the Location when the participant is a place
    text: str | None = None             # the article's own words for it ("Russian occupiers")
    via: str | None = None              # how a generic mention was resolved (events.cast; explain)


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
    last_venue: tuple | None = None           # (name, Location) of the last placed talks / agreement
    last_venue_at: int = -99                  # ... in which sentence
    last_armed: Role | None = None            # the last named non-state armed group ("the militants")
    last_named_army: Role | None = None       # the last state army named by its words ("Mexican army troops")
    last_pair: Role | None = None             # the last two parties named together ("the two sides")
    last_force: Role | None = None            # the last state force that acted ("held by security forces")
    last_force_at: int = -99                  # ... in which sentence
    sentence_no: int = 0                      # sentences told so far


def is_passive(v) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def opens_sentence(tok) -> bool:
    """`tok.i == tok.sent.start` without building the sentence's Span (a hot test)."""
    return tok.i == 0 or tok.is_sent_start is True


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
        if t.dep_ == "advcl" and pron.dep_ in ("nsubj", "nsubjpass") and pron.head.i == t.i:
            ante = _main_clause_subject(pron, t.head)
            if ante is not None:
                return ante           # "the RSF reinforced Bara since it recaptured the town"
        if t.dep_ == "ccomp":
            subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if subj and in_dateline(subj[0]):
                # "MOSCOW, Oct 2 - Russia's defence ministry said its forces ...": the ministry
                subj = [s for s in [_after_dateline(subj[0], t.head)] if s is not None]
            if subj and subj[0].i < pron.i and subj[0].pos_ != "PRON":
                return subj[0]
            return None
        t = t.head
    return None


def _main_clause_subject(pron, verb):
    """The named subject of the clause an adverbial clause hangs on, when the pronoun subject
    of that adverbial clause agrees with it (he/she: a person; it: a singular body; they: a
    body or a plural)."""
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and c.i < pron.i]
    if not subj:
        return None
    s, low = subj[0], pron.lower_
    person = s.ent_type_ == "PERSON"
    if low in ("he", "she"):
        return s if person else None
    if low == "it":
        return s if not person and s.tag_ in ("NN", "NNP") and s.ent_type_ in ("ORG", "NORP", "GPE") else None
    return s if low == "they" and not person and s.ent_type_ in ("ORG", "NORP") else None


def sayer_of(tok):
    """The subject of the verb of saying whose reported clause holds tok ("the army spokesman
    said its soldiers pulled out" -> spokesman), or None outside reported speech."""
    t = tok
    for _ in range(8):
        if t.head is t:
            return None
        if t.dep_ == "ccomp" and t.head.pos_ == "VERB":
            subj = [c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subj[0] if subj and not in_dateline(subj[0]) else None
        t = t.head
    return None


def colon_speaker(pron):
    """"Houthi military spokesman Yahya Saree: we targeted the tanker": the speaker a line
    opens with, before a colon (a live page's way of quoting), for a pronoun after it; None
    when the line does not open so (or the part before the colon has a verb)."""
    sent = pron.sent
    colon = next((t for t in sent if t.text == ":" and t.i < pron.i), None)
    if colon is None or colon.i - sent.start > 12 or colon.i == sent.start:
        return None
    before = [t for t in sent if t.i < colon.i]
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    last = before[-1]
    while last.dep_ in ("compound", "appos", "flat") and last.head.i < colon.i and last.head.i != last.i:
        last = last.head
    return last


def speaker_body(sayer, an, actors, ctx) -> Role | None:
    """The body a speaker speaks for: "the army spokesman" -> the army just named, "a Houthi
    spokesman" -> Houthis, "Hamas spokesman Abu Obeida" -> Hamas, "Yemen's defence minister" ->
    Yemen. None for a person or an official who names no body."""
    if sayer is None:
        return None
    titled = sayer.lemma_.lower() in W.leader_nouns or any(
        c.dep_ == "compound" and c.lemma_.lower() in W.leader_nouns for c in sayer.children)
    if not titled:
        return None
    mods = [c for c in _mods(sayer) if c.lemma_.lower() not in W.leader_nouns]
    for c in mods:
        if c.pos_ == "PROPN" or c.lower_ in actors.demonyms:
            side = named_side(c, an, actors, ctx)
            if side is not None:
                return side           # "Houthi military spokesman": the Houthis' military
    for c in mods:
        if c.pos_ == "NOUN" and c.lemma_.lower() in W.institution_nouns and ctx is not None:
            army = ctx.last_named_army or ctx.last_army
            if army is not None:
                return Role(army.name, army.country, army.sector, {c.i}, text=c.text)
            return Role(c.text, None, "military", {c.i}, text=c.text)
        side = named_side(c, an, actors, ctx)
        if side is not None:
            return side
    return None


def _mods(tok, depth: int = 2) -> list:
    """The words before a noun that say whose it is, nearest first, also a modifier's own
    ("M23 mortar rounds": M23 on mortar; "Hamas spokesman Abu Obeida": Hamas on spokesman)."""
    out = []
    for c in sorted((c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss", "appos")
                     and c.pos_ != "PRON"), key=lambda c: abs(c.i - tok.i)):
        out.append(c)
        if depth > 1:
            out += _mods(c, depth - 1)
    return out


def named_side(c, an, actors, ctx) -> Role | None:
    """The party one modifier names: an organisation the table knows ("Houthi" -> Houthis,
    "RSF"), a demonym's state ("Israeli" -> Israel), an entity with a side or sector."""
    span = ent_span(c)
    known = actors.lookup(np_text(c)) or actors.lookup(c.text) or \
        (actors.lookup(span.text) if span is not None else None)     # "Al-Shabaab gunfire"
    if known is not None and known.kind != "person" and known.keep_name:
        return Role(known.name, known.country, known.sector, {c.i}, text=c.text)
    d = actors.demonyms.get(c.lower_)
    if d:
        state = actors.lookup(d[0]) or actors.state_of(d[1])
        if state is not None:
            return Role(state.name, state.country, state.sector, {c.i}, text=c.text)
        return Role(d[0], d[1], None, {c.i}, text=c.text)
    if known is not None and known.kind != "person":
        return Role(known.name, known.country, known.sector, {c.i}, text=c.text)
    if c.pos_ == "PROPN" or c.i in an.token_entity:
        role = resolve(c, an, actors, ctx)
        if role is not None and role.place is None and (role.country or role.sector) and \
                c.ent_type_ != "PERSON":
            return role
    if c.dep_ == "poss" and c.pos_ == "NOUN" and c.lemma_.lower() in W.ruling_nouns | W.group_nouns or \
            c.dep_ in ("compound", "nmod") and c.lower_ in W.ruling_nouns:
        role = resolve(c, an, actors, ctx)      # "the junta's jets", "the group's drones", "junta airstrikes"
        if role is not None and role.country and role.place is None:
            return role
    return None


def sentence_country(sent, an, actors) -> str | None:
    """The country most of the sentence's places are in (the first on a tie), else that of its
    first demonym ("in the Nigerian village of Tudun Biri")."""
    found = [p.country for t in sent for p in [an.token_place.get(t.i)]
             if p is not None and getattr(p, "country", None)]
    if found:
        return max(dict.fromkeys(found), key=found.count)    # "near Kani in Myanmar's Sagaing"
    for t in sent:
        d = actors.demonyms.get(t.lower_) if t.pos_ in ("ADJ", "PROPN") else None
        if d and d[1]:
            return d[1]
    return None


def state_forces(c, an, actors, ctx) -> Role | None:
    """"a military airstrike", "army shelling", "government drones": the army the article
    names, else the forces of the state the sentence is in ("Myanmar military" -> the junta)."""
    army = ctx.last_named_army or ctx.last_army if ctx is not None else None
    if army is not None:
        return Role(army.name, army.country, army.sector, {c.i}, text=c.text)
    country = sentence_country(c.sent, an, actors) or (ctx.last_country if ctx is not None else None)
    if country is None and "story_state" in HOOKS:
        country = HOOKS["story_state"](c, an, ctx)    # the article's places before it (events.cast)
    if country is None:
        return None
    name = actors.country_names.get(country)
    known = actors.lookup(f"{name} military") if name else None
    forces = known or actors.forces_of(country)
    if forces is None:
        return None
    return Role(forces.name, forces.country, "military", {c.i}, text=c.text)


def subject_of(v, request_frames=frozenset(), depth: int = 0):
    """The grammatical subject of a verb, inherited through xcomp / conj / participles."""
    subj = children(v, "nsubj", "nsubjpass", "csubj")
    if subj and _object_taken(v, nearest_subject(v, subj)):
        # "terrorists killed ten people, looted food": the parser made the first verb's object
        # the subject of the next; the verbs share their doer
        return subject_of(v.head, request_frames, depth + 1)
    if subj:
        s = nearest_subject(v, subj)
        if _dateline(s):
            # "MOGADISHU, June 3 - Al-Shabaab militants attacked": the parser made the dateline
            # the subject and the real one its apposition; never the dateline
            return _after_dateline(s, v)
        if s.lemma_.lower() in ("who", "which", "that") and v.dep_ == "relcl":
            return v.head
        return s
    if depth > 4:
        return None
    if v.dep_ == "relcl":
        return v.head
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and \
            children(v, "dobj") and not children(v, "aux", "auxpass"):
        # "Bandits killed at least 15 farmers, ...", parsed as a noun with a participle: a
        # participle with an object is active, and its noun did it
        return v.head
    if v.dep_ == "acl" and v.tag_ in ("VBD", "VBZ") and not children(v, "aux", "auxpass") and \
            any(c.dep_ == "appos" and c.i < v.i for c in v.head.children) and v.doc[v.i - 1].text == ",":
        # "The UN humanitarian chief, Martin Griffiths, called on ...": the parser hung the verb
        # on the title as if a clause of it; the title (and so the person named) is the subject
        return v.head
    if bare_participle(v):
        # "the city, abandoned by Russian forces": a past participle without an auxiliary is
        # passive; its doer is its agent, never the subject of the clause it hangs on
        return agent_of(v)
    if v.dep_ == "conj" and v.tag_ == "VBN" and is_passive(v.head) and not children(v, "aux", "dobj"):
        # "the convoy was ambushed near Djibo and then looted": passive too; the convoy was
        # looted, by whoever ambushed it
        return agent_of(v) or agent_of(v.head)
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ in W.gerund_preps and \
            v.head.head.pos_ in ("VERB", "AUX"):
        # "Tshisekedi said after meeting the UN envoy", "retaliated by striking Beirut": a
        # gerund after a preposition of time or means is done by its clause's subject
        return subject_of(v.head.head, request_frames, depth + 1)
    governing = _finite_after_gerund(v)
    if governing is not None:
        # "accused Turkey of shelling Kobani and called on Washington to ...": the parser hung
        # the finite verb on the gerund; it is a conjunct of the accusing verb and shares its
        # SUBJECT, never the accused object
        return subject_of(governing, request_frames, depth + 1)
    framed = accused_of(v)
    if framed is not None:
        return framed
    if v.dep_ == "xcomp":
        head = v.head
        if head.lemma_.lower() in request_frames:       # "asked Putin to assist": Putin assists
            obj = children(head, "dobj")
            return obj[0] if obj else None
        return subject_of(head, request_frames, depth + 1)
    if v.dep_ == "conj" and _reported_perfect(v.head) and v.lemma_.lower() in W.speech_acts and \
            not children(v, "aux", "auxpass"):
        # "Zelensky said Russia had launched ... and asked allies for ...": a speech act in the
        # plain past goes with "said" (the speaker), not with the reported "had launched"
        return subject_of(v.head.head, request_frames, depth + 1)
    if v.dep_ in ("conj", "advcl", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
        return subject_of(v.head, request_frames, depth + 1)
    return None




def _finite_after_gerund(v):
    """The verb governing the gerund a finite conjunct was hung on ("accused X of shelling Y and
    called on Z"), or None: a verb in a finite tense is never a conjunct of a gerund."""
    head = v.head
    if v.dep_ != "conj" or v.tag_ not in ("VBD", "VBZ", "VBP") or head.tag_ != "VBG" or \
            head.dep_ not in ("pcomp", "pobj") or head.head.dep_ != "prep":
        return None
    governing = head.head.head
    return governing if governing.pos_ in ("VERB", "AUX") and governing is not v else None


def bare_participle(v) -> bool:
    """A past participle hung on another clause with no auxiliary or subject of its own
    ("abandoned by Russian forces", "... and now regularly shelled"): passive in sense."""
    if v.dep_ == "conj" and v.tag_ in ("VBN", "VBD") and not children(v, "nsubj", "nsubjpass", "aux"):
        return bare_participle(v.head)
    return v.tag_ == "VBN" and v.dep_ in ("advcl", "acl") and \
        not children(v, "aux", "auxpass", "nsubj", "nsubjpass", "dobj")


def _object_taken(v, s) -> bool:
    """"killed at least ten people, looted food": a conjoined verb whose subject sits between it
    and its head verb, with no conjunction or comma-less clause break before it, while the head
    (which has its own subject) lacks an object: the subject is the head's object."""
    head = v.head
    if v.dep_ != "conj" or s is None or not head.i < s.i < v.i or s.dep_ != "nsubj" or \
            head.pos_ != "VERB" or children(head, "dobj") or not children(head, "nsubj"):
        return False
    between = v.doc[head.i + 1:s.left_edge.i]
    if any(t.dep_ == "cc" or t.pos_ in ("CCONJ", "SCONJ") or t.lower_ in (";", ":") for t in between):
        return False
    return any(c.dep_ in ("nummod", "quantmod") or c.pos_ == "NUM" for c in s.subtree) and \
        s.i + 1 < v.i and v.doc[s.i + 1].text == ","


def nearest_subject(v, subjects):
    """Of several subjects the parser hung on one verb, the one next to it: a dateline
    ("KYIV, March 14 (Reuters) - Russia attacked ...") is parsed as a second subject."""
    if len(subjects) == 1:
        return subjects[0]
    before = [s for s in subjects if s.i < v.i and not _dateline(s)]
    return max(before, key=lambda s: s.i) if before else subjects[0]


def _dateline(tok) -> bool:
    """Is tok part of a dateline or wire credit opening a line ("KYIV, ...", "GOMA (Reuters) -")?"""
    return in_dateline(tok)


DASHES = ("-", "—", "–", "--")


def dateline_end(tok) -> int:
    """Index of the first token after the dateline that opens tok's line ("KYIV (Reuters) -",
    "GOMA, Democratic Republic of Congo, March 3 (Reuters) -", "MOGADISHU, Somalia —"), or
    the line's first token when it opens with none. A dateline is an upper-case place, then
    up to 14 tokens of country, date and credit, ended by a dash. Computed once per Doc."""
    ends = tok.doc.user_data.get("sitrep_dateline_ends")
    if ends is None:
        ends = tok.doc.user_data["sitrep_dateline_ends"] = _dateline_ends(tok.doc)
    return ends[tok.i]


def _dateline_ends(doc) -> list[int]:
    """dateline_end of every token: lines start at the Doc's sentences and at line breaks."""
    out, end, broke = [], 0, True       # broke: the token before ended a line (or there is none)
    for t in doc:
        if broke or t.is_sent_start:
            end = _dateline_after(doc, t.i)
        out.append(end)
        broke = "\n" in t.text or "\n" in t.whitespace_
    return out


def _dateline_after(doc, start: int) -> int:
    word, k = doc[start].text, start
    while k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_:
        word, k = word + "-" + doc[k + 2].text, k + 2      # "AL-HASAKAH", "PORT-AU-PRINCE"
    if not (word.isupper() and sum(c.isalpha() for c in word) > 2):
        return start
    for j in range(start + 1, min(start + 16, len(doc))):
        t = doc[j]
        if t.text == "-" and not doc[j - 1].whitespace_ and not t.whitespace_:
            continue          # "PORT-AU-PRINCE, Haiti —": a hyphen inside the place's name
        if t.text in DASHES:
            return j + 1
        if t.text[:1] in "-—–" and len(t.text) > 1:
            return j          # "-Russia": the dash glued to the first word after it
        if "\n" in t.whitespace_:
            break
    return start


def in_dateline(tok) -> bool:
    return tok.i < dateline_end(tok)


def written_phrase(tok) -> str:
    """The participant as the article writes it: its entity span or noun phrase, without a
    dateline glued to it, quotes or a leading "the". Worked out once per token of a Doc."""
    memo = tok.doc.user_data.get("sitrep_written_phrases")
    if memo is None:
        memo = tok.doc.user_data["sitrep_written_phrases"] = {}
    written = memo.get(tok.i)
    if written is None:
        written = memo[tok.i] = _written_phrase(tok)
    return written


def _written_phrase(tok) -> str:
    span = ent_span(tok)
    lo = dateline_end(tok)
    if span is not None and span.label_ in NAME_LABELS and span.start >= lo:
        written = span.text
    else:
        written = np_text(tok, lo)
    written = written.strip(" \"'“”‘’").lstrip("-—– ")
    if written.lower().startswith("the "):
        written = written[4:]
    words = written.split()
    first = next((t for t in tok.doc[max(lo, tok.left_edge.i):tok.i + 1]
                  if words and t.text == words[0]), None)
    if first is not None and first.pos_ == "NOUN" and not first.ent_type_ and \
            (first.i == first.sent.start or first.i == lo) and not words[0].isupper():
        written = written[:1].lower() + written[1:]     # "Gunmen attacked": a common noun
    return written




def _reported_perfect(v) -> bool:
    """A past perfect clause reported by a verb of saying ("said Russia had launched")."""
    return v.dep_ == "ccomp" and v.head.pos_ == "VERB" and \
        any(c.dep_ == "aux" and c.lower_ == "had" for c in v.children)


def _after_dateline(s, v=None):
    """The subject the parser buried under a dateline: the head of the words between the
    dateline's dash and the verb."""
    lo = dateline_end(s)
    hi = v.i if v is not None and v.i > lo else s.sent.end
    cands = [t for t in s.doc[lo:hi] if t.pos_ in ("NOUN", "PROPN", "PRON")
             and t.ent_type_ not in ("DATE", "TIME") and not (lo <= t.head.i < hi)]
    return cands[0] if cands else None


def accused_of(v):
    """"Kinshasa accused Kigali of backing the rebels": the one accused is the actor of the act
    (the object of accuse/blame/charge ... of / for)."""
    p = v.head
    if v.dep_ != "pcomp" or p.dep_ != "prep" or p.lower_ not in ("of", "for"):
        return None
    frame = p.head
    if frame.lemma_.lower() not in W.accuse_frames:
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


def np_text(tok, lo: int = 0) -> str:
    """The head noun with its compound/adjective modifiers, as written ("Russian defence
    officials"); no token before `lo` (a dateline) is part of it."""
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.lefts:
            if c.i >= lo and (c.dep_ in ("compound", "amod", "nmod") or
                              (c.dep_ == "poss" and c.pos_ == "PROPN")):
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


_NEXT = object()      # a resolution step that does not apply: try the next one
MEMO_CAP = 4096       # answers one article's memo keeps: a list of 100,000 names would otherwise keep
                      # a Role for each (hundreds of MB); past it the memo starts again (it is only a cache)


def bounded_memo(notes: dict, name: str) -> dict:
    """The article's memo `name`, emptied when it holds MEMO_CAP answers (answers are pure: a
    dropped one is worked out again the same way)."""
    memo = notes.setdefault(name, {})
    if len(memo) >= MEMO_CAP:
        memo.clear()
    return memo


def resolve(tok, an, actors: ActorTable, ctx: Context | None, as_target: bool = False) -> Role | None:
    """A participant token -> Role, expanding "X and Y" and canonicalising each name. A target
    that is a place stays the place ("shelled Kyiv" -> Kyiv), an actor that is a capital becomes
    its state ("Kyiv accused ..." -> Ukraine). A dateline or wire credit is never a party, nor
    a bare noun ("control", "territory"). The Role's `text` keeps the article's own words.

    Without a context the answer depends on the token and the article only, and the coder asks
    for the same token several times (each sentence's subjects, its armed groups, its events):
    it is worked out once per article and handed out as a copy."""
    notes = getattr(an, "notes", None)
    if tok is None or notes is None or tok.doc is not getattr(an, "doc", None):
        return _resolve(tok, an, actors, ctx, as_target)
    memo = bounded_memo(notes, "roles_without_context")
    key = (tok.i, as_target, id(actors), ctx is None)
    if key in memo:
        return _copy(memo[key][0])
    if ctx is None:
        memo[key] = (_resolve(tok, an, actors, None, as_target), actors)   # the table kept alive with it
        return _copy(memo[key][0])
    # with a context: kept only when the resolution never looked at it (most named parties)
    watched = _Watched(ctx)
    role = _resolve(tok, an, actors, watched, as_target)
    if not watched.seen:
        memo[key] = (role, actors)
        return _copy(role)
    return role


class _Watched:
    """A Context that notes whether anything read or wrote it."""
    __slots__ = ("ctx", "seen")

    def __init__(self, ctx):
        object.__setattr__(self, "ctx", ctx)
        object.__setattr__(self, "seen", False)

    def __getattr__(self, name):
        object.__setattr__(self, "seen", True)
        return getattr(self.ctx, name)

    def __setattr__(self, name, value):
        object.__setattr__(self, "seen", True)
        setattr(self.ctx, name, value)


def _copy(role: Role | None) -> Role | None:
    if role is None:
        return None
    out = object.__new__(type(role))    # copy.copy, without its reduce protocol (a hot path)
    out.__dict__.update(role.__dict__)
    out.tokens = set(role.tokens)
    return out


def _resolve(tok, an, actors: ActorTable, ctx: Context | None, as_target: bool = False) -> Role | None:
    if tok is None or in_dateline(tok):
        return None
    for step in RESOLVE_STEPS:
        r = step(tok, an, actors, ctx, as_target)
        if r is not _NEXT:
            return _hostile_side(_with_text(r, tok), tok, actors, ctx)
    return _hostile_side(_with_text(_conjoined(tok, an, actors, as_target), tok), tok, actors, ctx)


def _with_text(role: Role | None, tok) -> Role | None:
    """The article's words for the participant (kept apart from the canonical name)."""
    if role is not None and not role.text:
        role.text = written_phrase(tok) if tok.pos_ != "PRON" else tok.text
    return role


def _hostile_side(role: Role | None, tok, actors: ActorTable, ctx: Context | None) -> Role | None:
    """"The occupiers shelled Nikopol": forces named only by their hostility belong to the side
    the article already has attacking (the last foreign attacker told)."""
    if role is None or role.country or tok.lemma_.lower() not in actors.hostile_nouns or ctx is None:
        return role
    side = list(ctx.attackers.values())[-1] if ctx.attackers else ctx.last_assault_actor
    if side is None or not side.country:
        return role
    return Role(side.name, side.country, "military", role.tokens, None, role.text)


def _pronoun(tok, an, actors, ctx, as_target):
    low = tok.lower_
    if not (tok.pos_ == "PRON" or low in W.pronouns_person or low in W.pronouns_group):
        return _NEXT
    ante = reporting_antecedent(tok)
    if ante is None and "conjunct_antecedent" in HOOKS:
        ante = HOOKS["conjunct_antecedent"](tok)     # "X accused Y ..., and it renewed its demand"
    if ante is not None:
        return resolve(ante, an, actors, ctx)
    body = speaker_body(colon_speaker(tok), an, actors, ctx) if low in ("we", "our", "us") else None
    if body is not None:
        return Role(body.name, body.country, body.sector, {tok.i}, None, tok.text)
    if ctx is None:
        return None
    # he/she -> the last person named as a subject; it/they -> the last organisation or armed
    # group named as a subject (never a missile or a protest: those are not remembered)
    # (an organisation only while no other group has been the subject since: "Residents fled.
    # They said ..." are the residents)
    ref = ctx.last_person if low in W.pronouns_person else (
        ctx.last_org if low in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass")
        and ctx.last_group is ctx.last_org else None)
    if ref is None:
        return None
    return Role(ref.name, ref.country, ref.sector, {tok.i}, ref.place, tok.text)


def _owned(tok, an, actors, ctx, as_target):
    owned = _owned_force(tok, an, actors, ctx)
    return _NEXT if owned is None else owned


def _the_army(tok, an, actors, ctx, as_target):
    """"the army" after "Sudan's army" / "the Sudanese Armed Forces": that army; bare "troops",
    "soldiers", "the military" after a state's forces acted: those forces."""
    if ctx is None or not all(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return _NEXT
    lem = tok.lemma_.lower()
    if (lem in W.bare_force_nouns or lem in W.armed_refs) and tok.pos_ == "NOUN":
        body = speaker_body(sayer_of(tok), an, actors, ctx)
        if body is not None and body.sector in ("rebel", "military") and \
                actors.sector_nouns.get(tok.lower_, body.sector) in (body.sector, "military") and \
                (body.sector == "military" or actors.sector_nouns.get(tok.lower_) != "military"
                 or lem in ("force", "forces")):
            # "Hamas spokesman Abu Obeida said fighters ambushed ...": the speaker's own
            return Role(body.name, body.country, body.sector, {tok.i})
    if ctx.last_army is not None and lem in ("army", "military") and \
            any(c.dep_ == "det" for c in tok.children):
        r = ctx.last_army
        return Role(r.name, r.country, r.sector, {tok.i})
    if lem in W.bare_force_nouns and tok.pos_ == "NOUN":
        found = [last for last in (ctx.last_assault_actor, ctx.last_group, ctx.last_army, ctx.last_named_army)
                 if last is not None and last.sector == "military" and last.country]
        if found:
            # of one state's forces, the army the article names ("Mexican army troops ...
            # troops detained") rather than the state they stand for
            state = actors.state_of(found[0].country)
            named = [r for r in found if r.country == found[0].country and
                     (state is None or r.name != state.name)]
            last = (named or found)[0]
            return Role(last.name, last.country, last.sector, {tok.i})
    return _NEXT


def _government_forces(tok, an, actors, ctx, as_target):
    """"government troops", "regime forces", "army soldiers" with no side named: the army the
    article names, else the forces of the state the sentence is in."""
    if tok.pos_ != "NOUN" or actors.sector_nouns.get(tok.lower_) != "military":
        return _NEXT
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    if any(c.pos_ == "PROPN" and (c.lower_ not in W.state_force_words or any(c.children))
           or c.lower_ in actors.demonyms or c.dep_ == "poss" for c in mods):
        return _NEXT
    word = next((c for c in mods if c.lower_ in W.state_force_words), None)
    role = state_forces(word, an, actors, ctx) if word is not None else None
    if role is None:
        return _NEXT
    if word.lower_ in W.ruling_nouns:
        # "junta soldiers": the rulers' forces, of the story's country: that state's forces
        # (forces_label; the article's words kept as the text)
        forces = actors.forces_of(role.country)
        name = forces.name if forces is not None else written_phrase(tok)
        return Role(name, role.country, role.sector, {tok.i, word.i}, None, written_phrase(tok))
    return Role(role.name, role.country, role.sector, {tok.i, word.i})


def _of_objects(tok, preps=("of",)) -> list:
    return [c for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
            for c in p.children if c.dep_ == "pobj"]


def _member_of(tok, an, actors, ctx, as_target):
    """"fighters from the group JNIM", "members of Hamas": the body they belong to."""
    lem = tok.lemma_.lower()
    if (lem not in W.force_nouns and lem not in W.member_nouns and lem not in W.armed_refs) or not (
            tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and opens_sentence(tok)):   # "Units of ..." opening a sentence
        return _NEXT
    inner = _of_objects(tok, ("from", "of"))
    if not inner:
        return _NEXT
    body = inner[0]
    named = [c for c in body.children if c.dep_ == "compound" and
             (c.pos_ == "PROPN" or c.i in an.token_entity)]
    if body.pos_ == "NOUN" and named and actors.lookup(np_text(named[-1])) is not None:
        body = named[-1]      # "peacekeepers from the MONUSCO mission" -> MONUSCO
    if body.pos_ == "NOUN" and body.lemma_.lower() in W.generic_place_nouns | {"country"}:
        return _NEXT          # "delegations from both countries": the delegations
    r = resolve(body, an, actors, ctx)
    if r is not None and r.place is None and (r.sector or body.ent_type_ in ("ORG", "NORP")
                                              or body.pos_ == "PROPN"):
        return r
    if r is not None and r.place is not None and getattr(r.place, "kind", None) == "country" and \
            r.country:
        # "delegations from Ukraine and the Russian Federation": the states they speak for
        return Role(r.name, r.country, r.sector, r.tokens, None, r.text)
    return _NEXT


def _the_group(tok, an, actors, ctx, as_target):
    """"the group said", "the ethnic armed group said", "the terror group claimed", "the
    militants stormed": the organisation just named; an armed word ("militants", "the
    jihadist group") refers to the last named armed group (a demonym or a name would say
    which group instead)."""
    words = {tok.lemma_.lower(), tok.lower_}
    if ctx is not None and tok.pos_ == "NOUN" and tok.lower_ in W.mutual_nouns and not as_target \
            and tok.dep_ in ("nsubj", "nsubjpass"):
        return _the_sides(tok, an, actors, ctx)
    common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())   # a tagger slip
    if ctx is None or not common or not words & (W.group_nouns | {"force", "troop", "fighter"}):
        return _NEXT
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if not dets or not all(d.lower_ in ("the", "its", "their", "this", "these") for d in dets):
        return _NEXT
    mods = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod")]
    if any(c.dep_ in ("prep", "appos", "nummod") for c in tok.children) or any(
            (c.pos_ == "PROPN" or c.ent_type_ or c.lower_ in actors.demonyms or c.i in an.token_entity)
            and not {c.lemma_.lower(), c.lower_} & W.armed_refs for c in mods):
        return _NEXT                  # "the group of protesters", "the Sudanese militia"
    armed = bool(words & W.armed_refs) or any({c.lemma_.lower(), c.lower_} & W.armed_refs for c in mods)
    ref = ctx.last_armed if armed else ctx.last_org
    if ref is None and armed and ctx.last_org is not None and ctx.last_org.sector == "rebel":
        ref = ctx.last_org
    body = speaker_body(sayer_of(tok), an, actors, ctx)
    if body is not None and body.sector in ("rebel", "military") and not mods:
        ref = body                    # "a Houthi spokesman said the group fired ..."
    if ref is None or (not armed and any(c.dep_ != "amod" for c in mods)):
        return _NEXT
    return Role(ref.name, ref.country, ref.sector, {tok.i}, ref.place)


def _the_sides(tok, an, actors, ctx):
    """"the warring factions agreed", "both sides", "the two rivals": the last two parties the
    article named together (their names joined; the article's words kept)."""
    pair = ctx.last_pair
    if pair is None or any(c.dep_ in ("prep", "appos", "relcl", "poss") for c in tok.children):
        return _NEXT
    mods = [c for c in tok.children if c.dep_ in ("det", "nummod", "amod", "compound", "predet")]
    if any(c.pos_ == "PROPN" or c.ent_type_ not in ("", "CARDINAL") or c.lower_ in actors.demonyms
           for c in mods) or not any(c.lower_ in ("the", "both", "two", "these") for c in mods):
        return _NEXT                  # "two factions of the cartel": which ones, it does not say
    return Role(pair.name, pair.country, pair.sector, {tok.i}, None)


def _adjective_head(tok, an, actors, ctx, as_target):
    """"by the paramilitary Rapid Support Forces": the parser made the adjective the head and
    the name its apposition."""
    if tok.pos_ not in ("ADJ", "NOUN") or tok.ent_type_:
        return _NEXT
    named = [c for c in tok.children if c.dep_ == "appos" and
             (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"))]
    if named and (tok.pos_ == "ADJ" or tok.lemma_.lower() in W.group_nouns):
        return resolve(named[0], an, actors, ctx, as_target)
    if named and tok.lemma_.lower() in W.descriptor_nouns:
        # "Russia's state nuclear company Rosatom", "the police union, SYNAPOHA,": the name the
        # description is given, not the description
        r = resolve(named[0], an, actors, ctx, as_target)
        if r is not None and r.place is not None and getattr(r.place, "lat", None) is None:
            r.place = None            # "the coalition, Tumaini,": a name no gazetteer knows is no place
        if r is not None and r.place is None:
            return r
    return _NEXT


def _quantity_of(tok, an, actors, ctx, as_target):
    """"dozens of activists", "thousands of reservists" -> the people, not the number."""
    if tok.lemma_.lower() not in W.quantity_nouns and tok.pos_ != "NUM":
        return _NEXT
    inner = _of_objects(tok)
    return resolve(inner[0], an, actors, ctx, as_target) if inner else _NEXT


def _leader_of(tok, an, actors, ctx, as_target):
    """"the leaders of the DPR and LPR, Denis Pushilin and Leonid Pasechnik": the names;
    "the chief minister of Punjab, Maryam Nawaz" -> her."""
    if tok.lemma_.lower() not in W.leader_nouns or not (
            tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text[:1].isupper()):   # "The Governor of X, Y"
        return _NEXT
    named = [c for c in tok.children if c.dep_ == "appos" and
             (c.ent_type_ == "PERSON" or c.i in an.token_entity)]
    inner_titles = [o for o in _of_objects(tok, ("of", "for", "in", "at", "to"))
                    if o.lemma_.lower() in W.leader_nouns or o.i in an.token_entity]
    named += [c for o in _of_objects(tok, ("of", "for", "in", "at", "to")) for c in _nested_appos(o)
              if _a_person(c, an, actors) or o in inner_titles and _a_name(c, an)]
    named += [o for o in _of_objects(tok, ("of",)) if _person_ending(o, an)]   # "Head of the X Oleh Hryhorov"
    if named:
        return resolve(named[0], an, actors, ctx)
    # "the chief of the army", "a spokesman for the UN secretary-general", "the army's spokesman"
    inner = _of_objects(tok, ("of", "for"))
    if inner:
        r = resolve(inner[0], an, actors, ctx)
        if r is not None and (r.country or r.sector or _an_organisation(inner[0], an)):
            return r
    owner = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    r = resolve(owner[0], an, actors, ctx) if owner else None
    if r is not None and (r.place is not None or possessor_state(tok, actors)):
        return _NEXT                  # "Somalia's president": the office keeps its words (with SO)
    known = actors.lookup(r.name) if r is not None else None
    if r is not None and (r.country or r.sector) and not (     # not a man's commander ("Hemedti's")
            known is None and owner[0].ent_type_ == "PERSON" or known is not None and known.kind == "person"):
        return Role(r.name, r.country, r.sector, r.tokens | {tok.i}, r.place, written_phrase(tok))
    return _NEXT


def _document_issuer(tok, an, actors, ctx, as_target):
    """"A joint statement by Egypt and Qatar urged", "the ministry's statement said", "the
    statement called on ...": a document that acts speaks for who issued it (its "by"/"from"
    party or owner, else the organisation just named)."""
    if as_target or tok.pos_ != "NOUN" or tok.lemma_.lower() not in W.document_nouns:
        return _NEXT
    issuer = [o for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from", "of")
              for o in children(p, "pobj")] + [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if issuer:
        r = resolve(issuer[0], an, actors, ctx)
        return r if r is not None and r.place is None or r is not None and r.country else _NEXT
    if ctx is not None and ctx.last_org is not None and any(c.lower_ == "the" for c in tok.children):
        o = ctx.last_org
        return Role(o.name, o.country, o.sector, {tok.i}, o.place)
    return _NEXT


def _body_in_state(tok, an, actors, ctx, as_target):
    """"the transitional authorities in Mali", "security forces in Haiti": a state's office or
    force told only by the state it is in is that state, by the state convention
    (`forces_label` for its forces)."""
    sector = actors.sector_nouns.get(tok.lower_)
    if tok.pos_ != "NOUN" or not (tok.lemma_.lower() in W.leader_nouns or sector in ("military", "police")):
        return _NEXT
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and
           (c.pos_ == "PROPN" or c.lower_ in actors.demonyms or c.dep_ == "poss") for c in tok.children):
        return _NEXT                    # "Malian authorities", "Haiti's police": named already
    if any(_a_person(c, an, actors) for c in _nested_appos(tok)):
        return _NEXT                    # "the WFP director in Myanmar, Michael Dunford": the person
    if any(_an_organisation(o, an) for o in _of_objects(tok, ("of", "from"))):
        return _NEXT                    # "representatives of the UN Refugee Agency in Ukraine": the agency's
    places = _of_objects(tok, ("in",)) or _in_right_after(tok)
    span = ent_span(places[0]) if places else None
    written = (span.text if span is not None else places[0].text) if places else ""
    state = actors.lookup(written) if places else None
    if state is None and places:
        iso = next((k for k, v in actors.country_names.items() if v.lower() == written.lower()), None)
        state = actors.state_of(iso) if iso else None
    if state is None or not state.country or actors.country_names.get(state.country) != state.name or \
            written.lower() != state.name.lower():
        return _NEXT                    # "officials in Baku": a capital's words stay theirs
    if sector in ("military", "police"):
        forces = actors.forces_of(state.country) if sector == "military" else actors.police_of(state.country)
        if forces is not None:
            return Role(forces.name, state.country, sector, {tok.i})
    return Role(state.name, state.country, "government", {tok.i})


def _ruling_body(tok, an, actors, ctx, as_target):
    """"the junta", "the regime", "the military government", "the putschists": who rules the
    country the story is in (the sentence's places, else the last event's country), named in
    the article's words with that country ("the junta" in a story from Niger is Niger's, never
    Myanmar's); the table's name when it knows one ("Myanmar junta")."""
    lem = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
    ruling = lem in W.ruling_nouns or (lem in ("government", "authority", "council") and any(
        c.dep_ == "amod" and c.lower_ in W.ruling_adjectives for c in tok.children))
    if not ruling or tok.pos_ not in ("NOUN", "PROPN"):
        return _NEXT                  # ("Junta airstrikes": the tagger may take it for a name)
    if any(c.dep_ in ("poss", "compound", "nmod", "appos") or c.pos_ == "PROPN" or c.lower_ in actors.demonyms
           or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return _NEXT                  # "Mali's junta", "the Malian junta", "the junta of Niger": named
    country = _story_country(tok, an, ctx)
    if country is None:
        return _NEXT
    name = actors.country_names.get(country)
    known = actors.lookup(f"{name} {lem}") if name else None
    if known is not None:
        return Role(known.name, known.country, known.sector, {tok.i})
    sector = "military" if lem != "regime" or any(c.lower_ in W.ruling_adjectives for c in tok.children) \
        else "government"
    written = written_phrase(tok)
    return Role(written, country, sector, {tok.i}, None, written)


def _story_country(tok, an, ctx) -> str | None:
    """The country a story is in at tok: its sentence's places (most told), else the nearest
    place named before it, else the last event's country (a demonym says whose a party is, not
    where the story is: "the junta expelled French troops"). Called only for a ruling noun, so
    the walk over the article's places is rare."""
    sent = tok.sent
    # the sentence's places told as where things are ("in Niamey"), not a party ("accused France")
    found = [p.country for t in sent for p in [an.token_place.get(t.i)]
             if p is not None and getattr(p, "country", None) and _locative_place(t)]
    if found:
        return max(dict.fromkeys(found), key=found.count)
    before = _country_so_far(an, sent.start)                      # the story's country so far
    if before:
        return before
    return ctx.last_country if ctx is not None else None


def _country_so_far(an, end: int) -> str | None:
    """The country most told by the places on tokens before `end` (a tie: the first told), read
    from a prefix index built once per article: a sort and count of the article's places per
    ruling noun made a long article quadratic."""
    places = an.token_place
    index = getattr(an, "_countries_so_far", None)
    if index is None or index[0] is not places or index[1] != len(places):
        index = (places, len(places), *_country_prefixes(places))
        an._countries_so_far = index
    k = bisect.bisect_left(index[2], end)
    return index[3][k - 1] if k else None


def _country_prefixes(places) -> tuple[list[int], list[str]]:
    """(token index of each place with a country, in text order; the most told country of the
    places up to and including it, a tie going to the first told)."""
    at, best, counts, first = [], [], {}, {}
    top = None
    for i, p in sorted(places.items()):
        country = getattr(p, "country", None)
        if not country:
            continue
        counts[country] = counts.get(country, 0) + 1
        first.setdefault(country, len(first))
        if top is None or counts[country] > counts[top] or \
                counts[country] == counts[top] and first[country] < first[top]:
            top = country
        at.append(i)
        best.append(top)
    return at, best


def _locative_place(t) -> bool:
    """Is the place word told as where something is: under a locative preposition, or a
    modifier of a noun that is ("in Myanmar's Sagaing region", "the Niger capital")?"""
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.lower_ in W.loc_preps:
            return True
        if t.dep_ not in ("compound", "poss", "amod", "nmod", "appos", "conj") or t.head is t:
            return False
        t = t.head
    return False


def _joint_states(tok, an, actors, ctx, as_target):
    """"Egyptian and Qatari mediators", "Turkish and Russian officials": people of two states
    named together by their adjectives act for both states ("Egypt and Qatar")."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.lemma_.lower() not in W.joint_state_nouns:
        return _NEXT
    for a in tok.children:
        if a.dep_ != "amod" or a.lower_ not in actors.demonyms:
            continue
        group = [a] + [c for c in a.conjuncts if c.lower_ in actors.demonyms]
        names = [actors.country_names.get(actors.demonyms[g.lower_][1]) for g in group]
        if len(group) > 1 and all(names) and len(set(names)) == len(names) and \
                not any(c.dep_ == "compound" for g in group for c in g.children):
            sector = actors.sector_nouns.get(tok.lower_) or "government"
            return Role(" and ".join(names), None, sector, {tok.i} | {g.i for g in group})
    return _NEXT


def _in_right_after(tok) -> list:
    """"Security forces in Haiti killed": the parser hung "in Haiti" on the verb; the place
    right after the subject is still the subject's."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "in" or tok.dep_ not in ("nsubj", "nsubjpass") or nxt.head is not tok.head:
        return []
    return [c for c in nxt.children if c.dep_ == "pobj"]


def _a_person(tok, an, actors) -> bool:
    """A person's name: a person entity, or a first name and surname no table or place knows."""
    ent = an.token_entity.get(tok.i)
    if ent is not None:
        return ent.kind == "person"
    if tok.ent_type_ == "PERSON":
        return True
    first = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1]
    places = {str(getattr(p, "name", "")).lower() for p in getattr(an, "locations", None) or []}
    if tok.pos_ != "PROPN" or not first:
        return False
    known = actors.lookup(f"{first[0].text} {tok.text}")
    return (known is None or known.sector not in ("military", "rebel")) and \
        tok.lower_ not in places and f"{first[0].lower_} {tok.lower_}" not in places


def _a_name(tok, an) -> bool:
    """A proper name of someone or something: an entity of the article, or a capitalised name."""
    return tok.i in an.token_entity or (tok.pos_ == "PROPN" and tok.text[:1].isupper()
                                        and tok.ent_type_ in ("PERSON", "ORG", ""))


def _an_organisation(tok, an) -> bool:
    ent = an.token_entity.get(tok.i)
    return (ent is not None and ent.kind == "organization") or (ent is None and tok.ent_type_ == "ORG")


def _person_ending(tok, an) -> bool:
    """"Head of the Sumy ODA Oleh Hryhorov": the parser glued the title's body and the holder's
    name into one phrase; its head is a person the article names and an organisation comes first."""
    ent = an.token_entity.get(tok.i)
    if ent is None or ent.kind != "person" or tok.pos_ != "PROPN":
        return False
    before = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i
              and an.token_entity.get(c.i) is not ent]
    return bool(before)


def _nested_appos(tok, depth: int = 2) -> list:
    """"the UN envoy for Sudan, Ramtane Lamamra,", "the head of the UN mission in Congo, Bintou
    Keita,": the parser hangs the name on the title's last place; the appositions there."""
    found = [c for c in tok.children if c.dep_ == "appos"]
    if depth > 1:
        found += [a for o in _of_objects(tok, ("of", "for", "in", "at", "to"))
                  for a in _nested_appos(o, depth - 1)]
    return found


def _titled_person(tok, an, actors, ctx, as_target):
    """"the prime minister vowed", "the country's defence minister said", "Sudan's army chief":
    the one person the article gives that title (entities' `role`), of that country when the
    phrase names one."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W.leader_nouns or tok.tag_ != "NN":
        return _NEXT
    country, words = None, [tok.lemma_.lower()]
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN"):
            d = actors.demonyms.get(c.lower_)
            if d:
                country = d[1]
            elif c.pos_ != "PROPN":
                words.append(c.lower_)
        elif c.dep_ == "poss" and c.pos_ == "PROPN":
            r = actors.lookup(c.text)
            country = r.country if r is not None else country
        elif c.dep_ == "det" and c.lower_ not in ("the", "its", "their"):
            return _NEXT              # "a minister", "another commander": not one named before
    if not any(c.dep_ in ("det", "poss") for c in tok.children):
        return _NEXT
    found = []
    for person in getattr(an, "persons", None) or []:
        title = set(str(getattr(person, "role", "") or "").lower().replace("-", " ").split())
        if title and all(w in title for w in words) and \
                (country is None or getattr(person, "country", None) in (None, country)):
            found.append(person)
    if len(found) != 1:
        return _NEXT
    p = found[0]
    known = actors.lookup(p.name)
    sector = known.sector if known is not None else ("military" if set(words) & {"commander", "general", "chief"}
                                                     else "government")
    return Role(p.name, getattr(p, "country", None) or (known.country if known else None), sector, {tok.i})


def _abstract_of(tok, an, actors, ctx, as_target):
    """"seized control of the town", "took control of Sake": an abstract noun's object is the
    target (the abstract noun itself never is)."""
    if not as_target or tok.pos_ != "NOUN" or tok.lemma_.lower() not in actors.abstract_nouns:
        return _NEXT
    inner = _of_objects(tok)
    return resolve(inner[0], an, actors, ctx, as_target) if inner else None


def _generic_place(tok, an, actors, ctx, as_target):
    """"the city of Zaporizhia" -> Zaporizhia; "his country" -> that person's state."""
    if tok.lemma_.lower() not in W.generic_place_nouns:
        return _NEXT
    inner = _of_objects(tok)
    if inner:
        r = resolve(inner[0], an, actors, ctx)
        if r is None and inner[0].pos_ != "PROPN" and tok.tag_ == "NNS":
            return _NEXT              # "the settlements of the region": the settlements, in words
        if r is not None and r.place is None and inner[0].pos_ == "PROPN":
            # "the city of X" says X is a place even when the NER thought otherwise
            r.place = SimpleNamespace(name=r.name, country=r.country, lat=None, lon=None,
                                      admin1=None, kind=tok.lemma_.lower())
        return r
    poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in W.pronouns_person]
    if poss and tok.lemma_.lower() in ("country", "nation", "government", "state"):
        owner = resolve(poss[0], an, actors, ctx)
        state = actors.state_of(owner.country) if owner is not None and owner.country else None
        if state is not None:
            return Role(state.name, state.country, state.sector, {tok.i})
    return _NEXT


def _cast_first(tok, an, actors, ctx, as_target):
    """events.cast steps that go before the memory of earlier sentences ("the group" told of a
    group named earlier in its own sentence)."""
    return _cast(tok, an, actors, ctx, as_target, "CAST_FIRST")


def _cast(tok, an, actors, ctx, as_target, steps="CAST_STEPS"):
    """The article-level party steps (events.cast: "the government" -> the story's state's)."""
    for step in HOOKS.get(steps, ()):
        r = step(tok, an, actors, ctx, as_target)
        if r is not _NEXT:
            return r
    return _NEXT


RESOLVE_STEPS = (_pronoun, _owned, _body_in_state, _ruling_body, _joint_states, _the_army, _government_forces, _member_of, _cast_first, _the_group, _adjective_head,
                 _quantity_of, _leader_of, _titled_person, _abstract_of, _generic_place, _document_issuer, _cast)


MAX_CONJUNCTS = 12                 # the most names one party joins ("A, B and C")


def _conjoined(tok, an, actors: ActorTable, as_target: bool) -> Role | None:
    """"Pushilin and Pasechnik": every conjunct that names someone joins the name."""
    group = [tok] + [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN") and c.i > tok.i]
    # a party is a few names: a list of hundreds ("Aleppo, Idlib, ...") joins its first ones only,
    # so that each of its items does not carry the whole rest of the list (cost N x N)
    group = [_place_of_phrase(t) for t in group[:MAX_CONJUNCTS]]
    roles = [_conjunct(t, an, actors, as_target) for t in group]
    # a later conjunct joins the name only when it names someone too ("Pushilin and Pasechnik",
    # not "Medvedev, former president and current number two")
    roles = [r for k, (r, t) in enumerate(zip(roles, group))
             if r and (k == 0 or r.place is not None or t.pos_ == "PROPN" or t.i in an.token_entity
                       or actors.lookup(r.name) is not None or group[0].pos_ == "NOUN"
                       or (r.sector and any(c.dep_ == "det" and c.lower_ == "the"
                                            for c in t.children)))]   # "the ELN and the government"
    if not roles:
        return None
    names = []
    for r in roles:
        if r.name not in names:
            names.append(r.name)
    first = roles[0]
    tokens = set().union(*(r.tokens for r in roles))
    name = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    text = None
    if len(roles) > 1:
        lo, hi = min(min(r.tokens) for r in roles), max(max(r.tokens) for r in roles)
        text = " ".join(t.text for t in tok.doc[lo:hi + 1] if not in_dateline(t)).replace(" ,", ",")
    return Role(name, first.country, first.sector, tokens, first.place, text or first.text)




def _conjunct(tok, an, actors: ActorTable, as_target: bool) -> Role | None:
    """One of "A and B": "the junta" among them is the rulers of the story's country. Like a
    resolution without a context, it depends on the token and the article only: worked out once
    per token (each conjunct of "A, B and C" is asked again for B and for C)."""
    notes = getattr(an, "notes", None)
    if notes is None or tok.doc is not getattr(an, "doc", None):
        return _conjunct_of(tok, an, actors, as_target)
    memo = bounded_memo(notes, "conjuncts")
    key = (tok.i, as_target, id(actors))
    if key not in memo:
        memo[key] = (_conjunct_of(tok, an, actors, as_target), actors)   # the table kept alive with it
    return _copy(memo[key][0])


def _conjunct_of(tok, an, actors: ActorTable, as_target: bool) -> Role | None:
    ruling = _ruling_body(tok, an, actors, None, as_target)
    return _one(tok, an, actors, as_target) if ruling is _NEXT else _with_text(ruling, tok)


def seat_state(tok, actors: ActorTable) -> Role | None:
    """"Officials in Baku accused ...", "authorities in Kyiv said": when they act, a capital's
    unnamed officials act for its state (as a source they keep the article's own words)."""
    if tok is None or tok.lemma_.lower() not in W.leader_nouns and tok.lower_ not in ("officials", "authorities") \
            or tok.tag_ not in ("NNS", "NNPS"):
        return None                   # ("Officials in Khartoum": capitalised, opening a sentence)
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
    if tok.lemma_.lower() not in W.force_nouns and tok.lower_ not in W.force_nouns:
        return None
    poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")]
    if not poss:
        return _owning_body(tok, an, actors, ctx) or _loyal_force(tok, an, actors, ctx)
    owner_tok = reporting_antecedent(poss[0]) or (colon_speaker(poss[0]) if poss[0].lower_ == "our" else None)
    if poss[0].lower_ == "our" and speaker_body(owner_tok, an, actors, ctx) is None:
        return None               # "our forces" of someone who speaks for no named body
    owner = speaker_body(owner_tok, an, actors, ctx) if owner_tok is not None else None
    if owner is None and owner_tok is not None:
        owner = resolve(owner_tok, an, actors, ctx)
    if owner is None and ctx is not None and ctx.last_org is not None:
        owner = ctx.last_org
    if owner is None:
        return None
    if owner.country and owner.sector in ("government", "military"):
        state = actors.state_of(owner.country)
        if state is not None:
            return Role(state.name, state.country, "military", {tok.i})
    return Role(owner.name, owner.country, owner.sector, {tok.i}, owner.place)


def _owning_body(tok, an, actors: ActorTable, ctx: Context | None) -> Role | None:
    """"the RSF's fighters", "Hezbollah's fighters", "the group's fighters", "the junta's air
    force": forces owned by a named group or body are that body (a state's own, "Russia's army",
    is told by the other steps; a person's, "Hemedti's men", says no body)."""
    poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    if not poss or tok.pos_ != "NOUN":
        return None
    owner_tok = poss[0]
    table = actors.lookup(np_text(owner_tok))
    if table is not None and table.kind != "person" and table.keep_name and \
            table.sector in ("rebel", "military"):
        # a body the table knows, whatever the tagger made of its name ("M23's fighters")
        return Role(table.name, table.country, table.sector, {tok.i, owner_tok.i}, None)
    if an.token_place.get(owner_tok.i) is not None or owner_tok.ent_type_ in ("PERSON", "GPE"):
        return None
    owner = resolve(owner_tok, an, actors, ctx)
    if owner is None or owner.place is not None or owner.sector not in ("rebel", "military"):
        return None
    known = actors.lookup(owner.name)
    if known is not None and known.kind == "person" or owner.name.lower() == owner_tok.lower_ \
            and owner_tok.pos_ == "NOUN":
        return None                   # "the commander's men"; "the army's units" (no name)
    if owner.country and owner.sector == "military" and known is not None and not known.keep_name:
        state = actors.state_of(owner.country)
        if state is not None:
            return Role(state.name, state.country, "military", {tok.i, owner_tok.i})
    return Role(owner.name, owner.country, owner.sector, {tok.i, owner_tok.i}, None)


def _loyal_force(tok, an, actors: ActorTable, ctx: Context | None) -> Role | None:
    """"forces loyal to the junta", "fighters loyal to the RSF": forces told by whom they are loyal
    to are that party's (a person's own men, "troops loyal to the general", say no body)."""
    loyal = [c for c in tok.children if c.dep_ in ("amod", "acl", "relcl") and
             c.lower_ in W.loyalty_words]
    owners = [o for a in loyal for p in a.children if p.dep_ == "prep" and p.lower_ == "to"
              for o in p.children if o.dep_ == "pobj"]
    if not owners or an.token_place.get(owners[0].i) is not None:
        return None
    owner = resolve(owners[0], an, actors, ctx)
    if owner is None or owner.place is not None:
        return None
    known = actors.lookup(owner.name)
    if known is not None and known.kind == "person" or known is None and \
            owners[0].ent_type_ == "PERSON":
        return None
    if owner.country and owner.sector in ("government", "military"):
        state = actors.state_of(owner.country)
        if state is not None:
            return Role(state.name, state.country, "military", {tok.i, owners[0].i})
    return Role(owner.name, owner.country, owner.sector, {tok.i, owners[0].i}, owner.place)


def _place_of_phrase(tok):
    """"the southern port of Odesa", "the town of Vasylivka" -> the name token (Odesa)."""
    if tok.lemma_.lower() not in W.generic_place_nouns:
        return tok
    inner = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
             for c in p.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
    return inner[0] if inner else tok


def _one(tok, an, actors: ActorTable, as_target: bool = False) -> Role | None:
    """One participant token -> Role: a people-by-nationality target, a place, a known actor,
    an entity, or a group phrase that names a party (never a bare noun)."""
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
        return None
    ent = an.token_entity.get(tok.i)
    place = an.token_place.get(tok.i)
    written = written_phrase(tok)
    toks = {tok.i}
    if as_target and tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS") and ent is None:
        # "freed 215 Ukrainians": people named only by nationality stand for their state
        d = actors.demonyms.get(tok.lower_)
        state = actors.lookup(d[0]) if d else None
        if state is not None and not state.keep_name:
            return Role(state.name, state.country, "civilian", toks, text=written)
    if as_target and place is not None and ent is None:
        # a place attacked is the place, not its government ("struck Kyiv" -> Kyiv)
        kind = (getattr(place, "kind", None) or "").lower()
        return Role(place.name, place.country, "government" if kind == "country" else None,
                    toks, place, written)
    if ent is not None and getattr(ent, "kind", "") == "person":
        ent = same_person(an, ent)      # one person spelled two ways in the article
        own = actors.lookup(written) if written != ent.name else None
        if own is not None and own.kind != "person":
            ent = None                  # "Houthis" after "Abdul-Malik al-Houthi": the movement
    entity_name = ent.name if ent is not None else None
    actor = actors.lookup(entity_name) or actors.lookup(written) or \
        (actors.lookup(place.name) if place is not None else None)
    if actor is not None:
        name = _article_person(an, actor, actors) or _table_name(actor, ent, tok, written)
        return Role(name, actor.country, actor.sector, toks, place, written)
    member = _named_member(tok, an, actors, written, toks)
    if member is not None:
        return member             # "ISWAP fighters": the group, even inside an entity span
    if entity_name:
        return _entity_role(tok, ent, written, actors, toks)
    if place is not None:
        kind = (getattr(place, "kind", None) or "").lower()
        sector = "government" if kind == "country" else None
        return Role(place.name, place.country, sector, toks, place, written)
    if tok.ent_type_ in PLACE_LABELS and tok.pos_ == "PROPN":
        # a place the places stage did not resolve: keep it as a place, without coordinates
        return Role(written, None, None, toks, SimpleNamespace(
            name=written, country=None, lat=None, lon=None, admin1=None, kind=None), written)
    return _group_role(tok, written, actors, toks, as_target)


def _named_member(tok, an, actors: ActorTable, written: str, toks) -> Role | None:
    """"ISIS militants", "Hamas gunmen", "JNIM fighters": people named by the body they belong
    to are that body (a name the table or the entities stage knows, on a member noun)."""
    if tok.pos_ != "NOUN" or not actors.is_party_noun(tok.lemma_.lower()) and \
            not any(tok.lemma_.lower() in w for w in (W.force_nouns, W.member_nouns, W.group_nouns)):
        return None
    for c in tok.children:
        if c.dep_ not in ("compound", "nmod", "amod") or not (
                c.pos_ == "PROPN" or c.i in an.token_entity or c.text.isupper()):
            continue
        ent = an.token_entity.get(c.i)
        known = actors.lookup(ent.name if ent is not None else None) or actors.lookup(np_text(c))
        if known is not None and known.keep_name and known.kind != "person":
            return Role(known.name, known.country, known.sector, toks, None, written)
        if ent is not None and getattr(ent, "kind", "") == "organization" and ent.name != c.text:
            # an organisation the article names in full elsewhere ("the Kurdistan Workers'
            # Party ... PKK fighters"); a bare acronym alone says less than its phrase
            country, sector = actors.describe(written, tok.lemma_, [])
            return Role(ent.name, getattr(ent, "country", None) or country, sector, toks, None, written)
    return None


def _article_person(an, actor, actors: ActorTable) -> str | None:
    """A person the table knows, by the name the article first gives them (however they are
    spelled later: "Volodymr Zelenskiy", then "Zelensky")."""
    if actor.kind != "person":
        return None
    for person in getattr(an, "persons", None) or []:
        if actors.lookup(person.name) is actor or actors.lookup(person.name.split()[-1]) is actor:
            return person.name
    return None


def _table_name(actor, ent, tok, written: str) -> str:
    """The record name of a participant the actor table knows."""
    entity_name = ent.name if ent is not None else None
    if not actor.keep_name:
        return actor.name         # a state for its capital or seat of power
    if actor.kind == "person" and not entity_name:
        return actor.name         # a known person the entities stage did not name
    if entity_name and (getattr(ent, "kind", "") == "person" or tok.ent_type_ == "PERSON"
                        or _is_label(actor.name)):
        return entity_name        # a person as the article introduces them
    if _is_label(actor.name) and any(w[:1].islower() for w in written.split()[1:]):
        # a descriptive label: the article's own group phrase says more
        return written
    # an organisation the table knows by a proper name: one name across articles
    return actor.name


def same_person(an, ent):
    """The article's first person entity that `ent` spells differently ("Volodymr Zelenskiy",
    "Zelensky"): same surname by the spelling key, and no given name that disagrees."""
    words = ent.name.split()
    if not words or getattr(ent, "kind", "person") != "person":
        return ent
    for other in _by_surname_key(an).get(spelling_key(words[-1]), ()):
        if other is ent or not other.name.split():
            continue
        ow = other.name.split()
        if spelling_key(ow[-1]) != spelling_key(words[-1]) or other.name == ent.name:
            continue
        if len(ow) > 1 and len(words) > 1 and spelling_key(ow[0]) != spelling_key(words[0]) \
                and ow[0][:1] != words[0][:1]:
            continue
        return other
    return ent


def _by_surname_key(an) -> dict[str, list]:
    """The article's persons by the spelling key of their last word, in order (built once per
    persons list: same_person runs for every participant, and a walk over all persons each time
    made a long article quadratic)."""
    persons = getattr(an, "persons", None) or []
    memo = an.notes.get("persons_by_surname_key")
    if memo is None or memo[0] is not persons or memo[1] != len(persons):
        index: dict[str, list] = {}
        for other in persons:
            if other.name.split():
                index.setdefault(spelling_key(other.name.split()[-1]), []).append(other)
        memo = an.notes["persons_by_surname_key"] = (persons, len(persons), index)
    return memo[2]


def _entity_role(tok, ent, written: str, actors: ActorTable, toks) -> Role:
    """A body the table does not know: its side and sector from its words ("the Turkish
    defence ministry" -> TR, military); a state's forces named as such are the state; a person
    spelled two ways is one person."""
    mods = [c.text for c in tok.children if c.dep_ in ("amod", "compound", "nmod")] + written.split()[:2]
    country, sector = actors.describe(written, tok.lemma_, mods)
    country = getattr(ent, "country", None) or country
    forces = _forces(tok, country, sector, actors)
    if forces is not None:
        return Role(forces.name, forces.country, forces.sector, toks, None, written)
    return Role(ent.name, country, sector, toks, None, written)


def _forces(tok, country, sector, actors: ActorTable):
    """"Russian troops", "Mexican soldiers", "the Russians": a state's forces by description."""
    if not country or sector != "military":
        return None
    if tok.lemma_.lower() in W.institution_nouns and tok.ent_type_ == "ORG":
        return None               # "the Nigerian Army": an organisation the article names
    return actors.forces_of(country)


def _group_role(tok, written: str, actors: ActorTable, toks, as_target: bool) -> Role | None:
    """A common-noun phrase: a party when it names people or a body ("gunmen", "Russian
    troops", "villagers"), a target when it names a thing that can be hit ("a market");
    otherwise (a bare noun: "control", "territory", "such attacks", "tears") nothing."""
    mods = [c.text for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    country, sector = actors.describe(written, tok.lemma_, mods)
    if country is None and actors.is_party_noun(tok.lemma_.lower()):
        country = possessor_state(tok, actors)
    span = ent_span(tok)
    if span is not None and span.label_ == "NORP" and country is None:
        country, _ = actors.describe(span.text, None, [span.text])
        if country and tok.tag_ in ("NNPS", "NNS") and not as_target:
            sector = sector or "military"      # "the Russians shelled ..."
    forces = _forces(tok, country, sector, actors)
    if forces is not None:
        return Role(forces.name, forces.country, forces.sector, toks, None, written)
    state = actors.state_of(country) if country and (
        tok.pos_ == "ADJ" and tok.lower_ in actors.demonyms or tok.lemma_.lower() in W.envoy_nouns) else None
    if state is not None:
        # a demonym standing for the party ("rejected the Israeli proposal" -> Israel); a
        # state's envoy for the state ("summoned the Hungarian ambassador" -> Hungary)
        return Role(state.name, state.country, state.sector, toks, None, written)
    lem, low = tok.lemma_.lower(), tok.lower_
    named_mod = any(c.pos_ == "PROPN" or c.ent_type_ for c in tok.children
                    if c.dep_ in ("compound", "amod", "nmod", "poss"))
    party = sector is not None or actors.is_party_noun(lem) or actors.is_party_noun(low) or armed_people(tok) or \
        (country is not None and tok.pos_ != "NOUN") or tok.pos_ == "PROPN" or \
        (as_target and (lem in actors.target_nouns or low in actors.target_nouns or named_mod or
                        not (lem in actors.abstract_nouns or low in actors.abstract_nouns)))
    if not party:
        return None
    if sector in ("civilian", None) and not country and as_target and \
            (lem in actors.civilian_nouns or low in actors.civilian_nouns):
        # "killed three people", "wounded a woman": civilians, in the article's words
        return Role("civilians", None, "civilian", toks, None, written)
    return Role(written, country, sector, toks, None, written)


def armed_people(tok) -> bool:
    """People named by how they came armed or disguised, whatever the noun ("heavily armed
    individuals", "armed elements", "masked youths"): a party, like "gunmen" (`armed_modifiers`
    in event_lexicon.yaml). A thing so modified ("armed drones") is not: it needs a plural
    noun the model takes for people's (not a weapon's) head, i.e. no weapon word."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.ent_type_ == "" and \
        tok.lemma_.lower() not in W.weapon_words and \
        any(c.dep_ == "amod" and c.lemma_.lower() in W.armed_modifiers for c in tok.children)


def possessor_state(tok, actors: ActorTable) -> str | None:
    """"Lebanon's prime minister", "Mali's junta", "Burkina Faso's soldiers": the ISO code of
    the state a party noun is owned by (a possessive that names a state, not a person or group)."""
    for c in tok.children:
        if c.dep_ != "poss" or c.pos_ != "PROPN":
            continue
        name = np_text(c).removesuffix("'s").removesuffix("’s")
        state = actors.lookup(name)
        if state is not None and state.country and not state.keep_name and \
                state.sector == "government" and actors.state_of(state.country) is not None:
            return state.country
        if state is None:
            iso = next((k for k, v in actors.country_names.items() if v.lower() == name.lower()), None)
            if iso is not None:
                return iso
    return None


FUNCTION_WORDS = {"of", "the", "and", "for", "de", "al", "in"}


def _is_label(name: str) -> bool:
    """"DPR leadership", "Russian military": a descriptive label, not a proper name."""
    return any(w[:1].islower() and w not in FUNCTION_WORDS for w in name.split()[1:])


def mutual(role: Role | None) -> bool:
    """"Ukraine and Russia agreed", "the ELN and the government agreed": two or more parties
    acting together on each other."""
    if role is None:
        return False
    if " and " in role.name and len(role.tokens) > 1:
        return True
    words = (role.text or role.name).lower().split()
    return bool(words) and words[-1] in W.mutual_nouns     # "the warring factions agreed"


def is_named(role: Role | None, tok, actors: ActorTable) -> bool:
    """A participant concrete enough to act: an entity, a place, a known actor or a group."""
    if role is None or tok is None:
        return False
    return bool(role.country or role.sector or role.place is not None or tok.ent_type_ in NAME_LABELS
                or tok.pos_ == "PROPN")


def _act_word(tok) -> str:
    """One key for the verb and the noun of an act: bombed / bombing -> bomb, strike -> strike."""
    lem = tok.lemma_.lower()
    return lem[:-3] if lem.endswith("ing") and len(lem) > 6 else lem


def _definite(tok, lex: Lexicon) -> bool:
    """"the strike", "this attack": a noun pointing at one event already told."""
    return any(c.dep_ == "det" and c.lower_ in lex.word_list("anaphoric_dets") for c in tok.children) and \
        not any(c.dep_ in ("amod", "compound", "nmod", "poss") and
                (c.ent_type_ or c.pos_ == "PROPN") for c in tok.children)


def place_of(tok, an):
    """(name, Location|None) when tok names a place (the places stage, or spaCy's GPE/LOC)."""
    loc = an.token_place.get(tok.i)
    if loc is not None:
        return loc.name, loc
    if tok.ent_type_ in PLACE_LABELS and tok.pos_ == "PROPN":
        span = ent_span(tok)
        if not any(t.text[:1].isupper() for t in (span if span is not None else [tok])):
            return None           # "the west bank of the river": a common noun, not a name
        name = (span.text if span is not None else tok.text).strip()   # (a headline's span may run into its line break)
        if _known_body(name) or tok.i in an.token_entity:
            return None           # "M23", "Hezbollah": a group the NER took for a place
        return name, None
    return unknown_place(tok, an)


def _name_head(tok):
    """The head of the proper-name chain tok is in ("Local" -> "Area" of "Faskari Local
    Government Area")."""
    t = tok
    for _ in range(5):
        if t.dep_ != "compound" or t.head is t:
            break
        t = t.head
    return t


def unknown_place(tok, an):
    """"near Jilib", "in Faskari Local Government Area": a capitalised name right under a place
    preposition (event_places.yaml `unknown_place_preps`) that the tagger left untagged, or took
    for an organisation while a place noun heads it (`unknown_place_heads`), and that no
    stage knows as anything else, is a place the gazetteer lacks: (name, None)."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    head = _name_head(tok)
    if head.dep_ != "pobj" or head.head.lower_ not in place_words("unknown_place_preps") or in_dateline(tok):
        return None
    framed = head.lemma_.lower() in place_words("unknown_place_heads")
    chain = [t for t in head.subtree if t.i <= head.i and (t is head or t.dep_ == "compound")]
    for t in chain:
        ent = an.token_entity.get(t.i)
        if ent is not None and not (framed and getattr(ent, "kind", "") == "organization") or \
                t.ent_type_ not in ("", "ORG", "GPE", "LOC", "FAC") or not t.text[:1].isupper():
            return None           # a person, a date, a common word
    if any(t.ent_type_ == "ORG" for t in chain) and not framed or \
            not framed and any(c.dep_ in ("det", "poss") for c in head.children):
        return None               # "at the Pentagon", "in Congress": a body, not a place
    name = " ".join(t.text for t in chain)
    if _known_body(name) or _known_body(tok.text):
        return None
    words = [t.text for t in chain]
    while len(words) > 1 and (words[-1].lower() in place_words("unknown_place_heads") or
                              " ".join(words[-3:]).lower() in place_words("area_nouns")):
        words = words[:-3] if " ".join(words[-3:]).lower() in place_words("area_nouns") else words[:-1]
    return " ".join(words) or name, None      # "Faskari" of "Faskari Local Government Area"


def _known_body(name: str) -> bool:
    from .actors import load_actors

    known = load_actors().lookup(name)
    return known is not None and known.keep_name and known.kind != "person"


def locative_places(span, an) -> list:
    """Places of a span used as places (under in/on/at..., or as a modifier), in text order; a
    dateline's city is where the reporter files from, not a place of the paragraph."""
    return [p for tok in span if (p := place_of(tok, an)) is not None and _locative(tok)
            and not in_dateline(tok)]




def dateline_place(an):
    """(name, Location) of the article's dateline city ("KHARTOUM (Reuters) -"), if it has one
    within its first lines."""
    if "dateline_place" not in an.notes:
        an.notes["dateline_place"] = _first_dateline_place(an)
    return an.notes["dateline_place"]


def _first_dateline_place(an):
    for k, sent in enumerate(an.doc.sents):
        if k >= 6:
            break
        for tok in sent[:20]:
            if in_dateline(tok) and (p := place_of(tok, an)) is not None:
                return p
    return None


def city_of_district(where, sent, an):
    """"the Solomianskyi district of Kyiv", "Kharkiv's Saltivka district", "Hodan district in
    Mogadishu": a district is placed at its city (the gazetteer may not know it, or know a
    namesake elsewhere). Returns (district name, Location-like at the city) or None."""
    if where is None:
        return None
    name, loc = where
    for tok in sent:
        if tok.text != name.split()[0] and (place_of(tok, an) or ("",))[0] != name:
            continue
        city = _city_around(tok, an)
        if city is None or getattr(city, "lat", None) is None:
            continue
        if loc is not None and getattr(loc, "lat", None) is not None and \
                getattr(loc, "country", None) == city.country and \
                _km(loc, city) <= DISTRICT_KM:
            return None           # the gazetteer's point is already in that city
        return name, SimpleNamespace(name=name, country=city.country, lat=city.lat, lon=city.lon,
                                     admin1=getattr(city, "admin1", None), kind="district")
    return None


DISTRICT_KM = 50


def _city_around(tok, an):
    """The city a district token belongs to: "X district of/in CITY" or "CITY's X district"."""
    head = tok
    for _ in range(3):
        if head.lemma_.lower() in W.district_nouns or head.head is head:
            break
        head = head.head
    if head.lemma_.lower() not in W.district_nouns:
        return None
    for c in [*head.children, *tok.children]:
        if c.dep_ == "poss":
            loc = an.token_place.get(c.i)
            if loc is not None and (getattr(loc, "kind", "") or "") != "country":
                return loc
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "in"):
            for o in p.children:
                loc = an.token_place.get(o.i) if o.dep_ == "pobj" else None
                if loc is not None and (getattr(loc, "kind", "") or "") not in ("country", "admin1"):
                    return loc
    return None


def _km(a, b) -> float:
    import math

    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def geo_precision(loc) -> str | None:
    """What an event's lat/lon stand for: "country" (a centroid, never the event's point),
    "admin1" (a region's centre), "city" (a district placed at its city), else "point"."""
    if loc is None or getattr(loc, "lat", None) is None:
        return None
    kind = (getattr(loc, "kind", None) or "").lower()
    if kind == "country":
        return "country"
    if kind in ("admin1", "region", "province", "oblast", "state"):
        return "admin1"
    if kind == "district":
        return "city"
    return "point"


def find_location(sent, anchors: set[int], exclude: set[int], an, with_score: bool = False):
    """The place where an event happened: a place under in/on/at/near attached to the event's
    clause (best), else one inside the trigger's phrase, else any place of the sentence that is
    not a participant. Returns (name, Location|None) or None (with its score 1-3 if asked)."""
    cands, framed = [], {}
    seen_head = set()
    for tok in sent:
        if tok.i in exclude or tok.pos_ == "ADJ" or tok.ent_type_ == "NORP":
            continue                  # "Angolan President": an adjective is not a place
        if in_dateline(tok):
            continue                  # "MEXICO CITY (AP) -": where the reporter files from
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
            if t.dep_ == "prep" and t.lemma_.lower() in W.loc_preps and t.head.i in anchors:
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
        p = _district_of_named_city(tok, p, sent, an)
        cands.append((p, score))
        framed[key] = _frame_rank(tok)
        seen_head.add(key)
    best, best_score = _most_specific(cands, framed)
    if with_score:
        return best, best_score
    return best


def _district_of_named_city(tok, p, sent, an):
    """"hit Kharkiv with guided bombs; in the Kyivskyi district a building was damaged": a
    district the gazetteer places at a city (its name is not the district's words) while the
    sentence names another city of that country is that named city's district: the event is
    in the named city (class 7 of issue 9: a district of one city geocoded to another)."""
    loc = p[1]
    if loc is None or getattr(loc, "lat", None) is None or p[0].split()[0] == tok.text:
        return p
    head = _name_head(tok)
    if head.lemma_.lower() not in W.district_nouns and not (
            head.i + 1 < len(tok.doc) and tok.doc[head.i + 1].lemma_.lower() in W.district_nouns):
        return p
    for t in sent:
        other = an.token_place.get(t.i)
        if other is None or other is loc or t.i == tok.i or getattr(other, "lat", None) is None or \
                getattr(other, "country", None) != loc.country or \
                (getattr(other, "kind", "") or "") not in ("city", "") or _km(other, loc) <= DISTRICT_KM:
            continue
        return other.name, other
    return p


def place_words(key: str) -> frozenset[str] | dict:
    """A word list or mapping of event_places.yaml (see the data README)."""
    return get_knowledge().derived("event_places", _build_place_words).get(key, frozenset())


def _build_place_words(kb) -> dict:
    data = kb.yaml("event_places.yaml") or {}
    out = {k: frozenset(str(w).lower() for w in v or []) for k, v in data.items() if isinstance(v, list)}
    out["anaphoric_place_nouns"] = {str(k).lower(): frozenset(str(x).lower() for x in v or [])
                                    for k, v in (data.get("anaphoric_place_nouns") or {}).items()}
    return out


def aimed_at_country(tok, p) -> bool:
    """"sanctions on Russia", "fired at Ukraine", "on Monday Ukraine denied" parsed as "on
    Ukraine": a country after on/at is what the act is aimed at or about, not where it was."""
    if (getattr(p[1], "kind", None) or "").lower() != "country":
        return False
    t = tok
    for _ in range(4):
        if t.dep_ == "prep":
            return t.lower_ in place_words("country_not_placed_by")
        if t.dep_ not in ("pobj", "compound", "appos", "conj") or t.head is t:
            return False
        t = t.head
    return False


def _specificity(place) -> int:
    kind = (getattr(place[1], "kind", None) or "").lower()
    return 0 if kind == "country" else 1 if kind in ("admin1", "region", "province", "oblast") else 2


def _frame_rank(tok) -> int | None:
    """How fine a place its own framing noun says it is: "Kwashabawa village", "the town of
    Djibo" -> 2 (a town, whatever the gazetteer says of the name); "Maru LGA", "Djugu territory", "the Centre department" -> 1 (an
    area); None when no such noun frames it (event_places.yaml town_nouns, area_nouns)."""
    t = tok
    for _ in range(4):
        if t.dep_ != "compound" or t.head is t:
            break
        t = t.head
    noun = None
    if t is not tok:
        noun = t.lemma_.lower()
    elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head is not t.head:
        noun = t.head.head.lemma_.lower()
    elif t.i + 1 < len(t.doc) and t.nbor(1).head is t and t.nbor(1).dep_ == "appos":
        noun = t.nbor(1).lemma_.lower()
    if noun == "area" and t is not tok and any(c.lower_ == "government" for c in t.children):
        noun = "lga"                 # "Maru Local Government Area" (a bare "X area" is a town's)
    if noun in place_words("town_nouns"):
        return 2
    return 1 if noun in place_words("area_nouns") else None


def _most_specific(cands, framed=None):
    """Of the places tied to the clause, the most specific ("captured the village of Maiorsk in
    the Donetsk region": Maiorsk, not the region; a village before the LGA it lies in, by the
    nouns that frame them); else the best-attached place."""
    strong = [c for c in cands if c[1] >= 2]
    pool = strong or cands
    if not pool:
        return None, 0
    framed = framed or {}

    def fine(c):
        rank = framed.get(c[0][0])
        return _specificity(c[0]) if rank is None else rank
    key = (lambda c: (fine(c), c[1])) if strong else (lambda c: c[1])
    best = pool[0]
    for c in pool[1:]:
        if key(c) > key(best):
            best = c
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
        elif t.dep_ == "prep" and t.lower_ == "of" and _place_frame(t.head):
            t = t.head         # "in the state of Sinaloa", "on the outskirts of Culiacan"
            continue
        elif t.dep_ == "prep":
            return t.lower_ in W.loc_preps
        elif t.dep_ not in ("pobj", "appos", "conj"):
            return modifier
        t = t.head
    return False


def _place_frame(tok) -> bool:
    """A noun that frames a place by name: "the town of X", "the outskirts of X", "the X
    district", "the state capital, X"."""
    words = {tok.lemma_.lower(), tok.lower_}         # "outskirts" (lemma "outskirt")
    return bool(words & (W.generic_place_nouns | W.district_nouns | W.place_frame_nouns))


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
            nums = [t for t in [tok.head, *tok.children] if t.pos_ == "NUM" and t.i < tok.i]
            if not people and nums and (n := token_value(nums[0])) is not None:
                return n                              # a headline's "25 killed"
        elif lem in ("die",):
            people = children(tok, "nsubj")
        elif lem == "dead":
            head = tok.head if tok.dep_ in ("oprd", "acomp", "xcomp") else tok
            people = children(head, "nsubj", "nsubjpass")
        elif lem in ("death",) and tok.pos_ == "NOUN":
            people = [tok]
        elif lem == "lose" and any(c.lemma_.lower() == "life" for c in children(tok, "dobj")):
            people = children(tok, "nsubj")          # "60 people lost their lives"
        for p in people:
            n = _victims(p)
            if n is not None:
                return n
    return None




def _victims(p) -> int | None:
    """How many people a kill/die word speaks of: its number ("two soldiers", "killing six",
    "over 60 people"), or one for a single person ("a 78-year-old man was killed")."""
    for c in p.children:
        if c.dep_ == "nummod" and (n := token_value(c)) is not None:
            return n
    if p.dep_ == "dobj" and (n := token_value(p)) is not None:   # "killing six"
        return n
    if p.tag_ == "NN" and p.lemma_.lower() in W.single_victims and \
            any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in p.children):
        return 1
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
