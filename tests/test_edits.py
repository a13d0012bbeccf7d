"""Weekly-update edits: surgical, verified, in the author's style, safe against races."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import milepost
from milepost import api, fs
from milepost.cli import main
from milepost.document import apply, parse
from milepost.edits import operations as ops
from milepost.edits.lookup import AmbiguousItemError, find_item
from milepost.edits.rollover import rollover
from milepost.errors import StaleFileError, UsageError
from milepost.extract import extract
from milepost.model import Roadmap, Status, work_items
from tests.conftest import EXAMPLES, corpus_files

TODAY = dt.date(2026, 11, 25)
DATA = Path(__file__).resolve().parent / "data" / "edits"
FILES = corpus_files() + sorted(EXAMPLES.glob("tracks/*/roadmap.md"))


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "portfolio")
    return tmp_path / "portfolio"


def _check(roadmap: Roadmap, edit: ops.Edit, allowed: set[int]) -> None:
    """The patches touch only ``allowed`` lines (or insert), and the result verifies."""
    for patch in edit.patches:
        touched = set(range(patch.start, patch.end))
        assert touched <= allowed, (patch, sorted(allowed)[:5])
    new = apply(roadmap.document.source, edit.patches)
    assert edit.verify(extract(parse(new), path=roadmap.path)) is None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_start_drop_ship_every_item(path: Path) -> None:
    roadmap = milepost.load(path)
    for item in work_items(roadmap):
        if item.status is None:
            continue
        own = set(range(item.span.start, item.span.end))
        field = set(range(item.span.end, item.span.end + 12))
        allowed = own | (field if item.status_from == "field" else set())
        _check(roadmap, ops.set_status(roadmap, item, Status.IN_PROGRESS), allowed)
        _check(roadmap, ops.set_status(roadmap, item, Status.DROPPED, reason="no"), allowed)
        _check(roadmap, ops.ship(roadmap, item, today=TODAY), allowed)


def _diff(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> str:
    assert main([*args, "--dry-run", "--today", "2026-11-25"]) == 0
    return capsys.readouterr().out.replace(str(root) + "/", "")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("start", ("start", "tracks/orchestration", "backpressure")),
        (
            "block",
            (
                "block",
                "tracks/tool-use",
                "streaming",
                "--line",
                "13",
                "--reason",
                "waiting on #412",
            ),
        ),
        ("drop", ("drop", "tracks/memory", "inspector API", "--reason", "folded into #416")),
        (
            "ship",
            (
                "ship",
                "tracks/orchestration",
                "checkpoint and resume",
                "--impact",
                "long runs survive restarts",
                "--details",
                "https://swarmkit.dev/docs/checkpoints",
            ),
        ),
        ("ship-table", ("ship", "tracks/evaluation", "Judge calibration set")),
        (
            "plan",
            (
                "plan",
                "tracks/orchestration",
                "Scheduler metrics endpoint",
                "--month",
                "2027-01",
                "--owner",
                "@hiro",
                "--issue",
                "450",
            ),
        ),
        (
            "plan-existing-month",
            ("plan", "tracks/memory", "Namespace quotas", "--month", "2026-12"),
        ),
        ("review", ("review", "tracks/memory", "--by", "@bkumar")),
        ("metric", ("metric", "tracks/orchestration", "throughput", "--current", "210")),
        ("metric-target", ("metric", "tracks/memory", "fact retention", "--target", "95%")),
        (
            "request",
            ("request", "tracks/orchestration", "visual editor", "--status", "in-progress"),
        ),
        (
            "risk-update",
            (
                "risk",
                "tracks/orchestration",
                "Deadlocks",
                "--mitigation",
                "Timeouts, a detector and a nightly chaos test",
            ),
        ),
        (
            "risk-add",
            (
                "risk",
                "tracks/memory",
                "Provider rate limits",
                "--likelihood",
                "high",
                "--impact",
                "medium",
                "--mitigation",
                "Token buckets per provider",
            ),
        ),
        ("rollover", ("rollover", "tracks/orchestration", "--to", "2026-12")),
    ],
)
def test_golden_diffs(
    capsys: pytest.CaptureFixture[str],
    portfolio: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    args: tuple[str, ...],
) -> None:
    monkeypatch.chdir(portfolio)
    before = {p: p.read_bytes() for p in portfolio.rglob("*.md")}
    got = _diff(capsys, portfolio, *args)
    assert {p: p.read_bytes() for p in portfolio.rglob("*.md")} == before  # --dry-run
    golden = DATA / f"{name}.diff"
    if os.environ.get("MILEPOST_UPDATE_GOLDENS") == "1":
        golden.write_text(got, encoding="utf-8")  # then review the diff by hand
    assert golden.is_file(), f"no golden {golden.name}: run with MILEPOST_UPDATE_GOLDENS=1"
    assert got == golden.read_text(encoding="utf-8")


def test_edit_writes_verified_and_keeps_bytes(
    capsys: pytest.CaptureFixture[str], portfolio: Path
) -> None:
    path = portfolio / "tracks" / "memory" / "roadmap.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    path.chmod(0o640)
    assert main(["start", str(path), "snapshots for run replay", "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert out == f"{path}: Memory snapshots for run replay: In Progress\n"
    data = path.read_bytes()
    assert b"- \xf0\x9f\x9a\xa7 **In Progress:** Memory snapshots for run replay" in data
    assert data.count(b"\r\n") == data.count(b"\n")  # CRLF kept everywhere
    assert oct(path.stat().st_mode & 0o777) == "0o640"
    roadmap = milepost.load(path)
    assert find_item(roadmap, "snapshots for run replay").status is Status.IN_PROGRESS


def test_lookup_errors(portfolio: Path) -> None:
    roadmap = milepost.load(portfolio / "tracks" / "orchestration" / "roadmap.md")
    with pytest.raises(AmbiguousItemError, match=r"items match 'run'.*line \d+"):
        find_item(roadmap, "run")
    with pytest.raises(UsageError, match="no item matches 'zebra'"):
        find_item(roadmap, "zebra")
    assert find_item(roadmap, "Backpresure for fan-out steps").title.startswith("Backpressure")


def test_track_by_slug_or_name(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(portfolio)
    assert api.resolve_track("web-ui").name == "roadmap.md"
    assert api.resolve_track("Tool Use").parent.name == "tool-use"
    with pytest.raises(UsageError, match="no roadmap or track named 'nope'"):
        api.resolve_track("nope")


def test_race_between_two_processes(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another milepost process writes between our read and our write: ours is refused."""
    path = portfolio / "tracks" / "orchestration" / "roadmap.md"
    real_write = fs.write_atomic

    def other_process_first(*args: Any, **kwargs: Any) -> bool:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "milepost",
                "start",
                str(path),
                "Run cancellation",
                "--today",
                "2026-11-25",
            ],
            check=True,
            capture_output=True,
        )
        return real_write(*args, **kwargs)

    monkeypatch.setattr(fs, "write_atomic", other_process_first)
    with pytest.raises(StaleFileError, match="changed on disk"):
        api.edit(path, "start", item="Backpressure", today=TODAY)
    roadmap = milepost.load(path)
    assert find_item(roadmap, "Run cancellation").status is Status.IN_PROGRESS  # theirs kept
    assert find_item(roadmap, "Backpressure").status is Status.PLANNED  # ours not written


