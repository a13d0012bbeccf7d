"""A status said right after an item's name, before its description ("**CA Injection**: ✅
Complete (in 4.4.0) Ensure ...", "**Phase 1:** Frontend (Done ✅) - You will ..."): read
where it stands as one, never from the prose after a name; and set there by the edits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.model import Status

SECTION = "# T Roadmap\n\n## Goals\n\n"


def read(line: str) -> tuple[str, str | None]:
    """The item's title and status; ("", None) where the line is no item of the roadmap's
    (it has no status, period, owners or references)."""
    items = milepost.loads(SECTION + line + "\n").items
    if not items:
        return "", None
    (item,) = items
    return item.title, item.status.value if item.status else None


@pytest.mark.parametrize(
    ("line", "title", "status"),
    [
        (
            "- **CA Injection**: ✅ Complete (Changes available from release `4.4.0`) Ensure"
            " that CA injection is limited.",
            "CA Injection",
            "done",
        ),
        (
            "- **E2E Test Scaffolding**: (✅ Complete) Improve the E2E tests.",
            "E2E Test Scaffolding",
            "done",
        ),
        (
            "- **Kubebuilder CLI**: :white_check_mark: Complete. It has been building.",
            "Kubebuilder CLI",
            "done",
        ),
        (
            "- **EnvTest binaries:** :construction: Controller-Runtime maintainers are working.",
            "EnvTest binaries",
            "in_progress",
        ),
        ("- **Search**: Done.", "Search", "done"),
        ("- **Search**: (blocked) Waiting on the index.", "Search", "blocked"),
        ("- **Search**: Work in progress - see #12", "Search", "in_progress"),
        (
            "- 🐣 **Phase 1:** Extensible frontend platform (Done ✅) - You will be able to"
            " easily create a single consistent UI layer.",
            "🐣 Phase 1: Extensible frontend platform",
            "done",
        ),
        (
            "- 🐇 **Phase 3:** Ecosystem (later) - Everyone's stack is different.",
            "🐇 Phase 3: Ecosystem",
            "future",
        ),
        ("- Offline mode (in progress) - sync when back online", "Offline mode", "in_progress"),
        # a double dash parts the description, and when it was done may follow the status
        ("- **v0.3** -- Phase 7 (planned) -- Wireless analysis", "v0.3 -- Phase 7", "planned"),
        ("- **v0.2** -- Phase 6 (shipped 2026-01-24) -- Persistence", "v0.2 -- Phase 6", "done"),
        ("### TASK-013 (COMPLETE) — Inventory backend", "TASK-013", "done"),  # a heading's
        # a plain name and a colon before a status that is all the rest says
        ("* Compiler: In progress.", "Compiler", "in_progress"),
        ("- RFC 9114 (HTTP/3): Pending", "RFC 9114 (HTTP/3)", "planned"),
        # the marker after the name wins over a leading emoji that says otherwise
        ("- 📋 **Search**: (🚧 In progress) Facets first.", "Search", "in_progress"),
        # a glyph right after a bold name, no colon: a note may follow it
        ("- **`alpha_lt_two`** ✅ PROVEN (with expert help)", "alpha_lt_two", "done"),
        ("- **Search** 🚧 facets first", "Search", "in_progress"),
    ],
)
def test_a_status_after_the_name_is_the_items(line: str, title: str, status: str) -> None:
    """kubebuilder's and backstage's goals say their status after a bold name, or in
    brackets closing the name before a dash: they had none (or a title running into the
    description); the item is the name, with that status."""
    assert read(line) == (title, status)


@pytest.mark.parametrize(
    "line",
    [
        "- **Goal**: Complete the migration to the new API.",
        "- **Notes**: Planned work includes a rewrite.",
        "- **Why**: Next, we will ship the plugin.",
        "- **kube-rbac-proxy Images:** :raised_hands: Seeking Feedback, see: #3860",
        "- **Scaffolding Multiple Webhooks**: Allow adding additional webhooks.",
        "- 🐢 **Phase 2:** Service Catalog ([alpha released](https://example.com/a)) - With a"
        " single catalog.",
        "- **Search** - done right this time, with facets.",
        "- **Search** Complete the facets first.",  # words after the name: prose
        "- We finished the migration of the storage layer that the whole team relied on for"
        " years (done) - more below",
        "- Note: done with care",  # more than a status after the colon
        "- PR: TODO",  # a placeholder to fill
        "- blank: not started",  # a legend's entry, in lower case
    ],
)
def test_a_status_word_in_the_prose_after_a_name_is_none(line: str) -> None:
    """A status word the description opens with, a glyph of no status or a maturity word in
    brackets say nothing of the item's status; nor does a bracket after a long sentence."""
    assert read(line)[1] is None


