"""The edit commands as a user runs them: what they refuse (one line, exit 2, the file named),
what they say they did, and that they did exactly that."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

import milepost
from milepost import api
from milepost.cli import main
from milepost.edits.lookup import AmbiguousItemError, find_item
from milepost.errors import UsageError
from milepost.model import Status
from milepost.vocabulary.dates import date_like, redate
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "portfolio")
    monkeypatch.chdir(tmp_path / "portfolio")
    return tmp_path / "portfolio"


def _refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must be refused: exit 2, one line naming the file, no bug report."""
    before = {p: p.read_bytes() for p in Path.cwd().rglob("*.md")}
    assert main([*args, "--today", "2026-11-25"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("milepost: error: "), err
    assert "roadmap.md" in err and "please report" not in err, err
    assert {p: p.read_bytes() for p in Path.cwd().rglob("*.md")} == before
    return err


def _memory(portfolio: Path) -> Path:
    return portfolio / "tracks" / "memory" / "roadmap.md"


# review


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-10-16", "2026-11-25"),
        ("October 16, 2025", "November 25, 2026"),
        ("Oct 16, 2025", "Nov 25, 2026"),
        ("Oct. 1st, 2025", "Nov. 25th, 2026"),
        ("16 October 2025", "25 November 2026"),
        ("06 oct 2025", "25 nov 2026"),
        ("SEPT 3 2025", "NOV 25 2026"),
    ],
)
def test_dates_keep_the_style_they_were_written_in(written: str, expected: str) -> None:
    assert (
        redate(f"*Last updated: {written} by @ann*", TODAY) == f"*Last updated: {expected} by @ann*"
    )
    assert date_like(f"**Last updated:** {written}", TODAY) == expected


def test_review_keeps_long_dates_long(portfolio: Path) -> None:
    path = _memory(portfolio)
    text = path.read_text(encoding="utf-8").replace("2026-11-18", "October 16, 2025")
    path.write_text(text.replace("2026-12-02", "October 30, 2025"), encoding="utf-8")
    api.edit(path, "review", today=TODAY, author="@bkumar")
    new = path.read_text(encoding="utf-8")
    assert "**Last updated:** November 25, 2026\n" in new
    assert "**Next roadmap review:** December 9, 2026\n" in new
    assert new.endswith("*Last updated: November 25, 2026 by @bkumar*\n")


