"""When, as people write it: months, quarters, halves, years, dates, versions, relative ranges.

:func:`read_period` finds the first period in a piece of text and returns a :class:`Period`
with the words as written and, where the words allow, the calendar range they cover. Text we
cannot read gives ``None``; the caller keeps the text (we never guess).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Period", "add_months", "month_end", "read_date", "read_period"]

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


@dataclass(frozen=True, slots=True)
class Period:
    """A span of time as written. ``start``/``end`` are inclusive dates when known."""

    kind: str  # month | quarter | half | year | date | version | relative | text
    text: str
    start: date | None = None
    end: date | None = None
    version: str | None = None

    def contains(self, day: date) -> bool:
        return self.start is not None and self.end is not None and self.start <= day <= self.end

    @property
    def label(self) -> str:
        """A normalised label: ``2026-11``, ``2027-Q1``, ``2027-H1``, ``v0.2``, or the text."""
        if self.kind == "month" and self.start:
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter" and self.start and self.end:
            first = (self.start.month - 1) // 3 + 1
            last = (self.end.month - 1) // 3 + 1
            return f"{self.start.year}-Q{first}" + (f"..Q{last}" if last != first else "")
        if self.kind == "half" and self.start:
            return f"{self.start.year}-H{1 if self.start.month <= 6 else 2}"
        if self.kind == "year" and self.start:
            return str(self.start.year)
        if self.kind == "date" and self.start:
            return self.start.isoformat()
        if self.kind == "version" and self.version:
            return self.version
        return self.text

    def to_dict(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "text": self.text,
            "label": self.label,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
_LONG = re.compile(rf"(?i)(?<![\w]){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)")
_DAY_FIRST = re.compile(rf"(?i)(?<![\w])(?P<day>\d{{1,2}})\s+{_MONTH}\s+{_YEAR}(?!\d)")
_MONTH_YEAR = re.compile(rf"(?i)(?<![\w]){_MONTH},?\s+{_YEAR}(?!\d)")
_ISO_MONTH = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])")
_QUARTER = re.compile(
    r"(?i)(?<![\w])(?:Q(?P<q1>[1-4])(?:\s*[-–/]\s*Q(?P<q2>[1-4]))?[\s,/]+"
    + _YEAR
    + r"|(?P<year2>(?:19|20)\d\d)[\s-]*Q(?P<q3>[1-4])(?:\s*[-–/]\s*Q(?P<q4>[1-4]))?)(?![\w])"
)
_HALF = re.compile(
    r"(?i)(?<![\w])(?:H(?P<h1>[12])[\s,/]+"
    + _YEAR
    + r"|(?P<year2>(?:19|20)\d\d)[\s-]*H(?P<h2>[12]))(?![\w])"
)
_VERSION = re.compile(r"(?i)(?<![\w.])v(?P<v>\d+(?:\.\d+){0,3})(?:\+)?(?![\w])")
_RELATIVE = re.compile(
    r"(?i)(?P<text>(?:next\s+)?(?P<a>\d+)(?:\s*[-–]\s*(?P<b>\d+))?\+?\s*(?P<unit>weeks?|months?)"
    r"|weeks?\s+(?P<c>\d+)\s*[-–]\s*(?P<d>\d+))"
)
_YEAR_ONLY = re.compile(r"(?<![\w#/.-])" + _YEAR + r"(?![\w-])")


def read_date(text: str) -> date | None:
    """The first full date in ``text`` (``2026-11-25``, ``November 25, 2026``, ``25 Nov 2026``)."""
    found: list[tuple[int, date]] = []
    for pattern in (_ISO, _LONG, _DAY_FIRST):
        match = pattern.search(text)
        if match is None:
            continue
        try:
            if pattern is _ISO:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            else:
                day = date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        except ValueError:
            continue
        found.append((match.start(), day))
    return min(found)[1] if found else None


# Every period has a year, a version or a count of weeks/months: skip text with none.
_ANY = re.compile(r"(?i)(?:19|20)\d\d|v\d|\d\s*[-–+]?\s*\d*\s*(?:weeks?|months?)|weeks?\s+\d")


# In prose a version is a period only where it says when: "in v2.1", "(v0.3)", "Target: v1.0",
# or leading the text. "based on v0.0.1" and "compatible with v2" name other releases.
_VERSION_WHEN = re.compile(
    r"(?i)(?:^|[(\[]|\b(?:in|by|for|until|till|before|after|target|targets|release|ship|ships|"
    r"shipped|shipping|due|planned|version|milestone)\s*:?)\s*$"
)


_VERSION_LAST = re.compile(r"[\s).,;:*_`]*(?:$|[-–—]\s)")


def read_period(text: str, *, anchor: date | None = None, prose: bool = False) -> Period | None:
    """The first period written in ``text``; relative ranges need ``anchor`` for dates.

    With ``prose``, a version counts only where it says when (after "in", "by", "(", ...,
    leading the text, or ending it).
    """
    if _ANY.search(text) is None:
        return None
    candidates: list[tuple[int, Period]] = []
    day = read_date(text)
    if day is not None:
        for pattern in (_ISO, _LONG, _DAY_FIRST):
            match = pattern.search(text)
            if match:
                candidates.append((match.start(), Period("date", match.group(), day, day)))
                break
    match = _MONTH_YEAR.search(text)
    if match:
        year, month = int(match["year"]), MONTHS[match["month"].lower()]
        candidates.append(
            (
                match.start(),
                Period("month", match.group(), date(year, month, 1), month_end(year, month)),
            )
        )
    match = _ISO_MONTH.search(text)
    if match and not _ISO.search(text, match.start()):
        year, month = int(match["year"]), int(match["m"])
        candidates.append(
            (
                match.start(),
                Period("month", match.group(), date(year, month, 1), month_end(year, month)),
            )
        )
    match = _QUARTER.search(text)
    if match:
        year = int(match["year"] or match["year2"])
        first = int(match["q1"] or match["q3"])
        last = int(match["q2"] or match["q4"] or first)
        if last >= first:
            candidates.append(
                (
                    match.start(),
                    Period(
                        "quarter",
                        match.group(),
                        date(year, 3 * first - 2, 1),
                        month_end(year, 3 * last),
                    ),
                )
            )
    match = _HALF.search(text)
    if match:
        year = int(match["year"] or match["year2"])
        half = int(match["h1"] or match["h2"])
        candidates.append(
            (
                match.start(),
                Period(
                    "half", match.group(), date(year, 6 * half - 5, 1), month_end(year, 6 * half)
                ),
            )
        )
    match = _VERSION.search(text)
    if (
        match
        and prose
        and not _VERSION_WHEN.search(text[: match.start()].rstrip(" *_`"))
        and not _VERSION_LAST.match(text, match.end())
    ):
        match = None
    if match:
        candidates.append(
            (match.start(), Period("version", match.group(), version="v" + match["v"]))
        )
    match = _RELATIVE.search(text)
    if match:
        candidates.append((match.start(), _relative(match, anchor)))
    if not candidates:
        match = _YEAR_ONLY.search(text)
        if match:
            year = int(match["year"])
            candidates.append(
                (match.start(), Period("year", match.group(), date(year, 1, 1), date(year, 12, 31)))
            )
    if not candidates:
        return None
    # The earliest mention wins; at the same place, the most precise reading (dates first).
    order = {"date": 0, "month": 1, "quarter": 2, "half": 3, "version": 4, "relative": 5, "year": 6}
    return min(candidates, key=lambda c: (c[0], order[c[1].kind]))[1]


def _relative(match: re.Match[str], anchor: date | None) -> Period:
    text = match.group()
    if match["c"]:
        a, b, unit = int(match["c"]), int(match["d"]), "week"
        a -= 1  # "Weeks 1-4" starts now
    else:
        a, b = int(match["a"]), int(match["b"] or match["a"])
        unit = match["unit"].lower().rstrip("s")
        if not match["b"]:
            a = 0
    if anchor is None:
        return Period("relative", text)
    if unit == "week":
        return Period("relative", text, anchor + timedelta(weeks=a), anchor + timedelta(weeks=b))
    end = add_months(anchor, b) - timedelta(days=1)
    return Period("relative", text, anchor, max(end, anchor))