OPS = st.sampled_from(["start", "block", "drop", "ship", "plan"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(OPS, st.integers(0, 200)), min_size=1, max_size=6))
def test_random_edit_sequences_touch_only_their_lines(steps: list[tuple[str, int]]) -> None:
    roadmap = milepost.load(EXAMPLES / "tracks" / "orchestration" / "roadmap.md")
    for op, pick in steps:
        items = [i for i in work_items(roadmap) if i.status is not None]
        item = items[pick % len(items)]
        if op == "plan":
            title = f"New thing {pick}"
            focus = roadmap.focus
            planned = [*focus.items, *(i for p in focus.periods for i in p.items)] if focus else []
            if any(i.title == title for i in planned):  # planned by an earlier step, not shipped
                with pytest.raises(UsageError, match="already in Current Focus"):
                    ops.plan(roadmap, title, today=TODAY)
                continue
            edit = ops.plan(roadmap, title, today=TODAY)
        elif op == "ship":
            edit = ops.ship(roadmap, item, today=TODAY)
        else:
            status = {"start": Status.IN_PROGRESS, "block": Status.BLOCKED, "drop": Status.DROPPED}[
                op
            ]
            edit = ops.set_status(roadmap, item, status)
        old = roadmap.document.source
        new = apply(old, edit.patches)
        first = min(p.start for p in edit.patches)
        last = max(p.end for p in edit.patches)
        assert new.lines[:first] == old.lines[:first]
        tail = len(old.lines) - last
        assert new.lines[len(new.lines) - tail :] == old.lines[last:]
        after = extract(parse(new), path=roadmap.path)
        assert edit.verify(after) is None
        roadmap = after


