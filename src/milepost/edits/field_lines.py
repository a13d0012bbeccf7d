"""The ``**Status:**`` field on a line of its own that gives an item its status: under a
heading, or a sub-bullet of a list item (``- Status: WIP``, ``- Done ✅ 100%``); found
(:func:`field_line`) and set, with the heading's own marker where both say it
(:func:`and_field`)."""

from __future__ import annotations

from milepost.document import Patch
from milepost.edits.cells import bare_words, restatus_bare, restatus_field
from milepost.edits.rereading import patched
from milepost.edits.voice import Voice
from milepost.errors import UsageError
from milepost.lazy import lazy_pattern
from milepost.model import Item, Roadmap
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_labels import ANY_STATUS_FIELD

__all__ = ["and_field", "field_line", "field_set"]


# A Status field's label and colon: "**Status:**", "Status/ETA:".
_STATUS_FIELD = lazy_pattern(rf"(?i){ANY_STATUS_FIELD}")


def field_line(roadmap: Roadmap, item: Item) -> int:
    """The line of the ``**Status:**`` field that gives a heading its status (below it), or
    a list item its status (a ``- Status: WIP`` sub-bullet, within it)."""
    lines = roadmap.document.source.lines
    span = item.span
    below = range(span.end, min(span.end + 12, len(lines)))
    for number in below if item.kind == "heading" else range(span.start + 1, span.end):
        if _STATUS_FIELD.search(lines[number]):
            return number
    for number in range(span.start + 1, span.end) if item.kind != "heading" else ():
        if bare_words(lines[number]) is not None:  # "  - Done ✅ 100%"
            return number
    raise UsageError("cannot find the status field", path=roadmap.path, line=item.span.first_line)


def field_set(line: str, status: Status, voice: Voice) -> str:
    """A Status field's line set to ``status``: a sub-bullet that is the status alone ("-
    Done ✅ 100%"), else a labelled field ("**Status:** Planned")."""
    bare = restatus_bare(line, status, voice)
    return bare if bare is not None else restatus_field(line, status, voice)


def and_field(
    roadmap: Roadmap, item: Item, status: Status, voice: Voice, patch: Patch
) -> tuple[tuple[Patch, ...], Roadmap] | None:
    """A heading that says its status twice, by its own marker and by the ``**Status:**``
    field below it ("## Phase 3 ✅", then "**Status**: ✅ **COMPLETE**"), where the field
    would outvote the new marker: ``patch`` (the heading's new line) and the field set too,
    with the roadmap as it reads with both; None where there is no such field before the
    next heading, or where the two would not read as ``status`` or would change how any
    other item reads."""
    lines = roadmap.document.source.lines
    try:
        at = field_line(roadmap, item)
    except UsageError:
        return None
    if any(lines[number].lstrip(" ").startswith("#") for number in range(item.span.end, at)):
        return None  # a heading's field between: a sub-section's, not this one's
    try:
        new = field_set(lines[at], status, voice)
    except ValueError:
        return None
    patches = (patch, Patch(at, at + 1, (new,)))
    after = patched(roadmap, *patches)
    was = {i.span.start: i.status for i in roadmap.items if i.span.start != item.span.start}
    now = {i.span.start: i.status for i in after.items}
    if now.get(item.span.start) is not status or any(now.get(k) != v for k, v in was.items()):
        return None
    return patches, after
