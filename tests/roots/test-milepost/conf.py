# A small docs site over three track roadmaps (the test copies it into a temp folder).
project = "Swarmkit"
extensions = ["myst_parser", "milepost.sphinx"]
milepost_root = "roadmaps"
milepost_today = "2026-11-25"
exclude_patterns = ["_build"]
