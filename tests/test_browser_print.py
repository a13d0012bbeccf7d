"""The site on paper, in the real Debian chromium (headless, see tests/browser.py): laid out
under print media (``page.emulate_media(media="print")``, the DevTools protocol's
``Emulation.setEmulatedMedia``) at the width of an A4 page's text, where nothing scrolls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import open_page, track_site

#: The width of an A4 page's text, upright, in CSS pixels (Chromium's default margins).
A4 = 718

COMMAND = "milepost site /home/me/repo/roadmaps --output /home/me/repo/site --today 2026-11-25"
WORD = "x = " + "very_long_identifier_" * 12  # no space to break at
ROADMAP = f"""\
# Print Roadmap

## Setup

```sh
{COMMAND} --no-history --config /home/me/repo/roadmaps/milepost.toml
```

```python
{WORD}
```

## Release plan

| Milestone | Notes |
|---|---|
| Benchmarkharness | `{WORD}` |
"""

# Every box of the page's main part that holds more than it shows (its content scrolled or
# cut), or that ends beyond the page's right edge, with the styles that decide it.
CUT = """() => [...document.querySelectorAll('main pre, main .wide, main .scroll, main table')]
  .map(el => { const s = getComputedStyle(el); return [el.tagName, el.className,
    el.scrollWidth - el.clientWidth,
    el.getBoundingClientRect().right - document.documentElement.clientWidth,
    s.whiteSpace, s.overflowX]; })
  .filter(([, , hidden, beyond]) => hidden > 1 || beyond > 1)"""


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return track_site(tmp_path_factory.mktemp("print"), "print", ROADMAP)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_code_blocks_and_tables_wrap_and_are_not_cut(
    browser: Any, printed: Path, scheme: str
) -> None:
    """A code block scrolls sideways on a screen; on paper it was cut at the page's edge,
    the rest of its lines lost. Printed, its lines wrap (breaking a word only where none
    fits) and no box hides what it holds."""
    page, problems = open_page(browser, printed.as_uri(), width=A4)
    page.emulate_media(media="print", color_scheme=scheme)
    assert page.evaluate(CUT) == []
    blocks = page.locator("main pre")
    assert blocks.count() == 2
    for n in range(blocks.count()):
        style = blocks.nth(n).evaluate(
            "el => { const s = getComputedStyle(el);"
            " return [s.whiteSpace, s.overflowWrap, s.overflowX, s.overflowY]; }"
        )
        assert style == ["pre-wrap", "anywhere", "visible", "visible"], style
    # every character still there, the lines as written (a wrapped line is one line)
    assert blocks.nth(1).inner_text().strip() == WORD
    assert COMMAND in blocks.nth(0).inner_text()
    assert problems == []
    page.close()


# The contrast with white paper (a browser prints no backgrounds unless asked) of the colour
# of every text of the page, lowest first.
ON_PAPER = r"""() => {
  const channel = (v) => (v <= 10.03 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = (c) => { const [r, g, b] = c.match(/[\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  return [...document.querySelectorAll('body, body *')]
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .filter(el => el.getClientRects().length && !el.closest('svg'))
    .map(el => [(1.05) / (lum(getComputedStyle(el).color) + 0.05), el.tagName, el.className])
    .sort((a, b) => a[0] - b[0]);
}"""


@pytest.mark.parametrize("name", ["index.html", "tracks/memory.html", "risks.html"])
def test_a_page_printed_from_the_dark_scheme_prints_dark_text(
    browser: Any, examples: Path, name: str
) -> None:
    """Printed where the reader's system is dark, the page kept the dark scheme's light
    text (the paper stays white), barely readable; on paper it takes the light scheme's
    colours, whatever the screen's."""
    page, problems = open_page(browser, (examples / name).as_uri(), width=A4)
    page.emulate_media(media="print", color_scheme="dark")
    lowest = page.evaluate(ON_PAPER)[:3]
    assert lowest and lowest[0][0] >= 4.5, (name, lowest)
    assert problems == []
    page.close()
