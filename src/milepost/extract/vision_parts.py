"""Readers of the long-term vision's initiatives: the template's "Major Initiatives", and the
initiatives a "Long-Term Vision" section lists itself (its subsections, its bullets, the bold
labels over its lists) where a roadmap has no "Major Initiatives"."""

from __future__ import annotations

from itertools import pairwise

from milepost.document import ListBlock, Paragraph, Section
from milepost.extract.section_reader import (
    SectionReader,
    field_label,
    fields_of,
    labels_list,
    short_period,
    split_field,
    title_name,
)
from milepost.model import Initiative, Item
from milepost.span import Span
from milepost.vocabulary.sections import SectionKind, classify

__all__ = ["VisionReader"]

#: The fields of an initiative, as its lines label them ("- **Impact:** ..."); a "Goal:" says
#: what it is for, its vision.
_FIELDS = frozenset(("vision", "goal", "impact", "rough timeline", "timeline", "dependencies"))


class VisionReader(SectionReader):
    """The initiatives of the long-term vision."""

    def initiatives(self, section: Section) -> list[Initiative]:
        """The initiatives of a "Major Initiatives" section: one a subsection."""
        return [self._initiative(sub) for sub in section.subsections]

    def vision_initiatives(self, section: Section) -> list[Initiative]:
        """The initiatives a "Long-Term Vision" section lists, in a roadmap without "Major
        Initiatives": its subsections ("### Universal Backend Adapter", but "### Vision
        Statement"), the labels over its lists ("**Visual Workflow Designer**", the list its
        features) and the bullets of its other lists ("- Key Revocation", "- **Plugin
        System**: extensible agents")."""
        out = [
            self._initiative(sub)
            for sub in section.subsections
            if classify(sub.title, SectionKind.VISION) is SectionKind.OTHER
        ]
        labelled: set[int] = set()  # the lines of the lists under a label
        for block, after in pairwise(section.blocks):
            if isinstance(block, Paragraph) and isinstance(after, ListBlock) and labels_list(block):
                labelled.update(range(after.start, after.end))
                name = block.inline.text.strip().rstrip(":").strip(" *_")
                span = Span(block.start, after.end, self.path)
                out.append(Initiative(name=title_name(name), span=span))
        items = [i for i in self.own_items(section) if i.span.start not in labelled]
        out.extend(self._item_initiative(item) for item in self.hold(items))
        return sorted(out, key=lambda initiative: initiative.span.start)

    def _initiative(self, sub: Section) -> Initiative:
        items = self.items(sub.start + 1, sub.end)
        self.hold(i for i in items if field_label(i) in _FIELDS)
        fields = {**self.line_fields(sub), **fields_of(items)}
        timeline = fields.get("rough timeline") or fields.get("timeline")
        return Initiative(
            name=title_name(sub.title),
            span=self.span(sub),
            vision=fields.get("vision") or fields.get("goal"),
            impact=fields.get("impact"),
            timeline=timeline,
            timeline_period=short_period(timeline) if timeline else None,
            dependencies=fields.get("dependencies"),
        )

    def _item_initiative(self, item: Item) -> Initiative:
        """A bullet as an initiative: "**Plugin System**: extensible agents" is named by its
        label, and its words say what it enables."""
        split = split_field(item.title)
        name, vision = split if split else (item.title, None)
        return Initiative(name=title_name(name), span=item.span, vision=vision or None)
