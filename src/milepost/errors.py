"""The one exception family for everything a user can cause.

Findings of ``milepost check`` are not errors; these are: a bad path, bad bytes, a bad config,
an ambiguous item name. The CLI turns any of them into one line and exit code 2.
"""

from __future__ import annotations

import os
from typing import ClassVar

__all__ = [
    "ConfigError",
    "ConfigWarning",
    "EditError",
    "MilepostError",
    "NoRoadmapsError",
    "NotAFileError",
    "SourceError",
    "StaleFileError",
    "UsageError",
    "WriteError",
    "add_once",
    "shown_path",
    "some_of",
    "typed_path",
]


def shown_path(path: str) -> str:
    """A path as messages show it: as it is, or quoted with escapes (``'a\\nb'``) when it holds
    a character that does not print (a newline would split the one-line message in two)."""
    return path if path.isprintable() else repr(path)


def typed_path(path: str | os.PathLike[str]) -> str:
    """A path as the user would type it: relative to the working directory, with forward
    slashes, when it is below it, else as given (in full, for a path milepost found by its
    absolute path). The one way a config, a track found by its slug or name, and a roadmap in
    a diff are shown. Links are not followed: a link is shown by its own path, the one that
    was found or typed, not by its target's (which may be anywhere)."""
    name = os.fspath(path)
    try:
        inside = os.path.relpath(os.path.abspath(name))
    except (OSError, ValueError):  # no working directory (removed), or another drive
        return name
    if inside == os.pardir or inside.startswith(os.pardir + os.sep):
        return name
    return inside.replace(os.sep, "/")


class MilepostError(Exception):
    """A problem the user can fix: ``str()`` is one line naming the file and line (and the
    column, where known: ``path:line:col:`` as a finding is placed)."""

    #: Whether ``path``, where given, names a file, which a CI annotation or a SARIF
    #: location can be placed on (GitHub places them on files alone); an error whose path
    #: names none (a folder, nothing) is said in their text instead.
    names_a_file: ClassVar[bool] = True

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str = "",
        col: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line  # 1-based, as a user reads it
        self.hint = hint
        self.col = col  # 1-based, in characters; only with a line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = shown_path(self.path)
            if self.line is not None:
                where += f":{self.line}" if self.col is None else f":{self.line}:{self.col}"
            where += ": "
        return f"{where}{self.said}"

    def __repr__(self) -> str:
        """The message and, where given, path, line, column and hint: a list of errors shown in a
        notebook says which file each is about."""
        given = (
            ("path", self.path),
            ("line", self.line),
            ("col", self.col),
            ("hint", self.hint or None),
        )
        fields = "".join(f", {name}={value!r}" for name, value in given if value is not None)
        return f"{type(self).__name__}({self.message!r}{fields})"

    @property
    def said(self) -> str:
        """What went wrong and the hint, without the place (for formats that give the
        file and line apart, such as SARIF and GitHub annotations)."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class SourceError(MilepostError):
    """The bytes of a file cannot be read as text, or the file cannot be read at all."""


class NotAFileError(SourceError):
    """A path that names no regular file: nothing is there, or a folder where a file was
    wanted, or a pipe, socket or device."""

    names_a_file = False


class WriteError(SourceError, OSError):
    """A file cannot be written. It names the file the user named (never the temporary file
    beside it that failed), and is still an :class:`OSError` (``errno``, ``strerror``) for the
    callers that catch those."""

    @classmethod
    def from_os_error(cls, exc: OSError, *, path: str) -> WriteError:
        error = cls(f"cannot write: {exc.strerror or exc}", path=path)
        error.errno, error.strerror, error.filename = exc.errno, exc.strerror, path
        return error


class ConfigError(MilepostError):
    """``milepost.toml`` or ``[tool.milepost]`` is malformed or has an unknown key or value."""


class ConfigWarning(UserWarning):
    """Something about the config that works but may surprise (two config files in one folder).

    A warning, not an error: the library emits it with :mod:`warnings`; the CLI prints it as
    one line ``milepost: warning: ...`` on stderr and goes on."""


class UsageError(MilepostError):
    """The command line asks for something that cannot be done (a bad name, a clash)."""


class NoRoadmapsError(UsageError):
    """No roadmap below a folder: its ``path`` is that folder, not a file (so a CI annotation,
    which GitHub places on files alone, names it in its text instead)."""

    names_a_file = False


class StaleFileError(MilepostError):
    """A file changed on disk after we read it; writing would lose someone else's change."""


class EditError(MilepostError):
    """An edit could not be made exactly (nothing was written)."""


def add_once(errors: list[MilepostError], error: MilepostError) -> None:
    """Add ``error`` unless one saying the same is there: a broken config is said once, not
    once for each file it governs."""
    if str(error) not in {str(e) for e in errors}:
        errors.append(error)


def some_of(parts: list[str], limit: int) -> str:
    """The first ``limit`` of ``parts`` for a message, joined by "; ", the rest counted
    ("; and 4 more")."""
    shown = "; ".join(parts[:limit])
    return shown + (f"; and {len(parts) - limit} more" if len(parts) > limit else "")
