"""Legends: the config's ``statuses`` table and the document's own legend, a paragraph
(``**Status Legend:** 🟢 Active | 🔴 Blocked``) or a table of symbols and their meanings
(``| 🚀 | Released |``), read as a :class:`.Legend` (the type is vocabulary, in
:mod:`milepost.vocabulary.legend`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from milepost.document import CodeBlock, Document, ListBlock, ListItem, Paragraph, Table
from milepost.extract.heading_markers import label_status
from milepost.extract.legend_meanings import meaning_status
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.sections import strip_decoration
from milepost.vocabulary.status import EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import status_of_word

__all__ = [
    "FoundLegend",
    "config_legend",
    "find_legend",
    "legend_entry",
    "legend_list",
    "legend_table",
    "meaning_status",
]


@cache
def config_legend(statuses: tuple[tuple[str, str], ...]) -> Legend:
    """The config's ``statuses`` table (marker, status name) as a legend."""
    if not statuses:
        return NO_LEGEND
    return Legend.from_markers({marker: Status(name) for marker, name in statuses})


class FoundLegend(NamedTuple):
    """A document's legend, and the entries of every list of its sections' own as
    :func:`legend_entry` judged them while finding it (by ``id`` of the list, the ``id`` of
    each item that is an entry): the walk over the same lists need not judge them again."""

    legend: Legend
    entries: dict[int, frozenset[int]]


def find_legend(document: Document) -> FoundLegend:
    """The document's legend paragraphs (``**Status Legend:** 🟢 Active | 🔴 Blocked``,
    ``Legend: ✅ Done | 🔧 In Progress``), legend tables (``| 🚀 | Released |``) and legend
    lists (``- 🚀 Released`` under "Legend:", ``- 🚀 = Released``) → glyph meanings, wherever
    they are: before the work they explain or after it."""
    glyphs: dict[str, Status] = {}
    entries: dict[int, frozenset[int]] = {}
    for section in document.root.walk():
        above: Paragraph | None = None
        for index, block in enumerate(section.blocks):
            if isinstance(block, Table):
                pairs = legend_table(block) or []
            elif isinstance(block, ListBlock):
                after = section.blocks[index + 1] if index + 1 < len(section.blocks) else None
                labelled = legend_list(section.title, above, block) or _keys_table(block, after)
                found = [(item, legend_entry(item, labelled=labelled)) for item in block.items]
                entries[id(block)] = frozenset(id(item) for item, entry in found if entry)
                pairs = [(entry[0], entry[1]) for _, entry in found if entry and entry[2]]
            elif isinstance(block, Paragraph):
                pairs = _paragraph_pairs(block.inline.text)
            elif isinstance(block, CodeBlock):
                pairs = _code_pairs(document.source.lines[block.start + 1 : block.end - 1])
            else:
                pairs = []
            above = block if isinstance(block, Paragraph) else None
            for glyph, meaning in pairs:
                status = meaning_status(meaning)
                if status is not None:
                    glyphs[glyph] = status
    return FoundLegend(Legend(glyphs) if glyphs else NO_LEGEND, entries)


# What a paragraph or heading over a legend list says: "Legend:", "Key", "How to read this".
_LEGEND_LABEL = re.compile(
    r"(?i)(?:(?:status(?:es)?|symbols?|icons?|emoji|status key)\s+)?(?:legend|key)"
    r"|.*\blegend\b.*|.*\bhow to read\b.*"
)
_LABEL_MAX = 40


def legend_list(title: str, above: Paragraph | None, block: ListBlock | None = None) -> bool:
    """Whether a list is a legend's: the paragraph right above it is a legend's label alone
    ("**Legend:**", "Key:", "**How to read this**"), or its section (``title``) is titled as
    one ("## Legend"), or the list explains its glyphs without a label (:func:`_glossary`).
    A label with glyphs after it ("**Status Legend:** 🟢 Active | 🔴 Blocked") is a legend
    paragraph: the list after it is work."""
    return (
        (above is not None and _legend_label(above.inline.text))
        or _legend_label(strip_decoration(title))  # "## 🔄 Status Legend"
        or (block is not None and (_glossary(block) or _definitions(block, title, above)))
    )


