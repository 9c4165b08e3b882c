"""BASIC values: marks, unassigned markers, string/number conversion, truth.

A BASIC value is a Python ``str`` (one character per byte, Latin-1), an
``int`` (ScarletDME's 32-bit INTEGER; results outside 32 bits become
``float``), a ``float`` (FLOATNUM), an :class:`Unassigned` marker, or a
runtime object (file variable, socket, ...). A runtime object that stands
for a plain value (``REUSE()``'s wrapper) exposes it as ``basic_value``;
one that prints as text has a ``basic_str()`` method.

The rules here are ScarletDME's (``k_funcs.c``: ``k_str_to_num``,
``k_is_num``, ``k_num_to_str``, ``k_get_bool``, ``k_get_int``,
``k_get_float``; ``qmlib.c``: ``ftoa``; ``op_misc.c``: ``op_vartype``).
"""

from __future__ import annotations

import math
import re

from runtime_lib.errors import BasicError, NonNumericError, UnassignedError
from runtime_lib.state import INTPREC, state

__all__ = [
    "AM",
    "FM",
    "IM",
    "INT32_MAX",
    "INT32_MIN",
    "MARKS",
    "SM",
    "SVM",
    "TM",
    "UNASSIGNED",
    "VM",
    "Unassigned",
    "cat",
    "format_float",
    "is_assigned",
    "is_numeric",
    "is_strict_numeric",
    "to_float",
    "to_int",
    "to_num",
    "to_str",
    "truth",
    "try_num",
    "unassigned",
    "vartype",
]

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

# k_funcs.c's rounding table: k_get_int and INT() add rounding[INTPREC - 1]
# (5e-13 for the default INTPREC 13) before truncating a float.
_ROUNDING = (
    0.5,
    0.05,
    0.005,
    0.0005,
    0.00005,
    0.000005,
    0.0000005,
    0.00000005,
    0.000000005,
    0.0000000005,
    0.00000000005,
    0.000000000005,
    0.0000000000005,
    0.00000000000005,
)
INT_NUDGE = _ROUNDING[INTPREC - 1] if INTPREC else 0.0

_NO_VALUE = object()

# k_is_num: optional sign, at most 15 digits before an optional point, at
# least one digit in all.
_STRICT_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,15}(?:\.[0-9]*)?|\.[0-9]+)\Z")
_NUMBER_START = frozenset("0123456789+-.")

# Decimals that cannot overflow 32 bits before the point, with no blanks or
# "+": the common case of scan_number.
_PLAIN_DECIMAL = re.compile(r"(-?)([0-9]{0,9})\.([0-9]*)\Z")

# VARTYPE() codes are ScarletDME's descriptor types (descr.h).
VARTYPE_UNASSIGNED = 0
VARTYPE_INTEGER = 2
VARTYPE_FLOAT = 3
VARTYPE_STRING = 5
VARTYPE_FILE = 6


class Unassigned:
    """The value of a BASIC variable that has not been assigned yet.

    Each variable starts with its own marker so that an error can name it.
    Any operation that reads the value raises :class:`UnassignedError`
    (with OPTION UNASSIGNED.WARNING it reads as 0 or "" instead).
    """

    __slots__ = ("name",)

    def __init__(self, name: str = ""):
        self.name = name

    def __repr__(self) -> str:
        return f"Unassigned({self.name!r})"

    def fail(self) -> UnassignedError:
        """Return the error to raise for reading this variable."""
        return UnassignedError(self.name, marker=self)


UNASSIGNED = Unassigned()


def unassigned(*names: str) -> tuple[Unassigned, ...]:
    """Return one fresh marker per name (used at routine entry)."""
    return tuple(Unassigned(n) for n in names)


def is_assigned(value: object) -> bool:
    """Return ASSIGNED(): true unless the value is an unassigned marker."""
    return not isinstance(value, Unassigned)


