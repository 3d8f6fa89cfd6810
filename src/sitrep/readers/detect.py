"""Bytes -> text, and the checks that turn bad files into one clear InputError.

Why here: every reader (text, HTML, JSON, feeds, WARC payloads) meets the same bad inputs —
empty files, binaries, unknown encodings, huge files — and must report them the same way.
"""
from __future__ import annotations

import codecs
import gzip
import re
import zlib
from pathlib import Path
from typing import BinaryIO

from ..record import InputError

MAX_BYTES = 50 * 1024 * 1024   # one document larger than this is refused, unread (kind too_large)
MAX_TEXT_CHARS = 5_000_000     # longer texts are refused too: the parser (nlp.max_length) cannot take them
SNIFF = 8192

# magic numbers of common non-text files that end up in news folders
_MAGIC = [
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"RIFF", "RIFF media file"), (b"\x7fELF", "executable"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"), (b"7z\xbc\xaf", "7z archive"), (b"\x00\x00\x00", "binary media file"),
    (b"SQLite format 3", "SQLite database"), (b"\xd0\xcf\x11\xe0", "MS Office document"),
]
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


class ReadFailure(Exception):
    """Raised inside a reader; read_file turns it into an InputError with this kind."""

    def __init__(self, message: str, kind: str = "input"):
        super().__init__(message)
        self.message, self.kind = message, kind

    def error(self, origin: str) -> InputError:
        return InputError(origin, self.message, self.kind)


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


def too_large(size: int | None = None) -> ReadFailure:
    what = f"{human_size(size)}, " if size is not None else ""
    return ReadFailure(f"file too large ({what}limit {human_size(MAX_BYTES)} per document); "
                       f"split it or pass the article as JSON lines", "too_large")


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def open_stream(path: Path) -> BinaryIO:
    """The file's bytes, transparently decompressing .gz."""
    return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")


def cannot_read(path: Path, exc: BaseException) -> ReadFailure:
    """The one message for a file that cannot be read: a damaged archive is not a permission problem."""
    damaged = isinstance(exc, (EOFError, gzip.BadGzipFile, zlib.error)) or \
        (isinstance(exc, OSError) and exc.errno is None)
    if is_gzip(path) and damaged:
        return ReadFailure(f"cannot read compressed file ({exc})", "decode")
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return ReadFailure(f"cannot read file ({why})", "input")


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """All bytes of a single-document file, refusing (without reading) anything over the limit."""
    size = path.stat().st_size
    if size > limit:
        raise too_large(size)
    try:
        with open_stream(path) as fh:
            data = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise cannot_read(path, exc) from exc
    if len(data) > limit:
        raise too_large(None)
    return data


def utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" when the bytes show UTF-16's pattern but carry no BOM: NUL in
    every other byte (the high byte of each Latin letter; in Cyrillic or Arabic text, of each
    space and punctuation mark) and almost never in the other bytes. Else None."""
    sample = head[:SNIFF - SNIFF % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = len(odd)
    nul_even, nul_odd = even.count(0) / n, odd.count(0) / n
    if nul_odd >= 0.1 and nul_even <= 0.01 and _one_script(odd):
        return "utf-16-le"
    if nul_even >= 0.1 and nul_odd <= 0.01 and _one_script(even):
        return "utf-16-be"
    return None


def _one_script(high: bytes) -> bool:
    """Do these high bytes of UTF-16 units look like text? A text's characters come from one or
    two scripts, so a few values (0 for ASCII, 4 for Cyrillic, 6 for Arabic) make almost all of
    its high bytes; ASCII lines with a NUL here and there ("[1, 2, 3]" and a line holding one NUL)
    have NULs in one parity, but their other bytes are as varied as the text."""
    from collections import Counter
    return sum(c for _, c in Counter(high).most_common(3)) >= 0.8 * len(high)


def wide_encoding(head: bytes) -> str | None:
    """The encoding of a text whose characters are wider than one byte (UTF-32 or UTF-16, told
    by its byte-order mark or, for UTF-16, by its NUL pattern), else None. Such a text cannot be
    cut into lines at the byte b"\\n" (a JSON-lines file must be decoded before it is split)."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return None if enc == "utf-8-sig" else enc
    return _utf16_text(head) if b"\x00" in head[:SNIFF] else None


