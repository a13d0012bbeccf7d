"""The generic pass: every list item, table row and status heading of a document → Item.

It knows nothing of roadmap sections; it tracks only what decides a status: the nearest
status heading, a status label just above a list, a success-criteria context, the legend and
whether the document uses strikethrough for finished work.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from milepost.document import (
    Block,
    BlockQuote,
    Document,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Table,
)
from milepost.extract.fields import clean_title, owners_in, refs_in
from milepost.extract.markers import (
    NO_LEGEND,
    Legend,
    Marker,
    cell_status,
    heading_marker,
    item_marker,
    label_status,
)
from milepost.model import Item
from milepost.span import Span
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.status import Status, emoji_at, status_of_word
from milepost.vocabulary.titles import CARRIED_OVER

__all__ = ["Walk", "walk"]

_CRITERIA = re.compile(
    r"(?i)\b(success criteria|acceptance criteria|criteria|what to expect|expected outcomes?|"
    r"definition of done|exit criteria|goals?)\b"
)
_CRITERIA_HEADING = re.compile(
    r"(?i)\b(success criteria|acceptance criteria|what to expect|expected outcomes?|"
    r"definition of done|exit criteria)\b"
)
_STATUS_HEADERS = frozenset({"status", "state", "current status"})
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


@dataclass(slots=True)
class Walk:
    """What the generic pass found: items in document order, indexed by first line."""

    items: list[Item] = field(default_factory=list)
    by_line: dict[int, Item] = field(default_factory=dict)

    def add(self, item: Item) -> Item:
        self.items.append(item)
        self.by_line.setdefault(item.span.start, item)
        return item

    def replace(self, item: Item) -> None:
        """Put ``item`` in place of the item found on its first line (a section reader that
        knows more of it, such as a milestone's feature, retitles it)."""
        old = self.by_line[item.span.start]
        # The items are in line order: look from where that line's items begin, not from the
        # top (a roadmap's milestones, each retitled, made this scan quadratic).
        at = bisect_left(self.items, item.span.start, key=_first_line)
        while self.items[at] is not old:  # not ==: dear
            at += 1
        self.items[at] = item
        self.by_line[item.span.start] = item


def _first_line(item: Item) -> int:
    return item.span.start


@dataclass(frozen=True, slots=True)
class _Ctx:
    path: str | None
    legend: Legend
    strike_done: bool
    anchor: date | None
    section: tuple[str, ...]
    lines: tuple[str, ...] = ()
    scope: Status | None = None
    criteria: bool = False
    done_context: bool = False
    period: Period | None = None  # the nearest heading's period, inherited by its items


def walk(
    document: Document, *, anchor: date | None, path: str | None, vocabulary: Legend = NO_LEGEND
) -> Walk:
    """Every item of the document, with its status where one can be shown.

    ``vocabulary`` holds markers the config adds; the document's own legend wins over it.
    """
    legend = vocabulary.merged(find_legend(document))
    result = Walk()
    base = _Ctx(
        path, legend, _uses_strike_for_done(document, legend), anchor, (), document.source.lines
    )
    _walk_section(document.root, base, result)
    result.items.sort(key=_first_line)
    return result


def _walk_section(section: Section, ctx: _Ctx, out: Walk) -> None:
    heading = section.heading
    if heading is not None:
        title = section.title
        marker: Marker | None = None
        source = "marker"
        scope: Status | None = None
        criteria = False
        if section.level > 1:
            marker, scope = heading_marker(title, heading.inline, ctx.legend)
            if marker is None and section.blocks and isinstance(section.blocks[0], Paragraph):
                marker, source = _status_field(section.blocks[0].inline, ctx.legend), "field"
            criteria = _criteria_heading(title)
        heading_status = marker.status if marker is not None else None
        # One context per section: its status scope and criteria replace the parent's.
        ctx = _Ctx(
            ctx.path,
            ctx.legend,
            ctx.strike_done,
            ctx.anchor,
            (*ctx.section, title),
            ctx.lines,
            scope=scope,
            criteria=criteria,
            done_context=ctx.done_context or Status.DONE in (heading_status, scope),
            period=_heading_period(title, ctx.anchor) or ctx.period,
        )
        if marker is not None:
            _heading_item(section, marker, ctx, out, source=source)
    _walk_blocks(section.blocks, ctx, out, depth=0)
    for sub in section.subsections:
        _walk_section(sub, ctx, out)


def _criteria_heading(title: str) -> bool:
    """Whether a heading introduces success criteria ("Success Criteria", "What to Expect")."""
    if title.isascii():  # the pattern's key words, looked for first (a search is dearer)
        lower = title.lower()
        words = ("criteria" in lower, "expect" in lower, "outcome" in lower, "definition" in lower)
        if not any(words):
            return False
    return _CRITERIA_HEADING.search(title) is not None


@lru_cache(maxsize=4096)
def _title_period(title: str) -> Period | None:
    return read_period(title, prose=True)


def _heading_period(title: str, anchor: date | None) -> Period | None:
    """A heading's period. Headings repeat within and across roadmaps, and only a relative
    range ("Next 4-6 Weeks") depends on the anchor: the rest are read once per title."""
    period = _title_period(title)
    if period is not None and period.kind == "relative":
        return read_period(title, anchor=anchor, prose=True)
    return period


def _walk_blocks(blocks: list[Block], ctx: _Ctx, out: Walk, *, depth: int) -> None:
    # The paragraph that may label the next list: read only when a list does follow it.
    above: Paragraph | None = None
    for block in blocks:
        if isinstance(block, ListBlock):
            inner = ctx
            label = (
                _label(above.inline, ctx.lines[above.end - 1] if ctx.lines else "")
                if above is not None
                else None
            )
            if label is not None:
                scope, criteria = label
                inner = replace(ctx, scope=scope or ctx.scope, criteria=criteria or ctx.criteria)
            for list_item in block.items:
                _list_item(list_item, inner, out, depth)
        elif isinstance(block, Table):
            _table(block, ctx, out)
        elif isinstance(block, BlockQuote):
            _walk_blocks(block.children, ctx, out, depth=depth)
        if isinstance(block, Paragraph):
            above = block
        elif not isinstance(block, Heading):
            above = None


def _label(inline: Inline, last_line: str) -> tuple[Status | None, bool] | None:
    """A paragraph introducing the next list: a status label or a criteria label.

    A criteria label is judged on the paragraph's last line ("**Success Criteria:**" right
    above the list), a status label on the whole (short) paragraph.
    """
    text = inline.text.strip()
    last = last_line.strip().rstrip(" *_")
    criteria = last.endswith(":") and len(last) < 60 and _CRITERIA.search(last) is not None
    if not text or len(text) > 80:
        return (None, True) if criteria else None
    status = label_status(text.rstrip(":* "))
    if status is None:
        found = emoji_at(text)
        if found is not None and len(text) < 40:
            glyph_status = _EMOJI_LABEL.get(found[0])
            rest = text[found[1] :].strip(" *:_")
            if glyph_status is not None and status_of_word(rest) is None:
                status = glyph_status
    if status is None and not criteria:
        return None
    return status, criteria


_EMOJI_LABEL = {"💡": Status.FUTURE, "🔮": Status.FUTURE}


def _status_field(inline: Inline, legend: Legend) -> Marker | None:
    text = inline.text.lstrip()
    if not text.lower().startswith("status"):
        return None
    head, _, rest = text.partition(":")
    if head.strip(" *").lower() != "status" or not rest.strip():
        return None
    return cell_status(Inline(rest.strip(" *")), legend)


def _make_item(
    inline: Inline,
    marker: Marker | None,
    span: Span,
    kind: str,
    ctx: _Ctx,
    *,
    status: Status | None = None,
    source: str | None = None,
    depth: int = 0,
    notes: tuple[str, ...] = (),
    period_text: str | None = None,
    when_column: bool = False,
) -> Item:
    text = inline.text.strip()
    if marker is not None:
        status, source = marker.status, marker.source
        body = inline.text[marker.end : marker.tail if marker.tail >= 0 else None]
    else:
        body = inline.text
    title = clean_title(body)
    if period_text is not None:  # a table row: its when-column, else the row's words
        period = read_period(period_text, anchor=ctx.anchor, prose=not when_column)
    else:
        words = _without_links(inline) if inline.links else inline.text
        if "arried over" in words:  # where it came from is not when it is
            words = CARRIED_OVER.sub(" ", words)
        period = read_period(words, anchor=ctx.anchor, prose=True)
    period = period or ctx.period
    links = tuple(link.url for link in inline.links if not link.image) if inline.links else ()
    return Item(
        title or text,
        text,
        span,
        kind,
        ctx.section,
        status,
        source if status is not None else None,
        marker.written if marker is not None else None,
        period,
        owners_in(text),
        refs_in(inline),
        links,
        notes,
        depth,
    )


def _without_links(inline: Inline) -> str:
    """The text with link texts blanked: "see [Roadmap 2022](...)" does not say when."""
    if not inline.links:
        return inline.text
    text = inline.text
    for link in inline.links:
        text = text[: link.start] + " " * (link.end - link.start) + text[link.end :]
    return text


def _list_item(block: ListItem, ctx: _Ctx, out: Walk, depth: int) -> None:
    inline = block.inline
    if block.children and isinstance(block.children[0], Heading) and not inline.text.strip():
        inline = block.children[0].inline
    marker = item_marker(
        inline,
        block.task,
        ctx.legend,
        scope=ctx.scope,
        criteria=ctx.criteria and not ctx.done_context,
    )
    status: Status | None = None
    source: str | None = None
    if marker is None and ctx.strike_done and inline.is_struck():
        marker = Marker(Status.DONE, "~~")
    if marker is None and ctx.scope is not None:
        status, source = ctx.scope, "heading"
    kind = "task" if block.task is not None else "list"
    children = block.children
    notes = (
        tuple(c.inline.text.strip() for c in children if isinstance(c, Paragraph))
        if children
        else ()
    )
    out.add(
        _make_item(
            inline,
            marker,
            Span(block.start, block.end, ctx.path),
            kind,
            ctx,
            status=status,
            source=source,
            depth=depth,
            notes=notes,
        )
    )
    if children:
        _walk_blocks(children, ctx, out, depth=depth + 1)


def _table(table: Table, ctx: _Ctx, out: Walk) -> None:
    header = [h.lower().strip(" *:") for h in table.header()]
    status_col = next((i for i, h in enumerate(header) if h in _STATUS_HEADERS), None)
    if status_col == 0 and len(header) > 1:
        return  # a legend table: each row explains a status, none is an item
    when_cols = sorted(
        (i for i, h in enumerate(header) if h in _WHEN_HEADERS),
        key=lambda i: _WHEN_HEADERS.index(header[i]),
    )
    for row in table.rows:
        if not row.cells:
            continue
        first = row.cells[0].inline
        row_text = " | ".join(c.inline.text.strip() for c in row.cells)
        links = tuple(link for c in row.cells for link in c.inline.links)
        merged = replace(first, links=links)
        span = Span(row.start, row.end, ctx.path)
        when = next(
            (
                t
                for i in when_cols
                if i < len(row.cells) and (t := row.cells[i].inline.text.strip())
            ),
            None,
        )
        period_text = when if when is not None else row_text
        if status_col is not None:
            cell = row.cells[status_col].inline if status_col < len(row.cells) else None
            marker = cell_status(cell, ctx.legend) if cell is not None else None
            item = _make_item(
                merged,
                None,
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
            glued = item_marker(first, None, ctx.legend)
            marker = glued if glued is not None and glued.end > 0 else None
            item = _make_item(
                merged,
                marker,
                span,
                "row",
                ctx,
                period_text=period_text,
                when_column=when is not None,
            )
        if item.status is None and ctx.scope is not None:
            item = replace(item, status=ctx.scope, status_from="heading")
        out.add(replace(item, text=row_text, owners=owners_in(row_text) or item.owners))


def _heading_item(
    section: Section, marker: Marker, ctx: _Ctx, out: Walk, *, source: str = "marker"
) -> None:
    heading = section.heading
    assert heading is not None
    item = _make_item(
        heading.inline,
        marker if source == "marker" else None,
        Span(heading.start, heading.end, ctx.path),
        "heading",
        ctx,
    )
    if source != "marker":
        item = replace(item, status=marker.status, status_from=source, marker=marker.written)
    out.add(item)


def find_legend(document: Document) -> Legend:
    """A legend paragraph (``**Status Legend:** 🟢 Active | 🔴 Blocked``) → glyph meanings."""
    glyphs: dict[str, Status] = {}
    for section in document.root.walk():
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            text = block.inline.text
            if "legend" not in text.lower() and text.count("|") < 2:
                continue
            for glyph, word in _pairs(text):
                status = status_of_word(word)
                if status is not None:
                    glyphs[glyph] = status
    return Legend(glyphs) if glyphs else NO_LEGEND


_PAIR = re.compile(r"(?P<word>[A-Za-z][A-Za-z' -]{1,24})")


def _pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    pos = 0
    while pos < len(text):
        found = emoji_at(text, pos)
        if found is None:
            pos += 1
            continue
        glyph, end = found
        match = _PAIR.match(text, end + (1 if text[end : end + 1] == " " else 0))
        if match:
            pairs.append((glyph, match.group("word").strip(" -").split(" |")[0]))
        pos = end
    return pairs


def _uses_strike_for_done(document: Document, legend: Legend) -> bool:
    """Strikethrough means done only where the document's finished items are struck."""
    if "~" not in document.source.text:
        return False  # no strikethrough without a tilde: skip the walk over every item
    struck_done = 0
    for block in _iter_items(document.blocks):
        inline = block.inline
        if inline.is_struck():
            marker = item_marker(inline, block.task, legend)
            if marker is None:
                continue
            if marker.status is not Status.DONE:
                return False
            struck_done += 1
    return struck_done > 0


def _iter_items(blocks: list[Block]) -> list[ListItem]:
    out: list[ListItem] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                out.append(item)
                out.extend(_iter_items(item.children))
        elif isinstance(block, BlockQuote):
            out.extend(_iter_items(block.children))
    return out
