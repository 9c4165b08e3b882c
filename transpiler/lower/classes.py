"""Lowering a QM CLASS module: one Python class, a method per routine.

::

    @rt.basic_class(
        __basic__,
        variables=(rt.Variable("COUNT", "COUNT", public=True), ...),
    )
    class COUNTER(rt.BasicObject):
        @rt.method("SUBROUTINE", "ADD")
        def ADD(self, N):
            ...
            return (N,)

        @rt.method("GET", "TOTAL")
        def get_TOTAL(self):
            return self.COUNT

        def l_HELPER(self, X):       # a LOCAL routine
            ...

Persistent (PUBLIC and PRIVATE) variables are attributes of the object
(``self.COUNT``). A routine's other variables are its Python locals, as each
call of a method starts them unassigned; the ones its LOCAL routines use
too live in a :class:`runtime_lib.objects.Frame` (``_v.NAME``) that the
method makes and passes on. PUBLIC FUNCTIONs and SUBROUTINEs keep their
names; GET and SET routines are ``get_NAME`` and ``set_NAME``.
:mod:`runtime_lib.objects` describes what the methods return and how
``->`` finds them.
"""

from __future__ import annotations

import libcst as cst

from runtime_lib.objects import DEFAULT_MAX_ARGS
from transpiler.lower import pybuild as P
from transpiler.lower.naming import basic_to_python, local_routine_name, unique
from transpiler.lower.routines import RoutineLowerer
from transpiler.lower.scope import Module, Scope, comment_line
from transpiler.lower.statements import StmtLowerer
from transpiler.passes.resolve import Routine


def method_names(module: Module) -> None:
    """Give every routine of the class its Python method name."""
    program = module.program
    taken = {module.namer[name] for name in program.klass.variables}
    for routine in program.main.children:
        if routine.local:
            base = local_routine_name(routine.name)
        elif routine.method in ("GET", "SET"):
            base = routine.method.lower() + "_" + basic_to_python(routine.name)
        else:
            base = basic_to_python(routine.name)
        name = unique(base, taken)
        taken.add(name)
        module.methods[id(routine)] = name


def build_class(module: Module) -> cst.ClassDef:
    """The Python class of a CLASS module (decorated, with its methods)."""
    program = module.program
    method_names(module)
    body: list = []
    for routine in program.main.children:
        function = RoutineLowerer(module, routine).build()
        if not routine.local:
            function = function.with_changes(
                decorators=[cst.Decorator(decorator=method_decorator(module, routine))]
            )
        body.append(function)
    name = module.namer[program.main.name]
    docstring = f"BASIC CLASS {program.main.name}."
    body.insert(0, P.expr_stmt(cst.SimpleString(P.docstring_literal(docstring))))
    return cst.ClassDef(
        name=P.name(name),
        body=P.block(body),
        bases=[cst.Arg(P.attr("rt", "BasicObject"))],
        decorators=[cst.Decorator(decorator=class_decorator(module))],
        leading_lines=P.comment_lines(leading_comments(module)),
    )


def leading_comments(module: Module) -> list[str]:
    """The item's comments above its first routine (its header, the
    declarations'), which go before the class."""
    routines = module.program.main.children
    if not routines:
        return []
    first = min(module.comment_block_start(r.span.line) for r in routines)
    lines, indices = module.own_line_comments()
    out = []
    for line, index in zip(lines, indices):
        if line >= first:
            break
        module.emitted_comments.add(index)
        out.append(comment_line(module.program.item.comments[index].text))
    return out


def class_decorator(module: Module) -> cst.Call:
    """``rt.basic_class(__basic__, variables=..., inherits=...)``."""
    klass = module.program.klass
    stmts = None
    variables = []
    for name, variable in klass.variables.items():
        kwargs = {}
        if variable.public:
            kwargs["public"] = P.name("True")
        if variable.readonly:
            kwargs["readonly"] = P.name("True")
        if variable.dims is not None:
            if stmts is None:
                stmts = _constants(module)
            dims = [stmts.value(d) for d in variable.dims]
            kwargs["dims"] = P.tuple_(dims)
        variables.append(
            P.rt_call(
                "Variable", P.string(name), P.string(module.namer[name]), **kwargs
            )
        )
    kwargs = {}
    if variables:
        kwargs["variables"] = P.tuple_(variables)
    if klass.inherits:
        kwargs["inherits"] = P.tuple_(
            [P.tuple_([P.string(c), P.string(module.namer[c])]) for c in klass.inherits]
        )
    if klass.max_args != DEFAULT_MAX_ARGS:
        kwargs["max_args"] = P.number(klass.max_args)
    return P.rt_call("basic_class", P.name("__basic__"), **kwargs)


def _constants(module: Module) -> StmtLowerer:
    """A statement lowerer for the constant expressions of declarations."""
    return StmtLowerer(Scope(module, module.program.main))


def method_decorator(module: Module, routine: Routine) -> cst.Call:
    """``rt.method("FUNCTION", "NAME", ...)`` for a routine of the class."""
    kwargs = {}
    named = [p for p in routine.params if p.name != "..."]
    if routine.var_args:
        unnamed = len(named) != len(routine.params)
        most = module.program.klass.max_args if unnamed else len(named)
        kwargs["var_args"] = P.number(most)
    by_value = [i for i, p in enumerate(named) if p.by_value]
    if by_value:
        kwargs["by_value"] = P.tuple_([P.number(i) for i in by_value])
    return P.rt_call(
        "method", P.string(routine.method), P.string(routine.name), **kwargs
    )
