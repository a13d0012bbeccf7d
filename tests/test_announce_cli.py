"""``milepost announce`` on the scripted example history, posting to a real server on 127.0.0.1."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from milepost.cli import main
from tests.test_history import SCRIPT, TODAY, git
from tests.webhook_server import TOKEN, Answer, Server, assert_secret_free

NOVEMBER = """\
## Roadmap update, 2026-11-01 → 2026-11-25

### Shipped

- **Memory**: SQLite memory store as the default backend
- **Orchestration**: Structured handoff protocol between agents
- **Tool Use**: Tool call timeouts with typed errors

### Started

- **Memory**: Context truncation API for agent transcripts

### Slipped

- **Web UI**: Agent message inspector (carried over from October) (2026-10 → 2026-11)
- **Web UI**: Dark mode (carried over from October) (2026-10 → 2026-11)
- **Web UI**: Shareable read-only run links (carried over from October) (2026-10 → 2026-11)

### Dropped

- **Memory**: Redis memory backend (#287) - the SQLite store covers the same use cases

### Renamed tracks

- **Tool Use** (moved from tracks/tools/roadmap.md)

5 tracks · milepost
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    built: Path = SCRIPT.build(tmp_path / "swarmkit")
    monkeypatch.chdir(built)
    monkeypatch.delenv("MILEPOST_DISCORD_WEBHOOK", raising=False)
    return built


@pytest.fixture
def hooked(repo: Path, server: Server, monkeypatch: pytest.MonkeyPatch) -> Server:
    """The server, as the webhook that ``announce --to discord`` posts to."""
    monkeypatch.setenv("MILEPOST_DISCORD_WEBHOOK", server.url)
    return server


@pytest.fixture
def november_posted(hooked: Server, capsys: pytest.CaptureFixture[str]) -> Server:
    """The server that November's news (since the 1st, up to the 25th) was posted to."""
    server = hooked
    code, _, err = announce(capsys, "--since", "2026-11-01", "--to", "discord")
    assert code == 0, err
    return server


def announce(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["announce", "--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_tells_what_shipped_started_slipped_and_was_dropped(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = announce(capsys, "--since", "2026-11-01")
    assert code == 0
    assert out == NOVEMBER


def test_a_quiet_week(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = announce(capsys)  # default: the last 7 days, only reviews in them
    assert code == 0
    assert out.startswith("## Roadmap update, 2026-11-18 → 2026-11-25\n")
    assert "No roadmap changes in this period." in out


def test_dry_run_prints_the_payloads(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = announce(capsys, "--since", "2026-11-01", "--to", "discord", "--dry-run")
    assert code == 0
    [payload] = json.loads(out)
    assert payload["content"] == "**Roadmap update, 2026-11-01 → 2026-11-25**"
    titles = ["Shipped", "Started", "Slipped", "Dropped", "Renamed tracks"]
    assert [e["title"] for e in payload["embeds"]] == titles
    assert payload["allowed_mentions"] == {"parse": []}


def test_discord_without_a_webhook_is_a_clear_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = announce(capsys, "--since", "2026-11-01", "--to", "discord")
    assert code == 2
    assert "no Discord webhook configured" in err and "MILEPOST_DISCORD_WEBHOOK" in err


def test_posts_then_announces_only_what_is_new(
    repo: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("MILEPOST_DISCORD_WEBHOOK", server.url)
    server.script = [Answer(429, {"Retry-After": "0.01"})]  # then 204
    code, out, err = announce(capsys, "--since", "2026-11-01", "--to", "discord")
    assert code == 0, err
    assert "posted 1 message to Discord" in err
    [payload] = server.delivered()
    assert isinstance(payload, dict)
    assert "SQLite memory store" in json.dumps(payload, ensure_ascii=False)
    assert [r.status for r in server.requests] == [429, 204]
    assert_secret_free(out, err)
    recorded = json.loads((repo / ".git" / "milepost" / "announced.json").read_text())
    assert recorded["day"] == TODAY
    # A week later, one more item ships: the next announcement starts from the last one.
    (repo / "tracks" / "memory" / "roadmap.md").write_text(
        (repo / "tracks" / "memory" / "roadmap.md")
        .read_text(encoding="utf-8")
        .replace("📋 **Planned:** Memory snapshots", "✅ **Completed:** Memory snapshots"),
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "Memory: snapshots shipped", day="2026-11-27")
    code, out, err = main(["announce", "--today", "2026-12-02"]), *capsys.readouterr()
    assert code == 0
    assert out.startswith("## Roadmap update, 2026-11-25 → 2026-12-02\n")
    assert "### Shipped\n\n- **Memory**: Memory snapshots for run replay\n\n5 tracks" in out
    code, out, err = (
        main(["announce", "--today", "2026-12-02", "--to", "discord"]),
        *capsys.readouterr(),
    )
    assert code == 0, err
    assert "Memory snapshots for run replay" in json.dumps(
        server.delivered()[-1], ensure_ascii=False
    )
    recorded = json.loads((repo / ".git" / "milepost" / "announced.json").read_text())
    assert recorded["day"] == "2026-12-02"  # the record moves on


def test_a_failure_midway_is_resumed_without_posting_twice(
    repo: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Enough lines for several messages: every roadmap item "started" on one day.
    for path in sorted((repo / "tracks").glob("*/roadmap.md")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("📋", "🚧").replace("Planned:", "In Progress:"), "utf-8")
    _many_started_items(repo)
    git(repo, "commit", "-qam", "Everything starts", day="2026-11-25")
    monkeypatch.setenv("MILEPOST_DISCORD_WEBHOOK", server.url)
    code, out, _ = announce(capsys, "--since", "2026-11-25", "--to", "discord", "--dry-run")
    payloads = json.loads(out)
    assert len(payloads) >= 3
    server.script = [Answer(), Answer(500, body=b"oops")]
    code, out, err = announce(capsys, "--since", "2026-11-25", "--to", "discord")
    assert code == 2
    assert "500" in err and err.count("\n") == 1
    assert_secret_free(out, err)
    assert not (repo / ".git" / "milepost" / "announced.json").exists()
    code, out, err = announce(capsys, "--since", "2026-11-25", "--to", "discord")
    assert code == 0, err
    assert f"posted {len(payloads) - 1} messages to Discord (1 already sent)" in err
    assert server.delivered() == payloads  # each exactly once, in order
    assert TOKEN not in (repo / ".git" / "milepost" / "announce-ledger.json").read_text()


def test_a_roadmap_new_since_the_start_is_a_new_track(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = announce(capsys, "--since", "2026-10-01")
    assert code == 0
    assert "### New tracks\n\n- **Evaluation**: 30 items on its roadmap\n" in out
    assert "### Shipped" not in out  # their finished work is not news


def test_announcing_one_track_leaves_the_others_to_announce(
    repo: Path, november_posted: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    server = november_posted
    for track, before, after in (
        ("memory", "📋 **Planned:** Memory snapshots", "✅ **Completed:** Memory snapshots"),
        ("web-ui", "📋 **Planned:** Dark mode", "🚧 **In Progress:** Dark mode"),
    ):
        path = repo / "tracks" / track / "roadmap.md"
        path.write_text(path.read_text(encoding="utf-8").replace(before, after), "utf-8")
    git(repo, "commit", "-qam", "Memory ships snapshots, Web UI starts dark mode", day="2026-11-27")
    # Memory's lead tells Memory's news alone...
    code = main(["announce", "tracks/memory", "--today", "2026-12-01", "--to", "discord"])
    assert code == 0, capsys.readouterr().err
    assert "Memory snapshots" in json.dumps(server.delivered()[-1], ensure_ascii=False)
    # ...which is no reason to keep quiet about Web UI's, nor to tell Memory's twice.
    code, out, _ = main(["announce", "--today", "2026-12-02"]), *capsys.readouterr()
    assert code == 0
    assert out.startswith("## Roadmap update, 2026-11-25 → 2026-12-02\n")
    assert "### Started\n\n- **Web UI**: Dark mode (carried over from October)\n" in out
    assert "Memory snapshots" not in out


@pytest.mark.parametrize("later_news", [False, True], ids=["up-to-head", "past-today"])
def test_a_failure_midway_resumed_another_day_posts_nothing_twice(
    repo: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    later_news: bool,
) -> None:
    _many_started_items(repo)  # enough lines for several messages
    git(repo, "commit", "-qam", "Everything starts", day="2026-11-24")
    if later_news:  # a roadmap commit after the day announced: the announcement ends before HEAD
        path = repo / "tracks" / "web-ui" / "roadmap.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("📋 **Planned:** Dark", "✅ **Completed:** Dark"), "utf-8")
        git(repo, "commit", "-qam", "Web UI: dark mode shipped", day="2026-11-27")
    monkeypatch.setenv("MILEPOST_DISCORD_WEBHOOK", server.url)
    code, out, _ = announce(capsys, "--to", "discord", "--dry-run")
    payloads = json.loads(out)
    assert len(payloads) >= 2
    server.script = [Answer(), Answer(429, {"Retry-After": "3600"})]  # rate limited for an hour
    code, _, err = announce(capsys, "--to", "discord")
    assert code == 2 and "rerun later to send the rest" in err
    # The next morning: the rest of that announcement, not all of it again under a new date.
    code = main(["announce", "--today", "2026-11-26", "--to", "discord"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"posted {len(payloads) - 1} messages to Discord (1 already sent)" in err
    assert server.delivered() == payloads
    recorded = json.loads((repo / ".git" / "milepost" / "announced.json").read_text())
    assert recorded["day"] == TODAY  # what was announced covered up to the first day
    # ...and up to its last commit then, which is not HEAD when later news came after it
    covered = git(repo, "rev-parse", "HEAD~1" if later_news else "HEAD").strip()
    assert recorded["commit"] == covered


def _many_started_items(repo: Path) -> None:
    """400 long started items under Memory's December: enough for several Discord messages."""
    path = repo / "tracks" / "memory" / "roadmap.md"
    marker = "### December 2026\n"
    extra = "".join(
        f"- 🚧 A deliberately long item title number {n} to fill Discord's embeds up\n"
        for n in range(400)
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(marker, marker + extra, 1), encoding="utf-8")


def test_a_past_today_announces_nothing_made_after_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["announce", "--since", "2026-11-01", "--today", "2026-11-10"])
    out = capsys.readouterr().out
    assert code == 0
    # Tool Use shipped its timeouts on 16 November, Memory dropped Redis and renamed the
    # truncation work on the 12th: news after the 10th, not in it.
    assert out == (
        "## Roadmap update, 2026-11-01 → 2026-11-10\n\n"
        "### Shipped\n\n"
        "- **Memory**: SQLite memory store as the default backend\n"
        "- **Orchestration**: Structured handoff protocol between agents\n\n"
        "### Started\n\n"
        "- **Memory**: Context truncation for transcripts\n\n"
        "### Slipped\n\n"
        "- **Web UI**: Agent message inspector (carried over from October) (2026-10 → 2026-11)\n"
        "- **Web UI**: Dark mode (carried over from October) (2026-10 → 2026-11)\n"
        "- **Web UI**: Shareable read-only run links (carried over from October)"
        " (2026-10 → 2026-11)\n\n"
        "5 tracks · milepost\n"
    )


def _commit_at(repo: Path, text: str, when: str) -> None:
    """Commit ``text`` as the roadmap at ``when``, an ISO date and time with its own offset."""
    (repo / "roadmap.md").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", when, at=when)


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Asia/Tokyo"])
def test_a_commit_counts_on_the_day_it_was_made_where_it_was_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], zone: str
) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    road = "# Clock Roadmap\n\n### November 2026\n- {} Alpha\n- {} Beta\n"
    _commit_at(tmp_path, road.format("📋", "📋"), "2026-11-01T12:00:00+00:00")
    # Late on the 10th in San Francisco (the 11th in UTC): news of the 10th.
    _commit_at(tmp_path, road.format("✅", "📋"), "2026-11-10T20:00:00-08:00")
    # Early on the 12th in Tokyo (still the 11th in UTC): news of the 12th.
    _commit_at(tmp_path, road.format("✅", "🚧"), "2026-11-12T08:00:00+09:00")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", zone)  # where the reader is changes nothing
    time.tzset()
    try:
        outs = {}
        for since, today in (("10", "10"), ("05", "11"), ("12", "12")):
            assert (
                main(["announce", "--since", f"2026-11-{since}", "--today", f"2026-11-{today}"])
                == 0
            )
            outs[since, today] = capsys.readouterr().out
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert "### Shipped\n\n- **Clock**: Alpha\n" in outs["10", "10"]
    assert "Beta" not in outs["05", "11"]
    assert "### Started\n\n- **Clock**: Beta\n" in outs["12", "12"]
    assert "Alpha" not in outs["12", "12"]


def test_looking_back_before_the_last_announcement_starts_a_week_earlier(
    november_posted: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    # Announced up to the 25th; what did the week to the 10th look like?
    code = main(["announce", "--today", "2026-11-10"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("## Roadmap update, 2026-11-03 → 2026-11-10\n\n### Shipped\n\n")
    assert "- **Orchestration**: Structured handoff protocol between agents\n" in out
    assert "Tool call timeouts" not in out and "Dropped" not in out


def test_debug_output_never_shows_the_webhook(
    hooked: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # --debug prints tracebacks; neither they nor anything else may show the secret URL.
    server = hooked
    server.script = [Answer(500, body=json.dumps({"message": server.url}).encode())]
    code = main(
        ["--debug", "announce", "--today", TODAY, "--since", "2026-11-01", "--to", "discord"]
    )
    out, err = capsys.readouterr()
    assert code == 2 and "HTTP 500" in err and "Traceback" in err
    assert_secret_free(out, err)
    monkeypatch.setenv("MILEPOST_DISCORD_WEBHOOK", server.url.replace("127.0.0.1", "example.org"))
    code = main(
        ["--debug", "announce", "--today", TODAY, "--since", "2026-11-01", "--to", "discord"]
    )
    out, err = capsys.readouterr()
    assert code == 2 and "is not a Discord webhook URL" in err
    assert_secret_free(out, err)


def test_work_that_became_blocked_is_told(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "tracks" / "web-ui" / "roadmap.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("📋 **Planned:** Dark mode", "⛔ **Blocked:** Dark mode"), encoding="utf-8"
    )
    git(repo, "commit", "-qam", "Web UI: dark mode waits on the design system", day="2026-11-27")
    code = main(["announce", "--since", "2026-11-26", "--today", "2026-12-02"])
    out = capsys.readouterr().out
    assert code == 0
    assert "### Blocked\n\n- **Web UI**: Dark mode (carried over from October)\n\n5 tracks" in out
    code = main(
        [
            "announce",
            "--since",
            "2026-11-26",
            "--today",
            "2026-12-02",
            "--to",
            "discord",
            "--dry-run",
        ]
    )
    [payload] = json.loads(capsys.readouterr().out)
    assert [(e["title"], e["color"]) for e in payload["embeds"]] == [("Blocked", 0xE74C3C)]
