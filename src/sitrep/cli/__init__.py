"""The `sitrep` command line: thin commands over the modules (one file per area).

`main` first offers the command line to the fast front (`cli.fast`): a well-formed read-only
query (`sitrep events`, `stats`, ...) runs from its option table without importing Typer.
Anything else - every other command, `--help`, a bad option - goes to the Typer application
(`cli._app.app`, also reachable as `sitrep.cli.app`), which prints help and errors.
"""
from __future__ import annotations

import sys


def main() -> None:
    from ..run.stop import install

    install()                 # SIGTERM ends a command like Ctrl-C (run.stop)
    from .fast import dispatch

    code = dispatch(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from ._app import app
    app()


def __getattr__(name: str):
    """`sitrep.cli.app` (and the rest of the Typer side), imported on first use."""
    if name.startswith("_"):
        raise AttributeError(name)
    import importlib

    _app = importlib.import_module(f"{__name__}._app")
    try:
        return getattr(_app, name)
    except AttributeError:
        raise AttributeError(f"module 'sitrep.cli' has no attribute {name!r}") from None
