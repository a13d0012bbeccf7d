"""What status words and phrases mean: ``Done``, ``In Progress``, ``WIP``, ``Won't do`` and the
rest → :class:`~milepost.vocabulary.status.Status`, whole or opening a phrase, and which are
weak. The words themselves are data in :mod:`.english_words` and :mod:`.foreign_words`.

Like :mod:`milepost.vocabulary.status` (the emoji, boxes and their mojibake), this module only
says what a word *means*; whether a word in a given place counts as a status is the
extractor's call.
"""

from __future__ import annotations

import re
from functools import lru_cache

from milepost.lazy import lazy_pattern
from milepost.vocabulary.english_words import ENGLISH_WEAK_WORDS, ENGLISH_WORDS
from milepost.vocabulary.foreign_words import FOREIGN_WEAK_WORDS, FOREIGN_WORDS
from milepost.vocabulary.status import Status

__all__ = [
    "NOT_BUILT",
    "WEAK_WORDS",
    "lower",
    "said_weakly",
    "status_in_value",
    "status_of_phrase",
    "status_of_word",
]

# Words and phrases, lower-case, single-spaced, no punctuation. Longer phrases are tried first.
_WORDS: dict[str, Status] = {
    phrase: status
    for status, phrases in ENGLISH_WORDS.items()
    for phrase in (*phrases, *FOREIGN_WORDS[status])
}

# Words that are statuses only in a Status cell, a label or a tag, never as heading scope.
WEAK_WORDS = ENGLISH_WEAK_WORDS | FOREIGN_WEAK_WORDS

# Work said not to be built yet, which a Status column says of work not started (elsewhere
# it may be a fact of no plan: "Search is not implemented").
NOT_BUILT = frozenset(
    {"not implemented", "not yet implemented", "not implemented yet"}
    | {"未実装", "未实现", "未實現", "미구현"}  # ja, zh, ko
)

_NORMALISE = re.compile(r"[\s_]+")
# The words opening a text, as phrases of the vocabulary are written: letters and digits
# (an apostrophe inside: "won't"), parted by blanks, underscores or hyphens.
_LEAD_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_PHRASE_WORDS = max(len(phrase.split()) for phrase in _WORDS)
# The word each phrase opens with: a text whose first word is none of them opens with no
# phrase (most texts), and its other words need not be read.
_FIRST_WORDS = frozenset(phrase.split(" ")[0] for phrase in _WORDS)


@lru_cache(maxsize=8192)
def status_of_word(word: str) -> Status | None:
    """The status a whole word or phrase names (``"In Progress"``, ``"WIP"``), if any; a
    Chinese one by its form too (:func:`_chinese_status`)."""
    key = _word_key(word)
    said = _WORDS.get(key) or _WORDS.get(key.replace(" ", ""))
    if said is None and (key[-1:] in _CHINESE_ENDS or key[:1] in _CHINESE_OPENS):
        said = _chinese_status(key)
    return said


# How a Chinese status is formed: "已…完成" done ("已完成翻译", finished translating; "已审核
# 完成", reviewed), "待…" waiting its turn ("待翻译", to be translated), "…中" under way
# ("翻译中", translating; "暂停中", paused: the verb's own status where it has one). A verb
# and its object at most: a noun phrase ("已完成的核心能力", the capabilities completed, "的"
# joining them) names work, not its state.
_CHINESE_OPENS = frozenset("已待")
_CHINESE_ENDS = frozenset("中成")
_CHINESE_WORD = lazy_pattern(r"[\u4e00-\u7683\u7685-\u9fff]{2,6}")  # not 的 (U+7684)
# "待定" is to be decided (a date or an owner not yet known), no state of work.
_NOT_WAITING = frozenset({"待定"})


def _chinese_status(key: str) -> Status | None:
    if _CHINESE_WORD.fullmatch(key) is None or key in _NOT_WAITING:
        return None
    if key[0] == "已" and (key.startswith("已完成") or key.endswith("完成")):
        return Status.DONE
    if key[0] == "待":
        return Status.PLANNED
    if key[-1] == "中":
        return _WORDS.get(key[:-1]) or Status.IN_PROGRESS
    return None


