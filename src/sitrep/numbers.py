"""Numbers as written in news text: the one parser every stage and view uses.

    parse_digits("1,332") -> 1332.0       parse_digits("2,5") -> 2.5 (European decimal)
    number_value("2,5 million") -> 2500000.0    number_value("twenty-one") -> 21.0
    number_groups(doc) -> [(start, end, value)]  token ranges of numbers in a spaCy Doc
    token_value(tok) -> 1332 / 6 / None          the exact whole number one token states

Digits ("55", "1,332", "2.5"), European forms ("16 000", "2,5 million", "16.000"), words ("nine",
"twenty-five", "one hundred", "two hundred and fifty") and multipliers ("2.5 million", "three
thousand", "5bn" split as "5 bn", "2.3m" glued) are numbers; "a hundred", "a thousand" start one
("a hundred and twenty" is 120). Vague words ("dozens", "hundreds", "several") are not: they have
no value a reader could check. "dozen" is 12 and multiplies a number before it ("two dozen" is 24,
"half a dozen" 6); the caller decides whether "a dozen" or "several dozen" is meant. A range
written as one token ("200–250") gives two groups over that token, one per end.
"""
from __future__ import annotations

import re

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "mln": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
# one-letter multipliers count only glued to digits in text ("5m"), never as tokens of their own
AMBIGUOUS_MULTIPLIERS = ("m", "k")
DIGITS = re.compile(r"^\d[\d,.\u00a0\u202f]*$")
HYPHENS = ("-", "\u2010", "\u2011")
# "200–250" / "10-12" written as one token: both ends are numbers
ONE_TOKEN_RANGE = re.compile(r"^(\d[\d,.]*)[-\u2010\u2011\u2013\u2014](\d[\d,.]*)$")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


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


def word_value(low: str) -> float | None:
    """'nine' -> 9, 'twenty-one' -> 21 (lower-case word), else None."""
    if low in WORD_NUMBERS:
        return float(WORD_NUMBERS[low])
    parts = re.split(r"[-\u2010\u2011]", low)
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        return float(WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]])
    return None


def words_value(words: list[str]) -> float | None:
    """The value of a number written as words/digits in order: ["2,5", "million"], ["two",
    "hundred", "fifty"], ["16", "000"]; None when one of them is not part of a number."""
    words = [w for w in (w.lower() for w in words) if w not in HYPHENS and w != "and"]
    if not words:
        return None
    if all(DIGITS.match(w) for w in words):
        return parse_digits("".join(words))
    total, current = 0.0, None
    for k, w in enumerate(words):
        nxt_mult = k + 1 < len(words) and words[k + 1] in MULTIPLIERS
        if DIGITS.match(w):
            v = parse_digits(w, before_multiplier=nxt_mult)
            if v is None:
                return None
            current = (current or 0) + v
        elif w == "dozen" and current is not None:
            current *= 12                      # "two dozen"
        elif w in MULTIPLIERS:
            m = MULTIPLIERS[w]
            current = (current if current is not None else 1) * m
            if m >= 1000:
                total, current = total + current, None
        else:
            v = word_value(w)
            if v is None:
                return None
            current = (current or 0) + v
    return total + (current or 0)


def number_value(text: str) -> float | None:
    """The value of a written number: "1,332", "2,5 million", "16 000", "three", "5bn"."""
    t = re.sub(r"(\d)(mln|bn|m|k)\b", r"\1 \2", text.strip(), flags=re.I)
    parts = t.split()
    if len(parts) > 1 and all(DIGITS.match(p) for p in parts):
        return parse_digits("".join(parts))
    return words_value(parts)


def token_value(tok) -> int | None:
    """The exact whole number one token states ("1,332", "six", "twenty-one"), else None.
    Vague words ("dozens", "hundreds") are not numbers: other stages must not invent a value."""
    value = parse_digits(tok.text) if tok.text[:1].isdigit() else word_value(tok.lower_)
    return int(value) if value is not None and value == int(value) else None


