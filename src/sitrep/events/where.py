"""Where an event happened: the place strategies of the event coder, from the clause outwards.

`locate(coder, d)` runs the LOCATE chain on a Draft: the first strategies read the clause, the
later ones widen the scope (target, actor's home, paragraph, the country, the story so far, the
dateline); each may set `d.where` (name, Location-like) and `d.scope`. `paragraph_place` looks
back over the sentence's paragraph; `carry_over` gives a placeless remote strike the side
already striking in that country.

`coder` is the coder.py Coder (its an, lex, actors, ctx), `d` a coder.py Draft; coder.py imports
this module, never the reverse.
"""
from __future__ import annotations

import bisect
from types import SimpleNamespace

from . import when
from .actors import ActorTable
from .roles import (W, Role, _act_word, _definite, _locative, aimed_at_country,
                    city_of_district, dateline_place, ent_span, find_location, geo_precision, in_dateline,
                    is_passive, locative_places, place_of, place_words)

PARAGRAPH_CHARS = 6_000    # a "paragraph" looked back over: bounded, so cost stays linear
LEAD_SENTENCES = 3         # the lead: the first body sentences after the headline
HEADLINE_TOKENS = 40       # a longer first line is no headline


def locate(coder, d) -> None:
    """Where: the first strategies read the clause, the later ones widen the scope (target,
    actor's home, paragraph, the country, the story so far). Each may set d.where / d.scope."""
    anchors(coder, d)
    for strategy in LOCATE:
        strategy(coder, d)
    loc = d.where[1] if d.where else None
    if d.where is not None:                  # else a country named loosely in the sentence, if any
        d.where_cc = getattr(loc, "country", None)
    if d.where is not None and d.where_cc is None:
        # a village the gazetteer does not know: "Zhelanne in the Donetsk region", "the town
        # of X in Myanmar's Rakhine state" -> the country of the places around it
        d.where_cc = _sentence_country(d.sent, coder.an) or coder.ctx.last_country
    return None


def anchors(coder, d) -> None:
    """The tokens the place is looked for around, and the tokens of names that are not places."""
    tok, m, doc = d.m.tok, d.m, d.sent.doc
    exclude = set()
    for r in (d.actor, d.target):
        if r is not None:
            exclude |= _name_tokens(r.tokens, doc)
    if d.actor_tok is not None:
        # "M23 rebels", "Hamas gunmen": the name on the actor says who, not where
        exclude |= {c.i for c in d.actor_tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                    and coder.an.token_place.get(c.i) is None}
    if d.source_tok is not None:
        exclude |= {t.i for t in d.source_tok.subtree}
    for c in d.clause.children:      # "citing Russia's refusal to talk over its war in Ukraine"
        if c.lower_ in ("citing", "quoting"):
            exclude |= {t.i for t in c.subtree}
    exclude |= _group_names(coder, d.sent)
    anchors = {tok.i} | ({m.carrier.i} if m.carrier is not None else set()) | {d.clause.i}
    if d.target_tok is not None and d.info.physical:
        anchors.add(d.target_tok.i)
        if d.target is not None and d.target.place is not None and _under_loc_prep(d.target_tok):
            exclude -= d.target.tokens
    if not d.info.violent:
        anchors |= _occasions(d.sent, anchors)
        if d.target is not None and d.target.place is not None and d.target_tok is not None and \
                _placed_by_prep(d.target_tok):
            exclude -= d.target.tokens   # "lifted a curfew [in the state capital, Maiduguri]"
    t = d.target_tok or next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower()
                              in W.leader_nouns | coder.actors.party_nouns), None)
    if d.info.between_parties and not d.info.violent and t is not None and t.dep_ == "dobj" \
            and t.head.i in anchors:
        anchors.add(t.i)    # "met the American mediator [in Beirut]": where it met its party
    d.anchors, d.exclude = anchors, exclude


def _loc_on_object(coder, d) -> None:
    """A place on the trigger's direct object is the act's own ("signed an agreement [in
    Juba]", "hosted talks between the army and the RSF [in Cairo]", "met EU ministers [in
    Brussels]"): the first place under a locative preposition inside the object's phrase, with
    no verb between (the object itself, a party, is no place; "a deal with Russia" neither)."""
    if d.info.violent or d.score >= 2 or d.etype.lower() not in place_words("object_placed_types"):
        return
    for v in (d.m.tok, d.m.carrier):
        if v is None or v.i not in d.anchors:
            continue
        for obj in (c for c in v.children if c.dep_ == "dobj"):
            found = _placed_inside(coder, d, obj)
            if found is not None:
                d.where, d.score, d.scope = found, 2, "clause"
                d.paths.append("place: on the trigger's object")
                return


def _placed_inside(coder, d, obj):
    an, named = coder.an, {r.name for r in (d.actor, d.target) if r is not None}
    # a target role may span its phrase ("EU ministers in Brussels"): only its name is no place
    exclude = d.exclude - (d.target.tokens if d.target is not None else set())
    for tok in obj.subtree:
        if tok.i in exclude or tok.i == obj.i or in_dateline(tok):
            continue
        p = place_of(tok, an)
        if p is None or p[0] in named or _kind(p[1]) == "country" and aimed_at_country(tok, p):
            continue
        t = tok
        while t.dep_ in ("compound", "flat") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "appos" and t.head.i == obj.i and _after_placed_noun(t, obj):
            return p          # "lifted a curfew in the regional capital, Bahir Dar" (misparsed)
        while t.dep_ == "appos" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ in place_words("object_place_preps") and \
                _through_parties(t.head.head, obj):
            return p
        if t.dep_ == "pobj" and t.head.lower_ == "between" and _through_parties(t.head.head, obj) \
                and t.head.head.lemma_.lower() in place_words("route_nouns"):
            return p          # "blocked the road between Tibu and Cucuta": its first end
    return None


