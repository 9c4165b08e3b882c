"""The generated module does what the BASIC says, whatever the BASIC says.

BASIC text reaches the generated Python in three ways: string literals,
identifiers (variables, labels, routine and item names) and the
``# <line>: <source>`` comments. None of them may change what the module
does: a string keeps its exact characters (quotes, backslashes, triple
quotes, NUL, the marks), an identifier spelled like a Python keyword,
builtin, dunder or one of the module's own names (``rt``, ``main``,
``s_LABEL``, ``__basic__``, ...) is just a BASIC variable, and a comment
stays a comment.

Each case transpiles a program and runs it; the program prints what it
saw in hexadecimal (``OCONV(x, "MX0C")``) so the comparison is byte-exact.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from basic_runner import run_basic
from transpiler.api import Options, transpile_source
from transpiler.cli import module_names
from transpiler.source import SourceFile

# (text, why it is dangerous)
STRINGS = [
    ('"', "closes a Python double-quoted literal"),
    ("'", "closes a Python single-quoted literal"),
    ('"""', "closes a Python docstring"),
    ("'''", "closes a Python triple-single-quoted literal"),
    ("\\", "escapes the closing quote"),
    ("\\'", "backslash quote"),
    ("\\n\\t\\x41\\u0041\\N{DASH}", "Python escapes that must stay literal"),
    ("\x00", "NUL ends C strings and cannot appear in Python source"),
    ("\xff\xfe\xfd\xfc\xfb", "the marks IM FM VM SM TM"),
    ("a\xfeb\xfdc\xfcd", "a dynamic array"),
    ("{0}{x}%s%(x)s", "format placeholders"),
    ('" + __import__("os").getcwd() + "', "code that would run if the quote broke"),
    ("'); rt.stop(); ('", "code that would run if the quote broke"),
    ("\x85\x0b\x0c\x1c\x1d\x1e", "characters str.splitlines() treats as line ends"),
    ("\x1b[2J\x7f\x80\x9f", "control characters"),
    ("\xe9\xa0\xf0", "Latin-1 letters stay one byte each"),
    ("# not a comment", "comment start"),
    ("*", "BASIC comment start"),
]


def basic_literal(text: str) -> str:
    """The BASIC literal for ``text``: the first quote it does not contain."""
    for quote in ('"', "'", "\\"):
        if quote not in text:
            return quote + text + quote
    raise AssertionError(f"no BASIC quote fits {text!r}")


def hexed(text: str) -> str:
    return text.encode("latin-1").hex().upper()


def run_program(tmp_path, source: str, name: str = "PROG", **kw) -> str:
    program = tmp_path / f"{name}.bas"
    program.write_bytes(source.encode("latin-1"))
    done = run_basic(program, tmp_path, **kw)
    assert done.returncode == 0, done.stderr.decode("latin-1")
    return done.stdout.decode("latin-1").replace("\r\n", "\n")


def test_string_literals_keep_every_byte(tmp_path):
    lines = []
    for n, (text, _why) in enumerate(STRINGS):
        lines.append(f"X = {basic_literal(text)}")
        lines.append(f"PRINT {n}:'=':LEN(X):'/':OCONV(X, 'MX0C')")
    out = run_program(tmp_path, "\n".join(lines) + "\n")
    expected = "".join(
        f"{n}={len(text)}/{hexed(text)}\n" for n, (text, _why) in enumerate(STRINGS)
    )
    assert out == expected


@pytest.mark.parametrize("text, why", STRINGS, ids=[w for _t, w in STRINGS])
def test_string_literal_is_one_python_constant(text, why):
    """The literal is a single Python constant holding exactly the text."""
    source = f"X = {basic_literal(text)}\nPRINT X\n"
    result = transpile_source(SourceFile.from_text("PROG.bas", source))
    assert result.ok, [d.format() for d in result.diagnostics]
    tree = ast.parse(result.code)
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert text in constants, why


