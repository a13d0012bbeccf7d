"""Bytes to text and back: decode, then encode, must give the very same bytes.

Test inputs are ``bytes`` literals, not data files, so git's end-of-line handling can never
rewrite the CRLF and CR cases under us.
"""

from __future__ import annotations

import hashlib
import itertools
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from milepost.errors import SourceError
from milepost.source import Source, decode, encode, split_lines

# Characters that ``str.splitlines`` treats as line breaks but CommonMark does not.
NOT_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"

# (id, bytes, lines, encoding, bom, newline, final_newline)
ROUND_TRIPS = [
    ("empty", b"", 0, "utf-8", False, "\n", False),
    ("lf", b"# Plan\n\n- [ ] ship\n", 3, "utf-8", False, "\n", True),
    ("lf-no-final", b"# Plan\n\n- [ ] ship", 3, "utf-8", False, "\n", False),
    ("crlf", b"# Plan\r\n\r\n- [ ] ship\r\n", 3, "utf-8", False, "\r\n", True),
    ("crlf-no-final", b"# Plan\r\n- [ ] ship", 2, "utf-8", False, "\r\n", False),
    ("cr", b"# Plan\r\r- [ ] ship\r", 3, "utf-8", False, "\r", True),
    ("cr-no-final", b"# Plan\r- [ ] ship", 2, "utf-8", False, "\r", False),
    ("mixed", b"a\r\nb\nc\rd\r\ne", 5, "utf-8", False, "\r\n", False),
    ("lf-then-cr-pair", b"a\n\rb", 3, "utf-8", False, "\n", False),
    ("blank-lines-only", b"\n\n\n", 3, "utf-8", False, "\n", True),
    ("single-line-ending", b"\r\n", 1, "utf-8", False, "\r\n", True),
    ("trailing-whitespace", b"a  \nb\t\n  \n \t ", 4, "utf-8", False, "\n", False),
    ("utf8-bom", b"\xef\xbb\xbf# Plan\n- \xe2\x9c\x85 done\n", 2, "utf-8", True, "\n", True),
    ("utf8-bom-crlf", b"\xef\xbb\xbfa\r\nb", 2, "utf-8", True, "\r\n", False),
    ("utf8-bom-only", b"\xef\xbb\xbf", 0, "utf-8", True, "\n", False),
    ("non-ascii", "caf\u00e9 \u2014 \U0001f680\n".encode(), 1, "utf-8", False, "\n", True),
    ("form-feed", b"a\x0cb\n\x0c\n", 2, "utf-8", False, "\n", True),
    ("line-separator", "a\u2028b\u2029c\n".encode(), 1, "utf-8", False, "\n", True),
    ("nel", "a\x85b\r\nc".encode(), 2, "utf-8", False, "\r\n", False),
    ("all-not-breaks", f"x{NOT_BREAKS}y\nz".encode(), 2, "utf-8", False, "\n", False),
    (
        "utf16-le-bom",
        b"\xff\xfe" + "# Plan\r\n- caf\u00e9\r\n".encode("utf-16-le"),
        2,
        "utf-16-le",
        True,
        "\r\n",
        True,
    ),
    (
        "utf16-be-bom",
        b"\xfe\xff" + "# Plan\n- \U0001f680 x".encode("utf-16-be"),
        2,
        "utf-16-be",
        True,
        "\n",
        False,
    ),
    ("utf16-le-bom-only", b"\xff\xfe", 0, "utf-16-le", True, "\n", False),
    # U+FEFF further in is text (a zero-width no-break space); leading, see the BOM errors.
    ("utf8-inner-feff", b"\xef\xbb\xbfa\xef\xbb\xbf", 1, "utf-8", True, "\n", False),
]


@pytest.mark.parametrize(
    ("data", "lines", "encoding", "bom", "newline", "final_newline"),
    [pytest.param(*case[1:], id=case[0]) for case in ROUND_TRIPS],
)
def test_round_trip_is_byte_exact(
    data: bytes, lines: int, encoding: str, bom: bool, newline: str, final_newline: bool
) -> None:
    source = decode(data, path="roadmap.md")

    assert encode(source) == data
    assert source.encoding == encoding
    assert source.bom is bom
    assert source.path == "roadmap.md"
    assert len(source.lines) == lines
    assert "".join(source.lines) == source.text
    assert source.newline == newline
    assert source.final_newline is final_newline


def test_text_keeps_every_line_ending_as_written() -> None:
    source = decode(b"a\r\nb\nc\rd")

    assert source.text == "a\r\nb\nc\rd"
    assert source.lines == ("a\r\n", "b\n", "c\r", "d")


