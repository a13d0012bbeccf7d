"""The versions of one roadmap file, from the commits that touched it (renames followed).

Pure: :func:`trace` takes the commits ``git log`` reported (newest first) and the file's
current path, and walks back through renames until the commit that added the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["Commit", "Touch", "Version", "before", "last_states", "retirements", "trace"]


@dataclass(frozen=True, slots=True)
class Touch:
    """What one commit did to one file: ``A``dded, ``M``odified, ``D``eleted or ``R``enamed."""

    status: str
    path: str
    blob: str  # the file's blob after the commit (all zeros when deleted)
    old_path: str | None = None


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    when: datetime  # committer date, in the committer's time zone
    author: str
    subject: str
    touches: tuple[Touch, ...] = ()
    parents: tuple[str, ...] = ()

    @property
    def day(self) -> date:
        """The calendar day where the commit was made (its own time zone), as ``git log``
        shows it: a commit made late on the 10th in San Francisco is news of the 10th, one
        made early on the 12th in Tokyo news of the 12th, whatever the reader's time zone."""
        return self.when.date()


@dataclass(frozen=True, slots=True)
class Version:
    """One committed state of a roadmap file."""

    commit: Commit
    path: str  # the file's path in that commit
    blob: str
    status: str = "M"  # what the commit did to the file: A, M, R (or T, C: as git says)

    @property
    def short(self) -> str:
        return self.commit.sha[:7]


def trace(commits: Sequence[Commit], path: str) -> list[Version]:
    """The versions of the file now at ``path``, oldest first, following renames back.

    A file deleted and later added again at the same path is one roadmap: its versions from
    before the deletion are kept (the deletion itself is no version).
    """
    name: str | None = path
    found: list[Version] = []
    for commit in commits:
        for touch in commit.touches:
            if touch.path != name:
                continue
            if touch.status != "D":
                found.append(Version(commit, name, touch.blob, touch.status))
                if touch.status == "R":
                    name = touch.old_path
            break
    return found[::-1]


def _last_touches(
    commits: Sequence[Commit], is_roadmap: Callable[[str], bool]
) -> dict[str, tuple[Touch, Commit]]:
    """Each roadmap file's last touch in ``commits`` (newest first), and its commit. A file
    moved elsewhere has none (git's rename detection says ``R``: :func:`trace` follows it)."""
    seen: set[str] = set()
    out: dict[str, tuple[Touch, Commit]] = {}
    for commit in commits:
        for touch in commit.touches:
            if touch.old_path is not None:
                seen.add(touch.old_path)  # moved away: what happened to it before is past
            if touch.path in seen:
                continue
            seen.add(touch.path)
            if is_roadmap(touch.path):
                out[touch.path] = (touch, commit)
    return out


def retirements(commits: Sequence[Commit], is_roadmap: Callable[[str], bool]) -> dict[str, Commit]:
    """The roadmap files (by path) that ``commits`` (newest first) leave deleted, each with the
    commit that deleted it: tracks retired. A file moved elsewhere is no retirement, nor one
    added again later."""
    return last_states(commits, is_roadmap)[0]


def last_states(
    commits: Sequence[Commit], is_roadmap: Callable[[str], bool]
) -> tuple[dict[str, Commit], list[str]]:
    """The roadmap files (by path) that ``commits`` (newest first) leave deleted, with the
    commit that deleted each (:func:`retirements`), and those they leave in place (the last
    commit has them, whatever the working tree has done to them since): one walk for both."""
    deleted: dict[str, Commit] = {}
    kept: list[str] = []
    for path, (touch, commit) in _last_touches(commits, is_roadmap).items():
        if touch.status == "D":
            deleted[path] = commit
        else:
            kept.append(path)
    return deleted, kept


def before(days: Sequence[date], day: date, *, through: bool = False) -> int:
    """How many of the commits made on ``days`` (oldest first) came before ``day`` (``through``:
    by its end).

    Commit dates need not increase along the history (a wrong clock, a broken date read as
    1970): the cut is the one the fewest dates contradict (a commit before it dated on or
    after ``day``, or one after it dated before), the earliest of equals. With dates in
    order, it is simply the commits dated before ``day``; whatever the dates, the cuts of
    later days are never earlier, so announcements one after another neither skip a commit
    nor tell one twice.
    """
    bound = day + timedelta(days=1) if through else day
    # contradictions of the cut before everything: every commit dated before the bound
    cost = best = sum(1 for d in days if d < bound)
    chosen = 0
    for index, when in enumerate(days, 1):
        cost += -1 if when < bound else 1
        if cost < best:
            best, chosen = cost, index
    return chosen
