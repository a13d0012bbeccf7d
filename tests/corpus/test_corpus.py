"""Every real roadmap of the shared corpus round-trips byte for byte and extracts sensibly.

The extracted structure of each file is pinned in ``tests/data/corpus/<file>.json``: counts of
items per status, sections found, the kinds recognised, periods read. Each golden was read
and checked by hand against its file; regenerate with ``MILEPOST_UPDATE_GOLDENS=1`` only to
review the diff. The status counts are also held to the human labels of ``labels.tsv``.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import milepost
from milepost.source import decode, encode
from tests.conftest import CORPUS, TEMPLATES, corpus_files, require_shared

GOLDENS = Path(__file__).resolve().parent.parent / "data" / "corpus"
STATUSES = ("done", "in_progress", "planned", "future", "blocked", "dropped")
# Without ../shared, one placeholder keeps each test visible as skipped, with the reason.
FILES = corpus_files() or [CORPUS / "shared-corpus-missing.md"]


def summary(roadmap: milepost.Roadmap) -> dict[str, Any]:
    """What a careful reader would check: counts, sections, kinds, periods, header facts."""
    counts = Counter(i.status.value for i in roadmap.items if i.status is not None)
    implied = Counter(
        i.status.value for i in roadmap.items if i.status is not None and i.status_from == "heading"
    )
    sections = [s for top in roadmap.sections for s in top.walk()]
    periods = sorted({i.period.label for i in roadmap.items if i.period})
    return {
        "title": roadmap.title,
        "track": roadmap.track,
        "sections": len(sections),
        "known_sections": sorted({s.kind.value for s in sections if s.kind.value != "other"}),
        "statuses": {s: counts[s] for s in STATUSES if counts[s]},
        "heading_implied": {s: implied[s] for s in STATUSES if implied[s]},
        "items": len(roadmap.items),
        "periods": periods[:40],
        "last_updated": roadmap.meta.last_updated.isoformat()
        if roadmap.meta.last_updated
        else None,
        "next_review": roadmap.meta.next_review.isoformat() if roadmap.meta.next_review else None,
        "parts": {
            "focus_periods": len(roadmap.focus.periods) if roadmap.focus else 0,
            "goals": sum(len(g.goals) for g in roadmap.goals),
            "initiatives": len(roadmap.initiatives),
            "milestones": sum(len(m.items) for m in roadmap.milestones),
            "dependencies": len(roadmap.dependencies),
            "risks": len(roadmap.risks),
            "synergies": len(roadmap.synergies),
            "requests": len(roadmap.requests),
            "metrics": len(roadmap.metrics),
        },
    }


@pytest.fixture(scope="module")
def labels() -> dict[str, dict[str, str]]:
    require_shared()
    with (CORPUS / "labels.tsv").open(encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def test_corpus_is_present() -> None:
    require_shared()
    assert len(FILES) >= 40


@pytest.mark.parametrize("path", FILES + sorted(TEMPLATES.glob("*.md")), ids=lambda p: p.name)
def test_round_trip_is_byte_identical(path: Path) -> None:
    require_shared()
    data = path.read_bytes()
    source = decode(data, path=str(path))
    assert encode(source) == data
    roadmap = milepost.load(path)
    assert roadmap.to_markdown() == source.text
    assert encode(roadmap.document.source) == data


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_extraction_matches_golden(path: Path) -> None:
    require_shared()
    got = summary(milepost.load(path))
    golden = GOLDENS / (path.stem + ".json")
    if os.environ.get("MILEPOST_UPDATE_GOLDENS") == "1":
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.is_file(), f"no golden for {path.name}: run with MILEPOST_UPDATE_GOLDENS=1"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_status_counts_agree_with_human_labels(
    path: Path, labels: dict[str, dict[str, str]]
) -> None:
    row = labels.get(path.name)
    if row is None:
        pytest.skip(f"{path.name} has no labels")
    roadmap = milepost.load(path)
    seen: dict[str, set[int]] = {s: set() for s in STATUSES}
    for item in roadmap.items:
        if item.status:
            seen[item.status.value].add(item.span.start)
    for status in STATUSES:
        want, may = int(row[status]), int(row[f"implied_{status}"])
        assert want <= len(seen[status]) <= want + may, (status, want, may, len(seen[status]))
    sections = sum(len(top.walk()) for top in roadmap.sections)
    assert sections == int(row["sections"])