def _after_placed_noun(appos, obj) -> bool:
    """Does the apposition follow a place noun the object has under a locative preposition
    ("a curfew [in the regional capital], Bahir Dar")?"""
    preps = place_words("object_place_preps")
    left = appos.left_edge.i - 1
    while left > obj.i and appos.doc[left].is_punct:
        left -= 1
    return any(p.dep_ == "prep" and p.lower_ in preps and p.i < left <= p.right_edge.i
               for p in obj.children)


def _placed_by_prep(tok) -> bool:
    """Is the name (with its compounds and appositions) right under a locative preposition that
    places ("in the state capital, Maiduguri", "at Goma"), not one that aims ("on Russia")?"""
    t = tok
    for _ in range(4):
        if t.dep_ not in ("compound", "flat", "appos") or t.head.i == t.i:
            break
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in W.loc_preps and \
        t.head.lower_ not in place_words("country_not_placed_by")


def _through_parties(t, top) -> bool:
    """Does t reach the object top with no verb between and through no preposition but one
    naming its parties ("between the army and the RSF", "with the rebels")?"""
    parties = place_words("object_party_preps")
    for _ in range(8):
        if t.i == top.i:
            return True
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i or \
                t.dep_ == "prep" and t.lower_ not in parties or \
                t.dep_ not in ("prep", "pobj", "conj", "compound", "appos", "nmod"):
            return False
        t = t.head
    return False


def _occasions(sent, anchors: set[int]) -> set[int]:
    """The occasion words were said or talks held at, tied to the event's verb: "speaking to
    reporters [in Amman]", "in a speech [in Naypyidaw]", "after talks with the rebels [in Addis
    Ababa]", or told of its subject ("delegates, meeting [in Doha], urged ...") (event_places.yaml
    occasion_verbs, occasion_nouns): a place on them is the event's."""
    verbs, nouns, out = place_words("occasion_verbs"), place_words("occasion_nouns"), set()
    subject_verbs = place_words("occasion_subject_verbs")
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in verbs and t.dep_ == "advcl" and _tied(t.head, anchors):
            out.add(t.i)
        elif lemma in subject_verbs and t.dep_ == "acl" and t.head.dep_ in ("nsubj", "nsubjpass") and \
                t.head.head.i in anchors:
            out.add(t.i)       # "the council's members, meeting [in Addis Ababa], called on ..." 
        elif lemma in nouns and t.dep_ == "pobj" and _tied(t.head.head, anchors):
            out.add(t.i)       # "rejected the demands [in a speech]": on the verb or its object
    return out


def _group_names(coder, sent) -> set[int]:
    """The tokens of place-resolved names that name a people or an armed group ("the Huthis",
    "Tuareg rebels", "Somalis"): a demonym or a group's name is never where an event was. A
    capital that stands for its government ("Brussels", "Moscow") is a place again under a
    locative preposition ("met EU ministers in Brussels")."""
    out, places = set(), coder.an.token_place
    groups = place_words("group_names")
    for t in sent:
        if t.i in places and _a_group(coder.actors, t.text, groups, _placed_by_prep(t)):
            out.add(t.i)
    return out


def _a_group(actors, word: str, groups, placed: bool = False) -> bool:
    key = word.lower()
    if key in groups or key in actors.demonyms:
        return True
    a = actors.lookup(word)
    return a is not None and a.keep_name and a.sector != "government" and a.kind != "person" \
        and not (placed and a.sector == "igo")


def _tied(t, anchors: set[int], steps: int = 3) -> bool:
    """Is t an anchor, or its object, complement or clause (within a few steps)?"""
    for _ in range(steps):
        if t.i in anchors:
            return True
        if t.dep_ not in ("dobj", "pobj", "prep", "xcomp", "advcl", "pcomp") or t.head is t:
            return False
        t = t.head
    return t.i in anchors


def carry_over(coder, d) -> None:
    """An actor the sentence does not name, from the story so far: "the strike" told before,
    remote fire on a country's soil from the side already striking there."""
    tok, m = d.m.tok, d.m
    if not d.info.violent or d.actor is not None or d.actor_tok is not None:
        return None
    if m.entry.pos == "NOUN" and coder.ctx.last_assault_actor is not None and _definite(tok, coder.lex):
        # "Moscow claimed the strike had hit a command post": the strike told before
        d.actor = coder.ctx.assault_by_word.get(_act_word(tok)) or coder.ctx.last_assault_actor
        d.paths.append("actor: the attack told before")
        return None
    remote = d.mode in coder.lex.word_list("remote_modes") or _remote_weapon(d, coder.lex) or (
        d.mode is None and (is_passive(tok) or (m.carrier is not None and is_passive(m.carrier))))
    if d.where_cc and d.where_cc in coder.ctx.attackers and remote:
        # "a missile struck port infrastructure in Odesa"
        d.actor = coder.ctx.attackers[d.where_cc]
        d.paths.append(f"actor: the side already striking in {d.where_cc}")
    return None


def _remote_weapon(d, lex) -> bool:
    """Did a weapon fired from afar do it ("debris from a downed drone set fire to ...")?"""
    w = d.weapon_tok
    return w is not None and lex.weapon_modes.get(w.lemma_.lower()) in lex.word_list("remote_modes")


def commit(coder, d) -> None:
    """What later sentences may use of an emitted event's place: talks or an agreement placed
    somewhere make that the venue of the diplomacy told after them."""
    if d.info.between_parties and not d.info.violent and d.where is not None and \
            _kind(d.where[1]) != "country" and not _in_title(coder, d.sent):
        coder.ctx.last_venue = d.where     # a headline's talks are no venue of the body's words
        coder.ctx.last_venue_at = coder.ctx.sentence_no


