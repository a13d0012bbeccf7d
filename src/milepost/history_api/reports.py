"""An item's story (``log``) and the figures of ``stats``; what ``announce`` tells is in
:mod:`milepost.history_api.announcements`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from milepost import fs
from milepost.api.arguments import Paths, as_day
from milepost.config import Config
from milepost.errors import MilepostError, UsageError, some_of, typed_path
from milepost.history.lineage import Lineage, Point, find, lineages, track_names, with_steps_at
from milepost.history.lives import Life, life
from milepost.history.snapshot import Snapshot
from milepost.history.stats import Stats, overall, track_stats
from milepost.history_api.cache import working_snapshot
from milepost.history_api.reading import History, TrackHistory, load_snapshots, read_history
from milepost.history_api.retired import read_retired


@dataclass(frozen=True, slots=True)
class ItemStory:
    """One item's story in its track's history (see :func:`item_story`)."""

    track: TrackHistory
    lineage: Lineage
    history: History
    # The names the track had during the story, oldest first: the last is its name now,
    # the others what it was called before.
    names: list[str]
    # Where the roadmap's file moved (git mv): the path it had before, by the position in the
    # timeline (a step's ``at``) of the version that moved it. Each is a step of the story.
    moves: dict[int, str]


def item_story(track: str | os.PathLike[str], query: str, *, today: date) -> ItemStory:
    """The story of the one item of ``track`` whose title is (or contains) ``query``.
    ``track`` may name a roadmap deleted since (a track retired) by its path, its folder or
    its slug (see :func:`read_retired`): its story ends with the commit that deleted it."""
    from milepost import api

    today = as_day(today)
    try:
        path = api.resolve_track(track)
    except MilepostError:
        retired = read_retired(track)
        if retired is None:
            raise
        history, path = retired, Path(typed_path(retired.tracks[0].path))
    else:
        history = read_history([path])
    found = history.tracks[0]
    timeline = _story_timeline(found, today)
    matches = find(lineages(timeline), query)
    if not matches:
        raise UsageError(
            f"no item matches {query!r} in its history",
            path=str(path),
            hint="the title as written at any time, or part of it",
        )
    if len(matches) > 1:
        listing = some_of([repr(m.title) for m in matches], 5)
        raise UsageError(
            f"{len(matches)} items match {query!r}: {listing}",
            path=str(path),
            hint="give more of the title",
        )
    names = track_names(timeline, matches[0]) or [found.track]
    moves = _moves(found, timeline)
    lineage = with_steps_at(matches[0], timeline, moves)
    return ItemStory(found, lineage, history, names, moves)


def _moves(found: TrackHistory, timeline: list[Point]) -> dict[int, str]:
    """The points of ``timeline`` where the roadmap's path changed (a move followed by git's
    rename detection), each with the path it had at the point before."""
    paths = {v.commit.sha: v.path for v in found.versions}
    out: dict[int, str] = {}
    previous: str | None = None
    for at, point in enumerate(timeline):
        path = paths.get(point.commit.sha) if point.commit is not None else None
        if path is None:
            continue  # the work tree, or the commit that deleted the roadmap
        if previous is not None and path != previous:
            out[at] = previous
        previous = path
    return out


# A roadmap once deleted: no items, and no name (it names the track nothing: see track_names).
_DELETED = Snapshot(track="", last_updated=None, next_review=None, items=())


def _story_timeline(found: TrackHistory, today: date) -> list[Point]:
    timeline = found.timeline(until=today)
    # The work tree is today's, after every commit: none of them made after ``today``.
    by_today = len(found.until(today)) == len(found.versions)
    if (
        by_today
        and found.current is not None
        and (not timeline or timeline[-1].snapshot != found.current)
    ):
        timeline.append(Point(max([today, *(p.when for p in timeline[-1:])]), None, found.current))
    gone = found.retired
    if by_today and gone is not None and gone.day <= today:  # every item went with it
        day = max(gone.day, *(p.when for p in timeline[-1:]))
        timeline.append(Point(day, gone, _DELETED))
    return timeline


def stats(
    paths: Paths, *, today: date, since: date | None = None
) -> tuple[list[Stats], Stats, History]:
    """Per-track and overall delivery statistics from the committed history."""
    today, since = as_day(today), None if since is None else as_day(since, "since")
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
            path=typed_path(t.path),
            today=today,
            since=since,
        )
        for t in history.tracks
    ]
    return per_track, overall(per_track, today=today), history


def _life_key(track: TrackHistory, today: date) -> str:
    """A track's versions up to ``today``, as the key its :class:`Life` is kept under."""
    chain = "".join(f"{v.commit.sha}:{v.blob}:{v.path}\n" for v in track.until(today))
    if track.horizon:  # the same versions, after git fetch --unshallow, are another life
        chain += "horizon\n"
    return fs.sha256(chain.encode())


def _track_name(track: TrackHistory, lived: Life, config: Config) -> str:
    """The track's name in its latest version; for a roadmap never committed (or not by
    ``today``), the name the file on disk gives it, as ``diff`` shows it."""
    if lived.track:
        return lived.track
    try:
        return working_snapshot(track.path, config).track
    except MilepostError:
        return track.path.stem
