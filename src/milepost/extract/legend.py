"""Legends: markers a document or the config gives a meaning (glyph or word → status), and
the document's own legend paragraph (``**Status Legend:** 🟢 Active | 🔴 Blocked``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from milepost.document import Document, Paragraph
from milepost.vocabulary.status import Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import status_of_word

__all__ = ["NO_LEGEND", "Legend", "config_legend", "find_legend"]


@dataclass(frozen=True, slots=True)
class Legend:
    """Markers a document (or the config) defines: glyph or word → status.

    A document's legend (``🟢 Active | 🔴 Blocked``) and the config's ``statuses`` table both
    end up here; they override the default vocabulary.
    """

    glyphs: dict[str, Status] = field(default_factory=dict)
    words: dict[str, Status] = field(default_factory=dict)

    @classmethod
    def from_markers(cls, markers: dict[str, Status]) -> Legend:
        """Split ``marker → status`` pairs into glyphs (pictographs) and words."""
        glyphs: dict[str, Status] = {}
        words: dict[str, Status] = {}
        for marker, status in markers.items():
            key = marker.strip().replace("\ufe0f", "")
            if pictograph_at(key) == len(key) or emoji_at(key) is not None:
                glyphs[(emoji_at(key) or (key, 0))[0]] = status
            else:
                words[_word_key(key)] = status
        return cls(glyphs, words)

    def glyph(self, glyph: str) -> Status | None:
        return self.glyphs.get(glyph)

    def word(self, word: str) -> Status | None:
        return self.words.get(_word_key(word)) if self.words else None

    def merged(self, other: Legend) -> Legend:
        """This legend with ``other``'s markers added (``other`` wins on a clash)."""
        if not other.glyphs and not other.words:
            return self
        return Legend({**self.glyphs, **other.glyphs}, {**self.words, **other.words})


def _word_key(word: str) -> str:
    return " ".join(word.strip(" :*_.!()").lower().replace("-", " ").split())


NO_LEGEND = Legend()


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
