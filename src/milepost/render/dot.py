"""The portfolio's dependency graph in Graphviz DOT (``milepost graph --format dot``)."""

from __future__ import annotations

from milepost.portfolio.model import Portfolio
from milepost.render.text import shorten

__all__ = ["dot"]


def dot(portfolio: Portfolio) -> str:
    """Dependencies as arrows labelled with what is needed (as the Mermaid graph has them);
    edges on a cycle are red and bold."""
    lines = ["digraph portfolio {", "    rankdir=LR;", "    node [shape=box, style=rounded];"]
    # Nodes by number, labelled in full: labels cut short are no ids (two long names that
    # start alike would be one node).
    node: dict[str, str] = {}
    for number, track in enumerate(portfolio.tracks, 1):
        node.setdefault(track.track, f"t{number}")
        lines.append(f"    t{number} [label={_dot(track.track)}];")
    for edge in portfolio.edges:
        if edge.kind != "dependency" or edge.source not in node or edge.target not in node:
            continue
        when = f" by {edge.when}" if edge.when else ""
        style = ", color=red, penwidth=2" if portfolio.on_cycle(edge) else ""
        label = _dot(edge.what + when, 40)
        lines.append(f"    {node[edge.source]} -> {node[edge.target]} [label={label}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot(text: str, limit: int | None = None) -> str:
    """``text`` (shortened to ``limit``) in a quoted DOT string, on one line: a quote or a
    backslash escaped, so that neither ends the string nor starts an escape (``\\N``)."""
    text = shorten(text, limit) if limit else " ".join(text.split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
