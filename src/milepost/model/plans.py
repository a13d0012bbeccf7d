"""The plan of a roadmap: Current Focus, Medium-Term Goals, the initiatives of the Long-Term
Vision and Completed Milestones."""

from __future__ import annotations

from dataclasses import dataclass

from milepost.model.items import Item
from milepost.model.serialize import JSON, period_dict, span_dict
from milepost.span import Span
from milepost.vocabulary.periods import Period
from milepost.vocabulary.status import Status

__all__ = ["Focus", "FocusPeriod", "Goal", "GoalGroup", "Initiative", "Milestone", "MilestoneGroup"]


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
            "period": period_dict(self.period),
            "items": [i.to_dict() for i in self.items],
            "span": span_dict(self.span),
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
            "span": span_dict(self.span),
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
            "span": span_dict(self.span),
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
            "period": period_dict(self.period),
            "goals": [g.to_dict() for g in self.goals],
            "span": span_dict(self.span),
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
            "timeline_period": period_dict(self.timeline_period),
            "dependencies": self.dependencies,
            "span": span_dict(self.span),
        }


@dataclass(frozen=True, slots=True)
class Milestone:
    """One thing shipped, read the template's way: ``✅ <feature> shipped - <impact>``, with
    the links of its details lines below it (``- Details: [docs](...)``, ``- Docs: ...``; a
    sub-feature with its issue link is none). Its item's title is the feature alone."""

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
            "span": span_dict(self.item.span),
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
            "period": period_dict(self.period),
            "items": [i.to_dict() for i in self.items],
            "milestones": [m.to_dict() for m in self.milestones],
            "span": span_dict(self.span),
        }
