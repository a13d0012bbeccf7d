"""The template's sections → the typed model's parts (focus, goals, risks, metrics, ...).

Each reader takes the section(s) of its kind and the items the generic pass found there, and
builds its part of the model. Text that fits no field stays on its section (``sections``), so
nothing is silently dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from milepost.document import Document, Paragraph, Section, Table
from milepost.extract.walk import Walk
from milepost.model import (
    Dependency,
    Focus,
    FocusPeriod,
    Goal,
    GoalGroup,
    Initiative,
    Item,
    Meta,
    Metric,
    Milestone,
    MilestoneGroup,
    Request,
    Risk,
    Synergy,
    TextBlock,
)
from milepost.span import Span
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.sections import SectionKind, classify, strip_decoration
from milepost.vocabulary.status import HEALTH, Health

__all__ = ["read_parts"]

# A "Label: value" line; labels may hold symbols a metric name uses ("Latency <p95>", "Uptime %").
_FIELD = re.compile(
    r"^(?P<label>(?:[^\W\d]|[\[\"“])[\w' /&()\[\]+.,<>%#\"“”`~=-]{0,120}?)"
    r"\s*:\s*(?P<value>.*)$",
    re.DOTALL,
)
_LINE_FIELD = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)(?P<label>[^*_]+?)(?::\s*)?(?:\*\*|__)\s*:?\s*(?P<value>.*?)\s*$"
)
_ARROW = re.compile(r"\s*(?:→|->|=>|⇒|⟶|➡️?|â†’|to)\s+|\s*(?:→|->|=>|⇒|⟶|â†’)\s*")
_NUMBERED = re.compile(r"(?i)^(?:goal|initiative|risk|request|metric)\s*\d*\s*[:.)-]\s*")
_WITH = re.compile(r"(?i)^with\s+")
_DEPENDENCY_ON = re.compile(r"(?i)^(?:dependency|depends|dependence)\s+on\s+")
_CURRENT = re.compile(r"(?i)\(?\bcurrent(?:ly)?\s*[:=]?\s*(?P<v>[^);,]+)\)?")
_STATUS_TAIL = re.compile(r"(?i)\s*[-–—]?\s*[\[(]?\s*status\s*:.*$")
# The template's milestone: "<feature> shipped - <impact>" (or released, launched, ... when an
# impact follows: "What the beta delivered" is prose), or "<feature> shipped".
_SHIPPED = re.compile(
    r"(?is)(?P<feature>.+?)\s+(?:(?:shipped|released|launched|landed|delivered)\s*[-–—:]\s*"
    r"(?P<impact>.*)|shipped)"
)


def read_parts(document: Document, found: Walk, meta: Meta, *, path: str | None) -> dict[str, Any]:
    """Every known part of the roadmap, keyed by the Roadmap field it fills."""
    kinds: dict[SectionKind, list[Section]] = {}
    for top in document.sections:
        _sort_by_kind(top, None, kinds)
    reader = _Reader(document, found, path)
    parts: dict[str, Any] = {}
    if SectionKind.FOCUS in kinds:
        parts["focus"] = reader.focus(kinds[SectionKind.FOCUS][0])
    statement = kinds.get(SectionKind.VISION_STATEMENT) or kinds.get(SectionKind.VISION)
    if statement:
        parts["vision"] = reader.text_of(statement[0])
    readers: dict[str, tuple[Callable[[Section], Sequence[Any]], tuple[SectionKind, ...]]] = {
        "goals": (reader.goals, (SectionKind.GOALS,)),
        "initiatives": (reader.initiatives, (SectionKind.INITIATIVES,)),
        "milestones": (reader.milestones, (SectionKind.MILESTONES,)),
        "dependencies": (reader.dependencies, (SectionKind.DEPENDENCIES,)),
        "risks": (reader.risks, (SectionKind.RISKS,)),
        "constraints": (reader.texts, (SectionKind.CONSTRAINTS,)),
        "alignment": (reader.paragraphs, (SectionKind.ALIGNMENT, SectionKind.ALIGNMENT_VISION)),
        "synergies": (reader.synergies, (SectionKind.SYNERGIES,)),
        "requests": (reader.requests, (SectionKind.FEEDBACK,)),
        "metrics": (reader.metrics, (SectionKind.METRICS,)),
    }
    for field_name, (read, section_kinds) in readers.items():
        parts[field_name] = tuple(
            part for kind in section_kinds for s in kinds.get(kind, []) for part in read(s)
        )
    parts["health"] = _health(document)
    return parts


def _sort_by_kind(
    section: Section, parent: SectionKind | None, kinds: dict[SectionKind, list[Section]]
) -> None:
    """File ``section`` and its subsections under their kinds.

    A module-level function, not a closure: a recursive closure refers to itself through its
    cell, a reference cycle that kept every load's sections alive until the cyclic GC ran.
    """
    kind = classify(section.title, parent)
    kinds.setdefault(kind, []).append(section)
    for sub in section.subsections:
        _sort_by_kind(sub, kind, kinds)


@lru_cache(maxsize=4096)
def _short_period(text: str) -> Period | None:
    """:func:`read_period` of a section title or a timeline field: these repeat within and
    across roadmaps ("Q3 2025", "Completed Milestones"), so each text is read once."""
    return read_period(text)


def _split_field(text: str) -> tuple[str, str] | None:
    match = _FIELD.match(text.strip())
    if match is None:
        return None
    return match.group("label").strip(" *_"), match.group("value").strip()


def _fields_of(items: list[Item]) -> dict[str, str]:
    """``Label: value`` items by lower-case label; the first of a label wins."""
    fields: dict[str, str] = {}
    for item in items:
        split = _split_field(item.text)
        if split:
            fields.setdefault(split[0].lower(), split[1])
    return fields


def _health(document: Document) -> Health | None:
    """An explicit 🟢/🟡/🔴 near the top, as the value of a ``Status:`` or ``Health:`` field
    (``**Status:** 🟡 At risk``, ``**Track health:** 🟢``); not a legend, a table cell, or an
    item that mentions a status ("✅ Health check endpoint (🔴 was failing)")."""
    limit = min(document.line_count, 30)
    for number in range(limit):
        line = document.line(number)
        lower = line.lower()
        if "status" not in lower and "health" not in lower:
            continue
        if "legend" in lower or line.lstrip().startswith("|"):
            continue  # "**Status Legend:** 🟢 Active | …" defines markers; a table row is a row
        if sum(line.count(glyph) for glyph in HEALTH) > 1:
            continue  # "Status: Active 🟢 | 🔴 Blocked" lists markers: a legend
        field = _HEALTH_FIELD.search(line)
        if field is not None:
            return HEALTH[field["glyph"]]
    return None


_HEALTH_FIELD = re.compile(
    r"(?i)\b(?:status|health)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*"
    r"(?:[A-Za-z][\w-]*\s+){0,3}(?P<glyph>🟢|🟡|🔴)"  # "On track 🟢" too
)


class _Reader:
    def __init__(self, document: Document, found: Walk, path: str | None) -> None:
        self.document = document
        self.found = found
        self.path = path
        self.starts = [item.span.start for item in found.items]

    def span(self, section: Section) -> Span:
        return Span(section.start, section.end, self.path)

    def items(self, start: int, end: int, *, depth: int | None = 0) -> list[Item]:
        """Items whose first line is in ``[start, end)``; only at ``depth`` unless None."""
        found = self.found.items
        out = []
        for index in range(bisect_left(self.starts, start), len(found)):
            item = found[index]
            if item.span.start >= end:
                break
            if depth is None or item.depth == depth:
                out.append(item)
        return out

    def own_items(self, section: Section, *, depth: int | None = 0) -> list[Item]:
        """Items of the section itself, before its first subsection."""
        end = section.subsections[0].start if section.subsections else section.end
        return [i for i in self.items(section.start + 1, end, depth=depth) if i.kind != "heading"]

    def row_cells(self, section: Section, item: Item) -> dict[str, str]:
        """A table row's cells by lower-case header, from the table in ``section``."""
        for block in section.blocks:
            if isinstance(block, Table) and block.start <= item.span.start < block.end:
                for row in block.rows:
                    if row.start == item.span.start:
                        return {
                            header.lower(): cell.inline.text.strip()
                            for header, cell in zip(block.header(), row.cells, strict=False)
                        }
        return {}

    def children(self, item: Item) -> list[Item]:
        return self.items(item.span.start + 1, item.span.end, depth=item.depth + 1)

    def line_fields(self, section: Section) -> dict[str, str]:
        """``**Label:** value`` lines of the section's own paragraphs, by lower-case label."""
        fields: dict[str, str] = {}
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            for number in range(block.start, block.end):
                match = _LINE_FIELD.match(self.document.line(number))
                if match:
                    label = match.group("label").strip().rstrip(":").lower()
                    fields.setdefault(label, match.group("value").strip())
        return fields

    def paragraphs(self, section: Section) -> list[TextBlock]:
        return [
            TextBlock(b.inline.text.strip(), Span(b.start, b.end, self.path))
            for b in section.blocks
            if isinstance(b, Paragraph) and b.inline.text.strip()
        ]

    def texts(self, section: Section) -> list[TextBlock]:
        """Paragraphs and top-level list items, in order."""
        blocks = self.paragraphs(section) + [
            TextBlock(i.text, i.span) for i in self.own_items(section)
        ]
        return sorted(blocks, key=lambda t: t.span.start)

    def text_of(self, section: Section) -> TextBlock | None:
        parts = self.paragraphs(section)
        if not parts:
            return None
        return TextBlock(
            "\n\n".join(p.text for p in parts),
            Span(parts[0].span.start, parts[-1].span.end, self.path),
        )

    # -- plans ---------------------------------------------------------------------------

    def focus(self, section: Section) -> Focus:
        theme = self.line_fields(section).get("theme")
        periods = tuple(
            FocusPeriod(
                heading=sub.title,
                period=_short_period(sub.title),
                items=tuple(self.own_items(sub)),
                span=self.span(sub),
            )
            for sub in section.subsections
        )
        return Focus(theme, periods, self.span(section), tuple(self.own_items(section)))

    def goals(self, section: Section) -> list[GoalGroup]:
        groups: list[GoalGroup] = []
        loose: list[Goal] = []
        for sub in section.subsections:
            if sub.subsections and not self.line_fields(sub):
                goals = tuple(self.goal(g) for g in sub.subsections)
                groups.append(GoalGroup(sub.title, _short_period(sub.title), goals, self.span(sub)))
            else:
                loose.append(self.goal(sub))
        if loose:
            groups.insert(
                0,
                GoalGroup(
                    section.title, _short_period(section.title), tuple(loose), self.span(section)
                ),
            )
        return groups

    def goal(self, section: Section) -> Goal:
        fields = self.line_fields(section)
        heading_item = self.found.by_line.get(section.start)
        status = heading_item.status if heading_item and heading_item.kind == "heading" else None
        items = [i for i in self.items(section.start + 1, section.end) if i.kind != "heading"]
        criteria_lines = self._criteria_lines(section)
        criteria = tuple(i for i in items if i.span.start in criteria_lines)
        features = tuple(i for i in items if i.span.start not in criteria_lines)
        return Goal(
            name=_NUMBERED.sub("", strip_decoration(section.title)) or section.title,
            span=self.span(section),
            status=status,
            motivation=fields.get("motivation") or fields.get("why") or None,
            success_criteria=fields.get("success criteria") or None,
            criteria=criteria,
            features=features,
        )

    def _criteria_lines(self, section: Section) -> range:
        """The lines of a list introduced by a "Success Criteria:" label, if any."""
        blocks = section.blocks
        for index, block in enumerate(blocks[:-1]):
            last = self.document.line(block.end - 1).strip().rstrip(" *_")
            if isinstance(block, Paragraph) and "criteria" in last.lower() and last.endswith(":"):
                following = blocks[index + 1]
                return range(following.start, following.end)
        return range(0)

    def initiatives(self, section: Section) -> list[Initiative]:
        out = []
        for sub in section.subsections:
            fields = {**self.line_fields(sub), **_fields_of(self.items(sub.start + 1, sub.end))}
            timeline = fields.get("rough timeline") or fields.get("timeline")
            out.append(
                Initiative(
                    name=_NUMBERED.sub("", strip_decoration(sub.title)) or sub.title,
                    span=self.span(sub),
                    vision=fields.get("vision"),
                    impact=fields.get("impact"),
                    timeline=timeline,
                    timeline_period=_short_period(timeline) if timeline else None,
                    dependencies=fields.get("dependencies"),
                )
            )
        return out

    def milestones(self, section: Section) -> list[MilestoneGroup]:
        groups = []
        scopes = [section, *section.subsections] if self.own_items(section) else []
        for scope in scopes or section.subsections:
            shipped = [self.milestone(item) for item in self.own_items(scope)]
            groups.append(
                MilestoneGroup(
                    scope.title,
                    _short_period(scope.title),
                    tuple(m.item for m in shipped),
                    self.span(scope),
                    tuple(shipped),
                )
            )
        return groups

    def milestone(self, item: Item) -> Milestone:
        """``<feature> shipped - <impact>``: the item titled by its feature (the found item
        replaced, so every view of it agrees), the impact apart, the links below it."""
        details = tuple(dict.fromkeys(link for c in self.children(item) for link in c.links))
        said = _SHIPPED.fullmatch(item.title)
        if said is None:
            return Milestone(item, None, details)
        impact = (said["impact"] or "").strip() or None
        titled = replace(item, title=said["feature"].strip())
        self.found.replace(titled)
        return Milestone(titled, impact, details)

    # -- context -------------------------------------------------------------------------

    def dependencies(self, section: Section) -> list[Dependency]:
        out = []
        scopes: list[tuple[Section, str | None]] = [(section, None)]
        if not self.own_items(section):
            scopes = [
                (sub, _dependency_kind(sub.title))
                for sub in section.subsections
                if classify(sub.title) in (SectionKind.OTHER, SectionKind.DEPENDENCIES)
            ]
        for scope, kind in scopes:
            for item in self.own_items(scope):
                split = _split_field(item.text)
                if split is None:
                    on, what = "", item.text
                else:
                    on, what = split
                on = _DEPENDENCY_ON.sub("", on).strip()
                out.append(
                    Dependency(
                        on or what,
                        what,
                        item.span,
                        kind=kind or "unspecified",
                        when=read_period(what, prose=True),
                    )
                )
        return out

    def risks(self, section: Section) -> list[Risk]:
        out = []
        for item in self.own_items(section):
            head = _risk_head(item.text)
            split = _split_field(head)
            name, description = split if split else ("", head)
            fields = _fields_of(self.children(item))
            fields.update({k: v for k, v in _risk_fields(item.text).items() if k not in fields})
            if item.kind == "row":
                cells = self.row_cells(section, item)
                fields = {**cells, **fields}
                name = description = next(iter(cells.values()), item.title)
            # "**File Security**: *Mitigation*: ..." has no description beyond its name.
            description = _risk_head(description).strip(" :*_–—-(") or name
            out.append(
                Risk(
                    name=name or description[:60],
                    description=description,
                    span=item.span,
                    likelihood=_level(fields.get("likelihood") or fields.get("probability")),
                    impact=_level(fields.get("impact") or fields.get("severity")),
                    mitigation=fields.get("mitigation") or None,
                )
            )
        return out

    def synergies(self, section: Section) -> list[Synergy]:
        out = []
        for item in self.own_items(section):
            split = _split_field(item.text)
            track, how = split if split else ("", item.text)
            out.append(Synergy(_WITH.sub("", track).strip(), how, item.span))
        return out

    def requests(self, section: Section) -> list[Request]:
        out = []
        for item in self.own_items(section):
            split = _split_field(item.text)
            name, description = split if split else ("", item.text)
            description = _STATUS_TAIL.sub("", description).strip()
            out.append(Request(name, description, item))
        return out

    def metrics(self, section: Section) -> list[Metric]:
        out: list[Metric] = []
        groups: list[tuple[str | None, list[Item]]] = []
        for item in self.own_items(section):
            kids = self.children(item)
            if kids and item.text.rstrip(" *").endswith(":"):
                groups.append((item.text.strip(" *:"), kids))
            else:
                groups.append((None, [item]))
        for sub in section.subsections:
            groups.append((sub.title, self.own_items(sub)))
        for group, items in groups:
            for item in items:
                out.append(_metric(item, group))
        return out


