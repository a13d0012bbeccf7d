"""The one module that knows the Markdown parser: pulldown-cmark events → block tree.

We use pyromark (Python bindings of the Rust pulldown-cmark): it is CommonMark-compliant, gives
a UTF-8 byte range on every event, and parses many times faster than markdown-it-py (figures
and fidelity checks in docs/parser.md). Byte ranges are turned into line numbers once, through
a table of line starts, so every node knows its exact lines. Swapping the parser means
rewriting this module only.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import accumulate, count
from operator import add
from typing import Any

import pyromark

from milepost.document.nodes import (
    Block,
    BlockQuote,
    Cell,
    CodeBlock,
    FrontMatter,
    Heading,
    HtmlBlock,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Rule,
    Table,
)

__all__ = ["gc_paused", "parse_blocks"]

_O = pyromark.Options
# Front matter is found here, not by pulldown-cmark: its metadata option also takes any
# "---" line followed by text and a later "---" in the middle of a document (docs/parser.md).
OPTIONS = _O.ENABLE_TABLES | _O.ENABLE_TASKLISTS | _O.ENABLE_STRIKETHROUGH
# Front matter: "---" on the first line, then YAML that starts with a key, up to "---"/"...".
_FRONT_MATTER = re.compile(
    r"---[ \t]*(?:\r\n|\r|\n)[A-Za-z_][\w-]*[ \t]*:.*(?:\r\n|\r|\n)"
    r"(?:.*(?:\r\n|\r|\n))*?(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)"
)
_NEWLINE = re.compile(rb"\r\n|\r|\n")
# Containers nested deeper than this (lists in lists in quotes...) are not made into nodes.
MAX_DEPTH = 48
_CONTAINERS = frozenset(
    {"List", "Item", "BlockQuote", "Table", "TableHead", "TableRow", "CodeBlock"}
)
_BLOCK_STARTS = _CONTAINERS | {"Paragraph", "Heading", "TableCell", "HtmlBlock"}
# Blocks whose start finishes the text of the list item they open in (a nested list, ...).
_AFTER_ITEM_TEXT = frozenset(
    {"Item", "HtmlBlock", "Heading", "List", "CodeBlock", "BlockQuote", "Table"}
)
# Nodes that hold blocks; nodes whose text a new block inside a list item finishes.
_BLOCK_HOLDERS = (ListItem, BlockQuote)
_ITEM_TEXT = (ListItem, Paragraph)
_LEVELS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building many small objects triggers the cyclic GC for nothing: none of them cycle."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _InlineBuilder:
    """Collects inline events into an :class:`Inline`; markup is recorded only when present."""

    __slots__ = ("html", "marks", "opens", "parts", "pos")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        # Closed markup as (kind, start, end, url); open markup as (kind, start, url).
        self.marks: list[tuple[str, int, int, str]] | None = None
        self.opens: list[tuple[str, int, str]] | None = None
        self.html = False

    def open(self, kind: str, url: str = "") -> None:
        if self.opens is None:
            self.opens = []
        self.opens.append((kind, self.pos, url))

    def close(self) -> None:
        if not self.opens:
            return
        kind, begin, url = self.opens.pop()
        if kind != "Emphasis":
            if self.marks is None:
                self.marks = []
            self.marks.append((kind, begin, self.pos, url))

    def code_span(self, value: str) -> None:
        if self.marks is None:
            self.marks = []
        self.marks.append(("Code", self.pos, self.pos + len(value), ""))
        self.parts.append(value)
        self.pos += len(value)

    def build(self) -> Inline:
        text = "".join(self.parts)
        if self.marks is None:
            return Inline(text, html=self.html) if self.html else Inline(text)
        strong, strike, code, links = [], [], [], []
        for kind, begin, end, url in self.marks:
            if kind == "Strong":
                strong.append((begin, end))
            elif kind == "Strikethrough":
                strike.append((begin, end))
            elif kind == "Code":
                code.append((begin, end))
            else:
                links.append(Link(url, begin, end, kind == "Image"))
        return Inline(text, tuple(strong), tuple(strike), tuple(code), tuple(links), self.html)


def _line_starts(data: bytes) -> list[int]:
    """Where each line starts, in bytes; lines end at ``\r\n``, ``\r`` or ``\n``."""
    if b"\r" in data:
        return [0, *(m.end() for m in _NEWLINE.finditer(data))]
    # Only "\n": line k starts after the first k lines and their k newlines, summed in C
    # (three times faster than a Python step per newline).
    lengths = map(len, data.split(b"\n")[:-1])
    return [0, *map(add, accumulate(lengths), count(1))]


def parse_blocks(text: str) -> tuple[list[Block], list[Heading], int]:
    """Parse ``text`` into top-level blocks, every heading in order, and the number of lines."""
    data = text.encode("utf-8")
    starts = _line_starts(data)
    n_lines = len(starts) if starts[-1] < len(data) else len(starts) - 1
    front = _front_matter(text)
    if front:
        # Blank the front matter out, byte for byte, so every offset after it stays right.
        head = text[:front]
        blank = "".join(c if c in "\r\n" else " " * len(c.encode("utf-8")) for c in head)
        text = blank + text[front:]
    with gc_paused():
        builder = _Builder(data, starts)
        if front:
            builder.top.append(FrontMatter(*builder.lines({"start": 0, "end": len(head.encode())})))
        blocks, headings = builder.run(text)
    return blocks, headings, n_lines


def _front_matter(text: str) -> int:
    """Where YAML front matter that opens the document ends (0: there is none)."""
    if not text.startswith("---"):
        return 0
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0


class _Builder:
    __slots__ = ("bounds", "data", "headings", "inline", "owner", "stack", "starts", "top")

    def __init__(self, data: bytes, starts: list[int]) -> None:
        self.data = data
        self.starts = starts
        # Where each line ends (its successor's start, the end of the data for the last): one
        # index instead of a bounds test on every range.
        self.bounds = [*starts[1:], len(data)]
        self.top: list[Block] = []
        self.headings: list[Heading] = []
        self.stack: list[Any] = []  # open containers: ListBlock, ListItem, BlockQuote, Table, Row
        self.inline: _InlineBuilder | None = None
        self.owner: Any = None  # the node the current inline text belongs to

    def lines(self, rng: dict[str, int]) -> tuple[int, int]:
        """Byte range → lines ``[first, last)``, without trailing blank lines.

        pulldown-cmark starts a nested list's range at the line ending before it, and ends
        lists and items after the blank lines that follow them: both are trimmed here.
        """
        start, end = rng["start"], rng["end"]
        data, starts, bounds = self.data, self.starts, self.bounds
        first = bisect_right(starts, start) - 1
        # The common case, a range within one line that starts on it (a heading, a one-line
        # item or paragraph): none of the trimming below applies.
        if start < end <= bounds[first] and data[start] not in (10, 13):
            return first, first + 1
        tail = bisect_right(starts, end) - 1
        if start < starts[tail] < end and not data[starts[tail] : end].strip(b" \t>"):
            end = starts[tail]  # a list's range runs into the next line's indentation
        if start < len(data) and data[start] in (10, 13) and first + 1 < len(starts):
            first += 1
        last = bisect_right(starts, end - 1) if end > start else first + 1
        while last > first + 1 and not data[starts[last - 1] : bounds[last - 1]].strip():
            last -= 1
        return first, max(last, first + 1)

    def add(self, block: Block) -> None:
        """Attach a finished block to the innermost open container (or the top level)."""
        if not self.stack:
            self.top.append(block)
            return
        parent = self.stack[-1]
        if parent is None:  # inside a skipped container
            return
        if isinstance(parent, _BLOCK_HOLDERS):
            parent.children.append(block)
        else:  # inside a table cell or list: cannot hold blocks; keep at item level
            self.top.append(block)

    def start_inline(self, owner: Any) -> None:
        self.inline = _InlineBuilder()
        self.owner = owner

    def end_inline(self) -> None:
        if self.inline is not None:
            self.owner.inline = self.inline.build()
        self.inline = None
        self.owner = None

    def close_item_text(self) -> None:
        """A block starts inside an item: text collected so far is finished."""
        if self.inline is not None and isinstance(self.owner, _ITEM_TEXT):
            self.end_inline()

    def run(self, text: str) -> tuple[list[Block], list[Heading]]:
        events: Iterator[tuple[Any, Any]] = pyromark.events_with_range(text, options=OPTIONS)
        # Handlers by tag name, looked up once per event (an if-chain costs a comparison per
        # branch on each of the hundreds of events a roadmap makes).
        on_start, on_end = _ON_START, _ON_END
        stack = self.stack
        for event, rng in events:
            if type(event) is str:
                if event == "Rule":
                    self.close_item_text()
                    self.add(Rule(*self.lines(rng)))
                elif self.inline is not None:  # SoftBreak, HardBreak
                    self.inline.parts.append(" ")
                    self.inline.pos += 1
                continue
            ((key, value),) = event.items()
            if key == "Text":
                target = self.inline or self._text_target(rng)
                target.parts.append(value)
                target.pos += len(value)
            elif key == "Start":
                if type(value) is str:
                    name, attrs = value, None
                else:
                    ((name, attrs),) = value.items()
                if stack and (stack[-1] is None or len(stack) >= MAX_DEPTH) and self.skip(name):
                    continue
                if self.inline is not None and name in _AFTER_ITEM_TEXT:
                    self.close_item_text()  # here, not in each handler: most find none open
                handler = on_start.get(name)
                if handler is not None:
                    handler(self, attrs, rng)
            elif key == "End":
                end = on_end.get(value if type(value) is str else next(iter(value)))
                if end is not None:
                    end(self)
            elif key == "Code":
                (self.inline or self._text_target(rng)).code_span(value)
            elif key == "InlineHtml":
                target = self.inline or self._text_target(rng)
                target.html = True
            elif key == "TaskListMarker" and stack and isinstance(stack[-1], ListItem):
                stack[-1].task = bool(value)
            # Html (inside HTML blocks), footnote references and math carry no text we read.
        return self.top, self.headings

    def _text_target(self, rng: dict[str, int]) -> _InlineBuilder:
        """Where text outside a paragraph, heading or cell goes.

        Text directly in a list item (a tight list) is the item's own text, or a paragraph
        after its first blocks; text anywhere else (inside code, HTML or front matter) is
        collected and dropped.
        """
        item = self.stack[-1] if self.stack else None
        if not isinstance(item, ListItem):
            return _InlineBuilder()
        if not item.children and not item.inline.text:
            self.start_inline(item)
        else:
            para = Paragraph(*self.lines(rng))
            self.add(para)
            self.start_inline(para)
        assert self.inline is not None
        return self.inline

    def skip(self, name: str) -> bool:
        """Inside code, or nested deeper than anyone writes: the lines stay in the source
        (nothing is lost on writing), but no nodes are made for blocks there."""
        if name not in _BLOCK_STARTS:
            return False
        if name in _CONTAINERS:
            self.close_item_text()
            self.stack.append(None)
        return True

    # -- Start events: (builder, the tag's attributes or None, byte range) ----------------

    def start_paragraph(self, _: Any, rng: dict[str, int]) -> None:
        top = self.stack[-1] if self.stack else None
        if isinstance(top, ListItem) and not top.children and not top.inline.text:
            self.close_item_text()
            self.start_inline(top)
            return
        self.close_item_text()
        para = Paragraph(*self.lines(rng))
        self.add(para)
        self.start_inline(para)

    def start_item(self, _: Any, rng: dict[str, int]) -> None:
        item = ListItem(*self.lines(rng))
        self.stack[-1].items.append(item)
        self.stack.append(item)

    def start_table_head(self, _: Any, rng: dict[str, int]) -> None:
        row = Row(*self.lines(rng))
        self.stack[-1].head = row
        self.stack.append(row)

    def start_table_row(self, _: Any, rng: dict[str, int]) -> None:
        row = Row(*self.lines(rng))
        self.stack[-1].rows.append(row)
        self.stack.append(row)

    def start_table_cell(self, _: Any, rng: dict[str, int]) -> None:
        row = self.stack[-1]
        first, last = self.lines(rng)
        if not row.start <= first < row.end:  # a padding cell for a short row
            first, last = row.start, row.end
        cell = Cell(first, last)
        row.cells.append(cell)
        self.start_inline(cell)

    def start_html_block(self, _: Any, rng: dict[str, int]) -> None:
        self.add(HtmlBlock(*self.lines(rng)))

    def start_heading(self, attrs: Any, rng: dict[str, int]) -> None:
        first, last = self.lines(rng)
        heading = Heading(first, last, _LEVELS[attrs["level"]])
        self.add(heading)
        self.headings.append(heading)
        self.start_inline(heading)

    def start_list(self, attrs: Any, rng: dict[str, int]) -> None:
        lst = ListBlock(*self.lines(rng), ordered=attrs is not None)
        self.add(lst)
        self.stack.append(lst)

    def start_code_block(self, attrs: Any, rng: dict[str, int]) -> None:
        info = attrs["Fenced"] if isinstance(attrs, dict) else ""
        self.add(CodeBlock(*self.lines(rng), info=info))
        self.stack.append(None)  # swallow the code text

    def start_block_quote(self, _: Any, rng: dict[str, int]) -> None:
        quote = BlockQuote(*self.lines(rng))
        self.add(quote)
        self.stack.append(quote)

    def start_table(self, _: Any, rng: dict[str, int]) -> None:
        table = Table(*self.lines(rng))
        self.add(table)
        self.stack.append(table)

    def open_strong(self, _: Any, rng: dict[str, int]) -> None:
        (self.inline or self._text_target(rng)).open("Strong")

    def open_emphasis(self, _: Any, rng: dict[str, int]) -> None:
        (self.inline or self._text_target(rng)).open("Emphasis")

    def open_strikethrough(self, _: Any, rng: dict[str, int]) -> None:
        (self.inline or self._text_target(rng)).open("Strikethrough")

    def open_link(self, attrs: Any, rng: dict[str, int]) -> None:
        (self.inline or self._text_target(rng)).open("Link", attrs["dest_url"])

    def open_image(self, attrs: Any, rng: dict[str, int]) -> None:
        (self.inline or self._text_target(rng)).open("Image", attrs["dest_url"])

    # -- End events ---------------------------------------------------------------------

    def end_text_block(self) -> None:
        """A paragraph, heading or table cell ends: its inline text is complete."""
        if self.inline is not None:
            self.end_inline()

    def end_markup(self) -> None:
        if self.inline is not None:
            self.inline.close()

    def end_container(self) -> None:
        if self.inline is not None:
            self.close_item_text()
        self.stack.pop()

    def end_code_block(self) -> None:
        self.stack.pop()


_ON_START: dict[str, Callable[[_Builder, Any, dict[str, int]], None]] = {
    "Paragraph": _Builder.start_paragraph,
    "Item": _Builder.start_item,
    "Strong": _Builder.open_strong,
    "Emphasis": _Builder.open_emphasis,
    "Strikethrough": _Builder.open_strikethrough,
    "TableHead": _Builder.start_table_head,
    "TableRow": _Builder.start_table_row,
    "TableCell": _Builder.start_table_cell,
    "HtmlBlock": _Builder.start_html_block,
    "Heading": _Builder.start_heading,
    "List": _Builder.start_list,
    "Link": _Builder.open_link,
    "Image": _Builder.open_image,
    "CodeBlock": _Builder.start_code_block,
    "BlockQuote": _Builder.start_block_quote,
    "Table": _Builder.start_table,
    # FootnoteDefinition, DefinitionList... are not enabled.
}
_ON_END: dict[str, Callable[[_Builder], None]] = {
    "Paragraph": _Builder.end_text_block,
    "Heading": _Builder.end_text_block,
    "TableCell": _Builder.end_text_block,
    "Strong": _Builder.end_markup,
    "Emphasis": _Builder.end_markup,
    "Strikethrough": _Builder.end_markup,
    "Link": _Builder.end_markup,
    "Image": _Builder.end_markup,
    "Item": _Builder.end_container,
    "List": _Builder.end_container,
    "BlockQuote": _Builder.end_container,
    "Table": _Builder.end_container,
    "TableHead": _Builder.end_container,
    "TableRow": _Builder.end_container,
    "CodeBlock": _Builder.end_code_block,
}
