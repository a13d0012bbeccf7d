"""The facts that make a roadmap fresh or stale, read one way for ``check`` and ``status``.

The MP2xx freshness rules and the MP4xx risk rules report these facts as findings; the
portfolio derives a track's health from the very same facts, so the two never disagree about
when a roadmap was updated, whether its review passed, which items slipped, or which risks
lack a plan. Pure: a roadmap and ``today`` in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from milepost.model import FocusPeriod, Item, Risk, Roadmap, risk_level
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.status import Status

__all__ = [
    "OPEN",
    "days",
    "ended_focus_periods",
    "high_risk",
    "last_updated",
    "past_due",
    "review_overdue_days",
    "slipped_in_focus",
    "slips",
    "unmitigated_high_high",
]

#: The statuses of work still to be done.
OPEN = (Status.PLANNED, Status.IN_PROGRESS, Status.BLOCKED)


def last_updated(roadmap: Roadmap, today: date) -> tuple[date, int] | None:
    """When the roadmap was last updated, and on which line (0-based) that is said.

    The header's date, else the footer's; a month alone ("October 2025") counts as its
    nearest day to ``today`` (its last day when past, today while it runs, its first when
    ahead), so a roadmap is never judged staler, or further in the future, than it can be
    (MP204 still asks for a date).
    """
    meta = roadmap.meta
    for day, text, span in (
        (meta.last_updated, meta.last_updated_text, meta.last_updated_span),
        (meta.footer_updated, meta.footer_updated_text, meta.footer_span),
    ):
        if span is None:
            continue
        if day is not None:
            return day, span.start
        period = read_period(text or "")
        if period is not None and period.kind == "month" and period.end is not None:
            start = period.start or period.end
            return min(period.end, max(start, today)), span.start
    return None


def days(count: int) -> str:
    """``count`` days in words, as the freshness findings and health reasons say them:
    "1 day", "2 days"."""
    return f"{count} day" if count == 1 else f"{count} days"


def review_overdue_days(roadmap: Roadmap, today: date) -> int | None:
    """How many days ago the next review was due, when that day has passed (MP202)."""
    review = roadmap.meta.next_review
    if review is None or review >= today:
        return None
    return (today - review).days


def ended_focus_periods(roadmap: Roadmap, today: date) -> Iterator[FocusPeriod]:
    """The periods of Current Focus that ended before ``today``."""
    focus = roadmap.focus
    if focus is None:
        return
    for period in focus.periods:
        if (
            period.period is not None
            and period.period.end is not None
            and period.period.end < today
        ):
            yield period


def slipped_in_focus(roadmap: Roadmap, today: date) -> Iterator[tuple[FocusPeriod, Item]]:
    """Open items under a Current Focus period that has ended (MP206)."""
    for period in ended_focus_periods(roadmap, today):
        for item in period.items:
            if item.status in OPEN:
                yield period, item


def past_due(roadmap: Roadmap, today: date) -> Iterator[Item]:
    """Open items anywhere else whose own date, quarter or dated heading has passed (MP208).

    Items under a Current Focus period are judged by their period (:func:`slipped_in_focus`);
    relative periods ("Weeks 1-4") are not judged, they move with the last-updated date.
    """
    in_focus = {
        item.span.start
        for period in (roadmap.focus.periods if roadmap.focus else ())
        for item in period.items
    }
    for item in roadmap.items:
        period = item.period
        if (
            item.status in OPEN
            and period is not None
            and period.end is not None
            and period.kind != "relative"
            and item.span.start not in in_focus
            and period.end < today
        ):
            yield item


def slips(roadmap: Roadmap, today: date) -> tuple[Item, ...]:
    """Every open item whose time has passed, in document order: MP206 and MP208 together."""
    found = {item.span.start: item for _, item in slipped_in_focus(roadmap, today)}
    for item in past_due(roadmap, today):
        found.setdefault(item.span.start, item)
    return tuple(found[line] for line in sorted(found))


def high_risk(risk: Risk) -> bool:
    """A risk whose likelihood or impact is High."""
    return "High" in (risk_level(risk.likelihood), risk_level(risk.impact))


def unmitigated_high_high(risk: Risk) -> bool:
    """A High-likelihood, High-impact risk with no mitigation (MP402)."""
    return (
        risk_level(risk.likelihood) == "High"
        and risk_level(risk.impact) == "High"
        and not risk.mitigation
    )
