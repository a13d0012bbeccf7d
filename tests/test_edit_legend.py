"""Markers the roadmap's legend or the config's ``statuses`` define: what the extractor reads
through them, the edits read too, so that the marker they replace is the one read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milepost
from milepost import api
from milepost.config import Config
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status
from milepost.vocabulary.status import EMOJI

LEGEND = (
    "# T Roadmap\n\n**Status Legend:** 🟢 Active | 🔴 Blocked | 🟣 Next\n\n"
    "## Current Focus\n\n### November 2026\n- 🟢 Search\n- 🔴 Export\n- 🟣 Import\n"
)
CONFIG = Config(statuses=(("Parked", "future"), ("🐢", "blocked")))
FOCUS = "# T Roadmap\n\n## Current Focus\n\n### November 2026\n"


def _restatused(text: str, words: str, status: Status, config: Config | None = None) -> str:
    """The line of the item whose title starts with ``words`` once given ``status``,
    checked against the model as the edit's readers read it."""
    roadmap = milepost.loads(text, config=config)
    (item,) = [i for i in roadmap.items if i.title.startswith(words)]
    edit = ops.set_status(roadmap, item, status)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after, config=config)) is None, after
    return after.splitlines()[item.span.start]


@pytest.mark.parametrize(
    ("words", "status", "line"),
    [
        ("Export", Status.IN_PROGRESS, "- 🟢 Export"),
        ("Search", Status.BLOCKED, "- 🔴 Search"),
        ("Import", Status.DONE, "- ✅ Import"),
    ],
)
def test_a_glyph_the_legend_defines_is_replaced(words: str, status: Status, line: str) -> None:
    """ "🔴 Export" under a legend that makes 🔴 blocked, started, was "🟢 🔴 Export": the
    edit took the legend's glyph for words and put the new one before it (the line saying
    two things, read by its first glyph)."""
    assert _restatused(LEGEND, words, status) == line


@pytest.mark.parametrize(
    ("written", "status", "line"),
    [
        ("- Login flow - Parked", Status.IN_PROGRESS, "- 🚧 Login flow"),
        ("- Login flow (parked) @kim", Status.IN_PROGRESS, "- 🚧 Login flow @kim"),
        ("- **Parked:** Login flow", Status.IN_PROGRESS, "- **In Progress:** Login flow"),
        ("- 🐢 Login flow", Status.IN_PROGRESS, "- 🚧 Login flow"),
        ("- 🐢 Login flow - Parked", Status.DONE, "- ✅ Login flow"),
        ("- 🐢 Login flow (parked)", Status.DONE, "- ✅ Login flow"),
    ],
)
def test_a_marker_the_config_adds_is_replaced(written: str, status: Status, line: str) -> None:
    """The config's ``statuses`` make "Parked" future and 🐢 blocked: the extractor reads
    them, and the edit did not ("🚧 Login flow - Parked", "🚧 🐢 Login flow", "🚧
    **Parked:** Login flow", which reads as future and was refused)."""
    assert _restatused(f"{FOCUS}{written}\n", "Login flow", status, CONFIG) == line


def test_a_word_the_config_adds_is_read_in_a_status_cell_and_as_a_label() -> None:
    """The config's "Parked" was read in bold ("**Parked:** Login flow") and as a tag, but
    not as a Status cell's value nor as a plain label: those items had no status."""
    text = (
        f"{FOCUS}- Parked: Login flow\n- parked - Search\n\n"
        "| Feature | Status |\n|---|---|\n| Export | Parked |\n| Import | 🚧 |\n"
    )
    read = [(i.title, i.status) for i in milepost.loads(text, config=CONFIG).items]
    assert read == [
        ("Login flow", Status.FUTURE),
        ("Search", Status.FUTURE),
        ("Export", Status.FUTURE),
        ("Import", Status.IN_PROGRESS),
    ]
    assert _restatused(text, "Export", Status.DONE, CONFIG) == "| Export | Completed |"
    # "In Progress: Login flow" would be no label: the config's word goes, a glyph leads
    assert _restatused(text, "Login flow", Status.IN_PROGRESS, CONFIG) == "- 🚧 Login flow"


@pytest.mark.parametrize(
    ("words", "status", "line"),
    [
        ("Download", Status.IN_PROGRESS, "- D - Download"),
        ("Setup", Status.PLANNED, "- NW: Setup"),
        ("Download", Status.BLOCKED, "- ⛔ Download"),
    ],
)
def test_a_code_the_legend_defines_is_replaced_by_the_documents_code(
    words: str, status: Status, line: str
) -> None:
    """Under "C - Complete", "D - Doing", "NW - Not working on yet", an item labelled with a
    code takes the code the document writes for its new status, its separator kept ("D - -
    Download" when the code's dash was taken as part of it); a status with no code gets a
    glyph."""
    text = (
        "C - Complete\nD - Doing\nNW - Not working on yet\n\n## Work\n\n"
        "- NW - Download\n- D - Parse\n- C: Setup\n"
    )
    assert _restatused(text, words, status) == line


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("- Search (planned)", "- Search (in progress)"),
        ("- 📋 Planned: Search", "- 🚧 In Progress: Search"),
        ("- Search - planned", "- Search - in progress"),
    ],
)
def test_the_vocabularys_words_stay_the_vocabularys_beside_a_legend_of_codes(
    line: str, after: str
) -> None:
    """Where a legend of codes stands, the document's codes were taken for its words: a
    tag "(planned)" started was "(d)" (read as no status: the edit refused), a label
    "Planned:" after a glyph "D:" (a title "D: Search"). Codes replace codes only."""
    text = f"C - Complete\nD - Doing\n\n## Work\n\n- D - Parse\n{line}\n"
    assert _restatused(text, "Search", Status.IN_PROGRESS) == after


