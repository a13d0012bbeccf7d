"""A Status field whose label joins another field's name ("**Status/Target**:", "Status &
ETA:"): read as a Status field, and set by the edits as one."""

from __future__ import annotations

import pytest

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status

SECTION = "# T Roadmap\n\n## Now\n\n* ### Facilitator\n\n"


def statuses(text: str) -> list[tuple[str, str | None]]:
    return [(i.title, i.status.value if i.status else None) for i in milepost.loads(text).items]


@pytest.mark.parametrize(
    ("field", "status"),
    [
        # x402's: the value in bold, the date after a dash inside it
        ("**Status/Target**: **Shipped – Sep 9, 2025**.", "done"),
        ("**Status/Target**: Pending externalization commitment; est. 2–3 weeks.", "planned"),
        ("**Status / ETA:** 🚧 In progress, Q4", "in_progress"),
        ("**Status & Target**: Blocked on the audit", "blocked"),
        ("**Status and ETA**: Done", "done"),
        ("**Status**: **Shipped – Sep 9, 2025**.", "done"),
    ],
)
def test_a_status_label_joined_to_another_field_is_a_status_field(field: str, status: str) -> None:
    """x402's items each say "**Status/Target**:"; the label was no Status label, so the
    shipped item had no status (and a bold value with a date in it was read as none even
    after "**Status**:")."""
    (item,) = milepost.loads(f"{SECTION}  - {field}\n").items
    assert item.status is not None and item.status.value == status
    # a field of the item it is under, as "- Status: WIP" is: that item's status, its note
    label = field.split(":", 1)[0].strip("* ")
    assert item.title == "Facilitator"
    assert [note.split(":")[0] for note in item.notes] == [label]


@pytest.mark.parametrize(
    "field",
    [
        "**Status/Target**: **Q4/Q1**; 1–2 weeks once wallet primitives land.",
        "**Status/Target**: Ideating; **Q4/Q1**; security & infra gating.",
        "**Status/Target**: Decide in **Q4** based on fractionalization signal.",
        "**Status/Target**: **TBD**; good candidate once scale merits it.",
        "**Status Report**: Done with the first half.",
    ],
)
def test_a_joined_label_gives_no_status_its_value_does_not_say(field: str) -> None:
    """A value that opens with no status word (a quarter, "Ideating", "Decide in Q4")
    says none; "Status Report" names no field of status."""
    assert all(i.status is None for i in milepost.loads(f"{SECTION}  - {field}\n").items)


def test_a_headings_joined_status_field_gives_it_its_status() -> None:
    """A section opening with "**Status/ETA:** ..." is a deliverable with that status, as
    one opening with "**Status:** ..." is."""
    text = "# T Roadmap\n\n### Offline mode\n\n**Status/ETA:** 🚧 In Progress, Q3 2026\n"
    assert statuses(text) == [("Offline mode", "in_progress")]


def _set(text: str, status: Status) -> str:
    roadmap = milepost.loads(text)
    (item,) = [i for i in roadmap.items if i.status]
    edit = ops.set_status(roadmap, item, status)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    return after


@pytest.mark.parametrize(
    ("field", "status", "after"),
    [
        (
            "**Status/Target**: **Shipped – Sep 9, 2025**.",
            Status.IN_PROGRESS,
            "**Status/Target**: **In Progress – Sep 9, 2025**.",
        ),
        (
            "**Status & ETA:** 📋 Planned, Q4",
            Status.BLOCKED,
            "**Status & ETA:** ⛔ Blocked, Q4",
        ),
    ],
)
def test_an_edit_sets_the_value_of_a_joined_status_field(
    field: str, status: Status, after: str
) -> None:
    """The value changes where it stands, the label and the words after it as they were
    (an emoji was put before the label, and the line said two things)."""
    assert _set(f"{SECTION}  - {field}\n", status) == f"{SECTION}  - {after}\n"


def test_an_edit_sets_a_headings_joined_status_field() -> None:
    text = "# T Roadmap\n\n### Offline mode\n\n**Status/ETA:** 🚧 In Progress, Q3 2026\n"
    after = _set(text, Status.DONE)
    assert after.endswith("**Status/ETA:** ✅ Completed, Q3 2026\n"), after


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("DONE. Released in 0.15.0", "done"),
        ("DONE. [v1beta3](https://example.com/v1) was developed as the candidate.", "done"),
        ("design in progress", "in_progress"),
        ("API review in progress.", "in_progress"),
        ("In progress - waiting on review", "in_progress"),
    ],
)
def test_a_status_fields_free_text_value_says_its_status(value: str, status: str) -> None:
    """Kubernetes' roadmap writes "- Status: DONE. Released in 0.15.0" and "- Status:
    design in progress": a value with more than its status in it had none. Its status leads
    the value before punctuation, or is the last words of a short one."""
    (item,) = milepost.loads(f"{SECTION}  - Status: {value}\n").items
    assert (item.title, item.status and item.status.value) == ("Facilitator", status)
    (alone,) = milepost.loads(f"# T\n\n## Work\n\n- Status: {value}\n").items
    assert alone.status is not None and alone.status.value == status


@pytest.mark.parametrize(
    "value",
    [
        "mostly covered by nodes joining/leaving a cluster, need demonstration",
        "#2585 covers some design options.",
        "the team is waiting",
        "we shipped the first part and the rest is in progress now",
    ],
)
def test_a_status_word_in_the_middle_of_a_fields_prose_is_none(value: str) -> None:
    assert [i.status for i in milepost.loads(f"{SECTION}  - Status: {value}\n").items] == []
    assert not any(i.status for i in milepost.loads(f"# T\n\n- Status: {value}\n").items)


@pytest.mark.parametrize(
    ("field", "after"),
    [
        ("  - Status: design in progress", "  - Status: design completed"),
        ("  - Status: DONE. Released in 0.15.0", "  - Status: IN PROGRESS. Released in 0.15.0"),
    ],
)
def test_an_edit_sets_a_free_text_values_status_words_alone(field: str, after: str) -> None:
    text = f"{SECTION}{field}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    new = Status.DONE if item.status is Status.IN_PROGRESS else Status.IN_PROGRESS
    edit = ops.set_status(roadmap, item, new)
    written = apply(roadmap.document.source, edit.patches).text
    assert written == f"{SECTION}{after}\n"
    assert edit.verify(milepost.loads(written)) is None


def test_a_status_fields_words_before_a_glyph_are_set_with_it() -> None:
    """ "**Status**: Planned 📋" under a heading set done was "**Status**: ✅
    CompletedPlanned 📋": the value's words before a glyph were no value the edit knew, so
    the new one went in front of them, joined."""
    text = "# R\n\n#### 📋 5. Search Fundamentals\n**Status**: Planned 📋  \n**Goal**: learn\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    edit = ops.set_status(roadmap, item, Status.DONE)
    after = apply(roadmap.document.source, edit.patches).text
    assert after.splitlines()[2:4] == [
        "#### ✅ 5. Search Fundamentals",
        "**Status**: Completed ✅  ",
    ]