def vartype(value: object) -> int:
    """Return VARTYPE(v): 0 unassigned, 2 integer, 3 float, 5 string, 6 file.

    Runtime objects report their own code through a ``basic_vartype``
    attribute (a file variable has 6, a socket 13, ...).
    """
    kind = type(value)
    if kind is str:
        return VARTYPE_STRING
    if kind is int or kind is bool:
        return VARTYPE_INTEGER
    if kind is float:
        return VARTYPE_FLOAT
    if isinstance(value, Unassigned):
        return VARTYPE_UNASSIGNED
    code = getattr(value, "basic_vartype", None)
    if code is not None:
        return code
    inner = getattr(value, "basic_value", _NO_VALUE)
    if inner is not _NO_VALUE:
        return vartype(inner)
    if isinstance(value, str):
        return VARTYPE_STRING
    if isinstance(value, int):
        return VARTYPE_INTEGER
    if isinstance(value, float):
        return VARTYPE_FLOAT
    raise BasicError(f"VARTYPE of unsupported value {type(value).__name__}")


# --- string to number -------------------------------------------------------

# Returned by scan_number() for a string that holds marks where a numeric
# array is allowed (the arithmetic operators then work element by element).
NUMERIC_ARRAY = object()


def scan_number(s: str, array_allowed: bool = False) -> object:
    """Return the number a string holds, None, or ``NUMERIC_ARRAY``.

    This is ScarletDME's k_str_to_num, character for character:
    - "" is integer 0, but a string of blanks is not numeric;
    - blanks before the number and after it are ignored, a blank inside it
      makes the string non-numeric ("- 5" is not numeric, "+ 5" is 5);
    - any number of "+" and one "-" may come before the digits ("+-5" is -5);
    - one "."; "." alone is 0.0 and "5." is 5.0 (floats);
    - integers that fit 32 bits are int, larger ones float; once the digits
      overflow 32 bits, more than 15 digits before the point (leading zeros
      count) make the string non-numeric;
    - decimals are summed digit by digit (d * 0.1, d * 0.01, ...), so
      "0.3" gives the float 3 * 0.1, as ScarletDME computes it;
    - no exponent, no hex;
    - a mark resets the scan and, where numeric arrays are allowed, the
      string is a numeric array (its elements are converted one by one
      later).
    """
    if not s:
        return 0
    negative = False
    floating = False
    trailing_space = False
    num_array = False
    digits = 0
    dp = 0
    value = 0
    fvalue = 0.0
    dplace = 0.0
    for c in s:
        if "0" <= c <= "9":
            if trailing_space:
                return None
            d = ord(c) - 48
            if not floating:
                t = value * 10 + d
                if t > INT32_MAX:
                    floating = True
                    fvalue = float(value) * 10 + d
                    dp = -1
                else:
                    value = t
                digits += 1
            elif dp >= 0:
                if dplace != 0.0:
                    fvalue += d * dplace
                    dp += 1
                    dplace /= 10
            else:
                digits += 1
                if digits > 15:
                    return None
                fvalue = fvalue * 10 + d
        elif c == " ":
            trailing_space = bool(digits or negative)
        elif array_allowed and c in MARKS:
            num_array = True
            negative = floating = trailing_space = False
            digits = dp = value = 0
        elif trailing_space:
            return None
        elif c == "+":
            if digits or negative:
                return None
        elif c == "-":
            if digits or negative:
                return None
            negative = True
        elif c == ".":
            digits += 1
            if floating:
                if dp >= 0:
                    return None
            else:
                floating = True
                fvalue = float(value)
            dp = 0
            dplace = 0.1
        else:
            return None
    if num_array:
        return NUMERIC_ARRAY
    if not digits and not dp:
        return None
    if floating:
        return -fvalue if negative else fvalue
    return -value if negative else value


def _str_to_num(s: str) -> int | float | None:
    """Return the number in a string or None (scan_number without arrays)."""
    # Plain digit strings are by far the most common; nine digits always fit.
    if len(s) < 10 and s.isdigit() and s.isascii():
        return int(s)
    try:
        return _NUMBER_CACHE[s]
    except KeyError:
        pass
    match = _PLAIN_DECIMAL.match(s)
    if match is None:
        number = scan_number(s)
    else:
        number = _plain_decimal(*match.groups())
    if len(s) <= _CACHED_LENGTH:
        if len(_NUMBER_CACHE) >= _CACHE_SIZE:
            _NUMBER_CACHE.clear()
        _NUMBER_CACHE[s] = number  # type: ignore[assignment]
    return number  # type: ignore[return-value]


