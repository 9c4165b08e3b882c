"""Building AST nodes from the grammar's rules (a lark inline transformer).

Each method is named after a grammar rule or alias and receives the rule's
children: tokens (punctuation and keywords included) and already-built
nodes. Methods pick out what the node needs; spans come from the first
token.
"""

from __future__ import annotations

from lark import Token, Transformer

from transpiler import ast as A

from transpiler.parse.build_exprs import BuildExpressions
from transpiler.parse.common import _nodes, _span


class BuildAst(BuildExpressions, Transformer):
    """Builds AST nodes from the grammar's rules (called by lark while parsing)."""

    # ---- structure

    def start(self, children):
        return [c for c in children if isinstance(c, A.Stmt)]

    def block(self, children):
        return [c for c in children if isinstance(c, A.Stmt)]

    def inline(self, children):
        return [c for c in children if isinstance(c, A.Stmt)]

    def block_clause(self, children):
        return A.Clause(_nodes(children)[0], block=True, span=_span(children[0]))

    def inline_clause(self, children):
        body = children[0]
        return A.Clause(body, block=False, span=_span(body))

    def then_clause(self, children):
        return ("then", children[1])

    def else_clause(self, children):
        return ("else_", children[1])

    def locked_clause(self, children):
        return ("locked", children[1])

    def on_error_clause(self, children):
        return ("on_error", children[1])

    def clauses(self, children):
        clauses = A.Clauses(span=_span(children[0][1]) if children else A.NO_SPAN)
        for name, clause in children:
            setattr(clauses, name, clause)
        return clauses

    def _clauses(self, children) -> A.Clauses:
        for c in children:
            if isinstance(c, A.Clauses):
                return c
        return A.Clauses()

    def end_stmt(self, children):
        return A.End(span=_span(children[0]))

    def label_stmt(self, children):
        return A.Label(str(children[0]), span=_span(children[0]))

    def directive_stmt(self, children):
        return A.Directive(str(children[0]), span=_span(children[0]))

    def error_stmt(self, children):
        return A.ErrorStmt(str(children[0]), span=_span(children[0]))

    # ---- targets

    def var(self, children):
        return A.Var(str(children[0]), span=_span(children[0]))

    def element(self, children):
        return A.Call(str(children[0]), list(children[1]), span=_span(children[0]))

    def at_var(self, children):
        return A.AtVar(str(children[0]), span=_span(children[0]))

    def field_target(self, children):
        return self.extract(children)

    def substr_target(self, children):
        return self.substr(children)

    def object_ref(self, children):
        args = next((c for c in children if isinstance(c, list)), None)
        if args is None and children[-1].type == "RPAR":
            args = []
        return (str(children[1]), args, _span(children[1]))

    def object_stmt(self, children):
        target = children[0]
        value = None
        for child in children[1:]:
            if isinstance(child, tuple):
                name, args, _ = child
                target = A.Property(target, name, args, span=_span(children[0]))
            elif isinstance(child, A.Node):
                value = child
        return A.ObjectStmt(target, value, span=_span(children[0]))

    # ---- statements

    def assign_stmt(self, children):
        target, op, value = children
        return A.Assign(target, str(op), value, span=_span(target))

    def if_stmt(self, children):
        return A.If(children[1], self._clauses(children), span=_span(children[0]))

    def loop_stmt(self, children):
        return A.Loop(children[1], span=_span(children[0]))

    def while_stmt(self, children):
        return A.While(children[1], span=_span(children[0]))

    def until_stmt(self, children):
        return A.Until(children[1], span=_span(children[0]))

    def for_step(self, children):
        return ("step", children[1])

    def for_stmt(self, children):
        var, start, limit = _nodes(children)[:3]
        step = None
        body: list = []
        next_name = ""
        next_span = A.NO_SPAN
        for c in children[6:]:
            if isinstance(c, tuple):
                step = c[1]
            elif isinstance(c, list):
                body = c
            elif isinstance(c, Token) and c.type == "NEXT":
                next_span = _span(c)
            elif isinstance(c, Token) and c.type == "NAME":
                next_name = str(c)
        return A.For(
            var, start, limit, step, body, next_name, next_span, span=_span(children[0])
        )

    def case_arm(self, children):
        return A.CaseArm(children[1], children[2], span=_span(children[0]))

    def case_stmt(self, children):
        arms = [c for c in children if isinstance(c, A.CaseArm)]
        return A.Case(arms, span=_span(children[0]))

    def label_ref(self, children):
        return str(children[0])

    def goto_stmt(self, children):
        return A.Goto(children[1], span=_span(children[0]))

    def gosub_stmt(self, children):
        return A.Gosub(children[1], span=_span(children[0]))

    def gosub_local(self, children):
        args = [c for c in children if isinstance(c, list)]
        return A.GosubLocal(
            str(children[1]), list(args[0]) if args else [], span=_span(children[0])
        )

    def label_list(self, children):
        return [c for c in children if isinstance(c, str) and not isinstance(c, Token)]

    def on_goto(self, children):
        return A.OnGoto(children[1], children[3], gosub=False, span=_span(children[0]))

    def on_gosub(self, children):
        return A.OnGoto(children[1], children[3], gosub=True, span=_span(children[0]))

    def return_plain(self, children):
        return A.Return(span=_span(children[0]))

    def return_to(self, children):
        return A.Return(to_label=children[2], span=_span(children[0]))

    def return_value(self, children):
        return A.Return(value=_nodes(children)[0], span=_span(children[0]))

    def exit_stmt(self, children):
        return A.Exit(span=_span(children[0]))

    def continue_stmt(self, children):
        return A.Continue(span=_span(children[0]))

    def null_stmt(self, children):
        return A.Null(span=_span(children[0]))

    def stop_stmt(self, children):
        nodes = _nodes(children)
        return A.Stop(
            str(children[0]).upper(),
            nodes[0] if nodes else None,
            nodes[1:],
            span=_span(children[0]),
        )

    def exit_child(self, children):
        return A.ExitChild(span=_span(children[0]))

    def abort_stmt(self, children):
        nodes = _nodes(children)
        return A.Abort(
            str(children[0]).upper(),
            nodes[0] if nodes else None,
            nodes[1:],
            span=_span(children[0]),
        )

    # ---- output and input

    def print_on(self, children):
        return ("unit", children[1])

    def tab(self, children):
        return A.PrintItem(None, span=_span(children[0]))

    def print_args(self, children):
        return [
            c if isinstance(c, A.PrintItem) else A.PrintItem(c, span=_span(c))
            for c in children
        ]

    def _print(self, kind, children):
        unit = None
        items: list = []
        newline = True
        for c in children[1:]:
            if isinstance(c, tuple):
                unit = c[1]
            elif isinstance(c, list):
                items = c
            elif isinstance(c, Token) and c.type == "TCOLON":
                newline = False
        return A.Print(kind, unit, items, newline, span=_span(children[0]))

    def print_stmt(self, children):
        return self._print("PRINT", children)

    def crt_stmt(self, children):
        return self._print(str(children[0]).upper(), children)

    def input_at(self, children):
        colon = any(
            isinstance(c, Token) and c.type in ("COLON", "TCOLON") for c in children
        )
        return ("at", list(children[1]), colon)

    def input_len(self, children):
        return ("len", children[1])

    input_at_len = input_len

    def input_mask(self, children):
        return ("option", "MASK", children[0])

    def input_option(self, children):
        word = str(children[0]).upper()
        return ("option", word, children[1] if len(children) > 1 else None)

    def input_stmt(self, children):
        at = None
        at_colon = False
        length = None
        target = None
        underscore = colon = False
        options: dict = {}
        for c in children[1:]:
            if isinstance(c, tuple):
                if c[0] == "at":
                    at, at_colon = c[1], c[2]
                elif c[0] == "len":
                    length = c[1]
                else:
                    options[c[1]] = c[2]
            elif isinstance(c, Token):
                if c.type == "UNDERSCORE":
                    underscore = True
                elif c.type in ("COLON", "TCOLON"):
                    colon = True
            elif isinstance(c, A.Expr) and target is None:
                target = c
        return A.Input(
            str(children[0]).upper(),
            target,
            at,
            at_colon,
            length,
            underscore,
            colon,
            options,
            self._clauses(children),
            span=_span(children[0]),
        )

    def printer_stmt(self, children):
        action = str(children[1]).upper()
        unit = None
        args: list = []
        for c in children[2:]:
            if isinstance(c, tuple):
                unit = c[1]
            elif isinstance(c, list):
                args = list(c)
        clauses = (
            self._clauses(children)
            if any(isinstance(c, A.Clauses) for c in children)
            else None
        )
        return A.Printer(action, unit, args, clauses, span=_span(children[0]))

    def heading_stmt(self, children):
        no_eject = any(isinstance(c, Token) and c.type == "NO_EJECT" for c in children)
        unit = next((c[1] for c in children if isinstance(c, tuple)), None)
        text = _nodes([c for c in children if not isinstance(c, tuple)])[-1]
        return A.Heading(
            str(children[0]).upper(), no_eject, unit, text, span=_span(children[0])
        )

    def page_stmt(self, children):
        unit = next((c[1] for c in children if isinstance(c, tuple)), None)
        rest = _nodes([c for c in children if not isinstance(c, tuple)])
        return A.Page(unit, rest[0] if rest else None, span=_span(children[0]))

    def onoff_stmt(self, children):
        keyword = str(children[0]).upper()
        words = [
            str(c).upper()
            for c in children[1:]
            if isinstance(c, Token) and c.type in ("ON", "OFF", "CLEAR", "KEY")
        ]
        nodes = _nodes(children)
        setting_target = None
        if any(isinstance(c, Token) and c.type == "SETTING" for c in children):
            setting_target = nodes.pop()
        value = nodes[0] if nodes else None
        return A.OnOff(
            keyword, " ".join(words), value, setting_target, span=_span(children[0])
        )

    # ---- routines and declarations

    def param(self, children):
        if children[0].type == "LPAR":
            return A.Param(str(children[1]), by_value=True, span=_span(children[0]))
        if children[0].type == "MAT":
            return A.Param(str(children[1]), matrix=True, span=_span(children[0]))
        if children[0].type == "NAME_LPAR":
            return A.Param(
                str(children[0]),
                matrix=True,
                dims=list(children[1]),
                span=_span(children[0]),
            )
        return A.Param(str(children[0]), span=_span(children[0]))

    def params(self, children):
        return [c for c in children if isinstance(c, A.Param)]

    def routine_sig(self, children):
        name = str(children[0])
        params = next((c for c in children if isinstance(c, list)), [])
        var_args = any(isinstance(c, Token) and c.type == "VAR_ARGS" for c in children)
        return (name, params, var_args, _span(children[0]))

    def program_header(self, children):
        return A.Header("PROGRAM", str(children[1]), [], span=_span(children[0]))

    def subroutine_header(self, children):
        name, params, var_args, _ = children[1]
        return A.Header("SUBROUTINE", name, params, var_args, span=_span(children[0]))

    def function_header(self, children):
        name, params, var_args, _ = children[1]
        return A.Header("FUNCTION", name, params, var_args, span=_span(children[0]))

    def class_header(self, children):
        inherits: list[str] = []
        max_args = None
        for option in children[2:]:
            if option[0].type == "MAX_ARGS":
                max_args = int(option[1])
            else:
                inherits += [str(t) for t in option if t.type == "NAME"]
        return A.ClassHeader(
            str(children[1]), inherits, max_args, span=_span(children[0])
        )

    def class_option(self, children):
        return children

    def public_stmt(self, children):
        names, readonly = [], []
        for name, is_readonly in (c for c in children if isinstance(c, tuple)):
            names.append(name)
            if is_readonly:
                readonly.append(name.name)
        return A.Public(names, readonly, span=_span(children[0]))

    def public_item(self, children):
        first = children[0]
        if first.type == "NAME_LPAR":
            name = A.Call(str(first), list(children[1]), span=_span(first))
        else:
            name = A.Var(str(first), span=_span(first))
        readonly = isinstance(children[-1], Token) and children[-1].type == "READONLY"
        return (name, readonly)

    def _method(self, kind, sig, body, span):
        name, params, var_args, _ = sig
        return A.Method(kind, name, params, body, var_args, span=span)

    def public_function(self, children):
        return self._method("FUNCTION", children[2], children[3], _span(children[0]))

    def public_subroutine(self, children):
        return self._method("SUBROUTINE", children[2], children[3], _span(children[0]))

    def get_routine(self, children):
        return self._method("GET", children[1], children[2], _span(children[0]))

    def set_routine(self, children):
        return self._method("SET", children[1], children[2], _span(children[0]))

    def local_subroutine(self, children):
        name, params, var_args, span = children[2]
        return A.LocalRoutine(
            "SUBROUTINE", name, params, children[3], var_args, span=span
        )

    def local_function(self, children):
        name, params, var_args, span = children[2]
        return A.LocalRoutine(
            "FUNCTION", name, params, children[3], var_args, span=span
        )

    def private_stmt(self, children):
        names = []
        for c in children[1:]:
            if isinstance(c, Token) and c.type == "NAME":
                names.append(A.Var(str(c), span=_span(c)))
            elif isinstance(c, A.Node):
                names.append(c)
        return A.Private(names, span=_span(children[0]))

    def private_item(self, children):
        return A.Call(str(children[0]), list(children[1]), span=_span(children[0]))

    def call_direct(self, children):
        args = next((c for c in children if isinstance(c, list)), [])
        return (str(children[0]), False, list(args), _span(children[0]))

    def call_indirect(self, children):
        args = next((c for c in children if isinstance(c, list)), [])
        return (str(children[0]), True, list(args), _span(children[0]))

    def call_stmt(self, children):
        name, indirect, args, _ = children[1]
        return A.CallStmt(
            name, indirect, args, str(children[0]).upper(), span=_span(children[0])
        )

    def deffun_option(self, children):
        word = children[0].type
        if word == "CALLING":
            return ("target", str(children[1]))
        if word == "KEY":
            return ("key", children[1])
        return (word.lower(), True)

    def deffun_stmt(self, children):
        name = str(children[1])
        params = next((c for c in children if isinstance(c, list)), [])
        options = dict(c for c in children if isinstance(c, tuple))
        return A.Deffun(
            name,
            params,
            options.get("target", ""),
            bool(options.get("local")),
            bool(options.get("var_args")),
            options.get("key"),
            span=_span(children[0]),
        )

    def common_name(self, children):
        return ("block", str(children[1]))

    def common_item(self, children):
        return A.Call(str(children[0]), list(children[1]), span=_span(children[0]))

    def common_stmt(self, children):
        block = ""
        items = []
        for c in children[1:]:
            if isinstance(c, tuple):
                block = c[1]
            elif isinstance(c, Token) and c.type == "NAME":
                items.append(A.Var(str(c), span=_span(c)))
            elif isinstance(c, A.Node):
                items.append(c)
        return A.Common(block, items, span=_span(children[0]))

    def equate(self, children):
        return (str(children[0]), children[2])

    def equate_stmt(self, children):
        return A.Equate(
            [c for c in children if isinstance(c, tuple)], span=_span(children[0])
        )

    def dim_item(self, children):
        return (str(children[0]), list(children[1]))

    def dim_stmt(self, children):
        return A.Dim(
            [c for c in children if isinstance(c, tuple)], span=_span(children[0])
        )

    def mat_copy(self, children):
        return A.MatCopy(str(children[1]), str(children[4]), span=_span(children[0]))

    def mat_fill(self, children):
        return A.MatFill(str(children[1]), children[3], span=_span(children[0]))

    def matparse_stmt(self, children):
        nodes = _nodes(children)
        return A.MatParse(
            str(children[1]),
            nodes[0],
            nodes[1] if len(nodes) > 1 else None,
            span=_span(children[0]),
        )

    def matbuild_stmt(self, children):
        target = children[1]
        source = str(children[3])
        start = end = delim = None
        rest = children[4:]
        k = 0
        positions = []
        while k < len(rest):
            c = rest[k]
            if isinstance(c, Token) and c.type == "USING":
                delim = rest[k + 1]
                k += 2
                continue
            if isinstance(c, A.Expr):
                positions.append(c)
            k += 1
        if positions:
            start = positions[0]
        if len(positions) > 1:
            end = positions[1]
        return A.MatBuild(target, source, start, end, delim, span=_span(children[0]))

    # ---- strings and dynamic arrays

    def del_stmt(self, children):
        return A.Del(children[1], span=_span(children[0]))

    def ins_stmt(self, children):
        return A.Ins(children[1], children[3], span=_span(children[0]))

    def locate_stmt(self, children):
        item = children[1]
        source = children[3]
        start = order = setting = None
        k = 4
        while k < len(children):
            c = children[k]
            if isinstance(c, Token):
                if c.type == "COMMA":
                    start = children[k + 1]
                elif c.type == "BY":
                    order = children[k + 1]
                elif c.type == "SETTING":
                    setting = children[k + 1]
                k += 2
                continue
            k += 1
        return A.Locate(
            item,
            source,
            start,
            order,
            setting,
            self._clauses(children),
            span=_span(children[0]),
        )

    def locate_pick(self, children):
        exprs = []
        setting = order = None
        after_semi = 0
        for c in children[2:]:
            if isinstance(c, Token):
                if c.type == "PSEMI":
                    after_semi += 1
                continue
            if isinstance(c, A.Clauses):
                continue
            if after_semi == 0:
                exprs.append(c)
            elif after_semi == 1:
                setting = c
            else:
                order = c
        item, source, *positions = exprs
        return A.Locate(
            item,
            source,
            None,
            order,
            setting,
            self._clauses(children),
            pick_form=True,
            positions=positions,
            span=_span(children[0]),
        )

    def remove_stmt(self, children):
        return A.Remove(children[1], children[3], children[5], span=_span(children[0]))

    def setrem_stmt(self, children):
        return A.Setrem(children[1], children[3], span=_span(children[0]))

    def convert_stmt(self, children):
        return A.ConvertStmt(
            children[1], children[3], children[5], span=_span(children[0])
        )

    def find_stmt(self, children):
        item = children[1]
        source = children[3]
        occurrence = None
        settings = []
        k = 4
        seen_setting = False
        while k < len(children):
            c = children[k]
            if isinstance(c, Token) and c.type == "SETTING":
                seen_setting = True
            elif isinstance(c, A.Expr):
                if seen_setting:
                    settings.append(c)
                else:
                    occurrence = c
            k += 1
        return A.Find(
            str(children[0]).upper(),
            item,
            source,
            occurrence,
            settings,
            self._clauses(children),
            span=_span(children[0]),
        )

    def dparse_stmt(self, children):
        nodes = _nodes(children)
        return A.Dparse(
            str(children[0]).upper(),
            nodes[0],
            nodes[1],
            nodes[2:],
            span=_span(children[0]),
        )

    def inputcsv_stmt(self, children):
        # BCOMP: INPUT a line, then DPARSE.CSV it with a comma.
        span = _span(children[0])
        return A.Dparse(
            "INPUTCSV",
            A.String("", span=span),
            A.String(",", span=span),
            _nodes(children),
            span=span,
        )

    def data_stmt(self, children):
        return A.Data(_nodes(children), span=_span(children[0]))

    def simple_kw(self, children):
        return children[0]

    def simple_stmt(self, children):
        word = children[0]
        args = list(children[1]) if len(children) > 1 else []
        return A.SimpleStmt(str(word).upper(), args, span=_span(word))

    def keyedit_stmt(self, children):
        word = children[0]
        args = [arg for pair in children[1:] if isinstance(pair, list) for arg in pair]
        return A.SimpleStmt(str(word).upper(), args, span=_span(word))

    def key_pair(self, children):
        return _nodes(children)

    def expr_stmt(self, children):
        return A.Void(children[1], span=_span(children[0]))

    # ---- processes

    def execute_option(self, children):
        word = children[0].type
        if word == "TRAPPING":
            return ("TRAPPING", True)
        value = children[1] if len(children) > 1 else True
        return (word, value)

    def execute_stmt(self, children):
        options = dict(c for c in children if isinstance(c, tuple))
        return A.Execute(
            str(children[0]).upper(), children[1], options, span=_span(children[0])
        )

    def chain_stmt(self, children):
        return A.Chain(children[1], span=_span(children[0]))

    def os_execute(self, children):
        nodes = _nodes(children)
        return A.OsExecute(
            nodes[0], nodes[1] if len(nodes) > 1 else None, span=_span(children[0])
        )

    # ---- files

    def _file(self, children, targets_at=(), options_types=()):
        """Build a FileStmt: expressions in order; targets by their index."""
        keyword = str(children[0]).upper()
        exprs = [c for c in children[1:] if isinstance(c, A.Expr)]
        targets = [exprs[i] for i in targets_at if i < len(exprs)]
        args = [e for i, e in enumerate(exprs) if i not in targets_at]
        options = [
            str(c).upper()
            for c in children[1:]
            if isinstance(c, Token) and c.type in options_types
        ]
        clauses = self._clauses(children)
        return A.FileStmt(
            keyword, args, targets, clauses, options, span=_span(children[0])
        )

    def open_stmt(self, children):
        node = self._file(children, options_types=("READONLY",))
        if any(isinstance(c, Token) and c.type == "TO" for c in children):
            node.targets = [node.args.pop()]
        else:
            node.targets = [A.Var(A.DEFAULT_FILE, span=node.span)]
        return node

    def openpath_stmt(self, children):
        return self.open_stmt(children)

    def openseq_stmt(self, children):
        node = self._file(children, options_types=("APPEND", "OVERWRITE", "READONLY"))
        node.targets = [node.args.pop()]
        return node

    def read_stmt(self, children):
        node = self._file(children, targets_at=(0,))
        if len(node.args) == 1:
            node.args.insert(0, A.Var(A.DEFAULT_FILE, span=node.span))
        return node

    def readv_stmt(self, children):
        return self._file(children, targets_at=(0,))

    def matread_stmt(self, children):
        node = self._file(children)
        node.targets = [A.Var(str(children[1]), span=_span(children[1]))]
        return node

    def write_stmt(self, children):
        node = self._file(children)
        if len(node.args) == 2:
            node.args.insert(1, A.Var(A.DEFAULT_FILE, span=node.span))
        return node

    def writev_stmt(self, children):
        return self._file(children)

    def matwrite_stmt(self, children):
        node = self._file(children)
        node.args.insert(0, A.Var(str(children[1]), span=_span(children[1])))
        return node

    def delete_stmt(self, children):
        return self._file(children)

    def release_stmt(self, children):
        return self._file(children)

    def file_stmt(self, children):
        return self._file(children)

    def status_stmt(self, children):
        return self._file(children, targets_at=(0,))

    def lock_stmt(self, children):
        return self._file(children)

    def unlock_stmt(self, children):
        return self._file(children)

    def create_file_stmt(self, children):
        node = self._file(children, options_types=("DIRECTORY", "DYNAMIC"))
        return node

    def select_stmt(self, children):
        return self._file(children)

    def readnext_stmt(self, children):
        node = self._file(children)
        from_list = any(isinstance(c, Token) and c.type == "FROM" for c in children)
        count = len(node.args) - (1 if from_list else 0)
        node.targets = node.args[:count]
        node.args = node.args[count:]
        return node

    def readlist_stmt(self, children):
        return self._file(children, targets_at=(0,))

    def getlist_stmt(self, children):
        return self._file(children)

    def clearselect_stmt(self, children):
        node = self._file(children, options_types=("ALL",))
        return node

    def formlist_stmt(self, children):
        return self._file(children)

    def writelist_stmt(self, children):
        return self._file(children)

    def readseq_stmt(self, children):
        return self._file(children, targets_at=(0,))

    def writeseq_stmt(self, children):
        return self._file(children)

    def readblk_stmt(self, children):
        return self._file(children, targets_at=(0,))

    def writeblk_stmt(self, children):
        return self._file(children)

    def seek_stmt(self, children):
        return self._file(children)

    def seqop_stmt(self, children):
        return self._file(children)

    def deleteseq_stmt(self, children):
        return self._file(children)

    def in_stmt(self, children):
        return self._file(children, targets_at=(0,))

    def osread_stmt(self, children):
        return self._file(children, targets_at=(0,))

    def oswrite_stmt(self, children):
        return self._file(children)

    def osdelete_stmt(self, children):
        return self._file(children)

    def transaction_block(self, children):
        body = next((c for c in children if isinstance(c, list)), [])
        return A.TransactionBlock(body, span=_span(children[0]))

    def transaction_op(self, children):
        node = self._file(children)
        node.keyword = "TRANSACTION " + str(children[1]).upper()
        return node

    def commit_stmt(self, children):
        return self._file(children)

    def rollback_stmt(self, children):
        return self._file(children)

    def generic_stmt(self, children):
        clauses = self._clauses(children)
        return A.Generic(str(children[0]).upper(), clauses, span=_span(children[0]))
