"""What changed in one track between two versions, in a track lead's terms (a :class:`TrackDiff`;
DESIGN.md calls it RoadmapDiff).

Items are paired by title (see :mod:`milepost.history.match`), so a reworded item is one item
that changed; how each item, metric, risk or request changed (slips, pull-ins, moves) is
:mod:`milepost.history.changes`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from milepost.history.changes import CLOSED, FieldChange, ItemChange
from milepost.history.match import Pair, match
from milepost.history.snapshot import Snapshot

__all__ = ["Ref", "TrackDiff", "diff"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Ref:
    """One side of a diff: a commit, the working tree, or nothing (the file did not exist),
    and the roadmap's path in the repository there (renames followed; None when unknown)."""

    label: str  # "a1b2c3d (2026-11-18)", "working tree", "nothing"
    commit: str | None = None
    when: date | None = None
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "commit": self.commit,
            "date": self.when.isoformat() if self.when else None,
            "path": self.path,
        }


@dataclass(frozen=True, slots=True)
class TrackDiff:
    track: str
    path: str
    base: Ref
    head: Ref
    items: tuple[ItemChange, ...] = ()
    metrics: tuple[FieldChange, ...] = ()
    risks: tuple[FieldChange, ...] = ()
    requests: tuple[FieldChange, ...] = ()
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    new: bool = False  # the roadmap did not exist at the base
    retired: bool = False  # it existed at the base, and no longer at the head
    was: str | None = None  # the track's name at the base, where it differs from the head's
    moved_from: str | None = None  # its path at the base, where the file moved since

    @property
    def label(self) -> str:
        """The track's name, and the name it had at the base where that changed:
        "Memory (was: Context Store)"."""
        return f"{self.track} (was: {self.was})" if self.was else self.track

    @property
    def open_items(self) -> int | None:
        """For a track retired, how many of its items were still open (neither done nor
        dropped) when it went; else None."""
        if not self.retired:
            return None
        return sum(
            1
            for c in self.items
            if c.before is not None and c.after is None and c.before.status not in CLOSED
        )

    @property
    def empty(self) -> bool:
        return not (
            self.new
            or self.retired
            or self.was
            or self.moved_from
            or self.items
            or self.metrics
            or self.risks
            or self.requests
            or self.sections_added
            or self.sections_removed
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track,
            "path": self.path,
            "base": self.base.to_dict(),
            "head": self.head.to_dict(),
            "items": [c.to_dict() for c in self.items],
            "metrics": [c.to_dict() for c in self.metrics],
            "risks": [c.to_dict() for c in self.risks],
            "requests": [c.to_dict() for c in self.requests],
            "sections_added": list(self.sections_added),
            "sections_removed": list(self.sections_removed),
            "notes": list(self.notes),
            "new": self.new,
            "retired": self.retired,
            "open_items": self.open_items,
            "was": self.was,
            "moved_from": self.moved_from,
        }


_EMPTY = Snapshot(track="", last_updated=None, next_review=None, items=())


def diff(
    before: Snapshot | None,
    after: Snapshot | None,
    *,
    path: str,
    base: Ref,
    head: Ref,
) -> TrackDiff:
    """What changed from ``before`` to ``after`` (None: the file does not exist there)."""
    old, new = before or _EMPTY, after or _EMPTY
    notes: list[str] = []
    items = tuple(
        change
        for pair in match(
            old.items, new.items, lambda i: i.key, anchors=lambda i: i.refs, notes=notes
        )
        if _item_changed(change := ItemChange(pair.before, pair.after, pair.score))
    )
    metrics = _fields(
        "metric",
        match(old.metrics, new.metrics, lambda m: m.name.casefold()),
        lambda m: {"baseline": m.baseline, "current": m.current, "target": m.target},
        lambda m: m.name,
    )
    risks = _fields(
        "risk",
        match(old.risks, new.risks, lambda r: r.name.casefold()),
        lambda r: {"likelihood": r.likelihood, "impact": r.impact, "mitigation": r.mitigation},
        lambda r: r.title or r.name,
    )
    requests = _fields(
        "request",
        match(old.requests, new.requests, lambda r: r.key, notes=notes),
        lambda r: {"status": r.status.value if r.status else None},
        lambda r: r.title,
    )
    old_sections, new_sections = set(old.sections), set(new.sections)
    both = before is not None and after is not None
    moved = both and base.path is not None and head.path is not None and base.path != head.path
    return TrackDiff(
        track=(after or before or _EMPTY).track,
        path=path,
        base=base,
        head=head,
        items=items,
        metrics=metrics,
        risks=risks,
        requests=requests,
        sections_added=tuple(s for s in new.sections if s not in old_sections),
        sections_removed=tuple(s for s in old.sections if s not in new_sections),
        notes=tuple(notes),
        new=before is None and after is not None,
        retired=before is not None and after is None,
        was=old.track if both and old.track != new.track else None,
        moved_from=base.path if moved else None,
    )


def _item_changed(change: ItemChange) -> bool:
    return change.kind != "changed" or bool(change.status_changed or change.move or change.reworded)


def _fields(
    kind: str,
    pairs: list[Pair[T]],
    fields: Callable[[T], dict[str, str | None]],
    name: Callable[[T], str],
) -> tuple[FieldChange, ...]:
    out = []
    for pair in pairs:
        before = fields(pair.before) if pair.before is not None else None
        after = fields(pair.after) if pair.after is not None else None
        if before != after:
            either = pair.after if pair.after is not None else pair.before
            assert either is not None
            out.append(FieldChange(kind, name(either), before, after))
    return tuple(out)
