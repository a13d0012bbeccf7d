"""Options shared by several commands, each defined once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-25") from None


def today_option(func: F) -> F:
    """``--today YYYY-MM-DD``: judge dates as of this day (default: the real date)."""
    return click.option(
        "--today",
        metavar="YYYY-MM-DD",
        callback=_parse_today,
        help="Act as if today were this date (default: the real date).",
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
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-18") from None


def since_option(help_text: str) -> Callable[[F], F]:
    """``--since YYYY-MM-DD``, with the command's meaning of it in ``help_text``."""
    return click.option("--since", metavar="YYYY-MM-DD", callback=_parse_since, help=help_text)
