"""Roadmaps written in other languages than English: their status words in Status cells (under
a header in their language), status headings and labels read as the English ones; edits write
the document's own words back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_extract_status_places import edited, statuses


@pytest.mark.parametrize(
    ("header", "cell", "status"),
    [
        ("Статус", "✅ Выполнено", "done"),
        ("Статус", "🗓 Запланировано", "planned"),
        ("Статус", "В работе", "in_progress"),
        ("Statut", "Terminé", "done"),
        ("Statut", "En cours", "in_progress"),
        ("Statut", "À faire", "planned"),
        ("État", "Abandonné", "dropped"),
        ("Estado", "Completado", "done"),
        ("Estado", "En progreso", "in_progress"),
        ("Estado", "Pendiente", "planned"),
        ("Estado", "Bloqueado", "blocked"),
        ("Estado", "No empezado", "planned"),
        ("Situação", "Não iniciado", "planned"),
        ("Statut", "Pas commencé", "planned"),
        ("Status", "Nicht begonnen", "planned"),
        ("Stato", "Non iniziato", "planned"),
        ("状态", "构思中", "future"),
        ("Situação", "Concluído", "done"),
        ("Situação", "Em andamento", "in_progress"),
        ("Status", "Erledigt", "done"),
        ("Status", "In Arbeit", "in_progress"),
        ("Status", "Geplant", "planned"),
        ("Stato", "Completato", "done"),
        ("状态", "已完成", "done"),
        ("状态", "进行中", "in_progress"),
        ("状态", "计划中", "planned"),
        ("ステータス", "完了", "done"),
        ("ステータス", "対応中", "in_progress"),
        ("ステータス", "未着手", "planned"),
        ("Status", "planejada", "planned"),
        ("Estado", "Parcial", "in_progress"),
        ("Durum", "✅ Tamamlandı", "done"),
        ("Durum", "Devam ediyor", "in_progress"),
        ("Durum", "❌ Kapsam dışı", "dropped"),
        ("Trạng thái", "Đang triển khai", "in_progress"),
        ("Trạng thái", "Kế hoạch", "planned"),
        ("상태", "완료", "done"),
        ("Status", "Zrobione", "done"),
        ("Status", "W trakcie", "in_progress"),
        ("Status", "Planowane", "planned"),
        ("Статус", "Закрито", "done"),
        ("상태", "진행 중", "in_progress"),
        ("Status", "Direncanakan", "planned"),
        ("Status", "Selesai", "done"),
        # pending is planned, on hold and waiting blocked, in review under way
        ("État", "🔎 En attente de validation", "planned"),
        ("État", "En révision", "in_progress"),
        ("Estado", "En espera", "blocked"),
        ("Estado", "En revisión", "in_progress"),
        ("Situação", "Aguardando revisão", "blocked"),
        ("Situação", "Em revisão", "in_progress"),
        ("Status", "In Prüfung", "in_progress"),
    ],
)
def test_a_status_cell_in_another_language_reads_as_in_english(
    header: str, cell: str, status: str
) -> None:
    table = f"| Tâche | {header} |\n|---|---|\n| Export | {cell} |\n"
    assert statuses(f"# R\n\n{table}") == [("Export", status)]


def test_arabic_hebrew_persian_and_greek_status_words() -> None:
    """An Arabic point-of-sale roadmap keys its table "الحالة" (status) with "✅ منجز" and
    "⬜ مستقبلاً" (in the future), and tags missing work "(لم يتم)" (not done); none was
    read. "مخطط" is planned in a Status cell, but a schema in brackets ("(مخطط v8)": schema
    version 8), so only a cell says so; Hebrew, Persian and Greek read the same way."""
    arabic = (
        "# خارطة الطريق\n\n| الميزة | الحالة |\n|---|---|\n| الدفتر | ✅ منجز |\n"
        "| المشتريات | ⬜ مستقبلاً |\n| الإصدار 2.0 | 📋 مخطط |\n\n## الميزات\n\n"
        "- ⚠️ Virtual Tours (لم يتم)\n\n### ✅ الصندوق  *(مخطط v9)*\n"
    )
    assert statuses(arabic) == [
        ("الدفتر", "done"),
        ("المشتريات", "future"),
        ("الإصدار 2.0", "planned"),
        ("⚠️ Virtual Tours", "planned"),
        ("الصندوق  (مخطط v9)", "done"),
    ]
    others = (
        "# R\n\n| Feature | Status |\n|---|---|\n| A | בתהליך |\n| B | تکمیل شده |\n"
        "| C | σε εξέλιξη |\n| D | בוטל |\n| E | מתוכנן |\n"
    )
    assert statuses(others) == [
        ("A", "in_progress"),
        ("B", "done"),
        ("C", "in_progress"),
        ("D", "dropped"),
        ("E", "planned"),
    ]


def test_dutch_turkish_and_indonesian_legends_and_tags() -> None:
    """A Dutch course keys its Status column "🛠️ in opbouw" (under construction) and "💡
    idee", and "✅ gebouwd en geverifieerd (...)"; a Turkish plan keys its boxes "`[ ]`
    Yapılmadı" (not done), "`[/]` Devam ediyor", "`[X]` Tamamlandı" in a table headed
    "Durum | Açıklama", whose rows were read as items; an Indonesian report tags "- ⏳
    BELUM SELESAI" (not yet finished)."""
    dutch = (
        "# Roadmap\n\n**Statuslegenda:**\n\n- ✅ gebouwd en geverifieerd (budgets gehaald)\n"
        "- 🛠️ in opbouw\n- 💡 idee\n\n| Lab | Thema | Status |\n|---|---|---|\n"
        "| 0 | Fundamenten | ✅ |\n| 11 | Dataverkeer | 🛠️ |\n| 15 | Specialisatie | 💡 |\n"
    )
    assert statuses(dutch) == [
        ("Fundamenten", "done"),
        ("Dataverkeer", "in_progress"),
        ("Specialisatie", "future"),
    ]
    turkish = (
        "# Liste\n\n| Durum | Açıklama |\n|---|---|\n| `[ ]` | Yapılmadı |\n"
        "| `[/]` | Devam ediyor |\n| `[X]` | Tamamlandı |\n\n## Görevler\n\n"
        "### [/] TODO-FM06: Overlay\n\n### [X] TODO-FM01: Hook\n"
    )
    assert statuses(turkish) == [
        ("TODO-FM06: Overlay", "in_progress"),
        ("TODO-FM01: Hook", "done"),
    ]
    indonesian = "# Peta\n\n## Q2 2026\n\n- **Multi-language support** - ⏳ BELUM SELESAI\n"
    assert statuses(indonesian) == [("Multi-language support", "in_progress")]


