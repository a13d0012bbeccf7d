"""MP5xx: metrics, requests, goals, initiatives and items that say too little or too much."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from milepost.rules.base import Context, Diagnostic, Rule, Severity
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Status

__all__ = ["RULES"]

_ARROW = re.compile(r"→|->|=>|⇒|⟶|â†’")
_REQUEST_STATUSES = (Status.PLANNED, Status.IN_PROGRESS, Status.DONE)


def _metric_incomplete(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for metric in context.roadmap.metrics:
        if metric.status is not None or metric.group is None:
            continue  # an achieved/in-flight metric list (✅/⏳), or a free-form line
        if not _ARROW.search(metric.text):
            yield rule.at(
                context,
                metric.span.start,
                f"metric '{metric.name}' is not written 'baseline → target'",
            )
        elif not metric.baseline or not metric.target:
            which = "baseline" if not metric.baseline else "target"
            yield rule.at(context, metric.span.start, f"metric '{metric.name}' has no {which}")


def _metric_unchanged(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for metric in context.roadmap.metrics:
        if (
            metric.baseline
            and metric.target
            and not metric.baseline.startswith("[")
            and metric.baseline.strip() == metric.target.strip()
        ):
            yield rule.at(
                context,
                metric.span.start,
                f"metric '{metric.name}' has the same baseline and target ({metric.target})",
            )


def _request_status(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    for request in context.roadmap.requests:
        if request.description.startswith("[") or request.name.startswith("["):
            continue  # the template's placeholder: MP301
        if request.status is None:
            yield rule.at(
                context,
                request.span.start,
                f"request '{request.name or request.description}' has no status "
                "(Planned, In Progress or Completed)",
            )
        elif request.status not in _REQUEST_STATUSES:
            yield rule.at(
                context,
                request.span.start,
                f"request '{request.name or request.description}' has status "
                f"{request.status.label}, not Planned, In Progress or Completed",
            )


def _goal_criteria(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    # Goals written the template's way, each under its heading: a bullet of a goals list
    # ("- Secretless authentication") has nowhere to give criteria.
    headings = {s.span.start for top in context.roadmap.sections for s in top.walk()}
    for group in context.roadmap.goals:
        for goal in group.goals:
            if goal.span.start in headings and not goal.success_criteria and not goal.criteria:
                yield rule.at(
                    context, goal.span.start, f"goal '{goal.name}' has no success criteria"
                )


def _initiative_timeline(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    # The initiatives of a "Major Initiatives" section, as the template asks for them: not
    # those a Long-Term Vision lists where a roadmap has no such section.
    major = [
        s.span
        for top in context.roadmap.sections
        for s in top.walk()
        if s.kind is SectionKind.INITIATIVES
    ]
    for initiative in context.roadmap.initiatives:
        start = initiative.span.start
        if any(span.start <= start < span.end for span in major) and not initiative.timeline:
            yield rule.at(
                context,
                initiative.span.start,
                f"initiative '{initiative.name}' has no rough timeline",
            )


def _normal(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def _two_statuses(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    focus = context.roadmap.focus
    if focus is None:
        return
    seen: dict[str, list[tuple[int, Status]]] = defaultdict(list)
    for period in focus.periods:
        for item in period.items:
            if item.status is not None and len(item.title) > 3:
                seen[_normal(item.title)].append((item.span.start, item.status))
    for entries in seen.values():
        statuses = {status for _, status in entries}
        if len(statuses) > 1:
            first = entries[0]
            for line, status in entries[1:]:
                if status is not first[1]:
                    yield rule.at(
                        context,
                        line,
                        f"the same item is {status.label.lower()} here and "
                        f"{first[1].label.lower()} on line {first[0] + 1}",
                    )


RULES = (
    Rule(
        code="MP501",
        name="metric-incomplete",
        group="plans",
        severity=Severity.WARNING,
        summary="A success metric lacks a baseline or target, or is not 'baseline → target'.",
        why="A metric without both ends cannot show progress.",
        bad="  - Median latency: under 2 s\n",
        good="  - Median latency: 3.1 s → 2 s\n",
        check=_metric_incomplete,
    ),
    Rule(
        code="MP502",
        name="metric-unchanged",
        group="plans",
        severity=Severity.WARNING,
        summary="A metric's target equals its baseline.",
        why="A target that is the baseline asks for no change; usually one value was copied.",
        bad="  - Weekly active users: 120 → 120\n",
        good="  - Weekly active users: 120 → 400\n",
        check=_metric_unchanged,
    ),
    Rule(
        code="MP511",
        name="request-status",
        group="plans",
        severity=Severity.WARNING,
        summary=(
            "A community request has no status, or one other than Planned/In Progress/Completed."
        ),
        why="People who asked want to know where their request stands.",
        bad="- **Request 1:** Dark mode\n",
        good="- **Request 1:** Dark mode - Status: Planned\n",
        check=_request_status,
    ),
    Rule(
        code="MP521",
        name="goal-without-criteria",
        group="plans",
        severity=Severity.WARNING,
        summary="A medium-term goal has no success criteria.",
        why="Without criteria nobody can say whether the goal was met.",
        bad="#### Goal 1: Faster runs\n**Motivation:** Users wait too long\n",
        good=(
            "#### Goal 1: Faster runs\n**Motivation:** Users wait too long\n"
            "**Success Criteria:** p50 run time under 30 s\n"
        ),
        check=_goal_criteria,
    ),
    Rule(
        code="MP522",
        name="initiative-without-timeline",
        group="plans",
        severity=Severity.WARNING,
        summary="A major initiative has no rough timeline.",
        why="A long-term initiative without even a rough timeline cannot be planned against.",
        bad="#### Initiative 1: Plugins\n- **Vision:** Third-party tools\n",
        good=(
            "#### Initiative 1: Plugins\n- **Vision:** Third-party tools\n"
            "- **Rough Timeline:** H2 2027\n"
        ),
        check=_initiative_timeline,
    ),
    Rule(
        code="MP531",
        name="item-two-statuses",
        group="plans",
        severity=Severity.WARNING,
        summary="The same item appears in Current Focus under two statuses.",
        why="An item cannot be both planned and done; one of the lines is stale.",
        bad="- ✅ **Completed:** Dark mode\n...\n- 📋 **Planned:** Dark mode\n",
        good="- ✅ **Completed:** Dark mode\n",
        check=_two_statuses,
    ),
)
