"""What milepost asks ``git log`` to print, and the commits read back from it (pure)."""

from __future__ import annotations

from datetime import UTC, datetime

from milepost.history.versions import Commit, Touch

__all__ = ["FORMAT", "parse_log"]

# The committer date twice (as written, and in seconds for when its time zone is broken),
# then the author date the same way, for when the committer date cannot be read at all.
FORMAT = "%x1e%H%x1f%P%x1f%cI%x1f%ct%x1f%aI%x1f%at%x1f%an%x1f%s"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def parse_log(text: str) -> list[Commit]:
    """The commits (with their touches) of what ``git log`` or ``git show`` printed in
    :data:`FORMAT` with ``-z`` (and ``--raw --no-abbrev`` for the touches)."""
    commits = []
    for chunk in text.split("\x1e")[1:]:
        header, _, raw = chunk.partition("\0")
        sha, parents, *dates, author, subject = header.strip("\n").split("\x1f", 7)
        fields = raw.lstrip("\n").split("\0")
        touches = []
        i = 0
        while i < len(fields):
            meta = fields[i]
            if not meta.startswith(":"):
                i += 1
                continue
            parts = meta.split()
            status, blob = parts[-1][:1], parts[3]
            if status in "RC":
                touches.append(Touch(status, fields[i + 2], blob, fields[i + 1]))
                i += 3
            else:
                touches.append(Touch(status, fields[i + 1], blob))
                i += 2
        moment = _moment(*dates)
        commits.append(Commit(sha, moment, author, subject, tuple(touches), tuple(parents.split())))
    return commits


def _moment(committed: str, committed_at: str, authored: str, authored_at: str) -> datetime:
    """When a commit was made: its committer date in its own time zone. Commits that git
    itself would not make (``git fsck``: badTimezone, badDate) are read too: a broken time
    zone as UTC, a date that is none by the author date, and with neither, the Unix epoch
    (which history takes as no later than the commit before it)."""
    for written, seconds in ((committed, committed_at), (authored, authored_at)):
        try:
            return datetime.fromisoformat(written.strip())
        except ValueError:
            pass
        try:
            return datetime.fromtimestamp(int(seconds), UTC)
        except (ValueError, OverflowError, OSError):
            pass
    return _EPOCH
