"""Statuses that roadmap generators and small projects write where the list-item readings do
not look: a task box opening a heading, a status as the last pipe-parted field of a heading,
a legend list without separators, a decorated tag ("(👷WIP)"), criteria under "Complete
When" headings; and the edits that set each where it stands."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status
from tests.test_extract_status_places import edited


def statuses(text: str) -> list[tuple[str, str]]:
    return [(i.title, i.status.value) for i in milepost.loads(text).items if i.status is not None]


BOXED = """# Tool Roadmap

## v0.1.0 - Initial Release ✅

### [x] Renderer package

Renders the IR.

### [X] JSON schema

## v0.3.0 - Enhanced Output 📋

### [ ] HTML output format

### [ ] Watch mode (in progress)

## Future 💡

### [ ] Jira import

## Notes

### [RFC] Naming
"""


def test_a_box_opening_a_heading_is_its_status() -> None:
    assert statuses(BOXED) == [
        ("v0.1.0 - Initial Release", "done"),
        ("Renderer package", "done"),
        ("JSON schema", "done"),
        ("v0.3.0 - Enhanced Output", "planned"),
        ("HTML output format", "planned"),
        ("Watch mode", "in_progress"),  # a tag after the words refines the open box
        ("Jira import", "planned"),  # the status heading it is under does not: the box wins
    ]


PIPED = """# Roadmap for roadmap.py

## Objectives

### We provide a single, universal schema | ACHIEVED

##### [R1] | Provide a schema definition | MUST DONE

##### [R2] | Roadmap as XLS-File | MAY TODO

##### [R3] | Roadmap as HTML | MAY DONE

##### [D1] | csv-template | MUST DOING

##### Test Milestone 1 | IDEA

### We have exceptional documentation | COMMITED

## Tables | Figures
"""


def test_a_status_ending_a_heading_after_a_pipe_is_its_status() -> None:
    assert statuses(PIPED) == [
        ("We provide a single, universal schema", "done"),
        ("[R1] | Provide a schema definition", "done"),
        ("[R2] | Roadmap as XLS-File", "planned"),
        ("[R3] | Roadmap as HTML", "done"),
        ("[D1] | csv-template", "in_progress"),
        ("Test Milestone 1", "future"),
        # "COMMITED" names no status, "Figures" neither: no items
    ]


def test_a_legend_list_without_separators_defines_its_glyphs() -> None:
    text = (
        "# Roadmap\n\n## Short intro\n\n1. ❌ Canceled\n2. ⭕️ Done\n3. 🛠️ In Processing\n\n"
        "## Version 2.1.0\n\n- ❌ Crypto wrapper\n- ⭕️ Better web support\n- 🛠️ Better errors\n"
    )
    assert statuses(text) == [
        ("Crypto wrapper", "dropped"),
        ("Better web support", "done"),
        ("Better errors", "in_progress"),
    ]


@pytest.mark.parametrize(
    "work",
    [
        "- ✅ Search\n- 🚧 Sync\n",  # work, each a glyph and a name
        "- ✅ Done\n- ✅ Shipped\n",  # one glyph twice: work
        "- ✅ Search API\n- 🚧 In progress\n",  # one status among names: work
        "- ✅ **Partially complete:** Search\n- 📋 **Planned:** Export\n",  # labels, names
    ],
)
def test_glyph_lists_of_work_stay_work(work: str) -> None:
    assert len(statuses(f"# R\n\n## Now\n\n{work}")) == 2


def test_a_decorated_tag_says_its_words() -> None:
    text = (
        "# R\n\n## 0.2.0\n\n- [ ] Canvas API (👷WIP)\n- [ ] Text layout\n"
        "- Built-in markdown (👷WIP) - extend the parser\n"
    )
    assert statuses(text) == [
        ("Canvas API", "in_progress"),
        ("Text layout", "planned"),
        ("Built-in markdown", "in_progress"),
    ]


def test_criteria_under_complete_when_headings_and_verify_labels_are_no_work_done() -> None:
    text = (
        "# R\n\n## Phase 3\n\n**For all 8 games, verify:**\n- ✅ Loads the verse\n"
        "- ✅ Awards coins\n\n### Phase 0 Complete When:\n- ✅ Auth bug fixed\n"
        "- ✅ Offline mode works\n\n### Shipped\n- ✅ Login page\n\n## Success Definition\n\n"
        "The jcaldwell-labs organization improvement is **complete** when:\n\n"
        "1. ✅ All 9 repositories meet quality standards\n2. ✅ Health monitoring active\n"
    )
    assert statuses(text) == [("Login page", "done")]


@pytest.mark.parametrize(
    "heading",
    [
        "### Release Criteria",
        "### Silver Level Achievement Criteria:",
        "#### Completion Criteria",
        "### Goals",  # a milestone's goals, not started ("| Week 1 | ... | 🔲 Not Started |")
        "### 🎯 Key Objectives",
        "### 📊 Success Metrics",  # a quarter's, its work "**Status**: Not Started"
        "#### Key KPIs",
    ],
)
def test_ticks_under_a_heading_of_criteria_are_targets(heading: str) -> None:
    text = f"# R\n\n## v1.0\n\n{heading}\n\n- ✅ Docs complete\n- ✅ Benchmarks met\n"
    assert statuses(text) == []


def test_a_top_section_of_goals_may_tick_goals_reached() -> None:
    """A milestone's "### Goals" bulleted with check marks holds its targets; a roadmap's
    "## Goals" may tick the goals it has reached, beside others under way, and so may a
    milestone's, beside open ones ("- 🔲 Theme")."""
    text = "# R\n\n## Goals\n\n- ✅ Fast startup\n- 🚧 Plugin API\n"
    assert statuses(text) == [("Fast startup", "done"), ("Plugin API", "in_progress")]
    opened = "# R\n\n## Version 0.1.0\n\n### Goals\n- ✅ Project setup\n- 🔲 Theme\n"
    assert statuses(opened) == [("Project setup", "done"), ("Theme", "planned")]
    roadmap = "# R\n\n## Roadmap\n\n### Goals\n- ✅ Fast startup\n"  # under no milestone
    assert statuses(roadmap) == [("Fast startup", "done")]
    # the template's Success Metrics tick the targets met, and so do a shipped release's
    metrics = "# R\n\n## Success Metrics\n\n- ✅ Multi-turn support\n- ⏳ 0% errors\n"
    assert statuses(metrics) == [("Multi-turn support", "done"), ("0% errors", "in_progress")]
    shipped = "# R\n\n## v1.0 (Released)\n\n### Success Metrics\n\n- ✅ 1000 users\n"
    assert statuses(shipped) == [("v1.0", "done"), ("1000 users", "done")]
    # a bare "Metrics" under a phase may be the work's own area, shipped
    area = "# R\n\n## Phase 2: Observability\n\n### Metrics\n\n- ✅ Prometheus exporter\n"
    assert statuses(area) == [("Prometheus exporter", "done")]


