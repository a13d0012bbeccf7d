"""What a heading's words say, its markers set aside: the status a status heading is
(``## Backlog``, ``## ✅ Completed Components``), and whether its words name a deliverable,
a part of the document ("Feature Overview") or only a time ("Q2 2026"). :mod:`.heading_markers`
reads a heading's markers with them."""

from __future__ import annotations

from functools import lru_cache

from milepost.document import Inline
from milepost.lazy import lazy_pattern
from milepost.vocabulary.periods import Period, read_period
from milepost.vocabulary.sections import SectionKind, classify, normalise
from milepost.vocabulary.status import Status
from milepost.vocabulary.status_words import WEAK_WORDS, status_of_word

__all__ = [
    "compares",
    "dates_only",
    "declines",
    "label_status",
    "names_a_part",
    "names_work",
    "only_when",
    "struck_name",
    "when_alone",
]

_GENERIC = frozenset(
    {
        "items",
        "item",
        "features",
        "feature",
        "work",
        "tasks",
        "task",
        "enhancements",
        "considerations",
        "possibilities",
        "milestones",
        "releases",
        "phases",
        "stages",
        "sprints",
        "goals",
        "projects",
        "ideas",
        "requests",
        "work items",
        "issues",
        "epics",
        "list",
        "plans",
        "roadmap",
        "and",
        "components",
        "modules",
        "deliverables",
        "changes",
        "updates",
        "pocs",
        "experiments",
        "integrations",
        "fixes",
        "stories",
        "tickets",
    }
    | {"aufgaben", "funktionen"}  # German, adjective first: "Erledigte Aufgaben"
    | {"özellikler", "görevler", "işler"}  # Turkish: "Planlanan Özellikler"
)
_HEADING_ONLY = {
    "now": Status.IN_PROGRESS,
    "what s next": Status.PLANNED,
    "whats next": Status.PLANNED,
    "coming next": Status.PLANNED,
    "coming soon": Status.PLANNED,
    "recent completions": Status.DONE,
    "completions": Status.DONE,
    "recently completed": Status.DONE,
    "recently shipped": Status.DONE,
    "recently released": Status.DONE,
    "recent releases": Status.DONE,
    "backlogs": Status.PLANNED,
    "planning": Status.PLANNED,
    "ideas": Status.FUTURE,
    # the vocabulary's words with an apostrophe, as a heading reads once its punctuation is
    # gone: "## Won't Do"
    "won t do": Status.DROPPED,
    "won t fix": Status.DROPPED,
    "won t implement": Status.DROPPED,
}


# Headings that are a status only whole: "## Wishlist" is work wished for, "### Wishlist
# Feature" a feature that keeps one.
_WHOLE_ONLY = {"wishlist": Status.FUTURE, "wish list": Status.FUTURE}

# Words before when, after a status heading's word: "Planned for 2026", "Shipped in Q3".
_WHEN_WORDS = frozenset({"in", "for", "by", "from", "since", "until"})


@lru_cache(maxsize=4096)
def label_status(title: str) -> Status | None:
    """The status a heading or label *is* (``Completed``, ``## 🚧 Blocked Items``), if any.

    The words decide; decorations are ignored. A status and a kind of work after it, one
    word may qualify ("Completed Core Features"), is one. A heading naming a deliverable
    ("Complete Multimodal Support") or a time window ("Short-Term Goals") is not a status.
    """
    key = normalise(title)
    if not key:
        return None
    if key in _HEADING_ONLY:
        return _HEADING_ONLY[key]
    if key in _WHOLE_ONLY:
        return _WHOLE_ONLY[key]
    words = key.split()
    for size in (3, 2, 1):
        head = " ".join(words[:size])
        status = _HEADING_ONLY.get(head) or status_of_word(head)
        if status is None:
            continue
        rest = words[size:]
        # "🚧 IN PROGRESS Q3 2021", "Planned for 2026", "Coming soon Q3 2021": a status and
        # when, the work of that time under it
        when = rest[1:] if rest and rest[0] in _WHEN_WORDS else rest
        dated = bool(when) and when_alone(" ".join(when), releases=False)
        if head in WEAK_WORDS and not (dated and head in _HEADING_ONLY):
            continue
        # "Completed Features", "Completed Core Features": work named by its kind alone (not
        # "Future: Team Features", a plan's word before the deliverable it names)
        qualified = len(rest) == 2 and rest[1] in _GENERIC and ":" not in title
        generic = not rest or rest[0] in _GENERIC or qualified
        return status if generic or dated else None
    if len(words) > 1 and words[0] in _GENERIC_FIRST:
        # "Tareas Completadas", "Tâches terminées": the kind of work, then its status, as
        # Spanish, Portuguese, French and Italian write it
        said = " ".join(words[1:])
        return None if said in WEAK_WORDS else status_of_word(said)
    return None


