"""Small constructors for libcst nodes, so the lowering reads like the code
it builds. libcst validates nodes as they are made, so a malformed tree fails
here, at build time, not when the generated module runs."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional, Sequence

import libcst as cst

Expr = cst.BaseExpression
Stmt = cst.BaseStatement

# libcst gives every node new whitespace nodes of its own by default, each
# built and validated: more than half the nodes of a generated module. The
# nodes are immutable and the lowering never tells nodes apart by identity,
# so the common ones are shared (as libcst's own default ``Dot()`` is
# shared by every Attribute). Each is what libcst's default would be.
NO_SPACE = cst.SimpleWhitespace("")
SPACE = cst.SimpleWhitespace(" ")
NEWLINE = cst.Newline()
LINE_END = cst.TrailingWhitespace(whitespace=NO_SPACE, newline=NEWLINE)
LPAR = cst.LeftParen(whitespace_after=NO_SPACE)
RPAR = cst.RightParen(whitespace_before=NO_SPACE)
LBRACKET = cst.LeftSquareBracket(whitespace_after=NO_SPACE)
RBRACKET = cst.RightSquareBracket(whitespace_before=NO_SPACE)
MINUS = cst.Minus(whitespace_after=NO_SPACE)
NOT = cst.Not(whitespace_after=SPACE)
KEYWORD_EQUAL = cst.AssignEqual(whitespace_before=NO_SPACE, whitespace_after=NO_SPACE)


def _spaced(kinds: dict) -> dict:
    """One shared operator node per spelling, with a blank on each side."""
    return {
        op: kind(whitespace_before=SPACE, whitespace_after=SPACE)
        for op, kind in kinds.items()
    }


_BINARY_OPERATORS = _spaced(
    {
        "+": cst.Add,
        "-": cst.Subtract,
        "*": cst.Multiply,
        "/": cst.Divide,
        "//": cst.FloorDivide,
        "%": cst.Modulo,
        "&": cst.BitAnd,
        "|": cst.BitOr,
        "**": cst.Power,
    }
)
_COMPARISON_OPERATORS = _spaced(
    {
        "==": cst.Equal,
        "!=": cst.NotEqual,
        "<": cst.LessThan,
        "<=": cst.LessThanEqual,
        ">": cst.GreaterThan,
        ">=": cst.GreaterThanEqual,
        "is": cst.Is,
    }
)
_COMPARISON_OPERATORS["is not"] = cst.IsNot(
    whitespace_before=SPACE, whitespace_between=SPACE, whitespace_after=SPACE
)


# Nodes for names, numbers, runtime functions and comment lines are made once per
# text and shared, as the whitespace nodes above are: the same names and the
# same "# line: text" comments of included files come back thousands of
# times, and each new node would be built and validated again.


@lru_cache(maxsize=16384)
def name(text: str) -> cst.Name:
    return cst.Name(text)


def attr(value: Expr | str, attribute: str) -> cst.Attribute:
    if isinstance(value, str):
        value = name(value)
    return cst.Attribute(value=value, attr=name(attribute))


@lru_cache(maxsize=4096)
def rt(function: str) -> cst.Attribute:
    """``rt.<function>``: a runtime library function."""
    return attr("rt", function)


def call(func: Expr | str, *args: Expr, **kwargs: Expr) -> cst.Call:
    if isinstance(func, str):
        func = name(func)
    arguments = [
        cst.Arg(value=a, whitespace_after_star=NO_SPACE, whitespace_after_arg=NO_SPACE)
        for a in args
    ]
    arguments += [
        cst.Arg(
            value=v,
            keyword=name(k),
            equal=KEYWORD_EQUAL,
        )
        for k, v in kwargs.items()
    ]
    return cst.Call(
        func=func,
        args=arguments,
        whitespace_after_func=NO_SPACE,
        whitespace_before_args=NO_SPACE,
    )


def rt_call(function: str, *args: Expr, **kwargs: Expr) -> cst.Call:
    return call(rt(function), *args, **kwargs)


def string(value: str) -> cst.SimpleString:
    """A Python literal for any BASIC string; escapes keep it inert."""
    return cst.SimpleString(py_string(value))


def py_string(value: str) -> str:
    """A Python literal for a BASIC string. Marks (xF8-xFF) and control
    characters are written as ``\\xNN`` escapes so a reviewer sees them."""
    text = repr(value)
    # repr uses single quotes unless the text has one; black prefers double
    # quotes unless they need more backslashes than the single ones.
    if text.startswith("'") and value.count('"') <= value.count("'"):
        text = '"' + _requote(text[1:-1]) + '"'
    if any(c in _SHOWN_AS_ESCAPES for c in text):
        text = "".join(_SHOWN_AS_ESCAPES.get(c, c) for c in text)
    return text


def _requote(body: str) -> str:
    """A single-quoted literal's body made ready for double quotes."""
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            pair = body[i : i + 2]
            out.append("'" if pair == "\\'" else pair)
            i += 2
            continue
        out.append('\\"' if c == '"' else c)
        i += 1
    return "".join(out)


