"""Building expression nodes from the grammar's expression rules."""

from __future__ import annotations

from lark import Token

from transpiler import ast as A
from transpiler.parse.common import ArgList, _nodes, _span, number_value


class BuildExpressions:
    """Transformer methods for expressions (mixed into :class:`BuildAst`)."""

    def logical(self, children):
        left, op, right = children
        return A.Logical(op.type, left, right, span=_span(left))

    def relop(self, children):
        return children[0]

    def compare(self, children):
        left, op, right = children
        return A.Compare(op.type, left, right, span=_span(left))

    def concat(self, children):
        left, _, right = children
        parts = left.parts + [right] if isinstance(left, A.Concat) else [left, right]
        return A.Concat(parts, span=_span(left))

    def fmt_op(self, children):
        value, mask = children
        return A.Fmt(value, mask, span=_span(value))

    def binary(self, children):
        left, op, right = children
        text = str(op)
        if text == "**":
            text = "^"
        return A.BinOp(text, left, right, span=_span(left))

    def negate(self, children):
        operand = children[1]
        if isinstance(operand, A.Number) and not operand.text.startswith("-"):
            value = operand.value
            if isinstance(value, int) and value == 0:
                return A.Number(0, "-0", span=_span(children[0]))
            return A.Number(-value, "-" + operand.text, span=_span(children[0]))
        return A.Negate(operand, span=_span(children[0]))

    def plus(self, children):
        return A.UnaryPlus(children[1], span=_span(children[0]))

    def extract(self, children):
        base = children[0]
        f = children[2]
        parts = list(f) + [None, None]
        return A.Extract(base, parts[0], parts[1], parts[2], span=_span(base))

    def substr(self, children):
        return A.Substr(children[0], list(children[2]), span=_span(children[0]))

    def property(self, children):
        return A.Property(children[0], str(children[2]), span=_span(children[0]))

    def method(self, children):
        args = next((c for c in children if isinstance(c, list)), [])
        return A.Property(
            children[0], str(children[2]), list(args), span=_span(children[0])
        )

    def field_args(self, children):
        return _nodes(children)

    def sub_args(self, children):
        return _nodes(children)

    def args(self, children):
        out = ArgList()
        out.semis = []
        for c in children:
            if isinstance(c, Token):
                if c.type == "PSEMI":
                    out.semis.append(len(out))
                continue
            out.append(c)
        return out

    def mat_arg(self, children):
        return A.MatArg(str(children[1]), span=_span(children[0]))

    def name(self, children):
        return A.Var(str(children[0]), span=_span(children[0]))

    def call(self, children):
        args = next((c for c in children if isinstance(c, list)), [])
        node = A.Call(str(children[0]), list(args), span=_span(children[0]))
        node.semis = getattr(args, "semis", [])
        return node

    def string(self, children):
        return A.String(str(children[0]), span=_span(children[0]))

    def number(self, children):
        text = str(children[0])
        return A.Number(number_value(text), text, span=_span(children[0]))

    def cursor(self, children):
        return A.Cursor(list(children[1]), span=_span(children[0]))

    def if_expr(self, children):
        nodes = _nodes(children)
        return A.IfExpr(nodes[0], nodes[1], nodes[2], span=_span(children[0]))

    def dict_ref(self, children):
        return A.DictRef(str(children[0]), span=_span(children[0]))

    def atom(self, children):
        inner = _nodes(children)[0]
        return A.Paren(inner, span=_span(children[0]))

    def jatom(self, children):
        inner = _nodes(children)[0]
        return A.Paren(inner, span=_span(children[0]))

    def ellipsis(self, children):
        return A.Var("...", span=_span(children[0]))
