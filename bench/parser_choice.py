"""Measure the two CommonMark parser candidates for milepost: markdown-it-py and pyromark.

    python bench/parser_choice.py [--shared ../shared] [--tracks 200 1000] [--repeats 5]

One run does four things and prints plain text (the tables are Markdown, ready for
docs/parser.md):

1. generates synthetic portfolios with the shared ``gen_corpus.py`` into a temporary directory;
2. times, on the dev corpus and on each portfolio, reading the files, markdown-it-py's bare
   parse, pyromark's event stream consumed in Python and pyromark's events kept in lists
   (garbage collector on and off), as medians of a few repeats with ratios to markdown-it-py;
3. checks fidelity: pyromark's UTF-8 byte ranges, turned into line numbers, against
   markdown-it-py's block ``map`` on every dev-corpus file, and on small hand-written cases
   against the lines they must land on;
4. counts the CommonMark spec examples each parser renders to the spec's expected HTML, when
   the spec data can be found offline (installed packages, or markdown-it-py's sdist from PyPI).

This is a study script, not a test: it exits 1 only when a check fails that the recommended
pipeline (see docs/parser.md) does not explain.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import gc
import importlib.metadata
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyromark
from markdown_it import MarkdownIt

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
)
# The recommended pipeline: same extensions, but front matter is found by milepost itself.
OPTIONS_NO_YAML = OPTIONS & ~pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS

REPO = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# Lines from UTF-8 byte offsets
# ---------------------------------------------------------------------------------------------

_NEWLINE = re.compile(rb"\r\n|\r|\n")


class LineIndex:
    """Maps UTF-8 byte offsets to 0-based line numbers (lines end with CRLF, CR or LF)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(data))]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def lines(self, start: int, end: int) -> tuple[int, int]:
        """Lines ``[first, last + 1)`` covered by bytes ``[start, end)``."""
        return self.line(start), self.line(max(start, end - 1)) + 1


def fix_range(index: LineIndex, start: int, end: int) -> tuple[int, int]:
    """The two range repairs pyromark needs (see docs/parser.md).

    * A range that starts on a line ending (a nested list whose marker follows a tab that is
      split between container and content) starts on the next line instead.
    * A range whose last, unfinished line holds only indentation or block-quote markers (a
      List's end runs into the prefix of the line after it) stops at that line's start.
    """
    data = index.data
    if start < end and data[start : start + 2] == b"\r\n":
        start += 2
    elif start < end and data[start : start + 1] in (b"\r", b"\n"):
        start += 1
    if end < len(data) and end > start:
        line_start = index.starts[index.line(end - 1)]
        if line_start > start and not data[line_start:end].strip(b" \t>"):
            end = line_start
    return start, end


# ---------------------------------------------------------------------------------------------
# Blocks as each parser reports them
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    """A block on lines ``[start, end)`` (0-based); ``raw`` is pyromark's byte range."""

    kind: str
    start: int
    end: int
    raw: tuple[int, int] | None = None
    tight: bool = False

    def label(self) -> str:
        tight = " (tight)" if self.tight else ""
        return f"{self.kind}{tight} lines {self.start + 1}-{max(self.end, self.start + 1)}"


PYROMARK_BLOCKS = {
    "Paragraph": "paragraph",
    "Heading": "heading",
    "List": "list",
    "Item": "item",
    "Table": "table",
    "TableHead": "row",
    "TableRow": "row",
    "TableCell": "cell",
    "BlockQuote": "blockquote",
    "CodeBlock": "code",
    "HtmlBlock": "html",
    "MetadataBlock": "front_matter",
    "FootnoteDefinition": "footnote",
    "DefinitionList": "deflist",
    "DefinitionListTitle": "deflist",
    "DefinitionListDefinition": "deflist",
}

MDIT_BLOCKS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "item",
    "table_open": "table",
    "tr_open": "row",
    "blockquote_open": "blockquote",
    "code_block": "code",
    "fence": "code",
    "html_block": "html",
    "hr": "rule",
}