# The kinds of work a heading names before their status in other languages.
_GENERIC_FIRST = frozenset(
    {"tareas", "tarefas", "tâches", "taches", "funcionalidades", "fonctionnalités"}
    | {"características", "recursos", "itens", "elementos", "éléments", "mejoras"}
    | {"melhorias", "améliorations", "attività", "funzionalità", "aufgaben", "funktionen"}
)


@lru_cache(maxsize=4096)  # asked of each heading twice: for its marker, and for its crosses
def declines(title: str) -> bool:
    """Whether a heading lists what will not be done ("## Non-Goals", "## Out of Scope", "###
    Explicitly NOT Planned"): a cross there drops the work, whatever crosses say elsewhere;
    its plain items are no work dropped, only named."""
    return _DECLINING.search(normalise(title)) is not None


# "## Non-Goals", "### 🚫 Explicitly NOT Planned (Outside Scope)", "## Things we won't do".
# ("Not planned yet" is future work.)
_DECLINING = lazy_pattern(r"\b(?:non ?goals|out of scope|won t do|not planned(?! yet))\b")


def compares(section: tuple[str, ...]) -> bool:
    """Whether the headings a table sits under say it compares ("## Feature Comparison",
    "### vs. Notion"): its glyphs say what each product has, not how far work has come."""
    return any(_COMPARES.search(title) is not None for title in section)


# "vs. Notion", "Compared with Jira", "Feature Comparison" (not "Comparison ops", operators).
_COMPARES = lazy_pattern(
    r"(?i)\b(?:vs\.?|versus)(?:\s|$)|\bcompar(?:ison|ed|ing)\s+(?:with|to|against)\b"
    r"|\bcomparisons?\W*$"
)


def names_work(name: str) -> bool:
    """Whether a heading's words (its status marker set aside) name a deliverable: not a
    section of the template ("🎯 Current Focus"), not only a time ("🗓️ November 2026")."""
    if not name or classify(name) is not SectionKind.OTHER:
        return False
    return not only_when(name) and not _statuses_only(name)


def _statuses_only(name: str) -> bool:
    """Whether a heading's words are two statuses or more and nothing else ("In Progress /
    Not Started"): a section of work of either, no deliverable."""
    parts = _STATUS_PARTS.split(name)
    return len(parts) > 1 and all(status_of_word(part) is not None for part in parts)


# What parts the statuses a heading names together: "In Progress / Not Started", "Done & Next".
# Never tried inside a run of blanks, which its start reads the same: from each blank of a
# long run the split scanned on to the run's end, in quadratic time.
_STATUS_PARTS = lazy_pattern(r"(?:(?<!\s)|(?!\s))\s*+(?:/|&|\+|,|\band\b)\s*")


def names_a_part(name: str) -> bool:
    """Whether a top section's words title a part of the document ("Feature Overview",
    "Status Legend", "Release Schedule"): its emoji decorates it. (A deliverable of those
    words, "### ✅ Release notes", is a subsection's.) What brackets after them say (a time,
    most often) is no part of the title's words ("Future Vision (2025+)")."""
    words = name.rstrip(" :*_")
    bracketed = _BRACKETED_END.search(words)
    if bracketed is not None:
        words = words[: bracketed.start()].rstrip().rstrip(" :*_")
    last = words.lower().split()[-2:]
    return bool(last) and (
        last[-1] in _DOCUMENT_PARTS
        or " ".join(last) in _DOCUMENT_PART_ENDS
        or (last[-1] in _PART_NAME_ENDS and normalise(words) in _DOCUMENT_PART_NAMES)
    )


