"""Conflict matching with its shortcuts (word index order, bounds of difflib's ratio) picks
exactly what scoring every offer would: the first offer of the highest score (word overlap,
or difflib's ratio where it reaches ``CLOSE``), at least ``SIMILAR``."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

from milepost.portfolio.conflicts import (
    CLOSE,
    SIMILAR,
    Offer,
    _match,
    _shared_chars,
    _title,
    _words,
)

WORDS = ["the", "event", "events", "stream", "streams", "api", "id", "ids", "v2", "cache", "é"]
TITLE = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join) | st.text("abe -", max_size=30)


def _reference(needed: str, offers: list[Offer]) -> tuple[Offer, float] | None:
    want = _words(needed)
    if not want:
        return None
    best: tuple[Offer, float] | None = None
    for offer in offers:
        overlap = len(want & _words(offer.title)) / len(want)
        ratio = difflib.SequenceMatcher(None, offer.title.casefold(), needed.casefold()).ratio()
        score = max(overlap, ratio) if ratio >= CLOSE else overlap
        if score >= SIMILAR and (best is None or score > best[1]):
            best = (offer, score)
    return best


@given(TITLE, st.lists(TITLE, max_size=12))
def test_match_is_the_plain_scan(needed: str, titles: list[str]) -> None:
    offers = [Offer(t, None, None, None, n) for n, t in enumerate(titles)]
    assert _match(needed, offers) == _reference(needed, offers)


@given(st.text("abc é", max_size=200), st.text("abc é", max_size=200))
def test_shared_chars_are_quick_ratios_matches(a: str, b: str) -> None:
    matcher = difflib.SequenceMatcher(None, a.casefold(), b.casefold())
    total = len(a) + len(b)
    want = matcher.quick_ratio()
    assert (2.0 * _shared_chars(_title(a), _title(b)) / total if total else 1.0) == want
