"""MP6xx: cross-track references — tracks that do not exist, dependency cycles."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter

from milepost.rules.base import Context, Diagnostic, Rule, Severity

__all__ = ["RULES", "normal_track", "resolve_track"]

_SUFFIX = re.compile(r"(?i)\s*(?:track|roadmap|team)$")


def normal_track(name: str) -> str:
    """A track name reduced for matching: case, punctuation and a "Track" suffix ignored."""
    name = _SUFFIX.sub("", name.strip().strip("*_[]"))
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold().replace("-", " ")).split())


def resolve_track(name: str, tracks: tuple[str, ...]) -> str | None:
    """The portfolio track ``name`` means, by name or slug, or None."""
    key = normal_track(name)
    for track in tracks:
        if normal_track(track) == key:
            return track
    return None


def _suggest(name: str, tracks: tuple[str, ...]) -> str | None:
    normals: dict[str, str] = {}
    for track in tracks:  # names come before slugs: suggest the name
        normals.setdefault(normal_track(track), track)
    close = difflib.get_close_matches(normal_track(name), list(normals), n=1, cutoff=0.75)
    return normals[close[0]] if close else None


def _unknown(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    tracks = context.tracks
    if not tracks:
        return
    roadmap = context.roadmap
    mentions = [(d.on, d.span.start, d.kind) for d in roadmap.dependencies]
    mentions += [(s.track, s.span.start, "track") for s in roadmap.synergies]
    for name, line, kind in mentions:
        if not name or name.startswith("[") or resolve_track(name, tracks) is not None:
            continue
        suggestion = _suggest(name, tracks)
        if kind != "track" and suggestion is None:
            continue  # "Dependency on pgvector": an external system, not a track
        hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
        yield rule.at(context, line, f"no track named '{name}' in this portfolio{hint}")


def _cycles(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    tracks = context.tracks
    if not tracks or not context.track_dependencies:
        return
    graph = {track: set(deps) for track, deps in context.track_dependencies}
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as error:
        cycle: list[str] = error.args[1]
    else:
        return
    me = resolve_track(context.roadmap.track, tracks)
    nodes = cycle[:-1]  # graphlib repeats the first node at the end
    if me is None or me not in nodes:
        return
    # Each node of graphlib's cycle is a dependency of the node after it.
    at = nodes.index(me)
    order = [nodes[(at - step) % len(nodes)] for step in range(len(nodes))] + [me]
    for dependency in context.roadmap.dependencies:
        if resolve_track(dependency.on, tracks) == order[1]:
            yield rule.at(context, dependency.span.start, f"dependency cycle: {' → '.join(order)}")
            return


RULES = (
    Rule(
        code="MP601",
        name="unknown-track",
        group="references",
        severity=Severity.WARNING,
        summary="A dependency or synergy names a track that is not in the portfolio.",
        why=(
            "A renamed or removed track leaves dangling references; the team that was counted "
            "on may not know it is."
        ),
        bad="- **Dependency on Memroy:** context truncation by December 2026\n",
        good="- **Dependency on Memory:** context truncation by December 2026\n",
        check=_unknown,
    ),
    Rule(
        code="MP602",
        name="dependency-cycle",
        group="references",
        severity=Severity.WARNING,
        summary="Tracks depend on each other in a cycle.",
        why="When A waits on B and B waits on A, neither can finish first; break the cycle.",
        bad="Memory: Dependency on Web UI; Web UI: Dependency on Memory\n",
        good="Web UI: Dependency on Memory (and Memory does not wait on Web UI)\n",
        check=_cycles,
    ),
)
