"""A status glyph and its words ending an item or a heading ("Tool registry ✅ COMPLETE",
"### 1.1 Tool Metadata (2 days) 🚧 IN PROGRESS"), a dash tag with a decoration after it
("- DONE! 🎉"), and the edits that set them in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from milepost import api
from tests.test_extract_status_places import edited, statuses

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Tool registry ✅ COMPLETE", ("Tool registry", "done")),
        ("- Graph builder 🚧 IN PROGRESS", ("Graph builder", "in_progress")),
        ("- Sync 🔄 in progress @kim", ("Sync", "in_progress")),
        # the words win over the glyph, a decoration or a status glyph
        ("- Fix tests ⚠️ PARTIALLY COMPLETED (some remain)", ("Fix tests", "in_progress")),
        ("- ✅ Search 🚧 In progress", ("Search", "in_progress")),
        # a dash tag with a decoration after it
        ("- Packaging - DONE! 🎉", ("Packaging", "done")),
        ("- Packaging - FULLY COMPLETED! 🎉", ("Packaging", "done")),
        # a dash tag a glyph opens: its words, else the glyph with a share and a note
        ("- Tool registry - ✅ Done", ("Tool registry", "done")),
        ("- Multilingue (i18n) - ✅ 100% COMPLET (v10.1)", ("Multilingue (i18n)", "done")),
        ("- Edit Proposals - ✅ 100% (v10.0)", ("Edit Proposals", "done")),
        ("- Reviews - 🔄 Partially complete", ("Reviews", "in_progress")),
        # a check mark ending the item, a note in brackets after it
        ("1. ~~CI/CD~~ ✅ (adiantado)", ("CI/CD", "done")),
    ],
)
def test_a_glyph_and_its_words_ending_an_item_say_its_status(
    line: str, expected: tuple[str, str]
) -> None:
    assert statuses(f"# T\n\n## Work\n\n{line}\n") == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "- Get search done",  # words alone at the end are prose
        "- Deploy 🚀 Production",  # no status word
        "- Offline mode - ✅ Works without a network",  # words after the glyph, no status
        "- Calendar 🗓️ (soon)",  # a topical emoji before a note
        # an arrow leads to a status ("pending → done → blocked"), it says none
        "- Status tracking: pending → in_progress → done → blocked",
        # a folder mapped to a status
        "- `features/active/` → 🔄 In Progress",
    ],
)
def test_words_after_a_glyph_that_say_no_status_of_the_item_are_none(line: str) -> None:
    assert statuses(f"# T\n\n## Work\n\n{line}\n") == []


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## Phase 1: Tool Registry (MVP) ✅ COMPLETE", ("Phase 1: Tool Registry (MVP)", "done")),
        (
            "### 1.1 Tool Metadata (2 days) 🚧 IN PROGRESS",
            ("1.1 Tool Metadata (2 days)", "in_progress"),
        ),
        ("### OpenRouter Integration - DONE! 🎉", ("OpenRouter Integration", "done")),
    ],
)
def test_a_glyph_tag_ending_a_heading_makes_it_a_deliverable(
    heading: str, expected: tuple[str, str]
) -> None:
    """TVScoundrel/agentforge heads each phase "## Phase 1: Tool Registry (MVP) ✅ COMPLETE";
    such headings were read as no status at all."""
    assert statuses(f"# T\n\n{heading}\n\nGoals.\n") == [expected]


def test_a_time_with_a_status_tag_is_a_status_heading() -> None:
    text = "# T\n\n## Q1 2025 (Completed)\n\n- RAG agents\n\n## Q3 2025 ✅ Done\n\n- SDK\n"
    assert statuses(text) == [("RAG agents", "done"), ("SDK", "done")]


def test_a_ticked_box_said_to_be_partly_done_is_in_progress() -> None:
    """callmedayz ticks work it calls partly done: "- [x] ~~Team features~~ 🔄 PARTIALLY
    COMPLETED"."""
    text = "# T\n\n- [x] ~~Team features~~ 🔄 PARTIALLY COMPLETED (basic versioning)\n- [x] Done\n"
    assert statuses(text) == [("Team features", "in_progress"), ("Done", "done")]


