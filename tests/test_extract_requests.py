"""Community requests as roadmaps write them: their words, names and statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import milepost
from milepost.cli import main
from milepost.vocabulary.status import Status


def requests(body: str) -> list[tuple[str, str, Status | None]]:
    roadmap = milepost.loads(f"# T Roadmap\n\n## Community Feedback\n\n{body}")
    return [(r.name, r.description, r.status) for r in roadmap.requests]


@pytest.mark.parametrize(
    ("line", "name", "description", "status"),
    [
        ("- ✅ Better docs", "", "Better docs", Status.DONE),
        ("- 🚧 Dark mode - requested by @x", "", "Dark mode - requested by @x", Status.IN_PROGRESS),
        ("- 📋 Plugin API - Status: Planned", "", "Plugin API", Status.PLANNED),
        ("- 🚧 Plugin API - Status: Planned", "", "Plugin API", Status.PLANNED),
        ("- ✅ **Request 1:** Dark mode", "Request 1", "Dark mode", Status.DONE),
        ("- 🚧 **Request 2:** Sync - Status: In Progress", "Request 2", "Sync", Status.IN_PROGRESS),
        ("- ✅ **Dark mode:** easier on the eyes", "Dark mode", "easier on the eyes", Status.DONE),
        ("- **✅ Dark mode**", "", "Dark mode", Status.DONE),
        ("- ⏳ **PENDING** Plugin API", "", "Plugin API", Status.PLANNED),
        ("- **Done:** Export to CSV", "", "Export to CSV", Status.DONE),
        ("- ✅ **Completed:** Export to CSV", "", "Export to CSV", Status.DONE),
        ("- [x] ✅ Export to CSV", "", "Export to CSV", Status.DONE),
        ("- ✅ Offline mode (#12) @kim", "", "Offline mode (#12) @kim", Status.DONE),
        ("- Plugin API - Status: Planned", "", "Plugin API", Status.PLANNED),
        ("- **Request 5:** Dark mode - Completed", "Request 5", "Dark mode", Status.DONE),
        ("- **Request 6:** Dark mode (in progress)", "Request 6", "Dark mode", Status.IN_PROGRESS),
        ("- 📋 Export (in progress) #12", "", "Export #12", Status.IN_PROGRESS),
        ("- Bulk edit - Done - see #12", "", "Bulk edit - see #12", Status.DONE),
    ],
)
def test_a_request_is_its_words_without_its_leading_status_marker(
    line: str, name: str, description: str, status: Status
) -> None:
    """A list request led by a status emoji was described by its glyph and words ("✅ Better
    docs", "✅ Request 1: Dark mode", whose name, "Request 1", was then lost), and one led by a
    bold status label was named by it ("**Done:** Export" was the request "Done"), and one
    with a Status: field after a dash was named by the words before the field's colon
    ("Plugin API - Status" described as "Planned"); a status tag after the words stayed in
    them ("Dark mode - Completed"). The marker, the field and the tag say its status; its
    words are what is left."""
    assert requests(f"{line}\n") == [(name, description, status)]


def test_a_request_without_a_status_marker_keeps_its_glyph_and_words() -> None:
    """A glyph that says no status is part of what the request says."""
    assert requests("- 🎨 Themes\n- Dark mode\n") == [
        ("", "🎨 Themes", None),
        ("", "Dark mode", None),
    ]


def test_a_glyph_the_legend_defines_is_a_marker_too() -> None:
    roadmap = milepost.loads(
        "# T Roadmap\n\n**Legend:** 🟢 Done | ⚪ Planned\n\n## Community Feedback\n\n"
        "- 🟢 Dark mode\n- ⚪ **Request 2:** Sync\n"
    )
    assert [(r.name, r.description, r.status) for r in roadmap.requests] == [
        ("", "Dark mode", Status.DONE),
        ("Request 2", "Sync", Status.PLANNED),
    ]


@pytest.mark.parametrize(
    ("line", "name", "description"),
    [
        ("- 🚧 **Dark mode** - requested by @x", "Dark mode", "requested by @x"),
        (
            "- **Offline mode** – work on a plane - Status: Planned",
            "Offline mode",
            "work on a plane",
        ),
        ("- [ ] __Bulk edit__ — many at once", "Bulk edit", "many at once"),
        ("- ✅ **Sync - two way** - across devices", "Sync - two way", "across devices"),
        ("- **Dark mode** - Status: Planned", "", "Dark mode"),
        ("- Dark mode - requested by @x", "", "Dark mode - requested by @x"),
        ("- 🚧 Dark **mode** - requested by @x", "", "Dark mode - requested by @x"),
    ],
)
def test_a_bold_name_before_a_dash_names_the_request(
    line: str, name: str, description: str
) -> None:
    """ "**Dark mode** - requested by @x" was a request with no name, described by all its
    words. Set in bold before a dash, as the template sets "**Request 1:**" before a colon,
    the words name it and what follows the dash describes it; a name with nothing after it
    but a status stays the description, and a dash in plain words divides nothing."""
    assert [r[:2] for r in requests(f"{line}\n")] == [(name, description)]


def votes(body: str) -> list[tuple[str, int | None]]:
    roadmap = milepost.loads(f"# T Roadmap\n\n## Community Feedback\n\n{body}")
    return [(r.title, r.votes) for r in roadmap.requests]


def test_a_votes_column_gives_each_request_its_count() -> None:
    """A request in a table with a Votes column lost its votes: they were on no model and in
    no JSON. Each row's count is its request's (a 👍, +1 or Upvotes column too, a thumb or
    the word beside the number or not); a cell that holds no count gives none."""
    assert votes(
        "| Request | Votes | Status |\n|---|---|---|\n| Dark mode | 12 | Planned |\n"
        "| Sync | 👍 5 | 🚧 In Progress |\n| Export | | ✅ Done |\n| Themes | many | Planned |\n"
        "| Bulk edit | 1,204 votes | Planned |\n"
    ) == [("Dark mode", 12), ("Sync", 5), ("Export", None), ("Themes", None), ("Bulk edit", 1204)]
    assert votes("| Feature | 👍 | Status |\n|---|---|---|\n| Offline | 34 | Planned |\n") == [
        ("Offline", 34)
    ]
    assert votes("| Request | +1 |\n|---|---|\n| Offline | 3 |\n") == [("Offline", 3)]


def test_a_cell_that_counts_votes_gives_them_without_a_votes_column() -> None:
    """ "| Sync | 👍 9 | Planned |" says 9 votes whatever its column is called; a number that
    says nothing of votes (a Priority of 1) is none."""
    assert votes(
        "| Request | Reactions | Priority | Status |\n|---|---|---|---|\n"
        "| Sync | 👍 9 | 1 | Planned |\n| Export | | 2 | Planned |\n"
    ) == [("Sync", 9), ("Export", None)]


@pytest.mark.parametrize(
    ("line", "title", "count"),
    [
        ("- 🚧 Dark mode (12 votes)", "Dark mode", 12),
        ("- **Request 1:** Dark mode (👍 12) - Status: Planned", "Dark mode", 12),
        ("- 📋 Dark mode 👍 30", "Dark mode", 30),
        ("- Dark mode 👍12 - requested by @x", "Dark mode - requested by @x", 12),
        ("- Dark mode - 1 vote", "Dark mode", 1),
        ("- Dark mode - Votes: 7 - Status: Planned", "Dark mode", 7),
        ("- Dark mode - 12 votes - for night use", "Dark mode - for night use", 12),
        ("- **Request 4:** Dark mode - Status: Planned - 👍 12", "Dark mode", 12),
        ("- Dark mode [5 upvotes]", "Dark mode", 5),
        ("- Dark mode", "Dark mode", None),
        ("- Dark mode (12)", "Dark mode (12)", None),
        ("- Let users cast 12 votes per poll", "Let users cast 12 votes per poll", None),
        ("- Dark mode (12 votes) (👍 13)", "Dark mode (12 votes) (👍 13)", None),
    ],
)
def test_a_list_request_states_its_votes_in_its_words(
    line: str, title: str, count: int | None
) -> None:
    """A count of votes in brackets, after a thumb, or in a clause that ends the words is
    the request's, and no part of its description; a number that is not said to count votes,
    and two counts that disagree, are none."""
    assert votes(f"{line}\n") == [(title, count)]


def test_milepost_export_says_each_requests_votes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON carries the count where the roadmap states one, null where it does not."""
    (tmp_path / "roadmap.md").write_text(
        "# X Roadmap\n\n## Community Feedback\n\n| Request | Votes | Status |\n|---|---|---|\n"
        "| Dark mode | 12 | Planned |\n| Sync | | Planned |\n\n"
        "- Export (3 votes) - Status: Planned\n",
        encoding="utf-8",
    )
    assert main(["export", str(tmp_path / "roadmap.md")]) == 0
    (roadmap,) = json.loads(capsys.readouterr().out)["roadmaps"]
    assert [(r["description"], r["votes"]) for r in roadmap["requests"]] == [
        ("Dark mode", 12),
        ("Sync", None),
        ("Export", 3),
    ]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("blanks", [" " * 40_000, " \t" * 20_000])
@pytest.mark.parametrize(
    ("tail", "votes", "status"),
    [("x - Status: Planned", None, Status.PLANNED), ("1x", None, None), ("- 7 votes", 7, None)],
)
def test_a_request_with_a_long_run_of_blanks_reads_in_linear_time(
    blanks: str, tail: str, votes: int | None, status: Status | None
) -> None:
    # Patterns that opened with blanks were tried at every blank of the run and scanned the
    # rest of it each time: 400 blanks took 9 s, 40,000 would have taken days.
    text = f"# T\n\n## Community Feedback\n\n- Dark mode{blanks}{tail}\n"
    (request,) = milepost.loads(text, path="x.md").requests
    assert (request.votes, request.status) == (votes, status)
    assert request.description.startswith("Dark mode")
    assert "Status" not in request.description and "votes" not in request.description
