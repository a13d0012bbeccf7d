"""Where a roadmap no longer on disk counts as a track: below the folders named, at a path the
config's roadmap patterns match. Given to ``git log`` as pathspecs, and judged path by path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from milepost.config import Config

__all__ = ["Scope", "in_scope", "pathspecs", "roadmap_scopes"]

Scope = tuple[str, str, tuple[str, ...]]  # "base/" the patterns start at, "folder/", patterns


def roadmap_scopes(folders: Sequence[Path], config: Config, root: Path) -> list[Scope]:
    """Where a deleted roadmap counts: below each folder given, a path the config's patterns
    match (relative to the config's folder when it governs the folder, as discovery has it)."""
    real_root = root.resolve()
    config_root = Path(config.root).resolve() if config.root is not None else None
    out = []
    for folder in folders:
        real = folder.resolve()
        base = real
        if config_root is not None and (
            real.is_relative_to(config_root) or config_root.is_relative_to(real)
        ):
            base = config_root
        try:
            rels = [p.relative_to(real_root).as_posix() for p in (base, real)]
        except ValueError:
            continue
        lead, inside = ("" if r == "." else r + "/" for r in rels)
        out.append((lead, inside, config.roadmaps))
    return out


def pathspecs(scopes: Sequence[Scope]) -> list[str]:
    """The pathspecs by which ``git log`` sees the roadmaps of ``scopes``."""
    return [f":(glob,icase){lead}{p}" for lead, _, patterns in scopes for p in patterns]


def in_scope(path: str, scopes: Sequence[Scope]) -> bool:
    """Whether ``path`` (in the repository) is a roadmap of one of ``scopes``."""
    from milepost.portfolio.discover import matches

    return any(
        path.startswith(lead) and path.startswith(inside) and matches(path[len(lead) :], patterns)
        for lead, inside, patterns in scopes
    )
