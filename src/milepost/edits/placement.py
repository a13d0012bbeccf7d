"""Where new lines go: a section of a kind, the end of its own text, the subsection of a
month (or where a new one belongs, newest or oldest first), and the bullet to write with."""

from __future__ import annotations

import re
from datetime import date

from milepost.document import HtmlBlock, Paragraph, Patch, Rule, Section
from milepost.model import Item, Roadmap
from milepost.vocabulary.dates import month_title
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.sections import SectionKind, classify

__all__ = [
    "bullet_of",
    "closing_start",
    "content_end",
    "insert_under",
    "month_slot",
    "newline_of",
    "section_of",
    "sections_of",
]


def newline_of(roadmap: Roadmap) -> str:
    return roadmap.document.source.newline


def sections_of(roadmap: Roadmap) -> list[tuple[Section, SectionKind]]:
    out: list[tuple[Section, SectionKind]] = []
    for top in roadmap.document.sections:
        _visit(top, None, out)
    return out


def _visit(
    section: Section, parent: SectionKind | None, out: list[tuple[Section, SectionKind]]
) -> None:
    """``section`` and its subsections, each with its kind, onto ``out`` (a function of its
    own, not a closure: one that calls itself is a cycle only the collector frees)."""
    kind = classify(section.title, parent)
    out.append((section, kind))
    for sub in section.subsections:
        _visit(sub, kind, out)


def section_of(roadmap: Roadmap, kind: SectionKind) -> Section | None:
    return next((s for s, k in sections_of(roadmap) if k is kind), None)


def closing_start(roadmap: Roadmap) -> int:
    """The first line of the roadmap's closing part, which follows its last section: the rule
    that closes it (``---`` with only paragraphs after it) or else the next-review line or
    the footer written after the last heading; the end of the file when there is none. New
    lines go above it, never into the footer."""
    document = roadmap.document
    last_heading = max((h.start for h in document.headings), default=-1)
    after = [b for b in document.blocks if b.start > last_heading]
    for index, block in enumerate(after):
        if isinstance(block, Rule) and all(
            isinstance(b, Paragraph | HtmlBlock) for b in after[index + 1 :]
        ):
            return block.start
    meta = roadmap.meta
    marks = [
        span.start
        for span in (meta.next_review_span, meta.footer_span)
        if span is not None and span.start > last_heading
    ]
    return min(marks, default=len(document.source.lines))


def content_end(roadmap: Roadmap, section: Section) -> int:
    """The line after a section's own last non-blank line (before its subsections, and
    before the roadmap's closing part)."""
    end = section.subsections[0].start if section.subsections else section.end
    end = min(end, closing_start(roadmap))
    return _above_closing(roadmap, section.start + 1, end)


def _above_closing(roadmap: Roadmap, floor: int, end: int) -> int:
    """``end`` moved up (not above ``floor``) past the blank lines and the thematic breaks
    (``---``) that close the text above it: what is added to a section goes above the rule
    its author closes it with, not below it."""
    lines = roadmap.document.source.lines
    rules = {block.start for block in roadmap.document.blocks if isinstance(block, Rule)}
    while end > floor and (not lines[end - 1].strip() or end - 1 in rules):
        end -= 1
    return end


def month_slot(
    parent: Section, month: date, *, newest_first: bool
) -> tuple[Section | None, int, int]:
    """The subsection of ``parent`` for ``month``, or where a new one goes, and its level."""
    level = parent.level + 1
    dated = [(s, read_period(s.title)) for s in parent.subsections]
    for sub, period in dated:
        if period is not None and period.kind == "month" and period.start == month.replace(day=1):
            return sub, sub.start, sub.level
    months = [(s, p.start) for s, p in dated if p is not None and p.start is not None]
    if months:
        level = months[0][0].level
        for sub, start in months:
            if (start < month) if newest_first else (start > month):
                return None, sub.start, level
    after = parent.subsections[-1].end if parent.subsections else parent.end
    if months and not newest_first:
        after = months[-1][0].end
    return None, after, level


# What rollover leaves under a month nothing is planned for yet.
_PLACEHOLDER = re.compile(r"^\s*<!-- plan [^>]* here -->\s*$")


def insert_under(
    roadmap: Roadmap, parent: Section, month: date, new_lines: list[str], *, newest_first: bool
) -> list[Patch]:
    """Patches adding ``new_lines`` under ``parent``'s heading for ``month`` (made if missing)."""
    nl = newline_of(roadmap)
    lines = roadmap.document.source.lines
    sub, at, level = month_slot(parent, month, newest_first=newest_first)
    at = min(at, closing_start(roadmap))
    if sub is not None:
        end = content_end(roadmap, sub)
        body = [n for n in range(sub.start + 1, end) if lines[n].strip()]
        if len(body) == 1 and _PLACEHOLDER.match(lines[body[0]]):
            return [Patch(body[0], body[0] + 1, tuple(new_lines))]  # the month's first items
        return [Patch(end, end, tuple(new_lines))]
    if any(sub.start == at for sub in parent.subsections):
        while at > parent.start + 1 and not lines[at - 1].strip():
            at -= 1  # join the block after the last content line, before the blank lines
    else:  # at the end of the section: above the rule that closes it too
        at = _above_closing(roadmap, parent.start + 1, at)
    heading = f"{'#' * level} {month_title(month)}{nl}"
    block = [nl, heading, *new_lines]
    if at < len(lines) and lines[at].strip():
        block.append(nl)
    return [Patch(at, at, tuple(block))]


def bullet_of(roadmap: Roadmap, item: Item | None) -> str:
    if item is not None:
        line = roadmap.document.source.lines[item.span.start]
        match = re.match(r"^([ \t]*)([-*+])[ \t]+", line)
        if match:
            return match.group(2)
    return "-"
