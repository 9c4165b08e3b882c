"""Item names and file extensions.

Rules checked: only the lower-case extensions ``.bas`` and ``.b`` are taken
off a file's name to give the item's name, so ``CALC.B`` (a Pick-style
name) stays an item of its own; a name looked up (CALL, $INCLUDE, ``pick2py
run NAME``) matches the file exactly, then with a lower-case extension,
then ignoring the case of the name part only.
"""

from __future__ import annotations

import pytest

from runtime_lib import catalog as cat
from transpiler.api import item_name
from transpiler.preprocess import find_item


@pytest.mark.parametrize(
    "file, name",
    [
        ("CALC", "CALC"),
        ("CALC.bas", "CALC"),
        ("CALC.b", "CALC"),
        ("CALC.B", "CALC.B"),
        ("PROG.BAS", "PROG.BAS"),
        ("MONEY.LINE.bas", "MONEY.LINE"),
        (".b", ".b"),
    ],
)
def test_item_name(file, name):
    assert item_name(f"/bp/{file}") == name


@pytest.mark.parametrize(
    "files, wanted, found",
    [
        (["CALC.B"], "CALC", None),
        (["CALC.B"], "CALC.B", "CALC.B"),
        (["CALC.B", "CALC"], "CALC", "CALC"),
        (["CALC.bas"], "CALC", "CALC.bas"),
        (["calc.bas"], "CALC", "calc.bas"),
        (["calc.BAS"], "CALC", None),
        (["Calc.B"], "CALC.B", "Calc.B"),
        (["CALC.b", "CALC.B"], "CALC", "CALC.b"),
    ],
)
def test_find_item(tmp_path, files, wanted, found):
    for name in files:
        (tmp_path / name).write_text("PRINT 1\n")
    result = find_item(tmp_path, wanted)
    assert (result.name if result else None) == found


def test_call_does_not_take_calc_b_for_calc(tmp_path, monkeypatch):
    (tmp_path / "CALC.B").write_text("SUBROUTINE CALC.B(X)\nX = 1\nRETURN\n")
    monkeypatch.setattr(cat.catalog, "folders", [str(tmp_path)])
    monkeypatch.setattr(cat.catalog, "modules", {})
    assert cat.catalog.find("CALC") is None
    assert cat.catalog.find("CALC.B") == tmp_path / "CALC.B"
