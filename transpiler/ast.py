"""The BASIC syntax tree: one node class per construct, each with a span.

The parser builds these from the grammar; passes annotate and rewrite them;
the lowering turns them into Python. Names of classes follow the BASIC
construct (``Locate`` for LOCATE, ``ReadNext`` for READNEXT) so that a grep
for a keyword finds its node.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Optional

from transpiler.diagnostics import NO_SPAN, Span


@dataclass(eq=False)
class Node:
    span: Span = field(default=NO_SPAN, kw_only=True)


# ------------------------------------------------------------------ expressions


class Expr(Node):
    """Base of expression nodes."""


@dataclass(eq=False)
class Number(Expr):
    value: int | float
    text: str = ""


@dataclass(eq=False)
class String(Expr):
    value: str


@dataclass(eq=False)
class Var(Expr):
    """A plain name: a variable, or an EQUATE name until names are resolved."""

    name: str


@dataclass(eq=False)
class AtVar(Expr):
    """An @-variable such as @FM or @SENTENCE."""

    name: str


@dataclass(eq=False)
class Call(Expr):
    """``NAME(args)`` before resolution: intrinsic, matrix element or function."""

    name: str
    args: list[Expr]


@dataclass(eq=False)
class Intrinsic(Expr):
    """A call of a built-in function (resolved from :class:`Call`)."""

    name: str
    args: list[Expr]


@dataclass(eq=False)
class Element(Expr):
    """A matrix element ``M(i)`` or ``M(i,j)`` (resolved from :class:`Call`)."""

    name: str
    indices: list[Expr]


@dataclass(eq=False)
class FunctionCall(Expr):
    """A call of a DEFFUN'd function (external or LOCAL)."""

    name: str
    args: list[Expr]
    target: str = ""  # catalogue name (DEFFUN ... CALLING "x")
    local: bool = False


@dataclass(eq=False)
class MatArg(Expr):
    """``MAT M`` passed as an argument."""

    name: str


@dataclass(eq=False)
class Extract(Expr):
    """``X<f[,v[,s]]>``: a dynamic-array element."""

    base: Expr
    field_no: Expr
    value_no: Optional[Expr] = None
    subvalue_no: Optional[Expr] = None


@dataclass(eq=False)
class Substr(Expr):
    """``X[s,l]``, ``X[n]`` or the group form ``X[delim, occ, n]``."""

    base: Expr
    args: list[Expr]


@dataclass(eq=False)
class BinOp(Expr):
    """Arithmetic: op is one of + - * / // ^."""

    op: str
    left: Expr
    right: Expr


@dataclass(eq=False)
class Negate(Expr):
    operand: Expr


@dataclass(eq=False)
class UnaryPlus(Expr):
    operand: Expr


@dataclass(eq=False)
class Compare(Expr):
    """Relations: op is one of EQ NE LT GT LE GE MATCHES."""

    op: str
    left: Expr
    right: Expr


@dataclass(eq=False)
class Logical(Expr):
    """AND / OR (one precedence level, left to right)."""

    op: str
    left: Expr
    right: Expr


@dataclass(eq=False)
class Concat(Expr):
    """The ``:`` operator; parts are flattened left to right."""

    parts: list[Expr]


@dataclass(eq=False)
class Fmt(Expr):
    """Format juxtaposition ``X "R#5"`` (same as FMT(X, "R#5"))."""

    value: Expr
    mask: Expr


@dataclass(eq=False)
class Paren(Expr):
    """``(expr)``: kept so that ``CALL X((A))`` passes A by value."""

    value: Expr


@dataclass(eq=False)
class IfExpr(Expr):
    cond: Expr
    then: Expr
    else_: Expr


@dataclass(eq=False)
class Cursor(Expr):
    """``@(col [,row])`` and the negative screen-control codes."""

    args: list[Expr]


@dataclass(eq=False)
class DictRef(Expr):
    """``{name}``: a dictionary field reference (needs $DICT)."""

    name: str


@dataclass(eq=False)
class Property(Expr):
    """``OBJ->NAME`` or ``OBJ->NAME(args)``: reads a property of an object
    (a public variable, a GET routine or a PUBLIC FUNCTION)."""

    base: Expr
    name: str
    args: Optional[list[Expr]] = None  # a method call when not None


@dataclass(eq=False)
class Me(Expr):
    """``ME`` in a CLASS module: the object whose routine is running."""


# ------------------------------------------------------------------ statements


class Stmt(Node):
    """Base of statement nodes."""


