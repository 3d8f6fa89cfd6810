"""Who did it, when the parse's doer is a thing or is not named where the act is told.

The coder reads an actor token off the parse; these steps repair what that token says:
- a weapon or device named as the doer ("a roadside bomb killed", "RSF artillery fire killed",
  "rockets fired by the militia landed") is never the actor: the side its words name is (a
  participle's agent, a possessor, a name or a demonym on it), else nobody named;
- an attack noun with a participle that names its doer ("missile strikes launched by Indian
  armed forces", "an attack carried out by JNIM") has that doer.
Each repair says what it did in the draft's `paths` (shown by `sitrep explain`). The word lists
are `role_words:` of actors.yaml (`weapon_heads`, `fire_nouns`).
"""
from __future__ import annotations

from .targets import T
from .roles import (W, Role, _mods, agent_of, children, is_passive, named_side, prep_objects, resolve,
                    sentence_country, speaker_body, state_forces)

MOD_DEPS = ("compound", "amod", "nmod", "poss", "appos")


def _lemmas(tok) -> set[str]:
    """The word's lemma and form; a capitalised plural the tagger took for a name ("Rockets
    launched by ...") also without its plural s."""
    out = {tok.lemma_.lower(), tok.lower_}
    if tok.pos_ == "PROPN" and tok.tag_ == "NNPS" and tok.lower_.endswith("s"):
        out.add(tok.lower_[:-1])
    return out


