"""BASIC values: marks, unassigned markers, string/number conversion, truth.

A BASIC value is a Python ``str`` (one character per byte, Latin-1), an
``int`` (ScarletDME's 32-bit INTEGER; results outside 32 bits become
``float``), a ``float`` (FLOATNUM), an :class:`Unassigned` marker, or a
runtime object (file variable, socket, ...).

The rules here are ScarletDME's (``k_funcs.c``: ``k_str_to_num``,
``k_num_to_str``, ``k_get_bool``; ``qmlib.c``: ``ftoa``).
"""

from __future__ import annotations

import math

from runtime_lib.errors import NonNumericError, UnassignedError
from runtime_lib.state import INTPREC, state

IM = "\xff"
FM = "\xfe"
AM = FM
VM = "\xfd"
SM = "\xfc"
SVM = SM
TM = "\xfb"
MARKS = IM + FM + VM + SM + TM

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1


class Unassigned:
    """The value of a BASIC variable that has not been assigned yet.

    Each variable starts with its own marker so that an error can name it.
    Any operation that reads the value raises :class:`UnassignedError`.
    """

    __slots__ = ("name",)

    def __init__(self, name: str = ""):
        self.name = name

    def __repr__(self) -> str:
        return f"Unassigned({self.name!r})"

    def fail(self) -> UnassignedError:
        """Return the error to raise for reading this variable."""
        return UnassignedError(self.name)


UNASSIGNED = Unassigned()


def unassigned(*names: str) -> tuple[Unassigned, ...]:
    """Return one fresh marker per name (used at routine entry)."""
    return tuple(Unassigned(n) for n in names)


def is_assigned(value: object) -> bool:
    """ASSIGNED(): true unless the value is an unassigned marker."""
    return not isinstance(value, Unassigned)


# --- string to number -------------------------------------------------------


def _parse_number(s: str) -> int | float | None:
    """Return the number a string holds, or None if it is not numeric.

    ScarletDME's k_str_to_num: leading and trailing blanks are ignored, one
    sign, digits with at most one ".", no exponent; "" is 0; "." alone is
    0.0; more than 15 integer digits is not numeric. An integer that does
    not fit 32 bits becomes a float.
    """
    t = s.strip(" ")
    if not t:
        return 0
    i = 0
    n = len(t)
    negative = False
    if t[0] in "+-":
        negative = t[0] == "-"
        i = 1
    int_digits = 0
    frac_digits = 0
    seen_point = False
    start = i
    while i < n:
        c = t[i]
        if "0" <= c <= "9":
            if seen_point:
                frac_digits += 1
            else:
                int_digits += 1
        elif c == "." and not seen_point:
            seen_point = True
        else:
            return None
        i += 1
    if int_digits > 15:
        return None
    body = t[start:]
    if not seen_point:
        if int_digits == 0:
            return None
        value = int(body)
        if negative:
            value = -value
        if INT32_MIN <= value <= INT32_MAX:
            return value
        return float(value)
    if int_digits == 0 and frac_digits == 0:
        return -0.0 if negative else 0.0
    value = float(body if body != "." else "0")
    return -value if negative else value


def to_num(value: object) -> int | float:
    """Return the number for a value, raising for non-numeric data."""
    if type(value) is int or type(value) is float:
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        number = _parse_number(value)
        if number is None:
            if state.opt_non_numeric_warning:
                return 0
            raise NonNumericError(value)
        return number
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Unassigned):
        raise value.fail()
    if isinstance(value, (int, float)):
        return value
    raise NonNumericError(value)


def is_numeric(value: object) -> bool:
    """NUM(): true when the value converts to a number ("" counts as 0)."""
    if type(value) is int or type(value) is float:
        return True
    if isinstance(value, str):
        return _parse_number(value) is not None
    if isinstance(value, Unassigned):
        raise value.fail()
    return False


def is_strict_numeric(s: str) -> bool:
    """ScarletDME's k_is_num, used when comparing two strings.

    Digits, one leading sign, one ".", at least one digit, at most 15
    integer digits and no spaces.
    """
    if not s:
        return False
    i = 1 if s[0] in "+-" else 0
    digits = 0
    int_digits = 0
    seen_point = False
    for c in s[i:]:
        if "0" <= c <= "9":
            digits += 1
            if not seen_point:
                int_digits += 1
        elif c == "." and not seen_point:
            seen_point = True
        else:
            return False
    return digits > 0 and int_digits <= 15


def to_int(value: object) -> int:
    """Return a value as an integer the way ScarletDME's k_get_int does.

    The number is nudged by 5e-13 (INTPREC 13) away from zero before it is
    truncated, so 0.9999999999999 gives 1.
    """
    number = to_num(value)
    if type(number) is int:
        return number
    if math.isnan(number) or math.isinf(number):
        raise NonNumericError(value)
    nudge = 5 * 10.0 ** -INTPREC
    if number >= 0:
        return int(number + nudge)
    return int(number - nudge)


# --- number to string -------------------------------------------------------


def format_float(x: float, precision: int) -> str:
    """Return a float as ScarletDME prints it at the given PRECISION.

    The value is written with 15 decimals, then rounded half up on that
    decimal text; trailing zeros and a trailing "." are dropped; there is
    never an exponent. Exact negative zero prints "-0"; a negative value
    that rounds to zero prints "0".
    """
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    if math.isnan(x):
        return "-nan" if math.copysign(1.0, x) < 0 else "nan"
    if math.isinf(x):
        return "-inf" if x < 0 else "inf"
    text = "%.15f" % x
    negative = text[0] == "-"
    if negative:
        text = text[1:]
    int_part, frac_part = text.split(".")
    keep = frac_part[:precision]
    digits = int_part + keep
    if frac_part[precision : precision + 1] >= "5":
        digits = str(int(digits) + 1).rjust(len(digits), "0")
    if precision:
        int_part, keep = digits[:-precision], digits[-precision:]
    else:
        int_part, keep = digits, ""
    int_part = int_part.lstrip("0") or "0"
    keep = keep.rstrip("0")
    result = int_part + "." + keep if keep else int_part
    if result == "0":
        return "0"
    return "-" + result if negative else result


def to_str(value: object) -> str:
    """Return a value as a BASIC string (numbers formatted as PRINT shows)."""
    if type(value) is str:
        return value  # type: ignore[return-value]
    if type(value) is int:
        return str(value)
    if type(value) is float:
        return format_float(value, state.precision)  # type: ignore[arg-type]
    if isinstance(value, Unassigned):
        raise value.fail()
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return format_float(float(value), state.precision)
    text = getattr(value, "basic_str", None)
    if text is not None:
        return text()
    return str(value)


def truth(value: object) -> bool:
    """Return BASIC truth (k_get_bool).

    Numbers are true when non-zero. A string is false only if it is empty or
    an optional sign followed by zeros with at most one "."; "ABC" and " 0"
    are true. File and socket variables are true.
    """
    if type(value) is int or type(value) is float:
        return value != 0
    if isinstance(value, str):
        if not value:
            return False
        i = 1 if value[0] in "+-" else 0
        seen_point = False
        for c in value[i:]:
            if c == "0":
                continue
            if c == "." and not seen_point:
                seen_point = True
                continue
            return True
        return False
    if isinstance(value, Unassigned):
        raise value.fail()
    return True


def cat(*values: object) -> str:
    """Concatenate values with ``:`` (numbers formatted as PRINT shows)."""
    return "".join([to_str(v) for v in values])
