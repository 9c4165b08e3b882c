"""Types: what BASIC makes certain about values, so the lowering can use
Python's own operators where BASIC's rules give the same result.

BASIC values are untyped, and its operators differ from Python's: numbers
are 32-bit integers that turn into floats when a result leaves 32 bits,
floats compare with a tolerance (FLTDIFF), numeric strings compare as
numbers, and reading an unassigned variable is an error. So an operation
may use Python's operator only when its operands are surely of the right
kind, and surely assigned. This pass finds out where.

For every function the lowering builds (the main part of a routine, each of
its GOSUB sections, each LOCAL routine) a forward data-flow over the
structured statements tracks, for each variable, a :class:`Kind`:

``int``
    surely a Python ``int`` in the interval ``[lo, hi]``, inside 32 bits:
    loop counters, literals, LEN(), and arithmetic proved not to overflow;
``whole``
    surely a finite whole number: an ``int`` while it fits 32 bits, else the
    integer-valued float BASIC's overflow makes. Two of them compare
    exactly (FLTDIFF only tells apart numbers closer than 3e-11), so
    comparisons can be native; the interval may be unbounded;
``num``
    surely a number (``int`` or ``float``);
``str``
    surely a string;
``any``
    anything, or perhaps unassigned.

Variables start as ``any`` at the top of every function; GOSUB, CALL, a
LOCAL routine and anything this pass does not model make what they may
assign ``any`` again. COMMON variables are always ``any`` (any CALL can
change them). The result, a :class:`Types`, gives the kind of every
expression node, and a :class:`ForPlan` for every FOR loop that can run as
``for I in range(...)``. The kinds are a join over every way control can
reach a node, so a kind is true whenever the node runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Optional

from transpiler import ast as A

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1
INF = math.inf


@dataclass(frozen=True)
class Kind:
    """What is known of a value (see the module docstring)."""

    tag: str  # "int", "whole", "num", "str", "any"
    lo: float = -INF
    hi: float = INF
    const: object = None  # the value of a literal (or None)

    @property
    def is_int(self) -> bool:
        """Surely a Python int inside 32 bits."""
        return self.tag == "int"

    @property
    def is_whole(self) -> bool:
        """Surely a whole number (an int, or an integer-valued float)."""
        return self.tag in ("int", "whole")

    @property
    def is_number(self) -> bool:
        return self.tag in ("int", "whole", "num")

    @property
    def is_str(self) -> bool:
        return self.tag == "str"

    def __repr__(self) -> str:
        if self.tag in ("int", "whole"):
            return f"{self.tag}[{_bound(self.lo)}, {_bound(self.hi)}]"
        return self.tag


def _bound(x: float) -> str:
    return str(int(x)) if math.isfinite(x) else ("-inf" if x < 0 else "inf")


ANY = Kind("any")
NUM = Kind("num")
STR = Kind("str")
WHOLE = Kind("whole")
INT32 = Kind("int", INT32_MIN, INT32_MAX)
BIT = Kind("int", 0, 1)
NATURAL = Kind("int", 0, INT32_MAX)
_ORDER = {"int": 0, "whole": 1, "num": 2}


def whole(lo: float, hi: float) -> Kind:
    """The kind of a whole number in [lo, hi]: ``int`` when that fits 32 bits."""
    if INT32_MIN <= lo and hi <= INT32_MAX:
        return Kind("int", lo, hi)
    return Kind("whole", lo, hi)


def constant(value: object) -> Kind:
    """The kind of a literal."""
    if isinstance(value, str):
        return Kind("str", const=value)
    if isinstance(value, int) and not isinstance(value, bool):
        if INT32_MIN <= value <= INT32_MAX:
            return Kind("int", value, value, value)
        return NUM
    if isinstance(value, float):
        return Kind("num", const=value)
    return ANY


def join(a: Optional[Kind], b: Optional[Kind]) -> Optional[Kind]:
    """The least kind that holds both (None is "never reached")."""
    if a is None:
        return b
    if b is None or a == b:
        return a
    if a.tag == "str" and b.tag == "str":
        return STR
    if a.tag in _ORDER and b.tag in _ORDER:
        tag = max(a.tag, b.tag, key=_ORDER.__getitem__)
        if tag == "num":
            return NUM
        lo, hi = min(a.lo, b.lo), max(a.hi, b.hi)
        return whole(lo, hi) if tag == "int" else Kind("whole", lo, hi)
    return ANY


def widen(old: Kind, new: Kind) -> Kind:
    """Join for loop heads: a bound that keeps moving goes to infinity."""
    joined = join(old, new)
    if (
        joined is None
        or joined.tag not in ("int", "whole")
        or old.tag not in ("int", "whole")
    ):
        return joined
    lo = joined.lo if joined.lo >= old.lo else -INF
    hi = joined.hi if joined.hi <= old.hi else INF
    return whole(lo, hi) if joined.tag == "int" else Kind("whole", lo, hi)


def arith(op: str, a: Kind, b: Kind) -> Kind:
    """The kind of ``a op b`` for the BASIC operators + - * / // ^.

    Whole numbers stay whole under + - * as long as the result surely stays
    finite: adding a number of known size to any finite float gives a
    finite float (at worst the same one), but two numbers of unknown size,
    or a product, may reach infinity, which is not a whole number.
    """
    if not (a.is_number and b.is_number):
        return ANY  # strings may be numeric arrays, which give strings back
    if op in ("+", "-", "*") and a.is_whole and b.is_whole:
        if op == "*" and not (_bounded(a) and _bounded(b)):
            return NUM
        if op != "*" and not (_bounded(a) or _bounded(b)):
            return NUM
        lo, hi = _interval(op, a, b)
        if op == "*" and max(abs(lo), abs(hi)) > 1e300:
            return NUM
        if a.is_int and b.is_int:
            return whole(lo, hi)  # an int, or a float once it leaves 32 bits
        return Kind("whole", lo, hi)  # a float operand keeps the result a float
    return NUM


def _bounded(kind: Kind) -> bool:
    return (
        math.isfinite(kind.lo)
        and math.isfinite(kind.hi)
        and max(abs(kind.lo), abs(kind.hi)) < 1e300
    )


def _interval(op: str, a: Kind, b: Kind) -> tuple[float, float]:
    if op == "+":
        return a.lo + b.lo, a.hi + b.hi
    if op == "-":
        return a.lo - b.hi, a.hi - b.lo
    products = []
    for x in (a.lo, a.hi):
        for y in (b.lo, b.hi):
            products.append(0 if x == 0 or y == 0 else x * y)
    return min(products), max(products)


def negate(a: Kind) -> Kind:
    if a.tag == "int":
        # C negation of INT32_MIN gives INT32_MIN back.
        if a.lo == INT32_MIN:
            return INT32
        return Kind("int", -a.hi, -a.lo)
    if a.tag == "whole":
        return Kind("whole", -a.hi, -a.lo)
    return NUM if a.is_number else ANY


def remainder(name: str, a: Kind, b: Kind) -> Kind:
    """MOD and REM: Python's ``%`` for a non-negative int by a positive one."""
    if a.is_int and b.is_int and a.lo >= 0 and b.lo >= 1:
        return Kind("int", 0, min(a.hi, b.hi - 1))
    if name == "MOD" or (a.is_number and b.is_number):
        return NUM  # MOD converts its operands; REM may give a numeric array
    return ANY