def _in_title(coder, sent) -> bool:
    end = getattr(coder, "title_end", -1)
    return end is not None and end > 0 and sent.start_char < end


def lead_first(coder, per_sentence, events: list) -> list:
    """The article's main incident first: when the headline tells an event (coded in its title
    line, then dropped as the lead's duplicate), the first body event of that type in the lead
    is the one the lead tells; it goes first when a statement was told before it (a reaction:
    "X condemned the strike that killed ...", "The UN condemned the violence. Fighters
    stormed ..."; an act on the ground told first keeps its place), and takes
    from the headline's telling the place and the day it does not give itself."""
    heads = [e for is_title, evs in per_sentence if is_title for e in evs]
    if not heads or not events:
        return events
    body = {id(e) for is_title, evs in per_sentence if not is_title for e in evs}
    if events[0].type in {h.type for h in heads}:
        return _headline_agreeing_first(coder, events, heads[0], body)
    lead = next((e for e in events if e.type == heads[0].type and id(e) in body
                 and (s := _lead_sentence(coder, e)) is not None and not _background(coder, s)), None)
    if lead is None:
        return events
    if coder.lex.type(events[0].type).physical:
        return events              # an act on the ground told first is the lead's own incident
    _take_headline_facts(lead, heads[0])
    for t in coder._traces_with(lead):
        if t.event is lead:
            t.reason += "; first: the headline's incident"
    return [lead] + [e for e in events if e is not lead]


def _headline_agreeing_first(coder, events: list, head, body) -> list:
    """"Drone strike kills 14 in Kadugli" over a lead that first tells another attack: of the
    lead's events of the headline's type, the one that agrees with the headline's telling (its
    place, toll, doer, day) more than the first event does goes first."""
    def agree(e) -> int:
        return sum(getattr(e, f) is not None and getattr(e, f) == getattr(head, f)
                   for f in ("location", "fatalities", "actor", "date"))
    first = events[0]
    best, score = first, agree(first)
    for e in events[1:]:
        if e.type != head.type or id(e) not in body:
            continue
        s = _lead_sentence(coder, e)
        if s is None or _background(coder, s):
            continue
        if agree(e) > score:
            best, score = e, agree(e)
    if best is first:
        return events
    for t in coder._traces_with(best):
        if t.event is best:
            t.reason += "; first: the headline's incident"
    return [best] + [e for e in events if e is not best]


def _take_headline_facts(lead, head) -> None:
    if lead.location is None and head.location is not None:
        for f in ("location", "lat", "lon", "admin1", "country", "geo_precision"):
            if getattr(lead, f) is None:
                setattr(lead, f, getattr(head, f))
        lead.location_scope = "headline"
    if lead.date is None and head.date is not None:
        lead.date = head.date


PRECISION = {"country": 0, "admin1": 1, "city": 2, "point": 2}
PLACE_FIELDS = ("location", "lat", "lon", "admin1", "country", "geo_precision", "location_scope")


def _precision(e) -> int | None:
    if e.location is None:
        return None
    if e.location_scope == "country":
        return 0
    return PRECISION.get(e.geo_precision or "", 2)     # a village the gazetteer does not know


def place_within(outer, inner) -> bool:
    """Does `inner`'s place lie inside `outer`'s ("Maiorsk" in "Donetsk Oblast", "Djibo" in
    "Burkina Faso")? Judged by the gazetteer's country and region of the two places."""
    po, pi = _precision(outer), _precision(inner)
    if po is None or pi is None or pi <= po or not outer.country or outer.country != inner.country:
        return False
    if po == 0:
        return True
    generic = {"state", "region", "province", "oblast", "governorate", "district", "the", "of"}
    region = {w for n in (outer.admin1, outer.location) if n for w in n.lower().split()} - generic
    return bool(inner.admin1) and bool(set(inner.admin1.lower().split()) - generic <= region
                                       and set(inner.admin1.lower().split()) - generic)


def retold_within(first, later) -> bool:
    """A later sentence that opens on the act told before ("The attack on the base in Bulo
    Marer killed 11 soldiers", "The strike hit a house in Nabatieh") and names a place inside
    the first telling's region or country re-tells that incident, more precisely."""
    words = (later.evidence or "").lower().split()
    trig = (later.trigger or "").lower().split()
    if not trig or words[:1] != ["the"] or trig[0] not in words[1:4]:
        return False
    return place_within(first, later)


def take_precise_place(keep, drop) -> None:
    """Two tellings of one incident merged: the kept one takes the more precise place of the
    two (a town named only in the retelling beats the kept telling's region or country)."""
    if drop.location is not None and keep.location is not None and place_within(keep, drop):
        for f in PLACE_FIELDS:
            setattr(keep, f, getattr(drop, f))


def paragraph_place(coder, sent):
    """The last place named as a place earlier in the sentence's paragraph (its line: feeds
    and plain text put one paragraph per line; a blank line also ends one)."""
    text = coder.an.clean.text                        # the parsed text (Doc.text rebuilds it)
    start = text.rfind("\n", max(0, sent.start_char - PARAGRAPH_CHARS), sent.start_char)
    if start < 0 and sent.start_char > PARAGRAPH_CHARS:
        return None                                  # a paragraph longer than any real one
    start = 0 if start < 0 else start
    if start >= sent.start_char:
        return None
    block = coder.an.doc.char_span(start, sent.start_char, alignment_mode="expand")
    if block is None or len(block) > 400:
        return None
    groups = _group_names(coder, block)
    places = [(t.i, p) for t in block if t.i not in coder.unreal and t.i not in groups and
              (p := place_of(t, coder.an)) is not None and _locative(t) and not in_dateline(t)]
    places += [(t.i, p) for t in block if t.i not in coder.unreal
               and (p := anaphoric_place(coder, t)) is not None]
    return max(places, key=lambda x: x[0])[1] if places else None


