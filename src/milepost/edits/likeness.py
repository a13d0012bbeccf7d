"""A new item written like one already there: the markers before its title as that item's
are written (its emoji, bold or plain label, a leading field: "📋 **Planned**: ", "Planned:
") and the status tag after it (" - Status: Planned", " (planned)"), taken from the Markdown
of its line, so that ``plan`` adds a line that reads like its neighbours.

Only the markers are copied, never markup that belongs to the title: the opening half of
bold, a link or a strikethrough around it ("**📋 Search**", "[📋 Search](…)") would stay
open on the new line; a struck run or an HTML tag before it is left out. A struck item
("~~📋 Search~~ (planned)") is work written off, no form for new work (:func:`struck`)."""

from __future__ import annotations

from typing import NamedTuple

from milepost.document import InlineSource, read_inline
from milepost.edits.lines import item_parts, split_line_ending
from milepost.extract.trailing_tags import trailing_tag
from milepost.model import Item
from milepost.vocabulary.legend import Legend

__all__ = ["Likeness", "likeness", "struck"]

# What opens a tag before its words: the blank and the dash or bracket ("Search - Status:").
_OPENING = " \t-–—(["

# A construct's place in an InlineSource: text start, text end, written start, written end.
_Mark = tuple[int, int, int, int]


class Likeness(NamedTuple):
    """The Markdown before an item's title, after its bullet and box, and its status tag."""

    before: str
    tag: str


def likeness(line: str, item: Item, legend: Legend) -> Likeness | None:
    """How ``item`` (a list item, its first line ``line``) is marked around its title; None
    where its title is not one run of its Markdown (markup holding it and more), or is
    struck through."""
    parts = item_parts(split_line_ending(line)[0])
    if parts is None or not item.title:
        return None
    rest = parts[2]
    reading = read_inline(rest)
    at = reading.text.find(item.title)
    end = at + len(item.title)
    written = reading.written(at, end) if at >= 0 else None
    if written is None or _struck_at(reading, rest, at, end):
        return None
    before = _markers(reading, rest, written[0])
    tag = trailing_tag(reading.text, legend)
    if tag is None or tag.start < end:
        return Likeness(before, "")
    cut = tag.start
    while cut > end and reading.text[cut - 1] in _OPENING:
        cut -= 1
    said = reading.written(cut, tag.end)
    if said is None:
        return None
    return Likeness(before, rest[said[0] : said[1]])


def struck(line: str, item: Item) -> bool:
    """Whether ``item``'s title is struck through on its first line ``line`` ("- ~~📋
    Search~~ (planned)", "| ~~Search~~ | 📋 |"): dropped work, whatever its tag says."""
    body = split_line_ending(line)[0]
    reading = read_inline(body)
    at = reading.text.find(item.title) if item.title else -1
    return at >= 0 and _struck_at(reading, body, at, at + len(item.title))


def _struck_at(reading: InlineSource, markdown: str, start: int, end: int) -> bool:
    """Whether a strikethrough in ``markdown`` (read as ``reading``) holds all of the text
    from ``start`` to ``end``."""
    return any(
        a <= start and end <= b and markdown.startswith("~", first)
        for a, b, first, _ in reading.marks
        if a < b
    )


def _markers(reading: InlineSource, markdown: str, title_at: int) -> str:
    """``markdown`` before the title (written from ``title_at``), less what would be unclosed
    or struck on a new line: the opening half of each construct around the title (bold,
    a link, a strikethrough: its closing half is after the title, not copied), each HTML tag
    (which one it closes is not read), and a strikethrough before it (its text kept)."""
    drop: set[int] = set()
    for mark in reading.marks:
        text_start, text_end, first, last = mark
        if first >= title_at:
            continue
        if text_start == text_end:  # an HTML tag
            drop.update(range(first, min(last, title_at)))
        elif last > title_at:  # around the title
            drop.update(range(*_opening(reading, mark)))
        elif markdown.startswith("~", first):
            drop.update(range(*_opening(reading, mark)), range(*_closing(reading, mark)))
    return "".join(c for index, c in enumerate(markdown[:title_at]) if index not in drop)


def _opening(reading: InlineSource, mark: _Mark) -> tuple[int, int]:
    """Where the markup that opens ``mark`` is written ("~~", "**", "[", "`"): up to its
    first character of text or the first construct inside it."""
    text_start, text_end, first, last = mark
    inner = [reading.starts[text_start]] if text_start < text_end else []
    inner += [m[2] for m in reading.marks if first < m[2] < last]
    return first, min(inner, default=last)


def _closing(reading: InlineSource, mark: _Mark) -> tuple[int, int]:
    """Where the markup that closes ``mark`` is written ("~~", "**", "](url)", "`"): from
    after its last character of text or the last construct inside it."""
    text_start, text_end, first, last = mark
    inner = [reading.ends[text_end - 1]] if text_start < text_end else []
    inner += [m[3] for m in reading.marks if first < m[3] < last]
    return max(inner, default=first), last
