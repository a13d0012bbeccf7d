"""The incremental plan: each roadmap file of a build, its key, and whether what the last
build kept of it still stands (its parts kept, its page on disk as they were rendered).

A track's key is the digest of the roadmap's bytes, its path (and the path its page shows,
from the portfolio's root), its config, ``today``, the project's name, the portfolio's
roadmaps (their links between them go to their pages) and milepost's version (with a stamp
of its code): a track is parsed and rendered again only when one of those changed since the
last build into the same folder.

The manifest names the files a track's page links to by their paths from the portfolio's root
(:meth:`TrackFile.from_root`), never where the portfolio is on the disk that built it: the
site's folder is published, dotfiles and all.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

from milepost import fs
from milepost.config import Config
from milepost.errors import MilepostError
from milepost.portfolio.conflicts import Offer
from milepost.render.site.filters import path_to_copy
from milepost.render.site.parts import TrackParts
from milepost.sitebuild.cache import Kept, plain_offers

__all__ = ["TrackFile", "digest", "kept_now", "read_tracks", "to_render"]


@dataclass(slots=True)
class TrackFile:
    """One roadmap file of the build, and what is known of it so far."""

    path: Path
    config: Config
    data: bytes
    key: str
    shown: str  # its path from the portfolio's root, which its page shows
    parts: TrackParts | None = None
    page: bytes | None = None  # rendered in this build
    page_digest: str | None = None
    offers: tuple[Offer, ...] | None = None
    shares: tuple[str, ...] | None = None  # see TrackParts.shares
    kept: Kept | None = None
    #: Every file a link of its page named → whether it is copied into the site: from its
    #: rendering, or (a page kept) from the last build, each answer found to hold still.
    checked: dict[str, bool] | None = None

    def _root(self) -> str:
        """The portfolio's root, resolved: the roadmap's folder up as many folders as the
        path its page shows has (``shown`` is made from resolved folders)."""
        root = os.path.realpath(self.path.parent)
        for _ in PurePosixPath(self.shown).parent.parts:
            root = os.path.dirname(root)
        return root

    def from_root(self, file: str) -> str | None:
        """A file its page links to (resolved) as the manifest keeps it: its path from the
        portfolio's root, ``a/b.png`` (``../c.png`` outside it); None where there is none (a
        file on another drive)."""
        try:
            return PurePath(os.path.relpath(file, self._root())).as_posix()
        except ValueError:
            return None

    def on_disk(self, kept: object) -> str | None:
        """The file (resolved) the manifest keeps as ``kept`` (:meth:`from_root`); None for
        what no build wrote there (a manifest is trusted in nothing)."""
        if not isinstance(kept, str) or not kept or PurePath(kept).is_absolute():
            return None
        return os.path.normpath(os.path.join(self._root(), kept))

    def kept_links(self) -> dict[str, bool]:
        """:attr:`checked` as the manifest keeps it, each file by :meth:`from_root`."""
        kept = ((self.from_root(file), copied) for file, copied in (self.checked or {}).items())
        return {file: copied for file, copied in kept if file is not None}


def digest(*parts: str) -> str:
    """The SHA-256 hex digest of the strings, each told apart from the next."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def read_tracks(
    files: list[tuple[Path, Config, str]],
    *,
    project: str,
    today: date,
    version: str,
    pages_of: Mapping[str, str] | None = None,
) -> tuple[list[TrackFile], list[MilepostError]]:
    """Each roadmap file read and keyed; the errors of those that could not be read. The key
    covers the portfolio's tracks (``pages_of``: each roadmap's page, by file), which links
    between roadmaps point to, and the path the page shows."""
    tracks: list[TrackFile] = []
    errors: list[MilepostError] = []
    members = digest(*(f"{file}={page}" for file, page in sorted((pages_of or {}).items())))
    for path, config, shown in files:
        try:
            data = fs.read(path).data
        except MilepostError as exc:
            errors.append(exc)
            continue
        context = digest(
            version, today.isoformat(), repr(config), project, str(path), shown, members
        )
        tracks.append(TrackFile(path, config, data, digest(context, fs.sha256(data)), shown))
    return tracks, errors


def to_render(
    tracks: list[TrackFile],
    folder: Path,
    pages: Mapping[str, str],
    kept: Mapping[str, Kept],
    checked: Mapping[str, Any] | None = None,
) -> list[TrackFile]:
    """The tracks to parse and render again; each other one takes what was kept of it.
    ``pages``: the digests of the files the last build wrote, by relative path; ``checked``:
    by track key, the files the links of its page named and whether each was copied (a
    track is rendered again when one of those answers changed: a linked file that appeared
    or went)."""
    on_disk = _track_pages(folder)
    todo = []
    for track in tracks:
        links = _links((checked or {}).get(track.key, {}), track)
        if links is None or not _reuse(track, on_disk, pages, kept):
            todo.append(track)
        else:
            track.checked = links
    return todo


def _links(kept: Any, track: TrackFile) -> dict[str, bool] | None:
    """Each file the links of the track's page named (resolved) → whether it is copied, if
    each answer still holds; None if one does not (``kept``: as the last build's manifest
    has them, trusted in nothing)."""
    if not isinstance(kept, dict):
        return None
    folder = os.path.realpath(track.path.parent)
    links: dict[str, bool] = {}
    for file, copied in kept.items():
        target = track.on_disk(file)
        if target is None or (path_to_copy(folder, target) is not None) is not copied:
            return None
        links[target] = copied
    return links


def _track_pages(folder: Path) -> frozenset[str]:
    """The track pages on disk, as ``tracks/<slug>.html``: one listing, not a look per track."""
    try:
        with os.scandir(folder / "tracks") as entries:
            return frozenset(f"tracks/{e.name}" for e in entries if e.is_file())
    except OSError:
        return frozenset()


def _reuse(
    track: TrackFile, on_disk: frozenset[str], pages: Mapping[str, str], kept: Mapping[str, Kept]
) -> bool:
    """Whether the track's parts are kept and its page is on disk as they were rendered."""
    entry = kept.get(track.key)
    if entry is None:
        return False
    relative = f"tracks/{entry.parts.slug}.html"
    if pages.get(relative) != entry.page_digest or relative not in on_disk:
        return False
    track.parts, track.page_digest, track.kept = entry.parts, entry.page_digest, entry
    track.shares = entry.shares
    return True


def kept_now(found: list[TrackFile]) -> dict[str, Kept]:
    """What to keep of each track built, by key: what was kept, or what was rendered now."""
    now: dict[str, Kept] = {}
    for track in found:
        if track.kept is not None:
            now[track.key] = track.kept
        else:
            assert track.parts is not None and track.page_digest is not None
            assert track.offers is not None and track.shares is not None
            offered = plain_offers(track.offers)
            now[track.key] = Kept(track.parts, track.page_digest, offered, track.shares)
    return now
