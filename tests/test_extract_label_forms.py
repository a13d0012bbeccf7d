"""Status markers in the forms held-out roadmaps write them: a label in italics (``*DONE:*
Foo``), a heading with a mark after its name, a square-bracketed tag after a bare box."""

from __future__ import annotations

import pytest

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status


def statuses(text: str) -> list[tuple[str, str | None]]:
    return [(i.title, i.status.value if i.status else None) for i in milepost.loads(text).items]


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
