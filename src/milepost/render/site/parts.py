"""One track's share of the site: its rows, items, cells and entries of the pages across tracks,
rendered once as HTML and kept, as plain data, while the track does not change."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import escape

from milepost.model import Item, Metric, risk_level
from milepost.portfolio.dated import time_order, unplaced
from milepost.portfolio.model import Mention, mentions
from milepost.portfolio.month import this_month
from milepost.portfolio.rollup import TrackRollup
from milepost.vocabulary.dates import month_end
from milepost.vocabulary.periods import Period
from milepost.vocabulary.status import Status
from milepost.vocabulary.titles import title_key

__all__ = ["SHARED_PAGES", "TrackParts", "track_parts"]

#: The pages across tracks that take a share of each track's parts, in the order of
#: :meth:`TrackParts.shares`.
SHARED_PAGES = (
    "index.html",
    "items.html",
    "timeline.html",
    "risks.html",
    "metrics.html",
    "requests.html",
    "history.html",
    "graph.html",
)

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")

# (period label, its first and last days as time_order gives them, the cell's HTML)
Cell = tuple[str, str, str, str]
RiskPart = tuple[str | None, str | None, str, str]  # (likelihood, impact, title, entry HTML)


@dataclass(frozen=True, slots=True)
class TrackParts:
    """What the pages across tracks show of one track, as HTML fragments and a few facts."""

    track: str
    slug: str
    health: str
    index_row: str
    shipped: tuple[str, ...]
    flight: tuple[str, ...]
    blocked: tuple[str, ...]
    slipped: tuple[str, ...]  # open items whose time has passed, each with when it was due
    owners: tuple[str, ...]
    items: bytes  # UTF-8 already: the items page joins a thousand of these as bytes
    timeline_head: str
    timeline: tuple[Cell, ...]
    risks: tuple[RiskPart, ...]
    metrics: str
    requests: tuple[tuple[str, str], ...]  # (status key, entry HTML)
    mentions: tuple[Mention, ...]
    #: The track's own name; :attr:`track` is what the site calls it ("Memory (memory)"
    #: beside a namesake), which the parts were rendered with.
    name: str = ""

    def shares(self) -> tuple[str, ...]:
        """A digest of what each of :data:`SHARED_PAGES` takes of this track, in that order:
        equal digests, equal shares (every page also shows the track's name and slug)."""
        names = repr((self.track, self.slug))
        return (
            _digest(
                names,
                repr((self.index_row, self.shipped, self.flight, self.blocked, self.slipped)),
            ),
            _digest(names, repr(self.owners), self.items),
            _digest(names, repr((self.timeline_head, self.timeline))),
            _digest(names, repr(self.risks)),
            _digest(names, self.metrics),
            _digest(names, repr(self.requests)),
            _digest(names),
            # the graph: names, health, and the mentions that its edges and cycles come from
            _digest(names, self.health, repr(self._plain_mentions())),
        )

    def to_plain(self) -> tuple[Any, ...]:
        """The parts as plain data (tuples, strings, numbers, booleans and None only), which
        :meth:`from_plain` turns back into equal parts."""
        return (
            self.track,
            self.slug,
            self.health,
            self.index_row,
            self.shipped,
            self.flight,
            self.blocked,
            self.slipped,
            self.owners,
            self.items,
            self.timeline_head,
            self.timeline,
            self.risks,
            self.metrics,
            self.requests,
            self._plain_mentions(),
            self.name,
        )

    def _plain_mentions(self) -> tuple[tuple[Any, ...], ...]:
        return tuple((m.name, m.what, m.when, m.line, m.kind, m.explicit) for m in self.mentions)

    @classmethod
    def from_plain(cls, data: tuple[Any, ...]) -> TrackParts:
        """The parts that :meth:`to_plain` gave ``data``; TypeError or ValueError when it is
        not such data."""
        if len(data) != 17 or not all(isinstance(f, str | tuple | bytes) for f in data):
            raise ValueError("not the plain data of track parts")
        if not isinstance(data[9], bytes):
            raise ValueError("not the plain data of track parts")
        (track, slug, health, index_row, shipped, flight, blocked, slipped, *rest) = data
        owners, items, head, timeline, risks, metrics, requests, found, name = rest
        return cls(
            track,
            slug,
            health,
            index_row,
            shipped,
            flight,
            blocked,
            slipped,
            owners,
            items,
            head,
            timeline,
            risks,
            metrics,
            requests,
            tuple(Mention(*m) for m in found),
            name,
        )


def _digest(*parts: str | bytes) -> str:
    """The SHA-256 hex digest of the parts, each told apart from the next by its length."""
    found = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        found.update(b"%d:" % len(data))
        found.update(data)
    return found.hexdigest()


def _number(text: str | None) -> float | None:
    match = _NUMBER.search(text or "")
    return float(match.group().replace(",", "")) if match else None


def _share(metric: Metric) -> float | None:
    base, target, now = _number(metric.baseline), _number(metric.target), _number(metric.current)
    if base is None or target is None or now is None or target == base:
        return None
    return max(0.0, min(1.0, (now - base) / (target - base)))


def _items(track: TrackRollup) -> list[Item]:
    """The track's items with a status, each once (a heading item is listed once)."""
    seen = set()
    out = []
    for item in track.roadmap.items:
        if item.status is not None and item.span.start not in seen:
            seen.add(item.span.start)
            out.append(item)
    return out


_SPANS = ("month", "quarter", "half")

Entries = list[tuple[str, Status | None]]  # (title, status) of each entry of a cell


def _timeline(track: TrackRollup) -> dict[str, tuple[Period, Entries]]:
    """The track's entries by period label (months, quarters, halves), each with the period
    of its column, in first-seen order: Current Focus, Completed Milestones, goals,
    initiatives, then the other work that says when (a plan written under "### 2025 Q3"
    outside the template's sections, a table's Target column), each item once."""
    cells: dict[str, tuple[Period, Entries]] = {}
    placed: set[int] = set()
    titles: set[str] = set()

    def put(when: Period | None, title: str, status: Status | None) -> None:
        if when is not None and when.start is not None:
            cells.setdefault(when.label, (when, []))[1].append((title, status))
            titles.add(title_key(title))

    r = track.roadmap
    if r.focus is not None:
        for p in r.focus.periods:
            if p.period is not None and p.period.kind in _SPANS:
                for i in p.items:
                    put(p.period, i.title, i.status)
                    placed.add(i.span.start)
    for g in r.milestones:
        for i in g.items:  # by the group's month, else the item's own (a Target column)
            placed.add(i.span.start)
            when = g.period if g.period is not None and g.period.kind in _SPANS else i.period
            put(_column(when), i.title, i.status)
    for group in r.goals:
        for goal in group.goals:
            put(group.period, goal.name, goal.status)
    for initiative in r.initiatives:
        put(initiative.timeline_period, initiative.name, None)
    for i in unplaced(r, lines=placed, titles=titles):  # each once, as put adds its title
        put(_column(i.period), i.title, i.status)
    return cells


def _column(period: Period | None) -> Period | None:
    """The timeline column of a period: its month, quarter or half; a day's month."""
    if period is None or period.start is None:
        return None
    if period.kind in _SPANS:
        return period
    if period.kind == "date":
        first = period.start.replace(day=1)
        return Period("month", f"{first:%Y-%m}", first, month_end(first.year, first.month))
    return None


def track_parts(track: TrackRollup, *, today: date, macros: Any) -> TrackParts:
    """A track's parts, rendered with the macros of ``parts.html.j2``."""
    r = track.roadmap
    month = this_month(r, today)
    items = _items(track)
    return TrackParts(
        track=track.track,
        slug=track.slug,
        health=track.health.value,
        index_row=str(macros.index_row(track)),
        shipped=tuple(str(macros.linked_item(i, track)) for i in month.shipped),
        flight=tuple(str(macros.linked_item(i, track)) for i in month.in_flight),
        blocked=tuple(str(macros.linked_item(i, track)) for i in month.blocked),
        slipped=tuple(str(macros.slipped_item(i, track)) for i in track.slipped),
        owners=tuple(sorted({o for i in items for o in i.owners})),
        items=str(macros.item_list(track, items)).encode("utf-8"),
        timeline_head=str(macros.timeline_row(track)),
        timeline=tuple(
            (label, first.isoformat(), last.isoformat(), str(macros.timeline_cell(label, entries)))
            for label, (when, entries) in _timeline(track).items()
            for first, last in [time_order(when)]
        ),
        risks=tuple(
            (
                risk_level(risk.likelihood),
                risk_level(risk.impact),
                str(escape(risk.title)),
                str(macros.risk_entry(track, risk)),
            )
            for risk in r.risks
        ),
        metrics=(
            str(macros.metrics_block(track, [(m, _share(m)) for m in r.metrics]))
            if r.metrics
            else ""
        ),
        requests=tuple(
            (q.status.value if q.status else "none", str(macros.request_entry(track, q)))
            for q in r.requests
        ),
        mentions=mentions(r),
        name=r.track,
    )
