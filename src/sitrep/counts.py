"""Counts: numbers of people, weapons and the like, with qualifiers and a category.

``find_counts(an) -> list[Count]`` (text order) and, as a side effect,
``an.token_count[i] = Count`` for every token i of each counted number (the events stage reads
killed counts from there as fatalities).

What is a number
    Digits ("55", "1,332", "2.5"), European forms ("16 000" as two tokens, "2,5 million",
    "16.000"), words ("nine", "twenty-five", "one hundred"), with multipliers ("2.5 million",
    "three thousand"); "a dozen" is 12 (approximate). Bare vague words — "dozens", "hundreds",
    "thousands of reservists", "several", "many" — are NOT counts: they have no value a reader
    could check, so they are skipped rather than given an invented one.

What is not a count
    Numbers spaCy tags DATE/TIME/PERCENT/MONEY/ORDINAL/QUANTITY; years (a bare 1900-2099);
    numbers of units, durations, money and ages (data/count_nouns.yaml `skip_nouns`: "24 hours",
    "45 years old", "10 km"); identifiers after a name or `skip_before` word ("Article 3",
    "Resolution 2231", "No. 5", "$5"); numbers glued to ':' '/' '-' ("10:05", "22/09", "45-year-old");
    "one of"; a number that counts nothing (no noun and no category-giving verb).

Qualifiers
    at least, nearly, almost, more than, over, up to, about, around, some, approximately, roughly,
    an estimated, as many as, close to, fewer/less than, upwards of, ... before the number set
    ``approximate=True`` and are kept in ``qualifier``; "a dozen" is approximate too.

Category (data/count_nouns.yaml), from the head noun and its governing verb:
    1. nouns of death or injury ("deaths", "dead", "bodies", "wounded") and weapons ("missiles",
       "drones", "tanks") decide alone;
    2. a verb/adjective/event noun of killing, wounding, arrest, detention, displacement or capture
       decides next: the counted noun must be its object, passive subject or participle-modified
       noun ("killing six people", "1,332 people were arrested", "one person was reported dead",
       "the release of 215 Ukrainians"); intransitives count their subject ("2 million fled");
    3. then the noun's own category ("soldiers" -> troops, "refugees" -> displaced,
       "civilians" -> civilians_affected);
    4. then the remaining verbs (volunteered -> volunteers, mobilized -> troops);
    5. any other counted noun -> other.
    Numbers standing alone ("the death toll rose to 12", "refugees totalling 2.5 million") take
    the noun the clause is about: the subject, the noun an -ing clause modifies, an aggregate's
    "of" complement or compounds ("death toll", "number of dead").

``what`` is a short phrase: the counted noun phrase (+ the verb that categorised it), e.g.
"people arrested". ``evidence`` is the sentence in the original text with its offsets.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .record import Count
from .resources import load_yaml

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "mln": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
QUALIFIERS = re.compile(
    r"(?i)\b(at least|at most|nearly|almost|more than|over|up to|about|around|some|approximately|"
    r"roughly|an estimated|estimated|as many as|as few as|close to|fewer than|less than|under|"
    r"upwards of|just over|just under|no fewer than|no less than|not less than|in excess of|"
    r"a total of|a further|another|only|exactly|about some|well over|over a|almost a|nearly a|"
    r"an additional|approx\.?|c\.|ca\.|tens of|hundreds of)\s*$")
QUALIFIER_WORDS = {"at", "least", "most", "nearly", "almost", "more", "than", "over", "up", "to",
                   "about", "around", "some", "approximately", "roughly", "an", "estimated", "as",
                   "many", "close", "fewer", "less", "under", "upwards", "of", "just", "no", "another",
                   "a", "further", "total", "only", "exactly", "well"}
EXACT_QUALIFIERS = {"a total of", "a further", "another", "only", "exactly", "an additional"}
BAD_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY", "LAW"}
DIGITS = re.compile(r"^\d[\d,.\u00a0\u202f]*$")
STRONG = {"killed", "wounded", "arrested", "detained", "displaced", "prisoners"}
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "nsubjpass", "pobj", "attr", "oprd", "conj", "appos", "npadvmod"}


@dataclass(frozen=True)
class CountLexicon:
    nouns: dict                 # lemma -> category
    victim_verbs: dict
    actor_verbs: dict
    adjectives: dict
    event_nouns: dict
    aggregates: frozenset
    people: frozenset
    people_default: str
    skip_nouns: frozenset
    skip_before: frozenset
    vague: frozenset


def _invert(table: dict | None) -> dict:
    out: dict[str, str] = {}
    for category, words in (table or {}).items():
        for w in words or []:
            out.setdefault(str(w).lower(), str(category))
    return out


@functools.lru_cache(maxsize=1)
def lexicon() -> CountLexicon:
    """The count lexicon from data/count_nouns.yaml (loaded once)."""
    d = load_yaml("count_nouns.yaml")

    def words(key):
        return frozenset(str(w).lower() for w in d.get(key) or [])
    return CountLexicon(
        nouns=_invert(d.get("nouns")), victim_verbs=_invert(d.get("victim_verbs")),
        actor_verbs=_invert(d.get("actor_verbs")), adjectives=_invert(d.get("adjectives")),
        event_nouns=_invert(d.get("event_nouns")), aggregates=words("aggregates"),
        people=words("people"), people_default=str(d.get("people_default") or "other"),
        skip_nouns=words("skip_nouns"), skip_before=words("skip_before"), vague=words("vague"))


# ---------------------------------------------------------------- numbers

def parse_digits(text: str, before_multiplier: bool = False) -> float | None:
    """'1,332' -> 1332, '2,5' -> 2.5 (European decimal), '16.000' -> 16000, '2.5' -> 2.5."""
    t = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not t or not t[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d+,\d{1,2}", t):                    # 2,5 million / 2,5
        return float(t.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", t) and not before_multiplier:   # 16.000
        return float(t.replace(".", ""))
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t)
    return None


def _word_value(low: str) -> float | None:
    if low in WORD_NUMBERS:
        return float(WORD_NUMBERS[low])
    parts = re.split(r"[-\u2010\u2011]", low)
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        return float(WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]])
    return None


def token_value(tok) -> int | None:
    """The exact whole number one token states ("1,332", "six", "twenty-one"), else None.
    Vague words ("dozens", "hundreds") are not numbers: other stages must not invent a value."""
    value = parse_digits(tok.text) if tok.text[:1].isdigit() else _word_value(tok.lower_)
    return int(value) if value is not None and value == int(value) else None


def _is_number_token(tok) -> bool:
    low = tok.lower_
    if tok.is_alpha and low not in WORD_NUMBERS and low not in MULTIPLIERS:
        return False                      # the common case, decided without a regex
    return bool(DIGITS.match(tok.text)) or _word_value(low) is not None or low in MULTIPLIERS \
        and low not in ("m", "k")


def number_groups(doc) -> list[tuple[int, int, float]]:
    """(start, end, value) token ranges of numbers, multi-token forms joined."""
    groups = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not _is_number_token(tok) or tok.lower_ in MULTIPLIERS:
            i += 1
            continue
        j = i + 1
        # European thousands: "16 000", "1 332 000"
        while (j < n and re.fullmatch(r"\d{3}", doc[j].text) and doc[j - 1].whitespace_ in (" ", "\u00a0", "\u202f")
               and re.fullmatch(r"\d{1,3}", doc[j - 1].text if j - 1 == i else doc[j - 1].text)):
            j += 1
        # word compounds: "twenty five", "twenty-one" (the tokenizer splits the hyphen),
        # "one hundred", and multipliers
        while j < n:
            if _hyphenated_word_number(doc, j) or (     # "two hundred and fifty"
                    doc[j].lower_ == "and" and doc[j - 1].lower_ in MULTIPLIERS and j + 1 < n
                    and _word_value(doc[j + 1].lower_) is not None):
                j += 2
            elif (doc[j].lower_ in MULTIPLIERS and doc[j].lower_ not in ("m", "k")
                  or (_word_value(doc[j].lower_) is not None and _word_value(doc[j - 1].lower_)
                      is not None and not DIGITS.match(doc[j].text))):
                j += 1
            else:
                break
        value = _group_value(doc[i:j])
        if value is not None:
            groups.append((i, j, value))
        i = j
    return groups


def _hyphenated_word_number(doc, j) -> bool:
    """doc[j] is the hyphen of "twenty-one" split into three tokens."""
    return (doc[j].text in HYPHENS and j + 1 < len(doc) and not doc[j - 1].whitespace_
            and not doc[j].whitespace_ and doc[j - 1].lower_ in TENS
            and _word_value(doc[j + 1].lower_) is not None and not DIGITS.match(doc[j + 1].text))


HYPHENS = ("-", "\u2010", "\u2011")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _group_value(tokens) -> float | None:
    tokens = [t for t in tokens if t.text not in HYPHENS and t.lower_ != "and"]
    words = [t.lower_ for t in tokens]
    if all(DIGITS.match(t.text) for t in tokens):
        return parse_digits("".join(t.text for t in tokens))
    total, current = 0.0, None
    for k, (tok, w) in enumerate(zip(tokens, words)):
        nxt_mult = k + 1 < len(words) and words[k + 1] in MULTIPLIERS
        if DIGITS.match(tok.text):
            v = parse_digits(tok.text, before_multiplier=nxt_mult)
            if v is None:
                return None
            current = (current or 0) + v
        elif w in MULTIPLIERS:
            m = MULTIPLIERS[w]
            current = (current if current is not None else 1) * m
            if m >= 1000:
                total, current = total + current, None
        else:
            v = _word_value(w)
            if v is None:
                return None
            current = (current or 0) + v
    return total + (current or 0)


# ---------------------------------------------------------------- context

def _noun_key(tok) -> str:
    return tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_


def _head_noun(last, doc):
    """The noun a number counts (or None when the number stands alone)."""
    if last.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and last.head.i != last.i \
            and last.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        head = last.head
        while head.pos_ == "NUM" and head.head.i != head.i and head.dep_ in ("nummod", "compound"):
            head = head.head
        return head if head.pos_ != "NUM" else None
    # partitive "two of the soldiers"
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return None


def _group_root(doc, start: int, end: int):
    """The token of a number group attached outside it ("hundred" in "two hundred and fifty",
    where "fifty" hangs on "hundred"); the last token when the parse says nothing better."""
    for tok in doc[start:end]:
        if not start <= tok.head.i < end:
            return tok
    return doc[end - 1]


class _Counter:
    def __init__(self, an):
        self.an = an
        self.doc = an.doc
        self.text = an.doc.text
        self.lex = lexicon()

    # -- filters ---------------------------------------------------------------

    def skip(self, start: int, end: int, value: float) -> bool:
        doc, lex = self.doc, self.lex
        toks = doc[start:end]
        first, last = toks[0], toks[-1]
        if any(t.ent_type_ in BAD_ENTS for t in toks):
            # the NER sometimes calls "6 mortars" a DATE: a known counted noun overrules it
            noun = _head_noun(last, doc)
            key = _noun_key(noun) if noun is not None else None
            if key is None or (key not in lex.nouns and key not in lex.people) or \
                    key in lex.skip_nouns or any(t.text in (":", "/") for t in toks):
                return True
        if len(toks) == 1 and re.fullmatch(r"(19|20)\d\d", first.text):
            return True                                       # a year
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if prev is not None and (prev.lower_ in lex.skip_before or prev.text in ("-", ":", "/", "#", "+")
                                 and not prev.whitespace_):
            return True
        if nxt is not None and (nxt.text in ("-", ":", "/", "%", "‐", "–") and not last.whitespace_
                                or nxt.lower_ in lex.skip_nouns or nxt.lemma_.lower() in lex.skip_nouns):
            return True
        if first.lower_ == "one" and nxt is not None and nxt.lower_ in ("of", "another", "'s", "’s"):
            return True
        if first.lower_ == "dozen" and (prev is None or prev.lower_ not in ("a", "one")):
            return True                                       # "several dozen" is vague
        if last.head.i != last.i and last.head.lemma_.lower() in ("age", "aged", "old") or \
                any(t.lower_ in ("aged", "age") for t in doc[max(0, start - 2):start]):
            return True
        if last.head.pos_ == "PROPN" and last.head.i < start and last.dep_ in ("nummod", "appos", "npadvmod"):
            return True                                       # "Article 3", "Resolution 2231", "T 72"
        if prev is not None and prev.pos_ == "PROPN" and prev.is_title and not prev.ent_type_ in (
                "GPE", "LOC", "NORP", "PERSON", "ORG") and last.dep_ not in ("nummod",):
            return True
        if value <= 0:
            return True
        return False

    # -- category --------------------------------------------------------------

    def categorise(self, start: int, end: int):
        """(category, noun token or None, deciding word or None) or None for no count."""
        doc, lex = self.doc, self.lex
        last = _group_root(doc, start, end)
        noun = _head_noun(last, doc)
        partitive = noun is not None and noun.head.dep_ == "prep" and noun.head.head.i == last.i
        anchor = noun if noun is not None and not partitive else last
        if noun is None:
            noun = self._clause_noun(last)
        noun_key = _noun_key(noun) if noun is not None else None
        if noun_key in lex.vague or noun_key in lex.skip_nouns:
            return None
        if noun is not None and noun.text.lower() in lex.skip_nouns:
            return None
        cat_noun = self._noun_category(noun) if noun is not None else None
        pred_cat, pred_word = self._predicate_category(anchor)
        if pred_cat is None and noun is not None and noun.dep_ == "pobj" and \
                noun.head.lower_ in ("including", "among") and noun.head.head.i != noun.head.i:
            gov = noun.head.head               # "killed 20 people, including five children"
            pred_cat, pred_word = self._predicate_category(gov)
            if pred_cat is None and gov.pos_ in ("NOUN", "PROPN"):
                gov_cat = self._noun_category(gov)
                if gov_cat in ("killed", "wounded"):
                    pred_cat, pred_word = gov_cat, gov
        if pred_cat is None:
            pred_cat, pred_word = self._verb_before(start)
        person_like = noun is None or noun_key in lex.people or noun.ent_type_ == "NORP" or \
            cat_noun in ("troops", "volunteers", "displaced", "prisoners", "civilians_affected")
        if cat_noun in ("killed", "wounded", "weapons"):
            return cat_noun, noun, None
        if pred_cat in ("detained", "arrested") and cat_noun == "troops":
            return "prisoners", noun, pred_word          # captured soldiers are prisoners
        if pred_cat in STRONG and person_like:
            return pred_cat, noun, pred_word
        if cat_noun:
            return cat_noun, noun, None
        if pred_cat and (person_like if pred_cat != "weapons" else noun is None):
            return pred_cat, noun, pred_word
        one = doc[start].lower_ in ("one", "a", "an") or doc[start].text == "1"
        if one and noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            return None                        # "members of one family"
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and (
                noun_key in lex.people or noun.ent_type_ == "NORP"):
            return lex.people_default, noun, None
        if noun is not None and noun.pos_ == "NOUN" and noun.i > last.i and not one:
            return "other", noun, None
        return None

    def _noun_category(self, noun) -> str | None:
        lex = self.lex
        key = _noun_key(noun)
        words = [noun] + [c for c in noun.children if c.dep_ in ("compound", "amod")]
        # "prisoners of war", "cruise missiles"
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        phrase = f"{key} of {_noun_key(p)}"
                        if phrase in lex.nouns:
                            return lex.nouns[phrase]
                        if key in lex.aggregates:
                            words.append(p)
        if key in lex.aggregates:
            words = words[1:]
        for w in words:
            k = _noun_key(w)
            if k in lex.nouns and (w.i == noun.i or key in lex.aggregates):
                return lex.nouns[k]
            if w.lower_ in lex.nouns and w.i == noun.i:
                return lex.nouns[w.lower_]
            if w.i != noun.i and k in lex.adjectives:
                return lex.adjectives[k]
        return None

    def _predicate_category(self, anchor) -> tuple[str | None, object]:
        """Category from the verbs/adjectives/event nouns around the counted phrase."""
        lex = self.lex
        found: list[tuple[str, object]] = []
        # participles and adjectives on the noun: "people killed", "wounded soldiers"
        for c in anchor.children:
            lem = c.lemma_.lower()
            if c.dep_ in ("acl", "relcl", "amod") and c.i != anchor.i:
                if c.lower_ in lex.adjectives:
                    found.append((lex.adjectives[c.lower_], c))
                elif lem in lex.victim_verbs and c.tag_ in ("VBN",) :
                    found.append((lex.victim_verbs[lem], c))
                elif c.dep_ == "relcl" and lem in lex.actor_verbs:
                    found.append((lex.actor_verbs[lem], c))
                elif c.dep_ == "relcl" and lem in lex.victim_verbs and any(
                        g.dep_ == "auxpass" for g in c.children):
                    found.append((lex.victim_verbs[lem], c))
        head = anchor.head
        dep = anchor.dep_
        # climb "among/of" prepositions: "the release of 215 Ukrainians"
        if dep == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
            prep, gov = head, head.head
            if gov.pos_ == "NOUN" and prep.lower_ == "of" and gov.lemma_.lower() in lex.event_nouns:
                found.append((lex.event_nouns[gov.lemma_.lower()], gov))
            elif gov.pos_ in ("VERB", "AUX") and prep.lower_ in ("among", "including"):
                head, dep = gov, "dobj"
        if dep == "conj":                       # "killed 5 soldiers and 3 civilians"
            first = anchor
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            head, dep = first.head, first.dep_
        if head.i != anchor.i and head.pos_ in ("VERB", "AUX", "ADJ"):
            lem = head.lemma_.lower()
            if dep in SUBJECT_DEPS and head.tag_ == "VBN" and head.dep_ == "conj" and not any(
                    c.dep_ == "aux" for c in head.children):
                dep = "nsubjpass"                 # "12 were killed and 4 captured"
            if dep in SUBJECT_DEPS:
                if lem in lex.actor_verbs:
                    found.append((lex.actor_verbs[lem], head))
                for c in head.children:           # "one person was reported dead"
                    if c.dep_ in ("acomp", "oprd", "xcomp") and c.lower_ in lex.adjectives:
                        found.append((lex.adjectives[c.lower_], c))
            if dep in OBJECT_DEPS or dep == "nsubjpass":
                if lem in lex.victim_verbs:
                    found.append((lex.victim_verbs[lem], head))
                for c in head.children:
                    if c.dep_ in ("acomp", "oprd", "xcomp") and c.lower_ in lex.adjectives:
                        found.append((lex.adjectives[c.lower_], c))
            if head.pos_ == "ADJ" and head.lower_ in lex.adjectives:
                found.append((lex.adjectives[head.lower_], head))
        if not found:
            return None, None
        for cat, word in found:
            if cat in STRONG:
                return cat, word
        return found[0]

    def _verb_before(self, start: int):
        """A victim verb right before the number ("killing at least 40 …"), for misparsed clauses."""
        k = start - 1
        while k >= 0 and self.doc[k].lower_ in QUALIFIER_WORDS:
            k -= 1
        if k < 0:
            return None, None
        verb = self.doc[k]
        lem = verb.lemma_.lower()
        if verb.pos_ == "VERB" and lem in self.lex.victim_verbs and verb.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VBP"):
            return self.lex.victim_verbs[lem], verb
        return None, None

    def _clause_noun(self, num):
        """For a number standing alone: the noun its clause is about ("toll rose to 12")."""
        verb = num.head
        if num.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if verb.i == num.i or verb.pos_ not in ("VERB", "AUX"):
            return None
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != num.i and c.pos_ in ("NOUN", "PROPN"):
                return c
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head                  # "refugees now totalling 2.5 million"
        return None

    # -- building --------------------------------------------------------------

    def qualifier(self, start_char: int) -> str | None:
        m = QUALIFIERS.search(self.text[max(0, start_char - 24):start_char])
        return m.group(1).lower() if m else None

    def what(self, noun, word) -> str:
        if noun is None:
            return word.text if word is not None else ""
        parts = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.pos_ != "NUM"
                 and c.i < noun.i and c.i > noun.i - 3]
        phrase = " ".join(t.text for t in parts + [noun])
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj and len(list(pobj[0].subtree)) <= 3:
                    phrase += " of " + " ".join(t.text for t in pobj[0].subtree)
        if word is not None and word.i != noun.i and word.text.lower() not in phrase.lower():
            # in reading order: "killing people", "people arrested"
            phrase = f"{word.text} {phrase}" if word.i < noun.i else f"{phrase} {word.text}"
        return phrase

    def run(self) -> list[Count]:
        doc, an = self.doc, self.an
        counts: list[Count] = []
        for start, end, value in number_groups(doc):
            if self.skip(start, end, value):
                continue
            found = self.categorise(start, end)
            if found is None:
                continue
            category, noun, word = found
            qual = self.qualifier(doc[start].idx)
            approximate = bool(qual) and qual not in EXACT_QUALIFIERS
            if doc[start].lower_ == "dozen":
                approximate = True
            val = int(value) if float(value).is_integer() else value
            span = doc[start:end]
            evidence, s, e = an.sentence(span)
            count = Count(value=val, category=category, what=self.what(noun, word),
                          approximate=approximate, qualifier=qual, evidence=evidence, start=s, end=e)
            counts.append(count)
            for i in range(start, end):
                an.token_count[i] = count
        return counts


def find_counts(an) -> list[Count]:
    """Every count of the article (see module docstring); fills `an.token_count`."""
    if an.doc is None or not len(an.doc):
        return []
    return _Counter(an).run()
