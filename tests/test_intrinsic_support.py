"""Intrinsics pick2py leaves unsupported are diagnostics (docs/unsupported.md).

The rest of the intrinsic table must have a runtime function, so that a
program using one transpiles.
"""

from __future__ import annotations

import pytest

from runtime_lib import rt
from transpiler.api import transpile_source
from transpiler.lower.intrinsics import INTRINSICS
from transpiler.source import SourceFile

# Each with the reason it stays out (see docs/unsupported.md).
UNSUPPORTED = {
    "ENCRYPT": "X = ENCRYPT('a', 'k')",  # illegal opcode in ScarletDME's GPL build
    "DECRYPT": "X = DECRYPT('a', 'k')",
    "ENTER.PACKAGE": "X = ENTER.PACKAGE('P')",  # illegal opcode too
    "EXIT.PACKAGE": "X = EXIT.PACKAGE('P')",
    "INDICES": "X = INDICES(F)",  # needs alternate-key indices
    "OUTERJOIN": "X = OUTERJOIN('F', 'I', V)",
    "CCALL": "X = CCALL('lib', 'f')",  # C functions
    "CONNECT.PORT": "X = CONNECT.PORT('p', 9600, 0, 8, 1)",  # serial ports
    "GET.PORT.PARAMS": "X = GET.PORT.PARAMS(P)",
    "SET.PORT.PARAMS": "X = SET.PORT.PARAMS(P, S)",
}

# The terminal engineer's (docs/unsupported.md, "Terminal extras").
TERMINAL: set[str] = set()


@pytest.mark.parametrize("name, line", sorted(UNSUPPORTED.items()))
def test_unsupported_intrinsic_is_a_diagnostic(name, line):
    result = transpile_source(SourceFile.from_text("PROG.bas", line + "\n"))
    messages = [d.message for d in result.diagnostics]
    assert f"the {name}() function is not supported yet" in messages, messages


def test_every_other_intrinsic_has_a_runtime_function():
    missing = {n for n, (f, _, _) in INTRINSICS.items() if not hasattr(rt, f)}
    assert missing - TERMINAL == set(UNSUPPORTED)


@pytest.mark.parametrize(
    "line",
    [
        'X = TRANS(DICT "F", "ID", 1, "X")',
        'X = XLATE("F", "ID", 1, "C")',
        'X = RTRANS(DICT FN:".X", "ID", 0, "V")',
        'X = CSVDQ(S) : CSVDQ(S, ";")',
        "X = FOLDS(S, 10) : FOLDS(S, 10, '|')",
        "M = HASHMAP.INIT() ; X = HASHMAP.PUT(M, 'k', 1) ; X = HASHMAP.GET(M, 'k')",
        "X = UMASK(-1) : GETNLS(1) : CONFIG('YEARBASE') : DIR('.')",
        "X = CHGPHANT() : GET.MESSAGES() : SYSMSG(1, 2, 3, 4, 5)",
    ],
)
def test_finished_intrinsics_transpile(line):
    result = transpile_source(SourceFile.from_text("PROG.bas", line + "\n"))
    assert result.code is not None, [d.message for d in result.diagnostics]


def test_dict_in_trans_is_a_keyword_not_a_variable():
    """`TRANS(DICT "F", ...)`: DICT names the dictionary; the generated code
    must not declare a BASIC variable called DICT."""
    source = 'X = TRANS(DICT "F", "ID", 1, "X")\nCRT X\n'
    result = transpile_source(SourceFile.from_text("PROG.bas", source))
    assert 'rt.trans("DICT F"' in result.code
    assert '"DICT")' not in result.code and "DICT =" not in result.code
