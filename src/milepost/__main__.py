"""``python -m milepost``."""

from milepost.cli import main

raise SystemExit(main())