@dataclass(eq=False)
class Clause(Node):
    """The statements of a THEN/ELSE/LOCKED/ON ERROR clause."""

    body: list[Stmt]
    block: bool = False


@dataclass(eq=False)
class Clauses(Node):
    then: Optional[Clause] = None
    else_: Optional[Clause] = None
    locked: Optional[Clause] = None
    on_error: Optional[Clause] = None

    def present(self) -> list[Clause]:
        """Return the clauses that are there, in source order."""
        return [c for c in (self.on_error, self.locked, self.then, self.else_) if c]


NO_CLAUSES = None


@dataclass(eq=False)
class Assign(Stmt):
    """``target op value`` where op is =, +=, -=, *=, /= or :=."""

    target: Expr
    op: str
    value: Expr


@dataclass(eq=False)
class Label(Stmt):
    name: str


@dataclass(eq=False)
class If(Stmt):
    cond: Expr
    clauses: Clauses


@dataclass(eq=False)
class Loop(Stmt):
    body: list[Stmt]


@dataclass(eq=False)
class While(Stmt):
    """``WHILE c`` inside LOOP (or FOR): leave the loop when c is false."""

    cond: Expr


@dataclass(eq=False)
class Until(Stmt):
    """``UNTIL c`` inside LOOP (or FOR): leave the loop when c is true."""

    cond: Expr


@dataclass(eq=False)
class For(Stmt):
    """FOR var = start TO limit [STEP step] ... NEXT [var].

    A ``WHILE``/``UNTIL`` after the limit is the first statement of the body.
    """

    var: Expr
    start: Expr
    limit: Expr
    step: Optional[Expr]
    body: list[Stmt]
    next_name: str = ""
    next_span: Span = NO_SPAN


@dataclass(eq=False)
class CaseArm(Node):
    cond: Expr
    body: list[Stmt]


@dataclass(eq=False)
class Case(Stmt):
    arms: list[CaseArm]


@dataclass(eq=False)
class Goto(Stmt):
    label: str


@dataclass(eq=False)
class Gosub(Stmt):
    label: str


@dataclass(eq=False)
class GosubLocal(Stmt):
    """``GOSUB name(args)``: call a LOCAL SUBROUTINE."""

    name: str
    args: list[Expr]


@dataclass(eq=False)
class OnGoto(Stmt):
    selector: Expr
    labels: list[str]
    gosub: bool


@dataclass(eq=False)
class Return(Stmt):
    value: Optional[Expr] = None
    to_label: str = ""


@dataclass(eq=False)
class Exit(Stmt):
    pass


@dataclass(eq=False)
class Continue(Stmt):
    pass


@dataclass(eq=False)
class Null(Stmt):
    pass


@dataclass(eq=False)
class Stop(Stmt):
    kind: str  # STOP, STOPE, STOPM
    message: Optional[Expr] = None
    args: list[Expr] = field(default_factory=list)  # Pick "STOP msgno, args"


@dataclass(eq=False)
class Abort(Stmt):
    kind: str  # ABORT, ABORTE, ABORTM
    message: Optional[Expr] = None
    args: list[Expr] = field(default_factory=list)  # Pick "ABORT msgno, args"


@dataclass(eq=False)
class End(Stmt):
    """A top-level END (end of the program or subroutine)."""


@dataclass(eq=False)
class ExitChild(Stmt):
    """EXIT.CHILD: end a forked child at once."""


@dataclass(eq=False)
class PrintItem(Node):
    value: Optional[Expr]  # None for a "," tab


@dataclass(eq=False)
class Print(Stmt):
    """PRINT / CRT / DISPLAY."""

    kind: str
    unit: Optional[Expr]
    items: list[PrintItem]
    newline: bool


@dataclass(eq=False)
class Input(Stmt):
    kind: str  # INPUT or INPUTFIELD
    target: Expr
    at: Optional[list[Expr]]
    at_colon: bool
    length: Optional[Expr]
    underscore: bool
    colon: bool
    options: dict
    clauses: Optional[Clauses]


@dataclass(eq=False)
class Printer(Stmt):
    action: str
    unit: Optional[Expr]
    args: list[Expr]
    clauses: Optional[Clauses] = None


@dataclass(eq=False)
class Heading(Stmt):
    kind: str  # HEADING or FOOTING
    no_eject: bool
    unit: Optional[Expr]
    text: Expr


@dataclass(eq=False)
class Page(Stmt):
    unit: Optional[Expr]
    number: Optional[Expr]