def _set(line: str, status: Status) -> str:
    text = f"{SECTION}{line}\n"
    roadmap = milepost.loads(text)
    (item,) = [i for i in roadmap.items if i.status]
    edit = ops.set_status(roadmap, item, status)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    return after[len(SECTION) :].rstrip("\n")


@pytest.mark.parametrize(
    ("line", "status", "after"),
    [
        (
            "- **CA Injection**: ✅ Complete (in `4.4.0`) Ensure that it is limited.",
            Status.IN_PROGRESS,
            "- **CA Injection**: 🚧 In Progress (in `4.4.0`) Ensure that it is limited.",
        ),
        (
            "- **E2E**: (✅ Complete) Improve the tests.",
            Status.BLOCKED,
            "- **E2E**: (⛔ Blocked) Improve the tests.",
        ),
        (
            "- **EnvTest:** :construction: Maintainers are working on it.",
            Status.DONE,
            "- **EnvTest:** ✅ Maintainers are working on it.",
        ),
        (
            "- 🐣 **Phase 1:** Frontend platform (Done ✅) - You will be able to",
            Status.PLANNED,
            "- 🐣 **Phase 1:** Frontend platform (Planned 📋) - You will be able to",
        ),
        (  # the dash ends the first line: the description goes on below
            "- 🐣 **Phase 1:** Frontend platform (Done ✅) -\n  You will be able to",
            Status.BLOCKED,
            "- 🐣 **Phase 1:** Frontend platform (Blocked ⛔) -\n  You will be able to",
        ),
        (
            "- 🐇 **Phase 3:** Ecosystem (later) - Everyone's stack",
            Status.IN_PROGRESS,
            "- 🐇 **Phase 3:** Ecosystem (in progress) - Everyone's stack",
        ),
        (  # the words after a glyph are the marker's up to a comma too
            "- **Search**: 📋 Planned, facets first.",
            Status.BLOCKED,
            "- **Search**: ⛔ Blocked, facets first.",
        ),
        (
            "- 📋 **Search**: (📋 Planned) Facets first.",
            Status.DONE,
            "- ✅ **Search**: (✅ Completed) Facets first.",
        ),
        (
            "- **v0.3** -- Phase 7 (planned) -- Wireless analysis",
            Status.IN_PROGRESS,
            "- **v0.3** -- Phase 7 (in progress) -- Wireless analysis",
        ),
        ("* Ast executor: Not started.", Status.DONE, "* Ast executor: Completed."),
        (
            "- **`alpha_lt_two`** ✅ PROVEN (with expert help)",
            Status.IN_PROGRESS,
            "- **`alpha_lt_two`** 🚧 PROVEN (with expert help)",
        ),
        (
            "### Phase 2E (BACKLOG) — Customer portal",
            Status.DONE,
            "### Phase 2E (COMPLETED) — Customer portal",
        ),
    ],
)
def test_an_edit_sets_the_status_after_the_name_where_it_stands(
    line: str, status: Status, after: str
) -> None:
    """``start`` wrote "- 🚧 **CA Injection**: ✅ Complete ...", saying two things (the
    leading emoji read first); the marker after the name changes in place, its brackets,
    the name and the description as they were."""
    assert _set(line, status) == after


def test_a_marker_whose_markup_splits_it_is_refused() -> None:
    """No run of the Markdown says "Not Started" alone: the edit refuses, as it does for a
    Status field's."""
    text = f"{SECTION}- **Search**: (**Not** Started) Facets first.\n"
    roadmap = milepost.loads(text)
    (item,) = [i for i in roadmap.items if i.status]
    assert item.status is Status.PLANNED
    with pytest.raises(milepost.MilepostError, match="markup splits it"):
        ops.set_status(roadmap, item, Status.DONE)


