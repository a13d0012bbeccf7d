"""Where a status stands beside the work it marks: a Status column in any position of its
table, a field sub-bullet under the item, a qualified Status cell, a qualified emoji."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milepost
from milepost import api
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.errors import UsageError
from milepost.vocabulary.status import Status

TODAY = dt.date(2026, 11, 25)


def edited(path: Path, text: str, *edits: tuple[str, str]) -> str:
    """``text`` in a roadmap at ``path`` after each (operation, item) edit, as written."""
    path.write_text(text, encoding="utf-8")
    for operation, item in edits:
        api.edit(path, operation, item=item, today=TODAY)
    return path.read_text(encoding="utf-8")


def statuses(text: str) -> list[tuple[str, str | None]]:
    return [
        (i.title, i.status.value if i.status else None)
        for i in milepost.loads(text).items
        if i.status
    ]


@pytest.mark.parametrize(
    "table",
    [
        "| Status | Command |\n|---|---|\n| ✅ | Normal mode |\n| 🚧 | Macros |\n",
        # no outer pipes, tabs in cells, GitHub shortcodes (as GFM reads such a table)
        "Status | Command\n---|--------\n:white_check_mark:\t| Normal mode\n"
        ":construction: |\tMacros\n",
        "| Status | Command | Description |\n|---|---|---|\n"
        "| ✅ | Normal mode | `Esc` |\n| 🚧 | Macros | `q` |\n",
    ],
)
def test_a_status_column_first_marks_its_rows(table: str) -> None:
    text = f"# T\n\n## Roadmap\n\n{table}"
    assert statuses(text) == [("Normal mode", "done"), ("Macros", "in_progress")]


def test_a_status_column_first_beside_descriptions_that_repeat_a_status() -> None:
    text = (
        "# T\n\n| Status | Description | Comments |\n|---|---|---|\n"
        "| ✔️| Retries | [issue](https://x.y/1) |\n| ✔ | Compensation | |\n"
        "| 📋 | Data triggers | |\n"
    )
    assert statuses(text) == [
        ("Retries", "done"),
        ("Compensation", "done"),
        ("Data triggers", "planned"),
    ]


@pytest.mark.parametrize(
    "legend",
    [
        "| Status | Meaning |\n|---|---|\n| **Todo** | Planned work, not yet started |\n"
        "| **In Progress** | Actively being worked on |\n",
        "| Status | Description |\n|---|---|\n| ✅ | Shipped |\n| 🚧 | Being built |\n",
        # two values that say the same status, each written once: still a legend
        "| Status | Description |\n| --- | --- |\n| Not Started | No work has started. |\n"
        "| Discussion | Being discussed. |\n| Under Development | Being developed. |\n"
        "| Implemented | The bulk is done and usable. |\n| Complete | Ready for release. |\n",
    ],
)
def test_a_legend_table_still_lists_no_items(legend: str) -> None:
    assert statuses(f"# T\n\n{legend}\n- 🚧 Search\n") == [("Search", "in_progress")]


STATUS_FIRST = (
    "# T Roadmap\n\n## Current Focus\n\n### November 2026\n\n"
    "Status | Command | Owner\n---|---|---\n:white_check_mark: | Normal mode | @a\n"
    ":construction: | Macros | @b\n"
)


def test_edits_set_a_status_column_that_stands_first(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    edited(path, STATUS_FIRST, ("ship", "Macros"), ("start", "Normal mode"))
    api.edit(path, "plan", item="Registers", owner="c", today=TODAY)
    assert path.read_text(encoding="utf-8").endswith(
        "---|---|---\n🚧 | Normal mode | @a\n:white_check_mark: | Macros | @b\n"
        "📋 | Registers | @c\n"
    )
    assert statuses(path.read_text(encoding="utf-8")) == [
        ("Normal mode", "in_progress"),
        ("Macros", "done"),
        ("Registers", "planned"),
    ]


FIELDS = (
    "# T\n\n## Roadmap\n\n#### In Progress:\n* Refine the API\n  * Status: `WIP`\n"
    "  * Target Date: Q1 2027\n* Azure orchestrator\n  * Status: `Not Done, looking for help`\n"
    "\n#### Done:\n* Cortex deployment\n  * Status: `Done`\n  * Expected: Q1 2026\n"
    "* Custom split logic\n  * Status: `Not Started`\n  * Date: Q4 2026\n"
    "* Providers\n  * GCP: DNS support\n  * Owner: @kim\n"
)


def test_field_sub_bullets_describe_their_item_and_are_no_items() -> None:
    roadmap = milepost.loads(FIELDS)
    assert statuses(FIELDS) == [
        ("Refine the API", "in_progress"),
        ("Azure orchestrator", "planned"),  # "Not Done" is not done
        ("Cortex deployment", "done"),
        ("Custom split logic", "planned"),  # its own Status field beats its heading
        ("Providers", "done"),
        ("GCP: DNS support", "done"),  # a sub-item, not a field
    ]
    refine, _, cortex, split, providers, _ = roadmap.items
    assert (refine.status_from, split.status_from, providers.status_from) == (
        "field",
        "field",
        "heading",
    )
    assert [i.period.label if i.period else None for i in (refine, cortex, split)] == [
        "2027-Q1",
        "2026-Q1",
        "2026-Q4",
    ]
    assert refine.notes == ("Status: WIP", "Target Date: Q1 2027")
    assert providers.notes == ("Owner: @kim",)


def test_edits_set_an_items_status_field(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    focus = "# T Roadmap\n\n## Current Focus\n\n### November 2026\n\n"
    text = (
        f"{focus}* Refine API\n  * Status: `WIP`\n  * Target Date: Q1 2027\n"
        "* Cortex deployment\n  * Status: Not Started\n\n## Completed Milestones\n"
    )
    assert edited(path, text, ("start", "Cortex"), ("block", "Refine API")).startswith(
        f"{focus}* Refine API\n  * Status: `BLOCKED`\n  * Target Date: Q1 2027\n"
        "* Cortex deployment\n  * Status: WIP\n"
    )
    api.edit(path, "ship", item="Refine API", today=TODAY)
    assert path.read_text(encoding="utf-8").endswith(
        "* ✅ Refine API shipped\n  * Status: `COMPLETED`\n  * Target Date: Q1 2027\n"
    )


QUALIFIED = (
    "# T Roadmap\n\n## Current Focus\n\nUser | Feature | Status\n---|---|---\n"
    "xet7 | Copy URL | At Sandstorm: Not started yet.\n"
    "xet7 | Search | Done at Standalone.\n"
    "xet7 | Export | Note: this was in progress once, see the thread\n"
)


def test_a_status_cell_reads_the_status_after_a_qualifier() -> None:
    assert statuses(QUALIFIED) == [("Copy URL", "planned"), ("Search", "done")]


def test_start_keeps_a_status_cells_qualifier(tmp_path: Path) -> None:
    after = edited(tmp_path / "roadmap.md", QUALIFIED, ("start", "Copy URL"))
    assert "xet7 | Copy URL | At Sandstorm: In Progress\n" in after
    assert ("Copy URL", "in_progress") in statuses(after)


def test_words_saying_partly_done_win_over_a_done_emoji() -> None:
    text = (
        "# T\n\n## Phase 1\n\n**Status:** ✅ Substantially complete\n\n"
        "## Phase 2\n\n- ✅ Search (mostly done)\n- ✅ **Nearly complete:** Export\n"
        "- ✅ Partially complete: Sync\n\n| Feature | Status |\n|---|---|\n"
        "| Audit | ✅ Largely done |\n| Login | ✅ Complete |\n"
    )
    assert statuses(text) == [
        ("Phase 1", "in_progress"),
        ("Search", "in_progress"),
        ("Export", "in_progress"),
        ("Sync", "in_progress"),
        ("Audit", "in_progress"),
        ("Login", "done"),
    ]


def test_start_writes_no_partly_done_word(tmp_path: Path) -> None:
    text = (
        "# T Roadmap\n\n## Current Focus\n\n### November 2026\n\n"
        "- ✅ **Partially complete:** Search\n- 📋 **Planned:** Export\n"
    )
    after = edited(tmp_path / "roadmap.md", text, ("start", "Export"))
    assert after.endswith("- 🚧 **In Progress:** Export\n")


@pytest.mark.parametrize(
    "header",
    [
        "End of Sprint Status",
        "Current Status",
        "**Release status**",
        "Status/Target",
        "Progress State",  # a Neovim IDE's release table: its DONE rows had no status
    ],
)
def test_a_column_whose_header_ends_in_status_is_the_status_column(
    header: str, tmp_path: Path
) -> None:
    """A team's tracker heads it "End of Sprint Status": its 70 done rows had no status."""
    text = (
        "# T Roadmap\n\n## Sprint 12\n\n"
        f"| Sprint Goal | Reason if Not Complete | {header} |\n|---|---|---|\n"
        "| Ship the claim form | | Completed |\n| Letters API | Waiting on VBMS | Blocked |\n"
        "| Search | | In progress |\n"
    )
    assert statuses(text) == [
        ("Ship the claim form", "done"),
        ("Letters API", "blocked"),
        ("Search", "in_progress"),
    ]
    written = edited(tmp_path / "roadmap.md", text, ("start", "Letters API"))
    assert "| Letters API | Waiting on VBMS | In progress |" in written  # as the file says it


@pytest.mark.parametrize("header", ["End State", "Status Notes", "Statuses"])
def test_a_column_that_describes_is_no_status_column(header: str) -> None:
    text = f"# T\n\n| Feature | {header} |\n|---|---|\n| Search | Done when indexed |\n"
    assert statuses(text) == []


@pytest.mark.parametrize(
    ("line", "title", "status"),
    [
        ("- (in progress) Fix retain cycles", "Fix retain cycles", "in_progress"),
        ("- (Done) [Paging](https://example.com/1)", "Paging", "done"),
        ("- [Planned] Offline mode", "Offline mode", "planned"),
        ("- (_blocked_) Sync", "Sync", "blocked"),
    ],
)
def test_a_bracketed_status_opening_an_item_is_its_marker(
    line: str, title: str, status: str
) -> None:
    """apollo-ios writes "- (in progress) Foo": the bracketed status opening the item was
    read as part of its name, and the item had no status."""
    assert statuses(f"# R\n\n## Work\n\n{line}\n") == [(title, status)]


@pytest.mark.parametrize(
    "line", ["- (optional) Sync", "- (iOS) Done right", "- (see #12) Sync", "- (Current) Alpha 4"]
)
def test_a_bracketed_word_that_is_no_status_opening_an_item_is_none(line: str) -> None:
    assert statuses(f"# R\n\n## Work\n\n{line}\n") == []


