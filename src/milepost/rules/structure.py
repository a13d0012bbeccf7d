"""MP1xx: the template's sections — missing, out of order, empty, duplicated."""

from __future__ import annotations

from collections.abc import Iterator

from milepost.model import SectionInfo
from milepost.rules.base import Context, Diagnostic, Rule, Severity
from milepost.vocabulary.sections import SectionKind, normalise

__all__ = ["RULES"]

#: The template's top-level sections, in the template's order.
TEMPLATE_ORDER = (
    SectionKind.FOCUS,
    SectionKind.GOALS,
    SectionKind.VISION,
    SectionKind.MILESTONES,
    SectionKind.DEPENDENCIES_AND_RISKS,
    SectionKind.ALIGNMENT,
    SectionKind.FEEDBACK,
    SectionKind.METRICS,
)
# A section of these kinds stands in for the template's combined one.
_COVERS = {
    SectionKind.VISION: {SectionKind.VISION_STATEMENT, SectionKind.INITIATIVES},
    SectionKind.ALIGNMENT: {SectionKind.ALIGNMENT_VISION, SectionKind.SYNERGIES},
}


def _all(context: Context) -> list[SectionInfo]:
    return [s for top in context.roadmap.sections for s in top.walk()]


# Headings that do a template section's job under another name: the now / next / later
# scheme ("## Now", "## Next", "## Future"), "Ongoing Work", "Backlog", "Wishlist", ...
_ROLE_WORDS: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.FOCUS: (
        "now",
        "current",
        "ongoing",
        "active",
        "in progress",
        "near term",
        "this week",
        "this sprint",
    ),
    SectionKind.GOALS: (
        "next",
        "upcoming",
        "backlog",
        "planning",
        "medium term",
        "mid term",
        "what s next",
        "near term and medium term",
    ),
    SectionKind.VISION: ("future", "later", "wishlist", "long term", "under consideration"),
    SectionKind.MILESTONES: (
        "milestones",
        "released",
        "completed",
        "recently completed",
        "recent completions",
        "release history",
        "changelog",
    ),
}


def _plays(section: SectionInfo, kind: SectionKind) -> bool:
    """Whether a section does ``kind``'s job: by its kind, or by its title's leading words."""
    if section.kind is kind:
        return True
    words = _ROLE_WORDS.get(kind)
    if not words:
        return False
    title = normalise(section.title)
    return any(title == word or title.startswith(word + " ") for word in words)


def _present(sections: list[SectionInfo], kind: SectionKind) -> SectionInfo | None:
    if kind is SectionKind.DEPENDENCIES_AND_RISKS:
        both = next((s for s in sections if s.kind is kind), None)
        if both is not None:
            return both
        deps = next((s for s in sections if s.kind is SectionKind.DEPENDENCIES), None)
        risks = next((s for s in sections if s.kind is SectionKind.RISKS), None)
        return deps if deps is not None and risks is not None else None
    accepted = {kind} | _COVERS.get(kind, set())
    found = next((s for s in sections if s.kind in accepted), None)
    return found or next((s for s in sections if _plays(s, kind)), None)


