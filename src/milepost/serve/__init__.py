"""``milepost serve``: the site, served on 127.0.0.1 only, rebuilt when a roadmap or the config
changes, and every open page reloaded when its build is done.

The pages served are those ``milepost site`` writes, with two additions made while serving
(never in the files): a small script that asks ``/__milepost__/version`` twice a second and
reloads the page when the build number changes, and, when the last build found errors (a
roadmap that cannot be read, a bad config), a banner listing them. A build that fails keeps the
server up: the errors show in the terminal and on the pages, and the next save tries again.
This module builds and watches; what the server answers is :mod:`milepost.serve.pages`.

With :mod:`milepost.api` and the CLI, one of the modules that touch files and the network.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable
from datetime import date
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from milepost import api, fs
from milepost.errors import MilepostError
from milepost.serve.pages import Answer, answer, handler

__all__ = ["Preview"]

_WATCHED = (".md", ".markdown", ".toml")


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
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler(self.page))
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

    def page(self, path: str) -> Answer:
        """What to answer for ``path``: status, content type, body."""
        return answer(path, output=self.output, version=self.version, errors=self.errors)


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
