"""The Typer application of the `sitrep` command line: each submodule registers its commands on
`app`; this file only assembles them. Every command imports what it needs inside its body, so a
query command never loads spaCy or pandas.

Errors are one line: Click's own usage errors (a bad number, an unknown option) are printed as
`error: ...` with exit code 2, like the commands' own checks (see `options.fail`).
"""
from __future__ import annotations

import sys
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from .fast import escape_unencodable_output

try:                                  # typer >= 0.20 carries its own copy of Click
    from typer._click import exceptions as _cx
except ImportError:                   # pragma: no cover - older typer on top of Click
    from click import exceptions as _cx


class OneLineErrors(TyperGroup):
    """The command group, printing a usage error as one `error: ...` line (exit 2) instead of
    Click's usage block, and never an encoding traceback for a file name that is not UTF-8."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra: Any):
        escape_unencodable_output()
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _cx.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else str(exc))
            sys.exit(0)
        except _cx.UsageError as exc:
            hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
            typer.echo(f"error: {_one_line(exc.format_message())}{hint}", err=True)
            sys.exit(exc.exit_code)
        except _cx.ClickException as exc:
            typer.echo(f"error: {_one_line(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort as exc:
            from ..run.stop import exit_code
            typer.echo("aborted", err=True)
            sys.exit(exit_code(exc))
        except OSError as exc:          # the output cannot be written (a full disk): one line
            from .options import output_failed, quiet_stdout
            quiet_stdout()
            typer.echo(output_failed(exc), err=True)
            sys.exit(2)
        sys.exit(rv if isinstance(rv, int) else 0)


def _one_line(message: str) -> str:
    from .options import one_line
    return one_line(" ".join(message.split()))


app = typer.Typer(cls=OneLineErrors, add_completion=False, no_args_is_help=True,
                  help="sitrep: conflict news -> a structured, sourced, searchable event record.")


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: Optional[bool] = typer.Option(None, "--version", callback=_show_version, is_eager=True,
                                                 help="print the version and exit")) -> None:
    """sitrep: conflict news -> a structured, sourced, searchable event record."""


from . import corpus, evaluate, explain, extract, scale, web  # noqa: E402,F401  (register commands)
