"""Roadmaps embedded in a docs build: the kinds of block and their options, what a directive's
path names, the portfolio it shows (loaded once per build while the files stay the same), the
blocks it becomes, and the findings to report.

Shared by the Sphinx extension and the Markdown extension. It reads files only through
:mod:`milepost.api` and :mod:`milepost.locate`; to know whether a portfolio must be loaded
again, it compares the modification times and sizes of its files (``os.stat``, no read).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from milepost import api, fs
from milepost.config import Config
from milepost.errors import MilepostError, UsageError
from milepost.locate import discover, find_config
from milepost.model import Roadmap
from milepost.portfolio.model import Portfolio
from milepost.render.blocks import Block
from milepost.render.cards import graph_view, risks_view, track_view
from milepost.render.docs import (
    focus_view,
    only_tracks,
    parse_columns,
    parse_tracks,
    portfolio_view,
    with_neighbours,
)
from milepost.rules import Diagnostic

__all__ = [
    "KINDS",
    "Shown",
    "check",
    "options_of",
    "parse_today",
    "portfolio_root",
    "resolve",
    "roadmap_files",
    "show",
    "target",
    "view",
]

#: Each kind of block (``milepost-<kind>`` in Sphinx, ```` ```milepost <kind> ```` in Markdown)
#: and the options it takes; a ``track`` names its roadmap, the others show the portfolio root
#: when they name nothing.
KINDS: dict[str, tuple[str, ...]] = {
    "portfolio": ("tracks", "columns"),
    "focus": ("tracks",),
    "risks": ("tracks",),
    "graph": ("tracks",),
    "track": (),
}


@dataclass(frozen=True)
class Shown:
    """A portfolio as a page shows it, and every file that went into it."""

    portfolio: Portfolio
    config: Config
    files: tuple[str, ...]  # absolute paths of the roadmaps read, loaded or not
    errors: tuple[MilepostError, ...]


def parse_today(value: object, *, name: str = "today") -> date:
    """The ``today`` setting (called ``name`` where it is set): an ISO date (or a date), else
    the real date."""
    if value is None or value == "":
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from None


def portfolio_root(option: str | os.PathLike[str] | None, base: Path) -> Path:
    """The folder a directive without a path shows: the ``root`` option (relative to
    ``base``), else the folder of the ``milepost.toml`` that governs ``base``, else ``base``."""
    if option:
        return fs.real(base / option)
    config = find_config(base)
    return fs.real(config.root) if config.root is not None else fs.real(base)


def resolve(argument: str | None, *, page_dir: Path | None, root: Path) -> Path:
    """A directive's path: relative to the page's folder where it names something there,
    else relative to the portfolio root; no path means the root."""
    if not argument:
        return root
    candidates = [page_dir / argument] if page_dir is not None else []
    candidates.append(root / argument)
    for candidate in candidates:
        if candidate.exists():
            return fs.real(candidate)
    raise UsageError(
        f"no roadmap or folder {argument!r}",
        hint=f"paths are relative to the page or to the portfolio root {root}",
    )


def options_of(kind: str) -> tuple[str, ...]:
    """The options ``kind`` takes; an unknown kind is an error naming the known ones."""
    if not kind:
        raise UsageError("which kind of block?", hint="known: " + ", ".join(KINDS))
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}", hint="known: " + ", ".join(KINDS))
    return KINDS[kind]


def target(kind: str, argument: str | None, *, page_dir: Path | None, root: Path) -> Path:
    """What a block of ``kind`` shows: the path it names (see :func:`resolve`); a ``track``
    must name one."""
    if kind == "track" and not argument:
        raise UsageError("track: which roadmap?", hint="name its file or folder")
    return resolve(argument, page_dir=page_dir, root=root)


def view(
    kind: str,
    shown: Shown,
    options: Mapping[str, str],
    *,
    argument: str | None = None,
    mermaid: bool = False,
) -> list[Block]:
    """The blocks of one directive or fenced block: ``kind`` over the portfolio ``shown``, with
    its ``options`` (checked by the host against :data:`KINDS`) and the path it named."""
    options_of(kind)
    if kind == "track":
        tracks = shown.portfolio.tracks
        if not tracks and shown.errors:  # found, but not readable: that error says why
            raise UsageError(f"the roadmap at {argument!r} could not be read: {shown.errors[0]}")
        if len(tracks) != 1:
            raise UsageError(f"{len(tracks)} roadmaps at {argument!r}; name one")
        return track_view(tracks[0], shown.portfolio.today)
    portfolio = only_tracks(shown.portfolio, parse_tracks(options.get("tracks")))
    if kind == "portfolio":
        return portfolio_view(
            portfolio,
            columns=parse_columns(options.get("columns")),
            stale_after_days=shown.config.stale_after_days,
        )
    if kind == "focus":
        return focus_view(portfolio)
    if kind == "risks":
        return risks_view(portfolio)
    return graph_view(with_neighbours(shown.portfolio, portfolio), mermaid=mermaid)


def roadmap_files(target: Path) -> tuple[str, ...]:
    """The roadmap files ``target`` names now (absolute, sorted)."""
    return tuple(sorted(str(fs.real(p)) for p in discover(target)))


_Stamp = tuple[tuple[str, int, int], ...]
_CACHE: dict[tuple[str, date], tuple[_Stamp, Shown]] = {}


def _stamp(files: tuple[str, ...], config: Config) -> _Stamp:
    out = []
    for name in (*files, *((config.path,) if config.path else ())):
        try:
            info = os.stat(name)
            out.append((name, info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((name, -1, -1))
    return tuple(out)


def show(target: Path, *, today: date) -> Shown:
    """The portfolio of the roadmaps ``target`` names, as of ``today``; loaded again only when
    a file was added, removed or changed since the last call in this process."""
    files = roadmap_files(target)
    config = find_config(target)
    stamp = _stamp(files, config)
    key = (str(target), today)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    built, loaded = api.portfolio([target], today=today)
    shown = Shown(built, config, files, tuple(loaded.errors))
    _CACHE[key] = (stamp, shown)
    return shown


def check(
    targets: list[Path], *, today: date, rules: bool = True
) -> tuple[list[Diagnostic], list[MilepostError]]:
    """``milepost check`` on every roadmap the targets show (each once), each portfolio under
    its own config; the roadmaps loaded for the pages are reused where this process has them.
    The roadmaps that could not be loaded are always returned; ``rules=False`` (a check mode
    of ``off``) skips the rules."""
    by_config: dict[str | None, tuple[Config, dict[str, Roadmap]]] = {}
    errors: dict[str, MilepostError] = {}
    for target in targets:
        try:
            shown = show(target, today=today)
        except MilepostError as exc:
            errors[str(exc)] = exc
            continue
        _, roadmaps = by_config.setdefault(shown.config.path, (shown.config, {}))
        for track in shown.portfolio.tracks:
            roadmaps.setdefault(track.roadmap.path or "", track.roadmap)
        errors.update((str(e), e) for e in shown.errors)
    diagnostics: list[Diagnostic] = []
    for config, roadmaps in by_config.values() if rules else ():
        result = api.check_loaded(list(roadmaps.values()), today=today, config=config)
        diagnostics += result.diagnostics
    return diagnostics, list(errors.values())
