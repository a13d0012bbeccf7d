"""A document's own legend, however it is written: a paragraph, a table of symbols and their
meanings; what it defines gives the items their status, and its entries are no items."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import milepost
from milepost import api
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status
from tests.test_extract_status_places import edited


def statuses(text: str) -> list[tuple[str, str]]:
    return [(i.title, i.status.value) for i in milepost.loads(text).items if i.status]


ANNOTATIONS = (
    "# T Roadmap\n\n## List of Annotations\n\n"
    "| Symbol |     Description      |\n| :----- | :------------------: |\n"
    "| 🔍     |     Exploration      |\n| 👂🏽     | Waiting for feedback |\n"
    "| 🚦     | Work ready to begin  |\n| 🛠️     |   Work in progress   |\n"
    "| 🚀     |       Released       |\n| 🚫     |    Not on roadmap    |\n\n"
    "## Themes\n\n"
    "* 🚀 [VPC Construct](https://github.com/aws/aws-cdk/issues/5927)\n"
    "* 🛠️ [Garbage Collection for Assets](https://example.com/64)\n"
    "* 🚦️ [Rewrite EKS L2](https://example.com/605)\n"
    "* 🔍 [Auto-generation of L2 constructs](https://example.com/611)\n"
    "* 👂🏽 [CDK Refactoring](https://example.com/162)\n"
)


def test_a_legend_table_gives_its_glyphs_their_meaning() -> None:
    """A legend written as a table of symbols and meanings (aws-cdk's "List of Annotations")
    was not read: none of its glyphs is milepost's, so its items had no status. Its meanings
    are read by the words a legend paragraph's are ("Work ready to begin": ready to begin,
    planned); a meaning that is no status ("Waiting for feedback") gives none. The 🚦️ of
    an item, a variation selector after it, is the legend's 🚦."""
    assert statuses(ANNOTATIONS) == [
        ("VPC Construct", "done"),
        ("Garbage Collection for Assets", "in_progress"),
        ("Rewrite EKS L2", "planned"),
        ("Auto-generation of L2 constructs", "future"),
    ]
    sources = {i.status_from for i in milepost.loads(ANNOTATIONS).items if i.status}
    assert sources == {"legend"}


def test_a_legend_tables_rows_are_no_items() -> None:
    """Each row explains a glyph; none is a piece of work, whatever its glyph means: the
    row "| ✅ | Done |" was an item, done, named "Done"."""
    text = (
        "# T Roadmap\n\n| Symbol | Description |\n|---|---|\n| ✅ | Done |\n"
        "| 🚧 | Work in progress |\n\n- 🚧 Search\n"
    )
    assert statuses(text) == [("Search", "in_progress")]
    assert [i for i in milepost.loads(ANNOTATIONS).items if i.kind == "row"] == []


def test_a_legend_table_with_glyphs_it_defines_in_either_column() -> None:
    """The glyph on the right ("| Status | Icon |") is read alike, as is a legend with no
    heading of its own whose meanings are all statuses ("| ✅ | Done |")."""
    text = (
        "# T Roadmap\n\n| Meaning | Icon |\n|---|---|\n| Shipped | 🟣 |\n| Slow lane | 🐢 |\n\n"
        "| | |\n|---|---|\n| 🟠 | Blocked |\n| 🟤 | Someday |\n\n"
        "- 🟣 Search\n- 🐢 Export\n- 🟠 Sync\n- 🟤 Themes\n"
    )
    assert statuses(text) == [("Search", "done"), ("Sync", "blocked"), ("Themes", "future")]


def test_a_table_of_work_with_a_glyph_column_is_no_legend() -> None:
    """A two-column table whose glyphs mark pieces of work is a roadmap table: its rows are
    items, read as before."""
    text = "# T Roadmap\n\n| | Feature |\n|---|---|\n| ✅ | Search |\n| 🚧 | Export |\n"
    assert statuses(text) == [("Search", "done"), ("Export", "in_progress")]


def test_a_legend_table_may_say_what_no_mark_means() -> None:
    """A study tracker keys ":heavy_check_mark: Completed", ":pencil2: In Progress" and a
    blank cell "Planned": the blank row made the table no legend, its rows items, and
    ":pencil2:" said nothing. A list legend's "🔮 Planned for future" is future."""
    text = (
        "# Progress\n\n| Symbol | Explanation |\n|---|---|\n"
        "| :heavy_check_mark: | Completed |\n| :pencil2: | In Progress |\n| | Planned |\n\n"
        "| Courses | Status |\n|---|---|\n| CS61A | :heavy_check_mark: |\n"
        "| Programming Languages | :pencil2: |\n\n## Legend\n\n- 🔮 Planned for future\n\n"
        "## Later\n\n- 🔮 Offline sync\n"
    )
    assert statuses(text) == [
        ("CS61A", "done"),
        ("Programming Languages", "in_progress"),
        ("Offline sync", "future"),
    ]


def test_a_legend_table_may_name_some_marks_in_words() -> None:
    """VS Code's 2017 roadmap explains "bullet" and "check mark" in words beside its
    ":runner:" and ":muscle:": the table was no legend at all, and its items no status.
    Rows of words beside words are read only under a legend's header, beside two glyphs."""
    text = (
        "# T Roadmap\n\n| Mark | Description |\n|---|---|\n| bullet | work not started |\n"
        "| check mark | work completed |\n| :runner: | on-going work |\n"
        "| :muscle: | stretch goal |\n\n* [x] Minimap\n* :runner: Flexible layouts\n"
        "* :muscle: Profiling\n\n| Feature | Notes |\n|---|---|\n| Search | fast |\n"
        "| 🚀 | Launch work in progress |\n| 🐢 | done |\n\n- 🐢 Export\n"
    )
    assert statuses(text) == [
        ("Minimap", "done"),
        ("Flexible layouts", "in_progress"),
        ("Profiling", "future"),
    ]


def test_a_plain_bullet_among_marked_ones_has_the_status_the_legend_gives_it() -> None:
    """The same legend's "| bullet | work not started |": a plain bullet beside marked
    items is work not started; not one in a list of no markers (the intro's), not one a
    glyph the legend does not define leads, not one grouping marked items."""
    text = (
        "# VS Code Roadmap\n\n* **Happy Coding:** the core editor\n* **Extensions:** more\n\n"
        "| Mark | Description |\n|---|---|\n| bullet | work not started |\n"
        "| check mark | work completed |\n| :runner: | on-going work |\n\n## Workbench\n\n"
        "* [x] Multi-root workspaces\n* Improve notifications\n* :runner: Flexible layouts\n"
        "* 🐢 Settings sync\n* Node Debugging\n  * [x] Async stacks\n  * Column breakpoints\n"
    )
    assert statuses(text) == [
        ("Multi-root workspaces", "done"),
        ("Improve notifications", "planned"),
        ("Flexible layouts", "in_progress"),
        ("Async stacks", "done"),
        ("Column breakpoints", "planned"),
    ]


HUGO = (
    "# T\n\n| **State** | **Icon** |\n|---|---:|\n| Planned | {{< iconplanned >}} |\n"
    "| Under Construction | {{< iconinprogress >}} |\n| Available | {{< icondone >}} |\n\n"
    "| **Feature** | **State** |\n|---|---:|\n| AsOf joins | {{< icondone >}} |\n"
    "| Range types | {{< iconinprogress >}} |\n| Fulltext | {{< iconplanned >}} |\n"
)


def test_a_hugo_shortcode_drawing_an_icon_is_a_glyph_a_legend_defines(tmp_path: Path) -> None:
    """CedarDB's docs site draws its states with Hugo shortcodes ("{{< icondone >}}") and
    explains them in a table: its Status cells had no status. An edit writes the legend's."""
    assert statuses(HUGO) == [
        ("AsOf joins", "done"),
        ("Range types", "in_progress"),
        ("Fulltext", "planned"),
    ]
    after = edited(tmp_path / "roadmap.md", HUGO, ("ship", "Range types"))
    assert "| Range types | {{< icondone >}} |\n" in after


def test_a_legend_of_glyphs_the_codes_that_type_them_and_their_meanings() -> None:
    """A checklist keys its ":shortcode:" bullets in a table of "| Emoji | Code | Meaning |":
    three columns with no Status column were no legend, and its to-do items had no status."""
    text = (
        "# T\n\n## Setup\n\n- :white_check_mark: SD card\n- :black_square_button: WiFi\n"
        "- :bulb: Timezone\n\n# Emoji Codes\n\n| Emoji | Code | Meaning |\n|---|---|-|\n"
        "| :black_square_button: | `:black_square_button:` | To Do |\n"
        "| ✅ | `:white_check_mark:` | Complete |\n| 🐛 | `:bug:` | Problem/Bug |\n"
    )
    assert statuses(text) == [("SD card", "done"), ("WiFi", "planned"), ("Timezone", "future")]