# Intrinsics whose runtime function surely returns an int (inside 32 bits)
# or a str, whatever their arguments (tests/runtime/test_result_kinds.py).
INT_RESULTS = {
    "LEN": NATURAL,
    "DCOUNT": NATURAL,
    "COUNT": NATURAL,
    "INDEX": NATURAL,
    "SEQ": Kind("int", 0, 255),
    "NUM": BIT,
    "ALPHA": BIT,
    "NOT": BIT,
    "ASSIGNED": BIT,
    "UNASSIGNED": BIT,
    "STATUS": INT32,
    "COL1": NATURAL,
    "COL2": NATURAL,
}
STR_RESULTS = frozenset("""
    STR SPACE CHAR FIELD EXTRACT UPCASE DOWNCASE TRIM TRIMF TRIMB CONVERT CHANGE
    """.split())


@dataclass
class ForPlan:
    """How a FOR loop can run as a Python ``for`` over a range.

    ``int_limit``: the limit is surely an int, so ``range()`` takes it as it
    is (else ``rt.for_range`` converts it). ``keep_start``: the variable is
    read where the loop may not have assigned it, so it gets the start
    value first (a loop that runs no pass leaves it there).
    """

    step: int
    int_limit: bool
    keep_start: bool
    counter: Kind


@dataclass
class Types:
    """What the pass found for one item, asked by the lowering."""

    kinds: dict[int, Kind] = field(default_factory=dict)
    for_plans: dict[int, ForPlan] = field(default_factory=dict)
    splits: dict[int, list[str]] = field(default_factory=dict)
    guards: dict[int, "Guard"] = field(default_factory=dict)
    # Nodes the pass made itself, kept alive so that their ids are never
    # reused by nodes made later (kinds are keyed by id).
    made: list = field(default_factory=list)

    def kind(self, node: A.Node) -> Kind:
        """The kind of an expression node wherever it runs (``any`` if unknown)."""
        return self.kinds.get(id(node), ANY)

    def for_plan(self, node: A.For) -> Optional[ForPlan]:
        return self.for_plans.get(id(node))

    def split_arrays(self, node: A.Stmt) -> list[str]:
        """Variables a FOR or LOOP holds as a list of fields (rt.Fields)."""
        return self.splits.get(id(node), [])

    def guard(self, node: A.Expr) -> Optional["Guard"]:
        """How a comparison or concatenation is known while some whole
        numbers are ints."""
        found = self.guards.get(id(node))
        return found if found is not None and found.names else None


@dataclass
class Guard:
    """An expression's kinds while the variables ``names`` are Python ints.

    A *whole* variable is an int while it fits 32 bits and a float after
    that, so a test ``type(V) is int`` proves it a 32-bit int. ``kinds``
    are the kinds of the comparison's operands and their parts under that
    proof; the lowering puts the native code they allow (a comparison,
    ``S + str(I)``) behind the test and keeps the runtime's for the other
    case.
    """

    names: set = field(default_factory=set)
    kinds: dict = field(default_factory=dict)


EVERYTHING = None  # "may assign any variable" in assigned-sets

State = Optional[dict]  # variable -> Kind; None when control cannot get here


