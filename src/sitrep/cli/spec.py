"""One table of a command's options, read two ways: Typer builds the command from it (help,
checks, errors), and the fast front (`cli.fast`) parses a plain, well-formed command line with it
without importing Typer, Click or pydantic (about 100 ms of a query command's start-up).

The fast parser is deliberately timid: it accepts only what it can read exactly as Click would
(known long or short option names, `--name=value`, plain decimal numbers within the option's
bounds, the right number of arguments) and answers `None` for anything else - `--help`, a
misspelt option, `-fjson`, a bad number, a missing value - so that Typer handles that command
line and prints its own help or its own one-line error. Both paths then run the same command
body, so the output is the same.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

MAX_INT = 2 ** 63 - 1


@dataclass(frozen=True)
class Opt:
    """One option or argument of a command.

    `kind`: "str", "int", "bool" (a flag: present = True), "tristate" (a `--yes/--no` pair:
    True, False, or None when absent) or "arg" (a required positional string)."""
    dest: str
    kind: str
    help: str
    decls: tuple[str, ...] = ()
    default: Any = None
    min: Optional[int] = None
    max: Optional[int] = None

    @property
    def names(self) -> tuple[str, ...]:
        """The option's spellings: '--disputed/--agreed' counts as two."""
        out: list[str] = []
        for d in self.decls or (f"--{self.dest.replace('_', '-')}",):
            out += d.split("/")
        return tuple(out)

    def value_of(self, name: str) -> Any:
        """The value a flag spelling stands for ("--agreed" -> False)."""
        if self.kind == "tristate":
            return name == self.names[0]
        return True

    def read(self, text: str) -> Any:
        """`text` as this option's value, or raise `Unsure` (Typer will say what is wrong)."""
        if self.kind != "int":
            return text
        if not (text.isascii() and text.isdigit()):
            raise Unsure(text)
        n = int(text)
        if (self.min is not None and n < self.min) or n > (self.max if self.max is not None else MAX_INT):
            raise Unsure(text)
        return n


@dataclass(frozen=True)
class Command:
    """A command: its name, its help (the first line is the summary), its options in the order
    `--help` lists them, and its body, called with one keyword per option."""
    name: str
    help: str
    options: tuple[Opt, ...]
    body: Callable[..., Any] = field(compare=False)


class Unsure(Exception):
    """The fast parser cannot read this command line exactly as Click would."""


def parse(command: Command, argv: Sequence[str]) -> dict[str, Any]:
    """The keyword arguments of `command.body` for `argv`, read as Click reads them: an option
    that takes a value takes the next word whatever it looks like. Raises `Unsure` for anything
    the fast path leaves to Typer."""
    by_name = {n: o for o in command.options if o.kind != "arg" for n in o.names}
    values = {o.dest: o.default for o in command.options if o.kind != "arg"}
    words: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if word == "--":
            words += argv[i:]
            break
        if not word.startswith("-") or word == "-":
            words.append(word)
            continue
        name, eq, text = word.partition("=")
        opt = by_name.get(name)
        if opt is None:
            raise Unsure(word)
        if opt.kind in ("bool", "tristate"):
            if eq:
                raise Unsure(word)
            values[opt.dest] = opt.value_of(name)
            continue
        if not eq:
            if i >= len(argv):
                raise Unsure(word)
            text, i = argv[i], i + 1
        values[opt.dest] = opt.read(text)
    args = [o for o in command.options if o.kind == "arg"]
    if len(words) != len(args):
        raise Unsure(" ".join(words))
    values.update({o.dest: w for o, w in zip(args, words)})
    return values


_ANNOTATIONS = {"str": Optional[str], "int": int, "bool": bool, "tristate": Optional[bool], "arg": str}


def typer_function(command: Command) -> Callable[..., Any]:
    """A function Typer turns into `command`: its signature carries one typer.Option (or
    Argument) per option of the table, with the table's names, default, bounds and help."""
    import typer

    params = []
    for o in command.options:
        if o.kind == "arg":
            default = typer.Argument(..., help=o.help)
        else:
            bounds = {k: v for k, v in (("min", o.min), ("max", o.max)) if v is not None}
            default = typer.Option(o.default, *o.decls, help=o.help, **bounds)
        annotation = Optional[int] if o.kind == "int" and o.default is None else _ANNOTATIONS[o.kind]
        params.append(inspect.Parameter(o.dest, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                        default=default, annotation=annotation))

    def run(**kwargs: Any) -> Any:
        return command.body(**kwargs)

    run.__name__ = command.name
    run.__doc__ = command.help
    run.__signature__ = inspect.Signature(params)          # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


def register(app, command: Command) -> None:
    """Add `command` to the Typer `app`."""
    app.command(name=command.name)(typer_function(command))
