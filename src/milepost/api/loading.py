"""Reading roadmaps: one file, one text, or every roadmap that paths name."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from milepost import fs
from milepost.api.arguments import Paths, as_config, path_list
from milepost.collector import gc_paused
from milepost.config import Config
from milepost.errors import MilepostError
from milepost.extract import read_roadmap
from milepost.locate import config_in, discover, find_config
from milepost.model import Roadmap
from milepost.source import Source, decode


def loads(
    text: str, *, path: str | os.PathLike[str] | None = None, config: Config | None = None
) -> Roadmap:
    """Parse roadmap text (already decoded) into a :class:`Roadmap`. Never raises on any text.

    ``path`` says where the text is from: findings name it, and a portfolio names the track
    by it (``tracks/memory/roadmap.md`` is ``memory``; a ``roadmap.md`` with no folder before
    it, by its title); nothing is read from it, and the working directory plays no part.
    ``path`` may be a :class:`~pathlib.Path`: the roadmap keeps it as text, as :func:`load`
    does. ``config`` adds its ``statuses`` markers to the vocabulary.
    """
    _must_be_text(text)
    config = as_config(config)
    name = None if path is None else os.fspath(path)
    if isinstance(name, bytes):
        raise TypeError("loads() takes path as a str or os.PathLike path, not bytes")
    statuses = config.statuses if config is not None else ()
    return read_roadmap(Source.from_text(text, path=name), path=name, statuses=statuses)


def _must_be_text(value: object) -> None:
    """A caller without a type checker may pass bytes (``path.read_bytes()``): say so, rather
    than fail deep in the parser."""
    if not isinstance(value, str):
        kind = type(value).__name__
        raise TypeError(f"loads() takes text (str), not {kind}: decode it, or load() the file")


def load(path: str | os.PathLike[str], *, config: Config | None = None) -> Roadmap:
    """Read and parse one roadmap file; unreadable or undecodable files raise
    :class:`milepost.MilepostError` naming the file (and line, where there is one).

    The status markers of ``config`` (default: the config that governs the file, as it is on
    disk now) are added to the vocabulary.
    """
    if as_config(config) is None:
        forget_configs()  # a config edited since the last load (in a notebook) is read again
    return load_file(path, config=config)


def load_file(path: str | os.PathLike[str], *, config: Config | None = None) -> Roadmap:
    """:func:`load` within a batch (:func:`forget_configs` starts one): the config of each
    folder is found once, and kept for the batch."""
    name = os.fspath(path)
    source = decode(fs.read(name).data, path=name)
    if config is None:
        config = config_for(name)
    with gc_paused():
        return read_roadmap(source, path=name, statuses=config.statuses)


def config_for(path: str | os.PathLike[str]) -> Config:
    """The config that governs a file: the nearest one in its folder or a folder above (each
    folder's answer cached), whichever path named the file."""
    name = os.fspath(path)
    if os.path.islink(name):
        return _config_near(os.path.dirname(os.path.realpath(name)))
    return _config_near(_real_folder(os.path.dirname(name) or os.curdir))


#: Each folder's answers, for one batch (:func:`forget_configs`): dicts filled by loops, not
#: recursive functions under a cache, so that a folder 500 levels down is no deeper a call.
_real_folders: dict[str, str] = {}
_configs: dict[str, Config] = {}
_CACHE_SIZE = 4096


def _real_folder(folder: str) -> str:
    """``os.path.realpath(folder)``, each folder's parent resolved once (cached): a thousand
    tracks in sibling folders cost a system call apiece, not one per folder of each path."""
    if len(_real_folders) > _CACHE_SIZE:
        _real_folders.clear()
    below: list[tuple[str, str]] = []  # the folders under the one answered, and their names
    while (real := _real_folders.get(folder)) is None:
        parent, base = os.path.split(folder)
        if not parent or base in ("", os.curdir, os.pardir) or os.path.islink(folder):
            real = _real_folders[folder] = os.path.realpath(folder)
            break
        below.append((folder, base))
        folder = parent
    for name, base in reversed(below):
        real = _real_folders[name] = os.path.join(real, base)
    return real


def _config_near(folder: str) -> Config:
    """:func:`find_config` for a resolved folder, each folder's answer cached: the tracks of
    a portfolio, one folder each, share their parent's answer instead of walking up again."""
    if len(_configs) > _CACHE_SIZE:
        _configs.clear()
    below: list[str] = []  # the folders under the one answered
    while (config := _configs.get(folder)) is None:
        below.append(folder)
        config = config_in(folder)
        if config is not None:
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            config = Config()
            break
        folder = parent
    for name in below:
        _configs[name] = config
    return config


def forget_configs() -> None:
    """Start a batch: configs are cached per folder for one batch, not longer, so that a
    long-lived process (a docs server) sees an edited config on its next load."""
    _configs.clear()
    _real_folders.clear()  # a folder may have become a link since


@dataclass(slots=True)
class LoadResult:
    """Roadmaps that loaded, and the errors of those that did not (one line each)."""

    roadmaps: list[Roadmap] = field(default_factory=list)
    errors: list[MilepostError] = field(default_factory=list)


def load_many(paths: Paths) -> LoadResult:
    """Load every roadmap that the paths name (one path or several; folders are searched); go
    on past bad files.

    The config found for a path chooses the files below it; each file's own config (the
    nearest, :func:`config_for`) gives it its status markers, so a file reads the same
    whichever path named it.
    """
    forget_configs()
    # The models hold no reference cycles, so the cyclic GC would only re-scan a growing heap
    # again and again (about a quarter of the time at 1,000 tracks): pause it for the batch.
    with gc_paused():
        return _load_many(path_list(paths))


def _load_many(paths: list[str | os.PathLike[str]]) -> LoadResult:
    result = LoadResult()
    seen: set[Path] = set()
    said: set[str] = set()  # a broken config is said once, not once per file it governs

    def failed(exc: MilepostError) -> None:
        if str(exc) not in said:
            said.add(str(exc))
            result.errors.append(exc)

    for path in paths:
        try:
            files = discover(path, find_config(path))
        except MilepostError as exc:
            failed(exc)
            continue
        for file in files:
            resolved = fs.real(file)
            if resolved in seen:
                continue
            seen.add(resolved)
            try:
                result.roadmaps.append(load_file(file))
            except MilepostError as exc:
                failed(exc)
    return result