def _plain_decimal(sign: str, int_digits: str, frac_digits: str) -> float:
    """Return scan_number's value for ``-?digits.digits`` (no overflow)."""
    value = float(int(int_digits)) if int_digits else 0.0
    dplace = 0.1
    for c in frac_digits:
        if dplace == 0.0:
            break
        value += (ord(c) - 48) * dplace
        dplace /= 10
    return -value if sign else value


# Converted short strings are remembered: generated code converts the same
# literals and field values again and again.
_NUMBER_CACHE: dict[str, int | float | None] = {}
_CACHE_SIZE = 4096
_CACHED_LENGTH = 40


def try_num(value: object) -> int | float | None:
    """Return the number a value holds, or None when it is not numeric.

    Strings follow k_str_to_num (see :func:`scan_number`); "" gives 0.
    """
    kind = type(value)
    if kind is int or kind is float:
        return value  # type: ignore[return-value]
    if kind is str:
        return _str_to_num(value)  # type: ignore[arg-type]
    try:
        return to_num(value)
    except NonNumericError:
        return None


def to_num(value: object) -> int | float:
    """Return the number for a value, raising for non-numeric data.

    BASIC's implicit conversion (k_get_num): strings follow k_str_to_num
    (:func:`scan_number`); non-numeric data raises NonNumericError, or gives
    0 under OPTION NON.NUMERIC.WARNING.
    """
    kind = type(value)
    if kind is int or kind is float:
        return value  # type: ignore[return-value]
    if kind is str:
        number = _str_to_num(value)  # type: ignore[arg-type]
        if number is None:
            if state.opt_non_numeric_warning:
                return 0
            raise NonNumericError(value)
        return number
    if kind is bool:
        return int(value)  # type: ignore[arg-type]
    if isinstance(value, Unassigned):
        if state.opt_unassigned_warning:
            return 0
        raise value.fail()
    inner = getattr(value, "basic_value", _NO_VALUE)
    if inner is not _NO_VALUE:
        return to_num(inner)
    if isinstance(value, str):
        return to_num(str.__str__(value))
    if isinstance(value, (int, float)):
        return to_num(float(value) if isinstance(value, float) else int(value))
    if state.opt_non_numeric_warning:
        return 0
    raise NonNumericError(value)


def to_float(value: object) -> float:
    """Return a value as a float the way k_get_float does (SQRT, PWR, ...)."""
    number = to_num(value)
    return number if type(number) is float else float(number)


def c_int32(x: float) -> int:
    """Return C's ``(int32_t)x``: truncation; NaN or out of range is INT32_MIN.

    x86 gives the "integer indefinite" value 0x80000000 when the truncated
    value does not fit, and ScarletDME runs on x86.
    """
    if x != x or not -2147483649.0 < x < 2147483648.0:
        return INT32_MIN
    return int(x)


def to_int(value: object) -> int:
    """Return a value as an integer the way ScarletDME's k_get_int does.

    A float is nudged by 5e-13 (INTPREC 13) away from zero and then
    truncated, so 0.9999999999999 gives 1. A string is converted and
    truncated with no nudge ("0.9999999999999" gives 0). A number beyond
    32 bits raises "Numeric overflow".
    """
    kind = type(value)
    if kind is int:
        return value  # type: ignore[return-value]
    if kind is str:
        number = _str_to_num(value)  # type: ignore[arg-type]
        if number is None:
            number = to_num(value)
        if type(number) is int:
            return number
        if abs(number) > INT32_MAX:
            raise BasicError("Numeric overflow")
        return c_int32(number)
    number = to_num(value)
    if type(number) is int:
        return number
    if abs(number) > INT32_MAX:
        raise BasicError("Numeric overflow")
    number += INT_NUDGE if number >= 0 else -INT_NUDGE
    return c_int32(number)