def test_an_edit_replaces_a_bracketed_status_opening_an_item(tmp_path: Path) -> None:
    text = "# R\n\n## Work\n\n- (in progress) Fix retain cycles\n- Other\n"
    after = edited(tmp_path / "ROADMAP.md", text, ("ship", "Fix retain cycles"))
    assert statuses(after) == [("Fix retain cycles", "done")]
    assert after.endswith("Fix retain cycles\n- Other\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### Alpha 3 - Completed 2024-01-14\n\nGoals.\n", [("Alpha 3", "done")]),
        ("### Search - Shipped Jan 14, 2024\n\nGoals.\n", [("Search", "done")]),
        ("- Alpha 3 - Completed 2024-01-14\n", [("Alpha 3", "done")]),
        # dates as people write them, in the bracketed tag too
        ("### Milestone 5 (Released 31st Jan , 2023)\n\n- Grid\n", [("Milestone 5", "done")]),
        ("### Milestone 1 (Released November, 2021)\n\n- Grid\n", [("Milestone 1", "done")]),
        ("### Milestone 3 (Released 03rd November. 2022)\n\nGoals.\n", [("Milestone 3", "done")]),
        ("- Search (shipped 12th Dec 2022)\n", [("Search", "done")]),
        # a time, no deliverable: a status heading over the work it dates
        ("### Q3 2024 - Done\n\n- Sync\n", [("Sync", "done")]),
        ("### Alpha 3 - Done right\n\nGoals.\n", []),  # prose after the dash
    ],
)
def test_a_status_after_a_dash_ending_a_heading_is_the_deliverables(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """wails heads a finished milestone "### Alpha 3 - Completed 2024-01-14": a heading's
    status was read only from an emoji leading it, and a date after a dash tag's status was
    read as more words, so the tag was none."""
    assert statuses(f"# R\n\n## Milestones\n\n{text}") == expected


def test_an_edit_sets_a_headings_status_after_a_dash(tmp_path: Path) -> None:
    text = "# R\n\n## Milestones\n\n### Alpha 3 - Completed 2024-01-14\n\nGoals.\n"
    after = edited(tmp_path / "ROADMAP.md", text, ("start", "Alpha 3"))
    assert after == "# R\n\n## Milestones\n\n### 🚧 Alpha 3\n\nGoals.\n"
    assert statuses(after) == [("Alpha 3", "in_progress")]


CROSSED_OFF = (
    "## Tasks\n\nTo reach v0.5, these tasks need to be completed.\n\n"
    "1. Usability\n   1. Release the pip package\n   2. ~~Support Docker~~\n"
    "2. Tools\n   1. ~~Support SERPER api~~\n   2. Support Claude\n"
)


def test_crosses_said_to_drop_work_after_the_name_they_mark_drop_it() -> None:
    """A charting library's decision log writes "❌ **3D charts**: Out of scope entirely"
    and "❌ **Interactive features**: Rejected - ...": its crosses drop work, and the bare
    ones of its NOT IN SCOPE list were read as "no", no status."""
    text = (
        "# R\n\n## NOT IN SCOPE\n\n- ❌ Click Events (no interactivity)\n\n"
        "## Decision log\n\n- ❌ **3D charts**: Out of scope entirely\n"
        "- ❌ **Interactive features** (zoom): Rejected - dashboard features\n"
    )
    assert statuses(text) == [
        ("Click Events (no interactivity)", "dropped"),
        ("3D charts: Out of scope entirely", "dropped"),
        ("Interactive features (zoom): Rejected - dashboard features", "dropped"),
    ]


def test_the_check_and_cross_icons_of_mkdocs_material() -> None:
    """A docs site built with MkDocs' Material theme marks its goals "<span
    class="check-bullet">:material-check-bold:</span> ..." and its certifications
    ":material-check:" and ":material-close:" in a Status column: a check is done, as
    ":white_check_mark:" is, and a bare cross says "not yet", as a bare ❌ does."""
    text = (
        '# R\n\n## Goals\n\n- <span class="check-bullet">:material-check-bold:</span> '
        "Migration guide\n- Events forwarding\n\n| Certification | Completed Status |\n"
        "|---|---|\n| AWS Cloud Practitioner | :material-check: |\n| CKS | :material-close: |\n"
    )
    assert statuses(text) == [("Migration guide", "done"), ("AWS Cloud Practitioner", "done")]


def test_struck_work_crossed_off_a_list_that_marks_nothing_done_is_done() -> None:
    """MetaGPT strikes its finished tasks ("7. ~~Support Docker~~") and marks nothing done
    any other way: the struck items had no status."""
    assert statuses(f"# R\n\n{CROSSED_OFF}") == [
        ("Support Docker", "done"),
        ("Support SERPER api", "done"),
    ]


def test_struck_work_beside_work_dropped_in_words_is_done() -> None:
    """A JavaScript engine's roadmap strikes 34 finished steps of one list and tags one
    "NaN boxing (cancelled)": a document that says dropped in words does not drop work by
    striking it, and the struck steps were read as nothing. One item said done in words
    still leaves striking unread (it may drop work there)."""
    text = (
        "# R\n\n### Roadmap:\n 1. ~~Fix constant storage.~~\n 2. NaN boxing (cancelled)\n"
        " 3. ~~Add `else` support.~~\n 4. Add `delete` operator.\n 5. Add postfix ops. **WIP**\n"
    )
    assert statuses(text) == [
        ("Fix constant storage.", "done"),
        ("NaN boxing", "dropped"),
        ("Add else support.", "done"),
        ("Add postfix ops.", "in_progress"),
    ]
    said_done = text.replace("Add `delete` operator.", "Add `delete` operator. (done)")
    assert ("Fix constant storage.", "done") not in statuses(said_done)


def test_struck_work_with_a_link_after_it_is_struck_whole() -> None:
    """A thesis backlog strikes its finished tasks and links each to its result after the
    strike ("<del>Define the method</del> [Here](plan.md)"): the link is no part of the
    work, and the struck words are the title."""
    text = (
        "# Backlog\n\n## Week 1\n\n* <del>Define the method</del> [Here](plan.md)\n"
        "* ~~Write the intro~~ [Here](intro.md)\n* Read the papers\n"
    )
    assert statuses(text) == [("Define the method", "done"), ("Write the intro", "done")]


@pytest.mark.parametrize(
    "text",
    [
        "## Tasks\n\n- ✅ Search\n- ~~Export~~\n- Sync\n",  # done said another way
        "## Removed\n\n- ~~Export~~\n\n## Tasks\n\n- Sync\n",  # a heading says dropped
        "## Tasks\n\n- ~~Export~~\n- ~~Sync~~\n",  # everything struck: no list crossed off
        "## Tasks\n\n- ~~Export~~\n- Search\n",  # one struck item: no convention
        "## Tasks\n\n- [ ] Search\n- ~~Export~~ (dropped)\n- ~~Sync~~\n",  # struck = dropped
    ],
)
def test_struck_work_where_the_document_may_mean_otherwise_has_no_status_from_it(
    text: str,
) -> None:
    assert ("Sync", "done") not in statuses(f"# R\n\n{text}")
    assert ("Export", "done") not in statuses(f"# R\n\n{text}")


def test_an_edit_that_would_unstrike_other_work_is_refused(tmp_path: Path) -> None:
    """Starting a struck task writes 🚧 before it: a struck item with another status, after
    which the document no longer reads its struck work as done. The edit is refused and the
    file left as it was, rather than SERPER losing its status."""
    text = f"# R\n\n{CROSSED_OFF}"
    with pytest.raises(milepost.errors.UsageError, match="struck-through item on line 11"):
        edited(tmp_path / "ROADMAP.md", text, ("start", "Support Docker"))
    assert (tmp_path / "ROADMAP.md").read_text(encoding="utf-8") == text


CROSSED_OFF_TASKS = (
    "# R\n\n## v2.0\n\n- [x] Search\n- [ ] ~~Add GRPC chaos~~\n- [ ] Export\n\n"
    "## Medium term\n\n- [ ] Add GRPC chaos\n"
)


def test_an_open_task_struck_through_is_dropped() -> None:
    """chaos-mesh crosses off v2.0's tasks it gave up ("- [ ] ~~Add GRPC Chaos~~"), the
    same work listed again, open, under "Medium term": the struck tasks were read as
    planned, by their box. A strikethrough over the whole of an open task is work crossed
    off undone; a ticked struck task is done, and a word after the strike still says its
    status."""
    assert statuses(CROSSED_OFF_TASKS) == [
        ("Search", "done"),
        ("Add GRPC chaos", "dropped"),
        ("Export", "planned"),
        ("Add GRPC chaos", "planned"),
    ]
    more = "# R\n\n- [x] ~~Search~~\n- [ ] ~~Sync~~ (in progress)\n- [ ] ~~Export~~ and more\n"
    assert statuses(more) == [
        ("Search", "done"),
        ("Sync", "in_progress"),
        ("Export and more", "planned"),  # struck in part: its box says
    ]


@pytest.mark.parametrize(
    ("operation", "line"),
    [
        ("start", "- [ ] ~~Add GRPC chaos~~ (in progress)\n"),
        ("drop", "- [ ] ~~Add GRPC chaos~~\n"),
    ],
)
def test_an_edit_on_a_crossed_off_task(tmp_path: Path, operation: str, line: str) -> None:
    """Started, a crossed-off task reads so; dropped, it is already (the line is kept, not
    given a "(dropped)" it says by its strike). Shipping it is refused, as for any dropped
    work."""
    text = CROSSED_OFF_TASKS.replace("## Medium term\n\n- [ ] Add GRPC chaos\n", "")
    after = edited(tmp_path / "ROADMAP.md", text, (operation, "Add GRPC chaos"))
    assert line in after.splitlines(keepends=True)
    assert after.replace(line, "- [ ] ~~Add GRPC chaos~~\n") == text  # that line alone


def test_shipping_a_crossed_off_task_is_refused(tmp_path: Path) -> None:
    text = CROSSED_OFF_TASKS.replace("## Medium term\n\n- [ ] Add GRPC chaos\n", "")
    with pytest.raises(milepost.errors.UsageError, match="is dropped; not shipping it"):
        edited(tmp_path / "ROADMAP.md", text, ("ship", "Add GRPC chaos"))
    assert (tmp_path / "ROADMAP.md").read_text(encoding="utf-8") == text


def test_planning_a_crossed_off_task_is_refused() -> None:
    """Planned is what its open box says, which its strike overrides: the edit is refused,
    saying why, rather than written and then found not to read as planned."""
    roadmap = milepost.loads(CROSSED_OFF_TASKS)
    item = next(i for i in roadmap.items if i.status is milepost.Status.DROPPED)
    with pytest.raises(milepost.errors.UsageError, match="struck through"):
        ops.set_status(roadmap, item, milepost.Status.PLANNED)


CHECKED = (
    "# T\n\n| Feature | Done |\n| :-- | :--: |\n| Icon | ✔ |\n| Options page | ✔ |\n"
    "| Store language | |\n\n"
    "| Task | Planned | In Progress | Done |\n|---|---|---|---|\n"
    "| Search | x | | |\n| Export | | x | |\n| Import | | | yes |\n| Sync | | | |\n"
)


def test_a_check_in_a_column_headed_by_a_status_gives_the_row_that_status() -> None:
    assert statuses(CHECKED) == [
        ("Icon", "done"),
        ("Options page", "done"),
        ("Search", "planned"),
        ("Export", "in_progress"),
        ("Import", "done"),
    ]


@pytest.mark.parametrize(
    "table",
    [
        "| Feature | Done |\n|---|---|\n| Icon | ❌ |\n| Page | 2024-03-01 |\n",  # no check
        "| Feature | Status | Done |\n|---|---|---|\n| Icon | | ✔ |\n",  # the Status column's
    ],
)
def test_a_check_elsewhere_gives_no_status(table: str) -> None:
    assert statuses(f"# T\n\n{table}") == []


GLYPHS = (
    "# T\n\n### Navigations\n\n| Component | Supported | Notes |\n| --- | :---: | --- |\n"
    "| Anchor | ✅ | |\n| Pagination | 🚧 | |\n| Tab | ✅ | keyboard too |\n\n"
    "### Requests\n\n| LSP method | Implemented | Note |\n| :--- | :----: | :--- |\n"
    "| callHierarchy/incomingCalls | ❌ | |\n| completionItem/resolve | ✅ | |\n"
    "| textDocument/colorPresentation | ❌ | Not relevant |\n"
)


def test_a_column_of_status_glyphs_alone_is_the_tables_status() -> None:
    """A table with no Status column may give each row's status by a glyph alone in a
    column of its own, whatever its header: ✅ done, 🚧 in progress; a bare ❌ there says
    "not implemented", no drop. A column all ✅ is done all through (a support table's
    "| Browser | Available |" too: what it lists is there)."""
    support = "# T\n\n| Browser | Available |\n|---|---|\n| Firefox | ✅ |\n| Chrome | ✅ |\n"
    assert statuses(support) == [("Firefox", "done"), ("Chrome", "done")]
    assert statuses(GLYPHS) == [
        ("Anchor", "done"),
        ("Pagination", "in_progress"),
        ("Tab", "done"),
        ("completionItem/resolve", "done"),
    ]


@pytest.mark.parametrize(
    "table",
    [
        # glyphs in two columns compare tools or platforms
        "| Feature | Us | Others |\n|---|---|---|\n| Sync | ✅ | ❌ |\n| Share | 🚧 | ✅ |\n",
        "| Feature | Us | Others |\n|---|---|---|\n| Sync | ✅ | ⚠️ |\n| Share | 🚧 | ❌ |\n",
        # a glyph beside words in its column; a column headed by an aim
        "| Note | Paid |\n|---|---|\n| Vim | ✅ (Paid) |\n| AI | ❌ |\n",
        "| Feature | Target State |\n|---|---|\n| Sync | ✅ |\n| Share | 🚧 |\n",
        # stars rate, they mark no status
        "| Tool | Speed |\n|---|---|\n| A | ⭐⭐⭐ |\n| B | ⭐ |\n",
    ],
)
def test_glyphs_that_compare_or_list_are_no_status_column(table: str) -> None:
    assert statuses(f"# T\n\n{table}") == []


def test_edits_set_the_glyph_of_a_column_of_glyphs(tmp_path: Path) -> None:
    text = edited(tmp_path / "roadmap.md", GLYPHS, ("ship", "Pagination"), ("start", "Anchor"))
    assert text == GLYPHS.replace("| Pagination | 🚧 |", "| Pagination | ✅ |").replace(
        "| Anchor | ✅ |", "| Anchor | 🚧 |"
    )


BOXED_CELLS = (
    "# T\n\n| # | Task | Status | Requirements |\n|---|---|---|---|\n"
    "| 1.1 | Project setup | [ ] Pending | - |\n| 1.2 | Schema | [x] Done | AUTH-01 |\n"
    "| 1.3 | Auth | [ ] In progress | - |\n| 1.4 | Logging | [ ] see #12 | - |\n"
)


def test_a_task_box_opening_a_status_cell_is_refined_by_the_words_after_it() -> None:
    assert statuses(BOXED_CELLS) == [
        ("Project setup", "planned"),
        ("Schema", "done"),
        ("Auth", "in_progress"),
        ("Logging", "planned"),
    ]


def test_edits_keep_the_box_of_a_status_cell_and_set_the_words_after_it(tmp_path: Path) -> None:
    text = edited(
        tmp_path / "roadmap.md",
        BOXED_CELLS,
        ("ship", "Project setup"),
        ("start", "Schema"),
        ("start", "Logging"),
    )
    assert text == (
        BOXED_CELLS.replace("| [ ] Pending |", "| [x] Done |")
        .replace("| [x] Done | AUTH", "| [ ] In progress | AUTH")
        .replace("| [ ] see #12 |", "| [ ] In progress: see #12 |")
    )


def test_edits_move_the_check_to_the_column_of_the_new_status(tmp_path: Path) -> None:
    text = edited(
        tmp_path / "roadmap.md",
        CHECKED,
        ("ship", "Search"),
        ("start", "Import"),
    )
    assert text == CHECKED.replace("| Search | x | | |", "| Search |   | | x |").replace(
        "| Import | | | yes |", "| Import | | x |     |"
    )


def test_a_status_no_column_is_headed_by_clears_the_check_and_marks_the_title(
    tmp_path: Path,
) -> None:
    text = edited(tmp_path / "roadmap.md", CHECKED, ("start", "Icon"), ("drop", "Export"))
    assert "| 🚧 Icon |   |\n" in text
    assert "| ❌ Export | |   | |\n" in text
    assert ("Icon", "in_progress") in statuses(text)
    assert ("Export", "dropped") in statuses(text)


BOXED = (
    "# T\n\n| Done | Component | Feature | Released in\n---|---|---|---\n"
    "[x] | Docs | Rewrite the docs | v3.0.0\n[ ] | Docs | Add screenshots\n"
)


def test_an_open_box_in_a_done_column_is_planned() -> None:
    assert statuses(BOXED) == [("Rewrite the docs", "done"), ("Add screenshots", "planned")]


def test_a_boxed_done_column_is_ticked_and_cleared_in_its_own_boxes(tmp_path: Path) -> None:
    text = edited(
        tmp_path / "roadmap.md", BOXED, ("ship", "Add screenshots"), ("start", "Rewrite the docs")
    )
    assert text.splitlines()[4:] == [
        "[ ] | Docs | 🚧 Rewrite the docs | v3.0.0",
        "[x] | Docs | Add screenshots",
    ]


def test_a_check_cleared_first_in_a_row_without_a_pipe_keeps_its_cells(tmp_path: Path) -> None:
    # Blanks in its place would start the row with the next cell's pipe: a cell lost, and
    # the release read as the title.
    text = edited(
        tmp_path / "roadmap.md",
        "# T\n\nDone | Feature | Release\n---|---|---\n✔ | Search | v2\n",
        ("start", "Search"),
    )
    assert text.splitlines()[-1] == "| | 🚧 Search | v2"
    assert statuses(text) == [("Search", "in_progress")]


@settings(max_examples=150, deadline=None)
@given(
    mark=st.sampled_from(["[x]", "[ ]", "✔", "x"]),
    piped=st.booleans(),
    status=st.sampled_from(list(Status)),
)
def test_any_status_set_on_a_row_of_a_done_column_reads_back_in_place(
    mark: str, piped: bool, status: Status
) -> None:
    """A row whose Done column leads it, with or without pipes at its ends, ticked, boxed
    or not, given any status, keeps its cells, reads back as that status, and only its own
    line changes."""
    rows = [f"{mark} | Search | v2", "[ ] | Sync | v3"]
    lines = ["Done | Feature | Release", "---|---|---", *rows]
    table = "\n".join(f"| {line} |" if piped else line for line in lines)
    text = f"# R\n\n{table}\n\nAfter.\n"
    roadmap = milepost.loads(text)
    item = roadmap.items[0]
    assert item.title == "Search" and item.status is not None
    edit = ops.set_status(roadmap, item, status)
    written = apply(roadmap.document.source, edit.patches).text
    again = milepost.loads(written)
    assert edit.verify(again) is None, written
    assert again.items[0].title == "Search", written
    before, after = text.splitlines(), written.splitlines()
    assert len(before) == len(after)
    assert [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] in ([], [4])


@settings(max_examples=150, deadline=None)
@given(
    header=st.sampled_from(
        ["| Done |", "| Planned | In Progress | Done |", "| Shipped | Blocked |", "| WIP | Done |"]
    ),
    mark=st.sampled_from(["✔", "✅", "x", "yes", ":heavy_check_mark:"]),
    ticked=st.integers(0, 3),
    status=st.sampled_from(list(Status)),
)
def test_any_status_set_on_a_checked_row_reads_back_on_its_line_alone(
    header: str, mark: str, ticked: int, status: Status
) -> None:
    """A row ticked in a column headed by a status, given any status, reads back as that
    status, and only its own line changes."""
    columns = header.count("|") - 1
    cells = [mark if i == ticked % columns else "" for i in range(columns)]
    text = (
        f"# R\n\n| Feature {header}\n|---{'|---' * columns}|\n"
        f"| Search | {' | '.join(cells)} |\n| Sync | {' | '.join(cells)} |\n\nAfter.\n"
    )
    roadmap = milepost.loads(text)
    item = roadmap.items[0]
    assert item.title == "Search" and item.status is not None
    edit = ops.set_status(roadmap, item, status)
    written = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(written)) is None, written
    before, after = text.splitlines(), written.splitlines()
    assert len(before) == len(after)
    assert [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] in ([], [4])