def test_a_legend_list_may_part_glyphs_and_meanings_with_a_double_dash() -> None:
    """rust-lang's initiatives page keys its table "* 🛑 -- Blocked", "* 🚀 -- Feature
    complete and seeking feedback": the entries were items, and its rows had no status (a
    bar of glyphs in another cell, "▰▰▰▱▱", is a stage, not a second status)."""
    text = (
        "# T\n\nKey:\n\n* 🛑 -- Blocked (link to an issue)\n* ⏳ -- Paused\n"
        "* 🚀 -- Feature complete and seeking feedback\n\n"
        "| Initiative | | Stage | Owner |\n| --- | --- | --- | --- |\n"
        "| Never type | ⏳ | ▰▰▱▱▱ | mark |\n| Core feature | 🚀 | ▰▰▰▰▱ | amanieu |\n"
    )
    assert statuses(text) == [("Never type", "blocked"), ("Core feature", "done")]


def test_a_status_field_whose_value_is_a_glyph_the_legend_defines() -> None:
    """ "(status: ☐)" after each task, "Status legend: ☐ pending, ☐⚙ in progress, ☑ done."
    below them: the field's glyph was read only as an emoji of the vocabulary."""
    text = (
        "# T\n\n- **M0.1 — Smoke test** (status: ☐)\n- **M0.2 — Credentials** (status: ☑)\n\n"
        "Status legend: ☐ pending, ☐⚙ in progress, ☑ done.\n"
    )
    assert statuses(text) == [("M0.1 — Smoke test", "planned"), ("M0.2 — Credentials", "done")]


def test_an_edit_writes_the_legend_tables_glyph() -> None:
    """Started, an item marked with a glyph of the table takes the table's glyph for work in
    progress, as the document writes it (its variation selector too), and reads back as
    started."""
    roadmap = milepost.loads(ANNOTATIONS)
    item = next(i for i in roadmap.items if i.title == "Rewrite EKS L2")
    edit = ops.set_status(roadmap, item, Status.IN_PROGRESS)
    after = apply(roadmap.document.source, edit.patches).text
    assert "* 🛠\ufe0f [Rewrite EKS L2](https://example.com/605)\n" in after
    assert edit.verify(milepost.loads(after)) is None


HOW_TO_READ = (
    "# x402 Public Roadmap\n\n**How to read this**\n\n"
    "* **Now** = in flight or imminent.\n"
    '* **Next** = queued after "Now," dependent on feedback/uptake.\n'
    "* **Later** = larger bets or items gated on ecosystem maturity.\n"
    "* Each item lists **Why**, **What** and **Status**.\n\n"
    "## Next\n\n* Bazaar discovery\n"
)


def test_a_legend_written_as_a_list_of_definitions_holds_no_items() -> None:
    """x402's "How to read this" defines its headings' words in a list ("**Next** =
    queued ..."): each entry was read as an item, planned or future, named by its
    definition. They are no items; the work under "## Next" is."""
    assert statuses(HOW_TO_READ) == [("Bazaar discovery", "planned")]


@pytest.mark.parametrize(
    "legend",
    [
        "**Legend:**\n\n- 🟣 Shipped\n- 🟠 Blocked\n- ✅ Done",
        "Key:\n\n- 🟣 = shipped\n- 🟠 — blocked\n- ✅: done",
        "## Legend\n\nWhat the glyphs say:\n\n- 🟣 Shipped\n- 🟠 Blocked\n- ✅ Done",
        "- 🟣 = Shipped\n- 🟠 = Blocked\n- ✅ = Done",
    ],
)
def test_a_legend_list_gives_its_glyphs_their_meaning(legend: str) -> None:
    """A legend written as a list under "Legend:", "Key:" or a Legend heading, or as
    definitions ("🟣 = Shipped") anywhere, reads as a legend paragraph does: its entries
    are no items ("✅ Done" was done work named "Done"), its glyphs mean what they say."""
    text = f"# T Roadmap\n\n{legend}\n\n## Work\n\n- 🟣 Search\n- 🟠 Export\n- ✅ Sync\n"
    assert statuses(text) == [("Search", "done"), ("Export", "blocked"), ("Sync", "done")]


@pytest.mark.parametrize(
    "above",
    [
        "**Legend:** 🟢 Active | 🔴 Blocked",  # a legend paragraph: the list is work
        "## Key Milestones",
        "**Key results**",
    ],
)
def test_a_list_after_a_legend_paragraph_or_a_key_heading_is_work(above: str) -> None:
    text = f"# T Roadmap\n\n{above}\n\n- ✅ Search\n- 🚧 Export - sync first\n"
    assert statuses(text) == [("Search", "done"), ("Export - sync first", "in_progress")]


def test_a_legend_tables_meaning_may_say_more_after_its_status() -> None:
    text = (
        "# R\n\n| State | Meaning |\n| --- | --- |\n| 🦀 | In progress: work is ongoing! |\n"
        "| 💤 | Paused: we are waiting on other work. |\n\n## Overview\n\n"
        "| Deliverable | State |\n| --- | --- |\n| Async fn | 🦀  |\n| Scoped spawn | 💤 |\n"
    )
    assert statuses(text) == [("Async fn", "in_progress"), ("Scoped spawn", "blocked")]


def test_a_list_after_a_table_explaining_its_glyphs_is_its_legend() -> None:
    text = (
        "# T\n\n| Scenario | State |\n| --- | --- |\n| Settings UI | 📝 |\n"
        "| Command palette | ✔️ |\n| Themes | 🦶 |\n\n"
        "* 📝: The feature is currently in progress\n"
        "* ✔️: The feature is complete and shipped in a Preview build\n"
        "* 🦶: The feature is at risk of being punted to a future release cycle\n"
    )
    assert statuses(text) == [("Settings UI", "in_progress"), ("Command palette", "done")]


def test_a_list_of_work_with_glyphs_and_colons_stays_work() -> None:
    text = "# T\n\n- ✅: Search\n- 🚧: Sync\n- ✅: Export\n"
    assert statuses(text) == [("Search", "done"), ("Sync", "in_progress"), ("Export", "done")]


def test_a_meaning_with_a_status_word_in_its_middle_names_no_status() -> None:
    text = (
        "# R\n\n| Symbol | Meaning |\n| --- | --- |\n| 🦀 | Done when reviewed |\n\n"
        "| Item | State |\n| --- | --- |\n| Search | 🦀 |\n"
    )
    assert statuses(text) == []


STATUS_VALUES = (
    "- **Ideas**. Incoming feature requests not yet considered.\n"
    "- **Backlog**. Accepted requests we want to work on.\n"
    "- **Working on it**. Features we're currently researching or implementing.\n"
    "- **Shipped**. Features now available in the most recent release.\n"
    "- **On hold**. Features or items that are currently blocked.\n"
)


@pytest.mark.parametrize(
    "above",
    [
        "## Roadmap status definition\n\n",
        "## Board\n\nOn our board, you'll see the following values in the `Status` column:\n\n",
        "## Statuses\n\nWhat each status means:\n\n",
    ],
)
def test_a_list_defining_statuses_under_words_that_say_so_holds_no_items(above: str) -> None:
    """powertools-lambda-dotnet defines its board's Status values in a list of bold names
    ("* **Shipped**. Features now available ..."): Backlog, Shipped and On hold were read as
    items, planned, done and blocked."""
    text = f"# R\n\n## Work\n\n- [ ] Logger buffer\n\n{above}{STATUS_VALUES}"
    assert statuses(text) == [("Logger buffer", "planned")]


@pytest.mark.parametrize(
    "above",
    [
        "## Key Milestones\n\n",
        "## Status\n\n",
        "## Roadmap status definition\n\nThe steps we follow:\n\n",
    ],
)
def test_a_list_of_bold_names_not_said_to_define_statuses_stays_work(above: str) -> None:
    text = f"# R\n\n{above}- **Done**: search and export.\n- **In progress**: sync.\n"
    assert [s for _, s in statuses(text)] == ["done", "in_progress"]


@pytest.mark.parametrize(
    "legend",
    [
        "Legend: ✅ Done | 🔧 In Progress | 🔷 Planned",
        "**Status key:** ✅ Done, 🔧 In Progress, 🔷 Planned",
        "✅ Done | 🔧 In Progress | 🔷 Planned",
    ],
)
def test_a_one_line_legend_defines_glyphs_of_its_own(legend: str) -> None:
    """waveterm's "Legend: ✅ Done | 🔧 In Progress | 🔷 Planned" defined only ✅: a glyph
    milepost does not know (🔧, 🔷) was read from a legend list or table but not from a
    legend paragraph, so 27 items had no status."""
    text = f"# T Roadmap\n\n{legend}\n\n## Work\n\n- ✅ Search\n- 🔧 Export\n- 🔷 Sync\n"
    assert statuses(text) == [("Search", "done"), ("Export", "in_progress"), ("Sync", "planned")]


@pytest.mark.parametrize(
    "prose",
    [
        "We 🔧 fix bugs | 🔷 Planned work lands | later.",
        "Legend has it that 🔧 In Progress work is never done.",
        "Legend: ✅ Done | 🔧 In Progress | see the 🔷 board for the rest.",
    ],
)
def test_a_glyph_in_prose_defines_nothing(prose: str) -> None:
    """Only a paragraph that is all definitions ("glyph meaning", separated) defines glyphs
    milepost does not know: a glyph in running prose is no definition."""
    text = f"# T Roadmap\n\n{prose}\n\n## Work\n\n- 🔧 Export\n- 🔷 Sync\n"
    assert statuses(text) == []


