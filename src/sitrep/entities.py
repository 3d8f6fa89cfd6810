"""Persons and organizations with canonical names, aliases, roles and countries (after places).

``find_entities(an) -> (persons, organizations)``: one Entity per person / organization in the
article, in order of first mention, each with every mention as evidence. It fills
``an.token_entity[token_index] = Entity`` for every token of every name mention (titles and
honorifics excluded: in "President Putin" only "Putin" maps), so events can find an actor by token.

Repairs over spaCy's PERSON/ORG entities:
- a span that places already claimed (``an.token_place``: Kherson tagged PERSON) is not an entity;
  NORP groups ("Russians") are not entities; junk (lower case, single letters, numbers) is dropped;
- titles and honorifics (``data/titles.yaml``) are stripped from person names and read from the
  words just before a name: "Russian Foreign Minister Sergei Lavrov" -> name "Sergei Lavrov",
  role "Foreign Minister", country "RU" (demonym or country before the title);
- possessives are stripped ("Putin's" -> Putin), a leading "the" too;
- canonical person name = the fullest form in the article; shorter forms ("Putin", "Mr Putin",
  "President Putin") become aliases. Two full names are the same person when their surnames match
  (transliterations via rapidfuzz) and their given names are equal or variants in
  ``data/name_variants.yaml`` (Dmitri/Dmitry; Vladimir/Volodymyr are NOT variants).
  A surname alone links to the full name with that surname;
- organizations: ``data/organizations.yaml`` gives canonical names, acronyms, country and finds
  known names spaCy missed; an acronym the article defines ("... Republic (DPR)") or whose letters
  are the initials of an organization in the article is merged with it; a demonym followed by a
  state institution of ``data/institutions.yaml`` is one ("British Army", "Russian military"),
  while groups of people ("Russian forces") are left to the events coder;
- names the model cuts short or misses are completed: proper nouns right after a PERSON span
  ("Gen. Oleksandr" + "Syrskyi") and two or three proper nouns after a capitalised title; a given
  name the model labelled otherwise ("Oleksandr" GPE + "Prokudin"); two PERSON spans split at a
  particle ("Mohammed bin Abdulrahman" + "Al Thani"); a title + name tagged ORG is a person;
- weapon systems and platforms (``data/equipment.yaml``) are never entities; outlets are
  organizations: known ones (``organizations.yaml`` kind media), a name next to a media noun
  ("the outlet Az-Zallaqa", "Al-Manar television"), the outlet of a wire dateline
  ("BEIRUT, July 14 (Levant Wire) -"); a name in apposition to a group noun ("Viv Ansanm, a
  coalition of gangs") is an organization; "(Reporting by ...)" credit lines name no persons;
- state bodies: "Russia's defence ministry" -> "Russian Ministry of Defence" (the table's name,
  else "Lebanese Health Ministry"); capitalised bodies without an owner ("the General Staff of
  the Armed Forces", "Ministry of Reintegration"); an institution used as an adjective
  ("Ukrainian army command post") is not named; a generic body word alone at a sentence start
  ("Army spokesman ...") names nothing;
- named armed groups: a name, ordinal or code before a group noun ("Tavria group of forces",
  "56th brigade", "M62 movement", "Gran Grif gang" with alias "Gran Grif"); a mission "in" a
  country keeps it ("African Union Transition Mission in Somalia");
- "X, better known as Y" / "known as the Y": Y is an alias of X, and later mentions of Y join X;
- a name every form of which is one of the article's places, with no role, is that place told
  again ("the Diapaga attack"); credit lines (bylines, picture credits, "X reported from Y.",
  press contact lines) name no one; a body and its officer run together ("the UN Vasily
  Nebenzya", "the mayor of Kharkiv Ihor Terekhov") are split; a particle surname alone
  ("Al-Burhan") is the person named in full; lines in capitals and line-opening generic
  words ("* Police said") name no body.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from .gazetteer import (candidates, geocode, country_adjectives, country_code, demonym_country, is_acronym,
                        is_equipment, MEDIA_NOUNS, normalize, organization)
from .record import Entity, Location
from .dates import MONTHS, WEEKDAYS
from .knowledge import get_knowledge
from .recognisers import (QUOTES, acronym_expansions, after_ship_noun, compound_modifier, dateline_outlets,
                          one_line,
                          entity_words, given_names, headline_tokens, is_role_word,
                          names_a_body, speaks, translit_key, longest_spans, matchers,
                          org_like, quoted_names, roles_by_word, slashed_outlets, titles)

NAME_PARTICLES = {"al", "al-", "bin", "ibn", "de", "da", "di", "van", "von", "der", "den", "la",
                  "le", "el", "du", "dos", "abu", "bint", "ben", "del", "y"}
SURNAME_MATCH = 88          # rapidfuzz ratio for two transliterations of one surname
MAX_PERSON_TOKENS = 5
TOWN_MIN_POPULATION = 1000  # a gazetteer place this big after "in"/"near" is a town, not a person
POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")

def _variant_groups() -> dict[str, int]:
    """normalised given name -> its transliteration group (data/name_variants.yaml)."""
    return get_knowledge().group_index("name_variants.yaml", normalize)


def same_surname(a: str, b: str) -> bool:
    ta, tb = translit_key(a), translit_key(b)
    if ta == tb:
        return True
    return min(len(ta), len(tb)) >= 5 and fuzz.ratio(ta, tb) >= SURNAME_MATCH


def _preferred_given_names() -> dict[str, str]:
    """normalised variant -> the usual English spelling (data/name_spellings.yaml)."""
    return get_knowledge().derived("entities.spellings", lambda kb: {
        normalize(str(k)): str(v) for k, v in (kb.yaml("name_spellings.yaml") or {}).items()})


def canonical_spelling(name: str) -> str:
    """"Dmitri Medvedev" -> "Dmitry Medvedev": one transliteration of the given name, the key the
    corpus store links the same person by across articles. The article record keeps the name as
    the article introduces it (SCHEMA.md); only the store uses this form."""
    first, sep, rest = name.partition(" ")
    if not sep:
        return name
    preferred = _preferred_given_names().get(normalize(first))
    return f"{preferred} {rest}" if preferred and preferred != first else name


def same_given_name(a: str, b: str) -> bool:
    na, nb = normalize(a), normalize(b)
    if na == nb:
        return True
    if len(na) == 1 or len(nb) == 1:           # an initial: "V. Putin"
        return na[:1] == nb[:1]
    groups = _variant_groups()
    return na in groups and groups.get(na) == groups.get(nb)


# -- spans --------------------------------------------------------------------------------------

def _strip(doc, start: int, end: int) -> tuple[int, int]:
    """No leading 'the'/punctuation, no trailing possessive/punctuation, cut at '(' and at a line
    break."""
    start, end = one_line(doc, start, end)
    for i in range(start, end):
        if i > start and (doc[i].text in ("(", "[", ",", ";", ":", "\u2014", "\u2013") or
                          doc[i].text in ("-", "--") and doc[i].whitespace_ and doc[i - 1].whitespace_):
            end = i                       # "Reuters - Kremlin": a dateline's dash ends the name
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct
                           or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _group_heads() -> frozenset[str]:
    return entity_words("group_heads")


def _is_junk(text: str, institution: bool = False) -> bool:
    letters = [c for c in text if c.isalpha()]
    if organization(text) is not None:
        return False                      # "G7", "M23"
    words = text.split()
    if len(words) >= 2 and (_ORDINAL.match(words[0].lower()) or words[0].isdigit()) and \
            words[-1].lower() in _group_heads():
        return False                      # "56th brigade", "444 Brigade"
    if len(letters) < 2 or (text.islower() and not institution) or not text[:1].isalpha():
        return True
    return any(c.isdigit() for c in text) and not is_acronym(text) and not institution \
        and text.split()[-1].lower() not in _group_heads()      # "56th brigade", "M62 movement"


def _person_ok(tokens) -> bool:
    if not tokens or len([t for t in tokens if not t.is_punct]) > MAX_PERSON_TOKENS:
        return False                      # "Abdul-Malik al-Houthi" is four words
    if all(t.lower_ in roles_by_word()[2] for t in tokens):
        return False                      # "Prime Minister" alone is a title, not a name
    if len(tokens) == 1 and (tokens[0].pos_ != "PROPN" or tokens[0].is_stop):
        return False                      # "Tweet", "Share": page words the model calls PERSON
    for t in tokens:
        if t.lower_ in NAME_PARTICLES or t.is_punct:
            continue
        if not t.text[:1].isupper() or t.like_num:
            return False
    return True


def _layout_labels() -> frozenset[str]:
    """Layout words before a speaker's name and colon (speaker_nouns.yaml `labels`: "Quote",
    "Literally"): never part of the name."""
    return get_knowledge().derived("entities.layout_labels", lambda kb: frozenset(
        str(w).lower() for w in (kb.yaml("speaker_nouns.yaml") or {}).get("labels") or ()))


def _leading_title(lows, start: int, end: int) -> int:
    """Index after title/honorific words at the start of a PERSON span ("President Putin")."""
    honorifics = titles()[0]
    first, _, _ = roles_by_word()
    labels = _layout_labels()
    while start < end - 1:
        if lows[start] in honorifics or lows[start] in labels:   # "Literally Hryhorov: “…”"
            start += 1
            continue
        role = next((r for r in first.get(lows[start], ())
                     if start + len(r) < end and tuple(lows[start:start + len(r)]) == r), None)
        if role:
            start += len(role)
        elif demonym_country(lows[start]) and start + 1 < end and \
                any(tuple(lows[start + 1:start + 1 + len(r)]) == r
                    for r in first.get(lows[start + 1], ())):
            start += 1
        else:
            break
    return start


def _in_role(lows, start: int, end: int) -> bool:
    """True when the span is part of a longer title: "State" in "Secretary of State",
    "Defence" in "Defence Minister"."""
    _, _, anyw = roles_by_word()
    for r in anyw.get(lows[start], ()):
        n = len(r)
        if n <= end - start:
            continue
        for b in range(max(0, end - n), start + 1):
            if tuple(lows[b:b + n]) == r:
                return True
    return False


def _context_before(an, lows, start: int) -> tuple[str | None, str | None, str | None, int]:
    """(role, honorific, country, first index) from the words right before a name."""
    doc = an.doc
    honorifics, _, role_names = titles()
    _, last, _ = roles_by_word()
    i = start
    role = honorific = country = None
    if i > 0 and lows[i - 1] in honorifics:
        honorific = doc[i - 1].text
        i -= 1
    if i > 0:
        for r in last.get(lows[i - 1], ()):
            n = len(r)
            if i - n >= 0 and tuple(lows[i - n:i]) == r:
                role = doc[i - n:i].text if doc[i - n].text[:1].isupper() else role_names[r]
                i -= n
                break
    if role:
        # "Russian Foreign Minister", "Ukraine's President", "US Secretary of State"
        # ... or a word or two earlier: "Russian opposition leader", "Ukraine's top general"
        j = i - 1
        for _ in range(3):
            if j < 0 or doc[j].is_punct and doc[j].text not in POSSESSIVES:
                break
            if doc[j].text in POSSESSIVES:
                j -= 1
                continue
            loc = an.token_place.get(j)
            if loc is not None and loc.country:          # "Kharkiv Governor" -> UA
                country = loc.country
                break
            if demonym_country(doc[j].text):
                country = demonym_country(doc[j].text)
                break
            if doc[j].pos_ not in ("ADJ", "NOUN") or not doc[j].is_lower:
                break
            j -= 1
    return role, honorific, country, i


CREDIT_OBJECTS = ("report", "story", "article", "reporting")
CREDIT_WORDS = {"reporting", "writing", "editing", "compiled", "contributed", "production",
                "translated", "photos", "additional"}


# common nouns for bodies: capitalised alone at a sentence start they name nothing
GENERIC_BODIES = {"army", "military", "junta", "government", "police", "navy", "ministry",
                  "cabinet", "parliament", "regime", "coalition", "militia", "rebels", "council",
                  "gang", "gangs", "cartel"}


def _media_context(doc, s: int, e: int) -> bool:
    """A name right after or before a media noun is an outlet: "the outlet Az-Zallaqa",
    "Al-Manar television"."""
    return (s > 0 and doc[s - 1].lower_ in MEDIA_NOUNS) or (e < len(doc) and
                                                           doc[e].lower_ in MEDIA_NOUNS)


ORG_APPOSITION = {"coalition", "group", "gang", "militia", "movement", "alliance", "party",
                  "organisation", "organization", "network", "faction", "federation", "union",
                  "agency", "company", "outlet", "monitor", "charity", "militias", "firm",
                  "consortium", "cartel", "collective", "rebel", "armed", "jihadist", "umbrella"}


def _org_apposition(doc, e: int) -> bool:
    """A name followed by ", a coalition of gangs" / ", an armed group" is an organization."""
    if e + 2 >= len(doc) or doc[e].text != "," or _person_apposition(doc, e):
        return False                      # ", the rebel leader,": a person
    k = e + 1 + (doc[e + 1].lower_ in ("a", "an", "the"))
    return k < len(doc) and doc[k].lower_ in ORG_APPOSITION


APPOSITION_ROLE_SKIP = {"affairs", "defence", "defense", "state", "staff", "head", "deputy"}


def _person_apposition(doc, e: int) -> bool:
    """A name followed by ", the president," / ", the former army chief who" / ", a senior
    commander of ...": a role in apposition, so the name is a person's."""
    if e + 2 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ not in ("the", "a", "an"):
        return False
    _, last, _ = roles_by_word()
    for k in range(e + 2, min(e + 6, len(doc))):
        tok = doc[k]
        if tok.lower_ in last and tok.lower_ not in APPOSITION_ROLE_SKIP:
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            return nxt is None or nxt.is_punct and nxt.text not in POSSESSIVES or \
                nxt.lower_ in ("of", "who", "for", "in", "and")
        if tok.is_punct or tok.text in POSSESSIVES or not (tok.is_lower or demonym_country(tok.text)):
            return False
    return False


