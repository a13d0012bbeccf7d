"""Items (what carries a status, period, owner or reference) and free text blocks."""

from __future__ import annotations

from dataclasses import dataclass

from milepost.model.serialize import JSON, period_dict, span_dict
from milepost.span import Span
from milepost.vocabulary.periods import Period
from milepost.vocabulary.status import Status

__all__ = ["Item", "TextBlock"]


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
            "period": period_dict(self.period),
            "owners": list(self.owners),
            "refs": list(self.refs),
            "links": list(self.links),
            "notes": list(self.notes),
            "section": list(self.section),
            "span": span_dict(self.span),
        }


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Free text of a section (a paragraph, or a list item without structure)."""

    text: str
    span: Span

    def to_dict(self) -> JSON:
        return {"text": self.text, "span": span_dict(self.span)}
