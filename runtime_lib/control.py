"""Control flow helpers for generated code: GOSUB, sections, FOR, ON, STOP.

A routine's jump targets are nested functions ("sections"); each returns the
section to run next, or None for RETURN. ``gosub`` runs sections until one
returns None, counting nesting depth against ScarletDME's limit of 256.
"""

from __future__ import annotations

import math
from typing import Callable, Optional

from runtime_lib.errors import (
    AbortError,
    GosubDepthError,
    ReturnWithoutGosubError,
    StopProgram,
)
from runtime_lib.state import FLTDIFF
from runtime_lib.values import INT32_MAX, INT32_MIN, to_int, to_num, to_str

MAX_GOSUB_DEPTH = 256

Section = Callable[[], object]


class ReturnTo:
    """RETURN TO label: leave this GOSUB level and continue at a section."""

    __slots__ = ("section",)

    def __init__(self, section: Section):
        self.section = section


class Done:
    """RETURN value from a FUNCTION, made inside a GOSUB section."""

    __slots__ = ("value",)

    def __init__(self, value: object):
        self.value = value


class _Depth:
    value = 0


_depth = _Depth()


def gosub_depth() -> int:
    """How many GOSUBs are active (SYSTEM(1029))."""
    return _depth.value


def gosub(section: Section) -> Optional[object]:
    """GOSUB: run sections from ``section`` until a RETURN.

    Returns None normally. After RETURN TO it returns the section to jump
    to, and after a FUNCTION's RETURN value a :class:`Done`; the caller
    passes either on.
    """
    if _depth.value >= MAX_GOSUB_DEPTH:
        raise GosubDepthError()
    _depth.value += 1
    try:
        result = section()
        while result is not None:
            if isinstance(result, ReturnTo):
                return result.section
            if isinstance(result, Done):
                return result
            result = result()
        return None
    finally:
        _depth.value -= 1


def run_sections(section) -> Optional[Done]:
    """Run sections at the current level (a GOTO) until one returns None."""
    result = section
    while result is not None:
        if isinstance(result, Done):
            return result
        if isinstance(result, ReturnTo):
            raise ReturnWithoutGosubError()
        result = result()
    return None


def done(value: object) -> Done:
    """A FUNCTION's RETURN value, from inside a section."""
    return Done(value)


def done_value(result: Optional[Done], default: object = "") -> object:
    """What a FUNCTION returns after running sections: the RETURN's, or
    ``default`` when none ran (the value "" with the parameters)."""
    return result.value if isinstance(result, Done) else default


def return_to(section: Section) -> ReturnTo:
    """RETURN TO label."""
    return ReturnTo(section)


def return_to_without_gosub() -> None:
    """RETURN TO with no GOSUB active."""
    raise ReturnWithoutGosubError()


def on_index(selector: object, count: int) -> int:
    """The 0-based label index for ON n GOTO/GOSUB.

    Below 1 takes the first label, above the count the last, and a
    fraction is truncated (ON 2.7 takes label 2), as ScarletDME does.
    """
    n = to_int(selector)
    if n < 1:
        return 0
    if n > count:
        return count - 1
    return n - 1


def on_index_in_range(selector: object, count: int) -> Optional[int]:
    """ON n GOTO under $MODE PICK.JUMP.RANGE: None (fall through) when out of range."""
    n = to_int(selector)
    if 1 <= n <= count:
        return n - 1
    return None


def for_test(value: object, limit: object, step: object) -> bool:
    """Is a FOR variable still within its limit? (limit and step read each pass)

    A negative STEP counts down; float comparisons use ScarletDME's FLTDIFF
    tolerance, so 0 TO 1 STEP 0.1 ends exactly at 1.
    """
    if type(value) is int and type(limit) is int and type(step) is int:
        return value >= limit if step < 0 else value <= limit
    v = to_num(value)
    lim = to_num(limit)
    s = to_num(step)
    if type(v) is int and type(lim) is int:
        return v >= lim if s < 0 else v <= lim
    if s < 0:
        return v >= lim or abs(v - lim) <= FLTDIFF
    return v <= lim or abs(v - lim) <= FLTDIFF


def for_range(start: int, limit: object, step: int = 1):
    """The values of a FOR variable with an integer start and step, when
    the limit is read once (it cannot change while the loop runs).

    ``FOR I = start TO limit [STEP step]`` runs while :func:`for_test`
    passes: the limit is converted as a number (a float limit lets values
    within FLTDIFF of it pass) and each value is the last plus the step.
    That is a ``range`` when every value fits 32 bits; past 2147483647
    BASIC's integers become floats, so then the values are made one by one
    as BASIC makes them.
    """
    lim = to_num(limit)
    if type(start) is not int or type(step) is not int or step == 0:
        return _for_values(start, lim, step)
    if type(lim) is float:
        if lim != lim:
            return range(0)  # NaN: no value passes
        if abs(lim) > INT32_MAX:
            return _for_values(start, lim, step)
        last = math.floor(lim) if step > 0 else math.ceil(lim)
        # The test is "v <= lim or |v - lim| <= FLTDIFF" (>= for a negative step).
        while for_test(last + (1 if step > 0 else -1), lim, step):
            last += 1 if step > 0 else -1
        while not for_test(last, lim, step) and abs(last - lim) < 2:
            last -= 1 if step > 0 else -1
    else:
        last = lim
    if INT32_MIN <= last <= INT32_MAX:
        return range(start, last + (1 if step > 0 else -1), step)
    return _for_values(start, lim, step)


def _for_values(value: object, limit: object, step: object):
    """FOR values one by one, stepped with BASIC's addition."""
    from runtime_lib.arith import add

    while for_test(value, limit, step):
        yield value
        value = add(value, step)


def stop(message: object = None) -> None:
    """STOP [msg]: end the program normally, printing the message if any.

    The message continues the current output line (no newline first).
    """
    from runtime_lib import terminal

    text = None
    if message is not None:
        text = to_str(message)
        terminal.emit(text + "\n")
    raise StopProgram(text)


def stope(msg_id: object, *args: object) -> None:
    """STOPE id, args (STOP under $MODE PICK.ERRMSG): show the ERRMSG
    message, then end the program normally."""
    from runtime_lib.pick_messages import errmsg

    errmsg(msg_id, *args)
    raise StopProgram()


def abort(message: object = None) -> None:
    """ABORT [msg]: print the message, then end with ScarletDME's Abort error."""
    from runtime_lib import terminal

    if message is not None:
        terminal.emit(to_str(message) + "\n")
    raise AbortError()


def aborte(msg_id: object, *args: object) -> None:
    """ABORTE id, args (ABORT under $MODE PICK.ERRMSG): show the ERRMSG
    message, then end with the Abort error."""
    from runtime_lib.pick_messages import errmsg

    errmsg(msg_id, *args)
    raise AbortError()