def test_a_legend_after_the_table_gives_its_glyphs_meanings_said_with_adverbs() -> None:
    """dioxus explains its table's glyphs in a list after it: "🛠 = actively being worked
    on", "👀 = not yet implemented or being worked on". Neither meaning was read as a status
    (an adverb before "being worked on"; "not yet" before a status), so six rows had none."""
    text = (
        "# T\n\n| Feature | Status |\n| --- | --- |\n| Hooks | ✅ |\n| Portals | 🛠 |\n"
        "| Lazy | 👀 |\n\n- ✅ = implemented and working\n- 🛠 = actively being worked on\n"
        "- 👀 = not yet implemented or being worked on\n"
    )
    assert statuses(text) == [("Hooks", "done"), ("Portals", "in_progress"), ("Lazy", "planned")]


@pytest.mark.parametrize(
    ("meaning", "status"),
    [
        ("actively being worked on", "in_progress"),
        ("currently in development", "in_progress"),
        ("not yet implemented", "planned"),
        ("not yet started", "planned"),
        ("not yet implemented or being worked on", "planned"),
        ("Planning to build", "planned"),
        ("We plan to add", "planned"),
        ("Close to becoming stable, already released as unstable", "in_progress"),
        ("Almost there", "in_progress"),
        ("nearly ready", "in_progress"),
        ("Planned but not yet started", "planned"),
        ("Not Implemented - Feature is planned but not yet started", "planned"),
        ("Needs Work - Implemented but has known issues", None),
        ("not implemented", "planned"),
        ("Not implemented.", "planned"),
        ("not yet planned", "future"),
        ("not implemented yet", "planned"),
        ("not started yet.", "planned"),
        ("Not planned for implementation", "dropped"),
        ("Planned for v2", "planned"),
        ("Waiting for feedback", None),
        ("Not Supported: Not planned for implementation", "dropped"),
        ("Note: something", None),
        ("actively sought", None),
        ("Pending implementation", "planned"),  # a status, then a noun for the work
        ("Completed features", "done"),
        ("Pending review", None),
        ("Ready work", None),  # a weak word's: "Ready" says a status only where one is due
        ("Testing features", None),
    ],
)
def test_a_meaning_with_an_adverb_or_not_yet(meaning: str, status: str | None) -> None:
    from milepost.extract.legend import meaning_status

    found = meaning_status(meaning)
    assert (found.value if found else None) == status


def test_a_legend_set_in_a_code_block_for_its_layout_defines_its_glyphs() -> None:
    text = (
        "# R\n\n```\nLegend:\n🟢 Completed    🟡 In Progress    🔵 Planned\n```\n\n"
        "| Feature | Status |\n|---|---|\n| Docs | 🟢 |\n| Security | 🟡 |\n| PWA | 🔵 |\n\n"
        "```\n🟢 a line of code, not a legend\n```\n"
    )
    assert statuses(text) == [("Docs", "done"), ("Security", "in_progress"), ("PWA", "planned")]
    assert statuses(text.replace("Legend:\n", "")) == []


KEYED = (
    "# R\n\n## New components\n\n- 🛠 Work in progress, will be released as unstable\n"
    "- ⏳ Planning to build\n\n| Name | Product | Status |\n|---|---|---|\n"
    "| Charts | MUI X | ⏳ |\n| Dropzone | MUI X | ⏳ |\n| Data Grid | MUI X | 🛠 |\n"
)


def test_a_list_right_over_a_table_keys_the_glyphs_of_its_cells() -> None:
    assert statuses(KEYED) == [
        ("Charts", "planned"),
        ("Dropzone", "planned"),
        ("Data Grid", "in_progress"),
    ]
    # glyphs that no cell of the table holds alone: a list of work
    work = KEYED.replace("| ⏳ |", "| soon |").replace("| 🛠 |", "| now |")
    assert ("Planning to build", "in_progress") in statuses(work)


def test_a_list_of_work_over_a_table_of_the_same_glyphs_is_no_legend() -> None:
    text = (
        "# R\n\n- ✅ Shipped the new search\n- ⏳ Waiting on legal for export\n\n"
        "| Feature | Status |\n|---|---|\n| Search | ✅ |\n| Export | ⏳ |\n"
    )
    assert statuses(text) == [
        ("Shipped the new search", "done"),
        ("Waiting on legal for export", "in_progress"),
        ("Search", "done"),
        ("Export", "in_progress"),
    ]


def test_a_legend_on_a_line_of_a_block_quote_defines_its_glyphs() -> None:
    """reinforce-tactics keys its headings in a quote under the date line ("> **Last
    updated:** February 2026" over "> Status legend: ✅ Complete | 🟡 Partial | ⬚ Not
    Started"): the legend was never looked for in a quote, nor on a line of a longer
    paragraph, so thirteen ⬚ deliverables had no status and five 🟡 ones none either."""
    text = (
        "# R\n\n> **Last updated:** February 2026\n"
        "> Status legend: ✅ Complete | 🟡 Partial | ⬚ Not Started\n\n"
        "## Phase 1\n\n### 1.1 Benchmarks ⬚\n\n### 1.2 Docs 🟡\n\n### 1.3 Tests ✅\n"
    )
    assert statuses(text) == [
        ("1.1 Benchmarks", "planned"),
        ("1.2 Docs", "in_progress"),
        ("1.3 Tests", "done"),
    ]


def test_a_legend_line_under_its_label_line_of_one_paragraph_defines_its_glyphs() -> None:
    """A legend's paragraph with a line per key ("**Légende**", then "Priorité : ...", then
    "Statut : ✅ fait · 🔳 à faire"), a Status label before the statuses' line."""
    text = (
        "# R\n\n**Légende**\nPriorité : `P0` critique · `P1` important\n"
        "Statut : ✅ fait · 🔳 à faire\n\n## Travail\n\n- ✅ Colonne user_id\n"
        "- 🔳 Tester avec un 2e compte\n"
    )
    assert statuses(text) == [("Colonne user_id", "done"), ("Tester avec un 2e compte", "planned")]
    # a line of prose with glyphs in it defines nothing
    prose = text.replace("Statut : ✅ fait · 🔳 à faire", "We mark ✅ work · and 🔳 the rest")
    assert statuses(prose) == [("Colonne user_id", "done")]


BOXES = (
    "# R\n\n## チェックボックスの意味\n\n| マーカー | 意味 |\n|---|---|\n"
    "| `[x]` | コードおよびテストが存在 |\n| `[~]` | 部分実装 — 例: CRD フィールドのみ |\n"
    "| `[ ]` | 未着手 (設計のみ) |\n\n## G1\n\n- [x] Failover\n- [~] Backups\n  - [~] Restore\n"
    "- [ ] Sharding\n- [/] Metrics\n"
)


def test_a_box_of_a_task_lists_own_kind_that_the_legend_keys_is_a_status() -> None:
    """postgres-operator keys "[~]" (partly done) beside "[x]" and "[ ]" in a Japanese legend
    table: its twenty "- [~]" items had no status. A box no legend keys ("[/]") says none."""
    assert statuses(BOXES) == [
        ("Failover", "done"),
        ("Backups", "in_progress"),
        ("Restore", "in_progress"),
        ("Sharding", "planned"),
    ]
    listed = "# R\n\nLegend:\n\n- `[/]` In progress\n- `[x]` Done\n\n## Work\n\n- [/] Metrics\n"
    assert statuses(listed) == [("Metrics", "in_progress")]


@pytest.mark.parametrize(
    ("operation", "item", "before", "after"),
    [
        ("ship", "Backups", "- [~] Backups", "- [x] Backups"),
        ("start", "Sharding", "- [ ] Sharding", "- [~] Sharding"),
        ("start", "Failover", "- [x] Failover", "- [~] Failover"),
        ("block", "Backups", "- [~] Backups", "- [ ] Backups (blocked)"),  # a box still
    ],
)
def test_edits_write_the_legends_box_for_its_status(
    tmp_path: Path, operation: str, item: str, before: str, after: str
) -> None:
    path = tmp_path / "roadmap.md"
    path.write_text(BOXES, encoding="utf-8")
    api.edit(path, operation, item=item, today=dt.date(2026, 11, 25))
    assert path.read_text(encoding="utf-8") == BOXES.replace(before, after, 1)


def test_a_legend_table_of_status_glyph_and_description_defines_the_glyphs() -> None:
    """drivly's legend "| Status | Emoji | Description |" keys 📅 as Planned: its rows are no
    items, and "## 📅 0.4.0" is a planned release."""
    text = (
        "# T\n\n| Status | Emoji | Description |\n|---|---|---|\n"
        "| Idea | 💡 | Early concept |\n| Planned | 📅 | Planned and scheduled |\n"
        "| In Progress | 🏗️ | Being built |\n| Released | ✅ | Out |\n\n"
        "## 🏗️ 0.3.0\n\n- 🏗️ Evals\n\n## 📅 0.4.0\n"
    )
    roadmap = milepost.loads(text)
    assert roadmap.legend.glyph("📅") is Status.PLANNED
    assert [(i.title, i.status) for i in roadmap.items if i.status] == [
        ("0.3.0", Status.IN_PROGRESS),
        ("Evals", Status.IN_PROGRESS),
        ("0.4.0", Status.PLANNED),
    ]


