"""Dialects: ScarletDME (the default), UniVerse and D3.

How a dialect is selected
-------------------------
- The ``dialect`` option: ``--dialect scarletdme|universe|d3`` on the
  ``pick2py`` command line, ``Options(dialect=...)`` in the API.
- A ``$OPTIONS`` or ``$MODE`` line naming one: ``$OPTIONS UNIVERSE`` (or
  ``UV``), ``$OPTIONS D3``, ``$MODE SCARLETDME`` (or ``QM``).
- Any other ``$OPTIONS`` line (a UniVerse flavour such as ``$OPTIONS PICK``
  or ``$OPTIONS INFORMATION``) selects UniVerse: ``$OPTIONS`` is UniVerse's
  directive, ScarletDME has none.

A line in the source wins over the option; the last such line counts.

What a dialect changes
----------------------
Each dialect is a small table of differences (:class:`Dialect`):

- ``functions``: functions the dialect adds. Their calls lower to the
  runtime function named in the table; arguments listed in ``outputs`` are
  variables the call fills in (UniVerse's ``status = readSocket(h, data,
  ...)``, D3's ``%ACCEPT(fd, &address, &port)``): the runtime function
  returns the call's value followed by those outputs, and the lowering
  stores them (:mod:`transpiler.lower.dialect_calls`).
- D3 only: the ``CFUNCTION library`` statement declares a C function
  library; ``%NAME(...)`` names its functions, usable only after their
  library is declared; ``&var`` in an argument list passes a variable by
  address (all arguments of these functions already are); and a
  ``%NAME(...)`` call may stand alone as a statement (its result dropped).

- UniVerse and D3 (the Pick flavours): the default file variable (``OPEN
  'F' ELSE ...`` with no TO, then ``READ X FROM ID``, ``WRITE X ON ID``);
  ``GOSUB100``/``GOTO100`` with no space before a numeric label; ``$*``
  lines are comments; UniVerse also accepts ``$COPYRIGHT`` and ``$EJECT``,
  reads ``LOCATE x IN var`` as ``$MODE UV.LOCATE`` does, and has
  ``GETENV(name)`` (ScarletDME's ``ENV()``), ``DIGEST()`` (hashlib) and
  ``@NULL``/``@NULL.STR`` (the null value, the byte 128); a space may separate an intrinsic
  function's name from its "(" (``INDEX (S, "x", 1)``).

To add a dialect difference: add a flag or table entry here, test it in the
lexer, resolver or lowering where the construct is handled, and list it in
this docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

__all__ = [
    "D3",
    "DIALECTS",
    "Dialect",
    "DialectFunction",
    "SCARLETDME",
    "UNIVERSE",
    "by_name",
    "select",
]


@dataclass(frozen=True)
class DialectFunction:
    """A function a dialect adds, and how a call to it is lowered."""

    runtime: str  # the runtime_lib.rt function
    min_args: int
    max_args: int
    outputs: tuple[int, ...] = ()  # 0-based arguments the call assigns
    library: str = ""  # D3: the CFUNCTION library that provides it


@dataclass(frozen=True)
class Dialect:
    """The differences of one dialect from ScarletDME."""

    name: str
    functions: dict[str, DialectFunction] = field(default_factory=dict)
    cfunction: bool = False  # the CFUNCTION statement and %NAME C functions
    address_of: bool = False  # "&var" passes an argument by address
    directives: frozenset[str] = frozenset()  # "$NAME" lines it adds
    default_file: bool = False  # OPEN without TO, READ/WRITE without a file
    pick_labels: bool = False  # "GOSUB100" with no space, "$*" comment lines
    modes: frozenset[str] = frozenset()  # $MODE settings on from the start
    at_constants: dict[str, str] = field(default_factory=dict)  # @NAME -> its text
    spaced_calls: bool = False  # "INDEX (s, x, 1)": a space before "(" of a function


SCARLETDME = Dialect("scarletdme")

UNIVERSE = Dialect(
    "universe",
    functions={
        "INITSERVERSOCKET": DialectFunction("initserversocket", 4, 4, (3,)),
        "ACCEPTCONNECTION": DialectFunction("acceptconnection", 6, 6, (3, 4, 5)),
        "OPENSOCKET": DialectFunction("opensocket", 5, 5, (4,)),
        "READSOCKET": DialectFunction("readsocket", 6, 6, (1, 5)),
        "WRITESOCKET": DialectFunction("writesocket", 5, 5, (4,)),
        "CLOSESOCKET": DialectFunction("closesocket", 1, 1),
        "GETSOCKETINFORMATION": DialectFunction("getsocketinformation", 3, 3, (2,)),
        "GETSOCKETERRORMESSAGE": DialectFunction("getsocketerrormessage", 2, 2, (1,)),
        # GETENV(name): ScarletDME's ENV().
        "GETENV": DialectFunction("env", 1, 1),
        # status = DIGEST(algorithm, data, dataLoc, result)
        "DIGEST": DialectFunction("digest", 4, 4, (3,)),
    },
    # $COPYRIGHT text and the $EJECT listing control: neither changes what
    # the program does.
    directives=frozenset(["COPYRIGHT", "EJECT"]),
    default_file=True,
    pick_labels=True,
    modes=frozenset(["UV.LOCATE"]),  # LOCATE x IN dynarray SETTING pos
    # The SQL null value, stored as the byte 128 (UniVerse's @NULL.STR).
    at_constants={"NULL": "\x80", "NULL.STR": "\x80"},
    spaced_calls=True,
)

_SOCKETS = "SOCKET.BUILTIN"

D3 = Dialect(
    "d3",
    functions={
        "%SOCKET": DialectFunction("d3_socket", 3, 3, library=_SOCKETS),
        "%BIND": DialectFunction("d3_bind", 4, 4, library=_SOCKETS),
        "%LISTEN": DialectFunction("d3_listen", 2, 2, library=_SOCKETS),
        "%ACCEPT": DialectFunction("d3_accept", 3, 3, (1, 2), library=_SOCKETS),
        "%CONNECT": DialectFunction("d3_connect", 4, 4, library=_SOCKETS),
        "%RECV": DialectFunction("d3_recv", 3, 4, (1,), library=_SOCKETS),
        "%SEND": DialectFunction("d3_send", 2, 4, library=_SOCKETS),
        "%CLOSESOCKET": DialectFunction("d3_close", 1, 1, library=_SOCKETS),
        "%CLOSE": DialectFunction("d3_close", 1, 1, library=_SOCKETS),
    },
    cfunction=True,
    address_of=True,
    default_file=True,
    pick_labels=True,
)

DIALECTS = {"scarletdme": SCARLETDME, "universe": UNIVERSE, "d3": D3}

_ALIASES = {
    "QM": "scarletdme",
    "SCARLETDME": "scarletdme",
    "OPENQM": "scarletdme",
    "UNIVERSE": "universe",
    "UV": "universe",
    "D3": "d3",
}

_DIRECTIVE = re.compile(r"^\s*\$(OPTIONS|MODE)\b(.*)$", re.IGNORECASE)


def by_name(name: str) -> Dialect:
    """The dialect called ``name`` (any case, or an alias such as UV or QM)."""
    key = _ALIASES.get(name.strip().upper(), name.strip().lower())
    try:
        return DIALECTS[key]
    except KeyError:
        raise ValueError(
            f"unknown dialect {name!r} (choose from {', '.join(DIALECTS)})"
        ) from None


def select(option: str, lines: Iterable[str]) -> Dialect:
    """The dialect of an item: its $OPTIONS/$MODE lines, else the option."""
    chosen = by_name(option) if option else SCARLETDME
    for line in lines:
        match = _DIRECTIVE.match(line)
        if match is None:
            continue
        directive = match.group(1).upper()
        words = re.split(r";\s*[*!]", match.group(2), maxsplit=1)[0].split()
        named = [w.upper() for w in words if w.upper() in _ALIASES]
        if named:
            chosen = by_name(named[-1])
        elif directive == "OPTIONS":
            chosen = UNIVERSE
    return chosen
