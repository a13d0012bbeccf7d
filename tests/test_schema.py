"""The JSON Schema of ``Roadmap.to_dict()`` and ``milepost export``: valid, strict, and true."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import milepost
from milepost.render.schema import export_schema, roadmap_schema
from milepost.vocabulary.sections import SectionKind
from milepost.vocabulary.status import Health, Status

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "portfolio" / "tracks").glob("*/roadmap.md"))
CORPUS = Path("/work/shared/corpus/dev")

ROADMAP = Draft202012Validator(roadmap_schema(), format_checker=FormatChecker())
EXPORT = Draft202012Validator(export_schema(), format_checker=FormatChecker())

FULL = """\
# Memory Track Roadmap

**Last Updated:** 2026-11-25
**Planning Horizon:** November 2026 - April 2027
**Track Health:** 🟢 On track

## 🎯 Current Focus

**Theme:** Make memory trustworthy

### November 2026

- ✅ Ship the fact store (#12) @ana
- 🚧 Retention evals, Q1 2027 @bo
- [ ] Write the migration guide

## 📅 Medium-term Goals

### Q1 2027

#### Goal: Shared memory

**Status:** 🚧 In progress
**Motivation:** Agents forget what others learned.
**Success Criteria:** Two agents share facts.

- 📋 Cross-agent fact sync v0.3

## 🔭 Long-term Vision

Memory that every agent can trust.

### Major Initiatives

#### Initiative: Memory graph

- **Vision:** A graph of facts
- **Impact:** Fewer repeated questions
- **Timeline:** H2 2027
- **Dependencies:** Orchestration

## ✅ Completed Milestones

### October 2026

- ✅ Memory API v0.2 shipped

## 🔗 Dependencies & Risks

### External Dependencies

- **Orchestration:** checkpoint format by December 2026

### Technical Risks

- **Risk 1:** Fact drift
  - Likelihood: Medium
  - Impact: High
  - Mitigation: Pin prompts

### Resource Constraints

Two maintainers only.

## 🤝 Strategic Alignment

### Alignment with Vision

Memory supports the whole framework.

### Cross-Track Synergies

- **Web UI:** show what agents remember

## 💬 Community Feedback

- ✅ **Export memories:** as JSON
- 📋 **Offline sync:** across devices (12 votes)

## 📊 Success Metrics

| Metric | Baseline | Target | Current | Status |
|--------|----------|--------|---------|--------|
| Recall | 60% | 90% | 75% | 🚧 |

---

*Last updated: November 25, 2026 by @ana*
*Next review: December 15, 2026*
"""

ODD_INPUTS = {
    "empty": "",
    "blank-lines": "\n\n   \n",
    "only-heading": "# Only a heading",
    "only-deep-heading": "###### deep",
    "garbage": "\x00\ufffd\u200b💥 |||| -- [x] ✅✅ **:** \r\n|a|\n|-|-|\n* * *\n> > >",
    "mojibake": "# RÃ©sumÃ©\n\n- âœ… done-ish\n- ðŸš§ maybe\n",
    "heading-soup": "# A\n## B\n#### C\n## ✅ Completed Milestones\n### Not a month\n",
    "table-only": "| Status | Item |\n|---|---|\n| ✅ | x |\n| ??? |\n",
    "bad-dates": "**Last Updated:** 2026-02-30\n*Next review: Smarch 40, 2026*\n",
    "unicode-only": "🚀🚀🚀\n\u202e\u2066bidi\n",
}


def errors_of(validator: Draft202012Validator, data: Any) -> list[str]:
    found = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def assert_valid(data: Any, validator: Draft202012Validator = ROADMAP) -> None:
    problems = errors_of(validator, data)
    assert not problems, "\n".join(problems[:20])


def corpus_files() -> list[Any]:
    if not CORPUS.is_dir():
        return [pytest.param(None, id="corpus-missing")]
    return [pytest.param(path, id=path.name) for path in sorted(CORPUS.glob("*.md"))]


def walk_objects(schema: Any, where: str = "#") -> list[tuple[str, dict[str, Any]]]:
    """Every object schema (one with ``properties``) inside ``schema``, with where it is."""
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(schema, dict):
        if "properties" in schema:
            out.append((where, schema))
        for key, value in schema.items():
            out.extend(walk_objects(value, f"{where}/{key}"))
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            out.extend(walk_objects(value, f"{where}/{index}"))
    return out


def full() -> dict[str, Any]:
    data: dict[str, Any] = milepost.loads(FULL, path="tracks/memory/roadmap.md").to_dict()
    return data


# --- the schema itself ---------------------------------------------------------------------


@pytest.mark.parametrize("make", [roadmap_schema, export_schema])
def test_schema_is_a_valid_draft_2020_12_schema(make: Any) -> None:
    schema = make()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"]
    assert schema["description"]
    assert json.loads(json.dumps(schema)) == schema


def test_ids() -> None:
    assert roadmap_schema()["$id"] == "https://milepost.dev/schema/roadmap-0.1.json"
    assert export_schema()["$id"] != roadmap_schema()["$id"]


@pytest.mark.parametrize("make", [roadmap_schema, export_schema])
def test_every_object_is_closed_and_requires_every_key(make: Any) -> None:
    for where, obj in walk_objects(make()):
        assert obj.get("additionalProperties") is False, where
        if where.endswith("/properties/spans"):  # meta.spans holds only the spans found
            assert "required" not in obj, where
            assert set(obj["properties"]) == {"last_updated", "next_review", "footer"}
        else:
            assert obj.get("required") == list(obj["properties"]), where


@pytest.mark.parametrize("make", [roadmap_schema, export_schema])
def test_every_ref_resolves_and_every_def_is_used(make: Any) -> None:
    schema = make()
    text = json.dumps(schema)
    defs = schema["$defs"]
    refs = {ref.split('"')[0] for ref in text.split('"$ref": "#/$defs/')[1:]}
    assert refs <= set(defs)
    assert set(defs) <= refs


def test_a_fresh_schema_each_call() -> None:
    first = roadmap_schema()
    first["$defs"]["span"]["properties"].clear()  # type: ignore[index]
    assert roadmap_schema()["$defs"]["span"]["properties"]  # type: ignore[index]


def test_enums_follow_the_vocabulary() -> None:
    defs: Any = roadmap_schema()["$defs"]
    assert defs["status"]["enum"][:-1] == [s.value for s in Status]
    assert set(defs["status"]["enum"]) == {
        "done",
        "in_progress",
        "planned",
        "future",
        "blocked",
        "dropped",
        None,
    }
    assert defs["section"]["properties"]["kind"]["enum"] == [k.value for k in SectionKind]
    health = roadmap_schema()["properties"]["health"]  # type: ignore[index]
    assert health["enum"] == [*(h.value for h in Health), None]
    assert set(health["enum"]) == {"on_track", "at_risk", "off_track", None}
    assert defs["item"]["properties"]["status_from"]["enum"] == [
        "marker",
        "legend",
        "heading",
        "field",
        None,
    ]
    assert defs["item"]["properties"]["kind"]["enum"] == ["list", "task", "row", "heading"]
    assert defs["period"]["properties"]["kind"]["enum"] == [
        "month",
        "quarter",
        "half",
        "year",
        "date",
        "version",
        "relative",
        "text",
    ]


# --- real roadmaps validate ----------------------------------------------------------------


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_roadmaps_validate(path: Path) -> None:
    assert_valid(milepost.load(path).to_dict())


@pytest.mark.parametrize("path", corpus_files())
def test_corpus_roadmaps_validate(path: Path | None) -> None:
    if path is None:
        pytest.skip(f"the shared dev corpus {CORPUS} is missing on this machine")
    assert_valid(milepost.load(path).to_dict())


@pytest.mark.parametrize("text", ODD_INPUTS.values(), ids=list(ODD_INPUTS))
def test_odd_inputs_validate(text: str) -> None:
    assert_valid(milepost.loads(text).to_dict())
    assert_valid(milepost.loads(text, path="odd.md").to_dict())


def test_a_full_roadmap_validates_and_fills_the_model() -> None:
    data = full()
    assert_valid(data)
    # The sample exercises the nested parts, so their schemas are checked against real data.
    assert data["focus"] is not None
    assert data["focus"]["periods"][0]["items"]
    assert data["goals"]
    assert data["initiatives"]
    assert data["milestones"]
    assert data["risks"]
    assert data["metrics"]
    assert [r["votes"] for r in data["requests"]] == [None, 12]
    assert data["meta"]["last_updated"] == "2026-11-25"
    assert "last_updated" in data["meta"]["spans"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# T",
                "## Current Focus",
                "### November 2026",
                "## Completed Milestones",
                "- ✅ a",
                "- [x] b",
                "- [ ] c Q1 2027",
                "- 🚧 **d:** e @x #1",
                "| A | Status |",
                "|---|---|",
                "| x | ✅ |",
                "**Last Updated:** 2026-11-25",
                "",
                "text v0.2",
                "  - Likelihood: High",
                "*Next review: December 15, 2026*",
                "#### Goal: g",
            ]
        )
        | st.text(max_size=20),
        max_size=25,
    )
)
def test_any_text_validates(lines: list[str]) -> None:
    assert_valid(milepost.loads("\n".join(lines)).to_dict())


# --- the schema is strict ------------------------------------------------------------------


def mutations() -> list[Any]:
    def extra_top(d: dict[str, Any]) -> None:
        d["surprise"] = 1

    def extra_meta(d: dict[str, Any]) -> None:
        d["meta"]["surprise"] = 1

    def extra_span_name(d: dict[str, Any]) -> None:
        d["meta"]["spans"]["header"] = {"start": 1, "end": 1}

    def extra_in_item(d: dict[str, Any]) -> None:
        d["items"][0]["depth"] = 0

    def extra_in_span(d: dict[str, Any]) -> None:
        d["items"][0]["span"]["path"] = "x.md"

    def extra_in_period(d: dict[str, Any]) -> None:
        next(i for i in d["items"] if i["period"])["period"]["version"] = None

    def extra_in_section(d: dict[str, Any]) -> None:
        d["sections"][0]["subsections"][0]["surprise"] = []

    def missing_key(d: dict[str, Any]) -> None:
        del d["items"][0]["notes"]

    def missing_top_key(d: dict[str, Any]) -> None:
        del d["health"]

    def bad_status(d: dict[str, Any]) -> None:
        d["items"][0]["status"] = "wip"

    def bad_goal_status(d: dict[str, Any]) -> None:
        d["goals"][0]["goals"][0]["goal_status"] = "Done"

    def bad_section_kind(d: dict[str, Any]) -> None:
        d["sections"][0]["kind"] = "roadmap"

    def bad_date(d: dict[str, Any]) -> None:
        d["meta"]["last_updated"] = "2026-02-30"

    def bad_type(d: dict[str, Any]) -> None:
        d["items"][0]["owners"] = "@ana"

    def null_title(d: dict[str, Any]) -> None:
        d["title"] = None

    def votes_as_text(d: dict[str, Any]) -> None:
        d["requests"][1]["votes"] = "12"

    def negative_votes(d: dict[str, Any]) -> None:
        d["requests"][1]["votes"] = -1

    return [
        pytest.param(f, id=f.__name__)
        for f in (
            extra_top,
            extra_meta,
            extra_span_name,
            extra_in_item,
            extra_in_span,
            extra_in_period,
            extra_in_section,
            missing_key,
            missing_top_key,
            bad_status,
            bad_goal_status,
            bad_section_kind,
            bad_date,
            bad_type,
            null_title,
            votes_as_text,
            negative_votes,
        )
    ]


@pytest.mark.parametrize("mutate", mutations())
def test_the_schema_is_strict(mutate: Any) -> None:
    data = full()
    assert_valid(data)
    broken = copy.deepcopy(data)
    mutate(broken)
    assert errors_of(ROADMAP, broken), "the schema accepted a changed to_dict"


# --- milepost export -----------------------------------------------------------------------


def export_of(roadmaps: list[dict[str, Any]], errors: list[dict[str, Any]]) -> dict[str, Any]:
    return {"milepost": milepost.__version__, "roadmaps": roadmaps, "errors": errors}


def test_export_validates() -> None:
    roadmaps = [milepost.load(path).to_dict() for path in EXAMPLES]
    errors: list[dict[str, Any]] = [
        {"path": "tracks/bad/roadmap.md", "line": None, "message": "not UTF-8 text"},
        {"path": "tracks/worse/roadmap.md", "line": 3, "message": "bad bytes"},
    ]
    assert_valid(export_of(roadmaps, errors), EXPORT)
    assert_valid(export_of([], []), EXPORT)


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param({"roadmaps": [], "errors": []}, id="no-version"),
        pytest.param({"milepost": "0.1.0", "roadmaps": []}, id="no-errors"),
        pytest.param({"milepost": "0.1.0", "errors": []}, id="no-roadmaps"),
        pytest.param({"milepost": "0.1.0", "roadmaps": [], "errors": [], "x": 1}, id="extra"),
        pytest.param(
            {"milepost": "0.1.0", "roadmaps": [], "errors": [{"path": "a", "message": "m"}]},
            id="error-without-line",
        ),
        pytest.param(
            {
                "milepost": "0.1.0",
                "roadmaps": [],
                "errors": [{"path": "a", "line": 1, "message": "m", "hint": ""}],
            },
            id="error-extra-key",
        ),
        pytest.param(
            {"milepost": "0.1.0", "roadmaps": [{"title": "x"}], "errors": []},
            id="roadmap-incomplete",
        ),
    ],
)
def test_export_schema_is_strict(broken: dict[str, Any]) -> None:
    assert errors_of(EXPORT, broken)


def test_export_rejects_a_changed_roadmap() -> None:
    roadmap = full()
    roadmap["items"][0]["surprise"] = True
    assert errors_of(EXPORT, export_of([roadmap], []))


def test_milepost_export_output_validates(capsys: pytest.CaptureFixture[str]) -> None:
    from milepost.cli import main

    missing = ROOT / "examples" / "no-such-track"
    code = main(["export", str(ROOT / "examples" / "portfolio"), str(missing)])
    out = json.loads(capsys.readouterr().out)
    assert code == 2
    assert len(out["roadmaps"]) >= len(EXAMPLES)
    assert out["errors"]
    assert_valid(out, EXPORT)


def test_milepost_schema_prints_the_export_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from milepost.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == export_schema()
