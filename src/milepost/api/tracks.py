"""Finding a track's roadmap by what a user calls it, and writing a new track's roadmap
from the template where the config's patterns will find it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from milepost import fs
from milepost.api.arguments import as_config
from milepost.config import Config
from milepost.document import parse
from milepost.errors import MilepostError, UsageError, some_of, typed_path
from milepost.extract import title_of, track_name
from milepost.locate import discover, find_config, nothing_found
from milepost.source import decode

__all__ = ["new_track", "resolve_track"]


def new_track(
    name: str,
    *,
    folder: str | os.PathLike[str] | None = None,
    owner: str | None = None,
    project: str | None = None,
    today: date,
    config: Config | None = None,
) -> Path:
    """Write a new roadmap from the template into ``folder`` and return its path.

    The file is named so that the config's ``roadmaps`` patterns find it: the first of
    ``<slug>/roadmap.md``, ``<slug>.md``, ``<slug>-roadmap.md`` and the names the patterns
    themselves suggest (``<slug>/plan.md`` for ``teams/*/plan.md``) that they match; when
    none does, it refuses (a roadmap nothing finds would be invisible to every command).
    Refuses to overwrite an existing roadmap and names that would leave ``folder``.
    The folder defaults to where the config's first ``roadmaps`` pattern points, else ".".
    """
    from milepost.render.scaffold import new_roadmap, slugify  # only `new` needs the template

    config = as_config(config) or find_config(folder or ".")
    base = Path(folder) if folder is not None else _default_folder(config)
    slug = slugify(name)
    if not fs.real(base / slug).is_relative_to(fs.real(base)):
        raise UsageError(f"track name {name!r} would leave {base}")
    target = _found_name(base, slug, config)
    if target.exists():
        raise UsageError("already exists; not overwriting", path=str(target))
    text = new_roadmap(
        name,
        today=today,
        owner=owner,
        project=project or config.project,
        review_cadence_days=config.review_cadence_days,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    fs.write_atomic(target, text.encode("utf-8"), expected=None)
    return target


def _found_name(base: Path, slug: str, config: Config) -> Path:
    """The first name for a new roadmap in ``base`` that the config's patterns match
    (relative to the config's folder; without a config, to ``base``, as discovery does)."""
    from milepost.portfolio.discover import matches

    names = [f"{slug}/roadmap.md", f"{slug}.md", f"{slug}-roadmap.md"]
    for pattern in config.roadmaps:
        last = pattern.rsplit("/", 1)[-1]
        if any(ch in last for ch in "?["):
            continue  # a name to guess at, not to derive
        if "*" in last:
            names.append(last.replace("**", "*").replace("*", slug, 1).replace("*", ""))
        else:
            names.append(f"{slug}/{last}")
    root = fs.real(config.root) if config.root is not None else fs.real(base)
    where = fs.real(base)
    for name in dict.fromkeys(names):
        if where.joinpath(name).is_relative_to(root):
            relative = where.joinpath(name).relative_to(root).as_posix()
            if matches(relative, config.roadmaps):
                return base / name
    hint = "pass --dir with a folder they cover"
    if config.path:
        hint += f", or change `roadmaps` in {typed_path(config.path)}"
    raise UsageError(
        f"no name for a new roadmap in {base} matches the roadmaps patterns "
        f"({', '.join(config.roadmaps)})",
        hint=hint,
    )


def _default_folder(config: Config) -> Path:
    if config.root is None:
        return Path(".")
    root = Path(typed_path(config.root))
    first = config.roadmaps[0].split("/")
    fixed = []
    for part in first:
        if any(ch in part for ch in "*?["):
            break
        fixed.append(part)
    return root.joinpath(*fixed) if fixed and len(fixed) < len(first) else root


def resolve_track(track: str | os.PathLike[str]) -> Path:
    """The roadmap file ``track`` names: a file, a folder holding one roadmap, or a track's
    slug or name in the configured portfolio."""
    path = Path(track)
    if path.is_file():
        return path
    if path.is_dir():
        found = discover(path)
        if len(found) == 1:
            return found[0]
        if not found:
            raise nothing_found([path])
        listing = some_of([str(typed_path(p)) for p in found], 5)
        raise UsageError(
            f"{len(found)} roadmaps below this folder: {listing}",
            path=str(path),
            hint="name one of them",
        )
    if os.path.lexists(path):  # there, but no file or folder: a pipe, a link to nothing
        discover(path)  # which says so
    config = find_config(".")
    if config.root is not None:
        from milepost.portfolio.links import TrackIndex
        from milepost.portfolio.slugs import path_slug

        found = discover(config.root, config)
        by_slug = [p for p in found if path_slug(str(p)) == str(track)]
        if len(by_slug) == 1:  # a slug names its track, even where it is another's name too
            return Path(typed_path(by_slug[0]))
        # Each track by its own path: two tracks of one name are two tracks, not the first.
        # A name wins over a slug that is not exact ("Memory" over memory-v2's "memory"), and
        # over a slug that two folders share (both "memory/").
        tracks = [(p, _track_name(p) or path_slug(str(p))) for p in found]
        for index in (
            TrackIndex.build((str(p), [name]) for p, name in tracks),
            TrackIndex.build((str(p), [path_slug(str(p))]) for p, _ in tracks),
        ):
            wanted = index.resolve(str(track))
            if wanted is not None:
                return Path(typed_path(wanted))
            if index.namesakes(str(track)):
                raise _namesakes(str(track), index.namesakes(str(track)))
    hint = (
        f"give a path, or the slug or name of a track that {typed_path(config.path)} finds"
        if config.path is not None
        else "give a path (no milepost.toml or [tool.milepost] here names the tracks)"
    )
    raise UsageError(f"no roadmap or track named {str(track)!r}", hint=hint)


def _namesakes(track: str, paths: tuple[str, ...]) -> UsageError:
    """The error for a name several tracks share: their slugs, or their paths where the
    slugs say no more (two folders of one name)."""
    from milepost.portfolio.slugs import path_slug

    slugs = sorted(path_slug(p) for p in paths)
    shown = slugs if len(set(slugs)) == len(slugs) else sorted(typed_path(p) for p in paths)
    return UsageError(
        f"{len(paths)} tracks are named {track!r}: {', '.join(shown)}",
        hint="give one's slug or path" if shown is slugs else "give one's path",
    )


def _track_name(path: Path) -> str | None:
    """A roadmap's track name, from its title alone (the rest is not needed to find it);
    None when the file cannot be read, so one broken roadmap hides no other track."""
    try:
        document = parse(decode(fs.read(str(path)).data, path=str(path)))
    except MilepostError:
        return None
    return track_name(title_of(document))
