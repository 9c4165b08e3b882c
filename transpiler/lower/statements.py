"""Lowering BASIC statements to Python statements.

``StmtLowerer.lower_<Node>`` handles one AST statement class and returns a
list of libcst statements. Statements with THEN/ELSE/LOCKED/ON ERROR
clauses call their runtime function, which returns an outcome code, and
then branch on it. Control flow (IF, CASE, loops, jumps, GOSUB, RETURN,
STOP) is in :mod:`.controlflow`, database and sequential-file statements
in :mod:`.filestmts`, terminal and printer statements in
:mod:`.terminalstmts`.
"""

from __future__ import annotations

import weakref
from typing import Optional

import libcst as cst

from transpiler import ast as A
from transpiler.lower import pybuild as P
from transpiler.keywords import WRITABLE_AT_VARIABLES
from transpiler.lower.controlflow import ControlFlowStatements
from transpiler.lower.expressions import ExprLowerer
from transpiler.lower.filestmts import FileStatements
from transpiler.lower.terminalstmts import TerminalStatements
from transpiler.lower.scope import Scope
from transpiler.passes import types as T

_OP_FUNCTIONS = {"+=": "add", "-=": "sub", "*=": "mul", "/=": "div", ":=": "cat"}
_MODE_CLAUSES = ("on_error", "locked", "then", "else_")
# Statements that make no code (their lower_ methods give nothing).
_NO_CODE = frozenset([A.Null, A.Label, A.Directive, A.Equate, A.Deffun])
_OUTCOMES = {
    "then": "THEN",
    "else_": "ELSE",
    "locked": "LOCKED",
    "on_error": "ON_ERROR",
}


