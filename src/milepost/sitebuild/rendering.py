"""The tracks that changed, parsed and rendered: their pages, their parts of the pages across
tracks and what they offer to the tracks that depend on them; in worker processes when there
are many. The templates' compiled code is kept in the user's cache between runs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from milepost import fs
from milepost.config import Config
from milepost.errors import MilepostError
from milepost.extract import read_roadmap
from milepost.portfolio.conflicts import Offer, offers
from milepost.portfolio.rollup import rollup
from milepost.render.site import macros, track_page, use_bytecode_cache
from milepost.render.site.parts import TrackParts, track_parts
from milepost.sitebuild.plan import TrackFile
from milepost.source import decode

__all__ = ["PARALLEL_FROM", "render", "use_template_cache"]

#: Tracks to render before it pays to render them on every core.
PARALLEL_FROM = 48


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
def use_template_cache() -> None:
    """Compiled templates in the user's cache: compiling them is a tenth of a rebuild."""
    folder = fs.user_cache("templates")
    if folder is not None:
        use_bytecode_cache(_TemplateCache(str(folder)))


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A roadmap parsed and rendered in a worker: its page, its parts (and the digests of
    its shares of the pages across tracks), what it offers."""

    page: bytes
    parts: TrackParts
    shares: tuple[str, ...]
    offers: tuple[Offer, ...]
    checked: dict[str, bool]  # every file a link named → whether it is copied


@dataclass(frozen=True, slots=True)
class _Failed:
    """A roadmap that could not be read, as an error that crosses processes."""

    kind: type[MilepostError]
    message: str
    path: str | None
    line: int | None
    hint: str
    col: int | None = None

    def error(self) -> MilepostError:
        return self.kind(self.message, path=self.path, line=self.line, hint=self.hint, col=self.col)


def _render_one(
    path: Path,
    data: bytes,
    config: Config,
    shown: str,
    project: str,
    today: date,
    pages_of: Mapping[str, str] | None = None,
    label: str | None = None,
) -> _Rendered | _Failed:
    """Parse one roadmap and render its page (which names it by ``shown``, its path from the
    portfolio's root) and parts (in a worker process, or not), the track called ``label``
    where that is not its name (beside a namesake)."""
    try:
        source = decode(data, path=str(path))
    except MilepostError as exc:
        return _Failed(type(exc), exc.message, exc.path, exc.line, exc.hint, exc.col)
    roadmap = read_roadmap(source, path=str(path), statuses=config.statuses)
    track = rollup(roadmap, today, config, label=label, cwd=fs.cwd())
    page = track_page(track, project=project, today=today, shown=shown, pages_of=pages_of)
    parts = track_parts(track, today=today, macros=macros())
    return _Rendered(page.html, parts, parts.shares(), offers(roadmap), page.checked)


def _render_chunk(
    jobs: list[tuple[Path, bytes, Config, str, str | None]],
    project: str,
    today: date,
    pages_of: Mapping[str, str] | None = None,
) -> list[_Rendered | _Failed]:
    from milepost.collector import gc_paused

    with gc_paused():
        return [
            _render_one(path, data, config, shown, project, today, pages_of, label)
            for path, data, config, shown, label in jobs
        ]


def _results(
    todo: list[TrackFile],
    project: str,
    today: date,
    pages_of: Mapping[str, str] | None,
    labels: Mapping[Path, str],
) -> Iterator[_Rendered | _Failed]:
    workers = os.cpu_count() or 1
    if len(todo) < PARALLEL_FROM or workers < 2:
        for t in todo:
            yield _render_one(
                t.path, t.data, t.config, t.shown, project, today, pages_of, labels.get(t.path)
            )
        return
    size = max(1, len(todo) // (workers * 4))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    from concurrent.futures import ProcessPoolExecutor  # only a build of many tracks needs it

    with ProcessPoolExecutor(workers) as pool:
        futures = [
            pool.submit(
                _render_chunk,
                [(t.path, t.data, t.config, t.shown, labels.get(t.path)) for t in c],
                project,
                today,
                pages_of,
            )
            for c in chunks
        ]
        for future in futures:
            yield from future.result()


def render(
    todo: list[TrackFile],
    *,
    project: str,
    today: date,
    progress: Callable[[str], None] | None,
    pages_of: Mapping[str, str] | None = None,
    labels: Mapping[Path, str] | None = None,
) -> list[MilepostError]:
    """Parse and render each track of ``todo``, filling in its page, parts and offers; the
    errors of the roadmaps that could not be read. ``labels``: what to call the tracks
    (by path) whose namesakes make it not their names."""
    errors: list[MilepostError] = []
    results = _results(todo, project, today, pages_of, labels or {})
    for track, result in zip(todo, results, strict=True):
        if isinstance(result, _Failed):
            errors.append(result.error())
            continue
        track.page, track.parts, track.offers = result.page, result.parts, result.offers
        track.page_digest, track.shares = fs.sha256(result.page), result.shares
        track.checked = result.checked
        if progress is not None:
            progress(track.parts.track)
    return errors
