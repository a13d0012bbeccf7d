"""An item or request whose status is a ``Status:`` field: an edit sets the field's value and
changes nothing around it, and a ``--reason`` never goes after it, where it would be read as
part of the value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import milepost
from milepost import api
from milepost.cli import main
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.edits import records
from milepost.errors import UsageError
from milepost.model import Status

FOCUS = "# T Roadmap\n\n## Current Focus\n\n### November 2026\n"
TODAY = "2026-11-25"


def _restatused(line: str, status: Status, reason: str | None = None) -> str:
    """The item of ``line`` given ``status``, as its line then reads (checked against the
    model as the edit's own check reads it)."""
    text = f"{FOCUS}{line}\n"
    roadmap = milepost.loads(text)
    (item,) = roadmap.items
    edit = ops.set_status(roadmap, item, status, reason=reason)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    return after[len(FOCUS) :].rstrip("\n")


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        ("- Status: Planned", Status.BLOCKED, "- (waiting on #4) Status: Blocked"),
        ("- Status: Planned", Status.DROPPED, "- (waiting on #4) Status: Dropped"),
        ("- (Status: Planned)", Status.BLOCKED, "- (waiting on #4) (Status: Blocked)"),
        ("- [ ] Status: Planned", Status.BLOCKED, "- [ ] (waiting on #4) Status: Blocked"),
        ("- 📋 Status: Planned", Status.DROPPED, "- ❌ (waiting on #4) Status: Dropped"),
        (
            "- Export - Status: Planned",
            Status.BLOCKED,
            "- Export (waiting on #4) - Status: Blocked",
        ),
        # a bold label leads the item: its value ends where words begin, the note ends them
        ("- **Status:** Planned", Status.BLOCKED, "- **Status:** Blocked (waiting on #4)"),
        ("- **Status:** 📋 Planned", Status.DROPPED, "- **Status:** ❌ Dropped (waiting on #4)"),
        # owners after the field stay after it, and after the note
        (
            "- **Status:** Planned @kim",
            Status.BLOCKED,
            "- **Status:** Blocked (waiting on #4) @kim",
        ),
        ("- Status: Planned @kim", Status.BLOCKED, "- (waiting on #4) Status: Blocked @kim"),
        (
            "- Dark mode — **Status:** Planned @kim",
            Status.BLOCKED,
            "- Dark mode (waiting on #4) — **Status:** Blocked @kim",
        ),
    ],
)
def test_a_reason_goes_before_a_field_that_is_all_the_item_says(
    line: str, status: Status, after: str
) -> None:
    """``block --reason`` on "- Status: Planned" was refused as not applied: with nothing
    before the field, the note went after it ("Status: Blocked (waiting on #4)"), and the
    value it then had named no status. The note goes before the field, as it does after an
    item's words. A bold ``**Status:**`` label leading the item lost the note, silently."""
    assert _restatused(line, status, reason="waiting on #4") == after


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("- Dark mode - status: planned.", "- Dark mode - status: in progress."),
        ("- Dark mode - Status: Planned!", "- Dark mode - Status: In Progress!"),
        ("- Dark mode (Status: Planned.)", "- Dark mode (Status: In Progress.)"),
        ("- Dark mode - **Status:** _Planned_.", "- Dark mode - **Status:** _In Progress_."),
    ],
)
def test_punctuation_after_a_fields_value_stays(line: str, after: str) -> None:
    """The value read ran to the end of the words, a closing "." or "!" and all, and the
    edit wrote the new word over it ("status: in progress", the full stop gone)."""
    assert _restatused(line, Status.IN_PROGRESS) == after


