"""What the generic pass collects and carries: the items it found (:class:`Walk`), the context
it walks a section in (:class:`WalkContext`), and how one :class:`Item` is made."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from milepost.document import Inline
from milepost.extract.badges import trailing_badge
from milepost.extract.fields import clean_title, owners_in, refs_in
from milepost.extract.marker import Marker
from milepost.lazy import lazy_pattern
from milepost.model import Item
from milepost.span import Span
from milepost.vocabulary.dates import DATE_SOURCE
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.status import Status, pictograph_at
from milepost.vocabulary.status_labels import ANY_STATUS_LABEL
from milepost.vocabulary.titles import CARRIED_OVER

__all__ = ["Walk", "WalkContext", "ending_badge", "first_line", "make_item"]


@dataclass(slots=True)
class Walk:
    """What the generic pass found: items in document order, indexed by first line, and the
    legend they were read with (the config's markers and the document's own); ``entries``:
    the legend entries among the items of the lists finding the legend judged (by ``id`` of
    the list, see :class:`milepost.extract.legend.FoundLegend`)."""

    items: list[Item] = field(default_factory=list)
    by_line: dict[int, Item] = field(default_factory=dict)
    legend: Legend = NO_LEGEND
    entries: dict[int, frozenset[int]] = field(default_factory=dict)

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
        at = bisect_left(self.items, item.span.start, key=first_line)
        while self.items[at] is not old:  # not ==: dear
            at += 1
        self.items[at] = item
        self.by_line[item.span.start] = item


def first_line(item: Item) -> int:
    """The line an item starts on (the order of :attr:`Walk.items`)."""
    return item.span.start


class WalkContext(NamedTuple):
    """What decides the status and period of a section's items: the legend, the enclosing
    status scope, a criteria context, the nearest heading's period.

    A named tuple: one is made for every section (a frozen dataclass is made ten times
    slower, see :class:`milepost.document.Inline`)."""

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
    coded: bool = False  # the document ends headings with statuses in code spans
    # a bare ❌ in a Status cell says the work was dropped (the document says so), not "no"
    cross_drops: bool = True
    # a bare ❌ leading a list item is work not started: the document's items are led by
    # crosses and by glyphs of work under way, states of work, not yes and no
    cross_pending: bool = False
    # under an item with a status of its own: its sub-bullets are its details ("- Details:
    # [docs](…)" under "- ✅ Search shipped"), given no status by the heading above
    detail: bool = False
    # in a list whose items are led by glyphs of no status, most of them ("- 📝 Boilerplate",
    # "- 🚨 Migration nightmares"): a status glyph among them decorates its item too
    decorated: bool = False
    # in a list that ends items with a check ("- **M2.3**: Models integrated ✅"): a glyph of
    # work under way ending another says its status ("- **M2.4**: Testing 🔄")
    ends_checked: bool = False
    # among sibling headings led by glyphs of no status, most of them ("## 🔧 PHASE 2", "##
    # 🔗 PHASE 3"): the status glyphs that lead one of them alone, decorating it too ("## 📋
    # PHASE 1")
    lone_glyphs: frozenset[str] = frozenset()
    # the list opening a section whose heading is an item, its fields ("### Phase: Docs 🔄"
    # over "- **Status**: In Progress", "- **Progress**: 60%"): by id, its fields no items
    heading_fields: int = 0
    # the status a label right above the list says ("🔧 **In Progress**"): it refines an open
    # task box there ("- [ ] Docs" is in progress), as the status of a heading does not
    box_scope: Status | None = None
    # in a list whose other items carry markers, where the legend says what a plain bullet
    # means ("| bullet | work not started |"): the status of an item that carries none
    bare: Status | None = None
    # under a heading that says its work is planned ("**Status**: PLANNED", "### Pendiente"):
    # an hourglass leading an item there is work waiting its turn, not under way
    waiting: bool = False


def make_item(
    inline: Inline,
    marker: Marker | None,
    span: Span,
    kind: str,
    ctx: WalkContext,
    *,
    status: Status | None = None,
    source: str | None = None,
    depth: int = 0,
    notes: tuple[str, ...] = (),
    period_text: str | None = None,
    when_column: bool = False,
    lead: int = 0,
) -> Item:
    """The item ``inline`` is; ``lead``: where its title starts when no marker says (after a
    decoration, such as a criterion's ✅)."""
    text = inline.text.strip()
    if marker is not None:
        status, source = marker.status, marker.source
        body = inline.text[marker.end : marker.tail if marker.tail >= 0 else None]
    else:
        body = inline.text[lead:]
    title = clean_title(body)
    if title and marker is not None and marker.end and _goes_on(inline.text, body):
        # "**Status:** ✅ Completed in v0.1.5": the words after a leading Status field go on
        # with its value (no " - " parts them), so they are no title of their own: the item
        # is the field, as "**Status:** Planned" alone is ("in v0.1.5" named nothing).
        title = clean_title(_field_title(inline.text[: marker.tail if marker.tail >= 0 else None]))
    if not title and marker is not None and marker.end:
        # "- ✅ Shipped": once the marker is read no words are left; the marker's words are
        # what the item says (its glyphs are not, nor the colon of a label).
        title = clean_title(_after_glyphs(inline.text[: marker.end])).rstrip(":")
    elif not title and marker is not None:
        # "- Status: Planned @kim": a tag is all it says; its owners are not what it says.
        title = clean_title(inline.text)
    if status is not None and kind == "list" and _dated_label(marker, title):
        status = marker = None  # "- **Completed**: 2026-01-25": when, a field of the work above
    if period_text is not None:  # a table row: its when-column, else the row's words
        period = read_period(
            period_text, anchor=ctx.anchor, prose=not when_column, counted_years=not when_column
        )
    else:
        words = _without_links(inline) if inline.links else inline.text
        if "arried over" in words:  # where it came from is not when it is
            words = CARRIED_OVER.sub(" ", words)
        # A heading's year is when ("Qdrant 2023 Roadmap"); an item's may count things.
        period = read_period(words, anchor=ctx.anchor, prose=True, counted_years=kind != "heading")
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


def _dated_label(marker: Marker | None, title: str) -> bool:
    """Whether an item is a status label and a date and no more ("**Started**: 2025-06-20"):
    a field saying when the work above it was, no work of its own."""
    return (
        marker is not None
        and marker.written.rstrip(" *_").endswith(":")
        and _DATE_ONLY.fullmatch(title) is not None
    )


# A date and no more: the full dates :mod:`milepost.vocabulary.dates` reads ("2026-01-25",
# "Jan 25, 2026", "25 Jan 2026"), a month ("2026-01") or a day written with dots or slashes
# ("25.01.2026"). (Compiled on first use: only a status label over words that might be a
# date asks.)
_DATE_ONLY = lazy_pattern(rf"(?i:{DATE_SOURCE})|\d{{4}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}")
_FIELD = re.compile(rf"(?i){ANY_STATUS_LABEL}\s*:")
_PARTS = frozenset("-–—:|")


def _goes_on(text: str, body: str) -> bool:
    """Whether ``body``, the words after the marker of an item's ``text``, go on with the
    value of a ``Status:`` field that leads the item."""
    return _FIELD.match(_after_glyphs(text)) is not None and body.lstrip()[:1] not in _PARTS


def _field_title(text: str) -> str:
    """``Status: ✅ Completed in v0.1.5`` as a title: the label and its value's words."""
    label, _, value = text.partition(":")
    return f"{label.strip()}: {_after_glyphs(value.strip())}"


def _after_glyphs(text: str) -> str:
    """``text`` after the glyphs that lead it (emoji, ``:shortcodes:``, decorations)."""
    pos = 0
    while (end := pictograph_at(text, pos)) is not None:
        pos = end
        while text[pos : pos + 1] in (" ", "\t", "\u00a0", "\ufe0f"):
            pos += 1
    return text[pos:]


def _without_links(inline: Inline) -> str:
    """The text with link texts blanked: "see [Roadmap 2022](...)" does not say when."""
    if not inline.links:
        return inline.text
    text = inline.text
    for link in inline.links:
        text = text[: link.start] + " " * (link.end - link.start) + text[link.end :]
    return text


def ending_badge(inline: Inline, line: str, ctx: WalkContext) -> Marker | None:
    """The status of the badge element that ends an item's or a heading's ``line``, its
    words the marker; the title ends before them where they are in its text (``<Badge
    type="tip">Done</Badge>``), not where they are an attribute's (``text="planned"``)."""
    badge = trailing_badge(line, ctx.legend)
    if badge is None:
        return None
    words = badge.words.strip()
    said = inline.text.rstrip()
    tail = len(said) - len(words) if badge.inside and said.endswith(words) else -1
    return Marker(badge.status, words, tail=tail)
