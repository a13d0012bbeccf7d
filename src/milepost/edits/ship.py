"""``ship``: an item marked done; from Current Focus, recorded under this month's Completed
Milestones (:mod:`.milestones`) and taken out of Current Focus. A table row, an item outside
Current Focus, one with no title of its own and a sub-item are done where they stand."""

from __future__ import annotations

from datetime import date

from milepost.document import Patch
from milepost.edits.edit import Edit, named, untitled
from milepost.edits.milestones import milestone_lines
from milepost.edits.notes import without_carried_note
from milepost.edits.placement import insert_under, section_of
from milepost.edits.readback import read_milestone
from milepost.edits.restatus import set_status
from milepost.errors import UsageError
from milepost.model import Item, Roadmap
from milepost.vocabulary.dates import month_title
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Status

__all__ = ["ship"]


def ship(
    roadmap: Roadmap,
    item: Item,
    *,
    today: date,
    impact: str | None = None,
    details: str | None = None,
    keep: bool = False,
) -> Edit:
    """Mark ``item`` done; from Current Focus, record it under this month's Completed
    Milestones and remove it from Current Focus (unless ``keep``)."""
    focus = roadmap.focus
    in_focus = focus is not None and (
        any(item.span.start == i.span.start for p in focus.periods for i in p.items)
        or any(item.span.start == i.span.start for i in focus.items)
    )
    milestones = section_of(roadmap, SectionKind.MILESTONES)
    # An item that says nothing but its status ("- Status: Planned @kim") has no work to
    # record: "✅ Status: Planned shipped" would say two things. It is done where it stands.
    nameless = untitled(item, roadmap.legend)
    # A sub-item (a deliverable under its piece of work) belongs to its parent: taken out of
    # its list and recorded alone, it would leave its parent and say less. Done where it is.
    nested = item.depth > 0
    recorded = (
        item.kind != "row" and in_focus and milestones is not None and not nameless and not nested
    )
    if not recorded and (impact or details):
        where = (
            "a table row is marked done where it stands"
            if item.kind == "row"
            else "only Current Focus items are recorded under Completed Milestones"
            if not in_focus
            else "there is no Completed Milestones section"
            if milestones is None
            else "it is part of the item above it, and is marked done where it stands"
            if nested
            else "it has no title of its own to record under Completed Milestones"
        )
        raise UsageError(
            f"--{'impact' if impact else 'details'} has nowhere to go: {where}",
            path=roadmap.path,
            line=item.span.first_line,
            hint="ship it without --impact and --details",
        )
    if item.kind == "row" or not in_focus:
        return set_status(roadmap, item, Status.DONE)
    if milestones is None or nameless or nested:  # nowhere, nothing or part: done where it is
        done = set_status(roadmap, item, Status.DONE)
        why = (
            "no title of its own to record"
            if nameless
            else "part of the item above it"
            if nested
            else "no Completed Milestones section"
        )
        return Edit(done.patches, f"{named(item, roadmap.legend)}: done ({why})", done.verify)
    new = milestone_lines(roadmap, item, today, impact=impact, details=details)
    patches = insert_under(roadmap, milestones, today, new, newest_first=True)
    # Where the item's line is once the record is in (Completed Milestones may come first).
    kept_at = item.span.start + sum(
        len(p.lines) - (p.end - p.start) for p in patches if p.end <= item.span.start
    )
    if keep:
        patches.append(set_status(roadmap, item, Status.DONE).patches[0])
    else:
        patches.append(Patch(item.span.start, item.span.end))
    title = item.title
    before = _in_focus(roadmap, title)
    # The title the record will have: the milestone reader's ("Search", of "Search shipped
    # - faster lookups"), not necessarily the item's.
    record = read_milestone(new[0], month_title(today), roadmap.legend)
    shipped_title = record.title if record is not None else without_carried_note(title)

    def verify(after: Roadmap) -> str | None:
        shipped = next(
            (i for g in after.milestones for i in g.items if i.title.startswith(shipped_title)),
            None,
        )
        if shipped is None or shipped.status is not Status.DONE:
            return f"'{title}' is not recorded as done under Completed Milestones"
        if not keep and _in_focus(after, title) >= before:
            return f"'{title}' is still in Current Focus"
        kept = next((i for i in after.items if i.span.start == kept_at), None) if keep else None
        if keep and (kept is None or kept.status is not Status.DONE):
            return f"'{title}' is not marked done in Current Focus"
        return None

    return Edit(tuple(patches), f"{title}: shipped", verify)


def _in_focus(roadmap: Roadmap, title: str) -> int:
    """How many Current Focus items have this title."""
    focus = roadmap.focus
    if focus is None:
        return 0
    return sum(i.title == title for p in focus.periods for i in p.items) + sum(
        i.title == title for i in focus.items
    )
