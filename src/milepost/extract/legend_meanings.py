"""What a legend's meaning says: the status that "Released", "Work in progress", "actively
being worked on" or "not yet implemented" names, for :mod:`.legend`, which finds the legends
(paragraphs, lists and tables) and reads their glyphs and words."""

from __future__ import annotations

from milepost.extract.heading_words import label_status
from milepost.lazy import lazy_pattern
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_words import (
    NOT_BUILT,
    said_weakly,
    status_of_phrase,
    status_of_word,
)

__all__ = ["meaning_status"]

# Nouns a meaning may open with before its status: "Work ready to begin", "Items shipped".
_GENERIC_LEAD = frozenset({"work", "item", "items", "feature", "features", "task", "tasks"})
# The same after a status: "Pending implementation", "Completed features".
_WORK_NOUNS = _GENERIC_LEAD | {"implementation", "development"}
# A sentence's subject before a status: "The feature is currently", "This work has been".
_SUBJECT = lazy_pattern(
    r"(?i)(?:(?:the|this|a)\s+)?(?:work|item|feature|task|goal|initiative|component|module)s?\s+"
    r"(?:is|are|was|were|has been|have been)\s+(?:(?:currently|now|already)\s+)?"
)
# A verb saying what a mark means, before the status: "Indicates a WORK IN PROGRESS",
# "means done", "denotes planned work".
_MEANS = lazy_pattern(
    r"(?i)(?:indicates|means|denotes|marks|signifies|stands for)\s+(?:(?:an?|the)\s+)?"
)
# What may follow a status that opens a meaning: its end, punctuation, "and" more (in the
# languages of the vocabulary: "Hecho y en producción", "gebouwd en geverifieerd"), "but not
# yet" more ("planned but not yet started"), "as planned" ("Progredindo como planejado":
# progressing as planned); after a status said not to be yet, "or" more too ("not yet
# implemented or being worked on").
_AFTER_STATUS = lazy_pattern(
    r"(?i)\s*(?:$|[:.;,!(—–，、；：（。]|-\s|(?:and|y|e|et|und|en|и)\s|but\s+not\s+yet\s"
    r"|(?:as|como|comme|wie)\s+(?:planned|planejado|previsto|planeado|prévu|geplant)\W*$)"
)
_AFTER_NOT_YET = lazy_pattern(r"\s*(?:$|[:.;,!(—–]|-\s|(?:and|or)\s)")
# An adverb before a status ("actively being worked on", "currently in development"), and
# "not yet" before one ("not yet implemented": work not started, planned).
_ADVERB = lazy_pattern(r"(?i)(?:actively|currently|now|already)\s+")
_NOT_YET = lazy_pattern(r"(?i)not\s+yet\s+")
# "for" and more after a status: "Not planned for implementation", "Planned for v2".
_FOR = lazy_pattern(r"\s+for\s+\S")
# A plan for no time but a later one: "Planned for (the) future", "Planned for later".
_FOR_LATER = lazy_pattern(r"(?i)\s+for\s+(?:the\s+)?(?:future|later)\W*$")
# "yet" after the status instead: "not implemented yet", "not started yet". (The blanks
# before "yet" are taken from where their run begins: tried at each blank of a long run,
# they would be scanned to its end each time.)
_YET_AFTER = lazy_pattern(r"(?i)not\s+(?P<said>\S.*?)(?<!\s)\s+yet\W*$")
# An intent, planned work: "Planning to build", "Planned to ship", "We plan to add".
_PLANNING_TO = lazy_pattern(
    r"(?i)(?:we\s+)?(?:planning|planned|plan|plans|intend|intending)\s+to\s"
)
# A choice not to do the work: "Decided not to do this", "Chose not to pursue".
_DECIDED_NOT = lazy_pattern(r"(?i)(?:we\s+)?(?:decided|chose|chosen)\s+not\s+to\s")
# A name and what it means, in a meaning of its own: "Not Implemented - Feature is planned",
# "Not Supported: Not planned for implementation".
_NAMED = lazy_pattern(r"(?P<name>[^\W\d][\w' ]{0,30}?)(?:\s+[-–—]|[ \t]*:)\s+(?P<said>\S.*)")
# Work near its end, under way: "Close to becoming stable", "Almost there", "Nearly ready".
_NEARLY = lazy_pattern(r"(?i)(?:close\s+to|almost|nearly)\s+\w")
# How far a feature is supported, in a support matrix's legend: "Fully Supported" (done),
# "Partly Supported" (under way), "Not Supported (but might be in the future)" (later), "No
# intention to ever support" (dropped); in Japanese 完全互換 / 部分対応 / 未対応 (fully
# compatible, partly supported, not yet supported). "Not supported" alone says no plan at all.
# The level is all the meaning says, a note in brackets or a sentence after it or not: "Full
# support for Markdown" is a feature's description, no level.
_SUPPORT_LEVEL = lazy_pattern(
    r"(?i)(?:(?:(?P<full>fully?|complete(?:ly)?)|(?P<part>partly|partially|partial))\s+"
    r"(?:supported|support|compatible|compatibility)"
    r"|(?P<later>not\s+(?:yet\s+)?supported\W+(?:\w+\W+){0,4}?(?:in\s+the\s+future|later))"
    r"|(?P<never>no\s+(?:intention|plans?)\s+to\s+(?:ever\s+)?support)"
    r"|(?:(?P<ja_full>完全)|(?P<ja_part>部分|一部)|(?P<ja_not>未))(?:互換|対応|サポート))"
    r"(?=\s*(?:$|[(（).。,、;:]))"
)
_SUPPORT_STATUS = {
    "full": Status.DONE,
    "ja_full": Status.DONE,
    "part": Status.IN_PROGRESS,
    "ja_part": Status.IN_PROGRESS,
    "later": Status.FUTURE,
    "never": Status.DROPPED,
    "ja_not": Status.PLANNED,  # 未: not yet
}


