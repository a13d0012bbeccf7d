"""What a track's history boils down to for statistics, whatever ``today`` and ``since``
are: the days of its versions, each item's life (seen, begun, shipped, slipped, ended) and
each metric's changes. It depends only on the versions, so the history cache keeps it
(:mod:`milepost.history_store`) and :mod:`milepost.history.stats` judges it against a day.

In a shallow clone the timeline's first point may be the clone's horizon: an item listed there
has an unknown past (see :mod:`milepost.history.stats`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from milepost.history.changes import period_move
from milepost.history.lineage import Lineage, Point, lineages
from milepost.vocabulary.status import Status

__all__ = ["ItemLife", "Life", "MetricPoint", "item_life", "life"]

# The statuses of an item that has begun.
_STARTED = (Status.IN_PROGRESS, Status.DONE)


@dataclass(frozen=True, slots=True)
class MetricPoint:
    when: date
    baseline: str | None
    current: str | None
    target: str | None


class ItemLife(NamedTuple):
    """The days in one item's lineage that statistics are made of."""

    seen: date | None  # first listed (None: at a shallow clone's horizon, so unknown)
    seen_open: bool  # ...neither in progress nor done then
    begun: date | None  # first in progress (None: never, or unknown as at the horizon)
    begun_before_done: bool
    shipped: date | None  # became done (not done from the start of history)
    done_from_start: bool
    slips: tuple[date, ...]  # days its period moved later while it was open (and stayed so)
    first_end: date | None  # the last day of its first dated period while open
    ended: date | None  # left the roadmap or was dropped


def item_life(lineage: Lineage, *, horizon: bool = False) -> ItemLife:
    """``horizon``: the first point of the timeline is a shallow clone's horizon."""
    done = lineage.shipped
    begun = lineage.first(Status.IN_PROGRESS)
    seen = lineage.steps[0]
    unknown = horizon and lineage.baseline  # listed at the horizon: its past is not known
    if unknown and begun is not None and begun.at == 0:
        begun = None  # in progress at the horizon: since when is not known
    first_dated = (
        None
        if unknown
        else next(
            (
                s.state.period_end
                for s in lineage.steps
                if s.state is not None
                and s.state.period_end is not None
                and s.state.status != Status.DONE
            ),
            None,
        )
    )
    return ItemLife(
        seen=None if unknown else seen.when,
        seen_open=seen.state is not None and seen.state.status not in _STARTED,
        begun=begun.when if begun is not None else None,
        begun_before_done=begun is not None and done is not None and begun.at < done.at,
        shipped=done.when if done is not None else None,
        done_from_start=done is None and lineage.first(Status.DONE) is not None,
        slips=tuple(
            after.when
            for before, after in pairwise(lineage.steps)
            if before.state is not None
            and after.state is not None
            and period_move(before.state, after.state) == "slip"
        ),
        first_end=first_dated,
        ended=lineage.ended,
    )


@dataclass(frozen=True, slots=True)
class Life:
    """What statistics need of a track's timeline, whatever ``today`` and ``since`` are: the
    days of its versions, of its items' lives and of its metrics' changes. It depends only on
    the versions, so the history cache keeps it and a warm ``stats`` reads nothing else."""

    track: str  # the name it had in its latest version
    days: tuple[date, ...]
    items: tuple[ItemLife, ...]
    metrics: dict[str, tuple[MetricPoint, ...]]
    horizon: bool = False  # the first day is a shallow clone's horizon, not a known update


def life(timeline: Sequence[Point], *, horizon: bool = False) -> Life:
    """``horizon``: the timeline's first point is a shallow clone's horizon (see above)."""
    horizon = horizon and bool(timeline)
    return Life(
        track=timeline[-1].snapshot.track if timeline else "",
        days=tuple(p.when for p in timeline),
        items=tuple(item_life(lineage, horizon=horizon) for lineage in lineages(timeline)),
        metrics=_metrics(timeline),
        horizon=horizon,
    )


def _metrics(timeline: Sequence[Point]) -> dict[str, tuple[MetricPoint, ...]]:
    seen: dict[str, list[MetricPoint]] = {}
    for point in timeline:
        for metric in point.snapshot.metrics:
            values = (metric.baseline, metric.current, metric.target)
            points = seen.setdefault(metric.name, [])
            if points and (points[-1].baseline, points[-1].current, points[-1].target) == values:
                continue
            points.append(MetricPoint(point.when, *values))
    return {name: tuple(points) for name, points in seen.items()}
