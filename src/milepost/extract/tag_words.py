"""What every trailing tag is made of: the :class:`Tag` itself, the status words strong enough
to be one (:func:`strong_word`), a share of the work done (:func:`percent_done`), the
references and the when that may follow its words, and a note in brackets that may end the
text after it (:func:`note_start`). Read by :mod:`.trailing_tags` and :mod:`.glyph_tags`."""

from __future__ import annotations

import re
from typing import NamedTuple

from milepost.lazy import lazy_pattern
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_words import said_weakly, status_of_word

__all__ = [
    "REF",
    "WHEN_TAIL",
    "Tag",
    "dated_tail",
    "ending_run",
    "note_start",
    "percent_done",
    "refs_start",
    "strong_word",
    "tail_start",
]


class Tag(NamedTuple):
    """A status said after an item's words: the status; where the tag runs in the text (from
    its bracket, or the blank before its dash or ``Status:``, to its closing bracket or the
    end of its words, references after it not included); the tag as the model records it
    (``(in progress) #12``); and its kind (``field``, ``bracket`` or ``dash``)."""

    status: Status
    start: int
    end: int
    written: str
    kind: str


# How far before the end of a text a tail (a tag, the references after it) can begin. A
# pattern that must end the text is searched for from there: from the start, each position it
# is tried at would scan on to the end, and a line of thousands of "(#1)" would take seconds.
_TAIL_MAX = 300


def tail_start(text: str) -> int:
    """Where a tail of ``text`` begins at the earliest: its last few hundred characters."""
    return max(0, len(text) - _TAIL_MAX)


def strong_word(word: str) -> Status | None:
    status = status_of_word(word)
    if status is None and (" & " in word or " and " in word):
        return _agreed(word)
    return None if status is None or said_weakly(word) else status


def _agreed(words: str) -> Status | None:
    """The status two strong words joined by "&" or "and" both say ("Completed & Released",
    "done and tested" does not: "tested" says none); None where they differ ("Planned and
    In Progress")."""
    said = {strong_word(part) for part in _JOINED.split(words)}
    return said.pop() if len(said) == 1 else None


# (Tried only where a run of blanks begins, each run taken whole: from each blank of a long
# run the split scanned on to the run's end, in quadratic time.)
_JOINED = lazy_pattern(r"(?<!\s)\s++(?:&|and)\s++")


# References may follow the tag, bare or in brackets: "(in progress) #12", "(done) (#12, @kim)",
# "- Status: Planned @kim", "- in progress (#12)", between commas too ("@kim, @bo").
REF = r"(?:#\d++|@[\w-]++)"  # each taken whole (possessively), as :func:`ending_run` needs
# A run of references, as after a dash tag's phrase: "- in progress @kim", "- Done (#12)". It
# reads one way (each part taken whole, possessively) and is tried from where a run of blanks
# begins, so :func:`ending_run` finds the one that ends a text in one pass: a pattern ending
# in "$" was tried from each reference and each blank, and scanned on to where the run
# stopped ("a #1 #1 … #1 ✅" of 20,000 references took 18 s).
_REFS = re.compile(rf"(?:(?=,)|(?<![\s,]))(?:,?\s++(?:{REF}|\({REF}(?:[,\s]++{REF})*+\)))++")


def ending_run(run: re.Pattern[str], text: str) -> int | None:
    """Where the match of ``run`` that ends ``text`` (or comes before its final newline, as
    "$" allows) begins, else None. ``run`` must read one way, each of its matches the longest
    from its start that no match holds (possessive, tried only where a run of blanks begins):
    then no later match begins inside an earlier one, and each character is read once."""
    for match in run.finditer(text):
        if match.end() == len(text) or text[match.end() :] == "\n":
            return match.start()
    return None


def refs_start(text: str) -> int | None:
    """Where the references that end ``text`` begin ("in progress (#12) @kim"), else None."""
    return ending_run(_REFS, text)


# When or where the tagged work was done, after its status: "in v0.0.30", "on 2024-01-14",
# "for Q3 2025", "by M7" (a time after "for" or "by", not "by Legal"), or a date, version,
# year or quarter alone ("Completed 2024-01-14", "Shipped Jan 14, 2024", "Released 31st Jan,
# 2023", "Released November, 2021", "COMPLETE v0.0.1", "Planned 2025", "Planned Q3 2025").
WHEN_TAIL = re.compile(  # tried from where a run of blanks begins: linear on long runs
    r"(?<!\s)\s+(?:(?:in|on|as of|since|with)\s+\S+(?:\s+\d{4})?|(?:for|by)\s+\S*\d\S*(?:\s+\d{4})?"
    r"|\d{4}-\d{1,2}(?:-\d{1,2})?"
    r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"
    r"\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r" ?[,.]?\s+\d{4}|(?:[QH][1-4]\s+)?(?:19|20)\d{2}|[QH][1-4]|v\d+(?:\.\d+){0,3}"
    r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)$"
)


def dated_tail(text: str) -> re.Match[str] | None:
    """The day, release or quarter that ends ``text`` (:data:`WHEN_TAIL`, a digit in it:
    "Completed on 2025-12-25", "Planned for Q3 2026"; "done with care" is prose)."""
    when = WHEN_TAIL.search(text)
    return when if when is not None and any(char.isdigit() for char in when.group()) else None


def note_start(text: str) -> int:
    """Where a note in brackets that ends ``text`` after a blank begins ("Sync ✅
    (adiantado)"), or in full-width brackets after anything ("✅（MADT/SIPI）"), else the
    end of ``text``."""
    body = text.rstrip()
    if body.endswith("）"):  # full-width, set without a blank: "✅（int 0x80 legacy 保留）"
        at = body.rfind("（")
        return len(body[:at].rstrip()) if at > 0 and "）" not in body[at:-1] else len(text)
    if not body.endswith(")"):
        return len(text)
    at = body.rfind("(")
    if at <= 0 or ")" in body[at:-1] or body[at - 1] not in " \t":
        return len(text)
    return len(body[:at].rstrip())


# A share of the work done: "80% complete", "100% done", about so much: "~70% COMPLETE".
_PERCENT_DONE = lazy_pattern(
    r"(?:~|≈|about |approx\.? )?(\d{1,3})\s*%\s*(?:complete|completed|done|finished)"
)


def percent_done(phrase: str) -> Status | None:
    """The status a share of the work done says ("80% complete": in progress; "100% done":
    done; "0% complete": planned); None for a phrase that is no such share."""
    match = _PERCENT_DONE.fullmatch(phrase.strip().lower())
    if match is None:
        return None
    share = int(match[1])
    return Status.DONE if share >= 100 else Status.IN_PROGRESS if share else Status.PLANNED
