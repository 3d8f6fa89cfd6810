"""Quotes: direct and clearly attributed indirect speech, with the speaker, from the parse.

``find_quotes(an) -> list[Quote]`` (in text order).

Direct quotes
    Quoted spans are found on the cleaned text by a small state machine per line: curly “…”,
    guillemets «…», low-high „…“ and straight "…" quotes (straight ones alternate, so a closing
    quote glued to the next word, `"…"declared`, still closes). A quote left open at the end of a
    line that it opened, or that reopened a sentence after a closed quote (`"…," X wrote. "Each
    …`), counts to the line's end (the multi-paragraph convention). A paragraph
    opened by a dash ("– Today we brought home 84 of our people, Zelensky said.") is speech too,
    up to its closing attribution, or whole after a line ending with ":" (Russian, Ukrainian and
    French outlets); a dash list item is not. Single quotes
    are never delimiters (apostrophes); they stay inside the text as nested quotes.
    The speaker comes from the nearest reporting verb (data/reporting_verbs.yaml) outside the
    quotes in the sentences the quote touches: its subject (or "by" agent, or the object of
    "according to"). Speaker before or after the quote both work; a multi-sentence quote looks at
    the sentences of its start and of its end.
    A quote with no attribution of its own continues the speaker of the previous sentence when that
    sentence attributed speech (`Pasechnik said in his appeal.` / `X said:` followed by a
    quote-only paragraph) or a named person's sentence ending with a colon introduced it (`X gave
    the figures:`), and a run of such paragraphs keeps that speaker.
    Quoted fragments of 1-3 words count only inside the complement of a reporting verb (`said
    “thugs from Syria” would come`, `accused X of “…”`, `condemned the “…” and said`: the verb
    whose clause holds it, not the nearest) and never after a scare marker ("so-called"); one
    word only as a verdict by a naming verb (`called the vote “illegitimate”`), or as the object of "accused X of"/"described X as" (`accused Moscow of “mocking”`),
    never as the name a relative clause gives its head noun (`fighters, whom X calls “…”`). A named
    organisation's fragment is its partial quote as a person's is (`rejected the claim as “a staged
    provocation”`, `dismissed the report as “disinformation”`): the record's convention lists
    partial quotes of persons and of named organisations alike.

Indirect speech (direct=False)
    Only in sentences without quote marks: a reporting verb (indirect list) with a subject speaker
    and a clausal complement (`X said (that) CLAUSE`, `CLAUSE, X said`, `X told Y that …`,
    `X warned that …`, `X said in a televised speech that …`), a parenthetical `…, X said, …`, or
    `according to X, CLAUSE`. `text` is the reported clause without "that". Negated reporting
    verbs ("did not say") are skipped. Only named persons' indirect speech is kept (also through a
    role description); bodies' and descriptions' only with `indirect_speakers: any` in
    data/speaker_nouns.yaml.

Speakers (data/speaker_nouns.yaml)
    A pronoun subject (he/she) is, among the persons named in its paragraph or the sentence
    before, the last person speaker when the pronoun fits, else the nearest whose gender is the
    pronoun's (a title "Mrs"/"Ms", an apposition noun "mother of three", a given name:
    data/person_gender.yaml), else the nearest of unknown gender; never a place spaCy took for a
    person; they/we the last group speaker. A title phrase names the person inside it ("Israel's
    Defence Minister Israel Katz said" -> Israel Katz); an attribution after the quote may have an
    auxiliary (`"…," has declared the President X`). The name is canonical: `an.token_entity` (the entities stage)
    when a speaker token belongs to an entity (a lone surname: the article's one person with it),
    else a spaCy PERSON/ORG/NORP name, else the noun phrase without determiners or relative
    clauses ("Russian military"). Joint subjects become "A and B".
    Nouns that cannot speak never are speakers: documents speak for their author ("a statement by
    X", "a note signed by X", else the source named just before: "reported by X"), audiences
    ("told journalists") are never the subject, anonymous sources ("a security official",
    "critics") are kept only when the article names them in the phrase ("one witness, named X").
    A role description ("the governor", "the country's prime minister") is the person the article
    names with that role or apposition (before, or later by the full title), else the one person
    named in the two sentences before; the description is kept as written only when no name exists.
    A name before a colon opening a quote speaks (`Trump: “We waited”`), layout labels do not.

One quote per statement: a quote whose words stand in a longer quote of the same speaker (a
partial quote inside its clause, a crosshead) or which repeats nearly all its content words (the
standfirst) is kept once, the longest.

Evidence is the original text of the sentences holding the quote and its attribution, with
offsets into Article.text (through `an.evidence`). `verb` is the reporting lemma ("say",
"according to").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .nlp import doc_text
from .knowledge import Knowledge, KnowledgeError, get_knowledge
from .nlp import entity_at
from .recognisers import is_role_word
from .record import Quote

OPENERS = {"“": "”\"", "«": "»", "„": "“”\"", "\"": "\"”“"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}
NO_SPEAKER = {"i", "you", "we", "this", "that", "these", "those", "one", "which", "what",
              "there", "us", "me", "anyone", "nobody", "everyone", "someone", "who", "whom"}
SPEAKER_DROP_DEPS = {"relcl", "acl", "appos", "punct", "cc", "advmod", "parataxis", "prep"}
MAX_SPEAKER_TOKENS = 12
COMPLEMENT_PREPS = ("as", "of")     # "described X as “…”", "accused X of “…”"
SINGLE_WORD = "single word"         # _fragment's answer for a one-word quote
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# the kinds of speaker a subject resolves to
PERSON, BODY, DESCRIPTION = "person", "organization", "description"


@dataclass(frozen=True)
class Lexicon:
    direct: frozenset[str]
    indirect: frozenset[str]
    forms: dict
    scare: tuple[str, ...]
    naming: frozenset[str]
    needs_that: frozenset[str]
    phrases: tuple[str, ...] = ("according to",)
    citing: frozenset[str] = frozenset()
    phrasal: frozenset[str] = frozenset()       # "point out", "make clear"
    phrasal_verbs: frozenset[str] = frozenset()  # their verbs ("point", "make")
    raising: frozenset[str] = frozenset()       # "X went on to say": the verb before "to say"


@dataclass(frozen=True)
class SpeakerNouns:
    """The speaker-noun classes of data/speaker_nouns.yaml (see that file)."""
    documents: frozenset[str]
    audience: frozenset[str]
    anonymous: frozenset[str]
    roles: frozenset[str]
    bodies: frozenset[str]
    group_words: frozenset[str]
    labels: frozenset[str]
    indirect_persons_only: bool
    canonical_bodies: bool = True      # a body speaks by its canonical name, else as written


def _inflections(lemma: str) -> set[str]:
    out = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return out


def _build_lexicon(kb: Knowledge) -> Lexicon:
    data = kb.yaml("reporting_verbs.yaml")
    if not isinstance(data, dict):
        raise KnowledgeError(f"{kb.path('reporting_verbs.yaml')}: must be a mapping of sections")
    phrasal = kb.words("reporting_verbs.yaml", "phrasal")
    direct = kb.words("reporting_verbs.yaml", "direct") | phrasal
    indirect = kb.words("reporting_verbs.yaml", "indirect") | phrasal
    forms: dict[str, str] = {}
    for lemma in (direct | indirect) - phrasal:
        for form in _inflections(lemma):
            forms.setdefault(form, lemma)
    forms.update({str(k).lower(): str(v).lower() for k, v in (data.get("forms") or {}).items()})
    scare = tuple(sorted(kb.words("reporting_verbs.yaml", "scare_markers")))
    phrases = tuple(sorted(kb.words("reporting_verbs.yaml", "phrases"))) or ("according to",)
    return Lexicon(direct, indirect, forms, scare, kb.words("reporting_verbs.yaml", "naming"),
                   kb.words("reporting_verbs.yaml", "indirect_needs_that"), phrases,
                   kb.words("reporting_verbs.yaml", "citing"), phrasal,
                   frozenset(p.split()[0] for p in phrasal), kb.words("reporting_verbs.yaml", "raising"))


def lexicon(kb: Knowledge | None = None) -> Lexicon:
    """The reporting-verb lexicon from data/reporting_verbs.yaml (built once per Knowledge)."""
    return (kb or get_knowledge()).derived("quotes.lexicon", _build_lexicon)


def _build_speaker_nouns(kb: Knowledge) -> SpeakerNouns:
    name = "speaker_nouns.yaml"
    data = kb.yaml(name)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{kb.path(name)}: must be a mapping of sections")
    who = str(data.get("indirect_speakers") or "persons").strip().lower()
    if who not in ("persons", "any"):
        raise KnowledgeError(f"{kb.path(name)}: `indirect_speakers` must be `persons` or `any`, not {who!r}")
    naming = str(data.get("body_speaker_names") or "canonical").strip().lower()
    if naming not in ("canonical", "written"):
        raise KnowledgeError(f"{kb.path(name)}: `body_speaker_names` must be `canonical` or `written`, "
                             f"not {naming!r}")
    return SpeakerNouns(*(kb.words(name, key) for key in (
        "documents", "audience", "anonymous", "roles", "bodies", "group_words", "labels")),
        who == "persons", naming == "canonical")


@dataclass(frozen=True)
class GenderCues:
    """The cues of data/person_gender.yaml: word -> "f" or "m", per kind of cue."""
    titles: dict
    nouns: dict
    names: dict


def _build_gender_cues(kb: Knowledge) -> GenderCues:
    name = "person_gender.yaml"
    data = kb.yaml(name) or {}
    if not isinstance(data, dict):
        raise KnowledgeError(f"{kb.path(name)}: must be a mapping of sections")
    out = []
    for key in ("titles", "nouns", "names"):
        section = data.get(key) or {}
        if not isinstance(section, dict):
            raise KnowledgeError(f"{kb.path(name)}: `{key}` must map feminine/masculine to word lists")
        cues = {}
        for gender, mark in (("masculine", "m"), ("feminine", "f")):
            for w in section.get(gender) or []:
                cues[str(w).strip().lower()] = mark
        out.append(cues)
    return GenderCues(*out)


def gender_cues(kb: Knowledge | None = None) -> GenderCues:
    """The person gender cues from data/person_gender.yaml (built once per Knowledge)."""
    return (kb or get_knowledge()).derived("quotes.gender_cues", _build_gender_cues)


def speaker_nouns(kb: Knowledge | None = None) -> SpeakerNouns:
    """The speaker-noun classes from data/speaker_nouns.yaml (built once per Knowledge)."""
    return (kb or get_knowledge()).derived("quotes.speaker_nouns", _build_speaker_nouns)


# ---------------------------------------------------------------- quoted spans

def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) char indices of quoted spans; close is the closing mark or the line's end."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        here: list[tuple[int, int]] = []
        opened: int | None = None
        closers = ""
        for j, ch in enumerate(line):
            if opened is None:
                if ch in OPENERS:
                    opened, closers = j, OPENERS[ch]
            elif ch in closers:
                here.append((opened, j))
                opened = None
        if opened is not None and (not line[:opened].strip() or here and re.search(r"[.!?]\s+$", line[:opened])):
            # left open to the line's end: it opened the paragraph, or a new sentence after a
            # closed quote and its attribution (`"…," X wrote. "Each of them …` + next paragraph)
            end = len(line.rstrip())
            if end > opened + 1:
                here.append((opened, end))
        here = sorted(here + _single_spans(line, here))
        spans.extend((pos + a, pos + b) for a, b in here)
        pos += len(line) + 1
    return spans


DASHES = ("–", "—", "-")
MIN_DASH_WORDS = 8


def dash_spans(text: str, forms: dict) -> list[tuple[int, int]]:
    """(open, close) of speech paragraphs opened by a dash, the convention of Russian, Ukrainian
    and French outlets ("– Today the exchange took place …, the message says."): the dash is the
    opener; the speech ends before a closing attribution (", the message says."), else at the
    line's end when the line before introduces it (ends with ":"). A dash line without either,
    or a short one (a list item: "– 5 killed in Kharkiv"), is no speech."""
    spans, pos, prev = [], 0, ""
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        body = line[lead:]
        if body[:1] in DASHES and body[1:2] == " " and len(body.split()) > MIN_DASH_WORDS and \
                not any(ch in body for ch in OPENERS):
            end = _attribution_start(body, forms)
            if end is None and prev.rstrip().endswith(":"):
                end = len(body.rstrip())
            if end is not None:
                spans.append((pos + lead, pos + lead + end))
        if line.strip():
            prev = line
        pos += len(line) + 1
    return spans


def _attribution_start(body: str, forms: dict) -> int | None:
    """Where a closing attribution of up to six words after the last comma starts (", the
    message says.", ", – said Kuleba."), when one of its words is a reporting verb form."""
    cut = body.rstrip().rstrip(".").rfind(",")
    if cut < 0:
        return None
    words = re.findall(r"[^\W\d_]+", body[cut:].lower())
    return cut if 1 < len(words) <= 6 and any(w in forms for w in words) else None


SINGLE_OPEN_AFTER = " \t([{—–:"
SINGLE_CLOSE_BEFORE = " \t.,;:!?)]}—–-\"”"


def _single_spans(line: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes in single marks outside the double-quoted spans of the line (British style,
    ‘…’ or '…'): an opener starts a word, a closer ends one before a space or punctuation and is
    no plural possessive ("the soldiers’ families"); apostrophes inside words never count. A
    paragraph opened by a single mark and never closed runs to the line's end."""
    out: list[tuple[int, int]] = []
    inside = [False] * (len(line) + 1)
    for a, b in taken:
        for k in range(a, min(b + 1, len(line))):
            inside[k] = True
    j, n = 0, len(line)
    while j < n:
        ch = line[j]
        if ch not in "‘'" or inside[j] or (j and line[j - 1] not in SINGLE_OPEN_AFTER) or \
                j + 1 >= n or not line[j + 1].isalnum():
            j += 1
            continue
        close = _single_close(line, j, inside)
        if close is None:
            if line[:j].strip() or len(line.rstrip()) <= j + 1:
                j += 1
                continue
            close = len(line.rstrip())
        out.append((j, close))
        j = close + 1
    return out


def _single_close(line: str, opened: int, inside: list[bool]) -> int | None:
    """The closing single mark of the quote opened at `opened`, or None."""
    marks = "’'" if line[opened] == "‘" else "'"
    n = len(line)
    for k in range(opened + 2, n):
        if inside[k]:
            return None
        if line[k] not in marks or line[k - 1].isspace():
            continue
        nxt = line[k + 1] if k + 1 < n else " "
        if nxt not in SINGLE_CLOSE_BEFORE:
            continue                      # an apostrophe inside a word: "army’s", "don't"
        if line[k - 1] in "sS" and nxt == " " and line[k + 2:k + 3].islower():
            continue                      # a plural possessive: "the soldiers’ families"
        return k
    return None


# ---------------------------------------------------------------- speakers

QUOTE_CHARS = "\"“”«»„'‘’"


def _reporting_lemma(tok, allowed: frozenset[str], lex: Lexicon) -> str | None:
    """The reporting lemma of a token (tolerating glued quote marks), if it is one in `allowed`;
    a phrasal one ("point out", "make clear") is the verb with its particle or adjective."""
    surface = _glued_tail(tok.lower_)
    glued = surface != tok.lower_
    if tok.pos_ in ("VERB", "AUX") and not glued and lex.phrasal and tok.lemma_.lower() in lex.phrasal_verbs:
        for c in tok.children:
            phrase = f"{tok.lemma_.lower()} {c.lower_}"
            if c.dep_ in ("prt", "ccomp", "acomp", "oprd", "advmod") and phrase in lex.phrasal and phrase in allowed:
                return phrase
    if tok.pos_ in ("VERB", "AUX") and not glued:
        lemma = tok.lemma_.lower()
        if lemma not in allowed:
            lemma = lex.forms.get(surface)
        return lemma if lemma in allowed else None
    if glued:
        lemma = lex.forms.get(surface)
        return lemma if lemma in allowed else None
    return None


def _subject(verb):
    """The token naming who speaks for a reporting verb, following conj/relcl when needed."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        # "Its senior official Osama Hamdan said": two subjects, the name is the speaker
        subjects.sort(key=lambda c: (c.ent_type_ != "PERSON", c.pos_ != "PROPN", c.i))
        child = subjects[0]
        if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        return child
    for child in verb.children:
        if child.dep_ == "agent" and (obj := _pobj(child)) is not None:
            return obj
    after_quote = _inverted_subject(verb)
    if after_quote is not None and after_quote[1]:
        return after_quote[0]             # `"…," has declared the President X` (parsed as conj)
    if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") and (
            verb.dep_ == "conj" or verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG"):
        # "“…” shelling rained down, he said, …, noting that …": the parenthetical's speaker
        for sib in verb.head.children:
            if sib.dep_ == "parataxis" and sib.i < verb.i and (who := _subject(sib)) is not None:
                return who
        return _subject(verb.head)        # "X accused Y, saying …" / "X paused and added"
    # inverted attribution after the reported clause: "…, informed the administration."
    return after_quote[0] if after_quote is not None else None


def _cited_speaker(verb, citing: frozenset[str]):
    """Who an outlet quotes: `Reuters quoted X as saying …`, `X was quoted as saying …`,
    `state media cited X as saying …` -> X, for the citing verb and for the "saying" under its
    "as"; None when `verb` is neither."""
    cite = verb
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.i != verb.head.i:
        cite = verb.head.head
    if cite.lemma_.lower() not in citing and cite.lower_ not in citing:
        return None
    for child in cite.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
    return None


def _raised_speaker(verb, raising: frozenset[str]):
    """"X went on to say …", "X is reported to have said …": the subject of the verb before
    "to say" when that verb is one of `raising`."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i or \
            verb.head.lemma_.lower() not in raising or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _inverted_subject(verb):
    """(speaker token, right after a closing quote) of an attribution written after the reported
    clause, `…, informed the administration.` / `"…," has declared the President X`; None when
    the verb does not follow punctuation or has no noun object after it."""
    k = verb.i - 1
    while k > 0 and verb.doc[k].dep_ == "aux" and verb.doc[k].head.i == verb.i:
        k -= 1
    prev = verb.doc[k] if k >= 0 else None
    if prev is None or not (prev.is_punct or prev.text[-1:] in QUOTE_CHARS):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "npadvmod") and child.i > verb.i and child.pos_ in (
                "NOUN", "PROPN"):
            return child, prev.text[-1:] in QUOTE_CHARS
    return None


def _phrase_clause(verb, lemma: str) -> list:
    """"X made clear that CLAUSE": the "that" clause the parse hung on the phrase's adjective."""
    if " " not in lemma:
        return []
    word = lemma.split()[1]
    for c in verb.children:
        if c.lower_ == word and c.dep_ != "prt":
            return [g for g in c.children if g.pos_ in ("VERB", "AUX") and g.i > c.i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in g.children)][:1]
    return []


