"""Run-time errors name the BASIC variable ScarletDME names.

An unassigned value passed to a subroutine is named by the parameter that
holds it there (ScarletDME's k_var_name stops at the argument), and a file
variable left unassigned by a failed OPEN by its own name.
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
    ],
)
def test_unassigned_variable_is_named(tmp_path, items, program, message):
    for name, text in items.items():
        (tmp_path / f"{name}.bas").write_text(text)
    (tmp_path / "MAIN.bas").write_text(program)
    done = run_basic(tmp_path / "MAIN.bas", tmp_path)
    assert done.returncode != 0
    assert message in done.stderr.decode()