def lower(text: str) -> str:
    """``text`` in lower case, as long as it was: a Turkish capital "İ" (which ``str.lower``
    makes an "i" and a combining dot, one character more) as "i" ("BİTTİ" is "bitti")."""
    return text.replace("İ", "I").lower()


def _word_key(word: str) -> str:
    """A word or phrase as the vocabulary keys it: lower-case, single-spaced, its hyphens
    spaces, no stops, colons or stars at its ends; a Turkish capital "İ" an "i" ("BİTTİ")."""
    key = lower(word.strip()).replace("-", " ")
    return _NORMALISE.sub(" ", key).strip(" .:!*_")


def status_of_phrase(text: str) -> tuple[Status, int, int] | None:
    """The status a phrase *starts* with, as ``(status, start, end)`` of the words matched.

    ``"Completed in v0.1.5"`` → done; ``"Partially completed"`` → in progress (the longest
    phrase wins); ``"We plan to archive"`` → None (a status must lead the phrase).
    """
    stripped = text.lstrip(" *_`~([")
    offset = len(text) - len(stripped)
    if not stripped[:1].isalpha():
        return None
    lead = _lead_phrase(lower(stripped[:48]))  # ends where they were: "İ" stays one character
    if lead is None:
        return None
    status, end = lead
    return status, offset, offset + end


def _lead_phrase(text: str) -> tuple[Status, int] | None:
    """The longest phrase of the vocabulary opening ``text`` (lower-case), whole words, and
    where it ends: a dict lookup per number of words, not one pattern of every phrase (which
    took milliseconds to compile in each process)."""
    words: list[str] = []
    ends: list[int] = []
    pos = 0
    while len(words) < _PHRASE_WORDS:
        word = _LEAD_WORDS.match(text, pos)
        if word is None:
            break
        if not words and word.group() not in _FIRST_WORDS:
            return None
        words.append(word.group())
        ends.append(word.end())
        pos = word.end()
        while pos < len(text) and (text[pos].isspace() or text[pos] in "_-"):  # blanks part them
            pos += 1
        if pos == word.end():
            break  # punctuation, an emoji or the end: no word after this one
    for count in range(len(words), 0, -1):
        end = ends[count - 1]
        after = text[end : end + 1]
        if after and (after.isalnum() or after in "_-"):
            continue  # "done-ish", "done_x": no whole word of the vocabulary
        status = _WORDS.get(" ".join(words[:count]))
        if status is not None:
            return status, end
    return None


# What may follow the status that opens a field's value: its end, punctuation, a dash.
_AFTER_LEAD = lazy_pattern(r"\s*(?:$|[.;:,!(—–]|-\s)")
# A value short enough that its last words may be its status: "design in progress".
_TAIL_WORDS = 4


def status_in_value(value: str) -> tuple[Status, int, int] | None:
    """The status a field's free-text value says, as ``(status, start, end)`` of its words:
    opening it before punctuation or a dash ("DONE. Released in 0.15.0", "In progress -
    review"), or as the last words of a short value ("design in progress", "API review in
    progress"; not a weak word: "the team is waiting"); None for a status word in the middle
    of prose ("mostly covered by nodes joining, done later on")."""
    lead = status_of_phrase(value)
    if lead is not None and lead[1] == 0 and _AFTER_LEAD.match(value, lead[2]):
        return lead
    body = value.rstrip(" .!")
    words = list(re.finditer(r"\S+", body))
    if not 1 < len(words) <= _TAIL_WORDS:
        return None
    for word in words[1:]:
        found = status_of_phrase(body[word.start() :])
        if found is None or found[1] != 0 or word.start() + found[2] != len(body):
            continue
        if body[word.start() :].lower() in WEAK_WORDS:
            return None
        return found[0], word.start(), len(body)
    return None


def said_weakly(word: str) -> bool:
    """Whether ``word`` is a status only where a status is expected (a cell, a label, a
    tag): a word that may name work too ("Testing", "Research", "Open")."""
    return _word_key(word) in WEAK_WORDS