def test_bom_is_not_part_of_the_text() -> None:
    assert decode(b"\xef\xbb\xbf# T\n").text == "# T\n"
    assert decode(b"\xff\xfe#\x00\n\x00").text == "#\n"
    assert decode(b"\xfe\xff\x00#\x00\n").text == "#\n"


@pytest.mark.parametrize("char", list(NOT_BREAKS))
def test_split_lines_does_not_split_on_unicode_breaks(char: str) -> None:
    text = f"- [ ] one{char}still one\n- [ ] two\n"

    assert split_lines(text) == [f"- [ ] one{char}still one\n", "- [ ] two\n"]
    assert len(text.splitlines()) == 3  # what str.splitlines would have done


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", []),
        ("a", ["a"]),
        ("\n", ["\n"]),
        ("\r", ["\r"]),
        ("\r\n", ["\r\n"]),
        ("\n\r", ["\n", "\r"]),
        ("\r\r\n", ["\r", "\r\n"]),
        ("a\nb", ["a\n", "b"]),
        ("a\n\n", ["a\n", "\n"]),
    ],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines


@pytest.mark.parametrize(
    ("text", "newline"),
    [
        ("", "\n"),
        ("no line ending", "\n"),
        ("a\nb\nc\r\n", "\n"),
        ("a\r\nb\r\nc\n", "\r\n"),
        ("a\rb\rc\r\nd\n", "\r"),
        ("a\r\nb\r\n\r\nc\rd\re\r", "\r\n"),
        ("a\nb\r\n", "\n"),  # a tie goes to LF
        ("a\r\nb\r", "\r\n"),  # CRLF before CR on a tie
    ],
)
def test_newline_is_the_majority_style(text: str, newline: str) -> None:
    assert Source(text).newline == newline


def test_with_text_keeps_file_properties() -> None:
    source = decode(b"\xff\xfe" + "a\r\n".encode("utf-16-le"), path="r.md")
    changed = source.with_text("b\r\n")

    assert (changed.path, changed.encoding, changed.bom) == ("r.md", "utf-16-le", True)
    assert encode(changed) == b"\xff\xfe" + "b\r\n".encode("utf-16-le")


def test_from_text_is_plain_utf8() -> None:
    source = Source.from_text("caf\u00e9\n", path="x.md")

    assert encode(source) == b"caf\xc3\xa9\n"
    assert source.path == "x.md"


def test_digest_is_of_the_encoded_bytes() -> None:
    data = b"\xef\xbb\xbfa\r\n"
    assert decode(data).digest == hashlib.sha256(data).hexdigest()


def test_leading_zero_width_no_break_space_reads_back_as_a_bom() -> None:
    # UTF-8 cannot tell a leading U+FEFF from a BOM; the bytes still survive unchanged.
    data = encode(Source("\ufeffa\n"))
    source = decode(data)

    assert source.bom is True
    assert source.text == "a\n"
    assert encode(source) == data


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "offset"),
    [
        pytest.param(b"\xff", 1, 0, id="first-byte"),
        pytest.param(b"ok\n\xff\xfe", 2, 3, id="lf"),
        pytest.param(b"a\r\nb\r\nc \xc3(", 3, 8, id="crlf"),
        pytest.param(b"a\rb\rc\x80", 3, 5, id="bare-cr"),
        pytest.param(b"a\n\rb\xe2\x82", 3, 4, id="truncated-sequence"),
        pytest.param(b"\xef\xbb\xbfok\n\xff", 2, 6, id="offset-counts-the-bom"),
        pytest.param(b"\xc3\xa9\n\xed\xa0\x80", 2, 3, id="encoded-surrogate"),
        pytest.param(b"\xf8\x88\x80\x80\x80", 1, 0, id="five-byte-form"),
        pytest.param(b"\xc0\xaf", 1, 0, id="overlong"),
    ],
)
def test_undecodable_bytes_name_path_line_and_offset(data: bytes, line: int, offset: int) -> None:
    with pytest.raises(SourceError) as info:
        decode(data, path="docs/roadmap.md")

    error = info.value
    assert error.path == "docs/roadmap.md"
    assert error.line == line
    assert str(error).startswith(f"docs/roadmap.md:{line}: ")
    assert f"byte {offset} (0x{data[offset]:02x})" in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("data", "line", "offset"),
    [
        # A lone high surrogate: offset 6 in the file, after the BOM and "a\n".
        pytest.param(b"\xff\xfea\x00\n\x00\x00\xd8", 2, 6, id="le-lone-surrogate"),
        pytest.param(b"\xfe\xff\x00a\x00\r\xdc\x00", 2, 6, id="be-lone-low-surrogate"),
        pytest.param(b"\xff\xfea\x00b", 1, 4, id="le-odd-length"),
        # U+0A0A has 0x0a bytes in it but is not a line feed.
        pytest.param(b"\xff\xfe\x0a\x0a\x0a\x0a\x00\xd8", 1, 6, id="le-0a-bytes-are-not-lf"),
    ],
)
def test_undecodable_utf16(data: bytes, line: int, offset: int) -> None:
    with pytest.raises(SourceError) as info:
        decode(data, path="r.md")

    assert info.value.line == line
    assert f"byte {offset} " in str(info.value)
    assert "utf-16" in str(info.value)


