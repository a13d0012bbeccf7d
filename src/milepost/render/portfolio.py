"""The portfolio for people: the Mermaid graph and a Markdown summary (the terminal dashboard
is :mod:`milepost.render.dashboard`, the DOT graph :mod:`milepost.render.dot`)."""

from __future__ import annotations

import re
from datetime import date

from milepost.portfolio.dated import time_order, unplaced
from milepost.portfolio.model import Portfolio
from milepost.render.dashboard import HEALTH_STYLE
from milepost.render.text import shorten
from milepost.vocabulary.status import Status
from milepost.vocabulary.titles import title_key

__all__ = ["gantt", "markdown_summary", "mermaid"]

# Lowercase words of Mermaid's flowchart grammar: as node ids they do not parse.
_MERMAID_WORDS = frozenset(
    {"end", "graph", "flowchart", "subgraph", "style", "class", "classdef", "linkstyle"}
    | {"click", "call", "href", "interpolate", "default"}
)


def _node_ids(portfolio: Portfolio) -> tuple[list[str], dict[str, str]]:
    """A Mermaid node id for each track, in order (readable, unique, never a word of
    Mermaid's), and the id by track name that the edges use (namesakes are told apart by
    their slugs in the portfolio's names, :attr:`TrackRollup.track`)."""
    ids: list[str] = []
    by_name: dict[str, str] = {}
    taken: set[str] = set()
    for track in portfolio.tracks:
        base = re.sub(r"\W+", "_", track.track).strip("_") or "track"
        if base.lower() in _MERMAID_WORDS:
            base = f"track_{base}"
        node, n = base, 1
        while node in taken:  # a set beside the list: a portfolio of thousands stays linear
            n += 1
            node = f"{base}_{n}"
        ids.append(node)
        taken.add(node)
        by_name.setdefault(track.track, node)
    return ids, by_name


def _label(text: str, limit: int = 40) -> str:
    return shorten(text.replace('"', "'"), limit)


def mermaid(portfolio: Portfolio) -> str:
    """A Mermaid flowchart: dependencies as arrows labelled with what is needed."""
    lines = ["flowchart LR"]
    ids, by_name = _node_ids(portfolio)
    for track, node in zip(portfolio.tracks, ids, strict=True):
        glyph = HEALTH_STYLE[track.health][0]
        lines.append(f'    {node}["{glyph} {_label(track.track)}"]')
    links = []
    for edge in portfolio.edges:
        if edge.kind != "dependency":
            continue
        when = f" by {edge.when}" if edge.when else ""
        source, target = by_name.get(edge.source), by_name.get(edge.target)
        if source is None or target is None:
            continue
        lines.append(f'    {source} -->|"{_label(edge.what + when)}"| {target}')
        links.append(portfolio.on_cycle(edge))
    for number, cyclic in enumerate(links):
        if cyclic:
            lines.append(f"    linkStyle {number} stroke:#d00,stroke-width:3px")
    return "\n".join(lines) + "\n"


