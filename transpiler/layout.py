"""Laying out generated code exactly as black would, without running black.

Generated modules must read as black formats them (88 columns), but black
is slow on the long one-line statements the lowering makes (a few
milliseconds each, much more for a COMMON block or a long list of
variables): formatting GPL.BP with it took most of the transpiling time.
The code pick2py generates is a small, regular subset of Python, printed by
libcst with black's spacing and one logical line per physical line, so this
module does the two things black would still change:

- blank lines: one after the module docstring and after the import, two
  around top-level functions, one around nested functions (before the
  comments that lead into them);
- long lines: a line over 88 columns is split the way black's ``linegen``
  splits it (right-hand split on the last bracket, optional parentheses
  around assignment values and conditions, delimiter splits by priority,
  trailing commas when one item goes per line).

The splitting follows black's algorithm step by step, on a token list
instead of a syntax tree, for the constructs generated code uses. A line it
does not understand is handed to black itself (that statement alone, in a
cache), so the output is black's in every case. ``tests/test_layout.py``
checks that black leaves the output of every sample and test program
unchanged.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Optional

LINE_LENGTH = 88

COMMA_PRIORITY = 18
TERNARY_PRIORITY = 16
LOGIC_PRIORITY = 14
COMPARATOR_PRIORITY = 10
MATH_PRIORITIES = {
    "|": 9,
    "^": 8,
    "&": 7,
    "<<": 6,
    ">>": 6,
    "+": 5,
    "-": 5,
    "*": 4,
    "/": 4,
    "//": 4,
    "%": 4,
    "@": 4,
    "~": 3,
    "**": 2,
}
DOT_PRIORITY = 1

OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = {")": "(", "]": "[", "}": "{"}
COMPARATORS = {"<", ">", "==", "!=", "<=", ">=", "<>"}
ASSIGNMENTS = {
    "=",
    "+=",
    "-=",
    "*=",
    "/=",
    "//=",
    "%=",
    "**=",
    "&=",
    "|=",
    "^=",
    ">>=",
    "<<=",
    "@=",
    ":=",
}
KEYWORDS_BEFORE_OPERAND = {
    "return",
    "if",
    "elif",
    "while",
    "in",
    "not",
    "and",
    "or",
    "is",
    "else",
    "for",
    "lambda",
    "del",
    "assert",
    "yield",
    "await",
    "raise",
    "import",
    "from",
    "with",
    "as",
}

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t]+)
  | (?P<comment>\#.*)
  | (?P<string>(?:[rRbBuUfF]{1,2})?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))
  | (?P<number>(?:\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)[jJlL]?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\*\*=|//=|>>=|<<=|!=|==|<=|>=|<>|->|:=|\*\*|//|<<|>>|[-+*/%@&|^~]=|[-+*/%@&|^~<>=.,:;()\[\]{}])
    """,
    re.VERBOSE,
)


class CannotSplit(Exception):
    """This way of splitting does not apply to the line."""


class Unsupported(Exception):
    """The line has something this module does not lay out: ask black."""


@dataclass(eq=False)
class Leaf:
    """One token of a line, with what black's bracket tracker records."""

    kind: str  # name, number, string, op, open, close, comment
    value: str
    prefix: str = ""
    depth: int = 0
    opening: Optional["Leaf"] = None  # for a closing bracket
    atom: bool = False  # an opening bracket that starts an atom, not a trailer
    unary: bool = False  # + - ~ as a sign, "not" as an operator
    keyword_eq: bool = False  # "=" of a keyword argument
    comparator_in: bool = False  # "in"/"not"/"is" of a comparison
    ternary: bool = False  # "if"/"else" of a conditional expression
    logic: bool = False  # "and"/"or"
    for_in: bool = False  # "for"/"in" of a for statement

    def __str__(self) -> str:
        return self.prefix + self.value


