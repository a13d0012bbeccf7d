"""A status said after an item's words ("Search - done", "Search - [Done](url)"): what the
extractor reads as the tag is what an edit takes away, markup and all, and nothing else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milepost
from milepost import api
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.errors import UsageError
from milepost.model import Status

FOCUS = "# T Roadmap\n\n## Current Focus\n\n### November 2026\n"


def _edited(text: str, edit: ops.Edit) -> str:
    return apply(milepost.loads(text).document.source, edit.patches).text


def _started(line: str) -> str:
    """The item of ``line`` started, as its line then reads (checked against the model)."""
    text = f"{FOCUS}{line}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    edit = ops.set_status(roadmap, item, Status.IN_PROGRESS)
    after = _edited(text, edit)
    assert edit.verify(milepost.loads(after)) is None, after
    return after[len(FOCUS) :].rstrip("\n")


def test_a_new_status_takes_away_the_dash_tag_it_undoes(tmp_path: Path) -> None:
    """``start`` on "X - _DISCARDED_ - Use nbnet" wrote "🚧 X - _DISCARDED_ - ...", which
    says two things (and reads as dropped, the words winning over the emoji); the tag goes,
    the note after it stays. A tag the new status agrees with stays."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        "- Network module - _DISCARDED_ - Use nbnet\n- Stats system - shipped in v0.3\n",
        encoding="utf-8",
    )
    api.edit(path, "start", item="network", today=dt.date(2026, 11, 25))
    api.edit(path, "ship", item="stats", today=dt.date(2026, 11, 25), keep=True)
    text = path.read_text(encoding="utf-8")
    assert "- 🚧 Network module - Use nbnet\n" in text, text
    assert "- ✅ Stats system - shipped in v0.3\n" in text, text


@pytest.mark.parametrize(
    ("line", "started"),
    [
        ("- Search - [Done](https://example.org/notes)", "- 🚧 Search"),
        ("- Search - `done`", "- 🚧 Search"),
        ("- Search — **[Shipped in v0.3](https://example.org/v0.3)**", "- 🚧 Search"),
        ("- Search - [_Done_](https://example.org/notes) - see #12", "- 🚧 Search - see #12"),
        (
            "- Network - _DISCARDED_ - Use [nbnet](https://example.org)",
            "- 🚧 Network - Use [nbnet](https://example.org)",
        ),
        ("- **Search - Done**", "- 🚧 **Search**"),
        (
            "- [Search - Done](https://example.org/search)",
            "- 🚧 [Search](https://example.org/search)",
        ),
        ("- Search &amp; find - Done", "- 🚧 Search &amp; find"),
    ],
)
def test_a_tag_in_a_link_or_a_code_span_goes_whole(line: str, started: str) -> None:
    """The extractor reads "Search - [Done](url)" as done, through the link, as it reads
    through emphasis; ``start`` left the tag beside its 🚧 (the line saying two things), or
    took "Done" out of "**Search - Done**" with the closing stars ("🚧 **Search"). The tag
    goes as the parser reads it: the whole link or code span it fills, and only the words
    of the bold or the link that hold more than the tag."""
    assert _started(line) == started


def test_a_tag_sharing_its_markup_with_other_words_is_refused() -> None:
    """No run of "X - **Done - see #12**" says "- Done" alone: taking it away would break
    the bold (it wrote "🚧 X - see #12**"); the edit says so and changes nothing."""
    text = f"{FOCUS}- Search - **Done - see #12**\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    with pytest.raises(UsageError, match="status tag 'Done'"):
        ops.set_status(roadmap, item, Status.IN_PROGRESS)


# what the extractor reads as a dash tag is what the edit takes away

_DASH_PHRASES = st.sampled_from(
    [
        "DISCARDED",
        "Done",
        "shipped in v0.3",
        "done on 2026-11-02",
        "in progress",
        "WIP",
        "Blocked",
        "on hold",
        "won't do",
        "Next",
        "later",
        "Cancelled",
        "fixed",  # a weak word: no tag
        "removed in v2",  # a weak word with a when-tail: no tag
        "Use nbnet",
        "see the docs",
        "v0.3 shipped",  # not a letter first: no tag
        "completed after a much longer review than anyone planned",  # too long: no tag
    ]
)
_MARKUP = ["", "_{}_", "*{}*", "**{}**", "__{}__", "[{}](https://example.org/x)", "`{}`"]


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(alphabet="abcdefgh xyz123", min_size=1, max_size=16).map(str.strip),
    tail=st.lists(
        st.tuples(
            st.sampled_from([" - ", " – ", " — ", "  -  "]),
            st.sampled_from(_MARKUP),
            _DASH_PHRASES,
        ),
        min_size=1,
        max_size=3,
    ),
    status=st.sampled_from(list(Status)),
)
def test_restatus_takes_away_exactly_the_dash_tag_the_extractor_reads(
    title: str, tail: list[tuple[str, str, str]], status: Status
) -> None:
    """Where the extractor reads a dash tag that the new status undoes, the edit takes away
    that tag, its emphasis, link or code span and all, and nothing else; where it reads
    none, or one that agrees, the item's words stay as they are."""
    if not title[:1].isalpha():
        title = f"Work {title}".rstrip()
    segments = [
        f"{dash}{markup.format(phrase) if markup else phrase}" for dash, markup, phrase in tail
    ]
    read = [f"{dash}{phrase}" for dash, _, phrase in tail]  # as the parser reads it
    text = f"{FOCUS}- {title}{''.join(segments)}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    if item.status is None:
        kept = segments
    else:
        assert item.marker is not None
        tag = [r.strip() for r in read].index(item.marker)
        assert item.title == title + "".join(read[:tag])
        kept = segments if item.status is status else segments[:tag] + segments[tag + 1 :]
    edit = ops.set_status(roadmap, item, status)
    after = _edited(text, edit)
    assert f"\n- {status.emoji} {title}{''.join(kept)}\n" in after, after
    assert edit.verify(milepost.loads(after)) is None, after
