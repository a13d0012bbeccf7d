"""``milepost status``, ``milepost graph`` and ``milepost summary``: the whole portfolio."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from milepost.cli.options import (
    PIPED_WIDTH,
    color_option,
    console_for,
    format_option,
    portfolio_or_here,
    today_option,
)

if TYPE_CHECKING:
    from milepost.portfolio.model import Portfolio


def _load(paths: tuple[Path, ...], today: dt.date) -> tuple[Portfolio | None, int]:
    """The portfolio and the exit code it earns: 2 when a file could not be read; no
    portfolio when none could (the errors said so: an empty dashboard would add nothing)."""
    from milepost import api

    result, loaded = api.portfolio(portfolio_or_here(paths), today=today)
    for error in loaded.errors:
        click.echo(f"milepost: error: {error}", err=True)
    if not result.tracks and not loaded.errors:
        raise api.nothing_found(paths)
    if not result.tracks:
        return None, 2
    return result, 2 if loaded.errors else 0


@click.command("status")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@format_option("text", "json")
@color_option
def status(paths: tuple[Path, ...], today: dt.date, fmt: str, color: str) -> int:
    """The portfolio at a glance: health, freshness, counts, slips, this month, conflicts."""
    portfolio, code = _load(paths, today)
    if portfolio is None:
        return code
    if fmt == "json":
        click.echo(json.dumps(portfolio.to_dict(), indent=2, ensure_ascii=False))
        return code
    from milepost.render.dashboard import dashboard

    console_for(color, piped_width=PIPED_WIDTH).print(dashboard(portfolio))
    return code


@click.command("graph")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@format_option("mermaid", "dot", "svg")
def graph(paths: tuple[Path, ...], today: dt.date, fmt: str) -> int:
    """The cross-track dependency graph, edges labelled with what is needed."""
    from milepost.render.dot import dot
    from milepost.render.portfolio import mermaid

    portfolio, code = _load(paths, today)
    if portfolio is None:
        return code
    if fmt == "svg":
        from milepost.render.site import graph_svg

        click.echo(graph_svg(portfolio))
    else:
        click.echo((mermaid if fmt == "mermaid" else dot)(portfolio), nl=False)
    return code


@click.command("summary")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@format_option("markdown")
def summary(paths: tuple[Path, ...], today: dt.date, fmt: str) -> int:
    """A Markdown summary (tracks, this month, a Mermaid graph) for a README or docs page."""
    from milepost.render.portfolio import markdown_summary

    portfolio, code = _load(paths, today)
    if portfolio is None:
        return code
    click.echo(markdown_summary(portfolio), nl=False)
    return code
