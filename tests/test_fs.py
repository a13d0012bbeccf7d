"""Reading, atomic writing and walking, on real files in a temporary folder."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from milepost.errors import SourceError, StaleFileError
from milepost.fs import Snapshot, read, walk, write_atomic
from tests.fixtures import remove_deep


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make(path: Path, data: bytes = b"# Roadmap\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def set_old_mtime(path: Path) -> int:
    """Put the file's mtime in the past so any rewrite would show; return it in ns."""
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return path.stat().st_mtime_ns


# --- read ---------------------------------------------------------------------------------


def test_read_returns_bytes_and_fingerprint(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md", b"\xef\xbb\xbfa\r\nb")

    snapshot = read(path)

    assert snapshot == Snapshot(path, b"\xef\xbb\xbfa\r\nb")
    assert snapshot.fingerprint == fingerprint(b"\xef\xbb\xbfa\r\nb")


def test_read_accepts_a_string_path(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md")

    assert read(str(path)).data == b"# Roadmap\n"


def test_read_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "roadmap.md"

    with pytest.raises(SourceError) as info:
        read(missing)

    assert info.value.path == str(missing)
    assert str(missing) in str(info.value)
    assert "no such file" in str(info.value)


def test_read_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as info:
        read(tmp_path)

    assert str(tmp_path) in str(info.value)
    assert "folder" in str(info.value)


def test_read_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "gone.md")

    with pytest.raises(SourceError, match="no such file") as info:
        read(link)
    assert str(link) in str(info.value)


# --- write_atomic -------------------------------------------------------------------------


def test_write_replaces_the_bytes(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md", b"old\r\n")
    snapshot = read(path)

    assert write_atomic(path, b"new\r\n", expected=snapshot.fingerprint) is True

    assert path.read_bytes() == b"new\r\n"


def test_write_creates_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.md"

    assert write_atomic(path, b"# New\n") is True

    assert path.read_bytes() == b"# New\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_write_keeps_the_file_mode(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md")
    path.chmod(0o640)

    write_atomic(path, b"changed\n", expected=read(path).fingerprint)

    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_identical_bytes_are_not_written(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md", b"same\n")
    mtime = set_old_mtime(path)
    inode = path.stat().st_ino

    assert write_atomic(path, b"same\n", expected=fingerprint(b"same\n")) is False

    assert path.stat().st_mtime_ns == mtime
    assert path.stat().st_ino == inode
    assert sorted(os.listdir(tmp_path)) == ["r.md"]


def test_changed_file_is_not_overwritten(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md", b"as read\n")
    snapshot = read(path)
    path.write_bytes(b"someone else's edit\n")
    mtime = set_old_mtime(path)

    with pytest.raises(StaleFileError) as info:
        write_atomic(path, b"our edit\n", expected=snapshot.fingerprint)

    assert path.read_bytes() == b"someone else's edit\n"
    assert path.stat().st_mtime_ns == mtime
    assert str(path) in str(info.value)
    assert "changed on disk" in str(info.value)
    assert sorted(os.listdir(tmp_path)) == ["r.md"]


def test_changed_file_is_refused_even_when_our_bytes_match(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md", b"as read\n")
    snapshot = read(path)
    path.write_bytes(b"our edit\n")

    with pytest.raises(StaleFileError):
        write_atomic(path, b"our edit\n", expected=snapshot.fingerprint)


def test_deleted_file_is_not_recreated(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md")
    snapshot = read(path)
    path.unlink()

    with pytest.raises(StaleFileError):
        write_atomic(path, b"our edit\n", expected=snapshot.fingerprint)

    assert not path.exists()
    assert os.listdir(tmp_path) == []


def test_new_file_is_refused_when_it_exists(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md", b"already here\n")

    with pytest.raises(StaleFileError, match="was created") as info:
        write_atomic(path, b"# New\n", expected=None)

    assert path.read_bytes() == b"already here\n"
    assert str(path) in str(info.value)


def test_no_temp_files_after_success(tmp_path: Path) -> None:
    path = make(tmp_path / "r.md")

    write_atomic(path, b"one\n", expected=read(path).fingerprint)
    write_atomic(tmp_path / "other.md", b"two\n")

    assert sorted(os.listdir(tmp_path)) == ["other.md", "r.md"]


@pytest.mark.parametrize("failure", [OSError("disk full"), KeyboardInterrupt()])
@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_failed_write_leaves_the_file_and_no_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, failure: BaseException
) -> None:
    path = make(tmp_path / "r.md", b"original\n")
    path.chmod(0o640)
    snapshot = read(path)

    def fail(*args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(f"milepost.fs.writing.os.{step}", fail)
    with pytest.raises(type(failure)):
        write_atomic(path, b"new\n", expected=snapshot.fingerprint)
    monkeypatch.undo()

    assert path.read_bytes() == b"original\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["r.md"]


def test_failed_new_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("milepost.fs.writing.os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(tmp_path / "new.md", b"# New\n")
    monkeypatch.undo()

    assert os.listdir(tmp_path) == []


def test_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = make(tmp_path / "shared" / "roadmap.md", b"old\n")
    real.chmod(0o640)
    link = tmp_path / "docs" / "roadmap.md"
    link.parent.mkdir()
    link.symlink_to(Path("..", "shared", "roadmap.md"))
    snapshot = read(link)

    assert write_atomic(link, b"new\n", expected=snapshot.fingerprint) is True

    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("..", "shared", "roadmap.md")
    assert real.read_bytes() == b"new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert os.listdir(link.parent) == ["roadmap.md"]
    assert os.listdir(real.parent) == ["roadmap.md"]


def test_stale_check_through_a_symlink(tmp_path: Path) -> None:
    real = make(tmp_path / "real.md", b"old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    snapshot = read(link)
    real.write_bytes(b"changed behind the link\n")

    with pytest.raises(StaleFileError):
        write_atomic(link, b"new\n", expected=snapshot.fingerprint)

    assert link.is_symlink()
    assert real.read_bytes() == b"changed behind the link\n"


def test_write_keeps_bytes_exactly(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "a\r\nb\rc\n".encode("utf-16-le")
    path = tmp_path / "r.md"

    write_atomic(path, data)

    assert path.read_bytes() == data


# --- walk ---------------------------------------------------------------------------------


def test_walk_is_sorted_and_skips_tool_folders(tmp_path: Path) -> None:
    names = [
        "z.md",
        "b.md",
        "a/y.md",
        "a/c/x.md",
        "a/b.md",
        "B/upper.md",
        ".hidden.md",
        ".git/HEAD",
        ".git/roadmap.md",
        ".venv/lib/readme.md",
        "a/.venv/x.md",
        "a/.git/config",
        "node_modules/pkg/README.md",
        "venv/notes.md",
        "__pycache__/x.md",
    ]
    # Create in a scrambled order so directory listing order cannot leak through.
    for name in reversed(names):
        make(tmp_path / name)

    found = [path.relative_to(tmp_path).as_posix() for path in walk(tmp_path)]

    # Each folder's files in sorted order, then its subfolders in sorted order.
    assert found == [".hidden.md", "b.md", "z.md", "B/upper.md", "a/b.md", "a/y.md", "a/c/x.md"]
    assert found == [p.relative_to(tmp_path).as_posix() for p in walk(str(tmp_path))]


def test_walk_yields_paths_under_the_root(tmp_path: Path) -> None:
    make(tmp_path / "docs" / "r.md")

    assert list(walk(tmp_path / "docs")) == [tmp_path / "docs" / "r.md"]


@pytest.mark.parametrize("spelled", ["{root}", "{root}/", "{root}//", "{root}/a/..", "."])
def test_walk_relative_names_each_file_from_the_root_however_it_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelled: str
) -> None:
    from milepost.fs import walk_relative

    for name in ("top.md", "a/b/deep.md", "a/mid.md"):
        make(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    root = spelled.format(root=tmp_path)
    found = list(walk_relative(root))
    assert [relative for relative, _ in found] == ["top.md", "a/mid.md", "a/b/deep.md"]
    assert [path.resolve() for _, path in found] == [
        tmp_path / "top.md",
        tmp_path / "a" / "mid.md",
        tmp_path / "a" / "b" / "deep.md",
    ]


def test_walk_empty_folder(tmp_path: Path) -> None:
    assert list(walk(tmp_path)) == []


def test_replace_overwrites_whatever_is_there(tmp_path: Path) -> None:
    from milepost.fs import replace

    target = tmp_path / "cache.bin"
    replace(target, b"one")
    target.write_bytes(b"changed by someone")
    replace(target, b"two")  # milepost's own file: no fingerprint check
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["cache.bin"]  # no temporary left over


def test_walk_goes_any_depth(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(1200):  # deeper than the recursion limit
        deep /= "d"
        deep.mkdir()
    make(deep / "roadmap.md")
    try:
        assert list(walk(tmp_path)) == [deep / "roadmap.md"]
    finally:
        remove_deep(tmp_path / "d")


def test_walk_order_and_skipping(tmp_path: Path) -> None:
    for name in ["b/z.md", "b/a.md", "a.md", "c/x/y.md", ".hidden/h.md", "node_modules/n.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        make(tmp_path / name)
    os.symlink(tmp_path / "c", tmp_path / "link")  # a link to a folder is not followed
    assert [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)] == [
        "a.md",
        "b/a.md",
        "b/z.md",
        "c/x/y.md",
    ]


def test_an_oversized_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "roadmap.md"
    make(big)
    os.truncate(big, 2 * 1024**3)  # sparse: no disk used
    reads: list[int] = []
    real_read = os.read

    def counted(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counted)
    with pytest.raises(SourceError) as caught:
        read(big)
    assert str(caught.value) == f"{big}: file is 2048 MiB, larger than milepost reads (64 MiB)"
    assert reads == []


def test_a_file_that_grows_past_the_limit_is_read_no_further(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("milepost.source.MAX_BYTES", 2 * 1024 * 1024)
    grown = make(tmp_path / "roadmap.md", b"x" * (3 * 1024 * 1024))
    real_fstat = os.fstat

    def earlier(fd: int) -> os.stat_result:  # the size it had when it was opened
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *[0] * 5, 10, 0, 0, 0))

    monkeypatch.setattr(os, "fstat", earlier)
    with pytest.raises(SourceError) as caught:
        read(grown)
    assert str(caught.value) == f"{grown}: file is 3 MiB, larger than milepost reads (2 MiB)"
    monkeypatch.setattr("milepost.source.MAX_BYTES", 3 * 1024 * 1024)
    assert read(grown).data == b"x" * (3 * 1024 * 1024)


def test_files_milepost_wrote_are_read_whatever_their_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit is for roadmaps and configs; a site cache or page of a big portfolio can be
    larger, and is read whole (``any_size=True``) rather than thrown away on every build."""
    from milepost import source

    monkeypatch.setattr(source, "MAX_BYTES", 100)
    cache = tmp_path / "parts-0.pickle"
    cache.write_bytes(b"x" * 1000)
    with pytest.raises(SourceError):
        read(cache)
    assert read(cache, any_size=True).data == b"x" * 1000


def test_code_stamp_covers_all_of_milepost_not_only_its_fs_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The stamp caches key on is taken over the whole package (``milepost/``), wherever the
    module that takes it lives: an edit to a renderer must start the caches afresh."""
    import milepost
    from milepost.fs import code_stamp, reading

    walked: list[Path] = []

    def record(root: Path) -> list[tuple[str, Path]]:
        walked.append(Path(root))
        return [("render/schema.py", Path(milepost.__file__))]

    monkeypatch.setattr(reading, "walk_relative", record)
    code_stamp.cache_clear()
    try:
        code_stamp()
    finally:
        code_stamp.cache_clear()
    assert walked == [Path(milepost.__file__).parent]
