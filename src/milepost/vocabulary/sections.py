"""Which part of a roadmap a heading opens: a normalised heading against an alias table.

"🎯 Current Focus (Weeks 1-4)" is Current Focus; "📅 Milestones" is milestones; "2. Risks &
Mitigations" is risks. Headings we do not know are kept as generic sections.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from milepost.lazy import lazy_pattern
from milepost.vocabulary.status import pictograph_at

__all__ = ["SectionKind", "classify", "normalise"]


class SectionKind(StrEnum):
    FOCUS = "current_focus"
    GOALS = "medium_term_goals"
    VISION = "long_term_vision"
    VISION_STATEMENT = "vision_statement"
    INITIATIVES = "major_initiatives"
    MILESTONES = "completed_milestones"
    DEPENDENCIES_AND_RISKS = "dependencies_and_risks"
    DEPENDENCIES = "external_dependencies"
    RISKS = "technical_risks"
    CONSTRAINTS = "resource_constraints"
    ALIGNMENT = "strategic_alignment"
    ALIGNMENT_VISION = "alignment_with_vision"
    SYNERGIES = "cross_track_synergies"
    FEEDBACK = "community_feedback"
    METRICS = "success_metrics"
    REVIEW = "review_schedule"
    OTHER = "other"


_ALIASES: dict[str, SectionKind] = {}
for _kind, _names in {
    SectionKind.FOCUS: (
        "current focus",
        "focus",
        "current work",
        "this month",
        "current sprint",
        "current priorities",
        "short term focus",
        "immediate focus",
        "short term goals",
        "near term",
        "now",
    ),
    SectionKind.GOALS: (
        "medium term goals",
        "medium term",
        "goals",
        "mid term goals",
        "medium term roadmap",
        "next quarter",
        "near term and medium term",
        "upcoming milestones",
    ),
    SectionKind.VISION: ("long term vision", "long term", "vision", "long term goals"),
    SectionKind.VISION_STATEMENT: ("vision statement",),
    SectionKind.INITIATIVES: ("major initiatives", "initiatives", "key initiatives"),
    SectionKind.MILESTONES: (
        "completed milestones",
        "milestones",
        "recent milestones",
        "shipped",
        "released",
        "milestone tracker",
        "recent completions",
        "recently completed",
        "completed items",
        "completed features",
        "release history",
    ),
    SectionKind.DEPENDENCIES_AND_RISKS: (
        "dependencies and risks",
        "dependencies risks",
        "risks and dependencies",
    ),
    SectionKind.DEPENDENCIES: (
        "external dependencies",
        "dependencies",
        "cross track dependencies",
        "track dependencies",
    ),
    SectionKind.RISKS: (
        "technical risks",
        "risks",
        "known risks",
        "risks and mitigations",
        "risks mitigations",
        "key risks",
        "known risks and mitigations",
    ),
    SectionKind.CONSTRAINTS: ("resource constraints", "constraints"),
    SectionKind.ALIGNMENT: ("strategic alignment", "alignment"),
    SectionKind.SYNERGIES: ("cross track synergies", "synergies", "cross track collaboration"),
    SectionKind.FEEDBACK: (
        "community feedback",
        "community requests",
        "user feedback",
        "feedback",
        "feature requests",
    ),
    SectionKind.METRICS: ("success metrics", "metrics", "kpis", "key metrics"),
    SectionKind.REVIEW: ("review schedule", "next review", "roadmap review"),
}.items():
    for _name in _names:
        _ALIASES[_name] = _kind

_DASH_SUFFIX = re.compile(r"\s+[-–—]\s+.*$")  # "Short-Term Goals - v0.0.30"
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.|[a-z]\))\s+", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"[\s_]+")
# Shortcodes that end a heading as an emoji would: "## In Progress :construction:". (Each
# run of blanks taken whole, from its start: tried from each blank of a long run, the run
# was scanned to its end each time, in quadratic time.)
_SHORTCODES_END = lazy_pattern(r"(?:(?<!\s)\s++:[a-z0-9_+-]+:)+$")


def strip_decoration(title: str) -> str:
    """The heading text without leading pictographs (``"🎯 Current Focus"`` → ``"Current Focus"``)."""
    text = title.strip()
    while text:
        end = pictograph_at(text)
        if end is None:
            break
        text = text[end:].lstrip()
    return text


def _without_bracketed_ends(text: str) -> str:
    """``text`` without the bracketed notes that end it, one after another ("Goals (Q3)
    [draft]" → "Goals"): each from the first bracket opened after the closing bracket
    before its own. Read from the end, once over: a heading of thousands of "[ ]" is
    linear, not quadratic."""
    end = whole = len(text.rstrip())
    while end and text[end - 1] in ")]":
        closed = max(text.rfind(")", 0, end - 1), text.rfind("]", 0, end - 1))
        opened = [text.find("(", closed + 1, end), text.find("[", closed + 1, end)]
        if max(opened) < 0:
            break
        end = min(at for at in opened if at >= 0)
        while end and text[end - 1].isspace():
            end -= 1
    return text if end == whole else text[:end]


def normalise(title: str) -> str:
    """Heading text reduced for matching: no emoji (nor ``:shortcodes:``), numbering,
    suffix, punctuation, case."""
    text = strip_decoration(title)
    if text.endswith(":"):
        text = _SHORTCODES_END.sub("", text)
    # Each pattern is tried only where its mark is: most headings have no dash or bracket.
    if "-" in text or "–" in text or "—" in text:
        text = _DASH_SUFFIX.sub("", text)
    if text.rstrip().endswith((")", "]")):
        text = _without_bracketed_ends(text)
    text = _NUMBERING.sub("", text)
    text = text.replace("&", " and ").replace("-", " ")
    text = _PUNCT.sub(" ", text)
    # casefolded ("ß" is "ss"), a Turkish "İ" as "I" (folded, an "i" and a combining dot)
    return _SPACES.sub(" ", text).strip().replace("İ", "I").casefold()


# Sections whose subsections are parts of them ("### Medium-Term" under Success Metrics is a
# metric group, not the Medium-Term Goals).
_OWNS_SUBSECTIONS = frozenset(
    {
        SectionKind.FOCUS,
        SectionKind.GOALS,
        SectionKind.MILESTONES,
        SectionKind.RISKS,
        SectionKind.CONSTRAINTS,
        SectionKind.SYNERGIES,
        SectionKind.FEEDBACK,
        SectionKind.METRICS,
        SectionKind.REVIEW,
        SectionKind.INITIATIVES,
    }
)


@lru_cache(maxsize=4096)
def classify(title: str, parent: SectionKind | None = None) -> SectionKind:
    """The kind of section a heading opens; :attr:`SectionKind.OTHER` when unknown.

    Under a ``parent`` that owns its subsections (metrics, risks, ...), a heading is a part of
    that section and classifies as OTHER.
    """
    if parent in _OWNS_SUBSECTIONS:
        return SectionKind.OTHER
    key = normalise(title)
    kind = _ALIASES.get(key)
    if kind is not None:
        return kind
    if key.startswith("alignment with"):
        return SectionKind.ALIGNMENT_VISION
    return SectionKind.OTHER
