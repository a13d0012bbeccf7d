"""Reading roadmap history: one ``git log`` over the roadmaps' common folder (first parent,
renames detected), one ``git cat-file --batch`` for the blobs the cache does not hold yet, each of
those parsed once (on every core when there are many)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from milepost import locate
from milepost.api.arguments import Paths, path_list
from milepost.config import Config
from milepost.errors import UsageError
from milepost.history import gitlog
from milepost.history.lineage import Point
from milepost.history.snapshot import Snapshot
from milepost.history.versions import Commit, Version, before, last_states, trace
from milepost.history_api.cache import Cache, working_snapshot
from milepost.history_api.scopes import in_scope, pathspecs, roadmap_scopes


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
    # The commit that deleted the roadmap (the track was retired): it is no longer on disk.
    # (None and no ``current`` either: deleted in the working tree, not in a commit yet.)
    retired: Commit | None = None

    @property
    def track(self) -> str:
        for snap in (self.current, *(self.snapshots.get(v.blob) for v in self.versions[::-1])):
            if snap is not None:
                return snap.track
        return self.path.stem

    def until(self, today: date) -> list[Version]:
        """The versions committed by the end of ``today`` (see :func:`before`)."""
        days = [v.commit.day for v in self.versions]
        return self.versions[: before(days, today, through=True)]

    def timeline(self, *, until: date | None = None) -> list[Point]:
        """The readable committed versions (by the end of ``until``) as points in time,
        oldest first."""
        points: list[Point] = []
        for version in self.versions if until is None else self.until(until):
            snap = self.snapshots.get(version.blob)
            if snap is None:
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
    cache: Cache
    shallow: bool = False
    oldest: date | None = None  # the oldest commit seen
    # a shallow clone's horizon: the day of the oldest commit it holds (none before it known)
    horizon_day: date | None = None
    # the first-parent commits that touched the roadmaps' common folder, newest first
    commits: list[Commit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def horizon_note(self) -> str | None:
        """How far back a shallow clone let us see."""
        if not self.shallow:
            return None
        since = f" back to {self.oldest.isoformat()}" if self.oldest else ""
        return f"shallow clone: history seen only{since} (git fetch --unshallow to see it all)"

    def horizon_warning(self, since: date) -> str | None:
        """What to say of a period from ``since`` that reaches back to a shallow clone's
        horizon: what came before it, and what the horizon's commit itself changed, are not
        known, so "no changes" may be wrong. None for a period the clone holds."""
        if self.horizon_day is None or since > self.horizon_day:
            return None
        day = self.horizon_day.isoformat()
        return (
            f"this is a shallow clone; history before {day} is not available"
            " (git fetch --unshallow)"
        )


def read_history(
    paths: Paths,
    *,
    rev: str = "HEAD",
    working_tree: bool = True,
    snapshots: bool = True,
    retired: bool = False,
) -> History:
    """The history of every roadmap the paths name, up to ``rev``: the versions, and (unless
    ``snapshots`` is false: see :func:`load_snapshots`) what each of them says. ``paths``
    is one path or several. With ``retired``, the roadmaps deleted below the folders named
    (tracks retired) are tracks too, after the others, each with the commit that deleted it;
    with ``working_tree``, so are those deleted there but not in a commit yet."""
    paths = path_list(paths)
    repo = gitlog.repository(paths[0] if paths else ".")  # outside git: fail before the walk
    files, config, folders = _roadmaps(paths)
    root = repo.root
    relpaths = _repo_paths(files, root)
    common = os.path.commonpath([os.path.dirname(r) or "." for r in relpaths])
    scopes = roadmap_scopes(folders, config, root) if retired or working_tree else []
    # A roadmap deleted outside the common folder of those left: seen through the patterns
    commits = gitlog.log(root, [common or ".", *pathspecs(scopes)], rev=rev)
    cache = Cache(repo.git_dir, config)
    history = History(root=root, git_dir=repo.git_dir, tracks=[], cache=cache, shallow=repo.shallow)
    history.oldest = commits[-1].day if commits else None
    history.commits = commits
    if repo.shallow and (cut := gitlog.horizon(root, rev)) is not None:
        history.horizon_day = cut.day

    named = set(relpaths)

    def other_roadmap(path: str) -> bool:
        return path not in named and in_scope(path, scopes)

    deleted, kept = last_states(commits, other_roadmap) if retired or working_tree else ({}, [])
    gone: dict[str, Commit | None] = dict(deleted) if retired else {}
    if working_tree:  # deleted there, not in a commit yet
        missing = [p for p in kept if not (root / p).exists()]
        gone.update(dict.fromkeys(sorted(gitlog.deleted(root, missing, others=relpaths))))
    versions = follow_moves(root, {rel: trace(commits, rel) for rel in [*relpaths, *gone]})
    horizon = (
        gitlog.grafted(root, {vs[0].commit.sha for vs in versions.values() if vs})
        if repo.shallow
        else frozenset()
    )
    for file, rel in zip(files, relpaths, strict=True):
        current = working_snapshot(file, config) if working_tree else None
        first = versions[rel][0].commit.sha if versions[rel] else None
        history.tracks.append(
            TrackHistory(file, rel, versions[rel], {}, current, horizon=first in horizon)
        )
    for rel, commit in sorted(gone.items()):
        if versions[rel]:
            first = versions[rel][0].commit.sha
            history.tracks.append(
                TrackHistory(
                    root / rel,
                    rel,
                    versions[rel],
                    {},
                    None,
                    first in horizon,
                    retired=commit,
                )
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


def follow_moves(root: Path, traced: dict[str, list[Version]]) -> dict[str, list[Version]]:
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


def _roadmaps(
    paths: Sequence[str | os.PathLike[str]],
) -> tuple[list[Path], Config, list[Path]]:
    """The roadmap files the paths name, the config, and the folders among the paths."""
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
    return files, config, [Path(p) for p in given if os.path.isdir(p)]