def _join_states(a: State, b: State, widening: bool = False) -> State:
    if a is None:
        return None if b is None else dict(b)
    if b is None:
        return dict(a)
    out = {}
    for name, kind in a.items():
        other = b.get(name)
        if other is None:
            continue
        joined = widen(kind, other) if widening else join(kind, other)
        if joined is not None and joined.tag != "any":
            out[name] = joined
    return out


class _Loop:
    """Edges out of a loop being analysed."""

    def __init__(self) -> None:
        self.breaks: State = None
        self.continues: State = None


# Statements that assign nothing and only read their expressions.
_READ_ONLY = (
    A.Print,
    A.Heading,
    A.Page,
    A.Data,
    A.Null,
    A.Label,
    A.Directive,
    A.Equate,
    A.Deffun,
    A.Header,
    A.Common,
    A.Private,
    A.ErrorStmt,
    A.Dim,
    A.MatFill,
    A.MatCopy,
    A.MatParse,
    A.LocalRoutine,
)
_ENDS = (A.Goto, A.Return, A.Stop, A.Abort, A.End, A.Chain, A.ExitChild)


class RoutineTypes:
    """The data-flow over one routine's functions."""

    def __init__(
        self, program, routine, types: Types, parent: "RoutineTypes | None" = None
    ):
        self.program = program
        self.routine = routine
        self.types = types
        # COMMON and a class's persistent variables: any call may change them.
        self.commons = program.global_names()
        self.matrices = set(routine.matrices) | (parent.matrices if parent else set())
        self.loops: list[_Loop] = []
        flow = routine.flow
        # Per statement list and per statement (ids of live AST nodes).
        self._assigned: dict[int, Optional[set]] = {}
        self._expression_writes: dict[int, Optional[set]] = {}
        # A GOSUB may run any section; the union over all of them is closed
        # under the GOSUBs they make themselves.
        self.local_writes: Optional[set] = set()
        self.section_writes: Optional[set] = set()
        self.section_writes = self.assigned_in_all([s.body for s in flow.sections])
        self.read_outside: set[str] = set()
        self.guessing = False  # working out a Guard: record no guards inside

    # --- entry ----------------------------------------------------------------

    def run(self, local_writes: Optional[set]) -> None:
        self.local_writes = local_writes
        self._assigned.clear()  # found before the LOCAL routines' writes were known
        self._expression_writes.clear()
        flow = self.routine.flow
        self.read_outside = self.reads_outside_own_loops(
            [flow.main] + [s.body for s in flow.sections]
        )
        if self.routine.kind in ("SUBROUTINE", "LOCAL SUBROUTINE"):
            self.read_outside |= {p.name for p in self.routine.params}
        self.block(flow.main, {})
        for section in flow.sections:
            self.block(section.body, {})

    # --- assigned variables ---------------------------------------------------

    def assigned_in_all(self, bodies: Iterable[list]) -> Optional[set]:
        out: set = set()
        for body in bodies:
            found = self.assigned_in(body)
            if found is EVERYTHING:
                return EVERYTHING
            out |= found
        return out

    def assigned_in(self, body: list) -> Optional[set]:
        """Variables the statements may assign (EVERYTHING if any may be)."""
        key = id(body)
        if key in self._assigned:
            return self._assigned[key]
        found = self._assigned[key] = self._assigned_in(body)
        return found

    def _assigned_in(self, body: list) -> Optional[set]:
        out: set = set()
        for stmt in A.walk_statements(body):
            found = self.assigned_by(stmt)
            if found is EVERYTHING:
                return EVERYTHING
            out |= found
        return out

    def assigned_by(self, stmt: A.Stmt) -> Optional[set]:
        """Variables one statement may assign itself (nested bodies aside)."""
        found = self.expression_writes(stmt)
        if found is EVERYTHING:
            return EVERYTHING
        out = set(found)  # the cached set stays as it is
        if isinstance(stmt, A.Assign):
            out |= self.base_names(stmt.target)
        elif isinstance(stmt, (A.For, A.ForNext)):
            out |= self.base_names(stmt.var)
        elif isinstance(stmt, A.Remove):
            out |= self.base_names(stmt.target) | self.base_names(stmt.delim)
        elif isinstance(stmt, (A.Ins, A.Del, A.ConvertStmt)):
            out |= self.base_names(stmt.target)  # as stmt_Ins models them
        elif isinstance(stmt, A.Locate):
            out |= self.base_names(stmt.setting)
        elif isinstance(stmt, A.FileStmt):
            for target in stmt.targets:
                out |= self.base_names(target)
        elif isinstance(stmt, A.CallStmt):
            for arg in stmt.args:
                out |= self.base_names(arg) if isinstance(arg, A.Var) else set()
        elif isinstance(stmt, A.GosubLocal):
            if self.local_writes is EVERYTHING:
                return EVERYTHING
            out |= self.local_writes
            for arg in stmt.args:
                out |= self.base_names(arg) if isinstance(arg, A.Var) else set()
        elif isinstance(stmt, (A.Gosub, A.OnGoto)):
            if self.section_writes is EVERYTHING:
                return EVERYTHING
            out |= self.section_writes
        elif isinstance(stmt, (A.SimpleStmt, A.Generic)) and (
            isinstance(stmt, A.Generic) or stmt.keyword == "CLEAR"
        ):
            return EVERYTHING
        elif isinstance(
            stmt,
            _READ_ONLY
            + _ENDS
            + (
                A.If,
                A.Case,
                A.Loop,
                A.While,
                A.Until,
                A.Exit,
                A.Continue,
                A.TransactionBlock,
                A.Void,
            ),
        ):
            pass
        else:
            out |= self.mentioned(stmt)
        return out

    def expression_writes(self, stmt: A.Stmt) -> Optional[set]:
        """Variables assigned by expressions in a statement: REMOVE(),
        dialect functions with outputs, LOCAL functions."""
        key = id(stmt)
        if key not in self._expression_writes:
            self._expression_writes[key] = self._find_expression_writes(stmt)
        return self._expression_writes[key]

    def _find_expression_writes(self, stmt: A.Stmt) -> Optional[set]:
        out: set = set()
        for node in self.own_expressions(stmt):
            if isinstance(node, A.Intrinsic):
                if node.name == "REMOVE" and len(node.args) == 2:
                    out |= self.base_names(node.args[1])
                elif node.name in self.program.dialect.functions:
                    for arg in node.args:
                        out |= self.base_names(arg)
            elif isinstance(node, A.FunctionCall):
                if node.local:
                    if self.local_writes is EVERYTHING:
                        return EVERYTHING
                    out |= self.local_writes or set()
                out |= self.by_reference_writes(node)
            elif isinstance(node, A.Property):
                out |= self.argument_writes(node.args or [])
        return out

    def by_reference_writes(self, call: A.FunctionCall) -> set:
        """Variables a function call may assign through its arguments."""
        out: set = set()
        for i, arg in enumerate(call.args):
            var = by_reference_var(arg)
            if var is not None and may_write_param(self.program, call, i):
                out.add(var.name)
        return out

    def argument_writes(self, args: list) -> set:
        """Variables passed to a routine that may assign them (by reference)."""
        out: set = set()
        for arg in args:
            if isinstance(arg, A.Var):
                out |= self.base_names(arg)
        return out

    def own_expressions(self, stmt: A.Stmt):
        """Every expression node of a statement, not of its nested statements."""
        stack = [
            c
            for c in A._children(stmt)
            if not isinstance(c, (A.Stmt, A.Clause, A.Clauses, A.CaseArm))
        ]
        if isinstance(stmt, A.Case):
            stack += [arm.cond for arm in stmt.arms]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(A._children(node))

    def mentioned(self, stmt: A.Stmt) -> set:
        return {n.name for n in self.own_expressions(stmt) if isinstance(n, A.Var)}

    def base_names(self, target) -> set:
        while isinstance(target, (A.Extract, A.Substr, A.Paren)):
            target = target.base if not isinstance(target, A.Paren) else target.value
        if isinstance(target, A.Var):
            return {target.name}
        return set()

    def reads_outside_own_loops(self, bodies) -> set:
        """Variables read somewhere other than inside a FOR loop over them."""
        out: set = set()

        def visit(node, loop_vars: frozenset) -> None:
            if isinstance(node, A.For) and isinstance(node.var, A.Var):
                for part in (node.start, node.limit, node.step):
                    if part is not None:
                        visit(part, loop_vars)
                inner = loop_vars | {node.var.name}
                for stmt in node.body:
                    visit(stmt, inner)
                return
            if isinstance(node, A.Var) and node.name not in loop_vars:
                out.add(node.name)
            if (
                isinstance(node, A.Assign)
                and isinstance(node.target, A.Var)
                and node.op == "="
            ):
                visit(node.value, loop_vars)  # the target itself is not read
                return
            for child in A._children(node):
                visit(child, loop_vars)

        for body in bodies:
            for stmt in body:
                visit(stmt, frozenset())
        for child in self.routine.children:
            for node in A.walk(child.body):
                if isinstance(node, A.Var):
                    out.add(node.name)
        return out

    # --- expressions ------------------------------------------------------------

    def var(self, name: str, state: dict) -> Kind:
        if name in self.commons or name in self.matrices:
            return ANY
        return state.get(name, ANY)

    def expr(self, node: A.Expr, state: dict) -> Kind:
        """The kind of an expression (recorded for the lowering)."""
        kind = self.kind_of(node, state)
        old = self.types.kinds.get(id(node))
        self.types.kinds[id(node)] = kind if old is None else join(old, kind)
        return kind

    def kind_of(self, node: A.Expr, state: dict) -> Kind:
        if isinstance(node, A.Number):
            return constant(_literal(node))
        if isinstance(node, A.String):
            return constant(node.value)
        if isinstance(node, A.Var):
            return self.var(node.name, state)
        if isinstance(node, A.AtVar):
            if node.name in ("FM", "AM", "VM", "SM", "SVM", "TM", "IM"):
                return STR
            if node.name in ("TRUE", "FALSE"):
                return constant(1 if node.name == "TRUE" else 0)
            return ANY
        if isinstance(node, (A.Paren, A.UnaryPlus)):
            inner = node.value if isinstance(node, A.Paren) else node.operand
            return self.expr(inner, state)
        if isinstance(node, A.BinOp):
            return arith(
                node.op, self.expr(node.left, state), self.expr(node.right, state)
            )
        if isinstance(node, A.Negate):
            return negate(self.expr(node.operand, state))
        if isinstance(node, (A.Compare, A.Logical)):
            self.expr(node.left, state)
            self.expr(node.right, state)
            if isinstance(node, A.Compare) and self.loops and not self.guessing:
                self.note_guard(node, state)
            return BIT
        if isinstance(node, A.Not):
            self.expr(node.operand, state)
            return BIT
        if isinstance(node, A.Concat):
            for part in node.parts:
                self.expr(part, state)
            if self.loops and not self.guessing:
                self.note_guard(node, state)
            return STR
        if isinstance(node, A.IfExpr):
            self.expr(node.cond, state)
            return (
                join(self.expr(node.then, state), self.expr(node.else_, state)) or ANY
            )
        if isinstance(node, (A.Extract, A.Substr)):
            for child in A._children(node):
                self.expr(child, state)
            return STR
        if isinstance(node, A.ForTest):
            for child in A._children(node):
                self.expr(child, state)
            return BIT
        if isinstance(node, A.Intrinsic):
            kinds = [self.expr(arg, state) for arg in node.args]
            if node.name in self.program.dialect.functions:
                return ANY
            if node.name in ("MOD", "REM") and len(kinds) == 2:
                return remainder(node.name, *kinds)
            if node.name in INT_RESULTS:
                return INT_RESULTS[node.name]
            if node.name in STR_RESULTS:
                return STR
            return ANY
        for child in A._children(node):
            if isinstance(child, A.Expr):
                self.expr(child, state)
        return ANY

    def note_guard(self, node: A.Expr, state: dict) -> None:
        """Work out a comparison's or a concatenation's kinds if its whole
        variables are ints.

        Only variables, literals, ``+ - *``, MOD/REM, comparisons and ``:``
        inside: the variables cannot change between the test and their use.
        Every visit is joined in, so the kinds hold wherever the node runs.
        Only inside loops, where the time goes: elsewhere the runtime's call
        reads better.
        """
        names = set()
        for part in _walk_expr(node):
            if isinstance(part, A.Var):
                kind = self.var(part.name, state)
                if (
                    kind.tag == "whole"
                    and kind.lo <= INT32_MAX
                    and kind.hi >= INT32_MIN
                ):
                    names.add(part.name)
            elif isinstance(part, A.Intrinsic):
                if part.name not in ("MOD", "REM") or len(part.args) != 2:
                    return
            elif isinstance(part, A.BinOp):
                if part.op not in ("+", "-", "*"):
                    return
            elif not isinstance(
                part, (A.Compare, A.Concat, A.Number, A.String, A.Paren, A.Negate)
            ):
                return
        guessed = dict(state)
        for name in names:
            kind = guessed[name]
            guessed[name] = Kind(
                "int", max(kind.lo, INT32_MIN), min(kind.hi, INT32_MAX)
            )
        saved = self.types.kinds
        self.types.kinds = {}
        self.guessing = True
        try:
            for child in A._children(node):
                self.expr(child, guessed)
            kinds = self.types.kinds
        finally:
            self.types.kinds = saved
            self.guessing = False
        guard = self.types.guards.setdefault(id(node), Guard())
        guard.names |= names
        for key, kind in kinds.items():
            old = guard.kinds.get(key)
            guard.kinds[key] = kind if old is None else join(old, kind)

    def effects(self, stmt: A.Stmt, state: dict) -> None:
        """Forget what expressions of a statement may assign."""
        writes = self.expression_writes(stmt)
        self.forget(state, writes)

    def forget(self, state: dict, names: Optional[set]) -> None:
        if names is EVERYTHING:
            state.clear()
            return
        for name in names:
            state.pop(name, None)

    def expressions(self, stmt: A.Stmt, state: dict) -> None:
        for child in A._children(stmt):
            if isinstance(child, A.Expr):
                self.expr(child, state)
            elif isinstance(child, A.PrintItem) and child.value is not None:
                self.expr(child.value, state)

    # --- statements ---------------------------------------------------------------

    def block(self, body: list, state: State) -> State:
        for stmt in body:
            if type(stmt) in _INERT:
                # Nothing to do and no state to copy. A body of only these
                # gives back the state it was given, as an empty body does.
                continue
            if state is None:
                # Unreachable code: still give its nodes kinds (from nothing known).
                self.statement(stmt, {})
                continue
            state = self.statement(stmt, state)
        return state

    def statement(self, stmt: A.Stmt, state: dict) -> State:
        state = dict(state)
        method = getattr(self, "stmt_" + type(stmt).__name__, None)
        if method is not None:
            return method(stmt, state)
        return self.generic(stmt, state)

    def generic(self, stmt: A.Stmt, state: dict) -> State:
        """A statement this pass does not model: it may assign what it names."""
        self.effects(stmt, state)
        self.expressions(stmt, state)
        self.forget(state, self.assigned_by(stmt))
        clauses = getattr(stmt, "clauses", None)
        if not isinstance(clauses, A.Clauses):
            return state
        out: State = state
        for clause in clauses.present():
            out = _join_states(out, self.block(clause.body, dict(state)))
        return out

    def assign(self, target: A.Expr, kind: Kind, state: dict) -> None:
        if isinstance(target, A.Var):
            if target.name not in self.commons and target.name not in self.matrices:
                if kind.tag == "any":
                    state.pop(target.name, None)
                else:
                    state[target.name] = Kind(kind.tag, kind.lo, kind.hi)
            return
        if isinstance(target, (A.Extract, A.Substr)):
            for child in A._children(target):
                if child is not target.base:
                    self.expr(child, state)
            # REPLACE and the substring assignments always give a string.
            base = target.base
            self.expr(base, state)
            self.assign(base, STR, state)
            return
        for child in A._children(target):
            self.expr(child, state)

    def stmt_Assign(self, stmt: A.Assign, state: dict) -> State:
        self.effects(stmt, state)
        value = self.expr(stmt.value, state)
        if stmt.op == "=":
            kind = value
        elif stmt.op == ":=":
            self.expr(stmt.target, state)
            kind = STR
        else:
            current = self.expr(stmt.target, state)
            kind = arith(stmt.op[0], current, value)
        self.assign(stmt.target, kind, state)
        return state

    def stmt_If(self, stmt: A.If, state: dict) -> State:
        self.effects(stmt, state)
        self.expr(stmt.cond, state)
        c = stmt.clauses
        then = self.block(c.then.body, dict(state)) if c.then else state
        orelse = self.block(c.else_.body, dict(state)) if c.else_ else state
        return _join_states(then, orelse)

    def stmt_Case(self, stmt: A.Case, state: dict) -> State:
        out: State = None
        current: State = state
        for arm in stmt.arms:
            if current is None:
                self.expr(arm.cond, {})
                self.block(arm.body, {})
                continue
            current = dict(current)
            for node in _walk_expr(arm.cond):
                if (
                    isinstance(node, A.Intrinsic)
                    and node.name == "REMOVE"
                    and len(node.args) == 2
                ):
                    self.forget(current, self.base_names(node.args[1]))
                elif isinstance(node, A.FunctionCall):
                    if node.local:
                        self.forget(current, self.local_writes)
                    self.forget(current, self.by_reference_writes(node))
                elif isinstance(node, A.Property):
                    self.forget(current, self.argument_writes(node.args or []))
            self.expr(arm.cond, current)
            out = _join_states(out, self.block(arm.body, dict(current)))
        return _join_states(out, current)

    def loop(self, body: list, entry: dict, bind=None, step=None) -> tuple[dict, State]:
        """Run a loop body to a fixed point; return (state at its head, BREAK edges).

        ``bind`` sets what the loop itself assigns at the top of each pass;
        ``step`` is NEXT, run at the end of a pass and at each CONTINUE.
        """
        head = dict(entry)
        for rounds in range(40):
            frame = _Loop()
            self.loops.append(frame)
            start = dict(head)
            if bind is not None:
                bind(start)
            end = self.block(body, start)
            self.loops.pop()
            back = _join_states(end, frame.continues)
            if step is not None and back is not None:
                back = step(back)
            new_head = _join_states(head, back, widening=rounds >= 2)
            if new_head == head:
                return head, frame.breaks
            head = new_head
        raise AssertionError("type inference found no fixed point")  # lattice is finite

    def note_splits(self, loop: A.Stmt) -> None:
        """Find the dynamic arrays a loop can hold as a list of fields.

        A variable qualifies when every use of it in the loop is ``A<...>``
        read in an expression, ``A<...> = x`` stored by an assignment,
        ``LOCATE x IN A<...>`` (the QM form), ``INS x BEFORE A<...>`` or
        ``DEL A<...>``, and nothing in the loop can see it any other way or
        leave the loop without passing its end (GOSUB, a LOCAL routine,
        RETURN, GOTO, STOP). Held as a list (split once, in C), indexed
        reads, writes and appends each cost the same at any size, and
        LOCATE and INS on a sorted list a binary search and a list insert.
        """
        if id(loop) in self.types.splits:
            return
        self.types.splits[id(loop)] = []
        allowed: set[int] = set()
        banned: set[str] = set(self.commons) | self.matrices
        if isinstance(loop, A.For):
            for part in (loop.var, loop.start, loop.limit, loop.step):
                if part is not None:
                    banned |= {n.name for n in _walk_expr(part) if isinstance(n, A.Var)}
        for stmt in A.walk_statements(loop.body):
            if not self.can_hold_in(stmt):
                if isinstance(stmt, _SPLIT_STOPPERS):
                    return
                banned |= self.mentioned(stmt)
                continue
            if isinstance(stmt, A.Locate):
                banned |= self.base_names(stmt.setting)
            for node in self.own_expressions(stmt):
                if isinstance(node, A.FunctionCall) and node.local:
                    return
                if isinstance(node, A.Extract) and isinstance(node.base, A.Var):
                    allowed.add(id(node.base))
            if isinstance(stmt, A.Assign) and isinstance(stmt.target, A.Var):
                banned.add(stmt.target.name)
        used: set[str] = set()
        for stmt in A.walk_statements(loop.body):
            if self.can_hold_in(stmt):
                for node in self.own_expressions(stmt):
                    if isinstance(node, A.Var):
                        if id(node) in allowed:
                            used.add(node.name)
                        else:
                            banned.add(node.name)
        self.types.splits[id(loop)] = sorted(used - banned)

    def can_hold_in(self, stmt: A.Stmt) -> bool:
        """Can a loop holding a split array contain this statement (its
        ``A<...>`` then reaching the held list)?"""
        if isinstance(stmt, A.Locate):
            return (
                not stmt.pick_form
                and "UV.LOCATE" not in self.program.modes
                and isinstance(stmt.source, A.Extract)
            )
        return isinstance(stmt, _SPLIT_STATEMENTS)

    def stmt_Loop(self, stmt: A.Loop, state: dict) -> State:
        self.note_splits(stmt)
        _, exit_state = self.loop(stmt.body, state)
        return exit_state

    def stmt_TransactionBlock(self, stmt: A.TransactionBlock, state: dict) -> State:
        frame = _Loop()
        self.loops.append(frame)
        end = self.block(stmt.body, state)
        self.loops.pop()
        return _join_states(end, frame.breaks)

    def stmt_While(self, stmt: A.While, state: dict) -> State:
        self.effects(stmt, state)
        self.expr(stmt.cond, state)
        if self.loops:
            self.loops[-1].breaks = _join_states(self.loops[-1].breaks, state)
        return state

    stmt_Until = stmt_While

    def stmt_Exit(self, stmt: A.Exit, state: dict) -> State:
        if self.loops:
            self.loops[-1].breaks = _join_states(self.loops[-1].breaks, state)
        return None

    def stmt_Continue(self, stmt: A.Continue, state: dict) -> State:
        if self.loops:
            self.loops[-1].continues = _join_states(self.loops[-1].continues, state)
        return None

    def stmt_Gosub(self, stmt: A.Gosub, state: dict) -> State:
        self.forget(state, self.section_writes)
        return state

    def stmt_OnGoto(self, stmt: A.OnGoto, state: dict) -> State:
        self.effects(stmt, state)
        self.expr(stmt.selector, state)
        if not stmt.gosub:
            return None
        self.forget(state, self.section_writes)
        return state

    def stmt_GosubLocal(self, stmt: A.GosubLocal, state: dict) -> State:
        self.effects(stmt, state)
        self.expressions(stmt, state)
        self.forget(state, self.assigned_by(stmt))
        return state

    def stmt_Remove(self, stmt: A.Remove, state: dict) -> State:
        self.expr(stmt.source, state)
        self.assign(stmt.target, STR, state)
        self.assign(stmt.delim, Kind("int", 0, 5), state)
        return state

    def stmt_Ins(self, stmt, state: dict) -> State:
        """INS, DEL and CONVERT store a string in their target's variable."""
        self.effects(stmt, state)
        for child in A._children(stmt):
            if isinstance(child, A.Expr) and child is not stmt.target:
                self.expr(child, state)
        target = stmt.target
        if isinstance(target, (A.Extract, A.Substr)):
            self.assign(target, STR, state)
        else:
            self.expr(target, state)
            self.assign(target, STR, state)
        return state

    stmt_Del = stmt_Ins
    stmt_ConvertStmt = stmt_Ins

    def stmt_For(self, stmt: A.For, state: dict) -> State:
        self.effects(stmt, state)
        self.note_splits(stmt)
        plan = self.plan_for(stmt, state)
        if plan is None:
            return self.slow_for(stmt, state)
        self.types.for_plans[id(stmt)] = plan
        name = stmt.var.name
        start = self.expr(stmt.start, state)
        self.expr(stmt.limit, state)
        if stmt.step is not None:
            self.expr(stmt.step, state)
        if plan.keep_start:
            self.assign(stmt.var, start, state)

        def bind(top: dict) -> None:
            top[name] = plan.counter

        head, breaks = self.loop(stmt.body, state, bind)
        # Leaving normally: the counter holds its last value, or what it
        # held before when no pass ran.
        after = dict(head)
        before = head.get(name)
        merged = join(plan.counter, before) if before is not None else ANY
        if merged.tag == "any":
            after.pop(name, None)
        else:
            after[name] = merged
        return _join_states(after, breaks)

    def slow_for(self, stmt: A.For, state: dict) -> State:
        """A FOR loop kept as a ``while`` over ``rt.for_test``."""
        start = self.expr(stmt.start, state)
        step_node = stmt.step
        if step_node is None:
            step_node = A.Number(1, "1")
            self.types.made.append(step_node)
        self.assign(stmt.var, start, state)

        def bind(top: dict) -> None:
            self.expr(stmt.limit, top)
            self.expr(step_node, top)

        def step(end: dict) -> dict:
            end = dict(end)
            current = self.expr(stmt.var, end)
            self.assign(stmt.var, arith("+", current, self.expr(step_node, end)), end)
            return end

        head, breaks = self.loop(stmt.body, state, bind, step)
        return _join_states(head, breaks)

    def plan_for(self, stmt: A.For, state: dict) -> Optional[ForPlan]:
        """A ForPlan when the loop can run as ``for I in range(...)``."""
        if "FOR.STORE.BEFORE.TEST" in self.program.modes:
            return None
        var = stmt.var
        if (
            not isinstance(var, A.Var)
            or var.name in self.commons
            or var.name in self.matrices
        ):
            return None
        start = self.kind_of(stmt.start, state)
        step = self.kind_of(stmt.step, state) if stmt.step is not None else constant(1)
        if not start.is_int or not step.is_int:
            return None
        if step.lo > 0:
            sign = 1
        elif step.hi < 0:
            sign = -1
        else:
            return None
        body_writes = self.assigned_in(stmt.body)
        if body_writes is EVERYTHING or var.name in body_writes:
            return None
        for part in (stmt.limit, stmt.step):
            if part is not None and not self.invariant(part, body_writes):
                return None
        limit = self.kind_of(stmt.limit, state)
        if limit.is_int:
            lo, hi = (start.lo, limit.hi) if sign > 0 else (limit.lo, start.hi)
            counter = whole(lo, hi) if lo <= hi else Kind("int", start.lo, start.hi)
        elif sign > 0:
            counter = Kind("whole", start.lo, INF)
        else:
            counter = Kind("whole", -INF, start.hi)
        return ForPlan(
            step=sign,
            int_limit=limit.is_int,
            keep_start=var.name in self.read_outside,
            counter=counter,
        )

    def invariant(self, node: A.Expr, writes: set) -> bool:
        """Does an expression surely give the same value on every pass?"""
        for part in _walk_expr(node):
            if isinstance(part, A.Var):
                if (
                    part.name in writes
                    or part.name in self.commons
                    or part.name in self.matrices
                ):
                    return False
            elif isinstance(part, A.Intrinsic):
                if part.name not in (
                    "LEN",
                    "DCOUNT",
                    "COUNT",
                    "INDEX",
                    "FIELD",
                    "EXTRACT",
                    "ABS",
                    "INT",
                    "MOD",
                    "REM",
                ):
                    return False
            elif not isinstance(
                part,
                (
                    A.Number,
                    A.String,
                    A.BinOp,
                    A.Negate,
                    A.Paren,
                    A.UnaryPlus,
                    A.Extract,
                    A.Concat,
                ),
            ):
                if isinstance(part, A.AtVar) and part.name in (
                    "FM",
                    "AM",
                    "VM",
                    "SM",
                    "SVM",
                    "TM",
                    "IM",
                ):
                    continue
                return False
        return True