# What a heading or the paragraph over a list says where the list defines statuses: "##
# Roadmap status definition", "you'll see the following values in the `Status` column:".
# (Each is searched for alone, from where the other was found: one pattern with ".*" between
# them backtracked over a paragraph of many "Status:" in quadratic time.)
_STATUS_WORD = lazy_pattern(r"(?i)\b(?:status(?:es)?|states?)\b")
_DEFINING_AFTER = lazy_pattern(
    r"(?i)\b(?:definitions?|defined|means?|meanings?|values|labels|column)\b"
)
_DEFINING_BEFORE = lazy_pattern(r"(?i)\b(?:definitions?|meanings?|values|labels)\b")


def _defines_statuses(said: str) -> bool:
    """Whether ``said`` names statuses and their definitions: a status word, then a defining
    word ("Status values", "the status column"), or a definition word, then a status
    ("Definitions of each status")."""
    if "stat" not in said.lower():
        return False  # both ways name a status: most words over a list name none
    status = _STATUS_WORD.search(said)
    if status is None:
        return False
    if _DEFINING_AFTER.search(said, status.end()) is not None:
        return True
    defining = _DEFINING_BEFORE.search(said)
    return defining is not None and _STATUS_WORD.search(said, defining.end()) is not None


# A definition: a bold name, then ".", ":", "=" or a dash, then what it means.
_DEFINITION = lazy_pattern(r"\s*(?:[.:=—–→]|\s-)\s+\S")


def _definitions(block: ListBlock, title: str, above: Paragraph | None) -> bool:
    """A list that defines statuses under a heading or paragraph that says so ("## Roadmap
    status definition"; "... the following values in the `Status` column:"): each entry a
    bold name, a separator and its meaning ("* **Shipped**. Features now available"), at
    least half of the names a status. "## Key Milestones" over "- **Beta**: search" is work,
    and so is a list under such a heading with a paragraph over it that does not say so."""
    said = above.inline.text if above is not None else title  # the closest words say it
    if not _defines_statuses(said):
        return False
    named = 0
    for item in block.items:
        inline = item.inline
        lead = len(inline.text) - len(inline.text.lstrip())
        strong = next((s for s in inline.strong if s[0] == lead), None)
        if item.task is not None or strong is None:
            return False
        if _DEFINITION.match(inline.text, strong[1]) is None:
            return False
        named += meaning_status(inline.text[strong[0] : strong[1]]) is not None
    return 2 * named >= len(block.items) > 1


def _keys_table(block: ListBlock, after: object) -> bool:
    """A list right over a table that keys its glyphs ("- ⏳ Planning to build" over "|
    Charts | MUI X | ⏳ |"): two or more entries, each a different glyph and what it means,
    most of the meanings a status, and two or more of the table's cells that glyph alone."""
    if not isinstance(after, Table) or len(block.items) < 2:
        return False
    glyphs = set()
    meanings = 0
    for item in block.items:
        text = item.inline.text.strip()
        end = pictograph_at(text) if item.task is None and not item.children else None
        if end is None or not text[end:].strip():
            return False
        glyphs.add(glyph_key(text[:end]))
        meanings += meaning_status(text[end:].strip(" :=-–—")) is not None
    keyed = sum(glyph_key(c.inline.text.strip()) in glyphs for r in after.rows for c in r.cells)
    # most entries say a status ("Work in progress, ...", "Planning to build"): "- ✅ Shipped
    # the new search" over a table of ✅ is work, reported beside it
    said = meanings > 1 and 2 * meanings >= len(block.items)
    return len(glyphs) == len(block.items) and keyed > 1 and said


# A glyph's definition without a label over it: the glyph, then ":" or "=" right after it.
_GLOSS_SEPARATOR = re.compile(r"\s?[:=]\s+")


