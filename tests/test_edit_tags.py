"""A status said after an item's words ("Search - done", "Search - [Done](url)"): what the
extractor reads as the tag is what an edit sets in place, where the tag is a status word
alone ("Search (planned)" → "Search (in progress)"), or takes away, markup and all, and
nothing else."""

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
from milepost.edits import records
from milepost.edits.voice import LABELS, relabel
from milepost.edits.voice_reading import voice_of
from milepost.errors import UsageError
from milepost.model import Item, Status
from milepost.vocabulary.status_words import status_of_word

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


def test_a_new_status_sets_the_dash_tag_it_undoes(tmp_path: Path) -> None:
    """``start`` on "X - _DISCARDED_ - Use nbnet" wrote "🚧 X - _DISCARDED_ - ...", which
    says two things (and reads as dropped, the words winning over the emoji); the tag is
    set in place, in the case it was written in, the note after it stays. A tag the new
    status agrees with stays, and says it alone: the line reads as the status already
    (``ship --keep`` wrote "✅ Stats system - shipped in v0.3", saying it twice)."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        "- Network module - _DISCARDED_ - Use nbnet\n- Stats system - shipped in v0.3\n",
        encoding="utf-8",
    )
    api.edit(path, "start", item="network", today=dt.date(2026, 11, 25))
    api.edit(path, "ship", item="stats", today=dt.date(2026, 11, 25), keep=True)
    text = path.read_text(encoding="utf-8")
    assert "- Network module - _IN PROGRESS_ - Use nbnet\n" in text, text
    assert "- Stats system - shipped in v0.3\n" in text, text


@pytest.mark.parametrize(
    ("line", "started"),
    [
        ("- Search - [Done](https://example.org/notes)", "- 🚧 Search"),
        ("- Search - `done`", "- Search - `in progress`"),
        ("- Search — **[Shipped in v0.3](https://example.org/v0.3)**", "- 🚧 Search"),
        ("- Search - [_Done_](https://example.org/notes) - see #12", "- 🚧 Search - see #12"),
        (
            "- Network - _DISCARDED_ - Use [nbnet](https://example.org)",
            "- Network - _IN PROGRESS_ - Use [nbnet](https://example.org)",
        ),
        ("- **Search - Done**", "- **Search - In Progress**"),
        (
            "- [Search - Done](https://example.org/search)",
            "- [Search - In Progress](https://example.org/search)",
        ),
        ("- Search &amp; find - Done", "- Search &amp; find - In Progress"),
    ],
)
def test_a_tag_in_a_link_goes_whole_and_a_word_alone_is_set(line: str, started: str) -> None:
    """The extractor reads "Search - [Done](url)" as done, through the link, as it reads
    through emphasis; ``start`` left the tag beside its 🚧 (the line saying two things), or
    took "Done" out of "**Search - Done**" with the closing stars ("🚧 **Search"). A tag
    that is a status word alone is set in place, its markup kept (the code span, the bold,
    the link around the title); one that is a link of its own, or says more, goes as the
    parser reads it, the whole link it fills."""
    assert _started(line) == started


def test_a_tag_sharing_its_markup_with_other_words_is_refused() -> None:
    """No run of "X - **Done - see #12**" says "- Done" alone: taking it away would break
    the bold (it wrote "🚧 X - see #12**"); the edit says so and changes nothing."""
    text = f"{FOCUS}- Search - **Done - see #12**\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    with pytest.raises(UsageError, match="status tag 'Done'"):
        ops.set_status(roadmap, item, Status.IN_PROGRESS)


@pytest.mark.parametrize(
    ("line", "started"),
    [
        ("- <b>Search</b> - Done", "- <b>Search</b> - In Progress"),
        ("- Search <img src=x> - Done", "- Search <img src=x> - In Progress"),
        ("- Search - Done<br>", "- Search - In Progress<br>"),
        ("- <b>Search</b> - Done in v2", "- 🚧 <b>Search</b>"),
    ],
)
def test_inline_html_beside_a_tag_stays(line: str, started: str) -> None:
    """HTML that ends before the tag or starts after it was counted as inside it, and the
    edit refused ("whose markup holds other words too"); it stays, the tag is set or goes."""
    assert _started(line) == started


def test_inline_html_inside_a_tag_is_refused() -> None:
    text = f"{FOCUS}- Search - <b>Done</b>\n"
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
    refs=st.sampled_from(["", " @kim", " (#12)", " #12 @kim"]),
    html=st.sampled_from(["", "<br>", " <img src=x>", "<!-- note -->"]),
    status=st.sampled_from(list(Status)),
)
def test_restatus_sets_or_takes_away_exactly_the_dash_tags_the_extractor_reads(
    title: str, tail: list[tuple[str, str, str]], refs: str, html: str, status: Status
) -> None:
    """Where the extractor reads a dash tag that the new status undoes, the edit sets it in
    place where it is a status word alone (not a link) and no tag before it says the new
    status; else it takes away that tag, its emphasis, link or code span and all, then
    looks at the one read after it, and so on: nothing else (owners and references after it
    and inline HTML ending the line stay). Where it reads none, or one that agrees, the
    item's words stay as they are; the status's emoji leads them unless a tag says it."""
    if not title[:1].isalpha():
        title = f"Work {title}".rstrip()
    segments = [
        f"{dash}{markup.format(phrase) if markup else phrase}" for dash, markup, phrase in tail
    ]
    read = [f"{dash}{phrase}" for dash, _, phrase in tail]  # as the parser reads it
    text = f"{FOCUS}- {title}{''.join(segments)}{refs}{html}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    kept, kept_read, parts = list(segments), list(read), list(tail)
    while (said := _read_tag(title, kept, refs + html)) is not None and said.status is not status:
        assert said.marker is not None
        tag = [r.strip() for r in kept_read].index(said.marker)
        assert said.title == title + "".join(kept_read[:tag])
        dash, markup, phrase = parts[tag]
        before = _read_tag(title, kept[:tag] + kept[tag + 1 :], refs + html)
        if _alone(markup, phrase, said) and (before is None or before.status is not status):
            new = relabel(phrase, status, voice_of(roadmap))
            kept[tag] = f"{dash}{markup.format(new) if markup else new}"
            break
        del kept[tag], kept_read[tag], parts[tag]
    edit = ops.set_status(roadmap, item, status)
    after = _edited(text, edit)
    mark = "" if said is not None else f"{status.emoji} "
    assert f"\n- {mark}{title}{''.join(kept)}{refs}{html}\n" in after, after
    assert edit.verify(milepost.loads(after)) is None, after


def _alone(markup: str, phrase: str, said: Item) -> bool:
    """Whether a tag written ``markup`` round ``phrase`` is a status word alone, as read."""
    return "](" not in markup and status_of_word(phrase) is said.status


def _read_tag(title: str, segments: list[str], html: str = "") -> Item | None:
    """The item the extractor reads "- {title}{segments}{html}" as, where it has a status."""
    (item,) = milepost.loads(f"{FOCUS}- {title}{''.join(segments)}{html}\n").items
    return item if item.status is not None else None


def _restatused(line: str, status: Status) -> str:
    text = f"{FOCUS}{line}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    edit = ops.set_status(roadmap, item, status)
    after = _edited(text, edit)
    assert edit.verify(milepost.loads(after)) is None, after
    return after[len(FOCUS) :].rstrip("\n")


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        # words in brackets that the extractor reads as no tag stay
        ("- Fix (todo) list rendering", Status.IN_PROGRESS, "- 🚧 Fix (todo) list rendering"),
        (
            "- Update (done) handler docs (in progress)",
            Status.BLOCKED,
            "- Update (done) handler docs (blocked)",
        ),
        # a tag the old reading did not know went unseen, the line refused or saying two things
        ("- Search (shipped)", Status.IN_PROGRESS, "- Search (in progress)"),
        ("- Search (Done) (#12)", Status.IN_PROGRESS, "- Search (In Progress) (#12)"),
        ("- Search (in progress: 60%) @kim", Status.BLOCKED, "- ⛔ Search @kim"),
        ("- Search ([in progress](https://example.org/s))", Status.BLOCKED, "- ⛔ Search"),
        # a note after a comma, a semicolon or a dash says more of the work: it stays, the
        # status words set (a share of the work goes with the tag); after a colon the tag
        # goes, but for the owners and issues the note names
        ("- Search (in progress, @kim)", Status.DONE, "- Search (completed, @kim)"),
        ("- Search (done; single-rank)", Status.IN_PROGRESS, "- Search (in progress; single-rank)"),
        ("- Search (Future - Q3 2027+)", Status.IN_PROGRESS, "- Search (In Progress - Q3 2027+)"),
        ("- Search (in progress, 60%)", Status.DONE, "- ✅ Search"),
        ("- Search (wip: review by @kim, #12) #3", Status.BLOCKED, "- ⛔ Search (@kim, #12) #3"),
        # and a link it holds, the status words before it set
        (
            "- Search (planned - [ROADMAP §3](r.md)) @kim",
            Status.IN_PROGRESS,
            "- Search (in progress - [ROADMAP §3](r.md)) @kim",
        ),
        ("- Search (`wip`)", Status.DROPPED, "- Search (`dropped`)"),
        ("- Search **(planned)**", Status.IN_PROGRESS, "- Search **(in progress)**"),
        ("- Search (IN PROGRESS: needs a review) soon", Status.BLOCKED, "- ⛔ Search soon"),
        # a tag the new status agrees with stays, and says it alone (an emoji before it
        # said it twice), and a box's tag is not written twice
        ("- Search (in progress)", Status.IN_PROGRESS, "- Search (in progress)"),
        ("- [ ] Search (in progress: 60%)", Status.IN_PROGRESS, "- [ ] Search (in progress: 60%)"),
        ("- [ ] Search (in progress)", Status.BLOCKED, "- [ ] Search (blocked)"),
        # the last tag is set, the one the extractor reads; where one before it says the new
        # status already, the last goes instead of saying it twice
        ("- Search (planned) (in progress)", Status.BLOCKED, "- Search (planned) (blocked)"),
        ("- Search - Done (in progress)", Status.DONE, "- Search - Done"),
    ],
)
def test_a_new_status_sets_or_takes_away_the_bracketed_tag_the_extractor_reads(
    line: str, status: Status, after: str
) -> None:
    """The edit had its own list of bracketed tags, taken out anywhere in the line: "(todo)"
    went from "Fix (todo) list rendering", which no reader takes for a status, and
    "(shipped)" or "([in progress](url))", which the extractor reads, stayed. It sets the
    tag the extractor reads where the new status undoes it and the tag is a status word
    alone, else takes it away."""
    assert _restatused(line, status) == after


# what the extractor reads as a bracketed tag is what the edit takes away

_BRACKET_PHRASES = st.sampled_from(
    [
        "in progress",
        "WIP",
        "work-in-progress",
        "done",
        "Shipped",
        "planned",
        "todo",
        "blocked",
        "on hold",
        "dropped",
        "won't do",
        "future",
        "in progress: 60%",
        "IN PROGRESS: needs a review",
        "fixed",  # a weak word: no tag
        "beta",
        "see #12",
        "todo list",
    ]
)
_BRACKET_MARKUP = [
    "({})",
    "(_{}_)",
    "(**{}**)",
    "([{}](https://example.org/t))",
    "(`{}`)",
    "**({})**",
]
# References after the tags, and how the parser reads them.
_REFS = {
    "": "",
    " #12": " #12",
    " (#12, @kim)": " (#12, @kim)",
    " @kim": " @kim",
    " [#12](https://github.com/o/r/issues/12)": " #12",
}


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(alphabet="abcdefgh xyz123", min_size=1, max_size=16).map(str.strip),
    tail=st.lists(
        st.tuples(st.sampled_from(_BRACKET_MARKUP), _BRACKET_PHRASES), min_size=1, max_size=3
    ),
    refs=st.sampled_from(sorted(_REFS)),
    status=st.sampled_from(list(Status)),
)
def test_restatus_sets_or_takes_away_exactly_the_bracketed_tags_the_extractor_reads(
    title: str, tail: list[tuple[str, str]], refs: str, status: Status
) -> None:
    """Where the extractor reads a bracketed tag that the new status undoes (the last, or
    the one before a last that is a note), the edit sets it in place where it is a status
    word alone (not a link) and no tag before it says the new status; else it takes away
    that tag, markup and all, then looks at the one read after it, and so on; the
    references after it stay. Where it reads none, or one that agrees,
    the item's words stay; the status's emoji leads them unless a tag says it already."""
    if not title[:1].isalpha():
        title = f"Work {title}".rstrip()
    kept = [" " + markup.format(phrase) for markup, phrase in tail] + [refs]
    kept_read = [f" ({phrase})" for _, phrase in tail] + [_REFS[refs]]  # as the parser reads
    text = f"{FOCUS}- {title}{''.join(kept)}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    parts = [*tail, ("", "")]
    while (said := _read_tag(title, kept)) is not None and said.status is not status:
        if said.marker == "".join(kept_read[-2:]).strip():  # the last bracket, then references
            tag = len(kept) - 2
        elif len(kept) > 2 and not kept[-1] and said.marker == kept_read[-3].strip():
            tag = len(kept) - 3  # the bracket before a note's, nothing after that
        else:  # capitals opening a bracketed note, the first of them
            assert said.marker == "(IN PROGRESS:", said
            tag = kept_read.index(" (IN PROGRESS: needs a review)")
        markup, phrase = parts[tag]
        before = _read_tag(title, kept[:tag] + kept[tag + 1 :])
        if _alone(markup, phrase, said) and (before is None or before.status is not status):
            kept[tag] = " " + markup.format(relabel(phrase, status, voice_of(roadmap)))
            break
        del kept[tag], kept_read[tag], parts[tag]
    edit = ops.set_status(roadmap, item, status)
    after = _edited(text, edit)
    mark = "" if said is not None else f"{status.emoji} "
    assert f"\n- {mark}{title}{''.join(kept)}\n" in after, after
    assert edit.verify(milepost.loads(after)) is None, after


# a Status: field after the words is set where it stands


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        ("- Dark mode - Status: Planned", Status.IN_PROGRESS, "- Dark mode - Status: In Progress"),
        ("- Dark mode (Status: Planned)", Status.IN_PROGRESS, "- Dark mode (Status: In Progress)"),
        ("- Dark mode [Status: Planned]", Status.BLOCKED, "- Dark mode [Status: Blocked]"),
        (
            "- **Request 1:** Dark theme - Status: Planned",
            Status.IN_PROGRESS,
            "- **Request 1:** Dark theme - Status: In Progress",
        ),
        (
            "- Export - **Status:** Planned",
            Status.IN_PROGRESS,
            "- Export - **Status:** In Progress",
        ),
        ("- Search - Status: *Planned*", Status.DROPPED, "- Search - Status: *Dropped*"),
        ("- Search - status: planned", Status.IN_PROGRESS, "- Search - status: in progress"),
        ("- Search - Status: 📋 Planned", Status.IN_PROGRESS, "- Search - Status: 🚧 In Progress"),
        ("- Search — Status: 📋", Status.DONE, "- Search — Status: ✅"),
        # a marker before the words changes too, and a box reads its field, not a new tag
        ("- 📋 Search - Status: Planned", Status.IN_PROGRESS, "- 🚧 Search - Status: In Progress"),
        ("- [ ] Search - Status: Planned", Status.DONE, "- [x] Search - Status: Completed"),
        ("- [ ] Search - Status: Planned", Status.BLOCKED, "- [ ] Search - Status: Blocked"),
        # a field that agrees stays as written
        ("- Search - Status: WIP", Status.IN_PROGRESS, "- Search - Status: WIP"),
        # owners and references after the field stay, a leading bold field's too
        (
            "- Search — **Status:** Planned @kim",
            Status.BLOCKED,
            "- Search — **Status:** Blocked @kim",
        ),
        ("- Search - Status: Planned (#12)", Status.DONE, "- Search - Status: Completed (#12)"),
        (
            "- Search (Status: Planned) @kim @lee",
            Status.DROPPED,
            "- Search (Status: Dropped) @kim @lee",
        ),
        ("- Status: Planned @kim", Status.BLOCKED, "- Status: Blocked @kim"),
        ("- **Status:** Planned @kim", Status.BLOCKED, "- **Status:** Blocked @kim"),
        ("- **Status:** Planned @kim", Status.IN_PROGRESS, "- **Status:** In Progress @kim"),
        ("- **Status:** 📋 Planned @kim #12", Status.DROPPED, "- **Status:** ❌ Dropped @kim #12"),
    ],
)
def test_a_new_status_sets_the_status_field_after_the_words(
    line: str, status: Status, after: str
) -> None:
    """``start`` on "Dark mode - Status: Planned" wrote "🚧 Dark mode - Status: Planned",
    which says two things (and "(Status: Planned)" still read as planned, so the edit was
    refused as not applied): the field's value is set in place, as ``request`` sets a
    request's, its label, brackets and emphasis as written. ``block`` on "- **Status:**
    Planned @kim" was refused as not applied (the edit wrote "**Status:** ⛔ Planned @kim",
    not finding the value before the owner), and on "- Search — **Status:** Planned @kim"
    wrote "⛔ Search — **Status:** Planned @kim", saying two things (a field followed by its
    owner was read as no status)."""
    assert _restatused(line, status) == after


def test_the_status_field_takes_the_documents_words_and_the_reason_goes_before_it() -> None:
    text = f"{FOCUS}- **Ongoing:** Sync\n- Search - Status: Planned\n- Export (Status: Planned)\n"
    roadmap = milepost.loads(text)
    search, export = roadmap.items[1:]
    edit = ops.set_status(roadmap, search, Status.IN_PROGRESS)
    assert _edited(text, edit).endswith(
        "\n- Search - Status: Ongoing\n- Export (Status: Planned)\n"
    )
    edit = ops.set_status(roadmap, export, Status.BLOCKED, reason="waiting on #412")
    after = _edited(text, edit)
    assert after.endswith("\n- Export (waiting on #412) (Status: Blocked)\n"), after
    assert edit.verify(milepost.loads(after)) is None


def test_a_status_field_whose_words_markup_splits_is_refused() -> None:
    text = f"{FOCUS}- Search - Status: **Not** Started\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    assert item.status is Status.PLANNED
    with pytest.raises(UsageError, match="status field 'Not Started'"):
        ops.set_status(roadmap, item, Status.IN_PROGRESS)


# (emoji, words) of a field's value, each said or not
_FIELD_VALUES = st.sampled_from(
    [
        ("", "Planned"),
        ("", "planned"),
        ("", "PLANNED"),
        ("", "Not Started"),
        ("", "Todo"),
        ("", "Next"),
        ("", "Done"),
        ("", "Completed"),
        ("", "shipped"),
        ("", "In Progress"),
        ("", "WIP"),
        ("", "Blocked"),
        ("", "On Hold"),
        ("", "Future"),
        ("", "Dropped"),
        ("📋", "Planned"),
        ("✅", "Done"),
        ("📋", ""),
        ("⛔️", ""),
    ]
)
_FIELD_FORMS = st.sampled_from(
    [(" - ", ""), (" – ", ""), (" — ", ""), (" (", ")"), (" [", "]"), (" ", "")]
)
_FIELD_LABELS = st.sampled_from(
    ["Status:", "status:", "STATUS:", "**Status:**", "**Status**:", "_Status:_", "Status :"]
)
_FIELD_MARKUP = ["{}", "*{}*", "**{}**", "_{}_", "`{}`", "[{}](https://example.org/s)"]


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(alphabet="abcdefgh xyz123", min_size=1, max_size=16).map(str.strip),
    label=st.sampled_from(["", "**Request 1:** "]),
    form=_FIELD_FORMS,
    field=_FIELD_LABELS,
    markup=st.sampled_from(_FIELD_MARKUP),
    value=_FIELD_VALUES,
    stop=st.sampled_from(["", ".", "!"]),
    refs=st.sampled_from(["", " @kim", " #12", " (#12)", " @kim @lee-2", " (#12, @kim)"]),
    status=st.sampled_from(list(Status)),
)
def test_restatus_sets_the_status_field_and_nothing_else(
    title: str,
    label: str,
    form: tuple[str, str],
    field: str,
    markup: str,
    value: tuple[str, str],
    stop: str,
    refs: str,
    status: Status,
) -> None:
    """An item whose status is a ``Status:`` field after its words, given a new status,
    reads as that status, and its line differs from what it was in the field's value alone:
    the words the value said give way to the status's, in their case, emoji for emoji, the
    markup around them and a full stop after them kept, and the owners and references that
    follow the field. A value that agrees stays."""
    if not title[:1].isalpha():
        title = f"Work {title}".rstrip()
    opening, closing = form
    head = f"- {label}{title}{opening}{field} "
    glyph, words = value
    text = f"{FOCUS}{head}{markup.format(' '.join(filter(None, value)))}{stop}{closing}{refs}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    assert item.status is not None, text
    edit = ops.set_status(roadmap, item, status)
    after = _edited(text, edit)
    assert edit.verify(milepost.loads(after)) is None, after
    if item.status is status:
        assert after == text
        return
    said = (status.emoji if glyph else "", _in_case(words, LABELS[status]) if words else "")
    new = markup.format(" ".join(filter(None, said)))
    assert after == f"{FOCUS}{head}{new}{stop}{closing}{refs}\n"


def _in_case(old: str, new: str) -> str:
    return new.upper() if old.isupper() else new.lower() if old.islower() else new


_REQUESTS = "| Request | Status | Votes |\n|---|---|---|\n"


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        (
            "- **Request 1:** Dark theme - Status: Planned",
            Status.DONE,
            "- **Request 1:** Dark theme - Status: Completed",
        ),
        (
            "- **Request 1:** Dark theme - **Status:** _planned_",
            Status.IN_PROGRESS,
            "- **Request 1:** Dark theme - **Status:** _in progress_",
        ),
        (
            "- **Request 1:** Dark theme [Status: 📋 Planned]",
            Status.IN_PROGRESS,
            "- **Request 1:** Dark theme [Status: 🚧 In Progress]",
        ),
        # a word no reader takes for a status is still the field's value
        (
            "- **Request 1:** Dark theme - Status: Accepted",
            Status.PLANNED,
            "- **Request 1:** Dark theme - Status: Planned",
        ),
        (
            "- **Request 1:** Dark theme",
            Status.PLANNED,
            "- **Request 1:** Dark theme - Status: Planned",
        ),
        # a status the request's own marker carries changes where it stands, as `start`
        # changes an item's ("- ✅ ... - Status: In Progress" said two things)
        ("- ✅ **Request 1:** Dark theme", Status.IN_PROGRESS, "- 🚧 **Request 1:** Dark theme"),
        ("* 📋 Dark theme", Status.DONE, "* ✅ Dark theme"),
        ("- [x] Dark theme", Status.PLANNED, "- [ ] Dark theme"),
        ("- **Completed:** Dark theme", Status.IN_PROGRESS, "- **In Progress:** Dark theme"),
        ("- Dark theme (planned)", Status.IN_PROGRESS, "- Dark theme (in progress)"),
        # the emoji and the field both change: neither is left saying the old status
        ("- 🚧 Dark theme - Status: Planned", Status.DONE, "- ✅ Dark theme - Status: Completed"),
        # a request in a table: its Status cell is set, as an item's is
        (
            f"{_REQUESTS}| Dark theme | Planned | 12 |",
            Status.DONE,
            f"{_REQUESTS}| Dark theme | Completed | 12 |",
        ),
        (
            f"{_REQUESTS}| Dark theme | | 12 |",
            Status.PLANNED,
            f"{_REQUESTS}| Dark theme | 📋 Planned | 12 |",
        ),
        (
            f"{_REQUESTS}| Dark theme | Status: Planned | 12 |",
            Status.IN_PROGRESS,
            f"{_REQUESTS}| Dark theme | Status: In Progress | 12 |",
        ),
        (
            f"{_REQUESTS}| Dark theme | ✅ Completed | 12 |",
            Status.IN_PROGRESS,
            f"{_REQUESTS}| Dark theme | 🚧 In Progress | 12 |",
        ),
        (f"{_REQUESTS}| Dark theme |", Status.PLANNED, f"{_REQUESTS}| Dark theme | 📋 Planned |"),
    ],
)
def test_a_requests_status_is_set_by_the_same_field_reading(
    line: str, status: Status, after: str
) -> None:
    """``request`` and ``start`` set a field's value alike: ``request`` read the field with
    its own pattern, which took no emphasis ("**Status:** _planned_" gained a second field
    after it) and no emoji. A leading marker is set as ``start`` sets it: "- ✅ **Request
    1:** Dark mode" gained a field after it, saying two things. A table row's Status cell is
    set, as ``start`` sets an item's: the status was put after the row's last pipe."""
    text = f"# T Roadmap\n\n## Community Feedback\n\n{line}\n"
    roadmap = milepost.loads(text)
    edit = records.request(roadmap, "dark theme", status=status)
    written = _edited(text, edit)
    assert written == f"# T Roadmap\n\n## Community Feedback\n\n{after}\n"
    assert edit.verify(milepost.loads(written)) is None


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("- Export - Status: Planned", "- Export - Status: In Progress"),
        ("- **Status:** ✅ Completed in v0.1.5", "- **Status:** 🚧 In Progress in v0.1.5"),
        ("- 📋 Planned: Export", "- 🚧 In Progress: Export"),
    ],
)
def test_a_dash_tag_elsewhere_gives_no_word_to_a_label(line: str, after: str) -> None:
    """Beside "- Search - in progress", the words of an item's field or label were set to
    "- in progress", the dash tag's words with their dash ("Status: - in progress")."""
    text = f"{FOCUS}- Search - in progress @kim\n{line}\n"
    roadmap = milepost.loads(text)
    edit = ops.set_status(roadmap, roadmap.items[1], Status.IN_PROGRESS)
    written = _edited(text, edit)
    assert edit.verify(milepost.loads(written)) is None
    assert written == f"{FOCUS}- Search - in progress @kim\n{after}\n"


