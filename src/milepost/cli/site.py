"""``milepost site [PATH] -o DIR``: the static roadmap site, offline and from file://."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from milepost.cli.options import today_option


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
@today_option
def command(paths: tuple[Path, ...], output: Path, today: dt.date) -> int:
    """Build a static site of the portfolio: tracks, items, timeline, risks, graph, metrics."""
    from milepost import api

    if not sys.stderr.isatty():  # no progress bar to draw: rich is not even imported
        result = api.site(list(paths) or [Path(".")], output, today=today)
    else:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("rendering tracks", total=None)

            def step(track: str) -> None:
                bar.update(task, advance=1, description=f"rendering {track}")

            result = api.site(list(paths) or [Path(".")], output, today=today, progress=step)
    for error in result.errors:
        click.echo(f"milepost: error: {error}", err=True)
    index = (result.folder / "index.html").resolve()
    click.echo(
        f"wrote {result.written} files ({result.unchanged} unchanged, {result.reused} track "
        f"pages reused) to {result.folder}; open {index.as_uri()}"
    )
    return 2 if result.errors else 0
