"""MP4xx: risks without likelihood, impact or mitigation."""

from __future__ import annotations

from collections.abc import Iterator

from milepost.model import risk_level
from milepost.portfolio.freshness import unmitigated_high_high
from milepost.rules.base import Context, Diagnostic, Rule, Severity

__all__ = ["RULES"]


def _placeholder(value: str | None) -> bool:
    return value is not None and value.strip().startswith("[")


def _incomplete(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for risk in context.roadmap.risks:
        missing = [
            name
            for name, value in (
                ("likelihood", risk.likelihood),
                ("impact", risk.impact),
                ("mitigation", risk.mitigation),
            )
            if not value
        ]
        if missing and not unmitigated_high_high(risk):
            yield rule.at(
                context,
                risk.span.start,
                f"risk '{risk.title}' has no {' or '.join(missing)}",
            )


def _high_unmitigated(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for risk in context.roadmap.risks:
        if unmitigated_high_high(risk):
            yield rule.at(
                context,
                risk.span.start,
                f"risk '{risk.title}' is High likelihood and High impact with no mitigation",
            )


def _bad_level(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for risk in context.roadmap.risks:
        for name, value in (("likelihood", risk.likelihood), ("impact", risk.impact)):
            if value and not _placeholder(value) and risk_level(value) is None:
                yield rule.at(
                    context,
                    risk.span.start,
                    f"risk '{risk.title}' has {name} {value!r}, not High, Medium or Low",
                )


RULES = (
    Rule(
        code="MP401",
        name="risk-incomplete",
        group="risks",
        severity=Severity.WARNING,
        summary="A risk lacks its likelihood, impact or mitigation.",
        why=(
            "A risk without likelihood and impact cannot be ranked, and one without mitigation "
            "is a worry, not a plan."
        ),
        bad="- **Risk 1:** Provider API churn\n",
        good=(
            "- **Risk 1:** Provider API churn\n  - Likelihood: Medium\n  - Impact: High\n"
            "  - Mitigation: Pin versions and run nightly contract tests\n"
        ),
        check=_incomplete,
    ),
    Rule(
        code="MP402",
        name="high-risk-unmitigated",
        group="risks",
        severity=Severity.ERROR,
        summary="A High-likelihood, High-impact risk has no mitigation.",
        why="The risks most likely to hurt most are exactly the ones that need a plan.",
        bad="- **Risk 1:** Deadlocks\n  - Likelihood: High\n  - Impact: High\n",
        good=(
            "- **Risk 1:** Deadlocks\n  - Likelihood: High\n  - Impact: High\n"
            "  - Mitigation: Handoff timeouts and a deadlock detector\n"
        ),
        check=_high_unmitigated,
    ),
    Rule(
        code="MP403",
        name="risk-level",
        group="risks",
        severity=Severity.WARNING,
        summary="A risk's likelihood or impact is not High, Medium or Low.",
        why="One scale across tracks is what lets a portfolio rank its risks.",
        bad="  - Likelihood: Somewhat likely\n",
        good="  - Likelihood: Medium\n",
        check=_bad_level,
    ),
)
