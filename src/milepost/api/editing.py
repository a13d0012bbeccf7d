"""Edits of one roadmap (start, ship, plan, review, ...) and new tracks from the template:
parsed again and verified before an atomic write that refuses a file changed meanwhile."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milepost import fs
from milepost.config import Config
from milepost.document import apply, parse
from milepost.errors import EditError, MilepostError, UsageError
from milepost.extract import read_roadmap, title_of, track_name
from milepost.locate import discover, find_config
from milepost.model import Roadmap, Status
from milepost.source import decode, encode

if TYPE_CHECKING:  # only the commands that need them pay for these imports
    from milepost.edits.edit import Edit


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

    config = config or find_config(folder or ".")
    base = Path(folder) if folder is not None else _default_folder(config)
    slug = slugify(name)
    if not (base / slug).resolve().is_relative_to(base.resolve()):
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
    root = Path(config.root).resolve() if config.root is not None else base.resolve()
    where = base.resolve()
    for name in dict.fromkeys(names):
        if where.joinpath(name).is_relative_to(root):
            relative = where.joinpath(name).relative_to(root).as_posix()
            if matches(relative, config.roadmaps):
                return base / name
    raise UsageError(
        f"no name for a new roadmap in {base} matches the roadmaps patterns "
        f"({', '.join(config.roadmaps)})",
        hint=f"pass --dir with a folder they cover, or change `roadmaps` in {config.path}"
        if config.path
        else "pass --dir with a folder they cover",
    )


def _default_folder(config: Config) -> Path:
    if config.root is None:
        return Path(".")
    root = Path(config.root)
    if root.is_relative_to(Path.cwd()):
        root = root.relative_to(Path.cwd())
    first = config.roadmaps[0].split("/")
    fixed = []
    for part in first:
        if any(ch in part for ch in "*?["):
            break
        fixed.append(part)
    return root.joinpath(*fixed) if fixed and len(fixed) < len(first) else root


@dataclass(slots=True)
class EditResult:
    """What an edit did (or, with ``dry_run``, would do) to one roadmap."""

    path: Path
    description: str
    diff: str
    written: bool
    text: str  # the roadmap's new text


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
        raise UsageError(f"{len(found)} roadmaps below this folder; name one", path=str(path))
    config = find_config(".")
    if config.root is not None:
        from milepost.portfolio.links import TrackIndex
        from milepost.portfolio.model import path_slug

        tracks = [(p, _track_name(p) or path_slug(str(p))) for p in discover(config.root, config)]
        index = TrackIndex.build((name, [path_slug(str(p))]) for p, name in tracks)
        wanted = index.resolve(str(track))
        if wanted is not None:
            for p, name in tracks:
                if index.resolve(name) == wanted:
                    return _relative(p)
    hint = (
        f"give a path, or the slug or name of a track that {_relative(Path(config.path))} finds"
        if config.path is not None
        else "give a path (no milepost.toml or [tool.milepost] here names the tracks)"
    )
    raise UsageError(f"no roadmap or track named {str(track)!r}", hint=hint)


def _track_name(path: Path) -> str | None:
    """A roadmap's track name, from its title alone (the rest is not needed to find it);
    None when the file cannot be read, so one broken roadmap hides no other track."""
    try:
        document = parse(decode(fs.read(str(path)).data, path=str(path)))
    except MilepostError:
        return None
    return track_name(title_of(document))


def _relative(path: Path) -> Path:
    """``path`` relative to the working directory when it is below it (for messages)."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def edit(
    track: str | os.PathLike[str],
    operation: str,
    *,
    today: date,
    item: str | None = None,
    line: int | None = None,
    dry_run: bool = False,
    reason: str | None = None,
    impact: str | None = None,
    details: str | None = None,
    keep: bool = False,
    month: date | None = None,
    owner: str | None = None,
    issue: str | None = None,
    next_review: date | None = None,
    author: str | None = None,
    current: str | None = None,
    baseline: str | None = None,
    target: str | None = None,
    status: Status | None = None,
    likelihood: str | None = None,
    impact_level: str | None = None,
    mitigation: str | None = None,
) -> EditResult:
    """Apply one edit operation to a roadmap: start, block, drop, ship, plan, review, metric,
    request, risk or rollover.

    The patched text is parsed again and the edit verified before anything is written; the
    write is atomic and refused if the file changed since it was read.
    """
    path = resolve_track(track)
    _check_text(
        operation,
        str(path),
        item=item,
        reason=reason,
        impact=impact,
        details=details,
        owner=owner,
        issue=issue,
        author=author,
        current=current,
        baseline=baseline,
        target=target,
        likelihood=likelihood,
        impact_level=impact_level,
        mitigation=mitigation,
    )
    config = find_config(path)
    snapshot = fs.read(path)
    source = decode(snapshot.data, path=str(path))
    roadmap = read_roadmap(source, path=str(path), statuses=config.statuses)
    change = _operation(
        roadmap,
        operation,
        config=config,
        today=today,
        item=item,
        line=line,
        reason=reason,
        impact=impact,
        details=details,
        keep=keep,
        month=month,
        owner=owner,
        issue=issue,
        next_review=next_review,
        author=author,
        path=path,
        current=current,
        baseline=baseline,
        target=target,
        status=status,
        likelihood=likelihood,
        impact_level=impact_level,
        mitigation=mitigation,
    )
    new = apply(source, change.patches)
    after = read_roadmap(new, path=str(path), statuses=config.statuses)
    problem = change.verify(after)
    if problem is not None:
        raise EditError(
            f"edit not applied: {problem}",
            path=str(path),
            hint="the file is unchanged; please report this",
        )
    import difflib  # only edits show a diff

    diff = "".join(
        difflib.unified_diff(
            source.lines,
            new.lines,
            fromfile=f"a/{path.as_posix().lstrip('/')}",
            tofile=f"b/{path.as_posix().lstrip('/')}",
        )
    )
    written = False
    if not dry_run and new.text != source.text:
        written = fs.write_atomic(path, encode(new), expected=snapshot.fingerprint)
    return EditResult(path, change.description, diff, written, new.text)


