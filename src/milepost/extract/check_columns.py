"""Columns headed by a status whose cells are checked: "| Feature | Done |" over "| Search | ✔ |",
or "| Task | Planned | In Progress | Done |" with one cell of each row ticked. A check mark in
such a column gives its row that status; the tables have no Status column."""

from __future__ import annotations

from milepost.document import Row, Table
from milepost.extract.heading_words import label_status
from milepost.vocabulary.status import EMOJI, Status, emoji_at
from milepost.vocabulary.status_words import said_weakly

__all__ = ["OPEN_BOX", "check_columns", "checked", "row_check"]

# A cell's whole text that ticks it, besides a done glyph ("✔", "✅", ":heavy_check_mark:").
_CHECK_WORDS = frozenset({"x", "yes", "y", "[x]"})


def check_columns(table: Table) -> dict[int, Status]:
    """The columns of ``table`` headed by a status ("Done", "In Progress"; not a word that is
    a status only in a Status cell, such as "Available" over a support matrix), by index."""
    columns: dict[int, Status] = {}
    for index, header in enumerate(table.header()):
        words = header.strip(" *_:").lower()
        status = label_status(words) if not said_weakly(words) else None  # "Done", "Now"
        if status is not None:
            columns[index] = status
    return columns


def checked(text: str) -> bool:
    """Whether a cell's text is a check mark alone: a done glyph, "x", "yes", "[x]"."""
    said = text.strip().replace("\ufe0f", "")
    if said.lower() in _CHECK_WORDS:
        return True
    glyph = emoji_at(said)
    return glyph is not None and glyph[1] == len(said) and EMOJI.get(glyph[0]) is Status.DONE


def row_check(row: Row, columns: dict[int, Status]) -> tuple[Status, str] | None:
    """The status of the last column ``row`` ticks (a table's statuses run left to right,
    "| Planned | In Progress | Done |"), and its check mark as written; else planned where
    an open task box stands in a Done column ("| [ ] | Add screenshots |")."""
    found = None
    boxed = False
    for index, status in columns.items():
        if index >= len(row.cells):
            continue
        text = row.cells[index].inline.text
        if checked(text):
            found = status, text.strip()
        elif status is Status.DONE and text.strip() == OPEN_BOX:
            boxed = True
    return found or ((Status.PLANNED, OPEN_BOX) if boxed else None)


OPEN_BOX = "[ ]"
