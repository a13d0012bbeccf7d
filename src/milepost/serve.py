"""``milepost serve``: the site, served on 127.0.0.1 only, rebuilt when a roadmap or the config
changes, and every open page reloaded when its build is done.

The pages served are those ``milepost site`` writes, with two additions made while serving
(never in the files): a small script that asks ``/__milepost__/version`` twice a second and
reloads the page when the build number changes, and, when the last build found errors (a
roadmap that cannot be read, a bad config), a banner listing them. A build that fails keeps the
server up: the errors show in the terminal and on the pages, and the next save tries again.

With :mod:`milepost.api` and the CLI, one of the modules that touch files and the network.
"""

from __future__ import annotations

import json
import mimetypes
import os
import threading
import traceback
from collections.abc import Callable, Iterable
from datetime import date
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from milepost import api, fs
from milepost.errors import MilepostError

__all__ = ["RELOAD_PATH", "VERSION_PATH", "Preview"]

VERSION_PATH = "/__milepost__/version"
RELOAD_PATH = "/__milepost__/reload.js"
_WATCHED = (".md", ".markdown", ".toml")
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


class Preview:
    """A site folder kept built from roadmaps, and an HTTP server on 127.0.0.1 serving it."""

    def __init__(
        self,
        paths: list[str | os.PathLike[str]],
        output: Path,
        *,
        today: date,
        port: int = 8000,
        say: Callable[[str], None] = lambda _line: None,
        history: Any = None,
    ) -> None:
        self.paths = paths
        self.history = history  # git's statistics, read once: edits being previewed are not commits
        self.output = output
        self.today = today
        self.say = say
        self.version = 0
        self.errors: list[str] = []
        self._memo: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watching = threading.Event()  # set once the watcher sees the files
        self._watcher: threading.Thread | None = None
        self._server: threading.Thread | None = None
        self._folders: frozenset[str] = frozenset()  # the folders the roadmaps are in
        self._linked: frozenset[str] = frozenset()  # the files their pages link to
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def build(self) -> None:
        """Build the site again; whatever goes wrong is shown, never raised."""
        with self._lock:
            self._folders = _folders_of(self.paths)
            try:
                result = api.site(
                    self.paths,
                    self.output,
                    today=self.today,
                    memo=self._memo,
                    history=self.history,
                )
                errors = [str(e) for e in result.errors]
                self._linked = result.linked
                summary = f"built: {result.written} files written, {result.reused} tracks reused"
            except MilepostError as exc:
                errors, summary = [str(exc)], "build failed"
            except Exception as exc:  # a bug must not stop the preview: shown like an error
                errors = [f"internal error: {type(exc).__name__}: {exc}"]
                summary = "build failed"
                traceback.print_exc()
            self.errors = errors
            self.version += 1
        for error in errors:
            self.say(f"milepost: error: {error}")
        self.say(summary)

    def start(self) -> None:
        """Build, then serve and watch in background threads (see :meth:`close`). A folder
        a build would refuse (another's files in it) is refused here, before anything is
        served from it."""
        from milepost.sitebuild import refuse_a_folder_not_ours

        refuse_a_folder_not_ours(Path(self.output))
        self.build()
        self._server = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._server.start()
        self.start_watching()

    def start_watching(self) -> None:
        """Watch the roadmaps and config in a background thread; return once it watches (a
        change made right after this returns is seen)."""
        self._watcher = threading.Thread(target=self.watch, daemon=True)
        self._watcher.start()
        self._watching.wait(timeout=10)

    def watch(self) -> None:
        """Rebuild after every batch of changes to roadmaps or config files (until closed)."""
        from watchfiles import watch

        roots = sorted({_folder(p) for p in self.paths} | {_folder(self._config_folder())})
        output = fs.real(self.output)
        for changes in watch(
            *roots,
            watch_filter=lambda _change, path: _relevant(path, output, self._folders, self._linked),
            stop_event=self._stop,
            debounce=200,
            step=50,
            rust_timeout=200,
            yield_on_timeout=True,  # an empty batch now and then: proof that it is watching
        ):
            self._watching.set()
            if changes:
                names = sorted({_shown(p) for _, p in changes})
                self.say(f"changed: {', '.join(names)}")
                self.build()

    def _config_folder(self) -> Path:
        start = Path(self.paths[0]) if self.paths else Path(".")
        try:
            config = api.find_config(start)
        except MilepostError as exc:  # a broken config is watched all the same, to see it fixed
            return Path(exc.path).parent if exc.path else start
        return Path(config.path).parent if config.path else start

    def close(self) -> None:
        """Stop watching and serving."""
        self._stop.set()
        if self._server is not None:  # serve_forever runs in a thread of ours
            self.server.shutdown()
            self._server.join(timeout=5)
        self.server.server_close()
        if self._watcher is not None:
            self._watcher.join(timeout=5)

    def page(self, path: str) -> tuple[HTTPStatus, str, bytes]:
        """What to answer for ``path``: status, content type, body."""
        if path == VERSION_PATH:
            body = {"version": self.version, "errors": self.errors}
            return HTTPStatus.OK, "application/json", json.dumps(body).encode("utf-8")
        if path == RELOAD_PATH:
            return HTTPStatus.OK, "text/javascript; charset=utf-8", _RELOAD_JS
        if path == "/favicon.ico":  # the site has none; browsers ask all the same
            return HTTPStatus.NO_CONTENT, "image/x-icon", b""
        file = _file(self.output, path)
        if file is None:
            return self._html(HTTPStatus.NOT_FOUND, _error_page("Not found", [path]))
        try:
            data = fs.read(file, any_size=True).data
        except MilepostError:
            if self.errors:
                return self._html(HTTPStatus.INTERNAL_SERVER_ERROR, _error_page("", []))
            return self._html(HTTPStatus.NOT_FOUND, _error_page("Not found", [path]))
        if file.suffix == ".html":
            return self._html(HTTPStatus.OK, data)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return HTTPStatus.OK, kind, data

    def _html(self, status: HTTPStatus, data: bytes) -> tuple[HTTPStatus, str, bytes]:
        """An HTML page with the reload script, and the last build's errors if any."""
        extra = (_banner(self.errors) if self.errors else "") + _TAIL
        text = data.decode("utf-8", "replace")
        cut = text.rfind("</body>")
        text = text[:cut] + extra + text[cut:] if cut != -1 else text + extra
        return status, "text/html; charset=utf-8", text.encode("utf-8")


