"""Status markers in the forms held-out roadmaps write them: a label in italics (``*DONE:*
Foo``), a heading with a mark after its name, a square-bracketed tag after a bare box."""

from __future__ import annotations

import pytest

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.errors import UsageError
from milepost.model import Status


def statuses(text: str) -> list[tuple[str, str | None]]:
    return [(i.title, i.status.value if i.status else None) for i in milepost.loads(text).items]


def marked(text: str) -> list[tuple[str, str | None]]:
    """The items of ``text`` that have a status, with it."""
    return [said for said in statuses(text) if said[1]]


def _set(text: str, title: str, status: Status) -> str:
    roadmap = milepost.loads(text)
    (item,) = [i for i in roadmap.items if i.title == title]
    edit = ops.set_status(roadmap, item, status)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    return after


ITALIC = (
    "# Browsers Roadmap\n\n### Prerequisites\n- *DONE:* Implement js-ipfs\n"
    "- _IN PROGRESS:_ Define the APIs\n- *Optional:* Write a demo\n"
)


def test_a_status_label_in_italics_is_a_label() -> None:
    """in-web-browsers writes "*DONE:*" and "*IN PROGRESS:*" before its items; only a bold
    label was read, so seven items had no status. An italic word that is no status is none."""
    assert statuses(ITALIC) == [
        ("Implement js-ipfs", "done"),
        ("Define the APIs", "in_progress"),
    ]


