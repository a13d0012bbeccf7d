"""The site's header: the pages it links to, the one shown marked for every reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from milepost import api
from tests.conftest import EXAMPLES, TODAY
from tests.test_site import PAGES

#: Each page and the label of its link in the header.
LABELS = {
    "index.html": "Tracks",
    "items.html": "Items",
    "timeline.html": "Timeline",
    "risks.html": "Risks",
    "graph.html": "Dependencies",
    "metrics.html": "Metrics",
    "requests.html": "Requests",
    "history.html": "History",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("header") / "site"
    api.site([EXAMPLES], out, today=TODAY)
    return out


def _nav(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    nav = html.split('<nav aria-label="Pages">')[1].split("</nav>")[0]
    return re.findall(r"<a [^>]*>[^<]*</a>", nav)


def test_the_header_links_every_page_once() -> None:
    assert sorted(LABELS) == sorted(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_the_header_marks_the_page_shown(site: Path, name: str) -> None:
    """Every link of the header looked the same, wherever one was: the page's own says
    ``aria-current="page"`` (a screen reader says "current page"), and only that one."""
    links = _nav(site / name)
    assert len(links) == len(LABELS)
    current = [link for link in links if "aria-current" in link]
    assert current == [f'<a href="{name}" aria-current="page">{LABELS[name]}</a>']


def test_a_track_page_marks_the_tracks_it_is_one_of(site: Path) -> None:
    """A track page has no link of its own in the header: "Tracks" is marked as where it
    belongs (``aria-current="true"``, not "page": the index is not the page shown)."""
    links = _nav(site / "tracks" / "memory.html")
    current = [link for link in links if "aria-current" in link]
    assert current == ['<a href="../index.html" aria-current="true">Tracks</a>']
