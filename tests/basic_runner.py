"""Running BASIC programs through the real ``pick2py`` command (test helpers)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def pick2py_command() -> list[str]:
    """The pick2py entry point of this checkout's environment."""
    return [sys.executable, "-m", "transpiler.cli"]


def run_basic(
    program: Path,
    account: Path,
    *args: str,
    stdin: bytes = b"",
    env: dict | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess:
    """Run ``pick2py run program`` in an account folder; bytes in, bytes out."""
    full_env = dict(os.environ, TERM="xterm", LINES="24", COLUMNS="80")
    full_env.update(env or {})
    return subprocess.run(
        [*pick2py_command(), "run", str(program), *args],
        cwd=account,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=timeout,
    )
