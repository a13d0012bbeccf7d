"""The Python-Markdown extension on its own, and the MkDocs plugin in real ``mkdocs build`` runs
in a temp folder: the tracks table linked to the roadmaps' pages, findings as warnings that
``--strict`` turns into a failed build, the roadmaps watched by ``mkdocs serve``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.test_docs_sphinx import ROOT, TOOL_USE, UNREADABLE, assert_escaped, write_evil

markdown = pytest.importorskip(
    "markdown", reason="Markdown is not installed (pip install -e '.[test]')"
)
pytest.importorskip("mkdocs", reason="MkDocs is not installed (pip install -e '.[test]')")

TODAY = "2026-11-25"
PAGE = """# Roadmaps

```milepost portfolio
```

```milepost focus
```

```milepost risks
:tracks: memory
```

```milepost graph
```

```milepost track roadmaps/tracks/memory
```
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path)


def make_site(tmp_path: Path) -> Path:
    """An MkDocs project whose docs hold the roadmaps and one page of milepost blocks."""
    (tmp_path / "docs").mkdir(parents=True)
    shutil.copytree(ROOT / "roadmaps", tmp_path / "docs" / "roadmaps")
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Swarmkit\n"
        "theme:\n  name: mkdocs\n  highlightjs: false\n"  # no CDN: the tests are offline
        "plugins:\n  - search\n  - milepost:\n      root: docs/roadmaps\n"
        f"      today: '{TODAY}'\n",
        encoding="utf-8",
    )
    return tmp_path


def mkdocs_build(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(site / "mkdocs.yml"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def convert(text: str, **config: Any) -> tuple[str, Any]:
    md = markdown.Markdown(
        extensions=["fenced_code", "milepost.markdown"],
        extension_configs={"milepost.markdown": {"today": TODAY, **config}},
    )
    return md.convert(text), md


def test_mkdocs_build_shows_the_portfolio_linked_to_the_roadmaps(site: Path) -> None:
    done = mkdocs_build(site, "--strict")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<a href="roadmaps/tracks/memory/roadmap/">Memory</a>' in page
    assert "🟢 on track" in page and "Shipped this month (5)" in page
    assert '<div class="milepost-svg"><svg xmlns="http://www.w3.org/2000/svg"' in page
    assert "Success metrics" in page and 'href="assets/milepost.css"' in page
    assert (site / "site" / "assets" / "milepost.css").is_file()


def test_strict_fails_on_a_finding_and_check_error_stops_the_build(site: Path) -> None:
    roadmap = site / "docs" / TOOL_USE
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("**Last updated:** 2026-11-24", "**Last updated:** 2026-08-01"))
    loose = mkdocs_build(site)
    assert loose.returncode == 0
    assert f"WARNING -  milepost: {roadmap.resolve()}:3: MP201 last updated" in loose.stderr
    strict = mkdocs_build(site, "--strict")
    assert strict.returncode != 0
    assert "Aborted with 2 warnings in strict mode" in strict.stdout + strict.stderr
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      check: error\n")
    stopped = mkdocs_build(site)
    assert stopped.returncode != 0
    assert "2 finding(s) in the roadmaps shown" in stopped.stdout + stopped.stderr


def test_an_unreadable_roadmap_is_a_warning_even_with_check_off(site: Path) -> None:
    bad = site / "docs" / "roadmaps" / "tracks" / "bad" / "roadmap.md"
    bad.parent.mkdir()
    bad.write_bytes(UNREADABLE)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "plugins:", "exclude_docs: roadmaps/tracks/bad/\nplugins:"
    )
    config.write_text(text + "      check: 'off'\n", encoding="utf-8")
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    assert f"WARNING -  milepost: {bad.resolve()}:1: cannot decode byte 6 (0xff)" in done.stderr
    assert mkdocs_build(site, "--strict").returncode != 0


