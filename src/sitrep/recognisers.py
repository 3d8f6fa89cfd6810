"""Recognisers shared by the places and entities stages (neither imports the other).

- ``matchers(kb)``: the gazetteer and organization PhraseMatchers (cased places, lower-case
  places flagged ``nocase``, known organization names), built once per Knowledge;
- ``titles`` / ``is_role_word``: titles and honorifics of ``data/titles.yaml``;
- ``entity_words(key)``: the word lists of ``data/entity_words.yaml`` (ship prefixes, locative
  prepositions, media heads, ...);
- span finders over a parsed Doc that both stages need to agree on: the outlet of a wire dateline
  (``dateline_outlets``), a group named in quotation marks (``quoted_names``), the name an acronym
  in parentheses spells (``acronym_expansions``), a place span that heads an organization
  (``org_like``), a name used as a compound modifier ("Kremlin-aligned": ``compound_modifier``),
  and a line written in title case (``headline_tokens``: headlines, section labels).
"""
from __future__ import annotations

import re

from .gazetteer import get_gazetteer, is_acronym, normalize, organizations, ship_nouns
from .gazetteer import organization as organizations_entry
from .knowledge import Knowledge, get_knowledge

CITY_MIN_POPULATION = 100_000    # geonames cities matched in running text without NER's help
NAME_GLUE = {"of", "the", "'s", "\u2019s", "for", "de", "al", "el", "-", "&", "on"}
QUOTES = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e"}
COMPOUND_SUFFIXES = ("ed", "based", "held", "friendly", "made", "born", "bound")
DASHES = {"-", "\u2013", "\u2014", "--"}
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "without", "de", "du",
               "des", "la", "le", "al", "el", "by", "with", "from", "against", "over"}


def _kb(kb: Knowledge | None) -> Knowledge:
    return kb if kb is not None else get_knowledge()


def translit_key(s: str) -> str:
    """One form for common transliteration differences of a name, persons and places alike:
    Zelenskyy/Zelenskiy/Zelensky, Maiorsk/Mayorsk, Kharkiv/Harkiv."""
    s = normalize(s)
    for a, b in (("iy", "y"), ("yy", "y"), ("ij", "y"), ("ii", "y"), ("ie", "ye"), ("j", "y"),
                 ("kh", "h"), ("ks", "x"), ("ai", "ay")):
        s = s.replace(a, b)
    return s


def entity_words(key: str, kb: Knowledge | None = None) -> frozenset[str]:
    """One word list of data/entity_words.yaml, lower-cased."""
    return _kb(kb).words("entity_words.yaml", key)


# -- titles -------------------------------------------------------------------------------------

def _build_titles(kb: Knowledge):
    raw = kb.yaml("titles.yaml") or {}
    honorifics = frozenset(str(h).lower() for h in raw.get("honorifics") or ())
    roles: dict[tuple[str, ...], str] = {}
    for r in raw.get("roles") or ():
        # tokens as spaCy splits them: "Secretary-General" -> secretary, -, general
        roles[tuple(re.findall(r"[^\s-]+|-", str(r).lower()))] = str(r)
    ordered = tuple(sorted(roles, key=len, reverse=True))
    return honorifics, ordered, roles


def titles(kb: Knowledge | None = None):
    """(honorifics, role token tuples longest first, role tuple -> role as written)."""
    return _kb(kb).derived("recognisers.titles", _build_titles)


def _build_roles_by_word(kb: Knowledge):
    _, roles, _ = titles(kb)
    first: dict[str, list] = {}
    last: dict[str, list] = {}
    anyw: dict[str, list] = {}
    for r in roles:                     # already longest first
        first.setdefault(r[0], []).append(r)
        last.setdefault(r[-1], []).append(r)
        for w in set(r):
            anyw.setdefault(w, []).append(r)
    return first, last, anyw


def roles_by_word(kb: Knowledge | None = None):
    """Role tuples indexed by first word, last word and any word (longest first): role lookups
    stay a dict hit per token instead of a scan of the whole titles list."""
    return _kb(kb).derived("recognisers.roles_by_word", _build_roles_by_word)


def is_role_word(word: str, kb: Knowledge | None = None) -> bool:
    """True for a word of a title or an honorific in data/titles.yaml ("interior", "minister")."""
    if not any(c.isalpha() for c in word):
        return False                      # the "-" of "Secretary-General"
    return word.lower() in roles_by_word(kb)[2] or word.lower() in titles(kb)[0]


