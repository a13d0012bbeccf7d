"""Current Focus as people read it: each period (a month, a workstream) with the items written
under it, nested ones included, and the ``Label: value`` lines of a workstream (Goal, Owner,
Deliverables) told apart from the work. ``show`` and the site's track pages both list it so."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import attrgetter

from milepost.model import FocusPeriod, Item, Roadmap

__all__ = ["field_of", "loose_items", "period_items"]

# A short "Label: value" line without a status: a field of a workstream, not an item of work.
_FIELD = re.compile(r"^([A-Z][\w/&-]*(?: [\w/&-]+){0,2}):\s*(.*)$", re.DOTALL)


def field_of(item: Item) -> tuple[str, str] | None:
    """``(label, value)`` of a workstream's field line ("Owner: @esther"); None for work."""
    if item.status is not None:
        return None
    found = _FIELD.match(item.text)
    return (found.group(1), found.group(2)) if found else None


# Where an item starts: a roadmap's items are in line order (see extract.walk_items.Walk),
# so the items within some lines are found by bisection, not by a look at every item, which
# for every period of a Current Focus of thousands was quadratic (8,000 months took 4.6 s).
_FIRST_LINE = attrgetter("span.start")


def period_items(roadmap: Roadmap, period: FocusPeriod) -> list[Item]:
    """The items written under a period of Current Focus, nested ones included, in order
    (each knows its ``depth``); else the period's own items."""
    items = roadmap.items
    start = bisect_right(items, period.span.start, key=_FIRST_LINE)
    end = max(start, bisect_left(items, period.span.end, key=_FIRST_LINE))
    return list(items[start:end]) or list(period.items)


def loose_items(roadmap: Roadmap) -> list[Item]:
    """The items of Current Focus outside any of its periods (right under its heading),
    nested ones included."""
    focus = roadmap.focus
    if focus is None:
        return []
    periods = sorted((p.span.start, p.span.end) for p in focus.periods)
    starts = [start for start, _ in periods]
    ends = list(accumulate((end for _, end in periods), max))  # the furthest any reaches

    def in_a_period(line: int) -> bool:
        before = bisect_right(starts, line)  # the periods that start by ``line``
        return before > 0 and ends[before - 1] > line

    return [
        i
        for i in roadmap.items
        if focus.span.start < i.span.start < focus.span.end and not in_a_period(i.span.start)
    ] or list(focus.items)