# What brackets end a heading's words: "Future Vision (2025+)", "Schedule [2026]". (No blanks
# before it in the pattern: tried at each blank of a long run, they were scanned to its end
# each time.)
_BRACKETED_END = lazy_pattern(r"(?:\([^()]*\)|\[[^\[\]]*\])$")


# What a top section's heading names when it titles a part of the document, not work: its
# last word.
_DOCUMENT_PARTS = frozenset(
    {
        "overview",
        "info",
        "information",
        "metadata",
        "legend",
        "summary",
        "introduction",
        "intro",
        "background",
        "notes",
        "decisions",
        "focus",
        "architecture",
        "contents",
        "glossary",
        "faq",
        "references",
        "resources",
        "appendix",
        "schedule",
        "timeline",
        "milestones",
        "estimate",
        "estimates",
        "mitigation",
        "risks",
        "metrics",
        "kpis",
        "prioritization",
        "priorities",
        "strategy",
        "vision",
        "principles",
        "guidelines",
        "checklist",
        "checklists",
        "tracker",
        "dashboard",
        "cycle",
        "cadence",
        "process",
        "workflow",
        "management",
        "governance",
        "plan",
        "plans",
        "status",
        "dependencies",
        "blockers",
        "history",
        "actions",
        "log",
        "updates",
        "statistics",
        "stats",
        "tasks",
        "roadmap",
        "questions",
        "considerations",
    }
)
# Two words that end a part's title where the last alone may name work ("Reward points").
_DOCUMENT_PART_ENDS = frozenset({"decision points", "review points", "key points"})
# Whole titles of a part where their last words may name work ("## ✅ Fix known issues"):
# "## 🚧 Known Issues & Limitations".
_DOCUMENT_PART_NAMES = frozenset(
    {"known issues", "open issues", "limitations", "known limitations"}
    | {"known issues and limitations", "issues and limitations", "known issues limitations"}
)
_PART_NAME_ENDS = frozenset({"issues", "limitations"})


def when_alone(words: str, *, releases: bool = True) -> bool:
    """Whether ``words`` say when and no more: a date, month, quarter, half or year, whole,
    an open end after it or not ("Q1 2025", "Q3-Q4 2025", "2026+"), or (``releases``) a
    release ("v1.2"); not a span of time ("2 weeks")."""
    period = read_period(words)
    return (
        period is not None
        and period.kind != "relative"
        and (releases or period.kind != "version")
        and not words.replace(period.text, "", 1).strip(" +")
    )


def only_when(text: str) -> bool:
    """Whether a heading's words are only a time ("🗓️ November 2026" dates what follows; it
    names no deliverable)."""
    return dates_only(text, read_period(text))


def dates_only(text: str, period: Period | None) -> bool:
    """Whether ``text`` is all of ``period``, the time read in it, and that time no release
    ("### Q2 2026" dates the work under it; "### 🚧 v0.4" is a release, a deliverable)."""
    return (
        period is not None
        and period.kind != "version"
        and period.text.strip(" *_") == text.strip(" *_:")
    )


def struck_name(inline: Inline) -> bool:
    """Whether a heading is struck through whole, or all of it but the date that opens it
    ("## 2016-03-18 - ~~Webpage~~", "## 2016-07-14 ~SSH into remote machines~"): the
    deliverable it names is crossed off."""
    if inline.is_struck():
        return True
    if not inline.strike:
        return False
    text = inline.text
    start, end = inline.strike[0][0], inline.strike[-1][1]
    struck = sum(b - a for a, b in inline.strike)
    head = text[:start].strip(" \t-–—:|")
    return (
        bool(head)
        and not text[end:].strip()
        and struck >= len(text[start:end].strip()) - 2
        and only_when(head)
    )
