"""The portfolio: every track's rollup, the graph between tracks, and conflicts in time.

Pure: roadmaps, the config and ``today`` in; a :class:`Portfolio` out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import PurePath
from typing import Any

from milepost.config import Config
from milepost.model import Item, Risk, Roadmap, status_items
from milepost.portfolio.freshness import (
    high_risk,
    last_updated,
    review_overdue_days,
    slips,
    unmitigated_high_high,
)
from milepost.portfolio.graph import cycles
from milepost.portfolio.links import TrackIndex
from milepost.vocabulary.periods import Period
from milepost.vocabulary.status import Health, Status
from milepost.vocabulary.titles import title_key

__all__ = [
    "Conflict",
    "Edge",
    "Mention",
    "MonthItems",
    "Portfolio",
    "TrackRollup",
    "build_portfolio",
    "dependency_cycles",
    "mentions",
    "path_slug",
    "resolve",
    "rollup",
    "slug_of",
    "this_month",
    "track_index",
]

_BY = re.compile(r"(?i)\s+(?:by|before|in|for|until)\s+(?=\S*\s*(?:19|20)\d\d|q[1-4]|h[12]|v\d)")


def slug_of(roadmap: Roadmap) -> str:
    if roadmap.path is None:
        return re.sub(r"[^a-z0-9]+", "-", roadmap.track.lower()).strip("-")
    return path_slug(roadmap.path)


def path_slug(path: str) -> str:
    """A track's slug from its roadmap's path: ``tracks/memory/roadmap.md`` → ``memory``,
    ``docs/web-ui-roadmap.md`` → ``web-ui``."""
    p = PurePath(path)
    return p.parent.name if p.stem.lower() == "roadmap" else p.stem.removesuffix("-roadmap")


@dataclass(frozen=True)
class TrackRollup:
    """One track's figures, and its health with the reason."""

    roadmap: Roadmap
    slug: str
    lead: str | None
    health: Health
    health_reason: str
    health_stated: bool
    age_days: int | None
    review_overdue_days: int | None
    counts: dict[str, int]
    slipped: tuple[Item, ...]
    high_risks: int
    unmitigated_high_risks: int
    requests: dict[str, int]
    updated: date | None = None  # the last-updated date as ``check`` reads it (MP201)

    @property
    def updated_label(self) -> str | None:
        """The last-updated date for people: the day, or the month as written when only a
        month was given ("October 2025", judged as its last day)."""
        meta = self.roadmap.meta
        if self.updated is None:
            return None
        if self.updated in (meta.last_updated, meta.footer_updated):
            return self.updated.isoformat()
        return meta.last_updated_text or meta.footer_updated_text or self.updated.isoformat()

    @property
    def future(self) -> bool:
        """Whether the roadmap says it was last updated after today."""
        return self.age_days is not None and self.age_days < 0

    @property
    def track(self) -> str:
        return self.roadmap.track

    def to_dict(self) -> dict[str, Any]:
        meta = self.roadmap.meta
        return {
            "track": self.track,
            "slug": self.slug,
            "path": self.roadmap.path,
            "lead": self.lead,
            "health": self.health.value,
            "health_reason": self.health_reason,
            "health_stated": self.health_stated,
            "last_updated": self.updated.isoformat() if self.updated else None,
            "last_updated_text": meta.last_updated_text,
            "age_days": self.age_days,
            "next_review": meta.next_review.isoformat() if meta.next_review else None,
            "review_overdue_days": self.review_overdue_days,
            "counts": self.counts,
            "slipped": [{"title": i.title, "line": i.span.first_line} for i in self.slipped],
            "high_risks": self.high_risks,
            "unmitigated_high_risks": self.unmitigated_high_risks,
            "requests": self.requests,
        }


@dataclass(frozen=True)
class Edge:
    """``source`` needs ``what`` from ``target`` (by ``when``, where said)."""

    source: str
    target: str
    what: str
    when: str | None
    line: int
    kind: str = "dependency"  # dependency | synergy | initiative

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "to": self.target,
            "what": self.what,
            "when": self.when,
            "line": self.line,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Conflict:
    """A track needs something by a period that the providing track will not deliver then."""

    edge: Edge
    problem: str
    matched: str | None
    matched_line: int | None
    matched_path: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.edge.to_dict(),
            "problem": self.problem,
            "matched": self.matched,
            "matched_line": self.matched_line,
            "matched_path": self.matched_path,
        }


