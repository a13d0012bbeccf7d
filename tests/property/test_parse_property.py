"""Hypothesis: for any text, parsing never raises and writing back gives the same text; the
title read alone is the title of the whole parse."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import milepost
from milepost.document import parse
from milepost.extract import read_title, title_of
from milepost.source import Source, decode, encode

_PIECES = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "#### ",
        "- ",
        "* ",
        "1. ",
        "  - ",
        "\t- ",
        "- [ ] ",
        "- [x] ",
        "| a | b |\n|---|---|\n| ",
        "**",
        "**Done:** ",
        "~~",
        "`",
        "```\n",
        "---\n",
        "===\n",
        "> ",
        "!!! note\n",
        '??? success "Done"\n',
        "    ",
        "<div>",
        "</div>",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " ",
        "✅ ",
        "🚧 ",
        "📋 ",
        "âœ… ",
        "ðŸš§",
        "â†’",
        "(in progress)",
        " - Status: Planned",
        "@alice",
        "#123",
        "Q1 2027",
        "November 2026",
        "v0.1.2",
        "Weeks 1-4",
        "**Last updated:** 2026-11-25",
        "\ufeff",
        "\x0c",
        "\u2028",
        "\x85",
        "[link](javascript:x)",
        "<!-- c -->",
        "Risk 1:",
        "Likelihood: High",
        "→",
        "Metric: 1 → 2",
        "|",
        "\\",
        "&amp;",
        "\x00",
        "_\u00a0_: ",
        "**Timeline:** ",
        "⏳ ",
        "`[ ]` ",
        "(Status: Done)",
        "DROPPED*",
    ]
)
_MARKDOWNISH = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_MARKDOWNISH, st.text(max_size=400)))
def test_any_text_parses_and_round_trips(text: str) -> None:
    roadmap = milepost.loads(text)
    assert roadmap.to_markdown() == text
    roadmap.to_dict()
    document = parse(Source.from_text(text))
    assert document.line_count == len(document.source.lines)
    for block in document.blocks:
        assert 0 <= block.start < block.end <= max(document.line_count, 1)


@settings(max_examples=200, deadline=None)
@given(_MARKDOWNISH)
def test_encoded_round_trip_with_bom_and_crlf(text: str) -> None:
    # NUL is refused as binary, a leading U+FEFF after a BOM as a second BOM.
    crlf = text.replace("\n", "\r\n").replace("\x00", "").lstrip("\ufeff")
    for bom in (False, True):
        source = Source(crlf, bom=bom)
        data = encode(source)
        assert encode(decode(data)) == data


_TITLED = st.lists(
    st.one_of(_PIECES, st.sampled_from(["# Memory Roadmap\n", "Web UI\n===\n", "[x]: /y\n"])),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_TITLED, st.text(max_size=200)))
def test_the_title_read_alone_is_the_title_of_the_whole_parse(text: str) -> None:
    """``read_title`` stops at the first H1; what it reads is what the whole parse reads."""
    source = Source.from_text(text)
    assert read_title(source) == title_of(parse(source))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Memory Roadmap\n\n## Goals\n", "Memory Roadmap"),
        ("---\ntitle: x\n---\n# Front Matter\n", "Front Matter"),  # not the YAML as an H2
        ("## Goals\n\n> # Quoted\n", "Quoted"),
        ("Web *UI*\n===\n\n# Later\n", "Web UI"),  # a setext H1
        ("## Only Second Level\n\n### Deeper\n", "Only Second Level"),
        ("# [Memory] Roadmap\n\n[Memory]: https://x.y\n", "Memory Roadmap"),  # defined later
        ("```\n# not a heading\n```\n# Real\r# Other\r", "Real"),
        ("no heading at all\n", ""),
    ],
)
def test_the_title_read_alone(text: str, title: str) -> None:
    source = Source.from_text(text)
    assert read_title(source) == title == title_of(parse(source))
