"""The new month begins: shipped work moves to Completed Milestones, the rest carries over."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from milepost.document import Patch, Section
from milepost.edits.edit import Edit
from milepost.edits.lines import split_line_ending
from milepost.edits.milestones import milestone_lines
from milepost.edits.notes import carried_over, without_carried_note
from milepost.edits.placement import insert_under, month_slot, section_of
from milepost.edits.review import review
from milepost.errors import UsageError
from milepost.model import Roadmap, title_key, work_items
from milepost.vocabulary.dates import add_months, month_title
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Status

__all__ = ["rollover"]

_MONTH_WORDS = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b"
)


_HEADINGS = ("headings", "headings and their sections")


def _carried(line: str, month: str, legend: Legend) -> str:
    body, ending = split_line_ending(line)
    stripped = body.rstrip()
    trailing = body[len(stripped) :]
    return f"{carried_over(stripped, month, legend)}{trailing}{ending}"


def rollover(roadmap: Roadmap, *, today: date, to: date | None, cadence_days: int) -> Edit:
    """Roll Current Focus over to month ``to`` (default: this month)."""
    target = (to or today).replace(day=1)
    focus_section = section_of(roadmap, SectionKind.FOCUS)
    if focus_section is None or roadmap.focus is None:
        raise UsageError("no Current Focus section to roll over", path=roadmap.path)
    _check_target(roadmap, focus_section, target, today)
    milestones = section_of(roadmap, SectionKind.MILESTONES)
    lines = roadmap.document.source.lines
    nl = roadmap.document.source.newline
    periods = {p.span.start: p for p in roadmap.focus.periods}
    # Work ``ship --keep`` recorded already (under its month or a later one: a title that
    # recurs, "Monthly release", was recorded before for an earlier month's work): rollover
    # only takes it out of Current Focus.
    recorded: dict[str, date] = {}
    for group in roadmap.milestones:
        when = group.period.start if group.period is not None else None
        for record in group.items:
            key = title_key(record.title)
            if when is not None and (key not in recorded or recorded[key] < when):
                recorded[key] = when
    headings = [i for i in work_items(roadmap) if i.kind == "heading"]
    patches: list[Patch] = []
    carried: list[str] = []
    shipped: dict[date, list[str]] = {}
    recorded_before = 0  # done items taken out of Current Focus only: recorded already
    for sub in focus_section.subsections:
        period = read_period(sub.title)
        if period is None or period.kind != "month" or period.start is None:
            continue
        if period.start >= target:
            continue
        month = sub.title.strip()
        items = periods[sub.start].items if sub.start in periods else ()
        # A table's rows, or headings with their sections, are not lines to carry.
        others = [i for i in items if i.kind == "row"] or [
            i for i in headings if sub.start < i.span.start < sub.end
        ]
        if others:
            held, moved = ("a table", "table's rows") if others[0].kind == "row" else _HEADINGS
            raise UsageError(
                f"{month} holds its items in {held}: rollover moves list items only",
                path=roadmap.path,
                line=others[0].span.first_line,
                hint=f"move the {moved} by hand, or write the month's items as a list",
            )
        kept_dropped = False
        for item in items:
            block = list(lines[item.span.start : item.span.end])
            if item.status is Status.DONE:
                if milestones is None:
                    raise UsageError(
                        "no Completed Milestones section to move shipped work to", path=roadmap.path
                    )
                when = recorded.get(title_key(without_carried_note(item.title)))
                if when is None or when < period.start:  # recorded as ship records it
                    shipped.setdefault(period.start, []).extend(
                        milestone_lines(roadmap, item, period.start)
                    )
                else:
                    recorded_before += 1
            elif item.status is Status.DROPPED:
                kept_dropped = True
                continue
            else:
                carried.append(_carried(block[0], month, roadmap.legend))
                carried.extend(block[1:])
            patches.append(Patch(item.span.start, item.span.end))
        if not kept_dropped:
            patches = [p for p in patches if not sub.start <= p.start < sub.end]
            patches.append(Patch(sub.start, sub.end))
    for month_start, block in shipped.items():
        assert milestones is not None
        patches += insert_under(
            roadmap, milestones, month_start, _tight(block, nl), newest_first=True
        )
    for first_day, new in ((target, carried), (add_months(target, 1), [])):
        existing, _, _ = month_slot(focus_section, first_day, newest_first=False)
        if existing is None and not new:  # an empty month heading would read as forgotten
            new = [f"<!-- plan {month_title(first_day)} here -->{nl}"]
        if new:
            patches += insert_under(
                roadmap, focus_section, first_day, _tight(new, nl), newest_first=False
            )
    patches += _horizon(roadmap, target)
    patches += review(roadmap, today=today, cadence_days=cadence_days).patches
    title = month_title(target)
    # Every line's status is kept (each item counted where it is written: a title recorded
    # for an earlier month is work apart), but for the done items recorded already.
    statuses = _statuses(roadmap)
    statuses[Status.DONE] -= recorded_before

    def verify(after: Roadmap) -> str | None:
        if after.focus is None:
            return "Current Focus is gone"
        if _statuses(after) != +statuses:
            return "the items read back with other statuses than before (some would be lost)"
        for period in after.focus.periods:
            if (
                period.period is not None
                and period.period.end is not None
                and period.period.end < target
                and any(i.status not in (Status.DROPPED, None) for i in period.items)
            ):
                return f"{period.heading} still holds open or shipped work"
        if not any(p.heading.strip() == title for p in after.focus.periods):
            return f"no {title} in Current Focus"
        return None

    return Edit(tuple(_merge(patches, lines)), f"rolled over to {title}", verify)


def _check_target(roadmap: Roadmap, focus: Section, target: date, today: date) -> None:
    """Refuse a month in the past, or one not after the month Current Focus starts at (that
    would put a heading above it, or change nothing)."""
    this_month = today.replace(day=1)
    if target < this_month:
        raise UsageError(
            f"cannot roll over to {month_title(target)}: it is in the past",
            path=roadmap.path,
            hint=f"this month is {month_title(this_month)}; roll over to it or a later one",
        )
    periods = [read_period(sub.title) for sub in focus.subsections]
    months = [p.start for p in periods if p is not None and p.kind == "month" and p.start]
    first = min(months, default=None)
    if first is not None and target <= first:
        raise UsageError(
            f"Current Focus already starts at {month_title(first)}: "
            + (
                "nothing to roll over"
                if target == first
                else f"{month_title(target)} would go above it"
            ),
            path=roadmap.path,
            hint=f"roll over to a later month, e.g. --to {add_months(first, 1):%Y-%m}",
        )


def _tight(block: list[str], nl: str) -> list[str]:
    return [line if line.endswith(("\n", "\r")) else line + nl for line in block if line.strip()]


def _horizon(roadmap: Roadmap, target: date) -> list[Patch]:
    meta = roadmap.meta
    if meta.planning_horizon is None or meta.horizon_start is None:
        return []
    start = meta.horizon_start.start
    if start is None or start >= target:
        return []
    shift = (target.year - start.year) * 12 + target.month - start.month
    for number, line in enumerate(roadmap.document.source.lines):
        if "horizon" not in line.lower():
            continue
        found = list(_MONTH_WORDS.finditer(line))
        if not found:
            return []
        pieces, last = [], 0
        for match in found:
            period = read_period(match.group())
            if period is None or period.start is None:
                continue
            pieces.append(line[last : match.start()])
            pieces.append(month_title(add_months(period.start, shift)))
            last = match.end()
        pieces.append(line[last:])
        return [Patch(number, number + 1, ("".join(pieces),))]
    return []


def _merge(patches: list[Patch], lines: tuple[str, ...] | list[str]) -> list[Patch]:
    """Deletions inside a deleted section are folded into it, and so are insertions: when
    every month of Current Focus rolls over, the new months go where the old ones were."""
    deletions = [p for p in patches if p.end > p.start and not p.lines]
    out = []
    folded: dict[Patch, list[Patch]] = {}
    for patch in patches:
        outer = next(
            (
                d
                for d in deletions
                if d is not patch
                and (
                    (d.start <= patch.start and patch.end <= d.end and patch.end > patch.start)
                    or d.start < patch.start == patch.end < d.end
                    # a section deleted to the end of the file: an insertion at its end too
                    or d.start < patch.start == patch.end == d.end == len(lines)
                )
            ),
            None,
        )
        if outer is None:
            out.append(patch)
        elif patch.end == patch.start:
            folded.setdefault(outer, []).append(patch)
    for deletion, inserts in folded.items():
        new = [line for insert in inserts for line in insert.lines]
        if new and not new[0].strip() and not lines[deletion.start - 1].strip():
            new = new[1:]  # the blank line above the old month stays the one above the new
        at = max(insert.start for insert in inserts)
        out[out.index(deletion)] = Patch(
            deletion.start, deletion.end, (*new, *lines[at : deletion.end])
        )
    return sorted(out, key=lambda p: (p.start, p.end))


def _statuses(roadmap: Roadmap) -> Counter[Status]:
    return Counter(i.status for i in work_items(roadmap) if i.status is not None)