def _loc_clause(coder, d) -> None:
    """The place the parse ties to the trigger, its carrier or its target (clause), else one
    merely named in the sentence (sentence)."""
    exclude = d.exclude
    if not (d.info.violent or d.m.entry.obj_is_target):
        # "denied ... on Monday" parsed as "on Ukraine", "Ukraine's stance on Israel": a country
        # after on/at is what a statement is about; an attack "at Ukraine" is where it hit
        exclude = exclude | {t.i for t in d.sent if (p := place_of(t, coder.an)) is not None
                             and aimed_at_country(t, p)}
    d.where, d.score = find_location(d.sent, d.anchors, exclude, coder.an, with_score=True)
    d.scope = "clause" if d.score >= 2 else ("sentence" if d.where else None)


def _loc_cause(coder, d) -> None:
    """"sanctions against settlers over violence in the West Bank", "jailed for attacks in
    Gao": a place inside the reason an act gives (event_places.yaml cause_preps + a common noun)
    is where the reason happened, not the act."""
    if d.where is None or d.info.violent:
        return
    tok = next((t for t in d.sent if t.i not in d.exclude and
                (place_of(t, coder.an) or ("",))[0] == d.where[0]), None)
    t, preps, occasions = tok, place_words("cause_preps"), place_words("occasion_nouns")
    for _ in range(8):
        if t is None or t.i in d.anchors or t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
            return
        # "met for talks in Doha" is where they met: an occasion is no reason
        if t.dep_ == "prep" and t.lower_ in preps and \
                any(c.dep_ == "pobj" and c.pos_ == "NOUN" and
                    not {c.lemma_.lower(), c.lower_} & occasions for c in t.children):
            d.where, d.score, d.scope = None, 0, None
            d.paths.append(f"place: none (named in the reason, '{t.text} ...')")
            return
        t = t.head


def _loc_statement(coder, d) -> None:
    """A statement happens where it is made: a place merely named in the sentence ("urged the
    United States and France to ...") is not where."""
    if d.info.verbal and d.score < 2:
        d.where, d.score, d.scope = None, 0, None


def _target_place(d):
    return (getattr(d.target.place, "name", None) or d.target.name, d.target.place)


def _loc_place_attacked(coder, d) -> None:
    """"shelled Kharkiv", "captured the town of X in Y region": the place attacked is where."""
    t = d.target
    if (d.info.violent or d.m.entry.obj_is_target or d.info.place_target) and t is not None and \
            t.place is not None and (d.score < 3 or _inside_target(d)) and \
            (getattr(t.place, "kind", None) or "").lower() != "country":
        d.where, d.scope = _target_place(d), "clause"


def _inside_target(d) -> bool:
    """"captured the village of Maiorsk in the Donetsk region": the place found modifies the
    target, so the target is the more precise place."""
    if d.where is None or d.target_tok is None:
        return False
    words = {t.text for p in d.target_tok.children if p.dep_ == "prep" and p.lower_ in W.loc_preps
             for t in p.subtree}
    return d.where[0].split()[0] in words


def _loc_destination(coder, d) -> None:
    """"1,500 more troops were sent to Catatumbo", "deployed units to the area south of the
    Litani": forces are raised or moved where they are sent (event_places.yaml destination_types,
    destination_preps); the place they go to is the event's, unless the clause names its own."""
    if d.score >= 3 or d.etype.lower() not in place_words("destination_types"):
        return
    preps = place_words("destination_preps")
    for v in (d.m.tok, d.m.carrier):
        for p in (c for c in (v.children if v is not None else ()) if c.dep_ in ("prep", "dative")
                  and c.lower_ in preps):
            found = next((pl for t in p.subtree if t.i not in d.exclude or t.i in _role_tokens(d)
                          if (pl := place_of(t, coder.an)) is not None and not in_dateline(t)), None)
            if found is not None:
                d.where, d.score, d.scope = found, 3, "clause"
                d.paths.append("place: where the forces were sent")
                return


def _role_tokens(d) -> set[int]:
    return d.target.tokens if d.target is not None and d.target.place is not None else set()


def _loc_home(coder, d) -> None:
    """A state calls up its own people at home: "Moscow began its mobilization of troops to
    bolster its offensive in Ukraine" happened in Russia."""
    if d.info.home_placed and d.score < 3 and d.actor is not None and d.actor.country and \
            not d.actor.via:          # a side taken from the story's places (events.cast) says no more
        home = _home_place(d.actor, coder.an, coder.actors)
        if home is not None:
            d.where, d.scope = home, "actor"


def _loc_target(coder, d) -> None:
    """No place named: the place (or place name) attacked."""
    t = d.target
    if d.where is not None or not (d.info.violent or d.m.entry.obj_is_target) or t is None:
        return
    if t.place is not None:
        d.where, d.scope = _target_place(d), "clause"
    elif d.target_tok is not None and d.target_tok.ent_type_ in ("GPE", "LOC", "FAC") and not t.sector:
        d.where, d.scope = (t.name, None), "clause"


def _loc_of_the_act(coder, d) -> None:
    """"the attack of Barsalogho", "the siege of El Fasher", "the capture of Pokrovsk": an act
    noun with a place of its own after "of" happened there."""
    tok = d.m.tok
    if d.where is not None or tok.pos_ != "NOUN":
        return
    for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for g in (c for c in p.children if c.dep_ == "pobj"):
            found = place_of(g, coder.an) if g.i not in d.exclude or _is_target_place(d, g) else None
            if found is not None and not in_dateline(g):
                d.where, d.scope = found, "clause"
                d.paths.append(f"place: the {tok.lower_} of {found[0]}")
                return


