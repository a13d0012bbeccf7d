"""A line of tens of thousands of characters reads in linear time, whatever it repeats.

Each case hung before its fix: a pattern that must end the text (a tag, references, a field)
or that opens with blanks was tried at each position of the run and scanned on to its end, so
that doubling the line took four times as long (a title's 24,000 blanks took 25 s; 100,000
would take seven minutes). The timeout only guards against a hang; the assertions are what
the line reads as."""

from __future__ import annotations

from dataclasses import replace

import pytest

import milepost
from milepost.edits.cells import restatus_field
from milepost.edits.notes import carried_over
from milepost.model import Health, Status
from milepost.model.counting import status_items
from milepost.portfolio.model import mentions
from milepost.render.focus import loose_items, period_items
from milepost.span import Span


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("- ✅ Search " + "(#1)\\" * 40_000, Status.DONE),  # a bracketed tag is sought
        ("- [ ] Search " + "(#1)" * 50_000 + " (beta)", Status.PLANNED),  # refs before notes
        ("- Search " + "(#1)" * 50_000, None),
        ("- Search " + "~~(#1)" * 33_000, None),
        ("- Search: status: " + "(#1) " * 40_000, None),  # a Status field to the end
    ],
)
def test_an_item_of_repeated_references_reads_in_linear_time(
    line: str, status: Status | None
) -> None:
    (item,) = milepost.loads(line + "\n", path="x.md").items
    assert item.status is status
    assert item.title.startswith("Search")


@pytest.mark.timeout(10)
@pytest.mark.parametrize("blanks", [" " * 100_000, " \t" * 50_000])
def test_a_health_field_after_a_long_run_of_blanks_reads_in_linear_time(blanks: str) -> None:
    roadmap = milepost.loads(f"# Memory Roadmap\n\nStatus:{blanks}\n\nHealth: 🟢\n", path="x.md")
    assert roadmap.health is Health.ON_TRACK


@pytest.mark.timeout(10)
def test_a_title_with_a_long_run_of_blanks_reads_in_linear_time() -> None:
    roadmap = milepost.loads("# Memory" + " " * 100_000 + "Plan\n", path="x.md")
    assert roadmap.track.startswith("Memory") and roadmap.track.endswith("Plan")


@pytest.mark.timeout(10)
def test_a_header_field_before_a_long_run_of_blanks_reads_in_linear_time() -> None:
    text = "# T\n\nLast updated: 2026-11-20" + " \t" * 50_000 + "x\n"
    roadmap = milepost.loads(text, path="x.md")
    assert (roadmap.meta.last_updated_text or "").startswith("2026-11-20")


@pytest.mark.timeout(10)
def test_a_paragraph_of_bars_and_blanks_is_no_legend_and_reads_in_linear_time() -> None:
    roadmap = milepost.loads("# T\n\n| a" + " \t" * 50_000 + "b\n\n- 🚧 Search\n", path="x.md")
    assert not roadmap.legend.glyphs and not roadmap.legend.words
    assert [item.status for item in roadmap.items] == [Status.IN_PROGRESS]


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("line", "status"),
    [("- Search" + " - *" * 50_000 + " done", None), ("- Search" + "✅ - " * 50_000, Status.DONE)],
)
def test_a_request_of_thousands_of_dashes_reads_in_linear_time(
    line: str, status: Status | None
) -> None:
    roadmap = milepost.loads(f"# T\n\n## Community Feedback\n\n{line}\n", path="x.md")
    (request,) = roadmap.requests
    assert request.status is status and request.description.startswith("Search")


@pytest.mark.timeout(10)
def test_a_legend_meaning_of_a_long_run_of_blanks_reads_in_linear_time() -> None:
    """A legend's "not implemented yet" is sought with "yet" after blanks: a meaning of
    100,000 blanks after "not a" took 33 s before they were taken from where their run
    begins."""
    text = "# T\n\nLegend:\n\n- ✅ done\n- ⭕ not a" + " " * 100_000 + "x\n\n## W\n\n- ✅ Search\n"
    roadmap = milepost.loads(text, path="x.md")
    assert [item.status for item in roadmap.items] == [Status.DONE]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("unit", ["a - ", "a: "])
