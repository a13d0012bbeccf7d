"""Columns headed by a status whose cells are checked: "| Feature | Done |" over "| Search | ✔ |",
or "| Task | Planned | In Progress | Done |" with one cell of each row ticked. A check mark in
such a column gives its row that status; the tables have no Status column."""

from __future__ import annotations

from milepost.document import Row, Table
from milepost.extract.heading_words import label_status
from milepost.vocabulary.status import CROSSES, EMOJI, Status, emoji_at, pictograph_at
from milepost.vocabulary.status_words import said_weakly, status_of_phrase, status_of_word

__all__ = ["OPEN_BOX", "check_columns", "checked", "row_check", "unticked"]

# A cell's whole text that ticks it, besides a done glyph ("✔", "✅", ":heavy_check_mark:").
_CHECK_WORDS = frozenset({"x", "yes", "y", "[x]"})


def check_columns(table: Table) -> dict[int, Status]:
    """The columns of ``table`` headed by a status ("Done", "In Progress"; not a word that is
    a status only in a Status cell, such as "Available" over a support matrix), by index."""
    columns: dict[int, Status] = {}
    for index, header in enumerate(table.header()):
        words = header.strip(" *_:").lower()
        if words in _IMPLEMENTED:
            status: Status | None = Status.DONE
        else:  # "Done", "Now"
            status = label_status(words) if not said_weakly(words) else None
        if status is not None and _marked(table, index):
            columns[index] = status
    return columns


def _marked(table: Table, index: int) -> bool:
    """Whether column ``index`` holds a mark in any row (a check, a glyph, an open box, yes
    or no) or nothing at all; not words alone ("| Component | Geplant | Implementiert |"
    over "| OS | Ubuntu | ✅ |": the planned column names what was planned, no status; a
    note left where a check was taken away, "pgvector", among checks is one)."""
    said = [row.cells[index].inline.text.strip() for row in table.rows if index < len(row.cells)]
    return not any(said) or any(_mark(text) for text in said if text)


def _mark(text: str) -> bool:
    """Whether a cell's text is a mark: a glyph first ("✔", "✗", "✓ (partly)", "✅ Redis"),
    a check, an open box, yes or no, a status word ("not yet")."""
    return (
        pictograph_at(text) is not None
        or checked(text)
        or text == OPEN_BOX
        or text.lower() in _NO_WORDS
        or status_of_word(text) is not None
    )


# The words a column of checks says no in (its yes: :data:`_CHECK_WORDS`).
_NO_WORDS = frozenset({"no", "n", "-"})


def checked(text: str) -> bool:
    """Whether a cell's text is a check mark: a done glyph, "x", "yes", "[x]"; a done glyph
    before a note that says no status ("| ✅ pgvector |", what was built)."""
    said = text.strip().replace("\ufe0f", "")
    if said.lower() in _CHECK_WORDS:
        return True
    glyph = emoji_at(said)
    if glyph is None or EMOJI.get(glyph[0]) is not Status.DONE:
        return False
    note = said[glyph[1] :].strip()
    return not note or (note[:1].isalnum() and status_of_phrase(note) is None)


# A column headed by these says which rows are built, as "Done" does ("| Component |
# Implementiert |" over "| OS | ✅ |"), though in a Status cell they are weak words.
_IMPLEMENTED = frozenset(
    {"implemented", "implementiert", "implementado", "implementada", "implementato"}
    | {"implémenté"}
)


def row_check(row: Row, columns: dict[int, Status]) -> tuple[Status, str] | None:
    """The status of the last column ``row`` ticks (a table's statuses run left to right,
    "| Planned | In Progress | Done |"), and its check mark as written; else what a Done
    column's cell says otherwise: planned where an open task box stands there ("| [ ] | Add
    screenshots |"), a status glyph's status ("| 🔲 |")."""
    found = None
    other = None
    for index, status in columns.items():
        if index >= len(row.cells):
            continue
        text = row.cells[index].inline.text
        if checked(text):
            found = status, text.strip()
        elif status is Status.DONE and (said := unticked(text)) is not None:
            other = said, text.strip()
    return found or other


def unticked(text: str) -> Status | None:
    """What a Done column's cell says that is not done: an open task box, planned; a status
    glyph alone ("| Stop Loss | 🔲 | Q1 2026 |" under "Implemented"), its status."""
    said = text.strip().replace("\ufe0f", "")
    if said == OPEN_BOX:
        return Status.PLANNED
    glyph = emoji_at(said)
    if glyph is None or glyph[1] != len(said) or glyph[0] in CROSSES:
        return None  # a cross there says "no", not dropped
    return EMOJI.get(glyph[0])


OPEN_BOX = "[ ]"
