"""The marks other than glyphs and words an item may open with, set for a new status: a box
of a task list's own kind that the document's legend keys (``[~]``), and an image icon whose
alternative text is a status (``![In Progress](p.png)``), each the document's own for the
status. :mod:`.style` rewrites an item's marker with them."""

from __future__ import annotations

from milepost.edits.lines import ICON
from milepost.edits.voice import Voice
from milepost.vocabulary.legend import box_key
from milepost.vocabulary.status import Status

__all__ = ["box_for", "icon_end", "icon_for", "legend_box"]


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
