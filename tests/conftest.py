"""Shared test helpers: running BASIC programs through the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pick2py_command() -> list[str]:
    """The pick2py entry point of this checkout's environment."""
    return [sys.executable, "-m", "transpiler.cli"]


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Keep transpiled-module caches of test runs out of the user's cache."""
    os.environ["PICK2PY_CACHE"] = str(tmp_path_factory.mktemp("pick2py-cache"))


def run_basic(program: Path, account: Path, *args: str, stdin: bytes = b"",
              env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run ``pick2py run program`` in an account folder; bytes in, bytes out."""
    full_env = dict(os.environ, TERM="xterm", LINES="24", COLUMNS="80")
    full_env.update(env or {})
    return subprocess.run(
        [*pick2py_command(), "run", str(program), *args],
        cwd=account, input=stdin, capture_output=True, env=full_env, timeout=timeout,
    )


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.py from the current generator")


@pytest.fixture(autouse=True)
def _close_idle_files():
    """Tests visit many accounts; close their databases and lock files after
    each test so the test process does not run out of descriptors."""
    yield
    from runtime_lib import files

    files.close_idle()
