"""The block tree: exact line spans, lossless rendering, patches."""

from __future__ import annotations

import pytest

from milepost.document import (
    BlockQuote,
    CodeBlock,
    FrontMatter,
    Heading,
    HtmlBlock,
    ListBlock,
    Paragraph,
    Patch,
    Table,
    apply,
    parse,
)
from milepost.errors import MilepostError
from milepost.source import Source, decode


def doc(text: str):
    return parse(Source.from_text(text))


def spans(text: str) -> list[tuple[str, int, int]]:
    return [(type(b).__name__, b.start, b.end) for b in doc(text).blocks]


def test_block_spans_are_exact_lines() -> None:
    text = "# Title\n\nSome text\nmore\n\n- a\n- b\n  - c\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    assert spans(text) == [
        ("Heading", 0, 1),
        ("Paragraph", 2, 4),
        ("ListBlock", 5, 8),
        ("Table", 9, 12),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_spans_do_not_drift_with_line_endings(newline: str) -> None:
    text = newline.join(["# A", "", "para", "", "## B", "- x", "- y", ""])
    d = doc(text)
    assert [(h.start, h.level) for h in d.headings] == [(0, 1), (4, 2)]
    assert d.to_markdown() == text
    lst = d.sections[0].subsections[0].blocks[0]
    assert isinstance(lst, ListBlock)
    assert [(i.start, i.end) for i in lst.items] == [(5, 6), (6, 7)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_an_html_comment_ends_at_its_line_whatever_the_line_endings(newline: str) -> None:
    # pulldown-cmark let a comment ended by a lone "\r" swallow the rest of the file.
    text = newline.join(["# A", "<!-- plan here -->", "", "- x", "", "## B", ""])
    blocks = [("Heading", 0, 1), ("HtmlBlock", 1, 2), ("ListBlock", 3, 4), ("Heading", 5, 6)]
    assert spans(text) == blocks
    assert [h.start for h in doc(text).headings] == [0, 5]


def test_a_blank_line_spliced_after_a_lone_cr_stays_a_line() -> None:
    source = Source.from_text("a\rb\n\nc\n")
    after = apply(source, [Patch(1, 1, ("\n", "x\n")), Patch(2, 2)])
    assert after.lines == ("a\r", "\r", "x\n", "b\n", "\n", "c\n")
    joined = apply(Source.from_text("a\rb\n\nc\n"), [Patch(1, 2)])
    assert joined.lines == ("a\r", "\r", "c\n")


def test_setext_headings_span_both_lines() -> None:
    d = doc("Title\n=====\n\nSub\n---\ntext\n")
    assert [(h.level, h.start, h.end, h.inline.text) for h in d.headings] == [
        (1, 0, 2, "Title"),
        (2, 3, 5, "Sub"),
    ]


def test_thematic_break_after_blank_line_is_not_a_heading() -> None:
    d = doc("# T\n\ntext\n\n---\n\nmore\n")
    assert len(d.headings) == 1


def test_front_matter_html_code_and_quotes() -> None:
    text = (
        "---\ntitle: x\n---\n# Real\n\n<div align=center>\n\n| S | T |\n|---|---|\n| a | b |\n\n"
        "</div>\n\n```yaml\n# not a heading\n```\n\n> - [x] quoted\n"
    )
    d = doc(text)
    kinds = [type(b) for b in d.blocks]
    assert kinds[0] is FrontMatter
    assert d.blocks[0].end == 3
    assert [h.inline.text for h in d.headings] == ["Real"]
    assert Table in kinds and HtmlBlock in kinds and CodeBlock in kinds and BlockQuote in kinds


@pytest.mark.timeout(10)
def test_front_matter_of_a_cr_only_file_reads_in_linear_time() -> None:
    # ".*" took the lone "\r"s too: 8 lines after the front matter took 2 s, 20 hung.
    d = doc("---\rtitle: x\rdate: y\r---\r" + "# Real\r\rtext\r" * 20)
    assert isinstance(d.blocks[0], FrontMatter) and d.blocks[0].end == 4
    assert [h.start for h in d.headings] == list(range(4, 64, 3))


def test_tabs_and_nested_lists() -> None:
    d = doc("- a\n\t- b\n\t\t- c\n- d\n")
    lst = d.blocks[0]
    assert isinstance(lst, ListBlock)
    assert [i.inline.text for i in lst.items] == ["a", "d"]
    inner = lst.items[0].children[0]
    assert isinstance(inner, ListBlock)
    assert inner.items[0].inline.text == "b"
    assert (inner.items[0].start, inner.items[0].end) == (1, 3)


def test_headings_inside_list_items_are_sections() -> None:
    d = doc("## Planning\n\n* ### Feature A\nprose\n\n* ### Feature B\n")
    titles = [s.title for s in d.sections[0].walk()]
    assert titles == ["Planning", "Feature A", "Feature B"]


def test_inline_text_marks_bold_strike_code_and_links() -> None:
    d = doc("- **Done:** ~~old~~ `code` [link](https://x.y) &amp; more\n")
    lst = d.blocks[0]
    assert isinstance(lst, ListBlock)
    inline = lst.items[0].inline
    assert inline.text == "Done: old code link & more"
    assert inline.strong == ((0, 5),)
    assert inline.strike == ((6, 9),)
    assert inline.code == ((10, 14),)
    assert inline.links[0].url == "https://x.y"


@pytest.mark.parametrize(
    ("markdown", "strike"),
    [
        ("- <del>old</del> new\n", ((0, 3),)),
        ("- <S>old</S> new\n", ((0, 3),)),
        ('- <strike class="x">old **bold**</strike> new\n', ((0, 8),)),
        ("- <del>never closed\n", ()),
        ("- <b>old</b> <sup>2</sup>\n", ()),
        ("- <del>old **new</del>**\n", ()),  # misnested: the tag closes nothing it opened
    ],
)
def test_html_strike_tags_strike_text_as_tildes_do(
    markdown: str, strike: tuple[tuple[int, int], ...]
) -> None:
    lst = doc(markdown).blocks[0]
    assert isinstance(lst, ListBlock)
    inline = lst.items[0].inline
    assert inline.html
    assert inline.strike == strike


def test_a_strike_tag_left_open_inside_bold_keeps_the_bold() -> None:
    lst = doc("- **a <del>b** c</del>\n").blocks[0]
    assert isinstance(lst, ListBlock)
    assert lst.items[0].inline.strong == ((0, 3),)
    assert lst.items[0].inline.strike == ()


def test_task_boxes() -> None:
    d = doc("- [x] done\n- [ ] open\n- plain\n")
    lst = d.blocks[0]
    assert isinstance(lst, ListBlock)
    assert [i.task for i in lst.items] == [True, False, None]


def test_preamble_and_section_blocks() -> None:
    d = doc("intro\n\n# T\n\npara\n\n## S\n\n- x\n")
    assert isinstance(d.root.blocks[0], Paragraph)
    top = d.sections[0]
    assert isinstance(top.heading, Heading)
    assert (top.start, top.end) == (2, 9)
    assert isinstance(top.blocks[0], Paragraph)
    assert isinstance(top.subsections[0].blocks[0], ListBlock)


@pytest.mark.parametrize(
    "text",
    ["", "\n", "no newline", "\r\n\r\n", "# only\r", "\ufeffbom text\n", "a\x0cb\u2028c\x85d\n"],
)
def test_to_markdown_is_the_input(text: str) -> None:
    assert doc(text).to_markdown() == text


def test_line_count_matches_source_lines() -> None:
    for text in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\x0cb\u2028c\n"]:
        source = Source.from_text(text)
        assert parse(source).line_count == len(source.lines)


class TestPatch:
    def test_replace_insert_delete(self) -> None:
        source = Source.from_text("a\nb\nc\n")
        out = apply(source, [Patch(1, 2, ("B\n",)), Patch(3, 3, ("d\n",)), Patch(0, 1)])
        assert out.text == "B\nc\nd\n"

    def test_overlap_is_refused(self) -> None:
        source = Source.from_text("a\nb\nc\n", path="r.md")
        with pytest.raises(MilepostError, match="overlapping"):
            apply(source, [Patch(0, 2, ("x\n",)), Patch(1, 3, ("y\n",))])

    def test_past_the_end_is_refused(self) -> None:
        with pytest.raises(MilepostError, match="past the end"):
            apply(Source.from_text("a\n"), [Patch(0, 3, ())])

    def test_keeps_missing_final_newline_and_encoding(self) -> None:
        source = decode(b"\xef\xbb\xbfa\r\nb", path="r.md")
        out = apply(source, [Patch(1, 2, ("B\r\n",))])
        assert out.text == "a\r\nB" and out.bom and out.path == "r.md"

    def test_append_after_unterminated_line(self) -> None:
        out = apply(Source.from_text("a\r\nb"), [Patch(2, 2, ("c\r\n",))])
        assert out.text == "a\r\nb\r\nc"

    def test_bad_range(self) -> None:
        with pytest.raises(ValueError, match="bad patch range"):
            Patch(2, 1)


class TestParserQuirks:
    """pulldown-cmark behaviours the tree builder corrects (see docs/parser.md)."""

    def test_separator_before_heading_is_not_front_matter(self) -> None:
        d = doc("# T\n\ntext\n\n---\n## Q1\n\nDone.\n\n---\n## Q2\n")
        assert [(h.inline.text, h.start) for h in d.headings] == [("T", 0), ("Q1", 5), ("Q2", 10)]
        assert not any(isinstance(b, FrontMatter) for b in d.blocks)

    def test_rule_then_text_at_top_is_not_front_matter(self) -> None:
        d = doc("---\n# Title\n\ntext\n\n---\n")
        assert [h.inline.text for h in d.headings] == ["Title"]

    def test_front_matter_with_multibyte_text_keeps_offsets(self) -> None:
        d = doc("---\r\ntitle: café ✅\r\n---\r\n# Hé\r\n\r\n- ✅ x\r\n")
        assert isinstance(d.blocks[0], FrontMatter)
        assert (d.blocks[0].start, d.blocks[0].end) == (0, 3)
        assert [(h.inline.text, h.start) for h in d.headings] == [("Hé", 3)]
        lst = d.blocks[-1]
        assert isinstance(lst, ListBlock) and lst.start == 5

    def test_list_range_does_not_run_into_the_next_line(self) -> None:
        assert spans("- a\n\n para\n") == [("ListBlock", 0, 1), ("Paragraph", 2, 3)]

    @pytest.mark.parametrize("ending", ["\n", "\r\n"])
    def test_a_tab_after_a_delimiter_row_still_makes_a_table(self, ending: str) -> None:
        """pulldown-cmark reads no table where a tab follows the delimiter row (websolutespa's
        "|:-----|\t"); GFM reads one. The tab is given to it as a blank, byte for byte."""
        text = ending.join(["| a | b |", "|:--|:--|\t", "| 1 | ✅ |", ""])
        d = doc(text)
        table = d.blocks[0]
        assert isinstance(table, Table) and (table.start, table.end) == (0, 3)
        assert [c.inline.text for c in table.rows[0].cells] == ["1", "✅"]
        assert d.to_markdown() == text

    def test_padding_cell_stays_in_its_row(self) -> None:
        table = doc("| a | b |\n|---|---|\n| 1 |\n").blocks[0]
        assert isinstance(table, Table)
        assert [(c.start, c.end) for c in table.rows[0].cells] == [(2, 3), (2, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "> " * 5000 + "x\n",
        "".join("  " * i + "- [x] a\n" for i in range(3000)),
        "".join("  " * i + "- > [x] a\n" for i in range(500)),
        "# h\n" * 20000,
        "*" * 50000 + "a" + "*" * 50000 + "\n",
        "[" * 50000 + "\n",
        "- ✅ " + "word " * 100000 + "\n",
    ],
    ids=[
        "deep-quotes",
        "deep-lists",
        "deep-mixed",
        "many-headings",
        "emphasis",
        "brackets",
        "long-line",
    ],
)
def test_nasty_inputs_do_not_crash(text: str) -> None:
    import milepost

    roadmap = milepost.loads(text)
    roadmap.to_dict()
    assert roadmap.to_markdown() == text


def test_an_admonition_is_a_container_of_its_indented_blocks() -> None:
    """mkdocs-material's ``??? success "Title"`` and Python-Markdown's ``!!! note`` hold
    blocks indented four spaces under them, which CommonMark reads as the opening line's
    paragraph (no blank line) or as indented code (after one): here they are the blocks they
    render as, each on its own lines, and the text writes back the same."""
    text = (
        '# R\n\n??? success "Docs"\n    - [x] Overview\n        * [ ] Dashboard\n\n'
        "!!! note\n\n    Words.\n\n    - [ ] Later\n\n    ```\n    code\n    ```\n\n"
        "!!! note\nnot indented: a paragraph\n"
    )
    document = doc(text)
    assert spans(text) == [
        ("Heading", 0, 1),
        ("Admonition", 2, 5),
        ("Admonition", 6, 15),
        ("Paragraph", 16, 18),
    ]
    first, second = document.blocks[1], document.blocks[2]
    assert isinstance(first, BlockQuote) and isinstance(second, BlockQuote)
    # its title first, on its opening line ("Docs"; without one, its kind: "note")
    title, outer = first.children
    assert isinstance(title, Paragraph) and (title.start, title.inline.text) == (2, "Docs")
    assert isinstance(outer, ListBlock) and (outer.start, outer.end) == (3, 5)
    assert [(item.task, item.start) for item in outer.items] == [(True, 3)]
    assert [(type(b).__name__, b.start, b.end) for b in second.children] == [
        ("Paragraph", 6, 7),
        ("Paragraph", 8, 9),
        ("ListBlock", 10, 11),
        ("CodeBlock", 12, 15),
    ]
    kind = second.children[0]
    assert isinstance(kind, Paragraph) and kind.inline.text == "note"
    # one in another's body, indented under it, is one too, its lines where they stand
    nested = doc("??? tip\n    - [x] c\n\n    !!! note\n        - [ ] d\n")
    outer_box = nested.blocks[0]
    assert isinstance(outer_box, BlockQuote)
    inner_box = outer_box.children[-1]
    assert isinstance(inner_box, BlockQuote) and (inner_box.start, inner_box.end) == (3, 5)
    inner_list = inner_box.children[-1]
    assert isinstance(inner_list, ListBlock) and inner_list.items[0].start == 4
    assert document.to_markdown() == text
