"""The article's cast: generic mentions of a party resolved to the party the article is about.

An article names its parties once ("Pakistan's army", "the RSF") and then calls them by what
they are: "the government declared", "security forces killed", "police arrested", "army
commanders said". The resolution steps of `roles` already send "the army", "the group", "its
forces" and "the junta" to the party last named; this module adds the state a generic state
body belongs to when no side is named on it:

- a home body (`role_words: home_body_nouns` of actors.yaml: government, authorities, police,
  security forces, army, troops ...), or a title on one ("army commanders", "police
  officials"), with no side of its own (no name, demonym or possessor on it, no "of"/"in"
  place after it) is the body of the state the story is in, named by that state's adjective
  with the article's words ("the government" in a story from Amhara -> "Ethiopian
  government", ET; "security forces" in Kech -> "Pakistani security forces", PK);
- a military one only while the article has no foreign force acting in that country (in a
  war between two states "the troops" says no side: it stays unresolved).

The Role's `text` keeps the article's words, and `via` says how it was resolved (shown by
`sitrep explain` as an `actor:` path).
"""
from __future__ import annotations

from types import SimpleNamespace

from ..structure import title_end
from .roles import _NEXT, HOOKS, W, Role, _story_country, opens_sentence, resolve, sayer_of, written_phrase

HOME_SECTORS = ("government", "police", "military")


def _home_sector(tok, actors) -> str | None:
    """The sector of a generic state body head ("security forces" -> police), or of a title on
    one ("army commanders" -> military); None for anything else."""
    low, lem = tok.lower_, tok.lemma_.lower()
    words = W.home_body_nouns
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    two = f"{prev.lower_} {low}" if prev is not None and prev.dep_ in ("compound", "amod") else None
    for key in (two, low, lem):
        if key and key in words and actors.sector_nouns.get(key) in HOME_SECTORS:
            return actors.sector_nouns[key]
    if lem in W.leader_nouns and tok.tag_ in ("NNS", "NNPS"):
        titles = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in words]
        if titles and actors.sector_nouns.get(titles[0].lower_) in HOME_SECTORS:
            return actors.sector_nouns[titles[0].lower_]
    return None


def _own_side_named(tok, actors) -> bool:
    """Does the phrase name whose body it is ("Sudan's army", "the Malian government",
    "the government of Niger", "police in Haiti", "Hamas security forces")?"""
    for c in tok.children:
        if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "in", "for"):
            return True
        if c.dep_ in ("compound", "amod", "nmod", "appos") and c.lower_ not in W.home_body_nouns and \
                f"{c.lower_} {tok.lower_}" not in W.home_body_nouns and (
                c.pos_ == "PROPN" or c.ent_type_ or c.lower_ in actors.demonyms or
                any(g.pos_ == "PROPN" or g.lower_ in actors.demonyms for g in c.children)):
            return True
        if c.dep_ == "det" and c.lower_ not in ("the", "this", "these"):
            return True               # "a soldier", "some police", "their army": not the state's own
    return False


def _foreign_force_here(country: str, ctx) -> bool:
    """Has the article a force of another state acting (so "the troops" may be either side's)?"""
    if ctx is None:
        return True
    if ctx.attackers.get(country) is not None:
        return True
    for r in (ctx.last_assault_actor, ctx.last_army, ctx.last_named_army, ctx.last_force):
        if r is not None and r.country and r.country != country and r.sector == "military":
            return True
    return False


def _home_country(tok, an, ctx) -> str | None:
    """The country the story is in at tok (roles._story_country), also from a place named as
    a part of where it happens ("in the Hodan district of Mogadishu")."""
    for t in tok.sent:
        p = an.token_place.get(t.i)
        if p is not None and getattr(p, "country", None) and t.dep_ == "pobj" and \
                t.head.lower_ == "of" and t.head.head.lemma_.lower() in W.generic_place_nouns | W.district_nouns \
                and t.head.head.dep_ == "pobj" and t.head.head.head.lower_ in W.loc_preps:
            return p.country
    return _story_country(tok, an, ctx)


def story_state(tok, an, ctx) -> str | None:
    """The country of the story at tok for a state's forces named with no side ("government
    aircraft bombed"), None while another state's force acts there."""
    country = _home_country(tok, an, ctx)
    return None if country is None or _foreign_force_here(country, ctx) else country


