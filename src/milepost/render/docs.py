"""Roadmaps inside a docs site: what each directive shows, as a small tree of neutral blocks.

Pure: a :class:`Portfolio` (and ``today``) in, blocks out. The Sphinx extension turns the
blocks into docutils nodes and the Markdown extension into HTML elements, so both tools show
the same thing and every theme styles it (tables, lists, paragraphs); only the dependency
graph is raw markup (the site's inline SVG), with its edges also written out as a list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from milepost.errors import UsageError
from milepost.model import RISK_LEVELS, Item, Metric, risk_level
from milepost.portfolio.model import Portfolio, TrackRollup
from milepost.render.site.filters import safe_url
from milepost.vocabulary.status import Health, Status
from milepost.vocabulary.titles import title_key

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "KINDS",
    "Block",
    "Box",
    "Bullets",
    "Cell",
    "Inline",
    "Link",
    "Mermaid",
    "Para",
    "Rubric",
    "Svg",
    "Table",
    "Text",
    "TrackLink",
    "focus_view",
    "graph_view",
    "month_counts",
    "only_tracks",
    "parse_columns",
    "parse_names",
    "portfolio_view",
    "risks_view",
    "track_view",
]

#: The directive kinds, as the Markdown fence names them (``milepost-<kind>`` in Sphinx).
KINDS = ("portfolio", "focus", "risks", "graph", "track")


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    strong: bool = False
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TrackLink:
    """A track's name, linked to the track's page where its roadmap is part of the docs."""

    text: str
    path: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """An outside link; ``url`` has passed :func:`safe_url`."""

    text: str
    url: str


Inline = Text | TrackLink | Link


@dataclass(frozen=True, slots=True)
class Cell:
    parts: tuple[Inline, ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Para:
    parts: tuple[Inline, ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rubric:
    """A small heading that does not enter the page's table of contents."""

    text: str


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[tuple[Inline, ...], ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Svg:
    """Markup made by :func:`milepost.render.site.graph_svg` (every text in it escaped)."""

    markup: str


@dataclass(frozen=True, slots=True)
class Mermaid:
    source: str


@dataclass(frozen=True, slots=True)
class Box:
    classes: tuple[str, ...]
    children: tuple[Block, ...]


Block = Para | Rubric | Bullets | Table | Svg | Mermaid | Box

HEALTH = {
    Health.ON_TRACK: "🟢 on track",
    Health.AT_RISK: "🟡 at risk",
    Health.OFF_TRACK: "🔴 off track",
}


def _link(track: TrackRollup) -> TrackLink:
    return TrackLink(track.track, track.roadmap.path)


def _focus_now(track: TrackRollup, today: date) -> list[Item]:
    """The Current Focus items of the period that holds ``today`` (and those under no period)."""
    focus = track.roadmap.focus
    if focus is None:
        return []
    items = list(focus.items)
    for period in focus.periods:
        if period.period is not None and period.period.contains(today):
            items += period.items
    return items


def month_counts(track: TrackRollup, today: date) -> dict[Status, int]:
    """This month's items by status: the focus period that holds today, and the Completed
    Milestones of this month (an item in both counts once)."""
    seen: set[str] = set()
    counts: Counter[Status] = Counter()
    month = (today.year, today.month)
    shipped = [
        item
        for group in track.roadmap.milestones
        if group.period is not None
        and group.period.start is not None
        and (group.period.start.year, group.period.start.month) == month
        for item in group.items
    ]
    for item in [*_focus_now(track, today), *shipped]:
        key = title_key(item.title)
        if item.status is None or key in seen:
            continue
        seen.add(key)
        counts[item.status] += 1
    return dict(counts)


def _staleness(track: TrackRollup, stale_after_days: int) -> str:
    parts = []
    if track.age_days is None:
        parts.append("no last-updated date")
    elif track.age_days > stale_after_days:
        parts.append(f"stale ({track.age_days} days)")
    if track.review_overdue_days:
        parts.append(f"review overdue {track.review_overdue_days} days")
    return "; ".join(parts) or "fresh"


_Column = Callable[[TrackRollup, date, int], Cell]
_REASON = ("milepost-reason",)


def _count(status: Status) -> _Column:
    return lambda t, today, _stale: Cell((Text(str(month_counts(t, today).get(status, 0))),))


def _health(t: TrackRollup, _today: date, _stale: int) -> Cell:
    return Cell(
        (Text(HEALTH[t.health], strong=True), Text(f" — {t.health_reason}", classes=_REASON)),
        (f"milepost-{t.health.value.replace('_', '-')}",),
    )


#: Column name → (header, cell).
COLUMNS: dict[str, tuple[str, _Column]] = {
    "track": ("Track", lambda t, _d, _s: Cell((_link(t),))),
    "lead": ("Lead", lambda t, _d, _s: Cell((Text(t.lead or "—"),))),
    "health": ("Health", _health),
    "done": ("✅ Done", _count(Status.DONE)),
    "in-progress": ("🚧 In progress", _count(Status.IN_PROGRESS)),
    "planned": ("📋 Planned", _count(Status.PLANNED)),
    "updated": (
        "Last updated",
        lambda t, _d, _s: Cell((Text(str(t.roadmap.meta.last_updated or "—")),)),
    ),
    "review": (
        "Next review",
        lambda t, _d, _s: Cell((Text(str(t.roadmap.meta.next_review or "—")),)),
    ),
    "staleness": ("Staleness", lambda t, _d, stale: Cell((Text(_staleness(t, stale)),))),
    "risks": ("High risks", lambda t, _d, _s: Cell((Text(str(t.high_risks)),))),
    "slips": ("Slips", lambda t, _d, _s: Cell((Text(str(len(t.slipped))),))),
}
DEFAULT_COLUMNS = (
    "track",
    "lead",
    "health",
    "done",
    "in-progress",
    "planned",
    "updated",
    "review",
    "staleness",
)


def parse_names(text: str | None) -> tuple[str, ...]:
    """A comma- (or space-) separated option value as names."""
    return tuple(n for n in re.split(r"[,\s]+", text or "") if n)


def parse_columns(text: str | None) -> tuple[str, ...]:
    """The ``columns`` option: known column names, in the order given (default: all common)."""
    names = tuple(n.lower().replace("_", "-") for n in parse_names(text)) or DEFAULT_COLUMNS
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        raise UsageError(
            f"unknown column {unknown[0]!r}", hint="known: " + ", ".join(sorted(COLUMNS))
        )
    return names


def only_tracks(portfolio: Portfolio, names: tuple[str, ...]) -> Portfolio:
    """The portfolio with only the tracks named (by slug or name, any case); all when empty."""
    if not names:
        return portfolio
    wanted = {n.lower() for n in names}
    kept = tuple(
        t for t in portfolio.tracks if t.slug.lower() in wanted or t.track.lower() in wanted
    )
    found = {t.slug.lower() for t in kept} | {t.track.lower() for t in kept}
    missing = sorted(wanted - found)
    if missing:
        raise UsageError(
            f"no track {missing[0]!r} in the portfolio",
            hint="known: " + ", ".join(t.slug for t in portfolio.tracks),
        )
    keep = {t.track for t in kept}
    return replace(
        portfolio,
        tracks=kept,
        edges=tuple(e for e in portfolio.edges if e.source in keep or e.target in keep),
        conflicts=tuple(
            c for c in portfolio.conflicts if c.edge.source in keep or c.edge.target in keep
        ),
        shipped_this_month=tuple(p for p in portfolio.shipped_this_month if p[0] in keep),
        in_flight=tuple(p for p in portfolio.in_flight if p[0] in keep),
        unresolved=tuple(u for u in portfolio.unresolved if u[0] in keep),
    )


def _box(kind: str, *children: Block) -> list[Block]:
    return [Box(("milepost", f"milepost-{kind}"), children)]


def portfolio_view(
    portfolio: Portfolio, *, columns: tuple[str, ...] = DEFAULT_COLUMNS, stale_after_days: int = 30
) -> list[Block]:
    """The tracks table: one row per track, the columns asked for."""
    if not portfolio.tracks:
        return _box("portfolio", Para((Text("No roadmaps found."),)))
    header = tuple(COLUMNS[c][0] for c in columns)
    rows = tuple(
        tuple(COLUMNS[c][1](t, portfolio.today, stale_after_days) for c in columns)
        for t in portfolio.tracks
    )
    return _box("portfolio", Table(header, rows))


def _item(track: str, item: Item) -> tuple[Inline, ...]:
    parts: list[Inline] = [Text(f"{track}: ", strong=True), Text(item.title)]
    if item.owners:
        parts.append(Text(" " + " ".join(item.owners), classes=("milepost-owner",)))
    numbers = {r[1:] for r in item.refs if r.startswith("#")}
    for ref in item.refs:
        last = ref.rstrip("/").rsplit("/", 1)[-1]
        if ref.startswith("#"):
            parts.append(Text(f" {ref}"))
        elif last not in numbers and safe_url(ref) != "#":  # a URL not also written as #N
            parts += [Text(" "), Link(f"#{last}" if last.isdigit() else ref, ref)]
    return tuple(parts)


def _list(title: str, entries: list[tuple[str, Item]], empty: str, kind: str) -> list[Block]:
    blocks: list[Block] = [Rubric(f"{title} ({len(entries)})")]
    if entries:
        blocks.append(Bullets(tuple(_item(t, i) for t, i in entries), (f"milepost-{kind}",)))
    else:
        blocks.append(Para((Text(empty),)))
    return blocks


def focus_view(portfolio: Portfolio) -> list[Block]:
    """This month across tracks: shipped, in progress, and what slipped past its period."""
    slipped = [(t.track, i) for t in portfolio.tracks for i in t.slipped]
    return _box(
        "focus",
        *_list("✅ Shipped this month", list(portfolio.shipped_this_month), "Nothing yet.", "done"),
        *_list("🚧 In progress", list(portfolio.in_flight), "Nothing in progress.", "in-progress"),
        *_list("⏰ Slipped", slipped, "Nothing slipped.", "slipped"),
    )


def risks_view(portfolio: Portfolio) -> list[Block]:
    """The likelihood x impact matrix (risk numbers in the cells), then every risk."""
    risks = [(t, r) for t in portfolio.tracks for r in t.roadmap.risks]
    if not risks:
        return _box("risks", Para((Text("No risks recorded."),)))
    cells: dict[tuple[str, str], list[str]] = {}
    for number, (_track, risk) in enumerate(risks, start=1):
        like, impact = risk_level(risk.likelihood), risk_level(risk.impact)
        if like and impact:
            cells.setdefault((like, impact), []).append(f"R{number}")
    matrix = tuple(
        (
            Cell((Text(f"{like} likelihood", strong=True),)),
            *(
                Cell(
                    (Text(", ".join(cells.get((like, impact), [])) or "·"),),
                    (f"milepost-heat-{4 - RISK_LEVELS.index(like) - RISK_LEVELS.index(impact)}",),
                )
                for impact in RISK_LEVELS
            ),
        )
        for like in RISK_LEVELS
    )
    header = ("", *(f"{impact} impact" for impact in RISK_LEVELS))
    rows = tuple(
        (
            Cell((Text(f"R{n}"),)),
            Cell((_link(t),)),
            Cell(
                (Text(r.name, strong=True), Text(f" — {r.description}"))
                if r.name and r.description and r.description != r.name
                else (Text(r.name or r.description),)
            ),
            Cell((Text(r.likelihood or "—"),)),
            Cell((Text(r.impact or "—"),)),
            Cell((Text(t.lead or "—"),)),
            Cell(
                (Text(r.mitigation),) if r.mitigation else (Text("none", strong=True),),
                () if r.mitigation else ("milepost-unmitigated",),
            ),
        )
        for n, (t, r) in enumerate(risks, start=1)
    )
    return _box(
        "risks",
        Table(header, matrix, ("milepost-matrix",)),
        Table(("#", "Track", "Risk", "Likelihood", "Impact", "Owner", "Mitigation"), rows),
    )


_CYCLE = (Text(" (on a cycle)", classes=("milepost-cycle",)),)


def graph_view(portfolio: Portfolio, *, mermaid: bool = False) -> list[Block]:
    """The dependency graph (SVG, or Mermaid), its edges as a list, conflicts highlighted."""
    from milepost.render.portfolio import mermaid as mermaid_source
    from milepost.render.site import graph_svg

    if not portfolio.tracks:
        return _box("graph", Para((Text("No roadmaps found."),)))
    picture: Block = (
        Mermaid(mermaid_source(portfolio)) if mermaid else Svg(str(graph_svg(portfolio)))
    )
    edges = [e for e in portfolio.edges if e.kind == "dependency"]
    lines = tuple(
        (
            Text(e.source, strong=True),
            Text(f" needs {e.what}" + (f" by {e.when}" if e.when else "") + " from "),
            Text(e.target, strong=True),
            *(
                (Text(" (on a cycle)", classes=("milepost-cycle",)),)
                if portfolio.on_cycle(e)
                else ()
            ),
        )
        for e in edges
    )
    blocks: list[Block] = [picture, Rubric(f"Dependencies ({len(edges)})")]
    blocks.append(Bullets(lines) if lines else Para((Text("No dependencies between tracks."),)))
    if portfolio.conflicts:
        blocks.append(Rubric(f"⚠ Conflicts in time ({len(portfolio.conflicts)})"))
        blocks.append(
            Bullets(
                tuple(
                    (
                        Text(f"{c.edge.source} needs {c.edge.what} from {c.edge.target}", True),
                        Text(f" by {c.edge.when}: {c.problem}"),
                        *((Text(f" (matched {c.matched})"),) if c.matched else ()),
                    )
                    for c in portfolio.conflicts
                ),
                ("milepost-conflicts",),
            )
        )
    return _box("graph", *blocks)


_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def _number(text: str | None) -> float | None:
    match = _NUMBER.search(text or "")
    return float(match.group().replace(",", "")) if match else None


def metric_progress(metric: Metric) -> float | None:
    """How far ``current`` has come from ``baseline`` to ``target`` (0-1), where all are numbers."""
    base, target, now = _number(metric.baseline), _number(metric.target), _number(metric.current)
    if base is None or target is None or now is None or target == base:
        return None
    return max(0.0, min(1.0, (now - base) / (target - base)))


def track_view(track: TrackRollup, today: date) -> list[Block]:
    """One track's card: health, dates, this month's focus, goals, metrics progress."""
    meta = track.roadmap.meta
    blocks: list[Block] = [
        Para((_link(track),), ("milepost-title",)),
        Para(
            (Text(HEALTH[track.health], strong=True), Text(f" — {track.health_reason}")),
            (f"milepost-{track.health.value.replace('_', '-')}",),
        ),
        Para(
            (
                Text(f"Lead {track.lead or '—'} · last updated {meta.last_updated or '—'}"),
                Text(f" · next review {meta.next_review or '—'}"),
            )
        ),
    ]
    focus = track.roadmap.focus
    if focus is not None:
        blocks.append(Rubric("Current focus"))
        if focus.theme:
            blocks.append(Para((Text(focus.theme),)))
        now = _focus_now(track, today)
        entries = tuple(
            (Text(f"{i.status.emoji} " if i.status else "· "), *_item(track.track, i)[1:])
            for i in now
        )
        if entries:
            blocks.append(Bullets(entries))
    goals = [(g.heading, goal) for g in track.roadmap.goals for goal in g.goals]
    if goals:
        blocks.append(Rubric("Goals"))
        blocks.append(
            Bullets(
                tuple(
                    (
                        Text(goal.name, strong=True),
                        Text(f" ({heading})"),
                        *((Text(f" — {goal.success_criteria}"),) if goal.success_criteria else ()),
                    )
                    for heading, goal in goals
                )
            )
        )
    if track.roadmap.metrics:
        rows = []
        for m in track.roadmap.metrics:
            share = metric_progress(m)
            rows.append(
                (
                    Cell((Text(m.name),)),
                    Cell((Text(m.baseline or "—"),)),
                    Cell((Text(m.current or "—"),)),
                    Cell((Text(m.target or "—"),)),
                    Cell((Text(f"{share:.0%}" if share is not None else "—"),)),
                )
            )
        blocks.append(Rubric("Success metrics"))
        blocks.append(Table(("Metric", "Baseline", "Current", "Target", "Progress"), tuple(rows)))
    return _box("track", *blocks)
