"""The review edit: last updated (header and footer) set to today, and the next review date.

Dates are rewritten in the style they were written in (``2025-10-16`` or ``October 16,
2025``). A roadmap without a next-review line gets one where the template puts it: after
the closing ``---`` rule, else just above the footer, else beside the header's "last updated",
else at the end.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from milepost.document import Patch
from milepost.edits.edit import Edit
from milepost.edits.lines import split_line_ending
from milepost.errors import UsageError
from milepost.model import Roadmap
from milepost.vocabulary.dates import date_like, redate
from milepost.vocabulary.periods import read_period

__all__ = ["review"]

_PLACEHOLDER = "YYYY-MM-DD"
# A date written as ISO that does not read as one (2026-02-30, 0000-01-01): replaced as ISO.
_ISO_SHAPED = re.compile(r"(?<![\d-])\d{4,5}-\d{1,2}-\d{1,2}(?![\d-])")
_BY = re.compile(r"(\bby\s+)(@[\w-]+|[^*_\r\n]+?)(\s*[*_]*\s*(?:\r\n|\r|\n)?$)")
_RULE = re.compile(r"^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$")


def _redate(line: str, new: date) -> str:
    body, ending = split_line_ending(line)
    lead = len(body) - len(body.lstrip(" *_"))
    month = _month(body)
    if month is not None and month[0] == lead:  # the field's value is a month, not a later date
        return body[:lead] + new.isoformat() + body[month[1] :] + ending
    written = redate(body, new)
    if written is not None:
        return written + ending
    if _PLACEHOLDER in body:  # the template's placeholder: ISO, as the template asks
        return body.replace(_PLACEHOLDER, new.isoformat(), 1) + ending
    shaped = _ISO_SHAPED.search(body)
    where = shaped.span() if shaped is not None else month
    if where is not None:  # a date that cannot be read, or a month (MP204): set right, ISO
        return body[: where[0]] + new.isoformat() + body[where[1] :] + ending
    raise ValueError("no date on the line")


def _month(body: str) -> tuple[int, int] | None:
    """Where the first period of ``body`` stands when it is a month alone ("June 2022",
    "2022-06"), which MP204 asks to be a day."""
    period = read_period(body)
    if period is None or period.kind != "month":
        return None
    at = body.find(period.text)
    return (at, at + len(period.text)) if at >= 0 else None


def _redate_fields(line: str, dates: list[tuple[str | None, date]]) -> str:
    """``line`` with the date of each field set: one field redates the line's first date;
    several (in the order they were read) each redate the first date from where their
    value's text stands, the rightmost first so the others keep their places."""
    if len(dates) == 1:
        return _redate(line, dates[0][1])
    places: list[tuple[int, date]] = []
    at = 0
    for text, day in dates:
        found = line.find(text, at) if text else -1
        if found < 0 and text:
            found = line.find(text)  # "Next review: … · Last updated: …"
        if found < 0 or any(found == place for place, _ in places):
            raise ValueError("a field's text is not on its line")
        places.append((found, day))
        at = found + len(text or "")
    for found, day in sorted(places, reverse=True):
        line = line[:found] + _redate(line[found:], day)
    return line


def _with_author(line: str, author: str) -> str:
    """The footer line with its "by <who>" set to ``author``."""
    match = _BY.search(line)
    if match is None:
        return line
    return line[: match.start(2)] + author + line[match.end(2) :]


def _blank(line: str) -> bool:
    return not line.strip()


def _add_next_review(roadmap: Roadmap, due: date) -> Patch:
    """A new ``**Next roadmap review:**`` line where the template puts it: after the ``---``
    rule that closes the roadmap, else above the footer, else with the header's "last
    updated" line, else at the end of the file."""
    lines = roadmap.document.source.lines
    nl = roadmap.document.source.newline
    meta = roadmap.meta
    text = f"**Next roadmap review:** {date_like(meta.last_updated_text, due)}"
    footer = meta.footer_span.start if meta.footer_span is not None else len(lines)
    # The closing rule: the last thematic break above the footer, with only blank lines or
    # paragraphs (the "living document" note) between them.
    for at in range(footer - 1, max(footer - 12, 0) - 1, -1):
        body = split_line_ending(lines[at])[0]
        if lines[at].lstrip().startswith("#"):
            break
        if _RULE.match(body) and (at == 0 or _blank(lines[at - 1])):
            after = [] if at + 1 < len(lines) and _blank(lines[at + 1]) else [nl]
            return Patch(at + 1, at + 1, (nl, text + nl, *after))
    if footer < len(lines):
        before = [nl] if footer > 0 and not _blank(lines[footer - 1]) else []
        return Patch(footer, footer, (*before, text + nl, nl))
    header = meta.last_updated_span
    sections_start = next((h.start for h in roadmap.document.headings if h.level > 1), len(lines))
    if header is not None and header.start < sections_start:
        # No footer: with the header's other fields, after the paragraph "last updated" is in
        # (at the end of the file it would belong to the last section).
        at = header.start + 1
        while at < len(lines) and not _blank(lines[at]) and not lines[at].lstrip().startswith("#"):
            at += 1
        return Patch(at, at, (text + nl,))
    # At the end (a file without a final newline keeps lacking one: see document.apply).
    before = [nl] if lines and not _blank(lines[-1]) else []
    return Patch(len(lines), len(lines), (*before, text + nl))


def review(
    roadmap: Roadmap,
    *,
    today: date,
    cadence_days: int,
    next_review: date | None = None,
    author: str | None = None,
) -> Edit:
    """Set last updated (header and footer, with the author) to today and the next review
    (added where the template puts it when the roadmap has none)."""
    meta = roadmap.meta
    lines = roadmap.document.source.lines
    if next_review is not None and next_review < today:
        raise UsageError(
            f"the next review {next_review} is before today ({today})",
            path=roadmap.path,
            hint="give a date from today on",
        )
    due = next_review or today + timedelta(days=cadence_days)
    if meta.last_updated_span is None:
        raise UsageError("no 'Last updated' line to update", path=roadmap.path)
    patches: list[Patch] = []
    fields = [
        (meta.last_updated_span, meta.last_updated_text, today),
        (meta.next_review_span, meta.next_review_text, due),
    ]
    if meta.footer_span is not None and meta.footer_span != meta.last_updated_span:
        fields.append((meta.footer_span, meta.footer_updated_text, today))
    # One patch per line: a header may hold both dates ("Last updated: … · Next review: …").
    by_line: dict[int, list[tuple[str | None, date]]] = {}
    for span, text, day in fields:
        if span is not None:
            by_line.setdefault(span.start, []).append((text, day))
    for number, dates in by_line.items():
        try:
            new = _redate_fields(lines[number], dates)
        except ValueError:
            raise UsageError(
                "cannot find the date to update", path=roadmap.path, line=number + 1
            ) from None
        if author and meta.footer_span is not None and number == meta.footer_span.start:
            new = _with_author(new, author)
        patches.append(Patch(number, number + 1, (new,)))
    added = ""
    if meta.next_review_span is None:
        patches.append(_add_next_review(roadmap, due))
        added = " (a new 'Next roadmap review' line)"

    def verify(after: Roadmap) -> str | None:
        if after.meta.last_updated != today:
            return "last updated does not read as today"
        if after.meta.next_review != due:
            return f"next review does not read as {due}"
        return None

    patches.sort(key=lambda p: (p.start, p.end))
    return Edit(tuple(patches), f"reviewed {today}, next review {due}{added}", verify)
