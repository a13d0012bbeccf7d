"""Configuration is small, typed and strict."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milepost import api
from milepost.cli import main
from milepost.config import DEFAULT_ROADMAPS, Config, parse_config
from milepost.errors import ConfigError
from milepost.portfolio.discover import matches
from milepost.render.config import config_toml
from milepost.toml_keys import key_places, place


def test_defaults() -> None:
    assert Config().roadmaps == DEFAULT_ROADMAPS and Config().review_cadence_days == 14


def test_full_config() -> None:
    config = parse_config(
        'project = "X"\nroadmaps = ["a/*.md"]\nreview_cadence_days = 7\nstale_after_days = 9\n',
        path="/p/milepost.toml",
    )
    assert config == Config(
        project="X",
        roadmaps=("a/*.md",),
        review_cadence_days=7,
        stale_after_days=9,
        path="/p/milepost.toml",
    )


def test_pyproject_table_or_nothing() -> None:
    assert parse_config("[project]\nname='x'\n", path="pyproject.toml") is None
    config = parse_config("[tool.milepost]\nproject='Y'\n", path="pyproject.toml")
    assert config is not None and config.project == "Y"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tool = 1\n", "1:1: tool must be a table"),
        # a key inside an inline table is placed by the table's key
        ("tool = {milepost = 1}\n", "1:1: tool.milepost must be a table"),
        ('[tool]\n  milepost = "x"\n', "2:3: tool.milepost must be a table"),
    ],
)
def test_pyproject_tool_that_is_not_a_table_is_an_error(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(text, encoding="utf-8")
    (tmp_path / "roadmap.md").write_text("# Roadmap\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"milepost: error: {pyproject}:{message}\n"


def test_an_unknown_option_of_a_pyproject_is_quoted_whole() -> None:
    with pytest.raises(ConfigError) as info:
        parse_config("[tool.milepost]\nroadmap = 3\n", path="pyproject.toml")
    # the key quoted with its table's name, not tool.milepost.'roadmap'
    assert info.value.message == "unknown option 'tool.milepost.roadmap'"


@pytest.mark.parametrize(
    ("line", "text", "message"),
    [
        (1, "roadmap = []", "unknown option 'roadmap'"),
        (1, "project = 3", "project must be a string"),
        (1, "review_cadence_days = 0", "review_cadence_days must be a whole number"),
        (1, "review_cadence_days = true", "review_cadence_days must be a whole number"),
        (1, "roadmaps = []", "roadmaps is empty"),
        (1, 'roadmaps = [""]', "roadmaps must be a list"),
        (1, 'roadmaps = ["./"]', "roadmaps must be a list"),
        (1, 'roadmaps = ["../x/*.md"]', "must stay inside"),
        (1, 'required_sections = ["nope"]', "unknown kind 'nope'"),
        (1, "select = [1]", "select must be a list"),
        (2, '[per-file-ignores]\n"a.md" = "MP1"', "must be a list of rule selectors"),
        (2, '[statuses]\n"🦄" = "shipped"', "statuses.🦄 must be one of done, in_progress"),
        (2, '[statuses]\n"" = "done"', "statuses has an empty marker \\('' = 'done'\\)"),
        (2, '[statuses]\n" " = "done"', "statuses has an empty marker"),
    ],
)
def test_bad_values_name_file_line_and_key(line: int, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        parse_config(text, path="conf/milepost.toml")
    assert str(info.value).startswith(f"conf/milepost.toml:{line}:1: ")


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("roadmap.md", DEFAULT_ROADMAPS, True),
        ("tracks/memory/roadmap.md", DEFAULT_ROADMAPS, True),
        ("docs/web-ui-roadmap.md", DEFAULT_ROADMAPS, True),
        ("docs/README.md", DEFAULT_ROADMAPS, False),
        ("tracks/a/roadmap.md", ("tracks/*/roadmap.md",), True),
        ("tracks/a/b/roadmap.md", ("tracks/*/roadmap.md",), False),
    ],
)
def test_discovery_patterns(path: str, patterns: tuple[str, ...], expected: bool) -> None:
    assert matches(path, patterns) is expected


def test_config_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.milepost]\nproject = 'Up'\n", "utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert api.find_config(deep).project == "Up"


def test_discover_in_a_folder_below_the_config(tmp_path: Path) -> None:
    (tmp_path / "milepost.toml").write_text('roadmaps = ["teams/*/plan.md"]\n', "utf-8")
    (tmp_path / "teams" / "a").mkdir(parents=True)
    (tmp_path / "teams" / "a" / "plan.md").write_text("# A\n", "utf-8")
    (tmp_path / "teams" / "a" / "roadmap.md").write_text("# not chosen\n", "utf-8")
    assert [p.name for p in api.discover(tmp_path / "teams")] == ["plan.md"]
    assert [p.name for p in api.discover(tmp_path)] == ["plan.md"]


def test_status_vocabulary_additions(tmp_path: Path) -> None:
    (tmp_path / "milepost.toml").write_text(
        '[statuses]\n"🦄" = "future"\n"Shipped-ish" = "done"\n"🟣" = "in_progress"\n',
        encoding="utf-8",
    )
    path = tmp_path / "roadmap.md"
    path.write_text(
        "# T\n\n- 🦄 Flying cars\n- **Shipped-ish:** Search\n- 🟣 Export\n"
        "- Import (shipped-ish)\n- ✅ Done as ever\n",
        encoding="utf-8",
    )
    roadmap = api.load(path)
    assert [(i.title, i.status.value if i.status else None) for i in roadmap.items] == [
        ("Flying cars", "future"),
        ("Search", "done"),
        ("Export", "in_progress"),
        ("Import", "done"),
        ("Done as ever", "done"),
    ]
    plain = api.load(path, config=Config())
    assert [i.status.value if i.status else None for i in plain.items] == ["done"]


WEBHOOK = "https://discord.com/api/webhooks/123456/s3cr3t-T0KEN"


def test_announce_webhook_is_read_and_kept_out_of_repr() -> None:
    config = parse_config(f'[announce]\ndiscord_webhook = "{WEBHOOK}"\n', path="milepost.toml")
    assert config is not None and config.discord_webhook == WEBHOOK
    assert "s3cr3t" not in repr(config) and "s3cr3t" not in str(config)
    pyproject = f'[tool.milepost.announce]\ndiscord_webhook = " {WEBHOOK} "\n'
    config = parse_config(pyproject, path="pyproject.toml")
    assert config is not None and config.discord_webhook == WEBHOOK
    config = parse_config('[announce]\ndiscord_webhook = ""\n', path="milepost.toml")
    assert config is not None and config.discord_webhook is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("announce = 1\n", "announce must be a table"),
        (
            '[announce]\nwebhook = "x"\n',
            "unknown option 'announce.webhook' (known: discord_webhook)",
        ),
        ("[announce]\ndiscord_webhook = 1\n", "announce.discord_webhook must be a string"),
    ],
)
def test_bad_announce_table(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)) as info:
        parse_config(text, path="milepost.toml")
    assert str(info.value).startswith(f"milepost.toml:{text.count(chr(10))}:1: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('select = ["MP999"]', "unknown rule selector 'MP999' (did you mean MP209?)"),
        ('ignore = ["nosuch"]', "unknown rule selector 'nosuch'"),
        ('[per-file-ignores]\n"*.md" = ["nosuch"]', "per-file-ignores '*.md': unknown rule"),
    ],
)
def test_unknown_selectors_in_the_config_name_the_config(
    text: str, message: str, tmp_path: Path
) -> None:
    (tmp_path / "milepost.toml").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "roadmap.md").write_text("# T\n", encoding="utf-8")
    result = api.check([tmp_path], today=dt.date(2026, 11, 25))
    [error] = result.errors  # a broken config: its files go unchecked, the others not
    assert isinstance(error, ConfigError) and result.reports == []
    line = text.count("\n") + 1  # the line of the list that names it
    assert str(error).startswith(f"{tmp_path / 'milepost.toml'}:{line}:1: {message}")


def test_milepost_toml_wins_over_pyproject_beside_it_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from milepost.cli import main
    from milepost.errors import ConfigWarning

    (tmp_path / "milepost.toml").write_text('project = "From milepost.toml"\n', "utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.milepost]\nproject = "From pyproject"\n', "utf-8"
    )
    (tmp_path / "roadmap.md").write_text("# T Roadmap\n", "utf-8")
    with pytest.warns(ConfigWarning, match="ignored"):
        assert api.find_config(tmp_path).project == "From milepost.toml"
    monkeypatch.chdir(tmp_path)
    assert main(["check", "roadmap.md", "--select", "MP201"]) == 0
    err = capsys.readouterr().err
    assert err == (
        "milepost: warning: milepost.toml: used; the [tool.milepost] table in "
        "the pyproject.toml beside it is ignored (milepost.toml wins: keep one of them)\n"
    )
    # A pyproject.toml without a milepost table beside it is no surprise: nothing is said.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    (tmp_path / "sub").mkdir()
    assert main(["check", "roadmap.md", "--select", "MP201"]) == 0
    assert capsys.readouterr().err == ""


def test_unknown_track_names_the_real_config_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from milepost.cli import main

    (tmp_path / "pyproject.toml").write_text("[tool.milepost]\nproject = 'P'\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["ship", "nope", "Search"]) == 2
    assert capsys.readouterr().err == (
        "milepost: error: no roadmap or track named 'nope' (give a path, or the slug or name "
        "of a track that pyproject.toml finds)\n"
    )


# milepost config: the effective settings, as a file to copy

_WORDS = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)  # no lone surrogates


@settings(max_examples=60, deadline=None)
@given(
    project=_WORDS,
    roadmaps=st.lists(
        st.sampled_from(["tracks/*/roadmap.md", "**/plan.md", "a b/*.md"]), min_size=1, max_size=3
    ),
    cadence=st.integers(1, 366),
    select=st.lists(st.sampled_from(["MP101", "freshness", "MP2"]), max_size=3),
    ignores=st.dictionaries(
        # as a config reads them: a pattern's leading "./" is dropped ("./tracks/*" matches
        # what "tracks/*" does), so a Config holds none
        _WORDS.filter(lambda pattern: not pattern.startswith("./")),
        st.lists(st.sampled_from(["MP201", "references"]), min_size=1, max_size=2),
    ),
    statuses=st.dictionaries(
        _WORDS.filter(str.strip), st.sampled_from(["done", "planned", "blocked"])
    ),
)
def test_the_settings_shown_read_back_the_same(
    project: str,
    roadmaps: list[str],
    cadence: int,
    select: list[str],
    ignores: dict[str, list[str]],
    statuses: dict[str, str],
) -> None:
    config = Config(
        project=project,
        roadmaps=tuple(roadmaps),
        review_cadence_days=cadence,
        select=tuple(select),
        per_file_ignores=tuple((k, tuple(v)) for k, v in ignores.items()),
        statuses=tuple(statuses.items()),
        path="/p/milepost.toml",
    )
    again = parse_config(config_toml(config, where="/p"), path="/p/milepost.toml")
    assert again == config


def test_config_shows_where_its_settings_come_from_and_hides_the_webhook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "https://discord.com/api/webhooks/1/s3cret"
    (tmp_path / "pyproject.toml").write_text(
        '[tool.milepost]\nproject = "Swarmkit"\nstale_after_days = 45\n'
        f'[tool.milepost.announce]\ndiscord_webhook = "{secret}"\n',
        encoding="utf-8",
    )
    (tmp_path / "tracks").mkdir()
    monkeypatch.chdir(tmp_path / "tracks")
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert f"# from {tmp_path / 'pyproject.toml'}; options it does not set are the defaults" in out
    assert 'project = "Swarmkit"\n' in out and "stale_after_days = 45\n" in out
    assert "review_cadence_days = 14\n" in out  # a default, shown
    assert "discord_webhook is set (a secret: not shown)" in out and secret not in out
    assert main(["config", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"discord_webhook_set": true' in out and secret not in out
    monkeypatch.chdir(tmp_path.parent)
    assert main(["config", "nowhere"]) == 2
    assert "'nowhere': no such file or folder" in capsys.readouterr().err


def test_config_names_its_file_as_the_user_would_type_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Relative to the working directory when below it (as errors name a config), in full
    when above it; the JSON keeps the absolute path, as it keeps the folder it is for."""
    (tmp_path / "plans" / "memory").mkdir(parents=True)
    (tmp_path / "plans" / "milepost.toml").write_text('project = "Swarmkit"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["config", "plans/memory"]) == 0
    out = capsys.readouterr().out
    assert "# from plans/milepost.toml; options it does not set are the defaults\n" in out
    monkeypatch.chdir(tmp_path / "plans" / "memory")
    assert main(["config"]) == 0
    assert f"# from {tmp_path / 'plans' / 'milepost.toml'}; options" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path)
    assert main(["config", "plans", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(tmp_path / "plans/milepost.toml")


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("milepost.toml", lambda p: p.symlink_to(os.devnull), "not a regular file"),
        ("pyproject.toml", lambda p: os.mkfifo(p), "not a regular file"),
        ("milepost.toml", lambda p: p.mkdir(), "is a folder, not a file"),
    ],
)
@pytest.mark.parametrize("command", ["check", "config"])
def test_a_config_file_that_cannot_be_read_is_an_error_not_ignored(
    name: str,
    make: Callable[[Path], None],
    message: str,
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if name == "pyproject.toml" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    (tmp_path / "t" / "a").mkdir(parents=True)
    (tmp_path / "t" / "a" / "roadmap.md").write_text("# Roadmap\n", encoding="utf-8")
    make(tmp_path / name)
    assert main([command, str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"milepost: error: {tmp_path / name}: {message}"), err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("milepost.toml", "roadmap = 3", "unknown option 'roadmap'"),
        ("milepost.toml", 'stale_after_days = "30"', "stale_after_days must be a whole number"),
        ("milepost.toml", '# rules\nselect = [\n  "MP999",\n]', "unknown rule selector 'MP999'"),
        (
            "pyproject.toml",
            "[tool.milepost]\nstale_after_days = true",
            "tool.milepost.stale_after_days must be a whole number",
        ),
    ],
)
@pytest.mark.parametrize("folder", ["", "plans/"], ids=["here", "below"])
def test_a_broken_config_is_named_as_the_user_would_type_it_in_every_format(
    name: str,
    text: str,
    message: str,
    folder: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A config is found, not named, so its path was the absolute one it was found by, where
    every other message names a path as the user would type it (relative, inside the cwd)."""
    import json

    (tmp_path / "plans" / "memory").mkdir(parents=True)
    (tmp_path / "plans" / "memory" / "roadmap.md").write_text("# Memory\n", encoding="utf-8")
    (tmp_path / folder / name).write_text(text + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown = f"{folder}{name}"
    line = 1 if text.startswith(("roadmap ", "stale")) else 2  # where the option is written
    assert main(["check", "plans"]) == 2
    assert capsys.readouterr().err.startswith(f"milepost: error: {shown}:{line}:1: {message}")
    assert main(["check", "plans", "--format", "json"]) == 2
    [entry] = json.loads(capsys.readouterr().out)
    assert (entry["path"], entry["line"], entry["col"]) == (shown, line, 1)
    assert entry["message"].startswith(message)
    assert main(["check", "plans", "--format", "github"]) == 2
    out = capsys.readouterr().out
    title = "title=milepost could not check it"
    assert out.startswith(f"::error file={shown},line={line},col=1,{title}::{message}")
    assert main(["check", "plans", "--format", "sarif"]) == 2
    [run] = json.loads(capsys.readouterr().out)["runs"]
    [notification] = run["invocations"][0]["toolExecutionNotifications"]
    place = notification["locations"][0]["physicalLocation"]
    assert place["artifactLocation"] == {"uri": shown}
    assert place["region"] == {"startLine": line, "startColumn": 1}
    assert notification["message"]["text"].startswith(message)
    # above the working directory, the path in full
    monkeypatch.chdir(tmp_path / "plans" / "memory")
    assert main(["check", "."]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"milepost: error: {tmp_path / shown}:{line}:1: {message}")


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ('project = "x"\nroadmaps = ["a" "b"]\n', 2, 17, "Unclosed array"),
        ("stale_after_days = \n", 1, 20, "Invalid value"),
        ('project = "x"\r\nproject = "y"\r\n', 2, 14, "Cannot overwrite a value"),
        # "at end of document": placed after the last character (not on a line after it)
        ("roadmaps = [", 1, 13, "Invalid value"),
        ('project = "x"\r\nroadmaps = [\r\n', 2, 13, "Invalid value"),
    ],
)
def test_invalid_toml_is_placed_at_its_line_and_column(
    text: str, line: int, col: int, message: str
) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text, path="milepost.toml")
    error = info.value
    assert (error.message, error.line, error.col) == (f"invalid TOML: {message}", line, col)
    assert str(error) == f"milepost.toml:{line}:{col}: invalid TOML: {message}"


def test_invalid_toml_is_placed_by_the_decode_errors_own_line_and_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python 3.14 gives the message and the place as attributes too: they are used where
    there (whatever the message says), the message read where not."""
    import tomllib

    class Placed(tomllib.TOMLDecodeError):
        msg, lineno, colno = "Unclosed array", 4, 2

    def loads(text: str) -> dict[str, object]:
        raise Placed("Unclosed array, somewhere")

    monkeypatch.setattr(tomllib, "loads", loads)
    with pytest.raises(ConfigError) as info:
        parse_config("whatever", path="milepost.toml")
    assert str(info.value) == "milepost.toml:4:2: invalid TOML: Unclosed array"


def test_invalid_toml_is_placed_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not only named as the user would type it (as any broken config is, above), but placed
    at its line and column, as a finding is."""
    (tmp_path / "plans" / "memory").mkdir(parents=True)
    (tmp_path / "plans" / "memory" / "roadmap.md").write_text("# Memory\n", encoding="utf-8")
    (tmp_path / "plans" / "milepost.toml").write_text('project = "x"\nroadmaps = ["a" "b"]\n')
    monkeypatch.chdir(tmp_path)
    shown, said = "plans/milepost.toml", "invalid TOML: Unclosed array"
    assert main(["check", "plans"]) == 2
    assert capsys.readouterr().err == f"milepost: error: {shown}:2:17: {said}\n"
    assert main(["check", "plans", "--format", "json"]) == 2
    [entry] = json.loads(capsys.readouterr().out)
    assert (entry["path"], entry["line"], entry["col"], entry["message"]) == (shown, 2, 17, said)
    assert main(["check", "plans", "--format", "github"]) == 2
    assert capsys.readouterr().out == (
        f"::error file={shown},line=2,col=17,title=milepost could not check it::{said}\n"
    )
    assert main(["check", "plans", "--format", "sarif"]) == 2
    [run] = json.loads(capsys.readouterr().out)["runs"]
    [notification] = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == said
    assert notification["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": shown},
        "region": {"startLine": 2, "startColumn": 17},
    }


def test_an_option_is_placed_where_it_is_written_in_its_own_table(tmp_path: Path) -> None:
    # Another tool's `select`, and a string that reads like our table, come first: ours is
    # the one named, on its line and column (CRLF or not).
    text = (
        '[project]\nname = "x"\n\n[tool.ruff]\nselect = ["E"]\n'
        'notes = """\n[tool.milepost]\nselect = 1\n"""\n\n'
        '[ tool . "milepost" ]  # roadmaps\r\nproject = "P"\r\n'
        '    select = ["MP999"]\n'
    )
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "roadmap.md").write_text("# T\n", encoding="utf-8")
    [error] = api.check([tmp_path], today=dt.date(2026, 11, 25)).errors
    assert str(error).startswith(f"{tmp_path / 'pyproject.toml'}:13:5: unknown rule selector")
    (tmp_path / "pyproject.toml").write_text(text.replace("project =", "colour ="), "utf-8")
    with pytest.raises(ConfigError) as info:
        api.find_config(tmp_path)
    assert (info.value.line, info.value.col) == (12, 1)
    assert info.value.message == "unknown option 'tool.milepost.colour'"


@pytest.mark.parametrize(
    ("text", "keys", "where"),
    [
        ("a = 1\nb.c = 2\n", ("b", "c"), (2, 1)),
        ("[b]\n'c' . \"d\" = 2\n", ("b", "c", "d"), (2, 1)),
        ("[b]\nc = 1\n[e]\nc = 2\n", ("e", "c"), (4, 1)),
        ("[[b]]\nc = 1\n", ("b", "c"), (2, 1)),
        ("b = { c = 1 }\n", ("b", "c"), (1, 1)),  # inside an inline table: by its key
        ('x = """\nb = 1\n"""\nb = 2\n', ("b",), (4, 1)),  # not inside a string
        ("x = '''\n[b]\n'''\nb = 2\n", ("b",), (4, 1)),
        ('x = [\n  ["b"],\n]\nb = 2\n', ("b",), (4, 1)),  # an array is no header
        ('"a\\"b" = 1\n', ('a\\"b',), (1, 1)),
        ("b = 1\n", ("nothing",), (None, None)),
    ],
)
def test_key_places(text: str, keys: tuple[str, ...], where: tuple[int, int]) -> None:
    assert place(key_places(text), keys) == where


@given(st.text())
def test_key_places_reads_any_text(text: str) -> None:
    for line, col in key_places(text).values():
        assert 1 <= line <= text.count("\n") + 1 and col >= 1
