"""A table row's status set where the table writes it: its Status cell, a check in the column
headed by the status ("| Search | | ✔ |" under "| Task | In Progress | Done |"), else an emoji
glued to its first cell; and a new row written like the others."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from milepost.document import Block, Row, Table, descendants
from milepost.edits.cells import restatus_cell
from milepost.edits.lines import split_line_ending
from milepost.edits.voice import Voice
from milepost.errors import UsageError
from milepost.extract.check_columns import OPEN_BOX, check_columns, checked, unticked
from milepost.extract.table_columns import read_columns, title_cell
from milepost.extract.table_rows import said_cells
from milepost.model import Item, Roadmap
from milepost.vocabulary.status import Status, emoji_at, emoji_written
from milepost.vocabulary.status_words import status_of_word

__all__ = ["new_row", "restatus_row"]


def restatus_row(
    blocks: list[Block],
    line: str,
    number: int,
    status: Status,
    voice: Voice,
    *,
    compared: bool = False,
) -> str:
    """The row ``line`` (line ``number`` of a table among ``blocks``) with its status set
    (``compared``: the table sits under a heading that says it compares, as read)."""
    table = _table_of(blocks, number)
    if table is None:
        raise UsageError("the row is in no table")
    column = _status_column(table)
    if column is not None:
        return _set_cell(line, column, status, voice)
    checks = check_columns(table)
    if checks:
        line = _set_checks(line, table, checks, status)
        if status in checks.values() or (status is Status.PLANNED and _boxed(line, checks)):
            return line
    row = next((r for r in table.rows if r.start == number), None)
    said, keyed = (
        said_cells(table, row, voice.legend, compared=compared) if row is not None else ([], False)
    )
    for index in said:  # "| RAG Hybrid Search | ✅ Done | BM25 |": the cells that say it
        line = _set_cell(line, index, status, voice, keyed=keyed)
    if said:
        return line
    # an emoji glued to the first filled cell, else to the title's (as read)
    return _set_glued_emoji(line, table, row, status, voice)


def _set_checks(line: str, table: Table, checks: dict[int, Status], status: Status) -> str:
    """``line`` ticked in the first column headed by ``status`` (in the check mark the table
    uses most), its other checks cleared (blanks kept, so the row stays as wide)."""
    target = next((i for i, said in checks.items() if said is status), None)
    body, ending = split_line_ending(line)
    if target is not None:
        body = _with_cell(body, target)
    bounds = _bounds(body)
    out = body
    for index in sorted(checks, reverse=True):  # right to left: earlier bounds stay true
        if index + 1 >= len(bounds):
            continue
        start, end = bounds[index] + 1, bounds[index + 1]
        cell = body[start:end]
        said = cell.strip()
        if index == target:
            if checked(said):
                continue
            new = _padded(cell, _check_mark(table, checks), first=start == 0)
        elif checked(said) or (said != OPEN_BOX and unticked(said) is not None):
            # a check, or a glyph that says the row is not done yet ("🔲"): neither says
            # the new status
            new = cell.replace(said, _cleared(said, first=start == 0), 1)
        else:
            continue
        out = out[:start] + new + out[end:]
    return out + ending


def _cleared(mark: str, *, first: bool) -> str:
    """What stands in place of a check mark taken away: an open box for a ticked one ("[x]"
    → "[ ]"), the note after a glyph ("✅ pgvector" → "pgvector"), else blanks as wide; a
    pipe first in a row without one before its first cell, which would else start with the
    next cell's pipe and lose a cell ("✔ | Search" → "| | Search")."""
    if mark.lower() == "[x]":
        return OPEN_BOX
    glyph = emoji_at(mark)
    note = mark[glyph[1] :].strip() if glyph is not None else ""
    if note and not checked(note) and status_of_word(note) is None:
        return note  # not "✅ Yes" → "Yes", a check still
    return ("|" if first else " ") + " " * (len(mark) - 1)


def _boxed(line: str, checks: dict[int, Status]) -> bool:
    """Whether ``line``'s Done column holds an open task box: the row reads as planned."""
    body = split_line_ending(line)[0]
    bounds = _bounds(body)
    return any(
        status is Status.DONE
        and index + 1 < len(bounds)
        and body[bounds[index] + 1 : bounds[index + 1]].strip() == OPEN_BOX
        for index, status in checks.items()
    )


def _padded(cell: str, mark: str, *, first: bool = False) -> str:
    """``cell`` holding ``mark`` in place of its text, one blank before it (none where it
    begins a row without a pipe first), as wide as it was where it was wide enough."""
    lead = "" if first else " "
    return lead + mark + " " * max(1, len(cell) - len(lead) - len(mark))


def _check_mark(table: Table, checks: dict[int, Status]) -> str:
    """The check mark the table writes most ("✔", "x", "✅"), else "✔"."""
    seen = Counter(
        _mark(said)
        for row in table.rows
        for index in checks
        if index < len(row.cells) and checked(said := row.cells[index].inline.text.strip())
    )
    return seen.most_common(1)[0][0] if seen else "✔"


def _mark(said: str) -> str:
    """A checked cell's mark without the note after it ("✅ 2024-05-01" → "✅")."""
    glyph = emoji_at(said)
    return said[: glyph[1]] if glyph is not None else said


