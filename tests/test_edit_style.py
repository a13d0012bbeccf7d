"""What edits write reads like the file around it: its emoji, its layout, its Markdown."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.edits.lookup import find_item
from milepost.edits.voice import LABELS
from milepost.model import Status

TODAY = dt.date(2026, 11, 26)


def _edited(text: str, edit: ops.Edit) -> str:
    return apply(milepost.loads(text).document.source, edit.patches).text


# the document's emoji


METRICS_WITH_HOURGLASS = (
    "# Memory Track\n\n## Success Metrics\n\n### Short-Term\n- ✅ Multi-turn support working\n"
    "- ⏳ 0% context overflow errors\n- ⏳ <100ms session save time\n"
    "- ⏳ Documentation complete\n\n## Milestones\n\n| Milestone | Target | Status |\n"
    "|-----------|--------|--------|\n| Context truncation | v0.0.30 | 🔄 In Progress |\n"
    "| Automatic summarization | v0.0.32 | 📋 Planned |\n"
)


def test_start_writes_the_emoji_the_work_items_use_not_the_metrics() -> None:
    """⏳ on a success metric says its target is not met yet: it is no in-progress emoji
    for work, where the file writes 🔄 (MassGen's track roadmaps)."""
    roadmap = milepost.loads(METRICS_WITH_HOURGLASS)
    item = find_item(roadmap, "summarization")
    after = _edited(METRICS_WITH_HOURGLASS, ops.set_status(roadmap, item, Status.IN_PROGRESS))
    assert "| Automatic summarization | v0.0.32 | 🔄 In Progress |\n" in after


# where the document's glyphs stand: at the end of its items, an edit writes them there too


GLYPHS_AT_THE_END = (
    "# App Roadmap\n\n## Current Focus\n\n- View profile ✅\n- Edit profile ✅\n"
    "- Delete profile 🚧\n- Share profile\n"
)


@pytest.mark.parametrize(
    ("words", "status", "line"),
    [
        ("view", Status.IN_PROGRESS, "- View profile 🚧\n"),  # replaced where it stands
        ("delete", Status.DONE, "- Delete profile ✅\n"),
        ("share", Status.IN_PROGRESS, "- Share profile 🚧\n"),  # an unmarked item: at its end
        ("share", Status.DONE, "- Share profile ✅\n"),
    ],
)
def test_a_status_glyph_goes_where_the_document_writes_them(
    words: str, status: Status, line: str
) -> None:
    roadmap = milepost.loads(GLYPHS_AT_THE_END)
    item = find_item(roadmap, words)
    after = _edited(GLYPHS_AT_THE_END, ops.set_status(roadmap, item, status))
    assert line in after
    assert find_item(milepost.loads(after), words).status is status


def test_a_glyph_that_would_not_read_at_the_end_leads_the_item() -> None:
    """⛔ ending an item is read nowhere (only a check mark's neighbours 🚧 🔄 ⏳ are): the
    new glyph opens the item, as in an unmarked one, rather than write a status unread."""
    roadmap = milepost.loads(GLYPHS_AT_THE_END)
    after = _edited(
        GLYPHS_AT_THE_END, ops.set_status(roadmap, find_item(roadmap, "edit"), Status.BLOCKED)
    )
    assert "- ⛔ Edit profile\n" in after


def test_an_unmarked_item_takes_the_glyph_placing_of_its_own_list() -> None:
    """A list of shipped work ends its items with ✅; a list below leads with 🚧: shipping
    "Sync" there leads with ✅, as its list does (a review found the whole document's
    majority deciding it); and a check mark ending an item of a list whose other glyphs
    end it unread would have them read (⏳ beside a check mark): the glyph leads then."""
    text = (
        "# App\n\n## Current Focus\n\n- View profile ✅\n- Edit profile ✅\n- Delete ✅\n\n"
        "### Active\n\n- 🚧 Share button\n- 🚧 Export\n- Sync\n\n### UI polish\n\n"
        "- Tooltip\n- Refresh button 🔄\n- Loading hourglass ⏳\n"
    )
    roadmap = milepost.loads(text)
    after = _edited(text, ops.set_status(roadmap, find_item(roadmap, "sync"), Status.DONE))
    assert "- 🚧 Export\n- ✅ Sync\n" in after
    after = _edited(text, ops.set_status(roadmap, find_item(roadmap, "tooltip"), Status.DONE))
    assert "- ✅ Tooltip\n" in after
    assert find_item(milepost.loads(after), "refresh").status is None


def test_glyphs_that_lead_their_items_lead_a_new_one() -> None:
    text = "# App Roadmap\n\n## Current Focus\n\n- ✅ View profile\n- Share profile ✅\n- Edit\n"
    roadmap = milepost.loads(text)
    after = _edited(text, ops.set_status(roadmap, find_item(roadmap, "edit"), Status.DONE))
    assert "- ✅ Edit\n" in after


# the file's layout: a rule (---) that closes a section stays below what is added to it


RULED = (
    "# Demo Roadmap\n\n**Last updated:** 2026-11-20\n\n---\n\n## 🎯 Current Focus\n\n"
    "### November 2026\n- 📋 Alpha thing\n- 🚧 Beta thing\n\n---\n\n"
    "### December 2026\n- 📋 Gamma thing\n\n---\n\n"
    "## ✅ Completed Milestones\n\n- ✅ Old thing shipped\n\n---\n\n"
    "## Success Metrics\n\n- Speed: 1 → 2\n"
)


def test_plan_into_the_last_month_goes_above_its_closing_rule() -> None:
    roadmap = milepost.loads(RULED)
    edit = ops.plan(roadmap, "Delta thing", today=TODAY, month=dt.date(2026, 12, 1))
    after = _edited(RULED, edit)
    assert "### December 2026\n- 📋 Gamma thing\n- 📋 Delta thing\n\n---\n\n## ✅" in after


def test_plan_into_a_new_month_goes_above_the_closing_rule() -> None:
    roadmap = milepost.loads(RULED)
    after = _edited(RULED, ops.plan(roadmap, "Eps thing", today=TODAY, month=dt.date(2027, 1, 1)))
    assert "- 📋 Gamma thing\n\n### January 2027\n- 📋 Eps thing\n\n---\n\n## ✅ Completed" in after


def test_ship_into_milestones_without_months_goes_above_the_closing_rule() -> None:
    roadmap = milepost.loads(RULED)
    after = _edited(RULED, ops.ship(roadmap, find_item(roadmap, "beta"), today=TODAY))
    assert (
        "- ✅ Old thing shipped\n\n### November 2026\n- ✅ Beta thing shipped\n\n---\n\n"
        "## Success Metrics" in after
    )


def test_rollover_carries_work_above_the_closing_rule() -> None:
    from milepost.edits.rollover import rollover

    roadmap = milepost.loads(RULED)
    edit = rollover(roadmap, today=dt.date(2026, 12, 1), to=None, cadence_days=14)
    after = _edited(RULED, edit)
    assert (
        "### December 2026\n- 📋 Gamma thing\n- 📋 Alpha thing (carried over from November 2026)\n"
        "- 🚧 Beta thing (carried over from November 2026)\n\n### January 2027\n"
        "<!-- plan January 2027 here -->\n\n---\n\n## ✅ Completed" in after
    )


# the item's own Markdown: code, links and underscores survive the move to Completed Milestones


MARKUP = (
    "# S Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
    "- 🚧 Support `__init__` hooks in plugins @ann\n"
    "- 🚧 Fix `*` glob in `a*b` patterns\n"
    "- 🚧 Adopt [uv](https://github.com/astral-sh/uv) for builds (#12)\n"
    "- 🚧 Hook for on_start and **fast** paths (carried over from October 2026)\n"
    "- 🚧 Plain title\n"
    "- 🚧 Replace ~~the old~~ the new parser\n\n"
    "## Completed Milestones\n\n### October 2026\n- ✅ Something shipped\n"
)


@pytest.mark.parametrize(
    ("words", "recorded"),
    [
        ("init", "- ✅ Support `__init__` hooks in plugins shipped @ann\n"),
        ("glob", "- ✅ Fix `*` glob in `a*b` patterns shipped\n"),
        ("uv", "- ✅ Adopt [uv](https://github.com/astral-sh/uv) for builds shipped (#12)\n"),
        ("on_start", "- ✅ Hook for on_start and **fast** paths shipped\n"),
        ("plain", "- ✅ Plain title shipped\n"),
        ("parser", "- ✅ Replace ~~the old~~ the new parser shipped\n"),
    ],
)
def test_ship_records_the_title_with_its_markdown(words: str, recorded: str) -> None:
    roadmap = milepost.loads(MARKUP)
    after = _edited(MARKUP, ops.ship(roadmap, find_item(roadmap, words), today=TODAY))
    assert f"### November 2026\n{recorded}" in after
    shipped = milepost.loads(after).milestones[0].items[0]
    assert shipped.title.startswith(find_item(roadmap, words).title.split(" (carried")[0])


_WORD = st.text(alphabet="ab_*`[]<>\\~#.-x1", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_WORD, st.sampled_from(["plain", "code", "link", "bold"])),
        min_size=1,
        max_size=5,
    )
)
def test_a_shipped_title_reads_back_as_it_read_in_current_focus(
    words: list[tuple[str, str]],
) -> None:
    def written(word: str, how: str) -> str:
        plain = "".join(f"\\{c}" if c in "\\`*_[]<>~#" else c for c in word)
        if how == "code" and "`" not in word and word.strip() == word:
            return f"`{word}`"
        if how == "link":
            return f"[{plain}](https://example.org/x)"
        if how == "bold":
            return f"**{plain}**"
        return plain

    line = "Work " + " ".join(written(w, how) for w, how in words)
    text = f"# S\n\n## Current Focus\n\n### November 2026\n- 🚧 {line}\n\n"
    text += "## Completed Milestones\n\n### October 2026\n- ✅ Old shipped\n"
    roadmap = milepost.loads(text)
    (item,) = list(roadmap.focus.periods[0].items) if roadmap.focus else []
    edit = ops.ship(roadmap, item, today=TODAY)
    after = milepost.loads(_edited(text, edit))
    assert edit.verify(after) is None, _edited(text, edit)