def test_a_table_of_work_with_an_icon_column_is_no_legend() -> None:
    text = "# T\n\n| Feature | Status | Icon |\n|---|---|---|\n| Search | Done | ✅ |\n"
    assert [(i.title, i.status) for i in milepost.loads(text).items] == [("Search", Status.DONE)]


def test_a_glyph_the_document_always_writes_beside_another_status_says_that_status() -> None:
    """wild-kaeee writes "| ⏳ Ausstehend |" (pending) and feature matrices "### Auto-Links -
    PLANNED ⏳" over "| ⏳ |" cells: ⏳ alone was read in progress, its default, where the
    document never uses it so."""
    text = (
        "# T\n\n| Phase | Status |\n|---|---|\n| Routing | ⏳ Ausstehend |\n"
        "| Decomposition | ⏳ Ausstehend |\n\n### 2. Contacts ⏳\n\n### Auto-Links - PLANNED ⏳\n"
    )
    roadmap = milepost.loads(text)
    assert roadmap.legend.glyph("⏳") is Status.PLANNED
    assert [(i.title, i.status) for i in roadmap.items] == [
        ("Routing", Status.PLANNED),
        ("Decomposition", Status.PLANNED),
        ("2. Contacts", Status.PLANNED),
        ("Auto-Links", Status.PLANNED),
    ]


def test_a_glyph_beside_status_words_before_a_bracketed_note_is_paired_with_them() -> None:
    """A shell's spec index titles "### ⏳ Planned (Specification Complete, Implementation
    Pending)" and "### 009: Globbing ⏳ PLANNED": the words before a bracket were not read
    beside the glyph, so "| ⏳ Spec Ready |" was in progress, ⏳'s default."""
    text = (
        "# Specs\n\n### ⏳ Planned (Specification Complete, Implementation Pending)\n\n"
        "| Spec | Feature | Status |\n|---|---|---|\n| 009 | Globbing | ⏳ Spec Ready |\n\n"
        "### 009: Globbing ⏳ PLANNED\n"
    )
    assert milepost.loads(text).legend.glyph("⏳") is Status.PLANNED
    assert statuses(text) == [("Globbing", "planned"), ("009: Globbing", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        # once beside other words: not enough to say the document's own meaning
        "# T\n\n| Routing | ⏳ Pending |\n|---|---|\n\n### Contacts ⏳\n",
        # beside its own status's words too
        "# T\n\n- ⏳ Pending A\n- ⏳ Pending B\n- ⏳ In progress\n\n### Contacts ⏳\n",
    ],
)
def test_a_glyph_keeps_its_status_unless_the_document_always_says_another(text: str) -> None:
    assert milepost.loads(text).legend.glyph("⏳") is None


def test_a_legend_names_weak_word_gives_way_to_its_description() -> None:
    """CapsuleUI's legend "- ✅ **Ready** - Component is complete and stable" made ✅ planned
    (ready to begin) and every finished component planned with it: a weak name, its
    description says what it means."""
    text = (
        "# T\n\n## Status Legend\n\n- ✅ **Ready** - Component is complete and stable\n"
        "- 🚧 **In Development** - Component is being worked on\n\n## Components\n\n"
        "- ✅ **Accordion** - Collapsible panels\n- 🚧 **Card** - Container\n"
    )
    roadmap = milepost.loads(text)
    assert roadmap.legend.glyph("✅") is Status.DONE
    assert [(i.title, i.status) for i in roadmap.items] == [
        ("Accordion - Collapsible panels", Status.DONE),
        ("Card - Container", Status.IN_PROGRESS),
    ]


def test_a_paragraph_of_one_definition_a_line_is_a_legend() -> None:
    """vuejs-tour defines its glyphs a line each ("✔️ = Done", "🕔 = Postponed", "🚧 = In
    Progress"), then ends a feature with 🚧: only a line of two definitions or more was read.
    Lines of glyphs and names without a sign define nothing."""
    legend = "✔️ = Done    \n🕔 = Postponed    \n🚧 = In Progress\n"
    text = f"# Roadmap\n{legend}\n## 2.1.0\n\n* Reference pages 🚧\n"
    roadmap = milepost.loads(text)
    assert roadmap.legend.glyph("🚧") is Status.IN_PROGRESS
    assert [(i.title, i.status) for i in roadmap.items] == [("Reference pages", Status.IN_PROGRESS)]
    unsigned = text.replace(legend, "🚧 Search\n🚧 Export\n")
    assert milepost.loads(unsigned).legend.glyph("🚧") is None


def test_a_paragraph_of_shortcodes_each_with_its_meaning_is_a_legend() -> None:
    """nexq defines its shortcodes a line each, no label: ":scroll: - Future"; the ballot
    box it calls partly complete is in progress there, not done."""
    text = (
        "# Features\n\n:scroll: - Future\n:ballot_box_with_check: - Partially Complete\n"
        ":white_check_mark: - Completed\n\n## Storage\n\n- :white_check_mark: Memory\n"
        "- :ballot_box_with_check: SQL\n- :scroll: - Raft\n"
    )
    assert statuses(text) == [("Memory", "done"), ("SQL", "in_progress"), ("Raft", "future")]


def test_a_cross_the_legend_calls_not_implemented_yet_is_planned_work() -> None:
    """Mocktrix's legend says "❌ - not implemented yet": its 78 crossed endpoints were read
    as dropped, as a cross is where no legend says otherwise."""
    text = (
        "# Status\n\nLegend:\n\n* ✅ - implemented\n* ❌ - not implemented yet\n\n"
        "## API\n\n* ✅ GET /versions\n* ❌ POST /filter\n"
    )
    assert statuses(text) == [("GET /versions", "done"), ("POST /filter", "planned")]


def test_the_first_legend_to_define_a_glyph_keeps_it() -> None:
    """An inventory app's legend says "📋 **Backlog**: Not yet scheduled", and a table
    further down, broken into a paragraph by a blank line, pairs 📋 with "Under
    consideration": the later pair took the legend's place, so its backlog read as future."""
    text = (
        "# Roadmap\n\n## Legend\n\n- 🎯 **Planned**: Scheduled for development\n"
        "- 📋 **Backlog**: Not yet scheduled, but under consideration\n\n"
        "## Backlog\n\n- 📋 Supplier management\n\n## Release Schedule\n\n"
        "| Version | Status |\n\n|---|---|\n| 1.1.0 | 🎯 Planned |\n"
        "| 3.0.0 | 📋 Under consideration |\n"
    )
    assert ("Supplier management", "planned") in statuses(text)


CODED_BOXES = (
    "# Tasks\n\n## Status Legend\n\n- `[x]` Done\n- `[-]` In Progress\n- `[ ]` Planned\n\n"
    "## Milestones\n\n- `[x] 1.1` Stripe billing scaffold\n- `[-] 1.2` Webhook ingestion\n"
    "- `[ ] 4.2` Usage metering engine\n"
)


def test_boxes_written_in_code_are_boxes_where_the_legend_keys_boxes() -> None:
    """A legend listing boxes in code (so GitHub draws no task list) marks the items with
    boxes in code too: the legend's own ``[-]``, and the ticked and open boxes beside it;
    the legend's entries are no items."""
    roadmap = milepost.loads(CODED_BOXES)
    assert [(i.title, i.status) for i in roadmap.items if i.status] == [
        ("1.1 Stripe billing scaffold", Status.DONE),
        ("1.2 Webhook ingestion", Status.IN_PROGRESS),
        ("4.2 Usage metering engine", Status.PLANNED),
    ]


def test_an_edit_sets_the_box_written_in_code(tmp_path: Path) -> None:
    text = edited(
        tmp_path / "roadmap.md",
        CODED_BOXES,
        ("start", "Usage metering engine"),
        ("ship", "Webhook ingestion"),
        ("block", "Stripe billing scaffold"),
    )
    assert text.split("## Milestones\n\n")[1] == (
        "- ⛔ `[ ] 1.1` Stripe billing scaffold\n- `[x] 1.2` Webhook ingestion\n"
        "- `[-] 4.2` Usage metering engine\n"
    )


def test_a_legend_label_over_a_definition_a_line_after_the_work() -> None:
    """ "**Legend:**" with each definition on a line of its own (hard breaks), after the
    work it keys: 🟧 is in progress, ⬜ not started."""
    text = (
        "# Wallet\n\n## Month 1\n\n1. 🟧 Add missing endpoints\n2. ⬜ Setup wizard\n"
        "3. ✅ TLS update\n\n---\n\n**Legend:**  \n✅ = Done  \n🟧 = In progress  \n"
        "⬜ = Not yet started\n"
    )
    roadmap = milepost.loads(text)
    assert [(i.title, i.status) for i in roadmap.items] == [
        ("Add missing endpoints", Status.IN_PROGRESS),
        ("Setup wizard", Status.PLANNED),
        ("TLS update", Status.DONE),
    ]


