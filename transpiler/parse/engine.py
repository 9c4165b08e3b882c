"""The LALR parser and its error recovery (lark lives only in this package).

The grammar (``grammar.lark``) is parsed with lark's LALR parser over the
tokens of :mod:`transpiler.lexer`. An inline transformer builds the AST
while parsing.

Syntax errors are collected, not raised: on an unexpected token the parser
records a diagnostic, unwinds its stack to the nearest state that accepts a
statement, puts an ``ERRSTMT`` placeholder there and skips to the end of the
line, as yacc's error recovery does. So a file with three syntax errors
reports three.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lark import Lark, Token
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer as LarkLexer
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_interactive_parser import InteractiveParser
from lark.parsers.lalr_parser_state import ParseConf, ParserState

from transpiler import ast as A
from transpiler.diagnostics import Diagnostics, Span
from transpiler.lexer import LexResult
from transpiler.parse.build import BuildAst

# Friendly names for terminals in "expected ..." messages.
_TERMINAL_NAMES = {
    "NL": "end of line",
    "SEMI": "';'",
    "ISEMI": "';'",
    "PSEMI": "';'",
    "LPAR": "'('",
    "RPAR": "')'",
    "COMMA": "','",
    "LANGLE": "'<'",
    "RANGLE": "'>'",
    "LBRACK": "'['",
    "RBRACK": "']'",
    "EQ": "'='",
    "NAME": "a name",
    "NAME_LPAR": "a name",
    "NUMBER": "a number",
    "STRING": "a string",
    "$END": "end of file",
    "TCOLON": "':'",
    "COLON": "':'",
    "AT_NAME": "an @-variable",
    "AT_NAME_LPAR": "an @-variable",
    "AT_LPAR": "'@('",
    "ASSIGN_OP": "'+='",
    "IFX": "IF",
}

# Block openers and what a file ending inside one is missing.
_OPENERS = {
    "FOR": "FOR without NEXT",
    "LOOP": "LOOP without REPEAT",
    "THEN": "THEN block without END",
    "ELSE": "ELSE block without END",
    "LOCKED": "LOCKED block without END",
    "ON_ERROR": "ON ERROR block without END",
    "LOCAL": "LOCAL routine without END",
}


class _TokenFeed(LarkLexer):
    """Hands our pre-made tokens to lark, skipping after an error."""

    def __init__(self, lexer_conf=None):
        self.skipping = False

    def lex(self, data):
        # lark calls lex() again when it resumes after an error, so the
        # position lives in the feed, not in this generator.
        feed = data
        tokens = feed.tokens
        while feed.position < len(tokens):
            tok = tokens[feed.position]
            feed.position += 1
            if feed.skip_to_line_end:
                if tok.type != "NL":
                    continue
                feed.skip_to_line_end = False
            yield lark_token(tok.type, tok.value, tok.line, tok.column)


_new_str = str.__new__


def lark_token(kind: str, value: str, line: int, column: int) -> Token:
    """``Token(kind, value, 0, line, column, line, column + len(value))``,
    made without lark's constructor, whose two Python calls per token (it
    checks for a keyword lark no longer takes) were a tenth of the parsing
    time. ``tests/test_transpile_speed.py`` checks that both are the same."""
    token = _new_str(Token, value)
    token.type = kind
    token.value = value
    token.start_pos = 0
    token.line = line
    token.column = column
    token.end_line = line
    token.end_column = column + len(value)
    token.end_pos = None
    return token


class _Feed:
    def __init__(self, tokens):
        self.tokens = tokens
        self.position = 0
        self.skip_to_line_end = False


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = resources.files("transpiler").joinpath("grammar.lark").read_text()
    lark = Lark(
        grammar,
        parser="lalr",
        lexer=_TokenFeed,
        transformer=BuildAst(),
        maybe_placeholders=False,
        cache=_table_cache(),
    )
    _use_fast_steps(lark.parser.parser.parser)
    return lark


def _table_cache() -> str | bool:
    """Where lark keeps the LALR tables it computed (about a second's work
    at every start otherwise); lark checks the grammar's hash itself."""
    from transpiler.cachedir import cache_root

    folder = cache_root()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return str(folder / "lark-grammar.cache")


