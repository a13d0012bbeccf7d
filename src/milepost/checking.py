"""``milepost check`` as a pure step: roadmaps and settings in, a report out.

Reading and writing files is the caller's job (``api.check``); this module decides which rules
run on which file, gives each rule its context (the portfolio's tracks, the dependency graph),
and fixes until stable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING

from milepost.config import Config
from milepost.document import Document, parse
from milepost.errors import ConfigError, UsageError
from milepost.model import Dependency, Meta, Roadmap
from milepost.portfolio.discover import matches
from milepost.rules import ALL_RULES, Context, Diagnostic, Rule
from milepost.rules.engine import (
    UNUSED,
    fix_until_stable,
    ran_codes,
    run_rules,
    select_rules,
    unused_suppressions,
)
from milepost.rules.suppressions import Suppressions, code_blocks
from milepost.source import Source
from milepost.span import Span

if TYPE_CHECKING:  # a one-file check never needs the portfolio modules: import them on use
    from milepost.portfolio.links import TrackIndex

__all__ = [
    "FileReport",
    "check_file_rules",
    "check_references",
    "check_roadmaps",
    "choose_rules",
    "context_roadmap",
    "needs_portfolio",
    "skeleton",
    "unused_after_two_passes",
]


@dataclass(slots=True)
class FileReport:
    """The findings of one file, and what fixing it produced."""

    roadmap: Roadmap
    diagnostics: list[Diagnostic]
    fixed: Roadmap | None = None  # the roadmap after fixes, when fixing changed it
    applied: int = 0
    held_back: int = 0
    converged: bool = True

    @property
    def path(self) -> str:
        return self.roadmap.path or "<text>"

    def diff(self) -> str:
        """The fixes as a unified diff (empty when nothing changed)."""
        if self.fixed is None:
            return ""
        import difflib  # only when there are fixes to show

        return "".join(
            difflib.unified_diff(
                self.roadmap.to_markdown().splitlines(keepends=True),
                self.fixed.to_markdown().splitlines(keepends=True),
                fromfile=f"a/{self.path.lstrip('/')}",
                tofile=f"b/{self.path.lstrip('/')}",
            )
        )


@dataclass(slots=True)
class _Portfolio:
    tracks: TrackIndex | None = None
    cycles: dict[str, list[str]] = field(default_factory=dict)
    namesakes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _portfolio(roadmaps: list[Roadmap]) -> _Portfolio:
    if len(roadmaps) < 2:
        return _Portfolio()  # one file: cross-track references cannot be judged
    from milepost.portfolio.graph import cycles
    from milepost.portfolio.links import normal_track, track_index, track_labels
    from milepost.portfolio.slugs import slug_of

    pairs = [(roadmap.track, slug_of(roadmap)) for roadmap in roadmaps]
    index = track_index(pairs)
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
    for me, roadmap in zip(track_labels(pairs), roadmaps, strict=True):
        deps = graph.setdefault(me, [])
        for dependency in roadmap.dependencies:
            found = index.resolve(dependency.on)
            if found is not None and found != me and found not in deps:
                deps.append(found)
    return _Portfolio(index, cycles(graph), namesakes)


def _rules_for(
    roadmap: Roadmap, rules: list[Rule], config: Config, where: str | None = None
) -> list[Rule]:
    """``rules`` without those the config's per-file-ignores switch off for this roadmap.

    ``where`` is the roadmap's path relative to the config's folder, as the patterns are
    written; the caller, which can look at the disk, works it out from whatever path named
    the file. Without it the path as given is used.
    """
    if not config.per_file_ignores or roadmap.path is None:
        return rules
    if where is None:
        path = PurePath(roadmap.path)
        if config.root is not None and path.is_relative_to(config.root):
            path = path.relative_to(config.root)
        where = path.as_posix()
    ignored = [
        s for pattern, sel in config.per_file_ignores if matches(where, [pattern]) for s in sel
    ]
    if not ignored:
        return rules
    # Selectors are judged against the whole catalog: ``rules`` may be a part of it (the
    # cross-track rules alone), which a selector such as "freshness" names nothing of.
    kept = {rule.code for rule in select_rules(ALL_RULES, ("ALL",), ignored)}
    return [rule for rule in rules if rule.code in kept]


def choose_rules(config: Config, select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """The rules a run uses: the command line's ``select`` wins over the config's.

    An unknown selector in the config is an error naming the config file.
    """
    if config.path is not None:
        _check_config_selectors(config)
    return select_rules(ALL_RULES, select or config.select, (*config.ignore, *ignore))


@cache
def _check_config_selectors(config: Config) -> None:
    try:
        select_rules(ALL_RULES, config.select, config.ignore)
        for pattern, selectors in config.per_file_ignores:
            try:
                select_rules(ALL_RULES, (), selectors)
            except UsageError as exc:
                message = f"per-file-ignores {pattern!r}: {exc.message}"
                raise UsageError(message, hint=exc.hint) from None
    except UsageError as exc:
        raise ConfigError(exc.message, path=str(config.path), hint=exc.hint) from None


def skeleton(roadmap: Roadmap) -> Roadmap:
    """What the cross-track rules read of a roadmap, without its parsed blocks: small enough
    to send between processes. The text stays where it may hold suppression comments, and the
    title's heading, where a finding about the whole track points. Its code blocks stay too
    (as top-level blocks): a comment shown in one is no suppression."""
    source = roadmap.document.source
    document = _empty_document()
    if "<!--" in source.text:
        code = list(code_blocks(roadmap.document.blocks))
        document = replace(document, source=source, blocks=code)
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


def check_file_rules(
    roadmap: Roadmap,
    rules: list[Rule],
    *,
    today: date,
    config: Config,
    missing_links: frozenset[str] = frozenset(),
    where: str | None = None,
    used: set[int] | None = None,
) -> list[Diagnostic]:
    """The findings of the rules that need only this file (no cross-track ones); ``where``:
    see :func:`_rules_for`; ``used``: see :func:`~milepost.rules.engine.run_rules` (MP106 is
    then left to :func:`unused_after_two_passes`)."""
    chosen = [r for r in _rules_for(roadmap, rules, config, where) if r.group != "references"]
    context = Context(roadmap, today, config, missing_links=missing_links)
    return run_rules(chosen, context, used=used)


def unused_after_two_passes(
    roadmap: Roadmap,
    rules: list[Rule],
    *,
    today: date,
    config: Config,
    used: frozenset[int],
    portfolio: bool,
    where: str | None = None,
) -> list[Diagnostic]:
    """MP106 on a roadmap whose rules ran in two passes (its own rules in a worker, the
    cross-track ones on the portfolio, which ``portfolio`` says there was: two roadmaps or
    more, as :func:`check_roadmaps` needs): ``used``, the lines of the suppression comments
    that hid a finding in either pass."""
    chosen = _rules_for(roadmap, rules, config, where)
    unused = [r for r in chosen if r.code == UNUSED]
    if not unused:
        return []
    suppressions = Suppressions.read(roadmap.document)
    ran = ran_codes(chosen, portfolio=portfolio)
    context = Context(roadmap, today, config)
    return unused_suppressions(unused[0], context, suppressions, used, ran)


def check_references(
    roadmaps: list[Roadmap],
    others: list[Roadmap],
    rules: list[Rule],
    *,
    today: date,
    config: Config,
    located: Mapping[str, str] | None = None,
    used: dict[str, set[int]] | None = None,
) -> dict[str, list[Diagnostic]]:
    """The findings of the cross-track rules, by path; ``others`` only resolve references.
    ``located`` maps a path to where it is relative to the config's folder (see
    :func:`_rules_for`); ``used``: the lines of the suppression comments that hid a finding
    are added to each path's set."""
    cross = [r for r in rules if r.group == "references"]
    if not cross:
        return {}
    hid = used if used is not None else {}
    portfolio = _portfolio([*roadmaps, *others])
    return {
        roadmap.path or "": run_rules(
            _rules_for(roadmap, cross, config, (located or {}).get(roadmap.path or "")),
            Context(
                roadmap,
                today,
                config,
                portfolio.tracks,
                portfolio.cycles,
                namesakes=portfolio.namesakes,
            ),
            used=hid.setdefault(roadmap.path or "", set()),
        )
        for roadmap in roadmaps
    }


