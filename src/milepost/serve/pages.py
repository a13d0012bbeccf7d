"""What ``milepost serve`` answers: the built site's files, and on every HTML page (never in the
files) a script that reloads it when the build number at ``/__milepost__/version`` changes
and, when the last build found errors, a banner listing them."""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from milepost import fs
from milepost.errors import MilepostError

__all__ = ["RELOAD_PATH", "VERSION_PATH", "Answer", "answer", "handler"]

VERSION_PATH = "/__milepost__/version"
RELOAD_PATH = "/__milepost__/reload.js"
_RELOAD_JS = b"""// milepost serve: reload the page when the site is rebuilt.
(function () {
  var seen = null;
  function poll() {
    fetch("/__milepost__/version", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (seen === null) { seen = d.version; } else if (d.version !== seen) { location.reload(); }
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 500); });
  }
  poll();
})();
"""
_TAIL = f'<script src="{RELOAD_PATH}"></script>'

Answer = tuple[HTTPStatus, str, bytes]  # status, content type, body


def answer(path: str, *, output: Path, version: int, errors: Sequence[str]) -> Answer:
    """What to answer for ``path`` from the site built in ``output`` (build number
    ``version``, whose errors were ``errors``): status, content type, body."""
    if path == VERSION_PATH:
        body = {"version": version, "errors": list(errors)}
        return HTTPStatus.OK, "application/json", json.dumps(body).encode("utf-8")
    if path == RELOAD_PATH:
        return HTTPStatus.OK, "text/javascript; charset=utf-8", _RELOAD_JS
    if path == "/favicon.ico":  # the site has none; browsers ask all the same
        return HTTPStatus.NO_CONTENT, "image/x-icon", b""
    file = _file(output, path)
    if file is None:
        return _html(HTTPStatus.NOT_FOUND, _error_page("Not found", [path]), errors)
    try:
        data = fs.read(file, any_size=True).data
    except MilepostError:
        if errors:
            return _html(HTTPStatus.INTERNAL_SERVER_ERROR, _error_page("", []), errors)
        return _html(HTTPStatus.NOT_FOUND, _error_page("Not found", [path]), errors)
    if file.suffix == ".html":
        return _html(HTTPStatus.OK, data, errors)
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return HTTPStatus.OK, kind, data


def _html(status: HTTPStatus, data: bytes, errors: Sequence[str]) -> Answer:
    """An HTML page with the reload script, and the last build's errors if any."""
    extra = (_banner(errors) if errors else "") + _TAIL
    text = data.decode("utf-8", "replace")
    cut = text.rfind("</body>")
    text = text[:cut] + extra + text[cut:] if cut != -1 else text + extra
    return status, "text/html; charset=utf-8", text.encode("utf-8")


def _file(root: Path, url_path: str) -> Path | None:
    """The file below ``root`` that a URL path names; None outside it or for hidden files."""
    parts = [p for p in unquote(urlsplit(url_path).path).split("/") if p]
    if any(p.startswith(".") or "\\" in p or "\0" in p for p in parts):
        return None
    target = root.joinpath(*parts)
    if not parts or target.is_dir():
        target = target / "index.html"
    return target


def _banner(errors: Iterable[str]) -> str:
    lines = "".join(f"<li><code>{escape(e)}</code></li>" for e in errors)
    return (
        '<aside id="milepost-errors" role="alert" style="position:fixed;left:0;right:0;'
        "bottom:0;max-height:40vh;overflow:auto;margin:0;padding:.75rem 1rem;background:#ffebe9;"
        'color:#82071e;border-top:3px solid #cf222e;font:14px/1.4 sans-serif;z-index:9999">'
        f"<strong>milepost serve: the last build found errors</strong><ul>{lines}</ul></aside>"
    )


def _error_page(title: str, lines: list[str]) -> bytes:
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    heading = escape(title or "The site could not be built")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>'
        f"{heading} · milepost serve</title></head><body><h1>{heading}</h1><ul>{items}</ul>"
        "</body></html>\n"
    ).encode()


def handler(page: Callable[[str], Answer]) -> type[BaseHTTPRequestHandler]:
    """The request handler of a server that answers every GET and HEAD with ``page``."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "milepost-serve"

        def do_GET(self) -> None:
            status, kind, body = page(self.path)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_HEAD(self) -> None:
            status, kind, body = page(self.path)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the terminal shows builds and errors, not every request."""

    return Handler
