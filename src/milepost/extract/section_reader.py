"""What every reader of a template section starts from: the section's items (found by the
generic pass), its ``Label: value`` fields, table cells and text, and the period of a title."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from milepost.document import Document, ListBlock, Paragraph, Row, Section, Table
from milepost.extract.walk import Walk
from milepost.model import Item, TextBlock
from milepost.span import Span
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.sections import strip_decoration

__all__ = [
    "SectionReader",
    "field_label",
    "fields_of",
    "labels_list",
    "short_period",
    "split_field",
    "title_name",
]

# A "Label: value" line; labels may hold symbols a metric name uses ("Latency <p95>", "Uptime %").
_FIELD = re.compile(
    r"^(?P<label>(?:[^\W\d]|[\[\"“])[\w' /&()\[\]+.,<>%#\"“”`~=-]{0,120}?)"
    r"\s*:\s*(?P<value>.*)$",
    re.DOTALL,
)
# A "**Label:** value" line. The value runs to the line's end and is stripped after: a lazy
# value before "\s*$" tried the end at every one of its characters, 4x the cost of the match.
_LINE_FIELD = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)(?P<label>[^*_]+?)(?::\s*)?(?:\*\*|__)\s*:?\s*(?P<value>.*)"
)


@lru_cache(maxsize=4096)
def short_period(text: str) -> Period | None:
    """:func:`read_period` of a section title or a timeline field: these repeat within and
    across roadmaps ("Q3 2025", "Completed Milestones"), so each text is read once."""
    return read_period(text)


def split_field(text: str) -> tuple[str, str] | None:
    if ":" not in text:
        return None  # most items are no field: skip the pattern's lazy look for a colon
    match = _FIELD.match(text.strip())
    if match is None:
        return None
    return match.group("label").strip(" *_"), match.group("value").strip()


def field_label(item: Item) -> str | None:
    """The label of an item that is a ``Label: value`` field, lower-cased."""
    split = split_field(item.text)
    return split[0].lower() if split else None


# What a heading or label numbers its part with: "Goal 1:", "Initiative 2 -", "3.", "4)".
_NUMBERED = re.compile(
    r"(?i)^(?:(?:goal|initiative|risk|request|metric)\s*\d*\s*[:.)-]|\d+(?:\.\d+)*[.)])\s*"
)


def title_name(title: str) -> str:
    """What a goal or an initiative is called: its heading's or item's words without the
    emoji and the numbering that lead them ("🎯 Goal 1: Speed", "3. AG2 Group Chat")."""
    return _NUMBERED.sub("", strip_decoration(title)) or title


def fields_of(items: list[Item]) -> dict[str, str]:
    """``Label: value`` items by lower-case label; the first of a label wins."""
    fields: dict[str, str] = {}
    for item in items:
        split = split_field(item.text)
        if split:
            fields.setdefault(split[0].lower(), split[1])
    return fields


class SectionReader:
    """A document's sections read with the items the generic pass found in them."""

    def __init__(self, document: Document, found: Walk, path: str | None) -> None:
        self.document = document
        self.found = found
        self.path = path
        self.starts = [item.span.start for item in found.items]
        # Table rows by first line, per section (keyed by id: the document holds the sections).
        self._rows: dict[int, dict[int, tuple[list[str], Row]]] = {}
        # The first lines of the list items and rows a reader put into the model (a risk, a
        # metric, a goal's feature): what is left of a section is its free text.
        self.held: set[int] = set()

    def hold(self, items: Iterable[Item]) -> list[Item]:
        """Mark ``items`` as read into the model, and give them back."""
        items = list(items)
        self.held.update(item.span.start for item in items)
        return items

    def span(self, section: Section) -> Span:
        return Span(section.start, section.end, self.path)

    def items(self, start: int, end: int, *, depth: int | None = 0) -> list[Item]:
        """Items whose first line is in ``[start, end)``; only at ``depth`` unless None."""
        found = self.found.items
        out = []
        for index in range(bisect_left(self.starts, start), len(found)):
            item = found[index]
            if item.span.start >= end:
                break
            if depth is None or item.depth == depth:
                out.append(item)
        return out

    def own_items(self, section: Section, *, depth: int | None = 0) -> list[Item]:
        """Items of the section itself, before its first subsection."""
        end = section.subsections[0].start if section.subsections else section.end
        return [i for i in self.items(section.start + 1, end, depth=depth) if i.kind != "heading"]

    def row_cells(self, section: Section, item: Item) -> dict[str, str]:
        """A table row's cells by lower-case header, from the table in ``section``."""
        rows = self._rows.get(id(section))
        if rows is None:
            # Index the section's table rows once: a lookup per row must not rescan the table.
            rows = {}
            for block in section.blocks:
                if isinstance(block, Table):
                    header = [h.lower() for h in block.header()]
                    for row in block.rows:
                        rows.setdefault(row.start, (header, row))
            self._rows[id(section)] = rows
        found = rows.get(item.span.start)
        if found is None:
            return {}
        header, row = found
        return {h: cell.inline.text.strip() for h, cell in zip(header, row.cells, strict=False)}

    def children(self, item: Item) -> list[Item]:
        return self.items(item.span.start + 1, item.span.end, depth=item.depth + 1)

    def line_fields(self, section: Section) -> dict[str, str]:
        """``**Label:** value`` lines of the section's own paragraphs, by lower-case label."""
        fields: dict[str, str] = {}
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            for number in range(block.start, block.end):
                match = _LINE_FIELD.match(self.document.line(number))
                if match:
                    label = match.group("label").strip().rstrip(":").lower()
                    fields.setdefault(label, match.group("value").strip())
        return fields

    def paragraphs(self, section: Section) -> list[TextBlock]:
        return [
            TextBlock(b.inline.text.strip(), Span(b.start, b.end, self.path))
            for b in section.blocks
            if isinstance(b, Paragraph) and b.inline.text.strip()
        ]

    def texts(self, section: Section) -> list[TextBlock]:
        """Paragraphs and top-level list items, in order."""
        blocks = self.paragraphs(section) + [
            TextBlock(i.text, i.span) for i in self.hold(self.own_items(section))
        ]
        return sorted(blocks, key=lambda t: t.span.start)

    def text_of(self, section: Section) -> TextBlock | None:
        """The section's prose as one block: its paragraphs, but those that only label the
        list below them ("**Visual Workflow Designer**", "Focus areas:")."""
        blocks = section.blocks
        labels = {
            block.start
            for block, after in pairwise(blocks)
            if isinstance(block, Paragraph) and isinstance(after, ListBlock) and labels_list(block)
        }
        parts = [p for p in self.paragraphs(section) if p.span.start not in labels]
        if not parts:
            return None
        return TextBlock(
            "\n\n".join(p.text for p in parts),
            Span(parts[0].span.start, parts[-1].span.end, self.path),
        )


# How long a label over a list may be (a heading's length: "What to expect in v0.3:").
_LABEL_LENGTH = 60


def labels_list(paragraph: Paragraph) -> bool:
    """Whether ``paragraph``, over a list, reads as the list's label: all of it bold, or a
    few words ending with a colon ("**Visual Workflow Designer**", "Backends:"); a sentence
    that leads into the list ("By 2027 we want Swarmkit to be ..., which means:") is prose."""
    text = paragraph.inline.text.strip()
    if text.endswith(":"):
        return len(text) <= _LABEL_LENGTH
    bold = sum(end - start for start, end in paragraph.inline.strong)
    return bool(text) and bold >= len(text)