# Characters repr() leaves as they are but a reader should see as escapes.
_SHOWN_AS_ESCAPES = {chr(c): f"\\x{c:02x}" for c in range(0xF8, 0x100)}
_SHOWN_AS_ESCAPES.update({chr(c): f"\\x{c:02x}" for c in range(0xA0, 0xA1)})


def number(value: int | float) -> Expr:
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        return _integer(value)
    text = repr(float(value))
    if text.lstrip("-") in ("inf", "nan"):  # folding 2**99999 overflows to inf
        return call(name("float"), string(text))
    if text.startswith("-"):
        return cst.UnaryOperation(MINUS, cst.Float(text[1:]))
    return cst.Float(text)


@lru_cache(maxsize=4096)
def _integer(value: int) -> Expr:
    if value < 0:
        return cst.UnaryOperation(MINUS, cst.Integer(str(-value)))
    return cst.Integer(str(value))


def none() -> cst.Name:
    return name("None")


def tuple_(items: Sequence[Expr]) -> Expr:
    if not items:
        return cst.Tuple(elements=[])
    elements = [
        i if isinstance(i, cst.StarredElement) else cst.Element(value=i) for i in items
    ]
    return cst.Tuple(elements=elements)


def slice_from(value: Expr, start: int) -> cst.Subscript:
    """``value[start:]``."""
    return cst.Subscript(
        value=value,
        slice=[cst.SubscriptElement(slice=cst.Slice(lower=number(start), upper=None))],
    )


def subscript(value: Expr, *indices: Expr) -> cst.Subscript:
    if len(indices) == 1:
        index: Expr = indices[0]
    else:
        index = cst.Tuple(
            elements=[cst.Element(value=i) for i in indices], lpar=[], rpar=[]
        )
    return cst.Subscript(
        value=value,
        slice=[cst.SubscriptElement(slice=cst.Index(value=index))],
        lbracket=LBRACKET,
        rbracket=RBRACKET,
        whitespace_after_value=NO_SPACE,
    )


def binary(left: Expr, op: str, right: Expr) -> cst.BinaryOperation:
    return cst.BinaryOperation(
        left=parens(left), operator=_BINARY_OPERATORS[op], right=parens(right)
    )


def compare(left: Expr, op: str, right: Expr) -> cst.Comparison:
    operator = _COMPARISON_OPERATORS[op]
    return cst.Comparison(
        left=_compared(left),
        comparisons=[
            cst.ComparisonTarget(operator=operator, comparator=_compared(right))
        ],
    )


def _compared(value: Expr) -> Expr:
    # Arithmetic and bitwise operators bind tighter than comparisons.
    if isinstance(value, cst.BinaryOperation) and not value.lpar:
        return value
    return parens(value)


def boolean(left: Expr, op: str, right: Expr) -> cst.BooleanOperation:
    """``left and right`` / ``left or right``."""

    def wrap(value: Expr) -> Expr:
        loose = (cst.IfExp, cst.BooleanOperation, cst.NamedExpr, cst.Lambda)
        return parens(value) if isinstance(value, loose) else value

    operator = cst.And() if op == "and" else cst.Or()
    return cst.BooleanOperation(left=wrap(left), operator=operator, right=wrap(right))


def not_(value: Expr) -> cst.UnaryOperation:
    return cst.UnaryOperation(NOT, parens(value))


def if_exp(test: Expr, body: Expr, orelse: Expr) -> cst.IfExp:
    return cst.IfExp(test=parens(test), body=parens(body), orelse=parens(orelse))


def guarded(test: Expr, body: Expr, orelse: Expr) -> cst.IfExp:
    """``body if test else orelse``, parenthesizing only what binds looser
    than a comparison."""

    def wrap(value: Expr) -> Expr:
        if isinstance(value, (cst.Comparison, cst.BinaryOperation)) and not value.lpar:
            return value
        return parens(value)

    return cst.IfExp(test=wrap(test), body=wrap(body), orelse=wrap(orelse))


def all_ints(names: list[Expr]) -> cst.Comparison:
    """``type(A) is type(B) is int``: every name holds a Python int."""
    targets = [call("type", n) for n in names[1:]] + [name("int")]
    return cst.Comparison(
        left=call("type", names[0]),
        comparisons=[
            cst.ComparisonTarget(
                operator=_COMPARISON_OPERATORS["is"],
                comparator=target,
            )
            for target in targets
        ],
    )


def walrus(target: str, value: Expr) -> cst.NamedExpr:
    """``(target := value)``."""
    return cst.NamedExpr(
        target=name(target),
        value=value,
        lpar=[cst.LeftParen()],
        rpar=[cst.RightParen()],
    )


def parens(value: Expr) -> Expr:
    """Wrap compound expressions in parentheses where precedence needs it."""
    if (
        isinstance(
            value,
            (
                cst.BinaryOperation,
                cst.Comparison,
                cst.BooleanOperation,
                cst.IfExp,
                cst.UnaryOperation,
                cst.NamedExpr,
            ),
        )
        and not value.lpar
    ):
        return value.with_changes(lpar=[LPAR], rpar=[RPAR])
    return value


