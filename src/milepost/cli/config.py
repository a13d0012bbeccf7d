"""``milepost config [PATH]``: the settings that govern a file or folder, and their source."""

from __future__ import annotations

import os
from pathlib import Path

import click

from milepost.cli.options import format_option


@click.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@format_option("toml", "json")
def command(path: Path | None, fmt: str) -> int:
    """Show the settings that govern PATH (default: the current folder): the config file
    found by walking up from it, and every option with its value, defaults included, as a
    milepost.toml you can copy. The Discord webhook is only said to be set, never shown."""
    from milepost import api
    from milepost.errors import typed_path
    from milepost.render.config import config_json, config_toml

    where = path or Path(".")
    if not where.exists():
        reason = "no such file or folder"
        try:
            where.stat()
        except FileNotFoundError:
            pass
        except OSError as exc:  # a symlink loop says so
            reason = exc.strerror or reason
        raise click.BadParameter(f"{str(where)!r}: {reason}", param_hint="'PATH'")
    config = api.find_config(where)
    shown = os.path.realpath(where)
    if fmt == "json":
        click.echo(config_json(config, where=shown), nl=False)
    else:
        source = typed_path(config.path) if config.path else None
        click.echo(config_toml(config, where=shown, source=source), nl=False)
    return 0