# Variable names that mean something to Python or to the generated module.
NAMES = [
    "NONE",
    "TRUE",
    "FALSE",
    "DEF",
    "CLASS",
    "IMPORT",
    "LAMBDA",
    "PASS",
    "YIELD",
    "AWAIT",
    "ASYNC",
    "GLOBAL",
    "NONLOCAL",
    "RAISE",
    "ASSERT",
    "CASE.X",
    "TYPE",
    "EXEC",
    "EVAL",
    "COMPILE",
    "GETATTR",
    "SETATTR",
    "GLOBALS",
    "LOCALS",
    "OBJECT",
    "STR",
    "INT",
    "LIST",
    "DICT",
    "ID",
    "SELF",
    "SUPER",
    "PRINT.X",
    "OPEN.X",
    "RT",
    "MAIN",
    "S.MAIN",
    "S_MAIN",
    "L_LS",
    "T1",
    "V_X",
    "V.X",
    "_UNASSIGNED",
    "UNASSIGNED",
    "$T1",
    "$_T1",
    "$__BASIC",
    "B__BASIC__X",
    "P%",
    "A.B",
    "A_B",
    "__BASIC__",
    "__NAME__",
    "__IMPORT__",
    "__BUILTINS__",
    "_T1",
]
VALID_NAMES = [n for n in NAMES if not n.startswith("_")]


def test_variables_named_like_python_and_runtime_names(tmp_path):
    # "Z = 0 ;" first: a line starting with "$" is a compiler directive.
    lines = [f"Z = 0 ; {name} = {n}" for n, name in enumerate(VALID_NAMES)]
    lines += [f"PRINT {name}" for name in VALID_NAMES]
    lines += ["PRINT LEN('abc'):INT(2.5)"]  # the intrinsics still work
    out = run_program(tmp_path, "\n".join(lines) + "\n")
    assert out.split() == [str(n) for n in range(len(VALID_NAMES))] + ["32"]


def test_case_sensitive_names_spelled_like_the_module_internals(tmp_path):
    """$MODE CASE.SENSITIVE keeps lower-case names: rt, main, ... stay variables."""
    names = [
        "rt",
        "main",
        "s_main",
        "l_ls",
        "t1",
        "print",
        "self",
        "none",
        "true",
        "str",
        "len",
        "V_rt",
        "S_MAIN",
        "None",
        "True",
        "Ellipsis",
        "object",
    ]
    lines = ["$MODE CASE.SENSITIVE"]
    lines += [f"{name} = {n}" for n, name in enumerate(names)]
    lines += ["PRINT " + " : ',' : ".join(names)]
    lines += ["GOSUB main", "STOP", "main:", "PRINT 'label main'", "RETURN"]
    out = run_program(tmp_path, "\n".join(lines) + "\n")
    assert out == ",".join(str(n) for n in range(len(names))) + "\nlabel main\n"


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("_")])
def test_names_starting_with_underscore_are_not_basic_names(name):
    """BASIC names start with a letter (or $): these are diagnostics, not Python."""
    result = transpile_source(
        SourceFile.from_text("PROG.bas", f"{name} = 1\nPRINT {name}\n")
    )
    assert result.code is None
    assert result.diagnostics and all(d.line >= 1 for d in result.diagnostics)


def test_labels_and_routines_named_like_internals(tmp_path):
    source = (
        "\n".join(
            [
                "GOSUB MAIN",
                "GOSUB RT",
                "GOSUB S.MAIN",
                "GOSUB 1",
                "CALL.ME = 'x'",
                "GOSUB LS(CALL.ME)",
                "PRINT CALL.ME",
                "STOP",
                "MAIN: PRINT 'main'",
                "RETURN",
                "RT: PRINT 'rt'",
                "RETURN",
                "S.MAIN: PRINT 's.main'",
                "RETURN",
                "1 PRINT 'one'",
                "RETURN",
                "LOCAL SUBROUTINE LS(MAIN)",
                "   MAIN = MAIN:'!'",
                "END",
            ]
        )
        + "\n"
    )
    assert run_program(tmp_path, source).split() == [
        "main",
        "rt",
        "s.main",
        "one",
        "x!",
    ]


