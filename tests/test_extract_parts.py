"""The template's parts as real roadmaps write them, and the free text they leave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import milepost
from milepost import api
from milepost.model import Roadmap


def texts(roadmap: Roadmap, title: str) -> list[str]:
    """The free text of the section titled ``title``."""
    [section] = [s for top in roadmap.sections for s in top.walk() if s.title == title]
    return [t.text for t in section.text]


def test_text_that_fits_no_field_stays_on_its_section() -> None:
    roadmap = milepost.loads(
        "---\ntitle: Roadmap\n---\n\nIntro before any heading.\n\n"
        "# Web UI Roadmap\n\n"
        "## How to Contribute\n\n"
        "Start here:\n\n"
        "1. **Pick an issue:** any labelled `roadmap`\n"
        "2. Open a pull request\n\n"
        "   With a test, please.\n\n"
        "> Questions go to Discord.\n\n"
        "| Channel | Where |\n|---|---|\n| Chat | Discord |\n\n"
        "```mermaid\ntimeline\n    2026 Q1 : v0.5\n```\n\n"
        '<p align="center"><img src="b.svg" alt="Beta soon"></p>\n\n'
        '<div align="center">\n\n'
        "## Dependencies and Risks\n\n"
        "### External Dependencies\n- Browser vendors\n\n"
        "### Technical Risks\n- **Risk 1:** Flaky renders\n  - Likelihood: High\n"
        "  - Impact: Low\n  - Mitigation: Retries\n  - Seen twice in CI\n\n"
        "## Completed Milestones\n\n### Earlier\n"
        "- ✅ Dark mode shipped - easier on the eyes\n  - Details: see the blog post\n"
    )
    assert [t.text for t in roadmap.preamble] == ["title: Roadmap", "Intro before any heading."]
    assert texts(roadmap, "How to Contribute") == [
        "Start here:",
        "Pick an issue: any labelled roadmap",
        "Open a pull request",
        "With a test, please.",
        "Questions go to Discord.",
        "Channel | Where",
        "Chat | Discord",
        "timeline\n    2026 Q1 : v0.5",
        "Beta soon",  # what the HTML shows; the bare <div> wrapper shows nothing
    ]
    # What a part holds is not said twice: the dependency, the risk and its fields; a line
    # under a risk that is none of its fields is the section's.
    assert texts(roadmap, "External Dependencies") == []
    assert texts(roadmap, "Technical Risks") == ["Seen twice in CI"]
    # A milestone's details are its links: a line without one is left as text.
    assert roadmap.milestones[0].milestones[0].details == ()
    assert texts(roadmap, "Earlier") == ["Details: see the blog post"]
    assert roadmap.to_dict()["preamble"][1] == {
        "text": "Intro before any heading.",
        "span": {"start": 5, "end": 5},
    }


def test_a_milestones_details_are_the_links_of_its_details_lines() -> None:
    """crossplane's "* Composition" under a release listed its shipped changes below it,
    each with its issue: all their links were the milestone's "details"."""
    roadmap = milepost.loads(
        "# T\n\n## Completed Milestones\n\n### Released\n"
        "- ✅ Composition\n"
        "  - Bi-directional patching [#1639](https://github.com/o/r/issues/1639)\n"
        "- ✅ Search shipped - faster lookups\n"
        "  - Details: [docs](https://x.y/docs)\n"
        "  - Docs: [guide](https://x.y/guide)\n"
    )
    got = [(m.feature, m.details) for m in roadmap.milestones[0].milestones]
    assert got == [
        ("Composition", ()),
        ("Search", ("https://x.y/docs", "https://x.y/guide")),
    ]


def test_the_vision_is_prose_not_the_labels_of_its_lists() -> None:
    """massgen's "## 🎯 Long-Term Vision (v0.2.0+)" is bold labels, each over a list: the
    vision read "Advanced Orchestration Patterns\\n\\nVisual Workflow Designer"."""
    labels = "**Visual Workflow Designer**\n- No-code workflows\n\nBackends:\n- Local models\n"
    assert milepost.loads(f"# T\n\n## Long-Term Vision\n\n{labels}").vision is None
    roadmap = milepost.loads(f"# T\n\n## Long-Term Vision\n\nAgents everywhere.\n\n{labels}")
    assert roadmap.vision is not None and roadmap.vision.text == "Agents everywhere."
    # a sentence that leads into its list is the vision all the same (it was none)
    said = "By 2027 we want Swarmkit to be how teams run agent swarms, which means:"
    roadmap = milepost.loads(f"# T\n\n## Long-Term Vision\n\n{said}\n\n- cheap runs\n")
    assert roadmap.vision is not None and roadmap.vision.text == said


