"""``milepost site [PATH] -o DIR``: the static roadmap site, offline and from file://."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import click

from milepost.cli.options import history_option, portfolio_or_here, today_option


@click.command("site")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into.",
)
@history_option
@today_option
def command(paths: tuple[Path, ...], output: Path, history: bool, today: dt.date) -> int:
    """Build a static site of the portfolio: tracks, items, timeline, risks, graph, metrics,
    and the delivery history from git."""
    from milepost import api

    stats = history_stats(list(paths), today) if history else None

    if not sys.stderr.isatty():  # no progress bar to draw: rich is not even imported
        result = api.site(portfolio_or_here(paths), output, today=today, history=stats)
    else:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("rendering tracks", total=None)

            def step(track: str) -> None:
                bar.update(task, advance=1, description=f"rendering {track}")

            result = api.site(
                portfolio_or_here(paths), output, today=today, progress=step, history=stats
            )
    for error in result.errors:
        click.echo(f"milepost: error: {error}", err=True)
    index = (result.folder / "index.html").resolve()
    click.echo(
        f"wrote {result.written} files ({result.unchanged} unchanged, {result.reused} track "
        f"pages reused) to {result.folder}; open {index.as_uri()}"
    )
    return 2 if result.errors else 0


def history_stats(paths: list[Path], today: dt.date) -> Any:
    """Per-track and overall statistics from git, or None outside a git clone."""
    from milepost.errors import MilepostError

    if not _below_git(paths[0] if paths else Path(".")):
        return None  # git would find no repository (its GIT_* variables are not passed on)
    from milepost import history_api

    try:
        per_track, total, found = history_api.stats(paths, today=today)
    except MilepostError:
        return None  # not in a git clone (or no roadmaps: the site says so itself)
    for note in ([found.horizon_note] if found.horizon_note else []) + found.notes:
        click.echo(f"milepost: note: {note}", err=True)
    return per_track, total


def _below_git(where: Path) -> bool:
    """Whether a ``.git`` (folder or file) stands at ``where`` or above it: without one, git
    is not even started."""
    folder = Path(os.path.realpath(where))  # not Path.resolve: it raises on a symlink loop
    return any((f / ".git").exists() for f in (folder, *folder.parents))
