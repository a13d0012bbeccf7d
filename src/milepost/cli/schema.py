"""``milepost schema``: the JSON Schema of ``milepost export`` output."""

from __future__ import annotations

import json

import click


@click.command("schema")
def command() -> int:
    """Print the JSON Schema (draft 2020-12) that `milepost export` output validates against."""
    from milepost.render.schema import export_schema

    click.echo(json.dumps(export_schema(), indent=2, ensure_ascii=False))
    return 0
