"""A line of a roadmap as its text and its line ending, which every edit keeps; a list
item's line as its bullet, task box and words; a bold label or an image icon in it."""

from __future__ import annotations

import re

from milepost.document import read_inline
from milepost.document.item_lines import LIST_ITEM

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


def end_links(markdown: str) -> int:
    """Where the links that end ``markdown`` (a heading's words) begin, the blanks before them
    left out ("... (Released May 14th, 2021) [Release Blog](…)"), as the parser reads them;
    0 where no link ends it. The extractor reads a heading's tag before them."""
    reading = read_inline(markdown)
    end, cut = len(markdown.rstrip()), 0
    for _, _, first, last in sorted(reading.marks, key=lambda mark: -mark[3]):
        if last != end or markdown[first] != "[" or markdown[last - 1] != ")":
            break  # not a link ending the words (an image begins with "!")
        end = cut = len(markdown[:first].rstrip())
    return cut