@pytest.mark.parametrize(
    ("data", "line", "offset"),
    [
        pytest.param(b"\x00", 1, 0, id="only-nul"),
        pytest.param(b"PK\x03\x04\x00\x00", 1, 4, id="zip-header"),
        pytest.param(b"a\rb\r\n\xc3\xa9\x00", 3, 7, id="offset-is-in-bytes"),
        pytest.param(b"\xef\xbb\xbfa\n\x00", 2, 5, id="utf8-bom"),
        pytest.param(b"\xff\xfea\x00\n\x00\x00\x00", 2, 6, id="utf16-le"),
        # not UTF-8 either, and said as binary all the same (not "re-save the file as UTF-8")
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 8, id="png-header"),
        pytest.param(b"# T\n\xe5\xff\n\xc3\xa9\x00", 3, 9, id="bad-utf8-before-nul"),
    ],
)
def test_nul_is_refused_as_binary(data: bytes, line: int, offset: int) -> None:
    with pytest.raises(SourceError) as info:
        decode(data, path="logo.png")

    assert str(info.value).startswith(f"logo.png:{line}: ")
    assert f"byte {offset}:" in str(info.value)
    assert "binary" in str(info.value)


UTF8_TEXT = "# Plan\n\n- \u2705 done\n".encode()
_STRAY_UTF16 = ("UTF-16 byte order mark", "delete bytes 0-1")
_UTF32 = ("UTF-32", "re-save the file as UTF-8")
# (id, bytes, offset, what the message says, its hint)
CONFUSED_BOMS = [
    # A UTF-16 mark before UTF-8 text: read as UTF-16 it was CJK noise (even length) or
    # "cannot decode byte N as utf-16-le" with the hint to re-save as UTF-8 (odd length).
    ("le", b"\xff\xfe" + UTF8_TEXT, 0, *_STRAY_UTF16),
    ("le-even", b"\xff\xfe" + UTF8_TEXT + b"\n", 0, *_STRAY_UTF16),
    ("be", b"\xfe\xff" + UTF8_TEXT, 0, *_STRAY_UTF16),
    ("le-then-utf8-bom", b"\xff\xfe\xef\xbb\xbf" + UTF8_TEXT, 0, *_STRAY_UTF16),
    # A second mark after the first: the first line's heading would not read as one.
    ("utf8-twice", b"\xef\xbb\xbf" * 2 + UTF8_TEXT, 3, "second byte order mark", "bytes 3-5"),
    ("utf16-twice", "\ufeff#\n".encode("utf-16"), 2, "second byte order mark", "bytes 2-3"),
    # UTF-32 was "NUL character ...: this looks like a binary file".
    ("utf32-le", b"\xff\xfe\x00\x00" + "# Plan\n".encode("utf-32-le"), 0, *_UTF32),
    ("utf32-be", b"\x00\x00\xfe\xff" + "# Plan\n".encode("utf-32-be"), 0, *_UTF32),
]


@pytest.mark.parametrize(
    ("data", "offset", "said", "hint"),
    [case[1:] for case in CONFUSED_BOMS],
    ids=[case[0] for case in CONFUSED_BOMS],
)
def test_confused_byte_order_marks_are_named_not_guessed(
    data: bytes, offset: int, said: str, hint: str
) -> None:
    with pytest.raises(SourceError) as info:
        decode(data, path="docs/roadmap.md")

    message = str(info.value)
    assert message.startswith("docs/roadmap.md:1: ")
    assert f"byte {offset}" in message and said in message and hint in message
    assert "\n" not in message


