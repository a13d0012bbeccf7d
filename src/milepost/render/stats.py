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


def _metric_changes(per_track: Sequence[Stats]) -> list[tuple[str, str, list[list[str]]]]:
    """The metrics that moved: (track, metric, [[day, "baseline → target, now current"]])."""
    changes = []
    for stats in per_track:
        for name, points in stats.metrics.items():
            if len(points) < 2:
                continue
            values = []
            for point in points:
                value = f"{point.baseline or '—'} → {point.target or '—'}"
                if point.current:
                    value += f", now {point.current}"
                values.append([str(point.when), value])
            changes.append((stats.track, name, values))
    return changes


def _metric_rows(per_track: Sequence[Stats]) -> list[list[str]]:
    """The metrics that moved as a table's rows: track, metric, day, value; the track and
    the metric on the first of theirs only."""
    rows = []
    for track, name, values in _metric_changes(per_track):
        for index, value in enumerate(values):
            first = index == 0
            rows.append([track if first else "", name if first else "", *value])
    return rows


def stats_table(per_track: Sequence[Stats], total: Stats) -> RenderableType:
    """One row per track and the overall row: shipments, cycle times, slips, staleness (a
    card each on a terminal too narrow for the table)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from milepost.render.fit import Fit

    rows = _stats_rows(per_track, total)
    table = Table(box=None, pad_edge=False)
    for name, align in _STATS_COLUMNS:
        table.add_column(name, justify="left" if align == "<" else "right")
    for index, cells in enumerate(rows):
        table.add_row(*(Text(c) for c in cells), style="bold" if index == len(rows) - 1 else None)
    months = Table(box=None, pad_edge=False)
    months.add_column("shipped in")
    months.add_column("items", justify="right")
    for month, count in total.shipped.items():
        months.add_row(Text(month), Text(str(count)))
    parts: list[RenderableType] = [Fit(table, _cards(rows)), Text(_STATS_LEGEND, style="dim")]
    if total.shipped:
        parts += [Text(""), months]  # the months, oldest first
    if moved := _metric_rows(per_track):
        metrics = Table(box=None, pad_edge=False)
        for name in ("metric changes", "", "day", "baseline → target"):
            metrics.add_column(name)
        for row in moved:
            metrics.add_row(*(Text(c) for c in row))
        parts += [Text(""), Fit(metrics, _metric_cards(per_track))]
    return Group(*parts)


# What each line of a track's card holds: the table's columns by their index.
_CARD_LINES = ((1, 2, 9), (3, 4, 5), (6, 7, 8))


def _cards(rows: Sequence[Sequence[str]]) -> RenderableType:
    """The table's rows as cards, each figure named by its column, for a narrow terminal
    (squeezed, the table's columns cut their figures short)."""
    from rich.console import Group
    from rich.text import Text

    from milepost.render.fit import Flow, card

    cards: list[RenderableType] = []
    for cells in rows:
        lines = (
            Flow([Text(f"{_STATS_COLUMNS[c][0]} {cells[c]}") for c in columns], sep=" · ")
            for columns in _CARD_LINES
        )
        cards += [card(Text(cells[0], style="bold"), *lines), Text("")]
    return Group(*cards)


def _metric_cards(per_track: Sequence[Stats]) -> RenderableType:
    """The metrics that moved, a card each: the track and the metric, then a line a day."""
    from rich.console import Group
    from rich.text import Text

    from milepost.render.fit import card

    cards: list[RenderableType] = [Text("metric changes", style="bold")]
    for track, name, values in _metric_changes(per_track):
        head = Text.assemble((track, "bold"), f" · {name}")
        cards.append(card(head, *(Text("  ".join(value)) for value in values)))
    return Group(*cards)


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
