"""Resource bounds: nesting the rest of the pipeline (or Python) cannot take.

The parser is iterative, so any nesting parses; but the passes, the
lowering, libcst, black and Python's own compiler recurse, and Python
refuses more than 20 nested loops in one function and 100 levels of
indentation. Rather than fail with a RecursionError or an internal error,
an item nested deeper than these bounds gets a diagnostic at the statement
or expression that crosses the bound, before anything else looks at it:

- ``MAX_EXPRESSION_DEPTH`` levels of operators, calls, parentheses and
  extractions in one expression (``((((x))))``, ``1+1+1+...``);
- ``MAX_BLOCK_DEPTH`` statements inside statements (IF, CASE, clauses,
  loops);
- ``MAX_LOOP_DEPTH`` loops (FOR, LOOP, BEGIN TRANSACTION) inside loops.

The bounds are far beyond what real code uses (ScarletDME's own BASIC and
its contrib items nest expressions at most 14 levels deep, statements 11
and loops 5) and leave room for the frames a caller's own stack adds. The
walk here is itself iterative.
"""

from __future__ import annotations

from transpiler import ast as A
from transpiler.diagnostics import Diagnostics

MAX_EXPRESSION_DEPTH = 100
MAX_BLOCK_DEPTH = 60
MAX_LOOP_DEPTH = 16

_LOOPS = (A.For, A.Loop, A.TransactionBlock)


def check_nesting(item: A.Item, diagnostics: Diagnostics) -> bool:
    """Report nesting beyond the bounds; return whether the item is within them."""
    within = True
    reported: set[int] = set()  # statements with a too-deep expression
    # (node, its statement, expression depth, block depth, loop depth)
    stack = [(node, node, 0, 0, 0) for node in reversed(item.body)]
    while stack:
        node, statement, expr_depth, block_depth, loop_depth = stack.pop()
        if isinstance(node, A.Expr):
            expr_depth += 1
            if expr_depth > MAX_EXPRESSION_DEPTH:
                if id(statement) in reported:
                    continue
                reported.add(id(statement))
                diagnostics.error(
                    node.span,
                    f"expression nested more than {MAX_EXPRESSION_DEPTH} levels deep:"
                    " split it into several statements",
                    "E-LIMIT",
                )
                within = False
                continue
        elif isinstance(node, A.Stmt):
            statement = node
            expr_depth = 0
            block_depth += 1
            loop_depth += isinstance(node, _LOOPS)
            if block_depth > MAX_BLOCK_DEPTH:
                diagnostics.error(
                    node.span,
                    f"statements nested more than {MAX_BLOCK_DEPTH} levels deep",
                    "E-LIMIT",
                )
                within = False
                continue
            if loop_depth > MAX_LOOP_DEPTH:
                diagnostics.error(
                    node.span,
                    f"loops nested more than {MAX_LOOP_DEPTH} levels deep"
                    " (Python allows 20 nested blocks in a function)",
                    "E-LIMIT",
                )
                within = False
                continue
            if isinstance(node, A.LocalRoutine):
                loop_depth = 0  # a nested Python function starts afresh
        for child in reversed(list(A._children(node))):
            stack.append((child, statement, expr_depth, block_depth, loop_depth))
    return within