def test_review_writes_the_next_review_it_announces(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _memory(portfolio)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("**Next roadmap review:** 2026-12-02\n\n", ""), encoding="utf-8")
    assert main(["review", "memory", "--by", "@bkumar", "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "next review 2026-12-09 (a new 'Next roadmap review' line)" in out
    new = path.read_text(encoding="utf-8")
    # Where the template puts it: after the closing rule, above the living-document note.
    assert "\n---\n\n**Next roadmap review:** 2026-12-09\n\n*This roadmap is a living" in new
    assert milepost.load(path).meta.next_review == dt.date(2026, 12, 9)
    assert main(["review", "memory", "--by", "@bkumar", "--today", "2026-11-25"]) == 0
    assert "nothing to change" in capsys.readouterr().out  # and now it is there


def test_a_folder_of_no_roadmap_or_several_is_refused_with_what_is_there(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder holding several roadmaps lists them; one holding none says what was sought
    (it said "0 roadmaps below this folder; name one")."""
    err = _refused(capsys, "start", "tracks", "snapshots")
    assert err == (
        "milepost: error: tracks: 5 roadmaps below this folder: tracks/evaluation/roadmap.md;"
        " tracks/memory/roadmap.md; tracks/orchestration/roadmap.md; tracks/tool-use/roadmap.md;"
        " tracks/web-ui/roadmap.md (name one of them)\n"
    )
    (portfolio / "empty").mkdir()
    assert main(["start", "empty", "snapshots", "--today", "2026-11-25"]) == 2
    assert capsys.readouterr().err == (
        "milepost: error: empty: no roadmaps found: looked for tracks/*/roadmap.md"
        " (set `roadmaps` in milepost.toml)\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_or_a_broken_link_is_said_to_be_one(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As `check` says them; it was "no roadmap or track named 'pipe.md'"."""
    os.mkfifo(portfolio / "pipe.md")
    (portfolio / "gone.md").symlink_to(portfolio / "nowhere.md")
    for name, said in (
        ("pipe.md", "not a regular file or folder"),
        ("gone.md", "no such file or folder"),
    ):
        assert main(["start", name, "snapshots", "--today", "2026-11-25"]) == 2
        assert capsys.readouterr().err == f"milepost: error: {name}: {said}\n"


def test_a_dry_run_that_changes_nothing_says_so(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty diff is said on stderr (it printed nothing at all), stdout staying empty."""
    args = ["start", "orchestration", "checkpoint", "--today", "2026-11-25", "--dry-run"]
    assert main(args) == 0  # already in progress
    out, err = capsys.readouterr()
    assert (out, err) == ("", "tracks/orchestration/roadmap.md: nothing to change\n")


def test_a_broken_roadmap_hides_no_other_track(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (portfolio / "tracks" / "evaluation" / "roadmap.md").write_bytes(b"# Evaluation\n\xff\n")
    assert main(["review", "memory", "--by", "@bkumar", "--today", "2026-11-25"]) == 0
    assert "2026-11-25" in capsys.readouterr().out
    # by its name too, and the broken one by its folder, where its error is then told
    assert main(["review", "Tool Use", "--by", "@bkumar", "--today", "2026-11-25"]) == 0
    capsys.readouterr()
    assert main(["review", "evaluation", "--by", "@bkumar", "--today", "2026-11-25"]) == 2
    assert "evaluation/roadmap.md:2: cannot decode byte" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # no rule: above the footer
            "# T\n\n**Last updated:** 2026-11-01\n\n## Current Focus\n\nx\n\n"
            "*Last updated: 2026-11-01 by @ann*\n",
            "x\n\n**Next roadmap review:** 2026-12-09\n\n*Last updated: 2026-11-25 by @ann*\n",
        ),
        (  # no footer: with the header's "last updated" (the end is the last section's)
            "# T\n\n**Last updated:** 2026-11-01\n\n## Current Focus\n\nx",
            "**Last updated:** 2026-11-25\n**Next roadmap review:** 2026-12-09\n\n"
            "## Current Focus\n\nx",
        ),
    ],
)
def test_review_adds_the_next_review_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(text, encoding="utf-8")
    api.edit(path, "review", today=TODAY, author="@ann")
    assert path.read_text(encoding="utf-8").endswith(expected)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "**Last updated:** 2026-11-20 · **Owner:** @kim · **Next review:** 2026-12-04",
            "**Last updated:** 2026-11-25 · **Owner:** @kim · **Next review:** 2026-12-09",
        ),
        (  # the same date twice: each field keeps its own place
            "_Last updated 2026-11-20 by @ana. Next review 2026-11-20._",
            "_Last updated 2026-11-25 by @ana. Next review 2026-12-09._",
        ),
    ],
)
def test_review_updates_both_dates_of_a_one_line_header(
    tmp_path: Path, header: str, expected: str
) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(f"# T\n\n{header}\n\n## Current Focus\n\nx\n", encoding="utf-8")
    api.edit(path, "review", today=TODAY)
    assert path.read_text(encoding="utf-8") == f"# T\n\n{expected}\n\n## Current Focus\n\nx\n"


@pytest.mark.parametrize(
    "unreadable", ["2026-02-30", "0000-01-01", "99999-01-01", "June 2022", "Sept. 2025", "2022-06"]
)
def test_review_sets_right_a_date_that_cannot_be_read(tmp_path: Path, unreadable: str) -> None:
    """MP204 says the date cannot be read, or names a month, not a day; review is how a user
    fixes it (it refused a month: "cannot find the date to update")."""
    path = tmp_path / "roadmap.md"
    text = "# T\n\n**Last updated:** {}\n**Next review:** 2026-12-01\n\n## Current Focus\n"
    path.write_text(text.format(unreadable), encoding="utf-8")
    api.edit(path, "review", today=TODAY)
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# T\n\n**Last updated:** 2026-11-25\n**Next review:** 2026-12-")


@pytest.mark.parametrize("next_review", ["2022-09-01", "September 2022"])
def test_review_sets_right_a_month_sharing_its_line_with_the_next_review(
    tmp_path: Path, next_review: str
) -> None:
    path = tmp_path / "roadmap.md"
    line = f"**Last updated:** June 2022 · **Next review:** {next_review}"
    path.write_text(f"# T\n\n{line}\n\n## Current Focus\n", encoding="utf-8")
    api.edit(path, "review", today=TODAY)
    assert path.read_text(encoding="utf-8").startswith(
        "# T\n\n**Last updated:** 2026-11-25 · **Next review:** 2026-12-"
    )


def test_review_refuses_a_next_review_in_the_past(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(capsys, "review", "memory", "--next", "2026-11-24", "--by", "@x")
    assert "before today" in err
    assert (
        main(["review", "memory", "--next", "2026-11-25", "--by", "@x", "--today", "2026-11-25"])
        == 0
    )


# request


def test_no_matching_request_lists_what_there_is(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(capsys, "request", "memory", "new request", "--status", "planned")
    assert "no request matches 'new request' (3 requests here: " in err
    assert "'Postgres-backed vector storage'" in err and "no requests here" not in err
    err = _refused(capsys, "request", "memory", "Postgres vektor", "--status", "planned")
    assert "(closest: 'Postgres-backed vector storage')" in err


def test_requests_are_listed_by_what_people_call_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A request was listed by its description: "**Dark mode** - for night use" as 'for night
    use' and "**Offline:** work on a plane" as 'work on a plane', not by its name."""
    monkeypatch.chdir(tmp_path)
    Path("roadmap.md").write_text(
        "# T Roadmap\n\n## Community Feedback\n\n- 📋 **Dark mode** - for night use\n"
        "- **Request 2:** Sync - Status: Planned\n- **Offline:** work on a plane\n",
        encoding="utf-8",
    )
    err = _refused(capsys, "request", "roadmap.md", "xyz", "--status", "planned")
    assert "(3 requests here: 'Dark mode'; 'Sync'; 'Offline')" in err
    err = _refused(capsys, "request", "roadmap.md", "o", "--status", "planned")
    assert "line 5: 'Dark mode'; line 7: 'Offline'" in err


# ship


def test_ship_refuses_a_dropped_item(portfolio: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(capsys, "ship", "memory", "Redis")
    assert "roadmap.md:13: 'Redis memory backend" in err and "is dropped" in err
    assert "`milepost start` it first" in err
    assert main(["ship", "--help"]) == 0
    assert "dropped item is not shipped" in " ".join(capsys.readouterr().out.split())


def test_ship_refuses_an_impact_it_cannot_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "roadmap.md").write_text(
        "# T Roadmap\n\n## Current Focus\n\n### November 2026\n\n| Feature | Status |\n"
        "| --- | --- |\n| Gamma | Planned |\n\n## Medium-Term Goals\n\n- 📋 Delta\n\n"
        "## Completed Milestones\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    err = _refused(capsys, "ship", "roadmap.md", "gamma", "--impact", "big win")
    assert "roadmap.md:9: --impact has nowhere to go: a table row is marked done where" in err
    err = _refused(capsys, "ship", "roadmap.md", "delta", "--details", "https://x.org")
    assert "--details has nowhere to go: only Current Focus items are recorded" in err
    assert main(["ship", "roadmap.md", "gamma", "--today", "2026-11-25"]) == 0
    assert "| Gamma | Completed |" in (tmp_path / "roadmap.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", ["---\n\n", ""])
def test_ship_records_the_milestone_above_the_footer(tmp_path: Path, rule: str) -> None:
    path = tmp_path / "roadmap.md"
    footer = f"{rule}**Next roadmap review:** 2026-12-09\n\n*Last updated: 2026-11-20 by @gus*\n"
    path.write_text(
        "# T Roadmap\n\n## Current Focus\n\n### November 2026\n- 🚧 Gamma\n\n"
        "## Completed Milestones\n\n### October 2026\n- ✅ Beta shipped\n\n" + footer,
        encoding="utf-8",
    )
    api.edit(path, "ship", item="gamma", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert text.endswith(
        "## Completed Milestones\n\n### November 2026\n- ✅ Gamma shipped\n\n"
        "### October 2026\n- ✅ Beta shipped\n\n" + footer
    )
    # and into a month that is the last thing before the footer
    path.write_text(text.replace("### October 2026\n- ✅ Beta shipped\n\n", ""), "utf-8")
    api.edit(path, "plan", item="Delta", today=TODAY)
    api.edit(path, "ship", item="delta", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("- ✅ Gamma shipped\n- ✅ Delta shipped\n\n" + footer)


def test_an_item_shipped_and_kept_is_still_found_by_its_title(portfolio: Path) -> None:
    path = _memory(portfolio)
    api.edit(path, "ship", item="Per-agent memory namespaces", keep=True, today=TODAY)
    edited = api.edit(path, "block", item="Per-agent memory namespaces", today=TODAY)
    assert edited.description == "Per-agent memory namespaces: Blocked"
    blocked = find_item(milepost.load(path), "Per-agent memory namespaces")
    assert blocked.status is Status.BLOCKED and "Current Focus" in blocked.section[1]


def test_lookup_takes_the_unmarked_plan_over_its_record() -> None:
    roadmap = milepost.loads(
        "# T Roadmap\n\n## Current Focus\n\n### November 2026\n- Search\n\n"
        "## Completed Milestones\n\n### October 2026\n- ✅ Search shipped\n"
    )
    assert "Current Focus" in find_item(roadmap, "Search").section[1]


def test_lookup_does_not_take_a_goals_feature_for_its_shipped_record() -> None:
    roadmap = milepost.loads(
        "# T Roadmap\n\n## Medium-Term Goals\n\n#### Goal 1: Find\n**Features:**\n- Search\n\n"
        "## Completed Milestones\n\n### October 2026\n- ✅ Search shipped\n"
    )
    assert find_item(roadmap, "Search").status is Status.DONE


def test_ship_does_not_repeat_a_reference_of_the_title(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
        "- 🚧 **In Progress:** Redis backend (#287) - for big swarms (#12) @ann\n"
        "- 🚧 **In Progress:** Search #30 @ann\n\n## Completed Milestones\n",
        encoding="utf-8",
    )
    api.edit(path, "ship", item="redis", today=TODAY)
    api.edit(path, "ship", item="search", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert "- ✅ Redis backend (#287) - for big swarms shipped (#12) @ann\n" in text
    assert "- ✅ Search shipped (#30) @ann\n" in text


# rollover


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-10", "cannot roll over to October 2026: it is in the past"),
        ("2026-11", "Current Focus already starts at November 2026: nothing to roll over"),
    ],
)
def test_rollover_refuses_a_month_not_after_the_focus(
    portfolio: Path, capsys: pytest.CaptureFixture[str], month: str, message: str
) -> None:
    err = _refused(capsys, "rollover", "memory", "--to", month)
    assert message in err


def test_rollover_refuses_to_put_a_month_above_the_focus(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### January 2027\n"
        "- 📋 Export\n\n## Completed Milestones\n",
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match="starts at January 2027: December 2026 would go above"):
        api.edit(path, "rollover", today=TODAY, month=dt.date(2026, 12, 1))
    api.edit(path, "rollover", today=TODAY, month=dt.date(2027, 2, 1))
    assert "### February 2027\n- 📋 Export (carried over from January 2027)" in path.read_text(
        encoding="utf-8"
    )


def test_rollover_refuses_a_month_written_as_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "roadmap.md").write_text(
        "# T Roadmap\n\n## Current Focus\n\n### October 2026\n\n| Feature | Status |\n"
        "| --- | --- |\n| Alpha | Done |\n| Beta | Planned |\n\n### November 2026\n\n"
        "- 📋 Gamma\n\n## Completed Milestones\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    err = _refused(capsys, "rollover", "roadmap.md")
    assert "roadmap.md:9: October 2026 holds its items in a table" in err


def test_rollover_past_every_month_of_the_focus(portfolio: Path) -> None:
    """Every month of Current Focus rolls over: the new months take their place (this was
    refused as 'overlapping edits')."""
    path = portfolio / "tracks" / "web-ui" / "roadmap.md"
    api.edit(path, "rollover", today=dt.date(2027, 1, 5))
    roadmap = milepost.load(path)
    assert roadmap.focus is not None
    assert [p.heading for p in roadmap.focus.periods] == ["January 2027", "February 2027"]
    text = path.read_text(encoding="utf-8")
    assert "**Theme:** See what a swarm is doing while it runs\n\n### January 2027\n- 🚧" in text
    assert "<!-- plan February 2027 here -->\n\n## Medium-Term Goals" in text


# the document's own voice


def test_edits_write_the_emoji_and_boxes_the_document_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "r.md"
    path.write_text(
        "# R Roadmap\n\n## Current Focus\n\n### November 2026\n- 🔄 Alpha\n- 🗓️ Beta\n- 🗓️ Gamma\n",
        encoding="utf-8",
    )
    api.edit(path, "start", item="beta", today=TODAY)
    api.edit(path, "plan", item="Delta", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert "- 🔄 Beta\n- 🗓️ Gamma\n- 🗓️ Delta\n" in text
    assert main(["check", "r.md", "--select", "MP7", "--today", "2026-11-25"]) == 0, (
        capsys.readouterr().out
    )
    boxes = tmp_path / "b.md"
    boxes.write_text(
        "# B Roadmap\n\n## Current Focus\n\n### November 2026\n- [x] Alpha\n- [ ] Beta\n",
        encoding="utf-8",
    )
    api.edit(boxes, "plan", item="Gamma", today=TODAY)
    assert "- [ ] Beta\n- [ ] Gamma\n" in boxes.read_text(encoding="utf-8")
    assert milepost.load(boxes).items[-1].status is Status.PLANNED
    # shipping: marked like the milestones already there, whatever the plans use
    marks = tmp_path / "m.md"
    marks.write_text(
        "# M Roadmap\n\n## Current Focus\n\n### November 2026\n- ✔️ A\n- ✔️ B\n- 📋 C\n\n"
        "## Completed Milestones\n\n### October 2026\n- ✅ Z shipped\n",
        encoding="utf-8",
    )
    api.edit(marks, "ship", item="C", today=TODAY)
    assert "### November 2026\n- ✅ C shipped\n" in marks.read_text(encoding="utf-8")
    with boxes.open("a", encoding="utf-8") as f:
        f.write("\n## Completed Milestones\n\n### October 2026\n- [x] Zeta shipped\n")
    api.edit(boxes, "ship", item="beta", today=TODAY)
    assert "### November 2026\n- [x] Beta shipped\n\n### October" in boxes.read_text("utf-8")


def test_plan_adds_a_row_to_a_month_written_as_a_table(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(
        "# T Roadmap\n\n## Current Focus\n\n### November 2026\n\n| Feature | Status | Owner |\n"
        "|---|---|---|\n| Alpha | ✅ Done | @a |\n| Beta | 📋 Planned | @b |\n\n"
        "### December 2026\n- 📋 Zeta\n",
        encoding="utf-8",
    )
    api.edit(path, "plan", item="Gamma", issue="12", today=TODAY)
    api.edit(path, "plan", item="Eta", today=TODAY, month=dt.date(2026, 12, 1))
    text = path.read_text(encoding="utf-8")
    assert "| Beta | 📋 Planned | @b |\n| Gamma (#12) | 📋 Planned | |\n\n### December" in text
    assert "- 📋 Zeta\n- 📋 Eta\n" in text  # a month of bullets keeps bullets
    gamma = next(i for i in milepost.load(path).items if i.title == "Gamma")
    assert (gamma.kind, gamma.status, gamma.refs) == ("row", Status.PLANNED, ("#12",))
    # a pipe in the title stays in its cell; the owner goes to the Owner column
    api.edit(path, "plan", item="Fuzzy | search", owner="c", today=TODAY)
    assert "| Fuzzy \\| search | 📋 Planned | @c |\n" in path.read_text(encoding="utf-8")
    fuzzy = find_item(milepost.load(path), "Fuzzy | search")
    assert (fuzzy.kind, fuzzy.status, fuzzy.owners) == ("row", Status.PLANNED, ("@c",))


# plan, and the text every edit writes


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Per-agent memory namespaces",), "roadmap.md:15: 'Per-agent memory namespaces' is"),
        (("per-agent  MEMORY namespaces", "--month", "2026-12"), "already in Current Focus"),
        (("Quotas", "--issue", "abc"), "--issue 'abc' is not an issue"),
        (("Quotas", "--issue", "https://example.com/1"), "does not read as an issue reference"),
        (("Quotas", "--owner", "a b"), "--owner 'a b' is not a name"),
        (("Quotas\nand more",), "the title must be one line"),
        (("Quotas", "--owner", "ann\n"), "--owner must be one line"),
        (("  ",), "the title is empty"),
        (("Quotas", "--month", "2024-01"), "cannot plan for January 2024: it is in the past"),
    ],
)
def test_plan_refuses(
    portfolio: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert message in _refused(capsys, "plan", "memory", *args)


@pytest.mark.parametrize(
    "args",
    [
        ("block", "memory", "snapshots", "--reason", "waiting\non #412"),
        ("block", "memory", "snapshots", "--reason", ""),
        ("ship", "memory", "snapshots", "--impact", "a\rb"),
        ("risk", "memory", "Vendor\nlock-in", "--likelihood", "low", "--impact", "low"),
        ("review", "memory", "--by", ""),
    ],
)
def test_text_options_are_one_line_and_not_empty(
    portfolio: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    err = _refused(capsys, *args)
    assert "must be one line" in err or "is empty" in err


def test_plan_a_title_with_markdown(portfolio: Path) -> None:
    """The line keeps its Markdown; the check compares what a reader sees."""
    path = _memory(portfolio)
    result = api.edit(
        path,
        "plan",
        item="See [the spec](https://x.y/s) and **bold** `code`",
        issue="https://github.com/swarmkit/swarmkit/issues/3",
        owner="gwen",
        today=TODAY,
    )
    assert result.description == "See the spec and bold code: planned for November 2026"
    line = (
        "- 📋 **Planned:** See [the spec](https://x.y/s) and **bold** `code` "
        "(https://github.com/swarmkit/swarmkit/issues/3) @gwen\n"
    )
    assert line in path.read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="'See the spec and bold code' is already in Current"):
        api.edit(path, "plan", item="See the spec and bold code", today=TODAY)


def test_plan_takes_an_issue_number_with_or_without_hash(portfolio: Path) -> None:
    path = _memory(portfolio)
    api.edit(path, "plan", item="Quotas", issue="#450", today=TODAY)
    api.edit(path, "plan", item="Exports", issue="451", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert "- 📋 **Planned:** Quotas (#450)\n- 📋 **Planned:** Exports (#451)\n" in text


# risk


def test_a_new_risk_needs_likelihood_impact_and_mitigation(
    portfolio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(capsys, "risk", "memory", "Another risk")
    assert "no risk matches 'Another risk'; adding it needs --likelihood, --impact," in err
    assert "'Embedding model changes invalidate stored vectors'" in err
    err = _refused(capsys, "risk", "memory", "Another risk", "--likelihood", "low")
    assert "adding it needs --impact, --mitigation" in err


def test_risk_says_added_or_updated(portfolio: Path) -> None:
    path = _memory(portfolio)
    added = api.edit(
        path,
        "risk",
        item="**Vendor** lock-in on [pgvector](https://x.y)",
        likelihood="Low",
        impact_level="High",
        mitigation="Keep the **LanceDB** backend",
        today=TODAY,
    )
    assert added.description == "Vendor lock-in on pgvector: added as Risk 4"
    assert (
        "- **Risk 4:** **Vendor** lock-in on [pgvector](https://x.y)\n  - Likelihood: Low\n"
        "  - Impact: High\n  - Mitigation: Keep the **LanceDB** backend\n"
    ) in path.read_text(encoding="utf-8")
    updated = api.edit(
        path, "risk", item="vendor lock-in", mitigation="A **second** backend", today=TODAY
    )
    assert updated.description == "Vendor lock-in on pgvector: updated"
    result = api.check([path], today=TODAY)
    assert not [d for d in result.diagnostics if d.code.startswith("MP4")]


# metric


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--target", "5 → 3"), "--target '5 → 3' holds an arrow"),
        (("--baseline", "5->3"), "--baseline '5->3' holds an arrow"),
        (("--current", "4 => 2"), "--current '4 => 2' holds an arrow"),
        (("--current", ""), "--current is empty"),
        (("--target", " "), "--target is empty"),
        (("--current", "5 (estimate)"), "--current '5 (estimate)' holds a parenthesis"),
    ],
)
def test_metric_refuses(
    portfolio: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert message in _refused(capsys, "metric", "memory", "overflow", *args)


def test_metric_values_from_python_are_checked_too(portfolio: Path) -> None:
    from milepost.edits.records import metric

    roadmap = milepost.load(_memory(portfolio))
    with pytest.raises(UsageError, match="holds an arrow"):
        metric(roadmap, "overflow", target="5 -> 3")
    with pytest.raises(UsageError, match="is empty"):
        metric(roadmap, "overflow", current="")


# finding the item


def test_the_work_item_wins_over_field_lines_and_requests(portfolio: Path) -> None:
    memory = milepost.load(_memory(portfolio))
    found = find_item(memory, "per-agent")  # also in "Dependencies: Per-agent namespaces"
    assert (found.span.first_line, found.title) == (15, "Per-agent memory namespaces")
    web_ui = milepost.load(portfolio / "tracks" / "web-ui" / "roadmap.md")
    found = find_item(web_ui, "dark mode")  # also "Request 1: Dark mode"
    assert (found.span.first_line, found.status) == (12, Status.PLANNED)


def test_two_work_items_stay_ambiguous() -> None:
    roadmap = milepost.loads(
        "# T\n\n## Current Focus\n\n### November 2026\n- 📋 Export data (#1)\n"
        "- 🚧 Export logs (#2)\n\n## Initiatives\n\n- **Dependencies:** Export data (#1)\n"
    )
    with pytest.raises(AmbiguousItemError, match=r"2 items match 'export': line 6 .* line 7 "):
        find_item(roadmap, "export")


def test_start_picks_the_work_item(portfolio: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["start", "memory", "per-agent", "--today", "2026-11-25"]) == 0
    assert "Per-agent memory namespaces: In Progress" in capsys.readouterr().out


# help


@pytest.mark.parametrize(
    ("command", "argument"),
    [
        ("start", "ITEM is words of the item's title"),
        ("block", "ITEM is words"),
        ("drop", "ITEM is words"),
        ("ship", "ITEM is words"),
        ("plan", "TITLE is the new item's text"),
        ("review", ""),
        ("metric", "METRIC is words of the metric's name"),
        ("request", "REQUEST is words of an existing community request"),
        ("risk", "DESCRIPTION is words of an existing risk's description"),
        ("rollover", ""),
    ],
)
def test_edit_help_explains_the_arguments(
    capsys: pytest.CaptureFixture[str], command: str, argument: str
) -> None:
    assert main([command, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "TRACK is a roadmap file, a folder holding one roadmap, or a track's slug or name" in out
    assert argument in out


def test_risk_help_describes_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["risk", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--likelihood [high|medium|low]  How likely" in out
    assert "--impact [high|medium|low]      How much it would hurt" in out


def test_plan_trims_the_title(portfolio: Path) -> None:
    path = _memory(portfolio)
    api.edit(path, "plan", item="  Quotas  ", today=TODAY)
    assert "- 📋 **Planned:** Quotas\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["start", "block", "drop", "ship"])
@pytest.mark.parametrize(
    ("item", "message"), [("", "ITEM is empty"), ("a\nb", "ITEM must be one line")]
)
def test_an_empty_or_multiline_item_is_named_item(
    portfolio: Path, capsys: pytest.CaptureFixture[str], command: str, item: str, message: str
) -> None:
    assert message in _refused(capsys, command, "memory", item, "--dry-run")


@pytest.mark.parametrize("step", ["mkstemp", "replace"])
def test_a_write_that_fails_names_the_roadmap_not_the_temp_file(
    portfolio: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    import errno
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        name = os.path.join("tracks", "memory", ".roadmap.md.afqymebe.tmp")
        raise PermissionError(errno.EPERM, "Operation not permitted", name)

    monkeypatch.setattr(tempfile if step == "mkstemp" else os, step, refuse)
    err = _refused(capsys, "start", "memory", "per-agent")
    assert err == (
        "milepost: error: tracks/memory/roadmap.md: cannot write: Operation not permitted\n"
    )
