"""The command line as a user meets it: exit codes, one-line errors, real output."""

from __future__ import annotations

import datetime as dt
import errno
import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from milepost import api
from milepost.cli import main
from tests.conftest import EXAMPLES, TODAY
from tests.fixtures import remove_deep


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_example_portfolio(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", str(EXAMPLES), "--today", "2027-01-10", "--color", "never")
    assert code == 0, err
    for track in ("Orchestration", "Memory", "Tool Use", "Web UI", "Evaluation"):
        assert track in out
    assert "✅ Structured handoff protocol between agents" in out
    assert "overdue by" in out  # by January every track's review date has passed
    # one blank line between roadmaps (five summaries, four gaps), none after the last
    assert out.count("\n\n") == 4
    assert not out.endswith("\n\n")
    _, one, _ = run(capsys, "show", str(EXAMPLES / "tracks" / "memory"), "--color", "never")
    assert one.startswith("Memory  ") and not one.endswith("\n\n")
    # a reference written as a GitHub issue link is shown by its number
    assert "Context truncation API for agent transcripts  @gwen #412" in one
    assert "\x1b[" not in out


def _shown(path: Path) -> list[str]:
    """``show``'s lines for one roadmap, wide enough that none wraps."""
    from rich.console import Console

    from milepost.render.terminal import roadmap_summary

    console = Console(width=300, no_color=True, force_terminal=False, record=True)
    console.print(roadmap_summary(api.load(path), today=dt.date(2026, 11, 25)))
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_show_reads_workstream_headings_fields_and_named_risks() -> None:
    lines = _shown(EXAMPLES / "tracks" / "evaluation" / "roadmap.md")
    focus = lines[lines.index("Current focus") : lines.index("High risks")]
    assert focus[1:8] == [
        " ▸ Replay-Based Regression Tests",  # a workstream, not a time period
        "  Goal: Catch behaviour regressions in swarms without paying for fresh model calls",
        "  Owner: @esther",
        "  Deliverables:",
        "    •  Re-score recorded runs from the nightly corpus",
        "    •  Flag score drops above two points per task",
        "    •  Comment regression summaries on pull requests  #441",
    ]
    assert not any(line.startswith("  •  Owner") for line in focus)
    judge = (
        "  ⚠ Judge drift: a hosted judge model changes behind its API name and scores move "
        "without a code change  (likelihood Medium, impact High)"
    )
    assert judge in lines
    months = _shown(EXAMPLES / "tracks" / "memory" / "roadmap.md")
    assert (
        " November 2026" in months
        and "  ✅ SQLite memory store as the default backend  @bkumar #352" in months
    )


@pytest.mark.parametrize("width", [80, 60, 40])
def test_show_on_a_narrow_terminal_keeps_every_count(width: int) -> None:
    # The counts wrapped inside a table cell that cut what overran it: at 40 columns
    # "📋 6 planned   …", the 🔮 count lost. They now break between counts, never inside one.
    from rich.console import Console

    from milepost.render.terminal import roadmap_summary

    console = Console(width=width, no_color=True, force_terminal=True, record=True)
    console.print(
        roadmap_summary(api.load(EXAMPLES / "tracks" / "memory" / "roadmap.md"), today=TODAY)
    )
    out = console.export_text()
    assert "…" not in out
    lines = [line.strip() for line in out.splitlines()]
    for count in ("✅ 5 done", "🚧 2 in progress", "📋 6 planned", "🔮 1 future", "❌ 1 dropped"):
        assert any(count in line for line in lines), count  # whole, on one line
    words = " ".join(out.split())
    assert "3 risks, 3 requests, 4 metrics, 2 dependencies, 28 sections" in words


@pytest.mark.parametrize(
    "args",
    [
        ["show", str(EXAMPLES / "tracks" / "memory")],
        ["status", str(EXAMPLES)],
        ["status", str(EXAMPLES), "--color", "never"],
    ],
    ids=["show", "status", "status-never"],
)
def test_piped_output_is_wide_and_unpadded(args: list[str]) -> None:
    # a narrow terminal width in the environment must not wrap what goes to a pipe
    env = {**os.environ, "COLUMNS": "60", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "milepost", *args, "--today", "2026-11-25"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and [line for line in lines if line != line.rstrip()] == []
    if args[0] == "show":
        assert "  ✅ 5 done  🚧 2 in progress  📋 6 planned  🔮 1 future  ❌ 1 dropped" in (
            done.stdout
        )
    else:
        conflict = [line for line in lines if line.startswith("  ⚠ Web UI needs")]
        assert conflict and conflict[0].endswith("(100% match)")


def test_export_is_json_for_every_track(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(EXAMPLES))
    assert code == 0
    data = json.loads(out)
    assert sorted(r["track"] for r in data["roadmaps"]) == [
        "Evaluation",
        "Memory",
        "Orchestration",
        "Tool Use",
        "Web UI",
    ]
    assert data["errors"] == []


def test_missing_path_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "no/such/place")
    assert code == 2
    assert err == "milepost: error: no/such/place: no such file or folder\n"


def test_undecodable_file_names_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "roadmap.md"
    bad.write_bytes(b"# T\n\nok\n\xff\xfe broken\n")
    code, _, err = run(capsys, "export", str(bad))
    assert code == 2
    lines = err.strip().splitlines()
    assert lines == [
        f"milepost: error: {bad}:4: cannot decode byte 8 (0xff) as utf-8 "
        "(milepost reads UTF-8; re-save the file as UTF-8)"
    ]


def test_bug_is_one_line_exit_3_and_debug_shows_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(api, "load_many", boom)
    code, _, err = run(capsys, "show", str(EXAMPLES))
    assert code == 3
    assert err.count("\n") == 1 and "internal error" in err and "--debug" in err
    code, _, err = run(capsys, "--debug", "show", str(EXAMPLES))
    assert code == 3 and "Traceback" in err and "kaput" in err


def test_interrupt_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "load_many", interrupted)
    code, _, _ = run(capsys, "show", str(EXAMPLES))
    assert code == 130


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "--today", "tomorrow", str(EXAMPLES))
    assert code == 2 and "is not a date" in err
    code, _, err = run(capsys, "frobnicate")
    assert (code, err) == (
        2,
        "milepost: error: no such command 'frobnicate' (see 'milepost --help')\n",
    )
    code, _, err = run(capsys, "chek", ".")
    assert code == 2 and "no such command 'chek'; did you mean 'check'?" in err


