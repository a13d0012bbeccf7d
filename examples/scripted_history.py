"""Make a git repository holding the example portfolio with two months of scripted history.

    python examples/scripted_history.py DIR

DIR (which must not exist) becomes a git repository whose last commit is exactly
``examples/portfolio``, reached through dated commits a team could have made from late
October to late November 2026: items started, shipped, dropped, reworded and carried over to
the next month, a metric target raised, a track folder renamed, a branch merged, and reviews.
Try ``milepost diff --since 2026-11-01``, ``milepost stats --today 2026-11-25`` or
``milepost log memory "context truncation"`` inside it. The tests use it too, so every figure
those commands print about it is checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent / "portfolio"
MEMORY = "tracks/memory/roadmap.md"
WEB_UI = "tracks/web-ui/roadmap.md"
TOOLS = "tracks/tool-use/roadmap.md"
OLD_TOOLS = "tracks/tools/roadmap.md"
ORCHESTRATION = "tracks/orchestration/roadmap.md"
ISSUE_412 = "https://github.com/swarmkit/swarmkit/issues/412"


@dataclass(frozen=True)
class Step:
    """One commit: on ``day``, each (file, old, new) replacement, and optionally a rename."""

    day: str
    author: str
    message: str
    edits: tuple[tuple[str, str, str], ...] = ()
    rename: tuple[str, str] | None = None
    branch: str | None = None  # made on this branch, then merged into main with --no-ff
    extra: dict[str, str] = field(default_factory=dict)


def _review(path: str, before: str, after: str, who: str) -> tuple[tuple[str, str, str], ...]:
    return (
        (path, f"**Last updated:** {before}", f"**Last updated:** {after}"),
        (path, f"*Last updated: {before} by @{who}*", f"*Last updated: {after} by @{who}*"),
    )


STEPS: tuple[Step, ...] = (
    Step(
        "2026-10-28",
        "Dana",
        "Web UI: live run timeline shipped",
        (
            (
                WEB_UI,
                "- 🚧 **In Progress:** Live run timeline view (#330) @jules",
                "- ✅ **Completed:** Live run timeline view (#330) @jules",
            ),
        ),
    ),
    Step(
        "2026-11-02",
        "Gwen",
        "Memory: start context truncation",
        (
            (
                MEMORY,
                f"- 📋 **Planned:** Context truncation for transcripts ({ISSUE_412}) @gwen",
                f"- 🚧 **In Progress:** Context truncation for transcripts ({ISSUE_412}) @gwen",
            ),
        ),
    ),
    Step(
        "2026-11-03",
        "Dana",
        "Web UI: carry October's open items into November",
        (
            (
                WEB_UI,
                "### October 2026\n"
                "- ✅ **Completed:** Live run timeline view (#330) @jules\n"
                "- 🚧 **In Progress:** Agent message inspector (#344) @jules\n"
                "- 📋 **Planned:** Dark mode (#348) @hiro\n"
                "- 📋 **Planned:** Shareable read-only run links (#350) @dana\n"
                "\n"
                "### November 2026\n",
                "### November 2026\n"
                "- 🚧 **In Progress:** Agent message inspector (carried over from October)"
                " (#344) @jules\n"
                "- 📋 **Planned:** Dark mode (carried over from October) (#348) @hiro\n"
                "- 📋 **Planned:** Shareable read-only run links (carried over from October)"
                " (#350) @dana\n",
            ),
            (
                WEB_UI,
                "## Completed Milestones\n\n### September 2026\n",
                "## Completed Milestones\n\n### October 2026\n"
                "- ✅ Live run timeline view shipped - follow every agent step and handoff"
                " while the run is still going\n"
                "  - Details: [docs](https://swarmkit.dev/docs/web-ui/live-timeline)\n"
                "\n### September 2026\n",
            ),
        ),
        branch="web-ui-november",
    ),
    Step(
        "2026-11-06",
        "Bhavna Kumar",
        "Memory: SQLite store is the default",
        (
            (
                MEMORY,
                "- 🚧 **In Progress:** SQLite memory store as the default backend (#352) @bkumar",
                "- ✅ **Completed:** SQLite memory store as the default backend (#352) @bkumar",
            ),
        ),
    ),
    Step(
        "2026-11-09", "Chen", "Move the tools track to tracks/tool-use", rename=(OLD_TOOLS, TOOLS)
    ),
    Step(
        "2026-11-10",
        "Alice",
        "Orchestration: handoff protocol shipped",
        (
            (
                ORCHESTRATION,
                "- 🚧 **In Progress:** Structured handoff protocol between agents (#371) @alice",
                "- ✅ **Completed:** Structured handoff protocol between agents (#371) @alice",
            ),
        ),
    ),
    Step(
        "2026-11-12",
        "Gwen",
        "Memory: drop Redis, name the truncation API",
        (
            (
                MEMORY,
                f"- 🚧 **In Progress:** Context truncation for transcripts ({ISSUE_412}) @gwen",
                f"- 🚧 **In Progress:** Context truncation API for agent transcripts ({ISSUE_412})"
                " @gwen",
            ),
            (
                MEMORY,
                "- 📋 **Planned:** Redis memory backend (#287) @bkumar",
                "- ❌ **Dropped:** Redis memory backend (#287) - the SQLite store covers the same"
                " use cases @bkumar",
            ),
        ),
    ),
    Step(
        "2026-11-13",
        "Alice",
        "Orchestration: raise the throughput target",
        (
            (
                ORCHESTRATION,
                "Throughput on 100-agent benchmark: 120 → 300 steps/min",
                "Throughput on 100-agent benchmark: 120 → 400 steps/min",
            ),
        ),
    ),
    Step(
        "2026-11-16",
        "Ivan",
        "Tool use: timeouts shipped",
        (
            (
                TOOLS,
                "- 🚧 **In Progress:** Tool call timeouts with typed errors (#358) @ivan",
                "- ✅ **Completed:** Tool call timeouts with typed errors (#358) @ivan",
            ),
        ),
    ),
    Step(
        "2026-11-18",
        "Bhavna Kumar",
        "Memory: review",
        _review(MEMORY, "2026-10-26", "2026-11-18", "bkumar"),
    ),
    Step(
        "2026-11-19", "Dana", "Web UI: review", _review(WEB_UI, "2026-10-26", "2026-11-19", "dana")
    ),
    Step(
        "2026-11-20",
        "Alice",
        "Orchestration: review",
        _review(ORCHESTRATION, "2026-10-26", "2026-11-20", "alice"),
    ),
    Step(
        "2026-11-24", "Chen", "Tool use: review", _review(TOOLS, "2026-10-26", "2026-11-24", "chen")
    ),
)
FIRST_DAY, FIRST_AUTHOR, FIRST_MESSAGE = "2026-10-26", "Alice", "Roadmaps for the autumn"


def _git(repo: Path, *args: str, day: str | None = None, author: str = "Alice") -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME=author,
        GIT_AUTHOR_EMAIL=f"{author.split()[0].lower()}@swarmkit.dev",
        GIT_COMMITTER_NAME=author,
        GIT_COMMITTER_EMAIL=f"{author.split()[0].lower()}@swarmkit.dev",
    )
    if day is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T10:00:00+00:00"
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _replace(text: str, old: str, new: str, where: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"scripted history out of date: {where}: {old[:60]!r}")
    return text.replace(old, new)


def _initial_texts() -> dict[str, str]:
    """The roadmaps as they were before the first step: every step undone, newest first."""
    texts = {
        p.relative_to(HERE).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(HERE.rglob("*"))
        if p.is_file()
    }
    for step in reversed(STEPS):
        for path, old, new in reversed(step.edits):
            texts[path] = _replace(texts[path], new, old, f"{step.day} {path}")
        if step.rename is not None:
            before, after = step.rename
            texts[before] = texts.pop(after)
    return texts


def build(repo: Path) -> Path:
    """Make the repository at ``repo`` (a new folder) and return it."""
    texts = _initial_texts()
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    for path, text in texts.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", FIRST_MESSAGE, day=FIRST_DAY, author=FIRST_AUTHOR)
    for step in STEPS:
        if step.branch:
            _git(repo, "checkout", "-q", "-b", step.branch)
        if step.rename is not None:
            (repo / step.rename[1]).parent.mkdir(parents=True, exist_ok=True)
            _git(repo, "mv", *step.rename)
            old_folder = (repo / step.rename[0]).parent
            if not any(old_folder.iterdir()):
                old_folder.rmdir()
        for path, old, new in step.edits:
            target = repo / path
            text = target.read_bytes().decode("utf-8")
            target.write_bytes(_replace(text, old, new, f"{step.day} {path}").encode("utf-8"))
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", step.message, day=step.day, author=step.author)
        if step.branch:
            _git(repo, "checkout", "-q", "main")
            _git(
                repo,
                "merge",
                "-q",
                "--no-ff",
                "-m",
                f"Merge {step.branch}",
                step.branch,
                day=step.day,
                author=step.author,
            )
    return repo


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    target = Path(argv[0])
    if target.exists():
        print(f"{target}: already exists", file=sys.stderr)
        return 2
    build(target)
    print(f"{target}: {len(STEPS) + 1} commits of roadmap history")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
