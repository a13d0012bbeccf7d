"""How titles are compared."""

from __future__ import annotations

__all__ = ["title_key"]


def title_key(text: str) -> str:
    """``text`` as titles are compared: case-folded, runs of white space made one space."""
    return " ".join(text.casefold().split())
