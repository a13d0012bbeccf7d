"""The status in a Status-column cell (a Status: field's value is read the same way): a
task box alone, emoji and words at its start, after a label or a few words that qualify it.
:mod:`.markers` reads where a list item's or a heading's marker counts."""

from __future__ import annotations

from milepost.document import Inline
from milepost.extract.marker import TASK_BOXES, Marker
from milepost.extract.markers import leading_markers
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import NO_LEGEND, Legend, pictograph_key
from milepost.vocabulary.status import CROSSES, DOTS, Status, emoji_at, emoji_written
from milepost.vocabulary.status_words import NOT_BUILT

__all__ = ["cell_status", "glyph_bar"]

_CELL_LABEL = lazy_pattern(r"(?i)\s*stat(?:us|e)\s*:\s*")
# A few words saying where or for whom the status holds, then a colon: "At Sandstorm: ".
_QUALIFIER = lazy_pattern(r"\s*[^\W\d][\w .'/&-]{0,28}?:\s+")
# What may follow a qualified status phrase: nothing, "yet", punctuation ("Not started yet.").
_QUALIFIED_END = lazy_pattern(r"(?i)(?:\s*yet)?\s*(?:[.,;(]|$)")


# A task box opening a Status cell, words after it: "[ ] Pending", "[x] Done (v2)".
# Where the words of a cell's status end before a note: a bracket, a colon, a comma, a stop,
# a dash set apart, or the end ("Not implemented (needs #12)", "未実装：Phase 8").
_NOTE = lazy_pattern(r"\s*(?:[(（:：,，.;—–]|-(?=\s)|$)")
_BOXED = lazy_pattern(r"\s*(?P<box>\[[ xX]\])[ \t]+(?=\S)")


def cell_status(inline: Inline, legend: Legend = NO_LEGEND) -> Marker | None:
    """The status in a Status-column cell: a task box alone (``[x]``) or before words that
    may refine it (``[ ] Pending``, ``[ ] In progress``), emoji and/or words at its start,
    after a ``Status:`` label that repeats the column's ("Status: Planned"), or after a few
    words that qualify it ("At Sandstorm: Not started yet.", where a status
    phrase stands as the whole of what follows); words win."""
    box = TASK_BOXES.get(inline.text.strip()) if inline.text[-1:] == "]" else None
    if box is not None:  # "| M1: Swarm Foundation | Month 3 | [x] |": a task box alone
        return Marker(box, inline.text.strip(), end=len(inline.text))
    boxed = _BOXED.match(inline.text) if "]" in inline.text[:6] else None
    if boxed is not None:  # "| [ ] Pending |": a box, and words that may refine it
        emoji_status, word_status, end, _ = leading_markers(
            inline, boxed.end(), legend, lenient=True
        )
        status = word_status or emoji_status
        if status is None:
            status, end = TASK_BOXES[boxed["box"]], boxed.end("box")
        return Marker(status, inline.text[boxed.start("box") : end].strip(), end=end)
    label = _CELL_LABEL.match(inline.text) if ":" in inline.text else None
    start = label.end() if label else _blanks(inline.text)  # "<Tag> Planned </Tag>"
    emoji_status, word_status, end, written = leading_markers(inline, start, legend, lenient=True)
    status = word_status or emoji_status
    if emoji_status is Status.DONE and word_status is not None and _says_available(written):
        status = emoji_status  # "| ✅ Ready |": a dependency ready, its check says done
    if status is None and not label and ":" in inline.text:
        qualifier = _QUALIFIER.match(inline.text)
        if qualifier is not None and len(qualifier.group().split()) <= 4:
            start = qualifier.end()
            emoji_status, word_status, end, written = leading_markers(
                inline, start, legend, lenient=True
            )
            status = word_status or emoji_status
            if status is not None and not _QUALIFIED_END.match(inline.text, end):
                status = None
    if status is None and (unbuilt := _not_built(inline.text, start)) is not None:
        return unbuilt
    if status is None or (word_status is None and glyph_bar(inline.text.strip())):
        return None  # "| ☐☐☐☐☐☐☐☐☐☐ |": a bar of progress, no glyph's status
    lead = inline.text[start:].lstrip()
    glyph = emoji_at(lead)
    key = glyph[0] if glyph else pictograph_key(lead)  # "⚠️" of "⚠️ = partly done"
    legend_said = word_status is None and key is not None and legend.glyph(key)
    source = "legend" if legend_said or (word_status and legend.owns(written)) else "marker"
    return Marker(status, written or inline.text.strip(), source, end=end)


def _says_available(written: str) -> bool:
    """Whether the words after the glyph opening a cell's marker say only that the thing is
    there to use, up to date or gone ("✅ Ready", "✅ Current", "✅ Eliminated"; not "✅
    Planned", nor "✅ Progredindo", progressing), so that the glyph says its status."""
    found = emoji_written(written)
    return found is not None and written[found[1] :].strip(" *_:").lower() in _AVAILABLE


# Words that say a thing is there to use, up to date ("| This document | ✅ Current |") or
# gone ("| Memory leak | ✅ Eliminated |"): work ready to start, under way or dropped where
# they stand alone.
_AVAILABLE = frozenset({"ready", "available", "current", "eliminated", "removed"})


def _not_built(text: str, start: int) -> Marker | None:
    """Work a Status cell says is not built yet, a coloured dot or a cross before the words
    or not, a note after them or not: "| 🔴 Not implemented |", "| 🔴 未実装 |", "| ❌ Not
    yet implemented (needs #12) |": work not started, planned."""
    at = start + len(text[start:]) - len(text[start:].lstrip())
    glyph = emoji_written(text, at)
    if glyph is not None and (glyph[0] in DOTS or glyph[0] in CROSSES):
        at = glyph[1] + len(text[glyph[1] :]) - len(text[glyph[1] :].lstrip())
    note = _NOTE.search(text, at)
    end = note.start() if note is not None else len(text)
    if " ".join(text[at:end].lower().split()) not in NOT_BUILT:
        return None
    return Marker(Status.PLANNED, text[start:end].strip(), end=end)


def glyph_bar(text: str) -> bool:
    """Whether ``text`` is a bar of glyphs: three or more of at most two kinds, no letter,
    digit or blank among them ("▰▰▰▱▱", "🟩🟩⬜⬜⬜", "☐☐☐☐☐")."""
    glyphs = text.replace("\ufe0f", "")
    return (
        len(glyphs) >= 3
        and len(set(glyphs)) <= 2
        and not any(char.isalnum() or char.isspace() for char in glyphs)
    )


def _blanks(text: str) -> int:
    """How many blanks open ``text`` (an HTML tag around a cell's words leaves one)."""
    return len(text) - len(text.lstrip(" \t\u00a0"))
