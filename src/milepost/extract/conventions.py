"""How a document writes its statuses throughout, judged once before its items are read:
whether it strikes its finished work through ("- ~~Search~~", "<del>Search</del>", "##
~~CLI~~"), so that a struck item with no other marker reads done; whether it ends headings
with statuses in code spans; whether a bare ❌ in a Status cell says dropped work. And how a
list writes its items: whether the glyphs that lead them decorate them (:func:`decorates`)."""

from __future__ import annotations

import re
from itertools import islice

from milepost.document import Block, Document, Inline, ListBlock, ListItem, Table, descendants
from milepost.extract.ending_marks import ends_checked
from milepost.extract.heading_markers import code_status
from milepost.extract.heading_words import label_status, struck_name
from milepost.extract.item_fields import is_field, item_fields, sub_items
from milepost.extract.markers import item_marker
from milepost.extract.table_columns import struck_title
from milepost.extract.table_rows import row_badge
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import Legend, glyph_key
from milepost.vocabulary.status import (
    ASCII_GLYPH_FIRST,
    CROSSES,
    EMOJI,
    Status,
    decorations_end,
    emoji_at,
    pictograph_at,
)
from milepost.vocabulary.status_words import status_of_word

__all__ = [
    "checks_ends",
    "codes_statuses",
    "cross_drops",
    "cross_would_drop",
    "crosses",
    "crosses_pending",
    "decorates",
    "decorations_only",
    "strikes_done",
    "struck_end",
    "struck_item",
]

# A release number after struck work, the one it shipped in: "2.0.0", "v4.10".
_RELEASE = lazy_pattern(r"v?\d+(?:\.\d+)+(?![\w.])")
# An HTML tag that may strike text through ("<del>", "<s>", "<strike>"), looked for before the
# items are read for a strikethrough.
_STRIKE_TAG = lazy_pattern(r"(?i)<(?:del|s|strike)\b")


def struck_item(inline: Inline) -> bool:
    """Whether an item is struck through whole, or all of it but what follows: a link to
    where the work is (``<del>Define the method</del> [Here](../plan.md)``), or glyphs of no
    status and the release it shipped in (``~~Edit control.~~ :sparkles: :bookmark:3.0.0``)."""
    return struck_end(inline) >= 0


def struck_end(inline: Inline) -> int:
    """Where the struck words of an item :func:`struck_item` reads end in its text (its
    length where all of it is struck); -1 where it is not struck so."""
    text = inline.text
    if inline.is_struck():  # a glyph after the words is no part of them: "~~Search~~ ✨"
        end = inline.strike[-1][1]
        return end if decorations_only(text, end) else len(text)
    if not inline.strike:
        return -1
    end = inline.strike[-1][1]
    link = inline.links[-1] if inline.links else None
    if link is not None and not link.image and link.start >= end and not text[link.end :].strip():
        return link.start if _covered(inline, link.start) else -1
    return end if _covered(inline, end) and decorations_only(text, end) else -1


def _covered(inline: Inline, end: int) -> bool:
    """Whether the strikethrough covers an item's words up to ``end`` (edge blanks aside),
    as :meth:`Inline.is_struck` asks of all of them."""
    body = inline.text[:end].strip()
    return bool(body) and sum(b - a for a, b in inline.strike) >= len(body) - 2


def decorations_only(text: str, pos: int = 0) -> bool:
    """Whether ``text`` from ``pos`` holds glyphs of no status and release numbers, and no
    more: what a document may put after the work it strikes when finished (":sparkles:
    :bookmark:3.0.0", "✨ 4.4.0"; not "✅", which is a marker, nor words)."""
    found = False
    while True:
        while text[pos : pos + 1] in (" ", "\t"):
            pos += 1
        if pos == len(text):
            return found
        known = emoji_at(text, pos)
        if known is not None and EMOJI.get(known[0]) is not None:
            return False
        end = known[1] if known is not None else pictograph_at(text, pos)
        if end is None:
            release = _RELEASE.match(text, pos)
            if release is None:
                return False
            end = release.end()
        pos, found = end, True