# -- matchers -----------------------------------------------------------------------------------

def is_acronym_like(form: str) -> bool:
    return form.replace(".", "").isupper() and len(form) <= 5


def _ascii(name: str) -> str:
    import unicodedata
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.rstrip("'\u2019\u02b9\u02bc`")     # geonames' soft sign: "Ryazan’"


def _case_variants(name: str) -> set[str]:
    """A name as written plus its small words in the other case: "Doctors Without Borders" is
    also matched as "Doctors without Borders"."""
    words = name.split()
    low = " ".join(w.lower() if w.lower() in SMALL_WORDS and i else w for i, w in enumerate(words))
    cap = " ".join(w.capitalize() if w.lower() in SMALL_WORDS and i else w
                   for i, w in enumerate(words))
    return {name, low, cap}


def _patterns(kb: Knowledge) -> dict[str, list[str]]:
    """The phrase strings of the three matchers: cased places, lower-case places, organizations."""
    gaz = get_gazetteer(kb)
    cased: set[str] = set()
    nocase: set[str] = set()
    for place in gaz.table:
        for form in gaz.table_names[place.name]:
            form = form[4:] if form.lower().startswith("the ") else form
            cased.add(form)
            if place.nocase and not is_acronym_like(form):
                nocase.add(form.lower())
    for places in gaz.by_key.values():
        for p in places:
            if p.source in ("country", "us_state") or (
                    p.source == "geonames" and p.population >= CITY_MIN_POPULATION):
                cased.add(p.name)
                cased.add(_ascii(p.name))         # "Culiacan", "Bogota" as English texts write them
    cased.update(gaz.bare_forms)                  # "Qamishli" of "Al Qamishli"
    orgs: set[str] = set()
    acronyms, names = organizations()
    orgs.update(acronyms)
    for entry in set(names.values()):
        if not entry.ner_only:     # single words too: "Hezbollah", "Kremlin", "Al-Manar"
            for a in (entry.name, *entry.aliases):
                if any(c.isupper() for c in a):               # "al Qaeda" too
                    orgs.update(_case_variants(a))
    return {"cased": sorted(cased), "nocase": sorted(nocase), "orgs": sorted(orgs)}


class PhraseSet:
    """Token-sequence matcher over a Doc: every (0, start, end) where the tokens' texts (or their
    lower-case forms) equal a pattern, as spaCy's PhraseMatcher returns them. The patterns are
    plain tuples of strings, so the set pickles and loads in milliseconds."""

    def __init__(self, patterns, lower: bool = False):
        self.lower = lower
        self.patterns = frozenset(patterns)
        self.longest = max((len(p) for p in self.patterns), default=0)
        self.first = frozenset(p[0] for p in self.patterns)

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        words = doc_words(doc, self.lower)
        at = _word_positions(doc, self.lower)
        # the positions of the patterns' first words, from the Doc's index of its words (a scan
        # of every word per matcher cost as much as the matching)
        firsts = [w for w in self.first if w in at] if len(self.first) < len(at) else \
            [w for w in at if w in self.first]
        out = []
        for i in sorted(i for w in firsts for i in at[w]):
            for n in range(1, min(self.longest, len(words) - i) + 1):
                if tuple(words[i:i + n]) in self.patterns:
                    out.append((0, i, i + n))
        return out


def _word_positions(doc, lower: bool) -> dict[str, list[int]]:
    """word (or lower-case form) -> its token positions, ascending; built once per Doc."""
    key = ("sitrep", "lower_positions" if lower else "positions")
    at = doc.user_data.get(key)
    if at is None:
        at = doc.user_data[key] = {}
        for i, w in enumerate(doc_words(doc, lower)):
            at.setdefault(w, []).append(i)
    return at


def doc_words(doc, lower: bool = False) -> list[str]:
    """The texts (or lower-case forms) of the Doc's tokens, listed once per Doc: every matcher
    over the Doc reads the same list."""
    key = ("sitrep", "lower_words" if lower else "words")
    words = doc.user_data.get(key)
    if words is None:
        words = doc.user_data[key] = [t.lower_ if lower else t.text for t in doc]
    return words


