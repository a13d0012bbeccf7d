"""Legends: the config's ``statuses`` table and the document's own legend, a paragraph
(``**Status Legend:** 🟢 Active | 🔴 Blocked``) or a table of symbols and their meanings
(``| 🚀 | Released |``) or a list, read as a :class:`.Legend` (the type is vocabulary, in
:mod:`milepost.vocabulary.legend`); the pairs a paragraph or table writes out are read in
:mod:`.legend_pairs`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import NamedTuple

from milepost.document import (
    Block,
    BlockQuote,
    CodeBlock,
    Document,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
)
from milepost.extract.glyph_pairs import field_glyphs, paired_glyphs
from milepost.extract.heading_words import label_status
from milepost.extract.legend_meanings import meaning_status
from milepost.extract.legend_pairs import (
    GLYPH_SEPARATOR,
    box_pairs,
    code_lines,
    code_pairs,
    definition,
    legend_label,
    legend_table,
    line_pairs,
    paragraph_pairs,
)
from milepost.extract.marker import TASK_BOXES
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import NO_LEGEND, Legend, box_key, glyph_key, word_key
from milepost.vocabulary.sections import strip_decoration
from milepost.vocabulary.status import ASCII_GLYPH_FIRST, EMOJI, Status, pictograph_at
from milepost.vocabulary.status_words import said_weakly, status_of_word

__all__ = [
    "FoundLegend",
    "config_legend",
    "find_legend",
    "legend_entry",
    "legend_list",
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
    they are: before the work they explain or after it, in a block quote or not. The first
    to define a glyph keeps it: a legend comes before the rows that use its glyphs ("|
    3.0.0 | 📋 Under consideration |" does not redefine the legend's "📋 Backlog")."""
    glyphs: dict[str, Status] = {}
    words: dict[str, Status] = {}  # codes in capitals: "C - Complete" over "D - Doing"
    bare: Status | None = None  # what a plain bullet means, where the legend says
    entries: dict[int, frozenset[int]] = {}
    for section in document.root.walk():
        above: Paragraph | None = None
        blocks = section.blocks
        if any(isinstance(block, BlockQuote) for block in blocks):  # most sections hold none
            blocks = list(_unquoted(blocks))
        run: list[tuple[str, str]] = []  # definitions a paragraph each: "✅ done", "⚒️ WIP"
        own = False  # whether one of them is a glyph of milepost's in its own meaning
        told = 0  # how many of them the pairs hold
        for index, block in enumerate(blocks):
            alone = _alone(block)
            if alone is None:
                run, own, told = [], False, 0
            else:
                run.append(alone[:2])
                own = own or EMOJI.get(alone[0]) is alone[2]
            if isinstance(block, Table):
                pairs = legend_table(block) or []
            elif isinstance(block, ListBlock):
                after = blocks[index + 1] if index + 1 < len(blocks) else None
                labelled = legend_list(section.title, above, block) or _keys_table(block, after)
                found = [(item, legend_entry(item, labelled=labelled)) for item in block.items]
                entries[id(block)] = frozenset(id(item) for item, entry in found if entry)
                pairs = [(entry[0], entry[1]) for _, entry in found if entry and entry[2]]
            elif isinstance(block, Paragraph):
                text = block.inline.text
                pairs = paragraph_pairs(text)
                if text[:1] == "[" and legend_list(section.title, above):
                    # "# Legend" over "[] - not Started" and "[*] - in Progress", a line each
                    pairs += box_pairs(document.source.lines[block.start : block.end])
                if block.end - block.start > 1 and (
                    not text.isascii() or _SHORTCODE_LINE.search(text) is not None
                ):  # a legend on a line, its glyphs emoji or shortcodes (":scroll: - Future")
                    pairs += line_pairs(document.source.lines[block.start : block.end])
                if block.end - block.start > 1 and text[:1].isupper():
                    for code, said in _codes(document.source.lines[block.start : block.end]):
                        words.setdefault(code, said)  # the first to define it keeps it
            elif isinstance(block, CodeBlock):
                pairs = code_pairs(document.source.lines[block.start + 1 : block.end - 1])
            else:
                pairs = []
            if own and len(run) > 1:
                # two or more, one a glyph of milepost's in its own meaning ("✅ done"): a
                # legend, not a page's lines ("🎉 Shipped!" over "🚀 Coming soon")
                pairs += run[told:]
                told = len(run)
            above = block if isinstance(block, Paragraph) else None
            for glyph, meaning in pairs:
                status = meaning_status(meaning)
                if status is not None and not glyph:
                    bare = bare or status  # "| bullet | work not started |"
                elif status is not None:
                    glyphs.setdefault(glyph, status)
    text = document.source.text
    for glyph, status in paired_glyphs(text).items():
        glyphs.setdefault(glyph, status)  # "| ⏳ Ausstehend |" throughout: ⏳ is planned
    for glyph, status in field_glyphs(text).items():
        glyphs.setdefault(glyph, status)  # "**Status: 📝 Planejado**" throughout
    legend = Legend(glyphs, words, bare) if glyphs or words or bare is not None else NO_LEGEND
    return FoundLegend(legend, entries)


def _alone(block: Block) -> tuple[str, str, Status] | None:
    """A paragraph that is one definition and no more, a line of a glyph and a status
    ("✅ done"): with the like paragraphs beside it, a legend ("⚒️ WIP" below it). Its
    glyph, meaning and the status that says."""
    if not isinstance(block, Paragraph) or block.end - block.start != 1:
        return None
    pair = definition(block.inline.text.strip())
    status = meaning_status(pair[1]) if pair is not None else None
    return None if pair is None or status is None else (*pair, status)


