"""Lowering terminal and printer statements: PRINT, CRT, INPUT, DATA,
PRINTER, HEADING/FOOTING, PAGE, ECHO, HUSH, BREAK and KEYEDIT/KEYEXIT/KEYTRAP.

A mixin of :class:`transpiler.lower.statements.StmtLowerer`, which supplies
the helpers these methods use (``value``, ``rt``, ``assign_to``, the clause
builders). Each statement becomes a call of its function in
:mod:`runtime_lib.terminal`, with the statement's options as keyword
arguments.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from transpiler import ast as A
from transpiler.lower import pybuild as P


class TerminalStatements:
    """The terminal and printer statements of :class:`StmtLowerer`."""

    def print_text(self, items: list[A.PrintItem]) -> cst.BaseExpression:
        parts: list[A.Expr] = []
        for item in items:
            parts.append(
                item.value if item.value is not None else A.String("\t", span=item.span)
            )
        if not parts:
            return P.string("")
        if len(parts) == 1:
            return self.value(parts[0])
        return self.exprs.value(A.Concat(parts, span=parts[0].span))

    def lower_Print(self, node: A.Print) -> list:
        text = self.print_text(node.items)
        kwargs = {} if node.newline else {"newline": P.name("False")}
        if node.kind == "PRINT":
            if node.unit is not None:
                return self.rt("print_on", self.value(node.unit), text, **kwargs)
            return self.rt("print_", text, **kwargs)
        return self.rt("crt", text, **kwargs)

    # INPUT options and the keyword arguments of rt.input_ / rt.input_at.
    _INPUT_FLAGS = {
        "HIDDEN": "hidden",
        "UPCASE": "upcase",
        "APPEND": "append",
        "EDIT": "edit",
        "OVERLAY": "overlay",
        "PANNING": "panning",
    }
    _INPUT_AT_ONLY = ("APPEND", "EDIT", "OVERLAY", "PANNING", "MASK")

    def lower_Input(self, node: A.Input) -> list:
        """INPUT [@(c, r) [:]] var [, len] [_] [:] [mask] [options] [THEN/ELSE]
        (BCOMP st.input; the runtime is _INPUT / _INPUTAT)."""
        current = self.value(node.target)
        args = [current]
        if node.at is not None:
            if len(node.at) != 2:
                self.scope.error(node, "INPUT @ needs a column and a row", "E-ARGS")
                return []
            args = [self.value(a) for a in node.at] + args
        if node.length is not None:
            args.append(self.value(node.length))
        elif node.kind == "INPUTFIELD":
            self.scope.error(node, "INPUTFIELD needs a length", "E-SYNTAX")
            return []
        kwargs = self.input_options(node)
        if kwargs is None:
            return []
        at = "_at" if node.at is not None else ""
        if node.clauses is None or not node.clauses.present():
            return self.assign_to(
                node.target, P.rt_call(f"input{at or '_'}", *args, **kwargs)
            )
        value, ok = self.scope.temp(), self.scope.temp()
        out = [P.assign([value, ok], P.rt_call(f"input{at}_status", *args, **kwargs))]
        out += self.assign_to(node.target, P.name(value))
        return out + self.clauses_on_bool(ok, node.clauses)

    def input_options(self, node: A.Input) -> Optional[dict]:
        kwargs: dict = {}
        true = P.name("True")
        if node.at is not None and node.at_colon:
            kwargs["show"] = true
        if node.colon:
            kwargs["nolf"] = true
        if node.underscore:
            kwargs["nocrlf"] = true
        for option, value in node.options.items():
            if node.at is None and option in self._INPUT_AT_ONLY:
                self.scope.error(
                    node, f"{option} is only allowed in INPUT @", "E-SYNTAX"
                )
                return None
            if option in self._INPUT_FLAGS:
                kwargs[self._INPUT_FLAGS[option]] = true
            elif option in ("FOR", "TIMEOUT", "WAITING"):
                kwargs["timeout"] = self.value(value)
            elif option == "MASK":
                kwargs["mask"] = self.value(value)
            elif option == "NOCASEINVERT":
                kwargs["invert"] = P.name("False")
            else:
                self.scope.unsupported(node, f"INPUT {option}")
                return None
        if self.scope.mode("NO.CASE.INVERT"):
            kwargs["invert"] = P.name("False")
        if self.scope.mode("NO.ECHO.DATA") and node.at is None:
            kwargs["echo_data"] = P.name("False")
        if node.kind == "INPUTFIELD" and node.at is not None:
            kwargs["field_mode"] = true
        return kwargs

    def lower_Data(self, node: A.Data) -> list:
        return self.rt("data", *[self.value(v) for v in node.values])

    def lower_Printer(self, node: A.Printer) -> list:
        """PRINTER ON/OFF/RESET, CLOSE [ON n], FILE/NAME/DISPLAY [ON n] ... THEN/ELSE."""
        action = node.action
        if action in ("ON", "OFF", "RESET"):
            return self.rt("printer", P.string(action))
        if action == "CLOSE":
            if node.unit is not None:
                return self.rt("printer_close", self.value(node.unit))
            default = 0 if self.scope.mode("PRCLOSE.DEFAULT.0") else -2
            return self.rt("printer_close", P.number(default))
        if action == "SETTING":
            return self.printer_setting(node)
        expected = {"FILE": 2, "NAME": 1, "DISPLAY": 0}.get(action)
        if expected is None:
            self.scope.unsupported(node, f"PRINTER {action}")
            return []
        if len(node.args) != expected:
            self.scope.error(
                node, f"PRINTER {action} needs {expected} argument(s)", "E-ARGS"
            )
            return []
        unit = self.value(node.unit) if node.unit is not None else P.number(0)
        call = P.rt_call(
            f"printer_{action.lower()}", unit, *[self.value(a) for a in node.args]
        )
        if node.clauses is None or not node.clauses.present():
            return [P.expr_stmt(call)]
        status = self.scope.temp()
        out = [P.assign(status, call)]
        clauses = node.clauses
        then = self.clause_body(clauses.then)
        orelse = self.clause_body(clauses.else_)
        test = P.compare(P.name(status), "==", P.number(0))
        chain = [P.if_(test, then or [P.pass_()], orelse or None)]
        if clauses.on_error is not None:
            failed = P.compare(P.name(status), "<", P.number(0))
            chain = [
                P.if_(failed, self.clause_body(clauses.on_error) or [P.pass_()], chain)
            ]
        return out + chain

    def printer_setting(self, node: A.Printer) -> list:
        """PRINTER SETTING [ON n] param, value: PRINTER.SETTING() with no result."""
        if len(node.args) != 2 or (node.clauses is not None and node.clauses.present()):
            self.scope.error(
                node, "PRINTER SETTING needs a setting and a value", "E-ARGS"
            )
            return []
        unit = self.value(node.unit) if node.unit is not None else P.number(0)
        args = [self.value(a) for a in node.args]
        return self.rt("printer_setting", unit, *args, what="PRINTER SETTING")

    def lower_Heading(self, node: A.Heading) -> list:
        """HEADING [NO.EJECT] [ON n] text and FOOTING [ON n] text."""
        kwargs = {}
        if node.unit is not None:
            kwargs["unit"] = self.value(node.unit)
        no_eject = node.no_eject or self.scope.mode("HEADING.NO.EJECT")
        if node.kind == "HEADING" and no_eject:
            kwargs["no_eject"] = P.name("True")
        return self.rt(node.kind.lower(), self.value(node.text), **kwargs)

    def lower_Page(self, node: A.Page) -> list:
        kwargs = {}
        if node.unit is not None:
            kwargs["unit"] = self.value(node.unit)
        if node.number is not None:
            kwargs["number"] = self.value(node.number)
        return self.rt("page", **kwargs)

    def lower_OnOff(self, node: A.OnOff) -> list:
        """ECHO and HUSH ON / OFF / expr (HUSH ... SETTING var gets the old setting)."""
        if node.keyword == "BREAK":
            return self.lower_break(node)
        setting = node.setting
        value = self.value(node.value) if node.value is not None else P.string(setting)
        if node.keyword not in ("ECHO", "HUSH") or setting not in ("ON", "OFF", ""):
            self.scope.unsupported(node, f"{node.keyword} {setting}".strip())
            return []
        out = self.rt(node.keyword.lower(), value)
        if node.target is not None:
            if node.keyword != "HUSH":
                self.scope.error(node, "only HUSH has a SETTING clause", "E-SYNTAX")
                return []
            out += self.assign_to(node.target, P.rt_call("status"))
        return out

    def lower_break(self, node: A.OnOff) -> list:
        """BREAK [KEY] ON / OFF / CLEAR / expr: BCOMP loads 1, 0, -1 or the value."""
        setting = node.setting.removeprefix("KEY").strip()
        if node.target is not None:
            self.scope.error(node, "only HUSH has a SETTING clause", "E-SYNTAX")
            return []
        if node.value is not None and not setting:
            value = self.value(node.value)
        elif setting in ("ON", "OFF", "CLEAR"):
            value = P.number({"ON": 1, "OFF": 0, "CLEAR": -1}[setting])
        else:
            self.scope.error(
                node, "expected ON, OFF, CLEAR or an expression", "E-SYNTAX"
            )
            return []
        return self.rt("break_", value, what="the BREAK statement")

    def lower_keyedit(self, node: A.SimpleStmt) -> list:
        """KEYEDIT (action, key), ...: one runtime call per pair, in order."""
        out: list = []
        args = [self.value(a) for a in node.args]
        for i in range(0, len(args) - 1, 2):
            out += self.rt(node.keyword.lower(), args[i], args[i + 1], node=node)
        return out
