"""Assembling the generated module of one item.

The module is a docstring naming the source and its hash (so ``pick2py
transpile --check`` can tell stale files from edited ones), the runtime
import, the item's ``__basic__`` description, module constants, and the
routine's function::

    from runtime_lib import rt

    __basic__ = rt.ItemInfo(name="PROG", kind="PROGRAM", source="PROG.bas")

    @rt.program(__basic__)
    def main(): ...

A SUBROUTINE or FUNCTION is decorated ``@rt.subroutine(__basic__)`` or
``@rt.function(__basic__)`` instead.
"""

from __future__ import annotations

import libcst as cst

from transpiler.diagnostics import printable
from transpiler.lower import pybuild as P
from transpiler.lower.naming import Namer
from transpiler.lower.routines import RoutineLowerer
from transpiler.lower.scope import Module
from transpiler.passes.resolve import Program


def module_docstring(kind: str, name: str, source: str, sha: str) -> str:
    """The first lines of every generated module."""
    return (
        f"BASIC {kind} {name}, transpiled by pick2py. Do not edit: change the BASIC.\n"
        f"\nSource: {source}\nSource SHA-256: {sha}\n"
    )


def build_module(program: Program, diagnostics, source_name: str, sha: str) -> cst.Module:
    """The libcst module for a resolved item."""
    namer = Namer()
    names = set(program.commons)
    for r in [program.main] + program.main.children:
        names.update(r.variables)
        names.update(p.name for p in r.params)
        names.update(r.matrices)
    if program.main.kind != "PROGRAM":
        names.add(program.main.name)
    namer.declare(names)
    module = Module(program, diagnostics, namer)
    function = RoutineLowerer(module, program.main).build()

    kind = program.main.kind
    name = program.main.name
    info = {"name": P.string(name), "kind": P.string(kind), "source": P.string(source_name)}
    renamed = namer.renamed()
    if renamed:
        info["names"] = cst.Dict(
            elements=[cst.DictElement(key=P.string(py), value=P.string(basic))
                      for py, basic in sorted(renamed.items())]
        )
    docstring = module_docstring(kind, printable(name), printable(source_name), sha)
    body: list = [
        P.expr_stmt(cst.SimpleString(P.docstring_literal(docstring))),
        P.line(cst.ImportFrom(module=cst.Name("runtime_lib"),
                              names=[cst.ImportAlias(name=cst.Name("rt"))])),
        P.assign("__basic__", P.rt_call("ItemInfo", **info)),
        *module.constants,
    ]
    # rt.program / rt.subroutine / rt.function keep the routine for CALL and
    # bind the name to its entry for Python callers (runtime_lib.pycall).
    decorator = cst.Decorator(decorator=P.rt_call(kind.lower(), P.name("__basic__")))
    body.append(function.with_changes(decorators=[decorator]))
    tree = cst.Module(body=body)
    missing = missing_runtime_names(tree)
    if missing:
        from transpiler.diagnostics import InternalError

        raise InternalError(f"generated code calls rt.{', rt.'.join(sorted(missing))}, "
                            "which the runtime does not have", source_name)
    return tree


class _RuntimeNames(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name) and node.value.value == "rt":
            self.names.add(node.attr.value)


def missing_runtime_names(tree: cst.Module) -> set[str]:
    """Names used as ``rt.<name>`` that the runtime facade lacks (our bug)."""
    from runtime_lib import rt

    visitor = _RuntimeNames()
    tree.visit(visitor)
    return {n for n in visitor.names if not hasattr(rt, n)}
