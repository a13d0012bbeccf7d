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
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from milepost import __version__, fs, locate
from milepost.config import Config
from milepost.errors import MilepostError, UsageError
from milepost.history import gitlog
from milepost.history.diff import Ref, TrackDiff, diff
from milepost.history.lineage import Lineage, Point, find, lineages
from milepost.history.snapshot import Snapshot, snapshot
from milepost.history.stats import Life, Stats, life, overall, track_stats
from milepost.history.versions import Version, trace
from milepost.history_store import Store

__all__ = [
    "Announced",
    "History",
    "TrackHistory",
    "announcement_diffs",
    "cache_folder",
    "diffs",
    "item_story",
    "last_announced",
    "last_review",
    "load_snapshots",
    "read_history",
    "record_announced",
    "split_arguments",
    "stats",
]


class _Cache:
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


@dataclass(slots=True)
class TrackHistory:
    """One roadmap's committed versions (oldest first), their snapshots, and the work tree's."""

    path: Path
    relpath: str
    versions: list[Version]
    snapshots: dict[str, Snapshot]  # blob -> snapshot; unreadable blobs are absent
    current: Snapshot | None
    # Its first version seen is a shallow clone's horizon: a commit whose parents were not
    # fetched, which shows every file as added whether it touched it or not.
    horizon: bool = False

    @property
    def track(self) -> str:
        for snap in (self.current, *(self.snapshots.get(v.blob) for v in self.versions[::-1])):
            if snap is not None:
                return snap.track
        return self.path.stem

    def timeline(self, *, until: date | None = None) -> list[Point]:
        """The readable committed versions as points in time, oldest first."""
        points: list[Point] = []
        for version in self.versions:
            snap = self.snapshots.get(version.blob)
            if snap is None or (until is not None and version.commit.day > until):
                continue
            # Commit dates need not increase along the history (a rebase, a wrong clock): a
            # version is never earlier than the one before it, so no duration is negative.
            day = max(version.commit.day, points[-1].when) if points else version.commit.day
            points.append(Point(day, version.commit, snap))
        return points


@dataclass(slots=True)
class History:
    root: Path
    git_dir: Path
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
    paths: Sequence[str | os.PathLike[str]],
    *,
    rev: str = "HEAD",
    working_tree: bool = True,
    snapshots: bool = True,
) -> History:
    """The history of every roadmap the paths name, up to ``rev``: the versions, and (unless
    ``snapshots`` is false: see :func:`load_snapshots`) what each of them says."""
    repo = gitlog.repository(paths[0] if paths else ".")  # outside git: fail before the walk
    files, config = _roadmaps(paths)
    root = repo.root
    relpaths = _repo_paths(files, root)
    common = os.path.commonpath([os.path.dirname(r) or "." for r in relpaths])
    commits = gitlog.log(root, [common or "."], rev=rev)
    cache = _Cache(repo.git_dir, config)
    history = History(root=root, git_dir=repo.git_dir, tracks=[], cache=cache, shallow=repo.shallow)
    history.oldest = commits[-1].day if commits else None
    versions = _follow(root, {rel: trace(commits, rel) for rel in relpaths})
    horizon = (
        gitlog.grafted(root, {vs[0].commit.sha for vs in versions.values() if vs})
        if repo.shallow
        else frozenset()
    )
    for file, rel in zip(files, relpaths, strict=True):
        current = _working_snapshot(file, config) if working_tree else None
        first = versions[rel][0].commit.sha if versions[rel] else None
        history.tracks.append(
            TrackHistory(file, rel, versions[rel], {}, current, horizon=first in horizon)
        )
    if snapshots:
        load_snapshots(history, history.tracks)
    return history


def load_snapshots(history: History, tracks: Sequence[TrackHistory]) -> None:
    """Fill in what each version of ``tracks`` says (one ``git cat-file`` for the blobs the
    cache does not hold)."""
    wanted = {(v.blob, v.path) for t in tracks for v in t.versions}
    found = history.cache.fill(history.root, wanted, history.notes)
    for track in tracks:
        track.snapshots = {
            v.blob: found[v.blob, v.path] for v in track.versions if (v.blob, v.path) in found
        }


def _repo_paths(files: Sequence[Path], root: Path) -> list[str]:
    """Each file's path in the repository. Resolved through the files' common folder once (a
    resolve per file costs a dozen system calls, and the files come from one walk)."""
    absolute = [Path(os.path.abspath(f)) for f in files]
    common = Path(os.path.commonpath(absolute)) if len(files) > 1 else absolute[0].parent
    real_common, real_root = common.resolve(), root.resolve()
    out = []
    for file, path in zip(files, absolute, strict=True):
        try:
            out.append((real_common / path.relative_to(common)).relative_to(real_root).as_posix())
        except ValueError:
            raise UsageError(
                "not in the same git repository as the others", path=str(file)
            ) from None
    return out


