"""The only way text changes: patches that replace whole lines.

A :class:`Patch` replaces lines ``[start, end)`` of a source with new lines (each carrying its
own line ending). Patches are sorted, overlapping ones refused, and applied from the end so
earlier line numbers stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from milepost.errors import MilepostError
from milepost.source import Source

__all__ = ["Patch", "apply"]


@dataclass(frozen=True, slots=True)
class Patch:
    """Replace lines ``[start, end)`` (0-based) with ``lines``; ``start == end`` inserts."""

    start: int
    end: int
    lines: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad patch range [{self.start}, {self.end})")


def apply(source: Source, patches: Iterable[Patch]) -> Source:
    """Apply patches to ``source``; the result keeps its path, encoding and BOM.

    Raises :class:`MilepostError` when two patches overlap or one reaches past the end: a
    patch set that cannot be applied exactly is refused, never approximated.
    """
    ordered = sorted(patches, key=lambda p: (p.start, p.end))
    lines = list(source.lines)
    previous_end = -1
    for patch in ordered:
        if patch.start < previous_end:
            raise MilepostError("overlapping edits", path=source.path, line=patch.start + 1)
        if patch.end > len(lines):
            raise MilepostError(
                f"edit reaches past the end of the file (line {patch.end})", path=source.path
            )
        previous_end = patch.end
    for patch in reversed(ordered):
        new = list(patch.lines)
        unterminated = bool(lines) and not lines[-1].endswith(("\n", "\r"))
        if patch.end == len(lines) and unterminated and new:
            # The file has no final newline: after the patch it still has none.
            if patch.start == len(lines):
                lines[-1] += source.newline
            new[-1] = new[-1].rstrip("\r\n")
        lines[patch.start : patch.end] = new
        _keep_blank_lines(lines, patch.start, patch.start + len(new))
    return source.with_text("".join(lines))


def _keep_blank_lines(lines: list[str], start: int, end: int) -> None:
    """A blank "\n" line right after a line that a lone "\r" ends would join it into one
    "\r\n" (in a file of mixed endings): such a blank line, new or just after the new lines,
    ends with "\r" instead."""
    for index in range(max(start, 1), min(end + 1, len(lines))):
        if lines[index] == "\n" and lines[index - 1].endswith("\r"):
            lines[index] = "\r"
