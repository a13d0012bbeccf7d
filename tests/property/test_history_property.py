"""Hypothesis: pairing, diffs and lineages hold their promises for any item lists."""

from __future__ import annotations

import bisect
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from milepost.history.diff import Ref, diff
from milepost.history.lineage import Point, lineages
from milepost.history.lives import life
from milepost.history.match import match
from milepost.history.snapshot import ItemState, Snapshot, match_key
from milepost.history.stats import track_stats
from milepost.history.versions import before
from milepost.vocabulary.status import Status

_WORDS = st.sampled_from(
    ["dark", "mode", "search", "fuzzy", "index", "cache", "api", "sync", "export", "(#12)"]
)
_TITLES = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)
_PERIODS = st.sampled_from([None, ("2026-10", date(2026, 10, 31)), ("2026-11", date(2026, 11, 30))])


@st.composite
def snapshots(draw: st.DrawFn) -> Snapshot:
    items: dict[str, ItemState] = {}
    for line, title in enumerate(draw(st.lists(_TITLES, max_size=8)), start=1):
        period = draw(_PERIODS)
        state = ItemState(
            key=match_key(title),
            title=title,
            status=draw(st.sampled_from([None, *Status])),
            period=period[0] if period else None,
            period_end=period[1] if period else None,
            section="Current Focus",
            line=line,
        )
        items.setdefault(state.key, state)  # keys are unique within a version
    return Snapshot(track="T", last_updated=None, next_review=None, items=tuple(items.values()))


@given(st.lists(_TITLES, max_size=10, unique=True), st.lists(_TITLES, max_size=10, unique=True))
def test_every_element_is_in_exactly_one_pair(before: list[str], after: list[str]) -> None:
    pairs = match(before, after, lambda t: t)
    assert [p.after for p in pairs if p.after is not None] == after
    assert sorted(p.before for p in pairs if p.before is not None) == sorted(before)
    for p in pairs:
        if p.before is not None and p.after is not None and p.before == p.after:
            assert p.score == 1.0


@given(snapshots())
def test_a_version_against_itself_is_no_change(snap: Snapshot) -> None:
    assert diff(snap, snap, path="r.md", base=Ref("a"), head=Ref("b")).empty


@given(snapshots(), snapshots())
def test_diff_both_ways_mirrors_added_and_removed(a: Snapshot, b: Snapshot) -> None:
    forward = diff(a, b, path="r.md", base=Ref("a"), head=Ref("b"))
    backward = diff(b, a, path="r.md", base=Ref("b"), head=Ref("a"))
    assert sorted(c.title for c in forward.items if c.kind == "added") == sorted(
        c.title for c in backward.items if c.kind == "removed"
    )


@settings(max_examples=50)
@given(st.lists(snapshots(), min_size=1, max_size=6))
def test_lineages_cover_every_listing_and_stats_never_fail(versions: list[Snapshot]) -> None:
    start = date(2026, 10, 1)
    timeline = [Point(start + timedelta(days=7 * i), None, s) for i, s in enumerate(versions)]
    found = lineages(timeline)
    listed = {(i, item.key) for i, s in enumerate(versions) for item in s.items}
    seen = {
        (step.at, step.state.key)
        for lineage in found
        for step in lineage.steps
        if step.state is not None
    }
    assert seen <= listed  # steps are only where an item is listed...
    first_listing = {(0, item.key) for item in versions[0].items}
    assert first_listing <= seen  # ...and every item of the first version starts a lineage
    stats = track_stats(life(timeline), track="T", path="r.md", today=date(2026, 12, 31))
    assert 0 <= stats.slipped <= stats.judged
    assert all(d >= 0 for d in stats.started_to_done.samples)
    assert stats.versions == len(versions)


_DAY = st.dates(date(2026, 10, 1), date(2026, 12, 31))


@given(st.lists(_DAY, max_size=30), _DAY)
def test_a_cut_in_dates_in_order_is_the_commits_before_the_day(days: list[date], day: date) -> None:
    days.sort()
    assert before(days, day) == bisect.bisect_left(days, day)
    assert before(days, day, through=True) == bisect.bisect_right(days, day)


@given(st.lists(_DAY, max_size=30), _DAY, st.integers(0, 40))
def test_a_later_day_never_cuts_earlier(days: list[date], day: date, later: int) -> None:
    # Whatever the dates: so announcements one after another tell each commit once.
    cuts = [
        before(days, day),
        before(days, day, through=True),
        before(days, day + timedelta(days=later + 1)),
    ]
    assert cuts == sorted(cuts)
