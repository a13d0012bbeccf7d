"""The static roadmap site: pages built from the portfolio, as ``{relative path: bytes}``.

Built in two steps, so that a track that did not change is not rendered again: each track
gives its page and its :class:`TrackParts` (its rows, items, cells and entries of the pages
across tracks, as HTML); :func:`assemble` joins every track's parts into those pages. Parts are
plain data, kept by the caller between builds (see ``TrackParts.to_plain``).

Everything from a roadmap is escaped (Jinja2 autoescape; Markdown rendered with raw HTML shown
as text); links keep only http(s), mailto and relative targets. The caller writes the files.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from jinja2 import BytecodeCache, Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from milepost.model import RISK_LEVELS, Item
from milepost.portfolio.model import Conflict, Edge, Portfolio, TrackRollup
from milepost.render.site.filters import markdown_html, safe_url
from milepost.render.site.parts import TrackParts, track_parts
from milepost.vocabulary.status import Health, Status

if TYPE_CHECKING:
    from milepost.history.stats import Stats

__all__ = ["TrackParts", "assemble", "build", "graph_svg", "track_page", "track_parts"]

_HEALTH_COLOUR = {
    Health.ON_TRACK: "#1a7f37",
    Health.AT_RISK: "#9a6700",
    Health.OFF_TRACK: "#cf222e",
}


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("milepost.render.site", "templates"),
        autoescape=select_autoescape(["j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.globals["item"] = item_html
    return env


def use_bytecode_cache(cache: BytecodeCache | None) -> None:
    """Keep the templates' compiled code in ``cache`` between runs (None: compile each run).
    The caller, which may touch the disk, chooses where."""
    _env().bytecode_cache = cache


def _status_html(status: Status | None) -> str:
    if status is None:
        return ""
    return (
        f'<span class="badge {status.value}">{escape(status.emoji)} {escape(status.label)}</span>'
    )


def item_html(i: Item, track: TrackRollup | None = None) -> Markup:
    """An item on a line: its status badge, title, owners, references and (with ``track``)
    a link to its track's page. Called for every item of every page, hence not a macro."""
    parts = [_status_html(i.status), " ", escape(i.title)]
    parts += [f' <span class="muted">{escape(o)}</span>' for o in i.owners]
    for ref in _shown_refs(i):
        if ref.startswith("http"):
            name = escape(ref.rsplit("/", 1)[-1])
            parts.append(f' <a href="{escape(safe_url(ref))}">{name}</a>')
        else:
            parts.append(f' <span class="muted">{escape(ref)}</span>')
    if track:
        parts.append(
            f' <a class="muted" href="tracks/{escape(track.slug)}.html">{escape(track.track)}</a>'
        )
    return Markup("".join(parts))


def _shown_refs(item: Item) -> list[str]:
    """An item's references without repeats: a PR URL whose number is also written as #N."""
    numbers = {r[1:] for r in item.refs if r.startswith("#")}
    return [r for r in item.refs if r.startswith("#") or r.rsplit("/", 1)[-1] not in numbers]


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


_SLOT = "\x00milepost-slot\x00"


def _render_around(name: str, slot: str, **context: Any) -> tuple[bytes, bytes]:
    """The page ``name`` renders, as the bytes before and after where ``slot`` goes (the
    last mark: roadmap text, which might hold one, comes only before the slot)."""
    page = _render(name, **{slot: Markup(_SLOT)}, **context)
    head, tail = page.rsplit(_SLOT.encode("utf-8"), 1)
    return head, tail


def _render(name: str, **context: Any) -> bytes:
    return _env().get_template(name).render(**context).encode("utf-8")


def _static() -> dict[str, bytes]:
    folder = resources.files("milepost.render.site") / "static"
    return {f"static/{f.name}": f.read_bytes() for f in folder.iterdir() if f.is_file()}


def macros() -> Any:
    """The macros of ``parts.html.j2``, for :func:`track_parts`."""
    return _env().get_template("parts.html.j2").module