def test_a_glyph_the_legend_keys_under_investigation_is_future() -> None:
    text = (
        "# Mower\n\n## Feature Status Legend\n\n- ✅ **Implemented**: working\n"
        "- 🔍 **Under Investigation**: being researched\n\n## Navigation\n\n"
        "- ✅ **GPS**: RTK support\n- 🔍 **Pattern Mowing**: decorative patterns\n"
    )
    roadmap = milepost.loads(text)
    assert [(i.title, i.status) for i in roadmap.items] == [
        ("GPS: RTK support", Status.DONE),
        ("Pattern Mowing: decorative patterns", Status.FUTURE),
    ]


PLATFORMS = (
    "# Roadmap\n\n## Status Legend\n\n| Status | Icon | Description |\n|---|---|---|\n"
    "| Completed | ✅ | Live |\n| In Progress | 🚧 | Being built |\n"
    "| Planned | 📋 | Scheduled |\n\n## Features\n\n"
    "| Feature | iOS | Android | Backend |\n|---|---|---|---|\n"
    "| Login | ✅ | ✅ | ✅ |\n| Sign-In | 🚧 | 🚧 | ✅ |\n| Search | 📋 | 📋 | 📋 |\n"
)


def test_a_row_whose_platforms_agree_on_a_glyph_the_legend_keys_has_that_status(
    tmp_path: Path,
) -> None:
    """Up to three glyph cells that agree give the row their status (the platforms it
    ships on); cells that differ compare them, no status. An edit sets every one."""
    roadmap = milepost.loads(PLATFORMS)
    assert [(i.title, i.status) for i in roadmap.items if i.status] == [
        ("Login", Status.DONE),
        ("Search", Status.PLANNED),
    ]
    text = edited(tmp_path / "roadmap.md", PLATFORMS, ("start", "Search"))
    assert "| Search | 🚧 | 🚧 | 🚧 |" in text


def test_edits_of_a_box_in_code_one_after_another_keep_one_marker(tmp_path: Path) -> None:
    """Where the legend keys only its own box, the ticked box in code is still the item's:
    blocked (no box says so) it opens behind the glyph; shipped, the glyph goes and it
    ticks again."""
    text = "# Tasks\n\n## Legend\n\n- `[-]` In Progress\n\n## M\n\n- `[x] 1.1` Stripe scaffold\n"
    path = tmp_path / "roadmap.md"
    blocked = edited(path, text, ("block", "Stripe scaffold"))
    assert blocked.endswith("- ⛔ `[ ] 1.1` Stripe scaffold\n")
    assert [i.title for i in milepost.loads(blocked).items] == ["1.1 Stripe scaffold"]
    shipped = edited(path, blocked, ("ship", "Stripe scaffold"))
    assert shipped.endswith("- `[x] 1.1` Stripe scaffold\n")
    started = edited(path, shipped, ("start", "Stripe scaffold"))
    assert started.endswith("- `[-] 1.1` Stripe scaffold\n")


def test_a_task_box_written_as_code_of_its_own_is_the_items(tmp_path: Path) -> None:
    """A Vim plugin's TODO writes each box as code ("* `[ ]` completion", "* `[X]` globals"),
    no legend beside them: its 21 tasks had no status. A box the code holds with more
    ("`[ ] 1.1`") still needs a legend that keys boxes; one with no task's meaning ("`[>]`")
    says nothing. Started, the glyph leads and the box stays; shipped, the box ticks."""
    text = (
        "# TODOs\n\n## version 0.2\n\n* `[ ]` completion\n* `[X]` globals\n"
        "* `[>]` options\n* `[ ] 1.1` Stripe\n* use `[ ]` for boxes\n"
    )
    assert statuses(text) == [("completion", "planned"), ("globals", "done")]
    path = tmp_path / "roadmap.md"
    started = edited(path, text, ("start", "completion"))
    assert "* 🚧 `[ ]` completion\n" in started
    assert ("completion", "in_progress") in statuses(started)
    shipped = edited(path, started, ("ship", "completion"))
    assert "* `[x]` completion\n" in shipped
    assert ("completion", "done") in statuses(shipped)
    # code of more backticks, or a blank inside each end, as the reader takes it
    other = "# T\n\n## v\n\n* ``[ ]`` completion\n* ` [x] ` globals\n"
    assert statuses(other) == [("completion", "planned"), ("globals", "done")]
    written = edited(path, other, ("ship", "completion"), ("drop", "globals"))
    assert written.endswith("* ``[x]`` completion\n* ❌ ` [ ] ` globals\n")
    assert statuses(written) == [("completion", "done"), ("globals", "dropped")]


def test_a_cross_the_legend_calls_not_interested_is_dropped() -> None:
    """A proxy's legend keys ❌ "Not Interested": work it will not do, dropped, as "Won't
    do" is (a bare ❌ without a legend saying so is a "no")."""
    text = (
        "# Proxy\n\n**Legend:**\n- ✅ Implemented\n- ❌ Not interested\n\n"
        "## Protocols\n\n- ✅ Trojan\n- ❌ QUIC\n"
    )
    assert statuses(text) == [("Trojan", "done"), ("QUIC", "dropped")]


def test_boxes_a_legend_keys_a_line_each_and_an_open_box_without_its_blank(
    tmp_path: Path,
) -> None:
    """A marketplace's status file keys its own boxes under "# Legend", a line each: "[] -
    not Started", "[*] - in Progress", "[+] - Completed"; "[]", an open box written without
    its blank (GFM draws none; a reader sees one), is planned wherever it stands. Edits set
    the legend's boxes, and give "[]" its blank where the legend keys none."""
    text = (
        "# Backend\n\n * [*] User Service\n\n * [] Cart Service\n    - [] Schema\n\n"
        "# Legend\n[] - not Started\n[*] - in Progress\n[+] - Completed\n"
    )
    assert statuses(text) == [
        ("User Service", "in_progress"),
        ("Cart Service", "planned"),
        ("Schema", "planned"),
    ]
    assert " * [+] Cart Service\n" in edited(tmp_path / "r.md", text, ("ship", "Cart Service"))
    plain = "# TODO\n\n## Next\n\n- [] Game DB\n"
    assert milepost.loads(plain).items[0].status is Status.PLANNED
    assert edited(tmp_path / "p.md", plain, ("ship", "Game DB")).endswith("- [x] Game DB\n")


def test_a_legend_a_line_each_ending_in_a_written_break() -> None:
    """An animation editor's legend breaks its lines with HTML: "✔️ = Done<br>", "🔧 = Work
    in progress<br>", "❌ = To do<br>"; the break ended each meaning, and none was read (a
    backslash breaks a line as well)."""
    text = (
        "# Roadmap\n\n### Legend\n✔️ = Done<br>\n🔧 = Work in progress<br>\n❌ = To do\\\n"
        "⏸️ = Paused\n\n## Features\n\n* 🔧 Plugin system\n* ❌ Palette\n* ⏸️ Sync\n"
    )
    assert statuses(text) == [
        ("Plugin system", "in_progress"),
        ("Palette", "planned"),
        ("Sync", "blocked"),
    ]


def test_a_legend_of_boxes_a_line_each_keys_the_ticked_box_too() -> None:
    """A legend's line "[x] - Done" is one like "[~] - In progress<br>": with it among them the
    legend was not read, and a written break ended a box's meaning."""
    text = (
        "# T\n\n## Legend\n\n[ ] - Not started\n[x] - Done\n[~] - In progress<br>\n\n"
        "## Work\n\n- [~] Search\n"
    )
    assert statuses(text) == [("Search", "in_progress")]


def test_agreeing_glyphs_in_a_comparison_table_say_no_status() -> None:
    """A notes app's "### vs. Notion" table puts ✅ under both products ("| Backlinks | ✅ |
    ✅ |"), where its legend keys "✅ = Fully implemented": the glyphs say what each product
    has, not how far work has come. The same row under a heading that compares nothing
    has the status its glyphs agree on; "Comparison ops" names operators, no comparison."""
    legend = "# Notes\n\n✅ = Fully implemented\n❌ = Not started\n\n"
    table = "| Feature | 4diary | Notion |\n|---|---|---|\n| Backlinks | ✅ | ✅ |\n"
    assert statuses(legend + "## Feature Comparison\n\n### vs. Notion\n\n" + table) == []
    assert statuses(legend + "## Features\n\n" + table) == [("Backlinks", "done")]
    assert statuses(legend + "### Comparison ops\n\n" + table) == [("Backlinks", "done")]


def test_fully_implemented_says_done() -> None:
    """A Status cell "Fully implemented" is done, as "Fully complete" is."""
    text = "# T\n\n| Router | Status |\n|---|---|\n| Sheets | Fully implemented |\n"
    assert statuses(text) == [("Sheets", "done")]


