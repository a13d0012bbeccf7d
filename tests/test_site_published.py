"""What the site's folder publishes (GitHub Pages serves its dotfiles too): nothing that says
where the portfolio was on the disk that built it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from milepost import api
from tests.conftest import EXAMPLES, TODAY


def _holding(folder: Path, *paths: Path) -> list[str]:
    """The files below ``folder`` (dotfiles, the manifest and the parts cache too) whose
    bytes hold any of ``paths``, as given or resolved."""
    needles = {os.fsencode(p) for path in paths for p in (path, path.resolve())}
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and any(needle in p.read_bytes() for needle in needles)
    )


def test_no_file_of_the_site_holds_a_path_of_the_machine(tmp_path: Path) -> None:
    """The manifest kept each linked file by its absolute path ("/home/alice/..."): it keeps
    them by their paths from the portfolio's root, and incremental builds work as before."""
    portfolio = tmp_path / "p"
    shutil.copytree(EXAMPLES, portfolio)
    memory = portfolio / "tracks" / "memory"
    (memory / "flow.png").write_bytes(b"\x89PNG one")
    (portfolio / "notes.md").write_text("outside the track's folder\n", encoding="utf-8")
    roadmap = memory / "roadmap.md"
    roadmap.write_text(
        roadmap.read_text(encoding="utf-8")
        + "\n![The flow](flow.png), [later](later.txt), [notes](../../notes.md).\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    built = api.site([portfolio.resolve()], out, today=TODAY)
    assert not built.errors and (out / "files" / "memory" / "flow.png").is_file()
    assert _holding(out, tmp_path) == []
    manifest = json.loads((out / ".milepost-site.json").read_text(encoding="utf-8"))
    assert [stamp[1] for stamp in manifest["linked"].values()] == ["tracks/memory/flow.png"]
    assert sorted(file for links in manifest["checked"].values() for file in links) == [
        "notes.md",
        "tracks/memory/flow.png",
        "tracks/memory/later.txt",
    ]
    # Nothing changed: no page rendered again, nothing written.
    again = api.site([portfolio.resolve()], out, today=TODAY)
    assert (again.written, again.reused) == (0, 5)
    # The image changes: its copy is new, and no page is rendered again for it.
    (memory / "flow.png").write_bytes(b"\x89PNG two, longer")
    again = api.site([portfolio.resolve()], out, today=TODAY)
    assert again.reused == 5
    assert (out / "files" / "memory" / "flow.png").read_bytes() == b"\x89PNG two, longer"
    # A linked file appears: the page that links to it is rendered again, the others kept.
    (memory / "later.txt").write_text("hi\n", encoding="utf-8")
    again = api.site([portfolio.resolve()], out, today=TODAY)
    assert again.reused == 4 and not again.errors
    page = (out / "tracks" / "memory.html").read_text(encoding="utf-8")
    assert 'href="../files/memory/later.txt"' in page
    assert _holding(out, tmp_path) == []
