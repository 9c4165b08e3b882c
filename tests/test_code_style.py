"""Our own Python is black-formatted at 88 columns, like the code we generate,
so a diff in review shows only real changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATTED = ["transpiler", "runtime_lib", "tests", "benchmarks"]


def test_project_python_is_black_formatted():
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--quiet", *FORMATTED],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "run black on:\n" + result.stderr
