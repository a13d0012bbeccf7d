"""The bundled example portfolio reads as its authors meant it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import milepost
from milepost import api
from milepost.model import Roadmap
from milepost.vocabulary.status import Status
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def tracks() -> dict[str, Roadmap]:
    result = api.load_many([EXAMPLES])
    assert result.errors == []
    return {r.track: r for r in result.roadmaps}


def line(roadmap: Roadmap, number: int) -> milepost.Item:
    return next(i for i in roadmap.items if i.span.first_line == number)


def test_five_tracks_found_through_the_config(tracks: dict[str, Roadmap]) -> None:
    assert sorted(tracks) == ["Evaluation", "Memory", "Orchestration", "Tool Use", "Web UI"]


def test_every_status_appears(tracks: dict[str, Roadmap]) -> None:
    seen = {i.status for r in tracks.values() for i in r.items if i.status}
    assert seen == set(Status)


def test_status_counts_per_track(tracks: dict[str, Roadmap]) -> None:
    def counts(name: str) -> dict[str, int]:
        c = Counter(i.status.value for i in tracks[name].items if i.status)
        return dict(sorted(c.items()))

    assert counts("Orchestration") == {"done": 6, "future": 1, "in_progress": 2, "planned": 6}
    assert counts("Memory") == {
        "done": 5,
        "dropped": 1,
        "future": 1,
        "in_progress": 2,
        "planned": 6,
    }
    assert counts("Tool Use") == {"blocked": 1, "done": 6, "in_progress": 2, "planned": 5}
    assert counts("Evaluation") == {"done": 7, "future": 1, "in_progress": 6, "planned": 3}


def test_focus_item_details(tracks: dict[str, Roadmap]) -> None:
    orchestration = tracks["Orchestration"]
    item = line(orchestration, 11)
    assert item.status is Status.DONE and item.marker == "✅ Completed:"
    assert item.title == "Structured handoff protocol between agents"
    assert item.owners == ("@alice",) and item.refs == ("#371",)
    assert item.section == (
        "Orchestration Roadmap",
        "Current Focus (Next 4-6 Weeks)",
        "November 2026",
    )
    focus = orchestration.focus
    assert focus is not None
    assert [p.period.label if p.period else None for p in focus.periods] == ["2026-11", "2026-12"]
    blocked = line(tracks["Tool Use"], 14)
    assert blocked.status is Status.BLOCKED and "#412" in blocked.refs


def test_meta(tracks: dict[str, Roadmap]) -> None:
    meta = tracks["Orchestration"].meta
    assert str(meta.last_updated) == "2026-11-20" and str(meta.next_review) == "2026-12-04"
    assert meta.planning_horizon == "November 2026 through May 2027"
    assert meta.footer_updated_by == "@alice" and str(meta.footer_updated) == "2026-11-20"
    assert str(tracks["Web UI"].meta.next_review) == "2026-12-03"


def test_goals_initiatives_milestones(tracks: dict[str, Roadmap]) -> None:
    roadmap = tracks["Orchestration"]
    group = roadmap.goals[0]
    assert group.period is not None and group.period.label == "2027-Q1"
    goal = group.goals[0]
    assert goal.name == "Durable Swarm Execution"
    assert goal.motivation and goal.success_criteria and goal.features
    assert roadmap.initiatives[0].timeline_period is not None
    assert roadmap.milestones[0].period is not None
    assert all(i.status is Status.DONE for m in roadmap.milestones for i in m.items)


def test_dependencies_risks_synergies_requests_metrics(tracks: dict[str, Roadmap]) -> None:
    roadmap = tracks["Orchestration"]
    memory = roadmap.dependencies[0]
    assert memory.on == "Memory" and memory.when is not None and memory.when.label == "2026-12"
    risk = roadmap.risks[0]
    assert (risk.likelihood, risk.impact) == ("High", "High") and risk.mitigation
    assert {s.track for s in roadmap.synergies} >= {"Memory", "Web UI"}
    assert [r.status for r in roadmap.requests] == [Status.IN_PROGRESS, Status.DONE, Status.PLANNED]
    metric = roadmap.metrics[0]
    assert (metric.group, metric.baseline, metric.target) == (
        "Current Quarter",
        "120",
        "400 steps/min",
    )


def test_loose_shape_track(tracks: dict[str, Roadmap]) -> None:
    evaluation = tracks["Evaluation"]
    kinds = {d.kind for d in evaluation.dependencies}
    assert kinds == {"track", "external"}
    table = [i for i in evaluation.items if i.kind == "row"]
    assert len(table) == 8
    assert Counter(i.status.value for i in table if i.status) == {
        "done": 3,
        "in_progress": 2,
        "planned": 2,
        "future": 1,
    }
    assert any(m.status is Status.DONE for m in evaluation.metrics)


def test_round_trip_of_examples(tracks: dict[str, Roadmap]) -> None:
    for roadmap in tracks.values():
        assert roadmap.path is not None
        with open(roadmap.path, "rb") as handle:
            assert roadmap.to_markdown().encode("utf-8") == handle.read()


def test_the_docs_example_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    """examples/docs: a Sphinx + MyST site whose tracks index is one directive."""
    pytest.importorskip("myst_parser", reason="myst-parser is not installed")
    from sphinx.cmd.build import build_main

    out = tmp_path / "html"
    docs = EXAMPLES.parent / "docs"
    args = ["-W", "-q", "-b", "html", "-d", str(tmp_path / "doctrees"), str(docs), str(out)]
    assert build_main(args) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr") == 6  # the header and the five tracks
    assert "&#64;bkumar" in index and "🟢 on track" in index
    assert not (docs / "_build").exists()
