"""``milepost check [PATH...]``: find what rots in roadmaps; fix what is safe to fix."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from milepost.cli.options import format_option, portfolio_or_here, today_option

if TYPE_CHECKING:
    from milepost.api import CheckResult


def _selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.strip() for value in values for s in value.split(",") if s.strip())


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change meaning.")
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Show fixes as a diff; change nothing (even with --fix); not with json or sarif.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help=(
        "Rules to run (codes, prefixes, names, groups); replaces the config's select and ignore."
    ),
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Rules not to run, on top of the config's selection.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help=(
        "Skip, quietly, the files named on the command line that the config's roadmaps"
        " patterns do not match (a pre-commit hook passes every Markdown file)."
    ),
)
@click.option(
    "--no-cache",
    is_flag=True,
    help=(
        "Read the rest of the portfolio afresh instead of from the user's cache of the files"
        " that did not change."
    ),
)
@today_option
@format_option("text", "json", "github", "sarif")
def command(
    paths: tuple[Path, ...],
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    force_exclude: bool,
    no_cache: bool,
    today: dt.date,
    fmt: str,
) -> int:
    """Check roadmaps (default: the configured portfolio, else the current folder).

    Exit 0 when clean, 1 on findings (or, with --diff, fixes to make), 2 on bad input.
    """
    return run(
        paths=portfolio_or_here(paths),
        force_exclude=force_exclude,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        show_diff=show_diff,
        select=_selectors(select),
        ignore=_selectors(ignore),
        today=today,
        fmt=fmt,
        cache=not no_cache,
    )


def run(
    *,
    paths: list[Path],
    force_exclude: bool = False,
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    today: dt.date,
    fmt: str,
    cache: bool = True,
) -> int:
    from milepost import __version__, api
    from milepost.render.diagnostics import render

    if show_diff and fmt in ("json", "sarif"):
        from milepost.errors import UsageError

        raise UsageError(
            f"--diff prints a unified diff, not {fmt}",
            hint="leave out --diff to get the findings as " + fmt,
        )
    if force_exclude:
        paths = [p for p in paths if not p.is_file() or api.is_roadmap(p)]
        if not paths:  # none of the files named is a roadmap: nothing to check, nothing to say
            click.echo(render([], fmt, version=__version__), nl=False)
            return 0
    result = api.check(
        list(paths),
        today=today,
        select=select,
        ignore=ignore,
        fix=fix or show_diff,
        unsafe_fixes=unsafe_fixes,
        write=fix and not show_diff,
        cache=cache,
    )
    if not result.reports and not result.errors:  # an error a CI format must carry too
        from milepost.locate import nothing_found

        result.errors.append(nothing_found(paths))
    for error in result.errors:
        click.echo(f"milepost: error: {error}", err=True)
    _unsettled(result)
    if show_diff:
        for report in result.reports:
            click.echo(report.diff(), nl=False)
    diagnostics = result.diagnostics
    output = render(diagnostics, fmt, version=__version__, errors=result.errors)
    if output:
        click.echo(output, nl=False)
    if fmt == "text":
        _summary(result, fixing=fix or show_diff, written=fix and not show_diff)
    if result.errors:
        return 2
    pending = show_diff and any(report.fixed is not None for report in result.reports)
    return 1 if diagnostics or pending else 0


def _unsettled(result: CheckResult) -> None:
    """A warning for each file whose fixes were still changing it when the passes ran out
    (fixes that undo each other are a bug): its remaining findings are no final word."""
    from milepost.errors import shown_path
    from milepost.rules.engine import MAX_FIX_PASSES

    passes = f"{MAX_FIX_PASSES} pass{'es' if MAX_FIX_PASSES != 1 else ''}"
    for report in result.reports:
        if not report.converged:
            click.echo(
                f"milepost: warning: {shown_path(report.path)}: fixes did not settle after"
                f" {passes}; run --fix again (and report it if they never do)",
                err=True,
            )


def _summary(result: CheckResult, *, fixing: bool, written: bool) -> None:
    applied = sum(r.applied for r in result.reports)
    held = sum(r.held_back for r in result.reports)
    remaining = len(result.diagnostics)
    fixable = sum(1 for d in result.diagnostics if d.fix is not None and d.fix.safe)
    parts = []
    if fixing and applied:
        verb = "fixed" if written else "would fix"
        parts.append(f"{verb} {applied}")
    if remaining:
        parts.append(f"found {remaining} problem{'s' if remaining != 1 else ''}")
        if fixable and not fixing:
            parts.append(f"{fixable} fixable with --fix")
    if held:
        parts.append(f"{held} more fixable with --unsafe-fixes")
    stream = sys.stderr if fixing and not written else sys.stdout
    if parts:
        click.echo(", ".join(parts).capitalize() + ".", file=stream)
    elif not result.errors:
        count = len(result.reports)
        click.echo(f"All checks passed ({count} roadmap{'s' if count != 1 else ''}).", file=stream)