def _untagged_outlets(doc, covered, token_place):
    """ORG spans for proper nouns the model left untagged right before a media noun: "its
    Andalus radio station", "the Sawt al-Sham channel"."""
    out = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in MEDIA_NOUNS or i == 0:
            continue
        k = i
        while k > 0 and i - k < 3 and doc[k - 1].pos_ == "PROPN" and \
                doc[k - 1].text[:1].isupper() and doc[k - 1].ent_iob_ == "O" and \
                k - 1 not in covered and k - 1 not in token_place and \
                not demonym_country(doc[k - 1].text) and not is_role_word(doc[k - 1].text):
            k -= 1
        if k < i and not doc[k].is_sent_start:
            out.append((k, i, "ORG"))
    return out


# -- edges and joins ----------------------------------------------------------------------------


def _trim_leading(an, lows, s: int, e: int) -> tuple[int, bool]:
    """(new start, place cue) with no date ("Monday Dmitry Peskov"), no dateline place ("KYIV
    Reuters") and no capitalised preposition ("Near Kupiansk") at the start of a span; the cue is
    True when a preposition opened a one- or two-word span, which then names a place."""
    doc = an.doc
    preps = entity_words("locative_preps")
    cue = False
    while s < e - 1:
        tok = doc[s]
        if tok.ent_type_ in ("DATE", "TIME") or lows[s] in WEEKDAYS or lows[s] in MONTHS:
            s += 1
        elif tok.text.isupper() and len(tok.text) > 2 and s in an.token_place:
            s += 1                        # the dateline's place
        elif lows[s] in preps and tok.text[:1].isupper():
            s += 1
            cue = e - s <= 2 and not any(i in an.token_entity for i in range(s, e))
        else:
            break
    return s, cue


def _join_of_parts(doc, candidates):
    """A body's part and the body, split by the model at "of": "the Operational Command" +
    "of" + "the Polish Armed Forces" is one name when the first ends in a capitalised head of
    ``part_heads`` (data/entity_words.yaml) and the second is an ORG span the table does not
    know."""
    out: list[tuple[int, int, str]] = []
    for c in sorted(candidates):
        if out and out[-1][2] == "ORG" and c[2] == "ORG" and c[0] == out[-1][1] + 1 and \
                doc[out[-1][1]].lower_ == "of" and doc[out[-1][1] - 1].text[:1].isupper() and \
                doc[out[-1][1] - 1].lower_ in entity_words("part_heads") and \
                organization(doc[slice(*_strip(doc, c[0], c[1]))].text) is None:
            out[-1] = (out[-1][0], c[1], "ORG")   # a known body stays itself: "the Security
                                                  # Council" + "of the United Nations"
            continue
        out.append(c)
    return out


def _merge_glued(doc, candidates):
    """Join spans the tokenizer split inside one written word: "Censor" + "." + "NET"."""
    out: list[tuple[int, int, str]] = []
    for c in sorted(candidates):
        if out and out[-1][2] == "ORG" or out and c[2] == "ORG":
            ps, pe, pl = out[-1]
            between = doc[pe:c[0]]
            if c[0] - pe <= 1 and not doc[pe - 1].whitespace_ and \
                    all(t.text in (".", "-", "/") and not t.whitespace_ for t in between):
                out[-1] = (ps, c[1], "ORG")
                continue
        out.append(c)
    return out


def _extend_long_name(an, c):
    """"Islamic State of Iraq and the Levant", "... of Iraq and Syria": a name that ends in a place
    after "of" goes on over "and (the) Place"; the model cuts it at the "and"."""
    doc = an.doc
    s, e, label = c
    if label == "ORG" and e + 4 <= len(doc) and doc[e].lower_ == "of" and _place_word(an, e + 1):
        m = e + 1                         # known "Islamic State" + "of Iraq and Syria"
        while m < len(doc) and doc[m].text[:1].isupper() and _place_word(an, m):
            m += 1
        if m < len(doc) and doc[m].lower_ == "and":
            longer = _extend_long_name(an, (s, m, label))
            return longer if longer[1] > m else c
    if label != "ORG" or e + 2 > len(doc) or doc[e].lower_ != "and" or \
            not any(t.lower_ in ("of", "in") for t in doc[s:e - 1]):
        return c
    k = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "the")
    m = k
    while m < len(doc) and doc[m].text[:1].isupper() and _place_word(an, m):
        m += 1
    if m == k or not _place_word(an, e - 1):
        return c
    _drop_place_mentions(an, range(s, m))
    return (s, m, label)


NAME_GLUE_WORDS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "al", "el", "la",
                   "le", "bin", "ibn", "van", "von", "der", "y", "e", "da", "di", "without", "at",
                   "to", "against", "sans"}
OF_HEADS = {"department", "ministry", "office", "bureau", "secretariat", "directorate",
            "commission", "committee", "agency", "administration"}


def _extend_of_tail(doc, c):
    """"US Department" + "of the Treasury": a body's name goes on over "of (the) Capitalised"."""
    s, e, label = c
    if label != "ORG" or e + 2 >= len(doc) or doc[e - 1].lower_ not in OF_HEADS or \
            not doc[e - 1].text[:1].isupper() or doc[e].lower_ != "of":
        return c
    k = e + 1 + (doc[e + 1].lower_ == "the")
    m = k
    while m < len(doc) and m - k < 4 and doc[m].text[:1].isupper() and \
            doc[m].pos_ in ("PROPN", "NOUN") and not doc[m].is_sent_start:
        m += 1
    return (s, m, label) if m > k else c


def _media_names(an, lows):
    """ORG spans for outlets named with a capitalised media head: "UrduPoint News", "HumAngle
    Media", "Nam News Network", "Kyiv Post" (a place in the name belongs to the outlet)."""
    doc = an.doc
    heads = entity_words("media_heads")
    out = []
    for i, tok in enumerate(doc):
        if lows[i] not in heads or not tok.text[:1].isupper() or \
                (i + 1 < len(doc) and lows[i + 1] in heads and doc[i + 1].text[:1].isupper()):
            continue
        k = i
        while k > 0 and i - k < 4 and doc[k - 1].text[:1].isupper() and not doc[k - 1].is_punct:
            k -= 1
        while k < i and (lows[k] in heads or demonym_country(doc[k].text) or is_role_word(lows[k])
                         or doc[k].pos_ not in ("PROPN", "NOUN") or lows[k] in ("the", "a")):
            k += 1
        if k < i and not any(is_role_word(lows[m]) for m in range(k, i)):
            if any(m in an.token_place for m in range(k, i)):
                _drop_place_mentions(an, range(k, i + 1))
            out.append((k, i + 1, "ORG"))
    return out


CREDIT_LABELS = {"source", "sources", "credit", "credits", "via", "courtesy"}
FACTION_NOUNS = {"faction", "factions", "group", "gang", "cartel", "militia", "movement", "wing",
                 "brigade", "cell", "network", "clan", "battalion"}


def _credited_sources(an):
    """ORG spans for the body a photo or a text is credited to: "Kherson Regional State
    Administration/Handout via Reuters", a line "Source: Humanglemedia"."""
    doc = an.doc
    out = []
    for i, tok in enumerate(doc):
        if tok.lower_ == "handout" and i >= 2 and doc[i - 1].text == "/":
            k = i - 1
            while k > 0 and i - k <= 6 and (doc[k - 1].text[:1].isupper() or
                                            doc[k - 1].lower_ in NAME_GLUE_WORDS and k - 1 > 0):
                k -= 1
            while k < i - 1 and doc[k].lower_ in NAME_GLUE_WORDS:
                k += 1
            if k < i - 1:
                out.append((k, i - 1, "ORG"))
        if tok.lower_ in CREDIT_LABELS and i + 2 < len(doc) and doc[i + 1].text == ":" and \
                (i == 0 or doc[i - 1].is_space):
            j = i + 2
            while j < len(doc) and not doc[j].is_space and doc[j].text[:1].isupper():
                j += 1
            placed = [an.token_place[m] for m in range(i + 2, j) if m in an.token_place]
            if i + 2 < j <= i + 5 and (j == len(doc) or doc[j].is_space) and \
                    not any(loc.lat is not None for loc in placed) and \
                    not any(t.lower_ in entity_words("credit_material") for t in doc[i + 2:j]):
                if placed:
                    _drop_place_mentions(an, range(i + 2, j))   # "Source: Darfur24" tagged GPE
                out.append((i + 2, j, "ORG"))
    return out


def _quoted_factions(doc):
    """ORG spans for a faction named in quotation marks before a group noun or after "known as":
    the "Mayitos" faction, a rival faction known as the "Chapitos"."""
    out = []
    for i, tok in enumerate(doc[:-2]):
        if tok.text not in QUOTES:
            continue
        j = i + 1
        while j < len(doc) and j - i <= 4 and doc[j].text[:1].isupper() and doc[j].text not in QUOTES:
            j += 1
        if j == i + 1 or j >= len(doc) or doc[j].text not in QUOTES and \
                not (doc[j].text == "." and j + 1 < len(doc) and doc[j + 1].text in QUOTES):
            continue
        after = doc[j + 1].lower_ if j + 1 < len(doc) else ""
        before = [t.lower_ for t in doc[max(0, i - 6):i]]
        if after in FACTION_NOUNS or ("known" in before and any(w in FACTION_NOUNS for w in before)):
            out.append((i + 1, j, "ORG"))
    return out


def _place_word(an, i: int) -> bool:
    tok = an.doc[i]
    return i in an.token_place or tok.ent_type_ in ("GPE", "LOC") or bool(_country_places(tok.text))


def _drop_place_mentions(an, tokens) -> None:
    """The place mentions on `tokens` belong to an organization's name: they leave the places
    (and a place with no mention left leaves the article)."""
    tokens = list(tokens)
    span = an.mention(an.doc[tokens[0]:tokens[-1] + 1])
    for t in tokens:
        loc = an.token_place.pop(t, None)
        if loc is None:
            continue
        loc.mentions = [m for m in loc.mentions if not (span.start <= m.start and m.end <= span.end)]
        if not loc.mentions and loc in (an.locations or []):
            an.locations.remove(loc)


def _nicknamed(doc, candidates, found):
    """'Joaquín "El Chapo" Guzmán': a given name, a quoted nickname and a surname are one person
    named without the nickname, which becomes an alias (and later mentions of it join him)."""
    out = []
    for i in range(len(doc) - 4):
        if doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper() or doc[i + 1].text not in QUOTES:
            continue
        j = i + 2
        while j < len(doc) and j - i <= 5 and doc[j].text not in QUOTES and doc[j].text[:1].isupper():
            j += 1
        if j == i + 2 or j >= len(doc) or doc[j].text not in QUOTES:
            continue
        k = j + 1
        while k < len(doc) and k - j <= 2 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if k == j + 1:
            continue
        out.append((i, k, "PERSON"))
        found.nicknames[i] = (doc[i + 2:j].text, i + 1, j + 1)
    taken = {t for s, e, _ in out for t in range(s, e)}
    return out + [c for c in candidates if not any(t in taken for t in range(c[0], c[1]))]


