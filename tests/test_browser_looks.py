"""What a reader of the site sees, in the real Debian chromium (headless, see
tests/browser.py): boxes as tall as what they hold, items told apart, columns lined up,
a scroller that says it holds more, and a graph's names inside their nodes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from milepost import api
from tests.browser import open_page


def test_the_index_cards_are_as_tall_as_what_they_hold(browser: Any, examples: Path) -> None:
    """Side by side, the cards were stretched to the tallest: "Blocked", one item, stood as
    a box a screen high and empty below it. Each ends below its last item, which has no
    rule of its own above the card's border."""
    page, problems = open_page(browser, (examples / "index.html").as_uri())
    cards = page.evaluate(
        """() => [...document.querySelectorAll('main .card')].map(card => {
          const last = [...card.querySelectorAll('li')].pop();
          return [card.querySelector('h2').textContent,
            card.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom,
            getComputedStyle(last).borderBottomStyle]; })"""
    )
    assert len(cards) == 4, cards
    assert all(below < 30 and rule == "none" for _, below, rule in cards), cards
    assert problems == []
    page.close()


def test_items_of_one_timeline_cell_are_told_apart(browser: Any, examples: Path) -> None:
    """Memory's November holds five items: each began right where the last ended, a badge
    in the middle of the words. A gap stands between them."""
    page, problems = open_page(browser, (examples / "timeline.html").as_uri())
    gaps = page.evaluate(
        """() => [...document.querySelectorAll('.timeline td > div + div')].map(div =>
          div.getBoundingClientRect().top
          - div.previousElementSibling.getBoundingClientRect().bottom)"""
    )
    assert gaps and min(gaps) >= 6, gaps
    assert problems == []
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_scroller_with_more_to_its_right_says_so(
    browser: Any, examples: Path, scheme: str
) -> None:
    """On a desktop the timeline's last five columns lay past its right edge, with nothing
    to say so (a mouse shows no scroll bar until it scrolls). A shade stands at that edge
    while there is more, and goes at the end: the box's own background is painted there
    (a gradient that scrolls with its content covers the shade at the end)."""
    page, problems = open_page(browser, (examples / "timeline.html").as_uri())
    page.emulate_media(color_scheme=scheme)
    box = page.locator(".scroll").first
    assert box.evaluate("el => el.scrollWidth > el.clientWidth + 100")
    style = box.evaluate(
        "el => { const s = getComputedStyle(el); return [s.backgroundImage,"
        " s.backgroundAttachment]; }"
    )
    assert style[0].count("linear-gradient") == 2 and style[1] == "local, scroll", style
    assert problems == []
    page.close()


def test_the_metrics_tables_line_up(browser: Any, examples: Path) -> None:
    """Each track's table of metrics took the widths its words gave it, so Baseline,
    Current and Target stood somewhere else under each heading; and the first heading of
    each had a rule down its right side that no row below it carried on."""
    page, problems = open_page(browser, (examples / "metrics.html").as_uri())
    columns = page.evaluate(
        """() => [...document.querySelectorAll('table.metrics')].map(t =>
          [...t.querySelectorAll('thead th')]
            .map(th => Math.round(th.getBoundingClientRect().left)))"""
    )
    assert len(columns) == 5 and all(c == columns[0] for c in columns), columns
    first = page.locator("table.metrics thead th").first
    assert first.evaluate("el => getComputedStyle(el).boxShadow") == "none"
    assert problems == []
    page.close()


def test_the_risk_matrix_heads_its_columns_over_them(browser: Any, examples: Path) -> None:
    """The risks' numbers stand in the middle of each cell; the impact over them stood at
    the left, over the edge between two columns' numbers."""
    page, problems = open_page(browser, (examples / "risks.html").as_uri())
    aligned = page.evaluate(
        """() => [...document.querySelectorAll('.matrix thead th')].slice(1)
          .map(th => getComputedStyle(th).textAlign)"""
    )
    assert aligned == ["center", "center", "center"]
    assert problems == []
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_roadmaps_rules_are_the_sites(browser: Any, examples: Path, scheme: str) -> None:
    """A ``---`` of the roadmap as written was the browser's own rule, in the dark scheme a
    bright double line brighter than any other; it is the site's thin rule."""
    page, problems = open_page(browser, (examples / "tracks" / "evaluation.html").as_uri())
    page.emulate_media(color_scheme=scheme)
    rules = page.evaluate(
        """() => { const line = getComputedStyle(document.querySelector('th')).borderBottomColor;
          return [...document.querySelectorAll('.roadmap hr')].map(hr => {
            const s = getComputedStyle(hr);
            return [s.borderTopColor === line, s.borderTopWidth, s.borderBottomStyle]; }); }"""
    )
    assert rules and all(r == [True, "1px", "none"] for r in rules), rules
    assert problems == []
    page.close()


# Tracks in a ring of needs, named wider than the old circles: long, wide letters, non-ASCII.
GRAPH_NAMES = (
    "Orchestration",
    "Developer Experience and Platform Tooling",
    "WWW Mammoth Migrations",
    "Überwachung 🚀 数据平台",
    "UI",
)


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("long-names")
    for k, name in enumerate(GRAPH_NAMES):
        need = GRAPH_NAMES[(k + 1) % len(GRAPH_NAMES)]
        (root / "p" / f"t{k}").mkdir(parents=True)
        (root / "p" / f"t{k}" / "roadmap.md").write_text(
            f"# {name} Roadmap\n\n## Dependencies and Risks\n\n### External Dependencies\n"
            f"- **Dependency on {need}:** an API\n",
            encoding="utf-8",
        )
    api.site([root / "p"], root / "site", today=dt.date(2026, 11, 25))
    return root / "site"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_graph_nodes_name_stays_inside_it(browser: Any, long_names: Path, width: int) -> None:
    """ "Orchestration" stood wider than its circle, its first and last letters outside. Each
    name lies inside its node's box, clear of its rounded ends (8 units each side); a name
    cut short has the whole name as the node's title."""
    page, problems = open_page(browser, (long_names / "graph.html").as_uri(), width=width)
    nodes = page.evaluate(
        """() => [...document.querySelectorAll('main svg text')].map(text => {
          const t = text.getBBox(), box = text.parentNode.querySelector('rect, circle');
          const b = box.getBBox();
          return [text.textContent, text.parentNode.querySelector('title').textContent,
                  t.x - b.x, b.x + b.width - (t.x + t.width), t.y - b.y,
                  b.y + b.height - (t.y + t.height)]; })"""
    )
    assert sorted(title for _, title, *_ in nodes) == sorted(GRAPH_NAMES)
    for shown, title, *room in nodes:
        assert shown == title or shown.endswith("…"), (shown, title)
        assert min(room[:2]) >= 8 and min(room[2:]) >= 0, (shown, room)
    assert problems == []
    page.close()
