"""Benchmark ``milepost site`` against ``mkdocs build`` of the same Markdown files.

    python bench/site.py [--shared ../shared] [--tracks 100,1000] [--repeat N] [--quick]

For each portfolio size, one run:

1. generates a synthetic portfolio with the shared ``gen_corpus.py`` (seed 1) into a temporary
   directory, and a mkdocs project whose ``docs/`` holds the same roadmaps as pages (default
   theme, ``site_name`` only);
2. times, each as a fresh process the way a user runs it (interpreter start and imports
   included, as they are for mkdocs):
   (a) ``milepost site DIR -o OUT`` into an empty folder (the full build);
   (b) the same again with nothing changed;
   (c) the same again after one roadmap changed (one item started: the first 📋 becomes 🚧),
       the edit undone after each repeat;
   (e) that rebuild as ``milepost serve`` makes it: timed inside a process that built the
       site once with the serve's memo (no start-up, imports or cache to read; not a target,
       shown beside (c));
   (d) ``mkdocs build`` of the docs folder into an empty folder;
   (f) the start-up floor of (c): a fresh process that only imports every module the rebuild
   (c) had loaded when it finished, then exits (interpreter start and imports, no work);
3. prints seconds per measurement and the targets with PASS/FAIL: (a) <= 0.5 x (d), and
   (c) <= 10% of (a), beside the reference figures of /work/shared/bench/README.md (another
   run, another day: compare ratios taken within one run, not absolute times across runs).

milepost's bytecode is compiled first (``compileall``), as pip does when it installs a
package: an editable install under ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every
module from source in every timed process. mkdocs is installed into this Python environment
with pip when it is missing; when that fails
the mkdocs reference is skipped with a note. Timings are medians of ``--repeat`` runs (default
3). This is a benchmark, not a test: it exits 0 whatever the verdict, 1 when a build fails.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from _common import (
    QUICK_TRACKS,
    REFERENCE_NOTE,
    compile_bytecode,
    generate,
    generator,
    portfolio_parser,
)

TODAY = "2026-11-25"
FULL_TARGET = 0.5  # milepost full build / mkdocs build
REBUILD_TARGET = 0.10  # rebuild after one change / full build
# From /work/shared/bench/README.md: mkdocs build of the same files, tracks -> seconds.
MKDOCS_REFERENCE = {100: 1.2, 1000: 17.6}
# Measured by hand before the incremental build (1,000 tracks): full, mkdocs, rebuild.
BEFORE = "before this benchmark existed (by hand, 1,000 tracks): full 14.4 s vs mkdocs 17.5 s"
BEFORE += " (0.82x), rebuild after one change 7.7 s (53%)"


def _timed(cmd: Sequence[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds


def _milepost(root: Path, out: Path) -> float:
    return _timed(
        [sys.executable, "-m", "milepost", "site", str(root), "-o", str(out), "--today", TODAY]
    )


def _edit(root: Path) -> tuple[Path, bytes]:
    """Start one item in one roadmap; return the file and its old bytes (to undo the edit)."""
    for path in sorted(root.glob("*/roadmap.md")):
        data = path.read_bytes()
        if "📋".encode() in data:
            path.write_bytes(data.replace("📋".encode(), "🚧".encode(), 1))
            return path, data
    path = sorted(root.glob("*/roadmap.md"))[0]
    data = path.read_bytes()
    path.write_bytes(data + b"\n- \xf0\x9f\x9a\xa7 One more thing\n")
    return path, data


# What `milepost serve` does on a change, timed in the process that serves: one build with
# its memo, one roadmap edited (the first 📋 started), then the rebuild alone is timed.
_SERVE_REBUILD = """
import datetime as dt, sys, time
from pathlib import Path
from milepost import api
root, out, edited = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
today, memo = dt.date.fromisoformat(sys.argv[4]), {}
api.site([root], out, today=today, memo=memo)
old = edited.read_bytes()
edited.write_bytes(old.replace("\U0001f4cb".encode(), "\U0001f6a7".encode(), 1))
try:
    start = time.perf_counter()
    api.site([root], out, today=today, memo=memo)
    print(time.perf_counter() - start)
finally:
    edited.write_bytes(old)
"""


def _serve_rebuild(root: Path, out: Path) -> float:
    """Seconds of the rebuild `milepost serve` makes after one roadmap changed."""
    edited, old = _edit(root)
    edited.write_bytes(old)  # the child edits it, after its first build
    cmd = [sys.executable, "-c", _SERVE_REBUILD, str(root), str(out), str(edited), TODAY]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"the serve rebuild failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return float(proc.stdout.strip().splitlines()[-1])


# Run the CLI as `python -m milepost` does, then write the names of the modules it loaded.
_LOADED = """
import atexit, runpy, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write("\\n".join(sorted(sys.modules))))
sys.argv[0] = "milepost"
runpy.run_module("milepost", run_name="__main__", alter_sys=True)
"""
# Import the modules named in a file (the CLI's own entry points left out: they would run it).
_IMPORT_ONLY = """
import importlib, sys
for name in open(sys.argv[1]).read().split():
    if name != "__main__" and not name.endswith(".__main__"):
        try:
            importlib.import_module(name)
        except Exception:
            pass
