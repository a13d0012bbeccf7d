"""Benchmark ``milepost check`` against a bare Markdown parse and two Markdown linters.

    python bench/check.py [--shared ../shared] [--tracks 1000,10000] [--repeat N] [--quick]
                          [--tools-dir DIR] [--slow-tools-max N] [--cold-runs N]

One run:

1. generates synthetic portfolios with the shared ``gen_corpus.py`` (seed 1) into a temporary
   directory under the system temp folder;
2. times on each portfolio, every run in a fresh process whose peak RSS is taken:
   (a) markdown-it-py's bare parse of all files, as in bench/parse.py (a subprocess of this
   script; markdown_it imported and texts read before the clock starts);
   (b) ``milepost check DIR --today 2026-11-25 --format json``, output to /dev/null;
   (c) ``pymarkdown scan -r DIR`` (PyPI package pymarkdownlnt), which takes minutes, so it is
   skipped above ``--slow-tools-max`` tracks (default 1,000; not run with ``--quick`` unless
   that option is given);
   (d) ``markdownlint-cli2 "DIR/**/*.md"`` (npm);
   (b) to (d) are timed as whole processes, start-up included, as a user would wait for them;
3. times cold single-file latency on one generated roadmap (the median-sized file of the
   smallest portfolio): ``python -c pass`` (the floor), ``python -c "import markdown_it"``,
   ``milepost check FILE --today 2026-11-25``, ``mdformat --check FILE`` and
   ``markdownlint-cli2 FILE``, each the median of ``--cold-runs`` fresh processes after one
   untimed warm-up (which writes the bytecode caches, even under ``PYTHONDONTWRITEBYTECODE``);
4. prints seconds, files/s, CPU seconds and peak RSS per measurement, the ratios, and the
   issue's targets with PASS/FAIL, beside the reference figures of /work/shared/bench/README.md
   (another run, another day: compare ratios taken within one run, not absolute times across
   runs). Peak RSS is that of the largest process in each measured tree (milepost check's
   worker processes included), spawned from a minimal launcher whose own 9 MiB or so is the
   floor of that figure.

pymarkdownlnt, mdformat and markdownlint-cli2 are references, not project dependencies: when
missing they are installed at run time into ``--tools-dir`` (default
/tmp/milepost-bench-tools): a virtual environment in its ``venv/`` for the Python tools,
``npm install --prefix`` for markdownlint-cli2. A reference that cannot be installed or run is
reported as not measured, and the run goes on. Linters exit 1 when they find problems, as they
do on synthetic data, so exit codes 0 and 1 count as a completed run (pymarkdown runs with
``--return-code-scheme explicit``, where findings are 4 and 1 means no files were found).

Timings are medians of ``--repeat`` runs (default: 3 below 5,000 tracks, 1 from there on, and
1 for pymarkdownlnt); peaks are the largest seen across repeats. This is a benchmark, not a test:
it exits 0 whatever the target verdicts, and 1 only when a measurement of markdown-it-py or of
milepost fails.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from _common import (
    QUICK_TRACKS,
    REFERENCE_NOTE,
    compile_bytecode,
    generate,
    generator,
    maxrss_kib,
    portfolio_parser,
    roadmap_files,
)

TODAY = "2026-11-25"

KINDS = ("mdit", "check", "pymd", "mdl2")
LABELS = {
    "mdit": "(a) markdown-it-py bare parse",
    "check": "(b) milepost check --format json",
    "pymd": "(c) pymarkdownlnt scan -r",
    "mdl2": "(d) markdownlint-cli2",
}
OWN = frozenset({"mdit", "check"})  # a failure of these fails the run; the others are references
SLOW = frozenset({"pymd"})  # one run per size by default, skipped above --slow-tools-max
# From /work/shared/bench/README.md: tracks -> seconds, measured on another run.
REFERENCE = {
    "mdit": {100: 0.48, 1000: 4.6, 10000: 48.0},
    "pymd": {100: 15.0, 1000: 167.0},
    "mdl2": {100: 1.7, 1000: 13.7, 10000: 126.0},
}
REFERENCE_ABOVE = {"pymd": {10000: 330.0}}  # only a lower bound was measured

COLD_KINDS = ("pass", "import", "check", "mdformat", "mdl2")
COLD_LABELS = {
    "pass": "python -c pass (floor)",
    "import": 'python -c "import markdown_it"',
    "check": f"milepost check FILE --today {TODAY}",
    "mdformat": "mdformat --check FILE",
    "mdl2": "markdownlint-cli2 FILE",
}
# From /work/shared/bench/README.md: cold single-file process, seconds, another run.
COLD_REFERENCE = {"pass": 0.008, "import": 0.041, "mdformat": 0.102, "mdl2": 0.259}

TARGET_CHECK_VS_PARSE = 0.5  # (b) <= 0.5 x (a), whole portfolio
TARGET_LINT_SPEEDUP = 10.0  # (d) >= 10 x (b), whole portfolio
TARGET_COLD_VS_IMPORT = 2.0  # cold check <= 2 x cold `import markdown_it`
SLOW_TOOLS_MAX = 1000
COLD_RUNS = 7
DEFAULT_TOOLS_DIR = Path(tempfile.gettempdir()) / "milepost-bench-tools"
LINT_OK = frozenset({0, 1})  # clean, or problems found


class MeasureError(RuntimeError):
    """A measured process failed or could not be started."""


class Unavailable(MeasureError):
    """A reference tool could not be installed: its measurement is left out."""


# ---------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------


def _measure_mdit(root: Path) -> dict[str, float]:
    """Bare markdown-it-py parse of every file in this process (``--_measure mdit DIR``)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    paths = roadmap_files(root)
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    setup_kib = maxrss_kib(resource.RUSAGE_SELF)
    cpu = time.process_time()
    start = time.perf_counter()
    tokens = sum(len(md.parse(text)) for text in texts)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "files": len(paths),
        "result": tokens,
        "setup_kib": setup_kib,
        "peak_kib": maxrss_kib(resource.RUSAGE_SELF),
    }


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_kib: int
    setup_kib: int | None = None