def meaning_status(meaning: str, *, described: bool = False) -> Status | None:
    """The status a legend's meaning names: a status word or phrase, whole ("Released",
    "Work in progress"), before or after a noun for the work ("Planned work", "Work ready to
    begin"), or opening it before more said after punctuation or "and" ("Paused: waiting
    on other work", "The feature is complete and shipped"), after an adverb ("actively being
    worked on"); work "not yet" done or started, or that is planned to be, is planned ("not
    yet implemented", "Planning to build"); work close to its end is in progress ("Close to
    becoming stable", "Almost there"); after a name that says none, what its description
    says ("Not Implemented - Feature is planned but not yet started"), and after a name that
    is a weak word ("Ready - Component is complete and stable"); work decided against is
    dropped ("Decided not to do this"), work "not implemented" planned (not built yet, as a
    legend says it); None for a meaning that is no status ("Waiting for feedback", "Not on
    roadmap", "Done when reviewed"). ``described``: ``meaning`` is a name's description,
    read as a meaning of its own, not as a name and a description again ("a: b: c: ..."
    recursed once a colon)."""
    if " / " in meaning:
        # "부분 구현 / 안정화 중" (partly built / stabilising): the status its parts say, where
        # none says another ("NOT STARTED / FUTURE" says two)
        halves = {meaning_status(part, described=described) for part in meaning.split(" / ")}
        halves.discard(None)
        return halves.pop() if len(halves) == 1 else None
    named = None if described else _NAMED.match(meaning.strip(" *_"))
    if named is not None and said_weakly(named["name"]):
        # "Ready - Component is complete and stable": a weak name, its description says more
        said = meaning_status(named["said"], described=True)
        if said is not None:
            return said
    status = status_of_word(meaning) or label_status(meaning)
    if status is None and " ".join(meaning.strip(" *_.").lower().split()) in NOT_BUILT:
        return Status.PLANNED  # "Not implemented": not built yet, where a legend says so
    if status is None and _PLANNING_TO.match(meaning.strip(" *_")):
        return Status.PLANNED  # "Planning to build", "We plan to add"
    if status is None and _DECIDED_NOT.match(meaning.strip(" *_")):
        return Status.DROPPED  # "Decided not to do this"
    if status is None and _NEARLY.match(meaning.strip(" *_")):
        return Status.IN_PROGRESS  # "Close to becoming stable", "Almost there"
    if status is None and (level := _SUPPORT_LEVEL.match(meaning.strip(" *_"))) is not None:
        return _SUPPORT_STATUS[str(level.lastgroup)]  # "Fully Supported", "部分互換"
    if status is None:
        first, _, rest = meaning.strip(" *_").partition(" ")
        if first.lower() in _GENERIC_LEAD and rest:
            status = status_of_word(rest)
    if status is None:
        text = meaning.strip(" *_")
        subject = _SUBJECT.match(text) or _MEANS.match(text)
        text = text[subject.end() :] if subject else text
        adverb = _ADVERB.match(text)
        text = text[adverb.end() :] if adverb else text
        not_yet = _NOT_YET.match(text)
        text = text[not_yet.end() :] if not_yet else text
        yet_after = _YET_AFTER.match(text) if not not_yet else None
        if yet_after is not None:  # "not implemented yet" as "not yet implemented"
            not_yet, text = yet_after, yet_after["said"]
        phrase = status_of_phrase(text)
        after = _AFTER_NOT_YET if not_yet else _AFTER_STATUS
        if phrase is not None and phrase[1] == 0 and after.match(text, phrase[2]):
            status = phrase[0]
        elif (
            phrase is not None
            and phrase[1] == 0
            and text[phrase[2] :].strip(" .").lower() in _WORK_NOUNS
            and not said_weakly(text[: phrase[2]])  # "Ready work", "Testing features"
        ):
            status = phrase[0]  # "Pending implementation"
        elif phrase is not None and phrase[1] == 0 and not not_yet:
            # "Not planned for implementation", "Planned for v2"; not a weak word's "for":
            # "Waiting for feedback"
            lead = text[: phrase[2]]
            if _FOR.match(text, phrase[2]) and not said_weakly(lead):
                status = phrase[0]
                if status is Status.PLANNED and _FOR_LATER.match(text, phrase[2]):
                    status = Status.FUTURE  # "Planned for future", "Planned for later"
        if not_yet:  # done or started "not yet" is planned; planned "not yet" is nothing
            status = Status.PLANNED if status in (Status.DONE, Status.IN_PROGRESS) else None
    if status is None and named is not None:
        # "Not Implemented - Feature is planned but not yet started": the name says no status
        # (a feature not there may be no plan at all), the words after it do
        status = meaning_status(named["said"], described=True)
    return status
