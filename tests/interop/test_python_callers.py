"""Python applications calling generated BASIC, with no pick2py command.

Each test transpiles a small BASIC tree once (``pick2py transpile``, as a
build step would), then runs a *plain Python script* in a fresh interpreter
that imports the generated modules from their folder and calls them: the
script is what an application would contain. The rules under test are
runtime_lib.pycall's (values in, Arguments out, errors carrying the BASIC
line) and the catalogue's (CALL across generated packages).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from basic_runner import pick2py_command

BASIC = {
    "lib/MONEY.LINE.bas": """\
        SUBROUTINE MONEY.LINE(LABEL, CENTS, TEXT)
        * TEXT is passed back to the caller (by reference).
        TEXT = FMT(LABEL, "L#10") : FMT(OCONV(CENTS, "MD2"), "R#8")
        RETURN
        END
        """,
    "lib/ADD.TAG.bas": """\
        SUBROUTINE ADD.TAG(N, TAG.TEXT)
        N = N + 10
        TAG.TEXT<-1> = "done"
        RETURN
        END
        """,
    "lib/TAX.bas": """\
        FUNCTION TAX(CENTS, RATE)
        RETURN INT(CENTS * RATE + 0.5)
        END
        """,
    "lib/TAKE.FIRST.bas": """\
        FUNCTION TAKE.FIRST(LIST)
        * Changes its argument (by reference for BASIC callers).
        FIRST = LIST<1>
        DEL LIST<1>
        RETURN FIRST
        END
        """,
    "lib/NEEDS.NUMBER.bas": """\
        SUBROUTINE NEEDS.NUMBER(A, B)
        * A comment line, so the failing statement is line 4.
        B = 1
        B = A * 2
        RETURN
        END
        """,
    "lib/OUTER.bas": """\
        SUBROUTINE OUTER(A, B)
        CALL NEEDS.NUMBER(A, B)
        RETURN
        END
        """,
    "lib/SUM.FIELDS.bas": """\
        FUNCTION SUM.FIELDS(REC)
        TOTAL = 0
        FOR I = 1 TO DCOUNT(REC, @FM)
          TOTAL += REC<I>
        NEXT I
        RETURN TOTAL
        END
        """,
    "lib/SHOUT.bas": """\
        PROGRAM SHOUT
        PRINT "words: " : @SENTENCE
        PRINT UPCASE(FIELD(@SENTENCE, " ", 2))
        END
        """,
    "lib/TALLY.bas": """\
        CLASS TALLY
        PUBLIC COUNT
        END
        """,
    # A second package whose subroutines CALL into the first one.
    "app/BY.NAME.bas": """\
        SUBROUTINE BY.NAME(WHICH, TEXT)
        CALL @WHICH("Paid", 500, TEXT)
        RETURN
        END
        """,
    "app/INVOICE.TOTAL.bas": """\
        SUBROUTINE INVOICE.TOTAL(AMOUNTS, TEXT)
        TOTAL = 0
        FOR I = 1 TO DCOUNT(AMOUNTS, @VM)
          TOTAL += AMOUNTS<1, I>
        NEXT I
        CALL MONEY.LINE("Total", TOTAL, TEXT)
        RETURN
        END
        """,
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    """BASIC sources transpiled into two generated packages, sources removed."""
    root = tmp_path_factory.mktemp("interop")
    for name, text in BASIC.items():
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    for package in ("lib", "app"):
        subprocess.run(
            [
                *pick2py_command(),
                "transpile",
                str(root / "src" / package),
                "-o",
                str(root / "gen" / package),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    # The application ships generated code only.
    for path in (root / "src").rglob("*.bas"):
        path.unlink()
    return root / "gen"


def run_script(packages: Path, script: str, env: dict | None = None) -> str:
    """Run a plain Python script with the generated packages on sys.path."""
    full_env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(
            [str(packages / "lib"), str(packages / "app"), str(Path.cwd())]
        ),
    )
    full_env.pop("PICK2PY_CATALOG", None)
    full_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_subroutine_assigns_back_to_its_arguments(packages):
    out = run_script(
        packages,
        """
        from money_line import MONEY_LINE
        from add_tag import ADD_TAG

        result = MONEY_LINE("Total", 1234, None)
        assert result == ("Total", 1234, "Total        12.34"), result
        assert result.TEXT == result["TEXT"] == result[2] == "Total        12.34"
        label, cents, text = result

        n, tags = ADD_TAG(5, "new")
        assert (n, tags) == (15, "new\\xfedone"), (n, tags)
        r = ADD_TAG(N=1.5, TAG_TEXT="")             # by Python name
        assert r.N == 11.5 and r["TAG.TEXT"] == "done"
        r = ADD_TAG(1, **{"TAG.TEXT": b"x\\xfey"})  # by BASIC name, bytes
        assert r.TAG_TEXT == "x\\xfey\\xfedone"
        assert r.as_dict() == {"N": 11, "TAG.TEXT": "x\\xfey\\xfedone"}
        print(repr(r))
        """,
    )
    assert out == "ADD_TAG.Arguments(N=11, TAG_TEXT='x\\xfey\\xfedone')\n"


def test_a_function_returns_its_value(packages):
    out = run_script(
        packages,
        """
        from tax import TAX
        from sum_fields import SUM_FIELDS
        from take_first import TAKE_FIRST
        from runtime_lib.pyapi import DynArray

        assert TAX(1999, 0.08) == 160
        assert TAX("1999", "0.08") == 160       # numeric strings, as in BASIC
        assert TAX(True, 10) == 10               # bool is 1
        assert SUM_FIELDS(DynArray([1, 2, 3.5])) == 6.5
        assert SUM_FIELDS(["1", "2"]) == 3       # a list is a dynamic array
        # Only the value, even when the FUNCTION changes its arguments.
        assert TAKE_FIRST(["a", "b"]) == "a"
        print(TAX.__doc__)
        """,
    )
    assert out == "BASIC FUNCTION TAX(CENTS, RATE).\n"


def test_a_basic_runtime_error_names_the_basic_line(packages):
    out = run_script(
        packages,
        """
        from needs_number import NEEDS_NUMBER
        from outer import OUTER
        from runtime_lib.pyapi import BasicError, NonNumericError

        try:
            NEEDS_NUMBER("abc", None)
        except BasicError as exc:
            assert isinstance(exc, NonNumericError)
            print(exc.item, exc.line, exc.path, exc.variable)
            print(exc)
            print(exc.__notes__)

        # Through a CALL: the line is the innermost BASIC line, as ScarletDME
        # reports it.
        try:
            OUTER("abc", None)
        except BasicError as exc:
            print(exc)
        """,
    )
    assert out.splitlines() == [
        "NEEDS.NUMBER 4 NEEDS.NUMBER.bas A",
        "Non-numeric where numeric required in A at line 4 of NEEDS.NUMBER",
        "['BASIC NEEDS.NUMBER.bas line 4 (NEEDS.NUMBER): B = A * 2']",
        "Non-numeric where numeric required in A at line 4 of NEEDS.NUMBER",
    ]


def test_an_uncaught_error_shows_the_basic_line_under_the_traceback(packages):
    full_env = dict(os.environ, PYTHONPATH=str(packages / "lib"))
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from needs_number import NEEDS_NUMBER\n" "NEEDS_NUMBER('x', 0)\n",
        ],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[-2:] == [
        "runtime_lib.errors.NonNumericError: Non-numeric where numeric required in A"
        " at line 4 of NEEDS.NUMBER",
        "BASIC NEEDS.NUMBER.bas line 4 (NEEDS.NUMBER): B = A * 2",
    ]
    # The generated frame is in the traceback too, for Python debugging.
    assert any("needs_number.py" in line for line in lines)


def test_a_program_main_takes_the_command_line_words(packages):
    out = run_script(
        packages,
        """
        import sys
        from shout import main

        status = main("hello", "world")
        sys.stdout.flush()
        print("status", status)
        """,
    )
    assert out == "words: SHOUT hello world\nHELLO\nstatus 0\n"


def test_call_resolves_across_generated_packages(packages):
    # app's INVOICE.TOTAL CALLs MONEY.LINE, which only the lib package has:
    # the catalogue finds it through PICK2PY_CATALOG, without any source.
    out = run_script(
        packages,
        """
        from invoice_total import INVOICE_TOTAL
        from runtime_lib.pyapi import DynArray, VM

        amounts = DynArray()
        for cents in (1000, 250, 4):
            amounts.replace(cents, 1, -1)
        result = INVOICE_TOTAL(amounts, None)
        print(result.TEXT)
        assert result.AMOUNTS == "1000" + VM + "250" + VM + "4"
        """,
        env={"PICK2PY_CATALOG": str(packages / "lib")},
    )
    assert out == "Total        12.54\n"


def test_call_at_var_resolves_across_generated_packages(packages):
    out = run_script(
        packages,
        """
        from by_name import BY_NAME

        print(BY_NAME("MONEY.LINE", None).TEXT)
        """,
        env={"PICK2PY_CATALOG": str(packages / "lib")},
    )
    assert out == "Paid          5.00\n"


def test_call_finds_items_beside_an_imported_generated_module(packages):
    # OUTER CALLs NEEDS.NUMBER: importing OUTER makes its folder part of
    # the catalogue, as the folder of the program being run is.
    out = run_script(
        packages,
        """
        from outer import OUTER
        print(OUTER(21, None))
        """,
    )
    assert out == "OUTER.Arguments(A=21, B=42)\n"


def test_importing_a_class_module_adds_its_folder_to_the_catalogue(packages):
    out = run_script(
        packages,
        """
        import tally
        from runtime_lib import catalog

        print([folder.rsplit("/", 1)[-1] for folder in catalog.catalog.imported_from])
        """,
    )
    assert out == "['lib']\n"


def test_pyapi_call_runs_a_catalogued_item_by_basic_name(packages):
    out = run_script(
        packages,
        """
        from runtime_lib import pyapi

        pyapi.add_catalog(r"%s")
        print(pyapi.call("ADD.TAG", 1, "").TAG_TEXT)
        print(pyapi.call("TAX", 100, 0.5) == 50)
        try:
            pyapi.call("NO.SUCH.ITEM")
        except pyapi.NotCataloguedError as exc:
            print(exc)
        """ % (packages / "lib"),
    )
    assert out.splitlines() == [
        "done",
        "True",
        "Unable to load 'NO.SUCH.ITEM' object code",
    ]


def test_stop_in_a_subroutine_raises_stop_program(tmp_path):
    (tmp_path / "QUIT.bas").write_text("SUBROUTINE QUIT(A)\nA = 1\nSTOP\nEND\n")
    subprocess.run(
        [*pick2py_command(), "transpile", str(tmp_path), "-o", str(tmp_path / "gen")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = run_script(
        tmp_path,
        """
        from quit import QUIT
        from runtime_lib.pyapi import StopProgram
        try:
            QUIT(None)
        except StopProgram:
            print("stopped")
        """,
        env={"PYTHONPATH": str(tmp_path / "gen")},
    )
    assert out == "stopped\n"


def test_var_args_and_unassigned_arguments(tmp_path):
    (tmp_path / "OPTS.bas").write_text(
        "SUBROUTINE OPTS(A, B.ARG, C) VAR.ARGS\nB.ARG = ARG(1) : '!'\nRETURN\nEND\n"
    )
    (tmp_path / "READS.bas").write_text(
        "SUBROUTINE READS(IN.TEXT)\nIN.TEXT = IN.TEXT : 'x'\nRETURN\nEND\n"
    )
    subprocess.run(
        [*pick2py_command(), "transpile", str(tmp_path), "-o", str(tmp_path / "gen")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = run_script(
        tmp_path,
        """
        from opts import OPTS
        from reads import READS
        from runtime_lib.pyapi import UnassignedError

        # VAR.ARGS: fewer arguments are fine; the others come back as None.
        print(OPTS("hi"))
        print(OPTS("hi", B_ARG=None, C=3))
        # None is an unassigned variable, named by its BASIC name.
        try:
            READS(None)
        except UnassignedError as exc:
            print(exc)
        """,
        env={"PYTHONPATH": str(tmp_path / "gen")},
    )
    assert out.splitlines() == [
        "OPTS.Arguments(A='hi', B_ARG='hi!', C=None)",
        "OPTS.Arguments(A='hi', B_ARG='hi!', C=3)",
        "Unassigned variable IN.TEXT at line 2 of READS",
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        # str, int and float are BASIC values already.
        ("abc", "abc"),
        (7, 7),
        (2.5, 2.5),
        # bool is an integer in BASIC's eyes.
        (True, 1),
        # bytes are one character per byte (Latin-1), marks included.
        (b"a\xfeb", "a\xfeb"),
        # a list is a dynamic array: fields, then values.
        (["a", ["b", "c"]], "a\xfeb\xfdc"),
    ],
)
def test_values_python_callers_pass(value, expected):
    from runtime_lib.pycall import to_basic

    assert to_basic(value) == expected
    assert type(to_basic(value)) is type(expected)


def test_none_is_an_unassigned_variable_and_comes_back_as_none():
    from runtime_lib.pycall import from_basic, to_basic
    from runtime_lib.values import Unassigned

    marker = to_basic(None, "TEXT")
    assert isinstance(marker, Unassigned) and marker.name == "TEXT"
    assert from_basic(marker) is None


def test_text_beyond_latin1_is_refused():
    from runtime_lib.pycall import to_basic

    with pytest.raises(ValueError, match="beyond U\\+00FF"):
        to_basic("price in \u20ac", "TEXT")
    assert to_basic("caf\xe9") == "caf\xe9"