@pytest.mark.parametrize(
    ("text", "status", "first"),
    [
        # a task whose words go on below: a tag ending its first line would end none of them
        (
            "- [x] R6: docs truth pass, this inventory update,\n"
            "      test-floor policy and the gate note\n",
            Status.IN_PROGRESS,
            "- [ ] (in progress) R6: docs truth pass, this inventory update,",
        ),
        (
            "- [x] **Preparazione una volta sola**\n      Circa due minuti sul telefono\n",
            Status.BLOCKED,
            "- [ ] (blocked) **Preparazione una volta sola**",
        ),
        # a label ends its words: "TODO: (in progress)" is a TODO still
        ("- [ ] TODO:\n", Status.IN_PROGRESS, "- [ ] (in progress) TODO:"),
        # where the tag ending the item is read, it stays there
        ("- [x] Search the docs\n", Status.DROPPED, "- [ ] Search the docs (dropped)"),
    ],
)
def test_a_task_that_a_closing_tag_would_not_mark_gets_its_tag_first(
    text: str, status: Status, first: str
) -> None:
    """A task box's new status goes in a tag that ends its words; where its words go on
    past the line, or a label ends them, that tag would not be read (the edit refused,
    "please report this"): the tag opens them instead, and the item reads as set."""
    roadmap = milepost.loads(FOCUS + text)
    item = roadmap.items[0]
    edit = ops.set_status(roadmap, item, status)
    after = _edited(FOCUS + text, edit)
    assert edit.verify(milepost.loads(after)) is None, after
    lines = after[len(FOCUS) :].splitlines()
    assert lines[0] == first
    assert lines[1:] == text.splitlines()[1:]