def graph_svg(portfolio: Portfolio, slugs: dict[str, str] | None = None) -> Markup:
    """Tracks on a circle, dependencies as arrows (red on a cycle, orange and dashed where
    the providing track will not deliver in time), each with a tooltip.

    With ``slugs`` each track links to its page (the site); without, the drawing stands alone
    and styles its own text.
    """
    health = {t.track: t.health for t in portfolio.tracks}
    return _svg(health, portfolio.edges, portfolio.cycles, slugs, portfolio.conflicts)


def _svg(
    health: dict[str, Health],
    edges: Iterable[Edge],
    cycles: dict[str, list[str]],
    slugs: dict[str, str] | None,
    conflicts: Iterable[Conflict] = (),
) -> Markup:
    names = list(health)
    late = {(c.edge.source, c.edge.target, c.edge.what): c.problem for c in conflicts}
    # The arrowhead's id is the drawing's own, so that two drawings on one page do not share.
    arrow = "arrow-" + hashlib.sha256(repr((names, late)).encode()).hexdigest()[:8]
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
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="currentColor"/></marker></defs>',
    ]
    if slugs is None:
        parts.append("<style>text{font:12px sans-serif;fill:#1b1f24}</style>")
    for edge in edges:
        if edge.kind != "dependency" or edge.source not in at or edge.target not in at:
            continue
        (x1, y1), (x2, y2) = at[edge.source], at[edge.target]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1.0
        shrink = 48 / length
        cyclic = _on_cycle(edge, cycles)
        problem = late.get((edge.source, edge.target, edge.what))
        colour = "#cf222e" if cyclic else "#bc4c00" if problem else "#6e7781"
        dashes = ' stroke-dasharray="6 4"' if problem else ""
        when = f" by {edge.when}" if edge.when else ""
        warning = f" (conflict in time: {problem})" if problem else ""
        parts.append(
            f'<g style="color:{colour}"><line x1="{x1 + dx * shrink:.1f}" '
            f'y1="{y1 + dy * shrink:.1f}" '
            f'x2="{x2 - dx * shrink:.1f}" y2="{y2 - dy * shrink:.1f}" stroke="currentColor" '
            f'stroke-width="{3 if cyclic or problem else 1.5}"{dashes} '
            f'marker-end="url(#{arrow})">'
            f"<title>{escape(edge.source)} needs {escape(edge.what)}{escape(when)} from "
            f"{escape(edge.target)}{escape(warning)}</title></line></g>"
        )
    for name, state in health.items():
        x, y = at[name]
        colour = _HEALTH_COLOUR[state]
        node = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="40" fill="none" stroke="{colour}" '
            f'stroke-width="3"/><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">'
            f"{escape(name[:18])}</text>"
        )
        if slugs is not None:
            node = f'<a href="tracks/{escape(slugs[name])}.html">{node}</a>'
        parts.append(node)
    parts.append("</svg>")
    return Markup("".join(parts))


def _on_cycle(edge: Edge, cycles: dict[str, list[str]]) -> bool:
    """Whether ``edge`` is a step of the cycle shown through its source track."""
    path = cycles.get(edge.source) or []
    return any(a == edge.source and b == edge.target for a, b in pairwise(path))


