"""The pages across tracks (index, items, timeline, risks, graph, metrics, requests, history)
joined from every track's parts, each in its own function so that a page whose shares did
not change can be left out. The parts are HTML already: long lists are joined in Python (and
the biggest pages as UTF-8 bytes), not in template loops."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from milepost.model import RISK_LEVELS
from milepost.portfolio.model import Conflict, Edge
from milepost.render.site import graph
from milepost.render.site.env import render, render_around, static_files
from milepost.render.site.parts import TrackParts
from milepost.vocabulary.status import Health, Status

if TYPE_CHECKING:
    from milepost.history.stats import Stats

__all__ = ["assemble"]


_REQUEST_COLUMNS = [
    ("📋 Planned", "planned"),
    ("🚧 In progress", "in_progress"),
    ("✅ Completed", "done"),
    ("No status", "none"),
]


def assemble(
    parts: list[TrackParts],
    *,
    project: str,
    today: date,
    edges: Iterable[Edge],
    conflicts: Iterable[Conflict],
    history: tuple[Sequence[Stats], Stats] | None = None,
    leave_out: Collection[str] = (),
) -> dict[str, bytes]:
    """The pages across tracks and the static files, from every track's parts (sorted by
    track name), the dependency graph between the tracks and, where the site is built in a
    git clone, the delivery statistics of its history. The pages named in ``leave_out`` (and
    the static files, with ``"static/"``) are left out: the caller knows they have not
    changed."""
    common: dict[str, Any] = {"project": project, "today": today, "root": ""}
    slugs: dict[str, str] = {}  # a name two tracks share goes to the first, as the graph's
    for p in parts:
        slugs.setdefault(p.track, p.slug)
    edges = list(edges)
    conflicts = list(conflicts)
    pages: dict[str, bytes] = {} if "static/" in leave_out else dict(static_files())
    pages.update(_across(parts, common, slugs, conflicts, history, leave_out))
    if "graph.html" not in leave_out:
        pages["graph.html"] = render(
            "graph.html.j2",
            title="Dependencies",
            svg=(
                graph.svg(
                    [(p.track, p.slug, Health(p.health)) for p in parts],
                    edges,
                    conflicts,
                    links=True,
                )
                if parts
                else Markup("<p class='muted'>No tracks.</p>")
            ),
            edges=[e for e in edges if e.kind == "dependency"],
            slugs=slugs,
            **common,
        )
    return {name: data for name, data in pages.items() if name not in leave_out}


def _across(
    parts: list[TrackParts],
    common: dict[str, Any],
    slugs: dict[str, str],
    conflicts: list[Conflict],
    history: tuple[Sequence[Stats], Stats] | None,
    leave_out: Collection[str],
) -> dict[str, bytes]:
    """The pages that take a share of every track's parts (:data:`SHARED_PAGES`), but those
    in ``leave_out``."""
    today: date = common["today"]
    pages: dict[str, bytes] = {}
    if "index.html" not in leave_out:
        pages["index.html"] = _index(parts, common, slugs, conflicts)
    if "history.html" not in leave_out:
        pages["history.html"] = render(
            "history.html.j2",
            title="History",
            **_history_context(history, slugs=slugs, today=today),
            **common,
        )
    if "items.html" not in leave_out:
        pages["items.html"] = _items(parts, common)
    if "timeline.html" not in leave_out:
        pages["timeline.html"] = _timeline(parts, common)
    if "risks.html" not in leave_out:
        pages["risks.html"] = _risks(parts, common)
    if "metrics.html" not in leave_out:
        pages["metrics.html"] = render(
            "metrics.html.j2",
            title="Metrics",
            blocks=Markup("".join(p.metrics for p in parts)),
            **common,
        )
    if "requests.html" not in leave_out:
        pages["requests.html"] = _requests(parts, common)
    return pages


def _index(
    parts: list[TrackParts],
    common: dict[str, Any],
    slugs: dict[str, str],
    conflicts: list[Conflict],
) -> bytes:
    return render(
        "index.html.j2",
        title="Tracks",
        count=len(parts),
        rows=Markup("".join(p.index_row for p in parts)),
        # Thousands of entries, HTML already: joined here, not in a template loop.
        shipped=Markup("".join(f"<li>{i}</li>" for p in parts for i in p.shipped)),
        shipped_count=sum(len(p.shipped) for p in parts),
        flight=Markup("".join(f"<li>{i}</li>" for p in parts for i in p.flight)),
        flight_count=sum(len(p.flight) for p in parts),
        blocked=Markup("".join(f"<li>{i}</li>" for p in parts for i in p.blocked)),
        blocked_count=sum(len(p.blocked) for p in parts),
        slipped=Markup("".join(f"<li>{i}</li>" for p in parts for i in p.slipped)),
        slipped_count=sum(len(p.slipped) for p in parts),
        conflicts=conflicts,
        conflict_items=Markup("".join(_conflict_html(c, slugs) for c in conflicts)),
        **common,
    )


def _conflict_html(conflict: Conflict, slugs: dict[str, str]) -> str:
    """A conflict in time on the index page: who needs what from whom by when, and why not."""
    e = conflict.edge
    matched = (
        f' <span class="muted">(matched {escape(conflict.matched)})</span>'
        if conflict.matched
        else ""
    )
    return (
        f'<li>⚠ <a href="tracks/{escape(slugs.get(e.source, ""))}.html">{escape(e.source)}</a> '
        f"needs “{escape(e.what)}” from "
        f'<a href="tracks/{escape(slugs.get(e.target, ""))}.html">{escape(e.target)}</a> '
        f"by {escape(e.when)}: {escape(conflict.problem)}{matched}</li>"
    )


def _items(parts: list[TrackParts], common: dict[str, Any]) -> bytes:
    head, tail = render_around(
        "items.html.j2",
        "lists",
        title="Items",
        # Thousands of owners and tracks: their options joined here, not in template loops.
        owner_options=_options((o, o) for o in sorted({o for p in parts for o in p.owners})),
        track_options=_options((p.slug, p.track) for p in parts),
        statuses=list(Status),
        **common,
    )
    # Megabytes of items with emoji: joined as UTF-8 bytes (copying such text as str costs
    # four bytes a character, and the template would copy it twice more).
    return b"".join([head, *(p.items for p in parts), tail])


def _timeline(parts: list[TrackParts], common: dict[str, Any]) -> bytes:
    # Each column in time order (:func:`~milepost.portfolio.dated.time_order`, days as ISO
    # text): by its first day, then its last, so July 2027, Q3 2027, H2 2027.
    when: dict[str, tuple[str, str]] = {}
    for p in parts:
        for label, start, end, _cell in p.timeline:
            when.setdefault(label, (start, end))
    columns = sorted(when, key=lambda label: (*when[label], label))
    head, tail = render_around(
        "timeline.html.j2", "rows", title="Timeline", columns=columns, **common
    )
    # A hundred columns by a thousand tracks, mostly empty: each row joined and encoded on
    # its own (one page-sized str of emoji text would be copied at four bytes a character).
    place = {label: n for n, label in enumerate(columns)}
    return b"".join([head, *(_timeline_row(p, place).encode("utf-8") for p in parts), tail])


def _timeline_row(part: TrackParts, place: dict[str, int]) -> str:
    """A track's row of the timeline: a cell under each column (``place``: a column's
    index by its label), empty where the track has nothing in that period."""
    if not place:
        return part.timeline_head + "</tr>\n"
    cells = {place[label]: cell for label, _start, _end, cell in part.timeline}
    row, at = [part.timeline_head, "<td>"], 0
    for n in sorted(cells):
        row += ["</td><td>" * (n - at), cells[n]]
        at = n
    row += ["</td><td>" * (len(place) - 1 - at), "</td></tr>\n"]
    return "".join(row)


def _risks(parts: list[TrackParts], common: dict[str, Any]) -> bytes:
    # The parts are HTML already: joined here, not in template loops (thousands of risks).
    risks: list[str] = []
    anchors: dict[tuple[str, str], list[str]] = {}
    for p in parts:
        for like, impact, title, entry in p.risks:
            n = len(risks) + 1
            risks.append(f'<li id="risk-{n}"><strong>{n}.</strong>{entry}')
            if like and impact:
                anchors.setdefault((like, impact), []).append(
                    f'<a href="#risk-{n}" title="{title}" aria-label="Risk {n}: {title}">{n}</a> '
                )
    matrix = {where: Markup("".join(links)) for where, links in anchors.items()}
    # Heat from 0 (low/low) to 4 (high/high).
    heat = {
        (like, impact): 4 - RISK_LEVELS.index(like) - RISK_LEVELS.index(impact)
        for like in RISK_LEVELS
        for impact in RISK_LEVELS
    }
    return render(
        "risks.html.j2",
        title="Risks",
        levels=RISK_LEVELS,
        matrix=matrix,
        heat=heat,
        risks=Markup("".join(risks)),
        count=len(risks),
        placed=sum(len(links) for links in anchors.values()),
        **common,
    )


def _requests(parts: list[TrackParts], common: dict[str, Any]) -> bytes:
    board: dict[str, list[str]] = {}
    for p in parts:
        for key, entry in p.requests:
            board.setdefault(key, []).append(entry)
    return render(
        "requests.html.j2",
        title="Requests",
        board={key: Markup("".join(entries)) for key, entries in board.items()},
        none_yet=Markup('<li class="muted">None.</li>'),
        columns=_REQUEST_COLUMNS,
        **common,
    )


def _history_context(
    history: tuple[Sequence[Stats], Stats] | None, *, slugs: dict[str, str], today: date
) -> dict[str, object]:
    if history is None:
        return {"known": False}
    from milepost.render.site.history import history_context  # only with git history

    return history_context(history, slugs=slugs, today=today)


def _options(choices: Iterable[tuple[str, str]]) -> Markup:
    """``<option>`` elements, value and text escaped."""
    return Markup(
        "".join(f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in choices)
    )
