"""The static site: every page built, every roadmap string escaped, only safe links kept,
unchanged tracks not rendered again."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from milepost.cli import main
from milepost.render.site.filters import safe_url
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 11, 25)
PAGES = [
    "index.html",
    "items.html",
    "timeline.html",
    "risks.html",
    "graph.html",
    "metrics.html",
    "requests.html",
    "history.html",
]


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.urls: list[str] = []
        self.handlers: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src"):
                self.urls.append(value or "")
            if name.startswith("on"):
                self.handlers.append(f"{tag}.{name}")
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "inline")


def _scan(html: str) -> _Scan:
    scan = _Scan()
    scan.feed(html)
    return scan


def test_site_builds_every_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    portfolio = tmp_path / "portfolio"  # outside any git clone: no history to read
    shutil.copytree(EXAMPLES, portfolio)
    assert main(["site", str(portfolio), "-o", str(out), "--today", "2026-11-25"]) == 0
    message = capsys.readouterr().out
    assert message.startswith("wrote 16 files (0 unchanged, 0 track pages reused)")
    assert (out / "index.html").resolve().as_uri() in message
    for page in [
        *PAGES,
        *(
            f"tracks/{s}.html"
            for s in ("evaluation", "memory", "orchestration", "tool-use", "web-ui")
        ),
    ]:
        html = (out / page).read_text(encoding="utf-8")
        scan = _scan(html)
        assert scan.scripts in (["../static/site.js"], ["static/site.js"])
        assert not scan.handlers
        for url in scan.urls:  # no CDN, nothing remote but links to the project's own pages
            assert not url.startswith(("//", "javascript:")), (page, url)
            if url.endswith((".css", ".js")):
                assert not url.startswith("http"), (page, url)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="tracks/orchestration.html">Orchestration</a>' in index
    assert "Conflicts in time" in index and "🟢 On track" in index
    # a link to a GitHub issue is shown by its number, as "#412" written by hand would be
    assert '<a href="https://github.com/swarmkit/swarmkit/issues/412">#412</a>' in index
    risks = (out / "risks.html").read_text(encoding="utf-8")
    assert 'class="heat-3"><a href="#risk-' in risks  # a High/High risk in the hot corner
    graph = (out / "graph.html").read_text(encoding="utf-8")
    assert "<svg" in graph and "needs context truncation API by 2026-12 from Memory" in graph
    evaluation = (out / "tracks" / "evaluation.html").read_text(encoding="utf-8")
    focus = evaluation.split("<h2>Current focus</h2>")[1].split("<section")[0]
    # a workstream: its fields, then the work under them, nested
    assert '<li><span class="muted">Owner:</span> @esther</li>' in focus
    assert '<li class="depth-1"> Re-score recorded runs from the nightly corpus</li>' in focus
    metrics = (out / "metrics.html").read_text(encoding="utf-8")
    # Evaluation's targets written as ✅/⏳ lines, with no baseline: met or not yet
    assert metrics.count("✅ Met</span>") == 3 and metrics.count("⏳ Not yet</span>") == 3


def test_unchanged_tracks_are_not_rendered_again(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out = tmp_path / "site"
    first = api.site([portfolio], out, today=TODAY)
    assert (first.written, first.reused) == (16, 0)
    again = api.site([portfolio], out, today=TODAY)
    assert (again.written, again.reused) == (0, 5)
    memory = portfolio / "tracks" / "memory" / "roadmap.md"
    memory.write_text(
        memory.read_text(encoding="utf-8").replace(
            "Per-agent memory namespaces", "Per-agent memory namespaces and quotas"
        ),
        "utf-8",
    )
    third = api.site([portfolio], out, today=TODAY)
    assert third.reused == 4
    assert "namespaces and quotas" in (out / "tracks" / "memory.html").read_text("utf-8")


PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "[click](JaVa\tScRiPt:alert(1))",
    "[data](data:text/html,<script>alert(1)</script>)",
]


def test_xss_payloads_in_every_field_stay_text(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "evil").mkdir(parents=True)
    evil = "\n".join(
        [
            f"# Evil {PAYLOADS[0]} Roadmap",
            "",
            "**Last updated:** 2026-11-20 by @x",
            "",
            "## Current Focus",
            "",
            "### November 2026",
            *(f"- 🚧 **In Progress:** item {p} @owner{n} (#1{n})" for n, p in enumerate(PAYLOADS)),
            "",
            "## Dependencies and Risks",
            "",
            "### External Dependencies",
            f"- **Dependency on Good:** {PAYLOADS[1]} by December 2026",
            "",
            "### Technical Risks",
            f"- **Risk 1:** {PAYLOADS[2]}",
            "  - Likelihood: High",
            "  - Impact: High",
            f"  - Mitigation: {PAYLOADS[3]}",
            "",
            "## Community Feedback",
            "",
            f"- **Request 1:** {PAYLOADS[4]} - Status: Planned",
            "",
            "## Success Metrics",
            "",
            f"- **Now:**\n  - {PAYLOADS[5]}: 1 → 2",
            "",
        ]
    )
    (root / "evil" / "roadmap.md").write_text(evil, encoding="utf-8")
    (root / "good").mkdir()
    (root / "good" / "roadmap.md").write_text("# Good Roadmap\n\n- 📋 Thing\n", "utf-8")
    out = tmp_path / "site"
    api.site([root], out, today=TODAY)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        scan = _scan(html)
        assert not scan.handlers, page
        assert scan.scripts in (["../static/site.js"], ["static/site.js"]), page
        assert "svg" not in scan.tags or page.name == "graph.html"
        assert "img" not in scan.tags, page
        for url in scan.urls:
            assert safe_url(url) == url, (page, url)
        assert "<script>alert" not in html
    track = (out / "tracks" / "evil.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in track  # shown as text


def test_a_link_with_a_bracketed_host_is_no_crash(tmp_path: Path) -> None:
    """A link whose host holds brackets (a link pasted into another's address) is kept as
    written on the track page; ``site`` crashed on it (urlsplit raises)."""
    track = tmp_path / "p" / "api"
    track.mkdir(parents=True)
    (track / "roadmap.md").write_text(
        "# API Roadmap\n\n## Current Focus\n\n"
        "- 🚧 An [API](https://githu[x](y.md)b.com/a) and [notes](notes[x].md)\n",
        encoding="utf-8",
    )
    api.site([tmp_path / "p"], tmp_path / "site", today=TODAY)
    page = (tmp_path / "site" / "tracks" / "api.html").read_text(encoding="utf-8")
    assert 'href="https://githu[x](y.md)b.com/a"' in page


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://x.y/a", True),
        ("http://x.y", True),
        ("mailto:a@b.c", True),
        ("docs/a.md", True),
        ("#top", True),
        ("../x.html", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:x", False),
        ("java\tscript:x", False),
        (" javascript:x", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("//evil.example", False),
        ("file:///etc/passwd", False),
        # a host in brackets that is no IP address: urlsplit raises on it
        ("https://githu[x](y.md)b.com/a", True),
        ("http://[::1]/", True),
        ("javascript://[x]/%0aalert(1)", False),
        ("//[x]/a", False),
    ],
)
def test_safe_url(url: str, kept: bool) -> None:
    assert (safe_url(url) == url) is kept
    assert re.match(r"^(#|https?:|mailto:|[^:]*$)", safe_url(url))


def _tree(folder: Path) -> dict[str, object]:
    """Every file's bytes; the cache's as the data it holds (pickles of equal data may share
    strings differently)."""
    tree: dict[str, object] = {}
    for p in folder.rglob("*"):
        if p.is_file():
            name = p.relative_to(folder).as_posix()
            cached = name.startswith(".milepost-cache/") and name.endswith(".pickle")
            tree[name] = pickle.loads(p.read_bytes()) if cached else p.read_bytes()
    return tree


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("track", "old", "new"),
    [
        # An item's words: its page, the items page, the timeline.
        ("memory", "Per-agent memory namespaces", "Per-agent memory namespaces and quotas"),
        # A track's name: every page that lists tracks, and the edges that named it.
        ("memory", "# Memory Roadmap", "# Recall Roadmap"),
        # A provider's plan: conflicts in time of the tracks that need it.
        ("memory", "🚧 **In Progress:** Context truncation", "❌ **Dropped:** Context truncation"),
        # A dependency's words: the graph's edge label (its page is kept only when unchanged).
        ("web-ui", "per-run score export in JSON", "per-run score export in JSON and CSV"),
    ],
)
def test_incremental_build_is_byte_identical_to_a_clean_build(
    tmp_path: Path, track: str, old: str, new: str
) -> None:
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    incremental, clean = tmp_path / "incremental", tmp_path / "clean"
    api.site([portfolio], incremental, today=TODAY)
    _edit(portfolio / "tracks" / track / "roadmap.md", old, new)
    result = api.site([portfolio], incremental, today=TODAY)
    assert result.reused == 4 and not result.errors
    api.site([portfolio], clean, today=TODAY)
    assert _tree(incremental) == _tree(clean)
    if "Dropped" in new:
        assert "Memory dropped it" in (clean / "index.html").read_text("utf-8")
    if "CSV" in new:
        assert "JSON and CSV" in (incremental / "graph.html").read_text("utf-8")


def test_the_graph_page_is_kept_when_the_graph_did_not_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from milepost.render.site import graph as site_graph

    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out = tmp_path / "site"
    api.site([portfolio], out, today=TODAY)
    graph = (out / "graph.html").read_bytes()

    def not_again(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the graph was drawn again")

    monkeypatch.setattr(site_graph, "svg", not_again)
    _edit(portfolio / "tracks" / "memory" / "roadmap.md", "Per-agent memory", "Per-agent recall")
    result = api.site([portfolio], out, today=TODAY)
    assert not result.errors and (out / "graph.html").read_bytes() == graph
    _edit(portfolio / "tracks" / "memory" / "roadmap.md", "# Memory Roadmap", "# Recall Roadmap")
    with pytest.raises(AssertionError, match="drawn again"):  # a renamed track: a new graph
        api.site([portfolio], out, today=TODAY)


def test_a_removed_track_leaves_no_page_and_no_cache_behind(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out, clean = tmp_path / "site", tmp_path / "clean"
    api.site([portfolio], out, today=TODAY)
    shutil.rmtree(portfolio / "tracks" / "web-ui")
    api.site([portfolio], out, today=TODAY)
    assert not (out / "tracks" / "web-ui.html").exists()
    api.site([portfolio], clean, today=TODAY)
    assert _tree(out) == _tree(clean)


def test_the_cache_is_safe_to_delete_and_keyed_by_config_and_day(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out = tmp_path / "site"
    api.site([portfolio], out, today=TODAY)
    shutil.rmtree(out / ".milepost-cache")
    again = api.site([portfolio], out, today=TODAY)
    assert (again.reused, again.written) == (0, 0)  # rendered again, to the same bytes
    assert api.site([portfolio], out, today=TODAY + dt.timedelta(days=1)).reused == 0
    _edit(portfolio / "milepost.toml", 'project = "', 'project = "Renamed ')
    renamed = api.site([portfolio], out, today=TODAY + dt.timedelta(days=1))
    assert renamed.reused == 0
    assert "Renamed " in (out / "tracks" / "memory.html").read_text("utf-8")


def test_a_tampered_cache_entry_is_rendered_again(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out, clean = tmp_path / "site", tmp_path / "clean"
    api.site([portfolio], out, today=TODAY)
    for entry in (out / ".milepost-cache").iterdir():
        entry.write_text("{not json", encoding="utf-8")
    (out / "tracks" / "memory.html").unlink()
    result = api.site([portfolio], out, today=TODAY)
    assert result.reused == 0 and not result.errors
    api.site([portfolio], clean, today=TODAY)
    assert _tree(out) == _tree(clean)


def test_the_cached_build_renders_what_the_portfolio_gives(tmp_path: Path) -> None:
    """Edges, cycles and conflicts worked out from the kept parts are the portfolio's own."""
    from milepost.render.site import build

    out = tmp_path / "site"
    api.site([EXAMPLES], out, today=TODAY)
    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    pages = build(portfolio, project="Swarmkit", root=EXAMPLES)
    assert portfolio.conflicts and portfolio.edges
    written = {k: v for k, v in _tree(out).items() if not k.startswith(".milepost")}
    assert pages == written


class _Planted:
    """Unpickling this would create a file: a cache must never do it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def test_a_planted_cache_runs_nothing_and_is_rendered_again(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out, clean = tmp_path / "site", tmp_path / "clean"
    api.site([portfolio], out, today=TODAY)
    marker = tmp_path / "ran"
    for cached in (out / ".milepost-cache").iterdir():
        cached.write_bytes(pickle.dumps({"milepost": "x", "tracks": _Planted(marker)}))
    result = api.site([portfolio], out, today=TODAY)
    assert not marker.exists()
    assert result.reused == 0 and not result.errors
    api.site([portfolio], clean, today=TODAY)
    assert _tree(out) == _tree(clean)


def test_the_cache_is_one_file_and_older_entries_are_removed(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out = tmp_path / "site"
    old = out / ".milepost-cache" / f"{'0' * 64}.json"  # an entry of milepost 0.5
    old.parent.mkdir(parents=True)
    old.write_text("{}", encoding="utf-8")
    api.site([portfolio], out, today=TODAY)
    names = {p.name for p in (out / ".milepost-cache").iterdir()}
    assert names and all(re.fullmatch(r"parts-[0-9a-f]\.pickle", name) for name in names)


def test_a_cache_of_the_wrong_shape_is_rendered_again(tmp_path: Path) -> None:
    from milepost import __version__, fs

    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out, clean = tmp_path / "site", tmp_path / "clean"
    api.site([portfolio], out, today=TODAY)
    version = f"{__version__}+{fs.code_stamp()}"
    for n, cached in enumerate(sorted((out / ".milepost-cache").iterdir())):
        digit = cached.name[len("parts-")]
        tracks = [{1: ("x",)}, {digit * 64: ("a", "b")}, {digit * 64: (("x",) * 14, 1, b"")}]
        data = {"milepost": version, "tracks": tracks[n % len(tracks)]}
        cached.write_bytes(pickle.dumps(data))
    result = api.site([portfolio], out, today=TODAY)
    assert result.reused == 0 and not result.errors
    api.site([portfolio], clean, today=TODAY)
    assert _tree(out) == _tree(clean)


def _many(root: Path, copies: int) -> Path:
    """The example portfolio and ``copies`` more of each track, each copy its own track (its
    name numbered) still depending on the originals: enough tracks to render in parallel."""
    from milepost.sitebuild import PARALLEL_FROM

    shutil.copytree(EXAMPLES, root)
    tracks = root / "tracks"
    for folder in sorted(tracks.iterdir()):
        text = (folder / "roadmap.md").read_text(encoding="utf-8")
        title = text.split("\n", 1)[0]
        for n in range(2, copies + 2):
            copy = tracks / f"{folder.name}-{n}"
            copy.mkdir()
            renamed = text.replace(title, title.replace(" Roadmap", f" {n} Roadmap"), 1)
            (copy / "roadmap.md").write_text(renamed, encoding="utf-8")
    assert len(list(tracks.iterdir())) >= PARALLEL_FROM
    return root


def test_an_incremental_build_of_many_tracks_is_byte_identical_to_a_clean_build(
    tmp_path: Path,
) -> None:
    portfolio = _many(tmp_path / "p", copies=9)
    incremental = tmp_path / "incremental"
    first = api.site([portfolio], incremental, today=TODAY)
    assert first.reused == 0 and not first.errors
    edits = [  # a status, a provider's plan, a track's name, a track gone
        ("tracks/memory-3", "🚧 **In Progress:** Context truncation", "❌ **Dropped:** Context"),
        (
            "tracks/memory",
            "🚧 **In Progress:** Context truncation",
            "✅ **Done:** Context truncation",
        ),
        ("tracks/web-ui-5", "# Web UI 5 Roadmap", "# Dashboard Roadmap"),
    ]
    for n, (track, old, new) in enumerate(edits, start=1):
        _edit(portfolio / track / "roadmap.md", old, new)
        result = api.site([portfolio], incremental, today=TODAY)
        assert result.reused == 50 - 1 and not result.errors
        clean = tmp_path / f"clean-{n}"
        api.site([portfolio], clean, today=TODAY)
        assert _tree(incremental) == _tree(clean)
    shutil.rmtree(portfolio / "tracks" / "tool-use-7")
    api.site([portfolio], incremental, today=TODAY)
    api.site([portfolio], tmp_path / "clean-last", today=TODAY)
    assert _tree(incremental) == _tree(tmp_path / "clean-last")


def test_without_its_manifest_a_build_rewrites_only_the_manifest(tmp_path: Path) -> None:
    out = tmp_path / "site"
    api.site([EXAMPLES], out, today=TODAY)
    (out / ".milepost-site.json").unlink()
    again = api.site([EXAMPLES], out, today=TODAY)
    assert (again.written, again.unchanged) == (1, 15)  # pages compared with the files' bytes


def _build(portfolio: Path, output: Path, cache: str) -> bytes:
    env = {**os.environ, "MILEPOST_CACHE_DIR": cache}
    cmd = [sys.executable, "-m", "milepost", "site", str(portfolio), "-o", str(output)]
    subprocess.run(
        [*cmd, "--today", "2026-11-25", "--no-history"], check=True, env=env, capture_output=True
    )
    return (output / "index.html").read_bytes()


def test_compiled_templates_are_kept_in_the_user_cache_and_never_trusted_blindly(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    first = _build(EXAMPLES, tmp_path / "a", str(cache))
    kept = sorted((cache / "templates").glob("*.cache"))
    assert kept, "the templates' compiled code is kept"
    assert _build(EXAMPLES, tmp_path / "b", str(cache)) == first
    for path in kept:  # damaged: compiled again, same pages
        path.write_bytes(b"not a code object")
    assert _build(EXAMPLES, tmp_path / "c", str(cache)) == first
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n")
    assert _build(EXAMPLES, tmp_path / "d", str(blocked)) == first  # no cache: no failure


def test_each_roadmap_reads_its_own_configs_status_markers(tmp_path: Path) -> None:
    (tmp_path / "milepost.toml").write_text('roadmaps = ["**/roadmap.md"]\n', encoding="utf-8")
    nested = tmp_path / "teams" / "labs"
    nested.mkdir(parents=True)
    (nested / "milepost.toml").write_text('[statuses]\n"🦄" = "blocked"\n', encoding="utf-8")
    (nested / "roadmap.md").write_text("# Labs Roadmap\n\n## Work\n\n- 🦄 Flying cars\n", "utf-8")
    api.site([tmp_path], tmp_path / "site", today=TODAY)
    page = (tmp_path / "site" / "tracks" / "labs.html").read_text(encoding="utf-8")
    assert "Flying cars" in page and 'class="badge blocked"' in page


def test_the_config_nearest_a_file_is_found_through_links_and_dotdot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """config_for resolves each folder once (cached) yet answers as realpath does: a linked
    folder or file is governed by the config nearest its target."""
    from milepost.api.loading import config_for, forget_configs

    real = tmp_path / "real" / "team"
    real.mkdir(parents=True)
    (real.parent / "milepost.toml").write_text('project = "Real"\n', encoding="utf-8")
    (real / "roadmap.md").write_text("# Team Roadmap\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "milepost.toml").write_text('project = "Elsewhere"\n', encoding="utf-8")
    (elsewhere / "team").symlink_to(real, target_is_directory=True)
    (elsewhere / "linked.md").symlink_to(real / "roadmap.md")
    (elsewhere / "own.md").write_text("# Own Roadmap\n", encoding="utf-8")
    forget_configs()
    assert config_for(elsewhere / "team" / "roadmap.md").project == "Real"
    assert config_for(elsewhere / "linked.md").project == "Real"
    assert config_for(elsewhere / "own.md").project == "Elsewhere"
    assert config_for(elsewhere / "team" / ".." / "own.md").project == "Real"  # as realpath
    monkeypatch.chdir(real)
    assert config_for("roadmap.md").project == "Real"
    assert config_for(Path("..", "..", "elsewhere", "own.md")).project == "Elsewhere"
    forget_configs()


_MONTHS = ["2026-01", "2026-02", "2026-03"]


@pytest.mark.parametrize(
    ("cells", "columns"),
    [
        ((), []),  # no columns only when no track has a dated entry
        ((), _MONTHS),
        ((("2026-01", "a"),), _MONTHS),
        ((("2026-03", "c"), ("2026-01", "a")), _MONTHS),
        ((("2026-02", "b"), ("2026-02", "B")), _MONTHS),  # a label twice: the last cell wins
        ((("2026-01", "a"), ("2026-02", "b"), ("2026-03", "c")), _MONTHS),
    ],
)
def test_a_timeline_row_has_a_cell_under_every_column(
    cells: tuple[tuple[str, str], ...], columns: list[str]
) -> None:
    from milepost.render.site import TrackParts
    from milepost.render.site.across import _timeline_row

    part = TrackParts(
        *("T", "t", "on_track", "", (), (), (), (), (), b"", "<tr><th>T</th>"),
        tuple((label, label + "-01", label + "-28", cell) for label, cell in cells),
        *((), "", (), ()),
    )
    by_label = dict(cells)
    expected = "<tr><th>T</th>"
    if columns:
        expected += "<td>" + "</td><td>".join(by_label.get(c, "") for c in columns) + "</td>"
    expected += "</tr>\n"
    place = {label: n for n, label in enumerate(columns)}
    assert _timeline_row(part, place) == expected


def test_pages_whose_shares_did_not_change_are_not_joined_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An item's words change the items page and the timeline, not the risks page; a change
    no page across tracks shows (the roadmap's prose) leaves them all as they were."""
    from milepost.render.site import across

    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    out, clean = tmp_path / "site", tmp_path / "clean"
    api.site([portfolio], out, today=TODAY)
    joined: list[str] = []
    for name in ("_index", "_items", "_timeline", "_risks", "_requests"):
        real = getattr(across, name)

        def spy(*args: object, _real: Any = real, _name: str = name) -> bytes:
            joined.append(_name)
            return bytes(_real(*args))

        monkeypatch.setattr(across, name, spy)
    roadmap = portfolio / "tracks" / "memory" / "roadmap.md"
    _edit(roadmap, "Per-agent memory namespaces", "Per-agent memory namespaces and quotas")
    result = api.site([portfolio], out, today=TODAY)
    assert not result.errors and sorted(joined) == ["_items", "_timeline"]
    joined.clear()
    _edit(
        roadmap,
        "## Dependencies and Risks",
        "Prose no other page shows.\n\n## Dependencies and Risks",
    )
    result = api.site([portfolio], out, today=TODAY)
    assert not result.errors and joined == [] and result.written == 2  # its page, the manifest
    api.site([portfolio], clean, today=TODAY)
    assert _tree(out) == _tree(clean)


def test_a_page_left_out_is_written_again_when_its_file_is_gone(tmp_path: Path) -> None:
    out = tmp_path / "site"
    api.site([EXAMPLES], out, today=TODAY)
    risks = (out / "risks.html").read_bytes()
    (out / "risks.html").unlink()
    for static in (out / "static").iterdir():
        static.unlink()
    result = api.site([EXAMPLES], out, today=TODAY)
    assert (out / "risks.html").read_bytes() == risks and list((out / "static").iterdir())
    assert not result.errors and result.written >= 2


def test_links_between_roadmaps_go_to_their_pages(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    (portfolio / "tracks" / "web").mkdir(parents=True)
    (portfolio / "milepost.toml").write_text('roadmaps = ["tracks/*/roadmap.md"]\n', "utf-8")
    (portfolio / "tracks" / "web" / "roadmap.md").write_text(
        "# Web Roadmap\n\nSee [Memory's risks](../memory/roadmap.md#risks), "
        "[the spec](spec.md) and [ours](roadmap.md).\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    api.site([portfolio], out, today=TODAY)
    web = (out / "tracks" / "web.html").read_text(encoding="utf-8")
    assert 'href="../memory/roadmap.md#risks"' in web  # no such track yet: left as written
    assert 'href="web.html"' in web and 'href="spec.md"' in web
    (portfolio / "tracks" / "memory").mkdir()
    (portfolio / "tracks" / "memory" / "roadmap.md").write_text("# Memory Roadmap\n", "utf-8")
    api.site([portfolio], out, today=TODAY)  # the Web roadmap did not change; its page does
    web = (out / "tracks" / "web.html").read_text(encoding="utf-8")
    assert 'href="memory.html#risks"' in web
    clean = tmp_path / "clean"
    api.site([portfolio], clean, today=TODAY)
    page = (out / "tracks" / "web.html").read_bytes()
    assert (clean / "tracks" / "web.html").read_bytes() == page
    from milepost.render.site import build  # and the build from scratch agrees

    pages = build(api.portfolio([portfolio], today=TODAY)[0], project="the project", root=portfolio)
    assert pages["tracks/web.html"] == page


def test_a_track_page_shows_the_focus_theme_and_items_under_no_period(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    (portfolio / "x").mkdir(parents=True)
    (portfolio / "x" / "roadmap.md").write_text(
        "# X Roadmap\n\n## Current Focus\n\n**Theme:** Fast paths\n\n- 🚧 Alpha work\n"
        "  - 📋 Sub alpha\n- 📋 Beta work\n\n### November 2026\n- 📋 Gamma\n",
        encoding="utf-8",
    )
    api.site([portfolio], tmp_path / "site", today=TODAY)
    page = (tmp_path / "site" / "tracks" / "x.html").read_text(encoding="utf-8")
    focus = page.split("<h2>Current focus</h2>")[1].split("<section")[0]
    assert "<p>Fast paths</p>" in focus
    assert focus.index("Alpha work") < focus.index("Sub alpha") < focus.index("Beta work")
    assert focus.index("Beta work") < focus.index("<h3>November 2026")


def test_files_a_roadmap_links_to_are_copied_into_the_site(tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    web = portfolio / "web"
    (web / "img").mkdir(parents=True)
    (web / "img" / "flow chart.png").write_bytes(b"\x89PNG one")
    (web / "design.md").write_text("# Design\n", encoding="utf-8")
    (web / ".env").write_text("TOKEN=secret\n", encoding="utf-8")
    (portfolio / "notes.md").write_text("outside the track's folder\n", encoding="utf-8")
    roadmap = web / "roadmap.md"
    roadmap.write_text(
        "# Web Roadmap\n\n![The flow](img/flow%20chart.png) and [the design](design.md#api),"
        " [secrets](.env), [notes](../notes.md), [gone](missing.png).\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    api.site([portfolio], out, today=TODAY)
    page = (out / "tracks" / "web.html").read_text(encoding="utf-8")
    assert 'src="../files/web/img/flow%20chart.png"' in page
    assert 'href="../files/web/design.md#api"' in page
    # hidden, outside the roadmap's folder, or missing: not copied, left as written
    assert 'href=".env"' in page and 'href="../notes.md"' in page
    assert 'src="missing.png"' in page or 'href="missing.png"' in page
    copied = sorted(p.relative_to(out).as_posix() for p in (out / "files").rglob("*"))
    assert copied == [
        "files/web",
        "files/web/design.md",
        "files/web/img",
        "files/web/img/flow chart.png",
    ]
    assert (out / "files/web/img/flow chart.png").read_bytes() == b"\x89PNG one"
    # the image changes, the roadmap does not: its page is not rendered again, the copy is new
    (web / "img" / "flow chart.png").write_bytes(b"\x89PNG two, longer")
    again = api.site([portfolio], out, today=TODAY)
    assert again.reused == 1
    assert (out / "files/web/img/flow chart.png").read_bytes() == b"\x89PNG two, longer"
    # the link goes: so does the copy; a manifest edited to list a file elsewhere deletes nothing
    manifest = out / ".milepost-site.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["linked"]["files/../../p/notes.md"] = ["k", str(portfolio / "notes.md"), 1, 1]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    roadmap.write_text("# Web Roadmap\n\n[the design](design.md)\n", encoding="utf-8")
    api.site([portfolio], out, today=TODAY)
    assert not (out / "files/web/img/flow chart.png").exists()
    assert (out / "files/web/design.md").is_file() and (portfolio / "notes.md").is_file()


def test_the_index_lists_what_is_blocked(tmp_path: Path) -> None:
    """Blocked work is counted at the top of the index and listed in its own card, as
    ``status`` lists it; a portfolio with none shows no card."""
    api.site([EXAMPLES], tmp_path / "site", today=TODAY)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "6 in flight · 1 blocked · " in index
    card = index.split('<h2 style="margin-top:0">Blocked</h2>')[1].split("</section>")[0]
    assert card.count("<li>") == 1 and "Cache large tool results in agent memory" in card
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    tool_use = portfolio / "tracks" / "tool-use" / "roadmap.md"
    tool_use.write_text(
        tool_use.read_text(encoding="utf-8").replace("⛔ **Blocked:**", "🚧 **In Progress:**"),
        "utf-8",
    )
    api.site([portfolio], tmp_path / "other", today=TODAY)
    index = (tmp_path / "other" / "index.html").read_text(encoding="utf-8")
    assert " blocked · " not in index and ">Blocked</h2>" not in index


def test_the_index_lists_what_slipped(tmp_path: Path) -> None:
    """On 2027-01-15 the example's open November and December work has slipped: the index
    says how much at the top and lists each item with its track and when it was due."""
    portfolio, _ = api.portfolio([EXAMPLES], today=dt.date(2027, 1, 15))
    slipped = sum(len(t.slipped) for t in portfolio.tracks)
    api.site([EXAMPLES], tmp_path / "site", today=dt.date(2027, 1, 15))
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert slipped > 0 and f" · {slipped} slipped" in index
    card = index.split('<h2 style="margin-top:0">Slipped</h2>')[1].split("</section>")[0]
    assert card.count("<li>") == slipped
    assert 'Context truncation API for agent transcripts <span class="muted">@gwen</span>' in card
    assert '<span class="muted">due 2026-11</span>' in card
    # on the example's own day nothing has slipped: no card, no count
    api.site([EXAMPLES], tmp_path / "today", today=TODAY)
    assert "Slipped</h2>" not in (tmp_path / "today" / "index.html").read_text(encoding="utf-8")


def test_a_folder_with_other_files_is_never_built_into(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "index.html").write_text("my own page\n", encoding="utf-8")
    code = main(["site", str(EXAMPLES), "-o", str(out), "--no-history", "--today", "2026-11-25"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "holds index.html, and no site milepost built" in err and str(out) in err
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page\n"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    # nor is it served from: serve refuses it before it listens
    code = main(["serve", str(EXAMPLES), "-o", str(out), "--port", "0", "--no-history"])
    assert code == 2 and "holds index.html" in capsys.readouterr().err
    # files of other names (a gh-pages worktree) stay beside the site
    pages = tmp_path / "gh-pages"
    pages.mkdir()
    (pages / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")
    (pages / "CNAME").write_text("roadmap.example.org\n", encoding="utf-8")
    assert not api.site([EXAMPLES], pages, today=TODAY).errors
    assert (pages / "CNAME").read_text(encoding="utf-8") == "roadmap.example.org\n"
    assert (pages / "index.html").is_file()
    # a site milepost built (even with its manifest lost) is built into again
    site = tmp_path / "site"
    api.site([EXAMPLES], site, today=TODAY)
    (site / ".milepost-site.json").unlink()
    assert not api.site([EXAMPLES], site, today=TODAY).errors


def test_a_linked_file_that_becomes_a_folder_is_copied_again(tmp_path: Path) -> None:
    """The old copy stands where the new one goes: it goes first, and the folders copies
    leave empty go too."""
    web = tmp_path / "p" / "web"
    web.mkdir(parents=True)
    (web / "spec").write_text("v1\n", encoding="utf-8")
    (web / "roadmap.md").write_text("# Web Roadmap\n\n[spec](spec)\n", encoding="utf-8")
    out = tmp_path / "site"
    api.site([web], out, today=TODAY)
    assert (out / "files/web/spec").read_text(encoding="utf-8") == "v1\n"
    (web / "spec").unlink()
    (web / "spec").mkdir()
    (web / "spec" / "a.txt").write_text("v2\n", encoding="utf-8")
    (web / "roadmap.md").write_text("# Web Roadmap\n\n[spec](spec/a.txt)\n", encoding="utf-8")
    assert not api.site([web], out, today=TODAY).errors
    assert (out / "files/web/spec/a.txt").read_text(encoding="utf-8") == "v2\n"
    (web / "roadmap.md").write_text("# Web Roadmap\n\nNo links now.\n", encoding="utf-8")
    assert not api.site([web], out, today=TODAY).errors
    assert list((out / "files").iterdir()) == []


def test_a_linked_file_that_appears_or_goes_renders_its_page_again(tmp_path: Path) -> None:
    """The roadmap did not change, but what its link reaches did: its page is made again."""
    web = tmp_path / "p" / "web"
    web.mkdir(parents=True)
    (web / "roadmap.md").write_text("# Web Roadmap\n\n[later](later.txt)\n", encoding="utf-8")
    out = tmp_path / "site"
    api.site([web], out, today=TODAY)
    page = out / "tracks" / "web.html"
    assert 'href="later.txt"' in page.read_text(encoding="utf-8")
    assert api.site([web], out, today=TODAY).reused == 1  # nothing changed: kept
    (web / "later.txt").write_text("hi\n", encoding="utf-8")
    built = api.site([web], out, today=TODAY)
    assert built.reused == 0 and 'href="../files/web/later.txt"' in page.read_text("utf-8")
    assert (out / "files/web/later.txt").read_text(encoding="utf-8") == "hi\n"
    (web / "later.txt").unlink()
    assert api.site([web], out, today=TODAY).reused == 0
    assert 'href="later.txt"' in page.read_text(encoding="utf-8")
    assert not (out / "files/web/later.txt").exists()


def test_the_risks_page_names_each_risk(tmp_path: Path) -> None:
    """A risk written "**Judge drift:** a hosted judge model changes ..." is shown by its
    name and its description, in the list and in the matrix's tooltip (the page showed
    the description alone); a risk the template only numbers ("Risk 1") by its description."""
    portfolio = tmp_path / "p"
    (portfolio / "x").mkdir(parents=True)
    (portfolio / "x" / "roadmap.md").write_text(
        "# X Roadmap\n\n## Dependencies and Risks\n\n### Technical Risks\n"
        "- **Judge drift:** a hosted judge model changes behind its API name\n"
        "  - Likelihood: Medium\n  - Impact: High\n  - Mitigation: Pin versions\n"
        "- **Risk 2:** Sandbox escape\n  - Likelihood: Low\n  - Impact: High\n"
        "  - Mitigation: gVisor\n",
        encoding="utf-8",
    )
    api.site([portfolio], tmp_path / "site", today=TODAY)
    risks = (tmp_path / "site" / "risks.html").read_text(encoding="utf-8")
    assert (
        '<a href="tracks/x.html">X</a>: <strong>Judge drift</strong>: a hosted judge model '
        'changes behind its API name<div class="muted">' in risks
    )
    assert '<a href="tracks/x.html">X</a>: Sandbox escape<div class="muted">' in risks
    assert 'title="Judge drift"' in risks and 'title="Sandbox escape"' in risks


def test_the_timeline_shows_work_that_says_when_outside_the_template(tmp_path: Path) -> None:
    """A roadmap in a looser shape (plans under "### 2025 Q3", a table with a Target date)
    has its dated work on the timeline, each item once, by quarter or month; work that says
    no time is not there."""
    track = tmp_path / "p" / "podman"
    track.mkdir(parents=True)
    (track / "roadmap.md").write_text(
        "# Podman Roadmap\n\n## Plans\n\n### 2025 Q3\n- [x] Quadlet templates\n"
        "- [ ] Artifact store\n\n## Releases\n\n| Feature | Target | Status |\n|---|---|---|\n"
        "| Signed images | 2026-03-15 | ✅ Done |\n\n## Ideas\n\n- 📋 Someday work\n\n"
        "## Current Focus\n\n### March 2026\n- 🚧 Signed images\n",
        encoding="utf-8",
    )
    api.site([tmp_path / "p"], tmp_path / "site", today=TODAY)
    page = (tmp_path / "site" / "timeline.html").read_text(encoding="utf-8")
    heads = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', page)
    assert heads == ["Track", "2025-Q3", "2026-03"]
    assert page.count("Quadlet templates") == 1 and page.count("Artifact store") == 1
    # the same work in Current Focus and in the table: once
    assert page.count("Signed images") == 1 and "Someday work" not in page


# Periods of every length, written out of time order: plans under headings, the months of
# Current Focus, a goal's quarter and initiatives' rough timelines (a year among them).
MIXED_PERIODS = (
    "# Mix Roadmap\n\n## Plans\n\n### 2027 H2\n- 📋 Second half\n\n"
    "### 2027 Q3\n- 📋 Third quarter\n\n### 2027 H1\n- 📋 First half\n\n"
    "## Current Focus\n\n### July 2027\n- 📋 July\n\n### January 2027\n- 📋 January\n\n"
    "## Medium-Term Goals\n\n### Q1 2027 Goals\n\n#### Goal 1: First quarter\n\n"
    "## Long-Term Vision\n\n### Major Initiatives\n\n#### Initiative 1: All year\n"
    "- **Rough Timeline:** 2027\n\n#### Initiative 2: Later halves\n"
    "- **Rough Timeline:** Q1-Q2 2028\n\n#### Initiative 3: Next year's first\n"
    "- **Rough Timeline:** January 2028\n"
)


def test_the_timeline_columns_read_in_time_order(tmp_path: Path) -> None:
    """Columns went by their first day, then by their labels' letters: 2027-H2 stood before
    2027-Q3, and the year 2027 before January. Of periods that start together the shorter
    comes first (July, Q3, then H2: by first day, then by last)."""
    (tmp_path / "p" / "mix").mkdir(parents=True)
    (tmp_path / "p" / "mix" / "roadmap.md").write_text(MIXED_PERIODS, encoding="utf-8")
    api.site([tmp_path / "p"], tmp_path / "site", today=TODAY)
    page = (tmp_path / "site" / "timeline.html").read_text(encoding="utf-8")
    heads = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', page)
    assert heads == [
        "Track",
        *("2027-01", "2027-Q1", "2027-H1", "2027"),
        *("2027-07", "2027-Q3", "2027-H2"),
        *("2028-01", "2028-Q1..Q2"),
    ]


@pytest.mark.parametrize(
    ("levels", "matrix", "said"),
    [
        ((True, True), True, None),
        ((True, False), True, "1 of 2 risks does not say both likelihood and impact"),
        ((False, False), False, "No risk says both its likelihood and its impact"),
    ],
)
def test_risks_without_levels_are_said_to_be_off_the_matrix(
    tmp_path: Path, levels: tuple[bool, bool], matrix: bool, said: str | None
) -> None:
    """Real roadmaps often give a risk an impact and no likelihood: such a risk has no cell,
    and the page says so (an empty grid above a full list looked like a bug)."""
    lines = ["# Solo Roadmap", "", "## Dependencies and Risks", "", "### Technical Risks"]
    for n, placed in enumerate(levels, 1):
        lines += [f"- **Risk {n}:** Thing {n} breaks", "  - Impact: High"]
        lines += ["  - Likelihood: Low"] if placed else []
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "roadmap.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    api.site([tmp_path / "p"], tmp_path / "site", today=TODAY)
    risks = (tmp_path / "site" / "risks.html").read_text("utf-8")
    assert ('class="matrix"' in risks) is matrix
    assert risks.count('<li id="risk-') == 2
    if said is None:
        assert "not say" not in risks and "No risk says" not in risks
    else:
        assert said in risks


def test_two_tracks_whose_pages_would_share_a_name_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``a/memory/`` and ``b/memory/`` both have the slug ``memory``: one page would overwrite
    the other's ``tracks/memory.html`` without a word. The build says so and writes none."""
    for folder, name in (("a", "Memory"), ("b", "Recall")):
        track = tmp_path / "roadmaps" / folder / "memory"
        track.mkdir(parents=True)
        (track / "roadmap.md").write_text(
            f"# {name} Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n"
            "### November 2026\n- 🚧 Something\n",
            encoding="utf-8",
        )
    out = tmp_path / "site"
    assert main(["site", str(tmp_path / "roadmaps"), "-o", str(out), "--today", "2026-11-25"]) == 2
    err = capsys.readouterr().err
    assert "tracks/memory.html" in err and "a/memory/roadmap.md" in err, err
    assert "b/memory/roadmap.md" in err
    assert not (out / "tracks").exists()
