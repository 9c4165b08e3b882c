"""The part of ScarletDME's query language that SELECT, SSELECT and COUNT use.

Supported: ``[DICT] file ["id" ...] [WITH condition ...] [BY field |
BY.DSND field ...] [TO list]``, where a condition is ``[NOT] field``,
``NO field`` (also ``WITHOUT field``) or ``field op value``, and
conditions are joined by AND / OR (either may be followed by WITH),
evaluated left to right with no priority, as QPROC does by default;
brackets group them, and consecutive WITH clauses must all hold.
The operators are ``= EQ # NE <> < LT > GT <= LE >= GE LIKE MATCHING
UNLIKE STARTING.WITH ENDING.WITH CONTAINING`` (NOT after a field name is
NE); more quoted values after a condition are alternatives (an implicit
OR). A multivalued field satisfies a condition if any of its values does. Comparisons follow BASIC's rules (numbers compare
as numbers); LIKE takes a MATCHES template such as ``"A..."``.

Field names are looked up in the file's dictionary as D-type (or Pick A/S)
items, field number in attribute 2 and justification ("L"/"R") at the end
of attribute 5 (attribute 9 for A/S); ``@ID`` is the record id. A
right-justified field sorts as numbers. I-type items and anything else
raise :class:`QueryError` with ScarletDME's message.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from runtime_lib.compare import compare
from runtime_lib.files.account import current_account, open_storage
from runtime_lib.files.storage import Storage
from runtime_lib.matching import matches
from runtime_lib.values import FM, SM, VM

__all__ = ["Query", "QueryError", "parse_query", "run_query", "tokenize"]


class QueryError(Exception):
    """A query sentence pick2py cannot run; the text is ScarletDME's."""


@dataclass
class Token:
    text: str
    quoted: bool = False

    @property
    def word(self) -> str:
        return "" if self.quoted else self.text.upper()


def tokenize(sentence: str) -> list[Token]:
    """Split a command line into words; "..", '..' and \\..\\ quote."""
    tokens: list[Token] = []
    i = 0
    n = len(sentence)
    while i < n:
        c = sentence[i]
        if c == " ":
            i += 1
            continue
        if c in "\"'\\":
            end = sentence.find(c, i + 1)
            if end < 0:
                end = n
            tokens.append(Token(sentence[i + 1 : end], True))
            i = end + 1
            continue
        end = sentence.find(" ", i)
        if end < 0:
            end = n
        tokens.append(Token(sentence[i:end]))
        i = end
    return tokens


_OPERATORS = {
    "=": "EQ", "EQ": "EQ", "#": "NE", "NOT": "NE", "NE": "NE", "<>": "NE", "><": "NE",
    "<": "LT", "LT": "LT", "BEFORE": "LT", ">": "GT", "GT": "GT", "AFTER": "GT",
    "<=": "LE", "LE": "LE", "=<": "LE", ">=": "GE", "GE": "GE", "=>": "GE",
    "LIKE": "LIKE", "MATCHING": "LIKE", "MATCHES": "LIKE",
    "UNLIKE": "UNLIKE", "NOT.MATCHING": "UNLIKE",
    "STARTING.WITH": "STARTS", "ENDING.WITH": "ENDS", "CONTAINING": "CONTAINS",
}  # fmt: skip

_CLAUSE_WORDS = {"WITH", "WITHOUT", "BY", "BY.DSND", "TO", "AND", "OR"}


@dataclass
class Field:
    name: str
    number: int  # 0 is the record id
    right: bool = False

    def values(self, id: str, record: str) -> list[str]:
        if self.number == 0:
            text = id
        else:
            fields = record.split(FM)
            text = fields[self.number - 1] if self.number <= len(fields) else ""
        return text.replace(SM, VM).split(VM)


@dataclass
class Condition:
    field: Field
    op: str  # "" tests non-empty, "NO" tests empty
    values: list[str] = field(default_factory=list)
    negate: bool = False

    def holds(self, id: str, record: str) -> bool:
        items = self.field.values(id, record)
        if self.op == "":
            result = any(items)
        elif self.op == "NO":
            result = not any(items)
        else:
            result = any(_test(self.op, item, v) for item in items for v in self.values)
        return result != self.negate


def _test(op: str, item: str, value: str) -> bool:
    if op == "LIKE":
        return bool(matches(item, value))
    if op == "UNLIKE":
        return not matches(item, value)
    if op == "STARTS":
        return item.startswith(value)
    if op == "ENDS":
        return item.endswith(value)
    if op == "CONTAINS":
        return value in item
    order = compare(item, value)
    return {
        "EQ": order == 0,
        "NE": order != 0,
        "LT": order < 0,
        "GT": order > 0,
        "LE": order <= 0,
        "GE": order >= 0,
    }[op]


