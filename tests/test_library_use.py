"""milepost used as a library, from a script or a notebook: what a caller sees."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import milepost
from milepost import api, history_api
from milepost.errors import MilepostError, SourceError, UsageError
from tests.conftest import EXAMPLES, TODAY


def test_an_error_repr_names_the_file_line_and_hint() -> None:
    """``CheckResult.errors`` shown in a notebook says which file each error is about."""
    error = SourceError("no such file", path="a.md", line=3, hint="look again")
    assert repr(error) == "SourceError('no such file', path='a.md', line=3, hint='look again')"
    assert repr(UsageError("which item?")) == "UsageError('which item?')"
    assert repr([milepost.MilepostError("x", path="b.md")]) == "[MilepostError('x', path='b.md')]"


@pytest.mark.parametrize("output", ["taken.md", "taken.md/site"])
def test_a_site_into_a_file_is_a_milepost_error(tmp_path: Path, output: str) -> None:
    """The CLI's option parser refuses a file as ``-o``; ``api.site`` said FileExistsError."""
    (tmp_path / "taken.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(MilepostError, match=r"taken\.md") as caught:
        api.site([EXAMPLES], tmp_path / output, today=TODAY)
    assert caught.value.path == str(tmp_path / output)
    assert (tmp_path / "taken.md").read_text(encoding="utf-8") == "mine\n"


def test_loads_reads_text_with_lone_surrogates() -> None:
    """``loads`` never raises on any text, and a ``str`` may hold lone surrogates (text read
    with ``errors="surrogateescape"``): they read as U+FFFD, and the text stays as given."""
    text = "# Web UI Roadmap\n\n- ✅ Dark mode \udcff\n- 🚧 Themes\ud800\n"
    roadmap = milepost.loads(text)
    assert [(i.title, i.status) for i in roadmap.items] == [
        ("Dark mode \ufffd", milepost.Status.DONE),
        ("Themes\ufffd", milepost.Status.IN_PROGRESS),
    ]
    assert roadmap.to_markdown() == text
    assert milepost.loads("---\ntitle: \udcff\n---\n# A\n- ✅ B\n").items[0].title == "B"


def test_one_path_is_a_list_of_one(tmp_path: Path) -> None:
    """``check("examples/portfolio")`` in a notebook read each character as a path (and
    ``"/"`` walked the whole disk); one path, a Path, a tuple or a list all name the same."""
    assert [r.track for r in api.load_many(EXAMPLES).roadmaps] == [
        r.track for r in api.load_many([EXAMPLES]).roadmaps
    ]
    codes = [d.code for d in milepost.check([EXAMPLES], today=TODAY, cache=False).diagnostics]
    for paths in (str(EXAMPLES), EXAMPLES, (EXAMPLES,)):
        result = milepost.check(paths, today=TODAY, cache=False)
        assert [d.code for d in result.diagnostics] == codes and result.errors == []
    found, loaded = api.portfolio(str(EXAMPLES), today=TODAY)
    assert len(found.tracks) == 5 and loaded.errors == []
    assert api.site(str(EXAMPLES), tmp_path / "site", today=TODAY).errors == []


def test_history_takes_one_path_too(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    shutil.copytree(EXAMPLES, folder)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(folder), "-c", "user.name=T", "-c", "user.email=t@x", *args],
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "roadmaps")
    history = history_api.read_history(str(folder))
    assert len(history.tracks) == 5
    per_track, _, _ = history_api.stats(folder, today=TODAY)
    assert len(per_track) == 5


MEMORY = "tracks/memory/roadmap.md"


def test_today_may_be_a_datetime(tmp_path: Path) -> None:
    """``today=datetime.now()`` in a notebook: a datetime is a date, read as its day.
    ``check`` raised TypeError; ``edit`` wrote "2026-11-25 09:30:00" then refused it as a bug."""
    now = dt.datetime(2026, 11, 25, 9, 30)
    shutil.copytree(EXAMPLES, tmp_path / "p")
    codes = [d.code for d in milepost.check(tmp_path / "p", today=TODAY).diagnostics]
    assert [d.code for d in milepost.check(tmp_path / "p", today=now).diagnostics] == codes
    assert [
        d.code
        for d in api.check_loaded(
            [milepost.load(EXAMPLES / MEMORY)], today=now, config=api.find_config(EXAMPLES)
        ).diagnostics
    ] == [
        d.code
        for d in api.check_loaded(
            [milepost.load(EXAMPLES / MEMORY)], today=TODAY, config=api.find_config(EXAMPLES)
        ).diagnostics
    ]
    assert api.portfolio(tmp_path / "p", today=now)[0].today == TODAY
    assert api.site(tmp_path / "p", tmp_path / "site", today=now).errors == []
    result = milepost.edit(tmp_path / "p" / MEMORY, "review", today=now, author="@me")
    assert result.written and "+**Last updated:** 2026-11-25\n" in result.diff


