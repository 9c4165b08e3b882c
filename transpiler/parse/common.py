"""Helpers shared by the AST builders."""

from __future__ import annotations

from lark import Token

from transpiler import ast as A
from transpiler.diagnostics import Span


def _span(x) -> Span:
    if isinstance(x, Token):
        return Span(x.line or 0, x.column or 0)
    if isinstance(x, A.Node):
        return x.span
    if isinstance(x, list) and x:
        return _span(x[0])
    return A.NO_SPAN


def _nodes(children) -> list:
    return [c for c in children if not isinstance(c, Token)]


def number_value(text: str) -> int | float:
    """Return a numeric literal's value: int if it fits 32 bits, else float."""
    if "." in text:
        return float(text)
    value = int(text)
    if -(2**31) <= value < 2**31:
        return value
    return float(value)


class ArgList(list):
    """Call arguments; ``semis`` holds indices of arguments after a ";"."""

    semis: list[int]
