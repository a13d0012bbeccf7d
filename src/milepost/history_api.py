"""The façade of roadmap history: git and the cache in, the pure history modules composed.

Reading goes like this, whatever the size of the portfolio: one ``git log`` over the roadmaps'
common folder (first parent, renames detected), one ``git cat-file --batch`` for the blobs
the cache does not hold yet, each of those parsed once. The cache lives in the repository's
git directory (``.git/milepost/``), is keyed by blob, path, status vocabulary and milepost
version, and is safe to delete.

Like :mod:`milepost.api` (which it builds on), this module may do I/O; what it calls is pure.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from milepost import __version__, fs, locate
from milepost.config import Config
from milepost.errors import MilepostError, UsageError
from milepost.history import gitlog
from milepost.history.diff import Ref, TrackDiff, diff
from milepost.history.lineage import Lineage, Point, find, lineages
from milepost.history.snapshot import Snapshot, snapshot
from milepost.history.stats import Stats, overall, track_stats
from milepost.history.versions import Commit, Version, trace

__all__ = ["History", "TrackHistory", "diffs", "item_story", "read_history", "stats"]

_CACHE_FORMAT = 1


class _Cache:
    """Snapshots by (blob, path), in ``.git/milepost/history-<version>-<code>.pickle``.

    Pickle, because loading a few thousand snapshots must cost less than the ``git log`` it
    saves; the file is written by milepost alone inside the git directory (whoever can write
    there can run hooks anyway), and a damaged or foreign file is ignored and replaced.
    """

    def __init__(self, git_dir: Path, config: Config) -> None:
        self.config = config
        # The cache holds what this very code made of each blob: a new milepost (or an
        # edited one, in development) starts a new cache file.
        code = fs.stamp(Path(__file__).parent)
        self.file = git_dir / "milepost" / f"history-{__version__}-{code}.pickle"
        self.vocabulary = tuple(sorted(config.statuses))
        self.entries: dict[str, Snapshot] = {}
        self.dirty = False
        try:
            data = pickle.loads(self.file.read_bytes())
            if data["format"] == _CACHE_FORMAT and data["statuses"] == self.vocabulary:
                self.entries = dict(data["entries"])
        except Exception:  # missing, damaged or foreign: it is only a cache
            self.entries = {}

    def fill(
        self, root: Path, wanted: set[tuple[str, str]], notes: list[str]
    ) -> dict[tuple[str, str], Snapshot]:
        found: dict[tuple[str, str], Snapshot] = {}
        missing = []
        for blob, path in wanted:
            snap = self.entries.get(f"{blob}:{path}")
            if isinstance(snap, Snapshot):
                found[blob, path] = snap
            else:
                missing.append((blob, path))
        if not missing:
            return found
        contents = gitlog.blobs(root, {blob for blob, _ in missing})
        from milepost.document import gc_paused

        with gc_paused():
            for blob, path in sorted(missing):
                if blob not in contents:
                    notes.append(f"{path}: blob {blob[:7]} is not in this clone")
                    continue
                try:
                    found[blob, path] = _parse(contents[blob], path, self.config)
                except MilepostError as exc:
                    notes.append(f"{path} at blob {blob[:7]}: skipped: {exc.message}")
                    continue
                self.entries[f"{blob}:{path}"] = found[blob, path]
        self._save()
        return found

    def _save(self) -> None:
        data = {"format": _CACHE_FORMAT, "statuses": self.vocabulary, "entries": self.entries}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fs.write_atomic(self.file, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
            for other in self.file.parent.glob("history-*"):
                if other != self.file:  # made by another milepost: never read again
                    other.unlink(missing_ok=True)
        except (OSError, MilepostError):
            pass  # a cache that cannot be written only costs time


@dataclass(slots=True)
class TrackHistory:
    """One roadmap's committed versions (oldest first), their snapshots, and the work tree's."""

    path: Path
    relpath: str
    versions: list[Version]
    snapshots: dict[str, Snapshot]  # blob -> snapshot; unreadable blobs are absent
    current: Snapshot | None

    @property
    def track(self) -> str:
        for snap in (self.current, *(self.snapshots.get(v.blob) for v in self.versions[::-1])):
            if snap is not None:
                return snap.track
        return self.path.stem

    def timeline(self, *, until: date | None = None) -> list[Point]:
        """The readable committed versions as points in time, oldest first."""
        return [
            Point(v.commit.when.date(), v.commit, snap)
            for v in self.versions
            if (snap := self.snapshots.get(v.blob)) is not None
            and (until is None or v.commit.when.date() <= until)
        ]


@dataclass(slots=True)
class History:
    root: Path
    tracks: list[TrackHistory]
    cache: _Cache
    shallow: bool = False
    oldest: date | None = None  # the oldest commit seen
    notes: list[str] = field(default_factory=list)

    @property
    def horizon_note(self) -> str | None:
        """How far back a shallow clone let us see."""
        if not self.shallow:
            return None
        since = f" back to {self.oldest.isoformat()}" if self.oldest else ""
        return f"shallow clone: history seen only{since} (git fetch --unshallow to see it all)"


def read_history(
    paths: Sequence[str | os.PathLike[str]], *, rev: str = "HEAD", working_tree: bool = True
) -> History:
    """The history of every roadmap the paths name, up to ``rev``."""
    files, config = _roadmaps(paths)
    root = gitlog.toplevel(files[0])
    relpaths = []
    for file in files:
        try:
            relpaths.append(file.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            raise UsageError(
                "not in the same git repository as the others", path=str(file)
            ) from None
    if gitlog.resolve(root, rev) is None:
        has_commits = gitlog.resolve(root, "HEAD") is not None
        if has_commits or rev != "HEAD":
            raise UsageError(f"unknown revision {rev!r}", path=str(root))
    common = os.path.commonpath([os.path.dirname(r) or "." for r in relpaths])
    commits = gitlog.log(root, [common or "."], rev=rev)
    cache = _Cache(gitlog.git_dir(root), config)
    history = History(root=root, tracks=[], cache=cache, shallow=gitlog.is_shallow(root))
    history.oldest = commits[-1].when.date() if commits else None
    shows: dict[str, Commit | None] = {}
    versions = {rel: _follow(root, trace(commits, rel), shows) for rel in relpaths}
    wanted = {(v.blob, v.path) for vs in versions.values() for v in vs}
    snapshots = cache.fill(root, wanted, history.notes)
    for file, rel in zip(files, relpaths, strict=True):
        current = _working_snapshot(file, config) if working_tree else None
        history.tracks.append(
            TrackHistory(
                path=file,
                relpath=rel,
                versions=versions[rel],
                snapshots={
                    v.blob: snapshots[v.blob, v.path]
                    for v in versions[rel]
                    if (v.blob, v.path) in snapshots
                },
                current=current,
            )
        )
    return history


def _follow(root: Path, versions: list[Version], shows: dict[str, Commit | None]) -> list[Version]:
    """Follow a file back through moves from outside the folder the log was limited to.

    ``shows`` keeps each commit looked at, as many files are often added by one commit.
    """
    while versions and versions[0].status == "A" and versions[0].commit.parents:
        first = versions[0]
        sha = first.commit.sha
        if sha not in shows:
            shows[sha] = gitlog.touches(root, sha)
        commit = shows[sha]
        moved = (
            next(
                (t.old_path for t in commit.touches if t.status == "R" and t.path == first.path),
                None,
            )
            if commit is not None
            else None
        )
        if moved is None:
            break
        older = trace(gitlog.log(root, [moved], rev=f"{first.commit.sha}^"), moved)
        if not older:
            break
        versions = [*older, Version(first.commit, first.path, first.blob, "R"), *versions[1:]]
    return versions


def _roadmaps(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], Config]:
    given = list(paths) or ["."]
    config = locate.find_config(given[0])
    if not paths and config.root is not None:
        given = [str(config.root)]
    files = [file for path in given for file in locate.discover(path, config)]
    if not files:
        raise UsageError("no roadmaps found", path=str(given[0]))
    return files, config


def _parse(data: bytes, path: str, config: Config) -> Snapshot:
    # Imported here: with a warm cache, nothing is parsed and none of this is needed.
    from milepost.document import parse
    from milepost.extract import extract
    from milepost.extract.markers import config_legend
    from milepost.source import decode

    source = decode(data, path=path)
    return snapshot(extract(parse(source), path=path, vocabulary=config_legend(config.statuses)))


def _working_snapshot(file: Path, config: Config) -> Snapshot | None:
    try:
        return _parse(fs.read(file).data, str(file), config)
    except MilepostError:
        return None


# ---------------------------------------------------------------------------------------------
# diff


def _ref(version: Version | None) -> Ref:
    if version is None:
        return Ref("nothing")
    day = version.commit.when.date()
    return Ref(f"{version.short} ({day.isoformat()})", version.commit.sha, day)


def _at(track: TrackHistory, day: date) -> Version | None:
    """The version in effect at the start of ``day``."""
    earlier = [v for v in track.versions if v.commit.when.date() < day]
    return earlier[-1] if earlier else None


def last_review(track: TrackHistory) -> Version | None:
    """The commit that set the track's current "last updated" date (its last review), else
    the last commit; None for a file never committed."""
    readable = [(v, track.snapshots[v.blob]) for v in track.versions if v.blob in track.snapshots]
    for index in range(len(readable) - 1, -1, -1):
        version, snap = readable[index]
        previous = readable[index - 1][1] if index else None
        if snap.last_updated is not None and (
            previous is None or previous.last_updated != snap.last_updated
        ):
            return version
    return track.versions[-1] if track.versions else None


def diffs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    base: str | None = None,
    head: str | None = None,
    since: date | None = None,
) -> tuple[list[TrackDiff], History]:
    """What changed in each roadmap: from ``base`` (a revision; default the track's last
    review, or the last version before ``since``) to ``head`` (a revision; default the work
    tree)."""
    history = read_history(paths, working_tree=head is None)
    out = []
    for track in history.tracks:
        if base is not None:
            before_ref, before = _state_at(history, track, base)
        else:
            version = _at(track, since) if since is not None else last_review(track)
            before_ref = _ref(version)
            before = track.snapshots.get(version.blob) if version is not None else None
            if since is None and version is not None:
                before_ref = Ref(
                    before_ref.label + ", last review", before_ref.commit, before_ref.when
                )
        if head is None:
            after_ref, after = Ref("working tree"), track.current
        else:
            after_ref, after = _state_at(history, track, head)
        out.append(diff(before, after, path=_display(track.path), base=before_ref, head=after_ref))
    return out, history


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _state_at(history: History, track: TrackHistory, rev: str) -> tuple[Ref, Snapshot | None]:
    commit = gitlog.resolve(history.root, rev)
    if commit is None:
        raise UsageError(f"unknown revision {rev!r}", path=str(history.root))
    names = list(dict.fromkeys([track.relpath, *(v.path for v in track.versions[::-1])]))
    blobs = gitlog.tree_blobs(history.root, commit.sha, names)
    ref = Ref(f"{rev} ({commit.when.date().isoformat()})", commit.sha, commit.when.date())
    for name in names:
        if name in blobs:
            key = (blobs[name], name)
            found = history.cache.fill(history.root, {key}, history.notes)
            return ref, found.get(key)
    return ref, None


# ---------------------------------------------------------------------------------------------
# log and stats


def item_story(
    track: str | os.PathLike[str], query: str, *, today: date
) -> tuple[TrackHistory, Lineage, History]:
    """The lineage of the one item of ``track`` whose title is (or contains) ``query``."""
    from milepost import api

    path = api.resolve_track(track)
    history = read_history([path])
    found = history.tracks[0]
    timeline = found.timeline()
    if found.current is not None and (not timeline or timeline[-1].snapshot != found.current):
        timeline.append(Point(today, None, found.current))
    matches = find(lineages(timeline), query)
    if not matches:
        raise UsageError(
            f"no item matches {query!r} in its history",
            path=str(path),
            hint="the title as written at any time, or part of it",
        )
    if len(matches) > 1:
        listing = "; ".join(repr(m.title) for m in matches[:5])
        raise UsageError(
            f"{len(matches)} items match {query!r}: {listing}",
            path=str(path),
            hint="give more of the title",
        )
    return found, matches[0], history


def stats(
    paths: Sequence[str | os.PathLike[str]], *, today: date, since: date | None = None
) -> tuple[list[Stats], Stats, History]:
    """Per-track and overall delivery statistics from the committed history."""
    history = read_history(paths, working_tree=False)
    per_track = [
        track_stats(
            t.timeline(until=today), track=t.track, path=_display(t.path), today=today, since=since
        )
        for t in history.tracks
    ]
    return per_track, overall(per_track, today=today), history


# ---------------------------------------------------------------------------------------------
# announcements

_ANNOUNCED = "announced.json"


@dataclass(frozen=True, slots=True)
class Announced:
    """The last announcement delivered: the day, and the commit it covered up to."""

    day: date
    commit: str


def cache_folder(history: History) -> Path:
    """Where milepost keeps what it knows about this repository: ``.git/milepost``."""
    return gitlog.git_dir(history.root) / "milepost"


def last_announced(history: History) -> Announced | None:
    file = cache_folder(history) / _ANNOUNCED
    try:
        data = json.loads(fs.read(file).data)
        return Announced(date.fromisoformat(data["day"]), str(data["commit"]))
    except (MilepostError, ValueError, KeyError, TypeError):
        return None


def record_announced(history: History, announced: Announced) -> None:
    file = cache_folder(history) / _ANNOUNCED
    file.parent.mkdir(parents=True, exist_ok=True)
    data = {"day": announced.day.isoformat(), "commit": announced.commit}
    fs.write_atomic(file, (json.dumps(data, indent=2) + "\n").encode())


def announcement_diffs(
    paths: Sequence[str | os.PathLike[str]], *, since: date | None, today: date
) -> tuple[list[TrackDiff], History, date, Announced | None]:
    """What changed in the committed roadmaps since ``since`` (default: the last announcement
    delivered, else a week before ``today``): the diffs, the history, the day they start from,
    and the record to keep once they are announced (None without commits)."""
    history = read_history(paths, working_tree=False)
    previous = last_announced(history) if since is None else None
    if previous is not None and gitlog.resolve(history.root, previous.commit) is None:
        previous = None  # the recorded commit is gone (a rewritten history): fall back
    start = (
        previous.day if previous is not None else since or date.fromordinal(today.toordinal() - 7)
    )
    head = gitlog.resolve(history.root, "HEAD")
    out = []
    for track in history.tracks:
        if previous is not None:
            base, before = _state_at(history, track, previous.commit)
        else:
            version = _at(track, start)
            base = _ref(version)
            before = track.snapshots.get(version.blob) if version is not None else None
        latest = track.versions[-1] if track.versions else None
        after = track.snapshots.get(latest.blob) if latest is not None else None
        out.append(diff(before, after, path=_display(track.path), base=base, head=_ref(latest)))
    record = Announced(today, head.sha) if head is not None else None
    return out, history, start, record
