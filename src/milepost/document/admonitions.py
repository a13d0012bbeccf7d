"""Admonitions of Python-Markdown and mkdocs-material (``!!! note``, ``??? success "Title"``):
a line that opens one, then its blocks indented four spaces. CommonMark reads that body as
the opening paragraph's continuation, or as indented code after a blank line; a docs site
shows it as Markdown, lists and all. Here the body is parsed as Markdown, each line where it
stands, and the admonition becomes a container of its title and its blocks, as a block
quote is."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from milepost.document.nodes import (
    Admonition,
    Block,
    CodeBlock,
    Inline,
    Paragraph,
    Table,
    descendants,
)
from milepost.lazy import lazy_pattern

__all__ = ["fold_admonitions"]

# The line that opens an admonition: "!!! note", "??? success "Done"", "???+ tip".
_OPENER = lazy_pattern(
    r"(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+\"(?P<title>[^\"\n]*)\")?[ \t]*\r?\n?"
)
# A line of its body: blank, or indented four spaces (a tab).
_INDENT = lazy_pattern(r"(?: {4}|\t)|[ \t]*\r?\n?$")

Parser = Callable[[str], list[Block]]


def fold_admonitions(blocks: list[Block], lines: Sequence[str], parse: Parser) -> list[Block]:
    """``blocks`` (those of a document, or of an admonition's body) with each admonition
    made a container of its title and the blocks of its body, read by ``parse`` (a Markdown
    parse of text into blocks); ``lines``: the lines the blocks' numbers count."""
    out: list[Block] = []
    at = 0
    while at < len(blocks):
        block = blocks[at]
        at += 1
        opener = _OPENER.fullmatch(lines[block.start]) if isinstance(block, Paragraph) else None
        if opener is None:
            out.append(block)
            continue
        end = block.end
        while at < len(blocks) and _indented_code(blocks[at], lines):
            end = blocks[at].end  # after a blank line, the body goes on as indented code
            at += 1
        body = lines[block.start + 1 : end]
        if not body or not all(_INDENT.match(line) for line in body):
            out.append(block)  # words that go on the opening line's paragraph: no body
            continue
        dedented = [_dedented(line) for line in body]
        inner = fold_admonitions(parse("".join(dedented)), dedented, parse)
        for node in _nodes(inner):  # from the body's lines to the document's
            node.start += block.start + 1
            node.end += block.start + 1
        # its title, as the site shows it ("Done", else its kind: "note"), heads its blocks
        title = Paragraph(block.start, block.start + 1, Inline(opener["title"] or opener["kind"]))
        out.append(Admonition(block.start, end, [title, *inner]))
    return out


def _indented_code(block: Block, lines: Sequence[str]) -> bool:
    return isinstance(block, CodeBlock) and lines[block.start][:1] in (" ", "\t")


def _dedented(line: str) -> str:
    """``line`` without the four spaces (or the tab) that indent it in the body."""
    if line.startswith("    "):
        return line[4:]
    return line[1:] if line.startswith("\t") else line.lstrip(" ")


def _nodes(blocks: list[Block]) -> list[Block]:
    """Every node of ``blocks`` that has lines: blocks (an admonition's too, and its
    title), list items, table rows and cells."""
    found: list[Block] = []
    for block in descendants(blocks):
        found.append(block)
        if isinstance(block, Table):
            rows = [block.head, *block.rows] if block.head else block.rows
            for row in rows:
                found.append(row)
                found.extend(row.cells)
    return found
