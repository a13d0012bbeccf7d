"""Table rows → items: the title from the cell that names the work, the status from a
Status/State column (or an emoji glued to the first filled cell, else to the title's), the
period from the most specific when-column; a legend table gives none."""

from __future__ import annotations

from dataclasses import replace

from milepost.document import Inline, Row, Table
from milepost.extract.badges import address_status
from milepost.extract.cell_markers import cell_status, glyph_bar
from milepost.extract.check_columns import row_check
from milepost.extract.fields import owners_in
from milepost.extract.heading_words import compares
from milepost.extract.legend_pairs import legend_table
from milepost.extract.marker import Marker, bare_cross
from milepost.extract.markers import item_marker
from milepost.extract.table_columns import (
    filled_cells,
    glyph_column,
    is_legend_table,
    named_cell,
    read_columns,
    risk_table,
)
from milepost.extract.tag_words import strong_word
from milepost.extract.walk_items import Walk, WalkContext, make_item
from milepost.lazy import lazy_pattern
from milepost.span import Span
from milepost.vocabulary.legend import NO_LEGEND, Legend, glyph_key
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.status import Status, pictograph_at

__all__ = ["row_badge", "said_cells", "table_items"]


def table_items(table: Table, ctx: WalkContext, out: Walk) -> None:
    if is_legend_table(table, ctx.legend):
        return  # a legend table: each row explains a status, none is an item
    if legend_table(table) is not None:
        return  # a table of glyphs and their meanings: each row explains one, none is an item
    columns = read_columns(table)
    status_col, when_cols = columns.status, columns.when
    glyphs = (
        glyph_column(table, ctx.legend)
        if status_col is None and not columns.checks and not ctx.criteria
        else None
    )
    group_when: str | None = None  # what the row that opens a group of rows says of when
    compared = compares(ctx.section)
    # "| Risk | Impact | Mitigation | Status |": each row a risk (read as one), its status
    # ("🟢 Monitored") no work's
    risks = risk_table(table, ctx.section[-1] if ctx.section else "")
    for row in table.rows:
        filled = filled_cells(row)
        if not filled:
            continue  # an empty row (a "<BR>" after the table) is no item
        # An emoji is glued to the first filled cell ("| | | 🚧 Task |"), else to the title's.
        first = row.cells[filled[0] if filled else 0].inline
        named = named_cell(row, filled, columns)
        title = row.cells[named].inline
        row_text = " | ".join(c.inline.text.strip() for c in row.cells)
        links = tuple(link for c in row.cells for link in c.inline.links)
        merged = title._replace(links=links)
        span = Span(row.start, row.end, ctx.path)
        when = _when(row, when_cols, ctx)
        if filled[0] == 0:
            group_when = when
        elif when is None:
            # "| | | Memory Module (Phase 2) |": a row whose first cell is empty goes on the
            # group the row above opened, and is due when that row says.
            when = group_when
        period_text = when if when is not None else row_text
        if status_col is not None:
            cell = row.cells[status_col].inline if status_col < len(row.cells) else None
            marker = cell_status(cell, ctx.legend) if cell is not None else None
            if marker is None and cell is not None and not cell.text.strip():
                marker = _cell_badge(cell, ctx.legend)  # "| ![](…/badge/-In_Progress-blue) |"
            if marker is not None and not ctx.cross_drops and bare_cross(marker):
                marker = None  # "| Camera | ❌ |" beside "| Bluetooth | ✅ |": no, not dropped
            if marker is not None and columns.progress and cell is not None:
                rest = cell.text[marker.end :]
                if any(c.isalpha() for c in rest):
                    marker = None  # "| Done with the spec, coding now |": a note, no status
            # an emoji glued to the title is no part of it, and says the status where the
            # Status cell says none it reads ("| 🔄 **Production Ready** | **85%** |")
            item = make_item(
                merged,
                _glued(title, ctx.legend),
                span,
                "row",
                ctx,
                period_text=period_text,
                when_column=when is not None,
            )
            if marker is not None:
                item = replace(
                    item, status=marker.status, status_from=marker.source, marker=marker.written
                )
        else:
            marker = _glued(first, ctx.legend)
            if marker is None and first is not title:
                marker = _glued(title, ctx.legend)
                first = title  # the title's own marker: left out of its words
            item = make_item(
                merged,
                marker if first is title else None,
                span,
                "row",
                ctx,
                period_text=period_text,
                when_column=when is not None,
            )
            beside = marker if first is not title else None  # glued to a cell beside it
            if marker is None and (check := row_check(row, columns.checks)) is not None:
                beside = Marker(*check)  # "| Search | ✔ |" under "| Feature | Done |"
            elif marker is None and glyphs is not None and glyphs < len(row.cells):
                # "| Tabs | 🚧 |" under "| Component | Supported |"; "| Camera | ❌ |" says no
                beside = cell_status(row.cells[glyphs].inline, ctx.legend)
                if beside is not None and not ctx.cross_drops and bare_cross(beside):
                    beside = None
            if marker is None and beside is None:
                # "| ~~author RFC~~ | | ![Complete][] |": a status badge, or the task struck
                # where the document strikes finished work
                beside = row_badge(row, ctx.legend)
                if beside is None and ctx.strike_done and title.is_struck():
                    beside = Marker(Status.DONE, "~~")
                if beside is None:  # "| RAG Hybrid Search | ✅ Done | BM25 |"
                    said = _said_cell(row, named, ctx.legend, compared=compared)
                    beside = said[1] if said is not None else None
            if beside is not None:
                item = replace(
                    item, status=beside.status, status_from=beside.source, marker=beside.written
                )
        if risks:
            item = replace(item, status=None, status_from=None, marker=None)
        elif item.status is None and ctx.scope is not None:
            item = replace(item, status=ctx.scope, status_from="heading")
        out.add(replace(item, text=row_text, owners=owners_in(row_text) or item.owners))


