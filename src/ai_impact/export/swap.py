"""Put a freshly built folder in place of the old one without a moment of half a site.

On Linux the two folders are exchanged in one ``renameat2(RENAME_EXCHANGE)`` call; elsewhere
(or on file systems without it) the old folder is renamed aside and the new one renamed in,
which leaves the path missing for an instant but never half-written.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from pathlib import Path

__all__ = ["swap_in"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return int(rc) == 0


def swap_in(new: Path, target: Path) -> None:
    """Make ``new`` appear at ``target``.

    The previous ``target`` (if any) is left at ``new`` for the caller to remove, or removed
    here when it had to be renamed aside.
    """
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