def strikes_done(document: Document, legend: Legend) -> bool:
    """Strikethrough means done only where the document's finished items are struck: its
    struck items carry done markers ("- [x] ~~Search~~"), or they carry none and are
    crossed off a list of work that says "done" no other way: two or more are struck
    (items, table rows struck through whole, or headings below the title: "## ~~CLI~~"),
    no item of the document is marked done (one marked dropped, "NaN boxing (cancelled)",
    says that striking is not how the document drops work), some items, rows (or headings)
    are not struck where others are, and no heading says dropped (where "~~Docker
    support~~" may be work given up)."""
    text = document.source.text
    if "~" not in text and _STRIKE_TAG.search(text) is None:
        return False  # no strikethrough without "~~" or "<del>": skip the walk over every item
    struck_done = struck_plain = plain = 0
    said_otherwise = False  # an item marked done, not struck
    items = _iter_items(document.blocks)
    fields = {id(sub) for item in items for sub in sub_items(item.children) if is_field(sub)}
    for block in items:
        if id(block) in fields:
            continue  # "Status: **DONE**" under "~~Draft policy docs~~": its item's field
        inline = block.inline
        marker = item_marker(inline, block.task, legend)
        said = item_fields(block.children, legend, None) if marker is None else None
        if said is not None:
            marker = said.marker  # "~~Draft policy docs~~" over "Status: **DONE**"
        if struck_item(inline):
            if marker is None:
                struck_plain += 1
                continue
            if marker.status is not Status.DONE:
                return False
            struck_done += 1
        elif marker is not None and marker.status is Status.DONE:
            said_otherwise = True
        else:
            plain += 1
    for table in descendants(document.blocks):  # "| ~~**Resize**~~ | ~~By width~~ |"
        if isinstance(table, Table):
            for row in table.rows:
                cells = [cell.inline for cell in row.cells if cell.inline.text.strip()]
                struck = sum(cell.is_struck() for cell in cells)
                if cells and struck == len(cells):
                    struck_plain += 1  # a row struck through whole
                elif not struck:
                    plain += 1  # (one struck in part, "| ~~v1/users~~ | v2/users |", neither)
    # deliverables named by headings, struck when finished ("## ~~CLI~~" under "# V1")
    struck_headings = plain_headings = 0
    for heading in document.headings:
        if heading.level > 1:
            if struck_name(heading.inline):
                struck_headings += 1
            else:
                plain_headings += 1
    if struck_done or _struck_rows_done(document, legend):
        return True
    if struck_plain + struck_headings < 2 or said_otherwise:
        return False  # one struck item is no convention: "- ~~b~~" may be anything
    if not (struck_plain and plain) and not (struck_headings and plain_headings):
        return False  # all of them struck: a list of anything
    return not any(
        Status.DROPPED in (label_status(s.title), status_of_word(s.title))
        for s in document.root.walk()
    )


def _struck_rows_done(document: Document, legend: Legend) -> bool:
    """Whether a table row whose task is struck carries a badge saying done ("| ~~author
    RFC~~ | | ![Complete][] |"): the document strikes its finished tasks."""
    for table in descendants(document.blocks):
        if isinstance(table, Table):
            for row in table.rows:
                badge = row_badge(row, legend)
                if badge is not None and badge.status is Status.DONE and struck_title(table, row):
                    return True
    return False


def _iter_items(blocks: list[Block]) -> list[ListItem]:
    return [b for b in descendants(blocks) if isinstance(b, ListItem)]


def codes_statuses(document: Document, legend: Legend) -> bool:
    """Whether the document writes statuses in code spans that end its headings (``### M1 —
    Bootstrap `done```): three or more of them do ("### Rename `wip`" alone is a name)."""
    if "`" not in document.source.text:
        return False
    coded = (h for h in document.headings if code_status(h.inline, legend))
    return next(islice(coded, 2, None), None) is not None


# A cross said to mean dropped work: "❌ Cancelled", "❌ - feature has been refused", ":x:
# Dropped", after the name it marks and a colon too: "❌ **3D charts**: Out of scope".
_CROSS_DROPPED = lazy_pattern(
    rf"(?i)(?:{'|'.join(map(re.escape, CROSSES))})\ufe0f?"
    r"(?:[\s*_:(-]*|[^\n:]{1,80}?:[\s*_]*)"
    r"(?:dropped|cancell?ed|won'?t|abandoned|descoped|rejected|refused|out of scope)"
)


