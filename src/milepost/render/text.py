"""Small text helpers the renderers share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["counted", "shorten", "track_labels"]


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


def track_labels(tracks: Iterable[tuple[str, str]]) -> list[str]:
    """What to call each track of ``(name, slug)`` pairs where they are shown side by side:
    its name, with its slug where another track goes by the same name (two roadmaps titled
    "# Roadmap" are "Roadmap (crossplane)" and "Roadmap (openebs)")."""
    pairs = list(tracks)
    names = Counter(name for name, _ in pairs)
    return [f"{name} ({slug})" if names[name] > 1 else name for name, slug in pairs]
