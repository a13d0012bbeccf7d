"""The weekly-update commands on the roadmap's records rather than its work items: review
(its dates), metric, request and risk.

Like those of :mod:`.edit`, on which they stand, each computes line patches through the API
and ``--dry-run`` prints the unified diff and changes nothing.
"""

from __future__ import annotations

import datetime as dt

import click

from milepost.cli.edit import edit_options, epilog, run
from milepost.cli.options import parse_date


@click.command("review", epilog=epilog())
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
@edit_options
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


@click.command("metric", epilog=epilog('METRIC is words of the metric\'s name ("overflow").'))
@click.argument("track")
@click.argument("metric")
@click.option("--current", help="The value now, written as (current: VALUE).")
@click.option("--baseline", help="A new baseline.")
@click.option("--target", help="A new target.")
@edit_options
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
    epilog=epilog(
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
@edit_options
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
    epilog=epilog(
        "DESCRIPTION is words of an existing risk's description (to update it), or "
        "the whole description of a new risk."
    ),
)
@click.argument("track")
@click.argument("description")
@click.option("--likelihood", type=_LEVEL, help="How likely the risk is to happen.")
@click.option("--impact", type=_LEVEL, help="How much it would hurt if it happened.")
@click.option("--mitigation", help="How the risk is being addressed.")
@edit_options
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