def _portfolio_persons(an, lows, candidates, found):
    """"Minister for the Middle East Tobias Ellwood" tagged ORG: a title with its portfolio ("for"/
    "of" + words) glued to a name; the last two or three proper nouns are the person, the title
    with its portfolio the role."""
    doc = an.doc
    _, last, _ = roles_by_word()
    out = []
    for s, e, label in candidates:
        cut = None
        for r in range(max(0, s - 3), e - 3):
            if lows[r] in last and lows[r + 1] in ("for", "of") and doc[r].text[:1].isupper():
                cut = r
        if cut is None or organization(doc[s:e].text):
            if label != "PORTFOLIO":
                out.append((s, e, label))
            continue
        n = 3 if e - cut >= 6 and doc[e - 2].lower_ in NAME_PARTICLES else 2
        tail = doc[e - n:e]
        if e - n <= cut + 2 or not all(_name_word(t, an.token_place) or t.ent_iob_ != "O"
                                       for t in tail) or not _person_ok(tail) or \
                any(t.lower_ in entity_words("org_heads") for t in tail):
            if label != "PORTFOLIO":
                out.append((s, e, label))
            continue
        role_start = next((cut + 1 - len(x) for x in last[lows[cut]]
                           if tuple(lows[cut + 1 - len(x):cut + 1]) == x), cut)
        found.roles[e - n] = doc[role_start:e - n].text
        out.append((e - n, e, "PERSON"))
    return out


def _lowercase_institutions(an, lows):
    """ORG spans for state bodies written in lower case after "the" or an owner's possessive:
    "the prosecutor general's office", "Kherson city's military administration", "the
    government's information office". A single generic word ("the ministry") names nothing."""
    doc = an.doc
    inst = _institutions()
    out = []
    for k in range(1, len(doc)):
        if not doc[k].is_lower:
            continue
        name = next((n for n in inst.get(_apos(lows[k]), ())
                     if tuple(_apos(w) for w in lows[k:k + len(n)]) == n
                     and all(t.is_lower or not t.is_alpha for t in doc[k:k + len(n)])), None)
        j = k + len(name) if name else k
        if not name or j < len(doc) and doc[j].is_lower and doc[j].pos_ in ("NOUN", "PROPN") and \
                lows[j] not in entity_words("member_nouns") or \
                j < len(doc) and doc[j].text in ("-", "\u2010") and not doc[j - 1].whitespace_:
            continue                      # "the defence ministry building", "Ukraine's
                                          # military-industrial complex": an adjective use
        owner_ok = k >= 2 and (doc[k - 2].text[:1].isupper() or (k - 3) in an.token_place or
                               lows[k - 2] in entity_words("descriptive_bodies"))
        if lows[k - 1] in ("'s", "\u2019s") and owner_ok and _person_owner(an, k - 2):
            continue                      # "President Salva Kiir's government": the person
        if lows[k - 1] in ("'s", "\u2019s") and owner_ok:
            b = k - 2
            while b > 0 and b - 1 in an.token_place and doc[b - 1].text[:1].isupper():
                b -= 1                    # "Kherson city's"
            out.append((b, j, "ORG"))
        elif lows[k - 1] == "the" and len(name) >= 3:
            out.append((k, j, "ORG"))     # "the prosecutor general's office", not "the armed forces"
    return out


def _person_owner(an, i) -> bool:
    """Token i ends a person's name the model tagged, and no place: "Kiir" of "Salva Kiir's"."""
    tok = an.doc[i]
    return tok.ent_type_ == "PERSON" and i not in an.token_place and not _country_places(tok.text)


def _apos(word: str) -> str:
    return word.replace("\u2019", "'")


CREDIT_REACH = 40   # tokens a credit or byline line spans around a name: its tests never walk further
                    # (a list of a thousand capitalised names on one line made them quadratic)


def _credited(doc, s: int, e: int | None = None) -> bool:
    """A wire credit line names journalists, not actors: "(Reporting by Iryna Sobko; Editing by
    ...)", a byline ("By X and Y"), a picture's credit ("(AP Photo/X)", "Photo: X/AFP"), a
    contributor line ("X reported from Kyiv.") or a press contact line (it holds an e-mail address)."""
    if s >= 2 and doc[s - 1].lower_ == "by" and doc[s - 2].lower_ in CREDIT_WORDS:
        return True
    sent = doc[s].sent                    # "AP writer Illia Novikov contributed to this report."
    after = [t.lower_ for t in doc[s:min(sent.end, s + CREDIT_REACH)]]
    if "contributed" in after and any(w in after for w in CREDIT_OBJECTS):
        return True
    e = s + 1 if e is None else e
    return _byline_name(doc, s) or _picture_credit(doc, s, e) or _reported_from(doc, s, e) or \
        _contact_line(doc, s)


def _lines(doc) -> tuple[list[int], list[int], set[int]]:
    """Per Doc, once: each token's line start, the last picture word (`credit_material`) at or
    before each token on its line (-1: none), and the line starts whose line holds an e-mail
    address. The credit tests ask these for every name: walking the line each time made an
    article written as one long line quadratic (4 MB of quotes: over 20 CPU minutes)."""
    cached = doc.user_data.get("sitrep_credit_lines")
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    material = entity_words("credit_material")
    start, last_material, email = [0] * len(doc), [-1] * len(doc), set()
    line, seen = 0, -1
    for tok in doc:
        i = tok.i
        if i and ("\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_):
            line, seen = i, -1
        start[i] = line
        if tok.lower_ in material:
            seen = i
        last_material[i] = seen
        if tok.like_email and "\n" not in tok.text:
            email.add(line)
    doc.user_data["sitrep_credit_lines"] = cached = (start, last_material, email)
    return cached


def _line_start(doc, i: int) -> int:
    """The first token of the line token i stands on."""
    return _lines(doc)[0][i]


def _byline_name(doc, s: int) -> bool:
    """The name stands in a byline: the line opens with "By" and only names, commas and "and"
    come between it and the name ("By Maria Petrenko and Oleg Danylo"; not "By Tuesday the gangs
    ...", which has more words)."""
    i, stop = s - 1, max(-1, s - CREDIT_REACH)
    while i > stop and (doc[i].text in (",", "&") or doc[i].lower_ == "and" or
                      (doc[i].text[:1].isupper() and doc[i].lower_ != "by")) and \
            "\n" not in doc[i].text:
        i -= 1
    return i >= 0 and doc[i].lower_ == "by" and _line_start(doc, i) == i


def _picture_credit(doc, s: int, e: int) -> bool:
    """The name credits a picture: a picture word and a slash open it or stand just before it
    ("(AP Photo/Andrii Marienko)"), a picture word and a colon stand before it and nothing but a
    slash or a bracket follows ("Photo: Thein Zaw/AFP"; not "Photo: President X visits ..."), or
    a slash and an outlet close it after a picture word on the line ("Thein Zaw/Reuters")."""
    material = entity_words("credit_material")
    line = _line_start(doc, s)
    if any(doc[i].lower_ in material and doc[i + 1].text == "/" for i in range(max(line, s - 3), e - 1)):
        return True
    closed = e >= len(doc) or doc[e].text in ("/", ")", "]") or "\n" in doc[e - 1].whitespace_ or \
        "\n" in doc[e].text
    if s >= 2 and doc[s - 1].text == ":" and doc[s - 2].lower_ in material and closed:
        return True
    if s > line and _lines(doc)[1][s - 1] >= line and e < len(doc) - 1 and doc[e].text == "/":
        entry = organization(doc[e + 1].text)
        return entry is not None and entry.kind == "media"
    return False


def _reported_from(doc, s: int, e: int) -> bool:
    """A contributor line: the name is the only subject of "reported from" / "reported from X and
    Y" with nothing reported ("Hartley reported from Kyiv, Ukraine.")."""
    head = doc[e - 1].head
    if doc[e - 1].dep_ != "nsubj" or head.lemma_ not in ("report", "contribute") or \
            head.i != e or not any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children):
        return False
    return not any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") for c in head.children)


def _contact_line(doc, s: int) -> bool:
    """A press contact line ("Ana Lopes, Public Information Officer, OCHA, lopes@un.org")."""
    start, _, email = _lines(doc)
    return start[s] in email


def _name_word(tok, token_place) -> bool:
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_iob_ == "O"
            and tok.i not in token_place and not demonym_country(tok.text)
            and tok.lower_ not in roles_by_word()[2] and tok.lower_ not in titles()[0])


def _given_name_before(tok, token_place) -> bool:
    """A proper noun right before a PERSON span that the model gave another label and no place
    claimed: the given name it cut off."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper()
            and tok.ent_type_ not in ("PERSON", "DATE", "TIME") and tok.lower_ not in WEEKDAYS
            and not (tok.ent_type_ == "ORG" and tok.ent_iob_ == "I")   # "... Military Administration"
            and tok.lower_ not in _layout_labels()                      # "Literally Hryhorov:"
            and tok.lower_ not in MONTHS and tok.i not in token_place and not demonym_country(tok.text)
            and not is_role_word(tok.text) and organization(tok.text) is None)


def _extend_name(doc, end: int, token_place) -> int:
    """spaCy often cuts a foreign name short ("Gen. Oleksandr" + "Syrskyi"): take the proper
    nouns right after a PERSON span that no other entity claims."""
    n = 0
    while end < len(doc) and n < 2 and _name_word(doc[end], token_place):
        end += 1
        n += 1
    if end + 2 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].text == "-" \
            and not doc[end].whitespace_ and _name_word(doc[end + 2], token_place):
        end += 3                          # "Abdel Fattah" + "el-Sissi"
    return end


def _build_institutions(kb) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted((re.findall(r"'s|[^\s\-']+|-", str(n).lower().replace("\u2019", "'"))
                        for n in kb.yaml("institutions.yaml") or []), key=len, reverse=True):
        out.setdefault(name[0], []).append(tuple(name))
    return out


def _institutions() -> dict[str, list[tuple[str, ...]]]:
    """Institution names as token tuples, indexed by first word, longest first."""
    return get_knowledge().derived("entities.institutions", _build_institutions)


def _state_owner(doc, lows, i) -> tuple[str | None, int]:
    """(country code, index of the institution word) when token i starts "Russian ..." or
    "Russia's ...": the owner of a state body."""
    tok = doc[i]
    if not tok.text[:1].isupper():
        return None, i
    code = demonym_country(tok.text)
    if code and not (lows[i].endswith("s") and demonym_country(tok.text[:-1])):
        return code, i + 1
    if i + 2 < len(doc) and doc[i + 1].text in ("'s", "\u2019s"):
        code = country_code(tok.text)
        if code and any(p.kind == "country" for p in _country_places(tok.text)):
            return code, i + 2
    return None, i


def _country_places(text):
    from .gazetteer import get_gazetteer
    return get_gazetteer().candidates(text)


def _state_institutions(doc, lows, covered):
    """ORG spans for a demonym or country's + institution ("British army", "Russian military",
    "Russia's defence ministry") not already an entity: the article names a state body, not a
    group of people."""
    inst = _institutions()
    out = []
    for i in range(len(doc) - 1):
        if i in covered:
            continue
        code, k = _state_owner(doc, lows, i)
        if code is None or k >= len(doc):
            continue
        for name in inst.get(lows[k], ()):
            j = k + len(name)
            if j < len(doc) and (doc[j].text in ("-", "\u2010") or doc[j].is_lower and
                                 doc[j].pos_ in ("NOUN", "PROPN", "ADJ") and
                                 doc[j].lemma_ not in entity_words("member_nouns")
                                 and lows[j] not in entity_words("member_nouns")):
                continue                  # "Ukrainian army command post": an adjective use,
                                          # but "British army personnel" names the army
            if tuple(lows[k:j]) == name and not any(m in covered for m in range(i, j)):
                out.append((i, j, "ORG"))
                covered.update(range(i, j))
                break
    return out


def _outer_names_win(an, candidates, state, expansions):
    """A state body found inside a longer capitalised name the model tagged ORG is a word of that
    name, not the body: "the Operational Command of the Polish Armed Forces", "the Government
    Communication Service", "the African Union's Peace and Security Council". The body stays when
    the model's extra words are only "the", a possessive, places or demonyms ("the Russian
    Defence Ministry", "Ukraine's Defence Ministry")."""
    def inside(st, c):
        return c[0] <= st[0] and st[1] <= c[1] and (c[0], c[1]) != (st[0], st[1])

    states = _SpanIndex(state)

    def one_body(c):                      # not "the Ministry of X and the Ministry of Y"
        inner = [st for st in states.starting_in(c[0], c[1]) if inside(st, c)]
        return all(a[0] < b[1] and b[0] < a[1] for a in inner for b in inner)

    outer = _SpanIndex([c for c in candidates if c[2] == "ORG" and one_body(c)])
    return [st for st in state if st in expansions or
            not any(inside(st, c) and _name_extra(an, c, st) for c in outer.around(st[0], st[1]))]


