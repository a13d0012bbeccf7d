"""A track's month: what shipped in today's month, what is in flight, what is planned for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from milepost.model import Item, Roadmap, status_items
from milepost.vocabulary.periods import Period
from milepost.vocabulary.placeholders import is_placeholder_title
from milepost.vocabulary.status import Status

__all__ = ["MonthItems", "this_month"]


def _within_month(period: Period | None, month: tuple[int, int]) -> bool:
    return (
        period is not None
        and period.start is not None
        and period.end is not None
        and (period.start.year, period.start.month) == month == (period.end.year, period.end.month)
    )


@dataclass(frozen=True)
class MonthItems:
    """A roadmap's items of today's month, in document order: what ``status`` lists as
    shipped this month, in flight and blocked, and what the docs directives count with
    them."""

    shipped: tuple[Item, ...]
    in_flight: tuple[Item, ...]
    planned: tuple[Item, ...]
    blocked: tuple[Item, ...] = ()

    def counts(self) -> dict[Status, int]:
        return {
            Status.DONE: len(self.shipped),
            Status.IN_PROGRESS: len(self.in_flight),
            Status.PLANNED: len(self.planned),
        }


def this_month(roadmap: Roadmap, today: date) -> MonthItems:
    """A roadmap's items shipped in today's month, in flight, and planned for it.

    All come from the items ``status`` counts (:func:`~milepost.model.status_items`), not
    only from Current Focus: shipped are the done items whose own period lies within today's
    month, or that sit under a Completed Milestones heading of this month; in flight are the
    in-progress items that say when (any period) or sit in Current Focus, and blocked the
    blocked items found the same way; planned are the
    planned items whose own period lies within today's month, or that sit in Current Focus
    (directly, or under a focus period that holds today or names none) and say no other time.
    An item listed twice (shipped in Current Focus and again in Completed Milestones) is one
    item there already, so it is listed once. A template's slot left unfilled ("[Feature that
    shipped]") is no work of the month.
    """
    month = (today.year, today.month)
    shipped_group = {
        item.span.start
        for group in roadmap.milestones
        if _within_month(group.period, month)
        for item in group.items
    }
    focus = roadmap.focus
    in_focus: set[int] = set()
    focus_now: set[int] = set()
    if focus is not None:
        in_focus = {i.span.start for i in focus.items}
        focus_now = set(in_focus)
        for period in focus.periods:
            lines = {i.span.start for i in period.items}
            in_focus |= lines
            if period.period is None or period.period.contains(today):
                focus_now |= lines
    shipped: list[Item] = []
    flight: list[Item] = []
    blocked: list[Item] = []
    planned: list[Item] = []
    for item in status_items(roadmap):
        if is_placeholder_title(item.title):
            continue
        if item.status is Status.DONE and (
            item.span.start in shipped_group or _within_month(item.period, month)
        ):
            shipped.append(item)
        elif item.status in (Status.IN_PROGRESS, Status.BLOCKED) and (
            item.period is not None or item.span.start in in_focus
        ):
            (flight if item.status is Status.IN_PROGRESS else blocked).append(item)
        elif item.status is Status.PLANNED and (
            _within_month(item.period, month)
            or (
                item.span.start in focus_now
                and (item.period is None or item.period.contains(today))
            )
        ):
            planned.append(item)
    return MonthItems(tuple(shipped), tuple(flight), tuple(planned), tuple(blocked))
