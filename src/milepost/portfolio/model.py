"""The portfolio: every track's rollup, the graph between tracks, and conflicts in time.

Pure: roadmaps, the config and ``today`` in; a :class:`Portfolio` out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from milepost.config import Config
from milepost.model import Item, Roadmap
from milepost.portfolio.graph import cycles_and_links, on_cycles
from milepost.portfolio.links import TrackIndex, track_index, track_labels
from milepost.portfolio.month import this_month
from milepost.portfolio.rollup import TrackRollup, rollup
from milepost.portfolio.slugs import slug_path_of
from milepost.readonly import freeze, read_only

__all__ = [
    "Conflict",
    "Edge",
    "Mention",
    "Portfolio",
    "Resolved",
    "build_portfolio",
    "cyclic_pairs",
    "mentions",
    "resolve",
    "track_index",
]

# Blanks from where their run begins, each run taken whole (possessively): from each blank of
# a long run, and each length of it, the search scanned on to the run's end.
_BY = re.compile(
    r"(?i)(?<!\s)\s++(?:by|before|in|for|until)\s++(?=\S*\s*(?:19|20)\d\d|q[1-4]|h[12]|v\d)"
)


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
    """Every track's rollup, the edges between tracks and what they add up to. ``cycles``
    (for each track on a dependency cycle, one cycle through it: ``("A", "B", "A")``) and
    ``totals`` (items by status, tracks by health) are read-only mappings."""

    tracks: tuple[TrackRollup, ...]
    edges: tuple[Edge, ...]
    unresolved: tuple[tuple[str, str, int], ...]  # (track, mention, line)
    cycles: Mapping[str, tuple[str, ...]]
    conflicts: tuple[Conflict, ...]
    shipped_this_month: tuple[tuple[str, Item], ...]
    in_flight: tuple[tuple[str, Item], ...]
    today: date
    totals: Mapping[str, int] = field(default_factory=dict)
    blocked: tuple[tuple[str, Item], ...] = ()  # found as in_flight is
    #: ``(track, mention, line, the tracks it could be)``: a mention that fits namesakes.
    ambiguous: tuple[tuple[str, str, int, tuple[str, ...]], ...] = ()
    #: ``(source, target)`` of every dependency on a cycle, over the whole portfolio: kept
    #: when a view keeps some of its tracks, whose cycles may run through the others.
    cyclic: frozenset[tuple[str, str]] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "cycles", read_only({t: tuple(p) for t, p in self.cycles.items()}))
        freeze(self, "totals")

    def on_cycle(self, edge: Edge) -> bool:
        """Whether ``edge`` is a dependency on a cycle (any cycle, not only the one shown
        through its source track)."""
        return edge.kind == "dependency" and (edge.source, edge.target) in self.cyclic

    def to_dict(self) -> dict[str, Any]:
        slugs = {t.track: t.slug for t in self.tracks}
        return {
            "today": self.today.isoformat(),
            "totals": dict(self.totals),
            "tracks": [t.to_dict() for t in self.tracks],
            "edges": [e.to_dict() for e in self.edges],
            "unresolved": [{"track": t, "mention": m, "line": n} for t, m, n in self.unresolved],
            "ambiguous": [
                {"track": t, "mention": m, "line": n, "could_be": list(could)}
                for t, m, n, could in self.ambiguous
            ],
            "cycles": {track: list(path) for track, path in self.cycles.items()},
            "conflicts": [c.to_dict() for c in self.conflicts],
            "shipped_this_month": [
                {"track": t, "slug": slugs.get(t), "title": i.title}
                for t, i in self.shipped_this_month
            ],
            "in_flight": [
                {
                    "track": t,
                    "slug": slugs.get(t),
                    "title": i.title,
                    "status": i.status.value if i.status else None,
                }
                for t, i in self.in_flight
            ],
            "blocked": [
                {"track": t, "slug": slugs.get(t), "title": i.title} for t, i in self.blocked
            ],
        }


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


@dataclass(frozen=True)
class Resolved:
    """What a track's mentions name: edges to tracks, mentions naming no track, and mentions
    that fit several (``(track, mention, line, the tracks it could be)``)."""

    edges: tuple[Edge, ...]
    unresolved: tuple[tuple[str, str, int], ...]
    ambiguous: tuple[tuple[str, str, int, tuple[str, ...]], ...]


def resolve(me: str, found: tuple[Mention, ...], index: TrackIndex) -> Resolved:
    """The edges from track ``me`` that its mentions name, the mentions naming no track and
    those naming namesakes (neither is picked)."""
    edges: list[Edge] = []
    unresolved: list[tuple[str, str, int]] = []
    ambiguous: list[tuple[str, str, int, tuple[str, ...]]] = []
    for mention in found:
        target = index.resolve(mention.name)
        if target is None:
            namesakes = index.namesakes(mention.name)
            if namesakes:
                ambiguous.append((me, mention.name, mention.line, namesakes))
            elif index.dangles(mention.name, track=mention.explicit):  # as MP601 judges it
                unresolved.append((me, mention.name, mention.line))
        elif target != me:
            edges.append(Edge(me, target, mention.what, mention.when, mention.line, mention.kind))
    return Resolved(tuple(edges), tuple(unresolved), tuple(ambiguous))


def _dependency_graph(edges: Iterable[Edge]) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for edge in edges:
        if edge.kind == "dependency":
            graph.setdefault(edge.source, [])
            if edge.target not in graph[edge.source]:
                graph[edge.source].append(edge.target)
    return graph


def cyclic_pairs(edges: Iterable[Edge]) -> set[tuple[str, str]]:
    """``(source, target)`` of every dependency edge that lies on a cycle."""
    return on_cycles(_dependency_graph(edges))


def build_portfolio(
    roadmaps: list[Roadmap], *, today: date, config: Config, cwd: str | None = None
) -> Portfolio:
    """Roll every track up, resolve references between them, find conflicts in time.
    ``cwd``: the folder the roadmaps' relative paths are relative to, which names a
    ``roadmap.md`` given without one (:func:`~milepost.portfolio.slugs.slug_path`); without
    it, such a track is named by its title."""
    from milepost.portfolio.conflicts import find_conflicts

    pairs = [(r.track, slug_path_of(r, cwd=cwd)) for r in roadmaps]
    paths = [r.path for r in roadmaps]
    # What the portfolio calls each track: its name, or "name (slug)" beside a namesake
    # ("name (folder/slug)" where the namesake's slug is the same).
    labels = track_labels(pairs, paths=paths)
    index = track_index(pairs, paths=paths, labels=labels)
    labelled = list(zip(labels, roadmaps, strict=True))
    by_name: dict[str, Roadmap] = {}
    for label, roadmap in labelled:
        by_name.setdefault(label, roadmap)
    edges: list[Edge] = []
    unresolved: list[tuple[str, str, int]] = []
    ambiguous: list[tuple[str, str, int, tuple[str, ...]]] = []
    for label, roadmap in labelled:
        found = resolve(label, mentions(roadmap), index)
        edges += found.edges
        unresolved += found.unresolved
        ambiguous += found.ambiguous
    rollups = tuple(
        sorted(
            (rollup(r, today, config, label=label, cwd=cwd) for label, r in labelled),
            key=lambda t: t.track,
        )
    )
    shipped: list[tuple[str, Item]] = []
    flight: list[tuple[str, Item]] = []
    blocked: list[tuple[str, Item]] = []
    for label, roadmap in labelled:
        month = this_month(roadmap, today)
        shipped += [(label, i) for i in month.shipped]
        flight += [(label, i) for i in month.in_flight]
        blocked += [(label, i) for i in month.blocked]
    totals = Counter[str]()
    for track in rollups:
        totals.update(track.counts)
        totals[f"health_{track.health.value}"] += 1
    found_cycles, cyclic = cycles_and_links(_dependency_graph(edges))
    return Portfolio(
        tracks=rollups,
        edges=tuple(edges),
        unresolved=tuple(unresolved),
        cycles={track: tuple(path) for track, path in found_cycles.items()},
        conflicts=tuple(find_conflicts(edges, by_name)),
        shipped_this_month=tuple(shipped),
        in_flight=tuple(flight),
        today=today,
        totals=dict(sorted(totals.items())),
        blocked=tuple(blocked),
        cyclic=frozenset(cyclic),
        ambiguous=tuple(ambiguous),
    )
