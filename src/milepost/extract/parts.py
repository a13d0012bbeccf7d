"""The template's sections → the typed model's parts (focus, goals, risks, metrics, ...).

Each reader takes the section(s) of its kind and the items the generic pass found there, and
builds its part of the model. Text that fits no field stays on its section (``sections``), so
nothing is silently dropped.

The readers live by what they read: :mod:`.section_reader` (what every reader starts from),
:mod:`.plan_parts` (focus, goals, milestones), :mod:`.vision_parts` (initiatives) and
:mod:`.record_parts` (dependencies, risks, synergies, requests, metrics).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from milepost.document import Document, Section
from milepost.extract.plan_parts import PlanReader
from milepost.extract.record_parts import RecordReader
from milepost.extract.vision_parts import VisionReader
from milepost.extract.walk import Walk
from milepost.lazy import lazy_pattern
from milepost.model import Meta
from milepost.vocabulary.sections import SectionKind, classify
from milepost.vocabulary.status import HEALTH, Health

__all__ = ["read_parts"]


def read_parts(
    document: Document, found: Walk, meta: Meta, *, path: str | None
) -> tuple[dict[str, Any], set[int]]:
    """Every known part of the roadmap, keyed by the Roadmap field it fills, and the first
    lines of the list items and rows read into them (what is left is free text)."""
    kinds: dict[SectionKind, list[Section]] = {}
    for top in document.sections:
        _sort_by_kind(top, None, kinds)
    reader = _Reader(document, found, path)
    parts: dict[str, Any] = {}
    if SectionKind.FOCUS in kinds:
        parts["focus"] = reader.focus(kinds[SectionKind.FOCUS][0])
    statement = kinds.get(SectionKind.VISION_STATEMENT) or kinds.get(SectionKind.VISION)
    if statement:
        parts["vision"] = reader.text_of(statement[0])
    readers: dict[str, tuple[Callable[[Section], Sequence[Any]], tuple[SectionKind, ...]]] = {
        "goals": (reader.goals, (SectionKind.GOALS,)),
        "initiatives": (reader.initiatives, (SectionKind.INITIATIVES,))
        if SectionKind.INITIATIVES in kinds
        else (reader.vision_initiatives, (SectionKind.VISION,)),
        "milestones": (reader.milestones, (SectionKind.MILESTONES,)),
        "dependencies": (reader.dependencies, (SectionKind.DEPENDENCIES,)),
        "risks": (reader.risks, (SectionKind.RISKS,)),
        "constraints": (reader.texts, (SectionKind.CONSTRAINTS,)),
        "alignment": (reader.paragraphs, (SectionKind.ALIGNMENT, SectionKind.ALIGNMENT_VISION)),
        "synergies": (reader.synergies, (SectionKind.SYNERGIES,)),
        "requests": (reader.requests, (SectionKind.FEEDBACK,)),
        "metrics": (reader.metrics, (SectionKind.METRICS,)),
    }
    for field_name, (read, section_kinds) in readers.items():
        parts[field_name] = tuple(
            part for kind in section_kinds for s in kinds.get(kind, []) for part in read(s)
        )
    parts["health"] = _health(document)
    return parts, reader.held


def _sort_by_kind(
    section: Section, parent: SectionKind | None, kinds: dict[SectionKind, list[Section]]
) -> None:
    """File ``section`` and its subsections under their kinds.

    A module-level function, not a closure: a recursive closure refers to itself through its
    cell, a reference cycle that kept every load's sections alive until the cyclic GC ran.
    """
    kind = classify(section.title, parent)
    kinds.setdefault(kind, []).append(section)
    for sub in section.subsections:
        _sort_by_kind(sub, kind, kinds)


def _health(document: Document) -> Health | None:
    """An explicit 🟢/🟡/🔴 near the top, as the value of a ``Status:`` or ``Health:`` field
    (``**Status:** 🟡 At risk``, ``**Track health:** 🟢``); not a legend, a table cell, or an
    item that mentions a status ("✅ Health check endpoint (🔴 was failing)")."""
    limit = min(document.line_count, 30)
    for number in range(limit):
        line = document.line(number)
        lower = line.lower()
        if "status" not in lower and "health" not in lower:
            continue
        if "legend" in lower or line.lstrip().startswith("|"):
            continue  # "**Status Legend:** 🟢 Active | …" defines markers; a table row is a row
        if sum(line.count(glyph) for glyph in HEALTH) > 1:
            continue  # "Status: Active 🟢 | 🔴 Blocked" lists markers: a legend
        field = _HEALTH_FIELD.search(line)
        if field is not None:
            return HEALTH[field["glyph"]]
    return None


_HEALTH_FIELD = lazy_pattern(
    r"(?i)\b(?:status|health)\s*(?:(?:\*\*|__)\s*)?:\s*(?:(?:\*\*|__)\s*)?"
    r"(?:[A-Za-z][\w-]*\s+){0,3}(?P<glyph>🟢|🟡|🔴)"  # "On track 🟢" too
)


class _Reader(PlanReader, VisionReader, RecordReader):
    """Every part's reader."""
