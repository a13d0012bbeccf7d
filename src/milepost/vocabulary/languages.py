"""The language a roadmap writes its statuses in, and the words an edit writes in it for the
statuses the roadmap has not written yet: a Spanish roadmap that marks its work "✅
Completado" and "🚧 En progreso" gets "⛔ Bloqueado" for work blocked, not "⛔ Blocked".

The language is read from the status words the document uses (:func:`language_of`): the
script of a word in Japanese, Korean, Chinese or Russian, the words of each language
written in Latin letters. Each word written here reads back as its status
(:mod:`.status_words`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from milepost.vocabulary.english_words import ENGLISH_WEAK_WORDS, ENGLISH_WORDS
from milepost.vocabulary.status import Status

__all__ = ["LANGUAGE_LABELS", "language_of"]

_D, _I, _P, _F, _B, _X = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.PLANNED,
    Status.FUTURE,
    Status.BLOCKED,
    Status.DROPPED,
)

#: The word for each status in each language a document may write its statuses in.
LANGUAGE_LABELS: dict[str, dict[Status, str]] = {
    "fr": {_D: "Terminé", _I: "En cours", _P: "Prévu", _F: "Futur", _B: "Bloqué", _X: "Abandonné"},
    "es": {
        _D: "Completado",
        _I: "En progreso",
        _P: "Planificado",
        _F: "Futuro",
        _B: "Bloqueado",
        _X: "Cancelado",
    },
    "pt": {
        _D: "Concluído",
        _I: "Em andamento",
        _P: "Planejado",
        _F: "Futuro",
        _B: "Bloqueado",
        _X: "Cancelado",
    },
    "de": {
        _D: "Erledigt",
        _I: "In Arbeit",
        _P: "Geplant",
        _F: "Zukunft",
        _B: "Blockiert",
        _X: "Verworfen",
    },
    "it": {
        _D: "Completato",
        _I: "In corso",
        _P: "Pianificato",
        _F: "Futuro",
        _B: "Bloccato",
        _X: "Annullato",
    },
    "ru": {
        _D: "Готово",
        _I: "В работе",
        _P: "Запланировано",
        _F: "В будущем",
        _B: "Заблокировано",
        _X: "Отменено",
    },
    "zh": {_D: "已完成", _I: "进行中", _P: "计划中", _F: "未来", _B: "受阻", _X: "已取消"},
    "zh-Hant": {_D: "已完成", _I: "進行中", _P: "計劃中", _F: "將來", _B: "受阻", _X: "已取消"},
    "ja": {_D: "完了", _I: "進行中", _P: "計画中", _F: "将来", _B: "ブロック中", _X: "中止"},
    "ko": {_D: "완료", _I: "진행 중", _P: "계획", _F: "향후", _B: "보류", _X: "취소"},
}

# Status words that tell a language written in Latin letters (lower-case): its labels
# above and the words its roadmaps write most; a word two of them share tells neither.
_LATIN_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"fait", "terminé", "terminée", "en cours", "prévu", "prévue", "à faire"})
    | {"bloqué", "abandonné", "livré", "réalisé", "futur", "planifié", "en attente"},
    "es": frozenset({"hecho", "completado", "completada", "terminado", "terminada"})
    | {"en progreso", "en curso", "pendiente", "planificado", "planeado", "bloqueado"}
    | {"cancelado", "en desarrollo", "finalizado", "por hacer", "futuro"},
    "pt": frozenset({"concluído", "concluída", "feito", "em andamento"})
    | {"em progresso", "em desenvolvimento", "planejado", "pendente", "a fazer", "cancelado"}
    | {"bloqueado", "futuro"},  # both Spanish too: they tell neither
    "de": frozenset({"erledigt", "fertig", "abgeschlossen", "in arbeit", "in bearbeitung"})
    | {"geplant", "offen", "blockiert", "verworfen", "zukunft", "umgesetzt"},
    "it": frozenset({"completato", "fatto", "terminato", "in corso", "pianificato"})
    | {"da fare", "bloccato", "annullato", "in sviluppo", "futuro"},
}
_SHARED = frozenset(
    word
    for language, words in _LATIN_WORDS.items()
    for word in words
    if any(word in other for name, other in _LATIN_WORDS.items() if name != language)
)


def language_of(words: Iterable[str], text: str = "") -> str | None:
    """The language most of ``words`` (status words as a document writes them) are in, of
    :data:`LANGUAGE_LABELS`; None where that is English, or where none tells. The
    document's ``text`` tells the rest: words in Chinese characters alone are Japanese where
    it holds kana, Traditional Chinese where it writes more traditional characters than
    simplified; Cyrillic words are Ukrainian where it holds a letter Russian lacks."""
    kana = _KANA.search(text) is not None
    ukrainian = _UKRAINIAN_LETTERS.search(text) is not None
    seen: Counter[str] = Counter()
    for word in words:
        language = _language(" ".join(word.lower().split()), kana, ukrainian)
        if language is not None:
            seen[language] += 1
    if not seen:
        return None
    (first, count), *rest = seen.most_common(2)
    if first not in LANGUAGE_LABELS or (rest and rest[0][1] == count):
        return None  # English, Ukrainian (no words of its own here), or two alike
    if first == "zh" and _count(_TRADITIONAL, text) > _count(_SIMPLIFIED, text):
        return "zh-Hant"
    return first


def _count(chars: frozenset[str], text: str) -> int:
    return sum(char in chars for char in text)


def _language(word: str, kana: bool, ukrainian: bool) -> str | None:
    if word in _ENGLISH:
        return "en"
    if _KANA.search(word) is not None:
        return "ja"
    if any("\uac00" <= char <= "\ud7a3" for char in word):
        return "ko"  # hangul
    if any("\u4e00" <= char <= "\u9fff" for char in word):
        return "ja" if kana else "zh"
    if any("\u0400" <= char <= "\u04ff" for char in word):
        return "uk" if ukrainian or word in _UKRAINIAN else "ru"
    if word in _SHARED:
        return None
    return next((name for name, known in _LATIN_WORDS.items() if word in known), None)


# Ukrainian status words with no letter Russian lacks ("виконано", done).
_UKRAINIAN = frozenset({"виконано", "зроблено", "заблоковано"})
# Hiragana and katakana, not the middle dot and the long-vowel mark Chinese text uses too.
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_UKRAINIAN_LETTERS = re.compile("[іїєґІЇЄҐ]")
# Characters one form of Chinese writes and the other does not, common in roadmaps.
_TRADITIONAL = frozenset("進實現發開狀態計劃來與時為們個這過還點務體驗證據")
_SIMPLIFIED = frozenset("进实现发开状态计划来与时为们个这过还点务体验证据")

_ENGLISH = frozenset(word for words in ENGLISH_WORDS.values() for word in words) | (
    ENGLISH_WEAK_WORDS
)