def weapon_phrase(tok, lex, actors) -> bool:
    """"a roadside bomb", "an Improvised Explosive Device (IED)", "mortar rounds", "RSF
    artillery fire", "Israeli gunfire": a weapon, a munition or fire named as the doer (armed
    people, "gunmen", "snipers", "artillery" units, are doers themselves)."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    head = _lemmas(tok)
    if head & lex.word_list("armed_nouns") or any(actors.is_party_noun(w) for w in head):
        return False
    known = actors.lookup(tok.text) if tok.text[:1].isupper() else None
    if known is not None and known.kind != "person":
        return False                # "RSF shelling killed", parsed with the name as the head: the RSF
    weapons = lex.derived_words("weapon_doer_words",
                                lambda: set(lex.weapon_modes) | lex.word_list("weapon_doers"))
    if head & weapons or head & W.weapon_heads:
        return True
    mods = [c for c in tok.children if c.dep_ in MOD_DEPS]
    modes = lex.weapon_modes.keys()
    if any(_lemmas(c) & modes for c in mods):
        return True                 # "artillery fire", "mortar rounds", "explosive device"
    # "Israeli fire", "RSF fire": fire with a side on it
    return bool(head & W.fire_nouns) and any(c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "GPE")
                                             for c in mods)


def participle_agent(tok, depth: int = 3):
    """The agent of a participle or relative clause on tok: "rockets fired by the militia",
    "shells believed to have been fired by the army", "strikes launched by Indian forces",
    "rounds that were fired by M23"; also on the quantity a weapon is counted in ("a number of
    rockets fired by ...")."""
    heads = [tok]
    if tok.head is not tok and tok.dep_ == "pobj" and tok.head.lower_ == "of":
        heads.append(tok.head.head)            # "a number of rockets believed to ..."
    heads += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("acl", "relcl"):
                found = _agent_below(c, depth)
                if found is not None:
                    return found
    for h in heads:
        if h.dep_ in ("nsubj", "nsubjpass") and h.head.pos_ == "VERB" and not _reaction(h.head):
            # "rockets believed to have been fired by X landed", "shells were fired by the
            # army and landed ...": the verb the weapon is the subject of names who fired it
            found = _agent_below(h.head, 1, ("xcomp",))
            if found is not None:
                return found
    return None


def _reaction(verb) -> bool:
    """"the shelling was condemned by the UN", "was reported by the ministry": who reacts to or
    tells of the act is not its doer (the lexicon's report / accuse / deny frames)."""
    from .lexicon import load_lexicon

    frames = load_lexicon().frames
    lem = verb.lemma_.lower()
    return any(lem in frames.get(k, ()) for k in ("report", "accuse", "deny"))


def _agent_below(v, depth: int, deps=("xcomp", "ccomp")):
    for a in v.children:
        if a.dep_ == "agent":
            objs = [o for o in a.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    if depth <= 0:
        return None
    for c in v.children:
        if c.dep_ in deps and c.pos_ in ("VERB", "AUX"):
            found = _agent_below(c, depth - 1, deps)
            if found is not None:
                return found
    return None


def side_on(tok, an, actors, ctx) -> tuple[object | None, Role | None]:
    """(token, Role) of the side named on a weapon or an attack noun: a participle's agent
    ("fired by ISIS militants"), else a modifier that names a party ("RSF artillery",
    "M23 mortar rounds", "a Houthi drone", "Israeli strikes"); (None, None) when none does."""
    agent = participle_agent(tok)
    if agent is not None:
        role = resolve(agent, an, actors, ctx)
        if role is not None:
            return agent, role
    for c in _mods(tok):
        if c.lower_ in W.state_force_words or c.lemma_.lower() in W.state_force_words:
            role = state_forces(c, an, actors, ctx)
        else:
            role = named_side(c, an, actors, ctx)
        if role is not None:
            return c, role
    return None, None


def _owner_of(tok, an, actors, ctx) -> tuple[object | None, Role | None]:
    """The party a weapon belongs to by grammar rather than by a name on it: an "of" phrase
    ("a drone of the Sudanese army", "aircraft of the Pakistani military") or a possessive
    pronoun that refers back ("the army said its drones hit ..."). Only a party with a side or
    sector counts ("shells of 152mm calibre" name no one)."""
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    owners += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    for c in owners:
        role = resolve(c, an, actors, ctx)
        if role is not None and role.place is None and (role.country or role.sector):
            return c, role
    return None, None


def _weapon_doer(d, lex, actors):
    """(weapon token, was it the parse's doer?): the actor or subject token when it names a
    weapon ("a roadside bomb killed": the parse may already have dropped it as the actor), or a
    weapon noun that is itself the trigger ("a Houthi drone hit")."""
    for tok in (d.actor_tok, d.subj if d.actor_tok is None else None):
        tok = _counted(tok, lex)
        if tok is not None and weapon_phrase(tok, lex, actors):
            return tok, True
    if d.m.entry.pos == "NOUN" and d.actor_tok is None and weapon_phrase(d.m.tok, lex, actors):
        return d.m.tok, False
    return None, False


def _counted(tok, lex):
    """"a number of rockets", "a barrage of shells", "dozens of drones": what is counted;
    "debris from a downed drone", "fragments of a missile": the weapon whose remains did it."""
    if tok is None:
        return tok
    lemma = tok.lemma_.lower()
    if lemma in W.quantity_nouns | lex.word_list("volley_nouns"):
        preps = {"of"}
    elif lemma in lex.word_list("weapon_remains"):
        preps = {"of", "from"}
    else:
        return tok
    inner = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
             for o in p.children if o.dep_ == "pobj"]
    return inner[0] if inner else tok


def _force_of_passive(coder, d) -> Role | None:
    """"Security forces raided a hideout ... Weapons and ammunition were recovered": an
    agentless passive seizure or pull-back is the act of the state force that acted within the
    last three sentences (`role_words: force_act_types`)."""
    tok, ctx = d.m.tok, coder.ctx
    if d.actor is not None or d.etype.lower() not in W.force_act_types or not is_passive(tok) or \
            agent_of(tok) is not None:
        return None
    subj = children(tok, "nsubjpass")
    done_to = resolve(subj[0], coder.an, coder.actors, ctx) if subj else None
    if done_to is not None and done_to.sector in ("military", "police", "rebel"):
        # "Ukrainian troops were pulled back": their own side's act; "two soldiers were
        # captured": the other side's, which the sentence does not name
        return done_to if d.info.physical and not d.info.violent and d.etype.lower() == "retreat" else None
    if ctx.last_force is None or ctx.sentence_no - ctx.last_force_at > 3:
        return _police_here(coder, d)
    for t in d.sent:
        if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN"):
            r = resolve(t, coder.an, coder.actors, ctx)
            if r is not None and r.sector in ("rebel", "military", "police"):
                return None           # "the Houthis have launched attacks ..., whose crew were held"
    f = ctx.last_force
    return Role(f.name, f.country, f.sector, set(), text=f.text)


def _raised_forces(coder, d) -> Role | None:
    """"Police and security agencies were placed on high alert", "troops were deployed to the
    border": forces mobilised with no one named mobilise themselves, for their side
    (`role_words: self_raised_types`)."""
    tok = d.m.tok
    if d.actor is not None or d.etype.lower() not in W.self_raised_types or not is_passive(tok) or \
            agent_of(tok) is not None:
        return None
    subj = children(tok, "nsubjpass")
    role = resolve(subj[0], coder.an, coder.actors, coder.ctx) if subj else None
    if role is None or role.sector not in ("military", "police") or role.place is not None:
        return None
    return role


def _police_here(coder, d) -> Role | None:
    """"At least 1,332 people were arrested in Russia": an arrest with no one named is the act
    of the police of the country it happens in (`role_words: police_modes`, `police_label`)."""
    if (d.m.entry.mode or "").lower() not in W.police_modes:
        return None
    country = sentence_country(d.sent, coder.an, coder.actors) or coder.ctx.last_country
    police = coder.actors.police_of(country)
    return Role(police.name, police.country, police.sector, set()) if police is not None else None


def _office_holder(coder, name: str):
    """A person the table does not know, holding a state office the article gives them
    ("Defence Minister Rustem Umerov" -> a person of UA, government): as an actor-table entry."""
    from .actors import Actor
    for p in getattr(coder.an, "persons", None) or []:
        if p.name != name or not getattr(p, "country", None):
            continue
        title = set(str(getattr(p, "role", "") or "").lower().replace("-", " ").split())
        if title & W.state_office_words:
            return Actor(p.name, p.country, "government", True, "person")
    return None


def _ours(coder, d) -> Role | None:
    """"'Our forces retreated to new positions,' Zelensky said", "'We shot down three drones,'
    the group said": "we" / "our forces" in a speaker's own words are the speaker's side (a
    person's state, a body itself); None when the speaker is not known."""
    t = d.actor_tok
    if t is None:
        return None
    own = t.lower_ in ("we", "us") or any(c.dep_ == "poss" and c.lower_ == "our" for c in t.children) \
        and t.lemma_.lower() in W.force_nouns
    speaker = coder._speaker_of(t) if own else None
    known = (coder.actors.lookup(speaker) or _office_holder(coder, speaker)) if speaker else None
    if known is None:
        return None
    if known.kind == "person":
        state = coder.actors.state_of(known.country)
        if state is None or known.sector not in ("government", "military"):
            return None
        return Role(state.name, state.country, "military" if t.lower_ not in ("we", "us") else state.sector,
                    {t.i}, text=t.text)
    return Role(known.name, known.country, known.sector, {t.i}, text=t.text)


def _armed_weapon(d, lex, actors):
    """"Military jets bombed", "government artillery shelled": a word both a party and a
    weapon, named as the doer without a side of its own."""
    tok = d.actor_tok if d.actor_tok is not None else d.subj
    if tok is None or not _lemmas(tok) & lex.weapon_modes.keys() or \
            (d.actor is not None and d.actor.country):
        return None
    return tok


def repair_doer(coder, d) -> None:
    """The draft's actor after the parse, through the steps of DOER_STEPS in order: the first
    that applies sets it (and says why in `d.paths`) and ends the repair."""
    for step in DOER_STEPS:
        if step(coder, d):
            break
    for step in VOICE_STEPS:
        step(coder, d)
    if d.actor is not None and d.actor.via and not any(d.actor.via in p for p in d.paths):
        d.paths.append(f"actor: {d.actor.via}")       # how a generic mention was resolved (cast)


def _set(d, role, tok, why: str) -> bool:
    d.actor, d.actor_tok = role, tok
    d.paths.append(f"actor: {why}")
    return True


def _weapon_step(coder, d) -> bool:
    """A weapon is replaced by the side its words name, or by nobody ("a roadside bomb killed")."""
    weapon, was_doer = _weapon_doer(d, coder.lex, coder.actors)
    if weapon is None:
        return False
    side_tok, side = side_on(weapon, coder.an, coder.actors, coder.ctx)
    if side is None and _lemmas(weapon) & coder.lex.word_list("attack_nouns"):
        return True                     # "the attack, which injured four": the attack told before
    if side is None:                    # "a drone of the army", "its drones" (never "the arrest of X")
        side_tok, side = _owner_of(weapon, coder.an, coder.actors, coder.ctx)
    if was_doer:
        d.weapon_tok = weapon
    if side is not None:
        return _set(d, side, side_tok, f"the side named on the weapon '{weapon.text}' ('{side.name}')")
    if was_doer:
        _set(d, None, None, f"none stated (a weapon, '{weapon.text}', did it)")
    return True


def _between_step(coder, d) -> bool:
    """"clashes erupted in Tripoli between A and B": the parties, hung on the carrier."""
    carrier = d.m.carrier
    if d.actor is not None or d.m.entry.pos != "NOUN" or carrier is None or not d.info.between_parties:
        return False
    between = prep_objects(carrier, {"between"}) or [
        o for t in carrier.subtree if t.dep_ == "pobj" and t.head.head is carrier
        for o in prep_objects(t, {"between"})]          # "erupted near Sake between A and B"
    role = resolve(between[0], coder.an, coder.actors, coder.ctx) if between else None
    if role is None or " and " not in role.name:
        return False
    return _set(d, role, between[0], f"the parties between whom '{d.m.tok.text}' {carrier.text}")


def _hosted_between_step(coder, d) -> bool:
    """"Qatar has hosted talks between Kinshasa and the rebels": a verb whose object is held
    between two parties has them as its parties; the host (the verb's subject) is not the actor."""
    tok = d.m.tok
    if d.m.entry.pos != "VERB" or not d.info.between_parties or tok.lemma_.lower() not in W.host_verbs:
        return False
    if any(a.lower_ == "to" for a in children(tok, "aux")):
        return False                    # "ready to host talks between A and B": none held yet
    between = [o for obj in children(tok, "dobj") for o in prep_objects(obj, {"between"})]
    role = resolve(between[0], coder.an, coder.actors, coder.ctx) if between else None
    if role is None or " and " not in role.name:
        return False
    host = d.actor.name if d.actor is not None else "no one"
    return _set(d, role, between[0], f"the parties between whom the {children(tok, 'dobj')[0].text} "
                                     f"{tok.text} (not the host, {host})")


def _armed_weapon_step(coder, d) -> bool:
    """"Military jets bombed", "government artillery shelled": the side named on them."""
    armed = _armed_weapon(d, coder.lex, coder.actors)
    side_tok, side = side_on(armed, coder.an, coder.actors, coder.ctx) if armed is not None else (None, None)
    if armed is not None and side is None:
        side_tok, side = _owner_of(armed, coder.an, coder.actors, coder.ctx)    # "jets of the army"
    return side is not None and _set(d, side, side_tok, f"the side named on '{armed.text}' ('{side.name}')")


def _reporter_of_passive(coder, d) -> Role | None:
    """"Rifles and ammunition were seized, the police said", "It (the Arakan Army) said 60 rifles
    had been seized", "the defence minister announced that 2,000 troops were being sent": an
    agentless seizure, pull-back or deployment told by a security body or armed group (or, for
    a deployment, a state office-holder) is the teller's own act. Not when what was seized or
    freed are fighters ("two soldiers were captured, the army said": the other side did it)."""
    tok, src = d.m.tok, d.source_tok
    etype = d.etype.lower()
    if src is None or etype not in W.force_act_types | W.self_raised_types or not is_passive(tok) or \
            agent_of(tok) is not None:
        return None
    subj = children(tok, "nsubjpass")
    done_to = resolve(subj[0], coder.an, coder.actors, coder.ctx) if subj else None
    if done_to is not None and done_to.sector in ("military", "police", "rebel") and etype not in W.self_raised_types:
        return None
    if d.actor is not None and not (done_to is not None and d.actor.name == done_to.name):
        return None                   # a doer named some other way stays
    body = speaker_body(src, coder.an, coder.actors, coder.ctx)
    if body is None or not body.country:
        body = resolve(src, coder.an, coder.actors, coder.ctx) or body
    if body is None or body.place is not None:
        return None
    if body.sector in ("military", "police", "rebel"):
        return body
    if etype in W.self_raised_types:
        holder = coder.actors.lookup(body.name) or _office_holder(coder, body.name)
        if holder is not None and holder.sector in ("government", "military") or _titled(src):
            return body
    return None


def _titled(tok) -> bool:
    """Is the name given a state office in apposition ("the defence minister, Pedro Sanchez")?"""
    if tok.lemma_.lower() in W.state_office_words:
        return True                   # "the defence minister, Pedro Sanchez, announced ..."
    head = tok.head if tok.dep_ == "appos" else None
    return head is not None and head.lemma_.lower() in W.state_office_words


def _agentless_steps(coder, d) -> bool:
    """Forces put on alert raise themselves; an agentless seizure or pull-back is the force's
    that acted just before (or the country's police for an arrest); "our forces" in a known
    speaker's words are the speaker's side."""
    reporter = _reporter_of_passive(coder, d)
    if reporter is not None:
        return _set(d, reporter, d.source_tok, f"the one who tells of it ('{reporter.name}'): "
                                               f"agentless {d.etype} in its own account")
    raised = _raised_forces(coder, d)
    if raised is not None:
        return _set(d, raised, d.actor_tok, f"the forces put on alert or deployed ('{raised.name}'): "
                                             f"agentless {d.etype}")
    force = _force_of_passive(coder, d)
    if force is not None:
        return _set(d, force, d.actor_tok, f"the force that acted just before ('{force.name}'): "
                                            f"agentless {d.etype}")
    ours = _ours(coder, d)
    if ours is not None:
        return _set(d, ours, d.actor_tok, f"the side of the speaker of '{d.actor_tok.text}' ('{ours.name}')")
    return False


def _own_side_step(coder, d) -> bool:
    """"missile strikes launched by Indian armed forces", "wounds from Russian shelling": the
    side named on an attack noun or a gerund with no doer of its own."""
    tok = d.m.tok
    gerund = tok.tag_ == "VBG" and not children(tok, "nsubj", "nsubjpass")
    if d.actor is not None or not (d.m.entry.pos == "NOUN" or gerund):
        return False
    side_tok, side = side_on(tok, coder.an, coder.actors, coder.ctx)
    return side is not None and _set(d, side, side_tok, f"the side named on '{tok.text}' ('{side.name}')")


def _fallen_to_step(coder, d) -> bool:
    """"El Fasher fell to the RSF", "the base fell into the hands of the jihadists": the one it
    fell to took it (the actor; none when that is no party: "prices fell to a record low"), and
    the place that fell is the target."""
    tok = d.m.tok
    if d.etype != "COERCE" or tok.lemma_.lower() not in W.fallen_to_verbs:
        return False
    taker = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("to", "into", "under")
                  for o in children(p, "pobj")), None)
    if taker is not None and taker.lemma_.lower() in W.hands_nouns:
        taker = next((o for p in taker.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in children(p, "pobj")), None)
    role = resolve(taker, coder.an, coder.actors, coder.ctx) if taker is not None else None
    if role is not None and not (role.country or role.sector) or role is not None and role.place is not None:
        role = None                   # "fell to a record low", "fell to Kherson"
    fallen = children(tok, "nsubj") or [c for c in tok.lefts if c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "LOC")
                                        or coder.an.token_place.get(c.i) is not None]   # "Bakhmut" misparsed
    target = resolve(fallen[0], coder.an, coder.actors, coder.ctx, as_target=True) if fallen else None
    place = coder.an.token_place.get(fallen[0].i) if fallen and target is None else None
    if place is not None:
        target = Role(place.name, place.country, None, {fallen[0].i}, place, fallen[0].text)
    if role is None or target is None or target.place is None and not (
            coder.actors.target_nouns & {fallen[0].lemma_.lower()} or fallen[0].lemma_.lower() in W.generic_place_nouns):
        return _set(d, None, None, f"none: '{tok.text}' to no party, or of no place")
    d.target, d.target_tok = target, fallen[0]
    return _set(d, role, taker, f"the one the place fell to ('{role.name}')")