def _is_target_place(d, tok) -> bool:
    return d.target is not None and d.target.place is not None and tok.i in d.target.tokens


def _loc_paragraph(coder, d) -> None:
    """Stated earlier in the same paragraph (not the name of a participant)."""
    if d.where is not None or not (d.info.paragraph_placed or d.info.home_placed):
        return                     # a call-up with no home of its own: "placed on high alert"
    para = coder._paragraph_place(d.sent)
    if para is not None and not (d.actor is not None and para[0] == d.actor.name) \
            and not (d.target is not None and para[0] == d.target.name):
        d.where, d.scope = para, "paragraph"
        d.paths.append("place: earlier in the paragraph")


def _loc_the_country(coder, d) -> None:
    """"a state of emergency throughout the country": the actor's own country."""
    if d.where is None and d.actor is not None and d.actor.country and _the_country_here(d.sent):
        home = _home_place(d.actor, coder.an, coder.actors)
        if home is not None:
            d.where, d.scope = home, "clause"


def _loc_the_region(coder, d) -> None:
    """"declared a state of emergency in the province": the last place of that kind told in the
    sentence or before it ("Punjab Province")."""
    if d.where is not None:
        return
    for tok in d.sent:
        if tok.head.lower_ not in W.loc_preps or not _in_phrase(tok.head.head, d):
            continue              # "said no soldiers were killed in the city": not the statement's
        p = anaphoric_place(coder, tok)
        if p is not None:
            d.where, d.scope = p, "clause"
            d.paths.append(f"place: 'the {tok.lower_}' is {p[0]}")
            return


def _in_phrase(tok, d) -> bool:
    """Is tok the event's trigger, carrier, clause or target, or inside their phrase without
    crossing another verb ("declared a state of emergency [in the province]")?"""
    tied = d.anchors | ({d.target_tok.i} if d.target_tok is not None else set())
    t = tok
    for _ in range(6):
        if t.i in tied:
            return True
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return False
        t = t.head
    return False


def anaphoric_place(coder, tok):
    """(name, Location) a definite place noun with no name of its own stands for ("in the
    province" after "Punjab Province"), else None: the nearest earlier place of a fitting kind
    within the paragraph's reach."""
    if tok.dep_ != "pobj":
        return None
    return place_named_before(coder.an, tok, coder.unreal)


def place_named_before(an, tok, unreal=frozenset(), hit: bool = False):
    """(name, Location) the definite place noun at tok ("the city", "the province") stands
    for, whatever its role in the sentence (anaphoric_place's search, also for a target:
    "struck the city with drones"), else None."""
    nouns = place_words("anaphoric_place_nouns")
    noun = tok.lemma_.lower()
    if noun not in nouns or tok.tag_ != "NN" or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or \
            any(c.dep_ in ("compound", "amod", "poss", "prep", "nmod", "appos") for c in tok.children):
        return None
    kinds, doc = nouns[noun], tok.doc
    for t in reversed(doc[max(0, tok.i - 120):tok.i]):
        p = place_of(t, an)
        if p is None or t.i in unreal:
            continue
        named = t.text.lower() == noun or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == noun)
        if named and t.lower_ != noun:
            return p              # "the chief minister of Punjab Province ... in the province"
        if not (_locative(t) or _framed_by(t, noun) or _jurisdiction(t) or
                hit and t.dep_ in ("dobj", "nsubjpass")):   # "bombed Lashio ... hit the city again"
            continue              # "Dhaka cannot take one more refugee": a party, not a place
        kind = _kind(p[1])
        # a place the gazetteer does not know is a town more often than anything bigger
        if kind in kinds or (not kind and "city" in kinds):
            return p
    return None


def _jurisdiction(tok) -> bool:
    """"the governor of North Darfur", "the authorities of Khyber Pakhtunkhwa": the place an
    office or authority answers for."""
    while tok.dep_ == "compound" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        tok.head.head.lemma_.lower() in W.leader_nouns | {"authorities"}


