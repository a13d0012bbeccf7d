"""The incremental plan: each roadmap file of a build, its key, and whether what the last
build kept of it still stands (its parts kept, its page on disk as they were rendered).

A track's key is the digest of the roadmap's bytes, its path (and the path its page shows,
from the portfolio's root), its config, ``today``, the project's name, the portfolio's
roadmaps (their links between them go to their pages) and milepost's version (with a stamp
of its code): a track is parsed and rendered again only when one of those changed since the
last build into the same folder.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
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
        links = (checked or {}).get(track.key, {})
        if not _links_hold(track, links) or not _reuse(track, on_disk, pages, kept):
            todo.append(track)
        else:
            track.checked = links
    return todo


def _links_hold(track: TrackFile, links: Any) -> bool:
    """Whether each file the links of the track's page named is still copied, or still not
    (``links``: as the last build's manifest has them, trusted in nothing)."""
    if not isinstance(links, dict):
        return False
    if not links:
        return True
    folder = os.path.realpath(track.path.parent)
    return all(
        isinstance(target, str) and (path_to_copy(folder, target) is not None) is copied
        for target, copied in links.items()
    )


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
