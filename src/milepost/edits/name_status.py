"""A status said right after an item's name (``**CA Injection**: ✅ Complete ...``, ``Phase 1:
Frontend (Done ✅) - ...``), set where it stands: its glyphs and words give way to the new
status's, in the document's own (a ``:shortcode:`` where it writes them) and in the case the
words were written in; its brackets, the name and the description stay as written. A
reason's note goes after the name where, at the end of the line, the status would read no
more (``Compiler (x): Blocked.``).

The marker is found where the extractor reads it (:func:`~milepost.extract.name_tags.
name_tag`, in the text the line reads as, its positions mapped back to the Markdown by
:func:`milepost.document.read_inline`), so an edit sets exactly what was read."""

from __future__ import annotations

import re

from milepost.document import Inline, InlineSource, read_inline
from milepost.edits.notes import ending_note
from milepost.edits.voice import Voice, relabel
from milepost.extract.glyph_tags import joined_head
from milepost.extract.markers import leading_markers
from milepost.extract.name_tags import name_tag, value_pieces
from milepost.extract.tag_words import Tag, dated_tail
from milepost.vocabulary.status import Status

__all__ = ["set_name_status"]


def set_name_status(
    text: str, status: Status, voice: Voice, note: str = ""
) -> tuple[str, str] | None:
    """``text`` (the Markdown of an item's first line after its bullet, box and leading status
    emoji) with the status said after its name set to ``status`` (unchanged where it says
    ``status`` already), and what is left of ``note`` (a reason's " (x)") to place: none
    where the note went after the name, because at the end of the line the status would no
    longer read ("Compiler: Blocked. (x)" says nothing; "Compiler (x): Blocked." says it);
    None where no status is said after the name.

    Raises :class:`ValueError` where markup splits the marker's glyph or words (``(**Not**
    Started)``): no run of the Markdown says them alone."""
    found = _name_tag(text, voice)
    if found is None:
        return None
    reading, tag = found
    if tag.status is not status:
        body = text.rstrip(" \t")
        aside = _NOTE.search(body) if tag.kind == "opening" else None  # "(see MILESTONES.md)"
        said = body[: aside.start()] if aside is not None else body
        when = dated_tail(said) if tag.kind == "opening" else None
        if when is not None and reading.text[tag.end :].strip().startswith(when.group().strip()):
            # "Phase 01: Completed on 2025-12-25" started: the day it was done goes with it
            text = said[: when.start()] + body[len(said) :] + text[len(body) :]
        text = _set(text, reading, tag, status, voice)
    noted = _after_name(text, note, voice) if note else None
    return (text, note) if noted is None else (noted, "")


# A note in brackets ending the line, after the status and the day it says.
_NOTE = re.compile(r"[ \t]*\([^()]*\)$")


def _name_tag(text: str, voice: Voice) -> tuple[InlineSource, Tag] | None:
    """``text`` as it reads, and the status said after its name; None where none is."""
    reading = read_inline(text)
    strong = tuple(
        (start, end)
        for start, end, first, _ in reading.marks
        if start < end and text.startswith(("**", "__"), first)
    )
    inline = Inline(reading.text, strong=strong)
    after = leading_markers(inline, 0, voice.legend, lenient=False)[2]
    tag = name_tag(inline, after, voice.legend)
    return None if tag is None else (reading, tag)


def _set(text: str, reading: InlineSource, tag: Tag, status: Status, voice: Voice) -> str:
    """``text`` with the glyphs and words of ``tag`` (as ``reading`` reads it) said as
    ``status``."""
    start, value = tag.start, tag.written
    if value[:1] in ("(", "[", "（"):  # a bracketed marker: its brackets stay
        start, value = start + 1, value[1:-1]
    pieces = value_pieces(value, voice.legend)
    for first, last, _, is_glyph in reversed(pieces):
        old = value[first:last]
        # words joined to the status word ("done + DEPLOYED") go with it
        words = None if is_glyph else joined_head(old) or old
        new = voice.glyph(status, old) if words is None else relabel(words, status, voice)
        if is_glyph and len(pieces) == 1 and voice.cross_needs_word(new):
            new = f"{new} {voice.word(status)}"  # "**Auth**: ❌ Dropped", not a bare "no"
        begin, finish = reading.starts[start + first], reading.ends[start + last - 1]
        if text[begin:finish] != old:
            raise ValueError(
                f"cannot set the status {tag.written!r} after the item's name, whose markup"
                " splits it: change the line by hand"
            )
        text = text[:begin] + new + text[finish:]
    return text


def _after_name(text: str, note: str, voice: Voice) -> str | None:
    """``text`` with ``note`` after the name its status follows, inside the name's bold
    ("**Auth (x)**: Blocked"), before its colon or the bracket of its status ("TASK-013 (x)
    (BLOCKED) — Backend"); None where the note may end the line as it ends others (the
    status still reads with it there: "**Auth**: ✅ Complete - the login (x)") or reads
    after the name no better."""
    found = _name_tag(text, voice)
    if found is None:
        return None
    reading, tag = found
    words = text.rstrip(" \t")
    # where the caller puts it otherwise: before a tag that ends the line, else at its end
    placed = ending_note(words, note, voice.legend)
    again = _name_tag(placed + text[len(words) :], voice)
    if again is not None and again[1].status is tag.status:
        return None
    said = reading.text
    end = len(said[: tag.start].rstrip(" \t"))
    separator = end
    if tag.kind == "opening" and said[end - 1 : end] in (":", "："):
        separator = end - 1
        end = len(said[:separator].rstrip(" \t"))
    if end <= 0:
        return None
    at = reading.ends[end - 1]
    closing = text[at : reading.starts[separator]]
    if closing.strip(" \t*_"):  # a code span or a link closes the name: the note after it
        at += len(closing.rstrip(" \t"))
    noted = text[:at] + note + text[at:]
    again = _name_tag(noted, voice)
    return noted if again is not None and again[1].status is tag.status else None
