"""`milepost check` as a user and CI meet it: exit codes, formats, fixes, config, portfolio."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from milepost.api import check_parallel, checks
from milepost.cli import main
from milepost.errors import StaleFileError
from tests.conftest import EXAMPLES, TEMPLATES, parallel_checks, require_shared

STALE = "# Memory Roadmap\n\n**Last updated:** 2026-09-01\n\n- âœ… **Completed:** Dark mode\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stale(tmp_path: Path) -> Path:
    path = tmp_path / "roadmap.md"
    path.write_bytes(STALE.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_examples_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES), "--today", "2026-11-25")
    assert (code, out) == (0, "All checks passed (5 roadmaps).\n")


def test_text_findings_exit_1(capsys: pytest.CaptureFixture[str], stale: Path) -> None:
    code, out, _ = run(
        capsys, "check", str(stale), "--today", "2026-11-25", "--select", "MP201,MP302"
    )
    assert code == 1
    assert out.splitlines() == [
        f"{stale}:3:1: MP201 last updated 2026-09-01 is 85 days ago (more than 30)",
        f"{stale}:5:3: MP302 mojibake: UTF-8 text was read as Windows-1252 [*]",
        "Found 2 problems, 1 fixable with --fix.",
    ]


def test_one_day_is_said_as_one_day(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A review one day late and a date one day ahead read "1 day", in check, status and show
    alike (they read "1 days")."""
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# Memory Roadmap\n\n**Last updated:** 2026-11-26\n\n**Next roadmap review:** 2026-11-24\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(path), "--today", "2026-11-25", "--select", "MP2")
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{path}:3:1: MP209 last updated 2026-11-26 is 1 day in the future",
        f"{path}:5:1: MP202 next review was due 2026-11-24, 1 day ago",
    ]
    path.write_text(path.read_text().replace("11-26", "11-20"), encoding="utf-8")
    _, out, _ = run(capsys, "status", str(path), "--today", "2026-11-25")
    assert "  🟡 Memory: review overdue by 1 day" in out.splitlines()
    _, out, _ = run(capsys, "show", str(path), "--today", "2026-11-25")
    assert "2026-11-24 (overdue by 1 day)" in out
    assert "1 days" not in out


def test_json_github_and_sarif(capsys: pytest.CaptureFixture[str], stale: Path) -> None:
    args = ("check", str(stale), "--today", "2026-11-25", "--select", "MP302")
    code, out, _ = run(capsys, *args, "--format", "json")
    assert code == 1
    [finding] = json.loads(out)
    assert finding["code"] == "MP302" and finding["fix"] == {
        "safe": True,
        "description": "decode the mojibake back to the characters meant",
    }
    _, out, _ = run(capsys, *args, "--format", "github")
    assert out.startswith(f"::error file={stale},line=5,col=3,title=MP302 mojibake::")
    _, out, _ = run(capsys, *args, "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "MP302" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5,
        "startColumn": 3,
    }
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "MP302"
    assert log["runs"][0]["invocations"] == [
        {"executionSuccessful": True, "toolExecutionNotifications": []}
    ]


def test_sarif_columns_count_characters_and_say_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # SARIF counts columns in UTF-16 code units unless the run says otherwise; milepost counts
    # characters, so after an emoji (two UTF-16 units) a reader would point one column off.
    path = tmp_path / "roadmap.md"
    path.write_text("# T\n\n- 🚧 **In Progress:** [Feature being developed]\n", "utf-8")
    args = ("check", str(path), "--select", "MP301", "--format", "sarif")
    [run_] = json.loads(run(capsys, *args)[1])["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 22}  # 23 in UTF-16 units


def test_a_file_that_cannot_be_checked_is_in_the_ci_formats_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """SARIF and GitHub output are read by CI, not stderr: an unreadable file is no clean run."""
    png = tmp_path / "logo.md"
    png.write_bytes(b"\x89PNG\x00")
    code, out, err = run(capsys, "check", str(png), "--format", "sarif")
    [run_log] = json.loads(out)["runs"]
    [invocation] = run_log["invocations"]
    assert code == 2 and err.count("\n") == 1 and run_log["results"] == []
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert (
        note["level"] == "error"
        and "NUL character at byte 4: this looks like a binary file" in note["message"]["text"]
    )
    place = note["locations"][0]["physicalLocation"]
    assert place["region"] == {"startLine": 1} and place["artifactLocation"]["uri"].endswith(
        "logo.md"
    )
    code, out, _ = run(capsys, "check", str(png), "--format", "github")
    assert code == 2 and out.startswith(f"::error file={png},line=1,title=milepost could not")


def test_a_file_that_cannot_be_checked_is_in_the_json_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A JSON reader sees every file: one that could not be read is an entry of the same list,
    with the keys of a finding and no rule (as ruff lists its io-error among the findings)."""
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# bad \xff\n")
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    good = tmp_path / "good.md"
    good.write_text("# T\n\n<!-- milepost: ignore MP9999 -->\n- x\n", "utf-8")
    args = ("check", str(bad), str(pipe), str(good), "--select", "MP105", "--format", "json")
    code, out, _ = run(capsys, *args)
    assert code == 2  # bad input wins over findings, as in every format
    errors = [entry for entry in json.loads(out) if entry["code"] is None]
    findings = [entry for entry in json.loads(out) if entry["code"] is not None]
    assert errors == [
        {
            "code": None,
            "name": None,
            "severity": "error",
            "message": "cannot decode byte 6 (0xff) as utf-8 (milepost reads UTF-8; re-save the"
            " file as UTF-8)",
            "path": str(bad),
            "line": 1,
            "col": None,
            "fix": None,
        },
        {
            "code": None,
            "name": None,
            "severity": "error",
            "message": "not a regular file or folder",
            "path": str(pipe),
            "line": None,
            "col": None,
            "fix": None,
        },
    ]
    assert [(f["code"], f["path"]) for f in findings] == [("MP105", str(good))]
    code, out, _ = run(capsys, "check", str(bad), "--format", "json")
    assert code == 2 and [e["path"] for e in json.loads(out)] == [str(bad)]


def test_a_folder_without_roadmaps_is_an_error_in_the_ci_formats_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A SARIF upload step given an empty file fails on the file, not on what went wrong.
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    [entry] = json.loads(out)
    assert code == 2 and err.count("\n") == 1 and "no roadmaps found" in err
    assert entry["code"] is None and entry["path"] == str(tmp_path)
    assert entry["message"].startswith("no roadmaps found: looked for **/roadmap.md")
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "sarif")
    [invocation] = json.loads(out)["runs"][0]["invocations"]
    assert code == 2 and invocation["executionSuccessful"] is False


def test_a_path_that_names_no_file_is_a_sarif_notification_placed_nowhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub code scanning places what a SARIF log locates on files of the repository: a
    notification located at a path with nothing there, a pipe or a folder was placed on no
    file, or on the wrong one. It names the path in its text and has no location (SARIF
    2.1.0 makes ``locations`` optional); the invocation still says the run failed. A file
    that could not be read keeps its location."""
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.md")
    Path("empty").mkdir()
    Path("bad.md").write_bytes(b"# bad \xff\n")

    def invocations(*paths: str) -> list[dict[str, object]]:
        code, out, _ = run(capsys, "check", *paths, "--format", "sarif")
        assert code == 2
        found: list[dict[str, object]] = json.loads(out)["runs"][0]["invocations"]
        return found

    assert invocations("nothere.md", "pipe.md", "bad.md") == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": "nothere.md: no such file or folder"}},
                {"level": "error", "message": {"text": "pipe.md: not a regular file or folder"}},
                {
                    "level": "error",
                    "message": {
                        "text": "cannot decode byte 6 (0xff) as utf-8 (milepost reads UTF-8;"
                        " re-save the file as UTF-8)"
                    },
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": "bad.md"},
                                "region": {"startLine": 1},
                            }
                        }
                    ],
                },
            ],
        }
    ]
    assert invocations("empty") == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {
                        "text": "empty: no roadmaps found: looked for **/roadmap.md,"
                        " **/*-roadmap.md (name the files, or set `roadmaps` in a milepost.toml)"
                    },
                }
            ],
        }
    ]


