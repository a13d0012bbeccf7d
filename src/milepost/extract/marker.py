"""A status found on an item, as :class:`Marker` holds it, and what a marker alone says: a
bare cross (:func:`bare_cross`), an open task box (:func:`open_box`), a box written as text
(:func:`written_box`). :mod:`.markers` reads
the markers of list items, :mod:`.heading_markers` those of headings, :mod:`.cell_markers`
those of table cells."""

from __future__ import annotations

from typing import NamedTuple

from milepost.vocabulary.legend import Legend
from milepost.vocabulary.status import CROSSES, Status

__all__ = [
    "BLANKLESS_BOX",
    "PARTLY_TICKED_BOX",
    "TASK_BOXES",
    "TICKED_BOXES",
    "Marker",
    "bare_cross",
    "blankless_box",
    "cross_alone",
    "open_box",
    "optional_box",
    "written_box",
    "written_width",
]


class Marker(NamedTuple):
    """A status found on an item: the status, the marker as written, and where it ends (a
    named tuple, like :class:`.walk_items.WalkContext`, for speed)."""

    status: Status
    written: str
    source: str = "marker"  # marker | legend
    end: int = 0  # where the leading marker ends in the text (0 for trailing tags)
    tail: int = -1  # where a trailing tag starts in the text (-1: none)


def bare_cross(marker: Marker) -> bool:
    """Whether a marker is a cross and no more ("❌", not "❌ Cancelled", nor "❌ Search -
    Status: Dropped"): dropped work only where the document says a cross means that
    (:func:`.conventions.cross_drops`); else a "no" beside a feature not there ("| Camera |
    ❌ |", "- ❌ Tests need a server"; after an open box, "- [ ] ❌ No integration tests",
    work still to do)."""
    return marker.tail < 0 and cross_alone(marker)


def cross_alone(marker: Marker) -> bool:
    """Whether a marker says dropped by a cross and no more, wherever it stands ("## Mobile
    Apps ❌" as "- ❌ Mobile apps")."""
    return (
        marker.status is Status.DROPPED
        and marker.written.replace("\ufe0f", "").removeprefix("[ ] ").strip() in CROSSES
    )


def open_box(scope: Status | None) -> Status:
    """What an open task box says with nothing more beside it: planned, or the status of the
    label right above its list where that says more ("🔧 **In Progress**"; a status
    heading's does not: the box is the item's own marker, and beats its heading's)."""
    return (
        scope
        if scope is not None and scope not in (Status.DONE, Status.PLANNED)
        else Status.PLANNED
    )


def written_box(text: str, pos: int, legend: Legend, *, coded: bool = False) -> Status | None:
    """A task box written as text: ticked with a check mark ("[✓] Retained messages",
    which GFM draws no box for), done; one ticked in part ("[~] FSDP"), in progress, where
    no legend keys it; an open one without its blank ("[] Cart service"),
    planned, or what the legend keys it; or ticked or open where it is a code span of its
    own (``coded``: "`[ ]` completion", "`[X]` globals") or the legend keys boxes of its
    own ("`[x] 1.1` Stripe scaffold" beside "`[-]` In Progress"). It is
    :func:`written_width` characters wide."""
    if blankless_box(text, pos):
        return legend.glyph(BLANKLESS_BOX) or Status.PLANNED
    box = text[pos : pos + 3]
    if optional_box(text, pos):
        return TASK_BOXES[box]  # "- [ ]* 4.3 Write a property test": an optional task
    if text[pos + 3 : pos + 4] not in (" ", "\t"):
        return None
    if box in TICKED_BOXES:
        return Status.DONE
    if box == PARTLY_TICKED_BOX and legend.glyph(box) is None:
        return Status.IN_PROGRESS
    if box not in TASK_BOXES or not (coded or any(key[:1] == "[" for key in legend.glyphs)):
        return None
    return TASK_BOXES[box]


def written_width(text: str, pos: int) -> int:
    """How wide the box :func:`written_box` read at ``pos`` is: 2 for "[]", 4 for an optional
    task's "[ ]*", else 3."""
    return 2 if blankless_box(text, pos) else 4 if optional_box(text, pos) else 3


def optional_box(text: str, pos: int) -> bool:
    """Whether ``text`` opens at ``pos`` with a task box marked optional by a star after it,
    as spec-driven task lists write them ("[ ]* 4.3 Write a property test"), which GFM
    draws no box for."""
    return text[pos + 3 : pos + 5] in ("* ", "*\t") and text[pos : pos + 3] in TASK_BOXES


def blankless_box(text: str, pos: int = 0) -> bool:
    """Whether ``text`` opens at ``pos`` with an open box written without its blank, a blank
    after it ("[] Cart service")."""
    return text[pos : pos + 2] == BLANKLESS_BOX and text[pos + 2 : pos + 3] in (" ", "\t")


# An open box written without its blank: GFM draws none, a reader sees one.
BLANKLESS_BOX = "[]"
# A task list's boxes written as text (in a Status cell, in code): ticked done, open planned.
TASK_BOXES = {"[x]": Status.DONE, "[X]": Status.DONE, "[ ]": Status.PLANNED}
# A box ticked with a check mark: done wherever it stands.
TICKED_BOXES = frozenset({"[✓]", "[✔]", "[√]", "[✅]", "[☑]"})
# A box ticked in part, where no legend keys it otherwise: work under way ("- [~] FSDP —
# wired, e2e pending").
PARTLY_TICKED_BOX = "[~]"