# A risk's inline clause label: at the start, or after a separator (",", ";", ".", ":", "(",
# "|", a dash between spaces): "Churn — Likelihood: Medium, Impact: Medium. Mitigation: pin".
_RISK_LABEL = re.compile(
    r"(?i)(?:^|(?<=[;,(|.:])\s*|\s[-–—]\s*)(likelihood|probability|impact|severity|mitigation)"
    r"\s*:\s*"
)
_RISK_LEVELS = frozenset(("likelihood", "probability", "impact", "severity"))
_LEVEL_WORD = re.compile(r"(?i)^(high|medium|low)\b(?![-/])")


def _risk_fields(text: str) -> dict[str, str]:
    """``Likelihood: High; Impact: Medium. Mitigation: a, b`` written inline in one item.

    Each clause runs to the next label, or to a ``|`` or a ``)`` that closes the clauses'
    parenthesis; a level that opens with High, Medium or Low is that one word, so "Medium.
    Mitigation: ..." is Medium and the mitigation is its own clause.
    """
    fields: dict[str, str] = {}
    labels = list(_RISK_LABEL.finditer(text))
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        value = _clause(text[match.end() : end]).strip().rstrip(" ,;.–—-").strip(" *_")
        label = match.group(1).lower()
        level = _LEVEL_WORD.match(value) if label in _RISK_LEVELS else None
        fields.setdefault(label, level.group(1) if level else value)
    return fields


