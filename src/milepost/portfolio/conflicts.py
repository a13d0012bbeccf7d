"""Conflicts in time: a track needs X by a period; the providing track plans X later, not at
all, undated or dropped. A match is claimed only when it can be shown (title similarity or an
explicit link to the item)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from milepost.model import Roadmap
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.status import Status

if TYPE_CHECKING:
    from milepost.portfolio.model import Conflict, Edge

__all__ = ["Offer", "conflict_for", "find_conflicts", "offers"]

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "api", "with"})


class Offer(NamedTuple):
    """What a providing track offers, as much of an item as matching needs."""

    title: str
    status: Status | None
    label: str | None  # the period as written
    start: date | None
    line: int


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


def _match(needed: str, offers: Sequence[Offer]) -> tuple[Offer, float] | None:
    """The provider's offer that names the needed thing, with its similarity (>= 0.5)."""
    want = _words(needed)
    if not want:
        return None
    best: tuple[Offer, float] | None = None
    key = needed.casefold()
    matcher = difflib.SequenceMatcher(None)
    matcher.set_seq2(key)  # the needed text is analysed once
    masks = _masks(key)
    for offer in offers:
        overlap = len(want & _words(offer.title)) / len(want)
        score = overlap
        if overlap < 1.0:  # cheap upper bounds first: most titles are nowhere near
            title = offer.title.casefold()
            matcher.set_seq1(title)
            floor = max(0.5, best[1] if best else 0.5, overlap)
            if (
                matcher.real_quick_ratio() >= floor
                and matcher.quick_ratio() >= floor
                and 2.0 * _lcs(title, masks, len(key)) / (len(title) + len(key)) >= floor
            ):
                score = max(overlap, matcher.ratio())
        if score >= 0.5 and (best is None or score > best[1]):
            best = (offer, score)
    return best


def _masks(text: str) -> dict[str, int]:
    """Each character of ``text`` → the bit mask of where it stands."""
    masks: dict[str, int] = {}
    for at, char in enumerate(text):
        masks[char] = masks.get(char, 0) | (1 << at)
    return masks


def _lcs(other: str, masks: dict[str, int], size: int) -> int:
    """The length of the longest common subsequence of ``other`` and the text of ``masks``
    (bit-parallel, Hyyrö 2004): an upper bound of difflib's matched characters, so a ratio
    it rules out is never computed."""
    full = (1 << size) - 1
    row = full
    for char in other:
        match = row & masks.get(char, 0)
        row = ((row + match) | (row - match)) & full
    return size - row.bit_count()


def offers(roadmap: Roadmap) -> tuple[Offer, ...]:
    """Every item a roadmap offers to the tracks that need something from it."""
    out = list(roadmap.items)
    if roadmap.focus is not None:
        known = set(out)
        for period in roadmap.focus.periods:
            new = [i for i in period.items if i not in known]
            out += new
            known.update(new)
    return tuple(
        Offer(
            i.title,
            i.status,
            i.period.label if i.period else None,
            i.period.start if i.period else None,
            i.span.first_line,
        )
        for i in out
    )


def conflict_for(edge: Edge, provided: Sequence[Offer], path: str | None) -> Conflict | None:
    """The conflict in time of one dependency edge, given what its target track (at ``path``)
    offers; None when the need is met or cannot be judged."""
    from milepost.portfolio.model import Conflict

    needed_by = read_period(edge.when) if edge.kind == "dependency" and edge.when else None
    if needed_by is None or needed_by.end is None:
        return None
    found = _match(edge.what, provided)
    if found is None:
        return Conflict(edge, f"{edge.target} has no item for '{edge.what}'", None, None, path)
    offer, score = found
    shown = f"{offer.title} ({score:.0%} match)"
    if offer.status is Status.DROPPED:
        problem = f"{edge.target} dropped it"
    elif offer.status is Status.DONE:
        return None
    elif offer.start is None:
        problem = f"{edge.target} has it undated"
    elif offer.start > needed_by.end:
        problem = f"{edge.target} plans it for {offer.label}, after {edge.when}"
    else:
        return None
    return Conflict(edge, problem, shown, offer.line, path)


def find_conflicts(edges: Sequence[Edge], tracks: Mapping[str, Roadmap]) -> Iterator[Conflict]:
    listed: dict[str, tuple[Offer, ...]] = {}  # a provider's offers, listed once however many
    for edge in edges:
        provider = tracks.get(edge.target)
        if provider is None or edge.kind != "dependency" or edge.when is None:
            continue
        if edge.target not in listed:
            listed[edge.target] = offers(provider)
        conflict = conflict_for(edge, listed[edge.target], provider.path)
        if conflict is not None:
            yield conflict
