"""Generated code is laid out as black lays it out, without running black.

transpiler/layout.py reproduces black's blank lines and line splitting for
the code the lowering makes. Here black is the judge: it must leave every
generated module unchanged, and split each kind of long line as layout.py
does.
"""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from transpiler import layout
from transpiler.api import transpile_file

ROOT = Path(__file__).resolve().parent.parent
MODE = black.Mode(line_length=88)
PROGRAMS = sorted(
    p
    for pattern in (
        "samples/**/*.bas",
        "tests/conformance*/*.bas",
        "tests/classes/*.bas",
        "benchmarks/suite/*.bas",
    )
    for p in ROOT.glob(pattern)
)


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_black_changes_nothing(path: Path):
    result = transpile_file(path)
    if result.code is None:
        pytest.skip("not transpiled (diagnostics)")
    assert black.format_str(result.code, mode=MODE) == result.code


# Long lines of each shape the lowering makes: black's layout is the answer.
LONG_LINES = [
    # a call's arguments on one line of their own
    "        TOTAL = rt.add(rt.extract(RECORD, FIELD_NUMBER, VALUE_NUMBER), rt.extract(OTHER, 1))",
    # an assignment whose value does not fit even so: one argument per line
    "    X = rt.replace(RECORD_WITH_A_LONG_NAME, FIELD_NUMBER, VALUE_NUMBER, SUBVALUE_NUMBER, rt.extract(OTHER, 1), compatible=True)",
    # a condition with the CASE line as a trailing comment
    '            elif rt.eq(rt.field(FILE_TO_OPEN, " ", 1), "DICT"):  # 144: case field(file.to.open, " ", 1) = "DICT"',
    # a long tuple of targets
    "    ID, NO_QUERY, ERRORS, DISPLAY_FILE_NAME, COMPILED_PATHS, TOKEN_TYPE, TOKEN, KEYWORD, FILE_NAME = _UNASSIGNED_1",
    # a conditional expression as an argument gets parentheses
    '                REC = rt.replace(REC, 1, 0, 0, rt.extract(REC, 1)[0:2] if (rt.upcase(rt.substr(REC, 1, 1)) == "P") else rt.substr(REC, 1, 1))',
    # the overflow guard at depth
    "                        if type(A_LONG_VARIABLE_NAME) is int and not -2147483648 <= A_LONG_VARIABLE_NAME <= 2147483647:",
    # binary operators at the top level
    '    rt.print_(str(len(SOME_STRING)) + " " + str(rt.dcount(SOME_STRING, "\\xfe")) + " " + rt.extract(A, 1, 1) + " " + rt.extract(A, 1, N))',
    # a long def
    "    def s_A_VERY_LONG_LABEL_NAME_THAT_GOES_ON(FIRST_PARAMETER, SECOND_PARAMETER, THIRD_PARAMETER):",
    # a dict of names
    '__basic__ = rt.ItemInfo(name="ACCRST", kind="PROGRAM", source="ACCRST", names={"ACCT_FOUND": "ACCT.FOUND", "AC": "A.C"})',
    # a subscripted target
    "    _common_s_syscom[66][_common_s_syscom[72]] = rt.group_assign(_common_s_syscom[66][_common_s_syscom[72]], DELIMITER, 1, 1, X)",
    # a for loop over a long range
    "        for COUNTER_WITH_LONG_NAME in rt.for_range(START_OF_THE_RANGE, rt.dcount(SOME_DYNAMIC_ARRAY, FM), 2):",
    # a return of a long tuple
    "    return (FIRST_PARAMETER, SECOND_PARAMETER, THIRD_PARAMETER, FOURTH_PARAMETER, FIFTH_PARAMETER)",
]


@pytest.mark.parametrize("line", LONG_LINES)
def test_long_lines_split_as_black_splits_them(line: str):
    assert layout.split_long_line(line) == layout._black_statement(line)


def test_blank_lines_around_functions():
    code = (
        '"""Doc."""\nfrom runtime_lib import rt\n__basic__ = 1\n@rt.program(__basic__)\n'
        "def main():\n    X = 1\n    # LABEL:\n    def s_LABEL():\n        return None\n"
        "    rt.gosub(s_LABEL)\n"
    )
    assert layout.format_module(code) == black.format_str(code, mode=MODE)


@pytest.mark.parametrize("path", PROGRAMS[::3], ids=lambda p: p.stem)
def test_fast_printing_gives_libcsts_text(path: Path, monkeypatch):
    """transpiler/lower/render.py prints exactly what Module.code prints."""
    from transpiler.diagnostics import Diagnostics
    from transpiler.lexer import lex
    from transpiler.lower.module import build_module
    from transpiler.lower.render import module_code
    from transpiler.parse import parse
    from transpiler.passes.flow import analyse
    from transpiler.passes.resolve import resolve
    from transpiler.passes.types import infer
    from transpiler.preprocess import PreprocessOptions, preprocess
    from transpiler.source import SourceFile, SourceMap

    diagnostics = Diagnostics(SourceMap())
    pre = preprocess(SourceFile.read(path), PreprocessOptions([], set()), diagnostics)
    lexed = lex(pre.source_map, diagnostics, "")
    item = parse(path.stem, str(path), lexed, diagnostics)
    if diagnostics.has_errors():
        pytest.skip("does not parse")
    program = resolve(item, diagnostics, lexed.dialect)
    analyse(program, diagnostics)
    infer(program)
    tree = build_module(program, diagnostics, path.name, "0")
    fast = module_code(tree)
    from libcst._nodes import expression
    from transpiler.lower import render

    monkeypatch.setattr(
        expression._BaseParenthesizedNode, "_parenthesize", render.LIBCST_PARENTHESIZE
    )
    assert fast == tree.code