@dataclass(eq=False)
class Line:
    depth: int
    leaves: list[Leaf] = field(default_factory=list)
    comments: dict[int, list[Leaf]] = field(default_factory=dict)
    inside_brackets: bool = False
    should_split_rhs: bool = False
    delimiters: dict[int, int] = field(default_factory=dict)
    is_def: bool = False
    invisible: list[Leaf] = field(
        default_factory=list
    )  # brackets invisible when marked

    def __str__(self) -> str:
        if not self.leaves:
            return ""
        first = self.leaves[0]
        text = (
            "    " * self.depth + first.value + "".join(str(l) for l in self.leaves[1:])
        )
        for comments in self.comments.values():
            text += "".join(str(c) for c in comments)
        return text

    def __bool__(self) -> bool:
        return bool(self.leaves or self.comments)

    def comments_after(self, leaf: Leaf) -> list[Leaf]:
        return self.comments.get(id(leaf), [])

    def append(self, leaf: Leaf, track: bool, tracker: "Tracker") -> None:
        if track:
            tracker.mark(leaf, self)
        self.leaves.append(leaf)

    @property
    def is_import(self) -> bool:
        return (
            bool(self.leaves)
            and self.leaves[0].value in ("import", "from")
            and self.leaves[0].kind == "name"
        )

    def max_priority(self, exclude: frozenset = frozenset()) -> int:
        values = [p for k, p in self.delimiters.items() if k not in exclude]
        if not values:
            raise ValueError("no delimiters")
        return max(values)

    def count_priority(self, priority: int) -> int:
        return sum(1 for p in self.delimiters.values() if p == priority)

    def enumerate_with_length(self, reverse: bool = False):
        indexed = list(enumerate(self.leaves))
        if reverse:
            indexed.reverse()
        for index, leaf in indexed:
            length = len(leaf.prefix) + len(leaf.value)
            for comment in self.comments_after(leaf):
                length += len(comment.value)
            yield index, leaf, length


class Tracker:
    """Black's BracketTracker: depths, matching brackets, delimiters."""

    def __init__(self) -> None:
        self.depth = 0
        self.match: dict[tuple[int, str], Leaf] = {}
        self.previous: Optional[Leaf] = None
        self.for_depths: list[int] = []

    def mark(self, leaf: Leaf, line: Line) -> None:
        if leaf.kind == "comment":
            return
        if (
            self.depth == 0
            and leaf.kind == "close"
            and (0, CLOSING.get(leaf.value, "(")) not in self.match
        ):
            return
        if (
            self.for_depths
            and self.for_depths[-1] == self.depth
            and leaf.value == "in"
            and leaf.for_in
        ):
            self.depth -= 1
            self.for_depths.pop()
        if leaf.kind == "close":
            self.depth -= 1
            leaf.opening = self.match.pop((self.depth, CLOSING.get(leaf.value, "(")))
            if not leaf.value:
                line.invisible.append(leaf)
        leaf.depth = self.depth
        if self.depth == 0:
            priority = split_before_priority(leaf, self.previous)
            if priority and self.previous is not None:
                line.delimiters[id(self.previous)] = priority
            elif leaf.value == "," and leaf.kind == "op":
                line.delimiters[id(leaf)] = COMMA_PRIORITY
        if leaf.kind == "open":
            self.match[(self.depth, leaf.value or "(")] = leaf
            self.depth += 1
            if not leaf.value:
                line.invisible.append(leaf)
        self.previous = leaf
        if leaf.value == "for" and leaf.for_in:
            self.depth += 1
            self.for_depths.append(self.depth)


def split_before_priority(leaf: Leaf, previous: Optional[Leaf]) -> int:
    """Black's is_split_before_delimiter for the tokens generated code has."""
    if leaf.kind == "op":
        if leaf.value == "." and (previous is None or previous.kind == "close"):
            return DOT_PRIORITY
        if leaf.value in MATH_PRIORITIES and not leaf.unary:
            return MATH_PRIORITIES[leaf.value]
        if leaf.value in COMPARATORS:
            return COMPARATOR_PRIORITY
        return 0
    if leaf.kind == "string" and previous is not None and previous.kind == "string":
        return 12
    if leaf.kind != "name":
        return 0
    if leaf.ternary:
        return TERNARY_PRIORITY
    if leaf.value == "is":
        return COMPARATOR_PRIORITY
    if (
        leaf.value == "in"
        and leaf.comparator_in
        and not (
            previous is not None and previous.value == "not" and previous.kind == "name"
        )
    ):
        return COMPARATOR_PRIORITY
    if (
        leaf.value == "not"
        and leaf.comparator_in
        and not (previous is not None and previous.value == "is")
    ):
        return COMPARATOR_PRIORITY
    if leaf.logic:
        return LOGIC_PRIORITY
    return 0


# --------------------------------------------------------------- reading a line