def test_a_goals_list_or_table_gives_a_goal_an_item() -> None:
    """spiffe's "## Near-Term and Medium-Term" is a list, massgen's "## 📅 Upcoming
    Milestones" a table: the section had no goals, each being a heading in the template."""
    roadmap = milepost.loads(
        "# T\n\n## Near-Term and Medium-Term\n\n"
        "- Kubernetes experience (In Progress)\n  - Helm chart\n- Secretless auth\n\n"
        "## Upcoming Milestones\n\n| Milestone | Target | Status |\n|---|---|---|\n"
        "| Cost tracking | 2025-10-31 | 🔄 In Progress |\n\n"
        "## Medium-Term Goals\n\n### 3. AG2 Group Chat (OPTIONAL)\n- Patterns\n"
    )
    got = [
        (goal.name, goal.status.value if goal.status else None, [f.title for f in goal.features])
        for group in roadmap.goals
        for goal in group.goals
    ]
    assert got == [
        ("Kubernetes experience", "in_progress", ["Helm chart"]),
        ("Secretless auth", None, []),
        ("Cost tracking", "in_progress", []),
        ("AG2 Group Chat (OPTIONAL)", None, ["Patterns"]),  # its number is no part of its name
    ]


def test_a_long_term_vision_without_major_initiatives_lists_them_itself() -> None:
    """Its subsections, the labels over its lists and its bullets are the initiatives of a
    roadmap with no "Major Initiatives" (massgen's tracks, spiffe, massgen's releases): it
    had none."""
    roadmap = milepost.loads(
        "# T\n\n## Long-Term Vision (3-6 months)\n\n"
        "### Vision Statement\nAgents everywhere.\n\n"
        "### Universal Backend Adapter\n- **Goal:** Any provider, any format\n\n"
        "## Long-Term\n\n"
        "**Visual Workflow Designer**\n- No-code workflows\n\n"
        "* **Plugin System**: extensible agents\n"  # another list, labelled by no paragraph
        "* Key revocation\n"
    )
    got = [(i.name, i.vision) for i in roadmap.initiatives]
    assert got == [
        ("Universal Backend Adapter", "Any provider, any format"),
        ("Visual Workflow Designer", None),
        ("Plugin System", "extensible agents"),
        ("Key revocation", None),
    ]
    assert roadmap.vision is not None and roadmap.vision.text == "Agents everywhere."


def test_a_label_over_a_list_gives_the_list_not_itself() -> None:
    """massgen's track roadmaps write a focus block and a goal as "- **Goal:** ..." over
    "- **Deliverables:**" and its list: the goal's features were "Goal: ..." and
    "Deliverables", the focus block's items the same two lines."""
    roadmap = milepost.loads(
        "# T\n\n## Current Focus (Weeks 1-4)\n\n### Backend Stability\n"
        "- **Goal:** All backends pass\n- **Deliverables:**\n  - Coverage\n  - Benchmarks\n\n"
        "## Medium-Term Goals\n\n### Code Execution (Q1 2025)\n"
        "- **Goal:** Safe execution\n- **Motivation:** Agents need to run code\n"
        "- **Deliverables:**\n  - Sandbox\n  - Limits\n"
        "- **Success Criteria:**\n  - No escapes\n"
    )
    assert roadmap.focus is not None
    [period] = roadmap.focus.periods
    assert [i.title for i in period.items] == ["Goal: All backends pass", "Coverage", "Benchmarks"]
    [goal] = roadmap.goals[0].goals
    assert goal.motivation == "Agents need to run code"
    assert [i.title for i in goal.features] == ["Sandbox", "Limits"]
    assert [i.title for i in goal.criteria] == ["No escapes"]


def test_work_that_ends_with_a_colon_is_no_label(tmp_path: Path) -> None:
    """An item marked with its own status over its steps ("- 🚧 Storage migration, in three
    steps:") was taken for a label and replaced by its steps: it was no longer in Current
    Focus, so ``ship`` refused ``--impact`` ("only Current Focus items are recorded")."""
    text = (
        "# T\n\n## Current Focus\n\n### November 2026\n"
        "- 🚧 Storage migration, in three steps:\n  - move blobs\n  - update docs\n"
        "\n## Completed Milestones\n"
    )
    roadmap = milepost.loads(text)
    assert roadmap.focus is not None
    [period] = roadmap.focus.periods
    assert [i.title for i in period.items] == ["Storage migration, in three steps"]
    path = tmp_path / "roadmap.md"
    path.write_text(text, encoding="utf-8")
    api.edit(path, "ship", item="storage", impact="cheaper", today=dt.date(2026, 11, 25))
    assert "- ✅ Storage migration, in three steps shipped - cheaper\n" in path.read_text("utf-8")


