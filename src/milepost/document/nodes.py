"""The block tree of a Markdown document, as plain slotted classes pointing at source lines.

Nodes never hold Markdown to re-serialise: a node is a kind, a line range ``[start, end)``
(0-based, end exclusive) and, for blocks that carry inline text, an :class:`Inline` with the
plain text and where bold, struck-through, code and linked runs sit in it. Rendering a
document is slicing its source; that is what makes it lossless.

The classes are built once by the parser and not changed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = [
    "Admonition",
    "Block",
    "BlockQuote",
    "Cell",
    "CodeBlock",
    "FrontMatter",
    "Heading",
    "HtmlBlock",
    "Inline",
    "Link",
    "ListBlock",
    "ListItem",
    "Paragraph",
    "Row",
    "Rule",
    "Section",
    "Table",
    "descendants",
]


@dataclass(slots=True, frozen=True)
class Link:
    """A link or image in inline text: its target and where its text sits in ``Inline.text``."""

    url: str
    start: int
    end: int
    image: bool = False


class Inline(NamedTuple):
    """Inline content flattened to plain text, plus the character ranges of its markup.

    ``text`` is what a reader sees (emphasis markers gone, entities decoded, soft and hard line
    breaks as one space). ``strong``, ``strike``, ``code`` and ``emphasis`` are ``(start, end)``
    ranges into ``text``; ``html`` is true when raw inline HTML appeared.

    A named tuple, not a frozen dataclass: a roadmap makes one for every paragraph, item,
    heading and cell, and a named tuple is made ten times faster (a frozen dataclass sets
    each field through ``object.__setattr__``). Like any tuple it equals a plain tuple of
    the same fields.
    """

    text: str = ""
    strong: tuple[tuple[int, int], ...] = ()
    strike: tuple[tuple[int, int], ...] = ()
    code: tuple[tuple[int, int], ...] = ()
    links: tuple[Link, ...] = ()
    html: bool = False
    emphasis: tuple[tuple[int, int], ...] = ()

    def is_struck(self) -> bool:
        """Whether strikethrough covers all the visible text (ignoring edge blanks)."""
        if not self.strike:
            return False
        body = self.text.strip()
        if not body:
            return False
        covered = sum(end - start for start, end in self.strike)
        return covered >= len(body) - 2


EMPTY = Inline()


@dataclass(slots=True)
class Block:
    """Any block: its lines ``[start, end)`` in the source."""

    start: int
    end: int


@dataclass(slots=True)
class Heading(Block):
    level: int = 1
    inline: Inline = EMPTY
    setext: bool = False


@dataclass(slots=True)
class Paragraph(Block):
    inline: Inline = EMPTY


@dataclass(slots=True)
class ListItem(Block):
    """A list item; ``task`` is True/False for ``[x]``/``[ ]`` and None without a box.

    ``inline`` is the item's own first line of text (its first paragraph, tight or loose);
    ``children`` are the blocks after it: more paragraphs, nested lists, tables, headings.
    """

    task: bool | None = None
    inline: Inline = EMPTY
    children: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class ListBlock(Block):
    ordered: bool = False
    items: list[ListItem] = field(default_factory=list)


@dataclass(slots=True)
class Cell(Block):
    inline: Inline = EMPTY


@dataclass(slots=True)
class Row(Block):
    cells: list[Cell] = field(default_factory=list)


@dataclass(slots=True)
class Table(Block):
    head: Row | None = None
    rows: list[Row] = field(default_factory=list)

    def header(self) -> list[str]:
        """The header cells' text, stripped."""
        return [c.inline.text.strip() for c in self.head.cells] if self.head else []


@dataclass(slots=True)
class BlockQuote(Block):
    children: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Admonition(BlockQuote):
    """An admonition (``!!! note``, ``??? success "Done"``): its opening line, then its
    blocks, indented under it (a container, as a block quote is)."""


@dataclass(slots=True)
class CodeBlock(Block):
    info: str = ""


@dataclass(slots=True)
class HtmlBlock(Block):
    pass


@dataclass(slots=True)
class Rule(Block):
    pass


@dataclass(slots=True)
class FrontMatter(Block):
    pass


@dataclass(slots=True)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level.

    ``blocks`` are the section's own blocks (before its first subsection); ``heading`` is None
    only for the document's preamble (what comes before the first heading). ``start``/``end``
    cover the whole section, subsections included.
    """

    heading: Heading | None
    level: int
    start: int
    end: int
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    # The heading's text, stripped (read on every visit of the tree, so worked out once).
    title: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        if self.heading is not None:
            self.title = self.heading.inline.text.strip()

    def walk(self) -> list[Section]:
        """This section and every subsection, in document order."""
        out = [self]
        for sub in self.subsections:
            out.extend(sub.walk())
        return out


def descendants(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block of ``blocks`` and within them, in document order: each list's items and
    their blocks, each quote's blocks (a table's rows and cells are its own)."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield item
                yield from descendants(item.children)
        elif isinstance(block, BlockQuote):
            yield from descendants(block.children)