@pytest.mark.parametrize("cell", ["❌ Missing", "Missing", "Not yet started"])
def test_a_status_cell_saying_the_work_is_missing_reads_planned(cell: str) -> None:
    table = f"| Feature | Status |\n|---|---|\n| App icons | {cell} |\n"
    assert statuses(f"# T\n\n{table}\n## Missing\n\n- Splash\n") == [("App icons", "planned")]


WORKING = (
    "# Status\n\n| Feature | Description | Working state |\n|---|---|---|\n"
    "| Bluetooth | | ✅ |\n| Camera | Work in progress | ❌ |\n| Audio | | ✅ |\n"
)


def test_a_column_headed_working_state_is_a_status_column_and_a_bare_cross_says_no() -> None:
    assert statuses(WORKING) == [("Bluetooth", "done"), ("Audio", "done")]
    assert statuses(WORKING.replace("| Working state |", "| Target State |")) == []


@pytest.mark.parametrize(
    "said",
    ["\n- ❌ Cancelled: the work given up\n", "\nLegend: ✅ Done | ❌ Dropped\n"],
)
def test_a_bare_cross_is_dropped_where_the_document_says_a_cross_is(said: str) -> None:
    assert ("Camera", "dropped") in statuses(WORKING + said)


def test_dropping_a_row_where_crosses_say_no_marks_it_another_way(tmp_path: Path) -> None:
    """Dropping Bluetooth wrote "❌ Dropped" beside the table's bare "| Camera | ❌ |": the
    words said a cross is dropped work, and Camera, a "no", read as dropped too. 🚫 says
    dropped and leaves the crosses as they were."""
    text = edited(tmp_path / "roadmap.md", WORKING, ("drop", "Bluetooth"))
    assert "| Bluetooth | | 🚫 |\n" in text
    assert statuses(text) == [("Bluetooth", "dropped"), ("Audio", "done")]