def test_a_heading_tag_wins_over_the_glyph_before_the_heading() -> None:
    """As on an item, the words win: "## 📋 Phase 7 (Future)" is future, and so is a share
    done after the name ("(97% Complete)": in progress, the tag the edits set); a tag that
    agrees with the glyph changes nothing."""
    text = (
        "# R\n\n## 📋 Phase 7: Advanced Features (Future)\n\n### 🚧 Phase 1: Hardening (✅ "
        "COMPLETED)\n\n### ✅ Foundation - COMPLETED (97% Complete)\n\n### 🏗️ Core (Completed)\n"
    )
    assert statuses(text) == [
        ("Phase 7: Advanced Features", "future"),
        ("Phase 1: Hardening", "done"),
        ("Foundation - COMPLETED", "in_progress"),
        ("Core", "done"),
    ]


def test_ticks_under_the_topics_of_a_criteria_heading_are_targets() -> None:
    """ "## Testnet Success Criteria" over "### Technical" and "### Community": the topics
    part the criteria, they are no work; a status heading under it still says its own."""
    text = (
        "# R\n\n## 📝 Testnet Success Criteria\n\n### Technical\n- ✅ Network runs for 30 days\n"
        "- ✅ 10+ nodes participating\n\n### Community\n- ✅ Positive feedback received\n\n"
        "### Completed\n- Bootstrap nodes\n\n## Next\n\n### Wallet\n- ✅ Signing flow\n\n"
        "## Milestones and Success Criteria\n\n### v1.0\n- ✅ Login\n\n### Phase 2\n- ✅ Sync\n"
    )
    assert statuses(text) == [
        ("Bootstrap nodes", "done"),
        ("Signing flow", "done"),
        ("Login", "done"),  # a release or a numbered step of a plan is no topic of criteria
        ("Sync", "done"),
    ]


def test_the_deliverables_of_work_not_done_are_targets() -> None:
    text = (
        "# R\n\n## Phase 2: Add Content\n\n| Feature | Status |\n|---|---|\n"
        "| Missions | 🔴 Not Started |\n\n**Phase 2 Deliverables:**\n- ✅ 10 missions\n"
        "- ✅ 15 enemies\n\n## Phase 0: MVP ✅\n\n**Deliverables:**\n- ✅ Ship design\n"
    )
    assert statuses(text) == [
        ("Missions", "planned"),
        ("Phase 0: MVP", "done"),
        ("Ship design", "done"),
    ]


@pytest.mark.parametrize(
    ("operation", "item", "before", "after"),
    [
        ("ship", "HTML output format", "### [ ] HTML output format", "### [x] HTML output format"),
        ("start", "Jira import", "### [ ] Jira import", "### [ ] Jira import (in progress)"),
        (
            "start",
            "Renderer package",
            "### [x] Renderer package",
            "### [ ] Renderer package (in progress)",
        ),
        ("ship", "JSON schema", "### [X] JSON schema", "### [X] JSON schema"),
    ],
)
def test_an_edit_sets_a_heading_box(
    tmp_path: Path, operation: str, item: str, before: str, after: str
) -> None:
    written = edited(tmp_path / "roadmap.md", BOXED, (operation, item))  # already so: none
    assert written == BOXED.replace(before, after)


@pytest.mark.parametrize(
    ("operation", "item", "before", "after"),
    [
        ("ship", "Roadmap as XLS-File", "| MAY TODO", "| MAY DONE"),  # the document's most used
        ("drop", "csv-template", "| MUST DOING", "| MUST DROPPED"),
        ("start", "Test Milestone 1", "Test Milestone 1 | IDEA", "Test Milestone 1 | DOING"),
    ],
)
def test_an_edit_sets_a_pipe_tag_in_place(
    tmp_path: Path, operation: str, item: str, before: str, after: str
) -> None:
    written = edited(tmp_path / "roadmap.md", PIPED, (operation, item))
    assert written == PIPED.replace(before, after)


LINKED = (
    "# Roadmap\n\n## Milestone 16, version 12.0.0 (Released May 14th, 2021) [Release Blog]"
    "(https://example.org/12)\n\n1. **[DONE]** Grid\n\n## Milestone 17 (Planned) [Blog]"
    "(https://example.org/17) [Notes](https://example.org/n)\n\n1. Charts\n\n"
    "## 📋 Milestone 18 (Future) *[Spec](https://example.org/s)*\n\n"
    "## Milestone 19 (Planned) <https://example.org/19>\n\n### 📋 [v1.3 Release](u)\n\n"
    "### [ ] HTML output [spec](u)\n"
)


def test_a_heading_tag_before_the_links_that_end_the_heading_is_read() -> None:
    """Where to read more is no part of the tag: "(Released May 14th, 2021) [Release Blog](…)"
    ends a milestone that shipped."""
    assert statuses(LINKED) == [
        ("Milestone 16, version 12.0.0", "done"),
        ("Grid", "done"),
        ("Milestone 17", "planned"),
        ("Milestone 18", "future"),
        ("Milestone 19", "planned"),
        ("v1.3 Release", "planned"),
        ("HTML output spec", "planned"),
    ]


@pytest.mark.parametrize(
    ("operation", "item", "before", "after"),
    [
        ("ship", "Milestone 17", "17 (Planned) [Blog]", "17 (DONE) [Blog]"),  # its voice
        ("start", "Milestone 17", "17 (Planned) [Blog]", "17 (In Progress) [Blog]"),
        (
            "start",
            "Milestone 16, version 12.0.0",
            "## Milestone 16, version 12.0.0 (Released May 14th, 2021) [Release",
            "## 🚧 Milestone 16, version 12.0.0 [Release",
        ),
        ("ship", "Milestone 18", "📋 Milestone 18 (Future) *[", "✅ Milestone 18 (DONE) *["),
        ("start", "Milestone 19", "19 (Planned) <https", "19 (In Progress) <https"),
        # no tag before the links: the heading is set as it is, its links in it
        ("start", "v1.3 Release", "### 📋 [v1.3 Release]", "### 🚧 [v1.3 Release]"),
        ("start", "HTML output spec", "output [spec](u)\n", "output [spec](u) (in progress)\n"),
    ],
)
def test_an_edit_sets_a_heading_tag_and_keeps_the_links_after_it(
    tmp_path: Path, operation: str, item: str, before: str, after: str
) -> None:
    written = edited(tmp_path / "roadmap.md", LINKED, (operation, item))
    assert written == LINKED.replace(before, after)


