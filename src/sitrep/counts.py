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

Category (data/count_nouns.yaml for nouns, data/count_predicates.yaml for predicates), from the
head noun and its governing predicate:
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
    "of" complement or compounds ("death toll", "number of dead"), or the noun the number
    completes ("a death toll of 45", "a crew of 22"; a measure such as "a speed of 900" is none).

    A return home ("5 people returned home") takes its category from the event words of its
    sentence or the one before ("exchange" -> prisoners).

    Far from its noun: a toll named by its clause ("the toll stood at 54", "raised the toll to
    46", "up from 12 earlier"; a bare "toll" is a death toll, data `aggregate_defaults`); a part
    of the count before ("12 of them children", "of whom 12 were women", "38 of which", "killed
    40, including 12 who ...") unless its
    own verb says more ("19 of them were killed"); the outcome after the number ("11 dead and 36
    wounded", "4 captured"); a figure with no noun after a comma or "and" counts the noun of the
    count before it ("sinking two vessels and seizing one", "fired 40 missiles and Ukraine
    intercepted 31"); a conjunct of weapons is a weapon ("35 rifles and 2,000 rounds"); what
    `fire_verbs` fire is a weapon ("fired 2,000 rounds"); people conjoined to a counted list
    share its fate ("killed 274, among them 21 children and 39 women"; "leaving 5 passengers
    and 2 drivers dead"), but "20 wounded soldiers" keep their wounds; an unnamed total takes
    the count before it ("bringing the total to 226"). Ratios ("nine in ten") are no counts.

Ranges: both ends of "between 30 and 40", "20 to 25", "40 or 50", "10-12", "200–250" count the
same thing, whichever end the parse hung the noun on; only the lower end goes into
`an.token_count` (an event's toll is the lower figure, as ACLED codes it).

Key-figure boxes and table cells: "Killed: 45", "Dead - 41,000", "Drones launched: 84 | Civilians
killed: 7" take their category from the label (what befell them, else what they are, else
nothing: a label the lexicon does not know, page furniture as often as a figure ("Views 1,234",
"Comments: 12"), or a measure ("Age: 19", "Page 4"), is no count.

One victim without a number, named or described as killed, wounded, arrested or detained, is a
count of 1 ("a 69-year-old woman was killed", "troops detained a top lieutenant").

One count per fact: a figure repeated in the headline (or a line repeating it), the standfirst or a
quote is kept once; a conjoined verb sharing the figure's subject adds a second fact ("two
insurgents got injured and were held" -> 2 wounded, 2 detained).

``what`` is a short phrase: the counted noun phrase (+ the verb that categorised it), e.g.
"people arrested". ``evidence`` is the sentence in the original text with its offsets;
``value_start``/``value_end`` are the figure's own offsets ("1,332"). Numbers are parsed by
``sitrep.numbers``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .nlp import doc_text
from .knowledge import Knowledge, get_knowledge
from .numbers import DIGITS, WORD_NUMBERS, number_groups, token_value
from .record import Count

# words before a number that qualify it ("at least", "nearly") are data: count_nouns.yaml
# `qualifiers` (approximate) and `exact_qualifiers` ("a total of", "another")
BAD_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY", "LAW"}
# categories a governing predicate decides over the noun's own category (for people)
STRONG = {"killed", "wounded", "arrested", "detained", "displaced", "prisoners"}
# categories a single named or described victim is counted in ("a woman was killed" = 1)
SINGLE = {"killed", "wounded", "arrested", "detained"}
# categories of nouns that stand for people (a predicate of people applies to them)
PEOPLE_CATEGORIES = {"troops", "volunteers", "displaced", "prisoners", "civilians_affected"}
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "nsubjpass", "pobj", "attr", "oprd", "conj", "appos", "npadvmod"}
COMPLEMENT_DEPS = {"dobj", "advmod", "npadvmod", "acomp", "attr", "xcomp", "oprd", "prt"}
RANGE_DASHES = ("-", "\u2010", "\u2011", "\u2013", "\u2014")
RANGE_WORDS = ("to", "or")
PARTITIVE_PRONOUNS = ("of them", "of whom", "of which", "of those")


LABEL_SEPARATORS = (":", "-", "\u2013", "\u2014")
LABEL_WORDS = 4
CELL_BREAKS = ("|", "\u2022", "\u00b7", ";")


def _label_forms(tok) -> list[str]:
    """A label word and its plain forms: a capitalised label is often tagged a proper noun and
    keeps its inflection ("Injuries", "Abducted", "Drones")."""
    low = tok.lower_
    return [tok.lemma_.lower(), low, re.sub(r"ies$", "y", low), re.sub(r"s$", "", low),
            re.sub(r"ed$", "", low), re.sub(r"d$", "", low)]


def _with_particle(verb, keep: frozenset, particles: frozenset) -> str:
    """The verb's lemma, or "lemma particle" when a particle changes what it says ("hold back",
    "hold up"); particles in `keep` do not ("shoot down")."""
    lem = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and
                c.i == verb.i + 1 and c.lower_ in particles), None)
    return f"{lem} {prt}" if prt and prt not in keep else lem


def _of_complement(num) -> bool:
    """num is the "of" complement of a noun: "a death toll of 45", "a crew of 22"."""
    return num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.pos_ == "NOUN" and \
        num.head.head.i < num.i


def _ends_cell(tok) -> bool:
    """A line break or a table-cell separator."""
    return "\n" in tok.text or tok.text in CELL_BREAKS


def _range_choice(first, second) -> tuple:
    """The (category, noun, word) both ends of a range take: the end the parse categorised, the
    one a strong predicate decided when they differ, else the second (which carries the noun)."""
    if first is None or second is None:
        cat = first or second
        return cat, cat
    if first[0] != second[0] and first[0] in STRONG and second[0] not in STRONG:
        return first, first
    return second, second


@dataclass(frozen=True)
class CountLexicon:
    nouns: dict                 # lemma -> category
    victim_verbs: dict
    victims_only: frozenset
    actor_verbs: dict
    subject_phrases: dict       # "lose life" -> killed
    passive_phrases: dict       # "take prisoner" (passive subject) -> prisoners
    object_phrases: dict        # "force from home" -> displaced
    adjectives: dict
    event_nouns: dict
    noun_modifiers: dict        # "under arms" -> troops
    return_verbs: frozenset
    return_words: frozenset
    return_context: dict        # word -> category
    aggregates: frozenset
    aggregate_defaults: dict    # "toll" alone -> killed
    people: frozenset
    people_default: str
    skip_nouns: frozenset
    skip_before: frozenset
    vague: frozenset
    named_units: frozenset
    singular_victims: bool
    qualifiers: re.Pattern            # the qualifier right before a number (group 1)
    qualifier_words: frozenset        # their words, skipped when looking for the verb before
    exact_qualifiers: frozenset
    not_displaced: frozenset = frozenset()   # nouns an evacuation does not displace ("22 crew")
    fire_verbs: frozenset = frozenset()      # what they fire is a weapon ("fired 2,000 rounds")
    weak_verbs: frozenset = frozenset()      # yield to a conjoined verb ("shot and killed")
    keep_particles: frozenset = frozenset()  # particles that keep a victim verb's sense ("shot down")
    particles: frozenset = frozenset()       # adverbs parsed apart that are particles ("held back")
    recipient_verbs: dict = None             # whom they deliver "to" ("delivered food to 8,500 people")
    pairs: dict = None                       # a victim noun that is two people ("an elderly couple")
    one_more: frozenset = frozenset()        # "wounding a third", "wounded another": one more person


def _invert(*tables) -> dict:
    """{category: [words]} tables -> {word: category}; the first table's entries win."""
    out: dict[str, str] = {}
    for table in tables:
        for category, words in (table if isinstance(table, dict) else {}).items():
            for w in words or []:
                out.setdefault(" ".join(str(w).lower().split()), str(category))
    return out


def _build_lexicon(kb: Knowledge) -> CountLexicon:
    nouns = kb.yaml("count_nouns.yaml")
    preds = kb.yaml("count_predicates.yaml")
    if not isinstance(nouns, dict) or not isinstance(preds, dict):
        from .knowledge import KnowledgeError
        raise KnowledgeError(f"{kb.path('count_nouns.yaml' if not isinstance(nouns, dict) else 'count_predicates.yaml')}"
                             ": must be a mapping of sections")

    def both(key):      # predicates were kept in count_nouns.yaml before: read both files
        return _invert(preds.get(key), nouns.get(key))

    def words(d, key):
        return frozenset(str(w).lower() for w in d.get(key) or [])
    returns = preds.get("returns") or {}
    return CountLexicon(
        nouns=_invert(nouns.get("nouns")), victim_verbs=both("victim_verbs"),
        victims_only=words(preds, "victims_only"), actor_verbs=both("actor_verbs"),
        subject_phrases=both("subject_phrases"), passive_phrases=both("passive_phrases"),
        object_phrases=both("object_phrases"),
        adjectives=both("adjectives"),
        event_nouns=both("event_nouns"), noun_modifiers=both("noun_modifiers"),
        return_verbs=words(returns, "verbs"), return_words=words(returns, "words"),
        return_context=_invert(returns.get("context")),
        aggregates=words(nouns, "aggregates"), aggregate_defaults=_invert(nouns.get("aggregate_defaults")),
        people=words(nouns, "people"),
        people_default=str(nouns.get("people_default") or "other"),
        skip_nouns=words(nouns, "skip_nouns"), skip_before=words(nouns, "skip_before"),
        vague=words(nouns, "vague"), named_units=words(nouns, "named_units"),
        singular_victims=bool(nouns.get("singular_victims", True)),
        not_displaced=words(preds, "not_displaced"), fire_verbs=words(preds, "fire_verbs"),
        weak_verbs=words(preds, "weak_verbs"), keep_particles=words(preds, "keep_particles"),
        particles=words(preds, "particles"), recipient_verbs=both("recipient_verbs"),
        pairs={str(k).lower(): int(v) for k, v in (nouns.get("pairs") or {}).items()},
        one_more=words(nouns, "one_more"),
        **_qualifiers(words(nouns, "qualifiers"), words(nouns, "exact_qualifiers")))


def _qualifiers(approximate: frozenset, exact: frozenset) -> dict:
    """The qualifier matcher: the longest phrase first, at the end of the text before a number."""
    phrases = sorted(approximate | exact, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) or "(?!)"
    return dict(qualifiers=re.compile(rf"(?i)\b({alternatives})\s*$"),
                qualifier_words=frozenset(w for p in phrases for w in p.split()),
                exact_qualifiers=exact)


def lexicon(kb: Knowledge | None = None) -> CountLexicon:
    """The count lexicon from data/count_nouns.yaml and data/count_predicates.yaml."""
    return (kb or get_knowledge()).derived("counts.lexicon", _build_lexicon)


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
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head                  # "three Mi-8 helicopters": the helicopters
        return head if head.pos_ != "NUM" else None
    # partitive "two of the soldiers"; "11 of whom" counts the noun the clause is about
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
                if pobj.dep_ == "pobj" and pobj.lower_ in ("whom", "which"):
                    return next((t for t in reversed(doc[max(0, last.i - 12):last.i])
                                 if t.pos_ == "NOUN" and t.tag_ == "NNS"), None)
    return None


def _group_root(doc, start: int, end: int):
    """The token of a number group attached outside it ("hundred" in "two hundred and fifty",
    where "fifty" hangs on "hundred"); the last token when the parse says nothing better."""
    for tok in doc[start:end]:
        if not start <= tok.head.i < end:
            return tok
    return doc[end - 1]



def _noun_phrases(verb, noun) -> list[str]:
    """"verb prep object" phrases from the prepositions the parse hung on the counted noun, and
    "verb -ing" from a gerund on it ("sent 25,000 people fleeing" -> "send flee")."""
    lem = verb.lemma_.lower()
    return [f"{lem} {c.lower_} {p.lemma_.lower()}" for c in noun.children if c.dep_ == "prep"
            for p in c.children if p.dep_ == "pobj"] + [
        f"{lem} {c.lemma_.lower()}" for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"]


def _in_list(tok) -> bool:
    """Whether tok stands in an "including/among/of" list of a larger count ("among them a girl")."""
    t = tok
    for _ in range(4):
        if any(c.dep_ == "prep" and c.lower_ in ("including", "among") for c in t.children):
            return True                 # "..., among them a 9-year-old girl (and a monk)"
        if t.dep_ == "pobj" and t.head.lower_ in ("including", "among", "of"):
            return True
        if t.dep_ not in ("appos", "conj", "pobj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _pobj(prep):
    """The object of a preposition, or None."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _phrases_of(verb) -> list[str]:
    """"verb object" / "verb prep object" / "verb particle" lemma phrases of a verb's complements
    ("lost their lives" -> "lose life", "returned from captivity" -> "return from captivity")."""
    lem = verb.lemma_.lower()
    out = []
    for c in verb.children:
        if c.dep_ in COMPLEMENT_DEPS:
            out.append(f"{lem} {c.lemma_.lower()}")
        elif c.dep_ in ("prep", "agent"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(f"{lem} {c.lower_} {p.lemma_.lower()}")
                    out.append(f"{lem} {p.lemma_.lower()}")
            out.append(f"{lem} {c.lower_}")              # "cross into", "flee to"
    return out


class _Counter:
    def __init__(self, an, kb: Knowledge | None = None):
        self.an = an
        self.doc = an.doc
        self.text = doc_text(an.doc)
        self.lex = lexicon(kb)
        self.sentence_categories: dict[int, str] = {}    # sentence start -> its last count's category
        self.sentence_nouns: dict[int, object] = {}       # sentence start -> its last count's noun
        self.noun_categories: dict[int, str] = {}         # counted noun index -> the category a predicate told
        self.range_ends: set[tuple] = set()               # the far end of each range

    # -- filters ---------------------------------------------------------------

    def skip(self, start: int, end: int, value: float) -> bool:
        """Whether the number at doc[start:end] is no count: a date, year, measure, identifier,
        age, formula ("5 for 5") or unit name ("444 Brigade")."""
        doc = self.doc
        toks = doc[start:end]
        first, last = toks[0], toks[-1]
        if value <= 0 or self._tagged_not_a_count(toks):
            return True
        if len(toks) == 1 and re.fullmatch(r"(19|20)\d\d", first.text):
            return True                                       # a year
        if (label := self._label(start, end)) is not None:
            return self._label_category(label) is None     # "Killed: 45"; "Age: 34", "Views 1,234"
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if self._glued_or_measured(start, end, prev, nxt):
            return True
        if first.lower_ == "one" and nxt is not None and nxt.lower_ in ("of", "another", "'s", "’s") and \
                not (nxt.lower_ == "of" and self._predicate_category(first)[0] in SINGLE | {"prisoners"}):
            return True                       # "one of the deadliest"; but "one of the soldiers was wounded"
        if self._is_ratio(start, end):
            return True                                       # "nine in ten", "3 out of 4"
        if first.lower_ == "one" and prev is not None and prev.lower_ == "no":
            return True                                       # "no one was killed": nobody
        if first.lower_ == "dozen" and (prev is None or prev.lower_ not in ("a", "one")):
            return True                                       # "several dozen" is vague
        if last.head.i != last.i and last.head.lemma_.lower() in ("age", "aged", "old") or \
                any(t.lower_ in ("aged", "age") for t in doc[max(0, start - 2):start]):
            return True
        return self._is_identifier(start, end, prev, nxt) or self._is_formula(start, end, prev, nxt)

    def _tagged_not_a_count(self, toks) -> bool:
        """spaCy's DATE/TIME/MONEY/... tag, unless a known counted noun overrules it (the NER
        sometimes calls "6 mortars" a DATE)."""
        lex = self.lex
        if not any(t.ent_type_ in BAD_ENTS for t in toks):
            return False
        noun = _head_noun(toks[-1], self.doc)
        if noun is None and self._told_by_clause(toks[-1]):
            return False                      # "the injured, numbering 75", "up from 12 earlier"
        elided = self._elided_noun(toks[0].i) if noun is None else None
        if elided is not None and (_noun_key(elided) in lex.nouns or _noun_key(elided) in lex.people):
            return False                      # "fired 40 missiles and Ukraine intercepted 31"
        key = _noun_key(noun) if noun is not None else None
        return key is None or (key not in lex.nouns and key not in lex.people) or \
            key in lex.skip_nouns or any(t.text in (":", "/") for t in toks)

    def _glued_or_measured(self, start, end, prev, nxt) -> bool:
        """"No. 5", "$5", "#3", "10:05", "45-year", "24 hours" (a range "450,000-500,000" is kept)."""
        lex, last = self.lex, self.doc[end - 1]
        if prev is not None and (prev.lower_ in lex.skip_before or prev.text in ("-", ":", "/", "#", "+")
                                 and not prev.whitespace_ and not self._range_at(start - 2)):
            return True
        if nxt is None:
            return False
        if nxt.text in ("-", ":", "/", "%", "‐", "–") and not last.whitespace_ and not (
                nxt.text in RANGE_DASHES and self._range_at(end + 1)):
            return True
        return nxt.lower_ in lex.skip_nouns or nxt.lemma_.lower() in lex.skip_nouns

    def _range_at(self, i: int) -> bool:
        """doc[i] is a number in digits: the other end of a range "450,000-500,000"."""
        return 0 <= i < len(self.doc) and bool(DIGITS.match(self.doc[i].text))

    def _is_identifier(self, start, end, prev, nxt) -> bool:
        """"Article 3", "Resolution 2231", "T 72", "444 Brigade"."""
        last = self.doc[end - 1]
        if last.head.pos_ == "PROPN" and last.head.i < start and last.dep_ in ("nummod", "appos", "npadvmod"):
            return True
        if prev is not None and prev.pos_ == "PROPN" and prev.is_title and prev.ent_type_ not in (
                "GPE", "LOC", "NORP", "PERSON", "ORG") and last.dep_ not in ("nummod",):
            return True
        return nxt is not None and DIGITS.match(self.doc[start].text) is not None and \
            nxt.text[:1].isupper() and nxt.lower_ in self.lex.named_units and not self._title_line(nxt)

    def _is_ratio(self, start: int, end: int) -> bool:
        """Either term of a ratio: "nine in ten people", "one in five", "3 out of 4"."""
        doc = self.doc
        words = [t.lower_ for t in doc[end:end + 3]]
        if words[:1] == ["in"] and len(words) > 1 and token_value(doc[end + 1]) is not None or \
                words[:2] == ["out", "of"] and len(words) > 2 and token_value(doc[end + 2]) is not None:
            return True
        before = [t.lower_ for t in doc[max(0, start - 2):start]]
        return before[-1:] == ["in"] and start >= 2 and token_value(doc[start - 2]) is not None or \
            before == ["out", "of"] and start >= 3 and token_value(doc[start - 3]) is not None

    def _title_line(self, tok) -> bool:
        """Whether tok's line is written in title case (a headline), where capitals name nothing."""
        lo = self.text.rfind("\n", 0, tok.idx) + 1
        hi = self.text.find("\n", tok.idx)
        words = re.findall(r"[^\W\d_]{4,}", self.text[lo:hi if hi >= 0 else len(self.text)])
        return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)

    def _is_formula(self, start, end, prev, nxt) -> bool:
        """An exchange formula: "5 for 5", "the formula 5 for 5", "the “4 to 5” formula"."""
        doc, last = self.doc, self.doc[end - 1]
        if last.dep_ in ("appos", "nummod", "quantmod") and last.head.lemma_.lower() in self.lex.skip_nouns:
            return True
        if nxt is not None and nxt.lower_ == "for" and end + 1 < len(doc) and DIGITS.match(doc[end + 1].text):
            return True
        return prev is not None and prev.lower_ == "for" and start >= 2 and bool(DIGITS.match(doc[start - 2].text))

    # -- category --------------------------------------------------------------

    def categorise(self, start: int, end: int):
        """(category, noun token or None, deciding word or None) or None for no count."""
        last = _group_root(self.doc, start, end)
        label = self._label(start, end)
        if label is not None:
            return self._label_category(label)
        if (told := self._outcome_after(start, end)) is not None:
            return told
        own = self._own_category(start, end, last)
        if own is not None and own[0] in PEOPLE_CATEGORIES | {self.lex.people_default} and \
                own[1] is not None and self._person_like(own[1], _noun_key(own[1]), own[0]) and \
                (told := self._conjunct_category(own[1])):
            return told[0], own[1], told[1]   # "among them 21 children and 39 women"
        if own is None or own[0] not in STRONG:
            # "19 of them were killed" says it; "12 of them children" takes the count before
            return self._partitive_pronoun(start, end) or own
        if own[1] is None and self._after_including(start):
            # "killed 40, including 12 who were sheltering in a school": a part of the 40
            return self._partitive_pronoun(start, end) or own
        return own

    def _after_including(self, start: int) -> bool:
        """doc[start] follows "including" (past its qualifier: "including more than 12")."""
        k = start - 1
        while k >= 0 and self.doc[k].lower_ in self.lex.qualifier_words:
            k -= 1
        return k >= 0 and self.doc[k].lower_ == "including"

    def _conjunct_category(self, noun):
        """(category, word) of the count whose noun this one is conjoined to, when a verb decided
        it ("killed 274 people, among them 21 children and 39 women")."""
        if noun is None or noun.dep_ != "conj" or noun.head.i == noun.i:
            return None
        first = noun.head
        while first.i not in self.noun_categories and first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        told = self.noun_categories.get(first.i)
        return (told, first) if told in STRONG else None

    def _own_category(self, start: int, end: int, last):
        """(category, noun, word) from the number's own noun and predicate, or None."""
        doc, lex = self.doc, self.lex
        noun = _head_noun(last, doc)
        partitive = noun is not None and noun.head.dep_ == "prep" and noun.head.head.i == last.i
        anchor = noun if noun is not None and not partitive else last
        if noun is None:
            noun = self._clause_noun(last)
        key = _noun_key(noun) if noun is not None else None
        if key in lex.vague or key in lex.skip_nouns or (
                noun is not None and noun.text.lower() in lex.skip_nouns):
            return None
        cat_noun = self._noun_category(noun) if noun is not None else None
        if cat_noun is None and key in lex.aggregates:
            cat_noun = self._count_before(start)  # "5 were killed, bringing the total to 226"
        pred_cat, pred_word = self._governing_predicate(anchor, noun, start)
        if pred_cat is None and noun is not None and anchor.i == last.i and noun.i != last.i:
            # the number stands alone for the noun its clause is about: what befell that noun
            # ("3 million people are displaced, up from 1.7 million"; "those killed numbered 26")
            pred_cat, pred_word = self._predicate_category(noun)
        return self._decide(start, last, noun, key, cat_noun, pred_cat, pred_word)

    def _label(self, start: int, end: int) -> list | None:
        """The label words of a key-figure line ("Killed: 45", "Dead - 41,000", "Drones launched:
        84", "Killed 63"): a short label opens the line (or a "|" cell), a colon or dash follows
        it, and the figure ends the line. None when the number is not laid out so."""
        doc = self.doc
        if end < len(doc) and not _ends_cell(doc[end]):
            return None
        k = start - 1
        sep = k >= 0 and doc[k].text in LABEL_SEPARATORS
        k -= sep
        label = []
        while k >= 0 and not _ends_cell(doc[k]) and len(label) <= LABEL_WORDS:
            label.insert(0, doc[k])
            k -= 1
        if not label or len(label) > (LABEL_WORDS if sep else 2) or not all(t.is_alpha for t in label):
            return None
        return label if sep or label[0].is_title else None

    def _label_category(self, label):
        """(category, noun, word) a key-figure label gives: what befell them ("Killed",
        "Abducted"), else what they are ("Deaths", "Refugees", "Drones"); None for a measure
        ("Age", "Page") and for a label the lexicon does not know ("Comments: 12", "Views 1,234":
        page furniture as often as a figure)."""
        lex = self.lex
        if any(t.lower_ in lex.skip_nouns or t.lemma_.lower() in lex.skip_nouns for t in label):
            return None
        def first(table, t):
            return next((table[f] for f in _label_forms(t) if f in table), None)
        nouns = [(first(lex.nouns, t), t) for t in label]
        told = [(lex.adjectives.get(t.lower_) or first(lex.victim_verbs, t) or first(lex.event_nouns, t), t)
                for t in label]
        for cats, pick in ((nouns, ("killed", "wounded", "weapons")), (told, STRONG), (nouns, None), (told, None)):
            for cat, t in reversed(cats):
                if cat is not None and (pick is None or cat in pick):
                    return cat, None, t
        return None

    def _elided_noun(self, start: int):
        """For a figure with no noun of its own after a comma or "and" ("two vessels and seizing
        one", "killed 5 soldiers and wounded 7"): the noun of the count just before it in the
        sentence."""
        num = self.doc[start]
        if num.dep_ not in ("dobj", "nsubj", "nsubjpass", "conj") or num.head.pos_ != "VERB":
            return None                       # "the wounding of 35" names its own event
        noun = self.sentence_nouns.get(num.sent.start)
        return noun if noun is not None and noun.i < start else None

    def _partitive_pronoun(self, start: int, end: int):
        """"12 of them", "of whom 12", "38 of which": a part of the count told just before (in
        the sentence, else the one before it) is counted in that count's category."""
        doc = self.doc
        after = " ".join(t.lower_ for t in doc[end:end + 2])
        before = " ".join(t.lower_ for t in doc[max(0, start - 2):start])
        included = self._after_including(start)     # "..., including 2.2 million who"
        if after not in PARTITIVE_PRONOUNS and before not in PARTITIVE_PRONOUNS and not included:
            return None
        cat = self._count_before(start, previous_sentence=not included)
        return (cat, None, doc[end] if after in PARTITIVE_PRONOUNS else doc[start - 1]) if cat else None

    def _count_before(self, start: int, previous_sentence: bool = True) -> str | None:
        """The category of the last count before doc[start] in its sentence, else in the one before."""
        doc = self.doc
        sent = doc[start].sent
        cat = self.sentence_categories.get(sent.start)
        if cat is None and sent.start > 0 and previous_sentence:
            cat = self.sentence_categories.get(doc[sent.start - 1].sent.start)
        return cat

    def _outcome_after(self, start: int, end: int):
        """A number followed by what befell them, standing for the people: "11 dead and 36
        wounded", "left 6,800 dead", "4 captured" (no noun follows the word)."""
        doc = self.doc
        if end >= len(doc) or doc[end].lower_ not in self.lex.adjectives:
            return None
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i == nxt.i + 0 and nxt.dep_ != "pobj":
            return None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM"):
            return None                       # "36 wounded soldiers": the noun decides
        return self.lex.adjectives[doc[end].lower_], None, doc[end]

    def _person_like(self, noun, key, cat_noun) -> bool:
        return noun is None or key in self.lex.people or noun.ent_type_ in ("NORP", "PERSON") or \
            cat_noun in PEOPLE_CATEGORIES

    def _decide(self, start, last, noun, key, cat_noun, pred_cat, pred_word):
        """The category from the noun's and the predicate's, in the order of the docstring."""
        doc, lex = self.doc, self.lex
        elided = self._elided_noun(start) if noun is None and pred_cat is not None else None
        if elided is not None and not self._person_like(elided, _noun_key(elided), self._noun_category(elided)):
            # "sinking two vessels and seizing one": the figure counts vessels, not people;
            # "fired 40 missiles, and Ukraine downed 35": missiles
            return self._noun_category(elided) or "other", None, pred_word
        person_like = self._person_like(noun, key, cat_noun)
        one = doc[start].lower_ in ("one", "a", "an") or doc[start].text == "1"
        if one and noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                doc[start].head.i == noun.i and cat_noun not in ("killed", "wounded", "weapons"):
            return None                        # "15 members of one family"
        if cat_noun in ("killed", "wounded", "weapons"):
            return cat_noun, noun, None
        if pred_cat == "detained" and cat_noun == "troops":
            return "prisoners", noun, pred_word          # captured soldiers are prisoners
        if pred_cat == "displaced" and cat_noun != "displaced" and noun is not None and (
                key in lex.not_displaced or any(c.dep_ == "compound" and _noun_key(c) in lex.not_displaced
                                                for c in noun.children)):
            return None                        # "22 crew were evacuated": no category fits
        trusted = pred_word is not None and pred_word.lemma_.lower() in lex.victims_only and cat_noun is None
        if pred_cat in STRONG and (person_like or trusted):
            return pred_cat, noun, pred_word
        if cat_noun:
            return cat_noun, noun, None
        if pred_cat and (person_like if pred_cat != "weapons" else noun is None or (
                not person_like and pred_word is not None and pred_word.lemma_.lower() in lex.fire_verbs)):
            return pred_cat, noun, pred_word             # "fired 2,000 rounds"
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and (
                key in lex.people or noun.ent_type_ == "NORP"):
            return lex.people_default, noun, None
        if noun is not None and noun.pos_ == "NOUN" and (noun.i > last.i or _of_complement(last)) and not one:
            if noun.dep_ == "conj" and not person_like and self._noun_category(noun.head) == "weapons":
                return "weapons", noun, None  # "35 rifles and 2,000 rounds"
            return "other", noun, None
        return None

    def _governing_predicate(self, anchor, noun, start) -> tuple[str | None, object]:
        """The category the predicate around the counted phrase gives, and its word."""
        if noun is not None and noun.dep_ == "poss":
            return None, None                 # "seized 3 aid workers' vehicles": the vehicles
        pred_cat, pred_word = self._predicate_category(anchor)
        member = noun
        while member is not None and member.dep_ == "conj" and member.head.i != member.i:
            member = member.head               # "including a monk and four children"
        if pred_cat is None and member is not None and member.dep_ == "pobj" and \
                member.head.lower_ in ("including", "among") and member.head.head.i != member.head.i:
            gov = member.head.head             # "killed 20 people, including five children"
            pred_cat, pred_word = self._predicate_category(gov)
            if pred_cat is None and gov.pos_ in ("NOUN", "PROPN"):
                gov_cat = self._noun_category(gov)
                if gov_cat in ("killed", "wounded"):
                    pred_cat, pred_word = gov_cat, gov
            if pred_cat is None and member.i != noun.i and \
                    (before := self._count_before(start, previous_sentence=False)) in STRONG:
                pred_cat, pred_word = before, member.head   # "left 9 dead, including a priest and two boys"
        if pred_cat is None:
            pred_cat, pred_word = self._verb_before(start)
        if pred_cat is None and noun is not None:
            pred_cat, pred_word = self._modifier_category(noun)
        if pred_cat is None and noun is not None:
            pred_cat, pred_word = self._among_them(noun)
        return pred_cat, pred_word

    def _among_them(self, noun) -> tuple[str | None, object]:
        """"…, among them 312 children": the category of the count "them" refers to (the sentence's
        count before it)."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("among", "including") and (obj := _pobj(prep)) is not None \
                    and obj.lower_ in ("them", "those", "whom"):
                before = self.sentence_categories.get(noun.sent.start)
                if before in STRONG:
                    return before, prep
        return None, None

    def _modifier_category(self, noun) -> tuple[str | None, object]:
        """"1 million people under arms", "300 people in captivity"."""
        for c in noun.children:
            if c.dep_ == "prep":
                phrase = " ".join(t.lower_ for t in c.subtree)
                pobj = _pobj(c)
                for form in (phrase, f"{c.lower_} {pobj.lemma_.lower()}" if pobj is not None else ""):
                    if form in self.lex.noun_modifiers:
                        return self.lex.noun_modifiers[form], c
        return None, None

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
                        if key in lex.aggregates and p.pos_ != "NUM":
                            words.append(p)
                            if (told := self._complement_category(p)) is not None:
                                return told
        if key in lex.aggregates:
            words = words[1:]
            if not words and key in lex.aggregate_defaults:
                return lex.aggregate_defaults[key]        # "the toll rose to 31": deaths
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        for c in mods:                            # "20 wounded soldiers": their wounds, not their calling
            if c.dep_ == "amod" and lex.adjectives.get(c.lower_) in ("killed", "wounded"):
                return lex.adjectives[c.lower_]
        for k in range(len(mods)):                # "unmanned surface vessels", "lieutenant colonels"
            phrase = " ".join([t.lower_ for t in mods[k:]] + [key])
            if phrase in lex.nouns:
                return lex.nouns[phrase]
        for w in words:
            k = _noun_key(w)
            if k in lex.nouns and (w.i == noun.i or key in lex.aggregates):
                return lex.nouns[k]
            if w.lower_ in lex.nouns and w.i == noun.i:
                return lex.nouns[w.lower_]
            if w.i != noun.i and k in lex.adjectives:
                return lex.adjectives[k]
        return None

    def _complement_category(self, tok) -> str | None:
        """What an aggregate's "of" complement says it counts: "the number of wounded" (a
        participle as a noun), "the number of people killed" (a participle on it)."""
        if tok.lower_ in self.lex.adjectives:
            return self.lex.adjectives[tok.lower_]
        found = self._modifier_predicates(tok)
        return next((c for c, _ in found if c in STRONG), found[0][0] if found else None)

    def _modifier_predicates(self, anchor) -> list[tuple[str, object]]:
        """Participles and adjectives on the noun: "people killed", "wounded soldiers"."""
        lex, found = self.lex, []
        for c in anchor.children:
            lem = c.lemma_.lower()
            if c.dep_ not in ("acl", "relcl", "amod") or c.i == anchor.i:
                continue
            if c.lower_ in lex.adjectives:
                found.append((lex.adjectives[c.lower_], c))
            elif lem in lex.victim_verbs and c.tag_ == "VBN":
                found.append((lex.victim_verbs[lem], c))
            elif c.dep_ == "relcl" and lem in lex.actor_verbs:
                found.append((lex.actor_verbs[lem], c))
            elif c.dep_ == "relcl" and (rel := next((g.dep_ for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                                                     and g.lower_ in ("who", "that", "which")), None)):
                found += self._clause_predicates(c, rel)    # "2.2 million who have crossed into Chad"
            elif c.dep_ == "relcl" and lem in lex.victim_verbs and any(
                    g.dep_ == "auxpass" for g in c.children):
                found.append((lex.victim_verbs[lem], c))
        return found

    def _governor(self, anchor):
        """(head, dep) of the counted phrase, through "among/including" prepositions and
        conjunctions ("killed 5 soldiers and 3 civilians"); event nouns of "of" complements."""
        lex, found = self.lex, []
        head, dep = anchor.head, anchor.dep_
        if dep == "conj":                     # "killed 5 soldiers and 3 civilians": the first's
            first = anchor
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            head, dep = first.head, first.dep_
        if dep == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
            prep, gov = head, head.head
            told = [lex.event_nouns[f] for f in (gov.lemma_.lower(), f"{gov.head.lemma_.lower()} {gov.lemma_.lower()}")
                    if f in lex.event_nouns] if gov.pos_ == "NOUN" and prep.lower_ == "of" else []
            if told:
                found.append((told[0], gov))  # "the release of 215", "cost the lives of 10,500"
            elif gov.pos_ == "NOUN" and prep.lower_ == "of" and gov.lemma_.lower() in lex.aggregates \
                    and gov.i != anchor.i:
                return self._governor(gov)    # "a total of 9 persons were hospitalized"
            elif gov.pos_ in ("VERB", "AUX") and prep.lower_ in ("to", "at") and \
                    (subj := self._subject_category(gov)) is not None:
                found.append(subj)            # "the enemy's losses amounted to 120 servicemen"
            elif gov.pos_ in ("VERB", "AUX") and prep.lower_ in ("among", "including", "between"):
                head, dep = gov, "dobj"
            elif prep.lower_ == "to" and (giver := gov if gov.pos_ == "VERB" else gov.head if gov.dep_ == "dobj"
                                          else None) is not None and giver.lemma_.lower() in lex.recipient_verbs:
                found.append((lex.recipient_verbs[giver.lemma_.lower()], giver))   # "delivered food to 8,500 people"
        return head, dep, found

    def _subject_category(self, verb) -> tuple[str, object] | None:
        """The category of a verb's subject that names a count of the dead or wounded ("losses",
        "the death toll"), for the people its "to"/"at" complement counts."""
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN":
                cat = self._noun_category(c)
                if cat in ("killed", "wounded"):
                    return cat, c
        return None

    def _predicate_category(self, anchor) -> tuple[str | None, object]:
        """Category from the verbs/adjectives/event nouns around the counted phrase."""
        if anchor.dep_ == "poss":
            return None, None                 # "seized 3 aid workers' vehicles": the vehicles
        head, dep, found = self._governor(anchor)
        if head.i != anchor.i and head.pos_ in ("VERB", "AUX", "ADJ"):
            if dep in SUBJECT_DEPS and head.tag_ == "VBN" and head.dep_ == "conj" and not any(
                    c.dep_ == "aux" for c in head.children):
                dep = "nsubjpass"                 # "12 were killed and 4 captured"
            if dep in SUBJECT_DEPS and head.tag_ in ("VBN", "VBD") and head.lemma_.lower() in \
                    self.lex.victim_verbs and not any(c.dep_ in ("dobj", "ccomp") for c in head.children):
                dep = "nsubjpass"                 # headline style: "Two soldiers killed in ambush"
            found += self._clause_predicates(head, dep)
            if dep in OBJECT_DEPS and dep != "nsubjpass":   # "forced 45,000 people from their homes"
                found += [(self.lex.object_phrases[p], head) for p in _noun_phrases(head, anchor)
                          if p in self.lex.object_phrases]
        # the governing verb tells the event before a participle on the noun does: "killed 22
        # suspects held in the monastery" -> killed
        found += self._modifier_predicates(anchor)
        if not found:
            return None, None
        for cat, word in found:
            if cat in STRONG:
                return self._outcome_told_after(cat, word)
        return found[0]

    def _outcome_told_after(self, cat, word) -> tuple[str, object]:
        """A verb that does not tell the outcome ("shot") yields to the verb conjoined to it
        ("were shot and killed" -> killed)."""
        if word.lemma_.lower() not in self.lex.weak_verbs:
            return cat, word
        for c in word.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and (told := self.lex.victim_verbs.get(c.lemma_.lower())) \
                    in STRONG and told != cat:
                return told, c
        return cat, word

    def _clause_predicates(self, head, dep) -> list[tuple[str, object]]:
        """What the verb (or adjective) `head` says of the counted noun in role `dep`."""
        lex, found = self.lex, []
        lem = _with_particle(head, lex.keep_particles, lex.particles)   # "held back 200 protesters": not held
        adjectives = [(lex.adjectives[c.lower_], c) for c in head.children
                      if c.dep_ in ("acomp", "oprd", "xcomp") and c.lower_ in lex.adjectives]
        if dep in SUBJECT_DEPS or dep == "nsubjpass":
            found += [(lex.subject_phrases[p], head) for p in _phrases_of(head) if p in lex.subject_phrases]
            if dep == "nsubjpass":
                found += [(lex.passive_phrases[p], head) for p in _phrases_of(head) if p in lex.passive_phrases]
            if (ret := self._return_category(head)) is not None:
                found.append((ret, head))
        if dep in SUBJECT_DEPS:
            if lem in lex.actor_verbs:
                found.append((lex.actor_verbs[lem], head))
            found += adjectives                   # "one person was reported dead"
        if dep in ("dobj", "attr") and lem in lex.actor_verbs and head.tag_ in ("VBD", "VBZ", "VBP") and not any(
                c.dep_ in SUBJECT_DEPS or c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in head.children):
            found.append((lex.actor_verbs[lem], head))   # translated order: "in the attack died 3 soldiers"
        if dep in OBJECT_DEPS or dep == "nsubjpass":
            found += adjectives                   # the outcome first: "two men were shot dead"
            if lem in lex.victim_verbs:
                found.append((lex.victim_verbs[lem], head))
            # "forced 45,000 people from their homes", "10 million were forced to flee"
            found += [(lex.object_phrases[p], head) for p in _phrases_of(head) if p in lex.object_phrases]
        if (dep in SUBJECT_DEPS or dep == "attr") and lem == "be":
            # "3 journalists were among those detained", "among the dead were seven soldiers"
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("among", "including") and (obj := _pobj(prep)) is not None:
                    found += self._group_category(obj)
        if dep in OBJECT_DEPS and lem in ("include", "comprise"):   # "the dead included 12 children"
            for subj in head.children:
                if subj.dep_ in SUBJECT_DEPS:
                    found += self._group_category(subj)
        if (head.pos_ == "ADJ" or head.tag_ == "VBG") and head.lower_ in lex.adjectives:
            found.append((lex.adjectives[head.lower_], head))
        return found

    def _group_category(self, tok) -> list[tuple[str, object]]:
        """The category a group word gives its members: "the dead" (an adjective used as a
        noun), "those detained" (a participle on it)."""
        if tok.lower_ in self.lex.adjectives and any(c.dep_ == "det" for c in tok.children):
            return [(self.lex.adjectives[tok.lower_], tok)]
        return self._modifier_predicates(tok)

    def _return_category(self, verb) -> str | None:
        """A return home ("5 people returned home", "came back to their homeland") takes its
        category from the event around it: the sentence or the one before ("in the exchange")."""
        lex = self.lex
        if verb.lemma_.lower() not in lex.return_verbs:
            return None
        words = {c.lemma_.lower() for c in verb.subtree if c.i > verb.i} | {
            c.lemma_.lower() for c in verb.children if c.dep_ == "advmod"}
        if not words & lex.return_words:
            return None
        sent = verb.sent
        context = list(sent)
        if sent.start > 0:
            context = list(self.doc[sent.start - 1].sent) + context
        for t in context:
            for form in (t.lemma_.lower(), t.lower_):
                if form in lex.return_context:
                    return lex.return_context[form]
        return None

    def _verb_before(self, start: int):
        """A victim verb right before the number ("killing at least 40 …"), for misparsed clauses."""
        k = start - 1
        while k >= 0 and self.doc[k].lower_ in self.lex.qualifier_words:
            k -= 1
        if k < 0:
            return None, None
        verb = self.doc[k]
        lem = verb.lemma_.lower()
        if verb.pos_ == "VERB" and lem in self.lex.victim_verbs and verb.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VBP"):
            return self.lex.victim_verbs[lem], verb
        return None, None

    def _told_by_clause(self, num) -> bool:
        """Whether a number standing alone is about a noun that names a count ("the toll", "the
        injured"), so that a date tag the NER gave it does not stand."""
        noun = self._clause_noun(num)
        if noun is not None and _of_complement(num):
            return _noun_key(noun) not in self.lex.skip_nouns   # "a country of over 240 million"
        return noun is not None and (noun.lemma_.lower() in self.lex.aggregates or
                                     self._noun_category(noun) is not None)

    def _clause_noun(self, num):
        """For a number standing alone: the noun its clause is about ("toll rose to 12"), or
        the noun it completes ("a death toll of 45", "a crew of 22", "a population of 48 million")."""
        if _of_complement(num) and num.head.head.lemma_.lower() not in self.lex.event_nouns:
            return num.head.head              # (an event noun counts people: "the wounding of 35")
        verb = num.head
        if num.dep_ == "pobj" and (twin := next((c for c in verb.children if c.dep_ == "pobj" and c.i != num.i
                                                 and c.lemma_.lower() in self.lex.aggregates), None)):
            return twin                       # "raising to 19 the death toll"
        if num.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        while verb.pos_ == "ADV" and verb.dep_ == "advmod" and verb.head.i != verb.i:
            verb = verb.head                  # "rose to 31, up from 12"
        if verb.i == num.i or verb.pos_ not in ("VERB", "AUX"):
            return None
        for c in verb.children:               # "raised the toll to 46", "put the number of dead at 200"
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in self.lex.aggregates:
                return c
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != num.i and (
                    c.pos_ in ("NOUN", "PROPN") or c.lower_ in self.lex.adjectives):   # "the dead numbered 70"
                return c
        if verb.dep_ in ("acl", "relcl") and (verb.head.pos_ in ("NOUN", "PROPN") or
                                              verb.head.lower_ in self.lex.adjectives):
            return verb.head                  # "refugees now totalling 2.5 million", "the injured, numbering 75"
        return None

    def _conjoined_facts(self, noun, word, category) -> list[tuple[str, object]]:
        """A second fact told of the same figure by a conjoined verb that shares its subject:
        "two insurgents got injured and were held" -> 2 wounded and 2 detained."""
        if noun is None or word is None or noun.head.i != word.i or noun.dep_ not in ("nsubj", "nsubjpass"):
            return []
        out = []
        for verb in word.children:
            if verb.dep_ != "conj" or verb.pos_ != "VERB" or any(
                    c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
                continue
            passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children)
            cat = self.lex.victim_verbs.get(verb.lemma_.lower()) if passive else \
                self.lex.actor_verbs.get(verb.lemma_.lower())
            if cat in STRONG and cat != category:
                out.append((cat, verb))
        return out

    # -- single victims --------------------------------------------------------

    def single_victims(self, taken: set[int]) -> list[tuple[int, str, object, object, int]]:
        """(token index, category, noun, word, value) of one person named or described as killed,
        wounded, arrested or detained without a number ("a 69-year-old woman was killed",
        "troops detained a top lieutenant", "Abu Bakr was arrested", "wounding a third"); a pair
        noun counts its people ("an elderly couple died" is 2)."""
        lex, out = self.lex, []
        if not lex.singular_victims:
            return out
        for tok in self.doc:
            more = self._one_more(tok)
            if tok.i in taken or tok.tag_ not in ("NN", "NNP") and not more or tok.dep_ in ("compound", "poss"):
                continue
            if any(c.dep_ == "nummod" for c in tok.children) or any(
                    c.dep_ == "det" and c.lower_ in ("no", "every", "each", "any", "some") for c in tok.children):
                continue
            key = _noun_key(tok)
            person = tok.ent_type_ == "PERSON" if tok.pos_ == "PROPN" else (
                key in lex.people or key in lex.pairs or more or
                self._noun_category(tok) in ("troops", "civilians_affected"))
            if not person or _in_list(tok):
                continue
            cat, word = self._predicate_category(tok)
            arg = tok
            while arg.dep_ == "conj" and arg.head.i != arg.i:    # "injured four soldiers and a civilian"
                arg = arg.head
            if cat in SINGLE and word is not None and (
                    word.i == arg.head.i and arg.dep_ in ("dobj", "nsubjpass", "nsubj")
                    or word.head.i == tok.i and word.dep_ in ("acl", "amod")):
                out.append((tok.i, cat, tok, word, lex.pairs.get(key, 1)))
        return out

    def _one_more(self, tok) -> bool:
        """"killing two guards and wounding a third", "killed one and wounded another": one more
        person of the count told before it in the sentence (count_nouns.yaml `one_more`)."""
        if tok.lower_ not in self.lex.one_more or tok.dep_ not in ("dobj", "nsubjpass"):
            return False
        if tok.pos_ != "PRON" and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return False
        noun = self.sentence_nouns.get(tok.sent.start)
        told = self.sentence_categories.get(tok.sent.start)
        return told is not None and (told in STRONG or noun is not None and _noun_key(noun) in self.lex.people)

    # -- building --------------------------------------------------------------

    def qualifier(self, start_char: int) -> str | None:
        m = self.lex.qualifiers.search(self.text[max(0, start_char - 24):start_char])
        return " ".join(m.group(1).lower().split()) if m else None

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

    def build(self, start: int, end: int, value, category: str, noun, word) -> Count:
        """The Count of doc[start:end], with its sentence as evidence and the figure's own span."""
        doc = self.doc
        qual = self.qualifier(doc[start].idx) if DIGITS.match(doc[start].text) or \
            doc[start].lower_ in WORD_NUMBERS else None
        approximate = bool(qual) and qual not in self.lex.exact_qualifiers or doc[start].lower_ == "dozen"
        val = int(value) if float(value).is_integer() else value
        span = doc[start:end]
        evidence, s, e = self.an.sentence(span)
        _, vs, ve = self.an.evidence(span.start_char, span.end_char)
        return Count(value=val, category=category, what=self.what(noun, word), approximate=approximate,
                     qualifier=qual, evidence=evidence, start=s, end=e, value_start=vs, value_end=ve)

    def _is_range(self, a: tuple, b: tuple) -> bool:
        """Whether number groups a and b are the two ends of one range: "200–250", "10-12",
        "20 to 25", "40 or 50", "between 30 and 40"."""
        doc = self.doc
        if a[0] == b[0]:
            return True                                   # one token: "200–250"
        between = [t.lower_ for t in doc[a[1]:b[0]]]
        if len(between) != 1:
            return False
        if between[0] in RANGE_WORDS or between[0] in RANGE_DASHES:
            return True
        k = a[0] - 1
        while k >= 0 and doc[k].lower_ in self.lex.qualifier_words:
            k -= 1
        return between[0] == "and" and k >= 0 and doc[k].lower_ == "between"

    def _categorised(self) -> list[tuple[int, int, float, tuple]]:
        """(start, end, value, (category, noun, word)) of every counted number; both ends of a
        range count the same thing, whichever end the parse hung the noun on."""
        out: list[tuple[int, int, float, tuple | None]] = []
        groups = number_groups(self.doc)
        for k, (start, end, value) in enumerate(groups):
            prev = out[-1] if out else None
            partner = prev is not None and prev[:2] == groups[k - 1][:2] and self._is_range(groups[k - 1], groups[k])
            # the far end of a range is a count when its near end is ("between 30 and 40 people":
            # the NER may call the pair a date, and the far end hangs on no noun)
            if self.skip(start, end, value) and not (partner and prev[3] is not None and value > 0):
                continue
            cat = self.categorise(start, end)
            if partner:
                cat, other = _range_choice(prev[3], cat)
                out[-1] = prev[:3] + (other,)
                self.range_ends.add((start, end, value))
            if cat is not None:
                self.sentence_categories[self.doc[start].sent.start] = cat[0]
                if cat[1] is not None and (cat[2] is not None and cat[2].i != cat[1].i or any(
                        c.dep_ == "amod" and self.lex.adjectives.get(c.lower_) == cat[0] for c in cat[1].children)):
                    self.noun_categories[cat[1].i] = cat[0]   # told by a verb, a label or "dead"
                own = _head_noun(_group_root(self.doc, start, end), self.doc)
                self.sentence_nouns[self.doc[start].sent.start] = cat[1] if own is not None and \
                    cat[1] is not None and own.i == cat[1].i else None   # the noun it counts itself
            out.append((start, end, value, cat))
        return [g[:3] + (self._later_conjunct(g[3]),) for g in out if g[3] is not None]

    def _later_conjunct(self, cat: tuple) -> tuple:
        """A first conjunct of people takes the fate a later one was told ("leaving 5 passengers
        and 2 drivers dead"); its own strong category, or a thing's, stays."""
        category, noun, word = cat
        if noun is None or category in STRONG or not self._person_like(noun, _noun_key(noun), category):
            return cat
        for c in noun.children:
            if c.dep_ == "conj" and self.noun_categories.get(c.i) in STRONG:
                return self.noun_categories[c.i], noun, c
        return cat

    def run(self) -> list[Count]:
        found: list[tuple[Count, object]] = []           # (count, noun)
        taken: set[int] = set()
        for start, end, value, cat in self._categorised():
            category, noun, word = cat
            count = self.build(start, end, value, category, noun, word)
            found.append((count, noun))
            for extra, verb in self._conjoined_facts(noun, word, category):
                found.append((self.build(start, end, value, extra, noun, verb), noun))
            if (start, end, value) not in self.range_ends:  # a toll reads the lower end, as ACLED
                for i in range(start, end):
                    self.an.token_count[i] = count
            if noun is not None:
                taken.add(noun.i)
        for i, category, noun, word, value in self.single_victims(taken):
            count = self.build(i, i + 1, value, category, noun, word)
            found.append((count, noun))
            self.an.token_count[i] = count
        found.sort(key=lambda cn: (cn[0].start, cn[0].value_start or 0))
        return self.one_per_fact(found)

    def _title_lines(self):
        """A test: is a count in the headline line (or a line repeating it)? Only when the text
        has a body below its first line."""
        text = self.an.article.text
        first = text.find("\n")
        if first < 0 or not text[first:].strip():
            return lambda count: False
        title = " ".join(text[:first].split())
        spans, pos = [], 0
        for line in text.split("\n"):
            if " ".join(line.split()) == title:
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return lambda count: any(a <= (count.value_start or count.start) < b for a, b in spans)

    def one_per_fact(self, found: list[tuple[Count, object]]) -> list[Count]:
        """One count per fact: a figure repeated in the headline, the standfirst or a quote (same
        value, category and counted noun; a count with no noun, or in the title line, repeats any
        count of the same value and category) is kept once, where the body first states it."""
        in_title = self._title_lines()
        by_fact: dict[tuple, list[tuple[Count, str | None]]] = {}
        for count, noun in found:
            key = _noun_key(noun) if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None
            by_fact.setdefault((float(count.value), count.category), []).append((count, key))
        keep: set[int] = set()
        for items in by_fact.values():
            body = [(c, k) for c, k in items if not in_title(c)] or items
            nouns = {k for _, k in body if k is not None}
            seen: set = set()
            for c, k in body:
                if k is None and nouns or k in seen:
                    continue
                seen.add(k)
                keep.add(id(c))
        return [c for c, _ in found if id(c) in keep]


def find_counts(an, kb: Knowledge | None = None) -> list[Count]:
    """Every count of the article (see module docstring); fills `an.token_count`."""
    if an.doc is None or not len(an.doc):
        return []
    return _Counter(an, kb).run()
