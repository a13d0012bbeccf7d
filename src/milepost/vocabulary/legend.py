"""Legends as data: the markers a document or the config gives a meaning (glyph or word →
status), over the default vocabulary of :mod:`.status`. Where a document's legend is found is
the extractor's business (:func:`milepost.extract.legend.find_legend`); a roadmap keeps the
legend it was read with, so that its edits read its markers alike."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from milepost.readonly import freeze
from milepost.vocabulary.status import Status, emoji_at, pictograph_at

__all__ = ["NO_LEGEND", "Legend", "box_key", "glyph_key", "word_key"]


@dataclass(frozen=True, slots=True)
class Legend:
    """Markers a document (or the config) defines: glyph or word → status.

    A document's legend (``🟢 Active | 🔴 Blocked``) and the config's ``statuses`` table both
    end up here; they override the default vocabulary.
    """

    glyphs: Mapping[str, Status] = field(default_factory=dict)
    words: Mapping[str, Status] = field(default_factory=dict)
    # the status an item with no marker has in a list whose other items carry theirs, where
    # the legend says what a plain bullet means ("| bullet | work not started |")
    bare: Status | None = None

    def __post_init__(self) -> None:
        # Read-only, whatever the caller passed: a roadmap keeps its legend where anyone may
        # read it, and the config's is cached and shared by every roadmap read with it.
        freeze(self, "glyphs", "words")

    @classmethod
    def from_markers(cls, markers: dict[str, Status]) -> Legend:
        """Split ``marker → status`` pairs into glyphs (pictographs) and words."""
        glyphs: dict[str, Status] = {}
        words: dict[str, Status] = {}
        for marker, status in markers.items():
            key = marker.strip().replace("\ufe0f", "")
            if pictograph_at(key) == len(key) or emoji_at(key) is not None:
                glyphs[glyph_key(key)] = status
            else:
                words[word_key(key)] = status
        return cls(glyphs, words)

    def glyph(self, glyph: str) -> Status | None:
        return self.glyphs.get(glyph)

    def word(self, word: str) -> Status | None:
        return self.words.get(word_key(word)) if self.words else None

    def phrase(self, text: str, pos: int = 0) -> tuple[Status, int] | None:
        """A word of the legend's own (or words) opening ``text`` at ``pos``, whole, in any
        case ("NW" of "NW - Not working on yet", the config's "Shipping"): its status and
        where it ends; None where it opens with none."""
        if not self.words:
            return None
        found = _words_pattern(tuple(self.words)).match(text, pos)
        return (self.words[word_key(found.group())], found.end()) if found else None

    def merged(self, other: Legend) -> Legend:
        """This legend with ``other``'s markers added (``other`` wins on a clash)."""
        if not other.glyphs and not other.words and other.bare is None:
            return self
        return Legend(
            {**self.glyphs, **other.glyphs},
            {**self.words, **other.words},
            other.bare if other.bare is not None else self.bare,
        )


def glyph_key(glyph: str) -> str:
    """A glyph as a legend keys it: without variation selectors, a known marker normalised
    ("✔️" and its mojibake are "✔"), as the extractor looks it up."""
    key = glyph.strip().replace("\ufe0f", "")
    return (emoji_at(key) or (key, 0))[0]


def box_key(text: str, pos: int = 0) -> str | None:
    """The box of a task list's own kind that ``text`` opens with at ``pos`` ("[~]", "[/]",
    "[-]": a mark GFM does not tick, that a legend may give a meaning), if it does."""
    box = text[pos : pos + 3]
    if (
        len(box) == 3
        and box[0] == "["
        and box[2] == "]"
        and box[1] not in " xX]"
        and not box[1].isalnum()
    ):
        return box if not box[1].isspace() else None
    return None


@lru_cache(maxsize=64)
def _words_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    """The words a legend keys, longest first, each whole: its blanks any run of blanks or
    hyphens, as :func:`word_key` makes them one blank."""
    spelled = [r"[\s-]+".join(map(re.escape, key.split())) for key in keys if key.split()]
    if not spelled:
        return re.compile(r"(?!)")  # a key of blanks alone names no word
    spelled.sort(key=len, reverse=True)
    return re.compile(rf"(?i)(?:{'|'.join(spelled)})(?!\w)")


def word_key(word: str) -> str:
    return " ".join(word.strip(" :*_.!()").lower().replace("-", " ").split())


NO_LEGEND = Legend()