def home_body(tok, an, actors, ctx, as_target):
    """A resolution step (roles.RESOLVE_STEPS): a generic state body acting, with no side named
    on it -> that body of the state the story is in; _NEXT when it does not apply."""
    if as_target or tok.dep_ not in ("nsubj", "nsubjpass", "pobj", "conj"):
        return _NEXT                  # (the cheap tests first: tok.sent walks the sentence)
    if not (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and opens_sentence(tok)):   # "Gendarmes arrested"
        return _NEXT
    if tok.dep_ == "pobj" and tok.head.dep_ != "agent":
        return _NEXT                  # only "by police" among objects
    sector = _home_sector(tok, actors)
    if sector is None or _own_side_named(tok, actors) or any(
            c.dep_ in ("compound", "amod") and {c.lemma_.lower(), c.lower_} & (W.armed_refs | W.nonstate_force_words)
            for c in tok.children):
        return _NEXT                  # "rebel forces", "resistance fighters": no state's body
    country = _home_country(tok, an, ctx)
    if country is None or sector == "military" and _foreign_force_here(country, ctx):
        return _NEXT
    label = actors.adjectives.get(country) or actors.country_names.get(country)
    if not label:
        return _NEXT
    written = written_phrase(tok)
    words = written[:1].lower() + written[1:] if not written[:2].isupper() else written
    return Role(f"{label} {words}", country, sector, {tok.i}, None, written,
                via=f"'{written}' with no side named: the {sector} body of the story's country ({country})")


def _person_name(tok, an) -> bool:
    ent = an.token_entity.get(tok.i)
    return ent.kind == "person" if ent is not None else tok.ent_type_ == "PERSON"


def _title_head(tok, an, actors) -> bool:
    """A singular title head: a common noun ("commissioner"), or a capitalised title the parser
    took for a name ("The Borno State Governor") that names no person or body itself."""
    if tok.tag_ == "NN":
        return tok.pos_ == "NOUN"
    ent = an.token_entity.get(tok.i)
    if tok.tag_ != "NNP" or _person_name(tok, an) or an.token_place.get(tok.i) is not None or \
            ent is not None and not (getattr(ent, "kind", "") == "organization" and
                                     tok.lemma_.lower() in W.leader_nouns):
        return False              # (the tagger may take "The Ituri Provincial Governor" for a body)
    return actors.lookup(written_phrase(tok)) is None and actors.lookup(tok.text) is None


def _name_closing(tok, an):
    """"UN Resident and Humanitarian Coordinator for Sudan Denise Brown urged ...": a subject
    phrase whose last words, right before its verb, are a person's name (the parser may hang
    the name anywhere inside the title) -> that name's head token."""
    last = tok.right_edge
    if tok.dep_ != "nsubj" or last.i + 1 != tok.head.i or last.i == tok.i or \
            last.pos_ != "PROPN" or not _person_name(last, an):
        return None
    return last if tok.lemma_.lower() in W.leader_nouns or tok.tag_ == "NNP" else None


def titled_name(tok, an, actors, ctx, as_target):
    """"Somalia's human rights commissioner, Farah Ali, accused ...", "the rebels' chief
    negotiator, Abdel Rahim Dagalo, rejected ...", "The Borno State Governor, Babagana Zulum,
    urged ...": a title of any words with the person's name in apposition (or closing the
    subject phrase) is that person (roles' leader steps know only the leader nouns)."""
    if as_target or not _title_head(tok, an, actors):
        return _NEXT
    names = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and _person_name(c, an)]
    if not names and (closing := _name_closing(tok, an)) is not None:
        names = [closing]
    if not names or tok.lemma_.lower() in W.generic_place_nouns:
        return _NEXT
    role = resolve(names[0], an, actors, ctx)
    if role is None or role.place is not None:
        return _NEXT
    role.via = f"the person the title '{written_phrase(tok)}' names ('{names[0].text}')"
    return role


