"""Inline events → :class:`Inline`: the text of a paragraph, heading, list item or cell, with
its strong, emphasis, strikethrough, code and link spans."""

from __future__ import annotations

import re

from milepost.document.nodes import Inline, Link
from milepost.lazy import lazy_pattern

__all__ = ["InlineBuilder"]

# An HTML tag that strikes text through, as "~~" does: "<del>", "</s>", "<strike class=x>".
_STRIKE_TAG = lazy_pattern(r"<(/?)(?:del|s|strike)(?:\s[^<>]*)?>", re.IGNORECASE)


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
        """Markdown's emphasis, strong, strikethrough, link or image ends. An HTML strike
        tag opened inside it and still open is dropped: misnested, it struck nothing."""
        if self.opens and self.opens[-1][0] == "Tag":
            self.opens.pop()
        self._close()

    def _close(self) -> None:
        if not self.opens:
            return
        kind, begin, url = self.opens.pop()
        if self.marks is None:
            self.marks = []
        self.marks.append(("Strikethrough" if kind == "Tag" else kind, begin, self.pos, url))

    def raw_html(self, tag: str) -> None:
        """Raw inline HTML: noted; a ``<del>``, ``<s>`` or ``<strike>`` tag strikes the text up
        to its closing tag, as ``~~`` does."""
        self.html = True
        strike = _STRIKE_TAG.fullmatch(tag.strip())
        if strike is None:
            return
        if not strike[1]:
            self.open("Tag")
        elif self.opens and self.opens[-1][0] == "Tag":
            self._close()

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
