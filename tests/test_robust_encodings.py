"""JSON lines in any encoding (issue 14): UTF-16 and UTF-32 files, with or without a byte-order
mark, are decoded before they are cut into lines; one-byte code pages are decoded line by line.
Every line ends as a record or as one error naming FILE:LINE; nothing is lost."""
from __future__ import annotations

import gzip
import json

import pytest

from sitrep.readers import read_inputs
from sitrep.record import Article, InputError

LINES = [
    "Shelling hit Kharkiv on Monday, killing three people, regional officials said.",
    "Харків: російські війська обстріляли місто, загинули троє людей.",
    "Des tirs ont frappé Goma lundi, tuant trois civils, selon l'armée congolaise.",
    "RSF fighters stormed a camp near El Fasher, killing 12 displaced people, medics said.",
    "غارة إسرائيلية على خان يونس أسفرت عن مقتل خمسة أشخاص، بحسب الدفاع المدني.",
    "Junta aircraft bombed a monastery in Sagaing region, killing eight, residents said.",
    "Al-Shabaab militants attacked a base near Mogadishu, the Somali army said on Tuesday.",
    "Houthi forces launched a drone at a tanker off Hodeidah, the coalition said.",
    "Jihadists ambushed a convoy near Djibo in Burkina Faso, killing 20 soldiers.",
    "Boko Haram fighters raided a village near Maiduguri overnight, a local leader said.",
]


def _body(lines=LINES, newline="\n") -> str:
    return newline.join(json.dumps({"id": f"n{i}", "text": t, "published": "2024-05-01"}, ensure_ascii=False)
                        for i, t in enumerate(lines)) + newline


def _read(path):
    return list(read_inputs([path]))


ENCODINGS = {
    "utf-16 with BOM": lambda b: b.encode("utf-16"),
    "utf-16-be with BOM": lambda b: b"\xfe\xff" + b.encode("utf-16-be"),
    "utf-16-le without BOM": lambda b: b.encode("utf-16-le"),
    "utf-16-be without BOM": lambda b: b.encode("utf-16-be"),
    "utf-32 with BOM": lambda b: b.encode("utf-32"),
    "utf-8 with BOM": lambda b: b.encode("utf-8-sig"),
    "utf-16 CRLF": lambda b: b.replace("\n", "\r\n").encode("utf-16"),
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_every_line_of_a_wide_or_marked_file_is_read(tmp_path, name):
    f = tmp_path / "feed.jsonl"
    f.write_bytes(ENCODINGS[name](_body()))
    out = _read(f)
    assert [type(r).__name__ for r in out] == ["Article"] * len(LINES)
    assert [a.text for a in out] == LINES
    assert [a.origin for a in out] == [f"{f}:{i + 1}" for i in range(len(LINES))]


def test_a_gzipped_utf16_file_is_read(tmp_path):
    f = tmp_path / "feed.jsonl.gz"
    f.write_bytes(gzip.compress(_body().encode("utf-16")))
    assert [a.text for a in _read(f)] == LINES


def test_a_utf16_file_without_the_jsonl_extension_is_sniffed_as_json_lines(tmp_path):
    f = tmp_path / "export"
    f.write_bytes(_body().encode("utf-16"))
    out = _read(f)
    assert len(out) == len(LINES) and all(isinstance(a, Article) for a in out)


def test_without_a_bom_the_record_says_how_it_was_decoded(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_bytes(_body(LINES[:2]).encode("utf-16-le"))
    out = _read(f)
    assert all(any("utf-16-le" in w for w in a.warnings) for a in out)


def test_one_bad_line_in_a_utf16_file_costs_that_line(tmp_path):
    body = _body(LINES[:3]).splitlines()
    body.insert(1, '{"id": "broken", "text": ')
    f = tmp_path / "feed.jsonl"
    f.write_bytes(("\n".join(body) + "\n").encode("utf-16"))
    out = _read(f)
    assert [type(r).__name__ for r in out] == ["Article", "InputError", "Article", "Article"]
    assert out[1].origin == f"{f}:2" and "malformed JSON" in out[1].message


def test_a_damaged_utf16_unit_is_replaced_and_noted(tmp_path):
    data = bytearray(_body(LINES[:2]).encode("utf-16-le"))
    at = data.index("Kharkiv".encode("utf-16-le"))
    data[at:at + 2] = b"\x00\xd8"                    # a lone high surrogate in place of "K"
    f = tmp_path / "feed.jsonl"
    f.write_bytes(bytes(data))
    out = _read(f)
    assert [type(r).__name__ for r in out] == ["Article", "Article"]
    assert "\ufffdharkiv" in out[0].text and any("replaced" in w for w in out[0].warnings)
    assert out[1].text == LINES[1]


def test_a_one_byte_code_page_is_decoded_line_by_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_bytes(_body([LINES[1], LINES[0]]).encode("cp1251"))
    assert [a.text for a in _read(f)] == [LINES[1], LINES[0]]


def test_bytes_in_no_encoding_give_one_error_per_line_naming_it(tmp_path):
    import random
    rng = random.Random(5)
    junk = [bytes(rng.randrange(128, 256) for _ in range(60)) for _ in range(3)]
    f = tmp_path / "feed.jsonl"
    f.write_bytes(_body(LINES[:1]).encode() + b"\n".join(junk) + b"\n")
    out = _read(f)
    assert len(out) == 4 and isinstance(out[0], Article)
    assert all(isinstance(e, InputError) and e.origin == f"{f}:{i + 2}" and "\n" not in e.message
               for i, e in enumerate(out[1:]))


@pytest.mark.parametrize("lines", [
    [b"[1, 2, 3]", b"\x00", b"[1, 2, 3]", b"[1, 2, 3]", b"\x00"],
    [b'{"text": "Drones hit Odesa port."}', b"\x00\x00", b"7", b"\x00"],
    [b"[0]", b"\x00", b"[0]", b"\x00", b"[0]", b"\x00"],
], ids=["lists", "short-object", "alternating"])
def test_short_ascii_lines_with_a_few_nuls_are_not_taken_for_utf16(tmp_path, lines):
    """A NUL line here and there among short ASCII lines puts NULs at one byte parity, like
    UTF-16 without a BOM; read as UTF-16 the file's lines ran together and two of five were lost
    (found by `make fuzz`). Each line is its own unit: one result, naming FILE:LINE."""
    f = tmp_path / "dump.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    out = _read(f)
    assert len(out) == len(lines)
    assert [r.origin.rsplit(":", 1)[1] for r in out] == [str(i) for i in range(1, len(lines) + 1)]
    assert all("NUL" in r.message for r, ln in zip(out, lines) if b"\x00" in ln)


CJK_LINES = [
    "俄罗斯导弹周一夜间击中哈尔科夫一处工业区，州长说，至少三人受伤。",
    "保健省によると、ハンユニスへの空爆で少なくとも5人が死亡した。",
    "후티 반군이 홍해에서 상선을 향해 드론을 발사했다고 미군이 밝혔다.",
    "苏丹快速支援部队周五袭击了法希尔附近的难民营，造成12人死亡。",
]


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_cjk_json_lines_in_utf16_without_a_bom_are_read_line_by_line(tmp_path, enc):
    f = tmp_path / "feed.jsonl"
    f.write_bytes(_body(CJK_LINES).encode(enc))
    out = _read(f)
    assert [a.text for a in out] == CJK_LINES
    assert all(any(enc in w for w in a.warnings) for a in out)
