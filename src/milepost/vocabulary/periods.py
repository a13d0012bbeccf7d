"""When, as people write it: months, quarters, halves, years, dates, versions, relative ranges.

:func:`read_period` finds the first period in a piece of text and returns a :class:`Period`
with the words as written and, where the words allow, the calendar range they cover. Text we
cannot read gives ``None``; the caller keeps the text (we never guess).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from milepost.lazy import lazy_pattern
from milepost.vocabulary.dates import (
    DATE_SOURCE,
    MONTHS,
    add_months,
    day_of,
    month_end,
)
from milepost.vocabulary.dates import MONTH_SOURCE as _M
from milepost.vocabulary.dates import YEAR_SOURCE as _Y

__all__ = ["Period", "read_period"]


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


# One scanner for every kind of period. At one position the alternatives are tried in order of
# precision (a full date before a month, a month before a year), and the earliest mention in
# the text wins. A lone year is looked for only when nothing else is there.
_PERIOD_SOURCE = DATE_SOURCE + (
    rf"|(?<![\w])(?P<month>(?P<mm>{_M}),?\s+(?P<my>{_Y})(?!\d))"
    rf"|(?<![\d-])(?P<isomonth>(?P<iy>{_Y})-(?P<im>0[1-9]|1[0-2])(?![\d-]))"
    rf"|(?<![\w])(?P<quarter>q(?P<q1>[1-4])(?:\s*[-–/]\s*q(?P<q2>[1-4]))?[\s,/]+(?P<qy>{_Y})"
    rf"|(?P<qy2>{_Y})[\s-]*q(?P<q3>[1-4])(?:\s*[-–/]\s*q(?P<q4>[1-4]))?)(?![\w])"
    rf"|(?<![\w])(?P<half>h(?P<h1>[12])[\s,/]+(?P<hy>{_Y})|(?P<hy2>{_Y})[\s-]*h(?P<h2>[12]))(?![\w])"
    r"|(?<![\w.])(?P<version>v(?P<v>\d+(?:\.\d+){0,3})\+?)(?![\w])"
    r"|(?P<relative>(?:next\s+)?(?P<a>\d+)(?:\s*[-–]\s*(?P<b>\d+))?\+?\s*(?P<unit>weeks?|months?)"
    r"|weeks?\s+(?P<c>\d+)\s*[-–]\s*(?P<d>\d+))"
)
# The scanner runs on lower-cased text (case-insensitive matching is several times slower),
# starting only at word starts that can begin a period.
_PERIOD = re.compile(r"\b(?=[0-9qhvnwjfmasod])(?:" + _PERIOD_SOURCE + ")")
_YEAR_ONLY = lazy_pattern(r"(?<![\w#/.-])(?P<year>" + _Y + r")(?![\w-])")


# Every period has a year, a version or a count of weeks/months: skip text with none.
# (It runs on lower-cased text.)
_ANY = re.compile(r"(?:19|20)\d\d|v\d|\d\s*[-–+]?\s*\d*\s*(?:weeks?|months?)|weeks?\s+\d")
_VERSION_MARK = re.compile(r"v\d")


def _may_hold_period(lower: str) -> bool:
    """What ``_ANY`` needs, looked for with substring tests (many times cheaper than ``_ANY``,
    and most item texts hold none of it): a year's first two digits, weeks, months, ``v1``."""
    return (
        "20" in lower
        or "19" in lower
        or "week" in lower
        or "month" in lower
        or ("v" in lower and _VERSION_MARK.search(lower) is not None)
    )


# In prose a version is a period only where it says when: "in v2.1", "(v0.3)", "Target: v1.0",
# or leading the text. "based on v0.0.1" and "compatible with v2" name other releases.
# Words after which a version or a year says when.
_WHEN_WORDS = (
    r"in|by|for|until|till|before|after|target|targets|release|ships?|shipped|shipping|due|planned"
)
_VERSION_WHEN = lazy_pattern(
    r"(?i)(?:^|[(\[]|\b(?:" + _WHEN_WORDS + r"|version|milestone)\s*:?)\s*$"
)
_VERSION_LAST = lazy_pattern(r"[\s).,;:*_`]*(?:$|[-–—]\s)")


# In prose a lone year is a period only where it says when: "in 2027", "by 2026", "(2026)",
# "early 2027", "end of 2026", leading or ending the text. "Handle 2030 concurrent users" and
# "item number 1900" count things.
_YEAR_WHEN = lazy_pattern(
    r"(?i)(?:^[\W_]*|[(\[:]|\b(?:" + _WHEN_WORDS + r"|through|thru|during|from|since|early|late|"
    r"mid|spring|summer|fall|autumn|winter|eta|deadline|(?:end|start|beginning|middle|rest)\s+of)"
    r"\s*:?)\s*$"
)


_YEARS_AROUND = 10
# What may follow a year that ends the words or labels them: "... 2027", "Launch 2027+",
# "Roadmap 2027: new scheduler".
_YEAR_LAST = lazy_pattern(r"[\s)+.,;*_`]*(?:$|:|[-–—]\s)")


def _year_says_when(text: str, match: re.Match[str], anchor: date | None) -> bool:
    """Whether a lone year in an item's words says when: after a word that does, in brackets,
    leading or ending the words, and (given the roadmap's date) within ten years of it:
    "Support for 2000 concurrent users", "by 2048 MB" count things."""
    if anchor is not None and abs(int(match["year"]) - anchor.year) > _YEARS_AROUND:
        return False
    if _says_when(text, match.start(), _YEAR_WHEN):
        return True
    return _YEAR_LAST.match(text, match.end()) is not None