# How the command line names each text option, for messages.
_FLAGS = {"impact_level": "--impact", "author": "--by"}
_ARGUMENTS = {"plan": "the title", "risk": "the description", "metric": "METRIC"}


def _check_text(operation: str, path: str, **texts: str | None) -> None:
    """Every text an edit writes is one line and not blank: a line break would end the item
    (the rest becomes a paragraph of its own), and an empty value reads as no value."""
    for name, value in texts.items():
        if value is None:
            continue
        what = (
            _ARGUMENTS.get(operation, operation.upper())
            if name == "item"
            else _FLAGS.get(name, f"--{name.replace('_', '-')}")
        )
        if "\n" in value or "\r" in value:
            raise UsageError(f"{what} must be one line", path=path, hint="it holds a line break")
        if not value.strip():
            raise UsageError(f"{what} is empty", path=path)


def _operation(
    roadmap: Roadmap,
    operation: str,
    *,
    config: Config,
    today: date,
    item: str | None,
    line: int | None,
    path: Path,
    **options: Any,
) -> Edit:
    from milepost.edits import operations as ops
    from milepost.edits.lookup import find_item

    statuses = {"start": Status.IN_PROGRESS, "block": Status.BLOCKED, "drop": Status.DROPPED}
    if operation in statuses or operation == "ship":
        if not item and line is None:
            raise UsageError(f"{operation}: which item?")
        target = find_item(roadmap, item or "", line=line)
        if operation == "ship":
            if target.status is Status.DROPPED:
                raise UsageError(
                    f"{target.title!r} is dropped; not shipping it",
                    path=roadmap.path,
                    line=target.span.first_line,
                    hint="if the work was picked up again, `milepost start` it first",
                )
            return ops.ship(
                roadmap,
                target,
                today=today,
                impact=options["impact"],
                details=options["details"],
                keep=options["keep"],
            )
        return ops.set_status(roadmap, target, statuses[operation], reason=options["reason"])
    if operation == "plan":
        if not item:
            raise UsageError("plan: what title?")
        return ops.plan(
            roadmap,
            item,
            today=today,
            month=options["month"],
            owner=options["owner"],
            issue=options["issue"],
        )
    if operation == "review":
        author = options["author"]
        if author is None:
            from milepost.history.gitlog import user_name

            author = user_name(path)
        from milepost.edits.review import review

        return review(
            roadmap,
            today=today,
            cadence_days=config.review_cadence_days,
            next_review=options["next_review"],
            author=author,
        )
    from milepost.edits import records
    from milepost.edits.rollover import rollover

    if operation in ("metric", "request", "risk") and not item:
        raise UsageError(f"{operation}: which one?")
    if operation == "metric":
        return records.metric(
            roadmap,
            item or "",
            current=options["current"],
            baseline=options["baseline"],
            target=options["target"],
        )
    if operation == "request":
        if options["status"] is None:
            raise UsageError("request: --status planned, in-progress or completed")
        return records.request(roadmap, item or "", status=options["status"])
    if operation == "risk":
        from milepost.edits.risks import risk

        return risk(
            roadmap,
            item or "",
            likelihood=options["likelihood"],
            impact=options["impact_level"],
            mitigation=options["mitigation"],
        )
    if operation == "rollover":
        return rollover(
            roadmap, today=today, to=options["month"], cadence_days=config.review_cadence_days
        )
    raise UsageError(f"unknown edit {operation!r}")
