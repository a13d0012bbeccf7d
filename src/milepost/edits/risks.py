"""The risk edit: update a risk's likelihood, impact or mitigation, or add a new risk.

A new risk is written the template's way (``- **Risk N:** description`` and its three field
lines) and needs all three fields, so it never starts out as a finding of ``milepost check``.
Checks compare what a reader sees: the description and values are read back through the
extraction, so Markdown in them (``**vendor** lock-in``) is fine.
"""

from __future__ import annotations

import re

from milepost.document import Patch
from milepost.edits.edit import Edit
from milepost.edits.lines import split_line_ending
from milepost.edits.placement import content_end
from milepost.edits.readback import read_risk
from milepost.edits.records import candidates
from milepost.errors import UsageError
from milepost.model import Risk, Roadmap, title_key
from milepost.vocabulary.sections import SectionKind, classify

__all__ = ["risk"]

_FIELD_LABEL = re.compile(r"\s*[-*+]\s+(?:\*\*|__)?\w+(?:\*\*|__)?\s*:\s*(?:\*\*|__)?")
_NUMBER = re.compile(r"(?i)\brisk\s+(\d+)\b")


def _matching(roadmap: Roadmap, key: str) -> list[Risk]:
    return [r for r in roadmap.risks if key in title_key(f"{r.name} {r.description}")]


def _update(roadmap: Roadmap, found: Risk, fields: dict[str, str | None]) -> list[Patch]:
    """Patches setting ``fields`` on the lines of ``found`` (a field it lacks is added)."""
    lines = roadmap.document.source.lines
    nl = roadmap.document.source.newline
    patches: list[Patch] = []
    block = range(found.span.start + 1, found.span.end)
    indent = "  "
    last = found.span.start
    for name, value in fields.items():
        if value is None:
            continue
        at = next(
            (n for n in block if re.match(rf"\s*[-*+]\s+(?:\*\*)?{name}\b", lines[n], re.I)),
            None,
        )
        if at is not None:
            text, ending = split_line_ending(lines[at])
            label = _FIELD_LABEL.match(text)
            prefix = label.group().rstrip() if label else text[: text.find(":") + 1]
            patches.append(Patch(at, at + 1, (f"{prefix} {value}{ending}",)))
            indent = text[: len(text) - len(text.lstrip())]
            last = max(last, at)
        else:
            for n in block:
                if lines[n].strip():
                    last = max(last, n)
            patches.append(Patch(last + 1, last + 1, (f"{indent}- {name}: {value}{nl}",)))
    return patches


def risk(
    roadmap: Roadmap,
    description: str,
    *,
    likelihood: str | None = None,
    impact: str | None = None,
    mitigation: str | None = None,
) -> Edit:
    """Update a risk's likelihood, impact or mitigation; or, when no risk matches
    ``description``, add it (which needs all three)."""
    lines = roadmap.document.source.lines
    nl = roadmap.document.source.newline
    fields = {"Likelihood": likelihood, "Impact": impact, "Mitigation": mitigation}
    field_lines = [f"  - {name}: {value}{nl}" for name, value in fields.items() if value]
    # What a reader sees of the description and the values (Markdown gone).
    seen = read_risk([f"- **Risk 1:** {description}{nl}", *field_lines])
    key = title_key(seen.description if seen is not None else description)
    matches = _matching(roadmap, key)
    if len(matches) > 1:
        listing = "; ".join(f"line {r.span.first_line}: {r.description!r}" for r in matches)
        raise UsageError(
            f"{len(matches)} risks match {description!r}: {listing}",
            path=roadmap.path,
            hint="give more of the description",
        )
    if matches:
        found = matches[0]
        anchor, title, done = found.span.start, found.title, "updated"
        patches = _update(roadmap, found, fields)
    else:
        missing = [f"--{name.lower()}" for name, value in fields.items() if value is None]
        if missing:
            raise UsageError(
                f"no risk matches {description!r}; adding it needs {', '.join(missing)}",
                path=roadmap.path,
                hint=candidates(roadmap.risks, description, "risk", "description"),
            )
        if seen is None or not seen.description:
            raise UsageError(f"{description!r} does not read as a risk", path=roadmap.path)
        section = next(
            (
                s
                for top in roadmap.document.sections
                for s in top.walk()
                if classify(s.title) is SectionKind.RISKS
            ),
            None,
        )
        if section is None:
            raise UsageError("no risks section to add the risk to", path=roadmap.path)
        end = content_end(roadmap, section)
        numbers = [int(m[1]) for r in roadmap.risks if (m := _NUMBER.search(r.name))]
        title = f"Risk {max(numbers, default=len(roadmap.risks)) + 1}"
        gap = [nl] if lines[end - 1].strip() and end > section.start + 1 else []
        patches = [Patch(end, end, (*gap, f"- **{title}:** {description}{nl}", *field_lines))]
        anchor, done = end + len(gap), f"added as {title}"
        title = seen.description
    expected = seen

    def verify(after: Roadmap) -> str | None:
        now = next((r for r in after.risks if r.span.start == anchor), None)
        if now is None or key not in title_key(f"{now.name} {now.description}"):
            return f"risk {description!r} is not there"
        for name, value in fields.items():
            wanted = getattr(expected, name.lower()) if expected is not None else value
            if value is not None and (getattr(now, name.lower()) or "") != (wanted or ""):
                return f"risk {name.lower()} reads {getattr(now, name.lower())!r}"
        return None

    return Edit(tuple(sorted(patches, key=lambda p: p.start)), f"{title}: {done}", verify)
