"""A track's slug: the short name its roadmap's path gives it (``tracks/memory/roadmap.md``
is ``memory``), by which commands and pages name it."""

from __future__ import annotations

import re
from pathlib import PurePath

from milepost.model import Roadmap

__all__ = ["path_slug", "slug_of"]


def slug_of(roadmap: Roadmap) -> str:
    if roadmap.path is None:
        return re.sub(r"[^a-z0-9]+", "-", roadmap.track.lower()).strip("-")
    return path_slug(roadmap.path)


def path_slug(path: str) -> str:
    """A track's slug from its roadmap's path: ``tracks/memory/roadmap.md`` → ``memory``,
    ``docs/web-ui-roadmap.md`` → ``web-ui``."""
    p = PurePath(path)
    return p.parent.name if p.stem.lower() == "roadmap" else p.stem.removesuffix("-roadmap")
