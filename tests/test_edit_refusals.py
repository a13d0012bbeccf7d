"""Edits the corpus refused after reading their own result back ("the file is unchanged;
please report this"): each case is a line as written in a real roadmap, and the edit must
now write a line that reads as the status asked for."""

from __future__ import annotations

import pytest

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status


def _set(text: str, line: int, status: Status, reason: str | None = None) -> str:
    """``text`` with the item on ``line`` (0-based) given ``status``, checked as the edit's
    own check reads it; the new text."""
    roadmap = milepost.loads(text)
    item = next(i for i in roadmap.items if i.span.start == line)
    edit = ops.set_status(roadmap, item, status, reason=reason)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    return after


# A Status field's value in bold that the label's bold or a bold of its own encloses: the
# bold closes after the new value as it did after the old.
@pytest.mark.parametrize(
    ("field", "status", "after"),
    [
        ("**Status: In Progress**", Status.DONE, "**Status: Completed**"),
        ("**Status: Planned**", Status.IN_PROGRESS, "**Status: In Progress**"),
        ("**Status:** **WIP**", Status.DONE, "**Status:** **COMPLETED**"),
    ],
)
def test_a_bold_status_field_stays_bold(field: str, status: Status, after: str) -> None:
    text = f"# T\n\n## Roadmap\n\n## Phase 5: Packaging\n\n{field}\n\nSome words.\n"
    assert _set(text, 4, status) == text.replace(field, after)


def test_a_status_sub_bullet_in_bold_stays_bold() -> None:
    text = (
        "# T\n\n## Current Focus\n\n"
        "* Write basic onboarding guide\n  * Status: **IN PROGRESS**\n  * Owner: kim\n"
    )
    after = _set(text, 4, Status.DONE)
    assert after == text.replace("**IN PROGRESS**", "**COMPLETED**")


# A status that is all that follows an item's name and its colon reads no more with a note
# after it ("Compiler: Blocked. (x)"): a reason's note goes after the name, where the
# status still reads; a note the line reads with at its end stays there.
@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        # after a stop, a note would end the line after the sentence: it goes after the name;
        # where the status ends the line, a note in brackets after it reads (as "Shipped
        # 2026-02-12 (see MILESTONES.md)" does)
        ("* Compiler: In progress.", Status.BLOCKED, "* Compiler (x): Blocked."),
        ("* IR Generator: Delayed indefinitely.", Status.DROPPED, "* IR Generator (x): Dropped."),
        (
            "- [x] Core Engine: ✅ Complete (Phases 1-18)",
            Status.DROPPED,
            "- [ ] Core Engine (x): ❌ Dropped (Phases 1-18)",
        ),
        ("- `M0` foundation: done", Status.BLOCKED, "- `M0` foundation: blocked (x)"),
        ("- [Auth](auth.md): done", Status.BLOCKED, "- [Auth](auth.md): blocked (x)"),
        ("- **Auth**: In progress", Status.BLOCKED, "- **Auth**: Blocked (x)"),
        ("## Slice 1: DONE", Status.BLOCKED, "## Slice 1 (x): BLOCKED"),
        (
            "### TASK-013 (COMPLETE) — Backend",
            Status.DROPPED,
            "### TASK-013 (DROPPED) — Backend (x)",
        ),
    ],
)
def test_a_reason_goes_after_the_name_its_status_follows(
    line: str, status: Status, after: str
) -> None:
    text = f"# T\n\n## Current Focus\n\n{line}\n"
    assert _set(text, 4, status, reason="x") == text.replace(line, after)


