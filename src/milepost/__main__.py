"""``python -m milepost`` and the ``milepost`` console script."""

from __future__ import annotations

from milepost.collector import gc_paused


def run() -> None:
    """Start the CLI. Its start-up imports make thousands of objects and no garbage: the
    collector, paused meanwhile, is not run over them again and again (a few milliseconds of
    every cold start)."""
    with gc_paused():
        from milepost.cli import main
    raise SystemExit(main())


if __name__ == "__main__":
    run()