def _follow(root: Path, traced: dict[str, list[Version]]) -> dict[str, list[Version]]:
    """Follow files back through moves from outside the folder the log was limited to: one
    ``git show`` for all the commits that added a file, another ``git log`` per move found
    (rare)."""
    out = dict(traced)
    pending = {rel: vs for rel, vs in out.items() if vs and vs[0].status == "A"}
    while pending:
        shows = gitlog.touches(
            root, {vs[0].commit.sha for vs in pending.values() if vs[0].commit.parents}
        )
        later: dict[str, list[Version]] = {}
        for rel, versions in pending.items():
            first = versions[0]
            commit = shows.get(first.commit.sha)
            moved = next(
                (
                    t.old_path
                    for t in (commit.touches if commit else ())
                    if t.status == "R" and t.path == first.path
                ),
                None,
            )
            if moved is None:
                continue
            older = trace(gitlog.log(root, [moved], rev=f"{first.commit.sha}^"), moved)
            if older:
                out[rel] = [*older, replace(first, status="R"), *versions[1:]]
                if out[rel][0].status == "A":
                    later[rel] = out[rel]
        pending = later
    return out


def _roadmaps(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], Config]:
    given = list(paths) or ["."]
    config = locate.find_config(given[0])
    if not paths and config.root is not None:
        given = [str(config.root)]
    files = list(
        {
            os.path.realpath(file): file for path in given for file in locate.discover(path, config)
        }.values()
    )  # overlapping paths name each roadmap once
    if not files:
        raise locate.nothing_found(given)
    return files, config


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
    from milepost.document import gc_paused

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

    return snapshot(read_roadmap(decode(data, path=path), path=path, statuses=config.statuses))


def _working_snapshot(file: Path, config: Config) -> Snapshot:
    """The roadmap as it is on disk; an unreadable file is an error (exit 2), never a
    roadmap with nothing in it."""
    return _parse(fs.read(file).data, str(file), config)


# ---------------------------------------------------------------------------------------------
# diff


def _ref(version: Version | None) -> Ref:
    if version is None:
        return Ref("nothing")
    day = version.commit.day
    return Ref(f"{version.short} ({day.isoformat()})", version.commit.sha, day)


def _at(track: TrackHistory, day: date) -> Version | None:
    """The version in effect at the start of ``day``. Before a shallow clone's horizon the
    roadmap is not known, but it existed: the oldest version seen stands in for it (so the
    changes seen since are reported, and the roadmap is never taken for a new one)."""
    earlier = [v for v in track.versions if v.commit.day < day]
    if not earlier and track.horizon:
        return track.versions[0]
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
    reviews = base is None and since is None  # finding last reviews reads every version
    history = read_history(paths, working_tree=head is None, snapshots=reviews)
    befores = _states_at(history, base) if base is not None else _versions_at(history, since)
    afters = _states_at(history, head) if head is not None else {}
    out = []
    for track in history.tracks:
        before_ref, before = befores[track.relpath]
        after_ref, after = afters.get(track.relpath, (Ref("working tree"), track.current))
        out.append(diff(before, after, path=_display(track.path), base=before_ref, head=after_ref))
    return out, history


def split_arguments(args: Sequence[str], *, since: bool) -> tuple[list[str], list[str]]:
    """``diff``'s arguments, in any order, as (revisions, paths).

    An argument naming an existing file or folder is a path. Any other is a revision, unless
    it names a configured track (its slug or name, as ``log`` and the edit commands take them)
    and is no revision (``since``: no revision is wanted, so a track it is).
    """
    from milepost import api

    revs: list[str] = []
    paths: list[str] = []
    on_disk = [arg for arg in args if os.path.exists(arg)]
    where = Path(on_disk[0] if on_disk else ".")
    where = where if where.is_dir() else where.parent
    for arg in args:
        if arg in on_disk:
            paths.append(arg)
            continue
        if not since and _names_revision(where, arg):
            revs.append(arg)
            continue
        try:
            paths.append(str(api.resolve_track(arg)))
        except MilepostError:  # no track: a revision, which diff checks (and names) later
            revs.append(arg)
    return revs, paths


def _names_revision(where: Path, rev: str) -> bool:
    if ".." in rev:
        return True  # a range: refused as such when diff resolves it
    try:
        return gitlog.resolve(where, rev) is not None
    except MilepostError:
        return False


_State = tuple[Ref, "Snapshot | None"]


def _versions_at(history: History, since: date | None) -> dict[str, _State]:
    """Each track as it was before ``since``, or (without it) at its last review."""
    chosen = {
        t.relpath: _at(t, since) if since is not None else last_review(t) for t in history.tracks
    }
    wanted = {(v.blob, v.path) for v in chosen.values() if v is not None}
    found = history.cache.fill(history.root, wanted, history.notes)
    for track in history.tracks:  # a version that could not be read: the one before it
        version = chosen[track.relpath]
        if version is None or (version.blob, version.path) in found:
            continue
        chosen[track.relpath] = None
        for older in reversed(track.versions[: track.versions.index(version)]):
            key = (older.blob, older.path)
            found.update(history.cache.fill(history.root, {key}, history.notes))
            if key in found:
                chosen[track.relpath] = older
                break
    states: dict[str, _State] = {}
    for rel, version in chosen.items():
        if version is None:
            states[rel] = (Ref("nothing"), None)
            continue
        ref = _ref(version)
        if since is None:
            ref = Ref(ref.label + ", last review", ref.commit, ref.when)
        elif ref.when is not None and ref.when >= since:  # see _at
            ref = Ref(ref.label + ", shallow clone's horizon", ref.commit, ref.when)
        states[rel] = (ref, found.get((version.blob, version.path)))
    return states