def test_a_legend_of_boxes_on_one_line_keys_the_items_boxes() -> None:
    """ "Legend: `[ ]` todo · `[~]` in progress · `[x]` done · `[!]` blocked", as a legend of
    glyphs on one line is read: the boxes it keys say what it says."""
    text = (
        "# R\n\n**Legend:** `[ ]` todo · `[~]` in progress · `[x]` done · `[!]` blocked\n\n"
        "- [!] **Founder: run the smoke test**\n- [~] Wire timers\n- [x] Ship API\n- [ ] Docs\n"
    )
    assert statuses(text) == [
        ("Founder: run the smoke test", "blocked"),
        ("Wire timers", "in_progress"),
        ("Ship API", "done"),
        ("Docs", "planned"),
    ]


def test_work_progressing_as_planned_is_in_progress() -> None:
    """A sprint roadmap's legend keys "🟢 **Progredindo como planejado**" (progressing as
    planned) beside "🟡 **Em progresso**": both in progress, "as planned" no plan of its own;
    its milestone table's "✅ Progredindo como planejado" says so in words, which win."""
    text = (
        "# Roadmap\n\n## Sprint 5\n\n- 🟢 Telas do frontend\n- 🟡 Testes e2e\n\n"
        "| Milestone | Status |\n|---|---|\n| Entrega final | ✅ Progredindo como planejado |\n"
        "| Setup | ✅ Concluído |\n\n## Legenda\n\n- ✅ **Completado**\n"
        "- 🟢 **Progredindo como planejado**\n- 🟡 **Em progresso**\n"
    )
    assert statuses(text) == [
        ("Telas do frontend", "in_progress"),
        ("Testes e2e", "in_progress"),
        ("Entrega final", "in_progress"),
        ("Setup", "done"),
    ]
    english = "# R\n\n| Work | Status |\n|---|---|\n| Sync | Progressing |\n"
    assert statuses(english) == [("Sync", "in_progress")]


def test_a_check_mark_after_an_open_box_says_done_where_the_legend_keys_it() -> None:
    """A graduation checklist leaves every box open and keeps the glyph after it up to date,
    its "### Key" below: ":white_check_mark: - Complete". There the check mark says done;
    with no legend a ✅ after an open box is a bullet style, and the box says planned."""
    text = (
        "# Graduation Status\n\n## Status\n\n- [ ] :white_check_mark: Stable release(s)\n"
        "- [ ] :large_orange_diamond: Sufficient testing\n- [ ] :red_circle: Release plan\n\n"
        "### Key\n* :white_check_mark: - Complete\n* :large_orange_diamond: - Partially "
        "complete\n* :red_circle: - Not complete/started or unknown\n"
    )
    assert statuses(text) == [
        ("Stable release(s)", "done"),
        ("Sufficient testing", "in_progress"),
        ("Release plan", "planned"),
    ]
    bare = "# R\n\n## Status\n\n- [ ] ✅ Stable release\n- [ ] 🚧 Testing\n"
    assert statuses(bare) == [("Stable release", "planned"), ("Testing", "in_progress")]


def test_a_glyph_that_status_fields_always_write_beside_one_status_says_it() -> None:
    """A Portuguese roadmap opens each phase with "**Status: 📝 Planejado**" and lists its
    quarters' deliverables "- 📝 Aplicação mobile": 📝, a glyph of no status of its own,
    says planned there. Once is no habit, and a glyph a field also writes beside another
    status's words says neither."""
    text = (
        "# Roadmap\n\n### Fase 3\n**Status: 📝 Planejado**\n\n### Fase 4\n"
        "**Status: 📝 Planejado**\n\n## Entregas\n\n- ✅ Dashboard\n- 📝 Aplicação mobile\n"
    )
    assert statuses(text) == [
        ("Fase 3", "planned"),
        ("Fase 4", "planned"),
        ("Dashboard", "done"),
        ("Aplicação mobile", "planned"),
    ]
    once = "# R\n\n### Fase 3\n**Status: 📝 Planejado**\n\n## Entregas\n\n- 📝 Mobile\n"
    assert ("Mobile", "planned") not in statuses(once)
    mixed = (
        "# R\n\n### A\n**Status: 📝 Planned**\n\n### B\n**Status: 📝 Planned**\n\n"
        "### C\n**Status: 📝 Done**\n\n## Work\n\n- 📝 Mobile\n"
    )
    assert ("Mobile", "planned") not in statuses(mixed)


CODES = (
    "C - Complete\nD - Doing\nNW - Not working on yet\nND - Decided not to do this\n\n"
    "# Step 1: Set Up\n\n| Progress | Date Finished | Task\n|----------|---------------|-----\n"
    "|C         | 2/23/2019     | Create the starting files.\n"
    "|D         | NaN    | Add license.\n"
    "| NW | NAN| Download PDB files.\n"
    "|ND        | NaN           | Sort train set by length.\n"
)


def test_a_legend_of_codes_in_capitals_gives_them_their_meaning() -> None:
    """A paragraph keying codes to statuses, one a line ("C - Complete", "NW - Not working on
    yet"), and a Progress column of those codes: none of the rows had a status (the codes
    are no words of the vocabulary; only the legend gives them meaning, and "C", "D" and
    "ND" share letters). Work "decided not to" do is dropped."""
    assert statuses(CODES) == [
        ("Create the starting files.", "done"),
        ("Add license.", "in_progress"),
        ("Download PDB files.", "planned"),
        ("Sort train set by length.", "dropped"),
    ]
    listed = "C - Complete\nD - Doing\n\n## Work\n\n- D - Parse\n- C: Setup\n- CI for docs\n"
    assert statuses(listed) == [("Parse", "in_progress"), ("Setup", "done")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "API - the interface\nCLI - the command line",  # meanings that are no statuses
        "C - Complete",  # one line: a sentence, no legend
        "C - Complete\nD - Doing\nand more besides",  # a line that defines no code
    ],
)
def test_a_paragraph_that_keys_no_statuses_to_codes_is_no_legend(paragraph: str) -> None:
    text = f"{paragraph}\n\n# Work\n\n| Status | Task |\n|---|---|\n| C | Setup |\n| D | Parse |\n"
    assert statuses(text) == []


def test_a_legend_line_may_part_its_definitions_with_dashes() -> None:
    """ "**Status legend:** ⬜ planned - 🟨 in progress - 🟩 done" was read as one definition,
    ⬜ "planned - 🟨 in progress - 🟩 done": the 🟨 and 🟩 rows had no status."""
    text = (
        "# R\n\n| Stage | Goal | Status |\n|---:|---|:---:|\n| 0 | Portfolio | 🟩 |\n"
        "| 1 | Foundations | 🟨 |\n| 2 | Containers | ⬜ |\n\n"
        "**Status legend:** ⬜ planned - 🟨 in progress - 🟩 done\n"
    )
    assert statuses(text) == [
        ("Portfolio", "done"),
        ("Foundations", "in_progress"),
        ("Containers", "planned"),
    ]


def test_a_legend_may_give_each_glyph_a_paragraph_of_its_own() -> None:
    """octo-ui writes its legend as two paragraphs, "✅ done" and "⚒️ WIP", and ends items
    with the glyphs: "Tooltip ⚒️" had no status (⚒️ is none of milepost's)."""
    text = "# R\n\n## Components\n\n✅ done\n\n⚒️ WIP\n\n<br>\n\n- Button ✅\n- Tooltip ⚒️\n"
    assert statuses(text) == [("Button", "done"), ("Tooltip", "in_progress")]
    # one such paragraph alone is a line of the page, no legend
    assert statuses(text.replace("✅ done\n\n", "")) == [("Button", "done")]


@pytest.mark.parametrize(
    "text",
    [
        # a summary of parts' statuses: "UI" is no initial of "Complete"
        "## Status\n\nUI: Complete\nAPI: In progress\nDB: Planned\n\n## Work\n\n- API: paging\n",
        "MVP - Done\nGA - Planned\n\n- MVP - Launch page\n",
    ],
)
def test_lines_of_names_and_statuses_are_no_legend_of_codes(text: str) -> None:
    """A code stands for its meaning, each letter an initial of its words ("NW - Not
    working on yet"); a part's name beside its status is a summary, and the list below
    it names work, no status."""
    assert statuses(text) == []


def test_the_first_legend_to_define_a_code_keeps_it() -> None:
    text = (
        "C - Complete\nD - Doing\n\n## Work\n\n- C - Setup\n\n## Notes\n\n"
        "C - Cancelled\nD - Doing\n"
    )
    assert statuses(text) == [("Setup", "done")]


def test_a_letter_that_folds_to_a_code_in_no_case_is_no_code() -> None:
    """ "ſ" matches "s" where case is ignored, but is no "s" lowered: reading "- ſ - x"
    under "S - Shipped" raised KeyError."""
    text = "S - Shipped\nP - Planned\n\n## Work\n\n- ſ - x\n- S - y\n- P-ish z\n"
    assert statuses(text) == [("y", "done")]


