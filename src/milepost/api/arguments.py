"""What the façade's functions accept from a caller's script or notebook, made exact once at
the boundary: one path or several, a day given as a ``datetime``, a status by its name."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeAlias

from milepost.errors import UsageError
from milepost.model import Status

__all__ = ["Paths", "a_day", "a_status", "path_list"]

#: What the functions taking roadmaps by path accept: one path, or a sequence of them.
Paths: TypeAlias = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


def path_list(paths: Paths) -> list[str | os.PathLike[str]]:
    """``paths`` as a list: one path (a ``str`` is one path, never its characters) is a list
    of one. A path holding a NUL, which no file can be named, is a :class:`UsageError`."""
    listed = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    for path in listed:
        if "\0" in os.fspath(path):
            raise UsageError("a path cannot hold a NUL character", path=os.fspath(path))
    return listed


def a_day(value: date, name: str = "today") -> date:
    """``value`` as a day: a ``datetime`` (``datetime.now()``) is its date, which is what
    every day milepost compares and writes is; anything else but a date is a TypeError."""
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
    return value


#: The words the command line takes for a status (``--status in-progress``), beside the
#: values of :class:`Status` itself.
_STATUS_WORDS = {"completed": Status.DONE, "in-progress": Status.IN_PROGRESS}


def a_status(value: Status | str) -> Status:
    """A :class:`Status`, or its value or command-line word (``"done"``, ``"completed"``,
    ``"in-progress"``): a :class:`UsageError` names the ones there are."""
    if isinstance(value, Status):
        return value
    word = str(value).strip().lower()
    try:
        return _STATUS_WORDS.get(word) or Status(word.replace("-", "_").replace(" ", "_"))
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise UsageError(f"unknown status {value!r}", hint=f"one of {known}") from None
