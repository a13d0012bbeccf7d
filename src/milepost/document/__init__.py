"""A lossless block tree of a Markdown document, with sections by heading level.

``parse(source)`` gives a :class:`Document`; ``Document.to_markdown()`` is the source text
exactly, for any input, because nodes point into the source lines and never re-serialise.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from milepost.document.admonitions import fold_admonitions
from milepost.document.inline_source import InlineSource, read_inline
from milepost.document.nodes import (
    Admonition,
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
    Section,
    Table,
    descendants,
)
from milepost.document.parser import parse_blocks
from milepost.document.patch import Patch, apply
from milepost.source import Source

__all__ = [
    "Admonition",
    "Block",
    "BlockQuote",
    "Cell",
    "CodeBlock",
    "Document",
    "FrontMatter",
    "Heading",
    "HtmlBlock",
    "Inline",
    "InlineSource",
    "Link",
    "ListBlock",
    "ListItem",
    "Paragraph",
    "Patch",
    "Row",
    "Rule",
    "Section",
    "Source",
    "Table",
    "apply",
    "descendants",
    "headings_to_first_h1",
    "parse",
    "read_inline",
]


@dataclass(frozen=True, slots=True)
class Document:
    """The parsed form of one source: top-level blocks, every heading, and the section tree.

    ``root`` is a level-0 section without a heading: its ``blocks`` are the preamble (what
    precedes the first heading) and its ``subsections`` the top-level sections.
    """

    source: Source
    blocks: list[Block]
    headings: list[Heading]
    root: Section
    line_count: int

    def __repr__(self) -> str:
        """Which text and how much of it, on one line: the whole tree, every line in it, is
        no use in a notebook (``roadmap.document``)."""
        where = f"from {self.source.path!r}" if self.source.path is not None else "(text)"
        counts = {"line": self.line_count, "block": len(self.blocks), "heading": len(self.headings)}
        said = ", ".join(f"{n} {word}{'s' * (n != 1)}" for word, n in counts.items())
        return f"<Document {where}: {said}>"

    @property
    def sections(self) -> list[Section]:
        return self.root.subsections

    def to_markdown(self) -> str:
        """The exact text the document was parsed from."""
        return self.source.text

    def line(self, index: int) -> str:
        """Line ``index`` (0-based) without its line ending."""
        return self.source.lines[index].rstrip("\r\n")


def parse(source: Source) -> Document:
    """Parse a source into its document tree. Never raises on any text."""
    blocks, headings, line_count = parse_blocks(source.text)
    if "!!!" in source.text or "???" in source.text:
        blocks = fold_admonitions(blocks, source.lines, _blocks_of)
    return Document(source, blocks, headings, _outline(blocks, headings, line_count), line_count)


def _blocks_of(text: str) -> list[Block]:
    return parse_blocks(text)[0]


def headings_to_first_h1(source: Source) -> list[Heading]:
    """The headings of ``source`` up to its first level-1 heading, that one included (all of
    them when it has none), as :func:`parse` reads them, without reading the rest: where a
    roadmap's title is all that is wanted (its first ``#`` heading is most often its first
    line)."""
    return parse_blocks(source.text, to_first_h1=True)[1]


def _outline(blocks: list[Block], headings: list[Heading], line_count: int) -> Section:
    """Sections by heading level; each block goes to the last section begun before it."""
    root = Section(None, 0, 0, line_count)
    stack = [root]
    ordered = [root]
    for heading in headings:
        while stack[-1].level >= heading.level:
            stack.pop().end = heading.start
        section = Section(heading, heading.level, heading.start, line_count)
        stack[-1].subsections.append(section)
        stack.append(section)
        ordered.append(section)
    starts = [s.start if s.heading else -1 for s in ordered]
    for block in blocks:
        if isinstance(block, Heading):
            continue
        ordered[bisect_right(starts, block.start) - 1].blocks.append(block)
    return root
