"""Diagnostics as text, JSON, GitHub workflow annotations, or SARIF 2.1.0."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from milepost.errors import MilepostError
from milepost.rules import ALL_RULES, Diagnostic, Severity

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "json", "github", "sarif")
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def text_line(diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE message [*]`` (``[*]``: a fix is available)."""
    return f"{diagnostic} [*]" if diagnostic.fix is not None else str(diagnostic)


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


def github_error(error: MilepostError) -> str:
    """A workflow command for a file that could not be checked (shown on its file); where
    there is no file (a folder without roadmaps, a path with nothing there, a pipe), a plain
    one naming the path in its text (GitHub places annotations on files alone: one put on
    anything else would be lost)."""
    if not error.names_a_file or not error.path:
        return f"::error::{_github_escape(str(error))}"
    where = f" file={_github_escape(error.path, property_=True)}"
    if error.line is not None:
        where += f",line={error.line}" + (f",col={error.col}" if error.col is not None else "")
    return f"::error{where},title=milepost could not check it::{_github_escape(error.said)}"


def json_error(error: MilepostError) -> dict[str, object]:
    """A file that could not be checked, as an entry of the JSON list: the keys of a finding
    (:meth:`Diagnostic.to_dict`), with no rule (``code`` and ``name`` null), and no line or
    column where it has none."""
    return {
        "code": None,
        "name": None,
        "severity": Severity.ERROR.value,
        "message": error.said,
        "path": error.path,
        "line": error.line,
        "col": error.col if error.line is not None else None,
        "fix": None,
    }


def _notification(error: MilepostError) -> dict[str, object]:
    """A SARIF tool execution notification for a file that could not be checked, located
    on it. Where the path names no file (nothing there, a folder, a pipe), the notification
    names it in its text and has no location (SARIF makes ``locations`` optional): GitHub
    code scanning places locations on the repository's files, and one on anything else is
    lost or misplaced. A notification, not a result: GitHub shows no result without a
    location, and this is no finding of a rule but a run that could not check a path."""
    if not error.names_a_file or not error.path:
        return {"level": "error", "message": {"text": str(error)}}
    place: dict[str, object] = {"artifactLocation": {"uri": _uri(error.path)}}
    if error.line is not None:
        region = {"startLine": error.line}
        if error.col is not None:
            region["startColumn"] = error.col
        place["region"] = region
    text = {"text": error.said}
    return {"level": "error", "message": text, "locations": [{"physicalLocation": place}]}


def sarif(
    diagnostics: Sequence[Diagnostic],
    *,
    version: str,
    errors: Sequence[MilepostError] = (),
) -> dict[str, object]:
    """A SARIF 2.1.0 log with one run, the rule catalog as its driver's rules; its
    invocation is unsuccessful, with a notification for each, when ``errors`` (files that
    could not be checked) were met, so that no reader takes it for a clean run."""
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
                # Columns count characters (code points), not SARIF's default UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [_notification(e) for e in errors],
                    }
                ],
            }
        ],
    }


def render(
    diagnostics: Sequence[Diagnostic],
    fmt: str,
    *,
    version: str,
    errors: Sequence[MilepostError] = (),
) -> str:
    """All diagnostics in one format, ready to print (ends with a newline unless empty).
    ``errors`` (files that could not be checked, also said on stderr) are in the JSON list,
    the SARIF log and the GitHub annotations too, where a CI reads them."""
    if fmt in ("json", "sarif"):
        import json  # the text formats, the usual ones, do without it

    if fmt == "json":
        entries = [json_error(e) for e in errors] + [d.to_dict() for d in diagnostics]
        return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
    if fmt == "sarif":
        log = sarif(diagnostics, version=version, errors=errors)
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        lines = [github_error(e) for e in errors] + [github(d) for d in diagnostics]
        return "".join(line + "\n" for line in lines)
    return "".join(text_line(d) + "\n" for d in diagnostics)


def _uri(path: str | None) -> str:
    """A path as a SARIF artifact URI: forward slashes, no leading ``./``, percent-encoded."""
    return quote(PurePath(path).as_posix()) if path else ""
