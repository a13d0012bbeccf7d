"""The portfolio at a glance: rollups, health with reasons, references, conflicts in time."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

import milepost
from milepost import api
from milepost.cli import main
from milepost.portfolio.rollup import TrackRollup
from milepost.render.docs import month_counts
from milepost.render.text import shorten
from milepost.vocabulary.status import Health, Status
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 11, 25)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_example_rollups_today() -> None:
    portfolio, loaded = api.portfolio([EXAMPLES], today=TODAY)
    assert loaded.errors == []
    tracks = {t.track: t for t in portfolio.tracks}
    assert sorted(tracks) == ["Evaluation", "Memory", "Orchestration", "Tool Use", "Web UI"]
    # Evaluation gives no next-review date; the other four are fresh and reviewed on time
    assert [t.track for t in portfolio.tracks if t.health is not Health.ON_TRACK] == ["Evaluation"]
    assert tracks["Evaluation"].health is Health.AT_RISK
    assert tracks["Evaluation"].health_reason == "no next-review date"
    orchestration = tracks["Orchestration"]
    assert orchestration.health_reason == (
        "updated 5 days ago, next review 2026-12-04, nothing past due"
    )
    assert orchestration.lead == "@alice" and orchestration.age_days == 5
    # every status-bearing item, as `show` counts them: Current Focus, Completed Milestones
    # (4 shipped), the Community Feedback requests (one each of done, in progress, planned)
    assert orchestration.counts == {"done": 6, "future": 1, "in_progress": 2, "planned": 6}
    assert [i.title for t, i in portfolio.in_flight if t == "Orchestration"] == [
        "Checkpoint and resume for long runs"
    ]
    assert ("Memory", "SQLite memory store as the default backend") in [
        (t, i.title) for t, i in portfolio.shipped_this_month
    ]


def test_health_is_derived_with_its_reason() -> None:
    portfolio, _ = api.portfolio([EXAMPLES], today=dt.date(2027, 1, 15))
    memory = next(t for t in portfolio.tracks if t.track == "Memory")
    assert memory.health is Health.OFF_TRACK
    assert memory.health_reason == (
        "last updated 58 days ago, review overdue by 44 days, 6 slipped item(s)"
    )


def test_status_counts_the_items_show_counts(capsys: pytest.CaptureFixture[str]) -> None:
    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    for track in portfolio.tracks:
        # a ✅ or ⏳ on a success metric says a target is met or not: no work item
        metrics = {m.span.start for m in track.roadmap.metrics}
        shown = Counter(
            i.status.value
            for i in track.roadmap.items
            if i.status is not None and i.span.start not in metrics
        )
        assert track.counts == dict(shown), track.track
    evaluation = next(t for t in portfolio.tracks if t.track == "Evaluation")
    # 3 ✅ and 3 ⏳ of its Success Metrics are items of the model, not counted here
    assert len([i for i in evaluation.roadmap.items if i.status]) == 17
    assert evaluation.counts == {"done": 4, "future": 1, "in_progress": 3, "planned": 3}
    out = run(capsys, "show", str(EXAMPLES / "tracks" / "evaluation"), "--today", "2026-11-25")[1]
    assert "✅ 4 done  🚧 3 in progress  📋 3 planned  🔮 1 future" in out
    out = run(capsys, "status", str(EXAMPLES), "--today", "2026-11-25", "--color", "never")[1]
    assert "│ Evaluation    │ @esther │ 🟡 at risk  │  4d ago │ none        │  4 │  3 │  3 │" in out


def test_slips_in_flight_and_shipped_draw_on_every_dated_item(
    capsys: pytest.CaptureFixture[str],
) -> None:
    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    flight = [i.title for t, i in portfolio.in_flight if t == "Evaluation"]
    # the Milestones table rows; Request 1 says no period; a success metric is no work
    assert flight == ["Replay-based regression tests", "Judge calibration set"]
    assert "Request 1: Regression summaries as pull request comments" not in flight
    assert ("Evaluation", "LLM-as-judge scoring") in [
        (t, i.title) for t, i in portfolio.shipped_this_month
    ]
    later = dt.date(2027, 1, 15)
    portfolio, _ = api.portfolio([EXAMPLES], today=later)
    evaluation = next(t for t in portfolio.tracks if t.track == "Evaluation")
    assert [i.title for i in evaluation.slipped] == ["Replay-based regression tests"]
    found = api.check([EXAMPLES / "tracks" / "evaluation" / "roadmap.md"], today=later)
    [past_due] = [d for d in found.diagnostics if d.code == "MP208"]
    assert past_due.line == evaluation.slipped[0].span.first_line


def test_an_item_counts_once_at_the_line_it_is_written(tmp_path: Path) -> None:
    # the focus month and the flat item list are views of one item; the same work written
    # in Current Focus and again under Completed Milestones is one too: "Search" shipped once
    body = (
        "# X Roadmap\n\n**Last updated:** 2026-11-20\n" + REVIEW + "\n## Current Focus\n\n"
        "### November 2026\n- ✅ Search\n- 🚧 Sync\n\n"
        "## Completed Milestones\n\n### November 2026\n- ✅ Search\n- ✅ Export\n"
    )
    track, _ = _one(tmp_path, body)
    assert track.counts == {"done": 2, "in_progress": 1}
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    assert [i.title for _, i in portfolio.shipped_this_month] == ["Search", "Export"]
    assert [i.title for _, i in portfolio.in_flight] == ["Sync"]


def test_blocked_work_is_listed_beside_what_is_in_flight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blocked work that says when, or sits in Current Focus, is listed by ``status`` (and
    its JSON) and the summary; blocked work with no time is not."""
    body = (
        "# X Roadmap\n\n**Last updated:** 2026-11-20\n" + REVIEW + "\n## Current Focus\n\n"
        "### November 2026\n- 🚧 Sync\n- ⛔ Export (waiting on #12)\n\n"
        "## Ideas\n\n- ⛔ Someday\n"
    )
    _one(tmp_path, body)
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    assert [(t, i.title) for t, i in portfolio.blocked] == [("X", "Export (waiting on #12)")]
    assert portfolio.to_dict()["blocked"] == [
        {"track": "X", "slug": tmp_path.name, "title": "Export (waiting on #12)"}
    ]
    out = run(capsys, "status", str(tmp_path), "--today", "2026-11-25")[1]
    assert "Blocked (1)\n  ⛔ X: Export (waiting on #12)\n" in out
    assert "Someday" not in out
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    assert "- ⛔ **X:** Export (waiting on #12)\n" in out


def _one(tmp_path: Path, body: str, today: dt.date = TODAY) -> tuple[TrackRollup, list[str]]:
    """The rollup of one roadmap, and the codes ``check`` finds in it on the same day."""
    path = tmp_path / "roadmap.md"
    path.write_text(body, encoding="utf-8")
    portfolio, _ = api.portfolio([path], today=today)
    [track] = portfolio.tracks
    codes = [d.code for d in api.check([path], today=today).diagnostics]
    return track, codes


REVIEW = "**Next roadmap review:** 2026-12-09\n"