@pytest.mark.parametrize("cell", ["Parked, soon", "Parked; later", "Parked?"])
def test_a_word_the_config_adds_is_whole_before_a_comma_or_a_question_mark(cell: str) -> None:
    """ "| Parked, soon |" under a config that makes "Parked" future read blocked, the
    vocabulary's meaning: the comma was taken as part of the word."""
    text = f"# T\n\n| Feature | Status |\n|---|---|\n| Export | {cell} |\n"
    (item,) = milepost.loads(text, config=CONFIG).items
    assert item.status is Status.FUTURE


def test_a_table_cell_keeps_a_glyph_for_a_glyph() -> None:
    text = f"{FOCUS}| Feature | Status |\n|---|---|\n| Login flow | 🐢 |\n| Search | 🚧 |\n"
    assert _restatused(text, "Login flow", Status.IN_PROGRESS, CONFIG) == "| Login flow | 🚧 |"


def test_start_reads_the_configs_words_from_milepost_toml(tmp_path: Path) -> None:
    (tmp_path / "milepost.toml").write_text(
        '[statuses]\nParked = "future"\n"🐢" = "blocked"\n', encoding="utf-8"
    )
    path = tmp_path / "roadmap.md"
    path.write_text(f"{FOCUS}- Login flow - Parked\n- 🐢 Search @kim\n", encoding="utf-8")
    api.edit(path, "start", item="login", today=dt.date(2026, 11, 25))
    api.edit(path, "ship", item="search", today=dt.date(2026, 11, 25), keep=True)
    text = path.read_text(encoding="utf-8")
    assert "- 🚧 Login flow\n- ✅ Search @kim\n" in text, text


def test_the_roadmap_keeps_its_legend_out_of_its_json() -> None:
    """The legend read (the document's glyphs over the config's markers) stays on the model,
    read-only, for the edits; the JSON and its schema are as they were."""
    roadmap = milepost.loads(LEGEND, config=CONFIG)
    assert roadmap.legend.glyph("🔴") is Status.BLOCKED
    assert roadmap.legend.glyph("🐢") is Status.BLOCKED
    assert roadmap.legend.word("parked") is Status.FUTURE
    assert "legend" not in roadmap.to_dict()
    with pytest.raises(TypeError):
        roadmap.legend.words["shipped-ish"] = Status.DONE  # type: ignore[index]


GREEN_DONE = (
    "# T Roadmap\n\n**Status Legend:** 🟢 Done | 🔴 Blocked | ⚪ Planned\n\n"
    "## Current Focus\n\n### November 2026\n- ⚪ Search\n- 🟢 Login\n\n"
    "## Completed Milestones\n"
)


def test_ship_reads_its_record_through_the_legend() -> None:
    """The record is marked with the document's glyph for done work (🟢, which the legend
    defines), and the edit read it back without the legend: "'Search' is not recorded as
    done under Completed Milestones", though the line was right."""
    roadmap = milepost.loads(GREEN_DONE)
    item = next(i for i in roadmap.items if i.title == "Search")
    edit = ops.ship(roadmap, item, today=dt.date(2026, 11, 5))
    after = apply(roadmap.document.source, edit.patches).text
    assert "## Completed Milestones\n\n### November 2026\n- 🟢 Search shipped\n" in after, after
    assert edit.verify(milepost.loads(after)) is None


def test_plan_reads_its_line_through_the_legend() -> None:
    """The new line takes the document's glyph for planned work (⚪, the legend's), and the
    edit read it back without the legend: "'New thing' does not read as a planned item"."""
    roadmap = milepost.loads(GREEN_DONE)
    edit = ops.plan(roadmap, "New thing", today=dt.date(2026, 11, 5))
    after = apply(roadmap.document.source, edit.patches).text
    assert "- ⚪ Search\n- 🟢 Login\n- ⚪ New thing\n" in after, after
    assert edit.verify(milepost.loads(after)) is None


