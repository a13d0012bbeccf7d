"""What the cross-track rules see of a portfolio: its tracks by every name, its dependency
cycles, the tracks that share a name; and, of each roadmap, only what they read (a skeleton,
small enough to send between processes, or a context roadmap kept in the check's cache)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from milepost.document import Document, parse
from milepost.model import Dependency, Meta, Roadmap
from milepost.source import Source
from milepost.span import Span

if TYPE_CHECKING:  # a one-file check never needs the portfolio modules: import them on use
    from milepost.portfolio.links import TrackIndex

__all__ = ["PortfolioView", "context_roadmap", "portfolio_view", "skeleton"]


@dataclass(slots=True)
class PortfolioView:
    tracks: TrackIndex | None = None
    cycles: dict[str, list[str]] = field(default_factory=dict)
    namesakes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def portfolio_view(roadmaps: list[Roadmap], *, cwd: str | None = None) -> PortfolioView:
    """The tracks of ``roadmaps`` as the cross-track rules see them; ``cwd``: the folder
    their relative paths are relative to (:func:`~milepost.portfolio.slugs.slug_path`)."""
    if len(roadmaps) < 2:
        return PortfolioView()  # one file: cross-track references cannot be judged
    from milepost.portfolio.graph import cycles
    from milepost.portfolio.links import normal_track, track_index, track_labels
    from milepost.portfolio.slugs import slug_path_of

    pairs = [(roadmap.track, slug_path_of(roadmap, cwd=cwd)) for roadmap in roadmaps]
    paths = [roadmap.path for roadmap in roadmaps]
    labels = track_labels(pairs, paths=paths)
    index = track_index(pairs, paths=paths, labels=labels)
    by_name: dict[str, list[str]] = {}
    for roadmap in roadmaps:
        name = normal_track(roadmap.track)
        if roadmap.path and name and name != "roadmap":  # "# Roadmap" names no track
            by_name.setdefault(name, []).append(roadmap.path)
    namesakes = {
        path: tuple(p for p in paths if p != path)
        for paths in by_name.values()
        if len(paths) > 1
        for path in paths
    }
    graph: dict[str, list[str]] = {}
    for me, roadmap in zip(labels, roadmaps, strict=True):
        deps = graph.setdefault(me, [])
        for dependency in roadmap.dependencies:
            found = index.resolve(dependency.on)
            if found is not None and found != me and found not in deps:
                deps.append(found)
    return PortfolioView(index, cycles(graph), namesakes)


def skeleton(roadmap: Roadmap) -> Roadmap:
    """What the cross-track rules read of a roadmap, without its parsed blocks: small enough
    to send between processes. The text stays where it may hold suppression comments (MP106's
    fix takes one out of its line; the comments themselves are read where the whole file is,
    and sent beside it), and the title's heading, where a finding about the whole track
    points."""
    source = roadmap.document.source
    document = _empty_document()
    if "<!--" in source.text and "milepost" in source.text.lower():  # a suppression, maybe
        document = replace(document, source=source)
    title = [h for h in roadmap.document.headings if h.level == 1][:1]  # where MP603 points
    return Roadmap(
        title=roadmap.title,
        track=roadmap.track,
        meta=Meta(),
        document=replace(document, headings=title) if title else document,
        path=roadmap.path,
        dependencies=roadmap.dependencies,
        synergies=roadmap.synergies,
    )


def context_roadmap(path: str, track: str, depends_on: Sequence[str]) -> Roadmap:
    """What the cross-track rules read of a roadmap of the portfolio that is not checked: its
    track and the tracks it depends on (kept between runs by the check's cache)."""
    span = Span(0, 1, path)
    return Roadmap(
        title=track,
        track=track,
        meta=Meta(),
        document=_empty_document(),
        path=path,
        dependencies=tuple(Dependency(on, "", span, kind="track") for on in depends_on),
    )


@cache
def _empty_document() -> Document:
    return parse(Source(""))