def test_health_reads_the_last_updated_date_as_check_does(tmp_path: Path) -> None:
    # a month alone counts as its last day, for MP201 and for health alike
    track, codes = _one(tmp_path, "# Massive Roadmap\n\n**Last Updated:** October 2025\n" + REVIEW)
    assert "MP201" in codes
    assert track.updated == dt.date(2025, 10, 31) and track.age_days == 390
    assert track.health is Health.OFF_TRACK
    assert track.health_reason == "last updated 390 days ago"
    data = track.to_dict()
    assert data["last_updated"] == "2025-10-31" and data["last_updated_text"] == "October 2025"
    assert track.updated_label == "October 2025"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("", "no last-updated date, no next-review date"),
        ("# X Roadmap\n\n" + REVIEW, "no last-updated date"),
        (
            "# X Roadmap\n\n**Last updated:** soon\n" + REVIEW,
            "last updated 'soon' is not a date",
        ),
        ("# X Roadmap\n\n**Last updated:** 2026-11-20\n", "no next-review date"),
    ],
)
def test_undated_or_unreviewed_roadmaps_are_not_on_track(
    tmp_path: Path, body: str, reason: str
) -> None:
    track, _ = _one(tmp_path, body)
    assert track.health is Health.AT_RISK
    assert track.health_reason == reason


def test_past_due_items_anywhere_are_slips(tmp_path: Path) -> None:
    body = (
        "# X Roadmap\n\n**Last updated:** 2026-11-20\n" + REVIEW + "\n## Milestones\n\n"
        "| Milestone | Target | Status |\n| --- | --- | --- |\n"
        "| Search | Q1 2025 | 📋 Planned |\n| Sync | 2025-06-30 | 🚧 In Progress |\n"
        "| Export | Q1 2027 | 📋 Planned |\n| Import | Q1 2025 | ✅ Done |\n"
    )
    track, codes = _one(tmp_path, body)
    assert codes.count("MP208") == 2
    assert [i.title for i in track.slipped] == ["Search", "Sync"]
    assert track.health is Health.AT_RISK
    assert track.health_reason == "2 slipped item(s)"


def test_high_high_risk_without_mitigation_is_off_track(tmp_path: Path) -> None:
    body = (
        "# X Roadmap\n\n**Last updated:** 2026-11-20\n" + REVIEW + "\n## Dependencies and Risks\n\n"
        "### Risks\n- **Deadlocks:** agents wait on each other\n"
        "  - Likelihood: High (see #12)\n  - Impact: High\n"
    )
    track, codes = _one(tmp_path, body)
    assert "MP402" in codes
    assert (track.high_risks, track.unmitigated_high_risks) == (1, 1)
    assert track.health is Health.OFF_TRACK
    assert track.health_reason == "1 high risk(s) without mitigation"


