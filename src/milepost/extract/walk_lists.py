"""What the walk (:mod:`.walk`) judges of a list and its items: whether any item carries a
marker of its own or a task box, whether an item is an entry of a table of contents, and
whether an item's open box is all its marker says."""

from __future__ import annotations

from milepost.document import Block, Inline, ListBlock, ListItem
from milepost.extract.item_fields import sub_items
from milepost.extract.marker import Marker
from milepost.extract.markers import leading_markers
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.status import EMOJI, Status, emoji_at

__all__ = ["bare_box", "contents_entry", "has_boxes", "marks_some", "plans_otherwise"]


def marks_some(block: ListBlock, legend: Legend) -> bool:
    """Whether some item of a list carries a marker of its own (a task box, a status glyph
    or words opening it), where the legend says what a plain bullet means (else none is
    looked for)."""
    if legend.bare is None:
        return False
    return any(
        item.task is not None or any(leading_markers(item.inline, 0, legend, lenient=False)[:2])
        for item in block.items
    )


def has_boxes(block: ListBlock) -> bool:
    """Whether a list holds a task box."""
    return any(item.task is not None for item in block.items)


def contents_entry(inline: Inline) -> bool:
    """Whether a list item is an entry of a table of contents: one in-page link, whole."""
    if len(inline.links) != 1:
        return False
    link = inline.links[0]
    text = inline.text
    return (
        link.url.startswith("#") and not text[: link.start].strip() and not text[link.end :].strip()
    )


def bare_box(marker: Marker, children: list[Block], block: ListItem) -> bool:
    """Whether an item's marker is its open task box and no more, over no task boxes of
    its own: a Status field under it says more (among sub-tasks, it may be one of theirs)."""
    if block.task is not False or marker.written != "[ ] " or marker.status is not Status.PLANNED:
        return False
    return all(sub.task is None for sub in sub_items(children))


def plans_otherwise(block: ListBlock, legend: Legend) -> bool:
    """Whether a list marks work not started its own way, an open task box or a glyph that
    says planned ("- 📋 C" beside "- ⏳ B"): an hourglass there is work under way."""
    for item in block.items:
        if item.task is False:
            return True
        found = emoji_at(item.inline.text.lstrip())
        if found is not None and (legend.glyph(found[0]) or EMOJI.get(found[0])) is Status.PLANNED:
            return True
    return False
