"""Pairing things across two versions: the same title first, then the most similar title,
then the same issue reference.

A reworded item ("Context truncation API" → "Context truncation API for transcripts") is one
item that changed, not one removed and one added. An item rewritten beyond recognition that
keeps its issue reference ("Faster search (#42)" → "Sharded index for queries (#42)") is one
item too, when no other item left unmatched on either side names that reference. Pairs by
title are found greedily, best similarity first, and only above :data:`SIMILARITY`; where a
runner-up came close, the pairing is explained in ``notes`` (``--verbose`` shows them), as is
every pairing by reference, because a guess should be visible.
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


def similarity(a: str, b: str, *, floor: float = SIMILARITY) -> float:
    """difflib's ratio, the same whichever way round (difflib's own is not always); 0.0 when
    it is surely below ``floor``."""
    a, b = min(a, b), max(a, b)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def match(
    before: Sequence[T],
    after: Sequence[T],
    key: Callable[[T], str],
    *,
    anchors: Callable[[T], Sequence[str]] | None = None,
    notes: list[str] | None = None,
) -> list[Pair[T]]:
    """Pair ``before`` with ``after`` by ``key``: every element appears in exactly one pair.

    ``anchors`` gives what identifies an element beside its key (an item's issue references):
    elements left unpaired by key and by similarity that share an anchor no other unpaired
    element has are paired last. The result follows ``after``'s order (added ones in place),
    then the removed ones in ``before``'s order. Keys are expected to be unique within each
    side.
    """
    old = {key(b): b for b in before}
    paired: dict[str, tuple[T, float]] = {}  # after key -> (before, score)
    for k in (key(a) for a in after):
        if k in old:
            paired[k] = (old[k], 1.0)
    taken = {key(b) for b, _ in paired.values()}
    lonely_old = [k for k in old if k not in taken]
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
        taken_old = set(taken)
        for score, o, n in scored:
            if o in taken_old or n in paired:
                continue
            if notes is not None:
                rivals = sorted({*places[o], *places[n]})
                _explain(score, o, n, [scored[i] for i in rivals], taken_old, paired, notes)
            paired[n] = (old[o], score)
            taken_old.add(o)
    # Rewritten beyond similarity, yet naming the same issue: one item too.
    if anchors is not None and len(paired) < min(len(old), len(after)):
        for o, n, anchor in _anchored(before, after, key, anchors, paired):
            score = similarity(o, n, floor=0.0)
            paired[n] = (old[o], score)
            if notes is not None:
                notes.append(f"matched {o!r} → {n!r} (both name {anchor}; similarity {score:.2f})")
    used = {key(b) for b, _ in paired.values()}
    pairs: list[Pair[T]] = []
    for a in after:
        hit = paired.get(key(a))
        pairs.append(Pair(hit[0], a, hit[1]) if hit else Pair(None, a, 0.0))
    pairs.extend(Pair(b, None, 0.0) for b in before if key(b) not in used)
    return pairs


def _anchored(
    before: Sequence[T],
    after: Sequence[T],
    key: Callable[[T], str],
    anchors: Callable[[T], Sequence[str]],
    paired: dict[str, tuple[T, float]],
) -> list[tuple[str, str, str]]:
    """``(before key, after key, anchor)`` for the unpaired elements of the two sides that
    share an anchor no other unpaired element names, in ``after``'s order."""
    taken = {key(b) for b, _ in paired.values()}
    named_old: dict[str, list[str]] = {}
    for element in before:
        if key(element) not in taken:
            for anchor in dict.fromkeys(anchors(element)):
                named_old.setdefault(anchor, []).append(key(element))
    named_new: dict[str, list[str]] = {}
    for element in after:
        if key(element) not in paired:
            for anchor in dict.fromkeys(anchors(element)):
                named_new.setdefault(anchor, []).append(key(element))
    found: list[tuple[str, str, str]] = []
    used: set[str] = set()
    for anchor, news in named_new.items():
        olds = named_old.get(anchor, [])
        if len(olds) == 1 and len(news) == 1 and olds[0] not in used and news[0] not in used:
            found.append((olds[0], news[0], anchor))
            used.update((olds[0], news[0]))
    return found


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
