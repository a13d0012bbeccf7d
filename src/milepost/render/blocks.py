"""The neutral blocks a docs directive shows: paragraphs, lists, tables, a drawing.

The Sphinx extension turns them into docutils nodes and the Markdown extension into HTML
elements; nothing here knows either tool.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Block",
    "Box",
    "Bullets",
    "Cell",
    "Inline",
    "Link",
    "Mermaid",
    "Para",
    "Rubric",
    "Svg",
    "Table",
    "Text",
    "TrackLink",
]


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    strong: bool = False
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TrackLink:
    """A track's name, linked to the track's page where its roadmap is part of the docs."""

    text: str
    path: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """An outside link; ``url`` has passed :func:`safe_url`."""

    text: str
    url: str


Inline = Text | TrackLink | Link


@dataclass(frozen=True, slots=True)
class Cell:
    parts: tuple[Inline, ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Para:
    parts: tuple[Inline, ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rubric:
    """A small heading that does not enter the page's table of contents."""

    text: str


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[tuple[Inline, ...], ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Svg:
    """Markup made by :func:`milepost.render.site.graph_svg` (every text in it escaped)."""

    markup: str


@dataclass(frozen=True, slots=True)
class Mermaid:
    source: str


@dataclass(frozen=True, slots=True)
class Box:
    classes: tuple[str, ...]
    children: tuple[Block, ...]


Block = Para | Rubric | Bullets | Table | Svg | Mermaid | Box