def test_dropping_where_no_cross_stands_writes_the_word_beside_the_cross(tmp_path: Path) -> None:
    text = "# Status\n\n| Feature | Working state |\n|---|---|\n| Bluetooth | ✅ |\n"
    text = edited(tmp_path / "roadmap.md", text, ("drop", "Bluetooth"))
    assert "| Bluetooth | ❌ Dropped |\n" in text
    assert statuses(text) == [("Bluetooth", "dropped")]


PROGRESS = (
    "# R\n\n| Feature Name | Description | Progress | Version |\n|---|---|---|---|\n"
    "| Notifications | Notify users of TODO items | Not Started | |\n"
    "| Tracking | Track TODO and DONE | In Progress | |\n| Tables | | DONE | 1.9 |\n"
    "| Search | | 45% | |\n"
)


def test_a_progress_column_says_the_status_in_words(tmp_path: Path) -> None:
    assert statuses(PROGRESS) == [
        ("Notifications", "planned"),
        ("Tracking", "in_progress"),
        ("Tables", "done"),
    ]
    both = PROGRESS.replace("| Version |", "| Status |").replace("| 1.9 |", "| Planned |")
    assert ("Tables", "planned") in statuses(both)  # a Status column wins
    text = edited(tmp_path / "roadmap.md", PROGRESS, ("ship", "Tracking"))
    assert "| Tracking | Track TODO and DONE | DONE |" in text


def test_an_emoji_glued_to_a_title_beside_a_status_column_is_no_part_of_the_title() -> None:
    table = (
        "| # | Name | Status |\n|---|---|---|\n| 1 | ✅ **MVP Complete** | **DONE** |\n"
        "| 2 | 🔄 **Production Ready** | **85%** |\n| 3 | **Polish** | Pending |\n"
    )
    assert statuses(f"# R\n\n{table}") == [
        ("MVP Complete", "done"),
        ("Production Ready", "in_progress"),
        ("Polish", "planned"),
    ]


SAID_BESIDE = (
    "# R\n\n| Feature | Priority | Description |\n|---|---|---|\n"
    "| RAG Hybrid Search | ✅ Done | BM25 + vector fusion |\n| Reliable Calling | P0 | Retry |\n"
)


def test_a_glyph_and_status_words_alone_in_a_cell_say_the_rows_status(tmp_path: Path) -> None:
    assert statuses(SAID_BESIDE) == [("RAG Hybrid Search", "done")]
    matrix = "| Feature | milepost | other |\n|---|---|---|\n| Search | ✅ | ❌ |\n"
    assert statuses(f"# R\n\n{matrix}") == []  # glyphs alone compare tools
    text = edited(tmp_path / "roadmap.md", SAID_BESIDE, ("start", "RAG Hybrid Search"))
    assert "| RAG Hybrid Search | 🚧 In Progress | BM25 + vector fusion |\n" in text


BARE_FIELD = (
    "# R\n\n#### Features\n\n- [QT6 migration](https://example.org/1)\n"
    "  - No provided FURPS at the moment\n  - Done ✅ 🟩🟩🟩🟩🟩 100%\n"
    "- [Tablet build](https://example.org/2)\n  - In Progress ⏳ 🟩🟩🟩🟩⬜ 83%\n"
    "- Sync\n  - Done\n- Search\n  - Done when the index is rebuilt\n"
)


def test_a_sub_bullet_that_is_a_status_alone_is_its_items_status(tmp_path: Path) -> None:
    assert statuses(BARE_FIELD) == [
        ("QT6 migration", "done"),
        ("Tablet build", "in_progress"),
        ("Sync", "done"),
    ]
    text = edited(tmp_path / "roadmap.md", BARE_FIELD, ("ship", "Tablet"), ("block", "Sync"))
    shipped = BARE_FIELD.replace("In Progress ⏳ 🟩🟩🟩🟩⬜ 83%", "Done ✅ 🟩🟩🟩🟩⬜ 83%")
    assert text == shipped.replace("  - Done\n- Search", "  - Blocked\n- Search")


def test_what_the_review_found_a_status_column_or_check_misreading() -> None:
    # a screen's states, not the work's
    states = "| Screen | Empty state | Error state |\n|---|---|---|\n| Inbox | ✅ | ❌ |\n"
    assert statuses(f"# R\n\n{states}") == []
    # a non-breaking space between a status's words
    assert statuses("# R\n\n| Feature | Status |\n|---|---|\n| Search | In\u00a0progress |\n") == [
        ("Search", "in_progress")
    ]
    # Now / Next / Later columns of checks
    now = "| Feature | Now | Next | Later |\n|---|---|---|---|\n| A | x | | |\n| B | | | x |\n"
    assert statuses(f"# R\n\n{now}") == [("A", "in_progress"), ("B", "future")]
    # a Progress column's notes are no statuses; a status alone, a share beside it, is one
    notes = (
        "| Feature | Owner | Progress |\n|---|---|---|\n"
        "| A | @a | Done with the spec, coding now |\n| B | @b | In Progress (60%) |\n"
    )
    assert statuses(f"# R\n\n{notes}") == [("B", "in_progress")]


def test_a_check_set_on_a_short_row_writes_the_missing_cells(tmp_path: Path) -> None:
    short = "# R\n\n| Feature | Planned | Done |\n|---|---|---|\n| Search | ✔\n| Sync | ✔ | |\n"
    text = edited(tmp_path / "roadmap.md", short, ("ship", "Search"))
    assert "| Search |   | ✔ |\n" in text
    assert ("Search", "done") in statuses(text)


def test_out_of_scope_in_a_status_cell_is_dropped_but_a_label_of_it_scopes_nothing() -> None:
    """wine-shelf-scanner's Deferred table says "Out of scope" in the Status cell of work it
    will not do: dropped. A paragraph label "**Out of Scope**" over a list of a project's
    scope is how its vision reads, no status of the items under it."""
    table = (
        "# R\n\n## Deferred\n\n| Feature | Status | Notes |\n|---|---|---|\n"
        "| Live AR scanning | Out of scope | Explicitly excluded |\n"
        "| Price alerts | Not started | |\n"
    )
    assert statuses(table) == [("Live AR scanning", "dropped"), ("Price alerts", "planned")]
    label = "# R\n\n## Vision\n\n**Out of Scope**\n\n- Hosting a registry\n"
    assert statuses(label) == []


ICONS = (
    "# .NET Roadmap\n\nItems in each section include the following icons:\n\n"
    '- ![In Planning](media/status-in-planning.png "In Planning icon") - In Planning\n'
    '- ![In Progress](media/status-in-progress.png "In Progress icon") - In Progress\n'
    '- ![Completed](media/status-completed.png "Completed icon") - Completed\n\n'
    "## ASP.NET\n\n"
    '- ![In Progress](media/status-in-progress.png "In Progress icon") [Blazor](https://x/1)\n'
    '  - ![Completed](media/status-completed.png "Completed icon") CSS isolation\n'
    '- ![In Planning](media/status-in-planning.png "In Planning icon") Hot reload\n'
    "- ![Architecture](media/arch.png) Overview\n"
)


def test_an_image_icon_opening_an_item_says_its_status_by_its_alternative_text() -> None:
    """dotnet's roadmap marks each item with an icon whose alternative text is its status
    ("![Completed](media/status-completed.png)"), keyed by a list the sentence over it
    introduces ("... the following icons:"): 117 items had no status, and the key's three
    were none of them. An image whose text is no status (a diagram) marks nothing."""
    assert statuses(ICONS) == [
        ("Blazor", "in_progress"),
        ("CSS isolation", "done"),
        ("Hot reload", "planned"),
    ]


def test_a_status_after_a_bar_ends_an_item_as_after_a_dash() -> None:
    """qhantoom parts an item's fields with bars ("* [ ] `repl` | *wip*"): the status after
    the last bar is the item's, as after a dash, and an edit sets it there."""
    text = "# R\n\n## Tools\n\n* [ ] `repl` | *wip*\n* [ ] back-end | *needs help*\n"
    assert statuses(text) == [("repl", "in_progress"), ("back-end | needs help", "planned")]
    roadmap = milepost.loads(text)
    edit = ops.set_status(roadmap, roadmap.items[0], Status.BLOCKED)
    assert apply(roadmap.document.source, edit.patches).text.splitlines()[4] == (
        "* [ ] `repl` | *blocked*"
    )


def test_a_task_box_alone_in_a_status_cell_is_its_rows_status_and_stays_a_box(
    tmp_path: Path,
) -> None:
    """A drone roadmap's milestone table writes its Status cells as task boxes ("| [x] |",
    "| [ ] |"), which GFM leaves as text: ticked is done, open is planned. An edit ticks or
    clears the box; a status a box cannot say is written in words."""
    text = (
        "# R\n\n| Milestone | Target | Status |\n| :--- | :--- | :--- |\n"
        "| **M1: Swarm** | Month 3 | [x] |\n| **M5: Demo** | Month 18 | [ ] |\n"
        "| **M6: Certification** | Month 24 | [ ] |\n"
    )
    assert statuses(text) == [
        ("M1: Swarm", "done"),
        ("M5: Demo", "planned"),
        ("M6: Certification", "planned"),
    ]
    after = edited(tmp_path / "r.md", text, ("ship", "M5"), ("start", "M6"))
    roadmap = milepost.loads(after)
    edit = ops.set_status(roadmap, roadmap.items[0], Status.PLANNED)
    after = apply(roadmap.document.source, edit.patches).text
    assert after.splitlines()[-3:] == [
        "| **M1: Swarm** | Month 3 | [ ] |",
        "| **M5: Demo** | Month 18 | [x] |",
        "| **M6: Certification** | Month 24 | 🚧 In Progress |",
    ]


def test_a_status_after_a_colon_set_apart_ends_an_item() -> None:
    """gb-enhanced writes "~~Implement sound~~ : Done", and French sets every colon apart
    ("Export : terminé"): the status after it is the item's, and an edit sets it there; a
    colon glued to the words before it is a label's ("Note: see the docs"), no tag."""
    text = (
        "# R\n\n## 1.0 Milestones\n\n  * ~~Implement sound~~ : Done\n  * Export : en cours\n"
        "  * Note: done by hand\n"
    )
    assert statuses(text) == [("Implement sound", "done"), ("Export", "in_progress")]
    roadmap = milepost.loads(text)
    edit = ops.set_status(roadmap, roadmap.items[1], Status.BLOCKED)
    assert apply(roadmap.document.source, edit.patches).text.splitlines()[5] == (
        "  * Export : blocked"
    )


