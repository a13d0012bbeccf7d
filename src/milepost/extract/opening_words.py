"""Status words that open an item before its name, a marker of their own: a status in
brackets ("(in progress) Search", "[Done] Export", after a decoration too: "✨ (In progress)
Due dates"), a label in capitals and a colon ("FUTURE: Sync"), and after an open task box a
label in any case ("- [ ] idea: dark mode"). Read by
:mod:`.markers` and :mod:`.heading_markers`; the edits set them where they stand."""

from __future__ import annotations

import re
from collections.abc import Callable

from milepost.extract.tag_words import strong_word
from milepost.lazy import lazy_pattern
from milepost.vocabulary.status import Status, decorations_end
from milepost.vocabulary.status_words import status_of_phrase, status_of_word

__all__ = ["box_label", "bracketed_status", "caps_keyword", "caps_label", "decorated_bracket"]


# A status in brackets opening an item, before its name: "(in progress) Foo", "[Done] Bar",
# "[IN_PROGRESS] Baz".
_BRACKETED = lazy_pattern(
    r"[(\[][ *_]*(?P<word>[^\W\d_][\w' -]{0,24}?)[ *_]*[)\]](?:[ \t]+(?=\S)|(?P<alone>[ \t]*$))"
)


def bracketed_status(
    text: str, pos: int = 0, *, alone: bool = False
) -> tuple[Status, int, int, int] | None:
    """A status in brackets opening ``text`` at ``pos``, before the item's name ("(in
    progress) Foo", "[Done] Bar", "(_blocked_) Baz", "[EN COURS] Export"), or ``alone`` in
    it (a Status cell's "[DONE]"): ``(status, where its word starts, where it ends, where the
    name starts)``; None for another bracket ("(optional) Foo") or a word that is a status
    only in a Status cell ("(current) Alpha 4", "(open) Search")."""
    found = _BRACKETED.match(text, pos) if text[pos : pos + 1] in ("(", "[") else None
    if found is not None and found["alone"] is not None and not alone:
        return None
    status = strong_word(found["word"]) if found is not None else None
    if found is None or status is None:
        return None
    return status, found.start("word"), found.end("word"), found.end()


# A label in capitals opening an item, then a colon: "FUTURE: Sync", "IN PROGRESS: Export".
_CAPS_LABEL = re.compile(r"(?P<word>[A-Z][A-Z' _-]{1,24}?):[ \t]+(?=\S)")


def caps_label(text: str, pos: int = 0) -> tuple[Status, int, int] | None:
    """A status label in capitals and a colon opening ``text`` at ``pos`` (``FUTURE:
    Sync``): ``(status, where its word ends, where the name starts)``; None for a label
    that is no status ("NOTE:", "NEW:") or a weak word ("IMPLEMENTED:")."""
    return _label(_CAPS_LABEL.match(text, pos), strong_word)


def caps_keyword(text: str) -> tuple[Status, int, int] | None:
    """A status in capitals opening an item's ``text`` before its name, a blank between, as
    org-mode writes its keywords (``DONE Set up CI``, ``IN PROGRESS Export``): as
    :func:`caps_label`; None for capitals that are no status ("API docs", "NEW feature") or
    a weak word. An item with a task box has its status from the box ("[x] TODO socket
    handling" is done), so the caller asks only of items with none."""
    found = status_of_phrase(text[:48]) if text[:2].isupper() else None  # most items: no caps
    if found is None or found[1] != 0:
        return None
    word = text[: found[2]]
    name = _NAME_AFTER.match(text, found[2])
    if name is None or not word.isupper() or strong_word(word) is None:
        return None
    return found[0], found[2], name.end()


# Blanks, then the item's name: "DONE Set up CI" (not "DONE:", "DONE-ish", "DONE ").
_NAME_AFTER = lazy_pattern(r"[ \t]+(?=[^\s:])")


def decorated_bracket(text: str) -> tuple[Status, int, int, int] | None:
    """:func:`bracketed_status` after the glyphs of no status that may lead ``text`` ("✨
    (In progress) Due dates"), as :func:`leading_markers` reads it."""
    pos = decorations_end(text)
    return bracketed_status(text, pos) if pos else None


# A status word and a colon after a task box, in any case: "- [ ] idea: dark mode".
_BOX_LABEL = lazy_pattern(r"(?P<word>[A-Za-z][A-Za-z' _-]{1,24}?):[ \t]+(?=\S)")


def box_label(text: str, pos: int = 0) -> tuple[Status, int, int] | None:
    """A status label and a colon opening an open task's ``text`` at ``pos`` (``- [ ] idea:
    dark mode``, ``- [ ] wip: search``, a strong word before a dash: ``- [ ] WIP -
    Tutorial``), in any case, a weak word too: the box says the
    task, the label what state it is in. As :func:`caps_label`; None for a label that is no
    status ("docs:", "fix:")."""
    labelled = _label(_BOX_LABEL.match(text, pos), status_of_word)
    if labelled is None and " " in text[pos : pos + 30]:
        labelled = _label(_BOX_DASHED.match(text, pos), strong_word)  # "[ ] WIP - Tutorial"
    return labelled


# A strong status word and a dash set apart opening an open task: "- [ ] WIP - Tutorial" (not
# a weak one: "- [ ] Testing - unit tests" names a topic).
_BOX_DASHED = lazy_pattern(r"(?P<word>[A-Za-z][A-Za-z' ]{1,24}?)[ \t]+[-–—][ \t]+(?=\S)")


def _label(
    found: re.Match[str] | None, says: Callable[[str], Status | None]
) -> tuple[Status, int, int] | None:
    """The status a label's word ``says``, where its word ends, where the name starts."""
    status = says(found["word"]) if found is not None else None
    if found is None or status is None:
        return None
    return status, found.end("word"), found.end()
