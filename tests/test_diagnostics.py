"""User mistakes give positioned diagnostics, all of them, never a traceback."""

from __future__ import annotations

import subprocess

import pytest

from basic_runner import pick2py_command
from transpiler.api import Options, transpile_source
from transpiler.source import SourceFile


def diagnostics(text: str) -> list[str]:
    result = transpile_source(SourceFile.from_text("PROG.bas", text))
    return [f"{d.line}:{d.column}: {d.message}" for d in result.diagnostics]


# (BASIC source, the diagnostics it must produce, in source order)
CASES = [
    ('PRINT "a\n', ["1:7: string is not closed on this line"]),
    ("FOO BAR\n", ["1:1: FOO is not a statement"]),
    ("NEXT I\n", ["1:1: NEXT without FOR"]),
    ("REPEAT\n", ["1:1: REPEAT without LOOP"]),
    ("FOR I = 1 TO 3\nPRINT I\n", ["1:1: FOR without NEXT"]),
    ("LOOP\nPRINT 1\n", ["1:1: LOOP without REPEAT"]),
    ("IF X THEN\nPRINT 1\n", ["1:6: THEN block without END"]),
    ("BEGIN CASE\nCASE 1\n", ["1:1: BEGIN CASE without END CASE"]),
    ("CASE 1\nX = 1\n", ["1:1: CASE without BEGIN CASE"]),
    ("X = 1\nEND CASE\n", ["2:5: END CASE without BEGIN CASE"]),
    ("IF X THEN\n  END CASE\nEND\n", ["2:7: END CASE without BEGIN CASE"]),
    ("GOTO 99\n", ["1:1: label 99 is not defined"]),
    (
        "X = M(1)\n",
        ["1:5: M is not a function, and matrix M is not referenced in a DIM statement"],
    ),
    ("X = LEN(1, 2)\n", ["1:5: LEN() takes 1 argument, not 2"]),
    ("ELSE PRINT 1\n", ["1:1: misplaced ELSE"]),
    ("10 X = 1\n10 Y = 2\nGOTO 10\n", ["2:1: label 10 is defined twice"]),
    # Three independent errors are all reported.
    (
        'PRINT "a\nFOO BAR\nNEXT\n',
        [
            "1:7: string is not closed on this line",
            "2:1: FOO is not a statement",
            "3:1: NEXT without FOR",
        ],
    ),
    ("X = @\n", ["1:5: unexpected character '@'"]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:20] for c in CASES])
def test_diagnostic(text, expected):
    assert diagnostics(text) == expected


def test_unsupported_construct_is_a_diagnostic():
    found = diagnostics("X = CCALL('lib', 'f')\n")
    assert any("not supported yet" in d for d in found), found


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\x01\x02\xff\xfe",
        b"IF IF IF THEN THEN",
        b"((((((",
        b"X<<<<>>>>",
        b"\"\"\"'''\\\\\\",
        b"END END END",
        b"CASE CASE",
        b"FOR FOR = 1 TO TO",
        b"X = 1 +\r\nY = ~",
        b"$INSERT NO.SUCH.ITEM",
    ],
)
def test_junk_never_raises(junk, tmp_path):
    path = tmp_path / "JUNK.bas"
    path.write_bytes(junk)
    done = subprocess.run(
        [*pick2py_command(), "check", str(path)], capture_output=True, timeout=60
    )
    assert b"Traceback" not in done.stderr + done.stdout
    assert done.returncode in (0, 1)