def test_an_emoji_before_a_part_of_the_document_decorates_it() -> None:
    """A roadmap's "## 📋 Feature Overview" titles its table, and "## 🔄 Status Legend" its
    legend: neither is a deliverable, and the legend's entries are no items."""
    text = (
        "# R\n\n## 📋 Feature Overview\n\n| Feature | Status |\n|---|---|\n"
        "| Images | ✅ Completed |\n\n## 🚧 Search overhaul\n\n## 🔄 Release Schedule\n\n"
        "## 🚧 Risk Mitigation\n\n## 🏗 MoSCoW Prioritization\n\n## 🔄 Status Legend\n\n"
        "## 📋 Development Checklist\n\n## 💡 How to Use This Dashboard\n\n"
        "## 🚧 Technical Debt Management\n\n## 🔄 Release Cycle\n\n## 🔄 Update Plan\n\n"
        "## 📋 Detailed Chapter Status\n\n## 🚧 Blockers & Dependencies\n\n"
        "## 🔄 Update History\n\n## 📋 Quick Actions\n\n## 📋 Priority tasks\n\n"
        "## 💡 Notes & Decisions\n\n## 🔄 Current Development Focus\n\n"
        "## 🏗️ Platform & Architecture\n\n## 🔄 **Review & Decision Points**\n\n"
        "## 💡 Open Questions\n\n## 🚧 Design Considerations\n\n## ✅ Reward points\n\n"
        "- 🔴 Not Started - Feature not yet begun\n- 🟡 In Progress - Being implemented\n"
    )
    assert statuses(text) == [
        ("Images", "done"),
        ("Search overhaul", "in_progress"),
        ("Reward points", "done"),  # a feature; "Decision Points" a part
    ]


DECORATED = "# R\n\n## Now\n\n- [ ] ✨ (In progress) Due dates\n- [ ] (In progress) Calendar\n"


def test_a_bracketed_status_after_a_decoration_is_the_items() -> None:
    assert statuses(DECORATED) == [("Due dates", "in_progress"), ("Calendar", "in_progress")]


@pytest.mark.parametrize(
    ("operation", "item", "after"),
    [
        ("ship", "Due dates", "- [x] ✨ (Completed) Due dates\n"),
        ("drop", "Due dates", "- [ ] ✨ (Dropped) Due dates\n"),  # said once, not twice
        ("drop", "Calendar", "- [ ] (Dropped) Calendar\n"),
    ],
)
def test_an_edit_sets_a_bracketed_status_in_place(
    tmp_path: Path, operation: str, item: str, after: str
) -> None:
    assert after in edited(tmp_path / "roadmap.md", DECORATED, (operation, item))


def test_starting_work_in_progress_changes_nothing(tmp_path: Path) -> None:
    """ "(In progress)" says it already: no edit rewrites it as "(In Progress)"."""
    assert edited(tmp_path / "roadmap.md", DECORATED, ("start", "Calendar")) == DECORATED


def test_a_legend_laid_across_a_table_defines_its_glyphs() -> None:
    """Statuses in the header, each glyph under its status: ✏️ is no status of its own."""
    text = (
        "# Spec Roadmap\n\n| Completed | In Progress | In Planning | On Hold |\n"
        "| :--: | :--: | :--: | :--: |\n| ✔ | ✏️ | 🚩 | ❗️|\n\n## Next release\n\n"
        "| Status | Description | Comments |\n| --- | --- | --- |\n| ✔️ | Fix extensions | |\n"
        "| ✏️ | Add secrets | |\n| 🚩 | Add tracing | |\n"
    )
    assert statuses(text) == [
        ("Fix extensions", "done"),
        ("Add secrets", "in_progress"),
        ("Add tracing", "planned"),
    ]


def test_a_status_glyph_after_an_enclosed_number_is_the_items() -> None:
    text = "# R\n\n## Query Processor\n\n1. ㉔ **Unique indexes**\n1. ㉓ 🚧 Cost-based optimizer\n"
    assert statuses(text) == [("Cost-based optimizer", "in_progress")]


TAGGED = (
    "# R\n\n## Milestones\n\n### v1.16 Signal Lifecycle (In Progress)\n\n"
    "- Export tool -- in progress\n- Import tool -- done\n"
)


def test_a_bracketed_tag_ending_a_heading_and_a_typed_double_dash_tag_are_read() -> None:
    assert statuses(TAGGED) == [
        ("v1.16 Signal Lifecycle", "in_progress"),
        ("Export tool", "in_progress"),
        ("Import tool", "done"),
    ]


def test_an_edit_sets_a_heading_tag_and_a_double_dash_tag_in_place(tmp_path: Path) -> None:
    text = edited(
        tmp_path / "roadmap.md", TAGGED, ("ship", "Signal Lifecycle"), ("ship", "Export tool")
    )
    assert text == TAGGED.replace("(In Progress)", "(Completed)").replace(
        "-- in progress", "-- completed"
    )


_HEADING_FORMS = [
    "### [ ] {name}",
    "### [x] {name}",
    "### [X] {name}",
    "### [ ] {name} (in progress)",
    "##### [R1] | {name} | MUST TODO",
    "##### [R1] | {name} | MAY DONE",
    "### {name} | IDEA",
    "### v1.2 {name} (In Progress)",
    "### {name} (done)",
    "## Future: {name}",
    "## Next: v0.9.0 - {name}",
]


@settings(max_examples=150, deadline=None)
@given(
    form=st.sampled_from(_HEADING_FORMS),
    name=st.sampled_from(["Search", "HTML output format", "Sync API v2", "Plug-in loader"]),
    under=st.sampled_from(["## Releases", "## Future 💡", "## 🚧 In Progress"]),
    status=st.sampled_from(list(Status)),
)
def test_any_status_set_on_a_heading_reads_back_on_its_line_alone(
    form: str, name: str, under: str, status: Status
) -> None:
    """Whatever form its status takes, a heading given a status reads back as that status,
    and only its own line changes."""
    line = form.format(name=name)
    text = f"# R\n\n{under}\n\n{line}\n\nWhat it does.\n\n### Other work\n"
    roadmap = milepost.loads(text)
    (item,) = [i for i in roadmap.items if name in i.title]
    assert item.status is not None
    edit = ops.set_status(roadmap, item, status)
    written = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(written)) is None, written
    before, after = text.splitlines(), written.splitlines()
    assert len(before) == len(after)
    assert [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] in (
        [],
        [4],
    )


