"""Name resolution: what each name in an item means.

BCOMP resolves ``NAME(...)`` in this order (LANGUAGE.md §3.14): a matrix
DIMmed anywhere in the routine (or in COMMON), a DEFFUN'd or local function,
an intrinsic, and otherwise a matrix that must be DIMmed somewhere. EQUATE
names are replaced by their values. Plain names become variables of the
routine that owns them: LOCAL SUBROUTINEs and FUNCTIONs share the main
routine's variables except their parameters and PRIVATE names.

The result is a :class:`Program` of :class:`Routine` objects whose bodies
have only resolved nodes (Intrinsic, Element, FunctionCall, Var, ...).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Optional

from transpiler import ast as A
from transpiler import dialects
from transpiler.ast import transform
from transpiler.passes.modes import mode_problem
from transpiler import keywords as kw
from transpiler.diagnostics import Diagnostics

INTRINSIC_NAMES = kw.INTRINSICS | kw.INTERNAL_INTRINSICS | kw.FORK_INTRINSICS


@dataclass
class CommonSlot:
    """Where a COMMON name lives: its block and position."""

    block: str
    index: int
    dims: Optional[list] = None  # a matrix in common


@dataclass
class Routine:
    """One Python function to generate: the item's routine or a LOCAL one."""

    kind: str  # PROGRAM SUBROUTINE FUNCTION (LOCAL ones: LOCAL SUBROUTINE/FUNCTION)
    name: str
    params: list[A.Param]
    var_args: bool
    body: list[A.Stmt]
    local: bool = False
    variables: list[str] = field(default_factory=list)  # owned, in first-use order
    matrices: dict[str, list] = field(default_factory=dict)  # name -> dims of DIM
    private: list[str] = field(default_factory=list)
    remove_vars: set[str] = field(default_factory=set)
    children: list["Routine"] = field(default_factory=list)
    span: A.Span = A.NO_SPAN
    flow: object = None  # set by passes.flow.analyse
    method: str = ""  # a CLASS routine: FUNCTION, SUBROUTINE, GET or SET
    # LOCAL routines: the parameters the routine may assign (passes.types);
    # None means any of them.
    param_writes: Optional[set] = None

    @property
    def is_function(self) -> bool:
        return self.kind.endswith("FUNCTION")

    @property
    def returns_arguments(self) -> bool:
        """Does the routine's Python function return its parameters too?

        Arguments are passed by reference: a SUBROUTINE returns its
        parameters, a FUNCTION its value followed by them, and the caller
        stores back the ones it passed as variables. A LOCAL FUNCTION that
        assigns none of its parameters returns its bare value.
        """
        if self.kind == "LOCAL FUNCTION":
            return self.param_writes is None or bool(self.param_writes)
        return self.kind != "PROGRAM"


@dataclass
class ClassVariable:
    """A persistent variable of a CLASS module (PUBLIC or PRIVATE)."""

    name: str
    public: bool = False
    readonly: bool = False
    dims: Optional[list] = None  # a matrix


@dataclass
class ClassInfo:
    """What a CLASS module declares besides its routines.

    ``shared`` are the variables its LOCAL routines use that are neither
    persistent nor their own: BASIC keeps one set per call of a method, so
    the method hands them to the LOCAL routines it calls.
    """

    name: str
    inherits: list[str] = field(default_factory=list)
    max_args: int = 32
    variables: dict[str, ClassVariable] = field(default_factory=dict)
    shared: dict[str, None] = field(default_factory=dict)

    def matrices(self) -> dict[str, list]:
        return {n: v.dims for n, v in self.variables.items() if v.dims is not None}

    def names(self) -> set[str]:
        """Names that are never locals of a routine: persistent and shared."""
        return set(self.variables) | set(self.shared)


