"""Roadmap history from git (the only place milepost runs a subprocess)."""