def _tail(stream: IO[bytes], limit: int = 1500) -> str:
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(max(0, size - limit))
    text = stream.read().decode("utf-8", errors="replace").strip()
    return f":\n{text}" if text else ""


# Spawns the measured command from a minimal interpreter and reports on one line: seconds, exit
# code, CPU seconds and peak RSS (KiB). A process's peak RSS on Linux starts from that of the
# process it was forked from, so the spawning is left to this small launcher (about 9 MiB, as
# much as ``python -c pass`` itself) rather than to the driver. ``wait4`` gives the resource use
# of the process and of the children it waited for: the peak of the largest process in the tree.
_LAUNCHER = """\
import os, sys, time
argv = sys.argv[1:]
to_null = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=to_null)
_, status, ru = os.wait4(pid, 0)
seconds = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
print(seconds, code, ru.ru_utime + ru.ru_stime, ru.ru_maxrss)
"""


def _run_process(
    cmd: Sequence[str], ok: Collection[int], cwd: Path, *, write_bytecode: bool = False
) -> Run:
    """Run one command in a fresh process, stdout to /dev/null; time it, take its peak RSS.

    ``write_bytecode`` lets the process write the ``.pyc`` caches of what it imports even
    where ``PYTHONDONTWRITEBYTECODE`` is set (for a warm-up run).
    """
    launch = [sys.executable, "-I", "-S", "-c", _LAUNCHER, *cmd]
    env = dict(os.environ)
    if write_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as err:
        proc = subprocess.run(
            launch, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err
        )
        if proc.returncode != 0:
            raise MeasureError(f"cannot run `{shlex.join(cmd)}`{_tail(err)}")
        seconds, code, cpu, peak = proc.stdout.split()
        if int(code) not in ok:
            raise MeasureError(f"`{shlex.join(cmd)}` exited {int(code)}{_tail(err)}")
    return Run(float(seconds), float(cpu), int(peak))


def _run_mdit(root: Path) -> Run:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_measure", "mdit", str(root)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise MeasureError(f"markdown-it-py parse failed ({proc.returncode}):\n{proc.stderr}")
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return Run(data["seconds"], data["cpu_seconds"], int(data["peak_kib"]), int(data["setup_kib"]))


