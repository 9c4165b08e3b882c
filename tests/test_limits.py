"""Resource bounds: deep nesting, huge files and long lines.

Each input is either transpiled or rejected with an E-LIMIT diagnostic that
names the line; none ends in a RecursionError or an internal error. The
bounds live in ``transpiler/passes/limits.py``.
"""

from __future__ import annotations

import pytest

from transpiler.api import transpile_file, transpile_source
from transpiler.passes.limits import (
    MAX_BLOCK_DEPTH,
    MAX_EXPRESSION_DEPTH,
    MAX_LOOP_DEPTH,
)
from transpiler.source import SourceFile


def transpile(text: str):
    return transpile_source(SourceFile.from_text("DEEP.bas", text))


def nested(kind: str, n: int) -> str:
    """A program nesting ``kind`` n levels deep."""
    if kind == "parens":
        return "X = " + "(" * n + "1" + ")" * n + "\nPRINT X\n"
    if kind == "plus":
        return "X = 1" + "+1" * (n - 1) + "\nPRINT X\n"
    if kind == "negate":
        return "X = " + "-" * n + "1\nPRINT X\n"
    if kind == "call":
        return "X = " + "LEN(" * n + "1" + ")" * n + "\nPRINT X\n"
    if kind == "field":
        return "Y = 1\nX = Y" + "<1" * n + ">" * n + "\nPRINT X\n"
    if kind == "ifexpr":
        return "Y = 1\nX = " + "IF Y THEN 1 ELSE " * n + "2\nPRINT X\n"
    if kind == "if":
        return "X = 1\n" + "IF X THEN\n" * n + "PRINT 1\n" + "END\n" * n
    if kind == "case":
        return "X = 1\n" + "BEGIN CASE\nCASE X\n" * n + "PRINT 1\n" + "END CASE\n" * n
    if kind == "for":
        return (
            "".join(f"FOR I{i} = 1 TO 2\n" for i in range(n))
            + "PRINT 1\n"
            + "".join(f"NEXT I{i}\n" for i in reversed(range(n)))
        )
    if kind == "loop":
        return "LOOP\n" * n + "PRINT 1\nEXIT\n" + "REPEAT\n" * n
    raise ValueError(kind)


EXPRESSIONS = ["parens", "plus", "negate", "call", "field", "ifexpr"]
BLOCKS = ["if", "case"]
LOOPS = ["for", "loop"]
BOUND = {
    **{k: MAX_EXPRESSION_DEPTH for k in EXPRESSIONS},
    **{k: MAX_BLOCK_DEPTH for k in BLOCKS},
    **{k: MAX_LOOP_DEPTH for k in LOOPS},
}


@pytest.mark.parametrize("kind", EXPRESSIONS + BLOCKS + LOOPS)
def test_nesting_up_to_the_bound_transpiles(kind):
    # An IF/CASE nests its body one level below itself; FOR and LOOP too.
    result = transpile(nested(kind, BOUND[kind] - 2))
    assert result.ok, [d.format() for d in result.diagnostics]


@pytest.mark.parametrize("depth", [1, 10, 1000])
@pytest.mark.parametrize("kind", EXPRESSIONS + BLOCKS + LOOPS)
def test_nesting_past_the_bound_is_a_diagnostic(kind, depth):
    result = transpile(nested(kind, BOUND[kind] + depth))
    assert result.code is None
    limits = [d for d in result.diagnostics if d.code == "E-LIMIT"]
    assert limits, [d.format() for d in result.diagnostics]
    assert all(d.line >= 1 and d.column >= 1 for d in limits)
    assert "nested more than" in limits[0].message


def test_deep_nesting_inside_a_local_subroutine_counts_loops_afresh():
    body = nested("for", MAX_LOOP_DEPTH - 2)
    text = "FOR K = 1 TO 2\n" * 3 + "NEXT K\n" * 3
    text += "LOCAL SUBROUTINE LS(A)\n" + body + "END\n"
    assert transpile(text).ok


def many_lines(count: int) -> str:
    lines = [f"X{n % 50} = X{(n + 1) % 50} + {n}" for n in range(count)]
    return "\n".join(["X" + str(n) + " = 0" for n in range(50)] + lines) + "\n"


def test_hundred_thousand_lines():
    """A 100,000-line item transpiles (about 20 seconds on one core)."""
    result = transpile(many_lines(100_000))
    assert result.ok and not result.diagnostics
    assert result.code.count("\n") > 200_000  # statement and its BASIC-line comment


@pytest.mark.parametrize(
    "text",
    [
        'X = "' + "a" * 1_000_000 + '"\nPRINT LEN(X)\n',  # a 1 MB string literal
        "X = 'a'" + ":'a'" * 5_000 + "\nPRINT X\n",  # a 25 KB concatenation
        "PRINT " + ", ".join(["1"] * 5_000) + "\n",  # 5,000 print items
        "* " + "x" * 1_000_000 + "\nPRINT 1\n",  # a 1 MB comment
        "X = 1 ;" * 5_000 + "\n",  # 5,000 statements on one line
        "CALL S(" + ", ".join(f"A{n}" for n in range(2_000)) + ")\n",  # 2,000 arguments
    ],
)
def test_very_long_lines(text):
    result = transpile(text)
    assert result.ok or any(d.code == "E-LIMIT" for d in result.diagnostics), [
        d.format() for d in result.diagnostics[:3]
    ]
    if result.ok:
        compile(result.code, "DEEP.py", "exec")


def test_long_line_of_operators_is_rejected_not_crashed():
    result = transpile("X = 1" + "+1" * 100_000 + "\n")
    assert [d.code for d in result.diagnostics] == ["E-LIMIT"]
    assert result.diagnostics[0].line == 1


def test_an_item_that_includes_itself_is_a_diagnostic(tmp_path):
    (tmp_path / "A.INC").write_text("$INSERT B.INC\n")
    (tmp_path / "B.INC").write_text("$INSERT A.INC\n")
    (tmp_path / "PROG").write_text("$INSERT A.INC\nPRINT 1\n")
    result = transpile_file(tmp_path / "PROG")
    assert result.code is None
    assert any("nested more than" in d.message for d in result.diagnostics)