def test_a_future_last_updated_date_is_said_to_be_in_the_future(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    track, _ = _one(tmp_path, "# X Roadmap\n\n**Last updated:** 2027-06-01\n" + REVIEW)
    assert track.future and track.age_days == -188
    assert track.health is Health.AT_RISK
    assert track.health_reason == "last updated 2027-06-01 is in the future"
    out = run(capsys, "status", str(tmp_path), "--today", "2026-11-25", "--color", "never")[1]
    assert "188d in future" in out and "-188" not in out
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    assert "| 2027-06-01 (in the future) |" in out


def test_a_month_alone_is_never_judged_staler_or_further_ahead_than_it_can_be(
    tmp_path: Path,
) -> None:
    """A roadmap "last updated November 2026" on 2026-11-25 was not updated in the future ("5d in
    future" was shown): a month counts as its day nearest today, for status and check
    alike."""
    body = "# X Roadmap\n\n**Last updated:** November 2026\n" + REVIEW
    for today, age in ((TODAY, 0), (dt.date(2027, 1, 15), 46), (dt.date(2026, 10, 20), -12)):
        track, _ = _one(tmp_path, body, today)
        assert track.age_days == age and track.future is (age < 0)
        codes = {d.code for d in api.check([tmp_path], today=today).diagnostics}
        assert ("MP201" in codes) is (age > 30) and ("MP207" not in codes)


def test_the_example_conflict_is_shown_with_both_places() -> None:
    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    [conflict] = portfolio.conflicts
    assert (conflict.edge.source, conflict.edge.target) == ("Web UI", "Orchestration")
    assert conflict.edge.when == "2026-11" and conflict.problem == (
        "Orchestration plans it for 2026-12, after 2026-11"
    )
    assert conflict.matched == "Event stream v2 with stable event IDs (100% match)"
    assert conflict.matched_line is not None and conflict.edge.line > 0


def _track(root: Path, slug: str, name: str, body: str) -> None:
    (root / slug).mkdir(parents=True)
    (root / slug / "roadmap.md").write_text(f"# {name} Roadmap\n\n{body}", encoding="utf-8")


def test_dot_tells_apart_tracks_whose_names_share_their_first_forty_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Nodes were named by their labels cut to 40 characters: two such tracks were one node,
    with the edges of both. Each is its own node now, labelled in full, escaped for DOT."""
    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    long = "Distributed Training Infrastructure Platform"  # 44 characters
    _track(tmp_path, "alpha", f"{long} Alpha", deps + f"- **Dependency on {long} Beta:** x\n")
    _track(tmp_path, "beta", f"{long} Beta", "")
    _track(tmp_path, "ui", 'Web "UI" \\ Console', deps + f"- **Dependency on {long} Alpha:** y\n")
    code, out = run(capsys, "graph", str(tmp_path), "--format", "dot")
    assert code == 0
    assert out.splitlines()[3:] == [
        f'    t1 [label="{long} Alpha"];',
        f'    t2 [label="{long} Beta"];',
        '    t3 [label="Web \\"UI\\" \\\\ Console"];',
        '    t1 -> t2 [label="x"];',
        '    t3 -> t1 [label="y"];',
        "}",
    ]
    # the drawing (no DOT) told them apart already, by their full names
    svg = run(capsys, "graph", str(tmp_path), "--format", "svg")[1]
    assert f"<title>{long} Alpha needs x from {long} Beta</title>" in svg
    assert f"<title>Web &#34;UI&#34; \\ Console needs y from {long} Alpha</title>" in svg


def test_conflicts_in_time(tmp_path: Path) -> None:
    _track(
        tmp_path,
        "search",
        "Search",
        "## Current Focus\n\n### January 2027\n- 📋 Search index rebuild\n"
        "- ❌ Fuzzy ranking\n- 📋 Query language\n\n### November 2026\n- 📋 Facets\n"
        "- ✅ Dark mode\n- 📋 Search API v2 for partners\n- ✅ SSO login\n"
        "- 📋 Ranking model v2 rollout\n",
    )
    _track(
        tmp_path,
        "web",
        "Web",
        "## Dependencies and Risks\n\n### External Dependencies\n"
        "- **Dependency on Search:** search index rebuild by December 2026\n"
        "- **Dependency on Search:** fuzzy ranking by December 2026\n"
        "- **Dependency on Search:** saved searches by December 2026\n"
        "- **Dependency on Search:** facets by December 2026\n"
        "- **Dependency on Search:** light mode by November 2026\n"
        "- **Dependency on Search:** search usage events by January 2027\n"
        "- **Dependency on Search:** SSO logout by December 2026\n"
        "- **Dependency on Search:** ranking model v3 rollout by December 2026\n"
        "- **Dependency on Search:** Search API v2 by October 2026\n",
    )
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    found = {c.edge.what: (c.problem, c.matched) for c in portfolio.conflicts}
    assert found == {
        # half the words, or a word in common, is no match: "light mode" is not "Dark mode"
        "light mode": ("Search has no item for 'light mode'", None),
        "search usage events": ("Search has no item for 'search usage events'", None),
        "SSO logout": ("Search has no item for 'SSO logout'", None),  # not "SSO login"
        "search index rebuild": (
            "Search plans it for 2027-01, after 2026-12",
            "Search index rebuild (100% match)",
        ),
        "fuzzy ranking": ("Search dropped it", "Fuzzy ranking (100% match)"),
        "saved searches": ("Search has no item for 'saved searches'", None),
        # another version is another thing: v3 is not "Search API v2 for partners"...
        "ranking model v3 rollout": (
            "Search has no item for 'ranking model v3 rollout'",
            None,
        ),
        # ... while the same version is it
        "Search API v2": (
            "Search plans it for 2026-11, after 2026-10",
            "Search API v2 for partners (100% match)",
        ),
    }


def test_unresolved_and_cycles(tmp_path: Path) -> None:
    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(tmp_path, "a", "Alpha", deps + "- **Dependency on Beta:** x by December 2026\n")
    _track(
        tmp_path,
        "b",
        "Beta",
        deps + "- **Dependency on Alpha:** y\n\n"
        "## Strategic Alignment\n\n### Cross-Track Synergies\n- **With Gamma:** z\n",
    )
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    assert portfolio.unresolved == (("Beta", "Gamma", 11),)
    assert portfolio.cycles["Alpha"] == ("Alpha", "Beta", "Alpha")


def test_status_cli(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "status", str(EXAMPLES), "--today", "2026-11-25", "--color", "never")
    assert code == 0
    assert "Orchestration │ @alice  │ 🟢 on track │  5d ago │ 2026-12-04" in out
    assert "Conflicts in time (1)" in out and "\x1b[" not in out
    code, out = run(capsys, "status", str(EXAMPLES), "--today", "2026-11-25", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["totals"]["health_on_track"] == 4
    assert {t["slug"] for t in data["tracks"]} == {
        "evaluation",
        "memory",
        "orchestration",
        "tool-use",
        "web-ui",
    }


@pytest.mark.parametrize("width", [80, 40])
def test_status_on_a_narrow_terminal_is_a_card_per_track(width: int) -> None:
    # The table needs about 100 columns: squeezed into 80, its count columns shrank to
    # nothing and their numbers were lost.
    from rich.console import Console

    from milepost.render.dashboard import dashboard

    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    console = Console(width=width, no_color=True, force_terminal=True, record=True)
    console.print(dashboard(portfolio))
    out = console.export_text()
    assert "┃" not in out and "…" not in out  # no table, nothing cut short
    for track in portfolio.tracks:
        assert track.track in out
    words = " ".join(out.split())  # as read, across the lines a narrow terminal wraps
    assert "Orchestration · on track" in words
    assert "lead @alice · updated 5d ago · next review 2026-12-04" in words
    assert "✅ 6 🚧 2 📋 6 · high risks 2 · slips 0" in words
    # a line breaks between figures, never inside one ("next" / "review 2026-12-04")
    lines = out.splitlines()
    for figure in ("next review 2026-12-04", "high risks 2", "updated 5d ago", "✅ 6  🚧 2  📋 6"):
        assert any(figure in line for line in lines), figure
    wide = Console(width=120, no_color=True, force_terminal=True, record=True)
    wide.print(dashboard(portfolio))
    assert "Orchestration │ @alice  │ 🟢 on track │  5d ago │ 2026-12-04" in wide.export_text()


def test_status_off_a_terminal_is_the_table_whatever_the_width() -> None:
    # What goes to a pipe or a log keeps one shape for whoever reads it: the table, even
    # where it is wider than the width given.
    from rich.console import Console

    from milepost.render.dashboard import dashboard

    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    piped = Console(width=40, no_color=True, force_terminal=False, record=True)
    piped.print(dashboard(portfolio))
    assert "┃ track" in piped.export_text()


def test_graph_and_summary_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, "graph", str(EXAMPLES), "--today", "2026-11-25")
    assert code == 0 and out.startswith("flowchart LR\n")
    assert 'Orchestration -->|"context truncation API by 2026-12"| Memory' in out
    code, out = run(capsys, "graph", str(EXAMPLES), "--format", "dot")
    assert out.startswith("digraph portfolio {")
    assert '    t1 [label="Evaluation"];\n' in out and '    t5 [label="Web UI"];\n' in out
    assert '    t5 -> t1 [label="per-run score export in JSON by 2026-11"];\n' in out
    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(tmp_path, "a", "Alpha", deps + "- **Dependency on Beta:** x\n")
    _track(tmp_path, "b", "Beta", deps + "- **Dependency on Alpha:** y\n")
    out = run(capsys, "graph", str(tmp_path))[1]
    assert "linkStyle 0 stroke:#d00" in out and "linkStyle 1 stroke:#d00" in out
    assert "color=red" in run(capsys, "graph", str(tmp_path), "--format", "dot")[1]
    code, out = run(capsys, "summary", str(EXAMPLES), "--today", "2026-11-25")
    assert code == 0 and out.startswith("## Portfolio on 2026-11-25\n")
    assert (
        "| Orchestration | @alice | 🟢 updated 5 days ago, next review 2026-12-04, nothing" in out
    )
    assert "```mermaid\nflowchart LR\n" in out
    gantt = out[out.index("```mermaid\ngantt\n") :]
    assert "    section Memory\n" in gantt
    assert "    SQLite memory store as the default backend :done, 2026-11-01, 2026-11-30\n" in gantt
    assert (
        "    Context truncation API for agent transcripts :active, 2026-11-01, 2026-11-30\n"
        in gantt
    )
    assert "Redis" not in gantt  # dropped work is not on the timeline
    # a milestones table dates its rows by its Target column
    evaluation = "    section Evaluation\n    Benchmark harness v1 :done, 2026-09-01, 2026-09-30\n"
    assert evaluation in gantt
    assert "Transcript store" not in gantt  # the months of Completed Milestones: a record
    api.site([EXAMPLES], tmp_path / "site", today=TODAY)
    timeline = (tmp_path / "site" / "timeline.html").read_text(encoding="utf-8")
    assert "Benchmark harness v1" in timeline and "Collaboration benchmark" in timeline
    assert "    Cache large tool results in agent memory (waiting on 412) :crit, " in gantt


def test_gantt_bars_of_a_track_read_in_time_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A track's bars went in the order its roadmap wrote them (H2 2027 above Q3 2027 above
    January): they go as the site's timeline columns do, by first day, then by last (July,
    Q3, then H2), and work of one period keeps its order."""
    plans = (
        "## Plans\n\n### 2027 H2\n- 📋 Second half\n\n### 2027 Q3\n- 📋 Third quarter\n"
        "- 📋 More of it\n\n### 2027 H1\n- 📋 First half\n\n"
        "## Current Focus\n\n### July 2027\n- 📋 July\n\n### January 2027\n- 📋 January\n"
    )
    _track(tmp_path, "mix", "Mix", plans)
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    bars = out.split("    section Mix\n")[1].split("```")[0].splitlines()
    assert [bar.split(" :")[0].strip() for bar in bars] == [
        *("January", "First half"),
        *("July", "Third quarter", "More of it", "Second half"),
    ]


def test_timeline_titles_are_cut_at_a_word_with_an_ellipsis(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "summary", str(EXAMPLES), "--today", "2026-11-25")[1]
    gantt = out[out.index("```mermaid\ngantt\n") :].split("```")[1]
    assert (
        "    Virtualised timeline rendering for runs with more than… :2026-12-01, 2026-12-31\n"
        in gantt
    )
    assert "10,00 :" not in gantt
    task = re.compile(
        r"    [^:#;\n]{1,60} :(?:done, |active, |crit, )?\d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d"
    )
    body = gantt.strip("\n").splitlines()[4:]  # after gantt, dateFormat, axisFormat, section
    assert body and all(line.startswith("    section ") or task.fullmatch(line) for line in body), (
        body
    )


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short enough", 20, "short enough"),
        ("runs with more than 10,000 steps", 25, "runs with more than…"),
        ("runs with more than 10,000 steps", 30, "runs with more than 10,000…"),
        ("ends at a comma, then more words", 18, "ends at a comma…"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
        ("  spaces\nand  lines  ", 40, "spaces and lines"),
    ],
)
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_graph_svg(capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    code, out = run(capsys, "graph", str(EXAMPLES), "--format", "svg", "--today", "2026-11-25")
    assert code == 0
    root = ET.fromstring(out)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    titles = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "Orchestration needs context truncation API by 2026-12 from Memory" in titles
    # the one conflict in time: dashed, orange, and said in its tooltip
    late = [t for t in titles if "conflict in time" in t]
    assert len(late) == 1 and late[0].startswith(
        "Web UI needs event stream v2 with stable event IDs by 2026-11 from Orchestration"
    )
    assert out.count('stroke-dasharray="6 4"') == 1
    markers = {m.get("id"): m for m in root.iter("{http://www.w3.org/2000/svg}marker")}
    assert markers and all(id and id.startswith("arrow-") for id in markers)
    used = set(re.findall(r'marker-end="url\(#([^)]+)\)"', out))
    assert used and used <= set(markers)


@pytest.mark.parametrize("count", [1, 5, 12, 46])
@pytest.mark.parametrize("name", ["Track {k}", "Orchestration {k}", "Memory {k} and Long Names"])
def test_graph_nodes_never_overlap(count: int, name: str) -> None:
    """The circle the tracks stand on grows with their number and their nodes' widths:
    forty-six tracks (a portfolio of real-world roadmaps) drew their nodes over each other
    and their names on top."""
    import xml.etree.ElementTree as ET

    from milepost.render.site.graph import svg
    from milepost.vocabulary.status import Health

    tracks = [(name.format(k=k), f"t{k}", Health.ON_TRACK) for k in range(count)]
    root = ET.fromstring(str(svg(tracks, [])))
    size = float(root.get("viewBox", "").split()[2])
    boxes = [
        tuple(float(r.get(a, 0)) for a in ("x", "y", "width", "height"))
        for r in root.iter("{http://www.w3.org/2000/svg}rect")
    ]
    assert len(boxes) == count
    for k, (x, y, w, h) in enumerate(boxes):
        assert x >= 0 and x + w <= size and y >= 0 and y + h <= size  # inside the drawing
        for x2, y2, w2, h2 in boxes[k + 1 :]:  # apart by ten units, across or down
            assert x2 >= x + w + 10 or x >= x2 + w2 + 10 or y2 >= y + h + 10 or y >= y2 + h2 + 10


def test_arrowheads_take_their_arrows_colour(capsys: pytest.CaptureFixture[str]) -> None:
    """A marker's paint comes from where it is defined, not from the arrow using it: with
    one "currentColor" arrowhead every head was the page's text colour (black, white in the
    dark), red and orange arrows included, and it grew with the bold arrows' width."""
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    out = run(capsys, "graph", str(EXAMPLES), "--format", "svg", "--today", "2026-11-25")[1]
    root = ET.fromstring(out)
    heads = {
        m.get("id"): (m.get("markerUnits"), path.get("fill"))
        for m in root.iter(f"{ns}marker")
        if (path := m.find(f"{ns}path")) is not None
    }
    arrows = [p for p in root.iter(f"{ns}path") if p.get("marker-end")]
    assert len(arrows) > 1 and len(heads) == 3  # one for each colour of arrow
    for arrow in arrows:
        colour = arrow.get("stroke")
        head = (arrow.get("marker-end") or "")[len("url(#") : -1]
        assert heads[head] == ("userSpaceOnUse", colour)


def test_arrows_between_the_same_tracks_do_not_hide_each_other(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import xml.etree.ElementTree as ET

    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(
        tmp_path, "a", "Alpha", deps + "- **Dependency on Beta:** x\n- **Dependency on Beta:** y\n"
    )
    _track(tmp_path, "b", "Beta", deps + "- **Dependency on Alpha:** z\n")
    _track(tmp_path, "c", "Gamma", deps + "- **Dependency on Alpha:** w\n")
    out = run(capsys, "graph", str(tmp_path), "--format", "svg", "--today", "2026-11-25")[1]
    paths = [p.get("d") or "" for p in ET.fromstring(out).iter("{http://www.w3.org/2000/svg}path")]
    arrows = [d for d in paths if "Q" in d]  # the marker's arrowhead is a path too
    assert len(arrows) == 4 and len(set(arrows)) == 4  # x, y, z and w each drawn apart
    straight = [d for d in arrows if _is_straight(d)]
    assert len(straight) == 1  # Gamma → Alpha, alone between them


def _is_straight(d: str) -> bool:
    (ax, ay), (cx, cy), (bx, by) = (
        tuple(float(v) for v in point.split(",")) for point in d[1:].replace("Q", " ").split()
    )
    return abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) < 1.0


@pytest.mark.parametrize("command", ["status", "graph", "summary"])
def test_unreadable_path_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    code = main([command, str(EXAMPLES), str(tmp_path / "missing.md"), "--today", "2026-11-25"])
    captured = capsys.readouterr()
    assert code == 2
    assert "missing.md: no such file or folder" in captured.err
    assert "Orchestration" in captured.out  # the readable tracks still show


def test_docs_month_counts_are_what_status_lists() -> None:
    # milepost-portfolio's done / in progress counts and milepost-focus's lists (status's
    # "shipped this month" and "in flight") are one reading of the month
    portfolio, _ = api.portfolio([EXAMPLES], today=TODAY)
    for track in portfolio.tracks:
        counts = month_counts(track, TODAY)
        shipped = [i for t, i in portfolio.shipped_this_month if t == track.track]
        flight = [i for t, i in portfolio.in_flight if t == track.track]
        assert counts[Status.DONE] == len(shipped), track.track
        assert counts[Status.IN_PROGRESS] == len(flight), track.track
    evaluation = next(t for t in portfolio.tracks if t.track == "Evaluation")
    # "LLM-as-judge scoring" is a Nov 2026 ✅ row of its milestone table
    assert month_counts(evaluation, TODAY) == {
        Status.DONE: 1,
        Status.IN_PROGRESS: 2,
        Status.PLANNED: 0,
    }


def test_planned_this_month_is_this_months_focus(tmp_path: Path) -> None:
    body = (
        "# X Roadmap\n\n**Last updated:** 2026-11-20\n" + REVIEW + "\n## Current Focus\n\n"
        "- 📋 Triage\n\n### November 2026\n- 📋 Search\n- 📋 Sync (Q1 2027)\n\n"
        "### December 2026\n- 📋 Export\n\n## Success Metrics\n\n- ⏳ p95 under 80 ms\n"
    )
    track, _ = _one(tmp_path, body)
    assert month_counts(track, TODAY) == {
        Status.DONE: 0,
        Status.IN_PROGRESS: 0,
        Status.PLANNED: 2,  # Triage and Search; not Sync (Q1 2027), not December's Export
    }
    assert track.counts == {"planned": 4}  # the metric's ⏳ is no work item


def test_status_tells_unresolved_references_and_each_cycle_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(tmp_path, "infra", "Infra", deps + "- **Dependency on Search:** quotas\n")
    _track(tmp_path, "search", "Search", deps + "- **Dependency on Infra:** nodes\n")
    _track(
        tmp_path,
        "billing",
        "Billing",
        deps + "- **Dependency on Infrsa:** invoices\n- **Dependency on Stripe:** payouts\n",
    )
    code, out = run(capsys, "status", str(tmp_path), "--today", "2026-11-25", "--color", "never")
    assert code == 0
    assert "Unresolved references\n  ? Billing line 6: 'Infrsa'\n" in out  # a typo, as MP601
    assert "Stripe" not in out  # an external system
    assert "Dependency cycles (1)\n  ↻ Infra → Search → Infra\n" in out
    code, out = run(capsys, "status", str(tmp_path), "--today", "2026-11-25", "--format", "json")
    assert "Infrsa" in json.dumps(json.loads(out)["unresolved"]) and "Stripe" not in out


def test_one_title_twice_in_one_section_is_two_items(tmp_path: Path) -> None:
    body = (
        "# X Roadmap\n\n**Last updated:** 2026-11-20\n" + REVIEW + "\n## Current Focus\n\n"
        "### November 2026\n- 📋 Docs\n\n### December 2026\n- 📋 Docs\n- 🚧 Sync (carried over "
        "from October)\n\n## Medium-Term Goals\n\n- ✅ Sync\n"
    )
    track, _ = _one(tmp_path, body)
    # two "Docs" of Current Focus; "Sync" in two sections is one item, at its furthest status
    assert track.counts == {"done": 1, "planned": 2}


@pytest.mark.parametrize("title", ["# X Roadmap\n\n", ""])
def test_same_words_in_other_brackets_are_other_work(tmp_path: Path, title: str) -> None:
    body = (
        f"{title}**Last updated:** 2026-11-20\n" + REVIEW + "\n## Current Focus\n\n"
        "### November 2026\n- 🚧 Offline mode (Android)\n- ✅ Sync (#12)\n\n"
        "## Completed Milestones\n\n### November 2026\n- ✅ Offline mode (iOS)\n- ✅ Sync\n"
    )
    track, _ = _one(tmp_path, body)
    # two platforms are two pieces of work; "Sync (#12)" shipped and recorded is one, with
    # a title or without one
    assert track.counts == {"done": 2, "in_progress": 1}


@pytest.mark.parametrize(
    "text",
    [
        # a title, and an appendix after it: still one piece of work
        "# X Roadmap\n\n## Current Focus\n- ✅ Sync\n\n## Completed Milestones\n- ✅ Sync\n\n"
        "# Appendix\n\nx\n",
        # a "##" title over "###" sections
        "## X Roadmap\n\n### Current Focus\n- ✅ Sync\n\n### Completed Milestones\n- ✅ Sync\n",
        # a record dated or noted by hand
        "# X\n\n## Current Focus\n- ✅ Sync\n\n## Completed Milestones\n- ✅ Sync (2026-11-02)\n",
        "# X\n\n## Current Focus\n- ✅ Sync\n\n## Completed Milestones\n"
        "- ✅ Sync (shipped Nov 2)\n",
    ],
)
def test_the_same_work_counts_once_however_the_roadmap_is_titled(text: str) -> None:
    from milepost.model import status_items

    assert [i.title for i in status_items(milepost.loads(text))] == ["Sync"]


def test_the_gantt_draws_a_milestones_table_under_a_dated_heading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _track(
        tmp_path,
        "x",
        "X",
        "## Milestones\n\n### v1.0\n\n| Milestone | Target | Status |\n| --- | --- | --- |\n"
        "| A | Nov 2026 | ✅ Done |\n| B | Q1 2027 | 📋 Planned |\n",
    )
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    assert "    A :done, 2026-11-01, 2026-11-30\n    B :2027-01-01, 2027-03-31\n" in out


def test_a_new_roadmap_still_the_template_is_at_risk_and_ships_nothing(tmp_path: Path) -> None:
    """A roadmap fresh from `milepost new` is dated, but its items are the template's slots:
    no plan yet, and nothing of it shipped or in flight this month."""
    args = ["new", "Agent Sandbox", "--dir", str(tmp_path), "--owner", "@zoe"]
    assert main([*args, "--today", TODAY.isoformat()]) == 0
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    [track] = portfolio.tracks
    assert track.health is Health.AT_RISK
    assert track.health_reason == "10 item(s) still template placeholders"
    assert not portfolio.shipped_this_month and not portfolio.in_flight
    # the items are still counted as `show` counts them: the template's ✅ is done
    assert track.counts["done"] >= 1


def test_every_arrow_on_a_cycle_is_red(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Alpha waits on Beta and on Gamma, each of which waits on Alpha: two cycles through
    Alpha, four arrows on them. Each is drawn red, not only the steps of the one cycle shown
    through its source track; Delta → Alpha, on no cycle, is not."""
    import xml.etree.ElementTree as ET

    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(
        tmp_path,
        "a",
        "Alpha",
        deps + "- **Dependency on Beta:** x\n- **Dependency on Gamma:** y\n",
    )
    _track(tmp_path, "b", "Beta", deps + "- **Dependency on Alpha:** z\n")
    _track(tmp_path, "c", "Gamma", deps + "- **Dependency on Alpha:** w\n")
    _track(tmp_path, "d", "Delta", deps + "- **Dependency on Alpha:** v\n")
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    on = {(e.source, e.target) for e in portfolio.edges if portfolio.on_cycle(e)}
    assert on == {("Alpha", "Beta"), ("Alpha", "Gamma"), ("Beta", "Alpha"), ("Gamma", "Alpha")}
    out = run(capsys, "graph", str(tmp_path))[1]
    arrows = [line for line in out.splitlines() if "-->" in line]
    red = {int(n) for n in re.findall(r"linkStyle (\d+) stroke:#d00", out)}
    assert len(arrows) == 5
    assert red == {n for n, line in enumerate(arrows) if '|"v"|' not in line}
    dot = run(capsys, "graph", str(tmp_path), "--format", "dot")[1]
    assert dot.count("color=red") == 4
    assert "color=red" not in next(line for line in dot.splitlines() if 'label="v"' in line)
    svg = ET.fromstring(run(capsys, "graph", str(tmp_path), "--format", "svg")[1])
    ns = "{http://www.w3.org/2000/svg}"
    colours = {
        "".join(title.itertext()): path.get("stroke") or ""
        for path in svg.iter(f"{ns}path")
        if (title := path.find(f"{ns}title")) is not None
    }
    assert sorted(t for t, style in colours.items() if "#cf222e" in style) == [
        "Alpha needs x from Beta",
        "Alpha needs y from Gamma",
        "Beta needs z from Alpha",
        "Gamma needs w from Alpha",
    ]


def test_each_track_is_its_own_node_of_the_graph(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two roadmaps titled only "# Roadmap" are two tracks: two nodes in every drawing (told
    apart by their slugs), not one; and a track named like a Mermaid keyword ("end") gets a
    node id Mermaid can parse."""
    import xml.etree.ElementTree as ET

    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    for slug in ("crossplane", "openebs"):
        (tmp_path / slug).mkdir()
        (tmp_path / slug / "roadmap.md").write_text("# Roadmap\n\n- 📋 x\n", encoding="utf-8")
    _track(tmp_path, "end", "end", deps + "- **Dependency on Web:** y\n")
    _track(tmp_path, "web", "Web", deps + "- **Dependency on end:** z\n")
    out = run(capsys, "graph", str(tmp_path))[1]
    nodes = [line.strip() for line in out.splitlines() if line.endswith('"]')]
    ids = [node.split("[", 1)[0] for node in nodes]
    assert len(nodes) == 4 and len(set(ids)) == 4, nodes
    assert [node.split("[", 1)[1] for node in nodes if "Roadmap" in node] == [
        '"🟡 Roadmap (crossplane)"]',
        '"🟡 Roadmap (openebs)"]',
    ]
    # a lowercase keyword of Mermaid's flowcharts is no node id ("end" closes a subgraph)
    keywords = {"end", "graph", "subgraph", "style", "class", "click", "call", "href"}
    assert not keywords & set(ids)
    arrows = [line.split() for line in out.splitlines() if "-->" in line]
    assert {(a[0], a[-1]) for a in arrows} <= {(x, y) for x in ids for y in ids}
    dot = run(capsys, "graph", str(tmp_path), "--format", "dot")[1]
    assert ' [label="Roadmap (crossplane)"];' in dot and ' [label="Roadmap (openebs)"];' in dot
    svg = run(capsys, "graph", str(tmp_path), "--format", "svg")[1]
    texts = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert len(texts) == 4
    api.site([tmp_path], tmp_path / "site", today=TODAY)
    page = (tmp_path / "site" / "graph.html").read_text(encoding="utf-8")
    assert 'href="tracks/crossplane.html"' in page and 'href="tracks/openebs.html"' in page


def test_gantt_tasks_named_like_its_keywords_stay_tasks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mermaid reads a Gantt line that starts with one of its words ("title", "section",
    "excludes", "click", ...; in any case) as that statement: "Title page redesign" became the
    chart's title, "Excludes weekends option" vanished. Such a task keeps its words, behind
    a zero-width space that no keyword matches."""
    titles = [
        "Title page redesign",
        "Section headers in docs",
        "Excludes weekends option",
        "Includes for shared config",
        "Click tracking",
        "Gantt export",
        "todayMarker styling",
        "Titles everywhere",  # not a keyword: left alone
    ]
    body = "## Current Focus\n\n### November 2026\n" + "".join(f"- 📋 {t}\n" for t in titles)
    _track(tmp_path, "x", "X", body)
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    gantt = out[out.index("```mermaid\ngantt\n") :].split("```")[1]
    tasks = [line.strip(" ") for line in gantt.splitlines() if " :20" in line]
    assert [t.split(" :")[0].lstrip("\u200b") for t in tasks] == titles
    keyword = re.compile(
        r"(?i)(?:title|section|excludes|includes|click|call|href|gantt|todaymarker|dateformat"
        r"|axisformat|tickinterval|inclusiveenddates|topaxis|weekday|weekend|acctitle"
        r"|accdescr)\b"
    )
    assert [t for t in tasks if keyword.match(t)] == []
    assert tasks[-1].startswith("Titles everywhere :")


def test_status_and_summary_tell_namesakes_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two roadmaps titled only "# Roadmap" were two rows both called "Roadmap" in the
    dashboard, its "Needs attention" list and the summary's table: which was which?"""
    for slug in ("crossplane", "openebs"):
        (tmp_path / slug).mkdir()
        (tmp_path / slug / "roadmap.md").write_text("# Roadmap\n\n- 📋 x\n", encoding="utf-8")
    out = run(capsys, "status", str(tmp_path), "--today", "2026-11-25", "--color", "never")[1]
    assert "│ Roadmap (crossplane) │" in out and "│ Roadmap (openebs)    │" in out
    assert "  🟡 Roadmap (crossplane): no last-updated date" in out
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    assert "| Roadmap (crossplane) |" in out and "| Roadmap (openebs) |" in out


def test_the_gantt_shows_work_that_says_when_outside_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plans under "### 2025 Q3" outside the template's sections are bars of the summary's
    Gantt, as they are entries of the site's timeline; work that says no time is not."""
    track = tmp_path / "podman"
    track.mkdir()
    (track / "roadmap.md").write_text(
        "# Podman Roadmap\n\n## Current Focus\n\n### November 2026\n- 🚧 Search\n\n"
        "## Plans\n\n### 2025 Q3\n- [x] Quadlet templates\n- [ ] Artifact store\n\n"
        "| Feature | Status | Target |\n|---|---|---|\n| Search | ✅ Done | 2026-11-15 |\n\n"
        "## Ideas\n\n- 📋 Someday work\n",
        encoding="utf-8",
    )
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    chart = out.split("gantt", 1)[1]
    assert "    Quadlet templates :done, 2025-07-01, 2025-09-30\n" in chart
    assert "    Artifact store :2025-07-01, 2025-09-30\n" in chart
    assert "Someday work" not in chart
    assert chart.count("Search :") == 1  # the same work in Current Focus and in the table


def test_the_summary_says_nothing_is_in_flight_only_when_nothing_is_blocked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "# X Roadmap\n\n## Current Focus\n\n### November 2026\n- ⛔ Search (waiting)\n"
    (tmp_path / "roadmap.md").write_text(body, encoding="utf-8")
    out = run(capsys, "summary", str(tmp_path), "--today", "2026-11-25")[1]
    assert "- ⛔ **X:** Search (waiting)\n" in out and "Nothing shipped" not in out


def _namesakes(root: Path) -> None:
    """Two tracks titled "# Memory Roadmap" (a copied template) and one that names them."""
    focus = "## Current Focus\n\n### November 2026\n- 🚧 {0} work\n- ✅ {0} thing\n"
    _track(root, "memory", "Memory", focus.format("Old"))
    _track(root, "memory-v2", "Memory", focus.format("New"))
    _track(
        root,
        "web",
        "Web",
        "## Dependencies and Risks\n\n### External Dependencies\n"
        "- **Dependency on Memory:** session store by December 2026\n"
        "- **Dependency on memory-v2:** vector search by December 2026\n",
    )


def test_namesakes_are_told_apart_and_a_reference_to_both_is_reported(tmp_path: Path) -> None:
    """Two tracks called "Memory": a "Dependency on Memory" went to whichever was read first,
    and the in-flight and shipped lists said "Memory" of both. Each is now "Memory (<slug>)"
    wherever the portfolio names it; a mention that fits both resolves to neither and is
    reported; the slug still names one."""
    _namesakes(tmp_path)
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    both = ["Memory (memory)", "Memory (memory-v2)"]
    assert [t.track for t in portfolio.tracks] == [*both, "Web"]
    assert sorted(t for t, _ in portfolio.in_flight) == both
    assert sorted(t for t, _ in portfolio.shipped_this_month) == both
    assert [(e.source, e.target, e.what) for e in portfolio.edges] == [
        ("Web", "Memory (memory-v2)", "vector search")
    ]
    assert portfolio.ambiguous == (("Web", "Memory", 6, tuple(both)),)
    assert portfolio.unresolved == ()
    data = portfolio.to_dict()
    assert data["ambiguous"] == [
        {
            "track": "Web",
            "mention": "Memory",
            "line": 6,
            "could_be": ["Memory (memory)", "Memory (memory-v2)"],
        }
    ]
    assert {(e["track"], e["slug"]) for e in data["in_flight"]} == {
        ("Memory (memory)", "memory"),
        ("Memory (memory-v2)", "memory-v2"),
    }


def test_status_check_and_site_tell_namesakes_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _namesakes(tmp_path)
    out = run(capsys, "status", str(tmp_path), "--today", "2026-11-25", "--color", "never")[1]
    assert (
        "  🚧 Memory (memory): Old work\n" in out and "  🚧 Memory (memory-v2): New work\n" in out
    )
    assert "  ✅ Memory (memory): Old thing\n" in out
    said = "  ? Web line 6: 'Memory' could be Memory (memory) or Memory (memory-v2)"
    assert f"Ambiguous references\n{said}" in out
    code, out = run(capsys, "check", str(tmp_path), "--today", "2026-11-25", "--select", "MP601")
    assert code == 1
    assert (
        f"{tmp_path / 'web' / 'roadmap.md'}:6:1: MP601 'Memory' names more than one track:"
        " Memory (memory), Memory (memory-v2) (write one of: Memory (memory), memory-v2)"
    ) in out, out
    api.site([tmp_path], tmp_path / "site", today=TODAY)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert index.count(">Memory (memory)<") >= 3  # its row, what it shipped, what is in flight
    assert index.count(">Memory (memory-v2)<") >= 3
    assert ">Memory<" not in index
    page = (tmp_path / "site" / "tracks" / "memory-v2.html").read_text(encoding="utf-8")
    assert "Memory (memory-v2)" in page
    # a namesake renamed: the other is plain "Memory" again on the next build
    _rename = tmp_path / "memory-v2" / "roadmap.md"
    _rename.write_text(_rename.read_text("utf-8").replace("# Memory", "# Recall"), "utf-8")
    api.site([tmp_path], tmp_path / "site", today=TODAY)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ">Memory<" in index and "Memory (memory)" not in index and ">Recall<" in index


def test_a_track_named_by_a_shared_name_is_refused_with_its_namesakes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from milepost.errors import UsageError

    _namesakes(tmp_path)
    (tmp_path / "milepost.toml").write_text('roadmaps = ["*/roadmap.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "web")  # where "memory" is no folder: a slug
    # the slug names one: it was the first namesake found, whichever slug was given
    for slug in ("memory", "memory-v2"):
        found = api.resolve_track(slug).resolve()
        assert found == (tmp_path / slug / "roadmap.md").resolve()
    with pytest.raises(UsageError, match=r"2 tracks are named 'Memory Track': memory, memory-v2"):
        api.resolve_track("Memory Track")


def test_a_slug_two_folders_share_is_the_track_that_goes_by_it_as_a_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``a/memory`` is the Memory track, ``b/memory`` the Recall track: "memory" names the
    first by its name (as the portfolio reads it, with no namesake), though both folders are
    "memory"; a name no track has, but two slugs, is refused naming their paths."""
    from milepost.errors import UsageError

    for folder, title in (("a", "Memory"), ("b", "Recall")):
        (tmp_path / folder / "memory").mkdir(parents=True)
        (tmp_path / folder / "memory" / "roadmap.md").write_text(f"# {title} Roadmap\n", "utf-8")
    (tmp_path / "milepost.toml").write_text('roadmaps = ["*/*/roadmap.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "b" / "memory")  # where "memory" is no folder: a slug
    assert api.resolve_track("memory").resolve() == (tmp_path / "a/memory/roadmap.md").resolve()
    assert api.resolve_track("Recall").resolve() == (tmp_path / "b/memory/roadmap.md").resolve()
    (tmp_path / "a/memory/roadmap.md").write_text("# Search Roadmap\n", "utf-8")
    with pytest.raises(UsageError, match=r"2 tracks are named 'memory': .*a/memory/roadmap.md, "):
        api.resolve_track("memory")


def test_namesakes_in_folders_of_one_name_are_told_apart_by_their_folders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``a/memory`` and ``b/memory``, both "# Memory Roadmap": their slugs are one too, so
    "Memory (memory)" named both, in every row and list of ``status`` and as two nodes of the
    graph, and a "Dependency on Memory" went to the first as if there were one. Each is
    "Memory (a/memory)" or "Memory (b/memory)": as many folders as tell them apart."""
    focus = "## Current Focus\n\n### November 2026\n- 🚧 {0} work\n"
    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(tmp_path, "a/memory", "Memory", focus.format("Old"))
    _track(
        tmp_path,
        "b/memory",
        "Memory",
        focus.format("New") + "\n" + deps + "- **Dependency on Web:** a page by December 2026\n",
    )
    _track(tmp_path, "web", "Web", deps + "- **Dependency on Memory:** a session store\n")
    monkeypatch.chdir(tmp_path)
    args = ("--today", "2026-11-25")
    out = run(capsys, "status", *args, "--color", "never")[1]
    assert "│ Memory (a/memory) │" in out and "│ Memory (b/memory) │" in out
    assert "  🚧 Memory (a/memory): Old work\n" in out
    assert "  🚧 Memory (b/memory): New work\n" in out
    said = "  ? Web line 6: 'Memory' could be Memory (a/memory) or Memory (b/memory)"
    assert f"Ambiguous references\n{said}" in out
    data = json.loads(run(capsys, "status", *args, "--format", "json")[1])
    assert [(t["track"], t["slug"]) for t in data["tracks"]] == [
        ("Memory (a/memory)", "memory"),
        ("Memory (b/memory)", "memory"),
        ("Web", "web"),
    ]
    assert [(e["track"], e["slug"]) for e in data["in_flight"]] == [
        ("Memory (a/memory)", "memory"),
        ("Memory (b/memory)", "memory"),
    ]
    out = run(capsys, "graph", *args, "--format", "mermaid")[1]
    assert out == (
        "flowchart LR\n"
        '    Memory_a_memory["🟡 Memory (a/memory)"]\n'
        '    Memory_b_memory["🟡 Memory (b/memory)"]\n'
        '    Web["🟡 Web"]\n'
        '    Memory_b_memory -->|"a page by 2026-12"| Web\n'
    )
    # two tracks, not one: no cycle through "Memory", and the mention of both is reported
    code, out = run(capsys, "check", *args, "--select", "MP601,MP602")
    assert (code, out) == (
        1,
        "web/roadmap.md:6:1: MP601 'Memory' names more than one track: Memory (a/memory),"
        " Memory (b/memory) (write one of: Memory (a/memory), Memory (b/memory))\n"
        "Found 1 problem.\n",
    )


def test_every_track_the_hint_of_a_shared_name_offers_is_reached_by_writing_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``teams/core/memory`` and ``teams/core-memory`` were "Memory (core/memory)" and
    "Memory (core-memory)": two labels, but one name to references, which fold "/" and "-"
    alike, so neither could be named. Whatever MP601 offers to write names its track: no
    finding, whichever files are checked, and the edge in ``status``."""
    for place in ("teams/core/memory", "teams/labs/memory", "teams/core-memory"):
        _track(tmp_path, place, "Memory", "")
    (tmp_path / "milepost.toml").write_text("", "utf-8")  # the portfolio of a check of a few
    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(tmp_path, "web", "Web", deps + "- **Dependency on Memory:** a session store\n")
    monkeypatch.chdir(tmp_path)
    args = ("--today", "2026-11-25")
    code, out = run(capsys, "check", *args, "--select", "MP601")
    found = re.fullmatch(
        r"web/roadmap.md:6:1: MP601 'Memory' names more than one track: (.*)"
        r" \(write one of: (.*)\)\nFound 1 problem.\n",
        out,
    )
    assert code == 1 and found, out
    tracks, offered = found[1].split(", "), found[2].split(", ")
    assert len(set(tracks)) == len(offered) == 3
    data = json.loads(run(capsys, "status", *args, "--format", "json")[1])
    paths = {t["track"]: t["path"] for t in data["tracks"]}
    assert sorted(paths) == sorted([*tracks, "Web"])
    for track, mention in zip(tracks, offered, strict=True):
        (tmp_path / "web/roadmap.md").write_text(
            f"# Web Roadmap\n\n{deps}- **Dependency on {mention}:** a session store\n", "utf-8"
        )
        assert run(capsys, "check", *args, "--select", "MP601") == (
            0,
            "All checks passed (4 roadmaps).\n",
        )
        assert run(capsys, "check", *args, "--select", "MP601", paths[track], "web/roadmap.md") == (
            0,
            "All checks passed (2 roadmaps).\n",
        )
        data = json.loads(run(capsys, "status", *args, "--format", "json")[1])
        assert [(e["from"], e["to"]) for e in data["edges"]] == [("Web", track)], mention


def test_two_roadmaps_of_one_slug_path_are_two_tracks_to_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``a/memory/roadmap.md`` and ``a/memory-roadmap.md`` share the slug path ``a/memory``,
    by which check found what each track is called: one of the two was called the other's
    name, and Recall, in a cycle with Web UI, was not reported (MP602) where Web UI was.
    Each is found by its roadmap's path now."""
    deps = "## Dependencies and Risks\n\n### External Dependencies\n"
    _track(tmp_path, "a/memory", "Memory", "")
    (tmp_path / "a/memory-roadmap.md").write_text(
        f"# Recall Roadmap\n\n{deps}- **Dependency on Web UI:** a page\n", "utf-8"
    )
    _track(tmp_path, "web", "Web UI", deps + "- **Dependency on Recall:** a session store\n")
    monkeypatch.chdir(tmp_path)
    args = ("--today", "2026-11-25")
    assert run(capsys, "check", *args, "--select", "MP6") == (
        1,
        "a/memory-roadmap.md:6:1: MP602 dependency cycle: Recall → Web UI → Recall\n"
        "web/roadmap.md:6:1: MP602 dependency cycle: Web UI → Recall → Web UI\n"
        "Found 2 problems.\n",
    )
    data = json.loads(run(capsys, "status", *args, "--format", "json")[1])
    assert [(t["track"], t["path"]) for t in data["tracks"]] == [
        ("Memory", "a/memory/roadmap.md"),
        ("Recall", "a/memory-roadmap.md"),
        ("Web UI", "web/roadmap.md"),
    ]
    # of one name too: two labels (numbered in the order of their paths), each its own track
    (tmp_path / "a/memory-roadmap.md").write_text(
        f"# Memory Roadmap\n\n{deps}- **Dependency on Web UI:** a page\n", "utf-8"
    )
    (tmp_path / "web/roadmap.md").write_text(
        f"# Web UI Roadmap\n\n{deps}- **Dependency on Memory (a/memory):** a store\n", "utf-8"
    )
    cycle = "MP602 dependency cycle: {} → {} → {}\n"
    assert run(capsys, "check", *args, "--select", "MP601,MP602") == (
        1,
        "a/memory-roadmap.md:6:1: "
        + cycle.format("Memory (a/memory)", "Web UI", "Memory (a/memory)")
        + "web/roadmap.md:6:1: "
        + cycle.format("Web UI", "Memory (a/memory)", "Web UI")
        + "Found 2 problems.\n",
    )
    data = json.loads(run(capsys, "status", *args, "--format", "json")[1])
    assert [(t["track"], t["path"]) for t in data["tracks"]] == [
        ("Memory (a/memory)", "a/memory-roadmap.md"),
        ("Memory (a/memory) (2)", "a/memory/roadmap.md"),
        ("Web UI", "web/roadmap.md"),
    ]
    from milepost.portfolio.links import track_index

    index = track_index(
        [("Memory", "a/memory"), ("Recall", "a/memory")],
        paths=["a/memory/roadmap.md", "a/memory-roadmap.md"],
    )
    assert index.me("Recall", "a/memory-roadmap.md") == "Recall"
    assert index.me("Memory", "a/memory/roadmap.md") == "Memory"


@pytest.mark.parametrize(
    ("tracks", "labels"),
    [
        ([("Memory", "a/memory"), ("Web", "web")], ["Memory", "Web"]),
        (
            [("Memory", "a/memory"), ("Memory", "b/memory"), ("Memory", "memory-v2")],
            ["Memory (a/memory)", "Memory (b/memory)", "Memory (memory-v2)"],
        ),
        (  # as many folders as it takes, and no more
            [("Memory", "x/a/memory"), ("Memory", "y/a/memory"), ("Memory", "memory")],
            ["Memory (x/a/memory)", "Memory (y/a/memory)", "Memory (memory)"],
        ),
        (  # a slug that two tracks of other names share tells no name apart: not shown
            [("Memory", "a/memory"), ("Recall", "b/memory")],
            ["Memory", "Recall"],
        ),
        (  # no path to tell them apart (read from text): numbered
            [("Memory", "memory"), ("Memory", "memory")],
            ["Memory (memory)", "Memory (memory) (2)"],
        ),
        (  # one to references ("/" and "-" read alike): numbered, in the order of the labels
            [("Memory", "t/core/memory"), ("Memory", "t/labs/memory"), ("Memory", "t/core-memory")],
            ["Memory (core/memory) (2)", "Memory (labs/memory)", "Memory (core-memory)"],
        ),
        (  # a name of its own can read as a label does, too: it keeps its name
            [("Memory", "core/memory"), ("Memory", "b/memory"), ("Memory Core Memory", "mcm")],
            ["Memory (core/memory) (2)", "Memory (b/memory)", "Memory Core Memory"],
        ),
    ],
)
def test_every_track_has_a_label_of_its_own(
    tracks: list[tuple[str, str]], labels: list[str]
) -> None:
    """Each label differs from every other as references read it, so each names its track,
    and which is numbered does not hang on the order the tracks come in."""
    from milepost.portfolio.links import normal_track, track_index, track_labels

    assert track_labels(tracks) == labels
    if len(set(tracks)) == len(tracks):
        assert track_labels(tracks[::-1]) == labels[::-1]
    assert len({normal_track(label) for label in labels}) == len(labels)
    index = track_index(tracks)
    assert [index.resolve(label) for label in labels] == labels


def test_unplaced_is_the_dated_work_not_placed_yet_each_once() -> None:
    """What the timeline and the Gantt chart add after the template's sections: the work
    ``status_items`` counts that says when, on no line placed, by no title placed."""
    from milepost.portfolio.dated import unplaced
    from milepost.vocabulary.titles import title_key

    roadmap = milepost.loads(
        "# X Roadmap\n\n## Current Focus\n\n### November 2026\n- 🚧 Search\n\n"
        "## Plans\n\n### 2025 Q3\n- [x] Quadlet\n- [ ] Quadlet\n- [ ] Store\n\n"
        "## Ideas\n\n- 📋 Someday\n- 📋 EXPORT (Q2 2027)\n- 📋 Sync (Q3 2027)\n"
    )
    assert roadmap.focus is not None
    [search] = roadmap.focus.periods[0].items
    lines = {search.span.start}
    # "Search" stands on a line placed; "Someday" says no time
    found = [i.title for i in unplaced(roadmap, lines=lines, titles=set())]
    assert found == ["Quadlet", "Quadlet", "Store", "EXPORT (Q2 2027)", "Sync (Q3 2027)"]
    # the same work as placed (titles as title_key gives them), on another line
    placed = {"store", "export (q2 2027)"}
    found = [i.title for i in unplaced(roadmap, lines=lines, titles=placed)]
    assert found == ["Quadlet", "Quadlet", "Sync (Q3 2027)"]
    # lazy: a title placed while iterating keeps later items of that title out
    growing: set[str] = set()
    taken = []
    for item in unplaced(roadmap, lines=lines, titles=growing):
        taken.append(item.title)
        growing.add(title_key(item.title))
    assert taken == ["Quadlet", "Store", "EXPORT (Q2 2027)", "Sync (Q3 2027)"]


def test_a_roadmap_without_a_title_goes_by_its_slug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An empty file and one with no heading had a blank name: a blank row in status, "🟡 :"
    # under Needs attention, an empty link on the site.
    for slug, text in [("e1", ""), ("e2", "Some words.\n\n- 🚧 Work\n"), ("mem", "# Memory\n")]:
        (tmp_path / slug).mkdir()
        (tmp_path / slug / "roadmap.md").write_text(text, encoding="utf-8")
    portfolio, _ = api.portfolio([tmp_path], today=TODAY)
    assert sorted(t.track for t in portfolio.tracks) == ["Memory", "e1", "e2"]
    code, out = run(capsys, "status", str(tmp_path), "--today", "2026-11-25")
    assert code == 0 and "🟡 e1: no last-updated date" in out and "🟡 :" not in out
