"""Where something is in a file: a 0-based, half-open range of lines."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Span"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Lines ``[start, end)`` of the file at ``path`` (0-based, end exclusive).

    Stored the way the parser counts; shown the way people count (``first_line``).
    """

    start: int
    end: int
    path: str | None = None

    @property
    def first_line(self) -> int:
        """The 1-based number of the first line, as an editor shows it."""
        return self.start + 1

    @property
    def last_line(self) -> int:
        """The 1-based number of the last line (inclusive)."""
        return max(self.end, self.start + 1)

    def __contains__(self, line: int) -> bool:
        return self.start <= line < self.end

    def to_dict(self) -> dict[str, int]:
        """1-based, inclusive line numbers, as JSON consumers expect them."""
        return {"start": self.first_line, "end": self.last_line}