def _channel_clause(verb) -> list:
    """"X said in a televised speech that CLAUSE": the "that" clause the parse hung on the
    channel noun instead of the reporting verb."""
    for prep in verb.children:
        if prep.dep_ == "prep" and (obj := _pobj(prep)) is not None:
            for c in obj.children:
                if c.dep_ in ("relcl", "acl", "ccomp") and c.i > obj.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children):
                    return [c]
    return []


def _clause_before(verb, subj) -> list:
    """"CLAUSE, X told Rudaw." parsed without a clausal complement: the sentence's words before
    the comma that opens the attribution (the attribution closes the sentence)."""
    start = subj.left_edge.i
    sent = verb.sent
    # after the verb only its audience, channel or time: "told Rudaw", "said on Telegram on Sunday"
    trailing = {t.i for c in verb.children if c.i > verb.i and c.dep_ in (
        "dobj", "dative", "prep", "npadvmod", "advmod", "agent") for t in c.subtree}
    after = [t for t in verb.doc[verb.i + 1:sent.end] if not t.is_punct]
    if start - 1 <= sent.start or verb.doc[start - 1].text != "," or (
            len(after) > 3 and any(t.i not in trailing for t in after)):
        return []
    return list(verb.doc[sent.start:start - 1])


def _name_before(verb):
    """The person named right before a reporting verb the parse left without a subject:
    "…, the deputy head of the administration, Ekaterina Gubareva, told journalists"."""
    k = verb.i - 1
    while k >= 0 and verb.doc[k].is_punct and verb.doc[k].text in ",":
        k -= 1
    return verb.doc[k] if k >= 0 and verb.doc[k].ent_type_ == "PERSON" else None


