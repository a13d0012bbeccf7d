"""The glyphs a document gives a status of its own without a legend: it writes each beside the
words of that status, always ("| ⏳ Ausstehend |", "### Auto-Links - PLANNED ⏳"), and never
beside the words of the status the glyph has by default, so that where the glyph stands
alone ("| ⏳ |", "### 2. Contacts ⏳") it says what its words said."""

from __future__ import annotations

import re

from milepost.lazy import lazy_pattern
from milepost.vocabulary.status import EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_labels import STATUS_FIELD
from milepost.vocabulary.status_words import said_weakly, status_of_word

__all__ = ["field_glyphs", "paired_glyphs"]

# Words: letters, a blank, an apostrophe or a hyphen between them ("In Progress", "Won't do").
_WORDS = r"[^\W\d_](?:[^\W\d_]|[' -]){0,24}?"
# Status words right after a glyph, markup between or not, up to where a cell, a bracket, a
# label or the line ends, or a bracket opens a note: "⏳ **PLANNED**", "⏳ Ausstehend |", "⏳
# Planned (Specification Complete)".
_AFTER = lazy_pattern(rf"[ \t*_`]*(?P<w>{_WORDS})[ \t*_`]*(?:[|()\]:\r\n]|$)")
# Status words right before a glyph, after a dash, bar, bracket, colon or the line's start:
# "- PLANNED ⏳", "(Planned ⏳)" (no hyphen in them: "Reference-Style Links - PLANNED ⏳").
_BEFORE = lazy_pattern(
    r"(?:^|[-–—|(\[:#]|\n)[ \t*_`]*(?P<w>[^\W\d_](?:[^\W\d_]|[' ]){0,24}?)[ \t*_`]*$"
)
# A glyph that ends its line, over a Status field (a blank line between or not, other fields
# before it or not): "### M2: WebXR ⏳" over "**Timeframe:** Weeks 2-3" and "**Status:**
# Planned".
_NEXT_FIELD = lazy_pattern(
    r"[ \t]*\r?\n(?:[ \t]*\r?\n)?(?:[ \t>*_-]*[^\W\d_][^:\n]{0,30}:[^\n]{0,80}\n){0,3}"
    rf"[ \t>*_-]*(?i:{STATUS_FIELD})[ \t*_]*(?P<w>{_WORDS})[ \t*_`]*(?:[|()\].\r\n]|$)"
)
_FIELDS_WINDOW = 400
_HOURGLASSES = frozenset("⏳⌛")
# How many times a document must write a glyph beside another status's words, and never
# beside its own, for the glyph to say that status.
_TIMES = 2
_WINDOW = 32
# Glyphs that say their status in any document, whatever words they stand beside: a check, and
# work under way or under construction ("**Status**: 🔄 Planned" over each later phase leaves
# "- 🔄 Integration testing", under "### v1.0 (In Progress)", work under way). Those paired
# with other words are glyphs people read two ways: ⏳ waiting or under way, ❌ no or not yet.
_FIRM = frozenset("✅✔☑✓☒🚧🔄🏗")


def paired_glyphs(text: str) -> dict[str, Status]:
    """Each glyph of the vocabulary that ``text`` writes beside the words of one status only,
    another than the glyph's own, at least twice: glyph → that status. A glyph is left as soon
    as it stands beside its own status's words (most are, where they first stand)."""
    paired: dict[str, Status] = {}
    for glyph, own in EMOJI.items():
        if glyph in _FIRM:
            continue
        at = text.find(glyph)
        said: Status | None = None
        times = 0
        while at >= 0:
            status = _beside(text, at, at + len(glyph))
            if status is own or (status is not None and said not in (None, status)):
                break  # its own status, or two: the glyph says what it always says
            if status is not None:
                said, times = status, times + 1
            at = text.find(glyph, at + 1)
        else:
            if said is not None and times >= _TIMES:
                paired[glyph] = said
    return paired


def _beside(text: str, start: int, end: int) -> Status | None:
    """The status the words right after the glyph at ``start:end`` say, else those right
    before it."""
    if text[end : end + 1] == "\ufe0f":
        end += 1
    status = _words(_AFTER.match(text, end, end + _WINDOW))
    if status is None:
        status = _words(_BEFORE.search(text, max(0, start - _WINDOW), start))
    if status is None and text[start:end] in _HOURGLASSES and "\n" in text[end : end + 4]:
        # "### M2: WebXR Hello World ⏳" over "**Status:** Planned": its field says it again
        # (an hourglass only, read two ways: another glyph over a field that says otherwise
        # is stale, "### Phase 2 📋" over "**Status:** In Progress")
        status = _words(_NEXT_FIELD.match(text, end, end + _FIELDS_WINDOW))
    return status


def _words(found: re.Match[str] | None) -> Status | None:
    if found is None:
        return None
    words = found["w"].strip()
    return None if said_weakly(words) else status_of_word(words)


# A Status field whose value opens with a glyph that is no ASCII: "**Status: 📝 Planejado**".
_FIELD = lazy_pattern(rf"(?i){STATUS_FIELD}[ \t*_]*(?=[^\x00-\x7f])")


def field_glyphs(text: str) -> dict[str, Status]:
    """Each glyph of no status of its own that ``text`` writes as the value of a Status field
    beside the words of one status, at least twice, and nowhere beside another's words:
    glyph → that status ("**Status: 📝 Planejado**" over each planned phase: "- 📝 Mobile
    app" is planned)."""
    seen: dict[str, list[Status | None]] = {}
    for field in _FIELD.finditer(text):
        at = field.end()
        end = pictograph_at(text, at)
        if end is None or emoji_at(text, at) is not None:
            continue  # no glyph, or one of the vocabulary's (:func:`paired_glyphs`' to pair)
        glyph = text[at:end].replace("\ufe0f", "")
        seen.setdefault(glyph, []).append(_words(_AFTER.match(text, end, end + _WINDOW)))
    found: dict[str, Status] = {}
    for glyph, said in seen.items():
        status = said[0]
        if status is None or len(said) < _TIMES or any(other is not status for other in said):
            continue
        at = text.find(glyph)
        while at >= 0 and _beside(text, at, at + len(glyph)) in (None, status):
            at = text.find(glyph, at + 1)
        if at < 0:  # beside no other status's words anywhere
            found[glyph] = status
    return found