# status words after the emoji, and notes before a tag


FOCUS = "# T Roadmap\n\n## Current Focus\n\n### November 2026\n"


def _restatused(line: str, status: Status, reason: str | None = None) -> str:
    text = f"{FOCUS}{line}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    edit = ops.set_status(roadmap, item, status, reason=reason)
    after = _edited(text, edit)
    assert edit.verify(milepost.loads(after)) is None, after
    return after[len(FOCUS) :].rstrip("\n")


@pytest.mark.parametrize(
    ("line", "status", "reason", "after"),
    [
        # words after the emoji say the status too: they change with it, in their case
        ("- 📋 Planned: Search @kim", Status.IN_PROGRESS, None, "- 🚧 In Progress: Search @kim"),
        ("- 📋 planned - Search", Status.BLOCKED, None, "- ⛔ blocked - Search"),
        ("- 🚧 Ongoing (Search)", Status.DONE, None, "- ✅ Completed (Search)"),
        ("- ✅ Shipped", Status.DROPPED, None, "- ❌ Dropped"),
        ("- 📋 Planned: Search", Status.DROPPED, "too big", "- ❌ Dropped: Search (too big)"),
        # words that are the title's are not the status's
        ("- 📋 Next-gen search", Status.IN_PROGRESS, None, "- 🚧 Next-gen search"),
        # a box's tag goes before the owners, as a person writes it
        ("- [ ] Search @kim", Status.IN_PROGRESS, None, "- [ ] Search (in progress) @kim"),
        ("- [x] Search @kim @lee", Status.BLOCKED, None, "- [ ] Search (blocked) @kim @lee"),
        (
            "- [ ] Search @kim",
            Status.BLOCKED,
            "waiting on #4",
            "- [ ] Search (waiting on #4) (blocked) @kim",
        ),
        # a note goes before a tag that agrees, which must end the item to be read
        (
            "- Search (blocked) @kim",
            Status.BLOCKED,
            "waiting on #4",
            "- Search (waiting on #4) (blocked) @kim",
        ),
        (
            "- Search - on hold",
            Status.BLOCKED,
            "waiting on #4",
            "- Search (waiting on #4) - on hold",
        ),
    ],
)
def test_the_marker_changes_where_the_line_says_its_status(
    line: str, status: Status, reason: str | None, after: str
) -> None:
    """``start`` on "- 📋 Planned: Search @kim" wrote "🚧 Planned: Search @kim", which reads
    as planned (the words win), and was refused as not applied; ``ship --keep`` wrote "✅
    Planned: Search", unchecked, still planned. A box's tag went after the owners ("- [ ]
    Search @kim (in progress)"), and a reason after a tag that agreed ("Search (blocked)
    (waiting on #4) @kim" read as no status, the emoji added saying it)."""
    assert _restatused(line, status, reason) == after