# A heading that says its status twice, by its own marker and by the Status field below it:
# the field outvotes a new marker alone, so both are set (the reason's note on the heading).
@pytest.mark.parametrize(
    ("heading", "field", "status", "new_heading", "new_field"),
    [
        (
            "## Phase 3: Outbox Automation ✅",
            "**Status**: ✅ **COMPLETE**",
            Status.BLOCKED,
            "## Phase 3: Outbox Automation (x) ⛔",
            "**Status**: ⛔ **BLOCKED**",
        ),
        (
            "## ✅ Phase 6: Core Refactoring (Complete)",
            "**Status: DONE**",
            Status.IN_PROGRESS,
            "## 🚧 Phase 6: Core Refactoring (In Progress)",
            "**Status: IN PROGRESS**",
        ),
        (
            "#### Phase 7: Enhancements ✅",
            "**Status:** Completed 2026-02-16",
            Status.DROPPED,
            "#### Phase 7: Enhancements (x) ❌",
            "**Status:** Dropped 2026-02-16",
        ),
    ],
)
def test_a_heading_and_its_status_field_change_together(
    heading: str, field: str, status: Status, new_heading: str, new_field: str
) -> None:
    text = f"# T\n\n## Roadmap\n\n{heading}\n\n{field}\n\nWords.\n"
    reason = "x" if status in (Status.BLOCKED, Status.DROPPED) else None
    after = _set(text, 4, status, reason=reason)
    assert after == text.replace(heading, new_heading).replace(field, new_field)


# A bare ✅ leading an item of a goal's criteria or deliverables is how the list is bulleted
# (no status): work shipped there says its word after the check mark too.
@pytest.mark.parametrize("marker", ["📋", "⏳", "📅"])
def test_shipped_work_among_criteria_says_its_word(marker: str) -> None:
    text = (
        "# T\n\n## Phase 5: Enterprise Features (📋 PLANNED)\n\n**Deliverables**:\n"
        f"- {marker} User authentication\n- {marker} Rate limiting\n"
    )
    after = _set(text, 5, Status.DONE)
    assert after == text.replace(f"{marker} User", "✅ Completed: User")


# A Status field's value ends at a full stop: the words after it are a note, kept.
@pytest.mark.parametrize(
    ("status", "after"),
    [
        (Status.DONE, "- **Status**: Completed. TBD"),
        (Status.BLOCKED, "- **Status**: Blocked. TBD (x)"),
    ],
)
def test_a_status_field_value_ends_at_its_full_stop(status: Status, after: str) -> None:
    line = "- **Status**: Not started. TBD"
    text = f"# T\n\n## Current Focus\n\n{line}\n"
    reason = "x" if status is Status.BLOCKED else None
    assert _set(text, 4, status, reason=reason) == text.replace(line, after)


# A list item whose words go on past its first line, a status tag ending them on the last:
# the tag is set where it stands, the first line kept (not a new glyph before words whose
# tag still says the old status).
@pytest.mark.parametrize(
    ("status", "reason", "new_last"),
    [
        (Status.IN_PROGRESS, None, "  [JuMP-dev](https://jump.dev) organization (**In Progress**)"),
        (Status.BLOCKED, "x", "  [JuMP-dev](https://jump.dev) organization (x) (**Blocked**)"),
    ],
)
def test_a_tag_ending_an_item_on_a_line_below_is_set_there(
    status: Status, reason: str | None, new_last: str
) -> None:
    last = "  [JuMP-dev](https://jump.dev) organization (**Done**)"
    text = (
        "# T\n\n## Current Focus\n\n"
        f"- Deprecate the JuliaOpt organization and move repositories to the\n{last}\n"
        "- Address major regressions\n"
    )
    assert _set(text, 4, status, reason=reason) == text.replace(last, new_last)


# A heading ending in a bare ✅ over open tasks reads as no status: shipped, the check mark
# that ends it says its word too. A numbered step of a plan ("Phase 5") reads as done with
# the check mark alone, as the one before it does.
@pytest.mark.parametrize("glyph", ["⏳", "🔮"])
@pytest.mark.parametrize(
    ("name", "shipped"),
    [("Web/PWA", "Web/PWA ✅ Completed"), ("Phase 5 – Web", "Phase 5 – Web ✅")],
)
def test_a_heading_over_open_tasks_shipped_says_its_word(
    glyph: str, name: str, shipped: str
) -> None:
    text = (
        "# T\n\n## Roadmap\n\n## Phase 4 – CLI ✅\n- [x] Parser\n\n"
        f"## {name} {glyph}\n- [ ] WASM build of core\n- [ ] Browser UI shell\n"
    )
    after = _set(text, 7, Status.DONE)
    assert after == text.replace(f"{name} {glyph}", shipped)
