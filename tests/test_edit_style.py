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


# the file's layout: a rule (---) that closes a section stays below what is added to it


RULED = (
    "# Demo Roadmap\n\n**Last updated:** 2026-11-20\n\n---\n\n## 🎯 Current Focus\n\n"
    "### November 2026\n- 📋 Alpha thing\n- 🚧 Beta thing\n\n---\n\n"
    "### December 2026\n- 📋 Gamma thing\n\n---\n\n"
    "## ✅ Completed Milestones\n\n- ✅ Old thing shipped\n\n---\n\n"
    "## Success Metrics\n\n- Speed: 1 → 2\n"
)


def test_plan_into_the_last_month_goes_above_its_closing_rule() -> None:
    roadmap = milepost.loads(RULED)
    edit = ops.plan(roadmap, "Delta thing", today=TODAY, month=dt.date(2026, 12, 1))
    after = _edited(RULED, edit)
    assert "### December 2026\n- 📋 Gamma thing\n- 📋 Delta thing\n\n---\n\n## ✅" in after


def test_plan_into_a_new_month_goes_above_the_closing_rule() -> None:
    roadmap = milepost.loads(RULED)
    after = _edited(RULED, ops.plan(roadmap, "Eps thing", today=TODAY, month=dt.date(2027, 1, 1)))
    assert "- 📋 Gamma thing\n\n### January 2027\n- 📋 Eps thing\n\n---\n\n## ✅ Completed" in after


def test_ship_into_milestones_without_months_goes_above_the_closing_rule() -> None:
    roadmap = milepost.loads(RULED)
    after = _edited(RULED, ops.ship(roadmap, find_item(roadmap, "beta"), today=TODAY))
    assert (
        "- ✅ Old thing shipped\n\n### November 2026\n- ✅ Beta thing shipped\n\n---\n\n"
        "## Success Metrics" in after
    )


def test_rollover_carries_work_above_the_closing_rule() -> None:
    from milepost.edits.rollover import rollover

    roadmap = milepost.loads(RULED)
    edit = rollover(roadmap, today=dt.date(2026, 12, 1), to=None, cadence_days=14)
    after = _edited(RULED, edit)
    assert (
        "### December 2026\n- 📋 Gamma thing\n- 📋 Alpha thing (carried over from November 2026)\n"
        "- 🚧 Beta thing (carried over from November 2026)\n\n### January 2027\n"
        "<!-- plan January 2027 here -->\n\n---\n\n## ✅ Completed" in after
    )
