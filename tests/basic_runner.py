"""Running BASIC programs through the real ``pick2py`` command (test helpers)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# A recorded run-time error line: ScarletDME's hex code (absent from
# outputs written by hand), the message, the BASIC line and the object path.
ERROR_LINE = re.compile(rb"^(?:[0-9A-F]{8}: )?(.*) at line (\d+) of \S+\n?$")


def pick2py_command() -> list[str]:
    """The pick2py entry point of this checkout's environment."""
    return [sys.executable, "-m", "transpiler.launcher"]


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


def assert_recorded_output(
    result: subprocess.CompletedProcess, expected: bytes
) -> None:
    """Check a run against a recorded ``.out``.

    Standard output must equal it and the exit status be 0, unless it ends
    with a run-time error line: then the output before that line must match,
    the exit status be non-zero and the error report carry the same message
    and BASIC line (letter case aside).
    """
    lines = expected.splitlines(keepends=True)
    error = ERROR_LINE.match(lines[-1]) if lines else None
    if error is None:
        assert result.stdout == expected, result.stderr.decode("latin-1")
        assert result.returncode == 0, result.stderr.decode("latin-1")
        return
    before = b"".join(lines[:-1])
    assert result.stdout.startswith(before), result.stderr.decode("latin-1")
    assert result.returncode != 0
    report = (result.stdout[len(before) :] + result.stderr).lower()
    wanted = error.group(1) + b" at line " + error.group(2)
    assert wanted.lower() in report, report