def test_the_work_in_an_admonition_is_read_and_edited_where_it_stands(tmp_path: Path) -> None:
    """A docs site's roadmap keeps its checklists in collapsible admonitions (``???
    success "Docs"`` over boxes indented four spaces): 144 boxes of one roadmap were read as
    one paragraph. They are items; an edit ticks a box in place, indentation and all."""
    text = (
        '# Documentation roadmap\n\n??? success "Documentation Overview"\n'
        "    - [x] 1 Documentation Overview\n        * [x] 1.1 Dashboard\n\n"
        '??? quote "Algorithms"\n    - [ ] 2 Algorithms\n        * [x] 2.1 Ensembles\n'
        "        * [ ] 2.2 Fidex\n"
    )
    assert statuses(text) == [
        ("1 Documentation Overview", "done"),
        ("1.1 Dashboard", "done"),
        ("2 Algorithms", "planned"),
        ("2.1 Ensembles", "done"),
        ("2.2 Fidex", "planned"),
    ]
    after = edited(tmp_path / "r.md", text, ("ship", "2.2 Fidex"))
    assert after == text.replace("        * [ ] 2.2 Fidex", "        * [x] 2.2 Fidex")


def test_a_bracketed_tag_of_a_status_and_its_glyph_is_read_and_set_in_place(
    tmp_path: Path,
) -> None:
    """pleiotropy tags its phases "(Completed ✅)" and "(Current 🚧)", and lists write "(✅
    Done)": a glyph beside the words hid the status. The words win ("(Beta ✅)" says none),
    a glyph alone in brackets is no tag ("Calendar (🗓️)"), and an edit sets both in place."""
    text = (
        "# R\n\n### Phase 1: Foundation (Completed ✅)\n\n### Phase 3: Scale (Current 🚧)\n\n"
        "- Search (✅ Done) @kim\n- Export (Beta ✅)\n- Calendar (🗓️)\n"
    )
    assert statuses(text) == [
        ("Phase 1: Foundation", "done"),
        ("Phase 3: Scale", "in_progress"),
        ("Search", "done"),
    ]
    after = edited(tmp_path / "r.md", text, ("start", "Phase 1"), ("block", "Search"))
    assert after.splitlines()[2] == "### Phase 1: Foundation (In Progress 🚧)"
    assert after.splitlines()[6] == "- Search (⛔ Blocked) @kim"


def test_a_coloured_dot_in_a_bracketed_tag_leaves_the_words_to_say_the_status(
    tmp_path: Path,
) -> None:
    """A translation report heads each language "## /de (🟡 In progress)": the dot says no
    status of its own, and hid the words beside it. The words say it now (a dot alone in
    brackets still says none), and an edit sets the words and the dot the document pairs
    with the new status ("(🟢 Done)"), else the status's emoji."""
    text = (
        "# Translation Progress\n\n## /da (🟢 Done)\n\n## /de (🟡 In progress)\n\n"
        "- Sync (🔴 Not started) @kim\n- Export (🟢)\n"
    )
    assert statuses(text) == [("/da", "done"), ("/de", "in_progress"), ("Sync", "planned")]
    after = edited(tmp_path / "r.md", text, ("start", "Sync"), ("ship", "/de"))
    assert after.splitlines()[4] == "## /de (🟢 Done)"
    assert after.splitlines()[6] == "- Sync (🟡 In progress) @kim"
    alone = "# R\n\n- Sync (🔴 Not started) @kim\n"
    assert edited(tmp_path / "s.md", alone, ("ship", "Sync")) == alone.replace(
        "(🔴 Not started)", "(✅ Completed)"
    )


KEYED_GLYPHS = (
    "# SEE\n\n## Implementations\n\n- ❌ Not started\n- 🟡 In progress\n- ✅ Complete\n\n"
    "## m3\n\n| Components | Functionality | Style |\n| --- | :---: | :---: |\n"
    "| Button | ✅ | ✅ |\n| FAB | ✅ | 🟡 |\n| Menu | ❌ | ❌ |\n| Chip | 🟡 | |\n\n"
    "## Platforms\n\n| Feature | iOS | Android | Web |\n|---|---|---|---|\n"
    "| Sync | ✅ | ❌ | ✅ |\n"
)


def test_glyphs_a_legend_defines_alone_in_a_row_say_its_status(tmp_path: Path) -> None:
    """see keys its tables by a list ("- ❌ Not started", so ❌ is planned here, not dropped)
    and marks each component's functionality and style by a glyph alone, in no Status column:
    a row whose glyphs agree (or has one) has that status, one whose glyphs differ none, and a
    row of three platforms compares them. An edit sets every glyph of the row."""
    assert statuses(KEYED_GLYPHS) == [
        ("Button", "done"),
        ("Menu", "planned"),
        ("Chip", "in_progress"),
    ]
    after = edited(tmp_path / "r.md", KEYED_GLYPHS, ("start", "Menu"))
    assert "| Menu | 🟡 | 🟡 |\n" in after


def test_developing_and_under_discussion_are_statuses_in_a_status_cell() -> None:
    """openEuler's release plans say "Developing" and "Discussion" (a proposal not yet
    accepted) in their status column; as words in prose, "discussion" says nothing."""
    text = (
        "# R\n\n|no|feature|status|sig|\n|:--|:--|:--|:--|\n|1|RISC-V images|Discussion|RISC-V|\n"
        "|2|Raspberry Pi|Developing|RaspberryPi|\n|3|gazelle|Under discussion|net|\n\n"
        "## Notes\n\n- Discussion of the plan\n"
    )
    assert statuses(text) == [
        ("RISC-V images", "future"),
        ("Raspberry Pi", "in_progress"),
        ("gazelle", "future"),
    ]


def test_a_status_cell_whose_words_sit_in_an_html_element_is_read_and_set_inside_it(
    tmp_path: Path,
) -> None:
    """HapticUI's docs write each Status cell as a Vue tag around its words ("<HTag
    type="error"> Planned </HTag>"): the blank the tag leaves before the words hid them. An
    edit sets the words inside the element, its tags kept."""
    text = (
        "# Roadmap\n\n| Component | Status |\n|---|---|\n"
        '| Alert | <HTag type="error"> Planned </HTag> |\n'
        '| Button | <HTag type="warning"> In development </HTag> |\n'
    )
    assert statuses(text) == [("Alert", "planned"), ("Button", "in_progress")]
    after = edited(tmp_path / "r.md", text, ("ship", "Button"))
    assert '| Button | <HTag type="warning"> Completed </HTag> |\n' in after


def test_a_bracketed_status_with_when_after_it_is_a_tag() -> None:
    """A GSD roadmap's milestones end "(shipped 2026-01-21)", as a dash tag's may ("- shipped
    in v0.0.30"): the date or release after the status is when, not more words."""
    text = (
        "# R\n\n## Milestones\n\n- **v1.0 Jira MVP** - Phases 1-5 (shipped 2026-01-21)\n"
        "- **v1.1 Capture** (done in v1.1)\n- **v1.2 Dashboard** (Completed Jan 14, 2024)\n"
        "- **v1.3 Meetups** (in person)\n"
    )
    assert statuses(text) == [
        ("v1.0 Jira MVP - Phases 1-5", "done"),
        ("v1.1 Capture", "done"),
        ("v1.2 Dashboard", "done"),
    ]


def test_an_html_badge_opening_an_item_says_its_status(tmp_path: Path) -> None:
    """helix-wiki marks each open task with a badge, "- [ ] <span className="helix-badge
    helix-badge--parked">Parked</span> OPA integration": the box alone read planned. An edit
    sets the badge's words (in the document's own word for the status)."""
    text = (
        '# T\n\n## Work\n\n- [ ] <span className="badge">Parked</span> OPA integration\n'
        '- [ ] <span class="badge">Planned</span> n8n node\n'
        '- <Badge type="tip">Done</Badge> Search\n- [ ] <b>Important</b> work\n'
    )
    assert statuses(text) == [
        ("OPA integration", "blocked"),
        ("n8n node", "planned"),
        ("Search", "done"),
        ("Important work", "planned"),
    ]
    after = edited(tmp_path / "roadmap.md", text, ("ship", "n8n node"), ("block", "Search"))
    assert '- [x] <span class="badge">Done</span> n8n node\n' in after
    assert '- <Badge type="tip">Parked</Badge> Search\n' in after


def test_a_badge_ending_an_item_or_a_heading_says_its_status(tmp_path: Path) -> None:
    """A VuePress docs site marks each endpoint with a badge after its name, "-
    /terminal/send-event <Badge type="warning" text="planned" />", its headings too: none
    was read (161 items of one file). The words may be inside the element, or its class
    make it a badge; a badge of no status ("beta"), a <kbd> or a <br> says nothing. An edit
    sets the words in place, ticks the box, and puts a reason before the badge."""
    text = (
        '# T\n\n#### Terminal <Badge type="warning" text="planned" />\n\n'
        '- /terminal/send <Badge type="warning" text="planned" />\n'
        '- /terminal/fetch <Badge type="tip" text="beta" />\n'
        '- Search <Badge type="tip">Done</Badge>\n'
        '- [ ] Export <span class="badge badge-info">In progress</span>\n'
        "- Keys <kbd>Done</kbd>\n- Lines<br>\n"
    )
    assert statuses(text) == [
        ("Terminal", "planned"),
        ("/terminal/send", "planned"),
        ("Search", "done"),
        ("Export", "in_progress"),
    ]
    path = tmp_path / "roadmap.md"
    after = edited(path, text, ("ship", "/terminal/send"), ("ship", "Export"))
    # in the document's word for done ("Done"), in the case of the words replaced
    assert '- /terminal/send <Badge type="warning" text="done" />\n' in after
    assert '- [x] Export <span class="badge badge-info">done</span>\n' in after
    path.write_text(text, encoding="utf-8")
    api.edit(path, "block", item="Search", today=TODAY, reason="waiting on #12")
    assert '- Search (waiting on #12) <Badge type="tip">Blocked</Badge>\n' in path.read_text(
        encoding="utf-8"
    )
    after = edited(path, text, ("start", "Terminal"))
    assert '#### Terminal <Badge type="warning" text="in progress" />\n' in after
    crlf = text.replace("\n", "\r\n")  # read and set where lines end in CRLF too
    assert statuses(crlf) == statuses(text)
    path.write_bytes(crlf.encode())
    api.edit(path, "start", item="/terminal/send", today=TODAY)
    after_bytes = path.read_bytes()
    assert b'- /terminal/send <Badge type="warning" text="in progress" />\r\n' in after_bytes
    assert after_bytes.count(b"\r\n") == crlf.count("\r\n")
    # a marker of the item's own wins over a badge after it, and is what an edit sets
    glyph = '# T\n\n### ✅ Search <Badge text="planned" />\n- ✅ Sync <Badge text="dropped" />\n'
    assert statuses(glyph) == [("Search", "done"), ("Sync", "done")]
    after = edited(path, glyph, ("start", "Search"))
    assert after.splitlines()[2] == '### 🚧 Search <Badge text="planned" />'


@pytest.mark.parametrize("word", ["Won't fix", "Won't implement", "Not planned", "Declined"])
def test_words_that_close_work_undone_are_dropped(word: str) -> None:
    table = f"| Feature | Status |\n|---|---|\n| Search | {word} |\n| Export | Done |\n"
    assert statuses(table) == [("Search", "dropped"), ("Export", "done")]


def test_a_proposal_superseded_by_another_is_dropped() -> None:
    text = "## Proposals\n\n* Named tuples\n  * Status: **superseded**\n"
    assert statuses(text) == [("Named tuples", "dropped")]


