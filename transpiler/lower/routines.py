"""Assembling routines: one Python function per BASIC routine.

A routine's function starts by giving every variable its unassigned marker,
making its matrices and binding its COMMON blocks; then come its LOCAL
routines and its sections as nested functions, then the main part::

    def main():
        A, B = _UNASSIGNED_1
        def s_SHOW():        # a GOSUB target
            ...
            return None      # RETURN
        rt.gosub(s_SHOW)     # GOSUB SHOW
        ...
"""

from __future__ import annotations

import libcst as cst

from transpiler import ast as A
from transpiler.lower import pybuild as P
from transpiler.lower.naming import local_routine_name, unique
from transpiler.lower.scope import Frame, Module, Scope
from transpiler.lower.statements import StmtLowerer
from transpiler.passes.flow import can_complete
from transpiler.passes.resolve import Routine


def section_names(labels: list[str]) -> dict[str, str]:
    """Python function names for section labels, unique per routine."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for label in labels:
        base = "s_" + "".join(c if c.isalnum() or c == "_" else "_" for c in label)
        candidate = unique(base, taken)
        taken.add(candidate)
        names[label] = candidate
    return names


class RoutineLowerer:
    """Builds the function for one routine (and its nested functions)."""

    def __init__(self, module: Module, routine: Routine, parent: Scope | None = None):
        self.module = module
        self.routine = routine
        self.scope = Scope(module, routine, parent)
        if routine.local or routine.method:
            self.scope.frame.first_line = module.comment_block_start(routine.span.line)
        self.stmts = StmtLowerer(self.scope)

    def function_name(self) -> str:
        r = self.routine
        if id(r) in self.module.methods:
            return self.module.methods[id(r)]
        if r.local:
            return local_routine_name(r.name)
        if r.kind == "PROGRAM":
            return "main"
        return self.module.namer[r.name]

    def build(self) -> cst.FunctionDef:
        routine = self.routine
        scope = self.scope
        flow = routine.flow
        scope.flow = flow
        scope.sections = section_names([s.label for s in flow.sections])
        frame = scope.frame
        params = [p for p in routine.params if p.name != "..."]
        param_names = [self.module.namer[p.name] for p in params]
        frame.owned.update(param_names)
        if self.in_class():
            frame.owned.update(["self", "_v"])
        frame.owned.update(self.module.namer[v] for v in routine.variables)
        frame.owned.update(scope.remove_pointer(v) for v in routine.remove_vars)
        frame.owned.update(self.module.namer[m] for m in routine.matrices)

        prologue = self.prologue(param_names)
        nested = [
            RoutineLowerer(self.module, child, scope).build()
            for child in routine.children
        ]
        sections = [self.section(s) for s in flow.sections]
        main_part = self.main_part(flow)
        body = prologue + nested + sections + main_part
        if frame.nonlocal_:
            body.insert(0, P.nonlocal_(list(frame.nonlocal_)))
        parameters = self.parameters(param_names)
        return P.def_(
            self.function_name(), parameters, body, docstring=self.docstring()
        )

    def docstring(self) -> str:
        r = self.routine
        params = ", ".join(
            ("MAT " if p.matrix else "") + (f"({p.name})" if p.by_value else p.name)
            for p in r.params
        )
        signature = f"{r.name}({params})" if r.params else r.name
        kind = r.kind.title().replace("Local ", "LOCAL ")
        if r.method in ("GET", "SET"):
            kind = r.method
        elif r.method:
            kind = "PUBLIC " + r.method
        return f"BASIC {kind.upper()} {signature}."

    def in_class(self) -> bool:
        """Is this a routine of a CLASS module (a Python method)?"""
        return self.module.program.klass is not None and self.routine.kind != "CLASS"

    def parameters(self, param_names: list[str]) -> cst.Parameters:
        if self.routine.kind == "PROGRAM":
            return P.params([])
        first = []
        if self.in_class():
            first = ["self"]
            if self.routine.local and self.module.program.klass.shared:
                first.append("_v")
        if self.routine.var_args:
            return P.params(first, star="_args")
        return P.params(first + param_names)

    def prologue(self, param_names: list[str]) -> list[cst.BaseStatement]:
        routine = self.routine
        scope = self.scope
        out: list[cst.BaseStatement] = []
        if routine.var_args:
            named = [p.name for p in routine.params if p.name != "..."]
            out.append(P.assign("_argc", P.call("len", P.name("_args"))))
            if self.unnamed_arguments() and self.stmts.sets_arguments():
                # PUBLIC ... (NAME, ...): any number of arguments, up to the
                # class's MAX.ARGS; SET.ARG may assign the unnamed ones.
                most = self.module.program.klass.max_args
                out.append(
                    P.assign(
                        "_args",
                        P.rt_call("argument_list", P.name("_args"), P.number(most)),
                    )
                )
            markers = self.module.unassigned_tuple(named)
            function = "named_args" if self.unnamed_arguments() else "var_args"
            out.append(
                P.assign(
                    param_names or ["_"],
                    P.rt_call(function, P.name("_args"), P.name(markers)),
                )
            )
            scope.frame.owned.update(["_argc", "_args"])
        for param in self.copied_params():
            # "(NAME)": the routine works on a copy and hands the caller
            # back what it passed (BCOMP's OP.DEREF of the argument).
            copy = scope.argument_copy(param.name)
            scope.frame.owned.add(copy)
            out.append(P.assign(copy, P.name(self.module.namer[param.name])))
        if self.makes_frame():
            out.append(P.assign("_v", P.rt_call("Frame", P.name(self.module.frame()))))
        params = {p.name for p in routine.params}
        fresh = [v for v in routine.variables if v not in params]
        if routine.local:
            fresh = [v for v in fresh if v in routine.private]
        if fresh:
            const = P.name(self.module.unassigned_tuple(fresh))
            if len(fresh) == 1:
                const = P.subscript(const, P.number(0))
            out.append(P.assign([self.module.namer[v] for v in fresh], const))
        handed = scope.handed_pointers()
        for name in sorted(routine.remove_vars):
            if self.module.namer[name] in scope.frame.owned or not routine.local:
                start = P.number(0)
                if name in handed:
                    # Where the caller's REMOVE pointer was (ScarletDME
                    # passes the variable's descriptor).
                    py = P.name(self.module.namer[name])
                    start = P.rt_call("pointer_take", py)
                out.append(P.assign(scope.remove_pointer(name), start))
        out += self.matrices()
        out += self.commons()
        return out

    def copied_params(self) -> list:
        """Parameters written ``(NAME)``, which get a copy of the argument
        (a class's methods are given copies by ``rt.method``)."""
        if self.routine.method:
            return []
        return [p for p in self.routine.params if p.by_value and not p.matrix]

    def unnamed_arguments(self) -> bool:
        """A PUBLIC routine whose parameters end with ``...``."""
        return any(p.name == "..." for p in self.routine.params)

    def makes_frame(self) -> bool:
        """Does a method make the Frame of variables it shares with the
        LOCAL routines it calls (it uses one of them, or calls one)?"""
        klass = self.module.program.klass
        if not self.in_class() or self.routine.local or not klass.shared:
            return False
        for node in A.walk(self.routine.body):
            if isinstance(node, A.Var) and node.name in klass.shared:
                return True
            if isinstance(node, A.GosubLocal) or (
                isinstance(node, A.FunctionCall) and node.local
            ):
                return True
        return False

    def matrices(self) -> list[cst.BaseStatement]:
        out = []
        params = {p.name for p in self.routine.params}
        for name, dims in self.routine.matrices.items():
            if name in params or name in self.module.program.commons:
                continue
            pick = self.scope.mode("PICK.MATRIX")
            kwargs = {"pick": P.name("True")} if pick else {}
            if all(isinstance(d, A.Number) for d in dims):
                values = [self.stmts.value(d) for d in dims] or [P.number(1)]
            else:
                # Sized when its DIM runs (redim): the sizes' variables may
                # not be assigned yet. Until then it has no elements, or one
                # (a Pick-style matrix cannot be empty).
                values = [P.number(1 if pick else 0)]
            out.append(
                P.assign(
                    self.module.namer[name],
                    P.rt_call("Matrix", P.string(name), *values, **kwargs),
                )
            )
        return out

    def commons(self) -> list[cst.BaseStatement]:
        if self.routine.local or self.routine.kind == "CLASS":
            return []
        program = self.module.program
        out = []
        for block, names in program.common_blocks.items():
            layout = []
            for name in names:
                slot = program.commons[name]
                if slot.dims is not None:
                    dims = [self.stmts.value(d) for d in slot.dims]
                    layout.append(P.tuple_([P.string(name), *dims]))
                else:
                    layout.append(P.string(name))
            alias = self.scope.common_alias(block)
            self.scope.frame.owned.add(alias)
            kwargs = {}
            if self.scope.mode("UNASSIGNED.COMMON"):
                kwargs["unassigned"] = P.name("True")
            if self.scope.mode("PICK.MATRIX"):
                kwargs["pick"] = P.name("True")
            out.append(
                P.assign(
                    alias,
                    P.rt_call("common", P.string(block), P.tuple_(layout), **kwargs),
                )
            )
        return out

    def section(self, section) -> cst.FunctionDef:
        scope = self.scope
        outer = scope.frame
        scope.frame = Frame("section", parent=outer)
        label_line = section.body[0].span.line if section.body else 0
        if section.label_line:
            label_line = section.label_line
        scope.frame.first_line = self.module.comment_block_start(label_line)
        self.stmts.in_section = True
        body = self.stmts.body(section.body)
        if section.next_label is not None:
            body.append(P.return_(P.name(scope.section(section.next_label))))
        self.stmts.in_section = False
        if scope.frame.nonlocal_:
            body.insert(0, P.nonlocal_(list(scope.frame.nonlocal_)))
        scope.frame = outer
        comments = [f"# {section.label}:"] if not section.label.startswith("_") else []
        return P.def_(
            scope.sections[section.label], P.params([]), body, comments=comments
        )

    def main_part(self, flow) -> list[cst.BaseStatement]:
        body = self.stmts.body(flow.main)
        if flow.main_falls_into is not None:
            section = P.name(self.scope.section(flow.main_falls_into))
            result = P.rt_call("run_sections", section)
            if self.routine.is_function:
                value = P.rt_call("done_value", result)
                body.append(P.return_(self.stmts.function_result(value)))
                return body
            body.append(P.expr_stmt(result))
        if can_complete(flow.main) or flow.main_falls_into is not None:
            tail = self.stmts.routine_return(None)
            if not (self.routine.kind == "PROGRAM" and not self.routine.local):
                body += tail
        return body
