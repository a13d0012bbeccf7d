"""The text of a new track roadmap: the pure function behind ``milepost new "Track Name"``.

The new file has the exact shape of the upstream track roadmap template (``TEMPLATE``, kept in
:mod:`.track_template`): same headings in the same order, same bold labels, same list
structure, same status emoji. Only what milepost can know is filled in: the track name, the
dates, the month and quarter headings, the project name and the owner. Every other line keeps
the template's square-bracketed prompt (``[Feature that shipped]``) so that ``milepost check``
can point at whatever the author has not replaced yet.

Internal module; the CLI reaches it through ``milepost.api``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from milepost.errors import UsageError
from milepost.render.track_template import COMPLETED_MONTH_LINE, FIXED_LINES, TEMPLATE
from milepost.vocabulary.dates import add_months, month_title

__all__ = ["TEMPLATE", "new_roadmap", "slugify"]


# Characters that must never reach a heading: C0/C1 controls (newlines, tabs, NEL), surrogates
# (unencodable), line/paragraph separators, and the bidi controls behind "Trojan Source" tricks.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f"  # arabic letter mark, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_OWNER = re.compile(r"[\w.-]+")
_FIELD = re.compile(r"\{(\w+)\}")


def slugify(name: str) -> str:
    """Return the folder name for a track: ``"Web UI"`` → ``"web-ui"``.

    Accents are folded to ASCII (``"Café"`` → ``"cafe"``), case is folded, and every run of
    anything other than ``a-z`` and ``0-9`` becomes one ``-``, so the result can never hold a
    path separator or ``..``. Raises `UsageError` if nothing is left.
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_only).strip("-")
    if not slug:
        raise UsageError(
            f"track name {name!r} has no ASCII letters or digits to make a folder name from",
            hint="use a name with at least one ASCII letter or digit",
        )
    return slug


def new_roadmap(
    name: str,
    *,
    today: datetime.date,
    owner: str | None = None,
    project: str = "the project",
    review_cadence_days: int = 14,
) -> str:
    """Return the Markdown text of a new roadmap for the track ``name``.

    ``name`` is stripped and inserted literally (no Markdown escaping). ``owner`` may be given
    with or without the leading ``@``; without one the template's ``@username`` stays. The text
    uses LF newlines, ends with one newline and has no trailing whitespace.
    """
    title = _clean_text("track name", name)
    project_name = _clean_text("project name", project)
    handle = "username" if owner is None else _clean_owner(owner)
    if review_cadence_days < 1:
        raise UsageError(
            f"review cadence must be at least 1 day, not {review_cadence_days}",
            hint="a roadmap is reviewed every N days, N >= 1",
        )
    if isinstance(today, datetime.datetime):
        today = today.date()

    year, month = today.year, today.month
    values = {
        "name": title,
        "project": project_name,
        "owner": handle,
        "today": today.isoformat(),
        "review": (today + datetime.timedelta(days=review_cadence_days)).isoformat(),
        "this_month": _month_label(year, month, 0),
        "next_month": _month_label(year, month, 1),
        "horizon_end": _month_label(year, month, 6),
        # Medium-Term Goals look 3-6 months ahead: the quarter three months from now.
        "quarter": _quarter(add_months(datetime.date(year, month, 1), 3)),
    }
    past_months = (_month_label(year, month, -n) for n in range(1, 13))

    lines: list[str] = []
    for line in TEMPLATE.split("\n"):
        if line == COMPLETED_MONTH_LINE:
            lines.append(f"### {next(past_months)}")
        elif line in FIXED_LINES:
            # One pass over the template's fields, not str.format or chained str.replace: the
            # values are user text and may themselves hold "{name}" or stray braces.
            lines.append(_FIELD.sub(lambda m: values[m[1]], FIXED_LINES[line]))
        else:
            lines.append(line)
    return "\n".join(lines)


def _quarter(day: datetime.date) -> str:
    """``"Q1 2027"`` for a day in January to March 2027."""
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"


def _month_label(year: int, month: int, offset: int) -> str:
    """``"November 2026"`` for the month ``offset`` months after ``year``-``month``."""
    return month_title(add_months(datetime.date(year, month, 1), offset))


def _clean_text(what: str, text: str) -> str:
    """Strip ``text`` and refuse it if empty or if it holds a control character."""
    stripped = text.strip()
    if not stripped:
        raise UsageError(f"{what} is empty", hint=f"give a {what} with some text in it")
    for char in stripped:
        if unicodedata.category(char) in _FORBIDDEN_CATEGORIES or char in _BIDI_CONTROLS:
            raise UsageError(
                f"{what} {text!r} contains the control character U+{ord(char):04X}",
                hint=f"a {what} must fit on one line of plain text",
            )
    return stripped


def _clean_owner(owner: str) -> str:
    """``"@alice"`` or ``"alice"`` → ``"alice"``; refuse anything that is not one handle."""
    handle = owner.strip()
    handle = handle.removeprefix("@")
    if not _OWNER.fullmatch(handle):
        raise UsageError(
            f"owner {owner!r} is not a single @handle",
            hint="use letters, digits, '_', '.' or '-', with or without a leading '@'",
        )
    return handle
