"""The neutral blocks of :mod:`milepost.render.docs` as docutils nodes, for every builder.

Text stays text (the writers escape it); only the dependency graph's SVG is a ``raw`` HTML
node, and builders other than HTML skip it (the edges are written out as a list beside it).
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx import addnodes

from milepost.render.blocks import (
    Block,
    Bullets,
    Cell,
    Inline,
    Link,
    Mermaid,
    Para,
    Rubric,
    Svg,
    Table,
    Text,
)

__all__ = ["to_nodes"]

#: A roadmap path → the docname of its page in this build, if it is one.
DocOf = Callable[[str], str | None]


def _inline(part: Inline, doc_of: DocOf) -> nodes.Node:
    if isinstance(part, Text):
        if part.strong:
            return nodes.strong(part.text, part.text, classes=list(part.classes))
        if part.classes:
            return nodes.inline(part.text, part.text, classes=list(part.classes))
        return nodes.Text(part.text)
    if isinstance(part, Link):
        return nodes.reference(part.text, part.text, refuri=part.url)
    docname = doc_of(part.path) if part.path else None
    if docname is None:
        return nodes.Text(part.text)
    xref = addnodes.pending_xref(
        "",
        nodes.inline(part.text, part.text, classes=["doc"]),
        refdomain="std",
        reftype="doc",
        reftarget="/" + docname,
        refexplicit=True,
        refwarn=True,
    )
    return xref


def _paragraph(
    parts: tuple[Inline, ...], doc_of: DocOf, classes: tuple[str, ...] = ()
) -> nodes.paragraph:
    para = nodes.paragraph(classes=list(classes))
    para += [_inline(p, doc_of) for p in parts]
    return para


def _entry(cell: Cell | str, doc_of: DocOf) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(cell, str):
        entry += nodes.paragraph(cell, cell)
    else:
        entry["classes"] += list(cell.classes)
        entry += _paragraph(cell.parts, doc_of)
    return entry


def _table(table: Table, doc_of: DocOf) -> nodes.table:
    node = nodes.table(classes=list(table.classes))
    group = nodes.tgroup(cols=len(table.header))
    node += group
    group += [nodes.colspec(colwidth=1) for _ in table.header]
    head = nodes.thead()
    row = nodes.row()
    row += [_entry(h, doc_of) for h in table.header]
    head += row
    body = nodes.tbody()
    for cells in table.rows:
        row = nodes.row()
        row += [_entry(c, doc_of) for c in cells]
        body += row
    group += [head, body]
    return node


def _block(block: Block, doc_of: DocOf, mermaid_node: type[nodes.Element] | None) -> nodes.Node:
    if isinstance(block, Para):
        return _paragraph(block.parts, doc_of, block.classes)
    if isinstance(block, Rubric):
        return nodes.rubric(block.text, block.text)
    if isinstance(block, Bullets):
        bullets = nodes.bullet_list(classes=list(block.classes))
        for parts in block.items:
            item = nodes.list_item()
            item += _paragraph(parts, doc_of)
            bullets += item
        return bullets
    if isinstance(block, Table):
        return _table(block, doc_of)
    if isinstance(block, Svg):
        return nodes.raw("", block.markup, format="html")
    if isinstance(block, Mermaid):
        if mermaid_node is None:  # pragma: no cover - graph_view asks for Mermaid only with it
            return nodes.literal_block(block.source, block.source)
        node = mermaid_node()
        node["code"] = block.source
        node["options"] = {}
        return node
    box = nodes.container(classes=list(block.classes))
    box += [_block(child, doc_of, mermaid_node) for child in block.children]
    return box


def to_nodes(
    blocks: list[Block], doc_of: DocOf, mermaid_node: type[nodes.Element] | None = None
) -> list[nodes.Node]:
    """docutils nodes for ``blocks``; track names link to their pages where ``doc_of`` knows
    one; Mermaid blocks become ``mermaid_node`` (sphinxcontrib.mermaid's node class)."""
    return [_block(block, doc_of, mermaid_node) for block in blocks]
