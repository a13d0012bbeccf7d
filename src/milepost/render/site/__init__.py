"""The static roadmap site: pages built from the portfolio, as ``{relative path: bytes}``.

Everything from a roadmap is escaped (Jinja2 autoescape; Markdown rendered with raw HTML shown
as text); links keep only http(s), mailto and relative targets. The caller writes the files.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from milepost.model import RISK_LEVELS, Item, Metric, Roadmap, risk_level
from milepost.portfolio.model import Portfolio, TrackRollup
from milepost.render.site.filters import markdown_html, safe_url
from milepost.vocabulary.status import Health, Status

__all__ = ["build", "graph_svg", "track_page"]

_HEALTH_COLOUR = {
    Health.ON_TRACK: "#1a7f37",
    Health.AT_RISK: "#9a6700",
    Health.OFF_TRACK: "#cf222e",
}
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("milepost.render.site", "templates"),
        autoescape=select_autoescape(["j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["shown_refs"] = _shown_refs
    return env


def _shown_refs(item: Item) -> list[str]:
    """An item's references without repeats: a PR URL whose number is also written as #N."""
    numbers = {r[1:] for r in item.refs if r.startswith("#")}
    return [r for r in item.refs if r.startswith("#") or r.rsplit("/", 1)[-1] not in numbers]


def _render(name: str, **context: Any) -> bytes:
    return _env().get_template(name).render(**context).encode("utf-8")


def _static() -> dict[str, bytes]:
    folder = resources.files("milepost.render.site") / "static"
    return {f"static/{f.name}": f.read_bytes() for f in folder.iterdir() if f.is_file()}


def _number(text: str | None) -> float | None:
    match = _NUMBER.search(text or "")
    return float(match.group().replace(",", "")) if match else None


def _share(metric: Metric) -> float | None:
    base, target, now = _number(metric.baseline), _number(metric.target), _number(metric.current)
    if base is None or target is None or now is None or target == base:
        return None
    return max(0.0, min(1.0, (now - base) / (target - base)))


def graph_svg(portfolio: Portfolio, slugs: dict[str, str] | None = None) -> Markup:
    """Tracks on a circle, dependencies as arrows (red on a cycle), each with a tooltip.

    With ``slugs`` each track links to its page (the site); without, the drawing stands alone
    and styles its own text.
    """
    names = [t.track for t in portfolio.tracks]
    size, radius = 640, 240
    centre = size / 2
    at = {
        name: (
            centre + radius * math.cos(2 * math.pi * k / len(names) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * k / len(names) - math.pi / 2),
        )
        for k, name in enumerate(names)
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Dependency graph" '
        f'viewBox="0 0 {size} {size}" style="max-width:100%;height:auto">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="currentColor"/></marker></defs>',
    ]
    if slugs is None:
        parts.append("<style>text{font:12px sans-serif;fill:#1b1f24}</style>")
    for edge in portfolio.edges:
        if edge.kind != "dependency" or edge.source not in at or edge.target not in at:
            continue
        (x1, y1), (x2, y2) = at[edge.source], at[edge.target]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1.0
        shrink = 48 / length
        cyclic = portfolio.on_cycle(edge)
        colour = "#cf222e" if cyclic else "#6e7781"
        when = f" by {edge.when}" if edge.when else ""
        parts.append(
            f'<g style="color:{colour}"><line x1="{x1 + dx * shrink:.1f}" '
            f'y1="{y1 + dy * shrink:.1f}" '
            f'x2="{x2 - dx * shrink:.1f}" y2="{y2 - dy * shrink:.1f}" stroke="currentColor" '
            f'stroke-width="{3 if cyclic else 1.5}" marker-end="url(#arrow)">'
            f"<title>{escape(edge.source)} needs {escape(edge.what)}{escape(when)} from "
            f"{escape(edge.target)}</title></line></g>"
        )
    for track in portfolio.tracks:
        x, y = at[track.track]
        colour = _HEALTH_COLOUR[track.health]
        node = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="40" fill="none" stroke="{colour}" '
            f'stroke-width="3"/><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">'
            f"{escape(track.track[:18])}</text>"
        )
        if slugs is not None:
            node = f'<a href="tracks/{escape(slugs[track.track])}.html">{node}</a>'
        parts.append(node)
    parts.append("</svg>")
    return Markup("".join(parts))


def track_page(track: TrackRollup, common: dict[str, Any]) -> bytes:
    """One track's page: its figures, its current focus, and the roadmap as written."""
    body = Markup(markdown_html(track.roadmap.to_markdown(), shift=1))
    return _render(
        "track.html.j2", t=track, body=body, title=track.track, **{**common, "root": "../"}
    )


def _items(portfolio: Portfolio) -> list[tuple[TrackRollup, Item]]:
    out = []
    for track in portfolio.tracks:
        seen = set()
        for item in track.roadmap.items:
            if item.status is not None and item.span.start not in seen:
                seen.add(item.span.start)
                out.append((track, item))
    return out


