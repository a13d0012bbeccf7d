"""``milepost serve [PATH]``: preview the site on 127.0.0.1, rebuilt and reloaded on change."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from milepost.cli.options import history_option, portfolio_or_here, today_option
from milepost.errors import UsageError


@click.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to build the site into (default: a temporary folder, removed on exit).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
@history_option
@today_option
def command(
    paths: tuple[Path, ...], output: Path | None, port: int, history: bool, today: dt.date
) -> int:
    """Serve the site on 127.0.0.1; rebuild it and reload the page when a roadmap changes.

    Stop with Ctrl-C.
    """
    from milepost.cli.site import history_stats
    from milepost.locate import discover

    for path in paths:  # a path mistyped is said now, not on the page served from it
        if not path.is_dir():
            discover(path)
    stats = history_stats(list(paths), today) if history else None
    gc.enable()  # paused for the other commands (see main); a server running for hours needs it
    with _cleanup_on_sigterm():
        roots: list[str | os.PathLike[str]] = [*portfolio_or_here(paths)]
        return _serve(roots, output, port=port, today=today, history=stats)


@contextlib.contextmanager
def _cleanup_on_sigterm() -> Iterator[None]:
    """SIGTERM (``kill``, a process manager) ends serving like Ctrl-C: the temporary site is
    removed. Only the main thread can take signals; elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(_signal: int, _frame: object) -> None:
        raise SystemExit(128 + signal.SIGTERM)  # the finally clauses of serving still run

    before = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _serve(
    paths: list[str | os.PathLike[str]],
    output: Path | None,
    *,
    port: int,
    today: dt.date,
    history: Any,
) -> int:
    """Build into ``output`` (default: a temporary folder, removed on the way out), serve,
    watch and rebuild until interrupted."""
    from milepost.serve import Preview
    from milepost.sitebuild import refuse_a_folder_not_ours

    if output is not None:  # before anything is served from it
        refuse_a_folder_not_ours(output)
    with tempfile.TemporaryDirectory(prefix="milepost-serve-") as tmp:
        folder = output if output is not None else Path(tmp)

        def say(line: str) -> None:
            click.echo(line, err=line.startswith("milepost: error:"))

        try:
            preview = Preview(paths, folder, today=today, port=port, say=say, history=history)
        except OSError as exc:
            raise UsageError(
                f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}",
                hint="pick another --port, or --port 0 for any free one",
            ) from None
        try:
            preview.build()
            click.echo(f"serving {folder} at {preview.url} (Ctrl-C to stop)")
            preview.start_watching()
            preview.server.serve_forever()
        finally:
            preview.close()
    return 0
