"""Edits of one roadmap (start, ship, plan, review, ...): parsed again and verified before an
atomic write that refuses a file changed meanwhile."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milepost import fs
from milepost.api.arguments import as_day, as_status
from milepost.api.tracks import resolve_track
from milepost.config import Config
from milepost.document import apply
from milepost.errors import EditError, UsageError
from milepost.extract import read_roadmap
from milepost.locate import find_config
from milepost.model import Roadmap, Status
from milepost.source import decode, encode

if TYPE_CHECKING:  # only the commands that need them pay for these imports
    from milepost.edits.edit import Edit


#: The edits :func:`edit` applies, by name.
OPERATIONS = (
    "start",
    "block",
    "drop",
    "ship",
    "plan",
    "review",
    "metric",
    "request",
    "risk",
    "rollover",
)


@dataclass(slots=True)
class EditResult:
    """What an edit did (or, with ``dry_run``, would do) to one roadmap."""

    path: Path
    description: str
    diff: str
    written: bool
    text: str = field(repr=False)  # the roadmap's new text: the diff says what changed


def edit(
    track: str | os.PathLike[str],
    operation: str,
    *,
    today: date,
    item: str | None = None,
    line: int | None = None,
    dry_run: bool = False,
    reason: str | None = None,
    impact: str | None = None,
    details: str | None = None,
    keep: bool = False,
    month: date | None = None,
    owner: str | None = None,
    issue: str | None = None,
    next_review: date | None = None,
    author: str | None = None,
    current: str | None = None,
    baseline: str | None = None,
    target: str | None = None,
    status: Status | str | None = None,
    likelihood: str | None = None,
    impact_level: str | None = None,
    mitigation: str | None = None,
) -> EditResult:
    """Apply one edit operation to a roadmap: start, block, drop, ship, plan, review, metric,
    request, risk or rollover.

    The patched text is parsed again and the edit verified before anything is written; the
    write is atomic and refused if the file changed since it was read.

    Days may be given as ``datetime`` (their date is used); ``status`` as a :class:`Status`
    or its name (``"done"``, or the command line's ``"completed"``, ``"in-progress"``).
    """
    today = as_day(today)
    month = None if month is None else as_day(month, "month")
    next_review = None if next_review is None else as_day(next_review, "next_review")
    status = None if status is None else as_status(status)
    path = resolve_track(track)
    _check_text(
        operation,
        str(path),
        item=item,
        reason=reason,
        impact=impact,
        details=details,
        owner=owner,
        issue=issue,
        author=author,
        current=current,
        baseline=baseline,
        target=target,
        likelihood=likelihood,
        impact_level=impact_level,
        mitigation=mitigation,
    )
    config = find_config(path)
    snapshot = fs.read(path)
    source = decode(snapshot.data, path=str(path))
    roadmap = read_roadmap(source, path=str(path), statuses=config.statuses)
    change = _operation(
        roadmap,
        operation,
        config=config,
        today=today,
        item=item,
        line=line,
        reason=reason,
        impact=impact,
        details=details,
        keep=keep,
        month=month,
        owner=owner,
        issue=issue,
        next_review=next_review,
        author=author,
        path=path,
        current=current,
        baseline=baseline,
        target=target,
        status=status,
        likelihood=likelihood,
        impact_level=impact_level,
        mitigation=mitigation,
    )
    new = apply(source, change.patches)
    after = read_roadmap(new, path=str(path), statuses=config.statuses)
    problem = change.verify(after)
    if problem is not None:
        raise EditError(
            f"edit not applied: {problem}",
            path=str(path),
            hint="the file is unchanged; please report this",
        )
    import difflib  # only edits show a diff

    diff = "".join(
        difflib.unified_diff(
            source.lines,
            new.lines,
            fromfile=f"a/{path.as_posix().lstrip('/')}",
            tofile=f"b/{path.as_posix().lstrip('/')}",
        )
    )
    written = False
    if not dry_run and new.text != source.text:
        written = fs.write_atomic(path, encode(new), expected=snapshot.fingerprint)
    return EditResult(path, change.description, diff, written, new.text)


# How the command line names each text option, for messages.
_FLAGS = {"impact_level": "--impact", "author": "--by"}
_ARGUMENTS = {
    "plan": "the title",
    "risk": "the description",
    "metric": "METRIC",
    "request": "REQUEST",
}


def _check_text(operation: str, path: str, **texts: str | None) -> None:
    """Every text an edit writes is one line and not blank: a line break would end the item
    (the rest becomes a paragraph of its own), and an empty value reads as no value."""
    for name, value in texts.items():
        if value is None:
            continue
        what = (
            _ARGUMENTS.get(operation, "ITEM")  # start, block, drop, ship: their ITEM
            if name == "item"
            else _FLAGS.get(name, f"--{name.replace('_', '-')}")
        )
        if "\n" in value or "\r" in value:
            raise UsageError(f"{what} must be one line", path=path, hint="it holds a line break")
        if not value.strip():
            raise UsageError(f"{what} is empty", path=path)


def _operation(
    roadmap: Roadmap,
    operation: str,
    *,
    config: Config,
    today: date,
    item: str | None,
    line: int | None,
    path: Path,
    **options: Any,
) -> Edit:
    from milepost.edits import operations as ops
    from milepost.edits.lookup import find_item

    statuses = {"start": Status.IN_PROGRESS, "block": Status.BLOCKED, "drop": Status.DROPPED}
    if operation in statuses or operation == "ship":
        if not item and line is None:
            raise UsageError(f"{operation}: which item?")
        target = find_item(roadmap, item or "", line=line)
        if operation == "ship":
            if target.status is Status.DROPPED:
                raise UsageError(
                    f"{target.title!r} is dropped; not shipping it",
                    path=roadmap.path,
                    line=target.span.first_line,
                    hint="if the work was picked up again, `milepost start` it first",
                )
            return ops.ship(
                roadmap,
                target,
                today=today,
                impact=options["impact"],
                details=options["details"],
                keep=options["keep"],
            )
        reason = options["reason"]
        if reason and (target.kind == "row" or target.status_from == "field"):
            # Nothing to write it on: said, not silently left out.
            raise UsageError(
                "--reason has nowhere to go: its status is "
                + ("a table cell" if target.kind == "row" else "a Status field"),
                path=roadmap.path,
                line=target.span.first_line,
                hint=f"{operation} it without --reason, and note why by hand",
            )
        return ops.set_status(roadmap, target, statuses[operation], reason=reason)
    if operation == "plan":
        if not item:
            raise UsageError("plan: what title?")
        return ops.plan(
            roadmap,
            item,
            today=today,
            month=options["month"],
            owner=options["owner"],
            issue=options["issue"],
        )
    if operation == "review":
        author = options["author"]
        by = roadmap.meta.footer_updated_by
        if author is None and not (by or "").startswith("@"):
            # A footer naming a handle ("by @bkumar", often the track's lead) keeps it
            # unless --by names someone else; one without gets the git user.
            from milepost.history.gitlog import user_name

            author = user_name(path)
        from milepost.edits.review import review

        return review(
            roadmap,
            today=today,
            cadence_days=config.review_cadence_days,
            next_review=options["next_review"],
            author=author,
        )
    from milepost.edits import records
    from milepost.edits.rollover import rollover

    if operation in ("metric", "request", "risk") and not item:
        raise UsageError(f"{operation}: which one?")
    if operation == "metric":
        return records.metric(
            roadmap,
            item or "",
            current=options["current"],
            baseline=options["baseline"],
            target=options["target"],
        )
    if operation == "request":
        if options["status"] is None:
            raise UsageError("request: --status planned, in-progress or completed")
        return records.request(roadmap, item or "", status=options["status"])
    if operation == "risk":
        from milepost.edits.risks import risk

        return risk(
            roadmap,
            item or "",
            likelihood=options["likelihood"],
            impact=options["impact_level"],
            mitigation=options["mitigation"],
        )
    if operation == "rollover":
        return rollover(
            roadmap, today=today, to=options["month"], cadence_days=config.review_cadence_days
        )
    raise UsageError(f"unknown edit {operation!r}", hint=f"one of {', '.join(OPERATIONS)}")
