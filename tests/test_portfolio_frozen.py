"""A portfolio is immutable all through: its mappings are read-only, it pickles and copies,
and its JSON is what it was when they were plain dicts."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import pickle
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from milepost.portfolio.links import TrackIndex, track_index
from milepost.portfolio.model import Mention, Portfolio, resolve
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 11, 25)
DEPS = "## Dependencies and Risks\n\n### External Dependencies\n"


def _cyclic(root: Path) -> Portfolio:
    """Alpha and Beta wait on each other; Alpha has two community requests."""
    tracks = {
        "a": "# Alpha Roadmap\n\n- ✅ Search API\n- 🚧 Bulk import\n\n"
        f"{DEPS}- **Dependency on Beta:** x by December 2026\n\n"
        "## Community Feedback\n\n- Bulk export (planned)\n- Dark mode (under review)\n",
        "b": f"# Beta Roadmap\n\n- 📋 Sharding\n\n{DEPS}- **Dependency on Alpha:** y\n",
    }
    for slug, text in tracks.items():
        (root / slug).mkdir()
        (root / slug / "roadmap.md").write_text(text, encoding="utf-8")
    portfolio, loaded = api.portfolio([root], today=TODAY)
    assert loaded.errors == []
    return portfolio


@pytest.fixture
def cyclic(tmp_path: Path) -> Portfolio:
    return _cyclic(tmp_path)


def test_the_rollups_cannot_be_changed_by_accident(cyclic: Portfolio) -> None:
    alpha = cyclic.tracks[0]
    assert alpha.counts == {"done": 1, "in_progress": 2, "planned": 1}
    assert alpha.requests == {"in_progress": 1, "planned": 1}
    assert cyclic.cycles == {"Alpha": ("Alpha", "Beta", "Alpha"), "Beta": ("Beta", "Alpha", "Beta")}
    assert cyclic.totals["done"] == 1
    writes: list[tuple[Any, Any]] = [
        (alpha.counts, "done"),
        (alpha.requests, "planned"),
        (cyclic.cycles, "Alpha"),
        (cyclic.totals, "done"),
    ]
    for mapping, key in writes:
        with pytest.raises(TypeError):
            mapping[key] = 0
        with pytest.raises(TypeError):
            del mapping[key]
        changes: list[tuple[Callable[..., object], tuple[object, ...]]] = [
            (mapping.update, ({key: 0},)),
            (mapping.pop, (key,)),
            (mapping.popitem, ()),
            (mapping.setdefault, ("new", 0)),
            (mapping.clear, ()),
        ]
        for change, arguments in changes:
            with pytest.raises(TypeError):
                change(*arguments)
        with pytest.raises(TypeError):
            mapping |= {key: 0}
    with pytest.raises(AttributeError):
        cyclic.cycles["Alpha"].append("Gamma")  # type: ignore[attr-defined]
    assert alpha.counts == {"done": 1, "in_progress": 2, "planned": 1}


def test_a_rollup_keeps_no_mapping_its_maker_holds(cyclic: Portfolio) -> None:
    """Made again from dicts (as a library user may), it copies them: changing the dicts
    after does not change it."""
    counts, cycles = {"done": 1}, {"A": ["A", "B", "A"]}
    track = replace(cyclic.tracks[0], counts=counts)
    portfolio = replace(cyclic, cycles=cycles, totals=counts)  # type: ignore[arg-type]
    counts["done"] = 7
    cycles["A"].append("C")
    assert track.counts == {"done": 1} and portfolio.totals == {"done": 1}
    assert portfolio.cycles == {"A": ("A", "B", "A")}


def test_the_json_is_plain_and_unchanged(cyclic: Portfolio) -> None:
    data = cyclic.to_dict()
    assert type(data["totals"]) is dict and type(data["cycles"]) is dict
    assert data["cycles"]["Alpha"] == ["Alpha", "Beta", "Alpha"]
    track = data["tracks"][0]
    assert type(track["counts"]) is dict and type(track["requests"]) is dict
    track["counts"]["done"] = 0  # a copy: the rollup is untouched
    assert cyclic.tracks[0].counts["done"] == 1
    text = json.dumps(cyclic.to_dict())
    cycles = '"cycles": {"Alpha": ["Alpha", "Beta", "Alpha"], "Beta": ["Beta", "Alpha", "Beta"]}'
    assert cycles in text
    assert '"counts": {"done": 1, "in_progress": 2, "planned": 1}' in text
    assert '"requests": {"in_progress": 1, "planned": 1}' in text


def test_asdict_takes_a_rollup_and_a_portfolio_apart(cyclic: Portfolio) -> None:
    """``dataclasses.asdict`` copies a record into dicts: it raised TypeError ("cannot pickle
    'mappingproxy' object") on any rollup or portfolio, a read-only mapping being no dict."""
    alpha = cyclic.tracks[0]
    data = dataclasses.asdict(alpha)
    assert data["counts"] == {"done": 1, "in_progress": 2, "planned": 1}
    assert data["requests"] == {"in_progress": 1, "planned": 1}
    assert data["roadmap"]["track"] == "Alpha" and data["slug"] == "a"
    assert json.loads(json.dumps(data["counts"])) == dict(alpha.counts)
    whole = dataclasses.asdict(cyclic)
    assert whole["cycles"]["Alpha"] == ("Alpha", "Beta", "Alpha")
    assert whole["totals"] == dict(cyclic.totals)
    assert whole["tracks"][0]["counts"] == data["counts"]
    assert dataclasses.astuple(alpha)[8] == data["counts"]
    with pytest.raises(TypeError):  # a copy, as read-only as what it copies
        data["counts"]["done"] = 0
    assert dict(data["counts"]) | {"done": 0} == {"done": 0, "in_progress": 2, "planned": 1}


@pytest.mark.parametrize("how", ["pickle", "deepcopy", "copy"])
def test_a_portfolio_pickles_and_copies(cyclic: Portfolio, how: str) -> None:
    if how == "pickle":
        again: Portfolio = pickle.loads(pickle.dumps(cyclic, protocol=pickle.HIGHEST_PROTOCOL))
    else:
        again = getattr(copy, how)(cyclic)
    assert again == cyclic and again.to_dict() == cyclic.to_dict()
    with pytest.raises(TypeError):
        again.tracks[0].counts["done"] = 0  # type: ignore[index]
    with pytest.raises(TypeError):
        again.cycles["Alpha"] = ()  # type: ignore[index]


def test_the_examples_portfolio_pickles() -> None:
    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    assert pickle.loads(pickle.dumps(portfolio)) == portfolio


def test_a_track_index_is_whole_when_built_and_read_only() -> None:
    index = track_index(
        [("Memory", "a/memory"), ("Memory", "b/memory"), ("Web UI", "web-ui")],
        paths=["a/memory/roadmap.md", "b/memory/roadmap.md", "web-ui-roadmap.md"],
    )
    assert index.labels == {
        "a/memory/roadmap.md": "Memory (a/memory)",
        "b/memory/roadmap.md": "Memory (b/memory)",
        "web-ui-roadmap.md": "Web UI",
    }
    assert index.me("Memory", "b/memory/roadmap.md") == "Memory (b/memory)"
    assert index.namesakes("memory") == ("Memory (a/memory)", "Memory (b/memory)")
    assert index.resolve("web ui") == "Web UI"
    for mapping in (index.names, index.ambiguous, index.labels):
        with pytest.raises(TypeError):
            mapping["x"] = "y"  # type: ignore[index]
    assert index.suggest("Web IU") == "Web UI"  # its memo of suggestions still fills
    again = pickle.loads(pickle.dumps(index))
    assert again == index and again.labels == index.labels
    assert TrackIndex.build([("Memory", ["memory"])]).labels == {}


def test_what_a_track_s_mentions_name_is_made_whole() -> None:
    index = track_index([("Alpha", "a"), ("Beta", "b"), ("Memory", "x/memory"), ("Memory", "y")])
    found = (
        Mention("Beta", "x", None, 3, "dependency", True),
        Mention("Gamma", "y", None, 4, "dependency", True),
        Mention("Memory", "z", None, 5, "synergy", True),
    )
    resolved = resolve("Alpha", found, index)
    assert [e.target for e in resolved.edges] == ["Beta"]
    assert resolved.unresolved == (("Alpha", "Gamma", 4),)
    assert resolved.ambiguous == (("Alpha", "Memory", 5, ("Memory (memory)", "Memory (y)")),)
    with pytest.raises(AttributeError):
        resolved.edges.append(resolved.edges[0])  # type: ignore[attr-defined]
