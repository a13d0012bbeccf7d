"""Suppression comments as the engine reads them: where each stands, what it covers, in time
that grows with the file, not with its square."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import milepost
from milepost.rules.suppressions import Suppressions, _block_ends, unclosed_comments


def _read(text: str) -> Suppressions:
    return Suppressions.read(milepost.loads(text, path="x.md").document)


def test_each_comment_knows_where_it_opens_and_closes_and_what_it_covers() -> None:
    found = _read(
        "# T\n\n<!-- milepost: ignore MP201 --> <!--\n  milepost: ignore MP206 -->\n- a\n- b\n\n"
        "- c <!-- milepost: ignore -->\n"
    )
    assert [
        (c.line, c.col, c.end_line, c.end_col, c.selectors, lines) for c, lines in found.covering
    ] == [
        (2, 0, 2, 31, ("MP201",), (2, 6)),
        (2, 32, 3, 28, ("MP206",), (2, 6)),
        (7, 4, 7, 29, ("ALL",), (7, 8)),
    ]


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    "text",
    [
        "<!-- milepost: ignore MP201 -->\n- x\n",  # no blank line: the next block runs on
        "<!-- milepost: ignore\n",  # never closed
        "- x <!-- milepost: ignore\n",  # left open in each item's text
        "<!--\n",  # a comment over every line after it
    ],
)
def test_many_comments_read_in_linear_time(text: str) -> None:
    document = milepost.loads("# T\n\n" + text * 20_000, path="x.md").document
    Suppressions.read(document)
    list(unclosed_comments(document))


@pytest.mark.timeout(10)
def test_comments_left_open_in_one_long_paragraph_read_in_linear_time() -> None:
    # Each line of the paragraph opens a comment that its paragraph never closes: each was
    # read on to the paragraph's end (the square of its lines).
    text = "# T\n\n" + "x <!-- milepost: ignore\n" * 20_000 + "\nend\n"
    document = milepost.loads(text, path="x.md").document
    assert Suppressions.read(document).covering == ()
    assert list(unclosed_comments(document)) == list(range(2, 20_002))


@given(st.lists(st.sampled_from(["", "  ", "x", "- y"]), max_size=12))
def test_block_ends_are_the_first_blank_line_after_content(lines: list[str]) -> None:
    def naive(start: int) -> int:
        content = next((n for n in range(start, len(lines)) if lines[n].strip()), len(lines))
        return next((n for n in range(content, len(lines)) if not lines[n].strip()), len(lines))

    assert _block_ends(lines) == [naive(start) for start in range(len(lines) + 1)]
