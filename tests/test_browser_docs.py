"""The docs sites milepost's blocks go into (Sphinx, MkDocs, Python-Markdown) in the real
Debian chromium (headless, see tests/browser.py): they load cleanly, show a hostile roadmap as
text, and stay legible in a dark theme without styling anything else."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import open_page
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def loopback(docs_html: dict[str, Path]) -> Iterator[str]:
    """The MkDocs site over HTTP on 127.0.0.1 (its search worker refuses file://)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    folder = docs_html["mkdocs-index"].parent
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def docs_html(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Sphinx test root and an MkDocs site over the same roadmaps (plus a hostile one),
    built for real; their pages with milepost blocks."""
    pytest.importorskip("sphinx", reason="Sphinx is not installed (pip install -e '.[test]')")
    pytest.importorskip("mkdocs", reason="MkDocs is not installed (pip install -e '.[test]')")
    from sphinx.cmd.build import build_main

    from tests.test_docs_mkdocs import make_site, mkdocs_build
    from tests.test_docs_sphinx import ROOT, write_evil

    base = tmp_path_factory.mktemp("docs")
    sphinx_src = base / "sphinx"
    shutil.copytree(ROOT, sphinx_src)
    write_evil(sphinx_src / "roadmaps" / "tracks" / "evil")
    out = sphinx_src / "_build"
    args = ["-q", "-b", "html", "-D", "exclude_patterns=_build,roadmaps/tracks/evil"]
    assert build_main([*args, str(sphinx_src), str(out)]) == 0
    mk = make_site(base / "mkdocs")
    write_evil(mk / "docs" / "roadmaps" / "tracks" / "evil")
    done = mkdocs_build(mk)
    assert done.returncode == 0, done.stderr
    return {
        "sphinx-index": out / "index.html",
        "sphinx-myst": out / "myst.html",
        "mkdocs-index": mk / "site" / "index.html",
    }


@pytest.mark.parametrize("name", ["sphinx-index", "sphinx-myst", "mkdocs-index"])
def test_docs_pages_load_cleanly(
    browser: Any, docs_html: dict[str, Path], loopback: str, name: str
) -> None:
    url = loopback if name == "mkdocs-index" else docs_html[name].as_uri()
    page, problems = open_page(browser, url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(100)
    assert problems == []  # no console error, no failed request, no alert from a payload
    assert page.locator(".milepost table").first.is_visible()
    text = page.locator("body").inner_text()
    assert "Evil <script>alert(1)</script>" in text  # the hostile track is shown, as text
    if name != "sphinx-index":
        graph = page.locator("svg[aria-label='Dependency graph']")
        assert graph.count() == 1 and graph.bounding_box()["width"] > 200
    for link in page.locator(".milepost a").all():
        href = (link.get_attribute("href") or "").lower().replace("\t", "")
        assert not href.startswith(("javascript", "data"))
    page.close()


def test_docs_blocks_are_legible_in_a_dark_theme_and_style_nothing_else(
    browser: Any, tmp_path: Path
) -> None:
    """The risk matrix and the graph's labels keep a readable contrast on a dark page, and the
    drawing's own styling reaches no other SVG on the page (a theme's Mermaid diagrams)."""
    pytest.importorskip("markdown", reason="Markdown is not installed (pip install -e '.[test]')")
    from importlib import resources

    import markdown

    shutil.copytree(EXAMPLES, tmp_path / "p")
    body = markdown.markdown(
        "```milepost risks\n```\n\n```milepost graph\n```\n",
        extensions=["milepost.markdown"],
        extension_configs={
            "milepost.markdown": {"root": str(tmp_path / "p"), "today": "2026-11-25"}
        },
    )
    css = (resources.files("milepost.render") / "docs_static" / "milepost.css").read_text("utf-8")
    other = '<svg id="other" width="100" height="20"><text x="0" y="15">other</text></svg>'
    html = tmp_path / "dark.html"
    html.write_text(
        f"<!doctype html><meta charset=utf-8><style>{css}"
        "body{background:rgb(30,33,41);color:rgb(226,228,233);font-size:16px}</style>"
        f"<body>{body}{other}</body>",
        encoding="utf-8",
    )
    page, problems = open_page(browser, html.as_uri())
    colours = page.evaluate(
        """() => {
        const style = (el) => getComputedStyle(el);
        const cell = document.querySelector('.milepost-matrix td.milepost-heat-4');
        const label = document.querySelector('.milepost-svg svg text');
        const other = document.querySelector('#other text');
        return {cell: [style(cell).color, style(cell).backgroundColor],
                label: style(label).fill, other: [style(other).fill, style(other).fontSize]};
    }"""
    )
    page.close()
    assert problems == []

    def luminance(css_colour: str) -> float:
        r, g, b = (int(x) for x in css_colour.split("(")[1].split(")")[0].split(",")[:3])
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    text, ground = colours["cell"]
    assert abs(luminance(text) - luminance(ground)) > 0.5, colours
    assert abs(luminance(colours["label"]) - luminance("rgb(30, 33, 41)")) > 0.5, colours
    assert colours["other"] == ["rgb(0, 0, 0)", "16px"], colours  # not the drawing's style