@dataclass(eq=False)
class OnOff(Stmt):
    """ECHO / HUSH / BREAK with ON, OFF, CLEAR or an expression."""

    keyword: str
    setting: str  # ON, OFF, CLEAR, KEY ON, KEY OFF or "" (then value)
    value: Optional[Expr]
    target: Optional[Expr] = None


@dataclass(eq=False)
class Param(Node):
    name: str  # "..." for the unnamed arguments of a PUBLIC routine
    matrix: bool = False
    dims: Optional[list[Expr]] = None
    by_value: bool = False  # "(NAME)": the routine gets a copy


@dataclass(eq=False)
class Header(Stmt):
    """PROGRAM, SUBROUTINE or FUNCTION line."""

    kind: str
    name: str
    params: list[Param]
    var_args: bool = False


@dataclass(eq=False)
class LocalRoutine(Stmt):
    """LOCAL SUBROUTINE / LOCAL FUNCTION ... END."""

    kind: str  # SUBROUTINE or FUNCTION
    name: str
    params: list[Param]
    body: list[Stmt]
    var_args: bool = False


@dataclass(eq=False)
class Private(Stmt):
    names: list[Expr]


@dataclass(eq=False)
class ClassHeader(Stmt):
    """``CLASS name [MAX.ARGS n] [INHERITS c1, c2]``: the item is a QM class."""

    name: str
    inherits: list[str] = field(default_factory=list)
    max_args: Optional[int] = None


@dataclass(eq=False)
class Public(Stmt):
    """``PUBLIC a, b(3) READONLY``: persistent variables other code may use."""

    names: list[Expr]
    readonly: list[str] = field(default_factory=list)


@dataclass(eq=False)
class Method(Stmt):
    """A routine of a CLASS module, ended by its own END.

    ``kind`` is FUNCTION or SUBROUTINE (PUBLIC FUNCTION/SUBROUTINE), GET or
    SET (property routines).
    """

    kind: str
    name: str
    params: list[Param]
    body: list[Stmt]
    var_args: bool = False


@dataclass(eq=False)
class ObjectStmt(Stmt):
    """``OBJ->NAME = value`` or ``OBJ->NAME(args)`` as a statement: every
    reference of ``target``'s chain but the last reads a property; the last
    one sets it (a SET routine, a PUBLIC SUBROUTINE or a public variable),
    with ``value`` as its last argument."""

    target: Property
    value: Optional[Expr] = None


@dataclass(eq=False)
class CallStmt(Stmt):
    """CALL name(args) or CALL @var(args)."""

    name: str
    indirect: bool
    args: list[Expr]
    keyword: str = "CALL"


@dataclass(eq=False)
class Deffun(Stmt):
    name: str
    params: list[Param]
    target: str = ""
    local: bool = False
    var_args: bool = False
    key: Optional[Expr] = None  # KEY k: passed before the arguments


@dataclass(eq=False)
class Common(Stmt):
    block: str  # "" for blank common
    items: list[Expr]  # Var or Call (matrix)


@dataclass(eq=False)
class Equate(Stmt):
    pairs: list[tuple[str, Expr]]


@dataclass(eq=False)
class Dim(Stmt):
    items: list[tuple[str, list[Expr]]]


@dataclass(eq=False)
class MatCopy(Stmt):
    target: str
    source: str


@dataclass(eq=False)
class MatFill(Stmt):
    target: str
    value: Expr


@dataclass(eq=False)
class MatParse(Stmt):
    target: str
    source: Expr
    delim: Optional[Expr]


@dataclass(eq=False)
class MatBuild(Stmt):
    target: Expr
    source: str
    start: Optional[Expr]
    end: Optional[Expr]
    delim: Optional[Expr]


@dataclass(eq=False)
class Del(Stmt):
    target: Expr


@dataclass(eq=False)
class Ins(Stmt):
    value: Expr
    target: Expr


@dataclass(eq=False)
class Locate(Stmt):
    """LOCATE x IN dyn<f[,v[,s]]> [, start] [BY order] SETTING pos."""

    item: Expr
    source: Expr
    start: Optional[Expr]
    order: Optional[Expr]
    setting: Expr
    clauses: Clauses
    pick_form: bool = False
    positions: list[Expr] = field(default_factory=list)


@dataclass(eq=False)
class Remove(Stmt):
    target: Expr
    source: Expr
    delim: Expr


@dataclass(eq=False)
class Setrem(Stmt):
    position: Expr
    target: Expr


@dataclass(eq=False)
class ConvertStmt(Stmt):
    from_chars: Expr
    to_chars: Expr
    target: Expr


