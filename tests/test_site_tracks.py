"""The site's track pages: what they say of the roadmap they show, and how often a build
renders them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from milepost.api import check_parallel
from milepost.cli import main
from tests.conftest import EXAMPLES, TODAY


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


def test_roadmaps_named_one_by_one_without_a_config_are_named_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files given one by one, no config: each page names its roadmap by the path as typed
    (relative, with no ``..``), not by its bare name ("roadmap.md" for every track); an
    absolute path is still not published."""
    for slug in ("memory", "web"):
        (tmp_path / "plans" / slug).mkdir(parents=True)
        (tmp_path / "plans" / slug / "roadmap.md").write_text(f"# {slug} Roadmap\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    files = ["plans/memory/roadmap.md", "plans/web/roadmap.md"]
    assert _site(*files, "-o", "out") == 0
    assert [_shown(tmp_path / "out" / "tracks" / f"{s}.html") for s in ("memory", "web")] == files
    absolute = [tmp_path / f for f in files]
    assert _site(*absolute, "-o", "abs") == 0
    assert _shown(tmp_path / "abs" / "tracks" / "web.html") == "roadmap.md"
    monkeypatch.chdir(tmp_path / "plans" / "web")
    assert _site("../memory/roadmap.md", "-o", tmp_path / "up") == 0
    assert _shown(tmp_path / "up" / "tracks" / "memory.html") == "roadmap.md"


def _pages(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.relative_to(folder).as_posix().startswith(".milepost")
    }


@pytest.mark.parametrize("workers", ["one process", "worker processes"])
def test_namesakes_are_rendered_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """Two tracks of one name are "Memory (memory)" and "Memory (recall)": each page was
    rendered as "Memory", then again under its label once the names were all known. Each
    track is rendered once, under its label, on a first build and when a namesake comes or
    goes (a track renamed: the other is kept, but called otherwise); the pages are those of
    a clean build."""
    from milepost.render.site import track_page
    from milepost.sitebuild import rendering

    if workers == "worker processes":
        monkeypatch.setattr(rendering, "PARALLEL_FROM", 2)
    rendered: list[str] = []

    def counted(track: Any, **options: Any) -> Any:
        rendered.append(track.track)
        return track_page(track, **options)

    # Counted in this process only: worker processes render with what they were started with.
    monkeypatch.setattr("milepost.sitebuild.rendering.track_page", counted)
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    shutil.copytree(portfolio / "tracks" / "memory", portfolio / "tracks" / "recall")
    recall = portfolio / "tracks" / "recall" / "roadmap.md"
    memory = recall.read_text(encoding="utf-8")
    out, progress = tmp_path / "site", list[str]()
    others = ["Evaluation", "Orchestration", "Tool Use", "Web UI"]
    namesakes = ["Memory (memory)", "Memory (recall)"]
    renamed = memory.replace("# Memory Roadmap", "# Recall Roadmap")
    for text, names, reused in [
        (memory, namesakes, []),  # a first build
        (renamed, ["Memory", "Recall"], others),  # Memory is kept, but called otherwise
        (memory, namesakes, others),
    ]:
        recall.write_text(text, encoding="utf-8")
        progress.clear()
        rendered.clear()
        built = api.site([portfolio], out, today=TODAY, progress=progress.append)
        assert not built.errors and built.reused == len(reused)
        assert sorted(progress) == sorted([*others, *names])  # each track once
        if workers == "one process":
            assert sorted(rendered) == sorted(set(progress) - set(reused))
    api.site([portfolio], tmp_path / "clean", today=TODAY)
    assert _pages(out) == _pages(tmp_path / "clean")


def test_a_track_page_counts_its_items_in_the_index_order(tmp_path: Path) -> None:
    """The Items card listed the counts by their names' letters ("4 done, 1 future,
    3 in progress, 3 planned"): they come in the index's order, done, in progress, planned,
    then what has no column there."""
    assert _site(EXAMPLES, "-o", tmp_path / "site") == 0
    html = (tmp_path / "site" / "tracks" / "evaluation.html").read_text(encoding="utf-8")
    card = html.split('<dt class="muted">Items</dt>')[1].split("</dd>")[0]
    assert re.findall(r'class="badge (\w+)">', card) == ["done", "in_progress", "planned", "future"]


def test_a_roadmap_at_the_root_is_named_by_its_folder_however_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repository's one ROADMAP.md, built with ``milepost site`` from its folder (the
    default ``.``), had the page ``tracks/.html`` and the slug "" (beside a namesake, the
    label "Memory ()"); by its absolute path the folder's name. Both are now the folder's."""
    repo = tmp_path / "acme"
    repo.mkdir()
    (repo / "ROADMAP.md").write_text("# Acme Roadmap\n\n- 🚧 Search\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    for given, out in ((".", "rel"), ("ROADMAP.md", "file"), (str(repo), "abs")):
        assert _site(given, "-o", tmp_path / out) == 0, given
        assert [p.name for p in (tmp_path / out / "tracks").iterdir()] == ["acme.html"], given
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    assert _site("../ROADMAP.md", "-o", tmp_path / "up") == 0
    assert [p.name for p in (tmp_path / "up" / "tracks").iterdir()] == ["acme.html"]


def test_a_root_roadmap_titled_otherwise_is_its_folder_s_page_and_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repository's ROADMAP.md whose title is not its folder's name: built from its folder,
    its page, the index's link to it, the graph's node, a link to it from another roadmap and
    a dependency on it by its slug all go by the folder's name, as they do when it is given
    by its full path."""
    repo = tmp_path / "acme"
    (repo / "web").mkdir(parents=True)
    (repo / "ROADMAP.md").write_text("# Product Roadmap\n\n- 🚧 Search\n", encoding="utf-8")
    (repo / "web" / "roadmap.md").write_text(
        "# Web Roadmap\n\nSee [the product roadmap](../ROADMAP.md).\n\n"
        "## Dependencies\n\n- Dependency on acme: search\n",  # the track by its slug
        encoding="utf-8",
    )
    monkeypatch.chdir(repo)
    for given, out in ((".", "rel"), (str(repo), "abs")):
        site = tmp_path / out
        assert _site(given, "-o", site) == 0, given
        assert sorted(p.name for p in (site / "tracks").iterdir()) == ["acme.html", "web.html"]
        assert 'href="tracks/acme.html"' in (site / "index.html").read_text(encoding="utf-8")
        web = (site / "tracks" / "web.html").read_text(encoding="utf-8")
        assert 'href="acme.html"' in web, given
        graph = (site / "graph.html").read_text(encoding="utf-8")
        assert "tracks/acme.html" in graph and "Web needs search from Product" in graph