def test_work_not_planned_yet_is_future_not_dropped() -> None:
    table = "| Feature | Status |\n|---|---|\n| Search | Not planned yet |\n"
    assert statuses(table) == [("Search", "future")]


MATURITY = (
    "| Feature | Protocol Status | Implementation Status |\n| :--- | :--- | :--- |\n"
    "| Cookie authentication | beta | Implemented |\n| Longpoll transport | beta | Planned |\n"
    "| Event history | stable | Planned |\n"
)


def test_of_two_status_columns_the_one_that_says_statuses_is_read() -> None:
    """Bondy's tables give each feature a Protocol Status (the spec's maturity: beta,
    stable) before its Implementation Status; only the first was read, so no row had one."""
    assert statuses(MATURITY) == [
        ("Cookie authentication", "done"),
        ("Longpoll transport", "planned"),
        ("Event history", "planned"),
    ]


def test_an_edit_sets_the_status_column_that_is_read(tmp_path: Path) -> None:
    after = edited(tmp_path / "roadmap.md", MATURITY, ("start", "Longpoll transport"))
    assert "| Longpoll transport | beta | In Progress |\n" in after


YES_NO = "# Status\n\n## Checks\n\n- ✅ Builds on Linux\n- ❌ Tests need a dev server\n- ✅ Lints\n"


def test_a_bare_cross_leading_a_list_item_says_no_as_in_a_cell() -> None:
    """A status report's "- ❌ Tests need a dev server" is a check not passed, no work
    cancelled: read as dropped, as a bare cross in a Status cell no longer was. Where the
    legend or the document's words say a cross is dropped work, it is."""
    assert statuses(YES_NO) == [("Builds on Linux", "done"), ("Lints", "done")]
    said = YES_NO + "\n## Gone\n\n- ❌ Cancelled: the Windows port\n"
    assert ("Tests need a dev server", "dropped") in statuses(said)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (YES_NO, "- 🚫 Lints\n"),  # crosses that say no: another glyph drops it
        ("# Status\n\n## Checks\n\n- ✅ Lints\n", "- ❌ Dropped: Lints\n"),  # no cross yet
    ],
)
def test_dropping_a_list_item_writes_what_reads_as_dropped(
    tmp_path: Path, text: str, line: str
) -> None:
    after = edited(tmp_path / "roadmap.md", text, ("drop", "Lints"))
    assert line in after
    assert ("Lints", "dropped") in statuses(after)
    assert ("Tests need a dev server", "dropped") not in statuses(after)


def test_a_bare_cross_in_a_roadmap_of_the_templates_shape_is_dropped(tmp_path: Path) -> None:
    """The template's vocabulary makes ❌ dropped: a track roadmap with its Current Focus
    reads "- ❌ Export" as dropped work, and `drop` writes a bare ❌ there."""
    text = (
        "# Alpha Roadmap\n\n## 🎯 Current Focus\n\n### October 2026\n- ✅ Sync\n"
        "- ❌ Export\n- 📋 Search\n"
    )
    assert ("Export", "dropped") in statuses(text)
    after = edited(tmp_path / "roadmap.md", text, ("drop", "Search"))
    assert "- ❌ Search\n" in after


def test_an_edit_sets_the_emoji_glued_to_a_row_before_its_column_of_glyphs(
    tmp_path: Path,
) -> None:
    """ "| ✅ A | ❌ |": the glued emoji says the row's status, so an edit sets it there, not
    in the column of glyphs (which it would not be read from)."""
    text = "# T\n\n| Task | Supported |\n|---|---|\n| ✅ A | ❌ |\n| B | ✅ |\n| C | 🚧 |\n"
    written = edited(tmp_path / "roadmap.md", text, ("start", "A"), ("start", "B"))
    assert "| 🚧 A | ❌ |\n| B | 🚧 |\n" in written


BADGES = (
    "# T\n\n## Features\n\n"
    '- <img src="https://badgen.net/static/🔺/DONE/green"/> Add License\n'
    '- <img src="https://badgen.net/static/🔺/DOING/yellow"/> Add records\n'
    '- <img alt="TODO" src="https://example.org/todo.svg"/> Charts\n'
    '- <img src="https://img.shields.io/badge/-BLOCKED-8250df"/> Sync\n'
    '- <img src="https://example.org/DONE/logo.png"/> Logo\n'
)


def test_a_badge_image_opening_an_item_says_its_status(tmp_path: Path) -> None:
    """A badge image's alt text, else the words of its address at a badge service, say the
    item's status (an image elsewhere says none); an edit refuses to redraw it."""
    assert statuses(BADGES) == [
        ("Add License", "done"),
        ("Add records", "in_progress"),
        ("Charts", "planned"),
        ("Sync", "blocked"),
    ]
    path = tmp_path / "roadmap.md"
    path.write_text(BADGES, encoding="utf-8")
    with pytest.raises(milepost.errors.UsageError, match="badge image"):
        api.edit(path, "ship", item="Add records", today=TODAY)
    assert path.read_text(encoding="utf-8") == BADGES


def test_a_glyph_of_work_under_way_ending_an_item_says_its_status(tmp_path: Path) -> None:
    """Milestone lists end each line with its glyph ("- **M2.4**: Testing complete (Week
    12) 🔄"): 🔄 and 🚧 there said nothing, where ✅ did. In a list that ends other items
    with a check they say work under way, and so does ⏳ ("- Avatar upload ⏳" beside "- View
    profile ✅"); alone they may picture the topic ("- Auto-refresh 🔄", "- Timer ⏳"). A
    share before the glyph makes the line a measure of progress ("**Playlists:** 40% 🚧")."""
    text = (
        "# R\n\n## Milestones\n\n- **M2.3**: Models integrated (Week 10) ✅\n"
        "- **M2.4**: Testing complete (Week 12) 🔄\n- Search 🚧\n"
        "- **Playlists:** 40% 🚧\n- Avatar upload ⏳\n"
    )
    assert statuses(text) == [
        ("M2.3: Models integrated (Week 10)", "done"),
        ("M2.4: Testing complete (Week 12)", "in_progress"),
        ("Search", "in_progress"),
        ("Avatar upload", "in_progress"),
    ]
    after = edited(tmp_path / "r.md", text, ("ship", "M2.4"))
    assert after.splitlines()[5] == "- **M2.4**: Testing complete (Week 12) ✅"
    assert statuses("# R\n\n- Auto-refresh 🔄\n- Sync 🚧\n- Timer ⏳\n") == []
    # starting the only check of the list would leave 🔄 saying nothing: refused, unchanged
    alone = "# R\n\n- **M2.3**: Models ✅\n- **M2.4**: Testing 🔄\n"
    with pytest.raises(
        milepost.errors.UsageError,
        match=re.escape(
            "cannot set 'M2.3: Models' In Progress: then 'M2.4: Testing' on line 4"
            " would read as no status, not In Progress"
        ),
    ):
        edited(tmp_path / "s.md", alone, ("start", "M2.3"))
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == alone


def test_a_status_label_over_a_date_alone_is_a_field_not_work() -> None:
    """Under "#### Project Setup", "- **Completed**: 2026-01-25" says when the work above
    it was done, and "- **Started**: 2025-06-20" when a project began: no work item titled
    by a date. A label over words is still one ("- **Done**: Search")."""
    text = (
        "# R\n\n## Features\n\n#### Project Setup\n\n- **Completed**: 2026-01-25\n"
        "- **Started:** 2025-06-20\n- **Done**: Search\n"
    )
    assert statuses(text) == [("Search", "done")]
    items = milepost.loads(text).items
    assert [i.title for i in items if i.kind == "list"] == ["2026-01-25", "2025-06-20", "Search"]


def test_a_status_field_under_an_open_box_refines_it(tmp_path: Path) -> None:
    """An open box "- [ ] **Social Features**" with "- Status: Future" among its sub-bullets
    is future work: the field says more than the bare box (as "[ ] ... (in progress)"
    does). Among sub-tasks a field may be one of theirs, and the box stands. Shipping it
    ticks the box and sets the field, so the two agree."""
    text = (
        "# R\n\n## Features\n\n- [ ] **Social Features**\n  - Share trips\n"
        "  - Status: Future\n  - Effort: High\n- [ ] **Parsing**\n  - [x] Tuples\n"
        "  - **Status**: COMPLETED\n"
    )
    assert statuses(text) == [
        ("Social Features", "future"),
        ("Parsing", "planned"),
        ("Tuples", "done"),
    ]
    after = edited(tmp_path / "r.md", text, ("ship", "Social Features"))
    assert after.splitlines()[4:7] == [
        "- [x] **Social Features**",
        "  - Share trips",
        "  - Status: Completed",
    ]
    assert statuses(after)[0] == ("Social Features", "done")


def test_a_cross_under_a_heading_of_non_goals_drops_the_work() -> None:
    """Where a comparison table's crosses say "no", a bare ❌ says nothing; under "##
    Non-Goals" or "## Out of Scope" it is work the project will not do. Plain items there
    are named, not dropped."""
    text = (
        "# R\n\n| Feature | OSS |\n|---|---|\n| LDAP | ❌ |\n\n## Non-Goals (意識的な非対象)\n\n"
        "- ❌ In-Memory engine\n- FIPS\n\n## Notes\n\n- ❌ Tests need a server\n"
    )
    assert statuses(text) == [("In-Memory engine", "dropped")]
    # work not planned *yet* is future, no won't-do; a heading of done work is still one
    later = "# R\n\n## Not Planned Yet\n\n- ❌ Sync\n\n### ✅ Out of scope review\n"
    assert statuses(later) == [("Out of scope review", "done")]


def test_a_cross_after_an_open_box_is_work_still_to_do_where_crosses_say_no() -> None:
    """A status page writes "| Security Audit | ❌ Not Done |" and "- [ ] ❌ No integration
    tests": its crosses say "not yet", so after an open box the box says, planned; under
    "## Non-Goals" the cross drops the work, box or not."""
    text = (
        "# Status\n\n| Module | Status |\n|---|---|\n| Audit | ❌ Not Done |\n\n"
        "## Testing\n\n- [x] ✅ Unit tests\n- [ ] ❌ No integration tests\n\n"
        "## Non-Goals\n\n- [ ] ❌ Mobile app\n"
    )
    assert statuses(text) == [
        ("Audit", "planned"),
        ("Unit tests", "done"),
        ("No integration tests", "planned"),
        ("Mobile app", "dropped"),
    ]


STATES = (
    "# Homelab\n\n## Goals\n\n1. 🔄 🤖 Fully automated\n2. ✅ 🔐 SSH free\n"
    "3. ❌ 📊 Log aggregation (Loki not deployed)\n4. 🔄 🌐 Service discovery\n\n"
    "## Todo\n\n* ❌ Login Checker\n* ❌ GUI\n"
)


