"""The files roadmaps link to (images, documents beside them), copied into the site.

A track page's links to such files point to their copies under ``files/<slug>/`` (see
``render.site.filters.Relink``), whose answers (each file a link named, copied or not) are
the track's ``checked``, kept in the manifest with its page. The manifest also lists each
copy: its place in the site, the track (by key) whose page links to it, the file it copies
(by its path from the portfolio's root: the site's folder is published) and that file's size
and time of change when it was copied, so an unchanged file is not copied again. A copy no
page links to any more is deleted.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from milepost import fs
from milepost.errors import MilepostError, SourceError
from milepost.render.site.filters import FILES, place_of
from milepost.sitebuild.plan import TrackFile

__all__ = ["copy_linked"]


def copy_linked(
    folder: Path, found: Sequence[TrackFile], before: Any, errors: list[MilepostError]
) -> dict[str, list[Any]]:
    """Copy the files the track pages link to into ``folder`` where they are missing or have
    changed, delete the copies no page links to any more, and return the manifest's new list
    (``before``: the last build's, as read from its manifest, trusted in nothing); a file
    that cannot be copied is added to ``errors``."""
    listed = _entries(before)
    wanted: dict[str, tuple[TrackFile, str]] = {}  # place → (its track, file)
    for track in found:
        if not track.checked or track.parts is None:
            continue
        # The files its page links to as copies: each one found to copy when the page was
        # rendered, or (a kept page) again before it was kept (plan.to_render).
        roadmap_folder = os.path.realpath(track.path.parent)
        for file, copied in track.checked.items():
            if copied:
                inside = os.path.relpath(file, roadmap_folder)
                wanted[place_of(track.parts.slug, inside)] = (track, file)
    for place in listed.keys() - wanted.keys():  # first: a new copy may need the place
        _clear(folder, place)
    now: dict[str, list[Any]] = {}
    for place in sorted(wanted):
        track, file = wanted[place]
        target = folder / place
        try:
            info = os.stat(file)
        except OSError:  # gone since the page was rendered: no stale copy either
            _clear(folder, place)
            continue
        stamp = [track.key, track.from_root(file), info.st_size, info.st_mtime_ns]
        if listed.get(place) != stamp or not target.is_file():
            try:
                _copy(file, target, folder / FILES)
            except OSError as exc:
                errors.append(
                    SourceError(f"cannot copy into the site: {exc.strerror or exc}", path=file)
                )
                continue
        now[place] = stamp
    return now


def _copy(file: str, target: Path, top: Path) -> None:
    """Copy ``file`` to ``target`` through a temporary file beside it (never read whole into
    memory: a linked video may be large); what stands in its way below ``top`` (the site's
    ``files/``: a copy that was a file where a folder is now needed, or the reverse) goes
    first."""
    for parent in reversed(target.parents):
        if parent != top and parent.is_relative_to(top) and parent.is_file():
            parent.unlink()
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.copying")
    try:
        shutil.copyfile(file, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _clear(folder: Path, place: str) -> None:
    """Remove the copy at ``place`` and the folders under ``files/`` it leaves empty."""
    target = folder / place
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target, ignore_errors=True)
    else:
        fs.remove(target)
    top = folder / FILES
    for parent in target.parents:
        if parent == top or not parent.is_relative_to(top):
            break
        try:
            parent.rmdir()  # only when empty
        except OSError:
            break


def _entries(before: Any) -> dict[str, list[Any]]:
    """The last build's list of copies, each place checked to lie under ``files/``: a
    manifest edited by hand can make a build delete nothing else."""
    if not isinstance(before, dict):
        return {}
    return {
        place: entry
        for place, entry in before.items()
        if isinstance(place, str)
        and _is_copy_place(place)
        and isinstance(entry, list)
        and len(entry) == 4
    }


def _is_copy_place(place: str) -> bool:
    parts = PurePosixPath(place).parts
    return (
        len(parts) >= 3
        and parts[0] == FILES
        and "\\" not in place
        and not any(part in ("..", ".", "") or ":" in part for part in parts)
    )