def cross_drops(text: str, legend: Legend) -> bool:
    """Whether a bare ❌ (in a Status cell, or leading a list item) means dropped work: the
    legend defines it, the document says so beside one ("❌ Cancelled"), or it is a track
    roadmap of the template's shape (:func:`cross_would_drop`); elsewhere crosses
    say yes and no beside ticks ("| Bluetooth | ✅ |", "| Camera | ❌ |": not working yet,
    nothing was dropped), and so do those of a list ("- ✅ Builds", "- ❌ Tests need a
    server"). A document without a cross has none to read otherwise."""
    return not crosses(text) or cross_would_drop(text, legend)


def crosses_pending(document: Document) -> bool:
    """Whether the crosses leading list items are work not started: the document leads its
    items with crosses and with glyphs of work under way too, two at least ("1. ✅ DNS", "2.
    🔄 Loki", "3. ❌ Rundeck", "4. 🔄 Traefik"), states of work; where no legend or word
    makes a cross dropped (:func:`cross_drops`), a cross among them is no "no" but "not
    yet" (one "- 🚧 What was left pending?" among a list of don'ts is no such state). Lists
    in code are none: they are no blocks."""
    under_way = crossed = 0
    for block in descendants(document.blocks):
        if not isinstance(block, ListItem):
            continue
        found = emoji_at(block.inline.text.lstrip())
        if found is None:
            continue
        if found[0] in _UNDER_WAY:
            under_way += 1
        elif found[0] == "❌":
            crossed += 1
        if under_way > 1 and crossed:
            return True
    return False


# The glyphs of work under way that make crosses "not yet" among them.
_UNDER_WAY = frozenset({"🚧", "🔄", "🏗"})


def crosses(text: str) -> int:
    """How many crosses ``text`` holds, as written: ❌ or a shortcode (``:x:``)."""
    return sum(text.count(cross) for cross in CROSSES)


def cross_would_drop(text: str, legend: Legend) -> bool:
    """Whether a bare ❌ that an edit adds to ``text`` says dropped there, as
    :func:`cross_drops` reads the document then: the legend or the document's words say a
    cross is dropped work, or the document is a track roadmap of the template's shape (a
    "Current Focus" or "Completed Milestones" part), whose vocabulary makes ❌ dropped.
    Elsewhere an edit marks dropped work 🚫."""
    return (
        legend.glyph("❌") is not None
        or _CROSS_DROPPED.search(text) is not None
        or _TEMPLATE_PART.search(text) is not None
    )


# A part of the track roadmap template, as a heading: "## 🎯 Current Focus", "## Completed
# Milestones".
_TEMPLATE_PART = lazy_pattern(
    r"(?im)^[ \t]{0,3}#{1,6}[ \t]+(?:[^\w\s]+[ \t]*)?(?:current focus|completed milestones)\b"
)


# The first characters of the status glyphs: an item led by one says a status, most often.
_STATUS_FIRST = frozenset(glyph[0] for glyph in EMOJI)


def checks_ends(block: ListBlock, legend: Legend) -> bool:
    """Whether a list ends any of its items with a check ("- **M2.3**: Models integrated
    (Week 10) ✅"): there a glyph of work under way ending another says its status too."""
    return any(ends_checked(item.inline.text.rstrip(), legend) for item in block.items)


def decorates(block: ListBlock, legend: Legend) -> bool:
    """Whether the glyphs leading a list's items decorate them: more items are led by glyphs
    of no status than by a status glyph, and those differ ("- 📝 Boilerplate", "- 🚨
    Migration nightmares", "- 🔄 Different APIs": the 🔄 among them says no status either;
    one glyph repeated, "⚠️" or "㉔", may be the document's own mark)."""
    items = block.items
    if len(items) < 3:
        return False  # three different glyphs of no status, at the least
    plain: list[str] = []
    said = 0
    for item in items:
        text = item.inline.text
        first = text[:1]
        if (first.isascii() and first not in ASCII_GLYPH_FIRST) or item.task is not None:
            continue  # most items: a word or a box first (":memo:" is a glyph)
        end = pictograph_at(text)
        if end is None:
            continue
        after = 0 if first in _STATUS_FIRST else decorations_end(text)
        if emoji_at(text, after) is not None or legend.glyph(glyph_key(text[:end])) is not None:
            said += 1
            if 2 * said >= len(items):
                return False  # glyphs of no status can no longer be more
        elif after:
            plain.append(glyph_key(text[:end]))
    return len(plain) > said and len(set(plain)) >= max(3, len(plain) // 2 + 1)