class _SpanIndex:
    """Token spans (start, end, ...) looked up by the tokens they cover or start at, in list order:
    a scan of all the article's spans per span made the entity pass quadratic in its length."""

    def __init__(self, spans):
        self.spans = list(spans)
        self.at: dict[int, list[int]] = {}
        self.starts: dict[int, list[int]] = {}
        self.empty = []                   # (s, s) covers no token, yet overlaps (c0 < s < c1)
        for k, sp in enumerate(self.spans):
            self.starts.setdefault(sp[0], []).append(k)
            if sp[1] <= sp[0]:
                self.empty.append(k)
            for i in range(sp[0], sp[1]):
                self.at.setdefault(i, []).append(k)

    def overlapping(self, s: int, e: int) -> list:
        """The spans sp with s < sp.end and sp.start < e."""
        near = {k for i in range(s, max(e, s + 1)) for k in self.at.get(i, ())} | set(self.empty)
        return [self.spans[k] for k in sorted(near) if s < self.spans[k][1] and self.spans[k][0] < e]

    def around(self, s: int, e: int) -> list:
        """The spans that may hold [s, e) (a superset: the caller tests)."""
        return self.overlapping(s, e) if e > s else self.spans

    def starting_in(self, s: int, e: int) -> list:
        """The spans that start at s..e, a superset of those inside [s, e) (the caller tests)."""
        return [self.spans[k] for k in sorted(k for i in range(s, e + 1) for k in self.starts.get(i, ()))]


def _name_extra(an, c, st) -> bool:
    """The model span c adds capitalised name words to the body st, joined by glue words only."""
    doc = an.doc
    s, e = _strip(doc, c[0], c[1])
    extra = [t for t in doc[s:e] if not st[0] <= t.i < st[1]]
    if not extra or s > st[0] or e < st[1]:
        return False
    named = False
    for t in extra:
        if t.lower_ in ("of", "the", "and", "for", "&"):
            continue
        if not t.text[:1].isupper() or t.text in POSSESSIVES or is_role_word(t.text) or \
                t.pos_ not in ("PROPN", "NOUN", "ADJ"):
            return False                  # "Ukraine's Defence Ministry", "Later the Ministry"
        if not (_place_word(an, t.i) or demonym_country(t.text)):
            named = True                  # places and demonyms alone add no name
    return named


def _capitalised_institutions(doc, lows):
    """ORG spans for a state body written as a name without an owner: "the General Staff of the
    Armed Forces", "Ministry of the Interior", "Ministry of Reintegration". The institution's
    words are capitalised; an "of (the) Capitalised ..." tail joins the name."""
    inst = _institutions()
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        j = None
        if tok.text[:1].isupper() and (i == 0 or not (doc[i - 1].text[:1].isupper()
                                                     and doc[i - 1].pos_ != "DET"
                                                     or doc[i - 1].text in POSSESSIVES
                                                     or doc[i - 1].text == "-")):
            # the name starts here: not "... Alliance Army", "Unity Government", "Russia's ..."
            for name in inst.get(lows[i], ()):
                k = i + len(name)
                if tuple(lows[i:k]) == name and all(t.text[:1].isupper() for t in doc[i:k]):
                    j = k
                    break
            if j is None and lows[i] == "ministry" and i + 2 < len(doc) and lows[i + 1] == "of":
                j = i + 1                 # "Ministry of Reintegration": needs the tail
        if j is None:
            i += 1
            continue
        while j + 1 < len(doc) and lows[j] == "of":
            k = j + 1 + (lows[j + 1] == "the")
            m = k
            while m < len(doc) and doc[m].text[:1].isupper() and doc[m].pos_ in ("PROPN", "NOUN"):
                m += 1
            if m == k:
                break
            j = m
        if lows[j - 1] != "ministry" and not (j - i == 1 and doc[i].is_sent_start):
            out.append((i, j, "ORG"))     # "Military analysts said": no name
        i = j
    return out


_SMALL_WORDS = {"of", "the", "and", "for", "on"}
_COMMON_BODIES = {"military", "government", "cabinet", "parliament", "army"}


def institution_name(text: str) -> str | None:
    """Canonical name of a state body written with a demonym or a country's: "Russia's defence
    ministry" / "Russian defence ministry" -> the table's "Russian Ministry of Defence" when known,
    else "Lebanese Health Ministry" (adjective + title-cased institution). None otherwise."""
    words = text.replace("\u2019", "'").split()
    if len(words) < 2:
        return None
    first, rest = words[0], words[1:]
    if first.endswith("'s"):
        code = country_code(first[:-2])
    elif demonym_country(first):       # "Russian military" stays as written unless known
        entry = organization(text)
        return entry.name if entry else None
    else:
        return None
    if not code or " ".join(rest).lower() not in _institution_strings():
        return None
    adj = country_adjectives().get(code)
    if not adj:
        return None
    rest_low = [r.lower() for r in rest]
    if len(rest_low) == 1 and rest_low[0] in _COMMON_BODIES:
        name = f"{adj} {rest_low[0]}"                   # "Ukrainian military", not a title
    else:
        name = adj + " " + " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:]
                                    for w in rest_low)
    entry = organization(name) or organization(text)
    return entry.name if entry else name


def _owner_after(text: str) -> str | None:
    """"Ministry of Defense of the Russian Federation" -> the table's "Russian Ministry of
    Defence"; None when the tail names no country or the body is unknown in that form."""
    m = re.match(r"^(.+) of (?:the )?([A-Z][\w' -]+)$", text)
    if not m:
        return None
    code = country_code(m.group(2))
    if not code or not any(p.kind == "country" for p in _country_places(m.group(2))):
        return None
    adj = country_adjectives().get(code)
    entry = organization(f"{adj} {m.group(1)}") if adj else None
    return entry.name if entry else None


def _institution_strings() -> frozenset[str]:
    return get_knowledge().derived("entities.institution_strings", lambda kb: frozenset(
        " ".join(t) for lst in _institutions().values() for t in lst))


_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")


# heads after which a place names a unit ("Dnipro group of forces", "Azov brigade"), unlike
# "Kyiv forces" or "Donetsk militia", which are groups of people

def _group_modifier(tok, token_place, places_ok: bool = False) -> bool:
    """A word that can name an armed group or movement before its head noun: a proper noun
    ("Tavria", "Radwan"), an ordinal ("56th"), a code ("M62")."""
    t = tok.text
    if _ORDINAL.match(t.lower()) or (any(c.isdigit() for c in t) and t[:1].isupper()):
        return True
    if t.isdigit() and len(t) >= 2 and tok.i + 1 < len(tok.doc) and \
            tok.doc[tok.i + 1].text[:1].isupper():
        return True                       # "444 Brigade", "55th" written "55 Regiment"
    return (tok.pos_ == "PROPN" and t[:1].isupper() and (places_ok or tok.i not in token_place)
            and not demonym_country(t) and not country_code(t) and not is_role_word(t)
            and not is_equipment(t) and t.lower() not in entity_words("peoples"))


def _group_names(doc, lows, token_place):
    """ORG spans for named armed groups and movements: a name, ordinal or code before a group
    noun ("Tavria group of forces", "Radwan force", "56th brigade", "M62 movement", "Joint
    Forces"). Nationalities and places before the noun ("Russian forces", "Kyiv forces") are
    groups of people for the events coder, not organizations."""
    out = []
    for i, tok in enumerate(doc):
        if lows[i] not in _group_heads() or i == 0:
            continue
        end = i + 1
        if lows[i] == "group" and tuple(lows[i + 1:i + 3]) == ("of", "forces"):
            end = i + 3
        glossed = _glossed_name(doc, i)
        if glossed is not None:
            out.append((glossed, end, "GLOSSED"))
            continue                      # "the Tsentr (Center) battlegroup"
        k = i
        unit = " ".join(lows[i:end]) in entity_words("unit_heads")
        while k > 0 and i - k < 3 and _group_modifier(doc[k - 1], token_place, unit):
            k -= 1
        if k == i and tok.text[:1].isupper() and doc[i - 1].text[:1].isupper() and \
                doc[i - 1].pos_ == "ADJ" and not doc[i - 1].is_sent_start and \
                not demonym_country(doc[i - 1].text):
            k = i - 1                     # "Joint Forces", "Popular Front"
        if tok.text[:1].isupper() and i >= 3 and lows[i - 2] == "and" and \
                all(doc[m].text[:1].isupper() and doc[m].pos_ in ("PROPN", "NOUN", "ADJ")
                    and not demonym_country(doc[m].text) for m in (i - 3, i - 1)):
            k = i - 3                     # "Security and Defense Forces"
        if k == i:
            continue
        if doc[k].is_sent_start and (doc[k].pos_ != "PROPN" or
                                     lows[k] in entity_words("generic_group_modifiers")):
            continue                      # "Resistance forces said": capitalised by the sentence
        if organization(doc[k:i].text):
            continue                      # "Hezbollah forces": the known group itself
        out.append((k, end, "ORG"))
    return out


def _glossed_name(doc, i) -> int | None:
    """Start of a group's name glossed in parentheses before its noun: "Tsentr (Center)
    battlegroup", "Vostok (East) group" -> the index of "Tsentr"; else None."""
    if i < 4 or doc[i - 1].text != ")":
        return None
    j = next((m for m in range(i - 2, max(i - 6, 0), -1) if doc[m].text == "("), None)
    if j is None or j < 1 or not all(t.text[:1].isupper() for t in doc[j + 1:i - 1]):
        return None
    k = j
    while k > 0 and j - k < 2 and doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ == "PROPN" \
            and not demonym_country(doc[k - 1].text):
        k -= 1
    return k if k < j else None


def _glossed_text(doc, s, e) -> str:
    """The name without its gloss: "Tsentr (Center) battlegroup" -> "Tsentr battlegroup"."""
    j = next(m for m in range(s, e) if doc[m].text == "(")
    k = next(m for m in range(j, e) if doc[m].text == ")")
    return " ".join([doc[s:j].text, doc[k + 1:e].text])


def _titled_names(doc, lows, covered, token_place):
    """PERSON spans the model missed: two or three proper nouns right after a capitalised title
    ("Defence Minister Rustem Umerov")."""
    _, last, _ = roles_by_word()
    out = []
    for i, tok in enumerate(doc):
        if i + 2 > len(doc) or not tok.text[:1].isupper() or lows[i] not in last:
            continue
        if not any(tuple(lows[i + 1 - len(r):i + 1]) == r for r in last[lows[i]] if i + 1 >= len(r)):
            continue
        j = i + 1
        while j < len(doc) and j - i <= 3 and _name_word(doc[j], token_place) and j not in covered:
            j += 1
        if j - (i + 1) >= 2:
            out.append((i + 1, j, "PERSON"))
    return out


# -- persons ------------------------------------------------------------------------------------

class _Person:
    def __init__(self, parts: list[str], surface: str):
        self.parts = parts
        self.name = surface
        self.forms: list[str] = []
        self.mentions: list = []
        self.tokens: list[int] = []
        self.role: str | None = None
        self.country: str | None = None
        self.first = 10 ** 9
        self.nicks: set[str] = set()

    @property
    def surname(self) -> str:
        return self.parts[-1]

    def matches(self, parts: list[str]) -> bool:
        if len(parts) == 1:
            return same_surname(parts[0], self.surname) or (
                len(self.parts) > 2 and any(same_surname(parts[0], p) for p in self.parts[1:]))
        if not same_surname(parts[-1], self.surname):
            return False
        if len(self.parts) == 1 or _particle_surname(parts, self.parts):
            return True
        return same_given_name(parts[0], self.parts[0])


def _particle_surname(parts: list[str], full: list[str]) -> bool:
    """"Al-Khulaifi" or "bin Salman" told alone is the surname of a longer "Mohammed Al-Khulaifi":
    a name opening with a particle has no given name to compare."""
    return parts[0].lower() in NAME_PARTICLES and len(full) > len(parts) and \
        [p.lower() for p in full[-len(parts):]] == [p.lower() for p in parts]


class _SurnameIndex:
    """Persons by the transliteration key of their surname (and of the inner parts of longer
    names), so that finding the first person a name matches is a dictionary look-up plus one
    C-level fuzzy scan instead of a Python comparison with every person so far (quadratic on a
    long article). `first_match(parts)` answers as `next(p for p in persons if p.matches(parts))`."""

    def __init__(self, persons=(), inner: bool = True):
        self.persons: list[_Person] = []
        self.inner = inner
        self.keys: list[str] = []                  # surname key of each person, in order
        self.exact: dict[str, list[int]] = {}
        self.inner_keys: list[str] = []            # keys of parts[1:] of names of 3+ parts
        self.inner_owner: list[int] = []
        self.inner_exact: dict[str, list[int]] = {}
        self._memo: dict[str, str] = {}
        for p in persons:
            self.add(p)

    def key(self, word: str) -> str:
        if word not in self._memo:
            self._memo[word] = translit_key(word)
        return self._memo[word]

    def add(self, p: "_Person") -> None:
        k = len(self.persons)
        self.persons.append(p)
        self.keys.append(self.key(p.surname))
        self.exact.setdefault(self.keys[-1], []).append(k)
        if self.inner and len(p.parts) > 2:
            for part in p.parts[1:]:
                self.inner_exact.setdefault(self.key(part), []).append(len(self.inner_keys))
                self.inner_keys.append(self.key(part))
                self.inner_owner.append(k)

    @staticmethod
    def _like(key: str, keys: list[str], exact: dict[str, list[int]]) -> set[int]:
        """Positions in `keys` that same_surname() accepts for `key`."""
        found = set(exact.get(key, ()))
        if len(key) >= 5 and keys:
            found.update(j for _, _, j in process.extract(key, keys, scorer=fuzz.ratio, limit=None,
                                                          score_cutoff=SURNAME_MATCH) if len(keys[j]) >= 5)
        return found

    def surname_matches(self, word: str) -> list[int]:
        """Positions of the persons whose surname is `word`, in order."""
        return sorted(self._like(self.key(word), self.keys, self.exact))

    def first_match(self, parts: list[str]) -> "_Person | None":
        hits = self.surname_matches(parts[-1])
        if len(parts) == 1:
            hits = sorted(set(hits) | {self.inner_owner[j] for j in self._like(
                self.key(parts[0]), self.inner_keys, self.inner_exact)})
            return self.persons[hits[0]] if hits else None
        for k in hits:
            p = self.persons[k]
            if len(p.parts) == 1 or _particle_surname(parts, p.parts) or \
                    same_given_name(parts[0], p.parts[0]):
                return p
        return None


