"""Benchmark the Sphinx extension: what the milepost directives add to a docs build.

    python bench/docs.py [--shared ../shared] [--tracks 100] [--repeat 3]

One run:

1. generates ``--tracks`` synthetic roadmaps with the shared ``gen_corpus.py`` (seed 1; without
   it, copies of the bundled example tracks) and lays out two Sphinx + MyST sites over them in a
   temporary folder, identical but for their index page: every roadmap is a page of the site
   (a glob toctree), and the index is
   (a) *without*: a hand-kept tracks table (the same rows, written out as Markdown) and no
       milepost extension;
   (b) *portfolio*: ``milepost.sphinx`` enabled and the index the one directive that replaces
       that table (``milepost-portfolio``), with ``milepost_check = "warn"`` (the findings of
       every roadmap shown are checked and reported every build);
   (c) *all four*: as (b), with ``milepost-focus``, ``milepost-risks`` and ``milepost-graph``
       added to the index (a much bigger page: every in-flight item and every risk);
2. times clean HTML builds of the three, alternating, each in a fresh process (Sphinx's
   ``Sphinx(...).build()`` timed inside it, imports excluded; the whole process also timed),
   serially (no ``-j``);
3. in each site, changes one roadmap and builds again incrementally, recording which documents
   Sphinx read again (``env-before-read-docs``);
4. prints the medians, the ratios, and the targets with PASS/FAIL: the directive that replaces
   the hand-kept table adds at most 20% to the clean build (the bigger page of all four is
   reported beside it), and the incremental rebuild reads only the changed roadmap's page and
   the page that shows it.

A benchmark, not a test: it exits 0 whatever the verdicts, and 1 only when a build fails.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-25"
TARGET_RATIO = 1.20
CONF = """project = "Bench"
extensions = {extensions}
milepost_today = "{today}"
exclude_patterns = ["_build"]
suppress_warnings = ["myst.header", "myst.xref_missing", "toc.not_included"]
"""
TOCTREE = """
```{toctree}
:glob:
:maxdepth: 1
roadmaps/*/roadmap
```
"""
ONE = "# Roadmaps\n\n```{milepost-portfolio}\n```\n" + TOCTREE
ALL = (
    "# Roadmaps\n\n"
    + "".join(
        f"```{{milepost-{kind}}}\n```\n\n" for kind in ("portfolio", "focus", "risks", "graph")
    )
    + TOCTREE
)


def _roadmaps(folder: Path, tracks: int, shared: Path) -> str:
    gen = shared / "bench" / "gen_corpus.py"
    if gen.is_file():
        cmd = [sys.executable, str(gen), str(folder), "--tracks", str(tracks), "--seed", "1"]
        subprocess.run(cmd, check=True, capture_output=True)
        return f"gen_corpus.py, seed 1 ({gen})"
    examples = sorted((REPO / "examples" / "portfolio" / "tracks").glob("*/roadmap.md"))
    for k in range(tracks):
        source = examples[k % len(examples)]
        text = source.read_text(encoding="utf-8").replace(" Roadmap", f" {k} Roadmap", 1)
        target = folder / f"{source.parent.name}-{k}" / "roadmap.md"
        target.parent.mkdir(parents=True)
        target.write_text(text, encoding="utf-8")
    return f"copies of the {len(examples)} bundled example tracks (no {gen})"


def _hand_kept_index(roadmaps: Path) -> str:
    """What a project keeps by hand today: the same table, written out."""
    sys.path.insert(0, str(REPO / "src"))
    from datetime import date

    from milepost import api

    built, _ = api.portfolio([roadmaps], today=date.fromisoformat(TODAY))
    rows = [
        "| Track | Lead | Health | Last updated | Next review |",
        "| --- | --- | --- | --- | --- |",
    ]
    for t in built.tracks:
        meta = t.roadmap.meta
        cells = [t.track, t.lead or "", t.health.value, meta.last_updated, meta.next_review]
        rows.append("| " + " | ".join(str(c or "").replace("|", "/") for c in cells) + " |")
    return "# Roadmaps\n\n" + "\n".join(rows) + "\n" + TOCTREE


def _site(base: Path, name: str, roadmaps: Path, index: str, extensions: list[str]) -> Path:
    src = base / name
    shutil.copytree(roadmaps, src / "roadmaps")
    (src / "conf.py").write_text(CONF.format(extensions=extensions, today=TODAY), "utf-8")
    (src / "index.md").write_text(index, encoding="utf-8")
    return src


def _measure(src: Path, out: Path) -> None:
    """In a fresh process: one build, timed; what it read; how many warnings."""
    import io

    from sphinx.application import Sphinx

    read: list[str] = []
    warnings = io.StringIO()
    app = Sphinx(src, src, out, out / ".doctrees", "html", status=None, warning=warnings)
    app.connect("env-before-read-docs", lambda _a, _e, names: read.extend(names))
    start = time.perf_counter()
    app.build()
    seconds = time.perf_counter() - start
    count = warnings.getvalue().count("WARNING")
    print(json.dumps({"seconds": seconds, "read": sorted(read), "warnings": count}))


def _build(src: Path, out: Path) -> dict[str, object]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--_measure", str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        raise SystemExit(1)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - start
    return result


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _edit(roadmap: Path) -> None:
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("## Current Focus", "## Current Focus\n\nEdited.", 1))


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--tracks", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--_measure", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._measure:
        _measure(*args._measure)
        return 0
    with tempfile.TemporaryDirectory(prefix="milepost-bench-docs-") as tmp:
        base = Path(tmp)
        roadmaps = base / "roadmaps"
        origin = _roadmaps(roadmaps, args.tracks, args.shared)
        mine = ["myst_parser", "milepost.sphinx"]
        sites = {
            "without": _site(
                base, "without", roadmaps, _hand_kept_index(roadmaps), ["myst_parser"]
            ),
            "portfolio": _site(base, "portfolio", roadmaps, ONE, mine),
            "all four": _site(base, "all", roadmaps, ALL, mine),
        }
        docs = len(list(roadmaps.glob("*/roadmap.md"))) + 1
        print(f"{args.tracks} tracks ({origin}); {docs} documents per site")
        print(
            f"Python {sys.version.split()[0]}, Sphinx {_version('sphinx')}, myst-parser "
            f"{_version('myst-parser')}; {os.cpu_count()} CPUs"
        )
        runs: dict[str, list[dict[str, object]]] = {name: [] for name in sites}
        for k in range(args.repeat):
            for name, src in sites.items():
                runs[name].append(_build(src, base / f"out-{name}-{k}"))
        medians = {
            name: statistics.median(float(str(r["seconds"])) for r in results)
            for name, results in runs.items()
        }
        for name, results in runs.items():
            process = statistics.median(float(str(r["process"])) for r in results)
            print(
                f"clean build  {name:9} {medians[name]:6.2f} s  (whole process {process:6.2f} s;"
                f" {results[-1]['warnings']} warnings; median of {args.repeat})"
            )
        for name in ("portfolio", "all four"):
            ratio = medians[name] / medians["without"]
            target = ""
            if name == "portfolio":
                target = f"  target <= +20%  {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}"
            print(f"{name} directive(s) add {ratio - 1:+.1%} to the build{target}")
        files = sorted(roadmaps.glob("*/roadmap.md"))
        slug = files[len(files) // 2].parent.name
        for name, src in sites.items():
            _edit(src / "roadmaps" / slug / "roadmap.md")
            again = _build(src, base / f"out-{name}-{args.repeat - 1}")
            read = [str(d) for d in again["read"]]  # type: ignore[attr-defined]
            print(
                f"incremental  {name:9} {float(str(again['seconds'])):6.2f} s  "
                f"read again: {', '.join(read)}"
            )
            if name != "without":
                wanted = ["index", f"roadmaps/{slug}/roadmap"]
                print(f"  target: only those two  {'PASS' if read == wanted else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