def tokenize(text: str) -> list[Leaf]:
    """The tokens of one logical line, with their whitespace prefixes."""
    leaves: list[Leaf] = []
    pos = 0
    prefix = ""
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise Unsupported(f"cannot read {text[pos:pos + 20]!r}")
        kind = match.lastgroup
        value = match.group()
        pos = match.end()
        if kind == "space":
            prefix = value
            continue
        if kind == "op":
            if value in OPENING:
                kind = "open"
            elif value in CLOSING:
                kind = "close"
        leaves.append(Leaf(kind, value, prefix))
        prefix = ""
    return leaves


def annotate(leaves: list[Leaf]) -> None:
    """Work out what black reads from the syntax tree: signs, keyword
    arguments, comparisons, conditional expressions, atoms and trailers."""
    stack: list[Leaf] = []
    previous: Optional[Leaf] = None
    statement_if = leaves and leaves[0].value in ("if", "elif", "while")
    for index, leaf in enumerate(leaves):
        value = leaf.value
        operand_position = (
            previous is None
            or previous.kind in ("open", "op")
            and previous.value not in (")", "]", "}")
            or previous.kind == "name"
            and previous.value in KEYWORDS_BEFORE_OPERAND
        )
        if leaf.kind == "open":
            leaf.atom = operand_position
            stack.append(leaf)
        elif leaf.kind == "close":
            if stack:
                stack.pop()
        elif leaf.kind == "op" and value in ("-", "+", "~") and operand_position:
            leaf.unary = True
        elif (
            leaf.kind == "op"
            and value == "="
            and stack
            and stack[-1].value == "("
            and not stack[-1].atom
        ):
            leaf.keyword_eq = True
        elif leaf.kind == "name":
            if value == "not":
                following = leaves[index + 1] if index + 1 < len(leaves) else None
                if (
                    following is not None
                    and following.value == "in"
                    and not operand_position
                ):
                    leaf.comparator_in = True
                elif previous is not None and previous.value == "is":
                    leaf.comparator_in = True
                else:
                    leaf.unary = True
            elif value == "in":
                leaf.comparator_in = True
            elif value in ("and", "or"):
                leaf.logic = True
            elif value == "if" and index > 0:
                leaf.ternary = True
            elif value == "else" and index > 0:
                leaf.ternary = True
            elif value == "lambda":
                raise Unsupported("lambda")
        previous = leaf
    if leaves and leaves[0].value == "for":
        leaves[0].for_in = True
        depth = 0
        for leaf in leaves[1:]:
            if leaf.kind == "open":
                depth += 1
            elif leaf.kind == "close":
                depth -= 1
            elif leaf.value == "in" and depth == 0:
                leaf.for_in = True
                leaf.comparator_in = False
                break
    del statement_if


def invisible(kind: str) -> Leaf:
    return Leaf("open" if kind == "(" else "close", "", atom=True)


def add_invisible_parens(leaves: list[Leaf]) -> list[Leaf]:
    """Black's normalize_invisible_parens for the statements we generate."""
    if not leaves:
        return leaves
    first = leaves[0]
    if first.kind == "name" and first.value in ("return", "if", "elif", "while", "del"):
        if len(leaves) == 1 or (first.value != "return" and leaves[-1].value != ":"):
            return leaves
        end = len(leaves) - 1 if first.value != "return" else len(leaves)
        return _wrap(leaves, 1, end)
    if first.kind == "name" and first.value == "for":
        in_index = next(i for i, l in enumerate(leaves) if l.for_in and l.value == "in")
        out = _wrap(leaves, 1, in_index)
        in_index = next(i for i, l in enumerate(out) if l.for_in and l.value == "in")
        return _wrap(out, in_index + 1, len(out) - 1)
    # An assignment: the value after the last top-level "=", and a tuple target.
    depth = 0
    last_assign = -1
    for i, leaf in enumerate(leaves):
        if leaf.kind == "open":
            depth += 1
        elif leaf.kind == "close":
            depth -= 1
        elif depth == 0 and leaf.kind == "op" and leaf.value in ASSIGNMENTS:
            last_assign = i
    if last_assign < 0:
        return leaves
    out = leaves
    target_is_tuple = any(
        l.value == "," and l.kind == "op" for l in _top_level(leaves[:last_assign])
    )
    out = _wrap(out, last_assign + 1, len(out))
    if target_is_tuple:
        out = _wrap(out, 0, last_assign)
    return out


