"""A track's slug: the short name its roadmap's path gives it (``tracks/memory/roadmap.md``
is ``memory``), by which commands and pages name it."""

from __future__ import annotations

import os
import re
from pathlib import PurePath

from milepost.model import Roadmap

__all__ = ["path_slug", "slug_of", "slug_path", "slug_path_of"]


def slug_of(roadmap: Roadmap) -> str:
    return slug_path_of(roadmap).rpartition("/")[2]


def path_slug(path: str) -> str:
    """A track's slug from its roadmap's path: ``tracks/memory/roadmap.md`` → ``memory``,
    ``docs/web-ui-roadmap.md`` → ``web-ui``."""
    return slug_path(path).rpartition("/")[2]


def slug_path_of(roadmap: Roadmap) -> str:
    """:func:`slug_path` of the roadmap's path; for one read from text (no path), the slug
    of its track's name."""
    if roadmap.path is None:
        return re.sub(r"[^a-z0-9]+", "-", roadmap.track.lower()).strip("-")
    return slug_path(roadmap.path)


def slug_path(path: str) -> str:
    """A roadmap's path up to its slug, which is its last part (``tracks/memory/roadmap.md``
    → ``tracks/memory``, ``docs/web-ui-roadmap.md`` → ``docs/web-ui``), with forward
    slashes: the folders before the slug tell apart two tracks that share it. A
    ``roadmap.md`` with no folder named before it (given from its own folder, or as
    ``../roadmap.md``) is named by the folder it is in (the working directory tells which),
    so that ``milepost site .`` names it as ``milepost site /path/to/repo`` does."""
    p = PurePath(path)
    folder = p.parent.as_posix() if p.parent.name else ""  # none above: "", not "." or "/"
    if p.stem.lower() == "roadmap":
        if p.parent.name in ("", ".."):
            # ROADMAP.md given from its own folder ("milepost site ." at a repository's top)
            # or from below it: named by its folder, as it is when given by its full path.
            return PurePath(os.path.abspath(path)).parent.name or p.stem.lower()
        return folder
    slug = p.stem.removesuffix("-roadmap")
    return f"{folder}/{slug}" if folder else slug