def markdown_summary(portfolio: Portfolio) -> str:
    """A summary for a README or docs page: tracks, this month, and the dependency graph."""
    out = [
        f"## Portfolio on {portfolio.today}",
        "",
        "| Track | Lead | Health | Last updated | Next review | ✅ | 🚧 | 📋 | Slips |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for track in portfolio.tracks:
        meta = track.roadmap.meta
        cells = [
            track.track,
            track.lead or "",
            f"{HEALTH_STYLE[track.health][0]} {track.health_reason}",
            (track.updated_label or "") + (" (in the future)" if track.future else ""),
            str(meta.next_review or ""),
            str(track.counts.get("done", 0)),
            str(track.counts.get("in_progress", 0)),
            str(track.counts.get("planned", 0)),
            str(len(track.slipped)),
        ]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    out += ["", "### This month", ""]
    out += [f"- {Status.DONE.emoji} **{t}:** {i.title}" for t, i in portfolio.shipped_this_month]
    out += [f"- {Status.IN_PROGRESS.emoji} **{t}:** {i.title}" for t, i in portfolio.in_flight]
    out += [f"- {Status.BLOCKED.emoji} **{t}:** {i.title}" for t, i in portfolio.blocked]
    if not portfolio.shipped_this_month and not portfolio.in_flight and not portfolio.blocked:
        out.append("Nothing shipped or in flight yet.")
    out += ["", "### Dependencies", "", "```mermaid", mermaid(portfolio).rstrip("\n"), "```", ""]
    if chart := gantt(portfolio):
        out += ["### Timeline", "", "```mermaid", chart.rstrip("\n"), "```", ""]
    return "\n".join(out)


# Mermaid Gantt task states by status; planned and future work has none (a plain bar).
_GANTT_STATE = {Status.DONE: "done, ", Status.IN_PROGRESS: "active, ", Status.BLOCKED: "crit, "}
_GANTT_UNSAFE = str.maketrans({":": " ", "#": " ", ";": " ", "\n": " ", "`": " "})
# Words that open a statement of Mermaid's Gantt grammar (in any case) where a line starts
# with them: a task named so ("Title page redesign") would be read as that statement.
_GANTT_WORDS = re.compile(
    r"(?i)(?:gantt|(?:title|section|includes|excludes|click|call|href|todaymarker|dateformat"
    r"|axisformat|tickinterval|inclusiveenddates|topaxis|weekday|weekend|acctitle|accdescr"
    r")(?=\s|$))"
)


def gantt(portfolio: Portfolio) -> str:
    """A Mermaid Gantt chart (which GitHub renders): a section per track, a bar per dated item
    of Current Focus, of a milestones table (its Target column dates its rows; the months
    of Completed Milestones are a record, not a plan) and of the roadmap's other sections
    (plans under "### 2025 Q3") that carries a status, over its period (done, active, or
    blocked as critical), a track's bars in time order; dropped work left out; empty when
    no item has dates."""
    lines = ["gantt", "    dateFormat YYYY-MM-DD", "    axisFormat %b %Y"]
    bars = 0
    for track in portfolio.tracks:
        focus = track.roadmap.focus
        items = [i for period in focus.periods for i in period.items] if focus else []
        planned = {title_key(i.title) for i in items}
        items += [  # a milestones table, dated row by row; not the record of shipped months
            i
            for group in track.roadmap.milestones
            for i in group.items
            if i.period != group.period and title_key(i.title) not in planned
        ]
        # The other work that says when, each once: not a line already taken, nor the same
        # work as taken (status_items keeps its furthest copy, which may be another line).
        recorded = {i.span.start for group in track.roadmap.milestones for i in group.items}
        seen = recorded | {i.span.start for i in items}
        titles = planned | {title_key(i.title) for i in items}
        items += unplaced(track.roadmap, lines=seen, titles=titles)
        dated = [
            i
            for i in items
            if i.period is not None
            and i.period.start is not None
            and i.period.end is not None
            and i.status is not None
            and i.status is not Status.DROPPED
        ]
        # In time order, as the site's timeline columns go; work of one period as written.
        dated.sort(key=lambda i: time_order(i.period) if i.period else (date.max, date.max))
        if not dated:
            continue
        lines.append(f"    section {track.track.translate(_GANTT_UNSAFE).strip()}")
        for item in dated:
            assert item.period is not None and item.period.start and item.period.end
            assert item.status is not None
            name = shorten(item.title.translate(_GANTT_UNSAFE), 60) or "item"
            if _GANTT_WORDS.match(name):  # a zero-width space, which no keyword matches
                name = "\u200b" + name
            state = _GANTT_STATE.get(item.status, "")
            start, end = item.period.start.isoformat(), item.period.end.isoformat()
            lines.append(f"    {name} :{state}{start}, {end}")
            bars += 1
    return "\n".join(lines) + "\n" if bars else ""
