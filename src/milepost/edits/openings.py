"""Where the status words that open an item's words are written, as the extractor reads
them: a label in capitals, a bracketed status, a keyword in a code span, the words after an
emoji; the edits relabel them in place (:mod:`.style`)."""

from __future__ import annotations

from milepost.document import Inline, read_inline
from milepost.extract.markers import code_keyword
from milepost.extract.opening_words import (
    box_label,
    bracketed_status,
    caps_keyword,
    caps_label,
    decorated_bracket,
)
from milepost.vocabulary.status_words import said_weakly, status_of_phrase

__all__ = ["code_word", "opening_words", "status_words"]


def opening_words(body: str, boxed: bool) -> tuple[int, int] | None:
    """Where the status words opening an item's ``body`` stand, as the extractor reads them:
    a label in capitals ("FUTURE: Sync", "DONE Set up CI"), after a task box in any case ("[
    ] idea: dark mode"), a bracketed status ("(in progress) Search", after a decoration too:
    "✨ (In progress) Due dates"), a keyword in a code span ("`WIP` Sops")."""
    capitals = caps_label(body) or (box_label(body) if boxed else caps_keyword(body))
    if capitals is not None:
        return 0, capitals[1]
    bracketed = bracketed_status(body) or decorated_bracket(body)
    if bracketed is not None:
        return bracketed[1], bracketed[2]
    return code_word(body)  # "`WIP` Sops": the keyword in its code span


def status_words(text: str) -> int:
    """Where the status words that open ``text`` (after an emoji) end, as the extractor reads
    them: a phrase that is not weak, alone or before a colon, dash or bracket; 0 for none."""
    found = status_of_phrase(text)
    if found is None or found[1] != 0:
        return 0
    tail = text[found[2] :].lstrip()
    if (tail and tail[0] not in ":-–(—,") or said_weakly(text[: found[2]]):
        return 0
    return found[2]


def code_word(markdown: str) -> tuple[int, int] | None:
    """Where the status keyword in the code span that opens ``markdown`` (an item's words)
    is written ("`WIP` Sops", "``WIP`` Sops", a no-break space after it too), as the
    extractor reads it (:func:`code_keyword`); None where none opens it."""
    if "`" not in markdown[:3]:
        return None
    reading = read_inline(markdown)
    spans = tuple(
        (start, end)
        for start, end, written, _ in reading.marks
        if start < end and markdown[written : written + 1] == "`"
    )
    found = code_keyword(Inline(reading.text, code=spans), 0) if spans else None
    if found is None:
        return None
    end = next(end for start, end in spans if start == 0)
    return reading.starts[0], reading.ends[end - 1]
