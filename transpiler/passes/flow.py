"""Control flow: labels, GOTO and GOSUB turned into a shape Python can run.

A routine is lowered as its *main part* (the statements before its first
jump target) followed by *sections*, one per jump target. The main part runs
as ordinary Python in the routine's function; each section becomes a nested
function that returns the section to run next (a fall-through or a GOTO) or
None (RETURN). GOSUB runs sections until one returns None. So GOSUB-only
programs keep plain structured code, and GOTO costs a function call.

Before that split this pass:

- turns ``GOTO`` to a label that ends the enclosing loop's body into
  CONTINUE, and to a label right after the loop into EXIT (PYTHAG's
  ``GOTO 25`` where ``25 NEXT B``), so common old code stays structured;
- drops labels nothing refers to;
- flattens any compound statement (IF, LOOP, FOR, CASE, clauses) that holds a
  jump target into labels and jumps, since Python cannot jump into a block.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Optional

from transpiler import ast as A
from transpiler.diagnostics import Diagnostics
from transpiler.ast import transform
from transpiler.passes.resolve import Routine


@dataclass
class Section:
    """A jump target and the statements up to the next one."""

    label: str
    body: list[A.Stmt]
    next_label: Optional[str] = None  # where falling off the end goes
    label_line: int = 0


@dataclass
class Flow:
    """The control-flow shape of one routine."""

    main: list[A.Stmt]
    sections: list[Section] = field(default_factory=list)
    main_falls_into: Optional[str] = None
    uses_return_to: bool = False
    end_in_section: bool = False  # END inside a section leaves the whole routine


def label_refs(body) -> dict[str, list[A.Stmt]]:
    """Return every label reference (GOTO, GOSUB, ON, RETURN TO) by label."""
    refs: dict[str, list[A.Stmt]] = {}
    for node in A.walk_statements(body):
        if isinstance(node, (A.Goto, A.Gosub)):
            refs.setdefault(node.label, []).append(node)
        elif isinstance(node, A.OnGoto):
            for label in node.labels:
                refs.setdefault(label, []).append(node)
        elif isinstance(node, A.Return) and node.to_label:
            refs.setdefault(node.to_label, []).append(node)
        elif isinstance(node, A.ForNext):
            refs.setdefault(node.body_label, []).append(node)
    return refs


def can_complete(body: list[A.Stmt]) -> bool:
    """Can control fall off the end of these statements?"""
    for stmt in reversed(body):
        if isinstance(stmt, (A.Label, A.Directive)):
            continue
        return _stmt_completes(stmt)
    return True


def _stmt_completes(stmt: A.Stmt) -> bool:
    if isinstance(
        stmt, (A.Goto, A.Return, A.Stop, A.Abort, A.End, A.Chain, A.ExitChild)
    ):
        return False
    if isinstance(stmt, A.OnGoto):
        return stmt.gosub
    if isinstance(stmt, A.If):
        c = stmt.clauses
        if c.then is None or c.else_ is None:
            return True
        return can_complete(c.then.body) or can_complete(c.else_.body)
    if isinstance(stmt, A.Loop):
        return any(
            isinstance(s, (A.Exit, A.While, A.Until))
            for s in _own_loop_statements(stmt.body)
        )
    return True


def _own_loop_statements(body):
    """Statements of a loop body that belong to it, not to an inner loop.

    An EXIT or WHILE under an IF or a CASE arm belongs to the loop around
    it; one inside an inner LOOP or FOR belongs to that loop. Each node is
    looked at once, so a deeply nested body costs linear time.
    """
    stack = list(body)
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, A.Stmt):
            yield node
            if isinstance(node, (A.Loop, A.For, A.LocalRoutine)):
                continue
        for child in A._children(node):
            if isinstance(child, (A.Stmt, A.Clause, A.Clauses, A.CaseArm)):
                stack.append(child)


class FlowBuilder:
    """Works out the sections of one routine."""

    def __init__(self, routine: Routine, diagnostics: Diagnostics):
        self.routine = routine
        self.diagnostics = diagnostics
        self.counter = itertools.count(1)
        self.flattened = False  # flatten_list took a statement apart

    def run(self) -> Flow:
        # Walking a routine's statements is most of this pass, so the label
        # references and the labels are found again only after a step that
        # changed the body (each returns the very list it was given when it
        # changes nothing, as most routines need no rewriting).
        body = self.routine.body
        refs = label_refs(body)
        defined = self.check_labels(body, refs)
        rewritten = self.loop_jumps(body, refs)
        if rewritten is not body:
            body, refs = rewritten, label_refs(rewritten)
        rewritten = self.backward_loops(body, refs)
        if rewritten is not body:
            body, refs = rewritten, label_refs(rewritten)
            defined = self.defined_labels(body)
        if not defined <= refs.keys():
            body = self.drop_unused_labels(body, refs)
        targets = refs.keys() & defined
        if not targets:
            return self.split(body, targets, refs)
        body = self.flatten_list(body, targets)
        if self.flattened:  # flattening made labels and jumps of its own
            refs = label_refs(body)
            targets = refs.keys() & self.defined_labels(body)
        return self.split(body, targets, refs)

    # --- GOTO as CONTINUE / EXIT ---------------------------------------------

    def loop_jumps(self, body: list[A.Stmt], refs) -> list[A.Stmt]:
        """Rewrite GOTOs that only skip to a loop's end (or just past it)."""
        replace: dict[int, A.Stmt] = {}
        self._scan_loops(body, refs, replace)
        if not replace:
            return body
        return transform(body, lambda n: replace.get(id(n), n))

    def _scan_loops(self, body, refs, replace) -> None:
        for index, stmt in enumerate(body):
            if isinstance(stmt, (A.For, A.Loop)):
                self._loop_end(stmt, refs, replace)
                after = body[index + 1] if index + 1 < len(body) else None
                if isinstance(after, A.Label):
                    self._loop_exit(stmt, after.name, refs, replace)
            for child in A._children(stmt):
                if isinstance(child, A.Clause):
                    self._scan_loops(child.body, refs, replace)
                elif isinstance(child, A.Clauses):
                    for clause in child.present():
                        self._scan_loops(clause.body, refs, replace)
                elif isinstance(child, A.CaseArm):
                    self._scan_loops(child.body, refs, replace)
            if isinstance(stmt, (A.For, A.Loop, A.TransactionBlock)):
                self._scan_loops(stmt.body, refs, replace)

    def _direct_gotos(self, loop) -> list[A.Goto]:
        return [s for s in _own_loop_statements(loop.body) if isinstance(s, A.Goto)]

    def _loop_end(self, loop, refs, replace) -> None:
        trailing = []
        for stmt in reversed(loop.body):
            if not isinstance(stmt, A.Label):
                break
            trailing.append(stmt.name)
        for name in trailing:
            users = refs.get(name, [])
            own = {id(g) for g in self._direct_gotos(loop) if g.label == name}
            if users and all(id(u) in own for u in users):
                for user in users:
                    replace[id(user)] = A.Continue(span=user.span)

    def _loop_exit(self, loop, name, refs, replace) -> None:
        users = refs.get(name, [])
        own = {id(g) for g in self._direct_gotos(loop) if g.label == name}
        if users and all(id(u) in own for u in users):
            for user in users:
                replace[id(user)] = A.Exit(span=user.span)

    # --- backward GOTO as a loop -----------------------------------------------

    def backward_loops(self, body: list[A.Stmt], refs) -> list[A.Stmt]:
        """``L: ... IF c THEN GOTO L ...`` as LOOP ... CONTINUE ... EXIT REPEAT.

        Applies when every reference to L is a GOTO after it (and not inside a
        loop of its own), and no other jump target lies between L and the
        last of those GOTOs: the old "label and jump back" loop of Pick code.
        ``refs`` are the label references in ``body``.
        """
        original = body
        changed = True
        while changed:
            changed = False
            if body is not original:
                refs = label_refs(body)
            targets = {
                i: s.name
                for i, s in enumerate(body)
                if isinstance(s, A.Label) and s.name in refs
            }
            if not targets:
                break
            located = {}  # statement -> index of the top-level statement holding it
            for index, stmt in enumerate(body):
                for node in _own_loop_statements([stmt]):
                    located[id(node)] = index
            for start, name in targets.items():
                region = self._backward_region(
                    body, start, name, refs[name], targets, located
                )
                if region is None:
                    continue
                end = region
                loop_body = body[start + 1 : end + 1]
                gotos = {id(u) for u in refs[name]}
                loop_body = transform(
                    loop_body,
                    lambda n: A.Continue(span=n.span) if id(n) in gotos else n,
                )
                span = body[start].span
                loop = A.Loop(loop_body + [A.Exit()], span=span)
                body = body[:start] + [loop] + body[end + 1 :]
                changed = True
                break
        return body

    def _backward_region(
        self, body, start, name, users, targets, located
    ) -> Optional[int]:
        """The index of the last statement of a backward-GOTO loop, or None."""
        if not users or any(
            not isinstance(u, A.Goto) or located.get(id(u), -1) <= start for u in users
        ):
            return None
        end = max(located[id(u)] for u in users)
        if any(start < i <= end for i in targets):
            return None
        if any(
            isinstance(s, (A.Exit, A.Continue, A.While, A.Until))
            for s in _own_loop_statements(body[start + 1 : end + 1])
        ):
            return None  # they would bind to the new loop
        return end

    # --- labels -------------------------------------------------------------

    def defined_labels(self, body) -> set[str]:
        return {n.name for n in A.walk_statements(body) if isinstance(n, A.Label)}

    def check_labels(self, body, refs) -> set[str]:
        """Report labels defined twice and jumps to labels never defined."""
        defined: dict[str, A.Label] = {}
        for node in A.walk_statements(body):
            if isinstance(node, A.Label):
                if node.name in defined:
                    self.diagnostics.error(
                        node.span, f"label {node.name} is defined twice", "E-LABEL"
                    )
                defined[node.name] = node
        for name, users in refs.items():
            if name not in defined:
                for user in users:
                    self.diagnostics.error(
                        user.span, f"label {name} is not defined", "E-LABEL"
                    )
        return set(defined)

    def drop_unused_labels(self, body, refs):
        def keep(node):
            if isinstance(node, A.Label) and node.name not in refs:
                return A.Null(span=node.span)
            return node

        return transform(body, keep)

    # --- flattening ---------------------------------------------------------

    def gensym(self) -> str:
        return f"_{next(self.counter)}"

    def has_target(self, node, targets) -> bool:
        return any(
            isinstance(n, A.Label) and n.name in targets
            for n in A.walk_statements(node)
        )

    def flatten_list(self, body, targets) -> list[A.Stmt]:
        out: list[A.Stmt] = []
        for stmt in body:
            if isinstance(stmt, A.Label) or not self.has_target(stmt, targets):
                out.append(stmt)
            else:
                self.flattened = True
                out.extend(self.flatten(stmt, targets))
        return out

    def jump_if(self, cond: A.Expr, label: str, span) -> A.If:
        clause = A.Clause([A.Goto(label, span=span)], span=span)
        return A.If(cond, A.Clauses(then=clause, span=span), span=span)

    def flatten(self, stmt, targets) -> list[A.Stmt]:
        span = stmt.span
        if isinstance(stmt, A.If):
            return self.flatten_clauses(
                stmt, stmt.clauses, targets, condition=stmt.cond
            )
        if isinstance(stmt, A.Loop):
            top, end = self.gensym(), self.gensym()
            body = self.loop_body(stmt.body, top, end, targets)
            return [
                A.Label(top, span=span),
                *body,
                A.Goto(top, span=span),
                A.Label(end, span=span),
            ]
        if isinstance(stmt, A.For):
            body_label, next_label, end = self.gensym(), self.gensym(), self.gensym()
            body = self.loop_body(stmt.body, next_label, end, targets)
            return [
                A.Assign(stmt.var, "=", stmt.start, span=span),
                self.jump_if(
                    A.Not(A.ForTest(stmt.var, stmt.limit, stmt.step)), end, span
                ),
                A.Label(body_label, span=span),
                *body,
                A.Label(next_label, span=span),
                A.ForNext(stmt.var, stmt.limit, stmt.step, body_label, span=span),
                A.Label(end, span=span),
            ]
        if isinstance(stmt, A.Case):
            end = self.gensym()
            out: list[A.Stmt] = []
            for arm in stmt.arms:
                skip = self.gensym()
                out.append(self.jump_if(A.Not(arm.cond), skip, arm.span))
                out.extend(self.flatten_list(arm.body, targets))
                out.append(A.Goto(end, span=arm.span))
                out.append(A.Label(skip, span=arm.span))
            out.append(A.Label(end, span=span))
            return out
        if isinstance(stmt, A.TransactionBlock):
            return self.flatten_list(stmt.body, targets)
        clauses = getattr(stmt, "clauses", None)
        if isinstance(clauses, A.Clauses):
            return self.flatten_clauses(stmt, clauses, targets)
        self.diagnostics.error(
            span,
            "a jump target inside this statement is not supported",
            "E-UNSUPPORTED",
        )
        return [stmt]

    def flatten_clauses(self, stmt, clauses: A.Clauses, targets, condition=None):
        """Move clause bodies after the statement, reached by jumps."""
        end = self.gensym()
        tail: list[A.Stmt] = []
        for name in ("on_error", "locked", "then", "else_"):
            clause = getattr(clauses, name)
            if clause is None:
                continue
            label = self.gensym()
            tail += [
                A.Label(label, span=clause.span),
                *self.flatten_list(clause.body, targets),
            ]
            tail.append(A.Goto(end, span=clause.span))
            setattr(
                clauses,
                name,
                A.Clause([A.Goto(label, span=clause.span)], span=clause.span),
            )
        if condition is not None and clauses.else_ is None:
            clauses.else_ = A.Clause([A.Goto(end, span=stmt.span)], span=stmt.span)
        return [stmt, *tail, A.Label(end, span=stmt.span)]

    def loop_body(self, body, continue_label, end_label, targets) -> list[A.Stmt]:
        """A loop body with its own EXIT/CONTINUE/WHILE/UNTIL as jumps."""
        own = {id(s) for s in _own_loop_statements(body)}

        def rewrite(node):
            if id(node) not in own:
                return node
            if isinstance(node, A.Exit):
                return A.Goto(end_label, span=node.span)
            if isinstance(node, A.Continue):
                return A.Goto(continue_label, span=node.span)
            if isinstance(node, A.While):
                return self.jump_if(A.Not(node.cond), end_label, node.span)
            if isinstance(node, A.Until):
                return self.jump_if(node.cond, end_label, node.span)
            return node

        body = transform(body, rewrite)
        return self.flatten_list(body, targets)

    # --- sections -----------------------------------------------------------

    def split(self, body, targets, refs) -> Flow:
        flow = Flow(main=[])
        current = flow.main
        for stmt in body:
            if isinstance(stmt, A.Label) and stmt.name in targets:
                section = Section(stmt.name, [], label_line=stmt.span.line)
                if flow.sections:
                    flow.sections[-1].next_label = stmt.name
                elif can_complete(flow.main):
                    flow.main_falls_into = stmt.name
                flow.sections.append(section)
                current = section.body
                continue
            current.append(stmt)
        if flow.sections and not can_complete(flow.sections[-1].body):
            flow.sections[-1].next_label = None
        for section in flow.sections[:-1]:
            if not can_complete(section.body):
                section.next_label = None
        if flow.sections and not can_complete(flow.main):
            flow.main_falls_into = None
        flow.end_in_section = any(
            isinstance(s, A.End)
            for sec in flow.sections
            for s in A.walk_statements(sec.body)
        )
        flow.uses_return_to = any(
            isinstance(u, A.Return) for users in refs.values() for u in users
        )
        return flow


def build_flow(routine: Routine, diagnostics: Diagnostics) -> Flow:
    """Work out a routine's main part and sections."""
    return FlowBuilder(routine, diagnostics).run()


def analyse(program, diagnostics: Diagnostics) -> None:
    """Give every routine of a resolved item its :class:`Flow`."""
    for routine in [program.main] + program.main.children:
        routine.flow = build_flow(routine, diagnostics)
