"""What a roadmap records beside its plan: dependencies, risks (and their levels), cross-track
synergies, community requests and success metrics."""

from __future__ import annotations

from dataclasses import dataclass

from milepost.lazy import lazy_pattern
from milepost.model.items import Item
from milepost.model.serialize import JSON, period_dict, span_dict
from milepost.span import Span
from milepost.vocabulary.periods import Period
from milepost.vocabulary.status import Status

__all__ = ["RISK_LEVELS", "Dependency", "Metric", "Request", "Risk", "Synergy", "risk_level"]


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
            "when": period_dict(self.when),
            "span": span_dict(self.span),
        }


#: The levels a risk's likelihood and impact are judged in, highest first.
RISK_LEVELS = ("High", "Medium", "Low")


def risk_level(value: str | None) -> str | None:
    """The level a likelihood or impact names ("high (see #12)" → "High"), if any."""
    words = (value or "").strip(" .*_").split()
    level = words[0].capitalize() if words else None
    return level if level in RISK_LEVELS else None


_NUMBERED = lazy_pattern(r"(?i)(?:risk|request)\s*#?\d*")


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
            "span": span_dict(self.span),
        }


@dataclass(frozen=True, slots=True)
class Synergy:
    """A cross-track synergy: the track named and how the two work together."""

    track: str
    how: str
    span: Span

    def to_dict(self) -> JSON:
        return {"track": self.track, "how": self.how, "span": span_dict(self.span)}


@dataclass(frozen=True, slots=True)
class Request:
    """A community request; its status is its item's status, its votes the count its
    roadmap states (a Votes column, "(12 votes)", "👍 12"), None where it states none."""

    name: str
    description: str
    item: Item
    votes: int | None = None

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
            "votes": self.votes,
            "span": span_dict(self.span),
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
            "span": span_dict(self.span),
        }
