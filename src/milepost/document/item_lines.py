"""A list item's first line as written, read apart from the block tree: its bullet (with
indentation and quote markers), its task box and its words. The extractor reads a badge where
the words begin; the edits rewrite the words and the box."""

from __future__ import annotations

import re

from milepost.lazy import lazy_pattern

__all__ = ["LIST_ITEM"]

# A list item's first line (its line ending split off): its indentation, quote markers and
# bullet (``lead``), its task box, its words (``rest``). Compiled on first use: loading a
# roadmap needs it only for an item that holds HTML.
LIST_ITEM = lazy_pattern(
    r"^(?P<lead>[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)"
    r"(?P<box>\[[ xX]\][ \t]+)?"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