def test_subroutine_parameters_named_like_internals(tmp_path):
    (tmp_path / "RT.bas").write_text(
        "SUBROUTINE RT(MAIN, RT, __X)\nMAIN = RT * 2\nRETURN\n".replace("__X", "SELF")
    )
    source = "A = 0 ; B = 21 ; C = 0\nCALL RT(A, B, C)\nPRINT A\n"
    assert run_program(tmp_path, source).split() == ["42"]


def test_comment_text_stays_a_comment(tmp_path):
    """Whatever follows * or ;* is never code."""
    source = (
        "X = 1 ;* \x85 X = 2\n"
        '* """ X = 3\n'
        "* \\\n"
        "! \x0c X = 4 \x1c X = 5\n"
        "REM \x00 X = 6\n"
        "PRINT X\n"
    )
    assert run_program(tmp_path, source).split() == ["1"]


@pytest.mark.parametrize(
    "item",
    [
        "OS",
        "SYS",
        "RE",
        "TYPES",
        "RANDOM",
        "__INIT__",
        "__MAIN__",
        "RT",
        "RUNTIME_LIB",
        "TRANSPILER",
        "IMPORTLIB",
        "TYPING",
        "ABC",
        "IF",
        "CLASS",
    ],
)
def test_module_file_names_never_shadow_python_modules(item, tmp_path):
    """``transpile -o`` names files after items; ``OS`` must not become os.py."""
    path = tmp_path / item
    name = module_names([path])[path]
    assert name.isidentifier()
    assert name not in sys.stdlib_module_names
    assert name not in ("__init__", "__main__", "runtime_lib", "transpiler", "rt")


def test_item_names_reach_python_only_as_data(tmp_path):
    """An item's file name lands in docstrings and ItemInfo as escaped data."""
    for item in ['T"""Q\\', "T'''\\\\", "A\x0bB", "__init__"]:
        result = transpile_source(SourceFile.from_text(item, "PRINT 1\n"), Options())
        assert result.ok, item
        tree = ast.parse(result.code)
        assigned = [
            n
            for n in tree.body
            if isinstance(n, ast.Assign)
            and getattr(n.targets[0], "id", "") == "__basic__"
        ]
        assert assigned, item
        values = [k.value.value for k in assigned[0].value.keywords if k.arg == "name"]
        assert values == [item]


def test_generated_code_runs_no_hidden_statements():
    """Hostile strings add no statements: the module is the same shape as for 'x'."""

    def shape(text):
        source = f"X = {basic_literal(text)}\nPRINT X\n"
        code = transpile_source(SourceFile.from_text("PROG.bas", source)).code
        return [type(n).__name__ for n in ast.walk(ast.parse(code))]

    plain = shape("x")
    for text, why in STRINGS:
        assert shape(text) == plain, why


def test_subprocess_import_of_module_named_like_stdlib(tmp_path):
    """A program whose item is called OS still leaves ``import os`` alone."""
    out = tmp_path / "out"
    (tmp_path / "OS").write_text("PRINT 'basic os'\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "transpiler.launcher",
            "transpile",
            str(tmp_path / "OS"),
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    files = [p.name for p in out.glob("*.py")]
    assert files and "os.py" not in files


def test_line_starting_with_dollar_is_a_directive_never_dropped():
    """``$T1 = 1`` is not an assignment (BCOMP reads a directive) and not ignored."""
    result = transpile_source(SourceFile.from_text("PROG.bas", "$T1 = 1\nPRINT 1\n"))
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (1, "unrecognised compiler directive $T1")
    ]
