"""What a table's header and cells say of its layout: the Status column, the columns that
say when and those that name the work, which cell names a row's work, and whether the table
is a legend ("| Status | Meaning |") rather than work. Reading the rows is
:mod:`.table_rows`'s."""

from __future__ import annotations

from typing import NamedTuple

from milepost.document import Row, Table
from milepost.extract.cell_markers import cell_status, glyph_bar
from milepost.extract.check_columns import check_columns
from milepost.lazy import lazy_pattern
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.status import EMOJI, Status, pictograph_at
from milepost.vocabulary.status_labels import RISK_RATINGS, is_status_header, status_column
from milepost.vocabulary.status_words import status_of_phrase, status_of_word

__all__ = [
    "Columns",
    "filled_cells",
    "glyph_column",
    "is_legend_table",
    "named_cell",
    "read_columns",
    "risk_table",
    "struck_title",
    "title_cell",
]

# What a legend table says of each status in the column beside it ("| Status | Meaning |").
_MEANING_HEADERS = frozenset({"meaning", "means", "definition", "explanation", "legend"})
# Columns that say when, most specific first: a Target or ETA beats a Release or Version.
_WHEN_HEADERS = (
    "target date",
    "target",
    "eta",
    "due",
    "date",
    "when",
    "timeline",
    "quarter",
    "month",
    "period",
    "planned for",
    "milestone date",
    "release",
    "rel",
    "version",
)
# Columns that name the work, by how closely: a row's title comes from the first it fills.
# The work itself (Feature, Task, ...) before what groups it (Theme, Epic, Goal), and a
# description only where the row names its work in no other ("| Epic | Feature |": the
# feature; "| Theme | Description |": the theme, the description on a row without one;
# "| Phase | Focus |": the focus, "Phase 1" naming no work; "| Status | Command |
# Description |": the command).
_TITLE_RANKS = {
    **dict.fromkeys(("feature", "features", "item", "items", "task", "tasks", "title"), 0),
    **dict.fromkeys(("name", "deliverable", "deliverables", "milestone", "milestones"), 0),
    **dict.fromkeys(("request", "requests", "command", "commands"), 0),
    **dict.fromkeys(("theme", "themes", "epic", "epics", "goal", "goals", "focus"), 1),
    **dict.fromkeys(("description", "descriptions", "details", "summary"), 2),
}


class Columns(NamedTuple):
    """What a table's header says of its columns."""

    status: int | None  # the Status (or State) column
    when: list[int]  # the columns that say when, most specific first
    titles: list[int]  # the columns that name the work, most closely first
    header_size: int
    checks: dict[int, Status]  # where there is no Status column: those headed by a status
    progress: bool = False  # the Status column is a Progress column: notes as often as not

    @property
    def not_titles(self) -> set[int | None]:
        """What never names the work: the columns that say when, and the status."""
        return {*self.when, self.status, *self.checks}


def risk_table(table: Table, section: str = "") -> bool:
    """Whether a table is a register of risks: a Mitigation column and one that rates them,
    under a heading of risks or beside a column named for them ("| Risk ID | Description |
    Impact | Mitigation | Status |"); not a plan's changes or findings rated so ("|
    Change | Impact | Mitigation |" under "## Migration plan")."""
    header = [h.lower().strip(" *:") for h in table.header()]
    if "mitigation" not in header or RISK_RATINGS.isdisjoint(header):
        return False
    named = [*header, section.lower()]
    return any("risk" in words or "threat" in words for words in named)


def read_columns(table: Table) -> Columns:
    header = [h.lower().strip(" *:") for h in table.header()]
    status = status_column(header)
    if status is not None and any(is_status_header(h) for h in header[status + 1 :]):
        status = _most_said(table, header)
    return Columns(
        status,
        sorted(
            (i for i, h in enumerate(header) if h in _WHEN_HEADERS),
            key=lambda i: _WHEN_HEADERS.index(header[i]),
        ),
        sorted(
            (i for i, h in enumerate(header) if _title_rank(h) >= 0),
            key=lambda i: (_title_rank(header[i]), i),
        ),
        len(header),
        check_columns(table) if status is None else {},
        status is not None and not is_status_header(header[status]),
    )


def _most_said(table: Table, header: list[str]) -> int:
    """Of a table's Status columns ("| Protocol Status | Implementation Status |"), the one
    whose cells say a status most often, in words or in a glyph a legend may define (the
    first of those that say one as often): the other says something else of the work, such
    as a maturity ("beta", "stable")."""
    columns = [i for i, h in enumerate(header) if is_status_header(h)]
    said = [sum(1 for row in table.rows if _says(row, i)) for i in columns]
    return columns[said.index(max(said))]


def _says(row: Row, column: int) -> bool:
    if column >= len(row.cells):
        return False
    cell = row.cells[column].inline
    return not cell.text.isascii() or cell_status(cell) is not None


