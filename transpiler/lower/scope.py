"""What the lowering knows while it builds one Python function.

A BASIC routine becomes a Python function; its GOSUB sections and LOCAL
routines become functions nested inside it. BASIC variables are Python
locals of the routine that owns them; nested functions read them through
the closure and declare ``nonlocal`` the ones they assign. A :class:`Frame`
is one generated function and records those names; :class:`Scope` answers
the lowering's questions: what Python expression reads or writes a BASIC
name, where a remove pointer lives, how to report an unsupported construct.
"""

from __future__ import annotations

import bisect
import itertools
import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Optional

import libcst as cst

from runtime_lib import rt as _runtime
from transpiler import ast as A
from transpiler.diagnostics import Diagnostics, Span, printable
from transpiler.lower import pybuild as P
from transpiler.lower.naming import Namer
from transpiler.passes.resolve import Program, Routine


@dataclass
class Frame:
    """One generated Python function."""

    kind: str  # "routine", "section", "local"
    owned: set[str] = field(default_factory=set)  # Python names bound here
    nonlocal_: dict[str, None] = field(default_factory=dict)
    parent: Optional["Frame"] = None
    last_line: int = 0
    first_line: int = 0  # comments before this line belong to another function

    def owner_of(self, py: str) -> Optional["Frame"]:
        frame: Optional[Frame] = self
        while frame is not None:
            if py in frame.owned:
                return frame
            frame = frame.parent
        return None


@dataclass
class Module:
    """Module-wide lowering state shared by all routines of an item."""

    program: Program
    diagnostics: Diagnostics
    namer: Namer
    constants: list[cst.SimpleStatementLine] = field(default_factory=list)
    unsupported: set[str] = field(default_factory=set)
    emitted_comments: set[int] = field(default_factory=set)
    _own_comments: Optional[tuple[list[int], list[int]]] = None
    # A CLASS module: the Python method of each routine (see lower/classes.py).
    methods: dict[int, str] = field(default_factory=dict)
    _frame_layout: Optional[str] = None

    def own_line_comments(self) -> tuple[list[int], list[int]]:
        """The lines and indices of the item's own-line comments, by line."""
        if self._own_comments is None:
            pairs = sorted(
                (c.line, i)
                for i, c in enumerate(self.program.item.comments)
                if c.own_line
            )
            self._own_comments = ([line for line, _ in pairs], [i for _, i in pairs])
        return self._own_comments

    def comment_block_start(self, line: int) -> int:
        """The first line of the own-line comments just above ``line``."""
        own = set(self.own_line_comments()[0])
        while line - 1 in own:
            line -= 1
        return line

    def frame(self) -> str:
        """The module constant that lays out a class's Frame: the Python
        name and the BASIC name of each variable its methods share with
        its LOCAL routines (see :class:`runtime_lib.objects.Frame`)."""
        if self._frame_layout is None:
            names = self.program.klass.shared
            layout = {self.namer[n]: P.string(n) for n in names}
            self._frame_layout = "_FRAME"
            self.constants.append(
                P.assign(self._frame_layout, P.rt_call("frame_layout", **layout))
            )
        return self._frame_layout

    def unassigned_tuple(self, names: list[str]) -> str:
        """A module constant holding fresh unassigned markers for a routine."""
        const = f"_UNASSIGNED_{len(self.constants) + 1}"
        self.constants.append(
            P.assign(const, P.rt_call("unassigned", *[P.string(n) for n in names]))
        )
        return const


