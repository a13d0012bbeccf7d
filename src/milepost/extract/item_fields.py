"""A list item's field sub-bullets (``- Status: WIP``, ``- Target Date: Q1 2021``, a status
alone: ``- Done ✅ 100%``, under the deliverable they describe): what they say of their item,
its own status and when, and that they are no items of their own.

The item's Status field is its own marker: it beats the heading the item stands under, as a
``**Status:**`` paragraph opening a section gives that section's heading its status."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from milepost.document import Block, Inline, ListBlock, ListItem
from milepost.extract.cell_markers import cell_status
from milepost.extract.marker import Marker
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.status_labels import FIELD_LABELS, is_status_label
from milepost.vocabulary.status_words import said_weakly, status_in_value, status_of_phrase

__all__ = ["WHEN_LABELS", "Fields", "bare_status", "is_field", "item_fields", "sub_items"]

_STATUS_LABELS = frozenset({"status", "state", "current status"})
#: Labels that say when, most specific first (a Target Date beats a Date).
WHEN_LABELS = (
    "target date",
    "target",
    "target release",
    "eta",
    "due",
    "due date",
    "deadline",
    "expected",
    "date",
    "when",
    "timeline",
)
_LABELS = _STATUS_LABELS | set(WHEN_LABELS) | FIELD_LABELS
# "Status: `WIP`", "**Target Date:** Q1 2021": a label, a colon, a value (the text as read,
# its bold and code marks gone).
_FIELD = re.compile(r"\s*(?P<label>[A-Za-z][A-Za-z /&+]{0,24}?)\s*:\s*(?P<value>\S.*)", re.DOTALL)


class Fields(NamedTuple):
    """What an item's field sub-bullets say of it."""

    marker: Marker | None  # its Status field, where that reads as a status
    period: Period | None  # its most specific field that says when
    notes: tuple[str, ...]  # the fields as written, each "Label: value"


class _Said(NamedTuple):
    label: str  # lower-cased
    value: str
    text: str  # the whole sub-bullet, as read


def _field(block: Block) -> _Said | None:
    """What a field sub-bullet says; None for anything else."""
    if not isinstance(block, ListItem) or block.task is not None:
        return None
    text = block.inline.text.strip()
    if ":" not in text:
        return _Said("status", text, text) if bare_status(text) else None
    match = _FIELD.match(text)
    if match is None:
        return None
    label = " ".join(match.group("label").lower().split())
    if label in _LABELS or is_status_label(label):  # "Status/Target" is a Status field too
        return _Said(label, match.group("value").strip(), text)
    return None


def bare_status(text: str) -> int:
    """Where the status words end in a sub-bullet that is its item's status alone, without
    a label: the words, then glyphs, a progress bar or a share at most ("Done ✅ 🟩🟩🟩🟩🟩
    100%", "In Progress ⏳ 83%"); 0 for any other."""
    said = status_of_phrase(text)
    if said is None or said[1] != 0 or said_weakly(text[: said[2]]):
        return 0
    return said[2] if not any(c.isalpha() for c in text[said[2] :]) else 0


def _field_status(value: str, legend: Legend) -> Marker | None:
    """The status a Status field's value says: as a Status cell would, else in free text
    ("design in progress")."""
    found = cell_status(Inline(value), legend)
    if found is None and (said := status_in_value(value)) is not None:
        found = Marker(said[0], value[said[1] : said[2]])
    return found


def sub_items(children: list[Block]) -> list[ListItem]:
    """The items of the lists among a list item's ``children``."""
    return [item for block in children if isinstance(block, ListBlock) for item in block.items]


def is_field(block: Block) -> bool:
    """Whether ``block``, a sub-bullet of a list item, is one of its fields."""
    return _field(block) is not None


def item_fields(children: list[Block], legend: Legend, anchor: date | None) -> Fields | None:
    """What the field sub-bullets among a list item's ``children`` say of it; None if none."""
    said = [one for list_item in sub_items(children) if (one := _field(list_item)) is not None]
    if not said:
        return None
    marker = next(
        (
            found
            for field in said
            if (field.label in _STATUS_LABELS or is_status_label(field.label))
            and (found := _field_status(field.value, legend)) is not None
        ),
        None,
    )
    when = sorted(
        (field for field in said if field.label in WHEN_LABELS),
        key=lambda field: WHEN_LABELS.index(field.label),
    )
    period = next(
        (p for field in when if (p := read_period(field.value, anchor=anchor)) is not None),
        None,
    )
    return Fields(marker, period, tuple(field.text for field in said))
