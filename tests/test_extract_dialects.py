"""Status markers, periods and sections as people really write them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import milepost
from milepost.document import Row, Table, parse
from milepost.extract import extract
from milepost.model import Item, work_items
from milepost.source import Source
from milepost.vocabulary.status import Status
from tests.test_extract_status_places import edited

TODAY = dt.date(2026, 11, 25)


def statuses(text: str) -> list[tuple[str, str | None]]:
    return [
        (i.title, i.status.value if i.status else None)
        for i in milepost.loads(text).items
        if i.status
    ]


def only(text: str) -> Item:
    items = [i for i in milepost.loads(text).items if i.status]
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("- ✅ Shipped the thing", "done"),
        ("- ✔️ Shipped the thing", "done"),
        ("- 🚧 Building the thing", "in_progress"),
        ("- 🔄 Building the thing", "in_progress"),
        ("- 🏗️ Building the thing", "in_progress"),
        ("- 📋 Next thing", "planned"),
        ("- 🗓️ Next thing", "planned"),
        ("- 🔮 Some day thing", "future"),
        ("- 💡 Some day thing", "future"),
        ("- ⛔ Stuck thing", "blocked"),
        ("- 🛑 Stuck thing", "blocked"),
        ("- ❌ Cancelled thing", "dropped"),
        ("- [x] Box done", "done"),
        ("- [X] Box done", "done"),
        ("- [ ] Box open", "planned"),
        ("- [ ] Box open (in progress)", "in_progress"),
        ("- **Done:** Word label", "done"),
        ("- **In Progress:** Word label", "in_progress"),
        ("- **Blocked:** Word label", "blocked"),
        ("- ✅ **Completed:** Emoji and label", "done"),
        ("- ⏳ **PENDING** words beat emoji", "planned"),
        ("- ✅ **PARTIALLY COMPLETED** words beat emoji", "in_progress"),
        ("- **Status:** ✅ Completed in v0.1.5", "done"),
        ("- Trailing tag (In Progress)", "in_progress"),
        (
            "- Trailing tag (work-in-progress) [#262](https://github.com/o/r/issues/262)",
            "in_progress",
        ),
        ("- Dashed tail ([#1](https://x.y)) - _DISCARDED_", "dropped"),
        ("- Board link (TODO)", "planned"),
        ("- Request about X - Status: Planned", "planned"),
        ("- âœ… Mojibake done", "done"),
        ("- ðŸš§ Mojibake building", "in_progress"),
        ("- ðŸ“‹ Mojibake planned", "planned"),
        ("- :white_check_mark: Shortcode done", "done"),
    ],
)
def test_item_markers(line: str, status: str) -> None:
    assert only(f"# T\n\n## Work\n\n{line}\n").status == status


@pytest.mark.parametrize(
    "line",
    [
        "- Docs get better with every release, an ongoing effort",
        "- Designed with future growth in mind",
        "- As planned at the contributor summit",
        "- Should we support a dashboard (future)?",
        "- Web dashboard beta",
        "- Mobile app (stretch)",
        "- (AG2 ✅, LangChain, CrewAI planned)",
        "- [Status: Planned/In Progress/Completed]",
        "- Longest conversation: 15 turns (in testing)",
    ],
)
def test_prose_is_not_a_status(line: str) -> None:
    assert statuses(f"# T\n\n## Work\n\n{line}\n") == []


def test_status_headings_give_unmarked_items_their_status() -> None:
    text = "# T\n\n## Completed\n\n- a\n- [ ] b\n\n### Sub\n\n- c\n\n## 🚧 Blocked Items\n\n- d\n"
    items = {i.title: i for i in milepost.loads(text).items}
    assert (items["a"].status, items["a"].status_from) == (Status.DONE, "heading")
    assert items["b"].status is Status.PLANNED  # its own box wins
    assert "c" not in items  # a sub-heading starts its own scope
    assert items["d"].status is Status.BLOCKED  # the heading's words win over its emoji


@pytest.mark.parametrize("dated", ["### Q2 2026", "### March 2026", "### 2026-H1"])
def test_a_heading_that_only_dates_keeps_the_status_of_the_status_heading_above(
    dated: str,
) -> None:
    text = f"# R\n\n## 🚧 In Progress\n\n{dated}\n\n- [ ] i18n\n- Versioned docs\n"
    # the box is the item's own marker (it beats the heading's); the words alone take it
    assert statuses(text) == [("i18n", "planned"), ("Versioned docs", "in_progress")]
    named = text.replace(dated, "### Search 2026")  # a deliverable's heading: its own scope
    assert statuses(named) == [("i18n", "planned")]


def test_the_sub_bullets_of_an_item_with_its_own_status_are_its_details() -> None:
    text = (
        "# R\n\n## Completed Milestones\n\n### October 2026\n\n- ✅ Search shipped\n"
        "  - Details: [docs](https://example.org/search)\n- Export\n  - CSV\n"
    )
    assert statuses(text) == [("Search", "done"), ("Export", "done"), ("CSV", "done")]


def test_decorated_headings_are_not_statuses() -> None:
    text = "# T\n\n## 🔄 Review Schedule\n\n- Weekly sync\n\n## 🎯 Current Focus\n\n- x\n"
    assert statuses(text) == []


def test_heading_that_names_a_deliverable_is_an_item() -> None:
    item = only("# T\n\n## 📋 v0.2 - Plugin API\n\ntext\n")
    assert (item.kind, item.status, item.title) == ("heading", Status.PLANNED, "v0.2 - Plugin API")


def test_h1_is_never_an_item() -> None:
    assert statuses("# ✅ Done Roadmap\n") == []


def test_status_field_gives_the_heading_a_status() -> None:
    item = only("# T\n\n### Goal 2: Faster\n\n**Status:** 🚧 In Progress\n\ntext\n")
    assert (item.kind, item.status, item.status_from) == ("heading", Status.IN_PROGRESS, "field")


def test_success_criteria_ticks_are_not_shipped_items() -> None:
    text = (
        "# T\n\n## 📋 v2\n\n**Success Criteria:**\n- ✅ Fast\n- ✅ Safe\n\n"
        "## Metrics\n\n- ✅ 10 users\n"
    )
    found = statuses(text)
    assert ("10 users", "done") in found
    assert not any(title in ("Fast", "Safe") for title, _ in found)


def test_label_paragraph_refines_bare_boxes() -> None:
    text = "# T\n\n## Q3\n✅ **Completed**\n- [x] a\n\n🔧 **In Progress**\n- [ ] b\n"
    assert statuses(text) == [("a", "done"), ("b", "in_progress")]


def test_table_status_column_and_legend_table() -> None:
    text = (
        "# T\n\n| Milestone | Target | Status |\n|---|---|---|\n"
        "| Alpha | Q1 2027 | ✅ Complete |\n| Beta | v0.3 | 🔄 **PARTIALLY COMPLETED** |\n"
        "| Gamma | Dec 2026 | ⏳ **PENDING** |\n\n"
        "| Status | Meaning |\n|---|---|\n| **Done** | finished |\n"
    )
    items = [i for i in milepost.loads(text).items if i.status]
    assert [(i.title, i.status) for i in items] == [
        ("Alpha", "done"),
        ("Beta", "in_progress"),
        ("Gamma", "planned"),
    ]
    assert [i.period.label if i.period else None for i in items] == ["2027-Q1", "v0.3", "2026-12"]


def test_done_partially_is_work_under_way() -> None:
    """An SMT solver's requirements table says "Done partially" of half its features, the
    word after the status: they were read as done. Partly done is in progress, whichever
    way round."""
    text = (
        "# T\n\n| Feature | Status |\n|---|---|\n| Parser | Done partially |\n"
        "| Solver | Done |\n\n- [x] Lexer (done partially)\n- Printer - completed partially\n"
    )
    assert statuses(text) == [
        ("Parser", "in_progress"),
        ("Solver", "done"),
        ("Lexer", "in_progress"),
        ("Printer", "in_progress"),
    ]


def test_eliminated_work_in_a_status_cell_is_dropped() -> None:
    """A progress tracker strikes the services it cut and says "❌ Eliminated" in their
    Status cells: dropped, as "Removed" is; in prose ("Eliminated two services") no status."""
    text = (
        "# T\n\n| Service | Status |\n|---|---|\n| ~~Wallet Registry~~ | ❌ Eliminated |\n"
        "| Core | ✅ Done |\n| Memory leak | ✅ Eliminated |\n\n"
        "- Eliminated two services in the rewrite\n"
    )
    assert statuses(text) == [
        ("Wallet Registry", "dropped"),
        ("Core", "done"),
        ("Memory leak", "done"),  # a check mark says the bug is gone: done
    ]


def test_a_weak_word_labelling_a_glyph_that_says_the_same_is_its_label() -> None:
    """ "🔮 Futuro: Sync" (Spanish, Portuguese, Italian write "future" so) was titled "Futuro:
    Sync": a weak word is no label after a glyph, lest "✅ Ready: Search" be titled
    "Search"; where it says what the glyph says, it labels the item."""
    text = "# T\n\n- 🔮 Futuro: Sync\n- ✅ Ready: Search\n- ✅ Fixed: Login loop\n"
    assert statuses(text) == [
        ("Sync", "future"),
        ("Ready: Search", "done"),
        ("Login loop", "done"),
    ]
    # so are weak words alone in brackets, where prose would not put them
    tagged = "# T\n\n- [ ] 決済 (予定)\n- ログイン (完成)\n- Exportar (pronto)\n"
    # "pronto": ready in Portuguese, soon in Spanish: no status alone in brackets
    assert statuses(tagged) == [("決済", "planned"), ("ログイン", "done")]


def test_a_bracket_whose_status_comes_after_a_dash_or_says_partially() -> None:
    """An HPC task list writes "(OPTIONAL - Skipped)", a note and then the status, and a
    workflow registry "☑ ... _(PARTIALLY)_": dropped, and partly done, in progress. A name
    after the dash says nothing ("(Next – React)")."""
    text = (
        "# T\n\n- TASK-006: CI/CD Integration (OPTIONAL - Skipped)\n"
        "* ☑ Metadata exposed _(PARTIALLY)_\n- Frontend (Next – React)\n"
    )
    assert statuses(text) == [
        ("TASK-006: CI/CD Integration", "dropped"),
        ("Metadata exposed", "in_progress"),
    ]


def test_a_status_word_that_is_the_last_sentence_of_an_item() -> None:
    """A Russian stage plan ends finished items "... (из ARCHITECTURE.ru.md). Готово.": a
    status word as a sentence of its own after the item's words; "We are done." says more."""
    text = (
        "# T\n\n- Стабилизация трейта (из ARCHITECTURE.ru.md). Готово.\n"
        "- Port the parser. Done.\n- Use v2. In progress.\n- Port the lexer. We are done.\n"
    )
    assert statuses(text) == [
        ("Стабилизация трейта (из ARCHITECTURE.ru.md)", "done"),
        ("Port the parser", "done"),
        ("Use v2", "in_progress"),
    ]


