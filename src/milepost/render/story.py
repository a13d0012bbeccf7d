"""An item's story for people (``milepost log``): each status and period it had, with dates
and commits, as a table, or a card a step on a narrow terminal.

rich is imported by the functions that draw with it, as in :mod:`milepost.render.history`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from milepost.history.changes import ItemChange
from milepost.history.lineage import Lineage
from milepost.history.snapshot import ItemState
from milepost.history.versions import Commit
from milepost.render.history import change_words, status_mark

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["story_text"]


def story_text(
    lineage: Lineage,
    *,
    track: str,
    horizon: bool = False,
    retired: Commit | None = None,
    moves: Mapping[int, str] | None = None,
) -> RenderableType:
    """An item's story: when it appeared, each status and period it had, when it left.
    Roadmap text and commit subjects go in as plain text, never as rich markup. With
    ``horizon`` (the first version is a shallow clone's horizon) an item already there is not
    said to have been listed then; an item that left with its roadmap in ``retired`` (the
    commit that deleted it) went as the track was retired; a step in ``moves`` (by its
    ``at``: the path the roadmap had before) says where the roadmap moved from. A table, or a
    card a step on a terminal too narrow for it."""
    from rich.table import Table
    from rich.text import Text

    from milepost.render.fit import Fit

    heading = f"{track}: {lineage.title}"
    rows = _story_rows(lineage, horizon=horizon, retired=retired, moves=moves)
    table = Table(title=Text(heading), title_justify="left", box=None)
    for name in _STORY_COLUMNS:
        table.add_column(name)
    for cells in rows:
        table.add_row(*(Text(c) for c in cells))
    return Fit(table, _story_cards(heading, rows))


_STORY_COLUMNS = ("date", "commit", "status", "period", "title", "change")


def _story_rows(
    lineage: Lineage, *, horizon: bool, retired: Commit | None, moves: Mapping[int, str] | None
) -> list[list[str]]:
    """The story's steps as the cells of :data:`_STORY_COLUMNS`."""
    rows = []
    previous: ItemState | None = None
    for step in lineage.steps:
        commit = step.commit.sha[:7] if step.commit else "(work tree)"
        subject = step.commit.subject if step.commit else ""
        moved = f"roadmap moved from {moves[step.at]}" if moves and step.at in moves else ""
        if step.state is None:
            gone = "track retired" if retired is not None and step.commit == retired else "removed"
            gone = "; ".join(w for w in (gone, moved) if w)
            rows.append([step.when.isoformat(), commit, "—", "—", "", f"{gone} · {subject}"])
            previous = None
            continue
        state = step.state
        if previous is None:
            what = "already listed" if horizon and step.at == 0 else "listed"
        elif state == previous:  # a step where only the roadmap changed
            what = ""
        else:
            what = _step_change(previous, state)
        what = "; ".join(w for w in (what, moved) if w) or "changed"
        rows.append(
            [
                step.when.isoformat(),
                commit,
                f"{status_mark(state.status)} {state.status.label if state.status else ''}".strip(),
                state.period or "",
                state.title if previous is None or previous.title != state.title else "",
                f"{what} · {subject}" if subject else what,
            ]
        )
        previous = state
    return rows


def _story_cards(heading: str, rows: Sequence[Sequence[str]]) -> RenderableType:
    """The story's steps as cards, for a terminal too narrow for its table (squeezed, the
    table cut its dates, commits and statuses to "2026…", "b5ea…", "Plan…"): the day and the
    commit, then the status and period, the title where it changed, and what happened."""
    from rich.console import Group
    from rich.text import Text

    from milepost.render.fit import card

    cards: list[RenderableType] = [Text(heading, style="italic")]
    for day, commit, status, period, title, change in rows:
        state = " · ".join(c for c in (status, period) if c and c != "—")
        lines = [Text(line) for line in (state, title, change) if line]
        cards += [Text(""), card(Text(f"{day} · {commit}", style="bold"), *lines)]
    return Group(*cards)


def _step_change(before: ItemState, after: ItemState) -> str:
    change = ItemChange(before, after)
    verb, _ = change_words(change)
    return verb or "changed"
