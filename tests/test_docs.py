"""The documentation keeps up with the code: commands, lexicon keys and data files are documented."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sitrep" / "data"


def _docs_text() -> str:
    parts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(parts)


def _commands():
    import typer

    from sitrep.cli import app

    click_app = typer.main.get_command(app)
    for name, cmd in click_app.commands.items():
        if getattr(cmd, "hidden", False):
            continue
        yield name
        for sub in getattr(cmd, "commands", {}) or {}:
            yield f"{name} {sub}"


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_cli_command_is_documented(command):
    assert re.search(rf"sitrep {re.escape(command)}\b", _docs_text()), \
        f"`sitrep {command}` is not shown in README.md or docs/*.md"


def _lexicon_keys() -> set[str]:
    import yaml

    data = yaml.safe_load((DATA / "event_lexicon.yaml").read_text(encoding="utf-8"))
    keys = set(data)
    for section in ("settings", "types"):
        value = data.get(section) or {}
        keys |= set(value)
        if section == "types":
            for props in value.values():
                keys |= set(props or {}) if isinstance(props, dict) else set()
    for entry in data.get("entries") or []:
        keys |= set(entry)
    return keys


@pytest.mark.parametrize("key", sorted(_lexicon_keys()))
def test_every_lexicon_key_is_documented(key):
    doc = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    assert re.search(rf"`{re.escape(key)}`|\b{re.escape(key)}:", doc), \
        f"lexicon key `{key}` is not documented in docs/events.md"


@pytest.mark.parametrize("name", sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*")
                                        if p.is_file() and p.name != "README.md"
                                        and "__pycache__" not in p.parts))
def test_every_data_file_is_in_the_data_readme(name):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert name in readme or Path(name).name in readme, f"data/{name} is not described in data/README.md"
