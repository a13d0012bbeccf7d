"""Small text helpers the renderers share."""

from __future__ import annotations

import unicodedata

__all__ = ["counted", "shorten", "text_width"]

# Advance widths in ems, rounded up from DejaVu Sans (the widest of the usual sans-serif
# faces, what system-ui is on many Linux desktops) and Liberation Sans (Arial's widths;
# Helvetica and Segoe UI draw narrower still): ASCII not listed takes _EM.
_EMS = {
    **dict.fromkeys("'ijlI ,.|", 0.35),
    **dict.fromkeys("/:;\\f-()[]t!r", 0.42),
    **dict.fromkeys('"*_`szcJ?', 0.56),
    **dict.fromkeys("AVXZBRCUNHDGOQK&", 0.8),
    **dict.fromkeys("wmMW@%#+<=>^~…", 1.05),
}
_EM = 0.68
_OTHER_EM = 0.95  # a letter outside ASCII ("Ü", "é", "ж")
_WIDE_EM = 1.3  # East Asian wide letters and emoji (Noto Color Emoji: 1.25)


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


def text_width(text: str, size: float) -> float:
    """An estimate, erring wide, of how wide ``text`` is drawn in a sans-serif face at
    ``size`` (its height in the same units): its letters' widths added up."""
    ems = 0.0
    for char in text:
        if char in _EMS:
            ems += _EMS[char]
        elif char.isascii():
            ems += _EM
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            ems += _WIDE_EM
        elif not unicodedata.combining(char):
            ems += _OTHER_EM
    return ems * size
