"""The façade of roadmap history: git and the cache in, the pure history modules composed.

Reading goes like this, whatever the size of the portfolio: one ``git log`` over the roadmaps'
common folder (first parent, renames detected), one ``git cat-file --batch`` for the blobs
the cache does not hold yet, each of those parsed once. The cache lives in the repository's
git directory (``.git/milepost/``), is keyed by blob, path, status vocabulary and milepost
version, and is safe to delete.

Like :mod:`milepost.api` (which it builds on), this module may do I/O; what it calls is pure.
"""

from __future__ import annotations

from milepost.history_api.announcements import (
    Announced,
    announcement_diffs,
    cache_folder,
    last_announced,
    record_announced,
    record_pending,
)
from milepost.history_api.diffs import diffs, last_review, split_arguments
from milepost.history_api.reading import History, TrackHistory, load_snapshots, read_history
from milepost.history_api.reports import ItemStory, item_story, stats

__all__ = [
    "Announced",
    "History",
    "ItemStory",
    "TrackHistory",
    "announcement_diffs",
    "cache_folder",
    "diffs",
    "item_story",
    "last_announced",
    "last_review",
    "load_snapshots",
    "read_history",
    "record_announced",
    "record_pending",
    "split_arguments",
    "stats",
]