def track_page(track: TrackRollup, *, project: str, today: date) -> bytes:
    """One track's page: its figures, its current focus, and the roadmap as written."""
    body = Markup(markdown_html(track.roadmap.to_markdown(), shift=1))
    return _render(
        "track.html.j2",
        t=track,
        body=body,
        title=track.track,
        project=project,
        today=today,
        root="../",
    )


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
    cycles: dict[str, list[str]],
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
    slugs = {p.track: p.slug for p in parts}
    edges = list(edges)
    conflicts = list(conflicts)
    pages: dict[str, bytes] = {} if "static/" in leave_out else dict(_static())
    pages.update(_across(parts, common, slugs, conflicts, history, leave_out))
    if "graph.html" not in leave_out:
        health = {p.track: Health(p.health) for p in parts}
        pages["graph.html"] = _render(
            "graph.html.j2",
            title="Dependencies",
            svg=(
                _svg(health, edges, cycles, slugs, conflicts)
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
        pages["history.html"] = _render(
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
        pages["metrics.html"] = _render(
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
    return _render(
        "index.html.j2",
        title="Tracks",
        count=len(parts),
        rows=Markup("".join(p.index_row for p in parts)),
        # Thousands of entries, HTML already: joined here, not in a template loop.
        shipped=Markup("".join(f"<li>{i}</li>" for p in parts for i in p.shipped)),
        shipped_count=sum(len(p.shipped) for p in parts),
        flight=Markup("".join(f"<li>{i}</li>" for p in parts for i in p.flight)),
        flight_count=sum(len(p.flight) for p in parts),
        conflicts=conflicts,
        conflict_items=Markup("".join(_conflict_html(c, slugs) for c in conflicts)),
        **common,
    )


def _items(parts: list[TrackParts], common: dict[str, Any]) -> bytes:
    head, tail = _render_around(
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
    starts: dict[str, str] = {}
    for p in parts:
        for label, start, _cell in p.timeline:
            starts.setdefault(label, start)
    columns = sorted(starts, key=lambda label: (starts[label], label))
    head, tail = _render_around(
        "timeline.html.j2", "rows", title="Timeline", columns=columns, **common
    )
    # A hundred columns by a thousand tracks, mostly empty: each row joined and encoded on
    # its own (one page-sized str of emoji text would be copied at four bytes a character).
    place = {label: n for n, label in enumerate(columns)}
    return b"".join([head, *(_timeline_row(p, place).encode("utf-8") for p in parts), tail])


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
                    f'<a href="#risk-{n}" title="{title}">{n}</a> '
                )
    matrix = {where: Markup("".join(links)) for where, links in anchors.items()}
    # Heat from 0 (low/low) to 4 (high/high).
    heat = {
        (like, impact): 4 - RISK_LEVELS.index(like) - RISK_LEVELS.index(impact)
        for like in RISK_LEVELS
        for impact in RISK_LEVELS
    }
    return _render(
        "risks.html.j2",
        title="Risks",
        levels=RISK_LEVELS,
        matrix=matrix,
        heat=heat,
        risks=Markup("".join(risks)),
        **common,
    )


def _requests(parts: list[TrackParts], common: dict[str, Any]) -> bytes:
    board: dict[str, list[str]] = {}
    for p in parts:
        for key, entry in p.requests:
            board.setdefault(key, []).append(entry)
    return _render(
        "requests.html.j2",
        title="Requests",
        board={key: Markup("".join(entries)) for key, entries in board.items()},
        none_yet=Markup('<li class="muted">None.</li>'),
        columns=_REQUEST_COLUMNS,
        **common,
    )


def _timeline_row(part: TrackParts, place: dict[str, int]) -> str:
    """A track's row of the timeline: a cell under each column (``place``: a column's
    index by its label), empty where the track has nothing in that period."""
    if not place:
        return part.timeline_head + "</tr>\n"
    cells = {place[label]: cell for label, _start, cell in part.timeline}
    row, at = [part.timeline_head, "<td>"], 0
    for n in sorted(cells):
        row += ["</td><td>" * (n - at), cells[n]]
        at = n
    row += ["</td><td>" * (len(place) - 1 - at), "</td></tr>\n"]
    return "".join(row)


def build(
    portfolio: Portfolio,
    *,
    project: str,
    progress: Callable[[str], None] | None = None,
) -> dict[str, bytes]:
    """Every page of the site, rendered from scratch."""
    pages: dict[str, bytes] = {}
    parts = []
    kit = macros()
    for track in portfolio.tracks:
        pages[f"tracks/{track.slug}.html"] = track_page(
            track, project=project, today=portfolio.today
        )
        parts.append(track_parts(track, today=portfolio.today, macros=kit))
        if progress is not None:
            progress(track.track)
    pages.update(
        assemble(
            parts,
            project=project,
            today=portfolio.today,
            edges=portfolio.edges,
            cycles=portfolio.cycles,
            conflicts=portfolio.conflicts,
        )
    )
    return pages
