"""A line of a roadmap as its text and its line ending, which every edit keeps."""

from __future__ import annotations

__all__ = ["split_line_ending"]


def split_line_ending(line: str) -> tuple[str, str]:
    """``("text", "\\r\\n")`` from ``"text\\r\\n"``."""
    body = line.rstrip("\r\n")
    return body, line[len(body) :]