def _build_phrase_sets(kb: Knowledge):
    from .nlp import get_nlp
    tok = get_nlp().tokenizer
    out = []
    for key, lower in (("cased", False), ("nocase", True), ("orgs", False)):
        strings = _patterns(kb)[key]
        out.append(PhraseSet((tuple(t.lower_ if lower else t.text for t in d if not t.is_space)
                              for d in tok.pipe(strings)), lower))
    return tuple(out)


def _build_matchers(kb: Knowledge):
    import spacy

    import sys

    from . import gazetteer
    from .diskcache import code_digest, load_or_build
    from .nlp import MODEL
    extra = f"{MODEL}-{spacy.__version__}-{code_digest(sys.modules[__name__], gazetteer)}"
    return load_or_build("matchers", kb, lambda: _build_phrase_sets(kb), extra)


def matchers(kb: Knowledge | None = None):
    """(cased places, lower-case places, organizations) PhraseSets, built once per Knowledge
    with the pipeline's tokenizer and cached on disk (sitrep.diskcache)."""
    return _kb(kb).derived("recognisers.matchers", _build_matchers)


def longest_spans(spans):
    """Non-overlapping spans, longest first, then leftmost."""
    taken: set[int] = set()
    out = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        out.append((start, end))
    return sorted(out)


# -- spans both stages agree on -----------------------------------------------------------------

def org_like(ent) -> bool:
    """A span the model calls a place whose last word is capitalised and heads an organization:
    "The United States Africa Command", "the Kherson Regional Military Administration"."""
    last = ent[-1]
    return len(ent) >= 2 and last.text[:1].isupper() and last.lower_ in entity_words("org_heads")


def names_a_body(span) -> bool:
    """A span the model calls a place that names a body: "Syrian Observatory for Human Rights"
    (a demonym then capitalised words, or a "for" inside a name of three words or more)."""
    from .gazetteer import demonym_country
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or not all(t.text[:1].isupper() or t.lower_ in NAME_GLUE for t in words):
        return False
    return bool(demonym_country(words[0].text)) or (
        len(words) >= 3 and any(t.lower_ == "for" for t in words[1:-1]))



def speaks(span) -> bool:
    """An unknown name the model calls a place that is the subject of a verb of saying
    ("..., Rosaviatsia said"): places do not speak, bodies do."""
    last = span[-1]
    return last.dep_ == "nsubj" and last.head.lemma_ in entity_words("say_lemmas") and \
        not get_gazetteer().candidates(span.text, alternates=True)


def _outlet_word(tok) -> bool:
    return tok.text[:1].isupper() or (tok.text in ("-", "&") and not tok.whitespace_)


def dateline_outlets(doc) -> list[tuple[int, int]]:
    """Token spans of the outlet in a wire dateline: "BEIRUT, July 14 (Levant Wire) -",
    "MAIDUGURI, June 30 (Lake Chad Dispatch) -", "(NNN-AGENCIES) -". A lone place or person in
    the parentheses ("(Kyiv) -") is not an outlet."""
    out = []
    for i, tok in enumerate(doc[:-3]):
        if tok.text != "(":
            continue
        if i > 0 and doc[i - 1].text.isupper() and doc[i - 1].is_alpha:
            out.extend(_credit_parts(doc, i))
        j = i + 1
        while j < len(doc) and j - i <= 5 and (_outlet_word(doc[j]) or _known_outlet(doc[j].text)):
            j += 1
        if j == i + 1 or j + 1 >= len(doc) or doc[j].text != ")" or doc[j + 1].text not in DASHES:
            continue
        if any(e.start == i + 1 and e.end == j and e.label_ in ("GPE", "LOC", "PERSON")
               for e in doc.ents) or (j == i + 2 and doc[i + 1].ent_type_ in ("GPE", "LOC")):
            continue
        out.append((i + 1, j))
    return out


SLASHED = re.compile(r"^/([A-Za-z][\w-]*)/\.?$")


def _known_outlet(text: str) -> bool:
    """A known outlet whatever its case ("dpa")."""
    entry = organizations_entry(text)
    return entry is not None and entry.kind == "media"


def slashed_outlets(doc) -> list[tuple[int, str]]:
    """(token index, outlet) of an outlet written between slashes in a dateline: "MOSCOW,
    October 7. /TASS/." -> TASS. Upper-case or known outlets only."""
    out = []
    for i, tok in enumerate(doc):
        m = SLASHED.match(tok.text)
        if m and (m.group(1).isupper() or _known_outlet(m.group(1))):
            out.append((i, m.group(1)))
    return out


