"""Meta-tests over the catalog: codes, names, docs and fix declarations are in order."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import milepost
from milepost.checking import check_roadmaps
from milepost.config import Config
from milepost.render.scaffold import TEMPLATE
from milepost.rules import ALL_RULES, FixAvailability, find_rule

DATA = Path(__file__).resolve().parent / "data" / "rules"


def test_codes_are_unique_well_formed_and_sorted() -> None:
    codes = [r.code for r in ALL_RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"MP\d{3}", c) for c in codes)


def test_names_are_unique_kebab_case() -> None:
    names = [r.name for r in ALL_RULES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)


def test_every_rule_is_documented() -> None:
    for rule in ALL_RULES:
        assert rule.summary.endswith(".") and rule.why and rule.bad and rule.good, rule.code
        assert rule.group and rule.severity


def test_fixable_rules_declare_and_test_their_fix() -> None:
    for rule in ALL_RULES:
        if rule.fix is not FixAvailability.NEVER:
            assert (DATA / f"{rule.code}.fix.md").is_file(), f"{rule.code} fix is untested"


def test_lookup_by_code_or_name() -> None:
    assert find_rule("mp201") is find_rule("stale-roadmap") is not None
    assert find_rule("nope") is None


def test_docs_rules_md_is_current() -> None:
    from milepost.cli.rules import catalog_markdown

    docs = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == catalog_markdown(), (
        "docs/rules.md is out of date: run `milepost rule --docs > docs/rules.md`"
    )


def test_hook_manifest_runs_milepost_check() -> None:
    manifest = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "- id: milepost-check" in text and "entry: milepost check" in text
    assert "language: python" in text
    # Every Markdown file goes to the hook; milepost keeps those its config calls roadmaps.
    assert "types: [markdown]" in text and "entry: milepost check --force-exclude" in text
    assert not re.search(r"^\s*files:", text, re.MULTILINE)


def test_every_bracket_of_the_scaffold_template_is_a_placeholder() -> None:
    """MP301 knows the template's placeholders by heart: the list keeps step with it."""
    brackets = set(re.findall(r"\[[^\]\n]+\]", TEMPLATE))
    roadmap = milepost.loads(TEMPLATE, path="template.md")
    [report] = check_roadmaps(
        [roadmap], today=dt.date(2026, 11, 25), config=Config(), select=("MP301",)
    )
    flagged = {
        d.message.removeprefix("template placeholder ").removesuffix(" left in")
        for d in report.diagnostics
    }
    assert brackets and brackets <= flagged
