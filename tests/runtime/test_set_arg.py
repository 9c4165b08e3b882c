"""SET.ARG n, value with a computed n, checked when it runs (runtime_lib.calls)."""

from __future__ import annotations

import pytest

from runtime_lib import calls
from runtime_lib import catalog as cat
from runtime_lib.errors import BasicError, UnsupportedAtRuntime

ITEMS = {
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


@pytest.mark.parametrize("n", [0, 4, -1])
def test_an_argument_the_routine_does_not_have_is_an_illegal_reference(folder, n):
    with pytest.raises(BasicError) as caught:
        calls.call("SET.NTH", 1, 2, n)
    assert caught.value.text == "Illegal argument reference"


@pytest.mark.parametrize("n", [1, 2, 3])
def test_a_computed_number_naming_a_named_parameter_is_reported(folder, n):
    with pytest.raises(UnsupportedAtRuntime, match=f"SET.ARG of argument {n}, a named"):
        calls.call("SET.NTH", 1, 2, n)
