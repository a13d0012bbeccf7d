"""Roadmaps as rich renderables for the terminal. The caller decides colour and width."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from milepost.model import Item, Risk, Roadmap, status_items
from milepost.portfolio.freshness import days, high_risk
from milepost.render.fit import Flow
from milepost.render.focus import field_of, period_items
from milepost.render.refs import shown_refs
from milepost.vocabulary.status import Status

__all__ = ["roadmap_summary"]

# In the order the counts are shown.
_STYLE = {
    Status.DONE: "green",
    Status.IN_PROGRESS: "yellow",
    Status.PLANNED: "cyan",
    Status.FUTURE: "magenta",
    Status.BLOCKED: "red",
    Status.DROPPED: "dim",
}


# "Risk 1", "Risk 2": a numbered name that says nothing the description does not.
_NUMBERED_RISK = re.compile(r"(?i)^risk\s*\d+$")


def _age(day: date | None, today: date) -> str:
    if day is None:
        return "unknown"
    delta = (today - day).days
    if delta == 0:
        return f"{day} (today)"
    days = f"{abs(delta)} day{'s' if abs(delta) != 1 else ''}"
    return f"{day} ({days} ago)" if delta > 0 else f"{day} (in {days})"


def _item_line(item: Item, indent: int = 2) -> Text:
    line = Text(" " * indent)
    field = field_of(item)
    if field is not None:  # a "Label: value" line of a workstream, not work
        line.append(f"{field[0]}:", style="dim")
        if field[1]:
            line.append(f" {field[1]}")
        return line
    if item.status is not None:
        line.append(f"{item.status.emoji} ", style=_STYLE[item.status])
    else:
        line.append("•  ")
    line.append(item.title)
    extra = " ".join((*item.owners, *(ref.label for ref in shown_refs(item))))
    if extra:
        line.append(f"  {extra}", style="dim")
    return line


def _focus(roadmap: Roadmap) -> list[RenderableType]:
    """Current Focus: its periods (months, weeks) and, under headings that name no period,
    the workstreams with their fields and nested items."""
    focus = roadmap.focus
    if focus is None:
        return []
    theme = f" — {focus.theme}" if focus.theme else ""
    parts: list[RenderableType] = [Text(f"Current focus{theme}", style="bold")]
    parts.extend(_item_line(item) for item in focus.items)
    for period in focus.periods:
        if period.period is not None:
            parts.append(Text(f" {period.heading}", style="underline"))
        else:
            parts.append(Text(f" ▸ {period.heading}", style="bold"))
        for item in period_items(roadmap, period):
            parts.append(_item_line(item, 2 + 2 * item.depth))
    return parts


def _risk_line(risk: Risk) -> Text:
    line = Text("  ⚠ ")
    named = risk.name and not _NUMBERED_RISK.match(risk.name)
    if named and risk.description.strip().lower() != risk.name.strip().lower():
        line.append(f"{risk.name}: ", style="bold")
    line.append(risk.description or risk.name)
    levels = ", ".join(
        f"{label} {value}"
        for label, value in (("likelihood", risk.likelihood), ("impact", risk.impact))
        if value
    )
    if levels:
        line.append(f"  ({levels})", style="dim")
    if not risk.mitigation:
        line.append("  (no mitigation)")
    return line


def roadmap_summary(roadmap: Roadmap, *, today: date) -> RenderableType:
    """A readable summary of one roadmap: header facts, counts, current focus, risks."""
    parts: list[RenderableType] = []
    title = Text(roadmap.track or roadmap.title or "(untitled)", style="bold")
    if roadmap.path:
        title.append(f"  {roadmap.path}", style="dim")
    parts.append(title)

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column(overflow="fold")  # on a narrow terminal, a long word folds, whole
    meta = roadmap.meta
    facts.add_row("last updated", _age(meta.last_updated, today))
    review = _age(meta.next_review, today)
    if meta.next_review is not None and meta.next_review < today:
        review = f"{meta.next_review} (overdue by {days((today - meta.next_review).days)})"
    facts.add_row("next review", review if meta.next_review or meta.next_review_text else "none")
    lead = meta.owners or ((meta.footer_updated_by,) if meta.footer_updated_by else ())
    if lead:
        facts.add_row("lead", ", ".join(lead))
    if roadmap.health is not None:
        facts.add_row("health", roadmap.health.value.replace("_", " "))
    counts = Counter(i.status for i in status_items(roadmap) if i.status is not None)
    summary = [
        Text(f"{status.emoji} {counts[status]} {status.label.lower()}", style=style)
        for status, style in _STYLE.items()
        if counts[status]
    ]  # broken between counts on a narrow terminal, never inside one
    facts.add_row("items", Flow(summary) if summary else Text("no status markers found"))
    facts.add_row(
        "also",
        f"{len(roadmap.risks)} risks, {len(roadmap.requests)} requests, "
        f"{len(roadmap.metrics)} metrics, {len(roadmap.dependencies)} dependencies, "
        f"{sum(len(s.walk()) for s in roadmap.sections)} sections",
    )
    parts.append(facts)

    parts.extend(_focus(roadmap))
    high = [r for r in roadmap.risks if high_risk(r)]
    if high:
        parts.append(Text("High risks", style="bold"))
        parts.extend(_risk_line(risk) for risk in high)
    return Group(*parts)
