"""The shortcuts that make transpiling faster change nothing else.

Each one is checked against the plain way of doing the same thing; the
whole-output check is ``tests/test_corpus.py`` and the golden tests.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from lark import Token
from lark.parsers.lalr_parser_state import ParserState

from transpiler.api import transpile_source
from transpiler.diagnostics import Diagnostics
from transpiler.lexer import lex
from transpiler.parse import engine, parse
from transpiler.preprocess import PreprocessOptions, preprocess
from transpiler.source import SourceFile, SourceMap

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


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BROKEN = [
    "X = 1\nNEXT I\nY = (2\nPRINT X\n",  # recovery after two errors
    "FOR I = 1 TO 3\nIF I THEN\nPRINT I\n",  # the file ends inside blocks
    "BEGIN CASE\nCASE 1\nPRINT 1\n",
]


def parsed(text: str) -> tuple[str, list[str]]:
    """The AST and syntax errors of one source, as text."""
    diagnostics = Diagnostics(SourceMap())
    source = SourceFile.from_text("P.bas", text)
    pre = preprocess(source, PreprocessOptions([], set(), ""), diagnostics)
    item = parse("P", "P.bas", lex(pre.source_map, diagnostics, ""), diagnostics)
    return repr(item.body), [d.format() for d in diagnostics.sorted()]


def test_fast_parser_steps_build_what_lark_builds(monkeypatch):
    texts = BROKEN + [p.read_text("latin-1") for p in sorted(SAMPLES.rglob("*.bas"))]
    fast = [parsed(text) for text in texts]
    monkeypatch.setattr(engine._FastState, "feed_token", ParserState.feed_token)
    assert [parsed(text) for text in texts] == fast
    assert any(errors for _, errors in fast[: len(BROKEN)])


def test_tokens_for_lark_are_lark_tokens():
    made = engine.lark_token("NAME", "TOTAL", 12, 5)
    expected = Token("NAME", "TOTAL", 0, 12, 5, 12, 10)
    assert type(made) is Token and made == expected
    for slot in Token.__slots__:
        assert getattr(made, slot) == getattr(expected, slot), slot