def test_serve_watches_the_roadmaps(site: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(site / "mkdocs.yml"), site_dir=str(site / "out"))
    build(config)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server: Any = Server()  # stands in for the LiveReloadServer: only watch() is called
    config.plugins["milepost"].on_serve(server, config=config, builder=lambda: None)
    roadmaps = (site / "docs" / "roadmaps").resolve()
    assert str(roadmaps) in server.watched
    assert str(roadmaps / "tracks" / "memory" / "roadmap.md") in server.watched


def test_markdown_extension_alone(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(ROOT / "roadmaps", root)
    text = "Intro\n\n```milepost portfolio\n:columns: track, lead\n```\n\n```python\nx = 1\n```\n"
    html, md = convert(text, root=str(root))
    assert "<th>Track</th>\n<th>Lead</th>\n</tr>" in html and "<td>Memory</td>" in html
    assert '<code class="language-python">x = 1' in html  # other fences are left alone
    # the counts are this month's, as the headers say (status counts all of a roadmap)
    text = "```milepost portfolio\n:columns: track, done, in-progress, planned\n```\n"
    html, _ = convert(text, root=str(root))
    assert (
        "<th>✅ Done this month</th>\n<th>🚧 In flight</th>\n<th>📋 Planned this month</th>" in html
    )
    ext = md.registeredExtensions[-1]
    assert sorted(Path(f).parent.name for f in ext.read) == ["memory", "orchestration", "tool-use"]
    assert ext.problems == []


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("```milepost gantt\n```", "unknown kind 'gantt'"),
        ("```milepost\n```", "milepost: which kind of block? (known: portfolio"),
        ("```milepost portfolio\n:colour: red\n```", "not an option: ':colour: red'"),
        ("```milepost portfolio\n:columns: shoe\n```", "unknown column 'shoe'"),
        ("```milepost portfolio\n:tracks: nope\n```", "no track 'nope' in the portfolio"),
        ("```milepost track\n```", "track: which roadmap?"),
        ("```milepost track nowhere\n```", "no roadmap or folder 'nowhere'"),
        ("```milepost track tracks\n```", "3 roadmaps at 'tracks'; name one"),
        ("```milepost track tracks/memory\n:tracks: memory\n```", "not an option: ':tracks:"),
    ],
)
def test_markdown_extension_problems_are_shown_and_kept(
    tmp_path: Path, block: str, problem: str
) -> None:
    shutil.copytree(ROOT / "roadmaps", tmp_path / "p")
    html, md = convert(block, root=str(tmp_path / "p"))
    assert '<p class="milepost-error">' in html and problem in html
    assert problem in md.registeredExtensions[-1].problems[0][0]


def test_a_problem_names_the_line_its_block_opens_on(site: Path) -> None:
    page = site / "docs" / "index.md"
    front = "---\ntitle: Roadmaps\n---\n"
    page.write_text(front + PAGE + "\nText.\n\n```milepost gantt\n```\n", encoding="utf-8")
    at = (front + PAGE).count("\n") + 4  # the front matter counts: MkDocs hands it over cut
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    assert f"WARNING -  milepost: {page.resolve()}:{at}: milepost gantt: unknown kind 'gantt'" in (
        done.stderr
    )
    _, md = convert("# Page\n\n```milepost track nowhere\n```\n", root=str(site))
    assert md.registeredExtensions[-1].problems[0][2] == 3


def test_markdown_extension_escapes_hostile_roadmaps(tmp_path: Path) -> None:
    write_evil(tmp_path / "p" / "evil")
    blocks = "\n\n".join(
        f"```milepost {kind}\n```" for kind in ("portfolio", "focus", "risks", "graph")
    )
    html, _ = convert(blocks + "\n\n```milepost track evil\n```\n", root=str(tmp_path / "p"))
    assert_escaped(html)
    assert "javascript:" not in html.lower()