def test_norwegian_and_swedish_status_cells() -> None:
    """A Norwegian housing platform's Status column says "Ferdig", "Pågår", "Ikke startet",
    "Utgår" (dropped), a Swedish backlog's "Ej startad": no status was read in either."""
    text = (
        "# Roadmap\n\n| Funksjon | Status |\n|---|---|\n| Boligsøk | Ferdig |\n"
        "| Kjøpskalkulator | Pågår |\n| Budrundeverktøy | Ikke startet |\n"
        "| Boliglånskalkulator | Utgår |\n\n## Kvarvarande\n\n| Feature | Status |\n"
        "|---|---|\n| Drag-and-drop stopp | Ej startad |\n"
    )
    assert statuses(text) == [
        ("Boligsøk", "done"),
        ("Kjøpskalkulator", "in_progress"),
        ("Budrundeverktøy", "planned"),
        ("Boliglånskalkulator", "dropped"),
        ("Drag-and-drop stopp", "planned"),
    ]


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("## En cours", "in_progress"),
        ("## 进行中", "in_progress"),
        ("## Erledigt", "done"),
        # the kind of work, then its status, as Spanish, Portuguese and French write it
        ("## ✅ Tareas Completadas", "done"),
        ("## Tarefas Concluídas", "done"),
        ("## Tâches terminées", "done"),
        ("## Tareas Pendientes", "planned"),
        ("## Funcionalidades Futuras", "future"),
    ],
)
def test_a_status_heading_in_another_language_marks_the_items_under_it(
    heading: str, status: str
) -> None:
    assert statuses(f"# R\n\n{heading}\n\n- Export\n- Import\n") == [
        ("Export", status),
        ("Import", status),
    ]


def test_a_common_word_that_may_say_a_status_is_one_only_in_a_status_cell() -> None:
    assert statuses("# R\n\n## Offen\n\n- Export\n") == []
    assert statuses("# R\n\n| Aufgabe | Status |\n|---|---|\n| Export | Offen |\n") == [
        ("Export", "planned")
    ]


BRACKETED = (
    "# Feuille de route\n\n| Tâche | Statut |\n|---|---|\n| Init | [FAIT] |\n"
    "| Export | [EN COURS] |\n| Import | [À FAIRE] |\n\n### Phase 2 : Export [EN COURS]\n\n"
    "- [À FAIRE] Sync\n"
)