def _codes(lines: Sequence[str]) -> list[tuple[str, Status]]:
    """The codes a paragraph defines, a line each, where two or more stand for the status
    their meaning says, each letter an initial of its words ("C - Complete", "NW - Not
    working on yet"); not a summary of parts' statuses ("UI: Complete", "DB: Planned")."""
    said = [
        (word_key(code), status)
        for code, meaning in code_lines(lines)
        if (status := meaning_status(meaning)) is not None and _abbreviates(code, meaning)
    ]
    return said if len(said) > 1 else []


def _abbreviates(code: str, meaning: str) -> bool:
    """Whether each letter of ``code`` opens a word of ``meaning`` (its words its runs of
    letters: "In-progress" is two, "**Complete**" one)."""
    initials = {word[0] for word in _LETTERS.findall(meaning.lower())}
    return all(letter in initials for letter in code.lower())


_LETTERS = lazy_pattern(r"[^\W\d_]+")


# A line of a paragraph that opens with a shortcode: ":scroll: - Future".
_SHORTCODE_LINE = lazy_pattern(r"(?:^|\s):[a-z0-9_+-]+:\s")


def _unquoted(blocks: list[Block]) -> Iterator[Block]:
    """``blocks`` in order, those of a block quote in its place ("> Status legend: ✅ ...")."""
    for block in blocks:
        if isinstance(block, BlockQuote):
            yield from _unquoted(block.children)
        else:
            yield block


def legend_list(title: str, above: Paragraph | None, block: ListBlock | None = None) -> bool:
    """Whether a list is a legend's: the paragraph right above it is a legend's label alone
    ("**Legend:**", "Key:", "**How to read this**"), or its section (``title``) is titled as
    one ("## Legend"), or the list explains its glyphs without a label (:func:`_glossary`).
    A label with glyphs after it ("**Status Legend:** 🟢 Active | 🔴 Blocked") is a legend
    paragraph: the list after it is work."""
    return (
        (above is not None and legend_label(above.inline.text))
        or legend_label(strip_decoration(title))  # "## 🔄 Status Legend"
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
    if first.isascii() and first not in ASCII_GLYPH_FIRST:
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
            counted = bool(colon) and count.strip().lstrip("~≈")[:1].isdigit()  # "~65" too
            if counted:  # "🔴 Planning: 2 items", a status summary's (and its "📝 Total: 9")
                meaning = words.strip()
            said = status_of_word(meaning)
            if len(meaning.split()) > _BARE_WORDS or not (counted or said):
                return False
            default = EMOJI.get(glyph_key(text[:end]))
            if said is not None and default not in (None, said) and said_weakly(meaning):
                # "✅ Testing: 100% green" reports progress, defines nothing; "❌ Not started"
                # (a status no work is named) gives the cross its meaning
                return False
            bare = True
        glyphs.append(glyph_key(text[:end]))
        statuses += meaning_status(meaning) is not None
    return len(glyphs) > 1 and len(set(glyphs)) == len(glyphs) and statuses > bare


# The most words a glossary's entry without a separator may have: "🛠️ In Processing" (a
# status word is fewer; the count spares the look-up of a long line).
_BARE_WORDS = 3


# "Now = in flight", "Next — queued", "Shipped: out": a few words, a separator, a meaning.
_WORD_ENTRY = lazy_pattern(r"(?P<word>[A-Za-z][\w' /&-]{0,24}?)\s*(?P<sep>=|:|—|–|\s-|→|\.)\s+")


def _ending_glyph(text: str) -> int | None:
    """Where the one glyph that ends ``text`` after a blank starts ("... implemented ✅")."""
    at = text.rfind(" ") + 1
    return at if at and pictograph_at(text, at) == len(text) else None


def legend_entry(item: ListItem, *, labelled: bool) -> tuple[str, str, bool] | None:
    """A list item as a legend's entry: ``(marker, meaning, is a glyph)``; None for an item
    that is none. In a legend's list (``labelled``) an entry is a glyph or a few words, then
    its meaning ("✅ Done", "Now: in flight"); elsewhere only a definition with "=" is one,
    of a glyph or a status ("✅ = Done", "**Next** = queued after Now")."""
    text = item.inline.text.strip()
    if item.task is not None:
        # "- [x] Implemented" under "## Legend": what a ticked box means, no work; a box
        # is read as its list's, whatever the legend says of it
        said = labelled and not item.children and meaning_status(text) is not None
        return ("[x]" if item.task else "[ ]", text, False) if said else None
    if not (labelled or "=" in text):
        return None  # outside a legend's list, only a definition with "=" is an entry
    end = pictograph_at(text) if text else None
    if end is None and (box_key(text) is not None or text[:3] in TASK_BOXES):
        end = 3  # "- `[/]` In progress": a box of the list's own kind, or its ticked box
    if end is not None:
        separator = GLYPH_SEPARATOR.match(text, end)
        assert separator is not None  # everything in it is optional
        meaning = text[separator.end() :]
        if not meaning[:1].isalpha() or not (labelled or separator["sep"] == "="):
            return None
        return glyph_key(text[:end]) if text[0] != "[" else text[:3], meaning, True
    if labelled and (glyph := _ending_glyph(text)) is not None:
        # "Indicates fully implemented ✅": the meaning, then its glyph
        meaning = text[:glyph].rstrip(" -–—:=")
        if meaning[:1].isalpha() and meaning_status(meaning) is not None:
            return glyph_key(text[glyph:].rstrip()), meaning, True
    entry = _WORD_ENTRY.match(text)
    if entry is None or not text[entry.end() :].strip():
        return None
    word = entry["word"].strip()
    if labelled or (entry["sep"] == "=" and (status_of_word(word) or label_status(word))):
        return word, text[entry.end() :], False
    return None
