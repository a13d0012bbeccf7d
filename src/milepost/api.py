"""The public façade: loading, checking and editing roadmaps, portfolios and the site.

It reads and writes files through :mod:`milepost.fs` (finding configs and roadmaps through
:mod:`milepost.locate`, building the site through :mod:`milepost.sitebuild`); the modules it
composes are pure. History has its own façade above this one, :mod:`milepost.history_api`.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milepost import fs
from milepost.config import Config
from milepost.document import apply, gc_paused
from milepost.errors import EditError, MilepostError, UsageError
from milepost.extract import read_roadmap
from milepost.locate import config_in, discover, find_config
from milepost.model import Roadmap, Status
from milepost.source import Source, decode, encode

if TYPE_CHECKING:  # only the commands that need them pay for these imports
    from milepost.checking import FileReport
    from milepost.edits.operations import Edit
    from milepost.portfolio.model import Portfolio
    from milepost.rules import Diagnostic, Rule
    from milepost.sitebuild import SiteResult

__all__ = [
    "CheckResult",
    "EditResult",
    "LoadResult",
    "check",
    "check_loaded",
    "discover",
    "edit",
    "find_config",
    "load",
    "load_many",
    "loads",
    "new_track",
    "resolve_track",
]


def loads(text: str, *, path: str | None = None, config: Config | None = None) -> Roadmap:
    """Parse roadmap text (already decoded) into a :class:`Roadmap`. Never raises on any text.

    ``config`` adds its ``statuses`` markers to the vocabulary.
    """
    statuses = config.statuses if config is not None else ()
    return read_roadmap(Source.from_text(text, path=path), path=path, statuses=statuses)


def load(path: str | os.PathLike[str], *, config: Config | None = None) -> Roadmap:
    """Read and parse one roadmap file; unreadable or undecodable files raise
    :class:`milepost.MilepostError` naming the file (and line, where there is one).

    The status markers of ``config`` (default: the config that governs the file) are added
    to the vocabulary.
    """
    name = os.fspath(path)
    source = decode(fs.read(name).data, path=name)
    if config is None:
        config = _config_near(os.path.dirname(os.path.realpath(name)))
    with gc_paused():
        return read_roadmap(source, path=name, statuses=config.statuses)


@lru_cache(maxsize=1024)
def _config_near(folder: str) -> Config:
    """:func:`find_config` for a resolved folder, each folder's answer cached: the tracks of
    a portfolio, one folder each, share their parent's answer instead of walking up again."""
    here = Path(folder)
    config = config_in(here)
    if config is not None:
        return config
    return Config() if here.parent == here else _config_near(str(here.parent))


@dataclass(slots=True)
class LoadResult:
    """Roadmaps that loaded, and the errors of those that did not (one line each)."""

    roadmaps: list[Roadmap] = field(default_factory=list)
    errors: list[MilepostError] = field(default_factory=list)


def load_many(paths: list[str | os.PathLike[str]]) -> LoadResult:
    """Load every roadmap that the paths name (folders are searched); go on past bad files."""
    # The models hold no reference cycles, so the cyclic GC would only re-scan a growing heap
    # again and again (about a quarter of the time at 1,000 tracks): pause it for the batch.
    with gc_paused():
        return _load_many(paths)


def _load_many(paths: list[str | os.PathLike[str]]) -> LoadResult:
    result = LoadResult()
    seen: set[Path] = set()
    for path in paths:
        try:
            config = find_config(path)
            files = discover(path, config)
        except MilepostError as exc:
            result.errors.append(exc)
            continue
        for file in files:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            try:
                result.roadmaps.append(load(file, config=config))
            except MilepostError as exc:
                result.errors.append(exc)
    return result


def new_track(
    name: str,
    *,
    folder: str | os.PathLike[str] | None = None,
    owner: str | None = None,
    project: str | None = None,
    today: date,
    config: Config | None = None,
) -> Path:
    """Write ``<folder>/<slug>/roadmap.md`` from the template and return its path.

    Refuses to overwrite an existing roadmap and names that would leave ``folder``.
    The folder defaults to where the config's first ``roadmaps`` pattern points, else ".".
    """
    from milepost.render.scaffold import new_roadmap, slugify  # only `new` needs the template

    config = config or find_config(folder or ".")
    base = Path(folder) if folder is not None else _default_folder(config)
    slug = slugify(name)
    target = base / slug / "roadmap.md"
    if not target.resolve().is_relative_to(base.resolve()):
        raise UsageError(f"track name {name!r} would leave {base}")
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
class CheckResult:
    """What ``check`` found in every file, and the files it could not read."""

    reports: list[FileReport]
    errors: list[MilepostError]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for report in self.reports for d in report.diagnostics]


