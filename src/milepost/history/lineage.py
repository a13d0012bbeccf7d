"""One item's life across the versions of its roadmap: when it appeared, changed, went.

Consecutive versions are paired with :func:`milepost.history.match.match`, so an item keeps its
lineage through rewordings; an item removed and later listed again under the same title
takes its old lineage back. :func:`lineages` is the one walk that ``log`` and ``stats`` share.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from milepost.history.match import match
from milepost.history.snapshot import ItemState, Snapshot
from milepost.history.versions import Commit
from milepost.vocabulary.status import Status
from milepost.vocabulary.titles import title_key

__all__ = ["Lineage", "Point", "Step", "find", "lineages", "track_names", "with_steps_at"]


@dataclass(frozen=True, slots=True)
class Point:
    """A roadmap at one moment: a committed version, or the working tree (``commit`` None)."""

    when: date
    commit: Commit | None
    snapshot: Snapshot


class Step(NamedTuple):
    """An item as one point has it; ``state`` None means the item was removed there."""

    at: int  # the point's position in the timeline
    when: date
    commit: Commit | None
    state: ItemState | None


@dataclass(slots=True)
class Lineage:
    steps: list[Step] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[Lineage], tuple[list[Step]]]:
        return (Lineage, (self.steps,))  # faster to unpickle than the dataclass's default

    @property
    def title(self) -> str:
        return next(s.state.title for s in reversed(self.steps) if s.state is not None)

    @property
    def titles(self) -> list[str]:
        return list(dict.fromkeys(s.state.title for s in self.steps if s.state is not None))

    @property
    def baseline(self) -> bool:
        """Listed in the first version seen: its earlier life is not in the history."""
        return self.steps[0].at == 0

    def first(self, *statuses: Status) -> Step | None:
        return next(
            (s for s in self.steps if s.state is not None and s.state.status in statuses), None
        )

    @property
    def shipped(self) -> Step | None:
        """The step where the item became done, unless it was done from the start of history."""
        done = self.first(Status.DONE)
        if done is None or (done is self.steps[0] and self.baseline):
            return None
        return done

    @property
    def ended(self) -> date | None:
        """When the item left the roadmap or was dropped, if it did."""
        last = self.steps[-1]
        if last.state is None:
            return last.when
        dropped = self.first(Status.DROPPED)
        return dropped.when if dropped is not None else None


def _key(item: ItemState) -> str:
    return item.key


def _refs(item: ItemState) -> tuple[str, ...]:
    return item.refs


def _same(a: ItemState, b: ItemState) -> bool:
    return a.status == b.status and a.period == b.period and a.title == b.title


def lineages(timeline: Sequence[Point]) -> list[Lineage]:
    """Every item's lineage over ``timeline`` (oldest point first), in order of appearance."""
    found: list[Lineage] = []
    live: dict[str, Lineage] = {}
    gone: dict[str, Lineage] = {}
    previous: tuple[ItemState, ...] = ()
    previous_keys: tuple[str, ...] = ()
    for index, point in enumerate(timeline):
        items = point.snapshot.items
        keys = tuple([i.key for i in items])
        if keys == previous_keys:  # the usual case: the same items, some of them changed
            for before, after in zip(previous, items, strict=True):
                if before[:4] != after[:4]:  # key, title, status, period: see _same
                    live[after.key].steps.append(Step(index, point.when, point.commit, after))
            previous = items
            continue
        now: dict[str, Lineage] = {}
        for pair in match(previous, items, _key, anchors=_refs):
            if pair.after is None:
                assert pair.before is not None
                lineage = live[pair.before.key]
                lineage.steps.append(Step(index, point.when, point.commit, None))
                gone[pair.before.key] = lineage
                continue
            if pair.before is None:
                lineage = gone.pop(pair.after.key) if pair.after.key in gone else Lineage()
                if not lineage.steps:
                    found.append(lineage)
                lineage.steps.append(Step(index, point.when, point.commit, pair.after))
            else:
                lineage = live[pair.before.key]
                if not _same(pair.before, pair.after):
                    lineage.steps.append(Step(index, point.when, point.commit, pair.after))
            now[pair.after.key] = lineage
        live = now
        previous, previous_keys = items, keys
    return found


def find(found: Sequence[Lineage], query: str) -> list[Lineage]:
    """The lineages whose title, at any time, is ``query`` or contains it (case-folded);
    exact titles win over partial ones."""
    key = title_key(query)
    exact = [g for g in found if any(title_key(t) == key for t in g.titles)]
    if exact:
        return exact
    return [g for g in found if any(key in title_key(t) for t in g.titles)]


def track_names(timeline: Sequence[Point], lineage: Lineage) -> list[str]:
    """The names ``timeline``'s roadmap had during ``lineage`` (from its first step on),
    oldest first, each once: more than one where the track was renamed in the item's story."""
    start = lineage.steps[0].at if lineage.steps else len(timeline)
    return list(dict.fromkeys(p.snapshot.track for p in timeline[start:] if p.snapshot.track))


def with_steps_at(lineage: Lineage, timeline: Sequence[Point], points: Iterable[int]) -> Lineage:
    """``lineage`` with a step at each of ``points`` (positions in ``timeline``) where the item
    was listed and has none, the item as it was: where something the item's story should
    tell happened to its roadmap (its file moved) and nothing to the item."""
    have = {step.at for step in lineage.steps}
    steps = list(lineage.steps)
    for at in points:
        last = next((s for s in reversed(lineage.steps) if s.at < at), None)
        if at in have or last is None or last.state is None:
            continue  # a step there already, or the item not listed yet (or removed)
        point = timeline[at]
        steps.append(Step(at, point.when, point.commit, last.state))
    return Lineage(sorted(steps, key=lambda s: s.at))
