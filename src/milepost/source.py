"""Bytes to text and back, losing nothing.

A :class:`Source` remembers everything needed to write the very same bytes back: the encoding,
the byte order mark, each line's own line ending and whether the file ends with one. Lines are
split on ``\\r\\n``, ``\\r`` and ``\\n`` only, as CommonMark does (never ``str.splitlines``,
which also splits on form feeds, U+2028 and friends and would make line numbers drift).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from milepost.errors import SourceError
from milepost.lazy import lazy_pattern

__all__ = ["Source", "decode", "encode", "split_lines"]

_LINE = lazy_pattern(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_BREAK = lazy_pattern(r"\r\n|\r|\n")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BOM_OF = {name: mark for mark, name in _BOMS}
# Files larger than this are refused with a clear message instead of a long wait.
MAX_BYTES = 64 * 1024 * 1024


def split_lines(text: str) -> list[str]:
    """Split ``text`` into lines that keep their own endings; ``"".join`` gives ``text`` back."""
    if "\r" in text:
        return _LINE.findall(text)
    # Only "\n" ends lines (most files): splitting in C and putting each "\n" back takes
    # half the time of the pattern, and every load splits its source.
    lines = text.split("\n")
    last = lines.pop()
    out = [line + "\n" for line in lines]
    if last:
        out.append(last)
    return out


@dataclass(frozen=True)
class Source:
    """Decoded text plus how to write it back byte for byte.

    ``text`` excludes the byte order mark and keeps every line ending as written.
    """

    text: str = field(repr=False)  # the whole document: its repr says where it is from
    path: str | None = None
    encoding: str = "utf-8"
    bom: bool = False

    @classmethod
    def from_text(cls, text: str, *, path: str | None = None) -> Source:
        """A UTF-8 source, without BOM, for text that did not come from a file."""
        return cls(text, path=path)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The lines, each with its own line ending (the last may have none)."""
        return tuple(split_lines(self.text))

    @cached_property
    def newline(self) -> str:
        """The line ending most lines use (``\\n`` when there are none): new lines use it."""
        crlf = self.text.count("\r\n")
        cr = self.text.count("\r") - crlf
        lf = self.text.count("\n") - crlf
        best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda pair: pair[0])
        return best[1] if best[0] else "\n"

    @property
    def final_newline(self) -> bool:
        """Whether the text ends with a line ending."""
        return self.text.endswith(("\n", "\r"))

    @property
    def digest(self) -> str:
        """SHA-256 of the encoded bytes: what the file held when we read it."""
        import hashlib  # imported on first use

        return hashlib.sha256(encode(self)).hexdigest()

    def with_text(self, text: str) -> Source:
        """The same file properties around new text."""
        return Source(text, path=self.path, encoding=self.encoding, bom=self.bom)


def decode(data: bytes, *, path: str | None = None) -> Source:
    """Decode file bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM.

    Anything that does not decode is a :class:`SourceError` naming the byte offset; we never
    guess another encoding (that is how mojibake is made). So is a byte order mark that
    contradicts the bytes: a UTF-16 mark before UTF-8 text, a UTF-32 mark, or a second mark
    after the first (its heading would not read as one).
    """
    if len(data) > MAX_BYTES:
        raise SourceError(
            f"file is {len(data) // (1024 * 1024)} MiB, larger than milepost reads "
            f"({MAX_BYTES // (1024 * 1024)} MiB)",
            path=path,
        )
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise SourceError(
            "byte 0 begins a UTF-32 byte order mark; milepost reads UTF-8 and UTF-16",
            path=path,
            line=1,
            hint="re-save the file as UTF-8",
        )
    encoding, mark = "utf-8", b""
    for bom_bytes, name in _BOMS:
        if data.startswith(bom_bytes):
            encoding, mark = name, bom_bytes
            break
    body = data[len(mark) :]
    if encoding != "utf-8":
        _refuse_confused_utf16(data, body, path)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8" or b"\x00" not in body:
            raise _undecodable(data, len(mark), exc, path) from None
        text = body.decode(encoding, errors="replace")  # an image or an archive: said below
    if "\x00" in text:
        index = text.index("\x00")
        # in the file, BOM included; in UTF-8 a NUL is its own byte, whatever precedes it
        before = body.index(b"\x00") if encoding == "utf-8" else len(text[:index].encode(encoding))
        offset = len(mark) + before
        raise SourceError(
            f"NUL character at byte {offset}: this looks like a binary file",
            path=path,
            line=_line_number(text, index),
        )
    if mark and text.startswith("\ufeff"):
        start, end = len(mark), len(mark) + len("\ufeff".encode(encoding)) - 1
        raise SourceError(
            f"a second byte order mark at byte {start}: the first line would not read as written",
            path=path,
            line=1,
            hint=f"delete bytes {start}-{end}",
        )
    return Source(text, path=path, encoding=encoding, bom=bool(mark))


def _undecodable(data: bytes, start: int, exc: UnicodeDecodeError, path: str | None) -> SourceError:
    """The error for text that does not decode: the byte (counted in the file, BOM included,
    as a hex editor shows it) and its line. ``start`` is where the text begins, after the BOM."""
    offset = start + exc.start
    good = data[start:offset].decode(exc.encoding, errors="replace")
    return SourceError(
        f"cannot decode byte {offset} (0x{data[offset]:02x}) as {exc.encoding}",
        path=path,
        line=_line_number(good, len(good)),
        hint="milepost reads UTF-8; re-save the file as UTF-8",
    )


def _refuse_confused_utf16(data: bytes, body: bytes, path: str | None) -> None:
    """A UTF-16 byte order mark that does not begin UTF-16 text is an error, never a guess.

    Markdown in UTF-16 has a NUL byte beside every ASCII character (a newline, a "#"): a
    body without any that reads as UTF-8 is UTF-8 behind a stray mark, which UTF-16 would
    read as CJK noise. (Were it UTF-16 after all, it would hold no ASCII character, not even
    a line break: no Markdown structure at all.)
    """
    if not body or b"\x00" in body:
        return
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return
    raise SourceError(
        f"byte 0 begins a UTF-16 byte order mark (0x{data[0]:02x} 0x{data[1]:02x}) "
        "but the text after it is UTF-8, not UTF-16",
        path=path,
        line=1,
        hint="delete bytes 0-1 to read it as UTF-8",
    )


def _line_number(text: str, index: int) -> int:
    """The 1-based line of ``text[index]``, counting breaks the way :func:`split_lines` does."""
    return len(_BREAK.findall(text, 0, index)) + 1


def encode(source: Source) -> bytes:
    """The bytes to write for ``source``: the same as were read when the text is unchanged."""
    body = source.text.encode(source.encoding)
    return _BOM_OF[source.encoding] + body if source.bom else body