def test_no_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 2 and err == ""
    assert out.startswith("Usage: milepost [OPTIONS] COMMAND [ARGS]...") and "  check " in out
    assert "  -h, --help " in out  # as `milepost --help` has it


def test_rule_lists_a_group(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "freshness")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [f"MP20{n}" for n in range(1, 10)]
    code, out, _ = run(capsys, "rule", "mp10")  # a code prefix, as --select takes it
    assert code == 0 and [line.split()[0] for line in out.splitlines()][:2] == ["MP101", "MP102"]
    code, _, err = run(capsys, "rule", "nosuch")
    assert code == 2 and "no rule, group or code prefix 'nosuch'" in err
    for flag in ("--all", "--docs"):  # a rule and a flag that lists them all: not both
        code, out, err = run(capsys, "rule", "MP201", flag)
        assert (code, out) == (2, "")
        said = f"{flag} takes no rule, and 'MP201' was given (give one or the other)"
        assert err == f"milepost: error: {said}\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("milepost, version ")


class TestNew:
    def test_writes_dated_roadmap(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        code, out, _ = run(
            capsys,
            "new",
            "Agent Sandbox",
            "--dir",
            str(tmp_path),
            "--owner",
            "@zoe",
            "--project",
            "Swarmkit",
            "--today",
            "2026-11-25",
        )
        target = tmp_path / "agent-sandbox" / "roadmap.md"
        assert code == 0 and out == f"created {target}\n"
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Agent Sandbox Roadmap\n\n**Last updated:** 2026-11-25\n")
        assert "### November 2026" in text and "### December 2026" in text
        assert "### Q1 2027 Goals" in text and "### Alignment with Swarmkit Vision" in text
        assert "**Next roadmap review:** 2026-12-09" in text
        assert text.rstrip().endswith("*Last updated: 2026-11-25 by @zoe*")
        roadmap = api.load(target)
        assert roadmap.track == "Agent Sandbox"
        assert str(roadmap.meta.next_review) == "2026-12-09"

    def test_refuses_to_overwrite(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        assert run(capsys, "new", "X", "--dir", str(tmp_path))[0] == 0
        before = (tmp_path / "x" / "roadmap.md").read_bytes()
        code, _, err = run(capsys, "new", "X", "--dir", str(tmp_path))
        assert code == 2 and "already exists; not overwriting" in err
        assert (tmp_path / "x" / "roadmap.md").read_bytes() == before

    def test_names_cannot_escape_or_be_empty(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, _, _ = run(capsys, "new", "../../etc", "--dir", str(tmp_path / "tracks"))
        assert code == 0 and (tmp_path / "tracks" / "etc" / "roadmap.md").is_file()
        code, _, err = run(capsys, "new", "!!!", "--dir", str(tmp_path))
        assert code == 2 and err.startswith("milepost: error:")

    def test_uses_config_folder_project_and_cadence(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "milepost.toml").write_text(
            'project = "Acme"\nroadmaps = ["teams/*/roadmap.md"]\nreview_cadence_days = 7\n',
            encoding="utf-8",
        )
        monkeypatch.chdir(tmp_path)
        code, _, err = run(capsys, "new", "Billing", "--today", "2026-11-25")
        assert code == 0, err
        text = (tmp_path / "teams" / "billing" / "roadmap.md").read_text(encoding="utf-8")
        assert "Alignment with Acme Vision" in text and "review:** 2026-12-02" in text

    @pytest.mark.parametrize(
        ("patterns", "created"),
        [
            ('["plans/*.md"]', "plans/echo.md"),
            ('["plans/**/*.md"]', "plans/echo/roadmap.md"),
            ('["docs/roadmaps/*-roadmap.md"]', "docs/roadmaps/echo-roadmap.md"),
            ('["teams/*/plan.md"]', "teams/echo/plan.md"),
            ('["tracks/*.roadmap.md", "**/roadmap.md"]', "tracks/echo/roadmap.md"),
            ('["tracks/*.roadmap.md"]', "tracks/echo.roadmap.md"),
        ],
    )
    def test_writes_a_name_the_patterns_find(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        patterns: str,
        created: str,
    ) -> None:
        (tmp_path / "milepost.toml").write_text(f"roadmaps = {patterns}\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        code, out, err = run(capsys, "new", "Echo", "--today", "2026-11-25")
        assert (code, out, err) == (0, f"created {created}\n", "")
        assert [p.relative_to(tmp_path).as_posix() for p in api.discover(tmp_path)] == [created]

    def test_refuses_a_name_the_patterns_would_not_find(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "milepost.toml").write_text('roadmaps = ["plans/*.md"]\n', encoding="utf-8")
        (tmp_path / "notes").mkdir()
        monkeypatch.chdir(tmp_path)
        code, out, err = run(capsys, "new", "Echo", "--dir", "notes")
        assert (code, out) == (2, "")
        assert err == (
            "milepost: error: no name for a new roadmap in notes matches the roadmaps patterns"
            " (plans/*.md) (pass --dir with a folder they cover, or change `roadmaps` in"
            " milepost.toml)\n"
        )
        assert list((tmp_path / "notes").iterdir()) == []


def test_bad_config_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "milepost.toml").write_text("roadmap = 3\n", encoding="utf-8")
    code, _, err = run(capsys, "show", str(tmp_path))
    assert code == 2
    assert err == (
        f"milepost: error: {tmp_path / 'milepost.toml'}:1:1: unknown option 'roadmap' "
        "(known: announce, ignore, per-file-ignores, project, required_sections, "
        "review_cadence_days, roadmaps, select, stale_after_days, statuses)\n"
    )


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "milepost", "export", str(EXAMPLES / "tracks" / "memory")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["roadmaps"][0]["track"] == "Memory"


def test_a_bad_option_value_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "stats", "--since", "soon")
    assert (code, out) == (2, "")
    assert err == (
        "milepost: error: Invalid value for '--since': 'soon' is not a date like 2026-11-18 "
        "(see 'milepost stats --help')\n"
    )


def test_an_output_folder_that_cannot_be_made_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    code, _, err = run(capsys, "site", str(EXAMPLES), "-o", str(blocker / "site"), "--no-history")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"milepost: error: {blocker / 'site'}")
    assert "Not a directory" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
def test_a_named_pipe_is_an_error_not_a_wait(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "tracks" / "piped"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "roadmap.md")  # opening it for reading would wait for a writer
    code, _, err = run(capsys, "check", str(tmp_path / "tracks"))
    assert code == 2
    assert err.startswith(f"milepost: error: {folder / 'roadmap.md'}: not a regular file")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "show", str(folder / "roadmap.md"))
    assert code == 2 and err.endswith("not a regular file or folder\n")