ROLLOVER_TRACKS = sorted(EXAMPLES.glob("tracks/*/roadmap.md"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(ROLLOVER_TRACKS),
    st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=3),
)
def test_rollover_reads_back_whatever_the_line_endings(path: Path, endings: list[str]) -> None:
    """CR-only, CRLF and mixed files roll over as LF files do (CR-only ones always failed:
    the "<!-- plan ... here -->" line rollover adds swallowed the rest of the file)."""
    today, december = dt.date(2026, 11, 26), dt.date(2026, 12, 1)
    lines = path.read_text(encoding="utf-8").splitlines()
    text = ""
    for n, line in enumerate(lines):
        ending = endings[n % len(endings)]
        if not line and ending == "\n" and text.endswith("\r"):
            ending = "\r\n"  # "\r" then "\n" is one CRLF, not an empty line
        text += line + ending
    lf = milepost.loads("\n".join(lines) + "\n", path=str(path))
    try:
        expected = rollover(lf, today=today, to=december, cadence_days=30)
    except UsageError:
        return  # nothing this track can roll over, whatever its line endings
    roadmap = milepost.loads(text, path=str(path))
    edit = rollover(roadmap, today=today, to=december, cadence_days=30)
    new = apply(roadmap.document.source, edit.patches)
    assert edit.verify(extract(parse(new), path=roadmap.path)) is None
    normal = new.text.replace("\r\n", "\n").replace("\r", "\n")
    assert normal == apply(lf.document.source, expected.patches).text


@pytest.mark.parametrize("track", ["memory", "orchestration", "tool-use", "web-ui", "evaluation"])
def test_rollover_leaves_every_example_track_clean(portfolio: Path, track: str) -> None:
    """Memory's November keeps its dropped Redis backend (rollover leaves dropped work where
    it was): a month that holds only dropped work is a record, not a month outside the
    planning horizon (MP207) that the rollover itself moved."""
    path = portfolio / "tracks" / track / "roadmap.md"
    december = dt.date(2026, 12, 2)
    api.edit(path, "rollover", today=december)
    result = api.check([path], today=december)
    assert [(d.code, d.message) for d in result.diagnostics] == []


def test_rollover_leaves_a_clean_roadmap(portfolio: Path) -> None:
    path = portfolio / "tracks" / "web-ui" / "roadmap.md"
    december = dt.date(2026, 12, 2)
    api.edit(path, "rollover", today=december)
    result = api.check([path], today=december)
    assert [d.code for d in result.diagnostics] == []
    roadmap = milepost.load(path)
    assert roadmap.focus is not None
    assert [p.heading for p in roadmap.focus.periods] == ["December 2026", "January 2027"]
    carried = [i for i in roadmap.focus.periods[0].items if "carried over" in i.text]
    assert carried and all(i.status is not Status.DONE for i in carried)
    assert str(roadmap.meta.last_updated) == "2026-12-02"


def test_ship_keeps_the_items_details(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        "- 🚧 **In Progress:** Search (#12) @ann\n  - Details: [design](https://x.y/d)\n"
        "- 📋 **Planned:** Export\n\n## Completed Milestones\n\n### October 2026\n"
        "- ✅ Import shipped - faster onboarding\n",
        encoding="utf-8",
    )
    result = api.edit(path, "ship", item="search", impact="find anything", today=TODAY)
    assert result.text == path.read_text(encoding="utf-8")
    assert result.text.endswith(
        "## Completed Milestones\n\n### November 2026\n"
        "- ✅ Search shipped - find anything (#12) @ann\n  - Details: [design](https://x.y/d)\n\n"
        "### October 2026\n- ✅ Import shipped - faster onboarding\n"
    )
    assert "Search" not in result.text.split("## Completed Milestones")[0]


