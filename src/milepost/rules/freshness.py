"""MP2xx: dates that went stale, reviews that passed, months that ended with work still open.

The facts come from :mod:`milepost.portfolio.freshness`, which the portfolio's health reads too.
"""

from __future__ import annotations

from collections.abc import Iterator

from milepost.lazy import lazy_pattern
from milepost.portfolio.freshness import (
    days,
    ended_focus_periods,
    last_updated,
    past_due,
    review_overdue_days,
    slipped_in_focus,
)
from milepost.rules.base import Context, Diagnostic, Rule, Severity
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.status import Status

__all__ = ["RULES"]

_PLACEHOLDER_DATES = ("YYYY", "MM-DD")


def _stale(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    found = last_updated(context.roadmap, context.today)
    if found is None:
        return
    day, line = found
    age = (context.today - day).days
    limit = context.config.stale_after_days
    if age > limit:
        yield rule.at(context, line, f"last updated {day} is {age} days ago (more than {limit})")


def _review(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    meta = context.roadmap.meta
    late = review_overdue_days(context.roadmap, context.today)
    if late is None or meta.next_review_span is None:
        return
    yield rule.at(
        context,
        meta.next_review_span.start,
        f"next review was due {meta.next_review}, {days(late)} ago",
    )


def _disagree(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    meta = context.roadmap.meta
    if (
        meta.last_updated
        and meta.footer_updated
        and meta.footer_span is not None
        and meta.footer_span != meta.last_updated_span
        and meta.footer_updated != meta.last_updated
    ):
        yield rule.at(
            context,
            meta.footer_span.start,
            f"footer says last updated {meta.footer_updated}, header says {meta.last_updated}",
        )


def _unreadable(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    meta = context.roadmap.meta
    for label, text, day, span in (
        ("last updated", meta.last_updated_text, meta.last_updated, meta.last_updated_span),
        ("next review", meta.next_review_text, meta.next_review, meta.next_review_span),
        ("footer last updated", meta.footer_updated_text, meta.footer_updated, meta.footer_span),
    ):
        if text is None or day is not None or span is None:
            continue
        if any(mark in text for mark in _PLACEHOLDER_DATES):
            continue  # a template placeholder: MP301 says so
        yield rule.at(context, span.start, f"{label} {text!r} {_why_not_a_day(text)}")


def _why_not_a_day(text: str) -> str:
    """What is wrong with a date milepost cannot read, in words that are true of it."""
    period = read_period(text)
    if period is not None and period.kind == "month":
        return "names a month, not a day (write YYYY-MM-DD)"
    if _ISO_SHAPE.search(text):
        return "is outside the years milepost reads (1900-2099) or not a real day"
    return "is not a date (write YYYY-MM-DD)"


_ISO_SHAPE = lazy_pattern(r"(?<!\d)\d{4}-\d\d-\d\d(?!\d)")


def _future(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    meta = context.roadmap.meta
    for label, day, span in (
        ("last updated", meta.last_updated, meta.last_updated_span),
        ("footer last updated", meta.footer_updated, meta.footer_span),
    ):
        if day is not None and span is not None and day > context.today:
            ahead = (day - context.today).days
            yield rule.at(context, span.start, f"{label} {day} is {days(ahead)} in the future")
            if span == meta.footer_span:
                break  # a footer that is also the header's line is said once


def _done_in_past(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for period in ended_focus_periods(context.roadmap, context.today):
        for item in period.items:
            if item.status is Status.DONE:
                yield rule.at(
                    context,
                    item.span.start,
                    f"'{item.title}' shipped in {period.heading}, which has ended: "
                    "move it to Completed Milestones",
                )


def _slipped(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for period, item in slipped_in_focus(context.roadmap, context.today):
        assert item.status is not None
        yield rule.at(
            context,
            item.span.start,
            f"'{item.title}' is still {item.status.label.lower()} "
            f"under {period.heading}, which has ended (slipped)",
        )


def _outside_horizon(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    meta, focus = context.roadmap.meta, context.roadmap.focus
    if focus is None or meta.horizon_start is None or meta.horizon_end is None:
        return
    first, last = meta.horizon_start.start, meta.horizon_end.end
    if first is None or last is None:
        return
    for period in focus.periods:
        p = period.period
        if p is None or p.start is None or p.end is None or p.kind == "relative":
            continue
        if period.items and all(i.status is Status.DROPPED for i in period.items):
            continue  # a record of dropped work (rollover leaves it), no month of plans
        if p.end < first or p.start > last:
            yield rule.at(
                context,
                period.span.start,
                f"'{period.heading}' is outside the planning horizon ({meta.planning_horizon})",
            )


def _overdue(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for item in past_due(context.roadmap, context.today):
        assert item.status is not None and item.period is not None
        yield rule.at(
            context,
            item.span.start,
            f"'{item.title}' is still {item.status.label.lower()} but its date "
            f"({item.period.text}) has passed",
        )


RULES = (
    Rule(
        code="MP201",
        name="stale-roadmap",
        group="freshness",
        severity=Severity.WARNING,
        summary="The roadmap was last updated longer ago than the staleness threshold.",
        why=(
            "A roadmap nobody has touched for a month no longer says what the track is doing; "
            "readers cannot tell which items are still true."
        ),
        bad="**Last updated:** 2026-09-01\n",
        good="**Last updated:** 2026-11-20\n",
        check=_stale,
        options="stale_after_days (default 30)",
    ),
    Rule(
        code="MP202",
        name="review-overdue",
        group="freshness",
        severity=Severity.WARNING,
        summary="The next roadmap review date has passed.",
        why="A review date in the past means the agreed review did not happen, or was not noted.",
        bad="**Next roadmap review:** 2026-10-14\n",
        good="**Next roadmap review:** 2026-12-09\n",
        check=_review,
    ),
    Rule(
        code="MP203",
        name="updated-dates-disagree",
        group="freshness",
        severity=Severity.WARNING,
        summary="The header and the footer give different 'last updated' dates.",
        why="One of them is wrong, and a reader cannot tell which.",
        bad="**Last updated:** 2026-11-20\n...\n*Last updated: 2026-10-01 by @alice*\n",
        good="**Last updated:** 2026-11-20\n...\n*Last updated: 2026-11-20 by @alice*\n",
        check=_disagree,
    ),
    Rule(
        code="MP204",
        name="unreadable-date",
        group="freshness",
        severity=Severity.WARNING,
        summary="A 'last updated' or 'next review' value is not a date.",
        why="Freshness cannot be judged from 'soon' or 'October'; tools and people need a day.",
        bad="**Next roadmap review:** after the summit\n",
        good="**Next roadmap review:** 2026-12-09\n",
        check=_unreadable,
    ),
    Rule(
        code="MP205",
        name="shipped-in-past-month",
        group="freshness",
        severity=Severity.INFO,
        summary="A completed item sits under a month of Current Focus that has ended.",
        why=(
            "Current Focus is for what is happening now; shipped work belongs under Completed "
            "Milestones, where it is credited to its month."
        ),
        bad="## Current Focus\n\n### October 2026\n- ✅ **Completed:** Dark mode\n",
        good="## Completed Milestones\n\n### October 2026\n- ✅ Dark mode shipped\n",
        check=_done_in_past,
    ),
    Rule(
        code="MP206",
        name="slipped-item",
        group="freshness",
        severity=Severity.WARNING,
        summary="A planned or in-progress item sits under a month that has ended.",
        why=(
            "The month passed and the item did not ship: it slipped. Say so by moving it to the "
            "current month (milepost rollover does this and keeps the slip visible)."
        ),
        bad="### October 2026\n- 🚧 **In Progress:** Search\n",
        good="### November 2026\n- 🚧 **In Progress:** Search (carried over from October)\n",
        check=_slipped,
    ),
    Rule(
        code="MP207",
        name="outside-horizon",
        group="freshness",
        severity=Severity.INFO,
        summary="A month in Current Focus lies outside the stated planning horizon.",
        why="Either the horizon line is stale or the month belongs elsewhere.",
        bad="**Planning horizon:** November 2026 through May 2027\n...\n### September 2026\n",
        good="**Planning horizon:** November 2026 through May 2027\n...\n### November 2026\n",
        check=_outside_horizon,
    ),
    Rule(
        code="MP208",
        name="past-due-item",
        group="freshness",
        severity=Severity.WARNING,
        summary="An open item's target date, quarter or dated heading has passed.",
        why=(
            "A milestone still 'Planned' for Q1 2025, or 'In Development' with an ETA of last "
            "September, has slipped whether or not anyone said so."
        ),
        bad="| Search | 2025-10-31 | 🔄 In Progress |\n",
        good="| Search | 2027-01-31 | 🔄 In Progress |\n",
        check=_overdue,
    ),
    Rule(
        code="MP209",
        name="updated-in-future",
        group="freshness",
        severity=Severity.WARNING,
        summary="A 'last updated' date lies after today.",
        why=(
            "A roadmap cannot have been updated tomorrow: the date is a typo (2027 for 2026), "
            "and until it is fixed the roadmap can never look stale."
        ),
        bad="**Last updated:** 2027-11-20\n",
        good="**Last updated:** 2026-11-20\n",
        check=_future,
    ),
)
