"""A status said right after an item's name (``**CA Injection**: ✅ Complete ...``, ``Phase 1:
Frontend (Done ✅) - ...``), set where it stands: its glyphs and words give way to the new
status's, in the document's own (a ``:shortcode:`` where it writes them) and in the case the
words were written in; its brackets, the name and the description stay as written.

The marker is found where the extractor reads it (:func:`~milepost.extract.name_tags.
name_tag`, in the text the line reads as, its positions mapped back to the Markdown by
:func:`milepost.document.read_inline`), so an edit sets exactly what was read."""

from __future__ import annotations

from milepost.document import Inline, read_inline
from milepost.edits.voice import Voice, relabel
from milepost.extract.markers import leading_markers
from milepost.extract.name_tags import name_tag, value_pieces
from milepost.vocabulary.status import Status

__all__ = ["set_name_status"]


def set_name_status(text: str, status: Status, voice: Voice) -> str | None:
    """``text`` (the Markdown of an item's first line after its bullet, box and leading status
    emoji) with the status said after its name set to ``status``; unchanged where it says
    ``status`` already; None where no status is said after the name.

    Raises :class:`ValueError` where markup splits the marker's glyph or words (``(**Not**
    Started)``): no run of the Markdown says them alone."""
    reading = read_inline(text)
    strong = tuple(
        (start, end)
        for start, end, first, _ in reading.marks
        if start < end and text.startswith(("**", "__"), first)
    )
    inline = Inline(reading.text, strong=strong)
    after = leading_markers(inline, 0, voice.legend, lenient=False)[2]
    tag = name_tag(inline, after, voice.legend)
    if tag is None:
        return None
    if tag.status is status:
        return text
    start, value = tag.start, tag.written
    if value[:1] in ("(", "[", "（"):  # a bracketed marker: its brackets stay
        start, value = start + 1, value[1:-1]
    pieces = value_pieces(value, voice.legend)
    for first, last, _, is_glyph in reversed(pieces):
        old = value[first:last]
        new = voice.glyph(status, old) if is_glyph else relabel(old, status, voice)
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