class Scope:
    """Lowering state for one routine (and the functions nested in it)."""

    def __init__(
        self, module: Module, routine: Routine, parent: Optional["Scope"] = None
    ):
        self.module = module
        self.routine = routine
        self.parent = parent
        self.frame: Frame = Frame("routine", parent=parent.frame if parent else None)
        self.hoisted: list[cst.BaseStatement] = []
        self.hoist_reason = "REMOVE()"
        # Where statements cannot go before the expression being lowered
        # (say "a FOR limit"), or None.
        self.no_hoist: Optional[str] = None
        self.temps = itertools.count(1)
        self.sections: dict[str, str] = {}  # BASIC label -> Python function
        self.flow = None
        self.statement_lowerer = None
        # Dynamic arrays the loop being lowered holds as rt.Fields: BASIC
        # name -> Python local (see StmtLowerer.hold_split).
        self.split_arrays: dict[str, str] = {}
        # Variables passed by reference to the call being lowered, each with
        # the temporary holding its value before the call (keep_pointers).
        self.kept_pointers: dict[str, str] = {}

    # --- diagnostics ----------------------------------------------------------

    def error(self, node: A.Node, message: str, code: str) -> None:
        self.module.diagnostics.error(node.span, message, code)

    def unsupported(self, node: A.Node, what: str) -> None:
        self.module.diagnostics.error(
            node.span,
            f"{what} {'are' if what.endswith('s') else 'is'} not supported yet",
            "E-UNSUPPORTED",
        )

    def mode(self, name: str) -> bool:
        """Is a $MODE switch on for this item?"""
        return name in self.module.program.modes

    def runtime_has(self, function: str) -> bool:
        return hasattr(_runtime, function)

    # --- names ----------------------------------------------------------------

    @property
    def namer(self) -> Namer:
        return self.module.namer

    def commons(self):
        return self.module.program.commons

    def common_alias(self, block: str) -> str:
        return "_common" if not block else "_common_" + self.namer[block].lower()

    def read_var(self, name: str, node: A.Node) -> cst.BaseExpression:
        slot = self.commons().get(name)
        if slot is not None:
            return P.subscript(
                P.name(self.common_alias(slot.block)), P.number(slot.index)
            )
        if self.is_matrix(name):
            return self.matrix(name, node)
        held = self.class_attribute(name)
        if held is not None:
            return held
        return P.name(self.namer[name])

    def class_attribute(self, name: str) -> Optional[cst.Attribute]:
        """Where a CLASS module keeps a variable that is no routine's own:
        ``self.NAME`` for a persistent one, ``_v.NAME`` for one a method
        shares with its LOCAL routines (see :class:`runtime_lib.objects.Frame`)."""
        klass = self.module.program.klass
        if klass is None:
            return None
        routine = self.routine
        if name in routine.private or any(p.name == name for p in routine.params):
            return None  # the routine's own
        if name in klass.variables:
            return P.attr("self", self.namer[name])
        if name in klass.shared:
            return P.attr("_v", self.namer[name])
        return None

    def is_local_name(self, name: str) -> bool:
        """Is a BASIC variable a Python local (not COMMON, a matrix or held
        by a CLASS module's object)?"""
        return (
            name not in self.commons()
            and not self.is_matrix(name)
            and self.class_attribute(name) is None
        )

    def is_matrix(self, name: str) -> bool:
        if self.is_routine_matrix(name):
            return True
        klass = self.module.program.klass
        if klass is not None and name in klass.variables:
            return klass.variables[name].dims is not None
        slot = self.commons().get(name)
        return slot is not None and slot.dims is not None

    def matrix(self, name: str, node: A.Node) -> cst.BaseExpression:
        slot = self.commons().get(name)
        if slot is not None:
            return P.subscript(
                P.name(self.common_alias(slot.block)), P.number(slot.index)
            )
        if not self.is_routine_matrix(name):
            held = self.class_attribute(name)
            if held is not None:
                return held
        return P.name(self.namer[name])

    def is_routine_matrix(self, name: str) -> bool:
        """Is ``name`` a matrix of this routine or one it is nested in (not
        COMMON's or an object's)?"""
        return any(name in scope.routine.matrices for scope in self.scopes())

    def scopes(self) -> Iterator[Scope]:
        """This scope, then each one it is nested in."""
        scope: Optional[Scope] = self
        while scope is not None:
            yield scope
            scope = scope.parent

    def write_name(self, py: str) -> None:
        """Record that the current function assigns a Python name."""
        owner = self.frame.owner_of(py)
        if owner is not None and owner is not self.frame:
            self.frame.nonlocal_[py] = None

    def write_var(
        self, name: str, value: cst.BaseExpression
    ) -> list[cst.BaseStatement]:
        """Statements that assign a value to a BASIC variable."""
        slot = self.commons().get(name)
        if slot is not None:
            target = P.subscript(
                P.name(self.common_alias(slot.block)), P.number(slot.index)
            )
            return [P.assign(target, value)]
        held = self.class_attribute(name)
        if held is not None:
            return [P.assign(held, value)]
        py = self.namer[name]
        self.write_name(py)
        out = [P.assign(py, value)]
        if name in self.routine.remove_vars:
            # Assigning a variable resets its REMOVE pointer (ScarletDME).
            pointer = self.remove_pointer(name)
            reset = P.assign(pointer, P.number(0))
            before = self.kept_pointers.get(name)
            if before is not None:
                reset = P.if_(P.compare(P.name(py), "is not", P.name(before)), [reset])
            out.append(reset)
        return out

    def keep_pointers(self, args: list[A.Expr]) -> list[cst.BaseStatement]:
        """Statements that note, before a call, the values of the variables
        it passes by reference that have a REMOVE pointer.

        ScarletDME passes a variable's address and keeps the pointer in its
        descriptor, so a routine that does not assign the variable leaves
        the caller's pointer where it was; until ``kept_pointers`` is
        cleared, storing such a variable back resets its pointer only if
        the routine handed back another value."""
        out = []
        for arg in args:
            if not isinstance(arg, A.Var) or arg.name not in self.routine.remove_vars:
                continue
            if arg.name in self.kept_pointers or self.commons().get(arg.name):
                continue
            if self.class_attribute(arg.name) is not None:
                continue
            temp = self.temp()
            self.kept_pointers[arg.name] = temp
            py = P.name(self.namer[arg.name])
            out.append(P.assign(temp, py))
            pointer = P.name(self.remove_pointer(arg.name))
            out.append(P.expr_stmt(P.rt_call("pointer_pass", py, pointer)))
        return out

    def collect_pointers(self) -> list[cst.BaseStatement]:
        """After the copy-back of a call, statements that take back the
        REMOVE pointers the routine offers for the variables
        :meth:`keep_pointers` noted (see ``runtime_lib.removeptr``)."""
        out = []
        for name in self.kept_pointers:
            pointer = self.touch_pointer(name)
            value = P.name(self.namer[name])
            call = P.rt_call("pointer_back", value, P.name(pointer))
            out.append(P.assign(pointer, call))
        return out

    def handed_pointers(self) -> list[str]:
        """Parameters whose REMOVE pointer the routine takes from its caller
        and hands back (``runtime_lib.removeptr``): those of a catalogued
        SUBROUTINE or FUNCTION it REMOVEs from."""
        routine = self.routine
        if routine.local or routine.method:
            return []
        if routine.kind not in ("SUBROUTINE", "FUNCTION"):
            return []
        return [
            p.name
            for p in routine.params
            if p.name in routine.remove_vars and not (p.by_value or p.matrix)
        ]

    def offer_pointers(self, result: cst.BaseExpression) -> cst.BaseExpression:
        """What the routine returns, offering its parameters' REMOVE pointers
        to the caller on the way (``rt.pointers_back``)."""
        handed = self.handed_pointers()
        if not handed:
            return result
        pairs = [
            P.tuple_([P.name(self.namer[n]), P.name(self.remove_pointer(n))])
            for n in handed
        ]
        return P.rt_call("pointers_back", result, *pairs)

    def remove_pointer(self, name: str) -> str:
        """The local holding a variable's REMOVE pointer (ScarletDME keeps it
        in the variable's descriptor; assigning the variable resets it)."""
        return "_rm_" + self.namer[name]

    def touch_pointer(self, name: str) -> str:
        """A remove pointer that the current function is about to assign."""
        py = self.remove_pointer(name)
        self.write_name(py)
        return py

    def argument_copy(self, name: str) -> str:
        """The local keeping what the caller passed for a ``(NAME)``
        parameter, handed back unchanged."""
        return "_in_" + self.namer[name]

    def temp(self) -> str:
        return f"_t{next(self.temps)}"

    def hoist(self, stmt: cst.BaseStatement, reason: str = "REMOVE()") -> None:
        """Run a statement before the one being lowered; ``reason`` names
        what needs it, for places that cannot have one."""
        self.hoisted.append(stmt)
        self.hoist_reason = reason

    def hoist_assign(
        self, target: A.Expr, value: cst.BaseExpression, reason: str = "REMOVE()"
    ) -> None:
        for stmt in self.statement_lowerer.assign_to(target, value):
            self.hoist(stmt, reason)

    # --- routines and arguments -------------------------------------------------

    def arg_count(self, node: A.Node) -> cst.BaseExpression:
        if not self.routine.var_args:
            return P.number(len([p for p in self.routine.params]))
        return P.name("_argc")

    def arg_values(self) -> cst.BaseExpression:
        """The arguments of a VAR.ARGS routine, for ARG(n)."""
        return P.name("_args")

    def call_local_function(self, name: str, args) -> cst.BaseExpression:
        """A call of a LOCAL FUNCTION or SUBROUTINE: a nested function of the
        routine, or in a CLASS module a method (given the shared variables)."""
        from transpiler.lower.naming import local_routine_name

        klass = self.module.program.klass
        if klass is None:
            return P.call(local_routine_name(name), *args)
        if klass.shared:
            args = [P.name("_v"), *args]
        return P.call(P.attr("self", local_routine_name(name)), *args)

    def section(self, label: str) -> str:
        for scope in self.scopes():
            if label in scope.sections:
                return scope.sections[label]
        from transpiler.diagnostics import InternalError

        raise InternalError(
            f"no section for label {label}", self.module.program.item.path
        )

    # --- source lines as comments --------------------------------------------

    def line_comments(self, span: Span) -> list[str]:
        """Comments naming the BASIC line a statement comes from (once per line)."""
        if span.line <= 0 or span.line == self.frame.last_line:
            return []
        comments = []
        previous = max(self.frame.last_line, self.frame.first_line - 1)
        self.frame.last_line = span.line
        emitted = self.module.emitted_comments
        item_comments = self.module.program.item.comments
        lines, indices = self.module.own_line_comments()
        first = bisect.bisect_right(lines, previous)
        last = bisect.bisect_left(lines, span.line)
        for index in indices[first:last]:
            if index not in emitted:
                emitted.add(index)
                comments.append(comment_line(item_comments[index].text))
        comments.append(self.line_marker(span))
        return comments

    def line_marker(self, span: Span) -> str:
        """``# 12: PRINT X`` -- the BASIC line a statement comes from.

        Lines from an $INSERTed file read ``# 3 in DEFS.INC: ...``. The
        runtime finds these to name the BASIC line of an error
        (:mod:`runtime_lib.program`); BASIC comments are emitted as
        ``# * text`` and can never look like one.
        """
        origin = self.module.diagnostics.source_map.origin(span.line)
        path = origin.file.path
        included = path if path != self.module.program.item.path else None
        return _line_marker(origin.number, included, origin.text)


@lru_cache(maxsize=8192)
def _line_marker(number: int, included: Optional[str], text: str) -> str:
    """The marker of line ``number`` (of the file ``included``, if not the
    item's own). Included files put the same lines in item after item."""
    where = str(number)
    if included is not None:
        where += f" in {_file_label(included)}"
    return f"# {where}: {_clean(text.strip())}".rstrip()


def comment_line(text: str) -> str:
    """A BASIC comment as a line of Python comment, unprintable characters
    escaped."""
    return "# " + _clean(text)


def _clean(text: str) -> str:
    return printable(text).rstrip()


def _file_label(path: str) -> str:
    return os.path.basename(path).replace(" ", "_") or "include"
