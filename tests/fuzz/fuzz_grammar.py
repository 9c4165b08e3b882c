"""Hypothesis strategies for BASIC source: programs from the grammar, and
mutations of real programs.

Programs built here follow ``transpiler/grammar.lark`` loosely: most are
valid ScarletDME BASIC, some are not (a GOTO to a label that is never
defined, EXIT outside a loop), which is the point: whatever comes out, the
transpiler must answer with Python or with positioned diagnostics.

The names and strings are chosen to hit the places where BASIC meets
Python: identifiers spelled like Python keywords, builtins, dunder names
and the generated module's own names, strings holding quotes, backslashes,
triple quotes, NUL and the marks.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Identifiers that are ordinary BASIC variables but mean something in the
# generated Python (keywords, builtins, dunders, the module's own names).
TRICKY_NAMES = [
    "X",
    "Y",
    "I",
    "J",
    "A.B",
    "A_B",
    "$X",
    "X$",
    "P%",
    "NAME.1",
    "NONE",
    "TRUE",
    "FALSE",
    "DEF",
    "CLASS",
    "LAMBDA",
    "IMPORT",
    "PASS",
    "YIELD",
    "AWAIT",
    "ASYNC",
    "GLOBAL",
    "NONLOCAL",
    "DEL.X",
    "TRY",
    "EXCEPT",
    "RAISE",
    "WITH",
    "AS",
    "IS",
    "ASSERT",
    "ELIF",
    "FINALLY",
    "MATCH",
    "TYPE",
    "PRINT.X",
    "LEN.X",
    "OBJECT",
    "STR",
    "INT.X",
    "LIST",
    "DICT",
    "SELF",
    "RT",
    "MAIN",
    "S.MAIN",
    "S_MAIN",
    "T1",
    "$_T1",
    "BASIC",
    "B__BASIC__X",
    "$__NAME",
    "V__IMPORT",
    "UNASSIGNED",
    "$_UNASSIGNED_1",
    "V_X",
    "L_X",
    "rt",
    "main",
    "s_main",
    "t1",
    "self",
    "print",
    "str",
    "none",
    "l_ls",
    "EXEC",
    "EVAL",
    "COMPILE",
    "GETATTR",
    "OPEN.F",
    "INPUT.X",
    "SYS",
    "OS",
    "ID",
    "ITEM",
    "FILE",
    "REC",
    "COMMON.X",
]

# Strings whose content must reach the runtime unchanged.
TRICKY_TEXTS = [
    "",
    " ",
    "abc",
    "'",
    '"',
    "\\",
    "\\\\",
    '"""',
    "'''",
    "\\n",
    "\\x41",
    "\x00",
    "\xff",
    "\xfe",
    "\xfd",
    "\xfc",
    "\xfb",
    "a\xfeb\xfdc",
    "{x}",
    "%s",
    "\\'",
    "'+rt.stop()+'",
    '" + __import__("os").system("x") + "',
    "\u00e9",
    "\t",
    "#",
    "*",
    ";",
    "!",
    "\x7f",
    "\x1b[2J",
]

INTRINSICS_1 = [
    "LEN",
    "ABS",
    "INT",
    "TRIM",
    "UPCASE",
    "DOWNCASE",
    "NOT",
    "NUM",
    "SEQ",
    "CHAR",
    "SPACE",
    "ALPHA",
    "LOWER",
    "RAISE",
    "SQRT",
    "SOUNDEX",
    "TRIMF",
    "TRIMB",
]
INTRINSICS_2 = [
    "MOD",
    "REM",
    "STR",
    "DCOUNT",
    "COUNT",
    "OCONV",
    "ICONV",
    "FMT",
    "PWR",
    "CATS",
    "EQS",
]
INTRINSICS_3 = ["FIELD", "INDEX", "EXTRACT", "DELETE"]

AT_VARIABLES = [
    "@FM",
    "@VM",
    "@SM",
    "@TM",
    "@IM",
    "@AM",
    "@TRUE",
    "@FALSE",
    "@DATE",
    "@TIME",
    "@USER.NO",
    "@LOGNAME",
    "@SENTENCE",
    "@CRTWIDE",
]

RELOPS = [
    "=",
    "#",
    "<>",
    "<",
    ">",
    "<=",
    ">=",
    " EQ ",
    " NE ",
    " LT ",
    " GT ",
    " GE ",
    " LE ",
    " MATCHES ",
]
ARITH = ["+", "-", "*", "/", "**", "^", ":", " CAT "]