def test_an_open_box_under_a_future_label_set_planned_says_so() -> None:
    """Under a "**Future:**" label right above its list a bare box is future: set planned,
    it gets a tag that says so."""
    text = "# R\n\n## Work\n\n**Future:**\n\n- [ ] Search\n- [ ] Sync\n"
    roadmap = milepost.loads(text)
    edit = ops.set_status(roadmap, roadmap.items[0], Status.PLANNED)
    written = apply(roadmap.document.source, edit.patches).text
    assert written == text.replace("- [ ] Search\n", "- [ ] Search (planned)\n")
    assert edit.verify(milepost.loads(written)) is None


CODED = (
    "# CodeButler\n\nStatus legend: `pending` | `in_progress` | `done`\n\n## Phase 1\n\n"
    "### M1 — Project Bootstrap `done`\n\n- [x] Go module\n\n"
    "### M30 — `codebutler init` Wizard `pending`\n\n- [ ] Prompts\n\n"
    "### M31 — Worktrees `in_progress`\n"
)


def test_a_status_in_a_code_span_ending_a_heading_is_its_status(tmp_path: Path) -> None:
    assert statuses(CODED) == [
        ("M1 — Project Bootstrap", "done"),
        ("Go module", "done"),
        ("M30 — codebutler init Wizard", "planned"),
        ("Prompts", "planned"),
        ("M31 — Worktrees", "in_progress"),
    ]
    written = edited(tmp_path / "roadmap.md", CODED, ("start", "Wizard"))  # the document's word
    assert "### M30 — `codebutler init` Wizard `in_progress`\n" in written


LED = "# R\n\n## Next: v0.9.0 - Team & Collaboration\n\n## Future: Team Features\n\n- Sync\n"


def test_a_status_word_and_a_colon_opening_a_heading_is_its_status(tmp_path: Path) -> None:
    assert statuses(LED) == [
        ("v0.9.0 - Team & Collaboration", "planned"),
        ("Team Features", "future"),
    ]
    roadmap = milepost.loads(LED)
    edit = ops.set_status(roadmap, roadmap.items[1], Status.PLANNED)
    planned = apply(roadmap.document.source, edit.patches).text
    assert "\n## Next: Team Features\n" in planned  # the document's word for planned
    started = edited(tmp_path / "roadmap.md", LED, ("start", "Team Features"))
    assert "\n## 🚧 Team Features\n" in started  # "In Progress:" would title a section


LED_DONE = (
    "# R\n\n## Completed: v2.0.0 concept system\n\n- Stable identifiers\n\n"
    "## In Progress: v2.3.0\n\n## Done: Recent wins\n\n- Faster search\n\n"
    "## Next: What's coming\n\n- Sync\n\n#### 2.3. Wishlist Feature\n\n- Saved lists\n"
)


def test_any_status_word_and_a_colon_before_a_release_is_its_status(tmp_path: Path) -> None:
    """A glossary's governance roadmap heads its parts "## Completed: v2.0.0 concept
    system", "## Next: v2.1 ...", a compliance tool's "## In Progress: v2.3.0": before a
    release any status word and a colon mark the heading a deliverable (only a plan's did);
    before other words they title a section whose items have that status ("## Done:
    Recent wins", which gave its items none). "Wishlist Feature" names a feature, no
    section of wished-for work."""
    assert statuses(
        "# R\n\n## Roadmap: Future\n\n## 📋 Feature Roadmap\n\n## Completed Feature\n\n- a\n"
    ) == [("a", "done")]  # parts of the document; a status and a kind of work
    assert statuses(LED_DONE) == [
        ("v2.0.0 concept system", "done"),
        ("v2.3.0", "in_progress"),
        ("Faster search", "done"),
        ("Sync", "planned"),
    ]
    shipped = edited(tmp_path / "roadmap.md", LED_DONE, ("ship", "v2.3.0"))
    assert "\n## Completed: v2.3.0\n" in shipped  # the document's word, before a release


NAMED = (
    "# Changes and TODO\n\n## Slice 1: DONE\n\n- Inbox\n\n## [WIP] 0.3.0 / 2020-October-??\n\n"
    "- Stop evaluation\n\n## Phase 37 (Slab GC): SKIPPED\n"
)


def test_a_status_after_a_headings_name_and_colon_or_in_brackets_before_it(
    tmp_path: Path,
) -> None:
    """An Elm app's TODO heads its slices "## Slice 1: DONE" (only "## SLICE 3 : DONE",
    its colon set apart, was read), a Clojure library's changes "## [WIP] 0.3.0 / ...", as
    its items open "* [TODO] ...", and a compiler's plan marks a phase "SKIPPED", given up:
    dropped. The edits set each where it is written."""
    assert statuses(NAMED) == [
        ("Slice 1", "done"),
        ("0.3.0 / 2020-October-??", "in_progress"),
        ("Phase 37 (Slab GC)", "dropped"),
    ]
    written = edited(tmp_path / "roadmap.md", NAMED, ("ship", "0.3.0"), ("start", "Slice 1"))
    assert "\n## [DONE] 0.3.0 / 2020-October-??\n" in written
    assert "\n## Slice 1: IN PROGRESS\n" in written  # in the case the heading writes


def test_a_label_stating_a_status_after_its_colon_gives_its_open_boxes_that_status() -> None:
    text = (
        "# R\n\n## Sprint 2\n\n**Remaining Tasks (Week 2):** 🔄 IN PROGRESS\n"
        "- [ ] Export view\n- [x] Import view\n\n**Remaining:**\n- [ ] Docs\n"
    )
    assert statuses(text) == [
        ("Export view", "in_progress"),
        ("Import view", "done"),
        ("Docs", "planned"),
    ]


def test_a_label_saying_when_gives_open_boxes_no_status() -> None:
    """A storefront's phase says "**Priority:** Low" and "**Timeline:** Future" over its open
    boxes: when the work may come, no state of it (its 8 tasks read as future work). A label
    of blanks alone is no label (it crashed the reading of its document)."""
    text = (
        "# R\n\n## Phase 5: Advanced Features 🚀\n**Priority:** Low  \n**Timeline:** Future\n\n"
        "- [ ] Size guides\n- [ ] Store locator\n\n**ETA:** Q3 2026\n- [ ] Live chat\n"
    )
    assert statuses(text) == [
        ("Size guides", "planned"),
        ("Store locator", "planned"),
        ("Live chat", "planned"),
    ]
    assert statuses("# R\n\n## S\n\n_\u00a0_: later maybe\n\n- [ ] A\n") == [("A", "planned")]