def _rest_of_portfolio(
    roadmaps: list[Roadmap], config: Config, select: tuple[str, ...], ignore: tuple[str, ...]
) -> list[Roadmap]:
    """The configured portfolio's other roadmaps, when cross-track rules will run.

    Checking a few files (a pre-commit hook passes only the changed ones) must still resolve
    their references against every track, or a reference to an unchanged track would look
    dangling.
    """
    given = [Path(r.path) for r in roadmaps if r.path]
    others = []
    for path in _other_files(given, config, select, ignore):
        try:
            others.append(load(path, config=config))
        except MilepostError:
            continue  # reported when that file itself is checked
    return others


def _other_files(
    given: list[Path], config: Config, select: tuple[str, ...], ignore: tuple[str, ...]
) -> list[Path]:
    """The configured portfolio's files not in ``given``, when cross-track rules will run."""
    from milepost.checking import needs_portfolio

    if config.root is None or not needs_portfolio(config, select, ignore):
        return []
    seen = {p.resolve() for p in given}
    return [p for p in discover(config.root, config) if p.resolve() not in seen]


def _missing_links(roadmap: Roadmap) -> frozenset[str]:
    """The roadmap's relative link targets that name no file or folder on disk."""
    from milepost.rules.links import relative_links

    assert roadmap.path is not None
    folder = Path(roadmap.path).parent
    return frozenset(
        target for _line, _url, target in relative_links(roadmap) if not (folder / target).exists()
    )


def check(
    paths: list[str | os.PathLike[str]],
    *,
    today: date,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    fix: bool = False,
    unsafe_fixes: bool = False,
    write: bool = False,
) -> CheckResult:
    """Check the roadmaps the paths name, as one portfolio.

    With ``fix``, safe fixes (and unsafe ones with ``unsafe_fixes``) are applied until stable;
    with ``write`` the fixed files are written back atomically, refusing any file that changed
    on disk since it was read.
    """
    with gc_paused():
        if not (fix or write) and (os.cpu_count() or 1) > 1:
            files, errors = _discover_all(paths)
            if len(files) >= PARALLEL_FROM:
                return _check_parallel(files, errors, paths, today, select, ignore)
        return _check(paths, today, select, ignore, fix, unsafe_fixes, write)


#: Portfolios with at least this many files are checked on every core.
PARALLEL_FROM = 48


def _discover_all(paths: list[str | os.PathLike[str]]) -> tuple[list[Path], list[MilepostError]]:
    files: dict[Path, Path] = {}
    errors: list[MilepostError] = []
    for path in paths:
        try:
            for file in discover(path):
                files.setdefault(file.resolve(), file)
        except MilepostError as exc:
            errors.append(exc)
    return list(files.values()), errors


_ErrorTuple = tuple[type[MilepostError], str, str | None, int | None, str]


def _check_chunk(
    files: list[Path],
    today: date,
    config: Config,
    rules: list[Rule],
    file_rules: bool,
) -> list[tuple[str, list[Diagnostic], Roadmap | None, _ErrorTuple | None]]:
    """A worker's share: load each file, run its own rules, keep what cross-track rules need."""
    from milepost.checking import check_file_rules, skeleton

    out: list[tuple[str, list[Diagnostic], Roadmap | None, _ErrorTuple | None]] = []
    with gc_paused():
        for file in files:
            try:
                roadmap = load(file, config=config)
            except MilepostError as exc:
                out.append(
                    (str(file), [], None, (type(exc), exc.message, exc.path, exc.line, exc.hint))
                )
                continue
            found = (
                check_file_rules(
                    roadmap,
                    rules,
                    today=today,
                    config=config,
                    missing_links=_missing_links(roadmap),
                )
                if file_rules
                else []
            )
            out.append((str(file), found, skeleton(roadmap), None))
    return out