def test_check_command_format_and_exit_codes(tmp_path):
    good = tmp_path / "GOOD.bas"
    good.write_text("PRINT 1\n")
    bad = tmp_path / "BAD.bas"
    bad.write_text("PRINT 1\nFOO\n")
    done = subprocess.run(
        [*pick2py_command(), "check", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == f"{bad}:2:1: error: FOO is not a statement"
    assert lines[-1] == "checked 2 files: 1 ok, 1 failed"
    done = subprocess.run(
        [*pick2py_command(), "check", str(good)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    done = subprocess.run(
        [*pick2py_command(), "check", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2


@pytest.mark.parametrize(
    "text, shown",
    [
        ("$INCLUDE MISSING.H\nPRINT 1\n", "$INCLUDE MISSING.H"),
        ("$IFDEF\nPRINT 1\n$ENDIF\n", "$IFDEF"),
        ("PRINT 1\n$ENDIF\n", "$ENDIF"),
    ],
)
def test_a_directive_error_shows_the_directive_line(text, shown):
    result = transpile_source(SourceFile.from_text("PROG.bas", text))
    first = result.diagnostics[0].format().splitlines()
    assert first[1:] == [f"    {shown}", "    ^"]


def test_run_reports_errors_with_source_and_caret(tmp_path):
    bad = tmp_path / "BAD.bas"
    bad.write_text("X = 1\nPRINT (X +\n")
    done = subprocess.run(
        [*pick2py_command(), "run", str(bad)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert f"{bad}:2:11: error:" in done.stderr
    assert "    PRINT (X +\n" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "COMMON C\nDEFFUN F(X)\nFOR I = 1 TO F(C)\nNEXT I\n",
            "3:14: changing C in a FOR limit through a function call is not "
            "supported yet",
        ),
        (
            "DIM M(2)\nDEFFUN F(X)\nY = IF 1 THEN F(M(1)) ELSE 0\n",
            "3:15: changing an element of M in the branches of an IF expression "
            "through a function call is not supported yet",
        ),
        (
            "FOR I = 1 TO REMOVE(S, D)\nNEXT I\n",
            "1:14: REMOVE() in a FOR limit is not supported yet",
        ),
    ],
)
def test_statements_cannot_go_first(text, expected):
    """Where the lowering cannot put statements before an expression, a
    call needing them is a diagnostic (a plain variable argument is not)."""
    assert expected in diagnostics(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('EXECUTE "X" PASSLIST L<1>\n', "1:22: PASSLIST needs a variable"),
        ('EXECUTE "X" RTNLIST\n', "1:1: RTNLIST needs a variable"),
        (
            'EXECUTE "X" CURRENT.LEVEL\n',
            "1:1: CURRENT.LEVEL is only allowed in internal mode",
        ),
        (
            '$INTERNAL\nEXECUTE "X" CURRENT.LEVEL\n',
            "2:1: EXECUTE ... CURRENT.LEVEL is not supported yet",
        ),
    ],
)
def test_execute_select_list_clauses(text, expected):
    """BCOMP st.execute: PASSLIST and RTNLIST name a variable (a bare
    PASSLIST is allowed); CURRENT.LEVEL is restricted to internal mode."""
    assert expected in diagnostics(text)


def test_run_of_an_unknown_program_says_where_it_looked(tmp_path):
    (tmp_path / "BP").mkdir()
    (tmp_path / "BP" / "CUST.REPORT").write_text('PRINT "hi"\n')
    (tmp_path / "LIB").mkdir()

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*pick2py_command(), "run", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )

    done = run("CUST.REPORT")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"pick2py: CUST.REPORT: no such program (not a file in {tmp_path};"
        " no --catalog folders to search)",
        "pick2py: BP/CUST.REPORT exists: run it with pick2py run BP/CUST.REPORT",
    ]
    done = run("--catalog", "LIB", "NOPE")
    assert done.stderr.splitlines() == [
        f"pick2py: NOPE: no such program (not a file in {tmp_path},"
        f" nor an item in {tmp_path / 'LIB'})"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("DEFFUN F(A, B)\nX = F(1)\n", "2:5: Argument count mismatch in function call"),
        ('DEFFUN G(A) KEY ""\n', "1:17: Function key cannot be a null string"),
        ("DEFFUN H(A) KEY -1\n", "1:17: Expected function key after KEY"),
    ],
)
def test_deffun_checks(text, expected):
    """BCOMP st.deffun and its function calls."""
    assert expected in diagnostics(text)


@pytest.mark.parametrize("dialect", ["scarletdme", "universe", "d3"])
def test_os_file_statements_transpile_in_every_dialect(dialect):
    text = (
        'OSREAD X FROM "f" ON ERROR NULL THEN NULL ELSE NULL\n'
        'OSWRITE X TO "f"\nOSWRITE X ON "f" ON ERROR NULL\nOSDELETE "f"\n'
    )
    result = transpile_source(
        SourceFile.from_text("T.bas", text), Options(dialect=dialect)
    )
    assert result.diagnostics == [] and result.code is not None


@pytest.mark.parametrize(
    "line, message",
    [
        ("X = PTERM(2, 0)", "the PTERM() function is not supported yet"),
        ("X = TESTLOCK(2)", "the TESTLOCK() function is not supported yet"),
        ("PROCREAD X ELSE NULL", "the PROCREAD statement is not supported yet"),
        (
            "READSELECT X FROM 0 ELSE NULL",
            "the READSELECT statement is not supported yet",
        ),
        ('PHANTOM "RUN P"', "the PHANTOM statement is not supported yet"),
        (
            'SELECTINDEX "I", "v" FROM F TO 2',
            "the SELECTINDEX statement is not supported yet",
        ),
        ("WRITECSV A, B TO F ELSE NULL", "the WRITECSV statement is not supported yet"),
    ],
)
def test_documented_unsupported_statements_say_so(line, message):
    # Each is listed in docs/unsupported.md.
    result = transpile_source(SourceFile.from_text("T.bas", line + "\n"))
    assert message in [d.message for d in result.diagnostics]


def test_prompt_function_is_internal_mode_only():
    """PROMPT() is an internal-mode intrinsic (BCOMP int.intrinsics)."""
    found = diagnostics("X = PROMPT()\n")
    assert any("the PROMPT() function is not supported yet" in d for d in found)
