"""How titles are compared."""

from __future__ import annotations

import re

__all__ = ["CARRIED_OVER", "title_key"]

#: The note ``rollover`` leaves on work it carries to the next month: where it came from, not
#: which work it is nor when it is ("Sync (carried over from October, November 2026)").
CARRIED_OVER = re.compile(r"\(carried over from (?P<months>[^)]*)\)", re.IGNORECASE)


def title_key(text: str) -> str:
    """``text`` as titles are compared: case-folded, runs of white space made one space."""
    return " ".join(text.casefold().split())