def _check_parallel(
    files: list[Path],
    errors: list[MilepostError],
    paths: list[str | os.PathLike[str]],
    today: date,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> CheckResult:
    """Each file's own rules on every core; the cross-track rules once, on what they read."""
    from concurrent.futures import ProcessPoolExecutor

    from milepost.checking import FileReport, check_references, choose_rules

    config = find_config(paths[0] if paths else ".")
    rules = choose_rules(config, select, ignore)
    others = _other_files(files, config, select, ignore)
    workers = os.cpu_count() or 1
    size = max(1, (len(files) + len(others)) // (workers * 4))
    jobs = [(files[i : i + size], True) for i in range(0, len(files), size)]
    jobs += [(others[i : i + size], False) for i in range(0, len(others), size)]
    results: list[tuple[str, list[Diagnostic], Roadmap | None, _ErrorTuple | None]] = []
    with ProcessPoolExecutor(workers) as pool:
        futures = [
            pool.submit(_check_chunk, chunk, today, config, rules, own) for chunk, own in jobs
        ]
        for future in futures:
            results.extend(future.result())
    checked = {str(f) for f in files}
    own = [r for path, _, r, _ in results if r is not None and path in checked]
    context = [r for path, _, r, _ in results if r is not None and path not in checked]
    by_path = check_references(own, context, rules, today=today, config=config)
    reports = []
    for path, found, roadmap, error in results:
        if error is not None:
            cls, message, epath, line, hint = error
            errors.append(cls(message, path=epath, line=line, hint=hint))
            continue
        if path not in checked or roadmap is None:
            continue
        merged = sorted([*found, *by_path.get(path, [])], key=lambda d: (d.line, d.col, d.code))
        reports.append(FileReport(roadmap, merged))
    return CheckResult(reports, errors)


def _check(
    paths: list[str | os.PathLike[str]],
    today: date,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    write: bool,
) -> CheckResult:
    from milepost.checking import check_roadmaps

    loaded = load_many(paths)
    config = find_config(paths[0] if paths else ".")
    reports = check_roadmaps(
        loaded.roadmaps,
        today=today,
        config=config,
        select=select,
        ignore=ignore,
        fix=fix or write,
        unsafe_fixes=unsafe_fixes,
        missing_links={r.path: _missing_links(r) for r in loaded.roadmaps if r.path},
        others=_rest_of_portfolio(loaded.roadmaps, config, select, ignore),
    )
    if write:
        for report in reports:
            if report.fixed is not None and report.roadmap.path is not None:
                original = report.roadmap.document.source
                fs.write_atomic(
                    report.roadmap.path,
                    encode(report.fixed.document.source),
                    expected=original.digest,
                )
    return CheckResult(reports, loaded.errors)


def check_loaded(roadmaps: list[Roadmap], *, today: date, config: Config) -> CheckResult:
    """``check`` on roadmaps already loaded (a docs build that shows them has them), as one
    portfolio under ``config``; the config's other roadmaps resolve cross-track references."""
    from milepost.checking import check_roadmaps

    with gc_paused():
        reports = check_roadmaps(
            roadmaps,
            today=today,
            config=config,
            missing_links={r.path: _missing_links(r) for r in roadmaps if r.path},
            others=_rest_of_portfolio(roadmaps, config, (), ()),
        )
    return CheckResult(reports, [])


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

        tracks = [(p, load(p, config=config).track) for p in discover(config.root, config)]
        index = TrackIndex.build(
            (name, [p.parent.name if p.stem == "roadmap" else p.stem]) for p, name in tracks
        )
        wanted = index.resolve(str(track))
        if wanted is not None:
            for p, name in tracks:
                if index.resolve(name) == wanted:
                    return _relative(p)
    raise UsageError(
        f"no roadmap or track named {str(track)!r}",
        hint="give a path, or a track's slug or name from milepost.toml",
    )


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
        return ops.review(
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
        return records.risk(
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


def portfolio(paths: list[str | os.PathLike[str]], *, today: date) -> tuple[Portfolio, LoadResult]:
    """The portfolio the paths name (default folders use the config), rolled up as of today."""
    from milepost.portfolio.model import build_portfolio

    loaded = load_many(paths)
    config = find_config(paths[0] if paths else ".")
    return build_portfolio(loaded.roadmaps, today=today, config=config), loaded


def site(
    paths: list[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    today: date,
    progress: Any = None,
    memo: dict[str, Any] | None = None,
    history: Any = None,
) -> SiteResult:
    """Build the static site into ``output``. Only the tracks whose roadmap changed since the
    last build into that folder are parsed and rendered again (see :mod:`milepost.sitebuild`);
    files are written only when their bytes differ, each atomically. ``memo`` keeps what was
    rendered in memory for the next build of the same process; ``history`` (per-track and
    overall :class:`~milepost.history.stats.Stats`) fills the History page."""
    from milepost import __version__
    from milepost.sitebuild import build_site

    with gc_paused():  # thousands of roadmaps stay alive while the pages are rendered
        files: dict[Path, tuple[Path, Config]] = {}
        errors: list[MilepostError] = []
        for path in paths:
            try:
                config = find_config(path)
                for file in discover(path, config):
                    files.setdefault(file.resolve(), (file, config))
            except MilepostError as exc:
                errors.append(exc)
        config = find_config(paths[0] if paths else ".")
        result = build_site(
            list(files.values()),
            output,
            project=config.project if config.path else "Project",
            today=today,
            # the code's stamp too: an edited milepost (in development) renders afresh
            version=f"{__version__}+{fs.code_stamp()}",
            progress=progress,
            memo=memo,
            history=history,
        )
    result.errors[:0] = errors
    return result