def test_a_status_field_in_another_language_gives_its_heading_its_status() -> None:
    """ "Статус: done" under "## Стадия 0.1": a Status field, as "Status: done" is (the
    stage's items were read as done by a status heading)."""
    text = "# R\n\n## Стадия 0.1 — Модель\n\nСтатус: done\n\n- Модель сообщений\n"
    text += "\n## Fase 2\n\n**Estado:** Completado\n\n- Login\n"
    assert statuses(text) == [("Стадия 0.1 — Модель", "done"), ("Fase 2", "done")]


def test_a_status_field_label_that_opens_as_status_does_in_another_language() -> None:
    """ "Stato:" and "Statut :" begin as "Status" does but are Italian and French labels:
    read as the labels they are, not judged as English ones and refused."""
    text = "# R\n\n## Fase 1\n\n**Stato:** Completato\n\n- Login\n"
    text += "\n## Étape 2\n\n**Statut :** En cours\n\n- Export\n"
    assert statuses(text) == [("Fase 1", "done"), ("Étape 2", "in_progress")]


def test_legend_defines_its_own_glyphs() -> None:
    text = (
        "# T\n\n| Track | Status |\n|---|---|\n| A | 🟢 |\n| B | 🔴 |\n\n"
        "**Status Legend:** 🟢 Active | 🟡 Planning | 🔴 Blocked | ⚪ Paused\n"
    )
    items = [i for i in milepost.loads(text).items if i.status]
    assert [(i.title, i.status, i.status_from) for i in items] == [
        ("A", "in_progress", "legend"),
        ("B", "blocked", "legend"),
    ]


def test_strikethrough_means_done_only_where_the_document_says_so() -> None:
    uses = "# T\n\n- [x] ~~a~~\n- ~~b~~\n"
    assert ("b", "done") in statuses(uses)
    assert statuses("# T\n\n- ~~b~~\n- c\n") == []


def test_struck_work_whose_status_field_says_done_makes_strikethrough_mean_done() -> None:
    """A Mastodon admin strikes each finished task and notes "Status: **DONE**" under it;
    a task struck under a struck one ("~~Invitation Policy~~") has no field of its own, and
    was read as nothing. Struck items whose fields say done strike finished work, and the
    field sub-bullets are their items', no other work said done."""
    text = (
        "Roadmap\n=======\n\n* June 2022\n  * ~~Custom theme~~\n    * Status: **DONE**\n"
        "  * ~~Draft policy docs~~\n    * ~~Invitation Policy~~\n    * ~~Terms~~\n"
        "    * Status: **DONE as of 6/20/22**\n  * Onboarding guide\n"
    )
    assert statuses(text) == [
        ("Custom theme", "done"),
        ("Draft policy docs", "done"),
        ("Invitation Policy", "done"),
        ("Terms", "done"),
    ]


def test_html_strike_tags_cross_off_work_as_tildes_do() -> None:
    crossed = "# T\n\n* <del>a</del>\n* <s>b</s>\n* c\n* <del>half</del> struck\n"
    assert statuses(crossed) == [("a", "done"), ("b", "done")]
    assert statuses("# T\n\n* <del>a</del>\n* c\n") == []  # one struck item: no convention


SITNA = (
    "# Roadmap\n\nPlanned upgrades:\n"
    "1.\t~~Removal of jQuery dependency.~~ :heavy_minus_sign: :bookmark:2.0.0\n"
    "2.\t~~Migration to OpenLayers 5.~~ :arrow_up: :bookmark:2.0.0\n"
    "3. ~~[OpenTopoMap](https://opentopomap.org/) layer.~~ ✨ :bookmark:4.0.0\n"
    "4. ~~Edit control.~~ ✨ :bookmark:3.0.0\n"
    "5. Vector tiles support. ✨\n6. ~~Half~~ struck\n\n"
    ":bookmark:\\#.\\#.\\#: Upgrade fulfilled with version \\#.\\#.\\#\n"
)


def test_struck_work_followed_by_glyphs_and_its_release_is_done(tmp_path: Path) -> None:
    """A map API strikes each finished upgrade and puts glyphs and the release it shipped
    in after it, "~~Edit control.~~ :sparkles: :bookmark:3.0.0": none was read (54 items of
    one file). Glyphs of no status and a release after the struck words leave it struck
    whole; words after them do not ("~~Half~~ struck"), nor does a status glyph."""
    assert statuses(SITNA) == [
        ("Removal of jQuery dependency.", "done"),
        ("Migration to OpenLayers 5.", "done"),
        ("OpenTopoMap layer.", "done"),
        ("Edit control.", "done"),
    ]
    glyphs = "# T\n\n- ~~a~~ 🚧 :bookmark:2.0\n- ~~b~~ ✨ :bookmark:2.0\n- ~~c~~ ✨\n- d\n"
    assert statuses(glyphs) == [("b", "done"), ("c", "done")]