@pytest.mark.parametrize(
    ("line", "operation", "after"),
    [
        ("- Tool registry 🚧 IN PROGRESS", "block", "- Tool registry ⛔ BLOCKED"),
        ("- Sync 📋 Planned @kim", "start", "- Sync 🚧 In Progress @kim"),
        ("### 1.1 Tool Metadata 🚧 IN PROGRESS", "drop", "### 1.1 Tool Metadata ❌ DROPPED"),
        ("- Search - ✅ Done", "start", "- Search - 🚧 In Progress"),
        # the check mark that ends it goes, its note stays
        ("- Search ✅ (v2)", "block", "- ⛔ Search (v2)"),
    ],
)
def test_an_edit_sets_a_glyph_tag_in_place(
    tmp_path: Path, line: str, operation: str, after: str
) -> None:
    text = f"# T\n\n## Work\n\n{line}\n"
    assert edited(tmp_path / "roadmap.md", text, (operation, line.split()[1])) == (
        f"# T\n\n## Work\n\n{after}\n"
    )


def test_an_item_its_own_marker_says_is_in_progress_is_not_touched_by_start(
    tmp_path: Path,
) -> None:
    """Starting work a ticked box's words call partly done changed its box to "[ ]": it is
    in progress already, and an edit changes only the lines it must."""
    text = "# T\n\n- [x] ~~Fix tests~~ ⚠️ PARTIALLY COMPLETED (some remain)\n"
    path = tmp_path / "roadmap.md"
    path.write_text(text, encoding="utf-8")
    result = api.edit(path, "start", item="Fix tests", today=TODAY)
    assert not result.written and not result.diff
    assert path.read_text(encoding="utf-8") == text


def test_a_white_square_is_work_not_started() -> None:
    """Qanto leads the work of a planned phase with ⬜, MiracleDb's Status cells say "⬜" for
    planned: an empty square beside ✅, work to do (a bar of them is no status of its own
    but its share: "⬜⬜⬜⬜⬜ 0%")."""
    text = (
        "# T\n\n## Work\n\n- ⬜ Mobile SDK\n- ✅ Wallet\n\n| Feature | Status |\n|---|---|\n"
        "| Raft consensus | ⬜ |\n| Sharding | 🟩🟩🟩⬜⬜ 60% |\n"
    )
    assert statuses(text) == [
        ("Mobile SDK", "planned"),
        ("Wallet", "done"),
        ("Raft consensus", "planned"),
    ]


def test_a_label_after_an_open_box_refines_it_in_any_case(tmp_path: Path) -> None:
    """ha-fusion notes ideas as "- [ ] idea: custom map": the box says a task, the label
    what it is (only labels in capitals were read); a label that is no status ("docs:") says
    nothing. An edit sets the label in place."""
    text = (
        "# T\n\n## Work\n\n- [ ] idea: dark mode\n- [ ] wip: search\n- [ ] docs: readme\n"
        "- [ ] **Testing**: unit tests\n- [ ] **WIP**: export\n- [ ] **IDEA**: Settings app\n"
    )
    assert statuses(text) == [
        ("dark mode", "future"),
        ("search", "in_progress"),
        ("docs: readme", "planned"),
        ("Testing: unit tests", "planned"),  # a topic in bold: a weak word says no state
        ("export", "in_progress"),
        ("Settings app", "future"),  # in capitals it is a label, as a window manager writes
    ]
    after = edited(tmp_path / "roadmap.md", text, ("start", "dark mode"))
    assert "- [ ] wip: dark mode\n" in after


