"""pulldown-cmark events → block tree: containers, paragraphs, headings, tables and their
cells, each node with its lines (the events come from :mod:`.parser`, the one module that
calls pyromark)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from milepost.document.inline_builder import InlineBuilder
from milepost.document.line_table import LineTable
from milepost.document.nodes import (
    Block,
    BlockQuote,
    Cell,
    CodeBlock,
    Heading,
    HtmlBlock,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Rule,
    Table,
)

__all__ = ["MAX_DEPTH", "BlockBuilder"]

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


class BlockBuilder(LineTable):
    """Builds the block tree from pulldown-cmark's events, one handler per tag."""

    __slots__ = ("headings", "inline", "owner", "stack", "top")

    def __init__(self, data: bytes, starts: list[int]) -> None:
        super().__init__(data, starts)
        self.top: list[Block] = []
        self.headings: list[Heading] = []
        self.stack: list[Any] = []  # open containers: ListBlock, ListItem, BlockQuote, Table, Row
        self.inline: InlineBuilder | None = None
        self.owner: Any = None  # the node the current inline text belongs to

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
        self.inline = InlineBuilder()
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

    def run(self, events: Iterator[tuple[Any, Any]]) -> tuple[list[Block], list[Heading]]:
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
            # Each event is a one-key dict: unpacking the key and indexing costs half of
            # unpacking its one item from ``event.items()`` (a view and an iterator apiece).
            (key,) = event
            value = event[key]
            if key == "Text":
                target = self.inline or self._text_target(rng)
                target.parts.append(value)
                target.pos += len(value)
            elif key == "Start":
                if type(value) is str:
                    name, attrs = value, None
                else:
                    (name,) = value
                    attrs = value[name]
                if stack and (stack[-1] is None or len(stack) >= MAX_DEPTH) and self.skip(name):
                    continue
                if self.inline is not None and name in _AFTER_ITEM_TEXT:
                    self.close_item_text()  # here, not in each handler: most find none open
                handler = on_start.get(name)
                if handler is not None:
                    handler(self, attrs, rng)
            elif key == "End":
                if type(value) is str:
                    name = value
                else:
                    (name,) = value  # {"Heading": "H1"}, {"List": False}: the tag's name
                end = on_end.get(name)
                if end is not None:
                    end(self)
            elif key == "Code":
                (self.inline or self._text_target(rng)).code_span(value)
            elif key == "InlineHtml":
                (self.inline or self._text_target(rng)).raw_html(value)
            elif key == "TaskListMarker" and stack and isinstance(stack[-1], ListItem):
                stack[-1].task = bool(value)
            # Html (inside HTML blocks), footnote references and math carry no text we read.
        return self.top, self.headings

    def _text_target(self, rng: dict[str, int]) -> InlineBuilder:
        """Where text outside a paragraph, heading or cell goes.

        Text directly in a list item (a tight list) is the item's own text, or a paragraph
        after its first blocks; text anywhere else (inside code, HTML or front matter) is
        collected and dropped.
        """
        item = self.stack[-1] if self.stack else None
        if not isinstance(item, ListItem):
            return InlineBuilder()
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


_ON_START: dict[str, Callable[[BlockBuilder, Any, dict[str, int]], None]] = {
    "Paragraph": BlockBuilder.start_paragraph,
    "Item": BlockBuilder.start_item,
    "Strong": BlockBuilder.open_strong,
    "Emphasis": BlockBuilder.open_emphasis,
    "Strikethrough": BlockBuilder.open_strikethrough,
    "TableHead": BlockBuilder.start_table_head,
    "TableRow": BlockBuilder.start_table_row,
    "TableCell": BlockBuilder.start_table_cell,
    "HtmlBlock": BlockBuilder.start_html_block,
    "Heading": BlockBuilder.start_heading,
    "List": BlockBuilder.start_list,
    "Link": BlockBuilder.open_link,
    "Image": BlockBuilder.open_image,
    "CodeBlock": BlockBuilder.start_code_block,
    "BlockQuote": BlockBuilder.start_block_quote,
    "Table": BlockBuilder.start_table,
    # FootnoteDefinition, DefinitionList... are not enabled.
}
_ON_END: dict[str, Callable[[BlockBuilder], None]] = {
    "Paragraph": BlockBuilder.end_text_block,
    "Heading": BlockBuilder.end_text_block,
    "TableCell": BlockBuilder.end_text_block,
    "Strong": BlockBuilder.end_markup,
    "Emphasis": BlockBuilder.end_markup,
    "Strikethrough": BlockBuilder.end_markup,
    "Link": BlockBuilder.end_markup,
    "Image": BlockBuilder.end_markup,
    "Item": BlockBuilder.end_container,
    "List": BlockBuilder.end_container,
    "BlockQuote": BlockBuilder.end_container,
    "Table": BlockBuilder.end_container,
    "TableHead": BlockBuilder.end_container,
    "TableRow": BlockBuilder.end_container,
    "CodeBlock": BlockBuilder.end_code_block,
}
