"""The Sphinx extension in real builds (Sphinx's own ``make_app`` over tests/roots/test-milepost,
copied into a temp folder): rst and MyST pages, parallel reading, incremental rebuilds, findings
as warnings at the roadmap's file and line, hostile roadmap text escaped."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.test_site import PAYLOADS

pytest.importorskip("sphinx", reason="Sphinx is not installed (pip install -e '.[test]')")
pytest.importorskip("myst_parser", reason="myst-parser is not installed")

ROOT = Path(__file__).parent / "roots" / "test-milepost"
MEMORY = "roadmaps/tracks/memory/roadmap.md"
TOOL_USE = "roadmaps/tracks/tool-use/roadmap.md"

MakeApp = Callable[..., Any]
UNREADABLE = b"# Bad \xff\xfe Roadmap\n"  # not UTF-8, and no BOM says otherwise


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    src = tmp_path / "docs"
    shutil.copytree(ROOT, src)
    return src


def build(make_app: MakeApp, src: Path, **kwargs: Any) -> tuple[Any, list[str]]:
    """A build of ``src`` (incremental when it was built before) and the docs it read."""
    app = make_app("html", srcdir=src, **kwargs)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, names: read.extend(names))
    app.build()
    return app, sorted(read)


def html(app: Any, page: str) -> str:
    return (Path(app.outdir) / page).read_text(encoding="utf-8")


def bump(path: Path) -> None:
    """Make sure the change is newer than the last read, whatever the clock's resolution."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


#: Markup that extraction keeps as text (in a code span, or with its brackets escaped), so only
#: the renderer's escaping stands between it and the page; then each as it must be shown.
HOSTILE = (
    "`<script>alert(1)</script>`",
    "\\<img src=x onerror=alert(2)\\>",
    '`"><svg onload=alert(3)>`',
)
ESCAPED = (
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&lt;img src=x onerror=alert(2)&gt;",
    "&lt;svg onload=alert(3)&gt;",
)


