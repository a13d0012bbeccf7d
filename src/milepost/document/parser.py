"""The one module that knows the Markdown parser: pulldown-cmark events → block tree.

We use pyromark (Python bindings of the Rust pulldown-cmark): it is CommonMark-compliant, gives
a UTF-8 byte range on every event, and parses many times faster than markdown-it-py (figures
and fidelity checks in docs/parser.md). Byte ranges are turned into line numbers once, through
a table of line starts, so every node knows its exact lines. Swapping the parser means
rewriting this module and the event handlers of :mod:`.block_builder`.

Here the front matter is set aside and pyromark is called (the only call); its events become
the tree in :mod:`.block_builder`, with :mod:`.inline_builder` for text and
:mod:`.line_table` for lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyromark

from milepost.collector import gc_paused
from milepost.document.block_builder import BlockBuilder
from milepost.document.line_table import line_starts
from milepost.document.nodes import Block, FrontMatter, Heading
from milepost.lazy import lazy_pattern

__all__ = ["parse_blocks"]

_O = pyromark.Options
# Front matter is found here, not by pulldown-cmark: its metadata option also takes any
# "---" line followed by text and a later "---" in the middle of a document (docs/parser.md).
OPTIONS = _O.ENABLE_TABLES | _O.ENABLE_TASKLISTS | _O.ENABLE_STRIKETHROUGH
# Front matter: "---" on the first line, then YAML that starts with a key, up to "---"/"...".
# A line is "[^\r\n]*", not ".*": "." also takes a lone "\r", and in a CR-only file the lazy
# repeat then backtracks over every way to cut the text into lines (a hang).
_FRONT_MATTER = lazy_pattern(
    r"---[ \t]*(?:\r\n|\r|\n)[A-Za-z_][\w-]*[ \t]*:[^\r\n]*(?:\r\n|\r|\n)"
    r"(?:[^\r\n]*(?:\r\n|\r|\n))*?(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)"
)

_LONE_CR = lazy_pattern(r"\r(?!\n)")
# A table's delimiter row with a tab among the blanks after it: pulldown-cmark then reads no
# table at all, where GFM (cmark-gfm, markdown-it-py) does ("|:---|:---|\t").
_DELIMITER_ROW_TAB = lazy_pattern(
    r"(?m)^([ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?)([ \t]*\t[ \t]*)(?=\r?$)"
)
_SURROGATE = lazy_pattern("[\ud800-\udfff]")


def parse_blocks(text: str, *, to_first_h1: bool = False) -> tuple[list[Block], list[Heading], int]:
    """Parse ``text`` into top-level blocks, every heading in order, and the number of lines;
    ``to_first_h1``: only as far as the end of the first level-1 heading (what is before it
    exactly as a whole parse has it, and nothing after it)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        # A str may hold lone surrogates (text read with errors="surrogateescape"), which
        # have no UTF-8: the parser reads each as U+FFFD, three bytes as "surrogatepass"
        # would give, so every offset and line stays where it was; the source keeps them.
        text = _SURROGATE.sub("\ufffd", text)
        data = text.encode("utf-8")
    starts = line_starts(data)
    n_lines = len(starts) if starts[-1] < len(data) else len(starts) - 1
    front = _front_matter(text)
    if front:
        # Blank the front matter out, byte for byte, so every offset after it stays right.
        head = text[:front]
        blank = "".join(c if c in "\r\n" else " " * len(c.encode("utf-8")) for c in head)
        text = blank + text[front:]
    if "-\t" in text or "|\t" in text:
        # give it blanks for the tabs after a delimiter row, one byte for one, so that the
        # table is read as GFM reads it and every offset stays right
        text = _DELIMITER_ROW_TAB.sub(lambda m: m[1] + m[2].replace("\t", " "), text)
    if "\r" in text:
        # pulldown-cmark does not end an HTML block at a line that a lone "\r" ends ("<!-- x -->"
        # then swallows the rest of the file): give it "\n", one byte for one, so every
        # offset stays right (CommonMark reads "\r", "\n" and "\r\n" alike).
        text = _LONE_CR.sub("\n", text)
    with gc_paused():
        builder = BlockBuilder(data, starts)
        if front:
            builder.top.append(FrontMatter(*builder.lines({"start": 0, "end": len(head.encode())})))
        events = pyromark.events_with_range(text, options=OPTIONS)
        blocks, headings = builder.run(_to_first_h1(events) if to_first_h1 else events)
    return blocks, headings, n_lines


_END_H1 = {"End": {"Heading": "H1"}}


def _to_first_h1(events: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    """The events up to the end of the first level-1 heading, that one included."""
    for event in events:
        yield event
        if event[0] == _END_H1:
            return


def _front_matter(text: str) -> int:
    """Where YAML front matter that opens the document ends (0: there is none)."""
    if not text.startswith("---"):
        return 0
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0
