"""The command line: a thin click group, one module per command, one error boundary.

``main(argv) -> int`` never raises: a :class:`MilepostError` (bad path, bad bytes, bad config)
becomes one line ``milepost: error: <file>:<line>: <what>`` and exit code 2, and so does an
error of the operating system (``<path>: Permission denied``); anything else is a bug: one
line asking for ``--debug`` (which shows the traceback) and exit code 3. Ctrl-C exits 130.
Findings (``check``) exit 1.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

import click

from milepost import __version__
from milepost.collector import gc_paused
from milepost.errors import ConfigWarning, MilepostError, shown_path

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


# Each command's module is imported only when that command runs: a cold `milepost check FILE`
# should not pay for rich, the site renderer or the templates.
_COMMANDS = {
    "check": "milepost.cli.check:command",
    "rule": "milepost.cli.rules:command",
    "config": "milepost.cli.config:command",
    "new": "milepost.cli.new:command",
    "show": "milepost.cli.show:command",
    "export": "milepost.cli.export:command",
    "schema": "milepost.cli.schema:command",
    "start": "milepost.cli.edit:start",
    "block": "milepost.cli.edit:block",
    "drop": "milepost.cli.edit:drop",
    "ship": "milepost.cli.edit:ship",
    "plan": "milepost.cli.edit:plan",
    "review": "milepost.cli.records:review",
    "metric": "milepost.cli.records:metric",
    "request": "milepost.cli.records:request",
    "risk": "milepost.cli.records:risk",
    "rollover": "milepost.cli.edit:rollover",
    "status": "milepost.cli.portfolio:status",
    "graph": "milepost.cli.portfolio:graph",
    "summary": "milepost.cli.portfolio:summary",
    "site": "milepost.cli.site:command",
    "diff": "milepost.cli.history:diff",
    "log": "milepost.cli.history:log",
    "stats": "milepost.cli.history:stats",
    "announce": "milepost.cli.history:announce",
    "serve": "milepost.cli.serve:command",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = _COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, _, name = where.partition(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in _COMMANDS:
            import difflib  # only a mistyped command pays for it

            close = difflib.get_close_matches(name, list(_COMMANDS), n=1, cutoff=0.6)
            ctx.fail(
                f"no such command {name!r}" + (f"; did you mean {close[0]!r}?" if close else "")
            )
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            # click's parser raises some usage errors (an option without its value) before
            # the command's context exists: point them to the command's help, not ours.
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if exc.ctx is None and name else None
            if command is not None:
                exc.ctx = click.Context(command, info_name=name, parent=ctx)
            raise


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="milepost")
@click.option("--debug", is_flag=True, help="Show a traceback when something goes wrong.")
def cli(debug: bool) -> None:
    """Keep Markdown product roadmaps honest."""


def _print_traceback() -> None:
    import traceback  # only --debug shows one: not imported on every start

    traceback.print_exc()


def _say(line: str) -> None:
    """One line on stderr, whatever it holds: a character that does not print (a newline in a
    name) is escaped, as the paths in messages are."""
    if not line.isprintable():
        line = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in line)
    click.echo(line, err=True)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning as one line on stderr, like the errors (no source line, no traceback)."""
    _say(f"milepost: warning: {message}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if not [arg for arg in args if arg != "--debug"]:  # no command: the help, as a usage error
        context = click.Context(cli, info_name="milepost", **cli.context_settings)
        click.echo(cli.get_help(context))
        return EXIT_ERROR
    try:
        # A command runs with the cyclic collector paused: its imports and the models it reads
        # are many objects and no cycles (milepost.collector); serve turns it back on.
        with gc_paused(), warnings.catch_warnings():
            warnings.simplefilter("default", ConfigWarning)  # each one once
            warnings.showwarning = _show_warning
            result = cli.main(args, prog_name="milepost", standalone_mode=False)
    except MilepostError as exc:
        if debug:
            _print_traceback()
        _say(f"milepost: error: {exc}")
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("milepost: interrupted", err=True)
        return EXIT_INTERRUPTED
    except click.UsageError as exc:  # one line, like every other error
        where = exc.ctx.command_path if exc.ctx is not None else "milepost"
        _say(f"milepost: error: {exc.format_message()} (see '{where} --help')")
        return EXIT_ERROR
    except click.ClickException as exc:
        _say(f"milepost: error: {exc.format_message()}")
        return EXIT_ERROR
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("milepost: interrupted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the system said no: a folder that cannot be made, a full disk
        if debug:
            _print_traceback()
        where = f"{shown_path(str(exc.filename))}: " if exc.filename else ""
        _say(f"milepost: error: {where}{exc.strerror or exc}")
        return EXIT_ERROR
    except Exception as exc:  # the boundary: anything else is a bug, told in one line
        if debug:
            _print_traceback()
        else:
            name = type(exc).__name__
            _say(f"milepost: internal error: {name}: {exc} (rerun with --debug for details)")
        return EXIT_BUG
    return result if isinstance(result, int) else EXIT_OK
