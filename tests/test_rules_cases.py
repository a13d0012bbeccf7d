"""Every rule's behaviour, from its fixture file ``tests/data/rules/<CODE>.md``.

Each case is a roadmap and the findings it must produce (``LINE CODE`` per line; none for a
case that must pass). ``<CODE>.fix.md`` cases give the exact text after ``--fix``, which must
also be a fixed point: fixing again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import milepost
from milepost.checking import check_roadmaps
from milepost.config import Config
from milepost.rules import ALL_RULES
from tests.fixtures import Case, read_cases

DATA = Path(__file__).resolve().parent / "data" / "rules"
TODAY = dt.date(2026, 11, 25)


def _cases(suffix: str) -> list[tuple[str, Case]]:
    out: list[tuple[str, Case]] = []
    for path in sorted(DATA.glob(f"MP*{suffix}")):
        code = path.name.split(".")[0]
        if suffix == ".md" and path.name.count(".") > 1:
            continue
        out.extend((code, case) for case in read_cases(path))
    return out


@pytest.mark.parametrize(
    ("code", "case"), _cases(".md"), ids=lambda x: x if isinstance(x, str) else x.title
)
def test_rule_case(code: str, case: Case) -> None:
    roadmap = milepost.loads(case.input, path="case.md")
    [report] = check_roadmaps([roadmap], today=TODAY, config=Config(), select=_select(code))
    found = "".join(f"{d.line} {d.code}\n" for d in report.diagnostics if d.code == code)
    assert found == case.expected, f"{case.title} (line {case.line})"


def _select(code: str) -> tuple[str, ...]:
    """The rule alone; MP106 with every rule (it judges only comments whose rules all ran)."""
    return () if code == "MP106" else (code,)


@pytest.mark.parametrize(
    ("code", "case"), _cases(".fix.md"), ids=lambda x: x if isinstance(x, str) else x.title
)
def test_rule_fix(code: str, case: Case) -> None:
    roadmap = milepost.loads(case.input, path="case.md")
    select = _select(code)
    [report] = check_roadmaps([roadmap], today=TODAY, config=Config(), select=select, fix=True)
    assert report.fixed is not None
    assert report.fixed.to_markdown() == case.expected
    [again] = check_roadmaps([report.fixed], today=TODAY, config=Config(), select=select, fix=True)
    assert again.fixed is None and [d for d in again.diagnostics if d.code == code] == []


def test_every_rule_has_cases_that_fire_and_pass() -> None:
    for rule in ALL_RULES:
        if rule.group in ("references", "links"):
            continue  # they need a portfolio or a disk: tests/test_check.py
        path = DATA / f"{rule.code}.md"
        assert path.is_file(), f"no fixture file for {rule.code}"
        cases = read_cases(path)
        assert any(c.expected for c in cases), f"{rule.code} has no failing case"
        assert any(not c.expected for c in cases), f"{rule.code} has no passing case"


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("high (see #12)", "High"),
        ("**Medium**", "Medium"),
        ("low.", "Low"),
        ("\t", None),
        ("", None),
        (None, None),
        ("Severe", None),
    ],
)
def test_risk_level_reads_the_first_word(value: str | None, level: str | None) -> None:
    from milepost.model import risk_level

    assert risk_level(value) == level
