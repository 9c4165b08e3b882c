"""Printing a libcst module, faster than ``Module.code``.

libcst prints a tree by visiting every node and opening two context
managers per expression (one to print its parentheses, one to record its
position for metadata), each a generator: over a large item that is a good
part of the transpiling time. :func:`module_code` prints with a codegen
state whose position recording is a plain no-op object, and libcst's
parenthesizing context manager is replaced by an equivalent class, so the
text is the same (``tests/test_layout.py`` compares the two) at about half
the cost. The replacement behaves as the original for every codegen state,
metadata providers included.
"""

from __future__ import annotations

import libcst as cst
from libcst._nodes import expression as _expression
from libcst._nodes.internal import CodegenState


class _NoPosition:
    """A context manager that does nothing (positions are not wanted)."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc) -> bool:
        return False


_NO_POSITION = _NoPosition()


class _PlainState(CodegenState):
    """Codegen state that records no positions."""

    def record_syntactic_position(self, node, *, start_node=None, end_node=None):
        return _NO_POSITION


class _Parenthesize:
    """libcst's ``_parenthesize`` without a generator: "(" ... ")"."""

    __slots__ = ("node", "state", "position")

    def __init__(self, node, state: CodegenState):
        self.node = node
        self.state = state

    def __enter__(self) -> None:
        for lpar in self.node.lpar:
            lpar._codegen(self.state)
        self.position = self.state.record_syntactic_position(self.node)
        self.position.__enter__()

    def __exit__(self, kind, value, traceback) -> bool:
        self.position.__exit__(kind, value, traceback)
        if kind is None:
            for rpar in self.node.rpar:
                rpar._codegen(self.state)
        return False


LIBCST_PARENTHESIZE = _expression._BaseParenthesizedNode._parenthesize
_expression._BaseParenthesizedNode._parenthesize = (  # type: ignore[assignment]
    lambda self, state: _Parenthesize(self, state)
)


def module_code(module: cst.Module) -> str:
    """The source text of a module, as ``module.code`` gives it."""
    state = _PlainState(
        default_indent=module.default_indent, default_newline=module.default_newline
    )
    module._codegen(state)
    return "".join(state.tokens)
