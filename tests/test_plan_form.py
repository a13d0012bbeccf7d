"""``plan`` writes its line as the month's planned items are written: like a neighbour with a
title of its own that is not struck through, its markers and tag, never markup that would
stay open around the new title; else as the file marks planned work."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import milepost
from milepost.document import apply
from milepost.edits import operations as ops
from milepost.edits.readback import read_item
from milepost.model import Status

TODAY = dt.date(2026, 11, 26)
FOCUS = "# T Roadmap\n\n## Current Focus\n\n### November 2026\n"


def _planned(
    text: str, title: str = "Export", owner: str | None = None, issue: str | None = None
) -> str:
    """The line ``plan`` adds for ``title`` to ``text``, once its check passed."""
    roadmap = milepost.loads(text)
    edit = ops.plan(roadmap, title, today=TODAY, owner=owner, issue=issue)
    after = apply(roadmap.document.source, edit.patches).text
    assert edit.verify(milepost.loads(after)) is None, after
    assert after.startswith(text), after
    return after[len(text) :]


@pytest.mark.parametrize(
    ("sample", "new"),
    [
        ("- **Planned:** Search @kim", "- **Planned:** Export (#450) @gwen"),
        ("- **Planned**: Search", "- **Planned**: Export (#450) @gwen"),
        ("- 📋 Planned - Search", "- 📋 Planned - Export (#450) @gwen"),
        ("- Search - Status: Planned @kim", "- Export - Status: Planned (#450) @gwen"),
        ("- **Search** — **Status:** _Planned_", "- Export — **Status:** _Planned_ (#450) @gwen"),
        ("- [Search](https://example.org/s) (planned)", "- Export (planned) (#450) @gwen"),
        ("- [ ] Search (todo)", "- [ ] Export (todo) (#450) @gwen"),
        ("- **Status:** Planned - Search", "- **Status:** Planned - Export (#450) @gwen"),
        # as before: an emoji, a box
        ("- 🗓️ Search", "- 🗓️ Export (#450) @gwen"),
        ("- [ ] Search", "- [ ] Export (#450) @gwen"),
        # an item that is its status alone is no pattern for a titled one: the file's own
        ("- Status: Planned", "- 📋 Export (#450) @gwen"),
    ],
)
def test_plan_writes_the_new_item_as_the_planned_items_are(sample: str, new: str) -> None:
    """``plan`` wrote "- 📋 **Planned:** Export" under "- **Planned**: Search" (an emoji the
    month does not use, the colon moved), under "- 📋 Planned - Search" (bold added) and
    under "- Search - Status: Planned" (a bold label where the month writes a field). It
    takes the planned item's markers before its title and its tag after it, as written."""
    assert _planned(f"{FOCUS}{sample}\n", owner="gwen", issue="450") == f"{new}\n"


@pytest.mark.parametrize(
    ("month", "new"),
    [
        # an item with no title of its own is passed over for the next with one
        ("- Status: Planned @kim\n- **Planned:** Search @bo\n", "- **Planned:** Export"),
        ("- [ ] Status: Planned @kim\n- 📋 Search\n", "- 📋 Export"),
        ("* 📋 Planned\n\n- Search - Status: Planned\n", "- Export - Status: Planned"),
        # a struck item is dropped work: no form, its strikethrough least of all
        ("- ~~📋 Search~~ (planned)\n", "- 📋 Export"),
        ("- 📋 ~~Search~~ (planned)\n", "- 📋 Export"),
        ("- ~~📋 Search (planned)~~\n- Lookup - Status: Planned\n", "- Export - Status: Planned"),
        ("- ~~📋~~ Search (planned)\n", "- 📋 Export (planned)"),
        # markup around the title is the title's: its opening half is not copied
        ("- **📋 Search** (planned)\n", "- 📋 Export (planned)"),
        ("- [📋 Search](https://example.org/s) (planned)\n", "- 📋 Export (planned)"),
        ("- *📋 Search - Status: Planned*\n", "- 📋 Export - Status: Planned"),
        ("- ***📋 Search*** (planned)\n", "- 📋 Export (planned)"),
        ("- <del>📋 Search</del> (planned)\n", "- 📋 Export (planned)"),
        ("- **Planned:** <b>Search</b>\n", "- **Planned:** Export"),
    ],
)
def test_plan_copies_a_titled_unstruck_neighbour_and_no_open_markup(month: str, new: str) -> None:
    """``plan`` wrote "- ~~📋 Export (planned)" under "- ~~📋 Search~~ (planned)", an
    unclosed strikethrough, and "- **📋 Export (planned)" under bold; under an item that is
    its status alone ("- Status: Planned @kim") it took that one's form and not the next
    item's, which has a title."""
    assert _planned(f"{FOCUS}{month}") == f"{new}\n"


def test_plan_keeps_owner_and_issue_beside_a_struck_neighbour() -> None:
    new = _planned(f"{FOCUS}- ~~📋 Search~~ (planned)\n", owner="gwen", issue="450")
    assert new == "- 📋 Export (#450) @gwen\n"


_UNTITLED = ["", "- Status: Planned @kim\n", "- [ ] Status: Planned\n", "- 📋 **Planned**\n"]
_BEFORE = ["", "📋 ", "📋 **Planned:** ", "**Planned**: ", "📋 Planned: ", "__Todo:__ ", "[ ] "]
_TAGS = ["", " (planned)", " - Status: Planned", " — **Status:** _todo_", " - not started"]
_AROUND = ["{}", "~~{}~~", "**{}**", "_{}_", "[{}](https://example.org/s)", "<del>{}</del>"]
_TITLES = ["New thing", "Export `csv`", "Fix [docs](https://example.org/d)", "**Bold** move"]


@settings(max_examples=250, deadline=None)
@given(
    untitled=st.sampled_from(_UNTITLED),
    around=st.sampled_from(_AROUND),
    before=st.sampled_from(_BEFORE),
    name=st.sampled_from(["Search", "~~Search~~"]),
    tag=st.sampled_from(_TAGS),
    owners=st.sampled_from(["", " @kim", " (#12)"]),
    title=st.sampled_from(_TITLES),
)
def test_plan_reads_as_planned_and_like_its_neighbour(
    untitled: str, around: str, before: str, name: str, tag: str, owners: str, title: str
) -> None:
    """Under an item with no title of its own and a planned one written with any markers
    before its title, any tag after it and any markup around it, struck or not, the line
    ``plan`` adds reads as planned with the title given and holds no strikethrough; marked
    as that item is, or where its title is struck, as the file marks planned work."""
    neighbour = f"- {around.format(before + name)}{tag}{owners}\n"
    new = _planned(f"{FOCUS}{untitled}{neighbour}", title)
    seen = read_item(new, "November 2026")
    plain = read_item(f"- 📋 {title}\n", "November 2026")
    assert seen is not None and plain is not None
    assert (seen.status, seen.title) == (Status.PLANNED, plain.title), new
    assert "~~" not in new and "<del>" not in new, new
    items = milepost.loads(f"{FOCUS}{neighbour}").items
    if not any(i.status is Status.PLANNED and i.title == "Search" for i in items):
        return
    if around == "~~{}~~" or name != "Search":  # its title struck: the file's own form
        assert new == f"- 📋 {title}\n"
    elif around == "{}":  # its form as it is written
        assert new == f"- {before}{title}{tag}\n"
