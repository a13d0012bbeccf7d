"""Current Focus as people read it: each period (a month, a workstream) with the items written
under it, nested ones included, and the ``Label: value`` lines of a workstream (Goal, Owner,
Deliverables) told apart from the work. ``show`` and the site's track pages both list it so."""

from __future__ import annotations

import re

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


def period_items(roadmap: Roadmap, period: FocusPeriod) -> list[Item]:
    """The items written under a period of Current Focus, nested ones included, in order
    (each knows its ``depth``); else the period's own items."""
    inside = [i for i in roadmap.items if period.span.start < i.span.start < period.span.end]
    return inside or list(period.items)


def loose_items(roadmap: Roadmap) -> list[Item]:
    """The items of Current Focus outside any of its periods (right under its heading),
    nested ones included."""
    focus = roadmap.focus
    if focus is None:
        return []
    periods = [p.span for p in focus.periods]
    return [
        i
        for i in roadmap.items
        if focus.span.start < i.span.start < focus.span.end
        and not any(span.start <= i.span.start < span.end for span in periods)
    ] or list(focus.items)
