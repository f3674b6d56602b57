"""The folder a build writes in, beside DIR, and the clean-up of those a killed build left.

A build writes to ``.{DIR}.building-XXXX`` next to DIR and swaps it in at the end. Ctrl-C and
errors remove it, but a build that is killed (SIGTERM from a CI timeout, SIGKILL, a power cut)
cannot, and each such folder holds up to a whole site (~140 MB). So every build holds a lock
on ``.{DIR}.building-XXXX.lock`` while it runs, and the next build into DIR removes each
building folder whose lock nobody holds: its build is gone. The lock file is made before the
folder and removed after it, so a folder without a lock file is a leftover too.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locks, so leftovers are kept
    fcntl = None  # type: ignore[assignment]

__all__ = ["building_folder", "leftovers"]

_LOCK = ".lock"


def _prefix(target: Path) -> str:
    return f".{target.name}.building-"


def _try_lock(fd: int) -> bool:
    """Take the lock of ``fd`` without waiting; False when another process holds it."""
    if fcntl is None:  # pragma: no cover
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def leftovers(target: Path) -> list[Path]:
    """The building folders beside ``target`` whose build no longer runs."""
    if fcntl is None:  # pragma: no cover
        return []
    pattern = glob.escape(str(target.parent / _prefix(target))) + "*"
    found = []
    for name in sorted(glob.glob(pattern)):
        path = Path(name)
        if name.endswith(_LOCK) or not path.is_dir() or path.is_symlink():
            continue
        lock = Path(name + _LOCK)
        try:
            fd = os.open(lock, os.O_RDONLY)
        except FileNotFoundError:
            found.append(path)  # the lock is made first and removed last: no build owns it
            continue
        except OSError:
            continue
        try:
            if _try_lock(fd):
                found.append(path)
        finally:
            os.close(fd)
    return found


def _sweep(target: Path) -> None:
    """Remove the folders (and their lock files) that killed builds into ``target`` left."""
    for path in leftovers(target):
        shutil.rmtree(path, ignore_errors=True)
        Path(str(path) + _LOCK).unlink(missing_ok=True)


@contextmanager
def building_folder(target: Path) -> Iterator[Path]:
    """A new, empty folder beside ``target`` to build in, removed on leaving (after a swap it
    holds the previous site, or is gone); leftovers of killed builds are removed first."""
    _sweep(target)
    fd, lock_name = tempfile.mkstemp(prefix=_prefix(target), suffix=_LOCK, dir=target.parent)
    lock = Path(lock_name)
    folder = Path(lock_name[: -len(_LOCK)])
    try:
        _try_lock(fd)
        folder.mkdir()
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        lock.unlink(missing_ok=True)
        os.close(fd)
