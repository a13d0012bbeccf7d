"""``milepost serve [PATH]``: preview the site on 127.0.0.1, rebuilt and reloaded on change."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import click

from milepost.cli.options import today_option
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
@click.option(
    "--history/--no-history",
    default=True,
    show_default=True,
    help="Delivery statistics from git history on the History page (inside a git clone).",
)
@today_option
def command(
    paths: tuple[Path, ...], output: Path | None, port: int, history: bool, today: dt.date
) -> int:
    """Serve the site on 127.0.0.1; rebuild it and reload the page when a roadmap changes.

    Stop with Ctrl-C.
    """
    from milepost.cli.site import history_stats
    from milepost.serve import Preview

    stats = history_stats(list(paths), today) if history else None

    with tempfile.TemporaryDirectory(prefix="milepost-serve-") as tmp:
        folder = output if output is not None else Path(tmp)

        def say(line: str) -> None:
            click.echo(line, err=line.startswith("milepost: error:"))

        try:
            preview = Preview(
                list(paths) or [Path(".")], folder, today=today, port=port, say=say, history=stats
            )
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
