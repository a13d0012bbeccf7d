"""What edits write reads like the file around it: its emoji, its layout, its Markdown."""

from __future__ import annotations

import datetime as dt

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.edits.lookup import find_item
from milepost.model import Status

TODAY = dt.date(2026, 11, 26)


def _edited(text: str, edit: ops.Edit) -> str:
    return apply(milepost.loads(text).document.source, edit.patches).text


# the document's emoji


METRICS_WITH_HOURGLASS = (
    "# Memory Track\n\n## Success Metrics\n\n### Short-Term\n- ✅ Multi-turn support working\n"
    "- ⏳ 0% context overflow errors\n- ⏳ <100ms session save time\n"
    "- ⏳ Documentation complete\n\n## Milestones\n\n| Milestone | Target | Status |\n"
    "|-----------|--------|--------|\n| Context truncation | v0.0.30 | 🔄 In Progress |\n"
    "| Automatic summarization | v0.0.32 | 📋 Planned |\n"
)


def test_start_writes_the_emoji_the_work_items_use_not_the_metrics() -> None:
    """⏳ on a success metric says its target is not met yet: it is no in-progress emoji
    for work, where the file writes 🔄 (MassGen's track roadmaps)."""
    roadmap = milepost.loads(METRICS_WITH_HOURGLASS)
    item = find_item(roadmap, "summarization")
    after = _edited(METRICS_WITH_HOURGLASS, ops.set_status(roadmap, item, Status.IN_PROGRESS))
    assert "| Automatic summarization | v0.0.32 | 🔄 In Progress |\n" in after
