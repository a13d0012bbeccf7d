"""The only package that touches files: read bytes (:mod:`.reading`), write them back
atomically (:mod:`.writing`), walk folders.

Everything else in milepost is a pure function of text: an import-linter contract keeps the
pure layers from importing this. Callers use it as ``from milepost import fs``.
"""

from __future__ import annotations

from milepost.fs.reading import (
    Snapshot,
    code_stamp,
    cwd,
    read,
    real,
    sha256,
    walk,
    walk_relative,
)
from milepost.fs.writing import remove, replace, user_cache, write_atomic

__all__ = [
    "Snapshot",
    "code_stamp",
    "cwd",
    "read",
    "real",
    "remove",
    "replace",
    "sha256",
    "user_cache",
    "walk",
    "walk_relative",
    "write_atomic",
]