def test_a_status_field_ending_a_heading_is_its_deliverables(tmp_path: Path) -> None:
    """An exchange library titles a finished migration "### System.Text.Json Migration
    (Status: ✅ Completed)": a Status field ends the heading, as it may end an item, and it
    was read as no status. An edit sets the field's value in place."""
    text = (
        "# R\n\n## Work\n\n### JSON Migration (Status: ✅ Completed)\n\n"
        "### Sync - Status: Planned\n\n### Export (status: in progress, @kim)\n"
    )
    assert statuses(text) == [
        ("JSON Migration", "done"),
        ("Sync", "planned"),
        ("Export", "in_progress"),
    ]
    # a heading that states a status of its own is a part of the document, no deliverable
    for part in ("## Current Status: In Development", "### Project Status: Done"):
        assert statuses(f"# R\n\n{part}\n\n- x\n") == []
    after = edited(tmp_path / "roadmap.md", text, ("start", "JSON Migration"), ("ship", "Sync"))
    assert "### JSON Migration (Status: 🚧 In Progress)\n" in after
    assert "### Sync - Status: Completed\n" in after


def test_a_status_field_over_a_list_is_its_sections_not_the_lists_label() -> None:
    """ "**Status**: ✅ **COMPLETE**" under a deliverable's heading says its status; the list
    right under it tells what was built, no item of its own."""
    text = (
        "# R\n\n## v1.3\n\n#### Task 1.1: Block Structure\n\n"
        "**Status**: ✅ **COMPLETE**\n- Block-based data structure\n- Encoding, decoding\n"
    )
    assert statuses(text) == [("Task 1.1: Block Structure", "done")]


def test_a_status_summary_with_counts_defines_its_glyphs() -> None:
    text = (
        "# R\n\n## Status Summary\n- 🔴 Planning: 2 items (0% avg)\n"
        "- 🟡 In Progress: 1 item (61% avg)\n- 🟢 Complete: 1 item (100%)\n"
        "- 📝 Total: 4 items\n\n## Items\n\n| Item | Status |\n|---|---|\n"
        "| Deployment | 🟡 |\n| Linting | 🟢 |\n| AI docs | 🔴 |\n"
    )
    assert statuses(text) == [
        ("Deployment", "in_progress"),
        ("Linting", "done"),
        ("AI docs", "planned"),
    ]


ENDED = "# R\n\n## Later\n\n- item rating (#10) &#x2713;\n- Search ✅\n- Launch 🚀\n- [ ] Box ✅\n"


def test_a_status_glyph_ending_an_item_is_its_status(tmp_path: Path) -> None:
    """A status glyph ending an item, "- Search ✅", is done ("&#x2713;" is ✓); a decoration
    ending it says nothing, and a task's box decides."""
    assert statuses(ENDED) == [
        ("item rating", "done"),
        ("Search", "done"),
        ("Launch 🚀", "future"),
        ("Box ✅", "planned"),  # its box, its own marker, beats the heading's word
    ]
    path = tmp_path / "roadmap.md"
    # its glyph set where it stands: work under way ends an item in a list that ends others
    # with a check mark
    started = edited(path, ENDED, ("start", "Search"))
    assert "\n- Search 🚧\n" in started
    # shipped already: nothing to do; then dropped
    dropped = edited(path, started, ("ship", "item rating"), ("drop", "item rating"))
    assert "\n- ❌ Dropped: item rating (#10)\n" in dropped


def test_a_criterions_ending_glyph_is_no_status() -> None:
    text = "# R\n\n## Goal 1\n\n**Success Criteria:**\n- Tests pass ✅\n- Docs up ✅\n"
    assert statuses(text) == []


def test_a_bracketed_status_with_an_underscore_opens_an_item(tmp_path: Path) -> None:
    text = "# R\n\n## Work\n\n- [IN_PROGRESS] Remote control\n- [DONE] Web UI\n"
    assert statuses(text) == [("Remote control", "in_progress"), ("Web UI", "done")]
    written = edited(tmp_path / "roadmap.md", text, ("start", "Web UI"))  # the document's word
    assert "\n- [IN_PROGRESS] Web UI\n" in written


CAPITALS = (
    "# R\n\n## Upcoming\n\n- [ ] Sync\n  - FUTURE: conflict UI\n  - NOTE: see doc\n"
    "  - IMPLEMENTED: export\n- TODO: docs\n- WIP: Export tool\n"
)


def test_a_status_label_in_capitals_opens_an_item(tmp_path: Path) -> None:
    """ "FUTURE:", "TODO:", "WIP:" are statuses; "NOTE:" and a weak word are not."""
    assert statuses(CAPITALS) == [
        ("Sync", "planned"),
        ("conflict UI", "future"),
        ("docs", "planned"),
        ("Export tool", "in_progress"),
    ]
    written = edited(tmp_path / "roadmap.md", CAPITALS, ("start", "docs"))  # in capitals
    assert "\n- WIP: docs\n" in written


@pytest.mark.parametrize(
    "text",
    [
        # topical emoji ending features, not check marks
        "## Features\n\n- Calendar 🗓️\n- Auto-refresh 🔄\n- Suggestions 💡\n- Timer ⏳\n",
        "## Known issues\n\n- Login fails on Safari ❌\n",
        # a status word and a colon titling a section, not naming a deliverable
        "## In Progress: This Sprint\n\n## Done: Recent wins\n\n## Next: What's coming\n",
        # a status in one code span ending one heading: a name, not the document's way
        "## Tracker\n\n### New issue state `blocked`\n\n### Rename `wip`\n",
    ],
)
def test_forms_that_say_no_status(text: str) -> None:
    assert statuses(f"# R\n\n{text}") == []


def test_a_subsections_emoji_before_document_part_words_still_marks_a_deliverable() -> None:
    text = "# R\n\n## 📋 Feature Overview\n\n### ✅ Release notes\n\n### 🚧 Pricing strategy\n"
    assert statuses(text) == [("Release notes", "done"), ("Pricing strategy", "in_progress")]


