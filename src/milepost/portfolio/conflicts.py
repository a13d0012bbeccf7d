"""Conflicts in time: a track needs X by a period; the providing track plans X later, not at
all, undated or dropped. A match is claimed only when it can be shown (title similarity or an
explicit link to the item)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from milepost.model import Item, Roadmap
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.status import Status

if TYPE_CHECKING:
    from milepost.portfolio.model import Conflict, Edge

__all__ = ["find_conflicts"]

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "api", "with"})


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if w not in _STOP}


#: A provider's item with its title's words and folded title, worked out once per provider.
_Listed = tuple[Item, set[str], str]


def _match(needed: str, items: Sequence[_Listed]) -> tuple[Item, float] | None:
    """The provider's item that names the needed thing, with its similarity (>= 0.5)."""
    want = _words(needed)
    if not want:
        return None
    best: tuple[Item, float] | None = None
    matcher = difflib.SequenceMatcher(None)
    matcher.set_seq2(needed.casefold())  # the needed text is analysed once
    for item, have, folded in items:
        overlap = len(want & have) / len(want)
        score = overlap
        if overlap < 1.0:  # cheap upper bounds first: most titles are nowhere near
            matcher.set_seq1(folded)
            floor = max(0.5, best[1] if best else 0.5, overlap)
            if matcher.real_quick_ratio() >= floor and matcher.quick_ratio() >= floor:
                score = max(overlap, matcher.ratio())
        if score >= 0.5 and (best is None or score > best[1]):
            best = (item, score)
    return best


def _items(roadmap: Roadmap) -> list[Item]:
    out = list(roadmap.items)
    if roadmap.focus is not None:
        known = set(out)
        for period in roadmap.focus.periods:
            new = [i for i in period.items if i not in known]
            out += new
            known.update(new)
    return out


def find_conflicts(edges: Sequence[Edge], tracks: Mapping[str, Roadmap]) -> Iterator[Conflict]:
    from milepost.portfolio.model import Conflict

    listed: dict[str, list[_Listed]] = {}  # a provider's items, once however many need it
    for edge in edges:
        if edge.kind != "dependency" or edge.when is None:
            continue
        provider = tracks.get(edge.target)
        needed_by = read_period(edge.when)
        if provider is None or needed_by is None or needed_by.end is None:
            continue
        if edge.target not in listed:
            listed[edge.target] = [
                (i, _words(i.title), i.title.casefold()) for i in _items(provider)
            ]
        found = _match(edge.what, listed[edge.target])
        if found is None:
            yield Conflict(
                edge, f"{edge.target} has no item for '{edge.what}'", None, None, provider.path
            )
            continue
        item, score = found
        shown = f"{item.title} ({score:.0%} match)"
        if item.status is Status.DROPPED:
            problem = f"{edge.target} dropped it"
        elif item.status is Status.DONE:
            continue
        elif item.period is None or item.period.start is None:
            problem = f"{edge.target} has it undated"
        elif item.period.start > needed_by.end:
            problem = f"{edge.target} plans it for {item.period.label}, after {edge.when}"
        else:
            continue
        yield Conflict(edge, problem, shown, item.span.first_line, provider.path)
