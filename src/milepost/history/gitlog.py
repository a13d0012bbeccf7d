"""The one module that runs git: a clean environment, the repository always explicit.

History is read with two processes whatever the size of the portfolio: one ``git log`` over
the roadmaps' folders (first parent, renames detected, raw blob ids) and one
``git cat-file --batch`` for the blobs not already cached. What ``git log`` prints is read
into commits by :mod:`milepost.history.logformat` (pure).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from milepost.errors import MilepostError, UsageError
from milepost.history.logformat import FORMAT, parse_log
from milepost.history.versions import Commit

__all__ = [
    "Repository",
    "blobs",
    "grafted",
    "horizon",
    "log",
    "repository",
    "resolve",
    "touches",
    "tree_blobs",
    "user_name",
]

# Inside a hook git exports GIT_DIR / GIT_INDEX_FILE, which would misdirect a child git.
_KEEP = frozenset(
    {
        "GIT_EXEC_PATH",
        "GIT_SSH",
        "GIT_SSH_COMMAND",
        "GIT_CONFIG_NOSYSTEM",
        "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM",
    }
)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in _KEEP}


def user_name(where: str | os.PathLike[str]) -> str | None:
    """``git config user.name`` as seen from ``where``; None without git or a name."""
    folder = Path(where)
    if not folder.is_dir():
        folder = folder.parent
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "config", "user.name"],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    name = result.stdout.strip()
    return name if result.returncode == 0 and name else None


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            env=_env(),
            check=False,
        )
    except OSError as exc:
        raise MilepostError(f"cannot run git: {exc.strerror}", hint="is git installed?") from None


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _failed(result: subprocess.CompletedProcess[bytes], what: str, path: Path) -> MilepostError:
    lines = _text(result.stderr).strip().splitlines()
    detail = lines[-1].removeprefix("fatal: ") if lines else f"exit code {result.returncode}"
    return UsageError(f"{what}: {detail}", path=str(path))


@dataclass(frozen=True, slots=True)
class Repository:
    root: Path  # the work tree
    git_dir: Path  # the (common) git directory, where milepost keeps its caches
    shallow: bool


def repository(where: str | os.PathLike[str]) -> Repository:
    """The repository that holds ``where`` (one ``git rev-parse``); outside a git repository
    a :class:`UsageError`."""
    folder = Path(where)
    if not folder.is_dir():
        folder = folder.parent
    if not folder.is_dir():
        raise UsageError("no such file or folder", path=str(where))
    asks = ("--show-toplevel", "--git-common-dir", "--is-shallow-repository")
    result = _git(folder, "rev-parse", *asks)
    answers = _text(result.stdout).splitlines()
    if result.returncode != 0 or len(answers) != len(asks):
        raise UsageError(
            "not inside a git repository",
            path=str(where),
            hint="history comes from git: run this in a clone",
        )
    root = Path(answers[0])
    found = Path(answers[1])
    git_dir = found if found.is_absolute() else folder / found
    return Repository(root, git_dir.resolve(), answers[2] == "true")


def resolve(root: Path, rev: str) -> Commit | None:
    """The commit a revision names (without touches); None when it names none. A range
    (``a..b``) names no single commit: a :class:`UsageError`."""
    if ".." in rev:
        raise UsageError(
            f"{rev!r} is a range, not a revision",
            path=str(root),
            hint="give its two ends: milepost diff A B",
        )
    found = _git(root, "rev-parse", "--verify", "-q", "--end-of-options", rev)
    sha = _text(found.stdout).strip()
    if found.returncode != 0 or not sha:
        return None
    result = _git(root, "show", "-s", "-z", f"--format={FORMAT}", f"{sha}^{{commit}}", "--")
    if result.returncode != 0 or not result.stdout.strip():
        return None
    commits = parse_log(_text(result.stdout))
    return commits[0] if commits else None


def log(root: Path, pathspecs: Sequence[str], *, rev: str = "HEAD") -> list[Commit]:
    """The first-parent commits from ``rev`` back that touch ``pathspecs``, newest first.

    A repository without commits has no history (an empty list), not an error.
    """
    args = ["log", "--first-parent", "--diff-merges=first-parent", "-M", "--raw", "--no-abbrev"]
    # --root: the first commit adds its files even where the user's log.showRoot says not to
    args += ["--root", "-z", f"--format={FORMAT}"]
    result = _git(root, *args, rev, "--", *pathspecs)
    if result.returncode != 0:
        if _git(root, "rev-parse", "--verify", "-q", "HEAD").returncode != 0 and rev == "HEAD":
            return []  # no commits yet
        if resolve(root, rev) is None:
            raise UsageError(f"unknown revision {rev!r}", path=str(root))
        raise _failed(result, "git log failed", root)
    return parse_log(_text(result.stdout))


def touches(root: Path, shas: Iterable[str]) -> dict[str, Commit]:
    """Commits with everything each did to any file (renames detected, merges against their
    first parent), with one ``git show``: where files that a limited log saw *added* really
    came from."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    args = ["show", "--diff-merges=first-parent", "-M", "--raw", "--no-abbrev", "-z"]
    result = _git(root, *args, f"--format={FORMAT}", *wanted, "--")
    if result.returncode != 0:
        raise _failed(result, "git show failed", root)
    return {c.sha: c for c in parse_log(_text(result.stdout))}


