"""Hypothesis: for any text, parsing never raises and writing back gives the same text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import milepost
from milepost.document import parse
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