@dataclass
class Program:
    """A resolved item."""

    item: A.Item
    main: Routine
    commons: dict[str, CommonSlot] = field(default_factory=dict)
    common_blocks: dict[str, list[str]] = field(default_factory=dict)
    deffuns: dict[str, A.Deffun] = field(default_factory=dict)
    modes: set[str] = field(default_factory=set)
    internal: bool = False
    catalog_name: str = ""
    dialect: dialects.Dialect = dialects.SCARLETDME
    cfunction_libraries: set[str] = field(default_factory=set)  # D3 CFUNCTION
    klass: Optional[ClassInfo] = None  # a QM CLASS module
    # Operands computed before a later call (passes.evalorder), by node id.
    early_operands: set[int] = field(default_factory=set)

    def global_names(self) -> set[str]:
        """Variables that are not locals of any one routine call."""
        names = set(self.commons)
        if self.klass is not None:
            names |= self.klass.names()
        return names


# The directives BCOMP's proc.directive knows (ScarletDME), plus the
# preprocessor's ($IFDEF ...), which leave empty lines behind.
_DIRECTIVES = frozenset(
    """ALLOW.BREAK CATALOG CATALOGUE CPROC DEBUG DEBUGGER DEFINE DICT EXECUTE
    EXPLIST FLAGS INCLUDE INSERT INTERNAL LIST MODE NETFILES NOCASE.STRINGS
    NO.SYMBOLS NO.XREF PAGE QMCALL RECURSIVE TRUSTED IFDEF IFNDEF ELSE ENDIF
    OPTIONS""".split()
)


