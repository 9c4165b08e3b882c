"""Control flow helpers for generated code: GOSUB, sections, FOR, ON, STOP.

A routine's jump targets are nested functions ("sections"); each returns the
section to run next, or None for RETURN. ``gosub`` runs sections until one
returns None, counting nesting depth against ScarletDME's limit of 256.
"""

from __future__ import annotations

from typing import Callable, Optional

from runtime_lib.errors import (
    AbortError,
    GosubDepthError,
    ReturnWithoutGosubError,
    StopProgram,
)
from runtime_lib.state import FLTDIFF
from runtime_lib.values import to_int, to_num, to_str

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


def done_value(result: Optional[Done]) -> object:
    """The value a FUNCTION returns after running sections."""
    return result.value if isinstance(result, Done) else ""


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
    v = to_num(value)
    lim = to_num(limit)
    s = to_num(step)
    if type(v) is int and type(lim) is int:
        return v >= lim if s < 0 else v <= lim
    if s < 0:
        return v >= lim or abs(v - lim) <= FLTDIFF
    return v <= lim or abs(v - lim) <= FLTDIFF


def stop(message: object = None, *args: object) -> None:
    """STOP [msg]: end the program normally, printing the message if any.

    The message continues the current output line (no newline first).
    """
    from runtime_lib import terminal

    text = None
    if message is not None:
        text = _message_text(message, args)
        terminal.emit(text + "\n")
    raise StopProgram(text)


def abort(message: object = None, *args: object) -> None:
    """ABORT [msg]: print the message, then end with ScarletDME's Abort error."""
    from runtime_lib import terminal

    if message is not None:
        terminal.emit(_message_text(message, args) + "\n")
    raise AbortError()


def _message_text(message: object, args) -> str:
    if args:
        from runtime_lib.messages import error_message

        return error_message(message, args)
    return to_str(message)
