"""Lowering control flow: IF, CASE, LOOP, FOR, GOTO, GOSUB, ON GOTO,
RETURN, END, STOP, ABORT and EXIT.CHILD.

A mixin of :class:`transpiler.lower.statements.StmtLowerer`, which supplies
the helpers these methods use (``value``, ``condition``, ``body``, ``rt``,
``assign_to``). Structured statements become structured Python, following
:mod:`transpiler.passes.flow`: a jump to a label becomes a ``return`` of
that label's section function, and GOSUB runs sections through
``rt.gosub``. FOR loops that stay ``while`` loops are built in
:mod:`.forloops`.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from transpiler import ast as A
from transpiler.lower import forloops as F
from transpiler.lower import pybuild as P
from transpiler.passes import types as T


def _is_true_constant(cond: A.Expr) -> bool:
    return isinstance(cond, A.Number) and cond.value != 0


class ControlFlowStatements:
    """The control-flow statements of :class:`StmtLowerer`."""

    def lower_If(self, node: A.If) -> list:
        c = node.clauses
        test = self.condition(node.cond)
        then = self.clause_body(c.then)
        orelse = self.clause_body(c.else_)
        if c.then is None:
            return [P.if_(P.not_(test), orelse)]
        return [P.if_(test, then, orelse if c.else_ is not None else None)]

    def lower_Case(self, node: A.Case) -> list:
        """BEGIN CASE as an if/elif chain; the first true CASE wins.

        Each test carries its BASIC line as a comment on the ``if``/``elif``
        line. A test that needs statements of its own (a REMOVE() in it)
        runs them only when the arms before it were false.
        """
        arms = []
        for arm in node.arms:
            saved = self.scope.hoisted
            self.scope.hoisted = []
            test = self.condition(arm.cond)
            before = self.scope.hoisted
            self.scope.hoisted = saved
            # "CASE X ; stmt": the test's line comment covers the statement.
            self.scope.frame.last_line = arm.span.line
            arms.append((arm, before, test, self.body(arm.body)))
        rest: Optional[list] = None
        for arm, before, test, body in reversed(arms):
            if rest is None and not before and _is_true_constant(arm.cond):
                rest = body or [P.pass_()]  # "CASE 1" at the end: the default
                continue
            branch = P.if_(test, body, rest)
            branch = P.with_header_comment(branch, self.scope.line_marker(arm.span))
            rest = before + [branch]
        return rest or []

    def lower_Loop(self, node: A.Loop) -> list:
        split = self.hold_split(node)
        self.loop_stack.append({"kind": "LOOP"})
        body = self.body(node.body)
        self.loop_stack.pop()
        return self.release_split(split, [P.while_(P.name("True"), body)])

    def hold_split(self, loop: A.Stmt) -> list:
        """Start holding the loop's dynamic arrays as lists of fields::

            _A_fields = rt.Fields(A)
            ...the loop, with _A_fields.extract(I) and _A_fields.replace(...)
            A = _A_fields.text()

        (see ``note_splits`` in transpiler/passes/types.py). Returns the
        (BASIC name, Python local) pairs to release after the loop.
        """
        held = []
        for name in self.exprs.types.split_arrays(loop):
            if name in self.scope.split_arrays:
                continue  # an outer loop holds it already
            local = f"_{self.scope.namer[name]}_fields"
            self.scope.split_arrays[name] = local
            held.append((name, local))
        return held

    def release_split(self, held: list, loop: list) -> list:
        """The loop between making the Fields objects and storing them back."""
        if not held:
            return loop
        before, after = [], []
        for name, local in held:
            del self.scope.split_arrays[name]
            before.append(
                P.assign(local, P.rt_call("Fields", self.scope.read_var(name, None)))
            )
            after += self.scope.write_var(name, P.call(P.attr(local, "text")))
        return before + loop + after

    def lower_While(self, node: A.While) -> list:
        if not self.loop_stack:
            self.scope.error(node, "WHILE outside a loop", "E-SYNTAX")
            return []
        return [P.if_(P.not_(self.condition(node.cond)), [P.break_()])]

    def lower_Until(self, node: A.Until) -> list:
        if not self.loop_stack:
            self.scope.error(node, "UNTIL outside a loop", "E-SYNTAX")
            return []
        return [P.if_(self.condition(node.cond), [P.break_()])]

    def lower_Exit(self, node: A.Exit) -> list:
        if not self.loop_stack:
            self.scope.error(node, "EXIT outside a loop", "E-SYNTAX")
            return []
        if self.in_transaction_block():
            self.scope.unsupported(node, "EXIT from a loop around BEGIN TRANSACTION")
            return []
        return [P.break_()]

    def lower_Continue(self, node: A.Continue) -> list:
        if not self.loop_stack:
            self.scope.error(node, "CONTINUE outside a loop", "E-SYNTAX")
            return []
        loop = self.loop_stack[-1]
        if loop["kind"] == "TRANSACTION":
            self.scope.unsupported(node, "CONTINUE of a loop around BEGIN TRANSACTION")
            return []
        if loop["kind"] == "FOR":
            return loop["next"]() + [P.continue_()]
        return [P.continue_()]

    def lower_For(self, node: A.For) -> list:
        """FOR: the limit and STEP are read on every pass; the variable keeps
        the last value that passed the test (BCOMP st.for, op_misc.c)::

            I = start
            _n1 = I
            while rt.for_test(_n1, limit, step):
                I = _n1
                ...body...
                _n1 = rt.add(I, step)      # NEXT (also at each CONTINUE)
        """
        split = self.hold_split(node)
        return self.release_split(split, self.lower_for_loop(node))

    def lower_for_loop(self, node: A.For) -> list:
        plan = self.exprs.types.for_plan(node)
        if plan is not None and node.var.name not in self.scope.routine.remove_vars:
            return self.native_for(node, plan)
        step_node = node.step if node.step is not None else A.Number(1, "1")
        limit = self.value_without_hoisting(node.limit, "a FOR limit")
        step = self.value_without_hoisting(step_node, "a FOR step")
        step_value = F.constant_step(node.step, self.exprs.types)
        next_line = (
            self.scope.line_marker(node.next_span) if node.next_span.line else None
        )
        if self.scope.mode("FOR.STORE.BEFORE.TEST"):
            # UniVerse/Pick rule: the variable takes the stepped value before
            # the test, so FOR I = 1 TO 3 leaves I at 4.
            def advance() -> list:
                step_value = P.rt_call(
                    "add", self.value(node.var), self.value(step_node)
                )
                return self.assign_to(node.var, step_value)

            tested = self.value(node.var)
            out = self.assign_to(node.var, self.value(node.start))
            first: list = []
        else:
            next_name = f"_n{next(self.scope.temps)}"

            def advance() -> list:
                var = self.value(node.var)
                plain = P.rt_call("add", var, self.value(step_node))
                return [P.assign(next_name, F.stepped(var, step_value, plain))]

            tested = P.name(next_name)
            out = self.assign_to(node.var, self.value(node.start))
            out.append(P.assign(next_name, self.value(node.var)))
            first = self.assign_to(node.var, P.name(next_name))
        self.loop_stack.append({"kind": "FOR", "next": advance})
        body = first + self.body(node.body)
        step_statements = advance()
        if next_line:
            step_statements[0] = P.with_comments(step_statements[0], [next_line])
        body += step_statements
        self.loop_stack.pop()
        test = P.rt_call("for_test", tested, limit, step)
        if not self.scope.mode("FOR.STORE.BEFORE.TEST"):
            limit_kind = self.exprs.kind(node.limit)
            test = F.for_test(tested, limit, limit_kind, step_value, test)
        out.append(P.while_(test, body))
        return out

    def native_for(self, node: A.For, plan: T.ForPlan) -> list:
        """FOR as a Python ``for`` over a range (see :class:`ForPlan`)::

            for I in range(1, N + 1):      # N surely an integer
            for I in rt.for_range(1, N):   # N converted once, as FOR reads it

        The types pass made sure that the body never assigns the variable
        and that the limit and step give the same value on every pass, so
        reading them once is what BASIC does. The variable ends holding the
        last value that passed the test, as in ScarletDME; it is set to the
        start value first only if it is read where no pass may have run.
        """
        py = self.scope.namer[node.var.name]
        out: list = []
        start = self.value_without_hoisting(node.start, "a FOR start")
        if plan.keep_start:
            out += self.assign_to(node.var, start)
            if not isinstance(start, (cst.Integer, cst.UnaryOperation)):
                start = P.name(py)  # evaluated once, as BASIC does
        limit = self.value_without_hoisting(node.limit, "a FOR limit")
        step = None
        if node.step is not None:
            step = self.value_without_hoisting(node.step, "a FOR step")
            if self.exprs.kind(node.step).const == 1:
                step = None
        if plan.int_limit:
            known = self.exprs.kind(node.limit).const
            if isinstance(known, int):
                stop = P.number(known + plan.step)
            else:
                stop = P.binary(limit, "+" if plan.step > 0 else "-", P.number(1))
            iterable = P.call(
                "range", start, stop, *([step] if step is not None else [])
            )
        else:
            iterable = P.rt_call(
                "for_range", start, limit, *([step] if step is not None else [])
            )
        self.scope.write_name(py)
        self.loop_stack.append({"kind": "FOR", "next": list})
        body = self.body(node.body)
        self.loop_stack.pop()
        out.append(P.for_(py, iterable, body))
        return out

    def value_without_hoisting(self, node: A.Expr, what: str) -> cst.BaseExpression:
        """A value re-read on every pass of a loop: it may not need statements."""
        saved = self.scope.hoisted, self.scope.no_hoist
        self.scope.hoisted = []
        self.scope.no_hoist = what
        value = self.value(node)
        if self.scope.hoisted:
            self.scope.unsupported(node, f"{self.scope.hoist_reason} in {what}")
        self.scope.hoisted, self.scope.no_hoist = saved
        return value

    def lower_ForNext(self, node: A.ForNext) -> list:
        nxt = self.scope.temp()
        step = self.value(node.step) if node.step is not None else P.number(1)
        out = [P.assign(nxt, P.rt_call("add", self.value(node.var), step))]
        if self.scope.mode("FOR.STORE.BEFORE.TEST"):
            out += self.assign_to(node.var, P.name(nxt))
        again = self.assign_to(node.var, P.name(nxt)) + self.jump(node.body_label, node)
        out.append(
            P.if_(
                P.rt_call(
                    "for_test",
                    P.name(nxt),
                    self.value(node.limit),
                    self.value(node.step) if node.step is not None else P.number(1),
                ),
                again,
            )
        )
        return out

    def lower_Goto(self, node: A.Goto) -> list:
        return self.jump(node.label, node)

    def jump(self, label: str, node) -> list:
        return self.jump_to(P.name(self.scope.section(label)), node)

    def lower_Gosub(self, node: A.Gosub) -> list:
        call = P.rt_call("gosub", P.name(self.scope.section(node.label)))
        return self.after_gosub(call)

    def after_gosub(self, call) -> list:
        flow = self.scope.flow
        routine = self.scope.routine
        escapes = flow and (
            flow.uses_return_to
            or routine.is_function
            or (flow.end_in_section and routine.kind != "PROGRAM")
        )
        if not escapes:
            return [P.expr_stmt(call)]
        result = self.scope.temp()
        escape = self.jump_to(P.name(result), None)
        return [
            P.assign(result, call),
            P.if_(P.compare(P.name(result), "is not", P.none()), escape),
        ]

    def jump_to(self, target: cst.BaseExpression, node) -> list:
        """Continue at a section (or a FUNCTION's RETURN value) and never come back."""
        if self.in_section:
            return [P.return_(target)]
        run = P.rt_call("run_sections", target)
        if self.scope.routine.is_function:
            return [P.return_(self.function_result(P.rt_call("done_value", run)))]
        return [P.expr_stmt(run)] + self.routine_return(node)

    def lower_OnGoto(self, node: A.OnGoto) -> list:
        sections = P.tuple_([P.name(self.scope.section(l)) for l in node.labels])
        count = P.number(len(node.labels))
        if self.scope.mode("PICK.JUMP.RANGE"):
            # Out of range falls through to the next statement.
            index = self.scope.temp()
            out = [
                P.assign(
                    index,
                    P.rt_call("on_index_in_range", self.value(node.selector), count),
                )
            ]
            target = P.subscript(sections, P.name(index))
            action = (
                self.after_gosub(P.rt_call("gosub", target))
                if node.gosub
                else self.jump_to(target, node)
            )
            return out + [P.if_(P.compare(P.name(index), "is not", P.none()), action)]
        target = P.subscript(
            sections, P.rt_call("on_index", self.value(node.selector), count)
        )
        if node.gosub:
            return self.after_gosub(P.rt_call("gosub", target))
        return self.jump_to(target, node)

    def lower_Return(self, node: A.Return) -> list:
        if node.to_label:
            if not self.in_section:
                return self.rt("return_to_without_gosub")
            return [
                P.return_(
                    P.rt_call("return_to", P.name(self.scope.section(node.to_label)))
                )
            ]
        if node.value is not None:
            if not self.scope.routine.is_function:
                self.scope.error(
                    node, "RETURN with a value outside a FUNCTION", "E-SYNTAX"
                )
                return []
            value = self.value(node.value)
            if self.in_section:
                return [P.return_(P.rt_call("done", value))]
            return [P.return_(self.function_result(value))]
        if self.in_section:
            return [P.return_()]
        return self.routine_return(node)

    def parameter_values(self, node) -> Optional[cst.BaseExpression]:
        """The routine's parameters as they stand, or None if it has none."""
        routine = self.scope.routine
        values: list = self.parameter_list(node)
        if routine.method and routine.var_args and self.sets_arguments():
            # The unnamed arguments too, which SET.ARG may have assigned.
            rest = P.slice_from(P.name("_args"), len(values))
            values.append(cst.StarredElement(value=rest))
        if not values:
            return P.tuple_([]) if routine.method and routine.var_args else None
        return self.scope.offer_pointers(P.tuple_(values))

    def parameter_list(self, node) -> list[cst.BaseExpression]:
        """The routine's named parameters, as it hands them back (for a
        ``(NAME)`` parameter, what the caller passed)."""
        routine = self.scope.routine
        out: list[cst.BaseExpression] = []
        for p in routine.params:
            if p.name == "...":
                continue
            if p.matrix:
                out.append(self.scope.matrix(p.name, node))
            elif p.by_value and not routine.method:
                out.append(P.name(self.scope.argument_copy(p.name)))
            else:
                out.append(P.name(self.scope.namer[p.name]))
        return out

    def sets_arguments(self) -> bool:
        return any(
            isinstance(s, A.SimpleStmt) and s.keyword == "SET.ARG"
            for s in A.walk_statements(self.scope.routine.body)
        )

    def function_result(self, value: cst.BaseExpression) -> cst.BaseExpression:
        """What a FUNCTION returns. Its arguments are passed by reference,
        so it gives back its parameters too: a FUNCTION (and a LOCAL
        FUNCTION that may assign one, see ``Routine.returns_arguments``) as
        ``(value, P1, P2)``; a class's PUBLIC FUNCTION or GET routine with
        parameters as ``value, (P1, P2)``."""
        routine = self.scope.routine
        if routine.method:
            params = self.parameter_values(None)
            if params is None:
                return value
            return cst.Tuple(
                elements=[cst.Element(value), cst.Element(params)], lpar=[], rpar=[]
            )
        if not routine.returns_arguments:
            return value
        return self.scope.offer_pointers(P.tuple_([value, *self.parameter_list(None)]))

    def routine_return(self, node) -> list:
        """Leave the routine (a RETURN at level 0, END, or the end of code)."""
        routine = self.scope.routine
        if routine.kind in ("SUBROUTINE", "LOCAL SUBROUTINE"):
            return [P.return_(self.parameter_values(node))]
        if routine.method:
            # END of a PUBLIC FUNCTION or GET routine: an unassigned value.
            return [P.return_(self.function_result(P.none()))]
        if routine.is_function:
            return [P.return_(self.function_result(P.string("")))]
        return [P.return_()]

    def lower_End(self, node: A.End) -> list:
        """END at the top level ends the program (or the routine), even when
        reached inside a GOSUB."""
        if not self.in_section:
            return self.routine_return(node)
        routine = self.scope.routine
        if routine.kind == "PROGRAM":
            return self.rt("stop")
        if routine.is_function and not routine.method:
            return [P.return_(P.rt_call("done", P.string("")))]
        return [P.return_(P.rt_call("done", P.none()))]

    def pick_message(self, node: A.Stop | A.Abort) -> bool:
        """Whether STOP/ABORT shows an ERRMSG message (BCOMP
        pick.style.message): always for STOPE/ABORTE, never for
        STOPM/ABORTM, under $MODE PICK.ERRMSG for plain STOP/ABORT."""
        if node.kind in ("STOPE", "ABORTE"):
            return True
        return node.kind in ("STOP", "ABORT") and self.scope.mode("PICK.ERRMSG")

    def lower_Stop(self, node: A.Stop) -> list:
        if node.message is None:
            return self.rt("stop")
        if self.pick_message(node):
            values = [self.value(a) for a in [node.message, *node.args]]
            return self.rt("stope", *values)
        # Otherwise the message is a print list: a comma is a tab.
        items = [A.PrintItem(node.message, span=node.span)]
        for arg in node.args:
            items += [A.PrintItem(None, span=arg.span), A.PrintItem(arg, span=arg.span)]
        return self.rt("stop", self.print_text(items))

    def lower_Abort(self, node: A.Abort) -> list:
        if node.message is None:
            return self.rt("abort")
        # BCOMP takes a single message for ABORT; "ABORT 201, 'X'" (Pick and
        # UniVerse code) can only mean a message id and its arguments.
        if node.kind == "ABORTM" and node.args:
            self.scope.error(node.args[0], "ABORTM takes one message", "E-SYNTAX")
            return []
        if self.pick_message(node) or node.args:
            values = [self.value(a) for a in [node.message, *node.args]]
            return self.rt("aborte", *values)
        return self.rt("abort", self.value(node.message))

    def lower_ExitChild(self, node: A.ExitChild) -> list:
        return self.rt("exit_child")