class Resolver:
    """Resolves one item."""

    def __init__(
        self,
        item: A.Item,
        diagnostics: Diagnostics,
        dialect: dialects.Dialect = dialects.SCARLETDME,
    ):
        self.item = item
        self.diagnostics = diagnostics
        self.dialect = dialect
        self.equates: dict[str, A.Expr] = {}
        self.expanding: list[str] = []  # EQUATE names being substituted
        self.deffuns: dict[str, A.Deffun] = {}
        self.program = None

    # --- entry ------------------------------------------------------------

    def run(self) -> Program:
        main_body, locals_ = self.split_routines(self.item.body)
        header = next((s for s in main_body if isinstance(s, A.Header)), None)
        class_header = next(
            (s for s in main_body if isinstance(s, A.ClassHeader)), None
        )
        if class_header is not None:
            main = Routine(
                "CLASS", class_header.name, [], False, main_body, span=class_header.span
            )
        elif header is None:
            main = Routine("PROGRAM", self.item.name, [], False, main_body)
        else:
            main = Routine(
                header.kind,
                header.name,
                header.params,
                header.var_args,
                main_body,
                span=header.span,
            )
        program = Program(self.item, main, dialect=self.dialect)
        self.program = program
        program.modes.update(self.dialect.modes)
        self.directives(program)
        self.collect_declarations(self.item.body, program, class_header is not None)
        if class_header is not None:
            program.klass = self.class_info(class_header, main_body)
            self.check_class_header(class_header, main_body, header)
        main.children = [self.local_routine(r) for r in locals_]
        self.check_class(program, main_body, main.children)
        self.resolve_routine(main, program)
        for child in main.children:
            self.resolve_routine(child, program, parent=main)
        if program.klass is not None:
            for child in main.children:
                shared = program.klass.shared
                child.variables = [v for v in child.variables if v not in shared]
        self.check_elements(main)
        declared = self.declared_matrices(main)
        for routine in [main] + main.children:
            self.check_statements(routine, program, declared | set(routine.matrices))
            self.check_params(routine)
        return program

    def check_statements(self, routine: Routine, program: Program, matrices) -> None:
        """The checks on each statement of a resolved routine, in one walk
        (walks are most of this pass's time): MAT operands must be matrices
        (``matrices``, the names DIMmed for the routine); the default file
        variable is UniVerse's and D3's, not ScarletDME's; NEXT names its
        FOR's variable; THEN or ELSE is required where BCOMP requires it
        (LANGUAGE.md §3.23)."""
        default_file_error = not self.dialect.default_file
        need_clauses = "OPTIONAL.THEN.ELSE" not in program.modes
        for node in A.walk_statements(routine.body):
            for name in _matrix_operands(node):
                if name not in matrices:
                    self.diagnostics.error(
                        node.span,
                        f"{name} is not a matrix (no DIM statement names it)",
                        "E-MATRIX",
                    )
            if (
                default_file_error
                and isinstance(node, A.FileStmt)
                and any(
                    isinstance(e, A.Var) and e.name == A.DEFAULT_FILE
                    for e in node.targets + node.args
                )
            ):
                self.diagnostics.error(
                    node.span,
                    f"{node.keyword} without a file variable uses the default file,"
                    " which needs --dialect universe or d3",
                    "E-DIALECT",
                )
            if (
                isinstance(node, A.For)
                and node.next_name
                and isinstance(node.var, A.Var)
                and node.next_name != node.var.name
            ):
                self.diagnostics.error(
                    node.next_span,
                    "Mismatched FOR / NEXT control variables",
                    "E-SYNTAX",
                )
            keyword = _clause_keyword(node) if need_clauses else None
            if keyword is not None:
                clauses = getattr(node, "clauses", None)
                if clauses is None or (clauses.then is None and clauses.else_ is None):
                    self.diagnostics.error(
                        node.span, f"THEN or ELSE expected after {keyword}", "E-SYNTAX"
                    )

    def check_params(self, routine: Routine) -> None:
        seen: set[str] = set()
        for param in routine.params:
            if param.name in seen:
                self.diagnostics.error(
                    param.span, f"argument {param.name} appears twice", "E-PARAM"
                )
            seen.add(param.name)

    def split_routines(self, body: list[A.Stmt]):
        routines = (A.LocalRoutine, A.Method)
        main = [s for s in body if not isinstance(s, routines)]
        locals_ = [s for s in body if isinstance(s, routines)]
        return main, locals_

    def local_routine(self, node: A.LocalRoutine | A.Method) -> Routine:
        if isinstance(node, A.Method):
            kind = "FUNCTION" if node.kind in ("FUNCTION", "GET") else "SUBROUTINE"
            return Routine(
                kind,
                node.name,
                node.params,
                node.var_args or any(p.name == "..." for p in node.params),
                node.body,
                span=node.span,
                method=node.kind,
            )
        return Routine(
            "LOCAL " + node.kind,
            node.name,
            node.params,
            node.var_args,
            node.body,
            local=True,
            span=node.span,
        )

    def directives(self, program: Program) -> None:
        for index, text in self.item.directives:
            words = text.split()
            if words[0] == "CFUNCTION":  # D3, see transpiler/dialects.py
                program.cfunction_libraries.update(words[1:])
                continue
            name = words[0][1:].upper()
            if name == "MODE":
                for w in words[1:]:
                    w = w.upper()
                    if w == "DEFAULT":
                        program.modes.clear()
                        continue
                    mode = w.lstrip("-")
                    problem = mode_problem(mode)
                    if problem and not w.startswith("-"):
                        self.diagnostics.error(
                            A.Span(index, 1), problem, "E-UNSUPPORTED"
                        )
                    if w.startswith("-"):
                        program.modes.discard(mode)
                    else:
                        program.modes.add(mode)
            elif name == "INTERNAL":
                program.internal = True
            elif name in ("CATALOG", "CATALOGUE") and len(words) > 1:
                program.catalog_name = words[1].upper()
            elif name not in _DIRECTIVES and name not in self.dialect.directives:
                # BCOMP proc.directive: anything else is an error, so a line
                # such as "$T1 = 1" is never silently dropped.
                self.diagnostics.error(
                    A.Span(index, 1),
                    f"unrecognised compiler directive {words[0]}",
                    "E-PREPROCESS",
                )

    # --- CLASS modules -------------------------------------------------------

    def class_info(self, header: A.ClassHeader, body: list[A.Stmt]) -> ClassInfo:
        """The persistent variables of a CLASS module (BCOMP st.class,
        st.private.common): PUBLIC and PRIVATE names, and a private variable
        named after each class of its INHERITS clause."""
        info = ClassInfo(header.name, list(header.inherits))
        if header.max_args is not None:
            if not 1 <= header.max_args <= 255:
                self.diagnostics.error(
                    header.span,
                    "MAX.ARGS argument count missing or invalid",
                    "E-SYNTAX",
                )
            info.max_args = header.max_args
        for name in header.inherits:
            self.class_variable(info, A.Var(name, span=header.span), False, False)
        for node in body:
            if isinstance(node, (A.Public, A.Private)):
                public = isinstance(node, A.Public)
                for entry in node.names:
                    readonly = public and entry.name in node.readonly
                    self.class_variable(info, entry, public, readonly)
        return info

    def check_class_header(self, node: A.ClassHeader, body, header) -> None:
        """BCOMP st.class: CLASS comes first, and only once a routine header."""
        if header is not None:
            self.diagnostics.error(
                node.span,
                "A PROGRAM, SUBROUTINE, FUNCTION or CLASS statement has already "
                "been processed",
                "E-SYNTAX",
            )
            return
        for stmt in body:
            if stmt is node:
                break
            if not isinstance(stmt, _CLASS_DECLARATIONS):
                self.diagnostics.error(
                    node.span,
                    "CLASS must appear before any executable statements",
                    "E-SYNTAX",
                )
                break

    def class_variable(self, info: ClassInfo, entry, public: bool, readonly: bool):
        if entry.name in info.variables:
            self.diagnostics.error(
                entry.span, f"Duplicate symbol '{entry.name}'", "E-SYNTAX"
            )
            return
        dims = entry.args if isinstance(entry, A.Call) else None
        info.variables[entry.name] = ClassVariable(entry.name, public, readonly, dims)

    def check_class(self, program: Program, body: list[A.Stmt], routines) -> None:
        """BCOMP's rules for where class statements may stand."""
        methods = [r for r in routines if r.method]
        if program.klass is None:
            return  # class statements were reported by collect_declarations
        first_method = min((r.span.line for r in methods), default=1 << 30)
        start = next(i for i, s in enumerate(body) if isinstance(s, A.ClassHeader))
        for node in body[start + 1 :]:
            if (
                isinstance(node, (A.Public, A.Private))
                and node.span.line > first_method
            ):
                keyword = "PUBLIC" if isinstance(node, A.Public) else "PRIVATE"
                self.diagnostics.error(node.span, f"Misplaced {keyword}", "E-SYNTAX")
            elif not isinstance(node, _CLASS_DECLARATIONS):
                if node.span.line < first_method:
                    message = (
                        "GET, SET and PUBLIC routines must appear before any "
                        "other executable code"
                    )
                    self.diagnostics.error(node.span, message, "E-SYNTAX")
                else:
                    self.diagnostics.error(
                        node.span,
                        "statements outside the routines of a CLASS module "
                        "are not supported yet",
                        "E-UNSUPPORTED",
                    )
        seen: set[tuple[str, bool]] = set()
        for routine in methods:
            key = (routine.name, routine.is_function)
            if key in seen:
                self.diagnostics.error(
                    routine.span,
                    "This method or property name has already been defined",
                    "E-SYNTAX",
                )
            seen.add(key)
            if routine.name == "CREATE.OBJECT" and routine.is_function:
                if (routine.name, False) not in {
                    (r.name, r.is_function) for r in methods
                }:
                    self.diagnostics.error(
                        routine.span,
                        "CREATE.OBJECT must be a PUBLIC SUBROUTINE",
                        "E-SYNTAX",
                    )
            if routine.is_function:
                for node in A.walk_statements(routine.body):
                    if (
                        isinstance(node, A.Return)
                        and node.value is None
                        and not node.to_label
                    ):
                        self.diagnostics.error(
                            node.span,
                            "A GET routine or PUBLIC FUNCTION must return a value",
                            "E-SYNTAX",
                        )

    # --- declarations -------------------------------------------------------

    def collect_declarations(self, body, program: Program, is_class: bool) -> None:
        """EQUATE, DEFFUN and COMMON apply to the whole item. The same walk
        reports the statements only a CLASS module may have in an item that
        is not one."""
        for node in A.walk_statements(body):
            if isinstance(node, A.Equate):
                for name, value in node.pairs:
                    self.equates[name] = value
            elif isinstance(node, A.Deffun):
                self.check_function_key(node)
                self.deffuns[node.name] = node
                program.deffuns[node.name] = node
            elif isinstance(node, A.Common):
                self.common(node, program)
            elif not is_class and (
                isinstance(node, (A.Public, A.Method))
                or (
                    isinstance(node, A.SimpleStmt)
                    and node.keyword in ("INHERIT", "DISINHERIT")
                )
            ):
                self.diagnostics.error(
                    node.span, "Statement is only allowed in a CLASS module", "E-SYNTAX"
                )

    def check_function_key(self, node: A.Deffun) -> None:
        key = node.key
        if key is None:
            return
        negative = isinstance(key, A.Number) and (key.text or str(key.value))[0] == "-"
        if not isinstance(key, (A.Number, A.String)) or negative:
            self.diagnostics.error(
                key.span, "Expected function key after KEY", "E-SYNTAX"
            )
            node.key = None
        elif isinstance(key, A.String) and not key.value:
            self.diagnostics.error(
                key.span, "Function key cannot be a null string", "E-SYNTAX"
            )
            node.key = None

    def function_call(self, deffun: A.Deffun, node: A.Call) -> A.FunctionCall:
        """A call of a DEFFUN'd function (BCOMP: the argument count must
        match the DEFFUN unless it says VAR.ARGS). The DEFFUN's KEY goes
        first, after the hidden result argument: a routine serving several
        functions tells them apart by it."""
        args = list(node.args)
        if not deffun.var_args and len(args) != len(deffun.params):
            self.diagnostics.error(
                node.span, "Argument count mismatch in function call", "E-ARGS"
            )
        key = function_key(deffun.key)
        if key is not None:
            args.insert(0, key)
        return A.FunctionCall(
            deffun.name,
            args,
            deffun.target or deffun.name,
            deffun.local,
            span=node.span,
        )

    def common(self, node: A.Common, program: Program) -> None:
        names = program.common_blocks.setdefault(node.block, [])
        for entry in node.items:
            if isinstance(entry, A.Call):
                name, dims = entry.name, entry.args
            else:
                name, dims = entry.name, None
            if name in program.commons:
                continue
            program.commons[name] = CommonSlot(node.block, len(names), dims)
            names.append(name)

    # --- resolution ---------------------------------------------------------

    def resolve_routine(self, routine: Routine, program: Program, parent=None) -> None:
        self.routine = routine
        self.parent = parent
        self.local_names = {r.name for r in (parent or routine).children if r.local}
        self.first_scalar_use = self.scan_routine(routine)
        routine.body = transform(routine.body, self.resolve_node)
        self.collect_variables(routine, program, parent)

    def scan_routine(self, routine: Routine) -> dict[str, tuple[int, int]]:
        """Collect the routine's matrices (DIMmed names that are not CLASS
        variables, and matrix parameters) and return where each name is
        first used as a plain variable (line, column), in one walk."""
        persistent = self.program.klass.variables if self.program.klass else {}
        first: dict[str, tuple[int, int]] = {}
        for node in A.walk(routine.body):
            if isinstance(node, A.Var):
                here = (node.span.line, node.span.column)
                if here < first.get(node.name, (1 << 62, 0)):
                    first[node.name] = here
            elif isinstance(node, A.Dim):
                for name, dims in node.items:
                    if name not in persistent:
                        routine.matrices.setdefault(name, dims)
        for param in routine.params:
            if param.matrix:
                routine.matrices.setdefault(param.name, param.dims or [])
        return first

    def is_known_scalar(self, name: str, span) -> bool:
        """BCOMP: a name already seen as a plain variable stays one, so a
        "(" after it starts a format mask (``SENT(1)`` is ``SENT (1)``)."""
        if name in self.equates or name in self.routine.matrices:
            return False
        first = self.first_scalar_use.get(name)
        return first is not None and first < (span.line, span.column)

    def is_matrix(self, name: str) -> bool:
        if name in self.routine.matrices:
            return True
        klass = self.program.klass
        if klass is not None and name in klass.variables:
            return klass.variables[name].dims is not None
        if self.parent is not None and name in self.parent.matrices:
            return name not in {p.name for p in self.routine.params}
        slot = self.program.commons.get(name)
        return slot is not None and slot.dims is not None

    def resolve_node(self, node):
        if isinstance(node, A.Gosub) and node.label in self.local_names:
            # "GOSUB NAME" with no arguments calls a LOCAL SUBROUTINE.
            return A.GosubLocal(node.label, [], span=node.span)
        if isinstance(node, A.Var):
            if node.name == "ME" and self.program.klass is not None:
                return A.Me(span=node.span)  # BCOMP: ME is special in a CLASS
            return self.resolve_var(node)
        if isinstance(node, A.AtVar) and node.name in self.dialect.at_constants:
            return A.String(self.dialect.at_constants[node.name], span=node.span)
        if isinstance(node, A.Call):
            return self.resolve_call(node)
        return node

    def resolve_var(self, node: A.Var):
        value = self.equates.get(node.name)
        if value is None:
            return node
        if node.name in self.expanding:
            # "EQUATE X TO X + 1": the name would stand for itself forever.
            self.diagnostics.error(
                node.span, f"EQUATE {node.name} refers to itself", "E-SYNTAX"
            )
            return node
        seen = {node.name}
        while isinstance(value, A.Var) and value.name in self.equates:
            if value.name in seen:
                break
            seen.add(value.name)
            value = self.equates[value.name]
        self.expanding.append(node.name)
        try:
            resolved = transform(copy.deepcopy(value), self.resolve_node)
        finally:
            self.expanding.pop()
        if isinstance(resolved, A.Node):
            resolved.span = node.span
        return resolved

    def resolve_call(self, node: A.Call):
        name = node.name
        if name in self.equates and isinstance(self.equates[name], A.Var):
            name = self.equates[name].name
        if self.is_matrix(name):
            if not node.args:
                # BCOMP: "Matrix reference requires index" (M() is no element).
                self.diagnostics.error(
                    node.span, f"matrix {name} needs an index here", "E-MATRIX"
                )
            return A.Element(name, node.args, span=node.span)
        deffun = self.deffuns.get(name)
        if deffun is not None:
            return self.function_call(deffun, node)
        if name in self.dialect.functions:
            return self.dialect_call(name, node)
        if name in INTRINSIC_NAMES:
            call = A.Intrinsic(name, node.args, span=node.span)
            if name in _TRANS_FUNCTIONS:
                call = with_dict_keyword(call)
            call.semis = getattr(node, "semis", [])
            return call
        if len(node.args) == 1 and self.is_known_scalar(name, node.span):
            mask = node.args[0]
            return A.Fmt(
                A.Var(name, span=node.span),
                A.Paren(mask, span=mask.span),
                span=node.span,
            )
        return A.Element(name, node.args, span=node.span)

    def dialect_call(self, name: str, node: A.Call) -> A.Intrinsic:
        """A function the item's dialect adds (UniVerse sockets, D3 %names)."""
        library = self.dialect.functions[name].library
        if library and library not in self.program.cfunction_libraries:
            self.diagnostics.error(
                node.span, f"{name} needs a CFUNCTION {library} statement", "E-DIALECT"
            )
        return A.Intrinsic(name, node.args, span=node.span)

    # --- variables ---------------------------------------------------------

    def collect_variables(self, routine: Routine, program: Program, parent) -> None:
        own = dict.fromkeys(
            p.name for p in routine.params if not p.matrix and p.name != "..."
        )
        private = []
        # Each matrix takes its sizes from its first DIM as resolved (EQUATEs
        # expanded); a PRIVATE matrix is one too, unless DIMmed.
        dimmed = set(routine.matrices)
        seen: set[str] = set()
        for node in A.walk_statements(routine.body):
            if isinstance(node, A.Dim):
                for name, dims in node.items:
                    if name not in seen and name in dimmed:
                        routine.matrices[name] = dims
                    seen.add(name)
            elif isinstance(node, A.Private):
                for entry in node.names:
                    if isinstance(entry, A.Var):
                        private.append(entry.name)
                    elif isinstance(entry, A.Element):
                        routine.matrices.setdefault(entry.name, entry.indices)
        routine.private = private
        own.update(dict.fromkeys(private))
        shared: dict[str, None] = {}
        for node in A.walk(routine.body):
            name = None
            if isinstance(node, A.Var):
                name = node.name
            elif isinstance(node, (A.Remove,)):
                self.note_remove(routine, node.source)
            elif isinstance(node, A.Setrem):
                self.note_remove(routine, node.target)
            elif (
                isinstance(node, A.Intrinsic)
                and node.name in ("REMOVE", "GETREM")
                and node.args
            ):
                self.note_remove(routine, node.args[0])
            if name is None or name in program.commons or name == "...":
                continue
            if self.is_matrix(name):
                continue
            if program.klass is not None:
                if name in program.klass.variables:
                    continue
                if routine.local and name not in own:
                    program.klass.shared[name] = None
                    continue
            if parent is not None and name not in own and program.klass is None:
                shared[name] = None
            else:
                own[name] = None
        routine.variables = list(own)
        if parent is not None:
            for name in shared:
                if name not in parent.variables:
                    parent.variables.append(name)
            routine.remove_vars |= parent.remove_vars

    def note_remove(self, routine: Routine, target) -> None:
        if isinstance(target, A.Var):
            routine.remove_vars.add(target.name)

    def declared_matrices(self, main: Routine) -> set[str]:
        """The matrices every routine of the item may use."""
        declared = set(main.matrices) | {
            n for n, s in self.program.commons.items() if s.dims is not None
        }
        if self.program.klass is not None:
            declared |= set(self.program.klass.matrices())
        return declared

    def check_elements(self, main: Routine) -> None:
        """An element of a name no DIM names is an error (BCOMP)."""
        declared = self.declared_matrices(main)
        for routine in [main] + main.children:
            mats = declared | set(routine.matrices)
            # The names that stand for a whole matrix where BCOMP takes one:
            # the argument of INMAT() and of the internal-mode BTREE(),
            # SCAN() and SORTNEXT() (which take an array of keys), and the
            # matrix of MATREAD/MATWRITE. The walk meets a call or statement
            # before its arguments.
            whole: set[int] = set()
            for node in A.walk(routine.body):
                if isinstance(node, A.Intrinsic):
                    if node.name in _WHOLE_MATRIX_FUNCTIONS:
                        whole.update(id(arg) for arg in node.args)
                elif isinstance(node, A.FileStmt) and node.keyword.startswith(
                    ("MATREAD", "MATWRITE")
                ):
                    whole.update(id(arg) for arg in node.targets[:1] + node.args[:1])
                if (
                    isinstance(node, A.Var)
                    and node.name in mats
                    and id(node) not in whole
                ):
                    # BCOMP: "Matrix reference requires index". A matrix
                    # goes whole only to MAT statements, MAT arguments,
                    # MATREAD/MATWRITE and INMAT().
                    self.diagnostics.error(
                        node.span,
                        f"matrix {node.name} needs an index here",
                        "E-MATRIX",
                    )
                if isinstance(node, A.Element) and node.name not in mats:
                    self.diagnostics.error(
                        node.span,
                        f"{node.name} is not a function, and matrix {node.name} "
                        "is not referenced in a DIM statement",
                        "E-NO-DIM",
                    )
                    mats.add(node.name)


