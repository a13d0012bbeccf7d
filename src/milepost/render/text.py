"""Small text helpers the renderers share."""

from __future__ import annotations

__all__ = ["counted", "shorten"]


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters: whole, or cut at the last word boundary
    that fits, with an ellipsis (a single word longer than the limit is cut inside)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > 0:
        head = head[:space]
    return head.rstrip(" ,;:.-–—") + "…"


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless the count is one: "1 item", "2 items", "0 items"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