# Statements a loop holding a split array may contain (their expressions
# read A<...> through the lowering's Extract), and those that rule it out.
_SPLIT_STATEMENTS = (
    A.Assign,
    A.If,
    A.Case,
    A.Loop,
    A.For,
    A.While,
    A.Until,
    A.Exit,
    A.Continue,
    A.Print,
    A.Null,
    A.Void,
    A.Ins,
    A.Del,
)
_SPLIT_STOPPERS = (
    A.Goto,
    A.Gosub,
    A.OnGoto,
    A.GosubLocal,
    A.Return,
    A.Stop,
    A.Abort,
    A.End,
    A.Chain,
    A.ExitChild,
    A.ForNext,
    A.Label,
    A.TransactionBlock,
    A.LocalRoutine,
)


# Statements with no expressions that assign nothing: the state after one
# is the state before it, so blocks skip them rather than copy the state (a
# routine's body has one for every $DEFINE of its included files).
_INERT = frozenset([A.Directive, A.Null, A.Label])


def _walk_expr(node):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(A._children(current))


def _literal(node: A.Number) -> object:
    """The value the lowering gives a numeric literal."""
    from transpiler.lower.expressions import literal_value

    return literal_value(node)


def by_reference_var(arg: A.Expr) -> Optional[A.Var]:
    """The variable a FUNCTION argument passes by reference, if any.

    BCOMP compiles a function's arguments as plain expressions: a variable,
    even in brackets or after a unary plus, is passed as its address (only
    CALL and GOSUB copy an argument in brackets). A matrix element is an
    address too, but matrices are never typed here.
    """
    while isinstance(arg, (A.Paren, A.UnaryPlus)):
        arg = arg.value if isinstance(arg, A.Paren) else arg.operand
    return arg if isinstance(arg, A.Var) else None


