"""Errors met in a worker process cross back whole: a file that could not be read on another
core is said as it is on one, its place (path, line, column) and all."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest

from milepost.api import check_parallel, loading
from milepost.cli import main
from milepost.errors import SourceError
from milepost.source import Source
from tests.conftest import parallel_checks


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the stand-in decoder reaches the workers only where they are forked",
)
def test_an_error_with_a_column_is_placed_alike_on_one_core_and_on_every_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker sent back the type, message, path, line and hint of an error, not its column:
    on every core ``path:3:`` where one core said ``path:3:5:``, and JSON and SARIF lost
    the column. No error a worker meets has a column yet (a config's has, read in the main
    process), so a stand-in decoder gives one file's error one."""
    for n in range(check_parallel.PARALLEL_FROM + 2):
        folder = tmp_path / f"t{n}"
        folder.mkdir()
        (folder / "roadmap.md").write_text(f"# T{n} Roadmap\n", encoding="utf-8")
    bad = os.path.join("t7", "roadmap.md")
    from milepost.source import decode

    def placed(data: bytes, *, path: str | None = None) -> Source:
        if path is not None and path.endswith(bad):
            raise SourceError("cannot read this byte", path=path, line=3, col=5, hint="fix it")
        return decode(data, path=path)

    monkeypatch.setattr(loading, "decode", placed)
    monkeypatch.chdir(tmp_path)
    ran = parallel_checks(monkeypatch)
    said: dict[int, tuple[str, list[Any], list[Any]]] = {}
    for cores in (1, 2):
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        args = ["check", ".", "--today", "2026-11-25", "--select", "MP201"]
        assert main(args) == 2
        err = capsys.readouterr().err
        assert main([*args, "--format", "json"]) == 2
        entries = [e for e in json.loads(capsys.readouterr().out) if e["code"] is None]
        assert main([*args, "--format", "sarif"]) == 2
        [run] = json.loads(capsys.readouterr().out)["runs"]
        notes = run["invocations"][0]["toolExecutionNotifications"]
        said[cores] = (err, entries, notes)
    assert ran == [1, 1, 1]  # every core, each format
    assert said[1] == said[2]
    err, [entry], [note] = said[2]
    assert err == "milepost: error: t7/roadmap.md:3:5: cannot read this byte (fix it)\n"
    assert (entry["path"], entry["line"], entry["col"]) == ("t7/roadmap.md", 3, 5)
    assert note["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 5,
    }


def test_a_roadmap_the_site_could_not_read_keeps_its_column_across_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A site build renders each track in a worker; a roadmap it could not read comes back
    as the fields of its error (pickled), and the column was not one of them."""
    import datetime as dt
    import pickle

    from milepost.config import Config
    from milepost.sitebuild import rendering

    def placed(data: bytes, *, path: str | None = None) -> Source:
        raise SourceError("cannot read this byte", path=path, line=3, col=5, hint="fix it")

    monkeypatch.setattr(rendering, "decode", placed)
    failed = rendering._render_one(
        Path("t7/roadmap.md"), b"", Config(), "t7/roadmap.md", "P", dt.date(2026, 11, 25)
    )
    error = pickle.loads(pickle.dumps(failed)).error()
    assert isinstance(error, SourceError)
    assert str(error) == "t7/roadmap.md:3:5: cannot read this byte (fix it)"
