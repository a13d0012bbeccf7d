"""Writing files: atomically, with the permissions kept, refusing to overwrite a file that
changed since it was read (``write_atomic``), or whatever it holds (``replace``, for files
milepost generates); and the folder of milepost's own caches."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from milepost.errors import StaleFileError, WriteError
from milepost.fs.reading import sha256

__all__ = ["remove", "replace", "user_cache", "write_atomic"]


def _fingerprint(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None


def write_atomic(path: str | os.PathLike[str], data: bytes, *, expected: str | None = None) -> bool:
    """Replace ``path`` with ``data`` atomically; return whether anything was written.

    The bytes go to a temporary file in the same folder, are flushed and fsynced, take the old
    file's permission bits, and then replace the file in one rename, so a reader sees either the
    old or the new file, never half of one. ``expected`` is the fingerprint the file had when it
    was read (``None`` for a file that must not exist yet): if the file changed since, nothing is
    written and :class:`StaleFileError` says so. Unchanged bytes are not written at all.
    A symlink is written through: its target is replaced, the link stays.
    """
    target = Path(os.path.realpath(path))
    with _locked(target):
        return _replace(target, data, expected, path)


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file being replaced (when it exists), so that two
    milepost writers cannot both pass the fingerprint check before either replaces it."""
    try:
        handle = target.open("rb")
    except OSError:
        yield
        return
    with handle:
        try:
            import fcntl
        except ImportError:  # not on POSIX: the fingerprint check alone
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _replace(target: Path, data: bytes, expected: str | None, path: str | os.PathLike[str]) -> bool:
    current = _fingerprint(target)
    if expected is not None or current is not None:
        if current != expected:
            what = "was created" if expected is None else "changed on disk since it was read"
            raise StaleFileError(
                f"{what}; not overwriting", path=str(path), hint="read it again and retry"
            )
        if current == sha256(data):
            return False
    mode = stat.S_IMODE(target.stat().st_mode) if current is not None else None
    _swap(target, data, mode, shown=os.fspath(path))
    return True


def replace(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> None:
    """Replace a file that milepost generated (a page of the site) atomically, whatever it
    holds now: no fingerprint check, and the caller knows the bytes differ. Without
    ``durable`` nothing is fsynced (for files a build can make again): readers still see the
    old file or the new one, never half of one."""
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    _swap(target, data, mode, durable=durable, shown=os.fspath(path))


def remove(path: str | os.PathLike[str]) -> None:
    """Delete a file that milepost generated, if it is still there."""
    Path(path).unlink(missing_ok=True)


def _swap(target: Path, data: bytes, mode: int | None, *, shown: str, durable: bool = True) -> None:
    """Write ``data`` beside ``target`` (fsynced when ``durable``, with ``mode`` or the
    umask's), then rename. A failure is a :class:`WriteError` naming the file as ``shown``
    (the path the caller was given), never the temporary file beside it."""
    try:
        _write_beside(target, data, mode, durable=durable)
    except OSError as exc:
        raise WriteError.from_os_error(exc, path=shown) from exc


def _write_beside(target: Path, data: bytes, mode: int | None, *, durable: bool) -> None:
    import tempfile  # only writers pay for it

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def user_cache(name: str) -> Path | None:
    """``name``, a folder of milepost's own in the user's cache, made private to the user:
    ``$MILEPOST_CACHE_DIR``, else ``$XDG_CACHE_HOME/milepost`` (``~/.cache/milepost``;
    ``%LOCALAPPDATA%\\milepost`` on Windows). None when it cannot be made: callers go on
    without a cache."""
    base = os.environ.get("MILEPOST_CACHE_DIR")
    if not base:
        home = os.environ.get("LOCALAPPDATA") if os.name == "nt" else None
        home = home or os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
        base = os.path.join(home, "milepost")
    folder = Path(base, name)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None