def test_a_dash_tag_with_a_note_after_it_is_read() -> None:
    text = "# T\n\n- [~] Multi-channel reminders - in progress (Telegram done, web push pending)\n"
    # the box ticked in part says it too, and is no part of the title
    assert statuses(text) == [("Multi-channel reminders", "in_progress")]


def test_an_empty_box_drawn_as_a_glyph_is_work_not_started() -> None:
    """cybergarage/puzzledb lists its work as "✓ done" and "❏ to do" (the box word
    processors draw): ❏ had no status."""
    text = "# T\n\n- ✓ Added Redis plug-in\n  - ❏ Added TLS support\n- ❏ GUI Console\n"
    assert statuses(text) == [
        ("Added Redis plug-in", "done"),
        ("Added TLS support", "planned"),
        ("GUI Console", "planned"),
    ]


def test_ballot_boxes_are_a_task_list_drawn_as_glyphs() -> None:
    """GeneFinder.jl ticks its roadmap with ballot boxes, "☒ Finding ORFs", "☐ EasyGene":
    neither had a status. A bar of them, a progress column's "☐☐☐☐☐", says none."""
    text = "# T\n\n-   ☒ Finding ORFs\n-   ☐ EasyGene\n"
    assert statuses(text) == [("Finding ORFs", "done"), ("EasyGene", "planned")]
    bar = "# T\n\n| Track | Progress |\n|---|---|\n| Breakout | ☐☐☐☐☐☐☐☐☐☐ |\n"
    assert statuses(bar) == []


def test_a_circle_partly_filled_is_work_partly_done() -> None:
    """ "◔ ◐ ◕", a quarter, a half, three quarters filled: in progress, leading an item or
    after its name as "✅" would be."""
    text = (
        "# T\n\n## ○◔◐◕ | Pendings\n\n- **Validation API** | ◕ | ProblemDetails interface\n"
        "- **Sponsors page** | ◔\n- ◐ Search\n"
    )
    assert statuses(text) == [
        ("Validation API", "in_progress"),
        ("Sponsors page", "in_progress"),
        ("Search", "in_progress"),
    ]


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("- SQL Editor - **COMPLETE** *v0.0.1*", "done"),  # a version alone after the status
        ("- SQL Editor (done v2)", "done"),
        ("- ⏳ Stable public API — PLANNED v1.0", "planned"),  # the words win over the glyph
        ("- [ ] Build docs (Under Progress)", "in_progress"),
    ],
)
def test_a_tag_with_a_version_after_its_status_or_in_other_words_is_read(
    line: str, status: str
) -> None:
    (said,) = statuses(f"# T\n\n## Work\n\n{line}\n")
    assert said[1] == status


def test_progress_alone_is_a_status_only_in_a_status_cell() -> None:
    """databend's Status column says PROGRESS and PLANNING; a Progress column and a
    "**Progress:**" label stay what they were, and "(Current - v0.1.0)" stays no tag (a weak
    word is weak with a dash after it too)."""
    text = (
        "# T\n\n## Progress\n\n- **Progress:** 3 of 5 tasks\n- Sync - progress\n\n"
        "| Feature | Status |\n|---|---|\n| Query cluster | PROGRESS |\n| Windows | PLANNING |\n\n"
        "| Feature | Progress |\n|---|---|\n| Export | In Progress (60%) |\n\n"
        "### Alpha Release (Current - v0.1.0)\n"
    )
    assert statuses(text) == [
        ("Query cluster", "in_progress"),
        ("Windows", "planned"),
        ("Export", "in_progress"),
    ]


def test_work_unimplemented_or_partly_implemented_in_a_status_cell() -> None:
    text = (
        "# T\n\nProposal | Began | Status\n--- | --- | ---\n"
        "Directory format | 1 May 2022 | Unimplemented\n"
        "Multiple source files | 1 May 2022 | Partly implemented\n"
    )
    assert statuses(text) == [
        ("Directory format", "planned"),
        ("Multiple source files", "in_progress"),
    ]