def test_edits_strike_finished_work_where_the_document_does(tmp_path: Path) -> None:
    """Where finished work is struck through, shipping strikes the item's words (the glyphs
    and release after them stay after them) and starting a struck item takes the
    strikethrough away; ticking a box stays a task's way."""
    text = SITNA.replace("Planned upgrades:", "## Planned")
    path = tmp_path / "roadmap.md"
    path.write_text(text, encoding="utf-8")
    milepost.edit(path, "ship", item="Vector tiles support.", today=TODAY)
    milepost.edit(path, "start", item="Edit control.", today=TODAY)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[6:8] == [
        "4. 🚧 Edit control. ✨ :bookmark:3.0.0",
        "5. ~~Vector tiles support.~~ ✨",
    ]
    assert ("Vector tiles support.", "done") in statuses(path.read_text(encoding="utf-8"))
    # words that go on below the first line would be half struck: refused, unchanged
    wrapped = "# R\n\n## Planned\n\n- ~~A~~\n- ~~B~~\n- Send the\n  wrapped words\n"
    path.write_text(wrapped, encoding="utf-8")
    with pytest.raises(milepost.errors.UsageError, match="change the lines by hand"):
        milepost.edit(path, "ship", item="Send the wrapped words", today=TODAY)
    assert path.read_text(encoding="utf-8") == wrapped


def test_glued_emoji_in_first_cell_without_status_column() -> None:
    assert statuses("# T\n\n| Feature | Owner |\n|---|---|\n| ✅ Login | @a |\n") == [
        ("Login", "done")
    ]


def test_owners_refs_and_periods_on_items() -> None:
    item = only(
        "# T\n\n**Last updated:** 2026-11-01\n\n## Work\n\n"
        "- 🚧 Truncation by December 2026 (#412) @gwen "
        "[PR](https://github.com/o/r/pull/9) mail a@b.co\n"
    )
    assert item.owners == ("@gwen",)
    assert item.refs == ("#412", "https://github.com/o/r/pull/9")
    assert item.period is not None and item.period.label == "2026-12"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("November 2026", "2026-11"),
        ("Nov 2026", "2026-11"),
        ("2026-11", "2026-11"),
        ("Q1 2027", "2027-Q1"),
        ("2027-Q1", "2027-Q1"),
        ("Q1-Q2 2025", "2025-Q1..Q2"),
        ("H1 2027", "2027-H1"),
        ("2027", "2027"),
        ("2026-11-25", "2026-11-25"),
        ("November 14, 2025", "2025-11-14"),
        ("v0.0.32", "v0.0.32"),
    ],
)
def test_periods(text: str, label: str) -> None:
    item = only(f"# T\n\n- 📋 Thing {text}\n")
    assert item.period is not None and item.period.label == label


def test_relative_period_is_anchored_at_last_updated() -> None:
    item = only("# T\n\n**Last updated:** 2026-11-02\n\n- 📋 Thing in Weeks 1-4\n")
    assert item.period is not None and item.period.kind == "relative"
    assert str(item.period.start) == "2026-11-02"


def test_unreadable_period_is_kept_as_no_period() -> None:
    item = only("# T\n\n- 📋 Thing someday soon\n")
    assert item.period is None and item.text == "📋 Thing someday soon"


def test_mojibake_template_reads_like_the_clean_one() -> None:
    from tests.conftest import TEMPLATES, require_shared

    require_shared()
    clean = milepost.load(TEMPLATES / "track-roadmap-template.md")
    broken = milepost.load(TEMPLATES / "track-roadmap-template.mojibake.md")
    assert [i.status for i in broken.items if i.status] == [
        i.status for i in clean.items if i.status
    ]
    assert [(m.baseline, m.target) for m in broken.metrics] == [
        (m.baseline, m.target) for m in clean.metrics
    ]
    assert clean.metrics[0].baseline == "[baseline]"


def item_at(text: str, title: str) -> Item:
    return next(i for i in milepost.loads(text).items if i.title == title)


def test_issue_numbers_are_not_years() -> None:
    assert milepost.loads("# T\n\n## Work\n\n- 📋 Fix the thing #2068\n").items[0].period is None


def test_items_take_their_headings_period() -> None:
    text = "# T\n\n## Q1 2027 Goals\n\n### Goal 1: Fast\n\n- 📋 Cache\n- 📋 Ship by v0.3\n"
    assert item_at(text, "Cache").period.label == "2027-Q1"  # type: ignore[union-attr]
    assert item_at(text, "Ship by v0.3").period.label == "v0.3"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("- 📋 Loader based on v0.0.1 approach", None),
        ("- 📋 Keep compatibility with v0.0.29 configurations", None),
        ("- 📋 Plugin API in v0.2", "v0.2"),
        ("- 📋 Plugin API (v0.2)", "v0.2"),
        ("- 📋 Plugin API v0.2", "v0.2"),
        ("- 📋 See [Roadmap 2022](https://x.y/2022) for history", None),
        ("- 📋 Plugin API (post-v0.2)", None),  # after v0.2, in no release it names
        ("- 📋 Plugin API, pre-v1", None),
    ],
)
def test_versions_and_links_in_prose(line: str, label: str | None) -> None:
    item = only(f"# T\n\n## Work\n\n{line}\n")
    assert (item.period.label if item.period else None) == label


def test_tables_prefer_target_over_release() -> None:
    text = (
        "# T\n\n| Release | Feature | ETA | Status |\n|---|---|---|---|\n"
        "| v0.3.0 | Search | 2026-12 | 📋 Planned |\n"
    )
    item = only(text)
    assert item.period is not None and item.period.label == "2026-12"


def test_a_row_is_due_when_its_when_columns_can_say_and_a_group_row_when_its_group_is() -> None:
    roadmap = milepost.loads(
        "# T\n\n## Plan for 2026\n\n| Release | Target | Feature | Owner |\n|---|---|---|---|\n"
        "| **v0.1.1** | 10/20/25 | Tools | @qi |\n"  # a Target we cannot read: the Release
        "| | | Memory | @kit |\n"  # the group the row above opened: its release too
        "| v0.1.2 | TBD | Sync | @ana |\n"
        "| | 2026-12 | Search | @bo |\n"  # its own Target
        "| | | | |\n"  # an empty row is no item, though the heading dates it
        "<BR>\n"
    )
    got = [(i.title, i.period.label if i.period else None) for i in roadmap.items]
    assert got == [
        ("Tools", "v0.1.1"),
        ("Memory", "v0.1.1"),
        ("Sync", "v0.1.2"),
        ("Search", "2026-12"),
    ]


def test_a_rows_title_is_the_cell_that_names_the_work() -> None:
    def titles(table: str) -> list[str]:
        return [i.title for i in work_items(milepost.loads("# T\n\n## Plan\n\n" + table))]

    # A Feature (Item, Title, Name, Task, ...) column names the work, filled first cell or not.
    assert titles(
        "| Release | Target | Feature | Owner |\n|---|---|---|---|\n"
        "| **v0.1.7** | 11/03/25 | Task Planning | @a |\n| | | Rate Limiting System | @b |\n"
    ) == ["Task Planning", "Rate Limiting System"]
    # Else the first words beside the when-columns; a row of only versions and numbers keeps
    # its version.
    assert titles(
        "| Week | Focus | Status |\n|---|---|---|\n| 1 | Logging system design | ✅ Done |\n"
    ) == ["Logging system design"]
    assert titles(
        "| Version | Status | ETA | Completion |\n|---|---|---|---|\n"
        "| v0.3.0 | 🚧 In Development | 2025-09 | 45% |\n"
    ) == ["v0.3.0"]
    # A description names the work only where nothing else in the row does.
    assert titles(
        "| Feature | Description | Status |\n|---|---|---|\n"
        "| Dark mode | Easier on the eyes | ✅ |\n| | Follows the system theme | 📋 |\n"
    ) == ["Dark mode", "Follows the system theme"]
    assert titles(
        "| Theme | Description | Status |\n|---|---|---|\n| Edge | Harbor at the edge | 🚧 |\n"
    ) == ["Edge"]
    # A row's focus names its work, not the phase it is in.
    assert titles(
        "| Phase | Focus | Key Deliverables | Owner |\n|---|---|---|---|\n"
        "| Phase 1 | Context Management | Overflow handling | @nc |\n"
    ) == ["Context Management"]
    # The work before what groups it.
    assert titles(
        "| Epic | Feature | Status |\n|---|---|---|\n| Auth | Login page | 🚧 |\n"
        "| Auth | Password reset | 📋 |\n"
    ) == ["Login page", "Password reset"]
    # An emoji glued to the first filled cell is the row's status.
    row = only("| Release | Feature |\n|---|---|\n| | 🚧 Rate limits |\n")
    assert (row.title, row.status) == ("Rate limits", Status.IN_PROGRESS)