def _use_fast_steps(parser) -> None:
    """Make lark's LALR driver (``parser``) step with :class:`_FastState`.

    lark's own step looks each reduction's callback up by its rule, whose
    hash and equality are Python methods comparing the rule's symbols:
    about a sixth of the parsing time. The tables here hold the callback,
    the rule's length and its symbol's name directly.
    """
    steps = _fast_steps(parser.parse_table, parser.callbacks)

    def parse(
        lexer, start, value_stack=None, state_stack=None, start_interactive=False
    ):
        conf = ParseConf(parser.parse_table, parser.callbacks, start)
        state = _FastState(conf, lexer, state_stack, value_stack)
        state.steps = steps
        if start_interactive:
            return InteractiveParser(parser, state, state.lexer)
        return parser.parse_from_state(state)

    parser.parse = parse


def _fast_steps(table, callbacks) -> dict:
    """state -> terminal or rule name -> a shift ``(None, state, callback)``
    or a reduction ``(length, callback, name)``.

    Rule names are made plain strings: lark names some rules with its own
    ``Token`` (a str subclass with a Python ``__eq__``), and looking one up
    in a row of str keys would call that ``__eq__`` at every reduction.
    """
    reductions: dict[int, tuple] = {}
    steps = {}
    for state, actions in table.states.items():
        row = {}
        for symbol, (action, arg) in actions.items():
            if action is Shift:
                row[symbol] = (None, arg, callbacks.get(symbol))
            else:
                if id(arg) not in reductions:
                    reductions[id(arg)] = (
                        len(arg.expansion),
                        callbacks[arg],
                        str(arg.origin.name),
                    )
                row[symbol] = reductions[id(arg)]
        steps[state] = row
    return steps


class _FastState(ParserState):
    """lark's parser state, stepping through :func:`_fast_steps` tables.

    :meth:`feed_token` does what lark's does, in the same order, and
    raises the same error.
    """

    __slots__ = ("steps",)

    def copy(self, deepcopy_values=True) -> "_FastState":
        state = super().copy(deepcopy_values)
        state.steps = self.steps
        return state

    def feed_token(self, token: Token, is_end=False):
        state_stack = self.state_stack
        value_stack = self.value_stack
        steps = self.steps
        end_state = self.parse_conf.end_state
        kind = token.type
        while True:
            try:
                step = steps[state_stack[-1]][kind]
            except KeyError:
                actions = self.parse_conf.states[state_stack[-1]]
                expected = {s for s in actions.keys() if s.isupper()}
                raise UnexpectedToken(token, expected, state=self) from None
            if step[0] is None:
                _, new_state, callback = step
                state_stack.append(new_state)
                value_stack.append(token if callback is None else callback(token))
                return None
            size, callback, name = step
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value = callback(children)
            new_state = steps[state_stack[-1]][name][1]
            state_stack.append(new_state)
            value_stack.append(value)
            if is_end and new_state == end_state:
                return value


def parse(name: str, path: str, lexed: LexResult, diagnostics: Diagnostics) -> A.Item:
    """Parse an item's tokens into an :class:`ast.Item`, recording syntax errors."""
    feed = _Feed(lexed.tokens)
    recovery = _Recovery(feed, diagnostics)
    try:
        body = _parser().parse(feed, on_error=recovery)
    except UnexpectedInput as exc:
        recovery.report(exc)
        body = []
    if not isinstance(body, list):
        body = []
    return A.Item(
        name,
        path,
        body,
        comments=lexed.comments,
        directives=lexed.directives,
        span=Span(1, 1),
    )


