"""Finding the item an edit is about, as a track lead names it: words of its title, a line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import milepost
from milepost.cli import main
from milepost.edits.lookup import AmbiguousItemError, find_item
from milepost.errors import UsageError
from tests.conftest import EXAMPLES


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "portfolio")
    monkeypatch.chdir(tmp_path / "portfolio")
    return tmp_path / "portfolio"


def _memory(portfolio: Path) -> Path:
    return portfolio / "tracks" / "memory" / "roadmap.md"


def test_words_of_a_title_need_not_be_next_to_each_other(portfolio: Path) -> None:
    roadmap = milepost.load(portfolio / "tracks" / "orchestration" / "roadmap.md")
    assert find_item(roadmap, "checkpoint resume").title == "Checkpoint and resume for long runs"
    assert find_item(roadmap, "RESUME checkpoint").title == "Checkpoint and resume for long runs"


def test_words_that_several_titles_hold_stay_ambiguous() -> None:
    roadmap = milepost.loads(
        "# T\n\n## Current Focus\n\n### November 2026\n- 📋 Export the data to CSV\n"
        "- 🚧 Export all logs to CSV\n"
    )
    with pytest.raises(AmbiguousItemError, match="2 items match 'export csv'"):
        find_item(roadmap, "export csv")


def test_words_of_a_metric_or_request_need_not_be_next_to_each_other(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orchestration = "tracks/orchestration/roadmap.md"
    args = ["--today", "2026-11-25"]
    assert main(["metric", "orchestration", "largest swarm", "--current", "800", *args]) == 0
    assert main(["request", "orchestration", "visual graphs", "--status", "completed", *args]) == 0
    text = Path(orchestration).read_text(encoding="utf-8")
    assert "Largest supported swarm: 200 → 5,000 agents (current: 800)" in text
    assert "Visual editor for swarm graphs - Status: Completed" in text


def test_a_line_that_holds_another_item_than_the_words_is_refused(portfolio: Path) -> None:
    roadmap = milepost.load(_memory(portfolio))
    # Line 15 holds "Per-agent memory namespaces", not the snapshots the words name: an old
    # line number (the file changed since) must not edit the wrong item.
    with pytest.raises(UsageError, match="line 15 holds 'Per-agent memory namespaces'") as error:
        find_item(roadmap, "snapshots", line=15)
    assert error.value.line == 15
    assert find_item(roadmap, "snapshots", line=14).title == "Memory snapshots for run replay"
    assert find_item(roadmap, "", line=15).title == "Per-agent memory namespaces"


def test_a_line_picks_among_the_items_the_words_match(portfolio: Path) -> None:
    roadmap = milepost.load(_memory(portfolio))
    with pytest.raises(AmbiguousItemError):
        find_item(roadmap, "memory")
    assert find_item(roadmap, "memory", line=14).title == "Memory snapshots for run replay"


def test_start_with_words_and_a_wrong_line_changes_nothing(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _memory(portfolio).read_bytes()
    assert main(["start", "memory", "snapshots", "--line", "15", "--today", "2026-11-25"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "roadmap.md:15:" in err, err
    assert _memory(portfolio).read_bytes() == before


def test_a_reason_for_a_table_row_is_refused_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row's status is its Status cell: there is no line to add "(runner quota)" to, and
    the reason was silently left out."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "roadmap.md"
    text = (
        "# T\n\n## Current Focus\n\n### November 2026\n\n| Item | Owner | Status |\n"
        "| --- | --- | --- |\n| Faster CI | @cid | 📋 Planned |\n"
    )
    path.write_text(text, encoding="utf-8")
    args = ["roadmap.md", "faster ci", "--reason", "runner quota", "--today", "2026-11-26"]
    assert main(["block", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "roadmap.md:9:" in err and "--reason" in err, err
    assert path.read_text(encoding="utf-8") == text
    assert main(["block", *args[:2], "--today", "2026-11-26"]) == 0