def test_a_folder_without_roadmaps_is_a_github_annotation_on_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # GitHub places an annotation only on a file: one with file= naming a folder is lost.
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "github")
    assert code == 2
    assert out == (
        f"::error::{tmp_path}: no roadmaps found: looked for **/roadmap.md, **/*-roadmap.md"
        " (name the files, or set `roadmaps` in a milepost.toml)\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_path_with_no_file_to_place_it_on_is_a_github_annotation_on_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing there, a pipe named on the command line or found in a folder, a config that
    is a folder: no file for GitHub to place an annotation on, so the path is in its text. A
    roadmap with a bad byte is a file: its annotation is placed on it, at the line."""
    (tmp_path / "plans").mkdir()
    os.mkfifo(tmp_path / "plans" / "roadmap.md")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "bad.md").write_bytes(b"# Bad\n\xff\n")
    (tmp_path / "conf" / "milepost.toml").mkdir(parents=True)
    (tmp_path / "conf" / "roadmap.md").write_text("# Conf\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ("nope.md", "pipe.md", "plans", "bad.md", "conf")
    code, out, _ = run(capsys, "check", *args, "--format", "github")
    assert code == 2
    assert out.splitlines() == [
        "::error::nope.md: no such file or folder",
        "::error::pipe.md: not a regular file or folder",
        "::error::plans/roadmap.md: not a regular file (a pipe, socket or device)",
        "::error file=bad.md,line=2,title=milepost could not check it::cannot decode byte 6"
        " (0xff) as utf-8 (milepost reads UTF-8; re-save the file as UTF-8)",
        "::error::conf/milepost.toml: is a folder, not a file",
    ]


def test_an_error_naming_no_path_is_a_well_formed_github_annotation() -> None:
    from milepost.errors import UsageError
    from milepost.render.diagnostics import render

    # not "::error,title=...", which GitHub does not read as an error at all
    assert render([], "github", version="0", errors=[UsageError("boom")]) == "::error::boom\n"


def test_fix_rewrites_only_the_broken_line(capsys: pytest.CaptureFixture[str], stale: Path) -> None:
    before = stale.read_bytes()
    os.chmod(stale, 0o640)
    code, out, _ = run(capsys, "check", str(stale), "--today", "2026-11-25", "--fix")
    after = stale.read_bytes()
    assert after == before.replace("âœ…".encode(), "✅".encode())
    assert b"\r\n" in after and oct(stale.stat().st_mode & 0o777) == "0o640"
    assert code == 1 and "Fixed 1" in out  # the stale date cannot be fixed
    run(capsys, "check", str(stale), "--today", "2026-11-25", "--fix")
    assert stale.read_bytes() == after  # a second --fix changes nothing


def test_diff_shows_and_changes_nothing(capsys: pytest.CaptureFixture[str], stale: Path) -> None:
    before = stale.read_bytes()
    code, out, err = run(
        capsys, "check", str(stale), "--today", "2026-11-25", "--diff", "--select", "MP302"
    )
    assert code == 1  # --diff reports the findings it would fix
    assert stale.read_bytes() == before
    assert "-- âœ… **Completed:** Dark mode" in out and "+- ✅ **Completed:** Dark mode" in out
    assert "Would fix 1." in err


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_diff_with_a_machine_format_is_refused(
    capsys: pytest.CaptureFixture[str], stale: Path, fmt: str
) -> None:
    # The diff went to stdout before the JSON or SARIF document, so neither could be read.
    args = ("check", str(stale), "--diff", "--select", "MP302", "--format", fmt)
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith("milepost: error: --diff prints a unified diff, not " + fmt)


def test_fix_refuses_a_file_changed_meanwhile(stale: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from milepost import checking

    original = checking.check_roadmaps

    def change_file_first(*args: Any, **kwargs: Any) -> Any:
        reports = original(*args, **kwargs)
        stale.write_text("# someone else's edit\n", encoding="utf-8")
        return reports

    monkeypatch.setattr(checking, "check_roadmaps", change_file_first)  # api imports it late
    with pytest.raises(StaleFileError, match="changed on disk"):
        api.check([stale], today=__import__("datetime").date(2026, 11, 25), write=True)
    assert stale.read_text(encoding="utf-8") == "# someone else's edit\n"


def test_fixes_that_do_not_settle_are_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two comments on a line that hide nothing take two passes (their fixes overlap): allowed
    # one, --fix stops with a fix still to make, and must say so rather than pass it off.
    from milepost.rules import engine

    monkeypatch.setattr(engine, "MAX_FIX_PASSES", 1)
    path = tmp_path / "roadmap.md"
    comment = "<!-- milepost: ignore MP206 -->"
    path.write_text(f"# T\n\n{comment} {comment}\n- 📋 Search\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(path), "--select", "MP106,MP206", "--fix")
    assert code == 1 and path.read_text(encoding="utf-8").count(comment) == 1, out
    assert err == (
        f"milepost: warning: {path}: fixes did not settle after 1 pass; run --fix again"
        " (and report it if they never do)\n"
    )


def test_unknown_selector_is_a_usage_error(capsys: pytest.CaptureFixture[str], stale: Path) -> None:
    code, _, err = run(capsys, "check", str(stale), "--select", "MP2O1")
    assert code == 2
    assert err.startswith("milepost: error: unknown rule selector 'MP2O1' (did you mean")


def test_select_ignore_by_prefix_name_and_group(
    capsys: pytest.CaptureFixture[str], stale: Path
) -> None:
    args = ("check", str(stale), "--today", "2026-11-25", "--format", "json")

    def codes(out: str) -> list[str]:
        return sorted({d["code"] for d in json.loads(out)})

    assert codes(run(capsys, *args, "--select", "freshness")[1]) == ["MP201"]
    assert codes(run(capsys, *args, "--select", "MP3", "--ignore", "mojibake")[1]) == []
    assert "MP302" in codes(run(capsys, *args, "--ignore", "MP3", "--select", "MP302")[1])


def test_suppression_comments(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n<!-- milepost: ignore MP201 -->\n**Last updated:** 2026-09-01\n\n- âœ… x\n",
        encoding="utf-8",
    )
    out = run(capsys, "check", str(path), "--today", "2026-11-25", "--select", "MP2,MP3")[1]
    assert "MP201" not in out and "MP302" in out
    path.write_text("<!-- milepost: ignore-file -->\n# T\n\n- âœ… x\n", encoding="utf-8")
    assert run(capsys, "check", str(path), "--select", "MP3")[0] == 0


def test_a_suppression_comment_over_several_lines_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # HTML comments wrap, by hand or by a formatter; the comment hides what it says it hides
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n<!--\n  milepost: ignore MP201\n-->\n**Last updated:** 2026-09-01\n\n- âœ… x\n",
        encoding="utf-8",
    )
    args = ("check", str(path), "--today", "2026-11-25", "--select", "MP105,MP2,MP3")
    out = run(capsys, *args)[1]
    assert "MP201" not in out and "MP105" not in out and "MP302" in out
    path.write_text("<!-- milepost:\n  ignore-file\n-->\n# T\n\n- âœ… x\n", encoding="utf-8")
    assert run(capsys, "check", str(path), "--select", "MP105,MP3")[0] == 0
    # one that hides nothing is reported; beside text, its fix is left to the author
    path.write_text("# T\n\n- x <!-- milepost: ignore\n  MP302 -->\n", encoding="utf-8")
    out = run(capsys, "check", str(path), "--select", "MP106,MP3")[1]
    assert out.startswith(f"{path}:3:5: MP106 suppression comment hides nothing (MP302): remove")
    assert "[*]" not in out


def test_suppression_comments_shown_as_code_silence_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A roadmap that shows how to silence milepost, in a code block or a code span, is not
    # silenced by its example, and the example's codes are not checked as suppressions.
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\nTo silence milepost, write `<!-- milepost: ignore MP9999 -->` or:\n\n"
        "```markdown\n<!-- milepost: ignore-file -->\n```\n\n"
        "- Nested:\n\n  ```\n  <!-- milepost: ignore-file -->\n  ```\n\n"
        "`<!-- milepost: ignore MP201 -->`\n**Last updated:** 2026-09-01\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(path), "--today", "2026-11-25", "--select", "MP105,MP2")
    assert code == 1
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["MP201"]


def test_parallel_check_ignores_suppressions_shown_as_code(tmp_path: Path) -> None:
    import datetime as dt

    for n in range(check_parallel.PARALLEL_FROM + 2):
        folder = tmp_path / f"t{n}"
        folder.mkdir()
        (folder / "roadmap.md").write_text(
            f"# T{n} Roadmap\n\n```\n<!-- milepost: ignore-file -->\n```\n\n"
            "## Dependencies and Risks\n\n"
            f"### External Dependencies\n- **Dependency on T{n}x:** x\n",
            encoding="utf-8",
        )
    found = api.check([tmp_path], today=dt.date(2026, 11, 25), select=("MP601",))
    assert len(found.diagnostics) == check_parallel.PARALLEL_FROM + 2


def test_a_trailing_suppression_comment_covers_its_own_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # At the end of a list item or a table row, the comment is about that item or row, not
    # about the ones that follow it in the same list or table.
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n## Current Focus\n\n### October 2026\n"
        "- 📋 A <!-- milepost: ignore MP206 -->\n- 📋 B\n\n"
        "| Item | Status |\n| --- | --- |\n"
        "| C <!-- milepost: ignore slipped-item --> | 📋 Planned |\n| D | 📋 Planned |\n",
        encoding="utf-8",
    )
    out = run(capsys, "check", str(path), "--today", "2026-11-25", "--select", "MP206")[1]
    flagged = [line.split(":")[1] for line in out.splitlines()[:-1]]
    assert flagged == ["7", "12"]


def test_config_select_and_per_file_ignores(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "milepost.toml").write_text(
        'select = ["MP2"]\n[per-file-ignores]\n"old/*.md" = ["stale-roadmap"]\n', "utf-8"
    )
    (tmp_path / "old").mkdir()
    for folder in ("old", "new"):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / "x-roadmap.md").write_text(STALE, encoding="utf-8")
    out = run(capsys, "check", str(tmp_path), "--today", "2026-11-25", "--format", "json")[1]
    found = {(Path(d["path"]).parent.name, d["code"]) for d in json.loads(out)}
    assert found == {("new", "MP201")}


@pytest.mark.parametrize(
    ("config", "cli", "found"),
    [
        # the command line's --select replaces the config's selection, its ignore included
        ('ignore = ["MP201"]', ("--select", "MP201"), {"MP201"}),
        ('ignore = ["freshness"]', ("--select", "MP201"), {"MP201"}),
        ('select = ["MP2"]\nignore = ["MP201"]', ("--select", "MP3"), {"MP302"}),
        ('ignore = ["MP302"]', ("--select", "ALL"), {"MP201", "MP302"}),
        ('ignore = ["MP2"]', ("--select", "MP201", "--ignore", "MP2"), {"MP201"}),
        # without it, the config's selection stands and --ignore takes rules off it
        ('select = ["MP2"]', (), {"MP201"}),
        ('ignore = ["MP302"]', (), {"MP201"}),
        ('ignore = ["MP302"]', ("--ignore", "MP201"), set()),
        ('select = ["MP201", "MP302"]', ("--ignore", "freshness"), {"MP302"}),
        ('select = ["MP201"]\nignore = ["MP2"]', (), {"MP201"}),
        # per-file-ignores are not a selection: they hold whatever is selected
        ('[per-file-ignores]\n"*.md" = ["MP302"]', ("--select", "MP302"), set()),
    ],
)
def test_command_line_selection_overrides_the_config_like_ruff(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    config: str,
    cli: tuple[str, ...],
    found: set[str],
) -> None:
    (tmp_path / "milepost.toml").write_text(config + "\n", "utf-8")
    (tmp_path / "roadmap.md").write_text(STALE, encoding="utf-8")
    args = ("check", str(tmp_path), "--today", "2026-11-25", "--format", "json", *cli)
    codes = {d["code"] for d in json.loads(run(capsys, *args)[1])}
    assert codes & {"MP201", "MP302"} == found


def test_patterns_written_from_the_config_folder_with_a_leading_dot_slash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "./tracks/*/roadmap.md" is how many write a path relative to the config's folder; it
    # matched no file, so the whole portfolio went unchecked and CI passed.
    (tmp_path / "milepost.toml").write_text(
        'roadmaps = ["./tracks/*/roadmap.md"]\nselect = ["MP2"]\n'
        '[per-file-ignores]\n".//tracks/old/*.md" = ["stale-roadmap"]\n',
        "utf-8",
    )
    for folder in ("old", "new"):
        (tmp_path / "tracks" / folder).mkdir(parents=True)
        (tmp_path / "tracks" / folder / "roadmap.md").write_text(STALE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--today", "2026-11-25", "--format", "json")
    found = {(Path(d["path"]).parent.name, d["code"]) for d in json.loads(out)}
    assert (code, found) == (1, {("new", "MP201")})
    assert run(capsys, "config")[1].count('"tracks/*/roadmap.md"') == 1


def test_portfolio_references(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def track(slug: str, name: str, deps: str) -> None:
        (tmp_path / slug).mkdir()
        (tmp_path / slug / "roadmap.md").write_text(
            f"# {name} Roadmap\n\n## Dependencies and Risks\n\n### External Dependencies\n{deps}",
            encoding="utf-8",
        )

    track(
        "memory",
        "Memory",
        "- **Dependency on Web UI:** nothing\n\n### Cross-Track Synergies\n"
        "- **All Tracks:** privacy is everyone's\n",  # every track at once: no typo
    )
    track(
        "web-ui",
        "Web UI",
        "- **Dependency on Memroy:** truncation\n"
        "- **Dependency on memory:** truncation API\n- **Dependency on pgvector:** 0.7\n",
    )
    out = run(capsys, "check", str(tmp_path), "--select", "references")[1]
    web = tmp_path / "web-ui" / "roadmap.md"
    memory = tmp_path / "memory" / "roadmap.md"
    assert out.splitlines()[:3] == [
        f"{memory}:6:1: MP602 dependency cycle: Memory → Web UI → Memory",
        f"{web}:6:1: MP601 no track named 'Memroy' in this portfolio (did you mean 'Memory'?)",
        f"{web}:7:1: MP602 dependency cycle: Web UI → Memory → Web UI",
    ]


def test_rule_pages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "stale-roadmap")
    assert code == 0 and out.startswith("MP201 stale-roadmap (freshness, warning)\n")
    for heading in (
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## Fix safety",
        "## Options",
    ):
        assert heading in out
    code, out, _ = run(capsys, "rule", "--all")
    assert code == 0 and len(out.splitlines()) >= 24 and "MP302 *" in out
    assert run(capsys, "rule", "MP999")[0] == 2


def test_mojibake_template_fixes_to_the_clean_one(tmp_path: Path) -> None:
    require_shared()
    broken = tmp_path / "roadmap.md"
    broken.write_bytes((TEMPLATES / "track-roadmap-template.mojibake.md").read_bytes())
    api.check(
        [broken], today=__import__("datetime").date(2026, 11, 25), select=("MP302",), write=True
    )
    assert broken.read_bytes() == (TEMPLATES / "track-roadmap-template.md").read_bytes()


def test_broken_relative_links(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "design.md").write_text("# D\n", encoding="utf-8")
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n- Details: [design](docs/design.md#goals), [typo](docs/desing.md)\n"
        "- [folder](docs/) [web](https://x.y/missing.md) [mail](mailto:a@b.c) [top](#t)\n"
        "- [spaced](docs/my%20notes.md)\n",
        encoding="utf-8",
    )
    out = run(capsys, "check", str(path), "--select", "MP801")[1]
    assert out.splitlines() == [
        f"{path}:3:51: MP801 link to 'docs/desing.md': no such file",
        f"{path}:5:12: MP801 link to 'docs/my%20notes.md': no such file",
        "Found 2 problems.",
    ]


def test_one_file_is_checked_against_the_whole_portfolio(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A pre-commit hook passes only changed files; their synergies name unchanged tracks.
    web_ui = EXAMPLES / "tracks" / "web-ui" / "roadmap.md"
    memory = EXAMPLES / "tracks" / "memory" / "roadmap.md"
    code, out, _ = run(capsys, "check", str(web_ui), str(memory), "--today", "2026-11-25")
    assert (code, out) == (0, "All checks passed (2 roadmaps).\n")


def test_parallel_check_matches_the_sequential_one(tmp_path: Path) -> None:
    import datetime as dt

    for n in range(check_parallel.PARALLEL_FROM + 5):
        folder = tmp_path / f"t{n}"
        folder.mkdir()
        other = f"T{(n + 1) % 7}"
        (folder / "roadmap.md").write_text(
            f"# T{n} Roadmap\n\n**Last updated:** 2026-0{1 + n % 9}-15\n\n"
            f"## Dependencies and Risks\n\n### External Dependencies\n"
            f"- **Dependency on {other}:** something\n- **Dependency on T{n}x:** typo\n\n"
            "### Cross-Track Synergies\n- **With Nobody:** x\n",
            encoding="utf-8",
        )
    (tmp_path / "t50" / "roadmap.md").write_bytes(b"# bad \xff\n")
    today = dt.date(2026, 11, 25)
    parallel = api.check([tmp_path], today=today)
    sequential = checks._check([tmp_path], today, (), (), False, False, False)
    assert [str(e) for e in parallel.errors] == [str(e) for e in sequential.errors]
    assert len(parallel.errors) == 1 and ":1: cannot decode" in str(parallel.errors[0])
    assert [d.to_dict() for d in parallel.diagnostics] == [
        d.to_dict() for d in sequential.diagnostics
    ]
    assert {d.code for d in parallel.diagnostics} >= {"MP201", "MP601", "MP602"}


def test_fix_keeps_the_configs_status_markers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "milepost.toml").write_text('[statuses]\n"🦄" = "future"\n', encoding="utf-8")
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n## Work\n\n- ✅ Search\n- 🦄 Flying cars\n- 🚧 Export â†’ CSV\n", "utf-8"
    )
    code, out, _ = run(capsys, "check", str(path), "--select", "MP302,MP703", "--fix")
    assert path.read_text("utf-8").endswith("- 🚧 Export → CSV\n")
    assert "MP703" not in out  # the re-parse after the fix still knows 🦄
    assert code == 0


def test_fix_rereads_with_the_legend_the_roadmap_was_read_with() -> None:
    """Each pass of the fix loop reads the patched text with the roadmap's own legend (its
    document's and the config's markers, as it was read), not one rebuilt from the context's
    config: a roadmap read with 🦄 for future keeps it, whatever config the rules are given."""
    import datetime as dt

    import milepost
    from milepost.config import Config
    from milepost.rules import ALL_RULES, Context
    from milepost.rules.engine import fix_until_stable, select_rules
    from milepost.vocabulary.status import Status

    text = "# T\n\n## Work\n\n- 🦄 Flying cars\n- 🚧 Export â†’ CSV\n"
    roadmap = milepost.loads(text, config=Config(statuses=(("🦄", "future"),)))
    rules = select_rules(ALL_RULES, ["MP302"])
    fixed = fix_until_stable(rules, Context(roadmap, dt.date(2026, 11, 2)), unsafe=False)
    assert fixed.applied == 1 and fixed.roadmap.document.source.text.endswith("→ CSV\n")
    assert [i.status for i in fixed.roadmap.items] == [Status.FUTURE, Status.IN_PROGRESS]
    assert fixed.roadmap.legend == roadmap.legend


def test_sarif_uri_keeps_dotted_folders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / ".github" / "my plans"
    folder.mkdir(parents=True)
    (folder / "roadmap.md").write_text("# T\n\n- Export â†’ CSV\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ("check", "./.github/my plans/roadmap.md", "--select", "MP302", "--format", "sarif")
    _, out, _ = run(capsys, *args)
    [result] = json.loads(out)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": ".github/my%20plans/roadmap.md"}


def test_parallel_check_honours_suppressions_and_per_file_ignores(tmp_path: Path) -> None:
    import datetime as dt

    (tmp_path / "milepost.toml").write_text(
        '[per-file-ignores]\n"t1/*" = ["MP601"]\n', encoding="utf-8"
    )
    for n in range(check_parallel.PARALLEL_FROM + 2):
        folder = tmp_path / f"t{n}"
        folder.mkdir()
        comment = "<!-- milepost: ignore-file MP601 -->\n" if n == 0 else ""
        (folder / "roadmap.md").write_text(
            f"# T{n} Roadmap\n{comment}\n## Dependencies and Risks\n\n"
            f"### External Dependencies\n- **Dependency on T{n}x:** x\n",
            encoding="utf-8",
        )
    today = dt.date(2026, 11, 25)
    parallel = api.check([tmp_path], today=today, select=("MP601",))
    sequential = checks._check([tmp_path], today, ("MP601",), (), False, False, False)
    flagged = sorted(Path(d.path or "").parent.name for d in parallel.diagnostics)
    assert "t0" not in flagged and "t1" not in flagged and "t2" in flagged
    assert len(flagged) == check_parallel.PARALLEL_FROM
    assert [d.to_dict() for d in parallel.diagnostics] == [
        d.to_dict() for d in sequential.diagnostics
    ]


def test_an_unreadable_track_still_exists_for_the_others(tmp_path: Path) -> None:
    import datetime as dt
    import shutil

    portfolio = tmp_path / "portfolio"
    shutil.copytree(EXAMPLES, portfolio)
    memory = portfolio / "tracks" / "memory" / "roadmap.md"
    memory.write_bytes(memory.read_bytes() + b"\xff\n")
    today = dt.date(2026, 11, 25)
    result = api.check([portfolio], today=today)
    assert [e.path for e in result.errors] == [str(memory)]
    assert not [d for d in result.diagnostics if d.code == "MP601"]  # "Memory" still exists
    # Large portfolios are checked on every core: the same holds there.
    for n in range(check_parallel.PARALLEL_FROM):
        folder = tmp_path / "many" / f"t{n}"
        folder.mkdir(parents=True)
        (folder / "roadmap.md").write_text(
            f"# T{n} Roadmap\n\n## Dependencies and Risks\n\n### External Dependencies\n"
            "- **Dependency on Broken:** its API\n",
            encoding="utf-8",
        )
    (tmp_path / "many" / "broken").mkdir()
    (tmp_path / "many" / "broken" / "roadmap.md").write_bytes(b"# Broken \xff\n")
    result = api.check([tmp_path / "many"], today=today, select=("MP601",))
    assert len(result.errors) == 1 and result.diagnostics == []


def _nested_configs(root: Path) -> None:
    """A root config, and a stricter one for the folder ``plans/sub`` (the reviewer's case)."""
    (root / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.milepost]\nroadmaps = ["plans/**/*.md"]\n'
        'stale_after_days = 30\nrequired_sections = ["current_focus"]\n'
        '[tool.milepost.statuses]\n"🦄" = "future"\n'
        '[tool.milepost.per-file-ignores]\n"plans/old*.md" = ["freshness"]\n',
        encoding="utf-8",
    )
    (root / "plans" / "sub").mkdir(parents=True)
    (root / "plans" / "sub" / "milepost.toml").write_text(
        'stale_after_days = 1\nroadmaps = ["*.md"]\n[statuses]\n"🦄" = "blocked"\n',
        encoding="utf-8",
    )
    for path, name, updated, partner in (
        ("plans/alpha.md", "Alpha", "2026-11-20", "Gamma"),
        ("plans/old-beta.md", "Old Beta", "2025-01-01", "Old Beta"),
        ("plans/sub/gamma.md", "Gamma", "2026-11-20", "Old Beta"),
        ("plans/sub/delta.md", "Delta", "2026-11-25", "Gamma"),
    ):
        (root / path).write_text(
            f"# {name} Roadmap\n\n**Last updated:** {updated}\n\n## Current Focus\n\n"
            "### November 2026\n- 🦄 Unicorn idea\n\n## Dependencies and Risks\n\n"
            f"### Cross-Track Synergies\n- **With {partner}:** shared work\n",
            encoding="utf-8",
        )