def _name_parts(tokens) -> list[str]:
    return [t.text for t in tokens if not t.is_punct or t.text == "-"]


# -- organizations ------------------------------------------------------------------------------

def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[:1].isupper()]
    return "".join(w[0] for w in words)


class _Mentions:
    """What the classify step hands on: person and organization mentions, and what it learnt."""

    def __init__(self):
        self.persons = []        # (parts, start, end, role, honorific, country, extra forms)
        self.orgs = []           # (text, start, end, defined_acronym)
        self.roles: dict[int, str] = {}        # person start -> role written before it
        self.nicknames: dict[int, tuple] = {}  # person start -> (nickname, quote start, end)


def find_entities(an, kb=None):
    """Persons and organizations of the article (see the module docstring): candidates, then
    each candidate's edges and type, then persons grouped by name, then organizations."""
    doc = an.doc
    lows = [t.lower_ for t in doc]
    found = _Mentions()
    candidates, state_starts = _candidates(an, lows, found)
    _classify(an, lows, candidates, state_starts, found)
    persons = _group_persons(an, found)
    org_mentions = _surname_orgs(an, persons, found.orgs)
    person_entities = _person_entities(an, persons)
    org_entities = _organizations(an, org_mentions)
    _known_as(an, lows, person_entities, org_entities)
    _names_of_places(an, person_entities, org_entities)
    return person_entities, org_entities


def _model_candidates(an, lows):
    """PERSON/ORG spans of the model, outlets it tagged as places, places that head an
    organization; split names joined, missions and long names completed."""
    doc = an.doc
    candidates: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG"):
            candidates.append((ent.start, ent.end, ent.label_))
        elif ent.start > 0 and lows[ent.start - 1] in MEDIA_NOUNS and ent.text[:1].isupper():
            candidates.append((ent.start, ent.end, "ORG"))    # "the outlet Nabaa" tagged GPE
        elif ent.label_ in ("GPE", "LOC", "FAC", "NORP") and org_like(ent):
            candidates.append((ent.start, ent.end, "ORG"))    # "United States Africa Command"
        elif ent.label_ in ("GPE", "LOC", "FAC") and (names_a_body(ent) or speaks(ent)) and \
                not any(i in an.token_place for i in range(ent.start, ent.end)):
            candidates.append((ent.start, ent.end, "ORG"))    # "Syrian Observatory for ...",
                                                              # "..., Rosaviatsia said"
        elif ent.label_ in ("GPE", "LOC") and len(ent) >= 3 and ent.start >= 2 and \
                lows[ent.start - 1] in ("for", "of") and lows[ent.start - 2] in roles_by_word()[1]:
            candidates.append((ent.start, ent.end, "PORTFOLIO"))   # "Minister for | the Sahel X Y"
    candidates = _join_of_parts(doc, _merge_glued(doc, _merge_split_names(doc, candidates)))
    candidates = [_extend_of_tail(doc, _extend_mission(doc, c, an.token_place)) for c in candidates]
    return [part for c in candidates
            for whole in _trailing_person(an, _title_after_body(an, _extend_long_name(an, c)))
            for part in _officer_after_body(an, whole)]


def _title_after_body(an, c) -> tuple[int, int, str]:
    """A known body and an office of it, tagged as one ORG before the officer's name: "UN
    Humanitarian Coordinator (for Yemen) Julien Harneis" -> the UN; the office is the person's
    role. The words after the body are a title of titles.yaml, and a name or "for"/"in" follows."""
    doc = an.doc
    s, e, label = c
    if label != "ORG" or e >= len(doc) or not (doc[e].pos_ == "PROPN" or doc[e].ent_type_ == "PERSON"
                                               or doc[e].lower_ in ("for", "in")):
        return c
    lows = [t.lower_ for t in doc[s:e]]
    for role in roles_by_word()[1].get(lows[-1], ()):
        b = e - len(role)
        if b > s and tuple(lows[b - s:]) == role:
            body = doc[s + (lows[0] == "the"):b].text
            if organization(body) is not None or is_acronym(body):
                return (s, b, "ORG")
    return c


def _trailing_person(an, c) -> list[tuple[int, int, str]]:
    """A body's name and the name of its officer written after it, tagged as one ORG: "the
    head of the Sumy Oblast Military Administration Oleh Hryhorov" -> the administration and
    the person. The body's last word is an organization head; two to four capitalised proper
    nouns follow, none a place, a demonym or another organization word; and an office introduces
    the person: "head of the ..." before the body, or "Commander" opening the name ("the Army
    Veterans Welfare Board" is one name)."""
    doc = an.doc
    s, e, label = c
    if label != "ORG" or e - s < 4 or organization(doc[s:e].text) is not None:
        return [c]
    b = s - 1 if s and doc[s - 1].lower_ == "the" else s        # the body's "the", in or out
    office = b >= 2 and doc[b - 1].lower_ in ("of", "for") and is_role_word(doc[b - 2].text)
    heads = entity_words("org_heads")
    body_words = heads | entity_words("unit_words")
    for k in range(e - 3, s, -1):
        if doc[k].lower_ not in heads:
            continue
        tail = doc[k + 1:e]
        if 2 <= len(tail) <= 4 and (office or is_role_word(tail[0].text)) and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in body_words
                and t.i not in an.token_place and not demonym_country(t.text) for t in tail):
            return [(s, k + 1, "ORG"), (k + 1, e, "PERSON")]
        break
    return [c]


def _is_given_name(text: str) -> bool:
    key = normalize(text)
    return key in given_names() or key in get_knowledge().derived("entities.gender_given", _gender_given_names)


def _officer_after_body(an, c) -> list[tuple[int, int, str]]:
    """A body and the person named right after it, tagged as one ORG: "Permanent Representative
    to the UN Vasily Nebenzya", "Qatar's Foreign Ministry Mohammed Al-Khulaifi" -> the body and
    the person. The words before are a known body, an acronym or end in an organization head;
    two to four capitalised proper nouns follow, none a place, a demonym or a body word; and they
    are a person's: the first is a given name, or the last is a surname the model reads as a
    person elsewhere in the article."""
    doc = an.doc
    s, e, label = c
    if label != "ORG" or e - s < 3 or organization(doc[s:e].text) is not None:
        return [c]
    body_words = entity_words("org_heads") | entity_words("unit_words")
    b = s + (doc[s].lower_ == "the")
    for k in range(max(b + 1, e - 6), e - 1):
        body, tail = doc[b:k], doc[k:e]
        words = [t for t in tail if not (t.text in "-\u2010" and not t.whitespace_)]    # "Al-Khulaifi"
        if len(words) > 4 or not (organization(body.text) is not None or
                                  (len(body) == 1 and is_acronym(body.text))
                                  or body[-1].lower_ in entity_words("org_heads")):
            continue
        if not words[0].text[:1].isupper() or not all(
                (t.pos_ == "PROPN" and t.text[:1].isupper() or t.lower_ in NAME_PARTICLES)
                and t.lower_ not in body_words and t.i not in an.token_place
                and not demonym_country(t.text) for t in words):
            continue
        surname = tail[-1].text
        if _is_given_name(tail[0].text) or any(
                x.label_ == "PERSON" and x[-1].text == surname and not (s <= x.start < e) for x in doc.ents):
            return [(s, k, "ORG"), (k, e, "PERSON")]
    return [c]


def _known_and_spelled(an, lows, candidates):
    """Known organization names and names an acronym spells win over the model's spans:
    "Islamic State West Africa Province (ISWAP)" over the known "Islamic State" inside it."""
    doc = an.doc
    persons = _SpanIndex([(e.start, e.end) for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2])
    known_spans = longest_spans([(s, e) for _, s, e in matchers()[2](doc)
                                 if not any(ps < s and e <= pe for ps, pe in persons.overlapping(s, s + 1))])
    known_spans = [_extend_long_name(an, (s, e, "ORG"))[:2] for s, e in known_spans]
    known_tokens = {i for s, e in known_spans for i in range(s, e)}
    known = _SpanIndex(known_spans)
    candidates = [c for c in candidates
                  if not any(i in known_tokens for i in range(c[0], c[1]))
                  or _covers_known(c, known.starting_in(c[0], c[1]))]
    expansions = [(a, b, "ORG") for a, b in acronym_expansions(doc) + quoted_names(doc)]
    exp_tokens = {i for a, b, _ in expansions for i in range(a, b)}
    known_spans = [k for k in known_spans if not any(i in exp_tokens for i in range(*k))]
    candidates = [c for c in candidates if not any(i in exp_tokens for i in range(c[0], c[1]))]
    return candidates, known_spans, expansions


def _candidates(an, lows, found):
    """Every span that may name a person or an organization, and the starts of the state bodies
    and named groups among them (those may contain a place: "Russia's defence ministry")."""
    doc = an.doc
    candidates, known_spans, expansions = _known_and_spelled(an, lows, _model_candidates(an, lows))
    known_tokens = {i for s, e in known_spans for i in range(s, e)}
    exp_tokens = {i for a, b, _ in expansions for i in range(a, b)}
    state = _state_institutions(doc, lows, known_tokens | exp_tokens) + expansions
    taken = {i for st in state for i in range(st[0], st[1])} | known_tokens
    held = _SpanIndex(state)
    state += [c for c in _capitalised_institutions(doc, lows) + _lowercase_institutions(an, lows)
              + _media_names(an, lows) + _credited_sources(an) + _quoted_factions(doc)
              if not any(i in taken for i in range(c[0], c[1]))
              and not held.overlapping(c[0], c[1])]
    state = _outer_names_win(an, candidates, state, expansions)
    held = _SpanIndex(state)
    candidates = [c for c in candidates if not held.overlapping(c[0], c[1])]
    # "Tavria group of forces": the group name wins over spaCy's PERSON "Tavria" inside it
    groups = [g for g in _group_names(doc, lows, an.token_place)
              if not any(i in known_tokens for i in range(g[0], g[1]))]
    groups = [g for g in groups if g[2] == "GLOSSED" or
              all(_within(c, g) or c[1] <= g[0] or g[1] <= c[0] for c in candidates)]
    candidates = [c for c in candidates if not any(
        _within(c, g) and c != g or g[2] == "GLOSSED" and c[0] < g[1] and g[0] < c[1]
        for g in groups)]                 # "the Dnepr (Dnieper" tagged ORG: the glossed group
    state.extend(groups)
    candidates = _portfolio_persons(an, lows, _nicknamed(doc, candidates, found), found)
    covered = {i for s, e, _ in candidates for i in range(s, e)}
    for s, e, label in [(s, e, "ORG") for s, e in known_spans] + state + \
            [(s, e, "ORG") for s, e in dateline_outlets(doc)] + \
            [(i, i + 1, "SLASHED") for i, _ in slashed_outlets(doc)]:
        if not any(i in covered for i in range(s, e)):
            candidates.append((s, e, label))
            covered.update(range(s, e))
    candidates.extend(_untagged_outlets(doc, covered, an.token_place))
    candidates.extend(_titled_names(doc, lows, covered, an.token_place))
    # a known name may hold a place: "Haiti's Transitional Presidential Council" is one body
    # (after "of" it is the owner of a longer name: "the General Staff of Ukraine's armed forces")
    return sorted(candidates), {st[0] for st in state} | {
        s for s, _ in known_spans if not (s and lows[s - 1] == "of")}


