"""``milepost check`` as a function: every file's own rules (on every core for large
portfolios: :mod:`milepost.api.check_parallel`), then the cross-track rules once; fixes written
back atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from milepost import fs
from milepost.api import check_parallel as parallel
from milepost.api import check_scope as scope
from milepost.api.arguments import Paths, as_config, as_day, as_selectors, path_list
from milepost.api.loading import forget_configs, load_many
from milepost.collector import gc_paused
from milepost.config import Config
from milepost.errors import MilepostError
from milepost.model import Roadmap
from milepost.source import encode

if TYPE_CHECKING:  # only the commands that need them pay for these imports
    from milepost.checking import FileReport
    from milepost.rules import Diagnostic

__all__ = ["CheckResult", "check", "check_loaded"]


@dataclass(slots=True)
class CheckResult:
    """What ``check`` found in every file, and the files it could not read."""

    reports: list[FileReport]
    errors: list[MilepostError]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for report in self.reports for d in report.diagnostics]


def check(
    paths: Paths,
    *,
    today: date,
    select: str | Sequence[str] = (),
    ignore: str | Sequence[str] = (),
    fix: bool = False,
    unsafe_fixes: bool = False,
    write: bool = False,
    cache: bool = True,
) -> CheckResult:
    """Check the roadmaps the paths name (one path or several), as one portfolio.

    ``select`` and ``ignore`` choose the rules as ``--select`` and ``--ignore`` do (codes,
    prefixes, names, groups): one string (``"MP201"``, ``"MP2,references"``) or several.

    The rest of a big portfolio, read only to resolve references, comes from the user's cache
    where its files are unchanged (see :mod:`milepost.api.context_cache`), unless ``cache`` is
    off.

    With ``fix``, safe fixes (and unsafe ones with ``unsafe_fixes``) are applied until stable;
    with ``write`` the fixed files are written back atomically, refusing any file that changed
    on disk since it was read.
    """
    paths, today = path_list(paths), as_day(today)
    select, ignore = as_selectors(select), as_selectors(ignore)
    with gc_paused():
        if not (fix or write) and (os.cpu_count() or 1) > 1:
            forget_configs()
            files, errors = parallel.discover_all(paths)
            groups, portfolios = parallel.portfolios_of(files, errors, select, ignore)
            # They, and the rest of their portfolios when cross-track rules run (one changed
            # file of a big portfolio, as pre-commit passes it).
            reading = set(files).union(*portfolios.values())
            if len(reading) >= parallel.PARALLEL_FROM:
                return CheckResult(
                    *parallel.check_parallel(
                        files, errors, groups, portfolios, today, select, ignore, cache=cache
                    )
                )
        return _check(paths, today, select, ignore, fix, unsafe_fixes, write)


def _check(
    paths: list[str | os.PathLike[str]],
    today: date,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    write: bool,
) -> CheckResult:
    from milepost.checking import check_roadmaps

    loaded = load_many(paths)
    failed = scope.failed_by_config(loaded.errors)
    errors = list(loaded.errors)
    groups = scope.checkable(scope.by_config(loaded.roadmaps), errors)
    known = (
        {fs.real(r.path): r for r in loaded.roadmaps if r.path}
        if len(groups) > 1
        else None  # one config: the other files of its portfolio are none of these
    )
    report_of: dict[int, FileReport] = {}
    for config, group in groups.items():
        found = check_roadmaps(
            group,
            today=today,
            config=config,
            select=select,
            ignore=ignore,
            fix=fix or write,
            unsafe_fixes=unsafe_fixes,
            missing_links={r.path: scope.missing_links(r) for r in group if r.path},
            located=scope.located(group, config),
            cwd=fs.cwd(),
            others=scope.rest_of_portfolio(
                group, config, select, ignore, failed=failed.get(config, ()), loaded=known
            ),
        )
        report_of.update((id(report.roadmap), report) for report in found)
    reports = [report_of[id(r)] for r in loaded.roadmaps if id(r) in report_of]
    if write:
        for report in reports:
            if report.fixed is not None and report.roadmap.path is not None:
                original = report.roadmap.document.source
                fs.write_atomic(
                    report.roadmap.path,
                    encode(report.fixed.document.source),
                    expected=original.digest,
                )
    return CheckResult(reports, errors)


def check_loaded(roadmaps: list[Roadmap], *, today: date, config: Config) -> CheckResult:
    """``check`` on roadmaps already loaded (a docs build that shows them has them), as one
    portfolio under ``config``; the config's other roadmaps resolve cross-track references."""
    from milepost.checking import check_roadmaps

    today = as_day(today)
    config = as_config(config) or Config()
    with gc_paused():
        reports = check_roadmaps(
            roadmaps,
            today=today,
            config=config,
            missing_links={r.path: scope.missing_links(r) for r in roadmaps if r.path},
            others=scope.rest_of_portfolio(roadmaps, config, (), ()),
            located=scope.located(roadmaps, config),
            cwd=fs.cwd(),
        )
    return CheckResult(reports, [])