def test_each_file_is_checked_under_its_own_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _nested_configs(tmp_path)
    monkeypatch.chdir(tmp_path)
    gamma, alpha, beta = "plans/sub/gamma.md", "plans/alpha.md", "plans/old-beta.md"
    missing = (
        "MP101 required sections are missing: 'Medium Term Goals', 'Long Term Vision', "
        "'Completed Milestones', 'Community Feedback', 'Success Metrics'"
    )
    expected = [
        f"{gamma}:1:1: {missing}",
        f"{gamma}:3:1: MP201 last updated 2026-11-20 is 5 days ago (more than 1)",
        # the references of gamma are judged in the portfolio of plans/sub/milepost.toml
        f"{gamma}:13:1: MP601 no track named 'Old Beta' in this portfolio",
    ]
    for args in ((gamma, alpha, beta), (beta, alpha, gamma), (alpha, gamma, beta)):
        code, out, _ = run(capsys, "check", *args, "--today", "2026-11-25")
        assert (code, out.splitlines()[:-1]) == (1, expected), args
    code, out, _ = run(capsys, "check", alpha, beta, "--today", "2026-11-25")
    assert (code, out) == (0, "All checks passed (2 roadmaps).\n")
    # The folder, on one core and on every core, finds all four and judges them alike.
    code, out, _ = run(capsys, "check", "--today", "2026-11-25")
    everything = sorted([*expected, f"plans/sub/delta.md:1:1: {missing}"])
    assert (code, sorted(out.splitlines()[:-1])) == (1, everything)
    if (os.cpu_count() or 1) > 1:
        monkeypatch.setattr(check_parallel, "PARALLEL_FROM", 1)
        for args in ((gamma, alpha, beta), (alpha, beta, gamma)):
            code, out, err = run(capsys, "check", *args, "--today", "2026-11-25")
            assert (code, out.splitlines()[:-1]) == (1, expected), err
        code, out, _ = run(capsys, "check", "--today", "2026-11-25")
        assert (code, sorted(out.splitlines()[:-1])) == (1, everything)


