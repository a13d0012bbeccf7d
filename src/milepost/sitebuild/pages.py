"""The page writers: the pages across tracks joined from every track's parts, and every page
written only where its bytes differ from the file's, with the manifest of what was written.

``.milepost-site.json`` lists the files written (with their digests, so an unchanged page is
not read back), the conflicts in time already judged, and for each page across tracks the
digest of all it shows (every track's share of it, see ``TrackParts.shares``): a page is joined
again only when that digest changed or its file is gone, so an edit that only the track's own
page shows rewrites that page and the manifest, nothing else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milepost import fs
from milepost.errors import MilepostError
from milepost.portfolio.model import Conflict
from milepost.render.site import assemble
from milepost.render.site.parts import SHARED_PAGES
from milepost.sitebuild.graph import conflicts, edges
from milepost.sitebuild.linked import copy_linked
from milepost.sitebuild.plan import TrackFile, digest

if TYPE_CHECKING:
    from milepost.history.stats import Stats

__all__ = ["GRAPH", "MANIFEST", "SiteResult", "pages", "read_manifest", "write"]

MANIFEST = ".milepost-site.json"
GRAPH = "graph.html"
#: The static files (CSS, scripts), all named with this prefix.
STATIC = "static/"
#: The files a build may delete again: pages of tracks that are gone, nothing else.
_GENERATED = re.compile(r"tracks/[^/\\]+\.html")


@dataclass(slots=True)
class SiteResult:
    """What a build wrote: files written, files unchanged, track pages not rendered again."""

    folder: Path
    written: int
    unchanged: int
    reused: int
    errors: list[MilepostError] = field(default_factory=list)
    #: Every file a track page links to (resolved; copied into the site or not, there or
    #: not): what ``milepost serve`` watches besides the roadmaps.
    linked: frozenset[str] = frozenset()


def read_manifest(folder: Path, version: str) -> dict[str, Any]:
    """The manifest of the last build into ``folder`` by this ``version``, else empty."""
    try:
        data = json.loads(fs.read(folder / MANIFEST, any_size=True).data)
    except (MilepostError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("milepost") == version else {}


def pages(
    found: list[TrackFile],
    manifest: dict[str, Any],
    folder: Path,
    *,
    project: str,
    today: date,
    history: tuple[Sequence[Stats], Stats] | None,
) -> dict[str, bytes]:
    """The pages across tracks (and the static files) whose inputs changed since the last
    build or whose files are gone; the others are left out (and kept as they are). The
    conflicts judged for them and the digests of the pages' inputs are kept in the manifest
    (under ``conflicts`` and ``inputs``)."""
    between, by_name = edges(found)
    late, judged = conflicts(between, by_name, manifest.get("conflicts", {}))
    manifest["conflicts"] = judged
    ordered = sorted(found, key=lambda t: t.parts.track if t.parts else "")
    parts = [t.parts for t in ordered if t.parts is not None]
    common = (project, today.isoformat())
    inputs = _inputs([t.shares for t in ordered if t.shares is not None], common, late, history)
    inputs[STATIC] = ""  # the same for every build by this version
    before, files = manifest.get("inputs", {}), manifest.get("files", {})
    same = {
        page
        for page, digest in inputs.items()
        if before.get(page) == digest and _on_disk(folder, files, page)
    }
    manifest["inputs"] = inputs
    return assemble(
        parts,
        project=project,
        today=today,
        edges=between,
        conflicts=late,
        history=history,
        leave_out=same,
    )


def _inputs(
    shares: list[tuple[str, ...]],
    common: tuple[str, str],
    late: list[Conflict],
    history: tuple[Sequence[Stats], Stats] | None,
) -> dict[str, str]:
    """The digest of all that each page across tracks shows: every track's share of it (in
    the pages' order), the project and the day, and the conflicts in time (index, graph) or
    git's statistics (history) it also shows. Equal digests, equal pages."""
    shown = sorted((c.edge.source, c.edge.target, c.edge.what, c.problem) for c in late)
    extra = {"index.html": repr(late), "history.html": repr(history), GRAPH: repr(shown)}
    return {
        page: digest(page, *common, extra.get(page, ""), *(s[n] for s in shares))
        for n, page in enumerate(SHARED_PAGES)
    }


def _on_disk(folder: Path, files: dict[str, str], page: str) -> bool:
    """Whether the last build wrote ``page`` (each static file, for :data:`STATIC`) and it
    is still there."""
    if page != STATIC:
        return page in files and (folder / page).is_file()
    static = [name for name in files if name.startswith(STATIC)]
    return bool(static) and all((folder / name).is_file() for name in static)


def write(
    folder: Path,
    found: list[TrackFile],
    manifest: dict[str, Any],
    joined: dict[str, bytes],
    *,
    version: str,
    errors: list[MilepostError],
) -> SiteResult:
    """Write the track pages rendered now and the ``joined`` pages whose bytes differ from
    the files', and the manifest; delete the pages of tracks that are gone."""
    # The copies first: a page written never links to a copy not there yet.
    copies = copy_linked(folder, found, manifest.get("linked"), errors)
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
            joined[relative] = track.page
    for relative, data in sorted(joined.items()):
        sha = after[relative] = after.get(relative) or fs.sha256(data)
        target = folder / relative
        if (before.get(relative) == sha and target.is_file()) or _holds(target, data):
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fs.replace(target, data, durable=False)  # made again if lost: the manifest says so
        written += 1
    for relative, sha in before.items():  # pages left out: unchanged, not rendered again
        if relative not in after and not relative.startswith("tracks/"):
            after[relative] = sha
            unchanged += 1
    for relative in sorted(set(before) - set(after)):  # pages of tracks now gone
        if _GENERATED.fullmatch(relative):
            fs.remove(folder / relative)
    new_manifest = {
        "milepost": version,
        "files": after,
        "conflicts": manifest["conflicts"],
        "inputs": manifest["inputs"],
        "linked": copies,
        "checked": {t.key: t.kept_links() for t in found if t.checked},
    }
    # Compact: with an indent, json encodes in Python, a tenth of a rebuild at 1,000 tracks.
    data = json.dumps(new_manifest, sort_keys=True, separators=(",", ":")).encode("utf-8")
    target = folder / MANIFEST
    if _holds(target, data):
        unchanged += 1
    else:
        fs.replace(target, data)
        written += 1
    linked = frozenset(file for t in found if t.checked for file in t.checked)
    return SiteResult(folder, written, unchanged, reused, errors, linked)


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data`` (read only when the sizes agree)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return fs.read(path, any_size=True).data == data
    except (OSError, MilepostError):
        return False
