"""Byte offsets → line numbers: where each line of the UTF-8 text starts, and a parser's byte
range as the lines ``[first, last)`` it covers."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, count
from operator import add

__all__ = ["LineTable", "line_starts"]

_NEWLINE = re.compile(rb"\r\n|\r|\n")


def line_starts(data: bytes) -> list[int]:
    """Where each line starts, in bytes; lines end at ``\r\n``, ``\r`` or ``\n``."""
    if b"\r" in data:
        return [0, *(m.end() for m in _NEWLINE.finditer(data))]
    # Only "\n": line k starts after the first k lines and their k newlines, summed in C
    # (three times faster than a Python step per newline).
    lengths = map(len, data.split(b"\n")[:-1])
    return [0, *map(add, accumulate(lengths), count(1))]


class LineTable:
    """The line starts of a document's UTF-8 bytes, to read byte ranges as lines."""

    __slots__ = ("bounds", "data", "starts")

    def __init__(self, data: bytes, starts: list[int]) -> None:
        self.data = data
        self.starts = starts
        # Where each line ends (its successor's start, the end of the data for the last): one
        # index instead of a bounds test on every range.
        self.bounds = [*starts[1:], len(data)]

    def lines(self, rng: dict[str, int]) -> tuple[int, int]:
        """Byte range → lines ``[first, last)``, without trailing blank lines.

        pulldown-cmark starts a nested list's range at the line ending before it, and ends
        lists and items after the blank lines that follow them: both are trimmed here.
        """
        start, end = rng["start"], rng["end"]
        data, starts, bounds = self.data, self.starts, self.bounds
        first = bisect_right(starts, start) - 1
        # The common case, a range within one line that starts on it (a heading, a one-line
        # item or paragraph): none of the trimming below applies.
        if start < end <= bounds[first] and data[start] not in (10, 13):
            return first, first + 1
        tail = bisect_right(starts, end) - 1
        if start < starts[tail] < end and not data[starts[tail] : end].strip(b" \t>"):
            end = starts[tail]  # a list's range runs into the next line's indentation
        if start < len(data) and data[start] in (10, 13) and first + 1 < len(starts):
            first += 1
        last = bisect_right(starts, end - 1) if end > start else first + 1
        while last > first + 1 and not data[starts[last - 1] : bounds[last - 1]].strip():
            last -= 1
        return first, max(last, first + 1)
