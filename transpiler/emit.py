"""Emitting a module: libcst tree -> source text, black, and a self-check.

The generated module is formatted by black and must compile; if it does not
that is a bug in pick2py, reported as an internal error naming the item,
never as a problem in the user's BASIC.
"""

from __future__ import annotations

import black

from transpiler.diagnostics import InternalError
from transpiler.lower.module import build_module
from transpiler.passes.resolve import Program

BLACK_MODE = black.Mode(line_length=88)


def module_code(program: Program, diagnostics, source_name: str, sha: str) -> str:
    """Lower a resolved item to formatted, compiled-and-checked Python source."""
    name = program.main.name
    code = build_module(program, diagnostics, source_name, sha).code
    try:
        code = black.format_str(code, mode=BLACK_MODE)
    except Exception as exc:  # black could not read our output: our bug
        raise InternalError(f"generated code for {name} is not valid Python ({exc})",
                            source_name) from exc
    try:
        compile(code, source_name + ".py", "exec")
    except SyntaxError as exc:
        raise InternalError(f"generated code for {name} does not compile ({exc.msg})",
                            source_name) from exc
    return code