def test_lines_of_a_page_a_glyph_each_are_no_legend() -> None:
    """ "🎉 Shipped!" over "🚀 Coming soon" are a page's lines, none a glyph of milepost's
    in its own meaning: they made 🚀 planned and 🎉 done under "## Ideas"."""
    text = (
        "# R\n\n## News\n\n🎉 Shipped!\n\n🚀 Coming soon\n\n## Ideas\n\n"
        "- 🚀 Faster startup\n- 🎉 Confetti\n"
    )
    assert statuses(text) == [("🚀 Faster startup", "future"), ("🎉 Confetti", "future")]
    three = "# R\n\n✅ done\n\n⚒️ WIP\n\n🐢 blocked\n\n- Button ✅\n- Tooltip ⚒️\n- Slider 🐢\n"
    assert [s for _, s in statuses(three)] == ["done", "in_progress", "blocked"]


def test_a_list_of_a_glyph_a_status_and_a_name_after_a_dash_is_work() -> None:
    """ "- ✅ Done - Login page" names work as an unlabelled legend entry ("- ✅ **Completed**
    - Project built and documented") would name a meaning: nothing tells them apart but
    what the words mean, so a list of them stays work (a review found a reading of such
    entries as a legend's swallowing lists of work)."""
    work = (
        "# R\n\n## Roadmap\n\n- ✅ Done - Login page\n- 🚧 In progress - Search\n"
        "- 📋 Planned - Billing\n"
    )
    assert [s for _, s in statuses(work)] == ["done", "in_progress", "planned"]


@pytest.mark.parametrize(
    "legend",
    [
        "C - Complete\nIP - In-progress\nNS - Not-started",  # words joined by hyphens
        "C - **Complete**\nIP - **In progress**\nNS - **Not started**",  # in bold
    ],
)
def test_a_codes_initials_are_those_of_its_meanings_words_as_written(legend: str) -> None:
    text = f"{legend}\n\n| Task | Status |\n|---|---|\n| Setup | C |\n| API | IP |\n| UI | NS |\n"
    assert [s for _, s in statuses(text)] == ["done", "in_progress", "planned"]


def test_a_cycle_beside_planned_in_status_fields_still_says_work_under_way() -> None:
    """A Java framework's roadmap writes "**Status**: 🔄 Planned" over each later release and
    "- 🔄 Integration Testing" beside "- ✅ Robust Testing" under "### v1.0 Features (In
    Progress)": the 🔄 alone was read planned, as if the document always meant that. Checks
    and the glyphs of work under way say what they say in any document; only glyphs people
    read two ways (⏳ waiting or under way) take the words they always stand beside."""
    text = (
        "# Roadmap\n\n### v1.0 Features (In Progress)\n\n- ✅ Robust Testing\n"
        "- 🔄 Integration Testing\n\n### Lightweight ORM\n\n**Status**: 🔄 Planned\n\n"
        "### Production Tools\n\n**Status**: 🔄 Planned\n"
    )
    roadmap = milepost.loads(text)
    assert roadmap.legend.glyph("🔄") is None
    assert statuses(text) == [
        ("v1.0 Features", "in_progress"),
        ("Robust Testing", "done"),
        ("Integration Testing", "in_progress"),
        ("Lightweight ORM", "planned"),
        ("Production Tools", "planned"),
    ]


def test_a_legend_list_may_write_each_glyph_after_its_meaning() -> None:
    """A Discord bot's to-do keys its glyphs under "### Legend" after the words, "Indicates
    fully implemented ✅", "~~Indicates SCRAPPED feature~~ ⛔": the entries were read as work,
    and ⛔ after a struck item as no status; "Indicates", "means", "denotes" open a meaning."""
    text = (
        "# Bot\n\n> ### Legend\n> * **Indicates a WORK IN PROGRESS** ⏳\n"
        "> * Indicates fully implemented ✅\n> * ~~Indicates SCRAPPED feature~~ ⛔\n"
        "> * *Indicates HELP WANTED* ⚠\n\n# Planned changes\n\n* Use Shards ✅\n"
        "* ~~JSon Log mode~~ ⛔\n* **Update Checking** ⏳\n"
    )
    roadmap = milepost.loads(text)
    assert roadmap.legend.glyph("⛔") is Status.DROPPED
    assert statuses(text) == [
        ("Use Shards", "done"),
        ("JSon Log mode", "dropped"),
        ("Update Checking", "in_progress"),
    ]


def test_a_legend_under_status_indicators_and_a_summary_of_rough_counts() -> None:
    """A music player's roadmap keys its marks under "### Status Indicators" ("- ⏸️ **On
    Hold** - Postponed or blocked") and sums them up as "- ✅ Done: ~65": both were read as
    work (a blocked item and a dropped one among them). Neither is: the first is a legend,
    the second counts, about or not; the legend's ⏸️ then marks on-hold work."""
    text = (
        "# R\n\n### Status Indicators\n- ✅ **Done** - Feature is fully implemented\n"
        "- ⏸️ **On Hold** - Postponed or blocked\n- ❌ **Cancelled** - No longer planned\n\n"
        "### Quick Stats\n- ✅ Done: ~65\n- ⏸️ On Hold: 0\n- ❌ Cancelled: 0\n\n"
        "### Current Sprint\n- **Completed:** ~65 features\n\n## Work\n\n- ⏸️ Sync\n- ✅ Search\n"
    )
    assert statuses(text) == [("Sync", "blocked"), ("Search", "done")]


@pytest.mark.parametrize(
    ("meaning", "status"),
    [
        ("Fully Supported", "done"),
        ("Full support", "done"),
        ("Fully compatible", "done"),
        ("Partly Supported", "in_progress"),
        ("Partial support", "in_progress"),
        ("Not Supported (but might be in the future)", "future"),
        ("No intention to ever support", "dropped"),
        ("Not supported", None),  # no plan at all ("not implemented" is work not built yet)
        ("Not Applicable", None),
        ("Supported", None),
        ("Full support for Markdown", None),  # a feature's description, no level
        ("No plans to support Windows", None),
        ("完全互換", "done"),
        ("部分互換（名称・挙動要確認）", "in_progress"),
        ("未対応", "planned"),
    ],
)
def test_a_support_matrixs_legend_says_how_far_each_feature_has_come(
    meaning: str, status: str | None
) -> None:
    from milepost.extract.legend import meaning_status

    found = meaning_status(meaning)
    assert (found.value if found else None) == status


def test_a_support_matrix_keyed_by_its_legend_gives_each_row_the_glyphs_status() -> None:
    """The gossip client's NIP table: a legend list of support levels, then a Support Level
    column of a glyph and a word that echoes it ("✅ full"); a glyph the legend calls "Not
    Applicable" gives no status, and neither does any word after a glyph where no legend
    keys it."""
    text = (
        "# NIP support\n\n- ✅ = Fully Supported\n- 🟩 = Partly Supported\n"
        "- ⬜ = Not Supported (but might be in the future)\n"
        "- 🟫 = No intention to ever support\n- ⬛ = Not Applicable\n\n"
        "| NIP | Name | Support Level | Notes\n| --- | --- | --- | ---\n"
        "| 01 | Basic protocol | ✅ full |\n| 03 | Timestamps | ⬜ none |\n"
        "| 06 | Key derivation | 🟫 none | not needed\n| 07 | Browser capability | ⬛ n/a |\n"
        "| 11 | Relay information | 🟩 partial | Not all fields\n"
    )
    assert statuses(text) == [
        ("Basic protocol", "done"),
        ("Timestamps", "future"),
        ("Key derivation", "dropped"),
        ("Relay information", "in_progress"),
    ]
    unkeyed = "# T\n\n| Feature | Support |\n| --- | --- |\n| A | ✅ full |\n| B | ⬜ none |\n"
    assert statuses(unkeyed) == []
    symbols = "# 编译器\n\n## 符号\n\n- ✅ 符号表\n- 🚧 调试符号\n"  # symbol tables, no legend
    assert statuses(symbols) == [("符号表", "done"), ("调试符号", "in_progress")]


def test_a_legend_paragraph_labelled_symbols_in_japanese_and_parted_by_slashes() -> None:
    text = (
        "# ロードマップ\n\n記号: ✅ 完全互換 / ⚠️ 部分互換（名称・挙動要確認）/ ❌ 未対応。"
        "`--unstable` 必須な項目は課題扱いとする。\n\n"
        "| オプション | 要約 | 現状 |\n| --- | --- | --- |\n"
        "| create | 作成 | ✅ 対応済み |\n| append | 追記 | ⚠️ 一部のみ |\n| update | 更新 | ❌ |\n"
    )
    assert statuses(text) == [("create", "done"), ("append", "in_progress"), ("update", "planned")]


def test_a_legend_laid_across_with_its_glyphs_in_the_header_keys_a_platform_matrix() -> None:
    """o-micron's engine: a one-row table of meanings under a header of glyphs, then a
    feature a row on four platforms; a row whose platforms agree has that status, one whose
    platforms differ compares them and has none. The legend's own table holds no items."""
    text = (
        "# Todo status\n|✅|🚧|📋|🛑|\n|:--:|:--:|:--:|:--:|\n"
        "|Done|In Progress|planned and ready to start|Not Planned, deprioritized|\n\n"
        "| | MacOS | Linux | Windows | Web |\n|---|:-:|:-:|:-:|:-:|\n"
        "| Editor integration |✅|✅|✅|✅|\n| Bug fixing |📋|📋|📋|📋|\n"
        "| Physics |🛑|🛑|🛑|🛑|\n| Vulkan |✅|✅|🚧|📋|\n"
    )
    assert statuses(text) == [
        ("Editor integration", "done"),
        ("Bug fixing", "planned"),
        ("Physics", "dropped"),
    ]


