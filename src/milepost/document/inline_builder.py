"""Inline events → :class:`Inline`: the text of a paragraph, heading, list item or cell, with
its strong, emphasis, strikethrough, code and link spans."""

from __future__ import annotations

from milepost.document.nodes import Inline, Link

__all__ = ["InlineBuilder"]


class InlineBuilder:
    """Collects inline events into an :class:`Inline`; markup is recorded only when present."""

    __slots__ = ("html", "marks", "opens", "parts", "pos")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        # Closed markup as (kind, start, end, url); open markup as (kind, start, url).
        self.marks: list[tuple[str, int, int, str]] | None = None
        self.opens: list[tuple[str, int, str]] | None = None
        self.html = False

    def open(self, kind: str, url: str = "") -> None:
        if self.opens is None:
            self.opens = []
        self.opens.append((kind, self.pos, url))

    def close(self) -> None:
        if not self.opens:
            return
        kind, begin, url = self.opens.pop()
        if self.marks is None:
            self.marks = []
        self.marks.append((kind, begin, self.pos, url))

    def code_span(self, value: str) -> None:
        if self.marks is None:
            self.marks = []
        self.marks.append(("Code", self.pos, self.pos + len(value), ""))
        self.parts.append(value)
        self.pos += len(value)

    def build(self) -> Inline:
        text = "".join(self.parts)
        if self.marks is None:
            return Inline(text, html=self.html) if self.html else Inline(text)
        strong, strike, code, links, emphasis = [], [], [], [], []
        for kind, begin, end, url in self.marks:
            if kind == "Strong":
                strong.append((begin, end))
            elif kind == "Emphasis":
                emphasis.append((begin, end))
            elif kind == "Strikethrough":
                strike.append((begin, end))
            elif kind == "Code":
                code.append((begin, end))
            else:
                links.append(Link(url, begin, end, kind == "Image"))
        return Inline(
            text,
            tuple(strong),
            tuple(strike),
            tuple(code),
            tuple(links),
            self.html,
            tuple(emphasis),
        )