_SAID = st.sampled_from(
    ["Planned", "planned", "PLANNED", "Done", "Shipped", "In progress", "WIP", "Blocked", "Next"]
)


@settings(max_examples=150, deadline=None)
@given(
    glyph=st.sampled_from(["📋", "✅", "🚧", "⛔", "❌", "🔮", "🔄"]),
    words=_SAID,
    after=st.sampled_from(["", ":", ": Search", " - Search", " — Search", " (Search)"]),
    owners=st.sampled_from(["", " @kim", " #12 @kim"]),
    status=st.sampled_from(list(Status)),
)
def test_status_words_after_an_emoji_change_with_it(
    glyph: str, words: str, after: str, owners: str, status: Status
) -> None:
    """An item whose emoji is followed by status words ("📋 Planned: Search") reads, given a
    new status, as that status, its line differing in the emoji and those words alone, the
    words in the case they were written in (where the extractor reads them as the status's:
    "📋 Planned @kim" is titled "Planned"); where it reads as the status already, the line
    stays."""
    text = f"{FOCUS}- {glyph} {words}{after}{owners}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    assert item.status is not None
    edit = ops.set_status(roadmap, item, status)
    written = _edited(text, edit)
    assert edit.verify(milepost.loads(written)) is None, written
    if item.status is status:
        return
    new = LABELS[status]
    new = new.upper() if words.isupper() else new.lower() if words.islower() else new
    if words not in (item.marker or ""):  # the title's words: the emoji alone says it
        new = words
    assert written == f"{FOCUS}- {status.emoji} {new}{after}{owners}\n"


