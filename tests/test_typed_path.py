"""A path as the user would type it (``errors.typed_path``): the one way a config found by its
absolute path, a track found by its slug, and a roadmap in a diff or an announcement are shown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from milepost import api
from milepost.errors import typed_path


def test_a_path_below_the_working_directory_is_relative_with_forward_slashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # forward slashes on every system (where the separator is "/" already, as it is here,
    # they are what it was), as a diff's path in JSON or Markdown is the same everywhere
    monkeypatch.chdir(tmp_path)
    assert typed_path(tmp_path / "plans" / "sub" / "milepost.toml") == "plans/sub/milepost.toml"
    assert typed_path("plans/./sub/../milepost.toml") == "plans/milepost.toml"
    assert typed_path(str(tmp_path)) == "."


def test_a_path_outside_the_working_directory_is_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert typed_path(tmp_path / "milepost.toml") == str(tmp_path / "milepost.toml")
    assert typed_path("../milepost.toml") == "../milepost.toml"
    assert typed_path(tmp_path / "here-not" / "x.md") == str(tmp_path / "here-not" / "x.md")


def test_without_a_working_directory_a_path_is_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "gone").mkdir()
    monkeypatch.chdir(tmp_path / "gone")
    (tmp_path / "gone").rmdir()
    assert typed_path("plans/milepost.toml") == "plans/milepost.toml"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_symlink_is_shown_by_its_own_name_not_its_targets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The link is the path that was found or typed; its target may be outside the working
    directory (shown in full) or named by nothing the user knows."""
    repo = tmp_path / "repo"
    (repo / "tracks" / "memory").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "memory.md").write_text("# Memory Roadmap\n", encoding="utf-8")
    (repo / "tracks" / "memory" / "roadmap.md").symlink_to(tmp_path / "elsewhere" / "memory.md")
    (repo / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    monkeypatch.chdir(repo)
    assert typed_path(repo / "tracks" / "memory" / "roadmap.md") == "tracks/memory/roadmap.md"
    assert typed_path(repo / "linked" / "memory.md") == "linked/memory.md"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_track_named_by_its_slug_is_its_roadmaps_path_not_the_links_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tracks" / "memory").mkdir(parents=True)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "memory.md").write_text("# Memory Roadmap\n", encoding="utf-8")
    (tmp_path / "tracks" / "memory" / "roadmap.md").symlink_to(tmp_path / "shared" / "memory.md")
    (tmp_path / "milepost.toml").write_text('roadmaps = ["tracks/*/roadmap.md"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    assert api.resolve_track("memory") == Path("tracks/memory/roadmap.md")
    assert api.resolve_track("Memory") == Path("tracks/memory/roadmap.md")
