"""What is no item, whatever marker it holds (LABELS.md rule 4): a table of contents, a list
whose glyphs decorate it, a heading a calendar dates."""

from __future__ import annotations

import milepost


def statuses(text: str) -> list[tuple[str, str, int]]:
    return [
        (i.title, i.status.value, i.span.first_line) for i in milepost.loads(text).items if i.status
    ]


def test_a_table_of_contents_is_no_list_of_items() -> None:
    """argo-cd's contents list "- [✅ Performance](#-performance)" was read as done work
    beside the heading it links to, "### ✅ Performance": each finished item counted twice.
    An item that is one in-page link, whole, is an entry of the contents; the heading is
    the item."""
    text = (
        "# Roadmap\n\n- [Roadmap](#roadmap)\n  - [Completed](#completed)\n"
        "    - [✅ Performance](#-performance)\n    - [✅ ApplicationSet](#-applicationset)\n\n"
        "## Completed\n\n### ✅ Performance\n\nFaster syncs.\n\n### ✅ ApplicationSet\n\nSets.\n"
    )
    assert statuses(text) == [("Performance", "done", 10), ("ApplicationSet", "done", 14)]


def test_an_item_that_links_to_its_section_is_still_an_item() -> None:
    """An item with words or a marker of its own beside an in-page link is work, and a link
    to another page is no entry of this page's contents."""
    text = (
        "# Roadmap\n\n## Now\n\n- ✅ [Performance](#performance)\n"
        "- [Search](#search) (in progress)\n- [✅ Export](https://example.com/export)\n"
    )
    assert statuses(text) == [
        ("Performance", "done", 5),
        ("Search", "in_progress", 6),
        ("Export", "done", 7),
    ]


def test_a_status_glyph_among_glyphs_that_decorate_a_list_says_nothing() -> None:
    """anysecret's README lists its problems "- 📝 Boilerplate", "- 🚨 Migration nightmares",
    "- 🔄 Different APIs": 🔄 among them was read as work in progress. A repeated mark ("㉔"
    leading many items) is the document's own, and decorates nothing."""
    text = (
        "# T\n\n### The Problem\n\n- 🔄 **Different APIs** - AWS vs GCP\n"
        "- 📝 **Boilerplate** - the same logic\n- 🚨 **Migrations** - lock-in\n"
        "- 🔀 **Mixed configurations** - scattered\n"
        "- 🏗️ **Months of work** - your own layer\n\n## Roadmap\n\n- ㉔ Backups\n"
        "- ㉔ Sharding\n- ㉓ 🚧 Log store\n- ✅ Tiering\n"
    )
    assert statuses(text) == [("Log store", "in_progress", 15), ("Tiering", "done", 16)]


def test_a_calendar_plans_an_item_and_dates_a_heading() -> None:
    """📅 leads planned work ("- 📅 GraphQL API"); "## 📅 Release Milestones" or "## 📅
    发布时间表" titles the part of the document that says when, no deliverable."""
    text = (
        "# T\n\n## 📅 Release Milestones\n\n- 📅 GraphQL API\n\n## 📅 发布时间表\n\n"
        "## 📋 Timeline Estimate\n\nSoon.\n"
    )
    assert statuses(text) == [("GraphQL API", "planned", 5)]


def test_standards_and_counts_are_no_work() -> None:
    """A translation tracker's "## Quality Standards" lists what each translation must do
    with ✅ bullets, and its overview counts "- **Completed**: 3 (12%)": neither is work."""
    text = (
        "# T\n\n## Overview\n\n- **Completed**: 3 (12%)\n- **Pending**: 21 (84%)\n\n"
        "## Quality Standards\n\n- ✅ Keep code blocks unchanged\n\n## Work\n\n- ✅ Ethereum\n"
    )
    assert statuses(text) == [("Ethereum", "done", 14)]


def test_words_saying_a_status_heading_is_empty_are_no_work() -> None:
    """A generated board writes "- _No issues_" under each empty status heading: that is
    no blocked or finished work."""
    text = (
        "# Board\n\n### TODO\n- #5 Public dashboard\n\n### BLOCKED\n- _No issues_\n\n"
        "### DONE\n- None yet.\n- (none)\n- N/A\n"
    )
    assert statuses(text) == [("#5 Public dashboard", "planned", 4)]


def test_a_box_over_nothing_is_no_item() -> None:
    """A village builder's done list ends "- [x] " with nothing after the box: a careful
    reader counts no work there (GitHub draws no box for it either), and neither does an
    open box left empty. A box with words under it is still an item."""
    text = "# T\n\n## Done\n\n- [x] Farming\n- [x] \n- [ ]\n- [ ]\n  - [ ] Fishing\n"
    assert statuses(text) == [("Farming", "done", 5), ("Fishing", "planned", 9)]


def test_the_boxes_of_a_legend_list_are_no_work() -> None:
    """A roguelike's "## Legend" lists "- [x] Implemented" and "- [ ] Planned": each says
    what a box means, and was read as done and planned work. Under a legend's label, a box
    whose words are a status defines it; the boxes of the work after it keep their own
    meaning (an open box is planned however the legend words it)."""
    text = (
        "# Game\n\n## Legend\n\n- [ ] ==In Progress==\n- [x] Implemented\n- [ ] Planned\n\n"
        "## Combat\n\n- [x] Melee\n- [ ] Ranged\n"
    )
    assert statuses(text) == [("Melee", "done", 11), ("Ranged", "planned", 12)]


def test_an_emoji_before_a_document_info_heading_decorates_it() -> None:
    """A heading "## 📋 Document Info" titles the part of a roadmap that says who keeps it, as
    "## 📋 Feature Overview" does: no planned deliverable."""
    text = "# Roadmap\n\n## 📋 Document Info\n\n**Version:** 2\n\n## 📋 Metadata\n\nOwners.\n"
    assert statuses(text) == []


def test_a_heading_that_introduces_a_list_with_a_colon_is_a_part_of_the_document() -> None:
    """ "#### ✅ Tasks:" over open boxes titles the list under it (its check a decoration),
    however deep; "### ✅ Tasks" with no colon may still be a deliverable of that name."""
    text = "# Plan\n\n## Phase 1\n\n#### ✅ Tasks:\n\n- [ ] Study WCAG\n- [ ] Draft a spec\n"
    assert statuses(text) == [("Study WCAG", "planned", 7), ("Draft a spec", "planned", 8)]
    assert statuses("# Plan\n\n### ✅ Tasks\n") == [("Tasks", "done", 3)]


def test_criteria_under_success_criteria_named_for_a_phase_are_targets() -> None:
    """The ✅ under "### Phase 8 Success" or "### Phase 3 Completion (March 2026)", below
    "## Success Criteria", say what the phase must achieve: targets, no work done (a numbered
    phase there without those words is a step of the plan)."""
    text = (
        "# Roadmap\n\n## Success Criteria\n\n### Phase 8 Success (Video Display)\n"
        "- ✅ Window opens\n\n### Phase 3 Completion (March 1, 2026)\n\n**Must Have**:\n"
        "- ✅ Boot time <500ms\n\n### Phase 9\n- ✅ Input mapped\n"
    )
    assert statuses(text) == [("Input mapped", "done", 14)]
