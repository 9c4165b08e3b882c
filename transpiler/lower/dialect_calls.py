"""Lowering calls of the functions a dialect adds (``transpiler/dialects.py``).

UniVerse's socket functions and D3's C functions fill in some of their
arguments::

    STATUS.CODE = readSocket(H, DATA, 1024, 0, 1, SIZE)

becomes a call of the runtime function with the input arguments only, whose
tuple result is unpacked before the statement; the outputs are stored into
the variables the program passed, and the first element is the call's
value::

    _t1 = rt.readsocket(H, 1024, 0, 1)
    DATA = _t1[1]
    SIZE = _t1[2]
    STATUS_CODE = _t1[0]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from transpiler import ast as A
from transpiler.dialects import DialectFunction
from transpiler.lower import pybuild as P

if TYPE_CHECKING:
    from transpiler.lower.expressions import ExprLowerer, Value

_ASSIGNABLE = (A.Var, A.Element, A.Extract, A.Substr)


def lower_dialect_call(
    lowerer: "ExprLowerer", node: A.Intrinsic, fn: DialectFunction
) -> "Value":
    """Lower a call of a dialect function (inputs in, outputs stored)."""
    from transpiler.lower.expressions import Value

    scope = lowerer.scope
    if not lowerer.check_count(node, fn.min_args, fn.max_args):
        return Value(P.none())
    if not scope.runtime_has(fn.runtime):
        scope.unsupported(node, f"the {node.name}() function")
        return Value(P.none())
    outputs = [i for i in fn.outputs if i < len(node.args)]
    for i in outputs:
        if not isinstance(node.args[i], _ASSIGNABLE):
            scope.error(
                node.args[i],
                f"argument {i + 1} of {node.name}() must be a variable: the call sets it",
                "E-ARGS",
            )
            return Value(P.none())
    inputs = [lowerer.value(a) for i, a in enumerate(node.args) if i not in outputs]
    call = P.rt_call(fn.runtime, *inputs)
    if not fn.outputs:
        return Value(call)
    result = scope.temp()
    scope.hoist(P.assign(result, call), f"{node.name}()")
    for position, i in enumerate(outputs, start=1):
        scope.hoist_assign(
            node.args[i], P.subscript(P.name(result), P.number(position))
        )
    return Value(P.subscript(P.name(result), P.number(0)))
