"""Markdown → HTML from the parser's own events (pulldown-cmark through pyromark), for pages
that show a roadmap as written: raw HTML is shown as text, every link and image address goes
through the caller's ``safe_url``, and headings can be moved down a few levels.

pyromark's own ``html()`` passes raw HTML through, as CommonMark wants; here each event is
rendered in Python instead, so nothing reaches the page unescaped. It is many times faster than
a second parse by another Markdown library, and reads Markdown exactly as :mod:`.parser` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any

import pyromark

from milepost.document.parser import OPTIONS

__all__ = ["to_html"]

_SIMPLE = {
    "Paragraph": ("<p>", "</p>\n"),
    "Emphasis": ("<em>", "</em>"),
    "Strong": ("<strong>", "</strong>"),
    "Strikethrough": ("<s>", "</s>"),
    "TableRow": ("<tr>\n", "</tr>\n"),
    "HtmlBlock": ("<p>", "</p>\n"),
}
_LEVEL = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}
_ALIGN = {"Left": ' style="text-align:left"', "Right": ' style="text-align:right"'}
_ALIGN["Center"] = ' style="text-align:center"'


def _text(value: str) -> str:
    return escape(value, quote=False)


def to_html(
    text: str,
    *,
    safe_url: Callable[[str], str],
    shift: int = 0,
    taken: frozenset[str] = frozenset(),
) -> str:
    """``text`` as HTML: raw HTML escaped, addresses passed through ``safe_url``, headings
    ``shift`` levels lower (at most ``h6``) and never more than one level below the heading
    before them (the first one right below ``h{shift}``, the page's heading it sits under), so
    that a roadmap without a ``# Title``, or one that jumps from ``##`` to ``####``, still
    gives the page an outline a screen reader can walk; each heading with the ``id`` GitHub
    gives it, so that the document's own ``#anchor`` links land (``taken``: ids the page
    holds already). A table or code block, which may scroll sideways, takes the keyboard's
    focus and is named after the heading before it ("Table: Milestones"), so that it can be
    scrolled without a mouse."""
    out: list[str] = []
    ids = Anchors(taken)
    # Where the heading being read opened, its level, its words for its id, its text as shown.
    heading: tuple[int, int, list[str], list[str]] | None = None
    section = ""  # the text of the last heading, which names the tables and code below it
    above = shift or 6  # the level of the heading before, or of the page's heading above
    put = out.append
    ends: list[str] = []  # closing tags of the open containers, innermost last
    aligns: tuple[str, ...] = ()
    column = 0
    in_head = False
    alt: list[str] | None = None  # an image's text, gathered for its alt attribute
    image: tuple[str, str] | None = None
    events: Iterable[Any] = pyromark.events(text, options=OPTIONS)  # dicts, and a few str
    for event in events:
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            if heading is not None:  # a heading over two lines: its words stay apart
                heading[3].append(" ")
            if alt is not None:
                alt.append(" ")
            elif event == "SoftBreak":
                put("\n")
            elif event == "HardBreak":
                put("<br />\n")
            elif event == "Rule":
                put("<hr />\n")
            continue
        ((kind, value),) = event.items()
        if alt is not None and kind in ("Text", "Code", "InlineHtml", "Html"):
            alt.append(value)
            continue
        if heading is not None and kind in ("Text", "Code", "InlineHtml"):
            if kind != "InlineHtml":
                heading[2].append(value)
            heading[3].append(value)
        if kind == "Text" or kind == "InlineHtml" or kind == "Html":
            put(_text(value))
        elif kind == "Code":
            put(f"<code>{_text(value)}</code>")
        elif kind == "TaskListMarker":
            put("[x] " if value else "[ ] ")
        elif kind == "Start":
            data: Any = None
            tag = value
            if not isinstance(value, str):
                ((tag, data),) = value.items()
            if tag in _SIMPLE:
                opening, closing = _SIMPLE[tag]
                put(opening)
                ends.append(closing)
            elif tag == "Heading":
                level = min(6, _LEVEL[data["level"]] + shift, above + 1)
                above = level
                heading = (len(out), level, [], [])
                put(f"<h{level}>")  # its id is set at its end, from its text
                ends.append(f"</h{level}>\n")
            elif tag == "List":
                if data is None:
                    put("<ul>\n")
                    ends.append("</ul>\n")
                else:
                    put("<ol>\n" if data == 1 else f'<ol start="{int(data)}">\n')
                    ends.append("</ol>\n")
            elif tag == "Item":
                put("<li>")
                ends.append("</li>\n")
            elif tag == "BlockQuote":
                put("<blockquote>\n")
                ends.append("</blockquote>\n")
            elif tag == "CodeBlock":
                language = data.get("Fenced", "").split() if isinstance(data, dict) else []
                css = f' class="language-{escape(language[0])}"' if language else ""
                put(f"<pre{_scroller('Code', section)}><code{css}>")
                ends.append("</code></pre>\n")
            elif tag == "Table":
                aligns, column = tuple(data), 0
                put(f'<div class="wide"{_scroller("Table", section)}>\n<table>\n')
                ends.append("</tbody>\n</table>\n</div>\n")
            elif tag == "TableHead":
                in_head = True
                put("<thead>\n<tr>\n")
                ends.append("</tr>\n</thead>\n<tbody>\n")
            elif tag == "TableCell":
                cell = "th" if in_head else "td"
                align = _ALIGN.get(aligns[column], "") if column < len(aligns) else ""
                put(f"<{cell}{align}>")
                ends.append(f"</{cell}>\n")
                column += 1
            elif tag == "Link":
                url = _address(data)
                title = f' title="{escape(data["title"])}"' if data.get("title") else ""
                put(f'<a href="{escape(safe_url(url))}"{title}>')
                ends.append("</a>")
            elif tag == "Image":
                alt, image = [], (_address(data), data.get("title") or "")
                ends.append("")
            else:  # an extension this parser does not enable: keep its text only
                ends.append("")
        elif kind == "End":
            tag = value if isinstance(value, str) else next(iter(value))
            if tag == "TableHead":
                in_head = False
            elif tag == "TableRow":
                column = 0
            closing = ends.pop() if ends else ""
            if tag == "HtmlBlock" and out and out[-1].endswith("\n"):
                out[-1] = out[-1][:-1]  # the block's last line break: </p> closes it
            if tag == "Heading" and heading is not None:
                at, level, words, shown = heading
                out[at] = f'<h{level} id="{escape(ids.add("".join(words)))}">'
                section = "".join(shown).strip()
                heading = None
            if tag == "Image" and image is not None and alt is not None:
                src, title = image
                attrs = f' title="{escape(title)}"' if title else ""
                put(f'<img src="{escape(safe_url(src))}" alt="{escape("".join(alt))}"{attrs} />')
                alt = image = None
            put(closing)
            if tag == "TableHead":
                column = 0
    return "".join(out)


class Anchors:
    """The ids of a page's headings, made as GitHub makes them: lower case, letters, digits,
    ``-`` and ``_`` kept, spaces made ``-``; a repeat gets ``-1``, ``-2``, ..."""

    def __init__(self, taken: frozenset[str] = frozenset()) -> None:
        self.seen: dict[str, int] = {}
        self.taken = taken

    def add(self, text: str) -> str:
        base = "".join(c for c in text.lower() if c.isalnum() or c in "-_ ").replace(" ", "-")
        anchor = base
        while anchor in self.seen or anchor in self.taken:
            self.seen[base] = self.seen.get(base, 0) + 1
            anchor = f"{base}-{self.seen[base]}"
        self.seen.setdefault(anchor, 0)
        return anchor


def _scroller(kind: str, section: str) -> str:
    """The attributes of a box that may scroll sideways: in the keyboard's tab order, a
    region a screen reader names by ``kind`` and the ``section`` it is in."""
    name = f"{kind}: {section}" if section else kind
    return f' tabindex="0" role="region" aria-label="{escape(name)}"'


def _address(data: dict[str, Any]) -> str:
    url: str = data.get("dest_url", "")
    return f"mailto:{url}" if data.get("link_type") == "Email" else url