def test_review_keeps_the_footer_handle_else_takes_the_git_user(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "config", "user.name", "Ada Lovelace"], check=True)
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n**Last updated:** 2026-11-01\n\n## Current Focus\n\nx\n\n"
        "**Next roadmap review:** 2026-11-15\n\n*Last updated: 2026-11-01 by @someone*\n",
        encoding="utf-8",
    )
    api.edit(path, "review", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert "**Last updated:** 2026-11-25" in text
    assert "**Next roadmap review:** 2026-12-09" in text
    # the handle in the footer (status shows it as the lead) stays unless --by says otherwise
    assert text.endswith("*Last updated: 2026-11-25 by @someone*\n")
    path.write_text(text.replace("by @someone", "by Some One"), encoding="utf-8")
    api.edit(path, "review", today=dt.date(2026, 11, 26))
    assert path.read_text(encoding="utf-8").endswith("*Last updated: 2026-11-26 by Ada Lovelace*\n")
    api.edit(path, "review", today=dt.date(2026, 11, 27), author="@ada")
    assert path.read_text(encoding="utf-8").endswith("*Last updated: 2026-11-27 by @ada*\n")


def test_fuzzy_lookup_never_guesses_between_two() -> None:
    roadmap = milepost.loads("# T\n\n- 📋 Export data\n- 📋 Export date\n- 📋 Import\n")
    with pytest.raises(AmbiguousItemError, match="2 items match 'Expor dat'"):
        find_item(roadmap, "Expor dat")
    assert find_item(roadmap, "Imprt").title == "Import"
    assert find_item(roadmap, "export", line=4).title == "Export date"
    assert find_item(roadmap, "", line=4).title == "Export date"


def test_line_picks_the_item_that_starts_on_it_not_its_parent() -> None:
    text = (
        "# Demo Roadmap\n\n### v1.2.0 More cloud services\n\n* General\n"
        "  * Pluggable webhooks support [#1152](https://x/1152)\n"
        "  * Enhanced back-off [#2157](https://x/2157)\n"
        "    more about back-off\n"
    )
    roadmap = milepost.loads(text)
    assert find_item(roadmap, "", line=5).title == "General"
    assert find_item(roadmap, "", line=6).title.startswith("Pluggable webhooks support")
    assert find_item(roadmap, "", line=7).title.startswith("Enhanced back-off")
    # A line inside an item, not its first: the innermost item that holds it.
    assert find_item(roadmap, "", line=8).title.startswith("Enhanced back-off")
    edit = ops.set_status(roadmap, find_item(roadmap, "", line=6), Status.IN_PROGRESS)
    assert [(p.start, p.end) for p in edit.patches] == [(5, 6)]


def test_an_ambiguous_query_lists_ten_matches_and_counts_the_rest() -> None:
    roadmap = milepost.loads("# T\n\n" + "".join(f"- 📋 Task {n}\n" for n in range(2000)))
    with pytest.raises(AmbiguousItemError) as raised:
        find_item(roadmap, "Task")
    message = str(raised.value)
    assert message.count("'Task ") == 10 and "line 3 in" in message
    assert "2000 items match 'Task'" in message and "and 1990 more" in message
    assert len(message) < 1000


ROWS_WITHOUT_FIRST_CELL = (
    "# Demo Roadmap\n\n## Upcoming\n\n"
    "| Release | Target | Feature | Owner |\n|---------|--------|---------|-------|\n"
    "| **v0.1.7** | 11/03/25 | Task Planning | @a |\n"
    "| | | Rate Limiting System | @b |\n"
)


@pytest.mark.parametrize(("item", "line"), [(None, 8), ("Rate Limiting", None)])
def test_a_row_with_an_empty_first_cell_is_found_and_edited(
    tmp_path: Path, item: str | None, line: int | None
) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(ROWS_WITHOUT_FIRST_CELL, encoding="utf-8")
    api.edit(path, "start", item=item, line=line, today=TODAY)
    assert path.read_text(encoding="utf-8").endswith("| | | 🚧 Rate Limiting System | @b |\n")
    rows = [(i.title, i.status) for i in work_items(milepost.load(path))]
    assert rows == [("Task Planning", None), ("Rate Limiting System", Status.IN_PROGRESS)]


def test_a_rows_status_emoji_goes_before_its_title_not_its_date(tmp_path: Path) -> None:
    """A row without a Status column gets its emoji before the title, not glued to a date
    in the first column; one the author glued to the first cell stays where it is."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n## Plan\n\n| Quarter | Feature | Owner |\n|---|---|---|\n"
        "| Q4 2026 | Login page | @a |\n| 📋 Q1 2027 | Password reset | @b |\n",
        encoding="utf-8",
    )
    api.edit(path, "start", item="Login page", today=TODAY)
    api.edit(path, "start", item="Password reset", today=TODAY)
    api.edit(path, "block", item="Login page", today=TODAY)
    assert path.read_text(encoding="utf-8").endswith(
        "| Q4 2026 | ⛔ Login page | @a |\n| 🚧 Q1 2027 | Password reset | @b |\n"
    )
    rows = [(i.title, i.status) for i in work_items(milepost.load(path))]
    assert rows == [("Login page", Status.BLOCKED), ("Password reset", Status.IN_PROGRESS)]


def test_a_short_row_gets_the_cells_up_to_its_status(tmp_path: Path) -> None:
    """A row with fewer cells than the header (GFM pads it) is given the missing cells, the
    Status one set; a full row closed by its last pipe gets no cell glued after it."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n## Plan\n\n| Feature | Owner | Status |\n|---|---|---|\n"
        "| Reports | @al | 📋 Planned |\n| Approval | @bea |\nAudit log | @cy\n| Export (#12) |\n",
        encoding="utf-8",
    )
    api.edit(path, "start", item="Approval", today=TODAY)
    api.edit(path, "block", item="Audit log", today=TODAY)
    api.edit(path, "drop", item="Export", today=TODAY)
    assert path.read_text(encoding="utf-8").endswith(
        "| Reports | @al | 📋 Planned |\n| Approval | @bea | 🚧 In Progress |\n"
        "Audit log | @cy | ⛔ Blocked |\n| Export (#12) | | ❌ Dropped |\n"
    )
    rows = [(i.title, i.status) for i in work_items(milepost.load(path))]
    assert ("Approval", Status.IN_PROGRESS) in rows and ("Audit log", Status.BLOCKED) in rows


