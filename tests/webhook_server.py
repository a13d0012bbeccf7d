"""A scripted webhook endpoint on 127.0.0.1 that records what it is sent (for the tests)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

TOKEN = "tok3n-SECRET-Zq9x_4Hk"
WEBHOOK_PATH = f"/api/webhooks/112233445566/{TOKEN}"


@dataclass
class Answer:
    status: int = 204
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    drop: bool = False  # close the connection without answering
    hang: bool = False  # never answer (until the test ends)
    trickle: bool = False  # answer 200 with a 1,000-byte body sent a byte every 50 ms


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: bytes
    status: int | None  # what it was answered with (None: dropped or hung)

    @property
    def payload(self) -> object:
        return json.loads(self.body)


class Server:
    """A scripted webhook endpoint: answers come off ``script``, then 204 for ever."""

    def __init__(self) -> None:
        self.script: list[Answer] = []
        self.requests: list[Request] = []
        self.release = threading.Event()
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass  # the stdlib would print every request path (and token) to stderr

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with server.lock:
                    answer = server.script.pop(0) if server.script else Answer()
                    answered = None if answer.drop or answer.hang else answer.status
                    server.requests.append(
                        Request(self.path, dict(self.headers.items()), body, answered)
                    )
                if answer.hang:
                    server.release.wait(30)
                if answer.drop or answer.hang:
                    self.close_connection = True
                    return
                if answer.trickle:
                    self.send_response(200)
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    for _ in range(1000):
                        if server.release.wait(0.05):
                            break
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    self.close_connection = True
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{WEBHOOK_PATH}"

    def delivered(self) -> list[object]:
        """Payloads the server accepted (answered 2xx), in order."""
        return [r.payload for r in self.requests if r.status is not None and r.status < 300]


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.httpd.shutdown()
        srv.httpd.server_close()
        srv.thread.join(5)


@pytest.fixture
def sleeps() -> list[float]:
    return []


def json_answer(status: int, data: object, **headers: str) -> Answer:
    body = json.dumps(data).encode()
    return Answer(status, {"Content-Type": "application/json", **headers}, body)


def assert_secret_free(*texts: str) -> None:
    for text in texts:
        assert TOKEN not in text
        assert "112233445566" not in text
        assert WEBHOOK_PATH not in text
