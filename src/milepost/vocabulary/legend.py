"""Legends as data: the markers a document or the config gives a meaning (glyph or word →
status), over the default vocabulary of :mod:`.status`. Where a document's legend is found is
the extractor's business (:func:`milepost.extract.legend.find_legend`); a roadmap keeps the
legend it was read with, so that its edits read its markers alike."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from milepost.readonly import freeze
from milepost.vocabulary.status import Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import status_of_word

__all__ = ["NO_LEGEND", "Legend", "box_key", "glyph_key", "pictograph_key", "word_key"]


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
    # how many words its longest word has, and how many characters: how far a word of its
    # own is sought in a text (:meth:`phrase`)
    reach: tuple[int, int] = field(init=False, repr=False, compare=False, default=(0, 0))

    def __post_init__(self) -> None:
        # Read-only, whatever the caller passed: a roadmap keeps its legend where anyone may
        # read it, and the config's is cached and shared by every roadmap read with it.
        freeze(self, "glyphs", "words")
        if self.words:
            reach = (max(len(k.split()) for k in self.words), max(map(len, self.words)))
            object.__setattr__(self, "reach", reach)

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

    def owns(self, word: str) -> bool:
        """Whether ``word`` says a status through this legend alone ("NW", the config's
        "Parked"), no word of the vocabulary's ("Done"): read so, its status is the
        legend's, as a glyph's is."""
        return self.word(word) is not None and status_of_word(word) is None

    def phrase(self, text: str, pos: int = 0) -> tuple[Status, int] | None:
        """The longest word of the legend's own (or words) opening ``text`` at ``pos``, in
        any case, whole: the end of the text, a blank or a mark that ends a word after it
        ("NW" of "NW - Download", the config's "Parked" of "Parked: Login"; not the "D" of
        "D-ish"); its status and where it ends; None where it opens with none."""
        if not self.words or text[pos : pos + 1] in _KEY_ENDS:
            return None
        most, widest = self.reach
        best: tuple[Status, int] | None = None
        at = pos
        for _ in range(most):
            token = _TOKEN.match(text, at)
            if token is None or token.end() - pos > 2 * widest + 8:
                break
            said = text[pos : token.end()].rstrip(_KEY_ENDS)
            status = self.words.get(word_key(said))
            end = pos + len(said)
            if status is not None and _WHOLE.match(text, end) is not None:
                best = status, end
            gap = _GAP.match(text, token.end())
            if gap is None:
                break
            at = gap.end()
        return best

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


def pictograph_key(text: str) -> str | None:
    """The pictograph opening ``text`` as a legend keys it ("⚠️" of "⚠️ Partial" is "⚠");
    None where none opens it."""
    end = pictograph_at(text)
    return glyph_key(text[:end]) if end is not None else None


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


# A legend's word as written in a text: its parts (no blank or hyphen in one), the blanks or
# hyphens between them (one blank in its key, :func:`word_key`), the marks a key is stripped
# of, and what may follow a whole word: the end, a blank, a mark that ends it, or a dash
# before a blank ("NW - Download"), not one that joins more ("D-ish").
_TOKEN = re.compile(r"[^\s\-,;?|]+")
_GAP = re.compile(r"[\s-]+")
_KEY_ENDS = " :*_.!()"
_WHOLE = re.compile(r"$|[\s:,;.!?)\]|]|-(?=\s|$)")


def word_key(word: str) -> str:
    return " ".join(word.strip(_KEY_ENDS).lower().replace("-", " ").split())


NO_LEGEND = Legend()