_NAMES = st.sampled_from(["Search", "CA Injection", "E2E_tests", "kube-rbac-proxy Images"])
_COLONS = st.sampled_from(["**{}**:", "**{}:**", "__{}__:"])
_MARKERS = st.sampled_from(
    [
        "✅ Complete",
        "(✅ Complete)",
        ":white_check_mark: Complete.",
        ":construction:",
        "🚧",
        "(in progress)",
        "Done.",
        "(Done ✅)",
        "On hold -",
        "Work in Progress.",
        "(🔮 Later)",
    ]
)
_DESCRIPTIONS = st.sampled_from(
    ["", " Improve the tests.", " (Changes in `4.4.0`) Ensure it is limited.", " - see #12"]
)


@settings(max_examples=150, deadline=None)
@given(
    name=_NAMES,
    colon=_COLONS,
    marker=_MARKERS,
    description=_DESCRIPTIONS,
    status=st.sampled_from(list(Status)),
)
def test_a_new_status_after_the_name_reads_back_and_changes_only_the_marker(
    name: str, colon: str, marker: str, description: str, status: Status
) -> None:
    """Whatever the name, the marker and the description, the item reads as its name with
    the marker's status; given a new one, it reads back as it, with the same title, and the
    line around the marker is as it was."""
    label = colon.format(name)
    line = f"- {label} {marker}{description}"
    title, said = read(line)
    assert title == name
    assert said is not None
    after = _set(line, status)
    assert after.startswith(f"- {label} ")
    assert after.endswith(description)
    assert read(after) == (name, status.value)


def test_a_status_after_a_plain_name_may_say_when() -> None:
    """ "Phase 01 (Foundation): Completed on 2025-12-25" beside "Phase 02 (Services):
    Pending": the day, release or quarter after the status says when, and goes with it when
    the status changes (the phase started again was not done that day)."""
    assert read("- Phase 01 (Foundation): Completed on 2025-12-25") == (
        "Phase 01 (Foundation)",
        "done",
    )
    assert read("- Sync: Planned for Q3 2026") == ("Sync", "planned")
    assert read("- Goal: Complete the migration on 2026-01-01") == (
        "Goal: Complete the migration on 2026-01-01",
        None,
    )
    assert _set("- Phase 01 (Foundation): Completed on 2025-12-25", Status.IN_PROGRESS) == (
        "- Phase 01 (Foundation): In Progress"
    )


def test_a_status_after_a_versioned_name_and_before_a_note_in_brackets() -> None:
    """A milestone list as planning tools write it: "v2.0 Settings UX: Shipped 2026-02-12
    (see MILESTONES.md)" over "v2.4 Auto-Update: In Progress". The version opening the name
    is in lower case as versions are, and a note in brackets may follow the status; a name
    in lower case is still a legend's way, and says nothing."""
    assert read("- v2.4 Auto-Update: In Progress") == ("v2.4 Auto-Update", "in_progress")
    assert read("- v2.0 Settings UX: Shipped 2026-02-12 (see MILESTONES.md)") == (
        "v2.0 Settings UX",
        "done",
    )
    assert read("- Search: Done (see #12)") == ("Search", "done")
    assert read("- blank: not started (see below)") == ("", None)
    assert _set("- v2.4 Auto-Update: In Progress", Status.DONE) == "- v2.4 Auto-Update: Completed"
    assert _set("- v2.0 Settings UX: Shipped (see MILESTONES.md)", Status.IN_PROGRESS) == (
        "- v2.0 Settings UX: In Progress (see MILESTONES.md)"
    )
    # the day it shipped goes with the status, the note stays
    assert _set(
        "- v2.0 Settings UX: Shipped 2026-02-12 (see MILESTONES.md)", Status.IN_PROGRESS
    ) == ("- v2.0 Settings UX: In Progress (see MILESTONES.md)")
    # a long note is a sentence: no status after a glyph before it
    long_note = "- Cherry-pick: ✅ Complete (merged into main after a long review by all)"
    assert read(long_note) == ("", None)
