"""What bench/parse.py and bench/check.py share: the synthetic portfolio and the common options."""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUICK_TRACKS = 200
#: Said under every benchmark that prints reference figures beside its own.
REFERENCE_NOTE = (
    "Reference figures come from /work/shared/bench/README.md (2-core machine, another run):"
    " compare ratios within one run, not absolute times across runs."
)


def compile_bytecode() -> str:
    """Write milepost's bytecode, as pip does when it installs a package, and say so.

    An editable install under ``PYTHONDONTWRITEBYTECODE`` (as on the machines these figures
    come from) has none: every timed process would first compile milepost's modules from
    source, a cost no installed milepost pays.
    """
    import importlib.util

    spec = importlib.util.find_spec("milepost")
    if spec is None or spec.origin is None:
        return "milepost is not importable here: bytecode not compiled"
    folder = Path(spec.origin).parent
    cmd = [sys.executable, "-m", "compileall", "-q", str(folder)]
    subprocess.run(cmd, check=True, capture_output=True)
    return f"milepost's bytecode compiled first, as pip does on install ({folder})"


def roadmap_files(root: Path) -> list[str]:
    return sorted(str(p) for p in root.glob("*/roadmap.md"))


def maxrss_kib(who: int) -> int:
    return resource.getrusage(who).ru_maxrss  # KiB on Linux


def generate(gen: Path, outdir: Path, tracks: int) -> float:
    start = time.perf_counter()
    cmd = [sys.executable, str(gen), str(outdir), "--tracks", str(tracks), "--seed", "1"]
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def _parse_tracks(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not comma-separated integers: {text}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("track counts must be positive")
    return sizes


def portfolio_parser(doc: str | None, *, repeat_help: str) -> argparse.ArgumentParser:
    """A parser with --shared, --tracks, --repeat, --quick and the hidden --_measure KIND DIR."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    ap.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared",
        help="shared folder holding bench/gen_corpus.py (default: <repo root>/../shared)",
    )
    ap.add_argument(
        "--tracks",
        type=_parse_tracks,
        default=[1000, 10000],
        help="comma-separated portfolio sizes (default: 1000,10000)",
    )
    ap.add_argument("--repeat", type=int, default=None, help=repeat_help)
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_TRACKS} tracks only")
    ap.add_argument("--_measure", nargs=2, metavar=("KIND", "DIR"), help=argparse.SUPPRESS)
    return ap


def generator(ap: argparse.ArgumentParser, args: argparse.Namespace) -> Path:
    """The shared ``gen_corpus.py``, once the common options are known to be usable."""
    gen: Path = args.shared / "bench" / "gen_corpus.py"
    if not gen.is_file():
        ap.error(f"no generator at {gen} (use --shared)")
    if args.repeat is not None and args.repeat < 1:
        ap.error("--repeat must be at least 1")
    return gen
