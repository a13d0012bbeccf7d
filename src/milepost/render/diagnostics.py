"""Diagnostics as text, JSON, GitHub workflow annotations, or SARIF 2.1.0."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from milepost.rules import ALL_RULES, Diagnostic, Severity

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "json", "github", "sarif")
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def text_line(diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE message [*]`` (``[*]``: a fix is available)."""
    mark = " [*]" if diagnostic.fix is not None else ""
    return (
        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}: "
        f"{diagnostic.code} {diagnostic.message}{mark}"
    )


def _github_escape(value: str, *, property_: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(diagnostic: Diagnostic) -> str:
    """A workflow command that shows the finding on the pull request's diff."""
    level = _GITHUB_LEVEL[diagnostic.severity]
    path = _github_escape(diagnostic.path or "", property_=True)
    title = _github_escape(f"{diagnostic.code} {diagnostic.name}", property_=True)
    return (
        f"::{level} file={path},line={diagnostic.line},col={diagnostic.col},title={title}::"
        f"{_github_escape(diagnostic.message)}"
    )


def sarif(diagnostics: Sequence[Diagnostic], *, version: str) -> dict[str, object]:
    """A SARIF 2.1.0 log with one run, the rule catalog as its driver's rules."""
    index = {rule.code: i for i, rule in enumerate(ALL_RULES)}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "milepost",
                        "version": version,
                        "informationUri": "https://github.com/milepost/milepost",
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.why},
                                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
                            }
                            for rule in ALL_RULES
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": d.code,
                        "ruleIndex": index[d.code],
                        "level": _SARIF_LEVEL[d.severity],
                        "message": {"text": d.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": _uri(d.path)},
                                    "region": {"startLine": d.line, "startColumn": d.col},
                                }
                            }
                        ],
                    }
                    for d in diagnostics
                ],
            }
        ],
    }


def render(diagnostics: Sequence[Diagnostic], fmt: str, *, version: str) -> str:
    """All diagnostics in one format, ready to print (ends with a newline unless empty)."""
    if fmt in ("json", "sarif"):
        import json  # the text formats, the usual ones, do without it

    if fmt == "json":
        return json.dumps([d.to_dict() for d in diagnostics], indent=2, ensure_ascii=False) + "\n"
    if fmt == "sarif":
        return json.dumps(sarif(diagnostics, version=version), indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(github(d) + "\n" for d in diagnostics)
    return "".join(text_line(d) + "\n" for d in diagnostics)


def _uri(path: str | None) -> str:
    """A path as a SARIF artifact URI: forward slashes, no leading ``./``, percent-encoded."""
    return quote(PurePath(path).as_posix()) if path else ""
