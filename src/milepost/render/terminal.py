"""Roadmaps as rich renderables for the terminal. The caller decides colour and width."""

from __future__ import annotations

from collections import Counter
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from milepost.model import Item, Roadmap, status_items
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


def _age(day: date | None, today: date) -> str:
    if day is None:
        return "unknown"
    delta = (today - day).days
    if delta == 0:
        return f"{day} (today)"
    return f"{day} ({delta} days ago)" if delta > 0 else f"{day} (in {-delta} days)"


def _item_line(item: Item) -> Text:
    line = Text("  ")
    if item.status is not None:
        line.append(f"{item.status.emoji} ", style=_STYLE[item.status])
    else:
        line.append("•  ")
    line.append(item.title)
    extra = " ".join((*item.owners, *(r for r in item.refs if r.startswith("#"))))
    if extra:
        line.append(f"  {extra}", style="dim")
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
    facts.add_column()
    meta = roadmap.meta
    facts.add_row("last updated", _age(meta.last_updated, today))
    review = _age(meta.next_review, today)
    if meta.next_review is not None and meta.next_review < today:
        review = f"{meta.next_review} (overdue by {(today - meta.next_review).days} days)"
    facts.add_row("next review", review if meta.next_review or meta.next_review_text else "none")
    lead = meta.owners or ((meta.footer_updated_by,) if meta.footer_updated_by else ())
    if lead:
        facts.add_row("lead", ", ".join(lead))
    if roadmap.health is not None:
        facts.add_row("health", roadmap.health.value.replace("_", " "))
    counts = Counter(i.status for i in status_items(roadmap) if i.status is not None)
    summary = Text()
    for status, style in _STYLE.items():
        if counts[status]:
            summary.append(f"{status.emoji} {counts[status]} {status.label.lower()}  ", style=style)
    facts.add_row("items", summary if summary else Text("no status markers found"))
    facts.add_row(
        "also",
        f"{len(roadmap.risks)} risks, {len(roadmap.requests)} requests, "
        f"{len(roadmap.metrics)} metrics, {len(roadmap.dependencies)} dependencies, "
        f"{sum(len(s.walk()) for s in roadmap.sections)} sections",
    )
    parts.append(facts)

    if roadmap.focus is not None:
        theme = f" — {roadmap.focus.theme}" if roadmap.focus.theme else ""
        parts.append(Text(f"Current focus{theme}", style="bold"))
        for item in roadmap.focus.items:
            parts.append(_item_line(item))
        for period in roadmap.focus.periods:
            parts.append(Text(f" {period.heading}", style="underline"))
            parts.extend(_item_line(item) for item in period.items)
    high = [
        r
        for r in roadmap.risks
        if (r.likelihood or "").lower() == "high" or (r.impact or "").lower() == "high"
    ]
    if high:
        parts.append(Text("High risks", style="bold"))
        for risk in high:
            mitigation = "" if risk.mitigation else "  (no mitigation)"
            parts.append(Text(f"  ⚠ {risk.description}{mitigation}"))
    return Group(*parts, Text(""))