def write_evil(folder: Path) -> Path:
    """A roadmap whose every field carries an XSS payload that survives extraction as text,
    and links to ``javascript:`` and ``data:`` targets."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f"# Evil {HOSTILE[0]} Roadmap",
        "",
        "**Last updated:** 2026-11-20 by @x",
        "",
        "## Current Focus",
        "",
        "### November 2026",
        *(f"- 🚧 **In Progress:** item {p}" for p in (*HOSTILE, *PAYLOADS[3:])),
        "",
        "## Dependencies and Risks",
        "",
        "### Tracks",
        f"- **Memory:** {HOSTILE[1]} by December 2026",
        "",
        "### Risks",
        f"- **{HOSTILE[2]}:** {HOSTILE[0]}",
        "  - Likelihood: High",
        "  - Impact: High",
        f"  - Mitigation: {HOSTILE[1]}",
    ]
    path = folder / "roadmap.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_escaped(page: str, shown: tuple[str, ...] = ESCAPED) -> None:
    """Every payload ``shown`` is on the page as escaped text, none of them live."""
    for escaped in shown:
        assert escaped in page
    for live in ("<script>alert", "<img src=x", "<svg onload"):
        assert live not in page
    assert not re.search(r'href="\s*(javascript|data):', page, re.IGNORECASE)


def test_rst_and_myst_pages_show_the_portfolio(make_app: MakeApp, docs: Path) -> None:
    app, _ = build(make_app, docs)
    assert "milepost" not in app.warning.getvalue(), app.warning.getvalue()
    index = html(app, "index.html")
    # The rst page: the tracks table, each track linked to its roadmap's page in the docs.
    assert index.count('<div class="milepost milepost-portfolio') == 2
    for slug, name in (("memory", "Memory"), ("orchestration", "Orchestration")):
        assert re.search(
            rf'<a class="reference internal" href="roadmaps/tracks/{slug}/roadmap.html">'
            rf'<span class="doc">{name}</span></a>',
            index,
        )
    assert "🟢 on track" in index and "&#64;bkumar" in index and "2026-12-02" in index
    second = index.split('milepost-portfolio docutils container">')[2].split("</table>")[0]
    assert "Memory" in second and "Orchestration" not in second and "Lead" not in second
    # The MyST page: this month, risks, the graph, one track's card.
    myst = html(app, "myst.html")
    assert "Shipped this month (5)" in myst and "SQLite memory store" in myst
    assert 'class="milepost-matrix' in myst and "milepost-heat-4" in myst
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in myst
    assert "Orchestration</strong> needs context truncation API by 2026-12 from" in myst
    assert "Current focus" in myst and "Success metrics" in myst
    assert (Path(app.outdir) / "_static" / "milepost.css").is_file()
    assert "_static/milepost.css" in myst


def test_parallel_build_merges_what_each_reader_saw(make_app: MakeApp, docs: Path) -> None:
    serial_src = docs.parent / "serial"
    shutil.copytree(docs, serial_src)
    serial, _ = build(make_app, serial_src)
    parallel, read = build(make_app, docs, parallel=2)
    assert len(read) == 6  # more than five documents: Sphinx reads them in two processes
    assert set(parallel.env.milepost_pages) == {"index", "myst"}
    assert parallel.env.milepost_pages == {
        doc: [
            (
                t.replace(str(serial_src), str(docs)),
                tuple(f.replace(str(serial_src), str(docs)) for f in files),
                day,
            )
            for t, files, day in uses
        ]
        for doc, uses in serial.env.milepost_pages.items()
    }
    assert html(parallel, "index.html") == html(serial, "index.html")
    assert html(parallel, "myst.html") == html(serial, "myst.html")


def test_editing_a_roadmap_rebuilds_only_the_pages_that_show_it(
    make_app: MakeApp, docs: Path
) -> None:
    build(make_app, docs)
    roadmap = docs / MEMORY
    roadmap.write_text(
        roadmap.read_text(encoding="utf-8").replace("Context truncation API", "Context trim API"),
        encoding="utf-8",
    )
    bump(roadmap)
    app, read = build(make_app, docs)
    assert read == ["index", "myst", "roadmaps/tracks/memory/roadmap"]  # not "other"
    assert "Context trim API" in html(app, "myst.html")


def test_an_added_or_removed_roadmap_shows_without_a_clean_build(
    make_app: MakeApp, docs: Path
) -> None:
    build(make_app, docs)
    new = docs / "roadmaps" / "tracks" / "sandbox" / "roadmap.md"
    new.parent.mkdir()
    new.write_text(
        "# Sandbox Roadmap\n\n**Last updated:** 2026-11-20\n\n## Dependencies and Risks\n\n"
        "### Risks\n- **Escape:** a tool escapes the sandbox\n  - Likelihood: Low\n"
        "  - Impact: High\n  - Mitigation: gVisor\n",
        encoding="utf-8",
    )
    app, read = build(make_app, docs)
    assert "myst" in read and "other" not in read  # myst's portfolio gained a track
    assert "a tool escapes the sandbox" in html(app, "myst.html")
    shutil.rmtree(new.parent)
    app, read = build(make_app, docs)
    assert "myst" in read and "other" not in read
    assert "a tool escapes the sandbox" not in html(app, "myst.html")


def test_a_path_that_appears_later_is_shown_without_a_clean_build(
    make_app: MakeApp, docs: Path
) -> None:
    (docs / "later.rst").write_text(
        "Later\n=====\n\n.. milepost-portfolio:: later\n", encoding="utf-8"
    )
    app, _ = build(make_app, docs)
    assert "no roadmap or folder 'later'" in app._warning.getvalue()
    new = docs / "later" / "billing" / "roadmap.md"
    new.parent.mkdir(parents=True)
    new.write_text("# Billing Roadmap\n\n**Last updated:** 2026-11-20\n", encoding="utf-8")
    app, read = build(make_app, docs)
    assert "later" in read and "other" not in read
    assert "Billing" in html(app, "later.html")


def test_the_stylesheet_is_in_html_and_in_the_epub(make_app: MakeApp, docs: Path) -> None:
    import zipfile

    app, _ = build(make_app, docs)
    assert (Path(app.outdir) / "_static" / "milepost.css").is_file()
    epub = make_app("epub", srcdir=docs)
    epub.build()
    [book] = Path(epub.outdir).glob("*.epub")
    assert any(n.endswith("_static/milepost.css") for n in zipfile.ZipFile(book).namelist())


def test_roadmap_text_is_not_made_typographic(make_app: MakeApp, docs: Path) -> None:
    road = docs / "roadmaps" / "tracks" / "memory" / "roadmap.md"
    text = road.read_text(encoding="utf-8")
    road.write_text(text.replace("# Memory Roadmap", '# Memory "v2" --fast Roadmap'), "utf-8")
    app, _ = build(make_app, docs)
    page = html(app, "index.html")
    # the directive's table shows the track's name as written (the roadmap's own page title,
    # an ordinary docs page, is Sphinx's to typeset)
    assert re.search(r'>Memory (&quot;|")v2(&quot;|") --fast</', page), page[:2000]


def test_a_page_that_drops_its_directives_drops_its_record(make_app: MakeApp, docs: Path) -> None:
    from milepost.sphinx import _outdated

    first, _ = build(make_app, docs)
    index = first.env.milepost_pages["index"]
    assert len(index) == 2 and len(first.env.milepost_pages["myst"]) == 4
    (docs / "myst.md").write_text("# This month\n\nNothing to show.\n", encoding="utf-8")
    bump(docs / "myst.md")
    (docs / "index.rst").write_text(
        (docs / "index.rst").read_text(encoding="utf-8") + "\nRead again.\n", encoding="utf-8"
    )
    bump(docs / "index.rst")
    app, read = build(make_app, docs)
    assert read == ["index", "myst"]
    assert app.env.milepost_pages == {"index": index}  # myst's gone, index's not doubled
    new = docs / "roadmaps" / "tracks" / "sandbox" / "roadmap.md"
    new.parent.mkdir()
    new.write_text("# Sandbox Roadmap\n\n**Last updated:** 2026-11-20\n", encoding="utf-8")
    # myst no longer shows the portfolio: a new roadmap there leaves it alone.
    assert _outdated(app, app.env, set(), set(), set()) == ["index"]


def test_findings_are_warnings_at_the_roadmaps_file_and_line(make_app: MakeApp, docs: Path) -> None:
    roadmap = docs / TOOL_USE
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("**Last updated:** 2026-11-24", "**Last updated:** 2026-08-01"))
    app, _ = build(make_app, docs)
    warnings = app.warning.getvalue()
    assert f"{roadmap}:3: WARNING: MP201 last updated 2026-08-01 is 116 days ago" in warnings
    assert "[milepost.MP201]" in warnings and app.statuscode == 0
    # Reported on every build, even when nothing is read again (-W keeps failing).
    again, read = build(make_app, docs)
    assert read == [] and f"{roadmap}:3: WARNING: MP201" in again.warning.getvalue()
    strict, _ = build(make_app, docs, confoverrides={"milepost_check": "error"}, freshenv=True)
    assert f"{roadmap}:3: ERROR: MP201" in strict.warning.getvalue() and strict.statuscode == 1
    quiet, _ = build(make_app, docs, confoverrides={"milepost_check": "off"}, freshenv=True)
    assert "MP201" not in quiet.warning.getvalue()


@pytest.mark.parametrize("mode", ["off", "warn"])
def test_an_unreadable_roadmap_is_a_warning_whatever_the_check_mode(
    make_app: MakeApp, docs: Path, mode: str
) -> None:
    bad = docs / "roadmaps" / "tracks" / "bad" / "roadmap.md"
    bad.parent.mkdir()
    bad.write_bytes(UNREADABLE)
    app, _ = build(
        make_app,
        docs,
        confoverrides={
            "milepost_check": mode,
            "exclude_patterns": ["_build", "roadmaps/tracks/bad"],
        },
    )
    warnings = app.warning.getvalue()
    assert f"{bad}:1: WARNING: cannot decode byte 6 (0xff) as utf-8" in warnings, warnings
    assert app.statuscode == 0


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "milepost_today",
            "yesterday",
            "milepost_today must be an ISO date (YYYY-MM-DD), not 'yesterday'",
        ),
        ("milepost_check", "loud", "milepost_check must be one of off, warn, error, not 'loud'"),
    ],
)
def test_a_bad_setting_is_one_config_error(
    make_app: MakeApp, docs: Path, name: str, value: str, message: str
) -> None:
    from sphinx.errors import ConfigError

    with pytest.raises(ConfigError) as raised:
        build(make_app, docs, confoverrides={name: value})
    assert str(raised.value) == message


def test_milepost_today_may_be_a_date(make_app: MakeApp, docs: Path) -> None:
    app, _ = build(make_app, docs, confoverrides={"milepost_today": date(2026, 11, 25)})
    assert "milepost" not in app.warning.getvalue(), app.warning.getvalue()
    assert "Shipped this month (5)" in html(app, "myst.html")


def test_changing_the_check_mode_reads_nothing_again(make_app: MakeApp, docs: Path) -> None:
    roadmap = docs / TOOL_USE
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("**Last updated:** 2026-11-24", "**Last updated:** 2026-08-01"))
    build(make_app, docs)
    strict, read = build(make_app, docs, confoverrides={"milepost_check": "error"})
    assert read == [] and strict.statuscode == 1
    assert f"{roadmap}:3: ERROR: MP201" in strict.warning.getvalue()


def test_a_bad_directive_is_one_warning_at_the_page(make_app: MakeApp, docs: Path) -> None:
    (docs / "other.rst").write_text(
        "Other\n=====\n\n.. milepost-track:: no/such/roadmap.md\n\n"
        ".. milepost-portfolio::\n   :columns: track, shoe size\n\n"
        ".. milepost-track:: roadmaps/tracks\n",
        encoding="utf-8",
    )
    app, _ = build(make_app, docs)
    warnings = app.warning.getvalue()
    assert f"{docs / 'other.rst'}:4: WARNING: milepost-track: no roadmap or folder" in warnings
    assert "milepost-portfolio: unknown column 'shoe' (known: " in warnings
    # The same words as the Markdown extension's (one table of kinds and options for both).
    assert "milepost-track: 3 roadmaps at 'roadmaps/tracks'; name one" in warnings


def test_hostile_roadmap_text_is_escaped(make_app: MakeApp, docs: Path) -> None:
    write_evil(docs / "roadmaps" / "tracks" / "evil")
    app, _ = build(
        make_app, docs, confoverrides={"exclude_patterns": ["_build", "roadmaps/tracks/evil"]}
    )
    assert_escaped(html(app, "index.html"), ESCAPED[:1])  # the track's name in the table
    assert_escaped(html(app, "myst.html"))  # items, risks, dependencies, the graph


def test_mermaid_when_sphinxcontrib_mermaid_is_enabled(make_app: MakeApp, docs: Path) -> None:
    pytest.importorskip("sphinxcontrib.mermaid", reason="sphinxcontrib-mermaid is not installed")
    app, _ = build(
        make_app,
        docs,
        confoverrides={"extensions": ["myst_parser", "sphinxcontrib.mermaid", "milepost.sphinx"]},
    )
    myst = html(app, "myst.html")
    assert 'class="mermaid"' in myst and "flowchart LR" in myst
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' not in myst


def test_importing_without_sphinx_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [
        m for m in sys.modules if m == "milepost.sphinx" or m.startswith("milepost.sphinx.")
    ]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "sphinx", None)
    with pytest.raises(ImportError, match=r"pip install 'milepost\[sphinx\]' \(sphinx is not"):
        __import__("milepost.sphinx")