def _captor_step(coder, d) -> bool:
    """"Gunmen abducted 30 students ... The students were released on Sunday": people freed with
    no one named as freeing them are let go by whoever the article has taking them (the last
    act done to people of that word: an abduction, a seizure, a detention); else no one."""
    tok = d.m.tok
    if d.etype != "RETREAT" or d.actor is not None or not is_passive(tok) or agent_of(tok) is not None:
        return False
    if tok.lemma_.lower() not in T.release_verbs and not any(c.lower_ == "free" for c in tok.children):
        return False                  # ("were set free")
    freed = children(tok, "nsubjpass")
    if not freed or freed[0].pos_ not in ("NOUN", "PROPN"):
        return False
    word = _stem(freed[0].lemma_)
    for actor, target in reversed(coder.tmem.attackers):
        words = {_stem(w) for w in f"{target.text or ''} {target.name}".lower().split()} if target else set()
        if word in words and actor is not None and actor.name != "each other":
            return _set(d, actor, None, f"the one who took the {freed[0].text} ('{actor.name}'): "
                                        f"agentless release")
    return False


def _shooter_step(coder, d) -> bool:
    """"Air defences shot down 30 Russian drones": the shooter's side the coder found (its words,
    the place it was shot down over, the reporter) stays; the drones are the target, not a
    weapon doer to replace it."""
    if not _shoot_down(coder, d):
        return False
    d.paths.append(f"actor: the one who shot down or stopped the weapons ('{d.actor.name}'); "
                   f"target: their side ('{d.target.name}')")
    return True