def test_a_summary_of_progress_with_counts_redefines_no_glyph() -> None:
    """A list reporting progress ("✅ Testing: 100% green"): ✅ stays done below it."""
    text = (
        "# R\n\n## Release 2.0 readiness\n- ✅ Testing: 100% of suites green\n"
        "- 🚧 Documentation: 3 pages left\n- 📋 Planning: 2 items open\n\n"
        "## Features\n- ✅ Search\n"
    )
    assert statuses(text)[-1] == ("Search", "done")


def test_more_heading_forms_agree_with_their_list_forms(tmp_path: Path) -> None:
    text = (
        "# R\n\n## Work\n\n##### [R3] | Export | MUST IN_PROGRESS\n\n"
        "### [ ] ✨ (In progress) Due dates\n\n### [ ] Renderer ###\n"
    )
    assert statuses(text) == [
        ("[R3] | Export", "in_progress"),
        ("Due dates", "in_progress"),
        ("Renderer", "planned"),
    ]
    written = edited(tmp_path / "roadmap.md", text, ("drop", "Renderer"))
    assert "\n### [ ] Renderer (dropped) ###\n" in written  # the closing sequence stays last


def test_a_shortcode_ending_an_item_is_its_glyph_and_no_part_of_its_title() -> None:
    text = (
        "- Kernel state\n  - Memory map gathering        :heavy_check_mark:\n"
        "  - ELF header run support      :heavy_multiplication_x: (To do)\n"
        "  - SATA/AHCI disk driver       :heavy_minus_sign: (In progress | Working comms)\n"
    )
    assert statuses(text) == [
        ("Memory map gathering", "done"),
        ("ELF header run support", "planned"),
        ("SATA/AHCI disk driver", "in_progress"),
    ]


STRUCK_HEADINGS = (
    "# V1\n\n## ~~CLI~~\n\nThe command line.\n\n## ~~Documentation~~\n\nA manual.\n\n"
    "# After V1\n\n## Cross-compilation\n\nLater.\n"
)


def test_struck_headings_of_deliverables_are_finished_work(tmp_path: Path) -> None:
    assert statuses(STRUCK_HEADINGS) == [("CLI", "done"), ("Documentation", "done")]
    with pytest.raises(milepost.MilepostError, match="strikethrough, which milepost does not"):
        edited(tmp_path / "roadmap.md", STRUCK_HEADINGS, ("start", "CLI"))


def test_a_share_of_the_work_done_in_a_tag_says_how_far_it_is() -> None:
    text = (
        "- [ ] Mobile app - 80% complete\n- [ ] Test suite (0% done)\n"
        "- Search - 100% complete\n- Coverage - 80%\n"
    )
    assert statuses(text) == [
        ("Mobile app", "in_progress"),
        ("Test suite", "planned"),
        ("Search", "done"),
    ]


def test_a_status_heading_ending_in_a_shortcode_gives_its_items_its_status() -> None:
    """cassh titles its status sections with GitHub shortcodes after the words ("## Under
    Consideration :bulb:"): the shortcode was read as a word of the heading, which then named
    no status, so its items had none. As a glyph it decorates, as "## In Progress 🚧" does."""
    text = (
        "# R\n\n## In Progress :construction:\n\n- Headless auth\n\n"
        "## Under Consideration :bulb: :thinking:\n\n- Geo-fencing\n\n"
        "## Success Metrics :chart_with_upwards_trend:\n\n- Uptime: 99% → 99.9%\n"
    )
    assert statuses(text) == [("Headless auth", "in_progress"), ("Geo-fencing", "future")]
    # the section is known by its words too ("Success Metrics"): its metric is read
    assert [m.name for m in milepost.loads(text).metrics] == ["Uptime"]


def test_a_heading_of_two_statuses_or_of_a_status_and_components_is_no_deliverable() -> None:
    """A pipeline's status page heads its lists "## ✅ Completed Components" and "## 🚧 In
    Progress / Not Started": the first is a status heading (components are what it holds),
    the second names two statuses, no deliverable; the boxes under both keep their own."""
    text = (
        "# R\n\n## ✅ Completed Components\n\n- Env setup\n\n"
        "## 🚧 In Progress / Not Started\n\n- [ ] Pipelines\n- [ ] Docs - Not started\n"
    )
    assert statuses(text) == [
        ("Env setup", "done"),
        ("Pipelines", "planned"),
        ("Docs", "planned"),
    ]


def test_a_status_field_after_a_goal_gives_its_section_the_status() -> None:
    """MicroEngine opens each phase with "**Goal:** ..." and then "**Status:** ✅ Complete":
    the field was read only where it opened the section, so the finished phase's acceptance
    criteria (✅ bullets) were taken for targets."""
    text = (
        "# T\n\n## Phase 0 — Foundations\n\n**Goal:** Lay the ground.\n\n"
        "**Status:** ✅ Complete\n\n### Acceptance Criteria\n\n- ✅ Runs alone\n\n"
        "## Phase 4 — Freeze\n\n**Goal:** Freeze.\n\n**Status:** Planned\n\n"
        "### Acceptance Criteria\n\n- ✅ API frozen\n"
    )
    assert statuses(text) == [
        ("Phase 0 — Foundations", "done"),
        ("Runs alone", "done"),
        ("Phase 4 — Freeze", "planned"),
    ]


def test_parked_work_is_on_hold() -> None:
    """helix-wiki parks work "deliberately deferred": On Hold's family, blocked."""
    text = (
        "# T\n\n## Parked\n\n- Postgres adapter\n\n"
        "| Item | Status |\n|---|---|\n| Redis | Parked |\n"
    )
    assert statuses(text) == [("Postgres adapter", "blocked"), ("Redis", "blocked")]


def test_a_dated_heading_whose_name_is_struck_is_crossed_off() -> None:
    """serverboards dates each milestone and strikes its name once done ("## 2016-03-18 -
    ~~Webpage~~", "## 2016-07-14 ~SSH into remote machines~"): only headings struck whole
    were read so, the date left outside the strike hid the rest."""
    text = (
        "# Roadmap\n\n## 2016-03-18 - ~~Webpage~~\n\nSite.\n\n"
        "## 2016-07-14 ~SSH into remote machines~\n\nSSH.\n\n## 2016-09-01 - Beta\n\nSoon.\n"
    )
    assert statuses(text) == [
        ("2016-03-18 - Webpage", "done"),
        ("2016-07-14 SSH into remote machines", "done"),
    ]