def test_a_fields_value_ends_before_a_joining_mark(tmp_path: Path) -> None:
    """A Status field's words end before "·", "+" or "/": the edit wrote the new status
    before the whole value, the old kept after it ("**Status:**🚧 In Progress Planned · ...",
    "🚧 In Progress✅ Done + Deployed")."""
    text = "# R\n\n### Pay\n\n**Status:** Planned · **Owner:** @kim\n"
    text += "\n### Login\n\n**Status**: ✅ Done + Deployed\n"
    text += "\n### Sync\n\n**Status**: Future/Optional\n"
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    for item in ("Pay", "Login", "Sync"):
        api.edit(path, "start", item=item, today=dt.date(2026, 11, 27))
    assert path.read_text(encoding="utf-8") == (
        text.replace("Planned ·", "In Progress ·")
        .replace("✅ Done + Deployed", "🚧 In Progress + Deployed")
        .replace("Future/Optional", "In Progress/Optional")
    )


REQUESTS = "# T Roadmap\n\n## Community Feedback\n\n"


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        (
            "- **Dark mode**: make it dark - Status: Planned.",
            Status.DONE,
            "- **Dark mode**: make it dark - Status: Completed.",
        ),
        # a value that names no status gives no case to copy: the word is written as usual
        (
            "- **Dark mode**: make it dark - Status: TBD",
            Status.PLANNED,
            "- **Dark mode**: make it dark - Status: Planned",
        ),
        (
            "- **Dark mode**: make it dark - Status: tbd!",
            Status.IN_PROGRESS,
            "- **Dark mode**: make it dark - Status: In Progress!",
        ),
    ],
)
def test_request_sets_the_words_of_the_value_alone(line: str, status: Status, after: str) -> None:
    """``request --status completed`` on "Status: Planned." lost the full stop, and
    ``--status planned`` on "Status: TBD" wrote "PLANNED", in the case of a word that is no
    status."""
    text = f"{REQUESTS}{line}\n"
    roadmap = milepost.loads(text)
    edit = records.request(roadmap, "dark mode", status=status)
    written = apply(roadmap.document.source, edit.patches).text
    assert written == f"{REQUESTS}{after}\n"
    assert edit.verify(milepost.loads(written)) is None


@pytest.mark.parametrize(
    ("line", "command", "said", "after"),
    [
        (
            "- Status: Planned @kim",
            ["block", "--reason", "waiting on #4"],
            "the item on line 6: Blocked",
            "- (waiting on #4) Status: Blocked @kim",
        ),
        ("- **Status:** Planned", ["start"], "the item on line 6: In Progress", None),
        ("- ✅ **Shipped**", ["drop"], "the item on line 6: Dropped", "- ❌ **Dropped**"),
        # a title of its own is its name, a field after it or not
        ("- Search - Status: Planned", ["block"], "Search: Blocked", None),
    ],
)
def test_an_item_that_is_its_status_field_is_named_by_its_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    line: str,
    command: list[str],
    said: str,
    after: str | None,
) -> None:
    """``block --reason`` on "- Status: Planned @kim" printed "Status: Planned: Blocked":
    the item's title, which is its old status, then its new one, as if it were both. An
    item that says nothing but its status is named by its line."""
    (tmp_path / "roadmap.md").write_text(f"{FOCUS}{line}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([command[0], "roadmap.md", "--line", "6", *command[1:], "--today", TODAY]) == 0
    assert capsys.readouterr().out == f"roadmap.md: {said}\n"
    if after is not None:
        assert (tmp_path / "roadmap.md").read_text(encoding="utf-8") == f"{FOCUS}{after}\n"


MILESTONES = "\n## Completed Milestones\n\n### October 2026\n- ✅ Login shipped\n"


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("- **Status:** Planned @kim", "- **Status:** Completed @kim"),
        ("- Status: 🚧 In Progress", "- Status: ✅ Completed"),
    ],
)
def test_ship_marks_an_item_that_is_its_status_done_where_it_stands(
    tmp_path: Path, line: str, after: str
) -> None:
    """Shipped, "- **Status:** Planned @kim" was recorded under Completed Milestones as
    "✅ Status: Planned shipped @kim" (and "- **Status:** 📋 Planned" refused, its record
    read as planned): there is no work named to record. It is done where it stands."""
    path = tmp_path / "roadmap.md"
    path.write_text(f"{FOCUS}{line}\n{MILESTONES}", encoding="utf-8")
    result = api.edit(path, "ship", line=6, today=dt.date(2026, 11, 25))
    assert result.description == "the item on line 6: done (no title of its own to record)"
    assert path.read_text(encoding="utf-8") == f"{FOCUS}{after}\n{MILESTONES}"
    with pytest.raises(UsageError, match="--impact has nowhere to go: it has no title of its"):
        api.edit(path, "ship", line=6, impact="faster", today=dt.date(2026, 11, 25))