def test_a_bracketed_status_is_read_alone_in_a_cell_and_before_a_name() -> None:
    assert statuses(BRACKETED) == [
        ("Init", "done"),
        ("Export", "in_progress"),
        ("Import", "planned"),
        ("Phase 2 : Export", "in_progress"),
        ("Sync", "planned"),
    ]
    english = "# R\n\n| Task | Status |\n|---|---|\n| Init | [DONE] |\n| Sync | (WIP) |\n"
    assert statuses(english) == [("Init", "done"), ("Sync", "in_progress")]


def test_edits_keep_a_cell_s_brackets_and_the_document_s_words(tmp_path: Path) -> None:
    text = edited(tmp_path / "roadmap.md", BRACKETED, ("ship", "Import"), ("start", "Init"))
    assert text == BRACKETED.replace("| Import | [À FAIRE] |", "| Import | [FAIT] |").replace(
        "| Init | [FAIT] |", "| Init | [EN COURS] |"
    )


def test_work_almost_or_partly_complete_in_japanese_is_in_progress_whatever_its_check() -> None:
    """fdb-record-layer's phase table says "✅ ほぼ完了" (almost complete) and "✅ 部分完了"
    (partly complete): the words win over the check mark, as "✅ Partially completed" does."""
    text = (
        "# R\n\n| フェーズ | 状態 |\n|---|---|\n| Phase 1 | ✅ 完了 |\n| Phase 2 | ✅ ほぼ完了 |\n"
        "| Phase 3 | ✅ 部分完了 |\n| Phase 4 | 🟢 On Track |\n"
    )
    assert statuses(text) == [
        ("Phase 1", "done"),
        ("Phase 2", "in_progress"),
        ("Phase 3", "in_progress"),
        ("Phase 4", "in_progress"),
    ]


def test_a_legend_of_symbols_in_spanish_keys_the_status_column() -> None:
    """ProxMenux keys its Estado tables under "Símbolos:" ("🟢 — Hecho y en producción", "🟡 —
    Parcial (...)", "🔴 — Pendiente"): the label was no legend's in Spanish, and "Hecho y en
    producción" not a status, so none of the circles said one."""
    text = (
        "# R\n\nSímbolos:\n\n* 🟢 — Hecho y en producción\n"
        "* 🟡 — Parcial (existe la base, falta UI)\n* 🔴 — Pendiente\n\n"
        "## Estado actual\n\n| Item | Estado | Notas |\n|---|---|---|\n"
        "| Tokens con scopes | 🟡 | 2 scopes |\n| HTTPS | 🟢 | ACME |\n| Allowlist IP | 🔴 | |\n"
    )
    assert statuses(text) == [
        ("Tokens con scopes", "in_progress"),
        ("HTTPS", "done"),
        ("Allowlist IP", "planned"),
    ]


def test_a_status_in_full_width_brackets_after_a_name_or_an_item(tmp_path: Path) -> None:
    """Japanese roadmaps write brackets full width: "- **Week 1（完了）**: …", "- **Week 3
    （進行中）**:", "- Foo（完了）". Each is read as its ASCII form is ("**Week 1 (Done)**:
    …", "Foo (done)"), a date after the word too ("（完了 2025年11月12日）"); an edit
    sets the word, the brackets kept."""
    text = (
        "# ロードマップ\n\n## 2025年11月\n\n- **Week 1（完了）**: 導線統一\n"
        "- **Week 2（完了 2025年11月12日）**:\n  - トレンド\n- **Week 3（進行中）**:\n"
        "  - DM Inbox\n- 検索（完了）\n- **Week 4 (Done)**: bar\n"
    )
    assert statuses(text) == [
        ("Week 1", "done"),
        ("Week 2", "done"),
        ("Week 3", "in_progress"),
        ("検索", "done"),
        ("Week 4", "done"),
    ]
    shipped = edited(tmp_path / "roadmap.md", text, ("ship", "Week 3"))
    assert "- **Week 3（完了）**:\n" in shipped  # in the document's language
    assert ("Week 3", "done") in statuses(shipped)


def test_a_count_of_work_after_a_status_label_is_no_item() -> None:
    """ "- **Completadas**: 4 tareas" counts work, as "- **Completed**: 3 (12%)" does; a
    kind of work alone after a label is no count ("**Done**: Tasks page")."""
    text = (
        "# R\n\n- **Completadas**: 4 tareas\n- **En progreso**: 1 tarea (T004)\n"
        "- **Completed**: 12 items\n- **Done**: Tasks page\n"
    )
    assert statuses(text) == [("Tasks page", "done")]


