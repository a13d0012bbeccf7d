"""One track's rollup: its figures as of a day, and its health with the reason, from the same
facts ``check`` reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from milepost.config import Config
from milepost.model import Item, Risk, Roadmap, status_items
from milepost.portfolio.freshness import (
    days,
    high_risk,
    last_updated,
    review_overdue_days,
    slips,
    unmitigated_high_high,
)
from milepost.portfolio.slugs import slug_of
from milepost.readonly import freeze
from milepost.vocabulary.placeholders import is_placeholder_title
from milepost.vocabulary.status import Health

__all__ = ["TrackRollup", "rollup"]


@dataclass(frozen=True)
class TrackRollup:
    """One track's figures, and its health with the reason. ``counts`` (items by status)
    and ``requests`` (community requests by status) are read-only mappings, ordered by key."""

    roadmap: Roadmap
    slug: str
    lead: str | None
    health: Health
    health_reason: str
    health_stated: bool
    age_days: int | None
    review_overdue_days: int | None
    counts: Mapping[str, int]
    slipped: tuple[Item, ...]
    high_risks: int
    unmitigated_high_risks: int
    requests: Mapping[str, int]
    updated: date | None = None  # the last-updated date as ``check`` reads it (MP201)
    #: What the portfolio calls the track: its name, or "name (slug)" beside a namesake.
    label: str | None = None

    def __post_init__(self) -> None:
        freeze(self, "counts", "requests")

    @property
    def updated_label(self) -> str | None:
        """The last-updated date for people: the day, or the month as written when only a
        month was given ("October 2025", judged as its nearest day to today)."""
        meta = self.roadmap.meta
        if self.updated is None:
            return None
        if self.updated in (meta.last_updated, meta.footer_updated):
            return self.updated.isoformat()
        return meta.last_updated_text or meta.footer_updated_text or self.updated.isoformat()

    @property
    def future(self) -> bool:
        """Whether the roadmap says it was last updated after today."""
        return self.age_days is not None and self.age_days < 0

    @property
    def track(self) -> str:
        """The track's name as the portfolio shows it (:attr:`label`, else its name)."""
        return self.label or self.roadmap.track

    def to_dict(self) -> dict[str, Any]:
        meta = self.roadmap.meta
        return {
            "track": self.track,
            "slug": self.slug,
            "path": self.roadmap.path,
            "lead": self.lead,
            "health": self.health.value,
            "health_reason": self.health_reason,
            "health_stated": self.health_stated,
            "last_updated": self.updated.isoformat() if self.updated else None,
            "last_updated_text": meta.last_updated_text,
            "age_days": self.age_days,
            "next_review": meta.next_review.isoformat() if meta.next_review else None,
            "review_overdue_days": self.review_overdue_days,
            "counts": dict(self.counts),
            "slipped": [{"title": i.title, "line": i.span.first_line} for i in self.slipped],
            "high_risks": self.high_risks,
            "unmitigated_high_risks": self.unmitigated_high_risks,
            "requests": dict(self.requests),
        }


def _health(
    roadmap: Roadmap,
    today: date,
    config: Config,
    updated: date | None,
    slipped: tuple[Item, ...],
    unmitigated: list[Risk],
    unfilled: int = 0,
) -> tuple[Health, str]:
    """A track's health and the reason, from the facts ``check`` reports (MP201, MP202,
    MP204, MP206, MP208, MP209, MP301, MP401, MP402): ``unfilled`` counts the work items
    still the template's slots (a new roadmap's "[Feature that shipped]" is no plan yet).
    The reason states only what those facts say."""
    meta = roadmap.meta
    limit = config.stale_after_days
    problems: list[str] = []
    severe = False
    age = (today - updated).days if updated is not None else None
    if updated is None:
        text = (meta.last_updated_text or "").strip()
        problems.append(f"last updated {text!r} is not a date" if text else "no last-updated date")
    elif updated > today:
        problems.append(f"last updated {updated} is in the future")
    elif age is not None and age > limit:
        problems.append(f"last updated {age} days ago")
        severe = age > 2 * limit
    overdue = review_overdue_days(roadmap, today)
    if meta.next_review is None:
        text = (meta.next_review_text or "").strip()
        problems.append(f"next review {text!r} is not a date" if text else "no next-review date")
    elif overdue is not None:
        problems.append(f"review overdue by {days(overdue)}")
        severe = severe or overdue > 30
    if unmitigated:
        problems.append(f"{len(unmitigated)} high risk(s) without mitigation")
        severe = severe or any(unmitigated_high_high(r) for r in unmitigated)
    if unfilled:
        problems.append(f"{unfilled} item(s) still template placeholders")
    if slipped:
        problems.append(f"{len(slipped)} slipped item(s)")
        severe = severe or len(slipped) >= 3
    if roadmap.health is not None:
        also = f"; also {', '.join(problems)}" if problems else ""
        return roadmap.health, f"stated in the roadmap{also}"
    if problems:
        return (Health.OFF_TRACK if severe else Health.AT_RISK), ", ".join(problems)
    assert age is not None and meta.next_review is not None
    fresh = "updated today" if age == 0 else f"updated {age} day{'s' if age != 1 else ''} ago"
    return Health.ON_TRACK, f"{fresh}, next review {meta.next_review}, nothing past due"


def rollup(
    roadmap: Roadmap,
    today: date,
    config: Config,
    *,
    label: str | None = None,
    cwd: str | None = None,
) -> TrackRollup:
    """One track's figures and health as of ``today``.

    Freshness, slips and risks are the facts ``check`` reports
    (:mod:`milepost.portfolio.freshness`): the last-updated date as MP201 reads it (a month
    alone counts as its nearest day, the footer stands in for a missing header date), the review
    MP202 finds overdue, and every open item whose time has passed (MP206 and MP208).
    ``label``: what the portfolio calls the track, where a namesake makes it not its name;
    ``cwd``: the folder its path is relative to, which names a ``roadmap.md`` given without
    one (:func:`~milepost.portfolio.slugs.slug_path`).
    """
    meta = roadmap.meta
    found = last_updated(roadmap, today)
    updated = found[0] if found else None
    age = (today - updated).days if updated is not None else None
    overdue = review_overdue_days(roadmap, today)
    work = status_items(roadmap)
    counts = Counter(i.status.value for i in work if i.status is not None)
    unfilled = sum(1 for i in work if is_placeholder_title(i.title))
    slipped = slips(roadmap, today)
    high = [r for r in roadmap.risks if high_risk(r)]
    unmitigated = [r for r in high if not r.mitigation]
    requests = Counter(r.status.value if r.status else "none" for r in roadmap.requests)
    lead = meta.owners[0] if meta.owners else meta.footer_updated_by
    health, reason = _health(roadmap, today, config, updated, slipped, unmitigated, unfilled)
    return TrackRollup(
        roadmap,
        slug_of(roadmap, cwd=cwd),
        lead,
        health,
        reason,
        roadmap.health is not None,
        age,
        overdue,
        dict(sorted(counts.items())),
        slipped,
        len(high),
        len(unmitigated),
        dict(sorted(requests.items())),
        updated,
        label if label != roadmap.track else None,
    )
