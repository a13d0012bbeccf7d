"""The edit operations of Current Focus: (roadmap, arguments, today) → an :class:`Edit`.

``ship`` records an item under this month's Completed Milestones, ``plan`` adds one under a
month of Current Focus; ``set_status`` (:mod:`.restatus`) changes a status where it stands.
Each keeps the author's style (bullet, box or emoji, label words, line endings) and touches
only the lines it must. The check runs on the re-parsed result: an edit whose outcome cannot
be shown is refused by the caller, never written.
"""

from __future__ import annotations

import re
from datetime import date

from milepost.document import Patch
from milepost.edits.edit import Edit, named, untitled
from milepost.edits.likeness import likeness, struck
from milepost.edits.markup import title_markdown
from milepost.edits.placement import bullet_of, insert_under, newline_of, section_of
from milepost.edits.readback import read_item, read_milestone
from milepost.edits.restatus import new_row, set_status, voice_of
from milepost.edits.style import without_carried_note
from milepost.errors import UsageError
from milepost.model import Item, Roadmap, title_key, work_items
from milepost.vocabulary.dates import month_title
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Status, emoji_at, emoji_written

__all__ = ["Edit", "milestone_lines", "plan", "set_status", "ship"]


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
    children = [line for line in lines[item.span.start + 1 : item.span.end] if line.strip()]
    if children:
        width = min(len(line) - len(line.lstrip(" \t")) for line in children)
        new += [
            f"  {line[width:]}" if line.endswith(("\n", "\r")) else f"  {line[width:]}{nl}"
            for line in children
        ]
    if details:
        new.append(f"  {bullet} Details: {details}{nl}")
    return new


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