def test_a_page_whose_first_heading_only_dates_is_titled_by_its_front_matter() -> None:
    """minikube's roadmap is a Hugo page titled "Roadmap" in its front matter, its "# 2025"
    the year's section: the track was called "2025"."""
    from milepost.extract import read_title
    from milepost.source import decode

    page = '---\ntitle: "Roadmap"\nweight: 4\n---\n\nIntro.\n\n# 2025\n\n## (#1) AI\n- [x] GPU\n'
    roadmap = milepost.loads(page)
    assert (roadmap.title, roadmap.track) == ("Roadmap", "Roadmap")
    assert read_title(decode(page.encode())) == "Roadmap"  # the site's quick read agrees
    named = milepost.loads("---\ntitle: Roadmap\n---\n\n# Memory Roadmap\n")
    assert named.track == "Memory"  # a first heading that names the track stays its title


def test_a_shortcode_leading_a_title_is_kept_whole() -> None:
    """qdrant's "* :atom_symbol: Quantization support" was titled "atom_symbol:
    Quantization support", its colon taken for a marker's leftover; it reads as the emoji it
    renders as, kept as written like any decoration (🔧)."""
    roadmap = milepost.loads("# T\n\n## 2023\n\n* :atom_symbol: Quantization support\n")
    assert [i.title for i in roadmap.items] == [":atom_symbol: Quantization support"]


def test_a_headers_timeline_is_the_planning_horizon() -> None:
    """massgen's track roadmaps open with "**Timeline:** Next 3-6 months", their horizon;
    it was read as nothing. A "Timeline:" under a section is that section's."""
    meta = milepost.loads(
        "# T\n\n**Timeline:** Q1 2027 through Q2 2027\n\n## Goals\n\n**Timeline:** 2028\n"
    ).meta
    assert meta.planning_horizon == "Q1 2027 through Q2 2027"
    assert meta.horizon_start is not None and meta.horizon_start.label == "2027-Q1"
    assert meta.horizon_end is not None and meta.horizon_end.label == "2027-Q2"
    assert milepost.loads("# T\n\n## Goals\n\n**Timeline:** 2028\n").meta.planning_horizon is None


@pytest.mark.parametrize("when", ["in 999999 weeks", "Next 99999999 months", "Weeks 4-999999999"])
def test_a_time_past_the_calendars_end_is_no_period(when: str) -> None:
    """A time from the roadmap's date that ends after the year 9999 raised OverflowError or
    ValueError out of the reading; the calendar holds no such time, so it is no period."""
    text = (
        f"# T\n\n**Last updated:** 2026-11-18\n**Timeline:** {when}\n\n"
        f"## Current Focus ({when})\n\n### Search\n\n- 📋 Search {when}\n"
    )
    roadmap = milepost.loads(text)
    assert [(item.title, item.period) for item in roadmap.items] == [(f"Search {when}", None)]


def test_a_projects_roadmap_is_the_track_of_the_project() -> None:
    """ "Kubescape project roadmap" was the track "Kubescape project", "Project Roadmap" the
    track "Project": "project" before "Roadmap" says whose roadmap it is, as "track" does."""
    from milepost.extract import track_name

    assert track_name("Kubescape project roadmap") == "Kubescape"
    assert track_name("NextConsole Project Roadmap 🚀") == "NextConsole"
    assert track_name("Project Roadmap") == "Project Roadmap"  # no name: the title, whole
    assert track_name("Project Phoenix Roadmap") == "Project Phoenix"


def test_an_html_comment_is_no_text_of_its_section() -> None:
    """A comment with a ">" in it ("old plan -> new plan") ended at that ">" as a tag would,
    and its words after it were the section's text; a comment shows nothing."""
    roadmap = milepost.loads(
        "# T\n\n## Notes\n\n<!-- old plan -> new plan, see #4 -->\n\n"
        '<p>Shown <!-- hidden > too --><img alt="logo" src="l.svg"></p>\n'
    )
    assert texts(roadmap, "Notes") == ["Shown logo"]
