"""An item or request whose status is a ``Status:`` field: an edit sets the field's value and
changes nothing around it, and a ``--reason`` never goes after it, where it would be read as
part of the value."""

from __future__ import annotations

import pytest

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status

FOCUS = "# T Roadmap\n\n## Current Focus\n\n### November 2026\n"


def _restatused(line: str, status: Status, reason: str | None = None) -> str:
    """The item of ``line`` given ``status``, as its line then reads (checked against the
    model as the edit's own check reads it)."""
    text = f"{FOCUS}{line}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    edit = ops.set_status(roadmap, item, status, reason=reason)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    return after[len(FOCUS) :].rstrip("\n")


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        ("- Status: Planned", Status.BLOCKED, "- (waiting on #4) Status: Blocked"),
        ("- Status: Planned", Status.DROPPED, "- (waiting on #4) Status: Dropped"),
        ("- (Status: Planned)", Status.BLOCKED, "- (waiting on #4) (Status: Blocked)"),
        ("- [ ] Status: Planned", Status.BLOCKED, "- [ ] (waiting on #4) Status: Blocked"),
        ("- 📋 Status: Planned", Status.DROPPED, "- ❌ (waiting on #4) Status: Dropped"),
        (
            "- Export - Status: Planned",
            Status.BLOCKED,
            "- Export (waiting on #4) - Status: Blocked",
        ),
        # a bold label leads the item: its value ends where words begin, the note ends them
        ("- **Status:** Planned", Status.BLOCKED, "- **Status:** Blocked (waiting on #4)"),
        ("- **Status:** 📋 Planned", Status.DROPPED, "- **Status:** ❌ Dropped (waiting on #4)"),
    ],
)
def test_a_reason_goes_before_a_field_that_is_all_the_item_says(
    line: str, status: Status, after: str
) -> None:
    """``block --reason`` on "- Status: Planned" was refused as not applied: with nothing
    before the field, the note went after it ("Status: Blocked (waiting on #4)"), and the
    value it then had named no status. The note goes before the field, as it does after an
    item's words. A bold ``**Status:**`` label leading the item lost the note, silently."""
    assert _restatused(line, status, reason="waiting on #4") == after
