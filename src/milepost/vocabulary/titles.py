"""How titles are compared."""

from __future__ import annotations

import re

__all__ = ["CARRIED_OVER", "has_words", "title_key"]

#: The note ``rollover`` leaves on work it carries to the next month: where it came from, not
#: which work it is nor when it is ("Sync (carried over from October, November 2026)").
CARRIED_OVER = re.compile(r"\(carried over from (?P<months>[^)]*)\)", re.IGNORECASE)


def title_key(text: str) -> str:
    """``text`` as titles are compared: case-folded, runs of white space made one space."""
    return " ".join(text.casefold().split())


def has_words(title: str, query: str) -> bool:
    """Whether ``title`` holds every word of ``query``, in any order and case (each as part
    of its words): "checkpoint resume" names "Checkpoint and resume for long runs"."""
    words = title_key(query).split()
    key = title_key(title)
    return bool(words) and all(word in key for word in words)
