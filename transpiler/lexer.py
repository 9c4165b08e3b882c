"""The BASIC lexer: BCOMP's line rules turned into tokens for the grammar.

BASIC cannot be tokenised without context (LANGUAGE.md §1.1 and §3), so this
lexer does the context-sensitive work and hands the LALR grammar a stream in
which every decision has been made:

- a word is a statement keyword only at the start of a statement and only
  when the next token does not make the statement an assignment
  (``PRINT = 5`` assigns to a variable called PRINT);
- ``*``, ``!`` and ``REM`` start a comment only at the start of a statement;
- a name or number followed by ``:`` at the start of a line is a label;
- ``<`` after an expression item opens a field reference (``LANGLE`` ...
  ``RANGLE``) when BCOMP's ``is.field.ref`` test says so, else it compares;
- ``:`` not followed by an expression item is a trailing colon (``TCOLON``);
- statements reserve extra words while they are read (``STEP`` in FOR,
  ``CAPTURING`` in EXECUTE, ...);
- a line ending in ``~`` or ``,`` continues on the next line;
- a line starting with THEN, ELSE, LOCKED or ON ERROR continues the statement
  of the line before;
- semicolons after an inline THEN/ELSE belong to that clause (``ISEMI``).

The lexer is the only place these rules live. It produces :class:`Token`
objects whose ``line`` is the index of the preprocessed line (see
:mod:`transpiler.source`) and whose ``column`` is 1-based; the parser hands
them to lark.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from transpiler import dialects
from transpiler import keywords as kw
from transpiler.diagnostics import Diagnostics, Span
from transpiler.source import SourceMap

# One raw token after any whitespace. A name or @name never ends in "_"
# (BCOMP): the pattern gives trailing underscores back as symbols. "other"
# excludes the blanks so that trailing blanks match nothing (the leading
# run would otherwise give its last blank back to "other").
_RAW = re.compile(
    r"""
    [ \t\x00-\x08\x0b-\x1f]*
    (?:
      (?P<str>"[^"]*"|'[^']*'|\\[^\\]*\\)
    | (?P<badstr>["'\\].*)
    | (?P<hex>0[xX][0-9A-Fa-f]+)
    | (?P<dotnum>\d+(?:\.\d+){2,})
    | (?P<num>\d+\.\d*|\.\d+|\d+)
    | (?P<name>[A-Za-z$](?:[A-Za-z0-9.%$_]*[A-Za-z0-9.%$])?)
    | (?P<at>@[A-Za-z](?:[A-Za-z0-9.%$_]*[A-Za-z0-9.%$])?)
    | (?P<atparen>@\()
    | (?P<dict>\{[^}]*\})
    | (?P<sym>\.\.\.|\*\*|\*=|//|/=|\+=|-=|:=|<=|>=|=<|=>|<>|><|->|[-+*/^=<>\#:;,()\[\]&!~$@_])
    | (?P<other>[^ \t\x00-\x08\x0b-\x1f])
    )
    """,
    re.VERBOSE,
)


@dataclass(slots=True)
class Raw:
    """A token of one physical line before classification."""

    kind: str  # ws-less kinds: str badstr hex dotnum num name at atparen dict sym other
    text: str
    col: int  # 0-based
    end: int
    value: str = ""
    paren: bool = False  # a name or @name immediately followed by "("
    line: int = 0  # preprocessed line index, set by the lexer
    source: str = ""  # the physical line's text


# A comment after a directive: ";*" or ";!".
_DIRECTIVE_COMMENT = re.compile(r";\s*[*!]")


@lru_cache(maxsize=4096)
def _define_value(text: str) -> tuple[Raw, ...]:
    """The raw tokens of a $DEFINE's value. Included files define the same
    names in item after item (ERR.H's 184 $DEFINEs in most of GPL.BP), so
    they are scanned once; the tokens are only read, never changed."""
    return tuple(scan_line(text))


def scan_line(text: str) -> list[Raw]:
    """Split one physical line into raw tokens (no context applied)."""
    out: list[Raw] = []
    pos = 0
    n = len(text)
    match = _RAW.match
    while pos < n:
        m = match(text, pos)
        if m is None:  # only whitespace is left
            break
        kind = m.lastgroup
        start, end = m.span(kind)
        pos = end
        raw = Raw(kind, m.group(kind), start, end)
        if kind == "name" or kind == "at":
            raw.value = raw.text.upper()
            if end < n and text[end] == "(":
                raw.paren = True
                pos = end + 1
        out.append(raw)
    return out


# Raw symbols that become grammar terminals directly.
_SYMBOLS = {
    "+": "PLUS",
    "-": "MINUS",
    "*": "STAR",
    "/": "SLASH",
    "//": "DSLASH",
    "**": "POW",
    "^": "POW",
    "=": "EQ",
    "#": "NE",
    "<>": "NE",
    "><": "NE",
    "<": "LT",
    ">": "GT",
    "<=": "LE",
    "=<": "LE",
    ">=": "GE",
    "=>": "GE",
    "&": "AND",
    "!": "OR",
    ",": "COMMA",
    "(": "LPAR",
    ")": "RPAR",
    "[": "LBRACK",
    "]": "RBRACK",
    "->": "ARROW",
    "+=": "ASSIGN_OP",
    "-=": "ASSIGN_OP",
    "*=": "ASSIGN_OP",
    "/=": "ASSIGN_OP",
    ":=": "ASSIGN_OP",
    "_": "UNDERSCORE",
    "...": "ELLIPSIS",
}

_ASSIGNMENT_FOLLOWERS = frozenset(["=", "+=", "-=", ":=", "*=", "/=", "[", "<", "->"])

# Clause words that may begin the line after the statement they belong to.
_CLAUSE_WORDS = frozenset(["THEN", "ELSE", "LOCKED"])

# After these keywords a new statement begins without a separator.


# Tokens after which a "<" may open a field reference and "[" a substring.
_ITEM_ENDS = frozenset(
    ["NAME", "NUMBER", "STRING", "RPAR", "RBRACK", "RANGLE", "AT_NAME", "DICTREF"]
)

# Tokens after which an expression item must come (so no keyword can).
_OPERAND_EXPECTED = frozenset(
    """LPAR NAME_LPAR AT_LPAR AT_NAME_LPAR PLUS MINUS STAR SLASH DSLASH POW EQ
    ASSIGN_OP COLON LANGLE LBRACK AND OR NE LT GT LE GE MATCHES IFX""".split()
)

# Pick dialects: "GOSUB100" / "GOTO100" written as one word.
_PICK_JUMP = re.compile(r"^(GOSUB|GOTO)(\d+)$")

# Statement keywords whose first operand is a label, not an expression.
_LABEL_STATEMENTS = frozenset(["GOTO", "GO", "GOSUB"])


class Token:
    """One token for the grammar: its terminal name, text and position."""

    __slots__ = ("type", "value", "line", "column")

    def __init__(self, type_: str, value: str, line: int, column: int):
        self.type = type_
        self.value = value
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r}, {self.line}, {self.column})"


@dataclass
class Comment:
    """A BASIC comment kept for the generated code."""

    line: int  # preprocessed line index
    text: str
    own_line: bool  # the comment is the whole line (not after a statement)


@dataclass
class LexResult:
    """Tokens for the parser and the comments found on the way."""

    tokens: list[Token]
    comments: list[Comment] = field(default_factory=list)
    directives: list[tuple[int, str]] = field(default_factory=list)
    dialect: dialects.Dialect = dialects.SCARLETDME


class Lexer:
    """Turns the preprocessed lines of one item into grammar tokens."""

    def __init__(
        self, source_map: SourceMap, diagnostics: Diagnostics, dialect: str = ""
    ):
        self.source_map = source_map
        self.diagnostics = diagnostics
        self.dialect = dialects.select(
            dialect, (line.text for line in source_map.lines)
        )
        self.out: list[Token] = []
        self.comments: list[Comment] = []
        self.directives: list[tuple[int, str]] = []
        self.defines: dict[str, tuple[Raw, ...]] = {}
        self.case_sensitive = False
        # Per-statement state.
        self.at_start = True
        self.statement = ""  # keyword of the statement being read
        self.if_expr_depth = 0
        self.inline_clause = False  # a THEN/ELSE clause runs to the line end
        self.paren_depth = 0
        self.field_closes: dict[int, str] = {}  # raw index -> closing ">" text

    # --- output -------------------------------------------------------------

    def emit(self, type_: str, value: str, line: int, col: int) -> None:
        self.out.append(Token(type_, value, line, col + 1))

    def last_type(self) -> str:
        return self.out[-1].type if self.out else "NL"

    def separator(self, type_: str, line: int, col: int) -> None:
        """Emit NL or SEMI, folding runs of separators into one."""
        last = self.last_type()
        if not self.out or last == "NL":
            return
        if type_ == "NL" and last in ("SEMI", "ISEMI"):
            self.out.pop()
        elif type_ != "NL" and last in ("SEMI", "ISEMI"):
            return
        self.emit(type_, "\n" if type_ == "NL" else ";", line, col)

    def start_statement(self) -> None:
        self.at_start = True
        self.statement = ""

    # --- lines --------------------------------------------------------------

    def run(self) -> LexResult:
        """Lex the whole item."""
        lines = self.source_map.lines
        i = 0
        while i < len(lines):
            index = i + 1
            text = lines[i].text
            i += 1
            if not text.strip():
                continue
            stripped = text.lstrip()
            if stripped[:2] == "$*" and self.dialect.pick_labels:
                # Pick's "$*" lines (copyright notices) are comments.
                self.comments.append(Comment(index, stripped, True))
                continue
            if stripped[:1] == "$" or stripped[:7].upper() == "#DEFINE":
                self.directive(index, stripped)
                continue
            raws = self.scan(index, text)
            while self.continues(raws) and i < len(lines):
                if raws[-1].kind == "sym" and raws[-1].text == "~":
                    raws.pop()
                while i < len(lines) and self.is_comment_line(lines[i].text):
                    i += 1
                if i < len(lines):
                    i += 1
                    raws.extend(self.scan(i, lines[i - 1].text))
            self.logical_line(raws)
            self.end_of_line(raws[-1].line if raws else index, len(text))
        self.separator("NL", len(lines), 0)
        return LexResult(self.out, self.comments, self.directives, self.dialect)

    def scan(self, index: int, text: str) -> list[Raw]:
        raws = self.expand_defines(scan_line(text))
        if self.dialect.cfunction:
            raws = self.join_percent_names(raws)
        if self.dialect.spaced_calls:
            raws = self.join_spaced_calls(raws)
        for raw in raws:
            raw.line = index
            raw.source = text
        return raws

    def expand_defines(self, raws: list[Raw]) -> list[Raw]:
        if not self.defines:
            return raws
        out = []
        for raw in raws:
            if raw.kind == "name" and not raw.paren and raw.value in self.defines:
                for d in self.defines[raw.value]:
                    kind = "defnum" if d.kind in ("num", "hex") else d.kind
                    out.append(Raw(kind, d.text, raw.col, raw.end, d.value, d.paren))
            else:
                out.append(raw)
        return out

    @staticmethod
    def join_spaced_calls(raws: list[Raw]) -> list[Raw]:
        """UniVerse: ``INDEX (S, "x", 1)`` calls INDEX although a space
        separates the name from its "(" (intrinsic functions only, and not
        at the start of a statement, where the name would be assigned)."""
        out: list[Raw] = []
        for raw in raws:
            prev = out[-1] if out else None
            if (
                raw.kind == "sym"
                and raw.text == "("
                and prev is not None
                and prev.kind == "name"
                and not prev.paren
                and prev.value in kw.INTRINSICS
                and len(out) > 1
                and not (out[-2].kind == "sym" and out[-2].text == ";")
            ):
                prev.paren = True
                continue
            out.append(raw)
        return out

    @staticmethod
    def is_comment_line(text: str) -> bool:
        s = text.lstrip()
        if not s or s[0] in "*!":
            return True
        if s[0] == ";" and s[1:].lstrip()[:1] in ("*", "!"):
            return True
        return s.split(None, 1)[0].upper() in ("REM", "REMARK")

    def continues(self, raws: list[Raw]) -> bool:
        """Does the last physical line in ``raws`` end with "~" or ","?

        A trailing ``;*`` comment does not count, and a line that is only a
        label and a comment never continues (BCOMP 0565).
        """
        if not raws:
            return False
        line = raws[-1].line
        own = [r for r in raws if r.line == line]
        if self.comment_here(own, 0):
            return False
        skip = self.label_length(own)
        if skip and skip < len(own) and self.comment_here(own, skip):
            return False
        last = None
        for k, raw in enumerate(own):
            if raw.kind == "sym" and raw.text == ";" and self.comment_here(own, k + 1):
                break
            last = raw
        return last is not None and last.kind == "sym" and last.text in ("~", ",")

    def end_of_line(self, index: int, length: int) -> None:
        self.separator("NL", index, length)
        self.start_statement()
        self.if_expr_depth = 0
        self.inline_clause = False
        self.paren_depth = 0

    def directive(self, index: int, text: str) -> None:
        body = _DIRECTIVE_COMMENT.split(text, maxsplit=1)[0].strip()
        words = body.split()
        name = words[0][1:].upper()
        if name == "DEFINE" and len(words) >= 2:
            value_text = body.split(None, 2)[2] if len(words) > 2 else ""
            self.defines[words[1].upper()] = _define_value(value_text)
        elif name == "MODE":
            for word in words[1:]:
                if word.upper() == "CASE.SENSITIVE":
                    self.case_sensitive = True
                elif word.upper() == "-CASE.SENSITIVE":
                    self.case_sensitive = False
        self.directives.append((index, body))
        self.separator("NL", index, 0)
        self.emit("DIRECTIVE", body, index, len(text) - len(text.lstrip()))
        self.separator("NL", index, len(text))

    # --- one logical line ---------------------------------------------------

    def logical_line(self, raws: list[Raw]) -> None:
        """Classify the raw tokens of one logical (continued) line."""
        self.field_closes = {}
        n = len(raws)
        j = self.label(raws) if raws else 0
        if j < n and self.is_clause_start(raws, j):
            self.join_with_previous_line()
        while j < n:
            raw = raws[j]
            trailing = (
                raw.kind == "sym"
                and raw.text == ";"
                and self.comment_here(raws, j + 1)
                and raws[j + 1].line == raw.line
            )
            if trailing and j + 2 < n and raws[-1].line != raw.line:
                # ";* comment" on a line continued by "," or "~": the
                # statement goes on after the comment.
                self.comments.append(
                    Comment(raw.line, raw.source[raws[j + 1].col :], False)
                )
                line = raw.line
                while j < n and raws[j].line == line:
                    j += 1
                continue
            if self.at_start and self.comment_here(raws, j):
                own_line = (
                    j == 0
                    or self.last_type() == "NL"
                    and len(self.out) > 1
                    and self.out[-2].type == "LABEL"
                )
                self.comments.append(Comment(raw.line, raw.source[raw.col :], own_line))
                line = raw.line
                while j < n and raws[j].line == line:
                    j += 1
                continue
            j = self.token(raws, j)

    def label_length(self, raws: list[Raw]) -> int:
        """Return how many raw tokens at the start of a line form a label."""
        if not raws:
            return 0
        first = raws[0]
        second = raws[1] if len(raws) > 1 else None
        colon = second is not None and second.kind == "sym" and second.text == ":"
        if first.kind == "name" and colon and not first.paren:
            return 2
        if first.kind in ("num", "dotnum"):
            return 2 if colon else 1
        return 0

    def label(self, raws: list[Raw]) -> int:
        """Emit a label at the start of a line; return the raw index after it."""
        length = self.label_length(raws)
        if length:
            first = raws[0]
            text = self.name_value(first) if first.kind == "name" else first.text
            self.emit("LABEL", text, first.line, first.col)
            self.separator("NL", first.line, first.col)
            self.start_statement()
        return length

    def is_clause_start(self, raws: list[Raw], j: int) -> bool:
        """Does a line begin with a clause of the statement before it?"""
        raw = raws[j]
        if raw.kind != "name" or raw.paren:
            return False
        nxt = raws[j + 1] if j + 1 < len(raws) else None
        if raw.value in _CLAUSE_WORDS:
            return not (nxt and nxt.kind == "sym" and nxt.text in _ASSIGNMENT_FOLLOWERS)
        return raw.value == "ON" and nxt is not None and nxt.value == "ERROR"

    def join_with_previous_line(self) -> None:
        """Drop the line break before a THEN/ELSE/LOCKED/ON ERROR line."""
        while self.out and self.out[-1].type == "NL":
            self.out.pop()
        self.at_start = False

    def comment_here(self, raws: list[Raw], j: int) -> bool:
        if j >= len(raws):
            return False
        raw = raws[j]
        if raw.kind == "sym" and raw.text[0] in "*!":
            return True
        if raw.kind == "name" and raw.value in ("REM", "REMARK") and not raw.paren:
            nxt = raws[j + 1] if j + 1 < len(raws) else None
            return not (nxt and nxt.kind == "sym" and nxt.text in _ASSIGNMENT_FOLLOWERS)
        return False

    # --- one token ------------------------------------------------------------

    def name_value(self, raw: Raw) -> str:
        return raw.text if self.case_sensitive else raw.value

    def token(self, raws: list[Raw], j: int) -> int:
        """Classify raws[j] (and maybe the ones after it); return the next index."""
        raw = raws[j]
        kind = raw.kind
        line = raw.line
        if j in self.field_closes:
            return self.close_field(raws, j)
        if kind == "name":
            return self.word(raws, j)
        self.at_start = False
        if kind == "str":
            self.emit("STRING", raw.text[1:-1], line, raw.col)
        elif kind == "badstr":
            self.diagnostics.error(
                Span(line, raw.col + 1), "string is not closed on this line", "E-LEX"
            )
            self.emit("STRING", raw.text[1:], line, raw.col)
        elif kind in ("num", "dotnum"):
            self.emit("NUMBER", raw.text, line, raw.col)
        elif kind == "defnum":
            # A $DEFINE'd number: BCOMP reads the name first, so it may be a
            # format mask after an expression like any name.
            value = str(int(raw.text, 16)) if raw.text[:2].lower() == "0x" else raw.text
            self.emit("DEFNUM", value, line, raw.col)
        elif kind == "hex":
            self.emit("NUMBER", str(int(raw.text, 16)), line, raw.col)
        elif kind == "at":
            if raw.paren:
                self.paren_depth += 1
            self.emit(
                "AT_NAME_LPAR" if raw.paren else "AT_NAME", raw.value[1:], line, raw.col
            )
        elif kind == "atparen":
            self.paren_depth += 1
            self.emit("AT_LPAR", "@(", line, raw.col)
        elif kind == "dict":
            self.emit("DICTREF", raw.text[1:-1].strip().upper(), line, raw.col)
        elif kind == "sym":
            return self.symbol(raws, j)
        else:
            self.diagnostics.error(
                Span(line, raw.col + 1), f"unexpected character {raw.text!r}", "E-LEX"
            )
        return j + 1

    def symbol(self, raws: list[Raw], j: int) -> int:
        raw = raws[j]
        text = raw.text
        line = raw.line
        col = raw.col
        nxt = raws[j + 1] if j + 1 < len(raws) else None
        if text == ";":
            if self.paren_depth:
                self.emit("PSEMI", ";", line, col)
            elif self.inline_clause:
                self.emit("ISEMI", ";", line, col)
                self.start_statement()
            else:
                self.separator("SEMI", line, col)
                self.start_statement()
            return j + 1
        self.at_start = False
        if text == ":":
            if self.statement in ("GOTO", "SUBROUTINE") and self.last_type() in (
                "NAME",
                "NUMBER",
            ):
                return j + 1  # "GOSUB LABEL:", "LOCAL SUB NAME:"
            starts = nxt is not None and self.starts_item(nxt)
            self.emit("COLON" if starts else "TCOLON", ":", line, col)
            return j + 1
        if text == "&" and self.is_address_of(raws, j):
            return j + 1  # D3 "&var": arguments of C functions are by reference
        if text == "<" and self.last_type() in _ITEM_ENDS:
            if self.find_field_close(raws, j):
                self.emit("LANGLE", "<", line, col)
                return j + 1
        if text == "(":
            self.paren_depth += 1
        elif text == ")":
            self.paren_depth = max(self.paren_depth - 1, 0)
        elif text in ("~", "$", "@"):
            self.diagnostics.error(
                Span(line, col + 1), f"unexpected character {text!r}", "E-LEX"
            )
            return j + 1
        self.emit(_SYMBOLS[text], text, line, col)
        return j + 1

    def starts_item(self, raw: Raw) -> bool:
        """BCOMP's test for a ':' operator: does an expression item follow?"""
        if raw.kind == "name":
            return raw.paren or raw.value not in kw.RESERVED
        if raw.kind in (
            "num",
            "hex",
            "str",
            "at",
            "atparen",
            "dict",
            "dotnum",
            "defnum",
        ):
            return True
        return raw.kind == "sym" and raw.text in ("(", "+", "-")

    def find_field_close(self, raws: list[Raw], j: int) -> bool:
        """BCOMP ``is.field.ref``: is the "<" at raws[j] a field reference?

        The matching ">" must be found at bracket depth 0 before AND, OR,
        THEN or the statement's end. With exactly one token between the two
        it is a field reference; otherwise a number right after ">" makes
        both comparisons (``A<B+1>2``).
        """
        depth = 0
        level = 1
        n = j + 1
        while n < len(raws):
            raw = raws[n]
            if raw.kind == "sym":
                t = raw.text
                if t == ";" and depth == 0:
                    return False
                if t == "<" and depth == 0:
                    level += 1
                elif t in (">", ">=", "><") and depth == 0:
                    level -= 1
                elif t in ("(", "["):
                    depth += 1
                elif t in (")", "]"):
                    depth -= 1
                    if depth < 0:
                        return False
                elif t in ("&", "!") and depth == 0:
                    return False
            elif raw.kind in ("name", "at") and raw.paren or raw.kind == "atparen":
                depth += 1
            elif (
                raw.kind == "name" and depth == 0 and raw.value in ("AND", "OR", "THEN")
            ):
                return False
            if depth == 0 and level == 0:
                break
            n += 1
        else:
            return False
        if n - j - 1 != 1 and raws[n].text == ">":
            follower = raws[n + 1] if n + 1 < len(raws) else None
            if follower is not None and follower.kind in ("num", "hex", "dotnum"):
                return False
        self.field_closes[n] = raws[n].text
        return True

    def close_field(self, raws: list[Raw], j: int) -> int:
        """Emit the ">" closing a field reference (splitting ">=" and "><")."""
        raw = raws[j]
        del self.field_closes[j]
        self.emit("RANGLE", ">", raw.line, raw.col)
        self.at_start = False
        if raw.text == ">=":
            self.emit("EQ", "=", raw.line, raw.col + 1)
        elif raw.text == "><":
            nxt = raws[j + 1] if j + 1 < len(raws) else None
            if (
                nxt is not None
                and nxt.kind == "sym"
                and nxt.text == "="
                and nxt.col == raw.end
            ):
                self.emit("LE", "<=", raw.line, raw.col + 1)
                return j + 2
            if (
                nxt is not None
                and nxt.kind == "sym"
                and nxt.text == ">"
                and nxt.col == raw.end
            ):
                self.emit("NE", "<>", raw.line, raw.col + 1)  # X<1><>"": not empty
                return j + 2
            self.emit("LT", "<", raw.line, raw.col + 1)
        return j + 1

    # --- words ---------------------------------------------------------------

    def word(self, raws: list[Raw], j: int) -> int:
        raw = raws[j]
        word = raw.value
        line = raw.line
        col = raw.col
        nxt = raws[j + 1] if j + 1 < len(raws) else None
        if self.at_start:
            return self.statement_word(raws, j)
        if self.statement == "GOTO" and self.last_type() in ("GOTO", "GOSUB", "COMMA"):
            if not raw.paren:
                self.emit(
                    "NAME", self.name_value(raw), line, col
                )  # a label named like a keyword
                return j + 1
        if raw.paren:
            self.paren_depth += 1
            self.emit("NAME_LPAR", self.name_value(raw), line, col)
            return j + 1
        if self.last_type() == "ARROW":
            # OBJ->NEXT: a property or method name is never a keyword.
            self.emit("NAME", self.name_value(raw), line, col)
            return j + 1
        if word == "IF":
            self.if_expr_depth += 1
            self.emit("IFX", word, line, col)
            return j + 1
        if word in ("THEN", "ELSE") and self.if_expr_depth:
            if word == "ELSE":
                self.if_expr_depth -= 1
            self.emit(word, word, line, col)
            return j + 1
        if word in _CLAUSE_WORDS:
            return self.clause_word(raws, j, word)
        if (
            word == "ON"
            and nxt is not None
            and nxt.value == "ERROR"
            and self.statement != "PRINTER"
        ):
            return self.clause_word(raws, j + 1, "ON_ERROR")
        if word == "DO":
            self.emit("DO", word, line, col)
            self.start_statement()
            return j + 1
        if word in kw.OPERATOR_WORDS:
            self.emit(kw.OPERATOR_WORDS[word], word, line, col)
            return j + 1
        if word == "MAT" and nxt is not None and nxt.kind == "name":
            self.emit("MAT", word, line, col)
            return j + 1
        if (
            self.statement == "EXECUTE"
            and word in kw.ALL_STATEMENTS
            and len(self.out) >= 2
            and self.out[-1].type == "NAME"
            and self.out[-2].type in ("CAPTURING", "RETURNING", "SETTING", "RTNLIST")
        ):
            # "EXECUTE cmd CAPTURING x READLIST ..." -- the EXECUTE is
            # complete, so the word starts the next statement.
            self.separator("SEMI", line, col)
            self.start_statement()
            return self.statement_word(raws, j)
        if (
            word == "STEP"
            and self.statement == "FOR"
            and not self.seen_since("FOR", "TO")
        ):
            self.emit("NAME", self.name_value(raw), line, col)  # "FOR STEP = 1 TO n"
            return j + 1
        if word in kw.RESERVED and (
            self.last_type() in _OPERAND_EXPECTED
            or self.paren_depth
            and self.last_type() == "COMMA"
        ):
            # No keyword can follow an operator, so a reserved word there is
            # a variable: "INDEX(IN, ...)", "X := IN[1, 2]".
            self.emit("NAME", self.name_value(raw), line, col)
            return j + 1
        if word in ("WHILE", "UNTIL"):
            # "LOOP X = 1 UNTIL X > 2 DO ... REPEAT": a loop test may follow
            # a statement with no separator.
            self.inline_clause = False
            self.separator("SEMI", line, col)
            self.start_statement()
            return self.statement_word(raws, j)
        if self.statement in ("INPUT", "INPUTFIELD") and self.input_target_pending():
            # "INPUT EDIT": the word after INPUT (and its @(x,y)) is the
            # variable read into, whatever options INPUT has.
            self.emit("NAME", self.name_value(raw), line, col)
            return j + 1
        if word in kw.RESERVED or word in kw.STATEMENT_WORDS.get(self.statement, ()):
            if word == "GO":
                if nxt is not None and nxt.kind == "name" and nxt.value == "TO":
                    j += 1
                word = "GOTO"
            self.emit(kw.terminal_name(word), word, line, col)
            if word == "REPEAT":
                self.start_statement()
            elif word in ("GOSUB", "GOTO"):
                self.statement = "GOTO"
            return j + 1
        self.emit("NAME", self.name_value(raw), line, col)
        if self.statement == "NEXT" and self.out[-2].type == "NEXT":
            # Tokens after "NEXT var" are ignored up to ";" or the line end.
            return self.skip_to_separator(raws, j + 1)
        return j + 1

    def input_target_pending(self) -> bool:
        """Is INPUT still waiting for its variable (after an optional @(x,y))?"""
        k = len(self.out) - 1
        while k >= 0 and self.out[k].type in ("COMMA", "COLON", "TCOLON"):
            k -= 1
        if k >= 0 and self.out[k].type == "RPAR":
            depth = 0
            while k >= 0:
                kind = self.out[k].type
                depth += kind == "RPAR"
                depth -= kind in ("LPAR", "NAME_LPAR", "AT_LPAR", "AT_NAME_LPAR")
                if depth == 0:
                    break
                k -= 1
            if k < 0 or self.out[k].type != "AT_LPAR":
                return False
            k -= 1
        return k >= 0 and self.out[k].type in ("INPUT", "INPUTFIELD")

    def seen_since(self, start: str, wanted: str) -> bool:
        """Was a ``wanted`` token emitted since the last ``start`` token?"""
        for token in reversed(self.out):
            if token.type == wanted:
                return True
            if token.type == start:
                return False
        return False

    def skip_to_separator(self, raws: list[Raw], j: int) -> int:
        while j < len(raws) and not (raws[j].kind == "sym" and raws[j].text == ";"):
            j += 1
        return j

    def clause_word(self, raws: list[Raw], j: int, word: str) -> int:
        """THEN/ELSE/LOCKED/ON ERROR: a block (at the line end) or an inline clause."""
        raw = raws[j]
        self.emit(word, word if word != "ON_ERROR" else "ON ERROR", raw.line, raw.col)
        self.start_statement()
        k = j + 1
        while k < len(raws) and raws[k].kind == "sym" and raws[k].text == ";":
            k += 1
        if k < len(raws) and not self.comment_here(raws, k):
            self.inline_clause = True
        return j + 1

    def statement_word(self, raws: list[Raw], j: int) -> int:
        """Classify a word at the start of a statement (BCOMP proc.statement)."""
        raw = raws[j]
        word = raw.value
        nxt = raws[j + 1] if j + 1 < len(raws) else None
        self.at_start = False
        if (
            nxt is not None
            and nxt.kind == "sym"
            and nxt.text in _ASSIGNMENT_FOLLOWERS
            and not raw.paren
        ):
            self.statement = "="
            self.emit("NAME", self.name_value(raw), raw.line, raw.col)
            return j + 1
        if self.dialect.pick_labels and not raw.paren:
            jump = _PICK_JUMP.match(word)
            if jump is not None:
                # Pick's "GOSUB100": the label number follows with no space.
                verb, number = jump.groups()
                self.statement = "GOTO"
                self.emit(verb, verb, raw.line, raw.col)
                self.emit("NUMBER", number, raw.line, raw.col + len(verb))
                return j + 1
        if self.dialect.cfunction and (word == "CFUNCTION" or word[:1] == "%"):
            handled = self.d3_statement(raws, j)
            if handled is not None:
                return handled
        if raw.paren:
            if word in kw.STATEMENTS_WITH_PAREN or (
                word in kw.ALL_STATEMENTS and not self.paren_assignment(raws, j)
            ):
                return self.keyword(raws, j, word)
            self.statement = "="
            self.paren_depth += 1
            self.emit("NAME_LPAR", self.name_value(raw), raw.line, raw.col)
            return j + 1
        if word in _CLAUSE_WORDS or (
            word == "ON" and nxt is not None and nxt.value == "ERROR"
        ):
            return self.word(raws, j)  # "END ELSE" and clauses after a statement
        if word in kw.ALL_STATEMENTS or word == "GOTO":
            return self.keyword(raws, j, word)
        if word == "CFUNCTION":
            self.diagnostics.error(
                Span(raw.line, raw.col + 1),
                "CFUNCTION is a D3 statement: select the D3 dialect "
                "(--dialect d3, or a $OPTIONS D3 line)",
                "E-DIALECT",
            )
            self.emit("ERRSTMT", raw.text, raw.line, raw.col)
            return self.skip_to_separator(raws, j + 1)
        self.diagnostics.error(
            Span(raw.line, raw.col + 1),
            f"{raw.text} is not a statement",
            "E-UNKNOWN-STATEMENT",
        )
        self.emit("ERRSTMT", raw.text, raw.line, raw.col)
        return self.skip_to_separator(raws, j + 1)

    def paren_assignment(self, raws: list[Raw], j: int) -> bool:
        """Is ``WORD(...)`` at statement start followed by an assignment?"""
        depth = 1
        for n in range(j + 1, len(raws)):
            raw = raws[n]
            if raw.kind == "sym" and raw.text == "(":
                depth += 1
            elif raw.kind in ("name", "at") and raw.paren or raw.kind == "atparen":
                depth += 1
            elif raw.kind == "sym" and raw.text == ")":
                depth -= 1
                if depth == 0:
                    after = raws[n + 1] if n + 1 < len(raws) else None
                    return bool(
                        after is not None
                        and after.kind == "sym"
                        and after.text in _ASSIGNMENT_FOLLOWERS
                    )
        return False

    def keyword(self, raws: list[Raw], j: int, word: str) -> int:
        """Emit a statement keyword and set up the state it implies."""
        raw = raws[j]
        line = raw.line
        col = raw.col
        nxt = raws[j + 1] if j + 1 < len(raws) else None
        nxt_word = nxt.value if nxt is not None and nxt.kind == "name" else ""
        self.statement = word
        if word in kw.GENERIC_STATEMENTS:
            self.emit("GENERIC_KW", word, line, col)
        elif word == "CALL":
            self.emit("CALL", "CALL", line, col)
            return self.routine_name(raws, j + 1)
        elif word in ("LOCAL", "PUBLIC") and nxt_word in (
            "SUBROUTINE",
            "SUB",
            "FUNCTION",
        ):
            self.emit(word, word, line, col)
            self.statement = "SUBROUTINE"
            second = "FUNCTION" if nxt_word == "FUNCTION" else "SUBROUTINE"
            self.emit(second, nxt_word, line, nxt.col)
            return j + 2
        elif word in ("GET", "SET"):
            # A property routine of a CLASS: GET NAME(args) ... END.
            self.emit(word, word, line, col)
            self.statement = "SUBROUTINE"
            return self.routine_name(raws, j + 1)
        elif word == "GO":
            self.statement = "GOTO"
            self.emit("GOTO", "GOTO", line, col)
            return j + 2 if nxt_word == "TO" else j + 1
        elif word in ("BEGIN", "END") and nxt_word in ("CASE", "TRANSACTION"):
            self.emit(word, word, line, col)
            self.emit(nxt_word, nxt_word, line, nxt.col)
            return j + 2
        elif word == "SUB":
            self.statement = "SUBROUTINE"
            self.emit("SUBROUTINE", word, line, col)
        elif word == "COM":
            self.emit("COMMON", word, line, col)
        elif word == "EQU":
            self.emit("EQUATE", word, line, col)
        elif word == "DIMENSION":
            self.emit("DIM", word, line, col)
        else:
            self.emit(kw.terminal_name(word), word, line, col)
        if raw.paren:
            self.paren_depth += 1
            self.emit("LPAR", "(", line, raw.end)
        if word in ("LOOP", "REPEAT"):
            self.start_statement()
        elif word == "END":
            self.at_start = True  # "END ELSE"
        elif word in ("GOSUB", "GOTO"):
            self.statement = "GOTO"
        elif word in ("SUBROUTINE", "SUB", "FUNCTION", "PROGRAM", "DEFFUN", "ENTER"):
            return self.routine_name(raws, j + 1)
        return j + 1

    def routine_name(self, raws: list[Raw], n: int) -> int:
        """A catalogue name after CALL or SUBROUTINE may start with "!", "*" or "$"."""
        if (
            n + 1 < len(raws)
            and raws[n].kind == "sym"
            and raws[n].text in ("!", "*", "$", "-")
        ):
            prefix, target = raws[n], raws[n + 1]
            if target.kind == "name" and target.col == prefix.end:
                name = prefix.text + self.name_value(target)
                if target.paren:
                    self.paren_depth += 1
                self.emit(
                    "NAME_LPAR" if target.paren else "NAME",
                    name,
                    prefix.line,
                    prefix.col,
                )
                return n + 2
        return n

    # --- dialects (see transpiler/dialects.py) ----------------------------------

    def join_percent_names(self, raws: list[Raw]) -> list[Raw]:
        """D3: "%" directly before a name makes a C function name (%SOCKET)."""
        out: list[Raw] = []
        k = 0
        while k < len(raws):
            raw = raws[k]
            nxt = raws[k + 1] if k + 1 < len(raws) else None
            if (
                raw.kind == "other"
                and raw.text == "%"
                and nxt is not None
                and nxt.kind == "name"
                and nxt.col == raw.end
            ):
                joined = Raw(
                    "name", "%" + nxt.text, raw.col, nxt.end, "%" + nxt.value, nxt.paren
                )
                out.append(joined)
                k += 2
                continue
            out.append(raw)
            k += 1
        return out

    def is_address_of(self, raws: list[Raw], j: int) -> bool:
        """D3: is the "&" at raws[j] an address-of mark before an argument?

        Only where an argument starts (after "(" or ","), where "&" cannot
        be the AND operator, and only directly before a name.
        """
        if not self.dialect.address_of or not self.paren_depth:
            return False
        nxt = raws[j + 1] if j + 1 < len(raws) else None
        return (
            self.last_type() in ("LPAR", "NAME_LPAR", "COMMA")
            and nxt is not None
            and nxt.kind == "name"
        )

    def d3_statement(self, raws: list[Raw], j: int) -> int | None:
        """D3: ``CFUNCTION lib, ...`` and a ``%name(...)`` call as a statement.

        CFUNCTION becomes a directive the resolver reads; a C function call
        on its own is compiled as ``VOID %name(...)``.
        """
        raw = raws[j]
        if raw.value == "CFUNCTION":
            end = self.skip_to_separator(raws, j + 1)
            names = [r.value for r in raws[j + 1 : end] if r.kind == "name"]
            text = " ".join(["CFUNCTION", *names])
            self.directives.append((raw.line, text))
            self.emit("DIRECTIVE", text, raw.line, raw.col)
            return end
        if raw.paren and not self.paren_assignment(raws, j):
            self.statement = "VOID"
            self.emit("VOID", "VOID", raw.line, raw.col)
            self.paren_depth += 1
            self.emit("NAME_LPAR", raw.value, raw.line, raw.col)
            return j + 1
        return None


def lex(
    source_map: SourceMap, diagnostics: Diagnostics, dialect: str = ""
) -> LexResult:
    """Lex the preprocessed lines of one item (``dialect``: the dialect option)."""
    return Lexer(source_map, diagnostics, dialect).run()