def _shown(path: str) -> str:
    """A changed path as the terminal shows it: relative to the working folder when inside
    it (every track's file may be called roadmap.md)."""
    try:
        return fs.real(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def _folder(path: str | os.PathLike[str]) -> str:
    p = fs.real(path)
    return str(p if p.is_dir() else p.parent)


def _relevant(
    path: str,
    output: Path,
    folders: frozenset[str] = frozenset(),
    linked: frozenset[str] = frozenset(),
) -> bool:
    """Whether a change at ``path`` can change the site: a roadmap or config file, a file a
    page links to (``linked``: an image changed, or a linked file made at last), a folder
    made, or a folder gone that held roadmaps (``folders``: a renamed or removed track folder
    takes its roadmap with it; an editor's temporary file is no folder), outside the output
    and outside hidden folders such as ``.git``."""
    p = Path(path)
    if p.name.startswith(".") or ".git" in p.parts or fs.real(p).is_relative_to(output):
        return False
    if p.suffix in _WATCHED or str(fs.real(p)) in linked:
        return True
    if p.is_dir():
        return True
    return not p.exists() and str(fs.real(p)) in folders


def _folders_of(paths: list[str | os.PathLike[str]]) -> frozenset[str]:
    """Every folder that holds a roadmap of ``paths``, and the folders above it up to the one
    named (what a rename or removal can take roadmaps away with)."""
    found: set[str] = set()
    for path in paths:
        top = fs.real(path)
        try:
            files = api.discover(path)
        except MilepostError:
            continue
        for file in files:
            for folder in fs.real(file).parents:
                if not folder.is_relative_to(top) or folder == top:
                    break
                found.add(str(folder))
    return frozenset(found)


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


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "milepost-serve"

        def do_GET(self) -> None:
            status, kind, body = preview.page(self.path)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_HEAD(self) -> None:
            status, kind, body = preview.page(self.path)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the terminal shows builds and errors, not every request."""

    return Handler