def test_markdown_builder_escapes_text_and_placeholders() -> None:
    from milepost.markdown.elements import Builder
    from milepost.render.blocks import Para, Text, TrackLink

    md = markdown.Markdown()
    evil = "<script>alert(1)</script>\x02wzxhzdk:0\x03"
    element = Builder(md, "", "").box([Para((Text(evil), TrackLink(evil, None)))])
    from xml.etree import ElementTree

    out = ElementTree.tostring(element, encoding="unicode")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;wzxhzdk:0" in out and "\x02" not in out


def test_importing_without_markdown_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("milepost.markdown", "milepost.mkdocs"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setitem(sys.modules, "markdown", None)
    with pytest.raises(ImportError, match=r"pip install 'milepost\[mkdocs\]' \(markdown is not"):
        __import__("milepost.markdown")
    monkeypatch.setitem(sys.modules, "mkdocs", None)
    with pytest.raises(ImportError, match=r"pip install 'milepost\[mkdocs\]' \(mkdocs is not"):
        __import__("milepost.mkdocs")


def test_the_base_install_pulls_no_docs_tool() -> None:
    import tomllib

    project = tomllib.loads((ROOT.parents[2] / "pyproject.toml").read_text("utf-8"))["project"]
    names = {d.split(">")[0].split("<")[0].split("[")[0].strip() for d in project["dependencies"]}
    assert not names & {"sphinx", "myst-parser", "mkdocs", "markdown", "docutils"}
    extras = project["optional-dependencies"]
    assert {"sphinx", "myst-parser"} <= {d.split(">")[0] for d in extras["sphinx"]}
    assert {"mkdocs", "markdown"} <= {d.split(">")[0] for d in extras["mkdocs"]}
    entry = project["entry-points"]["mkdocs.plugins"]["milepost"]
    assert entry == "milepost.mkdocs:MilepostPlugin"


def test_milepost_blocks_inside_other_fences_are_left_as_code(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "roadmaps", tmp_path / "p")
    text = (
        "````markdown\n```milepost portfolio\n:columns: track\n```\n````\n\n"
        "~~~\n```milepost focus\n```\n~~~\n\n"
        "```text\n~~~\n```milepost risks\n```\n\n"
        "```milepost portfolio\n:columns: track, lead\n```\n"
    )
    html, md = convert(text, root=str(tmp_path / "p"))
    samples = html.split("<code")[1:]
    assert len(samples) == 3, html
    assert "```milepost portfolio\n:columns: track\n```" in samples[0]
    assert "```milepost focus\n```" in samples[1]
    assert "~~~\n```milepost risks" in samples[2]
    assert html.count("<table>") == 1 and "<th>Lead</th>" in html  # the real block still runs
    assert md.registeredExtensions[-1].problems == []


def test_a_track_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "roadmaps", tmp_path / "p")
    memory = tmp_path / "p" / "tracks" / "memory" / "roadmap.md"
    memory.write_bytes(memory.read_bytes() + b"\xff\n")
    html, md = convert("```milepost track tracks/memory\n```", root=str(tmp_path / "p"))
    problems = [p[0] for p in md.registeredExtensions[-1].problems]
    assert any("the roadmap at 'tracks/memory' could not be read" in p for p in problems)
    assert any("cannot decode byte" in p for p in problems)
    assert "0 roadmaps" not in html


def test_a_symlink_loop_in_the_portfolio_is_no_crash(tmp_path: Path) -> None:
    """A roadmap that links to itself cannot be read; the other tracks' table still renders."""
    root = tmp_path / "p"
    shutil.copytree(ROOT / "roadmaps", root)
    (root / "tracks" / "loopy").mkdir()
    (root / "tracks" / "loopy" / "roadmap.md").symlink_to("roadmap.md")
    html, _ = convert("```milepost portfolio\n:columns: track, lead\n```\n", root=str(root))
    assert "<td>Memory</td>" in html


