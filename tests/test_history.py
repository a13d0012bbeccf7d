"""History from git: real repositories in temp dirs, with scripted histories.

The main story is ``examples/scripted_history.py``: the example portfolio with two months of
dated commits (starts, ships, a drop, a rewording, items carried over to the next month on a
merged branch, a renamed folder, a raised metric target, reviews). Every figure below was
worked out by hand from that script.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from milepost import api
from milepost.cli import main
from milepost.model import Status
from milepost.vocabulary.status import mojibake
from tests.conftest import ROOT

TODAY = "2026-11-25"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "scripted_history", ROOT / "examples" / "scripted_history.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def git(repo: Path, *args: str, day: str | None = None, at: str | None = None) -> str:
    """Run git in ``repo`` as Tess; a commit made at noon UTC on ``day``, or ``at`` (an ISO
    date and time with its own offset)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Tess",
        GIT_AUTHOR_EMAIL="tess@example.org",
        GIT_COMMITTER_NAME="Tess",
        GIT_COMMITTER_EMAIL="tess@example.org",
    )
    if day or at:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = at or f"{day}T12:00:00+00:00"
    done = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env
    )
    return done.stdout


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scripted history, shared by the tests that only read it."""
    built: Path = SCRIPT.build(tmp_path_factory.mktemp("story") / "swarmkit")
    return built


@pytest.fixture
def fresh_story(tmp_path: Path) -> Path:
    """The scripted history, for a test that changes the work tree."""
    built: Path = SCRIPT.build(tmp_path / "swarmkit")
    return built


def run(
    where: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(where)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(
    where: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> Any:
    code, out, err = run(where, monkeypatch, capsys, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def changes(data: Any) -> dict[str, list[tuple[str, ...]]]:
    """track -> [(kind, title, before status, after status, period change)] for items."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for d in data["diffs"]:
        rows: list[tuple[str, ...]] = []
        for c in d["items"]:
            before, after = c["before"] or {}, c["after"] or {}
            rows.append(
                (
                    c["kind"],
                    c["title"],
                    str(before.get("status")),
                    str(after.get("status")),
                    str(c["period_change"]),
                )
            )
        if rows or d["metrics"]:
            found[d["track"]] = rows
    return found


# ---------------------------------------------------------------------------------------------
# the scripted story

DROPPED_REDIS = (
    "changed",
    "Redis memory backend (#287) - the SQLite store covers the same use cases",
    "planned",
    "dropped",
    "None",
)
SHIPPED_HANDOFF = (
    "changed",
    "Structured handoff protocol between agents",
    "in_progress",
    "done",
    "None",
)
SHIPPED_TIMEOUTS = (
    "changed",
    "Tool call timeouts with typed errors",
    "in_progress",
    "done",
    "None",
)
REWORDED_TRUNCATION = (
    "changed",
    "Context truncation API for agent transcripts",
    "in_progress",
    "in_progress",
    "None",
)


def test_the_script_ends_at_the_bundled_example(story: Path) -> None:
    for path in (ROOT / "examples" / "portfolio").rglob("*"):
        if path.is_file():
            twin = story / path.relative_to(ROOT / "examples" / "portfolio")
            assert twin.read_bytes() == path.read_bytes(), twin
    assert not (story / "tracks" / "tools").exists()


