"""``milepost show PATH...``: a readable summary of roadmaps in the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from milepost.cli.options import color_option, today_option

if TYPE_CHECKING:
    from rich.console import Console


def console_for(color: str, *, piped_width: int | None = None) -> Console:
    """Colour on a terminal unless NO_COLOR is set; ``always``/``never`` force it. Off a
    terminal (pipes, CI logs), ``piped_width`` columns, wide enough that lines stay whole."""
    from rich.console import Console

    if color == "always":
        console = Console(force_terminal=True, highlight=False)
    elif color == "never":
        console = Console(no_color=True, highlight=False, force_terminal=False)
    else:
        console = Console(highlight=False)
    if piped_width is not None and not console.is_terminal:
        console.width = piped_width
    return console


@click.command("show")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@today_option
@color_option
def command(paths: tuple[Path, ...], today: dt.date, color: str) -> int:
    """Summarise each roadmap (a folder means every roadmap in it)."""
    return run(paths=list(paths), today=today, color=color)


def run(*, paths: list[Path], today: dt.date, color: str) -> int:
    from milepost import api
    from milepost.render.terminal import roadmap_summary

    result = api.load_many(list(paths))
    console = console_for(color)
    for roadmap in result.roadmaps:
        console.print(roadmap_summary(roadmap, today=today))
    for error in result.errors:
        click.echo(f"milepost: error: {error}", err=True)
    if not result.roadmaps and not result.errors:
        raise api.nothing_found(paths)
    return 2 if result.errors else 0