# ---------------------------------------------------------------------------------------------
# Reference tools, installed at run time outside the project
# ---------------------------------------------------------------------------------------------


@dataclass
class Tools:
    milepost: Path
    found: dict[str, Path] = field(default_factory=dict)  # executable name -> path
    missing: dict[str, str] = field(default_factory=dict)  # executable name -> why
    versions: dict[str, str] = field(default_factory=dict)  # package -> version


def _last_lines(text: str, count: int = 3) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return " | ".join(lines[-count:]) if lines else "no output"


def _install_python_tool(venv: Path, package: str, exe: str) -> tuple[Path | None, str]:
    binary = venv / "bin" / exe
    if binary.is_file():
        return binary, ""
    print(f"  installing {package} into {venv} ...", flush=True)
    python = venv / "bin" / "python"
    steps: list[list[str]] = []
    if not python.is_file():
        steps.append([sys.executable, "-m", "venv", str(venv)])
    steps.append(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", package]
    )
    for cmd in steps:
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        except OSError as exc:
            return None, f"{package} could not be installed: {exc}"
        if proc.returncode != 0:
            why = f"{cmd[2]} exited {proc.returncode}: {_last_lines(proc.stderr or proc.stdout)}"
            return None, f"{package} could not be installed ({why})"
    if not binary.is_file():
        return None, f"{package} installed, but {binary} is missing"
    return binary, ""


def _install_npm_tool(prefix: Path, package: str, exe: str) -> tuple[Path | None, str]:
    binary = prefix / "node_modules" / ".bin" / exe
    if binary.is_file():
        return binary, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, f"{package} could not be installed: npm not found"
    print(f"  installing {package} into {prefix} (npm) ...", flush=True)
    prefix.mkdir(parents=True, exist_ok=True)
    cmd = [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", package]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        why = _last_lines(proc.stderr or proc.stdout)
        return None, f"{package} could not be installed (npm exited {proc.returncode}: {why})"
    if not binary.is_file():
        return None, f"{package} installed, but {binary} is missing"
    return binary, ""


def _python_package_version(venv: Path, package: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({package!r}))"
    proc = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True, check=False
    )
    return proc.stdout.strip() if proc.returncode == 0 else "?"


def _npm_package_version(prefix: Path, package: str) -> str:
    try:
        meta = json.loads((prefix / "node_modules" / package / "package.json").read_text())
    except (OSError, ValueError):
        return "?"
    return str(meta.get("version", "?"))


def find_tools(tools_dir: Path, want_pymd: bool) -> Tools:
    """Locate milepost; install the references that are missing; note what could not be had."""
    here = Path(sys.executable).parent / "milepost"
    found = str(here) if here.is_file() else shutil.which("milepost")
    if found is None:
        raise MeasureError("no `milepost` executable beside this Python or on PATH")
    tools = Tools(milepost=Path(found))
    venv = tools_dir / "venv"
    wanted = [("mdformat", "mdformat")]
    if want_pymd:
        wanted.insert(0, ("pymarkdownlnt", "pymarkdown"))
    for package, exe in wanted:
        binary, why = _install_python_tool(venv, package, exe)
        if binary is None:
            tools.missing[exe] = why
        else:
            tools.found[exe] = binary
            tools.versions[package] = _python_package_version(venv, package)
    binary, why = _install_npm_tool(tools_dir, "markdownlint-cli2", "markdownlint-cli2")
    if binary is None:
        tools.missing["markdownlint-cli2"] = why
    else:
        tools.found["markdownlint-cli2"] = binary
        tools.versions["markdownlint-cli2"] = _npm_package_version(tools_dir, "markdownlint-cli2")
        node = shutil.which("node")
        if node is not None:
            proc = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
            tools.versions["node"] = proc.stdout.strip().lstrip("v") or "?"
    for package in ("milepost", "markdown-it-py"):
        try:
            tools.versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            tools.versions[package] = "?"
    return tools


def _tool(tools: Tools, exe: str) -> Path:
    binary = tools.found.get(exe)
    if binary is None:
        raise Unavailable(f"could not be measured: {tools.missing.get(exe, exe + ' missing')}")
    return binary


