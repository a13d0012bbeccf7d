"""The edit operations: (roadmap, arguments, today) → an :class:`Edit` (patches + a check).

Each keeps the author's style (bullet, box or emoji, label words, line endings) and touches
only the lines it must. The check runs on the re-parsed result: an edit whose outcome cannot
be shown is refused by the caller, never written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from milepost.document import Block, BlockQuote, ListBlock, Patch, Section, Table
from milepost.edits.readback import read_item
from milepost.edits.style import (
    LABELS,
    restatus_cell,
    restatus_field,
    restatus_line,
    split_line_ending,
    without_carried_note,
)
from milepost.errors import UsageError
from milepost.model import Item, Roadmap, title_key, work_items
from milepost.vocabulary.periods import month_title, read_period
from milepost.vocabulary.sections import SectionKind, classify
from milepost.vocabulary.status import Status, emoji_at, status_of_word

__all__ = ["Edit", "plan", "set_status", "ship"]


@dataclass(frozen=True)
class Edit:
    """Line patches, what they do, and how to tell from the re-parsed roadmap that they did."""

    patches: tuple[Patch, ...]
    description: str
    verify: Callable[[Roadmap], str | None]  # None when the result is as expected


def _newline(roadmap: Roadmap) -> str:
    return roadmap.document.source.newline


def _vocabulary(roadmap: Roadmap) -> dict[Status, str]:
    """The label word the document uses most for each status ("Complete", "Done", ...)."""
    seen: dict[Status, Counter[str]] = {}
    for item in roadmap.items:
        if item.status is None or not item.marker:
            continue
        found = emoji_at(item.marker)
        word = (item.marker[found[1] :] if found else item.marker).strip(" :*_[]x")
        if word and status_of_word(word) is item.status:
            seen.setdefault(item.status, Counter())[word] += 1
    return {status: words.most_common(1)[0][0] for status, words in seen.items()}


def _table_of(blocks: list[Block], line: int) -> Table | None:
    for block in blocks:
        if isinstance(block, Table) and block.start <= line < block.end:
            return block
        if isinstance(block, ListBlock):
            for list_item in block.items:
                found = _table_of(list_item.children, line)
                if found is not None:
                    return found
        elif isinstance(block, BlockQuote):
            found = _table_of(block.children, line)
            if found is not None:
                return found
    return None


_PIPE = re.compile(r"(?<!\\)\|")


def _set_cell(line: str, column: int, status: Status, words: dict[Status, str]) -> str:
    body, ending = split_line_ending(line)
    bounds = [m.start() for m in _PIPE.finditer(body)]
    leading = body.lstrip().startswith("|")
    if not leading:
        bounds.insert(0, -1)
    if len(bounds) < column + 2:
        bounds.append(len(body))
    start, end = bounds[column] + 1, bounds[column + 1]
    return body[:start] + restatus_cell(body[start:end], status, words) + body[end:] + ending


def _status_column(table: Table) -> int | None:
    header = [h.lower().strip(" *:") for h in table.header()]
    return next((i for i, h in enumerate(header) if h in ("status", "state")), None)


def _set_first_emoji(line: str, status: Status) -> str:
    """A row whose first cell leads with a status emoji: only that emoji changes."""
    for at, char in enumerate(line):
        if char not in " \t|":
            found = emoji_at(line, at)
            if found is None:  # a row with no marker of its own gets one
                return line[:at] + status.emoji + " " + line[at:]
            end = found[1]
            while end < len(line) and line[end] in "\ufe0f\ufe0e":
                end += 1
            return line[:at] + status.emoji + line[end:]
    raise UsageError("the row has no cells")


def _field_line(roadmap: Roadmap, item: Item) -> int:
    """The line of the ``**Status:**`` field that gives a heading its status."""
    lines = roadmap.document.source.lines
    for number in range(item.span.end, min(item.span.end + 12, len(lines))):
        if re.search(r"(?i)\bstat(?:us|e)\b\s*(?:\*\*|__)?\s*:", lines[number]):
            return number
    raise UsageError("cannot find the status field", path=roadmap.path, line=item.span.first_line)


def set_status(roadmap: Roadmap, item: Item, status: Status, *, reason: str | None = None) -> Edit:
    """Give ``item`` a new status where it stands (list item, table row or heading)."""
    lines = roadmap.document.source.lines
    words = _vocabulary(roadmap)
    first = item.span.start
    if item.kind == "row":
        table = _table_of(roadmap.document.blocks, first)
        column = _status_column(table) if table is not None else None
        if column is not None:
            new = _set_cell(lines[first], column, status, words)
        else:  # the status is an emoji glued to the first cell
            new = _set_first_emoji(lines[first], status)
    elif item.kind == "heading" and item.status_from == "field":
        first = _field_line(roadmap, item)
        new = restatus_field(lines[first], status, words)
    else:
        try:
            new = restatus_line(lines[first], status, reason=reason, words=words)
        except ValueError:
            raise UsageError(
                "cannot find the item's marker on its line",
                path=roadmap.path,
                line=item.span.first_line,
            ) from None

    anchor = item.span.start

    def verify(after: Roadmap) -> str | None:
        found = next((i for i in after.items if i.span.start == anchor), None)
        if found is None or found.status is not status:
            got = found.status.value if found and found.status else "no status"
            return f"line {first + 1} reads as {got}, not {status.value}"
        return None

    return Edit((Patch(first, first + 1, (new,)),), f"{item.title}: {status.label}", verify)


def _sections(roadmap: Roadmap) -> list[tuple[Section, SectionKind]]:
    out: list[tuple[Section, SectionKind]] = []

    def visit(section: Section, parent: SectionKind | None) -> None:
        kind = classify(section.title, parent)
        out.append((section, kind))
        for sub in section.subsections:
            visit(sub, kind)

    for top in roadmap.document.sections:
        visit(top, None)
    return out


def _section(roadmap: Roadmap, kind: SectionKind) -> Section | None:
    return next((s for s, k in _sections(roadmap) if k is kind), None)


def _content_end(roadmap: Roadmap, section: Section) -> int:
    """The line after a section's own last non-blank line (before its subsections)."""
    lines = roadmap.document.source.lines
    end = section.subsections[0].start if section.subsections else section.end
    while end > section.start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _month_slot(
    parent: Section, month: date, *, newest_first: bool
) -> tuple[Section | None, int, int]:
    """The subsection of ``parent`` for ``month``, or where a new one goes, and its level."""
    level = parent.level + 1
    dated = [(s, read_period(s.title)) for s in parent.subsections]
    for sub, period in dated:
        if period is not None and period.kind == "month" and period.start == month.replace(day=1):
            return sub, sub.start, sub.level
    months = [(s, p.start) for s, p in dated if p is not None and p.start is not None]
    if months:
        level = months[0][0].level
        for sub, start in months:
            if (start < month) if newest_first else (start > month):
                return None, sub.start, level
    after = parent.subsections[-1].end if parent.subsections else parent.end
    if months and not newest_first:
        after = months[-1][0].end
    return None, after, level