def _missing(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    sections = _all(context)
    missing = [
        name.replace("_", " ").title().replace(" And ", " and ")
        for name in context.config.required_sections
        if _present(sections, SectionKind(name)) is None
    ]
    if missing:
        names = ", ".join(f"'{m}'" for m in missing)
        plural = "s are" if len(missing) > 1 else " is"
        yield rule.at(context, 0, f"required section{plural} missing: {names}")


def _order(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    sections = _all(context)
    found = sorted(
        (section.span.start, index, section)
        for index, kind in enumerate(TEMPLATE_ORDER)
        if (section := _present(sections, kind)) is not None and not _bare_milestones(section)
    )
    # The sections in the longest run that follows the template's order are in place; the
    # others are the ones to move.
    keep = _longest_increasing([index for _, index, _ in found])
    for position, (_line, _index, section) in enumerate(found):
        if position not in keep:
            yield rule.at(
                context,
                section.span.start,
                f"section '{section.title}' is out of the template's order",
            )


def _bare_milestones(section: SectionInfo) -> bool:
    """A section titled "Milestones" alone: a plan of milestones as often as a record of them,
    so it has no place in the template's order to be out of."""
    return section.kind is SectionKind.MILESTONES and normalise(section.title) == "milestones"


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (n is at most eight)."""
    best: list[list[int]] = []
    for i, value in enumerate(values):
        chain: list[int] = []
        for j in range(i):
            if values[j] < value and len(best[j]) > len(chain):
                chain = best[j]
        best.append([*chain, i])
    longest: list[int] = max(best, key=lambda chain: len(chain), default=[])
    return set(longest)


def _empty(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    document = context.roadmap.document
    top_level = {id(block) for block in document.blocks}
    for top in document.sections:
        for section in top.walk():
            if section.blocks or section.subsections or section.level == 1:
                continue
            if id(section.heading) not in top_level:
                continue  # a heading inside a list item: its content is in the item
            yield rule.at(context, section.start, f"section '{section.title}' is empty")


def _duplicated(rule: Rule, context: Context) -> Iterator[Diagnostic]:
    return _siblings(rule, context, context.roadmap.sections)


def _siblings(rule: Rule, context: Context, infos: tuple[SectionInfo, ...]) -> Iterator[Diagnostic]:
    """:func:`_duplicated` among ``infos`` and, in turn, among each one's subsections (a
    function of its own, not a closure: one that calls itself holds its cell, and the
    roadmap with it, in a cycle only the collector frees)."""
    # Only known sections are judged; and siblings whose titles normalise alike classify
    # alike, so the unknown ones (most of them) need no key at all.
    seen: set[str] = set()
    for info in infos:
        if info.kind is not SectionKind.OTHER:
            key = normalise(info.title)
            if key and key in seen:
                yield rule.at(context, info.span.start, f"section '{info.title}' appears twice")
            seen.add(key)
        yield from _siblings(rule, context, info.subsections)


RULES = (
    Rule(
        code="MP101",
        name="missing-section",
        group="structure",
        severity=Severity.WARNING,
        summary="A section the template requires is missing.",
        why=(
            "Readers and tools expect every track roadmap to answer the same questions: what is "
            "in focus now, what comes next, what shipped, what could go wrong, how success is "
            "measured. A missing section usually means the question was never asked."
        ),
        bad="# Memory Roadmap\n\n## Current Focus\n\n- 🚧 Truncation\n",
        good="# Memory Roadmap\n\n## Current Focus\n...\n## Success Metrics\n...\n",
        check=_missing,
        options="required_sections (default: the template's eight top-level sections)",
    ),
    Rule(
        code="MP102",
        name="section-order",
        group="structure",
        severity=Severity.INFO,
        summary="Sections are not in the template's order.",
        why=(
            "Roadmaps that keep one order can be read side by side; a reader looking for risks "
            "finds them in the same place in every track."
        ),
        bad="## Success Metrics\n...\n## Current Focus\n...\n",
        good="## Current Focus\n...\n## Success Metrics\n...\n",
        check=_order,
    ),
    Rule(
        code="MP103",
        name="empty-section",
        group="structure",
        severity=Severity.WARNING,
        summary="A section has a heading and nothing under it.",
        why="An empty section promises content that is not there; fill it in or remove it.",
        bad="## Community Feedback\n\n## Success Metrics\n",
        good="## Community Feedback\n\n- **Request 1:** Dark mode - Status: Planned\n",
        check=_empty,
    ),
    Rule(
        code="MP104",
        name="duplicate-section",
        group="structure",
        severity=Severity.WARNING,
        summary="A section appears twice at one level.",
        why="Two 'Current Focus' sections disagree sooner or later; keep one.",
        bad="## Current Focus\n...\n## Current Focus\n...\n",
        good="## Current Focus\n...\n",
        check=_duplicated,
    ),
)