def _name(value: object) -> str:
    """The variant name of a pyromark event or tag: a bare string or a one-key dict."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(next(iter(value)))
    raise TypeError(f"unexpected pyromark value {value!r}")


def front_matter_lines(text: str) -> int:
    """How many lines a YAML front matter block at the very top takes (0 if none).

    The rule pulldown-cmark applies, but only at the start of the file: a ``---`` line, a
    non-blank next line, and a closing ``---`` or ``...`` line.
    """
    lines = _NEWLINE.split(text.encode(), maxsplit=400)
    if len(lines) < 3 or lines[0].rstrip() != b"---" or not lines[1].strip():
        return 0
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (b"---", b"..."):
            return number + 1
    return 0


def blank_front_matter(text: str) -> tuple[str, int]:
    """``text`` with its front matter's bytes turned to spaces (line endings and every byte
    offset kept), and the number of lines it took."""
    count = front_matter_lines(text)
    if not count:
        return text, 0
    data = text.encode()
    index = LineIndex(data)
    cut = index.starts[count] if count < len(index.starts) else len(data)
    head = re.sub(rb"[^\r\n]", b" ", data[:cut])
    return (head + data[cut:]).decode(), count


def pyromark_blocks(text: str, *, recommended: bool = False, fix: bool = False) -> list[Block]:
    """Blocks from pyromark's event ranges, in document order.

    Tight list items have no Paragraph events (their inline events sit directly in the Item),
    so each run of inline events directly inside an Item becomes a ``tight`` paragraph, which
    is what markdown-it-py reports as a hidden paragraph.

    ``fix`` applies :func:`fix_range` and clamps every block into its parent's lines;
    ``recommended`` also turns ENABLE_YAML_STYLE_METADATA_BLOCKS off and finds front matter at
    the top of the file itself (the pipeline docs/parser.md recommends).
    """
    out: list[Block] = []
    options = OPTIONS
    if recommended:
        fix = True
        options = OPTIONS_NO_YAML
        text, count = blank_front_matter(text)
        if count:
            out.append(Block("front_matter", 0, count))
    index = LineIndex(text.encode())
    stack: list[tuple[str, int, int]] = []  # pyromark tag name, first line, end line
    run_at = -1  # where in ``out`` the tight paragraph being read goes (-1: none)
    run_start = run_end = 0

    def place(start: int, end: int) -> tuple[int, int]:
        if fix:
            start, end = fix_range(index, start, end)
        first, stop = index.lines(start, end)
        if fix and stack:
            _, parent_first, parent_stop = stack[-1]
            first = min(max(first, parent_first), max(parent_stop - 1, parent_first))
            stop = max(min(stop, parent_stop), first + 1)
        return first, stop

    def close_run() -> None:
        nonlocal run_at
        if run_at >= 0:
            first, stop = place(run_start, run_end)
            out[run_at] = Block("paragraph", first, stop, (run_start, run_end), tight=True)
            run_at = -1

    for event, span in pyromark.events_with_range(text, options=options):
        payload: object = event
        if isinstance(payload, dict):
            kind = next(iter(payload))
            if kind == "Start" or kind == "End":
                tag = _name(payload[kind])
                if tag in PYROMARK_BLOCKS:
                    close_run()
                    if kind == "End":
                        stack.pop()
                        continue
                    start, end = span["start"], span["end"]
                    first, stop = place(start, end)
                    out.append(Block(PYROMARK_BLOCKS[tag], first, stop, (start, end)))
                    stack.append((tag, first, stop))
                    continue
        elif payload == "Rule":
            close_run()
            out.append(
                Block("rule", *place(span["start"], span["end"]), (span["start"], span["end"]))
            )
            continue
        # An inline event (Text, Code, SoftBreak, TaskListMarker, Start/End of Emphasis, ...).
        if stack and stack[-1][0] == "Item":
            if run_at < 0:
                run_at, run_start = len(out), span["start"]
                out.append(Block("paragraph", 0, 0))  # placeholder, filled by close_run()
            run_end = max(run_end, span["end"])
    close_run()
    return out


def mdit_blocks(md: MarkdownIt, text: str) -> list[Block]:
    """Blocks from markdown-it-py's token maps (front matter, unknown to it, blanked first)."""
    text, count = blank_front_matter(text)
    out = [Block("front_matter", 0, count)] if count else []
    for token in md.parse(text):
        kind = MDIT_BLOCKS.get(token.type)
        if kind and token.map:
            out.append(Block(kind, token.map[0], token.map[1], tight=token.hidden))
    return out


# ---------------------------------------------------------------------------------------------
# Corpora and timing
# ---------------------------------------------------------------------------------------------


@dataclass
class Corpus:
    name: str
    paths: list[Path]
    texts: list[str]

    @property
    def lines(self) -> int:
        return sum(
            len(LineIndex(t.encode()).starts) - (1 if t.endswith(("\n", "\r")) else 0)
            for t in self.texts
        )

    @property
    def megabytes(self) -> float:
        return sum(len(t.encode()) for t in self.texts) / 1e6


