"""The typed roadmap model: frozen dataclasses, every element with its :class:`Span`.

A :class:`Roadmap` is what extraction makes of one document. Nothing here reads files or the
clock; ``to_dict()`` gives stable, JSON-ready data (the schema is ``milepost schema``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from milepost.span import Span
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.sections import SectionKind, classify
from milepost.vocabulary.status import Health, Status, progress
from milepost.vocabulary.titles import title_key

if TYPE_CHECKING:
    from milepost.document import Document

__all__ = [
    "RISK_LEVELS",
    "Dependency",
    "Focus",
    "FocusPeriod",
    "Goal",
    "GoalGroup",
    "Health",
    "Initiative",
    "Item",
    "Meta",
    "Metric",
    "Milestone",
    "MilestoneGroup",
    "Period",
    "Request",
    "Risk",
    "Roadmap",
    "SectionInfo",
    "Status",
    "Synergy",
    "TextBlock",
    "risk_level",
    "status_items",
    "title_key",
    "work_items",
]

JSON = dict[str, Any]


def _span(span: Span) -> JSON:
    return span.to_dict()


def _period(period: Period | None) -> JSON | None:
    return period.to_dict() if period else None


def _date(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True, slots=True)
class Item:
    """A list item, table row or heading that carries a status, period, owner or reference.

    ``status_from`` says where the status came from: ``marker`` (its own emoji, box, label,
    cell or tag), ``legend`` (a marker the document's legend defines) or ``heading`` (the
    enclosing status heading). ``marker`` is the marker exactly as written, so edits can keep
    the author's style.
    """

    title: str
    text: str
    span: Span
    kind: str  # list | task | row | heading
    section: tuple[str, ...] = ()
    status: Status | None = None
    status_from: str | None = None
    marker: str | None = None
    period: Period | None = None
    owners: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    depth: int = 0

    def to_dict(self) -> JSON:
        return {
            "title": self.title,
            "text": self.text,
            "kind": self.kind,
            "status": self.status.value if self.status else None,
            "status_from": self.status_from,
            "marker": self.marker,
            "period": _period(self.period),
            "owners": list(self.owners),
            "refs": list(self.refs),
            "links": list(self.links),
            "notes": list(self.notes),
            "section": list(self.section),
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Free text of a section (a paragraph, or a list item without structure)."""

    text: str
    span: Span

    def to_dict(self) -> JSON:
        return {"text": self.text, "span": _span(self.span)}


@dataclass(frozen=True, slots=True)
class Meta:
    """The header and footer facts: when it was updated and reviewed, and by whom."""

    last_updated: date | None = None
    last_updated_text: str | None = None
    last_updated_span: Span | None = None
    planning_horizon: str | None = None
    horizon_start: Period | None = None
    horizon_end: Period | None = None
    next_review: date | None = None
    next_review_text: str | None = None
    next_review_span: Span | None = None
    footer_updated: date | None = None
    footer_updated_text: str | None = None
    footer_updated_by: str | None = None
    footer_span: Span | None = None
    owners: tuple[str, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "last_updated": _date(self.last_updated),
            "last_updated_text": self.last_updated_text,
            "planning_horizon": self.planning_horizon,
            "horizon_start": _period(self.horizon_start),
            "horizon_end": _period(self.horizon_end),
            "next_review": _date(self.next_review),
            "next_review_text": self.next_review_text,
            "footer_updated": _date(self.footer_updated),
            "footer_updated_text": self.footer_updated_text,
            "footer_updated_by": self.footer_updated_by,
            "owners": list(self.owners),
            "spans": {
                name: _span(span)
                for name, span in (
                    ("last_updated", self.last_updated_span),
                    ("next_review", self.next_review_span),
                    ("footer", self.footer_span),
                )
                if span is not None
            },
        }


