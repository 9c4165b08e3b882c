"""Lowering BASIC expressions to Python expressions.

Every lowered expression comes back as a :class:`Value`: the libcst node and
the form its code gives the value in. BASIC's rules differ from Python's for
numeric strings, mixed comparisons, 32-bit overflow and dynamic arrays, so
operations go through the runtime (``rt.add``, ``rt.eq``, ...) unless
:mod:`transpiler.passes.types` proved the operands of a kind for which
Python's operator gives the same result: ``I < N`` on whole numbers,
``I + 1`` on integers that cannot leave 32 bits, ``S + str(I)`` for a string
and an integer, ``S == "abc"`` for a string and a non-numeric literal.
Operations on literals are folded at transpile time with the runtime's own
functions, so the result is the one the program would compute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

import libcst as cst

from runtime_lib import arith as _arith
from runtime_lib.values import is_strict_numeric, to_num
from transpiler import ast as A
from transpiler.lower import pybuild as P
from transpiler.lower.dialect_calls import lower_dialect_call
from transpiler.keywords import AT_VARIABLES
from transpiler.lower.intrinsics import INTRINSICS, SPECIAL
from transpiler.passes import types as T

if TYPE_CHECKING:
    from transpiler.lower.scope import Scope

_NO_CONST = object()

# Kinds of values: "int" and "num" are numbers, "str" a string, "cmp" an
# int that is 0 or 1, "bool" a Python bool, "any" unknown.
NUMERIC = ("int", "num", "cmp")

_MARK_CONSTANTS = {
    "FM": "\xfe",
    "AM": "\xfe",
    "VM": "\xfd",
    "SM": "\xfc",
    "SVM": "\xfc",
    "TM": "\xfb",
    "IM": "\xff",
}

_BINARY = {"+": "add", "-": "sub", "*": "mul", "/": "div", "//": "idiv", "^": "pwr"}
_COMPARE = {"EQ": "eq", "NE": "ne", "LT": "lt", "GT": "gt", "LE": "le", "GE": "ge"}
_PY_COMPARE = {"EQ": "==", "NE": "!=", "LT": "<", "GT": ">", "LE": "<=", "GE": ">="}
_EMPTY_TYPES = T.Types()
_CANONICAL_INT = re.compile(r"-?(0|[1-9][0-9]{0,14})\Z")


def _shorter(node: A.Expr, length: int) -> bool:
    """Is the expression a substring X[s, l] of at most ``length`` characters?"""
    if not isinstance(node, A.Substr) or len(node.args) != 2:
        return False
    count = node.args[1]
    return (
        isinstance(count, A.Number)
        and isinstance(count.value, int)
        and count.value <= length
    )


def literal_value(node: A.Number) -> int | float:
    """The number a BASIC numeric literal stands for.

    ScarletDME converts a literal as it converts a numeric string (digit by
    digit), which can differ from Python's nearest double.
    """
    if node.text and node.text.lstrip("-").replace(".", "", 1).isdigit():
        try:
            return to_num(node.text)
        except Exception:
            pass  # too long for a BASIC number string: BCOMP makes a float
    return float(node.value)


def target_text(target: A.Expr) -> str:
    """How a message names a variable or matrix element."""
    if isinstance(target, A.Element):
        return f"an element of {target.name}"
    return getattr(target, "name", "an argument")


def join_strings(codes: list[cst.BaseExpression]) -> cst.BaseExpression:
    """``a + b + c``: Python's ``+`` is left-associative, so no parentheses."""
    code = codes[0]
    for part in codes[1:]:
        code = cst.BinaryOperation(left=code, operator=cst.Add(), right=P.parens(part))
    return code


def _cannot_fail(code: cst.BaseExpression) -> bool:
    """Is a lowered operand made only of names, literals, comparisons and
    + - * (no call, no division), which Python evaluates without an error
    or an effect? The lowering emits those natively only for values the
    types pass proved assigned and of the right kind."""
    if isinstance(code, (cst.Name, cst.Integer, cst.Float, cst.SimpleString)):
        return True
    if isinstance(code, cst.Comparison):
        return _cannot_fail(code.left) and all(
            _cannot_fail(t.comparator) for t in code.comparisons
        )
    if isinstance(code, cst.UnaryOperation):
        return isinstance(code.operator, (cst.Minus, cst.Not)) and _cannot_fail(
            code.expression
        )
    if isinstance(code, cst.BinaryOperation):
        return (
            isinstance(code.operator, (cst.Add, cst.Subtract, cst.Multiply))
            and _cannot_fail(code.left)
            and _cannot_fail(code.right)
        )
    return False


