"""Article structure: what each line of an article is, judged from its form.

News pages tell one incident several times: in the headline, in crossheads, in a "Key points"
list, in a live blog's time-stamped headings, and in the body. Stages that count what is told
(the event coder) need to know which telling is the body's. `blocks(text)` gives every line of
the cleaned text a kind (see `data/structure.yaml` for the kinds and the word lists):

- ``title``: the first line with words;
- ``heading``: a short line without a final stop that stands before more text (a crosshead, a
  section heading, a live blog's "14:05 GMT - Toll rises to three");
- ``summary``: an item of a summary list (the lines under "Key takeaways:", "HIGHLIGHTS",
  "These are the updates for ...:"), or a bullet item of a run that stands before the first
  paragraph of running text (a standfirst list);
- ``bullet``: a bullet item of the body (a factbox is all items);
- ``body``: running text.

Each block also carries its `section`: the number of headings before it, so that a heading's
own text can be told apart from the rest of the article. Offsets are the cleaned text's.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .knowledge import Knowledge, get_knowledge

KINDS = ("title", "heading", "summary", "bullet", "body")
# the kinds that tell again what the body tells (a summary of it)
SUMMARY_KINDS = frozenset({"title", "heading", "summary"})

_TERMINAL = re.compile(r"[.!?\u2026;][\"'\u201d\u2019)\]]*$")
_WORD = re.compile(r"[^\W_][\w'\u2019.&-]*")


@dataclass(frozen=True)
class Block:
    start: int          # cleaned-text offsets of the line (without its line break)
    end: int
    kind: str           # one of KINDS
    section: int        # how many headings (and the title) stand before this line


@dataclass(frozen=True)
class Layout:
    """The blocks of one text, found by offset."""
    blocks: tuple[Block, ...]

    def at(self, offset: int) -> Block | None:
        """The block holding cleaned offset `offset` (None between lines)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        b = self.blocks[i]
        return b if offset <= b.end else None

    def kind_at(self, offset: int) -> str:
        b = self.at(offset)
        return b.kind if b is not None else "body"

    @property
    def _starts(self) -> list[int]:
        s = self.__dict__.get("_starts_cache")
        if s is None:
            s = [b.start for b in self.blocks]
            object.__setattr__(self, "_starts_cache", s)
        return s


@dataclass(frozen=True)
class _Words:
    headings: tuple[str, ...]
    glyphs: tuple[str, ...]
    max_words: int


def _words(kb: Knowledge | None = None) -> _Words:
    return (kb or get_knowledge()).derived("structure", _build_words)


def _build_words(kb: Knowledge) -> _Words:
    raw = kb.yaml("structure.yaml") or {}
    heads = tuple(sorted({" ".join(str(x).lower().split()) for x in raw.get("summary_headings") or []
                          if str(x).strip()}, key=len, reverse=True))
    glyphs = tuple(str(g) for g in raw.get("bullet_glyphs") or [] if str(g))
    return _Words(heads, glyphs, int(raw.get("max_heading_words") or 16))


@dataclass
class _Line:
    start: int
    end: int
    raw: str
    kind: str = "body"

    @property
    def text(self) -> str:
        return self.raw.strip()


def _bullet(line: str, w: _Words) -> bool:
    s = line.lstrip()
    return any(s.startswith(g) for g in w.glyphs)


def _core(line: str, w: _Words) -> str:
    """The line's words without a bullet glyph, decoration and a final colon, lower case."""
    s = line.strip()
    for g in w.glyphs:
        if s.startswith(g):
            s = s[len(g):]
            break
    return " ".join(s.strip(" \t*#:\u2022-\u2013\u2014|>").split()).lower()


def _summary_heading(line: str, w: _Words) -> bool:
    core = _core(line, w)
    if not core or len(_WORD.findall(core)) > 10:
        return False
    return any(core == h or core.startswith(h + " ") or core.startswith(h + ",") for h in w.headings)


def _heading_form(line: str, w: _Words) -> bool:
    """A short line without a final stop (a colon may end it)."""
    s = line.strip()
    if not s or _bullet(s, w) or _TERMINAL.search(s):
        return False
    n = len(_WORD.findall(s))
    return 0 < n <= w.max_words


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lo = pos + (len(raw) - len(raw.lstrip()))
            out.append(_Line(lo, pos + len(raw.rstrip()), raw))
        else:
            out.append(_Line(pos, pos, ""))
        pos += len(raw) + 1
    return out