@dataclass(eq=False)
class Find(Stmt):
    kind: str  # FIND or FINDSTR
    item: Expr
    source: Expr
    occurrence: Optional[Expr]
    settings: list[Expr]
    clauses: Clauses


@dataclass(eq=False)
class Dparse(Stmt):
    kind: str
    source: Expr
    delim: Expr
    targets: list[Expr]


@dataclass(eq=False)
class Data(Stmt):
    values: list[Expr]


@dataclass(eq=False)
class SimpleStmt(Stmt):
    """A keyword and optional arguments: CLEAR, PRECISION n, SLEEP n, ..."""

    keyword: str
    args: list[Expr]


@dataclass(eq=False)
class Void(Stmt):
    value: Expr


@dataclass(eq=False)
class Execute(Stmt):
    keyword: str  # EXECUTE or PERFORM
    command: Expr
    options: dict


@dataclass(eq=False)
class Chain(Stmt):
    command: Expr


@dataclass(eq=False)
class OsExecute(Stmt):
    command: Expr
    capturing: Optional[Expr]


# The variable behind UniVerse/Pick's default file (OPEN without TO, READ and
# WRITE without a file): no BASIC name starts with "_", so none can meet it.
DEFAULT_FILE = "_DEFAULT.FILE"


@dataclass(eq=False)
class FileStmt(Stmt):
    """A database, select-list or sequential-file statement.

    ``keyword`` is the BASIC word (READU, WRITEV, OPENSEQ, ...); ``args``
    the expressions in source order; ``targets`` the variables it assigns;
    ``options`` words such as READONLY or APPEND.
    """

    keyword: str
    args: list[Expr]
    targets: list[Expr]
    clauses: Optional[Clauses]
    options: list[str] = field(default_factory=list)


@dataclass(eq=False)
class TransactionBlock(Stmt):
    body: list[Stmt]


@dataclass(eq=False)
class Directive(Stmt):
    text: str


@dataclass(eq=False)
class Generic(Stmt):
    """An internal-mode or rarely used statement, parsed but not lowered."""

    keyword: str
    clauses: Optional[Clauses] = None


@dataclass(eq=False)
class ErrorStmt(Stmt):
    """A statement that failed to parse (its diagnostic is already recorded)."""

    text: str = ""


# ------------------------------------------------------------------ desugared loops
# The control-flow pass turns a loop that contains a jump target into labels
# and jumps; these nodes carry the FOR semantics it cannot spell in BASIC.


@dataclass(eq=False)
class ForTest(Expr):
    """True while a FOR variable has not passed its limit (STEP's sign decides)."""

    var: Expr
    limit: Expr
    step: Optional[Expr]


@dataclass(eq=False)
class ForNext(Stmt):
    """NEXT: step the variable; if it is still within the limit, keep it and
    jump to ``body_label``, else leave it at its last value and go on."""

    var: Expr
    limit: Expr
    step: Optional[Expr]
    body_label: str


@dataclass(eq=False)
class Not(Expr):
    """Logical negation made by a pass (NOT() in BASIC is an intrinsic)."""

    operand: Expr


# ------------------------------------------------------------------ items


@dataclass(eq=False)
class Item(Node):
    """One parsed BASIC item: its statements and what the lexer found."""

    name: str
    path: str
    body: list[Stmt]
    comments: list = field(default_factory=list)
    directives: list = field(default_factory=list)


# Field types that never hold nodes: walks skip them (walks are the costliest
# part of the passes on large items).
_SCALAR_FIELDS = {"str", "int", "bool", "float", "int | float", "Span"}
_PLANS: dict[type, tuple[tuple[str, ...], int]] = {}


def _plan(cls: type) -> tuple[tuple[str, ...], int]:
    """The fields of a node class that may hold nodes, and how many it has."""
    if dataclasses.is_dataclass(cls):
        fields = dataclasses.fields(cls)
        names = tuple(f.name for f in fields if f.type not in _SCALAR_FIELDS)
        plan = (names, len(fields))
    else:
        plan = ((), -1)
    _PLANS[cls] = plan
    return plan


_STATEMENT_PLANS: dict[type, tuple[tuple[str, ...], int]] = {}


def _statement_plan(cls: type) -> tuple[tuple[str, ...], int]:
    """The fields of a node class that may hold statements or clauses, last
    field first (the order walk_statements pushes them), and how many fields
    it has."""
    if dataclasses.is_dataclass(cls):
        fields = dataclasses.fields(cls)
        names = tuple(
            f.name
            for f in reversed(fields)
            if any(word in f.type for word in ("Stmt", "Clause", "CaseArm"))
        )
        plan = (names, len(fields))
    else:
        plan = ((), -1)
    _STATEMENT_PLANS[cls] = plan
    return plan