def test_a_legend_meaning_of_many_names_and_descriptions_reads(unit: str) -> None:
    """A meaning is a name and its description ("Not Supported: Not planned"); the
    description was read as a name and a description again, to a RecursionError on a
    legend entry of a few thousand "a - "."""
    text = "# T\n\nLegend:\n\n- ✅ done\n- ⭕ " + unit * 5_000 + "b\n\n## W\n\n- ✅ Search\n"
    roadmap = milepost.loads(text, path="x.md")
    assert [item.status for item in roadmap.items] == [Status.DONE]


@pytest.mark.timeout(10)
def test_a_title_ending_in_a_long_run_of_markup_before_a_word_reads_in_linear_time() -> None:
    """Stars in code spans one after another ("`*`*`*…") end a title with a run of "*"
    before a last other character: the markup sought at its end was tried at each star and
    scanned on to the end (32,000 took 1.6 s, 128,000 would take 25)."""
    line = "- `[x] Search" + "`*" * 64_000 + "(in progress)"
    (item,) = milepost.loads(line + "\n", path="x.md").items
    assert item.status is Status.IN_PROGRESS
    assert item.title.startswith("[x] Search*")
    assert item.title.endswith("*`")


@pytest.mark.timeout(10)
@pytest.mark.parametrize("blanks", [" " * 100_000, "\t " * 50_000])
def test_a_status_label_before_a_count_and_a_long_run_of_blanks_reads_in_linear_time(
    blanks: str,
) -> None:
    """A label's count may name the work it counts ("4 tasks"): the blanks before the words
    were tried at every length (a minute for 32,000)."""
    (item,) = milepost.loads(f"# T\n\n- **Done**: 1{blanks}x\n", path="x.md").items
    assert item.status is Status.DONE


@pytest.mark.timeout(10)
def test_a_title_ending_in_a_colon_after_a_long_run_of_blanks_reads_in_linear_time() -> None:
    """A title that ends in ":" is looked at for a ":shortcode:" after a blank: the blanks
    were tried one by one, each scanned on to the end of the run (80,000 took 7 s)."""
    (item,) = milepost.loads("# T\n\n- 📋 Search" + " " * 200_000 + "x:\n", path="x.md").items
    assert item.status is Status.PLANNED
    assert item.title.startswith("Search") and item.title.endswith("x")  # ":" a leftover


@pytest.mark.timeout(10)
def test_a_milestone_with_a_long_run_of_blanks_reads_in_linear_time() -> None:
    """A milestone is read for "<feature> shipped": the feature's end was tried at each blank
    of a run, and each try scanned on to the run's end (16,000 took 11 s)."""
    text = "# T\n\n## Completed Milestones\n\n### October 2026\n- Search" + " " * 100_000
    (group,) = milepost.loads(text + "x\n- Sync shipped - fast\n", path="x.md").milestones
    assert [m.item.title[-1:] for m in group.milestones] == ["x", "c"]
    assert [m.impact for m in group.milestones] == [None, "fast"]


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("- Search" + " #1" * 60_000 + " ✅", Status.DONE),
        ("- Search ✅" + " " * 200_000 + " #1x @kim", None),
    ],
)
def test_a_glyph_before_or_after_a_long_run_of_references_reads_in_linear_time(
    line: str, status: Status | None
) -> None:
    """The references that end an item are taken off before its glyph's words: sought by a
    pattern ending in "$", they were tried from each reference (20,000 took 18 s) and each
    blank of a run, and scanned on to where the run stopped."""
    (item,) = milepost.loads(f"# T\n\n## W\n\n{line}\n", path="x.md").items
    assert item.status is status
    assert item.title.startswith("Search")


