"""Syndicated copies are found by the store's own band index over datasketch MinHashes, which
must find exactly what datasketch's MinHashLSH finds (same bands, same rows), without loading
the rest of datasketch (and scipy) in every `sitrep ingest`."""
from __future__ import annotations

import random
import subprocess
import sys

from sitrep.store.ingest import COPY_THRESHOLD, LSH_BANDS, LSH_ROWS, NUM_PERM, CopyIndex, minhash

WORDS = ("shelling town border convoy militia ministry ceasefire drone village hospital market "
         "bridge port airport fighters civilians officials statement night morning strike attack "
         "province capital river district police army rebels talks aid camp").split()


def _texts(n: int, seed: int = 7) -> list[str]:
    """n texts; every third one a near copy of an earlier one (a few words changed)."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(n):
        if i % 3 == 2:
            words = out[i - 2].split()
            for _ in range(rng.choice((1, 2, 30))):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            out.append(" ".join(words))
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(120)))
    return out


def test_bands_are_the_ones_datasketch_chooses():
    from datasketch import MinHashLSH
    lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (LSH_BANDS, LSH_ROWS)


def test_the_band_index_finds_what_datasketch_finds():
    from datasketch import MinHashLSH
    texts = _texts(60)
    ref = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
    ours = CopyIndex()
    found_ref, found_ours = [], []
    for i, t in enumerate(texts):
        m = minhash(t)
        key = f"a{i:03d}"
        found_ref.append(sorted(ref.query(m)))
        found_ours.append(sorted(ours.lsh.query(m)))
        ref.insert(key, m)
        ours.add(key, m)
    assert found_ours == found_ref
    assert sum(bool(f) for f in found_ours) >= 5           # near copies were found at all


def test_a_copy_is_matched_to_its_original_and_a_removed_one_is_not():
    texts = _texts(9)
    idx = CopyIndex()
    for i in (0, 1, 3, 4):
        idx.add(f"a{i}", minhash(texts[i]))
    best = idx.best("new", minhash(texts[0] + " "))      # the same words: similarity 1
    assert best == ("a0", 1.0)
    idx.remove("a0")
    assert idx.best("new", minhash(texts[0])) is None


def test_storing_needs_neither_the_whole_of_datasketch_nor_scipy():
    code = ("import sys; from sitrep.store.ingest import minhash, CopyIndex; "
            "i = CopyIndex(); i.add('a', minhash('word ' * 40)); "
            "print(sorted(m for m in ('scipy', 'datasketch.lsh') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    code = ("from sitrep.store.ingest import minhash; minhash('word ' * 40); "
            "import datasketch; print(datasketch.MinHashLSH.__name__)")       # the package still loads
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "MinHashLSH"
