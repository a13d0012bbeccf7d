"""The bit-parallel LCS that bounds difflib's ratio in conflict matching: exact, and never
below what difflib matches (so no match it could find is skipped)."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

from milepost.portfolio.conflicts import _lcs, _masks

TEXT = st.text(alphabet="abcde -éü", max_size=40)


def _dp(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b):
            prev, row[j + 1] = row[j + 1], prev + 1 if x == y else max(row[j + 1], row[j])
    return row[len(b)]


@given(TEXT, TEXT)
def test_lcs_is_exact_and_bounds_difflib(a: str, b: str) -> None:
    found = _lcs(a, _masks(b), len(b))
    assert found == _dp(a, b)
    matched = sum(block.size for block in difflib.SequenceMatcher(None, a, b).get_matching_blocks())
    assert matched <= found
