"""Conflicts in time: a track needs X by a period; the providing track plans X later, not at
all, undated or dropped. A match is claimed only when it can be shown (title similarity or an
explicit link to the item)."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from milepost.model import Roadmap
from milepost.vocabulary.periods import read_period
from milepost.vocabulary.status import Status

if TYPE_CHECKING:
    from milepost.portfolio.model import Conflict, Edge

__all__ = ["CLOSE", "SIMILAR", "Offer", "conflict_for", "find_conflicts", "offers"]

_WORD = re.compile(r"[a-z0-9]+")
#: The least similarity for an offer to be the thing needed: more than half of the needed
#: words ("light mode" is not "Dark mode")...
SIMILAR = 0.6
#: ... or titles nearly the same letter for letter (a plural, a typo): difflib's ratio of at
#: least this ("SSO logout" is not "SSO login", at 0.74).
CLOSE = 0.85
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


#: Where each character seen has its run of bits in the count masks below.
_RUNS: dict[str, int] = {}
#: Bits per character in a count mask: a text with a character more often is counted exactly.
_RUN = 64


@lru_cache(maxsize=1 << 16)
def _title(text: str) -> tuple[str, frozenset[str], int]:
    """A title casefolded, its words, and its characters as a count mask (each character
    a run of ``_RUN`` bits whose first n are set where it stands n times; 0 for a text with a
    character more often): worked out once per title, however many needs it is matched to."""
    key = text.casefold()
    mask = 0
    for char, count in Counter(key).items():
        if count > _RUN:
            return key, _words(text), 0
        run = _RUNS.setdefault(char, len(_RUNS) * _RUN)
        mask |= ((1 << count) - 1) << run
    return key, _words(text), mask


def _shared_chars(a: tuple[str, frozenset[str], int], b: tuple[str, frozenset[str], int]) -> int:
    """How many characters the two texts have in common, each as often as in both: the
    matches of difflib's quick ratio (one AND of their count masks)."""
    if a[2] and b[2]:
        return (a[2] & b[2]).bit_count()
    counts = Counter(b[0])
    return sum(min(n, counts[c]) for c, n in Counter(a[0]).items())


def _match(needed: str, offers: Sequence[Offer]) -> tuple[Offer, float] | None:
    """The provider's offer that names the needed thing, with its similarity (at least
    :data:`SIMILAR`): the first offer with the highest score, a score being the share of the
    needed words it has or, when higher and at least :data:`CLOSE`, difflib's ratio of the
    two casefolded texts.

    Offers that share a word with the need are tried first, most shared first, so that the
    best one is met early; a ratio is computed only where exact upper bounds of it (by
    length, by the characters both texts have, by their longest common subsequence) leave it
    a chance to beat the best so far."""
    want = _words(needed)
    if not want:
        return None
    numbered = _numbered(want)
    need = _title(needed)
    key, size = need[0], len(need[0])
    titles = [_title(offer.title) for offer in offers]
    shared = [(len(want & t[1]), at) for at, t in enumerate(titles) if not want.isdisjoint(t[1])]
    shared.sort(key=lambda pair: (-pair[0], pair[1]))
    order = [at for _, at in shared]
    if len(order) < len(titles):
        tried = set(order)
        order += [at for at in range(len(titles)) if at not in tried]
    best: tuple[int, float] | None = None  # where the best offer is, its score
    matcher: difflib.SequenceMatcher[str] | None = None
    masks = _masks(key)
    for at in order:
        info = titles[at]
        if numbered and _other_number(numbered, info[1]):
            continue  # "Protocol v3 support" is not "Protocol v2 support", however alike
        title = info[0]
        overlap = len(want & info[1]) / len(want)
        score = overlap
        floor = max(CLOSE, best[1] if best else CLOSE, overlap)
        total = len(title) + size
        if (
            overlap < 1.0  # cheap upper bounds of the ratio first: most titles are nowhere near
            and 2.0 * min(len(title), size) / total >= floor
            and 2.0 * _shared_chars(need, info) / total >= floor
            and 2.0 * _lcs(title, masks, size) / total >= floor
        ):
            if matcher is None:
                matcher = difflib.SequenceMatcher(None)
                matcher.set_seq2(key)  # the needed text is analysed once
            matcher.set_seq1(title)
            ratio = matcher.ratio()
            score = max(overlap, ratio) if ratio >= CLOSE else overlap
        if score >= SIMILAR and (best is None or (score, -at) > (best[1], -best[0])):
            best = (at, score)
    return None if best is None else (offers[best[0]], best[1])


@lru_cache(maxsize=1 << 16)  # a title's words, asked of each need it is matched to
def _numbered(words: frozenset[str]) -> frozenset[str]:
    """The words that hold a digit: versions, quarters, years ("v2", "q1", "2027")."""
    return frozenset(w for w in words if not w.isalpha())


def _other_number(numbered: frozenset[str], words: frozenset[str]) -> bool:
    """Whether a title names another version than the need: each has a numbered word the
    other lacks ("v2" against "v3"; "OAuth 2.1" against "OAuth 2" is a refinement, no other)."""
    theirs = _numbered(words)
    return bool(theirs) and not theirs <= numbered and not numbered <= theirs


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
