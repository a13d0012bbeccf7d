"""The graph between the tracks of a build, from their parts: edges, and conflicts in time,
each judged again only where the edge or its provider changed (the verdicts are kept in the
manifest).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from milepost import fs
from milepost.extract import read_roadmap
from milepost.portfolio.conflicts import Offer, conflict_for, offers
from milepost.portfolio.links import track_index
from milepost.portfolio.model import Conflict, Edge, resolve
from milepost.portfolio.slugs import slug_path
from milepost.sitebuild.cache import kept_offers
from milepost.sitebuild.plan import TrackFile, digest
from milepost.source import decode

__all__ = ["conflicts", "edges"]


def edges(found: list[TrackFile]) -> tuple[list[Edge], dict[str, TrackFile]]:
    """Every edge between the tracks, and the track each name resolves to."""
    parts = [(t, t.parts) for t in found if t.parts is not None]
    here = fs.cwd()
    index = track_index((p.name, slug_path(str(t.path), cwd=here)) for t, p in parts)
    out: list[Edge] = []
    by_name: dict[str, TrackFile] = {}
    for track, p in parts:  # each part is labelled as the portfolio calls its track
        by_name.setdefault(p.track, track)
        out += resolve(p.track, p.mentions, index).edges
    return out, by_name


def conflicts(
    found: list[Edge], by_name: dict[str, TrackFile], known: Mapping[str, Any]
) -> tuple[list[Conflict], dict[str, Any]]:
    """Conflicts in time, and every verdict by its key (``known``: the last build's):
    judged again only where the edge or its provider changed."""
    asked: list[tuple[Edge, str, TrackFile]] = []
    for edge in found:
        provider = by_name.get(edge.target)
        if provider is not None and edge.kind == "dependency" and edge.when is not None:
            asked.append((edge, digest(edge.what, edge.when, edge.target, provider.key), provider))
    todo: dict[str, tuple[Edge, TrackFile]] = {}
    for edge, key, provider in asked:
        if key not in known:
            todo.setdefault(key, (edge, provider))
    judged = {**{key: known[key] for _, key, _ in asked if key in known}, **_judge(todo)}
    out: list[Conflict] = []
    for edge, key, provider in asked:
        if judged[key] is not None:
            problem, matched, line = judged[key]
            out.append(Conflict(edge, problem, matched, line, str(provider.path)))
    return out, judged


def _judge(todo: dict[str, tuple[Edge, TrackFile]]) -> dict[str, Any]:
    """Each edge's verdict: None, or the problem, the match shown and its line."""
    verdicts: dict[str, Any] = {}
    for key, (edge, provider) in todo.items():
        if provider.offers is None:
            provider.offers = _offers(provider)
        found = conflict_for(edge, provider.offers, str(provider.path))
        verdicts[key] = (
            None if found is None else [found.problem, found.matched, found.matched_line]
        )
    return verdicts


def _offers(track: TrackFile) -> tuple[Offer, ...]:
    """What a track whose parts were kept offers: from the cache, else its roadmap is parsed
    again for that."""
    if track.kept is not None:
        found = kept_offers(track.kept)
        if found is not None:
            return found
    source = decode(track.data, path=str(track.path))
    return offers(read_roadmap(source, path=str(track.path), statuses=track.config.statuses))