def _states_at(history: History, rev: str) -> dict[str, _State]:
    """Each track as revision ``rev`` has it (under its name there, renames followed)."""
    commit = gitlog.resolve(history.root, rev)
    if commit is None:
        raise UsageError(
            f"{rev!r} is neither a revision nor an existing file or folder",
            path=str(history.root),
        )
    ref = Ref(f"{rev} ({commit.day.isoformat()})", commit.sha, commit.day)
    names = {
        t.relpath: list(dict.fromkeys([t.relpath, *(v.path for v in t.versions[::-1])]))
        for t in history.tracks
    }
    every = sorted({name for track_names in names.values() for name in track_names})
    blobs = gitlog.tree_blobs(history.root, commit.sha, every)
    chosen = {
        rel: next(((blobs[n], n) for n in track_names if n in blobs), None)
        for rel, track_names in names.items()
    }
    found = history.cache.fill(history.root, {k for k in chosen.values() if k}, history.notes)
    return {rel: (ref, found.get(key) if key else None) for rel, key in chosen.items()}


def _display(path: Path) -> str:
    """``path`` as the user would type it: relative to the working directory when below it."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


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
    history = read_history(paths, working_tree=False, snapshots=False)
    lives: dict[str, Life] = {}
    keys = {t.relpath: _life_key(t, today) for t in history.tracks}
    for track in history.tracks:
        if (known := history.cache.lives.get(keys[track.relpath])) is not None:
            lives[track.relpath] = known
    unknown = [t for t in history.tracks if t.relpath not in lives]
    if unknown:
        load_snapshots(history, unknown)
        for track in unknown:
            timeline = track.timeline(until=today)
            # (the horizon's version may be unreadable: then the timeline starts later)
            first = timeline[0].commit if timeline else None
            at_horizon = track.horizon and first is not None and first == track.versions[0].commit
            lives[track.relpath] = life(timeline, horizon=at_horizon)
            history.cache.lives.put(keys[track.relpath], lives[track.relpath])
        history.cache.lives.save()
    per_track = [
        track_stats(
            lives[t.relpath],
            track=_track_name(t, lives[t.relpath], history.cache.config),
            path=_display(t.path),
            today=today,
            since=since,
        )
        for t in history.tracks
    ]
    return per_track, overall(per_track, today=today), history


def _life_key(track: TrackHistory, today: date) -> str:
    """A track's versions up to ``today``, as the key its :class:`Life` is kept under."""
    chain = "".join(
        f"{v.commit.sha}:{v.blob}:{v.path}\n" for v in track.versions if v.commit.day <= today
    )
    if track.horizon:  # the same versions, after git fetch --unshallow, are another life
        chain += "horizon\n"
    return fs.sha256(chain.encode())


def _track_name(track: TrackHistory, lived: Life, config: Config) -> str:
    """The track's name in its latest version; for a roadmap never committed (or not by
    ``today``), the name the file on disk gives it, as ``diff`` shows it."""
    if lived.track:
        return lived.track
    try:
        return _working_snapshot(track.path, config).track
    except MilepostError:
        return track.path.stem


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
    return history.git_dir / "milepost"


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
    fs.replace(file, (json.dumps(data, indent=2) + "\n").encode())


def announcement_diffs(
    paths: Sequence[str | os.PathLike[str]], *, since: date | None, today: date
) -> tuple[list[TrackDiff], History, date, Announced | None]:
    """What changed in the committed roadmaps since ``since`` (default: the last announcement
    delivered, else a week before ``today``): the diffs, the history, the day they start from,
    and the record to keep once they are announced (None without commits)."""
    history = read_history(paths, working_tree=False, snapshots=False)
    previous = last_announced(history) if since is None else None
    if previous is not None and gitlog.resolve(history.root, previous.commit) is None:
        previous = None  # the recorded commit is gone (a rewritten history): fall back
    start = (
        previous.day if previous is not None else since or date.fromordinal(today.toordinal() - 7)
    )
    head = gitlog.resolve(history.root, "HEAD")
    befores = (
        _states_at(history, previous.commit)
        if previous is not None
        else _versions_at(history, start)
    )
    # Each track's last version is what HEAD holds (the log ran from HEAD).
    latest = {t.relpath: t.versions[-1] for t in history.tracks if t.versions}
    afters = history.cache.fill(
        history.root, {(v.blob, v.path) for v in latest.values()}, history.notes
    )
    out = []
    for track in history.tracks:
        base, before = befores[track.relpath]
        version = latest.get(track.relpath)
        after = afters.get((version.blob, version.path)) if version is not None else None
        out.append(diff(before, after, path=_display(track.path), base=base, head=_ref(version)))
    record = Announced(today, head.sha) if head is not None else None
    return out, history, start, record
