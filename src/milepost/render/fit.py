"""Renderables that fit the terminal's width without losing what they say: a table that
becomes cards where it would be squeezed (a :func:`card` a row), and a row of short phrases
that breaks between them, never inside one.

Off a terminal (a pipe, a log) a :class:`Fit` is always wide, whatever the width: what a
program or a reader of a log gets keeps one shape.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.text import Text

__all__ = ["Fit", "Flow", "card"]


class Fit:
    """``wide`` where the width it is given holds it whole, else ``narrow``; always ``wide``
    off a terminal."""

    def __init__(self, wide: RenderableType, narrow: RenderableType) -> None:
        self.wide, self.narrow = wide, narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not options.is_terminal:
            yield self.wide
            return
        needed = Measurement.get(console, options.update(width=10_000), self.wide).maximum
        yield self.wide if needed <= options.max_width else self.narrow


class Flow:
    """Short phrases on one line, ``sep`` between them, the line broken only between them
    where the width runs out; a broken line ends in the separator's mark (" · " leaves
    "·"), so that read across lines it says what the one line says. A phrase wider than the
    whole width folds."""

    def __init__(self, pieces: Sequence[Text], *, sep: str = "  ") -> None:
        self.pieces, self.sep = list(pieces), sep

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widths = [piece.cell_len for piece in self.pieces] or [0]
        return Measurement(max(widths), sum(widths) + cell_len(self.sep) * (len(widths) - 1))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gap, mark = cell_len(self.sep), self.sep.rstrip()
        lines: list[Text] = []
        for n, piece in enumerate(self.pieces, 1):
            # room for the mark after every phrase but the last, should the line break there
            room = options.max_width - (cell_len(mark) if n < len(self.pieces) else 0)
            if lines and lines[-1].cell_len + gap + piece.cell_len <= room:
                lines[-1].append(self.sep)
            else:
                if lines:
                    lines[-1].append(mark)
                lines.append(Text(overflow="fold"))
            lines[-1].append_text(piece)
        yield from lines


def card(head: Text, *lines: RenderableType) -> Group:
    """One record (a track, a step) for a narrow terminal: its head, then its lines three
    columns in, where they stay as they wrap."""
    return Group(head, *(Padding(line, (0, 0, 0, 3)) for line in lines))
