"""The static roadmap site: pages built from the portfolio, as ``{relative path: bytes}``.

Built in two steps, so that a track that did not change is not rendered again: each track
gives its page and its :class:`TrackParts` (its rows, items, cells and entries of the pages
across tracks, as HTML); :func:`assemble` joins every track's parts into those pages. Parts are
plain data, kept by the caller between builds (see ``TrackParts.to_plain``).

Everything from a roadmap is escaped (Jinja2 autoescape; Markdown rendered with raw HTML shown
as text); links keep only http(s), mailto and relative targets. The caller writes the files.

- :mod:`.env`: the Jinja environment, rendering a template, the static files;
- :mod:`.parts`: one track's parts of the pages across tracks;
- :mod:`.across`: the pages across tracks joined from every track's parts;
- :mod:`.graph`: the dependency graph as inline SVG;
- :mod:`.filters`, :mod:`.history`: safe links and Markdown; the History page.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import PurePath
from typing import NamedTuple

from markupsafe import Markup

from milepost.portfolio.model import Portfolio
from milepost.portfolio.rollup import TrackRollup
from milepost.render.focus import field_of, loose_items, period_items
from milepost.render.site.across import assemble
from milepost.render.site.env import macros, render, use_bytecode_cache
from milepost.render.site.filters import Relink, markdown_html
from milepost.render.site.graph import graph_svg
from milepost.render.site.parts import TrackParts, track_parts

__all__ = [
    "TrackPage",
    "TrackParts",
    "assemble",
    "build",
    "graph_svg",
    "macros",
    "track_page",
    "track_parts",
    "use_bytecode_cache",
]


class TrackPage(NamedTuple):
    """A track's page, and every file its links named → whether it is copied into the site."""

    html: bytes
    checked: dict[str, bool]


def track_page(
    track: TrackRollup,
    *,
    project: str,
    today: date,
    shown: str,
    pages_of: Mapping[str, str] | None = None,
) -> TrackPage:
    """One track's page: its figures, its current focus, and the roadmap as written (from
    the file ``shown``: its path from the portfolio's root, never one that says where the
    portfolio is on the disk that built it), whose links go to the pages of other roadmaps of
    the portfolio (``pages_of``: each one's page, by resolved file) and to the copies of the
    files it links to (see :class:`Relink`)."""
    path = track.roadmap.path
    relink = Relink(path, track.slug, pages_of or {}) if path else None
    body = Markup(markdown_html(track.roadmap.to_markdown(), shift=1, relink=relink))
    roadmap = track.roadmap
    focus = [
        (period.heading, [(i, field_of(i)) for i in period_items(roadmap, period)])
        for period in (roadmap.focus.periods if roadmap.focus else ())
    ]
    loose = loose_items(roadmap)
    if loose:  # right under the heading, before the periods
        focus.insert(0, ("", [(i, field_of(i)) for i in loose]))
    page = render(
        "track.html.j2",
        t=track,
        focus=focus,
        body=body,
        shown=shown,
        title=track.track,
        project=project,
        today=today,
        root="../",
    )
    return TrackPage(page, relink.checked if relink is not None else {})


def build(
    portfolio: Portfolio,
    *,
    project: str,
    root: str | os.PathLike[str],
    progress: Callable[[str], None] | None = None,
) -> dict[str, bytes]:
    """Every page of the site, rendered from scratch, each track page naming its roadmap
    from the portfolio's ``root`` (the files the roadmaps link to are not copied: the site
    builder does that)."""
    pages: dict[str, bytes] = {}
    parts = []
    kit = macros()
    pages_of = {
        os.path.realpath(t.roadmap.path): t.slug for t in portfolio.tracks if t.roadmap.path
    }
    for track in portfolio.tracks:
        pages[f"tracks/{track.slug}.html"] = track_page(
            track,
            project=project,
            today=portfolio.today,
            shown=_from_root(root, track.roadmap.path or f"{track.slug}.md"),
            pages_of=pages_of,
        ).html
        parts.append(track_parts(track, today=portfolio.today, macros=kit))
        if progress is not None:
            progress(track.track)
    pages.update(
        assemble(
            parts,
            project=project,
            today=portfolio.today,
            edges=portfolio.edges,
            conflicts=portfolio.conflicts,
        )
    )
    return pages


def _from_root(root: str | os.PathLike[str], path: str) -> str:
    """The path of a roadmap from the portfolio's ``root``, ``a/b.md`` (its folder resolved,
    not the file itself, as the site builder's walk leaves it)."""
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    inside = os.path.join(folder, os.path.basename(path))
    return PurePath(os.path.relpath(inside, os.path.realpath(root))).as_posix()