def _shoot_down(coder, d) -> bool:
    """Is the draft a shoot-down with the shooter's and the weapons' sides apart?"""
    tok, lex = d.m.tok, coder.lex
    stopping = lex.word_list("defensive_verbs") - lex.word_list("repel_verbs")
    return d.m.entry.pos == "VERB" and tok.lemma_.lower() in stopping and not is_passive(tok) and \
        d.actor is not None and bool(d.actor.country) and d.target is not None and \
        bool(d.target.country) and d.target.country != d.actor.country


def stopped_striker(coder, d) -> Role | None:
    """"Air defences shot down 47 Ukrainian drones over Bryansk": the side whose weapons were
    stopped over another country strikes that country from afar (later "a drone hit a minibus
    in Graivoron" is theirs); None for any other act."""
    if not d.where_cc or not _shoot_down(coder, d) or d.target.country == d.where_cc:
        return None
    t = d.target
    return Role(t.name, t.country, t.sector)


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _voice(coder, d) -> Role | None:
    """The person who voices the draft's words: the speaker of the direct quote holding its
    actor ("'Pakistan will respond,' he said"), else the person who says the clause holding it
    ("Zakharova said Russia would respond")."""
    from .cast import names_person
    name = coder._speaker_of(d.actor_tok)
    if name:
        known = coder.actors.lookup(name)
        if known is not None and known.kind != "person":
            return None
        person = next((p for p in getattr(coder.an, "persons", None) or [] if p.name == name), None)
        if person is None and known is None:
            return None
        country = known.country if known is not None else getattr(person, "country", None)
        return Role(name, country, "government", set(), text=name)
    if d.source_tok is None:
        return None
    role = resolve(d.source_tok, coder.an, coder.actors, coder.ctx)
    return role if names_person(role, coder.an, coder.actors) else None