# ---------------------------------------------------------------- statements


def line(
    *small: cst.BaseSmallStatement, comments: Iterable[str] = ()
) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine(
        body=list(small),
        leading_lines=comment_lines(comments),
        trailing_whitespace=LINE_END,
    )


def comment_lines(comments: Iterable[str]) -> list[cst.EmptyLine]:
    return [comment_node(c) for c in comments]


@lru_cache(maxsize=32768)
def comment_node(text: str) -> cst.EmptyLine:
    return cst.EmptyLine(
        whitespace=NO_SPACE, comment=cst.Comment(text), newline=NEWLINE
    )


def with_header_comment(stmt: cst.If, comment: str) -> cst.If:
    """Put a comment at the end of an ``if``/``while`` line."""
    header = cst.TrailingWhitespace(
        whitespace=cst.SimpleWhitespace("  "), comment=cst.Comment(comment)
    )
    return stmt.with_changes(body=stmt.body.with_changes(header=header))


def with_comments(stmt: Stmt, comments: Iterable[str]) -> Stmt:
    comments = list(comments)
    if not comments:
        return stmt
    return stmt.with_changes(
        leading_lines=comment_lines(comments) + list(stmt.leading_lines)
    )


def assign(
    target: Expr | str | Sequence[Expr | str], value: Expr
) -> cst.SimpleStatementLine:
    if isinstance(target, (str, cst.BaseExpression)):
        targets = [target]
    else:
        targets = list(target)
    converted = [name(t) if isinstance(t, str) else t for t in targets]
    if len(converted) == 1:
        goal: Expr = converted[0]
    else:
        goal = cst.Tuple(
            elements=[cst.Element(value=t) for t in converted], lpar=[], rpar=[]
        )
    target = cst.AssignTarget(
        target=goal, whitespace_before_equal=SPACE, whitespace_after_equal=SPACE
    )
    return line(cst.Assign(targets=[target], value=value))


def expr_stmt(value: Expr) -> cst.SimpleStatementLine:
    return line(cst.Expr(value=value))


def return_(value: Optional[Expr] = None) -> cst.SimpleStatementLine:
    return line(cst.Return(value=value))


def pass_() -> cst.SimpleStatementLine:
    return line(cst.Pass())


def break_() -> cst.SimpleStatementLine:
    return line(cst.Break())


def continue_() -> cst.SimpleStatementLine:
    return line(cst.Continue())


def nonlocal_(names: Sequence[str]) -> cst.SimpleStatementLine:
    return line(cst.Nonlocal(names=[cst.NameItem(name=name(n)) for n in names]))


def block(body: Sequence[Stmt]) -> cst.IndentedBlock:
    body = list(body) or [pass_()]
    return cst.IndentedBlock(body=body, header=LINE_END)


def if_(
    test: Expr, body: Sequence[Stmt], orelse: Optional[Sequence[Stmt]] = None
) -> cst.If:
    other = None
    if orelse:
        orelse = list(orelse)
        only = orelse[0]
        if len(orelse) == 1 and isinstance(only, cst.If) and not only.leading_lines:
            other = only
        else:
            other = cst.Else(body=block(orelse))
    return cst.If(
        test=test,
        body=block(body),
        orelse=other,
        whitespace_before_test=SPACE,
        whitespace_after_test=NO_SPACE,
    )


def while_(test: Expr, body: Sequence[Stmt]) -> cst.While:
    return cst.While(test=test, body=block(body))


def for_(target: Expr | str, iterable: Expr, body: Sequence[Stmt]) -> cst.For:
    if isinstance(target, str):
        target = name(target)
    return cst.For(target=target, iter=iterable, body=block(body))


def params(
    names: Sequence[str], star: Optional[str] = None, defaults=None
) -> cst.Parameters:
    defaults = defaults or {}
    plain = [
        cst.Param(
            name=name(n),
            default=defaults.get(n),
            equal=KEYWORD_EQUAL if n in defaults else cst.MaybeSentinel.DEFAULT,
        )
        for n in names
    ]
    star_arg = cst.Param(name=name(star)) if star else cst.MaybeSentinel.DEFAULT
    return cst.Parameters(params=plain, star_arg=star_arg)


def def_(
    func: str,
    parameters: cst.Parameters,
    body: Sequence[Stmt],
    docstring: Optional[str] = None,
    comments: Iterable[str] = (),
) -> cst.FunctionDef:
    body = list(body)
    if docstring:
        body.insert(0, expr_stmt(cst.SimpleString(docstring_literal(docstring))))
    return cst.FunctionDef(
        name=name(func),
        params=parameters,
        body=block(body),
        leading_lines=comment_lines(comments),
        whitespace_after_def=SPACE,
        whitespace_after_name=NO_SPACE,
        whitespace_before_params=NO_SPACE,
        whitespace_before_colon=NO_SPACE,
    )


def docstring_literal(text: str) -> str:
    safe = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    safe = "".join(
        c if c.isprintable() or c == "\n" else f"\\x{ord(c):02x}" for c in safe
    )
    return '"""' + safe + '"""'