def test_status_markers_come_from_the_config_nearest_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _nested_configs(tmp_path)
    monkeypatch.chdir(tmp_path)

    def unicorns(paths: list[str | os.PathLike[str]]) -> dict[str, str | None]:
        loaded = api.load_many(paths)
        return {r.track: r.items[0].status and r.items[0].status.value for r in loaded.roadmaps}

    whole = unicorns(["."])
    assert whole == {
        "Alpha": "future",
        "Old Beta": "future",
        "Gamma": "blocked",
        "Delta": "blocked",
    }
    assert unicorns(["plans/sub/gamma.md"]) == {"Gamma": "blocked"}
    assert unicorns(["plans/sub"]) == {"Gamma": "blocked", "Delta": "blocked"}
    # A long-lived process (a docs server) sees an edited config on its next load.
    (tmp_path / "plans" / "sub" / "milepost.toml").write_text(
        '[statuses]\n"🦄" = "dropped"\n', encoding="utf-8"
    )
    assert unicorns(["plans/sub/gamma.md"]) == {"Gamma": "dropped"}


def test_force_exclude_skips_named_files_the_patterns_do_not_match(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _nested_configs(tmp_path)
    (tmp_path / "README.md").write_text(STALE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ("--today", "2026-11-25", "--select", "MP201")
    # A file named on the command line is checked, roadmap or not...
    code, out, _ = run(capsys, "check", "README.md", *args)
    assert code == 1 and out.startswith("README.md:3:1: MP201")
    # ...unless --force-exclude asks to keep to what the config's patterns match: plans/*.md
    # by the root config, *.md in plans/sub by its own.
    names = ("README.md", "plans/alpha.md", "plans/sub/gamma.md")
    code, out, _ = run(capsys, "check", "--force-exclude", *names, *args)
    assert (code, out.splitlines()[0]) == (
        1,
        "plans/sub/gamma.md:3:1: MP201 last updated 2026-11-20 is 5 days ago (more than 1)",
    )
    assert "README.md" not in out and out.endswith("Found 1 problem.\n")
    assert run(capsys, "check", "--force-exclude", "README.md", *args)[:2] == (0, "")
    assert run(capsys, "check", "--force-exclude", "README.md", *args, "--format", "json")[:2] == (
        0,
        "[]\n",
    )
    # Folders are searched by the patterns anyway.
    assert run(capsys, "check", "--force-exclude", "plans", *args)[0] == 1


@pytest.mark.parametrize("many", [False, True], ids=["sequential", "parallel"])
@pytest.mark.parametrize("config", ['select = ["MP999"]', "select = ["])
def test_a_broken_config_is_said_once_and_the_other_folders_are_checked(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    many: bool,
    config: str,
) -> None:
    """A config naming no rule is as broken as one that is not TOML: said once (in JSON
    too), its files unchecked, the rest checked, exit 2; not the whole run given up with
    nothing on stdout for a JSON reader, on one core while every core went on."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "milepost.toml").write_text(config + "\n", encoding="utf-8")
    (tmp_path / "a" / "roadmap.md").write_text("# A Roadmap\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "roadmap.md").write_text(STALE, encoding="utf-8")
    if many:
        if (os.cpu_count() or 1) < 2:
            pytest.skip("one core: the parallel path is not taken")
        monkeypatch.setattr(check_parallel, "PARALLEL_FROM", 1)
    monkeypatch.chdir(tmp_path)
    args = ("check", "a", "b", "--today", "2026-11-25", "--select", "MP201", "--format", "json")
    code, out, err = run(capsys, *args)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("milepost: error: a/milepost.toml:")
    found = json.loads(out)
    assert [(d["code"], Path(d["path"]).name) for d in found] == [
        (None, "milepost.toml"),
        ("MP201", "roadmap.md"),
    ]


@pytest.mark.parametrize("many", [False, True], ids=["sequential", "parallel"])
def test_per_file_ignores_match_the_path_from_the_config_folder_whatever_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, many: bool
) -> None:
    import datetime as dt

    nested = tmp_path / "plans" / "sub"
    nested.mkdir(parents=True)
    (nested / "milepost.toml").write_text(
        'roadmaps = ["**/*.md"]\n[per-file-ignores]\n"old-*.md" = ["freshness"]\n',
        encoding="utf-8",
    )
    stale = "# Beta Roadmap\n\n**Last updated:** 2024-01-01\n**Next roadmap review:** 2024-02-01\n"
    (nested / "old-beta.md").write_text(stale, encoding="utf-8")
    for n in range(check_parallel.PARALLEL_FROM if many else 0):
        (nested / f"t{n}.md").write_text(f"# T{n} Roadmap\n", encoding="utf-8")
    today = dt.date(2026, 11, 25)
    for cwd, given in [(tmp_path, "plans/sub"), (nested, "."), (nested, "old-beta.md")]:
        monkeypatch.chdir(cwd)
        result = api.check([given], today=today, select=("freshness",))
        found = [d for d in result.diagnostics if (d.path or "").endswith("old-beta.md")]
        assert found == [], (cwd, given, [d.message for d in found])


def test_one_file_of_a_big_portfolio_is_checked_alike_on_every_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pre-commit passes the changed file alone: the rest of the portfolio is read on every
    core, and what is found is what one core finds."""
    import datetime as dt

    (tmp_path / "milepost.toml").write_text('roadmaps = ["tracks/*/roadmap.md"]\n', "utf-8")
    for n in range(check_parallel.PARALLEL_FROM):
        track = tmp_path / "tracks" / f"t{n}"
        track.mkdir(parents=True)
        (track / "roadmap.md").write_text(f"# T{n} Roadmap\n", encoding="utf-8")
    alpha = tmp_path / "tracks" / "alpha" / "roadmap.md"
    alpha.parent.mkdir()
    alpha.write_text(
        "# Alpha Roadmap\n\n## Dependencies and Risks\n\n### External Dependencies\n"
        "- **Dependency on T7:** exports by December 2026\n- **Dependency on T77:** imports\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # as on any machine with two cores
    today = dt.date(2026, 11, 25)

    def found() -> list[tuple[str, int, str]]:
        result = api.check([alpha], today=today, select=("references",))
        return [(d.code, d.line, d.message) for d in result.diagnostics]

    from milepost.api.loading import load_file

    read: list[str] = []  # the files read in this process (the pool's are not seen here)

    def counted(path: Path, **options: Any) -> Any:
        read.append(Path(path).parent.name)
        return load_file(path, **options)

    monkeypatch.setattr(check_parallel, "load_file", counted)
    ran = parallel_checks(monkeypatch)
    everywhere = found()
    assert ran == [1]
    assert [code for code, _, _ in everywhere] == ["MP601"]
    assert "T77" in everywhere[0][2] and "T7" in everywhere[0][2]
    # again, the rest of the portfolio from the cache: the same findings, one file read
    read.clear()
    assert found() == everywhere and ran == [1, 1]
    assert read == ["alpha"]
    cached = list((Path(os.environ["MILEPOST_CACHE_DIR"]) / "check").glob("*.json"))
    assert len(cached) == 1
    # a track that now depends on Alpha makes a cycle: the cache does not hide it
    (tmp_path / "tracks" / "t7" / "roadmap.md").write_text(
        "# T7 Roadmap\n\n## Dependencies and Risks\n\n### External Dependencies\n"
        "- **Dependency on Alpha:** a review\n",
        encoding="utf-8",
    )
    cycle = found()
    assert [code for code, _, _ in cycle] == ["MP602", "MP601"], cycle
    monkeypatch.setattr(check_parallel, "PARALLEL_FROM", 10**6)
    assert found() == cycle
    assert ran == [1, 1, 1]  # the last time on one core, no cache
    assert api.check([alpha], today=today, select=("references",), cache=False).diagnostics


@pytest.mark.parametrize("many", [False, True], ids=["one core", "every core"])
def test_two_roadmaps_of_one_track_name_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, many: bool
) -> None:
    import datetime as dt

    (tmp_path / "milepost.toml").write_text('roadmaps = ["tracks/*/roadmap.md"]\n', "utf-8")
    # two copies of a template's generic "# Roadmap" name no track: no finding for them
    names = ["Alpha", "Alpha", "Beta", "", ""]
    names += [f"T{n}" for n in range(check_parallel.PARALLEL_FROM if many else 0)]
    for n, name in enumerate(names):
        folder = tmp_path / "tracks" / f"t{n}"
        folder.mkdir(parents=True)
        (folder / "roadmap.md").write_text(f"<!-- copied -->\n# {name} Roadmap\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = api.check(["tracks"], today=dt.date(2026, 11, 25), select=("MP603",))
    found = sorted((Path(d.path or "").parent.name, d.line, d.message) for d in result.diagnostics)
    assert found == [
        (
            "t0",
            2,
            "track 'Alpha' is also the track of tracks/t1/roadmap.md: references to it "
            "are ambiguous",
        ),
        (
            "t1",
            2,
            "track 'Alpha' is also the track of tracks/t0/roadmap.md: references to it "
            "are ambiguous",
        ),
    ]


@pytest.mark.parametrize("many", [False, True], ids=["one-core", "every-core"])
def test_unused_suppressions_are_reported_alike_on_one_core_and_every_core(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, many: bool
) -> None:
    """MP106 judges a comment once every rule it names has run: on every core a file's own
    rules run in a worker and the cross-track ones after, and a comment that hid a dangling
    reference (MP601) is used all the same."""
    (tmp_path / "milepost.toml").write_text('roadmaps = ["*.md"]\n', encoding="utf-8")
    (tmp_path / "beta.md").write_text("# Beta Roadmap\n", encoding="utf-8")
    (tmp_path / "alpha.md").write_text(
        "# Alpha Roadmap\n\n<!-- milepost: ignore MP201 --> <!-- milepost: ignore MP209 -->\n"
        "**Last updated:** 2026-01-01\n\n"
        "## Dependencies and Risks\n\n### Cross-Track Synergies\n\n"
        "<!-- milepost: ignore MP601 -->\n- **With Nowhere:** shared work\n\n"
        "<!-- milepost: ignore MP601 -->\n- **With Beta:** shared work\n\n"
        "<!-- milepost: ignore MP209 -->\n- **With Beta:** more work\n",
        encoding="utf-8",
    )
    if many:
        if (os.cpu_count() or 1) < 2:
            pytest.skip("one core: the parallel path is not taken")
        monkeypatch.setattr(check_parallel, "PARALLEL_FROM", 1)
    monkeypatch.chdir(tmp_path)
    args = ("--today", "2026-11-25", "--select", "MP106,MP201,MP209,MP601")
    code, out, _ = run(capsys, "check", *args)
    assert (code, out.splitlines()[:-1]) == (
        1,
        [
            "alpha.md:3:33: MP106 suppression comment hides nothing (MP209): remove it [*]",
            "alpha.md:13:1: MP106 suppression comment hides nothing (MP601): remove it [*]",
            "alpha.md:16:1: MP106 suppression comment hides nothing (MP209): remove it [*]",
        ],
    )
    # a rule switched off may be what a comment is for: not judged
    code, out, _ = run(capsys, "check", "--today", "2026-11-25", "--select", "MP106,MP601")
    assert code == 1 and "alpha.md:3:1" not in out and "alpha.md:16:1" not in out


def test_every_core_reads_a_files_suppression_comments_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On every core a file's comments are read where the file is, and its own rules, the
    cross-track ones and MP106 all use that reading: the same findings as on one core (a
    comment shown as code is no suppression, there too), one reading a file."""
    import datetime as dt

    from milepost.rules.suppressions import Suppressions

    (tmp_path / "milepost.toml").write_text('roadmaps = ["*.md"]\n', encoding="utf-8")
    (tmp_path / "beta.md").write_text(
        "# Beta Roadmap\n\n```markdown\n<!-- milepost: ignore-file MP601 -->\n```\n\n"
        "## Dependencies and Risks\n\n### Cross-Track Synergies\n\n"
        "- **With Nowhere:** shared work\n"
        "- **With Alpha:** shared work <!-- milepost: ignore MP601 -->\n",
        encoding="utf-8",
    )
    (tmp_path / "alpha.md").write_text(
        "# Alpha Roadmap\n\n<!-- milepost: ignore MP201 -->\n**Last updated:** 2026-01-01\n\n"
        "## Dependencies and Risks\n\n### Cross-Track Synergies\n\n"
        "<!-- milepost: ignore MP601 -->\n- **With Beta:** shared work\n\n"
        "- **With Nobody:** more work\n",
        encoding="utf-8",
    )
    today, select = dt.date(2026, 11, 25), ("MP106", "MP201", "MP601")
    reads: list[int] = []
    read = Suppressions.read

    def counted(document: Any) -> Suppressions:
        reads.append(1)
        return read(document)

    monkeypatch.setattr(Suppressions, "read", staticmethod(counted))
    files, errors = check_parallel.discover_all([tmp_path])
    groups, portfolios = check_parallel.portfolios_of(files, errors, select, ())
    # two files: the workers' share is done here, where the readings can be counted
    reports, errors = check_parallel.check_parallel(
        files, errors, groups, portfolios, today, select, (), cache=False
    )
    assert len(reads) == 2 and errors == []
    every_core = [d for report in reports for d in report.diagnostics]
    one_core = checks._check([tmp_path], today, select, (), False, False, False).diagnostics
    assert [d.to_dict() for d in every_core] == [d.to_dict() for d in one_core]
    assert [(Path(d.path or "").name, d.line, d.code) for d in every_core] == [
        ("alpha.md", 10, "MP106"),
        ("alpha.md", 13, "MP601"),
        ("beta.md", 11, "MP601"),
        ("beta.md", 12, "MP106"),
    ]


def test_a_one_roadmap_portfolio_judges_no_cross_track_suppression_on_any_core(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders each with its own config and one roadmap: the cross-track rules judge nothing
    there, on one core or every core, so a comment naming them is not called unused (the
    parallel path called it so, and --fix, on one core, then found nothing to fix)."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "milepost.toml").write_text('roadmaps = ["roadmap.md"]\n', "utf-8")
        (tmp_path / name / "roadmap.md").write_text(
            f"# {name.upper()} Roadmap\n\n## Dependencies and Risks\n\n"
            "### Cross-Track Synergies\n\n<!-- milepost: ignore MP601 -->\n"
            "- **With Webui:** shared work\n",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    args = ("check", "a", "b", "--today", "2026-11-25", "--select", "MP106,MP601")
    assert run(capsys, *args)[:2] == (0, "All checks passed (2 roadmaps).\n")
    if (os.cpu_count() or 1) > 1:
        monkeypatch.setattr(check_parallel, "PARALLEL_FROM", 1)
        assert run(capsys, *args)[:2] == (0, "All checks passed (2 roadmaps).\n")


def test_a_suppression_reads_in_any_case_and_cross_track_ones_need_a_configured_portfolio(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Milepost: ignore" is read as "milepost: ignore" (the pattern ignores case, the quick
    test before it did not). Files named without a config are no whole portfolio: a comment
    for a cross-track rule there is not judged (its namesake may be a file not named)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        "# Alpha Roadmap\n\n<!-- Milepost: ignore MP201 -->\n**Last updated:** 2026-01-01\n\n"
        "<!-- milepost: ignore MP603 -->\n## Plans\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text("# Beta Roadmap\n", encoding="utf-8")
    args = ("--today", "2026-11-25", "--select", "MP106,MP201,MP603")
    assert run(capsys, "check", "a.md", "b.md", *args)[:2] == (
        0,
        "All checks passed (2 roadmaps).\n",
    )
