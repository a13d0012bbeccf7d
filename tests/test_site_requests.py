"""The site's requests board: each request under its status, as its roadmap says it."""

from __future__ import annotations

from pathlib import Path

from milepost import api
from tests.conftest import TODAY


def _board(tmp_path: Path, feedback: str) -> str:
    """The requests page of a portfolio of one track, X, whose Community Feedback is
    ``feedback``."""
    portfolio = tmp_path / "p"
    (portfolio / "x").mkdir(parents=True)
    (portfolio / "x" / "roadmap.md").write_text(
        f"# X Roadmap\n\n## Community Feedback\n\n{feedback}", encoding="utf-8"
    )
    api.site([portfolio], tmp_path / "site", today=TODAY)
    return (tmp_path / "site" / "requests.html").read_text(encoding="utf-8")


def test_a_request_is_shown_by_its_name_and_its_description(tmp_path: Path) -> None:
    """ "**Dark mode:** easier on the eyes" was on the board as "easier on the eyes", and a
    table's "| Offline | Work on a plane |" as "Work on a plane": its description alone. A
    request with a name shows it before its description, as the risks page does; one the
    template only numbers ("Request 1") shows its description."""
    board = _board(
        tmp_path,
        "- **Dark mode:** easier on the eyes - Status: Planned\n"
        "- **Request 2:** Sync across devices - Status: Planned\n"
        "- Plugin API - Status: Planned\n\n"
        "| Request | Description | Status |\n|---|---|---|\n"
        "| Offline | Work on a plane | Planned |\n",
    )
    link = '<a class="muted" href="tracks/x.html">X</a>'
    assert f"<li><strong>Dark mode</strong>: easier on the eyes {link}</li>" in board
    assert f"<li>Sync across devices {link}</li>" in board
    assert f"<li>Plugin API {link}</li>" in board
    assert f"<li><strong>Offline</strong>: Work on a plane {link}</li>" in board


def test_a_request_shows_its_votes_where_its_roadmap_states_them(tmp_path: Path) -> None:
    """The board showed no votes: a table's Votes column and "(12 votes)" were lost."""
    board = _board(
        tmp_path,
        "| Request | Votes | Status |\n|---|---|---|\n| Dark mode | 12 | Planned |\n"
        "| Sync | 1 | Planned |\n| Export | | Planned |\n\n"
        "- **Offline:** work on a plane (👍 4) - Status: In Progress\n",
    )
    link = '<a class="muted" href="tracks/x.html">X</a>'
    assert f'<li>Dark mode <span class="badge muted">12 votes</span> {link}</li>' in board
    assert f'<li>Sync <span class="badge muted">1 vote</span> {link}</li>' in board
    assert f"<li>Export {link}</li>" in board
    assert (
        f'<li><strong>Offline</strong>: work on a plane <span class="badge muted">4 votes</span>'
        f" {link}</li>"
    ) in board
