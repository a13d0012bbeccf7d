"""The parts cache: what a build keeps of each track for the next one.

``.milepost-cache/parts-<x>.pickle`` beside the site hold each track's parts of the pages
across tracks, the digest of its page and what it offers to the tracks that depend on it, by
the track's key (see :mod:`milepost.sitebuild.plan`), in 16 files by the key's first hex
digit: few files to read, and a change to one track rewrites a sixteenth of the cache, not all
of it. They are plain data (strings, numbers, tuples), read back without running anything they
name; one that cannot be read is ignored, and the whole folder is safe to delete.
"""

from __future__ import annotations

import io
import os
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from milepost import fs
from milepost.errors import MilepostError
from milepost.portfolio.conflicts import Offer
from milepost.render.site.parts import SHARED_PAGES, TrackParts
from milepost.vocabulary.status import Status

__all__ = ["CACHE", "Kept", "keep", "kept_offers", "plain_offers", "read_kept"]

CACHE = ".milepost-cache"
#: The cache files: the tracks whose key starts with the digit are in ``parts-<digit>.pickle``.
_SHARDS = "0123456789abcdef"
#: A cache entry of milepost before 0.6: one JSON file per track (removed when met).
_OLD_ENTRY = re.compile(r"[0-9a-f]{64}\.json")


@dataclass(frozen=True, slots=True)
class Kept:
    """What a build keeps of a track for the next: its parts, its page's digest, what it
    offers (pickled plain data, unpickled only when a conflict in time must be judged), and
    the digests of its shares of the pages across tracks (:meth:`TrackParts.shares`)."""

    parts: TrackParts
    page_digest: str
    offers: bytes
    shares: tuple[str, ...]


class _PlainUnpickler(pickle.Unpickler):
    """Reads plain data only: a pickle naming any class or function (which loading would
    import and may call) is refused, so a planted cache file runs nothing."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}: the cache holds plain data only")


def read_kept(folder: Path, version: str, memo: dict[str, Any] | None) -> dict[str, Kept]:
    """What the last build by this ``version`` kept of each track, by key: from ``memo`` when
    given and filled, else from the cache files; nothing of a file missing or damaged."""
    if memo:
        return dict(memo)
    kept: dict[str, Kept] = {}
    for shard in _SHARDS:
        kept.update(_read_shard(folder, shard, version))
    return kept


def _shard(folder: Path, digit: str) -> Path:
    return folder / CACHE / f"parts-{digit}.pickle"


def _read_shard(folder: Path, digit: str, version: str) -> dict[str, Kept]:
    try:
        kept = fs.read(_shard(folder, digit), any_size=True).data
        data = _PlainUnpickler(io.BytesIO(kept)).load()
        if not isinstance(data, dict) or data.get("milepost") != version:
            return {}
        return {
            key: Kept(TrackParts.from_plain(parts), page_digest, offered, _strings(shares))
            for key, (parts, page_digest, offered, shares) in data["tracks"].items()
            if isinstance(key, str) and key[:1] == digit
        }
    except MilepostError:  # not there
        return {}
    except Exception:  # a damaged file keeps nothing, whatever unpickling it raised
        return {}


def _strings(found: object) -> tuple[str, ...]:
    """``found`` if it is a digest for each of the pages across tracks, else ValueError."""
    if not isinstance(found, tuple) or len(found) != len(SHARED_PAGES):
        raise ValueError("not the digests of a track's shares")
    if not all(isinstance(s, str) for s in found):
        raise ValueError("not the digests of a track's shares")
    return found


def kept_offers(entry: Kept) -> tuple[Offer, ...] | None:
    """What a kept track offers, or None when its entry cannot be read back."""
    try:
        return tuple(_offer(*o) for o in _PlainUnpickler(io.BytesIO(entry.offers)).load())
    except Exception:  # a damaged entry: the caller asks the roadmap again
        return None


def _offer(title: str, status: str | None, label: str | None, day: int | None, line: int) -> Offer:
    return Offer(
        title,
        None if status is None else Status(status),
        label,
        None if day is None else date.fromordinal(day),
        line,
    )


def plain_offers(found: tuple[Offer, ...]) -> bytes:
    """What a track offers as pickled plain data, for :func:`kept_offers`."""
    return pickle.dumps(
        [
            (
                o.title,
                None if o.status is None else o.status.value,
                o.label,
                None if o.start is None else o.start.toordinal(),
                o.line,
            )
            for o in found
        ],
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def keep(
    folder: Path,
    now: dict[str, Kept],
    before: Iterable[str],
    *,
    version: str,
    memo: dict[str, Any] | None,
    fresh: bool,
) -> None:
    """Keep each track's entry (``now``, by key) for the next build, rewriting only the cache
    files that gain or lose a track (``before``: the keys read at the start); ``fresh`` (no
    manifest of this version) also removes the cache entries of older milepost versions."""
    if memo is not None:
        memo.clear()
        memo.update(now)
    if fresh:
        _remove_old_entries(folder / CACHE)
    shards: dict[str, dict[str, Kept]] = {digit: {} for digit in _SHARDS}
    for key, entry in now.items():
        shards[key[0]][key] = entry
    had: dict[str, set[str]] = {digit: set() for digit in _SHARDS}
    for key in before:
        had[key[0]].add(key)
    for digit, mine in shards.items():
        path = _shard(folder, digit)
        if mine.keys() == had[digit] and (not mine or path.is_file()):
            continue  # the same tracks, so the same entries: the file already says so
        if not mine:
            fs.remove(path)
            continue
        data = {
            "milepost": version,
            "tracks": {
                key: (entry.parts.to_plain(), entry.page_digest, entry.offers, entry.shares)
                for key, entry in mine.items()
            },
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fs.replace(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), durable=False)


def _remove_old_entries(cache: Path) -> None:
    try:
        names = [entry.name for entry in os.scandir(cache)]
    except OSError:
        return
    for name in names:
        if _OLD_ENTRY.fullmatch(name):
            fs.remove(cache / name)