@pytest.mark.parametrize(
    ("legend", "line", "status", "after"),
    [
        # 🚧 is blocked here: in progress is the legend's own glyph for it
        ("🚧 Blocked | 🟢 Active", "- 📋 Search", Status.IN_PROGRESS, "- 🟢 Search"),
        ("🚧 Blocked | 🟢 Active", "- Search", Status.IN_PROGRESS, "- 🟢 Search"),
        # no glyph of the legend's for it: another of the vocabulary's
        ("🚧 Blocked | ✅ Done", "- 📋 Search", Status.IN_PROGRESS, "- 🔄 Search"),
        ("✅ Planned | 🚧 Active", "- 📋 Search", Status.DONE, "- ✔ Search"),
        # none left: the status's word, as a bold label
        # ❌ is the legend's blocked: 🚫, the vocabulary's other glyph for dropped work
        ("❌ Blocked", "- 📋 Search", Status.DROPPED, "- 🚫 Search"),
    ],
)
def test_a_glyph_the_legend_gives_another_status_is_not_written(
    legend: str, line: str, status: Status, after: str
) -> None:
    """Under "**Status Legend:** 🚧 Blocked | 🟢 Active", ``start`` wrote 🚧, which the
    legend makes blocked, and refused its own line as not applied."""
    text = f"# T Roadmap\n\n**Status Legend:** {legend}\n\n{FOCUS[len('# T Roadmap') :]}{line}\n"
    assert _restatused(text, "Search", status) == after


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        # a glyph only the legend gives a meaning gives way to the legend's for the status
        ("- ⚪ Search", Status.IN_PROGRESS, "- 🟢 Search"),
        ("- 🟢 Search", Status.DONE, "- 🟣 Search"),
        ("- ⚪ Search (#12) @kim", Status.IN_PROGRESS, "- 🟢 Search (#12) @kim"),
        ("| A | Status |\n|---|---|\n| Search | ⚪ |", Status.IN_PROGRESS, "| Search | 🟢 |"),
        ("| A | B |\n|---|---|\n| ⚪ Search | x |", Status.IN_PROGRESS, "| 🟢 Search | x |"),
        # milepost's own emoji, and a status the legend has no glyph for, as before
        ("- 📋 Search", Status.IN_PROGRESS, "- 🚧 Search"),
        ("- ⚪ Search", Status.DROPPED, "- ❌ Search"),
    ],
)
def test_a_legend_glyph_gives_way_to_the_legends_glyph(
    line: str, status: Status, after: str
) -> None:
    """Under "🟢 Active | ⚪ Someday | 🟣 Done", "⚪ Search" started was "🚧 Search": an
    item marked with the legend's glyphs took milepost's emoji, unlike its neighbours."""
    legend = "**Status Legend:** 🟢 Active | ⚪ Someday | 🟣 Done"
    text = f"# T Roadmap\n\n{legend}\n\n{FOCUS[len('# T Roadmap') :]}{line}\n"
    assert _restatused(text, "Search", status) == after


_GLYPHS = ["🚧", "🔄", "✅", "✔", "📋", "❌", "⛔", "🛑", "🔮", "🟢", "🔴", "⚪", "🟣"]


@settings(max_examples=150, deadline=None)
@given(
    legend=st.dictionaries(st.sampled_from(_GLYPHS), st.sampled_from(list(Status)), min_size=1),
    marker=st.sampled_from(["", *_GLYPHS]),
    status=st.sampled_from(list(Status)),
)
def test_an_edit_under_any_legend_reads_as_the_new_status(
    legend: dict[str, Status], marker: str, status: Status
) -> None:
    """Whatever glyphs a legend gives whatever statuses, an item given a new status reads
    as it: the glyph written is never one the legend gives another status."""
    said = " | ".join(f"{glyph} {meaning.label}" for glyph, meaning in legend.items())
    read = marker in legend or marker in EMOJI  # a glyph that is no status is title words
    line = f"- {marker} Search" if read else "- Search"
    text = f"# T Roadmap\n\n**Status Legend:** {said}\n\n{FOCUS[len('# T Roadmap') :]}{line}\n"
    written = _restatused(text, "Search", status)
    assert written.endswith(" Search"), written


BOXES = (
    "# LMS Checklist\n\n## Legend\n- `[ ]` Planned\n- `[/]` In Progress\n- `[x]` Done\n\n"
    "## Admin Tools\n- [/] AD-002: Users Table\n"
)


@pytest.mark.parametrize(
    ("status", "line"),
    [
        (Status.DONE, "- [x] AD-002: Users Table"),
        (Status.PLANNED, "- [ ] AD-002: Users Table"),
        (Status.BLOCKED, "- [ ] AD-002: Users Table (blocked)"),
        (Status.DROPPED, "- [ ] AD-002: Users Table (dropped)"),  # was "- ❌ ...": a "no"
    ],
)
def test_a_box_the_legend_keys_is_set_as_a_task_box_where_no_box_says_the_status(
    status: Status, line: str
) -> None:
    """A checklist keys "[/]" in progress: dropping its item wrote a cross in the box's
    place, which reads as no status where no word of the document says a cross drops work
    (the edit refused itself: "please report this"). With no box of its own for the new
    status, the item gets the task list's open box and the status's tag, as its other
    items do."""
    assert _restatused(BOXES, "AD-002", status) == line
