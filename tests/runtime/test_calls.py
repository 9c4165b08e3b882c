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
    # PRECISION in a GOSUB section, which is a function nested in the routine.
    "SHOW.LATER": 'SUBROUTINE SHOW.LATER(P)\nGOSUB SET\nP = 1/3 : ""\nRETURN\n'
    "SET: PRECISION 1\nRETURN\n",
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
    monkeypatch.setattr(calls, "_FUNCTION_TARGETS", {})
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


def test_a_call_target_is_the_routine_itself_once_found(folder):
    """``rt.call_target(name, count)(args)``: nothing runs around a routine
    that takes that many arguments and keeps PRECISION."""
    first = calls.call_target("BUMP.IT", 2)
    assert first(1, 2) == (3, 2)
    routine = calls.call_target("BUMP.IT", 2)
    assert routine is cat.catalog.load("BUMP.IT").__basic__.entry
    assert routine(3, 4) == (7, 4)
    with pytest.raises(ArgumentCountError, match=r"\(Call=1, subr=2\)$"):
        calls.call_target("BUMP.IT", 1)(1)


def test_a_call_target_that_is_missing_fails_when_it_is_called(folder):
    """The caller evaluates the arguments first, as ScarletDME's CALL does."""
    target = calls.call_target("NOT.THERE", 1)
    with pytest.raises(BasicError, match="NOT.THERE"):
        target(1)


@pytest.mark.parametrize(
    "name, shown", [("SHOW.PREC", "0.3333"), ("SHOW.LATER", "0.3")]
)
def test_a_call_target_setting_precision_runs_through_call(folder, name, shown):
    for _ in range(3):
        (third,) = calls.call_target(name, 1)(0)
        assert third == shown
        assert state.precision == DEFAULT_PRECISION
    assert calls.call_target(name, 1) is not cat.catalog.load(name).__basic__.entry


def test_a_caller_at_another_precision_calls_through_call(folder, monkeypatch):
    calls.call("BUMP.IT", 0, 0)
    monkeypatch.setattr(state, "precision", 2)
    assert calls.call_target("BUMP.IT", 2)(1, 0.5) == (1.5, 0.5)
    assert calls.call_target("BUMP.IT", 2) is not (
        cat.catalog.load("BUMP.IT").__basic__.entry
    )
    assert state.precision == 2


def test_a_function_target_is_the_function_itself_once_found(folder):
    assert calls.function_target("TWICE", 1)(4) == (8, 4)
    routine = calls.function_target("TWICE", 1)
    assert routine is cat.catalog.load("TWICE").__basic__.entry
    with pytest.raises(ArgumentCountError):
        calls.function_target("TWICE", 2)(1, 2)
