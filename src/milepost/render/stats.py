"""The figures of ``stats`` for people: a terminal table, or plain aligned text for pipes.

rich is imported by the function that draws with it: plain output starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from milepost.history.stats import Durations, Stats

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["days_text", "stats_plain", "stats_table"]


def days_text(d: Durations) -> str:
    """ "median / p90 d (count)", or "—" without samples."""
    if not d.count:
        return "—"
    median = d.median
    shown = f"{median:g}" if median is not None else "—"
    return f"{shown} / {d.p90} d ({d.count})"


_STATS_COLUMNS = (
    ("track", "<"),
    ("versions", ">"),
    ("shipped", ">"),
    ("planned→started", ">"),
    ("started→done", ">"),
    ("planned→done", ">"),
    ("slip rate", ">"),
    ("slips", ">"),
    ("update gap", ">"),
    ("last update", ">"),
)
_STATS_LEGEND = (
    "durations: median / p90 days (sample size); slip rate: items not done by the end of "
    "their first dated period"
)


def _stats_rows(per_track: Sequence[Stats], total: Stats) -> list[list[str]]:
    rows = []
    for row in (*per_track, total):
        rate = f"{row.slip_rate:.0%} ({row.slipped}/{row.judged})" if row.judged else "—"
        age = f"{row.days_since_update} d ago" if row.days_since_update is not None else "—"
        rows.append(
            [
                row.track,
                str(row.versions),
                str(row.shipped_total),
                days_text(row.planned_to_started),
                days_text(row.started_to_done),
                days_text(row.planned_to_done),
                rate,
                str(row.slips),
                days_text(row.gaps),
                age,
            ]
        )
    return rows


def _metric_rows(per_track: Sequence[Stats]) -> list[list[str]]:
    """The metrics that moved: track, metric, day, "baseline → target, now current"."""
    rows = []
    for stats in per_track:
        for name, points in stats.metrics.items():
            if len(points) < 2:
                continue
            for index, point in enumerate(points):
                value = f"{point.baseline or '—'} → {point.target or '—'}"
                if point.current:
                    value += f", now {point.current}"
                first = index == 0
                rows.append(
                    [stats.track if first else "", name if first else "", str(point.when), value]
                )
    return rows


def stats_table(per_track: Sequence[Stats], total: Stats) -> RenderableType:
    """One row per track and the overall row: shipments, cycle times, slips, staleness."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False)
    for name, align in _STATS_COLUMNS:
        table.add_column(name, justify="left" if align == "<" else "right")
    rows = _stats_rows(per_track, total)
    for index, cells in enumerate(rows):
        table.add_row(*(Text(c) for c in cells), style="bold" if index == len(rows) - 1 else None)
    months = Table(box=None, pad_edge=False)
    months.add_column("shipped in")
    months.add_column("items", justify="right")
    for month, count in total.shipped.items():
        months.add_row(Text(month), Text(str(count)))
    parts: list[RenderableType] = [table, Text(_STATS_LEGEND, style="dim")]
    if total.shipped:
        parts += [Text(""), months]  # the months, oldest first
    if moved := _metric_rows(per_track):
        metrics = Table(box=None, pad_edge=False)
        for name in ("metric changes", "", "day", "baseline → target"):
            metrics.add_column(name)
        for row in moved:
            metrics.add_row(*(Text(c) for c in row))
        parts += [Text(""), metrics]
    return Group(*parts)


def stats_plain(per_track: Sequence[Stats], total: Stats) -> str:
    """The same as :func:`stats_table` as plain aligned text, for pipes and logs (a few
    milliseconds where the terminal table takes a few hundred for a large portfolio)."""
    rows = [[name for name, _ in _STATS_COLUMNS], *_stats_rows(per_track, total)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_STATS_COLUMNS))]
    lines = [
        "  ".join(
            f"{cell:{align}{width}}"
            for cell, (_, align), width in zip(row, _STATS_COLUMNS, widths, strict=True)
        ).rstrip()
        for row in rows
    ]
    lines.append(_STATS_LEGEND)
    if total.shipped:
        lines += ["", "shipped in  items"]
        lines += [f"{month:<10}  {count:>5}" for month, count in total.shipped.items()]
    if moved := _metric_rows(per_track):
        moved.insert(0, ["metric changes", "", "day", "baseline → target"])
        widths = [max(len(r[i]) for r in moved) for i in range(4)]
        lines.append("")
        lines += [
            "  ".join(f"{c:<{w}}" for c, w in zip(row, widths, strict=True)).rstrip()
            for row in moved
        ]
    return "\n".join(lines) + "\n"