def _pobj(prep):
    """The object of a preposition ("by X", "to X"), or None."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _according_to(tok):
    """For `according` in "according to X": the token X, else None."""
    if tok.lower_ != "according":
        return None
    for child in tok.children:
        if child.lower_ == "to" and (obj := _pobj(child)) is not None:
            return obj
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < len(tok.doc):
        for t in tok.doc[nxt.i + 1: min(len(tok.doc), nxt.i + 6)]:
            if t.pos_ in ("PROPN", "NOUN"):
                return t.head if t.head.pos_ in ("PROPN", "NOUN") and t.head.i > t.i else t
    return None


def _no_possessive(name: str) -> str:
    """"Salva Kiir's" (the NER's span of "President Salva Kiir's government") -> "Salva Kiir"."""
    return re.sub(r"\s*['’]s?$", "", name.strip()) or name


def _glued_tail(word: str) -> str:
    """`war"he` (a closing quote glued to the next word by a feed) -> `he`."""
    for k in range(len(word) - 1, -1, -1):
        if word[k] in QUOTE_CHARS and k + 1 < len(word):
            return word[k + 1:]
    return word.strip(QUOTE_CHARS)


def _path(t, top):
    """Tokens from `t` up to (not including) `top`."""
    out = []
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _text_of(tokens) -> str:
    """Tokens as they stand in the text (original spacing), line breaks and edge punctuation out."""
    tokens = sorted(tokens, key=lambda t: t.i)
    out = "".join(t.text_with_ws if k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1 else t.text + " "
                  for k, t in enumerate(tokens))
    return " ".join(out.split()).strip(" ,;:\"“”—–-")


class SpeakerNamer:
    """Turns a subject token into a canonical speaker name, resolving pronouns."""

    def __init__(self, an, kb: Knowledge | None = None):
        self.an = an
        self.doc = an.doc
        self.text = doc_text(an.doc)
        self.nouns = speaker_nouns(kb)
        self.gender = gender_cues(kb)
        self.last_person: str | None = None
        self.last_person_at: int | None = None          # the token that last named it
        self.last_group: str | None = None
        self.last_group_kind: str = BODY
        self._ents = list(self.doc.ents)
        self._mentions: _Mentions | None = None
        self.descriptions = self._appositive_descriptions()

    def _appositive_descriptions(self) -> dict[str, tuple[int, str]]:
        """Common-noun heads named by an apposition earlier in the text: "the leaders …, Denis
        Pushilin and Leonid Pasechnik," or "Antony Blinken, the head of US diplomacy," -> a later
        "the leaders"/"the head of US diplomacy" is the same speaker. lemma -> (token index, name)."""
        out: dict[str, tuple[int, str]] = {}
        doc = self.doc
        for tok in doc:
            # the small parser reads "the leaders, A and B," as conjunction: the same apposition
            if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.i + 2 < len(doc) and \
                    doc[tok.i + 1].text == ",":
                names, cur = [], tok
                while True:
                    nxt = [c for c in cur.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
                    if not nxt:
                        break
                    cur = nxt[0]
                    found, _ = self._entity_name(cur)
                    if found:
                        names.append(found)
                if len(names) >= 2:
                    out.setdefault(tok.lemma_.lower(), (tok.i, " and ".join(names)))
            if tok.dep_ != "appos":
                continue
            head = tok.head
            pairs = [(head, tok), (tok, head)]          # description, named
            for desc, named in pairs:
                if desc.pos_ != "NOUN" or named.ent_type_ != "PERSON":
                    continue
                name, is_person = self._entity_name(named)
                if not name:
                    continue
                for c in named.children:
                    if c.dep_ == "conj":
                        other, _ = self._entity_name(c)
                        if other:
                            name = f"{name} and {other}"
                out.setdefault(desc.lemma_.lower(), (desc.i, name))
        return out

    def _entity_name(self, tok) -> tuple[str | None, bool]:
        """(name, is_person) from the entities stage or spaCy's NER for `tok`'s name tokens."""
        te = getattr(self.an, "token_entity", {}) or {}
        # a name's own tokens; a common noun ("officials") is named only by an appositive person
        if tok.pos_ == "PROPN":
            candidates = [tok] + [c for c in tok.children if c.dep_ in ("compound", "flat")]
            # "Israel's Defence Minister Israel Katz": the person inside the title phrase; "the UN
            # Resident Coordinator in Mozambique, Catherine Sozi": the apposition hung on the place
            candidates = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                          and c.i > tok.i] + [
                t for t in tok.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > tok.i
                and t.head.i != tok.i and t.head.ent_type_ in ("GPE", "LOC") and self._office_phrase(tok)] + candidates
        else:
            def named(c):                # a person for spaCy or for the entities stage
                ent = te.get(c.i)
                return c.ent_type_ == "PERSON" or ent is not None and getattr(ent, "kind", "") == "person"
            candidates = [c for c in tok.children if c.dep_ in ("appos", "compound", "flat") and named(c)]
            # "one eye-witness, named Muchude Salimo Abudo," / "a resident identified as X"
            candidates += [g for c in tok.children if c.dep_ in ("acl", "appos") and c.lemma_.lower() in (
                "name", "call", "identify") for g in c.subtree if g.ent_type_ == "PERSON" and g.pos_ == "PROPN"
                and not (g.dep_ in ("compound", "flat") and g.head.ent_type_ == "PERSON")]
            # "the deputy mayor of Kherson, Olena Petrenko," with the apposition hung on "Kherson"
            candidates += [t for t in tok.subtree if t.dep_ == "appos" and named(t) and t.i > tok.i]
            candidates += [tok] if tok.ent_type_ else []
        for t in candidates:
            ent = te.get(t.i)
            if ent is not None and getattr(ent, "kind", "person") == "person":
                return self._full_name(ent.name), True   # organisations keep the article's phrase
            if ent is not None and t.pos_ == "PROPN" and " " not in ent.name and \
                    self._full_name(ent.name) != ent.name:
                return self._full_name(ent.name), True   # a given name read as a body
            if ent is not None and getattr(ent, "kind", "") == "organization" and t.i == tok.i and \
                    self.nouns.canonical_bodies:
                return ent.name, False                   # the body's canonical name
        if (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.text[:1].isupper()) and \
                te.get(tok.i) is None and (person := self._by_surname(tok)):
            return person, True           # "Zambada claimed" after "Ismael Zambada" (any tag)
        places = getattr(self.an, "token_place", {}) or {}
        for t in candidates:
            if t.ent_type_ == "PERSON" and (t.i in te or t.i in places):
                continue                  # the entities stage read it as a body or a place
            if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and t.ent_iob_ != "O":
                span = self._ent_span(t)
                if span is not None:
                    words = [w.text for w in span if w.lower_ not in ("the", "'s", "’s")]
                    name = " ".join(words).strip(" ,\"“”")
                    if name and t.ent_type_ == "PERSON":
                        return self._full_name(name), True
                    if name:
                        return name, False
        return None, False

    def _office_phrase(self, tok) -> bool:
        """A capitalised title phrase names an office ("UN Resident and Humanitarian Coordinator")."""
        return any(is_role_word(t.text) or self._is(t, self.nouns.roles)
                   for t in [tok] + [c for c in tok.children if c.dep_ in ("conj", "compound")])

    def _full_name(self, name: str) -> str:
        """A one-word person name that is the given name of exactly one person of the article with
        a longer name, and no one's surname, is that person: "Getachew" after "Getachew Reda",
        "Abiy" after "Abiy Ahmed" (naming by given name: Ethiopia, Eritrea, Somalia, Myanmar)."""
        words = name.split()
        if not words or len(words) > 2:
            return name
        idx = self._index()
        if len(words) == 1 and set(idx.by_last_word.get(name, ())) - {name}:
            return name
        found = {full for full in idx.by_first_word.get(words[0], ())
                 if len(full.split()) > len(words) and full.split()[:len(words)] == words}
        return found.pop() if len(found) == 1 else name

    def _by_surname(self, tok) -> str | None:
        """The one person of the article whose name ends in the word `tok` ("Zambada")."""
        found = set(self._index().by_last_word.get(tok.text, ()))
        if len(found) == 1:
            return self._full_name(found.pop())
        full = self._full_name(tok.text) if not found else tok.text
        return full if full != tok.text else None

    def _ent_span(self, tok):
        return entity_at(tok)

    def _phrase(self, tok) -> str:
        """The noun phrase of `tok` without determiners, clauses or long modifiers."""
        keep = []
        for t in tok.subtree:
            cut = False
            a = t
            while a.i != tok.i:
                if a.dep_ in SPEAKER_DROP_DEPS and not (
                        a.dep_ == "prep" and a.lower_ in ("in", "of", "from", "at", "for")
                        and (a.head.i == tok.i or a.head.pos_ == "PROPN")) and not (
                        a.dep_ == "cc" and a.head.i != tok.i):     # "leaders of the DPR and LPR"
                    cut = True
                    break
                a = a.head
            if not cut:
                keep.append(t)
        text = self.text
        lo, hi = text.rfind("\n", 0, tok.idx) + 1, text.find("\n", tok.idx)
        hi = len(text) if hi < 0 else hi
        keep = [t for t in keep if lo <= t.idx < hi and not t.is_space
                and not any(ch in QUOTE_CHARS for ch in t.text)]
        while keep and (keep[0].dep_ in ("det", "predet") or keep[0].lower_ in ("the", "a", "an")):
            keep = keep[1:]
        if len(keep) > MAX_SPEAKER_TOKENS:
            keep = [t for t in keep if t.i <= tok.i and t.i >= tok.i - 4]
        return _text_of(keep)

    def name(self, tok) -> str | None:
        """The speaker named by subject token `tok`, or None when it names no one."""
        found = self.resolve(tok)
        return found[0] if found else None

    def resolve(self, tok) -> tuple[str, str] | None:
        """(speaker, kind) for subject token `tok`: kind is PERSON, BODY or DESCRIPTION (a phrase
        kept as written); None when it names no one (a document without an author, an audience,
        an anonymous source)."""
        low = _glued_tail(tok.lower_)
        if low in PERSON_PRONOUNS:
            want = "f" if low in ("she", "her") else "m"
            name = self._governing_person(tok, want) or self._pronoun_person(tok, want)
            return (name, PERSON) if name else None
        if low in GROUP_PRONOUNS:
            return (self.last_group, self.last_group_kind) if self.last_group else None
        age = self._age_description(tok)
        if age is not False:                 # "the 58-year-old said", "the 34-year-old mother"
            name = self._pronoun_person(tok, age)
            return (name, PERSON) if name else None
        if low in NO_SPEAKER or tok.pos_ in ("PRON", "NUM", "PUNCT"):
            return None
        if self._is(tok, self.nouns.documents):          # "a statement by the ministry said"
            return self._author(tok)
        if tok.pos_ != "PROPN" and self._is(tok, self.nouns.audience):
            return None
        name, is_person = self._entity_name(tok)
        if name is None and tok.pos_ == "NOUN" and any(c.lower_ == "same" for c in tok.children):
            return (self.last_person, PERSON) if self.last_person else None   # "the same source"
        if name is None and tok.pos_ == "NOUN" and (named := self._role_apposition(tok)):
            return self._remember(named, PERSON, tok.i)  # "the governor of Nabatieh, Howaida Turk"
        if name is None and tok.pos_ == "NOUN" and (body := self._body_apposition(tok)):
            return self._remember(body, BODY, tok.i)     # "the militant group Jaish al-Adl"
        if name is None and (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and self._is(tok, self.nouns.roles)):
            found = self._description(tok)              # also "the Prime Minister", capitalised
            if found is not None:
                return self._remember(*found, tok.i)
            if self._is(tok, self.nouns.anonymous) or self._is(tok, self.nouns.roles) and not self._definite(tok):
                return None                              # "a security official", "one man"
        return self._as_written(tok, name, is_person)

    def _governing_person(self, tok, want: str) -> str | None:
        """The named person whose clause holds the pronoun's clause: "X rejected what he called
        “…”" -> X (the nearest verb above it with a person subject, gender not contradicting)."""
        verb = tok.head
        for _ in range(6):
            if verb.head.i == verb.i or verb.dep_ in ("conj", "parataxis"):
                return None
            verb = verb.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            if subj is None or subj.pos_ != "PROPN":
                continue
            found = self.resolve(subj)
            if not found or found[1] != PERSON:
                return None
            return found[0] if self._name_gender(found[0]) in (want, None) else None
        return None

    def _as_written(self, tok, name, is_person) -> tuple[str, str] | None:
        """The entity's name, else the noun phrase as the article writes it ("US officials");
        joint subjects become "A and B"."""
        conjuncts = [c for c in tok.children if c.dep_ == "conj"]
        if is_person and tok.pos_ == "PROPN" and self._office_phrase(tok) and name and tok.text not in name:
            conjuncts = []                   # "the Resident and Humanitarian Coordinator, X": one office
        kind = PERSON if is_person else BODY
        te = getattr(self.an, "token_entity", {}) or {}
        if not is_person and (te.get(tok.i) is None or self._person_read_as_body(te.get(tok.i))) and \
                (person := self._unrecognised_person(tok)):
            name, kind = person, PERSON      # a person's name untagged, or tagged as a body or place
        if name is None:
            name, kind = self._phrase(tok), DESCRIPTION
            if conjuncts:        # a common-noun group "the leaders of A and B": keep it whole
                whole = _text_of([t for t in tok.subtree if not any(
                    a.dep_ in ("relcl", "acl", "appos") for a in _path(t, tok))])
                whole = re.sub(r"^(the|a|an)\s+", "", whole, flags=re.I).strip(" ,")
                if whole and len(whole.split()) <= MAX_SPEAKER_TOKENS:
                    name = whole
                conjuncts = []
        if not name:
            return None
        for c in conjuncts:
            other, other_person = self._entity_name(c)
            if other:                                # persons together stay persons
                name = f"{name} and {other}"
                kind = kind if kind != PERSON or other_person else BODY
        return self._remember(name, kind, tok.i)

    def _unrecognised_person(self, tok) -> str | None:
        """A personal name the tagger missed ("Kyaw Zaw", "Ahmed Madobe", often names from outside
        Europe and America): a run of capitalised proper nouns that no stage took for a place or a
        body, with a sign of a person: a title or role word before it ("army spokesman Nabil
        Abdallah", "Colonel X"), an apposition naming a person ("X, a spokesman for …", "X, 34,"),
        or a given name of data/person_gender.yaml. The name is the run without its title words."""
        if tok.pos_ != "PROPN":
            return None
        found = self._name_run(tok)
        if found is None:
            return None
        run, titled = found
        titled = titled or any(c.dep_ in ("compound", "amod", "nmod") and c.i < run[0].i and (
            is_role_word(c.text) or self._is(c, self.nouns.roles)) for c in tok.children)
        if not (titled or self._person_apposition(tok) or self._name_gender(run[0].text)):
            return None
        return " ".join(t.text for t in run)

    def _name_run(self, tok, role_named: bool = False):
        """(tokens, titled) of the capitalised proper-noun run ending at `tok`, title words before
        it dropped; None when a stage took a word of it for a place or a body, or it is too long.
        `role_named`: the run names an office's holder, so a "body" without a body word in its
        name ("the council's president, Fritz Alphonse Jean,") is a person too."""
        te = getattr(self.an, "token_entity", {}) or {}
        places = getattr(self.an, "token_place", {}) or {}
        run = sorted([tok] + [c for c in tok.children if c.dep_ in ("compound", "flat") and c.i < tok.i
                              and c.pos_ == "PROPN"], key=lambda t: t.i)
        run = [t for t in run if t.i >= run[-1].i - len(run) + 1]       # the contiguous end
        titled = False
        while run and (is_role_word(run[0].text) or run[0].text.rstrip(".").lower() in self.gender.titles):
            titled, run = True, run[1:]
        if not run or len(run) > 4 or any(t.i in te and not (self._person_read_as_body(te[t.i]) or
                                                             role_named and self._bodyless(te[t.i])) or
                                          t.i in places or not t.text[:1].isupper() for t in run):
            return None
        return run, titled

    def _person_read_as_body(self, ent) -> bool:
        """An "organization" of two or three words that opens with a given name and holds no word
        of a body ("Gustavo Petro" read as a body): a person's name."""
        words = ent.name.lower().split() if getattr(ent, "kind", "") == "organization" else []
        return 2 <= len(words) <= 3 and words[0] in self.gender.names and not any(
            w in self.nouns.bodies or w in self.nouns.group_words for w in words)

    def _bodyless(self, ent) -> bool:
        """An "organization" of two to four words none of which is a body's word: a name."""
        words = ent.name.lower().split() if getattr(ent, "kind", "") == "organization" else []
        return 2 <= len(words) <= 4 and not any(
            w in self.nouns.bodies or w in self.nouns.group_words for w in words)

    def _role_apposition(self, tok) -> str | None:
        """The name set in apposition to an office, also when the parse hung it on the place of
        the office and the tagger missed it: "the governor of Nabatieh, Howaida Turk," / "the mayor
        of Bunia, Fimbo Lebelu,"."""
        if not self._is(tok, self.nouns.roles):
            return None
        for t in tok.subtree:
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i > tok.i:
                found = self._name_run(t, role_named=True)
                if found is not None and len(found[0]) >= 2:
                    return " ".join(w.text for w in found[0])
        return None

    def _body_apposition(self, tok) -> str | None:
        """The organisation a body noun is named by, in apposition or after "of": "the militant
        group Jaish al-Adl", "the rebel movement, the M23,", "the group of Al-Shabaab" -> its
        canonical name (the entities stage's organisation)."""
        if not self._is(tok, self.nouns.bodies):
            return None
        te = getattr(self.an, "token_entity", {}) or {}
        named = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i] + [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for c in named:
            for t in [c] + [g for g in c.children if g.dep_ in ("compound", "flat")]:
                ent = te.get(t.i)
                if ent is not None and getattr(ent, "kind", "") == "organization":
                    return ent.name
        return None

    def _person_apposition(self, tok) -> bool:
        """"X, a spokesman for the group," / "X, 34," / "X, a mother of three,": the apposition
        says X is a person."""
        for c in tok.children:
            if c.dep_ != "appos":
                continue
            if c.like_num or c.pos_ == "NUM" or "year-old" in c.lower_ or c.lower_ == "old":
                return True
            if c.pos_ == "NOUN" and (self._is(c, self.nouns.roles) or self._is(c, self.nouns.anonymous)
                                     or c.lemma_.lower() in self.gender.nouns):
                return True
        return False

    def _remember(self, name: str, kind: str, at: int | None = None) -> tuple[str, str]:
        """Keep the speaker for later pronouns ("he added", "they said")."""
        if kind == PERSON and " and " not in name:
            self.last_person = name
            self.last_person_at = at
        else:
            self.last_group, self.last_group_kind = name, kind
        return name, kind

    def _age_description(self, tok):
        """For a definite description by age ("the 58-year-old", "the 34-year-old mother"): the
        gender its noun gives ("f", "m", or None); False when `tok` is no such description."""
        ages = [tok] if tok.lower_ == "old" else [c for c in tok.children if c.dep_ == "amod" and c.lower_ == "old"]
        if not any(c.lower_ in ("year", "years") for a in ages for c in a.children):
            return False
        first = min(t.i for t in ages[0].subtree)
        if not (self._definite(tok) or first > 0 and self.doc[first - 1].lower_ == "the"):
            return False
        return self.gender.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None

    @staticmethod
    def _definite(tok) -> bool:
        """"the governor", "the country's prime minister", "its spokesman"."""
        return any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in tok.children)

    @staticmethod
    def _keys(tok) -> list[str]:
        """The noun with its compounds/modifiers ("prime minister", "draft text"), then alone."""
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        keys = []
        for k in range(len(mods)):
            keys.append(" ".join([t.lower_ for t in mods[k:]] + [tok.lemma_.lower()]))
            keys.append(" ".join([t.lower_ for t in mods[k:]] + [tok.lower_]))
        return keys + [tok.lemma_.lower(), tok.lower_]

    def _is(self, tok, words: frozenset[str]) -> bool:
        return any(k in words for k in self._keys(tok))

    def _description(self, tok) -> tuple[str, str] | None:
        """A definite description resolved to the person the article named: by apposition
        ("Antony Blinken, the head of US diplomacy," -> "the head of US diplomacy"), by the role
        the entities stage read ("Governor Andrey Klychkov" -> "the governor"), or, for an office
        named right after its holder, the one person named in the sentences just before."""
        if not self._definite(tok):
            return None
        described = self.descriptions.get(tok.lemma_.lower())
        if described and described[0] < tok.i:
            return described[1], PERSON              # "the leaders" named earlier by apposition
        if self._is(tok, self.nouns.roles):
            holder = self._role_holder(tok)
            if holder:
                return holder, PERSON
            return None
        if tok.lemma_.lower() in self.nouns.bodies:
            name = self._named_before(tok)           # "the ministry said" -> the ministry named before
            if name:
                return name, BODY
        return None

    def _persons_before(self, tok, sentences: int):
        """(token, Entity) of persons named before tok, nearest first, in its sentence and the
        `sentences` before it."""
        te = getattr(self.an, "token_entity", {}) or {}
        lo = tok.sent.start
        for _ in range(sentences):
            if lo > 0:
                lo = self.doc[lo - 1].sent.start
        for t in reversed(self.doc[lo:tok.i]):
            ent = te.get(t.i)
            if ent is not None and getattr(ent, "kind", "person") == "person":
                yield t, ent

    def _role_holder(self, tok) -> str | None:
        """The person whose role (or title) the description names, nearest before it; else the
        single person named in the two sentences before (the office is theirs)."""
        keys = set(self._keys(tok))
        holder = self._index().role_holder(tok, keys)      # a role that is a key, then one ending in a key
        if holder is not None:
            return holder.name
        recent_ents = [ent for _, ent in self._persons_before(tok, 2)]
        recent = {ent.name for ent in recent_ents}
        titled = {ent.name for ent in recent_ents if getattr(ent, "role", None)}
        if len(recent) == 1 or len(titled) == 1:      # an office is held by the titled one
            return (recent if len(recent) == 1 else titled).pop()
        if self.last_person in recent:
            return self.last_person
        # named only later: "the country's prime minister vowed … Prime Minister Shehbaz Sharif"
        for key in sorted(keys, key=len, reverse=True):          # the fullest title first
            later = self._index().by_role.get(key)
            if later:
                later = set(later)
                return later.pop() if len(later) == 1 else None
        return None

    def _author(self, tok) -> tuple[str, str] | None:
        """Who speaks through a document: "a statement by X", "X's statement", "a note signed by
        X", "the ISPR statement"; else the source the article named just before ("reported by X");
        else nobody."""
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") or c.dep_ == "compound" and c.pos_ == "PROPN":
                return self.resolve(c)
            if c.dep_ == "prep" and c.lower_ in ("by", "from", "of") and (p := _pobj(c)) is not None \
                    and p.pos_ in ("NOUN", "PROPN") and not self._is(p, self.nouns.documents):
                return self.resolve(p)
            if c.dep_ == "acl":                          # "signed by", "issued by"
                for a in c.children:
                    if a.dep_ == "agent" and (p := _pobj(a)) is not None:
                        return self.resolve(p)
        return self._reported_by(tok)

    def _reported_by(self, tok) -> tuple[str, str] | None:
        """The organization or person named after "by" ("This was reported by the press service
        of X") in the sentence or the three before it."""
        te = getattr(self.an, "token_entity", {}) or {}
        lo = tok.sent.start
        for _ in range(3):
            if lo > 0:
                lo = self.doc[lo - 1].sent.start
        for t in reversed(self.doc[lo:tok.i]):
            if t.dep_ == "pobj" and t.head.lower_ == "by":
                for s in t.subtree:
                    ent = te.get(s.i)
                    if ent is not None:
                        written = self._written(s, ent) if ent.kind == "organization" else ent.name
                        return written, (PERSON if ent.kind == "person" else BODY)
        return None

    def _named_before(self, tok) -> str | None:
        """A definite description of a body ("the ministry", "the ethnic armed group") names the
        last organization before it whose name holds that noun ("Russian Ministry of Defence"),
        or, for the group words, the last organization named at all."""
        head = tok.lemma_.lower()
        if head not in self.nouns.bodies:
            return None
        idx = self._index()
        k = bisect.bisect_left(idx.org_lo, tok.i)           # org mentions starting before tok
        holding = idx.org_word.get(head, ())
        j = bisect.bisect_left(holding, k) - 1
        if j >= 0:
            return idx.org_written[holding[j]]
        return idx.org_written[k - 1] if k and head in self.nouns.group_words else None

    def _index(self) -> "_Mentions":
        if self._mentions is None:
            self._mentions = _Mentions(self)
        return self._mentions

    def _written(self, tok, ent) -> str:
        """The surface form of the entity mention around `tok`, possessive and article dropped."""
        te = self.an.token_entity
        lo = hi = tok.i
        while lo > 0 and te.get(lo - 1) is ent:
            lo -= 1
        while hi + 1 < len(self.doc) and te.get(hi + 1) is ent:
            hi += 1
        return _text_of([t for t in self.doc[lo:hi + 1] if t.tag_ != "POS" and t.lower_ != "the"])

    def _pronoun_person(self, tok, want: str | None) -> str | None:
        """The person a "he"/"she" speaker stands for: among the persons named in its paragraph or
        the sentence before, the last speaker when the pronoun fits, else the nearest whose
        gender is the pronoun's, else the nearest of unknown gender; with none there, the last
        speaker or the last person named before, when the pronoun does not contradict them."""
        near = self._mentions_near(tok)
        subjects = {n for n, _, is_subject in near if is_subject}
        near = [(n, g) for n, g, _ in near]
        fits = [(n, g) for n, g in near if want is None or g in (want, None)]
        if self.last_person and any(n == self.last_person for n, _ in fits):
            return self.last_person
        if self.last_person and self.last_person_at is not None and \
                self.doc[self.last_person_at].idx >= self._window_lo(tok) and \
                (want is None or self._name_gender(self.last_person) in (want, None)):
            return self.last_person            # a speaker the tagger missed, named in the window
        if want is None:                       # no gender to go by: the person a clause was about
            fits = [f for f in fits if f[0] in subjects] or fits
        for n, g in fits:
            if g == want:
                return n
        if fits:
            return fits[0][0]
        if near:                               # everyone named here contradicts the pronoun
            return None
        if self.last_person and (want is None or self._name_gender(self.last_person) in (want, None)):
            return self.last_person
        name = self._previous_person(tok)
        return name if name and (want is None or self._name_gender(name) in (want, None)) else None

    def _mentions_near(self, tok) -> list[tuple[str, str | None, bool]]:
        """(name, gender, is a subject) of the person mentions before `tok` in its paragraph or
        since the start of the sentence before, nearest first, one per person."""
        lo_char = self._window_lo(tok)
        out: dict[str, tuple[str | None, bool]] = {}
        for lo, hi, name in self._index().person_runs_before(tok.i):
            if self.doc[lo].idx < lo_char:
                break
            is_subject = self.doc[hi].dep_ in ("nsubj", "nsubjpass")
            if name not in out:
                out[name] = (self._run_gender(lo, hi, name), is_subject)
            elif is_subject:
                out[name] = (out[name][0], True)
        return [(n, g, subj) for n, (g, subj) in out.items()]

    def _window_lo(self, tok) -> int:
        """The first char a pronoun looks back to: its paragraph or the sentence before."""
        line_lo = self.text.rfind("\n", 0, tok.idx) + 1
        sent_lo = tok.sent.start
        prev_lo = self.doc[sent_lo - 1].sent.start if sent_lo > 0 else sent_lo
        lo_char = min(line_lo, self.doc[prev_lo].idx)
        if "\n" in self.text[self.doc[prev_lo].idx:line_lo].strip("\n") and line_lo > self.doc[prev_lo].idx:
            lo_char = max(self.text.rfind("\n", 0, max(0, line_lo - 1)) + 1, self.doc[prev_lo].idx)
        return lo_char

    def _name_gender(self, name: str) -> str | None:
        first = (name.split() or [""])[0].lower().strip(".")
        return self.gender.names.get(first) or self.gender.titles.get(first)

    def _run_gender(self, lo: int, hi: int, name: str) -> str | None:
        """A mention's gender: a title before it ("Mrs", "Ms"), a noun of the apposition after
        it ("…, mother of three,"), else its given name."""
        doc, cues = self.doc, self.gender
        for t in doc[max(0, lo - 3):hi + 1]:
            word = t.lower_.strip(".")
            if t.i < lo and word in cues.titles:
                return cues.titles[word]
            if t.i >= lo and t.i < hi and word in cues.titles and t.pos_ != "PROPN":
                return cues.titles[word]
        role = ""
        ent = (getattr(self.an, "token_entity", {}) or {}).get(lo)
        if ent is not None:
            role = (getattr(ent, "role", None) or "").lower()
        for word in role.split():
            if word in cues.nouns:
                return cues.nouns[word]
        if hi + 1 < len(doc) and doc[hi + 1].text == ",":
            for t in doc[hi + 2:min(len(doc), hi + 10)]:
                if t.text in (",", ".", ";") or t.is_space:
                    break
                if t.pos_ == "NOUN" and t.lemma_.lower() in cues.nouns:
                    return cues.nouns[t.lemma_.lower()]
        return self._name_gender(name) or self._name_gender(doc[lo].text)

    def _previous_person(self, tok) -> str | None:
        te = getattr(self.an, "token_entity", {}) or {}
        i = self._index().last_person_mark(tok.i)         # the walk back would stop there
        if i is None:
            return None
        t = self.doc[i]
        ent = te.get(t.i)
        if ent is not None and getattr(ent, "kind", "person") == "person":
            return ent.name
        if t.i in self._index().untagged:
            return self._index().untagged[t.i]
        span = self._ent_span(t)                           # a PERSON span of spaCy's NER
        return span.text if span is not None else t.text