def test_diff_since_november_tells_the_month(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(story, monkeypatch, capsys, "diff", "--since", "2026-11-01")
    assert changes(data) == {
        "Memory": [
            (
                "changed",
                "SQLite memory store as the default backend",
                "in_progress",
                "done",
                "None",
            ),
            (
                "changed",
                "Context truncation API for agent transcripts",
                "planned",
                "in_progress",
                "None",
            ),
            DROPPED_REDIS,
        ],
        "Orchestration": [SHIPPED_HANDOFF],
        "Tool Use": [SHIPPED_TIMEOUTS],
        "Web UI": [
            (
                "changed",
                "Agent message inspector (carried over from October)",
                "in_progress",
                "in_progress",
                "slip",
            ),
            ("changed", "Dark mode (carried over from October)", "planned", "planned", "slip"),
            (
                "changed",
                "Shareable read-only run links (carried over from October)",
                "planned",
                "planned",
                "slip",
            ),
        ],
    }
    by_track = {d["track"]: d for d in data["diffs"]}
    memory = by_track["Memory"]
    assert memory["base"]["date"] == "2026-10-26"
    assert memory["head"]["label"] == "working tree"
    truncation = memory["items"][1]
    assert truncation["reworded"] is True
    assert truncation["before"]["title"] == "Context truncation for transcripts"
    # Web UI's last version before November is the ship of 28 October, not the first commit
    assert by_track["Web UI"]["base"]["date"] == "2026-10-28"
    [metric] = by_track["Orchestration"]["metrics"]
    assert metric["name"] == "Throughput on 100-agent benchmark"
    assert metric["fields"] == ["target"]
    assert (metric["before"]["target"], metric["after"]["target"]) == (
        "300 steps/min",
        "400 steps/min",
    )
    # the renamed tool-use folder is one track with its older versions
    assert by_track["Tool Use"]["base"]["commit"] is not None


def test_diff_text_reads_like_a_sync_note(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        story, monkeypatch, capsys, "diff", "--since", "2026-11-01", "--color", "never"
    )
    assert code == 0
    # fixed dates and authors make fixed commit ids
    assert "Web UI  tracks/web-ui/roadmap.md  1931d2d (2026-10-28) → working tree" in out
    lines = [line.split() for line in out.splitlines()]
    assert [
        "slipped",
        "Dark",
        "mode",
        "(carried",
        "over",
        "from",
        "October)",
        "2026-10",
        "→",
        "2026-11",
    ] in lines
    assert "shipped    SQLite memory store as the default backend" in out
    assert "was 'Context truncation for transcripts'" in out
    assert out.rstrip().endswith(
        "4 of 5 tracks changed: 3 shipped, 1 started, 3 slipped, 1 dropped"
    )
    assert "\x1b[" not in out


def test_diff_markdown(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        story, monkeypatch, capsys, "diff", "--since", "2026-11-01", "--format", "markdown"
    )
    assert code == 0
    assert out.startswith("# Roadmap changes\n\n## Memory\n\ntracks/memory/roadmap.md: b5eac7d")
    assert "- **Slipped:** Dark mode (carried over from October) (2026-10 → 2026-11)" in out
    assert (
        "- **Metric:** Throughput on 100-agent benchmark: target 300 steps/min → 400 steps/min"
        in out
    )
    assert "Redis memory backend (#287) - the SQLite store" in out


def test_diff_defaults_to_each_tracks_last_review(
    fresh_story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(fresh_story, monkeypatch, capsys, "diff")
    assert changes(data) == {}
    bases = {
        d["track"]: (d["base"]["date"], d["base"]["label"].endswith("last review"))
        for d in data["diffs"]
    }
    assert bases["Memory"] == ("2026-11-18", True)
    assert bases["Evaluation"] == ("2026-10-26", True)  # its date was set by the first commit
    code, _, err = run(
        fresh_story, monkeypatch, capsys, "ship", "memory", "Context truncation", "--today", TODAY
    )
    assert code == 0, err
    data = run_json(fresh_story, monkeypatch, capsys, "diff", "tracks/memory")
    assert changes(data) == {
        "Memory": [
            (
                "changed",
                "Context truncation API for agent transcripts",  # now a milestone
                "in_progress",
                "done",
                "None",
            )
        ]
    }


def test_diff_between_two_revisions(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(story, monkeypatch, capsys, "diff", "HEAD~5", "HEAD~3")
    # HEAD~5 is the raised target (13 Nov), HEAD~3 the memory review (18 Nov)
    assert changes(data) == {
        "Tool Use": [
            ("changed", "Tool call timeouts with typed errors", "in_progress", "done", "None")
        ]
    }
    tool_use = next(d for d in data["diffs"] if d["track"] == "Tool Use")
    assert tool_use["base"]["label"].startswith("HEAD~5 (2026-11-13)")
    # before the rename, the file was tracks/tools/roadmap.md: still found
    data = run_json(story, monkeypatch, capsys, "diff", "HEAD~9", "HEAD", "tracks/tool-use")
    assert changes(data) == {
        "Tool Use": [
            ("changed", "Tool call timeouts with typed errors", "in_progress", "done", "None")
        ]
    }


def test_log_tells_an_items_story(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(
        story, monkeypatch, capsys, "log", "memory", "context truncation", "--today", TODAY
    )
    steps = [(s["date"], s["subject"], s["status"], s["period"], s["title"]) for s in data["steps"]]
    assert steps == [
        (
            "2026-10-26",
            "Roadmaps for the autumn",
            "planned",
            "2026-11",
            "Context truncation for transcripts",
        ),
        (
            "2026-11-02",
            "Memory: start context truncation",
            "in_progress",
            "2026-11",
            "Context truncation for transcripts",
        ),
        (
            "2026-11-12",
            "Memory: drop Redis, name the truncation API",
            "in_progress",
            "2026-11",
            "Context truncation API for agent transcripts",
        ),
    ]
    data = run_json(story, monkeypatch, capsys, "log", "web-ui", "dark mode", "--today", TODAY)
    assert [(s["date"], s["subject"], s["period"]) for s in data["steps"]] == [
        ("2026-10-26", "Roadmaps for the autumn", "2026-10"),
        ("2026-11-03", "Merge web-ui-november", "2026-11"),  # first parent: when it reached main
    ]
    code, out, _ = run(
        story,
        monkeypatch,
        capsys,
        "log",
        "web-ui",
        "dark mode",
        "--today",
        TODAY,
        "--color",
        "never",
    )
    assert code == 0
    assert "slipped · Merge web-ui-november" in out
    assert [line for line in out.splitlines() if line != line.rstrip()] == []  # no padding


@pytest.mark.parametrize("width", [80, 60, 40])
@pytest.mark.parametrize("item", [("web-ui", "dark mode"), ("memory", "redis")])
def test_log_on_a_narrow_terminal_is_a_card_per_step(
    story: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    item: tuple[str, str],
    width: int,
) -> None:
    # The table needs over 100 columns: squeezed into 80, it split titles and subjects over
    # lines; into 60 or 40, it cut dates, commits and statuses to "2026-10…", "b5ea…", "Plan…".
    data = run_json(story, monkeypatch, capsys, "log", *item, "--today", TODAY)
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = run(
        story, monkeypatch, capsys, "log", *item, "--today", TODAY, "--color", "always"
    )
    assert code == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "…" not in out
    lines = [line.strip() for line in out.splitlines()]
    words = " ".join(out.split())
    assert f"{data['track']}: {data['item']}" in words
    for step in data["steps"]:
        assert f"{step['date']} · {step['commit'][:7]}" in lines
        assert (
            f"{Status(step['status']).emoji} {Status(step['status']).label} · {step['period']}"
            in lines
        )
        assert step["title"] in words and step["subject"] in words


def test_log_with_a_past_today_tells_the_story_up_to_that_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    road = "# Search Roadmap\n\n### November 2026\n- {} Beta\n"
    _commit(repo, road.format("🚧"), "2026-11-01")
    _commit(repo, road.format("⛔"), "2026-11-06")
    (repo / "roadmap.md").write_text(road.format("✅"), encoding="utf-8")  # not committed yet
    steps = run_json(
        repo, monkeypatch, capsys, "log", "roadmap.md", "Beta", "--today", "2026-11-02"
    )
    assert [(s["date"], s["status"]) for s in steps["steps"]] == [("2026-11-01", "in_progress")]
    steps = run_json(repo, monkeypatch, capsys, "log", "roadmap.md", "Beta", "--today", TODAY)
    assert [(s["date"], s["status"]) for s in steps["steps"]] == [
        ("2026-11-01", "in_progress"),
        ("2026-11-06", "blocked"),
        (TODAY, "done"),  # the work tree, today
    ]


def test_log_errors_are_one_line(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        story, monkeypatch, capsys, "log", "memory", "teleportation", "--today", TODAY
    )
    assert code == 2
    assert err.count("\n") == 1 and "no item matches 'teleportation'" in err
    code, _, err = run(story, monkeypatch, capsys, "log", "memory", "memory", "--today", TODAY)
    assert code == 2
    found = re.search(r"(\d+) items match 'memory': (.*) \(give more", err)
    assert found is not None
    named, count = found[2].count("'; '") + 1, int(found[1])
    assert named == min(count, 5)  # the rest counted, not dropped unsaid
    assert (f"; and {count - 5} more" in err) is (count > 5)


def test_stats_figures(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(story, monkeypatch, capsys, "stats", "--today", TODAY)
    tracks = {t["track"]: t for t in data["tracks"]}
    assert {name: t["versions"] for name, t in tracks.items()} == {
        "Evaluation": 1,
        "Memory": 5,  # 26 Oct, 2, 6, 12, 18 Nov
        "Orchestration": 4,  # 26 Oct, 10, 13, 20 Nov
        "Tool Use": 4,  # 26 Oct (as tracks/tools), the rename on 9 Nov, 16, 24 Nov
        "Web UI": 4,  # 26 Oct, 28 Oct, the merge on 3 Nov, 19 Nov
    }
    assert {name: t["shipped_by_month"] for name, t in tracks.items()} == {
        "Evaluation": {},
        "Memory": {"2026-11": 1},
        "Orchestration": {"2026-11": 1},
        "Tool Use": {"2026-11": 1},
        "Web UI": {"2026-10": 1},
    }
    memory = tracks["Memory"]
    # context truncation: planned 26 Oct, started 2 Nov
    assert memory["cycle_time"]["planned_to_in_progress"] == {"count": 1, "median": 7, "p90": 7}
    # SQLite store: in progress 26 Oct, done 6 Nov
    assert memory["cycle_time"]["in_progress_to_done"] == {"count": 1, "median": 11, "p90": 11}
    assert memory["cycle_time"]["planned_to_done"] == {"count": 0, "median": None, "p90": None}
    # gaps 7, 4, 6, 6 days: median 6, p90 (nearest rank) 7
    assert memory["staleness"] == {
        "gaps": {"count": 4, "median": 6, "p90": 7},
        "days_since_update": 7,
    }
    # judged: the SQLite store (done within November); Redis was dropped before November ended
    assert (memory["slipped"], memory["judged"], memory["slips"]) == (0, 1, 0)
    web = tracks["Web UI"]
    # October's inspector, dark mode and share links were not done by 31 Oct; the timeline was
    assert (web["slipped"], web["judged"], web["slips"], web["slip_rate"]) == (3, 4, 3, 0.75)
    assert web["cycle_time"]["in_progress_to_done"] == {"count": 1, "median": 2, "p90": 2}
    assert tracks["Tool Use"]["cycle_time"]["in_progress_to_done"]["median"] == 21
    assert tracks["Orchestration"]["cycle_time"]["in_progress_to_done"]["median"] == 15
    assert tracks["Evaluation"]["staleness"]["days_since_update"] == 30
    assert tracks["Orchestration"]["metrics"]["Throughput on 100-agent benchmark"] == [
        {"date": "2026-10-26", "baseline": "120", "current": None, "target": "300 steps/min"},
        {"date": "2026-11-13", "baseline": "120", "current": None, "target": "400 steps/min"},
    ]
    overall = data["overall"]
    assert overall["shipped_by_month"] == {"2026-10": 1, "2026-11": 3}
    # in progress -> done: 11, 15, 21, 2 days: median 13, p90 21
    assert overall["cycle_time"]["in_progress_to_done"] == {"count": 4, "median": 13, "p90": 21}
    assert (overall["slipped"], overall["judged"], overall["slips"]) == (3, 7, 3)
    assert overall["staleness"]["days_since_update"] == 1


def test_stats_since(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(story, monkeypatch, capsys, "stats", "--today", TODAY, "--since", "2026-11-01")
    overall = data["overall"]
    assert overall["shipped_by_month"] == {"2026-11": 3}
    # October's slips were judged on 31 Oct, before the window
    assert (overall["slipped"], overall["judged"]) == (0, 3)
    assert overall["cycle_time"]["in_progress_to_done"]["count"] == 3  # 11, 15, 21 days


def test_stats_table(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(story, monkeypatch, capsys, "stats", "--today", TODAY, "--color", "never")
    assert code == 0
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert rows["Memory"][:3] == ["Memory", "5", "1"]
    assert "75%" in " ".join(rows["Web"])
    assert "2026-11" in rows and rows["2026-11"] == ["2026-11", "3"]
    assert out.rstrip().endswith(
        "metric changes                                     day         baseline → target\n"
        "Orchestration   Throughput on 100-agent benchmark  2026-10-26  120 → 300 steps/min\n"
        "                                                   2026-11-13  120 → 400 steps/min"
    )


@pytest.mark.parametrize("width", [80, 60, 40])
def test_stats_on_a_narrow_terminal_is_a_card_per_track(
    story: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    # The table needs about 130 columns: squeezed into 80, its headings and figures were cut
    # to "plann…", "Orches…", "7 / 7" over three lines; at 40 most were lost.
    from rich.console import Console

    from milepost import history_api
    from milepost.render.stats import stats_plain, stats_table

    monkeypatch.chdir(story)
    per_track, total, _ = history_api.stats([], today=dt.date(2026, 11, 25))
    console = Console(width=width, no_color=True, force_terminal=True, record=True)
    console.print(stats_table(per_track, total))
    out = console.export_text()
    assert "…" not in out
    lines = [" ".join(line.split()) for line in out.splitlines()]
    # every figure of the piped table, named by its column, whole on a line of its track's card
    plain = stats_plain(per_track, total).splitlines()[: len(per_track) + 2]
    names, *rows = [re.split(r"\s{2,}", line.strip()) for line in plain]
    assert [row[0] for row in rows] == [*(s.track for s in per_track), "All tracks"]
    for track, *cells in rows:
        card = lines[lines.index(track) : lines.index("", lines.index(track))]
        for name, cell in zip(names[1:], cells, strict=True):
            assert any(f"{name} {cell}" in line for line in card), (track, name, cell)
    assert "Orchestration · Throughput on 100-agent benchmark" in " ".join(out.split())
    assert "2026-10-26 120 → 300 steps/min" in lines
    assert "2026-11-13 120 → 400 steps/min" in lines


# ---------------------------------------------------------------------------------------------
# git's corners


def test_outside_a_repository_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "roadmap.md").write_text("# Memory Roadmap\n\n- ✅ Done thing\n", encoding="utf-8")
    code, _, err = run(tmp_path, monkeypatch, capsys, "diff", "roadmap.md")
    assert code == 2
    assert "not inside a git repository" in err and err.count("\n") == 1


def test_unknown_revision(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(story, monkeypatch, capsys, "diff", "no-such-branch")
    assert code == 2
    assert "'no-such-branch' is neither a revision nor an existing file or folder" in err
    code, _, err = run(story, monkeypatch, capsys, "diff", "tracks/no-such-track")
    assert code == 2 and "'tracks/no-such-track' is neither a revision" in err


def test_uncommitted_roadmap_is_all_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "roadmap.md").write_text(
        "# Memory Roadmap\n\n### November 2026\n- 🚧 Caching\n", encoding="utf-8"
    )
    data = run_json(tmp_path, monkeypatch, capsys, "diff", "roadmap.md")
    [d] = data["diffs"]
    assert d["base"]["label"] == "nothing"
    assert [(c["kind"], c["title"]) for c in d["items"]] == [("added", "Caching")]


def test_log_of_a_roadmap_never_committed_tells_the_work_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A roadmap not committed yet (just made by `milepost new`) has a story of one step:
    the work tree, today. It was an internal error (exit 3)."""
    git(tmp_path, "init", "-q")
    (tmp_path / "roadmap.md").write_text(
        "# Memory Roadmap\n\n### November 2026\n- 🚧 Caching\n", encoding="utf-8"
    )
    data = run_json(tmp_path, monkeypatch, capsys, "log", "roadmap.md", "caching", "--today", TODAY)
    assert [(s["date"], s["commit"], s["status"]) for s in data["steps"]] == [
        (TODAY, None, "in_progress")
    ]
    code, out, err = run(tmp_path, monkeypatch, capsys, "log", "roadmap.md", "caching")
    assert (code, err) == (0, "")
    assert "(work tree)" in out


def test_shallow_clone_says_how_far_back_it_sees(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", f"file://{story}", str(clone)],
        check=True,
        capture_output=True,
    )
    code, out, err = run(clone, monkeypatch, capsys, "stats", "--today", TODAY, "--format", "json")
    assert code == 0
    assert "shallow clone: history seen only back to 2026-11-19" in err
    data = json.loads(out)
    assert data["notes"][0].startswith("shallow clone")
    assert {t["track"]: t["versions"] for t in data["tracks"]}["Memory"] == 1
    # a revision the clone cut off: the error says why it may not be found
    code, _, err = run(clone, monkeypatch, capsys, "diff", "HEAD~5")
    assert code == 2 and err.count("\n") == 1
    assert "'HEAD~5' is neither a revision" in err and "git fetch --unshallow" in err


class _Planted:
    """Unpickling this would create a file: the history cache must never do it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def test_cache_is_used_and_safe_to_delete(
    fresh_story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fresh_story / ".git" / "milepost"
    folder.mkdir()
    (folder / "snapshots-0.0.1-0123456789abcdef.pickle").write_bytes(b"an older milepost's")
    first = run_json(fresh_story, monkeypatch, capsys, "stats", "--today", TODAY)
    [cache] = folder.glob("snapshots-*")  # the older cache was cleared away
    [lives] = folder.glob("lives-*")
    assert len(pickle.loads(lives.read_bytes())["entries"]) == 5  # one per track
    entries = pickle.loads(cache.read_bytes())["entries"]
    # one per (blob, path): Evaluation 1, Memory 5, Orchestration 4, Web UI 4, Tool Use 4 (its
    # rename kept the blob but not the path)
    assert len(entries) == 18
    for damaged in (cache, lives):
        damaged.write_bytes(b"not a pickle")  # damaged: rebuilt, same answer
    assert run_json(fresh_story, monkeypatch, capsys, "stats", "--today", TODAY) == first
    # a planted file whose loading would call a function: it runs nothing, and is rebuilt
    marker = fresh_story / "planted"
    planted = {"format": 1, "tag": None, "entries": _Planted(marker)}
    for damaged in (cache, lives):
        damaged.write_bytes(pickle.dumps(planted))
    assert run_json(fresh_story, monkeypatch, capsys, "stats", "--today", TODAY) == first
    assert not marker.exists()
    cache.unlink()
    lives.unlink()
    assert run_json(fresh_story, monkeypatch, capsys, "stats", "--today", TODAY) == first
    assert cache.exists() and lives.exists()
    # the versions are cut at --today: a day before the reviews is another life, other figures
    earlier = run_json(fresh_story, monkeypatch, capsys, "stats", "--today", "2026-11-10")
    assert earlier["overall"]["shipped_by_month"] == {"2026-10": 1, "2026-11": 2}
    # four tracks had versions after 10 November; Evaluation's one version is the same life
    assert len(pickle.loads(lives.read_bytes())["entries"]) == 9


def test_merge_and_reword_in_a_handmade_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    road = tmp_path / "roadmap.md"

    def commit(body: str, day: str) -> None:
        road.write_text("# Search Roadmap\n\n## Current Focus\n\n" + body, encoding="utf-8")
        git(tmp_path, "add", "-A")
        git(tmp_path, "commit", "-q", "-m", f"on {day}", day=day)

    commit("### October 2026\n- 📋 Fuzzy search\n- 📋 Index sharding\n", "2026-10-01")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    commit("### October 2026\n- 🚧 Fuzzy search\n- 📋 Index sharding\n", "2026-10-05")
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "merge", "-q", "--no-ff", "-m", "merge", "feature", day="2026-10-08")
    commit(
        "### October 2026\n- ✅ Fuzzy searching\n\n### November 2026\n- 📋 Index sharding\n",
        "2026-10-20",
    )
    data = run_json(tmp_path, monkeypatch, capsys, "stats", "--today", "2026-11-25")
    [track] = data["tracks"]
    assert track["versions"] == 3  # the branch commit is not on main's first-parent line
    # started when the merge reached main (8 Oct), done on 20 Oct; planned on 1 Oct
    assert track["cycle_time"]["planned_to_in_progress"]["median"] == 7
    assert track["cycle_time"]["in_progress_to_done"]["median"] == 12
    assert track["cycle_time"]["planned_to_done"]["median"] == 19
    assert track["slips"] == 1  # index sharding, October -> November
    code, out, _ = run(
        tmp_path, monkeypatch, capsys, "diff", "HEAD~1", "HEAD", "-v", "--color", "never"
    )
    assert code == 0
    assert "was 'Fuzzy search'" in out
    assert "note: matched 'fuzzy search' → 'fuzzy searching' (similarity 0.89)" in out


def test_markdown_output_makes_roadmap_text_inert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "init", "-q")
    road = tmp_path / "roadmap.md"
    road.write_text("# Web Roadmap\n\n### November 2026\n- 📋 Old\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "one", day="2026-11-01")
    road.write_text(
        "# Web Roadmap\n\n### November 2026\n- 🚧 Add 2 \\* 3 \\[x\\](javascript:y) \\<b\\>\n",
        encoding="utf-8",
    )
    code, out, _ = run(tmp_path, monkeypatch, capsys, "diff", "--format", "markdown")
    assert code == 0
    # the title's text is "Add 2 * 3 [x](javascript:y) <b>": shown, never rendered
    assert "- **Added:** Add 2 \\* 3 \\[x\\](javascript:y) \\<b\\> (🚧 2026-11)" in out


def test_parsing_over_several_processes_gives_the_same_figures(
    fresh_story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from milepost.history_api import cache

    sequential = run_json(fresh_story, monkeypatch, capsys, "stats", "--today", TODAY)
    for kept in (fresh_story / ".git" / "milepost").glob("*.pickle"):
        kept.unlink()
    monkeypatch.setattr(cache, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert run_json(fresh_story, monkeypatch, capsys, "stats", "--today", TODAY) == sequential


def test_the_site_shows_the_history(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        story, monkeypatch, capsys, "site", "-o", str(tmp_path / "site"), "--today", TODAY
    )
    assert code == 0, err
    page = (tmp_path / "site" / "history.html").read_text(encoding="utf-8")
    assert 'aria-label="Items shipped per month: 2026-10: 1; 2026-11: 3"' in page
    assert '<a href="tracks/web-ui.html">Web UI</a></td><td>4</td><td>1</td>' in page
    assert "<td>75% (3/4)</td>" in page
    assert "2026-10-26: 120 → 300 steps/min → 2026-11-13: 120 → 400 steps/min" in page
    code, _, _ = run(
        story,
        monkeypatch,
        capsys,
        "site",
        "-o",
        str(tmp_path / "plain"),
        "--no-history",
        "--today",
        TODAY,
    )
    assert code == 0
    assert "build the site with" in (tmp_path / "plain" / "history.html").read_text(
        encoding="utf-8"
    )


def test_the_history_page_escapes_roadmap_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "init", "-q")
    road = tmp_path / "roadmap.md"
    road.write_text(
        "# R&D \\<img src=x onerror=alert(1)\\> Roadmap\n\n"
        "## Success Metrics\n- Speed & size: 1 → 2\n",
        encoding="utf-8",
    )
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "one", day="2026-11-01")
    road.write_text(road.read_text(encoding="utf-8").replace("1 → 2", "1 → 3"), encoding="utf-8")
    git(tmp_path, "commit", "-qam", "two", day="2026-11-02")
    code, _, err = run(
        tmp_path, monkeypatch, capsys, "site", "roadmap.md", "-o", "out", "--today", TODAY
    )
    assert code == 0, err
    page = (tmp_path / "out" / "history.html").read_text(encoding="utf-8")
    assert "<img" not in page
    assert "<td>R&amp;D &lt;img src=x onerror=alert(1)&gt;</td>" in page
    assert "<td>Speed &amp; size</td>" in page


# ---------------------------------------------------------------------------------------------
# odd histories


def _repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    return tmp_path


def _commit(repo: Path, text: str, day: str, name: str = "roadmap.md") -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", f"on {day}", day=day)


def test_rich_markup_in_roadmap_text_is_shown_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    head = "# Gamma [/] Roadmap\n\n### November 2026\n"
    _commit(repo, head + "- 📋 Fix [/] parsing [bold]x[/bold]\n", "2026-11-02")
    _commit(repo, head + "- 🚧 Fix [/] parsing [bold]x[/bold]\n", "2026-11-03")
    code, out, err = run(
        repo, monkeypatch, capsys, "log", "roadmap.md", "parsing", "--color", "always"
    )
    assert code == 0, err
    assert "Fix [/] parsing [bold]x[/bold]" in out
    monkeypatch.setenv("COLUMNS", "200")  # the terminal table, wide enough to stay on one line
    code, out, err = run(repo, monkeypatch, capsys, "stats", "--today", TODAY, "--color", "always")
    assert code == 0, err
    assert "Gamma [/]" in out


def test_same_names_in_one_section_stay_two_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    head = "# Apps Roadmap\n\n### November 2026\n- ✅ Dark mode (web)\n"
    _commit(repo, head + "- 📋 Dark mode (mobile)\n- 📋 Docs - tutorials\n", "2026-11-02")
    _commit(repo, head + "- 🚧 Dark mode (mobile)\n- 📋 Docs - tutorials\n", "2026-11-03")
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    assert changes(data) == {
        "Apps": [("changed", "Dark mode (mobile)", "planned", "in_progress", "None")]
    }


def test_durations_never_run_backwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    road = "# Clock Roadmap\n\n### October 2026\n- {} Sync\n"
    for marker, when in (
        ("📋", "2026-10-04T12:00:00+00:00"),
        ("🚧", "2026-10-06T00:30:00+09:00"),
        ("✅", "2026-10-03T20:00:00-05:00"),
    ):  # the last clock runs behind
        (repo / "roadmap.md").write_text(road.format(marker), encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", marker, at=when)
    [track] = run_json(repo, monkeypatch, capsys, "stats", "--today", TODAY)["tracks"]
    # each on its own day where it was made: 4 Oct, 6 Oct (in Tokyo), 3 Oct (at -05:00)
    # taken as 6 Oct: never earlier
    assert track["cycle_time"]["in_progress_to_done"] == {"count": 1, "median": 0, "p90": 0}
    assert track["staleness"]["gaps"] == {"count": 2, "median": 1, "p90": 2}


def test_an_unreadable_working_tree_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    _commit(repo, "# Bytes Roadmap\n\n- 📋 Search\n", "2026-11-02")
    with (repo / "roadmap.md").open("ab") as handle:
        handle.write(b"\xff\xfe\x00\x01")
    code, out, err = run(repo, monkeypatch, capsys, "diff", "HEAD")
    assert code == 2 and out == ""
    assert err.startswith("milepost: error: ") and err.count("\n") == 1 and "roadmap.md" in err


def test_a_roadmap_deleted_and_added_again_keeps_its_past(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    _commit(repo, "# Search Roadmap\n\n### October 2026\n- 🚧 Search box\n", "2026-10-01")
    (repo / "roadmap.md").unlink()
    git(repo, "commit", "-qam", "gone", day="2026-10-10")
    _commit(repo, "# Search Roadmap\n\n### October 2026\n- ✅ Search box\n", "2026-10-15")
    [track] = run_json(repo, monkeypatch, capsys, "stats", "--today", TODAY)["tracks"]
    assert (track["versions"], track["shipped_by_month"]) == (2, {"2026-10": 1})
    data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-10-03")
    assert changes(data) == {"Search": [("changed", "Search box", "in_progress", "done", "None")]}


def test_a_range_is_refused_and_overlapping_paths_count_once(
    story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(story, monkeypatch, capsys, "diff", "HEAD~3..HEAD")
    assert code == 2 and "'HEAD~3..HEAD' is a range, not a revision" in err
    data = run_json(
        story, monkeypatch, capsys, "stats", "--today", TODAY, "tracks", "tracks/memory"
    )
    assert [t["track"] for t in data["tracks"]].count("Memory") == 1
    # ":/text" names the newest commit whose message says it: the SQLite store (6 Nov)
    data = run_json(story, monkeypatch, capsys, "diff", ":/Memory: SQLite", "HEAD")
    assert changes(data) == {
        "Memory": [REWORDED_TRUNCATION, DROPPED_REDIS],
        "Orchestration": [SHIPPED_HANDOFF],
        "Tool Use": [SHIPPED_TIMEOUTS],
    }


def test_a_roadmap_never_committed_is_named_by_its_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    _commit(repo, "# Search Roadmap\n\n- 📋 Box\n", "2026-11-02")
    (repo / "later").mkdir()
    (repo / "later" / "roadmap.md").write_text("# Billing Roadmap\n\n- 📋 Invoices\n", "utf-8")
    data = run_json(repo, monkeypatch, capsys, "stats", "--today", TODAY, "roadmap.md", "later")
    assert [(t["track"], t["versions"]) for t in data["tracks"]] == [("Search", 1), ("Billing", 0)]


def test_a_period_changed_as_the_item_closes_is_no_slip_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    head = "# Alpha Roadmap\n\n## Current Focus\n\n"
    _commit(
        repo,
        head + "### September 2026\n- 📋 Search\n- 🚧 Sync\n- 📋 Export\n- ✅ Login\n",
        "2026-09-01",
    )
    # one version: Search slips (still open), Sync ships and Export is dropped under October,
    # and the done Login is filed under October too
    _commit(
        repo,
        head + "### October 2026\n- 📋 Search\n- ✅ Sync\n- ❌ Export\n- ✅ Login\n",
        "2026-10-02",
    )
    [track] = run_json(repo, monkeypatch, capsys, "stats", "--today", TODAY)["tracks"]
    assert track["slips"] == 1  # Search alone
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    moves = {c["title"]: c["period_change"] for c in data["diffs"][0]["items"]}
    assert moves == {"Search": "slip", "Sync": "move", "Export": "move", "Login": "move"}
    code, out, _ = run(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD", "--color", "never")
    assert code == 0
    assert "1 of 1 track changed: 1 shipped, 1 slipped, 1 dropped, 1 moved" in out
    for title, verb in (("sync", "shipped"), ("export", "dropped"), ("search", "slipped")):
        code, out, _ = run(
            repo, monkeypatch, capsys, "log", "roadmap.md", title, "--color", "never"
        )
        assert code == 0
        assert f"{verb} · on 2026-10-02" in out


def test_diff_takes_a_track_by_its_slug_or_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    (repo / "milepost.toml").write_text('roadmaps = ["tracks/*/roadmap.md"]\n', "utf-8")
    _commit(
        repo,
        "# Alpha Roadmap\n\n### October 2026\n- 📋 Search\n",
        "2026-10-01",
        "tracks/alpha/roadmap.md",
    )
    _commit(
        repo,
        "# Beta Roadmap\n\n### October 2026\n- 📋 Sync\n",
        "2026-10-02",
        "tracks/beta/roadmap.md",
    )
    _commit(
        repo,
        "# Beta Roadmap\n\n### October 2026\n- 🚧 Sync\n",
        "2026-10-14",
        "tracks/beta/roadmap.md",
    )
    _commit(
        repo,
        "# Alpha Roadmap\n\n### October 2026\n- 🚧 Search\n",
        "2026-10-15",
        "tracks/alpha/roadmap.md",
    )
    started_sync = [("changed", "Sync", "planned", "in_progress", "None")]
    for name in ("beta", "Beta"):  # its slug, its name
        data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-10-12", name)
        assert changes(data) == {"Beta": started_sync}
    # a revision is still a revision, beside a track
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~2", "HEAD", "beta")
    assert changes(data) == {"Beta": started_sync}
    # a branch that has a track's name is the branch, unless --since says no revision is meant
    git(repo, "branch", "alpha", "HEAD~1")
    data = run_json(repo, monkeypatch, capsys, "diff", "alpha", "HEAD")
    assert changes(data) == {"Alpha": [("changed", "Search", "planned", "in_progress", "None")]}
    data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-10-12", "alpha")
    assert [d["track"] for d in data["diffs"]] == ["Alpha"]
    code, _, err = run(repo, monkeypatch, capsys, "diff", "--since", "2026-10-12", "gamma")
    assert code == 2
    assert "'gamma' is neither a track nor an existing file or folder" in err


def _shallow_story(tmp_path: Path) -> Path:
    """Two tracks from September; the last two commits are what a clone of depth 2 sees."""
    repo = tmp_path / "full"
    repo.mkdir()
    _repo(repo)
    (repo / "milepost.toml").write_text('roadmaps = ["tracks/*/roadmap.md"]\n', "utf-8")
    alpha, beta, gamma = (f"tracks/{t}/roadmap.md" for t in ("alpha", "beta", "gamma"))

    def both(a: str, b: str, day: str) -> None:
        (repo / "tracks" / "beta").mkdir(parents=True, exist_ok=True)
        (repo / beta).write_text(f"# Beta Roadmap\n\n{b}", "utf-8")
        _commit(repo, f"# Alpha Roadmap\n\n{a}", day, alpha)

    both("### September 2026\n- 📋 One\n- 🚧 Two\n", "### October 2026\n- 📋 Three\n", "2026-09-01")
    _commit(
        repo, "# Alpha Roadmap\n\n### September 2026\n- 🚧 One\n- 🚧 Two\n", "2026-09-20", alpha
    )
    _commit(repo, "# Alpha Roadmap\n\n### October 2026\n- ✅ One\n- 🚧 Two\n", "2026-10-02", alpha)
    _commit(repo, "# Beta Roadmap\n\n### October 2026\n- 🚧 Three\n", "2026-10-20", beta)
    # the horizon of a clone of depth 2: it touches Alpha, not Beta
    _commit(repo, "# Alpha Roadmap\n\n### November 2026\n- ✅ One\n- 🚧 Two\n", "2026-10-28", alpha)
    (repo / "tracks" / "gamma").mkdir()
    (repo / gamma).write_text("# Gamma Roadmap\n\n### November 2026\n- 📋 Four\n", "utf-8")
    _commit(repo, "# Alpha Roadmap\n\n### November 2026\n- ✅ One\n- ✅ Two\n", "2026-11-05", alpha)
    return repo


def _clone(repo: Path, depth: int) -> Path:
    clone = repo.parent / f"depth-{depth}"
    subprocess.run(
        ["git", "clone", "-q", "--depth", str(depth), f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    return clone


def test_a_shallow_clone_makes_up_no_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _shallow_story(tmp_path)
    data = run_json(full, monkeypatch, capsys, "stats", "--today", TODAY)
    tracks = {t["track"]: t for t in data["tracks"]}
    alpha, beta = tracks["Alpha"], tracks["Beta"]
    # the whole history: One planned 1 Sep, started 20 Sep, done 2 Oct; Two started by 1 Sep
    assert alpha["cycle_time"]["planned_to_done"] == {"count": 1, "median": 31, "p90": 31}
    assert alpha["cycle_time"]["in_progress_to_done"] == {"count": 2, "median": 38.5, "p90": 65}
    assert (alpha["slipped"], alpha["judged"], alpha["slips"]) == (2, 2, 2)
    assert (beta["slipped"], beta["judged"], beta["last"]) == (1, 1, "2026-10-20")

    clone = _clone(full, 2)
    code, out, err = run(clone, monkeypatch, capsys, "stats", "--today", TODAY, "--format", "json")
    assert code == 0
    assert "shallow clone: history seen only back to 2026-10-28" in err
    tracks = {t["track"]: t for t in json.loads(out)["tracks"]}
    alpha, beta, gamma = tracks["Alpha"], tracks["Beta"], tracks["Gamma"]
    # Two shipped on 5 Nov, seen; when it was listed or started is beyond the horizon
    assert alpha["shipped_by_month"] == {"2026-11": 1}
    none = {"count": 0, "median": None, "p90": None}
    assert alpha["cycle_time"] == {
        "planned_to_in_progress": none,
        "in_progress_to_done": none,
        "planned_to_done": none,
    }
    # the periods One and Two had first are not seen: no slip rate, rather than 0%
    assert (alpha["slip_rate"], alpha["judged"], alpha["slips"]) == (None, 0, 0)
    assert alpha["staleness"] == {"gaps": none, "days_since_update": 20}
    # Beta's last change (20 Oct) is beyond the horizon, which did not touch it
    assert (beta["versions"], beta["judged"], beta["last"]) == (1, 0, None)
    assert beta["staleness"]["days_since_update"] is None
    # Gamma was added after the horizon: that much is known
    assert (gamma["first"], gamma["last"]) == ("2026-11-05", "2026-11-05")
    code, out, _ = run(clone, monkeypatch, capsys, "stats", "--today", TODAY, "--color", "never")
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert rows["Beta"][-1] == "—" and rows["Alpha"][-3:] == ["20", "d", "ago"]


def test_a_shallow_clone_announces_no_track_as_new_that_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _shallow_story(tmp_path)
    shallow = _clone(full, 1)
    code, out, err = run(
        shallow, monkeypatch, capsys, "announce", "--since", "2026-11-01", "--today", TODAY
    )
    assert code == 0
    # the clone cannot tell what changed before 5 November: it says so
    assert "this is a shallow clone; history before 2026-11-05 is not available" in err
    assert "New tracks" not in out and "No roadmap changes in this period." in out
    deeper = _clone(full, 2)
    code, out, _ = run(
        deeper, monkeypatch, capsys, "announce", "--since", "2026-10-01", "--today", TODAY
    )
    assert code == 0
    assert "### Shipped\n\n- **Alpha**: Two\n" in out
    assert "### New tracks\n\n- **Gamma**: 1 item on its roadmap\n" in out
    assert "Alpha**: 2 items" not in out and "**Beta**" not in out
    data = run_json(deeper, monkeypatch, capsys, "diff", "--since", "2026-10-01")
    by_track = {d["track"]: d for d in data["diffs"]}
    assert [name for name, d in by_track.items() if d["new"]] == ["Gamma"]
    assert by_track["Beta"]["base"]["label"].endswith("(2026-10-28), shallow clone's horizon")


def test_a_period_reaching_past_a_shallow_clones_horizon_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _shallow_story(tmp_path)
    shallow = _clone(full, 1)  # only the commit of 5 November
    warning = (
        "milepost: warning: this is a shallow clone; history before 2026-11-05 is not"
        " available (git fetch --unshallow)\n"
    )
    for args in (
        ("announce", "--since", "2026-11-01", "--today", TODAY),
        ("announce", "--since", "2026-11-05", "--today", TODAY),  # not what that commit did
        ("announce", "--today", "2026-11-10"),  # a week back: nothing announced yet, as in CI
        ("diff", "--since", "2026-11-01"),
        ("diff", "--since", "2026-11-01", "--format", "json"),
    ):
        code, out, err = run(shallow, monkeypatch, capsys, *args)
        assert code == 0, args
        assert err == warning, args  # one line, instead of the note on how far it sees
        assert out, args  # and on it goes
    # a period the clone holds: no warning, the note as before
    code, _, err = run(shallow, monkeypatch, capsys, "diff", "--since", "2026-11-06")
    assert code == 0
    assert "warning" not in err and "shallow clone: history seen only back to 2026-11-05" in err
    code, _, err = run(
        full, monkeypatch, capsys, "announce", "--since", "2026-11-01", "--today", TODAY
    )
    assert code == 0 and err == ""  # a full clone: nothing to warn of


_WARNING = "this is a shallow clone; history before {} is not available (git fetch --unshallow)"


def test_stats_since_past_a_shallow_clones_horizon_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shallow = _clone(_shallow_story(tmp_path), 1)  # only the commit of 5 November
    warning = _WARNING.format("2026-11-05")
    code, out, err = run(
        shallow, monkeypatch, capsys, "stats", "--since", "2026-11-01", "--today", TODAY
    )
    assert (code, err) == (0, f"milepost: warning: {warning}\n")  # once, in place of the note
    assert out
    data = run_json(
        shallow, monkeypatch, capsys, "stats", "--since", "2026-11-01", "--today", TODAY
    )
    assert (data["warnings"], data["notes"]) == ([warning], [])
    # a period the clone holds, or the whole history it has: the note as before
    for args in (("--since", "2026-11-06"), ()):
        data = run_json(shallow, monkeypatch, capsys, "stats", *args, "--today", TODAY)
        assert data["warnings"] == [], args
        assert data["notes"] == [
            "shallow clone: history seen only back to 2026-11-05"
            " (git fetch --unshallow to see it all)"
        ], args


def test_diff_since_last_reviews_past_a_shallow_clones_horizon_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _shallow_story(tmp_path)
    shallow = _clone(full, 2)  # back to 28 October; Beta's last change (20 October) is not
    warning = _WARNING.format("2026-10-28")
    code, out, err = run(shallow, monkeypatch, capsys, "diff")
    assert (code, err) == (0, f"milepost: warning: {warning}\n")
    assert out
    data = run_json(shallow, monkeypatch, capsys, "diff")
    assert (data["warnings"], data["notes"]) == ([warning], [])
    data = run_json(shallow, monkeypatch, capsys, "diff", "--since", "2026-10-01")
    assert (data["warnings"], data["notes"]) == ([warning], [])
    # Alpha's last change is one the clone holds; a revision is known whole: the note
    note = (
        "shallow clone: history seen only back to 2026-10-28 (git fetch --unshallow to see it all)"
    )
    for args in (("tracks/alpha",), ("HEAD~1",)):
        code, _, err = run(shallow, monkeypatch, capsys, "diff", *args)
        assert (code, err) == (0, f"milepost: note: {note}\n"), args
        data = run_json(shallow, monkeypatch, capsys, "diff", *args)
        assert (data["warnings"], data["notes"]) == ([], [note]), args
    # a full clone: nothing to say
    data = run_json(full, monkeypatch, capsys, "diff")
    assert (data["warnings"], data["notes"]) == ([], [])


def test_an_item_rewritten_but_keeping_its_issue_is_one_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    head = "# Search Roadmap\n\n### October 2026\n"
    _commit(repo, head + "- 📋 Faster search (#42)\n- 📋 Typo tolerance\n", "2026-10-01")
    _commit(repo, head + "- 🚧 Faster search (#42)\n- 📋 Typo tolerance\n", "2026-10-05")
    _commit(
        repo, head + "- ✅ Sharded index for queries (#42)\n- 📋 Typo tolerance\n", "2026-10-15"
    )
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    assert changes(data) == {
        "Search": [("changed", "Sharded index for queries", "in_progress", "done", "None")]
    }
    [change] = data["diffs"][0]["items"]
    assert change["reworded"] is True
    code, out, _ = run(
        repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD", "-v", "--color", "never"
    )
    assert code == 0
    assert "both name #42" in out
    # one life, so its times are counted: started 5 Oct, shipped 15 Oct
    [track] = run_json(repo, monkeypatch, capsys, "stats", "--today", TODAY)["tracks"]
    assert track["cycle_time"]["in_progress_to_done"]["median"] == 10
    assert track["cycle_time"]["planned_to_done"]["median"] == 14
    code, out, _ = run(
        repo, monkeypatch, capsys, "log", "roadmap.md", "Faster search", "--color", "never"
    )
    assert code == 0
    assert "Sharded index for queries" in out


def test_a_similar_title_wins_over_a_shared_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    head = "# Search Roadmap\n\n### October 2026\n"
    _commit(repo, head + "- 🚧 Search API for plugins (#42)\n", "2026-10-01")
    _commit(
        repo,
        head + "- 🚧 Search API for all plugins\n- 📋 Index sharding, see (#42)\n",
        "2026-10-05",
    )
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    assert changes(data) == {
        "Search": [
            ("changed", "Search API for all plugins", "in_progress", "in_progress", "None"),
            ("added", "Index sharding, see", "None", "planned", "None"),
        ]
    }


def test_an_issue_named_by_two_items_pairs_neither(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    head = "# Search Roadmap\n\n### October 2026\n"
    _commit(repo, head + "- 📋 Faster search (#42)\n", "2026-10-01")
    _commit(
        repo, head + "- 📋 Sharded index (#42)\n- 📋 Query planner rewrite (#42)\n", "2026-10-05"
    )
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    assert sorted(c[0] for c in changes(data)["Search"]) == ["added", "added", "removed"]


def test_log_in_a_shallow_clone_says_an_item_was_already_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = _clone(_shallow_story(tmp_path), 2)
    code, out, err = run(
        clone, monkeypatch, capsys, "log", "alpha", "Two", "--today", TODAY, "--color", "never"
    )
    assert code == 0
    assert "shallow clone: history seen only back to 2026-10-28" in err
    first, shipped = [line.strip() for line in out.splitlines() if line.strip().startswith("20")]
    assert first.startswith("2026-10-28") and "already listed" in first
    assert shipped.startswith("2026-11-05") and "listed" not in shipped
    data = run_json(clone, monkeypatch, capsys, "log", "alpha", "Two", "--today", TODAY)
    assert [s["horizon"] for s in data["steps"]] == [True, False]
    # in the whole history the item was listed on 1 September, and said so
    code, out, _ = run(
        tmp_path / "full", monkeypatch, capsys, "log", "alpha", "Two", "--color", "never"
    )
    first = next(line.strip() for line in out.splitlines() if line.strip().startswith("20"))
    assert first.startswith("2026-09-01") and " listed" in first and "already" not in first


def test_risks_and_requests_go_by_what_people_call_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    body = (
        "# Sync Roadmap\n\n## Dependencies and Risks\n\n### Technical Risks\n"
        "- **Risk 1:** Vendor API rate limits\n  - Likelihood: High\n  - Impact: High\n"
        "  - Mitigation: {mitigation}\n\n## Community Feedback\n\n"
        "- **Request 1:** Offline mode - Status: {status}\n"
    )
    _commit(repo, body.format(mitigation="Backoff", status="Planned"), "2026-11-02")
    _commit(repo, body.format(mitigation="Backoff and caching", status="In Progress"), "2026-11-09")
    code, out, _ = run(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD", "--format", "markdown")
    assert code == 0
    assert "Vendor API rate limits" in out and "Risk 1" not in out
    assert "Offline mode" in out and "status Planned → In Progress" in out
    # reworded and re-rated, "Risk 1" is still the same risk
    reworded = body.replace("Vendor API rate limits", "Throttling by the vendor at peak")
    _commit(
        repo,
        reworded.replace("High\n  - Impact", "Low\n  - Impact").format(
            mitigation="Backoff and caching", status="In Progress"
        ),
        "2026-11-16",
    )
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    [risk] = data["diffs"][0]["risks"]
    assert risk["name"] == "Throttling by the vendor at peak"
    assert (risk["before"]["likelihood"], risk["after"]["likelihood"]) == ("High", "Low")
    monkeypatch.chdir(repo)
    result = api.edit(
        repo / "roadmap.md",
        "request",
        item="offline",
        status=Status.DONE,
        today=dt.date(2026, 11, 25),
    )
    assert result.description == "Offline mode: Completed"


def test_a_request_is_the_same_request_as_its_votes_and_status_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A request went by all its words, its glyph and count of votes with them: "📋 **Dark
    mode** - for night use 👍 12" started and voted for again was paired by likeness alone,
    and named "🚧 Dark mode - for night use 👍 15". It goes by its name."""
    repo = _repo(tmp_path)
    body = (
        "# Sync Roadmap\n\n## Community Feedback\n\n"
        "- {glyph} **Dark mode** - for night use 👍 {votes}\n"
    )
    _commit(repo, body.format(glyph="📋", votes=12), "2026-11-02")
    _commit(repo, body.format(glyph="🚧", votes=15), "2026-11-09")
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    [request] = data["diffs"][0]["requests"]
    assert (request["name"], request["change"]) == ("Dark mode", "changed")
    assert (request["before"]["status"], request["after"]["status"]) == ("planned", "in_progress")


def test_work_rolled_over_to_a_new_month_slipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    _commit(
        repo,
        "# Ingest Roadmap\n\n**Last updated:** 2026-10-20\n\n## Current Focus\n\n"
        "### October 2026\n- 📋 Alpha\n\n"
        "### November 2026\n- 📋 Beta\n\n## Completed Milestones\n",
        "2026-10-20",
    )
    code, _, err = run(repo, monkeypatch, capsys, "rollover", "roadmap.md", "--today", "2026-11-02")
    assert code == 0, err
    git(repo, "commit", "-qam", "rollover", day="2026-11-02")
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    [alpha] = [c for c in changes(data)["Ingest"] if c[1].startswith("Alpha")]
    assert alpha[2:] == ("planned", "planned", "slip")  # October → November
    [track] = run_json(repo, monkeypatch, capsys, "stats", "--today", "2026-11-25")["tracks"]
    assert track["slips"] == 1


def test_the_users_git_settings_change_no_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # log.showRoot=false hides what the first commit did from `git log --raw`: it may not cost
    # a roadmap its first version.
    repo = _repo(tmp_path)
    git(repo, "config", "log.showRoot", "false")
    _commit(repo, "# Search Roadmap\n\n### October 2026\n- 📋 Search box\n", "2026-10-01")
    _commit(repo, "# Search Roadmap\n\n### October 2026\n- 🚧 Search box\n", "2026-10-05")
    [track] = run_json(repo, monkeypatch, capsys, "stats", "--today", TODAY)["tracks"]
    assert track["versions"] == 2
    assert track["cycle_time"]["planned_to_in_progress"]["median"] == 4
    data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-10-03")
    assert changes(data) == {
        "Search": [("changed", "Search box", "planned", "in_progress", "None")]
    }


def test_a_commit_that_garbles_the_roadmap_changes_none_of_its_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    text = "# Café Roadmap\n\n### November 2026\n- 📋 Espresso API\n- 🚧 Crème brûlée\n"
    _commit(repo, text, "2026-11-01")
    # A Windows-1252 editor garbles every accent and emoji as Espresso starts...
    started = text.replace("📋 Espresso", "🚧 Espresso")
    (repo / "roadmap.md").write_text(mojibake(started), encoding="utf-8")
    git(repo, "commit", "-qam", "start espresso", day="2026-11-03")
    _commit(repo, started, "2026-11-04")  # ...and the next commit repairs it
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~2", "HEAD~1")
    assert changes(data) == {
        "Café": [("changed", "Espresso API", "planned", "in_progress", "None")]
    }
    code, out, _ = run(
        repo, monkeypatch, capsys, "announce", "--since", "2026-11-02", "--today", "2026-11-03"
    )
    assert code == 0
    assert "### Started\n\n- **Café**: Espresso API\n\n1 track" in out
    assert changes(run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")) == {}


def _commit_stamped(repo: Path, text: str, *, author: str, committer: str) -> None:
    """Commit ``text`` as the roadmap with raw date stamps ("<seconds> <zone>"), however
    broken: git itself refuses to make such commits, other tools and old imports did not."""
    (repo / "roadmap.md").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    tree = git(repo, "write-tree").strip()
    parent = git(repo, "rev-parse", "HEAD").strip()
    body = (
        f"tree {tree}\nparent {parent}\nauthor T <t@example.org> {author}\n"
        f"committer T <t@example.org> {committer}\n\nstamped {committer}\n"
    )
    made = subprocess.run(
        ["git", "-C", str(repo), "hash-object", "-t", "commit", "--literally", "-w", "--stdin"],
        input=body.encode(),
        check=True,
        capture_output=True,
    )
    git(repo, "update-ref", "HEAD", made.stdout.decode().strip())


def test_commits_with_broken_dates_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    road = "# Clock Roadmap\n\n### November 2026\n- {} Alpha\n- {} Beta\n- {} Gamma\n"
    _commit(repo, road.format("📋", "📋", "📋"), "2026-11-01")
    # 2026-11-03 12:00 UTC, in a time zone that cannot be (git fsck: badTimezone)
    _commit_stamped(
        repo, road.format("🚧", "📋", "📋"), author="1793707200 +0000", committer="1793707200 +9999"
    )
    # a committer date that is no date (badDate): the author's says when
    _commit_stamped(
        repo, road.format("✅", "🚧", "📋"), author="1793880000 +0000", committer="soon +0000"
    )
    # neither date readable: no later than the commit before it
    _commit_stamped(repo, road.format("✅", "✅", "🚧"), author="x", committer="y")
    for args in (["stats", "--today", TODAY], ["diff", "--since", "2026-11-02"]):
        code, _, err = run(repo, monkeypatch, capsys, *args)
        assert code == 0, err
    data = run_json(repo, monkeypatch, capsys, "log", "roadmap.md", "Beta")
    assert [(s["date"], s["status"]) for s in data["steps"]] == [
        ("2026-11-01", "planned"),
        ("2026-11-05", "in_progress"),
        ("2026-11-05", "done"),
    ]
    data = run_json(repo, monkeypatch, capsys, "log", "roadmap.md", "Alpha")
    assert [s["date"] for s in data["steps"]] == ["2026-11-01", "2026-11-03", "2026-11-05"]
    code, out, _ = run(
        repo, monkeypatch, capsys, "announce", "--since", "2026-11-02", "--today", "2026-11-04"
    )
    assert code == 0
    assert "### Started\n\n- **Clock**: Alpha\n\n1 track" in out


def test_a_version_that_cannot_be_read_is_compared_as_the_one_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    road = "# Café Roadmap\n\n### November 2026\n- {} Espresso API\n- {} Crème brûlée\n"
    _commit(repo, road.format("📋", "🚧"), "2026-11-01")
    # saved as Latin-1 by mistake: not UTF-8, so not readable (and not a roadmap emptied)
    (repo / "roadmap.md").write_bytes(road.format("🚧", "🚧").encode("latin-1", "replace"))
    git(repo, "commit", "-qam", "latin-1", day="2026-11-03")
    _commit(repo, road.format("✅", "✅"), "2026-11-04")
    code, out, err = run(repo, monkeypatch, capsys, "diff", "HEAD~2", "HEAD~1", "--format", "json")
    assert code == 0
    assert changes(json.loads(out)) == {}
    assert "cannot decode" in err
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    assert changes(data) == {
        "Café": [
            ("changed", "Espresso API", "planned", "done", "None"),
            ("changed", "Crème brûlée", "in_progress", "done", "None"),
        ]
    }


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "--since", "2062-11-25"),
        ("stats", "--since", "2026-11-26", "--today", "2026-11-25"),
        ("announce", "--since", "2026-11-26", "--today", "2026-11-25", "--dry-run"),
    ],
)
def test_a_since_after_today_is_refused_by_every_history_command(
    story: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
) -> None:
    """`diff --since` a year mistyped as 2062 said "0 of 5 tracks changed", as if it knew."""
    code, out, err = run(story, monkeypatch, capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"milepost: error: --since {args[2]} is after today (")
