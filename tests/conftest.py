"""Shared test fixtures and options."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Keep transpiled-module caches of test runs out of the user's cache."""
    os.environ["PICK2PY_CACHE"] = str(tmp_path_factory.mktemp("pick2py-cache"))


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.py from the current generator",
    )


@pytest.fixture(autouse=True)
def _close_idle_files():
    """Tests visit many accounts; close their databases and lock files after
    each test so the test process does not run out of descriptors."""
    yield
    from runtime_lib import files

    files.close_idle()
