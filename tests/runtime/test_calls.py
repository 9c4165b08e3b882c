"""CALL: targets are found once and remembered, and every call still
checks its argument count and runs at its own PRECISION (ScarletDME's
op_call: "Argument count mismatch"; each program level has its own
precision)."""

from __future__ import annotations

import pytest

from runtime_lib import calls
from runtime_lib import catalog as cat
from runtime_lib.errors import ArgumentCountError, BasicError, UnsupportedAtRuntime
from runtime_lib.state import DEFAULT_PRECISION, state

ITEMS = {
    "BUMP.IT": "SUBROUTINE BUMP.IT(A, B)\nA += B\nRETURN\n",
    "SHOW.PREC": 'SUBROUTINE SHOW.PREC(P)\nP = 1/3 : ""\nPRECISION 9\nRETURN\n',
    "TWICE": "FUNCTION TWICE(X)\nRETURN X * 2\n",
    "SOME.ARGS": "SUBROUTINE SOME.ARGS(A, B, C) VAR.ARGS\nA = ARG.COUNT()\nRETURN\n",
    # N is computed, so the lowering cannot tell which parameter it names.
    "SET.NTH": 'SUBROUTINE SET.NTH(A, B, N)\nSET.ARG N, "x"\nRETURN\n',
}


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    for name, text in ITEMS.items():
        (tmp_path / f"{name}.bas").write_text(text)
    monkeypatch.setattr(cat.catalog, "folders", [str(tmp_path)])
    monkeypatch.setattr(calls, "_CALL_TARGETS", {})
    return tmp_path


def test_a_remembered_target_still_checks_the_argument_count(folder):
    assert calls.call("BUMP.IT", 1, 2) == (3, 2)
    assert calls.call("BUMP.IT", 3, 4) == (7, 4)
    assert calls.call("bump.it", 3, 1) == (4, 1)  # names are not case-sensitive
    with pytest.raises(
        ArgumentCountError,
        match=r"^Argument count mismatch calling BUMP.IT \(Call=1, subr=2\)$",
    ):
        calls.call("BUMP.IT", 1)
    assert "BUMP.IT" in calls._CALL_TARGETS


def test_a_call_gives_back_one_value_per_argument(folder):
    """The caller unpacks them: ``A, B = rt.call("S", A, B)``, also for a
    VAR.ARGS routine, which hands back every parameter it declares."""
    assert calls.call("SOME.ARGS", 0, "x") == (2, "x")
    assert calls.call("SOME.ARGS", 0) == (1,)
    assert calls.call("SOME.ARGS", 0, 1, 2) == (3, 1, 2)
    with pytest.raises(ArgumentCountError):
        calls.call("SOME.ARGS", 0, 1, 2, 3)


def test_a_function_is_never_called_as_a_subroutine(folder):
    for _ in range(2):
        with pytest.raises(BasicError, match="not a subroutine"):
            calls.call("TWICE", 1)
    assert "TWICE" not in calls._CALL_TARGETS


def test_each_call_runs_at_its_own_precision(folder, monkeypatch):
    monkeypatch.setattr(state, "precision", 2)
    for _ in range(2):
        (third,) = calls.call("SHOW.PREC", 0)
        assert third == "0.3333" and DEFAULT_PRECISION == 4
        assert state.precision == 2


@pytest.mark.parametrize("n", [0, 4, -1])
def test_an_argument_the_routine_does_not_have_is_an_illegal_reference(folder, n):
    with pytest.raises(BasicError) as caught:
        calls.call("SET.NTH", 1, 2, n)
    assert caught.value.text == "Illegal argument reference"


@pytest.mark.parametrize("n", [1, 2, 3])
def test_a_computed_number_naming_a_named_parameter_is_reported(folder, n):
    with pytest.raises(UnsupportedAtRuntime, match=f"SET.ARG of argument {n}, a named"):
        calls.call("SET.NTH", 1, 2, n)
