"""Readers of the plan: Current Focus, Medium-Term Goals and Completed Milestones (each
shipped item read as a milestone); the initiatives of the vision are in :mod:`.vision_parts`."""

from __future__ import annotations

import re
from dataclasses import fields
from operator import attrgetter

from milepost.document import Paragraph, Section
from milepost.extract.section_reader import (
    SectionReader,
    field_label,
    short_period,
    split_field,
    title_name,
)
from milepost.model import (
    Focus,
    FocusPeriod,
    Goal,
    GoalGroup,
    Item,
    Milestone,
    MilestoneGroup,
)

__all__ = ["PlanReader"]

# The template's milestone: "<feature> shipped - <impact>" (or released, launched, ... when an
# impact follows: "What the beta delivered" is prose), or "<feature> shipped". The feature
# ends before a run of blanks, not inside it (the run taken whole, possessively), but for a
# one-blank feature that opens the text: from each blank of a long run the run was scanned
# to its end, in quadratic time (16,000 blanks took 11 s).
_SHIPPED = re.compile(
    r"(?is)(?P<feature>.+?)(?:(?<!\s)|(?<=^\s))\s++"
    r"(?:(?:shipped|released|launched|landed|delivered)\s*[-–—:]\s*"
    r"(?P<impact>.*)|shipped)"
)

# Every field of an Item after its title, in order. A roadmap retitles each of its milestones:
# dataclasses.replace reads each field through its Field object, twice the cost of this copy.
_AFTER_TITLE = attrgetter(*[field.name for field in fields(Item)][1:])
assert fields(Item)[0].name == "title", "_retitled passes the title first"


#: The labels of the lines under a milestone that link to more of it ("- Details: [docs](...)");
#: its other lines (a sub-feature and its issue link) are not its details.
_DETAILS = frozenset(
    {
        *("details", "detail", "docs", "documentation", "more", "see", "see also", "read more"),
        *("blog", "blog post", "post", "case study", "announcement", "release notes", "demo"),
    }
)


#: A goal's fields as its bullets give them; "- **Goal:** ..." says what the heading says.
_GOAL_FIELDS = frozenset(("motivation", "why", "success criteria", "goal"))


def _labels(item: Item) -> bool:
    """Whether ``item`` reads as the label of the list below it ("- **Deliverables:**"): not
    an item marked with a status of its own, which is work ("- 🚧 Migration, in two steps:")."""
    return not item.marker and item.text.rstrip(" *_").endswith(":")


def _retitled(item: Item, title: str) -> Item:
    """``item`` with ``title`` for its title (what ``dataclasses.replace`` would make)."""
    return Item(title, *_AFTER_TITLE(item))


class PlanReader(SectionReader):
    """The sections of the plan, each read into its part of the model."""

    def focus(self, section: Section) -> Focus:
        theme = self.line_fields(section).get("theme")
        periods = tuple(
            FocusPeriod(
                heading=sub.title,
                period=short_period(sub.title),
                items=tuple(self.hold(self._work(self.own_items(sub)))),
                span=self.span(sub),
            )
            for sub in section.subsections
        )
        loose = tuple(self.hold(self._work(self.own_items(section))))
        return Focus(theme, periods, self.span(section), loose)

    def _work(self, items: list[Item]) -> list[Item]:
        """``items`` with a label over a list ("- **Deliverables:**") replaced by that list."""
        out: list[Item] = []
        for item in items:
            kids = self.children(item) if _labels(item) else []
            out.extend(kids or [item])
        return out

    def goals(self, section: Section) -> list[GoalGroup]:
        groups: list[GoalGroup] = []
        loose: list[Goal] = []
        for sub in section.subsections:
            if sub.subsections and not self.line_fields(sub):
                goals = tuple(self.goal(g) for g in sub.subsections)
                groups.append(GoalGroup(sub.title, short_period(sub.title), goals, self.span(sub)))
            else:
                loose.append(self.goal(sub))
        # "## Near-Term and Medium-Term" over a list, "## Upcoming Milestones" over a table:
        # each item is a goal, the lines below it its features.
        loose[:0] = [self._item_goal(item) for item in self.hold(self.own_items(section))]
        if loose:
            groups.insert(
                0,
                GoalGroup(
                    section.title, short_period(section.title), tuple(loose), self.span(section)
                ),
            )
        return groups

    def goal(self, section: Section) -> Goal:
        """A goal under its heading: its fields (lines "**Motivation:** ..." or bullets
        "- **Goal:** ..."), its success criteria and its features, a label's list read as
        what the label says ("- **Deliverables:**", "**Success Criteria:**")."""
        fields = self.line_fields(section)
        heading_item = self.found.by_line.get(section.start)
        status = heading_item.status if heading_item and heading_item.kind == "heading" else None
        criteria_lines = self._criteria_lines(section)
        criteria: list[Item] = []
        features: list[Item] = []
        for item in self.items(section.start + 1, section.end):
            kids = self.children(item) if _labels(item) else []
            split = split_field(item.text)
            label = split[0].lower() if split else None
            if kids:
                (criteria if "criteria" in item.text.lower() else features).extend(kids)
            elif item.kind == "heading" or label in _GOAL_FIELDS:
                if split and label != "goal":
                    fields.setdefault(split[0].lower(), split[1])
                    self.hold([item])
            else:
                (criteria if item.span.start in criteria_lines else features).append(item)
        return Goal(
            name=title_name(section.title),
            span=self.span(section),
            status=status,
            motivation=fields.get("motivation") or fields.get("why") or None,
            success_criteria=fields.get("success criteria") or None,
            criteria=tuple(self.hold(criteria)),
            features=tuple(self.hold(features)),
        )

    def _item_goal(self, item: Item) -> Goal:
        return Goal(
            name=title_name(item.title),
            span=item.span,
            status=item.status,
            features=tuple(self.hold(self.children(item))),
        )

    def _criteria_lines(self, section: Section) -> range:
        """The lines of a list introduced by a "Success Criteria:" label, if any."""
        blocks = section.blocks
        for index, block in enumerate(blocks[:-1]):
            last = self.document.line(block.end - 1).strip().rstrip(" *_")
            if isinstance(block, Paragraph) and "criteria" in last.lower() and last.endswith(":"):
                following = blocks[index + 1]
                return range(following.start, following.end)
        return range(0)

    def milestones(self, section: Section) -> list[MilestoneGroup]:
        groups = []
        scopes = [section, *section.subsections] if self.own_items(section) else []
        for scope in scopes or section.subsections:
            shipped = [self.milestone(item) for item in self.own_items(scope)]
            groups.append(
                MilestoneGroup(
                    scope.title,
                    short_period(scope.title),
                    tuple(m.item for m in shipped),
                    self.span(scope),
                    tuple(shipped),
                )
            )
        return groups

    def milestone(self, item: Item) -> Milestone:
        """``<feature> shipped - <impact>``: the item titled by its feature (the found item
        replaced, so every view of it agrees), the impact apart, the links of its details."""
        self.hold([item])
        lines = self.hold(c for c in self.children(item) if c.links and field_label(c) in _DETAILS)
        details = tuple(dict.fromkeys(link for c in lines for link in c.links))
        said = _SHIPPED.fullmatch(item.title)
        if said is None:
            return Milestone(item, None, details)
        impact = (said["impact"] or "").strip() or None
        titled = _retitled(item, said["feature"].strip())
        self.found.replace(titled)
        return Milestone(titled, impact, details)
