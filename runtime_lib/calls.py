"""Calling BASIC routines: CALL, DEFFUN functions, SUBR(), COMMON, programs.

Arguments are passed by reference in BASIC. A generated SUBROUTINE is a
Python function that returns the final values of its parameters as a tuple;
the caller stores each back into the variable it passed. A FUNCTION returns
its value followed by its parameters, for the same reason. Each call gets its own PRECISION (4), as each ScarletDME program
level does, and the caller's is restored afterwards.

CALL runs ``__basic__.entry``, the bare routine. Python callers use the
module's public name instead, which :mod:`runtime_lib.pycall` wraps to take
Python values and hand back named results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from types import CodeType
from typing import Callable, Optional

from runtime_lib import catalog as _catalog
from runtime_lib.errors import (
    ArgumentCountError,
    BasicError,
    ChainProgram,
    NotCataloguedError,
    StopProgram,
)
from runtime_lib.matrix import Matrix
from runtime_lib.state import DEFAULT_PRECISION, state
from runtime_lib.values import UNASSIGNED, Unassigned, to_str


@dataclass
class ItemInfo:
    """What a generated module says about itself (its ``__basic__``)."""

    name: str
    kind: str  # PROGRAM, SUBROUTINE or FUNCTION
    source: str
    names: dict = field(default_factory=dict)  # Python name -> BASIC name if changed
    entry: Optional[Callable] = None  # the routine, as CALL runs it
    python_entry: Optional[Callable] = None  # the same for Python callers (pycall)

    def basic_name(self, python_name: str) -> str:
        return self.names.get(python_name, python_name)


def load_item(name: str):
    """The module of a catalogued item, or the BASIC error CALL reports."""
    try:
        return _catalog.catalog.load(name)
    except _catalog.NotFound:
        raise NotCataloguedError(name) from None
    except _catalog.CatalogError as exc:
        raise NotCataloguedError(name, reason=str(exc)) from None


def _entry(name: str) -> tuple[Callable, ItemInfo]:
    module = load_item(name)
    info: ItemInfo = module.__basic__
    if info.kind != "SUBROUTINE" or info.entry is None:
        raise BasicError(f"{name} is a {info.kind.lower()}, not a subroutine")
    return info.entry, info


def _check_count(name: str, entry: Callable, count: int) -> None:
    expected = _parameter_count(entry)
    if expected >= 0 and expected != count:
        raise ArgumentCountError(name, count, expected)


def _parameter_count(entry: Callable) -> int:
    """How many arguments a routine takes (-1 for VAR.ARGS: any number)."""
    code = getattr(entry, "__code__", None)
    if code is None or code.co_flags & 0x04:  # *args: VAR.ARGS
        return -1
    return code.co_argcount


# The runtime names that set or read what a call level keeps besides its
# variables: PRECISION, and COL1()/COL2(), which FIELD, X[d,o,n], DPARSE
# and FIELDS() set.
_LEVEL_NAMES = frozenset(
    ("precision", "field", "group", "dparse", "fields", "col1", "col2")
)


def _keeps_level(entry: Callable) -> bool:
    """Does a routine surely leave its call level as it finds it?

    That is PRECISION, which only the PRECISION statement changes, and
    COL1()/COL2(); every routine called in turn restores its own. So a
    routine keeps them when neither its code nor the code nested in it
    (GOSUB sections, LOCAL routines) names one of ``_LEVEL_NAMES``: then it
    can run without a call level of its own as long as its caller runs at
    the default PRECISION.
    """
    code = getattr(entry, "__code__", None)
    if code is None:
        return False
    pending = [code]
    while pending:
        code = pending.pop()
        if not _LEVEL_NAMES.isdisjoint(code.co_names):
            return False
        pending += [c for c in code.co_consts if isinstance(c, CodeType)]
    return True


# CALL targets found so far: name as written -> (routine, parameter count,
# whether it keeps its call level (see _keeps_level), the same name called through rt.call).
# The catalogue never unloads an item, so a name always finds the same one.
_CALL_TARGETS: dict[str, tuple[Callable, int, bool, Callable]] = {}


def _call_target(name: object) -> tuple[Callable, int, bool, Callable]:
    target = to_str(name)
    entry, _ = _entry(target)
    count = _parameter_count(entry)
    found = (entry, count, _keeps_level(entry), partial(call, target))
    _CALL_TARGETS[target] = found
    return found


def call_target(name: object, count: int) -> Callable:
    """What ``CALL name(args)`` with ``count`` arguments runs, as generated
    code calls it: ``TOTAL, I = rt.call_target("ADD.TO", 2)(TOTAL, I)``.

    The routine itself once a CALL has found it, when it takes that many
    arguments and keeps its call level (PRECISION, COL1(), COL2()), and the caller runs at the default
    PRECISION, which is the one the routine must run at: nothing needs
    doing around the call. Otherwise :func:`call` with the name, which
    finds the routine (after the caller has evaluated the arguments, as
    ScarletDME's CALL does), checks the count and starts a call level.
    """
    found = _CALL_TARGETS.get(name) if type(name) is str else None
    if found is None:
        return partial(call, name)
    if found[1] == count and found[2] and state.precision == DEFAULT_PRECISION:
        return found[0]
    return found[3]


def call(name: object, *args: object) -> tuple:
    """CALL name(args): run a catalogued SUBROUTINE; return its parameters,
    one value per argument (the caller unpacks them into its variables)."""
    found = _CALL_TARGETS.get(name) if type(name) is str else None
    if found is None:
        found = _call_target(name)
    entry, count = found[0], found[1]
    if count != len(args):
        if count >= 0:
            raise ArgumentCountError(to_str(name), len(args), count)
        return _call_var_args(entry, args)
    # state.enter_call() and leave_call(), inline: CALL is a hot path.
    precision, col1, col2 = state.precision, state.col1, state.col2
    state.precision = DEFAULT_PRECISION
    state.col1 = state.col2 = 0
    try:
        result = entry(*args)
    finally:
        state.precision, state.col1, state.col2 = precision, col1, col2
    if result is None:
        return ()
    return result


def _call_var_args(entry: Callable, args: tuple) -> tuple:
    """CALL of a VAR.ARGS routine, which hands back all its parameters,
    given or not: the ones the caller passed."""
    saved = state.enter_call()
    try:
        result = entry(*args)
    finally:
        state.leave_call(saved)
    return tuple(result or ())[: len(args)]


def enter(name: object) -> None:
    """ENTER name under $MODE PICK.ENTER: end this program (and those that
    called it) and run the catalogued routine in its place, with no
    arguments (ScarletDME op_enter)."""
    target = to_str(name)
    module = load_item(target)
    info: ItemInfo = module.__basic__
    entry = info.entry
    if info.kind == "SUBROUTINE":
        _check_count(target, entry, 0)
    raise ChainProgram(target, entry=entry)


# DEFFUN targets found so far: catalogue name -> (routine, parameter count,
# whether it is a SUBROUTINE taking the result argument first, whether it
# keeps its call level, the same name called through rt.call_function).
_FUNCTION_TARGETS: dict[str, tuple[Callable, int, bool, bool, Callable]] = {}


def _function_target(name: str) -> tuple[Callable, int, bool, bool, Callable]:
    info: ItemInfo = load_item(name).__basic__
    if info.kind not in ("FUNCTION", "SUBROUTINE") or info.entry is None:
        raise BasicError(f"{name} is a {info.kind.lower()}, not a function")
    entry = info.entry
    found = (
        entry,
        _parameter_count(entry),
        info.kind == "SUBROUTINE",
        _keeps_level(entry),
        partial(call_function, name),
    )
    _FUNCTION_TARGETS[name] = found
    return found


def function_target(name: str, count: int) -> Callable:
    """What a DEFFUN'd function called with ``count`` arguments runs:
    ``rt.function_target("PLUS", 2)(A, B)``, as :func:`call_target` for
    CALL: the FUNCTION routine itself when nothing needs doing around it,
    else :func:`call_function` with the name."""
    found = _FUNCTION_TARGETS.get(name)
    if found is None:
        return partial(call_function, name)
    if (
        found[1] == count
        and not found[2]
        and found[3]
        and state.precision == DEFAULT_PRECISION
    ):
        return found[0]
    return found[4]


def call_function(name: str, *args: object) -> tuple:
    """A DEFFUN'd function: run the catalogued FUNCTION; return its value
    followed by what it left in its arguments.

    ScarletDME passes a function's arguments by reference, as CALL does;
    the caller stores back the ones it passed as variables. A FUNCTION
    routine returns that tuple itself. ``DEFFUN F(...) CALLING "S"`` may
    name a SUBROUTINE: BCOMP passes the result variable as its first
    argument, so the tuple it returns has the same shape. The counts in an
    argument count error include that hidden result argument.
    """
    found = _FUNCTION_TARGETS.get(name)
    if found is None:
        found = _function_target(name)
    entry, count, subroutine = found[:3]
    if subroutine:
        args = (_FUNCTION_RESULT, *args)
        if count != len(args) and count >= 0:
            raise ArgumentCountError(name, len(args), count)
    elif count != len(args) and count >= 0:
        raise ArgumentCountError(name, len(args) + 1, count + 1)
    # state.enter_call() and leave_call(), inline: functions are a hot path.
    precision, col1, col2 = state.precision, state.col1, state.col2
    state.precision = DEFAULT_PRECISION
    state.col1 = state.col2 = 0
    try:
        return entry(*args)
    finally:
        state.precision, state.col1, state.col2 = precision, col1, col2


# What a SUBROUTINE run as a function finds in its result argument.
_FUNCTION_RESULT = Unassigned("_FUNC")


def subr(name: object, *args: object) -> object:
    """SUBR(name, args...): call a SUBROUTINE whose first argument is the result."""
    result = call(name, UNASSIGNED, *args)
    return result[0] if result else ""


def var_args(args: tuple, markers: tuple) -> tuple:
    """The parameters of a VAR.ARGS routine: given ones, then unassigned."""
    if len(args) > len(markers):
        raise ArgumentCountError()
    return tuple(args) + tuple(markers[len(args) :])


def named_args(args: list, markers: tuple) -> tuple:
    """The named parameters of a routine that also takes unnamed arguments
    (``PUBLIC SUBROUTINE S(A, ...)``): given ones, then unassigned."""
    named = tuple(args[: len(markers)])
    return named + tuple(markers[len(named) :])


def argument_list(args: tuple, most: int) -> list:
    """The arguments of a routine taking up to ``most``, missing ones
    unassigned, as a list SET.ARG may assign."""
    return list(args) + [Unassigned("") for _ in range(most - len(args))]


def set_arg(args: list, n: object, value: object, named: int = 0) -> None:
    """SET.ARG n, value: assign argument n of the routine.

    ``args`` are the unnamed arguments' list (after the ``named`` ones),
    or () in a routine that has none. Outside 1 to the argument count it
    is ScarletDME's "Illegal argument reference".
    """
    from runtime_lib.errors import UnsupportedAtRuntime
    from runtime_lib.values import to_int

    i = to_int(n)
    if i < 1 or i > max(len(args), named):
        raise BasicError("Illegal argument reference")
    if i <= named:
        raise UnsupportedAtRuntime(
            f"SET.ARG of argument {i}, a named parameter, with a computed"
            " argument number is not supported"
        )
    args[i - 1] = value


def arg(values: tuple, n: object) -> object:
    """ARG(n): argument n of a VAR.ARGS routine."""
    from runtime_lib.values import to_int

    i = to_int(n)
    if 1 <= i <= len(values):
        return values[i - 1]
    return UNASSIGNED


def catalogued(name: object) -> int:
    """CATALOGUED(name): 1 if the name can be CALLed."""
    return 1 if _catalog.catalog.find_source(to_str(name)) is not None else 0


# --- COMMON ---------------------------------------------------------------


_COMMONS: dict[str, list] = {}


def common(
    block: str, layout: tuple, unassigned: bool = False, pick: bool = False
) -> list:
    """The storage of a COMMON block, created on first use.

    COMMON variables start as integer 0, not unassigned (ScarletDME), unless
    ``$MODE UNASSIGNED.COMMON`` (``unassigned=True``). A routine that
    declares more names than another extends the block. ``pick``
    ($MODE PICK.MATRIX) makes its matrices Pick style. ScarletDME also lays
    such a matrix's elements out in the block itself, so that a routine
    declaring the block without the mode sees them as plain variables;
    here a matrix takes one place in the block whatever the mode.
    """
    storage = _COMMONS.get(block)
    if storage is None:
        storage = []
        _COMMONS[block] = storage
    for i, entry in enumerate(layout):
        if i < len(storage):
            continue
        if isinstance(entry, tuple):
            matrix = Matrix(entry[0], *entry[1:], pick=pick, in_common=pick)
            if not unassigned:
                matrix.clear()
            storage.append(matrix)
        else:
            storage.append(Unassigned(entry) if unassigned else 0)
    return storage


def clearcommon() -> None:
    """CLEARCOMMON: reset the unnamed COMMON block to zeros."""
    storage = _COMMONS.get("")
    if storage:
        for i, value in enumerate(storage):
            if isinstance(value, Matrix):
                value.clear()
            else:
                storage[i] = 0


# --- programs -----------------------------------------------------------------


def command_word(word: object) -> str:
    """A word of a program's command line as typed at ScarletDME's prompt:
    one that is empty or holds a space goes in quotes (", ' or \\, the
    first it does not hold), as the shell took them off."""
    text = to_str(word)
    if text and " " not in text:
        return text
    quote = next((q for q in "\"'\\" if q not in text), '"')
    return quote + text + quote


def program(info: ItemInfo) -> Callable:
    """Decorator for a program's ``main``: run it with command-line words.

    ``main("a", "b")`` runs the program as ``RUN NAME a b`` would: @SENTENCE
    is the name and the words. STOP ends it normally (main returns 0).
    """

    def decorate(body: Callable[[], None]) -> Callable[..., int]:
        def main(*words: str, sentence: Optional[str] = None) -> int:
            from runtime_lib import process, session, terminal

            if sentence is None:
                sentence = " ".join([info.name, *[command_word(w) for w in words]])
            # A forked child never returns from its outermost program.
            outermost = session.session.level == 0
            with process.forked_child_boundary(outermost):
                with session.program_level(sentence):
                    try:
                        body()
                    except StopProgram:
                        pass
                    except ChainProgram:
                        raise
                    except Exception as exc:
                        # Name the BASIC line for a Python caller too, not
                        # only for the program runner.
                        from runtime_lib.program import locate_error

                        locate_error(exc)
                        raise
                    finally:
                        terminal.flush()
            return 0

        main.__wrapped__ = body
        main.__doc__ = body.__doc__
        main.__name__ = "main"
        info.entry = info.python_entry = main
        _catalog.catalog.note_module(body.__globals__)
        return main

    return decorate


def assigned(value: object) -> int:
    """ASSIGNED(var): 1 unless the variable is unassigned."""
    return 0 if isinstance(value, Unassigned) else 1


def unassigned_(value: object) -> int:
    """UNASSIGNED(var): 1 if the variable is unassigned."""
    return 1 if isinstance(value, Unassigned) else 0