"""


def _startup_floor(root: Path, out: Path, work: Path) -> float:
    """Seconds a fresh process takes to import what the one-track rebuild (c) imports."""
    names = work / "modules.txt"
    edited, old = _edit(root)
    try:
        args = ["site", str(root), "-o", str(out), "--today", TODAY]
        _timed([sys.executable, "-c", _LOADED, str(names), *args])
    finally:
        edited.write_bytes(old)
    return _timed([sys.executable, "-c", _IMPORT_ONLY, str(names)])


def _mkdocs_ready() -> str | None:
    """None when ``mkdocs`` runs in this environment (installed now if needed), else why not."""
    check = [sys.executable, "-m", "mkdocs", "--version"]
    if subprocess.run(check, capture_output=True, check=False).returncode == 0:
        return None
    print("  mkdocs is not installed here: pip install mkdocs ...", flush=True)
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "mkdocs"]
    proc = subprocess.run(pip, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or subprocess.run(check, capture_output=True).returncode != 0:
        return f"mkdocs could not be installed ({proc.stderr.strip().splitlines()[-1:]})"
    return None


def _mkdocs_project(root: Path, project: Path) -> None:
    docs = project / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Roadmaps\n", encoding="utf-8")
    for path in sorted(root.glob("*/roadmap.md")):
        shutil.copyfile(path, docs / f"{path.parent.name}.md")
    (project / "mkdocs.yml").write_text("site_name: Roadmaps\n", encoding="utf-8")


def _mkdocs(project: Path, out: Path) -> float:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)]
    return _timed(cmd, cwd=project)


def measure(root: Path, work: Path, repeats: int, mkdocs: bool) -> dict[str, float]:
    runs: dict[str, list[float]] = {
        "full": [],
        "same": [],
        "rebuild": [],
        "serve": [],
        "floor": [],
        "mkdocs": [],
    }
    if mkdocs:
        _mkdocs_project(root, work / "mk")
    for n in range(repeats):
        out = work / f"site-{n}"
        runs["full"].append(_milepost(root, out))
        runs["same"].append(_milepost(root, out))
        path, old = _edit(root)
        try:
            runs["rebuild"].append(_milepost(root, out))
        finally:
            path.write_bytes(old)
        runs["floor"].append(_startup_floor(root, out, work))
        shutil.rmtree(out)
        runs["serve"].append(_serve_rebuild(root, work / f"serve-{n}"))
        shutil.rmtree(work / f"serve-{n}")
        if mkdocs:
            runs["mkdocs"].append(_mkdocs(work / "mk", work / f"mk-site-{n}"))
            shutil.rmtree(work / f"mk-site-{n}")
    return {k: statistics.median(v) for k, v in runs.items() if v}


def report(tracks: int, r: dict[str, float], repeats: int, skipped: str | None) -> list[str]:
    ref = MKDOCS_REFERENCE.get(tracks)
    ref_note = f"   reference (other run): {ref:g} s" if ref else ""
    out = [
        f"{tracks:,} tracks (median of {repeats} run(s), each a fresh process)",
        f"  (a) milepost site, full build        {r['full']:8.2f} s",
        f"  (b) milepost site, nothing changed   {r['same']:8.2f} s",
        f"  (c) milepost site, one track changed {r['rebuild']:8.2f} s",
        f"  (e) the same, inside milepost serve  {r['serve']:8.2f} s   (its process running:"
        " no start-up, imports or cache to read)",
        f"  (f) start-up floor of (c)            {r['floor']:8.2f} s   (a process that only"
        " imports what (c) imports)",
    ]
    if "mkdocs" in r:
        out.append(f"  (d) mkdocs build, same files          {r['mkdocs']:8.2f} s{ref_note}")
    else:
        out.append(f"  (d) mkdocs build: skipped: {skipped}")
    out.append("")
    if "mkdocs" in r:
        ratio = r["full"] / r["mkdocs"]
        verdict = "PASS" if ratio <= FULL_TARGET else "FAIL"
        out.append(
            f"  target: full build <= {FULL_TARGET}x mkdocs: {verdict} "
            f"((a)/(d) = {ratio:.2f}: {r['full']:.1f} s vs {r['mkdocs']:.1f} s)"
        )
    else:
        out.append(f"  target: full build <= {FULL_TARGET}x mkdocs: not measured (no mkdocs)")
    share = r["rebuild"] / r["full"]
    verdict = "PASS" if share <= REBUILD_TARGET else "FAIL"
    out.append(
        f"  target: rebuild after one change <= {REBUILD_TARGET:.0%} of the full build: "
        f"{verdict} ((c)/(a) = {share:.1%}: {r['rebuild']:.2f} s vs {r['full']:.1f} s)"
    )
    served = r["serve"] / r["full"]
    floor = r["floor"] / r["full"]
    out.append(
        f"  (not the target, which is judged on (c): inside milepost serve, (e)/(a) = {served:.1%};"
        f" start-up alone, (f)/(a) = {floor:.1%})"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = portfolio_parser(__doc__, repeat_help="runs per measurement, median reported (default 3)")
    ap.set_defaults(tracks=[100, 1000])
    args = ap.parse_args(argv)
    gen = generator(ap, args)
    sizes: Sequence[int] = [QUICK_TRACKS] if args.quick else args.tracks
    repeats = args.repeat or 3
    print(f"milepost site benchmark: python {sys.version.split()[0]}")
    print(f"  {compile_bytecode()}")
    skipped = _mkdocs_ready()
    if skipped:
        print(f"  note: {skipped}; the mkdocs reference is skipped")
    lines: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="milepost-bench-site-") as tmp:
            for tracks in sizes:
                root = Path(tmp) / f"t{tracks}"
                took = generate(gen, root, tracks)
                print(f"  generated {tracks:,} tracks in {took:.1f} s; measuring...", flush=True)
                work = Path(tmp) / f"w{tracks}"
                work.mkdir()
                results = measure(root, work, repeats, skipped is None)
                lines += ["", *report(tracks, results, repeats, skipped)]
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    print()
    print(BEFORE)
    print(REFERENCE_NOTE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
