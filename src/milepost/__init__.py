"""milepost: keeps Markdown product roadmaps honest."""

from __future__ import annotations

from milepost.api import load, loads
from milepost.errors import MilepostError
from milepost.model import Item, Roadmap, Status

__version__ = "0.1.0"
__all__ = ["Item", "MilepostError", "Roadmap", "Status", "__version__", "load", "loads"]
