"""The new-roadmap scaffold: folder names, and the template filled in for a given day."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from milepost.errors import UsageError
from milepost.render.scaffold import TEMPLATE, new_roadmap, slugify

SHARED_TEMPLATE = Path("/work/shared/template/track-roadmap-template.md")
HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
NOV = datetime.date(2026, 11, 25)
DEC = datetime.date(2026, 12, 31)


def headings(text: str) -> list[str]:
    return [line for line in text.split("\n") if HEADING.match(line)]


def fill(text: str, **values: str) -> str:
    """Replace each template placeholder by its value (a test-side, independent spelling)."""
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


# --- slugify ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Web UI", "web-ui"),
        ("AgentAdapter & Backends", "agentadapter-backends"),
        ("Café Crème", "cafe-creme"),
        ("Ångström Über Naïve", "angstrom-uber-naive"),
        ("Straße", "strasse"),
        ("ﬁle ﬂow", "file-flow"),
        ("  --Hello, World!--  ", "hello-world"),
        ("v2.0 Release (beta)", "v2-0-release-beta"),
        ("MCP_Tools", "mcp-tools"),
        ("../etc", "etc"),
        ("a/b\\c", "a-b-c"),
        ("CI/CD", "ci-cd"),
        ("Track 日本 2", "track-2"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["", "   ", "!!!", "../", "日本語", "—"])
def test_slugify_without_letters_or_digits_is_a_usage_error(name):
    with pytest.raises(
        UsageError, match="has no ASCII letters or digits to make a folder name from"
    ):
        slugify(name)


@given(st.text())
def test_slugify_gives_a_safe_folder_name_or_a_usage_error(name):
    try:
        slug = slugify(name)
    except UsageError:
        return
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)


# --- the template itself ---------------------------------------------------------------------


def test_embedded_template_is_the_shared_template_byte_for_byte():
    if not SHARED_TEMPLATE.exists():
        pytest.skip(f"{SHARED_TEMPLATE} is not available on this machine")
    assert TEMPLATE.encode("utf-8") == SHARED_TEMPLATE.read_bytes()


# --- new_roadmap ------------------------------------------------------------------------------


def test_november_dates_months_quarter_and_review():
    text = new_roadmap("Web UI", today=NOV)
    lines = text.split("\n")
    assert lines[0] == "# Web UI Roadmap"
    assert "**Last updated:** 2026-11-25" in lines
    assert "**Planning horizon:** November 2026 through May 2027" in lines
    assert "### November 2026" in lines
    assert "### December 2026" in lines
    assert "### Q1 2027 Goals" in lines  # medium-term: three months ahead
    assert "**Next roadmap review:** 2026-12-09" in lines
    assert "*Last updated: 2026-11-25 by @username*" in lines


def test_december_rolls_into_the_next_year():
    text = new_roadmap("Web UI", today=DEC)
    lines = text.split("\n")
    assert "**Last updated:** 2026-12-31" in lines
    assert "**Planning horizon:** December 2026 through June 2027" in lines
    assert "### December 2026" in lines
    assert "### January 2027" in lines
    assert "### Q1 2027 Goals" in lines
    assert "**Next roadmap review:** 2027-01-14" in lines


@pytest.mark.parametrize(
    ("today", "name", "values"),
    [
        (
            NOV,
            "Web UI",
            {
                "[Track Name] Roadmap": "Web UI Roadmap",
                "[Current Month] YYYY": "November 2026",
                "[Next Month] YYYY": "December 2026",
                "[Quarter] YYYY": "Q1 2027",
                "MassGen": "the project",
            },
        ),
        (
            DEC,
            "AgentAdapter & Backends",
            {
                "[Track Name] Roadmap": "AgentAdapter & Backends Roadmap",
                "[Current Month] YYYY": "December 2026",
                "[Next Month] YYYY": "January 2027",
                "[Quarter] YYYY": "Q1 2027",
                "MassGen": "the project",
            },
        ),
        (
            datetime.date(2027, 1, 1),
            "Docs",
            {
                "[Track Name] Roadmap": "Docs Roadmap",
                "[Current Month] YYYY": "January 2027",
                "[Next Month] YYYY": "February 2027",
                "[Quarter] YYYY": "Q2 2027",
                "MassGen": "the project",
            },
        ),
    ],
)
def test_headings_are_the_templates_with_placeholders_filled(today, name, values):
    expected = [fill(heading, **values) for heading in headings(TEMPLATE)]
    actual = headings(new_roadmap(name, today=today))
    # Completed Milestones: one heading per past month, newest first.
    month_slots = [i for i, h in enumerate(expected) if h == "### [Month] YYYY"]
    assert len(month_slots) == 3
    for i in month_slots:
        assert re.fullmatch(r"### [A-Z][a-z]+ \d{4}", actual[i])
        expected[i] = actual[i]
    assert actual == expected


@pytest.mark.parametrize(
    ("today", "months"),
    [
        (NOV, ["October 2026", "September 2026", "August 2026"]),
        (datetime.date(2027, 2, 10), ["January 2027", "December 2026", "November 2026"]),
    ],
)
def test_completed_milestones_are_the_past_months_newest_first(today, months):
    text = new_roadmap("Web UI", today=today)
    section = text.split("## Completed Milestones\n", 1)[1].split("\n## ", 1)[0]
    assert [h.removeprefix("### ") for h in headings(section)] == months


@pytest.mark.parametrize(
    ("month", "label"),
    [
        (1, "Q2 2030"),
        (3, "Q2 2030"),
        (4, "Q3 2030"),
        (6, "Q3 2030"),
        (9, "Q4 2030"),
        (10, "Q1 2031"),
    ],
)
def test_medium_term_goals_are_for_the_quarter_three_months_ahead(month, label):
    text = new_roadmap("X", today=datetime.date(2030, month, 15))
    assert f"### {label} Goals" in text.split("\n")


def test_only_known_lines_change_and_every_other_prompt_stays():
    template_lines = TEMPLATE.split("\n")
    lines = new_roadmap("Web UI", today=NOV, owner="alice", project="Acme").split("\n")
    assert len(lines) == len(template_lines)
    changed = [
        before for before, after in zip(template_lines, lines, strict=True) if before != after
    ]
    # title, last updated, horizon, 2 focus months, quarter, 3 completed months,
    # alignment heading and prompt, next review, footer
    assert len(changed) == 13
    for before in changed:
        assert re.search(r"YYYY|\[Track Name\] Roadmap|\[Current month\]|MassGen|@username", before)
    # Every other bracketed prompt is still there for `milepost check` to flag.
    filled = {"[Track Name] Roadmap", "[Current Month]", "[Next Month]", "[Quarter]", "[Month]"}
    filled |= {"[Current month]", "[+6 months]", "[How this track's roadmap aligns with overall"}
    prompt = re.compile(r"\[[^\]]+\]( Roadmap)?")
    expected = [m[0] for m in prompt.finditer(TEMPLATE) if not m[0].startswith(tuple(filled))]
    expected.append("[How this track's roadmap aligns with Acme's overall goals]")
    assert sorted(m[0] for m in prompt.finditer("\n".join(lines))) == sorted(expected)


def test_cross_track_placeholders_are_not_this_track():
    text = new_roadmap("Web UI", today=NOV)
    assert text.count("- **With [Track Name]:** [How we're working together]") == 2
    assert "**Dependency on [Other Track]:**" in text


def test_project_name_fills_alignment_and_keeps_discord_sentence():
    text = new_roadmap("Web UI", today=NOV, project="MassGen")
    assert "### Alignment with MassGen Vision" in text
    assert "[How this track's roadmap aligns with MassGen's overall goals]" in text
    assert "Major changes are announced in the Discord channel.*" in text
    default = new_roadmap("Web UI", today=NOV)
    assert "### Alignment with the project Vision" in default
    assert "MassGen" not in default


def test_emoji_and_arrows_are_clean_utf8():
    text = new_roadmap("Web UI", today=NOV)
    for char in ("✅", "🚧", "📋", "→"):
        assert text.count(char) == TEMPLATE.count(char) > 0
    assert text.encode("utf-8").decode("utf-8") == text
    assert "â" not in text
    assert "ð" not in text


@pytest.mark.parametrize("today", [NOV, DEC, datetime.date(2024, 2, 29)])
def test_text_hygiene(today):
    text = new_roadmap("  Web UI  ", today=today, owner="@alice", project="Acme")
    assert "\r" not in text
    assert text.endswith("*\n")
    assert not text.endswith("\n\n")
    assert not any(line != line.rstrip() for line in text.split("\n"))
    assert "YYYY" not in text
    assert text.startswith("# Web UI Roadmap\n")


@pytest.mark.parametrize(
    ("owner", "footer"),
    [
        (None, "*Last updated: 2026-11-25 by @username*"),
        ("alice", "*Last updated: 2026-11-25 by @alice*"),
        ("@alice", "*Last updated: 2026-11-25 by @alice*"),
        ("  @bob-smith ", "*Last updated: 2026-11-25 by @bob-smith*"),
        ("j.doe_2", "*Last updated: 2026-11-25 by @j.doe_2*"),
    ],
)
def test_owner_in_footer(owner, footer):
    lines = new_roadmap("Web UI", today=NOV, owner=owner).split("\n")
    assert lines[-2] == footer
    assert lines[-1] == ""


@pytest.mark.parametrize("owner", ["", "@", "@@alice", "Jane Doe", "a*b", "[x](y)", "a\nb"])
def test_bad_owner_is_a_usage_error(owner):
    with pytest.raises(UsageError, match="owner"):
        new_roadmap("Web UI", today=NOV, owner=owner)


def test_name_is_stripped_and_inserted_literally():
    text = new_roadmap("  AgentAdapter & Backends <v2> {project} *x*  ", today=NOV, project="Acme")
    assert text.split("\n")[0] == "# AgentAdapter & Backends <v2> {project} *x* Roadmap"


@pytest.mark.parametrize(
    "name",
    ["Web\nUI", "Web\rUI", "Web\tUI", "Web\x00UI", "Web\x85UI", "Web\u2028UI", "Web\u202eUI"],
)
def test_control_characters_in_name_are_a_usage_error(name):
    with pytest.raises(UsageError, match="control character"):
        new_roadmap(name, today=NOV)


@pytest.mark.parametrize("name", ["", "   ", "\n"])
def test_empty_name_is_a_usage_error(name):
    with pytest.raises(UsageError, match="track name is empty"):
        new_roadmap(name, today=NOV)


def test_control_characters_in_project_are_a_usage_error():
    with pytest.raises(UsageError, match="project name"):
        new_roadmap("Web UI", today=NOV, project="Acme\nInc")


def test_review_cadence():
    text = new_roadmap("Web UI", today=NOV, review_cadence_days=7)
    assert "**Next roadmap review:** 2026-12-02" in text
    with pytest.raises(UsageError, match="review cadence"):
        new_roadmap("Web UI", today=NOV, review_cadence_days=0)


def test_a_datetime_counts_as_its_date():
    moment = datetime.datetime(2026, 11, 25, 23, 59, tzinfo=datetime.UTC)
    assert new_roadmap("Web UI", today=moment) == new_roadmap("Web UI", today=NOV)