def _clause(text: str) -> str:
    """``text`` up to a ``|`` or an unmatched ``)``: "High) and more" → "High"."""
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return text[:index]
            depth -= 1
        elif char == "|":
            return text[:index]
    return text


def _risk_head(text: str) -> str:
    """The words of a risk item before its first inline clause."""
    first = _RISK_LABEL.search(text)
    return text[: first.start()] if first else text


def _dependency_kind(title: str) -> str | None:
    key = strip_decoration(title).lower()
    if "track" in key or "internal" in key:
        return "track"
    if "external" in key:
        return "external"
    return None


def _level(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip(" .*_") or None


def _metric(item: Item, group: str | None) -> Metric:
    text = item.title if item.status else item.text
    split = _split_field(text)
    name, value = split if split else (text, "")
    baseline = target = current = None
    if value:
        parts = _ARROW.split(value, maxsplit=1)
        if len(parts) == 2:
            baseline, target = parts[0].strip() or None, parts[1].strip() or None
        match = _CURRENT.search(value)
        if match:
            current = match.group("v").strip()
            if target and match.group() in target:
                target = target.replace(match.group(), "").strip(" ,;") or None
    return Metric(
        name=name.strip(),
        span=item.span,
        group=group,
        baseline=baseline,
        target=target,
        current=current,
        status=item.status,
        text=item.text,
    )
