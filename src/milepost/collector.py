"""The cyclic garbage collector, paused while many objects that never form cycles are made.

Start-up imports (classes, functions, compiled patterns) and parsing (a tree of nodes per
roadmap) allocate thousands of objects and no garbage: each allocation burst would otherwise
run the collector over them for nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block (a nested pause is harmless)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