# ---------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------


@dataclass
class Result:
    kind: str
    tracks: int
    files: int
    seconds: float  # median over repeats
    cpu_seconds: float  # median over repeats, user + system, children included
    peak_mib: float  # largest over repeats, largest process of the tree
    setup_mib: float | None  # (a) only: peak before the clock started
    repeats: int


@dataclass
class Missing:
    kind: str
    reason: str  # shown in place of the figures
    failed: bool = False  # a failed measurement, not a skip or a missing reference


Outcome = Result | Missing


def _portfolio_command(kind: str, root: Path, tools: Tools) -> tuple[list[str], frozenset[int]]:
    if kind == "check":
        cmd = [str(tools.milepost), "check", str(root), "--today", TODAY, "--format", "json"]
        return cmd, LINT_OK
    if kind == "pymd":
        pymd = str(_tool(tools, "pymarkdown"))
        cmd = [pymd, "--return-code-scheme", "explicit", "scan", "-r", str(root)]
        return cmd, frozenset({0, 4})  # 4: rules triggered
    if kind == "mdl2":
        return [str(_tool(tools, "markdownlint-cli2")), f"{root}/**/*.md"], LINT_OK
    raise ValueError(f"unknown measurement {kind!r}")


def measure(kind: str, root: Path, tracks: int, repeats: int, tools: Tools) -> Outcome:
    files = len(roadmap_files(root))
    try:
        if kind == "mdit":
            runs = [_run_mdit(root) for _ in range(repeats)]
        else:
            cmd, ok = _portfolio_command(kind, root, tools)
            runs = [_run_process(cmd, ok, root.parent) for _ in range(repeats)]
    except Unavailable as exc:
        return Missing(kind, str(exc))
    except MeasureError as exc:
        return Missing(kind, f"FAILED: {exc}", failed=True)
    setups = [r.setup_kib for r in runs if r.setup_kib is not None]
    return Result(
        kind=kind,
        tracks=tracks,
        files=files,
        seconds=statistics.median(r.seconds for r in runs),
        cpu_seconds=statistics.median(r.cpu_seconds for r in runs),
        peak_mib=max(r.peak_kib for r in runs) / 1024,
        setup_mib=max(setups) / 1024 if setups else None,
        repeats=repeats,
    )


@dataclass
class Cold:
    kind: str
    seconds: float  # median
    best: float  # fastest run
    peak_mib: float
    runs: int


def _cold_command(kind: str, file: Path, tools: Tools) -> tuple[list[str], frozenset[int]]:
    if kind == "pass":
        return [sys.executable, "-c", "pass"], frozenset({0})
    if kind == "import":
        return [sys.executable, "-c", "import markdown_it"], frozenset({0})
    if kind == "check":
        return [str(tools.milepost), "check", str(file), "--today", TODAY], LINT_OK
    if kind == "mdformat":
        return [str(_tool(tools, "mdformat")), "--check", str(file)], LINT_OK
    if kind == "mdl2":
        return [str(_tool(tools, "markdownlint-cli2")), str(file)], LINT_OK
    raise ValueError(f"unknown cold measurement {kind!r}")


def measure_cold(kind: str, file: Path, runs: int, tools: Tools) -> Cold | Missing:
    try:
        cmd, ok = _cold_command(kind, file, tools)
        # Warm-up: page cache, and bytecode caches as an installed tool has them (pip compiles
        # them on install; an editable install writes them on first use, unless the
        # environment says PYTHONDONTWRITEBYTECODE, which would make every run compile).
        _run_process(cmd, ok, file.parent, write_bytecode=True)
        timed = [_run_process(cmd, ok, file.parent) for _ in range(runs)]
    except Unavailable as exc:
        return Missing(kind, str(exc))
    except MeasureError as exc:
        return Missing(kind, f"FAILED: {exc}", failed=True)
    return Cold(
        kind=kind,
        seconds=statistics.median(r.seconds for r in timed),
        best=min(r.seconds for r in timed),
        peak_mib=max(r.peak_kib for r in timed) / 1024,
        runs=runs,
    )