# What rollover leaves under a month nothing is planned for yet.
_PLACEHOLDER = re.compile(r"^\s*<!-- plan [^>]* here -->\s*$")


def _insert_under(
    roadmap: Roadmap, parent: Section, month: date, new_lines: list[str], *, newest_first: bool
) -> list[Patch]:
    """Patches adding ``new_lines`` under ``parent``'s heading for ``month`` (made if missing)."""
    nl = _newline(roadmap)
    lines = roadmap.document.source.lines
    sub, at, level = _month_slot(parent, month, newest_first=newest_first)
    if sub is not None:
        end = _content_end(roadmap, sub)
        body = [n for n in range(sub.start + 1, end) if lines[n].strip()]
        if len(body) == 1 and _PLACEHOLDER.match(lines[body[0]]):
            return [Patch(body[0], body[0] + 1, tuple(new_lines))]  # the month's first items
        return [Patch(end, end, tuple(new_lines))]
    while at > parent.start + 1 and not lines[at - 1].strip():
        at -= 1  # join the block after the last content line, before the blank lines
    heading = f"{'#' * level} {month_title(month)}{nl}"
    block = [nl, heading, *new_lines]
    if at < len(lines) and lines[at].strip():
        block.append(nl)
    return [Patch(at, at, tuple(block))]