def needs_portfolio(config: Config, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether the selected rules include cross-track ones (which need every track)."""
    return any(rule.group == "references" for rule in choose_rules(config, select, ignore))


def check_roadmaps(
    roadmaps: list[Roadmap],
    *,
    today: date,
    config: Config,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    fix: bool = False,
    unsafe_fixes: bool = False,
    missing_links: dict[str, frozenset[str]] | None = None,
    others: list[Roadmap] | None = None,
    located: Mapping[str, str] | None = None,
) -> list[FileReport]:
    """Check every roadmap (and fix it, with ``fix``) as one portfolio.

    ``missing_links`` maps a roadmap's path to its relative link targets that name no file
    (the caller looks at the disk; this function does not). ``others`` are the portfolio's
    other roadmaps: they resolve cross-track references but are not checked themselves.
    ``located`` maps a path to where it is relative to the config's folder (see
    :func:`_rules_for`).
    """
    rules = choose_rules(config, select, ignore)
    portfolio = _portfolio([*roadmaps, *(others or [])])
    reports = []
    for roadmap in roadmaps:
        missing = (missing_links or {}).get(roadmap.path or "", frozenset())
        context = Context(
            roadmap,
            today,
            config,
            portfolio.tracks,
            portfolio.cycles,
            missing,
            portfolio.namesakes,
        )
        chosen = _rules_for(roadmap, rules, config, (located or {}).get(roadmap.path or ""))
        if not fix:
            reports.append(FileReport(roadmap, run_rules(chosen, context)))
            continue
        outcome = fix_until_stable(chosen, context, unsafe=unsafe_fixes)
        changed = outcome.roadmap.to_markdown() != roadmap.to_markdown()
        reports.append(
            FileReport(
                roadmap,
                outcome.diagnostics,
                outcome.roadmap if changed else None,
                outcome.applied,
                outcome.held_back,
                outcome.converged,
            )
        )
    return reports