def read_all(paths: Sequence[Path]) -> list[str]:
    """Read and decode files the way milepost will: bytes, strict UTF-8, BOM dropped."""
    return [p.read_bytes().decode("utf-8").removeprefix("\ufeff") for p in paths]


def load(name: str, root: Path) -> Corpus:
    paths = sorted(root.rglob("*.md"))
    return Corpus(name, paths, read_all(paths))


def generate(gen: Path, out: Path, tracks: int, seed: int) -> Path:
    target = out / f"tracks-{tracks}"
    done = subprocess.run(
        [sys.executable, str(gen), str(target), "--tracks", str(tracks), "--seed", str(seed)],
        check=True,
        capture_output=True,
        text=True,
    )
    summary = (done.stdout + done.stderr).strip().splitlines()
    print(f"generated: {summary[-1] if summary else target}")
    return target


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``work()``; what it returns is dropped outside the timed region."""
    times = []
    for _ in range(repeats):
        gc.collect()
        begin = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - begin)
        del result
    gc.collect()
    return statistics.median(times)


def timing_rows(corpus: Corpus, md: MarkdownIt, repeats: int) -> dict[str, float]:
    texts = corpus.texts
    events_with_range = pyromark.events_with_range

    def read() -> object:
        return read_all(corpus.paths)

    def mdit_parse() -> object:
        for text in texts:
            md.parse(text)
        return None

    def stream() -> object:
        for text in texts:
            for _ in events_with_range(text, options=OPTIONS):
                pass
        return None

    def list_per_file() -> object:
        for text in texts:
            list(events_with_range(text, options=OPTIONS))
        return None

    def lists_kept() -> object:
        return [list(events_with_range(text, options=OPTIONS)) for text in texts]

    def lists_kept_no_gc() -> object:
        gc.disable()
        try:
            return [list(events_with_range(text, options=OPTIONS)) for text in texts]
        finally:
            gc.enable()

    def lists_kept_frozen() -> object:
        kept = []
        try:
            for text in texts:
                kept.append(list(events_with_range(text, options=OPTIONS)))
                gc.freeze()
        finally:
            gc.unfreeze()
        return kept

    def blocks_kept() -> object:
        return [pyromark_blocks(text, recommended=True) for text in texts]

    def html_only() -> object:
        for text in texts:
            pyromark.html(text, options=OPTIONS)
        return None

    return {
        "read all files (bytes + UTF-8 decode)": median_seconds(read, repeats),
        "markdown-it-py bare parse": median_seconds(mdit_parse, repeats),
        "pyromark event stream consumed (`for _ in`)": median_seconds(stream, repeats),
        "pyromark `list(events)` per file, dropped, gc on": median_seconds(list_per_file, repeats),
        "pyromark lists kept for the whole corpus, gc on": median_seconds(lists_kept, repeats),
        "pyromark lists kept for the whole corpus, `gc.disable()`": median_seconds(
            lists_kept_no_gc, repeats
        ),
        "pyromark lists kept for the whole corpus, `gc.freeze()` after each file": median_seconds(
            lists_kept_frozen, repeats
        ),
        "pyromark + this script's block converter (prototype builder), kept, gc on": median_seconds(
            blocks_kept, repeats
        ),
        "pyromark.html (all in Rust, reference)": median_seconds(html_only, repeats),
    }


def report_timing(corpora: Sequence[Corpus], md: MarkdownIt, repeats: int) -> None:
    print(
        f"\n## Timing (median of {repeats} runs, one process, milliseconds; "
        "x = time / markdown-it-py's)"
    )
    print()
    for corpus in corpora:
        events = sum(
            1 for text in corpus.texts for _ in pyromark.events_with_range(text, options=OPTIONS)
        )
        print(
            f"- {corpus.name}: {len(corpus.paths):,} files, {corpus.lines:,} lines, "
            f"{corpus.megabytes:.1f} MB, {events:,} pyromark events"
        )
    print()
    results = []
    for corpus in corpora:
        started = time.perf_counter()
        results.append(timing_rows(corpus, md, repeats))
        print(f"  (timed {corpus.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    print()
    header = " | ".join(f"{c.name} ms | x" for c in corpora)
    print(f"| work | {header} |")
    print("| --- |" + " ---: | ---: |" * len(corpora))
    for work in results[0]:
        cells = []
        for row in results:
            base = row["markdown-it-py bare parse"]
            cells.append(f"{row[work] * 1000:,.1f} | {row[work] / base:.3f}")
        print(f"| {work} | " + " | ".join(cells) + " |")
    print()
    stream = "pyromark event stream consumed (`for _ in`)"
    kept = "pyromark lists kept for the whole corpus, gc on"
    kept_off = "pyromark lists kept for the whole corpus, `gc.disable()`"
    for corpus, row in zip(corpora, results, strict=True):
        base = row["markdown-it-py bare parse"]
        print(
            f"{corpus.name}: markdown-it-py is {base / row[stream]:.1f}x the pyromark stream, "
            f"{base / row[kept]:.1f}x lists kept (gc on), "
            f"{base / row[kept_off]:.1f}x lists kept (gc off)"
        )


# ---------------------------------------------------------------------------------------------
# Fidelity
# ---------------------------------------------------------------------------------------------


def diagnose(data: bytes, block: Block) -> str:
    """Why pyromark's raw range lands on other lines than markdown-it-py's map."""
    if block.raw is None:
        return "no raw range"
    start, end = block.raw
    if data[start : start + 1] in (b"\r", b"\n"):
        return "pyromark range starts on the previous line's line ending"
    index = LineIndex(data)
    line_start = index.starts[index.line(max(start, end - 1))]
    if end < len(data) and line_start > start and not data[line_start:end].strip(b" \t>"):
        return (
            f"pyromark range ends inside the next line's prefix {data[line_start:end].decode()!r}"
        )
    return "other"


@dataclass
class FileComparison:
    name: str
    blocks: int
    structure: list[str]  # disagreements in the sequence of blocks (kinds or start lines)
    ends: list[tuple[Block, Block, str]]  # markdown-it's, pyromark's, why the end lines differ


def compare_file(md: MarkdownIt, name: str, text: str, *, recommended: bool) -> FileComparison:
    mine = [b for b in pyromark_blocks(text, recommended=recommended) if b.kind != "cell"]
    theirs = mdit_blocks(md, text)
    if not recommended:  # raw pyromark reports front matter itself; markdown-it saw blanks
        theirs = [b for b in theirs if b.kind != "front_matter"]
        mine = [b for b in mine if not (b.kind == "front_matter" and b.start == 0)]
    data = text.encode()
    structure: list[str] = []
    ends: list[tuple[Block, Block, str]] = []
    keys_m = [(b.kind, b.start) for b in theirs]
    keys_p = [(b.kind, b.start) for b in mine]
    if keys_m != keys_p:
        matcher = difflib.SequenceMatcher(None, keys_m, keys_p, autojunk=False)
        for op, m0, m1, p0, p1 in matcher.get_opcodes():
            if op == "equal":
                continue
            left = ", ".join(b.label() for b in theirs[m0:m1][:3]) or "nothing"
            right = ", ".join(b.label() for b in mine[p0:p1][:3]) or "nothing"
            reasons = {diagnose(data, b) for b in mine[p0:p1]}
            if any(b.kind == "front_matter" for b in mine[p0:p1]):
                reasons = {"MetadataBlock in mid-document (pulldown-cmark issue #1000)"}
            structure.append(
                f"markdown-it {left} / pyromark {right}: " + "; ".join(sorted(reasons))
            )
        pairs = [
            (theirs[m0 + i], mine[p0 + i])
            for op, m0, m1, p0, _ in matcher.get_opcodes()
            if op == "equal"
            for i in range(m1 - m0)
        ]
    else:
        pairs = list(zip(theirs, mine, strict=True))
    for other, block in pairs:
        if other.end != block.end:
            ends.append((other, block, diagnose(data, block)))
    return FileComparison(name, len(mine), structure, ends)


def report_corpus_fidelity(md: MarkdownIt, corpus: Corpus, *, show_files: bool) -> bool:
    """Print PASS/FAIL lines for one corpus; True when the recommended pipeline agrees."""
    ok = True
    for recommended in (False, True):
        label = (
            "recommended pipeline (range repairs, own front matter)"
            if recommended
            else "raw pyromark ranges"
        )
        results = [
            compare_file(md, p.name, t, recommended=recommended)
            for p, t in zip(corpus.paths, corpus.texts, strict=True)
        ]
        blocks = sum(r.blocks for r in results)
        kinds = Counter(
            b.kind
            for t in corpus.texts
            for b in pyromark_blocks(t, recommended=True)
            if b.kind != "cell"
        )
        if not recommended:
            print(
                f"{corpus.name}: {len(results)} files, {blocks:,} blocks compared ("
                + ", ".join(f"{k} {n:,}" for k, n in sorted(kinds.items()))
                + ")"
            )
        bad_start = [r for r in results if r.structure]
        bad_end = [r for r in results if r.ends]
        status = "PASS" if not bad_start else "FAIL"
        print(
            f"{status}  [{label}] block kinds and start lines agree on "
            f"{len(results) - len(bad_start)}/{len(results)} files"
        )
        if show_files or recommended:
            for r in bad_start:
                for line in r.structure[:3]:
                    print(f"        {r.name}: {line}")
        status = "PASS" if not bad_end else "FAIL"
        pairs = [pair for r in results for pair in r.ends]
        print(
            f"{status}  [{label}] end lines agree on {len(results) - len(bad_end)}/"
            f"{len(results)} files ({len(pairs)} blocks differ: "
            + (
                ", ".join(f"{k} {n}" for k, n in Counter(p.kind for _, p, _ in pairs).items())
                or "none"
            )
            + ")"
        )
        if show_files or recommended:
            for r in bad_end:
                for theirs, mine, why in r.ends[:3]:
                    print(
                        f"        {r.name}: markdown-it {theirs.label()} / pyromark "
                        f"{mine.label()}: {why}"
                    )
        if recommended and (bad_start or bad_end):
            ok = False
    return ok


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    expected: tuple[tuple[str, int, int], ...]  # (kind, first line, end line), 0-based [ )
    cells: bool = False
    note: str = ""


T = "(tight)"

CASES: tuple[Case, ...] = (
    Case(
        "CRLF line endings",
        "# Title\r\n\r\nPara one\r\nline two\r\n\r\n- a\r\n- b\r\n",
        (
            ("heading", 0, 1),
            ("paragraph", 2, 4),
            ("list", 5, 7),
            ("item", 5, 6),
            ("paragraph", 5, 6),
            ("item", 6, 7),
            ("paragraph", 6, 7),
        ),
    ),
    Case(
        "bare CR line endings",
        "# Title\r\rPara one\rline two\r\r- a\r- b\r",
        (
            ("heading", 0, 1),
            ("paragraph", 2, 4),
            ("list", 5, 7),
            ("item", 5, 6),
            ("paragraph", 5, 6),
            ("item", 6, 7),
            ("paragraph", 6, 7),
        ),
    ),
    Case(
        "mixed line endings",
        "# T\r\npara\rtwo\nthree\r\n\r> q\n",
        (("heading", 0, 1), ("paragraph", 1, 4), ("blockquote", 5, 6), ("paragraph", 5, 6)),
    ),
    Case(
        "tabs",
        "#\tTab heading\n\n-\tone\n\n\tcontinued\n\n>\tquote\n\n\tcode block\n",
        (
            ("heading", 0, 1),
            ("list", 2, 6),
            ("item", 2, 6),
            ("paragraph", 2, 3),
            ("paragraph", 4, 5),
            ("blockquote", 6, 7),
            ("paragraph", 6, 7),
            ("code", 8, 9),
        ),
    ),
    Case(
        "tab before a nested list marker",
        "- a\n\t- b\n",
        (
            ("list", 0, 2),
            ("item", 0, 2),
            ("paragraph", 0, 1),
            ("list", 1, 2),
            ("item", 1, 2),
            ("paragraph", 1, 2),
        ),
        note="pyromark's nested List/Item range starts at the line ending of line 1",
    ),
    Case(
        "setext headings",
        "Title\n=====\n\nSub title\n---------\n\ntext\n",
        (("heading", 0, 2), ("heading", 3, 5), ("paragraph", 6, 7)),
    ),
    Case(
        "HTML blocks",
        '<div align="center">\n  <img src="x.png">\n</div>\n\n<!-- status: draft -->\n\n'
        "<details>\n<summary>More</summary>\n\n- item\n\n</details>\n",
        (
            ("html", 0, 3),
            ("html", 4, 5),
            ("html", 6, 8),
            ("list", 9, 11),
            ("item", 9, 11),
            ("paragraph", 9, 10),
            ("html", 11, 12),
        ),
    ),
    Case(
        "YAML front matter",
        '---\ntitle: Roadmap\nowner: "@alice"\n---\n\n# Roadmap\n',
        (("front_matter", 0, 4), ("heading", 5, 6)),
    ),
    Case(
        "YAML front matter, CRLF, no blank line after",
        "---\r\ntitle: Roadmap\r\n...\r\n# Roadmap\r\n",
        (("front_matter", 0, 3), ("heading", 3, 4)),
    ),
    Case(
        "`---` separators in the body (not front matter)",
        "# Roadmap\n\nIntro.\n\n---\n## Q1\n\nDone.\n\n---\n## Q2\n\nNext.\n",
        (
            ("heading", 0, 1),
            ("paragraph", 2, 3),
            ("rule", 4, 5),
            ("heading", 5, 6),
            ("paragraph", 7, 8),
            ("rule", 9, 10),
            ("heading", 10, 11),
            ("paragraph", 12, 13),
        ),
        note="ENABLE_YAML_STYLE_METADATA_BLOCKS takes lines 5-10 as a MetadataBlock",
    ),
    Case(
        "table without leading pipes",
        "Milestone | Status\n--- | ---\nM1 | done\nM2 | planned\n\nafter\n",
        (("table", 0, 4), ("row", 0, 1), ("row", 2, 3), ("row", 3, 4), ("paragraph", 5, 6)),
    ),
    Case(
        "table row with a missing cell",
        "| a | b |\n|---|---|\n| 1 |\n",
        (
            ("table", 0, 3),
            ("row", 0, 1),
            ("cell", 0, 1),
            ("cell", 0, 1),
            ("row", 2, 3),
            ("cell", 2, 3),
            ("cell", 2, 3),
        ),
        cells=True,
        note="the padding TableCell has the empty range just past the row's line ending",
    ),
    Case(
        "nested lists",
        "- a\n  - b\n    - c\n- d\n\n  para in d\n1. x\n   1. y\n",
        (
            ("list", 0, 6),
            ("item", 0, 3),
            ("paragraph", 0, 1),
            ("list", 1, 3),
            ("item", 1, 3),
            ("paragraph", 1, 2),
            ("list", 2, 3),
            ("item", 2, 3),
            ("paragraph", 2, 3),
            ("item", 3, 6),
            ("paragraph", 3, 4),
            ("paragraph", 5, 6),
            ("list", 6, 8),
            ("item", 6, 8),
            ("paragraph", 6, 7),
            ("list", 7, 8),
            ("item", 7, 8),
            ("paragraph", 7, 8),
        ),
    ),
    Case(
        "headings inside list items",
        "- # H1 in item\n  text\n- ## H2\n",
        (
            ("list", 0, 3),
            ("item", 0, 2),
            ("heading", 0, 1),
            ("paragraph", 1, 2),
            ("item", 2, 3),
            ("heading", 2, 3),
        ),
    ),
    Case(
        "list followed by an indented paragraph",
        "- a\n\n para\n",
        (("list", 0, 2), ("item", 0, 2), ("paragraph", 0, 1), ("paragraph", 2, 3)),
        note="pyromark's List range ends after the next line's leading space",
    ),
    Case(
        "list inside a block quote",
        "> - a\n>\n> b\n",
        (
            ("blockquote", 0, 3),
            ("list", 0, 2),
            ("item", 0, 2),
            ("paragraph", 0, 1),
            ("paragraph", 2, 3),
        ),
        note="pyromark's List range ends after the next line's '> '",
    ),
    Case(
        "fenced code in a list item, then a rule",
        "- a\n\n  ```sh\n  make\n  ```\n\n***\n",
        (("list", 0, 6), ("item", 0, 6), ("paragraph", 0, 1), ("code", 2, 5), ("rule", 6, 7)),
    ),
    Case(
        "non-ASCII text (byte, not character, offsets)",
        "# 🚀 Ünïcode\n\n- ✅ done\n- [x] täsk\n\n| 状态 | ✓ |\n|---|---|\n| 进行中 | ✗ |\n",
        (
            ("heading", 0, 1),
            ("list", 2, 5),
            ("item", 2, 3),
            ("paragraph", 2, 3),
            ("item", 3, 5),
            ("paragraph", 3, 4),
            ("table", 5, 8),
            ("row", 5, 6),
            ("row", 7, 8),
        ),
    ),
    Case(
        "file without final newline",
        "# T\n\npara\nwithout newline",
        (("heading", 0, 1), ("paragraph", 2, 4)),
    ),
    Case(
        "table and list at EOF without newline",
        "| a |\n|---|\n| 1 |\n\n- x\n- y",
        (
            ("table", 0, 3),
            ("row", 0, 1),
            ("row", 2, 3),
            ("list", 4, 6),
            ("item", 4, 5),
            ("paragraph", 4, 5),
            ("item", 5, 6),
            ("paragraph", 5, 6),
        ),
    ),
)


def report_cases(md: MarkdownIt) -> bool:
    """One PASS/FAIL line per case for raw ranges; notes for the repaired pipeline."""
    ok = True
    for case in CASES:

        def keep(block: Block, case: Case = case) -> bool:
            return case.cells or block.kind != "cell"

        want = list(case.expected)
        raw = [(b.kind, b.start, b.end) for b in pyromark_blocks(case.text) if keep(b)]
        fixed = [
            (b.kind, b.start, b.end)
            for b in pyromark_blocks(case.text, recommended=True)
            if keep(b)
        ]
        theirs = [(b.kind, b.start, b.end) for b in mdit_blocks(md, case.text)]
        mdit_note = (
            "markdown-it-py agrees"
            if theirs == [w for w in want if w[0] != "cell"]
            else "markdown-it-py differs"
        )
        if raw == want:
            print(f"PASS  {case.name}: {len(want)} blocks on the right lines ({mdit_note})")
        else:
            first = next(
                (i for i, (a, b) in enumerate(zip(raw, want, strict=False)) if a != b),
                min(len(raw), len(want)),
            )
            got = raw[first] if first < len(raw) else "nothing"
            exp = want[first] if first < len(want) else "nothing"
            print(
                f"FAIL  {case.name}: raw ranges give {got} where {exp} is right"
                f" (lines 0-based, end exclusive) -- {case.note or 'unexplained'}"
            )
            if fixed == want:
                print(f"        recommended pipeline: PASS ({mdit_note})")
            else:
                print(f"        recommended pipeline: FAIL {fixed}")
                ok = False
        if fixed != want and raw == want:
            print(f"FAIL  {case.name}: recommended pipeline gives {fixed}")
            ok = False
    return ok


# ---------------------------------------------------------------------------------------------
# CommonMark conformance
# ---------------------------------------------------------------------------------------------

SpecExample = dict[str, object]


def _valid_spec(data: object) -> list[SpecExample] | None:
    if (
        isinstance(data, list)
        and len(data) > 100
        and isinstance(data[0], dict)
        and {"markdown", "html"} <= set(data[0])
    ):
        return data
    return None


def find_spec(
    explicit: Path | None, workdir: Path, download: bool
) -> tuple[list[SpecExample] | None, str]:
    """The CommonMark spec examples and where they came from, or None and why not."""
    if explicit is not None:
        return _valid_spec(json.loads(explicit.read_text(encoding="utf-8"))), str(explicit)
    for entry in sys.path:
        root = Path(entry)
        if not root.is_dir() or root == REPO:
            continue
        for name in ("commonmark.json", "spec.json"):
            for path in root.rglob(name):
                try:
                    found = _valid_spec(json.loads(path.read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    continue
                if found:
                    return found, str(path)
    if not download:
        return None, "not installed; --no-download given"
    version = importlib.metadata.version("markdown-it-py")
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--no-binary",
        ":all:",
        "--quiet",
        "-d",
        str(workdir),
        f"markdown-it-py=={version}",
    ]
    try:
        subprocess.run(command, check=True, timeout=120, capture_output=True)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"pip download of the markdown-it-py sdist failed: {exc}"
    for archive in workdir.glob("markdown_it_py-*.tar.gz"):
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if member.name.endswith("tests/test_cmark_spec/commonmark.json"):
                    handle = tar.extractfile(member)
                    if handle is not None:
                        found = _valid_spec(json.loads(handle.read().decode("utf-8")))
                        if found:
                            return found, f"{archive.name}:{member.name} (pip download)"
    return None, "markdown-it-py sdist has no tests/test_cmark_spec/commonmark.json"


def _whitespace(html: str) -> str:
    """Trivial whitespace only: line-end blanks, leading/trailing blank lines, and newlines
    or blanks between two tags."""
    html = "\n".join(line.rstrip() for line in html.strip().splitlines())
    return re.sub(r">\s+<", "><", html)


def _equivalent(html: str) -> str:
    """Also ``&quot;`` in text = ``"``: a serialisation choice, the same HTML document."""
    return _whitespace(html).replace("&quot;", '"')