def _said_index(
    table: Table, row: Row, legend: Legend = NO_LEGEND, *, compared: bool = False
) -> tuple[int, bool] | None:
    """The cell of a row in a table with no Status column that says its status, as
    :func:`table_items` reads it (its cell in the table's column of glyphs; a glyph and
    status words alone in it, or a glyph the legend defines, see :func:`_said_cell`), and
    whether that is the table's column of glyphs."""
    columns = read_columns(table)
    if columns.status is not None:
        return None
    filled = filled_cells(row)
    named = named_cell(row, filled, columns)
    if any(_glued(row.cells[at].inline, legend) for at in {filled[0] if filled else 0, named}):
        return None  # "| ✅ A | ❌ |": the emoji glued to its first cell says it
    glyphs = glyph_column(table, legend) if not columns.checks else None
    if glyphs is not None and glyphs < len(row.cells) and row.cells[glyphs].inline.text.strip():
        return glyphs, True  # "| Tabs | 🚧 |" under "| Component | Supported |"
    said = _said_cell(row, named, legend, compared=compared)
    return (said[0], False) if said is not None else None


def _said_cell(
    row: Row, title: int, legend: Legend, *, compared: bool = False
) -> tuple[int, Marker] | None:
    """The first cell beside the title's that holds a status glyph and its words alone
    ("| RAG Hybrid Search | ✅ Done | BM25 + vector |", in a Priority column): the row's
    status, said where no column is named for it. A glyph alone ("✅") is not enough: a
    table of ✅ and ❌ may compare tools; unless the document's legend defines it and it is
    the row's only glyph (:func:`_keyed_alone`), in a table under no heading that says it
    compares (``compared``: "### vs. Notion"). ``title``: the index of the title's cell;
    the cell's index and its marker."""
    for index, cell in enumerate(row.cells):
        text = cell.inline.text.strip()
        if index == title or not text or text[0].isascii():
            continue
        said = cell_status(cell.inline, legend)
        if said is None or said.end < len(cell.inline.text.rstrip()):
            continue
        if any(c.isalpha() for c in said.written) or (
            not compared and _keyed_alone(row, index, legend)
        ):
            return index, said
    return None