def _mark_summaries(lines: list[_Line], w: _Words) -> None:
    """The items under a summary heading: the lines up to the first blank line, or, when they
    are bullet items, the whole run of items (a blank line may stand between two)."""
    for k, ln in enumerate(lines):
        if ln.kind != "heading" and not (ln.kind == "body" and _summary_heading(ln.raw, w)):
            continue
        if not _summary_heading(ln.raw, w):
            continue
        ln.kind = "heading"
        j = k + 1
        while j < len(lines) and not lines[j].text:
            j += 1                                   # "HIGHLIGHTS", a blank line, then the items
        bullets = j < len(lines) and _bullet(lines[j].raw, w)
        while j < len(lines):
            cur = lines[j]
            if not cur.text:
                nxt = next((x for x in lines[j + 1:] if x.text), None)
                if not bullets or nxt is None or not _bullet(nxt.raw, w):
                    break
            elif bullets and not _bullet(cur.raw, w) or _summary_heading(cur.raw, w):
                break
            elif cur.text:
                cur.kind = "summary"
            j += 1


def _mark_standfirst_bullets(lines: list[_Line], w: _Words, first: int) -> None:
    """Bullet items before the first paragraph of running text summarise the article."""
    for ln in lines[first + 1:]:
        if not ln.text:
            continue
        if _bullet(ln.raw, w):
            if ln.kind == "bullet":
                ln.kind = "summary"
            continue
        if ln.kind == "body":
            return


def blocks(text: str, kb: Knowledge | None = None) -> Layout:
    """The kind of every non-empty line of `text` (the cleaned article text)."""
    w = _words(kb)
    lines = _lines(text)
    first = next((k for k, ln in enumerate(lines) if any(ch.isalnum() for ch in ln.raw)), None)
    if first is None:
        return Layout(())
    lines[first].kind = "title"
    for k, ln in enumerate(lines):
        if k == first or not ln.text:
            continue
        nxt = next((x for x in lines[k + 1:] if x.text), None)
        if _bullet(ln.raw, w):
            ln.kind = "bullet"
        elif nxt is not None and _heading_form(ln.raw, w):
            ln.kind = "heading"                       # a heading heads something
    _mark_summaries(lines, w)
    _mark_standfirst_bullets(lines, w, first)
    out, section = [], 0
    for ln in lines:
        if not ln.text:
            continue
        if ln.kind in ("title", "heading"):
            section += 1
        out.append(Block(ln.start, ln.end, ln.kind, section))
    return Layout(tuple(out))


def layout_of(an) -> Layout:
    """The layout of an analysed article, computed once per article, with offsets in the
    cleaned text. It is read from the article's own text: the cleaner blanks lines such as
    "Key Takeaways:" as page furniture, yet they say what the lines under them are."""
    lay = getattr(an, "_layout", None)
    if lay is None:
        lay = _in_clean(blocks(an.article.text), an.clean.offsets) if _mappable(an) else blocks(an.clean.text)
        try:
            an._layout = lay
        except AttributeError:        # a slotted or frozen analysis object: not memoised
            pass
    return lay


def _mappable(an) -> bool:
    article, cleaned = getattr(an, "article", None), getattr(an, "clean", None)
    return article is not None and isinstance(getattr(article, "text", None), str) and \
        cleaned is not None and getattr(cleaned, "offsets", None) is not None


def _in_clean(lay: Layout, offsets) -> Layout:
    """`lay` (offsets in the original text) with offsets in the cleaned text: `offsets[i]` is
    the original index of cleaned character i, non-decreasing."""
    n = len(offsets) - 1

    def to_clean(o: int) -> int:
        return min(n, bisect.bisect_left(offsets, o))
    return Layout(tuple(Block(to_clean(b.start), max(to_clean(b.start), to_clean(b.end)), b.kind, b.section)
                        for b in lay.blocks))


def _folded(text: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())


def title_end(an) -> int:
    """End (cleaned chars) of the title line when the text starts with it, else -1."""
    text = an.clean.text
    stripped = text.lstrip()
    if not stripped:
        return -1
    first = stripped.split("\n", 1)[0].strip()
    title = (an.article.title or "").strip()
    if "\n" not in stripped:
        return -1
    if title and _folded(title) != _folded(first):     # the cleaner mends quotes and spaces
        return -1
    return text.find(first) + len(first)
