"""The dot-delimited fixture format of markdown-it-py and mdformat: title, ., input, ., expected, .

Markdown needs no escaping in it, and the bytes between the dots are the test. And helpers
the tests share: an edit set and read back, a deep folder removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status


@dataclass(frozen=True)
class Case:
    title: str
    line: int  # 1-based line of the title in the fixture file
    input: str
    expected: str


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, start = lines[i], i + 1
        if i + 1 >= len(lines) or lines[i + 1] != ".":
            raise ValueError(f"{path}:{i + 2}: expected '.' after the case title")
        i += 2
        parts: list[list[str]] = [[], []]
        for part in parts:
            while i < len(lines) and lines[i] != ".":
                part.append(lines[i])
                i += 1
            if i >= len(lines):
                raise ValueError(f"{path}:{start}: case {title!r} is not closed with '.'")
            i += 1
        text = "\n".join(parts[0]) + "\n" if parts[0] else ""
        expected = "\n".join(parts[1]) + "\n" if parts[1] else ""
        cases.append(Case(title, start, text, expected))
    return cases


def remove_deep(top: Path) -> None:
    """Remove a chain of nested folders deeper than ``shutil.rmtree`` (recursive, so pytest's
    clean-up of old temporary folders too) can: from the bottom up, a loop. Every test that
    makes one removes it, so no undeletable folder is left behind in the temporary root."""
    chain = [top]
    while True:
        subfolders = [p for p in chain[-1].iterdir() if p.is_dir() and not p.is_symlink()]
        if not subfolders:
            break
        chain.extend(subfolders[:1])
    for folder in reversed(chain):
        for entry in folder.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                entry.rmdir()
            else:
                entry.unlink()
    top.rmdir()


def set_status(text: str, title: str, status: Status) -> str:
    """``text`` with the item named ``title`` set to ``status`` by the edit an operation
    makes; the edit reads back (its own verification passes)."""
    roadmap = milepost.loads(text)
    item = next(i for i in roadmap.items if i.title == title)
    edit = ops.set_status(roadmap, item, status)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    return after
