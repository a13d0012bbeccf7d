"""Options shared by several commands, each defined once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

import click

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])

#: Columns for output that goes to a pipe or a log rather than a terminal: wide enough that
#: lines stay whole (a reader, grep or a CI log wraps them, not us).
PIPED_WIDTH = 200


class _TrimmedLines:
    """A text stream that drops the spaces rich pads lines with, line by line."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"


def console_for(color: str, *, piped_width: int | None = None) -> Console:
    """Colour on a terminal unless NO_COLOR is set; ``always``/``never`` force it. Off a
    terminal (pipes, CI logs), ``piped_width`` columns, wide enough that lines stay whole,
    and no line ends in the spaces rich pads tables and grids with."""
    import sys

    from rich.console import Console

    if color == "always":
        console = Console(force_terminal=True, highlight=False)
    elif color == "never":
        console = Console(no_color=True, highlight=False, force_terminal=False)
    else:
        console = Console(highlight=False)
    if not console.is_terminal:
        if piped_width is not None:
            console.width = piped_width
        # rich writes and flushes through the file; these are all it uses
        console.file = cast("IO[str]", _TrimmedLines(sys.stdout))
    return console


#: The dates the date options take: roadmaps' dates are read in the years 1900-2099, and a
#: date given must leave room for the review cadence (up to a year) after it, so that every
#: command can compute with it and read back what it wrote. One range for every date option.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2099, 12, 31) - dt.timedelta(days=366)  # the longest review cadence


def parse_date(value: str, option: str, *, example: str = "2026-11-25") -> dt.date:
    """A date option's value (``YYYY-MM-DD``), in milepost's range; else a usage error naming
    the option."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date like {example}", param_hint=f"'{option}'"
        ) from None
    return _in_range(day, value, option)


def parse_month(value: str, option: str) -> dt.date:
    """A month option's value (``YYYY-MM``) as its first day, in milepost's range; else a
    usage error naming the option."""
    try:
        day = dt.date.fromisoformat(value + "-01")
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a month like 2026-12", param_hint=f"'{option}'"
        ) from None
    return _in_range(day, value, option)


def _in_range(day: dt.date, value: str, option: str) -> dt.date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise click.BadParameter(
            f"{value!r} is out of range ({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})",
            param_hint=f"'{option}'",
        )
    return day


def _parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    return parse_date(value, "--today")


def today_option(func: F) -> F:
    """``--today YYYY-MM-DD``: judge dates as of this day (default: the real date)."""
    return click.option(
        "--today",
        metavar="YYYY-MM-DD",
        callback=_parse_today,
        help="Act as if today were this date (default: the real date).",
    )(func)


def history_option(func: F) -> F:
    """``--history/--no-history``: the site's History page from git (``site``, ``serve``)."""
    return click.option(
        "--history/--no-history",
        default=True,
        show_default=True,
        help="Delivery statistics from git history on the History page (inside a git clone).",
    )(func)


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``: one of ``choices``, the first being the default."""

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=choices[0],
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def color_option(func: F) -> F:
    """``--color auto|always|never`` (auto: colour on a terminal unless NO_COLOR is set)."""
    return click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour the output.",
    )(func)


def _parse_since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    return parse_date(value, "--since", example="2026-11-18")


def since_option(help_text: str) -> Callable[[F], F]:
    """``--since YYYY-MM-DD``, with the command's meaning of it in ``help_text``."""
    return click.option("--since", metavar="YYYY-MM-DD", callback=_parse_since, help=help_text)


def tracks_or_paths(paths: list[Path]) -> list[Path]:
    """The paths as given, except that one naming no file or folder is read as a track's slug
    or name in the configured portfolio (as the edit commands take them), where it is one."""
    from milepost import api
    from milepost.errors import UsageError

    def resolved(path: Path) -> Path:
        try:
            return api.resolve_track(path)
        except UsageError:
            return path  # reported as missing when it is read

    return [path if path.exists() else resolved(path) for path in paths]


def portfolio_or_here(paths: Sequence[Path]) -> list[Path]:
    """The paths given; without any, the configured portfolio (the folder of the config that
    governs the current folder, found as from any folder below it), else the current
    folder. A config that cannot be read gives the current folder: the command meets it
    there and reports it as it reports any broken config."""
    if paths:
        return list(paths)
    from milepost.errors import MilepostError, typed_path
    from milepost.locate import find_config

    try:
        root = find_config(".").root
    except MilepostError:
        root = None
    return [Path(typed_path(root))] if root is not None else [Path(".")]
