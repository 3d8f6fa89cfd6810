"""The `sitrep` command line: thin commands over the modules (one file per area).

Each submodule registers its commands on `app`; this file only assembles them.
"""
from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="sitrep: conflict news -> a structured, sourced, searchable event record.")



@app.callback()
def _root() -> None:
    """sitrep: conflict news -> a structured, sourced, searchable event record."""


from . import extract as _extract  # noqa: E402,F401  (registers commands)

for _optional in ("evaluate", "explain", "corpus", "web", "scale"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as exc:  # an area not written yet
        if exc.name != f"{__name__}.{_optional}":
            raise


def main() -> None:
    app()