@pytest.mark.parametrize(
    ("cell", "op", "after"),
    [
        ("Complete ✅ (v2)", "start", "In Progress 🚧 (v2)"),  # the glyph after set too
        ("Done, in 1.2", "block", "Blocked, in 1.2"),
        ("✅ Shipped [#12](https://x.test/12)", "start", "🚧 In Progress [#12](https://x.test/12)"),
        ("**Done** (v2)", "drop", "**Dropped** (v2)"),
        ("✅ **Done (since v2)**", "start", "🚧 **In Progress (since v2)**"),
        ("Planned - Q3 2027", "ship", "Completed - Q3 2027"),
        ("__WIP__, Q3", "ship", "__COMPLETED__, Q3"),  # its underscores stay underscores
        ("✅ Works on Linux", "start", "🚧 In Progress"),  # words after a glyph: set with it
        ("Ready to execute", "block", "Blocked"),  # words that go on from the status's
        ("Not started / partial", "start", "In Progress"),  # a second status after a slash
        ("Planned for Q3", "start", "In Progress for Q3"),  # when, after the words
        ("Done: 2024-01-14", "start", "In Progress: 2024-01-14"),  # the colon kept
        # a note that says a status or a share of its own: the cell set whole
        ("Planned → Done", "start", "In Progress"),
        ("Done, WIP", "block", "Blocked"),
        ("Done (v2) ✅", "start", "In Progress"),
        # glyphs in brackets say parts' statuses: the note stays
        ("🔄 **PARTLY DONE** (CLI ✅, GUI ⏳)", "block", "⛔ **BLOCKED** (CLI ✅, GUI ⏳)"),
        ("Complete 100%", "start", "In Progress"),
        ("**Ready** to execute", "block", "**Blocked**"),  # its bold closed
        ("(Done, v2)", "start", "(In Progress)"),  # brackets of their own: set whole
    ],
)
def test_a_status_cell_keeps_what_it_says_after_the_status(
    tmp_path: Path, cell: str, op: str, after: str
) -> None:
    """A note after a Status cell's words (a version, a date, a link) stays when the status
    changes: the cell's words are set, not the whole cell rewritten."""
    path = tmp_path / "roadmap.md"
    head = "# T Roadmap\n\n## Plan\n\n| Feature | Status |\n|---|---|\n"
    path.write_text(f"{head}| Export | {cell} |\n", encoding="utf-8")
    api.edit(path, op, item="Export", today=TODAY)
    assert path.read_text(encoding="utf-8") == f"{head}| Export | {after} |\n"


def test_a_weak_word_for_one_item_is_not_the_word_edits_write() -> None:
    """A to-do marks two bugs "[FIXED]": that says done for a bug, not the document's word
    for done; shipping a feature wrote "FIXED: Export", which reads as no status."""
    text = (
        "# TODO\n\n## Bugs\n\n- Sorting bug [FIXED]\n- Crash on start [FIXED]\n\n"
        "## Features\n\n- WIP: Export\n- 🚧 In Progress: Dark mode\n"
    )
    roadmap = milepost.loads(text)
    for title, line in (
        ("Export", "- COMPLETED: Export"),
        ("Dark mode", "- ✅ Completed: Dark mode"),
    ):
        (item,) = [i for i in roadmap.items if i.title == title]
        edit = ops.set_status(roadmap, item, Status.DONE)
        after = apply(roadmap.document.source, edit.patches).text
        assert edit.verify(milepost.loads(after)) is None
        assert after.splitlines()[item.span.start] == line


