"""History for people: a diff as terminal text or Markdown (an item's story is in
:mod:`milepost.render.story`, the figures of ``stats`` in :mod:`milepost.render.stats`).

rich is imported by the functions that draw with it: plain and Markdown output (what pipes,
CI logs and announcements get) start without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from milepost.history.changes import FieldChange, ItemChange
from milepost.history.diff import TrackDiff
from milepost.render.text import counted, shorten
from milepost.vocabulary.status import Status

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = [
    "change_words",
    "diff_markdown",
    "diff_text",
    "escape_markdown",
    "status_mark",
    "track_words",
]

# What a change of status to this one is called.
VERBS = {
    Status.DONE: "shipped",
    Status.IN_PROGRESS: "started",
    Status.PLANNED: "planned",
    Status.FUTURE: "deferred",
    Status.BLOCKED: "blocked",
    Status.DROPPED: "dropped",
}
_MOVES = {"slip": "slipped", "pull-in": "pulled in", "move": "moved", "dated": "dated"}
_STYLE = {
    "shipped": "green",
    "started": "yellow",
    "slipped": "red",
    "blocked": "red",
    "dropped": "dim",
    "added": "cyan",
    "removed": "dim",
}


def status_mark(status: Status | None) -> str:
    """A status's emoji, or "·" for none."""
    return status.emoji if status else "·"


def change_words(change: ItemChange) -> tuple[str, str]:
    """(what happened, the detail) for one item change: ("shipped", "🚧 → ✅"), …"""
    before, after = change.before, change.after
    if after is None:
        assert before is not None
        return "removed", f"was {status_mark(before.status)} {before.period or ''}".rstrip()
    if before is None:
        detail = " ".join(x for x in (status_mark(after.status), after.period or "") if x)
        return "added", detail
    parts = []
    verb = ""
    if change.status_changed:
        verb = VERBS[after.status] if after.status else "unmarked"
        parts.append(f"{status_mark(before.status)} → {status_mark(after.status)}")
    if change.move:
        if not verb:
            verb = _MOVES.get(change.move, "undated")
        parts.append(f"{before.period or 'undated'} → {after.period or 'undated'}")
    if change.reworded:
        verb = verb or "reworded"
        parts.append(f"was {before.title!r}")
    return verb, "; ".join(parts)


def _field_words(change: FieldChange) -> str:
    if change.before is None:
        return "added"
    if change.after is None:
        return "removed"
    before, after = change.before, change.after
    return "; ".join(
        f"{k} {_value(k, before.get(k))} → {_value(k, after.get(k))}" for k in change.changed_fields
    )


def _value(field: str, value: str | None) -> str:
    """A field's value for people: a request's status by its label ("In Progress")."""
    if value is None:
        return "—"
    if field == "status":
        try:
            return Status(value).label
        except ValueError:
            pass
    return value


def _header(d: TrackDiff) -> str:
    return f"{d.label}  {d.path}{_moved(d)}  {d.base.label} → {d.head.label}"


def _moved(d: TrackDiff) -> str:
    return f" (moved from {d.moved_from})" if d.moved_from else ""


def track_words(d: TrackDiff) -> tuple[str, str] | None:
    """(what happened, the detail) to a track that came or went, told instead of its items:
    ("new track", "3 items on its roadmap"), ("track retired", "its 2 open items went with
    it"); None for a track that stayed."""
    if d.new:
        return "new track", f"{counted(len(d.items), 'item')} on its roadmap"
    if d.retired:
        count = d.open_items or 0
        if not count:
            return "track retired", "no open items went with it"
        items = "its open item" if count == 1 else f"its {count} open items"
        return "track retired", f"{items} went with it"
    return None


