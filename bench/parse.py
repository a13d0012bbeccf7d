"""Benchmark milepost's full model extraction against reading files and a bare Markdown parse.

    python bench/parse.py [--shared ../shared] [--tracks 1000,10000] [--repeat N] [--quick]

For each portfolio size, one run:

1. generates a synthetic portfolio with the shared ``gen_corpus.py`` (seed 1) into a temporary
   directory under the system temp folder;
2. times, each in a fresh subprocess of this script (so peak memory is measured separately):
   (a) reading all files as bytes; (b) markdown-it-py's bare parse of the same texts
   (``MarkdownIt("commonmark").enable("table")``, texts read before the clock starts);
   (c) ``milepost.load(path)`` of every file, one process (reading included);
   (d) the same over a ``ProcessPoolExecutor(os.cpu_count())``, chunked, each worker
   returning only the item count;
3. prints seconds, files/s and peak RSS (``ru_maxrss``) per measurement, the ratios (c)/(b)
   and (c)/(a), and the target "(c)/(b) <= 0.3 at 10,000 tracks (one process)" with PASS/FAIL,
   beside the reference figures of /work/shared/bench/README.md (another run, another day:
   compare ratios taken within one run, not absolute times across runs).

Timings are medians of ``--repeat`` runs (default: 3 below 5,000 tracks, 1 from there on);
peaks are the largest seen across repeats. This is a benchmark, not a test: it exits 0 whatever
the target verdict, and 1 only when a measurement fails.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from _common import (
    QUICK_TRACKS,
    REFERENCE_NOTE,
    generate,
    generator,
    maxrss_kib,
    portfolio_parser,
    roadmap_files,
)

KINDS = ("read", "mdit", "load", "load-par")
LABELS = {
    "read": "(a) read all files (bytes)",
    "mdit": "(b) markdown-it-py bare parse",
    "load": "(c) milepost.load, 1 process",
    "load-par": "(d) milepost.load, all cores",
}
# From /work/shared/bench/README.md: tracks -> seconds, measured on another run.
REFERENCE = {
    "read": {1: 0.018, 100: 0.02, 1000: 0.06, 10000: 0.40},
    "mdit": {1: 0.052, 100: 0.48, 1000: 4.6, 10000: 48.0},
}
TARGET_TRACKS = 10000
TARGET_RATIO = 0.3


# ---------------------------------------------------------------------------------------------
# Measurements (run inside a fresh subprocess: ``--_measure KIND DIR``)
# ---------------------------------------------------------------------------------------------


def _count_items(path: str) -> int:
    """Load one file fully; return only its item count, so pickling stays negligible in (d)."""
    # milepost ships no py.typed marker yet: untyped when found installed, typed from src/.
    from milepost import load  # type: ignore[import-untyped, unused-ignore]

    return len(load(path).items)


def _measure(kind: str, root: Path) -> dict[str, float]:
    """Do one measurement in this process; return seconds, file count and memory peaks."""
    paths = roadmap_files(root)
    work: Callable[[], int]
    if kind == "read":

        def work() -> int:
            total = 0
            for p in paths:
                with open(p, "rb") as f:
                    total += len(f.read())
            return total

    elif kind == "mdit":
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable("table")
        texts = [Path(p).read_text(encoding="utf-8") for p in paths]

        def work() -> int:
            return sum(len(md.parse(text)) for text in texts)

    elif kind == "load":
        importlib.import_module("milepost")  # import cost stays out of the timing

        def work() -> int:
            return sum(_count_items(p) for p in paths)

    elif kind == "load-par":
        importlib.import_module("milepost")  # imported before forking, as a tool would be

        workers = os.cpu_count() or 1
        chunksize = max(1, len(paths) // (workers * 8))

        def work() -> int:
            with ProcessPoolExecutor(workers) as pool:
                return sum(pool.map(_count_items, paths, chunksize=chunksize))

    else:
        raise ValueError(f"unknown measurement {kind!r}")

    setup_kib = maxrss_kib(resource.RUSAGE_SELF)
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "files": len(paths),
        "result": result,
        "setup_kib": setup_kib,
        "peak_kib": maxrss_kib(resource.RUSAGE_SELF),
        "child_peak_kib": maxrss_kib(resource.RUSAGE_CHILDREN),
    }


# ---------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------


@dataclass
class Result:
    kind: str
    tracks: int
    files: int
    seconds: float  # median over repeats
    peak_mib: float  # largest over repeats, this process
    setup_mib: float  # peak before the clock started (interpreter, imports, texts)
    child_peak_mib: float  # largest worker, for (d)
    repeats: int


def _run_measure(kind: str, root: Path) -> dict[str, float]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_measure", kind, str(root)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"measurement {kind} failed ({proc.returncode}):\n{proc.stderr}")
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


def measure(kind: str, root: Path, tracks: int, repeats: int) -> Result:
    runs = [_run_measure(kind, root) for _ in range(repeats)]
    return Result(
        kind=kind,
        tracks=tracks,
        files=int(runs[0]["files"]),
        seconds=statistics.median(r["seconds"] for r in runs),
        peak_mib=max(r["peak_kib"] for r in runs) / 1024,
        setup_mib=max(r["setup_kib"] for r in runs) / 1024,
        child_peak_mib=max(r["child_peak_kib"] for r in runs) / 1024,
        repeats=repeats,
    )


def _ref(kind: str, tracks: int) -> str:
    value = REFERENCE.get(kind, {}).get(tracks)
    if value is None:
        return "reference (other run): n/a" if kind in REFERENCE else ""
    return f"reference (other run): {value:g} s"


def _memory(r: Result) -> str:
    text = f"{r.peak_mib:7.0f} MiB (setup {r.setup_mib:.0f})"
    if r.kind == "load-par":
        text += f", largest worker {r.child_peak_mib:.0f} MiB"
    return text


def report(results: dict[int, dict[str, Result]], workers: int) -> list[str]:
    out: list[str] = []
    out.append(f"{'tracks':>6}  {'work':<32}{'seconds':>9}{'files/s':>10}  peak RSS")
    for tracks, row in results.items():
        for kind in KINDS:
            r = row[kind]
            rate = r.files / r.seconds if r.seconds > 0 else float("inf")
            label = LABELS[kind] + (f" ({workers})" if kind == "load-par" else "")
            ref = _ref(kind, tracks)
            out.append(
                f"{tracks:>6}  {label:<32}{r.seconds:>9.3f}{rate:>10.0f}  {_memory(r)}"
                + (f"   {ref}" if ref else "")
            )
        reps = sorted({r.repeats for r in row.values()})
        runs = "/".join(map(str, reps))
        out.append(f"{'':>6}  (median of {runs} run(s), each in a fresh process)")
    out.append("")
    out.append("ratios (this run)")
    for tracks, row in results.items():
        a, b, c, d = (row[k].seconds for k in KINDS)
        ref_b = REFERENCE["mdit"].get(tracks)
        ref_a = REFERENCE["read"].get(tracks)
        ref_note = ""
        if ref_a is not None and ref_b is not None:
            ref_note = f"   reference (other run): (b)/(a) = {ref_b / ref_a:.0f}"
        out.append(
            f"{tracks:>6}  (c)/(b) = {c / b:.2f}   (c)/(a) = {c / a:.1f}   (b)/(a) = {b / a:.1f}"
            f"   (c)/(d) = {c / d:.2f}{ref_note}"
        )
    out.append("")
    head = f"target: (c)/(b) <= {TARGET_RATIO} at {TARGET_TRACKS:,} tracks (one process)"
    target = results.get(TARGET_TRACKS)
    if target is None:
        out.append(f"{head}: not measured in this run ({TARGET_TRACKS:,} tracks not requested)")
    else:
        ratio = target["load"].seconds / target["mdit"].seconds
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        budget = TARGET_RATIO * target["mdit"].seconds
        out.append(
            f"{head}: {verdict} ((c)/(b) = {ratio:.2f}; (c) = {target['load'].seconds:.1f} s"
            f" against a budget of {budget:.1f} s in this run;"
            f" reference (other run): (b) = {REFERENCE['mdit'][TARGET_TRACKS]:g} s)"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = portfolio_parser(
        __doc__,
        repeat_help="runs per measurement, median reported (default: 3 below 5,000 tracks, else 1)",
    )
    args = ap.parse_args(argv)

    if args._measure is not None:
        kind, root = args._measure
        print(json.dumps(_measure(kind, Path(root))))
        return 0

    gen = generator(ap, args)
    sizes: Sequence[int] = [QUICK_TRACKS] if args.quick else args.tracks
    workers = os.cpu_count() or 1

    print(f"milepost parse benchmark: python {sys.version.split()[0]}, {workers} cores")
    results: dict[int, dict[str, Result]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="milepost-bench-") as tmp:
            for tracks in sizes:
                root = Path(tmp) / f"t{tracks}"
                took = generate(gen, root, tracks)
                repeats = args.repeat or (3 if tracks < 5000 else 1)
                print(f"  generated {tracks:,} tracks in {took:.1f} s; measuring...", flush=True)
                results[tracks] = {k: measure(k, root, tracks, repeats) for k in KINDS}
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    print()
    print("\n".join(report(results, workers)))
    print()
    print(REFERENCE_NOTE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