def test_risk_tables_and_inline_fields() -> None:
    text = (
        "# T\n\n## Risks\n\n| Risk | Impact | Mitigation |\n|---|---|---|\n"
        "| API churn | High | Pin versions, test nightly |\n\n"
        "## Known Risks & Mitigations\n\n"
        "1. **Performance Impact**: *Mitigation*: Lazy loading, streaming\n"
    )
    risks = milepost.loads(text).risks
    assert [(r.name, r.impact, r.mitigation) for r in risks] == [
        ("API churn", "High", "Pin versions, test nightly"),
        ("Performance Impact", None, "Lazy loading, streaming"),
    ]


class _CountingRows(list[Row]):
    """A table's rows that count how many times a row is visited by iteration."""

    visits = 0

    def __iter__(self) -> Iterator[Row]:
        for row in super().__iter__():
            _CountingRows.visits += 1
            yield row


def test_a_long_risk_table_is_read_row_by_row_once() -> None:
    rows = 400
    text = "# T Roadmap\n## Risks\n| Risk | Impact | Mitigation |\n|---|---|---|\n" + "".join(
        f"| Risk {n} | High | Plan {n} |\n" for n in range(rows)
    )
    document = parse(Source.from_text(text))
    table = next(b for b in document.sections[0].subsections[0].blocks if isinstance(b, Table))
    table.rows = _CountingRows(table.rows)
    _CountingRows.visits = 0
    risks = extract(document).risks
    assert [(r.name, r.impact, r.mitigation) for r in risks[:2]] == [
        ("Risk 0", "High", "Plan 0"),
        ("Risk 1", "High", "Plan 1"),
    ]
    assert len(risks) == rows and risks[-1].name == f"Risk {rows - 1}"
    # Each row is looked up by its line, not by rescanning the table (which made 20,000 rows
    # take seconds and 100,000 rows minutes).
    assert _CountingRows.visits <= 4 * rows


def test_section_names_with_suffixes_and_owned_subsections() -> None:
    roadmap = milepost.loads(
        "# T\n\n## 🎯 Short-Term Goals (Next 2-4 weeks) - v0.0.30\n\n"
        "## Success Metrics\n\n### Medium-Term (3-6 months)\n\n- Users: 10 → 100\n"
    )
    kinds = [s.kind.value for top in roadmap.sections for s in top.walk()]
    assert kinds == ["other", "current_focus", "success_metrics", "other"]
    assert roadmap.goals == ()
    assert [(m.group, m.baseline, m.target) for m in roadmap.metrics] == [
        ("Medium-Term (3-6 months)", "10", "100")
    ]


def test_metric_names_with_symbols_keep_their_baseline_and_target() -> None:
    roadmap = milepost.loads(
        "# T\n\n## Success Metrics\n\n"
        "- Latency \\<p95\\>: 120 ms → 80 ms\n"
        "- Uptime %: 99.5 → 99.9\n"
        "- Open #bugs: 40 → 10\n"
        '- "Good first issue" count: 3 → 12\n'
    )
    assert [(m.name, m.baseline, m.target) for m in roadmap.metrics] == [
        ("Latency <p95>", "120 ms", "80 ms"),
        ("Uptime %", "99.5", "99.9"),
        ("Open #bugs", "40", "10"),
        ('"Good first issue" count', "3", "12"),
    ]


@pytest.mark.parametrize(
    ("header", "health"),
    [
        ("**Status:** 🟡 At risk\n", "at_risk"),
        ("**Track health:** 🟢\n", "on_track"),
        ("**Status Legend:** 🟢 Active | 🟡 Planning | 🔴 Blocked\n", None),
        ("| Track | Status |\n| --- | --- |\n| Memory | 🟢 |\n", None),
        ("**Overall status**: 🔴 Off track\n", "off_track"),
        ("**Status:** On track 🟢\n", "on_track"),
        ("**Status:** Active 🟢, Planning 🟡, Blocked 🔴\n", None),  # a legend by another name
        ("## Current Focus\n\n- ✅ Health check endpoint (🔴 was failing, fixed)\n", None),
        ("## Current Focus\n\n- 🟢 Public status page redesign\n", None),
    ],
)
def test_stated_health_is_a_field_not_a_legend_or_a_table_cell(
    header: str, health: str | None
) -> None:
    roadmap = milepost.loads(f"# X Roadmap\n\n{header}")
    assert (roadmap.health.value if roadmap.health else None) == health


@pytest.mark.parametrize(
    ("header", "updated", "review", "owners"),
    [
        (
            "**Last updated:** 2026-11-20 · **Owner:** @kim · **Next review:** 2026-12-04",
            "2026-11-20",
            "2026-12-04",
            ("@kim",),
        ),
        (
            "_Last updated 2026-11-23 by @ana. Next review 2026-12-07._",
            "2026-11-23",
            "2026-12-07",
            (),
        ),
        ("**Lead:** @eric | **Last Updated:** 2025-01-15", "2025-01-15", None, ("@eric",)),
        # a lead named without a handle is named as written; a slot left to fill names no one
        ("**Lead:** Eric | **Last Updated:** 2025-01-15", "2025-01-15", None, ("Eric",)),
        ("**Lead:** TBD | **Last Updated:** 2025-01-15", "2025-01-15", None, ()),
        ("**Owners:** Ana and Bo, [Name]", None, None, ("Ana", "Bo")),
        # a link names by its words ("[Eric](https:", "github.com", "eric)" were three)
        ("**Lead:** [Eric Smith](https://github.com/esmith)", None, None, ("Eric Smith",)),
        ("**Lead:** N/A", None, None, ()),  # no one, not "N" and "A"
        (
            "Last updated: 2026-11-20; Next roadmap review date 2026-12-01",
            "2026-11-20",
            "2026-12-01",
            (),
        ),
        (
            "**Track lead**: @esther, @ivan\nNext Review: November 30, 2026",
            None,
            "2026-11-30",
            ("@esther", "@ivan"),
        ),
        ("Last Updated: 2025-12-01 | Current Version: v0.2.5", "2025-12-01", None, ()),
    ],
)
def test_several_header_fields_on_one_line(
    header: str, updated: str | None, review: str | None, owners: tuple[str, ...]
) -> None:
    meta = milepost.loads(f"# T\n\n{header}\n\n## Current Focus\n\n**Owner:** @nobody\n").meta
    assert (str(meta.last_updated) if meta.last_updated else None) == updated
    assert (str(meta.next_review) if meta.next_review else None) == review
    assert meta.owners == owners  # a section's owner is not the track's lead
    if updated:
        assert meta.last_updated_text is not None and meta.last_updated_text.startswith(updated)


