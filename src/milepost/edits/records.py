"""Edits to the records of a roadmap: success metrics and community requests (risks are in
:mod:`milepost.edits.risks`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import TypeVar

from milepost.document import Patch
from milepost.edits.edit import Edit, named
from milepost.edits.lines import split_line_ending
from milepost.edits.notes import before_owners
from milepost.edits.restatus import set_status
from milepost.edits.status_field import set_status_field
from milepost.edits.voice import Voice
from milepost.edits.voice_reading import voice_of
from milepost.errors import UsageError
from milepost.model import Metric, Request, Risk, Roadmap, title_key
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_labels import is_status_label
from milepost.vocabulary.titles import has_words

__all__ = ["candidates", "metric", "request"]

T = TypeVar("T", Metric, Request, Risk)
_ARROW = re.compile(r"\s*(→|->|=>|⇒|â†’)\s*")
_CURRENT = re.compile(r"\s*\((?:current|now)\s*[:=]?\s*[^)]*\)", re.IGNORECASE)
_REQUEST_WORDS = {
    Status.PLANNED: "Planned",
    Status.IN_PROGRESS: "In Progress",
    Status.DONE: "Completed",
}


def _pick(records: Sequence[T], query: str, what: str, name: str, path: str | None) -> T:
    key = title_key(query)

    def label(r: T) -> str:
        said = f"{getattr(r, 'name', '')} {getattr(r, 'description', '')}".strip()
        # A record of no words of its own ("- Status: Planned") is found by its line's.
        return (said or getattr(getattr(r, "item", None), "text", "")).casefold()

    found = [r for r in records if key in label(r)]
    if not found:  # words of it, not next to each other: "largest swarm"
        found = [r for r in records if has_words(label(r), query)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        listing = "; ".join(f"line {r.span.first_line}: {getattr(r, name)!r}" for r in found)
        raise UsageError(f"{len(found)} {what}s match {query!r}: {listing}", path=path)
    raise UsageError(
        f"no {what} matches {query!r}", path=path, hint=candidates(records, query, what, name)
    )


def candidates(records: Sequence[T], query: str, what: str, name: str) -> str:
    """What there is to pick from: the closest few, else the first few (never "none" when
    there are some)."""
    if not records:
        return f"no {what}s here"
    names = {getattr(r, name).casefold(): getattr(r, name) for r in records}
    near = difflib.get_close_matches(query.casefold(), list(names), n=3, cutoff=0.4)
    if near:
        return "closest: " + "; ".join(repr(names[n]) for n in near)
    listed = "; ".join(repr(n) for n in list(names.values())[:3])
    more = "; ..." if len(names) > 3 else ""
    count = f"{len(records)} {what}{'s' if len(records) != 1 else ''}"
    return f"{count} here: {listed}{more}"


def metric(
    roadmap: Roadmap,
    query: str,
    *,
    current: str | None = None,
    baseline: str | None = None,
    target: str | None = None,
) -> Edit:
    """Set a metric's current value (``(current: X)``), baseline or target on its line."""
    for flag, value in (("--current", current), ("--baseline", baseline), ("--target", target)):
        if value is not None and _ARROW.search(value):
            raise UsageError(
                f"{flag} {value!r} holds an arrow",
                path=roadmap.path,
                hint="the line reads 'name: baseline → target': give --baseline and --target "
                "one value each",
            )
        if value is not None and not value.strip():
            raise UsageError(f"{flag} is empty", path=roadmap.path)
    if current is not None and ("(" in current or ")" in current):
        raise UsageError(
            f"--current {current!r} holds a parenthesis",
            path=roadmap.path,
            hint="it is written as (current: VALUE), which a parenthesis would end early",
        )
    found = _pick(roadmap.metrics, query, "metric", "name", roadmap.path)
    number = found.span.start
    body, ending = split_line_ending(roadmap.document.source.lines[number])
    if baseline is not None or target is not None:
        colon = body.find(":", body.find(found.name) + len(found.name) if found.name in body else 0)
        arrow = _ARROW.search(body, colon + 1 if colon >= 0 else 0)
        if colon < 0 or arrow is None:
            raise UsageError(
                "the metric is not written 'name: baseline → target'",
                path=roadmap.path,
                line=found.span.first_line,
            )
        old_base = body[colon + 1 : arrow.start()]
        tail = body[arrow.end() :]
        kept = _CURRENT.search(tail)
        old_target = tail[: kept.start()] if kept else tail
        rest = tail[len(old_target) :]
        base_text = f" {baseline}" if baseline is not None else old_base
        target_text = target if target is not None else old_target
        body = f"{body[: colon + 1]}{base_text}{arrow.group()}{target_text}{rest}"
    if current is not None:
        if _CURRENT.search(body):
            body = _CURRENT.sub(f" (current: {current})", body, count=1)
        else:
            body = f"{body.rstrip()} (current: {current})"
    name = found.name

    def verify(after: Roadmap) -> str | None:
        now = next((m for m in after.metrics if m.name == name), None)
        if now is None:
            return f"metric '{name}' is gone"
        for field, wanted in (("current", current), ("baseline", baseline), ("target", target)):
            if wanted is not None and (getattr(now, field) or "").strip() != wanted.strip():
                return f"metric '{name}' {field} reads {getattr(now, field)!r}, not {wanted!r}"
        return None

    return Edit((Patch(number, number + 1, (body + ending,)),), f"{name}: updated", verify)


def request(roadmap: Roadmap, query: str, *, status: Status) -> Edit:
    """Set a community request's status (Planned, In Progress or Completed)."""
    if status not in _REQUEST_WORDS:
        raise UsageError("a request's status is planned, in-progress or completed")
    found = _pick(roadmap.requests, query, "request", "title", roadmap.path)
    word = _REQUEST_WORDS[status]
    line = found.span.start

    def verify(after: Roadmap) -> str | None:
        now = next((r for r in after.requests if r.span.start == line), None)
        if now is None or now.status is not status:
            return f"the request does not read as {word}"
        return None

    # Named without the status its line says: "📋 Planned: Dark theme: In Progress" and
    # "Status: In Progress" (its "Status:" label read as its name) said two things.
    plain = not found.name or is_status_label(found.name)
    label = f"{named(found.item, roadmap.legend) if plain else found.title}: {word}"
    voice = Voice(_REQUEST_WORDS, voice_of(roadmap).glyphs, roadmap.legend)
    if found.item.kind == "row" or found.item.status_from in ("marker", "legend"):
        # A status the request's line carries (its Status cell, a leading emoji, box or
        # label, a field, a tag) changes where it stands, as an item's does, in the words
        # requests take.
        return Edit(set_status(roadmap, found.item, status, voice=voice).patches, label, verify)
    # A field whose value is no status ("Accepted") is set, the markup around it kept;
    # where there is none, one is added.
    body, ending = split_line_ending(roadmap.document.source.lines[line])
    try:
        fielded = set_status_field(body, status, voice, any_words=True)
    except ValueError as error:
        raise UsageError(str(error), path=roadmap.path, line=found.span.first_line) from None
    # A new field goes before the owners, as a person writes it ("Dark theme - Status:
    # Planned @kim"), and is read there.
    body = fielded or before_owners(body.rstrip(), f" - Status: {word}")
    return Edit((Patch(line, line + 1, (body + ending,)),), label, verify)