class StmtLowerer(ControlFlowStatements, TerminalStatements, FileStatements):
    """Lowers the statements of one function (main part or section)."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self.exprs = ExprLowerer(scope)
        # A weak reference: a strong one would make a cycle through the
        # scope that keeps the item's whole tree alive until the cyclic
        # collector traverses it (a million objects over GPL.BP).
        scope.statement_lowerer = weakref.proxy(self)
        self.in_section = False
        self.loop_stack: list[dict] = []  # innermost last: {"kind", "next"}
        self.current: A.Node = A.Null()  # the statement being lowered
        self.pending_comments: list[str] = []  # of lines that made no code

    # --- helpers ---------------------------------------------------------------

    def value(self, node: A.Expr) -> cst.BaseExpression:
        return self.exprs.value(node)

    def condition(self, node: A.Expr) -> cst.BaseExpression:
        return self.exprs.condition(node)

    def body(self, stmts: list[A.Stmt]) -> list[cst.BaseStatement]:
        """Lower a statement list. Lines that produce no code (declarations,
        labels) keep their comments, which go on the next statement."""
        out: list[cst.BaseStatement] = []
        saved = self.pending_comments
        self.pending_comments = []
        for stmt in stmts:
            out.extend(self.statement(stmt))
        if self.pending_comments:
            out.append(P.with_comments(P.pass_(), self.pending_comments))
        self.pending_comments = saved
        return out

    def statement(self, stmt: A.Stmt) -> list[cst.BaseStatement]:
        if type(stmt) in _NO_CODE:
            # Only comments, which go on the next statement: most statements
            # of a large item are the $DEFINEs and EQUATEs of its includes.
            self.current = stmt
            self.pending_comments.extend(self.scope.line_comments(stmt.span))
            return []
        saved = self.scope.hoisted
        self.scope.hoisted = []
        self.current = stmt
        comments = self.scope.line_comments(stmt.span)
        method = getattr(self, "lower_" + type(stmt).__name__, None)
        if method is None:
            self.scope.unsupported(stmt, f"{type(stmt).__name__} statements")
            lowered: list[cst.BaseStatement] = []
        else:
            lowered = method(stmt)
        lowered = self.scope.hoisted + lowered
        self.scope.hoisted = saved
        comments = self.pending_comments + comments
        if not lowered:
            self.pending_comments = comments
            return []
        self.pending_comments = []
        lowered[0] = P.with_comments(lowered[0], comments)
        return lowered

    def rt(
        self,
        function: str,
        *args,
        node: Optional[A.Node] = None,
        what: str = "",
        **kwargs,
    ) -> list[cst.BaseStatement]:
        """A statement calling a runtime function, or an E-UNSUPPORTED
        diagnostic if the runtime does not have it yet."""
        if not self.scope.runtime_has(function):
            keyword = function.rstrip("_").upper().replace("_", ".")
            self.scope.unsupported(
                node or self.current, what or f"the {keyword} statement"
            )
            return []
        return [P.expr_stmt(P.rt_call(function, *args, **kwargs))]

    def optional(self, node: Optional[A.Expr]) -> cst.BaseExpression:
        return self.value(node) if node is not None else P.none()

    # --- assignment ------------------------------------------------------------

    def assign_to(
        self, target: A.Expr, value: cst.BaseExpression
    ) -> list[cst.BaseStatement]:
        """Statements that store a value in any BASIC target."""
        if isinstance(target, A.Var):
            if self.scope.is_matrix(target.name):
                self.scope.error(
                    target, f"matrix {target.name} needs an index here", "E-MATRIX"
                )
                return []
            return self.scope.write_var(target.name, value)
        if isinstance(target, A.Element):
            indices = [self.value(i) for i in target.indices]
            return [
                P.assign(
                    P.subscript(self.scope.matrix(target.name, target), *indices), value
                )
            ]
        if isinstance(target, A.AtVar):
            internal = self.scope.module.program.internal  # $INTERNAL may write any
            if target.name not in WRITABLE_AT_VARIABLES and not internal:
                self.scope.error(
                    target, f"@{target.name} cannot be assigned", "E-TARGET"
                )
                return []
            return self.rt("at_set", P.string(target.name), value)
        if isinstance(target, A.Extract):
            held = self.exprs.split_array(target.base)
            current = self.value(target.base) if held is None else None
            positions = [
                self.value(p) if p is not None else P.number(0)
                for p in (target.field_no, target.value_no, target.subvalue_no)
            ]
            if held is not None:
                mode = self.exprs.append_mode()
                if target.value_no is None and target.subvalue_no is None:
                    field = self.exprs.kind(target.field_no)
                    if field.is_int and field.hi < 0:
                        call = P.call(P.attr(held, "append"), value, **mode)
                    else:
                        call = P.call(P.attr(held, "set"), positions[0], value, **mode)
                else:
                    call = P.call(P.attr(held, "replace"), *positions, value, **mode)
                return [P.expr_stmt(call)]
            call = P.rt_call(
                "replace", current, *positions, value, **self.exprs.append_mode()
            )
            return self.assign_to(target.base, call)
        if isinstance(target, A.Substr):
            current = self.value(target.base)
            args = [self.value(a) for a in target.args]
            if len(args) == 2:
                function = self.substring_assign_function()
                return self.assign_to(
                    target.base, P.rt_call(function, current, *args, value)
                )
            if len(args) == 3:
                return self.assign_to(
                    target.base, P.rt_call("group_assign", current, *args, value)
                )
            self.scope.error(
                target, "a substring assignment needs a start and a length", "E-SYNTAX"
            )
            return []
        self.scope.error(target, "this cannot be assigned to", "E-TARGET")
        return []

    def substring_assign_function(self) -> str:
        if self.scope.mode("PICK.SUBSTR.ASSIGN"):
            return "substr_assign_pick_full"
        if self.scope.mode("PICK.SUBSTR"):
            return "substr_assign_pick"
        return "substr_assign"

    def lower_Assign(self, node: A.Assign) -> list[cst.BaseStatement]:
        native = self.native_assign(node)
        if native is not None:
            return native
        if node.op == "=":
            value = self.value(node.value)
            if isinstance(node.target, (A.Var, A.Element)) and (
                self.may_copy_select_list(node.value)
            ):
                value = P.rt_call("stored_copy", value)
            return self.assign_to(node.target, value)
        current = self.value(node.target)
        value = self.value(node.value)
        return self.assign_to(
            node.target, P.rt_call(_OP_FUNCTIONS[node.op], current, value)
        )

    def call_argument(self, arg: A.Expr) -> cst.BaseExpression:
        """A CALL argument. A variable in brackets is passed by value (BCOMP
        adds OP.VALUE), so a select list variable passed so reads from the
        top in the routine and the caller's stays where it was."""
        value = self.value(arg)
        if isinstance(arg, A.Paren) and self.may_copy_select_list(arg):
            return P.rt_call("stored_copy", value)
        return value

    def may_copy_select_list(self, value: A.Expr) -> bool:
        """Could ``X = value`` copy a select list variable? Only a variable
        or matrix element the types pass did not prove a string or number
        can hold one; its copy must read from the top (``rt.stored_copy``)."""
        while isinstance(value, A.Paren):
            value = value.value
        if isinstance(value, A.Var) and self.scope.is_matrix(value.name):
            return False
        if not isinstance(value, (A.Var, A.Element)):
            return False
        kind = self.exprs.kind(value)
        return not (kind.is_str or kind.is_number)

    def native_assign(self, node: A.Assign) -> Optional[list[cst.BaseStatement]]:
        """Arithmetic and concatenation into a local variable with Python's
        operators, when the types pass proved the operands numbers (or a
        string and what joins it natively)::

            TOTAL += I
            if type(TOTAL) is int and not -2147483648 <= TOTAL <= 2147483647:
                TOTAL = float(TOTAL)

        The test is BASIC's 32-bit overflow rule: an integer result that
        leaves 32 bits becomes a float (op_arith.c); it is left out when
        the result surely fits. ``S := X`` becomes ``S += X``, which CPython
        extends in place instead of copying S.
        """
        target = node.target
        if not isinstance(target, A.Var) or not self.is_local_variable(target.name):
            return None
        exprs = self.exprs
        if node.op == ":=":
            if not exprs.kind(target).is_str:
                return None
            kind = exprs.kind(node.value)
            if kind.is_str:
                code = exprs.value(node.value)
            elif kind.is_int:
                code = P.call("str", exprs.value(node.value))
            else:
                return None
            return self.augmented(target.name, "+", code)
        if node.op == "=":
            code = exprs.native_arith(node.value)
            if code is None:
                return None
            out = self.scope.write_var(target.name, code)
            result = exprs.kind(node.value)
        elif node.op in ("+=", "-=", "*="):
            current, value = exprs.kind(target), exprs.kind(node.value)
            if not (current.is_number and value.is_number):
                return None
            out = self.augmented(
                target.name, node.op[0], exprs.plain(exprs.lower(node.value))
            )
            result = T.arith(node.op[0], current, value)
        else:
            return None
        if not result.is_int:
            out.insert(1, self.overflow_guard(target.name, result))
        return out

    def is_local_variable(self, name: str) -> bool:
        return self.scope.is_local_name(name)

    def augmented(self, name: str, op: str, value: cst.BaseExpression) -> list:
        """``X op= value`` for a local variable (and its REMOVE pointer reset)."""
        py = self.scope.namer[name]
        stmts = self.scope.write_var(name, P.name(py))  # records the write
        operator = {
            "+": cst.AddAssign,
            "-": cst.SubtractAssign,
            "*": cst.MultiplyAssign,
        }[op]
        stmts[0] = P.line(
            cst.AugAssign(target=P.name(py), operator=operator(), value=value)
        )
        return stmts

    def overflow_guard(self, name: str, result: T.Kind) -> cst.If:
        """``if type(X) is int and not -2147483648 <= X <= 2147483647:``
        ``X = float(X)``: the type test first, because comparing a float
        with those (two-digit) Python ints costs several times more.

        A result known not to pass one end of 32 bits (``D += 1`` of a
        counter from 2) is tested at the other end only,
        ``if type(D) is int and D > 2147483647:``, a third faster.
        """
        py = P.name(self.scope.namer[name])
        if result.lo >= T.INT32_MIN:
            out_of_range = cst.Comparison(
                left=py,
                comparisons=[
                    cst.ComparisonTarget(
                        operator=cst.GreaterThan(), comparator=P.number(T.INT32_MAX)
                    )
                ],
            )
        elif result.hi <= T.INT32_MAX:
            out_of_range = cst.Comparison(
                left=py,
                comparisons=[
                    cst.ComparisonTarget(
                        operator=cst.LessThan(), comparator=P.number(T.INT32_MIN)
                    )
                ],
            )
        else:
            in_range = cst.Comparison(
                left=P.number(T.INT32_MIN),
                comparisons=[
                    cst.ComparisonTarget(operator=cst.LessThanEqual(), comparator=py),
                    cst.ComparisonTarget(
                        operator=cst.LessThanEqual(), comparator=P.number(T.INT32_MAX)
                    ),
                ],
            )
            out_of_range = cst.UnaryOperation(cst.Not(), in_range)
        is_int = P.compare(P.call("type", py), "is", P.name("int"))
        test = cst.BooleanOperation(left=is_int, operator=cst.And(), right=out_of_range)
        return P.if_(test, [P.assign(py, P.call("float", py))])

    # --- simple statements -------------------------------------------------------

    def lower_Null(self, node) -> list:
        return []

    def lower_Label(self, node) -> list:
        return []

    def lower_Directive(self, node) -> list:
        return []

    def lower_Equate(self, node) -> list:
        return []

    def lower_Deffun(self, node) -> list:
        return []

    def lower_Header(self, node) -> list:
        return []

    def lower_Common(self, node: A.Common) -> list:
        return []

    def lower_Private(self, node) -> list:
        return []

    def lower_ErrorStmt(self, node) -> list:
        return []

    def lower_Public(self, node: A.Public) -> list:
        return []  # declared by the class (lower/classes.py)

    def lower_ObjectStmt(self, node: A.ObjectStmt) -> list:
        """``OBJ->NAME(args) = value`` or ``OBJ->NAME(args)``: set a property
        or run a method; the arguments are passed by reference, the value
        is not (BCOMP emits VALUE for it)."""
        target = node.target
        args = list(target.args or [])
        values = [self.value(a) for a in args]
        if node.value is not None:
            values.append(self.value(node.value))
        call = P.rt_call(
            "set_property",
            self.value(target.base),
            P.string(target.name.upper()),
            *values,
        )
        return self.by_reference(args, call)

    def lower_Generic(self, node: A.Generic) -> list:
        self.scope.unsupported(node, f"the {node.keyword} statement")
        return []

    def lower_Void(self, node: A.Void) -> list:
        return [P.expr_stmt(self.value(node.value))]

    def lower_Dim(self, node: A.Dim) -> list:
        # Every matrix is made when its routine starts; DIM itself resizes
        # it when the sizes differ and sets INMAT() to 0 (op_array.c
        # a_dimension). BCOMP ignores a DIM of an argument matrix.
        out = []
        params = {p.name for p in self.scope.routine.params}
        commons = self.scope.commons()
        for name, dims in node.items:
            if name in params:
                continue
            if name in commons and all(isinstance(d, A.Number) for d in dims):
                continue
            target = self.scope.matrix(name, node)
            out.append(
                P.expr_stmt(
                    P.call(P.attr(target, "redim"), *[self.value(d) for d in dims])
                )
            )
        return out

    def lower_MatFill(self, node: A.MatFill) -> list:
        target = self.scope.matrix(node.target, node)
        return [P.expr_stmt(P.call(P.attr(target, "fill"), self.value(node.value)))]

    def lower_MatCopy(self, node: A.MatCopy) -> list:
        target = self.scope.matrix(node.target, node)
        source = self.scope.matrix(node.source, node)
        return [P.expr_stmt(P.call(P.attr(target, "copy_from"), source))]

    def lower_MatParse(self, node: A.MatParse) -> list:
        target = self.scope.matrix(node.target, node)
        args = [self.value(node.source)]
        if node.delim is not None:
            args.append(self.value(node.delim))
        return [P.expr_stmt(P.call(P.attr(target, "parse_from"), *args))]

    def lower_MatBuild(self, node: A.MatBuild) -> list:
        source = self.scope.matrix(node.source, node)
        args = [self.optional(node.start), self.optional(node.end)]
        if node.delim is not None:
            args.append(self.value(node.delim))
        return self.assign_to(node.target, P.call(P.attr(source, "build"), *args))

    _SIMPLE = {
        "CLEARDATA": "cleardata",
        "CLEARINPUT": "clearinput",
        "INPUTCLEAR": "clearinput",
        "PRECISION": "precision",
        "RANDOMIZE": "randomize",
        "SLEEP": "sleep",
        "RQM": "sleep",
        "NAP": "nap",
        "PROMPT": "prompt",
        "INPUTERR": "inputerr",
        "PRINTERR": "printerr",
        "LOGMSG": "logmsg",
        "SET.EXIT.STATUS": "set_exit_status",
        "DEBUG": None,
        "PAUSE": "pause",
        "WAKE": "wake",
        "CLOSE.SOCKET": "close_socket",
        "CLOSE.SECURE.SOCKET": "close_secure_socket",
        "ERRMSG": "errmsg",
        "DELETELIST": "deletelist",
        "TIMEOUT": "timeout",
        "SETNLS": "setnls",
        "SET.ARG": None,
        "SETPU": "setpu",
        "CLEARCOMMON": "clearcommon",
        "TCLREAD": None,
        "TTYSET": "ttyset",
        "RESTORE.SCREEN": "restore_screen",
    }

    def lower_SimpleStmt(self, node: A.SimpleStmt) -> list:
        if node.keyword == "CLEAR":
            return self.lower_clear(node)
        if node.keyword == "SET.ARG":
            return self.lower_set_arg(node)
        if node.keyword in ("INHERIT", "DISINHERIT"):
            if len(node.args) != 1:
                self.scope.error(node, f"{node.keyword} needs one object", "E-ARGS")
                return []
            function = node.keyword.lower()
            return self.rt(function, P.name("self"), self.value(node.args[0]))
        if node.keyword in ("KEYEDIT", "KEYEXIT", "KEYTRAP"):
            return self.lower_keyedit(node)
        if node.keyword == "TCLREAD":
            if len(node.args) != 1:
                self.scope.error(node, "TCLREAD needs one variable", "E-ARGS")
                return []
            return self.assign_to(node.args[0], P.rt_call("tclread"))
        function = self._SIMPLE.get(node.keyword)
        if function is None or not self.scope.runtime_has(function):
            self.scope.unsupported(node, f"the {node.keyword} statement")
            return []
        return self.rt(function, *[self.value(a) for a in node.args])

    def lower_set_arg(self, node: A.SimpleStmt) -> list:
        """SET.ARG n, value: assign argument n of the routine (BCOMP
        st.set.arg). A named parameter is assigned as a variable; the
        unnamed arguments of a VAR.ARGS routine are kept in ``_args``."""
        if len(node.args) != 2:
            self.scope.error(node, "SET.ARG needs a number and a value", "E-ARGS")
            return []
        position, value = node.args
        params = [p for p in self.scope.routine.params if p.name != "..."]
        if isinstance(position, A.Number) and isinstance(position.value, int):
            n = position.value
            if 1 <= n <= len(params) and not params[n - 1].matrix:
                return self.scope.write_var(params[n - 1].name, self.value(value))
        args = P.name("_args") if self.scope.routine.var_args else P.tuple_([])
        return self.rt(
            "set_arg",
            args,
            self.value(position),
            self.value(value),
            P.number(len(params)),
        )

    def lower_clear(self, node) -> list:
        """CLEAR: every variable of the routine becomes 0 (ScarletDME)."""
        out: list = []
        for name in self.scope.routine.variables:
            out += self.scope.write_var(name, P.number(0))
        for name in self.scope.routine.matrices:
            out.append(
                P.expr_stmt(P.call(P.attr(self.scope.matrix(name, node), "clear")))
            )
        return out

    # --- dynamic arrays and strings --------------------------------------------

    def lower_Del(self, node: A.Del) -> list:
        target = node.target
        if not isinstance(target, A.Extract):
            self.scope.error(
                node, "DEL needs a field reference such as X<1>", "E-SYNTAX"
            )
            return []
        positions = [
            self.value(p) if p is not None else P.number(0)
            for p in (target.field_no, target.value_no, target.subvalue_no)
        ]
        held = self.exprs.split_array(target.base)
        if held is not None:
            return [P.expr_stmt(P.call(P.attr(held, "delete"), *positions))]
        return self.assign_to(
            target.base, P.rt_call("delete", self.value(target.base), *positions)
        )

    def lower_Ins(self, node: A.Ins) -> list:
        target = node.target
        if not isinstance(target, A.Extract):
            self.scope.error(
                node, "INS needs a field reference such as X<1>", "E-SYNTAX"
            )
            return []
        positions = [
            self.value(p) if p is not None else P.number(0)
            for p in (target.field_no, target.value_no, target.subvalue_no)
        ]
        held = self.exprs.split_array(target.base)
        if held is not None:
            call = P.call(
                P.attr(held, "insert"),
                *positions,
                self.value(node.value),
                **self.exprs.append_mode(),
            )
            return [P.expr_stmt(call)]
        call = P.rt_call(
            "insert",
            self.value(target.base),
            *positions,
            self.value(node.value),
            **self.exprs.append_mode(),
        )
        return self.assign_to(target.base, call)

    def lower_ConvertStmt(self, node: A.ConvertStmt) -> list:
        call = P.rt_call(
            "convert",
            self.value(node.from_chars),
            self.value(node.to_chars),
            self.value(node.target),
        )
        return self.assign_to(node.target, call)

    def lower_Locate(self, node: A.Locate) -> list:
        found = self.scope.temp()
        pos = self.scope.temp()
        order = self.optional(node.order) if node.order is not None else P.string("")
        item = self.value(node.item)
        if node.pick_form:
            source = self.value(node.source)
            where = [self.value(p) for p in node.positions]
            call = P.rt_call("locate_pick", item, source, *where)
            call = call.with_changes(
                args=list(call.args)
                + [
                    cst.Arg(
                        value=order,
                        keyword=P.name("order"),
                        equal=P.KEYWORD_EQUAL,
                    )
                ]
            )
        elif self.scope.mode("UV.LOCATE"):
            call = self.uv_locate(node, item, order)
        else:
            source = node.source
            if not isinstance(source, A.Extract):
                self.scope.error(
                    node,
                    "LOCATE needs a field reference such as X<1> "
                    "(or $MODE UV.LOCATE)",
                    "E-SYNTAX",
                )
                return []
            positions = [
                self.value(p) if p is not None else P.number(0)
                for p in (source.field_no, source.value_no, source.subvalue_no)
            ]
            kwargs = (
                {"numeric": P.name("False")} if self.scope.mode("STRING.LOCATE") else {}
            )
            held = self.exprs.split_array(source.base)
            if held is not None:
                call = P.call(P.attr(held, "locate"), item, *positions, order, **kwargs)
            else:
                call = P.rt_call(
                    "locate_stmt",
                    item,
                    self.value(source.base),
                    *positions,
                    order,
                    **kwargs,
                )
        out = [P.assign([found, pos], call)]
        out += self.assign_to(node.setting, P.name(pos))
        out += self.clauses_on_bool(found, node.clauses)
        return out

    def uv_locate(self, node: A.Locate, item, order):
        source = node.source
        f = v = P.none()
        if isinstance(source, A.Extract):
            base = self.value(source.base)
            f = self.value(source.field_no)
            if source.value_no is not None:
                v = self.value(source.value_no)
        else:
            base = self.value(source)
        start = self.value(node.start) if node.start is not None else P.number(1)
        return P.rt_call("locate_pick", item, base, f, v, order, start)

    def clauses_on_bool(self, flag: str, clauses: A.Clauses) -> list:
        then = self.clause_body(clauses.then)
        orelse = self.clause_body(clauses.else_)
        if clauses.then is not None:
            return [
                P.if_(P.name(flag), then, orelse if clauses.else_ is not None else None)
            ]
        if clauses.else_ is not None:
            return [P.if_(P.not_(P.name(flag)), orelse)]
        return []

    def clause_body(self, clause: Optional[A.Clause]) -> list:
        if clause is None:
            return []
        return self.body(clause.body)

    def lower_Find(self, node: A.Find) -> list:
        result = self.scope.temp()
        args = [self.value(node.item), self.value(node.source)]
        if node.occurrence is not None:
            args.append(self.value(node.occurrence))
        out = [P.assign(result, P.rt_call(node.kind.lower(), *args))]
        # Positions are set only when the item is found (b2_find_findstr).
        found_body: list = []
        for i, target in enumerate(node.settings[:3]):
            found_body += self.assign_to(
                target, P.subscript(P.name(result), P.number(i + 1))
            )
        flag = P.subscript(P.name(result), P.number(0))
        then = found_body + self.clause_body(node.clauses.then)
        orelse = self.clause_body(node.clauses.else_)
        out.append(P.if_(flag, then, orelse if node.clauses.else_ else None))
        return out

    def lower_Remove(self, node: A.Remove) -> list:
        item, delim = self.scope.temp(), self.scope.temp()
        if isinstance(node.source, A.Element):
            # A matrix element keeps its own pointer, in the matrix.
            call = self.exprs.element_method(node.source, "remove")
            out = [P.assign([item, delim], call)]
        elif isinstance(node.source, A.Var):
            pointer = self.scope.touch_pointer(node.source.name)
            call = P.rt_call("remove", self.value(node.source), P.name(pointer))
            out = [P.assign([item, delim, pointer], call)]
        else:
            self.scope.error(node, "REMOVE needs a variable to remove from", "E-SYNTAX")
            return []
        out += self.assign_to(node.target, P.name(item))
        out += self.assign_to(node.delim, P.name(delim))
        return out

    def lower_Setrem(self, node: A.Setrem) -> list:
        if isinstance(node.target, A.Element):
            position = self.value(node.position)
            return [
                P.expr_stmt(self.exprs.element_method(node.target, "setrem", position))
            ]
        if not isinstance(node.target, A.Var):
            self.scope.error(node, "SETREM needs a variable", "E-SYNTAX")
            return []
        pointer = self.scope.touch_pointer(node.target.name)
        call = P.rt_call(
            "setrem",
            self.value(node.target),
            self.value(node.position),
            P.name(pointer),
        )
        return [P.assign(pointer, call)]

    def lower_Dparse(self, node: A.Dparse) -> list:
        """DPARSE, DPARSE.CSV and INPUTCSV: the runtime splits, the targets take the parts."""
        count = P.number(len(node.targets))
        if node.kind == "INPUTCSV":
            split = P.rt_call("inputcsv", count)
        else:
            function = "dparse_csv" if node.kind == "DPARSE.CSV" else "dparse"
            source, delim = self.value(node.source), self.value(node.delim)
            split = P.rt_call(function, source, delim, count)
        parts = self.scope.temp()
        out = [P.assign(parts, split)]
        for i, target in enumerate(node.targets):
            out += self.assign_to(target, P.subscript(P.name(parts), P.number(i)))
        return out

    # --- calls --------------------------------------------------------------------

    def by_reference(
        self, args: list[A.Expr], call: cst.BaseExpression, unpack: bool = False
    ) -> list:
        """Call, then store what the callee left in its arguments back in the
        caller's variables (BASIC passes variables by reference). ``unpack``:
        the call returns exactly one value per argument, as the routine
        ``rt.call_target`` gives does."""
        targets = list(args)
        assignable = [self.is_assignable(a) for a in targets]
        if not any(assignable):
            return [P.expr_stmt(call)]
        kept = self.scope.keep_pointers(targets)
        try:
            unpacked = self.unpacked(targets, assignable, call) if unpack else None
            if unpacked is not None:
                return kept + unpacked + self.scope.collect_pointers()
            result = self.scope.temp()
            out = kept + [P.assign(result, call)]
            for i, (arg, ok) in enumerate(zip(targets, assignable)):
                if ok:
                    value = P.subscript(P.name(result), P.number(i))
                    out += self.assign_to(arg, value)
            return out + self.scope.collect_pointers()
        finally:
            self.scope.kept_pointers.clear()

    def unpacked(
        self, args: list[A.Expr], assignable: list[bool], call: cst.BaseExpression
    ) -> Optional[list]:
        """``TOTAL, I = rt.call_target("ADD.TO", 2)(TOTAL, I)``: the values stored back
        by one tuple assignment (``_`` for an argument that is not a
        variable), which Python runs faster than a temporary and a subscript
        per argument; None if some argument cannot be a target. The stores
        happen left to right, as the subscripted ones do."""
        targets: list = []
        after: list = []
        for arg, ok in zip(args, assignable):
            found = self.unpacking_target(arg) if ok else None
            if ok and found is None:
                return None
            targets.append(found[0] if found else P.name("_"))
            after += found[1] if found else []
        if len(targets) == 1:
            call = P.subscript(call, P.number(0))
        return [P.assign(targets, call)] + after

    def is_assignable(self, node: A.Expr) -> bool:
        if isinstance(node, A.Var):
            return not self.scope.is_matrix(node.name)
        return isinstance(node, A.Element)

    def unpacking_target(self, node: A.Expr) -> Optional[tuple]:
        """Where an argument passed by reference can be stored in a tuple
        assignment (``_t1, A, B = ...``), with the statements to run after
        it; None if it cannot be one of the targets."""
        if isinstance(node, A.Var) and not self.scope.is_matrix(node.name):
            stmts = self.scope.write_var(node.name, P.none())
        elif isinstance(node, A.Element):
            stmts = self.assign_to(node, P.none())
        else:
            return None
        first = stmts[0].body[0] if stmts else None
        if not isinstance(first, cst.Assign) or len(first.targets) != 1:
            return None
        return first.targets[0].target, stmts[1:]

    def lower_CallStmt(self, node: A.CallStmt) -> list:
        args = [self.call_argument(a) for a in node.args]
        if node.indirect:
            target = self.scope.read_var(node.name, node)
        else:
            target = P.string(node.name)
        if node.keyword == "ENTER" and self.scope.mode("PICK.ENTER"):
            # BCOMP st.enter: a Pick-style ENTER takes no arguments and does
            # not come back; without the mode ENTER is CALL.
            if node.args:
                self.scope.error(
                    node.args[0], "unexpected text after ENTER", "E-SYNTAX"
                )
                return []
            return self.rt("enter", target)
        routine = P.rt_call("call_target", target, P.number(len(args)))
        return self.by_reference(node.args, P.call(routine, *args), unpack=True)

    def lower_GosubLocal(self, node: A.GosubLocal) -> list:
        args = [self.value(a) for a in node.args]
        call = self.scope.call_local_function(node.name, args)
        return self.by_reference(node.args, call)

    def lower_Execute(self, node: A.Execute) -> list:
        """EXECUTE cmd with its clauses (BCOMP st.execute).

        ``PASSLIST var`` moves a select list variable into list 0 for the
        command and leaves the variable unassigned; a bare PASSLIST is
        ignored, as list 0 is passed anyway. ``RTNLIST var`` gets list 0
        back as a select list variable. CURRENT.LEVEL is internal-mode only.
        """
        options = node.options
        kwargs = {}
        if "CAPTURING" in options:
            kwargs["capture"] = P.name("True")
        if options.get("TRAPPING"):
            kwargs["trap_aborts"] = P.name("True")
        if "CURRENT_LEVEL" in options:
            if not self.scope.module.program.internal:
                self.scope.error(
                    node, "CURRENT.LEVEL is only allowed in internal mode", "E-SYNTAX"
                )
                return []
            self.scope.unsupported(node, "EXECUTE ... CURRENT.LEVEL")
        passed = options.get("PASSLIST")
        if isinstance(passed, A.Expr):
            if not self.is_assignable(passed):
                self.scope.error(passed, "PASSLIST needs a variable", "E-SYNTAX")
                return []
            kwargs["passlist"] = self.value(passed)
            kwargs["passlist_name"] = P.string(passed.name)
        returned = options.get("RTNLIST")
        if returned is not None:
            if not isinstance(returned, A.Expr):
                self.scope.error(node, "RTNLIST needs a variable", "E-SYNTAX")
                return []
            kwargs["rtnlist"] = P.name("True")
        result = self.scope.temp()
        out = [
            P.assign(result, P.rt_call("execute", self.value(node.command), **kwargs))
        ]
        if isinstance(passed, A.Expr):
            marker = self.scope.module.unassigned_tuple([passed.name])
            out += self.assign_to(passed, P.subscript(P.name(marker), P.number(0)))
        if "CAPTURING" in options:
            out += self.assign_to(options["CAPTURING"], P.attr(result, "output"))
        if returned is not None:
            out += self.assign_to(returned, P.attr(result, "select_list"))
        for key in ("RETURNING", "SETTING"):
            if key in options:
                out += self.assign_to(options[key], P.attr(result, "return_code"))
        return out

    def lower_Chain(self, node: A.Chain) -> list:
        return self.rt("chain", self.value(node.command))

    def lower_OsExecute(self, node: A.OsExecute) -> list:
        call = P.rt_call(
            "os_execute",
            self.value(node.command),
            capture=P.name("True" if node.capturing is not None else "False"),
        )
        if node.capturing is None:
            return [P.expr_stmt(call)]
        return self.assign_to(node.capturing, call)

    def lower_TransactionBlock(self, node: A.TransactionBlock) -> list:
        """BEGIN TRANSACTION ... END TRANSACTION.

        COMMIT or ROLLBACK inside the block ends it (BCOMP jumps past END
        TRANSACTION); reaching END TRANSACTION without either rolls back.
        The block is a one-pass ``while`` loop so that either can ``break``.
        """
        self.loop_stack.append({"kind": "TRANSACTION"})
        body = self.body(node.body)
        self.loop_stack.pop()
        body += self.rt("transaction_abort") + [P.break_()]
        return self.rt("transaction_start") + [P.while_(P.name("True"), body)]

    def in_transaction_block(self) -> bool:
        return bool(self.loop_stack) and self.loop_stack[-1]["kind"] == "TRANSACTION"

    def transaction_end(self, node, lowered: list) -> list:
        """COMMIT/ROLLBACK: inside BEGIN TRANSACTION they leave the block."""
        if any(l["kind"] == "TRANSACTION" for l in self.loop_stack):
            if not self.in_transaction_block():
                self.scope.unsupported(
                    node, "COMMIT or ROLLBACK inside a loop in a transaction"
                )
                return lowered
            return lowered + [P.break_()]
        return lowered