def report_spec(examples: list[SpecExample] | None, origin: str) -> None:
    print("\n## CommonMark conformance")
    if examples is None:
        print(f"No CommonMark spec data obtainable offline ({origin}): conformance not measured.")
        return
    sections = Counter(str(e.get("section", "")) for e in examples)
    print(f"{len(examples)} examples in {len(sections)} sections from {origin}")
    md_plain = MarkdownIt("commonmark")
    md_table = MarkdownIt("commonmark").enable("table")
    renderers: list[tuple[str, Callable[[str], str]]] = [
        ("pyromark.html(md)", pyromark.html),
        ("MarkdownIt('commonmark').render(md)", md_plain.render),
        ("pyromark.html(md, options=milepost's)", lambda m: pyromark.html(m, options=OPTIONS)),
        ("MarkdownIt('commonmark').enable('table')", md_table.render),
    ]
    print()
    print('| renderer | exact | whitespace-normalised | + `&quot;` = `"` |')
    print("| --- | ---: | ---: | ---: |")
    failures: dict[str, list[SpecExample]] = {}
    for label, render in renderers:
        exact = normal = same = 0
        failed: list[SpecExample] = []
        for example in examples:
            got, want = render(str(example["markdown"])), str(example["html"])
            exact += got == want
            normal += _whitespace(got) == _whitespace(want)
            if _equivalent(got) == _equivalent(want):
                same += 1
            else:
                failed.append(example)
        failures[label] = failed
        n = len(examples)
        print(f"| {label} | {exact}/{n} | {normal}/{n} | {same}/{n} |")
    print()
    for label, failed in failures.items():
        if failed:
            listed = ", ".join(f"#{e['example']} ({e.get('section', '')})" for e in failed[:8])
            print(f"{label}: not equivalent on {listed}")
    plain = pyromark.html
    quot = [
        e
        for e in examples
        if _whitespace(plain(str(e["markdown"]))) != _whitespace(str(e["html"]))
        and _equivalent(plain(str(e["markdown"]))) == _equivalent(str(e["html"]))
    ]
    print(
        f"pyromark differs only by writing '\"' for '&quot;' (or tag spacing) on "
        f"{len(quot)} examples, e.g. #" + ", #".join(str(e["example"]) for e in quot[:6])
    )


# ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared",
        help="the shared directory (corpus/dev, bench/gen_corpus.py)",
    )
    parser.add_argument(
        "--tracks",
        type=int,
        nargs="*",
        default=[200, 1000],
        help="synthetic portfolio sizes to generate (default: 200 1000)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--spec", type=Path, help="a CommonMark spec JSON file to use")
    parser.add_argument(
        "--no-download",
        action="store_true",
        help="do not pip-download the markdown-it-py sdist for spec data",
    )
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument(
        "--verbose", action="store_true", help="list every raw-range disagreement on the corpora"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    shared: Path = args.shared.resolve()
    gen = shared / "bench" / "gen_corpus.py"
    dev = shared / "corpus" / "dev"
    if not gen.is_file() or not dev.is_dir():
        print(f"error: {shared} has no bench/gen_corpus.py or corpus/dev", file=sys.stderr)
        return 2
    started = time.perf_counter()
    print("# parser_choice: markdown-it-py vs pyromark")
    print(
        f"python {sys.version.split()[0]}, pyromark {pyromark.__version__}, "
        f"markdown-it-py {importlib.metadata.version('markdown-it-py')}"
    )
    md = MarkdownIt("commonmark").enable("table")
    md.parse("# warm up\n\n| a |\n|---|\n| 1 |\n")
    for _ in pyromark.events_with_range("# warm up\n", options=OPTIONS):
        pass
    ok = True
    with tempfile.TemporaryDirectory(prefix="parser_choice-") as tmp:
        workdir = Path(tmp)
        corpora = [load("dev", dev)]
        for tracks in args.tracks:
            root = generate(gen, workdir, tracks, args.seed)
            corpora.append(load(f"{tracks:,} tracks", root))
        if not args.skip_timing:
            report_timing(corpora, md, args.repeats)

        print("\n## Fidelity: pyromark byte ranges as lines vs markdown-it-py block maps")
        print()
        ok &= report_corpus_fidelity(md, corpora[0], show_files=True)
        if len(corpora) > 1:
            ok &= report_corpus_fidelity(md, corpora[1], show_files=args.verbose)

        print("\n## Fidelity: small cases (expected lines written by hand)")
        print()
        ok &= report_cases(md)

        examples, origin = find_spec(args.spec, workdir, not args.no_download)
        report_spec(examples, origin)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
