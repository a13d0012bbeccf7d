"""The JSON Schema (draft 2020-12) of ``Roadmap.to_dict()`` and of what ``milepost export`` prints.

The schema is strict: every key the model writes is required (absent values are ``null`` or an
empty list, never a missing key) and no object allows keys the model does not write. The one
exception is ``meta.spans``, which holds only the spans the document has. Enumerations come
from the vocabulary's enums where one exists, so the schema follows the code.
"""

from __future__ import annotations

from milepost.render.json_schema import (
    NULLABLE_DATE,
    NULLABLE_STRING,
    SCHEMA_DIALECT,
    STRING,
    STRINGS,
    Schema,
    array_of,
    closed_object,
    document,
    nullable_ref,
    ref,
    string_enum,
)
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Health, Status

__all__ = ["EXPORT_ID", "ROADMAP_ID", "SCHEMA_DIALECT", "export_schema", "roadmap_schema"]

ROADMAP_ID = "https://milepost.dev/schema/roadmap-0.1.json"
EXPORT_ID = "https://milepost.dev/schema/export-0.1.json"

STATUS_FROM = ("marker", "legend", "heading", "field")
ITEM_KINDS = ("list", "task", "row", "heading")
PERIOD_KINDS = ("month", "quarter", "half", "year", "date", "version", "relative", "text")


