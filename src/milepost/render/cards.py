"""What the risks, graph and track directives show, as neutral blocks (pure)."""

from __future__ import annotations

import re
from datetime import date

from milepost.model import RISK_LEVELS, Metric, Status, risk_level
from milepost.portfolio.model import Portfolio
from milepost.portfolio.rollup import TrackRollup
from milepost.render.blocks import Block, Bullets, Cell, Mermaid, Para, Rubric, Svg, Table, Text
from milepost.render.docs import HEALTH, box, focus_now, item_parts, track_link

__all__ = ["graph_view", "metric_progress", "risks_view", "track_view"]


def risks_view(portfolio: Portfolio) -> list[Block]:
    """The likelihood x impact matrix (risk numbers in the cells), then every risk."""
    risks = [(t, r) for t in portfolio.tracks for r in t.roadmap.risks]
    if not risks:
        return box("risks", Para((Text("No risks recorded."),)))
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
            Cell((track_link(t),)),
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
    return box(
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
        return box("graph", Para((Text("No roadmaps found."),)))
    picture: Block = (
        Mermaid(mermaid_source(portfolio)) if mermaid else Svg(str(graph_svg(portfolio)))
    )
    edges = [e for e in portfolio.edges if e.kind == "dependency"]
    lines = tuple(
        (
            Text(e.source, strong=True),
            Text(f" needs {e.what}" + (f" by {e.when}" if e.when else "") + " from "),
            Text(e.target, strong=True),
            *(_CYCLE if portfolio.on_cycle(e) else ()),
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
    return box("graph", *blocks)


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
        Para((track_link(track),), ("milepost-title",)),
        Para(
            (Text(HEALTH[track.health], strong=True), Text(f" — {track.health_reason}")),
            (f"milepost-{track.health.value.replace('_', '-')}",),
        ),
        Para(
            (
                Text(f"Lead {track.lead or '—'} · last updated {track.updated_label or '—'}"),
                Text(f" · next review {meta.next_review or '—'}"),
            )
        ),
    ]
    focus = track.roadmap.focus
    if focus is not None:
        blocks.append(Rubric("Current focus"))
        if focus.theme:
            blocks.append(Para((Text(focus.theme),)))
        now = focus_now(track, today)
        entries = tuple(
            (Text(f"{i.status.emoji} " if i.status else "· "), *item_parts(track.track, i)[1:])
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
                    Cell((Text(_progress(share, m.status)),)),
                )
            )
        blocks.append(Rubric("Success metrics"))
        blocks.append(Table(("Metric", "Baseline", "Current", "Target", "Progress"), tuple(rows)))
    return box("track", *blocks)


def _progress(share: float | None, status: Status | None) -> str:
    """How far a metric has come: its share of the way, else whether its ✅/⏳ says it is met."""
    if share is not None:
        return f"{share:.0%}"
    if status is Status.DONE:
        return "✅ met"
    return "⏳ not yet" if status is not None else "—"