def _bullet_of(roadmap: Roadmap, item: Item | None) -> str:
    if item is not None:
        line = roadmap.document.source.lines[item.span.start]
        match = re.match(r"^([ \t]*)([-*+])[ \t]+", line)
        if match:
            return match.group(2)
    return "-"


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
    if item.kind == "row" or not in_focus:
        return set_status(roadmap, item, Status.DONE)
    milestones = _section(roadmap, SectionKind.MILESTONES)
    if milestones is None:  # nowhere to record it: done where it stands
        done = set_status(roadmap, item, Status.DONE)
        return Edit(
            done.patches, f"{item.title}: done (no Completed Milestones section)", done.verify
        )
    nl = _newline(roadmap)
    example = next((i for group in roadmap.milestones for i in group.items), None)
    bullet = _bullet_of(roadmap, example or item)
    # The references the title does not already hold ("Redis backend (#287) - ..." keeps one).
    refs = " ".join(
        r for r in item.refs if r.startswith("#") and not re.search(rf"{r}(?!\d)", item.title)
    )
    text = f"{without_carried_note(item.title)} shipped" + (f" - {impact}" if impact else "")
    if refs:
        text += f" ({refs})"
    new = [f"{bullet} {Status.DONE.emoji} {text}{nl}"]
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
    patches = _insert_under(roadmap, milestones, today, new, newest_first=True)
    if keep:
        patches.append(set_status(roadmap, item, Status.DONE).patches[0])
    else:
        patches.append(Patch(item.span.start, item.span.end))
    title = item.title
    before = _in_focus(roadmap, title)
    shipped_title = without_carried_note(title)

    def verify(after: Roadmap) -> str | None:
        shipped = next(
            (i for g in after.milestones for i in g.items if i.title.startswith(shipped_title)),
            None,
        )
        if shipped is None or shipped.status is not Status.DONE:
            return f"'{title}' is not recorded as done under Completed Milestones"
        if not keep and _in_focus(after, title) >= before:
            return f"'{title}' is still in Current Focus"
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

    Refused: a title already in Current Focus, an ``issue`` that is not a number or a URL,
    an ``owner`` that is not a name, and text that would not read back as one planned item.
    """
    focus = _section(roadmap, SectionKind.FOCUS)
    if focus is None:
        raise UsageError("no Current Focus section to plan in", path=roadmap.path)
    title = title.strip()
    month = (month or today).replace(day=1)
    heading = month_title(month)
    nl = _newline(roadmap)
    # Write it like the planned items of that month, else of the latest month.
    periods = list(roadmap.focus.periods) if roadmap.focus else []
    same = [p for p in periods if p.period is not None and p.period.start == month]
    pools = [p.items for p in same] + [p.items for p in reversed(periods)]
    sample = next((i for pool in pools for i in pool if i.status is Status.PLANNED), None)
    labelled = sample is not None and bool(sample.marker) and sample.marker != Status.PLANNED.emoji
    words = _vocabulary(roadmap)
    label = f"**{words.get(Status.PLANNED, LABELS[Status.PLANNED])}:** " if labelled else ""
    ref = _issue(issue, roadmap.path) if issue else None
    extra = f" ({ref})" if ref else ""
    if owner:
        extra += f" @{owner.strip().lstrip('@')}"
    line = f"{_bullet_of(roadmap, sample)} {Status.PLANNED.emoji} {label}{title}{extra}{nl}"
    seen = read_item(line, heading)
    if seen is None or seen.status is not Status.PLANNED or not seen.title:
        raise UsageError(f"{title!r} does not read as a planned item", path=roadmap.path)
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
    patches = _insert_under(roadmap, focus, month, [line], newest_first=False)
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


def _focus_items(roadmap: Roadmap) -> list[Item]:
    focus = roadmap.focus
    if focus is None:
        return []
    return [*focus.items, *(i for p in focus.periods for i in p.items)]