def test_milestones_read_feature_impact_and_details() -> None:
    roadmap = milepost.loads(
        "# T Roadmap\n\n## Completed Milestones\n\n### October 2026\n"
        "- ✅ Transcript store shipped - agents can look up earlier turns (#12)\n"
        "  - Details: [docs](https://example.org/docs) and [post](https://example.org/blog)\n"
        "- ✅ Dark mode released: easier on the eyes\n"
        "- ✅ Faster sync shipped\n"
        "- ✅ v0.3 - memory backends\n"
        "- ✅ What the beta delivered\n"
    )
    [group] = roadmap.milestones
    got = [(m.feature, m.impact, m.details) for m in group.milestones]
    assert got == [
        (
            "Transcript store",
            "agents can look up earlier turns",
            ("https://example.org/docs", "https://example.org/blog"),
        ),
        ("Dark mode", "easier on the eyes", ()),
        ("Faster sync", None, ()),
        ("v0.3 - memory backends", None, ()),  # no "shipped": nothing to split by
        ("What the beta delivered", None, ()),  # prose, not "<feature> delivered - <impact>"
    ]
    # every view of an item agrees on its title, and its reference is kept
    first = group.milestones[0].item
    assert group.items[0] is first and first in roadmap.items and first.refs == ("#12",)
    assert milepost.loads("# T\n\n- ✅ Search shipped - fast\n").items[0].title == (
        "Search shipped - fast"  # outside Completed Milestones a title is left whole
    )


def test_a_heading_after_a_release_gives_its_items_no_release() -> None:
    roadmap = milepost.loads(
        "# T v0.3 Roadmap\n\n## Future Enhancements (Post-v0.3)\n\n"
        "### v0.4 Plans\n- Sync\n\n### Long-term Vision\n- Plugins\n"
    )
    assert [(i.title, i.period.label if i.period else None) for i in roadmap.items] == [
        ("Sync", "v0.4")  # "Plugins" has no period: it was "v0.3", the release it comes after
    ]


def test_a_heading_that_only_dates_is_no_item() -> None:
    roadmap = milepost.loads(
        "# X Roadmap\n\n## Current Focus\n\n### 🗓️ November 2026\n- [ ] Thing\n\n"
        "### 📋 Q1 2027\n- 📋 Other\n\n### 📋 v0.2 - Search\n\n### 🚧 v0.4\n"
    )
    got = [(i.title, i.kind, i.period.label if i.period else None) for i in roadmap.items]
    assert got == [
        ("Thing", "task", "2026-11"),
        ("Other", "list", "2027-Q1"),
        ("v0.2 - Search", "heading", "v0.2"),  # a deliverable under a status emoji
        ("v0.4", "heading", "v0.4"),  # a release is a deliverable, not a date
    ]


@pytest.mark.parametrize(
    ("written", "label", "version"),
    [
        ("### v0.4 (January 2027)\n- 📋 Sync\n", "2027-01", "v0.4"),
        ("### v1.2 - Q4 2026\n- 📋 Sync\n", "2026-Q4", "v1.2"),
        ("- 📋 Sync in v0.5 (March 2027)\n", "2027-03", "v0.5"),
        (
            "| Item | Target | Status |\n| --- | --- | --- |\n"
            "| Sync | v0.4, January 2027 | Planned |\n",
            "2027-01",
            "v0.4",
        ),
        ("### January 2027 (v0.4)\n- 📋 Sync\n", "2027-01", None),
        ("- 📋 Upgrade to Python 3.12 (v3) by March 2027\n", "2027-03", None),  # not joined
        ("### v0.4\n- 📋 Sync\n", "v0.4", "v0.4"),
    ],
)
def test_a_version_with_its_date_is_that_date(
    written: str, label: str, version: str | None
) -> None:
    [item] = milepost.loads(f"# X Roadmap\n\n## Current Focus\n\n{written}").items
    assert item.period is not None
    assert (item.period.label, item.period.version) == (label, version)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Handle 2030 concurrent users", None),  # counts users
        ("Generated backlog item number 1900 for load", None),
        ("Support 2048-token context windows", None),
        ("Ship auth by 2026", 2026),
        ("Podman 6 (Spring 2026) High Level Design", 2026),
        ("Launch in early 2027", 2027),
        ("Retire the v1 API - 2027", 2027),
        ("Done by end of 2026", 2026),
    ],
)
def test_a_lone_year_in_an_item_is_when_only_where_it_says_when(
    text: str, year: int | None
) -> None:
    """A number in an item's words often counts things: a lone year is its period only after
    a word that says when, in brackets, leading or ending it. A heading's year always is
    ("Qdrant 2023 Roadmap")."""
    roadmap = milepost.loads(f"# T\n\n## Qdrant 2023 plans\n\n- 📋 {text}\n")
    [item] = [i for i in work_items(roadmap) if i.title == text]
    period = item.period
    if year is None:
        assert period is not None and period.label == "2023"  # the heading's, not its own
    else:
        assert period is not None and period.label == str(year)


def test_a_period_after_text_whose_lower_case_is_longer_is_read_where_it_is() -> None:
    """A capital dotted I lowers to two characters: the period is found where it is written."""
    from milepost.vocabulary.periods import read_period

    period = read_period("İİ İstanbul launch in March 2027", prose=True)
    assert period is not None and (period.label, period.text) == ("2027-03", "March 2027")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2027: multi-tenant support", 2027),  # leading the words, after the status emoji
        ("Launch 2027+", 2027),
        ("Roadmap 2027: new scheduler", 2027),
        ("Support for 2000 concurrent users", None),  # far from the roadmap's date: a count
        ("Reduce memory by 2048 MB", None),
        ("Scale to 2000", None),
    ],
)
def test_a_lone_year_far_from_the_roadmaps_date_counts_things(text: str, year: int | None) -> None:
    roadmap = milepost.loads(f"# T\n\n**Last updated:** 2026-11-01\n\n## Plans\n\n- 📋 {text}\n")
    [item] = [i for i in work_items(roadmap) if i.title == text]
    assert (item.period.label if item.period else None) == (str(year) if year else None)


@pytest.mark.parametrize(
    ("line", "title", "refs", "status"),
    [
        ("- 🚧 Feature X (#361) (beta)", "Feature X (beta)", ("#361",), "in_progress"),
        ("- [ ] Feature X (#361) [beta]", "Feature X [beta]", ("#361",), "planned"),
        ("- 🚧 Feature X (#361, @kim) (beta) @lee", "Feature X (beta)", ("#361",), "in_progress"),
        ("- Feature X (#361) (beta) (in progress)", "Feature X (beta)", ("#361",), "in_progress"),
        ("- Feature X (in progress) (#361)", "Feature X", ("#361",), "in_progress"),
        ("- 🚧 Feature X (beta) (#361)", "Feature X (beta)", ("#361",), "in_progress"),
        # "Issue #347" as "PR #12"; another repository's issue, linked or written out.
        ("- [ ] Context overflow (Issue #347)", "Context overflow", ("#347",), "planned"),
        (
            "- [ ] Late init [provider-aws#536](https://github.com/o/provider-aws/pull/536)",
            "Late init",
            ("https://github.com/o/provider-aws/pull/536",),
            "planned",
        ),
        (
            "- [ ] GCP networking o/provider-gcp#131",
            "GCP networking",
            ("o/provider-gcp#131",),
            "planned",
        ),
        ("- [ ] Upgrade to C#12", "Upgrade to C#12", (), "planned"),  # a language, no issue
        # A reference inside the sentence is part of it; only a tail of notes lets it go.
        (
            "- 🚧 Fix the crash (#361) in the parser",
            "Fix the crash (#361) in the parser",
            ("#361",),
            "in_progress",
        ),
    ],
)
def test_references_leave_the_title_before_trailing_notes(
    line: str, title: str, refs: tuple[str, ...], status: str
) -> None:
    item = only(f"# T\n\n## Work\n\n{line}\n")
    assert (item.title, item.refs, item.status and item.status.value) == (title, refs, status)


def test_a_tail_of_references_may_list_links_after_the_first() -> None:
    # raylib's ROADMAP.md: the title kept "(more flexible) (", the rest read as references.
    item = only(
        "# T\n\n## Work\n\n- [x] Redesign camera module (more flexible) "
        "([#1143](https://github.com/o/r/issues/1143), https://github.com/o/r/discussions/2507)\n"
    )
    assert item.title == "Redesign camera module (more flexible)"
    assert "#1143" in item.refs


