"""Faults around a build: two builds at once, what killed builds leave behind, a full disk,
and the moment the new site replaces the old one.

- ``BuildLock``: one build (or `kinerja serve`) at a time per build folder (``fcntl.flock``
  on ``<build>/kinerja.lock``, released by the kernel when the process dies, however it
  dies); a second one waits a few seconds, then stops with a message saying why.
- ``new_site_folder``: the temporary folder MkDocs writes into, next to the output folder,
  created with the permissions the umask gives (``tempfile.mkdtemp`` gives 0700, which a
  web server running as another user cannot read) and locked while the build uses it.
- ``clean_leftovers``: temporary folders and files of killed builds; a folder still locked
  belongs to a build that is running and is left alone.
- ``swap_in``: the new site replaces the old one in one atomic step (``renameat2`` with
  ``RENAME_EXCHANGE`` on Linux), after its files are flushed to the disk.
- ``disk_full_is_reported``: "disk penuh" instead of an unexpected-error report.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from generator.site.process import BuildError

try:
    import fcntl
except ImportError:  # not POSIX: no locking
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "kinerja.lock"
WRITERS_NAME = "kinerja.penulis"  # held (shared) by the processes that write into the build folder
WAIT_SECONDS = 3.0


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class BuildLock:
    """Held while a build or `kinerja serve` uses ``build_dir`` (see the module docstring).
    Taken only once no process of an earlier build still writes there (``writing``)."""

    def __init__(self, build_dir: Path, wait: float = WAIT_SECONDS):
        self.path, self.wait = build_dir / LOCK_NAME, wait
        self.fd: int | None = None

    def _busy(self, holder: str = "") -> BuildError:
        who = f" (PID {holder})" if holder.isdigit() else ""
        return BuildError(
            f"Folder kerja {self.path.parent} sedang dipakai oleh proses lain{who}: `kinerja build` atau "
            "`kinerja serve` lain sedang berjalan dengan folder ini. Tunggu sampai selesai, lalu jalankan lagi, "
            "atau pakai --build-dir lain."
        )

    def _wait(self, fd: int, deadline: float) -> bool:
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)
        return True

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.wait
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not self._wait(fd, deadline):
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise self._busy(holder)
        writers = os.open(self.path.with_name(WRITERS_NAME), os.O_RDWR | os.O_CREAT, 0o644)
        try:  # a worker of a killed build may still be finishing a write: it ends within a second
            if not self._wait(writers, deadline + 2 * self.wait):
                os.close(fd)
                raise self._busy()
        finally:
            os.close(writers)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock
            self.fd = None


@contextlib.contextmanager
def writing(build_dir: Path) -> Iterator[None]:
    """Held (shared) while this process, and the workers it forks, write into
    ``build_dir``: the workers inherit it, so it lasts until the last of them is gone,
    however the build ended (BuildLock waits for that)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(build_dir / WRITERS_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- the new site's folder


def _prefixes(out: Path) -> tuple[str, str]:
    return f".{out.name}.tmp-", f".{out.name}.old-"


def new_site_folder(out: Path) -> tuple[Path, int]:
    """A new empty folder beside ``out`` (mode 0777 minus the umask) and an open, locked
    descriptor of it; closing the descriptor releases it."""
    prefix = _prefixes(out)[0]
    while True:
        path = out.parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            os.mkdir(path, 0o777)
        except FileExistsError:
            continue
        break
    fd = os.open(path, os.O_RDONLY)
    _try_lock(fd)
    return path, fd


def _unused(folder: Path) -> bool:
    """Whether no running build holds ``folder`` (see new_site_folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        return _try_lock(fd)
    finally:
        os.close(fd)


def clean_leftovers(out: Path, build_dir: Path) -> list[Path]:
    """Remove what killed builds left: site folders beside ``out`` that no running build
    holds (a site that lost its place half-way through the fallback swap is put back
    first), and temporary files in the build folder. Call with the BuildLock held.
    Returns what was removed."""
    removed: list[Path] = []
    tmp_prefix, old_prefix = _prefixes(out)
    if out.parent.is_dir():
        for path in sorted(out.parent.iterdir()):
            if not path.name.startswith((tmp_prefix, old_prefix)) or path.is_symlink() or not path.is_dir():
                continue
            if path.name.startswith(old_prefix) and not os.path.lexists(out):
                with contextlib.suppress(OSError):
                    os.rename(path, out)  # killed between the two renames of the fallback swap
                    continue
            if _unused(path):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    for folder in (build_dir / "cache", build_dir / "pratinjau" / "cache"):
        if folder.is_dir():
            for path in folder.rglob("*.tmp"):
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


# --------------------------------------------------------------------------- the swap


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where that is
    not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EPERM, errno.ENOTSUP):
        return False  # file system without it
    raise OSError(err, os.strerror(err), str(b))


def flush_to_disk(folder: Path) -> None:
    """Write what is cached in memory for ``folder``'s file system to the disk (Linux
    syncfs; elsewhere sync), so that a power loss cannot publish files the disk never got."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            import ctypes

            if ctypes.CDLL(None, use_errno=True).syncfs(fd) == 0:
                return
        except (OSError, AttributeError):
            pass
        os.sync()
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def swap_in(new: Path, out: Path) -> None:
    """Replace ``out`` by ``new`` (same parent folder): in one atomic exchange where the
    file system allows, else by two renames (clean_leftovers puts the old site back if a
    build dies between them). ``new`` holds the old site afterwards, until it is removed."""
    flush_to_disk(new)
    if os.path.lexists(out):
        if _exchange(new, out):
            _fsync_folder(out.parent)
            shutil.rmtree(new, ignore_errors=True)
            return
        old = out.with_name(f"{_prefixes(out)[1]}{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(out, old)
        os.replace(new, out)
        _fsync_folder(out.parent)
        shutil.rmtree(old, ignore_errors=True)
        return
    try:
        os.rename(new, out)
    except OSError as e:  # another build put a site there meanwhile
        if e.errno not in (errno.ENOTEMPTY, errno.EEXIST) or not _exchange(new, out):
            raise
        shutil.rmtree(new, ignore_errors=True)
    _fsync_folder(out.parent)


# --------------------------------------------------------------------------- a full disk

_FULL = (errno.ENOSPC, errno.EDQUOT)


def _disk_full(error: BaseException | None) -> OSError | str | None:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in _FULL:
            return error
        text = str(error)
        if "No space left on device" in text or "Disk quota exceeded" in text:
            return text  # from a program run by the build (Pagefind)
        error = error.__cause__ or error.__context__
    return None


@contextlib.contextmanager
def disk_full_is_reported(build_dir: Path) -> Iterator[None]:
    """A full disk (or quota) anywhere in the build becomes a BuildError that says so."""
    try:
        yield
    except BuildError:
        raise
    except Exception as e:
        full = _disk_full(e)
        if full is None:
            raise
        where = f" ({full.filename})" if isinstance(full, OSError) and full.filename else ""
        raise BuildError(
            f"Disk penuh: tidak ada ruang tersisa untuk menulis{where}. Situs tidak selesai dibangun. "
            f"Kosongkan ruang disk (folder kerja {build_dir} boleh dihapus; dibuat lagi saat membangun), lalu jalankan lagi."
        ) from None