def _glossary(block: ListBlock) -> bool:
    """A list that says what glyphs mean, with no label over it ("* 📝: The feature is
    currently in progress" under a table of 📝): two or more entries, each a glyph, ":" or
    "=" and its meaning, no glyph twice (work repeats ✅; a legend defines it once), and a
    meaning of them names a status ("- ✅: Search" and "- 🚧: Sync" are work). Entries may
    leave the separator out where the words after the glyph are a status word, whole ("1.
    ❌ Canceled", "2. ⭕️ Done": no work is called "Done"; "🔴 Planning: 2 items", a status
    summary's count after it), and two or more entries say one."""
    first = block.items[0].inline.text.lstrip()[:1] if block.items else ""
    if first.isascii() and first != ":":
        return False  # most lists: words first, no glyph (a ":shortcode:" may be one)
    glyphs: list[str] = []
    statuses = 0
    bare = False  # an entry without a separator
    for item in block.items:
        text = item.inline.text.strip()
        end = pictograph_at(text) if text and item.task is None and not item.children else None
        if end is None:
            return False
        separator = _GLOSS_SEPARATOR.match(text, end)
        if separator is not None:
            meaning = text[separator.end() :]
        else:  # no separator: the words after the glyph are a status, whole
            meaning = text[end:].strip()
            words, colon, count = meaning.partition(":")
            counted = bool(colon) and count.strip()[:1].isdigit()
            if counted:  # "🔴 Planning: 2 items", a status summary's (and its "📝 Total: 9")
                meaning = words.strip()
            said = status_of_word(meaning)
            if len(meaning.split()) > _BARE_WORDS or not (counted or said):
                return False
            default = EMOJI.get(glyph_key(text[:end]))
            if said is not None and default is not None and said is not default:
                return False  # "✅ Testing: 100% green" reports progress, defines nothing
            bare = True
        glyphs.append(glyph_key(text[:end]))
        statuses += meaning_status(meaning) is not None
    return len(glyphs) > 1 and len(set(glyphs)) == len(glyphs) and statuses > bare


# The most words a glossary's entry without a separator may have: "🛠️ In Processing" (a
# status word is fewer; the count spares the look-up of a long line).
_BARE_WORDS = 3


@lru_cache(maxsize=512)  # a section's title is asked again for each of its lists
def _legend_label(label: str) -> bool:
    words = label.strip().strip(" *_:")
    if not words or len(words) > _LABEL_MAX or "|" in words:
        return False
    if _LEGEND_LABEL.fullmatch(words) is None:  # first: most labels are no legend's
        return False
    return not any(pictograph_at(words, at) is not None for at in range(len(words)))


# "✅ Done", "✅ = Done", "🚀: Released", "Now = in flight", "Next — queued": a marker, a
# separator (none after a glyph but a blank), a meaning.
_GLYPH_SEPARATOR = lazy_pattern(r"\s*(?P<sep>=|:|—|–|-|→)?\s*")
_WORD_ENTRY = lazy_pattern(r"(?P<word>[A-Za-z][\w' /&-]{0,24}?)\s*(?P<sep>=|:|—|–|\s-|→|\.)\s+")


def legend_entry(item: ListItem, *, labelled: bool) -> tuple[str, str, bool] | None:
    """A list item as a legend's entry: ``(marker, meaning, is a glyph)``; None for an item
    that is none. In a legend's list (``labelled``) an entry is a glyph or a few words, then
    its meaning ("✅ Done", "Now: in flight"); elsewhere only a definition with "=" is one,
    of a glyph or a status ("✅ = Done", "**Next** = queued after Now")."""
    if item.task is not None or not (labelled or "=" in item.inline.text):
        return None  # outside a legend's list, only a definition with "=" is an entry
    text = item.inline.text.strip()
    end = pictograph_at(text) if text else None
    if end is not None:
        separator = _GLYPH_SEPARATOR.match(text, end)
        assert separator is not None  # everything in it is optional
        meaning = text[separator.end() :]
        if not meaning[:1].isalpha() or not (labelled or separator["sep"] == "="):
            return None
        return glyph_key(text[:end]), meaning, True
    entry = _WORD_ENTRY.match(text)
    if entry is None or not text[entry.end() :].strip():
        return None
    word = entry["word"].strip()
    if labelled or (entry["sep"] == "=" and (status_of_word(word) or label_status(word))):
        return word, text[entry.end() :], False
    return None