def test_a_success_criterion_ticked_as_a_bullet_style_is_titled_without_the_tick() -> None:
    """Under "Success Criteria" a leading ✅ is how the list is bulleted, not a status: the
    criterion is "95% of runs finish under 2 s", not "✅ 95% of runs ..." (in export, in the
    goal's criteria), and still carries no status."""
    roadmap = milepost.loads(
        "# T Roadmap\n\n## Medium-Term Goals\n\n### Goal 1: Speed\n**Success Criteria:**\n"
        "- ✅ 95% of runs finish under 2 s\n- ✅ **No** regressions\n"
    )
    criteria = roadmap.goals[0].goals[0].criteria
    assert [(c.title, c.status) for c in criteria] == [
        ("95% of runs finish under 2 s", None),
        ("No regressions", None),
    ]
    assert criteria[0].text == "✅ 95% of runs finish under 2 s"


@pytest.mark.parametrize(
    ("line", "status", "title"),
    [
        ("- 📋 Export to CSV (in progress)", Status.IN_PROGRESS, "Export to CSV"),
        ("- 📋 Export to CSV (in progress) @ann #4", Status.IN_PROGRESS, "Export to CSV"),
        ("- ✅ Search (in progress) (#12)", Status.IN_PROGRESS, "Search"),
        ("- ✅ Search (#12)", Status.DONE, "Search"),
        ("- ✅ Search (beta)", Status.DONE, "Search (beta)"),
        ("- 🚧 Search (in progress)", Status.IN_PROGRESS, "Search"),
        # a Status: field is words too, in brackets or after a dash
        ("- 🚧 Light mode (Status: Planned)", Status.PLANNED, "Light mode"),
        ("- 🚧 Dark mode - Status: Planned", Status.PLANNED, "Dark mode"),
        ("- 🚧 Dark mode - **Status:** _Planned_", Status.PLANNED, "Dark mode"),
        ("- 📋 Network module - _DISCARDED_", Status.DROPPED, "Network module"),
        ("- 🚧 Dark mode - Status: In Progress", Status.IN_PROGRESS, "Dark mode"),
    ],
)
def test_a_trailing_tag_beats_the_leading_emoji(line: str, status: Status, title: str) -> None:
    """When an item's words and its emoji disagree, the words win (LABELS.md rule 6): a
    trailing "(in progress)" is a status in words, the leading 📋 one in a glyph. So is a
    ``Status:`` field and a dash tag: "🚧 Dark mode - Status: Planned" read as in progress
    where "🚧 Light mode (Status: Planned)" read as planned (only a line with a ")" was
    looked at for a tag)."""
    item = only(f"# T\n\n## Now\n\n{line}\n")
    assert (item.status, item.title) == (status, title)


@pytest.mark.parametrize(
    ("line", "status", "title", "owners", "refs"),
    [
        ("- Search - Status: Planned @kim", Status.PLANNED, "Search", ("@kim",), ()),
        ("- Search — **Status:** Blocked @kim", Status.BLOCKED, "Search", ("@kim",), ()),
        ("- Search (Status: WIP) @kim @lee", Status.IN_PROGRESS, "Search", ("@kim", "@lee"), ()),
        ("- Search - Status: Planned (#12)", Status.PLANNED, "Search", (), ("#12",)),
        ("- Search - Status: Done #12 @kim", Status.DONE, "Search", ("@kim",), ("#12",)),
        ("- Status: Planned @kim", Status.PLANNED, "Status: Planned", ("@kim",), ()),
        ("- Search - in progress @kim", Status.IN_PROGRESS, "Search", ("@kim",), ()),
        ("- Search - Done (#12, @kim)", Status.DONE, "Search", ("@kim",), ("#12",)),
        # words after the field or the tag are no references: no status is read
        ("- Search - Status: Planned @kim and more", None, None, ("@kim",), ()),
        ("- Search - see @kim", None, None, ("@kim",), ()),
    ],
)
def test_a_field_or_dash_tag_followed_by_owners_and_references_is_read(
    line: str,
    status: Status | None,
    title: str | None,
    owners: tuple[str, ...],
    refs: tuple[str, ...],
) -> None:
    """ "Search - Status: Planned @kim" read as no status (its value, "Planned @kim", named
    none), as did "Search - in progress @kim", where "(in progress) @kim" was read: owners
    and references may follow a field or a dash tag as they follow a bracketed one. The
    title is the words before the field; a field that is all the item says is its title,
    without its owner."""
    (item,) = milepost.loads(f"# T Roadmap\n\n## Current Focus\n\n{line}\n").items
    assert (item.status, item.owners, item.refs) == (status, owners, refs)
    if title is not None:
        assert item.title == title


@pytest.mark.parametrize(
    ("line", "title", "marker"),
    [
        ("- ✅ Shipped", "Shipped", "✅ Shipped"),
        ("- ✅️ Done", "Done", "✅️ Done"),
        ("- 🎉 ✅ Shipped", "Shipped", "✅ Shipped"),
        ("- :white_check_mark: Released", "Released", ":white_check_mark: Released"),
        ("- 🚧 **In Progress**", "In Progress", "🚧 In Progress"),
        ("- ✅ **Completed:**", "Completed", "✅ Completed:"),
        ("- ⏳ **PENDING**", "PENDING", "⏳ PENDING"),
        ("- **Done:**", "Done", "Done:"),
        ("- ✅ Shipped (#12)", "Shipped", "✅ Shipped"),
        ("- ✅ Shipped @kim", "Shipped", "✅"),
        ("- ✅", "✅", "✅"),  # no words at all: the glyph is all there is to call it
    ],
)
def test_an_item_whose_only_words_are_its_status_is_titled_by_them(
    line: str, title: str, marker: str
) -> None:
    """ "- ✅ Shipped" under Current Focus was titled "✅ Shipped", its marker in its title,
    and "- ✅ Shipped (#12)" "✅ Shipped (#12)", where "- ✅ Shipped @kim" is "Shipped": what
    is left once the marker is read is no words, and the title fell back to the whole text.
    A reader calls it "Shipped", the words it says, without the glyph or the label's colon
    (no title of a marked item holds its glyph); the marker is kept as written."""
    item = only(f"# T Roadmap\n\n## Current Focus\n\n{line}\n")
    assert (item.title, item.marker) == (title, marker)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("- **Status:** ✅ Completed in v0.1.5", "Status: Completed in v0.1.5"),
        ("- **Status**: 🚧 In progress (beta)", "Status: In progress (beta)"),
        ("- [ ] **State:** Planned for March 2027 (#4)", "State: Planned for March 2027"),
        ("- **Status:** Planned", "Status: Planned"),
        ("- **Status:** Planned - Dark mode", "Dark mode"),  # its own words, parted by " - "
    ],
)
def test_an_item_that_is_a_status_field_is_titled_by_the_field(line: str, title: str) -> None:
    """Among a list's items, "- **Status:** ✅ Completed in v0.1.5" was titled "in v0.1.5":
    the words after the status words go on with the field's value and name no work. The item
    is the field, as "- **Status:** Planned" alone already was. (Opening the section's list,
    the field is its heading's: "### Track: Memory Module" is the item.)"""
    assert only(f"# T\n\n## Work\n\n- Login\n{line}\n").title == title