def _credit_parts(doc, i) -> list[tuple[int, int]]:
    """The outlets of an upper-case dateline's parenthesis split by slashes: "MOSCOW (UrduPoint
    News / Sputnik - 13th November, 2022)" -> UrduPoint News, Sputnik."""
    parts, start = [], i + 1
    j = i + 1
    while j < len(doc) and j - i <= 12:
        t = doc[j]
        if t.text in ("/", ")") or t.text in DASHES or t.like_num:
            if start < j and all(_outlet_word(x) for x in doc[start:j]):
                parts.append((start, j))
            if t.text != "/":
                break
            start = j + 1
        j += 1
    return parts if len(parts) >= 2 else []


def quoted_names(doc) -> list[tuple[int, int]]:
    """Token spans of an armed group named in quotation marks, as Russian and translated texts
    write them: the so-called "Russian Volunteer Corps", the "Freedom of Russia Legion"."""
    units = entity_words("unit_words")
    out = []
    for i, tok in enumerate(doc):
        if tok.text not in QUOTES:
            continue
        j = i + 1
        while j < len(doc) and j - i <= 6 and doc[j].text not in QUOTES and \
                (doc[j].text[:1].isupper() or doc[j].lower_ in NAME_GLUE):
            j += 1
        if j < len(doc) and doc[j].text in QUOTES and j - i >= 3 and \
                doc[i + 1].text[:1].isupper() and doc[j - 1].lower_ in units:
            out.append((i + 1, j))
    return out


def acronym_expansions(doc) -> list[tuple[int, int]]:
    """Token spans of a name that an acronym in parentheses spells: "Islamic State West Africa
    Province (ISWAP)", "State Emergency Management Agency (SEMA)". Small words ("of", "the",
    "and", "for") may sit inside; the initials of the capitalised words must equal the acronym."""
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


def one_line(doc, start: int, end: int) -> tuple[int, int]:
    """The part of a span that lies on one line: leading line breaks off, cut at the first line
    break inside. A headline ending with a name ("... in Plateau" + blank line + body) makes the
    model run the name into the break ("Plateau\n\n"); no name holds a line break."""
    while start < end and "\n" in doc[start].text:
        start += 1
    for i in range(start, end):
        if "\n" in doc[i].text:
            end = i
            break
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def compound_modifier(doc, end) -> bool:
    """'Moscow-backed', 'US-led', 'Kremlin-aligned': the name qualifies something else."""
    return (end + 1 < len(doc) and doc[end].text in ("-", "\u2010") and doc[end + 1].is_lower
            and doc[end + 1].lower_.endswith(COMPOUND_SUFFIXES))


def _build_given_names(kb: Knowledge) -> frozenset[str]:
    from .gazetteer import normalize
    names: set[str] = set()
    for group in kb.yaml("name_variants.yaml") or []:
        names.update(normalize(str(n)) for n in group)
    for k, v in (kb.yaml("name_spellings.yaml") or {}).items():
        names.update((normalize(str(k)), normalize(str(v))))
    return frozenset(names)


def given_names(kb: Knowledge | None = None) -> frozenset[str]:
    """Given names the data files know (name_variants.yaml, name_spellings.yaml), normalised:
    a span that starts with one is a person's name ("between Volodymyr Zelensky and ...")."""
    return _kb(kb).derived("recognisers.given_names", _build_given_names)


def after_ship_noun(doc, start: int) -> bool:
    """"the cruiser Moskva", "the tanker Sounion": the name is a ship's."""
    return start > 0 and doc[start - 1].lower_ in ship_nouns()


def _title_cased(words: list[str]) -> bool:
    """A line where every word but the small ones starts with a capital: a headline or a label."""
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


def headline_tokens(doc) -> set[int]:
    """Indices of tokens on lines written in title case ("Gaza Ministry Condemns Attack") or on
    short label lines ("Videos", "Background:"): names there are suspect unless the body repeats
    them."""
    out: set[int] = set()
    texts = doc_words(doc)
    lines: list[list[int]] = [[]]
    for i, text in enumerate(texts):
        if "\n" in text and text.isspace():      # a whitespace token holding a line break
            lines.append([])
        else:
            lines[-1].append(i)
    for line in lines:
        words = [texts[i] for i in line if any(c.isalpha() for c in texts[i])]
        if words and (len(words) <= 2 or _title_cased(words)):
            out.update(line)
    return out
