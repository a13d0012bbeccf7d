"""The neutral blocks of :mod:`milepost.render.blocks` as the ElementTree elements of a
Python-Markdown page: paragraphs, lists, tables, links to roadmap pages inside the docs, the
dependency graph's SVG (stashed as raw markup, the one thing that is). Text is escaped when
the tree is written, and Python-Markdown's placeholder delimiters are taken out of it.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from milepost.render.blocks import (
    Block,
    Box,
    Bullets,
    Inline,
    Link,
    Mermaid,
    Para,
    Rubric,
    Svg,
    Table,
    Text,
)

if TYPE_CHECKING:
    import markdown

__all__ = ["Builder", "clean"]

_CONTROL = str.maketrans("", "", "\x02\x03")  # Python-Markdown's placeholder delimiters


def clean(text: str) -> str:
    """``text`` without the characters Python-Markdown keeps for its placeholders."""
    return text.translate(_CONTROL)


def _classes(classes: tuple[str, ...]) -> dict[str, str]:
    return {"class": " ".join(classes)} if classes else {}


class Builder:
    """Neutral blocks → HTML elements (text is escaped when the tree is written)."""

    def __init__(self, md: markdown.Markdown, page: str, docs_dir: str) -> None:
        self.md = md
        self.page = page
        self.docs_dir = os.path.realpath(docs_dir) if docs_dir else ""

    def _href(self, path: str | None) -> str | None:
        if not path or not self.docs_dir or not self.page:
            return None
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.docs_dir]) != self.docs_dir:
            return None
        page_dir = os.path.dirname(os.path.realpath(self.page))
        return os.path.relpath(real, page_dir).replace(os.sep, "/")

    def _inline(self, parent: etree.Element, parts: tuple[Inline, ...]) -> None:
        last: etree.Element | None = None
        for part in parts:
            element: etree.Element | None = None
            if isinstance(part, Text):
                if part.strong or part.classes:
                    element = etree.Element(
                        "strong" if part.strong else "span", _classes(part.classes)
                    )
            elif isinstance(part, Link):
                element = etree.Element("a", {"href": clean(part.url)})
            else:
                href = self._href(part.path)
                if href is not None:
                    element = etree.Element("a", {"href": href})
            text = clean(part.text)
            if element is None:
                if last is None:
                    parent.text = (parent.text or "") + text
                else:
                    last.tail = (last.tail or "") + text
                continue
            element.text = text
            parent.append(element)
            last = element

    def _block(self, block: Block) -> etree.Element:
        if isinstance(block, Para):
            element = etree.Element("p", _classes(block.classes))
            self._inline(element, block.parts)
            return element
        if isinstance(block, Rubric):
            element = etree.Element("p", {"class": "milepost-rubric"})
            strong = etree.SubElement(element, "strong")
            strong.text = clean(block.text)
            return element
        if isinstance(block, Bullets):
            element = etree.Element("ul", _classes(block.classes))
            for parts in block.items:
                self._inline(etree.SubElement(element, "li"), parts)
            return element
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Svg):
            element = etree.Element("div", {"class": "milepost-svg"})
            element.text = self.md.htmlStash.store(clean(block.markup))
            return element
        if isinstance(block, Mermaid):
            element = etree.Element("pre", {"class": "mermaid"})
            code = etree.SubElement(element, "code")
            code.text = clean(block.source)
            return element
        return self.box([*block.children], " ".join(block.classes))

    def _table(self, table: Table) -> etree.Element:
        # No class on the table itself: themes (Material's ``table:not([class])``) style it.
        wrapper = etree.Element("div", {"class": " ".join(("milepost-table", *table.classes))})
        element = etree.SubElement(wrapper, "table")
        row = etree.SubElement(etree.SubElement(element, "thead"), "tr")
        for name in table.header:
            etree.SubElement(row, "th").text = clean(name)
        body = etree.SubElement(element, "tbody")
        for cells in table.rows:
            row = etree.SubElement(body, "tr")
            for cell in cells:
                td = etree.SubElement(row, "td", _classes(cell.classes))
                self._inline(td, cell.parts)
        return wrapper

    def box(self, blocks: list[Block], classes: str = "milepost") -> etree.Element:
        if len(blocks) == 1 and isinstance(blocks[0], Box):
            return self._block(blocks[0])
        element = etree.Element("div", {"class": classes})
        for block in blocks:
            element.append(self._block(block))
        return element
