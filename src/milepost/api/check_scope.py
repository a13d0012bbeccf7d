"""What a check covers: the config that governs each file, each file's path as that config's
patterns see it, the portfolio's other roadmaps that resolve cross-track references, and stand-ins
for the files that could not be read."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import TypeVar

from milepost import fs
from milepost.api.loading import config_for, load_file, loads
from milepost.config import Config
from milepost.errors import ConfigError, MilepostError, add_once
from milepost.locate import discover
from milepost.model import Roadmap

_T = TypeVar("_T")

__all__ = [
    "by_config",
    "checkable",
    "failed_by_config",
    "located",
    "missing_links",
    "other_files",
    "rest_of_portfolio",
    "stand_in",
    "where",
]


def rest_of_portfolio(
    roadmaps: list[Roadmap],
    config: Config,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    *,
    failed: tuple[str, ...] = (),
    loaded: dict[Path, Roadmap] | None = None,
) -> list[Roadmap]:
    """The configured portfolio's other roadmaps, when cross-track rules will run.

    Checking a few files (a pre-commit hook passes only the changed ones) must still resolve
    their references against every track, or a reference to an unchanged track would look
    dangling. The ``failed`` files (given, but unreadable) stand in as empty tracks; the
    ``loaded`` ones (by resolved path) are not read again.
    """
    given = [Path(r.path) for r in roadmaps if r.path] + [Path(p) for p in failed]
    others = [stand_in(path) for path in failed]
    for path in other_files(given, config, select, ignore):
        known = loaded.get(fs.real(path)) if loaded else None
        if known is not None:
            others.append(known)
            continue
        try:
            others.append(load_file(path))
        except MilepostError:
            others.append(stand_in(str(path)))  # its error is reported when it is checked
    return others


def stand_in(path: str) -> Roadmap:
    """An empty roadmap in place of one that could not be read: its track still exists, so
    references to it must not look dangling (the file's own error is reported apart)."""
    from milepost.portfolio.slugs import path_slug

    return loads(f"# {path_slug(path, cwd=fs.cwd())}\n", path=path)


def other_files(
    given: list[Path], config: Config, select: tuple[str, ...], ignore: tuple[str, ...]
) -> list[Path]:
    """The configured portfolio's files not in ``given``, when cross-track rules will run."""
    from milepost.checking import needs_portfolio

    if config.root is None or not needs_portfolio(config, select, ignore):
        return []
    seen = {fs.real(p) for p in given}
    return [p for p in discover(config.root, config) if fs.real(p) not in seen]


def where(path: str | os.PathLike[str], config: Config) -> str | None:
    """A file's path relative to its config's folder, as per-file-ignores patterns are
    written, whichever path (relative, through a link) named it; None outside that folder."""
    if config.root is None:
        return None
    try:
        return PurePath(os.path.realpath(path)).relative_to(config.root).as_posix()
    except ValueError:
        return None


def located(roadmaps: list[Roadmap], config: Config) -> dict[str, str]:
    """:func:`where` of each roadmap, by its path as given (only when the config has
    per-file-ignores to match)."""
    if not config.per_file_ignores:
        return {}
    found = {r.path: where(r.path, config) for r in roadmaps if r.path}
    return {path: where for path, where in found.items() if where is not None}


def missing_links(roadmap: Roadmap) -> frozenset[str]:
    """The roadmap's relative link targets that name no file or folder on disk."""
    from milepost.rules.links import relative_links

    assert roadmap.path is not None
    folder = Path(roadmap.path).parent
    return frozenset(
        target for _line, _url, target in relative_links(roadmap) if not (folder / target).exists()
    )


def by_config(roadmaps: list[Roadmap]) -> dict[Config, list[Roadmap]]:
    """The roadmaps grouped by the config that governs each (the nearest to the file)."""
    groups: dict[Config, list[Roadmap]] = {}
    for roadmap in roadmaps:
        config = config_for(roadmap.path) if roadmap.path else Config()
        groups.setdefault(config, []).append(roadmap)
    return groups


def checkable(
    groups: dict[Config, list[_T]], errors: list[MilepostError]
) -> dict[Config, list[_T]]:
    """``groups`` without those whose config names a rule that does not exist: that config is
    broken, as one that is not TOML is, so it is added to ``errors`` (once) and its files are
    not checked; the other groups are."""
    from milepost.checking import check_config_selectors

    kept: dict[Config, list[_T]] = {}
    for config, group in groups.items():
        try:
            if config.path is not None:
                check_config_selectors(config)
        except ConfigError as exc:
            add_once(errors, exc)
            continue
        kept[config] = group
    return kept


def failed_by_config(errors: list[MilepostError]) -> dict[Config, tuple[str, ...]]:
    """The files that could not be read, by the config that governs each (a broken config
    is no track)."""
    failed: dict[Config, tuple[str, ...]] = {}
    for error in errors:
        if error.path is None or isinstance(error, ConfigError):
            continue
        try:
            config = config_for(error.path)
        except MilepostError:
            continue
        failed[config] = (*failed.get(config, ()), error.path)
    return failed
