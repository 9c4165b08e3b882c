"""Parsing: the lexer's tokens -> lark's LALR parser -> AST nodes.

This package is the only user of lark: :mod:`.engine` builds the parser from
``transpiler/grammar.lark`` and recovers from syntax errors; :mod:`.build`
turns grammar rules into :mod:`transpiler.ast` nodes while parsing.
"""

from transpiler.parse.engine import parse

__all__ = ["parse"]