def test_a_new_row_takes_the_form_of_the_status_cell_above_not_its_note(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    head = "# T\n\n## Current Focus\n\n### November 2026\n\n| Feature | Status |\n|---|---|\n"
    path.write_text(f"{head}| Export | ✅ **Done (v2)** |\n", encoding="utf-8")
    api.edit(path, "plan", item="Import", today=TODAY)
    assert path.read_text(encoding="utf-8").endswith(
        "| Export | ✅ **Done (v2)** |\n| Import | 📋 **Planned** |\n"
    )


def test_a_second_rollover_extends_the_note_and_ship_leaves_it_behind(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-10-20\n\n## Current Focus\n\n### October 2026\n"
        "- 🚧 **In Progress:** Dark mode (#348) @ann\n\n## Completed Milestones\n\n"
        "### September 2026\n- ✅ Import shipped\n",
        encoding="utf-8",
    )
    api.edit(path, "rollover", today=dt.date(2026, 11, 2))
    api.edit(path, "rollover", today=dt.date(2026, 12, 1))
    text = path.read_text(encoding="utf-8")
    assert (
        "### December 2026\n- 🚧 **In Progress:** Dark mode (#348) "
        "(carried over from October 2026, November 2026) @ann\n" in text
    )
    api.edit(path, "ship", item="dark mode", today=dt.date(2026, 12, 10))
    text = path.read_text(encoding="utf-8")
    # The reference left the title with the note after it: recorded as for "Search (#30)".
    assert "### December 2026\n- ✅ Dark mode shipped (#348) @ann\n" in text
    assert "carried over" not in text


def test_planning_into_a_month_rollover_left_empty_replaces_its_placeholder(
    tmp_path: Path,
) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-10-20\n\n## Current Focus\n\n### October 2026\n"
        "- 📋 **Planned:** Search\n",
        encoding="utf-8",
    )
    api.edit(path, "rollover", today=dt.date(2026, 11, 2))
    assert path.read_text("utf-8") == (
        "# T Roadmap\n\n**Last updated:** 2026-11-02\n**Next roadmap review:** 2026-11-16\n\n"
        "## Current Focus\n\n### November 2026\n"
        "- 📋 **Planned:** Search (carried over from October 2026)\n\n"
        "### December 2026\n<!-- plan December 2026 here -->\n"
    )
    api.edit(path, "plan", item="Export", month=dt.date(2026, 12, 1), today=dt.date(2026, 11, 2))
    text = path.read_text(encoding="utf-8")
    assert "### December 2026\n- 📋 **Planned:** Export\n" in text and "<!--" not in text


def test_rollover_after_ship_keep_does_not_record_the_work_twice(portfolio: Path) -> None:
    """``ship --keep`` records the work under Completed Milestones and leaves it, done, in
    Current Focus; the month's rollover then only takes it out of Current Focus (it copied
    it under the milestones a second time, and refused its own result as a bug)."""
    path = portfolio / "tracks" / "tool-use" / "roadmap.md"
    api.edit(path, "ship", today=dt.date(2026, 11, 26), item="streaming tool-call", keep=True)
    api.edit(path, "rollover", today=dt.date(2026, 12, 1))
    roadmap = milepost.load(path)
    titles = [i.title for g in roadmap.milestones for i in g.items]
    assert titles.count("Streaming tool-call events") == 1
    assert titles.count("MCP client support for stdio servers") == 1


