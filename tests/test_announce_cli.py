"""``milepost announce`` on the scripted example history, posting to a real server on 127.0.0.1."""

from __future__ import annotations

import json
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

5 tracks · milepost
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    built: Path = SCRIPT.build(tmp_path / "swarmkit")
    monkeypatch.chdir(built)
    monkeypatch.delenv("MILEPOST_DISCORD_WEBHOOK", raising=False)
    return built


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
    assert [e["title"] for e in payload["embeds"]] == ["Shipped", "Started", "Slipped", "Dropped"]
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
    assert "### New tracks\n\n- **Evaluation**: 20 items on its roadmap\n" in out
    assert "### Shipped" not in out  # their finished work is not news


def test_announcing_one_track_leaves_the_others_to_announce(
    repo: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("MILEPOST_DISCORD_WEBHOOK", server.url)
    code, _, err = announce(capsys, "--since", "2026-11-01", "--to", "discord")
    assert code == 0, err
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


def test_a_failure_midway_resumed_another_day_posts_nothing_twice(
    repo: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _many_started_items(repo)  # enough lines for several messages
    git(repo, "commit", "-qam", "Everything starts", day="2026-11-24")
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
