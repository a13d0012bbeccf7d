"""Pairing things across two versions: the same title first, then the most similar title.

A reworded item ("Context truncation API" → "Context truncation API for transcripts") is one
item that changed, not one removed and one added. Pairs are found greedily, best similarity
first, and only above :data:`SIMILARITY`; where a runner-up came close, the pairing is
explained in ``notes`` (``--verbose`` shows them), because a guess should be visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, TypeVar

__all__ = ["AMBIGUITY", "SIMILARITY", "Pair", "match", "similarity"]

T = TypeVar("T")

#: The least similarity (difflib's ratio of the normalised titles) for two titles to be one.
SIMILARITY = 0.75
#: A runner-up within this much of the chosen pair makes the pairing worth explaining.
AMBIGUITY = 0.05
# Beyond this many candidate pairs, a rewrite is a rewrite: only exact titles are paired.
_MAX_PAIRS = 40_000


@dataclass(frozen=True, slots=True)
class Pair(Generic[T]):
    """One thing in the two versions: both sides when matched, one side when added or removed."""

    before: T | None
    after: T | None
    score: float = 1.0  # 1.0 for the same title, the similarity for a rewording


def similarity(a: str, b: str) -> float:
    """difflib's ratio, the same whichever way round (difflib's own is not always)."""
    a, b = min(a, b), max(a, b)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILARITY or matcher.quick_ratio() < SIMILARITY:
        return 0.0
    return matcher.ratio()


def match(
    before: Sequence[T],
    after: Sequence[T],
    key: Callable[[T], str],
    *,
    notes: list[str] | None = None,
) -> list[Pair[T]]:
    """Pair ``before`` with ``after`` by ``key``: every element appears in exactly one pair.

    The result follows ``after``'s order (added ones in place), then the removed ones in
    ``before``'s order. Keys are expected to be unique within each side.
    """
    old = {key(b): b for b in before}
    paired: dict[str, tuple[T, float]] = {}  # after key -> (before, score)
    for k in (key(a) for a in after):
        if k in old:
            paired[k] = (old[k], 1.0)
    lonely_old = [k for k in old if k not in paired]
    lonely_new = [key(a) for a in after if key(a) not in paired]
    if lonely_old and lonely_new and len(lonely_old) * len(lonely_new) <= _MAX_PAIRS:
        scored = sorted(
            (
                (score, o, n)
                for o in lonely_old
                for n in lonely_new
                if (score := similarity(o, n)) >= SIMILARITY
            ),
            # ties broken the same whichever side is "before": pairing is symmetric
            key=lambda t: (-t[0], min(t[1], t[2]), max(t[1], t[2])),
        )
        # Where each title stands in ``scored`` (the lonely titles of the two sides differ, so
        # one map serves both): a pairing's rivals are read from its two titles' lists alone.
        places: dict[str, list[int]] = {}
        for index, (_, o, n) in enumerate(scored):
            places.setdefault(o, []).append(index)
            places.setdefault(n, []).append(index)
        taken_old: set[str] = set()
        for score, o, n in scored:
            if o in taken_old or n in paired:
                continue
            if notes is not None:
                rivals = sorted({*places[o], *places[n]})
                _explain(score, o, n, [scored[i] for i in rivals], taken_old, paired, notes)
            paired[n] = (old[o], score)
            taken_old.add(o)
    used = {key(b) for b, _ in paired.values()}
    pairs: list[Pair[T]] = []
    for a in after:
        hit = paired.get(key(a))
        pairs.append(Pair(hit[0], a, hit[1]) if hit else Pair(None, a, 0.0))
    pairs.extend(Pair(b, None, 0.0) for b in before if key(b) not in used)
    return pairs


def _explain(
    score: float,
    old: str,
    new: str,
    scored: list[tuple[float, str, str]],  # the pairs sharing a title with this one, best first
    taken_old: set[str],
    paired: dict[str, tuple[T, float]],
    notes: list[str],
) -> None:
    rivals = [
        (s, o if n == new else n)
        for s, o, n in scored
        if (o == old) != (n == new)  # shares exactly one side with the chosen pair
        and o not in taken_old
        and n not in paired
        and s >= score - AMBIGUITY
    ]
    line = f"matched {old!r} → {new!r} (similarity {score:.2f})"
    if rivals:
        s, title = rivals[0]
        line += f"; {title!r} came close ({s:.2f})"
    notes.append(line)