@dataclass(frozen=True)
class Portfolio:
    tracks: tuple[TrackRollup, ...]
    edges: tuple[Edge, ...]
    unresolved: tuple[tuple[str, str, int], ...]  # (track, mention, line)
    cycles: dict[str, list[str]]
    conflicts: tuple[Conflict, ...]
    shipped_this_month: tuple[tuple[str, Item], ...]
    in_flight: tuple[tuple[str, Item], ...]
    today: date
    totals: dict[str, int] = field(default_factory=dict)

    def on_cycle(self, edge: Edge) -> bool:
        """Whether ``edge`` is a step of the cycle shown through its source track."""
        path = self.cycles.get(edge.source) or []
        return any(a == edge.source and b == edge.target for a, b in pairwise(path))

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "totals": self.totals,
            "tracks": [t.to_dict() for t in self.tracks],
            "edges": [e.to_dict() for e in self.edges],
            "unresolved": [{"track": t, "mention": m, "line": n} for t, m, n in self.unresolved],
            "cycles": dict(self.cycles.items()),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "shipped_this_month": [
                {"track": t, "title": i.title} for t, i in self.shipped_this_month
            ],
            "in_flight": [
                {"track": t, "title": i.title, "status": i.status.value if i.status else None}
                for t, i in self.in_flight
            ],
        }


def _health(
    roadmap: Roadmap,
    today: date,
    config: Config,
    updated: date | None,
    slipped: tuple[Item, ...],
    unmitigated: list[Risk],
) -> tuple[Health, str]:
    """A track's health and the reason, from the facts ``check`` reports (MP201, MP202,
    MP204, MP206, MP208, MP209, MP401, MP402). The reason states only what those facts say."""
    meta = roadmap.meta
    limit = config.stale_after_days
    problems: list[str] = []
    severe = False
    age = (today - updated).days if updated is not None else None
    if updated is None:
        text = (meta.last_updated_text or "").strip()
        problems.append(f"last updated {text!r} is not a date" if text else "no last-updated date")
    elif updated > today:
        problems.append(f"last updated {updated} is in the future")
    elif age is not None and age > limit:
        problems.append(f"last updated {age} days ago")
        severe = age > 2 * limit
    overdue = review_overdue_days(roadmap, today)
    if meta.next_review is None:
        text = (meta.next_review_text or "").strip()
        problems.append(f"next review {text!r} is not a date" if text else "no next-review date")
    elif overdue is not None:
        problems.append(f"review overdue by {overdue} days")
        severe = severe or overdue > 30
    if unmitigated:
        problems.append(f"{len(unmitigated)} high risk(s) without mitigation")
        severe = severe or any(unmitigated_high_high(r) for r in unmitigated)
    if slipped:
        problems.append(f"{len(slipped)} slipped item(s)")
        severe = severe or len(slipped) >= 3
    if roadmap.health is not None:
        also = f"; also {', '.join(problems)}" if problems else ""
        return roadmap.health, f"stated in the roadmap{also}"
    if problems:
        return (Health.OFF_TRACK if severe else Health.AT_RISK), ", ".join(problems)
    assert age is not None and meta.next_review is not None
    fresh = "updated today" if age == 0 else f"updated {age} day{'s' if age != 1 else ''} ago"
    return Health.ON_TRACK, f"{fresh}, next review {meta.next_review}, nothing past due"


def rollup(roadmap: Roadmap, today: date, config: Config) -> TrackRollup:
    """One track's figures and health as of ``today``.

    Freshness, slips and risks are the facts ``check`` reports
    (:mod:`milepost.portfolio.freshness`): the last-updated date as MP201 reads it (a month
    alone counts as its last day, the footer stands in for a missing header date), the review
    MP202 finds overdue, and every open item whose time has passed (MP206 and MP208).
    """
    meta = roadmap.meta
    found = last_updated(roadmap)
    updated = found[0] if found else None
    age = (today - updated).days if updated is not None else None
    overdue = review_overdue_days(roadmap, today)
    counts = Counter(i.status.value for i in status_items(roadmap) if i.status is not None)
    slipped = slips(roadmap, today)
    high = [r for r in roadmap.risks if high_risk(r)]
    unmitigated = [r for r in high if not r.mitigation]
    requests = Counter(r.status.value if r.status else "none" for r in roadmap.requests)
    lead = meta.owners[0] if meta.owners else meta.footer_updated_by
    health, reason = _health(roadmap, today, config, updated, slipped, unmitigated)
    return TrackRollup(
        roadmap,
        slug_of(roadmap),
        lead,
        health,
        reason,
        roadmap.health is not None,
        age,
        overdue,
        dict(sorted(counts.items())),
        slipped,
        len(high),
        len(unmitigated),
        dict(sorted(requests.items())),
        updated,
    )


def _needed(what: str) -> str:
    """The thing a dependency asks for: its words before "by December 2026" and the like."""
    cut = _BY.search(what)
    text = what[: cut.start()] if cut else what
    return re.split(r"[,;(]|\s[-–—]\s", text, maxsplit=1)[0].strip(" .")


@dataclass(frozen=True)
class Mention:
    """A track's mention of another track, before it is resolved: a dependency ("Dependency
    on Memory: X by December 2026") or a synergy ("With Web UI: shared components")."""

    name: str
    what: str
    when: str | None
    line: int
    kind: str  # dependency | synergy
    explicit: bool  # a dependency listed under Tracks, or a synergy naming a track


