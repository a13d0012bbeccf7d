"""MP6xx: cross-track references — tracks that do not exist, dependency cycles."""

from __future__ import annotations

from collections.abc import Iterator

from milepost.portfolio.links import TrackIndex
from milepost.rules.base import Context, Diagnostic, Rule, Severity

__all__ = ["RULES"]


def _unknown(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    tracks = context.tracks
    if not tracks:
        return
    roadmap = context.roadmap
    mentions = [(d.on, d.span.start, d.kind) for d in roadmap.dependencies]
    mentions += [(s.track, s.span.start, "track") for s in roadmap.synergies]
    for name, line, kind in mentions:
        namesakes = tracks.namesakes(name)
        if namesakes:  # no pick between them
            offered = _unambiguous(tracks, namesakes)
            hint = f" (write one of: {', '.join(offered)})" if offered else ""
            yield rule.at(
                context,
                line,
                f"'{name}' names more than one track: {', '.join(namesakes)}{hint}",
            )
            continue
        if not tracks.dangles(name, track=kind == "track"):
            continue  # a track, or "Dependency on pgvector": an external system
        suggestion = tracks.suggest(name)
        hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
        yield rule.at(context, line, f"no track named '{name}' in this portfolio{hint}")


def _unambiguous(tracks: TrackIndex, labels: tuple[str, ...]) -> list[str]:
    """The shortest name of each track that names it alone: its slug, else its label
    ("Memory (memory)", where the slug "memory" is the shared name too); none for a track
    that neither names (what is offered must be what reaches it)."""
    offered = []
    for label in labels:
        for mention in (tracks.slugs.get(label), label):
            if mention and tracks.resolve(mention) == label:
                offered.append(mention)
                break
    return offered


def _cycles(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    tracks = context.tracks
    if not tracks or not context.cycles:
        return
    me = tracks.me(context.roadmap.track, context.roadmap.path)
    path = context.cycles.get(me)
    if path is None or len(path) < 3:
        return
    for dependency in context.roadmap.dependencies:
        if tracks.resolve(dependency.on) == path[1]:
            yield rule.at(context, dependency.span.start, f"dependency cycle: {' → '.join(path)}")
            return


def _namesakes(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    roadmap = context.roadmap
    others = context.namesakes.get(roadmap.path or "")
    if not others:
        return
    line = next((h.start for h in roadmap.document.headings if h.level == 1), 0)
    also = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
    yield rule.at(
        context,
        line,
        f"track '{roadmap.track}' is also the track of {also}: references to it are ambiguous",
    )


RULES = (
    Rule(
        code="MP601",
        name="unknown-track",
        group="references",
        severity=Severity.WARNING,
        summary=(
            "A dependency or synergy names a track that is not in the portfolio, or a name "
            "that two tracks share."
        ),
        why=(
            "A renamed or removed track leaves dangling references; the team that was counted "
            "on may not know it is. A name two tracks go by (a copied template's title) names "
            "neither: milepost will not guess which, so write the track's slug."
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
    Rule(
        code="MP603",
        name="duplicate-track",
        group="references",
        severity=Severity.WARNING,
        summary="Two roadmaps of the portfolio go by the same track name.",
        why=(
            "A copied template keeps its title: two 'Alpha' tracks are told apart only by "
            "their slugs ('Alpha (alpha)', 'Alpha (beta)'), and a 'Dependency on Alpha' "
            "names neither (MP601 reports it)."
        ),
        bad="tracks/alpha/roadmap.md: # Alpha Roadmap; tracks/beta/roadmap.md: # Alpha Roadmap\n",
        good="tracks/alpha/roadmap.md: # Alpha Roadmap; tracks/beta/roadmap.md: # Beta Roadmap\n",
        check=_namesakes,
    ),
)
