"""A section's free text: what it says that no part of the model holds, so that nothing a
roadmap says is dropped.

Its paragraphs (in block quotes too); the list items and table rows that are no item and fit
no field (a "How to contribute" list, a table of links), with the paragraphs written under
such an item; code blocks (a Mermaid timeline, a config example) and the words of HTML blocks.
What is held elsewhere stays there: an item with its notes, a risk with its likelihood, a
metric, a dependency.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from milepost.document import (
    Block,
    BlockQuote,
    CodeBlock,
    Document,
    FrontMatter,
    HtmlBlock,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
)
from milepost.lazy import lazy_pattern
from milepost.model import TextBlock
from milepost.span import Span

__all__ = ["FreeText"]

_FENCE = ("```", "~~~")
_TAG = lazy_pattern(r"<[^>]*>")
_ALT = lazy_pattern(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


class FreeText:
    """The free text of a document's blocks, given what its model holds.

    ``held``: the first lines of the list items and table rows the model holds (an item, a
    risk, a metric, ...); ``items``: the first lines of the items, which hold their notes.
    """

    __slots__ = ("document", "held", "items", "path")

    def __init__(
        self, document: Document, held: Collection[int], items: Collection[int], path: str | None
    ) -> None:
        self.document, self.held, self.items, self.path = document, held, items, path

    def __call__(self, blocks: Iterable[Block]) -> tuple[TextBlock, ...]:
        """The text of ``blocks`` that no part of the model holds, in document order."""
        out: list[TextBlock] = []
        _blocks(blocks, self, out)
        return tuple(out)

    def block(self, text: str, start: int, end: int) -> TextBlock:
        return TextBlock(text, Span(start, end, self.path))


def _blocks(blocks: Iterable[Block], ctx: FreeText, out: list[TextBlock]) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(ctx.block(block.inline.text, block.start, block.end))
        elif isinstance(block, BlockQuote):
            _blocks(block.children, ctx, out)
        elif isinstance(block, ListBlock):
            for item in block.items:
                _list_item(item, ctx, out)
        elif isinstance(block, Table):
            _table(block, ctx, out)
        elif isinstance(block, (CodeBlock, FrontMatter)):
            _code(block, ctx, out)
        elif isinstance(block, HtmlBlock):
            _html(block, ctx, out)


def _list_item(item: ListItem, ctx: FreeText, out: list[TextBlock]) -> None:
    text = item.inline.text.strip()
    own_end = item.children[0].start if item.children else item.end
    if text and item.start not in ctx.held:
        out.append(ctx.block(text, item.start, max(own_end, item.start + 1)))
    # An item keeps the paragraphs under it as its notes; any other list item leaves them here.
    kept = item.start in ctx.items
    for child in item.children:
        if isinstance(child, Paragraph):
            if not kept:
                out.append(ctx.block(child.inline.text, child.start, child.end))
        else:
            _blocks([child], ctx, out)


def _table(table: Table, ctx: FreeText, out: list[TextBlock]) -> None:
    rows = [
        row
        for row in table.rows
        if row.start not in ctx.held and any(c.inline.text.strip() for c in row.cells)
    ]
    if not rows:
        return
    if table.head is not None:  # what the loose rows' cells are
        out.append(ctx.block(_row_text(table.header()), table.head.start, table.head.end))
    for row in rows:
        out.append(ctx.block(_row_text([c.inline.text for c in row.cells]), row.start, row.end))


def _row_text(cells: list[str]) -> str:
    return " | ".join(cell.strip() for cell in cells)


def _code(block: CodeBlock | FrontMatter, ctx: FreeText, out: list[TextBlock]) -> None:
    """A code block's code (a front matter's fields), its fences left out."""
    lines = [ctx.document.line(n) for n in range(block.start, block.end)]
    fence = lines[0].lstrip()[:3] if lines else ""
    if isinstance(block, FrontMatter) or fence in _FENCE:
        lines = lines[1:]
        if lines and lines[-1].strip() and set(lines[-1].strip()) <= set(fence or "-"):
            lines = lines[:-1]
    text = "\n".join(lines).strip("\n")
    if text.strip():
        out.append(ctx.block(text, block.start, block.end))


def _html(block: HtmlBlock, ctx: FreeText, out: list[TextBlock]) -> None:
    """What an HTML block shows: its words, and the alternative text of its images (a
    wrapper such as ``<div align="center">`` shows nothing)."""
    raw = _without_comments("\n".join(ctx.document.line(n) for n in range(block.start, block.end)))
    words = " ".join(_TAG.sub(" ", raw).split())
    alts = [a or b for a, b in _ALT.findall(raw) if (a or b).strip()]
    text = " ".join([words, *alts]).strip() if words else " ".join(alts)
    if text:
        out.append(ctx.block(text, block.start, block.end))


def _without_comments(raw: str) -> str:
    """``raw`` HTML without its comments, which show nothing: a ``>`` inside one ("<!-- a ->
    b -->") ended it as a tag, and its words after that were shown."""
    kept, at = [], 0
    while (start := raw.find("<!--", at)) >= 0:
        kept.append(raw[at:start])
        end = raw.find("-->", start + 4)
        at = len(raw) if end < 0 else end + 3
    kept.append(raw[at:])
    return " ".join(kept)
