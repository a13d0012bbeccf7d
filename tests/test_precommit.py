"""The shipped pre-commit hook, driven by pre-commit itself in a real temporary repository.

pre-commit installs a ``language: python`` hook from the package index, which tests may not
reach; so the hook's own definition (id, entry, files) is copied into a ``repo: local`` hook
that runs the milepost already installed. Everything else is pre-commit's real behaviour:
which files it passes, and how it reports the hook's exit code.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STALE = "# Web UI Roadmap\n\n**Last updated:** 2026-01-01\n\n- âœ… **Completed:** Dark mode\n"


def _hook() -> dict[str, str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    pattern = r"^\s*-?\s*(id|entry|files|types|name): (.+)$"
    fields = dict(re.findall(pattern, text, re.MULTILINE))
    return fields


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip(
        "pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')"
    )
    repo = tmp_path / "project"
    (repo / "tracks" / "web-ui").mkdir(parents=True)
    _git(repo, "init", "-q")
    hook = _hook()
    milepost = str(Path(sys.executable).parent / "milepost")
    selection = "".join(
        f"        {key}: {hook[key]}\n" for key in ("files", "types") if key in hook
    )
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n"
        f"      - id: {hook['id']}\n        name: {hook['name']}\n"
        f"        entry: {milepost} {hook['entry'].removeprefix('milepost ')} --today 2026-11-25\n"
        f"        language: system\n{selection}        require_serial: true\n",
        encoding="utf-8",
    )
    (repo / "README.md").write_text("# not a roadmap [Placeholder]\n", encoding="utf-8")
    return repo


def _run(repo: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    _git(repo, "add", "-A")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hook_fails_on_a_stale_roadmap_and_passes_once_fixed(repo: Path) -> None:
    roadmap = repo / "tracks" / "web-ui" / "roadmap.md"
    roadmap.write_text(STALE, encoding="utf-8")
    result = _run(repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "milepost check" in result.stdout and "Failed" in result.stdout
    assert "tracks/web-ui/roadmap.md:3:1: MP201" in result.stdout
    assert "README.md" not in result.stdout  # passed to the hook, skipped: not a roadmap
    roadmap.write_text(
        "# Web UI Roadmap\n\n**Last updated:** 2026-11-20\n\n- ✅ **Completed:** Dark mode\n",
        encoding="utf-8",
    )
    result = _run(repo)
    assert "MP201" not in result.stdout and "MP302" not in result.stdout


def test_hook_checks_roadmaps_that_custom_patterns_name_and_skips_other_markdown(
    repo: Path,
) -> None:
    (repo / "milepost.toml").write_text('roadmaps = ["plans/*.md"]\n', encoding="utf-8")
    (repo / "plans").mkdir()
    (repo / "plans" / "echo.md").write_text(STALE.replace("Web UI", "Echo"), encoding="utf-8")
    (repo / "docs").mkdir()
    (repo / "docs" / "notes.md").write_text(STALE, encoding="utf-8")  # not a roadmap here
    result = _run(repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "plans/echo.md:3:1: MP201" in result.stdout
    assert "notes.md" not in result.stdout and "README.md" not in result.stdout
    assert "tracks/web-ui" not in result.stdout  # not matched by plans/*.md either
    (repo / "plans" / "echo.md").write_text(
        "# Echo Roadmap\n\n**Last updated:** 2026-11-20\n\n- ✅ **Completed:** Dark mode\n",
        encoding="utf-8",
    )
    result = _run(repo)
    assert "MP201" not in result.stdout and "MP302" not in result.stdout
