"""A track's slug: the short name its roadmap's path gives it (``tracks/memory/roadmap.md``
is ``memory``), by which commands and pages name it."""

from __future__ import annotations

import os
import re
from pathlib import PurePath

from milepost.model import Roadmap

__all__ = ["path_slug", "slug_of", "slug_path", "slug_path_of"]


def slug_of(roadmap: Roadmap, *, cwd: str | None = None) -> str:
    return slug_path_of(roadmap, cwd=cwd).rpartition("/")[2]


def path_slug(path: str, *, cwd: str | None = None) -> str:
    """A track's slug from its roadmap's path: ``tracks/memory/roadmap.md`` → ``memory``,
    ``docs/web-ui-roadmap.md`` → ``web-ui``."""
    return slug_path(path, cwd=cwd).rpartition("/")[2]


def slug_path_of(roadmap: Roadmap, *, cwd: str | None = None) -> str:
    """:func:`slug_path` of the roadmap's path; for one read from text (no path), or a
    ``roadmap.md`` whose path names no folder and no ``cwd`` to find it in, the slug of its
    track's name (``loads(text, path="roadmap.md")`` of "# Web UI Roadmap" is ``web-ui``,
    from any working directory)."""
    path = roadmap.path
    if path is not None and (cwd is not None or not _names_no_folder(PurePath(path))):
        return slug_path(path, cwd=cwd)
    name = re.sub(r"[^a-z0-9]+", "-", roadmap.track.lower()).strip("-")
    return name or (slug_path(path) if path is not None else "")


def slug_path(path: str, *, cwd: str | None = None) -> str:
    """A roadmap's path up to its slug, which is its last part (``tracks/memory/roadmap.md``
    → ``tracks/memory``, ``docs/web-ui-roadmap.md`` → ``docs/web-ui``), with forward
    slashes: the folders before the slug tell apart two tracks that share it.

    It depends on ``path`` alone, but for a ``roadmap.md`` whose path names no folder (given
    from its own folder, or as ``../roadmap.md``): ``cwd``, the folder a relative path is
    relative to, tells which folder it is in and so its slug, so that ``milepost site .``
    names it as ``milepost site /path/to/repo`` does; without ``cwd`` it is ``roadmap``."""
    p = PurePath(path)
    folder = p.parent.as_posix() if p.parent.name else ""  # none above: "", not "." or "/"
    if p.stem.lower() == "roadmap":
        if _names_no_folder(p):
            where = PurePath(os.path.normpath(os.path.join(cwd, path))) if cwd else None
            return (where.parent.name if where else "") or p.stem.lower()
        return folder
    slug = p.stem.removesuffix("-roadmap")
    return f"{folder}/{slug}" if folder else slug


def _names_no_folder(path: PurePath) -> bool:
    """Whether ``path`` is a ``roadmap.md`` with no folder named before it, which its own name
    cannot tell apart from any other."""
    return path.stem.lower() == "roadmap" and path.parent.name in ("", "..")