def test_a_community_request_written_as_a_table_row() -> None:
    """A request in a table was read from the row's text: "Sync | Planned | 12" was its
    description, "Dark mode |" that of a row whose Status cell said "Status: In Progress",
    and that cell no status. Its description is the cell that names it (a Description column
    beside a Request column describes it, the Request cell naming it), its status its Status
    cell; the row's other cells stay in its item's text."""
    roadmap = milepost.loads(
        "# T Roadmap\n\n## Community Requests\n\n| Request | Status | Votes |\n|---|---|---|\n"
        "| Sync | Planned | 12 |\n| Dark mode | Status: In Progress | 4 |\n| Export | | 2 |\n\n"
        "## Community Feedback\n\n| Request | Description | Status |\n|---|---|---|\n"
        "| Request 1 | Offline mode | ✅ Completed |\n| | Bulk edit | Planned |\n"
    )
    assert [(r.name, r.description, r.status, r.title) for r in roadmap.requests] == [
        ("", "Sync", Status.PLANNED, "Sync"),
        ("", "Dark mode", Status.IN_PROGRESS, "Dark mode"),
        ("", "Export", None, "Export"),
        ("Request 1", "Offline mode", Status.DONE, "Offline mode"),
        ("", "Bulk edit", Status.PLANNED, "Bulk edit"),
    ]
    assert roadmap.requests[0].item.text == "Sync | Planned | 12"
    assert [r.span.first_line for r in roadmap.requests] == [7, 8, 9, 15, 16]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("**raylib 7.0**\n- [ ] Win32 backend\n", "v7.0"),  # a release named by its version
        ("### Release 2.5\n- [ ] Win32 backend\n", "v2.5"),
        ("**Q1 2027:**\n- [ ] Win32 backend\n", "2027-Q1"),
        ("**What to expect in v0.3:**\n- Win32 backend (in progress)\n", "v0.3"),
        ("**Phase 2.1**\n- [ ] Win32 backend\n", None),  # a part of the plan, no release
        ("The backends we plan, raylib 7.0 among them:\n- [ ] Win32 backend\n", None),  # prose
        # when the list was written, not when its work is due (all were past due)
        ("As of October 2026:\n- [ ] Win32 backend\n", None),
        ("**Last updated: January 2025**\n- [ ] Win32 backend\n", None),
    ],
)
def test_a_label_over_a_list_dates_it_as_a_heading_does(text: str, label: str | None) -> None:
    """raylib's roadmap is one list per "**raylib 7.0**" label: its items had no period. A
    label that says when the list was written ("As of October 2026:") dates none of it."""
    item = only(f"# T\n\n## Plans\n\n{text}")
    assert (item.period.label if item.period else None) == label


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("### ✅ Completed Core Features", "done"),
        ("## Planned Major Features", "planned"),
        ("### Complete Multimodal Support", None),  # a deliverable's name
    ],
)
def test_a_status_and_a_kind_of_work_one_word_may_qualify_is_a_status_heading(
    heading: str, status: str | None
) -> None:
    found = statuses(f"# R\n\n{heading}\n\n- Unified configuration\n- Multi-platform deploys\n")
    items = ["Unified configuration", "Multi-platform deploys"]
    assert found == ([] if status is None else [(item, status) for item in items])


def test_a_turkish_status_heading_names_the_kind_of_work_after_its_status() -> None:
    """ "## 🔜 Planlanan Özellikler" is "Planned Features": a status heading over its items,
    as "Geplante Funktionen" is, not an item of its own."""
    text = "# R\n\n## 🔜 Planlanan Özellikler\n\n- Giriş\n- Dışa aktarma\n"
    text += "\n## Tamamlanan Görevler\n\n- Kurulum\n"
    assert statuses(text) == [
        ("Giriş", "planned"),
        ("Dışa aktarma", "planned"),
        ("Kurulum", "done"),
    ]


def test_a_heading_tag_may_have_a_note_in_brackets_after_it() -> None:
    """ "✅ done (2026-06-03)" and "✅ (this commit)" end a heading as "✅ done" does: the note
    dates or explains it; a share done in the note says more than the glyph, and is left."""
    text = "# R\n\n## Phase 0 — Publish the repo  ✅ (this commit)\n\nText.\n"
    text += "\n### Edit modes — Move  ✅ done (2026-06-03)\n\nText.\n"
    text += "\n### E.2 — Environment editing ✅ done (shelves still deferred)\n\nText.\n"
    text += "\n## 1. Core Foundations ✅ **(90% Complete - ALPHA)**\n\nText.\n"
    assert statuses(text) == [
        ("Phase 0 — Publish the repo", "done"),
        ("Edit modes — Move", "done"),
        ("E.2 — Environment editing", "done"),
    ]


def test_a_status_glyph_closing_a_bold_name_marks_the_item() -> None:
    """ "**M0.1 ✅ done** — wire protocol": the glyph (and its words, a note in brackets)
    ends the bold name the description follows; not a rating's label ("**Risk ✅**")."""
    text = "# R\n\n- **M0.1 ✅ done** — pure wire protocol\n- **M0.2 🚧** — avatars\n"
    text += "- **Bundle chunking ✅ done (2026-06-13)**: vite chunks\n- **Risk ✅** — low\n"
    assert statuses(text) == [
        ("M0.1", "done"),
        ("M0.2", "in_progress"),
        ("Bundle chunking", "done"),
    ]


def test_a_heading_glyph_means_what_the_status_field_under_it_says() -> None:
    """ "### M2: WebXR ⏳" over "**Status:** Planned", again and again: the document's ⏳ is
    planned work, so its "| ⏳ |" cells are planned, not under way."""
    text = "# R\n"
    for n in (2, 3):
        text += f"\n### M{n}: Step {n} ⏳\n**Timeframe:** Weeks {n}-4\n**Status:** Planned\n"
        text += f"\n| Task | Status |\n|---|---|\n| Task {n} | ⏳ |\n"
    assert statuses(text) == [
        ("M2: Step 2", "planned"),
        ("Task 2", "planned"),
        ("M3: Step 3", "planned"),
        ("Task 3", "planned"),
    ]


def test_status_words_joined_by_a_plus_say_the_first_words_status() -> None:
    """ "✅ COMPLETE + TESTED", "✅ done + DEPLOYED": the first word says the status, the rest
    adds to it; not words of two statuses ("✅ Done + Blocked")."""
    text = "# R\n\n#### `cetus.move` - ✅ COMPLETE + TESTED\n\nText.\n\n"
    text += "- **M0.3 ✅ done + DEPLOYED** — WebSocket transport\n- Sync ✅ Done + Blocked\n"
    assert statuses(text) == [("cetus.move", "done"), ("M0.3", "done")]


def test_check_marks_under_a_heading_of_benefits_are_no_work() -> None:
    """ "## 🎉 Benefits of Official Status" over "- ✅ **Built-in**: ...": points in favour,
    as under "**Benefits:**"; "Already Implemented (Bronze + Silver)" titles done work, its
    note no part of it; "Add DayPilot Advantages" names work, its ✅ items done."""
    text = "# R\n\n### ✅ Already Implemented (Bronze + Silver)\n\n- Config flow\n"
    text += (
        "\n## 🎉 Benefits of Official Status\n\n### For Users\n\n- ✅ **Built-in**: no install\n"
    )
    text += "\n## Plan\n\n### Move 2: Add DayPilot Advantages\n\n1. ✅ Daily brief\n"
    assert statuses(text) == [("Config flow", "done"), ("Daily brief", "done")]


def test_edits_set_a_heading_glyph_and_a_bold_names_glyph_before_their_notes(
    tmp_path: Path,
) -> None:
    """The glyph before a note in brackets, in bold or not, and the glyph closing a bold
    name, are what an edit sets: the note and the name stay as written."""
    text = "# R\n\n## 2. Essential Editing 🚧 **(BETA Threshold)**\n\nText.\n\n"
    text += "## Phase 0 ✅ (this commit)\n\nText.\n\n- **M0.1 ✅ done** — wire protocol\n"
    after = edited(
        tmp_path / "r.md",
        text,
        ("block", "Essential Editing"),
        ("start", "Phase 0"),
        ("start", "M0.1"),
    )
    assert after == text.replace("🚧 **(BETA", "⛔ **(BETA").replace(
        "✅ (this commit)", "🚧 (this commit)"
    ).replace("**M0.1 ✅ done**", "**M0.1 🚧 in progress**")


