"""The header and footer: last updated, planning horizon (or a header's "Timeline:"), next
review, owners, footer author.

A line may hold several ``Label: value`` fields ("**Last updated:** 2026-11-20 · **Owner:**
@kim · **Next review:** 2026-12-04"). Owners (``Owner``, ``Lead``, ``Track lead``,
``Maintainers``) are read from the header, above the first section: an ``**Owner:**`` under a
section names that section's owner (a track of a multi-track roadmap, a goal), not the lead.
"""

from __future__ import annotations

import re

from milepost.document import BlockQuote, Document, Paragraph, read_inline
from milepost.extract.fields import owners_in
from milepost.lazy import lazy_pattern
from milepost.model import Meta
from milepost.span import Span
from milepost.vocabulary.dates import read_date
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.placeholders import is_placeholder

__all__ = ["read_meta", "track_name"]

# A header field's label, with whatever markup and colon follow it: "**Last updated:** ",
# "Next review ", "_Next roadmap review date_: ". An owner label needs its colon ("**Owner**:",
# "Track lead:"): "the track lead will" is prose.
_LABEL = re.compile(
    r"(?i)\b(?:(?P<updated>last\s+updated)|(?P<horizon>planning\s+horizon)"
    r"|(?P<timeline>timeline(?=[*_`]*\s*:))"
    r"|(?P<review>next\s+(?:roadmap\s+)?review(?:\s+date)?)"
    r"|(?P<owner>(?:track\s+)?(?:leads?|owners?|maintainers?)(?=[*_`]*\s*:)))\b"
    r"[*_`]*\s*:?[*_`]*\s*:?\s*"
)
# What may stand before a second field on one line: "·", "|", ";", "•", a sentence's end,
# a comma, a dash, an opening parenthesis.
_BETWEEN_FIELDS = frozenset("·|;•,.!?:—–-(/")
# Where a field's value ends even without another label after it: "2026-11-20 | Status: 🟢".
_VALUE_END = re.compile(r"(?:(?<!\s)\s+)?[·|•;]")  # blanks from where their run begins
_KEYWORDS = re.compile("updated|horizon|timeline|review|lead|owner|maintainer")
_BY = re.compile(r"(?i)\bby\s+(@[\w-]+|[^*\n]+?)\s*\**\s*$")
_HORIZON_SPLIT = re.compile(  # blanks from where their run begins, whole: linear on long runs
    r"(?i)(?<!\s)\s++(?:through|to|until|–|—|-)\s+"
)
_TITLE_SUFFIX = re.compile(
    r"(?i)(?<!\s)\s*(?:\b(?:track|project)\b\s*)?(?:[-–—:]\s*)?(?:track\s+)?road\s*map\b.*$"
)


def track_name(title: str) -> str:
    """``"Memory Roadmap"`` → ``"Memory"`` (and "Memory Track - Roadmap", "Kubescape project
    roadmap"); a title without "Roadmap", or with nothing before it, stays whole."""
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
    header_end = next((h.start for h in document.headings if h.level > 1), document.line_count)
    for number, line in sorted(lines):
        lower = line.lower()
        if _KEYWORDS.search(lower) is None:
            continue  # most lines are prose: skip the field patterns
        for kind, value in _fields(line.strip().strip("*_` ")):
            span = Span(number, number + 1, path)
            if kind == "updated":
                value = value.strip(" *_`")
                day = read_date(value)
                if "last_updated" not in values:
                    values.update(last_updated=day, last_updated_text=value, last_updated_span=span)
                elif "footer_updated" not in values or values["footer_span"] != span:
                    values.update(
                        footer_updated=day,
                        footer_updated_text=value,
                        footer_updated_by=_author(value),
                        footer_span=span,
                    )
            elif kind in ("horizon", "timeline") and "planning_horizon" not in values:
                if kind == "timeline" and number >= header_end:
                    continue  # "**Timeline:** Next 3-6 months" is the horizon in the header
                value = value.strip(" *_")
                values["planning_horizon"] = value
                parts = _HORIZON_SPLIT.split(value, maxsplit=1)
                values["horizon_start"] = read_period(parts[0])
                values["horizon_end"] = read_period(parts[1]) if len(parts) > 1 else None
            elif kind == "review" and "next_review" not in values:
                value = value.strip(" *_")
                values.update(
                    next_review=read_date(value), next_review_text=value, next_review_span=span
                )
            elif kind == "owner" and number < header_end:
                owners.extend(owners_in(value) or _names(value))
    if "footer_updated" not in values and "last_updated" in values:
        first = values["last_updated_span"]
        # A document whose only "last updated" line is near its end has it as a footer.
        if isinstance(first, Span) and first.start > document.line_count * 2 // 3:
            values["footer_updated"] = values["last_updated"]
            values["footer_updated_text"] = values["last_updated_text"]
            values["footer_updated_by"] = _author(str(values["last_updated_text"]))
            values["footer_span"] = first
    return Meta(owners=tuple(dict.fromkeys(owners)), **values)  # type: ignore[arg-type]


