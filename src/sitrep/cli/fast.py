"""The fast front of the command line: a read-only query (`sitrep events`, `entities`, `search`,
`disputes`, `errors`, `stats`) written plainly is parsed from its option table (`cli.spec`) and
run without importing Typer, Click or pydantic. Every other command line - another command,
`--help`, anything the table's parser is unsure of - is left to the Typer application, so help
texts and usage errors are Typer's own; the command bodies are the same for both."""
from __future__ import annotations

import os
import sys
from typing import Optional, Sequence


def dispatch(argv: Sequence[str]) -> Optional[int]:
    """Run `argv` when the fast front can read it and return the exit code; None otherwise (the
    caller then hands `argv` to Typer)."""
    if not argv or os.environ.get("SITREP_NO_FAST_CLI"):
        return None
    from .queries import COMMANDS
    from .spec import Unsure, parse

    command = COMMANDS.get(argv[0])
    if command is None:
        return None
    try:
        kwargs = parse(command, list(argv[1:]))
    except Unsure:
        return None
    return run(command, kwargs)


def escape_unencodable_output() -> None:
    """Standard output and error write what they cannot encode (a file name that is not UTF-8)
    as backslash escapes, never an encoding traceback; shared by the fast front and Typer."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):      # a closed or wrapped stream: leave it
                pass


def run(command, kwargs: dict) -> int:
    """The command body, with the exit codes and stream handling of the Typer application
    (`_app.OneLineErrors`): 0, the code of an `error:` line, 130 on Ctrl-C, 1 on a closed pipe."""
    escape_unencodable_output()
    try:
        command.body(**kwargs)
        sys.stdout.flush()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt as exc:
        from ..run.stop import exit_code
        print("aborted", file=sys.stderr)
        return exit_code(exc)
    except BrokenPipeError:                  # `sitrep events | head`: stop quietly, as Click does
        _quiet_stdout()
        return 1
    except OSError as exc:                   # the output cannot be written (a full disk): one line
        from .options import output_failed
        _quiet_stdout()
        print(output_failed(exc), file=sys.stderr)
        return 2
    return 0


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