def _claimants(an, actors) -> list[Role]:
    """The armed groups the article has owning its attacks: those it says claimed
    responsibility ("Al Shabaab claimed responsibility", "ISWAP took credit"), and those its
    headline names (a non-state armed party of the actor table); worked out once per article."""
    memo = an.notes.get("cast_claimants") if getattr(an, "notes", None) is not None else None
    if memo is not None:
        return memo
    found: list[Role] = []
    end = title_end(an) if getattr(an, "clean", None) is not None else -1
    for tok in an.doc:
        subjects = []
        if tok.lemma_.lower() in W.responsibility_nouns and tok.dep_ == "dobj" and \
                tok.head.lemma_.lower() in W.responsibility_verbs:
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        elif 0 < end and tok.idx < end and tok.pos_ == "PROPN":
            subjects = [tok]
        for s in subjects:
            role = resolve(s, an, actors, None)
            known = actors.lookup(role.name) if role is not None else None
            if role is not None and role.place is None and role.sector == "rebel" and \
                    known is not None and known.kind != "person":
                found.append(role)
    if getattr(an, "notes", None) is not None:
        an.notes["cast_claimants"] = found
    return found


def claimed_attackers(tok, an, actors, ctx, as_target):
    """"at least four gunmen then stormed the building" in an article where Al Shabaab claimed
    responsibility (or whose headline names it): attackers told only by what they are
    (armed_refs, no name, side or description on them: "unidentified gunmen" stay unknown)
    are the one armed group the article has owning its attacks."""
    if as_target or tok.pos_ != "NOUN" or tok.tag_ != "NNS" or not {tok.lemma_.lower(), tok.lower_} & W.armed_refs \
            or tok.dep_ not in ("nsubj", "nsubjpass", "pobj") or tok.dep_ == "pobj" and tok.head.dep_ != "agent":
        return _NEXT
    if any(c.dep_ in ("compound", "amod", "nmod", "poss", "appos") for c in tok.children):
        return _NEXT
    owners = _claimants(an, actors)
    if len({r.name for r in owners}) != 1:
        return _NEXT
    return _referred(tok, owners[0], f"'{written_phrase(tok)}' with no side named: the armed group the "
                                     f"article has owning its attacks ('{owners[0].name}')")


def _generic_modifiers(tok, an, actors) -> bool:
    """Are the words on a force noun only what its people are ("resistance forces", "rebel
    fighters", "allied units"), naming no side (no name, demonym, possessor or entity)?"""
    for c in tok.children:
        if c.dep_ in ("poss", "appos", "prep"):
            return False
        capitalised_by_place = c.i == tok.sent.start and an.token_entity.get(c.i) is an.token_entity.get(tok.i)
        if c.dep_ in ("compound", "amod", "nmod") and (
                c.i in an.token_entity and not capitalised_by_place or c.lower_ in actors.demonyms
                or c.ent_type_ in ("ORG", "NORP", "GPE") or actors.lookup(c.text) is not None):
            return False          # ("Resistance forces" opening a sentence: the tagger's name, no side)
        if c.dep_ == "det" and c.lower_ not in ("the",):
            return False
    return True


def sayers_fighters(tok, an, actors, ctx, as_target):
    """"Resistance forces overran a base near Hpakant, the Kachin Independence Army said",
    "Rebel fighters took two towns, the TNLA said": fighters told only by what they are, in
    what a non-state armed group says, are that group's own."""
    common = tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.i == tok.sent.start   # "Fighters stormed"
    if as_target or not common or tok.tag_ not in ("NNS", "NNPS") or tok.dep_ not in ("nsubj", "nsubjpass") or \
            not {tok.lemma_.lower(), tok.lower_} & (W.bare_force_nouns | W.armed_refs):
        return _NEXT
    if not _generic_modifiers(tok, an, actors):
        return _NEXT
    sayer = sayer_of(tok)
    body = resolve(sayer, an, actors, None) if sayer is not None and sayer.pos_ == "PROPN" else None
    if body is not None and " and " in body.name:
        # "the KIA and allied PDF groups said": the group named first, when the table knows it
        ent = an.token_entity.get(sayer.i)
        known = actors.lookup(ent.name) if ent is not None else None
        body = Role(known.name, known.country, known.sector) if known is not None and known.keep_name else None
    if body is None or body.sector != "rebel" or body.place is not None:
        return _NEXT
    return _referred(tok, body, f"'{written_phrase(tok)}' in what '{body.name}' says: its own fighters")


