"""The roadmap itself: its header and footer facts (:class:`Meta`), every section
(:class:`SectionInfo`) and the :class:`Roadmap` that holds the whole typed model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from milepost.model.items import Item, TextBlock
from milepost.model.plans import Focus, GoalGroup, Initiative, MilestoneGroup
from milepost.model.records import Dependency, Metric, Request, Risk, Synergy
from milepost.model.serialize import JSON, date_text, period_dict, span_dict
from milepost.span import Span
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.periods import Period
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Health

if TYPE_CHECKING:
    from milepost.document import Document

__all__ = ["Meta", "Roadmap", "SectionInfo"]


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
            "last_updated": date_text(self.last_updated),
            "last_updated_text": self.last_updated_text,
            "planning_horizon": self.planning_horizon,
            "horizon_start": period_dict(self.horizon_start),
            "horizon_end": period_dict(self.horizon_end),
            "next_review": date_text(self.next_review),
            "next_review_text": self.next_review_text,
            "footer_updated": date_text(self.footer_updated),
            "footer_updated_text": self.footer_updated_text,
            "footer_updated_by": self.footer_updated_by,
            "owners": list(self.owners),
            "spans": {
                name: span_dict(span)
                for name, span in (
                    ("last_updated", self.last_updated_span),
                    ("next_review", self.next_review_span),
                    ("footer", self.footer_span),
                )
                if span is not None
            },
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
            "span": span_dict(self.span),
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
    #: The free text before the first heading (a front matter's fields, a logo, an intro).
    preamble: tuple[TextBlock, ...] = ()
    items: tuple[Item, ...] = ()
    #: The markers the roadmap was read with beyond the default vocabulary: its own legend's
    #: and the config's ``statuses``. Not part of the JSON: each item's ``status_from`` says
    #: where a legend gave its status; it is kept for the edits, which read markers alike.
    legend: Legend = field(default=NO_LEGEND, repr=False, compare=False)

    def __repr__(self) -> str:
        """Which roadmap and how much is in it, on one line: every field of every item (tens
        of thousands of characters) is no use in a notebook; the fields are there to read."""
        where = f"from {self.path!r}" if self.path is not None else "(text)"
        items = len(self.items)
        sections = sum(len(section.walk()) for section in self.sections)
        updated = self.meta.last_updated
        return (
            f"<Roadmap {self.track!r} {where}: {items} item{'s' * (items != 1)},"
            f" {sections} section{'s' * (sections != 1)}"
            + (f", last updated {updated.isoformat()}>" if updated else ">")
        )

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
            "preamble": [t.to_dict() for t in self.preamble],
            "items": [i.to_dict() for i in self.items],
        }
