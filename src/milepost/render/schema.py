"""The JSON Schema (draft 2020-12) of ``Roadmap.to_dict()`` and of what ``milepost export`` prints.

The schema is strict: every key the model writes is required (absent values are ``null`` or an
empty list, never a missing key) and no object allows keys the model does not write. The one
exception is ``meta.spans``, which holds only the spans the document has. Enumerations come
from the vocabulary's enums where one exists, so the schema follows the code.
"""

from __future__ import annotations

from typing import Any

from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Health, Status

__all__ = ["EXPORT_ID", "ROADMAP_ID", "SCHEMA_DIALECT", "export_schema", "roadmap_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ROADMAP_ID = "https://milepost.dev/schema/roadmap-0.1.json"
EXPORT_ID = "https://milepost.dev/schema/export-0.1.json"

STATUS_FROM = ("marker", "legend", "heading", "field")
ITEM_KINDS = ("list", "task", "row", "heading")
PERIOD_KINDS = ("month", "quarter", "half", "year", "date", "version", "relative", "text")

Schema = dict[str, Any]

_STRING: Schema = {"type": "string"}
_NULLABLE_STRING: Schema = {"type": ["string", "null"]}
_NULLABLE_DATE: Schema = {"type": ["string", "null"], "format": "date"}
_STRINGS: Schema = {"type": "array", "items": {"type": "string"}}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _nullable_ref(name: str) -> Schema:
    return {"anyOf": [_ref(name), {"type": "null"}]}


def _array_of(name: str) -> Schema:
    return {"type": "array", "items": _ref(name)}


def _object(
    properties: dict[str, Schema], *, description: str = "", required: bool = True
) -> Schema:
    """A closed object; with ``required`` (the default) every property must be present."""
    out: Schema = {"type": "object"}
    if description:
        out["description"] = description
    out["properties"] = properties
    if required:
        out["required"] = list(properties)
    out["additionalProperties"] = False
    return out


def _enum(values: tuple[str, ...], *, nullable: bool, description: str = "") -> Schema:
    out: Schema = {"type": ["string", "null"] if nullable else "string"}
    if description:
        out["description"] = description
    out["enum"] = [*values, None] if nullable else list(values)
    return out


def _definitions() -> dict[str, Schema]:
    statuses = tuple(s.value for s in Status)
    span = _ref("span")
    return {
        "span": _object(
            {
                "start": {"type": "integer", "minimum": 1},
                "end": {"type": "integer", "minimum": 1},
            },
            description="Lines of the source file: 1-based and inclusive.",
        ),
        "status": _enum(statuses, nullable=True, description="A canonical status, or null."),
        "period": _object(
            {
                "kind": _enum(PERIOD_KINDS, nullable=False),
                "text": _STRING,
                "label": _STRING,
                "start": _NULLABLE_DATE,
                "end": _NULLABLE_DATE,
            },
            description="A span of time as written; start and end are inclusive dates if known.",
        ),
        "text_block": _object(
            {"text": _STRING, "span": span},
            description="Free text of a section.",
        ),
        "item": _object(
            {
                "title": _STRING,
                "text": _STRING,
                "kind": _enum(ITEM_KINDS, nullable=False),
                "status": _ref("status"),
                "status_from": _enum(
                    STATUS_FROM, nullable=True, description="Where the status came from."
                ),
                "marker": _NULLABLE_STRING,
                "period": _nullable_ref("period"),
                "owners": _STRINGS,
                "refs": _STRINGS,
                "links": _STRINGS,
                "notes": _STRINGS,
                "section": _STRINGS,
                "span": span,
            },
            description="A list item, task, table row or heading with a status, period or owner.",
        ),
        "meta": _object(
            {
                "last_updated": _NULLABLE_DATE,
                "last_updated_text": _NULLABLE_STRING,
                "planning_horizon": _NULLABLE_STRING,
                "horizon_start": _nullable_ref("period"),
                "horizon_end": _nullable_ref("period"),
                "next_review": _NULLABLE_DATE,
                "next_review_text": _NULLABLE_STRING,
                "footer_updated": _NULLABLE_DATE,
                "footer_updated_text": _NULLABLE_STRING,
                "footer_updated_by": _NULLABLE_STRING,
                "owners": _STRINGS,
                "spans": _object(
                    {"last_updated": span, "next_review": span, "footer": span},
                    description="Where each header and footer fact was written; only those found.",
                    required=False,
                ),
            },
            description="The header and footer facts: when updated and reviewed, and by whom.",
        ),
        "focus_period": _object(
            {
                "heading": _STRING,
                "period": _nullable_ref("period"),
                "items": _array_of("item"),
                "span": span,
            },
            description="One heading of Current Focus (usually a month) and its items.",
        ),
        "focus": _object(
            {
                "theme": _NULLABLE_STRING,
                "periods": _array_of("focus_period"),
                "items": _array_of("item"),
                "span": span,
            },
            description="Current Focus.",
        ),
        "goal": _object(
            {
                "name": _STRING,
                "goal_status": _ref("status"),
                "motivation": _NULLABLE_STRING,
                "success_criteria": _NULLABLE_STRING,
                "criteria": _array_of("item"),
                "features": _array_of("item"),
                "span": span,
            },
        ),
        "goal_group": _object(
            {
                "heading": _STRING,
                "period": _nullable_ref("period"),
                "goals": _array_of("goal"),
                "span": span,
            },
            description="The goals under one heading of Medium-term Goals.",
        ),
        "initiative": _object(
            {
                "name": _STRING,
                "vision": _NULLABLE_STRING,
                "impact": _NULLABLE_STRING,
                "timeline": _NULLABLE_STRING,
                "timeline_period": _nullable_ref("period"),
                "dependencies": _NULLABLE_STRING,
                "span": span,
            },
        ),
        "milestone": _object(
            {
                "feature": _STRING,
                "impact": _NULLABLE_STRING,
                "details": _STRINGS,
                "span": span,
            },
            description=(
                "One thing shipped, read the template's way: '<feature> shipped - <impact>', "
                "with the links of the lines below it (details)."
            ),
        ),
        "milestone_group": _object(
            {
                "heading": _STRING,
                "period": _nullable_ref("period"),
                "items": _array_of("item"),
                "milestones": _array_of("milestone"),
                "span": span,
            },
            description="Completed Milestones of one period (usually a month).",
        ),
        "dependency": _object(
            {
                "on": _STRING,
                "what": _STRING,
                "kind": _STRING,
                "when": _nullable_ref("period"),
                "span": span,
            },
            description="Something the track needs, from another track or an external system.",
        ),
        "risk": _object(
            {
                "name": _STRING,
                "description": _STRING,
                "likelihood": _NULLABLE_STRING,
                "impact": _NULLABLE_STRING,
                "mitigation": _NULLABLE_STRING,
                "span": span,
            },
        ),
        "synergy": _object({"track": _STRING, "how": _STRING, "span": span}),
        "request": _object(
            {
                "name": _STRING,
                "description": _STRING,
                "status": _ref("status"),
                "span": span,
            },
            description="A community request; its status is its item's status.",
        ),
        "metric": _object(
            {
                "group": _NULLABLE_STRING,
                "name": _STRING,
                "baseline": _NULLABLE_STRING,
                "target": _NULLABLE_STRING,
                "current": _NULLABLE_STRING,
                "status": _ref("status"),
                "text": _STRING,
                "span": span,
            },
        ),
        "section": _object(
            {
                "title": _STRING,
                "level": {"type": "integer", "minimum": 1, "maximum": 6},
                "kind": _enum(tuple(k.value for k in SectionKind), nullable=False),
                "span": span,
                "text": _array_of("text_block"),
                "subsections": _array_of("section"),
            },
            description="A section of the document, known or not, with its subsections.",
        ),
        "roadmap": _object(
            {
                "path": _NULLABLE_STRING,
                "title": _STRING,
                "track": _STRING,
                "health": _enum(tuple(h.value for h in Health), nullable=True),
                "meta": _ref("meta"),
                "focus": _nullable_ref("focus"),
                "goals": _array_of("goal_group"),
                "vision": _nullable_ref("text_block"),
                "initiatives": _array_of("initiative"),
                "milestones": _array_of("milestone_group"),
                "dependencies": _array_of("dependency"),
                "risks": _array_of("risk"),
                "constraints": _array_of("text_block"),
                "alignment": _array_of("text_block"),
                "synergies": _array_of("synergy"),
                "requests": _array_of("request"),
                "metrics": _array_of("metric"),
                "sections": _array_of("section"),
                "items": _array_of("item"),
            },
            description="One track's roadmap.",
        ),
    }


def roadmap_schema() -> dict[str, object]:
    """The schema of ``Roadmap.to_dict()``: a fresh dict on every call, safe to change."""
    defs = _definitions()
    roadmap = defs.pop("roadmap")
    del roadmap["description"]  # the root's own description below says more
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": ROADMAP_ID,
        "title": "milepost roadmap",
        "description": (
            "One Markdown roadmap as milepost reads it (Roadmap.to_dict()). Line numbers are "
            "1-based and inclusive; dates are ISO 8601; absent values are null or []."
        ),
        **roadmap,
        "$defs": defs,
    }


def export_schema() -> dict[str, object]:
    """The schema of what ``milepost export`` prints: the roadmaps read, the files that failed."""
    defs = _definitions()
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": EXPORT_ID,
        "title": "milepost export",
        "description": (
            "What `milepost export` prints: the milepost version, every roadmap read, and an "
            "error for each file that could not be read."
        ),
        **_object(
            {
                "milepost": {"type": "string", "description": "The milepost version."},
                "roadmaps": _array_of("roadmap"),
                "errors": {
                    "type": "array",
                    "items": _object(
                        {
                            "path": _STRING,
                            "line": {"type": ["integer", "null"]},
                            "message": _STRING,
                        },
                        description="A file that could not be read, and why.",
                    ),
                },
            }
        ),
        "$defs": defs,
    }