def mentions(roadmap: Roadmap) -> tuple[Mention, ...]:
    """Every mention of another track in a roadmap, in the order written."""
    out = [
        Mention(
            dep.on,
            _needed(dep.what) or dep.what,
            dep.when.label if dep.when else None,
            dep.span.first_line,
            "dependency",
            dep.kind == "track",
        )
        for dep in roadmap.dependencies
    ]
    out += [
        Mention(
            s.track,
            s.how,
            None,
            s.span.first_line,
            "synergy",
            bool(s.track) and not s.track.startswith("["),
        )
        for s in roadmap.synergies
    ]
    return tuple(out)


def resolve(
    me: str, found: tuple[Mention, ...], index: TrackIndex
) -> tuple[list[Edge], list[tuple[str, str, int]]]:
    """The edges from track ``me`` that its mentions name, and the mentions naming no track."""
    edges: list[Edge] = []
    unresolved: list[tuple[str, str, int]] = []
    for mention in found:
        target = index.resolve(mention.name)
        if target is None:
            if mention.explicit:
                unresolved.append((me, mention.name, mention.line))
        elif target != me:
            edges.append(Edge(me, target, mention.what, mention.when, mention.line, mention.kind))
    return edges, unresolved


def dependency_cycles(edges: list[Edge]) -> dict[str, list[str]]:
    """The cycles of the dependency edges, by track on them."""
    graph: dict[str, list[str]] = {}
    for edge in edges:
        if edge.kind == "dependency":
            graph.setdefault(edge.source, [])
            if edge.target not in graph[edge.source]:
                graph[edge.source].append(edge.target)
    return cycles(graph)


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
    shipped this month and in flight, and what the docs directives count with them."""

    shipped: tuple[Item, ...]
    in_flight: tuple[Item, ...]
    planned: tuple[Item, ...]

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
    in-progress items that say when (any period) or sit in Current Focus; planned are the
    planned items whose own period lies within today's month, or that sit in Current Focus
    (directly, or under a focus period that holds today or names none) and say no other time.
    An item listed twice (shipped in Current Focus and again in Completed Milestones) is
    listed once, where it comes first.
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
    planned: list[Item] = []
    for item in status_items(roadmap):
        if item.status is Status.DONE and (
            item.span.start in shipped_group or _within_month(item.period, month)
        ):
            shipped.append(item)
        elif item.status is Status.IN_PROGRESS and (
            item.period is not None or item.span.start in in_focus
        ):
            flight.append(item)
        elif item.status is Status.PLANNED and (
            _within_month(item.period, month)
            or (
                item.span.start in focus_now
                and (item.period is None or item.period.contains(today))
            )
        ):
            planned.append(item)
    return MonthItems(_once(shipped), _once(flight), _once(planned))


def _once(items: list[Item]) -> tuple[Item, ...]:
    """The items without a repeat of a title already listed."""
    first: dict[str, Item] = {}
    for item in items:
        first.setdefault(title_key(item.title), item)
    return tuple(first.values())


def track_index(tracks: Iterable[tuple[str, str]]) -> TrackIndex:
    """Every track by name and by slug, from ``(name, slug)`` pairs."""
    return TrackIndex.build((name, [slug]) for name, slug in tracks)


def build_portfolio(roadmaps: list[Roadmap], *, today: date, config: Config) -> Portfolio:
    """Roll every track up, resolve references between them, find conflicts in time."""
    from milepost.portfolio.conflicts import find_conflicts

    index = track_index((r.track, slug_of(r)) for r in roadmaps)
    by_name = {index.resolve(r.track) or r.track: r for r in roadmaps}
    edges: list[Edge] = []
    unresolved: list[tuple[str, str, int]] = []
    for roadmap in roadmaps:
        found, missing = resolve(
            index.resolve(roadmap.track) or roadmap.track, mentions(roadmap), index
        )
        edges += found
        unresolved += missing
    rollups = tuple(sorted((rollup(r, today, config) for r in roadmaps), key=lambda t: t.track))
    shipped: list[tuple[str, Item]] = []
    flight: list[tuple[str, Item]] = []
    for roadmap in roadmaps:
        month = this_month(roadmap, today)
        shipped += [(roadmap.track, i) for i in month.shipped]
        flight += [(roadmap.track, i) for i in month.in_flight]
    totals = Counter[str]()
    for track in rollups:
        totals.update(track.counts)
        totals[f"health_{track.health.value}"] += 1
    return Portfolio(
        tracks=rollups,
        edges=tuple(edges),
        unresolved=tuple(unresolved),
        cycles=dependency_cycles(edges),
        conflicts=tuple(find_conflicts(edges, by_name)),
        shipped_this_month=tuple(shipped),
        in_flight=tuple(flight),
        today=today,
        totals=dict(sorted(totals.items())),
    )