def _voiced_state_step(coder, d) -> bool:
    """"'Pakistan will return a response,' he said", "Zakharova said Russia would respond in a
    way that hurts", "Egypt would not accept Israeli forces there, the minister told Blinken": a
    threat or refusal (`role_words: voiced_types`) a person voices for their own state is that
    person's act, as PLOVER codes a statement; the state stays the actor's country."""
    a, tok = d.actor, d.actor_tok
    if d.etype.lower() not in W.voiced_types or a is None or tok is None or not a.country:
        return False
    state = coder.actors.state_of(a.country)
    if state is None or a.name != state.name:
        return False
    voice = _voice(coder, d)
    if voice is None or voice.country not in (None, a.country):
        return False
    role = Role(voice.name, a.country, voice.sector or "government", {tok.i}, text=voice.text or voice.name)
    return _set(d, role, tok, f"the person who voices it for their state ('{voice.name}' for '{tok.text}')")


DOER_STEPS = (_shooter_step, _fallen_to_step, _captor_step, _weapon_step, _between_step, _hosted_between_step, _armed_weapon_step, _agentless_steps, _own_side_step)
# after whichever of DOER_STEPS applied: the person who voices a state's threat or refusal
VOICE_STEPS = (_voiced_state_step,)


def backfill_remote_actors(coder, events) -> None:
    """"Two drones fell on an oil depot in Oryol" told before "SBU drones hit two oil depots in
    Russia": fire from afar with no one named, on a country's soil, is the foreign side the
    article (anywhere) has striking that country from afar; the most told one, else none.
    Runs once the events have their places."""
    remote = coder.lex.word_list("remote_modes")
    strikers: dict[str, list] = {}
    for e in events:
        if e.type == "ASSAULT" and e.actor and e.actor_country and e.country and \
                e.actor_country != e.country and (e.mode or "") in remote:
            strikers.setdefault(e.country, []).append(e)
    for e in events:
        # an attack placed nowhere: the one country the article has struck from afar, if one
        country = e.country or (next(iter(strikers)) if len(strikers) == 1 else None)
        if e.type != "ASSAULT" or e.actor or (e.mode or "") not in remote or country not in strikers:
            continue
        names = [s.actor for s in strikers[country]]
        best = max(dict.fromkeys(names), key=names.count)
        side = next(s for s in strikers[country] if s.actor == best)
        e.actor, e.actor_country, e.actor_sector = side.actor, side.actor_country, side.actor_sector
        for t in coder.traces:
            if t.event is e:
                t.reason += f"; actor: the side the article has striking {country} from afar ('{best}')"