def test_a_namesake_at_the_root_is_labelled_by_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "acme"
    (repo / "tracks" / "memory").mkdir(parents=True)
    (repo / "web").mkdir()
    (repo / "roadmap.md").write_text("# Memory Roadmap\n", encoding="utf-8")
    (repo / "tracks" / "memory" / "roadmap.md").write_text("# Memory Roadmap\n", "utf-8")
    (repo / "web" / "roadmap.md").write_text(
        "# Web Roadmap\n\n## Dependencies\n\n- Dependency on Memory: context\n", "utf-8"
    )
    monkeypatch.chdir(repo)
    capsys.readouterr()
    assert main(["status", ".", "--today", "2026-11-25", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(t["track"] for t in data["tracks"]) == ["Memory (acme)", "Memory (memory)", "Web"]
    # "Memory" names two tracks: said, not taken for the one at the root
    assert main(["check", ".", "--today", "2026-11-25", "--select", "MP601"]) == 1
    assert "(write one of: acme, Memory (memory))" in capsys.readouterr().out
    monkeypatch.setattr(check_parallel, "PARALLEL_FROM", 2)  # as a big portfolio is checked
    assert main(["check", ".", "--today", "2026-11-25", "--select", "MP601", "--no-cache"]) == 1
    assert "(write one of: acme, Memory (memory))" in capsys.readouterr().out
