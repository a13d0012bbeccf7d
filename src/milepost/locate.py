"""Finding things on disk: the config that governs a path, and the roadmaps a path names.

Small and light on imports, so that commands which only need to find roadmaps (history reads
them from git) start fast. Like :mod:`milepost.api`, it reads files through :mod:`milepost.fs`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path

from milepost import fs
from milepost.config import CONFIG_FILES, Config, has_milepost_table, parse_config
from milepost.errors import (
    ConfigWarning,
    MilepostError,
    NoRoadmapsError,
    NotAFileError,
    SourceError,
    typed_path,
)
from milepost.portfolio.discover import select
from milepost.source import decode

__all__ = [
    "config_in",
    "discover",
    "discover_from_root",
    "find_config",
    "is_roadmap",
    "nothing_found",
]


def find_config(start: str | os.PathLike[str] = ".") -> Config:
    """The config that governs ``start``: the nearest ``milepost.toml`` or ``pyproject.toml``
    with a ``[tool.milepost]`` table in it or a folder above; defaults when there is none."""
    here = fs.real(start)
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        config = config_in(folder)
        if config is not None:
            return config
    return Config()


def config_in(folder: str | os.PathLike[str]) -> Config | None:
    """The config a file in ``folder`` itself holds, if any.

    ``milepost.toml`` wins over a ``[tool.milepost]`` table in the ``pyproject.toml`` beside
    it (as ruff's ``ruff.toml`` wins over its ``pyproject.toml``); a :class:`ConfigWarning`
    says so, since the table that is ignored was surely written to be read. A config file
    that is not a regular, readable file is a :class:`SourceError` naming it.
    """
    for name in CONFIG_FILES:
        where = os.path.join(folder, name)
        # Anything by that name is read, so that one that cannot be (a folder, a pipe, a link
        # to a device or to nothing) is an error naming it, not a config silently passed over.
        if os.path.lexists(where):  # no Path made for a file not there
            candidate = Path(where)
            config = _read_config(candidate)
            if config is not None:
                if name != "pyproject.toml":
                    _warn_if_pyproject_too(candidate.parent, candidate)
                return config
    return None


def _read_config(candidate: Path) -> Config | None:
    """The config ``candidate`` holds (None: a pyproject.toml without a milepost table). An
    error in it names the file as the user would type it, not by the absolute path it was
    found by (which the config keeps: its patterns are relative to its folder)."""
    try:
        text = decode(fs.read(candidate).data, path=str(candidate)).text
        return parse_config(text, path=str(candidate))
    except MilepostError as error:
        error.path = typed_path(candidate)
        raise


def _warn_if_pyproject_too(folder: Path, used: Path) -> None:
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return
    if has_milepost_table(decode(fs.read(pyproject).data, path=str(pyproject)).text):
        warnings.warn(
            f"{typed_path(used)}: used; the [tool.milepost] table in the pyproject.toml beside it"
            f" is ignored ({used.name} wins: keep one of them)",
            ConfigWarning,
            stacklevel=2,
        )


def discover(path: str | os.PathLike[str], config: Config | None = None) -> list[Path]:
    """The roadmap files a path names: the file itself, or every roadmap below a folder.

    Below a folder, the patterns of the config found for it apply (relative to the config's
    folder when that folder is inside the one given), else the defaults.
    """
    target = Path(path)
    if target.is_file():
        return [target]
    return [file for file, _ in discover_from_root(target, config)]


def discover_from_root(
    path: str | os.PathLike[str], config: Config | None = None
) -> list[tuple[Path, str]]:
    """:func:`discover`, each file with its path from the portfolio's root as ``a/b.md``
    (what a published page may say, where the path given may be absolute): from the folder
    of the config found for ``path`` where it holds the file, else from the folder given (a
    file given: as typed where that is relative and climbs no ``..``, else by its name)."""
    target = Path(path)
    if target.is_file():
        config = config or find_config(target)
        if config.root is not None:
            root = fs.real(config.root)
            place = fs.real(target.parent) / target.name  # the file itself unresolved
            if place.is_relative_to(root):
                return [(target, place.relative_to(root).as_posix())]
        typed = not target.is_absolute() and ".." not in target.parts
        return [(target, target.as_posix() if typed else target.name)]
    if not target.is_dir():
        try:
            target.stat()
        except FileNotFoundError:
            raise NotAFileError("no such file or folder", path=str(path)) from None
        except OSError as exc:  # a symlink loop, a folder it may not look in
            raise SourceError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
        # a pipe, socket or device: reading it could wait forever
        raise NotAFileError("not a regular file or folder", path=str(path))
    config = config or find_config(target)
    walk_root, match_root = target, fs.real(target)
    if config.root is not None:
        config_root = fs.real(config.root)
        if config_root != match_root and config_root.is_relative_to(match_root):
            walk_root, match_root = Path(config.root), config_root
        elif match_root.is_relative_to(config_root):
            match_root = config_root
    # Paths below the walk's root, made relative to the matching root through the root alone
    # (resolving each file would cost a dozen system calls apiece).
    inside = fs.real(walk_root).relative_to(match_root).as_posix()
    lead = "" if inside == "." else inside + "/"
    relatives = {lead + relative: p for relative, p in fs.walk_relative(walk_root)}
    return [(relatives[r], r) for r in select(relatives, config.roadmaps)]


def is_roadmap(path: str | os.PathLike[str]) -> bool:
    """Whether the config that governs the file ``path`` (the nearest) names it a roadmap:
    its ``roadmaps`` patterns match it, relative to the config's folder (without a config,
    the default patterns, which match by name)."""
    from milepost.portfolio.discover import matches

    resolved = fs.real(path)
    config = find_config(resolved.parent)
    root = Path(config.root) if config.root is not None else Path(resolved.anchor)
    if not resolved.is_relative_to(root):
        return False
    return matches(resolved.relative_to(root).as_posix(), config.roadmaps)


def nothing_found(paths: Sequence[str | os.PathLike[str]]) -> NoRoadmapsError:
    """The error for paths below which no roadmap was found, naming where and what was sought."""
    where = os.fspath(paths[0]) if paths else "."
    config = find_config(where)
    patterns = ", ".join(config.roadmaps)
    hint = (
        f"set `roadmaps` in {typed_path(config.path)}"
        if config.path
        else "name the files, or set `roadmaps` in a milepost.toml"
    )
    return NoRoadmapsError(f"no roadmaps found: looked for {patterns}", path=where, hint=hint)
