"""What every edit operation returns: line patches, what they do, and their check; and how
its message names the item it changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from milepost.document import Patch
from milepost.model import Item, Roadmap
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.status import pictograph_at
from milepost.vocabulary.status_labels import ANY_STATUS_LABEL
from milepost.vocabulary.status_words import status_of_word

__all__ = ["Edit", "named", "untitled"]


@dataclass(frozen=True)
class Edit:
    """Line patches, what they do, and how to tell from the re-parsed roadmap that they did."""

    patches: tuple[Patch, ...]
    description: str
    verify: Callable[[Roadmap], str | None]  # None when the result is as expected


_LABEL = re.compile(rf"(?i)^{ANY_STATUS_LABEL}\s*:\s*")


def untitled(item: Item, legend: Legend = NO_LEGEND) -> bool:
    """Whether ``item`` says nothing but its status ("- Status: Planned @kim", "- ✅
    Shipped"): its title, read without glyphs and a ``Status:`` label, is nothing, or a
    status's words that its marker holds. "- 🚧 Testing" and "- [ ] Research" are marked by
    their emoji and box, and named "Testing" and "Research"."""
    words, before = item.title.strip(), ""
    while words != before:  # glyphs and a label, in either order ("Status: 📋 Planned")
        before = words
        if (end := pictograph_at(words)) is not None:
            words = words[end:].lstrip(" \t\u00a0\ufe0f")
        words = _LABEL.sub("", words).strip(" :*_")
    if not words or (legend.word(words) or status_of_word(words)) is None:
        return not words
    return words.casefold() in (item.marker or "").casefold()


def named(item: Item, legend: Legend = NO_LEGEND) -> str:
    """``item`` as a message names it: its title, else, where the title is its status alone
    (:func:`untitled`), its line: "Status: Planned: Blocked" would say two statuses."""
    return f"the item on line {item.span.first_line}" if untitled(item, legend) else item.title
