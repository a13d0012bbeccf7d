"""The dated work of a roadmap that a time axis (the site's timeline, the Gantt chart of
``milepost summary``) has not placed yet: what each draws after the template's own sections."""

from __future__ import annotations

from collections.abc import Container, Iterator
from datetime import date

from milepost.model import Item, Roadmap, status_items
from milepost.vocabulary.periods import Period
from milepost.vocabulary.titles import title_key

__all__ = ["time_order", "unplaced"]


def time_order(period: Period) -> tuple[date, date]:
    """Where a time axis puts ``period`` among others: by its first day, then by its last,
    so that of periods starting together the shorter comes first (January 2027, Q1 2027,
    H1 2027, then the year 2027). A day not known counts as the last there is."""
    return period.start or date.max, period.end or date.max


def unplaced(roadmap: Roadmap, *, lines: Container[int], titles: Container[str]) -> Iterator[Item]:
    """The roadmap's work that says when and is not placed yet, in document order: each item
    ``status_items`` counts (so each once) whose period has a first day, that stands on none
    of ``lines`` (the first lines of the items placed) and is not the same work, by
    :func:`~milepost.vocabulary.titles.title_key`, as any of ``titles`` (those placed).

    The same work may stand on another line than the copy placed: ``status_items`` keeps
    its furthest copy (shipped in Current Focus, recorded under Completed Milestones).

    Lazy: each item is tested when it is reached, against ``lines`` and ``titles`` as they
    are then, so a caller that adds the title of each item it places (the site's timeline)
    keeps later items of that title out too.
    """
    for item in status_items(roadmap):
        if (
            item.period is not None
            and item.period.start is not None
            and item.span.start not in lines
            and title_key(item.title) not in titles
        ):
            yield item