def _says_when(text: str, end: int, words: re.Pattern[str] = _VERSION_WHEN) -> bool:
    """Whether the words just before ``text[end]`` say when (``words``: "in", "(", "Target:",
    nothing, ...).

    Only the last few dozen characters are searched (the words that count are short), so a
    line of thousands of versions costs linear time, not quadratic.
    """
    while end > 0 and text[end - 1] in " *_`":
        end -= 1
    return words.search(text, max(0, end - 40), end) is not None


@cache
def _period_any_case() -> re.Pattern[str]:
    """The period pattern for text whose lower case changes its length ("İ"), where the
    offsets of ``text.lower()`` would not be the text's: compiled on first need (a
    millisecond of every start otherwise, for text that seldom comes)."""
    return re.compile(_PERIOD_SOURCE, re.IGNORECASE)


def read_period(
    text: str, *, anchor: date | None = None, prose: bool = False, counted_years: bool = False
) -> Period | None:
    """The first period written in ``text``; relative ranges need ``anchor`` for dates.

    With ``prose``, a version counts only where it says when (after "in", "by", "(", ...,
    leading the text, or ending it). A version followed by a date is that date, the version
    kept with it where the date comes right after it ("v0.4 (January 2027)"). With
    ``counted_years`` (an item's words, where a number often counts things), so does a lone
    year, within ten years of ``anchor`` when given: "by 2026" is one, "Handle 2030
    concurrent users" and "Reduce memory by 2048 MB" are not.
    """
    lower = text.lower()
    if not _may_hold_period(lower) or _ANY.search(lower) is None:
        return None
    scanner = _PERIOD if len(lower) == len(text) else _period_any_case()
    release: Period | None = None
    release_end = 0
    for match in scanner.finditer(lower if scanner is _PERIOD else text):
        period = _period(match, text, anchor, prose)
        if period is None:
            continue
        if period.kind != "version":
            if release is None or period.kind not in _DATED:
                return release or period
            # A date after a version says when: "v0.4 (January 2027)" is the release and
            # its month; "Upgrade (v3) by March 2027" is due in March, whatever v3 is.
            joined = _JOINED.fullmatch(text[release_end : match.start()]) is not None
            return replace(period, version=release.version) if joined else period
        if release is None:
            release, release_end = period, match.end()
    if release is not None:
        return release
    lone = next(
        (
            m
            for m in _YEAR_ONLY.finditer(text)
            if not counted_years or _year_says_when(text, m, anchor)
        ),
        None,
    )
    if lone is None:
        return None
    year = int(lone["year"])
    return Period("year", lone.group(), date(year, 1, 1), date(year, 12, 31))


def _period(match: re.Match[str], text: str, anchor: date | None, prose: bool) -> Period | None:
    kind = match.lastgroup  # the outer group of the alternative that matched closes last
    if kind not in _KINDS:
        kind = next(k for k in _KINDS if match[k] is not None)
    written = text[match.start(kind) : match.end(kind)]
    if kind in ("iso", "long", "dayfirst"):
        day = day_of(match)
        return Period("date", written, day, day) if day else None
    if kind in ("month", "isomonth"):
        if kind == "month":
            year, month = int(match["my"]), MONTHS[match["mm"].lower().rstrip(".")]
        else:
            year, month = int(match["iy"]), int(match["im"])
        return Period("month", written, date(year, month, 1), month_end(year, month))
    if kind == "quarter":
        year = int(match["qy"] or match["qy2"])
        first = int(match["q1"] or match["q3"])
        last = int(match["q2"] or match["q4"] or first)
        if last < first:
            return None
        return Period("quarter", written, date(year, 3 * first - 2, 1), month_end(year, 3 * last))
    if kind == "half":
        year = int(match["hy"] or match["hy2"])
        half = int(match["h1"] or match["h2"])
        return Period("half", written, date(year, 6 * half - 5, 1), month_end(year, 6 * half))
    if kind == "version":
        if _NOT_THAT_VERSION.search(text, max(0, match.start() - 6), match.start()):
            return None  # "Post-v0.0.31": after it, not in it
        if prose and not (
            _says_when(text, match.start()) or _VERSION_LAST.match(text, match.end())
        ):
            return None
        return Period("version", written, version="v" + match["v"])
    return _relative(match, written, anchor)


# "Post-v0.0.31", "pre-v1": a time before or after a release, which no version names.
_NOT_THAT_VERSION = lazy_pattern(r"(?i)\b(?:post|pre)[-\s]?$")
_KINDS = ("iso", "long", "dayfirst", "month", "isomonth", "quarter", "half", "version", "relative")
#: The kinds a version's date may come as ("v0.4 (January 2027)"), right after it.
_DATED = frozenset({"date", "month", "quarter", "half"})
_JOINED = lazy_pattern(r"[\s(\[,:–—-]*")  # "v1 API support by March 2027" is two things


def _relative(match: re.Match[str], text: str, anchor: date | None) -> Period | None:
    """A span of weeks or months from ``anchor`` ("Next 3 months", "Weeks 1-4"); None for one
    that ends past the calendar ("999999 weeks"), which is no time the work is due."""
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
    try:
        if unit == "week":
            start, end = anchor + timedelta(weeks=a), anchor + timedelta(weeks=b)
            return Period("relative", text, start, end)
        end = add_months(anchor, b) - timedelta(days=1)
    except (OverflowError, ValueError):  # past year 9999, or a count no C int holds
        return None
    return Period("relative", text, anchor, max(end, anchor))
