"""Operands that must be computed before a later function call in the same
expression.

A function call whose arguments come back by reference is lowered to
statements before the one holding it (``lower_FunctionCall``), so Python
reads every operand after the call. ScarletDME's compiled code does not:
BCOMP emits postfix code left to right, a variable operand is pushed as
its address (op_ldlcl) and read when the operator runs, after the call,
but an operation, an intrinsic or a substring is computed where the code
reaches it, before any call further right. ``A : F(A)`` therefore sees
the A that F left, ``(A * 10) : F(A)`` the A before it. A matrix element
is addressed where the code reaches it (op_indx reads its subscripts) and
read when the operator runs: ``M(I) : F(I)`` is the element at the old I.

Concatenation is a chain of binary CATs in BCOMP (``a : b : c`` is
``(a : b) : c``), so everything left of the part before a call is joined,
and read, before the call; PRINT joins each comma-separated item to a tab
before the next item is compiled (``emit.print.list``), so every item left
of a call is read before it.

:func:`early_operands` gives the ids of the nodes the lowering computes into
a temporary ahead of the call (``ExprLowerer.lower``).
"""

from __future__ import annotations

from transpiler import ast as A
from transpiler.passes.types import may_write_param


def early_operands(program) -> set[int]:
    """Return the ids of the expression nodes of a resolved item to compute
    before a later sibling's function call (see the module docstring)."""
    early: set[int] = set()
    if not any(_is_call(n) for n in A.walk(program.item)):
        return early
    # Whether each subtree has a call or reads a variable, found once per
    # node: operands nest, and asking each level afresh walked the deepest
    # ones again at every level above them.
    calls_in: dict[int, bool] = {}
    reads_in: dict[int, bool] = {}

    def has_call(node) -> bool:
        found = calls_in.get(id(node))
        if found is None:
            found = _call_here(program, node) or any(
                has_call(c) for c in A._children(node)
            )
            calls_in[id(node)] = found
        return found

    def reads_variables(node) -> bool:
        found = reads_in.get(id(node))
        if found is None:
            found = isinstance(node, (A.Var, A.Element)) or any(
                reads_variables(c) for c in A._children(node)
            )
            reads_in[id(node)] = found
        return found

    def _mark(operands: list, joined_before) -> None:
        """Mark the operands read before a later operand's call.
        ``joined_before``: operands at or past this index are read before
        the next one is computed (joined to what precedes them), bare
        variables included."""
        calls = [has_call(o) for o in operands]
        for i, operand in enumerate(operands):
            later = [j for j in range(i + 1, len(operands)) if calls[j]]
            if not later or not reads_variables(operand):
                continue
            joined = joined_before is not None and later[-1] > max(i, joined_before)
            if joined or not _is_reference(operand):
                early.add(id(operand))
            elif isinstance(_unwrap(operand), A.Element):
                # op_indx reads the subscripts as the element is addressed.
                for index in _unwrap(operand).indices:
                    if reads_variables(index):
                        early.add(id(index))

    for node in A.walk(program.item):
        if isinstance(node, A.Print):
            items = [i.value for i in node.items if i.value is not None]
            _mark(items, joined_before=0)
        elif isinstance(node, A.CallStmt):
            _mark(node.args, joined_before=None)
        elif isinstance(node, A.Concat):
            _mark(node.parts, joined_before=1)
        elif isinstance(node, A.Expr):
            operands = [c for c in A._children(node) if isinstance(c, A.Expr)]
            _mark(operands, joined_before=None)
    return early


def _unwrap(node):
    while isinstance(node, (A.Paren, A.UnaryPlus)):
        node = node.value if isinstance(node, A.Paren) else node.operand
    return node


def _is_reference(node) -> bool:
    """Is the operand pushed as an address, read only when its operator
    runs? A function's result is already held apart from the call."""
    return isinstance(_unwrap(node), (A.Var, A.Element, A.AtVar, A.FunctionCall))


def _is_call(node) -> bool:
    return isinstance(node, (A.FunctionCall, A.Property))


def _call_here(program, n) -> bool:
    """Is the node a call the lowering puts before the statement, one
    passing a variable it may assign (``lower_FunctionCall``)?"""
    if isinstance(n, A.FunctionCall):
        for i, arg in enumerate(n.args):
            if isinstance(_unwrap(arg), (A.Var, A.Element)) and may_write_param(
                program, n, i
            ):
                return True
    if isinstance(n, A.Property) and n.args:
        return True
    return False