@dataclass
class Query:
    """A parsed SELECT / SSELECT / COUNT sentence."""

    file_name: str
    dict_part: bool = False
    ids: list[str] = field(default_factory=list)
    # One group per WITH clause; a record must satisfy them all.
    where: list[Group] = field(default_factory=list)
    sort: list[tuple[Field, bool]] = field(default_factory=list)
    to_list: int | None = None


class _Dictionary:
    def __init__(self, storage: Storage | None):
        self.storage = storage

    def field(self, name: str) -> Field:
        record = None
        if self.storage is not None:
            record = self.storage.read(name)
            if record is None and name.upper() != name:
                record = self.storage.read(name.upper())
        if record is None:
            if name.upper() == "@ID":
                return Field(name, 0)
            raise QueryError(f"{name} is not a field name or expression")
        attrs = record.split(FM)
        kind = attrs[0][:1].upper()
        if kind == "I":
            raise QueryError(f"{name} is an I-type item, which pick2py cannot evaluate")
        if kind not in ("D", "A", "S"):
            raise QueryError(f"{name} is not a field name or expression")
        try:
            number = int(attrs[1]) if len(attrs) > 1 and attrs[1] else 0
        except ValueError:
            raise QueryError(
                f"Dictionary entry for {name} has non-numeric field location"
            ) from None
        justify_at = 4 if kind == "D" else 8
        justify = attrs[justify_at] if len(attrs) > justify_at else ""
        return Field(name, number, justify.rstrip().upper().endswith("R"))


def _open_dict(file_name: str, dict_part: bool) -> _Dictionary:
    if dict_part:
        return _Dictionary(None)
    status, path = current_account().resolve(file_name, True)
    if status:
        return _Dictionary(None)
    status, storage = open_storage(path)
    return _Dictionary(storage if status == 0 else None)


def parse_query(tokens: list[Token]) -> Query:
    """Parse the words after the verb into a :class:`Query`."""
    tokens = _split_brackets(tokens)
    pos = 0
    dict_part = False
    if pos < len(tokens) and tokens[pos].word == "DICT":
        dict_part = True
        pos += 1
    if pos >= len(tokens):
        raise QueryError("File name required")
    query = Query(tokens[pos].text, dict_part)
    pos += 1
    dictionary = _open_dict(query.file_name, dict_part)
    while pos < len(tokens):
        word = tokens[pos].word
        if word in ("WITH", "WITHOUT"):
            pos = _parse_with(tokens, pos, query, dictionary)
        elif word in ("BY", "BY.DSND"):
            if pos + 1 >= len(tokens):
                raise QueryError("Field name missing in selection clause")
            name = tokens[pos + 1].text
            try:
                sort_field = dictionary.field(name)
            except QueryError:
                raise QueryError(f"Invalid field name '{name}'") from None
            query.sort.append((sort_field, word == "BY.DSND"))
            pos += 2
        elif word == "TO":
            if pos + 1 >= len(tokens) or not tokens[pos + 1].text.isdigit():
                raise QueryError("Select list number missing or invalid")
            query.to_list = int(tokens[pos + 1].text)
            pos += 2
        elif tokens[pos].quoted or word not in _CLAUSE_WORDS:
            query.ids.append(tokens[pos].text)
            pos += 1
        else:
            raise QueryError(f"Unexpected token ({tokens[pos].text})")
    return query


def _split_brackets(tokens: list[Token]) -> list[Token]:
    """Make brackets words of their own, as QPROC's PARSER does.

    A ``(`` opens a group where a word starts; a ``)`` ends a word anywhere.
    """
    words: list[Token] = []
    for token in tokens:
        if token.quoted:
            words.append(token)
            continue
        text = token.text
        while text.startswith("("):
            words.append(Token("("))
            text = text[1:]
        for i, part in enumerate(text.split(")")):
            if i:
                words.append(Token(")"))
            if part:
                words.append(Token(part))
    return words


def _parse_with(tokens: list[Token], pos: int, query: Query, dictionary) -> int:
    """Parse one WITH clause from tokens[pos], as QPROC's selection clause.

    Conditions are joined by AND / OR, each optionally followed by WITH
    (``WITH A = 1 AND WITH B = 2``; WITHOUT after AND/OR is WITH NO). After
    AND / OR an operator with no field name tests the field used last, and
    a quoted value alone repeats the last operator too. A quoted value
    straight after a condition's value is an implicit OR (``WITH A = "1"
    "2"``). Brackets group conditions.
    """
    parser = _ClauseParser(tokens, pos, dictionary)
    if tokens[pos].word == "WITHOUT":
        parser.pending_no = True
    parser.pos += 1
    clause = parser.group(0)
    query.where.append(clause)
    return parser.pos


