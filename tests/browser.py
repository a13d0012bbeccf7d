"""The real Debian chromium (headless) for the browser tests: the ``browser`` fixture,
:func:`open_page`, which opens a page and records whatever goes wrong on it, and sites to
open: the ``examples`` fixture (the example portfolio's) and :func:`track_site` (one
track's).

Skipped, with the reason, only where chromium or Playwright cannot be had (.ci/run installs
chromium with apt-get when it is missing).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from tests.conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
    )
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the example portfolio (a copy: outside any git clone), its folder."""
    root = tmp_path_factory.mktemp("examples")
    shutil.copytree(EXAMPLES, root / "p")
    api.site([root / "p"], root / "site", today=dt.date(2026, 11, 25))
    return root / "site"


def open_page(browser: Any, url: str, width: int = 1280) -> tuple[Any, list[str]]:
    """``url`` in a new page ``width`` pixels wide, and the list its console errors, page
    errors, failed requests and dialogs (an ``alert()`` from a payload) are added to."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))

    def on_dialog(dialog: Any) -> None:  # an alert() from a payload would land here
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    return page, problems


def track_site(root: Path, slug: str, roadmap: str) -> Path:
    """The page of the one track of a site built below ``root``, whose roadmap (in a folder
    ``slug``) is ``roadmap``."""
    (root / "p" / slug).mkdir(parents=True)
    (root / "p" / slug / "roadmap.md").write_text(roadmap, encoding="utf-8")
    api.site([root / "p"], root / "site", today=dt.date(2026, 11, 25))
    return root / "site" / "tracks" / f"{slug}.html"
