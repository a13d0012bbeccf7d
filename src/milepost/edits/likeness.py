"""A new item written like one already there: the markers before its title as that item's
are written (its emoji, bold or plain label, a leading field: "📋 **Planned**: ", "Planned:
") and the status tag after it (" - Status: Planned", " (planned)"), taken from the Markdown
of its line, so that ``plan`` adds a line that reads like its neighbours."""

from __future__ import annotations

from typing import NamedTuple

from milepost.document import read_inline
from milepost.edits.style import item_parts, split_line_ending
from milepost.extract.trailing_tags import trailing_tag
from milepost.model import Item
from milepost.vocabulary.legend import Legend

__all__ = ["Likeness", "likeness"]

# What opens a tag before its words: the blank and the dash or bracket ("Search - Status:").
_OPENING = " \t-–—(["


class Likeness(NamedTuple):
    """The Markdown before an item's title, after its bullet and box, and its status tag."""

    before: str
    tag: str


def likeness(line: str, item: Item, legend: Legend) -> Likeness | None:
    """How ``item`` (a list item, its first line ``line``) is marked around its title; None
    where its title is not one run of its Markdown (markup holding it and more)."""
    parts = item_parts(split_line_ending(line)[0])
    if parts is None or not item.title:
        return None
    rest = parts[2]
    reading = read_inline(rest)
    at = reading.text.find(item.title)
    end = at + len(item.title)
    written = reading.written(at, end) if at >= 0 else None
    if written is None:
        return None
    tag = trailing_tag(reading.text, legend)
    if tag is None or tag.start < end:
        return Likeness(rest[: written[0]], "")
    cut = tag.start
    while cut > end and reading.text[cut - 1] in _OPENING:
        cut -= 1
    said = reading.written(cut, tag.end)
    if said is None:
        return None
    return Likeness(rest[: written[0]], rest[said[0] : said[1]])
