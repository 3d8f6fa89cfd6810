"""SITREP_SPACY_MODEL picks another installed English pipeline; the default stays the small model."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep import nlp


def _sm_model_dir() -> Path:
    import importlib
    pkg = Path(importlib.import_module(nlp.DEFAULT_MODEL).__file__).parent
    dirs = [p.parent for p in pkg.rglob("meta.json") if (p.parent / "config.cfg").is_file()]
    assert dirs, f"no model directory inside {pkg}"
    return dirs[0]


def _model_in_child(value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SITREP_SPACY_MODEL"}
    if value is not None:
        env["SITREP_SPACY_MODEL"] = value
    out = subprocess.run([sys.executable, "-c", "import sitrep.nlp as n; print(n.MODEL)"],
                         env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_the_default_model_is_used_when_the_variable_is_unset_or_blank():
    assert _model_in_child(None) == nlp.DEFAULT_MODEL
    assert _model_in_child("  ") == nlp.DEFAULT_MODEL


def test_the_variable_names_the_model():
    assert _model_in_child("en_core_web_md") == "en_core_web_md"


def test_a_missing_model_is_one_clear_error_naming_the_setting():
    with pytest.raises(RuntimeError, match="SITREP_SPACY_MODEL") as err:
        nlp.load_model("no_such_spacy_model_pkg")
    assert "\n" not in str(err.value)


def test_a_model_directory_loads():
    pipe = nlp.load_model(str(_sm_model_dir()))
    assert "ner" in pipe.pipe_names
    assert [e.label_ for e in pipe("Fighting was reported in Kharkiv on Monday.").ents]


def test_a_package_that_ships_a_model_directory_loads(tmp_path, monkeypatch):
    pkg = tmp_path / "vendored_model_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        f"from pathlib import Path\ndef model_path():\n    return Path({str(_sm_model_dir())!r})\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    pipe = nlp.load_model("vendored_model_pkg")
    assert "parser" in pipe.pipe_names