@dataclass(frozen=True, slots=True)
class FocusPeriod:
    """One heading of Current Focus (usually a month) and its items."""

    heading: str
    period: Period | None
    items: tuple[Item, ...]
    span: Span

    def to_dict(self) -> JSON:
        return {
            "heading": self.heading,
            "period": _period(self.period),
            "items": [i.to_dict() for i in self.items],
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class Focus:
    """Current Focus: its theme, its periods (usually months) and items under no period."""

    theme: str | None
    periods: tuple[FocusPeriod, ...]
    span: Span
    items: tuple[Item, ...] = ()  # items directly under Current Focus, outside any period

    def to_dict(self) -> JSON:
        return {
            "theme": self.theme,
            "periods": [p.to_dict() for p in self.periods],
            "items": [i.to_dict() for i in self.items],
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class Goal:
    """A medium-term goal: its status where stated, motivation, success criteria (as written
    and as items) and features."""

    name: str
    span: Span
    status: Status | None = None
    motivation: str | None = None
    success_criteria: str | None = None
    criteria: tuple[Item, ...] = ()
    features: tuple[Item, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "name": self.name,
            "goal_status": self.status.value if self.status else None,
            "motivation": self.motivation,
            "success_criteria": self.success_criteria,
            "criteria": [i.to_dict() for i in self.criteria],
            "features": [i.to_dict() for i in self.features],
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class GoalGroup:
    """A heading of Medium-Term Goals (usually a quarter) and its goals."""

    heading: str
    period: Period | None
    goals: tuple[Goal, ...]
    span: Span

    def to_dict(self) -> JSON:
        return {
            "heading": self.heading,
            "period": _period(self.period),
            "goals": [g.to_dict() for g in self.goals],
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class Initiative:
    """A major initiative of the long-term vision: vision, expected impact, rough timeline
    (as written and as a period) and dependencies."""

    name: str
    span: Span
    vision: str | None = None
    impact: str | None = None
    timeline: str | None = None
    timeline_period: Period | None = None
    dependencies: str | None = None

    def to_dict(self) -> JSON:
        return {
            "name": self.name,
            "vision": self.vision,
            "impact": self.impact,
            "timeline": self.timeline,
            "timeline_period": _period(self.timeline_period),
            "dependencies": self.dependencies,
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class Milestone:
    """One thing shipped, read the template's way: ``✅ <feature> shipped - <impact>``, with
    the links of the lines below it (``- Details: [docs](...)``). Its item's title is the
    feature alone."""

    item: Item
    impact: str | None = None
    details: tuple[str, ...] = ()

    @property
    def feature(self) -> str:
        return self.item.title

    def to_dict(self) -> JSON:
        return {
            "feature": self.feature,
            "impact": self.impact,
            "details": list(self.details),
            "span": _span(self.item.span),
        }


@dataclass(frozen=True, slots=True)
class MilestoneGroup:
    """Completed Milestones of one period (usually a month): its items, and each read as a
    :class:`Milestone` (feature, impact, details)."""

    heading: str
    period: Period | None
    items: tuple[Item, ...]
    span: Span
    milestones: tuple[Milestone, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "heading": self.heading,
            "period": _period(self.period),
            "items": [i.to_dict() for i in self.items],
            "milestones": [m.to_dict() for m in self.milestones],
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class Dependency:
    """Something this track needs: from another track or an external system."""

    on: str
    what: str
    span: Span
    kind: str = "external"  # track | external
    when: Period | None = None

    def to_dict(self) -> JSON:
        return {
            "on": self.on,
            "what": self.what,
            "kind": self.kind,
            "when": _period(self.when),
            "span": _span(self.span),
        }


#: The levels a risk's likelihood and impact are judged in, highest first.
RISK_LEVELS = ("High", "Medium", "Low")


def risk_level(value: str | None) -> str | None:
    """The level a likelihood or impact names ("high (see #12)" → "High"), if any."""
    words = (value or "").strip(" .*_").split()
    level = words[0].capitalize() if words else None
    return level if level in RISK_LEVELS else None


_NUMBERED = re.compile(r"(?i)(?:risk|request)\s*#?\d*")


def _title(name: str, description: str) -> str:
    if description and (not name or _NUMBERED.fullmatch(name.strip())):
        return description
    return name or description


@dataclass(frozen=True, slots=True)
class Risk:
    """A technical risk: likelihood, impact and mitigation as written (High / Medium / Low
    where the roadmap says so)."""

    name: str
    description: str
    span: Span
    likelihood: str | None = None
    impact: str | None = None
    mitigation: str | None = None

    @property
    def title(self) -> str:
        """What people call it: its name, or its description where the name only numbers
        it (the template's "Risk 2")."""
        return _title(self.name, self.description)

    def to_dict(self) -> JSON:
        return {
            "name": self.name,
            "description": self.description,
            "likelihood": self.likelihood,
            "impact": self.impact,
            "mitigation": self.mitigation,
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class Synergy:
    """A cross-track synergy: the track named and how the two work together."""

    track: str
    how: str
    span: Span

    def to_dict(self) -> JSON:
        return {"track": self.track, "how": self.how, "span": _span(self.span)}


@dataclass(frozen=True, slots=True)
class Request:
    """A community request; its status is its item's status."""

    name: str
    description: str
    item: Item

    @property
    def status(self) -> Status | None:
        return self.item.status

    @property
    def title(self) -> str:
        """What people call it: its name, or its description where the name only numbers
        it (the template's "Request 1")."""
        return _title(self.name, self.description)

    @property
    def span(self) -> Span:
        return self.item.span

    def to_dict(self) -> JSON:
        return {
            "name": self.name,
            "description": self.description,
            "status": self.status.value if self.status else None,
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class Metric:
    """A success metric: its group, baseline, target and current value as written, and its
    status where a ✅/⏳ list gives one."""

    name: str
    span: Span
    group: str | None = None
    baseline: str | None = None
    target: str | None = None
    current: str | None = None
    status: Status | None = None
    text: str = ""

    def to_dict(self) -> JSON:
        return {
            "group": self.group,
            "name": self.name,
            "baseline": self.baseline,
            "target": self.target,
            "current": self.current,
            "status": self.status.value if self.status else None,
            "text": self.text,
            "span": _span(self.span),
        }


@dataclass(frozen=True, slots=True)
class SectionInfo:
    """Every section, known or not, so that nothing in a roadmap is invisible."""

    title: str
    level: int
    kind: SectionKind
    span: Span
    text: tuple[TextBlock, ...] = ()
    subsections: tuple[SectionInfo, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "title": self.title,
            "level": self.level,
            "kind": self.kind.value,
            "span": _span(self.span),
            "text": [t.to_dict() for t in self.text],
            "subsections": [s.to_dict() for s in self.subsections],
        }

    def walk(self) -> list[SectionInfo]:
        out = [self]
        for sub in self.subsections:
            out.extend(sub.walk())
        return out


@dataclass(frozen=True)
class Roadmap:
    """One track's roadmap: the typed model of a document, and the document itself."""

    title: str
    track: str
    meta: Meta
    document: Document = field(repr=False, compare=False)
    path: str | None = None
    health: Health | None = None
    focus: Focus | None = None
    goals: tuple[GoalGroup, ...] = ()
    vision: TextBlock | None = None
    initiatives: tuple[Initiative, ...] = ()
    milestones: tuple[MilestoneGroup, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    risks: tuple[Risk, ...] = ()
    constraints: tuple[TextBlock, ...] = ()
    alignment: tuple[TextBlock, ...] = ()
    synergies: tuple[Synergy, ...] = ()
    requests: tuple[Request, ...] = ()
    metrics: tuple[Metric, ...] = ()
    sections: tuple[SectionInfo, ...] = ()
    items: tuple[Item, ...] = ()

    def to_markdown(self) -> str:
        """The exact text this roadmap was read from (byte-identical once encoded)."""
        return self.document.to_markdown()

    def to_dict(self) -> JSON:
        """Stable, JSON-ready data; validates against ``milepost schema``."""
        return {
            "path": self.path,
            "title": self.title,
            "track": self.track,
            "health": self.health.value if self.health else None,
            "meta": self.meta.to_dict(),
            "focus": self.focus.to_dict() if self.focus else None,
            "goals": [g.to_dict() for g in self.goals],
            "vision": self.vision.to_dict() if self.vision else None,
            "initiatives": [i.to_dict() for i in self.initiatives],
            "milestones": [m.to_dict() for m in self.milestones],
            "dependencies": [d.to_dict() for d in self.dependencies],
            "risks": [r.to_dict() for r in self.risks],
            "constraints": [c.to_dict() for c in self.constraints],
            "alignment": [a.to_dict() for a in self.alignment],
            "synergies": [s.to_dict() for s in self.synergies],
            "requests": [r.to_dict() for r in self.requests],
            "metrics": [m.to_dict() for m in self.metrics],
            "sections": [s.to_dict() for s in self.sections],
            "items": [i.to_dict() for i in self.items],
        }


def work_items(roadmap: Roadmap) -> list[Item]:
    """The items work is tracked by, in document order: every status-bearing item, and every
    item of Current Focus and Completed Milestones (what edits name and history follows)."""
    seen: dict[int, Item] = {}
    pools: list[tuple[Item, ...]] = [roadmap.items]
    if roadmap.focus is not None:
        pools.append(roadmap.focus.items)
        pools.extend(period.items for period in roadmap.focus.periods)
    pools.extend(group.items for group in roadmap.milestones)
    for pool in pools:
        for item in pool:
            if item.kind != "heading" or item.status is not None:
                seen.setdefault(item.span.start, item)
    return sorted(seen.values(), key=lambda i: i.span.start)


def status_items(roadmap: Roadmap) -> list[Item]:
    """The items ``show``, ``status`` and the docs directives count, in document order: every
    work item that carries a status, each once, except the lines of Success Metrics.

    An item counts once, at the line where it is written. Current Focus, Completed
    Milestones, tables and the flat list of items are views of the same items, so an item
    reached through two of them is still one. The same work written in two top-level
    sections (shipped in Current Focus and recorded under Completed Milestones, as
    ``ship --keep`` leaves it) is one too, counted at its furthest status, as history
    follows it; one title twice in one section names two items.

    A ✅ or ⏳ on a success metric ("⏳ Full suite under 15 minutes in CI") says whether a
    target is met: the line stays an item of the model (``Roadmap.items``, ``metrics``), but
    it is not work shipped or in flight.
    """
    metrics = [
        section.span
        for top in roadmap.sections
        for section in top.walk()
        if section.kind is SectionKind.METRICS
    ]
    counted = [
        item
        for item in work_items(roadmap)
        if item.status is not None
        and not any(span.start <= item.span.start < span.end for span in metrics)
    ]
    # A top-level section that is a title (a "# X Roadmap" over the sections) is not one.
    titles = frozenset(
        top.title
        for top in roadmap.document.sections
        if top.subsections and classify(top.title) is SectionKind.OTHER
    )
    return _once_per_work(counted, titles)


_ASIDE = re.compile(r"\s*\(([^)]*)\)")
# Asides that say when or where from, not which work: "(carried over from October)",
# "(#12)", "(shipped Nov 2)", "(v0.4)", "(2026-11-02)".
_NOTE = re.compile(
    r"(?i)\s*(?:#\d+(?:[,\s]+#\d+)*|(?:carried|rolled|moved|shipped|released|landed|done|"
    r"completed|delivered)\b.*)"
)


def _work_key(title: str) -> str:
    """A title as the work it names: its asides that only date it or note it left out, so
    that "Offline mode (iOS)" and "Offline mode (Android)" stay two pieces of work."""

    def note(aside: re.Match[str]) -> str:
        inner = aside.group(1)
        period = read_period(inner)
        dated = period is not None and period.text.strip() == inner.strip()
        return " " if dated or _NOTE.fullmatch(inner) else aside.group()

    return title_key(_ASIDE.sub(note, title))


def _once_per_work(items: list[Item], titles: frozenset[str]) -> list[Item]:
    """``items`` with the same work in two top-level sections (under a title among
    ``titles``, its sections) kept once, at its furthest status."""
    found: dict[str, list[Item]] = {}
    for item in items:
        found.setdefault(_work_key(item.title), []).append(item)
    dropped: set[int] = set()
    for same in found.values():
        tops = {
            item.section[1:2]
            if item.section[:1] and item.section[0] in titles
            else item.section[:1]
            for item in same
        }
        if len(same) < 2 or len(tops) < 2 or len(tops) < len(same):
            continue  # one item, or several of one section: all of them count
        furthest = max(same, key=lambda i: progress(i.status))
        dropped.update(id(item) for item in same if item is not furthest)
    return [item for item in items if id(item) not in dropped]