def basic_string(text: str) -> str:
    """A BASIC literal for ``text`` (or a concatenation when no quote fits)."""
    for quote in ('"', "'", "\\"):
        if quote not in text and "\n" not in text and "\r" not in text:
            return quote + text + quote
    parts = []
    for ch in text:
        if ch == '"':
            parts.append("'\"'")
        else:
            (
                parts.append('"' + ch + '"')
                if ch not in "\r\n"
                else parts.append("CHAR(10)")
            )
    return ":".join(parts) or '""'


names = st.sampled_from(TRICKY_NAMES)
strings = st.one_of(
    st.sampled_from(TRICKY_TEXTS),
    st.text(st.characters(min_codepoint=0, max_codepoint=255), max_size=12),
).map(basic_string)
numbers = st.one_of(
    st.integers(0, 2**40).map(str),
    st.sampled_from(
        [
            "0",
            "1",
            "1.5",
            ".5",
            "0.0",
            "1E5",
            "0x1F",
            "99999999999999999999",
            "2147483647",
            "2147483648",
            "1.",
            "007",
        ]
    ),
)


def _expressions():
    atom = st.one_of(numbers, strings, names, st.sampled_from(AT_VARIABLES))

    def extend(inner):
        return st.one_of(
            st.tuples(
                inner, st.sampled_from(ARITH + RELOPS + [" AND ", " OR "]), inner
            ).map(lambda t: f"{t[0]}{t[1]}{t[2]}"),
            inner.map(lambda e: f"({e})"),
            inner.map(lambda e: f"-{e}"),
            st.tuples(st.sampled_from(INTRINSICS_1), inner).map(
                lambda t: f"{t[0]}({t[1]})"
            ),
            st.tuples(st.sampled_from(INTRINSICS_2), inner, inner).map(
                lambda t: f"{t[0]}({t[1]}, {t[2]})"
            ),
            st.tuples(st.sampled_from(INTRINSICS_3), inner, inner, inner).map(
                lambda t: f"{t[0]}({t[1]}, {t[2]}, {t[3]})"
            ),
            st.tuples(names, inner).map(lambda t: f"{t[0]}<{t[1]}>"),
            st.tuples(names, inner, inner).map(lambda t: f"{t[0]}<{t[1]},{t[2]}>"),
            st.tuples(names, inner, inner).map(lambda t: f"{t[0]}[{t[1]},{t[2]}]"),
            st.tuples(names, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
            st.tuples(inner, inner, inner).map(
                lambda t: f"IF {t[0]} THEN {t[1]} ELSE {t[2]}"
            ),
            inner.map(lambda e: f"MAT.A({e})"),
            st.tuples(inner, inner).map(lambda t: f"MAT.B({t[0]}, {t[1]})"),
            st.tuples(inner, strings).map(lambda t: f"{t[0]} {t[1]}"),  # format mask
        )

    return st.recursive(atom, extend, max_leaves=8)


expressions = _expressions()

lvalues = st.one_of(
    names,
    st.tuples(names, expressions).map(lambda t: f"{t[0]}<{t[1]}>"),
    st.tuples(names, expressions, expressions).map(lambda t: f"{t[0]}<{t[1]},{t[2]}>"),
    st.tuples(names, expressions, expressions).map(lambda t: f"{t[0]}[{t[1]},{t[2]}]"),
    expressions.map(lambda e: f"MAT.A({e})"),
)


def _simple_statements():
    e = expressions
    return st.one_of(
        st.tuples(lvalues, st.sampled_from(["=", "+=", "-=", ":=", "*=", "/="]), e).map(
            lambda t: f"{t[0]} {t[1]} {t[2]}"
        ),
        st.tuples(
            st.sampled_from(["PRINT", "CRT", "DISPLAY"]),
            st.lists(e, max_size=3),
            st.booleans(),
        ).map(lambda t: f"{t[0]} {', '.join(t[1])}{':' if t[2] else ''}"),
        e.map(lambda x: f"PRINT {x} : {x}"),
        st.sampled_from(
            [
                "NULL",
                "STOP",
                "ABORT",
                "RETURN",
                "GOSUB L.1",
                "GOSUB 100",
                "GOTO L.2",
                "GOTO 100",
                "EXIT",
                "CONTINUE",
                "CLEAR",
                "RANDOMIZE 1",
                "PRECISION 4",
                "MAT MAT.A = 0",
                "MAT MAT.B = MAT MAT.B",
                "* a comment",
                "! another",
                "REM remark",
                "PRINT ;* trailing",
                "DEBUG",
                "STATUS S FROM F.1 THEN NULL ELSE NULL",
                "SELECTV F.1 TO L",
                "SELECTE TO L",
                "OPEN 'X' ELSE NULL",
                "READ X FROM 'ID' ELSE NULL",
                "WRITE X ON 'ID'",
                "GOSUB100",
                "INPUT EDIT",
                "PRINT X(1)",
                "SUBROUTINE S (A)",
                "$FOO",
                "$*C",
                "PRINT MAT.A()",
            ]
        ),
        e.map(lambda x: f"STOP {x}"),
        st.tuples(names, e).map(lambda t: f"CALL SUB.{len(t[0])}({t[0]}, {t[1]})"),
        st.tuples(e, e).map(lambda t: f"CALL @{'XYIJ'[len(t[0]) % 4]}({t[1]})"),
        st.tuples(e, e).map(lambda t: f"OPEN {t[0]} TO F.1 ELSE STOP {t[1]}"),
        st.tuples(names, e).map(
            lambda t: f"READ {t[0]} FROM F.1, {t[1]} THEN PRINT 1 ELSE PRINT 2"
        ),
        st.tuples(e, e).map(lambda t: f"WRITE {t[0]} ON F.1, {t[1]}"),
        st.tuples(e, names).map(
            lambda t: f"LOCATE {t[0]} IN {t[1]}<1> SETTING POS ELSE NULL"
        ),
        st.tuples(names, e).map(lambda t: f"DEL {t[0]}<{t[1]}>"),
        st.tuples(e, names).map(lambda t: f"INS {t[0]} BEFORE {t[1]}<1>"),
        st.tuples(e, e, names).map(lambda t: f"CONVERT {t[0]} TO {t[1]} IN {t[2]}"),
        st.tuples(e, names).map(lambda t: f"EXECUTE {t[0]} CAPTURING {t[1]}"),
        st.tuples(names, e).map(lambda t: f"ON {t[1]} GOSUB L.1, 100"),
        st.tuples(names, e).map(lambda t: f"REMOVE {t[0]} FROM Y SETTING D"),
        e.map(lambda x: f"DATA {x}"),
        e.map(lambda x: f"INPUT {x[:1].isalpha() and 'Z' or 'W'}"),
        e.map(lambda x: f"VOID {x}"),
    )


simple_statements = _simple_statements()


def _blocks(depth: int):
    """Statements with nested blocks up to ``depth`` levels."""
    if depth == 0:
        return st.lists(simple_statements, min_size=1, max_size=4)
    inner = _blocks(depth - 1)
    e = expressions

    def indent(lines):
        return ["   " + line for line in lines]

    compound = st.one_of(
        st.tuples(e, inner).map(lambda t: [f"IF {t[0]} THEN", *indent(t[1]), "END"]),
        st.tuples(e, inner, inner).map(
            lambda t: [
                f"IF {t[0]} THEN",
                *indent(t[1]),
                "END ELSE",
                *indent(t[2]),
                "END",
            ]
        ),
        st.tuples(e, simple_statements, simple_statements).map(
            lambda t: [f"IF {t[0]} THEN {t[1]} ELSE {t[2]}"]
        ),
        st.tuples(e, e, inner).map(
            lambda t: [f"FOR I = {t[0]} TO {t[1]}", *indent(t[2]), "NEXT I"]
        ),
        st.tuples(e, e, e, inner).map(
            lambda t: [f"FOR J = {t[0]} TO {t[1]} STEP {t[2]}", *indent(t[3]), "NEXT"]
        ),
        st.tuples(inner, e, inner).map(
            lambda t: [
                "LOOP",
                *indent(t[0]),
                f"WHILE {t[1]} DO",
                *indent(t[2]),
                "REPEAT",
            ]
        ),
        st.tuples(inner, e).map(
            lambda t: ["LOOP", *indent(t[0]), f"UNTIL {t[1]}", "REPEAT"]
        ),
        st.tuples(st.lists(st.tuples(e, inner), min_size=1, max_size=3)).map(
            lambda t: ["BEGIN CASE"]
            + [
                line
                for c, body in t[0]
                for line in [f"   CASE {c}", *indent(indent(body))]
            ]
            + ["END CASE"]
        ),
        st.tuples(e, inner).map(
            lambda t: [
                f"READU R FROM F.1, {t[0]} LOCKED",
                *indent(t[1]),
                "END THEN",
                "   NULL",
                "END ELSE",
                "   NULL",
                "END",
            ]
        ),
    )
    return st.lists(
        st.one_of(simple_statements.map(lambda s: [s]), compound),
        min_size=1,
        max_size=4,
    ).map(lambda groups: [x for g in groups for x in g])


BLOCKS = _blocks(2)

HEADERS = [
    "",
    "PROGRAM FUZZ",
    "SUBROUTINE FUZZ(A, B)",
    "FUNCTION FUZZ(A)",
    "SUBROUTINE FUZZ(MAT M, X)",
    "$MODE CASE.SENSITIVE",
    "$OPTIONS UV",
]

LABELS = ["L.1:", "   PRINT 'L1'", "   RETURN", "100 PRINT 100", "RETURN", "L.2: NULL"]
LOCALS = ["LOCAL SUBROUTINE LS(A)", "   PRINT A", "END"]
TRAILERS = [[], LABELS, LABELS, LABELS + LOCALS]


@st.composite
def programs(draw) -> str:
    """A whole BASIC item: header, declarations, statements, labels."""
    header = draw(st.sampled_from(HEADERS))
    lines = [header] if header else []
    lines += ["DIM MAT.A(10), MAT.B(3, 4)"]
    if draw(st.booleans()):
        lines += [f"EQUATE {draw(names)} TO {draw(expressions)}"]
    if draw(st.booleans()):
        lines += ["COMMON /C1/ C.A, C.B"]
    lines += draw(BLOCKS)
    lines += draw(st.sampled_from(TRAILERS))
    if draw(st.booleans()):
        lines += ["END"]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n", "\n\n"]))


# ---------------------------------------------------------------- mutations

ODD_BYTES = [
    "\x00",
    "\xff",
    "\xfe",
    "\xfd",
    "\x1a",
    "\r",
    "\t",
    "\x7f",
    "~",
    "\\",
    '"',
    "'",
    "$",
    "@",
    "{",
    "}",
    "&",
    "_",
    "(",
    ")",
    "<",
    ">",
    "[",
    "]",
    ";",
    ":",
    ",",
    "*",
    "!",
    "#",
]


def _split_tokens(line: str) -> list[str]:
    out, word = [], ""
    for ch in line:
        if ch.isalnum() or ch in ".$%_":
            word += ch
        else:
            if word:
                out.append(word)
                word = ""
            out.append(ch)
    if word:
        out.append(word)
    return out


@st.composite
def mutated(draw, seeds: list[str]) -> str:
    """A real program with a few random edits applied."""
    text = draw(st.sampled_from(seeds))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines = [""]
        op = draw(
            st.sampled_from(
                [
                    "delete_token",
                    "delete_token",
                    "swap_lines",
                    "delete_line",
                    "duplicate_line",
                    "truncate",
                    "odd_byte",
                    "crlf",
                    "mark_in_string",
                    "join_lines",
                    "cut_line",
                ]
            )
        )
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete_token":
            tokens = _split_tokens(lines[i])
            if tokens:
                k = draw(st.integers(0, len(tokens) - 1))
                del tokens[k]
                lines[i] = "".join(tokens)
        elif op == "swap_lines":
            k = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[k] = lines[k], lines[i]
        elif op == "delete_line":
            del lines[i]
        elif op == "duplicate_line":
            lines.insert(i, lines[i])
        elif op == "truncate":
            joined = "\n".join(lines)
            lines = joined[: draw(st.integers(0, len(joined)))].split("\n")
        elif op == "odd_byte":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(ODD_BYTES)) + lines[i][at:]
        elif op == "crlf":
            lines = [line + "\r" for line in lines]
        elif op == "mark_in_string":
            line = lines[i]
            quote = next((q for q in "\"'" if q in line), None)
            if quote:
                at = line.index(quote) + 1
                lines[i] = (
                    line[:at]
                    + draw(st.sampled_from("\xff\xfe\xfd\xfc\xfb\x00"))
                    + line[at:]
                )
        elif op == "join_lines" and i + 1 < len(lines):
            lines[i : i + 2] = [
                lines[i] + draw(st.sampled_from([" ", ";", ""])) + lines[i + 1]
            ]
        elif op == "cut_line":
            at = draw(st.integers(0, len(lines[i])))
            lines[i : i + 1] = [lines[i][:at], lines[i][at:]]
    return "\n".join(lines)
