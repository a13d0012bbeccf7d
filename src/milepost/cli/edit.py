"""The weekly-update commands on the work of Current Focus: start, block, drop, ship, plan
and rollover; and what every edit command shares (its help, its options, :func:`run`).

The commands on the roadmap's records (review, metric, request, risk) are in
:mod:`.records`. Each computes line patches through the API, which verifies the result before
an atomic write; ``--dry-run`` prints the unified diff and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from milepost.cli.options import parse_month, today_option

F = TypeVar("F", bound=Callable[..., Any])

# What the positional arguments are, shown under each command's options.
_TRACK = (
    "TRACK is a roadmap file, a folder holding one roadmap, or a track's slug or name in the "
    'portfolio of milepost.toml (memory, web-ui, "Web UI").'
)
_ITEM = (
    'ITEM is words of the item\'s title, in any case and order ("per-agent" finds '
    '"Per-agent memory namespaces", "resume checkpoint" finds "Checkpoint and resume for '
    'long runs"); a near miss is taken only when one title is that close. Where several '
    "items match, --line N picks the one on line N; instead of ITEM, the item on line N."
)


def epilog(*parts: str) -> str:
    """A command's epilog: what TRACK is, then what its other arguments are."""
    return "\n\n".join((_TRACK, *parts))


def edit_options(func: F) -> F:
    """The options every edit command takes: ``--dry-run`` and ``--today``."""
    func = click.option("--dry-run", is_flag=True, help="Print the diff; change nothing.")(func)
    return today_option(func)


def _item_args(func: F) -> F:
    func = click.argument("item", required=False)(func)
    func = click.option(
        "--line",
        type=int,
        metavar="N",
        help="Pick the item on this line (1-based, as in the diff or milepost check).",
    )(func)
    return func


def _month(value: str | None, option: str) -> dt.date | None:
    return None if value is None else parse_month(value, option)


def run(track: str, operation: str, *, dry_run: bool, **options: Any) -> int:
    """Apply ``operation`` to ``track`` through the API and say what it did (or the diff)."""
    from milepost import api

    result = api.edit(track, operation, dry_run=dry_run, **options)
    if dry_run and result.diff:
        click.echo(result.diff, nl=False)
    elif dry_run:  # said apart from the diff, which stays empty for a pipe to `git apply`
        click.echo(f"{result.path}: nothing to change", err=True)
    elif result.written:
        click.echo(f"{result.path}: {result.description}")
    else:
        click.echo(f"{result.path}: nothing to change")
    return 0


def _status_command(name: str, help_text: str, *, reason: bool) -> click.Command:
    def body(
        track: str, item: str | None, line: int | None, dry_run: bool, today: dt.date, **extra: Any
    ) -> int:
        return run(
            track,
            name,
            dry_run=dry_run,
            today=today,
            item=item,
            line=line,
            reason=extra.get("reason"),
        )

    body.__doc__ = help_text
    command = body
    if reason:
        command = click.option(
            "--reason", help="Why, added to the item's line (a table row has none: refused)."
        )(command)
    command = edit_options(_item_args(command))
    return click.command(name, epilog=epilog(_ITEM))(click.argument("track")(command))


start = _status_command("start", "Mark an item in progress.", reason=False)
block = _status_command("block", "Mark an item blocked.", reason=True)
drop = _status_command("drop", "Mark an item dropped.", reason=True)


@click.command("ship", epilog=epilog(_ITEM))
@click.argument("track")
@_item_args
@click.option("--impact", help="What it changed for users, recorded with the milestone.")
@click.option("--details", help="A link to docs or a write-up.")
@click.option("--keep", is_flag=True, help="Leave it in Current Focus too (marked done).")
@edit_options
def ship(
    track: str,
    item: str | None,
    line: int | None,
    impact: str | None,
    details: str | None,
    keep: bool,
    dry_run: bool,
    today: dt.date,
) -> int:
    """Mark an item done and record it under this month's Completed Milestones.

    An item of Current Focus moves there (with --impact and --details); any other item, and
    a table row, is marked done where it stands. A dropped item is not shipped: if the work
    was picked up again, `milepost start` it first.
    """
    return run(
        track,
        "ship",
        dry_run=dry_run,
        today=today,
        item=item,
        line=line,
        impact=impact,
        details=details,
        keep=keep,
    )


@click.command(
    "plan",
    epilog=epilog(
        "TITLE is the new item's text: one line, Markdown allowed, not a title "
        "already in Current Focus."
    ),
)
@click.argument("track")
@click.argument("title")
@click.option("--month", metavar="YYYY-MM", help="Month of Current Focus (default: this one).")
@click.option("--owner", help="Owner, as @name.")
@click.option("--issue", help="Its issue: a number (450 or #450) or a GitHub issue or PR URL.")
@edit_options
def plan(
    track: str,
    title: str,
    month: str | None,
    owner: str | None,
    issue: str | None,
    dry_run: bool,
    today: dt.date,
) -> int:
    """Add a planned item under a month of Current Focus (the heading is made if missing)."""
    return run(
        track,
        "plan",
        dry_run=dry_run,
        today=today,
        item=title,
        month=_month(month, "--month"),
        owner=owner,
        issue=issue,
    )


@click.command("rollover", epilog=epilog())
@click.argument("track")
@click.option(
    "--to",
    "to_month",
    metavar="YYYY-MM",
    help="The new month: not in the past, and after the first month of Current Focus "
    "(default: this one).",
)
@edit_options
def rollover(track: str, to_month: str | None, dry_run: bool, today: dt.date) -> int:
    """Start a new month: shipped work to Completed Milestones, the rest carried over."""
    return run(track, "rollover", dry_run=dry_run, today=today, month=_month(to_month, "--to"))
