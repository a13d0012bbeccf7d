"""Reading, checking, editing and rendering a roadmap make no reference cycles: what they make
is freed the moment it is dropped, not kept until the cyclic collector runs. (A rule's
recursive closure once held each checked roadmap in a cycle: a check worker kept its whole
batch alive, twice the memory at 1,000 tracks, and the collector spent a tenth of the run
freeing it.)"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import milepost
from milepost import api
from tests.conftest import EXAMPLES, TODAY

MEMORY = Path("tracks/memory/roadmap.md")


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "p")
    return tmp_path / "p"


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector off and keeping what it finds (so the test sees it), as before after."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()


def _left_in_cycles(work: Callable[[], object]) -> list[str]:
    """The milepost objects ``work`` leaves for the cyclic collector to free."""
    work()
    gc.collect()
    found = sorted(
        {
            f"{type(o).__module__}.{type(o).__qualname__}"
            for o in gc.garbage
            if type(o).__module__.startswith("milepost")
        }
        | {
            o.__qualname__
            for o in gc.garbage
            if hasattr(o, "__closure__")
            and str(getattr(o, "__module__", "")).startswith("milepost")
        }
    )
    gc.garbage.clear()
    return found


@pytest.mark.usefixtures("collector")
def test_loading_a_roadmap_makes_no_cycles(portfolio: Path) -> None:
    assert _left_in_cycles(lambda: milepost.load(portfolio / MEMORY)) == []


@pytest.mark.usefixtures("collector")
def test_checking_a_portfolio_makes_no_cycles(portfolio: Path) -> None:
    # a handful of tracks: checked in this process, every rule run here
    assert _left_in_cycles(lambda: api.check([portfolio], today=TODAY, cache=False)) == []


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("operation", ["plan", "ship", "start", "review"])
def test_editing_a_roadmap_makes_no_cycles(portfolio: Path, operation: str) -> None:
    item = {"plan": "Cycle-free edits", "ship": "Memory snapshots", "start": "Memory snapshots"}
    month = TODAY.replace(day=1) if operation == "plan" else None

    def work() -> object:
        return milepost.edit(
            portfolio / MEMORY,
            operation,
            today=TODAY,
            item=item.get(operation),
            month=month,
            dry_run=True,
        )

    assert _left_in_cycles(work) == []


@pytest.mark.usefixtures("collector")
def test_building_a_site_makes_no_cycles(portfolio: Path, tmp_path: Path) -> None:
    assert _left_in_cycles(lambda: api.site([portfolio], tmp_path / "site", today=TODAY)) == []
