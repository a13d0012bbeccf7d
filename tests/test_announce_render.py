"""Announcements as Markdown and as Discord webhook payloads (milepost.render.announce)."""

from __future__ import annotations

import json
import re
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from milepost.render.announce import (
    Announcement,
    AnnouncementSection,
    from_diffs,
    to_discord,
    to_markdown,
)

TITLE = "Roadmap update, 2026-11-18 → 2026-11-25"
EXAMPLE = Announcement(
    title=TITLE,
    sections=(
        AnnouncementSection(
            "Shipped",
            ("**Memory**: Context truncation (#123)", "**Web UI**: Dark mode (#140)"),
        ),
        AnnouncementSection("Started", ("**Memory**: Vector store (#150)",)),
        AnnouncementSection("Slipped", ("**Web UI**: Offline mode 2026-10 → 2026-11",)),
    ),
    footer="milepost · 12 tracks",
)

# Discord's documented limits, written out again here so the renderer is checked against
# the numbers, not against its own constants.
LIMITS = {
    "content": 2000,
    "embeds": 10,
    "title": 256,
    "description": 4096,
    "fields": 25,
    "field.name": 256,
    "field.value": 1024,
    "footer.text": 2048,
    "total": 6000,
}


def units(text: str) -> int:
    """Length in UTF-16 code units (the strictest way Discord may count)."""
    return len(text.encode("utf-16-le")) // 2


def limit_problems(payload: dict[str, object]) -> list[str]:
    problems = []
    content = payload.get("content", "")
    assert isinstance(content, str)
    if units(content) > LIMITS["content"]:
        problems.append("content")
    embeds = payload.get("embeds", [])
    assert isinstance(embeds, list)
    if not content.strip() and not embeds:
        problems.append("empty message")
    if len(embeds) > LIMITS["embeds"]:
        problems.append("embeds")
    total = 0
    for embed in embeds:
        texts = {
            "title": embed.get("title", ""),
            "description": embed.get("description", ""),
            "footer.text": embed.get("footer", {}).get("text", ""),
        }
        fields = embed.get("fields", [])
        if len(fields) > LIMITS["fields"]:
            problems.append("fields")
        for field in fields:
            for key in ("name", "value"):
                if units(field[key]) > LIMITS[f"field.{key}"]:
                    problems.append(f"field.{key}")
                total += units(field[key])
        for key, text in texts.items():
            if units(text) > LIMITS[key]:
                problems.append(key)
            total += units(text)
        total += units(embed.get("author", {}).get("name", ""))
    if total > LIMITS["total"]:
        problems.append(f"total {total}")
    if payload.get("allowed_mentions") != {"parse": []}:
        problems.append("allowed_mentions")
    return problems


def embeds_of(payload: dict[str, object]) -> list[dict[str, Any]]:
    return cast("list[dict[str, Any]]", payload.get("embeds", []))


def all_embeds(payloads: list[dict[str, object]]) -> list[dict[str, Any]]:
    return [embed for payload in payloads for embed in embeds_of(payload)]


def bullets_of(payloads: list[dict[str, object]]) -> list[str]:
    return [b for embed in all_embeds(payloads) for b in embed["description"].split("\n")]


def one_line(text: str) -> str:
    return re.sub(r"\r\n|\r|\n", " ", text).strip()


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_golden():
    assert to_markdown(EXAMPLE) == (
        "## Roadmap update, 2026-11-18 → 2026-11-25\n"
        "\n"
        "### Shipped\n"
        "\n"
        "- **Memory**: Context truncation (#123)\n"
        "- **Web UI**: Dark mode (#140)\n"
        "\n"
        "### Started\n"
        "\n"
        "- **Memory**: Vector store (#150)\n"
        "\n"
        "### Slipped\n"
        "\n"
        "- **Web UI**: Offline mode 2026-10 → 2026-11\n"
        "\n"
        "milepost · 12 tracks\n"
    )


def test_markdown_empty_state():
    empty = Announcement(TITLE, (AnnouncementSection("Shipped", ()),), footer="milepost")
    assert to_markdown(empty) == (
        "## Roadmap update, 2026-11-18 → 2026-11-25\n"
        "\n"
        "No roadmap changes in this period.\n"
        "\n"
        "milepost\n"
    )
    assert to_markdown(Announcement("T", ())) == "## T\n\nNo roadmap changes in this period.\n"


def test_markdown_keeps_every_line_on_one_line_and_skips_blank_ones():
    a = Announcement(
        "T",
        (
            AnnouncementSection("Shipped", ("one\n## not a heading", "  ", "two\r\nthree")),
            AnnouncementSection("Slipped", ("",)),
        ),
    )
    assert to_markdown(a) == "## T\n\n### Shipped\n\n- one ## not a heading\n- two three\n"


# --- Discord: layout --------------------------------------------------------------------------


