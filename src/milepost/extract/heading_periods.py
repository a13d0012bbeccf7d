"""When a heading or a label over a list says its items are due: "### November 2026",
"## Future (v1.5+)", "**raylib 7.0**", "**Q1 2027:**"."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from milepost.document import Inline
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.sections import strip_decoration

__all__ = ["heading_period", "label_period", "numbered_step"]


@lru_cache(maxsize=4096)
def _title_period(title: str) -> Period | None:
    return read_period(title, prose=True) or _named_release(title)


# A heading or label that names a release and nothing else: "raylib 7.0", "Release 2.5".
_NAMED_RELEASE = re.compile(r"(?P<name>[A-Za-z][\w+-]*)\s+v?(?P<v>\d+\.\d+(?:\.\d+)?)")
# Words that number a part of a plan, not a release: "Phase 2.1", "Step 1.2".
_SEQUENCE_WORDS = frozenset(
    {
        *("phase", "step", "stage", "part", "section", "chapter", "milestone", "goal"),
        *("initiative", "week", "weeks", "sprint", "level", "tier", "priority", "item"),
        *("task", "epic", "track"),
    }
)


def numbered_step(title: str) -> bool:
    """Whether a heading numbers a part of a plan ("Phase 1", "Sprint 3", "Step 2.1")."""
    found = _NUMBERED.match(strip_decoration(title))
    return found is not None and found["word"].lower() in _SEQUENCE_WORDS


_NUMBERED = re.compile(r"(?P<word>[A-Za-z]+)\s*#?\d")


def _named_release(title: str) -> Period | None:
    match = _NAMED_RELEASE.fullmatch(title.strip(" *_:"))
    if match is None or match["name"].lower() in _SEQUENCE_WORDS:
        return None
    return Period("version", match.group(), version="v" + match["v"])


# A label that says when the list was written, not when its work is due: "As of October
# 2026:", "**Last updated: January 2025**".
_WRITTEN = re.compile(r"(?i)\b(?:as\s+of|updated)\b")


def label_period(inline: Inline, anchor: date | None) -> Period | None:
    """The period a label over a list gives it: a short paragraph, all bold or ending with a
    colon, that says when ("**raylib 7.0**", "**Q1 2024:**"), but not when it was written."""
    text = inline.text.strip()
    if not text or len(text) > 60 or _WRITTEN.search(text):
        return None
    bold = sum(end - start for start, end in inline.strong)
    if bold < len(text) and not text.endswith(":"):
        return None
    return heading_period(text.rstrip(":").strip(), anchor)


def heading_period(title: str, anchor: date | None) -> Period | None:
    """A heading's period. Headings repeat within and across roadmaps, and only a relative
    range ("Next 4-6 Weeks") depends on the anchor: the rest are read once per title."""
    period = _title_period(title)
    if period is not None and period.kind == "relative":
        return read_period(title, anchor=anchor, prose=True)
    return period