def is_number_token(tok) -> bool:
    low = tok.lower_
    if tok.is_alpha and low not in WORD_NUMBERS and low not in MULTIPLIERS:
        return False                      # the common case, decided without a regex
    return bool(DIGITS.match(tok.text)) or word_value(low) is not None or low in MULTIPLIERS \
        and low not in AMBIGUOUS_MULTIPLIERS


def _hyphenated_word_number(doc, j) -> bool:
    """doc[j] is the hyphen of "twenty-one" split into three tokens."""
    return (doc[j].text in HYPHENS and j + 1 < len(doc) and not doc[j - 1].whitespace_
            and not doc[j].whitespace_ and doc[j - 1].lower_ in TENS
            and word_value(doc[j + 1].lower_) is not None and not DIGITS.match(doc[j + 1].text))


def _european_thousands_end(doc, i: int) -> int:
    """The end of "16 000" / "1 332 000" starting at token i (i + 1 when it is one token)."""
    j = i + 1
    while (j < len(doc) and re.fullmatch(r"\d{3}", doc[j].text)
           and doc[j - 1].whitespace_ in (" ", "\u00a0", "\u202f") and re.fullmatch(r"\d{1,3}", doc[j - 1].text)):
        j += 1
    return j


def _word_compound_end(doc, j: int) -> int:
    """Extend a number over "twenty five", "twenty-one", "one hundred", "two hundred and fifty"
    and multipliers, from token j on."""
    n = len(doc)
    while j < n:
        if _hyphenated_word_number(doc, j) or (
                doc[j].lower_ == "and" and doc[j - 1].lower_ in MULTIPLIERS and j + 1 < n
                and word_value(doc[j + 1].lower_) is not None):
            j += 2
        elif (doc[j].lower_ in MULTIPLIERS and (doc[j].lower_ not in AMBIGUOUS_MULTIPLIERS or _glued(doc, j))
              or (word_value(doc[j].lower_) is not None and word_value(doc[j - 1].lower_)
                  is not None and not DIGITS.match(doc[j].text))):
            j += 1
        else:
            break
    return j


def _glued(doc, j: int) -> bool:
    """doc[j] follows digits with no space ("2.3m", "5k")."""
    return j > 0 and not doc[j - 1].whitespace_ and bool(DIGITS.match(doc[j - 1].text))


def _starts_with_article(doc, i: int) -> bool:
    """doc[i] is a multiplier after "a" ("a hundred", "a thousand"), which starts a number."""
    return doc[i].lower_ in MULTIPLIERS and doc[i].lower_ not in AMBIGUOUS_MULTIPLIERS and i > 0 \
        and doc[i - 1].lower_ == "a"


def _one_token_range(tok) -> list[float]:
    """Both ends of "200–250" written as one token, else []."""
    m = ONE_TOKEN_RANGE.match(tok.text)
    ends = [parse_digits(g) for g in m.groups()] if m else []
    return ends if len(ends) == 2 and None not in ends and ends[0] < ends[1] else []


def number_groups(doc) -> list[tuple[int, int, float]]:
    """(start, end, value) token ranges of numbers, multi-token forms joined."""
    groups = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if ends := _one_token_range(tok):
            groups += [(i, i + 1, v) for v in ends]
            i += 1
            continue
        if not is_number_token(tok) or tok.lower_ in MULTIPLIERS and not _starts_with_article(doc, i):
            i += 1
            continue
        j = _word_compound_end(doc, _european_thousands_end(doc, i))
        value = words_value([t.text for t in doc[i:j]])
        if value is not None and tok.lower_ == "dozen" and i > 1 and doc[i - 1].lower_ == "a" \
                and doc[i - 2].lower_ == "half":
            value = value / 2                  # "half a dozen"
        if value is not None:
            groups.append((i, j, value))
        i = j
    return groups