def _calls_runtime(code: cst.CSTNode) -> bool:
    """Does lowered code call the runtime (``rt.<name>``) anywhere?"""
    stack = [code]
    while stack:
        node = stack.pop()
        if (
            isinstance(node, cst.Attribute)
            and isinstance(node.value, cst.Name)
            and node.value.value == "rt"
        ):
            return True
        stack.extend(node.children)
    return False


def is_plain_name(code: cst.BaseExpression) -> bool:
    """Is the code a bare name or number (no parentheses needed anywhere)?"""
    return isinstance(code, (cst.Name, cst.Integer, cst.Float))


@dataclass
class Value:
    code: cst.BaseExpression
    kind: str = "any"
    const: Any = _NO_CONST

    @property
    def is_const(self) -> bool:
        return self.const is not _NO_CONST


def constant(value) -> Value:
    if isinstance(value, str):
        return Value(P.string(value), "str", value)
    kind = "int" if isinstance(value, int) else "num"
    return Value(P.number(value), kind, value)


class ExprLowerer:
    """Lowers the expressions of one routine (see :class:`Scope`)."""

    def __init__(self, scope: "Scope"):
        self.scope = scope
        self.types = getattr(scope.module.program, "types", None) or _EMPTY_TYPES
        # The kinds of a Guard while lowering the comparison behind it.
        self.guessed: Optional[dict] = None
        self.early = getattr(scope.module.program, "early_operands", None) or set()

    def kind(self, node: A.Expr) -> T.Kind:
        """What the types pass proved about an expression's value."""
        if isinstance(node, A.Number):
            return T.constant(literal_value(node))
        if isinstance(node, A.String):
            return T.constant(node.value)
        if isinstance(node, A.Paren):
            return self.kind(node.value)
        if self.guessed is not None:
            return self.guessed.get(id(node), T.ANY)
        return self.types.kind(node)

    # --- entry points ------------------------------------------------------

    def value(self, node: A.Expr) -> cst.BaseExpression:
        """Lower an expression used as a BASIC value."""
        v = self.lower(node)
        if v.kind == "bool":
            return P.call("int", v.code)
        return v.code

    def condition(self, node: A.Expr) -> cst.BaseExpression:
        """Lower an expression used as a test (IF, WHILE, ...)."""
        v = self.lower(node)
        if v.kind in ("cmp", "bool"):
            return v.code
        if v.is_const and isinstance(v.const, int):
            return P.name("True") if v.const else P.name("False")
        if self.kind(node).is_number:
            return v.code  # a number is true when it is not zero, as in Python
        return P.rt_call("truth", v.code)

    def lower(self, node: A.Expr) -> Value:
        method = getattr(self, "lower_" + type(node).__name__, None)
        if method is None:
            self.scope.unsupported(node, f"{type(node).__name__} expressions")
            return Value(P.none())
        value = method(node)
        if id(node) in self.early and self.scope.no_hoist is None:
            return self.compute_early(value)
        return value

    def compute_early(self, value: Value) -> Value:
        """An operand ScarletDME computes before a call further right in
        its expression (``passes.evalorder``), held in a temporary set
        before the call's statements."""
        temp = self.scope.temp()
        self.scope.hoist(P.assign(temp, value.code), "a function call")
        return Value(P.name(temp), value.kind)

    # --- leaves ---------------------------------------------------------------

    def lower_Number(self, node: A.Number) -> Value:
        return constant(literal_value(node))

    def lower_String(self, node: A.String) -> Value:
        return constant(node.value)

    def lower_Var(self, node: A.Var) -> Value:
        return Value(self.scope.read_var(node.name, node))

    def lower_AtVar(self, node: A.AtVar) -> Value:
        name = node.name
        if name in _MARK_CONSTANTS:
            return constant(_MARK_CONSTANTS[name])
        if name == "TRUE":
            return constant(1)
        if name == "FALSE":
            return constant(0)
        if name not in AT_VARIABLES:
            self.scope.error(
                node, f"@{name} is not an @-variable ScarletDME knows", "E-NAME"
            )
        return Value(P.rt_call("at", P.string(name)))

    def lower_Element(self, node: A.Element) -> Value:
        indices = [self.value(i) for i in node.indices]
        return Value(P.subscript(self.scope.matrix(node.name, node), *indices))

    def element_method(
        self, node: A.Element, method: str, *args: cst.BaseExpression
    ) -> cst.Call:
        """A call of a Matrix method on one element: ``M.remove((I, J))``."""
        indices = [self.value(i) for i in node.indices]
        index = indices[0] if len(indices) == 1 else P.tuple_(indices)
        return P.call(P.attr(self.scope.matrix(node.name, node), method), index, *args)

    def lower_MatArg(self, node: A.MatArg) -> Value:
        return Value(self.scope.matrix(node.name, node))

    # --- operators --------------------------------------------------------------

    def lower_BinOp(self, node: A.BinOp) -> Value:
        left, right = self.lower(node.left), self.lower(node.right)
        function = _BINARY[node.op]
        folded = self.fold(function, left, right)
        if folded is not None:
            return folded
        if node.op in "+-*" and self.kind(node).is_int:
            # Integers whose result surely fits 32 bits: Python's operator.
            return Value(P.binary(left.code, node.op, right.code), "int")
        return Value(P.rt_call(function, self.plain(left), self.plain(right)), "num")

    def native_arith(self, node: A.Expr) -> Optional[cst.BaseExpression]:
        """``a + b`` with Python's operator, for a statement that then puts
        a result outside 32 bits into a float itself; None if BASIC's
        operator could differ in more than that (non-numbers, / // ^)."""
        if not isinstance(node, A.BinOp) or node.op not in ("+", "-", "*"):
            return None
        if not (self.kind(node.left).is_number and self.kind(node.right).is_number):
            return None
        left, right = self.lower(node.left), self.lower(node.right)
        if self.fold(_BINARY[node.op], left, right) is not None:
            return None
        return P.binary(self.plain(left), node.op, self.plain(right))

    def fold(self, function: str, *values: Value) -> Value | None:
        """Compute an operation on literals now, exactly as the runtime would."""
        if not all(v.is_const and not isinstance(v.const, str) for v in values):
            return None
        try:
            result = getattr(_arith, function)(*[v.const for v in values])
        except Exception:
            return None  # let it fail at run time, on its BASIC line
        if isinstance(result, (int, float)) and not isinstance(result, bool):
            return constant(result)
        return None

    def plain(self, v: Value) -> cst.BaseExpression:
        return P.call("int", v.code) if v.kind == "bool" else v.code

    def lower_Negate(self, node: A.Negate) -> Value:
        operand = self.lower(node.operand)
        folded = self.fold("neg", operand)
        if folded is not None:
            return folded
        kind = self.kind(node.operand)
        if kind.is_int and kind.lo > T.INT32_MIN:
            return Value(cst.UnaryOperation(cst.Minus(), P.parens(operand.code)), "int")
        return Value(P.rt_call("neg", self.plain(operand)), "num")

    def lower_Paren(self, node: A.Paren) -> Value:
        return self.lower(node.value)

    def lower_UnaryPlus(self, node: A.UnaryPlus) -> Value:
        # Unary plus compiles to nothing in ScarletDME ("+X" is X).
        return self.lower(node.operand)

    def lower_Compare(self, node: A.Compare) -> Value:
        return self.guarded(node, self.compare, "bool")

    def guarded(self, node: A.Expr, lower, kind: str) -> Value:
        """``native if type(I) is type(J) is int else plain``: whole numbers
        are ints while they fit 32 bits, which the native form may need
        (see ``types.Guard``). ``lower`` lowers the node; the native form is
        used when it has the Value kind ``kind`` and calls no runtime."""
        plain = lower(node)
        guard = self.types.guard(node) if self.guessed is None else None
        if guard is None or (plain.kind == kind and not _calls_runtime(plain.code)):
            return plain
        self.guessed = guard.kinds
        try:
            native = lower(node)
        finally:
            self.guessed = None
        if native.kind != kind or _calls_runtime(native.code):
            return plain
        names = [self.scope.read_var(name, node) for name in sorted(guard.names)]
        test = P.all_ints(names)
        return Value(P.guarded(test, native.code, plain.code), kind)

    def compare(self, node: A.Compare) -> Value:
        left_kind, right_kind = self.kind(node.left), self.kind(node.right)
        left = self.compare_operand(node.left, right_kind)
        right = self.compare_operand(node.right, left_kind)
        if node.op == "MATCHES":
            return Value(P.rt_call("matches", left, right), "cmp")
        if self.compares_natively(node):
            return Value(P.compare(left, _PY_COMPARE[node.op], right), "bool")
        return Value(P.rt_call(_COMPARE[node.op], left, right), "cmp")

    def compare_operand(self, node: A.Expr, other: T.Kind) -> cst.BaseExpression:
        """An operand of a comparison; ``+ - *`` of two integers by Python
        when the other side is an integer.

        BASIC makes a result past 32 bits a float, rounded when past 2^53;
        Python's exact integer is on the same side of any 32-bit integer.
        """
        inner = node
        while isinstance(inner, A.Paren):
            inner = inner.value
        if (
            other.is_int
            and isinstance(inner, A.BinOp)
            and inner.op in ("+", "-", "*")
            and self.kind(inner.left).is_int
            and self.kind(inner.right).is_int
        ):
            left, right = self.lower(inner.left), self.lower(inner.right)
            if self.fold(_BINARY[inner.op], left, right) is None:
                return P.binary(self.plain(left), inner.op, self.plain(right))
        return self.value(node)

    def compares_natively(self, node: A.Compare) -> bool:
        """Does Python's comparison give BASIC's answer here?

        Two whole numbers: FLTDIFF only matters for numbers closer than
        3e-11, which two different whole numbers never are. A string and a
        literal that is not a number: equal only when identical (two
        strings compare as numbers only if both look like numbers).
        """
        left, right = self.kind(node.left), self.kind(node.right)
        if left.is_whole and right.is_whole:
            return True
        if node.op in ("EQ", "NE") and left.is_str and right.is_str:
            for kind, other in ((left, node.right), (right, node.left)):
                if isinstance(kind.const, str) and not is_strict_numeric(kind.const):
                    return True
                if _CANONICAL_INT.match(kind.const or "") and _shorter(
                    other, len(kind.const)
                ):
                    # No other number string is as short as "12" or "-3".
                    return True
        return False

    def lower_Logical(self, node: A.Logical) -> Value:
        # BASIC evaluates both operands (no short circuit): "&" and "|" on
        # 0/1 values and Python bools do the same.
        left, left_bool = self.as_bit(node.left)
        right, right_bool = self.as_bit(node.right)
        if left_bool and right_bool and _cannot_fail(right):
            # Skipping a test that can neither fail nor change anything
            # gives the same truth: Python's short circuit, which is faster.
            code = P.boolean(left, "and" if node.op == "AND" else "or", right)
            return Value(code, "bool")
        code = P.binary(left, "&" if node.op == "AND" else "|", right)
        return Value(code, "bool" if left_bool and right_bool else "cmp")

    def as_bit(self, node: A.Expr) -> tuple[cst.BaseExpression, bool]:
        """An operand of AND/OR as 0/1 or a bool, and whether it is a bool."""
        v = self.lower(node)
        if v.kind == "cmp":
            return v.code, False
        if v.kind == "bool":
            return v.code, True
        if v.is_const and isinstance(v.const, int):
            return P.number(1 if v.const else 0), False
        if self.kind(node).is_number:
            return P.compare(v.code, "!=", P.number(0)), True
        return P.rt_call("truth", v.code), True

    def lower_Not(self, node: A.Not) -> Value:
        return Value(P.not_(self.condition(node.operand)), "bool")

    def lower_Concat(self, node: A.Concat) -> Value:
        return self.guarded(node, self.concat, "str")

    def concat(self, node: A.Concat) -> Value:
        parts = [self.lower(p) for p in node.parts]
        native = self.native_concat(node, parts)
        if native is not None:
            return native
        # Strings and integers print the same at any PRECISION, so literals
        # of those kinds join now; a float's text depends on PRECISION.
        if all(p.is_const and type(p.const) in (str, int) for p in parts):
            return constant("".join(str(p.const) for p in parts))
        if all(p.kind == "str" for p in parts):
            code = parts[0].code
            for p in parts[1:]:
                code = P.binary(code, "+", p.code)
            return Value(code, "str")
        return Value(P.rt_call("cat", *[self.plain(p) for p in parts]), "str")

    def native_concat(self, node: A.Concat, parts: list[Value]) -> Optional[Value]:
        """Strings and integers joined with Python's ``+`` (an integer's
        text is its digits at any PRECISION); None if a part is neither."""
        if all(p.is_const for p in parts):
            return None
        codes = []
        for part, value in zip(node.parts, parts):
            kind = self.kind(part)
            if value.kind == "str" or kind.is_str:
                codes.append(value.code)
            elif kind.is_int and value.kind != "bool":
                codes.append(P.call("str", value.code))
            else:
                return None
        return Value(join_strings(codes), "str")

    def lower_Fmt(self, node: A.Fmt) -> Value:
        return Value(P.rt_call("fmt", self.value(node.value), self.value(node.mask)))

    def lower_IfExpr(self, node: A.IfExpr) -> Value:
        cond = self.condition(node.cond)
        saved = self.scope.hoisted, self.scope.no_hoist
        self.scope.hoisted = []
        self.scope.no_hoist = "the branches of an IF expression"
        then, else_ = self.value(node.then), self.value(node.else_)
        if self.scope.hoisted:
            self.scope.unsupported(
                node, f"{self.scope.hoist_reason} in the branches of an IF expression"
            )
        self.scope.hoisted, self.scope.no_hoist = saved
        return Value(P.if_exp(cond, then, else_))

    def lower_Cursor(self, node: A.Cursor) -> Value:
        return Value(P.rt_call("cursor", *[self.value(a) for a in node.args]))

    def lower_Extract(self, node: A.Extract) -> Value:
        held = self.split_array(node.base)
        args = [] if held is not None else [self.value(node.base)]
        args.append(self.value(node.field_no))
        if node.value_no is not None or node.subvalue_no is not None:
            args.append(
                self.value(node.value_no) if node.value_no is not None else P.number(0)
            )
        if node.subvalue_no is not None:
            args.append(self.value(node.subvalue_no))
        if held is not None:
            method = "get" if len(args) == 1 else "extract"
            return Value(P.call(P.attr(held, method), *args), "str")
        return Value(P.rt_call("extract", *args))

    def split_array(self, base: A.Expr) -> Optional[str]:
        """The local holding a variable as rt.Fields in the current loop, if any."""
        if isinstance(base, A.Var):
            return self.scope.split_arrays.get(base.name)
        return None

    def lower_Substr(self, node: A.Substr) -> Value:
        base = self.value(node.base)
        args = [self.value(a) for a in node.args]
        if len(args) == 2 and self.kind(node.base).is_str:
            start, length = (self.kind(a) for a in node.args)
            if (
                start.is_int
                and start.lo >= 1
                and isinstance(length.const, int)
                and length.const >= 0
            ):
                return Value(self.slice(base, args[0], length.const), "str")
        if len(args) == 1:
            return Value(P.rt_call("substr_last", base, *args))
        if len(args) == 2:
            return Value(P.rt_call("substr", base, *args))
        return Value(P.rt_call("group", base, *args))

    def slice(self, base, start, length: int) -> cst.Subscript:
        """``base[start - 1 : start - 1 + length]``: X[s, l] for s >= 1, l >= 0."""
        if isinstance(start, cst.Integer):
            lower: cst.BaseExpression = P.number(int(start.value) - 1)
            upper: cst.BaseExpression = P.number(int(start.value) - 1 + length)
        else:
            lower = P.binary(start, "-", P.number(1))
            upper = start if length == 1 else P.binary(start, "+", P.number(length - 1))
        spaced = not (is_plain_name(lower) and is_plain_name(upper))
        space = cst.SimpleWhitespace(" " if spaced else "")
        colon = cst.Colon(whitespace_before=space, whitespace_after=space)
        return cst.Subscript(
            value=base,
            slice=[
                cst.SubscriptElement(
                    slice=cst.Slice(lower=lower, upper=upper, first_colon=colon)
                )
            ],
        )

    def lower_ForTest(self, node: A.ForTest) -> Value:
        step = self.value(node.step) if node.step is not None else P.number(1)
        return Value(
            P.rt_call("for_test", self.value(node.var), self.value(node.limit), step),
            "bool",
        )

    def lower_FunctionCall(self, node: A.FunctionCall) -> Value:
        """A DEFFUN'd function: arguments by reference, as for CALL.

        The call returns the function's value followed by its parameters
        (``Routine.returns_arguments``); the arguments passed as variables
        get theirs back before the value is used, as ScarletDME's callee
        assigns them through their addresses during the call.
        """
        args = [self.value(a) for a in node.args]
        program = self.scope.module.program
        if node.local:
            call = self.scope.call_local_function(node.name, args)
            routine = T.local_routine(program, node.name)
            if routine is None or not routine.returns_arguments:
                return Value(call)
        else:
            function = P.rt_call(
                "function_target", P.string(node.target), P.number(len(args))
            )
            call = P.call(function, *args)
        targets = []
        for i, arg in enumerate(node.args):
            target = self.by_reference_target(arg)
            if target is not None and T.may_write_param(program, node, i):
                targets.append((i + 1, target))
        if not targets:
            return Value(P.subscript(call, P.number(0)))
        if self.scope.no_hoist is not None:
            return self.copy_back_inline(node, call, targets)
        why = "a function call with variables as arguments"
        for stmt in self.scope.keep_pointers([target for _, target in targets]):
            self.scope.hoist(stmt, why)
        result = self.scope.temp()
        self.scope.hoist(P.assign(result, call), why)
        try:
            for position, target in targets:
                value = P.subscript(P.name(result), P.number(position))
                self.scope.hoist_assign(target, value, why)
            for stmt in self.scope.collect_pointers():
                self.scope.hoist(stmt, why)
        finally:
            self.scope.kept_pointers.clear()
        return Value(P.subscript(P.name(result), P.number(0)))

    def by_reference_target(self, arg: A.Expr) -> Optional[A.Expr]:
        """The variable or matrix element a function argument passes by
        reference (see ``types.by_reference_var``), or None for a copy."""
        while isinstance(arg, (A.Paren, A.UnaryPlus)):
            arg = arg.value if isinstance(arg, A.Paren) else arg.operand
        if isinstance(arg, A.Var) and not self.scope.is_matrix(arg.name):
            return arg
        if isinstance(arg, A.Element):
            return arg
        return None

    def copy_back_inline(self, node: A.FunctionCall, call, targets) -> Value:
        """A function call whose arguments come back inside the expression,
        where no statement can go before it (a FOR limit, an IF expression's
        branch): ``(_t := F(A), (A := _t[1]), _t[0])[-1]``."""
        result = self.scope.temp()
        parts = [P.walrus(result, call)]
        for position, target in targets:
            name = target.name if isinstance(target, A.Var) else None
            if name is None or name in self.scope.commons():
                self.scope.unsupported(
                    node,
                    f"changing {target_text(target)} in {self.scope.no_hoist} "
                    "through a function call",
                )
                return Value(P.none())
            py = self.scope.namer[name]
            self.scope.write_name(py)
            value = P.subscript(P.name(result), P.number(position))
            parts.append(P.walrus(py, value))
            if name in self.scope.routine.remove_vars:
                parts.append(P.walrus(self.scope.touch_pointer(name), P.number(0)))
        parts.append(P.subscript(P.name(result), P.number(0)))
        return Value(P.subscript(P.tuple_(parts), P.number(-1)))

    def lower_DictRef(self, node: A.DictRef) -> Value:
        self.scope.unsupported(node, "{name} dictionary references")
        return Value(P.none())

    def lower_Property(self, node: A.Property) -> Value:
        """``OBJ->NAME`` or ``OBJ->NAME(args)`` read. Arguments that are
        variables are passed by reference: the call goes before the
        statement and stores them back::

            _t1, ERR = rt.get_property_args(OBJ, "READ", "ID", ERR)
        """
        base = self.value(node.base)
        args = node.args or []
        values = [self.value(a) for a in args]
        name = P.string(node.name.upper())
        statements = self.scope.statement_lowerer
        if not any(statements.is_assignable(a) for a in args):
            return Value(P.rt_call("get_property", base, name, *values))
        result = self.scope.temp()
        call = P.rt_call("get_property_args", base, name, *values)
        targets: list = [P.name(result)]
        after: list = []
        for arg in args:
            found = (
                statements.unpacking_target(arg)
                if statements.is_assignable(arg)
                else None
            )
            if found is None and statements.is_assignable(arg):
                targets = []
                break
            targets.append(found[0] if found else P.name("_"))
            after += found[1] if found else []
        why = "a method call with variables as arguments"
        if targets:
            self.scope.hoist(P.assign(targets, call), why)
            for stmt in after:
                self.scope.hoist(stmt, why)
            return Value(P.name(result))
        self.scope.hoist(P.assign(result, call), why)
        for i, arg in enumerate(args, start=1):
            if statements.is_assignable(arg):
                for stmt in statements.assign_to(
                    arg, P.subscript(P.name(result), P.number(i))
                ):
                    self.scope.hoist(stmt, why)
        return Value(P.subscript(P.name(result), P.number(0)))

    def lower_Me(self, node: A.Me) -> Value:
        return Value(P.name("self"))

    # --- intrinsics -------------------------------------------------------------

    def lower_Intrinsic(self, node: A.Intrinsic) -> Value:
        name = node.name
        dialect_fn = self.scope.module.program.dialect.functions.get(name)
        if dialect_fn is not None:
            return lower_dialect_call(self, node, dialect_fn)
        special = getattr(self, "intrinsic_" + name.replace(".", "_"), None)
        if special is not None:
            low, high = SPECIAL.get(name, (0, 99))
            if not self.check_count(node, low, high):
                return Value(P.none())
            return special(node)
        entry = INTRINSICS.get(name)
        if entry is None:
            self.scope.unsupported(node, f"the {name}() function")
            return Value(P.none())
        function, low, high = entry
        if not self.check_count(node, low, high):
            return Value(P.none())
        if not self.scope.runtime_has(function):
            self.scope.unsupported(node, f"the {name}() function")
            return Value(P.none())
        args = [self.value(a) for a in node.args]
        native = self.native_intrinsic(node, args)
        if native is not None:
            return native
        kind = "any"
        if function in ("not_", "num", "alpha"):
            kind = "cmp"
        return Value(P.rt_call(function, *args), kind)

    def native_intrinsic(self, node: A.Intrinsic, args: list) -> Optional[Value]:
        """LEN of a string, MOD and REM of non-negative integers by Python."""
        kinds = [self.kind(a) for a in node.args]
        if node.name == "LEN" and kinds[0].is_str:
            return Value(P.call("len", args[0]), "int")
        if node.name in ("MOD", "REM") and all(k.is_int for k in kinds):
            if kinds[0].lo >= 0 and kinds[1].lo >= 1:
                return Value(P.binary(args[0], "%", args[1]), "int")
        return None

    def check_count(self, node: A.Intrinsic, low: int, high: int) -> bool:
        n = len(node.args)
        if low <= n <= high:
            return True
        if low == high:
            wanted = f"{low} argument{'s' if low != 1 else ''}"
        else:
            wanted = f"{low} to {high} arguments"
        self.scope.error(node, f"{node.name}() takes {wanted}, not {n}", "E-ARGS")
        return False

    def intrinsic_ASSIGNED(self, node):
        return Value(P.rt_call("assigned", self.value(node.args[0])), "cmp")

    def intrinsic_UNASSIGNED(self, node):
        return Value(P.rt_call("unassigned_", self.value(node.args[0])), "cmp")

    def intrinsic_STATUS(self, node):
        return Value(P.rt_call("status"), "int")

    def intrinsic_TIME(self, node):
        """TIME(): whole seconds, or milliseconds too under $MODE TIME.MS."""
        if self.scope.mode("TIME.MS"):
            return Value(P.rt_call("time_ms"))
        return Value(P.rt_call("time"))

    def intrinsic_SENTENCE(self, node):
        return Value(P.rt_call("sentence"))

    def intrinsic_ARG_COUNT(self, node):
        return Value(self.scope.arg_count(node), "int")

    def intrinsic_ARG(self, node):
        return Value(
            P.rt_call("arg", self.scope.arg_values(), self.value(node.args[0]))
        )

    def intrinsic_INMAT(self, node):
        if node.args:
            return Value(P.rt_call("inmat", self.value(node.args[0])))
        return Value(P.rt_call("inmat"))

    def intrinsic_GETREM(self, node):
        target = node.args[0]
        if isinstance(target, A.Element):
            return Value(self.element_method(target, "getrem"), "int")
        if not isinstance(target, A.Var):
            self.scope.error(node, "GETREM() needs a variable", "E-ARGS")
            return Value(P.none())
        return Value(P.name(self.scope.remove_pointer(target.name)), "int")

    def intrinsic_REMOVE(self, node):
        source, delim = node.args
        item = self.scope.temp()
        if isinstance(source, A.Element):
            call = self.element_method(source, "remove")
            self.scope.hoist(P.assign([item, P.name("_delim")], call))
        elif isinstance(source, A.Var):
            pointer = self.scope.touch_pointer(source.name)
            self.scope.hoist(
                P.assign(
                    [item, P.name("_delim"), pointer],
                    P.rt_call("remove", self.value(source), P.name(pointer)),
                )
            )
        else:
            self.scope.error(node, "REMOVE() needs a variable to remove from", "E-ARGS")
            return Value(P.none())
        self.scope.hoist_assign(delim, P.name("_delim"))
        return Value(P.name(item), "str")

    def positions(self, node, with_new: bool):
        """EXTRACT/REPLACE/INSERT/DELETE arguments with omitted positions as 0."""
        args = list(node.args)
        semis = getattr(node, "semis", [])
        new = None
        if with_new:
            new = args.pop()
        source, *where = args
        if with_new and semis and len(where) < 3:
            pass  # "REPLACE(d, f; new)": the ";" only separates
        where = [self.value(w) for w in where] + [P.number(0)] * (3 - len(where))
        out = [self.value(source), *where]
        if with_new:
            out.append(self.value(new))
        return out

    def intrinsic_EXTRACT(self, node):
        return Value(P.rt_call("extract", *self.positions(node, False)))

    def intrinsic_DELETE(self, node):
        return Value(P.rt_call("delete", *self.positions(node, False)))

    def intrinsic_REPLACE(self, node):
        return Value(
            P.rt_call("replace", *self.positions(node, True), **self.append_mode())
        )

    def intrinsic_INSERT(self, node):
        return Value(
            P.rt_call("insert", *self.positions(node, True), **self.append_mode())
        )

    def append_mode(self) -> dict:
        """$MODE COMPATIBLE.APPEND: "<-1>" adds no mark after a trailing one."""
        if self.scope.mode("COMPATIBLE.APPEND"):
            return {"compatible": P.name("True")}
        return {}

    def intrinsic_LOCATE(self, node):
        args = list(node.args)
        semis = getattr(node, "semis", [])
        order = None
        if semis:
            order = args[semis[0]] if semis[0] < len(args) else None
            args = args[: semis[0]]
        elif len(args) == 6:
            order = args.pop()
        item, source, *where = args
        values = [self.value(item), self.value(source)]
        values += [self.value(w) for w in where] + [P.number(0)] * (3 - len(where))
        if order is not None:
            values.append(self.value(order))
        return Value(P.rt_call("locate_fn", *values), "int")

    def intrinsic_SUBR(self, node):
        return Value(P.rt_call("subr", *[self.value(a) for a in node.args]))


# Runtime functions that always return a str (whatever their arguments), so
# concatenating their results can use Python's "+". Functions that may hand
# back their argument unchanged (FMT, OCONV, CONVERT, ...) are not here.
_STRING_RESULTS = frozenset("""
    space str_ char extract substr substr_last quote dquote squote cat cursor
    """.split())