def test_discord_golden():
    assert to_discord(EXAMPLE) == [
        {
            "content": "**Roadmap update, 2026-11-18 → 2026-11-25**",
            "embeds": [
                {
                    "title": "Shipped",
                    "description": "- **Memory**: Context truncation (#123)\n"
                    "- **Web UI**: Dark mode (#140)",
                    "color": 0x2ECC71,
                },
                {
                    "title": "Started",
                    "description": "- **Memory**: Vector store (#150)",
                    "color": 0x3498DB,
                },
                {
                    "title": "Slipped",
                    "description": "- **Web UI**: Offline mode 2026-10 → 2026-11",
                    "color": 0xE67E22,
                    "footer": {"text": "milepost · 12 tracks"},
                },
            ],
            "allowed_mentions": {"parse": []},
        }
    ]


def test_discord_empty_state():
    payloads = to_discord(Announcement(TITLE, (AnnouncementSection("Shipped", ()),), "m"))
    assert payloads == [
        {
            "content": f"**{TITLE}**",
            "embeds": [
                {
                    "description": "No roadmap changes in this period.",
                    "color": 0x95A5A6,
                    "footer": {"text": "m"},
                }
            ],
            "allowed_mentions": {"parse": []},
        }
    ]


def test_discord_never_pings():
    a = Announcement("T", (AnnouncementSection("Shipped", ("@everyone <@123> <@&456> @here",)),))
    for payload in to_discord(a):
        assert payload["allowed_mentions"] == {"parse": []}


def test_a_long_section_continues_in_the_next_embed():
    lines = tuple(f"**Track {n:03}**: " + "x" * 180 for n in range(60))  # ~12,000 characters
    payloads = to_discord(Announcement("T", (AnnouncementSection("Shipped", lines),), "f"))
    embeds = all_embeds(payloads)
    titles = [embed["title"] for embed in embeds]
    assert titles[0] == "Shipped"
    assert titles[1:] == ["Shipped (continued)"] * (len(titles) - 1)
    assert len(payloads) >= 2  # 6,000 characters of embed text per message at most
    assert "content" in payloads[0] and all("content" not in p for p in payloads[1:])
    assert bullets_of(payloads) == [f"- {line}" for line in lines]
    assert embeds[-1]["footer"] == {"text": "f"}
    assert all("footer" not in embed for embed in embeds[:-1])
    assert all(limit_problems(p) == [] for p in payloads)


def test_more_than_ten_sections_take_a_second_message():
    sections = tuple(AnnouncementSection(f"Part {n}", (f"line {n}",)) for n in range(13))
    payloads = to_discord(Announcement("T", sections))
    assert [len(embeds_of(p)) for p in payloads] == [10, 3]


def test_an_oversized_line_is_shortened_with_an_ellipsis_and_nothing_else_is():
    huge = "🚀" * 3000  # 6,000 UTF-16 units: over any embed's description
    a = Announcement("T", (AnnouncementSection("Shipped", ("before", huge, "after")),))
    payloads = to_discord(a)
    bullets = bullets_of(payloads)
    assert bullets[0] == "- before" and bullets[-1] == "- after"
    assert len(bullets) == 3
    assert bullets[1].endswith("…") and huge.startswith(bullets[1][2:-1])
    assert units(bullets[1]) <= 4096
    assert all(limit_problems(p) == [] for p in payloads)


def test_long_title_heading_and_footer_are_clipped():
    a = Announcement("T" * 3000, (AnnouncementSection("H" * 300, ("x",)),), footer="F" * 3000)
    payloads = to_discord(a)
    assert all(limit_problems(p) == [] for p in payloads)
    embed = embeds_of(payloads[0])[0]
    assert embed["title"].endswith("…") and units(embed["title"]) == 256
    assert embed["footer"]["text"].endswith("…")
    assert str(payloads[0]["content"]).endswith("…**")


def test_output_is_deterministic():
    first = json.dumps(to_discord(EXAMPLE), sort_keys=False, ensure_ascii=False)
    assert json.dumps(to_discord(EXAMPLE), sort_keys=False, ensure_ascii=False) == first


# --- Discord: properties ----------------------------------------------------------------------

_chars = st.characters(codec="utf-8")
_short = st.text(_chars, max_size=120)
_medium = st.text(_chars, min_size=200, max_size=900)
_long = st.builds(lambda ch, n: ch * n, _chars, st.integers(3000, 5000))
_line = st.one_of(_short, _short, _short, _medium, _long)
_heading = st.text(st.characters(codec="ascii", categories=("L", "N")), min_size=1, max_size=40)
_section = st.builds(AnnouncementSection, _heading, st.lists(_line, max_size=40).map(tuple))
_announcement = st.builds(
    Announcement,
    st.text(_chars, max_size=80),
    st.lists(_section, max_size=14).map(tuple),
    st.one_of(st.just(""), st.text(_chars, max_size=60), st.text(_chars, max_size=2500)),
)