def place_before(tok, an, actors, ctx, as_target):
    """"the enemy struck the city with drones" after "Kharkiv", "recaptured the town" after
    "Bara": a definite place noun hit or taken, with no name of its own, is the place of its
    kind named last (events.where.place_named_before; the article's words kept)."""
    if not as_target or tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return _NEXT
    from .where import place_named_before     # where imports roles, as this module does
    found = place_named_before(an, tok, hit=True)
    if found is None:
        return _NEXT
    name, loc = found
    if loc is None:
        loc = SimpleNamespace(name=name, country=None, lat=None, lon=None, admin1=None, kind=None)
    out = Role(name, getattr(loc, "country", None), None, {tok.i}, loc, written_phrase(tok))
    out.via = f"'{written_phrase(tok)}' stands for '{name}', the place of its kind named before"
    return out


CAST_STEPS = (sayers_fighters, home_body, titled_name, claimed_attackers, place_before)


def _generic_kind(tok) -> str | None:
    """"the group", "the militants", "the movement" -> "group" (armed: "armed"); "the country",
    "the Gulf state", "the kingdom" -> "state"; None for anything else."""
    lem, low = tok.lemma_.lower(), tok.lower_
    if {lem, low} & W.state_nouns:
        return "state"
    if {lem, low} & W.armed_refs:
        return "armed"
    if {lem, low} & W.group_nouns:
        return "group"
    return None


def _fits(role: Role, kind: str, actors) -> bool:
    """Can a party named before be what a generic noun of this kind refers to?"""
    if role is None or " and " in role.name:
        return False
    known = actors.lookup(role.name)
    if known is not None and known.kind == "person":
        return False
    if kind == "state":
        state = actors.state_of(role.country) if role.country else None
        return state is not None and state.name == role.name
    if role.place is not None:
        return False
    if kind == "armed":
        return role.sector == "rebel"
    return role.sector in ("rebel", "party", "igo", "ngo") or known is not None and known.keep_name


def _referred(tok, role: Role, via: str) -> Role:
    """The party `role` as the words at `tok` refer to it (their phrase as written; `via`, how)."""
    out = Role(role.name, role.country, role.sector, {tok.i}, None, written_phrase(tok))
    out.via = via
    return out


def in_sentence_antecedent(tok, an, actors, ctx, as_target):
    """"accused the Arakan Army of burning homes, an allegation the group rejected", "accused the
    UAE of arming the RSF, a charge the Gulf state denies", "al-Shabaab fighters stormed the base
    and the militants then looted it": a definite generic noun acting refers to the nearest
    party of its kind named before it in the same sentence (the memory of earlier sentences,
    roles' steps, is for when the sentence names none)."""
    if as_target or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return _NEXT
    kind = _generic_kind(tok)
    dets = [c for c in tok.children if c.dep_ == "det"]
    if kind is None or not dets or dets[0].lower_ != "the" or \
            any(c.dep_ in ("poss", "prep", "appos") for c in tok.children) or \
            any(c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.lower_ in actors.demonyms)
                and not (kind == "state" and c.pos_ == "PROPN") for c in tok.children):
        return _NEXT                  # "the group of protesters", "the Sudanese militia": named
    seen: set[int] = set()
    for cand in reversed([t for t in tok.sent if t.i < tok.left_edge.i and t.pos_ in ("PROPN", "NOUN")
                          and t.dep_ in ("nsubj", "dobj", "pobj", "appos", "conj", "nsubjpass")]):
        if cand.i in seen or cand.pos_ == "NOUN" and cand.i not in an.token_entity and not any(
                c.dep_ == "compound" and (c.pos_ == "PROPN" or c.i in an.token_entity) for c in cand.children):
            continue                  # a common noun names no one ("the base"); "ISIS fighters" do
        role = resolve(cand, an, actors, None)
        seen |= role.tokens if role is not None else set()
        if role is not None and _fits(role, kind, actors):
            return _referred(tok, role, f"'{written_phrase(tok)}' refers to '{cand.text}' named before "
                                        "it in the sentence")
    return _NEXT


HEAD_REACH = 400      # tokens back that "the ministry" may look for the Ministry it names


