# Sphinx + MyST docs over the bundled example portfolio (../portfolio):
#   pip install 'milepost[sphinx]' && sphinx-build examples/docs site-docs
project = "Swarmkit"
extensions = ["myst_parser", "milepost.sphinx"]
milepost_root = "../portfolio"  # relative to this file; default: milepost.toml discovery
milepost_today = "2026-11-25"  # the example's dates are fixed; real docs leave this out
milepost_check = "warn"  # "error" fails the build on a stale roadmap; -W does too
exclude_patterns = ["_build"]
html_title = "Swarmkit roadmaps"
html_theme_options = {"page_width": "1240px", "sidebar_width": "200px", "body_max_width": "none"}
