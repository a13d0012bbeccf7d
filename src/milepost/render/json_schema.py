"""Building blocks of a JSON Schema (draft 2020-12): the document, references into its
``$defs``, closed objects, string enumerations and the common leaf types. They know nothing
of the model; what milepost's JSON holds is described with them in :mod:`.schema`."""

from __future__ import annotations

from typing import Any

__all__ = [
    "NULLABLE_DATE",
    "NULLABLE_STRING",
    "SCHEMA_DIALECT",
    "STRING",
    "STRINGS",
    "Schema",
    "array_of",
    "closed_object",
    "document",
    "nullable_ref",
    "ref",
    "string_enum",
]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]

STRING: Schema = {"type": "string"}
NULLABLE_STRING: Schema = {"type": ["string", "null"]}
NULLABLE_DATE: Schema = {"type": ["string", "null"], "format": "date"}
STRINGS: Schema = {"type": "array", "items": {"type": "string"}}


def ref(name: str) -> Schema:
    """A reference to the definition ``name`` of the same document."""
    return {"$ref": f"#/$defs/{name}"}


def nullable_ref(name: str) -> Schema:
    """The definition ``name``, or null."""
    return {"anyOf": [ref(name), {"type": "null"}]}


def array_of(name: str) -> Schema:
    """An array of the definition ``name``."""
    return {"type": "array", "items": ref(name)}


def closed_object(
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


def string_enum(values: tuple[str, ...], *, nullable: bool, description: str = "") -> Schema:
    """One of ``values`` (or null, if ``nullable``)."""
    out: Schema = {"type": ["string", "null"] if nullable else "string"}
    if description:
        out["description"] = description
    out["enum"] = [*values, None] if nullable else list(values)
    return out


def document(
    schema_id: str, title: str, description: str, root: Schema, defs: dict[str, Schema]
) -> dict[str, object]:
    """A schema document: the dialect, its id, title and description, then the keys of
    ``root`` (its own description left out: the document's says more), then ``defs``."""
    own = {key: value for key, value in root.items() if key != "description"}
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_id,
        "title": title,
        "description": description,
        **own,
        "$defs": defs,
    }
