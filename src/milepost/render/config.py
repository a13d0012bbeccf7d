"""The effective settings as a ``milepost.toml`` (or JSON) a person can read and copy.

``parse_config`` of the TOML this writes gives the same settings back. The Discord webhook is a
secret: it is never written out, only said to be set.
"""

from __future__ import annotations

import json
from typing import Any

from milepost.config import Config

__all__ = ["config_json", "config_toml"]


def _options(config: Config) -> dict[str, Any]:
    """Every option as the config file writes it (its key, TOML-ready values)."""
    return {
        "project": config.project,
        "roadmaps": list(config.roadmaps),
        "review_cadence_days": config.review_cadence_days,
        "stale_after_days": config.stale_after_days,
        "required_sections": list(config.required_sections),
        "select": list(config.select),
        "ignore": list(config.ignore),
        "per-file-ignores": {pattern: list(codes) for pattern, codes in config.per_file_ignores},
        "statuses": dict(config.statuses),
    }


def config_toml(config: Config, *, where: str, source: str | None = None) -> str:
    """The settings that govern ``where``, as a ``milepost.toml`` (tables last, as TOML
    needs), headed by where they come from: ``source``, the config's path as shown (default:
    as the config holds it)."""
    origin = (
        f"from {source or config.path}; options it does not set are the defaults"
        if config.path
        else "the defaults: no milepost.toml or [tool.milepost] governs it"
    )
    lines = [f"# The settings for {where}", f"# {origin}", ""]
    tables: list[str] = []
    for key, value in _options(config).items():
        if isinstance(value, dict):
            entries = [f"{_string(k)} = {_value(v)}" for k, v in value.items()]
            tables += ["", f"[{key}]", *(entries or ["# none"])]
        else:
            lines.append(f"{key} = {_value(value)}")
    if config.discord_webhook:
        tables += ["", "[announce]", "# discord_webhook is set (a secret: not shown)"]
    return "\n".join(lines + tables) + "\n"


def config_json(config: Config, *, where: str) -> str:
    """The same as JSON: where the settings come from, and every option."""
    data = {
        "for": where,
        "path": config.path,
        "options": _options(config),
        "discord_webhook_set": bool(config.discord_webhook),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_string(item) for item in value) + "]"
    return str(value)


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes (``\\"``, ``\\\\``, ``\\uXXXX``) are TOML's too; DEL,
    which JSON leaves as it is and TOML refuses, is escaped as well."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