def _fields(text: str) -> list[tuple[str, str]]:
    """The ``(kind, value)`` header fields of one line, in order.

    The first label may stand anywhere ("This roadmap was last updated 2026-11-20"); a later
    one only where a field can start: after "·", "|", ";", a sentence's end and the like
    ("**Last updated:** 2026-11-20 · **Owner:** @kim · **Next review:** 2026-12-04",
    "_Last updated 2026-11-23 by @ana. Next review 2026-12-07._"). A value runs to the next
    field, or to a "·", "|", "•" or ";" after it.
    """
    found: list[re.Match[str]] = []
    for match in _LABEL.finditer(text):
        before = text[: match.start()].rstrip(" *_`")
        if found and before and before[-1] not in _BETWEEN_FIELDS:
            continue
        found.append(match)
    fields = []
    for index, match in enumerate(found):
        kind = match.lastgroup or ""
        if index + 1 < len(found):
            value = text[match.end() : found[index + 1].start()].rstrip(" *_`")
            cut = _VALUE_END.search(value)
            value = (value[: cut.start()] if cut else value).rstrip(" ,.:;(—–-/*_`")
        else:
            value = text[match.end() :]
            cut = _VALUE_END.search(value)
            value = value[: cut.start()] if cut else value
        fields.append((kind, value))
    return fields


_NAMES_SPLIT = lazy_pattern(r"\s*(?:[,;&/]|\band\b)\s*")
_NO_ONE = frozenset(("none", "n/a", "na", "-", "—", "nobody", "unassigned"))


def _names(value: str) -> list[str]:
    """The people an owner field names without handles ("**Lead:** Eric", "Ana and Bo", a
    link's words: "[Eric](https://github.com/eric)"); none for a slot left to fill ("TBD",
    "[Name]", "N/A")."""
    said = read_inline(value.strip()).text.strip(" *_`.")
    if said.lower() in _NO_ONE:
        return []  # "N/A" is no one, not "N" and "A"
    names = []
    for name in _NAMES_SPLIT.split(said):
        name = name.strip(" *_`.")
        bare = name.strip("[]")
        if not name or name.lower() in _NO_ONE or is_placeholder(bare):
            continue
        names.append(name)
    return names


def _author(value: str) -> str | None:
    """Who a footer's "Last updated ... by X" names, if anyone."""
    by = _BY.search(value)
    return by.group(1).strip() if by else None


def _lines_of(document: Document, block: Paragraph) -> list[tuple[int, str]]:
    """The paragraph's numbered lines, none when it names no field's keyword (most are prose:
    one search over the whole paragraph spares a line-by-line look)."""
    if _KEYWORDS.search("".join(document.source.lines[block.start : block.end]).lower()) is None:
        return []
    return [(n, document.line(n)) for n in range(block.start, block.end)]