def test_crosses_among_glyphs_of_work_under_way_are_work_not_started(tmp_path: Path) -> None:
    """A homelab roadmap leads its items with ✅, 🔄 and ❌, and its crosses say "not
    deployed": states of work, where a cross is work not started, planned (it gave no
    status: a "no", as beside ticks alone). Started, the cross gives way to the document's
    glyph of work under way; dropped, to 🚫 (a bare cross would read as planned)."""
    assert statuses(STATES) == [
        ("🤖 Fully automated", "in_progress"),
        ("🔐 SSH free", "done"),
        ("📊 Log aggregation (Loki not deployed)", "planned"),
        ("🌐 Service discovery", "in_progress"),
        ("Login Checker", "planned"),
        ("GUI", "planned"),
    ]
    after = edited(tmp_path / "r.md", STATES, ("start", "Log aggregation"), ("drop", "GUI"))
    assert "3. 🔄 📊 Log aggregation (Loki not deployed)\n" in after
    assert "* 🚫 GUI\n" in after


@pytest.mark.parametrize(
    "text",
    [
        # one glyph of work under way is no state of the document's ("What was left?")
        "# R\n\n- ✅ Spec\n- 🚧 What was left pending?\n\n## Don'ts\n\n- ❌ Huge PRs\n",
        # ticks and crosses alone say yes and no
        "# R\n\n- ✅ Builds\n- ❌ Tests need a server\n",
        # a list in code is no list of the document's
        "# R\n\n```\n- 🚧 a\n- 🚧 b\n```\n\n- ✅ Builds\n- ❌ Tests need a server\n",
    ],
)
def test_crosses_without_glyphs_of_work_under_way_say_no(text: str) -> None:
    assert ("Huge PRs", "planned") not in statuses(text)
    assert ("Tests need a server", "planned") not in statuses(text)


def test_two_status_words_that_agree_are_one_status() -> None:
    """Brave's archive ends its milestones "- Completed & Released": two words that say done
    say done; two that differ ("planned and in progress") say neither."""
    text = (
        "# R\n\n### Milestone 6: 0.56.x - Completed & Released\n\n### M7 (done and shipped)\n\n"
        "- Sync - planned and in progress\n"
    )
    assert statuses(text) == [("Milestone 6: 0.56.x", "done"), ("M7", "done")]


def test_a_strong_status_word_and_a_dash_after_an_open_box_refine_it(tmp_path: Path) -> None:
    """parsica's status page writes "- [ ] WIP - Tutorial": the word before the dash says
    the open task's state, as "- [ ] wip: search" does. A weak word there names a topic
    ("- [ ] Testing - unit tests" is planned work on tests)."""
    text = "# R\n\n- [x] Recursive parsers\n- [ ] WIP - Tutorial\n- [ ] Testing - unit tests\n"
    assert statuses(text) == [
        ("Recursive parsers", "done"),
        ("Tutorial", "in_progress"),
        ("Testing - unit tests", "planned"),
    ]
    after = edited(tmp_path / "r.md", text, ("ship", "Tutorial"))
    assert after.splitlines()[3] == "- [x] COMPLETED - Tutorial"


def test_a_glyph_and_its_words_before_a_bracket_s_note_say_the_status() -> None:
    """A phase headed "## Phase 1: Content (🚧 IN PROGRESS - Sprint 1 Complete)": the glyph
    and the words before the dash say the status, the rest is a note, as "(in progress,
    @kim)" is; the note's own "Complete" is the sprint's."""
    text = (
        "# R\n\n## Phase 1: Content (🚧 IN PROGRESS - Sprint 1 Complete)\n\n"
        "- Search (✅ Done, @kim)\n- Sync (🚧 WIP; needs #3)\n"
    )
    assert statuses(text) == [
        ("Phase 1: Content", "in_progress"),
        ("Search", "done"),
        ("Sync", "in_progress"),
    ]


def test_work_started_and_blocked_by_after_a_dash_refine_an_open_box() -> None:
    """GoCV marks modules "- [ ] **Clustering - WORK STARTED**. The following functions
    still need implementation:" (a note after the stop), a robot's todo board "- [ ] IMU
    testing — **Blocked by**: MPU6050 not wired" (the reason after the colon)."""
    text = (
        "# R\n\n- [ ] **Clustering - WORK STARTED**. The following functions still need work:\n"
        "- [ ] IMU testing — **Blocked by**: MPU6050 not wired\n- [ ] Calibration\n"
    )
    assert statuses(text) == [
        ("Clustering", "in_progress"),
        ("IMU testing", "blocked"),
        ("Calibration", "planned"),
    ]


def test_a_heading_of_what_will_not_be_done_is_no_work_of_its_own() -> None:
    """ "### 🚫 Explicitly NOT Planned (Outside Scope)" titles the crosses under it, which
    drop their work; it names no work itself."""
    text = (
        "# R\n\n### 🚫 Explicitly NOT Planned (Outside Solo Research Scope)\n"
        "- ❌ **Cloud storage** - stays local\n- ❌ **Team management** - solo tool\n"
    )
    assert statuses(text) == [
        ("Cloud storage - stays local", "dropped"),
        ("Team management - solo tool", "dropped"),
    ]


def test_an_empty_square_button_is_an_open_box_and_working_on_is_under_way() -> None:
    """A plan lists its next steps "- 🔲 `neo git sync`" beside "- ✅" ones, as a box not
    yet ticked; a bridge's tasks say "(Working on)"."""
    text = (
        "# R\n\n- ✅ `neo init`\n- 🔲 `neo git sync` - pull and push\n- [ ] Context (Working on)\n"
    )
    assert statuses(text) == [
        ("neo init", "done"),
        ("neo git sync - pull and push", "planned"),
        ("Context", "in_progress"),
    ]


def test_starting_a_task_again_under_a_finished_heading_is_no_change_to_other_work(
    tmp_path: Path,
) -> None:
    """ "## Telegram bridge ✅" over ticked boxes is finished work; one task started again
    leaves an open box under it, and the heading reads as the list it titles. That is the
    edit's own doing, not other work changed behind the user's back: it goes through. A
    numbered step of a plan ("## Phase 1 ✅") says done still, a task left open or not."""
    text = "# R\n\n## Telegram bridge ✅\n\n- [x] Telethon client\n- [x] Knowledge graph\n"
    after = edited(tmp_path / "r.md", text, ("start", "Knowledge graph"))
    assert after.splitlines()[5] == "- [ ] Knowledge graph (in progress)"
    assert statuses(after) == [("Telethon client", "done"), ("Knowledge graph", "in_progress")]
    step = text.replace("Telegram bridge", "Phase 1")
    after = edited(tmp_path / "s.md", step, ("start", "Knowledge graph"))
    assert statuses(after) == [
        ("Phase 1", "done"),
        ("Telethon client", "done"),
        ("Knowledge graph", "in_progress"),
    ]


def test_a_bracketed_status_before_a_bracketed_note_says_the_status(tmp_path: Path) -> None:
    """A bridge's tasks end "(working on) (Branch: Multiple Messages)": the status in the
    brackets before the note's. An edit sets it in place and keeps the note."""
    text = "# R\n\n- [ ] Summaries (working on) (Branch: Multiple Messages)\n- Auth (OAuth) (v2)\n"
    assert statuses(text) == [("Summaries", "in_progress")]
    after = edited(tmp_path / "r.md", text, ("ship", "Summaries"))
    assert after.splitlines()[2] == "- [x] Summaries (completed) (Branch: Multiple Messages)"


def test_a_box_ticked_in_part_is_work_under_way(tmp_path: Path) -> None:
    """ "- [~] FSDP — wired, e2e pending": a box GFM draws none for, ticked in part, where no
    legend keys it (one that does still says what it keys). It had no status. Shipped, it
    is a task's ticked box; blocked, an open one with its tag."""
    text = "# R\n\n## Work\n\n- [x] Tokenizer\n- [~] FSDP — wired, e2e pending\n- [ ] Docs\n"
    assert statuses(text) == [
        ("Tokenizer", "done"),
        ("FSDP — wired, e2e pending", "in_progress"),
        ("Docs", "planned"),
    ]
    keyed = "# R\n\n**Legend:** [~] future | ✅ done\n\n- [~] FSDP\n"
    assert statuses(keyed) == [("FSDP", "future")]
    assert "- [x] FSDP — wired" in edited(tmp_path / "r.md", text, ("ship", "FSDP"))
    blocked = edited(tmp_path / "b.md", text, ("block", "FSDP"))
    assert "- [ ] FSDP — wired, e2e pending (blocked)\n" in blocked


@pytest.mark.parametrize(
    ("text", "operation", "line"),
    [
        ("# R\n\n### [~] FSDP\n\n### [x] Tokenizer\n", "ship", "### [x] FSDP"),
        ("# R\n\n### [✓] FSDP\n\n### [ ] Tokenizer\n", "block", "### [ ] FSDP (blocked)"),
        ("# R\n\n1. [~]\tFSDP\n2. [x] Tokenizer\n", "ship", "1. [x]\tFSDP"),
    ],
)
def test_a_box_gfm_draws_none_for_is_set_where_it_is_read(
    tmp_path: Path, text: str, operation: str, line: str
) -> None:
    """A heading opening with "[~]" or "[✓]" read in progress or done, and no edit could
    find its marker; after a list item's "[~]", the tab the author wrote became a blank."""
    assert line in edited(tmp_path / "r.md", text, (operation, "FSDP")).splitlines()


def test_work_waiting_on_its_test_or_review_is_under_way() -> None:
    """toxcore's TODO writes "- [ ] [NEEDS TESTING] UPnP port forwarding." beside "[IN
    PROGRESS]" and "[TODO]": built, not yet tested, it read planned (its box) with the tag
    in its title."""
    text = (
        "# TODO\n\n- [ ] [NEEDS TESTING] UPnP port forwarding.\n- [ ] [TODO] NAT-PMP.\n\n"
        "| Feature | Status |\n|---|---|\n| Sync | Needs review |\n| Login | Awaiting review |\n"
    )
    assert statuses(text) == [
        ("UPnP port forwarding.", "in_progress"),
        ("NAT-PMP.", "planned"),
        ("Sync", "in_progress"),
        ("Login", "in_progress"),
    ]
    assert statuses("# T\n\n- Needs testing of the parser\n") == []


TABLE_STRUCK = (
    "# Roadmap\n\n## ✅ v0.1.x\n\n| Feature | Description |\n|---|---|\n"
    "| ~~**Resize**~~ | ~~Resize by width or height~~ |\n"
    "| ~~**Batch Processing**~~ | ~~Whole folders at once~~ |\n\n"
    "## v0.2.0\n\n| Feature | Description |\n|---|---|\n| **Rotate** | By 90° |\n"
)