_STATEMENT_KINDS = (Stmt, Clause, Clauses, CaseArm)


def _statement_children(node) -> list:
    """The statements, clauses and CASE arms directly under a node."""
    values = node.__dict__
    names, count = _STATEMENT_PLANS.get(type(node)) or _statement_plan(type(node))
    if len(values) != count:
        return [c for c in _children(node) if isinstance(c, _STATEMENT_KINDS)]
    out = []
    for name in reversed(names):
        value = values[name]
        if isinstance(value, list):
            out += value
        elif value is not None:
            out.append(value)
    return out


def _children(node) -> list:
    """The nodes directly under a node, in the order of its fields."""
    values = node.__dict__
    names, count = _PLANS.get(type(node)) or _plan(type(node))
    if len(values) == count:
        if not names:
            return []
        candidates = [values[n] for n in names]
    else:  # a node with attributes beyond its fields is read whole
        candidates = values.values()
    out = []
    for value in candidates:
        if isinstance(value, Node):
            out.append(value)
        elif isinstance(value, (list, tuple)):
            for v in value:
                if isinstance(v, Node):
                    out.append(v)
                elif isinstance(v, tuple):
                    out += [x for x in v if isinstance(x, Node)]
        elif isinstance(value, dict):
            out += [v for v in value.values() if isinstance(v, Node)]
    return out


_REVERSED_PLANS: dict[type, tuple[tuple[str, ...], int]] = {}


def _reversed_plan(cls: type) -> tuple[tuple[str, ...], int]:
    """:func:`_plan`, last field first (the order walk pushes them)."""
    names, count = _PLANS.get(cls) or _plan(cls)
    plan = (tuple(reversed(names)), count)
    _REVERSED_PLANS[cls] = plan
    return plan


def walk(root):
    """Yield every node in a tree (or list of trees), parents before children."""
    # The children of a node are pushed directly, last first, rather than
    # gathered into a list by _children: the passes walk whole routines
    # many times. The order is _children's.
    stack = list(reversed(root)) if isinstance(root, list) else [root]
    pop = stack.pop
    push = stack.append
    plans = _REVERSED_PLANS
    while stack:
        current = pop()
        yield current
        names, count = plans.get(type(current)) or _reversed_plan(type(current))
        values = current.__dict__
        if len(values) != count:
            children = _children(current)
            children.reverse()
            stack += children
            continue
        for name in names:
            value = values[name]
            if isinstance(value, Node):
                push(value)
            elif isinstance(value, (list, tuple)):
                for v in reversed(value):
                    if isinstance(v, Node):
                        push(v)
                    elif isinstance(v, tuple):
                        for x in reversed(v):
                            if isinstance(x, Node):
                                push(x)
            elif isinstance(value, dict):
                for v in reversed(value.values()):
                    if isinstance(v, Node):
                        push(v)


def walk_statements(root):
    """Yield every statement in a tree, nested bodies included, not expressions."""
    # The passes walk every routine's statements a dozen times, so the
    # children of a node are pushed here directly, last field first, rather
    # than gathered into a list by _statement_children.
    stack = list(reversed(root)) if isinstance(root, list) else [root]
    pop = stack.pop
    push = stack.append
    plans = _STATEMENT_PLANS
    while stack:
        current = pop()
        if isinstance(current, Stmt):
            yield current
        names, count = plans.get(type(current)) or _statement_plan(type(current))
        values = current.__dict__
        if len(values) != count:
            children = _statement_children(current)
            children.reverse()
            stack += children
            continue
        for name in names:
            value = values[name]
            if isinstance(value, list):
                stack += reversed(value)
            elif value is not None:
                push(value)


def transform(node, fn: Callable):
    """Rebuild a tree bottom-up, replacing each node with ``fn(node)``."""
    if isinstance(node, list):
        return [transform(n, fn) for n in node]
    if isinstance(node, tuple):
        return tuple(transform(n, fn) for n in node)
    if not isinstance(node, Node):
        return node
    names, _ = _PLANS.get(type(node)) or _plan(type(node))
    for name in names:
        value = getattr(node, name)
        if isinstance(value, (Node, list, tuple)):
            setattr(node, name, transform(value, fn))
        elif isinstance(value, dict):
            setattr(node, name, {k: transform(v, fn) for k, v in value.items()})
    return fn(node)
