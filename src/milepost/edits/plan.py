"""``plan``: a planned item added under a month of Current Focus, written like the planned
items already there (:mod:`.likeness`), with its owner and issue; a row where the month is
a table with a Status column."""

from __future__ import annotations

import re
from datetime import date

from milepost.document import Patch
from milepost.edits.edit import Edit, untitled
from milepost.edits.likeness import likeness, struck
from milepost.edits.placement import bullet_of, insert_under, newline_of, section_of
from milepost.edits.readback import read_item
from milepost.edits.rows import new_row
from milepost.edits.voice_reading import voice_of
from milepost.errors import UsageError
from milepost.model import Item, Roadmap, title_key, work_items
from milepost.vocabulary.dates import month_title
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Status, emoji_at

__all__ = ["plan"]


def plan(
    roadmap: Roadmap,
    title: str,
    *,
    today: date,
    month: date | None = None,
    owner: str | None = None,
    issue: str | None = None,
) -> Edit:
    """Add a planned item under ``month`` (default: this month) of Current Focus.

    Refused: a month in the past, a title already in Current Focus, an ``issue`` that is not
    a number or a URL, an ``owner`` that is not a name, and text that would not read back as
    one planned item.
    """
    focus = section_of(roadmap, SectionKind.FOCUS)
    if focus is None:
        raise UsageError("no Current Focus section to plan in", path=roadmap.path)
    title = title.strip()
    month = (month or today).replace(day=1)
    heading = month_title(month)
    if month < today.replace(day=1):
        raise UsageError(
            f"cannot plan for {heading}: it is in the past",
            path=roadmap.path,
            hint=f"plan for {month_title(today)} or a later month",
        )
    nl = newline_of(roadmap)
    # Write it like the planned items of that month, else of the latest month.
    periods = list(roadmap.focus.periods) if roadmap.focus else []
    same = [p for p in periods if p.period is not None and p.period.start == month]
    pools = [p.items for p in same] + [p.items for p in reversed(periods)]
    sample = next((i for pool in pools for i in pool if _form(roadmap, i)), None)
    voice = voice_of(roadmap)
    marker = (sample.marker or "") if sample is not None else ""
    glyph = emoji_at(marker)
    labelled = bool((marker[glyph[1] :] if glyph else marker).strip(" :*_[]"))
    label = f"**{voice.word(Status.PLANNED)}:** " if labelled else ""
    # A document of task boxes gets a box; others the emoji they use for planned work.
    mark = "[ ]" if sample is not None and sample.kind == "task" else voice.glyph(Status.PLANNED)
    ref = _issue(issue, roadmap.path) if issue else None
    ref_text = f" ({ref})" if ref else ""
    handle = f"@{owner.strip().lstrip('@')}" if owner else None
    extra = ref_text + (f" {handle}" if handle else "")
    bullet = bullet_of(roadmap, sample)
    line = f"{bullet} {mark} {label}{title}{extra}{nl}"
    # Marked as that planned item is, where it can be ("- **Planned**: Export", "- Export -
    # Status: Planned"): its markers before its title and its tag after it, as written.
    like = (
        likeness(roadmap.document.source.lines[sample.span.start], sample, roadmap.legend)
        if sample is not None and sample.kind in ("list", "task")
        else None
    )
    seen = read_item(line, heading, roadmap.legend)
    if seen is None or seen.status is not Status.PLANNED or not seen.title:
        raise UsageError(f"{title!r} does not read as a planned item", path=roadmap.path)
    if like is not None:
        box = "[ ] " if sample is not None and sample.kind == "task" else ""
        alike = f"{bullet} {box}{like.before}{title}{like.tag}{extra}{nl}"
        # Taken only where it reads as the plain line does: planned, the same title, owners
        # and references (a neighbour's markup must not open around the new title).
        read = read_item(alike, heading, roadmap.legend)
        if read is not None and read.status is Status.PLANNED and _same(read, seen):
            line, seen = alike, read
    if ref and ref not in seen.refs:
        raise UsageError(
            f"--issue {issue!r} does not read as an issue reference",
            path=roadmap.path,
            hint="give its number, 450 or #450, or a GitHub issue or pull request URL",
        )
    if owner and f"@{owner.strip().lstrip('@')}" not in seen.owners:
        raise UsageError(f"--owner {owner!r} is not a name like @ann", path=roadmap.path)
    key = title_key(seen.title)
    for item in _focus_items(roadmap):
        if title_key(item.title) == key:
            raise UsageError(
                f"{item.title!r} is already in Current Focus",
                path=roadmap.path,
                line=item.span.first_line,
                hint="give the new item another title, or edit that one with start, ship, drop",
            )
    # A month written as a table with a Status column gets a row, not a bullet under it.
    rows = [i for p in same for i in p.items if i.kind == "row"]
    row = (
        new_row(roadmap, rows[-1], f"{title}{ref_text}", Status.PLANNED, voice, owner=handle)
        if rows
        else None
    )
    if row is not None:
        at, line = row
        patches = [Patch(at, at, (line,))]
    else:
        patches = insert_under(roadmap, focus, month, [line], newest_first=False)
        (patch,) = patches
        at = patch.start + patch.lines.index(line)  # the new line's index once inserted

    def verify(after: Roadmap) -> str | None:
        found = next((i for i in work_items(after) if i.span.start == at), None)
        if (
            found is None
            or found.status is not Status.PLANNED
            or heading not in found.section
            or title_key(found.title) != key
        ):
            return f"{seen.title!r} is not planned under {heading}"
        return None

    return Edit(tuple(patches), f"{seen.title}: planned for {heading}", verify)


def _form(roadmap: Roadmap, item: Item) -> bool:
    """Whether a new planned item may be written like ``item``: planned, with a title of its
    own ("- Status: Planned @kim" has none), not struck through (dropped work)."""
    return (
        item.status is Status.PLANNED
        and not untitled(item, roadmap.legend)
        and not struck(roadmap.document.source.lines[item.span.start], item)
    )


def _same(read: Item, plain: Item) -> bool:
    """Whether two readings of a new item say the same item."""
    return (read.title, read.owners, read.refs) == (plain.title, plain.owners, plain.refs)


def _focus_items(roadmap: Roadmap) -> list[Item]:
    focus = roadmap.focus
    if focus is None:
        return []
    return [*focus.items, *(i for p in focus.periods for i in p.items)]


def _issue(issue: str, path: str | None) -> str:
    """``--issue`` as written on the line: ``#450`` for a number, else the URL as given."""
    text = issue.strip()
    if re.fullmatch(r"#?\d{1,7}", text):
        return "#" + text.lstrip("#")
    if re.fullmatch(r"https?://\S+", text):
        return text
    raise UsageError(
        f"--issue {issue!r} is not an issue",
        path=path,
        hint="give its number, 450 or #450, or its URL",
    )
