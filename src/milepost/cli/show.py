"""``milepost show [PATH...]``: a readable summary of roadmaps in the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from milepost.cli.options import (
    PIPED_WIDTH,
    color_option,
    console_for,
    portfolio_or_here,
    today_option,
    tracks_or_paths,
)


@click.command("show")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@color_option
def command(paths: tuple[Path, ...], today: dt.date, color: str) -> int:
    """Summarise each roadmap (a folder means every roadmap in it, a track's slug or name its
    roadmap; default: the configured portfolio, else the current folder)."""
    return run(paths=portfolio_or_here(tracks_or_paths(list(paths))), today=today, color=color)


def run(*, paths: list[Path], today: dt.date, color: str) -> int:
    from milepost import api
    from milepost.render.terminal import roadmap_summary

    result = api.load_many(list(paths))
    console = console_for(color, piped_width=PIPED_WIDTH)
    for n, roadmap in enumerate(result.roadmaps):
        if n:
            console.print()  # a blank line between roadmaps, none after the last
        console.print(roadmap_summary(roadmap, today=today))
    for error in result.errors:
        click.echo(f"milepost: error: {error}", err=True)
    if not result.roadmaps and not result.errors:
        raise api.nothing_found(paths)
    return 2 if result.errors else 0