@pytest.mark.timeout(10)
def test_work_with_thousands_of_unclosed_brackets_is_counted_in_linear_time() -> None:
    """Work is counted once whatever asides date it: the asides were sought from each "(" of
    a title that closes none, each scanned on to the end (80,000 took 25 s in ``show``)."""
    roadmap = milepost.loads("# T\n\n## Current Focus\n\n- 📋 a " + "(" * 300_000 + "\n")
    assert [item.title[:4] for item in status_items(roadmap)] == ["a (("]


@pytest.mark.timeout(10)
def test_carrying_over_work_with_a_long_run_of_blanks_takes_linear_time() -> None:
    """Rollover notes carried-over work before its owners: the owners that end the line were
    sought from each blank of a run, each scanned on to its end (40,000 took 30 s)."""
    line = carried_over("- 📋 Search" + " " * 200_000 + "x @kim", "November 2026")
    assert line.endswith("x (carried over from November 2026) @kim")


@pytest.mark.timeout(10)
def test_a_current_focus_of_thousands_of_periods_lists_them_in_linear_time() -> None:
    """``show`` lists each period's items: every item was looked at for every period
    (8,000 months took 4.6 s; the 100,000 here, built without a parse, would take hours)."""
    roadmap = milepost.loads("# T\n\n## Current Focus\n\n- 📋 Loose\n\n### Zeta\n\n- 📋 x\n")
    focus = roadmap.focus
    assert focus is not None
    (period,), (loose, item) = focus.periods, roadmap.items
    count = 100_000
    items = [loose] + [replace(item, span=Span(5 + 3 * n, 6 + 3 * n)) for n in range(count)]
    periods = [replace(period, span=Span(4 + 3 * n, 7 + 3 * n)) for n in range(count)]
    big = replace(
        roadmap,
        items=tuple(items),
        focus=replace(focus, periods=tuple(periods), span=Span(2, 7 + 3 * count)),
    )
    assert [period_items(big, p) for p in periods] == [[i] for i in items[1:]]
    assert loose_items(big) == [loose]


@pytest.mark.timeout(10)
def test_a_status_field_of_a_long_run_of_blanks_is_set_in_linear_time() -> None:
    """``start`` sets a "Status:" field's words: they were ended at each blank of a run in
    turn, each scanned on to the run's end (20,000 took 7 s)."""
    line = restatus_field("  - Status: Planned" + " " * 200_000 + "x", Status.IN_PROGRESS)
    assert line == "  - Status: In Progress"


@pytest.mark.timeout(10)
def test_a_heading_with_a_long_run_of_blanks_before_its_glyph_reads_in_linear_time() -> None:
    """A heading's words are split where they join statuses ("In Progress / Not Started"):
    the split was tried from each blank of a run, and scanned on to its end (16,000: 5 s)."""
    text = "# T\n\n## Current Focus\n\n### Zeta" + " " * 200_000 + "x 📋\n\n- a\n"
    focus = milepost.loads(text, path="x.md").focus
    assert focus is not None
    (period,) = focus.periods
    assert period.heading.startswith("Zeta") and period.heading.endswith("x 📋")


@pytest.mark.timeout(10)
def test_a_horizon_and_a_metric_with_long_runs_of_blanks_read_in_linear_time() -> None:
    """A horizon is split at "to" or a dash between blanks, a metric's value at an arrow:
    both were tried from each blank of a run, each scanned on to its end (20,000: 7 s)."""
    text = (
        "# T\n\n**Planning horizon:** November 2026" + " " * 200_000 + "x\n\n"
        "## Success Metrics\n\n- Users: 10" + " " * 200_000 + "x\n"
    )
    roadmap = milepost.loads(text, path="x.md")
    assert roadmap.meta.horizon_start is not None and roadmap.meta.horizon_end is None
    (metric,) = roadmap.metrics
    assert metric.name == "Users" and metric.target is None