@pytest.mark.parametrize(
    ("title", "status"),
    [("Implement js-ipfs", Status.IN_PROGRESS), ("Define the APIs", Status.DONE)],
)
def test_an_edit_sets_an_italic_label(title: str, status: Status) -> None:
    after = _set(ITALIC, title, status)
    assert (title, status.value) in statuses(after)
    changed = [a for a, b in zip(after.splitlines(), ITALIC.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and title in changed[0], after


QUARTERS = (
    "JS Roadmap\n==========\n\n# 2016 Q3\n\n# ✔️ Milestone - js-ipfs on the browser\n\n"
    "- [x] Bundle it\n\n# Milestone - The DAG API\n\n- [ ] dag.put\n"
)


def test_a_marked_level_one_heading_after_the_title_is_an_item() -> None:
    """js-ipfs marks finished milestones "# ✔️ Milestone - ..." under quarter H1s; only
    headings below level 1 were read, so six milestones had no status. The title is none."""
    assert statuses(QUARTERS) == [
        ("Milestone - js-ipfs on the browser", "done"),
        ("Bundle it", "done"),
        ("dag.put", "planned"),
    ]
    assert statuses("# ✔️ Milestone - alpha\n\n- [ ] x\n") == [("x", "planned")]


def test_a_level_one_status_heading_after_the_title_gives_its_items_a_status() -> None:
    text = "# Strategic Initiatives\n\n# Completed\n\n- CVE Management\n"
    assert statuses(text) == [("CVE Management", "done")]


MILESTONES = (
    "# G Roadmap\n\n## Completed Milestones\n\n### Milestone 3 ✅\n\n- [x] Audit\n\n"
    "## Next\n\n### Tooling 🚧\n\n### Q3 2025 ✅\n\n### Done ✅\n\n- [ ] Docs\n"
)


def test_a_glyph_ending_a_heading_that_names_a_deliverable_is_its_marker() -> None:
    """gboxide ends finished milestones "### Core Implementation ✅"; a glyph was read only
    before a heading's name. A time alone or a status heading is no deliverable."""
    assert statuses(MILESTONES) == [
        ("Milestone 3", "done"),
        ("Audit", "done"),
        ("Tooling", "in_progress"),
        ("Docs", "planned"),
    ]


@pytest.mark.parametrize(
    ("title", "status", "line"),
    [
        ("Milestone 3", Status.IN_PROGRESS, "### Milestone 3 🚧"),
        ("Tooling", Status.DONE, "### Tooling ✅"),
        (
            "Milestone - js-ipfs on the browser",
            Status.BLOCKED,
            "# ⛔ Milestone - js-ipfs on the browser",
        ),
    ],
)
def test_an_edit_sets_a_headings_ending_glyph(title: str, status: Status, line: str) -> None:
    text = QUARTERS if title.startswith("Milestone -") else MILESTONES
    after = _set(text, title, status)
    assert line in after.splitlines()
    assert len(after.splitlines()) == len(text.splitlines())


BOXES = (
    "# TiDB Roadmap\n\n## Tools\n\n- [ ] Homemade admin tool [WIP]\n- [ ] Loader [Done] (#12)\n"
    "- [ ] Importer [1]\n- [x] Syncer [beta]\n"
)


def test_a_square_bracketed_status_tag_refines_a_bare_box() -> None:
    """tidb writes "- [ ] Homemade admin tool [WIP]"; a tag was read only in round
    brackets, so the item in progress read as planned. A bracket that says no status is
    part of the title."""
    assert statuses(BOXES) == [
        ("Homemade admin tool", "in_progress"),
        ("Loader", "done"),
        ("Importer [1]", "planned"),
        ("Syncer [beta]", "done"),
    ]


@pytest.mark.parametrize("status", [Status.DONE, Status.BLOCKED])
def test_an_edit_sets_an_item_with_a_square_bracketed_tag(status: Status) -> None:
    after = _set(BOXES, "Homemade admin tool", status)
    (line,) = [a for a, b in zip(after.splitlines(), BOXES.splitlines(), strict=True) if a != b]
    assert line.startswith("- [") and "[WIP]" not in line, after


GOALS = (
    "# RFL Goals\n\n### Arbitrary self types\n\n| Task | Owner(s) | Notes |\n|---|---|---|\n"
    "| ~~author RFC~~ | | ![Complete][] [RFC #3519] |\n| Implementation | | |\n\n"
    "### Derive smart pointer\n\n| Task | Owner(s) | Notes |\n|---|---|---|\n"
    "| ~~author RFC~~ | | [RFC #3621] |\n| RFC decision | ![Team][] [lang] | ![Complete][] |\n"
    "| Review | | ![Done](done.svg) |\n| Stabilization | | |\n"
)


def test_a_rows_status_badge_and_its_struck_task_say_done() -> None:
    """rust-project-goals marks finished tasks "![Complete][]" and strikes them, in tables
    with no Status column; none was read. A struck task is done where a struck task carries
    a done badge; a badge whose alt text is no status ("![Team][]") says nothing."""
    assert [s for s in statuses(GOALS) if s[1]] == [
        ("author RFC", "done"),
        ("author RFC", "done"),
        ("RFC decision", "done"),
        ("Review", "done"),
    ]


def test_a_struck_row_is_no_status_where_no_badge_says_struck_is_done() -> None:
    text = GOALS.replace("![Complete][] [RFC #3519]", "[RFC #3519]")
    assert marked(text) == [("RFC decision", "done"), ("Review", "done")]


def test_an_edit_refuses_a_rows_badge() -> None:
    roadmap = milepost.loads(GOALS)
    item = next(i for i in roadmap.items if i.title == "RFC decision")
    with pytest.raises(UsageError, match="badge"):
        ops.set_status(roadmap, item, Status.BLOCKED)


def test_a_done_glyph_ending_a_heading_over_open_boxes_decorates_it() -> None:
    """ "## Project Checklist ✅" titles a list of work, some still open: it is no finished
    deliverable (a heading over finished work alone still is one, and so is a numbered step
    of a plan)."""
    checklist = "# R\n\n## Project Checklist ✅\n\n- **Distros:**\n  - [x] Arch\n  - [ ] Debian\n"
    found = [
        (i.title, i.status.value if i.status else None) for i in milepost.loads(checklist).items
    ]
    assert found == [("Arch", "done"), ("Debian", "planned")]
    shipped = "# R\n\n### Milestone 3 ✅\n\n- [x] Loader\n- [x] Linker\n"
    titles = [i.title for i in milepost.loads(shipped).items if i.kind == "heading"]
    assert titles == ["Milestone 3"]
    # words after a dash say it whatever boxes were left open
    words = "# R\n\n### Alpha 3 - Completed 2024-01-14\n\n- [x] Loader\n- [ ] Linux examples\n"
    titles = [i.title for i in milepost.loads(words).items if i.kind == "heading"]
    assert titles == ["Alpha 3"]
    # a numbered step of a plan marked done is done, a task or two left open under it (four
    # labellers of four sets read "## Phase 1: Authentication & User Management ✅" so)
    step = "# R\n\n## Phase 1: Auth ✅\n\n### Features\n- [x] Login\n- [ ] Profile page\n"
    found = [(i.title, i.status.value if i.status else None) for i in milepost.loads(step).items]
    assert found == [("Phase 1: Auth", "done"), ("Login", "done"), ("Profile page", "planned")]


KEYWORDS = (
    "## 31.1.2023\n- DONE Proved (a & y)\n- TODO Write docs\n- IN PROGRESS Export\n"
    "- NEW parser\n- [x] TODO socket handling\n- [WIP branch](https://example.org/wip)\n"
)


def test_a_status_in_capitals_opening_an_item_is_its_marker() -> None:
    """hol-c's activity log opens every item with org-mode's keyword, "DONE Set up basic
    CI", no colon after it; none was read. Capitals that are no status are none, a task
    box says more than a keyword after it, and a link's words are the link's."""
    assert statuses(KEYWORDS) == [
        ("Proved (a & y)", "done"),
        ("Write docs", "planned"),
        ("Export", "in_progress"),
        ("TODO socket handling", "done"),
    ]


@pytest.mark.parametrize(
    ("title", "status", "line"),
    [
        ("Proved (a & y)", Status.IN_PROGRESS, "- IN PROGRESS Proved (a & y)"),
        ("Write docs", Status.DONE, "- DONE Write docs"),
    ],
)
def test_an_edit_sets_a_keyword_in_capitals(title: str, status: Status, line: str) -> None:
    after = _set(KEYWORDS, title, status)
    changed = [a for a, b in zip(after.splitlines(), KEYWORDS.splitlines(), strict=True) if a != b]
    assert changed == [line]


def test_a_bucket_of_phases_under_a_status_heading_is_no_deliverable() -> None:
    """A progress tracker's "### ✅ COMPLETED PHASES (This Session)" over its phase headings
    was read as a done deliverable, one more than the phases it holds. Phases, stages and
    sprints are kinds of work, as features and milestones are: a status over them heads a
    bucket, and the phases under it say their own status."""
    text = (
        "# Tracker\n\n### ✅ COMPLETED PHASES (This Session)\n\n"
        "#### **Phase 7: Accounts** ✅\n\n- Net worth\n\n### 📋 Planned Phases\n\n"
        "#### **Phase 16: Backend** 📋\n\n- API design\n"
    )
    assert marked(text) == [
        ("Phase 7: Accounts", "done"),
        ("Phase 16: Backend", "planned"),
    ]


def test_criteria_marked_met_are_no_finished_work() -> None:
    """An accounting roadmap closes each deliverable with "**Acceptance Criteria:** ✅" over
    what a user can now do ("- User can void unpaid invoices"): the check mark says the
    criteria are met, and each was read as a done item. A label naming criteria gives its
    list no status; "**Remaining Tasks:** 🔄 In Progress" still does."""
    text = (
        "# Invariant\n\n### 1.5.1 Invoice Voiding\n\n- [x] Void function\n\n"
        "**Acceptance Criteria:** ✅\n- User can void unpaid invoices\n- Audit trail kept\n\n"
        "**Remaining Tasks:** 🔄 In Progress\n- Bulk voiding\n"
    )
    assert marked(text) == [
        ("Void function", "done"),
        ("Bulk voiding", "in_progress"),
    ]


@pytest.mark.parametrize("label", ["**Why?**", "**Benefits:**", "**Pros:**", "Why this:"])
def test_ticks_under_a_label_of_reasons_are_points_in_favour(label: str) -> None:
    """A dashboard's widget plan closes with "**Why?**" over "- ✅ High visual impact" and
    "- ✅ No schema changes needed": reasons to build it first, each read as shipped work.
    Under a label of reasons (why, benefits, pros, advantages) a bare ✅ is a bullet style,
    as under success criteria; a status word still says one."""
    text = (
        f"# Widgets\n\n### Bar Chart\n\n- ✅ Data layer\n\n{label}\n- ✅ High visual impact\n"
        "- ✅ **Done:** Sample query\n- 🚧 Needs a legend\n"
    )
    assert marked(text) == [
        ("Data layer", "done"),
        ("Sample query", "done"),
        ("Needs a legend", "in_progress"),
    ]


def test_ticks_under_what_to_ensure_are_checks_to_make() -> None:
    """A task tracker closes with "After implementing each module, ensure:" over "1. ✅ Unit
    tests pass": checks to make after each module, each read as done work. A label saying
    what to ensure or make sure of is one of criteria."""
    text = (
        "# Tracker\n\n## Validation Checklist\n\nAfter implementing each module, ensure:\n\n"
        "1. ✅ Unit tests pass\n2. ✅ Docstrings are present\n\nMake sure:\n- ✅ Docs build\n"
    )
    assert marked(text) == []
    done = "# T\n\nSteps taken to ensure data safety:\n- ✅ Encrypted at rest\n"
    assert marked(done) == [("Encrypted at rest", "done")]  # what was done, to ensure it


def test_a_status_label_in_square_brackets_labels_its_list() -> None:
    """A Discord bot's TODO labels its lists "**[TODO]**", "**[Sometime]**" and "**[Done]**",
    the done items struck with a date after them: 17 done items read as nothing."""
    text = (
        "# Bot\n\n**[TODO]**\n- Fix unreacting\n\n**[Done]**\n- ~~Make lb include Mirror~~\n"
        "- ~~Added sotarks messages~~ (20.09.05)\n"
    )
    assert marked(text) == [
        ("Fix unreacting", "planned"),
        ("Make lb include Mirror", "done"),
        ("Added sotarks messages (20.09.05)", "done"),
    ]


def test_a_tag_dated_by_a_year_or_a_quarter_says_its_status() -> None:
    """An open-data plan tags its APIs "#### 1. **Open Education API** (Planned 2025)", and
    "(Planned Q3 2025)", "(planned for M7/M8)" are written as often: the status word and
    when, as "(shipped 2026-01-21)" and "(done in v2)" were read. A word that is no status
    before a year says nothing."""
    text = (
        "# Plan\n\n#### 1. **Open Education API** (Planned 2025)\n\n- School data\n\n"
        "#### Open Health API (Planned Q3 2025)\n\n- MIDI recording (planned for M7/M8)\n"
        "- Exports (Released 2024)\n- Charts (Top 2025)\n"
    )
    assert marked(text) == [
        ("1. Open Education API", "planned"),
        ("Open Health API", "planned"),
        ("MIDI recording", "planned"),
        ("Exports", "done"),
    ]
    shipped = _set(text, "Open Health API", Status.DONE)
    assert "#### ✅ Open Health API\n" in shipped


def test_a_bracketed_status_word_before_a_comma_or_semicolon_note_is_the_tag() -> None:
    """A fluid-dynamics code's progress file ends its steps "(done; single-rank)", a
    compliance roadmap "(In progress, expected Q2 2026)", a task list "(in progress, @kim)",
    a release "(Future - Q3 2027+)": the status word alone, then a note, as after a colon.
    A list of words opening with a status is no tag ("(pending, approve, deny)", "(planned,
    in progress, done)"), nor a
    date that runs on past its comma ("(Released October 6th, 2022)" still says done);
    "(Planned for Q1 2025)" is planned as "(planned for M7)" was, and so is what a status
    is for or waits on: "(planned for Section III)", "(blocked on dependency updates)". A
    dash tag's status word may take a note after a colon: "-- Done: body fetch, ..."."""
    text = (
        "# Plan\n\n- Static refinement (done; single-rank)\n"
        "- [ ] SOC2 Type II (In progress, expected Q2 2026)\n- Search (in progress, @kim)\n"
        "- Approval flow (pending, approve, deny, expire)\n"
        "- Status column (planned, in progress, done)\n"
        "## Milestone 5 (Released October 6th, 2022)\n\n- Sync (Planned for Q1 2025)\n"
        "- ⏳ Load tests (planned for Section III).\n"
        "- ⏳ Electron build (blocked on dependency updates)\n"
        "- ~~Emacs configuration~~ (skipped - low priority)\n"
        "1. ~~**Full IMAP sync**~~ -- Done: body fetch, all folders, reconnect\n"
        "## Version 3.0.0 (Future - Q3 2027+)\n"
    )
    assert marked(text) == [
        ("Static refinement", "done"),
        ("SOC2 Type II", "in_progress"),
        ("Search", "in_progress"),
        ("Milestone 5", "done"),
        ("Sync", "planned"),
        ("Load tests", "planned"),
        ("Electron build", "blocked"),
        ("Emacs configuration", "dropped"),
        ("Full IMAP sync", "done"),
        ("Version 3.0.0", "future"),
    ]


def test_a_glyph_after_a_label_that_describes_an_item_rates_it() -> None:
    """A refactoring plan lists each task's fields under it ("- **Risk:** ✅ DÜŞÜK", low
    risk): a glyph after a label that describes an item (risk, priority, effort, ...) rates
    it, and each was read as a done item named "Risk". A feature named so is still one."""
    text = (
        "# R\n\n### [ ] TODO-F002: Extract the loop constant\n\n- **Dosya:** Feed.tsx\n"
        "- **Risk:** ✅ DÜŞÜK\n- **Priority:** ✅ High\n\n## Features\n\n- **Search:** ✅\n"
        "- Sync\n  - **Effort:** ✅ small\n"
    )
    assert marked(text) == [
        ("TODO-F002: Extract the loop constant", "planned"),
        ("Search", "done"),
    ]


def test_in_dev_and_delayed_are_statuses() -> None:
    """A game engine's legend keys "💛 In-dev" and "🟠 Delayed", a compiler's progress list
    says "IR Generator: Delayed indefinitely.": in development, and on hold."""
    text = (
        "# R\n\n| Symbol | Meaning |\n|---|---|\n| 💛 | In-dev |\n| 🟠 | Delayed |\n\n"
        "## Roadmap\n\n1. Tiles 💛\n2. 🟠 Create a test suite\n"
        "3. IR Generator: Delayed indefinitely.\n"
    )
    assert marked(text) == [
        ("Tiles", "in_progress"),
        ("Create a test suite", "blocked"),
        ("IR Generator", "blocked"),
    ]
    # a financial platform's phases end "- Yet to Start": not started, planned
    assert marked("# R\n\n## Pilot Phase 2 (Early 2021) - Yet to Start\n") == [
        ("Pilot Phase 2 (Early 2021)", "planned")
    ]


def test_what_success_looks_like_lists_criteria() -> None:
    """A type checker's roadmap ends "### Success Looks Like" over "- ✅ 1K+ GitHub stars":
    targets, as under "Success Criteria", no work done."""
    text = (
        "# R\n\n## Phase 1\n\n- ✅ Classes and inheritance\n\n### Success Looks Like\n\n"
        "- ✅ 1K+ GitHub stars\n- ✅ Used by 100+ projects\n"
    )
    assert marked(text) == [("Classes and inheritance", "done")]


def test_a_status_glyph_with_a_share_done_or_a_weak_word_ends_a_heading() -> None:
    """A mail server's phases end "🔧 85% COMPLETE" and "🔄 PARTIAL": a share done says work
    in progress, as "(85% complete)" did, whatever glyph leads it, and "partial" after 🔄
    says what the glyph does. A weak word its glyph does not back says nothing ("✅
    Current": the docs are up to date)."""
    text = (
        "# Roadmap\n\n### Phase 5: Automation 🔧 85% COMPLETE\n\n"
        "### Phase 10: Testing 🔄 PARTIAL\n\n### Phase 11: Docs ✅ 100% COMPLETE\n\n"
        "- `install.md` - ✅ Current\n\n#### 1.2 Calculus (120+ functions) - ~70% COMPLETE\n"
    )
    assert marked(text) == [
        ("Phase 5: Automation", "in_progress"),
        ("Phase 10: Testing", "in_progress"),
        ("Phase 11: Docs", "done"),
        ("1.2 Calculus (120+ functions)", "in_progress"),  # about so much: "~70%"
    ]
    assert "### ✅ Phase 5: Automation\n" in _set(text, "Phase 5: Automation", Status.DONE)


def test_a_status_glyph_before_when_ends_a_heading_and_an_edit_keeps_when() -> None:
    """A VPN's phases end "📋 Q1 2025" and "📋 2026+": the glyph says planned, the words say
    when. Started, the plan keeps its date ("🚧 Q1 2025"), and so does a tag in words
    ("(Planned 2025)" → "(In Progress 2025)"); shipped, the date goes, for beside done a
    date says when the work shipped."""
    text = (
        "# VPN\n\n## Phase 3: Production Ready 📋 Q1 2025\n\n"
        "## Phase 6: Future Research 📋 2026+\n\n#### Open Education API (Planned 2025)\n"
    )
    roadmap = milepost.loads(text)
    assert [(i.title, i.status, i.period.text if i.period else None) for i in roadmap.items] == [
        ("Phase 3: Production Ready", Status.PLANNED, "Q1 2025"),
        ("Phase 6: Future Research", Status.PLANNED, "2026"),
        ("Open Education API", Status.PLANNED, "2025"),
    ]
    started = _set(text, "Phase 3: Production Ready", Status.IN_PROGRESS)
    assert "## Phase 3: Production Ready 🚧 Q1 2025\n" in started
    started = _set(text, "Open Education API", Status.IN_PROGRESS)
    assert "#### Open Education API (In Progress 2025)\n" in started
    shipped = _set(text, "Phase 3: Production Ready", Status.DONE)
    assert "## ✅ Phase 3: Production Ready\n" in shipped


def test_a_heading_of_a_status_and_when_buckets_the_work_under_it() -> None:
    """A DeFi roadmap heads its quarters "### 🚧 IN PROGRESS Q3 2021" and "### ⏳ COMING SOON
    Q4 2021" over task boxes: each names a status and a time, no deliverable, and was read as
    work in progress beside the boxes under it. "Coming soon" is planned there, as "Coming
    next" is; a release after the status ("### 🚧 In Progress v0.4") is still a deliverable."""
    text = (
        "# Roadmap\n\n### 🚧 IN PROGRESS Q3 2021\n\n- [ ] Fee distribution\n\n"
        "### ⏳ COMING SOON Q4 2021\n\n- Manage addresses offline\n\n"
        "### Planned for 2026\n\n- Browser wallet\n\n### 🚧 In Progress v0.4\n"
    )
    assert marked(text) == [
        ("Fee distribution", "planned"),
        ("Manage addresses offline", "planned"),
        ("Browser wallet", "planned"),
        ("In Progress v0.4", "in_progress"),
    ]


def test_a_label_of_a_topic_that_is_a_weak_word_gives_its_boxes_no_status() -> None:
    """A budget platform's plan groups its boxes under "**Sprint 1: Testing**": testing is
    the sprint's topic, and its open boxes were read as work in progress. A weak word after
    a label's colon says no status alone; a glyph or a strong word does ("**Remaining Tasks
    (Week 2):** 🔄 IN PROGRESS")."""
    text = (
        "# Plan\n\n### Month 5\n\n**Sprint 1: Testing**\n- [ ] Integration tests\n\n"
        "**Remaining Tasks (Week 2):** 🔄 IN PROGRESS\n- [ ] Load tests\n"
    )
    assert statuses(text) == [("Integration tests", "planned"), ("Load tests", "in_progress")]


def test_a_check_mark_among_task_boxes_under_a_deliverables_label_is_done() -> None:
    """Under "**Deliverables**:" a plan lists "- ✅ Architecture document" beside "- [ ] Team
    assembled": a checklist, whose ✅ ticks what is done. (A deliverables list all of ✅ is
    bulleted so, the targets of work not yet shipped.)"""
    text = (
        "# Plan\n\n### Phase 0\n\n**Deliverables**:\n- ✅ Architecture document\n"
        "- [ ] Team assembled\n\n### Phase 1\n\n**Deliverables**:\n- ✅ Budget API\n"
        "- ✅ Search\n"
    )
    assert marked(text) == [
        ("Architecture document", "done"),
        ("Team assembled", "planned"),
    ]


def test_a_status_glyph_and_when_in_brackets_end_a_heading() -> None:
    """A GIS plugin's phases end "(✅ Q4 2024)" and "(📋 Q1 2026)": the glyph says the
    status, the words when, as "(Completed ✅)" says it in words. A glyph alone in brackets
    may be the topic's ("Calendar (🗓️)"). Started, the plan keeps its quarter."""
    text = (
        "# Roadmap\n\n### Phase 1: PostgreSQL (✅ Q4 2024)\n\n"
        "### Phase 9: Performance (📋 Q1 2026)\n\n- Calendar (🗓️)\n"
    )
    assert marked(text) == [("Phase 1: PostgreSQL", "done"), ("Phase 9: Performance", "planned")]
    started = _set(text, "Phase 9: Performance", Status.IN_PROGRESS)
    assert "### Phase 9: Performance (🚧 Q1 2026)\n" in started


def test_a_status_glyph_and_words_after_a_plain_name_and_colon() -> None:
    """A git service's summary lists "Cherry-pick: ✅ Complete" and "Stash operations: ✅
    Complete (5 endpoints)", as "Compiler: In progress." is read without the glyph. A glyph
    before other words is a sentence's ("Result: ✅ Processes run"). An edit sets the
    status in place."""
    text = (
        "# Roadmap\n\n## Summary\n\n- Cherry-pick: ✅ Complete\n"
        "- Stash operations: ✅ Complete (5 endpoints)\n"
        "- Adapter migration: 🔄 In Progress (20%)\n- Result: ✅ Processes run\n"
    )
    assert marked(text) == [
        ("Cherry-pick", "done"),
        ("Stash operations", "done"),
        ("Adapter migration", "in_progress"),
    ]
    started = _set(text, "Cherry-pick", Status.IN_PROGRESS)
    assert "- Cherry-pick: 🔄 In Progress\n" in started  # the document's glyph for it


def test_a_calendar_or_a_span_after_an_item_dates_it_and_says_no_status() -> None:
    """A calendar before a date dates the work ("(📅 Jan 2024)"), as a calendar heading
    does, and a span of time is no time the work is due ("⏳ 2 weeks", "### Done in 2
    weeks"): the status heading over them, or a dash tag before, says theirs. After "by" or
    "for", only a time is when ("(planned for M7/M8)"; "(Blocked by Legal)" is no tag)."""
    text = (
        "# T\n\n## ✅ Completed\n\n- Payment gateway (📅 Jan 2024)\n"
        "- Mobile app - shipped (🗓️ Q4 2024)\n- Refactor auth ⏳ 2 weeks\n"
        "- Cart (Blocked by Legal)\n- MIDI (planned for M7/M8)\n\n### Done in 2 weeks\n\n"
        "- Thing\n"
    )
    assert marked(text) == [
        ("Payment gateway (📅 Jan 2024)", "done"),
        ("Mobile app", "done"),
        ("Refactor auth ⏳ 2 weeks", "done"),
        ("Cart (Blocked by Legal)", "done"),
        ("MIDI", "planned"),
    ]


def test_a_check_mark_among_boxes_under_success_criteria_is_a_target_met() -> None:
    """Under "**Success Criteria:**" a ✅ beside an open box says a target is met, no work
    shipped; only a deliverables label makes such a list a checklist."""
    text = (
        "# T\n\n### Q1 2027: Reliability\n\n**Success Criteria:**\n- [ ] 99.9% uptime\n"
        "- ✅ p95 under 200ms\n"
    )
    assert marked(text) == [("99.9% uptime", "planned")]


CODED = (
    "# Roadmap\n\n### Core\n\n- [x] Flux v2 bootstrap\n- [ ] `WIP` Sops (~~GKE~~, EKS, AKS)\n"
    "- [ ] Tracing: Tempo\n- `DONE` Chaos Mesh\n- `pending` jobs are retried\n"
)


def test_a_status_keyword_in_a_code_span_opening_an_item_is_its_marker() -> None:
    """portefaix writes "- [ ] `WIP` Sops": the keyword refines the bare box, as "(WIP)" does.
    A code span in lower case names code ("`pending` jobs"), no status."""
    assert statuses(CODED) == [
        ("Flux v2 bootstrap", "done"),
        ("Sops (GKE, EKS, AKS)", "in_progress"),
        ("Tracing: Tempo", "planned"),
        ("Chaos Mesh", "done"),
    ]


@pytest.mark.parametrize(
    ("title", "status", "line"),
    [
        ("Sops (GKE, EKS, AKS)", Status.DONE, "- [x] `DONE` Sops (~~GKE~~, EKS, AKS)"),
        ("Chaos Mesh", Status.BLOCKED, "- `BLOCKED` Chaos Mesh"),
    ],
)
def test_an_edit_sets_a_keyword_in_a_code_span(title: str, status: Status, line: str) -> None:
    after = _set(CODED, title, status)
    changed = [a for a, b in zip(after.splitlines(), CODED.splitlines(), strict=True) if a != b]
    assert changed == [line]


@pytest.mark.parametrize(
    ("line", "title", "status", "after"),
    [
        ("- [ ] ``WIP`` Sops", "Sops", Status.DONE, "- [x] ``DONE`` Sops"),
        ("- [ ] `WIP`\u00a0Sops", "Sops", Status.DONE, "- [x] `DONE`\u00a0Sops"),
        ("### [ ] `WIP` Sops", "Sops", Status.BLOCKED, "### [ ] `BLOCKED` Sops"),
    ],
)
def test_a_code_span_keyword_however_written_is_read_and_set_alike(
    line: str, title: str, status: Status, after: str
) -> None:
    """The edits find the keyword where the parser does: in double backticks, before a
    no-break space, after a heading's box."""
    text = f"# Roadmap\n\n- `DONE` Chaos Mesh\n\n{line}\n"
    assert marked(text)[-1] == (title, "in_progress")
    assert _set(text, title, status).splitlines()[-1] == after


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("- ~~Sorting bug~~ (Fixed)", "done"),
        ("- Upload error (Fixed - was a permissions issue)", "done"),
        ("- Login loop (Resolved in 1.2)", "done"),
        ("- Crash on start [FIXED]", "done"),
        # a dash sets a note apart: status words in it are no list of statuses
        ("- ~~Merge the branch~~ (Complete - merged, caching removed)", "done"),
        ("- [x] ~~Web UI~~ *(canceled)* ([note](notes.md))", "dropped"),  # ticked off, undone
        ("- ~~[Driver interface](https://example.com/adi)~~ SCRAPPED", "dropped"),
    ],
)
def test_a_tag_a_to_do_list_writes_after_its_items_is_read(line: str, status: str) -> None:
    """A school app's to-do list marks fixed bugs "(Fixed)" after them, a firmware's ticks
    a cancelled milestone and says so, a kernel's strikes a scrapped one."""
    assert [said[1] for said in marked(f"# TODO\n\n{line}\n")] == [status]