# Statements a CLASS module may have outside its routines.
_CLASS_DECLARATIONS = (
    A.ClassHeader,
    A.Public,
    A.Private,
    A.Common,
    A.Equate,
    A.Deffun,
    A.Directive,
    A.Null,
    A.End,
    A.ErrorStmt,
)

_NEEDS_THEN_ELSE = frozenset(
    """OPEN OPENPATH READ READL READU READV READVL READVU MATREAD MATREADL MATREADU
    READNEXT READLIST READSEQ OPENSEQ READBLK WRITESEQ WRITESEQF WRITEBLK SEEK CREATE
    DELETESEQ FLUSH NOBUF GETLIST SAVELIST STATUS""".split()
)


def _clause_keyword(node: A.Stmt) -> str | None:
    """The keyword of a statement that must have THEN or ELSE, else None."""
    if isinstance(node, A.FileStmt) and node.keyword in _NEEDS_THEN_ELSE:
        return node.keyword
    if isinstance(node, A.Locate):
        return "LOCATE"
    if isinstance(node, A.Find):
        return node.kind
    return None


def _matrix_operands(node: A.Stmt) -> list[str]:
    """Names a MAT statement needs to be matrices."""
    if isinstance(node, (A.MatFill, A.MatParse)):
        return [node.target]
    if isinstance(node, A.MatCopy):
        return [node.target, node.source]
    if isinstance(node, A.MatBuild):
        return [node.source]
    if isinstance(node, A.FileStmt) and node.keyword.startswith(
        ("MATREAD", "MATWRITE")
    ):
        operand = (
            node.targets[0] if node.keyword.startswith("MATREAD") else node.args[0]
        )
        return [operand.name] if isinstance(operand, A.Var) else []
    return []


