"""The dependency graph as inline SVG: tracks on a circle, each a box as wide as its name,
dependencies as arrows."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from milepost.portfolio.model import Conflict, Edge, Portfolio, cyclic_pairs
from milepost.render.text import shorten, text_width
from milepost.vocabulary.status import Health

__all__ = ["graph_svg", "svg"]


# Arrows: on a cycle, late for a need (a conflict in time), or neither.
_ARROW_COLOUR = {"cycle": "#cf222e", "late": "#bc4c00", "plain": "#6e7781"}

# A node: a box with round ends around its name, the name cut to _NAME characters (a node's
# title says it whole), drawn _FONT units high with _PAD units each side.
_NAME, _FONT, _PAD = 22, 12, 16
_HEIGHT, _MIN_WIDTH, _GAP = 40.0, 80.0, 8.0  # _GAP: between a node and an arrow's ends

_HEALTH_COLOUR = {
    Health.ON_TRACK: "#1a7f37",
    Health.AT_RISK: "#9a6700",
    Health.OFF_TRACK: "#cf222e",
}


def graph_svg(portfolio: Portfolio, *, links: bool = False) -> Markup:
    """Tracks on a circle, dependencies as arrows (red on a cycle, orange and dashed where
    the providing track will not deliver in time), each with a tooltip.

    With ``links`` each track links to its page (the site); without, the drawing stands
    alone and styles its own text.
    """
    tracks = [(t.track, t.slug, t.health) for t in portfolio.tracks]
    return svg(tracks, portfolio.edges, portfolio.conflicts, links=links, cyclic=portfolio.cyclic)


def svg(
    tracks: Sequence[tuple[str, str, Health]],
    edges: Iterable[Edge],
    conflicts: Iterable[Conflict] = (),
    *,
    links: bool = False,
    cyclic: frozenset[tuple[str, str]] | None = None,
) -> Markup:
    """:func:`graph_svg` of the tracks (name, slug and health, in drawing order; each name
    the portfolio's own, "Memory (memory)" beside a namesake) and the edges between them (by
    those names); ``cyclic``: the dependencies on a cycle, where some of the portfolio is
    drawn (else worked out from the edges)."""
    labels = [name for name, _, _ in tracks]
    late = {(c.edge.source, c.edge.target, c.edge.what): c.problem for c in conflicts}
    # The arrowhead's id is the drawing's own, so that two drawings on one page do not share.
    arrow = "arrow-" + hashlib.sha256(repr((labels, late)).encode()).hexdigest()[:8]
    shown = [shorten(label, _NAME) for label in labels]
    widths = [max(_MIN_WIDTH, text_width(name, _FONT) + 2 * _PAD) for name in shown]
    # The circle grows with the tracks and their nodes' widths: neighbours stand the widest
    # node and forty units apart (so no two boxes touch, whichever way they stand to each
    # other); the page scales the drawing down.
    apart = max(widths, default=_MIN_WIDTH) + 40
    radius = max(240.0, apart / (2 * math.sin(math.pi / len(tracks))) if len(tracks) > 1 else 0)
    margin = max(80.0, max(widths, default=0) / 2 + 16)
    size = round(2 * (radius + margin))
    centre = size / 2
    places = [
        (
            centre + radius * math.cos(2 * math.pi * k / len(tracks) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * k / len(tracks) - math.pi / 2),
        )
        for k in range(len(tracks))
    ]
    at: dict[str, tuple[float, float]] = {}
    half: dict[str, tuple[float, float]] = {}  # a node's half width and half height, by name
    for name, place, width in zip(labels, places, widths, strict=True):
        at.setdefault(name, place)
        half.setdefault(name, (width / 2, _HEIGHT / 2))
    # Standing alone (the CLI's file, a docs page), the drawing styles its own text with
    # attributes, not a <style> element: inline in a page, that would restyle every SVG text
    # of the page; the text takes the page's colour, so a dark theme keeps it legible. With
    # links the drawing is a group of them (an "img" hides its links from a screen reader),
    # a unit a pixel where the page is wide enough (its text as big as the page's).
    own = (
        f' role="group" width="{size}"'
        if links
        else ' role="img" font-family="sans-serif" font-size="12" fill="currentColor"'
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg"{own} aria-label="Dependency graph" '
        f'viewBox="0 0 {size} {size}" style="max-width:100%;height:auto">',
        # A marker is painted where it is defined, not by the arrow that uses it: one
        # arrowhead per colour, in the page's units (not growing with a bold arrow's width).
        "<defs>"
        + "".join(
            f'<marker id="{arrow}-{kind}" viewBox="0 0 10 10" refX="10" refY="5" '
            'markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
            "</marker>"
            for kind, colour in _ARROW_COLOUR.items()
        )
        + "</defs>",
    ]
    drawn = [e for e in edges if e.kind == "dependency" and e.source in at and e.target in at]
    cyclic_edges = cyclic if cyclic is not None else cyclic_pairs(drawn)
    count = Counter((e.source, e.target) for e in drawn)
    between: Counter[tuple[str, str]] = Counter()  # arrows drawn so far from one to another
    for edge in drawn:
        (x1, y1), (x2, y2) = at[edge.source], at[edge.target]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1.0
        # Each end stands clear of its node's box, wherever the other node lies.
        start, end = (_reach(half[n], dx, dy) / length for n in (edge.source, edge.target))
        # Two tracks that depend on each other, or one that needs several things of another:
        # each arrow bends to its own right, a little more for each one more, so none hides
        # another; a lone arrow is straight.
        key = (edge.source, edge.target)
        between[key] += 1
        shared = count[key] > 1 or count[edge.target, edge.source] > 0
        bend = 28.0 * between[key] if shared else 0.0
        on_cycle = (edge.source, edge.target) in cyclic_edges
        problem = late.get((edge.source, edge.target, edge.what))
        kind = "cycle" if on_cycle else "late" if problem else "plain"
        colour = _ARROW_COLOUR[kind]
        dashes = ' stroke-dasharray="6 4"' if problem else ""
        when = f" by {edge.when}" if edge.when else ""
        warning = f" (conflict in time: {problem})" if problem else ""
        ax, ay = x1 + dx * start, y1 + dy * start
        bx, by = x2 - dx * end, y2 - dy * end
        cx, cy = (ax + bx) / 2 - dy / length * bend, (ay + by) / 2 + dx / length * bend
        parts.append(
            f'<path d="M{ax:.1f},{ay:.1f} Q{cx:.1f},{cy:.1f} '
            f'{bx:.1f},{by:.1f}" fill="none" stroke="{colour}" '
            f'stroke-width="{3 if on_cycle or problem else 1.5}"{dashes} '
            f'marker-end="url(#{arrow}-{kind})">'
            f"<title>{escape(edge.source)} needs {escape(edge.what)}{escape(when)} from "
            f"{escape(edge.target)}{escape(warning)}</title></path>"
        )
    for (label, slug, state), name, width, (x, y) in zip(
        tracks, shown, widths, places, strict=True
    ):
        # The whole name is the node's title: a tooltip anywhere on it, and the link's name.
        node = (
            f"<title>{escape(label)}</title>"
            f'<rect x="{x - width / 2:.1f}" y="{y - _HEIGHT / 2:.1f}" width="{width:.1f}" '
            f'height="{_HEIGHT:.0f}" rx="{_HEIGHT / 2:.0f}" fill="none" pointer-events="visible" '
            f'stroke="{_HEALTH_COLOUR[state]}" stroke-width="3"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(name)}</text>'
        )
        if links:
            parts.append(f'<a href="tracks/{escape(slug)}.html">{node}</a>')
        else:
            parts.append(f"<g>{node}</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _reach(half: tuple[float, float], dx: float, dy: float) -> float:
    """How far from a node's centre, towards (``dx``, ``dy``), its box ends, and a gap."""
    width, height = half
    length = math.hypot(dx, dy) or 1.0
    across = width * length / abs(dx) if dx else math.inf
    down = height * length / abs(dy) if dy else math.inf
    return min(across, down) + _GAP