def _code_pairs(lines: tuple[str, ...]) -> list[tuple[str, str]]:
    """A legend set in a code block for its layout, its label on its first line ("Legend:"
    over "🟢 Completed    🟡 In Progress"): read as a legend paragraph; other code is none."""
    if not lines or len(lines) > 8 or not _CODE_LABEL.match(lines[0].strip()):
        return []
    return _paragraph_pairs(" ".join(line.strip() for line in lines))


# The label opening a legend's code block: "Legend:", "Status legend", "Key:".
_CODE_LABEL = lazy_pattern(r"(?i)(?:status\s+)?(?:legend|key)\b.{0,24}$")


def _paragraph_pairs(text: str) -> list[tuple[str, str]]:
    """A legend paragraph's ``(glyph, meaning)`` pairs: milepost's own glyphs in one that
    says "legend" or has pipes, any glyph in one that is all definitions
    (:func:`_defined_line`)."""
    pairs: list[tuple[str, str]] = []
    if "legend" in text.lower() or text.count("|") > 1:
        pairs = _pairs(text)
    if "|" in text or ":" in text[: _LABEL_MAX + 1]:
        pairs += _defined_line(text)
    return pairs


# What separates the definitions of a one-line legend: "✅ Done | 🔧 In Progress", "..., ...".
_LINE_SEPARATOR = re.compile(r"\s*[|,;·•]\s*")


def _defined_line(text: str) -> list[tuple[str, str]]:
    """A paragraph that is nothing but definitions, after a legend's label or none ("Legend:
    ✅ Done | 🔧 In Progress | 🔷 Planned", "**Status key:** ✅ Done, 🔧 In Progress"): two or
    more, each a glyph (any pictograph), a separator or none, and its meaning. A glyph in
    running prose defines nothing: one part that is no definition, and none is read."""
    label, colon, rest = text.partition(":")
    body = rest if colon and _legend_label(label) else text
    parts = _LINE_SEPARATOR.split(body.strip().strip("|").strip())
    if len(parts) < 2:
        return []
    pairs: list[tuple[str, str]] = []
    for part in parts:
        end = pictograph_at(part) if part else None
        if end is None:
            return []
        separator = _GLYPH_SEPARATOR.match(part, end)
        assert separator is not None  # everything in it is optional
        meaning = part[separator.end() :].strip(" .")
        if not meaning[:1].isalpha():
            return []
        pairs.append((glyph_key(part[:end]), meaning))
    return pairs


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
    meaning in the other (``| 🚀 | Released |``): its ``(glyph, meaning)`` pairs, else None;
    or one laid across, statuses in its header over a row of glyphs (:func:`_legend_row`).

    Its header names it a legend (Symbol, Icon, Emoji, ... or Meaning), else each of its
    meanings is a status: a glyph column beside pieces of work (``| ✅ | Search |``) is a
    roadmap's table, not a legend.
    """
    header = [h.lower().strip(" *_:") for h in table.header()]
    if len(header) > 2 and len(table.rows) == 1:
        return _legend_row(table)
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


def _legend_row(table: Table) -> list[tuple[str, str]] | None:
    """A legend laid across: statuses in the header, each glyph alone under its status (``|
    Completed | In Progress | On Hold |`` over ``| ✔ | ✏️ | ❗️ |``); its pairs, else None."""
    meanings = [h.strip(" *_:") for h in table.header()]
    glyphs = [_lone_glyph(c.inline.text.strip()) for c in table.rows[0].cells]
    if len(glyphs) != len(meanings) or any(g is None for g in glyphs):
        return None
    if any(meaning_status(meaning) is None for meaning in meanings):
        return None
    return [(glyph, meaning) for glyph, meaning in zip(glyphs, meanings, strict=True) if glyph]


def _lone_glyph(text: str) -> str | None:
    """The glyph ``text`` is, alone (any pictograph or ``:shortcode:``), as a legend keys it."""
    end = pictograph_at(text) if text else None
    return glyph_key(text) if end is not None and end == len(text) else None
