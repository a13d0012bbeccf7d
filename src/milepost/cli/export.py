"""``milepost export [PATH...]``: the model of each roadmap as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from milepost.cli.options import format_option, portfolio_or_here, tracks_or_paths


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("json")
def command(paths: tuple[Path, ...], fmt: str) -> int:
    """Print the model of each roadmap (a folder means every roadmap in it, a track's slug or
    name its roadmap; default: the configured portfolio, else the current folder) as JSON."""
    return run(paths=portfolio_or_here(tracks_or_paths(list(paths))), fmt=fmt)


def run(*, paths: list[Path], fmt: str) -> int:
    from milepost import __version__, api

    result = api.load_many(list(paths))
    if not result.roadmaps and not result.errors:
        raise api.nothing_found(paths)
    document = {
        "milepost": __version__,
        "roadmaps": [roadmap.to_dict() for roadmap in result.roadmaps],
        "errors": [{"path": e.path, "line": e.line, "message": str(e)} for e in result.errors],
    }
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    for error in result.errors:
        click.echo(f"milepost: error: {error}", err=True)
    return 2 if result.errors else 0