class _Recovery:
    """yacc-style recovery: report, unwind to a statement, skip the line."""

    def __init__(self, feed: _Feed, diagnostics: Diagnostics):
        self.feed = feed
        self.diagnostics = diagnostics
        self.count = 0

    def report(self, exc: UnexpectedInput) -> None:
        token = getattr(exc, "token", None)
        if token is None or token.type == "$END":
            opener = self.open_block(exc)
            if opener is not None:
                word, message = opener
                self.diagnostics.error(Span(word.line, word.column), message, "E-PARSE")
                return
            line = self.feed.tokens[-1].line if self.feed.tokens else 1
            self.diagnostics.error(Span(line, 1), "unexpected end of file", "E-PARSE")
            return
        if any(
            d.severity == "error"
            and d.line == self.diagnostics.source_map.origin(token.line).number
            for d in self.diagnostics.items
        ):
            return  # one error per line: the first one explains the rest
        self.diagnostics.error(
            Span(token.line, token.column), self.message(exc, token), "E-PARSE"
        )

    def open_block(self, exc) -> tuple[Token, str] | None:
        """The innermost construct still open at the end of the file."""
        parser = getattr(exc, "interactive_parser", None)
        if parser is None:
            return None
        stack = parser.parser_state.value_stack
        for i in range(len(stack) - 1, -1, -1):
            value = stack[i]
            if not isinstance(value, Token):
                continue
            if value.type == "BEGIN":
                after = stack[i + 1] if i + 1 < len(stack) else None
                kind = after.type if isinstance(after, Token) else "CASE"
                return value, f"BEGIN {kind} without END {kind}"
            if value.type in _OPENERS:
                return value, _OPENERS[value.type]
        return None

    def in_case(self, exc) -> bool:
        """Is a BEGIN CASE open where the parser stopped?"""
        parser = getattr(exc, "interactive_parser", None)
        if parser is None:
            return False
        stack = parser.parser_state.value_stack
        return any(isinstance(v, Token) and v.type == "BEGIN" for v in stack)

    def token_before(self, token: Token) -> Token:
        """The token fed before ``token`` (an NL token at the start)."""
        tokens = self.feed.tokens  # the feed's own: lark gets copies
        for i in range(min(self.feed.position, len(tokens)) - 1, 0, -1):
            if (tokens[i].line, tokens[i].column) == (token.line, token.column):
                return tokens[i - 1]
        return Token("NL", "\n")

    def message(self, exc, token: Token) -> str:
        shown = "end of line" if token.type == "NL" else repr(str(token))
        expected = sorted(getattr(exc, "expected", ()) or ())
        if token.type == "NEXT" and "NEXT" not in expected:
            return "NEXT without FOR"
        if token.type == "REPEAT" and "REPEAT" not in expected:
            return "REPEAT without LOOP"
        if token.type == "END" and "END" not in expected:
            return "END without a statement to end"
        if token.type in ("ELSE", "THEN") and token.type not in expected:
            return f"misplaced {token.type}"
        if token.type == "CASE" and "CASE" not in expected and not self.in_case(exc):
            if self.token_before(token).type == "END":
                return "END CASE without BEGIN CASE"
            return "CASE without BEGIN CASE"
        names = [_TERMINAL_NAMES.get(t, t) for t in expected if t != "ERRSTMT"]
        if 0 < len(names) <= 6:
            return f"unexpected {shown}, expected {', '.join(dict.fromkeys(names))}"
        return f"unexpected {shown}"

    def __call__(self, exc: UnexpectedInput) -> bool:
        if not isinstance(exc, UnexpectedToken) or exc.token.type == "$END":
            return False
        self.count += 1
        if self.count > 100:
            return False
        self.report(exc)
        parser = exc.interactive_parser
        state = parser.parser_state
        states = state.parse_conf.parse_table.states
        token = exc.token
        placeholder = Token("ERRSTMT", "?", 0, token.line, token.column)
        while state.state_stack:
            action = states[state.state_stack[-1]].get("ERRSTMT")
            if action is not None and action[0] is Shift:
                break
            state.state_stack.pop()
            if state.value_stack:
                state.value_stack.pop()
        if not state.state_stack:
            return False
        try:
            parser.feed_token(placeholder)
            if token.type == "NL":
                parser.feed_token(token)
            else:
                self.feed.skip_to_line_end = True
        except UnexpectedInput:
            return False
        return True
