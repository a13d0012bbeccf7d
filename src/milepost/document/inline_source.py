"""A line of Markdown read as the parser reads it, each character of its text mapped back to
where it is written.

The extractor reads an item's plain text ("X - Done" of ``X - [Done](https://…)``); an edit
that changes what the extractor read must change the bytes that say it, markup and all. The
positions come from the parser's own events (pulldown-cmark through pyromark), never from a
second reading of the syntax.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import pyromark

from milepost.document.parser import OPTIONS
from milepost.lazy import lazy_pattern

__all__ = ["InlineSource", "read_inline"]

# Read after a word and a space, the text is a paragraph's whatever it starts with ("- ",
# "# ", "1. " or four spaces would open a block), and its first character is still preceded
# by a space, as at the start of a line: "_Done_" is emphasis either way.
_LEAD = "x "
_SURROGATE = lazy_pattern("[\ud800-\udfff]")


class InlineSource(NamedTuple):
    """The text a reader sees (emphasis markers, link targets and code fences gone, entities
    and escapes read), and where each of its characters is written in the Markdown.

    ``marks`` are the constructs in the text: ``(text start, text end, written start,
    written end)`` of each emphasis, strikethrough, link, image and code span; a piece of
    inline HTML is a mark with no text of its own.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    marks: tuple[tuple[int, int, int, int], ...]

    def written(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``text[start:end]`` is written: from its first character to its last, taken
        over the markup of every construct whose text it holds whole (``[Done](url)``,
        ``_Done_``, `` `done` ``). None where it holds part of a construct's text and not the
        rest, or holds inline HTML between its characters: no run of the Markdown says exactly
        that text. HTML just before or after it is no part of it."""
        if not 0 <= start < end <= len(self.text):
            return None
        first, last = self.starts[start], self.ends[end - 1]
        for text_start, text_end, written_start, written_end in self.marks:
            if text_start == text_end:  # inline HTML: which tag closes which is not read
                if start < text_start < end:
                    return None
            elif start <= text_start and text_end <= end:
                first, last = min(first, written_start), max(last, written_end)
            elif (
                text_start < end and start < text_end and not text_start <= start < end <= text_end
            ):
                return None  # it cuts through the construct
        return first, last


def read_inline(markdown: str) -> InlineSource:
    """``markdown`` (one line, or the end of one) read as the inline content of a paragraph."""
    source = _LEAD + _SURROGATE.sub("\ufffd", markdown)  # as the parser reads lone surrogates
    offset = _char_offsets(source)
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    marks: list[tuple[int, int, int, int]] = []
    opened: list[tuple[int, int, int]] = []
    events: Iterable[tuple[Any, Any]] = pyromark.events_with_range(source, options=OPTIONS)
    for event, rng in events:
        first, last = offset(rng["start"]), offset(rng["end"])
        if type(event) is str:  # a break (none in one line): a space, as in the model
            parts.append(" ")
            starts.append(first)
            ends.append(last)
            continue
        ((key, value),) = event.items()
        if key == "Text" or key == "Code":
            at = len(starts)
            inner = source.find(value, first, last) if value else -1
            if key == "Text" and source[first:last] != value:
                inner = -1  # an entity or an escape: each character is the whole of it
            for index in range(len(value)):
                starts.append(inner + index if inner >= 0 else first)
                ends.append(inner + index + 1 if inner >= 0 else last)
            parts.append(value)
            if key == "Code":
                marks.append((at, len(starts), first, last))
        elif key == "InlineHtml":
            marks.append((len(starts), len(starts), first, last))
        elif key == "Start" and value != "Paragraph":
            opened.append((len(starts), first, last))
        elif key == "End" and value != "Paragraph" and opened:
            at, first, last = opened.pop()
            marks.append((at, len(starts), first, last))
    text = "".join(parts)
    lead = len(_LEAD)
    if not text.startswith(_LEAD):  # not read as one paragraph: nothing is mapped
        return InlineSource("", (), (), ())
    return InlineSource(
        text[lead:],
        tuple(at - lead for at in starts[lead:]),
        tuple(at - lead for at in ends[lead:]),
        tuple((a - lead, b - lead, c - lead, d - lead) for a, b, c, d in marks),
    )


def _char_offsets(text: str) -> Callable[[int], int]:
    """Byte offsets into ``text``'s UTF-8 → character offsets."""
    if text.isascii():
        return int
    table: list[int] = []
    for index, char in enumerate(text):
        table.extend([index] * len(char.encode("utf-8")))
    table.append(len(text))
    return table.__getitem__