@pytest.mark.parametrize(
    ("line", "said"),
    [("- [ ] Research", "Research: shipped"), ("- 🚧 Testing @kim", "Testing: shipped")],
)
def test_a_title_that_is_also_a_status_word_is_still_a_title(
    tmp_path: Path, line: str, said: str
) -> None:
    """An item marked by its box or emoji alone and named by one word that can say a status
    ("Research", "Testing") was taken for an item of no title: ``ship`` marked it done in
    place, "no title of its own to record", and refused ``--impact``."""
    path = tmp_path / "roadmap.md"
    path.write_text(f"{FOCUS}{line}\n{MILESTONES}", encoding="utf-8")
    result = api.edit(path, "ship", line=6, impact="faster", today=dt.date(2026, 11, 25))
    assert result.description == said
    title = said.partition(":")[0]
    assert f"- ✅ {title} shipped - faster" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "after", "said"),
    [
        ("- 📋 Planned: Dark theme", "- ✅ Completed: Dark theme", "Dark theme: Completed"),
        (
            "- **Status:** Planned - Dark theme",
            "- **Status:** Completed - Dark theme",
            "Dark theme: Completed",
        ),
        (
            "- Dark theme (in progress) @kim",
            "- Dark theme (completed) @kim",
            "Dark theme: Completed",
        ),
        ("- Status: Planned", "- Status: Completed", "the item on line 5: Completed"),
        # named by its name, or the words the template numbers
        ("- **Request 1:** Dark theme - Status: Planned @kim", None, "Dark theme: Completed"),
        # a field added goes before the owners, where it is read
        ("- Dark theme @kim", "- Dark theme - Status: Completed @kim", "Dark theme: Completed"),
    ],
)
def test_request_names_the_request_without_its_old_status(
    line: str, after: str | None, said: str
) -> None:
    """``request --status completed`` on "- 📋 Planned: Dark theme" said "📋 Planned: Dark
    theme: Completed", and on "- **Status:** Planned - Dark theme" "Status: Completed" (its
    label read as its name), each naming the request by its old status; a field added to
    "- Dark theme @kim" went after the owner ("@kim - Status: Completed")."""
    text = f"{REQUESTS}{line}\n"
    roadmap = milepost.loads(text)
    edit = records.request(
        roadmap, "dark theme" if "Dark" in line else "planned", status=Status.DONE
    )
    written = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(written)) is None
    if after is not None:
        assert written == f"{REQUESTS}{after}\n"
    assert edit.description == said


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        (
            "- Report - Status: 📋 Planned @kim, @bo",
            Status.IN_PROGRESS,
            "- Report - Status: 🚧 In Progress @kim, @bo",
        ),
        (
            "- Report - Status: Planned #12, #13",
            Status.BLOCKED,
            "- Report - Status: Blocked #12, #13",
        ),
        ("- Report - in progress @kim, @bo", Status.BLOCKED, "- Report - blocked @kim, @bo"),
    ],
)
def test_owners_between_commas_after_a_tag_stay(line: str, status: Status, after: str) -> None:
    """Owners or references listed with commas after a field ("Status: 📋 Planned @kim,
    @bo") were read as part of its value: ``start`` wrote "Status: 🚧 In Progress @bo",
    @kim gone; without an emoji, or after a dash tag, the item read as no status and
    ``block`` wrote "⛔ Report - Status: Planned", saying two things."""
    roadmap = milepost.loads(f"{FOCUS}{line}\n")
    (item,) = roadmap.items
    assert item.title == "Report"
    assert item.status is not None
    assert len(item.owners or item.refs) == 2
    assert _restatused(line, status) == after
