"""What history knows of each roadmap version, parsed once: snapshots by blob and path, and
track lives by their versions, kept in ``.git/milepost``; the blobs the cache lacks are read
with one ``git cat-file --batch`` and parsed on every core when there are many."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from milepost import __version__, fs
from milepost.config import Config
from milepost.errors import MilepostError
from milepost.history import gitlog
from milepost.history.lives import Life
from milepost.history.snapshot import Snapshot, snapshot
from milepost.history_store import Store


class Cache:
    """Snapshots by (blob, path) and track lives by their versions, in ``.git/milepost``."""

    def __init__(self, git_dir: Path, config: Config) -> None:
        self.config = config
        tag = (__version__, tuple(sorted(config.statuses)))
        folder = git_dir / "milepost"
        self.snapshots = Store(folder, "snapshots", Snapshot, tag=tag)
        self.lives = Store(folder, "lives", Life, tag=tag)

    def fill(
        self, root: Path, wanted: set[tuple[str, str]], notes: list[str]
    ) -> dict[tuple[str, str], Snapshot]:
        """The snapshot of each (blob, path): from the cache, else read from git and parsed."""
        found: dict[tuple[str, str], Snapshot] = {}
        missing = []
        for blob, path in wanted:
            snap = self.snapshots.get(f"{blob}:{path}")
            if snap is not None:
                found[blob, path] = snap
            else:
                missing.append((blob, path))
        if not missing:
            return found
        contents = gitlog.blobs(root, {blob for blob, _ in missing})
        jobs = []
        for blob, path in sorted(missing):
            if blob in contents:
                jobs.append((blob, path, contents[blob]))
            else:
                notes.append(f"{path}: blob {blob[:7]} is not in this clone")
        for blob, path, outcome in _parse_all(jobs, self.config):
            if isinstance(outcome, str):
                notes.append(f"{path} at blob {blob[:7]}: skipped: {outcome}")
                continue
            found[blob, path] = outcome
            self.snapshots.put(f"{blob}:{path}", outcome)
        self.snapshots.save()
        return found


# Below this many blobs to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 64

_Parsed = tuple[str, str, "Snapshot | str"]  # blob, path, snapshot (or why it could not be read)


def _parse_all(jobs: list[tuple[str, str, bytes]], config: Config) -> list[_Parsed]:
    """Parse each (blob, path, bytes), over every core when there are many."""
    workers = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return _parse_chunk(jobs, config)
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(jobs) // (workers * 4))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    with ProcessPoolExecutor(workers) as pool:
        futures = [pool.submit(_parse_chunk, chunk, config) for chunk in chunks]
        return [parsed for future in futures for parsed in future.result()]


def _parse_chunk(jobs: list[tuple[str, str, bytes]], config: Config) -> list[_Parsed]:
    from milepost.collector import gc_paused

    out: list[_Parsed] = []
    with gc_paused():
        for blob, path, data in jobs:
            try:
                out.append((blob, path, _parse(data, path, config)))
            except MilepostError as exc:
                out.append((blob, path, exc.message))
    return out


def _parse(data: bytes, path: str, config: Config) -> Snapshot:
    # Imported here: with a warm cache, nothing is parsed and none of this is needed.
    from milepost.extract import read_roadmap
    from milepost.source import decode
    from milepost.vocabulary.mojibake import repaired

    source = decode(data, path=path)
    # A commit that garbled the file (a Windows-1252 editor) and the one that repaired it
    # changed no item: history reads what the text meant (MP302 reports the garbling).
    text = repaired(source.text)
    if text != source.text:
        source = replace(source, text=text)
    return snapshot(read_roadmap(source, path=path, statuses=config.statuses))


def working_snapshot(file: Path, config: Config) -> Snapshot:
    """The roadmap as it is on disk; an unreadable file is an error (exit 2), never a
    roadmap with nothing in it."""
    return _parse(fs.read(file).data, str(file), config)
