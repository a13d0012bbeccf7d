"""The public façade: the only place besides the CLI that reads or writes files."""

from __future__ import annotations

import os

from milepost import fs
from milepost.document import parse
from milepost.extract import extract
from milepost.model import Roadmap
from milepost.source import Source, decode

__all__ = ["load", "loads"]


def loads(text: str, *, path: str | None = None) -> Roadmap:
    """Parse roadmap text (already decoded) into a :class:`Roadmap`. Never raises on any text."""
    return extract(parse(Source.from_text(text, path=path)), path=path)


def load(path: str | os.PathLike[str]) -> Roadmap:
    """Read and parse one roadmap file; bad bytes raise :class:`milepost.MilepostError`."""
    name = os.fspath(path)
    snapshot = fs.read(name)
    source = decode(snapshot.data, path=name)
    return extract(parse(source), path=name)
