"""What a check keeps between runs: the roadmaps it reads only to resolve cross-track
references (the rest of a portfolio when a few files are checked, as pre-commit does).

For each such file, by its resolved path: its size and modification time when read, its track
and the tracks it depends on; that is all the cross-track rules ask of it. A file whose size or
time changed is read again. One JSON file in the user's cache folder (``$MILEPOST_CACHE_DIR``
moves it), made by this very code (its stamp is in the file) and safe to delete at any time;
files gone are forgotten when it is written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from milepost import fs
from milepost.errors import MilepostError
from milepost.model import Roadmap

__all__ = ["ContextCache", "stamp"]

_FILE = "context.json"

Stamp = tuple[int, int]


def stamp(path: Path) -> Stamp | None:
    """A file's size and modification time (None when it cannot be looked at)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class ContextCache:
    """Read on creation; :meth:`save` writes it back when something was added."""

    def __init__(self) -> None:
        folder = fs.user_cache("check")
        self.file = folder / _FILE if folder is not None else None
        self.entries: dict[str, list[Any]] = {}
        self.added = False
        if self.file is None:
            return
        import json  # only where a portfolio's rest is read: not on a lone file's check

        try:
            data = json.loads(fs.read(self.file, any_size=True).data)
            if data["code"] == fs.code_stamp() and isinstance(data["entries"], dict):
                self.entries = data["entries"]
        except (MilepostError, ValueError, KeyError, TypeError):
            pass  # missing, damaged or another milepost's: it is only a cache

    def get(self, path: Path) -> Roadmap | None:
        """What the cross-track rules need of ``path``, when the file is as it was read."""
        from milepost.checking import context_roadmap

        entry = self.entries.get(str(path))
        if not isinstance(entry, list) or len(entry) != 4:
            return None
        size, mtime, track, depends_on = entry
        if (size, mtime) != stamp(path) or not isinstance(track, str):
            return None
        if not isinstance(depends_on, list):
            return None
        return context_roadmap(str(path), track, [str(on) for on in depends_on])

    def put(self, path: Path, read: Stamp | None, roadmap: Roadmap) -> None:
        """Keep ``roadmap`` (read from ``path`` when it had the stamp ``read``)."""
        if read is None:
            return
        depends_on = [d.on for d in roadmap.dependencies]
        self.entries[str(path)] = [*read, roadmap.track, depends_on]
        self.added = True

    def save(self) -> None:
        if self.file is None or not self.added:
            return
        import contextlib
        import json

        # Files gone since (a track removed, a project deleted) are forgotten.
        kept = {path: entry for path, entry in self.entries.items() if os.path.exists(path)}
        data = {"code": fs.code_stamp(), "entries": kept}
        with contextlib.suppress(OSError, MilepostError):  # unwritable: it only costs time
            fs.replace(self.file, json.dumps(data, ensure_ascii=False).encode(), durable=False)
        self.added = False