def _classify(an, lows, candidates, state_starts, found) -> None:
    """Each candidate's edges (titles, dates, datelines, possessives off; cut names completed)
    and its type; junk, equipment, ships, headline words and descriptions dropped."""
    doc = an.doc
    headline = headline_tokens(doc)
    body_words = {t.text for t in doc if t.i not in headline}
    for start, end, label in candidates:
        if label == "SLASHED":            # "MOSCOW, October 7. /TASS/."
            found.orgs.append((doc[start].text.strip("/."), start, end, None))
            continue
        if label == "GLOSSED":
            if any(i in an.token_place for i in range(start, end)):
                _drop_place_mentions(an, range(start, end))    # "Dnepr (Dnieper) group"
            found.orgs.append((_glossed_text(doc, start, end), start, end, None))
            continue
        s, e = _strip(doc, start, end)
        s, cue = _trim_leading(an, lows, s, e)
        if cue:
            continue                      # "Near Kupiansk, one strike": a place, not a name
        k = _person_after_place(an, lows, s, e)
        if k is not None:
            _claim_place(an, s, k)
            s, label = k, "PERSON"        # "the mayor of Kharkiv Ihor Terekhov" as one span
        elif s not in state_starts and any(i in an.token_place for i in range(s, e)) \
                and not (label == "ORG" and _mission_span(doc, s, e)):
            continue
        if label == "PERSON" and s not in found.nicknames and s not in found.roles:
            s = _leading_title(lows, s, e)
            e = _extend_name(doc, e, an.token_place)
            while s > start - 2 and s > 0 and _given_name_before(doc[s - 1], an.token_place):
                s -= 1                    # "Oleksandr" tagged GPE + "Prokudin" PERSON
        if s >= e:
            continue
        text = doc[s:e].text
        known = organization(text) is not None
        if _not_a_name(an, lows, s, e, label, known, state_starts) or \
                (any(i in headline for i in range(s, e)) and not known and s not in state_starts
                 and doc[e - 1].text not in body_words):
            continue                      # "Condemns Attack" of a headline, "Videos"
        label, s = _retype(an, lows, s, e, label, known)
        if label == "PERSON" and _town_not_person(an, lows, s, e):
            _claim_town(an, s, e)
            continue                      # "fighting in Renk" tagged PERSON: the town
        stem = _admin_area(an, lows, s, e) if label == "ORG" and not known and s not in state_starts else 0
        if stem:
            _claim_area(an, s, stem, e)
            continue                      # "Faskari Local Government Area" tagged ORG: a place
        framed = None if known or s in state_starts else _place_frame(an, lows, s, e, label)
        if framed:
            for ps, pe, name in framed:
                _claim_place(an, ps, pe, name)
            continue                      # "the town of al-Busayrah" tagged ORG: the town
        if label == "PERSON":
            nick = found.nicknames.get(s)
            tokens = [t for t in doc[s:e] if not (nick and nick[1] <= t.i < nick[2])]
            if not _person_ok(tokens) or _credited(doc, s, e) or \
                    all(t.lower_ in _layout_labels() for t in tokens):
                continue                  # "Transcript, Mohamud: “…”": a layout word
            role, honorific, country, _ = _context_before(an, lows, s)
            role = found.roles.get(s, role)
            found.persons.append((_name_parts(tokens), s, e, role, honorific, country,
                                  [nick[0]] if nick else []))
        elif known or not _credited(doc, s, e):
            acronym = None
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and \
                    is_acronym(doc[e + 1].text):
                acronym = doc[e + 1].text
            found.orgs.append((doc[s:e].text, s, e, acronym))


def _person_after_place(an, lows, s, e) -> int | None:
    """Where the person's name starts in a span the model ran on from the place of their office:
    "the mayor of | Kharkiv | Ihor Terekhov", "the governor of Sumy Oleh Hryhorov". The span opens
    with the place, an office and "of" stand before it, and two to four capitalised words of no
    place follow, the first a given name or the last a surname the model reads as a person
    elsewhere; else None."""
    doc = an.doc
    if s < 2 or e - s < 3 or lows[s - 1] != "of":
        return None
    k = s
    while k < e and k in an.token_place:
        k += 1
    if k == s:                            # the place the places stage left inside the span
        k = next((j for j in range(s + 1, min(e - 1, s + 4)) if candidates(doc[s:j].text)), s)
    words = [t for t in doc[k:e] if not (t.text in "-\u2010" and not t.whitespace_)]
    if k == s or not 2 <= len(words) <= 4 or \
            not is_role_word(doc[s - 2].text) or any(t.i in an.token_place for t in words) or \
            not all(t.pos_ == "PROPN" and t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in words):
        return None
    surname = words[-1].text
    if _is_given_name(words[0].text) or any(
            x.label_ == "PERSON" and x[-1].text == surname and not (s <= x.start < e) for x in doc.ents):
        return k
    return None


def _owned_text(doc, s, e, known) -> str:
    """The organization's text with a country owner written as a possessive before it, for the
    body key only: "Somalia's Electoral Commission" and "the Somali Electoral Commission" are one
    body (the name stays as written)."""
    text = doc[s:e].text
    if known or s < 2 or doc[s - 1].text not in POSSESSIVES[:2] or \
            not country_code(doc[s - 2].text) or not doc[s - 2].text[:1].isupper():
        return text
    return doc[s - 2].text + "'s " + text


def _gender_given_names(kb) -> frozenset[str]:
    names = (kb.yaml("person_gender.yaml") or {}).get("names") or {}
    return frozenset(normalize(str(n)) for group in names.values() for n in group or ())


def _speaking_given_name(doc, s, e) -> bool:
    """A name that opens with a given name (data/person_gender.yaml names, name_variants.yaml)
    and is the subject of a verb of saying: "Gustavo Petro said", "Sylvain Ekenge told"."""
    first = normalize(doc[s].text)
    if first not in given_names() and \
            first not in get_knowledge().derived("entities.gender_given", _gender_given_names):
        return False
    if not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in doc[s:e]):
        return False
    head = doc[s:e].root
    return head.dep_ == "nsubj" and head.head.lemma_ in entity_words("say_lemmas")


