"""The typed roadmap model: frozen dataclasses, every element with its :class:`Span`.

A :class:`Roadmap` is what extraction makes of one document. Nothing here reads files or the
clock; ``to_dict()`` gives stable, JSON-ready data (the schema is ``milepost schema``).

Internal layout: :mod:`.items` (items, text blocks), :mod:`.plans` (focus, goals, initiatives,
milestones), :mod:`.records` (dependencies, risks, synergies, requests, metrics),
:mod:`.roadmap` (meta, sections, the roadmap) and :mod:`.counting` (which items count).
Import from ``milepost.model``.
"""

from milepost.model.counting import status_items, work_items
from milepost.model.items import Item, TextBlock
from milepost.model.plans import (
    Focus,
    FocusPeriod,
    Goal,
    GoalGroup,
    Initiative,
    Milestone,
    MilestoneGroup,
)
from milepost.model.records import (
    RISK_LEVELS,
    Dependency,
    Metric,
    Request,
    Risk,
    Synergy,
    risk_level,
)
from milepost.model.roadmap import Meta, Roadmap, SectionInfo
from milepost.span import Span
from milepost.vocabulary.legend import Legend
from milepost.vocabulary.periods import Period
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Health, Status
from milepost.vocabulary.titles import title_key

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
    "Legend",
    "Meta",
    "Metric",
    "Milestone",
    "MilestoneGroup",
    "Period",
    "Request",
    "Risk",
    "Roadmap",
    "SectionInfo",
    "SectionKind",
    "Span",
    "Status",
    "Synergy",
    "TextBlock",
    "risk_level",
    "status_items",
    "title_key",
    "work_items",
]