def test_rollover_records_work_whose_title_was_recorded_for_an_earlier_month(
    tmp_path: Path,
) -> None:
    """A title that recurs ("Monthly release") recorded for October's work does not keep
    November's from being recorded when the month rolls over."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        "- ✅ Monthly release\n\n## Completed Milestones\n\n### October 2026\n"
        "- ✅ Monthly release shipped\n",
        encoding="utf-8",
    )
    api.edit(path, "rollover", today=dt.date(2026, 12, 1))
    groups = {g.heading: [i.title for i in g.items] for g in milepost.load(path).milestones}
    assert groups["November 2026"] == ["Monthly release"]
    assert groups["October 2026"] == ["Monthly release"]


def test_rollover_records_shipped_work_as_ship_does(tmp_path: Path) -> None:
    """Work done in a month that ended goes under Completed Milestones in the section's
    form, as ``ship`` writes it ("✅ <work> shipped (#ref) @owner", details kept beneath), not
    in Current Focus's ("✅ **Completed:** <work>"); and its owner is kept, by both, left off
    only where the title names them ("@dan" is not named by "@dana")."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        "- ✅ **Completed:** SQLite store as the default (#352) @bkumar\n"
        "  - Details: docs/sqlite.md\n"
        "- ✅ Pairing with @dana on the docs @dan\n"
        "- 📋 **Planned:** Vector recall (#431) @farid\n\n"
        "## Completed Milestones\n\n### October 2026\n"
        "- ✅ Transcript store shipped - agents look up earlier turns\n",
        encoding="utf-8",
    )
    api.edit(path, "ship", today=dt.date(2026, 11, 26), item="vector recall")
    api.edit(path, "rollover", today=dt.date(2026, 12, 1))
    text = path.read_text(encoding="utf-8")
    assert (
        "### November 2026\n"
        "- ✅ Vector recall shipped (#431) @farid\n"
        "- ✅ SQLite store as the default shipped (#352) @bkumar\n"
        "  - Details: docs/sqlite.md\n"
        "- ✅ Pairing with @dana on the docs shipped @dan\n\n"
    ) in text, text


@pytest.mark.parametrize(
    ("done", "recorded"),
    [
        # a code span at the start of the title keeps its underscores and its backticks
        ("- ✅ **Done:** `__init__` hooks @bo", "- ✅ `__init__` hooks shipped @bo"),
        ("- ✅ `_private` API removed", "- ✅ `_private` API removed shipped"),
        # work already written as a milestone is not said to have shipped twice
        ("- ✅ Search shipped - faster lookups (#1)", "- ✅ Search shipped - faster lookups (#1)"),
        ("- ✅ Dark mode shipped", "- ✅ Dark mode shipped"),
    ],
)
def test_rollover_records_shipped_work_without_losing_its_words(
    tmp_path: Path, done: str, recorded: str
) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(
        f"# T Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        f"{done}\n\n## Completed Milestones\n",
        encoding="utf-8",
    )
    api.edit(path, "rollover", today=dt.date(2026, 12, 1))
    milestones = path.read_text(encoding="utf-8").split("## Completed Milestones\n")[1]
    assert milestones == f"\n### November 2026\n{recorded}\n", milestones


def test_ship_records_work_written_as_a_milestone_already(tmp_path: Path) -> None:
    """An item of Current Focus written in the milestone's form ("Search shipped - faster
    lookups") is recorded as it stands; the edit was refused as a bug, its check looking
    for the whole line as the milestone's title."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        "- 🚧 Search shipped - faster lookups @ann\n\n## Completed Milestones\n\n"
        "### October 2026\n- ✅ Import shipped\n",
        encoding="utf-8",
    )
    api.edit(path, "ship", item="search", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert "### November 2026\n- ✅ Search shipped - faster lookups @ann\n" in text, text
    milestone = milepost.load(path).milestones[0]
    assert [(m.item.title, m.impact) for m in milestone.milestones] == [
        ("Search", "faster lookups")
    ]


@pytest.mark.parametrize(
    ("line", "carried"),
    [
        (
            "- Search (in progress) @kim",
            "- Search (carried over from October 2026) (in progress) @kim",
        ),
        ("- [ ] Search (blocked)", "- [ ] Search (carried over from October 2026) (blocked)"),
        ("- Search - on hold @kim", "- Search (carried over from October 2026) - on hold @kim"),
        (
            "- Search — **Status:** Planned @kim",
            "- Search (carried over from October 2026) — **Status:** Planned @kim",
        ),
        ("- Status: Planned", "- (carried over from October 2026) Status: Planned"),
        # after the value of a leading bold field, as a reason goes; before the owners else
        (
            "- **Status:** Planned @kim",
            "- **Status:** Planned (carried over from October 2026) @kim",
        ),
        (
            "- 📋 Search (planned) @kim",
            "- 📋 Search (carried over from October 2026) (planned) @kim",
        ),
        ("- 📋 Search @kim", "- 📋 Search (carried over from October 2026) @kim"),
    ],
)
def test_rollover_notes_carried_work_before_its_status_tag(
    tmp_path: Path, line: str, carried: str
) -> None:
    """Rollover wrote the note at the end of the words, after a tag or a field that gave the
    item its status ("Search (in progress) (carried over from October 2026) @kim", "Status:
    Planned (carried over …)"), which then read as no status, and refused the month ("the
    items read back with other statuses than before"). The note goes before the tag."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-10-20\n\n## Current Focus\n\n### October 2026\n"
        f"{line}\n",
        encoding="utf-8",
    )
    api.edit(path, "rollover", today=dt.date(2026, 11, 2))
    text = path.read_text(encoding="utf-8")
    assert f"### November 2026\n{carried}\n" in text, text


