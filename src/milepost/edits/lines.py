"""A line of a roadmap as its text and its line ending, which every edit keeps; a list
item's line as its bullet, task box and words; a bold label or an image icon in it."""

from __future__ import annotations

import re

from milepost.document import parse, read_inline
from milepost.document.item_lines import LIST_ITEM
from milepost.extract.heading_markers import before_end_links
from milepost.source import Source

__all__ = ["ICON", "LABEL", "end_links", "item_parts", "split_line_ending"]

# A bold or italic label: "**Done:**", "*DONE:*", "_In progress_:".
LABEL = re.compile(
    r"^(?P<open>\*\*|__|[*_])(?P<word>[^*_\s][^*_\n]*?)(?P<colon_in>:?)(?P<close>(?P=open))"
    r"(?P<colon_out>:?)"
)
# An image, as an icon that says an item's status is written: "![In Progress](media/p.png
# "In Progress icon")" (its alternative text, ``alt``, is the status).
ICON = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\([^()\n]*\)")


def split_line_ending(line: str) -> tuple[str, str]:
    """``("text", "\\r\\n")`` from ``"text\\r\\n"``."""
    body = line.rstrip("\r\n")
    return body, line[len(body) :]


def item_parts(body: str) -> tuple[str, str, str] | None:
    """A list item's line (without its ending) as its bullet (with indentation and quote
    markers), its box (``"[ ] "``, else empty) and the rest; None for a line that is none."""
    match = LIST_ITEM.match(body)
    return None if match is None else (match["lead"], match["box"] or "", match["rest"])


def end_links(markdown: str) -> tuple[int, str]:
    """Where the links that end a heading's words (``markdown``, after its ``#``) begin, the
    blanks before them left out ("... (Released May 14th, 2021) [Release Blog](…)"), and the
    words before them as they read; ``(0, "")`` where no link ends them. Read as the
    extractor reads them (:func:`before_end_links`), and mapped back to the Markdown through
    :func:`read_inline`."""
    if "[" not in markdown and "<" not in markdown:
        return 0, ""  # no link opens without one (most headings): nothing to parse
    headings = parse(Source.from_text(f"# {markdown}\n")).headings
    inline = headings[0].inline if headings else None
    if inline is None or not inline.links:
        return 0, ""
    words = before_end_links(inline)
    reading = read_inline(markdown)
    start = len(inline.text) - len(inline.text[len(words) :].lstrip())
    if len(words) == len(inline.text) or reading.text != inline.text:
        return 0, ""
    written = reading.written(start, len(inline.text.rstrip()))
    return (len(markdown[: written[0]].rstrip()), words) if written is not None else (0, "")
