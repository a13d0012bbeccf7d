"""Building the site incrementally: a track is parsed and rendered again only when its bytes
(or milepost, its config, or ``today``) changed since the last build into the same folder.

What a build keeps for the next one lives beside the site and is safe to delete (the next
build is then a clean one): ``.milepost-cache/parts-<x>.pickle`` hold each track's parts of
the pages across tracks, the digest of its page and what it offers to the tracks that depend
on it, keyed by the digest of the roadmap's bytes, its path, its config, ``today`` and
milepost's version (with a stamp of its code), in 16 files by the key's first hex digit: few
files to read, and a change to one track rewrites a sixteenth of the cache, not all of it.
They are plain data (strings, numbers, tuples), read back without running anything they name;
one that cannot be read is ignored.
``.milepost-site.json`` lists the files written (with their digests, so an unchanged page is
not read back) and the conflicts in time already judged. A page is written only when its bytes
differ from the file's. An incremental build writes the same bytes as a clean one (tests hold
it to that).

With :mod:`milepost.api` and the CLI, one of the modules that touch files (through ``fs``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from milepost import fs
from milepost.config import Config
from milepost.errors import MilepostError
from milepost.extract import read_roadmap
from milepost.portfolio.conflicts import Offer, conflict_for, offers
from milepost.portfolio.model import (
    Conflict,
    Edge,
    dependency_cycles,
    resolve,
    rollup,
    track_index,
)
from milepost.render.site import assemble, macros, track_page, use_bytecode_cache
from milepost.render.site.parts import TrackParts, track_parts
from milepost.source import decode
from milepost.vocabulary.status import Status

if TYPE_CHECKING:
    from milepost.history.stats import Stats

__all__ = ["CACHE", "MANIFEST", "SiteResult", "build_site"]

CACHE = ".milepost-cache"
#: The cache files: the tracks whose key starts with the digit are in ``parts-<digit>.pickle``.
_SHARDS = "0123456789abcdef"
MANIFEST = ".milepost-site.json"
GRAPH = "graph.html"
#: Tracks to render before it pays to render them on every core.
PARALLEL_FROM = 48
#: The files a build may delete again: pages of tracks that are gone, nothing else.
_GENERATED = re.compile(r"tracks/[^/\\]+\.html")
#: A cache entry of milepost before 0.6: one JSON file per track (removed when met).
_OLD_ENTRY = re.compile(r"[0-9a-f]{64}\.json")


@dataclass(slots=True)
class SiteResult:
    """What a build wrote: files written, files unchanged, track pages not rendered again."""

    folder: Path
    written: int
    unchanged: int
    reused: int
    errors: list[MilepostError] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Kept:
    """What a build keeps of a track for the next: its parts, its page's digest, and what it
    offers (pickled plain data, unpickled only when a conflict in time must be judged)."""

    parts: TrackParts
    page_digest: str
    offers: bytes


@dataclass(slots=True)
class _Track:
    """One roadmap file of the build, and what is known of it so far."""

    path: Path
    config: Config
    data: bytes
    key: str
    parts: TrackParts | None = None
    page: bytes | None = None  # rendered in this build
    page_digest: str | None = None
    offers: tuple[Offer, ...] | None = None
    kept: _Kept | None = None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def build_site(
    files: list[tuple[Path, Config]],
    output: str | os.PathLike[str],
    *,
    project: str,
    today: date,
    version: str,
    progress: Callable[[str], None] | None = None,
    memo: dict[str, Any] | None = None,
    history: tuple[Sequence[Stats], Stats] | None = None,
) -> SiteResult:
    """Build the site of the roadmap ``files`` (each with the config that governs it) into
    ``output``, rendering only the tracks that changed since a build by milepost ``version``;
    ``memo`` keeps what the cache holds in memory between builds of one process (``milepost
    serve``)."""
    _use_template_cache()
    folder = Path(output)
    manifest = _read_manifest(folder, version)
    fresh = not manifest  # a first build by this version: older caches may lie around
    kept = _read_kept(folder, version, memo)
    errors: list[MilepostError] = []
    tracks: list[_Track] = []
    for path, config in files:
        try:
            data = fs.read(path).data
        except MilepostError as exc:
            errors.append(exc)
            continue
        context = _digest(version, today.isoformat(), repr(config), project, str(path))
        tracks.append(_Track(path, config, data, _digest(context, fs.sha256(data))))
    pages_before: dict[str, str] = manifest.get("files", {})
    on_disk = _track_pages(folder)
    todo = []
    for track in tracks:
        if not _reuse(track, on_disk, pages_before, kept):
            todo.append(track)
        elif progress is not None:
            progress(track.parts.track if track.parts else str(track.path))
    errors += _render(todo, project=project, today=today, progress=progress)
    good = [t for t in tracks if t.parts is not None]
    pages = _pages(good, manifest, folder, project=project, today=today, history=history)
    result = _write(folder, good, manifest, pages, version=version, errors=errors)
    _keep(folder, good, kept, version=version, memo=memo, fresh=fresh)
    return result


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates (keyed by each template's source, so an edited
    template compiles afresh), where a disk that says no means no cache, not a failed build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@lru_cache(maxsize=1)
def _use_template_cache() -> None:
    """Compiled templates in the user's cache: compiling them is a tenth of a rebuild."""
    folder = fs.user_cache("templates")
    if folder is not None:
        use_bytecode_cache(_TemplateCache(str(folder)))


