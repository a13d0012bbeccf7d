"""Benchmark roadmap history: ``milepost diff`` and ``milepost stats`` against ``git log -p``.

    python bench/history.py [--shared ../shared] [--tracks 200] [--commits 500] [--repeat 3]

One run:

1. generates a synthetic portfolio with the shared ``gen_corpus.py`` (seed 1), and makes a git
   repository of it in a temporary folder: one commit adding half the tracks, one commit per
   remaining track adding it, then commits up to ``--commits`` (one a day, written with
   ``git fast-import``) each touching one to three tracks the way people do: an item started
   or shipped, an item moved to the next month (a slip), the "last updated" date bumped;
2. times, each as a fresh process, the median of ``--repeat`` runs:
   (a) ``git log -p --first-parent`` over the whole range (the reference: reading the same
   history without understanding it), output discarded;
   (b) ``milepost diff ROOT HEAD`` cold (cache deleted first) and (c) warm;
   (d) ``milepost stats`` cold and (e) warm;
3. prints seconds, the ratios to (a), and the target "warm stats <= 2x git log -p" with
   PASS/FAIL.

This is a benchmark, not a test: it exits 0 whatever the verdict, 1 when a measurement fails.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from _common import REPO, compile_bytecode, generate

TARGET = 2.0
_MARKERS = ("📋 **Planned:**", "🚧 **In Progress:**", "✅ **Completed:**")


def _edit(text: str, rng: random.Random, day: str) -> str:
    lines = text.split("\n")
    choice = rng.random()
    if choice < 0.6:  # advance one item: planned -> in progress -> done
        spots = [i for i, line in enumerate(lines) if line.startswith(("- 📋 **P", "- 🚧 **I"))]
        if spots:
            i = rng.choice(spots)
            for old, new in pairwise(_MARKERS):
                if old in lines[i]:
                    lines[i] = lines[i].replace(old, new)
                    break
    elif choice < 0.85:  # a slip: an open item moves to the next month's list
        months = [i for i, line in enumerate(lines) if line.startswith("### ") and "20" in line]
        if len(months) >= 2:
            first, second = months[0], months[1]
            spots = [i for i in range(first + 1, second) if lines[i].startswith("- 📋")]
            if spots:
                i = rng.choice(spots)
                item = lines.pop(i)
                lines.insert(second, item)  # the month heading moved up by one
    for i, line in enumerate(lines[:8]):
        if line.startswith("**Last updated:**"):
            lines[i] = f"**Last updated:** {day}"
    return "\n".join(lines)


def make_repo(shared: Path, root: Path, tracks: int, commits: int) -> Path:
    portfolio = root / "portfolio"
    generate(shared / "bench" / "gen_corpus.py", portfolio / "tracks", tracks)
    subprocess.run(["git", "init", "-q", "-b", "main", str(portfolio)], check=True)
    files = sorted(p.relative_to(portfolio).as_posix() for p in portfolio.rglob("roadmap.md"))
    texts = {f: (portfolio / f).read_text(encoding="utf-8") for f in files}
    rng = random.Random(1)
    start = 1743465600  # 2025-04-01T00:00:00Z
    stream = bytearray()

    def blob(data: str) -> None:
        raw = data.encode("utf-8")
        stream.extend(b"data %d\n" % len(raw) + raw + b"\n")

    # Half the tracks are there from the first commit; the others arrive one a commit after it
    # (so following files back past the commits that added them is measured too).
    first = files[: len(files) // 2]
    arriving = files[len(files) // 2 :]
    present = list(first)
    for n in range(commits):
        when = start + n * 86400
        day = time.strftime("%Y-%m-%d", time.gmtime(when))
        adds = n == 0 or bool(arriving)  # this commit adds files as they were generated
        if n == 0:
            touched = first
        elif arriving:
            touched = [arriving.pop(0)]
            present.append(touched[0])
        else:
            touched = rng.sample(present, rng.randint(1, 3))
        stream.extend(b"commit refs/heads/main\n")
        stream.extend(f"committer Bench <bench@example.org> {when} +0000\n".encode())
        blob("Initial roadmaps" if n == 0 else f"Update {len(touched)} roadmaps")
        for path in touched:
            if not adds:
                texts[path] = _edit(texts[path], rng, day)
            stream.extend(f"M 100644 inline {path}\n".encode())
            blob(texts[path])
        stream.extend(b"\n")
    subprocess.run(
        ["git", "-C", str(portfolio), "fast-import", "--quiet"], input=bytes(stream), check=True
    )
    subprocess.run(["git", "-C", str(portfolio), "reset", "-q", "--hard", "main"], check=True)
    (portfolio / "milepost.toml").write_text('roadmaps = ["tracks/*/roadmap.md"]\n')
    return portfolio


def _time(cmd: list[str], cwd: Path, *, before: object = None) -> float:
    if callable(before):
        before()
    begin = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - begin


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--tracks", type=int, default=200)
    ap.add_argument("--commits", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not (args.shared / "bench" / "gen_corpus.py").is_file():
        ap.error(f"no generator at {args.shared}/bench/gen_corpus.py (use --shared)")
    milepost = [sys.executable, "-m", "milepost"]
    with tempfile.TemporaryDirectory(prefix="milepost-bench-history-") as tmp:
        begin = time.perf_counter()
        repo = make_repo(args.shared, Path(tmp), args.tracks, args.commits)
        made = time.perf_counter() - begin
        print(f"repository: {args.tracks} tracks, {args.commits} commits (made in {made:.1f} s)")
        print(compile_bytecode())
        cache = repo / ".git" / "milepost"

        def cold() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        root = subprocess.run(
            ["git", "-C", str(repo), "rev-list", "--max-parents=0", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        runs = {
            "(a) git log -p --first-parent": (["git", "log", "-p", "--first-parent"], None),
            "(b) milepost diff ROOT HEAD, cold": ([*milepost, "diff", root, "HEAD"], cold),
            "(c) milepost diff ROOT HEAD, warm": ([*milepost, "diff", root, "HEAD"], None),
            "(d) milepost stats, cold": ([*milepost, "stats", "--today", "2026-11-25"], cold),
            "(e) milepost stats, warm": ([*milepost, "stats", "--today", "2026-11-25"], None),
        }
        seconds = {}
        try:
            for label, (cmd, before) in runs.items():
                seconds[label] = statistics.median(
                    _time(cmd, repo, before=before) for _ in range(args.repeat)
                )
        except subprocess.CalledProcessError as exc:
            print(f"measurement failed: {exc.cmd}: {exc.stderr.decode()[-500:]}", file=sys.stderr)
            return 1
    reference = seconds["(a) git log -p --first-parent"]
    print(f"\n{'measurement':<38} {'seconds':>8} {'x (a)':>7}")
    for label, value in seconds.items():
        print(f"{label:<38} {value:>8.3f} {value / reference:>7.2f}")
    ratio = seconds["(e) milepost stats, warm"] / reference
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"\ntarget: warm stats <= {TARGET:g}x git log -p: {ratio:.2f}x {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
