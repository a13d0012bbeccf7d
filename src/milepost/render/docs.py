"""Roadmaps inside a docs site: what the portfolio and focus directives show, as neutral blocks
(:mod:`milepost.render.blocks`; the other directives are in :mod:`milepost.render.cards`).

Pure: a :class:`Portfolio` (and ``today``) in, blocks out. The Sphinx extension turns the
blocks into docutils nodes and the Markdown extension into HTML elements, so both tools show
the same thing and every theme styles it (tables, lists, paragraphs); only the dependency
graph is raw markup (the site's inline SVG), with its edges also written out as a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from milepost.errors import UsageError
from milepost.model import Item
from milepost.portfolio.freshness import days
from milepost.portfolio.model import Portfolio
from milepost.portfolio.month import this_month
from milepost.portfolio.rollup import TrackRollup
from milepost.render.blocks import (
    Block,
    Box,
    Bullets,
    Cell,
    Inline,
    Link,
    Para,
    Rubric,
    Table,
    Text,
    TrackLink,
)
from milepost.render.refs import shown_refs
from milepost.render.site.filters import safe_url
from milepost.vocabulary.status import Health, Status

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "HEALTH",
    "box",
    "focus_now",
    "focus_view",
    "item_parts",
    "month_counts",
    "only_tracks",
    "parse_columns",
    "parse_names",
    "parse_tracks",
    "portfolio_view",
    "track_link",
    "with_neighbours",
]

HEALTH = {
    Health.ON_TRACK: "🟢 on track",
    Health.AT_RISK: "🟡 at risk",
    Health.OFF_TRACK: "🔴 off track",
}


def track_link(track: TrackRollup) -> TrackLink:
    return TrackLink(track.track, track.roadmap.path)


def focus_now(track: TrackRollup, today: date) -> list[Item]:
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
    """This month's done / in progress / planned counts: the items ``milepost status`` lists
    as shipped this month and in flight (:func:`~milepost.portfolio.model.this_month`), so
    the portfolio table and the focus list agree."""
    return this_month(track.roadmap, today).counts()


def _staleness(track: TrackRollup, stale_after_days: int) -> str:
    parts = []
    if track.age_days is None:
        parts.append("no last-updated date")
    elif track.future:
        parts.append("last-updated date in the future")
    elif track.age_days > stale_after_days:
        parts.append(f"stale ({track.age_days} days)")
    if track.review_overdue_days:
        parts.append(f"review overdue {days(track.review_overdue_days)}")
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
    "track": ("Track", lambda t, _d, _s: Cell((track_link(t),))),
    "lead": ("Lead", lambda t, _d, _s: Cell((Text(t.lead or "—"),))),
    "health": ("Health", _health),
    "done": ("✅ Done this month", _count(Status.DONE)),
    "in-progress": ("🚧 In flight", _count(Status.IN_PROGRESS)),
    "planned": ("📋 Planned this month", _count(Status.PLANNED)),
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


def parse_tracks(text: str | None) -> tuple[str, ...]:
    """The ``tracks`` option: comma-separated slugs or names (a name may hold spaces, "Tool
    Use"); see :func:`only_tracks` for a piece that is several slugs separated by spaces."""
    return tuple(n for n in (p.strip() for p in (text or "").split(",")) if n)


def only_tracks(portfolio: Portfolio, names: tuple[str, ...]) -> Portfolio:
    """The portfolio with only the tracks named (by slug or name, any case); all when empty.
    A name that is no track's but whose words each are (``memory tool-use``) names those."""
    if not names:
        return portfolio
    known = {t.slug.lower() for t in portfolio.tracks} | {t.track.lower() for t in portfolio.tracks}
    wanted: set[str] = set()
    for name in (n.lower() for n in names):
        words = name.split()
        if name in known or len(words) < 2 or any(w not in known for w in words):
            wanted.add(" ".join(words))
        else:
            wanted.update(words)
    # By slug, name, or the portfolio's name for it ("Memory (memory)" beside a namesake).
    kept = tuple(t for t in portfolio.tracks if wanted & _names(t))
    found = {name for t in kept for name in _names(t)}
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
        blocked=tuple(p for p in portfolio.blocked if p[0] in keep),
        unresolved=tuple(u for u in portfolio.unresolved if u[0] in keep),
        ambiguous=tuple(u for u in portfolio.ambiguous if u[0] in keep),
    )


def _names(track: TrackRollup) -> set[str]:
    return {track.slug.lower(), track.track.lower(), track.roadmap.track.lower()}


def with_neighbours(whole: Portfolio, part: Portfolio) -> Portfolio:
    """``part`` (some tracks of ``whole``, as :func:`only_tracks` keeps them) with the tracks
    at the other end of its edges added, in ``whole``'s order: a drawing of its dependencies
    needs both ends of each."""
    ends = {e.source for e in part.edges} | {e.target for e in part.edges}
    kept = {id(t) for t in part.tracks}
    tracks = tuple(t for t in whole.tracks if id(t) in kept or t.track in ends)
    return replace(part, tracks=tracks)


def box(kind: str, *children: Block) -> list[Block]:
    return [Box(("milepost", f"milepost-{kind}"), children)]


def portfolio_view(
    portfolio: Portfolio, *, columns: tuple[str, ...] = DEFAULT_COLUMNS, stale_after_days: int = 30
) -> list[Block]:
    """The tracks table: one row per track, the columns asked for."""
    if not portfolio.tracks:
        return box("portfolio", Para((Text("No roadmaps found."),)))
    header = tuple(COLUMNS[c][0] for c in columns)
    rows = tuple(
        tuple(COLUMNS[c][1](t, portfolio.today, stale_after_days) for c in columns)
        for t in portfolio.tracks
    )
    return box("portfolio", Table(header, rows))


def item_parts(track: str, item: Item) -> tuple[Inline, ...]:
    parts: list[Inline] = [Text(f"{track}: ", strong=True), Text(item.title)]
    if item.owners:
        parts.append(Text(" " + " ".join(item.owners), classes=("milepost-owner",)))
    for ref in shown_refs(item):
        if ref.url is None:
            parts.append(Text(f" {ref.label}"))
        elif safe_url(ref.url) != "#":
            parts += [Text(" "), Link(ref.label, ref.url)]
    return tuple(parts)


def _list(title: str, entries: list[tuple[str, Item]], empty: str, kind: str) -> list[Block]:
    blocks: list[Block] = [Rubric(f"{title} ({len(entries)})")]
    if entries:
        blocks.append(Bullets(tuple(item_parts(t, i) for t, i in entries), (f"milepost-{kind}",)))
    else:
        blocks.append(Para((Text(empty),)))
    return blocks


def focus_view(portfolio: Portfolio) -> list[Block]:
    """This month across tracks: shipped, in progress, blocked (when any), and what slipped
    past its period."""
    slipped = [(t.track, i) for t in portfolio.tracks for i in t.slipped]
    blocked = list(portfolio.blocked)
    return box(
        "focus",
        *_list("✅ Shipped this month", list(portfolio.shipped_this_month), "Nothing yet.", "done"),
        *_list("🚧 In progress", list(portfolio.in_flight), "Nothing in progress.", "in-progress"),
        *(_list("⛔ Blocked", blocked, "", "blocked") if blocked else ()),
        *_list("⏰ Slipped", slipped, "Nothing slipped.", "slipped"),
    )
