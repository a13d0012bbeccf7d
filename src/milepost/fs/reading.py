"""Reading files and walking folders: a file's bytes and their fingerprint, every file below
a folder, and a fingerprint of milepost's own code for the caches it keys."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from milepost import source
from milepost.errors import NotAFileError, SourceError

__all__ = ["Snapshot", "code_stamp", "cwd", "read", "real", "sha256", "walk", "walk_relative"]

_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"})


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The bytes of a file and the fingerprint they had when read."""

    path: Path
    data: bytes

    @property
    def fingerprint(self) -> str:
        return sha256(self.data)


def read(path: str | os.PathLike[str], *, any_size: bool = False) -> Snapshot:
    """Read a file's bytes; a missing, unreadable or non-regular file is a SourceError, and
    so is one larger than what milepost reads of a roadmap or config (``source.MAX_BYTES``),
    unless ``any_size`` (files milepost wrote itself, such as caches and site pages, and the
    site's own files it serves).

    The file is opened without blocking and checked to be a regular file before it is read:
    a named pipe called ``roadmap.md`` is an error, not a wait for a writer that never comes.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise NotAFileError("no such file", path=str(p)) from None
    except IsADirectoryError:
        raise NotAFileError("is a folder, not a file", path=str(p)) from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path=str(p)) from None
    except ValueError:  # no file can be named so: a bad path, not a bug
        raise SourceError("cannot read: the path holds a NUL character", path=str(p)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotAFileError("is a folder, not a file", path=str(p))
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError("not a regular file (a pipe, socket or device)", path=str(p))
        # The size limit is checked before reading (a 2 GiB file is refused, not read), and
        # again as the file is read to the end, in case it grows: at most limit + 1 bytes.
        limit = sys.maxsize if any_size else source.MAX_BYTES
        if info.st_size > limit:
            raise SourceError(_too_big(info.st_size, limit), path=str(p))
        chunks = [os.read(fd, info.st_size + 1)]
        size = len(chunks[0])
        while chunks[-1] and size <= limit:
            chunks.append(os.read(fd, min(1 << 16, limit + 1 - size)))
            size += len(chunks[-1])
        if size > limit:
            raise SourceError(_too_big(size, limit), path=str(p))
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path=str(p)) from None
    finally:
        os.close(fd)
    return Snapshot(p, b"".join(chunks))


def cwd() -> str | None:
    """The working directory, which relative paths are relative to; None where there is
    none (it was removed)."""
    try:
        return os.getcwd()
    except OSError:
        return None


def real(path: str | os.PathLike[str]) -> Path:
    """``Path(path).resolve()`` that never raises on a symlink loop (before Python 3.13 it
    raises ``RuntimeError``): the loop stays in the path, for reading it to report."""
    return Path(os.path.realpath(path))


def _too_big(size: int, limit: int) -> str:
    mib = 1024 * 1024
    more = -(-size // mib)  # rounded up: a file just over the limit is not "64 MiB"
    return f"file is {more} MiB, larger than milepost reads ({limit // mib} MiB)"


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a pipe does not wait for a writer
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``: the fingerprint files are compared by."""
    import hashlib  # imported on first use: a check that writes nothing never needs it

    return hashlib.sha256(data).hexdigest()


def walk(root: str | os.PathLike[str]) -> Iterator[Path]:
    """Every file below ``root`` in a stable order, skipping VCS and environment folders."""
    for _relative, path in walk_relative(root):
        yield path


def walk_relative(root: str | os.PathLike[str]) -> Iterator[tuple[str, Path]]:
    """:func:`walk`, each file with its path relative to ``root`` as ``a/b.md`` (made with
    string operations: a thousand ``Path.relative_to`` calls cost more than the walk)."""
    # An explicit stack, not os.walk (recursive before Python 3.12): any depth of folders.
    # Each folder's files come first, sorted, then its folders, depth first and sorted, not
    # following links to folders; a folder that cannot be listed is passed over.
    stack = [(os.fspath(root), "")]
    while stack:
        folder, lead = stack.pop()
        dirs, files = [], []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if not is_dir:
                        files.append(entry.name)
                    elif not (
                        entry.name in _SKIP_DIRS or entry.name.startswith(".") or entry.is_symlink()
                    ):
                        dirs.append(entry.name)
        except OSError:
            continue
        here = Path(folder)
        for name in sorted(files):
            yield lead + name, here / name
        for name in sorted(dirs, reverse=True):
            stack.append((os.path.join(folder, name), f"{lead}{name}/"))


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A fingerprint of milepost's own code (the names, sizes and modification times of its
    ``.py`` files, templates and static files), taken once per process: caches of what this
    code made key on it, so that a new or edited milepost starts them afresh."""
    parts = []
    for relative, path in walk_relative(Path(__file__).parent.parent):  # milepost/
        if relative.endswith((".py", ".j2", ".css", ".js")):
            info = os.stat(path)
            parts.append(f"{relative}:{info.st_size}:{info.st_mtime_ns}")
    return sha256("\n".join(parts).encode())[:16]
