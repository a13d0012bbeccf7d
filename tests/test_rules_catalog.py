"""Meta-tests over the catalog: codes, names, docs and fix declarations are in order."""

from __future__ import annotations

import re
from pathlib import Path

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
