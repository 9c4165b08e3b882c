"""The shortcuts that make transpiling faster change nothing else.

Each one is checked against the plain way of doing the same thing; the
whole-output check is ``tests/test_corpus.py`` and the golden tests.
"""

from __future__ import annotations

import gc

import pytest

from transpiler.api import transpile_source
from transpiler.source import SourceFile

PROGRAM = "PROGRAM P\nX = 1\nPRINT X\nEND\n"


@pytest.mark.parametrize("enabled", [True, False])
def test_transpiling_leaves_the_collector_as_it_was(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        result = transpile_source(SourceFile.from_text("P.bas", PROGRAM))
        assert result.ok
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