def _set(text: str, title: str, status: Status) -> str:
    """``text`` with the item named ``title`` set to ``status``; the edit reads back."""
    roadmap = milepost.loads(text)
    item = next(i for i in roadmap.items if i.title == title)
    edit = ops.set_status(roadmap, item, status)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None
    return after


SUPPORT = (
    "# NIP support\n\n- ✅ = Fully Supported\n- 🟩 = Partly Supported\n"
    "- ⬜ = Not Supported (but might be in the future)\n\n"
    "| NIP | Name | Support Level |\n| --- | --- | --- |\n"
    "| 01 | Basic protocol | ✅ full |\n| 02 | Follow list | ✅ full |\n"
    "| 03 | Timestamps | ⬜ none |\n"
)


def test_an_edit_sets_a_support_level_cell_and_the_other_rows_keep_theirs() -> None:
    """Started, a row of the Support Level column takes the legend's glyph for partial
    support and a word for it; the glyph is not written into the feature's name, and the
    other rows read as they did."""
    after = _set(SUPPORT, "Timestamps", Status.IN_PROGRESS)
    assert "| 03 | Timestamps | 🟩 in progress |\n" in after
    assert statuses(after)[:2] == [("Basic protocol", "done"), ("Follow list", "done")]
    shipped = _set(SUPPORT, "Timestamps", Status.DONE)
    assert "| 03 | Timestamps | ✅ completed |\n" in shipped
    # two rows: the legend's glyph written for a status it keys, its word for one it does not
    two = SUPPORT.replace("| 02 | Follow list | ✅ full |\n", "")
    assert "| 01 | Basic protocol | 🟩 in progress |\n" in _set(
        two, "Basic protocol", Status.IN_PROGRESS
    )
    blocked = _set(two, "Basic protocol", Status.BLOCKED)
    assert statuses(blocked) == [("Basic protocol", "blocked"), ("Timestamps", "future")]


def test_an_edit_of_a_glyph_alone_the_legend_keys_writes_a_word_where_it_has_no_glyph() -> None:
    """A cross the legend calls "not yet supported" started takes the legend's glyph for
    partial support; blocked, for which the legend has no glyph, the glyph and its word
    (in each platform's cell), so that the row reads back blocked. In a Status column
    (現状), or a column of glyphs alone, a glyph alone says its status whatever the legend
    keys, and the other rows keep theirs."""
    text = (
        "# Roadmap\n\n記号: ✅ 完全互換 / ⚠️ 部分互換 / ❌ 未対応\n\n"
        "| option | stdio |\n| --- | --- |\n| create | ✅ |\n| update | ❌ |\n"
        "| append | ⚠️ names and flags to check |\n"
    )
    assert "| update | ⚠\ufe0f |\n" in _set(text, "update", Status.IN_PROGRESS)
    assert "| update | ⛔ Blocked |\n" in _set(text, "update", Status.BLOCKED)
    column = text.replace("| option | stdio |", "| option | 現状 |")
    assert "| update | ⛔ |\n" in _set(column, "update", Status.BLOCKED)
    glyphs = (
        "# T\n\nLegend: ✅ Done | ❌ Not started\n\n| option | stdio |\n| --- | --- |\n"
        "| create | ✅ |\n| update | ❌ |\n| delete | 🚧 |\n| move | ✅ |\n"
    )
    blocked = _set(glyphs, "update", Status.BLOCKED)
    assert "| update | ⛔ |\n" in blocked
    assert ("delete", "in_progress") in statuses(blocked)
    matrix = (
        "# Todo\n|✅|🚧|📋|\n|:--:|:--:|:--:|\n|Done|In Progress|Planned|\n\n"
        "| | MacOS | Linux |\n|---|:-:|:-:|\n| Editor |🚧|🚧|\n| Profiler |✅|✅|\n"
    )
    assert "| Editor |⛔ Blocked|⛔ Blocked|\n" in _set(matrix, "Editor", Status.BLOCKED)


def test_a_legend_in_a_sentence_brackets_each_glyph_s_meaning() -> None:
    """A SaaS boilerplate's roadmap opens "Status icons use ✅ (complete), 🟨 (in progress),
    and ⬜ (not started)." over items led by those glyphs: its 🟨 items, in progress, were read
    as nothing. Each glyph with a status in brackets after it defines it, where every bracket
    after a glyph says one; a sentence's glyph with a note in brackets defines nothing."""
    text = (
        "# Roadmap\n\nStatus icons use ✅ (complete), 🟨 (in progress), and ⬜ (not started).\n\n"
        "- ✅ **Billing** — Stripe checkout\n- 🟨 **Teams** — invitations\n"
        "- ⬜ **Support** — impersonation\n"
    )
    assert statuses(text) == [
        ("Billing — Stripe checkout", "done"),
        ("Teams — invitations", "in_progress"),
        ("Support — impersonation", "planned"),
    ]
    assert "- 🟨 **Support** — impersonation\n" in _set(
        text, "Support — impersonation", Status.IN_PROGRESS
    )
    prose = text.replace("⬜ (not started)", "⬜ (mostly)")
    assert ("Teams — invitations", "in_progress") not in statuses(prose)
    joined = "# R\n\nIcons: 🧑‍💻 (in progress), ✅ (done).\n\n- 💻 Desktop app\n- 🧑‍💻 Search\n"
    assert statuses(joined) == [("Search", "in_progress")]  # the whole glyph, not its end


def test_a_legend_of_shortcodes_under_a_blank_header_keys_the_headings() -> None:
    """A football app's legend is a table headed only "Legend", its glyphs shortcodes
    (":sparkles:" Released, ":construction:" Work in Progress, ":x:" Not implemented), over
    version headings led by them. "Not implemented" is said of work not built yet, planned;
    with it the table was no legend, its rows items and ":x: v0.4.0" a cross of no status."""
    text = (
        "# UltrasHub - Roadmap\n\n|                | Legend           |\n"
        "| -------------- | ---------------- |\n| :sparkles:     | Released         |\n"
        "| :construction: | Work in Progress |\n| :x:            | Not implemented  |\n\n"
        "### :sparkles: v0.1.0 - MVP\n\n- [x] cli tool\n\n### :construction: v0.3.0 - Clubs\n\n"
        "### :x: v0.4.0 - Auth\n\n- [ ] sign up\n"
    )
    assert statuses(text) == [
        ("v0.1.0 - MVP", "done"),
        ("cli tool", "done"),
        ("v0.3.0 - Clubs", "in_progress"),
        ("v0.4.0 - Auth", "planned"),
        ("sign up", "planned"),
    ]


GYM = (
    "# GymBuddy\n\n| Emoji | Meaning |\n| --- | --- |\n| ✅ | Completed |\n"
    "| 🚧 | In Progress |\n| 📋 | Planned |\n| 💡 | Under Consideration |\n\n"
    "- [x] Join sessions\n- [ ] Recurring sessions (🚧)\n- [ ] Workout preferences (💡)\n"
    "- [ ] Calendar (🗓️)\n"
)


def test_a_glyph_alone_in_brackets_says_its_status_where_the_legend_keys_it() -> None:
    """A gym app tags open boxes "(🚧)" and "(💡)" by its legend table: read as boxes alone,
    planned. A glyph alone in brackets is the legend's status where the legend keys it; one
    it does not key may be the topic's ("Calendar (🗓️)") and says nothing."""
    assert statuses(GYM) == [
        ("Join sessions", "done"),
        ("Recurring sessions", "in_progress"),
        ("Workout preferences", "future"),
        ("Calendar (🗓️)", "planned"),
    ]
    no_legend = GYM[GYM.index("- [x]") :]
    assert ("Recurring sessions (🚧)", "planned") in statuses(no_legend)
    own = GYM.replace("🚧", "🟨")  # a glyph milepost gives no status, the legend's own
    assert ("Recurring sessions", "in_progress") in statuses(own)
    assert "- [ ] Workout preferences (🟨)\n" in _set(
        own, "Workout preferences", Status.IN_PROGRESS
    )
    # a code legend's letter in brackets is no glyph: "(C)" says nothing
    coded = "# R\n\nC - Complete\nIP - In progress\n\n- Rewrite in (C)\n"
    assert statuses(coded) == []


def test_an_edit_sets_a_glyph_alone_in_brackets_to_the_legend_s_glyph() -> None:
    started = _set(GYM, "Workout preferences", Status.IN_PROGRESS)
    assert "- [ ] Workout preferences (🚧)\n" in started
    assert "- [ ] Recurring sessions (📋)\n" in _set(GYM, "Recurring sessions", Status.PLANNED)
    # a status the legend keys no glyph for is said in words
    blocked = _set(GYM, "Recurring sessions", Status.BLOCKED)
    assert "- [ ] Recurring sessions (blocked)\n" in blocked
