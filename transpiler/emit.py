"""Emitting a module: header, routines, formatting, and a self-check.

The generated module is formatted by black and must compile; if it does not
that is a bug in pick2py, reported as an internal error naming the item,
never as a problem in the user's BASIC.
"""

from __future__ import annotations

import black
import libcst as cst

from transpiler.diagnostics import InternalError
from transpiler.lower import pybuild as P
from transpiler.lower.naming import Namer
from transpiler.lower.routines import RoutineLowerer
from transpiler.lower.scope import Module
from transpiler.passes.resolve import Program

BLACK_MODE = black.Mode(line_length=88)

HEADER = '''"""BASIC {kind} {name}, transpiled by pick2py. Do not edit: change the BASIC.

Source: {source}
Source SHA-256: {sha}
"""
'''


def module_code(program: Program, diagnostics, source_name: str, sha: str) -> str:
    """Lower a resolved item to formatted Python source."""
    namer = Namer()
    routines = [program.main] + program.main.children
    names = set()
    for r in routines:
        names.update(r.variables)
        names.update(p.name for p in r.params)
        names.update(r.matrices)
    names.update(program.commons)
    if program.main.kind != "PROGRAM":
        names.add(program.main.name)
    namer.declare(names)
    module = Module(program, diagnostics, namer)
    function = RoutineLowerer(module, program.main).build()

    kind = program.main.kind
    name = program.main.name
    body: list = [
        P.line(cst.ImportFrom(module=cst.Name("runtime_lib"),
                              names=[cst.ImportAlias(name=cst.Name("rt"))])),
    ]
    info_args = {
        "name": P.string(name),
        "kind": P.string(kind),
        "source": P.string(source_name),
    }
    renamed = namer.renamed()
    if renamed:
        info_args["names"] = cst.Dict(
            elements=[cst.DictElement(key=P.string(py), value=P.string(basic))
                      for py, basic in sorted(renamed.items())]
        )
    body.append(P.assign("__basic__", P.rt_call("ItemInfo", **info_args)))
    body.extend(module.constants)
    if kind == "PROGRAM":
        function = function.with_changes(
            decorators=[cst.Decorator(decorator=P.rt_call("program", P.name("__basic__")))]
        )
    elif kind == "FUNCTION":
        pass
    body.append(function)
    if kind != "PROGRAM":
        body.append(P.assign(P.attr("__basic__", "entry"), P.name(function.name.value)))
    tree = cst.Module(body=body)
    header = HEADER.format(kind=kind, name=name, source=_safe(source_name), sha=sha)
    code = header + "\n" + tree.code
    try:
        code = black.format_str(code, mode=BLACK_MODE)
    except Exception as exc:  # black could not read our output: our bug
        raise InternalError(f"generated code for {name} is not valid Python ({exc})",
                            source_name) from exc
    try:
        compile(code, source_name + ".py", "exec")
    except SyntaxError as exc:
        raise InternalError(f"generated code for {name} does not compile ({exc})",
                            source_name, exc.lineno or 0) from exc
    return code


def _safe(text: str) -> str:
    from transpiler.diagnostics import printable

    return printable(text).replace('"""', "'''")
