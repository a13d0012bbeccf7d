"""What changed in each track between two points: since its last review, a day, or a revision."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from milepost.api.arguments import Paths, as_day
from milepost.errors import MilepostError, UsageError, typed_path
from milepost.history import gitlog
from milepost.history.diff import Ref, TrackDiff, diff
from milepost.history.snapshot import Snapshot
from milepost.history.versions import Version, before
from milepost.history_api.reading import History, TrackHistory, read_history


def ref_of(version: Version | None) -> Ref:
    if version is None:
        return Ref("nothing")
    day = version.commit.day
    return Ref(f"{version.short} ({day.isoformat()})", version.commit.sha, day, version.path)


def _at(track: TrackHistory, day: date) -> Version | None:
    """The version in effect at the start of ``day``. Before a shallow clone's horizon the
    roadmap is not known, but it existed: the oldest version seen stands in for it (so the
    changes seen since are reported, and the roadmap is never taken for a new one)."""
    count = before([v.commit.day for v in track.versions], day)
    if not count and track.horizon:
        return track.versions[0]
    return track.versions[count - 1] if count else None


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
    paths: Paths,
    *,
    base: str | None = None,
    head: str | None = None,
    since: date | None = None,
) -> tuple[list[TrackDiff], History]:
    """What changed in each roadmap: from ``base`` (a revision; default the track's last
    review, or the last version before ``since``) to ``head`` (a revision; default the work
    tree)."""
    since = None if since is None else as_day(since, "since")
    reviews = base is None and since is None  # finding last reviews reads every version
    # Since a last review, a track retired has none to compare from: only a period tells it.
    history = read_history(paths, working_tree=head is None, snapshots=reviews, retired=not reviews)
    befores = states_at(history, base) if base is not None else versions_at(history, since)
    afters = states_at(history, head) if head is not None else {}
    out = []
    for track in history.tracks:
        before_ref, before = befores[track.relpath]
        work_tree = (Ref("working tree", path=track.relpath), track.current)
        after_ref, after = afters.get(track.relpath, work_tree)
        if track.retired is not None and before is None and after is None:
            continue  # retired before the period, or added and retired after it
        out.append(
            diff(before, after, path=typed_path(track.path), base=before_ref, head=after_ref)
        )
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


def versions_at(history: History, since: date | None) -> dict[str, _State]:
    """Each track as it was before ``since``, or (without it) at its last review."""
    chosen = {
        t.relpath: _at(t, since) if since is not None else last_review(t) for t in history.tracks
    }
    for track in history.tracks:  # a track retired before ``since`` was not there
        if since is not None and track.retired is not None and track.retired.day < since:
            chosen[track.relpath] = None
    wanted = {(v.blob, v.path) for v in chosen.values() if v is not None}
    found = history.cache.fill(history.root, wanted, history.notes)
    for track in history.tracks:
        chosen[track.relpath] = readable(history, track, chosen[track.relpath], found)
    states: dict[str, _State] = {}
    for rel, version in chosen.items():
        if version is None:
            states[rel] = (Ref("nothing"), None)
            continue
        ref = ref_of(version)
        if since is None:
            ref = replace(ref, label=ref.label + ", last review")
        elif ref.when is not None and ref.when >= since:  # see _at
            ref = replace(ref, label=ref.label + ", shallow clone's horizon")
        states[rel] = (ref, found.get((version.blob, version.path)))
    return states


def readable(
    history: History,
    track: TrackHistory,
    version: Version | None,
    found: dict[tuple[str, str], Snapshot],
) -> Version | None:
    """``version``, or where it could not be read (``found`` lacks it) the readable one
    before it: an unreadable file is not a roadmap emptied. ``found`` gains what is read."""
    if version is None or (version.blob, version.path) in found:
        return version
    for older in reversed(track.versions[: track.versions.index(version)]):
        key = (older.blob, older.path)
        found.update(history.cache.fill(history.root, {key}, history.notes))
        if key in found:
            return older
    return None


def states_at(history: History, rev: str) -> dict[str, _State]:
    """Each track as revision ``rev`` has it (under its name there, renames followed)."""
    commit = gitlog.resolve(history.root, rev)
    if commit is None:
        # In a shallow clone (CI's default) the revision may be one the clone cut off.
        hint = (
            "this clone is shallow: git fetch --unshallow, then try again"
            if history.shallow
            else ""
        )
        raise UsageError(
            f"{rev!r} is neither a revision nor an existing file or folder",
            path=str(history.root),
            hint=hint,
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
    states: dict[str, _State] = {}
    for track in history.tracks:
        key = chosen[track.relpath]
        if key is not None and key not in found:  # unreadable there: as the version before
            at = [v for v in track.versions if (v.blob, v.path) == key]
            version = readable(history, track, at[-1], found) if at else None
            key = (version.blob, version.path) if version is not None else None
        states[track.relpath] = (
            replace(ref, path=key[1]) if key else ref,
            found.get(key) if key else None,
        )
    return states