class _Mentions:
    """Indexes of the article's mentions, built once per article, so that the "nearest earlier"
    look-ups of SpeakerNamer are a bisection, not a walk back over the whole text (a long article
    made them quadratic). Each gives the answer the walk back gives."""

    def __init__(self, namer: SpeakerNamer):
        self.te = te = getattr(namer.an, "token_entity", {}) or {}
        self.org_lo: list[int] = []                        # organization mention runs, in order
        self.org_written: list[str] = []
        self.org_word: dict[str, list[int]] = {}           # word -> runs whose name holds it
        self.role_exact: dict[str, list[int]] = {}         # role -> tokens of persons holding it
        self.role_last: dict[str, list[int]] = {}          # last word of the role -> those tokens
        persons = []
        for i in sorted(te):
            ent = te[i]
            kind = getattr(ent, "kind", "person")
            if kind == "organization" and not (i > 0 and te.get(i - 1) is ent):   # a run's first token
                self._org_run(namer, i, ent)
            elif kind == "person":
                persons.append(i)
                role = (getattr(ent, "role", None) or "").lower()
                if role.split():
                    self.role_exact.setdefault(role, []).append(i)
                    self.role_last.setdefault(role.split()[-1], []).append(i)
        # spaCy's PERSON tokens count unless the entities stage read them as a place or a body
        places = getattr(namer.an, "token_place", {}) or {}
        self.untagged = self._untagged_persons(namer, te, places)
        self.person_marks = sorted(set(persons) | set(self.untagged) | {
            t.i for e in namer.doc.ents if e.label_ == "PERSON" for t in e
            if t.i not in te and t.i not in places})
        self._namer = namer
        self.sent_starts = [s.start for s in namer.doc.sents] if len(namer.doc) else [0]
        self.by_role: dict[str, list[str]] = {}
        self.by_last_word: dict[str, list[str]] = {}
        self.by_first_word: dict[str, list[str]] = {}
        for e in getattr(namer.an, "persons", None) or []:
            self.by_role.setdefault((getattr(e, "role", None) or "").lower(), []).append(e.name)
            lasts = {f.split()[-1] for f in [e.name, *(e.aliases or [])] if f and f.split()}
            for last in lasts | {w.rsplit("-", 1)[1] for w in lasts if "-" in w.strip("-")}:
                self.by_last_word.setdefault(last, []).append(e.name)      # "Burhan" of "al-Burhan"
            if len(e.name.split()) > 1:
                self.by_first_word.setdefault(e.name.split()[0], []).append(e.name)

    @staticmethod
    def _untagged_persons(namer: SpeakerNamer, te, places) -> dict[int, str]:
        """token -> name for the personal names no tagger read ("Olena Kovalenko was hanging
        washing …") that a title, an apposition or a given name marks as a person's."""
        out: dict[int, str] = {}
        for t in namer.doc:
            if t.pos_ != "PROPN" or t.dep_ in ("compound", "flat") or t.ent_type_ or \
                    t.i in te or t.i in places:
                continue
            name = namer._unrecognised_person(t)
            found = namer._name_run(t) if name else None
            if found is not None:
                for w in found[0]:
                    out[w.i] = name
        return out

    def _org_run(self, namer: SpeakerNamer, i: int, ent) -> None:
        written = namer._written(namer.doc[i], ent)
        run = len(self.org_lo)
        self.org_lo.append(i)
        self.org_written.append(written)
        for w in set(ent.name.lower().split()) | set(written.lower().split()):
            self.org_word.setdefault(w, []).append(run)

    def last_person_mark(self, before: int) -> int | None:
        """The last token before `before` that names a person (an entity or spaCy's PERSON)."""
        j = bisect.bisect_left(self.person_marks, before) - 1
        return self.person_marks[j] if j >= 0 else None

    def person_runs_before(self, before: int):
        """(first token, last token, name) of each person mention before token `before`, nearest
        first."""
        j = bisect.bisect_left(self.person_marks, before) - 1
        while j >= 0:
            hi = j
            while j > 0 and self.person_marks[j - 1] == self.person_marks[j] - 1 and \
                    self._same_person(self.person_marks[j - 1], self.person_marks[j]):
                j -= 1
            lo_i, hi_i = self.person_marks[j], self.person_marks[hi]
            ent = self.te.get(lo_i)
            if ent is not None:
                name = ent.name
            elif lo_i in self.untagged:
                name = self.untagged[lo_i]
            else:
                span = self._namer._ent_span(self._namer.doc[lo_i])
                name = _no_possessive(span.text if span is not None else self._namer.doc[lo_i].text)
            yield lo_i, hi_i, name
            j -= 1

    def _same_person(self, a: int, b: int) -> bool:
        ea, eb = self.te.get(a), self.te.get(b)
        if ea is not None or eb is not None:
            return ea is eb
        if a in self.untagged or b in self.untagged:
            return self.untagged.get(a) == self.untagged.get(b)
        return self._namer.doc[b].ent_iob_ == "I"

    def role_holder(self, tok, keys: set[str]):
        """The nearest person before `tok` (within 10,000 sentences) whose role is one of `keys`,
        else whose role ends in one of them."""
        si = bisect.bisect_right(self.sent_starts, tok.i) - 1
        lo = self.sent_starts[max(0, si - 10_000)]
        for index in (self.role_exact, self.role_last):
            best = -1
            for key in keys:
                at = index.get(key, ())
                j = bisect.bisect_left(at, tok.i) - 1
                if j >= 0 and at[j] >= lo:
                    best = max(best, at[j])
            if best >= 0:
                return self.te[best]
        return None


