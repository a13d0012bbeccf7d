"""A check in two passes, as on every core: each file's own rules where it is read (a worker),
then the cross-track rules once on the portfolio, then MP106, which needs both passes' word on
which suppression comments hid a finding."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from milepost.checking.portfolio_view import portfolio_view
from milepost.checking.selection import rules_for
from milepost.config import Config
from milepost.model import Roadmap
from milepost.rules import Context, Diagnostic, Rule
from milepost.rules.engine import UNUSED, ran_codes, run_rules, unused_suppressions
from milepost.rules.suppressions import CommentKey, Suppressions

__all__ = ["check_file_rules", "check_references", "unused_after_two_passes"]


def check_file_rules(
    roadmap: Roadmap,
    rules: list[Rule],
    *,
    today: date,
    config: Config,
    missing_links: frozenset[str] = frozenset(),
    where: str | None = None,
    used: set[CommentKey] | None = None,
    suppressions: Suppressions | None = None,
) -> list[Diagnostic]:
    """The findings of the rules that need only this file (no cross-track ones); ``where``:
    see :func:`~milepost.checking.selection.rules_for`; ``used`` and ``suppressions``: see
    :func:`~milepost.rules.engine.run_rules` (MP106 is then left to
    :func:`unused_after_two_passes`)."""
    chosen = [r for r in rules_for(roadmap, rules, config, where) if r.group != "references"]
    context = Context(roadmap, today, config, missing_links=missing_links)
    return run_rules(chosen, context, used=used, suppressions=suppressions)


def unused_after_two_passes(
    roadmap: Roadmap,
    rules: list[Rule],
    *,
    today: date,
    config: Config,
    used: frozenset[CommentKey],
    suppressions: Suppressions,
    portfolio: bool,
    where: str | None = None,
) -> list[Diagnostic]:
    """MP106 on a roadmap whose rules ran in two passes (its own rules in a worker, the
    cross-track ones on the portfolio, which ``portfolio`` says there was: two roadmaps or
    more, as :func:`check_roadmaps` needs): ``used``, the keys of the suppression comments
    that hid a finding in either pass; ``suppressions``, the roadmap's comments, as both
    passes read them (once, where the file was read)."""
    chosen = rules_for(roadmap, rules, config, where)
    unused = [r for r in chosen if r.code == UNUSED]
    if not unused:
        return []
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
    used: dict[str, set[CommentKey]] | None = None,
    suppressions: Mapping[str, Suppressions] | None = None,
    cwd: str | None = None,
) -> dict[str, list[Diagnostic]]:
    """The findings of the cross-track rules, by path; ``others`` only resolve references.
    ``located`` maps a path to where it is relative to the config's folder (see
    :func:`~milepost.checking.selection.rules_for`); ``used``: the keys of the suppression
    comments that hid a finding are added to each path's set; ``suppressions``: each path's
    comments, where the caller read them already (else they are read here); ``cwd``: the
    folder the paths are relative to (see :func:`~milepost.portfolio.slugs.slug_path`)."""
    cross = [r for r in rules if r.group == "references"]
    if not cross:
        return {}
    hid = used if used is not None else {}
    portfolio = portfolio_view([*roadmaps, *others], cwd=cwd)
    return {
        roadmap.path or "": run_rules(
            rules_for(roadmap, cross, config, (located or {}).get(roadmap.path or "")),
            Context(
                roadmap,
                today,
                config,
                portfolio.tracks,
                portfolio.cycles,
                namesakes=portfolio.namesakes,
            ),
            used=hid.setdefault(roadmap.path or "", set()),
            suppressions=(suppressions or {}).get(roadmap.path or ""),
        )
        for roadmap in roadmaps
    }
