"""Setting the status of an item in a document that strikes its finished work through
("- ~~Search~~", :mod:`milepost.extract.conventions`): done is the item's words struck
("7. Vector tiles. ✨" shipped is "7. ~~Vector tiles.~~ ✨", the glyphs and release after
the words kept after them); another status takes the "~~" away first, then sets a marker
as in any list ("- ~~Search~~" started is "- 🚧 Search"). Work struck with ``<del>`` is
left to the other ways of setting a status (which refuse what they cannot do)."""

from __future__ import annotations

from milepost.document.item_lines import LIST_ITEM
from milepost.extract.conventions import decorations_only

__all__ = ["strike", "unstrike"]


def strike(line: str) -> str | None:
    """A list item's first ``line`` with its words struck through; None where it has a task
    box, is struck already, or has no words."""
    item = LIST_ITEM.match(line)
    if item is None or item["box"] or "~~" in item["rest"]:
        return None
    rest = item["rest"]
    body = rest.rstrip(" \t\r\n")
    ending = rest[len(body) :]
    words = body
    while " " in words and _glyphs(words.rpartition(" ")[2]):
        words = words.rpartition(" ")[0].rstrip(" \t")  # ":sparkles: :bookmark:3.0.0"
    if not words.strip() or decorations_only(words):
        return None
    return f"{item['lead']}~~{words}~~{body[len(words) :]}{ending}"


def _glyphs(word: str) -> bool:
    """Whether a word is glyphs of no status (a release glued to one: ":bookmark:3.0.0"),
    not a number that ends the item's words ("OpenLayers 6.0")."""
    return not word[:1].isalnum() and decorations_only(word)


def unstrike(line: str) -> str | None:
    """A list item's first ``line`` with the strikethrough over its words taken away; None
    where none is there."""
    item = LIST_ITEM.match(line)
    if item is None or item["rest"].count("~~") != 2:
        return None
    return f"{item['lead']}{item['box'] or ''}{item['rest'].replace('~~', '')}"