@pytest.mark.parametrize(
    "command", ["check", "status", "graph", "summary", "show", "export", "site"]
)
def test_a_folder_without_roadmaps_is_one_line_exit_2(
    command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "notes.md").write_text("# Not a roadmap by name\n", encoding="utf-8")
    extra = ["-o", str(tmp_path / "site"), "--no-history"] if command == "site" else []
    code, out, err = run(capsys, command, str(tmp_path), *extra)
    assert code == 2 and out == ""
    assert err == (
        f"milepost: error: {tmp_path}: no roadmaps found: looked for **/roadmap.md, "
        "**/*-roadmap.md (name the files, or set `roadmaps` in a milepost.toml)\n"
    )
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["rollover", "memory", "--to", "2027-13"], "--to"),
        (["review", "memory", "--next", "2026-12-40"], "--next"),
        (["plan", "memory", "Thing", "--month", "2026-14"], "--month"),
    ],
)
def test_a_bad_date_names_its_option(
    args: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and err.startswith(f"milepost: error: Invalid value for '{option}': ")


def test_show_and_export_default_to_the_configured_portfolio(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES)
    code, out, _ = run(capsys, "show", "--today", "2026-11-25", "--color", "never")
    assert code == 0 and out.count("last updated") == 5
    code, out, _ = run(capsys, "export")
    assert code == 0 and len(json.loads(out)["roadmaps"]) == 5


def test_show_and_export_take_a_track_by_slug_or_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES)
    code, out, _ = run(capsys, "show", "tool-use", "--today", "2026-11-25", "--color", "never")
    assert code == 0 and out.startswith("Tool Use  tracks/tool-use/roadmap.md")
    assert "2026-11-24 (1 day ago)" in out
    code, out, _ = run(capsys, "export", "Memory")
    assert code == 0 and [r["track"] for r in json.loads(out)["roadmaps"]] == ["Memory"]
    code, _, err = run(capsys, "show", "nope")
    assert code == 2 and err == "milepost: error: nope: no such file or folder\n"