def test_a_status_fields_words_win_over_the_glyph_its_heading_opens_with() -> None:
    """RustLite heads each planned version "### 🔄 v0.2.0 - Persistence" over "**Target
    Date**: Q1 2026" and, on the next line, "**Status**: Planning": the 🔄 read in progress,
    and the field, one line down in its paragraph, was not read at all. A weak word
    ("Current") does not outweigh the glyph; a part of the document is no deliverable."""
    text = (
        "# T\n\n## Versions\n\n### 🔄 v0.2.0 - Persistence\n\n**Target Date**: Q1 2026\n"
        "**Status**: Planning\n\n### v0.1.5 ✅\n\n**Released:** 2025-10-25\n**Status:** Current\n\n"
        "## Overview\n\n**Status:** In progress\n"
    )
    assert statuses(text) == [("v0.2.0 - Persistence", "planned"), ("v0.1.5", "done")]


@pytest.mark.parametrize(
    "heading",
    [
        "#### Critérios de Aceite:",
        "### Criterios de aceptación",
        "### Critères d'acceptation",
        "### Critères d’acceptation",
        "### Akzeptanzkriterien",
        "### Definição de Pronto",
    ],
)
def test_ticks_under_criteria_in_other_languages_are_targets(heading: str) -> None:
    text = f"# R\n\n## Sprint 2\n\n{heading}\n- ✅ Usuário cria uma conta\n- ✅ Testes passam\n"
    assert statuses(text) == []


@pytest.mark.parametrize(
    "heading", ["### Won't Do (Out of Scope)", "## Won’t Fix", "## ❌ Won't do"]
)
def test_a_wont_do_heading_drops_the_work_under_it(heading: str) -> None:
    """The vocabulary's words with an apostrophe are read once a heading's punctuation is
    gone ("won t do"), as "## Dropped" is."""
    assert statuses(f"# R\n\n{heading}\n- WebSocket streaming\n") == [
        ("WebSocket streaming", "dropped")
    ]


def test_a_topic_of_criteria_may_hold_a_number() -> None:
    """ "### OAuth2" and "### Uptime 99.9%" part criteria as "### Technical" does; a release
    or a numbered step of a plan does not."""
    text = (
        "# R\n\n## Success Criteria\n\n### OAuth2\n- ✅ Login works\n\n### Uptime 99.9%\n"
        "- ✅ Alerts fire\n\n### Sprint 3\n- ✅ Dashboard\n"
    )
    assert statuses(text) == [("Dashboard", "done")]


def test_a_status_word_and_a_dash_before_a_numbered_step_make_the_heading_an_item(
    tmp_path: Path,
) -> None:
    """A feature tracker heads each phase "### 📋 Planned - Phase 1: GridWorld": the
    status, then the phase it plans, as "## Future: v1.0" does with a colon. A dash before
    a section's own title still parts a status heading ("## NEXT — Polish & UX", "##
    Planned - Q1 2026"), and an edit sets the words and the glyph."""
    text = (
        "# Features\n\n### 📋 Planned - Phase 1: GridWorld\n\n#### 1.2 Agent\n\n"
        "### Planned – Phase 2: Solitaire\n\n## NEXT — Polish & UX\n\n- Dark mode\n\n"
        "## Planned - Q1 2026\n\n- Export\n"
    )
    assert statuses(text) == [
        ("Phase 1: GridWorld", "planned"),
        ("Phase 2: Solitaire", "planned"),
        ("Dark mode", "planned"),
        ("Export", "planned"),
    ]
    after = edited(tmp_path / "r.md", text, ("start", "GridWorld"))
    assert after.splitlines()[2] == "### 🚧 In Progress - Phase 1: GridWorld"


@pytest.mark.parametrize("kind", ["POCs", "Experiments", "Integrations", "Fixes", "Stories"])
def test_a_status_and_a_kind_of_work_head_a_section_not_a_deliverable(kind: str) -> None:
    """ "## ✅ Completed POCs" titles the proofs of concept done, as "## Completed Features"
    does: the items under it are done, the heading is no item."""
    text = f"# R\n\n## ✅ Completed {kind}\n\n- Traffic shifting\n"
    assert statuses(text) == [("Traffic shifting", "done")]


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("✅ Already Implemented", "done"),
        ("✅ Implemented", "done"),
        ("✅ Recently Delivered", "done"),
    ],
)
def test_a_glyph_said_again_in_a_weak_word_titles_a_section_of_its_status(
    heading: str, status: str
) -> None:
    """ "## ✅ Already Implemented" over struck items was one done item, named "Already
    Implemented", and its items had no status: "Implemented" alone titles no section (a
    weak word), but after a ✅ that says it already, the heading names no deliverable."""
    text = f"# R\n\n## {heading}\n- ~~Minimap~~ - Shows the dungeon\n- Save/Load - localStorage\n"
    assert statuses(text) == [
        ("Minimap - Shows the dungeon", status),
        ("Save/Load - localStorage", status),
    ]


def test_a_glyph_over_a_weak_word_of_another_status_still_names_work() -> None:
    assert statuses("# R\n\n## ✅ Ready\n- Minimap\n") == [("Ready", "done")]


def test_a_top_sections_glyph_decorates_a_part_of_the_document_dated_in_brackets() -> None:
    """ "## 🔮 Future Vision (2025+)" was a future item named "Future Vision (2025+)": a
    vision is a part of the document, and the years in brackets after it change nothing."""
    text = "# R\n\n## 🔮 Future Vision (2025+)\n\n- [ ] Plugins\n\n### 🔮 Marketplace (2026)\n"
    assert statuses(text) == [("Plugins", "planned"), ("Marketplace (2026)", "future")]


@pytest.mark.parametrize("gap", ["\u00a0", "\t"])
def test_a_part_of_the_document_dated_after_any_blank_is_decorated(gap: str) -> None:
    assert statuses(f"# R\n\n## 🔮 Future Vision{gap}(2025+)\n\n- [ ] Plugins\n") == [
        ("Plugins", "planned")
    ]


def test_a_heading_inside_a_list_item_is_one_item(tmp_path: Path) -> None:
    """Wagtail's roadmap writes each piece of work as "* ### Nested collections - Q4 2020 ✅":
    it was two items, the list item and its heading, each done."""
    text = (
        "# R\n\n* ### Nested collections - Q4 2020 ✅\n  [RFC 48](https://e.com/48) - completed\n"
        "* ### Multi-tenancy - Q2 2021\n  Editors isolated per site\n"
    )
    assert statuses(text) == [("Nested collections - Q4 2020", "done")]
    after = edited(tmp_path / "r.md", text, ("start", "Nested collections"))
    assert "* ### Nested collections - Q4 2020 🚧\n" in after  # not "* 🚧 ### Nested"


