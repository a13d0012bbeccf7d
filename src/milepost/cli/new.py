"""``milepost new "Track Name"``: a new roadmap from the template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from milepost.cli.options import today_option


@click.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help=(
        "Folder to create the roadmap in, as <slug>/roadmap.md, <slug>.md or <slug>-roadmap.md,"
        " whichever the config's roadmaps patterns match (default: where they point, else .)."
    ),
)
@click.option("--owner", help="Track lead, as @name.")
@click.option("--project", help="Project name (default: from the config).")
@today_option
def command(
    name: str, folder: Path | None, owner: str | None, project: str | None, today: dt.date
) -> int:
    """Write a new track roadmap from the template, with real dates filled in."""
    return run(name=name, folder=folder, owner=owner, project=project, today=today)


def run(
    *, name: str, folder: Path | None, owner: str | None, project: str | None, today: dt.date
) -> int:
    from milepost import api

    path = api.new_track(name, folder=folder, owner=owner, project=project, today=today)
    click.echo(f"created {path}")
    return 0
