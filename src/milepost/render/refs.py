"""How an item's references are shown: an issue number as written (``#412``), a link to a
GitHub issue or pull request as its number, each reference once."""

from __future__ import annotations

from typing import NamedTuple

from milepost.model import Item

__all__ = ["ShownRef", "shown_refs"]


class ShownRef(NamedTuple):
    """A reference as shown: its label and, for a link, its address (None for ``#N``)."""

    label: str
    url: str | None


def shown_refs(item: Item) -> list[ShownRef]:
    """The item's references in order, a link whose number is also written as ``#N`` left
    out (``(#398)`` and ``[#398](https://github.com/o/r/pull/398)`` are one reference)."""
    numbers = {ref[1:] for ref in item.refs if ref.startswith("#")}
    shown: list[ShownRef] = []
    for ref in item.refs:
        if ref.startswith("#"):
            shown.append(ShownRef(ref, None))
            continue
        last = ref.rstrip("/").rsplit("/", 1)[-1]
        if last not in numbers:
            shown.append(ShownRef(f"#{last}" if last.isdigit() else last, ref))
    return shown
