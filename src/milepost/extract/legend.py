"""Legends: the config's ``statuses`` table and the document's own legend paragraph
(``**Status Legend:** 🟢 Active | 🔴 Blocked``) read as a :class:`.Legend` (the type is
vocabulary, in :mod:`milepost.vocabulary.legend`)."""

from __future__ import annotations

import re
from functools import cache

from milepost.document import Document, Paragraph
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.status import Status, emoji_at
from milepost.vocabulary.status_words import status_of_word

__all__ = ["config_legend", "find_legend"]


@cache
def config_legend(statuses: tuple[tuple[str, str], ...]) -> Legend:
    """The config's ``statuses`` table (marker, status name) as a legend."""
    if not statuses:
        return NO_LEGEND
    return Legend.from_markers({marker: Status(name) for marker, name in statuses})


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