def wrap_conditionals(leaves: list[Leaf]) -> list[Leaf]:
    """Black's visit_test: ``a if b else c`` gets invisible parentheses
    unless an opening parenthesis is right before it."""
    index = 0
    while index < len(leaves):
        leaf = leaves[index]
        if leaf.kind == "name" and leaf.value == "if" and leaf.ternary:
            start = _expression_start(leaves, index)
            end = _expression_end(leaves, index)
            before = leaves[start - 1] if start > 0 else None
            if not (
                before is not None
                and before.kind == "open"
                and before.value in ("(", "")
            ):
                leaves = _wrap_range(leaves, start, end)
                index += 1
        index += 1
    return leaves


_SEPARATORS = {",", "=", ":", ";"} | ASSIGNMENTS


def _expression_start(leaves: list[Leaf], index: int) -> int:
    depth = 0
    for i in range(index - 1, -1, -1):
        leaf = leaves[i]
        if leaf.kind == "close":
            depth += 1
        elif leaf.kind == "open":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and (
            leaf.kind == "op"
            and leaf.value in _SEPARATORS
            or leaf.kind == "name"
            and leaf.value in ("return", "if", "elif", "while", "in", "lambda", "yield")
            and not leaf.ternary
        ):
            return i + 1
    return 0


def _expression_end(leaves: list[Leaf], index: int) -> int:
    depth = 0
    for i in range(index + 1, len(leaves)):
        leaf = leaves[i]
        if leaf.kind == "open":
            depth += 1
        elif leaf.kind == "close":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and leaf.kind == "op" and leaf.value in _SEPARATORS:
            return i
    return len(leaves)


def _wrap_range(leaves: list[Leaf], start: int, end: int) -> list[Leaf]:
    opening, closing = invisible("("), invisible(")")
    opening.prefix, leaves[start].prefix = leaves[start].prefix, ""
    return leaves[:start] + [opening] + leaves[start:end] + [closing] + leaves[end:]


def _top_level(leaves: list[Leaf]) -> Iterator[Leaf]:
    depth = 0
    for leaf in leaves:
        if leaf.kind == "open":
            depth += 1
        elif leaf.kind == "close":
            depth -= 1
        elif depth == 0:
            yield leaf


def _wrap(leaves: list[Leaf], start: int, end: int) -> list[Leaf]:
    """Put invisible parentheses around leaves[start:end] unless they are an
    atom in visible parentheses already (black keeps tuples' parentheses and
    would drop redundant ones, which the lowering never makes)."""
    inner = leaves[start:end]
    if not inner:
        return leaves
    if (
        inner[0].kind == "open"
        and inner[0].value == "("
        and _matching(inner, 0) == len(inner) - 1
    ):
        if any(l.value == "," for l in _top_level(inner[1:-1])):
            return leaves  # a tuple keeps its own parentheses
        raise Unsupported("redundant parentheses")
    opening, closing = invisible("("), invisible(")")
    inner[0].prefix, opening.prefix = "", inner[0].prefix
    return leaves[:start] + [opening] + inner + [closing] + leaves[end:]


def _matching(leaves: list[Leaf], index: int) -> int:
    depth = 0
    for i in range(index, len(leaves)):
        if leaves[i].kind == "open":
            depth += 1
        elif leaves[i].kind == "close":
            depth -= 1
            if depth == 0:
                return i
    return -1