def test_status_words_of_other_languages_that_are_english_words_are_not_read_so() -> None:
    """Italian "terminate" is English "Terminate"; "Erledigte Aufgaben" is German's order."""
    assert statuses("# R\n\n## Terminate\n\n- Sessions\n") == []
    assert statuses("# R\n\n## Erledigte Aufgaben\n\n- Login\n") == [("Login", "done")]


def test_a_chinese_legend_of_symbols_and_a_version_heading_in_full_width_brackets() -> None:
    """An ops roadmap keys its symbols "- `□` 已规划，尚未开始" (planned, not yet started:
    the full-width comma ends the status as a comma does) and "- `✓` 已落地" (landed, done);
    another heads its releases "## 版本 0.2.0（计划中）", the brackets full-width."""
    legend = (
        "# OpsPilot 路线图\n\n## 图例\n\n- `✓` 已落地 —— 仅作为背景列出\n- `◐` 进行中\n"
        "- `□` 已规划，尚未开始\n\n## A\n\n- **A.1** `✓` Phase 1\n- **A.3** `□` 边端变更事件源\n"
        "- **A.4** `◐` 有向依赖边\n"
    )
    assert statuses(legend) == [
        ("A.1", "done"),
        ("A.3", "planned"),
        ("A.4", "in_progress"),
    ]
    heading = "# 路线图\n\n## 版本 0.2.0（计划中）\n\n- 插件\n\n## 版本 0.3.0（未来）\n"
    assert statuses(heading) == [("版本 0.2.0", "planned"), ("版本 0.3.0", "future")]


def test_work_not_implemented_in_a_status_column_is_not_started() -> None:
    """A spec-verification table marks what is missing "🔴 未実装" or "Not implemented":
    in a Status column, work not started (planned), a note after it or not; more words
    ("Not implemented by design") say something else, and in prose it says nothing."""
    text = (
        "# R\n\n| Feature | Status | Notes |\n|---|---|---|\n| 自動要約 | 🔴 未実装 | - |\n"
        "| Sync | Not implemented (needs #12) | |\n| Export | ✅ 実装済み | |\n"
        "| LDAP | Not implemented by design | |\n\n- Search is not implemented\n"
    )
    assert statuses(text) == [("自動要約", "planned"), ("Sync", "planned"), ("Export", "done")]


def test_legends_under_chinese_and_korean_labels_and_meanings_joined_by_a_slash() -> None:
    """A research template keys its experiments under "**状态图例**：" (a status legend, a
    full-width colon after it), "- ⏳ 计划中（Planned）", "- 🚀 运行中（Running）"; a Korean
    roadmap under "## 상태 표시", "- 🟡 **부분 구현 / 안정화 중**" (partly built / being
    stabilised: both halves agree). A meaning whose halves say two statuses says neither
    ("❌ NOT STARTED / FUTURE")."""
    chinese = (
        "# R\n\n**状态图例**：\n- ⏳ 计划中（Planned）\n- 🚀 运行中（Running）\n"
        "- ✅ 已完成（Done）\n\n"
        "| MVP | 状态 |\n|---|---|\n| MVP-0.0 | ⏳ |\n| MVP-1.1 | 🚀 |\n"
    )
    assert statuses(chinese) == [("MVP-0.0", "planned"), ("MVP-1.1", "in_progress")]
    korean = (
        "# R\n\n## 상태 표시\n\n- 🟡 **부분 구현 / 안정화 중** — 일부 구현됨\n"
        "- ⏳ **계획** — 아직\n\n"
        "## 0. 기반\n\n- 🟡 Presence\n- ⏳ Voice chat\n"
    )
    assert statuses(korean) == [("Presence", "in_progress"), ("Voice chat", "planned")]
    split = "# R\n\n**Legend:**\n- ✅ Done\n- ❌ NOT STARTED / FUTURE\n\n## A\n\n- ❌ Imaging\n"
    assert statuses(split) == []


def test_indonesian_released_in_a_heading_s_bracketed_tag() -> None:
    """quadman heads its tiers "### Tier 1: … (✅ Telah Dirilis, pra-reset v0.2.0)": the
    glyph and "released" before the note say done."""
    text = "# Peta Jalan\n\n### Tier 1: Diferensiator Utama (✅ Telah Dirilis, pra-reset v0.2.0)\n"
    assert statuses(text) == [("Tier 1: Diferensiator Utama", "done")]


