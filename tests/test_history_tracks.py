"""Tracks that come, go and change names during a period: real repositories in temp dirs.

A roadmap deleted in the period is a track retired (not a track nobody mentions), one added is
a new track (not every item "added"), and one whose file moved or whose title changed is named
"New (was: Old)" wherever the period saw the change.
"""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from tests.test_history import TODAY, git, run, run_json

MEMORY = (
    "# Memory Roadmap\n\n## 🎯 Current Focus\n\n### November 2026\n"
    "- 🚧 Vector store\n- 📋 Compaction\n- ✅ Session cache\n"
)
SEARCH = "# Search Roadmap\n\n## 🎯 Current Focus\n\n### November 2026\n- 📋 Search box\n"
BILLING = "# Billing Roadmap\n\n## 🎯 Current Focus\n\n### November 2026\n- 📋 Invoices\n"


def _write(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _commit(repo: Path, day: str, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, day=day)


def _two_tracks(tmp_path: Path) -> Path:
    """Two tracks on 20 October: memory and search."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    _write(repo, "tracks/memory/roadmap.md", MEMORY)
    _write(repo, "tracks/search/roadmap.md", SEARCH)
    _commit(repo, "2026-10-20", "two tracks")
    return repo


def _retired(tmp_path: Path) -> Path:
    """Two tracks on 20 October; the memory track retired on 5 November."""
    repo = _two_tracks(tmp_path)
    git(repo, "rm", "-q", "tracks/memory/roadmap.md")
    _commit(repo, "2026-11-05", "Retire the memory track")
    return repo


def _portfolio(tmp_path: Path) -> Path:
    """Two tracks in October; in November one retires, another starts, and the search track
    ships its box."""
    repo = _retired(tmp_path)
    _write(repo, "tracks/search/roadmap.md", SEARCH.replace("📋 Search", "✅ Search"))
    _write(repo, "tracks/billing/roadmap.md", BILLING)
    _commit(repo, "2026-11-10", "Billing track; search box shipped")
    return repo


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    return _portfolio(tmp_path)


def test_diff_json_tells_a_retired_track(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(portfolio, monkeypatch, capsys, "diff", "--since", "2026-11-01")
    by_track = {d["track"]: d for d in data["diffs"]}
    assert sorted(by_track) == ["Billing", "Memory", "Search"]
    memory = by_track["Memory"]
    assert (memory["retired"], memory["new"]) == (True, False)
    assert memory["path"] == "tracks/memory/roadmap.md"
    assert memory["open_items"] == 2
    assert (by_track["Billing"]["new"], by_track["Billing"]["retired"]) == (True, False)
    assert by_track["Search"]["retired"] is False


def test_diff_text_and_markdown_tell_new_and_retired_tracks(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(portfolio, monkeypatch, capsys, "diff", "--since", "2026-11-01")
    assert code == 0, err
    assert "track retired: its 2 open items went with it" in out
    assert "new track: 1 item on its roadmap" in out
    assert "added" not in out and "removed" not in out  # not item by item
    code, out, err = run(
        portfolio, monkeypatch, capsys, "diff", "--since", "2026-11-01", "--format", "markdown"
    )
    assert code == 0, err
    assert "- **Track retired:** its 2 open items went with it" in out
    assert "- **New track:** 1 item on its roadmap" in out
    assert "**Added:**" not in out and "**Removed:**" not in out


def test_a_track_retired_before_the_period_is_not_news(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(portfolio, monkeypatch, capsys, "diff", "--since", "2026-11-08")
    assert sorted(d["track"] for d in data["diffs"]) == ["Billing", "Search"]
    data = run_json(portfolio, monkeypatch, capsys, "diff", "HEAD~2", "HEAD~1")
    assert [d["track"] for d in data["diffs"] if d["retired"]] == ["Memory"]


def test_announce_tells_a_retired_track(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("MILEPOST_DISCORD_WEBHOOK", raising=False)
    code, out, err = run(
        portfolio, monkeypatch, capsys, "announce", "--today", TODAY, "--since", "2026-11-01"
    )
    assert code == 0, err
    assert "### Retired tracks\n\n- **Memory**: its 2 open items went with it\n" in out
    assert "### New tracks\n\n- **Billing**: 1 item on its roadmap\n" in out
    assert "### Shipped\n\n- **Search**: Search box\n" in out
    assert "3 tracks · milepost" in out
    code, out, err = run(
        portfolio,
        monkeypatch,
        capsys,
        "announce",
        "--today",
        TODAY,
        "--since",
        "2026-11-01",
        "--to",
        "discord",
        "--dry-run",
    )
    assert code == 0, err
    embeds = [e for p in json.loads(out) for e in p["embeds"]]
    retired = [e for e in embeds if e.get("title") == "Retired tracks"]
    assert [e["description"] for e in retired] == ["- **Memory**: its 2 open items went with it"]


def test_announce_after_the_retirement_was_told_is_quiet(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        portfolio, monkeypatch, capsys, "announce", "--today", TODAY, "--since", "2026-11-08"
    )
    assert code == 0, err
    assert "Memory" not in out and "2 tracks · milepost" in out


def test_a_track_retired_beside_the_only_one_left_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _retired(tmp_path)
    # the roadmaps left share only the search track's folder; the retired one is beside it
    data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-11-01")
    assert [(d["track"], d["retired"]) for d in data["diffs"]] == [
        ("Search", False),
        ("Memory", True),
    ]
    # a file named is that file: nothing beside it retires
    data = run_json(
        repo, monkeypatch, capsys, "diff", "--since", "2026-11-01", "tracks/search/roadmap.md"
    )
    assert [d["track"] for d in data["diffs"]] == ["Search"]


def test_retirements_are_deletions_that_stand() -> None:
    from datetime import datetime

    from milepost.history.versions import Commit, Touch, retirements

    def commit(sha: str, *touches: Touch) -> Commit:
        return Commit(sha, datetime(2026, 11, 1, tzinfo=UTC), "Tess", sha, touches)

    zero = "0" * 40
    newest_first = [
        commit("e", Touch("D", "a/roadmap.md", zero)),
        commit("d", Touch("R", "c/roadmap.md", "1", old_path="b/roadmap.md")),
        commit("c", Touch("A", "d/roadmap.md", "2"), Touch("D", "notes.md", zero)),
        commit("b", Touch("D", "b/roadmap.md", zero), Touch("D", "d/roadmap.md", zero)),
        commit("a", Touch("A", "a/roadmap.md", "3")),
    ]
    found = retirements(newest_first, lambda p: p.endswith("roadmap.md"))
    assert {path: c.sha for path, c in found.items()} == {"a/roadmap.md": "e"}


def _renamed(tmp_path: Path) -> Path:
    """The Context Store track moves to tracks/memory and takes the name Memory, in one
    commit; then its vector store ships."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    old = MEMORY.replace("# Memory Roadmap", "# Context Store Roadmap")
    _write(repo, "tracks/context-store/roadmap.md", old)
    _write(repo, "tracks/search/roadmap.md", SEARCH)
    _commit(repo, "2026-10-20", "two tracks")
    git(repo, "mv", "tracks/context-store", "tracks/memory")
    _write(repo, "tracks/memory/roadmap.md", MEMORY)
    _commit(repo, "2026-11-05", "Context Store is Memory now")
    _write(repo, "tracks/memory/roadmap.md", MEMORY.replace("🚧 Vector", "✅ Vector"))
    _commit(repo, "2026-11-10", "Vector store shipped")
    return repo


def test_a_renamed_track_is_named_with_its_old_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _renamed(tmp_path)
    data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-11-01")
    [memory] = [d for d in data["diffs"] if d["track"] == "Memory"]
    assert memory["was"] == "Context Store"
    assert memory["moved_from"] == "tracks/context-store/roadmap.md"
    assert memory["new"] is False and memory["retired"] is False
    assert [c["kind"] for c in memory["items"]] == ["changed"]
    code, out, err = run(repo, monkeypatch, capsys, "diff", "--since", "2026-11-01")
    assert code == 0, err
    assert "Memory (was: Context Store)" in out
    assert "moved from tracks/context-store/roadmap.md" in out
    code, out, err = run(
        repo, monkeypatch, capsys, "diff", "--since", "2026-11-01", "--format", "markdown"
    )
    assert code == 0, err
    assert "## Memory (was: Context Store)\n\ntracks/memory/roadmap.md (moved from " in out
    code, out, err = run(
        repo, monkeypatch, capsys, "announce", "--today", TODAY, "--since", "2026-11-01"
    )
    assert code == 0, err
    assert "### Shipped\n\n- **Memory (was: Context Store)**: Vector store\n" in out
    assert "### Renamed tracks\n\n- **Memory** (was: Context Store)\n" in out
    # after the rename, the track is plain Memory again
    data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-11-08")
    [memory] = [d for d in data["diffs"] if d["track"] == "Memory"]
    assert (memory["was"], memory["moved_from"]) == (None, None)


def test_log_names_a_renamed_track_with_its_old_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _renamed(tmp_path)
    data = run_json(
        repo, monkeypatch, capsys, "log", "tracks/memory/roadmap.md", "vector", "--today", TODAY
    )
    assert (data["track"], data["was"]) == ("Memory", ["Context Store"])
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(
        repo, monkeypatch, capsys, "log", "tracks/memory/roadmap.md", "vector", "--today", TODAY
    )
    assert code == 0, err
    assert "Memory (was: Context Store): Vector store" in out


def test_announce_of_a_track_renamed_with_no_other_news(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _renamed(tmp_path)
    code, out, err = run(
        repo, monkeypatch, capsys, "announce", "--today", "2026-11-06", "--since", "2026-11-01"
    )
    assert code == 0, err
    assert "### Renamed tracks\n\n- **Memory** (was: Context Store)\n" in out
    assert "No roadmap changes" not in out


def test_a_roadmap_deleted_in_the_work_tree_is_a_track_retiring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _two_tracks(tmp_path)
    git(repo, "rm", "-q", "tracks/memory/roadmap.md")  # not committed yet
    for args in ((), ("HEAD",), ("--since", "2026-11-01")):
        data = run_json(repo, monkeypatch, capsys, "diff", *args)
        retired = [(d["track"], d["head"]["label"]) for d in data["diffs"] if d["retired"]]
        assert retired == [("Memory", "working tree")], args
    code, out, err = run(repo, monkeypatch, capsys, "diff")
    assert code == 0, err
    assert "track retired: its 2 open items went with it" in out
    # committed history knows nothing of it yet
    data = run_json(repo, monkeypatch, capsys, "diff", "HEAD~0", "HEAD")
    assert not any(d["retired"] for d in data["diffs"])
    # deleted in the working tree only, or moved there: the same
    git(repo, "reset", "-q")
    data = run_json(repo, monkeypatch, capsys, "diff")
    assert [d["track"] for d in data["diffs"] if d["retired"]] == ["Memory"]
    git(repo, "checkout", "-q", "--", "tracks/memory/roadmap.md")
    git(repo, "mv", "tracks/memory", "tracks/recall")
    data = run_json(repo, monkeypatch, capsys, "diff")
    assert not any(d["retired"] for d in data["diffs"])


def _shipped_and_retired(tmp_path: Path) -> Path:
    """Two tracks on 20 October, in a portfolio that a milepost.toml names; the memory track
    ships its vector store on 28 October and is retired on 5 November."""
    repo = _two_tracks(tmp_path)
    _write(repo, "milepost.toml", "")
    _write(repo, "tracks/memory/roadmap.md", MEMORY.replace("🚧 Vector", "✅ Vector"))
    _commit(repo, "2026-10-28", "Vector store shipped")
    git(repo, "rm", "-q", "tracks/memory/roadmap.md")
    _commit(repo, "2026-11-05", "Retire the memory track")
    return repo


# The vector store's story in _shipped_and_retired: (date, status, removed, retired).
_RETIRED_STORY = [
    ("2026-10-20", "in_progress", False, False),
    ("2026-10-28", "done", False, False),
    ("2026-11-05", None, True, True),
]


def _story(data: dict[str, Any]) -> list[tuple[str, str | None, bool, bool]]:
    return [(s["date"], s["status"], s["removed"], s["retired"]) for s in data["steps"]]


def test_log_tells_a_retired_tracks_story_by_the_path_it_had(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _shipped_and_retired(tmp_path)
    log = ("log", "tracks/memory/roadmap.md", "vector", "--today", TODAY)
    data = run_json(repo, monkeypatch, capsys, *log)
    assert (data["track"], data["item"]) == ("Memory", "Vector store")
    assert _story(data) == _RETIRED_STORY
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(repo, monkeypatch, capsys, *log, "--color", "never")
    assert code == 0, err
    last = [line.strip() for line in out.splitlines() if line.strip().startswith("20")][-1]
    assert last.startswith("2026-11-05") and "track retired · Retire the memory track" in last
    # a past --today: the story ends before the retirement
    data = run_json(repo, monkeypatch, capsys, *log[:-1], "2026-11-01")
    assert [s["retired"] for s in data["steps"]] == [False, False]


def _moved(tmp_path: Path) -> Path:
    """Two tracks on 20 October; on 5 November the memory track's folder moves to
    tracks/recall, its title unchanged."""
    repo = _two_tracks(tmp_path)
    git(repo, "mv", "tracks/memory", "tracks/recall")
    _commit(repo, "2026-11-05", "Memory moves to tracks/recall")
    return repo


def test_log_of_a_path_that_moved_names_where_it_went(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _moved(tmp_path)
    code, _, err = run(
        repo, monkeypatch, capsys, "log", "tracks/memory/roadmap.md", "vector", "--today", TODAY
    )
    sha = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    assert code == 2 and err.count("\n") == 1
    assert f"moved to tracks/recall/roadmap.md in {sha} (2026-11-05)" in err
    # by its old folder, the same
    code, _, err = run(
        repo, monkeypatch, capsys, "log", "tracks/memory", "vector", "--today", TODAY
    )
    assert code == 2 and f"moved to tracks/recall/roadmap.md in {sha} (2026-11-05)" in err
    # a path that never held a roadmap: as before
    code, _, err = run(
        repo, monkeypatch, capsys, "log", "tracks/billing/roadmap.md", "x", "--today", TODAY
    )
    assert code == 2 and "no roadmap or track named 'tracks/billing/roadmap.md'" in err


def test_announce_tells_a_track_moved_under_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _moved(tmp_path)
    data = run_json(repo, monkeypatch, capsys, "diff", "--since", "2026-11-01")
    [memory] = [d for d in data["diffs"] if d["track"] == "Memory"]
    assert (memory["was"], memory["moved_from"]) == (None, "tracks/memory/roadmap.md")
    code, out, err = run(
        repo, monkeypatch, capsys, "announce", "--today", TODAY, "--since", "2026-11-01"
    )
    assert code == 0, err
    assert "### Renamed tracks\n\n- **Memory** (moved from tracks/memory/roadmap.md)\n" in out
    assert "No roadmap changes" not in out


def test_log_tells_the_move_of_a_roadmap_whose_title_stayed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _moved(tmp_path)
    _write(
        repo,
        "tracks/recall/roadmap.md",
        MEMORY.replace("🚧 Vector", "✅ Vector") + "- 📋 Forgetting\n",
    )
    _commit(repo, "2026-11-10", "Vector store shipped")
    log = ("log", "tracks/recall/roadmap.md", "vector", "--today", TODAY)
    data = run_json(repo, monkeypatch, capsys, *log)
    assert (data["track"], data["was"]) == ("Memory", [])
    # the move changed nothing of the item: it is a step of its own
    assert [(s["date"], s["status"], s["moved_from"]) for s in data["steps"]] == [
        ("2026-10-20", "in_progress", None),
        ("2026-11-05", "in_progress", "tracks/memory/roadmap.md"),
        ("2026-11-10", "done", None),
    ]
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(repo, monkeypatch, capsys, *log, "--color", "never")
    assert code == 0, err
    moved = next(line for line in out.splitlines() if "2026-11-05" in line)
    assert "roadmap moved from tracks/memory/roadmap.md · Memory moves to tracks/recall" in moved
    # an item listed after the move: nothing moved in its story
    data = run_json(
        repo, monkeypatch, capsys, "log", "tracks/recall", "Forgetting", "--today", TODAY
    )
    assert [(s["date"], s["moved_from"]) for s in data["steps"]] == [("2026-11-10", None)]


def test_log_tells_a_move_in_the_step_that_changed_the_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _two_tracks(tmp_path)
    git(repo, "mv", "tracks/memory", "tracks/recall")
    _write(repo, "tracks/recall/roadmap.md", MEMORY.replace("🚧 Vector", "✅ Vector"))
    _commit(repo, "2026-11-05", "Memory moves, vector store shipped")
    log = ("log", "tracks/recall", "vector", "--today", TODAY)
    data = run_json(repo, monkeypatch, capsys, *log)
    assert [(s["status"], s["moved_from"]) for s in data["steps"]] == [
        ("in_progress", None),
        ("done", "tracks/memory/roadmap.md"),
    ]
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(repo, monkeypatch, capsys, *log, "--color", "never")
    assert code == 0, err
    assert "shipped; roadmap moved from tracks/memory/roadmap.md · Memory moves" in out


def test_log_finds_a_retired_track_by_its_folder_or_its_slug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _shipped_and_retired(tmp_path)
    assert not (repo / "tracks" / "memory").exists()  # git rm took the folder too
    for track in ("tracks/memory", "tracks/memory/", "memory"):
        data = run_json(repo, monkeypatch, capsys, "log", track, "vector", "--today", TODAY)
        assert data["track"] == "Memory", track
        assert _story(data) == _RETIRED_STORY, track
    # a folder relative to where it runs
    data = run_json(repo / "tracks", monkeypatch, capsys, "log", "memory", "vector")
    assert _story(data)[-1] == ("2026-11-05", None, True, True)
    # the folder is still there, with no roadmap in it
    _write(repo, "tracks/memory/notes.md", "# Notes\n")
    data = run_json(repo, monkeypatch, capsys, "log", "tracks/memory", "vector", "--today", TODAY)
    assert _story(data) == _RETIRED_STORY
    # its slug in any case, as a track on disk is found
    for track in ("Memory", "MEMORY"):
        data = run_json(repo, monkeypatch, capsys, "log", track, "vector", "--today", TODAY)
        assert _story(data) == _RETIRED_STORY, track
    # by its slug without a config naming the portfolio: not looked up
    (repo / "milepost.toml").unlink()
    code, _, err = run(repo, monkeypatch, capsys, "log", "memory", "vector", "--today", TODAY)
    assert code == 2 and "no roadmap or track named 'memory'" in err


def test_log_of_a_folder_or_slug_several_retired_tracks_had_lists_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    _write(repo, "milepost.toml", "")
    _write(repo, "old/a/memory/roadmap.md", MEMORY)
    _write(repo, "old/b/memory/roadmap.md", MEMORY.replace("# Memory", "# Recall"))
    _write(repo, "tracks/search/roadmap.md", SEARCH)
    _commit(repo, "2026-10-20", "three tracks")
    git(repo, "rm", "-q", "-r", "old")
    _commit(repo, "2026-11-05", "Retire the old tracks")
    both = "old/a/memory/roadmap.md; old/b/memory/roadmap.md"
    for track, said in (
        ("old", f"2 retired roadmaps below it: {both}"),
        ("memory", f"2 retired tracks had the slug 'memory': {both}"),
    ):
        code, _, err = run(repo, monkeypatch, capsys, "log", track, "vector", "--today", TODAY)
        assert code == 2 and err.count("\n") == 1, track
        assert said in err, track
    # each by its own folder
    data = run_json(repo, monkeypatch, capsys, "log", "old/b/memory", "vector", "--today", TODAY)
    assert data["track"] == "Recall"