def test_a_top_section_of_known_issues_is_a_part_of_the_document() -> None:
    """ "## 🚧 Known Issues & Limitations", "## 📋 Known Issues": the glyph decorates a part
    of the document, no work under way or planned; "### ✅ Fix known issues" is work."""
    text = "# R\n\n## 🚧 Known Issues & Limitations\n\n1. Windows is slow\n"
    text += "\n## 📋 Known Issues\n\n- Coverage is low\n\n## Plan\n\n### ✅ Fix known issues\n"
    assert statuses(text) == [("Fix known issues", "done")]


def test_the_rows_of_a_risk_register_are_risks_not_work() -> None:
    """ "| R1 | Story 1.1 delayed | Medium | High | monitor | 🟢 Monitored |": a risk (read
    as one), its Status cell the risk's, no status of work."""
    text = "# R\n\n## Risks\n\n| Risk | Probability | Impact | Mitigation | Status |\n"
    text += "|---|---|---|---|---|\n| Story 1.1 delayed | Medium | High | watch | 🟢 Monitored |\n"
    text += "| CSV variations | High | Medium | fuzz | ✅ Done |\n"
    roadmap = milepost.loads(text)
    assert [i.title for i in roadmap.items if i.status] == []
    assert [r.name for r in roadmap.risks] == ["Story 1.1 delayed", "CSV variations"]


def test_readings_that_would_misname_work_are_left() -> None:
    """What a glyph closing a bold name does not mark: a cross alone after a topic ("no"), a
    time, a Status label, two names, a date or a share after the glyph; joined words that
    say more than the first ("Done + Partial"); a heading that starts with "Benefits" but
    names work; a share done in a heading's note."""
    text = "# R\n\n- **Security ❌** — none known\n- **Q3 🔜** — hiring\n"
    text += "- **Status ✅** — all good\n- **Phase 1 ✅ / Phase 2 🚧** — split\n"
    text += "- **Beta 📋 Q3 2026** — public beta\n- **Auth 🚧 80% complete** — OAuth\n"
    text += "- Sync ✅ Done + Partial\n"
    text += "\n## Benefits Portal\n\n- ✅ Enrollment form\n"
    text += "\n### Perf tuning ✅ done (p99 down 30%)\n\nText.\n"
    assert statuses(text) == [("Enrollment form", "done"), ("Perf tuning", "done")]


def test_turkish_capital_dotted_i_in_a_status_heading() -> None:
    """ "## PLANLANAN ÖZELLİKLER", "## Tamamlanan İşler": "İ" lowers to "i" and a combining
    dot, which the heading's words are read without."""
    text = "# R\n\n## Tamamlanan İşler\n\n- Kurulum\n\n## PLANLANAN ÖZELLİKLER\n\n- Giriş\n"
    assert statuses(text) == [("Kurulum", "done"), ("Giriş", "planned")]


def test_edits_of_joined_words_and_notes_in_markup(tmp_path: Path) -> None:
    """An edit sets the first of joined words and drops what it added ("✅ COMPLETE + TESTED"
    started is "🚧 IN PROGRESS"), in a bold name too; a heading's glyph before a note in bold
    italics or code is set, the note kept."""
    text = "# R\n\n- Login ✅ COMPLETE + TESTED\n- **M0.4 ✅ done + DEPLOYED** — sync\n\n"
    text += "## 3. Sync 🚧 ***(beta)***\n\nText.\n\n## 6. Feed 🚧 `(beta)`\n\nText.\n"
    after = edited(
        tmp_path / "r.md",
        text,
        ("start", "Login"),
        ("block", "M0.4"),
        ("ship", "3. Sync"),
        ("ship", "6. Feed"),
    )
    assert after == (
        text.replace("✅ COMPLETE + TESTED", "🚧 IN PROGRESS")
        .replace("✅ done + DEPLOYED", "⛔ blocked")
        .replace("🚧 ***(beta)***", "✅ ***(beta)***")
        .replace("🚧 `(beta)`", "✅ `(beta)`")
    )


def test_words_joined_by_a_slash_after_a_glyph_and_their_edit(tmp_path: Path) -> None:
    """ "🔵 *Future/Optional*" ends a phase's heading: the first word says its status (not
    "Done/In Progress", two); an edit sets it in place, the glyph before it too."""
    text = "# R\n\n## 🎮 **PHASE 6: Gaming** 🔵 *Future/Optional*\n\nText.\n\n"
    text += "- Sync ✅ Done/In Progress\n"
    assert statuses(text) == [("🎮 PHASE 6: Gaming", "future")]
    after = edited(tmp_path / "r.md", text, ("start", "PHASE 6"))
    assert after == text.replace("🔵 *Future/Optional*", "🚧 *In Progress*")


def test_a_list_that_opens_a_section_with_a_status_field_gives_the_heading_its_status() -> None:
    """ "### Feature X" over "- Status: Done" and "- Owner: @kim": the heading's fields, its
    status done (not an item named "Status: Done"); the field's words win over an hourglass,
    "### ⏳ λ = 2000 - QUEUED" over "- **Status**: Pending" is planned."""
    text = "# R\n\n### Feature X\n\n- Status: Done\n- Owner: @kim\n"
    text += "\n### ⏳ Sweep 2000 - QUEUED\n\n- **Status**: Pending\n"
    assert statuses(text) == [("Feature X", "done"), ("Sweep 2000 - QUEUED", "planned")]


def test_second_review_readings() -> None:
    """A migration plan's changes rated by impact are work, not a risk register; benefits
    weighed against something else are points in favour; a cross a legend keys as dropped
    drops a bold name's work; "Known Issues" ends the title of work that fixes them; a bare
    share in a heading's note says more than its ✅."""
    text = "# R\n\n## Migration plan\n\n| Change | Impact | Mitigation | Status |\n"
    text += "|---|---|---|---|\n| Remove v1 API | High | shim | ✅ Done |\n"
    text += "\n## Benefits & Trade-offs\n\n- ✅ **Built-in**: no plugin\n"
    text += "\n## Legend\n\n| Glyph | Meaning |\n|---|---|\n| ❌ | Dropped |\n| ✅ | Done |\n"
    text += "\n## Work\n\n- **Legacy importer ❌** — cut from scope\n"
    text += "\n## ✅ Fix known issues\n\nText.\n\n### Auth ✅ (90%)\n\nText.\n"
    assert statuses(text) == [
        ("Remove v1 API", "done"),
        ("Legacy importer", "dropped"),
        ("Fix known issues", "done"),
    ]


def test_third_review_readings() -> None:
    """What a Status field opening a section's list does not say of its heading: a field
    after a paragraph, in a task box, with a topic after "Status &", or of a model's values;
    under a part of the document ("### Summary"). A slash says "or" ("✅ Done/Reverted"), a
    share in a heading's note short of all of it says more than its ✅ ("(90%)"), a figure
    does not ("(95% hit rate)"); a risk register under "## Risks" keyed by an ID column."""
    text = "# R\n\n### Auth\n\nRewrite.\n\n- Status: Done\n"
    text += "\n### Login\n\n- [ ] Status: Blocked on design\n"
    text += "\n### Order model\n\n- status: pending | shipped | cancelled\n"
    text += "\n### Summary\n\n- **Status**: On track\n"
    text += "\n### Payments ✅ Done/Reverted\n\nText.\n\n### Sync ✅ (90%)\n\nText.\n"
    text += "\n### Caching ✅ (95% hit rate)\n\nText.\n"
    text += "\n## Risks\n\n| ID | Likelihood | Impact | Mitigation | Status |\n"
    text += "|---|---|---|---|---|\n| Key person leaves | Low | High | docs | ✅ Done |\n"
    assert statuses(text) == [
        ("Status: Done", "done"),
        ("Status: Blocked on design", "planned"),
        ("Status: On track", "in_progress"),
        ("Caching", "done"),
    ]