def shooter_side(tok, shooter: Role | None, target: Role | None, over, an, actors, ctx) -> Role | None:
    """Who shot it down, when the shooter's words name no side ("air defences shot down 30
    Russian drones over Kyiv", "the ministry said air defences intercepted ..."): the state of
    the place it was shot down over, else the side of who reports it; never the drones' own side."""
    if shooter is not None and shooter.country:
        return shooter
    foe = target.country if target is not None else None
    found = []
    if over is not None:
        loc = an.token_place.get(over.i)
        found.append(loc.country if loc is not None else None)
    head = tok
    while head.dep_ in ("ccomp", "xcomp", "conj", "advcl") and head.head is not head:
        head = head.head
        if head.lemma_.lower() in _frames("report"):
            said = children(head, "nsubj")
            role = resolve(said[0], an, actors, ctx) if said else None
            found.append(role.country if role is not None else None)
            break
    country = next((c for c in found if c and c != foe), None)
    state = actors.state_of(country)
    if state is None:
        return shooter
    return Role(state.name, state.country, "military", set(), text=shooter.text if shooter else None)


def _frames(kind: str) -> frozenset:
    from .lexicon import load_lexicon

    return load_lexicon().frames.get(kind, frozenset())


def actor_the_lead(coder, events) -> None:
    """"Russian strike kills five in Kharkiv" / "A missile hit a block of flats on Tuesday": the
    lead event with no doer named (or only a described one, "gunmen") is done by the party the
    headline's own parse has doing an act of the same type, when the headline names one (a
    state, a known group; its words in the headline) and it is not the lead's target."""
    from .where import _lead_sentence

    lead = events[0] if events else None
    if lead is None or (lead.actor is not None and (lead.actor_country or coder.actors.lookup(lead.actor))):
        return
    if _lead_sentence(coder, lead, running=True) is None:
        return                  # (the lines above the lead, a dateline or a caption, not counted)
    party = _headline_party(coder, lead)
    if party is not None:
        party = (party.actor, party.actor_country, party.actor_sector, party.actor_text)
    else:
        role = _headline_subject(coder, lead)
        party = (role.name, role.country, role.sector, role.text) if role is not None else None
    if party is None:
        return
    was = lead.actor or "none"
    lead.actor, lead.actor_country, lead.actor_sector = party[:3]
    lead.actor_text = lead.actor_text or party[3]
    for t in coder.traces:
        if t.event is lead:
            t.reason += f"; actor: the headline's doer of the same act ('{party[0]}', was {was})"


