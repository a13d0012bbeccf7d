"""Notes an edit writes into an item's line: a reason before its owners ("(waiting on
#412) @gwen"), "(carried over from November 2026)" where a status tag or label lets it
stand, and the title without that note once the work ships."""

from __future__ import annotations

import re

from milepost.edits.lines import LABEL, item_parts
from milepost.edits.status_field import before_tag
from milepost.extract.tag_words import ending_run
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.status_labels import is_status_label
from milepost.vocabulary.titles import CARRIED_OVER

__all__ = ["before_owners", "carried_over", "ending_note", "without_carried_note"]

# Owners, each taken whole and tried from where a run of blanks begins, so that
# :func:`ending_run` reads a line once: "(?:\s+@[\w-]+)+$" scanned on from each blank of a
# long run, in quadratic time.
_OWNERS = re.compile(r"(?<!\s)(?:\s++@[\w-]++)++")


def before_owners(text: str, note: str) -> str:
    """``text`` with ``note`` inserted before its trailing ``@owners`` (else at its end), as
    people write "(waiting on #412) @gwen"."""
    at = ending_run(_OWNERS, text)
    at = len(text) if at is None else at
    return f"{text[:at]}{note}{text[at:]}"


def ending_note(text: str, note: str, legend: Legend = NO_LEGEND) -> str:
    """``text`` with ``note`` where a note ending an item goes: before a status tag that ends
    it (after it, the note would end the item in the tag's place), else before its owners."""
    return before_tag(text, note, legend) or before_owners(text, note)


def carried_over(text: str, month: str, legend: Legend = NO_LEGEND) -> str:
    """``text`` (a list item's line) noted as carried over from ``month``, before a status tag
    that ends it ("Search (carried over from November 2026) (in progress) @kim": after it,
    the note would end the item in the tag's place), else before its owners; after the value
    of a leading ``**Status:**`` label, as a reason goes. A second carry-over extends the note
    ("(carried over from October, November 2026)") instead of adding another."""
    found = CARRIED_OVER.search(text)
    if found is None:
        note = f" (carried over from {month})"
        parts = item_parts(text)
        lead, rest = (parts[0] + parts[1], parts[2]) if parts else ("", text)
        label = LABEL.match(rest)
        if label is not None and is_status_label(label["word"]):
            return lead + before_owners(rest, note)
        return lead + ending_note(rest, note, legend)
    months = f"{found['months']}, {month}"
    return f"{text[: found.start()]}(carried over from {months}){text[found.end() :]}"


def without_carried_note(title: str) -> str:
    """A title without its "(carried over from ...)" note: what shipped is the work itself."""
    return " ".join(CARRIED_OVER.sub(" ", title).split())
