"""$MODE switches that change what a statement compiles to.

Each test runs the same BASIC with and without the mode, as BCOMP's mode
bits choose between two opcodes (TIME/TIMEMS, SELECT/SELECTV,
READNEXT/RDNXPOS).
"""

from __future__ import annotations

import pytest

from basic_runner import run_basic
from transpiler.api import Options, transpile_source
from transpiler.source import SourceFile


def run(tmp_path, text: str) -> str:
    program = tmp_path / "MODES.bas"
    program.write_text(text)
    done = run_basic(program, tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode("latin-1")


def errors(text: str) -> list[str]:
    result = transpile_source(SourceFile.from_text("MODES", text), Options())
    return [d.message for d in result.diagnostics]


def test_time_ms_adds_milliseconds(tmp_path):
    text = (
        "$MODE TIME.MS\n"
        "T = TIME()\n"
        "PRINT (T >= 0) : (T < 86400) : (ABS(T * 1000 - INT(T * 1000 + 0.5)) < 0.01)\n"
        "LOOP UNTIL INT(TIME()) # TIME() DO REPEAT\n"
        'PRINT "fraction seen"\n'
    )
    assert run(tmp_path, text) == "111\nfraction seen\n"


def test_time_without_mode_is_whole_seconds(tmp_path):
    text = "T = TIME()\nPRINT (INT(T) = T) : (T < 86400)\n"
    assert run(tmp_path, text) == "11\n"


SELECT_PROGRAM = (
    'EXECUTE "CREATE.FILE MODES.F DIRECTORY" CAPTURING JUNK\n'
    'OPEN "MODES.F" TO F ELSE STOP "no open"\n'
    'WRITE "x" ON F, "A1"\n'
    "SELECT F TO L\n"
    "READNEXT ID FROM L THEN PRINT ID ELSE PRINT 'empty'\n"
)


def test_select_under_selectv_fills_a_list_variable(tmp_path):
    assert run(tmp_path, "$MODE SELECTV\n" + SELECT_PROGRAM) == "A1\n"


def test_select_without_selectv_takes_a_list_number(tmp_path):
    # L is unassigned and used as a list number: BASIC's unassigned-is-""
    # warning path is not wanted here, so give it a number.
    assert run(tmp_path, "L = 3\n" + SELECT_PROGRAM) == "A1\n"


def test_selectv_needs_to():
    assert "TO not found where expected" in errors(
        '$MODE SELECTV\nOPEN "F" TO F ELSE STOP\nSELECT F\n'
    )


@pytest.mark.parametrize(
    "mode, expected",
    [("", "A 2 0|B 0 0|"), ("$MODE COMPOSITE.READNEXT\n", "A\xfd2|B|")],
)
def test_composite_readnext(tmp_path, mode, expected):
    if mode:
        read = "READNEXT ID THEN PRINT ID:'|':\n"
    else:
        read = "READNEXT ID, V, S THEN PRINT ID:' ':V:' ':S:'|':\n"
    text = mode + 'FORMLIST "A":@VM:"2":@FM:"B" TO 0\n' + read * 2
    assert run(tmp_path, text) == expected


def test_composite_readnext_keeps_positions_for_three_targets(tmp_path):
    text = (
        "$MODE COMPOSITE.READNEXT\n"
        'FORMLIST "A":@VM:"2":@VM:"1" TO 0\n'
        "READNEXT ID, V, S THEN PRINT ID:' ':V:' ':S\n"
    )
    assert run(tmp_path, text) == "A 2 1\n"


@pytest.mark.parametrize(
    "text, message",
    [
        ("DIM A(2)\nPRINT A(0)\n", "Array subscript out of range in variable A"),
        ("DIM A(2,2)\nPRINT A(1,0)\n", "Array subscript out of range in variable A"),
        ("N = 0\nDIM A(N)\n", "Pick style matrices must have at least one element"),
    ],
)
def test_pick_matrix_errors(tmp_path, text, message):
    program = tmp_path / "PICKERR.bas"
    program.write_text("$MODE PICK.MATRIX\n" + text)
    done = run_basic(program, tmp_path)
    assert done.returncode != 0
    assert message in done.stderr.decode()


def test_pick_matrix_in_common_cannot_be_redimensioned():
    from runtime_lib.errors import BasicError
    from runtime_lib.matrix import Matrix

    matrix = Matrix("C", 2, pick=True, in_common=True)
    matrix.redim(2)  # the same sizes change nothing
    with pytest.raises(BasicError, match="Cannot redimension a Pick style matrix"):
        matrix.redim(3)


@pytest.mark.parametrize("target", ["PROGRAM OTHER", "SUBROUTINE OTHER"])
def test_pick_enter_does_not_come_back(tmp_path, target):
    (tmp_path / "OTHER.bas").write_text(f'{target}\nPRINT "in other"\nRETURN\n')
    text = (
        "$MODE PICK.ENTER\n"
        'PRINT "before"\n'
        "GOSUB GO\n"
        'PRINT "not reached"\n'
        "STOP\n"
        "GO: ENTER OTHER\n"
        "RETURN\n"
    )
    assert run(tmp_path, text) == "before\nin other\n"


def test_enter_without_the_mode_is_call(tmp_path):
    (tmp_path / "OTHER.bas").write_text('SUBROUTINE OTHER(X)\nX = "set"\nRETURN\n')
    assert run(tmp_path, "ENTER OTHER(V)\nPRINT V\n") == "set\n"


def test_pick_enter_takes_no_arguments():
    assert "unexpected text after ENTER" in errors("$MODE PICK.ENTER\nENTER OTHER(1)\n")


ERRMSG_SETUP = (
    'EXECUTE "CREATE.FILE ERRMSG DIRECTORY" CAPTURING JUNK\n'
    'OPEN "ERRMSG" TO F ELSE STOP "no ERRMSG"\n'
    'WRITE "E gone" : @FM : "A" ON F, "7"\n'
)


@pytest.mark.parametrize(
    "statement", ['ABORTE "7", "x"', '$MODE PICK.ERRMSG\nABORT "7", "x"']
)
def test_pick_abort_shows_the_errmsg_record_then_aborts(tmp_path, statement):
    program = tmp_path / "PABORT.bas"
    program.write_text(ERRMSG_SETUP + statement + "\n")
    done = run_basic(program, tmp_path)
    assert done.stdout.decode() == "[7] gonex\n"
    assert done.returncode != 0
    assert "Abort at line" in done.stderr.decode()


def test_stop_message_is_a_print_list(tmp_path):
    assert run(tmp_path, 'STOP "a", 1 + 1\n') == "a\t2\n"


def test_pick_stop_without_errmsg_file_says_so(tmp_path):
    text = '$MODE PICK.ERRMSG\nSTOP "12", "x"\n'
    assert run(tmp_path, text) == "Cannot open ERRMSG while reporting error 12\n"


def test_abort_with_arguments_is_pick_style(tmp_path):
    program = tmp_path / "PABORT.bas"
    program.write_text(ERRMSG_SETUP + 'ABORT "7", "y"\n')
    assert run_basic(program, tmp_path).stdout.decode() == "[7] goney\n"


def test_abortm_takes_one_message():
    assert errors('ABORTM "a", "b"\n') == ["ABORTM takes one message"]