def test_utf16_without_ascii_is_still_utf16() -> None:
    # Genuine UTF-16 text always has NUL bytes where ASCII is (a newline, a "#"): a body that
    # has some is UTF-16, whatever else it might decode as.
    data = b"\xff\xfe" + "# \u8def\u7ebf\u56fe\n".encode("utf-16-le")
    assert decode(data).text == "# \u8def\u7ebf\u56fe\n"


def test_error_without_path_still_reads() -> None:
    with pytest.raises(SourceError, match=r"^cannot decode byte 0 \(0xff\)"):
        decode(b"\xff")


def test_oversized_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("milepost.source.MAX_BYTES", 8)

    with pytest.raises(SourceError, match="larger than milepost reads") as info:
        decode(b"123456789", path="big.md")
    assert info.value.path == "big.md"
    assert decode(b"12345678").text == "12345678"


# --- properties ---------------------------------------------------------------------------

# Text made mostly of line-break-ish characters, so the interesting cases come up often.
_TRICKY = st.text(alphabet=st.sampled_from(f"ab \t\r\n\u00e9\U0001f680\ufeff{NOT_BREAKS}"))
TEXTS = st.one_of(st.text(), _TRICKY)
ENCODINGS = [("utf-8", False), ("utf-8", True), ("utf-16-le", True), ("utf-16-be", True)]
BOMS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
@settings(deadline=None)
@given(text=TEXTS)
@example(text="a\r\n\rb\n")
@example(text="a\ufeff")
def test_any_text_round_trips(encoding: str, bom: bool, text: str) -> None:
    if "\x00" in text or text.startswith("\ufeff") or _utf8_behind_utf16_mark(text, encoding):
        # NUL is refused as binary; a leading U+FEFF is read as a BOM (see above) or, after
        # one, refused as a second; UTF-16 without a single ASCII character reads as UTF-8.
        return
    source = Source(text, encoding=encoding, bom=bom)

    back = decode(encode(source))

    assert back.text == text
    assert (back.encoding, back.bom) == (encoding, bom)
    assert encode(back) == encode(source)


def _utf8_behind_utf16_mark(text: str, encoding: str) -> bool:
    body = text.encode(encoding)
    if not encoding.startswith("utf-16") or not body or b"\x00" in body:
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(deadline=None)
@given(
    data=st.one_of(
        st.binary(),
        st.tuples(BOMS, st.binary()).map(b"".join),
        st.tuples(BOMS, TEXTS.map(str.encode), st.binary(max_size=3)).map(b"".join),
        st.tuples(BOMS, TEXTS.map(lambda text: text.encode("utf-16-le"))).map(b"".join),
        st.tuples(BOMS, TEXTS.map(lambda text: text.encode("utf-16-be"))).map(b"".join),
    )
)
@example(data=b"\xff\xfe\x00\xd8")
@example(data=b"\xef\xbb\xbf\xef\xbb\xbf")
@example(data=b"\xfe\xff\xfe\xff")
def test_any_bytes_round_trip_or_raise(data: bytes) -> None:
    try:
        source = decode(data, path="fuzz.md")
    except SourceError as error:
        failure: SourceError | None = error
    else:
        failure = None
        assert encode(source) == data
        assert "\x00" not in source.text
    if failure is not None:
        assert str(failure).startswith("fuzz.md:")
        assert failure.line is not None
        assert failure.line >= 1


_BREAK = re.compile(r"\r\n|\r|\n")
_TAIL = re.compile(r"(?:\r\n|\r|\n)?\Z")


@given(text=TEXTS)
def test_split_lines_joins_back(text: str) -> None:
    lines = split_lines(text)

    assert "".join(lines) == text
    ends_open = bool(text) and not text.endswith(("\r", "\n"))
    assert len(lines) == len(_BREAK.findall(text)) + ends_open
    for line in lines:
        tail = _TAIL.search(line)
        assert tail is not None
        content = line[: tail.start()]
        assert line, "no empty lines"
        assert "\r" not in content, "one line ending per line, at the end"
        assert "\n" not in content, "one line ending per line, at the end"
    for line, following in itertools.pairwise(lines):
        assert line.endswith(("\r", "\n"))
        assert not (line.endswith("\r") and following.startswith("\n")), "CRLF was split"


@given(text=TEXTS)
def test_newline_property(text: str) -> None:
    counts = {"\r\n": 0, "\r": 0, "\n": 0}
    for match in _BREAK.findall(text):
        counts[match] += 1
    newline = Source(text).newline

    assert newline in counts
    assert counts[newline] == max(counts.values())