def grafted(root: Path, shas: Iterable[str]) -> frozenset[str]:
    """Those of the given commits whose parents a shallow clone cut off (git decorates them
    "grafted"): the horizon of its history. A root commit that really has no parent is not
    among them."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return frozenset()
    args = ["log", "--no-walk=unsorted", "--decorate-refs-exclude=*", "--format=%H%x1f%D"]
    result = _git(root, *args, *wanted, "--")
    if result.returncode != 0:
        raise _failed(result, "git log failed", root)
    found = set()
    for line in _text(result.stdout).splitlines():
        sha, _, decorations = line.partition("\x1f")
        if "grafted" in (d.strip() for d in decorations.split(",")):
            found.add(sha)
    return frozenset(found)


def horizon(root: Path, rev: str = "HEAD") -> Commit | None:
    """In a shallow clone, the oldest commit of ``rev``'s first-parent history, its parents
    cut off (:func:`grafted`); None where that history reaches a real first commit."""
    args = ["log", "--first-parent", "--max-parents=0", "-z", f"--format={FORMAT}"]
    result = _git(root, *args, rev, "--")
    commits = parse_log(_text(result.stdout)) if result.returncode == 0 else []
    if not commits or commits[-1].sha not in grafted(root, [commits[-1].sha]):
        return None
    return commits[-1]


def blobs(root: Path, shas: Iterable[str]) -> dict[str, bytes]:
    """The contents of the given blobs, with one ``git cat-file --batch``."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    result = _git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in wanted).encode())
    if result.returncode != 0:
        raise _failed(result, "git cat-file failed", root)
    out, data, at = {}, result.stdout, 0
    for sha in wanted:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        if len(header) < 3 or header[1] != b"blob":  # "<sha> missing": a shallow clone's edge
            at = end + 1
            continue
        size = int(header[2])
        out[sha] = data[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return out


def tree_blobs(root: Path, rev: str, paths: Sequence[str]) -> dict[str, str]:
    """``{path: blob}`` for those of ``paths`` that exist at ``rev``."""
    if not paths:
        return {}
    result = _git(root, "ls-tree", "-r", "-z", "--full-tree", rev, "--", *paths)
    if result.returncode != 0:
        raise _failed(result, f"cannot list {rev}", root)
    found = {}
    for entry in _text(result.stdout).split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob":
            found[path] = parts[2]
    return found


def deleted(root: Path, paths: Sequence[str], *, others: Sequence[str] = ()) -> frozenset[str]:
    """Those of ``paths`` that the working tree (or the index) has deleted since HEAD: not
    files moved (``git mv``; to one of ``paths`` or ``others``), nor files left out of a
    sparse checkout."""
    if not paths:
        return frozenset()
    args = ["diff", "--name-only", "-z", "-M", "--diff-filter=D", "HEAD", "--"]
    result = _git(root, *args, *paths, *others)
    if result.returncode != 0:
        raise _failed(result, "git diff failed", root)
    return frozenset(p for p in _text(result.stdout).split("\0") if p in paths)
