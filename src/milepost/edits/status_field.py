"""A ``Status:`` field after an item's words (``Dark mode - Status: Planned``, ``Export
(Status: Planned)``, ``Search - **Status:** _Planned_``), set where it stands: its value's
emoji and words give way to the new status's, in the document's words and in the case they
were written in (words that name no status, "TBD", give no case to copy); the label,
brackets, dashes, markup and a full stop around them stay as written.

The field is found where the extractor reads it (:func:`~milepost.extract.trailing_tags.
status_field`, in the text the line reads as, its positions mapped back to the Markdown by
:func:`milepost.document.read_inline`). Both the edits that give an item a new status and
``request`` set a field this way.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from milepost.document import InlineSource, read_inline
from milepost.edits.voice import Voice, relabel
from milepost.extract.trailing_tags import status_field, trailing_tag
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_words import status_in_value, status_of_word

__all__ = ["before_tag", "free_text_status", "set_status_field"]

# A value that names no status but is words ("Accepted"): ``request`` sets it all the same.
_WORDS = re.compile(r"[A-Za-z][A-Za-z' -]*")
_OPENING = " \t-–—(["
# What closes a sentence after the value ("Status: Planned."), read through by the status
# words, and no part of the words an edit sets.
_CLOSING = ".!"


class _Field(NamedTuple):
    reading: InlineSource
    #: Where the field begins in the text read, and where its value is.
    at: int
    start: int
    end: int
    #: The status its value reads as (None: words no reader takes for a status).
    said: Status | None


def _field(text: str, legend: Legend, *, any_words: bool) -> _Field | None:
    """The field that ends ``text`` (Markdown): one whose value reads as a status, or with
    ``any_words``, one whose value is words."""
    reading = read_inline(text)
    place = status_field(reading.text)
    if place is None:
        return None
    at, start, end = place
    end = start + len(reading.text[start:end].rstrip(_CLOSING))
    tag = trailing_tag(reading.text, legend)
    if tag is not None and tag.kind == "field":
        value = reading.text[start:end]
        said = free_text_status(value, legend)
        if said is not None and said[0] is tag.status:  # "DONE. Released in 0.15.0": its
            start, end = start + said[1], start + said[2]  # status words alone are set
        return _Field(reading, at, start, end, tag.status)
    if any_words and _WORDS.fullmatch(reading.text[start:end]):
        return _Field(reading, at, start, end, None)
    return None


def free_text_status(value: str, legend: Legend) -> tuple[Status, int, int] | None:
    """Where the status words of a value in free text stand ("DONE. Released in 0.15.0",
    "design in progress"); None for a value that is a status whole ("✅ Done", "Planned")."""
    if not value[:1].isalpha() or legend.word(value) or status_of_word(value):
        return None
    return status_in_value(value)


def set_status_field(
    text: str, status: Status, voice: Voice, *, any_words: bool = False
) -> str | None:
    """``text`` (Markdown: a line, or the words of an item) with the value of the ``Status:``
    field that ends it set to ``status`` in ``voice`` (its words alone: a full stop after them
    stays); unchanged where the value reads as ``status`` already. None where it ends with no
    field whose value reads as a status (with ``any_words``, none whose value is words).

    Raises :class:`ValueError` where markup splits the value's emoji or words (``Status:
    **Not** Started``): no run of the Markdown says them alone."""
    found = _field(text, voice.legend, any_words=any_words)
    if found is None:
        return None
    if found.said is status:
        return text
    reading, start = found.reading, found.start
    value = reading.text[start : found.end]
    pieces: list[tuple[int, int, str]] = []  # in the value: start, end, what it becomes
    words = 0
    glyph = voice.glyph_end(value)
    if glyph is not None:
        pieces.append((0, glyph, voice.glyph(status, value[:glyph])))
        words = len(value) - len(value[glyph:].lstrip())
    if words < len(value):
        # Words that name no status ("TBD") give no case to copy: the document's word as is.
        said = value[words:]
        new = relabel(said, status, voice) if found.said is not None else voice.word(status)
        pieces.append((words, len(value), new))
    for first, last, new in reversed(pieces):
        begin, finish = reading.starts[start + first], reading.ends[start + last - 1]
        if text[begin:finish] != value[first:last]:
            raise ValueError(
                f"cannot set the status field {value!r}, whose words markup splits:"
                " change the line by hand"
            )
        text = text[:begin] + new + text[finish:]
    return text


def before_tag(text: str, note: str, legend: Legend = NO_LEGEND) -> str | None:
    """``text`` with ``note`` (`` (waiting on #412)``) put before the status tag that ends it
    (a ``Status:`` field, a bracketed or a dash tag, owners and references after it or not),
    and before the dash or bracket that opens the tag ("Export (waiting on #412) - Status:
    Blocked", "Export (waiting on #412) (blocked) @kim"): after it, the note would be read as
    part of a field's value, or would end the item in the tag's place. Where the tag is all
    there is, the note opens the text ("(waiting on #412) Status: Blocked"). None where
    ``text`` ends with no tag read as a status."""
    reading = read_inline(text)
    tag = trailing_tag(reading.text, legend)
    if tag is None:
        return None
    cut = tag.start
    while cut > 0 and reading.text[cut - 1] in _OPENING:
        cut -= 1
    if cut == 0:
        return f"{note.strip()} {text.lstrip()}"
    at = reading.starts[cut]
    return text[:at] + note + text[at:]