@pytest.mark.parametrize("command", ["status", "summary", "graph"])
def test_nothing_readable_is_an_error_alone(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, command, str(tmp_path / "nope"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "no such file or folder" in err


@pytest.mark.parametrize("command", ["check", "show", "export", "status", "summary", "graph"])
@pytest.mark.parametrize("loop", ["file", "folders"])
def test_a_symlink_loop_is_a_clear_error(
    command: str,
    loop: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tracks" / "ok").mkdir(parents=True)
    (tmp_path / "tracks" / "ok" / "roadmap.md").write_text("# Roadmap\n", encoding="utf-8")
    if loop == "file":
        (tmp_path / "tracks" / "loopy").mkdir()
        os.symlink("roadmap.md", tmp_path / "tracks" / "loopy" / "roadmap.md")
        args, where = ["tracks"], "tracks/loopy/roadmap.md"
    else:
        os.symlink("x2", tmp_path / "tracks" / "x1")
        os.symlink("x1", tmp_path / "tracks" / "x2")
        args, where = ["tracks/x1"], "tracks/x1"
    code, _, err = run(capsys, command, *args)
    assert code == 2
    message = f"{where}: cannot read: {os.strerror(errno.ELOOP)}"
    assert message in err and "internal error" not in err
    assert all(line.startswith("milepost: error: ") for line in err.splitlines()), err


def test_a_roadmap_500_folders_down_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    deep = Path(*["d"] * 500)
    deep.mkdir(parents=True)
    (deep / "roadmap.md").write_text("# Roadmap\n", encoding="utf-8")
    try:
        code, out, err = run(capsys, "check", ".")
        assert (code, err) == (1, "")
        assert out.startswith(f"{deep.as_posix()}/roadmap.md:1:1: MP101 ")
    finally:
        remove_deep(tmp_path / "d")


@pytest.mark.parametrize(
    ("args", "option", "value"),
    [
        (["new", "foo", "--today", "0001-01-01"], "--today", "0001-01-01"),
        (["new", "foo", "--today", "9999-12-31"], "--today", "9999-12-31"),
        (["review", "foo", "--today", "1899-12-31"], "--today", "1899-12-31"),
        (["rollover", "foo", "--today", "9999-12-31"], "--today", "9999-12-31"),
        (["rollover", "foo", "--to", "9999-12"], "--to", "9999-12"),
        (["plan", "foo", "Thing", "--month", "1899-12"], "--month", "1899-12"),
        (["review", "foo", "--next", "9999-12-31"], "--next", "9999-12-31"),
        (["stats", "--since", "0001-01-01"], "--since", "0001-01-01"),
        (["check", "--today", "2098-12-31"], "--today", "2098-12-31"),
    ],
)
def test_a_date_out_of_range_names_its_option(
    args: list[str],
    option: str,
    value: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err == (
        f"milepost: error: Invalid value for '{option}': '{value}' is out of range "
        f"(1900-01-01 to 2098-12-30) (see 'milepost {args[0]} --help')\n"
    )


@pytest.mark.parametrize("today", ["1900-01-01", "2098-12-30"])
def test_the_edges_of_the_date_range_work_in_every_edit(
    today: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "milepost.toml").write_text("review_cadence_days = 366\n", encoding="utf-8")
    assert main(["new", "edge", "--dir", ".", "--today", "2026-01-01"]) == 0
    assert main(["review", "edge", "--today", today]) == 0
    assert main(["new", "other", "--dir", ".", "--today", today]) == 0
    assert main(["review", "other", "--today", today]) == 0
    for edit in ("plan", "start", "ship"):
        assert main([edit, "other", "Edge work", "--today", today]) == 0
    assert "error" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "show", "export", "status"])
def test_a_path_with_a_newline_is_escaped_in_the_one_line_error(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, command, "a\nb")
    assert (code, err) == (2, "milepost: error: 'a\\nb': no such file or folder\n")


def test_an_error_message_with_a_line_break_stays_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from milepost.errors import UsageError

    def fail(*_args: object, **_kwargs: object) -> None:
        raise UsageError("bad\r\nname", path="x\ty")

    monkeypatch.setattr("milepost.api.load_many", fail)
    code, _, err = run(capsys, "show", ".")
    assert (code, err) == (2, "milepost: error: 'x\\ty': bad\\r\\nname\n")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["check", "--select"], "--select"),
        (["check", "--format"], "--format"),
        (["stats", "--since"], "--since"),
        (["new", "--today"], "--today"),
        (["start", "memory", "--line"], "--line"),
    ],
)
def test_an_option_without_its_value_points_to_the_commands_help(
    args: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err == (
        f"milepost: error: Option '{option}' requires an argument. "
        f"(see 'milepost {args[0]} --help')\n"
    )


def test_site_and_config_say_a_symlink_loop_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    os.symlink("x2", tmp_path / "x1")
    os.symlink("x1", tmp_path / "x2")
    loop = os.strerror(errno.ELOOP)
    code, _, err = run(capsys, "site", "x1", "-o", "out", "--no-history")
    assert (code, err) == (2, f"milepost: error: x1: cannot read: {loop}\n")
    code, _, err = run(capsys, "site", "x1", "-o", "out2")  # looks for git above it first
    assert (code, err) == (2, f"milepost: error: x1: cannot read: {loop}\n")
    code, _, err = run(capsys, "config", "x1")
    assert (code, err) == (
        2,
        f"milepost: error: Invalid value for 'PATH': 'x1': {loop} (see 'milepost config --help')\n",
    )


def test_the_console_script_runs_a_command() -> None:
    script = Path(sys.executable).with_name("milepost")
    if not script.exists():
        pytest.skip(f"no console script beside {sys.executable} (milepost not pip-installed)")
    done = subprocess.run(
        [str(script), "check", str(EXAMPLES), "--today", "2026-11-25"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "All checks passed (5 roadmaps).\n"), done.stderr


def test_a_command_leaves_the_garbage_collector_on(capsys: pytest.CaptureFixture[str]) -> None:
    # main() pauses the collector while a command runs, and must turn it back on after,
    # whatever way the command ends
    assert main(["check", str(EXAMPLES), "--today", "2026-11-25"]) == 0
    assert main(["check", str(EXAMPLES / "no-such-folder")]) == 2
    assert gc.isenabled()
    capsys.readouterr()


def test_without_paths_a_command_in_a_subfolder_reads_the_configured_portfolio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default is the configured portfolio, else the current folder: from ``docs/`` of a
    repository whose ``milepost.toml`` is at its top, every command without paths reads the
    portfolio the config names (they said "no roadmaps found", looking in ``docs/``)."""
    shutil.copytree(EXAMPLES, tmp_path / "repo")
    (tmp_path / "repo" / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "docs")
    code, out, err = run(capsys, "check", "--today", "2026-11-25")
    assert (code, out) == (0, "All checks passed (5 roadmaps).\n"), err
    code, out, err = run(capsys, "status", "--today", "2026-11-25", "--format", "json")
    assert code == 0 and len(json.loads(out)["tracks"]) == 5, err
    code, out, err = run(capsys, "export")
    assert code == 0 and len(json.loads(out)["roadmaps"]) == 5, err
    assert run(capsys, "site", "-o", "out", "--no-history", "--today", "2026-11-25")[0] == 0
    assert len(list((tmp_path / "repo" / "docs" / "out" / "tracks").glob("*.html"))) == 5
    # a path given is read as given: this folder holds no roadmap
    code, _, err = run(capsys, "check", ".", "--today", "2026-11-25")
    assert code == 2 and "no roadmaps found" in err
