"""What a placeholder left from a template looks like: the track roadmap template's own
bracketed slots ("[Feature that shipped]"), fill-in marks ("[TBD]", "YYYY-MM-DD", "@username")
and the shapes other templates name their slots with ("[Feature Name]", "[High/Medium/Low]").
"""

from __future__ import annotations

import re

from milepost.lazy import lazy_pattern

__all__ = [
    "BRACKETS",
    "DATE_PLACEHOLDER",
    "USER_PLACEHOLDER",
    "is_placeholder",
    "is_placeholder_title",
    "says_nothing",
]

# Literal square brackets in rendered text (a link's brackets are gone by then) around words:
# "[Feature that shipped]", "[Track Name]", "[baseline]". Not task boxes, not "[1]" notes.
# Which of them is a placeholder is is_placeholder's call: "[RFC 7]" is a citation.
BRACKETS = lazy_pattern(r"\[(?=[^\]\d\s])([^\[\]\n]{2,80})\](?![(\[])")
DATE_PLACEHOLDER = lazy_pattern(r"\b(?:YYYY-MM-DD|YYYY-MM|Month YYYY|YYYY)\b")
USER_PLACEHOLDER = re.compile(r"(?<![\w.])@username\b")
# The bracketed placeholders of the track roadmap template (render.scaffold.TEMPLATE; a test
# keeps the two in step), lower-cased, curly apostrophes straightened.
_TEMPLATE_PLACEHOLDERS = frozenset(
    {
        "+6 months",
        "baseline",
        "brief description",
        "constraint description and impact",
        "current month",
        "description",
        "external system",
        "feature being developed",
        "feature planned for next month",
        "feature starting soon",
        "feature that shipped",
        "high-level theme for current work",
        "high/medium/low",
        "how this helps users/system",
        "how this track's roadmap aligns with overall massgen goals",
        "how we'll know we succeeded",
        "how we're addressing this",
        "how we're working together",
        "impact",
        "link to case study or docs",
        "major feature",
        "month",
        "name",
        "next month",
        "other track",
        "paragraph describing where this track is headed in the long term",
        "quarter",
        "quarter/year",
        "status: planned/in progress/completed",
        "target",
        "track name",
        "what needs to happen first",
        "what this enables",
        "what we need and impact if delayed",
        "what we need from them and when",
        "why this matters",
    }
)
# Placeholder shapes beyond the template's own (other templates, hand-made stubs):
# a fill-in mark ("[Issue #XXX]", "[TBD]", "[Insert link]", "[name...]") ...
_FILL_IN = lazy_pattern(
    r"(?i)(?:\bX{2,}\b|\bYYYY\b|\b(?:TBD|TBA|TODO|FIXME|placeholder|insert|e\.g\.)(?!\w)"
    r"|\.\.\.|…)"
)
# ... a question for the author to answer ("[How we depend on them]", "[Why this matters]") ...
_PROMPT = lazy_pattern(
    r"(?i)^(?:how|what|why|who|when|where|which|if|describe|link\s+to"
    r"|(?:one|a)\s+(?:sentence|line|paragraph))\s+\w"
)
# ... a choice between word alternatives ("[High/Medium/Low]", "[None | Description]") ...
_ALTERNATIVE_SPLIT = lazy_pattern(r"\s*[/|]\s*")
# ... or only the words templates name their slots with ("[Feature Name]", "[Day of week]",
# "[target value]", "[Priority 1]"). "[RFC 7]", "[Smith 2020]", "[WIP]" are none.
_FUNCTION_WORDS = frozenset(("of", "the", "a", "an", "for", "and", "or", "to", "in", "this"))
_SLOTS = (
    "name names title description details summary notes date day days week weeks month "
    "months quarter year time timezone owner owners lead team track feature features task "
    "tasks item items project module component path paths link url value target baseline "
    "current metric impact purpose reason decision status version issue number person "
    "user username email theme goal milestone risk mitigation thing system area "
    "constraint dependency blocker blockers priority context meeting steps unblock "
    "other any brief short specific relevant major minor main high-level next previous "
    "last first external internal new your"
)
_SLOT_WORDS = _FUNCTION_WORDS | frozenset(_SLOTS.split())
_WORD = lazy_pattern(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SLOT_SHAPE = lazy_pattern(r"^[^\W\d_]+(?:[-'\s][^\W\d_]+)*(?:\s\d{1,2})?$")  # words, a number


def is_placeholder(inner: str) -> bool:
    """Whether the words between literal brackets are a slot left to fill, not a citation."""
    inner = inner.strip()
    if inner.lower().replace("\u2019", "'") in _TEMPLATE_PLACEHOLDERS:
        return True
    if _FILL_IN.search(inner) or _PROMPT.match(inner):
        return True
    choices = _ALTERNATIVE_SPLIT.split(inner)
    if len(choices) > 1 and all(_choice(choice) for choice in choices):
        return True  # not "[CI/CD]", not "[RFC 7/8]"
    words = _WORD.findall(inner)
    return (
        bool(words)
        and _SLOT_SHAPE.match(inner) is not None
        and all(word.lower() in _SLOT_WORDS for word in words)
        and any(word.lower() not in _FUNCTION_WORDS for word in words)
    )


def _choice(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and not any(c.isdigit() for c in text) and not text.isupper()


def is_placeholder_title(title: str) -> bool:
    """Whether an item's whole title is a slot left to fill ("[Feature that shipped]")."""
    title = title.strip()
    match = BRACKETS.fullmatch(title)
    return match is not None and is_placeholder(match.group(1))


# What a list holds where it has no work in it: "- _No issues_" under "### Blocked".
_NOTHING = frozenset(
    {
        "none",
        "none yet",
        "none so far",
        "nothing",
        "nothing yet",
        "nothing here",
        "nothing here yet",
        "nothing to report",
        "no issues",
        "no issues yet",
        "no items",
        "no items yet",
        "no tasks",
        "no tasks yet",
        "n/a",
        "empty",
        "tbd",
    }
)


def says_nothing(text: str) -> bool:
    """Whether an item's words stand for no work at all ("_No issues_", "None yet.", "(none)",
    "N/A"): a status heading above it gives it no status."""
    return " ".join(text.strip(" \t*_`()[].!:-–—").lower().split()) in _NOTHING