def test_rollover_refuses_a_month_of_heading_items(tmp_path: Path) -> None:
    """A month whose work is headings (with their fields and notes) was refused as "edit not
    applied … please report this": the heading lines alone were carried. Refused as a table
    is, saying why."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n**Last updated:** 2026-10-20\n\n## Current Focus\n\n### October 2026"
        "\n\n#### Search\n\n**Status:** 📋 Planned\n",
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match="October 2026 holds its items in headings") as error:
        api.edit(path, "rollover", today=dt.date(2026, 11, 2))
    assert error.value.line == 9 and "please report" not in str(error.value)


def test_ship_marks_a_deliverable_done_under_its_work(tmp_path: Path) -> None:
    # A deliverable under its piece of work ("- **Deliverables:**" in the example) was taken
    # out of its list and recorded alone under the Milestones table, leaving its work.
    text = (EXAMPLES / "tracks" / "evaluation" / "roadmap.md").read_text(encoding="utf-8")
    path = tmp_path / "roadmap.md"
    path.write_text(text, encoding="utf-8")
    today = dt.date(2026, 11, 25)
    with pytest.raises(UsageError, match="--impact has nowhere to go: it is part of the item"):
        api.edit(path, "ship", item="Flag score drops", impact="faster", today=today)
    result = api.edit(path, "ship", item="Flag score drops", today=today)
    assert result.description.endswith(": done (part of the item above it)")
    line = "  - Flag score drops above two points per task\n"
    assert path.read_text(encoding="utf-8") == text.replace(line, line.replace("- ", "- ✅ "))


def test_a_row_whose_last_cell_ends_in_an_escaped_pipe_is_edited_in_its_own_cells(
    tmp_path: Path,
) -> None:
    """A row without a closing pipe whose last cell ends in an escaped one (``a \\|``) still
    has that cell: the emoji goes before its title there, and a row added after it has as many
    cells, not one fewer."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T Roadmap\n\n## Plan\n\n| Quarter | Feature |\n|---|---|\n| Q4 2026 | Login \\|\n",
        encoding="utf-8",
    )
    api.edit(path, "start", item="Login", today=TODAY)
    assert path.read_text(encoding="utf-8").endswith("| Q4 2026 | 🚧 Login \\|\n")
    path.write_text(
        "# T Roadmap\n\n## Current Focus\n\n### November 2026\n\n| Feature | Status | Notes |\n"
        "|---|---|---|\n| Search | 📋 Planned | fast \\|\n",
        encoding="utf-8",
    )
    api.edit(path, "plan", item="Export", today=TODAY)
    assert path.read_text(encoding="utf-8").endswith(
        "| Search | 📋 Planned | fast \\|\n| Export | 📋 Planned |\n"
    )


def test_an_items_image_icon_becomes_the_documents_icon_for_its_new_status(
    tmp_path: Path,
) -> None:
    """An item whose status is an image icon ("![In Planning](pl.png) Hot reload") takes the
    icon another item of the document shows for the new status, and nothing else changes on
    its line (an emoji put before the icon read as one status and showed another); where no
    item shows an icon for that status, the edit is refused, the file untouched."""
    path = tmp_path / "roadmap.md"
    text = (
        "# R\n\n## ASP.NET\n\n"
        '- ![In Progress](media/p.png "In Progress icon") [Blazor](https://x/1) @ann\n'
        '- ![Completed](media/c.png "Completed icon") CSS isolation\n'
        '- ![In Planning](media/pl.png "In Planning icon") Hot reload\n'
    )
    path.write_text(text, encoding="utf-8")
    api.edit(path, "start", item="Hot reload", today=TODAY)
    api.edit(path, "ship", item="Blazor", today=TODAY)
    shipped = (
        "# R\n\n## ASP.NET\n\n"
        '- ![Completed](media/c.png "Completed icon") [Blazor](https://x/1) @ann\n'
        '- ![Completed](media/c.png "Completed icon") CSS isolation\n'
        '- ![In Progress](media/p.png "In Progress icon") Hot reload\n'
    )
    assert path.read_text(encoding="utf-8") == shipped
    with pytest.raises(UsageError, match="no item here has an icon for Blocked"):
        api.edit(path, "block", item="Hot reload", today=TODAY)
    assert path.read_text(encoding="utf-8") == shipped
