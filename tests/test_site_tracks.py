"""The site's track pages: what they say of the roadmap they show, and how often a build
renders them."""

from __future__ import annotations

from pathlib import Path

from milepost.cli import main


def _site(*args: str | Path) -> int:
    return main(["site", *map(str, args), "--today", "2026-11-25", "--no-history"])


def _shown(page: Path) -> str:
    """The roadmap's path as the track page names it."""
    html = page.read_text(encoding="utf-8")
    return html.split("The roadmap as written, from <code>")[1].split("</code>")[0]


def test_a_track_page_names_its_roadmap_from_the_portfolio_root(tmp_path: Path) -> None:
    """``milepost site /home/me/repo/roadmaps -o out`` published "/home/me/repo/...": a page
    names its roadmap from the portfolio's root (the folder of the config, else the folder
    given), with ``/`` between folders, and no page holds the absolute path."""
    repo = tmp_path / "repo"
    roadmaps = repo / "roadmaps"
    (roadmaps / "teams" / "web").mkdir(parents=True)
    (roadmaps / "teams" / "web" / "roadmap.md").write_text("# Web Roadmap\n", encoding="utf-8")
    out = tmp_path / "site"
    page = out / "tracks" / "web.html"
    assert _site(roadmaps.resolve(), "-o", out) == 0
    assert _shown(page) == "teams/web/roadmap.md"
    assert not [p for p in out.rglob("*.html") if str(tmp_path) in p.read_text("utf-8")]
    # From a folder below, into the same site: the page is made again, not kept as it was.
    assert _site(roadmaps / "teams", "-o", out) == 0
    assert _shown(page) == "web/roadmap.md"
    # A config above the folder given: from the config's folder, for a folder or a file.
    (repo / "milepost.toml").write_text('roadmaps = ["**/roadmap.md"]\n', encoding="utf-8")
    assert _site(roadmaps / "teams", "-o", out) == 0
    assert _shown(page) == "roadmaps/teams/web/roadmap.md"
    assert _site(roadmaps / "teams" / "web" / "roadmap.md", "-o", tmp_path / "one") == 0
    assert _shown(tmp_path / "one" / "tracks" / "web.html") == "roadmaps/teams/web/roadmap.md"
