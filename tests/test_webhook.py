"""Posting to a webhook (milepost.webhook), against a real HTTP server on 127.0.0.1.

The server answers from a script (204, 429 with a wait, 500, a JSON error, a dropped or a hung
connection) and records every request. Nothing leaves the loopback interface and nothing here
measures time: waits go through an injected ``sleep`` that only records them.
"""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path

import pytest

from milepost.errors import MilepostError
from milepost.webhook import WebhookError
from milepost.webhook.delivery import PostResult, post
from milepost.webhook.url import discord_url
from tests.webhook_server import (
    TOKEN,
    WEBHOOK_PATH,
    Answer,
    Server,
    assert_secret_free,
    json_answer,
)

PAYLOADS: list[dict[str, object]] = [
    {"content": "**Roadmap update**", "embeds": [{"title": "Shipped", "description": "- a"}]},
    {"embeds": [{"title": "Shipped (continued)", "description": "- b"}]},
    {"embeds": [{"title": "Slipped", "description": "- c"}]},
]


# --- delivery ---------------------------------------------------------------------------------


def test_posts_every_payload_in_order_as_json(server: Server, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.json"
    result = post(server.url, PAYLOADS, ledger=ledger)
    assert result == PostResult(sent=3, skipped=0)
    assert server.delivered() == PAYLOADS
    for request in server.requests:
        assert request.path == f"{WEBHOOK_PATH}?wait=true"
        assert request.headers["Content-Type"] == "application/json"
        assert request.headers["User-Agent"].startswith("milepost/")
    data = json.loads(ledger.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["delivered"]) == 3
    assert_secret_free(ledger.read_text(encoding="utf-8"))


def test_a_rerun_posts_nothing_already_delivered(server: Server, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.json"
    post(server.url, PAYLOADS, ledger=ledger)
    assert post(server.url, PAYLOADS, ledger=ledger) == PostResult(sent=0, skipped=3)
    assert len(server.requests) == 3


def test_a_500_midway_then_a_rerun_posts_each_payload_exactly_once(
    server: Server, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.json"
    server.script = [Answer(204), Answer(500)]
    with pytest.raises(WebhookError) as info:
        post(server.url, PAYLOADS, ledger=ledger)
    assert str(info.value) == (
        "message 2 of 3: Discord answered HTTP 500 "
        "(1 sent this run; rerunning sends only what was not delivered)"
    )
    assert server.delivered() == PAYLOADS[:1]
    assert post(server.url, PAYLOADS, ledger=ledger) == PostResult(sent=2, skipped=1)
    assert server.delivered() == PAYLOADS  # nothing accepted twice
    assert [r.status for r in server.requests] == [204, 500, 204, 204]


def test_another_webhook_or_announcement_is_delivered_afresh(
    server: Server, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.json"
    post(server.url, PAYLOADS, ledger=ledger)
    other = server.url.replace(TOKEN, "another-token")
    assert post(other, PAYLOADS, ledger=ledger) == PostResult(sent=3, skipped=0)
    assert post(server.url, PAYLOADS, ledger=ledger, announcement_id="week 48").sent == 3
    assert post(server.url, PAYLOADS, ledger=ledger, announcement_id="week 48").skipped == 3
    assert len(json.loads(ledger.read_text(encoding="utf-8"))["delivered"]) == 9


def test_nothing_to_post(server: Server, tmp_path: Path) -> None:
    assert post(server.url, [], ledger=tmp_path / "l.json") == PostResult(sent=0, skipped=0)
    assert server.requests == []


# --- rate limits ------------------------------------------------------------------------------


def test_429_waits_as_told_then_retries(
    server: Server, tmp_path: Path, sleeps: list[float]
) -> None:
    server.script = [
        Answer(429, {"Retry-After": "1.5"}),
        json_answer(429, {"message": "You are being rate limited.", "retry_after": 0.25}),
        json_answer(429, {"retry_after": 2.75}, **{"Retry-After": "2"}),  # the longer wins
        Answer(429),  # says nothing: wait a second
    ]
    result = post(server.url, PAYLOADS[:2], ledger=tmp_path / "l.json", sleep=sleeps.append)
    assert result == PostResult(sent=2, skipped=0)
    assert sleeps == [1.5, 0.25, 2.75, 1.0]
    assert [r.status for r in server.requests] == [429, 429, 429, 429, 204, 204]
    assert server.delivered() == PAYLOADS[:2]


def test_429_without_a_usable_wait_waits_a_second(
    server: Server, tmp_path: Path, sleeps: list[float]
) -> None:
    server.script = [
        Answer(429),
        Answer(429, {"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}),
        json_answer(429, {"retry_after": "soon"}, **{"Retry-After": "-3"}),
    ]
    post(server.url, PAYLOADS[:1], ledger=tmp_path / "l.json", sleep=sleeps.append)
    assert sleeps == [1.0, 1.0, 1.0]


def test_429_gives_up_after_max_retries(
    server: Server, tmp_path: Path, sleeps: list[float]
) -> None:
    server.script = [Answer(429, {"Retry-After": "0.5"})] * 4
    ledger = tmp_path / "l.json"
    with pytest.raises(WebhookError, match=r"^message 1 of 3: still rate limited after 3 retries"):
        post(server.url, PAYLOADS, ledger=ledger, sleep=sleeps.append, max_retries=3)
    assert sleeps == [0.5, 0.5, 0.5]
    assert len(server.requests) == 4
    assert json.loads(ledger.read_text(encoding="utf-8"))["delivered"] == []


def test_a_very_long_rate_limit_stops_instead_of_waiting(
    server: Server, tmp_path: Path, sleeps: list[float]
) -> None:
    server.script = [Answer(204), json_answer(429, {"retry_after": 1336.57})]
    with pytest.raises(WebhookError) as info:
        post(server.url, PAYLOADS, ledger=tmp_path / "l.json", sleep=sleeps.append)
    assert str(info.value) == (
        "message 2 of 3: rate limited for 1337 s, longer than the 60 s milepost waits "
        "(1 sent this run; rerun later to send the rest)"
    )
    assert sleeps == []


# --- failures are clear and never name the webhook ---------------------------------------------


def test_a_dropped_connection(server: Server, tmp_path: Path) -> None:
    server.script = [Answer(drop=True)]
    with pytest.raises(WebhookError) as info:
        post(server.url, PAYLOADS, ledger=tmp_path / "l.json")
    assert str(info.value) == (
        "message 1 of 3: the connection to Discord closed before an answer (nothing sent this "
        "run; Discord may have posted this one: rerunning sends it again, so check the channel "
        "first)"
    )
    assert info.value.__cause__ is None and info.value.__context__ is None


def test_a_hung_server_times_out(server: Server, tmp_path: Path) -> None:
    server.script = [Answer(hang=True)]
    with pytest.raises(WebhookError, match=r"^message 1 of 3: no answer from Discord within 0.2 s"):
        post(server.url, PAYLOADS, ledger=tmp_path / "l.json", timeout=0.2)


def test_an_answer_trickled_byte_by_byte_times_out_as_a_whole(
    server: Server, tmp_path: Path
) -> None:
    """Each byte comes well within the timeout; the answer as a whole does not."""
    server.script = [Answer(trickle=True)]
    with pytest.raises(
        WebhookError, match=r"^message 1 of 3: no answer from Discord within 0.3 s"
    ) as info:
        post(server.url, PAYLOADS, ledger=tmp_path / "l.json", timeout=0.3)
    assert len(server.requests) == 1  # the run stopped there
    assert "may have posted this one" in str(info.value)


def test_an_answer_too_large_to_be_discords_stops_the_run(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from milepost.webhook import delivery

    monkeypatch.setattr(delivery, "MAX_ANSWER", 100)
    server.script = [Answer(status=200, body=b"x" * 1000)]
    with pytest.raises(WebhookError, match=r"^message 1 of 3: the answer was larger than"):
        post(server.url, PAYLOADS, ledger=tmp_path / "l.json")
    assert len(server.requests) == 1


def test_nobody_listening(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}{WEBHOOK_PATH}"
    with pytest.raises(WebhookError, match="could not connect to Discord") as info:
        post(url, PAYLOADS, ledger=tmp_path / "l.json")
    assert_secret_free(str(info.value), repr(info.value))


@pytest.mark.parametrize(
    ("status", "hint"),
    [(404, "the webhook was deleted"), (401, "the webhook was deleted"), (400, "milepost bug")],
)
def test_refusals_say_why(server: Server, tmp_path: Path, status: int, hint: str) -> None:
    # A server that echoes the URL back in its error: the echo is scrubbed.
    echo = f"Unknown Webhook at http://x{WEBHOOK_PATH} ({TOKEN})"
    server.script = [json_answer(status, {"message": echo, "code": 10015})]
    with pytest.raises(WebhookError) as info:
        post(server.url, PAYLOADS, ledger=tmp_path / "l.json")
    text = str(info.value)
    assert text.startswith(f"message 1 of 3: Discord answered HTTP {status} (Unknown Webhook at")
    assert "10015)" in text and hint in info.value.hint
    assert_secret_free(text)


SCENARIOS = {
    "500": [Answer(204), Answer(500, body=f"oops {TOKEN}".encode())],
    "drop": [Answer(drop=True)],
    "429 for ever": [Answer(429, {"Retry-After": "0"})] * 3,
    "404 echo": [json_answer(404, {"message": f"no {WEBHOOK_PATH}"})],
    "success": [],
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_the_url_never_shows_in_errors_output_or_logs(
    server: Server,
    tmp_path: Path,
    scenario: str,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx logs each request's URL at INFO
    server.script = list(SCENARIOS[scenario])
    ledger = tmp_path / "l.json"
    texts = []
    try:
        result = post(server.url, PAYLOADS, ledger=ledger, sleep=lambda _: None, max_retries=2)
        texts.append(repr(result))
    except MilepostError as exc:
        texts += [str(exc), repr(exc), exc.hint, repr(exc.args)]
    out, err = capsys.readouterr()
    assert_secret_free(*texts, out, err, caplog.text, ledger.read_text(encoding="utf-8"))
    if scenario != "drop":  # httpx logs each answered request: it did, and it was scrubbed
        assert any(r.name == "httpx" for r in caplog.records)
        assert "<webhook>" in caplog.text


def test_the_log_scrubber_is_removed_afterwards(server: Server, tmp_path: Path) -> None:
    post(server.url, PAYLOADS[:1], ledger=tmp_path / "l.json")
    assert logging.getLogger("httpx").filters == []


# --- the ledger -------------------------------------------------------------------------------


def test_an_unwritable_ledger_stops_before_anything_is_posted(
    server: Server, tmp_path: Path
) -> None:
    ledger = tmp_path / "missing-folder" / "ledger.json"
    with pytest.raises(WebhookError, match="cannot write the delivery ledger"):
        post(server.url, PAYLOADS, ledger=ledger)
    assert server.requests == []


@pytest.mark.parametrize(
    "text", ["{", "[]", '{"version": 2, "delivered": []}', '{"version": 1, "delivered": [1]}']
)
def test_a_foreign_ledger_is_refused(server: Server, tmp_path: Path, text: str) -> None:
    ledger = tmp_path / "ledger.json"
    ledger.write_text(text, encoding="utf-8")
    with pytest.raises(WebhookError, match="not a milepost delivery ledger") as info:
        post(server.url, PAYLOADS, ledger=ledger)
    assert info.value.path == str(ledger)
    assert server.requests == []
    assert ledger.read_text(encoding="utf-8") == text


def test_the_ledger_is_recorded_after_each_post(server: Server, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.json"
    seen: list[int] = []

    def sleep(_: float) -> None:  # called between the 1st and 2nd payload's attempts
        seen.append(len(json.loads(ledger.read_text(encoding="utf-8"))["delivered"]))

    server.script = [Answer(204), Answer(429, {"Retry-After": "0"})]
    post(server.url, PAYLOADS, ledger=ledger, sleep=sleep)
    assert seen == [1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.json"]  # no temp files left


# --- where the URL comes from ------------------------------------------------------------------

GOOD = "https://discord.com/api/webhooks/123/abc-DEF_9"


def test_the_environment_wins_over_the_config() -> None:
    other = "https://canary.discord.com/api/webhooks/9/zz"
    assert discord_url(GOOD, {"MILEPOST_DISCORD_WEBHOOK": other}) == other
    assert discord_url(GOOD, {"MILEPOST_DISCORD_WEBHOOK": "  "}) == GOOD
    assert discord_url(None, {}) is None
    assert discord_url("", {}) is None


@pytest.mark.parametrize(
    "url",
    [
        GOOD,
        GOOD + "/",
        "https://discordapp.com/api/webhooks/123/abc",
        "https://ptb.discord.com/api/webhooks/123/abc",
        "https://canary.discordapp.com/api/webhooks/123/abc",
        "https://discord.com/api/v10/webhooks/123/abc",
        "https://discord.com:443/api/webhooks/123/abc?thread_id=456",
    ],
)
def test_discord_webhook_urls_are_accepted(url: str) -> None:
    assert discord_url(url, {}) == url


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://discord.com/api/webhooks/123/abc", "https://"),
        ("https://evil.example/api/webhooks/123/abc", "host"),
        ("https://discord.com.evil.example/api/webhooks/123/abc", "host"),
        ("https://discord.com:8443/api/webhooks/123/abc", "host"),
        ("https://user:pw@discord.com/api/webhooks/123/abc", "user name or password"),
        ("https://discord.com/api/webhooks/abc/def", "path"),
        ("https://discord.com/api/webhooks/123", "path"),
        ("https://discord.com/api/webhooks/123/abc#x", "fragment"),
        ("https://discord.com:99999/api/webhooks/123/abc", "parsed"),
        ("discord.com/api/webhooks/123/abc", "https://"),
        ("http://127.0.0.1:8080/api/webhooks/123/abc", "https://"),
    ],
)
def test_bad_urls_are_refused_without_being_echoed(url: str, problem: str) -> None:
    for config, env, where in (
        (url, {}, "announce.discord_webhook"),
        (None, {"MILEPOST_DISCORD_WEBHOOK": url}, "MILEPOST_DISCORD_WEBHOOK environment"),
    ):
        with pytest.raises(WebhookError) as info:
            discord_url(config, env)
        text = str(info.value)
        assert where in text and problem in text
        assert "abc" not in text.replace("/api/webhooks/<id>/<token>", "")
        assert "123" not in text and "evil" not in text


def test_loopback_only_when_allowed() -> None:
    for url in ("http://127.0.0.1:8080/hook", "http://localhost/x", "http://[::1]:9/x"):
        assert discord_url(url, {}, allow_loopback=True) == url
        with pytest.raises(WebhookError):
            discord_url(url, {})
    with pytest.raises(WebhookError):
        discord_url("ftp://127.0.0.1/x", {}, allow_loopback=True)
