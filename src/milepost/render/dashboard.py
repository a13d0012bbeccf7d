"""The portfolio at a glance in a terminal (``milepost status``): a row per track, then this
month's shipped items, what is in flight, what is blocked and what needs attention."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group, JustifyMethod, RenderableType
from rich.table import Table
from rich.text import Text

from milepost.portfolio.model import Portfolio
from milepost.portfolio.rollup import TrackRollup
from milepost.render.fit import Fit, Flow, card
from milepost.vocabulary.status import Health

__all__ = ["HEALTH_STYLE", "dashboard"]

HEALTH_STYLE = {
    Health.ON_TRACK: ("🟢", "green"),
    Health.AT_RISK: ("🟡", "yellow"),
    Health.OFF_TRACK: ("🔴", "red"),
}

_COLUMNS: tuple[tuple[str, JustifyMethod], ...] = (
    ("track", "left"),
    ("lead", "left"),
    ("health", "left"),
    ("updated", "right"),
    ("next review", "left"),
    ("✅", "right"),
    ("🚧", "right"),
    ("📋", "right"),
    ("high risks", "right"),
    ("slips", "right"),
)


def _age(track: TrackRollup) -> str:
    """How long ago the track was updated, or that its date lies in the future."""
    if track.age_days is None:
        return "?"
    if track.future:
        return f"{-track.age_days}d in future"
    return f"{track.age_days}d ago"


def dashboard(portfolio: Portfolio) -> RenderableType:
    """One row per track (a card per track where the table is wider than the terminal), then
    this month's shipped items, what is in flight and what is blocked."""
    parts: list[RenderableType] = [Fit(_table(portfolio), _cards(portfolio))]
    attention = [t for t in portfolio.tracks if t.health is not Health.ON_TRACK]
    if attention:
        parts.append(Text("\nNeeds attention", style="bold"))
        parts += [
            Text(f"  {HEALTH_STYLE[t.health][0]} {t.track}: {t.health_reason}") for t in attention
        ]
    parts.append(Text(f"\nShipped this month ({len(portfolio.shipped_this_month)})", style="bold"))
    parts += [Text(f"  ✅ {track}: {item.title}") for track, item in portfolio.shipped_this_month]
    parts.append(Text(f"\nIn flight ({len(portfolio.in_flight)})", style="bold"))
    parts += [Text(f"  🚧 {track}: {item.title}") for track, item in portfolio.in_flight]
    if portfolio.blocked:
        parts.append(Text(f"\nBlocked ({len(portfolio.blocked)})", style="bold"))
        parts += [Text(f"  ⛔ {track}: {item.title}") for track, item in portfolio.blocked]
    if portfolio.conflicts:
        parts.append(Text(f"\nConflicts in time ({len(portfolio.conflicts)})", style="bold red"))
        for c in portfolio.conflicts:
            match = f" — matched {c.matched}" if c.matched else ""
            parts.append(
                Text(
                    f"  ⚠ {c.edge.source} needs '{c.edge.what}' from "
                    f"{c.edge.target} by {c.edge.when}: {c.problem}{match}"
                )
            )
    if portfolio.unresolved:
        parts.append(Text("\nUnresolved references", style="bold"))
        parts += [Text(f"  ? {t} line {n}: '{m}'") for t, m, n in portfolio.unresolved]
    if portfolio.ambiguous:
        parts.append(Text("\nAmbiguous references", style="bold"))
        parts += [
            Text(f"  ? {t} line {n}: '{m}' could be {' or '.join(could)}")
            for t, m, n, could in portfolio.ambiguous
        ]
    cycles = _distinct(portfolio.cycles.values())
    if cycles:
        parts.append(Text(f"\nDependency cycles ({len(cycles)})", style="bold red"))
        parts += [Text(f"  ↻ {' → '.join(cycle)}") for cycle in cycles]
    return Group(*parts)


def _distinct(cycles: Iterable[Sequence[str]]) -> list[list[str]]:
    """Each cycle once (every track on one has it, from itself: A → B → A, B → A → B), from
    its first track by name."""
    seen: dict[tuple[str, ...], list[str]] = {}
    for path in cycles:
        ring = path[:-1]
        if ring:
            start = ring.index(min(ring))
            turned = (*ring[start:], *ring[:start])
            seen.setdefault(turned, [*turned, turned[0]])
    return list(seen.values())


def _table(portfolio: Portfolio) -> Table:
    table = Table(title=f"Portfolio on {portfolio.today}", title_justify="left")
    for name, justify in _COLUMNS:
        table.add_column(name, justify=justify, no_wrap=True)
    for track in portfolio.tracks:
        glyph, colour = HEALTH_STYLE[track.health]
        updated = _age(track)
        review = _review(track)
        table.add_row(
            track.track,
            track.lead or "",
            Text(f"{glyph} {track.health.value.replace('_', ' ')}", style=colour),
            updated,
            review,
            str(track.counts.get("done", 0)),
            str(track.counts.get("in_progress", 0)),
            str(track.counts.get("planned", 0)),
            f"{track.high_risks}"
            + (
                f" ({track.unmitigated_high_risks} unmitigated)"
                if track.unmitigated_high_risks
                else ""
            ),
            str(len(track.slipped)),
        )
    return table


def _review(track: TrackRollup) -> str:
    review = track.roadmap.meta.next_review
    overdue = f" (overdue {track.review_overdue_days}d)" if track.review_overdue_days else ""
    return f"{review}{overdue}" if review else "none"


def _high_risks(track: TrackRollup) -> str:
    unmitigated = track.unmitigated_high_risks
    return f"{track.high_risks}" + (f" ({unmitigated} unmitigated)" if unmitigated else "")


def _cards(portfolio: Portfolio) -> Group:
    """The table's rows as cards of three short lines, for a narrow terminal: a phone, a
    split pane (the table's columns, squeezed, lost their numbers)."""
    lines: list[RenderableType] = [Text(f"Portfolio on {portfolio.today}", style="italic")]
    for track in portfolio.tracks:
        glyph, colour = HEALTH_STYLE[track.health]
        head = Text.assemble(
            f"{glyph} ",
            (track.track, "bold"),
            " · ",
            (track.health.value.replace("_", " "), colour),
        )
        said = [f"lead {track.lead}"] if track.lead else []
        said += [f"updated {_age(track)}", f"next review {_review(track)}"]
        counts = "  ".join(
            f"{glyph} {track.counts.get(key, 0)}"
            for glyph, key in (("✅", "done"), ("🚧", "in_progress"), ("📋", "planned"))
        )
        figures = [counts, f"high risks {_high_risks(track)}", f"slips {len(track.slipped)}"]
        lines += [
            Text(""),
            card(head, *(Flow([Text(x) for x in line], sep=" · ") for line in (said, figures))),
        ]
    return Group(*lines)