def _timeline(portfolio: Portfolio) -> tuple[list[str], dict[tuple[str, str], list[Any]]]:
    cells: dict[tuple[str, str], list[Any]] = {}
    starts: dict[str, date] = {}

    def put(
        track: str, label: str | None, start: date | None, title: str, status: Status | None
    ) -> None:
        if label is None or start is None:
            return
        starts.setdefault(label, start)
        cells.setdefault((track, label), []).append((title, status))

    for t in portfolio.tracks:
        r: Roadmap = t.roadmap
        if r.focus is not None:
            for p in r.focus.periods:
                if p.period is not None and p.period.kind in ("month", "quarter", "half"):
                    for i in p.items:
                        put(t.track, p.period.label, p.period.start, i.title, i.status)
        for g in r.milestones:
            if g.period is not None and g.period.kind in ("month", "quarter"):
                for i in g.items:
                    put(t.track, g.period.label, g.period.start, i.title, i.status)
        for group in r.goals:
            for goal in group.goals:
                if group.period is not None:
                    put(t.track, group.period.label, group.period.start, goal.name, goal.status)
        for initiative in r.initiatives:
            when = initiative.timeline_period
            if when is not None:
                put(t.track, when.label, when.start, initiative.name, None)
    columns = sorted(starts, key=lambda label: (starts[label], label))
    return columns, cells


def build(
    portfolio: Portfolio,
    *,
    project: str,
    skip: Iterable[str] = (),
    progress: Callable[[str], None] | None = None,
) -> dict[str, bytes]:
    """Every page of the site (track pages named in ``skip`` are left out: unchanged)."""
    tracks = {t.track: t for t in portfolio.tracks}
    slugs = {t.track: t.slug for t in portfolio.tracks}
    common: dict[str, Any] = {
        "project": project,
        "today": portfolio.today,
        "portfolio": portfolio,
        "tracks": tracks,
        "root": "",
    }
    pages: dict[str, bytes] = dict(_static())
    skipped = set(skip)
    for track in portfolio.tracks:
        if track.slug not in skipped:
            pages[f"tracks/{track.slug}.html"] = track_page(track, common)
        if progress is not None:
            progress(track.track)
    items = _items(portfolio)
    owners = sorted({o for _, i in items for o in i.owners})
    pages["index.html"] = _render(
        "index.html.j2",
        title="Tracks",
        shipped=portfolio.shipped_this_month,
        flight=portfolio.in_flight,
        **common,
    )
    pages["items.html"] = _render(
        "items.html.j2", title="Items", items=items, owners=owners, statuses=list(Status), **common
    )
    columns, cells = _timeline(portfolio)
    pages["timeline.html"] = _render(
        "timeline.html.j2", title="Timeline", columns=columns, cells=cells, **common
    )
    numbered = enumerate(((t, r) for t in portfolio.tracks for r in t.roadmap.risks), start=1)
    risks = [(n, t, r) for n, (t, r) in numbered]
    matrix: dict[tuple[str, str], list[Any]] = {}
    for n, _owner, risk in risks:
        like, impact = risk_level(risk.likelihood), risk_level(risk.impact)
        if like and impact:
            matrix.setdefault((like, impact), []).append((n, risk))
    # Heat from 0 (low/low) to 4 (high/high).
    heat = {
        (like, impact): 4 - RISK_LEVELS.index(like) - RISK_LEVELS.index(impact)
        for like in RISK_LEVELS
        for impact in RISK_LEVELS
    }
    pages["risks.html"] = _render(
        "risks.html.j2",
        title="Risks",
        levels=RISK_LEVELS,
        matrix=matrix,
        heat=heat,
        risks=risks,
        **common,
    )
    pages["graph.html"] = _render(
        "graph.html.j2",
        title="Dependencies",
        svg=(
            graph_svg(portfolio, slugs)
            if portfolio.tracks
            else Markup("<p class='muted'>No tracks.</p>")
        ),
        edges=[e for e in portfolio.edges if e.kind == "dependency"],
        **common,
    )
    metrics = [
        (t, [(m, _share(m)) for m in t.roadmap.metrics])
        for t in portfolio.tracks
        if t.roadmap.metrics
    ]
    pages["metrics.html"] = _render("metrics.html.j2", title="Metrics", metrics=metrics, **common)
    board: dict[str, list[Any]] = {}
    for t in portfolio.tracks:
        for request in t.roadmap.requests:
            key = request.status.value if request.status else "none"
            board.setdefault(key, []).append((t, request))
    columns_req = [
        ("📋 Planned", "planned"),
        ("🚧 In progress", "in_progress"),
        ("✅ Completed", "done"),
        ("No status", "none"),
    ]
    pages["requests.html"] = _render(
        "requests.html.j2", title="Requests", board=board, columns=columns_req, **common
    )
    return pages