def test_edit_arguments_of_the_wrong_type_say_so(tmp_path: Path) -> None:
    path = EXAMPLES / MEMORY
    with pytest.raises(TypeError, match=r"^today must be a datetime\.date, not str$"):
        milepost.edit(path, "review", today="2026-11-25", dry_run=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^month must be a datetime\.date, not str$"):
        milepost.edit(path, "plan", item="X", month="2026-12", today=TODAY)  # type: ignore[arg-type]


def test_edit_takes_a_status_by_its_name() -> None:
    """``status="planned"``: the request was set, then its check refused it as a bug."""
    path = EXAMPLES / MEMORY
    by_name = milepost.edit(
        path, "request", item="Request 1", status="completed", today=TODAY, dry_run=True
    )
    by_enum = milepost.edit(
        path, "request", item="Request 1", status=milepost.Status.DONE, today=TODAY, dry_run=True
    )
    assert by_name.diff == by_enum.diff != ""
    with pytest.raises(UsageError, match="unknown status 'finished'"):
        milepost.edit(path, "request", item="Request 1", status="finished", today=TODAY)


def test_a_path_holding_a_nul_is_a_source_error() -> None:
    """A bad path is a MilepostError, whatever is wrong with it (it was ValueError)."""
    with pytest.raises(SourceError, match=r"^'a\\x00b\.md': cannot read: the path holds a NUL"):
        milepost.load("a\x00b.md")
    for call in (milepost.check, api.portfolio):
        with pytest.raises(UsageError, match=r"^'a\\x00b': a path cannot hold a NUL character"):
            call(["a\x00b"], today=TODAY)


def test_a_roadmap_repr_fits_a_notebook_cell() -> None:
    """A roadmap's repr was every field of every item (53,000 characters for one example
    track; a portfolio's, 290,000): it says which roadmap, and how much is in it."""
    roadmap = milepost.load(EXAMPLES / MEMORY)
    sections = sum(len(s.walk()) for s in roadmap.sections)
    assert repr(roadmap) == (
        f"<Roadmap 'Memory' from {str(EXAMPLES / MEMORY)!r}: {len(roadmap.items)} items,"
        f" {sections} sections, last updated 2026-11-18>"
    )
    assert repr(milepost.loads("# A\n- ✅ B\n")) == "<Roadmap 'A' (text): 1 item, 1 section>"
    assert repr(milepost.loads("")) == "<Roadmap '' (text): 0 items, 0 sections>"
    found, _ = api.portfolio(EXAMPLES, today=TODAY)
    assert len(repr(found)) < 30_000


def test_loads_of_bytes_says_what_to_do() -> None:
    """``loads`` takes decoded text; bytes (``path.read_bytes()``) raised an AttributeError
    from deep in the parser."""
    with pytest.raises(TypeError, match=r"loads\(\) takes text \(str\), not bytes"):
        milepost.loads(b"# Web UI Roadmap\n")  # type: ignore[arg-type]


def test_a_finding_prints_as_the_text_format_says_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``print(finding)`` in a script or notebook reads as ``milepost check`` prints it."""
    from milepost.cli import main

    track = str(EXAMPLES / "tracks" / "memory")
    report = milepost.check(track, today=dt.date(2027, 6, 1))
    assert main(["check", track, "--today", "2027-06-01", "--no-cache"]) == 1
    printed = capsys.readouterr().out.splitlines()
    shown = [str(d) + (" [*]" if d.fix is not None else "") for d in report.diagnostics]
    assert shown and shown == printed[: len(shown)]


def test_a_path_given_as_bytes_is_a_type_error_naming_it() -> None:
    """``check(b"tracks")`` was read as a sequence of ints and failed in os.fspath."""
    with pytest.raises(TypeError, match="paths must be"):
        milepost.check(b"examples/portfolio", today=TODAY)  # type: ignore[arg-type]


def test_a_roadmap_takes_apart_copies_and_pickles_as_dataclasses_do() -> None:
    """``dataclasses.asdict`` and ``copy.deepcopy`` of any roadmap raised TypeError ("cannot
    pickle 'mappingproxy' object"): its legend's markers were a read-only proxy. They are a
    read-only dict, which copies; the legend stays read-only."""
    text = "# Web UI Roadmap\n\n## Now\n\n**Legend:** 🟢 Active | 🔴 Blocked\n\n- 🟢 Dark mode\n"
    roadmap = milepost.loads(text)
    assert roadmap.items[0].status is milepost.Status.IN_PROGRESS
    data = dataclasses.asdict(roadmap)
    assert data["track"] == "Web UI" and data["items"][0]["title"] == "Dark mode"
    assert data["legend"]["glyphs"] == dict(roadmap.legend.glyphs)
    again = copy.deepcopy(roadmap)
    assert again == roadmap and again.legend == roadmap.legend
    assert pickle.loads(pickle.dumps(roadmap)).legend == roadmap.legend
    with pytest.raises(TypeError):
        roadmap.legend.glyphs["🟢"] = milepost.Status.DONE  # type: ignore[index]
    assert dataclasses.asdict(milepost.load(EXAMPLES / MEMORY))["track"] == "Memory"


def test_a_roadmap_read_from_text_is_named_by_its_path_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``loads(text, path="roadmap.md")`` named its track by the working directory (its slug
    and, beside a namesake, its label): a pure function of the text gave another portfolio
    in each folder. A ``roadmap.md`` whose path names no folder is named by its title; the
    rest by their paths, as before."""
    from milepost.checking.portfolio_view import portfolio_view
    from milepost.config import Config
    from milepost.portfolio.model import build_portfolio

    texts = {
        "roadmap.md": "# Web UI Roadmap\n\n- 🚧 Dark mode\n",
        "../roadmap.md": "# Search Roadmap\n\n- 📋 Facets\n",
        "tracks/web/roadmap.md": "# Web UI Roadmap\n\n- 📋 Themes\n",
        "docs/memory-roadmap.md": "# Memory Roadmap\n\n- ✅ Store\n",
    }
    seen = []
    for folder in ("acme", "elsewhere/deeper"):
        (tmp_path / folder).mkdir(parents=True)
        monkeypatch.chdir(tmp_path / folder)
        roadmaps = [milepost.loads(text, path=path) for path, text in texts.items()]
        portfolio = build_portfolio(roadmaps, today=TODAY, config=Config())
        view = portfolio_view(roadmaps)
        assert view.tracks is not None
        seen.append(
            (
                {t.roadmap.path: (t.slug, t.track) for t in portfolio.tracks},
                dict(view.tracks.labels),
            )
        )
    assert seen[0] == seen[1]
    assert seen[0][0] == {
        "roadmap.md": ("web-ui", "Web UI (web-ui)"),
        "../roadmap.md": ("search", "Search"),
        "tracks/web/roadmap.md": ("web", "Web UI (web)"),
        "docs/memory-roadmap.md": ("memory", "Memory"),
    }
    assert seen[0][1]["roadmap.md"] == "Web UI (web-ui)"


def test_check_takes_one_rule_selector_as_a_string() -> None:
    """``check(select="MP201")`` read the string as its characters: "unknown rule selector
    'M'". One string is one selector, or several between commas as ``--select`` takes them."""
    day = dt.date(2027, 1, 15)
    codes = {d.code for d in milepost.check(EXAMPLES, today=day, select=("MP201",)).diagnostics}
    assert codes == {"MP201"}
    for select in ("MP201", " MP201 ", ["MP201"], "MP201,", ("MP201", "")):
        found = milepost.check(EXAMPLES, today=day, select=select).diagnostics
        assert {d.code for d in found} == codes, select
    both = milepost.check(EXAMPLES, today=day, select="MP201, MP208").diagnostics
    assert {d.code for d in both} == {"MP201", "MP208"}
    rest = milepost.check(EXAMPLES, today=day, select="MP2", ignore="MP206").diagnostics
    assert {d.code for d in rest} == {"MP201", "MP202", "MP205", "MP208"}
    with pytest.raises(UsageError, match="unknown rule selector 'MP999'"):
        milepost.check(EXAMPLES, today=day, select="MP999")


def test_an_edit_result_and_a_document_repr_fit_a_notebook_cell() -> None:
    """An edit's result printed the whole new roadmap, and ``roadmap.document`` (or its
    source) the whole text and tree (54,000 characters for one example track): they say
    what and where, the text is there to read."""
    result = milepost.edit(
        EXAMPLES / MEMORY, "ship", item="snapshots", today=dt.date(2026, 11, 25), dry_run=True
    )
    shown = repr(result)
    assert shown.startswith("EditResult(path=") and "description=" in shown
    assert "diff='--- a/" in shown and "text=" not in shown
    assert len(shown) < len(result.diff) + 300 < len(result.text)
    document = milepost.load(EXAMPLES / MEMORY).document
    lines = document.line_count
    assert repr(document) == (
        f"<Document from {str(EXAMPLES / MEMORY)!r}: {lines} lines,"
        f" {len(document.blocks)} blocks, {len(document.headings)} headings>"
    )
    assert repr(document.source) == (
        f"Source(path={str(EXAMPLES / MEMORY)!r}, encoding='utf-8', bom=False)"
    )
    assert repr(milepost.loads("# A\n").document) == (
        "<Document (text): 1 line, 1 block, 1 heading>"
    )


def test_load_reads_the_config_as_it_is_now(tmp_path: Path) -> None:
    """``milepost.load`` kept each folder's config for the life of the process: in a notebook,
    a ``[statuses]`` marker added to milepost.toml went unread by every later load (until a
    ``check`` or ``load_many`` happened to start afresh)."""
    (tmp_path / "roadmap.md").write_text(
        "# T Roadmap\n\n## Current Focus\n\n- 🦄 Unicorn\n- 📋 Other\n", encoding="utf-8"
    )
    (tmp_path / "milepost.toml").write_text('project = "T"\n', encoding="utf-8")
    assert [i.title for i in milepost.load(tmp_path / "roadmap.md").items] == ["Other"]
    (tmp_path / "milepost.toml").write_text(
        'project = "T"\n[statuses]\n"🦄" = "future"\n', encoding="utf-8"
    )
    items = milepost.load(tmp_path / "roadmap.md").items
    assert [(i.title, i.status) for i in items] == [
        ("Unicorn", milepost.Status.FUTURE),
        ("Other", milepost.Status.PLANNED),
    ]


def test_loads_keeps_a_path_object_as_text() -> None:
    """``loads(text, path=Path(...))`` kept the Path: the roadmap's JSON (its path and every
    span's) could not be written, and its repr said ``PosixPath(...)``."""
    roadmap = milepost.loads("# A Roadmap\n\n## Now\n\n- ✅ B\n", path=Path("x/roadmap.md"))
    assert roadmap.path == "x/roadmap.md" and roadmap.items[0].span.path == "x/roadmap.md"
    data = json.loads(json.dumps(roadmap.to_dict()))
    assert data["path"] == "x/roadmap.md"
    assert repr(roadmap).startswith("<Roadmap 'A' from 'x/roadmap.md':")
    assert roadmap == milepost.loads(roadmap.to_markdown(), path="x/roadmap.md")
    with pytest.raises(TypeError, match="not bytes"):
        milepost.loads("# A\n", path=b"x/roadmap.md")  # type: ignore[arg-type]


def test_dir_lists_the_exported_names_before_they_are_used() -> None:
    """``dir(milepost)``, which a notebook completes ``milepost.`` from, listed none of
    ``load``, ``check`` or ``Roadmap`` until each had been used once; listing them still
    imports none of them."""
    script = (
        "import sys, milepost, milepost.api\n"
        "print(sorted(set(milepost.__all__) - set(dir(milepost))))\n"
        "print(sorted(set(milepost.api.__all__) - set(dir(milepost.api))))\n"
        "print('milepost.api.loading' in sys.modules, 'milepost.model' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["[]", "[]", "False False"]


# What ``milepost check FILE`` must not import: each is a cost at every start that checking one
# file never needs (the site, the terminal renderer, edits, history, parallel checking...).
_NOT_ON_THE_CHECK_PATH = (
    "jinja2",
    "rich",
    "markupsafe",
    "multiprocessing",
    "concurrent.futures",
    "json",
    "subprocess",
    "hashlib",
    "traceback",
    "pickle",
    "tempfile",
    "milepost.render.site",
    "milepost.render.terminal",
    "milepost.sitebuild",
    "milepost.edits",
    "milepost.history",
    "milepost.portfolio.model",
)


def test_check_one_file_imports_only_what_it_needs_and_compiles_patterns_lazily() -> None:
    """A cold ``milepost check FILE`` is mostly imports: none of the modules above is
    imported, and the patterns made with :func:`milepost.lazy.lazy_pattern` are not compiled
    by importing (only a roadmap that needs one compiles it)."""
    script = (
        "import sys\n"
        "from milepost.cli import main\n"
        "import milepost.cli.check, milepost.api.loading, milepost.rules\n"
        "import milepost.render.diagnostics\n"
        "from milepost.lazy import _LazyPattern\n"
        "lazy = [v for m in list(sys.modules.values()) for v in list(vars(m).values())\n"
        "        if isinstance(v, _LazyPattern)]\n"
        "print(len(lazy), sum('match' in vars(p) for p in lazy))\n"
        f"code = main(['check', {str(EXAMPLES / 'tracks' / 'memory' / 'roadmap.md')!r},\n"
        f"             '--today', {TODAY.isoformat()!r}])\n"
        f"print([m for m in {_NOT_ON_THE_CHECK_PATH!r} if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    counts, *_, imported = done.stdout.splitlines()
    made, compiled = map(int, counts.split())
    assert made >= 30 and compiled == 0
    assert imported == "[]"


def test_every_lazy_pattern_compiles() -> None:
    """A pattern compiled on first use would raise on a roadmap that needs it rather than at
    import: compile each one here."""
    import importlib
    import pkgutil
    import re

    from milepost.lazy import _LazyPattern

    found = []
    for info in pkgutil.walk_packages(milepost.__path__, "milepost."):
        if info.name.startswith(("milepost.sphinx", "milepost.mkdocs")):
            continue  # their hosts may not be installed
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, _LazyPattern):
                found.append(value)
    assert len(found) >= 30
    for pattern in found:
        assert re.compile(pattern._source, pattern._flags).pattern == pattern._source


def test_a_lazy_pattern_matches_as_its_compiled_pattern_does() -> None:
    import re

    from milepost.lazy import lazy_pattern

    for name, args in [
        ("match", ("x ab", 2)),
        ("fullmatch", ("AB",)),
        ("search", ("x ab",)),
        ("sub", ("-", "ab ab")),
        ("subn", ("-", "ab ab")),
        ("split", ("xabyab",)),
        ("findall", ("ab AB",)),
        ("finditer", ("ab AB",)),
    ]:
        lazy, compiled = lazy_pattern("ab", re.I), re.compile("ab", re.I)
        first = getattr(lazy, name)(*args)
        again = getattr(lazy, name)(*args)  # now the compiled pattern's own method
        want = getattr(compiled, name)(*args)
        if name == "finditer":
            first, again, want = ([m.span() for m in x] for x in (first, again, want))
        elif name in ("match", "fullmatch", "search"):
            first, again, want = (x.span() for x in (first, again, want))
        assert first == again == want, name


def test_an_unknown_edit_names_the_edits_there_are() -> None:
    """``edit(path, "complete")`` said "unknown edit 'complete'" and no more: which are
    there is the one thing a script's author needs to know then."""
    with pytest.raises(UsageError) as caught:
        milepost.edit(EXAMPLES / MEMORY, "complete", item="snapshots", today=TODAY, dry_run=True)
    assert str(caught.value) == (
        "unknown edit 'complete' (one of start, block, drop, ship, plan, review, metric,"
        " request, risk, rollover)"
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda: milepost.load(EXAMPLES / "tracks" / "memory" / "roadmap.md", config="x.toml"),  # type: ignore[arg-type]
        lambda: milepost.loads("# A\n", config="milepost.toml"),  # type: ignore[arg-type]
        lambda: api.check_loaded([], today=TODAY, config={"project": "X"}),  # type: ignore[arg-type]
        lambda: api.new_track("Search", today=TODAY, config="milepost.toml"),  # type: ignore[arg-type]
    ],
)
def test_a_config_given_as_its_path_is_a_type_error_saying_how_to_read_one(
    call: Callable[[], object],
) -> None:
    """``load(path, config="milepost.toml")`` raised AttributeError ('str' object has no
    attribute 'statuses')."""
    with pytest.raises(TypeError, match=r"^config must be a milepost\.api\.Config \(read one"):
        call()
