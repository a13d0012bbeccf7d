"""The header and footer: last updated, planning horizon, next review, footer author."""

from __future__ import annotations

import re

from milepost.document import BlockQuote, Document, Paragraph
from milepost.extract.fields import owners_in
from milepost.model import Meta
from milepost.span import Span
from milepost.vocabulary.periods import read_date, read_period

__all__ = ["read_meta", "track_name"]

_LAST_UPDATED = re.compile(r"(?i)\blast\s+updated\b\s*:?\**\s*:?\s*(?P<v>.*)")
_HORIZON = re.compile(r"(?i)\bplanning\s+horizon\b\s*:?\**\s*:?\s*(?P<v>.*)")
_NEXT_REVIEW = re.compile(
    r"(?i)\bnext\s+(?:roadmap\s+)?review(?:\s+date)?\b\s*:?\**\s*:?\s*(?P<v>.*)"
)
_OWNER_LABEL = re.compile(r"(?i)\b(?:track\s+)?(?:lead|owner|owners|leads|maintainers?)\s*:")
_KEYWORDS = ("updated", "horizon", "review", "lead", "owner", "maintainer")
_BY = re.compile(r"(?i)\bby\s+(@[\w-]+|[^*\n]+?)\s*\**\s*$")
_HORIZON_SPLIT = re.compile(r"(?i)\s+(?:through|to|until|–|—|-)\s+")
_TITLE_SUFFIX = re.compile(r"(?i)\s*(?:\btrack\b\s*)?(?:[-–—:]\s*)?(?:track\s+)?road\s*map\b.*$")


def track_name(title: str) -> str:
    """``"Memory Roadmap"`` → ``"Memory"``; a title without "Roadmap" stays whole."""
    name = _TITLE_SUFFIX.sub("", title).strip(" -–—:")
    return name or title.strip()


def read_meta(document: Document, *, path: str | None = None) -> Meta:
    """Read the header fields from the document's paragraph lines, and the footer."""
    lines: list[tuple[int, str]] = []
    for section in document.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines.extend(_lines_of(document, block))
            elif isinstance(block, BlockQuote):  # "> Last updated: 2025-07-24"
                for inner in block.children:
                    if isinstance(inner, Paragraph):
                        lines.extend(
                            (n, line.lstrip(" >")) for n, line in _lines_of(document, inner)
                        )
    values: dict[str, object] = {}
    owners: list[str] = []
    for number, line in sorted(lines):
        lower = line.lower()
        if not any(word in lower for word in _KEYWORDS):
            continue  # most lines are prose: skip the field patterns
        text = line.strip().strip("*_` ")
        match = _LAST_UPDATED.search(text)
        if match:
            value = match.group("v").strip(" *_`")
            day = read_date(value)
            span = Span(number, number + 1, path)
            if "last_updated" not in values:
                values.update(last_updated=day, last_updated_text=value, last_updated_span=span)
            else:
                values.update(
                    footer_updated=day,
                    footer_updated_text=value,
                    footer_updated_by=_author(value),
                    footer_span=span,
                )
            continue
        match = _HORIZON.search(text)
        if match and "planning_horizon" not in values:
            value = match.group("v").strip(" *_")
            values["planning_horizon"] = value
            parts = _HORIZON_SPLIT.split(value, maxsplit=1)
            values["horizon_start"] = read_period(parts[0])
            values["horizon_end"] = read_period(parts[1]) if len(parts) > 1 else None
            continue
        match = _NEXT_REVIEW.search(text)
        if match and "next_review" not in values:
            value = match.group("v").strip(" *_")
            values.update(
                next_review=read_date(value),
                next_review_text=value,
                next_review_span=Span(number, number + 1, path),
            )
            continue
        if _OWNER_LABEL.search(text):
            owners.extend(owners_in(text))
    if "footer_updated" not in values and "last_updated" in values:
        first = values["last_updated_span"]
        # A document whose only "last updated" line is near its end has it as a footer.
        if isinstance(first, Span) and first.start > document.line_count * 2 // 3:
            values["footer_updated"] = values["last_updated"]
            values["footer_updated_text"] = values["last_updated_text"]
            values["footer_updated_by"] = _author(str(values["last_updated_text"]))
            values["footer_span"] = first
    return Meta(owners=tuple(dict.fromkeys(owners)), **values)  # type: ignore[arg-type]


def _author(value: str) -> str | None:
    """Who a footer's "Last updated ... by X" names, if anyone."""
    by = _BY.search(value)
    return by.group(1).strip() if by else None


def _lines_of(document: Document, block: Paragraph) -> list[tuple[int, str]]:
    return [(n, document.line(n)) for n in range(block.start, block.end)]
