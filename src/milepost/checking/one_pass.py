"""A check in one pass: every rule on each file of a portfolio (and, with ``fix``, fixing until
stable)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from milepost.checking.portfolio_view import portfolio_view
from milepost.checking.report import FileReport
from milepost.checking.selection import choose_rules, rules_for
from milepost.config import Config
from milepost.model import Roadmap
from milepost.rules import Context
from milepost.rules.engine import fix_until_stable, run_rules

__all__ = ["check_roadmaps"]


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
    cwd: str | None = None,
) -> list[FileReport]:
    """Check every roadmap (and fix it, with ``fix``) as one portfolio.

    ``missing_links`` maps a roadmap's path to its relative link targets that name no file
    (the caller looks at the disk; this function does not). ``others`` are the portfolio's
    other roadmaps: they resolve cross-track references but are not checked themselves.
    ``located`` maps a path to where it is relative to the config's folder (see
    :func:`~milepost.checking.selection.rules_for`). ``cwd``: the folder the paths are
    relative to, which names a ``roadmap.md`` given without one
    (:func:`~milepost.portfolio.slugs.slug_path`).
    """
    rules = choose_rules(config, select, ignore)
    portfolio = portfolio_view([*roadmaps, *(others or [])], cwd=cwd)
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
        chosen = rules_for(roadmap, rules, config, (located or {}).get(roadmap.path or ""))
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
