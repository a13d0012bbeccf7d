"""Work done, written as Completed Milestones records it ("✅ Search shipped - faster
lookups (#431) @farid"), marked like the milestones already there: what ``ship`` and
``rollover`` add there."""

from __future__ import annotations

import re
from datetime import date

from milepost.edits.cells import restatus_field
from milepost.edits.field_lines import field_line
from milepost.edits.markup import title_markdown
from milepost.edits.notes import without_carried_note
from milepost.edits.placement import bullet_of, newline_of
from milepost.edits.voice_reading import voice_of
from milepost.model import Item, Roadmap
from milepost.vocabulary.dates import month_title
from milepost.vocabulary.status import Status, emoji_written

__all__ = ["milestone_lines"]

# "<work> shipped" or "<work> shipped - <impact>": the form of Completed Milestones.
_SHIPPED = re.compile(r"(?i)\sshipped(?:\s+[-–—:]\s|$)")


def milestone_lines(
    roadmap: Roadmap,
    item: Item,
    month: date,
    *,
    impact: str | None = None,
    details: str | None = None,
) -> list[str]:
    """``item``, done in ``month``, as Completed Milestones records work: "✅ <work> shipped
    - <impact> (#ref) @owner", marked like the milestones already there, with the item's own
    sub-bullets (details, notes) re-indented beneath it (``ship`` and ``rollover`` alike)."""
    nl = newline_of(roadmap)
    example = next((i for group in roadmap.milestones for i in group.items), None)
    bullet = bullet_of(roadmap, example or item)
    # The references the title does not already hold ("Redis backend (#287) - ..." keeps one).
    refs = " ".join(
        r for r in item.refs if r.startswith("#") and not re.search(rf"{r}(?!\d)", item.title)
    )
    # Work written as a milestone already ("Search shipped - faster lookups") is not said to
    # have shipped twice.
    shipped = "" if _SHIPPED.search(item.title) else " shipped"
    # The title as the author wrote it: a code span or link stays one ("`__init__` hooks").
    written = title_markdown(roadmap, item, month_title(month), shipped)
    text = f"{without_carried_note(written)}{shipped}" + (f" - {impact}" if impact else "")
    if refs:
        text += f" ({refs})"
    # Left off where the title names them already; "@dana" does not name "@dan".
    owners = " ".join(o for o in item.owners if not re.search(rf"{re.escape(o)}(?![\w-])", written))
    if owners:  # who did it stays with the record ("... shipped (#431) @farid")
        text += f" {owners}"
    # Marked like the milestones already there (a box, or their emoji as written), else
    # with the emoji the document uses most for done work.
    shown = emoji_written(example.marker or "") if example is not None else None
    if example is not None and example.kind == "task":
        mark = "[x]"
    elif example is not None and example.marker and shown and example.status is Status.DONE:
        mark = example.marker[: shown[1]]
    else:
        mark = voice_of(roadmap).glyph(Status.DONE)
    new = [f"{bullet} {mark} {text}{nl}"]
    lines = roadmap.document.source.lines
    # The item's own sub-bullets (details, notes) go with it, re-indented under the new line.
    # Its own Status field ("- Status: WIP" beneath it) says done with it.
    field = field_line(roadmap, item) if item.status_from == "field" else -1
    children = [
        restatus_field(lines[n], Status.DONE, voice_of(roadmap)) if n == field else lines[n]
        for n in range(item.span.start + 1, item.span.end)
        if lines[n].strip()
    ]
    if children:
        width = min(len(line) - len(line.lstrip(" \t")) for line in children)
        new += [
            f"  {line[width:]}" if line.endswith(("\n", "\r")) else f"  {line[width:]}{nl}"
            for line in children
        ]
    if details:
        new.append(f"  {bullet} Details: {details}{nl}")
    return new
