"""The dependency graph's drawing (inline SVG): each track a node as wide as its name."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from milepost.render.site.graph import svg
from milepost.vocabulary.status import Health

SVG = "{http://www.w3.org/2000/svg}"

# A name wider than the old circle, one cut at a word, wide letters, letters outside ASCII.
NAMES = (
    "Orchestration",
    "Developer Experience and Platform Tooling",
    "WWW Mammoth Migrations",
    "Überwachung 🚀 数据平台",
    "UI",
)


@pytest.mark.parametrize("links", [True, False])
def test_a_graph_node_is_as_wide_as_its_name(links: bool) -> None:
    """ "Orchestration" spilled out of its circle, eighty units wide: each node is a box as
    wide as its name's estimated width and a margin each side; a long name shows cut at a
    word with an ellipsis, and the node's title (a tooltip, the link's name) says it whole."""
    from milepost.render.text import text_width

    tracks = [(name, f"t{k}", Health.ON_TRACK) for k, name in enumerate(NAMES)]
    root = ET.fromstring(str(svg(tracks, [], links=links)))
    nodes = [g for g in root.iter() if g.tag in (f"{SVG}a", f"{SVG}g")]
    assert len(nodes) == len(NAMES)
    for node, name in zip(nodes, NAMES, strict=True):
        title, box, text = (node.find(f"{SVG}{tag}") for tag in ("title", "rect", "text"))
        assert title is not None and box is not None and text is not None
        assert title.text == name
        shown = "".join(text.itertext())
        assert shown == name or (shown.endswith("…") and name.startswith(shown[:-1]))
        assert len(shown) <= 22
        x, width = float(box.get("x", "")), float(box.get("width", ""))
        assert width >= text_width(shown, 12) + 2 * 12, (name, width)
        assert abs(x + width / 2 - float(text.get("x", ""))) < 0.2  # the name in its middle
    assert "Developer Experience…" in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Orchestration", 80, 95),  # DejaVu Sans, the widest usual sans, draws it 82 wide
        ("iiii", 10, 20),
        ("WWWW", 44, 52),
        ("数据", 20, 32),
        ("", 0, 0),
    ],
)
def test_text_width_errs_wide(text: str, low: float, high: float) -> None:
    from milepost.render.text import text_width

    assert low <= text_width(text, 12) <= high
