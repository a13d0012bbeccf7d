"""Scans that look only at the end of a text (so that a line of thousands of versions or
dashes costs linear time) find exactly what a scan of the whole text finds, wherever what
they look for fits in the window they search."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from milepost.extract import fields, legend, tag_words, trailing_tags
from milepost.vocabulary import periods, sections

WORDS = st.sampled_from(["in", "by", "target", "Target:", "(", "[", "x", "within", "v1", "*", "_"])
SPACE = st.sampled_from([" ", "  ", "\t", "", ":", "`"])
PREFIX = st.lists(st.tuples(WORDS, SPACE), max_size=5).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@given(PREFIX)
def test_version_context_window_agrees_with_whole_text(prefix: str) -> None:
    text = prefix + "v2.1 later"
    end = len(prefix)
    whole = periods._VERSION_WHEN.search(text[:end].rstrip(" *_`")) is not None
    assert periods._says_when(text, end) == whole


TAILS = st.lists(
    st.sampled_from([" -", " (#12)", " #3", " @ana", " @", " https://x.y/1", ",", " word", " –"]),
    max_size=8,
).map("".join)


@given(st.sampled_from(["Ship it", "- Ship it", "**Ship** it"]), TAILS)
def test_reference_tail_window_agrees_with_whole_text(head: str, tail: str) -> None:
    text = head + tail
    trailing = re.compile(fields._TRAILING.pattern)
    title = fields._LEADING.sub("", text).rstrip()
    whole = trailing.sub("", title).strip().strip("*_ ")
    assert len(title) <= tag_words._TAIL_MAX
    assert fields.clean_title(text) == whole


TAGS = st.sampled_from(
    ["(in progress)", "[WIP]", "(done: in v2)", "- shipped", "Status: Planned", "(Blocked) (#12)"]
)


@given(st.integers(min_value=0, max_value=80), TAGS, TAILS)
def test_tag_window_agrees_with_a_short_text(filler: int, tag: str, tail: str) -> None:
    # A tag and what follows it fit in the window: words before them change nothing.
    short = f"Ship it {tag}{tail}"
    long = "Ship it " + "word " * filler + f"{tag}{tail}"
    said, long_said = trailing_tags.trailing_tag(short), trailing_tags.trailing_tag(long)
    assert (said and said.status, said and said.written) == (
        long_said and long_said.status,
        long_said and long_said.written,
    )
    assert fields.clean_title(long).endswith(fields.clean_title(short)[len("Ship it") :])


def test_long_lines_of_versions_and_dashes_still_read() -> None:
    versions = "📋 in v1.2 " + "v1.2 based " * 5000
    period = periods.read_period(versions, prose=True)
    assert period is not None and period.version == "v1.2"
    # Past the window, a tail of references is stripped as far back as the window reaches.
    title = fields.clean_title("Ship it" + " -" * 5000 + " (#12)")
    assert title.startswith("Ship it - -") and "#12" not in title
    assert len(title) >= 2 * 5000 - tag_words._TAIL_MAX


_BRACKETED_END = re.compile(r"\s*[\(\[][^)\]]*[\)\]]\s*$")


def _bracketed_ends_by_pattern(text: str) -> str:
    """What a title's bracketed notes were once taken off with: the pattern, one note at a
    time from the whole text (quadratic on a heading of thousands of "[ ]")."""
    while text.rstrip().endswith((")", "]")):
        shorter = _BRACKETED_END.sub("", text)
        if shorter == text:
            break
        text = shorter
    return text


@given(st.text(alphabet="ab ()[]\t", max_size=16))
def test_bracketed_ends_read_from_the_end_agree_with_the_pattern(text: str) -> None:
    assert sections._without_bracketed_ends(text) == _bracketed_ends_by_pattern(text)


_DEFINES = re.compile(
    r"(?i)\b(?:status(?:es)?|states?)\b.*\b(?:definitions?|defined|means?|meanings?|values|"
    r"labels|column)\b|\b(?:definitions?|meanings?|values|labels)\b.*\b(?:status(?:es)?|states?)\b"
)
_DEFINES_WORDS = st.sampled_from(
    [
        "status",
        "Statuses",
        "states",
        "stat",
        "definition",
        "defined",
        "means",
        "meaning",
        "values",
        "labels",
        "column",
        "x",
        "statusx",
        "-",
        "_",
    ]
)


@given(st.lists(st.tuples(_DEFINES_WORDS, st.sampled_from([" ", "", ".", "_"])), max_size=7))
def test_status_definitions_found_word_by_word_agree_with_the_pattern(
    parts: list[tuple[str, str]],
) -> None:
    """Whether words over a list say it defines statuses, found with two searches, as the
    one pattern with ".*" between them (quadratic on many "Status:") found it."""
    said = "".join(word + gap for word, gap in parts)
    assert legend._defines_statuses(said) == (_DEFINES.search(said) is not None)
