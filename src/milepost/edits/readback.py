"""How a reader sees what an edit is about to write.

New lines are read back through the same extraction as any roadmap, so an edit's checks
compare what a reader sees (``[link](x)`` reads as "link", ``**bold**`` as "bold") with what
the re-parsed roadmap holds, never raw Markdown with extracted text. A line is read through
the legend of the roadmap it goes into (``roadmap.legend``): a glyph the legend defines (🟢
for done) reads there as it will in the roadmap.
"""

from __future__ import annotations

from milepost.document import parse
from milepost.extract import extract
from milepost.model import Item, Risk, Roadmap, work_items
from milepost.source import decode
from milepost.vocabulary.legend import NO_LEGEND, Legend

__all__ = ["read_item", "read_milestone", "read_risk"]


def _read(markdown: str, legend: Legend = NO_LEGEND) -> Roadmap:
    return extract(parse(decode(markdown.encode("utf-8"))), vocabulary=legend)


def read_item(line: str, heading: str, legend: Legend = NO_LEGEND) -> Item | None:
    """The item ``line`` (a list item, with its line ending) is, under ``### heading`` of
    Current Focus; None when it reads as no item."""
    roadmap = _read(f"# T\n\n## Current Focus\n\n### {heading}\n{line}", legend)
    return next(iter(work_items(roadmap)), None)


def read_milestone(line: str, heading: str, legend: Legend = NO_LEGEND) -> Item | None:
    """The work ``line`` records under ``### heading`` of Completed Milestones, titled by
    its feature ("Search shipped - faster lookups" is "Search"); None when it reads as none."""
    roadmap = _read(f"# T\n\n## Completed Milestones\n\n### {heading}\n{line}", legend)
    return next((i for group in roadmap.milestones for i in group.items), None)


def read_risk(lines: list[str]) -> Risk | None:
    """The risk ``lines`` (a ``- **Risk N:**`` item and its field lines) are."""
    roadmap = _read("# T\n\n## Dependencies and Risks\n\n### Technical Risks\n" + "".join(lines))
    return roadmap.risks[0] if roadmap.risks else None
