"""One build of the site: read and key the roadmaps, render the tracks that changed, join the
pages across tracks, write what differs, keep the parts for the next build."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milepost import fs
from milepost.config import Config
from milepost.errors import MilepostError, UsageError, WriteError
from milepost.extract import read_title, track_name
from milepost.portfolio.links import track_labels
from milepost.portfolio.slugs import path_slug, slug_path
from milepost.render.site.filters import FILES
from milepost.render.site.parts import SHARED_PAGES
from milepost.sitebuild.cache import CACHE, keep, read_kept
from milepost.sitebuild.pages import MANIFEST, SiteResult, pages, read_manifest, write
from milepost.sitebuild.plan import TrackFile, kept_now, read_tracks, to_render
from milepost.sitebuild.rendering import render, use_template_cache
from milepost.source import decode

if TYPE_CHECKING:
    from milepost.history.stats import Stats

__all__ = ["build_site", "refuse_a_folder_not_ours"]


#: The top-level names a build writes (the pages, their folders).
_WRITTEN = frozenset({*SHARED_PAGES, "static", "tracks", FILES})


def refuse_a_folder_not_ours(folder: Path) -> None:
    """A build writes its pages, ``static/``, ``tracks/`` and ``files/`` into ``folder``: not
    where a file or folder of one of those names is already there and milepost built no site
    (no manifest or cache of one), so a user's own files are never overwritten. Other files
    (a gh-pages worktree's ``.git``, ``CNAME``) are left beside the site."""
    try:
        with os.scandir(folder) as entries:
            names = {entry.name for entry in entries}
    except OSError:
        return  # not there yet (or no folder at all: making it says why it cannot be)
    taken = sorted(names & _WRITTEN)
    if taken and not names & {MANIFEST, CACHE}:
        raise UsageError(
            f"holds {', '.join(taken[:3])}{', ...' if len(taken) > 3 else ''}, and no site"
            f" milepost built (no {MANIFEST})",
            path=str(folder),
            hint="give -o another folder, or move those away: milepost overwrites only its own",
        )


def _refuse_shared_pages(pages_of: dict[str, str]) -> None:
    """Two roadmaps whose folders share a name (``a/memory/``, ``b/memory/``) have one slug,
    and so one page: the second would overwrite the first's without a word. Refused, before
    anything is written, naming both."""
    by_slug: dict[str, list[str]] = {}
    for path, slug in pages_of.items():
        by_slug.setdefault(slug, []).append(path)
    shared = next(((slug, paths) for slug, paths in by_slug.items() if len(paths) > 1), None)
    if shared is not None:
        slug, paths = shared
        raise UsageError(
            f"{' and '.join(sorted(paths))} would both be tracks/{slug}.html",
            hint="rename one of their folders: a track's folder names its page",
        )


def _make_folder(folder: Path) -> None:
    """Make the site's folder (and its parents) if need be: a file where it or a parent should
    be, or a folder that cannot be made, is a :class:`~milepost.errors.WriteError` naming it
    (a :class:`~milepost.errors.MilepostError`, and an ``OSError``) before anything is
    rendered."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error = WriteError.from_os_error(exc, path=str(folder))
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            error.hint = "a file stands where the folder would be: give the site another"
        raise error from None


def _labels(
    tracks: list[TrackFile], todo: list[TrackFile]
) -> tuple[list[TrackFile], dict[Path, str]]:
    """What to call each track whose name is not enough ("Memory (memory)" beside a
    namesake), from every track's name before any is rendered, so that each is rendered
    once: a kept track's name from its parts, the name of one to render from its title
    alone (one that cannot be read has none: rendering it says why). And the kept tracks
    whose parts call them otherwise (a namesake came or went since they were rendered), to
    render again."""
    rendering = {id(t) for t in todo}
    named: list[tuple[TrackFile, str]] = []
    for track in tracks:
        if id(track) in rendering:
            try:
                source = decode(track.data, path=str(track.path))
            except MilepostError:
                continue
            named.append((track, track_name(read_title(source))))
        elif track.parts is not None:
            named.append((track, track.parts.name))
    here = fs.cwd()
    labels = track_labels((name, slug_path(str(t.path), cwd=here)) for t, name in named)
    again = [
        t
        for (t, _), label in zip(named, labels, strict=True)
        if id(t) not in rendering and t.parts is not None and t.parts.track != label
    ]
    for track in again:
        track.kept = None  # what was kept of it no longer stands
    return again, {
        t.path: label for (t, name), label in zip(named, labels, strict=True) if label != name
    }


def build_site(
    files: list[tuple[Path, Config, str]],
    output: str | os.PathLike[str],
    *,
    project: str,
    today: date,
    version: str,
    progress: Callable[[str], None] | None = None,
    memo: dict[str, Any] | None = None,
    history: tuple[Sequence[Stats], Stats] | None = None,
) -> SiteResult:
    """Build the site of the roadmap ``files`` (each with the config that governs it and its
    path from the portfolio's root, which its page shows) into ``output``, rendering only
    the tracks that changed since a build by milepost ``version``; ``memo`` keeps what the
    cache holds in memory between builds of one process (``milepost serve``)."""
    folder = Path(output)
    refuse_a_folder_not_ours(folder)
    _make_folder(folder)
    use_template_cache()
    manifest = read_manifest(folder, version)
    fresh = not manifest  # a first build by this version: older caches may lie around
    kept = read_kept(folder, version, memo)
    # Each roadmap's page by its file: a link from one roadmap to another goes to its page.
    here = fs.cwd()
    pages_of = {os.path.realpath(path): path_slug(str(path), cwd=here) for path, _, _ in files}
    _refuse_shared_pages(pages_of)
    tracks, errors = read_tracks(
        files, project=project, today=today, version=version, pages_of=pages_of
    )
    todo = to_render(tracks, folder, manifest.get("files", {}), kept, manifest.get("checked"))
    again, labels = _labels(tracks, todo)
    todo += again
    if progress is not None:  # the tracks kept as they were; render tells each it renders
        rendering = {id(t) for t in todo}
        for track in tracks:
            if id(track) not in rendering and track.parts is not None:
                progress(track.parts.track)
    errors += render(
        todo, project=project, today=today, progress=progress, pages_of=pages_of, labels=labels
    )
    good = [t for t in tracks if t.parts is not None]
    joined = pages(good, manifest, folder, project=project, today=today, history=history)
    result = write(folder, good, manifest, joined, version=version, errors=errors)
    keep(folder, kept_now(good), kept, version=version, memo=memo, fresh=fresh)
    return result
