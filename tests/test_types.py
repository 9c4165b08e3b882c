"""Native code never changes results: each program prints the same with the
types pass (Python operators, for/range loops, split dynamic arrays) as
without it (every operation through the runtime).

The programs aim at the rules that decide where Python's operators may be
used: 32-bit overflow into floats (op_arith.c), FLTDIFF comparisons
(op_logic.c), a FOR variable that keeps its last value and a limit read on
every pass (BCOMP st.for), numeric strings, arguments passed by reference,
GOSUB changing variables, and the error a program reports.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import textwrap

import pytest

import transpiler.api as api
from transpiler.lower import forloops as F
from transpiler.passes import types as T
from transpiler.source import SourceFile

PROGRAMS = {
    "overflow": """
        I = 2147483647
        I += 1
        PRINT I
        J = -2147483647
        J -= 5
        PRINT J
        K = 65536 * 65536
        PRINT K
        M = 46341
        M *= M
        PRINT M : " " : M > 2147483647
        N = -2147483648
        PRINT -N
    """,
    "accumulate": """
        TOTAL = 0
        FOR I = 1 TO 70000
          TOTAL += I
        NEXT I
        PRINT TOTAL : " " : I
        COUNT = 0
        X = 2147483000
        LOOP
          X += 100
          COUNT += 1
        UNTIL X > 2147484000 DO
        REPEAT
        PRINT X : " " : COUNT
    """,
    "for_forms": """
        FOR I = 5 TO 1
        NEXT I
        PRINT "none " : I
        FOR I = 1 TO 3.5
        NEXT I
        PRINT "float limit " : I
        FOR I = 1 TO 2.99999999999999
        NEXT I
        PRINT "fltdiff " : I
        FOR I = 10 TO 1 STEP -3
          PRINT I :
        NEXT I
        PRINT
        LIMIT = 3
        FOR I = 1 TO LIMIT
          IF I = 1 THEN LIMIT = 5
          PRINT I :
        NEXT I
        PRINT
        FOR I = 1 TO 6
          IF I = 2 THEN I = 4
          PRINT I :
        NEXT I
        PRINT
        FOR I = 1 TO "4"
          PRINT I :
        NEXT I
        PRINT
        FOR I = 2147483640 TO 2147483647 STEP 3
          PRINT I :
        NEXT I
        PRINT " " : I
        FOR I = 1 TO 10
          IF I = 4 THEN EXIT
          IF I = 2 THEN CONTINUE
          PRINT I :
        NEXT I
        PRINT " " : I
    """,
    "gosub": """
        N = 3
        FOR I = 1 TO N
          GOSUB BUMP
          PRINT I : "/" : N :
        NEXT I
        PRINT
        STOP
        BUMP:
          IF I = 1 THEN N = 4
          RETURN
    """,
    "strings": """
        S = "abc"
        IF S = "abc" THEN PRINT "eq"
        IF "01" = "1" THEN PRINT "numeric strings"
        T = "1"
        IF T = "01" THEN PRINT "again"
        U = ""
        FOR I = 1 TO 5
          U := I : ","
        NEXT I
        PRINT U : " " : LEN(U) : " " : U[2, 3]
        V = STR("10", 4)
        FOR I = 1 TO LEN(V)
          IF V[I, 1] = "1" THEN PRINT I :
        NEXT I
        PRINT
        W = 1.5
        PRINT "x" : W : "y" : 7 : -2
    """,
    "arith": """
        A = 17
        B = 5
        PRINT MOD(A, B) : " " : REM(A, B) : " " : MOD(-A, B) : " " : REM(A, -B)
        PRINT A / B : " " : A * 2.5 : " " : (A - B) * (A + B)
        C = 0.1 + 0.2
        IF C = 0.3 THEN PRINT "fltdiff equal"
        D = 3
        IF D AND (A > B) THEN PRINT "and"
        IF NOT(D) OR (A < B) THEN PRINT "or" ELSE PRINT "neither"
        X = 5
        WHILE.LOOP = 0
        LOOP WHILE X > 0 DO
          X -= 2
          WHILE.LOOP += 1
        REPEAT
        PRINT X : " " : WHILE.LOOP
    """,
    "dynarrays": """
        A = ""
        FOR I = 1 TO 6
          A<-1> = I * 10
        NEXT I
        PRINT CONVERT(@FM, ",", A)
        FOR I = 1 TO 6
          A<I> = A<I> + I
        NEXT I
        PRINT CONVERT(@FM, ",", A)
        FOR I = 2 TO 3
          A<I, 2> = "v" : I
          A<I, -1> = "w"
        NEXT I
        PRINT CONVERT(@FM : @VM, ",;", A)
        B = 42
        FOR I = 1 TO 2
          PRINT B<I> :
        NEXT I
        PRINT " " : B + 1
        C = "x" : @FM : "y"
        FOR I = 1 TO 3
          C<I + 2> = "z" : @FM : "q"
        NEXT I
        PRINT CONVERT(@FM, ",", C)
        TOTAL = 0
        S = "1,22,333"
        FOR I = 1 TO 4
          TOTAL += FIELD(S, ",", I)
        NEXT I
        PRINT TOTAL
    """,
    "locate_lists": """
        L = ""
        FOR I = 1 TO 40
          X = MOD(I * 37, 23)
          LOCATE X IN L<1, 1> BY "AR" SETTING POS ELSE INS X BEFORE L<1, POS>
        NEXT I
        PRINT CONVERT(@VM, ",", L)
        W = "pear" : @FM : "fig"
        FOR I = 1 TO 6
          X = "k" : MOD(I * 5, 4)
          LOCATE X IN W<1> BY "AL" SETTING POS THEN
            DEL W<POS>
          END ELSE
            INS X BEFORE W<POS>
          END
        NEXT I
        PRINT CONVERT(@FM, ",", W)
        D = "9" : @VM : "x" : @VM : "3" : @FM : "5"
        FOR I = 1 TO 8
          LOCATE I IN D<1, 1> BY "DR" SETTING POS ELSE NULL
          IF POS < 4 THEN INS I BEFORE D<1, POS> ELSE DEL D<1, 1>
          PRINT POS : " " : D<1> :
        NEXT I
        PRINT
        PRINT CONVERT(@FM : @VM, ";,", D)
        E = 1
        FOR I = 1 TO 3
          LOCATE I IN E<1> SETTING POS ELSE INS "" BEFORE E<-1>
        NEXT I
        PRINT CONVERT(@FM, ",", E) : " " : E<1, 1, 1>
    """,
    "guarded": """
        K = 2147483640
        FOR I = 1 TO 16
          K += 1
          D = 46340 + MOD(I, 2)
          IF D * D <= K THEN PRINT "<" : ELSE PRINT ">" :
          IF MOD(K, 7) = 3 THEN PRINT "m" :
          IF K - 2147483647 = 0 THEN PRINT "=" :
        NEXT I
        PRINT
        N = 10000000000
        FOR I = 1 TO N
          IF I * I > 50 THEN EXIT
        NEXT I
        PRINT I
        J = -2147483647
        FOR I = 1 TO 3
          J -= 1
          IF J * 65536 < 0 - I THEN PRINT "n" : J :
          IF J + 0 = -2147483648 THEN PRINT "f" :
        NEXT I
        PRINT
        B = 2147483647
        FOR I = 1 TO 3
          B = B * 1
          IF B * B > 2147483647 THEN PRINT "big" : I :
          IF MOD(B, I) = 0 THEN PRINT "mod" : I :
          B += 1
        NEXT I
        PRINT
    """,
    "guarded_text": """
        S = ""
        X = 2147483644
        FOR I = 1 TO 6
          X += 1
          S := X : "," : -X : ";"
        NEXT I
        PRINT S
        PRECISION 2
        Y = 1073741823
        FOR I = 1 TO 3
          Y = Y * 2
          PRINT "y" : Y : " " : Y : I
        NEXT I
    """,
    "by_reference": """
        TOTAL = 0
        FOR I = 1 TO 3
          CALL SWAP.IT(TOTAL, I)
          PRINT TOTAL : "," : I :
        NEXT I
        PRINT
    """,
    "slow_for": """
        TOTAL = 0
        FOR I = 1 TO 5
          CALL SWAP.IT(TOTAL, I)
          PRINT TOTAL : "," : I :
        NEXT I
        PRINT " " : I
        N = "4"
        FOR I = 6 TO 1 STEP -2
          CALL SWAP.IT(N, I)
          PRINT N : "," : I :
        NEXT I
        PRINT " " : I
        FOR I = 2147483645 TO 2147483647
          CALL SWAP.IT(TOTAL, I)
        NEXT I
        PRINT TOTAL : " " : I
        L = 2147483647.5
        FOR I = 2147483646 TO L
          CALL SWAP.IT(TOTAL, I)
        NEXT I
        PRINT I
        FOR I = -2147483647 TO -2147483650 STEP -1
          CALL SWAP.IT(TOTAL, I)
        NEXT I
        PRINT I
        FOR I = "1" TO 3
          CALL SWAP.IT(TOTAL, I)
          I := ""
        NEXT I
        PRINT I
        FOR I = 1 TO 3
          CALL HALF.IT(I)
          PRINT I : ";" :
        NEXT I
        PRINT
    """,
    "one_end_overflow": """
        UP = 2147483640
        DOWN = -2147483640
        FOR I = 1 TO 4
          UP += 3
          DOWN -= 3
          PRINT UP : " " : DOWN : " " : UP + DOWN
        NEXT I
        COUNT = 0
        FOR I = 1 TO 5
          IF I > 2 AND COUNT < 2 THEN COUNT += 1
          IF I < 2 OR COUNT * 2 = 4 THEN PRINT "or" : I
        NEXT I
        PRINT COUNT
    """,
    "short_circuit_errors": """
        FOR I = 1 TO 3
          PRINT I :
          IF I > 5 AND X = 1 THEN PRINT "no"
        NEXT I
    """,
    "unassigned": """
        FOR I = 1 TO 3
          TOTAL += I
        NEXT I
    """,
    "nonnumeric": """
        X = "abc"
        FOR I = 1 TO 3
          Y = I + X
        NEXT I
    """,
    "locate_ins_del_counters": """
        L = "a" : @VM : "c" : @VM : "e"
        FOR I = 1 TO 3
          LOCATE I IN L<1, 1> BY "AR" SETTING P ELSE INS I BEFORE L<1, P>
        NEXT I
        PRINT L : " " : I
        FOR I = 1 TO 9
          LOCATE "e" IN L<1, 1> SETTING I ELSE NULL
          I = I * 2
        NEXT I
        PRINT I
        J = 0
        FOR I = 1 TO 3
          DEL L<1, 1>
          INS I BEFORE L<1, I>
          CONVERT "1" TO "x" IN L
          J += I
        NEXT I
        PRINT L : " " : I : " " : J
    """,
}

SWAP_IT = """
SUBROUTINE SWAP.IT(A, B)
A += B
IF B = 2 THEN B = 3
RETURN
"""

HALF_IT = """
SUBROUTINE HALF.IT(X)
X = X + 0.5
RETURN
"""


def run(
    tmp_path, name: str, source: str, typed: bool, monkeypatch
) -> tuple[bytes, str]:
    """Transpile a program (with or without the types pass), run it in this
    process and return what it printed and the error it reported."""
    from runtime_lib import catalog, files, program

    folder = tmp_path / ("typed" if typed else "plain")
    folder.mkdir(exist_ok=True)
    (folder / "SWAP.IT.bas").write_text(SWAP_IT)
    (folder / "HALF.IT.bas").write_text(HALF_IT)
    path = folder / f"{name.upper()}.bas"
    path.write_text(textwrap.dedent(source).strip() + "\nEND\n")
    with monkeypatch.context() as patch:
        if not typed:
            patch.setattr(
                api, "infer_types", lambda prog: setattr(prog, "types", T.Types())
            )
            # A FOR kept as a while: rt.for_test and rt.add, never inline.
            patch.setattr(F, "for_test", lambda *args: args[-1])
            patch.setattr(F, "stepped", lambda *args: args[-1])
        result = api.transpile_source(SourceFile.read(path))
    assert result.code is not None, [d.format() for d in result.diagnostics]
    module_path = folder / f"{name}_{'typed' if typed else 'plain'}.py"
    module_path.write_text(result.code)
    spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    catalog.catalog.folders = [str(folder)]
    files.set_account(str(tmp_path))
    out, err = io.BytesIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    wrapper = io.TextIOWrapper(out, encoding="latin-1")
    sys.stdout, sys.stderr = wrapper, err
    try:
        program.run(module.__basic__.entry, [])
        wrapper.flush()
    finally:
        sys.stdout, sys.stderr = saved
    printed = out.getvalue()
    wrapper.detach()
    return printed, err.getvalue()


@pytest.mark.parametrize("name", PROGRAMS)
def test_native_code_gives_the_same_results(name, tmp_path, monkeypatch):
    monkeypatch.setenv("PICK2PY_CACHE", str(tmp_path / "cache"))
    typed = run(tmp_path, name, PROGRAMS[name], True, monkeypatch)
    plain = run(tmp_path, name, PROGRAMS[name], False, monkeypatch)
    assert typed == plain
    assert typed[0] or typed[1]


# The native forms the pass allows, as they appear in the generated code.
NATIVE = [
    ("FOR I = 1 TO 10\nT = I\nNEXT I\nPRINT T", "for I in range(1, 11):"),
    ("N = 5\nFOR I = 1 TO N\nPRINT I\nNEXT I", "for I in range(1, N + 1):"),
    ("N = @SENTENCE\nFOR I = 1 TO N\nPRINT I\nNEXT I", "for I in rt.for_range(1, N):"),
    ("T = 0\nFOR I = 1 TO 9\nT += I\nNEXT I", "T += I\n"),
    ("FOR I = 1 TO 9\nIF I < 5 THEN PRINT I\nNEXT I", "if I < 5:"),
    ("S = 'a'\nFOR I = 1 TO 3\nS := I\nNEXT I", "S += str(I)"),
    ("A = ''\nFOR I = 1 TO 3\nA<-1> = I\nNEXT I", "_A_fields.append(I)"),
    (
        "L = ''\nFOR I = 1 TO 3\nLOCATE I IN L<1> BY 'AR' SETTING P ELSE NULL\n"
        "INS I BEFORE L<P>\nNEXT I",
        '_L_fields.locate(I, 1, 0, 0, "AR")',
    ),
    (
        "L = ''\nFOR I = 1 TO 3\nLOCATE I IN L<1> BY 'AR' SETTING P ELSE NULL\n"
        "INS I BEFORE L<1, P>\nNEXT I",
        "for I in range(1, 4):",
    ),
    (
        "L = ''\nFOR I = 1 TO 3\nCONVERT I TO 'x' IN L\nDEL L<I>\nNEXT I",
        "for I in range(1, 4):",
    ),
    (
        "L = 'a'\nFOR I = 1 TO 3\nINS I BEFORE L<1, I>\nNEXT I",
        "_L_fields.insert(1, I, 0, I)",
    ),
    ("L = 'a'\nFOR I = 1 TO 3\nDEL L<1, 1>\nNEXT I", "_L_fields.delete(1, 1, 0)"),
    (
        "N = @SENTENCE\nFOR K = 2 TO N\nIF MOD(K, 3) = 0 THEN PRINT K\nNEXT K",
        "K % 3 == 0 if type(K) is int else rt.eq(rt.mod_(K, 3), 0)",
    ),
    (
        "N = @SENTENCE\nS = ''\nFOR I = 1 TO N\nS := I : ','\nNEXT I",
        'S += str(I) + "," if type(I) is int else rt.cat(I, ",")',
    ),
    (
        "D = 2\nLOOP WHILE D * D <= 100 DO D += 1 REPEAT",
        "D * D <= 100 if type(D) is int else rt.le(rt.mul(D, D), 100)",
    ),
    (
        "D = 2\nLOOP WHILE D < 9 DO D += 1 REPEAT",
        "if type(D) is int and D > 2147483647:",
    ),
    (
        "D = 0\nLOOP WHILE D > -9 DO D -= 1 REPEAT",
        "if type(D) is int and D < -2147483648:",
    ),
    (
        "P = 1\nFOR I = 2 TO 9\nIF I > 3 AND P THEN P = 0\nNEXT I",
        "if I > 3 and P != 0:",
    ),
    (
        "N = @SENTENCE\nT = 0\nFOR I = 1 TO N\nCALL S(T, I)\nNEXT I",
        "while _n1 <= N if type(_n1) is type(N) is int else rt.for_test(_n1, N, 1):",
    ),
    (
        "T = 0\nFOR I = 9 TO 1 STEP -2\nCALL S(T, I)\nNEXT I",
        "if type(I) is int and -2147483646 <= I <= 2147483647\n",
    ),
    (
        "T = 0\nFOR I = 1 TO 9\nCALL S(T, I)\nNEXT I",
        'T, I = rt.call_target("S", 2)(T, I)',
    ),
]


@pytest.mark.parametrize("source, expected", NATIVE)
def test_native_forms(source, expected, tmp_path):
    path = tmp_path / "PROG.bas"
    path.write_text(source + "\nEND\n")
    code = api.transpile_source(SourceFile.read(path)).code
    assert expected in code, code