def _read_manifest(folder: Path, version: str) -> dict[str, Any]:
    try:
        data = json.loads(fs.read(folder / MANIFEST).data)
    except (MilepostError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("milepost") == version else {}


class _PlainUnpickler(pickle.Unpickler):
    """Reads plain data only: a pickle naming any class or function (which loading would
    import and may call) is refused, so a planted cache file runs nothing."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}: the cache holds plain data only")


def _read_kept(folder: Path, version: str, memo: dict[str, Any] | None) -> dict[str, _Kept]:
    """What the last build by this ``version`` kept of each track, by key: from ``memo`` when
    given and filled, else from the cache files; nothing of a file missing or damaged."""
    if memo:
        return dict(memo)
    kept: dict[str, _Kept] = {}
    for shard in _SHARDS:
        kept.update(_read_shard(folder, shard, version))
    return kept


def _shard(folder: Path, digit: str) -> Path:
    return folder / CACHE / f"parts-{digit}.pickle"


def _read_shard(folder: Path, digit: str, version: str) -> dict[str, _Kept]:
    try:
        data = _PlainUnpickler(io.BytesIO(fs.read(_shard(folder, digit)).data)).load()
        if not isinstance(data, dict) or data.get("milepost") != version:
            return {}
        return {
            key: _Kept(TrackParts.from_plain(parts), page_digest, offered)
            for key, (parts, page_digest, offered) in data["tracks"].items()
            if isinstance(key, str) and key[:1] == digit
        }
    except MilepostError:  # not there
        return {}
    except Exception:  # a damaged file keeps nothing, whatever unpickling it raised
        return {}


def _track_pages(folder: Path) -> frozenset[str]:
    """The track pages on disk, as ``tracks/<slug>.html``: one listing, not a look per track."""
    try:
        with os.scandir(folder / "tracks") as entries:
            return frozenset(f"tracks/{e.name}" for e in entries if e.is_file())
    except OSError:
        return frozenset()


def _reuse(
    track: _Track, on_disk: frozenset[str], pages: Mapping[str, str], kept: Mapping[str, _Kept]
) -> bool:
    """Whether the track's parts are kept and its page is on disk as they were rendered."""
    entry = kept.get(track.key)
    if entry is None:
        return False
    relative = f"tracks/{entry.parts.slug}.html"
    if pages.get(relative) != entry.page_digest or relative not in on_disk:
        return False
    track.parts, track.page_digest, track.kept = entry.parts, entry.page_digest, entry
    return True


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A roadmap parsed and rendered in a worker: its page, its parts, what it offers."""

    page: bytes
    parts: TrackParts
    offers: tuple[Offer, ...]


@dataclass(frozen=True, slots=True)
class _Failed:
    """A roadmap that could not be read, as an error that crosses processes."""

    kind: type[MilepostError]
    message: str
    path: str | None
    line: int | None
    hint: str

    def error(self) -> MilepostError:
        return self.kind(self.message, path=self.path, line=self.line, hint=self.hint)


def _render_one(
    path: Path, data: bytes, config: Config, project: str, today: date
) -> _Rendered | _Failed:
    """Parse one roadmap and render its page and parts (in a worker process, or not)."""
    try:
        source = decode(data, path=str(path))
    except MilepostError as exc:
        return _Failed(type(exc), exc.message, exc.path, exc.line, exc.hint)
    roadmap = read_roadmap(source, path=str(path), statuses=config.statuses)
    track = rollup(roadmap, today, config)
    page = track_page(track, project=project, today=today)
    return _Rendered(page, track_parts(track, today=today, macros=macros()), offers(roadmap))


def _render_chunk(
    jobs: list[tuple[Path, bytes, Config]], project: str, today: date
) -> list[_Rendered | _Failed]:
    from milepost.document import gc_paused

    with gc_paused():
        return [_render_one(path, data, config, project, today) for path, data, config in jobs]


def _results(todo: list[_Track], project: str, today: date) -> Iterator[_Rendered | _Failed]:
    workers = os.cpu_count() or 1
    if len(todo) < PARALLEL_FROM or workers < 2:
        for t in todo:
            yield _render_one(t.path, t.data, t.config, project, today)
        return
    size = max(1, len(todo) // (workers * 4))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    from concurrent.futures import ProcessPoolExecutor  # only a build of many tracks needs it

    with ProcessPoolExecutor(workers) as pool:
        futures = [
            pool.submit(_render_chunk, [(t.path, t.data, t.config) for t in c], project, today)
            for c in chunks
        ]
        for future in futures:
            yield from future.result()


def _render(
    todo: list[_Track], *, project: str, today: date, progress: Callable[[str], None] | None
) -> list[MilepostError]:
    errors: list[MilepostError] = []
    for track, result in zip(todo, _results(todo, project, today), strict=True):
        if isinstance(result, _Failed):
            errors.append(result.error())
            continue
        track.page, track.parts, track.offers = result.page, result.parts, result.offers
        track.page_digest = fs.sha256(result.page)
        if progress is not None:
            progress(track.parts.track)
    return errors


def _edges(found: list[_Track]) -> tuple[list[Edge], dict[str, _Track]]:
    """Every edge between the tracks, and the track each name resolves to."""
    parts = [(t, t.parts) for t in found if t.parts is not None]
    index = track_index((p.track, p.slug) for _, p in parts)
    edges: list[Edge] = []
    by_name: dict[str, _Track] = {}
    for track, p in parts:
        me = index.resolve(p.track) or p.track
        by_name[me] = track
        edges += resolve(me, p.mentions, index)[0]
    return edges, by_name


def _conflicts(
    edges: list[Edge], by_name: dict[str, _Track], known: Mapping[str, Any]
) -> tuple[list[Conflict], dict[str, Any]]:
    """Conflicts in time: judged again only where the edge or its provider changed."""
    asked: list[tuple[Edge, str, _Track]] = []
    for edge in edges:
        provider = by_name.get(edge.target)
        if provider is not None and edge.kind == "dependency" and edge.when is not None:
            asked.append((edge, _digest(edge.what, edge.when, edge.target, provider.key), provider))
    todo: dict[str, tuple[Edge, _Track]] = {}
    for edge, key, provider in asked:
        if key not in known:
            todo.setdefault(key, (edge, provider))
    judged = {**{key: known[key] for _, key, _ in asked if key in known}, **_judge(todo)}
    conflicts: list[Conflict] = []
    for edge, key, provider in asked:
        if judged[key] is not None:
            problem, matched, line = judged[key]
            conflicts.append(Conflict(edge, problem, matched, line, str(provider.path)))
    return conflicts, judged


def _judge(todo: dict[str, tuple[Edge, _Track]]) -> dict[str, Any]:
    """Each edge's verdict: None, or the problem, the match shown and its line."""
    verdicts: dict[str, Any] = {}
    for key, (edge, provider) in todo.items():
        if provider.offers is None:
            provider.offers = _offers(provider)
        found = conflict_for(edge, provider.offers, str(provider.path))
        verdicts[key] = (
            None if found is None else [found.problem, found.matched, found.matched_line]
        )
    return verdicts


def _offers(track: _Track) -> tuple[Offer, ...]:
    """What a track whose parts were kept offers: from the cache, else its roadmap is parsed
    again for that."""
    if track.kept is not None:
        try:
            return tuple(_offer(*o) for o in _PlainUnpickler(io.BytesIO(track.kept.offers)).load())
        except Exception:  # a damaged entry: the roadmap says it again
            pass
    source = decode(track.data, path=str(track.path))
    return offers(read_roadmap(source, path=str(track.path), statuses=track.config.statuses))


def _offer(title: str, status: str | None, label: str | None, day: int | None, line: int) -> Offer:
    return Offer(
        title,
        None if status is None else Status(status),
        label,
        None if day is None else date.fromordinal(day),
        line,
    )


def _plain_offers(found: tuple[Offer, ...]) -> bytes:
    """What a track offers as pickled plain data, for :func:`_offer`."""
    return pickle.dumps(
        [
            (
                o.title,
                None if o.status is None else o.status.value,
                o.label,
                None if o.start is None else o.start.toordinal(),
                o.line,
            )
            for o in found
        ],
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def _pages(
    found: list[_Track],
    manifest: dict[str, Any],
    folder: Path,
    *,
    project: str,
    today: date,
    history: tuple[Sequence[Stats], Stats] | None,
) -> dict[str, bytes]:
    """The pages across tracks (and the static files), and the conflicts judged for them,
    kept in the manifest under ``conflicts``. The dependency graph's page is left out (and
    kept as it is) when nothing it shows has changed: edges, cycles, health, names, conflicts."""
    edges, by_name = _edges(found)
    conflicts, judged = _conflicts(edges, by_name, manifest.get("conflicts", {}))
    manifest["conflicts"] = judged
    ordered = sorted(found, key=lambda t: t.parts.track if t.parts else "")
    parts = [t.parts for t in ordered if t.parts is not None]
    cycles = dependency_cycles(edges)
    graph = _digest(
        project,
        today.isoformat(),
        repr(edges),
        repr(sorted(cycles.items())),
        repr([(p.track, p.slug, p.health) for p in parts]),
        repr(sorted((c.edge.source, c.edge.target, c.edge.what, c.problem) for c in conflicts)),
    )
    keep = manifest.get("graph") == graph and (folder / GRAPH).is_file()
    manifest["graph"] = graph
    return assemble(
        parts,
        project=project,
        today=today,
        edges=edges,
        cycles=cycles,
        conflicts=conflicts,
        history=history,
        graph=not keep,
    )


def _write(
    folder: Path,
    found: list[_Track],
    manifest: dict[str, Any],
    pages: dict[str, bytes],
    *,
    version: str,
    errors: list[MilepostError],
) -> SiteResult:
    """Write the pages whose bytes differ from the files' and the manifest; delete the
    pages of tracks that are gone."""
    before: dict[str, str] = manifest.get("files", {})
    after: dict[str, str] = {}
    written = unchanged = reused = 0
    for track in found:
        assert track.parts is not None and track.page_digest is not None
        relative = f"tracks/{track.parts.slug}.html"
        after[relative] = track.page_digest
        if track.page is None:
            reused += 1
        else:
            pages[relative] = track.page
    for relative, data in sorted(pages.items()):
        digest = after[relative] = after.get(relative) or fs.sha256(data)
        target = folder / relative
        if (before.get(relative) == digest and target.is_file()) or _holds(target, data):
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fs.replace(target, data, durable=False)  # made again if lost: the manifest says so
        written += 1
    if GRAPH not in pages and GRAPH in before:  # unchanged, so not rendered again
        after[GRAPH] = before[GRAPH]
        unchanged += 1
    for relative in sorted(set(before) - set(after)):  # pages of tracks now gone
        if _GENERATED.fullmatch(relative):
            fs.remove(folder / relative)
    new_manifest = {
        "milepost": version,
        "files": after,
        "conflicts": manifest["conflicts"],
        "graph": manifest["graph"],
    }
    # Compact: with an indent, json encodes in Python, a tenth of a rebuild at 1,000 tracks.
    data = json.dumps(new_manifest, sort_keys=True, separators=(",", ":")).encode("utf-8")
    target = folder / MANIFEST
    if _holds(target, data):
        unchanged += 1
    else:
        fs.replace(target, data)
        written += 1
    return SiteResult(folder, written, unchanged, reused, errors)


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data`` (read only when the sizes agree)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return fs.read(path).data == data
    except (OSError, MilepostError):
        return False


def _keep(
    folder: Path,
    found: list[_Track],
    kept: dict[str, _Kept],
    *,
    version: str,
    memo: dict[str, Any] | None,
    fresh: bool,
) -> None:
    """Keep each track's parts, page digest and offers for the next build, rewriting only
    the cache files that gain or lose a track; ``fresh`` (no manifest of this version) also
    removes the cache entries of older milepost versions."""
    now: dict[str, _Kept] = {}
    for track in found:
        if track.kept is not None:
            now[track.key] = track.kept
        else:
            assert track.parts is not None and track.page_digest is not None
            assert track.offers is not None
            now[track.key] = _Kept(track.parts, track.page_digest, _plain_offers(track.offers))
    if memo is not None:
        memo.clear()
        memo.update(now)
    if fresh:
        _remove_old_entries(folder / CACHE)
    shards: dict[str, dict[str, _Kept]] = {digit: {} for digit in _SHARDS}
    for key, entry in now.items():
        shards[key[0]][key] = entry
    before: dict[str, set[str]] = {digit: set() for digit in _SHARDS}
    for key in kept:
        before[key[0]].add(key)
    for digit, mine in shards.items():
        path = _shard(folder, digit)
        if mine.keys() == before[digit] and (not mine or path.is_file()):
            continue  # the same tracks, so the same entries: the file already says so
        if not mine:
            fs.remove(path)
            continue
        data = {
            "milepost": version,
            "tracks": {
                key: (entry.parts.to_plain(), entry.page_digest, entry.offers)
                for key, entry in mine.items()
            },
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fs.replace(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), durable=False)


def _remove_old_entries(cache: Path) -> None:
    try:
        names = [entry.name for entry in os.scandir(cache)]
    except OSError:
        return
    for name in names:
        if _OLD_ENTRY.fullmatch(name):
            fs.remove(cache / name)