def pick_file(root: Path) -> Path:
    """The median-sized roadmap of a portfolio: typical of the files a user edits."""
    by_size = sorted(roadmap_files(root), key=lambda p: (os.path.getsize(p), p))
    return Path(by_size[len(by_size) // 2])


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _ref(kind: str, tracks: int) -> str:
    value = REFERENCE.get(kind, {}).get(tracks)
    if value is not None:
        return f"reference (other run): {value:g} s"
    above = REFERENCE_ABOVE.get(kind, {}).get(tracks)
    if above is not None:
        return f"reference (other run): > {above:g} s"
    return "reference (other run): n/a" if kind in REFERENCE else ""


def _seconds(row: dict[str, Outcome], kind: str) -> float | None:
    r = row.get(kind)
    return r.seconds if isinstance(r, Result) else None


def _ratio(top: float | None, bottom: float | None, fmt: str) -> str:
    if top is None or bottom is None or bottom <= 0:
        return "n/a"
    return format(top / bottom, fmt)


def _memory(r: Result) -> str:
    text = f"{r.peak_mib:7.0f} MiB"
    if r.setup_mib is not None:
        text += f" (setup {r.setup_mib:.0f})"
    return text


def report(results: dict[int, dict[str, Outcome]]) -> list[str]:
    out: list[str] = []
    out.append(f"{'tracks':>6}  {'work':<34}{'seconds':>9}{'files/s':>10}{'CPU s':>8}  peak RSS")
    for tracks, row in results.items():
        for kind in KINDS:
            r = row[kind]
            ref = _ref(kind, tracks)
            if isinstance(r, Missing):
                reason = r.reason.splitlines()[0]
                line = f"{tracks:>6}  {LABELS[kind]:<34}{'-':>9}  {reason}"
            else:
                rate = r.files / r.seconds if r.seconds > 0 else float("inf")
                line = (
                    f"{tracks:>6}  {LABELS[kind]:<34}{r.seconds:>9.3f}{rate:>10.0f}"
                    f"{r.cpu_seconds:>8.1f}  {_memory(r)}"
                )
            out.append(line + (f"   {ref}" if ref else ""))
        reps = sorted({r.repeats for r in row.values() if isinstance(r, Result)}, reverse=True)
        runs = "/".join(map(str, reps)) or "0"
        out.append(f"{'':>6}  (median of {runs} run(s), each a fresh process)")
    out.append("")
    out.append("ratios (this run)")
    for tracks, row in results.items():
        a, b, c, d = (_seconds(row, k) for k in KINDS)
        ref_a = REFERENCE["mdit"].get(tracks)
        refs = []
        for name, kind in (("(c)", "pymd"), ("(d)", "mdl2")):
            value = REFERENCE[kind].get(tracks)
            if ref_a is not None and value is not None:
                refs.append(f"{name}/(a) = {value / ref_a:.1f}")
        ref_note = f"   reference (other run): {', '.join(refs)}" if refs else ""
        out.append(
            f"{tracks:>6}  (b)/(a) = {_ratio(b, a, '.2f')}   (d)/(b) = {_ratio(d, b, '.1f')}"
            f"   (c)/(b) = {_ratio(c, b, '.0f')}   (d)/(a) = {_ratio(d, a, '.1f')}"
            f"   (c)/(a) = {_ratio(c, a, '.0f')}{ref_note}"
        )
    return out


def report_cold(file: Path, lines: int, cold: dict[str, Cold | Missing], runs: int) -> list[str]:
    out: list[str] = []
    out.append(
        f"cold single file: {file.parent.name}/{file.name} ({lines} lines, median-sized);"
        f" median of {runs} fresh processes after 1 warm-up"
    )
    out.append(f"{'work':<42}{'median ms':>10}{'best ms':>9}{'- floor':>9}  peak RSS")
    floor = cold.get("pass")
    for kind in COLD_KINDS:
        c = cold[kind]
        value = COLD_REFERENCE.get(kind)
        ref = f"   reference (other run): {value * 1000:.0f} ms" if value is not None else ""
        if isinstance(c, Missing):
            reason = c.reason.splitlines()[0]
            out.append(f"{COLD_LABELS[kind]:<42}{'-':>10}  {reason}{ref}")
            continue
        above = f"{(c.seconds - floor.seconds) * 1000:>9.0f}" if isinstance(floor, Cold) else ""
        out.append(
            f"{COLD_LABELS[kind]:<42}{c.seconds * 1000:>10.0f}{c.best * 1000:>9.0f}{above:>9}"
            f"  {c.peak_mib:5.0f} MiB{ref}"
        )
    return out


def report_targets(
    results: dict[int, dict[str, Outcome]], cold: dict[str, Cold | Missing]
) -> list[str]:
    out = ["targets (from the issue)"]
    out.append(
        f"  whole-portfolio check <= {TARGET_CHECK_VS_PARSE:g}x the bare markdown-it-py parse"
        " ((b)/(a)):"
    )
    for tracks, row in results.items():
        a, b = _seconds(row, "mdit"), _seconds(row, "check")
        ref = REFERENCE["mdit"].get(tracks)
        ref_note = f"; reference (other run): (a) = {ref:g} s" if ref is not None else ""
        if a is None or b is None:
            out.append(f"    {tracks:>6,} tracks: not measured{ref_note}")
            continue
        verdict = "PASS" if b <= TARGET_CHECK_VS_PARSE * a else "FAIL"
        out.append(
            f"    {tracks:>6,} tracks: {verdict} ((b)/(a) = {b / a:.2f}; (b) = {b:.2f} s against"
            f" a budget of {TARGET_CHECK_VS_PARSE * a:.2f} s in this run{ref_note})"
        )
    out.append(
        f"  check at least {TARGET_LINT_SPEEDUP:g}x faster than markdownlint-cli2"
        f" ((d)/(b) >= {TARGET_LINT_SPEEDUP:g}):"
    )
    for tracks, row in results.items():
        b, d = _seconds(row, "check"), _seconds(row, "mdl2")
        ref = REFERENCE["mdl2"].get(tracks)
        ref_note = f"; reference (other run): (d) = {ref:g} s" if ref is not None else ""
        if b is None or d is None:
            out.append(f"    {tracks:>6,} tracks: not measured{ref_note}")
            continue
        verdict = "PASS" if d >= TARGET_LINT_SPEEDUP * b else "FAIL"
        out.append(
            f"    {tracks:>6,} tracks: {verdict} ((d)/(b) = {d / b:.1f}; (b) = {b:.2f} s against"
            f" a budget of {d / TARGET_LINT_SPEEDUP:.2f} s in this run{ref_note})"
        )
    head = f"  cold single-file check <= {TARGET_COLD_VS_IMPORT:g}x `import markdown_it`"
    ref_import = COLD_REFERENCE["import"] * 1000
    ref_note = f"; reference (other run): import markdown_it {ref_import:.0f} ms"
    check, imp = cold.get("check"), cold.get("import")
    if not isinstance(check, Cold) or not isinstance(imp, Cold):
        out.append(f"{head}: not measured{ref_note}")
    else:
        verdict = "PASS" if check.seconds <= TARGET_COLD_VS_IMPORT * imp.seconds else "FAIL"
        out.append(
            f"{head}: {verdict} (check {check.seconds * 1000:.0f} ms ="
            f" {check.seconds / imp.seconds:.2f}x import markdown_it {imp.seconds * 1000:.0f} ms;"
            f" budget {TARGET_COLD_VS_IMPORT * imp.seconds * 1000:.0f} ms in this run{ref_note})"
        )
    return out


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = portfolio_parser(
        __doc__,
        repeat_help="runs per measurement, median reported (default: 3 below 5,000 tracks, else 1;"
        " 1 for pymarkdownlnt)",
    )
    ap.add_argument(
        "--tools-dir",
        type=Path,
        default=DEFAULT_TOOLS_DIR,
        help=f"where the reference tools are installed when missing (default: {DEFAULT_TOOLS_DIR})",
    )
    ap.add_argument(
        "--slow-tools-max",
        type=int,
        default=None,
        help=f"largest portfolio pymarkdownlnt runs on (default: {SLOW_TOOLS_MAX:,};"
        " not run with --quick unless given)",
    )
    ap.add_argument(
        "--cold-runs",
        type=int,
        default=COLD_RUNS,
        help=f"fresh processes per cold single-file measurement (default: {COLD_RUNS})",
    )
    args = ap.parse_args(argv)

    if args._measure is not None:
        kind, root = args._measure
        if kind != "mdit":
            ap.error(f"unknown measurement {kind!r}")
        print(json.dumps(_measure_mdit(Path(root))))
        return 0

    gen = generator(ap, args)
    if args.cold_runs < 1:
        ap.error("--cold-runs must be at least 1")
    sizes: Sequence[int] = [QUICK_TRACKS] if args.quick else args.tracks
    if args.slow_tools_max is not None:
        slow_max = args.slow_tools_max
        slow_skip = f"skipped above {slow_max:,} tracks (--slow-tools-max {slow_max})"
    elif args.quick:
        slow_max = 0
        slow_skip = (
            "skipped with --quick (it takes about 15 s per 100 tracks;"
            f" --slow-tools-max {QUICK_TRACKS} includes it)"
        )
    else:
        slow_max = SLOW_TOOLS_MAX
        slow_skip = (
            f"skipped above {slow_max:,} tracks (--slow-tools-max {slow_max}; about 170 s"
            " at 1,000 tracks on the reference run)"
        )

    print(f"milepost check benchmark: python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"  {compile_bytecode()}")
    try:
        tools = find_tools(args.tools_dir, want_pymd=min(sizes) <= slow_max)
    except MeasureError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("  " + ", ".join(f"{name} {version}" for name, version in tools.versions.items()))
    for why in tools.missing.values():
        print(f"  reference not available: {why}")

    results: dict[int, dict[str, Outcome]] = {}
    cold: dict[str, Cold | Missing] = {}
    single: Path | None = None
    single_lines = 0
    try:
        with tempfile.TemporaryDirectory(prefix="milepost-bench-") as tmp:
            for tracks in sorted(sizes):
                root = Path(tmp) / f"t{tracks}"
                took = generate(gen, root, tracks)
                repeats = args.repeat or (3 if tracks < 5000 else 1)
                print(f"  generated {tracks:,} tracks in {took:.1f} s; measuring...", flush=True)
                row: dict[str, Outcome] = {}
                for kind in KINDS:
                    if kind in SLOW and tracks > slow_max:
                        row[kind] = Missing(kind, f"not measured: {slow_skip}")
                        continue
                    runs = repeats if kind not in SLOW else (args.repeat or 1)
                    row[kind] = r = measure(kind, root, tracks, runs, tools)
                    done = f"{r.seconds:.2f} s" if isinstance(r, Result) else r.reason
                    print(f"    {LABELS[kind]}: {done.splitlines()[0]}", flush=True)
                results[tracks] = row
                if single is None:
                    single = pick_file(root)
                    single_lines = len(single.read_text(encoding="utf-8").splitlines())
                    print("  measuring cold single-file latency...", flush=True)
                    cold = {k: measure_cold(k, single, args.cold_runs, tools) for k in COLD_KINDS}
    except subprocess.CalledProcessError as exc:
        print(f"error: corpus generation failed: {exc}\n{exc.stderr}", file=sys.stderr)
        return 1

    print()
    print("\n".join(report(results)))
    if single is not None:
        print()
        print("\n".join(report_cold(single, single_lines, cold, args.cold_runs)))
    print()
    print("\n".join(report_targets(results, cold)))
    print()
    print(
        f"{REFERENCE_NOTE} (a) excludes"
        " interpreter start-up and imports, (b)-(d) are whole processes."
    )
    own_failed = False
    failures: list[tuple[str, Outcome | Cold]] = [
        (LABELS[m.kind], m) for row in results.values() for m in row.values()
    ]
    failures += [(f"cold {COLD_LABELS[m.kind]}", m) for m in cold.values()]
    for label, miss in failures:
        if isinstance(miss, Missing) and miss.failed:
            print(f"\n{label}: {miss.reason}", file=sys.stderr)
            own_failed = own_failed or miss.kind in OWN or miss.kind in ("pass", "import")
    return 1 if own_failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
