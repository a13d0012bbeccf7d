"""milepost: keeps Markdown product roadmaps honest.

The public API is small: ``load``, ``loads``, ``check``, ``edit``, the model types and the
error type (:mod:`milepost.api` adds portfolios and the site). Names are imported on first
use, so that ``import milepost`` (and the CLI) start fast; ``dir()`` lists them before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from milepost.lazy import lazy_names

__version__ = "0.1.0"
__all__ = [
    "Item",
    "MilepostError",
    "Roadmap",
    "Status",
    "__version__",
    "check",
    "edit",
    "load",
    "loads",
]

if TYPE_CHECKING:
    from milepost.api import check, edit, load, loads
    from milepost.errors import MilepostError
    from milepost.model import Item, Roadmap, Status

_HOMES = {
    "load": "milepost.api",
    "loads": "milepost.api",
    "check": "milepost.api",
    "edit": "milepost.api",
    "MilepostError": "milepost.errors",
    "Item": "milepost.model",
    "Roadmap": "milepost.model",
    "Status": "milepost.model",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())