@pytest.mark.parametrize("milestones_first", [False, True])
def test_ship_keep_checks_the_line_it_keeps(milestones_first: bool) -> None:
    """``ship --keep`` checked the record it wrote and not the line it kept: "- 📋 Planned:
    Search" was kept as "- ✅ Planned: Search", still planned, and written. The kept line
    must read as done, wherever Completed Milestones stands."""
    focus = "## Current Focus\n\n### November 2026\n- 📋 Planned: Search @kim\n\n"
    done = "## Completed Milestones\n\n### October 2026\n- ✅ Login shipped\n\n"
    text = "# T Roadmap\n\n" + (done + focus if milestones_first else focus + done)
    roadmap = milepost.loads(text)
    (item,) = roadmap.focus.periods[0].items if roadmap.focus else ()
    edit = ops.ship(roadmap, item, today=TODAY, keep=True)
    after = _edited(text, edit)
    assert "- ✅ Completed: Search @kim\n" in after, after
    assert edit.verify(milepost.loads(after)) is None
    # the record written, the line not marked done: not what was asked
    record_only = apply(roadmap.document.source, edit.patches[:-1]).text
    assert (
        edit.verify(milepost.loads(record_only)) == "'Search' is not marked done in Current Focus"
    )


TICKED = (
    "# T\n\n## Milestone 1\n\n**Success Criteria**: All achieved ✓\n"
    "- [✓] All packet types working\n- [✔] Routing between clients\n"
    "-   **[✔] VS Code Extension:** live on the marketplace.\n- [✅] Computed display\n"
)


def test_a_box_ticked_with_a_check_mark_is_done_and_opens_when_the_work_does() -> None:
    """GFM draws no box for "[✓]" (nor "[✅]"): it is text, and a box ticked all the same. Set
    to another status, it becomes an open task box with words that say the status."""
    roadmap = milepost.loads(TICKED)
    assert [(i.title, i.status) for i in roadmap.items] == [
        ("All packet types working", Status.DONE),
        ("Routing between clients", Status.DONE),
        ("VS Code Extension: live on the marketplace.", Status.DONE),
        ("Computed display", Status.DONE),
    ]
    edit = ops.set_status(roadmap, roadmap.items[0], Status.IN_PROGRESS)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None
    assert "\n- [ ] All packet types working (in progress)\n- [✔] Routing" in after
    tabbed = milepost.loads("# T\n\n- [✓]\tBeta\n")
    edit = ops.set_status(tabbed, tabbed.items[0], Status.PLANNED)
    # the tab the author wrote after the box stays (it was made a blank)
    assert apply(tabbed.document.source, edit.patches).text == "# T\n\n- [ ]\tBeta\n"
    cell = milepost.loads("# T\n\n| Task | Status |\n|---|---|\n| A | [✓] Done |\n")
    edit = ops.set_status(cell, cell.items[0], Status.IN_PROGRESS)
    assert "| A | [ ] In Progress |" in apply(cell.document.source, edit.patches).text
