"""Where a status is named rather than said: the label of a Status field ("Status:",
"Status/Target") and the header of a table's Status column ("Current Status", "Working
State", "Progress"). What the words in those places mean is :mod:`.status_words`'s to say."""

from __future__ import annotations

import re

from milepost.lazy import lazy_pattern
from milepost.vocabulary.foreign_words import FOREIGN_STATUS_HEADERS
from milepost.vocabulary.status_words import said_weakly, status_of_word

__all__ = [
    "ANY_STATUS_FIELD",
    "ANY_STATUS_LABEL",
    "DESCRIBING_LABELS",
    "FIELD_LABELS",
    "RISK_RATINGS",
    "STATUS_FIELD",
    "STATUS_LABEL",
    "is_status_header",
    "is_status_label",
    "status_column",
]

# Labels of an item's field sub-bullets that describe it: who does it, why, what it is, how
# big ("- Owner: @kim", "- **Effort:** M").
FIELD_LABELS = frozenset(
    {"owner", "owners", "lead", "assignee", "dri", "why", "what", "priority", "effort"}
)
# The labels that rate a risk: its own fields ("- Impact: High"), a risk register's columns.
RISK_RATINGS = frozenset({"likelihood", "probability", "impact", "severity"})
# Labels of what describes an item, never its status nor a deliverable of its own: a glyph
# after one rates it ("**Risk:** ✅ LOW", "**Priority:** ✅ High"). (A risk's likelihood and
# impact are its own sub-bullets, read by the risks' section, no item's fields.)
DESCRIBING_LABELS = FIELD_LABELS | {
    *("risk", "risk level", "impact", "likelihood", "severity", "complexity", "difficulty"),
    *("confidence", "size", "estimate"),
}

# The label of a Status field, alone or joined to another field's name: "Status", "State",
# "Status/Target", "Status / ETA", "Status & Target", "Status and ETA" (a pattern, to put in
# the patterns that find a field; "Status Report" is no Status label).
STATUS_LABEL = r"stat(?:us|e)(?:[ \t]*(?:/|&|\+|\band\b)[ \t]*[A-Za-z]+(?: [A-Za-z]+)?)?"
# The same, or in other languages the words that head a Status column: "Статус:", "Estado:",
# "状态：" (for patterns that match where a field may stand, not for searches of a whole
# document: a literal "stat" first is what makes those fast).
_FOREIGN_LABEL = "|".join(sorted(map(re.escape, FOREIGN_STATUS_HEADERS), key=len, reverse=True))
ANY_STATUS_LABEL = rf"(?:{STATUS_LABEL}|{_FOREIGN_LABEL})"
_STATUS_LABEL = lazy_pattern(rf"(?i){STATUS_LABEL}")
# A Status field's label and its colon, bold closing the label before the colon or not:
# "Status:", "**Status**:", "State / ETA :" (a pattern, to put in the patterns that find one).
STATUS_FIELD = rf"\b{STATUS_LABEL}\b\s*+(?:\*\*|__)?\s*+:"
ANY_STATUS_FIELD = rf"\b{ANY_STATUS_LABEL}\b\s*+(?:\*\*|__)?\s*+:"


def is_status_label(label: str) -> bool:
    """Whether ``label`` (a bold label's words, its colon and markup or not) names a Status
    field: "Status", "State", "Status/Target", "Status & ETA", and in other languages
    "Статус", "Estado", "状态"."""
    words = label.strip(" *_:：")
    if words[:4].lower() == "stat" and _STATUS_LABEL.fullmatch(words) is not None:
        return True
    return words.lower() in FOREIGN_STATUS_HEADERS  # "Статус", "Estado", "Stato", "状态"


def is_status_header(header: str) -> bool:
    """Whether a table column's header names its Status column: "Status", "State", a Status
    label ("Status/Target"), or words ending in "Status" ("Current Status", "End of Sprint
    Status") or the state of the work ("Working State", "Current State"); not "End State",
    "Empty State" or "Status Notes", which describe."""
    words = header.lower().strip(" *_:").split()
    return bool(words) and (
        words[-1] == "status"
        or (words[-1] == "state" and len(words) == 2 and words[0] in _STATE_OF_WORK)
        or words[0] in FOREIGN_STATUS_HEADERS
        or " ".join(words) in FOREIGN_STATUS_HEADERS  # "Trạng thái"
        or is_status_label(header)
    )


def status_column(headers: list[str]) -> int | None:
    """Which of a table's column headers names its Status column: the first that
    :func:`is_status_header` takes, else a Progress column ("| Progress |", "| Current
    Progress |"; not "| In Progress |", a status over checks), which says the status in
    words where it does not in a percentage."""
    found = next((i for i, h in enumerate(headers) if is_status_header(h)), None)
    if found is None:
        found = next(
            (i for i, h in enumerate(headers) if _names_progress(h.lower().strip(" *_:"))),
            None,
        )
    return found


def _names_progress(header: str) -> bool:
    """Whether a header names a Progress column ("Progress", "Current Progress"), not a
    column of checks headed by a status ("In Progress")."""
    return header.endswith("progress") and (status_of_word(header) is None or said_weakly(header))


# Words before "State" in a header that name the state of the work ("Working State",
# "Progress State"), not a target ("End State") or a screen's ("Empty State", "Error State").
_STATE_OF_WORK = frozenset(
    {"working", "current", "implementation", "development", "project", "feature", "work"}
    | {"progress"}
)