# ---------------------------------------------------------------- the stage

class _Finder:
    def __init__(self, an, kb: Knowledge | None = None):
        self.an = an
        self.doc = an.doc
        self.text = doc_text(an.doc)
        self.lex = lexicon(kb)
        self.names = SpeakerNamer(an, kb)
        self.spans = sorted(quote_spans(self.text) + dash_spans(self.text, self.lex.forms))
        self.sents = list(self.doc.sents) if len(self.doc) else []
        self._attr_cache: dict = {}
        # one set, made once: a union made per sentence was kept in every cache key (4 KB each,
        # half a gigabyte over a 4 MB article)
        self.reporting = self.lex.direct | self.lex.indirect
        self.sent_starts = [s.start_char for s in self.sents]
        self.quoted = [False] * (len(self.text) + 1)
        for a, b in self.spans:
            for k in range(a, min(b + 1, len(self.text))):
                self.quoted[k] = True

    def sent_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def _has_quote(self, sent) -> bool:
        return any(self.quoted[k] for k in range(sent.start_char, min(sent.end_char, len(self.quoted))))

    def line_bounds(self, a: int, b: int) -> tuple[int, int]:
        """The chars of the line(s) holding [a, b]: attribution never crosses a line break."""
        lo = self.text.rfind("\n", 0, a) + 1
        hi = self.text.find("\n", b)
        return lo, (len(self.text) if hi < 0 else hi)

    def in_quote(self, tok) -> bool:
        return self.quoted[tok.idx] if tok.idx < len(self.quoted) else False

    def attributions(self, sents, allowed) -> list[tuple[object, str, object]]:
        """(verb token, lemma, subject token) for reporting words outside quotes in `sents`."""
        out = []
        for sent in sents:
            key = (sent.start, allowed)
            if key not in self._attr_cache:
                self._attr_cache[key] = self._attributions(sent, allowed)
            out.extend(self._attr_cache[key])
        return out

    def _attributions(self, sent, allowed) -> list[tuple[object, str, object]]:
        """The uncached work of `attributions` for one sentence."""
        out = []
        for tok in sent:
            if self.in_quote(tok) and _glued_tail(tok.text) == tok.text:
                continue
            if tok.lower_ == "according":
                subj = _according_to(tok)
                if subj is not None and not self.in_quote(subj):
                    out.append((tok, "according to", subj))
                continue
            lemma = _reporting_lemma(tok, allowed, self.lex)
            if lemma is None or any(c.dep_ == "neg" for c in tok.children):
                continue
            subj = _cited_speaker(tok, self.lex.citing) or _raised_speaker(tok, self.lex.raising) or \
                self._outer_speaker(tok)
            subj = _subject(tok) if subj is None else subj
            if subj is None and _glued_tail(tok.text) != tok.text:
                subj = self._following_noun(tok)      # `"…"declared the head of …`
            if subj is None or subj.i > tok.i and self.names._is(subj, self.names.nouns.audience):
                subj = _name_before(tok) or (None if subj is not None and subj.i > tok.i else subj)
            if subj is not None and not self._same_line(tok, subj):
                subj = None
            if subj is None or subj.i > tok.i or self.in_quote(subj) and _glued_tail(subj.text) == subj.text:
                subj = self._phrase_after_quote(tok) or subj   # `"…," the mayor of X, Y, told the BBC`
                subj = None if subj is not None and self.in_quote(subj) and \
                    _glued_tail(subj.text) == subj.text else subj
            if subj is not None and (not self.in_quote(subj) or _glued_tail(subj.text) != subj.text):
                out.append((tok, lemma, subj))
        return out

    def _outer_speaker(self, tok):
        """The speaker of "…, adding that …" inside the clause another reporting verb reports:
        that verb's subject ("X said the truce held, adding that …" -> X)."""
        if not (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp")):
            return None
        a = tok.head
        for _ in range(4):
            if a.i == a.head.i and not _reporting_lemma(a, self.lex.direct | self.lex.indirect, self.lex):
                return None
            if _reporting_lemma(a, self.lex.direct | self.lex.indirect, self.lex):
                return _subject(a)
            a = a.head
        return None

    def _phrase_after_quote(self, verb):
        """The noun phrase between a closing quote and the reporting verb right after it, when the
        parse hung the attribution on the quoted clause (`'…,' the mayor of Bunia, Fimbo Lebelu,
        told the BBC`): its head-most noun."""
        doc, k = verb.doc, verb.i - 1
        lo = max(verb.sent.start, verb.i - MAX_SPEAKER_TOKENS - 2)
        while k >= lo and not (self.in_quote(doc[k]) and doc[k].text in QUOTE_CHARS):
            k -= 1
        if k < lo or k + 1 >= verb.i:
            return None
        span = [t for t in doc[k + 1:verb.i] if not t.is_punct]
        inside = {t.i for t in span}
        heads = [t for t in span if t.head.i not in inside and (t.pos_ in ("NOUN", "PROPN") or t.lower_ == "old"
                                                                and any(c.lower_ == "year" for c in t.children))]
        return heads[0] if len(heads) == 1 else None

    def _same_line(self, a, b) -> bool:
        lo, hi = sorted((a.idx, b.idx))
        return "\n" not in self.text[lo:hi]

    @staticmethod
    def _following_noun(tok):
        """The first noun after a damaged reporting token, lifted to its phrase head."""
        for t in tok.doc[tok.i + 1: min(len(tok.doc), tok.i + 6)]:
            if t.is_space or t.is_punct and t.text not in ",":
                return None
            if t.pos_ in ("NOUN", "PROPN", "PRON"):
                while t.dep_ in ("compound", "flat") and t.head.i > t.i:
                    t = t.head
                return t
        return None

    def evidence(self, start: int, end: int) -> tuple[str, int, int]:
        return self.an.evidence(start, end)

    def run(self) -> list[Quote]:
        quotes: list[tuple[int, Quote]] = []
        by_sent: dict[int, list[tuple[int, int]]] = {}
        for a, b in self.spans:
            by_sent.setdefault(self.sent_index(a), []).append((a, b))
        last_attrib: tuple[int, str] | None = None      # (sentence index, speaker)
        handled_until = -1
        for si, sent in enumerate(self.sents):
            spans_here = by_sent.get(si, [])
            for a, b in spans_here:
                q, last_sent, speaker = self.direct(a, b, si, last_attrib)
                if q is not None:
                    quotes.append((a, q))
                    quotes.extend(self._nested(a, b, q))
                    last_attrib = (last_sent, speaker)
                    handled_until = max(handled_until, last_sent)
            if si <= handled_until and not self._has_quote(sent):
                continue
            found = self.indirect(sent)
            for start, q in found:
                quotes.append((start, q))
            attrib = self.attributions([sent], self.reporting)
            for verb, lemma, subj in attrib:
                name = self.names.name(subj)
                if name:
                    last_attrib = (si, name)
        quotes.sort(key=lambda x: x[0])
        return _one_per_statement([q for _, q in quotes])

    # -- direct ----------------------------------------------------------------

    def _is_scare(self, a: int) -> bool:
        """A scare marker right before the quote ("the so-called “…”", "a militia dubbed “…”");
        a naming verb with its own subject ("what he termed “…”") names a speaker instead."""
        before = self.text[max(0, a - 24):a].lower().rstrip()
        marker = next((m for m in self.lex.scare if before.endswith(m)), None)
        if marker is None:
            return False
        at = a - (len(self.text[max(0, a - 24):a]) - len(before)) - 1    # the marker's last char
        tok = self.an.doc.char_span(at, at + 1, alignment_mode="expand")
        tok = tok[0] if tok is not None and len(tok) else None
        return not (tok is not None and tok.pos_ == "VERB" and " " not in marker and
                    any(c.dep_ == "nsubj" for c in tok.children))

    def direct(self, a: int, b: int, si: int, last_attrib):
        """The direct quote of the quoted span [a, b] opened in sentence si: (Quote or None, index
        of the last sentence it used, speaker)."""
        content = self.text[a + 1:b].strip().rstrip(",;:").strip()
        if not re.search(r"[^\W\d_]", content):
            return None, si, None
        last_si = self.sent_index(max(a, b - 1))
        fragment = self._fragment(a, b, content)
        if fragment is None:
            return None, si, None
        found, candidates = self._attributed(a, b, si, last_si, content, fragment)
        if found is not None:
            return found
        if fragment or candidates:
            return None, si, None
        line_lo, line_hi = self.line_bounds(a, b)
        speaker = self._colon_speaker(line_lo, a)        # `Hemedti: "…"`, `Quote from X: "…"`
        if speaker is None:
            # no attribution of its own: a quote-only passage continues the previous speaker
            sents = self.sents[si:last_si + 1]
            outside = [t for s in sents for t in s if not self.in_quote(t) and t.is_alpha
                       and line_lo <= t.idx < line_hi]
            if not outside and (last_attrib is None or last_attrib[0] < si - 1):
                speaker = self._introducer(line_lo)       # `X gave the figures:` + a speech paragraph
                last_attrib = (si - 1, speaker) if speaker else None
            if outside or last_attrib is None or last_attrib[0] < si - 1:
                return None, si, None
            speaker = last_attrib[1]
        ev, s, e = self.evidence(max(line_lo, self.sents[si].start_char),
                                 min(line_hi, self.sents[last_si].end_char))
        return Quote(speaker=speaker, text=content, direct=True, evidence=ev, start=s, end=e,
                     verb=None), last_si, speaker

    def _fragment(self, a: int, b: int, content: str) -> bool | None:
        """Whether the quote is a fragment (a few words, or a short phrase without a verb); None
        when it is no speech at all: a single word, a scare-quoted name, a borrowed phrase ("in a
        foreign land"), a nickname ("El Mayo")."""
        words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", content)
        inner = [t for t in self.doc.char_span(a + 1, max(a + 1, b), alignment_mode="expand") or []
                 if t.is_alpha] if b > a + 1 else []
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in inner)
        fragment = len(words) <= 3 or (len(words) <= 6 and not has_verb)
        if not fragment:
            return False
        if not words or self._is_scare(a) or not has_verb and inner and inner[0].pos_ == "ADP":
            return None
        if not has_verb and all(w[:1].isupper() for w in words):
            return None                  # capitalised words: a name or title, not a statement
        return SINGLE_WORD if len(words) == 1 else True

    def _attributed(self, a, b, si, last_si, content, fragment):
        """((Quote, last sentence, speaker) or None, candidates): the quote attributed by the
        nearest reporting verb of its line that names a speaker."""
        sents = self.sents[si:last_si + 1]
        line_lo, line_hi = self.line_bounds(a, b)
        candidates = [c for c in self.attributions(sents, self.lex.direct)
                      if line_lo <= c[0].idx < line_hi]
        candidates.sort(key=lambda c: min(abs(c[0].idx - a), abs(c[0].idx - b)))
        if fragment:            # a fragment belongs to the verb whose clause holds it, or to no one
            candidates = [c for c in candidates if self._inside_complement(c[0], a, b)][:1]
        for verb, lemma, subj in candidates:
            if fragment is SINGLE_WORD and not self._judged_word(verb, lemma, a, b):
                continue
            found = self.names.resolve(subj)
            if not found:
                continue
            if found[1] == DESCRIPTION and not self.names._is(subj, self.names.nouns.bodies) and \
                    not self.names._is(subj, self.names.nouns.documents):
                return None, candidates          # an unnamed person ("the hospital director", "the
                                                 # resident"): anonymous speakers are left out
            speaker = found[0]                   # a named body's partial quote is a quote too
            vsent = self.sents[self.sent_index(verb.idx)]
            lo = max(line_lo, min(self.sents[si].start_char, vsent.start_char))
            hi = min(line_hi, max(self.sents[last_si].end_char, vsent.end_char))
            ev, s, e = self.evidence(lo, hi)
            quote = Quote(speaker=speaker, text=content, direct=True, evidence=ev, start=s, end=e, verb=lemma)
            return (quote, max(last_si, self.sent_index(verb.idx)), speaker), candidates
        return None, candidates

    def _introducer(self, line_lo: int) -> str | None:
        """The named person whose sentence, ending the paragraph before with a colon, introduces a
        speech paragraph ("Ukraine's ombudsman X gave the figures:"): its main verb's subject."""
        prev_end = self.text[:max(0, line_lo - 1)].rstrip()
        if not prev_end.endswith(":"):
            return None
        sent = self.sents[self.sent_index(len(prev_end) - 1)]
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        found = self.names.resolve(subj) if subj is not None and not self.in_quote(subj) else None
        return found[0] if found and found[1] == PERSON else None

    def _source_line(self, line_lo: int) -> str | None:
        """The speaker a layout line before a labelled quote names (Ukrainska Pravda's "Source:
        Rustem Umierov's statement after the talks" above "Quote: “…”"): the head of the phrase
        after the line's label and colon, a document speaking for its author."""
        prev_hi = self.text.rfind("\n", 0, max(0, line_lo - 1))
        while prev_hi > 0 and not self.text[self.text.rfind("\n", 0, prev_hi) + 1:prev_hi].strip():
            prev_hi = self.text.rfind("\n", 0, prev_hi)          # skip blank lines
        prev_lo = self.text.rfind("\n", 0, max(0, prev_hi)) + 1
        line = self.text[prev_lo:max(prev_lo, prev_hi if prev_hi >= 0 else line_lo - 1)]
        label = re.match(r"\s*([^\W\d_]+)\s*:\s*", line)
        if label is None or label.group(1).lower() not in self.names.nouns.labels:
            return None
        span = self.doc.char_span(prev_lo + label.end(), prev_lo + len(line.rstrip()), alignment_mode="contract")
        heads = [t for t in span or [] if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
        heads = [t for t in heads if t.pos_ in ("NOUN", "PROPN")]
        owner = next((c for c in heads[0].children if c.dep_ == "poss"), None) if heads else None
        found = self.names.resolve(owner if owner is not None else heads[0]) if heads else None
        return found[0] if found and found[1] in (PERSON, BODY) else None

    def _colon_speaker(self, line_lo: int, a: int) -> str | None:
        """A name right before a colon that opens the quote: `Trump: "We waited"` (crossheads,
        headlines), `Quote from Medinsky: "…"`."""
        before = self.text[line_lo:a]
        if not re.search(r":\s*[-–—]?\s*$", before) or len(before.split()) > 8:
            return None
        span = self.doc.char_span(line_lo, line_lo + len(before.rstrip(" :-–—")), alignment_mode="contract")
        te = getattr(self.an, "token_entity", {}) or {}
        if span is not None and len(span) and all(t.lower_ in self.names.nouns.labels or t.is_punct for t in span):
            return self._source_line(line_lo)       # `Source: X's statement …` / `Quote: "…"`
        for tok in reversed(list(span or [])):
            if tok.lower_ in self.names.nouns.labels:
                continue
            if te.get(tok.i) is not None or tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "PROPN" or \
                    tok.text[:1].isupper() and self.names._by_surname(tok):    # "Trump:" tagged a noun
                found = self.names.resolve(tok)
                return found[0] if found else None
        return None

    def _judged_word(self, verb, lemma: str, a: int, b: int) -> bool:
        """A one-word quote is a person's own word only as the verdict of a naming verb: "called
        the raid “illegal”", "described the strikes as “precise”", "what he termed “blackmail”"."""
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("whom", "which", "that")
                                        for c in verb.children):
            return False       # "fighters, whom the government calls “khawarij”": a name for the head noun
        if lemma not in self.lex.naming:
            return any(c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS and c.idx < a and
                       b <= c.right_edge.idx + len(c.right_edge) + 1 for c in verb.children if c.i > verb.i)
        if any(c.lower_ in ("what", "which") and c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            return True
        return any(c.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "attr") and c.idx <= a + 2 <= c.idx + len(c) + 2 or
                   c.dep_ == "prep" and c.lower_ == "as" and c.idx < a and
                   b <= c.right_edge.idx + len(c.right_edge) + 1
                   for c in verb.children if c.i > verb.i)

    def _inside_complement(self, verb, a: int, b: int) -> bool:
        """Whether the quoted chars [a, b] fall in the reporting verb's own clause."""
        if verb.lower_ == "according":
            return False
        subtree = list(verb.subtree)
        lo, hi = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        return lo <= a + 1 and b <= hi + 1 and any(
            t.dep_ in ("ccomp", "xcomp", "dobj", "oprd", "attr", "npadvmod", "nsubj")
            and t.idx <= a + 2 and a <= t.idx + len(t) + 2 or
            t.dep_ in ("ccomp", "xcomp", "dobj", "oprd") and
            t.left_edge.idx <= a + 1 and b <= t.right_edge.idx + len(t.right_edge) + 1 or
            t.dep_ == "prep" and t.lower_ in COMPLEMENT_PREPS and t.i > verb.i and   # "described X
            t.idx < a and b <= t.right_edge.idx + len(t.right_edge) + 1    # as “…”", "accused X of “…”"
            for t in verb.children)

    # -- indirect --------------------------------------------------------------

    def indirect(self, sent) -> list[tuple[int, Quote]]:
        out = []
        for verb, lemma, subj in self.attributions([sent], self.lex.indirect):
            tokens = self._reported_tokens(verb, lemma, subj)
            if not tokens:
                continue
            line_lo = self.text.rfind("\n", 0, verb.idx) + 1
            line_hi = self.text.find("\n", verb.idx)
            line_hi = len(self.text) if line_hi < 0 else line_hi
            tokens = self._trim([t for t in tokens if line_lo <= t.idx < line_hi])
            words = [t for t in tokens if t.is_alpha]
            if words and sum(self.in_quote(t) for t in words) * 2 >= len(words):
                continue                  # mostly a direct quote: reported as such
            if len([t for t in tokens if t.is_alpha]) < 3 or not any(
                    t.pos_ in ("VERB", "AUX") for t in tokens):
                continue
            found = self.names.resolve(subj)
            if not found or found[1] != PERSON and self.names.nouns.indirect_persons_only:
                continue                  # indirect speech of bodies and descriptions is not kept
            speaker = found[0]
            text = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
            ev, s, e = self.evidence(max(line_lo, sent.start_char), min(line_hi, sent.end_char))
            out.append((tokens[0].idx, Quote(speaker=speaker, text=text, direct=False, evidence=ev,
                                             start=s, end=e, verb=lemma)))
        return out

    def _nested(self, a: int, b: int, outer: Quote) -> list[tuple[int, Quote]]:
        """Speech reported inside a quote: a statement of an office that quotes its head (“The
        Prime Minister said that …”) is also the head's indirect speech, when the speaker is named
        (a name or a role the article names), never a pronoun of the quoted voice."""
        span = self.doc.char_span(a + 1, b, alignment_mode="contract")
        out = []
        for tok in span or []:
            lemma = _reporting_lemma(tok, self.lex.indirect, self.lex)
            who = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children) else tok
            subj = next((c for c in who.children if c.dep_ == "nsubj"), None) if lemma else None
            if subj is None or subj.pos_ not in ("PROPN", "NOUN") or any(c.dep_ == "neg" for c in tok.children):
                continue
            comp = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
            found = self.names.resolve(subj) if comp else None
            if not found or found[1] != PERSON or found[0] == outer.speaker:
                continue
            tokens = self._trim([t for t in comp[0].subtree if a < t.idx < b])
            if len([t for t in tokens if t.is_alpha]) < 3:
                continue
            text = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
            out.append((tokens[0].idx, Quote(speaker=found[0], text=text, direct=False,
                                             evidence=outer.evidence, start=outer.start,
                                             end=outer.end, verb=lemma)))
        return out

    def _reported_tokens(self, verb, lemma, subj) -> list:
        """The tokens of the clause a reporting verb reports ([] when it reports none), without
        a later participle that reports more ("…, adding that …": its own statement)."""
        if lemma == "according to":
            clause = verb.head
            while clause.dep_ in ("prep", "pobj") and clause.head.i != clause.i:
                clause = clause.head
            skip = set(t.i for t in verb.subtree)
            return [t for t in clause.subtree if t.i not in skip]
        word = lemma.split()[-1] if " " in lemma else None      # "clear" of "make clear"
        comp = _phrase_clause(verb, lemma) or [c for c in verb.children if c.dep_ == "ccomp"
                                               and c.lower_ != word] or _channel_clause(verb)
        if comp and lemma in self.lex.needs_that and comp[0].i > verb.i and not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in comp[0].children):
            return []                     # "the package adds 48 names": not speech
        if comp:
            tokens = self._after_quoted_conjunct(comp[0], verb) or list(comp[0].subtree)
        elif verb.dep_ == "parataxis" and verb.head.i != verb.i:
            skip = set(t.i for t in verb.subtree)
            tokens = [t for t in verb.head.subtree if t.i not in skip]
        else:
            return _clause_before(verb, subj)
        skip = {t.i for p in tokens if p.i > verb.i and self._reporting_participle(p)
                for t in p.subtree}
        return [t for t in tokens if t.i not in skip]

    def _after_quoted_conjunct(self, clause, verb) -> list:
        """"X said there had been “heavy losses” and that 40 were captured": when the first
        reported clause is mostly the speaker's quoted words (a direct quote of its own), the
        "and (that) …" clause with its own subject after it is the indirect statement; [] otherwise."""
        conjs = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and any(
            m.dep_ == "mark" and m.lower_ == "that" or m.dep_ in ("nsubj", "nsubjpass") for m in c.children)]
        conjs = conjs or [c for c in verb.children if c.dep_ == "conj" and c.i > clause.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]     # "…, and that …" on the verb
        if not conjs:
            return []
        later = {t.i for t in conjs[0].subtree}
        first = [t for t in clause.subtree if t.i < conjs[0].left_edge.i and t.i not in later and t.is_alpha]
        if not first or sum(self.in_quote(t) for t in first) * 2 < len(first):
            return []
        return list(conjs[0].subtree)

    def _reporting_participle(self, tok) -> bool:
        """"…, adding that …" / "…, noting …": a participle that reports a statement of its own."""
        return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp") and tok.i > 0 and \
            tok.doc[tok.i - 1].text in ",;" and _reporting_lemma(tok, self.lex.indirect, self.lex) is not None

    @staticmethod
    def _trim(tokens):
        tokens = sorted(tokens, key=lambda t: t.i)
        while tokens and (tokens[0].is_punct or tokens[0].is_space or
                          (tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether"))):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        # keep one contiguous run (a clause with a gap is cut at the gap)
        for k in range(1, len(tokens)):
            if tokens[k].i != tokens[k - 1].i + 1:
                gap = tokens[k - 1].i + 1
                if all(t.is_punct for t in tokens[0].doc[gap:tokens[k].i]):
                    continue
                return tokens[:k]
        return tokens


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _content_words(text: str) -> set[str]:
    return {w for w in _norm(text).split() if len(w) >= 4}


def _repeats(q: Quote, k: Quote) -> bool:
    """Whether quote q repeats the longer quote k of the same speaker: its words stand in k
    (a partial quote inside the reported clause, a crosshead), or nearly all its content words do
    (the standfirst retelling the body)."""
    if q.speaker != k.speaker:
        return False
    if _norm(q.text) and f" {_norm(q.text)} " in f" {_norm(k.text)} ":
        return True
    words, other = _content_words(q.text), _content_words(k.text)
    return len(words) >= 3 and len(words & other) >= 0.8 * len(words)


def _one_per_statement(quotes: list[Quote]) -> list[Quote]:
    """A statement repeated in the standfirst or a crosshead, or a partial quote inside the clause
    reported around it, is kept once: the longest of them."""
    keep: list[Quote] = []
    for q in sorted(quotes, key=lambda q: -len(q.text)):
        if not any(_repeats(q, k) for k in keep):
            keep.append(q)
    kept = {id(q) for q in keep}
    return [q for q in quotes if id(q) in kept]


def find_quotes(an, kb: Knowledge | None = None) -> list[Quote]:
    """Direct and clearly attributed indirect quotes of the article, in text order."""
    if an.doc is None or not len(an.doc):
        return []
    return _Finder(an, kb).run()
