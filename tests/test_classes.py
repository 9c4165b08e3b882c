"""QM CLASS modules end to end (tests/classes).

Each ``NAME.bas`` with a ``NAME.out`` beside it is a program run through
``pick2py run`` in a fresh, empty account; the classes it makes objects of
are the other items of the folder (found in the catalogue beside it). The
outputs are written from ScarletDME's rules (gplsrc/objprog.c, BCOMP's
CLASS code): no recording covers objects. A ``.out`` whose last line is an
error message (``... at line N of NAME``) expects the program to stop with
that run-time error: the output before it must match exactly, the exit
status be non-zero and the error report carry the message and line.

The last tests use a class from Python, as an application would.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from basic_runner import assert_recorded_output, pick2py_command, run_basic

HERE = Path(__file__).resolve().parent / "classes"
CASES = sorted(p for p in HERE.glob("*.bas") if p.with_suffix(".out").exists())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_class_program(case: Path, tmp_path: Path):
    result = run_basic(case, tmp_path)
    assert_recorded_output(result, case.with_suffix(".out").read_bytes())


def test_python_uses_a_generated_class(tmp_path: Path):
    """A transpiled class imported by Python: instances, ->'s rules as
    ``get``/``set``, public variables as attributes, BASIC errors."""
    out = tmp_path / "gen"
    subprocess.run(
        [
            *pick2py_command(),
            "transpile",
            str(HERE / "OBJ.COUNTER.bas"),
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    script = textwrap.dedent("""\
        from runtime_lib.errors import BasicError
        from obj_counter import OBJ_COUNTER

        counter = OBJ_COUNTER(5, 2)
        counter.set("BUMP")
        print(counter.get("COUNT"), counter.COUNT, counter.get("history"))
        counter.set("SLOT", 1, "one")
        print(counter.get("SLOT", 1))
        try:
            counter.set("NAME", "x")
        except BasicError as exc:
            print(exc.text)
        del counter
        """)
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.splitlines() == [
        "create 5 by 2",
        "7 7 7",
        "[one]",
        "Unrecognised property/method name (NAME).",
        "destroy 7",
    ], done.stderr


def diagnostics(text: str) -> list[str]:
    from transpiler.api import transpile_source
    from transpiler.source import SourceFile

    result = transpile_source(SourceFile.from_text("C.bas", text))
    return [f"{d.line}: {d.message}" for d in result.diagnostics]


# BCOMP's rules for class statements (its messages), and what pick2py
# leaves out.
CLASS_DIAGNOSTICS = [
    ("PUBLIC A\n", ["1: Statement is only allowed in a CLASS module"]),
    ("INHERIT X\n", ["1: Statement is only allowed in a CLASS module"]),
    ("GET X\nRETURN 1\nEND\n", ["1: Statement is only allowed in a CLASS module"]),
    (
        "CLASS C\nX = 1\nPUBLIC SUBROUTINE S\nEND\nEND\n",
        [
            "2: GET, SET and PUBLIC routines must appear before any other executable code"
        ],
    ),
    ("CLASS C\nGET X\nRETURN 1\nEND\nPUBLIC A\nEND\n", ["5: Misplaced PUBLIC"]),
    (
        "CLASS C\nGET X\nRETURN\nEND\nEND\n",
        ["3: A GET routine or PUBLIC FUNCTION must return a value"],
    ),
    (
        "CLASS C\nPUBLIC FUNCTION F\nRETURN 1\nEND\nGET F\nRETURN 2\nEND\nEND\n",
        ["5: This method or property name has already been defined"],
    ),
    (
        "CLASS C\nPUBLIC FUNCTION CREATE.OBJECT\nRETURN 1\nEND\nEND\n",
        ["2: CREATE.OBJECT must be a PUBLIC SUBROUTINE"],
    ),
    ("CLASS C MAX.ARGS 0\nEND\n", ["1: MAX.ARGS argument count missing or invalid"]),
    ("CLASS C\nPUBLIC A\nPRIVATE A\nEND\n", ["3: Duplicate symbol 'A'"]),
    (
        "SUBROUTINE S\nCLASS C\nEND\n",
        [
            "2: A PROGRAM, SUBROUTINE, FUNCTION or CLASS statement has already"
            " been processed"
        ],
    ),
    (
        "X = 1\nCLASS C\nEND\n",
        ["2: CLASS must appear before any executable statements"],
    ),
    (
        "CLASS C\nPUBLIC SUBROUTINE S\nEND\nX = 1\nEND\n",
        [
            "4: statements outside the routines of a CLASS module are not"
            " supported yet"
        ],
    ),
]


@pytest.mark.parametrize("text, expected", CLASS_DIAGNOSTICS)
def test_class_diagnostics(text: str, expected: list[str]):
    assert diagnostics(text) == expected


@pytest.mark.parametrize(
    "line, message",
    [
        (
            "X = IF A THEN O->F(B) ELSE 0",
            "a method call with variables as arguments in the branches of an IF"
            " expression is not supported yet",
        ),
        (
            "FOR I = 1 TO O->F(B) ; NEXT I",
            "a method call with variables as arguments in a FOR limit is not"
            " supported yet",
        ),
    ],
)
def test_method_calls_that_cannot_store_arguments_back(line: str, message: str):
    assert diagnostics(line + "\n") == [f"1: {message}"]
