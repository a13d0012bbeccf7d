"""``milepost check`` on every core, for large portfolios: each file's own rules where a worker
reads it, under the config that governs it; then the cross-track rules once per config, on the
portfolio of that config's folder, whose unchanged files come from the user's cache."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from milepost import fs
from milepost.api import check_scope as scope
from milepost.api.context_cache import ContextCache, Stamp, stamp
from milepost.api.loading import config_for, load_file
from milepost.collector import gc_paused
from milepost.config import Config
from milepost.errors import MilepostError, add_once
from milepost.locate import discover
from milepost.model import Roadmap

if TYPE_CHECKING:  # only the commands that need them pay for these imports
    from milepost.checking import FileReport
    from milepost.rules import Diagnostic, Rule
    from milepost.rules.suppressions import CommentKey, Suppressions

__all__ = ["PARALLEL_FROM", "check_parallel", "discover_all", "portfolios_of"]

#: Portfolios with at least this many files to read are checked on every core.
PARALLEL_FROM = 48


def portfolios_of(
    files: dict[Path, Path],
    errors: list[MilepostError],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> tuple[dict[Config, list[Path]], dict[Config, list[Path]]]:
    """The files by the config that governs each, and each config's other files (resolved)
    when cross-track rules will run; a broken config is added to ``errors``, once."""
    groups: dict[Config, list[Path]] = {}
    for resolved in files:
        try:
            groups.setdefault(config_for(resolved), []).append(resolved)
        except MilepostError as exc:  # a broken config: said once
            add_once(errors, exc)
    groups = scope.checkable(groups, errors)
    portfolios = {
        config: [fs.real(p) for p in scope.other_files(group, config, select, ignore)]
        for config, group in groups.items()
    }
    return groups, portfolios


def discover_all(
    paths: list[str | os.PathLike[str]],
) -> tuple[dict[Path, Path], list[MilepostError]]:
    """The files the paths name, by resolved path, and the paths that failed."""
    files: dict[Path, Path] = {}
    errors: list[MilepostError] = []
    for path in paths:
        try:
            for file in discover(path):
                files.setdefault(fs.real(file), file)
        except MilepostError as exc:
            errors.append(exc)
    return files, errors


class _Outcome(NamedTuple):
    """What a worker sends back of one file."""

    path: str
    #: The findings of its own rules.
    found: list[Diagnostic]
    #: Its skeleton (None: it could not be read, see ``error``).
    skeleton: Roadmap | None
    #: Why it could not be read: the error itself, which pickles whole (its type, message,
    #: path, line, column and hint), not some of its fields copied out.
    error: MilepostError | None = None
    #: The keys of the suppression comments that hid a finding of its own rules.
    hid: frozenset[CommentKey] = frozenset()
    #: Its suppression comments, read once, where it was read, for both passes (None: a file
    #: only read for its name, or one that could not be read).
    suppressions: Suppressions | None = None


def _check_chunk(
    files: list[Path],
    today: date,
    config: Config | None,
    rules: list[Rule],
    file_rules: bool,
) -> list[_Outcome]:
    """A worker's share: load each file (under ``config``, else its own), run its own rules,
    keep what cross-track rules need."""
    from milepost.checking import check_file_rules, skeleton
    from milepost.rules.suppressions import Suppressions

    out: list[_Outcome] = []
    with gc_paused():
        for file in files:
            try:
                roadmap = load_file(file, config=config)
            except MilepostError as exc:
                failed = exc.with_traceback(None)  # its frames are not kept
                out.append(_Outcome(str(file), [], None, failed))
                continue
            if not file_rules:
                out.append(_Outcome(str(file), [], skeleton(roadmap)))
                continue
            hid: set[CommentKey] = set()
            comments = Suppressions.read(roadmap.document)
            found = check_file_rules(
                roadmap,
                rules,
                today=today,
                config=config or Config(),
                missing_links=scope.missing_links(roadmap),
                where=scope.where(file, config) if config and config.per_file_ignores else None,
                used=hid,
                suppressions=comments,
            )
            out.append(
                _Outcome(str(file), found, skeleton(roadmap), None, frozenset(hid), comments)
            )
    return out


def check_parallel(
    files: dict[Path, Path],
    errors: list[MilepostError],
    groups: dict[Config, list[Path]],
    portfolios: dict[Config, list[Path]],
    today: date,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    *,
    cache: bool = True,
) -> tuple[list[FileReport], list[MilepostError]]:
    """Each file's own rules on every core, under the config that governs it (``groups``);
    then the cross-track rules once per config, on the portfolio of that config's folder
    (``portfolios``: see :func:`portfolios_of`)."""
    from concurrent.futures import ProcessPoolExecutor

    from milepost.checking import (
        FileReport,
        check_references,
        choose_rules,
        unused_after_two_passes,
    )

    rules = {config: choose_rules(config, select, ignore) for config in groups}
    # The files only read for their names: each under its own config, no rules run; those
    # unchanged since the last check come from its cache.
    context = list(dict.fromkeys(p for ps in portfolios.values() for p in ps if p not in files))
    kept = ContextCache() if cache and context else None
    outcome: dict[str, _Outcome] = {}
    read: dict[Path, Stamp | None] = {}
    if kept is not None:
        for file in context:
            known = kept.get(file)
            if known is not None:
                outcome[str(file)] = _Outcome(str(file), [], known)
            else:
                read[file] = stamp(file)
        context = [p for p in context if str(p) not in outcome]
    workers = os.cpu_count() or 1
    size = max(1, (len(files) + len(context)) // (workers * 4))
    jobs: list[tuple[list[Path], Config | None, list[Rule], bool]] = [
        ([files[p] for p in group[i : i + size]], config, rules[config], True)
        for config, group in groups.items()
        for i in range(0, len(group), size)
    ]
    jobs += [(context[i : i + size], None, [], False) for i in range(0, len(context), size)]
    if len(files) + len(context) < PARALLEL_FROM:  # the rest came from the cache
        for chunk, config, chosen, file_rules in jobs:
            results = _check_chunk(chunk, today, config, chosen, file_rules)
            outcome.update((result.path, result) for result in results)
    else:
        with ProcessPoolExecutor(workers) as pool:
            futures = [
                pool.submit(_check_chunk, chunk, today, config, chosen, own)
                for chunk, config, chosen, own in jobs
            ]
            for future in futures:
                outcome.update((result.path, result) for result in future.result())
    if kept is not None:
        for file, when in read.items():
            got = outcome[str(file)]
            if got.skeleton is not None and got.error is None:
                kept.put(file, when, got.skeleton)
        kept.save()
    named = {p: str(f) for p, f in files.items()}
    named.update((p, str(p)) for ps in portfolios.values() for p in ps if p not in files)

    def track(resolved: Path) -> Roadmap | None:
        got = outcome[named[resolved]]
        return scope.stand_in(got.path) if got.error is not None else got.skeleton

    by_path: dict[str, list[Diagnostic]] = {}
    used: dict[str, set[CommentKey]] = {}
    for config, group in groups.items():
        own = [r for r in (outcome[named[p]].skeleton for p in group) if r is not None]
        stand_ins = [scope.stand_in(named[p]) for p in group if outcome[named[p]].error is not None]
        # each file's comments as its worker read them: not read again for either pass
        comments = {
            got.path: got.suppressions
            for got in (outcome[named[p]] for p in group)
            if got.suppressions is not None
        }
        others = [r for r in map(track, portfolios[config]) if r is not None]
        where = scope.located(own, config)
        found = check_references(
            own,
            [*stand_ins, *others],
            rules[config],
            today=today,
            config=config,
            located=where,
            used=used,
            suppressions=comments,
            cwd=fs.cwd(),
        )
        by_path.update(found)
        for roadmap in own:  # MP106, now that both passes ran
            path = roadmap.path or ""
            hid = outcome[path].hid | used.get(path, set())
            unused = unused_after_two_passes(
                roadmap,
                rules[config],
                today=today,
                config=config,
                used=hid,
                suppressions=comments[path],
                portfolio=config.path is not None and len(own) + len(stand_ins) + len(others) >= 2,
                where=where.get(path),
            )
            by_path.setdefault(path, []).extend(unused)
    reports = []
    for resolved in files:
        if named[resolved] not in outcome:
            continue  # its config is broken: said above
        got = outcome[named[resolved]]
        if got.error is not None:
            errors.append(got.error)
            continue
        assert got.skeleton is not None
        merged = sorted(
            [*got.found, *by_path.get(got.path, [])], key=lambda d: (d.line, d.col, d.code)
        )
        reports.append(FileReport(got.skeleton, merged))
    return reports, errors