def _framed_by(tok, noun: str) -> bool:
    """"the town of Buthidaung" for "the town": the place named with that very noun."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == noun


def _loc_truce(coder, d) -> None:
    """"the warring factions agreed to a ceasefire": talks or an agreement about ending the
    fighting, with no place of their own, happened where the fighting was told."""
    if d.where is not None or not d.info.between_parties or d.info.violent or \
            coder.ctx.last_assault_place is None:
        return
    words = place_words("truce_words")
    if any(t.lower_ in words or t.lemma_.lower() in words for t in d.sent):
        d.where, d.scope = coder.ctx.last_assault_place, "article"
        d.paths.append("place: where the fighting the truce ends was told")


def _loc_venue(coder, d) -> None:
    """"As a result, we've agreed to exchange prisoners" after "the talks in Istanbul": a
    statement with no place of its own is made at the venue of the talks told before (in the
    body: a headline's talks say nothing of where words were said); a threat or an accusation
    aimed at a party is no outcome of the talks and is not placed there, unless the same sentence
    tells the meeting it was made at ("delegates meeting in Doha on Monday called on ...")."""
    venue = coder.ctx.last_venue
    if d.where is not None or not d.info.verbal or venue is None:
        return
    here = coder.ctx.last_venue_at == coder.ctx.sentence_no
    if not here and d.etype.lower() in place_words("not_at_venue"):
        return
    if all(p[0] == venue[0] for p in locative_places(d.sent, coder.an)):
        d.where, d.scope = venue, "sentence" if here else "article"
        d.paths.append("place: the venue of the talks told " + ("in the sentence" if here else "before"))


def _loc_story(coder, d) -> None:
    """"JNIM claimed the attack ...", "Moscow said the strike had hit a command post": a
    follow-up on the fighting with no place of its own is where the fighting was told."""
    if d.where is None and d.info.violent and coder.ctx.last_assault_place is not None and \
            not any(place_of(t, coder.an) for t in d.sent):
        if when.in_a_period(coder, d):
            d.paths.append("place: none (an event of another period than the story's)")
            return                 # "60 people died last month in twin bombings": background
        d.where, d.scope = coder.ctx.last_assault_place, "article"
        d.paths.append("place: the last attack told in the article")


def place_the_lead(coder, events: list) -> None:
    """The lead tells the headline's incident: the first event, told in the first body
    sentences with no place of its own (none from its clause, nor from a later sentence or a
    retelling), happened where the headline places it ("Drone strike kills four in Kherson" /
    "Four people were killed when a drone hit a bus"), else, when it is no attack (a dateline is
    where the reporter files from, rarely where shells fell), where the article is filed from."""
    lead = events[0] if events else None
    if lead is None or lead.location is not None or lead.date_period is not None:
        return
    sent = _lead_sentence(coder, lead)
    if sent is None or _background(coder, sent):
        return
    own = [p for p in locative_places(sent, coder.an) if p[0] not in (lead.actor, lead.target)]
    head = headline_place(coder)
    if head is not None and all(p[0] == head[0] for p in own) and \
            lead.type.lower() not in place_words("not_at_headline"):
        # a threat or an accusation is made where its own clause says, not at the headline's place
        _place(coder, lead, head, "headline", "the headline's (the lead tells its incident)")
    elif not own and not coder.lex.type(lead.type).violent and \
            lead.type.lower() not in place_words("not_at_dateline"):
        place = dateline_place(coder.an)
        if place is not None:
            _place(coder, lead, place, "dateline", "the article's dateline (the lead's event)")


def _lead_sentence(coder, e, running: bool = False):
    """The sentence of a body event told in the article's first body sentences, else None.
    `running`: count only sentences of running text (`_lead_indices`), not the lines above the
    lead; the doer step uses it (measured: it names the White Army in "Dozens killed as White
    Army attacks army base" over a dateline line and a photo caption), the place steps keep the
    plain count (with it, a headline's country or a caption's place reached two lead events that
    the gold leaves unplaced, on dev and blind4)."""
    end = getattr(coder, "title_end", -1)
    if end is None or end < 0 or e.start < end:
        return None
    sents = coder.an.notes.get("sentences")
    if sents is None:
        sents = coder.an.notes["sentences"] = list(coder.an.doc.sents)
    starts = [s.start_char for s in sents]
    si = bisect.bisect_right(starts, e.start) - 1
    first = bisect.bisect_left(starts, end)
    if si < 0 or (si not in _lead_indices(coder, sents, starts, end) if running
                  else si - first >= LEAD_SENTENCES):
        return None
    return sents[si]


def _lead_indices(coder, sents, starts, end: int) -> frozenset:
    """The indices of the lead's sentences: the first LEAD_SENTENCES after the headline that
    stand in running text (`structure` body lines). A dateline on its own line, a byline, a
    photo caption or a "Key points" item above the first paragraph is no sentence of the lead
    (else "NASIR - 6 Nov 2026" and "File photo: ..." would push the lead out of its window).
    Without such a layout, the first sentences after the headline; worked out once per article."""
    memo = coder.an.notes.get("lead_indices")
    if memo is not None:
        return memo
    from ..structure import layout_of

    lay = layout_of(coder.an)
    first = bisect.bisect_left(starts, end)
    running = [i for i in range(first, len(sents)) if lay.kind_at(sents[i].start_char) == "body"]
    out = frozenset(running[:LEAD_SENTENCES] if running else range(first, first + LEAD_SENTENCES))
    coder.an.notes["lead_indices"] = out
    return out


def _background(coder, sent) -> bool:
    """Does the sentence speak of another time than a day ("in recent weeks", "last year")?"""
    if "background_starts" not in coder.an.notes:
        sents = coder.an.notes.get("sentences") or list(coder.an.doc.sents)
        coder.an.notes["background_starts"] = {sents[i].start for i in coder._background_sentences()
                                               if i < len(sents)}
    return sent.start in coder.an.notes["background_starts"]


def _place(coder, e, where, scope: str, why: str) -> None:
    loc = where[1]
    e.location, e.location_scope = where[0], scope
    e.country = getattr(loc, "country", None) or e.country
    e.lat, e.lon, e.admin1 = getattr(loc, "lat", None), getattr(loc, "lon", None), getattr(loc, "admin1", None)
    e.geo_precision = geo_precision(loc)
    if (getattr(loc, "kind", None) or "").lower() == "country":
        e.location_scope = "country"
    for t in coder._traces_with(e):
        if t.event is e:
            t.reason += f"; place: {why}"


def headline_place(coder):
    """(name, Location) of the place the headline names as a place (under in/at/near..., else
    as a modifier: "Kharkiv strike"), if any; noted once per article."""
    an = coder.an
    if "headline_place" not in an.notes:
        an.notes["headline_place"] = _first_headline_place(coder)
    return an.notes["headline_place"]


def _first_headline_place(coder):
    end = getattr(coder, "title_end", -1)
    if end is None or end <= 0:
        return None
    span = coder.an.doc.char_span(0, end, alignment_mode="contract")
    if span is None or len(span) > HEADLINE_TOKENS:
        return None
    places = coder.an.token_place          # a place the places stage resolved, not a bare NER span
    placed = [(tok, (places[tok.i].name, places[tok.i])) for tok in span if tok.i in places
              and _locative(tok) and tok.i not in coder.unreal]
    under = [p for tok, p in placed if _under_loc_prep(tok)]
    return (under or [p for _, p in placed] or [None])[0]


def _loc_dateline(coder, d) -> None:
    """A protest or arrest with no place of its own happened where the story's fighting was
    told, else where the article is filed from ("KHARTOUM (Reuters) - Thousands marched ...");
    an attack is never placed by a dateline."""
    if d.where is not None or not d.info.paragraph_placed or d.info.violent or when.in_a_period(coder, d):
        return
    if coder.ctx.last_assault_place is not None and not any(place_of(t, coder.an) for t in d.sent):
        d.where, d.scope = coder.ctx.last_assault_place, "article"
        d.paths.append("place: the last attack told in the article")
        return
    if d.etype.lower() in place_words("not_at_dateline"):
        return
    d.where = dateline_place(coder.an)
    if d.where is not None:
        d.scope = "dateline"
        d.paths.append("place: the article's dateline")


def _loc_district(coder, d) -> None:
    """A district is placed at its city, never at a namesake elsewhere; a country is a country
    (its centroid is not the event's point: scope "country")."""
    fixed = city_of_district(d.where, d.sent, coder.an)
    if fixed is not None:
        d.where = fixed
    loc = d.where[1] if d.where else None
    if loc is not None and (getattr(loc, "kind", None) or "").lower() == "country":
        d.scope = "country"


def _kind(loc) -> str:
    return (getattr(loc, "kind", None) or "").lower()


def _loc_loose_country(coder, d) -> None:
    """A country named in another clause than the event, one of them a relative or adverbial
    clause ("the biggest armed group still active in Colombia since the government signed a deal
    with FARC, which disarmed in 2017"; "the militia, which is active in Libya, withdrew") is
    not where the event was: the event keeps its country and no place (a country's centroid is
    never an event's point)."""
    if d.scope != "sentence" or d.where is None or _kind(d.where[1]) != "country" or \
            d.info.home_placed:
        return
    country = next((t for t in d.sent if t.i not in d.exclude and
                    (place_of(t, coder.an) or ("",))[0] == d.where[0]), None)
    if country is None or not _other_clauses(country, d.clause):
        return                     # "Russian forces in Ukraine began attacking ...": kept
    d.where_cc = getattr(d.where[1], "country", None)
    d.where, d.score, d.scope = None, 0, None
    d.paths.append("place: none (the country is named outside the event's clause)")


def _other_clauses(a, b) -> bool:
    """Do two tokens lie in different clauses, one of them a relative or adverbial clause the
    other is outside of ("the militia, which is still active in Libya, withdrew")?"""
    sa, sb = _subordinate_clause(a), _subordinate_clause(b)
    return (sa is not None and b not in sa.subtree) or (sb is not None and a not in sb.subtree)


def _subordinate_clause(clause):
    """The nearest relative or adverbial clause the event's clause lies in, or None."""
    t = clause
    for _ in range(10):
        if t.dep_ in ("relcl", "acl", "advcl"):
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def _loc_in_target(coder, d) -> None:
    """"occupied the main access routes to Macomia", "blocked the road to Goma": a place named
    inside the target's phrase."""
    if d.where is not None or d.target_tok is None or not d.info.physical:
        return
    # the parse often hangs "to X" on the verb: "occupied [the routes] [to Macomia]"
    to = [t for p in d.m.tok.children if p.dep_ == "prep" and p.lower_ in ("to", "into", "toward", "towards")
          and d.target_tok.head.i == d.m.tok.i for t in p.subtree]
    for tok in [*d.target_tok.subtree, *to]:
        p = place_of(tok, coder.an) if tok.i not in d.exclude and tok.i != d.target_tok.i else None
        if p is not None and _kind(p[1]) != "country" and not in_dateline(tok):
            d.where, d.scope = p, "clause"
            d.paths.append("place: named in the target's phrase")
            return


def _loc_town_in_region(coder, d) -> None:
    """"attacked the town of Macomia, in the province of Cabo Delgado", "in general area Tirah,
    Khyber district": a province or region found while the sentence names a town inside it
    (the gazetteer says so, or the region's phrase follows the town's): the town is where."""
    if d.where is None:
        return
    an, region = coder.an, d.where
    first = next((t for t in d.sent if (place_of(t, an) or ("",))[0] == region[0]), None)
    if first is None or not _a_region(region, first):
        return
    town = None
    # the town may be the target itself ("stormed the town of Mahaday, in the X region")
    skip = d.exclude - (d.target.tokens if d.target is not None else set())
    for tok in d.sent:
        if tok.i >= first.i:
            break
        p = place_of(tok, an) if tok.i not in skip and not in_dateline(tok) else None
        if p is not None and p[0] != region[0] and _kind(p[1]) not in place_words("region_kinds") \
                and _kind(p[1]) != "country" and _town_inside(p, tok, region, first):
            town = p
    if town is not None:
        d.where, d.scope = town, "clause"
        d.paths.append(f"place: the town named inside {region[0]}")


def _loc_finer_than_frame(coder, d) -> None:
    """"In the southern Zaporizhzhia region, a drone hit a minibus near the town of Orikhiv":
    a sentence that opens with a region as its frame ("In <region>,") and names a town inside
    it (by the gazetteer's region, else its country and distance) in the event's clause
    happened in that town. A city frame keeps its districts (the city is where)."""
    if d.where is None or _kind(d.where[1]) == "country":
        return
    an, wide = coder.an, d.where
    first = next((t for t in d.sent if (place_of(t, an) or ("",))[0] == wide[0]), None)
    if first is None or not _opening_frame(first):
        return
    if not _a_region(wide, first):
        return                    # "In Kyiv, ... in the Solomianskyi district": the city stays
    skip = d.exclude - (d.target.tokens if d.target is not None else set())
    for tok in d.clause.subtree:
        p = place_of(tok, an) if tok.i > first.i + 1 and tok.i not in skip and not in_dateline(tok) else None
        if p is None or p[0] == wide[0] or p[0] in wide[0] or _kind(p[1]) in ("country", *place_words("region_kinds")):
            continue
        if _inside_wide(p, wide):
            d.where, d.scope = p, "clause"
            d.paths.append(f"place: the finer place named inside {wide[0]}")
            return


def _opening_frame(tok) -> bool:
    """A place under "in"/"across" that opens the sentence and frames its main clause."""
    t = tok
    while t.dep_ in ("compound", "amod", "nmod", "appos") and t.head is not t:
        t = t.head
    prep = t.head
    return t.dep_ == "pobj" and prep.lower_ in ("in", "across") and prep.i - tok.sent.start <= 2 and \
        prep.head.pos_ in ("VERB", "AUX") and prep.i < prep.head.i


def _inside_wide(place, wide, km: float = 300) -> bool:
    """Is a place inside the wide one: the gazetteer's region says so, else the same country
    and near enough (an unknown name, with no point, is taken as inside)."""
    loc, outer = place[1], wide[1]
    if loc is None or outer is None or getattr(outer, "lat", None) is None and not getattr(outer, "country", None):
        return True
    admin1 = (getattr(loc, "admin1", None) or "").lower()
    name = wide[0].lower()
    if admin1 and (name in admin1 or admin1 in name):
        return True
    if getattr(loc, "country", None) is None:
        return True               # a name the gazetteer lacks: the frame places it
    if getattr(loc, "country", None) != getattr(outer, "country", None):
        return False
    if getattr(loc, "lat", None) is None or getattr(outer, "lat", None) is None:
        return True
    from .roles import _km
    return _km(loc, outer) <= km


def _a_region(where, tok) -> bool:
    """A province or region: so the gazetteer says, or the text names it so ("Taiz province",
    "in the Middle Shabelle region", "Chin state")."""
    if _kind(where[1]) in place_words("region_kinds"):
        return True
    doc, last = tok.doc, tok.i
    while last + 1 < len(doc) and doc[last + 1].text in where[0].split():
        last += 1
    nouns = place_words("anaphoric_place_nouns")
    if last + 1 < len(doc) and nouns.get(doc[last + 1].lower_, frozenset()) & place_words("region_kinds"):
        return True
    after = " ".join(t.lower_ for t in doc[last + 1:last + 4])
    # "Maru local government area", "Haiti's Centre department": framed as an area
    return any(after == a or after.startswith(a + " ") for a in place_words("area_nouns"))


def _town_inside(town, tok, region, region_tok) -> bool:
    admin1 = (getattr(town[1], "admin1", None) or "").lower()
    if admin1 and region[0].lower() in admin1 or admin1 and admin1 in region[0].lower():
        return True
    between = tok.doc[tok.i + 1:region_tok.i]
    return len(between) <= 10 and not any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("and", "or")
                                          for t in between)


LOCATE = (_loc_clause, _loc_on_object, _loc_cause, _loc_statement, _loc_loose_country,
          _loc_place_attacked, _loc_destination, _loc_home, _loc_target, _loc_in_target,
          _loc_town_in_region, _loc_finer_than_frame, _loc_the_region, _loc_of_the_act, _loc_paragraph, _loc_the_country,
          _loc_truce, _loc_venue, _loc_story, _loc_dateline, _loc_district)


def _sentence_country(sent, an) -> str | None:
    """The one country all resolved places of the sentence lie in, if they agree."""
    found = {getattr(an.token_place.get(t.i), "country", None) for t in sent if t.i in an.token_place}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _the_country_here(sent) -> bool:
    """Does the sentence place something "in / across / throughout the country"?"""
    return any(t.lemma_.lower() in ("country", "nation") and t.dep_ == "pobj" and
               t.head.lower_ in ("in", "across", "throughout", "nationwide", "around") and
               any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and
               not any(c.dep_ in ("amod", "compound", "prep") for c in t.children)
               for t in sent)


def _home_place(actor: Role, an, actors: ActorTable):
    """(name, Location-like) of the actor's own state, with the article's coordinates for it
    when the article names it."""
    state = actors.state_of(actor.country)
    if state is None:
        return None
    for loc in an.locations or []:
        if loc.name == state.name or getattr(loc, "country", None) == actor.country and \
                (getattr(loc, "kind", "") or "").lower() == "country":
            return loc.name, loc
    return state.name, SimpleNamespace(name=state.name, country=actor.country, lat=None, lon=None,
                                       admin1=None, kind="country")


def _name_tokens(tokens: set[int], doc) -> set[int]:
    """The token indices of whole names around a role's head tokens ("United" of "United
    States"), so the rest of a participant's name is not taken for the event's place."""
    out = set(tokens)
    for i in tokens:
        t = doc[i]
        if t.pos_ != "PROPN":
            continue                  # "Abu Shouk camp": the place named on a common noun stays a place
        out |= {c.i for c in t.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"}
        ent = ent_span(t) if t.ent_iob_ != "O" else None
        if ent is not None:
            out |= set(range(ent.start, ent.end))
    return out


def _under_loc_prep(tok) -> bool:
    t = tok
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "on", "at", "near", "into", "onto", "upon"):
            return True
        if t.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        t = t.head
    return False
