"""Run-time errors name the BASIC variable ScarletDME names.

An unassigned value passed to a subroutine is named by the parameter that
holds it there (ScarletDME's k_var_name stops at the argument), a file
variable left unassigned by a failed OPEN by its own name, and a matrix
element by the matrix's name and the element's subscripts.
"""

from __future__ import annotations

import pytest

from basic_runner import run_basic


@pytest.mark.parametrize(
    "items, program, message",
    [
        (
            {"USEARG": "SUBROUTINE USEARG(X)\nY = X + 1\nRETURN\n"},
            "CALL USEARG(CALLER.VAR)\n",
            "Unassigned variable X at line 2 of USEARG",
        ),
        (
            {},
            'OPEN "NOFILE" TO F ELSE NULL\nREAD X FROM F, "A" ELSE NULL\n',
            "Unassigned variable F at line 2 of MAIN",
        ),
        ({}, "PRINT Q + 1\n", "Unassigned variable Q at line 1 of MAIN"),
        # A matrix element is named with its subscripts (k_var_name adds
        # "(n)" or "(r,c)" for an element of a DIMmed array).
        ({}, "DIM M(3)\nX = M(2) : 'a'\n", "Unassigned variable M(2) at line 2"),
        ({}, "DIM M(2,3)\nX = M(2,3) + 1\n", "Unassigned variable M(2,3) at line 2"),
        ({}, "DIM M(2,3)\nIF M(0,0) THEN NULL\n", "Unassigned variable M(0,0) at"),
        ({}, "DIM M(4)\nX = M(4)<1>\n", "Unassigned variable M(4) at line 2"),
        # Assigning reads the value (op_stor reports it at once), so the
        # variable read is named, not the one assigned when it is next used.
        ({}, "X = Y\nPRINT X\n", "Unassigned variable Y at line 1 of MAIN"),
        ({}, "DIM M(3)\nX = M(3)\nPRINT X\n", "Unassigned variable M(3) at line 2"),
        (
            {"COPYARG": "SUBROUTINE COPYARG(X)\nY = X\nRETURN\n"},
            "CALL COPYARG(CALLER.VAR)\n",
            "Unassigned variable X at line 2 of COPYARG",
        ),
    ],
)
def test_unassigned_variable_is_named(tmp_path, items, program, message):
    for name, text in items.items():
        (tmp_path / f"{name}.bas").write_text(text)
    (tmp_path / "MAIN.bas").write_text(program)
    done = run_basic(tmp_path / "MAIN.bas", tmp_path)
    assert done.returncode != 0
    assert message in done.stderr.decode()