CROSSED_HEADINGS = (
    "# Podcast Host\n\n## Working Now\n\n### Core Infrastructure ✅\n\n"
    "## ❌ What You DON'T HAVE\n\n### 1. Mobile Apps ❌\n\n- ❌ iOS app\n\n"
    "### 2. Ad Insertion ❌\n\n**Status:** Not implemented\n"
)


def test_a_cross_ending_a_heading_says_no_where_crosses_say_no() -> None:
    """A podcast host lists what it lacks as "### 8. Mobile Apps ❌" over "- ❌ iOS app": the
    bullets read as no status (a cross there says "no"), the headings as 14 dropped
    deliverables. A heading's cross reads as an item's does; a Status field under it still
    says its status, the cross no part of its title."""
    assert statuses(CROSSED_HEADINGS) == [
        ("Core Infrastructure", "done"),
        ("2. Ad Insertion", "planned"),
    ]
    legend = "**Legend:** ✅ Done | ❌ Cancelled\n\n" + CROSSED_HEADINGS.split("\n\n", 1)[1]
    assert ("1. Mobile Apps", "dropped") in statuses("# R\n\n" + legend)


def test_dropping_a_heading_where_crosses_say_no_marks_it_no_entry(tmp_path: Path) -> None:
    """Where a bare cross says "no" (no legend or word says otherwise), a heading dropped is
    marked 🚫, which says dropped anywhere: a bare ❌ read as no status and the edit refused
    itself, and "## ❌ Dropped: Search" would title a part of dropped work, no deliverable."""
    text = "# R\n\n## 📋 v0.1.1 - Tool System\n\n- Plugins\n\n## Future: Search\n\n## ✅ v0.1.0\n"
    after = edited(tmp_path / "roadmap.md", text, ("drop", "v0.1.1"), ("drop", "Search"))
    assert "## 🚫 v0.1.1 - Tool System\n" in after
    assert "## 🚫 Search\n" in after
    assert ("v0.1.1 - Tool System", "dropped") in statuses(after)
    assert ("Search", "dropped") in statuses(after)


def test_a_heading_set_in_a_word_that_reads_there_when_the_documents_does_not(
    tmp_path: Path,
) -> None:
    """A simulation package marks its work "(Implemented)" and heads a section "###
    Advanced Features (Future Work)": shipped, the heading took the document's word,
    "(Implemented)", which says too little to make a heading a deliverable, and the edit
    refused itself. The template's word is written where the document's reads as none."""
    text = (
        "# R\n\n## Core\n\n| Feature | Status |\n|---|---|\n| Leap-frog | ✅ Implemented |\n"
        "| Thermostat | ✅ Implemented |\n\n"
        "### Advanced Features (Future Work)\n\n- Conjugate gradients\n"
    )
    after = edited(tmp_path / "roadmap.md", text, ("ship", "Advanced Features"))
    assert "### Advanced Features (Completed)\n" in after
    assert ("Advanced Features", "done") in statuses(after)


def test_a_status_glyph_among_sibling_headings_each_with_its_own_icon_decorates() -> None:
    """A solver's production plan gives each phase its own icon, "## 📋 **PHASE 1**", "## 🔧
    **PHASE 2**", "## 🔗 **PHASE 3**", "## 🔌 **PHASE 4**": its 📋 is one icon among them,
    not a plan, as a list's 🔄 among "- 📝 ..." and "- 🚨 ..." is none. Where status glyphs
    lead three or more of the headings, or one leads two, or words say the status too, they
    are statuses."""
    text = (
        "# Plan\n\n## 📋 **PHASE 1: Stability**\n\n## 🔧 **PHASE 2: Constraints**\n\n"
        "## 🔗 **PHASE 3: Optimisation**\n\n## 🔌 **PHASE 4: Solvers**\n\n"
        "## 🎯 **PHASE 5: Domains**\n"
    )
    assert statuses(text) == []
    worded = text.replace("PHASE 1: Stability", "PHASE 1: Stability (Planned)")
    assert statuses(worded) == [("PHASE 1: Stability (Planned)", "planned")]
    repeated = text.replace("🔧", "📋")  # the document's own mark, twice
    assert statuses(repeated) == [
        ("PHASE 1: Stability", "planned"),
        ("PHASE 2: Constraints", "planned"),
    ]
    readme = (
        "# MyApp\n\n## 📖 Overview\n\n## 🎯 Vision\n\n## 🤝 Contributing\n\n"
        "## 🚧 v2.0 Teams\n"
    )  # icons of the document's parts, then a release: its status stands
    assert statuses(readme) == [("v2.0 Teams", "in_progress")]
    progression = text.replace("🔧", "✅").replace("🔗", "🚧")
    assert statuses(progression) == [
        ("PHASE 1: Stability", "planned"),
        ("PHASE 2: Constraints", "done"),
        ("PHASE 3: Optimisation", "in_progress"),
    ]


def test_a_status_field_under_a_heading_item_that_says_it_again_is_no_item() -> None:
    """A memory bank marks each phase "### Phase: Testing 🔄" over "- **Status**: In
    Progress", "- **Progress**: 60%": the field says the heading's status again, and was
    counted as an item of its own. Under a heading with no marker, the field bullet is still
    the item it was ("- **Status:** ✅ Completed in v0.1.5" under "### Track: Memory")."""
    text = (
        "# Progress\n\n### Phase: Testing 🔄\n- **Status**: In Progress\n- **Progress**: 60%\n\n"
        "### Phase: Setup ✅\n- **Status**: Complete\n- Wrote the installer\n\n"
        "### Track: Memory\n- Short and long-term memory\n- **Status:** ✅ Completed in v0.1.5\n"
    )
    assert statuses(text) == [
        ("Phase: Testing", "in_progress"),
        ("Phase: Setup", "done"),
        ("Status: Completed in v0.1.5", "done"),
    ]
    # an edit of the heading sets its field too, else the field would read as an item
    roadmap = milepost.loads(text)
    (phase,) = [i for i in roadmap.items if i.title == "Phase: Testing"]
    for status, field in ((Status.DONE, "Completed"), (Status.DROPPED, "Dropped")):
        edit = ops.set_status(roadmap, phase, status)
        after = apply(roadmap.document.source, edit.patches).text
        assert f"- **Status**: {field}\n- **Progress**: 60%\n" in after
        assert [t for t, _ in statuses(after)] == [t for t, _ in statuses(text)]
