"""Edits of roadmaps written in another language than English say a new status in the
document's language: a Spanish roadmap's blocked work is "⛔ Bloqueado", not "⛔ Blocked"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milepost.edits.voice import LABELS
from milepost.model import Status
from milepost.vocabulary.languages import LANGUAGE_LABELS, language_of
from milepost.vocabulary.status_words import said_weakly, status_of_word
from tests.fixtures import set_status


@pytest.mark.parametrize("language", sorted(LANGUAGE_LABELS))
def test_each_language_s_word_for_a_status_reads_as_that_status(language: str) -> None:
    for status, word in LANGUAGE_LABELS[language].items():
        assert status_of_word(word) is status, (language, word)


SPANISH = "# Hoja de ruta\n\n- ✅ Completado: Login\n- 🚧 En progreso: Pagos\n- [ ] Exportar\n"


def test_a_spanish_roadmap_is_edited_in_spanish() -> None:
    assert "- ⛔ Bloqueado: Login\n" in set_status(SPANISH, "Login", Status.BLOCKED)
    assert "- ❌ Cancelado: Login\n" in set_status(SPANISH, "Login", Status.DROPPED)
    assert "- 🚧 En progreso: Login\n" in set_status(SPANISH, "Login", Status.IN_PROGRESS)
    assert "- [ ] Exportar (bloqueado)\n" in set_status(SPANISH, "Exportar", Status.BLOCKED)


def test_a_japanese_table_is_edited_in_japanese() -> None:
    """A Japanese roadmap's Status cells say "✅ 完了" and "🚧 進行中": work blocked there was
    "⛔ Blocked". Chinese characters alone are Japanese where the document writes kana."""
    text = (
        "# 計画\n\nこれは計画です。\n\n| 機能 | 状態 |\n|---|---|\n"
        "| ログイン | ✅ 完了 |\n| 決済 | 🚧 進行中 |\n"
    )
    assert "| 決済 | ⛔ ブロック中 |\n" in set_status(text, "決済", Status.BLOCKED)
    assert "| 決済 | 🔮 将来 |\n" in set_status(text, "決済", Status.FUTURE)


def test_a_chinese_roadmap_s_tags_are_in_chinese() -> None:
    text = "# 路线图\n\n- [x] 登录 (已完成)\n- [ ] 支付 (进行中)\n- [ ] 报告\n"
    assert "- [ ] 报告 (受阻)\n" in set_status(text, "报告", Status.BLOCKED)


def test_an_english_roadmap_and_one_of_no_words_are_edited_in_english() -> None:
    english = "# R\n\n- ✅ Done: Login\n- 🚧 In Progress: Pagos\n- [ ] Exportar\n"
    assert "- ⛔ Blocked: Login\n" in set_status(english, "Login", Status.BLOCKED)
    glyphs = "# Hoja\n\n- [x] Login\n- [ ] Exportar\n"
    assert "- [ ] Exportar (blocked)\n" in set_status(glyphs, "Exportar", Status.BLOCKED)


@pytest.mark.parametrize(
    ("words", "text", "language"),
    [
        (["Completado", "En progreso"], "", "es"),
        (["Concluído", "Em andamento"], "", "pt"),
        (["Erledigt", "In Arbeit"], "", "de"),
        (["Готово"], "", "ru"),
        (["Виконано"], "", None),  # Ukrainian: no words of its own here, English then
        (["Готово"], "Дорожня карта: Звіти", None),  # a Ukrainian document's shared word
        (["进行中"], "说明・注意", "zh"),  # a middle dot is no kana
        (["進行中"], "路線圖 狀態報告", "zh-Hant"),
        (["완료"], "", "ko"),
        (["已完成"], "", "zh"),
        (["完了"], "これは", "ja"),
        (["Done", "In Progress", "Completado"], "", None),  # mostly English
        (["Completado", "Concluído"], "", None),  # as much one as the other
        (["cancelado"], "", None),  # Spanish and Portuguese alike
        ([], "", None),
    ],
)
def test_the_language_of_a_document_s_status_words(
    words: list[str], text: str, language: str | None
) -> None:
    assert language_of(words, text) == language


@settings(max_examples=150, deadline=None)
@given(
    language=st.sampled_from(sorted(LANGUAGE_LABELS)),
    said=st.sampled_from(list(Status)),
    status=st.sampled_from(list(Status)),
    form=st.sampled_from(["label", "cell", "box"]),
)
def test_any_status_set_in_a_foreign_roadmap_reads_back_in_its_language(
    language: str, said: Status, status: Status, form: str
) -> None:
    """A roadmap that writes two statuses in one language, an item set to any status reads
    back as it, in a line that holds no English status word (but a label's where the
    language's word is too weak to be one)."""
    words = LANGUAGE_LABELS[language]
    other = Status.DONE if said is not Status.DONE else Status.IN_PROGRESS
    if form == "label":
        text = f"# R\n\n- {other.emoji} {words[other]}: Alpha\n"
        text += f"- {said.emoji} {words[said]}: Beta\n"
    elif form == "cell":
        text = f"# R\n\n| Item | Status |\n|---|---|\n| Alpha | {words[other]} |\n"
        text += f"| Beta | {words[said]} |\n"
    else:
        text = f"# R\n\n- {other.emoji} {words[other]}: Alpha\n"
        text += f"- [ ] Beta ({words[said].lower()})\n"
    after = set_status(text, "Beta", status)
    changed = [line for line in after.splitlines() if line not in text.splitlines()]
    english = {label.lower() for label in LABELS.values()} - {w.lower() for w in words.values()}
    if said_weakly(words[status]):  # "Futuro" is no label: the English one stands there
        english.discard(LABELS[status].lower())
    assert not any(word in line.lower() for line in changed for word in english), changed


def test_a_weak_word_of_the_language_gives_way_to_the_english_label() -> None:
    """ "Futuro" reads as future in a tag or a cell only: a label written with it would read
    as no status, so a label says "Future" (a tag still says "(futuro)")."""
    text = "# R\n\n- **Completado:** Gamma\n- **Completado:** Delta\n- **Planificado:** Beta\n"
    assert "- **Future:** Beta\n" in set_status(text, "Beta", Status.FUTURE)


def test_a_note_before_a_bracket_s_status_stays() -> None:
    text = "# R\n\n- [ ] 4.3 Write tests (OPTIONAL - Skipped)\n- Auth rework (P4 - Future)\n"
    assert "- [x] 4.3 Write tests (OPTIONAL - Completed)\n" in set_status(
        text, "4.3 Write tests", Status.DONE
    )
    assert "- Auth rework (P4 - Blocked)\n" in set_status(text, "Auth rework", Status.BLOCKED)


def test_a_status_field_in_another_language_is_set_in_place() -> None:
    text = "# R\n\n## Beta\n\n**Status:** Prévu\n"
    assert "**Status:** En cours\n" in set_status(text, "Beta", Status.IN_PROGRESS)


def test_a_status_that_is_the_last_sentence_is_set_in_place() -> None:
    text = "# R\n\n- Port the parser. Done.\n- Use v2 (from x). Done!\n"
    assert "- Port the parser. In Progress.\n" in set_status(
        text, "Port the parser", Status.IN_PROGRESS
    )
    assert "- Use v2 (from x). Blocked!\n" in set_status(text, "Use v2 (from x)", Status.BLOCKED)