@pytest.mark.timeout(10)
def test_a_dependency_with_a_long_run_of_blanks_is_read_in_linear_time() -> None:
    """What a dependency needs ends before "by December 2026" and the like: that was sought
    from each blank of a run, each scanned on to its end (20,000 took 10 s in ``status``)."""
    text = "# T\n\n## Dependencies\n\n- Track A: thing" + " " * 200_000 + "x\n"
    (mention,) = mentions(milepost.loads(text, path="x.md"))
    assert mention.name == "Track A" and mention.what.endswith("x")


@pytest.mark.timeout(10)
@pytest.mark.parametrize("joint", ["and", "&"])
def test_a_label_of_two_words_joined_across_a_long_run_of_blanks_reads_in_linear_time(
    joint: str,
) -> None:
    """ "Done and x" then 100,000 blanks in a bold label: the split on "and" / "&" that joins
    two agreeing status words was tried from each blank of the run (50 KB took 10 s)."""
    text = (
        f"# T\n\n- **Done {joint} x" + " " * 100_000 + f"y**: y\n\n- **Done {joint} shipped**: z\n"
    )
    (item,) = milepost.loads(text, path="x.md").items
    assert (item.title, item.status) == ("z", Status.DONE)


@pytest.mark.timeout(10)
def test_a_decorated_top_heading_with_a_long_run_of_blanks_reads_in_linear_time() -> None:
    """The brackets that may end a top section's words ("## 🔮 Future Vision (2025+)") were
    sought with the blanks before them, from each blank of a run."""
    text = (
        "# R\n\n## 🔮 Future" + " " * 100_000 + "Sync\n\n## 🔮 Vision" + " " * 100_000 + "(2025)\n"
    )
    assert [i.title for i in milepost.loads(text, path="x.md").items] == [
        "Future" + " " * 100_000 + "Sync"
    ]


@pytest.mark.timeout(10)
def test_a_legend_of_many_codes_over_many_items_reads_in_linear_time() -> None:
    """Each item's opening was tried against every code the legend defines (16,000 codes
    over 16,000 items took seconds, four times as long at twice the size)."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [a + b + c + d for a in letters for b in letters for c in letters for d in "AB"]
    codes = codes[:32_000]
    legend = "".join(f"{code} - Done and {' '.join(w + 'x' for w in code)}\n" for code in codes)
    text = legend + "\n## Work\n\n" + "".join(f"- {code} - task\n" for code in codes)
    roadmap = milepost.loads(text, path="x.md")
    assert len(roadmap.items) == 32_000


@pytest.mark.timeout(10)
def test_many_paragraphs_of_one_definition_read_in_linear_time() -> None:
    roadmap = milepost.loads("# R\n\n" + "✅ done\n\n" * 160_000 + "- Search ✅\n", path="x.md")
    assert [i.title for i in roadmap.items] == ["Search"]


@pytest.mark.timeout(10)
def test_many_paragraphs_of_a_glyph_in_no_meaning_of_its_own_read_in_linear_time() -> None:
    """A run of "🎉 done" paragraphs was searched afresh, at each, for a glyph of milepost's
    in its own meaning (8,000 took 20 s)."""
    roadmap = milepost.loads("# R\n\n## Items\n\n" + "🎉 done\n\n" * 20_000, path="x.md")
    assert roadmap.items == ()


@pytest.mark.timeout(10)
def test_a_heading_of_a_long_run_of_blanks_ending_in_a_colon_reads_in_linear_time() -> None:
    """The shortcodes that may end a heading were sought from each blank of the run (50,000
    blanks under Success Criteria took 6 s)."""
    text = "# R\n\n## Success Criteria\n\n### x" + " " * 100_000 + "y:\n\n- [ ] a\n"
    assert [(i.title, i.status) for i in milepost.loads(text).items] == [("a", Status.PLANNED)]
