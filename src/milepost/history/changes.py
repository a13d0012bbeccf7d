"""How one item, metric, risk or community request changed between two versions of a track.

A changed period is a *slip* when the new period ends later and the item is open (neither done
nor dropped, before or after), a *pull-in* when it ends earlier, and a *move* when the words
give no dates to compare (``v0.3`` → ``v0.4``) or a closed item's period moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from milepost.history.snapshot import ItemState
from milepost.vocabulary.status import Status

__all__ = ["CLOSED", "FieldChange", "ItemChange", "period_move"]

#: The statuses of closed work: an item done or dropped does not slip.
CLOSED = (Status.DONE, Status.DROPPED)


def period_move(before: ItemState, after: ItemState) -> str | None:
    """``slip``, ``pull-in`` or ``move`` when the item's period changed, else None.

    A slip is a move of an *open* item to a later period: an item done or dropped on either
    side (shipped in the same version its period changed, say) did not slip, it moved.
    """
    if before.period == after.period:
        return None
    if before.period_end is not None and after.period_end is not None:
        if after.period_end > before.period_end:
            closed = before.status in CLOSED or after.status in CLOSED
            return "move" if closed else "slip"
        if after.period_end < before.period_end:
            return "pull-in"
    return "move" if before.period and after.period else "dated" if after.period else "undated"


@dataclass(frozen=True, slots=True)
class ItemChange:
    before: ItemState | None
    after: ItemState | None
    similarity: float = 1.0

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"

    @property
    def title(self) -> str:
        state = self.after or self.before
        assert state is not None
        return state.title

    @property
    def status_changed(self) -> bool:
        return (
            self.before is not None
            and self.after is not None
            and (self.before.status != self.after.status)
        )

    @property
    def move(self) -> str | None:
        if self.before is None or self.after is None:
            return None
        return period_move(self.before, self.after)

    @property
    def reworded(self) -> bool:
        """Paired by similarity or issue reference, not by name (a changed aside or explanation
        is no rewording)."""
        return (
            self.before is not None and self.after is not None and self.before.key != self.after.key
        )

    def to_dict(self) -> dict[str, Any]:
        def side(state: ItemState | None) -> dict[str, Any] | None:
            if state is None:
                return None
            return {
                "title": state.title,
                "status": state.status.value if state.status else None,
                "period": state.period,
                "section": state.section,
                "line": state.line,
            }

        return {
            "kind": self.kind,
            "title": self.title,
            "status_changed": self.status_changed,
            "period_change": self.move,
            "reworded": self.reworded,
            "similarity": round(self.similarity, 3),
            "before": side(self.before),
            "after": side(self.after),
        }


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A metric, risk or community request that was added, removed or changed."""

    kind: str  # metric | risk | request
    name: str
    before: dict[str, str | None] | None
    after: dict[str, str | None] | None

    @property
    def changed_fields(self) -> tuple[str, ...]:
        if self.before is None or self.after is None:
            return ()
        return tuple(k for k in self.after if self.before.get(k) != self.after[k])

    def to_dict(self) -> dict[str, Any]:
        change = "added" if self.before is None else "removed" if self.after is None else "changed"
        return {
            "kind": self.kind,
            "name": self.name,
            "change": change,
            "fields": list(self.changed_fields),
            "before": self.before,
            "after": self.after,
        }
