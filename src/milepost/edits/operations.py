"""The edit operations of Current Focus: (roadmap, arguments, today) → an :class:`Edit`.

``ship`` (:mod:`.ship`) records an item under this month's Completed Milestones, ``plan``
(:mod:`.plan`) adds one under a month of Current Focus; ``set_status`` (:mod:`.restatus`)
changes a status where it stands. Each keeps the author's style (bullet, box or emoji, label
words, line endings) and touches only the lines it must. The check runs on the re-parsed
result: an edit whose outcome cannot be shown is refused by the caller, never written.
"""

from __future__ import annotations

from milepost.edits.edit import Edit
from milepost.edits.plan import plan
from milepost.edits.restatus import set_status
from milepost.edits.ship import ship

__all__ = ["Edit", "plan", "set_status", "ship"]
