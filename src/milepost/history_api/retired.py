"""The history of a roadmap no longer on disk, named by the path it had: a track retired
(its roadmap deleted in a commit), or one deleted in the working tree only."""

from __future__ import annotations

import os
from pathlib import Path

from milepost import locate
from milepost.errors import UsageError
from milepost.history import gitlog
from milepost.history.versions import retirements, trace
from milepost.history_api.cache import Cache
from milepost.history_api.reading import History, TrackHistory, follow_moves, load_snapshots


def read_retired(path: str | os.PathLike[str]) -> History | None:
    """The history of the roadmap that stood at ``path`` (a file no longer there), as the one
    track of a :class:`History`, with the commit that deleted it; None where no committed
    roadmap had that path (or it is outside git). A file moved elsewhere was not deleted:
    a :class:`UsageError` says where it went."""
    where = Path(os.path.abspath(path))
    folder = next(p for p in where.parents if p.is_dir())
    try:
        repo = gitlog.repository(folder)
        rel = (folder.resolve() / where.relative_to(folder)).relative_to(repo.root.resolve())
    except (UsageError, ValueError):
        return None
    name = rel.as_posix()
    commits = gitlog.log(repo.root, [name])
    versions = follow_moves(repo.root, {name: trace(commits, name)})[name]
    if not versions:
        return None
    # The log sees only this path, so a move away looks like a deletion: the commit says.
    deleted = retirements(commits, lambda p: p == name).get(name)
    if deleted is not None:
        shown = gitlog.touches(repo.root, [deleted.sha])[deleted.sha]
        moved = next((t.path for t in shown.touches if t.old_path == name), None)
        if moved is not None:
            raise UsageError(
                f"moved to {moved} in {deleted.sha[:7]} ({deleted.day.isoformat()})",
                path=str(path),
                hint="name the roadmap by its path now",
            )
    config = locate.find_config(folder)
    history = History(repo.root, repo.git_dir, [], Cache(repo.git_dir, config), repo.shallow)
    history.oldest = commits[-1].day if commits else None
    history.commits = commits
    first = versions[0].commit.sha
    horizon = repo.shallow and first in gitlog.grafted(repo.root, {first})
    track = TrackHistory(repo.root / name, name, versions, {}, None, horizon, retired=deleted)
    history.tracks.append(track)
    load_snapshots(history, history.tracks)
    return history
