"""What the façade's functions accept from a caller's script or notebook, made exact once at
the boundary: one path or several, a day given as a ``datetime``, a status by its name."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeAlias

from milepost.config import Config
from milepost.errors import UsageError
from milepost.model import Status

__all__ = ["Paths", "as_config", "as_day", "as_selectors", "as_status", "path_list"]

#: What the functions taking roadmaps by path accept: one path, or a sequence of them.
Paths: TypeAlias = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


def path_list(paths: Paths) -> list[str | os.PathLike[str]]:
    """``paths`` as a list: one path (a ``str`` is one path, never its characters) is a list
    of one. A path holding a NUL, which no file can be named, is a :class:`UsageError`."""
    listed = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    _must_be_paths(paths, listed)
    for path in listed:
        if "\0" in os.fspath(path):
            raise UsageError("a path cannot hold a NUL character", path=os.fspath(path))
    return listed


def _must_be_paths(given: object, listed: Sequence[object]) -> None:
    """A caller without a type checker may give bytes (``b"tracks"``, read as its ints) or
    other things: a TypeError that says so, not one from deep in ``os.fspath``."""
    wrong = next((p for p in listed if not isinstance(p, (str, os.PathLike))), None)
    if isinstance(given, (bytes, bytearray)) or wrong is not None:
        kind = type(given if isinstance(given, (bytes, bytearray)) else wrong).__name__
        raise TypeError(f"paths must be a str or os.PathLike path, or several, not {kind}")


def as_selectors(value: str | Sequence[str]) -> tuple[str, ...]:
    """Rule selectors (``select``, ``ignore``): one string, which may hold several as
    ``--select`` takes them (``"MP201"``, ``"MP2,freshness"``), or a sequence of them; a
    string was read as its characters ("unknown rule selector 'M'")."""
    listed = [value] if isinstance(value, str) else list(value)
    return tuple(s.strip() for given in listed for s in given.split(",") if s.strip())


def as_day(value: date, name: str = "today") -> date:
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


def as_status(value: Status | str) -> Status:
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


def as_config(value: object) -> Config | None:
    """``value`` if it is a :class:`Config` (or None, for the one that governs the files); a
    caller without a type checker may give the config file's path: a TypeError says how to
    read one, not an AttributeError from deep inside."""
    if value is not None and not isinstance(value, Config):
        kind = type(value).__name__
        raise TypeError(
            f"config must be a milepost.api.Config (read one with "
            f"milepost.api.find_config(folder)), not {kind}"
        )
    return value
