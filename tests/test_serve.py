"""``milepost serve``: the real server on 127.0.0.1 (port 0), fetched with urllib; edits rebuild
the site and bump the build number the pages poll; broken input shows and serving goes on."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from milepost import api
from milepost.serve import Preview
from milepost.serve.pages import RELOAD_PATH, VERSION_PATH
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 11, 25)
WAIT = 30.0  # seconds before a wait for the watcher counts as failed (never a pass by time)


def fetch(url: str) -> tuple[int, str, str]:
    """Status, content type and text of a GET to a loopback URL."""
    assert url.startswith("http://127.0.0.1:")
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


def wait_until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLES, root)
    return root


@pytest.fixture
def preview(portfolio: Path, tmp_path: Path) -> Iterator[Preview]:
    running = Preview([portfolio], tmp_path / "site", today=TODAY, port=0)
    running.start()
    try:
        yield running
    finally:
        running.close()


def version(preview: Preview) -> int:
    status, kind, body = fetch(preview.url + VERSION_PATH.lstrip("/"))
    assert status == 200 and kind == "application/json"
    number: int = json.loads(body)["version"]
    return number


def test_serves_the_site_on_loopback_with_the_reload_script(preview: Preview) -> None:
    assert preview.url.startswith("http://127.0.0.1:")
    assert preview.server.server_address[0] == "127.0.0.1"
    status, kind, index = fetch(preview.url)
    assert status == 200 and kind.startswith("text/html")
    assert "Swarmkit roadmap" in index
    assert index.rstrip().endswith(f'<script src="{RELOAD_PATH}"></script></body>\n</html>')
    status, kind, page = fetch(preview.url + "tracks/memory.html")
    assert status == 200 and RELOAD_PATH in page
    status, kind, css = fetch(preview.url + "static/site.css")
    assert status == 200 and kind == "text/css" and RELOAD_PATH not in css
    status, kind, script = fetch(preview.url + RELOAD_PATH.lstrip("/"))
    assert status == 200 and "location.reload()" in script and VERSION_PATH in script
    assert version(preview) == 1
    for hidden in (
        ".milepost-site.json",
        ".milepost-cache/",
        "%2e%2e/p/milepost.toml",
        "nope.html",
    ):
        assert fetch(preview.url + hidden)[0] == 404, hidden


def test_an_edit_rebuilds_the_site_and_bumps_the_version(preview: Preview, portfolio: Path) -> None:
    before = version(preview)
    memory = portfolio / "tracks" / "memory" / "roadmap.md"
    text = memory.read_text(encoding="utf-8")
    memory.write_text(text.replace("Per-agent memory namespaces", "Per-agent quotas"), "utf-8")
    wait_until(lambda: version(preview) > before, "a rebuild after the edit")
    wait_until(
        lambda: "Per-agent quotas" in fetch(preview.url + "tracks/memory.html")[2],
        "the edit on the track page",
    )
    assert "Per-agent quotas" in fetch(preview.url + "items.html")[2]
    assert not json.loads(fetch(preview.url + VERSION_PATH.lstrip("/"))[2])["errors"]


def test_a_linked_file_changed_or_made_is_copied_again(portfolio: Path, tmp_path: Path) -> None:
    folder = portfolio / "tracks" / "memory"
    (folder / "diagram.svg").write_text("<svg>first</svg>", "utf-8")
    roadmap = folder / "roadmap.md"
    links = "\nSee [the diagram](diagram.svg) and [the notes](notes.txt).\n"
    roadmap.write_text(roadmap.read_text(encoding="utf-8") + links, "utf-8")
    running = Preview([portfolio], tmp_path / "site", today=TODAY, port=0)
    running.start()
    try:
        copy = running.url + "files/memory/diagram.svg"
        assert fetch(copy)[2] == "<svg>first</svg>"
        page = running.url + "tracks/memory.html"
        assert 'href="notes.txt"' in fetch(page)[2]  # not there yet: left as written
        before = version(running)
        (folder / "diagram.svg").write_text("<svg>second</svg>", "utf-8")
        wait_until(lambda: version(running) > before, "a rebuild after the file changed")
        wait_until(lambda: fetch(copy)[2] == "<svg>second</svg>", "the changed file copied")
        (folder / "notes.txt").write_text("notes", "utf-8")
        wait_until(lambda: "../files/memory/notes.txt" in fetch(page)[2], "the made file linked")
        # copied before the page that links to it is written
        assert fetch(running.url + "files/memory/notes.txt")[2] == "notes"
    finally:
        running.close()


def test_a_renamed_track_folder_is_rebuilt(preview: Preview, portfolio: Path) -> None:
    before = version(preview)
    (portfolio / "tracks" / "memory").rename(portfolio / "tracks" / "recall")
    wait_until(lambda: version(preview) > before, "a rebuild after the folder was renamed")
    wait_until(
        lambda: fetch(preview.url + "tracks/recall.html")[0] == 200, "the page under its new name"
    )
    assert fetch(preview.url + "tracks/memory.html")[0] == 404


def test_a_broken_roadmap_shows_its_error_and_serving_goes_on(
    preview: Preview, portfolio: Path
) -> None:
    memory = portfolio / "tracks" / "memory" / "roadmap.md"
    good = memory.read_bytes()
    before = version(preview)
    memory.write_bytes(good.replace(b"Per-agent", b"Per\xff-agent", 1))
    wait_until(lambda: version(preview) > before, "a rebuild after the breakage")
    state = json.loads(fetch(preview.url + VERSION_PATH.lstrip("/"))[2])
    assert any("cannot decode byte" in e and "memory" in e for e in state["errors"])
    status, _, index = fetch(preview.url)
    assert status == 200
    assert 'id="milepost-errors"' in index and "cannot decode byte" in index
    assert "Orchestration" in index  # the other tracks are still there
    broken = version(preview)
    memory.write_bytes(good)
    wait_until(lambda: version(preview) > broken, "a rebuild after the fix")
    assert 'id="milepost-errors"' not in fetch(preview.url)[2]


def test_a_broken_config_shows_its_error_and_serving_goes_on(
    preview: Preview, portfolio: Path
) -> None:
    config = portfolio / "milepost.toml"
    good = config.read_text(encoding="utf-8")
    before = version(preview)
    config.write_text(good + "\nstale_after_days = 'soon'\n", encoding="utf-8")
    # A write can reach the watcher as two changes (emptied, then written): wait for the
    # build that saw the whole file, not merely for the next build.
    wait_until(
        lambda: version(preview) > before and 'id="milepost-errors"' in fetch(preview.url)[2],
        "a rebuild after the config broke",
    )
    status, _, index = fetch(preview.url)
    assert status == 200 and "milepost.toml" in index
    broken = version(preview)
    config.write_text(good, encoding="utf-8")
    wait_until(
        lambda: version(preview) > broken and 'id="milepost-errors"' not in fetch(preview.url)[2],
        "a rebuild after the fix",
    )


def test_serving_starts_with_a_broken_config_and_sees_it_fixed(
    portfolio: Path, tmp_path: Path
) -> None:
    config = portfolio / "milepost.toml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "\nstale_after_days = 1\n", encoding="utf-8")  # a duplicate key
    running = Preview([portfolio], tmp_path / "site", today=TODAY, port=0)
    running.start()
    try:
        assert 'id="milepost-errors"' in fetch(running.url)[2]
        before = version(running)
        config.write_text(good, encoding="utf-8")
        wait_until(  # the watcher lives on: the fix is seen
            lambda: (
                version(running) > before and 'id="milepost-errors"' not in fetch(running.url)[2]
            ),
            "a rebuild after the fix",
        )
    finally:
        running.close()


def test_the_built_site_has_no_reload_script(tmp_path: Path) -> None:
    out = tmp_path / "site"
    api.site([EXAMPLES], out, today=TODAY)
    for page in out.rglob("*"):
        if page.is_file():
            assert b"__milepost__" not in page.read_bytes(), page


def _take_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("signal_name", "code"), [("SIGINT", 130), ("SIGTERM", 143)], ids=["ctrl-c", "sigterm"]
)
def test_cli_prints_the_url_and_a_signal_ends_serving_and_removes_the_temporary_site(
    portfolio: Path, tmp_path: Path, signal_name: str, code: int
) -> None:
    if os.name == "nt":
        pytest.skip("POSIX signals")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "milepost", "serve", str(portfolio), "--port", "0"]
    with subprocess.Popen(
        [*cmd, "--today", "2026-11-25"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # as in a terminal: a run started in the background of a script (`pytest &`) has
        # Ctrl-C ignored, and a Python started so never takes it
        preexec_fn=_take_ctrl_c,
    ) as proc:
        try:
            assert proc.stdout is not None
            lines: list[str] = []
            while not lines or " at http://" not in lines[-1]:
                line = proc.stdout.readline()
                assert line, f"serve ended early: {proc.stderr.read() if proc.stderr else ''}"
                lines.append(line)
            url = lines[-1].split(" at ", 1)[1].split()[0]
            assert url.startswith("http://127.0.0.1:")
            assert fetch(url)[0] == 200
            assert list(tmp_path.glob("milepost-serve-*")), "the site is built in a temp folder"
            proc.send_signal(getattr(signal, signal_name))
            assert proc.wait(timeout=30) == code
        finally:
            if proc.poll() is None:
                proc.kill()
    assert not list(tmp_path.glob("milepost-serve-*")), "the temporary site is removed"


def test_a_port_in_use_is_a_one_line_error(preview: Preview, portfolio: Path) -> None:
    from milepost.cli import main

    port = preview.server.server_address[1]
    assert main(["serve", str(portfolio), "--port", str(port)]) == 2


@pytest.mark.timeout(30)
def test_a_missing_path_is_a_one_line_error_before_anything_is_served(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It built a page saying so, said "built", and served that page until stopped.
    from milepost.cli import main

    missing = tmp_path / "roadmpas"
    assert main(["serve", str(missing), "--port", "0"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and f"{missing}: no such file or folder" in err and "Traceback" not in err


def test_the_preview_shows_the_history_of_a_git_clone(portfolio: Path, tmp_path: Path) -> None:
    from milepost.cli.site import history_stats

    git = [
        "git",
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.com",
        "-c",
        "commit.gpgsign=false",
    ]
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-11-20T12:00:00Z",
        "GIT_COMMITTER_DATE": "2026-11-20T12:00:00Z",
    }
    subprocess.run(["git", "init", "-q", str(portfolio)], check=True)
    subprocess.run([*git, "-C", str(portfolio), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(portfolio), "commit", "-qm", "roadmaps"], check=True, env=env)
    stats = history_stats([portfolio], TODAY)
    assert stats is not None
    running = Preview([portfolio], tmp_path / "site", today=TODAY, port=0, history=stats)
    try:
        running.build()
        page = (tmp_path / "site" / "history.html").read_text(encoding="utf-8")
        assert "From the roadmaps' git history" in page and "Orchestration" in page
    finally:
        running.close()


def test_only_changes_that_can_change_the_site_count(tmp_path: Path) -> None:
    from milepost.serve import _folders_of, _relevant

    track = tmp_path / "tracks" / "memory"
    track.mkdir(parents=True)
    (track / "roadmap.md").write_text("# Memory Roadmap\n", encoding="utf-8")
    output = tmp_path / "site"
    folders = _folders_of([tmp_path / "tracks"])
    assert folders == {str(track.resolve())}
    assert _relevant(str(track / "roadmap.md"), output, folders)
    assert _relevant(str(tmp_path / "tracks" / "new"), output, folders) is False  # not made
    (tmp_path / "tracks" / "new").mkdir()
    assert _relevant(str(tmp_path / "tracks" / "new"), output, folders)
    # an editor's temporary file, made and gone (sed -i): no folder of roadmaps
    assert not _relevant(str(track / "sedzPMfXE"), output, folders)
    track.rename(tmp_path / "tracks" / "recall")
    assert _relevant(str(track), output, folders)  # the folder gone took a roadmap with it
    image = track / "diagram.png"
    assert not _relevant(str(image), output, folders)
    assert _relevant(str(image), output, folders, frozenset({str(image.resolve())}))
    assert not _relevant(str(output / "index.html"), output, folders)


def test_a_symlink_loop_is_no_crash_when_watching(tmp_path: Path) -> None:
    from milepost import serve

    (tmp_path / "tracks" / "loopy").mkdir(parents=True)
    os.symlink("roadmap.md", tmp_path / "tracks" / "loopy" / "roadmap.md")
    os.symlink("x2", tmp_path / "tracks" / "x1")
    os.symlink("x1", tmp_path / "tracks" / "x2")
    folders = serve._folders_of([tmp_path / "tracks", tmp_path / "tracks" / "x1"])
    assert folders == {os.path.realpath(tmp_path / "tracks" / "loopy")}
    assert serve._relevant(str(tmp_path / "tracks" / "loopy" / "roadmap.md"), tmp_path / "out")
    assert not serve._relevant(str(tmp_path / "tracks" / "x1"), tmp_path / "out")