def test_check_off_unquoted_in_mkdocs_yml_turns_the_findings_off(site: Path) -> None:
    """YAML reads a bare ``off`` as false: ``check: off``, as the docs write it, is "off"."""
    roadmap = site / "docs" / TOOL_USE
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("**Last updated:** 2026-11-24", "**Last updated:** 2026-08-01"))
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      check: off\n")
    done = mkdocs_build(site, "--strict")
    assert done.returncode == 0, done.stderr
    assert "MP201" not in done.stderr


@pytest.mark.parametrize(
    ("tracks", "shown"),
    [
        ("Tool Use, Memory", ["Memory", "Tool Use"]),
        ("Tool Use", ["Tool Use"]),
        ("tool use", ["Tool Use"]),
        ("memory tool-use", ["Memory", "Tool Use"]),
        ("memory, tool-use", ["Memory", "Tool Use"]),
    ],
)
def test_tracks_option_takes_names_with_spaces(
    tmp_path: Path, tracks: str, shown: list[str]
) -> None:
    shutil.copytree(ROOT / "roadmaps", tmp_path / "p")
    block = f"```milepost portfolio\n:columns: track\n:tracks: {tracks}\n```\n"
    html, md = convert(block, root=str(tmp_path / "p"))
    assert md.registeredExtensions[-1].problems == []
    assert re.findall(r"<td>([^<]*)</td>", html) == shown


def test_the_graph_of_some_tracks_draws_the_tracks_at_the_other_end(tmp_path: Path) -> None:
    """The drawing shows every dependency the list below it names, with both of its tracks."""
    shutil.copytree(ROOT / "roadmaps", tmp_path / "p")
    html, md = convert("```milepost graph\n:tracks: memory\n```\n", root=str(tmp_path / "p"))
    assert md.registeredExtensions[-1].problems == []
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    listed = html.split("Dependencies (", 1)[1].split("</ul>", 1)[0].count("<li>")
    assert listed > 0
    assert svg.count("marker-end=") == listed
    nodes = re.findall(r"<title>([^<]*)</title><rect ", svg)  # each node titled by its name
    assert "Memory" in nodes and len(nodes) > 1
    # the table and the lists still show only the tracks named
    html, _ = convert("```milepost risks\n:tracks: memory\n```\n", root=str(tmp_path / "p"))
    assert "Orchestration" not in html


def test_the_graph_of_some_tracks_marks_a_cycle_through_the_others(tmp_path: Path) -> None:
    """A → B → C → A: the graph of A alone shows its two dependencies on the cycle, in the
    list and in red in the drawing, though the step B → C is not drawn."""
    for name, needs in (("A", "B"), ("B", "C"), ("C", "A")):
        folder = tmp_path / "p" / name.lower()
        folder.mkdir(parents=True)
        (folder / "roadmap.md").write_text(
            f"# {name} Roadmap\n\n## Dependencies and Risks\n\n### External Dependencies\n"
            f"- **Dependency on {needs}:** the API\n",
            encoding="utf-8",
        )
    html, md = convert("```milepost graph\n:tracks: a\n```\n", root=str(tmp_path / "p"))
    assert md.registeredExtensions[-1].problems == []
    listed = html.split("Dependencies (", 1)[1].split("</ul>", 1)[0]
    assert listed.count("<li>") == 2 and listed.count("on a cycle") == 2
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    arrows = re.findall(r'<path [^>]*stroke="([^"]+)" stroke-width="([^"]+)"', svg)
    assert arrows == [("#cf222e", "3"), ("#cf222e", "3")]


def test_the_focus_block_lists_blocked_work_when_there_is_some(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "roadmaps", tmp_path / "p")
    html, md = convert("```milepost focus\n```\n", root=str(tmp_path / "p"))
    assert md.registeredExtensions[-1].problems == []
    blocked = html.split("⛔ Blocked (1)", 1)[1].split("</ul>", 1)[0]
    assert "Cache large tool results in agent memory" in blocked
    html, _ = convert("```milepost focus\n:tracks: memory\n```\n", root=str(tmp_path / "p"))
    assert "Blocked" not in html