_WHOLE_MATRIX_FUNCTIONS = frozenset({"INMAT", "BTREE", "SCAN", "SORTNEXT"})


def resolve(
    item: A.Item,
    diagnostics: Diagnostics,
    dialect: dialects.Dialect = dialects.SCARLETDME,
) -> Program:
    """Resolve names in a parsed item, in the dialect the lexer chose."""
    return Resolver(item, diagnostics, dialect).run()


# TRANS(DICT "F", id, f, code): BCOMP takes a leading DICT in the file
# argument as a keyword and prefixes "DICT " to the expression after it. The
# grammar reads `DICT "F"` as format juxtaposition instead, so the argument
# arrives as Fmt(Var("DICT"), expr) at its left end (Fmt binds tighter than
# ":", so `DICT "A":B` is Concat(Fmt(DICT, "A"), B)). with_dict_keyword()
# puts BCOMP's reading back: Concat("DICT ", expr).
_TRANS_FUNCTIONS = frozenset({"TRANS", "XLATE", "RTRANS"})


def _without_dict(node: A.Expr) -> Optional[A.Expr]:
    """The file argument without its leading DICT keyword, or None."""
    if isinstance(node, A.Fmt):
        if isinstance(node.value, A.Var) and node.value.name.upper() == "DICT":
            return node.mask
        inner = _without_dict(node.value)
        return None if inner is None else replace(node, value=inner)
    if isinstance(node, A.Concat) and node.parts:
        inner = _without_dict(node.parts[0])
        return None if inner is None else replace(node, parts=[inner, *node.parts[1:]])
    return None


def with_dict_keyword(node: A.Intrinsic) -> A.Intrinsic:
    """TRANS/XLATE/RTRANS with ``DICT expr`` read as BCOMP reads it."""
    if not node.args:
        return node
    name = _without_dict(node.args[0])
    if name is None:
        return node
    file = A.Concat(
        parts=[A.String("DICT ", span=node.args[0].span), name], span=node.args[0].span
    )
    return replace(node, args=[file, *node.args[1:]])


def function_key(key: Optional[A.Expr]) -> Optional[A.Expr]:
    """The value a DEFFUN's KEY passes: digits as a number, else a string
    (BCOMP emit of functions<4>)."""
    if key is None:
        return None
    if isinstance(key, A.String):
        text = key.value
    else:
        text = key.text or str(key.value)
    if text.isdigit():
        return A.Number(int(text), text, span=key.span)
    return A.String(text, span=key.span)