def diff_text(
    diffs: Sequence[TrackDiff], *, verbose: bool = False, width: int = 80
) -> RenderableType:
    """Every track that changed, one line per change; a closing count. A title is cut to
    what a line of ``width`` leaves beside the change's words (never below 60 characters):
    whole on a wide terminal and in a pipe."""
    from rich.console import Group
    from rich.text import Text

    blocks: list[RenderableType] = []
    for d in diffs:
        if d.empty and not (verbose and d.notes):
            continue
        blocks.append(Text(_header(d), style="bold"))
        room = max(60, width - 40)  # 40: the verb, the blanks and a typical detail
        column = min(max((len(i.title) for i in d.items), default=0), room)
        if (told := track_words(d)) is not None:
            line = Text("  ")
            line.append(told[0], style="cyan" if d.new else "red")
            line.append(f": {told[1]}")
            blocks.extend([line, Text("")])
            continue
        for change in d.items:
            verb, detail = change_words(change)
            line = Text("  ")
            line.append(f"{verb:<10}", style=_STYLE.get(verb, ""))
            title = shorten(change.title, room)
            line.append(f" {title:<{column}}  ")
            line.append(detail, style="dim")
            blocks.append(line)
        for field in (*d.metrics, *d.risks, *d.requests):
            line = Text("  ")
            line.append(f"{field.kind:<10}", style="magenta")
            line.append(f" {field.name}: {_field_words(field)}")
            blocks.append(line)
        for title in d.sections_added:
            blocks.append(Text(f"  {'section':<10} + {title}"))
        for title in d.sections_removed:
            blocks.append(Text(f"  {'section':<10} - {title}"))
        if verbose:
            blocks.extend(Text(f"  note: {note}", style="dim") for note in d.notes)
        blocks.append(Text(""))
    changed = sum(1 for d in diffs if not d.empty)
    blocks.append(Text(f"{changed} of {counted(len(diffs), 'track')} changed" + _totals(diffs)))
    return Group(*blocks)


def _totals(diffs: Sequence[TrackDiff]) -> str:
    counts: dict[str, int] = {}
    for d in diffs:
        if (told := track_words(d)) is not None:
            counts[told[0]] = counts.get(told[0], 0) + 1
            continue
        for change in d.items:
            verb = change_words(change)[0]
            counts[verb] = counts.get(verb, 0) + 1
    if not counts:
        return ""
    order = ["shipped", "started", "slipped", "pulled in", "added", "removed"]
    ranked = sorted(counts, key=lambda v: (order.index(v) if v in order else len(order), v))
    return ": " + ", ".join(f"{counts[v]} {v}" for v in ranked)


def diff_markdown(diffs: Sequence[TrackDiff]) -> str:
    """The diff as Markdown for a weekly sync's notes or a pull request."""
    lines = ["# Roadmap changes", ""]
    for d in diffs:
        if d.empty:
            continue
        where = f"{_md(d.path + _moved(d))}: {_md(d.base.label)} → {_md(d.head.label)}"
        lines += [f"## {_md(d.label)}", "", where, ""]
        if (told := track_words(d)) is not None:
            lines += [f"- **{told[0].capitalize()}:** {_md(told[1])}", ""]
            continue
        for change in d.items:
            verb, detail = change_words(change)
            lines.append(f"- **{verb.capitalize()}:** {_md(change.title)}" + _paren(detail))
        for field in (*d.metrics, *d.risks, *d.requests):
            lines.append(
                f"- **{field.kind.capitalize()}:** {_md(field.name)}: {_md(_field_words(field))}"
            )
        lines += [f"- **Section added:** {_md(t)}" for t in d.sections_added]
        lines += [f"- **Section removed:** {_md(t)}" for t in d.sections_removed]
        lines.append("")
    if len(lines) == 2:
        lines += ["No changes.", ""]
    return "\n".join(lines)


def _paren(detail: str) -> str:
    return f" ({_md(detail)})" if detail else ""


def escape_markdown(text: str) -> str:
    """Roadmap text made inert in Markdown: no emphasis, links or HTML sneak through."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_~[]<>|" else ch)
    return "".join(out)


_md = escape_markdown
