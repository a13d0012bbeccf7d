"""Legends: the config's ``statuses`` table and the document's own legend, a paragraph
(``**Status Legend:** 🟢 Active | 🔴 Blocked``) or a table of symbols and their meanings
(``| 🚀 | Released |``), read as a :class:`.Legend` (the type is vocabulary, in
:mod:`milepost.vocabulary.legend`)."""

from __future__ import annotations

import re
from functools import cache

from milepost.document import Document, Paragraph, Table
from milepost.extract.heading_markers import label_status
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.status import Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import status_of_word

__all__ = ["config_legend", "find_legend", "legend_table", "meaning_status"]


@cache
def config_legend(statuses: tuple[tuple[str, str], ...]) -> Legend:
    """The config's ``statuses`` table (marker, status name) as a legend."""
    if not statuses:
        return NO_LEGEND
    return Legend.from_markers({marker: Status(name) for marker, name in statuses})


def find_legend(document: Document) -> Legend:
    """The document's legend paragraphs (``**Status Legend:** 🟢 Active | 🔴 Blocked``) and
    legend tables (``| 🚀 | Released |``) → glyph meanings."""
    glyphs: dict[str, Status] = {}
    for section in document.root.walk():
        for block in section.blocks:
            if isinstance(block, Table):
                pairs = legend_table(block) or []
            elif isinstance(block, Paragraph):
                text = block.inline.text
                if "legend" not in text.lower() and text.count("|") < 2:
                    continue
                pairs = _pairs(text)
            else:
                continue
            for glyph, meaning in pairs:
                status = meaning_status(meaning)
                if status is not None:
                    glyphs[glyph] = status
    return Legend(glyphs) if glyphs else NO_LEGEND


# Nouns a meaning may open with before its status: "Work ready to begin", "Items shipped".
_GENERIC_LEAD = frozenset({"work", "item", "items", "feature", "features", "task", "tasks"})


def meaning_status(meaning: str) -> Status | None:
    """The status a legend's meaning names: a status word or phrase, whole ("Released",
    "Work in progress"), before or after a noun for the work ("Planned work", "Work ready to
    begin"); None for a meaning that is no status ("Waiting for feedback", "Not on
    roadmap")."""
    status = status_of_word(meaning) or label_status(meaning)
    if status is None:
        first, _, rest = meaning.strip(" *_").partition(" ")
        if first.lower() in _GENERIC_LEAD and rest:
            status = status_of_word(rest)
    return status


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


# What the column of glyphs and the column of meanings of a legend table are headed.
_GLYPH_HEADERS = frozenset(
    {"symbol", "symbols", "icon", "icons", "emoji", "glyph", "glyphs", "marker", "markers"}
    | {"sign", "key", "legend", "badge", "mark", "annotation"}
)
_MEANING_HEADERS = frozenset({"meaning", "meanings", "means", "definition", "stands for"})
# Headers that name pieces of work: a column of them beside glyphs is a roadmap's table.
_WORK_HEADERS = frozenset(
    {"feature", "features", "item", "items", "task", "tasks", "title", "name", "deliverable"}
    | {"milestone", "milestones", "request", "requests", "theme", "epic", "goal", "project"}
)


def legend_table(table: Table) -> list[tuple[str, str]] | None:
    """A two-column table that explains glyphs, each row a glyph alone in one column and its
    meaning in the other (``| 🚀 | Released |``): its ``(glyph, meaning)`` pairs, else None.

    Its header names it a legend (Symbol, Icon, Emoji, ... or Meaning), else each of its
    meanings is a status: a glyph column beside pieces of work (``| ✅ | Search |``) is a
    roadmap's table, not a legend.
    """
    header = [h.lower().strip(" *_:") for h in table.header()]
    if len(header) != 2 or not table.rows:
        return None
    pairs: list[tuple[str, str]] = []
    column: int | None = None
    for row in table.rows:
        cells = [c.inline.text.strip() for c in row.cells[:2]]
        if len(cells) != 2:
            return None
        at = next((i for i in (0, 1) if _lone_glyph(cells[i]) is not None), None)
        if at is None or (column is not None and at != column):
            return None
        column = at
        glyph, meaning = _lone_glyph(cells[at]), cells[1 - at]
        if glyph is None or not any(char.isalpha() for char in meaning):
            return None
        pairs.append((glyph, meaning))
    assert column is not None
    glyphs_header, meanings_header = header[column], header[1 - column]
    if meanings_header in _WORK_HEADERS:
        return None
    named = glyphs_header in _GLYPH_HEADERS or meanings_header in _MEANING_HEADERS
    if named or all(meaning_status(meaning) is not None for _, meaning in pairs):
        return pairs
    return None


def _lone_glyph(text: str) -> str | None:
    """The glyph ``text`` is, alone (any pictograph or ``:shortcode:``), as a legend keys it."""
    end = pictograph_at(text) if text else None
    return glyph_key(text) if end is not None and end == len(text) else None