def is_strict_numeric(s: str) -> bool:
    """Return ScarletDME's k_is_num for a string (NUM() and string compares).

    True for "", or for an optional leading sign, digits with at most one
    "." and at least one digit, at most 15 digits before the point; no
    blanks, so " 1" is not numeric here.
    """
    if not s:
        return True
    if s[0] not in _NUMBER_START:
        return False
    if len(s) < 16 and s.isdigit() and s.isascii():
        return True
    return _STRICT_NUMBER.match(s) is not None


def is_numeric(value: object) -> bool:
    """Return NUM(v) as a bool: numbers are numeric; strings use k_is_num.

    So NUM("") and NUM("1.5") are true, NUM(" 1") and NUM("-") false.
    """
    kind = type(value)
    if kind is int or kind is float or kind is bool:
        return True
    if kind is str:
        return is_strict_numeric(value)  # type: ignore[arg-type]
    if isinstance(value, Unassigned):
        if state.opt_unassigned_warning:
            return True
        raise value.fail()
    inner = getattr(value, "basic_value", _NO_VALUE)
    if inner is not _NO_VALUE:
        return is_numeric(inner)
    return is_strict_numeric(to_str(value))


# --- number to string -------------------------------------------------------


def format_float(x: float, precision: int) -> str:
    """Return a float as ScarletDME prints it at the given PRECISION (ftoa).

    The value is written with 15 decimals, then rounded half up on that
    decimal text; trailing zeros and a trailing "." are dropped; there is
    never an exponent. Exact negative zero prints "-0" (printf shows its
    sign); a negative value that rounds to zero prints "0".
    """
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    if x != x:
        return "-nan" if math.copysign(1.0, x) < 0 else "nan"
    negative = x < 0
    if negative:
        x = -x
    if x == math.inf:
        return "-inf" if negative else "inf"
    text = "%.15f" % x
    point = len(text) - 16
    int_part = text[:point]
    frac = text[point + 1 : point + 1 + precision]
    if text[point + 1 + precision : point + 2 + precision] >= "5":
        digits = str(int(int_part + frac) + 1)
        if precision:
            digits = digits.zfill(precision + 1)
            int_part, frac = digits[:-precision], digits[-precision:]
        else:
            int_part, frac = digits, ""
    frac = frac.rstrip("0")
    result = int_part + "." + frac if frac else int_part
    if negative and result != "0":
        return "-" + result
    return result


def to_str(value: object) -> str:
    """Return a value as a BASIC string (numbers formatted as PRINT shows)."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    if kind is int:
        return str(value)
    if kind is float:
        return format_float(value, state.precision)  # type: ignore[arg-type]
    if isinstance(value, Unassigned):
        if state.opt_unassigned_warning:
            return ""
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
    inner = getattr(value, "basic_value", _NO_VALUE)
    if inner is not _NO_VALUE:
        return to_str(inner)
    return str(value)


def truth(value: object) -> bool:
    """Return BASIC truth (k_get_bool).

    Numbers are true when non-zero. A string is false only if it is empty or
    an optional sign followed by zeros with at most one "." ("-", "." and
    "-0.0" are false); "ABC" and " 0" are true. File and socket variables
    are true.
    """
    kind = type(value)
    if kind is int or kind is float:
        return value != 0
    if kind is str:
        if not value:
            return False
        i = 1 if value[0] in "+-" else 0  # type: ignore[index]
        seen_point = False
        for c in value[i:]:  # type: ignore[index]
            if c == "0":
                continue
            if c == "." and not seen_point:
                seen_point = True
                continue
            return True
        return False
    if isinstance(value, Unassigned):
        if state.opt_unassigned_warning:
            return False
        raise value.fail()
    inner = getattr(value, "basic_value", _NO_VALUE)
    if inner is not _NO_VALUE:
        return truth(inner)
    if isinstance(value, str):
        return truth(str.__str__(value))
    if isinstance(value, (int, float)):
        return value != 0
    return True


def cat(*values: object) -> str:
    """Return the values concatenated with ``:`` (numbers as PRINT shows)."""
    return "".join([to_str(v) for v in values])