def _definitions() -> dict[str, Schema]:
    statuses = tuple(s.value for s in Status)
    span = ref("span")
    return {
        "span": closed_object(
            {
                "start": {"type": "integer", "minimum": 1},
                "end": {"type": "integer", "minimum": 1},
            },
            description="Lines of the source file: 1-based and inclusive.",
        ),
        "status": string_enum(statuses, nullable=True, description="A canonical status, or null."),
        "period": closed_object(
            {
                "kind": string_enum(PERIOD_KINDS, nullable=False),
                "text": STRING,
                "label": STRING,
                "start": NULLABLE_DATE,
                "end": NULLABLE_DATE,
            },
            description="A span of time as written; start and end are inclusive dates if known.",
        ),
        "text_block": closed_object(
            {"text": STRING, "span": span},
            description="Free text of a section.",
        ),
        "item": closed_object(
            {
                "title": STRING,
                "text": STRING,
                "kind": string_enum(ITEM_KINDS, nullable=False),
                "status": ref("status"),
                "status_from": string_enum(
                    STATUS_FROM, nullable=True, description="Where the status came from."
                ),
                "marker": NULLABLE_STRING,
                "period": nullable_ref("period"),
                "owners": STRINGS,
                "refs": STRINGS,
                "links": STRINGS,
                "notes": STRINGS,
                "section": STRINGS,
                "span": span,
            },
            description="A list item, task, table row or heading with a status, period or owner.",
        ),
        "meta": closed_object(
            {
                "last_updated": NULLABLE_DATE,
                "last_updated_text": NULLABLE_STRING,
                "planning_horizon": NULLABLE_STRING,
                "horizon_start": nullable_ref("period"),
                "horizon_end": nullable_ref("period"),
                "next_review": NULLABLE_DATE,
                "next_review_text": NULLABLE_STRING,
                "footer_updated": NULLABLE_DATE,
                "footer_updated_text": NULLABLE_STRING,
                "footer_updated_by": NULLABLE_STRING,
                "owners": STRINGS,
                "spans": closed_object(
                    {"last_updated": span, "next_review": span, "footer": span},
                    description="Where each header and footer fact was written; only those found.",
                    required=False,
                ),
            },
            description="The header and footer facts: when updated and reviewed, and by whom.",
        ),
        "focus_period": closed_object(
            {
                "heading": STRING,
                "period": nullable_ref("period"),
                "items": array_of("item"),
                "span": span,
            },
            description="One heading of Current Focus (usually a month) and its items.",
        ),
        "focus": closed_object(
            {
                "theme": NULLABLE_STRING,
                "periods": array_of("focus_period"),
                "items": array_of("item"),
                "span": span,
            },
            description="Current Focus.",
        ),
        "goal": closed_object(
            {
                "name": STRING,
                "goal_status": ref("status"),
                "motivation": NULLABLE_STRING,
                "success_criteria": NULLABLE_STRING,
                "criteria": array_of("item"),
                "features": array_of("item"),
                "span": span,
            },
        ),
        "goal_group": closed_object(
            {
                "heading": STRING,
                "period": nullable_ref("period"),
                "goals": array_of("goal"),
                "span": span,
            },
            description="The goals under one heading of Medium-term Goals.",
        ),
        "initiative": closed_object(
            {
                "name": STRING,
                "vision": NULLABLE_STRING,
                "impact": NULLABLE_STRING,
                "timeline": NULLABLE_STRING,
                "timeline_period": nullable_ref("period"),
                "dependencies": NULLABLE_STRING,
                "span": span,
            },
        ),
        "milestone": closed_object(
            {
                "feature": STRING,
                "impact": NULLABLE_STRING,
                "details": STRINGS,
                "span": span,
            },
            description=(
                "One thing shipped, read the template's way: '<feature> shipped - <impact>', "
                "with the links of the lines below it (details)."
            ),
        ),
        "milestone_group": closed_object(
            {
                "heading": STRING,
                "period": nullable_ref("period"),
                "items": array_of("item"),
                "milestones": array_of("milestone"),
                "span": span,
            },
            description="Completed Milestones of one period (usually a month).",
        ),
        "dependency": closed_object(
            {
                "on": STRING,
                "what": STRING,
                "kind": STRING,
                "when": nullable_ref("period"),
                "span": span,
            },
            description="Something the track needs, from another track or an external system.",
        ),
        "risk": closed_object(
            {
                "name": STRING,
                "description": STRING,
                "likelihood": NULLABLE_STRING,
                "impact": NULLABLE_STRING,
                "mitigation": NULLABLE_STRING,
                "span": span,
            },
        ),
        "synergy": closed_object({"track": STRING, "how": STRING, "span": span}),
        "request": closed_object(
            {
                "name": STRING,
                "description": STRING,
                "status": ref("status"),
                "votes": {"type": ["integer", "null"], "minimum": 0},
                "span": span,
            },
            description=(
                "A community request; its status is its item's status, its votes the count "
                "its roadmap states (null where it states none)."
            ),
        ),
        "metric": closed_object(
            {
                "group": NULLABLE_STRING,
                "name": STRING,
                "baseline": NULLABLE_STRING,
                "target": NULLABLE_STRING,
                "current": NULLABLE_STRING,
                "status": ref("status"),
                "text": STRING,
                "span": span,
            },
        ),
        "section": closed_object(
            {
                "title": STRING,
                "level": {"type": "integer", "minimum": 1, "maximum": 6},
                "kind": string_enum(tuple(k.value for k in SectionKind), nullable=False),
                "span": span,
                "text": array_of("text_block"),
                "subsections": array_of("section"),
            },
            description=(
                "A section of the document, known or not, with its subsections and its free "
                "text: what no other part of the model holds (paragraphs, the list items and "
                "table rows that are no item, code)."
            ),
        ),
        "roadmap": closed_object(
            {
                "path": NULLABLE_STRING,
                "title": STRING,
                "track": STRING,
                "health": string_enum(tuple(h.value for h in Health), nullable=True),
                "meta": ref("meta"),
                "focus": nullable_ref("focus"),
                "goals": array_of("goal_group"),
                "vision": nullable_ref("text_block"),
                "initiatives": array_of("initiative"),
                "milestones": array_of("milestone_group"),
                "dependencies": array_of("dependency"),
                "risks": array_of("risk"),
                "constraints": array_of("text_block"),
                "alignment": array_of("text_block"),
                "synergies": array_of("synergy"),
                "requests": array_of("request"),
                "metrics": array_of("metric"),
                "sections": array_of("section"),
                "preamble": array_of("text_block"),
                "items": array_of("item"),
            },
            description="One track's roadmap.",
        ),
    }


def roadmap_schema() -> dict[str, object]:
    """The schema of ``Roadmap.to_dict()``: a fresh dict on every call, safe to change."""
    defs = _definitions()
    roadmap = defs.pop("roadmap")
    return document(
        ROADMAP_ID,
        "milepost roadmap",
        "One Markdown roadmap as milepost reads it (Roadmap.to_dict()). Line numbers are "
        "1-based and inclusive; dates are ISO 8601; absent values are null or [].",
        roadmap,
        defs,
    )


def export_schema() -> dict[str, object]:
    """The schema of what ``milepost export`` prints: the roadmaps read, the files that failed."""
    export = closed_object(
        {
            "milepost": {"type": "string", "description": "The milepost version."},
            "roadmaps": array_of("roadmap"),
            "errors": {
                "type": "array",
                "items": closed_object(
                    {"path": STRING, "line": {"type": ["integer", "null"]}, "message": STRING},
                    description="A file that could not be read, and why.",
                ),
            },
        }
    )
    return document(
        EXPORT_ID,
        "milepost export",
        "What `milepost export` prints: the milepost version, every roadmap read, and an "
        "error for each file that could not be read.",
        export,
        _definitions(),
    )
