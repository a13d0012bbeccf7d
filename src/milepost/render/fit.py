"""Renderables that fit the terminal's width without losing what they say: a table that
becomes cards where it would be squeezed.

Off a terminal (a pipe, a log) a :class:`Fit` is always wide, whatever the width: what a
program or a reader of a log gets keeps one shape.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement

__all__ = ["Fit"]


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
