"""A document's own legend: the paragraph that says which glyph means which status
(``**Status Legend:** 🟢 Active | 🔴 Blocked``)."""

from __future__ import annotations

import re

from milepost.document import Document, Paragraph
from milepost.extract.markers import NO_LEGEND, Legend
from milepost.vocabulary.status import Status, emoji_at, status_of_word

__all__ = ["find_legend"]


def find_legend(document: Document) -> Legend:
    """A legend paragraph (``**Status Legend:** 🟢 Active | 🔴 Blocked``) → glyph meanings."""
    glyphs: dict[str, Status] = {}
    for section in document.root.walk():
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            text = block.inline.text
            if "legend" not in text.lower() and text.count("|") < 2:
                continue
            for glyph, word in _pairs(text):
                status = status_of_word(word)
                if status is not None:
                    glyphs[glyph] = status
    return Legend(glyphs) if glyphs else NO_LEGEND


_PAIR = re.compile(r"(?P<word>[A-Za-z][A-Za-z' -]{1,24})")


def _pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    pos = 0
    while pos < len(text):
        found = emoji_at(text, pos)
        if found is None:
            pos += 1
            continue
        glyph, end = found
        match = _PAIR.match(text, end + (1 if text[end : end + 1] == " " else 0))
        if match:
            pairs.append((glyph, match.group("word").strip(" -").split(" |")[0]))
        pos = end
    return pairs
