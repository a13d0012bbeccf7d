"""Mojibake: UTF-8 text that was read as Windows-1252 (``âœ…`` for ``✅``), found and repaired.

Pure. ftfy is imported only when a text looks garbled, so clean files cost one search.
"""

from __future__ import annotations

import re

from milepost.source import split_lines

__all__ = ["HINT", "repaired", "repaired_line"]

#: What a garbled character looks like: a lead byte read as Windows-1252, then a trail byte.
HINT = re.compile("[âðÃÂÅ][\u0080-\u02ff\u2000-\u2122]")


def repaired_line(line: str) -> str:
    """``line`` with its mojibake decoded back to the characters meant (unchanged when it has
    none, or when decoding would not give back sensible text)."""
    if HINT.search(line) is None:
        return line
    from ftfy import fix_encoding

    return fix_encoding(line)


def repaired(text: str) -> str:
    """``text`` with each garbled line repaired, every line break kept as it was."""
    if HINT.search(text) is None:
        return text
    out = []
    for line in split_lines(text):
        body = line.rstrip("\r\n")
        out.append(repaired_line(body) + line[len(body) :])
    return "".join(out)
