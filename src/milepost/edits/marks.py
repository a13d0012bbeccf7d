"""The marks other than glyphs and words an item may open with, set for a new status: a box
of a task list's own kind that the document's legend keys (``[~]``), and an image icon whose
alternative text is a status (``![In Progress](p.png)``), each the document's own for the
status; a task box ticked or opened (:func:`retick`), and what box an item's words open
with where it has no task box of its own ("[✓] Retained messages", "[~] FSDP"). :mod:`.style`
rewrites an item's marker with them."""

from __future__ import annotations

from milepost.document.item_lines import LIST_ITEM
from milepost.edits.lines import ICON
from milepost.edits.voice import Voice
from milepost.extract.marker import PARTLY_TICKED_BOX, TICKED_BOXES
from milepost.vocabulary.legend import box_key
from milepost.vocabulary.status import Status

__all__ = [
    "box_for",
    "icon_end",
    "icon_for",
    "keyed_box_unkeyed",
    "legend_box",
    "opens_ticked",
    "partly_ticked",
    "reset_box",
    "retick",
]


def box_for(status: Status, voice: Voice) -> str:
    """The box of the document's legend for ``status`` ("[~]"), a task box for done or
    planned, else the document's glyph for it."""
    own = legend_box(status, voice)
    if own is not None:
        return own
    return {Status.DONE: "[x]", Status.PLANNED: "[ ]"}.get(status) or voice.glyph(status)


def legend_box(status: Status, voice: Voice) -> str | None:
    """The box of a task list's own kind the document's legend keys ``status`` with ("[~]"
    for in progress), if any."""
    return next(
        (key for key, said in voice.legend.glyphs.items() if said is status and box_key(key)),
        None,
    )


def icon_end(text: str, voice: Voice) -> int | None:
    """Where an image icon that opens ``text`` and says a status ends ("![In Progress](p.png)
    Blazor"), as the extractor reads one."""
    icon = ICON.match(text)
    return None if icon is None or voice.status_of(icon["alt"]) is None else icon.end()


def icon_for(status: Status, voice: Voice) -> str:
    """The image icon the document marks ``status`` with; an item marked by an icon takes no
    glyph or word beside it, so where the document shows none for ``status`` the edit is
    refused."""
    icon = voice.icons.get(status)
    if icon is None:
        raise ValueError(
            f"the item's status is its image icon, and no item here has an icon for"
            f" {status.label}: change the image by hand"
        )
    return icon


def opens_ticked(box: str | None, rest: str) -> bool:
    """Whether a list item's words open with a box ticked with a check mark ("[✓] Retained
    messages"), where it has no task box of its own."""
    return not box and rest[:3] in TICKED_BOXES and rest[3:4] in (" ", "\t")


def partly_ticked(box: str | None, rest: str, voice: Voice) -> bool:
    """Whether a list item's words open with a box ticked in part ("[~] FSDP") that no
    legend keys, where it has no task box of its own: work under way."""
    return (
        not box
        and rest[:3] == PARTLY_TICKED_BOX
        and rest[3:4] in (" ", "\t")
        and voice.legend.glyph(PARTLY_TICKED_BOX) is None
    )


def keyed_box_unkeyed(box: str | None, rest: str, status: Status, voice: Voice) -> bool:
    """Whether a list item's words open with a box of its list's own kind that the legend
    keys ("[/] Users table"), where it has no task box of its own, and ``status`` has neither
    a box of the legend's nor a task box's (done or planned)."""
    return (
        not box
        and box_key(rest) is not None
        and rest[3:4] in (" ", "\t")
        and voice.legend.glyph(rest[:3]) is not None
        and status not in (Status.DONE, Status.PLANNED)
        and legend_box(status, voice) is None
    )


def retick(line: str, status: Status) -> str | None:
    """A task's line with its box set for ``status`` (ticked for done work, opened for any
    other); None where it has no box, or its box says so already."""
    item = LIST_ITEM.match(line)
    if item is None or item["box"] is None:
        return None
    new = f"{line[: item.start('box')]}{reset_box(item['box'], status)}{line[item.end('box') :]}"
    return None if new == line else new


def reset_box(box: str, status: Status) -> str:
    """A task box as written with the blanks after it (``"[ ] "``), set for ``status``."""
    return _set_box(box[:3], status) + box[3:]


def _set_box(box: str, status: Status) -> str:
    """A task box (``[ ]``, ``[x]``, ``[X]``) ticked for done, else open; a tick kept as
    written."""
    if status is not Status.DONE:
        return "[ ]"
    return box if box[1] in "xX" else "[x]"