def _keyed_alone(row: Row, index: int, legend: Legend) -> bool:
    """Whether the cell at ``index`` is a glyph the document's legend defines, and the row's
    glyphs alone, four at most, all agree ("| Menu | ❌ |" under "- ❌ Not started"; "| Menu
    | ✅ | ✅ |", its function and its style done; "| Login | ✅ | ✅ | ✅ |", on iOS, Android
    and the backend; "| Profiler |✅|✅|✅|✅|" on macOS, Linux, Windows and the web). A row
    of platforms that differ, "| Menu | ✅ | ❌ | ✅ |", compares them; more glyphs are a
    checklist's ("| Button | ✅ | ✅ | ✅ | ✅ | ✅ |", keyboard, screen reader, contrast...)."""
    said = legend.glyph(glyph_key(row.cells[index].inline.text.strip()))
    glyphs = _glyph_cells(row)
    return (
        said is not None
        and index in glyphs  # "| ✅ full |" is a glyph and a word, said by its column
        and len(glyphs) <= _PLATFORMS
        and all(legend.glyph(glyph_key(row.cells[at].inline.text.strip())) is said for at in glyphs)
    )


_PLATFORMS = 4


def _glyph_cells(row: Row) -> list[int]:
    """Where the row's cells are a glyph alone (not a bar of them: "▰▰▰▱▱")."""
    return [
        at
        for at, cell in enumerate(row.cells)
        if (text := cell.inline.text.strip())
        and pictograph_at(text) == len(text)
        and not glyph_bar(text)
    ]


def said_cells(
    table: Table, row: Row, legend: Legend = NO_LEGEND, *, compared: bool = False
) -> tuple[list[int], bool]:
    """The cells that say a row's status in a table with no Status column, as
    :func:`table_items` reads it: the one with a glyph and its words, or the glyphs alone
    that the legend defines and that agree (all of them, for an edit to set them all; none
    in a table under a heading that says it compares, ``compared``); and whether they are
    such glyphs alone beside no column of glyphs, which say a status only where the legend
    keys them."""
    found = _said_index(table, row, legend, compared=compared)
    if found is None:
        return [], False
    said, in_column = found
    if not _keyed_alone(row, said, legend):
        return [said], False
    # in the table's column of glyphs, a glyph alone says its status legend or none
    return _glyph_cells(row), not in_column


def _when(row: Row, when_cols: list[int], ctx: WalkContext) -> str | None:
    """What the row's when-columns say: the most specific that reads as a period ("| v0.1.1 |
    10/20/25 |": the Target says nothing we can read, the Release does), else the first
    that says anything (kept as no period: "TBD")."""
    said = [
        text for i in when_cols if i < len(row.cells) and (text := row.cells[i].inline.text.strip())
    ]
    if len(said) > 1:
        for text in said:
            if read_period(text, anchor=ctx.anchor) is not None:
                return text
    return said[0] if said else None


def _glued(inline: Inline, legend: Legend) -> Marker | None:
    """A status emoji (or box, or bold label) leading a cell's text."""
    glued = item_marker(inline, None, legend)
    return glued if glued is not None and glued.end > 0 else None


# An image badge written as a reference with no definition stays as text: "![Complete][]".
_BADGE_TEXT = lazy_pattern(r"!\[(?P<word>[A-Za-z][A-Za-z' -]{1,24})\]\[\]")


def _cell_badge(cell: Inline, legend: Legend) -> Marker | None:
    """The status of a badge image that is all a Status cell holds, its alt text empty: the
    words of its address at a badge service (``![](https://img.shields.io/badge/-Started-
    orange)``), written as a badge, which the edits do not set."""
    for image in cell.links:
        status = address_status(image.url, legend) if image.image else None
        if status is not None:
            return Marker(status, "![]")
    return None


def row_badge(row: Row, legend: Legend = NO_LEGEND) -> Marker | None:
    """A status badge opening one of a row's cells: an image whose alt text is a status word
    (``![Complete](done.svg)``, ``![Complete][]``), in a table with no Status column."""
    for cell in row.cells:
        text = cell.inline.text
        at = len(text) - len(text.lstrip())
        image = next((k for k in cell.inline.links if k.image and k.start == at), None)
        if image is not None:
            word = text[image.start : image.end]
        else:
            found = _BADGE_TEXT.match(text, at) if text[at : at + 2] == "![" else None
            if found is None:
                continue
            word = found["word"]
        status = legend.word(word) or strong_word(word)
        if status is not None:
            return Marker(status, f"![{word}]")
    return None
