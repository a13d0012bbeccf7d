"""Calendar dates as people write them: month names, full dates read (``2026-11-25``,
``November 25, 2026``, ``25 Nov 2026``) and rewritten in the style they were written in, and
month arithmetic. :mod:`milepost.vocabulary.periods` builds on these for months, quarters,
halves, versions and relative spans.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "DATE_SOURCE",
    "MONTHS",
    "MONTH_NAMES",
    "MONTH_SOURCE",
    "YEAR_SOURCE",
    "add_months",
    "date_like",
    "day_of",
    "month_end",
    "month_title",
    "read_date",
    "redate",
]

# Month names are spelled out here rather than taken from ``calendar.month_name``, which follows
# the process locale: a roadmap written under ``LANG=de_DE`` must still say "November".
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = {
    spelled.lower(): number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelled in (name, name[:3])
}
MONTHS["sept"] = 9
_FULL_NAMES = frozenset(name.lower() for name in MONTH_NAMES)


def month_end(year: int, month: int) -> date:
    """The last day of ``month``: the day before the next month's first (a third of the cost
    of ``calendar.monthrange``, and every period with a month or quarter asks)."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - _ONE_DAY


_ONE_DAY = timedelta(days=1)


def month_title(day: date) -> str:
    """``"November 2026"``: the month of ``day`` as a heading names it."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?:19|20)\d\d"
#: Pattern sources a period scanner builds on: a month name (or its short form), a year.
MONTH_SOURCE, YEAR_SOURCE = _M, _Y
# Full dates (ISO, "November 25, 2026", "25 Nov 2026"): read_date's pattern, and the
# scanner's first alternatives.
DATE_SOURCE = (
    rf"(?P<iso>(?<!\d){_Y}-\d\d-\d\d(?!\d))"
    rf"|(?<![\w])(?P<long>(?P<lm>{_M})\s+(?P<ld>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ly>{_Y})(?!\d))"
    rf"|(?<![\w])(?P<dayfirst>(?P<dd>\d{{1,2}})\s+(?P<dm>{_M})\s+(?P<dy>{_Y})(?!\d))"
)
_DATES = re.compile(DATE_SOURCE, re.IGNORECASE)


def day_of(match: re.Match[str]) -> date | None:
    """The date a match of :data:`DATE_SOURCE` names; None when it is not a real day (2026-02-30)."""
    try:
        if match["iso"]:
            y, m, d = match["iso"].split("-")
            return date(int(y), int(m), int(d))
        if match["long"]:
            return date(int(match["ly"]), MONTHS[match["lm"].lower().rstrip(".")], int(match["ld"]))
        return date(int(match["dy"]), MONTHS[match["dm"].lower().rstrip(".")], int(match["dd"]))
    except ValueError:
        return None


def read_date(text: str) -> date | None:
    """The first full date in ``text`` (``2026-11-25``, ``November 25, 2026``, ``25 Nov 2026``)."""
    for match in _DATES.finditer(text):
        day = day_of(match)
        if day is not None:
            return day
    return None


def redate(text: str, new: date) -> str | None:
    """``text`` with its first full date set to ``new``, written as that date was written.

    ``2025-10-16`` stays ISO; ``October 16, 2025`` becomes ``November 25, 2026``; ``16 Oct
    2025`` becomes ``25 Nov 2026``; abbreviations, a trailing dot, case, ordinals ("16th"),
    zero padding and the punctuation between the parts are kept. None when there is no date.
    """
    found = _restyled(text, new)
    if found is None:
        return None
    start, end, written = found
    return text[:start] + written + text[end:]


def date_like(sample: str | None, new: date) -> str:
    """``new`` written in the style of the first date in ``sample`` (ISO when it has none)."""
    found = _restyled(sample or "", new)
    return found[2] if found is not None else new.isoformat()


def _restyled(text: str, new: date) -> tuple[int, int, str] | None:
    """Where the first full date of ``text`` is, and ``new`` written in its style."""
    match = next((m for m in _DATES.finditer(text) if day_of(m) is not None), None)
    if match is None:
        return None
    if match["iso"]:
        return match.start("iso"), match.end("iso"), new.isoformat()
    month, day, year = ("lm", "ld", "ly") if match["long"] else ("dm", "dd", "dy")
    parts = {
        month: _month_like(match[month], new.month),
        day: _day_like(match[day], text[match.end(day) : match.end(day) + 2], new.day),
        year: str(new.year),
    }
    whole = "long" if match["long"] else "dayfirst"
    written, at = "", match.start(whole)
    for name in sorted(parts, key=match.start):
        written += text[at : match.start(name)] + parts[name]
        at = match.end(name)
        if name == day and text[at : at + 2].lower() in ("st", "nd", "rd", "th"):
            at += 2  # the ordinal was written with the day
    written += text[at : match.end(whole)]
    return match.start(whole), match.end(whole), written


def _month_like(written: str, month: int) -> str:
    """Month ``month`` spelled like ``written``: full or short, its case, its dot."""
    word = written.rstrip(".")
    name = MONTH_NAMES[month - 1]
    if word.lower() not in _FULL_NAMES:  # "Oct", "Sept" ("May" reads as the full name)
        name = "Sept" if month == 9 and word.lower() == "sept" else name[:3]
    if word.isupper():
        name = name.upper()
    elif word.islower():
        name = name.lower()
    return name + written[len(word) :]


def _day_like(written: str, after: str, day: int) -> str:
    """Day ``day`` written like ``written``: zero padded or not, with an ordinal if it had one."""
    text = f"{day:02d}" if len(written) == 2 and written.startswith("0") else str(day)
    suffix = after.lower()
    if suffix in ("st", "nd", "rd", "th"):
        ordinal = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        text += ordinal.upper() if after.isupper() else ordinal
    return text
