"""Community requests as roadmaps write them: their words, names and statuses."""

from __future__ import annotations

import pytest

import milepost
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
    ],
)
def test_a_request_is_its_words_without_its_leading_status_marker(
    line: str, name: str, description: str, status: Status
) -> None:
    """A list request led by a status emoji was described by its glyph and words ("✅ Better
    docs", "✅ Request 1: Dark mode", whose name, "Request 1", was then lost), and one led by a
    bold status label was named by it ("**Done:** Export" was the request "Done"), and one
    with a Status: field after a dash was named by the words before the field's colon
    ("Plugin API - Status" described as "Planned"). The marker and the field say its status;
    its words are what is left."""
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