@pytest.mark.parametrize(
    "line",
    [
        "- Size (fixed width)",  # a weak word with more words is a description
        "- Window size [fixed]",  # one that may describe, in lower case
        "- Sidebar (fixed, collapsible)",
        "- Task status field (todo - done)",  # statuses listed after a dash too
        "- Web app (Next – React)",  # two names
        "- Frontend (pending, in progress, completed)",  # statuses listed: none is its own
    ],
)
def test_words_in_brackets_that_describe_are_no_tag(line: str) -> None:
    assert marked(f"# TODO\n\n{line}\n") == []


def test_a_feature_heading_ending_in_a_check_over_boxes_mostly_ticked_is_shipped() -> None:
    """A component library's to-do titles each finished component "### Waveform Display ✅"
    over its boxes, most ticked and an extra or two still open: the component shipped. Over
    boxes most of them open, or titled as a part of the document ("## Project Checklist
    ✅"), the check still decorates the heading."""
    shipped = "# TODO\n\n### Waveform Display ✅\n- [x] Static waveform\n- [ ] Zoom\n- [x] Seek\n"
    assert marked(shipped) == [
        ("Waveform Display", "done"),
        ("Static waveform", "done"),
        ("Zoom", "planned"),
        ("Seek", "done"),
    ]
    begun = "# TODO\n\n### Search ✅\n- [x] Index\n- [ ] Query\n- [ ] Ranking\n"
    assert marked(begun) == [("Index", "done"), ("Query", "planned"), ("Ranking", "planned")]