def make_line(text: str) -> Line:
    """A black Line for one logical line of generated code."""
    stripped = text.lstrip(" ")
    indent = len(text) - len(stripped)
    if indent % 4:
        raise Unsupported("odd indentation")
    leaves = tokenize(stripped)
    comment = None
    if leaves and leaves[-1].kind == "comment":
        comment = leaves.pop()
        comment.prefix = "  "
    if not leaves:
        raise Unsupported("comment line")
    annotate(leaves)
    if any(l.kind == "string" and l.value[:1] not in "\"'" for l in leaves):
        raise Unsupported("string prefix")
    leaves = wrap_conditionals(add_invisible_parens(leaves))
    line = Line(depth=indent // 4)
    line.is_def = leaves[0].value in ("def", "class") and leaves[0].kind == "name"
    tracker = Tracker()
    for leaf in leaves:
        line.append(leaf, True, tracker)
    if comment is not None:
        line.comments.setdefault(id(leaves[-1]), []).append(comment)
    return line


# --------------------------------------------------------------- splitting


def is_short(line: Line, text: Optional[str] = None) -> bool:
    return len(str(line) if text is None else text) <= LINE_LENGTH


def transform(line: Line) -> Iterator[Line]:
    """Black's transform_line: split until every line fits, or cannot."""
    text = str(line)
    if not line.should_split_rhs and is_short(line, text):
        yield line
        return
    if line.is_def:
        transformers = [left_hand_split]
    elif line.inside_brackets:
        transformers = [delimiter_split, right_hand_split_with_omits]
    else:
        transformers = [right_hand_split_with_omits]
    for transformer in transformers:
        try:
            result = run_transformer(line, transformer, text, force_optional=False)
        except CannotSplit:
            continue
        yield from result
        return
    yield line


def run_transformer(
    line: Line, transformer, text: str, force_optional: bool
) -> list[Line]:
    result: list[Line] = []
    for piece in transformer(line, force_optional):
        if str(piece) == text:
            raise CannotSplit("unchanged")
        result.extend(transform(piece))
    optional = [b for b in line.invisible if b.depth == 0]
    if (
        force_optional
        or transformer is not right_hand_split_with_omits
        or not line.invisible
        or any(b.value for b in optional)
        or is_short(result[0])
    ):
        return result
    copy = clone_line(line)
    second = run_transformer(copy, transformer, text, force_optional=True)
    if all(is_short(piece) for piece in second):
        return second
    return result


def clone_line(line: Line) -> Line:
    """The same line rebuilt from fresh leaves (black's ``append_leaves``)."""
    leaves = []
    mapping: dict[int, Leaf] = {}
    for leaf in line.leaves:
        copy = Leaf(
            leaf.kind,
            leaf.value,
            leaf.prefix,
            atom=leaf.atom,
            unary=leaf.unary,
            keyword_eq=leaf.keyword_eq,
            comparator_in=leaf.comparator_in,
            ternary=leaf.ternary,
            logic=leaf.logic,
            for_in=leaf.for_in,
        )
        mapping[id(leaf)] = copy
        leaves.append(copy)
    new = Line(
        depth=line.depth, inside_brackets=line.inside_brackets, is_def=line.is_def
    )
    tracker = Tracker()
    for leaf in leaves:
        new.append(leaf, True, tracker)
    for key, comments in line.comments.items():
        new.comments[id(mapping[key])] = list(comments)
    return new


def ensure_visible(leaf: Leaf) -> None:
    if leaf.value == "":
        leaf.value = "(" if leaf.kind == "open" else ")"


def build_line(
    leaves: list[Leaf], original: Line, opening: Leaf, component: str
) -> Line:
    """Black's bracket_split_build_line."""
    result = Line(depth=original.depth)
    if component == "body":
        result.inside_brackets = True
        result.depth += 1
        if (
            leaves
            and original.is_def
            and opening.value == "("
            and not any(l.value == "," and l.kind == "op" for l in leaves)
        ):
            if leaves[-1].value != ",":
                leaves = leaves + [Leaf("op", ",")]
    tracker = Tracker()
    track_ids = _inside_brackets(leaves) if component == "head" else set()
    for leaf in leaves:
        track = component == "body" or id(leaf) in track_ids
        result.append(leaf, track, tracker)
        for comment in original.comments_after(leaf):
            result.comments.setdefault(id(leaf), []).append(comment)
    if component == "body" and should_split_line(result, opening):
        result.should_split_rhs = True
    return result


def _inside_brackets(leaves: list[Leaf]) -> set[int]:
    """Leaves between matched brackets within a head (black tracks only those)."""
    ids: set[int] = set()
    stack: list[int] = []
    for i, leaf in enumerate(leaves):
        if leaf.kind == "open":
            stack.append(i)
        elif leaf.kind == "close" and stack:
            start = stack.pop()
            for inner in leaves[start : i + 1]:
                ids.add(id(inner))
    return ids


def should_split_line(line: Line, opening: Leaf) -> bool:
    trailing = (
        bool(line.leaves)
        and line.leaves[-1].value == ","
        and line.leaves[-1].kind == "op"
    )
    exclude = frozenset([id(line.leaves[-1])]) if trailing else frozenset()
    try:
        priority = line.max_priority(exclude)
    except ValueError:
        return False
    return priority == COMMA_PRIORITY and (trailing or opening.atom)


def bracket_split_succeeded_or_raise(head: Line, body: Line, tail: Line) -> None:
    tail_len = len(str(tail).strip())
    if not body:
        if tail_len == 0:
            raise CannotSplit("same line")
        if tail_len < 3:
            raise CannotSplit("not worth it")


def left_hand_split(line: Line, force_optional: bool) -> Iterator[Line]:
    head: list[Leaf] = []
    body: list[Leaf] = []
    tail: list[Leaf] = []
    current = head
    matching: Optional[Leaf] = None
    for leaf in line.leaves:
        if current is body and leaf.kind == "close" and leaf.opening is matching:
            current = tail if body else head
        current.append(leaf)
        if current is head and leaf.kind == "open" and leaf.value == "(":
            matching = leaf
            current = body
    if matching is None or not tail:
        raise CannotSplit("no brackets")
    lines = [
        build_line(head, line, matching, "head"),
        build_line(body, line, matching, "body"),
        build_line(tail, line, matching, "tail"),
    ]
    bracket_split_succeeded_or_raise(*lines)
    for piece in lines:
        if piece:
            yield piece


@dataclass
class RHS:
    head: Line
    body: Line
    tail: Line
    opening: Leaf
    closing: Leaf


def first_right_hand_split(line: Line, omit: frozenset = frozenset()) -> RHS:
    tail: list[Leaf] = []
    body: list[Leaf] = []
    head: list[Leaf] = []
    current = tail
    opening: Optional[Leaf] = None
    closing: Optional[Leaf] = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.kind == "close" and id(leaf) not in omit:
            opening = leaf.opening
            closing = leaf
            current = body
    if not (opening and closing and head):
        raise CannotSplit("no brackets")
    tail.reverse()
    body.reverse()
    head.reverse()
    result = RHS(
        build_line(head, line, opening, "head"),
        build_line(body, line, opening, "body"),
        build_line(tail, line, opening, "tail"),
        opening,
        closing,
    )
    bracket_split_succeeded_or_raise(result.head, result.body, result.tail)
    return result


def right_hand_split_with_omits(line: Line, force_optional: bool) -> Iterator[Line]:
    prefix_lengths: dict[int, int] = {}
    length = 4 * line.depth
    for leaf in line.leaves:
        prefix_lengths[id(leaf)] = length
        length += len(leaf.prefix) + len(leaf.value)
    first_lines: Optional[list[Line]] = None
    for omit in generate_trailers_to_omit(line):
        if omit:
            target = None
            for leaf in reversed(line.leaves):
                if leaf.kind == "close" and id(leaf) not in omit:
                    target = leaf.opening
                    break
            if (
                target is not None
                and target.value
                and prefix_lengths.get(id(target), 0) > LINE_LENGTH
            ):
                continue
        lines = list(right_hand_split(line, force_optional, omit))
        if first_lines is None and not omit:
            first_lines = lines
        if is_short(lines[0]):
            yield from lines
            return
    if first_lines is not None:
        yield from first_lines
    else:
        yield from right_hand_split(line, force_optional, frozenset())


def right_hand_split(
    line: Line, force_optional: bool, omit: frozenset
) -> Iterator[Line]:
    rhs = first_right_hand_split(line, omit)
    yield from maybe_split_omitting_optional_parens(rhs, line, force_optional, omit)


def maybe_split_omitting_optional_parens(
    rhs: RHS, line: Line, force_optional: bool, omit: frozenset
) -> Iterator[Line]:
    if (
        not force_optional
        and rhs.opening.value == ""
        and rhs.opening.kind == "open"
        and rhs.closing.value == ""
        and not line.is_import
        and can_omit_invisible_parens(rhs)
    ):
        omit = frozenset({id(rhs.closing)} | set(omit))
        try:
            oop = first_right_hand_split(line, omit)
            if prefer_split_rhs_oop(oop, rhs):
                yield from maybe_split_omitting_optional_parens(
                    oop, line, force_optional, omit
                )
                return
        except CannotSplit:
            if not can_be_split(rhs.body) and not is_short(rhs.body):
                raise CannotSplit("body still too long")
    ensure_visible(rhs.opening)
    ensure_visible(rhs.closing)
    for piece in (rhs.head, rhs.body, rhs.tail):
        if piece:
            yield piece


def prefer_split_rhs_oop(oop: RHS, rhs: RHS) -> bool:
    head = rhs.head.leaves
    if not (
        len(head) >= 2
        and head[-2].kind == "op"
        and head[-2].value == "="
        and not head[-2].keyword_eq
    ):
        return True
    if not any(l.kind in ("open", "close") for l in head[:-1]):
        return True
    if len(str(rhs.head)) > LINE_LENGTH - 1:
        return True
    head_equals = sum(1 for l in head if l.value == "=" and l.kind == "op")
    oop_equals = sum(1 for l in oop.head.leaves if l.value == "=" and l.kind == "op")
    if head_equals > 1 and head_equals > oop_equals:
        return False
    closing_after_assign = False
    for leaf in reversed(oop.head.leaves):
        if leaf.value == "=" and leaf.kind == "op":
            break
        if leaf.kind == "close":
            closing_after_assign = True
            break
    return closing_after_assign or (
        any(l.value == "=" and l.kind == "op" for l in oop.head.leaves)
        and is_short(oop.head)
    )


def can_be_split(line: Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == "string" and leaves[1].value == ".":
        call_count = dot_count = 0
        following = leaves[-1]
        for leaf in leaves[-2::-1]:
            if leaf.kind == "open":
                if following.kind != "close":
                    return False
                call_count += 1
            elif leaf.value == ".":
                dot_count += 1
            elif leaf.kind == "name":
                if not (following.value == "." or following.kind == "open"):
                    return False
            elif leaf.kind != "close":
                return False
            if dot_count > 1 and call_count > 1:
                return False
    return True


def can_omit_invisible_parens(rhs: RHS) -> bool:
    line = rhs.body
    if not line.delimiters:
        return True
    priority = line.max_priority()
    if line.count_priority(priority) > 1:
        return False
    if priority == DOT_PRIORITY:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.kind == "open" and second.kind != "close":
        if can_omit_opening_paren(line, first):
            return True
    penultimate, last = line.leaves[-2], line.leaves[-1]
    kind = CLOSING.get(last.value, "(") if last.kind == "close" else ""
    if kind in ("(", "{") or (
        kind == "[" and last.opening is not None and last.opening.atom
    ):
        if penultimate.kind == "open":
            return False
        if can_omit_closing_paren(line, last):
            return True
    return False


def can_omit_opening_paren(line: Line, first: Leaf) -> bool:
    remainder = False
    length = 4 * line.depth
    index = -1
    for index, leaf, leaf_length in line.enumerate_with_length():
        if leaf.kind == "close" and leaf.opening is first:
            remainder = True
        if remainder:
            length += leaf_length
            if length > LINE_LENGTH:
                break
            if leaf.kind == "open":
                remainder = False
    else:
        if len(line.leaves) == index + 1:
            return True
    return False


def can_omit_closing_paren(line: Line, last: Leaf) -> bool:
    length = 4 * line.depth
    seen_other = False
    for _, leaf, leaf_length in line.enumerate_with_length():
        length += leaf_length
        if leaf is last.opening:
            if seen_other or length <= LINE_LENGTH:
                return True
        elif leaf.kind == "open":
            seen_other = True
    return False


def generate_trailers_to_omit(line: Line) -> Iterator[frozenset]:
    omit: set[int] = set()
    yield frozenset(omit)
    length = 4 * line.depth
    opening: Optional[Leaf] = None
    closing: Optional[Leaf] = None
    inner: set[int] = set()
    for index, leaf, leaf_length in line.enumerate_with_length(reverse=True):
        length += leaf_length
        if length > LINE_LENGTH:
            break
        if leaf_length > len(leaf.value) + len(leaf.prefix):
            break  # an inline comment
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.kind == "close":
                previous = line.leaves[index - 1] if index > 0 else None
                if (
                    previous is not None
                    and previous.value == ","
                    and previous.kind == "op"
                ):
                    break
                inner.add(id(leaf))
        elif leaf.kind == "close":
            previous = line.leaves[index - 1] if index > 0 else None
            if previous is not None and previous.kind == "open":
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield frozenset(omit)
            if previous is not None and previous.value == "," and previous.kind == "op":
                break
            if leaf.value:
                opening = leaf.opening
                closing = leaf


def delimiter_split(line: Line, force_optional: bool) -> Iterator[Line]:
    if not line.leaves:
        raise CannotSplit("empty")
    last = line.leaves[-1]
    try:
        priority = line.max_priority(frozenset([id(last)]))
    except ValueError:
        raise CannotSplit("no delimiters") from None
    if priority == DOT_PRIORITY and line.count_priority(priority) == 1:
        raise CannotSplit("single attribute")
    current = Line(depth=line.depth, inside_brackets=line.inside_brackets)
    tracker = Tracker()
    for leaf in line.leaves:
        if not current.leaves:
            leaf.prefix = ""
        current.append(leaf, True, tracker)
        for comment in line.comments_after(leaf):
            current.comments.setdefault(id(leaf), []).append(comment)
        if line.delimiters.get(id(leaf)) == priority:
            yield current
            current = Line(depth=line.depth, inside_brackets=line.inside_brackets)
            tracker = Tracker()
    if current:
        if priority == COMMA_PRIORITY and current.leaves[-1].value != ",":
            current.append(Leaf("op", ","), True, tracker)
        yield current


# --------------------------------------------------------------- the module


def split_long_line(text: str) -> list[str]:
    """One logical line of generated code as black lays it out."""
    return list(_split_cached(text))


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    try:
        line = make_line(text)
        return tuple(str(piece) for piece in transform(line))
    except (Unsupported, KeyError, StopIteration, IndexError):
        return tuple(_black_statement(text))


def _black_statement(text: str) -> list[str]:
    """Ask black to lay out one statement (for lines this module cannot)."""
    import black

    stripped = text.lstrip(" ")
    depth = (len(text) - len(stripped)) // 4
    opener = "if x:\n"
    wrapper = "".join("    " * d + opener for d in range(depth))
    is_clause = stripped.startswith(("elif ", "else:"))
    if is_clause:
        wrapper += "    " * depth + "if x:\n" + "    " * (depth + 1) + "pass\n"
    body = "    " * depth + stripped + "\n"
    if stripped.rstrip().endswith(":") or re.search(r":\s+#", stripped):
        body += "    " * (depth + 1) + "pass\n"
    formatted = black.format_str(
        wrapper + body, mode=black.Mode(line_length=LINE_LENGTH)
    )
    lines = formatted.splitlines()
    skip = depth + (2 if is_clause else 0)
    lines = [
        line for line in lines[skip:] if line
    ]  # black may add a blank line before a def
    if body.count("\n") == 2:
        lines = lines[:-1]
    return lines


def is_code(line: str) -> bool:
    stripped = line.lstrip(" ")
    return bool(stripped) and not stripped.startswith("#")


def format_module(code: str) -> str:
    """The module black would make of libcst's rendering of generated code."""
    out: list[str] = []
    lines = code.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    index = 0
    # The module docstring (the only multi-line string) passes through.
    if lines and lines[0].startswith('"""'):
        end = 0
        if not (
            len(lines[0]) > 3
            and lines[0].rstrip().endswith('"""')
            and lines[0].count('"""') == 2
        ):
            end = next(
                i for i in range(1, len(lines)) if lines[i].rstrip().endswith('"""')
            )
        out.extend(lines[: end + 1])
        index = end + 1
        if index < len(lines):
            out.append("")
    previous_code: Optional[str] = None  # last code line
    defs: list[int] = []  # depths of the functions we are in
    pending: list[str] = []  # comment lines waiting for the code they lead into
    previous_was_import = False
    for line in lines[index:]:
        if not is_code(line):
            pending.append(line)
            continue
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 4
        before = 0
        # Leaving function bodies: a blank line after a nested one, two after
        # a top-level one.
        while defs and defs[-1] >= depth:
            defs.pop()
            before = 1 if depth else 2
        starts_def = stripped.startswith(("def ", "@", "class "))
        is_import = stripped.startswith(("import ", "from "))
        if starts_def and previous_code is not None:
            opened_block = (
                previous_code.rstrip().endswith(":") and _depth(previous_code) < depth
            )
            decorated = (
                previous_code.lstrip().startswith("@")
                and _depth(previous_code) == depth
            )
            if not opened_block and not decorated:
                before = max(before, 1 if depth else 2)
            elif opened_block and not pending:
                before = 0
        if previous_was_import and not is_import and depth == 0:
            before = max(before, 1)
        if previous_code is None:
            before = 0 if not out else before
        if before:
            out.extend([""] * before)
        out.extend(pending)
        pending = []
        if len(line) > LINE_LENGTH:
            out.extend(split_long_line(line))
        else:
            out.append(line)
        if stripped.startswith("def ") or stripped.startswith("class "):
            defs.append(depth)
        previous_code = line
        previous_was_import = is_import and depth == 0
    out.extend(pending)
    return "\n".join(out) + "\n"


def _depth(line: str) -> int:
    return (len(line) - len(line.lstrip(" "))) // 4


if __name__ == "__main__":  # pragma: no cover - a debugging aid
    sys.stdout.write(format_module(sys.stdin.read()))
