"""CALL and DEFFUN of an item that cannot be loaded stop the program with
ScarletDME's message 1002 (k_call finds no object code), whether no
catalogue folder has the item or the item does not transpile; in the
second case the item's diagnostics follow the message line, which keeps
its BASIC location at its end."""

from __future__ import annotations

from basic_runner import run_basic


def run_main(tmp_path, program: str, **items: str):
    for name, text in items.items():
        (tmp_path / f"{name}.bas").write_text(text)
    (tmp_path / "MAIN.bas").write_text(program)
    done = run_basic(tmp_path / "MAIN.bas", tmp_path)
    assert done.returncode != 0
    return done.stdout.decode(), done.stderr.decode()


def test_call_of_a_missing_subroutine(tmp_path):
    out, err = run_main(tmp_path, 'PRINT "before"\nCALL NOSUCH(1)\n')
    assert out == "before\n"
    assert err == "Unable to load 'NOSUCH' object code at line 2 of MAIN\n"


def test_call_at_var_names_the_item_in_upper_case(tmp_path):
    _, err = run_main(tmp_path, 'S = "nosuch"\nCALL @S\n')
    assert err == "Unable to load 'NOSUCH' object code at line 2 of MAIN\n"


def test_a_missing_deffun_function(tmp_path):
    _, err = run_main(tmp_path, "DEFFUN TWICE(A)\nPRINT TWICE(2)\n")
    assert err == "Unable to load 'TWICE' object code at line 2 of MAIN\n"


def test_call_of_a_subroutine_that_does_not_transpile(tmp_path):
    _, err = run_main(
        tmp_path, "CALL BROKEN(1)\n", BROKEN="SUBROUTINE BROKEN(X)\nX = (1\nRETURN\n"
    )
    lines = err.splitlines()
    assert lines[0] == "Unable to load 'BROKEN' object code at line 1 of MAIN"
    assert lines[1].endswith("BROKEN.bas: cannot be transpiled")
    assert lines[2].endswith(
        "BROKEN.bas:2:7: error: unexpected end of line, expected AND, OR, ')'"
    )
    assert lines[3:] == ["    X = (1", "          ^"]


def test_execute_of_a_program_that_does_not_transpile(tmp_path):
    """EXECUTE finds no program to run, as ScarletDME finds no catalogued
    object for one that did not compile: the command fails and the program
    goes on; pick2py says why on stderr."""
    (tmp_path / "BROKENPROG.bas").write_text("X = (1\n")
    (tmp_path / "MAIN.bas").write_text(
        'EXECUTE "BROKENPROG"\nPRINT "after"\nEXECUTE "RUN BROKENPROG"\n'
    )
    done = run_basic(tmp_path / "MAIN.bas", tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert done.stdout.decode() == (
        "BROKENPROG is not in your VOC\nafter\nFile BP.OUT not found\n"
    )
    assert err.count("BROKENPROG.bas: cannot be transpiled\n") == 2
    assert "BROKENPROG.bas:1:7: error: unexpected end of line" in err
    assert "Internal error" not in err