def local_routine(program, name: str):
    """The LOCAL routine of an item called ``name`` (or None)."""
    for child in program.main.children:
        if child.local and child.name == name:
            return child
    return None


def may_write_param(program, call: A.FunctionCall, i: int) -> bool:
    """May the function a call runs assign its parameter ``i``?

    Unknown for an external FUNCTION; for a LOCAL one, what
    :func:`find_param_writes` found (all of them until it has run).
    """
    if not call.local:
        return True
    routine = local_routine(program, call.name)
    if routine is None or routine.param_writes is None:
        return True
    return i < len(routine.params) and routine.params[i].name in routine.param_writes


def find_param_writes(program, analyses: list) -> None:
    """Set ``param_writes`` of each LOCAL routine: the parameters it may assign.

    Its callers copy back only those, and a LOCAL FUNCTION that assigns
    none returns its bare value. A routine passing its parameter on to
    another LOCAL function writes it if that one may; starting from "every
    parameter" and repeating until nothing changes keeps each step sound.
    """
    children = program.main.children
    while True:
        changed = False
        for child, analysis in zip(children, analyses):
            analysis._assigned.clear()
            analysis._expression_writes.clear()
            found = analysis.assigned_in_all(
                [child.flow.main] + [s.body for s in child.flow.sections]
            )
            params = {p.name for p in child.params if not p.by_value}
            writes = params if found is EVERYTHING else params & found
            if child.param_writes is None or writes != child.param_writes:
                child.param_writes = writes
                changed = True
        if not changed:
            return


def infer(program) -> Types:
    """Run the pass over a resolved item whose routines have their flow."""
    types = Types()
    main = program.main
    main_types = RoutineTypes(program, main, types)
    children = [
        RoutineTypes(program, child, types, main_types) for child in main.children
    ]
    find_param_writes(program, children)
    local_writes: Optional[set] = set()
    for child, analysis in zip(main.children, children):
        own = {p.name for p in child.params} | set(child.private)
        found = analysis.assigned_in_all(
            [child.flow.main] + [s.body for s in child.flow.sections]
        )
        if found is EVERYTHING:
            local_writes = EVERYTHING
            break
        local_writes |= found - own
    main_types.run(local_writes)
    for analysis in children:
        analysis.run(local_writes)
    program.types = types
    return types