def _title_case_line(doc, s) -> bool:
    """The sentence of token s is written in capitals ("PUTIN SAYS ..."): case tells nothing."""
    sent = doc[s].sent
    letters = [c for c in sent.text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _person_name_words(doc) -> dict:
    """Each word of the model's names of two or more words -> where those names start, read once
    per doc (not once per mention: N x N on a long text)."""
    key = ("sitrep", "person_name_words")
    if key not in doc.user_data:
        words: dict = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                for t in ent:
                    words.setdefault(t.lower_, set()).add(ent.start)
        doc.user_data[key] = words
    return doc.user_data[key]


def _town_not_person(an, lows, s, e) -> bool:
    """A lone name (one word) the model calls a person right after a place preposition ("in Renk",
    "fled from Beledweyne") that the gazetteer knows as a populated place, with no person evidence:
    no title or honorific before it, not a given name, not a word of another person's name in the
    article, not the subject of a verb of saying."""
    doc = an.doc
    if e - s != 1 or s == 0 or lows[s - 1] not in entity_words("town_preps") or \
            not doc[s].text[:1].isupper() or normalize(doc[s].text) in given_names():
        return False
    tok = doc[s]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in entity_words("say_lemmas"):
        return False
    places = candidates(tok.text)
    if not any(p.population >= TOWN_MIN_POPULATION or p.source == "table" for p in places):
        return False
    role, honorific, _, _ = _context_before(an, lows, s)
    if role or honorific:
        return False
    return not (_person_name_words(doc).get(lows[s], set()) - {s})


def _claim_town(an, s, e) -> None:
    """Record the town as a place of the article (a new Location, or a mention of a known one)."""
    doc = an.doc
    if any(i in an.token_place for i in range(s, e)):
        return
    text = doc[s:e].text
    loc = geocode(text, [x.country for x in an.locations])
    if loc is None:
        return
    _keep_place(an, loc, [x for x in an.locations if x.name == loc.name and x.country == loc.country],
                text, s, e)


def _keep_place(an, loc, same, text, s, e) -> None:
    """The tokens s..e, written `text`, name `loc`: the place of the article found already
    (`same`) when there is one, else a new one; a mention, and an alias when written otherwise."""
    if same:
        loc = same[0]
    else:
        an.locations.append(loc)
    loc.mentions.append(an.mention(an.doc[s:e]))
    if text != loc.name and text not in loc.aliases:
        loc.aliases.append(text)
    for t in range(s, e):
        an.token_place[t] = loc


def _place_frame(an, lows, s, e, label):
    """[(start, end, name)] of the places a PERSON/ORG span of the model names, from the words
    around it, or None: a place noun + "of" before it ("the town of al-Busayrah", "residents of
    Petion-Ville"), a territorial office + "of" ("the governor of Norte de Santander"), a place
    noun after it ("the Al-Harsha areas", "the Naf river": the singular noun joins the name), a
    compass word opening it ("SAKE, North Kivu - ..."), two names joined by "and" after
    "between" ("between Qamishli and Amuda"), or one word after a place preposition that nothing
    marks as a body ("dug in beyond Minova"). A title, a body word or a known name before or
    inside keeps it an entity."""
    doc = an.doc
    if not _placeish(an, lows, s, e):
        return None
    before = lows[s - 2:s] if s >= 2 else []
    if len(before) == 2 and before[1] == "of" and (before[0] in entity_words("place_frame_nouns")
                                                   or before[0] in entity_words("territorial_roles")):
        return [(s, e, None)]
    if e < len(doc) and lows[e] in entity_words("place_head_nouns") and doc[e].is_lower:
        plural = lows[e].endswith("s") and lows[e] not in ("locality",)
        return [(s, e, None)] if plural else [(s, e + 1, doc[s:e + 1].text)]
    if lows[s] in entity_words("directions") and e - s >= 2 and label == "PERSON":
        return [(s, e, None)]
    ands = [i for i in range(s + 1, e - 1) if lows[i] == "and"]
    if len(ands) == 1 and s > 0 and lows[s - 1] == "between" and label == "ORG":
        return [(s, ands[0], None), (ands[0] + 1, e, None)]
    if _between_places(doc, lows, s):
        return [(s, e, None)]
    if e - s == 1 and label == "ORG" and s > 0 and lows[s - 1] in entity_words("place_preps") and \
            not is_acronym(doc[s].text) and doc[s].pos_ == "PROPN" and \
            not (e < len(doc) and (doc[e].text in POSSESSIVES or doc[e].text[:1].isupper())) and \
            doc[s].dep_ not in ("nsubj", "nsubjpass"):
        return [(s, e, None)]
    return None


def _admin_suffixes(kb) -> list[tuple[str, ...]]:
    rows = kb.section("admin_areas.yaml", "suffixes", list)
    return sorted({tuple(str(r).lower().split()) for r in rows}, key=len, reverse=True)


def _claim_area(an, s, k, e) -> None:
    """Record an administrative area as a place named by its name without the suffix, as the
    places stage names "the Donetsk region" ("Faskari Local Government Area" -> Faskari, the
    full form an alias)."""
    _claim_place(an, s, e, an.doc[s:k].text)
    loc = an.token_place.get(s)
    full = an.doc[s:e].text
    if loc is not None and full != loc.name and full not in loc.aliases:
        loc.aliases.append(full)


def _admin_area(an, lows, s, e) -> int:
    """Where the suffix starts when the span names an administrative area, else 0: it ends with a capitalised suffix of
    admin_areas.yaml ("Local Government Area", "District", "Governorate") after one to three proper
    nouns that are no known organization (nor hold one: "Islamic State ... Province"), no body,
    group, role or media word and no demonym."""
    doc = an.doc
    for suffix in get_knowledge().derived("entities.admin_suffixes", _admin_suffixes):
        k = e - len(suffix)
        if k <= s or tuple(lows[k:e]) != suffix or not all(t.text[:1].isupper() for t in doc[k:e]):
            continue
        stem = doc[s:k]
        heads = _group_heads() | entity_words("org_heads") | MEDIA_NOUNS | set(GENERIC_BODIES)
        return k if len(stem) <= 3 and all(
            (t.pos_ == "PROPN" and t.text[:1].isupper() or t.text == "-") and t.lower_ not in heads
            and not is_role_word(t.text) and not demonym_country(t.text) for t in stem) and \
            not any(organization(doc[a:b].text) for a in range(s, k) for b in range(a + 1, k + 1)) else 0
    return 0


def _between_places(doc, lows, s) -> bool:
    """The name is A or B of "the road between A and B" (a noun of ground before "between")."""
    b = s - 1
    if b > 0 and lows[b] == "and":
        b -= 1
        while b > 0 and doc[b].text[:1].isupper() and s - b <= 5:
            b -= 1
    if b <= 0 or lows[b] != "between":
        return False
    return lows[b - 1] in entity_words("between_nouns") or \
        doc[b].head.lemma_.lower() in entity_words("between_nouns")


def _placeish(an, lows, s, e) -> bool:
    """The span could be a place name: capitalised words (particles allowed), no body, group,
    media or role word, no title or honorific before it, not a given name alone."""
    doc = an.doc
    if e - s > 4 or is_acronym(doc[s:e].text) or demonym_country(doc[s:e].text):
        return False
    heads = _group_heads() | entity_words("org_heads") | MEDIA_NOUNS | set(GENERIC_BODIES)
    for t in doc[s:e]:
        if t.lower_ in heads or is_role_word(t.text) or t.like_num:
            return False
        if not (t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or t.text == "-" or
                t.lower_ == "and"):
            return False
    if e - s == 1 and normalize(doc[s].text) in given_names():
        return False
    role, honorific, _, _ = _context_before(an, lows, s)
    return not (role or honorific)


def _claim_place(an, s, e, name=None) -> None:
    """Record a framed name as a place of the article: geocoded when the gazetteer knows it, else
    a place without coordinates (like the places stage's cued names)."""
    if any(i in an.token_place for i in range(s, e)):
        return
    text = name or an.doc[s:e].text
    loc = geocode(text, [x.country for x in an.locations]) or \
        Location(name=text, country=None, lat=None, lon=None, kind=None)
    _keep_place(an, loc, [x for x in an.locations if translit_key(x.name) == translit_key(loc.name)],
                text, s, e)


def _not_a_name(an, lows, s, e, label, known, state_starts=()) -> bool:
    """Spans that name no person or organization: junk, demonyms, equipment and ships, a word of
    a title, a generic body word, a military operation, a compound modifier ("Kremlin-aligned"),
    a lone common word the model tagged ORG ("Fierce"), a lower-case description ("the Russian
    military")."""
    doc = an.doc
    text = doc[s:e].text
    if _is_junk(text, s in state_starts) or (demonym_country(text) and not known) or \
            is_equipment(text) or after_ship_noun(doc, s):
        return True                       # "Russians", "Patriots", "USS Carney", "Telegram"
    if e - s == 1 and doc[s].is_stop and _capitals_line(doc, s):
        return True                       # "WHO IS BEHIND IT?": words, not the WHO
    if known:
        return compound_modifier(doc, e)
    if all(lows[i] in entity_words("peoples") or doc[i].text == "-" for i in range(s, e)):
        return True                       # "Hutu", "Fulani" tagged PERSON: a people
    if label == "ORG" and _in_role(lows, s, e):
        return True                       # "State" of "Secretary of State"
    if e - s == 1 and lows[s] in GENERIC_BODIES and \
            (doc[s].is_sent_start or doc[s].text[:1].islower() or s == 0 or _line_opening(doc, s)
             or _capitals_line(doc, s)):
        return True                       # "Army spokesman ...", "* Police said", "HOW DID THE
                                          # GOVERNMENT RESPOND?": no name
    if e - s == 1 and label == "ORG" and doc[s].pos_ == "NOUN" and _line_opening(doc, s) and \
            not is_acronym(text):
        return True                       # "Smoke rises over ..." opening a caption
    if e - s >= 2 and lows[s] in entity_words("operation_words"):
        return True                       # "Operation Sindoor"
    if label == "ORG" and s not in state_starts and \
            any(t.is_lower and t.is_alpha and t.lower_ not in NAME_GLUE_WORDS for t in doc[s:e]):
        return True                       # "Next post Danilov": a page label, not a name
    if e - s == 1 and label == "ORG" and (doc[s].pos_ not in ("PROPN", "NOUN")
                                          or lows[s] in entity_words("directions")) and not is_acronym(text):
        return True                       # "Fierce clashes", "Anglophone", "the Northwest"
    if e - s == 2 and demonym_country(doc[s].text) and doc[e - 1].is_lower and \
            lows[e - 1] in entity_words("descriptive_bodies"):
        return True                       # "the Russian military": a description
    return compound_modifier(doc, e)      # "Kremlin-aligned news agency"


def _line_opening(doc, s: int) -> bool:
    """Token s is the first word of its line, after a bullet glyph at most ("* Police said")."""
    i = _line_start(doc, s)
    return all(t.is_punct or t.is_space for t in doc[i:s])


def _capitals_line(doc, s: int) -> bool:
    """The line of token s is written in capitals (three words or more): case names nothing."""
    i = _line_start(doc, s)
    words = []
    while i < len(doc) and "\n" not in doc[i].text:
        if doc[i].is_alpha:
            words.append(doc[i].text)
        if "\n" in doc[i].whitespace_:
            break
        i += 1
    return len(words) >= 3 and all(w.isupper() for w in words)


def _retype(an, lows, s, e, label, known):
    """(label, start): a PERSON span that is an outlet or a group is an ORG; an ORG span made of a
    title and a name is the PERSON ("General Sylvain Ekenge" tagged ORG)."""
    doc = an.doc
    text = doc[s:e].text
    if label == "PERSON" and e - s == 1 and is_acronym(text) and len(text) <= 6 and \
            not any(c.isdigit() for c in text) and not _title_case_line(doc, s):
        return "ORG", s                   # "VDP", "FARDC" tagged PERSON: a body's acronym
    if label == "PERSON" and _country_office(text):
        return "ORG", s                   # "OCHA Mozambique" tagged PERSON: a body's office
    if label == "PERSON" and (organization(text) or _media_context(doc, s, e)
                              or _org_apposition(doc, e) or
                              e - s >= 2 and doc[e - 1].text[:1].isupper() and
                              lows[e - 1] in _group_heads() or
                              e - s >= 2 and lows[s] in entity_words("group_name_words")):
        return "ORG", s                   # "its propaganda outlet Az-Zallaqa"
    if label == "PERSON" and e - s == 1 and doc[s].dep_ == "dobj" and doc[s].head.lemma_ == "tell" \
            and normalize(text) not in given_names():
        return "ORG", s                   # "an official told Rudaw": an outlet (a surname of a
                                          # person named in full joins that person later)
    if label == "ORG" and not known:
        s2 = _leading_title(lows, s, e)
        if s2 > s and e - s2 >= 2 and all(_name_word(t, an.token_place) or t.ent_iob_ != "O"
                                          for t in doc[s2:e]) and _person_ok(doc[s2:e]):
            return "PERSON", s2
        if 2 <= e - s <= 5 and _person_ok(doc[s:e]) and _led_by_person(an, lows, s, e):
            return "PERSON", s            # "the council's president, Fritz Alphonse Jean,",
                                          # "the government of Aung San Suu Kyi" tagged ORG
        if 1 <= e - s <= 4 and _person_ok(doc[s:e]) and _person_apposition(doc, e) and \
                all(t.text[:1].isupper() for t in doc[s:e]) and \
                not any(t.lower_ in _group_heads() or t.lower_ in entity_words("org_heads")
                        or t.lower_ in MEDIA_NOUNS for t in doc[s:e]):
            return "PERSON", s            # "Gustavo Petro, the president," tagged ORG
        if 2 <= e - s <= 3 and _person_ok(doc[s:e]) and _speaking_given_name(doc, s, e) and \
                not any(t.lower_ in _group_heads() or t.lower_ in entity_words("org_heads")
                        or t.lower_ in MEDIA_NOUNS or t.i in an.token_place for t in doc[s:e]):
            return "PERSON", s            # "Gustavo Petro said ..." tagged ORG
        if 2 <= e - s <= 3 and _person_ok(doc[s:e]) and \
                not any(t.lower_ in _group_heads() or t.lower_ in entity_words("org_heads")
                        or t.lower_ in MEDIA_NOUNS for t in doc[s:e]) and \
                (_context_before(an, lows, s)[0] or normalize(doc[s].text) in given_names()):
            return "PERSON", s            # "spokesman Yury Ihnat", "Olena Kovalenko" tagged ORG
    return label, s


def _led_by_person(an, lows, s, e) -> bool:
    """An ORG span of the model that names the person a role or a body word before it points
    at: "ROLE, NAME," ("the council's president, Fritz Alphonse Jean, said") or "the government
    / regime / administration of NAME". Capitalised words only, no body, group, media or place
    word inside, and the span is not a known name."""
    doc = an.doc
    if any(not (t.text[:1].isupper() or t.lower_ in NAME_PARTICLES) or t.i in an.token_place
           or t.lower_ in _group_heads() or t.lower_ in entity_words("org_heads")
           or t.lower_ in MEDIA_NOUNS or t.lower_ in GENERIC_BODIES or is_role_word(t.text)
           for t in doc[s:e]):
        return False
    if s >= 2 and doc[s - 1].text == "," and is_role_word(doc[s - 2].text) and \
            doc[s - 2].is_lower and e < len(doc) and doc[e].text in (",", ")"):
        return True
    return s >= 2 and lows[s - 1] == "of" and lows[s - 2] in entity_words("descriptive_bodies")


def _group_persons(an, found) -> list["_Person"]:
    """One _Person per person: fullest names first, so short forms and nicknames attach to them."""
    doc = an.doc
    mentions = found.persons
    persons: list[_Person] = []
    index = _SurnameIndex()
    order = sorted(range(len(mentions)), key=lambda k: (-len(mentions[k][0]), mentions[k][1]))
    assigned: dict[int, _Person] = {}
    by_parts: dict[tuple, _Person | None] = {}   # a name told again matches as before: once per name
    nick_owner: dict[str, _Person] = {}
    for k in order:
        parts, s, e, *_ = mentions[k]
        text = doc[s:e].text
        match = nick_owner.get(text)
        if match is None:
            if tuple(parts) not in by_parts:
                by_parts[tuple(parts)] = index.first_match(parts)     # as _Person.matches, in order
            match = by_parts[tuple(parts)]
        if match is None:
            match = _Person(parts, " ".join(parts) if s in found.nicknames else text)
            persons.append(match)
            index.add(match)
            by_parts[tuple(parts)] = match
        match.nicks.update(mentions[k][6])
        for nick in mentions[k][6]:      # the first person (in list order) holding a nickname
            if nick not in nick_owner or persons.index(nick_owner[nick]) > persons.index(match):
                nick_owner[nick] = match
        assigned[k] = match
    for k, (parts, s, e, role, honorific, country, extra) in enumerate(mentions):
        p = assigned[k]
        span = doc[s:e]
        p.first = min(p.first, s)
        p.mentions.append(an.mention(span))
        p.tokens.extend(range(s, e))
        surface = span.text
        titled = role and " " not in role and role[:1].isupper() and doc[s - 1].text == role
        for form in (surface, f"{honorific} {surface}" if honorific else None,
                     f"{role} {surface}" if titled else None, *extra):
            if form and form not in p.forms:
                p.forms.append(form)
        p.role = p.role or role
        p.country = p.country or country
    return persons


def _surname_orgs(an, persons, org_mentions):
    """An organization mention that is the surname of a person named in full is that person
    ("Zambada" tagged ORG after "Ismael Zambada"); the other organization mentions."""
    doc = an.doc
    remaining = []
    owners: dict[str, "_Person | None"] = {}     # once per name, not once per mention
    named_in_full = _SurnameIndex([p for p in persons if len(p.parts) > 1], inner=False)
    nick_owner: dict[str, _Person] = {}
    for p in persons:
        for nick in p.nicks:
            nick_owner.setdefault(nick, p)
    for text, s, e, acronym in org_mentions:
        parts = text.split()
        if text not in owners:
            hits = named_in_full.surname_matches(parts[0]) if len(parts) == 1 else []
            owners[text] = nick_owner.get(text) or \
                (named_in_full.persons[hits[0]] if hits else None)
        owner = owners[text]
        if owner is None:
            remaining.append((text, s, e, acronym))
            continue
        owner.mentions.append(an.mention(doc[s:e]))
        owner.tokens.extend(range(s, e))
        if text not in owner.forms:
            owner.forms.append(text)
    return remaining


def _person_entities(an, persons) -> list[Entity]:
    """Entities in order of first mention, named as the article first introduces them in full
    ("Andrey Klychkov" stays "Andrey"); the store keys them with ``canonical_spelling``."""
    out = []
    for p in sorted(persons, key=lambda p: p.first):
        ent = Entity(name=p.name, aliases=[f for f in p.forms if f != p.name], kind="person",
                     role=p.role, country=p.country,
                     mentions=sorted(p.mentions, key=lambda m: m.start))
        out.append(ent)
        for t in p.tokens:
            an.token_entity[t] = ent
    return out


ALIAS_CUES = {("known", "as"), ("nicknamed",), ("dubbed",), ("alias",), ("aka",)}
ALIAS_SKIP = {",", "better", "also", "widely", "locally", "popularly", "commonly", "(", "the"}


def _known_as(an, lows, persons, orgs) -> None:
    """"Jimmy Cherizier, better known as Barbecue", "the Syrian Civil Defence, known as the White
    Helmets": the name after the cue is an alias of the entity before it, not a new entity."""
    doc = an.doc
    last_words = {c[-1] for c in ALIAS_CUES}
    for i in range(1, len(doc) - 1):
        if lows[i] not in last_words:         # no cue ends here (the cheap test first)
            continue
        cue = next((c for c in ALIAS_CUES if tuple(lows[i - len(c) + 1:i + 1]) == c), None)
        if cue is None:
            continue
        j = i + 1 + (lows[i + 1] == "the")
        k = j
        while k < len(doc) and k - j < 4 and doc[k].text[:1].isupper() and not doc[k].is_punct:
            k += 1
        if k == j:
            continue
        b = i - len(cue)
        while b >= 0 and lows[b] in ALIAS_SKIP:
            b -= 1
        owner = an.token_entity.get(b) if b >= 0 else None
        if owner is None or not doc[b].sent == doc[j].sent:
            continue
        other = next((an.token_entity[t] for t in range(j, k) if t in an.token_entity), None)
        if other is owner:
            continue
        if other is None:
            if all(an.token_place.get(t) is not None and an.token_place[t].lat is None
                   for t in range(j, k)):
                _drop_place_mentions(an, range(j, k))   # "known as Hemedti" tagged GPE
            owner.mentions = sorted(owner.mentions + [an.mention(doc[j:k])], key=lambda m: m.start)
            for t in range(j, k):
                an.token_entity[t] = owner
            if doc[j:k].text not in owner.aliases:
                owner.aliases.append(doc[j:k].text)
        # every entity named like the alias is the owner too ("the White Helmets" later on)
        alias = normalize(doc[j:k].text)
        for ent in [e for lst in (persons, orgs) for e in lst]:
            if ent is not owner and (ent is other or normalize(ent.name) == alias):
                _merge_into(an, owner, ent, persons, orgs)


PLACE_NAME_TAILS = {"river", "crossing", "city", "town", "valley", "district", "county", "province",
                    "governorate", "region", "state", "oblast", "township", "municipality"}


def _place_keys(loc) -> set[str]:
    """The lookup keys of an article's place: its name and the forms written, each also without
    a closing generic word ("Litani River" -> litani) and with no spaces ("Petionville")."""
    keys = set()
    for form in (loc.name, *loc.aliases):
        key = normalize(form)
        words = key.split()
        keys.add(key)
        if len(words) >= 2 and words[-1] in PLACE_NAME_TAILS:
            keys.add(" ".join(words[:-1]))
    return keys | {k.replace(" ", "") for k in keys}


def _names_of_places(an, persons, orgs) -> None:
    """A person or organization every form of which is the name of a place of the article, with
    no role, title or known body behind it, is that place told again ("the Diapaga attack",
    "south of Litani", "Nasir has seen fighting" beside "in Nasir"): its mentions join the place."""
    keys: dict[str, object] = {}
    for loc in an.locations:
        for key in _place_keys(loc):
            keys.setdefault(key, loc)
    if not keys:
        return
    for lst in (persons, orgs):
        for ent in list(lst):
            forms = {normalize(f) for f in (ent.name, *ent.aliases)}
            hits = {id(keys.get(f) or keys.get(f.replace(" ", ""))) for f in forms}
            loc = keys.get(normalize(ent.name)) or keys.get(normalize(ent.name).replace(" ", ""))
            if loc is None or len(hits) != 1 or ent.role or \
                    (ent.kind != "person" and organization(ent.name) is not None):
                continue
            lst.remove(ent)
            for t, owner in list(an.token_entity.items()):
                if owner is ent:
                    del an.token_entity[t]
                    an.token_place[t] = loc
            loc.mentions = sorted(loc.mentions + ent.mentions, key=lambda m: m.start)


def _merge_into(an, owner, other, persons, orgs) -> None:
    for lst in (persons, orgs):
        if other in lst:
            lst.remove(other)
    for t, ent in list(an.token_entity.items()):
        if ent is other:
            an.token_entity[t] = owner
    owner.mentions = sorted(owner.mentions + other.mentions, key=lambda m: m.start)
    owner.aliases.extend(f for f in (other.name, *other.aliases)
                         if f != owner.name and f not in owner.aliases)


MISSION_HEADS = {"mission", "office", "force", "operation", "command", "delegation"}


def _extend_mission(doc, c, token_place):
    """An ORG that names a mission "in" a country takes the country into its name: "African Union
    Transition Mission in Somalia", "UN Interim Force in Lebanon"."""
    s, e, label = c
    if label != "ORG" or e - s < 2 or e + 1 >= len(doc) or doc[e - 1].lower_ not in MISSION_HEADS \
            or not doc[e - 1].text[:1].isupper() or doc[e].lower_ != "in":
        return c
    loc = token_place.get(e + 1)
    if loc is None or loc.kind != "country":
        return c
    k = e + 1
    while k < len(doc) and token_place.get(k) is loc:
        k += 1
    return (s, k, label)


def _mission_span(doc, start, end) -> bool:
    return any(doc[i].lower_ in MISSION_HEADS and doc[i + 1].lower_ == "in"
               for i in range(start, end - 1))


def _merge_split_names(doc, candidates):
    """Join two PERSON spans the model split: at a name particle ("Mohammed bin Abdulrahman" +
    "Al Thani"), or side by side with nothing between them in one sentence of the body
    ("Oleksandr" + "Stanislavovych Syrskyi", "Hassan" + "Sheikh Mohamud"): one name."""
    out: list[tuple[int, int, str]] = []
    headline = headline_tokens(doc)
    for c in sorted(candidates):
        if out and c[2] == "PERSON" and out[-1][2] == "PERSON" and out[-1][1] == c[0] and \
                (doc[c[0]].lower_.rstrip("-") in NAME_PARTICLES
                 or doc[out[-1][1] - 1].lower_.rstrip("-") in NAME_PARTICLES
                 or _adjacent_names(doc, out[-1], c, headline)):
            out[-1] = (out[-1][0], c[1], "PERSON")
            continue
        out.append(c)
    return out


def _adjacent_names(doc, left, right, headline) -> bool:
    """Two PERSON spans that touch, in one body sentence, on one line, with no possessive or
    punctuation at the seam and one name's length at most together."""
    seam = doc[left[1] - 1]
    return right[1] - left[0] <= MAX_PERSON_TOKENS and not doc[right[0]].is_sent_start and \
        seam.whitespace_ == " " and seam.text[:1].isupper() and doc[right[0]].text[:1].isupper() \
        and not seam.is_punct and seam.text not in POSSESSIVES and \
        not any(i in headline for i in range(left[0], right[1]))


def _within(inner, outer) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _covers_known(candidate, known_spans) -> bool:
    s, e, _ = candidate
    return any(s <= ks and ke <= e and (e - s) > (ke - ks) for ks, ke in known_spans)


def _organizations(an, org_mentions) -> list[Entity]:
    groups: dict[str, dict] = {}      # canonical key -> {name, forms, mentions, tokens, country, first}
    alias_to_key: dict[str, str] = {}
    body_to_key: dict[str, str] = {}     # "Armenian armed forces" = "Armed Forces of Armenia"

    def group_for(text: str, owned: str | None = None) -> str:
        office = _country_office(text)
        if office:
            return group_for(office)      # "UNICEF Sudan" is UNICEF (the form stays an alias)
        entry = organization(text)
        if entry is not None:
            key = normalize(entry.name)
            if key not in groups:
                groups[key] = {"name": entry.name, "forms": [], "mentions": [], "tokens": [],
                               "country": entry.country, "first": 10 ** 9}
            return key
        body = _body_key(owned or text)
        key = alias_to_key.get(text) or alias_to_key.get(normalize(text)) or \
            (body_to_key.get(body) if body else None)
        if key is None:
            canon = institution_name(text) or _owner_after(text)
            if canon and organization(canon):
                return group_for(canon)
            name = canon or text
            key = normalize(name)
            if key not in groups:
                groups[key] = {"name": name, "forms": [], "mentions": [], "tokens": [],
                               "country": _org_country(text), "first": 10 ** 9}
            if body:
                body_to_key.setdefault(body, key)
        return key

    # defined acronyms first, so later uses of the acronym join the full name
    for text, s, e, acronym in org_mentions:
        if acronym and not organization(acronym):
            alias_to_key[acronym] = group_for(text)
        elif acronym and not organization(text):       # "Main Intelligence Directorate (HUR)"
            alias_to_key[normalize(text)] = group_for(acronym)
        for form in _short_forms(text):       # "US Treasury" and "Treasury" join the department
            alias_to_key.setdefault(normalize(form), group_for(text))
    pending_acronyms = []
    for text, s, e, acronym in org_mentions:
        if is_acronym(text) and not organization(text) and text not in alias_to_key:
            pending_acronyms.append((text, s, e))
            continue
        key = group_for(text, _owned_text(an.doc, s, e, organization(text) is not None))
        _add_org_mention(an, groups[key], text, s, e)
        if acronym:
            _add_org_acronym(an, groups[key], acronym, e + 1)
    for text, s, e in pending_acronyms:
        # "UNSC" with "United Nations Security Council" in the article: merge by initials
        key = next((k for k, g in groups.items() if _initials(g["name"]) == text.replace(".", "")),
                   None) or group_for(text)
        _add_org_mention(an, groups[key], text, s, e)

    out = []
    for g in sorted(groups.values(), key=lambda g: g["first"]):
        if not g["mentions"]:
            continue
        forms = list(dict.fromkeys(f for f in g["forms"] + _short_forms(g["name"])
                                   if f != g["name"]))
        words = g["name"].split()
        if len(words) >= 2 and words[-1] in _group_heads() and not country_code(words[0]) and \
                not (words[-1] == "police" and _country_places(" ".join(words[:-1]))) and all(
                w[:1].isupper() and w.replace("-", "").isalpha() for w in words[:-1]):
            forms.append(" ".join(words[:-1]))       # "Gran Grif gang" is also "Gran Grif"
        ent = Entity(name=g["name"], aliases=forms, kind="organization", country=g["country"],
                     mentions=sorted(g["mentions"], key=lambda m: m.start))
        out.append(ent)
        for t in g["tokens"]:
            an.token_entity[t] = ent
    # a bare short form ("Security Council") stays separate: it may be the UN's or Russia's,
    # and merging would guess.
    return out


def _country_office(text: str) -> str | None:
    """The body of a country office written as its acronym and the country: "OCHA Mozambique",
    "UNICEF Sudan", "MSF Belgium" -> the acronym; else None."""
    words = text.split()
    if len(words) < 2 or not is_acronym(words[0]) or len(words[0]) < 3 or \
            any(c.isdigit() for c in words[0]):
        return None
    rest = " ".join(words[1:])
    return words[0] if any(p.kind == "country" or p.source == "table"
                           for p in _country_places(rest)) else None


def _body_key(text: str) -> str | None:
    """One key for the forms of one body: an owner written as a demonym, a possessive or an "of"
    tail ("Armenian armed forces", "Armenia's armed forces", "Armed Forces of Armenia" ->
    "AM armed forces"), and a one-word name and its plural ("Huthi", "Huthis"). None when the
    name has no owner and is more than one word."""
    words = [w for w in re.findall(r"[\w'\u2019-]+", text) if w.lower() not in ("of", "the")]
    if len(words) == 1:
        w = words[0]
        return "=" + w.lower().removesuffix("s") if len(w) >= 5 and w[:1].isupper() else None
    codes = [c for c in (country_code(w) for w in words) if c]
    rest = [w.lower() for w in words if not country_code(w)]
    if len(codes) != 1 or not rest:
        return None
    return codes[0] + " " + " ".join(sorted(rest))


def _short_forms(name: str) -> list[str]:
    """"US Department of the Treasury" is also "US Treasury" and "Treasury"; a portfolio that is
    a title's word ("Defence", "State") never stands alone."""
    m = re.match(r"^(?:(\S+) )?(?:Department|Ministry|Office) of (?:the )?([A-Z][\w-]+)$", name)
    if not m:
        return []
    owner, obj = m.groups()
    out = [f"{owner} {obj}"] if owner else []
    return out + ([obj] if not is_role_word(obj) else [])


def _caps(text: str) -> int:
    return sum(w[:1].isupper() for w in text.split())


def _add_org_mention(an, group, text, s, e) -> None:
    if normalize(text) == normalize(group["name"]) and _caps(text) > _caps(group["name"]):
        group["forms"].append(group["name"])
        group["name"] = text              # "British Army" over "British army"
    span = an.doc[s:e]
    group["mentions"].append(an.mention(span))
    group["tokens"].extend(range(s, e))
    group["first"] = min(group["first"], s)
    if text not in group["forms"]:
        group["forms"].append(text)


def _add_org_acronym(an, group, acronym, index) -> None:
    if acronym not in group["forms"]:
        group["forms"].append(acronym)
    group["tokens"].append(index)
    group["mentions"].append(an.mention(an.doc[index:index + 1]))


def _org_country(text: str) -> str | None:
    first = text.split()[0] if text.split() else ""
    return demonym_country(first) or (country_code(first) if first[:1].isupper() else None)
