"""What edits write reads like the file around it: its emoji, its layout, its Markdown."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# the item's own Markdown: code, links and underscores survive the move to Completed Milestones


MARKUP = (
    "# S Roadmap\n\n**Last updated:** 2026-11-20\n\n## Current Focus\n\n### November 2026\n"
    "- 🚧 Support `__init__` hooks in plugins @ann\n"
    "- 🚧 Fix `*` glob in `a*b` patterns\n"
    "- 🚧 Adopt [uv](https://github.com/astral-sh/uv) for builds (#12)\n"
    "- 🚧 Hook for on_start and **fast** paths (carried over from October 2026)\n"
    "- 🚧 Plain title\n"
    "- 🚧 Replace ~~the old~~ the new parser\n\n"
    "## Completed Milestones\n\n### October 2026\n- ✅ Something shipped\n"
)


@pytest.mark.parametrize(
    ("words", "recorded"),
    [
        ("init", "- ✅ Support `__init__` hooks in plugins shipped @ann\n"),
        ("glob", "- ✅ Fix `*` glob in `a*b` patterns shipped\n"),
        ("uv", "- ✅ Adopt [uv](https://github.com/astral-sh/uv) for builds shipped (#12)\n"),
        ("on_start", "- ✅ Hook for on_start and **fast** paths shipped\n"),
        ("plain", "- ✅ Plain title shipped\n"),
        ("parser", "- ✅ Replace ~~the old~~ the new parser shipped\n"),
    ],
)
def test_ship_records_the_title_with_its_markdown(words: str, recorded: str) -> None:
    roadmap = milepost.loads(MARKUP)
    after = _edited(MARKUP, ops.ship(roadmap, find_item(roadmap, words), today=TODAY))
    assert f"### November 2026\n{recorded}" in after
    shipped = milepost.loads(after).milestones[0].items[0]
    assert shipped.title.startswith(find_item(roadmap, words).title.split(" (carried")[0])


_WORD = st.text(alphabet="ab_*`[]<>\\~#.-x1", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_WORD, st.sampled_from(["plain", "code", "link", "bold"])),
        min_size=1,
        max_size=5,
    )
)
def test_a_shipped_title_reads_back_as_it_read_in_current_focus(
    words: list[tuple[str, str]],
) -> None:
    def written(word: str, how: str) -> str:
        plain = "".join(f"\\{c}" if c in "\\`*_[]<>~#" else c for c in word)
        if how == "code" and "`" not in word and word.strip() == word:
            return f"`{word}`"
        if how == "link":
            return f"[{plain}](https://example.org/x)"
        if how == "bold":
            return f"**{plain}**"
        return plain

    line = "Work " + " ".join(written(w, how) for w, how in words)
    text = f"# S\n\n## Current Focus\n\n### November 2026\n- 🚧 {line}\n\n"
    text += "## Completed Milestones\n\n### October 2026\n- ✅ Old shipped\n"
    roadmap = milepost.loads(text)
    (item,) = list(roadmap.focus.periods[0].items) if roadmap.focus else []
    edit = ops.ship(roadmap, item, today=TODAY)
    after = milepost.loads(_edited(text, edit))
    assert edit.verify(after) is None, _edited(text, edit)
