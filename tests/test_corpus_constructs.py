"""Constructs the real corpus uses, each with the rule that makes it valid.

The corpus itself (ScarletDME's GPL.BP, BP and contrib items) is tested in
tests/test_corpus.py where a checkout exists; these rows keep the rules
tested everywhere.
"""

from __future__ import annotations

import subprocess

import pytest

from basic_runner import pick2py_command, run_basic
from transpiler.api import Options, transpile_source
from transpiler.source import SourceFile


def errors(text: str, dialect: str = "") -> list[str]:
    result = transpile_source(
        SourceFile.from_text("PROG.bas", text), Options(dialect=dialect)
    )
    return [d.message for d in result.diagnostics if d.severity == "error"]


# (source, dialect, the rule)
ACCEPTED = [
    (
        "SUBROUTINE SORT1 (A, B)\nA = B\nRETURN\n",
        "",
        "BCOMP allows a space before a routine's parameter list (PICKWIKI SORT1)",
    ),
    ("FUNCTION F (A)\nRETURN A\n", "", "the same for FUNCTION"),
    (
        "INPUT EDIT\nPRINT EDIT\n",
        "",
        "the word after INPUT is its variable even when INPUT has an option of that name",
    ),
    ("INPUT @(1,2): HIDDEN\n", "", "also after INPUT @(x,y):"),
    (
        'S = "A B"\nIF S(1) = "A" THEN PRINT 1\n',
        "",
        "a name already used as a variable stays one: S(1) is S formatted with (1) (CSEQ)",
    ),
    (
        'OPEN "F" TO F ELSE STOP\nSTATUS S FROM F THEN PRINT S<21>\n',
        "",
        "STATUS var FROM f is FILEINFO(f, FL$STATUS) and always takes THEN",
    ),
    (
        'OPEN "F" TO F ELSE STOP\nSELECTV F TO L\nSELECT F\nSELECTE TO L2\n',
        "",
        "SELECTV and SELECTE fill select list variables",
    ),
    (
        "OPEN 'MD' ELSE STOP\nREAD X FROM 'ID' ELSE NULL\nWRITE X ON 'ID2'\n",
        "universe",
        "UniVerse's default file variable: OPEN without TO, READ/WRITE without a file",
    ),
    (
        "GOSUB100\nSTOP\n100 PRINT 1\nRETURN\n",
        "universe",
        "Pick's GOSUB100 with no space",
    ),
    ('$*"COPYRIGHT (C) 1988"\nPRINT 1\n', "universe", "Pick's $* lines are comments"),
    ("$COPYRIGHT 2005 someone\nPRINT 1\n", "universe", "UniVerse's $COPYRIGHT"),
    ('PRINT GETENV("HOME")\n', "universe", "UniVerse's GETENV is ENV"),
    (
        "L = 'A':@FM:'B'\nLOCATE 'B' IN L BY 'AL' SETTING P ELSE P = 0\n",
        "universe",
        "UniVerse's LOCATE x IN var: $MODE UV.LOCATE is on in the UniVerse dialect",
    ),
    ("X = @NULL\n", "universe", "UniVerse's @NULL, the null value"),
    (
        'P = INDEX (S, "x", 1)\n',
        "universe",
        "UniVerse allows a space between an intrinsic's name and its '('",
    ),
    ("CALL SUBX (A)\n", "", "CALL NAME (args) with a space (XMLOUT)"),
    ('X = 1\nIF X<1><>"" THEN PRINT 1\n', "", 'X<1><>"" is a field compared with <>'),
    (
        "DIM A(2)\nDIM B(2)\nMAT A = MAT B\nPRINT INMAT(A)\nCALL SUBX(MAT A)\n"
        "OPEN 'F' TO F ELSE STOP\nMATREAD A FROM F, 'X' ELSE NULL\nMATWRITE A ON F, 'X'\n",
        "",
        "a whole matrix goes to MAT, MAT arguments, INMAT() and MATREAD/MATWRITE",
    ),
]


@pytest.mark.parametrize(
    "text, dialect, rule", ACCEPTED, ids=[r[2][:40] for r in ACCEPTED]
)
def test_accepted(text, dialect, rule):
    assert errors(text, dialect) == [], rule


REJECTED = [
    (
        "OPEN 'MD' ELSE STOP\n",
        "",
        "OPEN without a file variable uses the default file, which needs --dialect universe or d3",
    ),
    ("GOSUB100\n", "", "GOSUB100 is not a statement"),
    ("$FOO\nPRINT 1\n", "", "unrecognised compiler directive $FOO"),
    ("DIM M(3)\nPRINT M()\n", "", "matrix M needs an index here"),
    # BCOMP's emit.var.reference: "Matrix reference requires index" for a
    # matrix named without one in any expression, MAT's value included.
    ("DIM M(3)\nPRINT M\n", "", "matrix M needs an index here"),
    ("DIM A(2)\nDIM B(2)\nMAT A = B\n", "", "matrix B needs an index here"),
    ("DIM M(3)\nCALL SUBX(M)\n", "", "matrix M needs an index here"),
    ("EQUATE X TO X + 1\nPRINT X\n", "", "EQUATE X refers to itself"),
]


@pytest.mark.parametrize(
    "text, dialect, message", REJECTED, ids=[r[2][:40] for r in REJECTED]
)
def test_rejected(text, dialect, message):
    assert message in errors(text, dialect)


def test_status_and_select_variables_run(tmp_path):
    program = tmp_path / "ST.bas"
    program.write_text(
        'EXECUTE "CREATE.FILE DATA.F DIRECTORY" CAPTURING JUNK\n'
        'OPEN "DATA.F" TO F ELSE STOP "no open"\n'
        'WRITE "x" ON F, "A1"\n'
        'STATUS S FROM F THEN PRINT "then ":S<21>:" ":(S<20> # "") ELSE PRINT "else"\n'
        "SELECTV F TO L\n"
        "READNEXT ID FROM L THEN PRINT ID\n"
    )
    done = run_basic(program, tmp_path)
    assert done.stdout.decode() == "then 4 1\nA1\n", done.stderr.decode()


def test_default_file_runs_in_universe_mode(tmp_path):
    program = tmp_path / "DF.bas"
    program.write_text(
        'EXECUTE "CREATE.FILE MD DIRECTORY" CAPTURING JUNK\n'
        "OPEN 'MD' ELSE STOP 'no MD'\n"
        "WRITE 'hello' ON 'GREETING'\n"
        "READ X FROM 'GREETING' ELSE X = 'missing'\n"
        "GOSUB100\n"
        "STOP\n"
        "100 PRINT X\n"
        "RETURN\n"
    )
    done = subprocess.run(
        [*pick2py_command(), "run", "--dialect", "universe", str(program)],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert done.stdout.decode() == "hello\n", done.stderr.decode()
