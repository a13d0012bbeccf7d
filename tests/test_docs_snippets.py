"""Every Python snippet of the README and docs runs as written, and says what it gives.

Each file's ``python`` blocks run in order in one namespace, from a copy of the repository's
examples in a temp dir (so nothing a snippet might write touches the checkout). A line
``expression  # value`` whose comment reads as Python is checked: the expression must give
that value, where a string ending in ``...`` gives its beginning, a ``...`` closing a tuple or
list stands for the rest, and ``Name(field=value, ...)`` checks those fields of a ``Name``.
"""

from __future__ import annotations

import ast
import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def snippets(path: Path) -> list[str]:
    return _BLOCK.findall(path.read_text(encoding="utf-8"))


def matches(pattern: ast.expr, value: object, namespace: dict[str, Any]) -> bool:
    """Whether ``value`` is what the comment ``pattern`` says (see the module docstring)."""
    if isinstance(pattern, ast.Constant) and isinstance(pattern.value, str):
        if pattern.value.endswith("..."):
            return isinstance(value, str) and value.startswith(pattern.value[:-3].rstrip())
        return value == pattern.value
    if isinstance(pattern, (ast.Tuple, ast.List)):
        kind = tuple if isinstance(pattern, ast.Tuple) else list
        if not isinstance(value, kind):
            return False
        parts = list(pattern.elts)
        rest = bool(parts) and isinstance(parts[-1], ast.Constant) and parts[-1].value is ...
        if rest:
            parts.pop()
        if len(value) < len(parts) or (not rest and len(value) != len(parts)):
            return False
        return all(matches(p, v, namespace) for p, v in zip(parts, value, strict=False))
    if isinstance(pattern, ast.Call) and isinstance(pattern.func, ast.Name) and not pattern.args:
        return type(value).__name__ == pattern.func.id and all(
            keyword.arg is not None
            and matches(keyword.value, getattr(value, keyword.arg), namespace)
            for keyword in pattern.keywords
        )
    expected = eval(compile(ast.Expression(pattern), "<comment>", "eval"), namespace)
    return bool(value == expected)


def run(code: str, namespace: dict[str, Any]) -> list[str]:
    """Run one snippet statement by statement; what its ``# value`` comments get wrong."""
    wrong: list[str] = []
    lines = code.splitlines()
    for statement in ast.parse(code).body:
        end = statement.end_lineno or statement.lineno
        source = "\n".join(lines[statement.lineno - 1 : end])
        if isinstance(statement, ast.Expr):
            value = eval(compile(ast.Expression(statement.value), "<snippet>", "eval"), namespace)
            comment = lines[end - 1].partition("  # ")[2]
            try:
                pattern = ast.parse(comment, mode="eval").body if comment else None
            except SyntaxError:  # prose, not a value
                pattern = None
            if pattern is not None and not matches(pattern, value, namespace):
                shown = source.rpartition("  # ")[0].strip()
                wrong.append(f"{shown}\n  gives {value!r}\n  not   {comment}")
        else:
            exec(compile(ast.Module([statement], []), "<snippet>", "exec"), namespace)
    return wrong


@pytest.mark.parametrize("doc", [d for d in DOCS if snippets(d)], ids=lambda d: d.name)
def test_python_snippets_run_as_written(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in (tmp_path / "examples").rglob("*") if p.is_file()}
    namespace: dict[str, Any] = {"datetime": datetime}
    wrong = [w for code in snippets(doc) for w in run(code, namespace)]
    assert wrong == []
    after = {p: p.read_bytes() for p in (tmp_path / "examples").rglob("*") if p.is_file()}
    assert after == before  # the snippets show a dry run: nothing written


def test_comments_are_checked() -> None:
    """The checker itself: it catches a wrong value, reads ``...`` as "and the rest"."""
    namespace: dict[str, Any] = {"datetime": datetime}
    assert run("(1, 'abc')  # 1, 'ab...'\n[1, 2]  # [1, ...]", namespace) == []
    assert run("'abc'  # 'xyz'\nx = 3\nx  # 4", namespace) == [
        "'abc'\n  gives 'abc'\n  not   'xyz'",
        "x\n  gives 3\n  not   4",
    ]
    assert run("datetime.date(2026, 1, 2)  # datetime.date(2026, 1, 2)", namespace) == []
    assert run("'x'  # a sentence, not a value", namespace) == []


# The README's console samples: each `$ milepost …` line is run, and the lines shown under
# it must be what it prints ("..." standing for lines left out). A block that copies the
# examples to edit them (`cp -r`) is left out: its edits go by the real clock.
_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
_HISTORY = re.compile(r"python examples/scripted_history\.py (\S+) && cd \1$")


def console_samples(path: Path) -> list[list[tuple[str, list[str]]]]:
    """Each console block of ``path`` as its commands, each with the lines shown under it."""
    blocks = []
    for block in _CONSOLE.findall(path.read_text(encoding="utf-8")):
        commands: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line.rstrip())
        blocks.append(commands)
    return blocks


def shown_as(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected``, each "..." line in it standing for any lines."""
    pattern = "\n".join(".*?" if line == "..." else re.escape(line) for line in ["", *expected, ""])
    return re.fullmatch(pattern, "\n".join(["", *actual, ""]), re.DOTALL) is not None


def test_the_readme_console_samples_are_what_the_commands_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shlex

    from milepost.cli import main

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    wrong: list[str] = []
    for block in console_samples(ROOT / "README.md"):
        if any(command.startswith("cp ") for command, _ in block):
            continue
        monkeypatch.chdir(tmp_path)
        for command, expected in block:
            if _HISTORY.fullmatch(command):
                repo = tmp_path / "history"
                subprocess.run(
                    [sys.executable, "examples/scripted_history.py", str(repo)],
                    check=True,
                    capture_output=True,
                )
                monkeypatch.chdir(repo)
                continue
            args = shlex.split(command, comments=True)
            assert args[0] == "milepost", f"a README sample this test cannot run: {command}"
            if not expected:  # a command shown without its output
                continue
            main(args[1:])
            out = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
            if not shown_as(expected, out):
                wrong.append(f"$ {command}\n" + "\n".join(out))
    assert wrong == []


def test_console_samples_leave_out_lines_only_where_they_say_so() -> None:
    assert shown_as(["a", "...", "d"], ["a", "b", "c", "d"])
    assert shown_as(["a", "b"], ["a", "b"])
    assert not shown_as(["a", "b"], ["a", "b", "c"])
    assert not shown_as(["a", "c"], ["a", "b", "c"])
    assert shown_as(["...", "c", "..."], ["a", "b", "c", "d"])
