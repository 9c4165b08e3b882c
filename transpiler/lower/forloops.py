"""The test and the step of a FOR loop kept as a ``while``, inline where
the values are integers.

A FOR loop whose body may assign its variable (``CALL S(I)`` passes I by
reference) or change its limit runs as a ``while`` over ``rt.for_test``,
with NEXT as ``rt.add``. With a constant integer STEP both have a plain
Python form for integers, which these functions put behind a type test
and keep the runtime's call for every other value (floats, strings,
unassigned variables)::

    while _n1 <= N if type(_n1) is type(N) is int else rt.for_test(_n1, N, 1):
    _n1 = I + 1 if type(I) is int and -2147483648 <= I <= 2147483646 else rt.add(I, 1)

``rt.for_test`` compares integers the same way, and ``rt.add`` gives
``I + 1`` exactly when the sum stays inside 32 bits (op_arith.c's
overflow rule), which the interval test makes sure of.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from transpiler import ast as A
from transpiler.lower import pybuild as P
from transpiler.passes import types as T


def constant_step(step: Optional[A.Expr], types: T.Types) -> Optional[int]:
    """The STEP of a FOR loop when it is surely one non-zero integer (1 when
    there is none), else None."""
    if step is None:
        return 1
    kind = types.kind(step)
    if kind.is_int and kind.lo == kind.hi != 0:
        return int(kind.lo)
    return None


def for_test(
    counter: cst.BaseExpression,
    limit: cst.BaseExpression,
    limit_kind: T.Kind,
    step: Optional[int],
    plain: cst.BaseExpression,
) -> cst.BaseExpression:
    """``rt.for_test(counter, limit, step)`` (``plain``), with a native
    comparison first when the counter and the limit are ints.

    The limit is read on every pass, as BASIC reads it; only one of the
    two branches evaluates it.
    """
    if step is None or not isinstance(counter, cst.Name):
        return plain
    names = [counter]
    if not limit_kind.is_int:
        if not isinstance(limit, cst.Name):
            return plain
        names.append(limit)
    native = P.compare(counter, "<=" if step > 0 else ">=", limit)
    return P.guarded(P.all_ints(names), native, plain)


def stepped(
    var: cst.BaseExpression, step: Optional[int], plain: cst.BaseExpression
) -> cst.BaseExpression:
    """NEXT's ``rt.add(var, step)`` (``plain``), as ``var + step`` when the
    variable is an int whose sum with the step stays inside 32 bits."""
    if step is None or not isinstance(var, cst.Name):
        return plain
    if step > 0:
        lo, hi = T.INT32_MIN, T.INT32_MAX - step
    else:
        lo, hi = T.INT32_MIN - step, T.INT32_MAX
    in_range = cst.Comparison(
        left=P.number(lo),
        comparisons=[
            cst.ComparisonTarget(operator=cst.LessThanEqual(), comparator=var),
            cst.ComparisonTarget(operator=cst.LessThanEqual(), comparator=P.number(hi)),
        ],
    )
    test = cst.BooleanOperation(
        left=P.compare(P.call("type", var), "is", P.name("int")),
        operator=cst.And(),
        right=in_range,
    )
    native = P.binary(var, "+" if step > 0 else "-", P.number(abs(step)))
    return cst.IfExp(test=test, body=native, orelse=plain)