class _ClauseParser:
    def __init__(self, tokens: list[Token], pos: int, dictionary):
        self.tokens = tokens
        self.pos = pos
        self.dictionary = dictionary
        self.pending_no = False
        self.last_field: Field | None = None
        self.last_op = ""

    def word(self) -> str:
        return self.tokens[self.pos].word if self.pos < len(self.tokens) else ""

    def group(self, depth: int) -> Group:
        terms: list[tuple[str, Condition | Group]] = []
        joiner = ""
        while True:
            closed = self.word() == "("
            if closed:
                self.pos += 1
                terms.append((joiner, self.group(depth + 1)))
            else:
                terms.append((joiner, self.condition()))
            word = self.word()
            if word == ")":
                if depth == 0:
                    raise QueryError("Unexpected close bracket")
                self.pos += 1
                return Group(terms)
            if word in ("AND", "OR"):
                joiner = word
                self.pos += 1
                if self.word() == "WITH":
                    self.pos += 1
                elif self.word() == "WITHOUT":
                    self.pending_no = True
                    self.pos += 1
            elif self.is_implicit_or(closed):
                joiner = "OR"
            else:
                break
        if depth:
            raise QueryError("Unclosed brackets in selection expression")
        return Group(terms)

    def is_implicit_or(self, closed: bool) -> bool:
        return (
            not closed
            and self.last_op not in ("", "NO")
            and self.pos < len(self.tokens)
            and self.tokens[self.pos].quoted
        )

    def condition(self) -> Condition:
        tokens = self.tokens
        negate = False
        empty_test = self.pending_no
        self.pending_no = False
        while self.word() in ("NOT", "NO", "EVERY"):
            if self.word() == "NOT":
                negate = not negate
            elif self.word() == "NO":
                empty_test = True
            self.pos += 1
        if self.pos >= len(tokens):
            raise QueryError("Field name missing in selection clause")
        at = tokens[self.pos]
        if self.last_field and (at.quoted or at.word in _OPERATORS):
            # QPROC: no field name after AND/OR means the field used last;
            # a value alone means the operator used last as well.
            the_field = self.last_field
            if at.quoted:
                return Condition(the_field, self.last_op, [self.value()], negate)
        else:
            the_field = self.dictionary.field(at.text)
            self.pos += 1
        self.last_field = the_field
        if empty_test:
            self.last_op = "NO"
            return Condition(the_field, "NO", negate=negate)
        if self.word() not in _OPERATORS or tokens[self.pos].quoted:
            self.last_op = ""
            return Condition(the_field, "", negate=negate)
        self.last_op = _OPERATORS[self.word()]
        self.pos += 1
        return Condition(the_field, self.last_op, [self.value()], negate)

    def value(self) -> str:
        at = self.tokens[self.pos] if self.pos < len(self.tokens) else None
        if at is None or (not at.quoted and at.word in _VALUE_STOPS):
            raise QueryError("Value required after operator")
        self.pos += 1
        return at.text


_VALUE_STOPS = _CLAUSE_WORDS | set(_OPERATORS) | {"(", ")"}


@dataclass
class Group:
    """Conditions joined by AND / OR, evaluated left to right as QPROC does.

    QPROC gives AND no priority over OR (unless OPTION QUERY.PRIORITY.AND):
    a false condition before AND, or a true one before OR, skips to the
    next joiner with its truth unchanged, so ``A OR B AND C`` is ``(A OR
    B) AND C``.
    """

    terms: list[tuple[str, Condition | Group]]

    def holds(self, id: str, record: str) -> bool:
        truth = True
        for joiner, term in self.terms:
            if joiner == "" or (joiner == "AND") == truth:
                truth = term.holds(id, record)
        return truth


def _sort_key(sort: list[tuple[Field, bool]]):
    def cmp(a: tuple[str, str], b: tuple[str, str]) -> int:
        for the_field, descending in sort:
            x = the_field.values(*a)[0]
            y = the_field.values(*b)[0]
            if the_field.right:
                order = compare(x, y)
            else:
                bx, by = x.encode("latin-1"), y.encode("latin-1")
                order = (bx > by) - (bx < by)
            if order:
                return -order if descending else order
        return 0

    return functools.cmp_to_key(cmp)


def run_query(
    query: Query, storage: Storage, source_ids: list[str] | None, sort_ids: bool
) -> list[str]:
    """Return the ids the query selects, in the order it asks for.

    ``source_ids`` (an active select list, or the ids typed in the
    sentence) replaces the whole file as the records to consider.
    ``sort_ids`` (SSELECT) orders by id after any BY fields.
    """
    ids = query.ids or source_ids
    if ids is None:
        ids = storage.ids()
    need_records = (
        bool(query.where)
        or any(f.number for f, _ in query.sort)
        or bool(query.ids)
        or source_ids is not None
    )
    rows: list[tuple[str, str]] = []
    for id in ids:
        if not storage.check_id(id):
            continue
        record = storage.read(id) if need_records else ""
        if record is None:
            continue
        if not all(clause.holds(id, record) for clause in query.where):
            continue
        rows.append((id, record))
    sort = list(query.sort)
    if sort_ids:
        sort.append((Field("@ID", 0), False))
    if sort:
        rows.sort(key=_sort_key(sort))
    return [id for id, _ in rows]