def test_struck_rows_of_a_table_that_marks_nothing_done_are_done(tmp_path: Path) -> None:
    """An image tool strikes each shipped row of its feature tables through ("| ~~**Resize**~~
    | ~~…~~ |") and marks nothing done any other way: its 11 shipped features had no
    status. A struck row is set by hand (the edits say so, as they do for a struck row
    beside a Status column), and shipping another leaves the struck ones done."""
    assert statuses(TABLE_STRUCK) == [
        ("v0.1.x", "done"),
        ("Resize", "done"),
        ("Batch Processing", "done"),
    ]
    lone = "# R\n\n| Feature | Note |\n|---|---|\n| ~~Old API~~ | gone |\n| New API | |\n"
    assert statuses(lone) == []  # one struck row is no way of writing done
    # rows struck in part are no rows crossed off: an API's old routes beside the new
    # ones, a dropped row that says so; the struck list item there says nothing either
    partly = (
        "# R\n\n| Old | New |\n|---|---|\n| ~~v1/users~~ | v2/users |\n"
        "| ~~v1/teams~~ | v2/teams |\n| ~~Old sync~~ | Dropped |\n\n## Notes\n\n"
        "- ~~Use Redis~~\n- Use SQLite\n"
    )
    assert statuses(partly) == []
    path = tmp_path / "roadmap.md"
    with pytest.raises(UsageError, match="strikethrough"):
        edited(path, TABLE_STRUCK, ("start", "Resize"))
    assert edited(path, TABLE_STRUCK, ("ship", "Resize")) == TABLE_STRUCK  # done already
    shipped = edited(path, TABLE_STRUCK, ("ship", "Rotate"))
    assert "| ✅ **Rotate** | By 90° |" in shipped
    assert statuses(shipped)[1:3] == [("Resize", "done"), ("Batch Processing", "done")]


WAITING = (
    "# R\n\n### Phase 2 🔄\n\n**Status**: IN PROGRESS\n\n- 🔄 Half-edge meshes\n"
    "- ⏳ Modeling tools\n- ⏳ Undo\n- ⏳ File I/O\n\n### Phase 3\n\n**Status**: PLANNED\n\n"
    "- ⏳ Subdivision surfaces\n\n#### Tools\n\n- ⏳ Booleans\n\n### Pendiente\n\n- ⏳ Login\n"
)


def test_an_hourglass_under_a_heading_that_says_planned_is_work_waiting(tmp_path: Path) -> None:
    """A 3D modeller's phases that say "**Status**: PLANNED" list their work "- ⏳ …", and a
    Spanish roadmap lists its "Pendiente" work so: all of it read as under way. Under a
    heading that says planned, an hourglass is work waiting its turn; under one in progress
    (Phase 2) it is work under way, as by default. Setting the phase's status leaves its
    waiting work waiting, unless the phase starts."""
    assert statuses(WAITING) == [
        ("Phase 2", "in_progress"),
        ("Half-edge meshes", "in_progress"),
        ("Modeling tools", "in_progress"),
        ("Undo", "in_progress"),
        ("File I/O", "in_progress"),
        ("Phase 3", "planned"),
        ("Subdivision surfaces", "planned"),
        ("Booleans", "planned"),
        ("Login", "planned"),
    ]
    path = tmp_path / "roadmap.md"
    # started, it is marked as work under way is where an hourglass may wait: 🔄, not ⏳
    started = edited(path, WAITING, ("start", "Subdivision surfaces"))
    assert "- 🔄 Subdivision surfaces\n" in started
    blocked = edited(path, WAITING, ("block", "Phase 3"))
    assert ("Subdivision surfaces", "planned") in statuses(blocked)
    # the phase started, the work it holds reads anew: under way
    phase = edited(path, WAITING, ("start", "Phase 3"))
    assert "**Status**: IN PROGRESS\n\n- ⏳ Subdivision surfaces" in phase
    assert ("Subdivision surfaces", "in_progress") in statuses(phase)


@pytest.mark.parametrize(
    "text",
    [
        # the list marks work not started its own way: its hourglass is work under way
        "# R\n\n## v0.3 (Planned)\n\n- ✅ A\n- ⏳ B\n- 📋 C\n",
        "# R\n\n## v0.3 (Planned)\n\n- [ ] A\n- ⏳ B\n",
        # part of work under way, or under a label that says so
        "# R\n\n### Phase 3\n\n**Status**: PLANNED\n\n- 🚧 Auth\n  - ⏳ B\n",
        "# R\n\n### Phase 3\n\n**Status**: PLANNED\n\n**In Progress:**\n- ⏳ B\n",
    ],
)
def test_an_hourglass_among_marks_that_say_otherwise_is_under_way(text: str) -> None:
    assert ("B", "in_progress") in statuses(text)


def test_an_hourglass_shortcode_waits_as_the_glyph_does() -> None:
    assert statuses("# R\n\n## Pendiente\n\n- :hourglass_flowing_sand: Login\n") == [
        ("Login", "planned")
    ]


def test_a_check_beside_a_word_that_says_ready_to_use_is_done(tmp_path: Path) -> None:
    """A podcast search plan's Dependencies table says "✅ Ready" of each service it uses:
    ready to use, done (it was read by its word, as work ready to start). "✅ Planned" and
    a plain "Ready" still say what their words say."""
    text = (
        "# R\n\n## Dependencies\n\n| Dependency | Status |\n|---|---|\n"
        "| OpenAI API | ✅ Ready |\n| CDN | ✅ **Available** |\n| Search | ✅ Planned |\n"
        "| Queue | Ready |\n"
    )
    assert statuses(text) == [
        ("OpenAI API", "done"),
        ("CDN", "done"),
        ("Search", "planned"),
        ("Queue", "planned"),
    ]
    blocked = edited(tmp_path / "roadmap.md", text, ("block", "OpenAI API"))
    assert "| OpenAI API | ⛔ Blocked |" in blocked


def test_a_check_beside_current_says_a_document_is_up_to_date() -> None:
    """A CRM roadmap's Document Index says "✅ Current" of itself: up to date, done (its weak
    word read it as under way); "Current" alone and "🚧 Current" still say under way."""
    text = (
        "# R\n\n| Document | Status |\n|---|---|\n| This document | ✅ Current |\n"
        "| Phase 2 | Current |\n| Phase 3 | 🚧 Current |\n"
    )
    assert statuses(text) == [
        ("This document", "done"),
        ("Phase 2", "in_progress"),
        ("Phase 3", "in_progress"),
    ]


def test_work_tagged_a_future_enhancement_is_future() -> None:
    """An n8n linter plans "- [ ] Develop automated update workflow (future enhancement)" and
    heads a section "### Future Enhancement: Automated Schema Updates": later work, which
    read as planned (its box) and as no work."""
    text = (
        "# R\n\n## Plan\n\n- [ ] Develop automated update workflow (future enhancement)\n\n"
        "### Future Enhancement: Automated Schema Updates\n\nUsing n8n itself.\n"
    )
    assert statuses(text) == [
        ("Develop automated update workflow", "future"),
        ("Automated Schema Updates", "future"),
    ]


def test_an_optional_task_s_box_is_a_box_and_edits_keep_its_star(tmp_path: Path) -> None:
    """Spec-driven task lists mark optional tasks with a star after the box, "- [ ]* 4.3
    Write property test" (GFM draws no box there): read as nothing, 6 of a tracker's 48
    tasks were lost. The box is the task's, the star no part of its title, and an edit
    sets the box and keeps the star."""
    text = "# Tasks\n\n- [x] 4.1 Build display\n- [ ]* 4.3 Write property test\n- [x]* 4.4 Docs\n"
    assert statuses(text) == [
        ("4.1 Build display", "done"),
        ("4.3 Write property test", "planned"),
        ("4.4 Docs", "done"),
    ]
    shipped = edited(tmp_path / "roadmap.md", text, ("ship", "4.3 Write property test"))
    assert "- [x]* 4.3 Write property test\n" in shipped
    started = edited(tmp_path / "roadmap.md", text, ("start", "4.4 Docs"))
    assert "- [ ]* 4.4 Docs (in progress)\n" in started
    tabbed = edited(tmp_path / "roadmap.md", "# T\n\n- [ ]*\t4.5 Tabbed\n", ("start", "4.5 Tabbed"))
    assert "- [ ]*\t4.5 Tabbed (in progress)\n" in tabbed  # its tab kept
    # a star after a word is emphasis, not an optional box
    assert statuses("# T\n\n- [ ]*not* optional\n") == []


def test_a_column_headed_implemented_ticks_rows_and_one_of_words_is_no_status(
    tmp_path: Path,
) -> None:
    """A German NAS plan heads its stack "| Komponente | Geplant | Implementiert |": the
    planned column names what was planned ("Ubuntu"), the implemented one ticks what was
    built, a note after the check or not ("✅ pgvector"); "🔲" there is not built yet. An
    edit never writes a check over the planned column's words, and keeps a check's note."""
    text = (
        "# NAS\n\n| Komponente | Geplant | Implementiert |\n|---|---|---|\n"
        "| OS | Ubuntu | ✅ |\n| DB | Postgres | ✅ pgvector |\n| AI | Torch | 🔲 |\n"
    )
    assert statuses(text) == [("OS", "done"), ("DB", "done"), ("AI", "planned")]
    blocked = edited(tmp_path / "roadmap.md", text, ("block", "DB"))
    assert "| ⛔ DB | Postgres | pgvector |\n" in blocked
    shipped = edited(tmp_path / "roadmap.md", text, ("ship", "AI"))
    assert "| AI | Torch | ✅ |\n" in shipped
    english = text.replace("Geplant", "Planned").replace("Implementiert", "Done")
    roadmap = milepost.loads(english)
    (os_row,) = [i for i in roadmap.items if i.title == "OS"]
    after = apply(roadmap.document.source, ops.set_status(roadmap, os_row, Status.PLANNED).patches)
    assert "| Ubuntu |" in after.text  # the planned column's words stay


def test_a_done_column_s_checks_with_notes_and_crosses(tmp_path: Path) -> None:
    """A check an edit writes is the mark alone, not another row's note ("✅ 2024-05-01"); a
    column of checks and crosses ("✔", "✗") stays one; notes left where checks were taken
    away keep the column whole; a glyph saying not done ("🔲") or a check's note that is a
    check itself ("✅ Yes") goes with the check."""
    dated = (
        "# R\n\n| Task | Done |\n|---|---|\n| Login | ✅ 2024-05-01 |\n"
        "| Search | ✅ 2024-05-01 |\n| Export | [ ] |\n"
    )
    assert "| Export | ✅   |\n" in edited(tmp_path / "roadmap.md", dated, ("ship", "Export"))
    crossed = "# R\n\n| Task | Done |\n|---|---|\n| Login | ✔ |\n| Search | ✗ |\n| Export | ✗ |\n"
    assert statuses(crossed) == [("Login", "done")]
    noted = (
        "# R\n\n| Task | Done |\n|---|---|\n| A | ✅ pgvector |\n| B | ✅ Redis |\n"
        "| C | ✅ SQS |\n| D | ✅ |\n"
    )
    started = edited(tmp_path / "roadmap.md", noted, ("start", "A"), ("start", "B"), ("start", "C"))
    assert "| 🚧 C | SQS |\n| D | ✅ |\n" in started
    assert ("D", "done") in statuses(started)
    marks = "# R\n\n| Feature | Implemented |\n|---|---|\n| Stop | 🔲 |\n| Login | ✅ Yes |\n"
    assert "| 🚧 Stop |   |\n" in edited(tmp_path / "roadmap.md", marks, ("start", "Stop"))
    assert "| 🚧 Login |       |\n" in edited(tmp_path / "roadmap.md", marks, ("start", "Login"))