def test_a_status_in_capitals_ending_an_item_is_its_tag(tmp_path: Path) -> None:
    """The YAML Form roadmap marks finished work "- Customizable reports **DONE**": no dash
    or bracket before it, and it was read as no status. Capitals after a sentence's word
    ("not just DONE"), an arrow, or a note to fill ("marked TODO") are no tag."""
    text = (
        "# T\n\n## Work\n\n- Customizable reports **DONE**\n- Select2 support. DONE\n"
        "- [ ] Collapse for ALL tasks not just DONE\n- Implementation → IN PROGRESS\n"
        "- Handler exists but marked TODO\n- Support for AWS\n"
    )
    assert statuses(text) == [
        ("Customizable reports", "done"),
        ("Select2 support.", "done"),
        ("Collapse for ALL tasks not just DONE", "planned"),
    ]
    after = edited(tmp_path / "roadmap.md", text, ("start", "Customizable reports"))
    assert "- Customizable reports **IN PROGRESS**\n" in after


def test_a_footnote_mark_may_follow_a_status_in_capitals(tmp_path: Path) -> None:
    """A build team's roadmap ends two items "<span>DROPPED*</span>", the asterisk keyed to a
    footnote below: they were read as no status. An edit sets the words and keeps the mark."""
    text = (
        "# Build API\n\n## Q1\n\n*   Clang modules support, DROPPED*\n"
        '*   Include scanning, <span class="dropped">DROPPED*</span>\n'
        "*   Header checks, DONE†\n*   A *note* on footnotes\n"
    )
    assert statuses(text) == [
        ("Clang modules support", "dropped"),
        ("Include scanning", "dropped"),
        ("Header checks", "done"),
    ]
    after = edited(tmp_path / "roadmap.md", text, ("start", "Clang modules"))
    assert "*   Clang modules support, IN PROGRESS*\n" in after


def test_a_share_done_in_brackets_says_in_progress_whatever_glyph_is_beside_it() -> None:
    """basher83 tags each phase with its share done: "(✅ 95% Complete)" is in progress, the
    words win over the check mark; "(🆕 65% Complete)" too, whose glyph says nothing."""
    text = (
        "# R\n\n## Phase 1: Foundation (✅ 95% Complete)\n\n## Phase 2: Split (🆕 65% Complete)\n"
        "\n- Search (✅ 100% done)\n"
    )
    assert statuses(text) == [
        ("Phase 1: Foundation", "in_progress"),
        ("Phase 2: Split", "in_progress"),
        ("Search", "done"),
    ]


def test_coming_soon_and_partial_in_brackets_after_an_item_are_its_status() -> None:
    """Words that say a status only where one is expected (a cell, a tag) say it in brackets
    after an item: "(coming soon)" beats the ⏳ before it; "(current)" in brackets says no
    status, nor "coming soon" in prose."""
    text = (
        "# R\n\n- ⏳ Postmortem reports from alert data (coming soon)\n"
        "- Offline sync (partial)\n- Release notes (Upcoming)\n- Alpha 4 (current)\n"
        "- Themes are coming soon\n- [x] Exportação (parcial)\n"
    )
    assert statuses(text) == [
        ("Postmortem reports from alert data", "planned"),
        ("Offline sync", "in_progress"),
        ("Release notes", "planned"),
        ("Exportação", "in_progress"),  # ticked, but only partly done
    ]


def test_a_glyph_and_its_status_in_brackets_may_say_when_after_a_dash() -> None:
    """ "(📅 Planned - Q1 2025)": the time after the words is when, not part of the status."""
    text = (
        "# R\n\n### v0.3.0 - User Management (📅 Planned - Q1 2025)\n\n"
        "### Milestone 1: Developer Preview (✅ Completed - Dec 2025)\n"
    )
    assert statuses(text) == [
        ("v0.3.0 - User Management", "planned"),
        ("Milestone 1: Developer Preview", "done"),
    ]
