"""Delivery statistics from a track's history: pure functions of its timeline and ``today``.

The definitions, which docs/history.md spells out with examples:

- **shipped**: an item becomes done (✅) in a version; items already done in the first
  version seen are the starting point, not shipments. Counted in the month of the commit.
- **cycle times**, in days between commit dates: *planned → in progress* (first listed, not
  yet started, to first in progress), *in progress → done*, and *planned → done*.
- **slip rate**: of the items whose first dated period is judged (they shipped, or that period
  ended before today or before they left the roadmap), the share not done by the end of it;
  **slips** counts every move of an open item's period to a later one (not one made in the
  version where the item became done or dropped: see :func:`~milepost.history.diff.period_move`).
- **staleness**: days between consecutive versions, and days since the last one.
- **metric trajectories**: each metric's baseline / current / target wherever they changed.

``since`` keeps the events on or after that day: shipments, starts, judged periods that ended,
gaps that closed, metric points.

In a shallow clone the oldest version seen may be the clone's *horizon* (a commit whose parents
were not fetched), not the roadmap's first version: the items it lists have an unknown past,
and it may not even have touched the roadmap. So nothing starts there: no duration from an
item's first listing or start seen there, no slip rate for an item listed there, no update
gap from it, and no "last update" when it is the only version. Those figures count as
unknown, not as zero; what happened after the horizon counts as usual.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from milepost.history.lives import ItemLife, Life, MetricPoint

__all__ = [
    "Durations",
    "Stats",
    "overall",
    "track_stats",
]


@dataclass(frozen=True, slots=True)
class Durations:
    """A sample of durations in days, with its median and 90th percentile (nearest rank)."""

    samples: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        return len(self.samples)

    @property
    def median(self) -> float | None:
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2

    @property
    def p90(self) -> int | None:
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        return ordered[math.ceil(0.9 * len(ordered)) - 1]

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "median": self.median, "p90": self.p90}


@dataclass(frozen=True, slots=True)
class Stats:
    track: str
    path: str
    versions: int
    first: date | None
    last: date | None
    shipped: dict[str, int] = field(default_factory=dict)  # "2026-11" -> items
    planned_to_started: Durations = Durations()
    started_to_done: Durations = Durations()
    planned_to_done: Durations = Durations()
    judged: int = 0
    slipped: int = 0
    slips: int = 0
    gaps: Durations = Durations()
    days_since_update: int | None = None
    metrics: dict[str, tuple[MetricPoint, ...]] = field(default_factory=dict)

    @property
    def slip_rate(self) -> float | None:
        return self.slipped / self.judged if self.judged else None

    @property
    def shipped_total(self) -> int:
        return sum(self.shipped.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track,
            "path": self.path,
            "versions": self.versions,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "shipped": self.shipped_total,
            "shipped_by_month": dict(self.shipped),
            "cycle_time": {
                "planned_to_in_progress": self.planned_to_started.to_dict(),
                "in_progress_to_done": self.started_to_done.to_dict(),
                "planned_to_done": self.planned_to_done.to_dict(),
            },
            "slip_rate": self.slip_rate,
            "slipped": self.slipped,
            "judged": self.judged,
            "slips": self.slips,
            "staleness": {
                "gaps": self.gaps.to_dict(),
                "days_since_update": self.days_since_update,
            },
            "metrics": {
                name: [
                    {
                        "date": p.when.isoformat(),
                        "baseline": p.baseline,
                        "current": p.current,
                        "target": p.target,
                    }
                    for p in points
                ]
                for name, points in self.metrics.items()
            },
        }


def track_stats(
    history: Life, *, track: str, path: str, today: date, since: date | None = None
) -> Stats:
    """The statistics of one track from the life of its committed versions."""
    start = since or date.min
    shipped: Counter[str] = Counter()
    waits, cycles, leads = [], [], []
    judged = slipped = slips = 0
    for item in history.items:
        done = item.shipped
        if done is not None and done >= start:
            shipped[f"{done:%Y-%m}"] += 1
            if item.seen_open and item.seen is not None:
                leads.append((done - item.seen).days)
            if item.begun is not None and item.begun_before_done:
                cycles.append((done - item.begun).days)
        if (
            item.begun is not None
            and item.begun >= start
            and item.seen_open
            and item.seen is not None
        ):
            waits.append((item.begun - item.seen).days)
        slips += sum(1 for day in item.slips if day >= start)
        verdict = _judge(item, today, start)
        if verdict is not None:
            judged += 1
            slipped += verdict
    dates = history.days
    # From a shallow clone's horizon no gap is known, and a last update only once a later
    # version really touched the roadmap.
    closing = dates[1:] if history.horizon else dates
    return Stats(
        track=track,
        path=path,
        versions=len(dates),
        first=dates[0] if dates else None,
        last=closing[-1] if closing else None,
        shipped=dict(sorted(shipped.items())),
        planned_to_started=Durations(tuple(waits)),
        started_to_done=Durations(tuple(cycles)),
        planned_to_done=Durations(tuple(leads)),
        judged=judged,
        slipped=slipped,
        slips=slips,
        gaps=Durations(tuple((b - a).days for a, b in pairwise(closing) if b >= start)),
        days_since_update=(today - closing[-1]).days if closing else None,
        metrics={
            name: kept
            for name, points in history.metrics.items()
            if (kept := tuple(p for p in points if p.when >= start))
        },
    )


def _judge(item: ItemLife, today: date, start: date) -> bool | None:
    """Whether the item missed its first dated period; None when that cannot be judged yet."""
    if item.first_end is None or item.first_end < start:
        return None
    if item.shipped is not None:
        return item.shipped > item.first_end
    if item.done_from_start:
        return None
    horizon = item.ended or today
    return True if item.first_end < horizon else None


def overall(stats: Iterable[Stats], *, today: date) -> Stats:
    """Every track's figures pooled: sums of counts, medians of all samples together."""
    every = list(stats)
    shipped: Counter[str] = Counter()
    for s in every:
        shipped.update(s.shipped)

    def pool(pick: str) -> Durations:
        return Durations(tuple(x for s in every for x in getattr(s, pick).samples))

    firsts = [s.first for s in every if s.first]
    lasts = [s.last for s in every if s.last]
    return Stats(
        track="All tracks",
        path="",
        versions=sum(s.versions for s in every),
        first=min(firsts) if firsts else None,
        last=max(lasts) if lasts else None,
        shipped=dict(sorted(shipped.items())),
        planned_to_started=pool("planned_to_started"),
        started_to_done=pool("started_to_done"),
        planned_to_done=pool("planned_to_done"),
        judged=sum(s.judged for s in every),
        slipped=sum(s.slipped for s in every),
        slips=sum(s.slips for s in every),
        gaps=pool("gaps"),
        days_since_update=(today - max(lasts)).days if lasts else None,
    )
