"""Hypothesis: a line read by :func:`read_inline` reads as the parser reads it in a list item,
and each character of its text maps back to where it is written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from milepost.document import ListItem, descendants, parse, read_inline
from milepost.source import Source

_PIECES = st.sampled_from(
    [
        "Search",
        "done",
        " ",
        "  ",
        " - ",
        " — ",
        "*",
        "**",
        "_",
        "__",
        "~~",
        "`",
        "``",
        "[",
        "]",
        "](https://example.org/a)",
        "![",
        "<https://example.org>",
        "<b>",
        "</b>",
        "\\",
        "\\*",
        "&amp;",
        "&copy;",
        "(",
        ")",
        "#12",
        "@kim",
        "✅",
        "é",
        "|",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_the_text_is_the_list_items_and_maps_back_to_its_markdown(fragment: str) -> None:
    line = f"- 🚧 Work {fragment}"
    blocks = parse(Source(line + "\n")).blocks
    (item,) = [b for b in descendants(blocks) if isinstance(b, ListItem)]
    reading = read_inline(f"Work {fragment}")
    assert reading.text == item.inline.text.removeprefix("🚧 ")
    assert len(reading.starts) == len(reading.ends) == len(reading.text)
    written = f"Work {fragment}"
    for char, start, end in zip(reading.text, reading.starts, reading.ends, strict=True):
        run = written[start:end]
        assert char in run or run.startswith("&"), (char, run)
