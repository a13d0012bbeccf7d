"""What every edit operation returns: line patches, what they do, and their check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from milepost.document import Patch
from milepost.model import Roadmap

__all__ = ["Edit"]


@dataclass(frozen=True)
class Edit:
    """Line patches, what they do, and how to tell from the re-parsed roadmap that they did."""

    patches: tuple[Patch, ...]
    description: str
    verify: Callable[[Roadmap], str | None]  # None when the result is as expected
