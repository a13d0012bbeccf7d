"""The history of a roadmap no longer on disk: a track retired (its roadmap deleted in a
commit), or one deleted in the working tree only; named by the path it had, a folder it was
below, or its slug."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from milepost import locate
from milepost.config import Config
from milepost.errors import UsageError, some_of, typed_path
from milepost.history import gitlog
from milepost.history.versions import Commit, last_states, trace
from milepost.history_api.cache import Cache
from milepost.history_api.reading import History, TrackHistory, follow_moves, load_snapshots
from milepost.history_api.scopes import in_scope, pathspecs, roadmap_scopes


class _Gone(NamedTuple):
    """A roadmap no longer on disk, as the log that found it saw it."""

    repo: gitlog.Repository
    config: Config
    commits: list[Commit]  # newest first
    name: str  # its path in the repository
    deleted: Commit | None  # the commit that deleted it; None: the working tree did


def read_retired(track: str | os.PathLike[str]) -> History | None:
    """The history of the roadmap no longer on disk that ``track`` names, as the one track of
    a :class:`History`, with the commit that deleted it. ``track`` is the path it had, a
    folder where no roadmap is left and it is the one gone, or (in a portfolio a config
    names) its slug, where no roadmap on disk has it. None where ``track`` names none (or is
    outside git); a :class:`UsageError` where it names several, or a roadmap moved
    elsewhere (not deleted: it says where it went)."""
    gone = _by_path(track)
    text = str(track)
    if gone is None and "/" not in text and os.sep not in text:
        gone = _by_slug(text)
    if gone is None:
        return None
    repo, config, commits, name, deleted = gone
    versions = follow_moves(repo.root, {name: trace(commits, name)})[name]
    if not versions:
        return None
    history = History(repo.root, repo.git_dir, [], Cache(repo.git_dir, config), repo.shallow)
    history.oldest = commits[-1].day if commits else None
    history.commits = commits
    first = versions[0].commit.sha
    horizon = repo.shallow and first in gitlog.grafted(repo.root, {first})
    track_history = TrackHistory(repo.root / name, name, versions, {}, None, horizon, deleted)
    history.tracks.append(track_history)
    load_snapshots(history, history.tracks)
    return history


def _by_path(track: str | os.PathLike[str]) -> _Gone | None:
    """The roadmap that was at ``track``, or the one gone from below the folder ``track``."""
    where = Path(os.path.abspath(track))
    folder = next(p for p in (where, *where.parents) if p.is_dir())
    config = locate.find_config(folder)
    if where.is_dir() and locate.discover(where, config):
        return None  # the folder's roadmaps are on disk: it names them, not one gone
    try:
        repo = gitlog.repository(folder)
        rel = (folder.resolve() / where.relative_to(folder)).relative_to(repo.root.resolve())
    except (UsageError, ValueError):
        return None
    name = rel.as_posix()
    scopes = roadmap_scopes([where], config, repo.root)

    def named(path: str) -> bool:  # the file named, or a roadmap below the folder named
        return path == name or in_scope(path, scopes)

    commits = gitlog.log(repo.root, [name])
    return _one(repo, config, commits, named, "retired roadmaps below it", path=str(track))


def _by_slug(slug: str) -> _Gone | None:
    """The roadmap gone whose slug is ``slug``, in the portfolio the config names."""
    from milepost.portfolio.slugs import path_slug

    config = locate.find_config(".")
    if config.root is None:
        return None
    try:
        repo = gitlog.repository(config.root)
    except UsageError:
        return None
    scopes = roadmap_scopes([Path(config.root)], config, repo.root)
    if not scopes:
        return None

    wanted = slug.casefold()  # as a track on disk is found: in any case

    def named(path: str) -> bool:
        return in_scope(path, scopes) and path_slug(str(repo.root / path)).casefold() == wanted

    commits = gitlog.log(repo.root, pathspecs(scopes))
    return _one(repo, config, commits, named, f"retired tracks had the slug {slug!r}")


def _one(
    repo: gitlog.Repository,
    config: Config,
    commits: list[Commit],
    named: Callable[[str], bool],
    several: str,
    *,
    path: str | None = None,
) -> _Gone | None:
    """The one roadmap that ``commits`` (newest first) saw ``named`` and that is no longer
    on disk; None where there is none, or one is still on disk. Several are an error
    (``several`` says what they are; ``path``, what the user named), and so is one moved
    elsewhere: a log limited to a path sees a move away as a deletion, the commit that made
    it says."""
    deleted, kept = last_states(commits, named)
    if any((repo.root / path).exists() for path in kept):
        return None  # on disk: the error that did not find it stands
    gone: dict[str, Commit | None] = {**deleted, **dict.fromkeys(kept)}
    shows = gitlog.touches(repo.root, {c.sha for c in deleted.values()})
    moved = {
        path: (touch.path, commit)
        for path, commit in deleted.items()
        for touch in shows[commit.sha].touches
        if touch.old_path == path
    }
    left = sorted(path for path in gone if path not in moved)
    if len(left) == 1:
        return _Gone(repo, config, commits, left[0], gone[left[0]])
    if left:
        listing = some_of(left, 5)
        raise UsageError(f"{len(left)} {several}: {listing}", path=path, hint="give its old path")
    if len(moved) == 1:
        [(old, (target, commit))] = moved.items()
        raise UsageError(
            f"moved to {target} in {commit.sha[:7]} ({commit.day.isoformat()})",
            path=path or typed_path(repo.root / old),
            hint="name the roadmap by its path now",
        )
    if moved:
        targets = some_of(sorted(target for target, _ in moved.values()), 5)
        raise UsageError(f"moved to {targets}", path=path, hint="name a roadmap by its path now")
    return None