def _table_of(blocks: list[Block], line: int) -> Table | None:
    return next(
        (b for b in descendants(blocks) if isinstance(b, Table) and b.start <= line < b.end),
        None,
    )


_PIPE = re.compile(r"(?<!\\)\|")


def _cell_bounds(body: str) -> list[int]:
    """Where a table row's cells are bounded: its unescaped pipes, with -1 before a first
    cell that has no pipe in front of it."""
    bounds = [m.start() for m in _PIPE.finditer(body)]
    if not body.lstrip().startswith("|"):
        bounds.insert(0, -1)
    return bounds


def new_row(
    roadmap: Roadmap,
    row: Item,
    text: str,
    status: Status,
    voice: Voice,
    *,
    owner: str | None = None,
) -> tuple[int, str] | None:
    """A row to add to the table ``row`` stands in, and the line it goes on (after the
    table's last row): ``text`` in its first cell, or the one after a Status column that
    stands first (pipes escaped), ``status`` in its Status cell written like the others,
    ``owner`` in its Owner or Lead column (else after the text), its other cells empty.
    None for a table without a Status column, or with nothing beside it."""
    table = _table_of(roadmap.document.blocks, row.span.start)
    column = _status_column(table) if table is not None else None
    if table is None or column is None or len(table.header()) < 2:
        return None
    named = 1 if column == 0 else 0  # where the new row's text goes
    header = [h.lower().strip(" *:") for h in table.header()]
    who = next((i for i, h in enumerate(header) if h in _OWNER_HEADERS), None)
    body, ending = split_line_ending(roadmap.document.source.lines[row.span.start])
    bounds = _bounds(body)
    if len(bounds) < max(column, named) + 2:
        return None
    cells = [body[start + 1 : end] for start, end in pairwise(bounds)]
    first = text.replace("|", "\\|")
    new = [" "] * len(cells)
    if owner and who is not None and who < len(cells) and who not in (named, column):
        new[who] = f" {owner} "
    elif owner:
        first = f"{first} {owner}"
    new[named] = f" {first} "
    new[column] = restatus_cell(cells[column], status, voice, note=False)
    line = body[: bounds[0] + 1] + "|".join(new) + body[bounds[-1] :]
    return table.end, line.rstrip() + ending  # no space after a last cell with no pipe


_OWNER_HEADERS = frozenset({"owner", "owners", "lead", "leads", "assignee", "dri"})


def _set_cell(line: str, column: int, status: Status, voice: Voice, *, keyed: bool = False) -> str:
    """``line`` with its cell at ``column`` set to ``status`` (``keyed``: the cell is a glyph
    alone that says a status only where the legend keys it)."""
    body, ending = split_line_ending(line)
    body = _with_cell(body, column)
    bounds = _bounds(body)
    start, end = bounds[column] + 1, bounds[column + 1]
    said = restatus_cell(body[start:end], status, voice, keyed=keyed)
    return body[:start] + said + body[end:] + ending


def _bounds(body: str) -> list[int]:
    """Where a row's cells are bounded, the end of the line closing a last cell that runs on
    (no pipe after it)."""
    bounds = _cell_bounds(body)
    if _runs_on(body):
        bounds.append(len(body))
    return bounds


def _runs_on(body: str) -> bool:
    """Whether a row's last cell runs to the end of the line, no pipe closing it."""
    closed = body.rstrip()
    return not closed.endswith("|") or closed.endswith("\\|")


def _with_cell(body: str, column: int) -> str:
    """``body``, a table row, with a cell at ``column``: a short row (GFM pads it with empty
    cells) closed and given the missing cells, empty."""
    if len(_bounds(body)) >= column + 2:
        return body
    closed = body.rstrip() + (" |" if _runs_on(body) else "")
    return closed + " |" * (column + 2 - len(_cell_bounds(closed)))


def _status_column(table: Table) -> int | None:
    """The table's Status column, as the extractor reads it (of two, the one that says)."""
    return read_columns(table).status


def _set_glued_emoji(line: str, table: Table, row: Row | None, status: Status, voice: Voice) -> str:
    """A row's status as an emoji leading a cell: the one leading its first filled cell
    changes where there is one (the author's place for it); else the title cell's emoji is
    set, or one is put before the title (not before a date in a when-column)."""
    for at, char in enumerate(line):
        if char not in " \t|":
            end = _glyph_end(line, at, voice)
            if end is not None:
                return line[:at] + voice.glyph(status, line[at:end]) + line[end:]
            break
    else:
        raise UsageError("the row has no cells")
    body, ending = split_line_ending(line)
    bounds = _bounds(body)
    column = title_cell(table, row) if row is not None else 0
    if column + 1 >= len(bounds):
        column = 0
    start, end = bounds[column] + 1, bounds[column + 1]
    at = start + len(body[start:end]) - len(body[start:end].lstrip())
    end = _glyph_end(body, at, voice)
    glyph = voice.glyph(status)
    if end is not None:
        return body[:at] + glyph + body[end:] + ending
    return body[:at] + glyph + " " + body[at:] + ending


def _glyph_end(text: str, at: int, voice: Voice) -> int | None:
    """Where a glyph glued to a cell ends: any marker glyph, or one the legend defines."""
    found = emoji_written(text, at)
    return found[1] if found is not None else voice.glyph_end(text, at)
