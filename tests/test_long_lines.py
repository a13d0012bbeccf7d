"""A line of tens of thousands of characters reads in linear time, whatever it repeats.

Each case hung before its fix: a pattern that must end the text (a tag, references, a field)
or that opens with blanks was tried at each position of the run and scanned on to its end, so
that doubling the line took four times as long (a title's 24,000 blanks took 25 s; 100,000
would take seven minutes). The timeout only guards against a hang; the assertions are what
the line reads as."""

from __future__ import annotations

import pytest

import milepost
from milepost.model import Health, Status


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
