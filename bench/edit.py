"""Benchmark one `ship` (edit + verify) against a bare load of the same roadmap.

    python bench/edit.py [--shared ../shared] [--repeat 30]

In one run, on a 5,000-line roadmap (a synthetic track grown by repeating its Current Focus
items) and on a 10-line one: the median time of ``milepost.load`` of the file, and of computing
a ``ship`` of one in-progress item, applying its patches, parsing the result again and
verifying it (what ``milepost ship --dry-run`` does after loading, without printing). Prints
both, their ratio, and the target "edit + verify <= 3x the load time" with PASS/FAIL.
This is a benchmark, not a test: it exits 0 whatever the verdict.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import milepost
from milepost.document import apply, parse
from milepost.edits import operations as ops
from milepost.extract import extract
from milepost.model import Status, work_items

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 25)
TARGET = 3.0
SMALL = (
    "# Tiny Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
    "- 🚧 **In Progress:** Search\n\n## Completed Milestones\n"
)


def _big(shared: Path, folder: Path, lines: int) -> Path:
    """A generated track whose Current Focus month is repeated until the file has ``lines``."""
    subprocess.run(
        [
            sys.executable,
            str(shared / "bench" / "gen_corpus.py"),
            str(folder),
            "--tracks",
            "1",
            "--seed",
            "1",
        ],
        check=True,
        capture_output=True,
    )
    path = next(folder.glob("*/roadmap.md"))
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("## Completed Milestones")
    filler = "\n".join(
        f"- 📋 **Planned:** Filler item {n} (#{1000 + n}) @owner{n % 7}"
        for n in range(max(0, lines - text.count("\n")))
    )
    path.write_text(
        head + filler + "\n- 🚧 **In Progress:** Bench target item (#9999)\n\n" + sep + rest,
        encoding="utf-8",
    )
    return path


def _median(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(path: Path, repeat: int) -> tuple[float, float, int]:
    load = _median(lambda: milepost.load(path), repeat)
    roadmap = milepost.load(path)
    target = next(i for i in work_items(roadmap) if i.status is Status.IN_PROGRESS)

    def edit() -> None:
        change = ops.ship(roadmap, target, today=TODAY)
        new = apply(roadmap.document.source, change.patches)
        if change.verify(extract(parse(new), path=roadmap.path)) is not None:
            raise SystemExit("edit did not verify")

    return load, _median(edit, repeat), roadmap.document.line_count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp, "small", "roadmap.md")
        small.parent.mkdir()
        small.write_text(SMALL, encoding="utf-8")
        big = _big(args.shared, Path(tmp, "big"), 5000)
        print(f"milepost edit benchmark: python {sys.version.split()[0]}, median of {args.repeat}")
        print(
            f"{'roadmap':>14}  {'load ms':>9}  {'ship+verify ms':>15}  ratio  target <= {TARGET}x"
        )
        for label, path in (("10 lines", small), ("5,000 lines", big)):
            load, edit, lines = measure(path, args.repeat)
            ratio = edit / load
            verdict = "PASS" if ratio <= TARGET else "FAIL"
            print(
                f"{label:>9} ({lines:>5})  {load * 1000:9.2f}  {edit * 1000:15.2f}  "
                f"{ratio:5.2f}  {verdict}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
