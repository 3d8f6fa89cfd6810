"""The package's data files (src/sitrep/data/): one way to find and read them.

Knowledge lives in these files (lexicons, gazetteer additions, actor table, country outlines);
a broken file is a one-line error naming it, never a stack trace from deep inside a stage.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


class DataFileError(ValueError):
    """A data file that cannot be read or parsed; the message names the file."""


def data_path(name: str) -> Path:
    """The path of a data file shipped in the package (`name` relative to sitrep/data)."""
    return Path(str(resources.files("sitrep") / "data" / name))


def read_text(name: str) -> str:
    path = data_path(name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror or exc})") from None


def load_yaml(name: str | Path) -> Any:
    """A YAML file from the package data (a name) or anywhere (a Path); {} when empty."""
    import yaml

    path = name if isinstance(name, Path) else data_path(name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({' '.join(str(exc).split())})") from None


def load_json(name: str) -> Any:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{data_path(name)}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