def test_a_status_cell_that_is_a_badge_image_reads_the_badges_words() -> None:
    """A student team's plan writes each Status cell as a shields.io badge with no alt text
    ("![](https://img.shields.io/badge/-In_Progress-blue)"): the words of its address say
    it; a badge in another column (its start date) says nothing. An edit leaves the badge
    to the author, as it does a badge in a table with no Status column."""
    text = (
        "# Plan\n\n| Framework | Status | Dates |\n|---|---|---|\n"
        "| Fabric | ![](https://img.shields.io/badge/-In_Progress-blue) |"
        " ![](https://img.shields.io/badge/Start-July_2023-blue) |\n"
        "| Caliper | ![](https://img.shields.io/badge/-To_be_Started-grey) |"
        " ![](https://img.shields.io/badge/Start-Mar_2024-blue) |\n"
        "| Iroha | ![](https://example.com/badge/-Started-orange) | |\n"
    )
    assert marked(text) == [("Fabric", "in_progress"), ("Caliper", "planned")]
    roadmap = milepost.loads(text)
    with pytest.raises(UsageError, match="its badge"):
        ops.set_status(roadmap, roadmap.items[0], Status.DONE)


def test_a_heading_tagged_with_a_status_and_when_it_starts_says_the_status() -> None:
    assert marked("# Spec\n\n## v0.1 (Planned to start April 2020)\n") == [("v0.1", "planned")]
