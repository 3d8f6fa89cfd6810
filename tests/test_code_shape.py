"""The shape the redesign keeps (issue 11): short functions, data through Knowledge only."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import sitrep

PACKAGE = Path(sitrep.__file__).resolve().parent
MAX_LINES = 80


def _functions():
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path.relative_to(PACKAGE), node


def test_no_function_is_longer_than_80_lines():
    long = [f"{p}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)"
            for p, n in _functions() if n.end_lineno - n.lineno + 1 > MAX_LINES]
    assert not long, "split these into named steps: " + "; ".join(long)


def test_data_files_are_read_through_knowledge_only():
    """Stages reach sitrep/data through sitrep.knowledge: no module opens a data file itself."""
    pattern = re.compile(r"""["'](data/)?[a-z_]+\.(yaml|tsv)["']""")
    readers = re.compile(r"open\(|read_text\(|safe_load\(")
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "knowledge.py":
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and readers.search(line):
                offenders.append(f"{path.relative_to(PACKAGE)}:{i}")
    assert not offenders, offenders