def _kin_words(lex, etype: str) -> frozenset:
    """The lemmas the lexicon codes as acts of one type (its entries and its sentence fallback);
    built once per lexicon and type."""
    def build():
        words = {lemma for (lemma, _pos), entries in lex.by_lemma.items() if any(e.type == etype for e in entries)}
        return words | {key for key, e in lex.fallback.items() if e.type == etype}
    return lex.derived_words(f"kin_words {etype}", build)


def _title_tokens(doc, end: int) -> list:
    """The tokens that start before character `end` (the headline's), read up to there only."""
    out = []
    for t in doc:
        if t.idx >= end:
            break
        out.append(t)
    return out


def _headline_subject(coder, lead) -> Role | None:
    """"Houthis attack cargo ship", "Al-Shabaab militants storm base": the party the headline's
    parse has as the subject of a word of the lead's type (its nsubj; in a headline the parser
    read as one noun phrase, the party just before the act word), when it is a state or a known
    party and not the lead's target."""
    end = getattr(coder, "title_end", -1)
    if end is None or end <= 0:
        return None
    kin = _kin_words(coder.lex, lead.type)
    head = _title_tokens(coder.an.doc, end)
    for k in head:
        if not ({k.lemma_.lower(), k.lower_} & kin) or k.tag_ == "VBN" or is_passive(k):
            continue                    # "Russian soldiers killed in drone attack": the victims
        cands = children(k, "nsubj")
        if not cands and k.i > head[0].i and k.pos_ in ("NOUN", "PROPN", "VERB"):
            prev = coder.an.doc[k.i - 1]
            if prev.pos_ in ("NOUN", "PROPN", "ADJ") and prev.dep_ in ("nsubj", "compound", "amod"):
                cands = [prev]
        for c in cands:
            role = resolve(c, coder.an, coder.actors, None)
            if role is None or role.place is not None or role.name in (lead.target, lead.actor):
                continue
            if role.country or coder.actors.lookup(role.name) is not None:
                return role
    return None


def _headline_party(coder, lead):
    """The headline's event of the lead's type whose doer is a party named in the headline."""
    end = getattr(coder, "title_end", -1)
    if end is None or end <= 0:
        return None
    doc = coder.an.doc
    title = doc.text[:end].lower()
    for t in coder.traces:
        e = t.event
        if e is None or e is lead or t.token_i >= len(doc) or doc[t.token_i].idx >= end:
            continue
        if e.type != lead.type or not e.actor or e.actor in (lead.target, lead.actor):
            continue
        if not (e.actor_country or coder.actors.lookup(e.actor)):
            continue
        words = (e.actor_text or e.actor).lower()
        if words in title and not _told_as_victim(doc, end, words) and not (
                lead.target_country and lead.target_country == e.actor_country and
                lead.target_country != lead.actor_country):
            return e
    return None


def _told_as_victim(doc, end: int, words: str) -> bool:
    """"Ukrainian troops wounded as shelling hits Kherson": a party the headline tells with a
    past participle after it is what was done to, not the doer."""
    n = len(words.split())
    head = _title_tokens(doc, end)
    for i in range(len(head) - n):
        if " ".join(t.lower_ for t in head[i:i + n]) == words and head[i + n].tag_ == "VBN":
            return True
    return False
