#!/usr/bin/env python3
"""Set up and run ai-impact from a fresh checkout with nothing but Python 3.11+.

    python3 dev.py run [ARGS...]   create .venv, install, then run `ai-impact ARGS`
                                   (no ARGS: the main job, see MAIN_JOB below)
    python3 dev.py test [PYTEST ARGS...]
                                   create .venv with test extras, install system packages the
                                   browser tests need (when root), lint, type-check, run every test

The virtual environment is re-installed only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
MAIN_JOB: list[str] = ["serve"]


def _sh(*cmd: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project (editable) with ``extras`` if anything changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run on an older python3
        sys.exit(f"ai-impact needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PY.exists():
        _sh(sys.executable, "-m", "venv", VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    key = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == key:
        return
    _sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    _sh(PY, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(key)


def ensure_chromium() -> None:
    """Install Debian's Chromium for the browser tests when it is missing and we may."""
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("note: chromium not found and cannot install it; browser tests will be skipped")
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)


def run(args: list[str]) -> int:
    """Run the ai-impact CLI inside the project's environment."""
    ensure_venv("")
    return subprocess.run([str(BIN / "ai-impact"), *(args or MAIN_JOB)], cwd=ROOT).returncode


def test(args: list[str]) -> int:
    """Lint, type-check and run the whole test suite."""
    ensure_venv("dev")
    if (ROOT / "tests" / "browser").exists():
        ensure_chromium()
    for cmd in (
        [PY, "-m", "ruff", "check", "src", "tests", "scripts", "benchmarks", "dev.py"],
        [PY, "-m", "ruff", "format", "--check", "src", "tests", "scripts", "benchmarks", "dev.py"],
        [PY, "-m", "mypy"],
    ):
        if _sh(*cmd, check=False) != 0:
            return 1
    return _sh(PY, "-m", "pytest", *args, check=False)


def main() -> int:
    """Dispatch ``run`` or ``test``."""
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        return 2
    verb, rest = sys.argv[1], sys.argv[2:]
    return run(rest) if verb == "run" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