@settings(max_examples=150, deadline=None)
@given(_announcement)
def test_every_payload_is_within_discords_limits(a: Announcement) -> None:
    payloads = to_discord(a)
    assert payloads
    for payload in payloads:
        assert limit_problems(payload) == []
        json.dumps(payload)  # plain JSON


@settings(max_examples=150, deadline=None)
@given(_announcement)
def test_every_line_appears_once_in_order(a: Announcement) -> None:
    footer = one_line(a.footer)
    line_max = min(4096, 6000 - min(units(footer), 2048) - 256)
    expected = [
        (one_line(s.heading), one_line(line))
        for s in a.sections
        for line in s.lines
        if one_line(line)
    ]
    actual = []
    previous = None
    for payload in to_discord(a):
        for embed in embeds_of(payload):
            if "title" not in embed:  # the empty state
                assert not expected
                continue
            heading = embed["title"].removesuffix(" (continued)")
            if embed["title"] != heading:  # a continuation follows its own section
                assert previous == heading
            previous = heading
            for bullet in embed["description"].split("\n"):
                assert bullet.startswith("- ")
                actual.append((heading, bullet[2:]))
    assert len(actual) == len(expected)
    for (heading, got), (want_heading, want) in zip(actual, expected, strict=True):
        assert heading == want_heading
        if got != want:  # only a line too long for any embed is shortened
            assert units(f"- {want}") > line_max
            assert got.endswith("…") and want.startswith(got[:-1])


@given(_announcement)
def test_markdown_has_every_line_once_in_order(a: Announcement) -> None:
    text = to_markdown(a)
    bullets = [line[2:] for line in text.split("\n") if line.startswith("- ")]
    want = [one_line(line) for s in a.sections for line in s.lines if one_line(line)]
    # A title or footer may itself start with "- "; every line is there, in order.
    it = iter(bullets)
    assert all(any(got == w for got in it) for w in want)
    assert text.endswith("\n") and not text.endswith("\n\n")


# --- from diffs -------------------------------------------------------------------------------


def test_counts_are_pluralised_as_english_says() -> None:
    from datetime import date

    from milepost.history.changes import ItemChange
    from milepost.history.diff import Ref, TrackDiff
    from milepost.history.snapshot import ItemState
    from milepost.model import Status

    def added(title: str) -> ItemChange:
        return ItemChange(
            None, ItemState(title.casefold(), title, Status.PLANNED, None, None, "", 1)
        )

    def new_track(name: str, *titles: str) -> TrackDiff:
        items = tuple(added(t) for t in titles)
        return TrackDiff(name, f"{name}.md", Ref("nothing"), Ref("HEAD"), items=items, new=True)

    one = from_diffs(
        [new_track("Beta", "Search")], since=date(2026, 11, 1), until=date(2026, 11, 25)
    )
    assert one.sections[0].lines == ("**Beta**: 1 item on its roadmap",)
    assert one.footer == "1 track · milepost"
    two = from_diffs(
        [new_track("Beta", "Search", "Sync"), new_track("Gamma")],
        since=date(2026, 11, 1),
        until=date(2026, 11, 25),
    )
    assert two.sections[0].lines == (
        "**Beta**: 2 items on its roadmap",
        "**Gamma**: 0 items on its roadmap",
    )
    assert two.footer == "2 tracks · milepost"


def test_the_diff_summary_counts_tracks_in_english() -> None:
    from rich.console import Console

    from milepost.history.diff import Ref, TrackDiff
    from milepost.render.history import diff_text

    def shown(count: int) -> str:
        diffs = [TrackDiff(f"T{i}", f"t{i}.md", Ref("a"), Ref("b")) for i in range(count)]
        console = Console(width=200, color_system=None, record=True)
        console.print(diff_text(diffs))
        return console.export_text().strip()

    assert shown(1) == "0 of 1 track changed"
    assert shown(2) == "0 of 2 tracks changed"


def test_the_diff_text_cuts_a_long_title_only_to_fit_its_line() -> None:
    """Titles were cut at 60 characters however wide the terminal, and in a pipe."""
    from rich.console import Console

    from milepost.history.changes import ItemChange
    from milepost.history.diff import Ref, TrackDiff
    from milepost.history.snapshot import ItemState
    from milepost.model import Status
    from milepost.render.history import diff_text

    title = "Streaming tool calls with partial JSON arguments, retried on transient errors"
    state = ItemState(title.casefold(), title, Status.PLANNED, None, None, "", 1)
    diffs = [TrackDiff("Tools", "t.md", Ref("a"), Ref("b"), items=(ItemChange(None, state),))]

    def shown(width: int) -> str:
        console = Console(width=width, color_system=None, record=True)
        console.print(diff_text(diffs, width=width))
        return console.export_text()

    assert f"added      {title}  " in shown(200)
    narrow = shown(80)
    assert title not in narrow
    assert "added      Streaming tool calls with partial JSON arguments, retried…" in narrow
