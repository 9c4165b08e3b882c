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

import re

import libcst as cst

from transpiler.diagnostics import printable
from transpiler.lower import pybuild as P
from transpiler.lower.classes import build_class
from transpiler.lower.naming import Namer
from transpiler.lower.routines import RoutineLowerer
from transpiler.lower.scope import Module
from transpiler.passes.resolve import Program


def module_docstring(kind: str, name: str, source: str, sha: str, included=()) -> str:
    """The first lines of every generated module.

    An item that includes others gets an ``Include SHA-256: <hash>
    <directive>`` line per include, so ``pick2py transpile --check`` can
    say which include made it stale.
    """
    lines = [
        f"BASIC {kind} {name}, transpiled by pick2py. Do not edit: change the BASIC.",
        "",
        f"Source: {source}",
        f"Source SHA-256: {sha}",
    ]
    for directive, include_sha in dict.fromkeys(included):
        lines.append(f"Include SHA-256: {include_sha} {directive}")
    return "\n".join(lines) + "\n"


def build_module(
    program: Program, diagnostics, source_name: str, sha: str, included=()
) -> cst.Module:
    """The libcst module for a resolved item."""
    namer = Namer()
    names = set(program.commons)
    for r in [program.main] + program.main.children:
        names.update(r.variables)
        names.update(p.name for p in r.params if p.name != "...")
        names.update(r.matrices)
    if program.main.kind != "PROGRAM":
        names.add(program.main.name)
    if program.klass is not None:
        names |= set(program.klass.variables) | set(program.klass.shared)
        names.add(program.main.name)
    namer.declare(names)
    module = Module(program, diagnostics, namer)
    if program.klass is not None:
        definition = build_class(module)
    else:
        function = RoutineLowerer(module, program.main).build()

    kind = program.main.kind
    name = program.main.name
    info = {
        "name": P.string(name),
        "kind": P.string(kind),
        "source": P.string(source_name),
    }
    renamed = namer.renamed()
    if renamed:
        info["names"] = cst.Dict(
            elements=[
                cst.DictElement(key=P.string(py), value=P.string(basic))
                for py, basic in sorted(renamed.items())
            ]
        )
    docstring = module_docstring(
        kind,
        printable(name),
        printable(source_name),
        sha,
        [(printable(d), h) for d, h in included],
    )
    body: list = [
        P.expr_stmt(cst.SimpleString(P.docstring_literal(docstring))),
        P.line(
            cst.ImportFrom(
                module=cst.Name("runtime_lib"),
                names=[cst.ImportAlias(name=cst.Name("rt"))],
            )
        ),
        P.assign("__basic__", P.rt_call("ItemInfo", **info)),
        *module.constants,
    ]
    if program.klass is not None:
        body.append(definition)
        return cst.Module(body=body)
    # rt.program / rt.subroutine / rt.function keep the routine for CALL and
    # bind the name to its entry for Python callers (runtime_lib.pycall).
    decorator = cst.Decorator(decorator=P.rt_call(kind.lower(), P.name("__basic__")))
    body.append(function.with_changes(decorators=[decorator]))
    return cst.Module(body=body)


_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_RUNTIME_NAME = re.compile(r"\brt\.([A-Za-z_][A-Za-z0-9_]*)")


def missing_runtime_names(code: str) -> set[str]:
    """Names used as ``rt.<name>`` that the runtime facade lacks (our bug).

    Read from the code text after the module docstring, strings and
    comments left out: generated strings are one-line literals, so a
    regular expression finds them.
    """
    from runtime_lib import rt

    code = code[code.find("\nfrom runtime_lib") :]  # after the module docstring
    names = set(_RUNTIME_NAME.findall(_STRING_OR_COMMENT.sub("", code)))
    return {n for n in names if not hasattr(rt, n)}
