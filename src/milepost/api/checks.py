"""``milepost check`` as a function: every file's own rules (on every core for large
portfolios), then the cross-track rules once; fixes written back atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from milepost import fs
from milepost.api.loading import load, load_many, loads
from milepost.config import Config
from milepost.document import gc_paused
from milepost.errors import MilepostError
from milepost.locate import discover, find_config
from milepost.model import Roadmap
from milepost.source import encode

if TYPE_CHECKING:  # only the commands that need them pay for these imports
    from milepost.checking import FileReport
    from milepost.rules import Diagnostic, Rule


@dataclass(slots=True)
class CheckResult:
    """What ``check`` found in every file, and the files it could not read."""

    reports: list[FileReport]
    errors: list[MilepostError]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for report in self.reports for d in report.diagnostics]


def _rest_of_portfolio(
    roadmaps: list[Roadmap],
    config: Config,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    *,
    failed: tuple[str, ...] = (),
) -> list[Roadmap]:
    """The configured portfolio's other roadmaps, when cross-track rules will run.

    Checking a few files (a pre-commit hook passes only the changed ones) must still resolve
    their references against every track, or a reference to an unchanged track would look
    dangling. The ``failed`` files (given, but unreadable) stand in as empty tracks.
    """
    given = [Path(r.path) for r in roadmaps if r.path] + [Path(p) for p in failed]
    others = [_stand_in(path) for path in failed]
    for path in _other_files(given, config, select, ignore):
        try:
            others.append(load(path, config=config))
        except MilepostError:
            others.append(_stand_in(str(path)))  # its error is reported when it is checked
    return others


def _stand_in(path: str) -> Roadmap:
    """An empty roadmap in place of one that could not be read: its track still exists, so
    references to it must not look dangling (the file's own error is reported apart)."""
    from milepost.portfolio.model import slug_of

    slug = slug_of(loads("", path=path))
    return loads(f"# {slug}\n", path=path)


def _other_files(
    given: list[Path], config: Config, select: tuple[str, ...], ignore: tuple[str, ...]
) -> list[Path]:
    """The configured portfolio's files not in ``given``, when cross-track rules will run."""
    from milepost.checking import needs_portfolio

    if config.root is None or not needs_portfolio(config, select, ignore):
        return []
    seen = {p.resolve() for p in given}
    return [p for p in discover(config.root, config) if p.resolve() not in seen]


def _missing_links(roadmap: Roadmap) -> frozenset[str]:
    """The roadmap's relative link targets that name no file or folder on disk."""
    from milepost.rules.links import relative_links

    assert roadmap.path is not None
    folder = Path(roadmap.path).parent
    return frozenset(
        target for _line, _url, target in relative_links(roadmap) if not (folder / target).exists()
    )


def check(
    paths: list[str | os.PathLike[str]],
    *,
    today: date,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    fix: bool = False,
    unsafe_fixes: bool = False,
    write: bool = False,
) -> CheckResult:
    """Check the roadmaps the paths name, as one portfolio.

    With ``fix``, safe fixes (and unsafe ones with ``unsafe_fixes``) are applied until stable;
    with ``write`` the fixed files are written back atomically, refusing any file that changed
    on disk since it was read.
    """
    with gc_paused():
        if not (fix or write) and (os.cpu_count() or 1) > 1:
            files, errors = _discover_all(paths)
            if len(files) >= PARALLEL_FROM:
                return _check_parallel(files, errors, paths, today, select, ignore)
        return _check(paths, today, select, ignore, fix, unsafe_fixes, write)


#: Portfolios with at least this many files are checked on every core.
PARALLEL_FROM = 48


def _discover_all(paths: list[str | os.PathLike[str]]) -> tuple[list[Path], list[MilepostError]]:
    files: dict[Path, Path] = {}
    errors: list[MilepostError] = []
    for path in paths:
        try:
            for file in discover(path):
                files.setdefault(file.resolve(), file)
        except MilepostError as exc:
            errors.append(exc)
    return list(files.values()), errors


_ErrorTuple = tuple[type[MilepostError], str, str | None, int | None, str]


def _check_chunk(
    files: list[Path],
    today: date,
    config: Config,
    rules: list[Rule],
    file_rules: bool,
) -> list[tuple[str, list[Diagnostic], Roadmap | None, _ErrorTuple | None]]:
    """A worker's share: load each file, run its own rules, keep what cross-track rules need."""
    from milepost.checking import check_file_rules, skeleton

    out: list[tuple[str, list[Diagnostic], Roadmap | None, _ErrorTuple | None]] = []
    with gc_paused():
        for file in files:
            try:
                roadmap = load(file, config=config)
            except MilepostError as exc:
                out.append(
                    (str(file), [], None, (type(exc), exc.message, exc.path, exc.line, exc.hint))
                )
                continue
            found = (
                check_file_rules(
                    roadmap,
                    rules,
                    today=today,
                    config=config,
                    missing_links=_missing_links(roadmap),
                )
                if file_rules
                else []
            )
            out.append((str(file), found, skeleton(roadmap), None))
    return out


def _check_parallel(
    files: list[Path],
    errors: list[MilepostError],
    paths: list[str | os.PathLike[str]],
    today: date,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> CheckResult:
    """Each file's own rules on every core; the cross-track rules once, on what they read."""
    from concurrent.futures import ProcessPoolExecutor

    from milepost.checking import FileReport, check_references, choose_rules

    config = find_config(paths[0] if paths else ".")
    rules = choose_rules(config, select, ignore)
    others = _other_files(files, config, select, ignore)
    workers = os.cpu_count() or 1
    size = max(1, (len(files) + len(others)) // (workers * 4))
    jobs = [(files[i : i + size], True) for i in range(0, len(files), size)]
    jobs += [(others[i : i + size], False) for i in range(0, len(others), size)]
    results: list[tuple[str, list[Diagnostic], Roadmap | None, _ErrorTuple | None]] = []
    with ProcessPoolExecutor(workers) as pool:
        futures = [
            pool.submit(_check_chunk, chunk, today, config, rules, own) for chunk, own in jobs
        ]
        for future in futures:
            results.extend(future.result())
    checked = {str(f) for f in files}
    own = [r for path, _, r, _ in results if r is not None and path in checked]
    context = [r for path, _, r, _ in results if r is not None and path not in checked]
    context += [_stand_in(path) for path, _, r, error in results if error is not None]
    by_path = check_references(own, context, rules, today=today, config=config)
    reports = []
    for path, found, roadmap, error in results:
        if error is not None:
            cls, message, epath, line, hint = error
            errors.append(cls(message, path=epath, line=line, hint=hint))
            continue
        if path not in checked or roadmap is None:
            continue
        merged = sorted([*found, *by_path.get(path, [])], key=lambda d: (d.line, d.col, d.code))
        reports.append(FileReport(roadmap, merged))
    return CheckResult(reports, errors)


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
    config = find_config(paths[0] if paths else ".")
    reports = check_roadmaps(
        loaded.roadmaps,
        today=today,
        config=config,
        select=select,
        ignore=ignore,
        fix=fix or write,
        unsafe_fixes=unsafe_fixes,
        missing_links={r.path: _missing_links(r) for r in loaded.roadmaps if r.path},
        others=_rest_of_portfolio(
            loaded.roadmaps,
            config,
            select,
            ignore,
            failed=tuple(e.path for e in loaded.errors if e.path),
        ),
    )
    if write:
        for report in reports:
            if report.fixed is not None and report.roadmap.path is not None:
                original = report.roadmap.document.source
                fs.write_atomic(
                    report.roadmap.path,
                    encode(report.fixed.document.source),
                    expected=original.digest,
                )
    return CheckResult(reports, loaded.errors)


def check_loaded(roadmaps: list[Roadmap], *, today: date, config: Config) -> CheckResult:
    """``check`` on roadmaps already loaded (a docs build that shows them has them), as one
    portfolio under ``config``; the config's other roadmaps resolve cross-track references."""
    from milepost.checking import check_roadmaps

    with gc_paused():
        reports = check_roadmaps(
            roadmaps,
            today=today,
            config=config,
            missing_links={r.path: _missing_links(r) for r in roadmaps if r.path},
            others=_rest_of_portfolio(roadmaps, config, (), ()),
        )
    return CheckResult(reports, [])