def test_future_in_another_language_alone_in_a_heading_s_brackets() -> None:
    """ "## Fase 4: Polimento (Futuro)": "futuro" is too common a word to say a status in
    prose, but alone in a tag's brackets it does, as "(coming soon)" does."""
    text = "# R\n\n## Fase 4: Polimento (Futuro)\n\n## Versão 2.0 (Futur)\n\nO futuro é nosso.\n"
    assert statuses(text) == [("Fase 4: Polimento", "future"), ("Versão 2.0", "future")]


def test_a_status_word_and_a_colon_opening_a_heading_in_other_languages() -> None:
    """ "## 进行中：v1.2.50 维护事项" (in progress: the maintenance of a release; a full-width
    colon wants no blank after it) and "## Prévu : v2.0 Synchronisation" read as "## In
    progress: v1.2.50" does; "## 延期：PyPI" (postponed) says no status milepost knows."""
    text = (
        "# 路线图\n\n## 进行中：v1.2.50 维护事项\n\n- 修复\n\n## 延期：PyPI\n\n"
        "## 计划中：v1.3 产品能力\n\n## Prévu : v2.0 Synchronisation\n\n"
        "## Prévu : Ce qui arrive\n\n- Export\n"  # what's coming: a section of planned work
    )
    assert statuses(text) == [
        ("v1.2.50 维护事项", "in_progress"),
        ("v1.3 产品能力", "planned"),
        ("v2.0 Synchronisation", "planned"),
        ("Export", "planned"),
    ]


def test_the_current_state_column_of_a_chinese_or_japanese_table_is_its_status() -> None:
    text = (
        "# R\n\n| 功能 | 现状 |\n|---|---|\n| 导出 | ✅ |\n| 同步 | 进行中 |\n\n"
        "| 機能 | 現状 |\n|---|---|\n| 検索 | ✅ 利用可 |\n"
    )
    assert statuses(text) == [("导出", "done"), ("同步", "in_progress"), ("検索", "done")]


def test_status_words_in_any_script_after_a_glyph_ending_a_heading() -> None:
    """ "### PR-5：HalVideo ✅ 已完成" ended with a glyph and words of no Latin letter: only
    "✅ COMPLETE" was read there; and a note in full-width brackets set without a blank
    after a glyph ending an item ("~~PR-S4~~ ✅（每核 TSS）") hid the glyph."""
    text = (
        "# 路线图\n\n### PR-5：HalVideo ✅ 已完成\n\n### Tâche ✅ Terminé\n\n"
        "- ~~PR-S4 负载均衡~~ ✅（每核 TSS、偷任务）\n"
    )
    assert statuses(text) == [
        ("PR-5：HalVideo", "done"),
        ("Tâche", "done"),
        ("PR-S4 负载均衡", "done"),
    ]


CHINESE_PROGRESS = (
    "# 翻译进度追踪\n\n## 进度说明\n\n* ✅ 已完成翻译\n* 🔄 翻译中\n* ⏳ 待翻译\n\n"
    "## 前言部分\n\n| 内容 | 文件名 | 状态 |\n|------|--------|------|\n"
    "| 赞誉 | Praise.md | ⏳ |\n| 献词 | Dedication.md | ✅ |\n\n"
    "## 统计信息\n\n* **已完成翻译**：0\n* **翻译中**：2\n\n"
    "## 工作\n\n- Neumann BC (待实现)\n- 导出 [暂停中]\n\n"
    "✅ **已完成的核心能力**:\n\n- 分布式训练框架\n"
)


def test_chinese_statuses_by_their_form_and_a_legend_of_what_the_marks_say() -> None:
    """A book translation keys its marks under "## 进度说明" (what the progress marks say):
    "⏳ 待翻译" (to be translated) there, so its nine ⏳ rows are not started, and they were
    read as under way, its legend as work. A Chinese status is read by its form: "已…完成"
    done, "待…" waiting its turn, "…中" under way (or what its verb says: "暂停中", paused);
    not a noun phrase naming work done ("已完成的核心能力", the core capabilities completed).
    A count after a label and a full-width colon is no item, as after a colon."""
    assert statuses(CHINESE_PROGRESS) == [
        ("赞誉", "planned"),
        ("献词", "done"),
        ("Neumann BC", "planned"),
        ("导出", "blocked"),
    ]


def test_an_edit_sets_a_chinese_label_after_its_full_width_colon(tmp_path: Path) -> None:
    text = "# R\n\n## 工作\n\n* **已完成**：Search\n* **进行中**：Sync\n"
    assert statuses(text) == [("Search", "done"), ("Sync", "in_progress")]
    after = edited(tmp_path / "roadmap.md", text, ("start", "Search"))
    assert "* **进行中**：Search\n" in after
