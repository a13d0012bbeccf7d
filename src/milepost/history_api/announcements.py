"""What ``announce`` tells (what changed since the last announcement delivered), and what it
records as told: the last announcement of each track, and one whose delivery is under way."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from milepost import fs
from milepost.api.arguments import Paths, as_day
from milepost.errors import MilepostError, typed_path
from milepost.history import gitlog
from milepost.history.diff import Ref, TrackDiff, diff
from milepost.history.snapshot import Snapshot
from milepost.history.versions import Commit, before
from milepost.history_api.diffs import readable, ref_of, states_at, versions_at
from milepost.history_api.reading import History, read_history

_ANNOUNCED = "announced.json"
_PENDING = "announce-pending.json"


@dataclass(frozen=True, slots=True)
class Announced:
    """An announcement: the day it runs to, and the commit it covers up to (the last on or
    before that day, which the ledger of deliveries goes by); for one about to be delivered,
    also HEAD then (what a delivery stopped midway resumes at: see :func:`record_pending`)."""

    day: date
    commit: str
    head: str | None = None  # not kept once delivered (see :func:`record_announced`)


def cache_folder(history: History) -> Path:
    """Where milepost keeps what it knows about this repository: ``.git/milepost``."""
    return history.git_dir / "milepost"


def _read_announced(history: History) -> dict[str, Announced]:
    """Every track's last announcement, by the track's path in the repository."""
    file = cache_folder(history) / _ANNOUNCED
    try:
        data = json.loads(fs.read(file).data)
        tracks = data["tracks"]
        return {
            str(path): Announced(date.fromisoformat(entry["day"]), str(entry["commit"]))
            for path, entry in tracks.items()
        }
    except (MilepostError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def last_announced(history: History) -> dict[str, Announced]:
    """The last announcement delivered of each track of ``history`` that had one (by its
    path in the repository; a track announced under an older path keeps its record).

    Each track has its own: announcing some tracks (``milepost announce tracks/memory``) says
    nothing about what the others have announced."""
    recorded = _read_announced(history)
    out = {}
    for track in history.tracks:
        names = dict.fromkeys([track.relpath, *(v.path for v in reversed(track.versions))])
        found = next((recorded[name] for name in names if name in recorded), None)
        if found is not None:
            out[track.relpath] = found
    return out


def record_announced(history: History, announced: Announced) -> None:
    """Record ``announced`` as the last announcement of every track of ``history`` (the
    records of other tracks are kept)."""
    file = cache_folder(history) / _ANNOUNCED
    file.parent.mkdir(parents=True, exist_ok=True)
    entry = {"day": announced.day.isoformat(), "commit": announced.commit}
    tracks = {
        path: {"day": a.day.isoformat(), "commit": a.commit}
        for path, a in _read_announced(history).items()
    }
    tracks.update({track.relpath: dict(entry) for track in history.tracks})
    data = {**entry, "tracks": dict(sorted(tracks.items()))}
    fs.replace(file, (json.dumps(data, indent=2) + "\n").encode())
    fs.remove(cache_folder(history) / _PENDING)


def _pending_key(history: History, since: date | None, head: str | None) -> dict[str, object]:
    """What makes two announcements the same one: the tracks, ``since`` and HEAD."""
    return {
        "since": since.isoformat() if since else None,
        "tracks": sorted(t.relpath for t in history.tracks),
        "head": head,
    }


def record_pending(history: History, record: Announced, *, since: date | None) -> None:
    """Keep what an announcement about to be delivered covers, until :func:`record_announced`:
    a delivery stopped midway and run again another day resumes that very announcement (the
    same days, the same messages), so the ledger skips what was delivered. It is kept under
    HEAD, not the commit it covers up to: with a past ``--today`` the two differ."""
    file = cache_folder(history) / _PENDING
    file.parent.mkdir(parents=True, exist_ok=True)
    key = _pending_key(history, since, record.head)
    data = {"day": record.day.isoformat(), "commit": record.commit, **key}
    fs.replace(file, (json.dumps(data, indent=2) + "\n").encode())


def _pending_day(history: History, since: date | None, head: str | None) -> date | None:
    """The day of the announcement left undelivered for the same tracks, ``since`` and HEAD."""
    try:
        data = json.loads(fs.read(cache_folder(history) / _PENDING).data)
        key = _pending_key(history, since, head)
        if head is None or {k: data[k] for k in key} != key:
            return None
        return date.fromisoformat(data["day"])
    except (MilepostError, ValueError, KeyError, TypeError):
        return None


def announcement_diffs(
    paths: Paths,
    *,
    since: date | None,
    today: date,
    resume: bool = False,
) -> tuple[list[TrackDiff], History, date, Announced | None]:
    """What changed in the committed roadmaps since ``since`` (default: each track's last
    announcement delivered, else a week before ``today``): the diffs, the history, the day
    they start from (the earliest of the tracks'), and the record to keep once they are
    announced (None without commits); the record's day is the day the announcement runs to.

    ``resume``: where a delivery of the same announcement (same tracks, ``since`` and HEAD)
    stopped midway, it is made again as it was then, with that day for ``today``."""
    today, since = as_day(today), None if since is None else as_day(since, "since")
    history = read_history(paths, working_tree=False, snapshots=False, retired=True)
    tip = gitlog.resolve(history.root, "HEAD")
    if resume:
        pending = _pending_day(history, since, tip.sha if tip else None)
        today = pending or today
    previous = last_announced(history) if since is None else {}
    # an announcement recorded after ``today`` is no start for one that ends on it
    previous = {rel: a for rel, a in previous.items() if a.day <= today}
    known = {
        commit: gitlog.resolve(history.root, commit)
        for commit in {a.commit for a in previous.values()}
    }
    # a recorded commit that is gone (a rewritten history): that track falls back
    previous = {rel: a for rel, a in previous.items() if known[a.commit] is not None}
    fallback = since or date.fromordinal(today.toordinal() - 7)
    starts = [a.day for a in previous.values()]
    # A track retired with no announcement of its own is told from where the others start
    # (one retired long before that is no news), so it moves no start.
    unannounced = [t for t in history.tracks if t.relpath not in previous]
    lives = [t for t in unannounced if t.retired is None]
    if lives or not starts:
        starts.append(fallback)
    start = min(starts)
    cut = _cut(history, tip, today)
    befores = versions_at(history, fallback) if lives else {}
    if len(lives) < len(unannounced):
        at_start = befores if lives and start == fallback else versions_at(history, start)
        befores.update({t.relpath: at_start[t.relpath] for t in unannounced if t.retired})
    for commit in dict.fromkeys(a.commit for a in previous.values()):
        at = states_at(history, commit)
        befores.update({rel: at[rel] for rel, a in previous.items() if a.commit == commit})
    afters = _afters(history, cut, at_head=cut == tip)
    out = []
    for track in history.tracks:
        base, before = befores[track.relpath]
        head_ref, after = afters.get(track.relpath, (Ref("nothing"), None))
        if track.retired is not None and before is None and after is None:
            continue  # retired before the period, or added and retired after it
        out.append(diff(before, after, path=typed_path(track.path), base=base, head=head_ref))
    record = Announced(today, cut.sha, tip.sha if tip else None) if cut is not None else None
    return out, history, start, record


def _cut(history: History, head: Commit | None, today: date) -> Commit | None:
    """The last commit an announcement up to the end of ``today`` covers (each commit on
    its own calendar day, see :attr:`Commit.day`; dates out of order, see :func:`before`):
    HEAD, unless some roadmap commits came after ``today``; None when all did."""
    oldest_first = history.commits[::-1]
    count = before([c.day for c in oldest_first], today, through=True)
    if head is None or count == len(oldest_first):
        return head
    return oldest_first[count - 1] if count else None


def _afters(
    history: History, cut: Commit | None, *, at_head: bool
) -> dict[str, tuple[Ref, Snapshot | None]]:
    """Each track as the announcement ends with it: as ``cut`` has it."""
    if cut is None:
        return {}
    if not at_head:
        ref = Ref(f"{cut.sha[:7]} ({cut.day.isoformat()})", cut.sha, cut.day)
        return {rel: (ref, snap) for rel, (_, snap) in states_at(history, cut.sha).items()}
    # Each track's last version is what HEAD holds (the log ran from HEAD); a track retired
    # is not there.
    latest = {t.relpath: t.versions[-1] for t in history.tracks if t.versions and t.retired is None}
    found = history.cache.fill(
        history.root, {(v.blob, v.path) for v in latest.values()}, history.notes
    )
    out = {}
    for track in history.tracks:
        version = readable(history, track, latest.get(track.relpath), found)
        if version is not None:
            out[track.relpath] = (ref_of(version), found.get((version.blob, version.path)))
    return out