def glyph_column(table: Table, legend: Legend = NO_LEGEND) -> int | None:
    """Where a table with no Status column gives each row its status by a glyph alone, in a
    column of its own ("| Component | Supported |" over "| Button | ✅ |" and "| Tabs | 🚧 |";
    "| LSP method | Implemented |" over ✅ and ❌): the only column beside the first with a
    glyph in it, whose filled cells (in half its rows or more) are each a status glyph alone
    (or one the legend defines; or, two or more of them defined, with a word or two that
    echo it: "| ✅ full |", "| 🟩 partial |"). Glyphs in two columns compare platforms or
    tools, and a column headed by an aim ("| Target State |") says what is wanted: neither
    says how far the work has come."""
    header = table.header()
    count = 0
    filled = [0] * len(header)
    glyphs = [0] * len(header)
    said = [True] * len(header)  # each glyph a status glyph alone
    keyed = [0] * len(header)  # glyphs the legend defines, a word after them ("✅ full")
    echoed = [0] * len(header)  # glyphs with a word after them
    for row in table.rows:  # once: a table may have thousands of rows
        count += 1
        for index, cell in enumerate(row.cells[1 : len(header)], 1):
            text = cell.inline.text.strip()
            if text:
                filled[index] += 1
                if (end := pictograph_at(text)) is not None:
                    glyphs[index] += 1
                    if end < len(text) and _echoes(text, end, key := glyph_key(text[:end]), legend):
                        echoed[index] += 1
                        keyed[index] += legend.glyph(key) is not None
                    else:
                        said[index] = said[index] and _status_glyph(text, legend)
    columns = [index for index in range(1, len(header)) if glyphs[index]]
    if count < 2 or len(columns) != 1:
        return None  # no glyph, or glyphs in two columns: a comparison, a matrix
    (index,) = columns
    if (
        glyphs[index] < filled[index]  # glyphs beside words
        or 2 * filled[index] < count
        or not said[index]
        or not _keyed_enough(echoed[index], keyed[index])
        or _AIMED.intersection(header[index].lower().split())
    ):
        return None
    return index


# A word or two after a glyph that only echo what it says, in a support matrix keyed by a
# legend ("| ✅ full |", "| 🟩 partial |", "| ⬛ n/a |" under "- ✅ = Fully Supported"; an
# edit's "| 🟩 In Progress |").
_ECHO = lazy_pattern(r"\s+[\w/.-]{1,12}(?: [\w/.-]{1,12})?")


def _keyed_enough(echoed: int, keyed: int) -> bool:
    """Whether a column's glyphs with words after them (``echoed``) are the legend's
    (``keyed`` of them) enough to say their rows' statuses: none has words; or half of them
    or more, two or more ("| ✅ full |" over "| ⬜ none |"), or one of two (a row an edit set
    where the legend has no glyph: "| ⛔ blocked |")."""
    return not echoed or (2 * keyed >= echoed and (keyed >= 2 or echoed == 2))


def _echoes(text: str, end: int, key: str, legend: Legend) -> bool:
    """Whether the words after the glyph ending at ``end`` (``key``, as a legend keys it)
    only echo it: a word or two, no status but the glyph's ("| ✅ not yet |" says two
    things)."""
    if _ECHO.fullmatch(text, end) is None or glyph_bar(text):
        return False
    words = text[end:].strip()
    phrase = status_of_phrase(words)
    said = phrase[0] if phrase is not None else status_of_word(words)  # "wontfix"
    return said is None or said is (legend.glyph(key) or EMOJI.get(key))


# Words of a header over what is wanted of the work, not how far it has come.
_AIMED = frozenset({"target", "goal", "goals", "expected", "required", "desired", "aim"})


def _status_glyph(text: str, legend: Legend) -> bool:
    """Whether ``text`` is a status glyph alone ("✅", "🚧"; not a bar, "▰▰▱")."""
    if pictograph_at(text) != len(text) or glyph_bar(text):
        return False
    key = glyph_key(text)
    return EMOJI.get(key) is not None or legend.glyph(key) is not None


def _title_rank(header: str) -> int:
    """How closely a column names the work (see ``_TITLE_RANKS``): by its header, or as a
    name does where the header ends in one ("Feature Name", "Task Title"); -1 for none."""
    rank = _TITLE_RANKS.get(header)
    if rank is None and header.endswith((" name", " title")):
        rank = 0
    return -1 if rank is None else rank


def is_legend_table(table: Table, legend: Legend = NO_LEGEND) -> bool:
    """A table whose Status column, first, lists the statuses and whose other columns say
    what each means ("| Status | Meaning |"; "| Status | Description |" where no status is
    written twice, though two may say the same: "Implemented" and "Complete" both done): its
    rows are no items. A Status column first beside the work it marks
    ("| Status | Command |", "| Status | Description |" repeating ✅) is a Status column."""
    header = [h.lower().strip(" *:") for h in table.header()]
    if len(header) < 2 or not is_status_header(header[0]):
        return False
    others = set(header[1:])
    if others <= _MEANING_HEADERS:
        return True
    if not others <= _MEANING_HEADERS | {"description", "descriptions"}:
        return False
    listed = [
        " ".join(row.cells[0].inline.text.replace("\ufe0f", "").lower().split())
        for row in table.rows
        if row.cells and cell_status(row.cells[0].inline, legend) is not None
    ]
    return len(set(listed)) == len(listed)


def title_cell(table: Table, row: Row) -> int:
    """The index of the cell that names the work of ``row`` (a row of ``table``)."""
    return named_cell(row, filled_cells(row), read_columns(table))


def filled_cells(row: Row) -> list[int]:
    """The indexes of the row's cells that hold text."""
    return [i for i, c in enumerate(row.cells) if c.inline.text.strip()]


def named_cell(row: Row, filled: list[int], columns: Columns) -> int:
    """The first filled cell of the columns that name the work, else the first filled cell
    with words beside what says when ("45%" names nothing), else the first filled cell."""
    named = next((i for i in columns.titles if i in filled), None)
    if named is not None:
        return named
    not_titles = columns.not_titles
    return next(
        (i for i in filled if i not in not_titles and _has_words(row.cells[i].inline.text)),
        filled[0] if filled else 0,
    )


def struck_title(table: Table, row: Row) -> bool:
    """Whether the cell that names the row's work is struck through whole."""
    return row.cells[title_cell(table, row)].inline.is_struck() if row.cells else False


def _has_words(text: str) -> bool:
    return any(char.isalpha() for char in text)