def binary_kind(head: bytes) -> str | None:
    """Why these bytes are not text (None when they look like text)."""
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if b"\x00" in head[:SNIFF] and not _utf16_text(head):
        return "binary data (NUL bytes)"
    return None


def _utf16_text(head: bytes) -> str | None:
    """The UTF-16 variant when `head` both looks like and decodes as UTF-16 text."""
    enc = utf16_without_bom(head)
    if enc is None:
        return _utf16_cjk(head)
    text = head[:SNIFF - SNIFF % 2].decode(enc, errors="replace")
    if _controls(text) > 0.05 * len(text) or text.count("\ufffd") > 0.01 * len(text):
        return None
    letters = [c for c in text if c.isalpha()]
    # ASCII bytes paired up read as CJK ideographs ("[0" -> U+5B30): an alphabetic script's
    # letters are below U+3000; a CJK text must pass the stricter check below
    if letters and sum(c < "\u3000" for c in letters) >= 0.5 * len(letters):
        return enc
    return None


CJK_MIN_BYTES = 64      # 32 characters: fewer random bytes pass the tests below by chance


def _utf16_cjk(head: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for a BOM-less UTF-16 text in Chinese, Japanese or Korean, whose
    high bytes are as varied as binary data's. Accepted only when every test holds:
      - it holds NULs, and a line break or a space (ASCII or ideographic: where a text's NULs come
        from; an ideograph's low byte may be NUL too, so their parity proves nothing here);
      - the bytes are not UTF-8 (ASCII, or UTF-8 text, with a stray NUL is UTF-8 first: paired up,
        its bytes read as ideographs);
      - they decode as UTF-16 of one byte order with no error (random or compressed bytes give
        lone surrogates; the other byte order gives unassigned and scattered code points);
      - no control character but tab and line breaks, no private-use or unassigned code point;
      - at least 30% of the characters are letters, and 90% of the letters are CJK (ideographs,
        kana, hangul) or ASCII (JSON keys, acronyms).
    When both byte orders pass (a short text), the one whose NULs make ASCII characters (a
    space is U+0020, not U+2000) wins."""
    sample = head[:SNIFF - SNIFF % 2]
    if len(sample) < CJK_MIN_BYTES or b"\x00" not in sample:
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return None
    except UnicodeDecodeError:
        pass
    fits = []
    for enc in ("utf-16-le", "utf-16-be"):      # read the wrong way round, the same bytes fail
        try:
            text = codecs.getincrementaldecoder(enc)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if text and _cjk_text(text):
            fits.append((sum(c < "\u0100" for c in text), enc))
    if len(fits) == 2 and fits[0][0] == fits[1][0]:
        return None
    return max(fits)[1] if fits else None


def _cjk_text(text: str) -> bool:
    import unicodedata
    letters = cjk = 0
    for c in text:
        cat = unicodedata.category(c)
        if cat in ("Cn", "Co", "Cs") or (cat == "Cc" and c not in "\t\n\r"):
            return False
        if cat[0] == "L":
            letters += 1
            cjk += c.isascii() or _is_cjk(c)
    spaced = any(c in text for c in "\n \u3000")          # where a text's NULs come from
    return spaced and letters >= 0.3 * len(text.replace(" ", "")) and cjk >= 0.9 * letters


_CJK_RANGES = ((0x1100, 0x11FF), (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
               (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF66, 0xFFDC))


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return any(lo <= o <= hi for lo, hi in _CJK_RANGES)


# One damaged byte must not make a UTF-8 text look like a code page: when valid multi-byte UTF-8
# characters outnumber the damaged places this many times, the text is UTF-8 with damage (a text
# in a code page has almost no valid multi-byte sequences: its non-ASCII bytes are all "damage").
UTF8_DAMAGE_RATIO = 3


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """(text with U+FFFD for each bad sequence, number replaced) when `data` is UTF-8 with a few
    damaged bytes; None when it is some other encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0:
        return None
    sites = max(1, len(_DAMAGE.findall(text)) - data.count(b"\xef\xbf\xbd"))   # one bad byte may cost 2 chars
    multibyte = sum(1 for c in text if ord(c) > 127) - bad
    ascii_only = multibyte == 0 and sites <= max(1, len(data) // 1000)
    if multibyte >= UTF8_DAMAGE_RATIO * sites or ascii_only:
        return text, bad
    return None


_DAMAGE = re.compile("\ufffd+")


def decode(data: bytes) -> str:
    """`decode_text` without its warning (for callers that have no record to carry one)."""
    return decode_text(data)[0]


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Bytes -> (text, warning). UTF-8 first (the common case), then a BOM, then UTF-16 without a
    BOM, then UTF-8 with a few damaged bytes replaced (the warning says how many), then
    charset-normalizer's best guess.

    Raises ReadFailure(kind=empty|input|decode) with a message a person can act on.
    """
    if not data.strip():
        raise ReadFailure("empty file", "empty")
    what = binary_kind(data[:SNIFF])
    if what:
        raise ReadFailure(f"not a text file ({what})", "input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), None
            except UnicodeDecodeError:
                break
    enc = _utf16_text(data) if b"\x00" in data[:SNIFF] else None
    if enc:
        return data[:len(data) - len(data) % 2].decode(enc, errors="replace"), f"decoded as {enc} (no byte-order mark)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged:
        n = damaged[1]
        return damaged[0], f"{n} invalid UTF-8 byte sequence{'s' if n > 1 else ''} replaced with U+FFFD"
    return _guess_encoding(data)


def _guess_encoding(data: bytes) -> tuple[str, str | None]:
    from charset_normalizer import from_bytes
    results = from_bytes(data)
    best = results.best()
    if best is not None:
        # single-byte code pages often tie (cp1250 vs cp1252 on French text): prefer the common one
        ties = [m for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
        best = min(ties, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED
                   else len(_PREFERRED))
    if best is None:
        damaged = data.decode("utf-8", errors="replace")
        bad = damaged.count("\ufffd")
        if bad <= max(1, len(data) // 100):
            return damaged, f"{bad} invalid UTF-8 byte sequence{'s' if bad > 1 else ''} replaced with U+FFFD"
        raise ReadFailure("cannot decode text (not UTF-8 and no other encoding fits); "
                          "convert the file to UTF-8", "decode")
    text = str(best)
    if _controls(text) > 0.05 * max(len(text), 1):
        raise ReadFailure(f"not a text file (binary data; best guess {best.encoding} is garbage)", "input")
    return text, None


_PREFERRED = ["utf_8", "cp1252", "latin_1", "cp1251", "koi8_r", "koi8_u", "iso8859_15", "cp1250",
              "iso8859_2", "iso8859_5", "utf_16", "cp1253", "cp1254", "cp1256", "gb18030", "big5",
              "shift_jis", "euc_kr"]


def _controls(text: str) -> int:
    return sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")


_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def check_has_text(text: str, min_words: int = 3) -> None:
    """A document with no letters or fewer than `min_words` words has no sentence to extract."""
    if len(text) > MAX_TEXT_CHARS:
        raise ReadFailure(f"text too long for one article ({len(text):,} characters, limit "
                          f"{MAX_TEXT_CHARS:,}); split it into articles", "too_large")
    if not text.strip():
        raise ReadFailure("empty file", "empty")
    if not _LETTER.search(text):
        raise ReadFailure("no text to extract (no letters)", "empty")
    if len(_WORD.findall(text, 0, 10_000)) < min_words:
        raise ReadFailure("no sentences to extract (fewer than three words)", "empty")


def sniff_format(head: bytes) -> str:
    """Guess a reader from the first bytes, for files whose extension says nothing."""
    wide = wide_encoding(head)
    if wide:                                  # UTF-16/32: sniff the characters, not the bytes
        head = head[:len(head) - len(head) % 4].decode(wide, errors="replace").encode("utf-8")
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if h.startswith(b"warc/"):
        return "warc"
    if h.startswith(b"<?xml") or h.startswith(b"<rss") or h.startswith(b"<feed"):
        if b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h:
            return "feed"
        if b"<html" in h:
            return "html"
        return "feed"
    if h.startswith(b"<!doctype html") or h.startswith(b"<html") or b"<body" in h or b"<head" in h:
        return "html"
    if h.startswith(b"{"):
        first = h.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first.endswith(b"}") and b"\n{" in h else "json"
    if h.startswith(b"["):
        return "json"
    return "text"


def head_bytes(path: Path, n: int = SNIFF) -> bytes:
    try:
        with open_stream(path) as fh:
            return fh.read(n)
    except (OSError, EOFError, gzip.BadGzipFile):
        return b""
