"""What history keeps between runs, in the repository's git directory (``.git/milepost``).

Each :class:`Store` is one pickled dictionary in a file named after what it holds and a stamp
of milepost's own code: what this very code made of the data. A new or edited milepost starts
afresh and clears the files of others away. Everything here is safe to delete at any time.

Pickle, because loading thousands of snapshots must cost less than the ``git log`` it saves.
The files are written by milepost alone inside the git directory (whoever can write there can
run hooks anyway); a damaged or foreign file is ignored and replaced. Even so, unpickling
makes only the classes history keeps (:data:`_KEPT`): a file naming any other class or
function, which loading would import and could call, is a damaged one.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from typing import Any, Generic, TypeVar

from milepost import fs
from milepost.errors import MilepostError

__all__ = ["Store"]

V = TypeVar("V")
_FORMAT = 1
#: The classes the stores' values are made of, by module: all that unpickling may make.
_KEPT = {
    "datetime": frozenset({"date"}),
    "milepost.history.snapshot": frozenset(
        {"Snapshot", "ItemState", "MetricState", "RequestState", "RiskState"}
    ),
    "milepost.history.lives": frozenset({"Life", "ItemLife", "MetricPoint"}),
    "milepost.vocabulary.status": frozenset({"Status"}),
}


class _KeptUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if name not in _KEPT.get(module, ()):
            raise pickle.UnpicklingError(f"{module}.{name}: not a class history keeps")
        return super().find_class(module, name)


class Store(Generic[V]):
    """A dictionary of ``kind`` values under string keys, read on first use."""

    def __init__(self, folder: Path, name: str, kind: type[V], *, tag: Any = None) -> None:
        """``tag``: what else the values depend on (milepost's version, the config's status
        vocabulary); a file with another tag is not used."""
        self.folder = folder
        self.name = name
        self.kind = kind
        self.tag = tag
        self.file = folder / f"{name}-{fs.code_stamp()}.pickle"
        self._entries: dict[str, V] | None = None
        self._dirty = False

    @property
    def entries(self) -> dict[str, V]:
        if self._entries is None:
            self._entries = {}
            try:
                data = _KeptUnpickler(io.BytesIO(fs.read(self.file, any_size=True).data)).load()
                if data["format"] == _FORMAT and data["tag"] == self.tag:
                    self._entries = dict(data["entries"])
            except Exception:  # missing, damaged or foreign: it is only a cache
                self._entries = {}
        return self._entries

    def get(self, key: str) -> V | None:
        value = self.entries.get(key)
        return value if isinstance(value, self.kind) else None

    def put(self, key: str, value: V) -> None:
        self.entries[key] = value
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        data = {"format": _FORMAT, "tag": self.tag, "entries": self.entries}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fs.replace(self.file, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
            for other in self.folder.glob(f"{self.name}-*"):
                if other != self.file:  # made by another milepost: never read again
                    fs.remove(other)
        except (OSError, MilepostError):
            pass  # a cache that cannot be written only costs time
        self._dirty = False
