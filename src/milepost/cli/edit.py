"""The weekly-update commands: start, block, drop, ship, plan, review, metric, request, risk
and rollover.

Each computes line patches through the API, which verifies the result before an atomic write;
``--dry-run`` prints the unified diff and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from milepost.cli.options import parse_date, parse_month, today_option

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


def _epilog(*parts: str) -> str:
    return "\n\n".join((_TRACK, *parts))


def _common(func: F) -> F:
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
    from milepost import api

    result = api.edit(track, operation, dry_run=dry_run, **options)
    if dry_run:
        click.echo(result.diff, nl=False)
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
    command = _common(_item_args(command))
    return click.command(name, epilog=_epilog(_ITEM))(click.argument("track")(command))


start = _status_command("start", "Mark an item in progress.", reason=False)
block = _status_command("block", "Mark an item blocked.", reason=True)
drop = _status_command("drop", "Mark an item dropped.", reason=True)


@click.command("ship", epilog=_epilog(_ITEM))
@click.argument("track")
@_item_args
@click.option("--impact", help="What it changed for users, recorded with the milestone.")
@click.option("--details", help="A link to docs or a write-up.")
@click.option("--keep", is_flag=True, help="Leave it in Current Focus too (marked done).")
@_common
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
    epilog=_epilog(
        "TITLE is the new item's text: one line, Markdown allowed, not a title "
        "already in Current Focus."
    ),
)
@click.argument("track")
@click.argument("title")
@click.option("--month", metavar="YYYY-MM", help="Month of Current Focus (default: this one).")
@click.option("--owner", help="Owner, as @name.")
@click.option("--issue", help="Its issue: a number (450 or #450) or a GitHub issue or PR URL.")
@_common
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


@click.command("review", epilog=_epilog())
@click.argument("track")
@click.option(
    "--next",
    "next_review",
    metavar="YYYY-MM-DD",
    help="Next review date, today or later (default: today plus the review cadence).",
)
@click.option(
    "--by",
    "author",
    help="Who reviewed, for the footer (default: the @handle already there, which status "
    "shows as the lead; else git config user.name).",
)
@_common
def review(
    track: str, next_review: str | None, author: str | None, dry_run: bool, today: dt.date
) -> int:
    """Set last updated (header and footer) to today and the next review date.

    Dates keep the format they are written in (2026-11-25 or November 25, 2026). A roadmap
    without a next-review line gets one where the template puts it, and the output says so.
    """
    due = None
    if next_review is not None:
        due = parse_date(next_review, "--next", example="2026-12-09")
    return run(track, "review", dry_run=dry_run, today=today, next_review=due, author=author)


@click.command("metric", epilog=_epilog('METRIC is words of the metric\'s name ("overflow").'))
@click.argument("track")
@click.argument("metric")
@click.option("--current", help="The value now, written as (current: VALUE).")
@click.option("--baseline", help="A new baseline.")
@click.option("--target", help="A new target.")
@_common
def metric(
    track: str,
    metric: str,
    current: str | None,
    baseline: str | None,
    target: str | None,
    dry_run: bool,
    today: dt.date,
) -> int:
    """Set a success metric's current value, baseline or target."""
    if current is None and baseline is None and target is None:
        raise click.UsageError("give --current, --baseline or --target")
    return run(
        track,
        "metric",
        dry_run=dry_run,
        today=today,
        item=metric,
        current=current,
        baseline=baseline,
        target=target,
    )


# The --status words and the Status member each names (imported only when a command runs).
_REQUEST_STATUSES = {"planned": "PLANNED", "in-progress": "IN_PROGRESS", "completed": "DONE"}


@click.command(
    "request",
    epilog=_epilog(
        "REQUEST is words of an existing community request (this sets its status; "
        "it does not add one)."
    ),
)
@click.argument("track")
@click.argument("request")
@click.option(
    "--status",
    "status_name",
    required=True,
    type=click.Choice(list(_REQUEST_STATUSES)),
    help="Where the request stands.",
)
@_common
def request(track: str, request: str, status_name: str, dry_run: bool, today: dt.date) -> int:
    """Set a community request's status."""
    from milepost.model import Status

    return run(
        track,
        "request",
        dry_run=dry_run,
        today=today,
        item=request,
        status=Status[_REQUEST_STATUSES[status_name]],
    )


_LEVEL = click.Choice(["High", "Medium", "Low"], case_sensitive=False)


@click.command(
    "risk",
    epilog=_epilog(
        "DESCRIPTION is words of an existing risk's description (to update it), or "
        "the whole description of a new risk."
    ),
)
@click.argument("track")
@click.argument("description")
@click.option("--likelihood", type=_LEVEL, help="How likely the risk is to happen.")
@click.option("--impact", type=_LEVEL, help="How much it would hurt if it happened.")
@click.option("--mitigation", help="How the risk is being addressed.")
@_common
def risk(
    track: str,
    description: str,
    likelihood: str | None,
    impact: str | None,
    mitigation: str | None,
    dry_run: bool,
    today: dt.date,
) -> int:
    """Update a risk (found by words of its description), or add it.

    A new risk needs --likelihood, --impact and --mitigation.
    """
    return run(
        track,
        "risk",
        dry_run=dry_run,
        today=today,
        item=description,
        likelihood=likelihood.capitalize() if likelihood else None,
        impact_level=impact.capitalize() if impact else None,
        mitigation=mitigation,
    )


@click.command("rollover", epilog=_epilog())
@click.argument("track")
@click.option(
    "--to",
    "to_month",
    metavar="YYYY-MM",
    help="The new month: not in the past, and after the first month of Current Focus "
    "(default: this one).",
)
@_common
def rollover(track: str, to_month: str | None, dry_run: bool, today: dt.date) -> int:
    """Start a new month: shipped work to Completed Milestones, the rest carried over."""
    return run(track, "rollover", dry_run=dry_run, today=today, month=_month(to_month, "--to"))
