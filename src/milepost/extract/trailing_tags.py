"""Trailing status tags: a status written after an item's words (``(in progress)``,
``- shipped in v2.1``, ``Status: Done``), and which status words are strong enough to be one.

A dash tag is read in one place, :func:`dash_tag`: from an item's parsed text here, and by the
edits from the text a line as written reads as (its positions mapped back to the Markdown by
:func:`milepost.document.read_inline`), so that an edit takes away exactly the tag the
extractor read, markup and all.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from milepost.extract.legend import NO_LEGEND, Legend
from milepost.vocabulary.status import EMOJI, Status, emoji_at
from milepost.vocabulary.status_words import WEAK_WORDS, status_of_word

__all__ = ["DashTag", "dash_tag", "strong_word", "trailing_tag"]


def strong_word(word: str) -> Status | None:
    status = status_of_word(word)
    if status is None:
        return None
    key = word.strip(" :*_.!").lower()
    return None if key in WEAK_WORDS else status


# References may follow the tag, bare or in brackets: "(in progress) #12", "(done) (#12, @kim)".
_REF = r"(?:#\d+|@[\w-]+)"
_TAIL_PAREN = re.compile(
    r"\(\s*(?P<p>[^()]{2,40}?)\s*(?::[^()]*)?\)\s*"
    rf"(?P<rest>(?:{_REF}|\({_REF}(?:[,\s]+{_REF})*\)|[\s,.;])*)$"
)
_DASH = re.compile(r"\s[-–—]\s+")
_WHEN_TAIL = re.compile(r"\s+(?:in|on|as of|since|with)\s+\S+$")
_FIELD = re.compile(r"(?i)(?:^|[\s(\[-])status\s*:\s*(?P<v>[^\]\)]*?)\s*[\]\)]?\s*$")
_INNER_PAREN = re.compile(r"\((?P<p>[A-Z][A-Z' -]{2,30}):")


def trailing_tag(text: str, legend: Legend = NO_LEGEND) -> tuple[Status, int, str] | None:
    """A status tag after the item's words: ``(in progress)``, ``- DISCARDED``, ``Status: X``."""
    paren = "(" in text
    dash = " - " in text or "–" in text or "—" in text
    field = ":" in text and "status" in text.lower()
    if not (paren or dash or field):
        return None
    match = _FIELD.search(text) if field else None
    if match:
        value = match.group("v").strip(" *_`")
        found = emoji_at(value)
        if found and found[0] in EMOJI:
            return EMOJI[found[0]], match.start(), match.group().strip()
        status = legend.word(value) or status_of_word(value)
        if status is not None:
            return status, match.start(), match.group().strip()
        return None
    match = _TAIL_PAREN.search(text) if paren and ")" in text else None
    if match:
        status = legend.word(match.group("p")) or strong_word(match.group("p"))
        if status is not None:
            return status, match.start(), match.group().strip()
    match = _INNER_PAREN.search(text) if paren and ":" in text else None
    if match:
        status = strong_word(match.group("p"))
        if status is not None:
            return status, match.start(), match.group().strip()
    if dash:
        tag = dash_tag(text, legend)
        if tag is not None:
            return tag.status, tag.start, text[tag.start : tag.end].strip()
    return None


class DashTag(NamedTuple):
    """A status said alone after a dash: the status, and where the tag runs in the text (from
    the space before the dash to the end of the phrase, the spaces after it not included)."""

    status: Status
    start: int
    end: int


def dash_tag(text: str, legend: Legend = NO_LEGEND) -> DashTag | None:
    """The first status phrase alone after a dash, up to the next dash or the end:
    ``... - DISCARDED``, ``- shipped in v0.0.30``, ``- Done - see #12``."""
    for separator in _DASH.finditer(text):
        rest = text[separator.end() :]
        following = _DASH.search(rest)
        phrase = (rest[: following.start()] if following else rest).rstrip()
        if not phrase[:1].isalpha() or len(phrase) > 40:
            continue
        status = (
            legend.word(phrase) or strong_word(phrase) or strong_word(_WHEN_TAIL.sub("", phrase))
        )
        if status is not None:
            return DashTag(status, separator.start(), separator.end() + len(phrase))
    return None
