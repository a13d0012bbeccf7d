"""How many people voted for a community request, where its roadmap says: a Votes (👍, +1,
Upvotes) column's cell, a cell that is a count of votes ("👍 12", "12 votes"), or in a list
request's words ("(12 votes)", "(👍 12)", "👍 12", "- Votes: 12").

A count is read only where it is written as one; anything else ("many", "lots 👍", a bare
"(12)") is no count, and two counts that disagree are none: a vote count is never guessed.
"""

from __future__ import annotations

import re

from milepost.lazy import lazy_pattern

__all__ = ["cell_votes", "text_votes"]

_THUMBS = r"👍[\U0001F3FB-\U0001F3FF]?\ufe0f?"
_COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_WORD = r"(?:up)?votes?\b"
# A cell of a Votes column: a count, with a thumb or the word around it or not.
_VOTES_CELL = lazy_pattern(rf"(?i)(?:{_THUMBS}\s*)?{_COUNT}\s*(?:{_THUMBS}|{_WORD})?")
# A cell of any other column that says it counts votes.
_COUNT_CELL = lazy_pattern(rf"(?i){_THUMBS}\s*{_COUNT}|{_COUNT}\s*(?:{_THUMBS}|{_WORD})")
_HEADER_GLYPHS = lazy_pattern(rf"{_THUMBS}|[\s*:_]+")
_VOTE_HEADERS = frozenset(("", "votes", "vote", "upvotes", "upvote", "+1", "+1s", "thumbsup"))
# In a request's words: in brackets, beside a thumb, or a clause after a separator that ends
# the words or a dash does ("- 12 votes - Status: Planned").
# Each alternative opens with a character, not with blanks: a pattern that opens with "\s*"
# is tried at every blank of a run and scans the rest of the run each time (a line of 40,000
# blanks and a digit took 50 s); the blanks left beside a count are collapsed afterwards.
_IN_TEXT = re.compile(
    rf"(?i)[(\[]\s*(?:{_COUNT}\s*(?:{_THUMBS}|{_WORD})|(?:{_THUMBS}|{_WORD}\s*:)\s*{_COUNT})"
    r"\s*[)\]]"
    rf"|{_THUMBS}\s*{_COUNT}\b|(?<!\w){_COUNT}\s*{_THUMBS}"
    rf"|(?:(?<=\s)[-–—·|]|,)\s*(?:{_COUNT}\s*{_WORD}|{_WORD}\s*:\s*{_COUNT})(?=\s+[-–—]\s|\s*$)"
)
_SPACES = lazy_pattern(r"\s{2,}")


_NUMBER = lazy_pattern(_COUNT)


def _count(match: re.Match[str]) -> int:
    """The count a match holds (its one number: no glyph or word of it has a digit)."""
    number = _NUMBER.search(match.group())
    assert number is not None
    return int(number.group().replace(",", ""))


def _is_vote_header(header: str) -> bool:
    """A column of votes: "Votes", "👍", "+1", "👍 Votes" (not one that only mentions them)."""
    bare = _HEADER_GLYPHS.sub("", header.lower())
    return bare in _VOTE_HEADERS and (bare != "" or "👍" in header)


def cell_votes(cells: dict[str, str]) -> int | None:
    """A table row's votes from its cells (by header): its Votes column's count, else the one
    cell that is a count of votes."""
    for header, value in cells.items():
        if _is_vote_header(header):
            match = _VOTES_CELL.fullmatch(value.strip())
            return _count(match) if match else None
    counts = {_count(m) for v in cells.values() if (m := _COUNT_CELL.fullmatch(v.strip()))}
    return counts.pop() if len(counts) == 1 else None


def text_votes(text: str) -> tuple[int | None, str]:
    """A list request's votes, and its words without them ("Dark mode (12 votes)" → 12,
    "Dark mode"); its words as they are where they state no count, or two."""
    if not any(char.isdigit() for char in text):
        return None, text
    matches = list(_IN_TEXT.finditer(text))
    counts = {_count(m) for m in matches}
    if len(counts) != 1:
        return None, text
    rest = _IN_TEXT.sub(" ", text)
    return counts.pop(), _SPACES.sub(" ", rest).strip().rstrip(" ,·|-–—").strip()
