"""The site's History page: what git history says about delivery (see docs/history.md).

Pure: the statistics come in (``milepost.history.stats``), one page of HTML goes out, with
the shipments per month as an inline SVG bar chart. Every roadmap string is escaped by the
template (autoescape) or here (``escape``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from markupsafe import Markup, escape

from milepost.history.stats import Stats
from milepost.render.stats import days_text

__all__ = ["history_context", "shipped_svg"]

_BAR, _GAP, _HEIGHT, _TOP, _BOTTOM = 28, 10, 120, 18, 34


def shipped_svg(shipped: dict[str, int]) -> Markup:
    """Items shipped per month as bars, labelled with the count and the month."""
    if not shipped:
        return Markup("")
    months = sorted(shipped)
    peak = max(shipped.values()) or 1
    width = len(months) * (_BAR + _GAP) + _GAP
    total = _TOP + _HEIGHT + _BOTTOM
    label = "; ".join(f"{m}: {shipped[m]}" for m in months)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {total}" width="{width}" '
        f'height="{total}" aria-label="Items shipped per month: {escape(label)}">',
        "<title>Items shipped per month</title>",
    ]
    for index, month in enumerate(months):
        count = shipped[month]
        tall = round(_HEIGHT * count / peak)
        x = _GAP + index * (_BAR + _GAP)
        y = _TOP + _HEIGHT - tall
        middle = x + _BAR / 2
        parts.append(
            f'<rect class="shipped" x="{x}" y="{y}" width="{_BAR}" height="{tall}" rx="3">'
            f"<title>{escape(month)}: {count}</title></rect>"
            f'<text x="{middle}" y="{y - 4}" text-anchor="middle">{count}</text>'
            f'<text x="{middle}" y="{_TOP + _HEIGHT + 14}" text-anchor="middle">'
            f"{escape(month[5:])}</text>"
            f'<text x="{middle}" y="{_TOP + _HEIGHT + 28}" text-anchor="middle" '
            f'class="muted">{escape(month[:4])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _row(stats: Stats, slug: str | None) -> Markup:
    name = escape(stats.track)
    track = Markup(f'<a href="tracks/{escape(slug)}.html">{name}</a>') if slug else name
    rate = f"{stats.slip_rate:.0%} ({stats.slipped}/{stats.judged})" if stats.judged else "—"
    age = f"{stats.days_since_update} d" if stats.days_since_update is not None else "—"
    cells = [
        track,
        str(stats.versions),
        str(stats.shipped_total),
        days_text(stats.planned_to_started),
        days_text(stats.started_to_done),
        days_text(stats.planned_to_done),
        rate,
        str(stats.slips),
        days_text(stats.gaps),
        age,
    ]
    return Markup("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>\n")


def _metrics(per_track: Sequence[Stats]) -> Markup:
    rows = []
    for stats in per_track:
        for name, points in stats.metrics.items():
            if len(points) < 2:
                continue
            steps = " → ".join(
                f"{p.when.isoformat()}: {p.baseline or '—'} → {p.target or '—'}"
                + (f" (now {p.current})" if p.current else "")
                for p in points
            )
            rows.append(
                f"<tr><td>{escape(stats.track)}</td><td>{escape(name)}</td>"
                f"<td>{escape(steps)}</td></tr>\n"
            )
    return Markup("".join(rows))


def history_context(
    history: tuple[Sequence[Stats], Stats] | None, *, slugs: dict[str, str], today: date
) -> dict[str, object]:
    """What ``history.html.j2`` shows: None-safe, so a site built outside git says so."""
    if history is None:
        return {"known": False}
    per_track, total = history
    return {
        "known": True,
        "chart": shipped_svg(total.shipped),
        "rows": Markup("".join(_row(s, slugs.get(s.track)) for s in per_track)),
        "total": _row(total, None),
        "metrics": _metrics(per_track),
        "since": total.first.isoformat() if total.first else None,
        "as_of": today.isoformat(),
    }
