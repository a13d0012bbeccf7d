"""Markdown → HTML for the site's track pages: pulldown-cmark's events rendered with every
raw HTML escaped and every address checked."""

from __future__ import annotations

import re

import pytest

from milepost.document.html import to_html
from milepost.render.site.filters import markdown_html, safe_url
from tests.test_site import _scan


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("# Title\n", '<h2 id="title">Title</h2>\n'),
        ("###### Deep\n", '<h2 id="deep">Deep</h2>\n'),  # right under the page's h1
        (  # no level skipped, however the author jumps; back up as far as they go
            "# A\n#### B\n## C\n###### D\n",
            '<h2 id="a">A</h2>\n<h3 id="b">B</h3>\n<h3 id="c">C</h3>\n<h4 id="d">D</h4>\n',
        ),
        (
            "# A\n## B\n### C\n#### D\n##### E\n###### F\n",
            "".join(
                f'<h{min(6, n + 2)} id="{c.lower()}">{c}</h{min(6, n + 2)}>\n'
                for n, c in enumerate("ABCDEF")
            ),
        ),
        (
            "a *b* **c** ~~d~~ `<e>`\n",
            "<p>a <em>b</em> <strong>c</strong> <s>d</s> <code>&lt;e&gt;</code></p>\n",
        ),
        ("- one\n- two\n", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"),
        ("3. three\n", '<ol start="3">\n<li>three</li>\n</ol>\n'),
        ("- [x] done\n- [ ] open\n", "<ul>\n<li>[x] done</li>\n<li>[ ] open</li>\n</ul>\n"),
        ("line  \nnext\n", "<p>line<br />\nnext</p>\n"),
        ("> quoted\n", "<blockquote>\n<p>quoted</p>\n</blockquote>\n"),
        ("---\n", "<hr />\n"),
        (  # what may scroll sideways takes the keyboard's focus, by a name
            "```py\nx < 1\n```\n",
            '<pre tabindex="0" role="region" aria-label="Code"><code class="language-py">'
            "x &lt; 1\n</code></pre>\n",
        ),
        (
            "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
            '<div class="wide" tabindex="0" role="region" aria-label="Table">\n'
            '<table>\n<thead>\n<tr>\n<th style="text-align:left">a</th>\n'
            '<th style="text-align:right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
            '<td style="text-align:left">1</td>\n<td style="text-align:right">2</td>\n</tr>\n'
            "</tbody>\n</table>\n</div>\n",
        ),
        (
            '[x](https://x.y/?a=1&b=2 "T")\n',
            '<p><a href="https://x.y/?a=1&amp;b=2" title="T">x</a></p>\n',
        ),
        ("<a@b.c>\n", '<p><a href="mailto:a@b.c">a@b.c</a></p>\n'),
        ("AT&amp;T &copy;\n", "<p>AT&amp;T ©</p>\n"),
    ],
)
def test_markdown(markdown: str, html: str) -> None:
    assert to_html(markdown, safe_url=safe_url, shift=1) == html


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>\n",
        "text <img src=x onerror=alert(1)> more\n",
        "<div onclick='x()'>\nblock\n</div>\n",
        "[click](javascript:alert(1))\n",
        "[click](JaVa\tScRiPt:alert(1))\n",
        "![img](javascript:alert(1))\n",
        '[x](https://x.y "a\\" onmouseover=\\"alert(1)")\n',
        "[ref]\n\n[ref]: data:text/html,<script>alert(1)</script>\n",
    ],
)
def test_raw_html_is_text_and_unsafe_addresses_are_dropped(markdown: str) -> None:
    scan = _scan(markdown_html(markdown))
    assert not scan.handlers
    assert set(scan.tags) <= {"p", "a", "img"}
    assert "script" not in scan.tags and "div" not in scan.tags
    for url in scan.urls:
        assert safe_url(url) == url, url
        assert url in ("#", "https://x.y"), url


def test_raw_html_is_shown_as_written() -> None:
    assert markdown_html("<b>bold</b>\n") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n"
    assert markdown_html("<div>\nx\n</div>\n") == "<p>&lt;div&gt;\nx\n&lt;/div&gt;</p>\n"


def test_headings_get_the_ids_github_gives_them() -> None:
    from milepost.render.site.filters import markdown_html

    html = markdown_html(
        "## 🎯 Current Focus (Next 4-6 Weeks)\n\n## What's Next\n\n[next](#whats-next)\n\n"
        "## What's Next\n\n## Filters\n"
    )
    assert '<h2 id="-current-focus-next-4-6-weeks">' in html
    assert '<h2 id="whats-next">' in html and '<h2 id="whats-next-1">' in html
    assert '<a href="#whats-next">next</a>' in html
    assert '<h2 id="filters-1">' in html  # "filters" is the page's own


def test_a_scroller_is_named_by_the_section_it_is_in() -> None:
    """A table or code block is named after the heading before it, escaped as any roadmap
    text is: a screen reader lists "Table: Milestones", not a row of "region"s."""
    html = markdown_html(
        '# Web *UI* Roadmap\n\n| a |\n|-|\n| 1 |\n\n## Plan <b>"x"</b> & `y`\n\n'
        "```\ncode\n```\n\n| b |\n|-|\n| 2 |\n"
    )
    labels = re.findall(r'role="region" aria-label="([^"]*)"', html)
    assert labels == [
        "Table: Web UI Roadmap",
        "Code: Plan &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y",
        "Table: Plan &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y",
    ]
    assert not _scan(html).handlers


def test_a_scroller_under_a_heading_over_two_lines_keeps_the_space_between_them() -> None:
    html = markdown_html("Risks and\nMitigations\n---\n\n| a |\n|-|\n| 1 |\n")
    assert 'aria-label="Table: Risks and Mitigations"' in html