def _head_words(name: str) -> set[str]:
    """The words a definite description may take from a body's name: its last word and, for
    "Ministry of Defence" / "Supreme Court of Justice", the word before "of" ("the ministry",
    "the court")."""
    words = [w for w in name.lower().replace("-", " ").split() if w.isalpha()]
    out = set(words[-1:])
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "on")), None)
    if cut:
        out.add(words[cut - 1])       # "Federal Ministry of Health", "Supreme Court of Justice"
    return out


def named_body_head(tok, an, actors, ctx, as_target):
    """"The Counter-Terrorism Service raided a house ... the service said", "the Ministry of
    Defence ... the ministry accused", "the National Intelligence and Security Agency ... the
    agency arrested": "the" + a noun that heads the name of an organisation named shortly
    before is that organisation (the nearest one so named)."""
    if as_target or tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i in an.token_entity:
        return _NEXT
    if [c.lower_ for c in tok.children if c.dep_ == "det"] != ["the"] or any(
            c.dep_ in ("compound", "amod", "nmod", "poss", "prep", "appos") for c in tok.children):
        return _NEXT                  # "the defence ministry", "the ministry of health": its own words
    lem = tok.lemma_.lower()
    if lem in W.home_body_nouns or tok.lower_ in W.home_body_nouns:
        return _NEXT                  # "the government", "the army": a state's body (home_body)
    for i in range(tok.i - 1, max(-1, tok.i - HEAD_REACH), -1):
        ent = an.token_entity.get(i)
        if ent is None or getattr(ent, "kind", "") != "organization" or len(ent.name.split()) < 2 \
                or lem not in _head_words(ent.name):
            continue
        role = resolve(tok.doc[i], an, actors, None)
        if role is None or role.place is not None:
            return _NEXT
        return _referred(tok, role, f"'the {tok.text}' heads the name of '{role.name}', named before")
    return _NEXT


CAST_FIRST = (in_sentence_antecedent, named_body_head)


def conjunct_antecedent(pron):
    """"The House accused the government of failing, and it renewed its demand ...", "Hemedti
    flew to Kampala and he met Museveni": a pronoun subject (or owner: "its demand") of a verb
    conjoined to a verb with a named subject refers to that subject, when they agree (he/she: a
    person's name; it: no person's). None otherwise."""
    low = pron.lower_
    verb = pron.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head            # "its demand" -> renewed
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if pron.dep_ != "nsubj" and not (pron.dep_ == "poss" and not any(
            c.dep_ == "nsubj" and c.pos_ != "PRON" for c in verb.children)):
        return None
    subj = [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and c.i < pron.i]
    if not subj:
        return None
    s = subj[0]
    named = [c for c in s.children if c.dep_ in ("appos", "acl") and c.ent_type_ == "PERSON"]
    named = [max(c.subtree, key=lambda t: t.i) if c.dep_ == "acl" else c for c in named]   # "Khaing/acl Thukha/dobj"
    if s.pos_ == "NOUN" and named and low in W.pronouns_person:
        return named[0]             # "The spokesman of the group, Lawrence Kanyuka, said ... and he"
    person = s.ent_type_ == "PERSON" or s.pos_ == "PROPN" and s.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC")
    if low in W.pronouns_person and not person or low in ("it", "its") and (person or subj[0].tag_ in ("NNS", "NNPS")):
        return None
    return subj[0]


def names_person(role: Role | None, an, actors) -> bool:
    """Does a resolved subject name a person of the article ("the UN coordinator in Mozambique,
    Catherine Sozi", "the head of the mission, Hanna Tetteh")? Then "she" later is that person."""
    if role is None or role.place is not None:
        return False
    known = actors.lookup(role.name)
    if known is not None:
        return known.kind == "person"
    return role.name in _person_names(an)


def _person_names(an) -> set:
    """The names of the article's persons, a set kept per persons list (a scan per subject made a
    long article quadratic)."""
    persons = getattr(an, "persons", None) or []
    memo = getattr(an, "_person_names", None)
    if memo is None or memo[0] is not persons or memo[1] != len(persons):
        memo = (persons, len(persons), {p.name for p in persons})
        try:
            an._person_names = memo
        except AttributeError:            # an Analysis-like object that takes no attributes
            pass
    return memo[2]


HOOKS.update(CAST_FIRST=CAST_FIRST, CAST_STEPS=CAST_STEPS, conjunct_antecedent=conjunct_antecedent,
             story_state=story_state)
