"""Which of the files below a root are roadmaps: glob patterns with ``**``, matched purely."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["matches", "select"]


@lru_cache(maxsize=64)
def _compile(pattern: str) -> re.Pattern[str]:
    """``**/`` matches any folders (or none), ``*`` any name part, ``?`` one character."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE)


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a ``/``-separated path relative to the root matches any pattern."""
    return any(_compile(p).match(relative) for p in patterns)


def select(relatives: Iterable[str], patterns: Iterable[str]) -> list[str]:
    """The matching paths, sorted."""
    chosen = tuple(patterns)
    return sorted(r for r in relatives if matches(r, chosen))
