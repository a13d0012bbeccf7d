"""Shared fixtures: a fixed today, the shared corpus (skipped with a reason when absent)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The ``server`` and ``sleeps`` fixtures; ``browser`` (the real chromium, tests/browser.py);
# Sphinx's ``make_app`` (tests/test_docs_sphinx.py).
pytest_plugins = ["tests.webhook_server", "tests.browser", "sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
TEMPLATES = SHARED / "template"
EXAMPLES = ROOT / "examples" / "portfolio"
TODAY = dt.date(2026, 11, 25)


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []


def parallel_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gains an entry each time a check takes the every-core path."""
    from milepost.api import check_parallel

    ran: list[int] = []
    on_every_core = check_parallel.check_parallel

    def parallel(*args: Any, **options: Any) -> Any:
        ran.append(1)
        return on_every_core(*args, **options)

    monkeypatch.setattr(check_parallel, "check_parallel", parallel)
    return ran


def require_shared() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (clone ../shared beside the repo)")


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temp_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """milepost's user cache (compiled templates) goes to a temp dir, for this process and
    the commands tests start: tests leave nothing in the user's home."""
    patch = pytest.MonkeyPatch()
    patch.setenv("MILEPOST_CACHE_DIR", str(tmp_path_factory.mktemp("user-cache")))
    yield
    patch.undo()


@pytest.fixture
def today() -> dt.date:
    return TODAY
